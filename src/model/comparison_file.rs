//! A comparison of places saved as one file: the decision records compared
//! and the kinds matched by hand, with a published JSON Schema
//! ([`COMPARISON_SCHEMA_PATH`]). Reading one treats each record in it as a
//! file of its own: one that is not valid is listed with where and why, and
//! the others still open, as when the records are picked one by one.

use std::borrow::Cow;
use std::ops::Range;

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

use super::aggregate::{aggregate, KindAggregate};
use super::kind_match::{match_kinds, places_of, KindMapping, KindPair, MappingError};
use super::parse::{not_json, parse_typed, ImportError};
use super::partnership_results::{partnership_results, PartnershipResults};
use super::pretty::pretty;
use super::problem::{Place, SchemaFound};
use super::record::{import_json, DecisionRecord, SCHEMA_VERSION};
use super::rules::MAX_RECORD_BYTES;
use super::text::clip;
use super::workshop::Workshop;

/// The version of the comparison file's JSON shape this app writes and reads.
pub const COMPARISON_SCHEMA_VERSION: u32 = 1;

/// Where the published JSON Schema of [`COMPARISON_SCHEMA_VERSION`] is
/// served, relative to the app.
pub const COMPARISON_SCHEMA_PATH: &str = "schema/comparison.v1.json";

/// A saved comparison: the decision records compared, whole, and the kinds
/// matched by hand. The comparison itself is derived again on opening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ComparisonFile {
    /// 1 for this shape.
    pub schema_version: u32,
    /// The app that wrote it.
    #[serde(default)]
    pub generator: String,
    /// The decision records compared, each as its own file would hold it
    /// (any version this app reads).
    pub records: Vec<DecisionRecord>,
    /// The kinds matched by hand, earliest first (see `KindMapping`).
    #[serde(default)]
    pub mapping: KindMapping,
}

/// Why part of a comparison file did not open. The rest did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ComparisonProblem {
    /// A record that is not valid (its place is prefixed `records[i].`).
    Record {
        /// Its position in the file's `records`, from 0.
        index: usize,
        /// What is wrong, and where.
        error: ImportError,
    },
    /// A kind matched by hand that does not hold for the records that opened.
    Mapping {
        /// Its position in the file's `mapping`, from 0.
        index: usize,
        /// The match.
        pair: KindPair,
        /// Why it does not hold.
        error: MappingError,
    },
}

impl ComparisonProblem {
    /// Where in the file the problem is.
    pub fn place(&self) -> Place {
        match self {
            ComparisonProblem::Record {
                error: ImportError::Shape { path, .. } | ImportError::Invalid { path, .. },
                ..
            } => path.clone(),
            ComparisonProblem::Record { index, .. } => Place::Path(format!("records[{index}]")),
            ComparisonProblem::Mapping { index, .. } => Place::Path(format!("mapping[{index}]")),
        }
    }
}

impl std::fmt::Display for ComparisonProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // These say where already.
            ComparisonProblem::Record {
                error: error @ (ImportError::Shape { .. } | ImportError::Invalid { .. }),
                ..
            } => write!(f, "{error}"),
            ComparisonProblem::Record { error, .. } => write!(f, "At {}: {error}", self.place()),
            ComparisonProblem::Mapping { error, .. } => {
                write!(f, "At {}: {error}.", self.place())
            }
        }
    }
}

/// What opened from a comparison file (or a lone decision record).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenedComparison {
    /// The records that are valid, in the file's order.
    pub records: Vec<Workshop>,
    /// The kinds matched by hand that hold for them.
    pub mapping: KindMapping,
    /// What did not open, in the file's order (records, then the mapping).
    pub problems: Vec<ComparisonProblem>,
}

/// A comparison as pretty JSON: each place once (copies of one workshop
/// merged) in date order, with its aggregates freshly derived as in its own
/// record, and the matches made by hand.
pub fn export_comparison_json(records: &[Workshop], mapping: &KindMapping) -> String {
    // Borrowed mirrors of `ComparisonFile` and `DecisionRecord`, field for
    // field, so 20,000 ballots are written without being copied first.
    #[derive(Serialize)]
    struct RecordOut<'a> {
        schema_version: u32,
        generator: &'a str,
        workshop: &'a Workshop,
        aggregates: Vec<KindAggregate>,
        partnership_results: PartnershipResults,
    }
    #[derive(Serialize)]
    struct FileOut<'a> {
        schema_version: u32,
        generator: &'a str,
        records: Vec<RecordOut<'a>>,
        mapping: &'a KindMapping,
    }
    let generator = format!("Co-produce {}", env!("CARGO_PKG_VERSION"));
    let places = places_of(records);
    let file = FileOut {
        schema_version: COMPARISON_SCHEMA_VERSION,
        generator: &generator,
        records: places
            .iter()
            .map(|w| RecordOut {
                schema_version: SCHEMA_VERSION,
                generator: &generator,
                workshop: w,
                aggregates: aggregate(w),
                partnership_results: partnership_results(w),
            })
            .collect(),
        mapping,
    };
    let mut text = pretty(&serde_json::to_string(&file).unwrap_or_default());
    text.push('\n');
    text
}

/// Opens a comparison file from untrusted text: every record in it is read
/// and checked as [`import_json`] reads a record, and those that are valid
/// open while the others are listed with what is wrong and where. A lone
/// decision record opens as a comparison of one, so a screen can take
/// either. Only a file that is not a comparison at all (not JSON, another
/// version, a wrong shape outside the records, too large) is refused whole.
pub fn import_comparison_json(text: &str) -> Result<OpenedComparison, ImportError> {
    if text.len() > MAX_RECORD_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            limit: MAX_RECORD_BYTES,
        });
    }
    // serde also reads a struct from a list of its fields in order; a
    // comparison file is an object, as its schema says, and the records are
    // found by their key.
    let is_object = text.trim_start().starts_with('{');
    // The file's outline, records unread: one quick pass over a good file.
    let outline = match parse_typed::<Outline>(text) {
        Ok(outline) if is_object && outline.schema_version == COMPARISON_SCHEMA_VERSION => outline,
        tried => return other_than_a_comparison(text, is_object, tried.err()),
    };
    let spans = record_spans(text);
    let texts: Vec<Cow<'_, str>> = if spans.len() == outline.records.len() {
        spans
            .into_iter()
            .map(|span| Cow::Borrowed(text.get(span).unwrap_or_default()))
            .collect()
    } else {
        // Never expected (serde and the scan read the same JSON), but should
        // they ever disagree, read the records the slow way rather than lose one.
        #[derive(Deserialize)]
        struct Records {
            records: Vec<serde_json::Value>,
        }
        let all: Records = parse_typed(text)?;
        all.records
            .iter()
            .map(|v| Cow::Owned(v.to_string()))
            .collect()
    };

    let mut opened = OpenedComparison::default();
    for (index, record) in texts.iter().enumerate() {
        match import_json(record) {
            Ok(w) => opened.records.push(w),
            Err(error) => opened.problems.push(ComparisonProblem::Record {
                index,
                error: within_record(index, error),
            }),
        }
    }
    // Refused matches come in the mapping's order, so one walk pairs them up.
    let mut refused = match_kinds(&opened.records, &outline.mapping)
        .refused
        .into_iter()
        .peekable();
    for (index, pair) in outline.mapping.pairs.into_iter().enumerate() {
        match refused.next_if(|r| r.pair == pair) {
            Some(r) => opened.problems.push(ComparisonProblem::Mapping {
                index,
                pair,
                error: r.error,
            }),
            None => opened.mapping.pairs.push(pair),
        }
    }
    Ok(opened)
}

/// The file's outline: what is read of a comparison file before its
/// records, each of which is then read on its own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Outline {
    schema_version: u32,
    #[serde(default)]
    #[allow(dead_code)]
    generator: IgnoredAny,
    records: Vec<IgnoredAny>,
    #[serde(default)]
    mapping: KindMapping,
}

/// A file whose outline is not a comparison's: a lone decision record
/// (opened as a comparison of one), or why it is refused. A record or a file
/// of another version is named as such rather than refused for a field this
/// version lacks; otherwise the outline's own error says where it is wrong.
fn other_than_a_comparison(
    text: &str,
    is_object: bool,
    outline_error: Option<ImportError>,
) -> Result<OpenedComparison, ImportError> {
    #[derive(Deserialize)]
    struct Peek {
        schema_version: Option<serde_json::Value>,
        records: Option<IgnoredAny>,
        workshop: Option<IgnoredAny>,
    }
    let peek = match serde_json::from_str::<Peek>(text) {
        Ok(peek) => Some(peek),
        // JSON, but not an object.
        Err(e) if e.is_data() => None,
        Err(e) => return Err(not_json(e)),
    };
    let Some(peek) = peek.filter(|_| is_object) else {
        return Err(ImportError::WrongSchema {
            found: SchemaFound::NoVersion,
        });
    };
    if peek.records.is_none() && peek.workshop.is_some() {
        return import_json(text).map(|w| OpenedComparison {
            records: vec![w],
            ..OpenedComparison::default()
        });
    }
    let found = match peek.schema_version {
        Some(v) if v.as_u64() == Some(u64::from(COMPARISON_SCHEMA_VERSION)) => {
            return Err(outline_error.unwrap_or(ImportError::WrongSchema {
                found: SchemaFound::NoVersion,
            }))
        }
        Some(v) => SchemaFound::Version {
            found: clip(&v.to_string(), 20),
            oldest: COMPARISON_SCHEMA_VERSION,
            newest: COMPARISON_SCHEMA_VERSION,
        },
        None => SchemaFound::NoVersion,
    };
    Err(ImportError::WrongSchema { found })
}

/// A record's error with its place inside the comparison file.
fn within_record(index: usize, error: ImportError) -> ImportError {
    let inside = |place: Place| match place {
        Place::Path(path) => Place::Path(format!("records[{index}].{path}")),
        Place::TopLevel => Place::Path(format!("records[{index}]")),
        other => other,
    };
    match error {
        ImportError::Shape { path, reason } => ImportError::Shape {
            path: inside(path),
            reason,
        },
        ImportError::Invalid { path, reason } => ImportError::Invalid {
            path: inside(path),
            reason,
        },
        other => other,
    }
}

/// Where each element of the top-level object's `records` list lies in
/// `text`, which serde has read as JSON already: each record is then read
/// from its own slice, with no tree of the whole file in memory.
fn record_spans(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    // 1 inside the top-level object, 2 inside a list or object in it, …
    let mut depth = 0usize;
    let mut key: Option<String> = None;
    let mut expecting_key = false;
    let mut in_records = false;
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Directly inside the records list: a byte here starts or ends a record.
        let in_list = in_records && depth == 2;
        match b {
            b'"' => {
                let end = string_end(bytes, i);
                if depth == 1 && expecting_key {
                    // Decoded, so an escaped key reads as serde read it.
                    key = text
                        .get(i..end)
                        .and_then(|k| serde_json::from_str::<String>(k).ok());
                    expecting_key = false;
                } else if in_list && start.is_none() {
                    start = Some(i);
                }
                i = end;
                continue;
            }
            b'{' | b'[' => {
                if in_list && start.is_none() {
                    start = Some(i);
                }
                depth += 1;
                if depth == 1 {
                    expecting_key = b == b'{';
                } else if depth == 2 && b == b'[' && key.as_deref() == Some("records") {
                    in_records = true;
                }
            }
            b'}' | b']' => {
                if in_list {
                    // The end of the records list.
                    if let Some(s) = start.take() {
                        spans.push(s..trim_end(bytes, s, i));
                    }
                    in_records = false;
                }
                depth = depth.saturating_sub(1);
            }
            b',' => {
                if depth == 1 {
                    expecting_key = true;
                    key = None;
                }
                if in_list {
                    if let Some(s) = start.take() {
                        spans.push(s..trim_end(bytes, s, i));
                    }
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' | b':' => {}
            // A number, true, false or null.
            _ => {
                if in_list && start.is_none() {
                    start = Some(i);
                }
            }
        }
        i += 1;
    }
    spans
}

/// Just after the closing quote of the string that opens at `from`.
fn string_end(bytes: &[u8], from: usize) -> usize {
    let mut j = from + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b'"' => return j + 1,
            _ => j += 1,
        }
    }
    bytes.len()
}

/// `end` moved back over white space, not before `start`.
fn trim_end(bytes: &[u8], start: usize, mut end: usize) -> usize {
    while end > start && bytes[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    end
}
