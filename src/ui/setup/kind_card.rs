//! One resource kind's card on the set-up screen.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Area, ResourceKind};
use crate::platform::clock;
use crate::platform::dialog::confirm;
use crate::state::use_app;
use crate::ui::labels::{kind_name, tr};
use crate::ui::share_editor::ShareEditor;

use super::edit_kind;
use super::kind_fields::{CountNounField, KindNameField, PeriodField, TotalTodayField, UnitField};
use super::projected_totals::ProjectedTotals;

/// One resource kind's settings: its name and unit, its total, today's split
/// and the totals of the years ahead.
#[component]
pub fn KindCard(kind_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let id = kind_id.clone();
    // A kind removed in another window leaves a placeholder until the list redraws.
    let kind = Signal::derive(move || {
        state
            .workshop
            .with(|w| w.kind(&id).cloned())
            .unwrap_or_else(|| ResourceKind::defaults().remove(0))
    });
    let prefix = format!("kind-{kind_id}");
    let heading = format!("{prefix}-heading");
    let labelled_by = heading.clone();
    let split_id = kind_id.clone();
    view! {
        <section class="card kind-card" aria-labelledby=labelled_by>
            <div class="card-head">
                <h3 id=heading>{move || kind.with(|k| kind_name(i18n, k))}</h3>
                <RemoveKind kind_id=kind_id.clone() />
            </div>
            <div class="field-row">
                <KindNameField kind=kind kind_id=kind_id.clone() />
                <UnitField kind=kind kind_id=kind_id.clone() />
                <PeriodField kind=kind kind_id=kind_id.clone() />
            </div>
            <CountNounField kind=kind kind_id=kind_id.clone() />
            <TotalTodayField kind=kind kind_id=kind_id.clone() />
            <h4>{tr!(i18n, setup.baseline)}</h4>
            <p class="small">{tr!(i18n, setup.baseline_lead)}</p>
            <ShareEditor
                kind=kind
                shares=Signal::derive(move || kind.with(|k| k.baseline))
                on_set=Callback::new(move |(area, bp): (Area, u32)| {
                    edit_kind(state, &split_id, |k| k.baseline = k.baseline.set(area, bp, &[]));
                })
                date=Signal::derive(move || state.workshop.with(|w| w.date.clone()))
                id_prefix=format!("{prefix}-baseline")
                show_change=false
            />
            <h4>{tr!(i18n, setup.projected)}</h4>
            <ProjectedTotals kind=kind kind_id=kind_id />
        </section>
    }
}

/// Removes a kind after asking; the last kind cannot be removed.
#[component]
fn RemoveKind(kind_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    view! {
        <button
            class="button button-quiet"
            disabled=move || state.workshop.with(|w| w.kinds.len() <= 1)
            on:click=move |_| {
                if confirm(t_string!(i18n, setup.remove_kind_confirm)) {
                    let id = kind_id.clone();
                    state.change(move |w| w.remove_kind(&id, clock::now()));
                }
            }
        >
            {tr!(i18n, setup.remove_kind)}
        </button>
    }
}
