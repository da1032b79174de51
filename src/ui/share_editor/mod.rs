//! Dividing one resource kind across the five areas: a slider, one-point
//! buttons and a typed percentage per area, each figure shown as %, amount and
//! change against today. The rebalancing itself is the model's.

mod area_row;
mod projected_years;

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::resource::format_relative_change;
use crate::model::{Area, AreaShares, ResourceKind};
use crate::ui::labels::{area_name, kind_total, tr};

use area_row::AreaRow;
use projected_years::ProjectedYears;

/// The change of an area's amount against today's, as "+£120,000 (+8%)".
pub fn change_text(kind: &ResourceKind, amount: i64, baseline_amount: i64) -> String {
    let delta = crate::ui::labels::change(&kind.unit, amount - baseline_amount);
    match format_relative_change(amount, baseline_amount) {
        Some(pct) => format!("{delta} ({})", crate::ui::labels::relative(&pct)),
        None => delta,
    }
}

/// Tells screen-reader users which other areas moved when one was set, since
/// they cannot see the other sliders jump ("Day activities went down to 18%").
pub fn announce_rebalance(
    i18n: crate::ui::labels::I18n,
    announcement: RwSignal<String>,
    moved: Area,
    before: &AreaShares,
    after: &AreaShares,
) {
    let sentences: Vec<String> = Area::ALL
        .into_iter()
        .filter(|&a| a != moved && before.get(a) != after.get(a))
        .map(|a| {
            let area = area_name(i18n, a);
            let pct = crate::ui::labels::percent_bp(after.get(a));
            if after.get(a) > before.get(a) {
                t_string!(i18n, announce.went_up, area = area, pct = pct).to_string()
            } else {
                t_string!(i18n, announce.went_down, area = area, pct = pct).to_string()
            }
        })
        .collect();
    if !sentences.is_empty() {
        announcement.set(sentences.join(". "));
    }
}

/// Whether a change is up, down or none, for the figure's styling and wording.
pub(crate) fn direction(delta: i64) -> &'static str {
    match delta.cmp(&0) {
        std::cmp::Ordering::Greater => "up",
        std::cmp::Ordering::Less => "down",
        std::cmp::Ordering::Equal => "same",
    }
}

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
    let rows = Area::ALL
        .into_iter()
        .map(|area| {
            view! {
                <AreaRow
                    area=area
                    kind=kind
                    shares=shares
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
