//! Downloading the whole workshop: the decision record (JSON), a spreadsheet
//! (CSV), or a page to print.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::csv::to_csv;
use crate::model::text::file_slug;
use crate::model::{export_json, Workshop, SCHEMA_PATH, SCHEMA_VERSION};
use crate::platform::files;
use crate::route::Route;
use crate::state::use_app;
use crate::ui::labels::tr;

/// A file name for the export: the workshop's name and date, in safe characters.
fn export_filename(w: &Workshop) -> String {
    format!("co-produce-{}-{}.json", file_slug(&w.name, 60), w.date)
}

/// The "Download the decisions" card; a download the browser refuses calls `on_error`.
#[component]
pub fn DownloadDecisions(
    /// Called when the browser refuses the download.
    on_error: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let export = move |_| {
        let (name, text) = state
            .workshop
            .with_untracked(|w| (export_filename(w), export_json(w)));
        if files::download(&name, "application/json", &text).is_err() {
            on_error.run(());
        }
    };
    let export_csv = move |_| {
        let (name, text) = state
            .workshop
            .with_untracked(|w| (export_filename(w).replace(".json", ".csv"), to_csv(w)));
        if files::download(&name, "text/csv", &text).is_err() {
            on_error.run(());
        }
    };
    view! {
        <section class="card" aria-labelledby="export-heading">
            <h2 id="export-heading">{tr!(i18n, data.export_heading)}</h2>
            <p>{tr!(i18n, data.export_body)}</p>
            <button class="button button-primary button-large" on:click=export>
                {tr!(i18n, data.export)}
            </button>
            <div class="room-actions">
                <button class="button" on:click=export_csv>{tr!(i18n, data.csv)}</button>
                <a class="button" href=Route::Print.href()>{tr!(i18n, data.print)}</a>
            </div>
            <p class="small">
                {tr!(i18n, data.schema_note)} " "
                <a href=format!("./{SCHEMA_PATH}")>{t!(i18n, data.schema_link, version = SCHEMA_VERSION)}</a>
            </p>
        </section>
    }
}
