//! Live mode: every device of the room talks through an MQTT broker that sees
//! only ciphertext. Each tablet publishes its whole ballot as one retained
//! message on its own topic; the facilitator publishes the room's controls on
//! theirs. Every payload is sealed with the room key from the join link and
//! signed by its sender, so nobody can read the room without the link, publish
//! a ballot as someone else, or pose as the facilitator. What fails is dropped
//! and counted, never shown. Newer `updated_at` wins, as in offline merging.
//!
//! Pure Rust, like the rest of the model: nonces, keys' random seeds and the
//! time come in as plain values, and the MQTT codec moves no bytes itself.

pub mod error;
pub mod keys;
pub mod link;
pub mod message;
pub mod mqtt;
pub mod room;
pub mod seal;
pub mod topic;

pub use ed25519_dalek::SigningKey;
pub use error::{LiveError, ReceiveCounts};
pub use keys::{
    signing_key_from_seed, signing_key_from_text, signing_key_to_text, PublicKey, RoomKey,
};
pub use link::{looks_like_live_link, Audience, LinkError, LinkPart, LiveLink};
pub use room::{ballot_id_for, is_newer, FacilitatorState, LiveRoom, Outgoing, Received};
pub use seal::{MAX_BALLOT_PAYLOAD, MAX_FACILITATOR_PAYLOAD, NONCE_LEN};
pub use topic::{
    ballot_topic, client_id, facilitator_topic, parse_topic, workshop_filter, LiveTopic,
};
