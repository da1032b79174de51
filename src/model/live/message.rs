//! The signed message inside a seal. Layout: `signer public key (32 bytes) ||
//! Ed25519 signature (64) || body (UTF-8 JSON)`. The signature covers
//! `b"co-produce live v1\0" || topic || b"\0" || body`, so a signed body cannot
//! be moved to another topic or mistaken for a signature made for anything else.

use ed25519_dalek::{Signature, Signer, SigningKey};

use super::error::LiveError;
use super::keys::PublicKey;

/// Length of the signer's public key at the start of the message.
pub const SIGNER_LEN: usize = 32;
/// Length of the signature after it.
pub const SIGNATURE_LEN: usize = 64;
/// Bytes a signature adds to its body.
pub const SIGNED_OVERHEAD: usize = SIGNER_LEN + SIGNATURE_LEN;

/// What is signed starts with this, so these signatures mean nothing elsewhere.
const CONTEXT: &[u8] = b"co-produce live v1\0";

/// The bytes the signature covers.
fn signed_bytes(topic: &str, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(CONTEXT.len() + topic.len() + 1 + body.len());
    out.extend_from_slice(CONTEXT);
    out.extend_from_slice(topic.as_bytes());
    out.push(0);
    out.extend_from_slice(body);
    out
}

/// Signs a body for a topic: the plaintext to seal.
pub fn sign(signer: &SigningKey, topic: &str, body: &[u8]) -> Vec<u8> {
    let signature = signer.sign(&signed_bytes(topic, body));
    let mut out = Vec::with_capacity(SIGNED_OVERHEAD + body.len());
    out.extend_from_slice(&PublicKey::of(signer).0);
    out.extend_from_slice(&signature.to_bytes());
    out.extend_from_slice(body);
    out
}

/// A verified message: who signed it, and its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verified<'a> {
    /// The key that signed it (the one its topic names).
    pub signer: PublicKey,
    /// The signed body.
    pub body: &'a [u8],
}

/// Checks an opened plaintext: signed by `expected` (the key its topic names),
/// for this topic, and unchanged. Strict verification refuses weak keys and
/// malleable signatures, so one ballot has one valid signature per body.
pub fn verify<'a>(
    topic: &str,
    expected: &PublicKey,
    plaintext: &'a [u8],
) -> Result<Verified<'a>, LiveError> {
    if plaintext.len() < SIGNED_OVERHEAD {
        return Err(LiveError::NotOurs);
    }
    let (signer, rest) = plaintext.split_at(SIGNER_LEN);
    let (signature, body) = rest.split_at(SIGNATURE_LEN);
    let signer = PublicKey(signer.try_into().map_err(|_| LiveError::NotOurs)?);
    if signer != *expected {
        return Err(LiveError::WrongSender);
    }
    let key = signer.verifying_key().ok_or(LiveError::BadSignature)?;
    let signature = Signature::from_bytes(signature.try_into().map_err(|_| LiveError::NotOurs)?);
    key.verify_strict(&signed_bytes(topic, body), &signature)
        .map_err(|_| LiveError::BadSignature)?;
    Ok(Verified { signer, body })
}
