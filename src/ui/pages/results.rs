//! The room's results: per resource kind and area, today against everyone's
//! mean and each role's, as charts and a table. All figures are derived from
//! the ballots by the model.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{aggregate, Area, KindAggregate, ResourceKind, Role};
use crate::route::Route;
use crate::state::use_app;
use crate::ui::chart::{area_bars, BarChart, BarGroup};
use crate::ui::labels::{area_name, role_short_name, tr};
use crate::ui::room_controls::RoomControlsPanel;

/// The results screen.
#[component]
pub fn ResultsPage(
    /// Which kind to show (the first when absent or unknown).
    kind: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let aggregates = Memo::new(move |_| state.workshop.with(aggregate));
    let participants = move || state.workshop.with(|w| w.ballots.len());
    let shown_kind = Memo::new(move |_| state.workshop.with(|w| w.kind_or_first(kind.as_deref())));
    view! {
        <h1>{tr!(i18n, results.title)}</h1>
        <p class="lead">{t!(i18n, results.lead, count = participants)}</p>
        <RoomControlsPanel />
        <crate::ui::live_panel::LivePanel />
        <Show
            when=move || { participants() > 0 }
            fallback=move || {
                view! {
                    <p>{tr!(i18n, results.none_yet)}</p>
                    <a class="button button-primary" href=Route::Participants.href()>{tr!(i18n, nav.participants)}</a>
                }
            }
        >
            <crate::ui::kind_tabs::KindTabs
                kinds=state.kinds().into()
                current=shown_kind.into()
                to=Callback::new(|id| Route::Results(Some(id)))
            />
            {move || {
                let id = shown_kind.get();
                let kind = state.workshop.with(|w| w.kind(&id).cloned())?;
                let agg = aggregates.with(|a| a.iter().find(|a| a.kind_id == id).cloned())?;
                Some(view! { <KindResults kind=kind agg=agg /> })
            }}
            <div class="next-row">
                <a class="button button-primary button-large" href=Route::Decision.href()>
                    {tr!(i18n, results.to_decision)}
                    " →"
                </a>
            </div>
        </Show>
    }
}

/// Results for one resource kind.
#[component]
fn KindResults(kind: ResourceKind, agg: KindAggregate) -> impl IntoView {
    let i18n = use_i18n();
    let roles: Vec<Role> = agg.by_role.keys().copied().collect();
    let groups: Vec<BarGroup> = Area::ALL
        .into_iter()
        .map(|area| {
            let bars = area_bars(
                i18n,
                &agg,
                area,
                t_string!(i18n, results.everyone).to_string(),
            );
            BarGroup {
                title: area_name(i18n, area),
                bars,
            }
        })
        .collect();
    let heading_id = format!("results-{}", kind.id);
    let labelled_by = heading_id.clone();
    let amount = {
        let kind = kind.clone();
        move |bp: u32| crate::ui::labels::amount(&kind.unit, kind.amount_of_share(bp))
    };
    let rows = Area::ALL
        .into_iter()
        .map(|area| {
            let all = agg.everyone.area(area).cloned();
            let role_cells = roles
                .iter()
                .map(|r| {
                    let v = agg.by_role.get(r).and_then(|g| g.area(area)).map(|s| crate::ui::labels::percent_tenths(s.mean_bp));
                    view! { <td>{v.unwrap_or_default()}</td> }
                })
                .collect_view();
            let base = agg.baseline.get(area);
            view! {
                <tr>
                    <th scope="row">{area_name(i18n, area)}</th>
                    <td>{crate::ui::labels::percent_bp(base)}<br /><span class="small">{amount(base)}</span></td>
                    <td>
                        {all.as_ref().map(|s| crate::ui::labels::percent_tenths(s.mean_bp))}
                        <br />
                        <span class="small">{all.as_ref().map(|s| amount(s.mean_bp))}</span>
                    </td>
                    {role_cells}
                    <td>{all.as_ref().map(|s| crate::ui::labels::percent_tenths(s.median_bp))}</td>
                    <td>{all.as_ref().map(|s| format!("{} – {}", crate::ui::labels::percent_tenths(s.min_bp), crate::ui::labels::percent_tenths(s.max_bp)))}</td>
                </tr>
            }
        })
        .collect_view();
    let role_heads = roles
        .iter()
        .map(|r| {
            let count = agg.by_role.get(r).map(|g| g.participants).unwrap_or(0);
            view! { <th scope="col">{role_short_name(i18n, *r)}<br /><span class="small">{t!(i18n, results.people, count = count)}</span></th> }
        })
        .collect_view();
    let table_label = t_string!(
        i18n,
        results.table_caption,
        kind = crate::ui::labels::kind_name(i18n, &kind)
    )
    .to_string();
    let chart_title = t_string!(
        i18n,
        results.chart_title,
        kind = crate::ui::labels::kind_name(i18n, &kind)
    )
    .to_string();
    view! {
        <section class="card results-kind" aria-labelledby=labelled_by>
            <h2 id=heading_id>{crate::ui::labels::kind_name(i18n, &kind)}</h2>
            <p class="small">{t!(i18n, results.kind_count, count = agg.participants)}</p>
            <BarChart title=chart_title groups=groups />
            <div class="table-scroll" tabindex="0" role="region" aria-label=table_label>
                <table class="figures">
                    <caption>{t!(i18n, results.table_caption, kind = crate::ui::labels::kind_name(i18n, &kind))}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr!(i18n, common.area)}</th>
                            <th scope="col">{tr!(i18n, results.today)}</th>
                            <th scope="col">{tr!(i18n, results.mean)}</th>
                            {role_heads}
                            <th scope="col">{tr!(i18n, results.median)}</th>
                            <th scope="col">{tr!(i18n, results.range)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
