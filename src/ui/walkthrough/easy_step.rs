//! One walk-through step in Easy Read.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Area, AreaContent};
use crate::route::Route;
use crate::state::use_app;
use crate::ui::labels::tr;

use super::{ModelCard, TodayFigures};

/// The walk-through in Easy Read: the area's picture and plain name, one line
/// on what it is, the room's answer, today's money, and the ideas that work by
/// name, with the full detail one press away for a supporter.
#[component]
pub fn EasyAreaStep(
    /// The area of this step.
    area: Area,
    /// The catalogue's content for the area.
    content: Memo<Option<AreaContent>>,
) -> impl IntoView {
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
