#![cfg(not(target_arch = "wasm32"))]
//! Refusals are typed values (`Place`, `Problem`, `SyntaxProblem`,
//! `ShapeProblem`, `SchemaFound`) that the screens word in each language
//! (`ui/problem_text.rs`, wasm only). Here, on the host: every variant is
//! built and its English `Display` checked, by matches without a wildcard, so
//! a new variant does not compile until it is listed (and then needs its
//! words in `locales/*.json` and a case in `ui/problem_text.rs` too); and
//! serde_json's own errors are sorted by kind without changing their English.

use co_produce::model::{
    import_json, DecisionRecord, Id, ImportError, JsonPart, LaterPart, NoteError, Place, Problem,
    SchemaFound, ShapeProblem, SyntaxProblem, VersionedFile,
};
use serde_json::{json, Value};

mod common;

fn id(n: u8) -> Id {
    common::id(n)
}

/// Every problem, once each (and a note's rule with and without its note).
fn every_problem() -> Vec<Problem> {
    vec![
        Problem::Empty,
        Problem::TooLong { max_chars: 200 },
        Problem::NotADate {
            found: "25/11/2026".into(),
        },
        Problem::KindCount { max: 12 },
        Problem::NotAKindId { max_bytes: 40 },
        Problem::KindIdTwice {
            id: "state_money".into(),
        },
        Problem::TotalOutOfRange,
        Problem::AreasNotWhole { total_bp: 9_999 },
        Problem::TooManyProjectedYears { max: 10 },
        Problem::TooManyItems { max: 200 },
        Problem::TooManyBallots { max: 100_000 },
        Problem::TooManyRemovedKinds { max: 200 },
        Problem::BallotIdTwice { id: id(1) },
        Problem::RemovedKindsOutOfOrder,
        Problem::RemovedBallotTwice,
        Problem::RevealedOutOfOrder,
        Problem::TooManySessions { max: 500 },
        Problem::SessionsOutOfOrder,
        Problem::NotASessionOfTheWorkshop {
            participant: "Dana".into(),
            session: id(6),
        },
        Problem::DecisionCleared,
        Problem::NotAKindOfTheWorkshop,
        Problem::OtherWorkshop { found: id(2) },
        Problem::BallotOfOtherWorkshop {
            participant: "Dana".into(),
            found: id(2),
            ours: id(3),
        },
        Problem::LockedOutOfOrder,
        Problem::ModelsNotWhole,
        Problem::NotAModelId { max_bytes: 60 },
        Problem::Note {
            note: Some(id(4)),
            error: NoteError::TooLong {
                chars: 300,
                max: 280,
            },
        },
        Problem::Note {
            note: None,
            error: NoteError::SameNote(id(4)),
        },
        Problem::AnothersNote {
            note: id(4),
            participant: "Dana".into(),
        },
        Problem::NeedsLaterVersion {
            file: VersionedFile::Record,
            version: 1,
            part: LaterPart::PartnershipCheck,
            needs: 2,
        },
        Problem::NeedsLaterVersion {
            file: VersionedFile::BallotFile,
            version: 2,
            part: LaterPart::ParticipantsNotes,
            needs: 3,
        },
        Problem::NeedsLaterVersion {
            file: VersionedFile::Record,
            version: 2,
            part: LaterPart::ClearedDecision,
            needs: 3,
        },
        Problem::NeedsLaterVersion {
            file: VersionedFile::Record,
            version: 2,
            part: LaterPart::RemovedKinds,
            needs: 3,
        },
        Problem::NeedsLaterVersion {
            file: VersionedFile::Record,
            version: 3,
            part: LaterPart::Sessions,
            needs: 4,
        },
        Problem::NotFiveAreas,
        Problem::AreasOutOfOrder,
        Problem::NoModels,
        Problem::ModelIdTwice,
        Problem::NoSource,
        Problem::NotACode,
        Problem::CodeCharacters,
        Problem::CodeCut,
        Problem::CodeTooShort,
        Problem::CodeCheckDigits,
        Problem::CodeContents,
        Problem::CodeFromNewerApp,
        Problem::NotAJoinLink,
        Problem::LinkIncomplete,
        Problem::LinkDamaged,
        Problem::NotATime,
        Problem::BallotsInSetup,
        Problem::NotAnId,
        Problem::Missing,
        Problem::UnderAnotherId,
        Problem::NotText,
        Problem::FacilitatorSentBallots,
    ]
}

/// The English each problem is shown with, written out independently of
/// `Display`. No wildcard: a new variant fails to compile until it is here.
fn english(p: &Problem) -> String {
    match p {
        Problem::Empty => "this must not be empty".into(),
        Problem::TooLong { max_chars } => format!("this is longer than {max_chars} characters"),
        Problem::NotADate { found } => format!("`{found}` is not a date in the form 2026-11-25"),
        Problem::KindCount { max } => {
            format!("a workshop needs between 1 and {max} resource kinds")
        }
        Problem::NotAKindId { max_bytes } => {
            format!("an id is 1 to {max_bytes} lowercase letters, digits or _")
        }
        Problem::KindIdTwice { id } => format!("the id `{id}` is used twice"),
        Problem::TotalOutOfRange => "a total must be between 0 and 10^15".into(),
        Problem::AreasNotWhole { .. } => "the five areas add up to 99.99% instead of 100%".into(),
        Problem::TooManyProjectedYears { max } => format!("at most {max} projected years"),
        Problem::TooManyItems { max } => format!("at most {max} items"),
        Problem::TooManyBallots { max } => format!("at most {max} ballots"),
        Problem::TooManyRemovedKinds { max } => format!("at most {max} removed resource kinds"),
        Problem::BallotIdTwice { id } => format!("the ballot id {id} is used twice"),
        Problem::RemovedKindsOutOfOrder => {
            "removed resource kinds must be listed once each, in order".into()
        }
        Problem::RemovedBallotTwice => {
            "a removed ballot is listed twice or is still in the workshop".into()
        }
        Problem::RevealedOutOfOrder => {
            "revealed areas must be listed once each, in area order".into()
        }
        Problem::TooManySessions { max } => format!("at most {max} sessions"),
        Problem::SessionsOutOfOrder => "sessions must be listed once each, in order of id".into(),
        Problem::NotASessionOfTheWorkshop {
            participant,
            session,
        } => format!(
            "the ballot of {participant} came from session {}, which is not one of the workshop's sessions",
            session.short()
        ),
        Problem::DecisionCleared => "the agreed decision was cleared after it was recorded".into(),
        Problem::NotAKindOfTheWorkshop => "this is not a resource kind of the workshop".into(),
        Problem::OtherWorkshop { found } => format!(
            "this ballot belongs to another workshop ({})",
            found.short()
        ),
        Problem::BallotOfOtherWorkshop {
            participant,
            found,
            ours,
        } => format!(
            "this ballot of {participant} belongs to another workshop ({}), not this one ({})",
            found.short(),
            ours.short()
        ),
        Problem::LockedOutOfOrder => "locked areas must be listed once each, in area order".into(),
        Problem::ModelsNotWhole => "the models of an area must add up to 100%".into(),
        Problem::NotAModelId { max_bytes } => format!("a model id is 1 to {max_bytes} characters"),
        Problem::Note {
            note: Some(note),
            error,
        } => format!("note {}: {error}", note.short()),
        Problem::Note { note: None, error } => error.to_string(),
        Problem::AnothersNote { note, participant } => format!(
            "note {} of {participant} is another participant's note",
            note.short()
        ),
        Problem::NeedsLaterVersion {
            file,
            version,
            part,
            needs,
        } => {
            let file = match file {
                VersionedFile::Record => "record",
                VersionedFile::BallotFile => "ballot file",
            };
            let lacks = match part {
                LaterPart::PartnershipCheck => "has no partnership check",
                LaterPart::ParticipantsNotes => "has no participants' notes",
                LaterPart::ClearedDecision => "keeps no cleared decision",
                LaterPart::RemovedKinds => "keeps no removed resource kinds",
                LaterPart::Sessions => "has no sessions",
            };
            format!("a version {version} {file} {lacks}; this needs schema_version {needs}")
        }
        Problem::NotFiveAreas => "there must be exactly five areas".into(),
        Problem::AreasOutOfOrder => "the areas must be in walk-through order".into(),
        Problem::NoModels => "each area needs at least one model".into(),
        Problem::ModelIdTwice => "model ids must be present and unique".into(),
        Problem::NoSource => "every model needs a source".into(),
        Problem::NotACode => "a ballot code starts with CP1-".into(),
        Problem::CodeCharacters => "it has characters a ballot code never has".into(),
        Problem::CodeCut => "it is damaged or incomplete; part of it may be missing".into(),
        Problem::CodeTooShort => "it is too short; part of it may be missing".into(),
        Problem::CodeCheckDigits => {
            "it is damaged or incomplete (its check digits do not match)".into()
        }
        Problem::CodeContents => "it is damaged (its contents do not fit together)".into(),
        Problem::CodeFromNewerApp => "it was made by a newer version of Co-produce".into(),
        Problem::NotAJoinLink => {
            "it is not a Co-produce join link (it may have been cut short)".into()
        }
        Problem::LinkIncomplete => "it is damaged or incomplete".into(),
        Problem::LinkDamaged => "it is damaged".into(),
        Problem::NotATime => "it is not a time".into(),
        Problem::BallotsInSetup => "it holds ballots, which are stored one by one".into(),
        Problem::NotAnId => "its id is not an id".into(),
        Problem::Missing => "it is missing".into(),
        Problem::UnderAnotherId => "it is stored under another ballot's id".into(),
        Problem::NotText => "it is not text".into(),
        Problem::FacilitatorSentBallots => "a facilitator's message carries no ballots".into(),
    }
}

#[test]
fn every_problem_is_worded_in_english() {
    let all = every_problem();
    let kinds: std::collections::BTreeSet<String> = all
        .iter()
        .map(|p| format!("{:?}", std::mem::discriminant(p)))
        .collect();
    // Each variant once, bar the two spellings of a note's rule.
    assert_eq!(kinds.len(), all.len() - 5, "a variant is listed twice");
    for p in &all {
        assert_eq!(p.to_string(), english(p), "{p:?}");
    }
}

/// Every place, once each, with its English. No wildcard.
fn place_english(p: &Place) -> String {
    match p {
        Place::Path(path) => path.clone(),
        Place::TopLevel => "the top level".into(),
        Place::Code => "the code".into(),
        Place::Link => "the link".into(),
        Place::Message => "the message".into(),
        Place::StoredSetup => "the stored set-up".into(),
        Place::StoredLastChange => "the stored last change".into(),
        Place::StoredBallot(n) => format!("stored ballot {n}"),
    }
}

#[test]
fn every_place_is_worded_in_english_and_a_path_stays_as_written() {
    let places = [
        Place::Path("workshop.ballots[2].role".into()),
        Place::TopLevel,
        Place::Code,
        Place::Link,
        Place::Message,
        Place::StoredSetup,
        Place::StoredLastChange,
        Place::StoredBallot(2),
    ];
    for p in &places {
        assert_eq!(p.to_string(), place_english(p));
    }
    assert_eq!(places[0], "workshop.ballots[2].role");
    assert_eq!(places[0].json_path(), Some("workshop.ballots[2].role"));
    assert_eq!(Place::Code.json_path(), None);
    assert_ne!(Place::Code, "the code", "only a JSON path equals text");
}

/// serde_json's words for each syntax problem. No wildcard.
fn syntax_english(p: &SyntaxProblem) -> String {
    match p {
        SyntaxProblem::EndsEarly(JsonPart::Value) => "EOF while parsing a value".into(),
        SyntaxProblem::EndsEarly(JsonPart::List) => "EOF while parsing a list".into(),
        SyntaxProblem::EndsEarly(JsonPart::Object) => "EOF while parsing an object".into(),
        SyntaxProblem::EndsEarly(JsonPart::Text) => "EOF while parsing a string".into(),
        SyntaxProblem::ExpectedValue => "expected value".into(),
        SyntaxProblem::ExpectedColon => "expected `:`".into(),
        SyntaxProblem::ExpectedCommaOrListEnd => "expected `,` or `]`".into(),
        SyntaxProblem::ExpectedCommaOrObjectEnd => "expected `,` or `}`".into(),
        SyntaxProblem::KeyNotText => "key must be a string".into(),
        SyntaxProblem::TrailingComma => "trailing comma".into(),
        SyntaxProblem::TrailingCharacters => "trailing characters".into(),
        SyntaxProblem::InvalidNumber => "invalid number".into(),
        SyntaxProblem::NumberOutOfRange => "number out of range".into(),
        SyntaxProblem::InvalidEscape => "invalid escape".into(),
        SyntaxProblem::ControlCharacter => {
            "control character (\\u0000-\\u001F) found while parsing a string".into()
        }
        SyntaxProblem::Other(message) => message.clone(),
    }
}

/// The message serde_json itself gives for `text` read as `T`, without its position.
fn serde_message<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
    let message = serde_json::from_str::<T>(text)
        .expect_err("refused")
        .to_string();
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    }
}

#[test]
fn text_that_is_not_json_is_sorted_by_kind_in_serde_jsons_words() {
    let cases = [
        ("", SyntaxProblem::EndsEarly(JsonPart::Value)),
        ("{\"a\": [1, 2", SyntaxProblem::EndsEarly(JsonPart::List)),
        ("{\"a\": 1", SyntaxProblem::EndsEarly(JsonPart::Object)),
        ("{\"schema_vers", SyntaxProblem::EndsEarly(JsonPart::Text)),
        ("{\"a\": oops}", SyntaxProblem::ExpectedValue),
        ("{\"a\" 1}", SyntaxProblem::ExpectedColon),
        ("{\"a\": [1 2]}", SyntaxProblem::ExpectedCommaOrListEnd),
        (
            "{\"a\": 1 \"b\": 2}",
            SyntaxProblem::ExpectedCommaOrObjectEnd,
        ),
        (
            "{\n  \"schema_version\": 1,\n  oops\n}",
            SyntaxProblem::KeyNotText,
        ),
        // Only a value being read (not one skipped) names its trailing comma.
        ("{\"schema_version\": [1,]}", SyntaxProblem::TrailingComma),
        ("{\"a\":1}{}", SyntaxProblem::TrailingCharacters),
        ("{\"a\": 01}", SyntaxProblem::InvalidNumber),
        (
            "{\"schema_version\": 1e999}",
            SyntaxProblem::NumberOutOfRange,
        ),
        ("{\"a\": \"\\q\"}", SyntaxProblem::InvalidEscape),
        ("{\"a\": \"a\tb\"}", SyntaxProblem::ControlCharacter),
        (
            "{\"schema_version\": \"\\ud800\"}",
            SyntaxProblem::Other("unexpected end of hex escape".into()),
        ),
    ];
    for (text, want) in cases {
        let (line, column) = match import_json(text) {
            Err(ImportError::NotJson {
                line,
                column,
                reason,
            }) => {
                assert_eq!(reason, want, "{text:?}");
                (line, column)
            }
            other => panic!("{text:?}: expected NotJson, got {other:?}"),
        };
        assert_eq!(syntax_english(&want), want.to_string());
        // The English is serde_json's, word for word, with our position.
        assert_eq!(want.to_string(), serde_message::<Value>(text), "{text:?}");
        assert_eq!(
            import_json(text).map(|_| ()).unwrap_err().to_string(),
            format!("This is not a JSON file: line {line}, column {column}: {want}.")
        );
    }
}

/// serde_json's words for each shape problem. No wildcard.
fn shape_english(p: &ShapeProblem) -> String {
    let expected = |names: &[String], none: &str| match names {
        [] => none.to_string(),
        [a] => format!("expected `{a}`"),
        [a, b] => format!("expected `{a}` or `{b}`"),
        _ => format!(
            "expected one of {}",
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    match p {
        ShapeProblem::MissingField { field } => format!("missing field `{field}`"),
        ShapeProblem::UnknownField { field, expected: e } => format!(
            "unknown field `{field}`, {}",
            expected(e, "there are no fields")
        ),
        ShapeProblem::DuplicateField { field } => format!("duplicate field `{field}`"),
        ShapeProblem::UnknownName { found, expected: e } => format!(
            "unknown variant `{found}`, {}",
            expected(e, "there are no variants")
        ),
        ShapeProblem::WrongType { found, expected } => {
            format!("invalid type: {found}, expected {expected}")
        }
        ShapeProblem::WrongValue { found, expected } => {
            format!("invalid value: {found}, expected {expected}")
        }
        ShapeProblem::WrongLength { length, expected } => {
            format!("invalid length {length}, expected {expected}")
        }
        ShapeProblem::NotAnId { found } => format!("`{found}` is not an id of 32 hex digits"),
        ShapeProblem::NotATime { found } => {
            format!("`{found}` is not a time in the form 2026-11-25T14:36:21.123Z")
        }
        ShapeProblem::Other(message) => message.clone(),
    }
}

fn exported() -> Value {
    serde_json::from_str(&co_produce::model::export_json(
        &common::realistic_workshop(),
    ))
    .expect("JSON")
}

/// The shape problem of a record broken by `breakage`, and serde_json's own message.
fn shape_of(breakage: impl FnOnce(&mut Value)) -> (Place, ShapeProblem, String) {
    let mut v = exported();
    breakage(&mut v);
    let text = serde_json::to_string(&v).expect("JSON");
    match import_json(&text) {
        Err(ImportError::Shape { path, reason }) => {
            (path, reason, serde_message::<DecisionRecord>(&text))
        }
        other => panic!("expected a shape error, got {other:?}"),
    }
}

/// A change that breaks an exported record.
type Breakage = Box<dyn FnOnce(&mut Value)>;

#[test]
fn json_of_the_wrong_shape_is_sorted_by_kind_in_serde_jsons_words() {
    let names = |list: &[&str]| list.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    let cases: Vec<(Breakage, &str, ShapeProblem)> = vec![
        (
            Box::new(|v| v["workshop"]["ballots"][1]["role"] = json!("mayor")),
            "workshop.ballots[1].role",
            ShapeProblem::UnknownName {
                found: "mayor".into(),
                expected: names(&[
                    "citizen",
                    "family_carer",
                    "commissioner",
                    "provider",
                    "community_organisation",
                ]),
            },
        ),
        (
            Box::new(|v| {
                v["workshop"]
                    .as_object_mut()
                    .expect("object")
                    .remove("name");
            }),
            "workshop",
            ShapeProblem::MissingField {
                field: "name".into(),
            },
        ),
        (
            Box::new(|v| v["workshop"]["colour"] = json!("blue")),
            "workshop.colour",
            ShapeProblem::Other(String::new()),
        ),
        (
            Box::new(|v| v["workshop"]["kinds"][0]["total"] = json!("lots")),
            "workshop.kinds[0].total",
            ShapeProblem::WrongType {
                found: "string \"lots\"".into(),
                expected: "i64".into(),
            },
        ),
        (
            Box::new(|v| v["workshop"]["ballots"][0]["id"] = json!("not-an-id")),
            "workshop.ballots[0].id",
            ShapeProblem::NotAnId {
                found: "not-an-id".into(),
            },
        ),
        (
            Box::new(|v| v["workshop"]["ballots"][0]["updated_at"] = json!("yesterday")),
            "workshop.ballots[0].updated_at",
            ShapeProblem::NotATime {
                found: "yesterday".into(),
            },
        ),
    ];
    for (breakage, path, want) in cases {
        let (got_path, got, serde) = shape_of(breakage);
        assert_eq!(got_path, path, "{got:?}");
        match (&want, &got) {
            // Which fields a workshop allows is the record's business: only the kind is checked.
            (ShapeProblem::Other(_), ShapeProblem::UnknownField { field, expected }) => {
                assert_eq!(field, "colour");
                assert!(expected.iter().any(|f| f == "ballots"), "{expected:?}");
            }
            _ => assert_eq!(got, want),
        }
        assert_eq!(shape_english(&got), got.to_string());
        assert_eq!(
            got.to_string(),
            serde,
            "serde_json's English, word for word"
        );
    }
}

#[test]
fn what_was_found_instead_of_a_record_is_worded_in_english() {
    let english = |f: &SchemaFound| match f {
        SchemaFound::NoVersion => "it has no schema_version".to_string(),
        SchemaFound::Version {
            found,
            oldest,
            newest,
        } => format!("schema_version is {found}, this app reads versions {oldest} to {newest}"),
        SchemaFound::BallotFileVersion { version } => {
            format!("a ballot file of version {version}")
        }
    };
    for found in [
        SchemaFound::NoVersion,
        SchemaFound::Version {
            found: "4".into(),
            oldest: 1,
            newest: 3,
        },
        SchemaFound::BallotFileVersion { version: 9 },
    ] {
        assert_eq!(found.to_string(), english(&found));
    }
}

/// Every import error, around its parts. No wildcard.
#[test]
fn every_import_error_is_worded_in_english_around_its_parts() {
    let all = [
        ImportError::TooLarge {
            bytes: 25 * 1024 * 1024,
            limit: 20 * 1024 * 1024,
        },
        ImportError::Unreadable,
        ImportError::NotJson {
            line: 3,
            column: 7,
            reason: SyntaxProblem::KeyNotText,
        },
        ImportError::WrongSchema {
            found: SchemaFound::NoVersion,
        },
        ImportError::Shape {
            path: Place::TopLevel,
            reason: ShapeProblem::MissingField {
                field: "workshop".into(),
            },
        },
        ImportError::Invalid {
            path: Place::Path("workshop.date".into()),
            reason: Problem::Empty,
        },
    ];
    for e in &all {
        let want = match e {
            ImportError::TooLarge { .. } => {
                "The file is too large (25 MB). The most this app reads is 20 MB.".to_string()
            }
            ImportError::Unreadable => "The browser could not read the file.".into(),
            ImportError::NotJson {
                line,
                column,
                reason,
            } => format!("This is not a JSON file: line {line}, column {column}: {reason}."),
            ImportError::WrongSchema { found } => {
                format!("This is not a Co-produce decision record this app can read ({found}).")
            }
            ImportError::Shape { path, reason } => format!("At {path}: {reason}."),
            ImportError::Invalid { path, reason } => format!("At {path}: {reason}."),
        };
        assert_eq!(e.to_string(), want);
    }
    assert_eq!(
        all[2].to_string(),
        "This is not a JSON file: line 3, column 7: key must be a string."
    );
    assert_eq!(
        all[4].to_string(),
        "At the top level: missing field `workshop`."
    );
}

/// Every note rule's English, as it appears inside a problem. No wildcard.
#[test]
fn every_note_rule_is_worded_in_english() {
    let all = [
        NoteError::NoSuchBallot(id(1)),
        NoteError::NoSuchNote(id(1)),
        NoteError::EmptyText,
        NoteError::TooLong {
            chars: 300,
            max: 280,
        },
        NoteError::ControlCharacter,
        NoteError::TooManyNotes { max: 30 },
        NoteError::TooManyAgrees { max: 300 },
        NoteError::OwnNote(id(1)),
        NoteError::IdInUse(id(1)),
        NoteError::SameNote(id(1)),
        NoteError::DifferentAreas {
            from: id(1),
            into: id(2),
        },
        NoteError::TooManyModerated { max: 1_000 },
    ];
    let s = id(1).short();
    for e in &all {
        let want = match e {
            NoteError::NoSuchBallot(_) => format!("there is no ballot {s}"),
            NoteError::NoSuchNote(_) => format!("there is no note {s}"),
            NoteError::EmptyText => "a note must not be empty".into(),
            NoteError::TooLong { .. } => "a note is at most 280 characters (this is 300)".into(),
            NoteError::ControlCharacter => {
                "a note holds no control characters but line breaks".into()
            }
            NoteError::TooManyNotes { .. } => "at most 30 notes per participant".into(),
            NoteError::TooManyAgrees { .. } => "at most 300 agreements per participant".into(),
            NoteError::OwnNote(_) => format!("nobody agrees with their own note ({s})"),
            NoteError::IdInUse(_) => format!("the note id {s} is used twice"),
            NoteError::SameNote(_) => format!("note {s} cannot be merged into itself"),
            NoteError::DifferentAreas { .. } => {
                format!("notes {s} and {} are about different areas", id(2).short())
            }
            NoteError::TooManyModerated { .. } => {
                "at most 1000 notes hidden, merged or approved".into()
            }
        };
        assert_eq!(e.to_string(), want);
    }
}
