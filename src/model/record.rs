//! The decision record: the exported JSON, and the importer that treats every
//! file as untrusted: parse, check, and either accept all of it or nothing.

use serde::{Deserialize, Serialize};

use super::aggregate::{aggregate, KindAggregate};
use super::parse::{not_json, parse_typed, ImportError};
use super::partnership_results::{partnership_results, PartnershipResults};
use super::pretty::pretty;
use super::problem::{LaterPart, Problem, SchemaFound, VersionedFile};
use super::rules::validate;
// Its old path, kept for callers; the limit lives in rules.rs.
pub use super::rules::MAX_RECORD_BYTES;
use super::text::clip;
use super::workshop::{Ballot, Workshop};

/// The version of the record's JSON shape this app writes. Version 2 added
/// the partnership check (ballots' `partnership`, the workshop's
/// `partnership_check`, the derived `partnership_results`); version 3
/// participants' own notes and agreements (ballots' `notes` and `agrees`) and
/// the facilitator's moderation of them (the workshop's `moderation`);
/// version 4 combined workshops (the workshop's `sessions`, each ballot's
/// `session`). Every field they added is optional on the way in, so a
/// version 1, 2 or 3 file reads as it always did.
pub const SCHEMA_VERSION: u32 = 4;

/// The version that added participants' notes, their moderation, removed
/// kinds and a cleared decision.
pub const NOTES_SCHEMA_VERSION: u32 = 3;

/// The version that added the partnership check.
pub const PARTNERSHIP_SCHEMA_VERSION: u32 = 2;

/// The oldest version of the record this app still reads.
pub const OLDEST_SCHEMA_VERSION: u32 = 1;

/// Where the published JSON Schema of [`SCHEMA_VERSION`] is served, relative
/// to the app (each version keeps its own file, so older files' readers
/// still find theirs).
pub const SCHEMA_PATH: &str = "schema/decision-record.v4.json";

/// The whole workshop as exported: its set-up, notes, ballots and agreed
/// decision, with the aggregates derived from the ballots for readers that
/// cannot compute them (they are recomputed on import, never trusted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DecisionRecord {
    /// 4 for this shape (3 for files written before combined workshops, 2
    /// before participants' notes, 1 before the partnership check).
    pub schema_version: u32,
    /// The app that wrote it.
    pub generator: String,
    /// The workshop, its ballots and agreed decision.
    pub workshop: Workshop,
    /// Per resource kind: baseline, mean, median, spread and fair split, overall and per role.
    pub aggregates: Vec<KindAggregate>,
    /// The partnership check per principle, overall and per role, and the
    /// biggest gap between roles. Derived like the aggregates (absent in
    /// version 1 files, recomputed on import).
    #[serde(default)]
    pub partnership_results: PartnershipResults,
}

/// The record of a workshop as pretty JSON, with aggregates freshly derived.
pub fn export_json(workshop: &Workshop) -> String {
    let record = DecisionRecord {
        schema_version: SCHEMA_VERSION,
        generator: format!("Co-produce {}", env!("CARGO_PKG_VERSION")),
        workshop: workshop.clone(),
        aggregates: aggregate(workshop),
        partnership_results: partnership_results(workshop),
    };
    let mut text = pretty(&serde_json::to_string(&record).unwrap_or_default());
    text.push('\n');
    text
}

/// The record as this device keeps it in storage and sends it to its other
/// windows: compact, and with no aggregates. They are derived from the ballots,
/// and every reader recomputes them ([`import_json`] reads this like a file),
/// so computing and writing them on every slider tick was wasted work; only a
/// file a person takes away ([`export_json`]) carries them. Its version is
/// the oldest that holds the workshop (see `version_needed`).
pub fn working_copy_json(workshop: &Workshop) -> String {
    #[derive(Serialize)]
    struct WorkingCopy<'a> {
        schema_version: u32,
        generator: &'static str,
        workshop: &'a Workshop,
        aggregates: [(); 0],
    }
    serde_json::to_string(&WorkingCopy {
        schema_version: version_needed(workshop),
        generator: concat!("Co-produce ", env!("CARGO_PKG_VERSION")),
        workshop,
        aggregates: [],
    })
    .unwrap_or_default()
}

/// The oldest version that holds everything in the workshop. A working copy
/// of a workshop that uses neither the partnership check nor participants'
/// notes says version 1 and is then exactly what it was before, so a window
/// still running an older app (open since before an update) keeps reading
/// this one's changes; one with ratings but no notes says version 2.
fn version_needed(w: &Workshop) -> u32 {
    let ballots = w.ballots.iter().map(ballot_version).max();
    // Moderation, the wall, removed kinds and a cleared decision came with version 3.
    let moderation = if w.moderation.is_default()
        && !w.room.uses_words()
        && w.removed_kinds.is_empty()
        && w.decision_cleared_at.is_none()
    {
        OLDEST_SCHEMA_VERSION
    } else {
        NOTES_SCHEMA_VERSION
    };
    // Sessions came with version 4.
    let sessions = if w.sessions.is_empty() {
        OLDEST_SCHEMA_VERSION
    } else {
        SCHEMA_VERSION
    };
    let check = if w.partnership_check.is_off() {
        OLDEST_SCHEMA_VERSION
    } else {
        PARTNERSHIP_SCHEMA_VERSION
    };
    ballots
        .unwrap_or(OLDEST_SCHEMA_VERSION)
        .max(moderation)
        .max(sessions)
        .max(check)
}

/// The oldest version that holds a ballot: 4 with a session, 3 with notes
/// or agreements, 2 with partnership ratings, else 1.
pub(crate) fn ballot_version(b: &Ballot) -> u32 {
    if b.session.is_some() {
        SCHEMA_VERSION
    } else if !b.notes.is_empty() || !b.agrees.is_empty() {
        NOTES_SCHEMA_VERSION
    } else if !b.partnership.is_empty() {
        PARTNERSHIP_SCHEMA_VERSION
    } else {
        OLDEST_SCHEMA_VERSION
    }
}

/// What a ballot holds that a file of `version` cannot: its field, what it
/// is, and the version that part needs.
pub(crate) fn newer_than(b: &Ballot, version: u32) -> Option<(&'static str, LaterPart, u32)> {
    if version < SCHEMA_VERSION && b.session.is_some() {
        return Some(("session", LaterPart::Sessions, SCHEMA_VERSION));
    }
    if version < NOTES_SCHEMA_VERSION && !b.notes.is_empty() {
        return Some(("notes", LaterPart::ParticipantsNotes, NOTES_SCHEMA_VERSION));
    }
    if version < NOTES_SCHEMA_VERSION && !b.agrees.is_empty() {
        return Some(("agrees", LaterPart::ParticipantsNotes, NOTES_SCHEMA_VERSION));
    }
    if version < PARTNERSHIP_SCHEMA_VERSION && !b.partnership.is_empty() {
        return Some((
            "partnership",
            LaterPart::PartnershipCheck,
            PARTNERSHIP_SCHEMA_VERSION,
        ));
    }
    None
}

/// Reads a decision record from untrusted text. On success the workshop is
/// complete and valid; the file's aggregates are ignored (they are derived).
pub fn import_json(text: &str) -> Result<Workshop, ImportError> {
    if text.len() > MAX_RECORD_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            limit: MAX_RECORD_BYTES,
        });
    }
    // The version is read first, so a file of another version is named as such
    // rather than refused for a field this version does not know.
    #[derive(Deserialize)]
    struct Version {
        schema_version: Option<serde_json::Value>,
    }
    let version = match serde_json::from_str::<Version>(text) {
        Ok(v) => v.schema_version,
        // JSON, but not an object.
        Err(e) if e.is_data() => None,
        Err(e) => return Err(not_json(e)),
    };
    let known = OLDEST_SCHEMA_VERSION..=SCHEMA_VERSION;
    let version = match version {
        Some(v) => match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) if known.contains(&n) => n,
            _ => {
                return Err(ImportError::WrongSchema {
                    found: SchemaFound::Version {
                        found: clip(&v.to_string(), 20),
                        oldest: OLDEST_SCHEMA_VERSION,
                        newest: SCHEMA_VERSION,
                    },
                })
            }
        },
        None => {
            return Err(ImportError::WrongSchema {
                found: SchemaFound::NoVersion,
            })
        }
    };
    let record: DecisionRecord = parse_typed(text)?;
    refuse_newer_fields(&record.workshop, version)?;
    validate(&record.workshop)?;
    Ok(record.workshop)
}

/// A version 1 record cannot hold the partnership check, which came with
/// version 2, nor one before 3 participants' notes, nor one before 4
/// sessions: one that does was not written by Co-produce, so it is refused
/// rather than read as something it does not claim to be.
fn refuse_newer_fields(w: &Workshop, version: u32) -> Result<(), ImportError> {
    let newer = |path: String, part: LaterPart, needs: u32| {
        ImportError::invalid(
            path,
            Problem::NeedsLaterVersion {
                file: VersionedFile::Record,
                version,
                part,
                needs,
            },
        )
    };
    if version < PARTNERSHIP_SCHEMA_VERSION && !w.partnership_check.is_off() {
        return Err(newer(
            "workshop.partnership_check".into(),
            LaterPart::PartnershipCheck,
            PARTNERSHIP_SCHEMA_VERSION,
        ));
    }
    if version < NOTES_SCHEMA_VERSION && !w.moderation.is_default() {
        return Err(newer(
            "workshop.moderation".into(),
            LaterPart::ParticipantsNotes,
            NOTES_SCHEMA_VERSION,
        ));
    }
    if version < NOTES_SCHEMA_VERSION && w.decision_cleared_at.is_some() {
        return Err(newer(
            "workshop.decision_cleared_at".into(),
            LaterPart::ClearedDecision,
            NOTES_SCHEMA_VERSION,
        ));
    }
    if version < NOTES_SCHEMA_VERSION && !w.removed_kinds.is_empty() {
        return Err(newer(
            "workshop.removed_kinds".into(),
            LaterPart::RemovedKinds,
            NOTES_SCHEMA_VERSION,
        ));
    }
    if version < SCHEMA_VERSION && !w.sessions.is_empty() {
        return Err(newer(
            "workshop.sessions".into(),
            LaterPart::Sessions,
            SCHEMA_VERSION,
        ));
    }
    for (i, b) in w.ballots.iter().enumerate() {
        if let Some((field, part, needs)) = newer_than(b, version) {
            return Err(newer(format!("workshop.ballots[{i}].{field}"), part, needs));
        }
    }
    Ok(())
}
