//! MQTT topics of a live workshop. Each sender publishes only under the topic
//! its public key names, so a broker's retained message per topic is exactly
//! one sender's latest state and nobody can write under someone else's name.

use super::keys::PublicKey;
use crate::model::id::Id;

/// Where a message was published, as read from its topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiveTopic {
    /// `wk/<workshop>/b/<key>`: one tablet's ballot.
    Ballot {
        /// The workshop in the topic.
        workshop: Id,
        /// The tablet whose ballot it is.
        key: PublicKey,
    },
    /// `wk/<workshop>/f/<key>`: the facilitator's controls.
    Facilitator {
        /// The workshop in the topic.
        workshop: Id,
        /// The key that claims to be the facilitator's.
        key: PublicKey,
    },
}

impl LiveTopic {
    /// The workshop the topic belongs to.
    pub fn workshop(&self) -> Id {
        match self {
            LiveTopic::Ballot { workshop, .. } | LiveTopic::Facilitator { workshop, .. } => {
                *workshop
            }
        }
    }

    /// The key of the only sender allowed to publish under it.
    pub fn key(&self) -> &PublicKey {
        match self {
            LiveTopic::Ballot { key, .. } | LiveTopic::Facilitator { key, .. } => key,
        }
    }
}

/// The topic a tablet publishes its ballot under: `wk/<hex id>/b/<base64url key>`.
pub fn ballot_topic(workshop: Id, key: &PublicKey) -> String {
    format!("wk/{workshop}/b/{}", key.to_base64url())
}

/// The topic the facilitator publishes the room's controls under: `wk/<hex id>/f/<base64url key>`.
pub fn facilitator_topic(workshop: Id, key: &PublicKey) -> String {
    format!("wk/{workshop}/f/{}", key.to_base64url())
}

/// The filter that receives every message of a workshop: `wk/<hex id>/#`.
pub fn workshop_filter(workshop: Id) -> String {
    format!("wk/{workshop}/#")
}

/// A publisher's MQTT client id: its public key, so a second connection with
/// the same key replaces the first instead of both publishing.
pub fn client_id(key: &PublicKey) -> String {
    key.to_base64url()
}

/// Reads a topic of the shape [`ballot_topic`] or [`facilitator_topic`] write;
/// `None` for anything else.
pub fn parse_topic(topic: &str) -> Option<LiveTopic> {
    let mut parts = topic.split('/');
    let (Some("wk"), Some(id), Some(kind), Some(key), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return None;
    };
    let workshop = Id::parse(id)?;
    // The point itself is checked with the signature, so reading a topic stays cheap.
    let key = PublicKey::decode(key)?;
    match kind {
        "b" => Some(LiveTopic::Ballot { workshop, key }),
        "f" => Some(LiveTopic::Facilitator { workshop, key }),
        _ => None,
    }
}
