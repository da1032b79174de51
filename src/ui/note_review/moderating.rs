//! What the rows of one area's list share: the rows, which row's question is
//! open (one at a time), and why the last decision was refused; and making a
//! decision, with focus put back where the facilitator was.

use leptos::prelude::*;

use crate::model::{Id, NoteError, Workshop};
use crate::state::AppState;
use crate::ui::labels::I18n;
use crate::ui::words::note_question::note_change;

use super::note_row::NoteRow;

/// Which question is open in a row.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Open {
    /// "Hide for good?"
    Hide,
    /// Which note it says the same as.
    Merge,
}

/// The list's shared signals, handed to each row.
#[derive(Clone, Copy)]
pub struct Moderating {
    /// Every row of the area, newest first.
    pub rows: Memo<Vec<NoteRow>>,
    /// The row whose question is open, and which.
    pub open: RwSignal<Option<(Id, Open)>>,
    /// Why the last decision was refused, if it was.
    pub error: RwSignal<Option<String>>,
}

impl Moderating {
    /// Whether `note`'s row has this question open.
    pub fn is_open(self, note: Id, what: Open) -> bool {
        self.open.with(|o| *o == Some((note, what)))
    }

    /// Opens one question in a row (closing any other).
    pub fn ask(self, note: Id, what: Open) {
        self.open.set(Some((note, what)));
    }

    /// Closes the open question; focus goes back to the button that opened it.
    pub fn close(self, back_to: String) {
        self.open.set(None);
        focus_later(back_to);
    }

    /// Makes one decision about `note`. A refusal changes nothing and is shown
    /// above the list; otherwise focus goes to the note's redrawn row.
    pub fn decide(
        self,
        i18n: I18n,
        state: AppState,
        note: Id,
        change: impl FnOnce(&mut Workshop) -> Result<bool, NoteError>,
    ) {
        let outcome = note_change(i18n, state, change);
        let made = outcome.is_ok();
        self.error.set(outcome.err());
        self.open.set(None);
        if made {
            focus_later(row_id(note));
        }
    }
}

/// The id of a note's row (it takes focus after a decision redraws it).
pub fn row_id(note: Id) -> String {
    format!("review-{note}")
}

/// Puts focus on an element once the screen is drawn again.
fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}
