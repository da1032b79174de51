//! What gathering did: how many ballots were added, updated or unchanged, and
//! each refused file or code with its reason.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{ImportError, MergeReport};
use crate::ui::labels::tr;
use crate::ui::problem_text::{import_error_text, refused_file_text};

/// A ballot, file or code that was not added, and why.
#[derive(Clone)]
pub struct Refusal {
    /// The file's name or "code 2" when all of it was refused; a refused
    /// ballot's path names its file already.
    pub whole: Option<String>,
    /// Why.
    pub error: ImportError,
}

/// What one gathering did, refusals kept in the order they came.
#[derive(Clone, Default)]
pub struct Gathering {
    /// The ballots' counts (its own `refused` is moved into `refused`).
    pub merged: MergeReport,
    /// Every ballot, file or code not added.
    pub refused: Vec<Refusal>,
}

impl Gathering {
    /// Adds what merging one file's or code's ballots did.
    pub fn absorb(&mut self, mut part: MergeReport) {
        self.refused.extend(
            part.refused
                .drain(..)
                .map(|error| Refusal { whole: None, error }),
        );
        self.merged.absorb(part);
    }

    /// Notes a file or code refused whole.
    pub fn refuse(&mut self, source: &str, error: ImportError) {
        self.refused.push(Refusal {
            whole: Some(source.to_string()),
            error,
        });
    }
}

/// The banner after a gather: green when everything was taken, amber otherwise.
#[component]
pub fn GatherReport(report: Gathering) -> impl IntoView {
    let i18n = use_i18n();
    let r = report.merged;
    let has_refused = !report.refused.is_empty();
    let count = report.refused.len();
    let refused = report
        .refused
        .into_iter()
        .map(|Refusal { whole, error }| {
            // Worded when drawn, so a change of language words them again.
            let text = move || match &whole {
                Some(source) => refused_file_text(i18n, source, &error),
                None => import_error_text(i18n, &error),
            };
            view! { <li>{text}</li> }
        })
        .collect_view();
    view! {
        <div class=if has_refused { "banner banner-warning" } else { "banner banner-success" } role="status">
            <p class="gather-summary">
                {t!(i18n, gather.summary, added = r.added, updated = r.updated, unchanged = r.unchanged, refused = count)}
            </p>
            {(r.removed > 0).then(|| view! { <p>{t!(i18n, gather.removed, count = r.removed)}</p> })}
            {has_refused.then(|| view! { <ul class="error-detail">{refused}</ul> })}
            {has_refused.then(|| view! { <p>{tr!(i18n, gather.kept)}</p> })}
        </div>
    }
}
