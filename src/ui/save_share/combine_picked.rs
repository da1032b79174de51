//! The records picked to combine: each session they bring, with how many
//! people chose in it, and each file that was not opened, with why.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::combine::sessions_of;
use crate::model::kind_match::places_of;
use crate::model::{ImportError, Workshop};
use crate::ui::labels::{fill, long_date, tr};
use crate::ui::problem_text::refused_file_text;

/// The records picked together: those that opened, and the files refused.
#[derive(Clone, Default)]
pub struct Picked {
    /// The valid records, in the order picked.
    pub records: Vec<Workshop>,
    /// Each refused file's name, and why.
    pub refused: Vec<(String, ImportError)>,
}

/// One line per session: "Cardiff morning, Cardiff, 1 March 2026. People who
/// chose: 2" (a combined record brings each of its sessions).
fn session_lines(records: &[Workshop]) -> Vec<(String, String, String, usize)> {
    places_of(records)
        .iter()
        .flat_map(|w| {
            let combined = !w.sessions.is_empty();
            sessions_of(w).into_iter().map(move |s| {
                let count = if combined {
                    w.ballots.iter().filter(|b| b.session == Some(s.id)).count()
                } else {
                    w.ballots.len()
                };
                (s.name, s.place, s.date, count)
            })
        })
        .collect()
}

/// The sessions to combine, and the files that were not opened.
#[component]
pub fn PickedRecords(
    /// What was picked.
    picked: RwSignal<Picked>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sessions = move || picked.with(|p| session_lines(&p.records));
    let refused = move || picked.with(|p| p.refused.clone());
    view! {
        {move || (!refused().is_empty()).then(|| view! {
            <div class="banner banner-danger combine-refused" role="alert">
                <p><strong>{tr!(i18n, combine.refused_heading)}</strong></p>
                <ul class="error-detail">
                    {refused().into_iter().map(|(file, error)| {
                        view! { <li>{move || refused_file_text(i18n, &file, &error)}</li> }
                    }).collect_view()}
                </ul>
            </div>
        })}
        {move || (!sessions().is_empty()).then(|| view! {
            <h3>{tr!(i18n, combine.sessions_heading)}</h3>
            <ul class="combine-sessions">
                {sessions().into_iter().map(|(name, place, date, count)| {
                    let line = move || fill(
                        t_string!(i18n, combine.session_line),
                        &[("name", &name), ("place", &place), ("date", &long_date(&date)), ("count", &count)],
                    );
                    view! { <li>{line}</li> }
                }).collect_view()}
            </ul>
        })}
    }
}
