#![cfg(not(target_arch = "wasm32"))]
//! The browser tests read local storage with a decoder of their own
//! (`tests/e2e/stored.mjs`). This runs it under Node on codes the app writes,
//! of every layout (allocations, ratings, notes and agreements, a session), so it keeps
//! decoding what the app stores. Without Node
//! (it comes with the browser tests' tooling) there is nothing to run.

mod common;

use std::process::Command;

use co_produce::model::ballot_code::encode_ballot;
use serde_json::Value;

#[test]
fn the_browser_tests_decoder_reads_every_code_the_app_writes() {
    if Command::new("node").arg("--version").output().is_err() {
        eprintln!("node is not installed: the decoder is checked by the browser tests");
        return;
    }
    let mut w = common::realistic_workshop_with_ratings();
    assert!(w.ballots.iter().any(|b| b.partnership.is_empty()));
    assert!(w.ballots.iter().any(|b| !b.partnership.is_empty()));
    // And ballots with notes, agreements or both, with ratings and without.
    let with_notes = common::realistic_workshop_with_notes();
    assert!(with_notes.ballots.iter().any(|b| !b.notes.is_empty()));
    assert!(with_notes.ballots.iter().any(|b| !b.agrees.is_empty()));
    w.ballots.extend(
        with_notes
            .ballots
            .into_iter()
            .filter(|b| !b.notes.is_empty() || !b.agrees.is_empty()),
    );
    // And ballots of a combined workshop's sessions, with notes and without.
    let from_sessions: Vec<_> = w
        .ballots
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 3 == 0)
        .map(|(i, b)| {
            let mut b = b.clone();
            b.session = Some(co_produce::model::Id(0xA1 + i as u128));
            b
        })
        .collect();
    assert!(from_sessions.iter().any(|b| b.notes.is_empty()));
    w.ballots.extend(from_sessions);
    let codes: Vec<String> = w.ballots.iter().map(encode_ballot).collect();
    let decoder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/stored.mjs");
    let script = format!(
        "const {{ decodeBallotCode }} = await import({decoder:?});\n\
         const codes = {codes};\n\
         console.log(JSON.stringify(codes.map(decodeBallotCode)));",
        codes = serde_json::to_string(&codes).expect("JSON"),
    );
    let out = Command::new("node")
        .args(["--input-type=module", "-e", &script])
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let decoded: Vec<Value> = serde_json::from_slice(&out.stdout).expect("the decoder's JSON");
    let expected: Vec<Value> = w
        .ballots
        .iter()
        .map(|b| serde_json::to_value(b).expect("JSON"))
        .collect();
    assert_eq!(decoded, expected);
}
