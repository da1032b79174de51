//! The notes others wrote about this area, as the room sees them (a hidden
//! note never, one waiting for approval not yet), each with its author's role
//! and "I agree", which counts once per person and can be taken back.

use leptos::prelude::*;

use super::other_note::{agree, other_card, others_of};
use crate::i18n::*;
use crate::model::{Area, Id};
use crate::state::use_app;
use crate::ui::labels::tr;

/// Others' notes about `area`, with "I agree" on each.
#[component]
pub fn OthersNotes(
    /// Who is reading (and agreeing).
    ballot: Id,
    /// Which area.
    area: Area,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let error = RwSignal::new(None::<String>);
    let notes = others_of(state, ballot, area);
    let toggle = Callback::new(move |(note, yes): (Id, bool)| {
        error.set(agree(i18n, state, ballot, note, yes));
    });
    view! {
        <section class="card others-notes" aria-labelledby="others-heading">
            <h2 id="others-heading">{tr!(i18n, words.others)}</h2>
            {move || notes.with(Vec::is_empty).then(|| view! { <p>{tr!(i18n, words.none_yet)}</p> })}
            <p class="field-error" role="alert">{move || error.get()}</p>
            <ul class="other-notes">
                {move || {
                    notes
                        .get()
                        .into_iter()
                        .map(|n| other_card(i18n, n, toggle, false))
                        .collect::<Vec<_>>()
                }}
            </ul>
        </section>
    }
}
