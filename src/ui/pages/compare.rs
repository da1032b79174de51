//! Compare places: decision records of many workshops opened together (read
//! on this device), their kinds matched, and each place's figures side by
//! side per kind and area, with where the places agree; taken away as CSV,
//! printed, or saved as one comparison file.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{compare, Comparison};
use crate::state::comparison::{use_comparison, CompareView, Opened};
use crate::state::use_app;
use crate::ui::compare::agree_across::{EasyComparison, WherePlacesAgree};
use crate::ui::compare::area_choice::AreaChoice;
use crate::ui::compare::export::CompareExport;
use crate::ui::compare::kind_matching::KindMatching;
use crate::ui::compare::kind_section::KindSection;
use crate::ui::compare::open_records::OpenRecords;
use crate::ui::compare::place_headlines::PlaceHeadlines;
use crate::ui::compare::refused_files::RefusedFiles;
use crate::ui::compare::style::CompareStyle;
use crate::ui::compare::view_controls::ViewControls;
use crate::ui::labels::{fill, tr};

/// The comparison screen.
#[component]
pub fn ComparePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_comparison();
    let refused = Signal::derive(move || state.opened.with(|o| o.refused.clone()));
    let has_records = Memo::new(move |_| state.opened.with(|o| !o.records.is_empty()));
    view! {
        <CompareStyle />
        <div class="compare-page">
            <h1>{tr!(i18n, compare.title)}</h1>
            <p class="lead no-print">{tr!(i18n, compare.lead)}</p>
            <OpenRecords />
            <RefusedFiles refused=refused />
            {move || if has_records.get() {
                view! { <ComparisonShown /> }.into_any()
            } else {
                view! { <p class="card no-print">{tr!(i18n, compare.empty)}</p> }.into_any()
            }}
        </div>
    }
}

/// Everything about the records open: the comparison derived from them, and
/// the view of it sorted and filtered as chosen.
#[component]
fn ComparisonShown() -> impl IntoView {
    let i18n = use_i18n();
    let easy = use_app().easy_read.get_untracked();
    let state = use_comparison();
    let whole: Memo<Comparison> =
        Memo::new(move |_| state.opened.with(|o| compare(&o.records, &o.mapping)));
    let shown: Memo<Comparison> = Memo::new(move |_| {
        let v = state.view.get();
        whole.with(|c| c.sorted(v.order).filtered(&v.filter).only_areas(&v.areas))
    });
    let outcome = Signal::derive(move || state.view.with(|v| v.outcome));
    let summary = move || {
        let records = state.opened.with(|o| o.records.len());
        let places = whole.with(|c| c.places.len());
        fill(
            tr!(i18n, compare.opened)(),
            &[("places", &places), ("records", &records)],
        )
    };
    let clear = move |_| {
        state.opened.set(Opened::default());
        state.view.set(CompareView::default());
    };
    let kinds = move || {
        let outcome = outcome.get();
        shown.with(|c| {
            c.kinds
                .iter()
                .enumerate()
                .map(|(i, k)| view! { <KindSection index=i kind=k.clone() places=c.places.clone() outcome=outcome /> })
                .collect_view()
        })
    };
    view! {
        <p class="compare-summary">
            <span role="status">{summary}</span>
            " "
            <button class="button button-small no-print" on:click=clear>{tr!(i18n, compare.clear)}</button>
        </p>
        {easy.then(|| view! { <EasyComparison comparison=shown outcome=outcome /> })}
        <KindMatching comparison=whole />
        <section class="card no-print" aria-labelledby="compare-view-heading">
            <h2 id="compare-view-heading">{tr!(i18n, compare.view_heading)}</h2>
            <ViewControls comparison=whole />
            <AreaChoice />
        </section>
        <WherePlacesAgree comparison=shown outcome=outcome />
        <PlaceHeadlines comparison=shown />
        {kinds}
        <CompareExport comparison=shown />
    }
}
