//! The domain of a Total Transformation workshop, in plain Rust: no browser,
//! no clock, no randomness of its own, so all of it is tested on the host.

pub mod aggregate;
pub mod agreement;
pub mod area;
pub mod ballot_code;
pub mod catalogue;
pub mod combine;
pub mod compare;
pub mod compare_view;
pub mod comparison_csv;
pub mod comparison_file;
pub mod csv;
pub mod encoding;
pub mod fair_split;
pub mod format;
pub mod id;
pub mod join;
pub mod json_problem;
pub mod kind_match;
pub mod live;
pub mod lowercase;
pub mod merge;
pub mod note_edit;
pub mod note_wall;
pub mod notes;
pub mod order;
pub mod parse;
pub mod partnership;
pub mod partnership_results;
pub mod pieces;
pub mod pretty;
pub mod problem;
pub mod qr_reader;
pub mod record;
pub mod resource;
pub mod rules;
pub mod shares;
pub mod shift;
pub mod text;
pub mod time;
pub mod workshop;

pub use aggregate::{aggregate, AreaStats, GroupStats, KindAggregate, Measure};
pub use agreement::{
    agreement, group_shares, headlines, Agreement, AreaAgreement, Direction, Headline, RoleShare,
};
pub use area::{Area, AreaShares};
pub use catalogue::{AreaContent, Catalogue, CatalogueRef, Source, SupportModel};
pub use combine::{combine, combined_id, session_aggregate, CombineError, KindGap};
pub use compare::{
    compare, AgreeAcross, AreaComparison, ComparedPlace, Comparison, Figure, KindComparison,
    Outcome, PlaceFigures, PlaceKind,
};
pub use compare_view::{PlaceFilter, PlaceOrder, PlacesAgree};
pub use comparison_csv::{comparison_csv, COMPARISON_CSV_HEADER};
pub use comparison_file::{
    export_comparison_json, import_comparison_json, ComparisonFile, ComparisonProblem,
    OpenedComparison, COMPARISON_SCHEMA_PATH, COMPARISON_SCHEMA_VERSION,
};
pub use fair_split::{fair_split, fair_split_working, FairSplitWorking};
pub use id::Id;
pub use json_problem::{JsonPart, ShapeProblem, SyntaxProblem};
pub use kind_match::{
    match_kinds, Candidate, KindMapping, KindMatch, KindPair, KindRef, MappingError, MatchedKind,
    Mismatch, RefusedPair,
};
pub use merge::{merge_ballots, merge_into, merge_workshops, MergeReport};
pub use note_wall::{note_reviews, note_wall, others_cards, NoteCard, NoteReview, NoteWall};
pub use notes::{NoteError, NoteKind, NoteModeration, ParticipantNote};
pub use parse::ImportError;
pub use partnership::{PartnershipCheck, PartnershipRatings, Principle, Rating};
pub use partnership_results::{
    partnership_results, PartnershipResults, PrincipleResult, RatingCounts, RatingGroup, RoleGap,
};
pub use problem::{LaterPart, Place, Problem, SchemaFound, VersionedFile};
pub use record::{
    export_json, import_json, working_copy_json, DecisionRecord, OLDEST_SCHEMA_VERSION,
    SCHEMA_PATH, SCHEMA_VERSION,
};
pub use resource::{Period, ResourceKind, Unit};
pub use rules::validate;
pub use shift::{shift, shift_of, AreaMove, Shift};
pub use time::Timestamp;
pub use workshop::{
    AgreedDecision, AreaNotes, Ballot, KindAllocation, Role, RoomControls, RoomLead, Session,
    Workshop,
};
