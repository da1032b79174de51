//! Changing notes: a participant writes, edits and takes back their own
//! notes and agreements (on their own ballot, stamped like any change to it),
//! and the facilitator hides, merges and approves them (on the workshop's
//! moderation, which only grows). Every change is checked before it is made,
//! so a refused one leaves the workshop as it was, and says whether anything
//! changed, so a repeated tap writes and sends nothing.

use super::area::Area;
use super::id::Id;
use super::note_wall::NoteIndex;
use super::notes::{NoteError, NoteKind, ParticipantNote};
use super::rules::{
    check_note_text, MAX_AGREES_PER_BALLOT, MAX_MODERATED_NOTES, MAX_NOTES_PER_BALLOT,
};
use super::time::Timestamp;
use super::workshop::{Ballot, Workshop};

impl Workshop {
    fn ballot_mut(&mut self, ballot: Id) -> Result<&mut Ballot, NoteError> {
        self.ballots
            .iter_mut()
            .find(|b| b.id == ballot)
            .ok_or(NoteError::NoSuchBallot(ballot))
    }

    /// The note with this id and the ballot it is on.
    pub fn note(&self, note: Id) -> Option<(&Ballot, &ParticipantNote)> {
        self.ballots
            .iter()
            .find_map(|b| b.notes.iter().find(|n| n.id == note).map(|n| (b, n)))
    }

    /// Writes a new note on a participant's ballot, its words trimmed. `id`
    /// comes from the caller's random source and must be new to the workshop.
    pub fn add_note(
        &mut self,
        ballot: Id,
        id: Id,
        area: Area,
        kind: NoteKind,
        text: &str,
        now: Timestamp,
    ) -> Result<(), NoteError> {
        let text = text.trim();
        check_note_text(text)?;
        if self.note(id).is_some() {
            return Err(NoteError::IdInUse(id));
        }
        let b = self.ballot_mut(ballot)?;
        if b.notes.len() >= MAX_NOTES_PER_BALLOT {
            return Err(NoteError::TooManyNotes {
                max: MAX_NOTES_PER_BALLOT,
            });
        }
        b.notes.push(ParticipantNote {
            id,
            area,
            kind,
            text: text.to_string(),
            updated_at: now,
        });
        b.updated_at = now;
        self.updated_at = now;
        Ok(())
    }

    /// Changes the words of one of a participant's own notes (trimmed). The
    /// note keeps its id, so a hide or a merge of it still holds; an
    /// approval holds only for the words approved.
    pub fn edit_note(
        &mut self,
        ballot: Id,
        note: Id,
        text: &str,
        now: Timestamp,
    ) -> Result<bool, NoteError> {
        let text = text.trim();
        check_note_text(text)?;
        let b = self.ballot_mut(ballot)?;
        let n = b
            .notes
            .iter_mut()
            .find(|n| n.id == note)
            .ok_or(NoteError::NoSuchNote(note))?;
        if n.text == text {
            return Ok(false);
        }
        n.text = text.to_string();
        n.updated_at = now;
        b.updated_at = now;
        self.updated_at = now;
        Ok(true)
    }

    /// Takes back one of a participant's own notes: it leaves their ballot
    /// (others' agreements with it then count for nothing). `Ok(false)` when
    /// it was not there.
    pub fn withdraw_note(
        &mut self,
        ballot: Id,
        note: Id,
        now: Timestamp,
    ) -> Result<bool, NoteError> {
        let b = self.ballot_mut(ballot)?;
        let before = b.notes.len();
        b.notes.retain(|n| n.id != note);
        if b.notes.len() == before {
            return Ok(false);
        }
        b.updated_at = now;
        self.updated_at = now;
        Ok(true)
    }

    /// Says or takes back that a participant agrees with someone else's note.
    /// Agreeing needs the note to be there and not the participant's own;
    /// taking back works whatever became of the note.
    pub fn set_agree(
        &mut self,
        ballot: Id,
        note: Id,
        agree: bool,
        now: Timestamp,
    ) -> Result<bool, NoteError> {
        if agree {
            match self.note(note) {
                None => return Err(NoteError::NoSuchNote(note)),
                Some((author, _)) if author.id == ballot => return Err(NoteError::OwnNote(note)),
                Some(_) => {}
            }
        }
        let b = self.ballot_mut(ballot)?;
        let changed = if agree {
            if b.agrees.contains(&note) {
                false
            } else if b.agrees.len() >= MAX_AGREES_PER_BALLOT {
                return Err(NoteError::TooManyAgrees {
                    max: MAX_AGREES_PER_BALLOT,
                });
            } else {
                b.agrees.insert(note)
            }
        } else {
            b.agrees.remove(&note)
        };
        if changed {
            b.updated_at = now;
            self.updated_at = now;
        }
        Ok(changed)
    }

    /// Hides a note on every screen, for good (the facilitator's). Hiding a
    /// card hides the notes merged into it with it.
    pub fn hide_note(&mut self, note: Id, now: Timestamp) -> Result<bool, NoteError> {
        if self.note(note).is_none() {
            return Err(NoteError::NoSuchNote(note));
        }
        if self.moderation.hidden.contains(&note) {
            return Ok(false);
        }
        if self.moderation.hidden.len() >= MAX_MODERATED_NOTES {
            return Err(NoteError::TooManyModerated {
                max: MAX_MODERATED_NOTES,
            });
        }
        self.moderation.hidden.insert(note);
        self.updated_at = now;
        Ok(true)
    }

    /// Merges the card a note shows on into the card `into` shows on, as they
    /// say the same thing (the facilitator's): the agreements add up there.
    /// Both must be there and about the same area.
    pub fn merge_notes(&mut self, from: Id, into: Id, now: Timestamp) -> Result<bool, NoteError> {
        if from == into {
            return Err(NoteError::SameNote(from));
        }
        let index = NoteIndex::of(self);
        let area = |id: Id| index.notes.get(&id).map(|(_, n)| n.area);
        let (Some(from_area), Some(into_area)) = (area(from), area(into)) else {
            let missing = if area(from).is_none() { from } else { into };
            return Err(NoteError::NoSuchNote(missing));
        };
        if from_area != into_area {
            return Err(NoteError::DifferentAreas { from, into });
        }
        let (from_root, into_root) = (index.root_of(from), index.root_of(into));
        if from_root == into_root {
            return Ok(false);
        }
        drop(index);
        let merges: usize = self.moderation.merged.values().map(|s| s.len()).sum();
        if merges >= MAX_MODERATED_NOTES {
            return Err(NoteError::TooManyModerated {
                max: MAX_MODERATED_NOTES,
            });
        }
        // The card's shown note joins the other card's: a root has no target
        // that counts, so the new one is the one followed (see resolve_merges).
        self.moderation
            .merged
            .entry(from_root)
            .or_default()
            .insert(into_root);
        self.updated_at = now;
        Ok(true)
    }

    /// Approves a note's current words for the room's screen (the
    /// facilitator's); an edit after this needs approving again.
    pub fn approve_note(&mut self, note: Id, now: Timestamp) -> Result<bool, NoteError> {
        let Some((_, n)) = self.note(note) else {
            return Err(NoteError::NoSuchNote(note));
        };
        let version = n.updated_at;
        let approved = &mut self.moderation.approved;
        match approved.get(&note) {
            Some(at) if *at >= version => return Ok(false),
            Some(_) => {}
            None if approved.len() >= MAX_MODERATED_NOTES => {
                return Err(NoteError::TooManyModerated {
                    max: MAX_MODERATED_NOTES,
                })
            }
            None => {}
        }
        approved.insert(note, version);
        self.updated_at = now;
        Ok(true)
    }

    /// Chooses whether the room's screen shows only approved notes (the
    /// facilitator's); stamped, as this one choice merges newer-wins.
    pub fn set_approve_first(&mut self, on: bool, now: Timestamp) -> bool {
        if self.moderation.approve_first == on {
            return false;
        }
        self.moderation.approve_first = on;
        self.moderation.approve_first_updated_at = now;
        self.updated_at = now;
        true
    }
}
