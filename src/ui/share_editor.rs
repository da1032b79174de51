//! Dividing one resource kind across the five areas: a slider, one-point
//! buttons and a typed percentage per area, each figure shown as %, amount and
//! change against today. The rebalancing itself is the model's.

use leptos::prelude::*;
use web_sys::HtmlInputElement;

use crate::i18n::*;
use crate::model::resource::format_relative_change;
use crate::model::shares::{parse_percent, TOTAL_BP};
use crate::model::{Area, AreaShares, ResourceKind};
use crate::ui::labels::{area_name, kind_total, period_name, tr, year_label};

/// One step of the − and + buttons: one percentage point.
const STEP_BP: u32 = 100;

/// The change of an area's amount against today's, as "+£120,000 (+8%)".
pub fn change_text(kind: &ResourceKind, amount: i64, baseline_amount: i64) -> String {
    let delta = crate::ui::labels::change(&kind.unit, amount - baseline_amount);
    match format_relative_change(amount, baseline_amount) {
        Some(pct) => format!("{delta} ({})", crate::ui::labels::relative(&pct)),
        None => delta,
    }
}

/// Tells screen-reader users which other areas moved when one was set, since
/// they cannot see the other sliders jump ("Day activities went down to 18%").
pub fn announce_rebalance(
    i18n: crate::ui::labels::I18n,
    announcement: RwSignal<String>,
    moved: Area,
    before: &AreaShares,
    after: &AreaShares,
) {
    let sentences: Vec<String> = Area::ALL
        .into_iter()
        .filter(|&a| a != moved && before.get(a) != after.get(a))
        .map(|a| {
            let area = area_name(i18n, a);
            let pct = crate::ui::labels::percent_bp(after.get(a));
            if after.get(a) > before.get(a) {
                t_string!(i18n, announce.went_up, area = area, pct = pct).to_string()
            } else {
                t_string!(i18n, announce.went_down, area = area, pct = pct).to_string()
            }
        })
        .collect();
    if !sentences.is_empty() {
        announcement.set(sentences.join(". "));
    }
}

/// Whether a change is up, down or none, for the figure's styling and wording.
fn direction(delta: i64) -> &'static str {
    match delta.cmp(&0) {
        std::cmp::Ordering::Greater => "up",
        std::cmp::Ordering::Less => "down",
        std::cmp::Ordering::Equal => "same",
    }
}

/// The editor for one kind's split across the five areas.
#[component]
pub fn ShareEditor(
    /// The resource kind (for amounts and today's split).
    #[prop(into)]
    kind: Signal<ResourceKind>,
    /// The split being edited.
    #[prop(into)]
    shares: Signal<AreaShares>,
    /// Locked areas; `None` hides the lock buttons.
    #[prop(optional, into)]
    locked: Option<Signal<Vec<Area>>>,
    /// Called with an area and its new share in basis points.
    on_set: Callback<(Area, u32)>,
    /// Called to lock or unlock an area.
    #[prop(optional)]
    on_lock: Option<Callback<Area>>,
    /// The workshop date, to name projected years.
    #[prop(into)]
    date: Signal<String>,
    /// Prefix for element ids, unique on the page.
    id_prefix: String,
    /// Shown under each area, e.g. a model split (optional).
    #[prop(optional)]
    area_extra: Option<Callback<Area, AnyView>>,
    /// Whether to show each area's change against today (not when editing today's split).
    #[prop(default = true)]
    show_change: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcement = crate::state::use_app().announcement;
    let is_locked = move |area: Area| {
        locked
            .map(|l| l.with(|l| l.contains(&area)))
            .unwrap_or(false)
    };
    let rows = Area::ALL
        .into_iter()
        .map(|area| {
            let prefix = id_prefix.clone();
            let slider_id = format!("{prefix}-{}-slider", area.id());
            let input_id = format!("{prefix}-{}-pct", area.id());
            let error_id = format!("{prefix}-{}-error", area.id());
            let (typed_error, set_typed_error) = signal(None::<String>);
            let share = move || shares.with(|s| s.get(area));
            let amount = move || kind.with(|k| k.amounts(shares.get())[area.index()]);
            let baseline_amount = move || kind.with(|k| k.baseline_amounts()[area.index()]);
            let name = move || area_name(i18n, area);
            let value_text = move || {
                format!(
                    "{}, {}, {}",
                    name(),
                    crate::ui::labels::percent_bp(share()),
                    kind.with(|k| crate::ui::labels::amount(&k.unit, amount()))
                )
            };
            let set = move |bp: u32| {
                let before = shares.get_untracked();
                on_set.run((area, bp.min(TOTAL_BP)));
                announce_rebalance(i18n, announcement, area, &before, &shares.get_untracked());
            };
            let on_slide = move |ev: leptos::ev::Event| {
                let input: HtmlInputElement = event_target(&ev);
                if let Ok(v) = input.value().parse::<u32>() {
                    set(v);
                }
                // Locks may have refused part of the move: show what the model holds.
                input.set_value(&share().to_string());
            };
            let on_typed = move |ev: leptos::ev::Event| {
                let input: HtmlInputElement = event_target(&ev);
                match parse_percent(&input.value()) {
                    Ok(bp) => {
                        set_typed_error.set(None);
                        set(bp);
                        input.set_value(&pct_input(share()));
                    }
                    Err(e) => set_typed_error.set(Some(e.to_string())),
                }
            };
            let lock_button = on_lock.map(|cb| {
                view! {
                    <button
                        class="lock-button"
                        aria-pressed=move || if is_locked(area) { "true" } else { "false" }
                        aria-label=move || t_string!(i18n, allocate.lock_label, area = name()).to_string()
                        on:click=move |_| cb.run(area)
                    >
                        <LockIcon closed=Signal::derive(move || is_locked(area)) />
                        {move || {
                            if is_locked(area) {
                                t_string!(i18n, allocate.locked).to_string()
                            } else {
                                t_string!(i18n, allocate.lock).to_string()
                            }
                        }}
                    </button>
                }
            });
            let extra = area_extra.map(|cb| cb.run(area));
            view! {
                <li class="share-row" class:locked=move || is_locked(area)>
                    <div class="share-head">
                        <label class="share-name" for=slider_id.clone()>
                            {name}
                        </label>
                        <span class="share-pct" aria-hidden="true">
                            {move || crate::ui::labels::percent_bp(share())}
                        </span>
                        {lock_button}
                    </div>
                    <div class="share-controls">
                        <button
                            class="step-button"
                            aria-label=move || t_string!(i18n, allocate.less, area = name()).to_string()
                            disabled=move || is_locked(area) || share() == 0
                            on:click=move |_| set(share().saturating_sub(STEP_BP))
                        >
                            "−"
                        </button>
                        <input
                            type="range"
                            id=slider_id.clone()
                            min="0"
                            max=TOTAL_BP.to_string()
                            step="50"
                            prop:value=move || share().to_string()
                            aria-valuetext=value_text
                            disabled=move || is_locked(area)
                            on:input=on_slide
                        />
                        <button
                            class="step-button"
                            aria-label=move || t_string!(i18n, allocate.more, area = name()).to_string()
                            disabled=move || { is_locked(area) || share() >= TOTAL_BP }
                            on:click=move |_| set(share() + STEP_BP)
                        >
                            "+"
                        </button>
                        <span class="typed">
                            <input
                                type="text"
                                inputmode="decimal"
                                id=input_id.clone()
                                class="pct-input"
                                aria-label=move || t_string!(i18n, allocate.typed_label, area = name()).to_string()
                                aria-invalid=move || typed_error.with(|e| e.is_some()).then_some("true")
                                aria-describedby=error_id.clone()
                                prop:value=move || pct_input(share())
                                disabled=move || is_locked(area)
                                on:change=on_typed
                            />
                            <span aria-hidden="true">"%"</span>
                        </span>
                    </div>
                    <p class="field-error" id=error_id.clone() role="status">
                        {move || typed_error.get()}
                    </p>
                    <p class="share-figures">
                        <span class="amount">
                            {move || kind.with(|k| format!("{} {}", crate::ui::labels::amount(&k.unit, amount()), period_name(i18n, k.period)))}
                        </span>
                        <Show when=move || show_change>
                            <span class=move || format!("change change-{}", direction(amount() - baseline_amount()))>
                                {move || kind.with(|k| change_text(k, amount(), baseline_amount()))}
                                " "
                                {tr!(i18n, allocate.vs_today)}
                            </span>
                        </Show>
                    </p>
                    {extra}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="share-editor">
            <p class="kind-total">
                {tr!(i18n, allocate.total_today)} ": "
                <strong>{move || kind.with(|k| kind_total(i18n, k))}</strong>
            </p>
            <ul class="share-list">{rows}</ul>
            <ProjectedYears kind=kind shares=shares date=date />
        </div>
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

/// A share as the typed field shows it: "24" or "24.5".
fn pct_input(bp: u32) -> String {
    crate::ui::labels::percent_bp(bp)
        .trim_end_matches('%')
        .to_string()
}

/// The split applied to each projected year's total, against today's amounts.
#[component]
fn ProjectedYears(
    kind: Signal<ResourceKind>,
    shares: Signal<AreaShares>,
    date: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="projected">
            <summary>{tr!(i18n, allocate.projected_summary)}</summary>
            <div
                class="table-scroll"
                tabindex="0"
                role="region"
                aria-label=tr!(i18n, allocate.projected_caption)
            >
                <table class="figures">
                    <caption class="visually-hidden">{tr!(i18n, allocate.projected_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr!(i18n, common.area)}</th>
                            {move || {
                                let years = kind.with(|k| k.projected.len());
                                (1..=years)
                                    .map(|n| {
                                        let d = date.get();
                                        view! {
                                            <th scope="col">
                                                {year_label(i18n, &d, n)}
                                                <br />
                                                <span class="small">
                                                    {kind.with(|k| crate::ui::labels::amount(&k.unit, k.projected[n - 1]))}
                                                </span>
                                            </th>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let k = kind.get();
                            let s = shares.get();
                            let today = k.baseline_amounts();
                            Area::ALL
                                .into_iter()
                                .map(|area| {
                                    let cells = k
                                        .projected
                                        .iter()
                                        .map(|&total| {
                                            let amount = crate::model::resource::amounts_of(total, s)[area.index()];
                                            let base = today[area.index()];
                                            view! {
                                                <td>
                                                    {crate::ui::labels::amount(&k.unit, amount)}
                                                    <br />
                                                    <span class=format!("small change change-{}", direction(amount - base))>
                                                        {change_text(&k, amount, base)}
                                                    </span>
                                                </td>
                                            }
                                        })
                                        .collect_view();
                                    view! {
                                        <tr>
                                            <th scope="row">{area_name(i18n, area)}</th>
                                            {cells}
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            <p class="small">{tr!(i18n, allocate.projected_note)}</p>
        </details>
    }
}
