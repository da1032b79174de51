//! The decision record: the exported JSON, and the importer that treats every
//! file as untrusted: parse, check, and either accept all of it or nothing.

use serde::{Deserialize, Serialize};

use super::aggregate::{aggregate, KindAggregate};
use super::parse::{not_json, parse_typed, ImportError};
use super::pretty::pretty;
use super::rules::validate;
// Its old path, kept for callers; the limit lives in rules.rs.
pub use super::rules::MAX_RECORD_BYTES;
use super::text::clip;
use super::workshop::Workshop;

/// The version of the record's JSON shape this app reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

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
    /// Per resource kind: baseline, mean, median, spread and fair split, overall and per role.
    pub aggregates: Vec<KindAggregate>,
}

/// The record of a workshop as pretty JSON, with aggregates freshly derived.
pub fn export_json(workshop: &Workshop) -> String {
    let record = DecisionRecord {
        schema_version: SCHEMA_VERSION,
        generator: format!("Co-produce {}", env!("CARGO_PKG_VERSION")),
        workshop: workshop.clone(),
        aggregates: aggregate(workshop),
    };
    let mut text = pretty(&serde_json::to_string(&record).unwrap_or_default());
    text.push('\n');
    text
}

/// The record as this device keeps it in storage and sends it to its other
/// windows: compact, and with no aggregates. They are derived from the ballots,
/// and every reader recomputes them ([`import_json`] reads this like a file),
/// so computing and writing them on every slider tick was wasted work; only a
/// file a person takes away ([`export_json`]) carries them.
pub fn working_copy_json(workshop: &Workshop) -> String {
    #[derive(Serialize)]
    struct WorkingCopy<'a> {
        schema_version: u32,
        generator: &'static str,
        workshop: &'a Workshop,
        aggregates: [(); 0],
    }
    serde_json::to_string(&WorkingCopy {
        schema_version: SCHEMA_VERSION,
        generator: concat!("Co-produce ", env!("CARGO_PKG_VERSION")),
        workshop,
        aggregates: [],
    })
    .unwrap_or_default()
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
    match version {
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
    let record: DecisionRecord = parse_typed(text)?;
    validate(&record.workshop)?;
    Ok(record.workshop)
}
