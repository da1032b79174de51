//! The pieces of the allocation screen: one participant's split of one kind,
//! the split within an area across its models, and the buttons that end a turn.

pub mod model_split;
pub mod own_shift;
pub mod turn_end;

use leptos::prelude::*;

use crate::model::{Id, KindAllocation};
use crate::state::AppState;

/// A participant's split of a kind, or today's split until they move anything.
pub fn allocation_of(
    state: AppState,
    ballot: Id,
    kind_id: Memo<String>,
) -> Memo<Option<KindAllocation>> {
    Memo::new(move |_| {
        let id = kind_id.get();
        state.workshop.with(|w| {
            w.ballot(ballot)
                .and_then(|b| b.allocations.get(&id).cloned())
                .or_else(|| w.kind(&id).map(KindAllocation::from_baseline))
        })
    })
}
