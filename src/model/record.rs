//! The decision record: the exported JSON, and the importer that treats every
//! file as untrusted: parse, check, and either accept all of it or nothing.

use std::collections::BTreeSet;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::aggregate::{aggregate, KindAggregate};
use super::area::AreaShares;
use super::resource::{Unit, MAX_TOTAL};
use super::text::clip;
use super::time::parse_date;
use super::workshop::{model_split_is_whole, Ballot, Workshop};

/// The version of the record's JSON shape this app reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Largest file the importer reads, in bytes.
pub const MAX_RECORD_BYTES: usize = 20 * 1024 * 1024;

/// Most ballots a record may hold.
pub const MAX_BALLOTS: usize = 100_000;

/// The whole workshop as exported: its set-up, notes, ballots and agreed
/// decision, with the aggregates derived from the ballots for readers that
/// cannot compute them (they are recomputed on import, never trusted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DecisionRecord {
    /// Always 1 for this shape.
    pub schema_version: u32,
    /// The app that wrote it.
    pub generator: String,
    /// The workshop, its ballots and agreed decision.
    pub workshop: Workshop,
    /// Per resource kind: baseline, mean, median and spread, overall and per role.
    pub aggregates: Vec<KindAggregate>,
}

/// Why a file was not imported, with where in it the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file is larger than [`MAX_RECORD_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// The text is not JSON.
    NotJson {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong there.
        reason: String,
    },
    /// JSON, but not a Co-produce decision record of a version this app reads.
    WrongSchema {
        /// What was found instead.
        found: String,
    },
    /// A value has the wrong shape or type (JSON path and what is wrong).
    Shape {
        /// JSON path, e.g. `workshop.ballots[2].role`.
        path: String,
        /// What is wrong there.
        reason: String,
    },
    /// The shape is right but a rule is broken (JSON path and which rule).
    Invalid {
        /// JSON path, e.g. `workshop.kinds[0].baseline`.
        path: String,
        /// Which rule is broken.
        reason: String,
    },
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "The file is too large ({} MB). The most this app reads is {} MB.",
                bytes / (1024 * 1024),
                MAX_RECORD_BYTES / (1024 * 1024)
            ),
            ImportError::NotJson {
                line,
                column,
                reason,
            } => {
                write!(
                    f,
                    "This is not a JSON file: line {line}, column {column}: {reason}."
                )
            }
            ImportError::WrongSchema { found } => write!(
                f,
                "This is not a Co-produce decision record this app can read ({found})."
            ),
            ImportError::Shape { path, reason } | ImportError::Invalid { path, reason } => {
                write!(f, "At {path}: {reason}.")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Parses JSON into a typed value, reporting syntax errors by line and column
/// and shape errors by JSON path.
pub(crate) fn parse_typed<T: DeserializeOwned>(text: &str) -> Result<T, ImportError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(not_json)?;
    serde_path_to_error::deserialize(value).map_err(shape_error)
}

/// A syntax error, by line and column.
fn not_json(e: serde_json::Error) -> ImportError {
    ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        reason: strip_position(&e.to_string()),
    }
}

/// A shape error, by JSON path ("the top level" rather than serde's ".").
fn shape_error(e: serde_path_to_error::Error<serde_json::Error>) -> ImportError {
    let path = e.path().to_string();
    ImportError::Shape {
        path: if path == "." {
            "the top level".into()
        } else {
            path
        },
        reason: clip(&e.into_inner().to_string(), 200),
    }
}

/// serde_json appends " at line L column C"; the message gives those separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// The record of a workshop as pretty JSON, with aggregates freshly derived.
pub fn export_json(workshop: &Workshop) -> String {
    let record = DecisionRecord {
        schema_version: SCHEMA_VERSION,
        generator: format!("Co-produce {}", env!("CARGO_PKG_VERSION")),
        workshop: workshop.clone(),
        aggregates: aggregate(workshop),
    };
    let mut text = serde_json::to_string_pretty(&record).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads a decision record from untrusted text. On success the workshop is
/// complete and valid; the file's aggregates are ignored (they are derived).
pub fn import_json(text: &str) -> Result<Workshop, ImportError> {
    if text.len() > MAX_RECORD_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(not_json)?;
    match value.get("schema_version") {
        Some(v) if v.as_u64() == Some(u64::from(SCHEMA_VERSION)) => {}
        Some(v) => {
            return Err(ImportError::WrongSchema {
                found: format!(
                    "schema_version is {}, this app reads {SCHEMA_VERSION}",
                    clip(&v.to_string(), 20)
                ),
            })
        }
        None => {
            return Err(ImportError::WrongSchema {
                found: "it has no schema_version".into(),
            })
        }
    }
    let record: DecisionRecord = serde_path_to_error::deserialize(value).map_err(shape_error)?;
    validate(&record.workshop)?;
    Ok(record.workshop)
}

fn invalid(path: impl Into<String>, reason: impl Into<String>) -> ImportError {
    ImportError::Invalid {
        path: path.into(),
        reason: reason.into(),
    }
}

fn check_text(path: &str, text: &str, max_chars: usize, required: bool) -> Result<(), ImportError> {
    if required && text.trim().is_empty() {
        return Err(invalid(path, "this must not be empty"));
    }
    if text.chars().count() > max_chars {
        return Err(invalid(
            path,
            format!("this is longer than {max_chars} characters"),
        ));
    }
    Ok(())
}

fn check_shares(path: &str, shares: AreaShares) -> Result<(), ImportError> {
    shares.validate().map_err(|reason| invalid(path, reason))
}

/// Longest name, place or participant name accepted.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest note accepted.
pub const MAX_NOTE_CHARS: usize = 5_000;

/// Checks every rule a workshop must keep; the first broken one is reported
/// with its JSON path (relative to the record).
pub fn validate(w: &Workshop) -> Result<(), ImportError> {
    check_text("workshop.name", &w.name, MAX_NAME_CHARS, false)?;
    check_text("workshop.place", &w.place, MAX_NAME_CHARS, false)?;
    if parse_date(&w.date).is_none() {
        return Err(invalid(
            "workshop.date",
            format!(
                "`{}` is not a date in the form 2026-11-25",
                clip(&w.date, 30)
            ),
        ));
    }
    check_text("workshop.catalogue.id", &w.catalogue.id, 100, true)?;
    check_text(
        "workshop.catalogue.version",
        &w.catalogue.version,
        100,
        true,
    )?;
    if w.kinds.is_empty() || w.kinds.len() > 12 {
        return Err(invalid(
            "workshop.kinds",
            "a workshop needs between 1 and 12 resource kinds",
        ));
    }
    let mut kind_ids = BTreeSet::new();
    for (i, k) in w.kinds.iter().enumerate() {
        let p = format!("workshop.kinds[{i}]");
        let id_ok = !k.id.is_empty()
            && k.id.len() <= 40
            && k.id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !id_ok {
            return Err(invalid(
                format!("{p}.id"),
                "an id is 1 to 40 lowercase letters, digits or _",
            ));
        }
        if !kind_ids.insert(k.id.as_str()) {
            return Err(invalid(
                format!("{p}.id"),
                format!("the id `{}` is used twice", k.id),
            ));
        }
        check_text(&format!("{p}.name"), &k.name, 80, true)?;
        if let Unit::Count { noun } = &k.unit {
            check_text(&format!("{p}.unit.noun"), noun, 40, true)?;
        }
        if !(0..=MAX_TOTAL).contains(&k.total) {
            return Err(invalid(
                format!("{p}.total"),
                "a total must be between 0 and 10^15",
            ));
        }
        check_shares(&format!("{p}.baseline"), k.baseline)?;
        if k.projected.len() > 10 {
            return Err(invalid(
                format!("{p}.projected"),
                "at most 10 projected years",
            ));
        }
        for (j, t) in k.projected.iter().enumerate() {
            if !(0..=MAX_TOTAL).contains(t) {
                return Err(invalid(
                    format!("{p}.projected[{j}]"),
                    "a total must be between 0 and 10^15",
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
            if items.len() > 200 {
                return Err(invalid(format!("{p}.{list}"), "at most 200 items"));
            }
            for (j, item) in items.iter().enumerate() {
                check_text(&format!("{p}.{list}[{j}]"), item, MAX_NOTE_CHARS, true)?;
            }
        }
    }
    if w.ballots.len() > MAX_BALLOTS {
        return Err(invalid(
            "workshop.ballots",
            format!("at most {MAX_BALLOTS} ballots"),
        ));
    }
    let mut ballot_ids = BTreeSet::new();
    for (i, b) in w.ballots.iter().enumerate() {
        let p = format!("workshop.ballots[{i}]");
        if !ballot_ids.insert(b.id) {
            return Err(invalid(
                format!("{p}.id"),
                format!("the ballot id {} is used twice", b.id),
            ));
        }
        check_ballot(w, b, &p)?;
    }
    for (i, id) in w.removed_ballots.iter().enumerate() {
        if w.removed_ballots[..i].contains(id) || ballot_ids.contains(id) {
            return Err(invalid(
                format!("workshop.removed_ballots[{i}]"),
                "a removed ballot is listed twice or is still in the workshop",
            ));
        }
    }
    if w.room.revealed.windows(2).any(|w| w[0] >= w[1]) {
        return Err(invalid(
            "workshop.room.revealed",
            "revealed areas must be listed once each, in area order",
        ));
    }
    if let Some(d) = &w.agreed_decision {
        for (kind_id, shares) in &d.shares {
            let p = format!("workshop.agreed_decision.shares.{}", clip(kind_id, 40));
            if !kind_ids.contains(kind_id.as_str()) {
                return Err(invalid(p, "this is not a resource kind of the workshop"));
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

/// Checks one ballot against its workshop: same workshop id, a name, known
/// resource kinds and splits that add up to 100%. `p` is its JSON path.
pub fn check_ballot(w: &Workshop, b: &Ballot, p: &str) -> Result<(), ImportError> {
    // Paths are only formatted on failure: gathering thousands of good ballots stays quick.
    if b.workshop_id != w.id {
        return Err(invalid(
            format!("{p}.workshop_id"),
            format!(
                "this ballot belongs to another workshop ({})",
                b.workshop_id.short()
            ),
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
    for (kind_id, a) in &b.allocations {
        let pa = || format!("{p}.allocations.{}", clip(kind_id, 40));
        if w.kind(kind_id).is_none() {
            return Err(invalid(pa(), "this is not a resource kind of the workshop"));
        }
        if a.areas.validate().is_err() {
            check_shares(&format!("{}.areas", pa()), a.areas)?;
        }
        if a.locked.windows(2).any(|w| w[0] >= w[1]) {
            return Err(invalid(
                format!("{}.locked", pa()),
                "locked areas must be listed once each, in area order",
            ));
        }
        for (area, split) in &a.models {
            let pm = || format!("{}.models.{}", pa(), area.id());
            if !model_split_is_whole(split) {
                return Err(invalid(pm(), "the models of an area must add up to 100%"));
            }
            if split.keys().any(|id| id.is_empty() || id.len() > 60) {
                return Err(invalid(pm(), "a model id is 1 to 60 characters"));
            }
        }
    }
    Ok(())
}
