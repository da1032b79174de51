//! The facilitator's choice of what the room's screen leads with: the
//! average, the fair split, where the roles agree and divide, the agreed
//! decision's shift, the partnership check, or people's own words.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::RoomLead;
use crate::state::use_app;
use crate::ui::radio_choice::{RadioChoice, RadioOption};

/// Radio buttons, one per [`RoomLead`]; a choice is saved at once.
#[component]
pub fn RoomLeadChoice() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let options = RoomLead::ALL
        .into_iter()
        .map(|choice| RadioOption {
            value: choice,
            id: match choice {
                RoomLead::Average => "room-lead-average",
                RoomLead::FairSplit => "room-lead-fair",
                RoomLead::Agreement => "room-lead-agreement",
                RoomLead::Shift => "room-lead-shift",
                RoomLead::Partnership => "room-lead-partnership",
                RoomLead::Words => "room-lead-words",
            }
            .to_string(),
            label: Signal::derive(move || {
                match choice {
                    RoomLead::Average => t_string!(i18n, room.lead_average),
                    RoomLead::FairSplit => t_string!(i18n, room.lead_fair),
                    RoomLead::Agreement => t_string!(i18n, room.lead_agreement),
                    RoomLead::Shift => t_string!(i18n, room.lead_shift),
                    RoomLead::Partnership => t_string!(i18n, room.lead_partnership),
                    RoomLead::Words => t_string!(i18n, room.lead_words),
                }
                .to_string()
            }),
            icon: None,
        })
        .collect();
    view! {
        <RadioChoice
            name="room-lead"
            legend=Signal::derive(move || t_string!(i18n, room.lead_label).to_string())
            options=options
            chosen=Signal::derive(move || Some(state.workshop.with(|w| w.room.lead)))
            on_choose=Callback::new(move |choice| state.change(move |w| w.room.lead = choice))
            class="room-lead"
        />
    }
}
