//! Typed parsing of untrusted JSON, and [`ImportError`]: why a file, code or
//! message was refused, with where in it the problem is. Every reader of
//! outside text (records, ballots, join links, the catalogue, live messages)
//! parses through here, so each refusal reads the same.

use serde::de::DeserializeOwned;

use super::text::clip;

/// Why a file was not imported, with where in it the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file is larger than the importer reads
    /// ([`MAX_RECORD_BYTES`](super::rules::MAX_RECORD_BYTES)).
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
        /// The most that is read, in bytes.
        limit: usize,
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
            ImportError::TooLarge { bytes, limit } => write!(
                f,
                "The file is too large ({} MB). The most this app reads is {} MB.",
                bytes / (1024 * 1024),
                limit / (1024 * 1024)
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
pub(crate) fn not_json(e: serde_json::Error) -> ImportError {
    ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        reason: strip_position(&e.to_string()),
    }
}

/// A shape error, by JSON path ("the top level" rather than serde's ".").
pub(crate) fn shape_error(e: serde_path_to_error::Error<serde_json::Error>) -> ImportError {
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
