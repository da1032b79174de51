//! Recording the agreed decision: a share per area per kind, starting from the
//! room's mean, and a rationale per area.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{AgreedDecision, Area, Measure, ResourceKind};
use crate::platform::clock;
use crate::platform::dialog::confirm;
use crate::route::Route;
use crate::state::{use_app, AppState};
use crate::ui::labels::{area_name, tr};
use crate::ui::radio_choice::{RadioChoice, RadioOption};
use crate::ui::share_editor::ShareEditor;
use crate::ui::shift_list::ShiftList;
use crate::ui::text_field::TextField;

/// The decision screen.
#[component]
pub fn DecisionPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let recorded = move || state.workshop.with(|w| w.agreed_decision.is_some());
    // Until recorded, the facilitator picks what the draft starts from.
    let start = RwSignal::new(Measure::Average);
    let draft = Memo::new(move |_| {
        let start = start.get();
        state
            .workshop
            .with(|w| w.decision_or_draft_from(w.updated_at, start))
    });
    let change = move |f| change_decision(state, start.get_untracked(), f);
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
            <DraftStartChoice start=start />
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
                .map(|k| view! { <KindDecision kind=k draft=draft start=start /> })
                .collect_view()
        }}
        <Rationale draft=draft start=start />
        <div class="next-row">
            <a class="button button-primary button-large" href=Route::Data.href()>
                {tr!(i18n, decision.to_export)}
                " →"
            </a>
        </div>
    }
}

/// What the draft decision starts from: the room's average or its fair split.
#[component]
fn DraftStartChoice(start: RwSignal<Measure>) -> impl IntoView {
    let i18n = use_i18n();
    let option = |value: Measure, id: &str| RadioOption {
        value,
        id: id.to_string(),
        label: Signal::derive(move || {
            match value {
                Measure::Average => t_string!(i18n, decision.start_average),
                Measure::FairSplit => t_string!(i18n, decision.start_fair),
            }
            .to_string()
        }),
        icon: None,
    };
    view! {
        <RadioChoice
            name="decision-start"
            legend=Signal::derive(move || t_string!(i18n, decision.start_label).to_string())
            options=vec![
                option(Measure::Average, "decision-start-average"),
                option(Measure::FairSplit, "decision-start-fair"),
            ]
            chosen=Signal::derive(move || Some(start.get()))
            on_choose=Callback::new(move |m| start.set(m))
            class="decision-start"
        />
    }
}

/// Records a change to the decision, starting from the room's figures by
/// `start` (the average or the fair split) if none is recorded yet.
fn change_decision(state: AppState, start: Measure, f: Box<dyn FnOnce(&mut AgreedDecision)>) {
    let now = clock::now();
    state.change(move |w| {
        let mut d = w.decision_or_draft_from(now, start);
        f(&mut d);
        d.updated_at = now;
        w.agreed_decision = Some(d);
    });
}

/// The agreed split of one kind across the areas.
#[component]
fn KindDecision(
    kind: ResourceKind,
    draft: Memo<AgreedDecision>,
    start: RwSignal<Measure>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let id = kind.id.clone();
    let id_for_shares = id.clone();
    let id_for_set = id.clone();
    let heading = format!("decision-{id}");
    let labelled_by = heading.clone();
    let shift_kind = kind.clone();
    let id_for_shift = id.clone();
    // Memo, so the lists are drawn again only when this kind's split moves.
    let to = Memo::new(move |_| draft.with(|d| d.shares.get(&id_for_shift).copied()));
    let shift = move || {
        to.get()
            .map(|to| view! { <ShiftList kind=shift_kind.clone() to=to /> })
    };
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
                    change_decision(state, start.get_untracked(), Box::new(move |d| {
                        let current = d.shares.get(&id).copied().unwrap_or_default();
                        d.shares.insert(id, current.set(area, bp, &[]));
                    }))
                })
                date=Signal::derive(move || state.workshop.with(|w| w.date.clone()))
                id_prefix=format!("decision-{id}")
            />
            <h3>{tr!(i18n, shift.heading)}</h3>
            {shift}
        </section>
    }
}

/// Why the room agreed each area's share, a note per area.
#[component]
fn Rationale(draft: Memo<AgreedDecision>, start: RwSignal<Measure>) -> impl IntoView {
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
                            on_input=Callback::new(move |v| change_decision(state, start.get_untracked(), Box::new(move |d| {
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
