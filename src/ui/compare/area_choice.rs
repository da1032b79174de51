//! Which areas the comparison shows, and which of each place's splits the
//! chart and the sentences follow (the room's average, its fair split, or
//! the agreed decision).

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{order, Area, Outcome, PlaceOrder};
use crate::state::comparison::use_comparison;
use crate::ui::compare::words::outcome_name;
use crate::ui::labels::{area_name, tr};
use crate::ui::radio_choice::{RadioChoice, RadioOption};

/// The areas' tick boxes and the choice of split.
#[component]
pub fn AreaChoice() -> impl IntoView {
    let i18n = use_i18n();
    let view = use_comparison().view;
    let boxes = Area::ALL
        .into_iter()
        .map(|area| {
            let id = format!("compare-area-{}", area.index());
            let for_id = id.clone();
            let shown = move || view.with(|v| v.areas.contains(&area));
            let on_change = move |_| {
                view.update(|v| {
                    if v.areas.contains(&area) {
                        v.areas.retain(|a| *a != area);
                    } else {
                        v.areas.push(area);
                        order::sort(&mut v.areas);
                    }
                })
            };
            view! {
                <label class="choice" for=for_id>
                    <input type="checkbox" id=id prop:checked=shown on:change=on_change />
                    <span>{area_name(i18n, area)}</span>
                </label>
            }
        })
        .collect_view();
    let options = Outcome::ALL
        .into_iter()
        .map(|outcome| RadioOption {
            value: outcome,
            // Debug names are ASCII, so this is all the lowercase they need.
            id: format!("compare-outcome-{outcome:?}").to_ascii_lowercase(),
            label: Signal::derive(move || outcome_name(i18n, outcome).to_string()),
            icon: None,
        })
        .collect();
    let choose = Callback::new(move |outcome: Outcome| {
        view.update(|v| {
            v.outcome = outcome;
            // A sort by an area's change follows the split shown.
            if let PlaceOrder::Change { kind, area, .. } = v.order {
                v.order = PlaceOrder::Change {
                    kind,
                    area,
                    outcome,
                };
            }
        })
    });
    view! {
        <div class="compare-choices">
            <fieldset class="choices compare-areas">
                <legend>{tr!(i18n, compare.areas)}</legend>
                {boxes}
            </fieldset>
            <RadioChoice
                name="compare-outcome"
                legend=Signal::derive(move || tr!(i18n, compare.outcome)().to_string())
                options=options
                chosen=Signal::derive(move || Some(view.with(|v| v.outcome)))
                on_choose=choose
                class="compare-outcome"
            />
        </div>
    }
}
