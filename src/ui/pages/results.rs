//! The room's results: per resource kind and area, today against everyone's
//! mean and each role's, as charts and a table. All figures are derived from
//! the ballots by the model. A combined workshop's results are shown for all
//! its sessions together or for one session's ballots.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::partnership_results::partnership_results;
use crate::model::{aggregate, session_aggregate, Area, Id, KindAggregate, ResourceKind};
use crate::route::Route;
use crate::state::use_app;
use crate::ui::agreement_list::AgreementList;
use crate::ui::chart::{results_bars, BarChart, BarGroup};
use crate::ui::figures_table::FiguresTable;
use crate::ui::labels::{area_name, tr};
use crate::ui::partnership::chart::PartnershipSummary;
use crate::ui::room_controls::RoomControlsPanel;
use crate::ui::session_choice::SessionChoice;

/// The results screen.
#[component]
pub fn ResultsPage(
    /// Which kind to show (the first when absent or unknown).
    kind: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    // The session chosen, while the workshop still has it (`None`: all).
    let chosen = RwSignal::new(None::<Id>);
    let session = Memo::new(move |_| {
        chosen
            .get()
            .filter(|id| state.workshop.with(|w| w.session(*id).is_some()))
    });
    let sessions = Signal::derive(move || state.workshop.with(|w| w.sessions.clone()));
    let aggregates = Memo::new(move |_| match session.get() {
        None => state.workshop.with(aggregate),
        Some(id) => state.workshop.with(|w| session_aggregate(w, Some(id))),
    });
    let participants = move || match session.get() {
        None => state.workshop.with(|w| w.ballots.len()),
        Some(id) => state
            .workshop
            .with(|w| w.ballots.iter().filter(|b| b.session == Some(id)).count()),
    };
    // A memo, so the charts are drawn again only when a rating changes.
    let partnership = Memo::new(move |_| match session.get() {
        None => state.workshop.with(partnership_results),
        Some(id) => state
            .workshop
            .with(|w| partnership_results(&w.only_session(Some(id)))),
    });
    let asks_check = Memo::new(move |_| state.workshop.with(|w| !w.partnership_check.is_off()));
    let shown_kind = Memo::new(move |_| state.workshop.with(|w| w.kind_or_first(kind.as_deref())));
    view! {
        <h1>{tr!(i18n, results.title)}</h1>
        {move || sessions.with(|s| !s.is_empty()).then(|| view! { <SessionChoice sessions=sessions chosen=chosen /> })}
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
            {move || {
                let results = partnership.get();
                (results.participants > 0 || asks_check.get()).then(|| view! {
                    <section class="card" aria-labelledby="partnership-heading">
                        <h2 id="partnership-heading">{tr!(i18n, partnership.results_heading)}</h2>
                        <PartnershipSummary results=results />
                    </section>
                })
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
    let groups: Vec<BarGroup> = Area::ALL
        .into_iter()
        .map(|area| {
            // The fair split beside the average, so the room sees both.
            BarGroup {
                title: area_name(i18n, area),
                bars: results_bars(i18n, &agg, area),
            }
        })
        .collect();
    let heading_id = format!("results-{}", kind.id);
    let labelled_by = heading_id.clone();
    let chart_title = t_string!(
        i18n,
        results.chart_title,
        kind = crate::ui::labels::kind_name(i18n, &kind)
    )
    .to_string();
    let easy_read = use_app().easy_read;
    let has_roles = !agg.by_role.is_empty();
    view! {
        <section class="card results-kind" aria-labelledby=labelled_by>
            <h2 id=heading_id>{crate::ui::labels::kind_name(i18n, &kind)}</h2>
            <p class="small">{t!(i18n, results.kind_count, count = agg.participants)}</p>
            <BarChart title=chart_title groups=groups />
            <p class="fair-explain">
                {move || {
                    if easy_read.get() {
                        t_string!(i18n, easy.fair_explain).to_string()
                    } else {
                        t_string!(i18n, results.fair_explain).to_string()
                    }
                }}
            </p>
            <FiguresTable kind=kind agg=agg.clone() />
            {has_roles.then(|| view! { <AgreementList agg=agg /> })}
        </section>
    }
}
