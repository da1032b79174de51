//! Gathering tablets' ballots without a network: many files at once (picked or
//! dropped) or pasted codes, merged into the workshop. Every file is checked;
//! a ballot for another workshop is refused with a clear message.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::ballot_code::{read_gathered, Gathered};
use crate::model::rules::MAX_RECORD_BYTES;
use crate::model::{merge_ballots, MergeReport};
use crate::state::{use_app, AppState};
use crate::ui::labels::tr;
use crate::ui::reading_progress::{read_with_progress, Reading, ReadingProgress};
use crate::ui::text_field::TextField;

use super::gather_report::{GatherReport, Gathering};
use super::gather_scan::ScanTablets;

/// Merges what one file or code holds; problems are reported, never applied.
fn gather_text(state: AppState, report: &mut Gathering, source: &str, text: &str) {
    match read_gathered(text) {
        Ok(Gathered::Ballots(ballots)) => {
            let mut part = MergeReport::default();
            state.change(|w| part = merge_ballots(w, ballots, source));
            report.absorb(part);
        }
        Ok(Gathered::Record(record)) => {
            let mut part = MergeReport::default();
            let ballots = record.ballots.clone();
            state.change(|w| part = merge_ballots(w, ballots, &format!("{source}: ballots")));
            report.absorb(part);
        }
        Err(e) => report.refuse(source, e),
    }
}

/// Reads and merges a list of files, one after another.
async fn gather_files(
    state: AppState,
    files_list: Vec<web_sys::File>,
    done: WriteSignal<Option<Gathering>>,
    reading: RwSignal<Option<Reading>>,
) {
    let mut report = Gathering::default();
    for file in files_list {
        let name = file.name();
        match read_with_progress(&file, MAX_RECORD_BYTES, reading).await {
            Ok(text) => gather_text(state, &mut report, &name, &text),
            Err(e) => report.refuse(&name, e),
        }
    }
    reading.set(None);
    done.set(Some(report));
}

/// The gather section of the save-and-share screen.
#[component]
pub fn GatherBallots() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let (report, set_report) = signal(None::<Gathering>);
    let (dragging, set_dragging) = signal(false);
    let reading = RwSignal::new(None::<Reading>);
    let on_pick = move |ev: leptos::ev::Event| {
        let picked = crate::platform::files::picked(&ev);
        wasm_bindgen_futures::spawn_local(gather_files(state, picked, set_report, reading));
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        set_dragging.set(false);
        let dropped = crate::platform::files::dropped(&ev);
        wasm_bindgen_futures::spawn_local(gather_files(state, dropped, set_report, reading));
    };
    view! {
        <section class="card" aria-labelledby="gather-heading">
            <h2 id="gather-heading">{tr!(i18n, gather.heading)}</h2>
            <p>{tr!(i18n, gather.lead)}</p>
            <ScanTablets />
            <div
                class="drop-zone"
                class:dragging=dragging
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    set_dragging.set(true);
                }
                on:dragleave=move |_| set_dragging.set(false)
                on:drop=on_drop
            >
                <label class="button button-large file-button" for="gather-files">{tr!(i18n, gather.pick)}</label>
                <input
                    id="gather-files"
                    class="visually-hidden-file"
                    type="file"
                    multiple=true
                    accept=".json,application/json"
                    on:change=on_pick
                />
                <p class="small">{tr!(i18n, gather.drop)}</p>
            </div>
            <ReadingProgress reading=reading />
            <PasteCodes on_report=Callback::new(move |r| set_report.set(Some(r))) />
            <div aria-live="polite">
                {move || report.get().map(|r| view! { <GatherReport report=r /> })}
            </div>
        </section>
    }
}

/// Pasting ballot codes, one per line; the field empties once all are taken.
#[component]
fn PasteCodes(
    /// Called with what the codes did.
    on_report: Callback<Gathering>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let (code, set_code) = signal(String::new());
    let on_paste = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut r = Gathering::default();
        // One code per line, so a list of codes can be pasted at once.
        for (i, line) in code
            .get()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .enumerate()
        {
            gather_text(
                state,
                &mut r,
                &t_string!(i18n, gather.code_n, n = i + 1).to_string(),
                line,
            );
        }
        if r.refused.is_empty() {
            set_code.set(String::new());
        }
        on_report.run(r);
    };
    view! {
        <form class="paste-form" on:submit=on_paste>
            <TextField
                id="gather-code"
                label=tr!(i18n, gather.paste_label)
                value=code
                on_input=Callback::new(move |v| set_code.set(v))
                lines=3
                spellcheck=false
                bare=true
            />
            <button class="button" type="submit">{tr!(i18n, gather.add_codes)}</button>
        </form>
    }
}
