//! The pieces of the set-up screen: the workshop's details, adding a
//! resource kind, one card per kind with its fields, today's split and the
//! years ahead, and the partnership check.

mod add_kind;
mod details;
mod kind_card;
mod kind_fields;
mod partnership_choice;
mod projected_totals;

pub use add_kind::AddKind;
pub use details::WorkshopDetails;
pub use kind_card::KindCard;
pub use partnership_choice::PartnershipChoice;

use crate::model::ResourceKind;
use crate::state::AppState;

/// Changes one resource kind of the workshop, found by its id.
fn edit_kind(state: AppState, kind_id: &str, f: impl FnOnce(&mut ResourceKind)) {
    state.change(|w| {
        if let Some(k) = w.kinds.iter_mut().find(|k| k.id == kind_id) {
            f(k);
        }
    });
}
