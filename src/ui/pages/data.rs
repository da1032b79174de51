//! Save and share: download the workshop, gather tablets' ballots, open a
//! saved workshop (checked in full before anything changes), go to combining
//! the records of several sessions into one workshop, or start afresh.

use leptos::prelude::*;

use crate::i18n::*;
use crate::route::Route;
use crate::ui::labels::tr;
use crate::ui::save_share::{
    DownloadDecisions, GatherBallots, ImportOutcome, OpenSavedWorkshop, StartNewWorkshop,
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
        // Combining opens many records at once: its screen is in the records'
        // build, which this build does not carry (ARCHITECTURE.md, "Builds").
        <section class="card" aria-labelledby="combine-heading">
            <h2 id="combine-heading">{tr!(i18n, combine.heading)}</h2>
            <p>{tr!(i18n, combine.lead)}</p>
            <a class="button button-large" href=Route::Combine.href()>{tr!(i18n, combine.open)}</a>
        </section>
        <StartNewWorkshop on_started=Callback::new(move |_| outcome.set(None)) />
    }
}
