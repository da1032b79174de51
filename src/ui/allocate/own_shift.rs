//! What goes down to pay for what goes up in this person's own split of one
//! kind, beside the sliders: the trade-off they are making, in the kind's unit.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{KindAllocation, ResourceKind};
use crate::ui::labels::tr;
use crate::ui::shift_list::ShiftList;

/// The losses and gains of this person's split against today's.
#[component]
pub fn OwnShift(
    /// Their split of the kind shown.
    allocation: Memo<Option<KindAllocation>>,
    /// The kind shown (its total, unit and today's split).
    kind: Memo<ResourceKind>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Drawn again only when the areas' shares move, not on a lock or a model split.
    let areas = Memo::new(move |_| allocation.with(|a| a.as_ref().map(|a| a.areas)));
    view! {
        <section class="card own-shift" aria-labelledby="own-shift-heading">
            <h2 id="own-shift-heading">{tr!(i18n, shift.heading)}</h2>
            {move || areas.get().map(|to| view! { <ShiftList kind=kind.get() to=to /> })}
        </section>
    }
}
