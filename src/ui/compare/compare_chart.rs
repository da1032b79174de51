//! One resource kind as a chart: per area, each place's share by the split
//! chosen (average, fair split or decision), with its change in the kind's
//! unit against the place's own today written beside the bar.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::text::clip;
use crate::model::{ComparedPlace, KindComparison, Outcome};
use crate::ui::chart::{Bar, BarChart, BarGroup};
use crate::ui::compare::words::{outcome_name, place_name};
use crate::ui::labels::{area_name, change, fill, percent_tenths, tr};

/// How much of a place's name fits beside its bar.
const LABEL_CHARS: usize = 20;

/// The chart of one kind.
#[component]
pub fn CompareChart(
    /// The kind's figures.
    kind: KindComparison,
    /// The places, for their names.
    places: Vec<ComparedPlace>,
    /// The split drawn.
    outcome: Outcome,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = match outcome {
        Outcome::Average => "bar-everyone",
        Outcome::FairSplit => "bar-fair",
        Outcome::Decision => "bar-agreed",
    };
    let unit = &kind.kind.unit;
    let groups: Vec<BarGroup> = kind
        .areas
        .iter()
        .map(|a| BarGroup {
            title: area_name(i18n, a.area),
            bars: a
                .places
                .iter()
                .filter_map(|p| {
                    let figure = p.get(outcome)?;
                    let name = places
                        .iter()
                        .find(|c| c.workshop == p.workshop)
                        .map(place_name)
                        .unwrap_or_default();
                    Some(Bar {
                        label: clip(&name, LABEL_CHARS),
                        bp: figure.share_bp,
                        class,
                        text: Some(format!(
                            "{} ({})",
                            percent_tenths(figure.share_bp),
                            change(unit, figure.change_amount)
                        )),
                    })
                })
                .collect(),
        })
        .collect();
    if groups.iter().all(|g| g.bars.is_empty()) {
        let words = fill(
            tr!(i18n, compare.chart_none)(),
            &[("outcome", &outcome_name(i18n, outcome))],
        );
        return view! { <p class="compare-chart-none">{words}</p> }.into_any();
    }
    let title = fill(
        tr!(i18n, compare.chart_title)(),
        &[
            ("kind", &kind.kind.name),
            ("outcome", &outcome_name(i18n, outcome)),
        ],
    );
    view! { <BarChart title=title groups=groups /> }.into_any()
}
