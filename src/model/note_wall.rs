//! The room's wall of notes: per area, participants' notes as cards, most
//! agreed first, each with its author's role (never their name), and how many
//! cards each role wrote; and the facilitator's list to moderate, newest
//! first. Derived from the ballots and the moderation on every device, never
//! stored, so a hide or a merge shows the same everywhere. Plain figures: the
//! words are the UI's.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::area::Area;
use super::id::Id;
use super::notes::{resolve_merges, NoteKind, ParticipantNote};
use super::order;
use super::time::Timestamp;
use super::workshop::{Ballot, Role, Workshop};

/// One card on the wall: a note and the notes merged into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteCard {
    /// The note shown (the one the others were merged into).
    pub note_id: Id,
    /// Which question it answers.
    pub kind: NoteKind,
    /// Its words.
    pub text: String,
    /// Its author's role; the room never sees a name.
    pub author_role: Role,
    /// How many participants agree with it or with a note merged into it,
    /// each counted once, its author not counted.
    pub agreements: u32,
    /// The notes merged into it that are not hidden, by id in order.
    pub merged_from: Vec<Id>,
    /// When the shown note was written or last edited.
    pub updated_at: Timestamp,
}

/// The cards of one area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteWall {
    /// The area.
    pub area: Area,
    /// Most agreed first; on a tie the newest first, then by id.
    pub cards: Vec<NoteCard>,
    /// How many cards each role wrote (roles with none are absent).
    pub count_by_role: BTreeMap<Role, u32>,
}

impl NoteWall {
    /// The cards written by one role (every card for `None`), in wall order.
    pub fn by_role(&self, role: Option<Role>) -> impl Iterator<Item = &NoteCard> + '_ {
        self.cards
            .iter()
            .filter(move |c| role.is_none_or(|r| c.author_role == r))
    }

    /// The card a note shows on, if it is on the wall.
    pub fn card(&self, note: Id) -> Option<&NoteCard> {
        self.cards
            .iter()
            .find(|c| c.note_id == note || c.merged_from.contains(&note))
    }
}

/// One note as the facilitator moderates it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteReview {
    /// The note.
    pub note_id: Id,
    /// The ballot it is on (its author).
    pub ballot_id: Id,
    /// Which question it answers.
    pub kind: NoteKind,
    /// Its words.
    pub text: String,
    /// Its author's role.
    pub author_role: Role,
    /// When it was written or last edited.
    pub updated_at: Timestamp,
    /// Whether the facilitator hid it.
    pub hidden: bool,
    /// The note whose card it shows on, when it was merged into another.
    pub merged_into: Option<Id>,
    /// Whether this version of it is approved.
    pub approved: bool,
    /// How many participants agree with this note itself (not counting notes
    /// merged into it).
    pub agreements: u32,
}

impl NoteReview {
    /// Whether it waits for the facilitator: on its own card, not hidden and
    /// this version not approved (the room does not see it while the
    /// workshop shows approved notes only).
    pub fn waiting(&self) -> bool {
        !self.hidden && self.merged_into.is_none() && !self.approved
    }
}

/// Every note of the workshop once, and the card each shows on.
pub(crate) struct NoteIndex<'a> {
    /// Note id → its ballot and the note. Ids are random, so two ballots
    /// share one only if made to; then the ballot with the smaller id keeps
    /// it, the same on every device.
    pub notes: HashMap<Id, (&'a Ballot, &'a ParticipantNote)>,
    /// Note id → the note whose card it shows on.
    pub root: HashMap<Id, Id>,
}

impl<'a> NoteIndex<'a> {
    /// The index of a workshop's notes.
    pub fn of(w: &'a Workshop) -> NoteIndex<'a> {
        let mut notes: HashMap<Id, (&Ballot, &ParticipantNote)> = HashMap::new();
        for b in &w.ballots {
            for n in &b.notes {
                let keep = notes.get(&n.id).is_none_or(|(held, _)| b.id < held.id);
                if keep {
                    notes.insert(n.id, (b, n));
                }
            }
        }
        let area_of: HashMap<Id, Area> = notes.iter().map(|(id, (_, n))| (*id, n.area)).collect();
        let root = resolve_merges(&w.moderation.merged, &area_of);
        NoteIndex { notes, root }
    }

    /// The note whose card this note shows on.
    pub fn root_of(&self, note: Id) -> Id {
        self.root.get(&note).copied().unwrap_or(note)
    }

    /// The notes of one area, by id.
    fn in_area(&self, area: Area) -> Vec<(&'a Ballot, &'a ParticipantNote)> {
        let mut list: Vec<_> = self
            .notes
            .values()
            .filter(|(_, n)| n.area == area)
            .copied()
            .collect();
        order::sort_by_key(&mut list, |(_, n)| n.id);
        list
    }
}

/// The room's cards of `area` as one participant sees them: those holding
/// no note of theirs (shown or merged in), each with whether they agree with
/// it. Empty for a ballot that is not in the workshop.
///
/// Oldest first, not most agreed first as on the room's screen: on a tablet
/// the list must not move under a finger when an agreement arrives (or the
/// reader's own "I agree" moves a card up), so a new note joins at the end
/// and the rest stay where they are.
pub fn others_cards(w: &Workshop, area: Area, reader: Id) -> Vec<(NoteCard, bool)> {
    let Some(me) = w.ballot(reader) else {
        return Vec::new();
    };
    let mine = |id: &Id| me.notes.iter().any(|n| n.id == *id);
    let mut cards: Vec<(NoteCard, bool)> = note_wall(w, area, true)
        .cards
        .into_iter()
        .filter(|c| !mine(&c.note_id) && !c.merged_from.iter().any(mine))
        .map(|c| {
            let agreed = me.agrees.contains(&c.note_id);
            (c, agreed)
        })
        .collect();
    order::sort_by_key(&mut cards, |(c, _)| (c.updated_at, c.note_id));
    cards
}

/// The wall of one area. On the room's screen (`for_room`) while the
/// workshop shows approved notes only, only cards whose shown note is
/// approved in its current version; otherwise every card. Hidden notes are
/// left out, and with a hidden card the notes merged into it.
pub fn note_wall(w: &Workshop, area: Area, for_room: bool) -> NoteWall {
    let index = NoteIndex::of(w);
    let m = &w.moderation;
    let only_approved = for_room && m.approve_first;
    // Card (its shown note's id) → the shown note, its author and members.
    let mut cards: BTreeMap<Id, (&Ballot, &ParticipantNote, Vec<Id>)> = BTreeMap::new();
    let notes = index.in_area(area);
    for &(b, n) in &notes {
        let shown = index.root_of(n.id) == n.id;
        if shown && !m.is_hidden(n.id) && (!only_approved || m.is_approved(n)) {
            cards.insert(n.id, (b, n, Vec::new()));
        }
    }
    for &(_, n) in &notes {
        let root = index.root_of(n.id);
        if root != n.id && !m.is_hidden(n.id) {
            if let Some((_, _, members)) = cards.get_mut(&root) {
                members.push(n.id);
            }
        }
    }
    // Card → the participants agreeing with it: a set, so someone who agreed
    // with two notes of one card counts once.
    let mut agreeing: HashMap<Id, BTreeSet<Id>> = HashMap::new();
    for voter in &w.ballots {
        for agreed in &voter.agrees {
            let Some((author, note)) = index.notes.get(agreed) else {
                continue;
            };
            if note.area != area || author.id == voter.id || m.is_hidden(*agreed) {
                continue;
            }
            let root = index.root_of(*agreed);
            if let Some((card_author, _, _)) = cards.get(&root) {
                // A card never counts its own author, whichever of its notes
                // they agreed with.
                if card_author.id != voter.id {
                    agreeing.entry(root).or_default().insert(voter.id);
                }
            }
        }
    }
    let mut list: Vec<NoteCard> = cards
        .into_iter()
        .map(|(id, (b, n, mut members))| {
            order::sort(&mut members);
            NoteCard {
                note_id: id,
                kind: n.kind,
                text: n.text.clone(),
                author_role: b.role,
                agreements: agreeing
                    .get(&id)
                    .map_or(0, |s| u32::try_from(s.len()).unwrap_or(u32::MAX)),
                merged_from: members,
                updated_at: n.updated_at,
            }
        })
        .collect();
    order::sort_by(&mut list, |a, b| {
        b.agreements
            .cmp(&a.agreements)
            .then_with(|| b.updated_at.cmp(&a.updated_at))
            .then_with(|| a.note_id.cmp(&b.note_id))
    });
    let mut count_by_role: BTreeMap<Role, u32> = BTreeMap::new();
    for c in &list {
        let n = count_by_role.entry(c.author_role).or_default();
        *n = n.saturating_add(1);
    }
    NoteWall {
        area,
        cards: list,
        count_by_role,
    }
}

/// Every note of one area for the facilitator to moderate, hidden, merged and
/// waiting ones too: newest first, then by id.
pub fn note_reviews(w: &Workshop, area: Area) -> Vec<NoteReview> {
    let index = NoteIndex::of(w);
    let m = &w.moderation;
    let mut direct: HashMap<Id, u32> = HashMap::new();
    for voter in &w.ballots {
        for agreed in &voter.agrees {
            if let Some((author, note)) = index.notes.get(agreed) {
                if note.area == area && author.id != voter.id {
                    let n = direct.entry(*agreed).or_default();
                    *n = n.saturating_add(1);
                }
            }
        }
    }
    let mut list: Vec<NoteReview> = index
        .in_area(area)
        .into_iter()
        .map(|(b, n)| {
            let root = index.root_of(n.id);
            NoteReview {
                note_id: n.id,
                ballot_id: b.id,
                kind: n.kind,
                text: n.text.clone(),
                author_role: b.role,
                updated_at: n.updated_at,
                hidden: m.is_hidden(n.id),
                merged_into: (root != n.id).then_some(root),
                approved: m.is_approved(n),
                agreements: direct.get(&n.id).copied().unwrap_or(0),
            }
        })
        .collect();
    order::sort_by(&mut list, |a, b| {
        b.updated_at
            .cmp(&a.updated_at)
            .then_with(|| a.note_id.cmp(&b.note_id))
    });
    list
}
