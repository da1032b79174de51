//! Typed parsing of untrusted JSON, and [`ImportError`]: why a file, code or
//! message was refused, with where in it the problem is. Every reader of
//! outside text (records, ballots, join links, the catalogue, live messages)
//! parses through here, so each refusal reads the same.

use serde::de::DeserializeOwned;

use super::json_problem::{ShapeProblem, SyntaxProblem};
use super::problem::{Place, Problem, SchemaFound};

/// Why a file was not imported, with where in it the problem is. Every part
/// is data, so the screens word it in each language; `Display` is English.
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
    /// The browser could not give the file's text.
    Unreadable,
    /// The text is not JSON.
    NotJson {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong there.
        reason: SyntaxProblem,
    },
    /// JSON, but not a Co-produce decision record of a version this app reads.
    WrongSchema {
        /// What was found instead.
        found: SchemaFound,
    },
    /// A value has the wrong shape or type (where, and what is wrong).
    Shape {
        /// Where: a JSON path, e.g. `workshop.ballots[2].role`.
        path: Place,
        /// What is wrong there.
        reason: ShapeProblem,
    },
    /// The shape is right but a rule is broken (where, and which rule).
    Invalid {
        /// Where: a JSON path, e.g. `workshop.kinds[0].baseline`, or a whole
        /// code, link or stored piece.
        path: Place,
        /// Which rule is broken.
        reason: Problem,
    },
}

impl ImportError {
    /// A broken rule at a place.
    pub(crate) fn invalid(path: impl Into<Place>, reason: Problem) -> ImportError {
        ImportError::Invalid {
            path: path.into(),
            reason,
        }
    }
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
            ImportError::Unreadable => f.write_str("The browser could not read the file."),
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
            ImportError::Shape { path, reason } => write!(f, "At {path}: {reason}."),
            ImportError::Invalid { path, reason } => write!(f, "At {path}: {reason}."),
        }
    }
}

impl std::error::Error for ImportError {}

/// Parses JSON into a typed value, reporting syntax errors by line and column
/// and shape errors by JSON path.
///
/// One pass straight from the text: no intermediate `serde_json::Value` and no
/// path-tracking deserializer, whose copies of every type's reader were a large
/// part of the app's download. The path is found only when something is wrong,
/// by [`json_path_at`] walking the text up to where serde stopped.
pub(crate) fn parse_typed<T: DeserializeOwned>(text: &str) -> Result<T, ImportError> {
    serde_json::from_str(text).map_err(|e| refusal(text, e))
}

/// Why serde refused `text`: a syntax error by line and column, a shape
/// error by the JSON path of the value it was reading.
pub(crate) fn refusal(text: &str, e: serde_json::Error) -> ImportError {
    if !e.is_data() {
        return not_json(e);
    }
    let path = json_path_at(text, e.line(), e.column());
    ImportError::Shape {
        path: if path.is_empty() {
            Place::TopLevel
        } else {
            Place::Path(path)
        },
        reason: ShapeProblem::of(&strip_position(&e.to_string())),
    }
}

/// A syntax error, by line and column.
pub(crate) fn not_json(e: serde_json::Error) -> ImportError {
    ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        reason: SyntaxProblem::of(&e, &strip_position(&e.to_string())),
    }
}

/// serde_json appends " at line L column C"; the error gives those separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Where the walk through the text is, one level of nesting.
enum Level {
    /// Inside an object: the key whose value is being read, if any.
    Object {
        key: Option<String>,
        value_next: bool,
    },
    /// Inside an array: the index of the element being read, once one starts.
    Array { index: usize, started: bool },
}

/// The JSON path (`workshop.ballots[2].role`; empty at the top level) of
/// what is being read at 1-based `line` and `column` (serde_json's position
/// of an error: the last byte it read). The text is valid JSON up to there,
/// since serde only reports a shape error after reading it.
pub(crate) fn json_path_at(text: &str, line: usize, column: usize) -> String {
    let bytes = text.as_bytes();
    let end = end_offset(bytes, line, column);
    let mut levels: Vec<Level> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => {
                start_value(&mut levels);
                levels.push(Level::Object {
                    key: None,
                    value_next: false,
                });
            }
            b'[' => {
                start_value(&mut levels);
                levels.push(Level::Array {
                    index: 0,
                    started: false,
                });
            }
            b'}' | b']' => {
                levels.pop();
            }
            b',' => match levels.last_mut() {
                Some(Level::Object { key, value_next }) => {
                    *key = None;
                    *value_next = false;
                }
                Some(Level::Array { index, started }) => {
                    *index += 1;
                    *started = false;
                }
                None => {}
            },
            b':' => {
                if let Some(Level::Object { value_next, .. }) = levels.last_mut() {
                    *value_next = true;
                }
            }
            b'"' => {
                let (contents, next) = string_at(bytes, i + 1, end);
                match levels.last_mut() {
                    Some(Level::Object {
                        key,
                        value_next: false,
                    }) => *key = Some(contents),
                    _ => start_value(&mut levels),
                }
                i = next;
                continue;
            }
            b' ' | b'\t' | b'\n' | b'\r' => {}
            // A number, true, false or null.
            _ => start_value(&mut levels),
        }
        i += 1;
    }
    // serde names a value of the wrong type before reading it (its position is
    // the byte before): a value starting next is the one being read.
    let next = bytes[end..].iter().find(|b| !b.is_ascii_whitespace());
    if next.is_some_and(|b| !matches!(b, b',' | b']' | b'}' | b':')) {
        start_value(&mut levels);
    }
    let mut path = String::new();
    for level in &levels {
        match level {
            Level::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Level::Array {
                index,
                started: true,
            } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            _ => {}
        }
    }
    path
}

/// Marks that a value starts in the array being read (objects know from their key).
fn start_value(levels: &mut [Level]) {
    if let Some(Level::Array { started, .. }) = levels.last_mut() {
        *started = true;
    }
}

/// The byte just after serde's error position (1-based line and column).
fn end_offset(bytes: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(n) => start += n + 1,
            None => return bytes.len(),
        }
    }
    (start + column).min(bytes.len())
}

/// A string's contents from just after its opening quote, and the index just
/// after its closing quote (or `end`). Escapes are kept as written, except
/// `\"` and `\\`: paths only need to be readable.
fn string_at(bytes: &[u8], from: usize, end: usize) -> (String, usize) {
    let mut out = Vec::new();
    let mut i = from;
    while i < end {
        match bytes[i] {
            b'"' => return (String::from_utf8_lossy(&out).into_owned(), i + 1),
            b'\\' if i + 1 < end => {
                let next = bytes[i + 1];
                if next != b'"' && next != b'\\' {
                    out.push(b'\\');
                }
                out.push(next);
                i += 2;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    (String::from_utf8_lossy(&out).into_owned(), end)
}
