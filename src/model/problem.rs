//! Why something read from outside was refused, as values rather than
//! sentences: [`Place`] says where, [`Problem`] which rule is broken, with its
//! limits and what was found. The screens word them in each language
//! (`ui/problem_text.rs`); `Display` gives the English, for tests and logs.

use std::fmt;

use super::id::Id;
use super::notes::NoteError;
use super::shares::format_percent_bp;

/// Where in what was read a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A JSON path such as `workshop.ballots[2].role`, shown as written.
    Path(String),
    /// The outermost value of a JSON text (a problem before any key).
    TopLevel,
    /// A ballot code (`CP1-…`) as a whole.
    Code,
    /// A join link as a whole.
    Link,
    /// A live message as a whole.
    Message,
    /// The workshop's set-up saved on this device.
    StoredSetup,
    /// When the workshop saved on this device last changed.
    StoredLastChange,
    /// One ballot saved on this device, counted from 1.
    StoredBallot(usize),
}

impl Place {
    /// The JSON path, when the place is one.
    pub fn json_path(&self) -> Option<&str> {
        match self {
            Place::Path(path) => Some(path),
            _ => None,
        }
    }
}

impl From<String> for Place {
    fn from(path: String) -> Place {
        Place::Path(path)
    }
}

impl From<&str> for Place {
    fn from(path: &str) -> Place {
        Place::Path(path.to_string())
    }
}

/// Lets tests and callers compare a place with a JSON path as text.
impl PartialEq<str> for Place {
    fn eq(&self, other: &str) -> bool {
        self.json_path() == Some(other)
    }
}

impl PartialEq<&str> for Place {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Path(path) => f.write_str(path),
            Place::TopLevel => f.write_str("the top level"),
            Place::Code => f.write_str("the code"),
            Place::Link => f.write_str("the link"),
            Place::Message => f.write_str("the message"),
            Place::StoredSetup => f.write_str("the stored set-up"),
            Place::StoredLastChange => f.write_str("the stored last change"),
            Place::StoredBallot(n) => write!(f, "stored ballot {n}"),
        }
    }
}

/// A file that carries a schema version: a decision record or a ballot file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionedFile {
    /// A whole decision record.
    Record,
    /// One tablet's ballot file.
    BallotFile,
}

/// Something a file of an older schema version cannot hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaterPart {
    /// The partnership check (schema version 2).
    PartnershipCheck,
    /// Participants' notes and agreements, and their moderation (version 3).
    ParticipantsNotes,
    /// The time a decision was cleared (version 3).
    ClearedDecision,
    /// Removed resource kinds (version 3).
    RemovedKinds,
    /// The sessions of a combined workshop, and each ballot's (version 4).
    Sessions,
}

/// What was found instead of a decision record or ballot file of a version
/// this app reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaFound {
    /// There is no `schema_version` at all.
    NoVersion,
    /// A `schema_version` outside the versions this app reads.
    Version {
        /// The value as written in the file (clipped).
        found: String,
        /// The oldest version this app reads.
        oldest: u32,
        /// The newest version this app reads.
        newest: u32,
    },
    /// A ballot file of a version (or kind) this app does not read.
    BallotFileVersion {
        /// Its `schema_version`.
        version: u32,
    },
}

impl fmt::Display for SchemaFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SchemaFound::NoVersion => f.write_str("it has no schema_version"),
            SchemaFound::Version {
                found,
                oldest,
                newest,
            } => write!(
                f,
                "schema_version is {found}, this app reads versions {oldest} to {newest}"
            ),
            SchemaFound::BallotFileVersion { version } => {
                write!(f, "a ballot file of version {version}")
            }
        }
    }
}

/// Which rule a value breaks (the reason of [`ImportError::Invalid`](super::ImportError::Invalid)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A text that must be given is empty.
    Empty,
    /// A text is longer than allowed.
    TooLong {
        /// The most characters allowed.
        max_chars: usize,
    },
    /// A date is not in the form 2026-11-25.
    NotADate {
        /// What was written (clipped).
        found: String,
    },
    /// Too few or too many resource kinds.
    KindCount {
        /// The most resource kinds a workshop may have.
        max: usize,
    },
    /// A resource kind's id is not lowercase letters, digits or `_`.
    NotAKindId {
        /// The longest id allowed, in bytes.
        max_bytes: usize,
    },
    /// Two resource kinds have the same id.
    KindIdTwice {
        /// The id used twice.
        id: String,
    },
    /// A total is negative or larger than 10^15.
    TotalOutOfRange,
    /// The five areas' shares do not add up to 100%.
    AreasNotWhole {
        /// What they add up to instead, in basis points.
        total_bp: u32,
    },
    /// More projected years than allowed.
    TooManyProjectedYears {
        /// The most allowed.
        max: usize,
    },
    /// More likes, or dislikes, noted for an area than allowed.
    TooManyItems {
        /// The most allowed.
        max: usize,
    },
    /// More ballots than a workshop may hold.
    TooManyBallots {
        /// The most allowed.
        max: usize,
    },
    /// More removed resource kinds than a workshop remembers.
    TooManyRemovedKinds {
        /// The most allowed.
        max: usize,
    },
    /// Two ballots have the same id.
    BallotIdTwice {
        /// The id used twice.
        id: Id,
    },
    /// Removed resource kinds are repeated or out of order.
    RemovedKindsOutOfOrder,
    /// A removed ballot is listed twice, or is still in the workshop.
    RemovedBallotTwice,
    /// Revealed areas are repeated or out of area order.
    RevealedOutOfOrder,
    /// More sessions than a combined workshop may hold.
    TooManySessions {
        /// The most allowed.
        max: usize,
    },
    /// Sessions are repeated or not in order of id.
    SessionsOutOfOrder,
    /// A ballot, named by its participant, says it came from a session the
    /// workshop does not list.
    NotASessionOfTheWorkshop {
        /// The participant's name (clipped).
        participant: String,
        /// The session the ballot names.
        session: Id,
    },
    /// The agreed decision is older than the time it was cleared.
    DecisionCleared,
    /// A resource kind the workshop does not have.
    NotAKindOfTheWorkshop,
    /// A ballot of another workshop.
    OtherWorkshop {
        /// The workshop the ballot names.
        found: Id,
    },
    /// A ballot, named by its participant, of another workshop than this one.
    BallotOfOtherWorkshop {
        /// The participant's name (clipped).
        participant: String,
        /// The workshop the ballot names.
        found: Id,
        /// This workshop.
        ours: Id,
    },
    /// Locked areas are repeated or out of area order.
    LockedOutOfOrder,
    /// The models of an area do not add up to 100%.
    ModelsNotWhole,
    /// A model id is empty or too long.
    NotAModelId {
        /// The longest id allowed, in bytes.
        max_bytes: usize,
    },
    /// A participant's note, an agreement or the moderation breaks a rule.
    Note {
        /// The note concerned, where there is one.
        note: Option<Id>,
        /// Which rule.
        error: NoteError,
    },
    /// A ballot brings a note that is on another participant's ballot.
    AnothersNote {
        /// The note.
        note: Id,
        /// The participant whose ballot brought it (clipped).
        participant: String,
    },
    /// A file of an older version holds something only a later version has.
    NeedsLaterVersion {
        /// A record or a ballot file.
        file: VersionedFile,
        /// The version the file says it is.
        version: u32,
        /// What it holds that its version cannot.
        part: LaterPart,
        /// The version that part needs.
        needs: u32,
    },
    /// A catalogue without exactly five areas.
    NotFiveAreas,
    /// A catalogue's areas out of walk-through order.
    AreasOutOfOrder,
    /// A catalogue's area without a model.
    NoModels,
    /// A catalogue's model id missing or used twice.
    ModelIdTwice,
    /// A catalogue's model without a source.
    NoSource,
    /// A ballot code that does not start with `CP1-`.
    NotACode,
    /// A ballot code with characters no code has.
    CodeCharacters,
    /// A ballot code of a length or last character no code has: cut or mistyped.
    CodeCut,
    /// A ballot code too short to hold a ballot.
    CodeTooShort,
    /// A ballot code whose check digits do not match.
    CodeCheckDigits,
    /// A ballot code whose contents do not fit together.
    CodeContents,
    /// A ballot code made by a newer version of the app.
    CodeFromNewerApp,
    /// Text that is not a join link (perhaps cut short).
    NotAJoinLink,
    /// A join link that does not unpack: damaged or incomplete.
    LinkIncomplete,
    /// A join link that unpacks to something that is not text.
    LinkDamaged,
    /// The stored time of the last change is not a time.
    NotATime,
    /// The stored set-up holds ballots, which are stored one by one.
    BallotsInSetup,
    /// A stored ballot's id is not an id.
    NotAnId,
    /// A stored ballot is missing.
    Missing,
    /// A stored ballot is under another ballot's id.
    UnderAnotherId,
    /// A live message that is not text.
    NotText,
    /// A facilitator's live message that carries ballots.
    FacilitatorSentBallots,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Empty => f.write_str("this must not be empty"),
            Problem::TooLong { max_chars } => {
                write!(f, "this is longer than {max_chars} characters")
            }
            Problem::NotADate { found } => {
                write!(f, "`{found}` is not a date in the form 2026-11-25")
            }
            Problem::KindCount { max } => {
                write!(f, "a workshop needs between 1 and {max} resource kinds")
            }
            Problem::NotAKindId { max_bytes } => write!(
                f,
                "an id is 1 to {max_bytes} lowercase letters, digits or _"
            ),
            Problem::KindIdTwice { id } => write!(f, "the id `{id}` is used twice"),
            Problem::TotalOutOfRange => f.write_str("a total must be between 0 and 10^15"),
            Problem::AreasNotWhole { total_bp } => write!(
                f,
                "the five areas add up to {} instead of 100%",
                format_percent_bp(*total_bp)
            ),
            Problem::TooManyProjectedYears { max } => write!(f, "at most {max} projected years"),
            Problem::TooManyItems { max } => write!(f, "at most {max} items"),
            Problem::TooManyBallots { max } => write!(f, "at most {max} ballots"),
            Problem::TooManyRemovedKinds { max } => {
                write!(f, "at most {max} removed resource kinds")
            }
            Problem::BallotIdTwice { id } => write!(f, "the ballot id {id} is used twice"),
            Problem::RemovedKindsOutOfOrder => {
                f.write_str("removed resource kinds must be listed once each, in order")
            }
            Problem::RemovedBallotTwice => {
                f.write_str("a removed ballot is listed twice or is still in the workshop")
            }
            Problem::RevealedOutOfOrder => {
                f.write_str("revealed areas must be listed once each, in area order")
            }
            Problem::TooManySessions { max } => write!(f, "at most {max} sessions"),
            Problem::SessionsOutOfOrder => {
                f.write_str("sessions must be listed once each, in order of id")
            }
            Problem::NotASessionOfTheWorkshop {
                participant,
                session,
            } => write!(
                f,
                "the ballot of {participant} came from session {}, which is not one of the workshop's sessions",
                session.short()
            ),
            Problem::DecisionCleared => {
                f.write_str("the agreed decision was cleared after it was recorded")
            }
            Problem::NotAKindOfTheWorkshop => {
                f.write_str("this is not a resource kind of the workshop")
            }
            Problem::OtherWorkshop { found } => write!(
                f,
                "this ballot belongs to another workshop ({})",
                found.short()
            ),
            Problem::BallotOfOtherWorkshop {
                participant,
                found,
                ours,
            } => write!(
                f,
                "this ballot of {participant} belongs to another workshop ({}), not this one ({})",
                found.short(),
                ours.short()
            ),
            Problem::LockedOutOfOrder => {
                f.write_str("locked areas must be listed once each, in area order")
            }
            Problem::ModelsNotWhole => f.write_str("the models of an area must add up to 100%"),
            Problem::NotAModelId { max_bytes } => {
                write!(f, "a model id is 1 to {max_bytes} characters")
            }
            Problem::Note {
                note: Some(id),
                error,
            } => write!(f, "note {}: {error}", id.short()),
            Problem::Note { note: None, error } => write!(f, "{error}"),
            Problem::AnothersNote { note, participant } => write!(
                f,
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
                write!(
                    f,
                    "a version {version} {file} {lacks}; this needs schema_version {needs}"
                )
            }
            Problem::NotFiveAreas => f.write_str("there must be exactly five areas"),
            Problem::AreasOutOfOrder => f.write_str("the areas must be in walk-through order"),
            Problem::NoModels => f.write_str("each area needs at least one model"),
            Problem::ModelIdTwice => f.write_str("model ids must be present and unique"),
            Problem::NoSource => f.write_str("every model needs a source"),
            Problem::NotACode => f.write_str("a ballot code starts with CP1-"),
            Problem::CodeCharacters => f.write_str("it has characters a ballot code never has"),
            Problem::CodeCut => {
                f.write_str("it is damaged or incomplete; part of it may be missing")
            }
            Problem::CodeTooShort => f.write_str("it is too short; part of it may be missing"),
            Problem::CodeCheckDigits => {
                f.write_str("it is damaged or incomplete (its check digits do not match)")
            }
            Problem::CodeContents => {
                f.write_str("it is damaged (its contents do not fit together)")
            }
            Problem::CodeFromNewerApp => {
                f.write_str("it was made by a newer version of Co-produce")
            }
            Problem::NotAJoinLink => {
                f.write_str("it is not a Co-produce join link (it may have been cut short)")
            }
            Problem::LinkIncomplete => f.write_str("it is damaged or incomplete"),
            Problem::LinkDamaged => f.write_str("it is damaged"),
            Problem::NotATime => f.write_str("it is not a time"),
            Problem::BallotsInSetup => f.write_str("it holds ballots, which are stored one by one"),
            Problem::NotAnId => f.write_str("its id is not an id"),
            Problem::Missing => f.write_str("it is missing"),
            Problem::UnderAnotherId => f.write_str("it is stored under another ballot's id"),
            Problem::NotText => f.write_str("it is not text"),
            Problem::FacilitatorSentBallots => {
                f.write_str("a facilitator's message carries no ballots")
            }
        }
    }
}
