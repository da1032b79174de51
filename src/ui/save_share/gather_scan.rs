//! Gathering tablets' choices with the camera: each tablet's `CP1-…` code is
//! added as it comes into view, with a line that says whose it was and how
//! many this scanning has gathered; a code already here, or of another
//! workshop, says so and changes nothing.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::ballot_code::{read_gathered, Gathered, CODE_PREFIX};
use crate::model::{merge_ballots, MergeReport};
use crate::state::{use_app, AppState};
use crate::ui::code_scanner::{CodeScanner, ScanOutcome, ScanTone};
use crate::ui::labels::{fill, tr, I18n};
use crate::ui::problem_text::import_error_text;

/// Merges one scanned code and says what it did; `gathered` counts the
/// tablets taken since scanning started.
fn take_code(i18n: I18n, state: AppState, code: &str, gathered: RwSignal<usize>) -> ScanOutcome {
    let refused = |words: String| ScanOutcome {
        words,
        tone: ScanTone::Refused,
    };
    if !code.trim().starts_with(CODE_PREFIX) {
        return refused(tr!(i18n, scan.not_a_ballot)().to_string());
    }
    let ballots = match read_gathered(code) {
        Ok(Gathered::Ballots(ballots)) => ballots,
        Ok(Gathered::Record(record)) => record.ballots,
        Err(e) => {
            let reason = import_error_text(i18n, &e);
            return refused(fill(tr!(i18n, scan.refused)(), &[("reason", &reason)]));
        }
    };
    let name = ballots
        .first()
        .map(|b| b.participant.clone())
        .unwrap_or_default();
    let mut report = MergeReport::default();
    state.change(|w| report = merge_ballots(w, ballots, "QR"));
    if let Some(e) = report.refused.first() {
        let reason = import_error_text(i18n, e);
        return refused(fill(tr!(i18n, scan.refused)(), &[("reason", &reason)]));
    }
    if report.added + report.updated > 0 {
        gathered.update(|n| *n += 1);
    }
    let count = gathered.get_untracked();
    if report.added > 0 {
        ScanOutcome {
            words: fill(
                tr!(i18n, scan.added)(),
                &[("name", &name), ("count", &count)],
            ),
            tone: ScanTone::Taken,
        }
    } else if report.updated > 0 {
        ScanOutcome {
            words: fill(
                tr!(i18n, scan.updated)(),
                &[("name", &name), ("count", &count)],
            ),
            tone: ScanTone::Taken,
        }
    } else if report.removed > 0 {
        refused(fill(tr!(i18n, scan.removed)(), &[("name", &name)]))
    } else {
        ScanOutcome {
            words: fill(tr!(i18n, scan.known)(), &[("name", &name)]),
            tone: ScanTone::Known,
        }
    }
}

/// "Scan tablets' codes", and the scanner while it is open.
#[component]
pub fn ScanTablets() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let open = RwSignal::new(false);
    let gathered = RwSignal::new(0usize);
    let on_code = Callback::new(move |code: String| Some(take_code(i18n, state, &code, gathered)));
    view! {
        <Show
            when=move || open.get()
            fallback=move || view! {
                <button
                    type="button"
                    class="button button-large scan-button"
                    on:click=move |_| {
                        gathered.set(0);
                        open.set(true);
                    }
                >
                    {tr!(i18n, scan.gather_button)}
                </button>
            }
        >
            <CodeScanner
                label=Signal::derive(move || tr!(i18n, scan.gather_label)().to_string())
                prompt=Signal::derive(move || tr!(i18n, scan.gather_prompt)().to_string())
                on_code=on_code
                on_close=Callback::new(move |()| open.set(false))
            />
        </Show>
    }
}
