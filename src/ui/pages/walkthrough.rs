//! The walk-through: one step per area, with the good-life question, what
//! people like and dislike today, the evidence-based models and today's figures.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Area, AreaNotes, SupportModel};
use crate::route::Route;
use crate::state::use_app;
use crate::ui::labels::{area_name, period_name, tr};

/// One step of the walk-through.
#[component]
pub fn AreaStep(
    /// Which area (0 to 4).
    index: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let area = Area::from_index(index).unwrap_or(Area::OwnHome);
    let content = Memo::new(move |_| state.catalogue.with(|c| c.area(area).cloned()));
    if state.easy_read.get_untracked() {
        return view! { <EasyAreaStep area=area content=content /> }.into_any();
    }
    let notes = Memo::new(move |_| state.workshop.with(|w| w.notes_for(area)));
    let edit_notes = move |f: Box<dyn FnOnce(&mut AreaNotes)>| {
        state.change(move |w| {
            let entry = w.notes.entry(area).or_default();
            f(entry);
        });
    };
    let steps = Area::ALL
        .into_iter()
        .map(|a| {
            let current = a == area;
            view! {
                <li class:current=current class:done=a.index() < index>
                    <a href=Route::Area(a.index()).href() aria-current=current.then_some("step")>
                        <span class="step-number">{a.index() + 1}</span>
                        <span class="step-name">{area_name(i18n, a)}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let models = move || {
        content.get().map(|c| {
            c.models
                .into_iter()
                .map(|m| view! { <ModelCard model=m /> })
                .collect_view()
        })
    };
    view! {
        <nav class="steps" aria-label=tr!(i18n, walk.progress_label)>
            <p class="step-count">{t!(i18n, walk.step_of, n = index + 1, total = 5)}</p>
            <ol>{steps}</ol>
        </nav>
        <h1>{move || area_name(i18n, area)}</h1>
        <p class="lead">{move || content.get().map(|c| c.description)}</p>
        <section class="card question" aria-labelledby="good-life-heading">
            <h2 id="good-life-heading">
                {move || {
                    content
                        .get()
                        .map(|c| c.good_life_question)
                        .unwrap_or_else(|| t_string!(i18n, walk.good_life_fallback).to_string())
                }}
            </h2>
            <label for="good-life-answer">{tr!(i18n, walk.good_life_answer)}</label>
            <textarea
                id="good-life-answer"
                rows="4"
                maxlength=crate::model::rules::MAX_NOTE_CHARS
                prop:value=move || notes.get().good_life
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    edit_notes(Box::new(move |n| n.good_life = v));
                }
            ></textarea>
        </section>
        <div class="two-columns">
            <NoteList area=area likes=true />
            <NoteList area=area likes=false />
        </div>
        <section aria-labelledby="today-heading" class="card">
            <h2 id="today-heading">{tr!(i18n, walk.today)}</h2>
            <TodayFigures area=area />
        </section>
        <section aria-labelledby="models-heading">
            <h2 id="models-heading">{tr!(i18n, walk.models)}</h2>
            <p>{tr!(i18n, walk.models_lead)}</p>
            <div class="model-grid">{models}</div>
        </section>
        <div class="next-row">
            {if index > 0 {
                view! {
                    <a class="button button-large" href=Route::Area(index - 1).href()>
                        "← "
                        {tr!(i18n, walk.back)}
                    </a>
                }
                    .into_any()
            } else {
                view! {
                    <a class="button button-large" href=Route::Setup.href()>
                        "← "
                        {tr!(i18n, walk.back_to_setup)}
                    </a>
                }
                    .into_any()
            }}
            {if index + 1 < Area::ALL.len() {
                view! {
                    <a class="button button-primary button-large" href=Route::Area(index + 1).href()>
                        {tr!(i18n, walk.next)}
                        " →"
                    </a>
                }
                    .into_any()
            } else {
                view! {
                    <a class="button button-primary button-large" href=Route::Participants.href()>
                        {tr!(i18n, walk.to_allocation)}
                        " →"
                    </a>
                }
                    .into_any()
            }}
        </div>
    }
    .into_any()
}

/// The walk-through in Easy Read: the area's picture and plain name, one line
/// on what it is, the room's answer, today's money, and the ideas that work by
/// name, with the full detail one press away for a supporter.
#[component]
fn EasyAreaStep(area: Area, content: Memo<Option<crate::model::AreaContent>>) -> impl IntoView {
    use crate::ui::easy::{area_icon, easy_area_about, easy_area_name, EasyProgress};
    let i18n = use_i18n();
    let state = use_app();
    let index = area.index();
    let answer = move || state.workshop.with(|w| w.notes_for(area).good_life);
    let models = move || {
        content.get().map(|c| {
            c.models
                .into_iter()
                .map(|m| {
                    view! {
                        <li class="easy-model">
                            <strong>{m.name.clone()}</strong>
                            <span class="easy-line">{m.summary.clone()}</span>
                            <details class="sources">
                                <summary>{tr!(i18n, easy.more_detail)}</summary>
                                <ModelCard model=m />
                            </details>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <EasyProgress area=area />
        <div class="easy-area">
            <img class="easy-area-icon" src=area_icon(area) alt="" width="112" height="112" />
            <div>
                <h1>{easy_area_name(i18n, area)}</h1>
                <p class="easy-line">{easy_area_about(i18n, area)}</p>
            </div>
        </div>
        <p class="easy-line">{tr!(i18n, easy.walk_lead)}</p>
        <section class="card" aria-labelledby="easy-good-life">
            <h2 id="easy-good-life">{tr!(i18n, easy.walk_question)}</h2>
            {move || {
                let a = answer();
                (!a.trim().is_empty()).then(|| view! { <p class="easy-line">{a}</p> })
            }}
        </section>
        <section class="card" aria-labelledby="easy-today">
            <h2 id="easy-today">{tr!(i18n, easy.walk_money)}</h2>
            <TodayFigures area=area />
        </section>
        <section class="card" aria-labelledby="easy-models">
            <h2 id="easy-models">{tr!(i18n, easy.walk_models)}</h2>
            <ul class="easy-models">{models}</ul>
        </section>
        <div class="easy-nav">
            <a class="button button-large easy-nav-button" href={if index > 0 { Route::Area(index - 1).href() } else { Route::Setup.href() }}>
                <img src="./icons/back.svg" alt="" width="36" height="36" />
                {tr!(i18n, easy.back)}
            </a>
            <a class="button button-primary button-large easy-nav-button" href={if index + 1 < 5 { Route::Area(index + 1).href() } else { Route::Participants.href() }}>
                {tr!(i18n, easy.next)}
                <img src="./icons/next.svg" alt="" width="36" height="36" />
            </a>
        </div>
    }
}

/// A change to a list of notes.
type NoteEdit = Box<dyn FnOnce(&mut Vec<String>)>;

/// What people like (or dislike) about today's local approach: a list the facilitator adds to.
#[component]
fn NoteList(area: Area, likes: bool) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let (draft, set_draft) = signal(String::new());
    let items = move || {
        state.workshop.with(|w| {
            let n = w.notes_for(area);
            if likes {
                n.likes
            } else {
                n.dislikes
            }
        })
    };
    let edit = move |f: NoteEdit| {
        state.change(move |w| {
            let n = w.notes.entry(area).or_default();
            f(if likes { &mut n.likes } else { &mut n.dislikes });
        });
    };
    let prefix = if likes { "likes" } else { "dislikes" };
    let heading_id = format!("{prefix}-heading");
    let labelled_by = heading_id.clone();
    let input_id = format!("{prefix}-input");
    view! {
        <section class="card note-list" aria-labelledby=labelled_by>
            <h2 id=heading_id>
                {if likes { tr!(i18n, walk.likes).into_any() } else { tr!(i18n, walk.dislikes).into_any() }}
            </h2>
            <ul>
                {move || {
                    items()
                        .into_iter()
                        .enumerate()
                        .map(|(i, text)| {
                            let label = t_string!(i18n, walk.remove_note, note = text.clone()).to_string();
                            view! {
                                <li>
                                    <span class="note-text">{text}</span>
                                    <button
                                        class="button button-quiet button-small"
                                        aria-label=label
                                        on:click=move |_| edit(Box::new(move |v| {
                                            if i < v.len() {
                                                v.remove(i);
                                            }
                                        }))
                                    >
                                        {tr!(i18n, common.remove)}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <form
                class="inline-form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    let text = draft.get().trim().to_string();
                    if !text.is_empty() {
                        edit(Box::new(move |v| v.push(text)));
                        set_draft.set(String::new());
                    }
                }
            >
                <label for=input_id.clone() class="inline-label">
                    {if likes { tr!(i18n, walk.add_like).into_any() } else { tr!(i18n, walk.add_dislike).into_any() }}
                </label>
                <input
                    id=input_id
                    type="text"
                    maxlength=crate::model::rules::MAX_NOTE_CHARS
                    prop:value=draft
                    on:input=move |ev| set_draft.set(event_target_value(&ev))
                />
                <button class="button" type="submit">{tr!(i18n, common.add)}</button>
            </form>
        </section>
    }
}

/// Today's amount and share of each resource kind in this area.
#[component]
fn TodayFigures(area: Area) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    view! {
        <dl class="today-figures">
            {move || {
                state
                    .workshop
                    .with(|w| w.kinds.clone())
                    .into_iter()
                    .map(|k| {
                        let amount = k.baseline_amounts()[area.index()];
                        let pct = crate::ui::labels::percent_bp(k.baseline.get(area));
                        view! {
                            <div>
                                <dt>{crate::ui::labels::kind_name(i18n, &k)}</dt>
                                <dd>
                                    <strong>{crate::ui::labels::amount(&k.unit, amount)}</strong>
                                    " "
                                    {period_name(i18n, k.period)}
                                    <span class="small">
                                        " · " {t!(i18n, walk.share_of_total, pct = pct)}
                                    </span>
                                </dd>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </dl>
    }
}

/// One evidence-based model, with its costs, what it achieves and its sources.
#[component]
fn ModelCard(model: SupportModel) -> impl IntoView {
    let i18n = use_i18n();
    let sources = model
        .sources
        .iter()
        .map(|s| {
            let text = format!("{} ({})", s.title, s.year);
            match &s.url {
                Some(url) if url.starts_with("https://") => {
                    view! { <li><a href=url.clone() rel="noopener noreferrer" target="_blank">{text}</a></li> }.into_any()
                }
                _ => view! { <li>{text}</li> }.into_any(),
            }
        })
        .collect_view();
    let note = (!model.evidence_note.is_empty()).then(|| {
        view! {
            <div class="model-fact">
                <dt>{tr!(i18n, walk.evidence)}</dt>
                <dd>{model.evidence_note.clone()}</dd>
            </div>
        }
    });
    view! {
        <article class="card model-card">
            <h3>{model.name.clone()}</h3>
            <p>{model.summary.clone()}</p>
            <dl>
                <div class="model-fact">
                    <dt>{tr!(i18n, walk.costs)}</dt>
                    <dd>{model.costs.clone()}</dd>
                </div>
                <div class="model-fact">
                    <dt>{tr!(i18n, walk.achieves)}</dt>
                    <dd>{model.achieves.clone()}</dd>
                </div>
                {note}
            </dl>
            <details class="sources">
                <summary>{tr!(i18n, walk.sources)}</summary>
                <ul>{sources}</ul>
            </details>
        </article>
    }
}
