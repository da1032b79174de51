//! Save and share: download the workshop, gather tablets' ballots, open a
//! saved workshop (checked in full before anything changes), combine the
//! records of several sessions into one workshop, or start afresh.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::labels::tr;
use crate::ui::save_share::{
    CombineSessions, DownloadDecisions, GatherBallots, ImportOutcome, OpenSavedWorkshop,
    StartNewWorkshop,
};

/// The save-and-share screen.
#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    // One line of news for the screen: a failed download, or the last file opened.
    let outcome = RwSignal::new(None::<ImportOutcome>);
    view! {
        <h1>{tr!(i18n, data.title)}</h1>
        <p class="lead">{tr!(i18n, data.lead)}</p>
        <DownloadDecisions on_error=Callback::new(move |()| outcome.set(Some(ImportOutcome::DownloadFailed))) />
        <GatherBallots />
        <OpenSavedWorkshop outcome=outcome />
        <CombineSessions />
        <StartNewWorkshop on_started=Callback::new(move |_| outcome.set(None)) />
    }
}
