//! "Hide for good?" in the row itself, as hiding cannot be undone: Hide, or
//! Keep (which takes focus first, being the safe answer).

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::Id;
use crate::platform::clock;
use crate::state::use_app;
use crate::ui::labels::tr;

use super::moderating::Moderating;

/// The question and its two answers.
#[component]
pub fn HideQuestion(
    /// The note to hide.
    note: Id,
    /// The list's shared signals.
    list: Moderating,
    /// The id of the Hide button that asked, for focus on Keep.
    asked_by: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let question_id = format!("review-hide-question-{note}");
    let labelled_by = question_id.clone();
    let keep = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = keep.get() {
            let _ = button.focus();
        }
    });
    view! {
        <div class="review-confirm" role="group" aria-labelledby=labelled_by>
            <p id=question_id class="review-confirm-question">{tr!(i18n, moderate.hide_question)}</p>
            <div class="review-actions">
                <button
                    type="button"
                    class="button button-small button-danger"
                    on:click=move |_| list.decide(i18n, state, note, |w| w.hide_note(note, clock::now()))
                >
                    {tr!(i18n, moderate.hide)}
                </button>
                <button
                    type="button"
                    class="button button-small"
                    node_ref=keep
                    on:click=move |_| list.close(asked_by.clone())
                >
                    {tr!(i18n, moderate.keep)}
                </button>
            </div>
        </div>
    }
}
