//! Opening decision records (or a saved comparison) to compare: many files
//! picked or dropped together, read on this device one after another, with a
//! bar while they are read. Each file is checked on its own: what is not
//! valid is listed, and everything else opens.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::import_comparison_json;
use crate::model::rules::MAX_RECORD_BYTES;
use crate::platform::clock::{after_next_paint, now};
use crate::platform::files;
use crate::state::comparison::{opened_now, set_opened};
use crate::ui::labels::{fill, tr};

/// How far opening the files has got.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Progress {
    /// This many of the files are read and checked.
    Reading {
        /// Files done.
        done: usize,
        /// Files picked.
        total: usize,
    },
    /// All are read; the places are being compared.
    Comparing,
}

/// The browser draws the bar again after this long, not after every file:
/// a paint per file would cost more than reading 100 small records.
const PAINT_EVERY_MS: i64 = 100;

/// Reads and checks the files one after another, then opens them all at once.
async fn open_files(list: Vec<web_sys::File>, progress: RwSignal<Option<Progress>>) {
    let total = list.len();
    if total == 0 {
        return;
    }
    let _ = progress.try_set(Some(Progress::Reading { done: 0, total }));
    after_next_paint().await;
    let mut opened = opened_now();
    let mut painted = now().0;
    for (i, file) in list.iter().enumerate() {
        let result = match files::read_text(file, MAX_RECORD_BYTES, |_| {}).await {
            Ok(text) => import_comparison_json(&text),
            Err(e) => Err(e),
        };
        opened.absorb(&file.name(), result);
        if now().0 - painted >= PAINT_EVERY_MS {
            let _ = progress.try_set(Some(Progress::Reading { done: i + 1, total }));
            after_next_paint().await;
            painted = now().0;
        }
    }
    let _ = progress.try_set(Some(Progress::Comparing));
    after_next_paint().await;
    set_opened(opened);
    let _ = progress.try_set(None);
}

/// The card to pick or drop records, and the bar while they are read.
#[component]
pub fn OpenRecords() -> impl IntoView {
    let i18n = use_i18n();
    let (dragging, set_dragging) = signal(false);
    let progress = RwSignal::new(None::<Progress>);
    let busy = move || progress.get().is_some();
    let on_pick = move |ev: leptos::ev::Event| {
        let picked = crate::platform::files::picked(&ev);
        wasm_bindgen_futures::spawn_local(open_files(picked, progress));
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        set_dragging.set(false);
        if busy() {
            return;
        }
        let dropped = crate::platform::files::dropped(&ev);
        wasm_bindgen_futures::spawn_local(open_files(dropped, progress));
    };
    view! {
        <section class="card no-print" aria-labelledby="compare-open-heading">
            <h2 id="compare-open-heading">{tr!(i18n, compare.open_heading)}</h2>
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
                <label class="button button-primary button-large file-button" for="compare-files">
                    {tr!(i18n, compare.pick)}
                </label>
                <input
                    id="compare-files"
                    class="visually-hidden-file"
                    type="file"
                    multiple=true
                    accept=".json,application/json"
                    disabled=busy
                    on:change=on_pick
                />
                <p class="small">{tr!(i18n, compare.drop)}</p>
            </div>
            {move || progress.get().map(|p| view! { <ProgressBar progress=p /> })}
        </section>
    }
}

/// The bar and its words.
#[component]
fn ProgressBar(progress: Progress) -> impl IntoView {
    let i18n = use_i18n();
    let (words, value) = match progress {
        Progress::Reading { done, total } => (
            fill(
                tr!(i18n, compare.reading)(),
                &[("done", &(done + 1).min(total)), ("total", &total)],
            ),
            Some((done, total)),
        ),
        Progress::Comparing => (tr!(i18n, compare.comparing)().to_string(), None),
    };
    let bar = match value {
        Some((done, total)) => view! {
            <progress max=total value=done aria-label=words.clone()></progress>
        }
        .into_any(),
        None => view! { <progress aria-label=words.clone()></progress> }.into_any(),
    };
    view! {
        <div class="reading-progress" role="status">
            <p>{words}</p>
            {bar}
        </div>
    }
}
