//! Combining sessions: several decision records picked together, each read
//! and checked on its own (a broken one is listed with what is wrong and
//! where, and the others go ahead), their resources matched (by hand where
//! they differ), and, after asking, one combined workshop made the current
//! one (the workshop it replaces is kept aside, as when a file is opened).

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::combine::CombineError;
use crate::model::kind_match::places_of;
use crate::model::rules::MAX_RECORD_BYTES;
use crate::model::{combine, import_json, KindMapping};
use crate::platform::dialog::confirm;
use crate::route::Route;
use crate::state::use_app;
use crate::ui::labels::{fill, tr};
use crate::ui::problem_text::import_error_text;
use crate::ui::reading_progress::{read_with_progress, Reading, ReadingProgress};

use super::combine_kinds::KindMatching;
use super::combine_picked::{Picked, PickedRecords};

/// Reads every picked file on its own: the valid records and the refused files.
async fn read_records(
    files: Vec<web_sys::File>,
    picked: RwSignal<Picked>,
    reading: RwSignal<Option<Reading>>,
) {
    let mut out = Picked::default();
    for file in files {
        let name = file.name();
        let read = read_with_progress(&file, MAX_RECORD_BYTES, reading).await;
        match read.and_then(|text| import_json(&text)) {
            Ok(w) => out.records.push(w),
            Err(e) => out.refused.push((name, e)),
        }
    }
    reading.set(None);
    picked.set(out);
}

/// Picking the records, matching their kinds and making the combined
/// workshop: the body of the "Combine sessions" screen.
#[component]
pub fn CombineSessions() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let picked = RwSignal::new(Picked::default());
    let mapping = RwSignal::new(KindMapping::new());
    let reading = RwSignal::new(None::<Reading>);
    let done = RwSignal::new(None::<String>);
    let records = Signal::derive(move || picked.with(|p| p.records.clone()));
    // Whether they combine, worked out again only when the records or the
    // matches change (the workshop itself is made again on the tap: keeping
    // it here would compare whole workshops on every change).
    let combines = Memo::new(move |_| {
        picked.with(|p| {
            let enough = places_of(&p.records).len() >= 2;
            enough.then(|| mapping.with(|m| combine(&p.records, m).map(|_| ())))
        })
    });
    let on_pick = move |ev: leptos::ev::Event| {
        let files = crate::platform::files::picked(&ev);
        done.set(None);
        mapping.set(KindMapping::new());
        wasm_bindgen_futures::spawn_local(read_records(files, picked, reading));
    };
    let make = move |_| {
        let made = picked.with_untracked(|p| mapping.with_untracked(|m| combine(&p.records, m)));
        let Ok(w) = made else {
            return;
        };
        if !confirm(t_string!(i18n, combine.confirm)) {
            return;
        }
        let summary = fill(
            t_string!(i18n, combine.done),
            &[("sessions", &w.sessions.len()), ("count", &w.ballots.len())],
        );
        state.replace(w);
        picked.set(Picked::default());
        done.set(Some(summary));
    };
    let problem = move || match combines.get() {
        Some(Err(CombineError::Invalid(e))) => Some(fill(
            t_string!(i18n, combine.invalid),
            &[("reason", &import_error_text(i18n, &e))],
        )),
        None if !picked.with(|p| p.records.is_empty()) => {
            Some(t_string!(i18n, combine.need_two).to_string())
        }
        _ => None,
    };
    view! {
        <section class="card combine-card">
            <label class="button button-large file-button" for="combine-files">{tr!(i18n, combine.pick)}</label>
            <input id="combine-files" class="visually-hidden-file" type="file" multiple=true
                accept=".json,application/json" on:change=on_pick />
            <ReadingProgress reading=reading />
            <PickedRecords picked=picked />
            <KindMatching records=records mapping=mapping />
            {move || problem().map(|text| view! { <p class="banner banner-warning">{text}</p> })}
            {move || matches!(combines.get(), Some(Ok(()))).then(|| view! {
                <button class="button button-primary" on:click=make>{tr!(i18n, combine.go)}</button>
            })}
            <div aria-live="polite">
                {move || done.get().map(|text| view! {
                    <p class="banner banner-success" role="status">{text}</p>
                    <a class="button button-primary" href=Route::Results(None).href()>{tr!(i18n, combine.see_results)}</a>
                })}
            </div>
        </section>
    }
}
