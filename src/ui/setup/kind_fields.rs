//! A resource kind's own fields: its name, unit, period, what a count counts,
//! and today's total.

use leptos::prelude::*;
use web_sys::HtmlSelectElement;

use crate::i18n::*;
use crate::model::{Period, ResourceKind, Unit};
use crate::state::use_app;
use crate::ui::labels::tr;
use crate::ui::text_field::TextField;

use super::edit_kind;

/// The kind's name; an empty name is not taken.
#[component]
pub fn KindNameField(kind: Signal<ResourceKind>, kind_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    view! {
        <TextField
            id=format!("kind-{kind_id}-name")
            label=tr!(i18n, setup.kind_name)
            value=move || kind.with(|k| k.name.clone())
            on_change=Callback::new(move |v: String| {
                if !v.trim().is_empty() {
                    edit_kind(state, &kind_id, |k| k.name = v);
                }
            })
            maxlength=crate::model::rules::MAX_KIND_NAME_CHARS
        />
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

/// Money, hours or a count of things.
#[component]
pub fn UnitField(kind: Signal<ResourceKind>, kind_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let id = format!("kind-{kind_id}-unit");
    let on_change = move |ev: leptos::ev::Event| {
        let select: HtmlSelectElement = event_target(&ev);
        let unit = match select.value().as_str() {
            "money" => Unit::Money,
            "hours" => Unit::Hours,
            _ => Unit::Count {
                noun: t_string!(i18n, units.default_noun).to_string(),
            },
        };
        // Keep the same number of displayed units when the unit changes.
        edit_kind(state, &kind_id, move |k| {
            let shown = k.total / k.unit.steps_per_unit();
            let factor = unit.steps_per_unit();
            let old = k.unit.steps_per_unit();
            k.total = shown * factor;
            for p in &mut k.projected {
                *p = *p / old * factor;
            }
            k.unit = unit;
        });
    };
    view! {
        <div class="field">
            <label for=id.clone()>{tr!(i18n, setup.unit)}</label>
            <select id=id prop:value=move || kind.with(|k| unit_key(&k.unit)) on:change=on_change>
                <option value="money">{tr!(i18n, units.money)}</option>
                <option value="hours">{tr!(i18n, units.hours)}</option>
                <option value="count">{tr!(i18n, units.count)}</option>
            </select>
        </div>
    }
}

/// Per year or per month.
#[component]
pub fn PeriodField(kind: Signal<ResourceKind>, kind_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let id = format!("kind-{kind_id}-period");
    view! {
        <div class="field">
            <label for=id.clone()>{tr!(i18n, setup.period)}</label>
            <select
                id=id
                prop:value=move || kind.with(|k| if k.period == Period::Year { "year" } else { "month" })
                on:change=move |ev| {
                    let period = if event_target_value(&ev) == "month" { Period::Month } else { Period::Year };
                    edit_kind(state, &kind_id, |k| k.period = period);
                }
            >
                <option value="year">{tr!(i18n, units.per_year)}</option>
                <option value="month">{tr!(i18n, units.per_month)}</option>
            </select>
        </div>
    }
}

/// What a count counts ("places", "rooms"), shown only for counted kinds.
#[component]
pub fn CountNounField(kind: Signal<ResourceKind>, kind_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let id = format!("kind-{kind_id}-noun");
    let on_change = Callback::new(move |v: String| {
        if !v.trim().is_empty() {
            edit_kind(state, &kind_id, |k| k.unit = Unit::Count { noun: v });
        }
    });
    view! {
        <Show when=move || kind.with(|k| matches!(k.unit, Unit::Count { .. }))>
            <TextField
                id=id.clone()
                label=tr!(i18n, setup.noun)
                value=move || kind.with(|k| match &k.unit {
                    Unit::Count { noun } => noun.clone(),
                    _ => String::new(),
                })
                on_change=on_change
                maxlength=crate::model::rules::MAX_UNIT_NOUN_CHARS
            />
        </Show>
    }
}

/// Today's total, in whole units; an unreadable figure is refused and said so.
#[component]
pub fn TotalTodayField(kind: Signal<ResourceKind>, kind_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let (error, set_error) = signal(false);
    view! {
        <TextField
            id=format!("kind-{kind_id}-total")
            label=tr!(i18n, setup.total_today)
            value=move || kind.with(|k| k.unit.to_input(k.total))
            on_change=Callback::new(move |text: String| {
                let unit = kind.with_untracked(|k| k.unit.clone());
                let steps = unit.parse(&text);
                set_error.set(steps.is_none());
                if let Some(steps) = steps {
                    edit_kind(state, &kind_id, |k| k.total = steps);
                }
            })
            error=Signal::derive(move || {
                error.get().then(|| t_string!(i18n, setup.total_error).to_string())
            })
            inputmode="numeric"
        />
    }
}
