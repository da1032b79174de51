//! Whether the workshop asks the partnership check, and where in each
//! participant's steps: a set-up choice, so a tablet that joins asks it too.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::partnership::PartnershipCheck;
use crate::state::use_app;
use crate::ui::labels::tr;
use crate::ui::radio_choice::{RadioChoice, RadioOption};

/// The "Partnership check" card of the set-up.
#[component]
pub fn PartnershipChoice() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let option = |value, id: &str, label: fn(crate::ui::labels::I18n) -> String| RadioOption {
        value,
        id: id.to_string(),
        label: Signal::derive(move || label(i18n)),
        icon: None,
    };
    let options = vec![
        option(PartnershipCheck::Off, "check-off", |i| {
            t_string!(i, partnership.setup_off).to_string()
        }),
        option(PartnershipCheck::BeforeAllocation, "check-before", |i| {
            t_string!(i, partnership.setup_before).to_string()
        }),
        option(PartnershipCheck::AfterAllocation, "check-after", |i| {
            t_string!(i, partnership.setup_after).to_string()
        }),
    ];
    view! {
        <section class="card" aria-labelledby="check-heading">
            <h2 id="check-heading">{tr!(i18n, partnership.setup_label)}</h2>
            <RadioChoice
                name="partnership-check"
                legend=Signal::derive(move || t_string!(i18n, partnership.setup_hint).to_string())
                options=options
                chosen=Signal::derive(move || Some(state.workshop.with(|w| w.partnership_check)))
                on_choose=Callback::new(move |c| state.change(move |w| w.partnership_check = c))
            />
        </section>
    }
}
