#![cfg(not(target_arch = "wasm32"))]
//! base64url and CRC-32, the encodings under ballot codes, join links and
//! live keys: known answers from their standards, and round trips.

use co_produce::model::encoding::{base64url, crc32, is_base64url_char, unbase64url};
use proptest::prelude::*;

/// RFC 4648 §10's test vectors, in the URL-safe alphabet without padding.
#[test]
fn base64url_matches_rfc_4648() {
    let vectors = [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ];
    for (plain, encoded) in vectors {
        assert_eq!(base64url(plain.as_bytes()), encoded, "{plain:?}");
        assert_eq!(
            unbase64url(encoded).as_deref(),
            Some(plain.as_bytes()),
            "{encoded:?}"
        );
    }
}

/// The two characters where base64url differs from base64: `-` and `_`, not `+` and `/`.
#[test]
fn base64url_uses_the_url_safe_alphabet() {
    assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    assert_eq!(unbase64url("-_8"), Some(vec![0xfb, 0xff]));
    assert_eq!(unbase64url("+/8"), None);
    assert!(is_base64url_char(b'-') && is_base64url_char(b'_'));
    assert!(!is_base64url_char(b'+') && !is_base64url_char(b'/') && !is_base64url_char(b'='));
}

/// Padding, a length no byte string has, and stray low bits are all refused,
/// so each byte string has exactly one spelling.
#[test]
fn unbase64url_refuses_what_it_never_writes() {
    assert_eq!(unbase64url("Zg=="), None, "padding");
    assert_eq!(
        unbase64url("Z"),
        None,
        "one character is never a whole byte"
    );
    assert_eq!(unbase64url("Zm9vY"), None, "cut off mid-byte");
    assert_eq!(unbase64url("Zh"), None, "stray bits after the last byte");
    assert_eq!(unbase64url("Zm9 v"), None, "a space");
}

/// The standard check value of CRC-32 (IEEE): the CRC of "123456789".
#[test]
fn crc32_matches_the_standard_check_value() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b""), 0);
    assert_eq!(
        crc32(b"The quick brown fox jumps over the lazy dog"),
        0x414F_A339
    );
}

proptest! {
    #[test]
    fn base64url_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let text = base64url(&bytes);
        prop_assert!(text.bytes().all(is_base64url_char));
        prop_assert_eq!(text.len(), (bytes.len() * 4).div_ceil(3));
        prop_assert_eq!(unbase64url(&text), Some(bytes));
    }

    #[test]
    fn unbase64url_never_panics(text in "\\PC{0,80}") {
        if let Some(bytes) = unbase64url(&text) {
            prop_assert_eq!(base64url(&bytes), text);
        }
    }

    #[test]
    fn crc32_catches_every_changed_byte(
        bytes in proptest::collection::vec(any::<u8>(), 1..200),
        at in any::<prop::sample::Index>(),
        flip in 1u8..=255,
    ) {
        let mut changed = bytes.clone();
        changed[at.index(bytes.len())] ^= flip;
        prop_assert_ne!(crc32(&bytes), crc32(&changed));
    }
}
