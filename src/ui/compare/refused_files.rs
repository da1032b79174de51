//! The files, or parts of files, that did not open: each with what is wrong
//! and where, in the app's own words for every refusal.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{ComparisonProblem, KindRef};
use crate::state::comparison::{FileProblem, RefusedFile};
use crate::ui::labels::{fill, tr, I18n};
use crate::ui::problem_text::{import_error_text, mapping_error_text};

/// A kind named in a saved match: its id there (the records it names may
/// be the very ones that did not open).
fn kind_words(kind: &KindRef) -> String {
    format!("{} ({})", kind.kind_id, kind.workshop.short())
}

/// One problem in words, after its file's name.
fn refusal_text(i18n: I18n, refused: &RefusedFile) -> String {
    let why = match &refused.problem {
        FileProblem::Whole(error) | FileProblem::Part(ComparisonProblem::Record { error, .. }) => {
            import_error_text(i18n, error)
        }
        FileProblem::Part(ComparisonProblem::Mapping { pair, error, .. }) => fill(
            tr!(i18n, compare.mapping_refused)(),
            &[
                ("from", &kind_words(&pair.from)),
                ("to", &kind_words(&pair.to)),
                ("reason", &mapping_error_text(i18n, error)),
            ],
        ),
    };
    format!("{}: {why}", refused.file)
}

/// The list of what did not open; nothing when everything did.
#[component]
pub fn RefusedFiles(
    /// Every problem of every file, in the order the files came.
    refused: Signal<Vec<RefusedFile>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let refused = refused.get();
        (!refused.is_empty()).then(|| {
            let items = refused
                .iter()
                .map(|r| view! { <li>{refusal_text(i18n, r)}</li> })
                .collect_view();
            view! {
                <section class="banner banner-warning no-print" role="alert" aria-labelledby="compare-refused-heading">
                    <h2 id="compare-refused-heading">{tr!(i18n, compare.refused_heading)}</h2>
                    <p>{tr!(i18n, compare.refused_lead)}</p>
                    <ul class="error-detail">{items}</ul>
                </section>
            }
        })
    }
}
