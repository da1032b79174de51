//! One area's row in the share editor: its name and big percentage, a lock,
//! − and + buttons, a slider and a typed percentage, and its amount.

use leptos::prelude::*;
use web_sys::HtmlInputElement;

use crate::i18n::*;
use crate::model::shares::{parse_percent, TOTAL_BP};
use crate::model::{Area, AreaShares, ResourceKind};
use crate::state::use_app;
use crate::ui::labels::{amount, area_name, percent_bp, period_name, tr};

use super::change::{announce_rebalance, change_text, direction};

/// One step of the − and + buttons: one percentage point.
const STEP_BP: u32 = 100;

/// A share as the typed field shows it: "24" or "24.5".
fn pct_input(bp: u32) -> String {
    percent_bp(bp).trim_end_matches('%').to_string()
}

/// One area's controls and figures.
#[component]
pub fn AreaRow(
    area: Area,
    kind: Signal<ResourceKind>,
    shares: Signal<AreaShares>,
    locked: Option<Signal<Vec<Area>>>,
    on_set: Callback<(Area, u32)>,
    on_lock: Option<Callback<Area>>,
    id_prefix: String,
    extra: Option<AnyView>,
    show_change: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcement = use_app().announcement;
    let is_locked = move || {
        locked
            .map(|l| l.with(|l| l.contains(&area)))
            .unwrap_or(false)
    };
    let slider_id = format!("{id_prefix}-{}-slider", area.id());
    let typed_error = RwSignal::new(None::<String>);
    let share = move || shares.with(|s| s.get(area));
    let name = move || area_name(i18n, area);
    let value_text = move || {
        let shown = kind.with(|k| amount(&k.unit, k.amounts(shares.get())[area.index()]));
        format!("{}, {}, {}", name(), percent_bp(share()), shown)
    };
    let set = Callback::new(move |bp: u32| {
        let before = shares.get_untracked();
        on_set.run((area, bp.min(TOTAL_BP)));
        announce_rebalance(i18n, announcement, area, &before, &shares.get_untracked());
    });
    let on_slide = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        if let Ok(v) = input.value().parse::<u32>() {
            set.run(v);
        }
        // Locks may have refused part of the move: show what the model holds.
        input.set_value(&share().to_string());
    };
    let lock_button = on_lock.map(|cb| {
        view! { <LockButton area=area locked=Signal::derive(is_locked) on_lock=cb /> }
    });
    view! {
        <li class="share-row" class:locked=is_locked>
            <div class="share-head">
                <label class="share-name" for=slider_id.clone()>
                    {name}
                </label>
                <span class="share-pct" aria-hidden="true">
                    {move || percent_bp(share())}
                </span>
                {lock_button}
            </div>
            <div class="share-controls">
                <button
                    class="step-button"
                    aria-label=move || t_string!(i18n, allocate.less, area = name()).to_string()
                    disabled=move || is_locked() || share() == 0
                    on:click=move |_| set.run(share().saturating_sub(STEP_BP))
                >
                    "−"
                </button>
                <input
                    type="range"
                    id=slider_id
                    min="0"
                    max=TOTAL_BP.to_string()
                    step="50"
                    prop:value=move || share().to_string()
                    aria-valuetext=value_text
                    disabled=is_locked
                    on:input=on_slide
                />
                <button
                    class="step-button"
                    aria-label=move || t_string!(i18n, allocate.more, area = name()).to_string()
                    disabled=move || { is_locked() || share() >= TOTAL_BP }
                    on:click=move |_| set.run(share() + STEP_BP)
                >
                    "+"
                </button>
                <TypedPercent area=area share=Signal::derive(share) locked=Signal::derive(is_locked) set=set typed_error=typed_error id_prefix=id_prefix.clone() />
            </div>
            <p class="field-error" id=format!("{id_prefix}-{}-error", area.id()) role="status">
                {move || typed_error.get()}
            </p>
            <AreaFigures area=area kind=kind shares=shares show_change=show_change />
            {extra}
        </li>
    }
}

/// The typed percentage beside the slider, and what is wrong with a typed figure.
#[component]
fn TypedPercent(
    area: Area,
    share: Signal<u32>,
    locked: Signal<bool>,
    set: Callback<u32>,
    /// What is wrong with the typed figure; shown by the row, under its controls.
    typed_error: RwSignal<Option<String>>,
    id_prefix: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let input_id = format!("{id_prefix}-{}-pct", area.id());
    let error_id = format!("{id_prefix}-{}-error", area.id());
    let set_typed_error = typed_error;
    let on_typed = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        match parse_percent(&input.value()) {
            Ok(bp) => {
                set_typed_error.set(None);
                set.run(bp);
                input.set_value(&pct_input(share.get_untracked()));
            }
            Err(e) => set_typed_error.set(Some(e.to_string())),
        }
    };
    view! {
        <span class="typed">
            <input
                type="text"
                inputmode="decimal"
                id=input_id
                class="pct-input"
                aria-label=move || t_string!(i18n, allocate.typed_label, area = area_name(i18n, area)).to_string()
                aria-invalid=move || typed_error.with(|e| e.is_some()).then_some("true")
                aria-describedby=error_id.clone()
                prop:value=move || pct_input(share.get())
                disabled=locked
                on:change=on_typed
            />
            <span aria-hidden="true">"%"</span>
        </span>
    }
}

/// The area's amount per period, and its change against today's.
#[component]
fn AreaFigures(
    area: Area,
    kind: Signal<ResourceKind>,
    shares: Signal<AreaShares>,
    show_change: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let now = move || kind.with(|k| k.amounts(shares.get())[area.index()]);
    let today = move || kind.with(|k| k.baseline_amounts()[area.index()]);
    view! {
        <p class="share-figures">
            <span class="amount">
                {move || kind.with(|k| format!("{} {}", amount(&k.unit, now()), period_name(i18n, k.period)))}
            </span>
            <Show when=move || show_change>
                <span class=move || format!("change change-{}", direction(now() - today()))>
                    {move || kind.with(|k| change_text(k, now(), today()))}
                    " "
                    {tr!(i18n, allocate.vs_today)}
                </span>
            </Show>
        </p>
    }
}

/// Locks an area so that moving the others leaves it alone.
#[component]
fn LockButton(area: Area, locked: Signal<bool>, on_lock: Callback<Area>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            class="lock-button"
            aria-pressed=move || if locked.get() { "true" } else { "false" }
            aria-label=move || t_string!(i18n, allocate.lock_label, area = area_name(i18n, area)).to_string()
            on:click=move |_| on_lock.run(area)
        >
            <LockIcon closed=locked />
            {move || {
                if locked.get() {
                    t_string!(i18n, allocate.locked).to_string()
                } else {
                    t_string!(i18n, allocate.lock).to_string()
                }
            }}
        </button>
    }
}

/// A padlock drawn in SVG (emoji fonts are missing on some tablets), open or closed.
#[component]
fn LockIcon(closed: Signal<bool>) -> impl IntoView {
    view! {
        <svg class="lock-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <rect x="4" y="10" width="16" height="12" rx="2" fill="currentColor" />
            <path
                d=move || if closed.get() { "M8 10V7a4 4 0 0 1 8 0v3" } else { "M8 10V7a4 4 0 0 1 7.5-2" }
                fill="none"
                stroke="currentColor"
                stroke-width="2.5"
                stroke-linecap="round"
            />
        </svg>
    }
}
