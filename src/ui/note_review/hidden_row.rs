//! A hidden note's row: one dimmed line, without its words (it was hidden
//! for what they hold) and with nothing to undo.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::chart::role_class;
use crate::ui::labels::{role_name, tr};
use crate::ui::words::note_question::question;

use super::moderating::row_id;
use super::note_row::NoteRow;

/// "Hidden", its author's role and the question it answered.
#[component]
pub fn HiddenRow(
    /// The hidden note.
    row: NoteRow,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li id=row_id(row.note_id) tabindex="-1" class="review-note review-hidden">
            <p class="review-meta">
                <span class="review-state state-hidden">{tr!(i18n, moderate.state_hidden)}</span>
                <span class=format!("role-tag {}", role_class(row.role))>{move || role_name(i18n, row.role)}</span>
                <span class="review-question">{move || question(i18n, row.kind)}</span>
            </p>
        </li>
    }
}
