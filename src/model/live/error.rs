//! Why a live message was refused, and the tally of refusals the screen shows.
//! Anything that fails is dropped and counted, never shown and never fatal.

use crate::model::id::Id;
use crate::model::merge::MergeReport;
use crate::model::parse::ImportError;

/// Why a live message was not sent or not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiveError {
    /// Larger than live messages may be; refused before any other work.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
        /// The most allowed for its kind of topic, in bytes.
        limit: usize,
    },
    /// The topic is not one of this workshop's.
    NotOurTopic,
    /// Too short or the wrong shape to be a sealed Co-produce message.
    NotOurs,
    /// Sealed by a newer version of the app (the first byte names the version).
    UnknownVersion(u8),
    /// Does not open with the room key: another room's, or changed on the way.
    BadSeal,
    /// The signature does not match the message.
    BadSignature,
    /// Signed by a key other than the one its topic names.
    WrongSender,
    /// A control message not signed by the workshop's facilitator.
    NotTheFacilitator,
    /// Sealed for this room but about another workshop.
    NotThisWorkshop {
        /// The workshop it names.
        found: Id,
    },
    /// A ballot whose id is not the one its sender's key gives.
    NotThisSendersBallot,
    /// The contents break a rule or are not a ballot or workshop at all.
    Invalid(ImportError),
}

impl std::fmt::Display for LiveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LiveError::TooLarge { bytes, limit } => write!(
                f,
                "The message is too large ({} KB); a live message may be at most {} KB.",
                bytes.div_ceil(1024),
                limit / 1024
            ),
            LiveError::NotOurTopic => {
                f.write_str("The message was sent to a place that is not this workshop's.")
            }
            LiveError::NotOurs => f.write_str("The message is not a Co-produce live message."),
            LiveError::UnknownVersion(v) => write!(
                f,
                "The message was sent by a newer version of Co-produce (format {v}); \
                 reload the page to update the app."
            ),
            LiveError::BadSeal => f.write_str(
                "The message could not be opened: it was sealed with another workshop's key \
                 or changed on the way.",
            ),
            LiveError::BadSignature => {
                f.write_str("The message's signature does not match it: it was changed or forged.")
            }
            LiveError::WrongSender => f.write_str(
                "The message was signed by someone other than the device it claims to be from.",
            ),
            LiveError::NotTheFacilitator => f.write_str(
                "The control message was not signed with this workshop's facilitator key.",
            ),
            LiveError::NotThisWorkshop { found } => write!(
                f,
                "The message belongs to another workshop ({}).",
                found.short()
            ),
            LiveError::NotThisSendersBallot => {
                f.write_str("The ballot's id does not belong to the device that sent it.")
            }
            LiveError::Invalid(e) => write!(f, "The message's contents are not valid. {e}"),
        }
    }
}

impl std::error::Error for LiveError {}

/// How many live messages were accepted, and how many dropped and why, so the
/// screen can say "12 messages dropped" without showing any of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReceiveCounts {
    /// Opened, verified and valid.
    pub accepted: u64,
    /// Did not open with the room key (tampered, another room's, moved topic).
    pub dropped_bad_seal: u64,
    /// Signature wrong, or signed by someone other than the topic's owner or the facilitator.
    pub dropped_bad_signature: u64,
    /// Not a message of this app or workshop at all.
    pub dropped_not_ours: u64,
    /// Over the size limit.
    pub dropped_too_large: u64,
    /// Genuine but breaking a rule (wrong workshop, wrong ballot id, broken contents).
    pub dropped_invalid: u64,
}

impl ReceiveCounts {
    /// Counts the outcome of opening one message.
    pub fn record<T>(&mut self, outcome: &Result<T, LiveError>) {
        let counter = match outcome {
            Ok(_) => &mut self.accepted,
            Err(LiveError::TooLarge { .. }) => &mut self.dropped_too_large,
            Err(LiveError::NotOurTopic | LiveError::NotOurs | LiveError::UnknownVersion(_)) => {
                &mut self.dropped_not_ours
            }
            Err(LiveError::BadSeal) => &mut self.dropped_bad_seal,
            Err(
                LiveError::BadSignature | LiveError::WrongSender | LiveError::NotTheFacilitator,
            ) => &mut self.dropped_bad_signature,
            Err(
                LiveError::NotThisWorkshop { .. }
                | LiveError::NotThisSendersBallot
                | LiveError::Invalid(_),
            ) => &mut self.dropped_invalid,
        };
        *counter += 1;
    }

    /// Counts ballots that opened fine but that merging refused (a resource
    /// kind the workshop does not have, shares that do not add up): they move
    /// from accepted to invalid, since only the workshop can check them.
    pub fn record_merge(&mut self, report: &MergeReport) {
        let refused = report.refused.len() as u64;
        self.accepted = self.accepted.saturating_sub(refused);
        self.dropped_invalid += refused;
    }

    /// Every message dropped, whatever the reason.
    pub fn dropped(&self) -> u64 {
        self.dropped_bad_seal
            + self.dropped_bad_signature
            + self.dropped_not_ours
            + self.dropped_too_large
            + self.dropped_invalid
    }
}
