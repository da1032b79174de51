//! An area's amount per period, and how it changed against today's.

use leptos::prelude::*;

use super::change::{change_text, direction};
use crate::i18n::*;
use crate::model::ResourceKind;
use crate::ui::labels::{amount, period_name, tr};

/// The area's amount per period, and its change against today's.
#[component]
pub fn AreaFigures(
    kind: Signal<ResourceKind>,
    /// The area's amount in the split.
    now: Signal<i64>,
    /// The area's amount today.
    today: Signal<i64>,
    show_change: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let now = move || now.get();
    let today = move || today.get();
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
