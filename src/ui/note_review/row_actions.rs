//! What can be done with a note that is not hidden: Approve (while it waits),
//! Merge… (while it is on a card of its own) and Hide.

use leptos::prelude::*;

use crate::i18n::*;
use crate::platform::clock;
use crate::state::use_app;
use crate::ui::labels::tr;

use super::moderating::{Moderating, Open};
use super::note_row::{NoteRow, RowState};

/// The id of a note's Hide button (focus returns to it on Keep).
pub fn hide_button_id(row: &NoteRow) -> String {
    format!("review-hide-{}", row.note_id)
}

/// The id of a note's Merge… button (focus returns to it on Cancel).
pub fn merge_button_id(row: &NoteRow) -> String {
    format!("review-merge-{}", row.note_id)
}

/// The row's buttons, each described by the note's words (`text_id`).
#[component]
pub fn RowActions(
    /// The note.
    row: NoteRow,
    /// The list's shared signals.
    list: Moderating,
    /// The id of the element holding the note's words.
    text_id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let note = row.note_id;
    let approve = (row.state == RowState::Waiting).then(|| {
        view! {
            <button
                type="button"
                class="button button-primary button-small"
                aria-describedby=text_id.clone()
                on:click=move |_| list.decide(i18n, state, note, |w| w.approve_note(note, clock::now()))
            >
                {tr!(i18n, moderate.approve)}
            </button>
        }
    });
    let merge = row.has_own_card().then(|| {
        view! {
            <button
                type="button"
                id=merge_button_id(&row)
                class="button button-small"
                aria-describedby=text_id.clone()
                on:click=move |_| list.ask(note, Open::Merge)
            >
                {tr!(i18n, moderate.merge)}
            </button>
        }
    });
    view! {
        <div class="review-actions">
            {approve}
            {merge}
            <button
                type="button"
                id=hide_button_id(&row)
                class="button button-small"
                aria-describedby=text_id
                on:click=move |_| list.ask(note, Open::Hide)
            >
                {tr!(i18n, moderate.hide)}
            </button>
        </div>
    }
}
