//! What goes down to pay for what goes up: for a split of one kind against
//! today's, the areas that lose and those that gain, in the kind's unit. The
//! model (`shift`) makes the two sides balance exactly; this only lists them.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::shift::{shift, AreaMove};
use crate::model::{AreaShares, ResourceKind};
use crate::ui::labels::{amount, area_name, change, tr};

/// The losses and the gains of moving `kind` from today's split to `to`.
#[component]
pub fn ShiftList(
    /// The kind (its total, unit and today's split).
    kind: ResourceKind,
    /// The split it moves to.
    to: AreaShares,
) -> impl IntoView {
    let i18n = use_i18n();
    let moves = shift(&kind, to);
    if moves.moved == 0 {
        return view! { <p class="shift-none">{tr!(i18n, shift.none)}</p> }.into_any();
    }
    let unit = kind.unit.clone();
    let list = move |items: Vec<AreaMove>, sign: i64| {
        items
            .into_iter()
            .map(|m| {
                view! {
                    <li>
                        <span class="shift-area">{area_name(i18n, m.area)}</span>
                        " "
                        <strong class="shift-amount">{change(&unit, sign * m.amount)}</strong>
                    </li>
                }
            })
            .collect_view()
    };
    let moved = t_string!(i18n, shift.moved, amount = amount(&kind.unit, moves.moved)).to_string();
    view! {
        <div class="shift">
            <p class="shift-total">{moved}</p>
            <div class="shift-columns">
                <div class="shift-down">
                    <p class="shift-side">{tr!(i18n, shift.down)}</p>
                    <ul>{list(moves.losses, -1)}</ul>
                </div>
                <div class="shift-up">
                    <p class="shift-side">{tr!(i18n, shift.up)}</p>
                    <ul>{list(moves.gains, 1)}</ul>
                </div>
            </div>
        </div>
    }
    .into_any()
}
