//! The typed percentage beside an area's slider, for figures a slider cannot
//! hit exactly; a figure it cannot read is refused with a reason.

use leptos::prelude::*;
use web_sys::HtmlInputElement;

use crate::i18n::*;
use crate::model::shares::{parse_percent, PercentError};
use crate::model::Area;
use crate::ui::labels::{area_name, percent_bp};

/// A share as the typed field shows it: "24" or "24.5".
fn pct_input(bp: u32) -> String {
    percent_bp(bp).trim_end_matches('%').to_string()
}

/// The typed percentage beside the slider, and what is wrong with a typed figure.
#[component]
pub fn TypedPercent(
    area: Area,
    share: Signal<u32>,
    locked: Signal<bool>,
    set: Callback<u32>,
    /// What is wrong with the typed figure; shown by the row, under its controls.
    typed_error: RwSignal<Option<PercentError>>,
    id_prefix: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let input_id = format!("{id_prefix}-{}-pct", area.id());
    let error_id = format!("{id_prefix}-{}-error", area.id());
    let set_typed_error = typed_error;
    let on_typed = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        match parse_percent(&input.value()) {
            Ok(bp) => {
                set_typed_error.set(None);
                set.run(bp);
                input.set_value(&pct_input(share.get_untracked()));
            }
            Err(e) => set_typed_error.set(Some(e)),
        }
    };
    view! {
        <span class="typed">
            <input
                type="text"
                inputmode="decimal"
                id=input_id
                class="pct-input"
                aria-label=move || t_string!(i18n, allocate.typed_label, area = area_name(i18n, area)).to_string()
                aria-invalid=move || typed_error.with(|e| e.is_some()).then_some("true")
                aria-describedby=error_id.clone()
                prop:value=move || pct_input(share.get())
                disabled=locked
                on:change=on_typed
            />
            <span aria-hidden="true">"%"</span>
        </span>
    }
}
