//! The walk-through: one step per area, with the good-life question, what
//! people like and dislike today, the evidence-based models and today's figures.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::Area;
use crate::state::use_app;
use crate::ui::labels::{area_name, tr};
use crate::ui::note_review::NoteReviewList;
use crate::ui::walkthrough::{
    EasyAreaStep, GoodLifeQuestion, ModelCard, NoteList, StepNav, StepProgress, TodayFigures,
};

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
    let models = move || {
        content.get().map(|c| {
            c.models
                .into_iter()
                .map(|m| view! { <ModelCard model=m /> })
                .collect_view()
        })
    };
    view! {
        <StepProgress area=area />
        <h1>{move || area_name(i18n, area)}</h1>
        <p class="lead">{move || content.get().map(|c| c.description)}</p>
        <GoodLifeQuestion area=area content=content />
        <div class="two-columns">
            <NoteList area=area likes=true />
            <NoteList area=area likes=false />
        </div>
        <NoteReviewList area=area />
        <section aria-labelledby="today-heading" class="card">
            <h2 id="today-heading">{tr!(i18n, walk.today)}</h2>
            <TodayFigures area=area />
        </section>
        <section aria-labelledby="models-heading">
            <h2 id="models-heading">{tr!(i18n, walk.models)}</h2>
            <p>{tr!(i18n, walk.models_lead)}</p>
            <div class="model-grid">{models}</div>
        </section>
        <StepNav area=area />
    }
    .into_any()
}
