//! The rules a workshop keeps, and their named limits. [`validate`] checks a
//! whole workshop read from outside (a record, a join link, a live message);
//! [`check_ballot`] one ballot against its workshop. The screens take their
//! limits (e.g. a text box's `maxlength`) from here rather than repeating them.

use std::collections::BTreeSet;

use super::area::AreaShares;
use super::id::Id;
use super::notes::{NoteError, NoteModeration};
use super::parse::ImportError;
use super::problem::{Place, Problem};
use super::resource::Unit;
use super::text::clip;
use super::time::{parse_date, Timestamp};
use super::workshop::{model_split_is_whole, Ballot, KindAllocation, Workshop};

pub use super::resource::MAX_TOTAL;

/// Largest file the importer reads, in bytes: 256 MiB, which a laptop's
/// browser reads in pieces and checks in a few seconds. It holds
/// [`MAX_BALLOTS`] of the fullest ballots the rules allow, participants' own
/// notes aside (a test measures it: about 8.3 KB each; a typical ballot
/// is about 1.5 KB).
pub const MAX_RECORD_BYTES: usize = 256 * 1024 * 1024;
/// Most ballots (participants) a workshop may hold: a hundred sessions of
/// two hundred people combined, with room to spare, and no more than a file
/// of [`MAX_RECORD_BYTES`] holds.
pub const MAX_BALLOTS: usize = 30_000;
/// Longest workshop name, place or participant name, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest note (a good life, a like, a dislike, a rationale), in characters.
pub const MAX_NOTE_CHARS: usize = 5_000;
/// Most likes, or dislikes, noted for one area.
pub const MAX_NOTES_PER_LIST: usize = 200;
/// Most resource kinds in one workshop (it needs at least one).
pub const MAX_KINDS: usize = 12;
/// Longest resource kind id, in bytes (lowercase letters, digits, `_`).
pub const MAX_KIND_ID_BYTES: usize = 40;
/// Most removed resource kinds a workshop remembers (their tombstones).
pub const MAX_REMOVED_KINDS: usize = 200;
/// Longest resource kind name, in characters.
pub const MAX_KIND_NAME_CHARS: usize = 80;
/// Longest unit noun of a counted kind ("places", "hours"), in characters.
pub const MAX_UNIT_NOUN_CHARS: usize = 40;
/// Most projected years of a resource kind.
pub const MAX_PROJECTED_YEARS: usize = 10;
/// Longest catalogue id or version, in characters.
pub const MAX_CATALOGUE_REF_CHARS: usize = 100;
/// Longest support model id within an area's split, in bytes.
pub const MAX_MODEL_ID_BYTES: usize = 60;
/// Longest note a participant writes, in characters after trimming: a short
/// card the back of the hall can read.
pub const MAX_PARTICIPANT_NOTE_CHARS: usize = 280;
/// Most notes one participant may write, over all areas.
pub const MAX_NOTES_PER_BALLOT: usize = 30;
/// Most notes of others one participant may agree with. With
/// [`MAX_NOTES_PER_BALLOT`] notes of the longest text this keeps a ballot
/// inside a live message (`live::MAX_BALLOT_PAYLOAD`, 64 KiB).
pub const MAX_AGREES_PER_BALLOT: usize = 300;
/// Most sessions a combined workshop may be made of: a council's every
/// locality and meeting for a year, with room to spare.
pub const MAX_SESSIONS: usize = 500;
/// Most notes the facilitator may hide, most merged, and most approved (each
/// a list of its own). These only grow, and travel in every facilitator's
/// live message (`live::MAX_FACILITATOR_PAYLOAD`, 256 KiB), so they are
/// bounded well below it.
pub const MAX_MODERATED_NOTES: usize = 1_000;

/// A broken rule at a JSON path.
fn invalid(path: impl Into<Place>, reason: Problem) -> ImportError {
    ImportError::invalid(path, reason)
}

fn check_text(path: &str, text: &str, max_chars: usize, required: bool) -> Result<(), ImportError> {
    if required && text.trim().is_empty() {
        return Err(invalid(path, Problem::Empty));
    }
    if text.chars().count() > max_chars {
        return Err(invalid(path, Problem::TooLong { max_chars }));
    }
    Ok(())
}

fn check_shares(path: &str, shares: AreaShares) -> Result<(), ImportError> {
    shares
        .validate()
        .map_err(|total_bp| invalid(path, Problem::AreasNotWhole { total_bp }))
}

/// Checks every rule a workshop must keep; the first broken one is reported
/// with its JSON path (relative to the record).
pub fn validate(w: &Workshop) -> Result<(), ImportError> {
    check_text("workshop.name", &w.name, MAX_NAME_CHARS, false)?;
    check_text("workshop.place", &w.place, MAX_NAME_CHARS, false)?;
    if parse_date(&w.date).is_none() {
        return Err(invalid(
            "workshop.date",
            Problem::NotADate {
                found: clip(&w.date, 30),
            },
        ));
    }
    check_text(
        "workshop.catalogue.id",
        &w.catalogue.id,
        MAX_CATALOGUE_REF_CHARS,
        true,
    )?;
    check_text(
        "workshop.catalogue.version",
        &w.catalogue.version,
        MAX_CATALOGUE_REF_CHARS,
        true,
    )?;
    if w.kinds.is_empty() || w.kinds.len() > MAX_KINDS {
        return Err(invalid(
            "workshop.kinds",
            Problem::KindCount { max: MAX_KINDS },
        ));
    }
    let mut kind_ids = BTreeSet::new();
    for (i, k) in w.kinds.iter().enumerate() {
        let p = format!("workshop.kinds[{i}]");
        if !is_kind_id(&k.id) {
            return Err(invalid(
                format!("{p}.id"),
                Problem::NotAKindId {
                    max_bytes: MAX_KIND_ID_BYTES,
                },
            ));
        }
        if !kind_ids.insert(k.id.as_str()) {
            return Err(invalid(
                format!("{p}.id"),
                Problem::KindIdTwice { id: k.id.clone() },
            ));
        }
        check_text(&format!("{p}.name"), &k.name, MAX_KIND_NAME_CHARS, true)?;
        if let Unit::Count { noun } = &k.unit {
            check_text(&format!("{p}.unit.noun"), noun, MAX_UNIT_NOUN_CHARS, true)?;
        }
        if !(0..=MAX_TOTAL).contains(&k.total) {
            return Err(invalid(format!("{p}.total"), Problem::TotalOutOfRange));
        }
        check_shares(&format!("{p}.baseline"), k.baseline)?;
        if k.projected.len() > MAX_PROJECTED_YEARS {
            return Err(invalid(
                format!("{p}.projected"),
                Problem::TooManyProjectedYears {
                    max: MAX_PROJECTED_YEARS,
                },
            ));
        }
        for (j, t) in k.projected.iter().enumerate() {
            if !(0..=MAX_TOTAL).contains(t) {
                return Err(invalid(
                    format!("{p}.projected[{j}]"),
                    Problem::TotalOutOfRange,
                ));
            }
        }
    }
    for (area, notes) in &w.notes {
        let p = format!("workshop.notes.{}", area.id());
        check_text(
            &format!("{p}.good_life"),
            &notes.good_life,
            MAX_NOTE_CHARS,
            false,
        )?;
        for (list, items) in [("likes", &notes.likes), ("dislikes", &notes.dislikes)] {
            if items.len() > MAX_NOTES_PER_LIST {
                return Err(invalid(
                    format!("{p}.{list}"),
                    Problem::TooManyItems {
                        max: MAX_NOTES_PER_LIST,
                    },
                ));
            }
            for (j, item) in items.iter().enumerate() {
                check_text(&format!("{p}.{list}[{j}]"), item, MAX_NOTE_CHARS, true)?;
            }
        }
    }
    check_sessions(w)?;
    if w.ballots.len() > MAX_BALLOTS {
        return Err(invalid(
            "workshop.ballots",
            Problem::TooManyBallots { max: MAX_BALLOTS },
        ));
    }
    let mut ballot_ids = BTreeSet::new();
    for (i, b) in w.ballots.iter().enumerate() {
        let p = format!("workshop.ballots[{i}]");
        if !ballot_ids.insert(b.id) {
            return Err(invalid(
                format!("{p}.id"),
                Problem::BallotIdTwice { id: b.id },
            ));
        }
        check_ballot(w, b, &p)?;
    }
    if w.removed_kinds.len() > MAX_REMOVED_KINDS {
        return Err(invalid(
            "workshop.removed_kinds",
            Problem::TooManyRemovedKinds {
                max: MAX_REMOVED_KINDS,
            },
        ));
    }
    for (i, id) in w.removed_kinds.iter().enumerate() {
        let p = format!("workshop.removed_kinds[{i}]");
        if !is_kind_id(id) {
            return Err(invalid(
                p,
                Problem::NotAKindId {
                    max_bytes: MAX_KIND_ID_BYTES,
                },
            ));
        }
        if i > 0 && w.removed_kinds[i - 1] >= *id {
            return Err(invalid(p, Problem::RemovedKindsOutOfOrder));
        }
    }
    for (i, id) in w.removed_ballots.iter().enumerate() {
        if w.removed_ballots[..i].contains(id) || ballot_ids.contains(id) {
            return Err(invalid(
                format!("workshop.removed_ballots[{i}]"),
                Problem::RemovedBallotTwice,
            ));
        }
    }
    check_moderation(&w.moderation)?;
    if w.room.revealed.windows(2).any(|w| w[0] >= w[1]) {
        return Err(invalid(
            "workshop.room.revealed",
            Problem::RevealedOutOfOrder,
        ));
    }
    if let (Some(d), Some(cleared)) = (&w.agreed_decision, w.decision_cleared_at) {
        if d.updated_at <= cleared {
            return Err(invalid(
                "workshop.agreed_decision.updated_at",
                Problem::DecisionCleared,
            ));
        }
    }
    if let Some(d) = &w.agreed_decision {
        for (kind_id, shares) in &d.shares {
            let p = format!("workshop.agreed_decision.shares.{}", clip(kind_id, 40));
            if !kind_ids.contains(kind_id.as_str()) {
                return Err(invalid(p, Problem::NotAKindOfTheWorkshop));
            }
            check_shares(&p, *shares)?;
        }
        for (area, text) in &d.rationale {
            check_text(
                &format!("workshop.agreed_decision.rationale.{}", area.id()),
                text,
                MAX_NOTE_CHARS,
                false,
            )?;
        }
    }
    Ok(())
}

/// Checks a combined workshop's sessions: how many, in order of id and once
/// each, and each one's name, place and date.
fn check_sessions(w: &Workshop) -> Result<(), ImportError> {
    if w.sessions.len() > MAX_SESSIONS {
        return Err(invalid(
            "workshop.sessions",
            Problem::TooManySessions { max: MAX_SESSIONS },
        ));
    }
    for (i, s) in w.sessions.iter().enumerate() {
        let p = format!("workshop.sessions[{i}]");
        if i > 0 && w.sessions[i - 1].id >= s.id {
            return Err(invalid(format!("{p}.id"), Problem::SessionsOutOfOrder));
        }
        check_text(&format!("{p}.name"), &s.name, MAX_NAME_CHARS, false)?;
        check_text(&format!("{p}.place"), &s.place, MAX_NAME_CHARS, false)?;
        if parse_date(&s.date).is_none() {
            return Err(invalid(
                format!("{p}.date"),
                Problem::NotADate {
                    found: clip(&s.date, 30),
                },
            ));
        }
    }
    Ok(())
}

/// Checks one ballot against its workshop: same workshop id, a name, one of
/// the workshop's sessions if it names one, known resource kinds, splits that add up to 100%, and its notes and agreements
/// within their limits ([`check_ballot_notes`]). `p` is its JSON path.
///
/// That a note's id is used by no other ballot is checked where a single
/// ballot comes in (`merge_ballots`, `add_note`), not here or in
/// [`validate`]: two copies of a workshop that are each valid must merge into
/// one that is valid too, or a crafted collision could leave a device with a
/// workshop it can no longer load or change. The room's cards take such a
/// note once (from the ballot with the smaller id).
///
/// Its partnership ratings need no check here: their types hold only the six
/// principles and four ratings, so an unknown one is refused while parsing,
/// with its path (`workshop.ballots[3].partnership.leadership`). Nor are they
/// refused when the workshop's check is off: a tablet may have rated before
/// the facilitator turned it off, and refusing would lose its allocations too.
pub fn check_ballot(w: &Workshop, b: &Ballot, p: &str) -> Result<(), ImportError> {
    // Paths are only formatted on failure: gathering thousands of good ballots stays quick.
    if b.workshop_id != w.id {
        return Err(invalid(
            format!("{p}.workshop_id"),
            Problem::OtherWorkshop {
                found: b.workshop_id,
            },
        ));
    }
    let name_chars = b.participant.chars().count();
    if b.participant.trim().is_empty() || name_chars > MAX_NAME_CHARS {
        check_text(
            &format!("{p}.participant"),
            &b.participant,
            MAX_NAME_CHARS,
            true,
        )?;
    }
    if let Some(session) = b.session {
        // Sessions are in order of id (checked in `validate`).
        if w.sessions.binary_search_by(|s| s.id.cmp(&session)).is_err() {
            return Err(invalid(
                format!("{p}.session"),
                Problem::NotASessionOfTheWorkshop {
                    participant: clip(&b.participant, 40),
                    session,
                },
            ));
        }
    }
    if !b.notes.is_empty() || !b.agrees.is_empty() {
        check_ballot_notes(b).map_err(|(sub, e)| note_invalid(b, p, &sub, &e))?;
    }
    for (kind_id, a) in &b.allocations {
        let pa = || format!("{p}.allocations.{}", clip(kind_id, 40));
        if w.kind(kind_id).is_none() {
            return Err(invalid(pa(), Problem::NotAKindOfTheWorkshop));
        }
        if a.areas.validate().is_err() {
            check_shares(&format!("{}.areas", pa()), a.areas)?;
        }
        if a.locked.windows(2).any(|w| w[0] >= w[1]) {
            return Err(invalid(
                format!("{}.locked", pa()),
                Problem::LockedOutOfOrder,
            ));
        }
        for (area, split) in &a.models {
            let pm = || format!("{}.models.{}", pa(), area.id());
            if !model_split_is_whole(split) {
                return Err(invalid(pm(), Problem::ModelsNotWhole));
            }
            if split
                .keys()
                .any(|id| id.is_empty() || id.len() > MAX_MODEL_ID_BYTES)
            {
                return Err(invalid(
                    pm(),
                    Problem::NotAModelId {
                        max_bytes: MAX_MODEL_ID_BYTES,
                    },
                ));
            }
        }
    }
    Ok(())
}

/// Checks a note's words as a participant gives them: after trimming, 1 to
/// [`MAX_PARTICIPANT_NOTE_CHARS`] characters (not bytes: Welsh and Chinese
/// count as English does), and no control characters but line breaks, which
/// would garble the room's cards. `add_note` and `edit_note` store the
/// trimmed text, so what they store always passes.
pub fn check_note_text(text: &str) -> Result<(), NoteError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(NoteError::EmptyText);
    }
    // The whole text counts, so untrusted padding cannot grow a ballot.
    let chars = text.chars().count();
    if chars > MAX_PARTICIPANT_NOTE_CHARS {
        return Err(NoteError::TooLong {
            chars,
            max: MAX_PARTICIPANT_NOTE_CHARS,
        });
    }
    if text.chars().any(|c| c.is_control() && c != '\n') {
        return Err(NoteError::ControlCharacter);
    }
    Ok(())
}

/// Checks a ballot's notes and agreements on their own: how many, each
/// note's words, ids used once on the ballot, no agreeing with its own notes.
/// On failure, the path below the ballot (`.notes[2].text`) and why.
pub(crate) fn check_ballot_notes(b: &Ballot) -> Result<(), (String, NoteError)> {
    if b.notes.len() > MAX_NOTES_PER_BALLOT {
        return Err((
            ".notes".into(),
            NoteError::TooManyNotes {
                max: MAX_NOTES_PER_BALLOT,
            },
        ));
    }
    for (j, note) in b.notes.iter().enumerate() {
        check_note_text(&note.text).map_err(|e| (format!(".notes[{j}].text"), e))?;
        // At most 30 notes, so comparing with the earlier ones is cheap.
        if b.notes[..j].iter().any(|n| n.id == note.id) {
            return Err((format!(".notes[{j}].id"), NoteError::IdInUse(note.id)));
        }
    }
    if b.agrees.len() > MAX_AGREES_PER_BALLOT {
        return Err((
            ".agrees".into(),
            NoteError::TooManyAgrees {
                max: MAX_AGREES_PER_BALLOT,
            },
        ));
    }
    // Refused rather than quietly not counted: the app never offers it, so
    // one that says so was not made by the app.
    if let Some(own) = b.notes.iter().find(|n| b.agrees.contains(&n.id)) {
        return Err((".agrees".into(), NoteError::OwnNote(own.id)));
    }
    Ok(())
}

/// A broken note rule of a ballot, as an import error at its path, naming
/// the note by its id where there is one.
fn note_invalid(b: &Ballot, p: &str, sub: &str, e: &NoteError) -> ImportError {
    let note = sub
        .strip_prefix(".notes[")
        .and_then(|rest| rest.split(']').next())
        .and_then(|j| j.parse::<usize>().ok())
        .and_then(|j| b.notes.get(j));
    invalid(
        format!("{p}{sub}"),
        Problem::Note {
            note: note.map(|n| n.id),
            error: e.clone(),
        },
    )
}

/// A broken rule of the moderation, which names its notes itself.
fn moderation(error: NoteError) -> Problem {
    Problem::Note { note: None, error }
}

/// Checks the facilitator's moderation: within its limits, and no note
/// merged into itself. Notes it names need not exist: a note may have been
/// withdrawn, or its ballot not have arrived yet.
fn check_moderation(m: &NoteModeration) -> Result<(), ImportError> {
    let p = "workshop.moderation";
    for (list, len) in [("hidden", m.hidden.len()), ("approved", m.approved.len())] {
        if len > MAX_MODERATED_NOTES {
            return Err(invalid(
                format!("{p}.{list}"),
                moderation(NoteError::TooManyModerated {
                    max: MAX_MODERATED_NOTES,
                }),
            ));
        }
    }
    let merges: usize = m.merged.values().map(|into| into.len()).sum();
    if merges > MAX_MODERATED_NOTES {
        return Err(invalid(
            format!("{p}.merged"),
            moderation(NoteError::TooManyModerated {
                max: MAX_MODERATED_NOTES,
            }),
        ));
    }
    for (from, into) in &m.merged {
        // One spelling of "merged into nothing": the note is not listed.
        if into.is_empty() || into.contains(from) {
            return Err(invalid(
                format!("{p}.merged.{from}"),
                moderation(NoteError::SameNote(*from)),
            ));
        }
    }
    Ok(())
}

/// Changes one ballot's split of one kind, as [`Workshop::update_allocation`],
/// but only if the changed ballot still keeps the record's rules; a refused
/// change leaves the workshop as it was. Only that ballot is copied and
/// checked, so a slider tick costs the same in a room of 2 or 1,000.
/// `Ok(false)` means there was nothing to change (no such ballot or kind).
pub fn try_update_allocation(
    w: &mut Workshop,
    ballot_id: Id,
    kind_id: &str,
    now: Timestamp,
    change: impl FnOnce(&mut KindAllocation),
) -> Result<bool, ImportError> {
    let Some(kind) = w.kinds.iter().find(|k| k.id == kind_id) else {
        return Ok(false);
    };
    let Some(index) = w.ballots.iter().position(|b| b.id == ballot_id) else {
        return Ok(false);
    };
    let mut trial = w.ballots[index].clone();
    change(
        trial
            .allocations
            .entry(kind_id.to_string())
            .or_insert_with(|| KindAllocation::from_baseline(kind)),
    );
    trial.updated_at = now;
    check_ballot(w, &trial, &format!("workshop.ballots[{index}]"))?;
    w.ballots[index] = trial;
    w.updated_at = now;
    Ok(true)
}

/// Whether `id` is a well-formed resource kind id.
fn is_kind_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_KIND_ID_BYTES
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}
