//! One resource kind's figures as a table: per area, each place's today,
//! room average, fair split and agreed decision side by side, each as a
//! share, an amount per year and the change against the place's own today.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::compare::Figure;
use crate::model::{ComparedPlace, KindComparison, Outcome, Unit};
use crate::ui::compare::words::{figure_lines, place_name};
use crate::ui::labels::{area_name, fill, long_date, tr};

/// One cell: the figure's lines, or "none" where the place has no such figure.
fn cell(
    i18n: crate::ui::labels::I18n,
    unit: &Unit,
    figure: Option<Figure>,
    today: bool,
) -> AnyView {
    match figure {
        Some(f) => {
            let moved = if today || f.change_amount == 0 {
                ""
            } else if f.change_amount > 0 {
                "up"
            } else {
                "down"
            };
            let lines = figure_lines(unit, f, today)
                .into_iter()
                .enumerate()
                .map(|(i, line)| {
                    let class = if i == 2 {
                        format!("figure-line change {moved}")
                    } else {
                        "figure-line".to_string()
                    };
                    view! { <span class=class>{line}</span> }
                })
                .collect_view();
            view! { <td>{lines}</td> }.into_any()
        }
        None => view! { <td class="none">{tr!(i18n, compare.none)}</td> }.into_any(),
    }
}

/// The table of one kind.
#[component]
pub fn CompareTable(
    /// The kind's figures.
    kind: KindComparison,
    /// The places, for their names.
    places: Vec<ComparedPlace>,
) -> impl IntoView {
    let i18n = use_i18n();
    let unit = kind.kind.unit.clone();
    let caption = fill(
        tr!(i18n, compare.table_caption)(),
        &[("kind", &kind.kind.name)],
    );
    let bodies = kind
        .areas
        .iter()
        .map(|a| {
            let rows = a
                .places
                .iter()
                .map(|p| {
                    let place = places.iter().find(|c| c.workshop == p.workshop);
                    let name = place.map(place_name).unwrap_or_default();
                    let date = place.map(|c| long_date(&c.date)).unwrap_or_default();
                    let outcomes = Outcome::ALL
                        .into_iter()
                        .map(|o| cell(i18n, &unit, p.get(o), false))
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row"><span class="figure-line">{name}</span><span class="figure-line small">{date}</span></th>
                            {cell(i18n, &unit, Some(p.today), true)}
                            {outcomes}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <tbody data-area=a.area.id()>
                    <tr class="compare-area-row"><th colspan="5" scope="colgroup">{area_name(i18n, a.area)}</th></tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=caption.clone()>
            <table class="figures compare-table">
                <caption>{caption.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr!(i18n, compare.col_place)}</th>
                        <th scope="col">{tr!(i18n, compare.col_today)}</th>
                        <th scope="col">{tr!(i18n, compare.col_average)}</th>
                        <th scope="col">{tr!(i18n, compare.col_fair)}</th>
                        <th scope="col">{tr!(i18n, compare.col_decision)}</th>
                    </tr>
                </thead>
                {bodies}
            </table>
        </div>
    }
}
