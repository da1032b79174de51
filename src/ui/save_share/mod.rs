//! The pieces of the "Save and share" screen: download the decisions, gather
//! tablets' ballots, open a saved workshop, combine sessions, start a new one.

mod combine_kinds;
mod combine_picked;
mod combine_sessions;
mod download;
mod gather;
mod gather_report;
mod gather_scan;
mod open_saved;
mod start_new;

pub use combine_sessions::CombineSessions;
pub use download::DownloadDecisions;
pub use gather::GatherBallots;
pub use open_saved::{ImportOutcome, OpenSavedWorkshop};
pub use start_new::StartNewWorkshop;
