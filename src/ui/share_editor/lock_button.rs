//! The lock on an area's row, so that moving the other areas leaves it alone.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::Area;
use crate::ui::labels::area_name;

/// Locks an area so that moving the others leaves it alone.
#[component]
pub fn LockButton(area: Area, locked: Signal<bool>, on_lock: Callback<Area>) -> impl IntoView {
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
