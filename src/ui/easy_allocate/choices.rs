//! The three big Easy Read choices for an area: less, the same as today, more.

use leptos::prelude::*;

use super::turn::EasyTurn;
use crate::i18n::*;
use crate::model::shares::{coarse_step, TOTAL_BP};
use crate::model::Area;
use crate::ui::labels::tr;

/// Less, same as today and more, each a step of 5 in every 100; none moves a
/// locked area, and each is off when it would change nothing.
#[component]
pub fn EasyChoices(
    turn: EasyTurn,
    area: Area,
    /// The area's share now, in basis points.
    share: u32,
    /// The area's share today, in basis points.
    today: u32,
    locked: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="easy-choices">
            <button
                type="button"
                class="easy-choice"
                disabled=locked || share == 0
                on:click=move |_| turn.set_area(area, coarse_step(share, false))
            >
                <img src="./icons/less.svg" alt="" width="56" height="56" />
                <span>{tr!(i18n, easy.less)}</span>
            </button>
            <button
                type="button"
                class="easy-choice"
                disabled=locked || share == today
                on:click=move |_| turn.set_area(area, today)
            >
                <img src="./icons/same.svg" alt="" width="56" height="56" />
                <span>{tr!(i18n, easy.same)}</span>
            </button>
            <button
                type="button"
                class="easy-choice"
                disabled=locked || (share >= TOTAL_BP)
                on:click=move |_| turn.set_area(area, coarse_step(share, true))
            >
                <img src="./icons/more.svg" alt="" width="56" height="56" />
                <span>{tr!(i18n, easy.more)}</span>
            </button>
        </div>
    }
}
