//! Each note as the facilitator's list shows it, worked out from the model's
//! review of it, and its words shortened to quote it.

use crate::model::{note_reviews, note_wall, Area, Id, NoteKind, Role, Workshop};

/// What became of a note, as its row says it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum RowState {
    /// Not on the room's screen until approved (approve-first is on).
    Waiting,
    /// On the room's screen without approval (approve-first is off).
    Shown,
    /// Approved as it reads now.
    Approved,
    /// On another note's card: that note's words, unless it is hidden.
    Merged(Option<String>),
    /// Hidden for good.
    Hidden,
}

/// One note as its row shows it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct NoteRow {
    /// The note.
    pub note_id: Id,
    /// Which question it answers.
    pub kind: NoteKind,
    /// Its words.
    pub text: String,
    /// Its author's role.
    pub role: Role,
    /// Its card's agreements when it has a card of its own, else its own.
    pub agreements: u32,
    /// What became of it.
    pub state: RowState,
}

impl NoteRow {
    /// Whether it shows on a card of its own (so it can be merged, or be merged into).
    pub fn has_own_card(&self) -> bool {
        matches!(
            self.state,
            RowState::Waiting | RowState::Shown | RowState::Approved
        )
    }
}

/// The first `max` characters of a note, with "…" when there is more.
pub fn shortened(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{}…", head.trim_end())
    } else {
        head
    }
}

/// The rows of one area, newest first (the model's order), each with what
/// became of it. A note on its own card shows the card's agreements, so two
/// merged notes' agreements are seen to add up.
pub fn rows_of(w: &Workshop, area: Area) -> Vec<NoteRow> {
    let reviews = note_reviews(w, area);
    let wall = note_wall(w, area, false);
    let approve_first = w.moderation.approve_first;
    reviews
        .iter()
        .map(|r| {
            let state = if r.hidden {
                RowState::Hidden
            } else if let Some(into) = r.merged_into {
                let shown = reviews.iter().find(|o| o.note_id == into && !o.hidden);
                RowState::Merged(shown.map(|o| o.text.clone()))
            } else if r.approved {
                RowState::Approved
            } else if approve_first {
                RowState::Waiting
            } else {
                RowState::Shown
            };
            let agreements = match (&state, wall.card(r.note_id)) {
                (RowState::Waiting | RowState::Shown | RowState::Approved, Some(card)) => {
                    card.agreements
                }
                _ => r.agreements,
            };
            NoteRow {
                note_id: r.note_id,
                kind: r.kind,
                text: r.text.clone(),
                role: r.author_role,
                agreements,
                state,
            }
        })
        .collect()
}
