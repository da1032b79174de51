//! One participant's note in the facilitator's list: its question, words,
//! author's role, agreements and state, then its buttons, or the question one
//! of them opened in the row.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::chart::role_class;
use crate::ui::labels::{fill, role_name, tr, I18n};
use crate::ui::words::note_question::question;

use super::hidden_row::HiddenRow;
use super::hide_question::HideQuestion;
use super::merge_picker::MergePicker;
use super::moderating::{row_id, Moderating, Open};
use super::note_row::{shortened, NoteRow, RowState};
use super::row_actions::{hide_button_id, merge_button_id, RowActions};

/// The state's words.
fn state_text(i18n: I18n, state: &RowState) -> String {
    match state {
        RowState::Waiting => tr!(i18n, moderate.state_waiting)().to_string(),
        RowState::Shown => tr!(i18n, moderate.state_shown)().to_string(),
        RowState::Approved => tr!(i18n, moderate.state_approved)().to_string(),
        RowState::Merged(Some(text)) => fill(
            tr!(i18n, moderate.state_merged)(),
            &[("note", &shortened(text, 60))],
        ),
        RowState::Merged(None) => tr!(i18n, moderate.state_merged_hidden)().to_string(),
        RowState::Hidden => tr!(i18n, moderate.state_hidden)().to_string(),
    }
}

/// One note's row; a hidden note's is one line.
#[component]
pub fn ReviewRow(
    /// The note as shown.
    row: NoteRow,
    /// The list's shared signals.
    list: Moderating,
) -> impl IntoView {
    let i18n = use_i18n();
    if row.state == RowState::Hidden {
        return view! { <HiddenRow row=row /> }.into_any();
    }
    let note = row.note_id;
    let text_id = format!("review-text-{note}");
    let state_class = match &row.state {
        RowState::Waiting => "state-waiting",
        RowState::Approved => "state-approved",
        RowState::Merged(_) => "state-merged",
        _ => "state-shown",
    };
    let status = row.state.clone();
    let agreements = row.agreements;
    let (hide_id, merge_id) = (hide_button_id(&row), merge_button_id(&row));
    let buttons = {
        let (row, text_id) = (row.clone(), text_id.clone());
        move || {
            let asking = list.is_open(note, Open::Hide) || list.is_open(note, Open::Merge);
            (!asking)
                .then(|| view! { <RowActions row=row.clone() list=list text_id=text_id.clone() /> })
        }
    };
    view! {
        <li id=row_id(note) tabindex="-1" class="review-note" class:review-waiting=row.state == RowState::Waiting>
            <p class="review-question">{move || question(i18n, row.kind)}</p>
            <p class="review-text" id=text_id>{row.text.clone()}</p>
            <div class="review-foot">
                <p class="review-meta">
                    <span class=format!("role-tag {}", role_class(row.role))>{move || role_name(i18n, row.role)}</span>
                    <span class="review-agreements">
                        {move || fill(tr!(i18n, words.agreed_count)(), &[("count", &agreements)])}
                    </span>
                    <span class=format!("review-state {state_class}")>{move || state_text(i18n, &status)}</span>
                </p>
                {buttons}
            </div>
            {move || {
                list.is_open(note, Open::Hide)
                    .then(|| view! { <HideQuestion note=note list=list asked_by=hide_id.clone() /> })
            }}
            {move || {
                list.is_open(note, Open::Merge)
                    .then(|| view! { <MergePicker note=note list=list asked_by=merge_id.clone() /> })
            }}
        </li>
    }
    .into_any()
}
