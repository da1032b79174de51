//! Whether participants' notes show on the room's screen straight away or
//! only once the facilitator approves them.

use leptos::prelude::*;

use crate::i18n::*;
use crate::platform::clock;
use crate::state::use_app;
use crate::ui::labels::tr;
use crate::ui::radio_choice::{RadioChoice, RadioOption};

/// Two radio buttons for the workshop's `approve_first`, saved at once. One
/// choice for every area, so each step shows the same.
#[component]
pub fn ApproveFirstChoice() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let options = [(false, "approve-first-off"), (true, "approve-first-on")]
        .into_iter()
        .map(|(on, id)| RadioOption {
            value: on,
            id: id.to_string(),
            label: Signal::derive(move || {
                if on {
                    tr!(i18n, moderate.show_approved)().to_string()
                } else {
                    tr!(i18n, moderate.show_now)().to_string()
                }
            }),
            icon: None,
        })
        .collect();
    view! {
        <RadioChoice
            name="approve-first"
            legend=Signal::derive(move || tr!(i18n, moderate.show_legend)().to_string())
            hint=Signal::derive(move || tr!(i18n, moderate.show_hint)().to_string())
            options=options
            chosen=Signal::derive(move || Some(state.workshop.with(|w| w.moderation.approve_first)))
            on_choose=Callback::new(move |on| {
                state.change(move |w| {
                    w.set_approve_first(on, clock::now());
                })
            })
            class="approve-first"
        />
    }
}
