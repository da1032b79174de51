//! One area's Easy Read screen: its picture and meaning, what it gets now
//! against today, the three choices, the exact figures for a supporter, and
//! the way back and on.

use leptos::prelude::*;

use super::choices::EasyChoices;
use super::turn::EasyTurn;
use crate::i18n::*;
use crate::model::{Area, ResourceKind};
use crate::ui::easy::{
    area_icon, easy_area_about, easy_area_name, whole_percent, Blocks, EasyProgress,
};
use crate::ui::labels::{amount, percent_bp, period_name, tr};

/// The screen for area `index` (0 to 4) of an Easy Read turn.
#[component]
pub fn EasyAreaScreen(turn: EasyTurn, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let Some(area) = Area::from_index(index) else {
            return ().into_any();
        };
        let Some(kind) = turn.kind.get() else {
            return ().into_any();
        };
        let shares = turn
            .allocation
            .get()
            .map(|a| a.areas)
            .unwrap_or(kind.baseline);
        let locked = turn
            .allocation
            .get()
            .map(|a| a.is_locked(area))
            .unwrap_or(false);
        let share = shares.get(area);
        let today = kind.baseline.get(area);
        let now_amount = kind.amounts(shares)[area.index()];
        view! {
            <EasyProgress area=area />
            <div class="easy-area">
                <img class="easy-area-icon" src=area_icon(area) alt="" width="112" height="112" />
                <div>
                    <h2 id="easy-heading" tabindex="-1">{easy_area_name(i18n, area)}</h2>
                    <p class="easy-line">{easy_area_about(i18n, area)}</p>
                </div>
            </div>
            <div class="easy-figure">
                <p class="easy-line">{tr!(i18n, easy.now_gets)}</p>
                <p class="easy-big">{whole_percent(share)}</p>
                <Blocks bp=share />
                <p class="easy-line small">{tr!(i18n, easy.today_got)} " " <strong>{whole_percent(today)}</strong></p>
            </div>
            <p class="easy-line easy-question">{tr!(i18n, easy.question)}</p>
            <EasyChoices turn=turn area=area share=share today=today locked=locked />
            <p class="easy-line small">{tr!(i18n, easy.step_note)}</p>
            <p class="easy-line small">{tr!(i18n, easy.all_parts)}</p>
            <SupporterFigures kind=kind area=area share=share now_amount=now_amount />
            <AreaNav turn=turn index=index />
        }
        .into_any()
    }
}

/// The exact amount and share against today's, for a supporter reading along.
#[component]
fn SupporterFigures(kind: ResourceKind, area: Area, share: u32, now_amount: i64) -> impl IntoView {
    let i18n = use_i18n();
    let today = kind.baseline.get(area);
    let today_amount = kind.baseline_amounts()[area.index()];
    view! {
        <p class="supporter">
            <strong>{tr!(i18n, easy.supporter)}</strong>
            " "
            {format!(
                "{} {} ({}) · {}: {} ({})",
                amount(&kind.unit, now_amount),
                period_name(i18n, kind.period),
                percent_bp(share),
                t_string!(i18n, results.today),
                amount(&kind.unit, today_amount),
                percent_bp(today),
            )}
        </p>
    }
}

/// Back to the area before, or on to the next screen.
#[component]
fn AreaNav(turn: EasyTurn, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="easy-nav">
            <button type="button" class="button button-large easy-nav-button" on:click=move |_| {
                if index > 0 { turn.go(index - 1) }
            } disabled=index == 0>
                <img src="./icons/back.svg" alt="" width="36" height="36" />
                {tr!(i18n, easy.back)}
            </button>
            <button type="button" class="button button-primary button-large easy-nav-button" on:click=move |_| turn.go(index + 1)>
                {tr!(i18n, easy.next)}
                <img src="./icons/next.svg" alt="" width="36" height="36" />
            </button>
        </div>
    }
}
