//! Combine sessions: the records of several sessions made into one workshop
//! (in the records' build, with "Compare places"; Save and share links here).

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::labels::tr;
use crate::ui::save_share::CombineSessions;

/// The combining screen.
#[component]
pub fn CombinePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{tr!(i18n, combine.heading)}</h1>
        <p class="lead">{tr!(i18n, combine.lead)}</p>
        <CombineSessions />
    }
}
