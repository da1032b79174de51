//! The frame of a walk-through step: where it is among the five areas, its
//! good-life question, and the way back and on.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Area, AreaContent, AreaNotes};
use crate::route::Route;
use crate::state::use_app;
use crate::ui::labels::{area_name, tr};

/// "Step 2 of 5" and a link to each area, the current one marked.
#[component]
pub fn StepProgress(
    /// The area of this step.
    area: Area,
) -> impl IntoView {
    let i18n = use_i18n();
    let index = area.index();
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
    view! {
        <nav class="steps" aria-label=tr!(i18n, walk.progress_label)>
            <p class="step-count">{t!(i18n, walk.step_of, n = index + 1, total = 5)}</p>
            <ol>{steps}</ol>
        </nav>
    }
}

/// The area's good-life question and the room's answer to it.
#[component]
pub fn GoodLifeQuestion(
    /// The area of this step.
    area: Area,
    /// The catalogue's content for the area.
    content: Memo<Option<AreaContent>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let notes = Memo::new(move |_| state.workshop.with(|w| w.notes_for(area)));
    let edit_notes = move |f: Box<dyn FnOnce(&mut AreaNotes)>| {
        state.change(move |w| {
            let entry = w.notes.entry(area).or_default();
            f(entry);
        });
    };
    view! {
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
    }
}

/// Back (to the previous area or the set-up) and on (to the next area or the allocation).
#[component]
pub fn StepNav(
    /// The area of this step.
    area: Area,
) -> impl IntoView {
    let i18n = use_i18n();
    let index = area.index();
    view! {
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
}
