//! Dividing one resource kind across the five areas: a slider, one-point
//! buttons and a typed percentage per area, each figure shown as %, amount and
//! change against today. The rebalancing itself is the model's.

mod area_figures;
mod area_row;
pub mod change;
mod lock_button;
mod projected_years;
mod typed_percent;

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Area, AreaShares, ResourceKind};
use crate::ui::labels::{kind_total, tr};

pub use change::announce_rebalance;

use area_row::AreaRow;
use projected_years::ProjectedYears;

/// The editor for one kind's split across the five areas.
#[component]
pub fn ShareEditor(
    /// The resource kind (for amounts and today's split).
    #[prop(into)]
    kind: Signal<ResourceKind>,
    /// The split being edited.
    #[prop(into)]
    shares: Signal<AreaShares>,
    /// Locked areas; `None` hides the lock buttons.
    #[prop(optional, into)]
    locked: Option<Signal<Vec<Area>>>,
    /// Called with an area and its new share in basis points.
    on_set: Callback<(Area, u32)>,
    /// Called to lock or unlock an area.
    #[prop(optional)]
    on_lock: Option<Callback<Area>>,
    /// The workshop date, to name projected years.
    #[prop(into)]
    date: Signal<String>,
    /// Prefix for element ids, unique on the page.
    id_prefix: String,
    /// Shown under each area, e.g. a model split (optional).
    #[prop(optional)]
    area_extra: Option<Callback<Area, AnyView>>,
    /// Whether to show each area's change against today (not when editing today's split).
    #[prop(default = true)]
    show_change: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    // Every area's amount, apportioned once a change for all the rows.
    let amounts: Signal<[i64; 5]> =
        Memo::new(move |_| kind.with(|k| k.amounts(shares.get()))).into();
    let today: Signal<[i64; 5]> = Memo::new(move |_| kind.with(|k| k.baseline_amounts())).into();
    let rows = Area::ALL
        .into_iter()
        .map(|area| {
            view! {
                <AreaRow
                    area=area
                    kind=kind
                    shares=shares
                    amounts=amounts
                    today=today
                    locked=locked
                    on_set=on_set
                    on_lock=on_lock
                    id_prefix=id_prefix.clone()
                    extra=area_extra.map(|cb| cb.run(area))
                    show_change=show_change
                />
            }
        })
        .collect_view();
    view! {
        <div class="share-editor">
            <p class="kind-total">
                {tr!(i18n, allocate.total_today)} ": "
                <strong>{move || kind.with(|k| kind_total(i18n, k))}</strong>
            </p>
            <ul class="share-list">{rows}</ul>
            <ProjectedYears kind=kind shares=shares date=date />
        </div>
    }
}
