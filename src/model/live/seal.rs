//! The sealed payload: what the broker stores and forwards. Layout:
//! `version (1 byte, = 1) || nonce (24 bytes) || XChaCha20-Poly1305 ciphertext
//! and tag`, with the topic as associated data, so a payload moved to another
//! topic no longer opens. The 24-byte nonce is random, which is safe for
//! XChaCha without any counter shared between devices.

use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{KeyInit, XChaCha20Poly1305, XNonce};

use super::error::LiveError;
use super::keys::RoomKey;
use super::topic::LiveTopic;

/// The first byte of every sealed payload this version writes.
pub const SEAL_VERSION: u8 = 1;
/// Length of the random nonce.
pub const NONCE_LEN: usize = 24;
/// Length of the Poly1305 tag at the end of the ciphertext.
pub const TAG_LEN: usize = 16;
/// Bytes a seal adds to its plaintext: version, nonce and tag.
pub const SEAL_OVERHEAD: usize = 1 + NONCE_LEN + TAG_LEN;
/// Largest payload accepted on a ballot topic: a ballot of 12 kinds with model
/// splits is well under this; more is an attack or a bug.
pub const MAX_BALLOT_PAYLOAD: usize = 64 * 1024;
/// Largest payload accepted on a facilitator topic: the set-up, notes and
/// decision of a workshop, without ballots.
pub const MAX_FACILITATOR_PAYLOAD: usize = 256 * 1024;

/// The most a payload on this topic may be.
pub fn max_payload(topic: &LiveTopic) -> usize {
    match topic {
        LiveTopic::Ballot { .. } => MAX_BALLOT_PAYLOAD,
        LiveTopic::Facilitator { .. } => MAX_FACILITATOR_PAYLOAD,
    }
}

/// Seals a plaintext for one topic with a fresh random nonce from the platform.
pub fn seal(key: &RoomKey, topic: &str, plaintext: &[u8], nonce: [u8; NONCE_LEN]) -> Vec<u8> {
    let cipher = XChaCha20Poly1305::new((&key.0).into());
    let payload = Payload {
        msg: plaintext,
        aad: topic.as_bytes(),
    };
    // Encryption only fails for plaintexts near 256 GiB, far past any size limit.
    let sealed = cipher
        .encrypt(XNonce::from_slice(&nonce), payload)
        .unwrap_or_default();
    let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
    out.push(SEAL_VERSION);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    out
}

/// Opens a payload received on `topic`; refuses one sealed with another key,
/// for another topic, or changed in any byte.
pub fn open(key: &RoomKey, topic: &str, payload: &[u8]) -> Result<Vec<u8>, LiveError> {
    let Some((&version, rest)) = payload.split_first() else {
        return Err(LiveError::NotOurs);
    };
    if version > SEAL_VERSION {
        return Err(LiveError::UnknownVersion(version));
    }
    if version != SEAL_VERSION {
        return Err(LiveError::NotOurs);
    }
    if rest.len() < NONCE_LEN + TAG_LEN {
        return Err(LiveError::NotOurs);
    }
    let (nonce, sealed) = rest.split_at(NONCE_LEN);
    let cipher = XChaCha20Poly1305::new((&key.0).into());
    cipher
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: sealed,
                aad: topic.as_bytes(),
            },
        )
        .map_err(|_| LiveError::BadSeal)
}
