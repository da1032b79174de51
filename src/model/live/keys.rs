//! The keys of a live workshop: the room key every device of the room shares
//! (it seals every message), and each sender's Ed25519 signing key. Random
//! bytes come from the platform, so the model stays deterministic under test.

use ed25519_dalek::{SigningKey, VerifyingKey};

use crate::model::encoding::{base64url, unbase64url};

/// The room's secret key: 32 random bytes, carried only in the join link's fragment.
#[derive(Clone, PartialEq, Eq)]
pub struct RoomKey(pub [u8; 32]);

impl RoomKey {
    /// The key as URL-safe base64 without padding (43 characters), for the link.
    pub fn to_base64url(&self) -> String {
        base64url(&self.0)
    }

    /// Reads 43 characters of URL-safe base64; anything else is not a room key.
    pub fn parse(text: &str) -> Option<RoomKey> {
        decode_32(text).map(RoomKey)
    }
}

// A key in a log or a panic message would leak the room: print only that it is one.
impl std::fmt::Debug for RoomKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RoomKey(…)")
    }
}

/// The public half of a sender's signing key: names its topic and checks its signatures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PublicKey(pub [u8; 32]);

impl PublicKey {
    /// The public half of a signing key.
    pub fn of(signer: &SigningKey) -> PublicKey {
        PublicKey(signer.verifying_key().to_bytes())
    }

    /// The key as URL-safe base64 without padding (43 characters): the last
    /// part of a sender's topic and its MQTT client id.
    pub fn to_base64url(&self) -> String {
        base64url(&self.0)
    }

    /// Reads 43 characters of URL-safe base64 holding a valid Ed25519 point.
    pub fn parse(text: &str) -> Option<PublicKey> {
        let key = PublicKey::decode(text)?;
        key.verifying_key().map(|_| key)
    }

    /// Reads 43 characters of URL-safe base64 without checking the point: for
    /// topics, whose key is checked anyway when the signature is verified.
    pub(crate) fn decode(text: &str) -> Option<PublicKey> {
        decode_32(text).map(PublicKey)
    }

    /// The key ready to check signatures, if it is a point on the curve.
    pub(crate) fn verifying_key(&self) -> Option<VerifyingKey> {
        VerifyingKey::from_bytes(&self.0).ok()
    }
}

/// A signing key from 32 random bytes the platform supplies (the key's seed).
pub fn signing_key_from_seed(seed: [u8; 32]) -> SigningKey {
    SigningKey::from_bytes(&seed)
}

/// A signing key's seed as URL-safe base64, so a device can keep its identity
/// across reloads. This is a secret: store it only on the device.
pub fn signing_key_to_text(key: &SigningKey) -> String {
    base64url(&key.to_bytes())
}

/// A signing key back from [`signing_key_to_text`]; `None` if the text is damaged.
pub fn signing_key_from_text(text: &str) -> Option<SigningKey> {
    decode_32(text).map(signing_key_from_seed)
}

/// Exactly 32 bytes from unpadded URL-safe base64 (always 43 characters).
fn decode_32(text: &str) -> Option<[u8; 32]> {
    if text.len() != 43 {
        return None;
    }
    unbase64url(text)?.try_into().ok()
}
