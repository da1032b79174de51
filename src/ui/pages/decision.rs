//! Recording the agreed decision: a share per area per kind, starting from the
//! room's mean, and a rationale per area.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{AgreedDecision, Area, ResourceKind};
use crate::platform::clock;
use crate::platform::dialog::confirm;
use crate::route::Route;
use crate::state::{use_app, AppState};
use crate::ui::labels::{area_name, tr};
use crate::ui::share_editor::ShareEditor;
use crate::ui::text_field::TextField;

/// The decision screen.
#[component]
pub fn DecisionPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let recorded = move || state.workshop.with(|w| w.agreed_decision.is_some());
    let draft = Memo::new(move |_| state.workshop.with(|w| w.decision_or_draft(w.updated_at)));
    let change = move |f| change_decision(state, f);
    let kinds = move || state.workshop.with(|w| w.kinds.clone());
    view! {
        <h1>{tr!(i18n, decision.title)}</h1>
        <p class="lead">{tr!(i18n, decision.lead)}</p>
        <p class="status-line" role="status">
            {move || {
                if recorded() {
                    t_string!(i18n, decision.recorded).to_string()
                } else {
                    t_string!(i18n, decision.draft).to_string()
                }
            }}
        </p>
        <Show when=move || !recorded()>
            <button class="button button-primary button-large" on:click=move |_| change(Box::new(|_| {}))>
                {tr!(i18n, decision.record_mean)}
            </button>
        </Show>
        <Show when=recorded>
            <button
                class="button button-quiet"
                on:click=move |_| {
                    if confirm(t_string!(i18n, decision.reset_confirm)) {
                        state.change(|w| w.agreed_decision = None);
                    }
                }
            >
                {tr!(i18n, decision.reset)}
            </button>
        </Show>
        {move || {
            kinds()
                .into_iter()
                .map(|k| view! { <KindDecision kind=k draft=draft /> })
                .collect_view()
        }}
        <Rationale draft=draft />
        <div class="next-row">
            <a class="button button-primary button-large" href=Route::Data.href()>
                {tr!(i18n, decision.to_export)}
                " →"
            </a>
        </div>
    }
}

/// Records a change to the decision, starting from the room's mean if none is recorded yet.
fn change_decision(state: AppState, f: Box<dyn FnOnce(&mut AgreedDecision)>) {
    let now = clock::now();
    state.change(move |w| {
        let mut d = w.decision_or_draft(now);
        f(&mut d);
        d.updated_at = now;
        w.agreed_decision = Some(d);
    });
}

/// The agreed split of one kind across the areas.
#[component]
fn KindDecision(kind: ResourceKind, draft: Memo<AgreedDecision>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let id = kind.id.clone();
    let id_for_shares = id.clone();
    let id_for_set = id.clone();
    let heading = format!("decision-{id}");
    let labelled_by = heading.clone();
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h2 id=heading>{crate::ui::labels::kind_name(i18n, &kind)}</h2>
            <ShareEditor
                kind=Signal::derive(move || kind.clone())
                shares=Signal::derive(move || {
                    draft.with(|d| d.shares.get(&id_for_shares).copied().unwrap_or_default())
                })
                on_set=Callback::new(move |(area, bp): (Area, u32)| {
                    let id = id_for_set.clone();
                    change_decision(state, Box::new(move |d| {
                        let current = d.shares.get(&id).copied().unwrap_or_default();
                        d.shares.insert(id, current.set(area, bp, &[]));
                    }))
                })
                date=Signal::derive(move || state.workshop.with(|w| w.date.clone()))
                id_prefix=format!("decision-{id}")
            />
        </section>
    }
}

/// Why the room agreed each area's share, a note per area.
#[component]
fn Rationale(draft: Memo<AgreedDecision>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    view! {
        <section class="card" aria-labelledby="rationale-heading">
            <h2 id="rationale-heading">{tr!(i18n, decision.rationale)}</h2>
            <p>{tr!(i18n, decision.rationale_lead)}</p>
            {Area::ALL
                .into_iter()
                .map(|area| {
                    view! {
                        <TextField
                            id=format!("rationale-{}", area.id())
                            label=move || area_name(i18n, area)
                            value=move || draft.with(|d| d.rationale.get(&area).cloned().unwrap_or_default())
                            on_input=Callback::new(move |v| change_decision(state, Box::new(move |d| {
                                d.rationale.insert(area, v);
                            })))
                            lines=3
                            maxlength=crate::model::rules::MAX_NOTE_CHARS
                        />
                    }
                })
                .collect_view()}
        </section>
    }
}
