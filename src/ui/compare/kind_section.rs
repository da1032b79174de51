//! One resource kind of the comparison: its heading, chart and table, side
//! by side on a wide screen.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{ComparedPlace, KindComparison, Outcome};
use crate::ui::compare::compare_chart::CompareChart;
use crate::ui::compare::compare_table::CompareTable;
use crate::ui::labels::{fill, tr};

/// A card for one kind.
#[component]
pub fn KindSection(
    /// Its position in the comparison, for ids.
    index: usize,
    /// The kind's figures.
    kind: KindComparison,
    /// The places shown.
    places: Vec<ComparedPlace>,
    /// The split the chart draws.
    outcome: Outcome,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("compare-kind-{index}");
    let labelled_by = heading_id.clone();
    let heading = fill(
        tr!(i18n, compare.kind_heading)(),
        &[("kind", &kind.kind.name)],
    );
    view! {
        <section class="card compare-kind" aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading}</h2>
            <div class="compare-kind-body">
                <div class="compare-chart">
                    <CompareChart kind=kind.clone() places=places.clone() outcome=outcome />
                </div>
                <CompareTable kind=kind places=places />
            </div>
        </section>
    }
}
