//! How the places are sorted and which are shown: by date, name or place, or
//! by how far each moved an area; by words in the workshop's name or place,
//! and between two dates.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Area, Comparison, PlaceOrder};
use crate::state::comparison::use_comparison;
use crate::ui::labels::{area_name, fill, tr};

/// An order as the select's value.
fn order_value(order: PlaceOrder) -> String {
    match order {
        PlaceOrder::Date => "date".into(),
        PlaceOrder::Name => "name".into(),
        PlaceOrder::Place => "place".into(),
        PlaceOrder::Change { kind, area, .. } | PlaceOrder::Amount { kind, area, .. } => {
            format!("change-{kind}-{}", area.index())
        }
    }
}

/// The select's value as an order, by the chosen split's change.
fn order_of(value: &str, outcome: crate::model::Outcome) -> PlaceOrder {
    let mut parts = value.split('-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("name"), ..) => PlaceOrder::Name,
        (Some("place"), ..) => PlaceOrder::Place,
        (Some("change"), Some(kind), Some(area)) => {
            match (
                kind.parse(),
                area.parse::<usize>().ok().and_then(Area::from_index),
            ) {
                (Ok(kind), Some(area)) => PlaceOrder::Change {
                    kind,
                    area,
                    outcome,
                },
                _ => PlaceOrder::Date,
            }
        }
        _ => PlaceOrder::Date,
    }
}

/// The order and the filters of places.
#[component]
pub fn ViewControls(
    /// The whole comparison, for its kinds.
    comparison: Memo<Comparison>,
) -> impl IntoView {
    let i18n = use_i18n();
    let view = use_comparison().view;
    let change_options = move || {
        comparison.with(|c| {
            c.kinds
                .iter()
                .enumerate()
                .flat_map(|(k, kind)| {
                    Area::ALL.into_iter().map(move |area| {
                        let words = format!(
                            "{}: {}",
                            kind.kind.name,
                            fill(
                                tr!(i18n, compare.sort_change)(),
                                &[("area", &area_name(i18n, area))]
                            )
                        );
                        (format!("change-{k}-{}", area.index()), words)
                    })
                })
                .collect::<Vec<_>>()
        })
    };
    let chosen = move || view.with(|v| order_value(v.order));
    let on_order = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        view.update(|v| v.order = order_of(&value, v.outcome));
    };
    let date = move |value: String| (!value.is_empty()).then_some(value);
    view! {
        <div class="compare-controls">
            <div class="field">
                <label for="compare-order">{tr!(i18n, compare.sort)}</label>
                <select id="compare-order" on:change=on_order prop:value=chosen>
                    <option value="date">{tr!(i18n, compare.sort_date)}</option>
                    <option value="name">{tr!(i18n, compare.sort_name)}</option>
                    <option value="place">{tr!(i18n, compare.sort_place)}</option>
                    {move || change_options().into_iter().map(|(value, words)| view! { <option value=value>{words}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="compare-words">{tr!(i18n, compare.words)}</label>
                <input id="compare-words" type="search" prop:value=move || view.with(|v| v.filter.words.clone())
                    on:input=move |ev| view.update(|v| v.filter.words = event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="compare-from">{tr!(i18n, compare.from)}</label>
                <input id="compare-from" type="date" prop:value=move || view.with(|v| v.filter.from_date.clone().unwrap_or_default())
                    on:change=move |ev| view.update(|v| v.filter.from_date = date(event_target_value(&ev))) />
            </div>
            <div class="field">
                <label for="compare-to">{tr!(i18n, compare.to)}</label>
                <input id="compare-to" type="date" prop:value=move || view.with(|v| v.filter.to_date.clone().unwrap_or_default())
                    on:change=move |ev| view.update(|v| v.filter.to_date = date(event_target_value(&ev))) />
            </div>
        </div>
    }
}
