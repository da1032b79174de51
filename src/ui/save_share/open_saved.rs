//! Opening a saved workshop from a file: checked in full before anything
//! changes, and a refusal says why and that nothing was touched.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::rules::MAX_RECORD_BYTES;
use crate::model::{import_json, ImportError};
use crate::state::{use_app, AppState};
use crate::ui::labels::{tr, I18n};
use crate::ui::problem_text::refused_file_text;
use crate::ui::reading_progress::{read_with_progress, Reading, ReadingProgress};

/// What became of the last file opened (or download tried), shown to the user.
#[derive(Clone)]
pub enum ImportOutcome {
    /// The workshop was opened; the sentence says which.
    Done(String),
    /// The browser would not make a download; nothing changed.
    DownloadFailed,
    /// A file was not opened, so nothing changed: its name and why.
    FileRefused {
        /// The file's name.
        file: String,
        /// Why it was refused.
        error: ImportError,
    },
}

/// Reads a picked file and, if it is a whole valid workshop, puts it in place.
async fn open_file(
    i18n: I18n,
    state: AppState,
    file: web_sys::File,
    outcome: RwSignal<Option<ImportOutcome>>,
    reading: RwSignal<Option<Reading>>,
) {
    outcome.set(None);
    let file_name = file.name();
    let refused = |error| {
        outcome.set(Some(ImportOutcome::FileRefused {
            file: file_name.clone(),
            error,
        }))
    };
    let text = read_with_progress(&file, MAX_RECORD_BYTES, reading).await;
    let imported = text.and_then(|t| import_json(&t));
    reading.set(None);
    match imported {
        Ok(workshop) => {
            let summary = t_string!(
                i18n,
                data.imported,
                name = workshop.name.clone(),
                count = workshop.ballots.len()
            )
            .to_string();
            state.replace(workshop);
            outcome.set(Some(ImportOutcome::Done(summary)));
        }
        Err(e) => refused(e),
    }
}

/// The "Open a saved workshop" card.
#[component]
pub fn OpenSavedWorkshop(
    /// The last outcome, which this card shows and sets.
    outcome: RwSignal<Option<ImportOutcome>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let reading = RwSignal::new(None::<Reading>);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = crate::platform::files::picked(&ev).into_iter().next() else {
            return;
        };
        wasm_bindgen_futures::spawn_local(open_file(i18n, state, file, outcome, reading));
    };
    view! {
        <section class="card" aria-labelledby="import-heading">
            <h2 id="import-heading">{tr!(i18n, data.import_heading)}</h2>
            <p>{tr!(i18n, data.import_body)}</p>
            <label class="button button-large file-button" for="import-file">
                {tr!(i18n, data.import)}
            </label>
            <input
                id="import-file"
                class="visually-hidden-file"
                type="file"
                accept=".json,application/json"
                on:change=on_file
            />
            <ReadingProgress reading=reading />
            <div aria-live="polite" class="import-outcome">
                {move || outcome.get().map(|o| view! { <OutcomeBanner outcome=o /> })}
            </div>
        </section>
    }
}

/// The red box: nothing was opened, why, and that nothing changed.
fn refused_banner(i18n: I18n, detail: String) -> AnyView {
    view! {
        <div class="banner banner-danger" role="alert">
            <p><strong>{tr!(i18n, data.refused)}</strong></p>
            <p class="error-detail">{detail}</p>
            <p>{tr!(i18n, data.untouched)}</p>
        </div>
    }
    .into_any()
}

/// A green line for an opened workshop, a red box for a refused file.
#[component]
fn OutcomeBanner(outcome: ImportOutcome) -> impl IntoView {
    let i18n = use_i18n();
    match outcome {
        ImportOutcome::Done(text) => {
            view! { <p class="banner banner-success" role="status">{text}</p> }.into_any()
        }
        ImportOutcome::DownloadFailed => view! {
            <div class="banner banner-danger" role="alert">
                <p><strong>{tr!(i18n, data.download_failed)}</strong></p>
                <p>{tr!(i18n, data.untouched)}</p>
            </div>
        }
        .into_any(),
        ImportOutcome::FileRefused { file, error } => {
            refused_banner(i18n, refused_file_text(i18n, &file, &error))
        }
    }
}
