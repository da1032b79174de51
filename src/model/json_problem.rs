//! serde_json's refusals as values: [`SyntaxProblem`] for text that is not
//! JSON, [`ShapeProblem`] for JSON of the wrong shape. serde_json words its
//! errors in English only, so they are sorted here by their kind and the
//! pieces people need (a field's name, what was expected) kept as data; the
//! screens word the rest. `Display` gives serde_json's English back.

use std::fmt;

use serde_json::error::Category;

use super::text::clip;

/// How an id that is not one is refused while reading (see `id.rs`).
pub(crate) const NOT_AN_ID: &str = "` is not an id of 32 hex digits";
/// How a time that is not one is refused while reading (see `time.rs`).
pub(crate) const NOT_A_TIME: &str = "` is not a time in the form 2026-11-25T14:36:21.123Z";

/// Longest piece of found text kept from a message.
const FOUND_CHARS: usize = 100;
/// Longest message kept whole when it fits no kind.
const MESSAGE_CHARS: usize = 200;

/// Which part of a JSON text was being read when the text ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonPart {
    /// Any value.
    Value,
    /// A list (`[…]`).
    List,
    /// An object (`{…}`).
    Object,
    /// A string (`"…"`).
    Text,
}

/// Why a text is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxProblem {
    /// The text ends in the middle (a file cut short, or empty).
    EndsEarly(JsonPart),
    /// A value was expected (something that is not JSON, e.g. a bare word).
    ExpectedValue,
    /// A `:` was expected after a key.
    ExpectedColon,
    /// A `,` or `]` was expected in a list.
    ExpectedCommaOrListEnd,
    /// A `,` or `}` was expected in an object.
    ExpectedCommaOrObjectEnd,
    /// A key is not in double quotes.
    KeyNotText,
    /// A comma before a closing bracket.
    TrailingComma,
    /// More after the end of the JSON.
    TrailingCharacters,
    /// A number that is not written as JSON writes numbers.
    InvalidNumber,
    /// A number too large to read.
    NumberOutOfRange,
    /// A `\` escape in a string that JSON does not have.
    InvalidEscape,
    /// A control character (a tab, a line break) inside a string.
    ControlCharacter,
    /// Any other syntax error, in serde_json's words.
    Other(String),
}

impl SyntaxProblem {
    /// Sorts a serde_json syntax error by its kind; `message` is its text
    /// without the position.
    pub(crate) fn of(e: &serde_json::Error, message: &str) -> SyntaxProblem {
        if e.classify() == Category::Eof {
            return SyntaxProblem::EndsEarly(match message {
                "EOF while parsing a list" => JsonPart::List,
                "EOF while parsing an object" => JsonPart::Object,
                "EOF while parsing a string" => JsonPart::Text,
                _ => JsonPart::Value,
            });
        }
        match message {
            "expected value" => SyntaxProblem::ExpectedValue,
            "expected `:`" => SyntaxProblem::ExpectedColon,
            "expected `,` or `]`" => SyntaxProblem::ExpectedCommaOrListEnd,
            "expected `,` or `}`" => SyntaxProblem::ExpectedCommaOrObjectEnd,
            "key must be a string" => SyntaxProblem::KeyNotText,
            "trailing comma" => SyntaxProblem::TrailingComma,
            "trailing characters" => SyntaxProblem::TrailingCharacters,
            "invalid number" => SyntaxProblem::InvalidNumber,
            "number out of range" => SyntaxProblem::NumberOutOfRange,
            "invalid escape" => SyntaxProblem::InvalidEscape,
            m if m.starts_with("control character") => SyntaxProblem::ControlCharacter,
            m => SyntaxProblem::Other(clip(m, MESSAGE_CHARS)),
        }
    }
}

impl fmt::Display for SyntaxProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SyntaxProblem::EndsEarly(JsonPart::Value) => "EOF while parsing a value",
            SyntaxProblem::EndsEarly(JsonPart::List) => "EOF while parsing a list",
            SyntaxProblem::EndsEarly(JsonPart::Object) => "EOF while parsing an object",
            SyntaxProblem::EndsEarly(JsonPart::Text) => "EOF while parsing a string",
            SyntaxProblem::ExpectedValue => "expected value",
            SyntaxProblem::ExpectedColon => "expected `:`",
            SyntaxProblem::ExpectedCommaOrListEnd => "expected `,` or `]`",
            SyntaxProblem::ExpectedCommaOrObjectEnd => "expected `,` or `}`",
            SyntaxProblem::KeyNotText => "key must be a string",
            SyntaxProblem::TrailingComma => "trailing comma",
            SyntaxProblem::TrailingCharacters => "trailing characters",
            SyntaxProblem::InvalidNumber => "invalid number",
            SyntaxProblem::NumberOutOfRange => "number out of range",
            SyntaxProblem::InvalidEscape => "invalid escape",
            SyntaxProblem::ControlCharacter => {
                "control character (\\u0000-\\u001F) found while parsing a string"
            }
            SyntaxProblem::Other(message) => message,
        })
    }
}

/// What is wrong with the shape of a JSON value (the reason of
/// [`ImportError::Shape`](super::ImportError::Shape)). Found values and
/// expected types stay in serde_json's technical words; names are kept apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShapeProblem {
    /// A field that must be there is not.
    MissingField {
        /// Its name.
        field: String,
    },
    /// A field this app does not know.
    UnknownField {
        /// Its name (clipped).
        field: String,
        /// The fields allowed there.
        expected: Vec<String>,
    },
    /// A field given twice.
    DuplicateField {
        /// Its name.
        field: String,
    },
    /// A value that is not one of the names allowed (a role, an area…).
    UnknownName {
        /// The value (clipped).
        found: String,
        /// The names allowed.
        expected: Vec<String>,
    },
    /// A value of the wrong type (text where a number goes…).
    WrongType {
        /// What was found, in serde_json's words (`string "1"`).
        found: String,
        /// What goes there, in serde_json's words (`u32`).
        expected: String,
    },
    /// A value of the right type that is not allowed (a number too large…).
    WrongValue {
        /// What was found, in serde_json's words.
        found: String,
        /// What goes there, in serde_json's words.
        expected: String,
    },
    /// A list of the wrong length.
    WrongLength {
        /// How long it is.
        length: usize,
        /// What goes there, in serde_json's words.
        expected: String,
    },
    /// Text where an id (32 hex digits) goes.
    NotAnId {
        /// The text (clipped).
        found: String,
    },
    /// Text where a time (2026-11-25T14:36:21.123Z) goes.
    NotATime {
        /// The text (clipped).
        found: String,
    },
    /// Any other refusal, in serde_json's words.
    Other(String),
}

impl ShapeProblem {
    /// Sorts a serde data error by its message (serde words every such error
    /// from a few fixed patterns; without the position).
    pub(crate) fn of(message: &str) -> ShapeProblem {
        let found = |text: &str| clip(text, FOUND_CHARS);
        if let Some(field) = quoted_whole(message, "missing field `") {
            return ShapeProblem::MissingField { field };
        }
        if let Some(field) = quoted_whole(message, "duplicate field `") {
            return ShapeProblem::DuplicateField { field };
        }
        if let Some((field, expected)) = name_and_names(message, "unknown field `", "fields") {
            return ShapeProblem::UnknownField {
                field: found(field),
                expected,
            };
        }
        if let Some((name, expected)) = name_and_names(message, "unknown variant `", "variants") {
            return ShapeProblem::UnknownName {
                found: found(name),
                expected,
            };
        }
        // The expected part is the app's own words, so the last ", expected "
        // is the split even when the found text holds one.
        let split = |rest: &str| {
            rest.rsplit_once(", expected ")
                .map(|(f, e)| (found(f), e.to_string()))
        };
        if let Some((found, expected)) = message.strip_prefix("invalid type: ").and_then(split) {
            return ShapeProblem::WrongType { found, expected };
        }
        if let Some((found, expected)) = message.strip_prefix("invalid value: ").and_then(split) {
            return ShapeProblem::WrongValue { found, expected };
        }
        if let Some((length, expected)) = message
            .strip_prefix("invalid length ")
            .and_then(|rest| rest.split_once(", expected "))
            .and_then(|(n, e)| Some((n.parse().ok()?, e.to_string())))
        {
            return ShapeProblem::WrongLength { length, expected };
        }
        let inner = |suffix: &str| {
            message
                .strip_prefix('`')
                .and_then(|rest| rest.strip_suffix(suffix))
                .map(found)
        };
        if let Some(found) = inner(NOT_AN_ID) {
            return ShapeProblem::NotAnId { found };
        }
        if let Some(found) = inner(NOT_A_TIME) {
            return ShapeProblem::NotATime { found };
        }
        ShapeProblem::Other(clip(message, MESSAGE_CHARS))
    }
}

/// The name in "`prefix`name`" when that is the whole message.
fn quoted_whole(message: &str, prefix: &str) -> Option<String> {
    let name = message.strip_prefix(prefix)?.strip_suffix('`')?;
    (!name.contains('`')).then(|| name.to_string())
}

/// The name and the allowed names of serde's "unknown field `x`, expected one
/// of `a`, `b`" (or "expected `a` or `b`", "expected `a`", "there are no
/// fields").
fn name_and_names<'a>(
    message: &'a str,
    prefix: &str,
    plural: &str,
) -> Option<(&'a str, Vec<String>)> {
    let rest = message.strip_prefix(prefix)?;
    // The allowed names are the app's own, so the last "`, " ends the name.
    let (name, list) = rest.rsplit_once("`, expected ").or_else(|| {
        rest.strip_suffix(&format!("`, there are no {plural}"))
            .map(|name| (name, ""))
    })?;
    let list = list.strip_prefix("one of ").unwrap_or(list);
    let names = if list.is_empty() {
        Vec::new()
    } else {
        list.split(", ")
            .flat_map(|part| part.split(" or "))
            .map(|quoted| {
                quoted
                    .strip_prefix('`')
                    .and_then(|q| q.strip_suffix('`'))
                    .map(str::to_string)
            })
            .collect::<Option<Vec<_>>>()?
    };
    Some((name, names))
}

/// Names quoted and listed as serde lists them: "`a`, `b`, `c`".
pub fn quoted_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl fmt::Display for ShapeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let expected = |f: &mut fmt::Formatter<'_>, names: &[String], plural: &str| match names {
            [] => write!(f, "there are no {plural}"),
            [name] => write!(f, "expected `{name}`"),
            [a, b] => write!(f, "expected `{a}` or `{b}`"),
            _ => write!(f, "expected one of {}", quoted_list(names)),
        };
        match self {
            ShapeProblem::MissingField { field } => write!(f, "missing field `{field}`"),
            ShapeProblem::UnknownField { field, expected: e } => {
                write!(f, "unknown field `{field}`, ")?;
                expected(f, e, "fields")
            }
            ShapeProblem::DuplicateField { field } => write!(f, "duplicate field `{field}`"),
            ShapeProblem::UnknownName { found, expected: e } => {
                write!(f, "unknown variant `{found}`, ")?;
                expected(f, e, "variants")
            }
            ShapeProblem::WrongType { found, expected } => {
                write!(f, "invalid type: {found}, expected {expected}")
            }
            ShapeProblem::WrongValue { found, expected } => {
                write!(f, "invalid value: {found}, expected {expected}")
            }
            ShapeProblem::WrongLength { length, expected } => {
                write!(f, "invalid length {length}, expected {expected}")
            }
            ShapeProblem::NotAnId { found } => write!(f, "`{found}{NOT_AN_ID}"),
            ShapeProblem::NotATime { found } => write!(f, "`{found}{NOT_A_TIME}"),
            ShapeProblem::Other(message) => f.write_str(message),
        }
    }
}
