//! The last Easy Read screen: every area's share at a glance, each with a way
//! back to change it, then on to the next kind or the end of the turn, and
//! the way to say what is good and what is not.

use leptos::prelude::*;

use super::turn::EasyTurn;
use crate::i18n::*;
use crate::model::{Area, ResourceKind};
use crate::platform::address::replace;
use crate::route::Route;
use crate::ui::easy::{area_icon, easy_area_name, whole_percent, Blocks};
use crate::ui::labels::{amount, percent_bp, tr};

/// "Your choices": the summary of the turn at one kind.
#[component]
pub fn EasyCheckScreen(turn: EasyTurn) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let Some(kind) = turn.kind.get() else {
            return ().into_any();
        };
        let shares = turn
            .allocation
            .get()
            .map(|a| a.areas)
            .unwrap_or(kind.baseline);
        let amounts = kind.amounts(shares);
        view! {
            <h2 id="easy-heading" tabindex="-1">{tr!(i18n, easy.check_title)}</h2>
            <p class="easy-line">{tr!(i18n, easy.check_lead)}</p>
            <ul class="easy-summary">
                {Area::ALL.into_iter().map(|area| view! {
                    <SummaryRow turn=turn kind=kind.clone() area=area bp=shares.get(area) amount_now=amounts[area.index()] />
                }).collect_view()}
            </ul>
            <div class="easy-nav">
                <button type="button" class="button button-large easy-nav-button" on:click=move |_| turn.go(4)>
                    <img src="./icons/back.svg" alt="" width="36" height="36" />
                    {tr!(i18n, easy.back)}
                </button>
                <TurnOn turn=turn />
            </div>
            <WordsLink turn=turn />
        }
        .into_any()
    }
}

/// The way to "Your words" in Easy Read: what is good and what is not.
#[component]
fn WordsLink(turn: EasyTurn) -> impl IntoView {
    let i18n = use_i18n();
    let words = Route::Words {
        ballot: turn.ballot,
        area: 0,
        tablet: turn.tablet,
    };
    view! {
        <p class="easy-words-link">
            <a
                class="button button-large easy-nav-button"
                href=words.href()
                on:click=move |ev| {
                    // A passed-round tablet leaves no history entry to go back to.
                    if turn.tablet {
                        ev.prevent_default();
                        replace(&words);
                    }
                }
            >
                <img src="./icons/good.svg" alt="" width="36" height="36" />
                {tr!(i18n, easy.words_link)}
            </a>
        </p>
    }
}

/// One area's share in the summary, with a button back to its screen.
#[component]
fn SummaryRow(
    turn: EasyTurn,
    kind: ResourceKind,
    area: Area,
    bp: u32,
    amount_now: i64,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li>
            <img src=area_icon(area) alt="" width="56" height="56" />
            <div class="easy-summary-text">
                <span class="easy-summary-name">{easy_area_name(i18n, area)}</span>
                <Blocks bp=bp />
                <span class="supporter">{format!("{} · {}", percent_bp(bp), amount(&kind.unit, amount_now))}</span>
            </div>
            <span class="easy-summary-pct">{whole_percent(bp)}</span>
            <button type="button" class="button" on:click=move |_| turn.go(area.index())
                aria-label=format!("{}: {}", t_string!(i18n, easy.change), easy_area_name(i18n, area))>
                {tr!(i18n, easy.change)}
            </button>
        </li>
    }
}

/// On to the next kind; after the last, hand the tablet on or go back to the list.
#[component]
fn TurnOn(turn: EasyTurn) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        match turn.next_kind() {
        Some((id, name)) => {
            let target = turn.kind_route(Some(id));
            view! {
                <button type="button" class="button button-primary button-large easy-nav-button" on:click=move |_| replace(&target)>
                    {t!(i18n, allocate.next_kind, kind = name)}
                    <img src="./icons/next.svg" alt="" width="36" height="36" />
                </button>
            }.into_any()
        }
        None if turn.checks_after() => {
            let target = turn.after_dividing();
            view! {
                <button type="button" class="button button-primary button-large easy-nav-button" on:click=move |_| replace(&target)>
                    {tr!(i18n, partnership.to_check)}
                    <img src="./icons/next.svg" alt="" width="36" height="36" />
                </button>
            }.into_any()
        }
        None if turn.tablet => view! {
            <button type="button" class="button button-primary button-large easy-nav-button" on:click=move |_| replace(&Route::TabletFinished)>
                <img src="./icons/done.svg" alt="" width="36" height="36" />
                {tr!(i18n, easy.finish)}
            </button>
        }.into_any(),
        None => view! {
            <a class="button button-primary button-large easy-nav-button" href=Route::Participants.href()>
                <img src="./icons/done.svg" alt="" width="36" height="36" />
                {tr!(i18n, allocate.done)}
            </a>
        }.into_any(),
    }
    }
}
