#![cfg(not(target_arch = "wasm32"))]
//! The join link carries a workshop's set-up to a tablet.

mod common;

use co_produce::model::join::{join_code, read_join_code};
use co_produce::model::Timestamp;

#[test]
fn a_join_code_carries_the_set_up_and_no_ballots() {
    let w = common::realistic_workshop();
    let code = join_code(&w);
    assert!(code
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    let joined = read_join_code(&code, Timestamp(7)).expect("a fresh code reads back");
    assert_eq!(joined.id, w.id);
    assert_eq!(joined.name, w.name);
    assert_eq!(joined.kinds, w.kinds);
    assert_eq!(joined.setup_updated_at, w.setup_updated_at);
    assert!(joined.ballots.is_empty());
    println!(
        "join code for {} kinds: {} characters",
        w.kinds.len(),
        code.len()
    );
}

#[test]
fn damaged_join_codes_are_refused_not_panicked_on() {
    let code = join_code(&common::realistic_workshop());
    for cut in [0, 1, 10, code.len() / 2, code.len() - 1] {
        assert!(
            read_join_code(&code[..cut], Timestamp(0)).is_err(),
            "cut at {cut}"
        );
    }
    assert!(read_join_code("not a code!", Timestamp(0)).is_err());
    let mut flipped = code.clone().into_bytes();
    flipped[20] = if flipped[20] == b'A' { b'B' } else { b'A' };
    let _ = read_join_code(
        &String::from_utf8(flipped).unwrap_or_default(),
        Timestamp(0),
    );
}

#[test]
fn a_join_code_carries_the_partnership_check() {
    use co_produce::model::PartnershipCheck;
    let mut w = common::realistic_workshop();
    let off = join_code(&w);
    for check in [
        PartnershipCheck::BeforeAllocation,
        PartnershipCheck::AfterAllocation,
    ] {
        w.partnership_check = check;
        let joined = read_join_code(&join_code(&w), Timestamp(7)).expect("reads back");
        assert_eq!(joined.partnership_check, check);
    }
    // Off is left out, so the link of a workshop without the check is as before.
    w.partnership_check = PartnershipCheck::Off;
    assert_eq!(join_code(&w), off);
    assert_eq!(
        read_join_code(&off, Timestamp(7))
            .unwrap()
            .partnership_check,
        PartnershipCheck::Off
    );
}
