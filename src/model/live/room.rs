//! One entry point for the app: a live room seals what this device sends and
//! opens, verifies and checks what it receives. Randomness (nonces) and time
//! come in as plain values.

use serde::{Deserialize, Serialize};

use ed25519_dalek::SigningKey;

use super::error::LiveError;
use super::keys::PublicKey;
use super::link::LiveLink;
use super::message::{sign, verify};
use super::seal::{
    max_payload, open, seal, MAX_BALLOT_PAYLOAD, MAX_FACILITATOR_PAYLOAD, NONCE_LEN,
};
use super::topic::{ballot_topic, facilitator_topic, parse_topic, workshop_filter, LiveTopic};
use crate::model::id::Id;
use crate::model::json_problem::ShapeProblem;
use crate::model::merge::newer_ballot;
use crate::model::parse::{parse_typed, ImportError};
use crate::model::problem::{Place, Problem};
use crate::model::rules::validate;
use crate::model::time::Timestamp;
use crate::model::workshop::{Ballot, Workshop};

/// What the facilitator publishes: the workshop without its ballots (each
/// tablet publishes its own), so set-up, notes, room controls, the decision and
/// removal tombstones reach every device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FacilitatorState {
    /// The workshop, with `ballots` empty.
    pub workshop: Workshop,
    /// When the facilitator's device sent it.
    pub sent_at: Timestamp,
}

/// A message ready to publish (QoS 1, retained, so late joiners get the latest).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// The topic to publish under.
    pub topic: String,
    /// The sealed payload.
    pub payload: Vec<u8>,
}

/// A message that opened, verified and passed its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Received {
    /// A tablet's ballot: merge it with `merge_ballots`, which keeps the newer
    /// copy and checks it against the workshop's resource kinds.
    Ballot(Ballot),
    /// The facilitator's workshop (no ballots): merge it with `merge_workshops`,
    /// which keeps the newer copy of each piece, so an old replay changes nothing.
    Facilitator(Box<Workshop>),
}

/// The ballot id of the tablet with this key: the key's first 16 bytes, so
/// nobody can publish a ballot under another tablet's id.
pub fn ballot_id_for(key: &PublicKey) -> Id {
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&key.0[..16]);
    Id::from_bytes(bytes)
}

/// Whether an incoming ballot should replace the copy already held: the newer
/// wins (an exact tie by content, as in `merge_ballots`), so a replayed older
/// ballot changes nothing.
pub fn is_newer(existing: Option<&Ballot>, incoming: &Ballot) -> bool {
    match existing {
        None => true,
        Some(held) => held != incoming && std::ptr::eq(newer_ballot(held, incoming), incoming),
    }
}

/// A live workshop as this device takes part in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveRoom {
    link: LiveLink,
}

impl LiveRoom {
    /// The room a link opens.
    pub fn new(link: LiveLink) -> LiveRoom {
        LiveRoom { link }
    }

    /// The link this room was opened with.
    pub fn link(&self) -> &LiveLink {
        &self.link
    }

    /// The filter to subscribe to for every message of the workshop.
    pub fn filter(&self) -> String {
        workshop_filter(self.link.workshop)
    }

    /// The topic the facilitator's controls are published under.
    pub fn facilitator_topic(&self) -> String {
        facilitator_topic(self.link.workshop, &self.link.facilitator)
    }

    /// The topic a tablet with this key publishes its ballot under.
    pub fn ballot_topic(&self, key: &PublicKey) -> String {
        ballot_topic(self.link.workshop, key)
    }

    /// Signs and seals this tablet's ballot. The ballot must be of this
    /// workshop and have the id its key gives ([`ballot_id_for`]).
    pub fn seal_ballot(
        &self,
        signer: &SigningKey,
        ballot: &Ballot,
        nonce: [u8; NONCE_LEN],
    ) -> Result<Outgoing, LiveError> {
        let key = PublicKey::of(signer);
        if ballot.workshop_id != self.link.workshop {
            return Err(LiveError::NotThisWorkshop {
                found: ballot.workshop_id,
            });
        }
        if ballot.id != ballot_id_for(&key) {
            return Err(LiveError::NotThisSendersBallot);
        }
        let body = to_json(ballot)?;
        self.seal_body(
            signer,
            ballot_topic(self.link.workshop, &key),
            &body,
            nonce,
            MAX_BALLOT_PAYLOAD,
        )
    }

    /// Signs and seals the facilitator's workshop, without its ballots.
    pub fn seal_facilitator(
        &self,
        signer: &SigningKey,
        workshop: &Workshop,
        now: Timestamp,
        nonce: [u8; NONCE_LEN],
    ) -> Result<Outgoing, LiveError> {
        if PublicKey::of(signer) != self.link.facilitator {
            return Err(LiveError::NotTheFacilitator);
        }
        if workshop.id != self.link.workshop {
            return Err(LiveError::NotThisWorkshop { found: workshop.id });
        }
        let state = FacilitatorState {
            workshop: workshop.with_only_ballots(|_| false),
            sent_at: now,
        };
        let body = to_json(&state)?;
        self.seal_body(
            signer,
            self.facilitator_topic(),
            &body,
            nonce,
            MAX_FACILITATOR_PAYLOAD,
        )
    }

    fn seal_body(
        &self,
        signer: &SigningKey,
        topic: String,
        body: &[u8],
        nonce: [u8; NONCE_LEN],
        limit: usize,
    ) -> Result<Outgoing, LiveError> {
        let payload = seal(&self.link.key, &topic, &sign(signer, &topic, body), nonce);
        // Refused here too, so the sender hears why rather than the room dropping it.
        if payload.len() > limit {
            return Err(LiveError::TooLarge {
                bytes: payload.len(),
                limit,
            });
        }
        Ok(Outgoing { topic, payload })
    }

    /// Opens, verifies and checks a message received on `topic`. The cheap
    /// checks (size, topic, who may publish there) come first, so junk costs
    /// little; nothing is trusted until the seal and the signature hold.
    pub fn open(&self, topic: &str, payload: &[u8]) -> Result<Received, LiveError> {
        if payload.len() > MAX_FACILITATOR_PAYLOAD {
            return Err(LiveError::TooLarge {
                bytes: payload.len(),
                limit: MAX_FACILITATOR_PAYLOAD,
            });
        }
        let parsed = parse_topic(topic).ok_or(LiveError::NotOurTopic)?;
        if parsed.workshop() != self.link.workshop {
            return Err(LiveError::NotOurTopic);
        }
        if matches!(parsed, LiveTopic::Facilitator { key, .. } if key != self.link.facilitator) {
            return Err(LiveError::NotTheFacilitator);
        }
        let limit = max_payload(&parsed);
        if payload.len() > limit {
            return Err(LiveError::TooLarge {
                bytes: payload.len(),
                limit,
            });
        }
        let plaintext = open(&self.link.key, topic, payload)?;
        let verified = verify(topic, parsed.key(), &plaintext)?;
        let text = std::str::from_utf8(verified.body).map_err(|_| {
            LiveError::Invalid(ImportError::invalid(Place::Message, Problem::NotText))
        })?;
        match parsed {
            LiveTopic::Ballot { .. } => {
                let ballot: Ballot = parse_typed(text).map_err(LiveError::Invalid)?;
                if ballot.workshop_id != self.link.workshop {
                    return Err(LiveError::NotThisWorkshop {
                        found: ballot.workshop_id,
                    });
                }
                if ballot.id != ballot_id_for(&verified.signer) {
                    return Err(LiveError::NotThisSendersBallot);
                }
                // Kinds and shares are checked by `merge_ballots`, which knows the
                // workshop's kinds: a tablet may hear ballots before the set-up.
                Ok(Received::Ballot(ballot))
            }
            LiveTopic::Facilitator { .. } => {
                let state: FacilitatorState = parse_typed(text).map_err(LiveError::Invalid)?;
                let workshop = state.workshop;
                if workshop.id != self.link.workshop {
                    return Err(LiveError::NotThisWorkshop { found: workshop.id });
                }
                // Ballots have one writer each, their tablet: the facilitator may not send any.
                if !workshop.ballots.is_empty() {
                    return Err(LiveError::Invalid(ImportError::invalid(
                        "workshop.ballots",
                        Problem::FacilitatorSentBallots,
                    )));
                }
                validate(&workshop).map_err(LiveError::Invalid)?;
                Ok(Received::Facilitator(Box::new(workshop)))
            }
        }
    }
}

/// A value as JSON bytes; only a map with non-text keys could fail, and these have none.
fn to_json<T: Serialize>(value: &T) -> Result<Vec<u8>, LiveError> {
    serde_json::to_vec(value).map_err(|e| {
        LiveError::Invalid(ImportError::Shape {
            path: Place::Message,
            reason: ShapeProblem::of(&e.to_string()),
        })
    })
}
