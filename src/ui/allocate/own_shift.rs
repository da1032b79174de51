//! What goes down to pay for what goes up in this person's own split of one
//! kind, beside the sliders: the trade-off they are making, in the kind's unit.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{shift, AreaShares, KindAllocation, ResourceKind};
use crate::ui::labels::{amount, area_name, change, tr};

/// How long the shares must rest before the list is drawn again: while a
/// slider is dragged each tick draws only the slider's own figures, and the
/// list follows as soon as the finger pauses.
const SETTLE_MS: u64 = 150;

/// The losses and gains of this person's split against today's: all five
/// areas, always in the same rows, so the card never changes height as the
/// split moves. It follows the split a moment after each change, and a card
/// that grew then would move "Give my choices" and "Finished" under a finger
/// already on its way to them.
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
    let shown: RwSignal<Option<AreaShares>> = RwSignal::new(areas.get_untracked());
    let waiting: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    Effect::new(move |_| {
        let next = areas.get();
        if let Some(handle) = waiting.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            // try_: the screen may have gone by then.
            move || {
                waiting.try_set_value(None);
                if shown.try_get_untracked().is_some_and(|now| now != next) {
                    shown.try_set(next);
                }
            },
            std::time::Duration::from_millis(SETTLE_MS),
        )
        .ok();
        waiting.set_value(handle);
    });
    on_cleanup(move || {
        if let Some(handle) = waiting.try_get_value().flatten() {
            handle.clear();
        }
    });
    view! {
        <section class="card own-shift" aria-labelledby="own-shift-heading">
            <h2 id="own-shift-heading">{tr!(i18n, shift.heading)}</h2>
            {move || shown.get().map(|to| view! { <OwnShiftRows kind=kind.get() to=to /> })}
        </section>
    }
}

/// What moves in all, then each area's loss, gain or "no change".
#[component]
fn OwnShiftRows(kind: ResourceKind, to: AreaShares) -> impl IntoView {
    let i18n = use_i18n();
    let moves = shift(&kind, to);
    let total = if moves.moved == 0 {
        t_string!(i18n, shift.none).to_string()
    } else {
        t_string!(i18n, shift.moved, amount = amount(&kind.unit, moves.moved)).to_string()
    };
    let rows = moves
        .per_area()
        .into_iter()
        .map(|(area, by)| {
            let (class, text) = match by.signum() {
                -1 => ("shift-down", change(&kind.unit, by)),
                1 => ("shift-up", change(&kind.unit, by)),
                _ => ("shift-same", t_string!(i18n, shift.same).to_string()),
            };
            view! {
                <li class=class>
                    <span class="shift-area">{area_name(i18n, area)}</span>
                    " "
                    <strong class="shift-amount">{text}</strong>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="shift">
            <p class="shift-total">{total}</p>
            <ul>{rows}</ul>
        </div>
    }
}
