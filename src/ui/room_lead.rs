//! The facilitator's choice of what the room's screen leads with: the
//! average, the fair split, or where the roles agree and divide.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::RoomLead;
use crate::state::use_app;
use crate::ui::labels::tr;

/// Radio buttons, one per [`RoomLead`]; a choice is saved at once.
#[component]
pub fn RoomLeadChoice() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let lead = Memo::new(move |_| state.workshop.with(|w| w.room.lead));
    let options = RoomLead::ALL
        .into_iter()
        .map(|choice| {
            let id = match choice {
                RoomLead::Average => "room-lead-average",
                RoomLead::FairSplit => "room-lead-fair",
                RoomLead::Agreement => "room-lead-agreement",
            };
            let label = move || match choice {
                RoomLead::Average => t_string!(i18n, room.lead_average).to_string(),
                RoomLead::FairSplit => t_string!(i18n, room.lead_fair).to_string(),
                RoomLead::Agreement => t_string!(i18n, room.lead_agreement).to_string(),
            };
            view! {
                <label class="choice" for=id>
                    <input
                        type="radio"
                        id=id
                        name="room-lead"
                        prop:checked=move || lead.get() == choice
                        on:change=move |_| state.change(move |w| w.room.lead = choice)
                    />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices room-lead">
            <legend>{tr!(i18n, room.lead_label)}</legend>
            {options}
        </fieldset>
    }
}
