//! Easy Read allocation: one area per screen, with its picture, what it gets
//! now, and three big choices (less, same as today, more) that move in steps of
//! 5 in every 100. The exact figures stay on screen for a supporter.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::shares::coarse_step;
use crate::model::{Area, Id, KindAllocation};
use crate::platform::address::replace;
use crate::platform::clock;
use crate::route::Route;
use crate::state::use_app;
use crate::ui::easy::{
    area_icon, easy_area_about, easy_area_name, kind_icon, whole_percent, Blocks, EasyProgress,
};
use crate::ui::labels::{amount, kind_total, percent_bp, tr};
use crate::ui::share_editor::announce_rebalance;

/// A participant's split of a kind, or today's split until they move anything.
pub fn allocation_of(
    state: crate::state::AppState,
    ballot: Id,
    kind_id: Memo<String>,
) -> Memo<Option<KindAllocation>> {
    Memo::new(move |_| {
        let id = kind_id.get();
        state.workshop.with(|w| {
            w.ballot(ballot)
                .and_then(|b| b.allocations.get(&id).cloned())
                .or_else(|| w.kind(&id).map(KindAllocation::from_baseline))
        })
    })
}

/// The Easy Read allocation for one participant and one kind.
#[component]
pub fn EasyAllocate(
    /// Whose ballot.
    ballot: Id,
    /// Which kind (the first when absent or unknown).
    kind: Option<String>,
    /// Pass-the-tablet mode: finishing hands the tablet on.
    tablet: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let kind_id = Memo::new(move |_| state.workshop.with(|w| w.kind_or_first(kind.as_deref())));
    let kind_route = move |kind| Route::turn(ballot, kind, tablet);
    // Step 0..5 are the areas; 5 is "your choices".
    let step = move || {
        state.easy_place.with(|p| match p {
            Some((b, k, i)) if *b == ballot && *k == kind_id.get() => *i,
            _ => 0,
        })
    };
    let go = move |i: usize| {
        state
            .easy_place
            .set(Some((ballot, kind_id.get_untracked(), i)));
        // The new screen's heading takes focus once drawn, so a screen reader
        // reads the next area and a keyboard user starts from its top.
        request_animation_frame(|| {
            if let Some(h) = document().get_element_by_id("easy-heading") {
                use wasm_bindgen::JsCast;
                if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        });
    };
    let kind_now = Memo::new(move |_| {
        let id = kind_id.get();
        state.workshop.with(|w| w.kind(&id).cloned())
    });
    let allocation = allocation_of(state, ballot, kind_id);
    let set_area = move |area: Area, bp: u32| {
        let before = allocation
            .get_untracked()
            .map(|a| a.areas)
            .unwrap_or_default();
        let id = kind_id.get_untracked();
        state.change(move |w| {
            w.update_allocation(
                ballot,
                &id,
                clock::now(),
                Box::new(move |a: &mut KindAllocation| a.set_area(area, bp)),
            )
        });
        let after = allocation
            .get_untracked()
            .map(|a| a.areas)
            .unwrap_or_default();
        announce_rebalance(i18n, state.announcement, area, &before, &after);
    };
    let next_kind = move || {
        let current = kind_id.get();
        state.workshop.with(|w| {
            w.kind_after(&current)
                .map(|k| (k.id.clone(), crate::ui::labels::kind_name(i18n, k)))
        })
    };
    let who = move || {
        state
            .workshop
            .with(|w| w.ballot(ballot).map(|b| b.participant.clone()))
    };

    let area_screen = move |index: usize| {
        let Some(area) = Area::from_index(index) else {
            return ().into_any();
        };
        let Some(kind) = kind_now.get() else {
            return ().into_any();
        };
        let shares = allocation.get().map(|a| a.areas).unwrap_or(kind.baseline);
        let locked = allocation.get().map(|a| a.is_locked(area)).unwrap_or(false);
        let share = shares.get(area);
        let today = kind.baseline.get(area);
        let amounts = kind.amounts(shares);
        let today_amounts = kind.baseline_amounts();
        let name = easy_area_name(i18n, area);
        view! {
            <EasyProgress area=area />
            <div class="easy-area">
                <img class="easy-area-icon" src=area_icon(area) alt="" width="112" height="112" />
                <div>
                    <h2 id="easy-heading" tabindex="-1">{name.clone()}</h2>
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
            <div class="easy-choices">
                <button
                    type="button"
                    class="easy-choice"
                    disabled=locked || share == 0
                    on:click=move |_| set_area(area, coarse_step(share, false))
                >
                    <img src="./icons/less.svg" alt="" width="56" height="56" />
                    <span>{tr!(i18n, easy.less)}</span>
                </button>
                <button
                    type="button"
                    class="easy-choice"
                    disabled=locked || share == today
                    on:click=move |_| set_area(area, today)
                >
                    <img src="./icons/same.svg" alt="" width="56" height="56" />
                    <span>{tr!(i18n, easy.same)}</span>
                </button>
                <button
                    type="button"
                    class="easy-choice"
                    disabled=locked || (share >= crate::model::shares::TOTAL_BP)
                    on:click=move |_| set_area(area, coarse_step(share, true))
                >
                    <img src="./icons/more.svg" alt="" width="56" height="56" />
                    <span>{tr!(i18n, easy.more)}</span>
                </button>
            </div>
            <p class="easy-line small">{tr!(i18n, easy.step_note)}</p>
            <p class="easy-line small">{tr!(i18n, easy.all_parts)}</p>
            <p class="supporter">
                <strong>{tr!(i18n, easy.supporter)}</strong>
                " "
                {format!(
                    "{} {} ({}) · {}: {} ({})",
                    amount(&kind.unit, amounts[area.index()]),
                    crate::ui::labels::period_name(i18n, kind.period),
                    percent_bp(share),
                    t_string!(i18n, results.today),
                    amount(&kind.unit, today_amounts[area.index()]),
                    percent_bp(today),
                )}
            </p>
            <div class="easy-nav">
                <button type="button" class="button button-large easy-nav-button" on:click=move |_| {
                    if index > 0 { go(index - 1) }
                } disabled=index == 0>
                    <img src="./icons/back.svg" alt="" width="36" height="36" />
                    {tr!(i18n, easy.back)}
                </button>
                <button type="button" class="button button-primary button-large easy-nav-button" on:click=move |_| go(index + 1)>
                    {tr!(i18n, easy.next)}
                    <img src="./icons/next.svg" alt="" width="36" height="36" />
                </button>
            </div>
        }
        .into_any()
    };

    let check_screen = move || {
        let Some(kind) = kind_now.get() else {
            return ().into_any();
        };
        let shares = allocation.get().map(|a| a.areas).unwrap_or(kind.baseline);
        let amounts = kind.amounts(shares);
        view! {
            <h2 id="easy-heading" tabindex="-1">{tr!(i18n, easy.check_title)}</h2>
            <p class="easy-line">{tr!(i18n, easy.check_lead)}</p>
            <ul class="easy-summary">
                {Area::ALL.into_iter().map(|area| {
                    let bp = shares.get(area);
                    view! {
                        <li>
                            <img src=area_icon(area) alt="" width="56" height="56" />
                            <div class="easy-summary-text">
                                <span class="easy-summary-name">{easy_area_name(i18n, area)}</span>
                                <Blocks bp=bp />
                                <span class="supporter">{format!("{} · {}", percent_bp(bp), amount(&kind.unit, amounts[area.index()]))}</span>
                            </div>
                            <span class="easy-summary-pct">{whole_percent(bp)}</span>
                            <button type="button" class="button" on:click=move |_| go(area.index())
                                aria-label=format!("{}: {}", t_string!(i18n, easy.change), easy_area_name(i18n, area))>
                                {tr!(i18n, easy.change)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="easy-nav">
                <button type="button" class="button button-large easy-nav-button" on:click=move |_| go(4)>
                    <img src="./icons/back.svg" alt="" width="36" height="36" />
                    {tr!(i18n, easy.back)}
                </button>
                {move || match next_kind() {
                    Some((id, name)) => {
                        let target = kind_route(Some(id));
                        view! {
                            <button type="button" class="button button-primary button-large easy-nav-button" on:click=move |_| replace(&target)>
                                {t!(i18n, allocate.next_kind, kind = name)}
                                <img src="./icons/next.svg" alt="" width="36" height="36" />
                            </button>
                        }.into_any()
                    }
                    None if tablet => view! {
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
                }}
            </div>
        }
        .into_any()
    };

    view! {
        <p class="eyebrow">{who}</p>
        <h1 class="easy-title">
            {move || kind_now.get().map(|k| view! { <img src=kind_icon(&k) alt="" width="56" height="56" /> })}
            <span>{move || kind_now.get().map(|k| crate::ui::labels::kind_name(i18n, &k))}</span>
        </h1>
        <p class="easy-line">
            {tr!(i18n, easy.resource_lead)} " "
            <strong>{move || kind_now.get().map(|k| kind_total(i18n, &k))}</strong>
        </p>
        <section class="card easy-card" aria-labelledby="easy-heading">
            {move || {
                let i = step();
                if i < 5 { area_screen(i) } else { check_screen() }
            }}
        </section>
    }
}
