//! Starting a new workshop on this device, after asking.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::Workshop;
use crate::platform::dialog::confirm;
use crate::platform::{clock, random};
use crate::state::use_app;
use crate::ui::labels::tr;

/// The "Start a new workshop" card.
#[component]
pub fn StartNewWorkshop(
    /// Called once the new workshop has replaced the old one.
    on_started: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let start_new = move |_| {
        if confirm(t_string!(i18n, data.new_confirm)) {
            let catalogue = state.catalogue.get_untracked();
            state.replace(Workshop::new(
                random::new_id(),
                clock::now(),
                clock::today(),
                &catalogue,
            ));
            on_started.run(());
        }
    };
    view! {
        <section class="card" aria-labelledby="new-heading">
            <h2 id="new-heading">{tr!(i18n, data.new_heading)}</h2>
            <p>{tr!(i18n, data.new_body)}</p>
            <button class="button" on:click=start_new>{tr!(i18n, data.new)}</button>
        </section>
    }
}
