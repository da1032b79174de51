//! Workshop set-up: details, the resource kinds, today's split and the years ahead.

use leptos::prelude::*;

use crate::i18n::*;
use crate::route::Route;
use crate::state::use_app;
use crate::ui::join_scan::JoinByScanning;
use crate::ui::labels::tr;
use crate::ui::setup::{AddKind, KindCard, PartnershipChoice, WorkshopDetails};

/// The set-up screen.
#[component]
pub fn SetupPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let w = state.workshop;
    let kind_ids =
        Memo::new(move |_| w.with(|w| w.kinds.iter().map(|k| k.id.clone()).collect::<Vec<_>>()));
    view! {
        <h1>{tr!(i18n, setup.title)}</h1>
        <p class="lead">{tr!(i18n, setup.lead)}</p>
        <JoinByScanning />
        <WorkshopDetails />
        <h2>{tr!(i18n, setup.kinds)}</h2>
        <p>{tr!(i18n, setup.kinds_lead)}</p>
        <For each=move || kind_ids.get() key=|id| id.clone() let:kind_id>
            <KindCard kind_id=kind_id />
        </For>
        <AddKind />
        <PartnershipChoice />
        <div class="next-row">
            <a class="button button-primary button-large" href=Route::Area(0).href()>
                {tr!(i18n, setup.start_walkthrough)}
            </a>
        </div>
    }
}
