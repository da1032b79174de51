//! Every refusal the model gives, worded in a language: a file, code, link or
//! change refused ([`ImportError`]), a typed percentage ([`PercentError`]).
//! The model keeps what and where as data; only the words are here. JSON paths
//! and serde_json's names of types stay as written: they are technical, and
//! the same in every language.

use crate::i18n::*;
use crate::model::json_problem::quoted_list;
use crate::model::shares::PercentError;
use crate::model::{
    ImportError, JsonPart, LaterPart, NoteError, Place, Problem, SchemaFound, ShapeProblem,
    SyntaxProblem, VersionedFile,
};
use crate::ui::labels::{conventions_of, fill, I18n};

/// Why a file, code, link or change was refused, in the current language.
pub fn import_error_text(i18n: I18n, error: &ImportError) -> String {
    import_error_in(i18n.get_locale(), error)
}

/// A file (or pasted code) refused whole, named first: "notes.json: …".
pub fn refused_file_text(i18n: I18n, file: &str, error: &ImportError) -> String {
    format!("{file}: {}", import_error_text(i18n, error))
}

/// Why a typed percentage was not taken, in the current language.
pub fn percent_error_text(i18n: I18n, error: &PercentError) -> String {
    let l = i18n.get_locale();
    match error {
        PercentError::Empty | PercentError::OutOfRange => td_string!(l, problem.percent_range),
        PercentError::NotANumber => td_string!(l, problem.percent_not_a_number),
        PercentError::TooPrecise => td_string!(l, problem.percent_too_precise),
    }
    .to_string()
}

/// Why a file, code, link or change was refused, in `l`.
pub fn import_error_in(l: Locale, error: &ImportError) -> String {
    const MB: usize = 1024 * 1024;
    match error {
        ImportError::TooLarge { bytes, limit } => fill(
            td_string!(l, problem.too_large),
            &[("size", &(bytes / MB)), ("limit", &(limit / MB))],
        ),
        ImportError::Unreadable => td_string!(l, problem.unreadable).to_string(),
        ImportError::NotJson {
            line,
            column,
            reason,
        } => fill(
            td_string!(l, problem.not_json),
            &[
                ("line", line),
                ("column", column),
                ("reason", &syntax(l, reason)),
            ],
        ),
        ImportError::WrongSchema { found } => fill(
            td_string!(l, problem.wrong_schema),
            &[("found", &schema(l, found))],
        ),
        ImportError::Shape { path, reason } => at(l, path, shape(l, reason)),
        ImportError::Invalid { path, reason } => at(l, path, problem(l, reason)),
    }
}

/// "At workshop.date: …".
fn at(l: Locale, path: &Place, reason: String) -> String {
    fill(
        td_string!(l, problem.at),
        &[("place", &place(l, path)), ("reason", &reason)],
    )
}

fn place(l: Locale, path: &Place) -> String {
    match path {
        Place::Path(path) => return path.clone(),
        Place::TopLevel => td_string!(l, problem.place_top_level),
        Place::Code => td_string!(l, problem.place_code),
        Place::Link => td_string!(l, problem.place_link),
        Place::Message => td_string!(l, problem.place_message),
        Place::StoredSetup => td_string!(l, problem.place_stored_setup),
        Place::StoredLastChange => td_string!(l, problem.place_stored_last_change),
        Place::StoredBallot(n) => {
            return fill(td_string!(l, problem.place_stored_ballot), &[("n", n)])
        }
    }
    .to_string()
}

fn schema(l: Locale, found: &SchemaFound) -> String {
    match found {
        SchemaFound::NoVersion => td_string!(l, problem.schema_none).to_string(),
        SchemaFound::Version {
            found,
            oldest,
            newest,
        } => fill(
            td_string!(l, problem.schema_version),
            &[("found", &found), ("oldest", oldest), ("newest", newest)],
        ),
        SchemaFound::BallotFileVersion { version } => fill(
            td_string!(l, problem.schema_ballot_file),
            &[("version", version)],
        ),
    }
}

fn syntax(l: Locale, reason: &SyntaxProblem) -> String {
    match reason {
        SyntaxProblem::EndsEarly(JsonPart::Value) => td_string!(l, problem.json_ends_value),
        SyntaxProblem::EndsEarly(JsonPart::List) => td_string!(l, problem.json_ends_list),
        SyntaxProblem::EndsEarly(JsonPart::Object) => td_string!(l, problem.json_ends_object),
        SyntaxProblem::EndsEarly(JsonPart::Text) => td_string!(l, problem.json_ends_string),
        SyntaxProblem::ExpectedValue => td_string!(l, problem.json_expected_value),
        SyntaxProblem::ExpectedColon => td_string!(l, problem.json_expected_colon),
        SyntaxProblem::ExpectedCommaOrListEnd => td_string!(l, problem.json_expected_comma_list),
        SyntaxProblem::ExpectedCommaOrObjectEnd => {
            td_string!(l, problem.json_expected_comma_object)
        }
        SyntaxProblem::KeyNotText => td_string!(l, problem.json_key_not_text),
        SyntaxProblem::TrailingComma => td_string!(l, problem.json_trailing_comma),
        SyntaxProblem::TrailingCharacters => td_string!(l, problem.json_trailing_characters),
        SyntaxProblem::InvalidNumber => td_string!(l, problem.json_invalid_number),
        SyntaxProblem::NumberOutOfRange => td_string!(l, problem.json_number_out_of_range),
        SyntaxProblem::InvalidEscape => td_string!(l, problem.json_invalid_escape),
        SyntaxProblem::ControlCharacter => td_string!(l, problem.json_control_character),
        // serde_json's own words: a rare error with no wording of ours.
        SyntaxProblem::Other(message) => return message.clone(),
    }
    .to_string()
}

/// "expected one of `a`, `b`, `c`", or `none` ("there are no fields") when
/// nothing is allowed.
fn expected(l: Locale, names: &[String], none: &str) -> String {
    match names {
        [] => none.to_string(),
        [name] => fill(
            td_string!(l, problem.expected_name),
            &[("name", &format!("`{name}`"))],
        ),
        [a, b] => fill(
            td_string!(l, problem.expected_either),
            &[("a", &format!("`{a}`")), ("b", &format!("`{b}`"))],
        ),
        _ => fill(
            td_string!(l, problem.expected_one_of),
            &[("names", &quoted_list(names))],
        ),
    }
}

fn shape(l: Locale, reason: &ShapeProblem) -> String {
    match reason {
        ShapeProblem::MissingField { field } => fill(
            td_string!(l, problem.shape_missing_field),
            &[("field", &field)],
        ),
        ShapeProblem::UnknownField { field, expected: e } => fill(
            td_string!(l, problem.shape_unknown_field),
            &[
                ("field", field),
                (
                    "expected",
                    &expected(l, e, td_string!(l, problem.no_fields)),
                ),
            ],
        ),
        ShapeProblem::DuplicateField { field } => fill(
            td_string!(l, problem.shape_duplicate_field),
            &[("field", &field)],
        ),
        ShapeProblem::UnknownName { found, expected: e } => fill(
            td_string!(l, problem.shape_unknown_name),
            &[
                ("found", found),
                (
                    "expected",
                    &expected(l, e, td_string!(l, problem.no_variants)),
                ),
            ],
        ),
        ShapeProblem::WrongType { found, expected } => fill(
            td_string!(l, problem.shape_wrong_type),
            &[("found", &found), ("expected", &expected)],
        ),
        ShapeProblem::WrongValue { found, expected } => fill(
            td_string!(l, problem.shape_wrong_value),
            &[("found", &found), ("expected", &expected)],
        ),
        ShapeProblem::WrongLength { length, expected } => fill(
            td_string!(l, problem.shape_wrong_length),
            &[("length", length), ("expected", &expected)],
        ),
        ShapeProblem::NotAnId { found } => {
            fill(td_string!(l, problem.shape_not_an_id), &[("found", &found)])
        }
        ShapeProblem::NotATime { found } => fill(
            td_string!(l, problem.shape_not_a_time),
            &[("found", &found)],
        ),
        ShapeProblem::Other(message) => message.clone(),
    }
}

fn problem(l: Locale, reason: &Problem) -> String {
    match reason {
        Problem::Empty => td_string!(l, problem.empty).to_string(),
        Problem::TooLong { max_chars } => {
            fill(td_string!(l, problem.too_long), &[("max", max_chars)])
        }
        Problem::NotADate { found } => {
            fill(td_string!(l, problem.not_a_date), &[("found", &found)])
        }
        Problem::KindCount { max } => fill(td_string!(l, problem.kind_count), &[("max", max)]),
        Problem::NotAKindId { max_bytes } => {
            fill(td_string!(l, problem.not_a_kind_id), &[("max", max_bytes)])
        }
        Problem::KindIdTwice { id } => fill(td_string!(l, problem.kind_id_twice), &[("id", &id)]),
        Problem::TotalOutOfRange => td_string!(l, problem.total_out_of_range).to_string(),
        Problem::AreasNotWhole { total_bp } => fill(
            td_string!(l, problem.areas_not_whole),
            &[("total", &conventions_of(l).percent_bp(*total_bp))],
        ),
        Problem::TooManyProjectedYears { max } => fill(
            td_string!(l, problem.too_many_projected_years),
            &[("max", max)],
        ),
        Problem::TooManyItems { max } => {
            fill(td_string!(l, problem.too_many_items), &[("max", max)])
        }
        Problem::TooManyBallots { max } => {
            fill(td_string!(l, problem.too_many_ballots), &[("max", max)])
        }
        Problem::TooManyRemovedKinds { max } => fill(
            td_string!(l, problem.too_many_removed_kinds),
            &[("max", max)],
        ),
        Problem::BallotIdTwice { id } => {
            fill(td_string!(l, problem.ballot_id_twice), &[("id", id)])
        }
        Problem::RemovedKindsOutOfOrder => {
            td_string!(l, problem.removed_kinds_out_of_order).to_string()
        }
        Problem::RemovedBallotTwice => td_string!(l, problem.removed_ballot_twice).to_string(),
        Problem::RevealedOutOfOrder => td_string!(l, problem.revealed_out_of_order).to_string(),
        Problem::TooManySessions { max } => {
            fill(td_string!(l, problem.too_many_sessions), &[("max", max)])
        }
        Problem::SessionsOutOfOrder => td_string!(l, problem.sessions_out_of_order).to_string(),
        Problem::NotASessionOfTheWorkshop {
            participant,
            session,
        } => fill(
            td_string!(l, problem.not_a_session_of_the_workshop),
            &[("participant", &participant), ("session", &session.short())],
        ),
        Problem::DecisionCleared => td_string!(l, problem.decision_cleared).to_string(),
        Problem::NotAKindOfTheWorkshop => {
            td_string!(l, problem.not_a_kind_of_the_workshop).to_string()
        }
        Problem::OtherWorkshop { found } => fill(
            td_string!(l, problem.other_workshop),
            &[("found", &found.short())],
        ),
        Problem::BallotOfOtherWorkshop {
            participant,
            found,
            ours,
        } => fill(
            td_string!(l, problem.ballot_of_other_workshop),
            &[
                ("participant", &participant),
                ("found", &found.short()),
                ("ours", &ours.short()),
            ],
        ),
        Problem::LockedOutOfOrder => td_string!(l, problem.locked_out_of_order).to_string(),
        Problem::ModelsNotWhole => td_string!(l, problem.models_not_whole).to_string(),
        Problem::NotAModelId { max_bytes } => {
            fill(td_string!(l, problem.not_a_model_id), &[("max", max_bytes)])
        }
        Problem::Note {
            note: Some(id),
            error,
        } => fill(
            td_string!(l, problem.note),
            &[("note", &id.short()), ("reason", &note_error(l, error))],
        ),
        Problem::Note { note: None, error } => note_error(l, error),
        Problem::AnothersNote { note, participant } => fill(
            td_string!(l, problem.anothers_note),
            &[("note", &note.short()), ("participant", &participant)],
        ),
        Problem::NeedsLaterVersion {
            file,
            version,
            part,
            needs,
        } => later_version(l, *file, *version, *part, *needs),
        Problem::NotFiveAreas => td_string!(l, problem.not_five_areas).to_string(),
        Problem::AreasOutOfOrder => td_string!(l, problem.areas_out_of_order).to_string(),
        Problem::NoModels => td_string!(l, problem.no_models).to_string(),
        Problem::ModelIdTwice => td_string!(l, problem.model_id_twice).to_string(),
        Problem::NoSource => td_string!(l, problem.no_source).to_string(),
        Problem::NotACode => td_string!(l, problem.not_a_code).to_string(),
        Problem::CodeCharacters => td_string!(l, problem.code_characters).to_string(),
        Problem::CodeCut => td_string!(l, problem.code_cut).to_string(),
        Problem::CodeTooShort => td_string!(l, problem.code_too_short).to_string(),
        Problem::CodeCheckDigits => td_string!(l, problem.code_check_digits).to_string(),
        Problem::CodeContents => td_string!(l, problem.code_contents).to_string(),
        Problem::CodeFromNewerApp => td_string!(l, problem.code_from_newer_app).to_string(),
        Problem::NotAJoinLink => td_string!(l, problem.not_a_join_link).to_string(),
        Problem::LinkIncomplete => td_string!(l, problem.link_incomplete).to_string(),
        Problem::LinkDamaged => td_string!(l, problem.link_damaged).to_string(),
        Problem::NotATime => td_string!(l, problem.not_a_time).to_string(),
        Problem::BallotsInSetup => td_string!(l, problem.ballots_in_setup).to_string(),
        Problem::NotAnId => td_string!(l, problem.not_an_id).to_string(),
        Problem::Missing => td_string!(l, problem.missing).to_string(),
        Problem::UnderAnotherId => td_string!(l, problem.under_another_id).to_string(),
        Problem::NotText => td_string!(l, problem.not_text).to_string(),
        Problem::FacilitatorSentBallots => {
            td_string!(l, problem.facilitator_sent_ballots).to_string()
        }
    }
}

/// "a version 1 record has no partnership check; this needs schema_version 2".
fn later_version(
    l: Locale,
    file: VersionedFile,
    version: u32,
    part: LaterPart,
    needs: u32,
) -> String {
    let file = match file {
        VersionedFile::Record => td_string!(l, problem.file_record),
        VersionedFile::BallotFile => td_string!(l, problem.file_ballot_file),
    };
    match part {
        LaterPart::PartnershipCheck => fill(
            td_string!(l, problem.later_partnership),
            &[("file", &file), ("version", &version), ("needs", &needs)],
        ),
        LaterPart::ParticipantsNotes => fill(
            td_string!(l, problem.later_notes),
            &[("file", &file), ("version", &version), ("needs", &needs)],
        ),
        LaterPart::ClearedDecision => fill(
            td_string!(l, problem.later_cleared),
            &[("file", &file), ("version", &version), ("needs", &needs)],
        ),
        LaterPart::RemovedKinds => fill(
            td_string!(l, problem.later_removed_kinds),
            &[("file", &file), ("version", &version), ("needs", &needs)],
        ),
        LaterPart::Sessions => fill(
            td_string!(l, problem.later_sessions),
            &[("file", &file), ("version", &version), ("needs", &needs)],
        ),
    }
}

/// Why a change to notes was refused, in the current language.
pub fn note_error_text(i18n: I18n, error: &NoteError) -> String {
    note_error(i18n.get_locale(), error)
}

fn note_error(l: Locale, error: &NoteError) -> String {
    match error {
        NoteError::NoSuchBallot(id) => fill(
            td_string!(l, problem.note_no_such_ballot),
            &[("id", &id.short())],
        ),
        NoteError::NoSuchNote(id) => fill(
            td_string!(l, problem.note_no_such_note),
            &[("id", &id.short())],
        ),
        NoteError::EmptyText => td_string!(l, problem.note_empty).to_string(),
        NoteError::TooLong { chars, max } => fill(
            td_string!(l, problem.note_too_long),
            &[("max", max), ("chars", chars)],
        ),
        NoteError::ControlCharacter => td_string!(l, problem.note_control_character).to_string(),
        NoteError::TooManyNotes { max } => {
            fill(td_string!(l, problem.note_too_many_notes), &[("max", max)])
        }
        NoteError::TooManyAgrees { max } => {
            fill(td_string!(l, problem.note_too_many_agrees), &[("max", max)])
        }
        NoteError::OwnNote(id) => {
            fill(td_string!(l, problem.note_own_note), &[("id", &id.short())])
        }
        NoteError::IdInUse(id) => fill(
            td_string!(l, problem.note_id_in_use),
            &[("id", &id.short())],
        ),
        NoteError::SameNote(id) => fill(
            td_string!(l, problem.note_same_note),
            &[("id", &id.short())],
        ),
        NoteError::DifferentAreas { from, into } => fill(
            td_string!(l, problem.note_different_areas),
            &[("from", &from.short()), ("into", &into.short())],
        ),
        NoteError::TooManyModerated { max } => fill(
            td_string!(l, problem.note_too_many_moderated),
            &[("max", max)],
        ),
    }
}

/// Why a resource kind matched by hand cannot hold, in the current language.
pub fn mapping_error_text(i18n: I18n, error: &crate::model::MappingError) -> String {
    use crate::model::{MappingError, Unit};
    let l = i18n.get_locale();
    let unit = |u: &Unit| match u {
        Unit::Money => td_string!(l, units.money).to_string(),
        Unit::Hours => td_string!(l, units.hours).to_string(),
        Unit::Count { noun } => noun.clone(),
    };
    match error {
        MappingError::NotInComparison { .. } => {
            td_string!(l, problem.mapping_not_in_comparison).to_string()
        }
        MappingError::OtherUnit { from, to } => fill(
            td_string!(l, problem.mapping_other_unit),
            &[("from", &unit(from)), ("to", &unit(to))],
        ),
        MappingError::PlaceHasItAlready { .. } => {
            td_string!(l, problem.mapping_place_has_it).to_string()
        }
    }
}
