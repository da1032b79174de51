//! Decisions out and in: export the whole workshop as JSON, import one back
//! (checked in full before anything changes), or start afresh.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::*;
use crate::model::csv::to_csv;
use crate::model::rules::MAX_RECORD_BYTES;
use crate::model::text::file_slug;
use crate::model::{export_json, import_json, Workshop};
use crate::platform::dialog::confirm;
use crate::platform::{clock, files, random};
use crate::route::Route;
use crate::state::use_app;
use crate::ui::gather::GatherBallots;
use crate::ui::labels::tr;

/// A file name for the export: the workshop's name and date, in safe characters.
fn export_filename(w: &Workshop) -> String {
    format!("co-produce-{}-{}.json", file_slug(&w.name, 60), w.date)
}

/// The outcome of the last import, shown to the user.
#[derive(Clone)]
enum ImportOutcome {
    Done(String),
    Refused(String),
}

/// The export and import screen.
#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let (outcome, set_outcome) = signal(None::<ImportOutcome>);
    let export = move |_| {
        let (name, text) = state
            .workshop
            .with_untracked(|w| (export_filename(w), export_json(w)));
        if let Err(e) = files::download(&name, "application/json", &text) {
            set_outcome.set(Some(ImportOutcome::Refused(e)));
        }
    };
    let export_csv = move |_| {
        let (name, text) = state
            .workshop
            .with_untracked(|w| (export_filename(w).replace(".json", ".csv"), to_csv(w)));
        if let Err(e) = files::download(&name, "text/csv", &text) {
            set_outcome.set(Some(ImportOutcome::Refused(e)));
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let file_name = file.name();
        // Let the same file be picked again after a fix.
        input.set_value("");
        wasm_bindgen_futures::spawn_local(async move {
            let text = match files::read_text(&file, MAX_RECORD_BYTES).await {
                Ok(t) => t,
                Err(e) => {
                    set_outcome.set(Some(ImportOutcome::Refused(format!("{file_name}: {e}"))));
                    return;
                }
            };
            match import_json(&text) {
                Ok(workshop) => {
                    let summary = t_string!(
                        i18n,
                        data.imported,
                        name = workshop.name.clone(),
                        count = workshop.ballots.len()
                    )
                    .to_string();
                    state.replace(workshop);
                    set_outcome.set(Some(ImportOutcome::Done(summary)));
                }
                Err(e) => {
                    set_outcome.set(Some(ImportOutcome::Refused(format!("{file_name}: {e}"))))
                }
            }
        });
    };
    let start_new = move |_| {
        if confirm(t_string!(i18n, data.new_confirm)) {
            let catalogue = state.catalogue.get_untracked();
            state.replace(Workshop::new(
                random::new_id(),
                clock::now(),
                clock::today(),
                &catalogue,
            ));
            set_outcome.set(None);
        }
    };
    view! {
        <h1>{tr!(i18n, data.title)}</h1>
        <p class="lead">{tr!(i18n, data.lead)}</p>
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
                <a href="./schema/decision-record.v1.json">{tr!(i18n, data.schema_link)}</a>
            </p>
        </section>
        <GatherBallots />
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
            <div aria-live="polite" class="import-outcome">
                {move || {
                    outcome
                        .get()
                        .map(|o| match o {
                            ImportOutcome::Done(text) => {
                                view! { <p class="banner banner-success" role="status">{text}</p> }.into_any()
                            }
                            ImportOutcome::Refused(text) => {
                                view! {
                                    <div class="banner banner-danger" role="alert">
                                        <p><strong>{tr!(i18n, data.refused)}</strong></p>
                                        <p class="error-detail">{text}</p>
                                        <p>{tr!(i18n, data.untouched)}</p>
                                    </div>
                                }
                                    .into_any()
                            }
                        })
                }}
            </div>
        </section>
        <section class="card" aria-labelledby="new-heading">
            <h2 id="new-heading">{tr!(i18n, data.new_heading)}</h2>
            <p>{tr!(i18n, data.new_body)}</p>
            <button class="button" on:click=start_new>{tr!(i18n, data.new)}</button>
        </section>
    }
}
