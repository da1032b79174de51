//! One area's row in the share editor: its name and big percentage, a lock,
//! − and + buttons, a slider and a typed percentage, and its amount.

use leptos::prelude::*;
use web_sys::HtmlInputElement;

use crate::i18n::*;
use crate::model::shares::{PercentError, TOTAL_BP};
use crate::model::{Area, AreaShares, ResourceKind};
use crate::state::use_app;
use crate::ui::labels::{amount, area_name, percent_bp};
use crate::ui::problem_text::percent_error_text;

use super::area_figures::AreaFigures;
use super::change::announce_rebalance;
use super::lock_button::LockButton;
use super::typed_percent::TypedPercent;

/// One step of the − and + buttons: one percentage point.
const STEP_BP: u32 = 100;

/// One area's controls and figures.
#[component]
pub fn AreaRow(
    area: Area,
    kind: Signal<ResourceKind>,
    shares: Signal<AreaShares>,
    /// Every area's amount of the split, and today's.
    amounts: Signal<[i64; 5]>,
    today: Signal<[i64; 5]>,
    locked: Option<Signal<Vec<Area>>>,
    on_set: Callback<(Area, u32)>,
    on_lock: Option<Callback<Area>>,
    id_prefix: String,
    extra: Option<AnyView>,
    show_change: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcement = use_app().announcement;
    // Memos: on a tick only what changed for this area is drawn again.
    let is_locked = Memo::new(move |_| {
        locked
            .map(|l| l.with(|l| l.contains(&area)))
            .unwrap_or(false)
    });
    let slider_id = format!("{id_prefix}-{}-slider", area.id());
    let typed_error = RwSignal::new(None::<PercentError>);
    let share = Memo::new(move |_| shares.with(|s| s.get(area)));
    let now = Memo::new(move |_| amounts.with(|a| a[area.index()]));
    let name = move || area_name(i18n, area);
    let value_text = move || {
        let shown = kind.with(|k| amount(&k.unit, now.get()));
        format!("{}, {}, {}", name(), percent_bp(share.get()), shown)
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
        input.set_value(&share.get_untracked().to_string());
    };
    let lock_button = on_lock.map(|cb| {
        view! { <LockButton area=area locked=is_locked.into() on_lock=cb /> }
    });
    view! {
        <li class="share-row" class:locked=move || is_locked.get()>
            <div class="share-head">
                <label class="share-name" for=slider_id.clone()>
                    {name}
                </label>
                <span class="share-pct" aria-hidden="true">
                    {move || percent_bp(share.get())}
                </span>
                {lock_button}
            </div>
            <div class="share-controls">
                <button
                    class="step-button"
                    aria-label=move || t_string!(i18n, allocate.less, area = name()).to_string()
                    disabled=move || is_locked.get() || share.get() == 0
                    on:click=move |_| set.run(share.get_untracked().saturating_sub(STEP_BP))
                >
                    "−"
                </button>
                <input
                    type="range"
                    id=slider_id
                    min="0"
                    max=TOTAL_BP.to_string()
                    step="50"
                    prop:value=move || share.get().to_string()
                    aria-valuetext=value_text
                    disabled=move || is_locked.get()
                    on:input=on_slide
                />
                <button
                    class="step-button"
                    aria-label=move || t_string!(i18n, allocate.more, area = name()).to_string()
                    disabled=move || { is_locked.get() || share.get() >= TOTAL_BP }
                    on:click=move |_| set.run(share.get_untracked() + STEP_BP)
                >
                    "+"
                </button>
                <TypedPercent area=area share=share.into() locked=is_locked.into() set=set typed_error=typed_error id_prefix=id_prefix.clone() />
            </div>
            <p class="field-error" id=format!("{id_prefix}-{}-error", area.id()) role="status">
                {move || typed_error.get().map(|e| percent_error_text(i18n, &e))}
            </p>
            <AreaFigures kind=kind now=now.into() today=Signal::derive(move || today.with(|t| t[area.index()])) show_change=show_change />
            {extra}
        </li>
    }
}
