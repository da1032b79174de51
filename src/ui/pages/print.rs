//! A printable summary for commissioners: per resource kind the chart and
//! figures, the agreed decision and its reasons, and the room's notes per area
//! with participants' most agreed notes.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::note_wall::{note_wall, NoteCard};
use crate::model::partnership_results::partnership_results;
use crate::model::{aggregate, Area, AreaNotes, AreaShares, KindAggregate, ResourceKind};
use crate::route::Route;
use crate::state::use_app;
use crate::ui::chart::{results_bars, Bar, BarChart, BarGroup};
use crate::ui::labels::{area_name, fill, kind_total, role_short_name, tr};
use crate::ui::partnership::chart::PartnershipSummary;
use crate::ui::shift_list::ShiftList;

/// The printable summary screen.
#[component]
pub fn PrintPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let w = state.workshop.get_untracked();
    let aggregates = aggregate(&w);
    let partnership = partnership_results(&w);
    let decision = w.agreed_decision.clone();
    let kinds = w
        .kinds
        .iter()
        .zip(aggregates)
        .map(|(kind, agg)| {
            let agreed = decision
                .as_ref()
                .and_then(|d| d.shares.get(&kind.id))
                .copied();
            view! { <KindSummary kind=kind.clone() agg=agg agreed=agreed /> }
        })
        .collect_view();
    let notes = Area::ALL
        .into_iter()
        .map(|area| {
            let reason = decision
                .as_ref()
                .and_then(|d| d.rationale.get(&area).cloned())
                .unwrap_or_default();
            // Every note that is not hidden counts here, approved or not: the
            // approval is for the room's screen, this is the record.
            let cards = note_wall(&w, area, false).cards;
            view! { <AreaSummary area=area notes=w.notes_for(area) reason=reason cards=cards /> }
        })
        .collect_view();
    view! {
        <div class="print-page">
            <p class="no-print">
                <button class="button button-primary" on:click=move |_| {
                    if let Some(win) = web_sys::window() {
                        let _ = win.print();
                    }
                }>{tr!(i18n, print.print)}</button>
                " "
                <a class="button" href=Route::Data.href()>{tr!(i18n, print.back)}</a>
            </p>
            // An untitled workshop still prints a heading people can read.
            <h1>{if w.name.trim().is_empty() { t_string!(i18n, app.untitled).to_string() } else { w.name.clone() }}</h1>
            <p class="lead">{[w.place.trim(), crate::ui::labels::long_date(&w.date).as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" · ")} " · " {t!(i18n, results.lead, count = w.ballots.len())}</p>
            <h2>{tr!(i18n, print.decisions)}</h2>
            {kinds}
            {(partnership.participants > 0 || !w.partnership_check.is_off()).then(|| view! {
                <section class="print-partnership">
                    <h2 class="page-break">{tr!(i18n, partnership.results_heading)}</h2>
                    <PartnershipSummary results=partnership />
                </section>
            })}
            <h2 class="page-break">{tr!(i18n, print.notes)}</h2>
            {notes}
        </div>
    }
}

/// One kind's page of the summary: its total, the chart and the figures per area.
#[component]
fn KindSummary(
    kind: ResourceKind,
    agg: KindAggregate,
    /// The agreed split of this kind, if the room recorded one.
    agreed: Option<AreaShares>,
) -> impl IntoView {
    let i18n = use_i18n();
    let groups = Area::ALL
        .into_iter()
        .map(|area| {
            let mut bars = results_bars(i18n, &agg, area);
            if let Some(bp) = agreed.map(|s| s.get(area)) {
                bars.push(Bar {
                    label: t_string!(i18n, print.agreed).to_string(),
                    bp,
                    class: "bar-agreed",
                    text: None,
                });
            }
            BarGroup {
                title: area_name(i18n, area),
                bars,
            }
        })
        .collect::<Vec<_>>();
    let rows = Area::ALL
        .into_iter()
        .map(|area| {
            let today = kind.baseline_amounts()[area.index()];
            let agreed_cell = agreed.map(|s| {
                let amount = kind.amounts(s)[area.index()];
                format!("{} · {}", crate::ui::labels::percent_bp(s.get(area)), crate::ui::labels::amount(&kind.unit, amount))
            });
            view! {
                <tr>
                    <th scope="row">{area_name(i18n, area)}</th>
                    <td>{format!("{} · {}", crate::ui::labels::percent_bp(kind.baseline.get(area)), crate::ui::labels::amount(&kind.unit, today))}</td>
                    <td>{agg.everyone.area(area).map(|s| crate::ui::labels::percent_tenths(s.mean_bp))}</td>
                    <td>{agg.everyone.area(area).map(|s| crate::ui::labels::percent_tenths(s.fair_bp))}</td>
                    <td>{agreed_cell}</td>
                </tr>
            }
        })
        .collect_view();
    let title = t_string!(
        i18n,
        results.chart_title,
        kind = crate::ui::labels::kind_name(i18n, &kind)
    )
    .to_string();
    let table_label = crate::ui::labels::kind_name(i18n, &kind);
    view! {
        <section class="print-kind">
            <h2>{crate::ui::labels::kind_name(i18n, &kind)}</h2>
            <p>{tr!(i18n, allocate.total_today)} ": " {kind_total(i18n, &kind)} " · " {t!(i18n, results.kind_count, count = agg.participants)}</p>
            <BarChart title=title groups=groups />
            // Scrolls on its own on a phone; focusable, so a keyboard can scroll it too.
            <div class="table-scroll" tabindex="0" role="region" aria-label=table_label>
            <table class="figures">
                <thead>
                    <tr>
                        <th scope="col">{tr!(i18n, common.area)}</th>
                        <th scope="col">{tr!(i18n, results.today)}</th>
                        <th scope="col">{tr!(i18n, results.mean)}</th>
                        <th scope="col">{tr!(i18n, results.fair)}</th>
                        <th scope="col">{tr!(i18n, print.agreed)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
            {agreed.map(|to| view! {
                <h3>{tr!(i18n, shift.heading)}</h3>
                <ShiftList kind=kind.clone() to=to />
            })}
        </section>
    }
}

/// How many of participants' most agreed notes each area lists.
const MOST_AGREED: usize = 5;

/// One area's reasons, the room's notes about it, and participants' most
/// agreed notes.
#[component]
fn AreaSummary(
    area: Area,
    notes: AreaNotes,
    reason: String,
    cards: Vec<NoteCard>,
) -> impl IntoView {
    let i18n = use_i18n();
    let most_agreed = (!cards.is_empty()).then(|| {
        let items = cards
            .into_iter()
            .take(MOST_AGREED)
            .map(|c| {
                let who = role_short_name(i18n, c.author_role);
                let agree = fill(t_string!(i18n, wall.agree), &[("count", &c.agreements)]);
                view! { <li>{c.text}<span class="print-note-meta">{format!(" ({who}; {agree})")}</span></li> }
            })
            .collect_view();
        view! {
            <dt>{tr!(i18n, print.most_agreed)}</dt>
            <dd><ol>{items}</ol></dd>
        }
    });
    let list = |items: Vec<String>| {
        items
            .into_iter()
            .map(|t| view! { <li>{t}</li> })
            .collect_view()
    };
    view! {
        <section class="print-area">
            <h3>{area_name(i18n, area)}</h3>
            <dl>
                <dt>{tr!(i18n, print.why)}</dt>
                <dd>{reason}</dd>
                <dt>{tr!(i18n, print.good_life)}</dt>
                <dd>{notes.good_life}</dd>
                <dt>{tr!(i18n, walk.likes)}</dt>
                <dd><ul>{list(notes.likes)}</ul></dd>
                <dt>{tr!(i18n, walk.dislikes)}</dt>
                <dd><ul>{list(notes.dislikes)}</ul></dd>
                {most_agreed}
            </dl>
        </section>
    }
}
