//! Workshop set-up: details, the resource kinds, today's split and the years ahead.

use leptos::prelude::*;
use web_sys::{HtmlInputElement, HtmlSelectElement};

use crate::i18n::*;
use crate::model::time::parse_date;
use crate::model::{Area, Period, ResourceKind, Unit};
use crate::platform::clock;
use crate::platform::dialog::confirm;
use crate::route::Route;
use crate::state::use_app;
use crate::ui::labels::{tr, year_label};
use crate::ui::share_editor::ShareEditor;

/// The set-up screen.
#[component]
pub fn SetupPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let w = state.workshop;
    let (date_error, set_date_error) = signal(false);
    let kind_ids =
        Memo::new(move |_| w.with(|w| w.kinds.iter().map(|k| k.id.clone()).collect::<Vec<_>>()));
    view! {
        <h1>{tr!(i18n, setup.title)}</h1>
        <p class="lead">{tr!(i18n, setup.lead)}</p>
        <section class="card" aria-labelledby="details-heading">
            <h2 id="details-heading">{tr!(i18n, setup.details)}</h2>
            <div class="field">
                <label for="workshop-name">{tr!(i18n, setup.name)}</label>
                <input
                    id="workshop-name"
                    type="text"
                    maxlength=crate::model::rules::MAX_NAME_CHARS
                    autocomplete="off"
                    placeholder=tr!(i18n, setup.name_placeholder)
                    prop:value=move || w.with(|w| w.name.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        state.change(|w| w.name = v);
                    }
                />
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="workshop-place">{tr!(i18n, setup.place)}</label>
                    <input
                        id="workshop-place"
                        type="text"
                        maxlength=crate::model::rules::MAX_NAME_CHARS
                        prop:value=move || w.with(|w| w.place.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            state.change(|w| w.place = v);
                        }
                    />
                </div>
                <div class="field">
                    <label for="workshop-date">{tr!(i18n, setup.date)}</label>
                    <input
                        id="workshop-date"
                        type="date"
                        aria-describedby="workshop-date-error"
                        aria-invalid=move || date_error.get().then_some("true")
                        prop:value=move || w.with(|w| w.date.clone())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if parse_date(&v).is_some() {
                                set_date_error.set(false);
                                state.change(|w| w.date = v);
                            } else {
                                set_date_error.set(true);
                            }
                        }
                    />
                    <p class="field-error" id="workshop-date-error" role="status">
                        {move || date_error.get().then(|| t_string!(i18n, setup.date_error).to_string())}
                    </p>
                </div>
            </div>
        </section>
        <h2>{tr!(i18n, setup.kinds)}</h2>
        <p>{tr!(i18n, setup.kinds_lead)}</p>
        <For each=move || kind_ids.get() key=|id| id.clone() let:kind_id>
            <KindCard kind_id=kind_id />
        </For>
        <AddKind />
        <div class="next-row">
            <a class="button button-primary button-large" href=Route::Area(0).href()>
                {tr!(i18n, setup.start_walkthrough)}
            </a>
        </div>
    }
}

/// Adds a resource kind the facilitator names.
#[component]
fn AddKind() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let (name, set_name) = signal(String::new());
    let full = move || {
        state
            .workshop
            .with(|w| w.kinds.len() >= crate::model::rules::MAX_KINDS)
    };
    view! {
        <form
            class="card add-kind"
            on:submit=move |ev| {
                ev.prevent_default();
                let n = name.get().trim().to_string();
                if !n.is_empty() && !full() {
                    state.change(|w| w.add_kind(n, clock::now()));
                    set_name.set(String::new());
                }
            }
        >
            <div class="field">
                <label for="new-kind-name">{tr!(i18n, setup.add_kind_label)}</label>
                <input
                    id="new-kind-name"
                    type="text"
                    maxlength=crate::model::rules::MAX_KIND_NAME_CHARS
                    prop:value=name
                    on:input=move |ev| set_name.set(event_target_value(&ev))
                />
            </div>
            <button class="button" type="submit" disabled=full>
                {tr!(i18n, setup.add_kind)}
            </button>
        </form>
    }
}

/// Which unit a select option stands for.
fn unit_key(unit: &Unit) -> &'static str {
    match unit {
        Unit::Money => "money",
        Unit::Hours => "hours",
        Unit::Count { .. } => "count",
    }
}

/// One resource kind's settings.
#[component]
fn KindCard(kind_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let id = kind_id.clone();
    let kind = Signal::derive(move || {
        state
            .workshop
            .with(|w| w.kind(&id).cloned())
            .unwrap_or_else(|| ResourceKind::defaults().remove(0))
    });
    let edit = {
        let id = kind_id.clone();
        move |f: Box<dyn FnOnce(&mut ResourceKind)>| {
            let id = id.clone();
            state.change(move |w| {
                if let Some(k) = w.kinds.iter_mut().find(|k| k.id == id) {
                    f(k);
                }
            });
        }
    };
    let (total_error, set_total_error) = signal(false);
    let fid = |name: &str| format!("kind-{kind_id}-{name}");
    let (
        id_heading,
        id_name,
        id_unit,
        id_period,
        id_noun,
        id_total,
        id_total_error,
        id_baseline,
        id_year,
    ) = (
        fid("heading"),
        fid("name"),
        fid("unit"),
        fid("period"),
        fid("noun"),
        fid("total"),
        fid("total-error"),
        fid("baseline"),
        fid("year"),
    );
    let edit_name = edit.clone();
    let edit_unit = edit.clone();
    let edit_noun = edit.clone();
    let edit_period = edit.clone();
    let edit_total = edit.clone();
    let edit_split = edit.clone();
    let edit_projected = edit.clone();
    let remove_id = kind_id.clone();
    let projected = move || {
        let d = state.workshop.with(|w| w.date.clone());
        let edit_projected = edit_projected.clone();
        kind.with(|k| k.projected.clone())
            .into_iter()
            .enumerate()
            .map(|(i, value)| {
                let edit_projected = edit_projected.clone();
                let fid = format!("{id_year}-{}", i + 1);
                let label = year_label(i18n, &d, i + 1);
                view! {
                    <div class="field">
                        <label for=fid.clone()>{label}</label>
                        <input
                            id=fid
                            type="text"
                            inputmode="numeric"
                            prop:value=move || kind.with(|k| k.unit.to_input(value))
                            on:change=move |ev| {
                                let input: HtmlInputElement = event_target(&ev);
                                let unit = kind.with(|k| k.unit.clone());
                                match unit.parse(&input.value()) {
                                    Some(steps) => edit_projected(Box::new(move |k| {
                                        if let Some(slot) = k.projected.get_mut(i) {
                                            *slot = steps;
                                        }
                                    })),
                                    None => input.set_value(&unit.to_input(value)),
                                }
                            }
                        />
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card kind-card" aria-labelledby=fid("heading")>
            <div class="card-head">
                <h3 id=id_heading>{move || kind.with(|k| crate::ui::labels::kind_name(i18n, k))}</h3>
                <button
                    class="button button-quiet"
                    disabled=move || state.workshop.with(|w| w.kinds.len() <= 1)
                    on:click=move |_| {
                        if confirm(t_string!(i18n, setup.remove_kind_confirm)) {
                            let id = remove_id.clone();
                            state.change(move |w| w.remove_kind(&id, clock::now()));
                        }
                    }
                >
                    {tr!(i18n, setup.remove_kind)}
                </button>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for=id_name.clone()>{tr!(i18n, setup.kind_name)}</label>
                    <input
                        id=id_name.clone()
                        type="text"
                        maxlength=crate::model::rules::MAX_KIND_NAME_CHARS
                        prop:value=move || kind.with(|k| k.name.clone())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if !v.trim().is_empty() {
                                edit_name(Box::new(move |k| k.name = v));
                            }
                        }
                    />
                </div>
                <div class="field">
                    <label for=id_unit.clone()>{tr!(i18n, setup.unit)}</label>
                    <select
                        id=id_unit.clone()
                        prop:value=move || kind.with(|k| unit_key(&k.unit))
                        on:change=move |ev| {
                            let select: HtmlSelectElement = event_target(&ev);
                            let unit = match select.value().as_str() {
                                "money" => Unit::Money,
                                "hours" => Unit::Hours,
                                _ => Unit::Count { noun: t_string!(i18n, units.default_noun).to_string() },
                            };
                            // Keep the same number of displayed units when the unit changes.
                            edit_unit(Box::new(move |k| {
                                let shown = k.total / k.unit.steps_per_unit();
                                let factor = unit.steps_per_unit();
                                let old = k.unit.steps_per_unit();
                                k.total = shown * factor;
                                for p in &mut k.projected {
                                    *p = *p / old * factor;
                                }
                                k.unit = unit;
                            }));
                        }
                    >
                        <option value="money">{tr!(i18n, units.money)}</option>
                        <option value="hours">{tr!(i18n, units.hours)}</option>
                        <option value="count">{tr!(i18n, units.count)}</option>
                    </select>
                </div>
                <div class="field">
                    <label for=id_period.clone()>{tr!(i18n, setup.period)}</label>
                    <select
                        id=id_period.clone()
                        prop:value=move || kind.with(|k| if k.period == Period::Year { "year" } else { "month" })
                        on:change=move |ev| {
                            let period = if event_target_value(&ev) == "month" { Period::Month } else { Period::Year };
                            edit_period(Box::new(move |k| k.period = period));
                        }
                    >
                        <option value="year">{tr!(i18n, units.per_year)}</option>
                        <option value="month">{tr!(i18n, units.per_month)}</option>
                    </select>
                </div>
            </div>
            <Show when=move || kind.with(|k| matches!(k.unit, Unit::Count { .. }))>
                <div class="field">
                    <label for=id_noun.clone()>{tr!(i18n, setup.noun)}</label>
                    <input
                        id=id_noun.clone()
                        type="text"
                        maxlength=crate::model::rules::MAX_UNIT_NOUN_CHARS
                        prop:value=move || kind.with(|k| match &k.unit {
                            Unit::Count { noun } => noun.clone(),
                            _ => String::new(),
                        })
                        on:change={
                            let edit_noun = edit_noun.clone();
                            move |ev| {
                                let v = event_target_value(&ev);
                                if !v.trim().is_empty() {
                                    edit_noun(Box::new(move |k| k.unit = Unit::Count { noun: v }));
                                }
                            }
                        }
                    />
                </div>
            </Show>
            <div class="field">
                <label for=id_total.clone()>{tr!(i18n, setup.total_today)}</label>
                <input
                    id=id_total.clone()
                    type="text"
                    inputmode="numeric"
                    aria-describedby=id_total_error.clone()
                    aria-invalid=move || total_error.get().then_some("true")
                    prop:value=move || kind.with(|k| k.unit.to_input(k.total))
                    on:change=move |ev| {
                        let input: HtmlInputElement = event_target(&ev);
                        let unit = kind.with(|k| k.unit.clone());
                        match unit.parse(&input.value()) {
                            Some(steps) => {
                                set_total_error.set(false);
                                edit_total(Box::new(move |k| k.total = steps));
                            }
                            None => set_total_error.set(true),
                        }
                    }
                />
                <p class="field-error" id=id_total_error.clone() role="status">
                    {move || total_error.get().then(|| t_string!(i18n, setup.total_error).to_string())}
                </p>
            </div>
            <h4>{tr!(i18n, setup.baseline)}</h4>
            <p class="small">{tr!(i18n, setup.baseline_lead)}</p>
            <ShareEditor
                kind=kind
                shares=Signal::derive(move || kind.with(|k| k.baseline))
                on_set=Callback::new(move |(area, bp): (Area, u32)| {
                    edit_split(Box::new(move |k| k.baseline = k.baseline.set(area, bp, &[])));
                })
                date=Signal::derive(move || state.workshop.with(|w| w.date.clone()))
                id_prefix=id_baseline.clone()
                show_change=false
            />
            <h4>{tr!(i18n, setup.projected)}</h4>
            <div class="field-row">{projected}</div>
        </section>
    }
}
