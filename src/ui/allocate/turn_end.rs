//! The end of a participant's turn at one kind: done (or, on a passed-round
//! tablet, finished), and on to the next kind while there is one.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::Id;
use crate::platform::address::replace;
use crate::route::Route;
use crate::state::use_app;
use crate::ui::labels::{kind_name, tr};

/// The buttons under the allocation: finish the turn, or go on to the next kind.
#[component]
pub fn TurnEnd(
    /// Whose ballot.
    ballot: Id,
    /// The kind being divided.
    kind_id: Memo<String>,
    /// Pass-the-tablet mode: links stay in the mode, and finishing hands on.
    tablet: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let kind_route = move |kind| Route::turn(ballot, kind, tablet);
    let next_kind = move || {
        let current = kind_id.get();
        state.workshop.with(|w| {
            w.kind_after(&current)
                .map(|k| (k.id.clone(), kind_name(i18n, k)))
        })
    };
    view! {
        <div class="next-row">
            {if tablet {
                view! {
                    <a
                        class="button button-large"
                        href=Route::TabletFinished.href()
                        on:click=move |ev| {
                            ev.prevent_default();
                            replace(&Route::TabletFinished);
                        }
                    >
                        {tr!(i18n, tablet.finish)}
                    </a>
                }
                    .into_any()
            } else {
                view! {
                    <a class="button button-large" href=Route::Participants.href()>
                        {tr!(i18n, allocate.done)}
                    </a>
                }
                    .into_any()
            }}
            {move || {
                next_kind()
                    .map(|(id, name)| {
                        view! {
                            <a
                                class="button button-primary button-large"
                                href=kind_route(Some(id.clone())).href()
                                on:click={
                                    let target = kind_route(Some(id));
                                    move |ev| {
                                        if tablet {
                                            ev.prevent_default();
                                            replace(&target);
                                        }
                                    }
                                }
                            >
                                {t!(i18n, allocate.next_kind, kind = name)}
                                " →"
                            </a>
                        }
                    })
            }}
        </div>
    }
}
