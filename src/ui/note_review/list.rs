//! One area's notes for the facilitator: a heading with how many wait for
//! approval, the approve-first choice, and a row per note, newest first.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Area, Id};
use crate::state::use_app;
use crate::ui::labels::{fill, tr};

use super::approve_first::ApproveFirstChoice;
use super::moderating::{Moderating, Open};
use super::note_row::{rows_of, RowState};
use super::row::ReviewRow;

/// Every participant's note about `area`, to approve, hide or merge. Always
/// drawn, with a line saying where notes come from while there are none, so
/// the approve-first choice can be made before the first one arrives.
#[component]
pub fn NoteReviewList(
    /// The area of this walk-through step.
    area: Area,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let rows = Memo::new(move |_| state.workshop.with(|w| rows_of(w, area)));
    let waiting =
        move || rows.with(|list| list.iter().filter(|r| r.state == RowState::Waiting).count());
    let list = Moderating {
        rows,
        open: RwSignal::new(None::<(Id, Open)>),
        error: RwSignal::new(None),
    };
    view! {
        <section class="card note-review" aria-labelledby="note-review-heading">
            <h2 class="note-review-title">
                <span id="note-review-heading">{tr!(i18n, moderate.heading)}</span>
                {move || {
                    let n = waiting();
                    (n > 0)
                        .then(|| {
                            view! {
                                <span class="review-count">
                                    {fill(tr!(i18n, moderate.new_count)(), &[("count", &n)])}
                                </span>
                            }
                        })
                }}
            </h2>
            <p class="review-lead">{tr!(i18n, moderate.lead)}</p>
            <ApproveFirstChoice />
            <p class="field-error" role="alert">{move || list.error.get()}</p>
            {move || {
                rows.with(Vec::is_empty)
                    .then(|| view! { <p class="review-empty">{tr!(i18n, moderate.empty)}</p> })
            }}
            <ul class="review-notes">
                <For each=move || rows.get() key=|row| row.clone() let:row>
                    <ReviewRow row=row list=list />
                </For>
            </ul>
        </section>
    }
}
