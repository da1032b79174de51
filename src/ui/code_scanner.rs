//! Scanning QR codes with the camera: its picture on screen, and each code
//! handed on once as it comes into view, with a line that says what became of
//! it. No button per code: twenty tablets go past the camera one after
//! another. Used to gather tablets' choices and to join by a room's code.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::html::Video;
use leptos::prelude::*;

use crate::i18n::*;
use crate::platform::clock::sleep;
use crate::platform::scanner::{Camera, CameraProblem, QrReader, ReaderKind};
use crate::ui::labels::tr;

/// How a read code went, which sets the confirmation's colour and mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScanTone {
    /// Taken: new, or newer than what was here.
    Taken,
    /// Already here; nothing changed.
    Known,
    /// Not taken, with the reason in the words.
    Refused,
}

/// What became of one code, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScanOutcome {
    /// The sentence shown under the picture.
    pub words: String,
    /// How it went.
    pub tone: ScanTone,
}

/// Where the scanner is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Starting,
    Scanning(ReaderKind),
    Stopped(CameraProblem),
}

/// A code still in view is handed on once: it must be out of sight this long
/// to count as shown again.
const GONE_MS: f64 = 2_000.0;
/// Frames are read at most this often, leaving the page time for everything else.
const FRAME_MS: f64 = 100.0;

/// Runs the camera and reads its frames until `running` is cleared.
async fn scan(
    video: web_sys::HtmlVideoElement,
    running: Arc<AtomicBool>,
    stage: RwSignal<Stage>,
    frames: RwSignal<u32>,
    on_code: Callback<String, Option<ScanOutcome>>,
    last: RwSignal<Option<ScanOutcome>>,
    outcomes: RwSignal<u32>,
) {
    let camera = match Camera::open(&video).await {
        Ok(camera) => camera,
        Err(problem) => return stage.set(Stage::Stopped(problem)),
    };
    let reader = match QrReader::open().await {
        Ok(reader) => reader,
        Err(problem) => return stage.set(Stage::Stopped(problem)),
    };
    stage.set(Stage::Scanning(reader.kind()));
    // Each code seen lately, and when it was last in view (a handful at most).
    let mut seen: Vec<(String, f64)> = Vec::new();
    while running.load(Ordering::Relaxed) {
        let started = js_sys::Date::now();
        let codes = reader.read(&video).await;
        let now = js_sys::Date::now();
        frames.update(|n| *n += 1);
        seen.retain(|(_, at)| now - at <= GONE_MS);
        for code in codes {
            let shown_again = match seen.iter_mut().find(|(c, _)| *c == code) {
                Some((_, at)) => {
                    *at = now;
                    false
                }
                None => {
                    seen.push((code.clone(), now));
                    true
                }
            };
            if shown_again && running.load(Ordering::Relaxed) {
                if let Some(outcome) = on_code.run(code) {
                    last.set(Some(outcome));
                    outcomes.update(|n| *n += 1);
                }
            }
        }
        sleep((FRAME_MS - (js_sys::Date::now() - started)).max(0.0) as i32).await;
    }
    // The camera goes off, and the worker ends, here.
    drop(reader);
    drop(camera);
}

/// The camera's picture, what to do, and what the last code did.
#[component]
pub fn CodeScanner(
    /// Names the scanner ("Scanning tablets' codes").
    #[prop(into)]
    label: Signal<String>,
    /// What to point the camera at, until a code is read.
    #[prop(into)]
    prompt: Signal<String>,
    /// Called once with each code as it comes into view; says what became of it.
    on_code: Callback<String, Option<ScanOutcome>>,
    /// Called when the person stops scanning.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let video = NodeRef::<Video>::new();
    let stage = RwSignal::new(Stage::Starting);
    let frames = RwSignal::new(0u32);
    let last = RwSignal::new(None::<ScanOutcome>);
    let outcomes = RwSignal::new(0u32);
    let running = Arc::new(AtomicBool::new(true));
    let stop = running.clone();
    on_cleanup(move || stop.store(false, Ordering::Relaxed));
    video.on_load(move |element| {
        let element: web_sys::HtmlVideoElement = element.clone();
        // The picture and the line above it in view together, on a tablet too.
        if let Some(section) = element.parent_element() {
            let place = web_sys::ScrollIntoViewOptions::new();
            place.set_block(web_sys::ScrollLogicalPosition::Start);
            section.scroll_into_view_with_scroll_into_view_options(&place);
        }
        leptos::task::spawn_local(scan(
            element, running, stage, frames, on_code, last, outcomes,
        ));
    });
    // The words change in one lasting live region, so a screen reader
    // announces each; the class alternates between two names of the same
    // flash, so each new outcome flashes even when it looks like the last.
    let words = move || match stage.get() {
        Stage::Starting => tr!(i18n, scan.starting)().to_string(),
        Stage::Stopped(problem) => camera_problem(i18n, problem).to_string(),
        Stage::Scanning(_) => last
            .get()
            .map_or_else(|| prompt.get(), |outcome| outcome.words),
    };
    let class = move || {
        let tone = match stage.get() {
            Stage::Starting => "",
            Stage::Stopped(_) => " scan-problem",
            Stage::Scanning(_) => match last.get().map(|o| o.tone) {
                None => "",
                Some(ScanTone::Taken) => " scan-taken",
                Some(ScanTone::Known) => " scan-known",
                Some(ScanTone::Refused) => " scan-refused",
            },
        };
        let flash = if outcomes.get().is_multiple_of(2) {
            ""
        } else {
            " scan-again"
        };
        format!("scan-status{tone}{flash}")
    };
    let reader = move || match stage.get() {
        Stage::Scanning(ReaderKind::Browser) => "browser",
        Stage::Scanning(ReaderKind::Worker) => "worker",
        _ => "",
    };
    view! {
        <section class="scanner" aria-label=label data-reader=reader data-frames-read=move || frames.get()>
            <p class=class role="status" aria-live="polite">{words}</p>
            <video
                node_ref=video
                class="scanner-picture"
                class:hidden=move || matches!(stage.get(), Stage::Stopped(_))
                autoplay=true
                playsinline=true
                aria-label=tr!(i18n, scan.picture)
            ></video>
            <button type="button" class="button button-large" on:click=move |_| on_close.run(())>
                {move || match stage.get() {
                    Stage::Stopped(_) => tr!(i18n, scan.close)(),
                    _ => tr!(i18n, scan.stop)(),
                }}
            </button>
        </section>
    }
}

/// Why scanning stopped, and what to do instead.
fn camera_problem(i18n: crate::ui::labels::I18n, problem: CameraProblem) -> &'static str {
    match problem {
        CameraProblem::Unsupported => tr!(i18n, scan.unsupported)(),
        CameraProblem::NoCamera => tr!(i18n, scan.no_camera)(),
        CameraProblem::Refused => tr!(i18n, scan.camera_refused)(),
        CameraProblem::InUse => tr!(i18n, scan.in_use)(),
        CameraProblem::ReaderMissing => tr!(i18n, scan.reader_missing)(),
    }
}
