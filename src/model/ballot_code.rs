//! One participant's ballot on its own: as a small JSON file, or as a compact
//! code (text that fits in a QR code) that a facilitator can scan or paste.
//! Both are untrusted on the way in.

use serde::{Deserialize, Serialize};

use super::area::{Area, AreaShares};
use super::encoding::{base64url, crc32, is_base64url_char, unbase64url};
use super::id::Id;
use super::notes::{NoteKind, ParticipantNote};
use super::parse::{parse_typed, ImportError};
use super::partnership::{Principle, Rating};
use super::problem::{Place, Problem, SchemaFound, VersionedFile};
use super::record::{
    ballot_version, import_json, newer_than, OLDEST_SCHEMA_VERSION, SCHEMA_VERSION,
};
use super::time::Timestamp;
use super::workshop::{Ballot, KindAllocation, Role, Workshop};

/// A ballot exported alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BallotFile {
    /// The record's schema version of its shape: 1, 2 when the ballot
    /// carries partnership ratings, 3 when it carries notes or agreements, 4
    /// when it came from a session of a combined workshop.
    pub schema_version: u32,
    /// Always "co-produce-ballot", to tell it from a whole record.
    pub kind: String,
    /// The ballot.
    pub ballot: Ballot,
}

const BALLOT_FILE_KIND: &str = "co-produce-ballot";
/// Every compact code starts with this, so stray text is recognised at once.
/// It names the family of codes (base64url with a CRC-32); the first byte
/// inside says which layout ([`LAYOUT_ALLOCATIONS`], [`LAYOUT_PARTNERSHIP`],
/// [`LAYOUT_NOTES`] or [`LAYOUT_SESSION`]).
pub const CODE_PREFIX: &str = "CP1-";

/// The first layout: allocations only. A ballot without partnership ratings
/// is still written this way, so its code is the same as before the check
/// existed and an older app still reads it.
pub const LAYOUT_ALLOCATIONS: u8 = 1;
/// The allocations, then the partnership ratings: a count (1 to 6) and, per
/// rated principle in order, its index and the rating's score (0 to 3). An
/// older app reading one says it was made by a newer version, not that it is
/// damaged.
pub const LAYOUT_PARTNERSHIP: u8 = 2;
/// The allocations, the partnership ratings as in [`LAYOUT_PARTNERSHIP`] but
/// with a count that may be 0, then the participant's notes and agreements:
/// a count of notes (0 to 255) and per note, in the ballot's order, its id
/// (16 bytes), its area's index, its kind's index (0 good life, 1 like,
/// 2 dislike), its `updated_at` (8 bytes, milliseconds) and its text; then a
/// two-byte count of agreements and each note id agreed with (16 bytes), in
/// increasing order. Only a ballot with notes or agreements is written so.
pub const LAYOUT_NOTES: u8 = 3;
/// Everything of [`LAYOUT_NOTES`] (its counts may all be 0), then the id of
/// the session the ballot came from (16 bytes). Only a ballot of a combined
/// workshop, which has a session, is written so.
pub const LAYOUT_SESSION: u8 = 4;

/// A ballot as a pretty JSON file.
pub fn export_ballot_json(ballot: &Ballot) -> String {
    // The oldest version that holds it, as for ballot codes: a ballot without
    // ratings is the file it always was, which an older app still reads.
    let file = BallotFile {
        schema_version: ballot_version(ballot),
        kind: BALLOT_FILE_KIND.into(),
        ballot: ballot.clone(),
    };
    let mut text = super::pretty::pretty(&serde_json::to_string(&file).unwrap_or_default());
    text.push('\n');
    text
}

/// What a gathered file or code holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Gathered {
    /// A whole decision record (its ballots can be merged).
    Record(Box<Workshop>),
    /// One or more ballots.
    Ballots(Vec<Ballot>),
}

/// Reads a whole record, a ballot file or a compact code, whichever it is.
pub fn read_gathered(text: &str) -> Result<Gathered, ImportError> {
    let trimmed = text.trim();
    if trimmed.starts_with(CODE_PREFIX) {
        return decode_ballot(trimmed).map(|b| Gathered::Ballots(vec![b]));
    }
    // A record may mention "co-produce-ballot" in a name or a note, so only the
    // top-level `kind` makes a ballot file.
    if trimmed.contains("\"co-produce-ballot\"") && is_ballot_file(trimmed) {
        let file: BallotFile = parse_typed(trimmed)?;
        let known = OLDEST_SCHEMA_VERSION..=SCHEMA_VERSION;
        if !known.contains(&file.schema_version) || file.kind != BALLOT_FILE_KIND {
            return Err(ImportError::WrongSchema {
                found: SchemaFound::BallotFileVersion {
                    version: file.schema_version,
                },
            });
        }
        // As for a record: version 1 had no partnership check, version 2 no notes.
        if let Some((path, part, needs)) = newer_than(&file.ballot, file.schema_version) {
            return Err(ImportError::invalid(
                format!("ballot.{path}"),
                Problem::NeedsLaterVersion {
                    file: VersionedFile::BallotFile,
                    version: file.schema_version,
                    part,
                    needs,
                },
            ));
        }
        return Ok(Gathered::Ballots(vec![file.ballot]));
    }
    import_json(text).map(|w| Gathered::Record(Box::new(w)))
}

/// Whether JSON text is an object whose top-level `kind` is a ballot file's.
fn is_ballot_file(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Kind {
        #[serde(default)]
        kind: Option<serde_json::Value>,
    }
    serde_json::from_str::<Kind>(text)
        .ok()
        .and_then(|k| k.kind)
        .is_some_and(|k| k == BALLOT_FILE_KIND)
}

fn role_code(role: Role) -> u8 {
    Role::ALL.iter().position(|r| *r == role).unwrap_or(0) as u8
}

/// A length byte escaping to a two-byte length, for text of 255 bytes or more.
const LONG_TEXT: u8 = 255;

fn push_text(out: &mut Vec<u8>, text: &str) {
    // A name of 200 characters may take 800 bytes. Text longer than 65,535
    // bytes (never valid) is cut at a character boundary.
    let mut end = text.len().min(usize::from(u16::MAX));
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < usize::from(LONG_TEXT) {
        out.push(end as u8);
    } else {
        out.push(LONG_TEXT);
        out.extend_from_slice(&(end as u16).to_be_bytes());
    }
    out.extend_from_slice(&text.as_bytes()[..end]);
}

/// A ballot as a compact code: `CP1-` then URL-safe base64 of a small binary
/// form with a checksum. Model splits within areas, partnership ratings,
/// notes and agreements travel too.
pub fn encode_ballot(ballot: &Ballot) -> String {
    // The oldest layout that holds the ballot, so a ballot without notes has
    // the code it always had and an older app still reads it.
    let layout = if ballot.session.is_some() {
        LAYOUT_SESSION
    } else if !ballot.notes.is_empty() || !ballot.agrees.is_empty() {
        LAYOUT_NOTES
    } else if !ballot.partnership.is_empty() {
        LAYOUT_PARTNERSHIP
    } else {
        LAYOUT_ALLOCATIONS
    };
    let mut out = vec![layout];
    out.extend_from_slice(&ballot.workshop_id.0.to_be_bytes());
    out.extend_from_slice(&ballot.id.0.to_be_bytes());
    out.extend_from_slice(&ballot.updated_at.0.to_be_bytes());
    out.push(role_code(ballot.role));
    push_text(&mut out, &ballot.participant);
    out.push(ballot.allocations.len().min(255) as u8);
    for (kind_id, a) in ballot.allocations.iter().take(255) {
        push_text(&mut out, kind_id);
        for bp in a.areas.to_array() {
            out.extend_from_slice(&(bp.min(u32::from(u16::MAX)) as u16).to_be_bytes());
        }
        let mask = a.locked.iter().fold(0u8, |m, area| m | (1 << area.index()));
        out.push(mask);
        out.push(a.models.len().min(5) as u8);
        for (area, split) in a.models.iter().take(5) {
            out.push(area.index() as u8);
            out.push(split.len().min(255) as u8);
            for (model_id, bp) in split.iter().take(255) {
                push_text(&mut out, model_id);
                out.extend_from_slice(&((*bp).min(u32::from(u16::MAX)) as u16).to_be_bytes());
            }
        }
    }
    if layout != LAYOUT_ALLOCATIONS {
        // At most six entries: the map is keyed by the six principles.
        out.push(ballot.partnership.len() as u8);
        for (principle, rating) in &ballot.partnership {
            out.push(principle.index() as u8);
            out.push(rating.score());
        }
    }
    if layout >= LAYOUT_NOTES {
        // The counts are far above the rules' limits (30 notes, 300
        // agreements); what is beyond them is never valid and is left out.
        out.push(ballot.notes.len().min(255) as u8);
        for note in ballot.notes.iter().take(255) {
            out.extend_from_slice(&note.id.0.to_be_bytes());
            out.push(note.area.index() as u8);
            out.push(note.kind.index() as u8);
            out.extend_from_slice(&note.updated_at.0.to_be_bytes());
            push_text(&mut out, &note.text);
        }
        let agrees = ballot.agrees.len().min(usize::from(u16::MAX));
        out.extend_from_slice(&(agrees as u16).to_be_bytes());
        for id in ballot.agrees.iter().take(agrees) {
            out.extend_from_slice(&id.0.to_be_bytes());
        }
    }
    if let Some(session) = ballot.session {
        out.extend_from_slice(&session.0.to_be_bytes());
    }
    let crc = crc32(&out);
    out.extend_from_slice(&crc.to_be_bytes());
    format!("{CODE_PREFIX}{}", base64url(&out))
}

/// Reads bytes in order, failing cleanly at the end of the input.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let slice = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(slice)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u16(&mut self) -> Option<u16> {
        self.take(2).map(|b| u16::from_be_bytes([b[0], b[1]]))
    }
    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N).and_then(|b| b.try_into().ok())
    }
    fn text(&mut self) -> Option<String> {
        let n = match self.u8()? {
            LONG_TEXT => usize::from(self.u16()?),
            n => usize::from(n),
        };
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }
}

fn bad_code(reason: Problem) -> ImportError {
    ImportError::invalid(Place::Code, reason)
}

/// Reads a compact code back into a ballot, refusing anything damaged.
pub fn decode_ballot(code: &str) -> Result<Ballot, ImportError> {
    let body = code
        .trim()
        .strip_prefix(CODE_PREFIX)
        .ok_or_else(|| bad_code(Problem::NotACode))?;
    if !body.bytes().all(is_base64url_char) {
        return Err(bad_code(Problem::CodeCharacters));
    }
    // Every character is right, so a wrong length or last character means a cut or a typo.
    let bytes = unbase64url(body).ok_or_else(|| bad_code(Problem::CodeCut))?;
    if bytes.len() < 5 {
        return Err(bad_code(Problem::CodeTooShort));
    }
    let (payload, check) = bytes.split_at(bytes.len() - 4);
    if crc32(payload).to_be_bytes() != check {
        return Err(bad_code(Problem::CodeCheckDigits));
    }
    let broken = || bad_code(Problem::CodeContents);
    let mut r = Reader {
        bytes: payload,
        at: 0,
    };
    let layout = r.u8().ok_or_else(broken)?;
    if !(LAYOUT_ALLOCATIONS..=LAYOUT_SESSION).contains(&layout) {
        return Err(bad_code(Problem::CodeFromNewerApp));
    }
    let workshop_id = Id(u128::from_be_bytes(r.array().ok_or_else(broken)?));
    let id = Id(u128::from_be_bytes(r.array().ok_or_else(broken)?));
    let updated_at = Timestamp(i64::from_be_bytes(r.array().ok_or_else(broken)?));
    let role = *Role::ALL
        .get(r.u8().ok_or_else(broken)? as usize)
        .ok_or_else(broken)?;
    let participant = r.text().ok_or_else(broken)?;
    let kinds = r.u8().ok_or_else(broken)?;
    let mut allocations = std::collections::BTreeMap::new();
    for _ in 0..kinds {
        let kind_id = r.text().ok_or_else(broken)?;
        let mut bp = [0u32; 5];
        for slot in &mut bp {
            *slot = u32::from(r.u16().ok_or_else(broken)?);
        }
        let mask = r.u8().ok_or_else(broken)?;
        let locked = Area::ALL
            .into_iter()
            .filter(|a| mask & (1 << a.index()) != 0)
            .collect();
        let mut models = std::collections::BTreeMap::new();
        for _ in 0..r.u8().ok_or_else(broken)? {
            let area = Area::from_index(r.u8().ok_or_else(broken)? as usize).ok_or_else(broken)?;
            let mut split = std::collections::BTreeMap::new();
            for _ in 0..r.u8().ok_or_else(broken)? {
                let model_id = r.text().ok_or_else(broken)?;
                split.insert(model_id, u32::from(r.u16().ok_or_else(broken)?));
            }
            models.insert(area, split);
        }
        allocations.insert(
            kind_id,
            KindAllocation {
                areas: AreaShares::from_array(bp),
                locked,
                models,
            },
        );
    }
    let mut partnership = std::collections::BTreeMap::new();
    if layout != LAYOUT_ALLOCATIONS {
        let count = r.u8().ok_or_else(broken)?;
        // One spelling per ballot: no empty section in the second layout
        // (that ballot is written in the first), principles once each and in
        // order.
        let empty_ok = layout >= LAYOUT_NOTES;
        if (count == 0 && !empty_ok) || usize::from(count) > Principle::ALL.len() {
            return Err(broken());
        }
        let mut last = None;
        for _ in 0..count {
            let index = r.u8().ok_or_else(broken)?;
            if last.is_some_and(|l| index <= l) {
                return Err(broken());
            }
            last = Some(index);
            let principle = Principle::from_index(usize::from(index)).ok_or_else(broken)?;
            let rating = Rating::from_score(r.u8().ok_or_else(broken)?).ok_or_else(broken)?;
            partnership.insert(principle, rating);
        }
    }
    let mut notes = Vec::new();
    let mut agrees = std::collections::BTreeSet::new();
    if layout >= LAYOUT_NOTES {
        for _ in 0..r.u8().ok_or_else(broken)? {
            let id = Id(u128::from_be_bytes(r.array().ok_or_else(broken)?));
            let area =
                Area::from_index(usize::from(r.u8().ok_or_else(broken)?)).ok_or_else(broken)?;
            let kind =
                NoteKind::from_index(usize::from(r.u8().ok_or_else(broken)?)).ok_or_else(broken)?;
            let updated_at = Timestamp(i64::from_be_bytes(r.array().ok_or_else(broken)?));
            let text = r.text().ok_or_else(broken)?;
            notes.push(ParticipantNote {
                id,
                area,
                kind,
                text,
                updated_at,
            });
        }
        let mut last: Option<Id> = None;
        for _ in 0..r.u16().ok_or_else(broken)? {
            let id = Id(u128::from_be_bytes(r.array().ok_or_else(broken)?));
            // In increasing order, once each: one spelling per ballot.
            if last.is_some_and(|l| id <= l) {
                return Err(broken());
            }
            last = Some(id);
            agrees.insert(id);
        }
        // A ballot without notes or agreements (or a session) is written
        // in an older layout.
        if layout == LAYOUT_NOTES && notes.is_empty() && agrees.is_empty() {
            return Err(broken());
        }
    }
    let session = if layout == LAYOUT_SESSION {
        Some(Id(u128::from_be_bytes(r.array().ok_or_else(broken)?)))
    } else {
        None
    };
    if r.at != payload.len() {
        return Err(broken());
    }
    Ok(Ballot {
        id,
        workshop_id,
        participant,
        role,
        allocations,
        partnership,
        notes,
        agrees,
        session,
        updated_at,
    })
}
