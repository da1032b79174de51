//! Everyone's own words: the short notes participants write per area (what a
//! good life looks like, what they like today, what they do not like) and
//! what the facilitator decides about them.
//!
//! Two pieces with two writers, as the design asks of everything participants
//! make:
//! - a participant's notes and the notes they agree with live on their own
//!   [`Ballot`](super::workshop::Ballot) (`notes`, `agrees`), so a tablet
//!   writes, signs and sends only its own words, an agreement counts once per
//!   participant, and an edit or a change of mind is just a newer ballot;
//! - the facilitator's moderation ([`NoteModeration`]) lives on the workshop
//!   and merges as grow-only sets: a hide, a merge or an approval made in any
//!   window survives every merge, in any order and grouping, so a hide always
//!   wins over an author's later edit and reaches a device that was offline.
//!
//! The room's cards are worked out in `note_wall.rs`; the edits in `note_edit.rs`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::area::Area;
use super::id::Id;
use super::order;
use super::time::Timestamp;

/// Which question a note answers.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// What a good life looks like for people using this kind of support.
    #[default]
    GoodLife,
    /// Something the author likes about today's local approach.
    Like,
    /// Something the author does not like about it.
    Dislike,
}

impl NoteKind {
    /// Every kind, in the order the questions are asked.
    pub const ALL: [NoteKind; 3] = [NoteKind::GoodLife, NoteKind::Like, NoteKind::Dislike];

    /// The stable identifier used in JSON and CSV.
    pub fn id(self) -> &'static str {
        match self {
            NoteKind::GoodLife => "good_life",
            NoteKind::Like => "like",
            NoteKind::Dislike => "dislike",
        }
    }

    /// Its place in [`NoteKind::ALL`] (the ballot code stores this).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The kind at this place in [`NoteKind::ALL`], if any.
    pub fn from_index(index: usize) -> Option<NoteKind> {
        NoteKind::ALL.get(index).copied()
    }
}

/// One note a participant wrote, kept on their ballot.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ParticipantNote {
    /// Random id from the device that wrote it, stable through edits (the
    /// facilitator's moderation and others' agreements name it).
    pub id: Id,
    /// The area it is about.
    pub area: Area,
    /// Which question it answers.
    pub kind: NoteKind,
    /// The author's words, trimmed: 1 to
    /// [`MAX_PARTICIPANT_NOTE_CHARS`](super::rules::MAX_PARTICIPANT_NOTE_CHARS)
    /// characters, no control characters but line breaks.
    pub text: String,
    /// When it was written or last edited.
    pub updated_at: Timestamp,
}

/// What the facilitator decided about participants' notes. Every part but
/// `approve_first` only grows, and two copies merge by union (see
/// [`NoteModeration::absorb`]), so the result of merging does not depend on
/// the order or grouping of merges and nothing decided is ever undone by a
/// merge: a hidden note stays hidden on every device, including one that joins
/// later or was offline, whatever its author does after.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NoteModeration {
    /// Notes taken off every screen for good. Hiding a card hides the notes
    /// merged into it with it.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub hidden: BTreeSet<Id>,
    /// Notes that say the same as another: merged note → the notes it was
    /// merged into (one, unless two windows merged it into different notes;
    /// then the smallest id that is still there and about the same area
    /// counts, see [`resolve_merges`]). Their agreements add up on the card
    /// of the note they joined. A set rather than one note, so a merge only
    /// ever adds and two copies merge by union.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub merged: BTreeMap<Id, BTreeSet<Id>>,
    /// Notes approved for the room's screen, each with the `updated_at` of the
    /// version approved: an author's later edit needs approving again before
    /// the room sees it (while [`NoteModeration::approve_first`] is on).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub approved: BTreeMap<Id, Timestamp>,
    /// Whether the room's screen shows only approved notes (otherwise every
    /// note that is not hidden shows straight away).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approve_first: bool,
    /// When `approve_first` last changed: this one flag merges newer-wins.
    #[serde(default, skip_serializing_if = "is_never")]
    pub approve_first_updated_at: Timestamp,
}

/// Whether a stamp was never set (then it is left out of the JSON).
fn is_never(t: &Timestamp) -> bool {
    *t == Timestamp::default()
}

impl NoteModeration {
    /// Whether nothing was ever decided (then the workshop is written exactly
    /// as before notes existed).
    pub fn is_default(&self) -> bool {
        *self == NoteModeration::default()
    }

    /// Whether the facilitator hid this note.
    pub fn is_hidden(&self, note: Id) -> bool {
        self.hidden.contains(&note)
    }

    /// Whether this version of a note (its `updated_at`) is approved.
    pub fn is_approved(&self, note: &ParticipantNote) -> bool {
        self.approved
            .get(&note.id)
            .is_some_and(|at| *at >= note.updated_at)
    }

    /// Takes in another copy's decisions: the union of the hidden notes, of
    /// the merges and of the approvals (the later version approved); the newer
    /// `approve_first`, an exact tie going to `true`. Commutative, associative
    /// and idempotent. Says whether anything changed.
    pub fn absorb(&mut self, theirs: &NoteModeration) -> bool {
        let mut changed = false;
        for id in &theirs.hidden {
            changed |= self.hidden.insert(*id);
        }
        for (from, into) in &theirs.merged {
            let mine = self.merged.entry(*from).or_default();
            for id in into {
                changed |= mine.insert(*id);
            }
        }
        for (id, at) in &theirs.approved {
            match self.approved.get_mut(id) {
                Some(mine) if *mine >= *at => {}
                Some(mine) => {
                    *mine = *at;
                    changed = true;
                }
                None => {
                    self.approved.insert(*id, *at);
                    changed = true;
                }
            }
        }
        let theirs_flag = (theirs.approve_first_updated_at, theirs.approve_first);
        if theirs_flag > (self.approve_first_updated_at, self.approve_first) {
            self.approve_first_updated_at = theirs.approve_first_updated_at;
            self.approve_first = theirs.approve_first;
            changed = true;
        }
        changed
    }
}

/// Where each note ends up after the facilitator's merges: note → the note
/// whose card it shows on (itself when it joined none). `area_of` says which
/// notes exist and their areas. A note joins the smallest of its targets that
/// exists and is about the same area; a merge into a note that was withdrawn
/// (or never arrived) is passed over, so the note shows on its own. Chains
/// are followed to their end; a loop (two windows merging two notes into each
/// other) ends at its smallest id. Linear in the number of notes, however
/// long the chains, and the same on every device that holds the same notes.
pub fn resolve_merges(
    merged: &BTreeMap<Id, BTreeSet<Id>>,
    area_of: &HashMap<Id, Area>,
) -> HashMap<Id, Id> {
    let next = |from: Id| -> Option<Id> {
        let here = area_of.get(&from)?;
        merged
            .get(&from)?
            .iter()
            .copied()
            .find(|into| *into != from && area_of.get(into) == Some(here))
    };
    let mut root: HashMap<Id, Id> = HashMap::with_capacity(area_of.len());
    // Sorted, so nothing below depends on the hash map's order.
    let mut ids: Vec<Id> = area_of.keys().copied().collect();
    order::sort(&mut ids);
    for start in ids {
        if root.contains_key(&start) {
            continue;
        }
        let mut path: Vec<Id> = Vec::new();
        let mut on_path: HashMap<Id, usize> = HashMap::new();
        let mut at = start;
        let end = loop {
            if let Some(r) = root.get(&at) {
                break *r;
            }
            if let Some(&pos) = on_path.get(&at) {
                // A loop: everything on it ends at its smallest id.
                break path[pos..].iter().copied().min().unwrap_or(at);
            }
            on_path.insert(at, path.len());
            path.push(at);
            match next(at) {
                Some(into) => at = into,
                None => break at,
            }
        };
        for id in path {
            root.insert(id, end);
        }
    }
    root
}

/// Why a change to notes, agreements or their moderation was refused. The
/// limits it names are in `rules.rs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteError {
    /// There is no ballot with this id.
    NoSuchBallot(Id),
    /// There is no note with this id (on that ballot, for an edit).
    NoSuchNote(Id),
    /// The note has no words (after trimming).
    EmptyText,
    /// The note is longer than the limit, in characters.
    TooLong {
        /// How long it is.
        chars: usize,
        /// The most allowed.
        max: usize,
    },
    /// The note holds a control character other than a line break.
    ControlCharacter,
    /// The ballot already holds the most notes allowed.
    TooManyNotes {
        /// The most allowed.
        max: usize,
    },
    /// The ballot already agrees with the most notes allowed.
    TooManyAgrees {
        /// The most allowed.
        max: usize,
    },
    /// A participant cannot agree with their own note.
    OwnNote(Id),
    /// Another note already has this id.
    IdInUse(Id),
    /// A note cannot be merged into itself (or into a card it is already on).
    SameNote(Id),
    /// Notes about different areas cannot be merged.
    DifferentAreas {
        /// The note to merge.
        from: Id,
        /// The note it was to join.
        into: Id,
    },
    /// The facilitator has already made the most decisions of this sort.
    TooManyModerated {
        /// The most allowed.
        max: usize,
    },
}

impl std::fmt::Display for NoteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoteError::NoSuchBallot(id) => write!(f, "there is no ballot {}", id.short()),
            NoteError::NoSuchNote(id) => write!(f, "there is no note {}", id.short()),
            NoteError::EmptyText => write!(f, "a note must not be empty"),
            NoteError::TooLong { chars, max } => {
                write!(f, "a note is at most {max} characters (this is {chars})")
            }
            NoteError::ControlCharacter => {
                write!(f, "a note holds no control characters but line breaks")
            }
            NoteError::TooManyNotes { max } => write!(f, "at most {max} notes per participant"),
            NoteError::TooManyAgrees { max } => {
                write!(f, "at most {max} agreements per participant")
            }
            NoteError::OwnNote(id) => {
                write!(f, "nobody agrees with their own note ({})", id.short())
            }
            NoteError::IdInUse(id) => write!(f, "the note id {} is used twice", id.short()),
            NoteError::SameNote(id) => {
                write!(f, "note {} cannot be merged into itself", id.short())
            }
            NoteError::DifferentAreas { from, into } => write!(
                f,
                "notes {} and {} are about different areas",
                from.short(),
                into.short()
            ),
            NoteError::TooManyModerated { max } => {
                write!(f, "at most {max} notes hidden, merged or approved")
            }
        }
    }
}

impl std::error::Error for NoteError {}
