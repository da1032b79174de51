#![cfg(not(target_arch = "wasm32"))]
//! Live mode's sealing and signing: what opens, and everything that must not.
//! The broker, another participant with the room key, or someone without it
//! may change, move, replay or forge messages; each is refused and counted.

mod common;

use co_produce::model::live::message::{sign, verify};
use co_produce::model::live::seal::{open, seal, SEAL_OVERHEAD};
use co_produce::model::live::{
    ballot_id_for, ballot_topic, facilitator_topic, is_newer, signing_key_from_seed,
    signing_key_from_text, signing_key_to_text, FacilitatorState, LiveError, LiveLink, LiveRoom,
    PublicKey, ReceiveCounts, Received, RoomKey, SigningKey, MAX_BALLOT_PAYLOAD,
    MAX_FACILITATOR_PAYLOAD,
};
use co_produce::model::{merge_ballots, merge_workshops, Ballot, Id, Role, Workshop};
use common::{at, realistic_workshop};
use proptest::prelude::*;

// ---------------------------------------------------------------- helpers

fn facilitator() -> SigningKey {
    signing_key_from_seed([7; 32])
}

fn tablet(n: u8) -> SigningKey {
    signing_key_from_seed([100 + n; 32])
}

fn nonce(n: u8) -> [u8; 24] {
    [n; 24]
}

fn room_key() -> RoomKey {
    RoomKey([42; 32])
}

/// The realistic workshop (five resource kinds) and a room for it.
fn room() -> (LiveRoom, Workshop) {
    let w = realistic_workshop();
    let link = LiveLink::for_facilitator(w.id, room_key(), &facilitator());
    (LiveRoom::new(link), w)
}

/// A ballot of the tablet with this key: a realistic one, with the id the key gives.
fn ballot_of(w: &Workshop, key: &SigningKey, minutes: i64) -> Ballot {
    let mut b = w.ballots[0].clone();
    b.id = ballot_id_for(&PublicKey::of(key));
    b.participant = "Siân on tablet 3".into();
    b.role = Role::FamilyCarer;
    b.updated_at = at(minutes);
    b
}

/// A payload sealed by hand, the way someone who holds the room key could.
fn forge(
    key: &RoomKey,
    topic: &str,
    signer: &SigningKey,
    sign_topic: &str,
    body: &[u8],
) -> Vec<u8> {
    seal(key, topic, &sign(signer, sign_topic, body), nonce(9))
}

fn ballot_json(b: &Ballot) -> Vec<u8> {
    serde_json::to_vec(b).expect("a ballot serialises")
}

// ---------------------------------------------------------------- round trips

#[test]
fn a_ballot_round_trips_through_seal_and_signature() {
    let (room, w) = room();
    let me = tablet(1);
    let ballot = ballot_of(&w, &me, 50);
    let out = room.seal_ballot(&me, &ballot, nonce(1)).expect("sealed");
    assert_eq!(out.topic, ballot_topic(w.id, &PublicKey::of(&me)));
    assert_eq!(out.topic, room.ballot_topic(&PublicKey::of(&me)));
    assert_eq!(out.payload[0], 1, "the version byte comes first");
    assert_eq!(&out.payload[1..25], &nonce(1), "then the nonce");
    assert_eq!(
        out.payload.len(),
        SEAL_OVERHEAD + 96 + ballot_json(&ballot).len(),
        "version, nonce, tag, signer, signature and the JSON body"
    );
    assert_eq!(
        room.open(&out.topic, &out.payload),
        Ok(Received::Ballot(ballot))
    );
}

#[test]
fn the_facilitators_workshop_round_trips_without_ballots() {
    let (room, w) = room();
    let out = room
        .seal_facilitator(&facilitator(), &w, at(100), nonce(2))
        .expect("sealed");
    assert_eq!(
        out.topic,
        facilitator_topic(w.id, &PublicKey::of(&facilitator()))
    );
    assert_eq!(out.topic, room.facilitator_topic());
    let Ok(Received::Facilitator(got)) = room.open(&out.topic, &out.payload) else {
        panic!("the facilitator's message should open");
    };
    assert!(got.ballots.is_empty(), "ballots travel on their own topics");
    assert_eq!(*got, w.with_only_ballots(|_| false));
    // Merged into a tablet's copy, it brings set-up, notes and decision and keeps ballots.
    let mut tablet_copy = w.clone();
    tablet_copy.notes.clear();
    let merged = merge_workshops(&tablet_copy, &got).expect("same workshop");
    assert_eq!(merged.notes, w.notes);
    assert_eq!(merged.ballots.len(), w.ballots.len());
}

#[test]
fn nonces_make_each_seal_different() {
    let (room, w) = room();
    let me = tablet(1);
    let ballot = ballot_of(&w, &me, 50);
    let a = room.seal_ballot(&me, &ballot, nonce(1)).expect("sealed");
    let b = room.seal_ballot(&me, &ballot, nonce(2)).expect("sealed");
    assert_ne!(a.payload, b.payload);
    assert_eq!(
        room.open(&a.topic, &a.payload),
        room.open(&b.topic, &b.payload)
    );
}

#[test]
fn signing_keys_survive_storage_as_text() {
    let key = tablet(3);
    let text = signing_key_to_text(&key);
    assert_eq!(text.len(), 43);
    let back = signing_key_from_text(&text).expect("reads back");
    assert_eq!(PublicKey::of(&back), PublicKey::of(&key));
    assert!(signing_key_from_text(&text[..42]).is_none());
    assert!(signing_key_from_text("not a key").is_none());
}

#[test]
fn secrets_stay_out_of_debug_output() {
    let (room, _) = room();
    let key_text = room_key().to_base64url();
    let shown = format!("{:?} {:?}", room, room.link());
    assert!(!shown.contains(&key_text), "{shown}");
    assert!(!shown.contains("42, 42"), "{shown}");
    let signer = format!("{:?}", tablet(1));
    assert!(!signer.contains(&signing_key_to_text(&tablet(1))));
    assert!(!signer.contains("101, 101"), "{signer}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn seal_then_open_gives_the_plaintext(
        key in any::<[u8; 32]>(),
        nonce in any::<[u8; 24]>(),
        topic in "[a-z0-9/_-]{0,80}",
        plaintext in proptest::collection::vec(any::<u8>(), 0..2_000),
    ) {
        let key = RoomKey(key);
        let sealed = seal(&key, &topic, &plaintext, nonce);
        prop_assert_eq!(sealed.len(), plaintext.len() + SEAL_OVERHEAD);
        prop_assert_eq!(open(&key, &topic, &sealed), Ok(plaintext));
    }

    #[test]
    fn sign_then_verify_gives_the_body(
        seed in any::<[u8; 32]>(),
        topic in "[a-z0-9/_-]{0,80}",
        body in proptest::collection::vec(any::<u8>(), 0..500),
    ) {
        let signer = signing_key_from_seed(seed);
        let signed = sign(&signer, &topic, &body);
        let verified = verify(&topic, &PublicKey::of(&signer), &signed).expect("verifies");
        prop_assert_eq!(verified.body, &body[..]);
        prop_assert_eq!(verified.signer, PublicKey::of(&signer));
    }

    #[test]
    fn a_changed_byte_anywhere_is_refused(at_fraction in 0.0f64..1.0, flip in 1u8..=255) {
        let (room, w) = room();
        let me = tablet(1);
        let out = room.seal_ballot(&me, &ballot_of(&w, &me, 50), nonce(1)).expect("sealed");
        let mut payload = out.payload.clone();
        let i = ((payload.len() as f64) * at_fraction) as usize;
        payload[i] ^= flip;
        let got = room.open(&out.topic, &payload);
        prop_assert!(got.is_err());
        if i > 0 {
            prop_assert_eq!(got, Err(LiveError::BadSeal));
        }
    }

    #[test]
    fn a_changed_signed_byte_is_refused_even_when_resealed(at_fraction in 0.0f64..1.0, flip in 1u8..=255) {
        // Someone with the room key opens a ballot, changes it and seals it again:
        // only the signature stands in the way.
        let (room, w) = room();
        let me = tablet(1);
        let topic = room.ballot_topic(&PublicKey::of(&me));
        let mut signed = sign(&me, &topic, &ballot_json(&ballot_of(&w, &me, 50)));
        let i = ((signed.len() as f64) * at_fraction) as usize;
        signed[i] ^= flip;
        let payload = seal(&room_key(), &topic, &signed, nonce(3));
        let got = room.open(&topic, &payload);
        if i < 32 {
            prop_assert_eq!(got, Err(LiveError::WrongSender));
        } else {
            prop_assert_eq!(got, Err(LiveError::BadSignature));
        }
    }

    #[test]
    fn arbitrary_payloads_are_refused_without_panicking(
        payload in proptest::collection::vec(any::<u8>(), 0..300),
    ) {
        let (room, _) = room();
        let topic = room.ballot_topic(&PublicKey::of(&tablet(1)));
        prop_assert!(room.open(&topic, &payload).is_err());
        prop_assert!(room.open(&room.facilitator_topic(), &payload).is_err());
        prop_assert!(room.open("some/other/topic", &payload).is_err());
    }
}

// ---------------------------------------------------------------- keys and topics

#[test]
fn another_rooms_key_does_not_open_it() {
    let (room, w) = room();
    let me = tablet(1);
    let out = room
        .seal_ballot(&me, &ballot_of(&w, &me, 50), nonce(1))
        .expect("sealed");
    let other = LiveRoom::new(LiveLink {
        key: RoomKey([43; 32]),
        ..room.link().clone()
    });
    assert_eq!(
        other.open(&out.topic, &out.payload),
        Err(LiveError::BadSeal)
    );
}

#[test]
fn a_payload_moved_to_another_topic_does_not_open() {
    let (room, w) = room();
    let me = tablet(1);
    let out = room
        .seal_ballot(&me, &ballot_of(&w, &me, 50), nonce(1))
        .expect("sealed");
    let elsewhere = room.ballot_topic(&PublicKey::of(&tablet(2)));
    assert_eq!(room.open(&elsewhere, &out.payload), Err(LiveError::BadSeal));
}

#[test]
fn topics_of_other_workshops_or_shapes_are_not_ours() {
    let (room, w) = room();
    let me = tablet(1);
    let out = room
        .seal_ballot(&me, &ballot_of(&w, &me, 50), nonce(1))
        .expect("sealed");
    let other_workshop = ballot_topic(Id(5), &PublicKey::of(&me));
    for topic in [
        other_workshop.as_str(),
        "",
        "wk",
        "wk/x/b/y",
        &format!("{}/extra", out.topic),
        &out.topic.replace("/b/", "/z/"),
        &out.topic.to_uppercase(),
    ] {
        assert_eq!(
            room.open(topic, &out.payload),
            Err(LiveError::NotOurTopic),
            "{topic}"
        );
    }
}

#[test]
fn short_or_other_version_payloads_are_not_ours() {
    let (room, w) = room();
    let me = tablet(1);
    let out = room
        .seal_ballot(&me, &ballot_of(&w, &me, 50), nonce(1))
        .expect("sealed");
    assert_eq!(room.open(&out.topic, &[]), Err(LiveError::NotOurs));
    assert_eq!(
        room.open(&out.topic, &out.payload[..40]),
        Err(LiveError::NotOurs)
    );
    let mut newer = out.payload.clone();
    newer[0] = 2;
    assert_eq!(
        room.open(&out.topic, &newer),
        Err(LiveError::UnknownVersion(2))
    );
    newer[0] = 0;
    assert_eq!(room.open(&out.topic, &newer), Err(LiveError::NotOurs));
}

// ---------------------------------------------------------------- forgery

#[test]
fn a_ballot_resealed_on_someone_elses_topic_is_refused() {
    let (room, w) = room();
    let (me, victim) = (tablet(1), tablet(2));
    let victim_topic = room.ballot_topic(&PublicKey::of(&victim));
    let my_topic = room.ballot_topic(&PublicKey::of(&me));
    // My own signed ballot, re-sealed for the victim's topic.
    let body = ballot_json(&ballot_of(&w, &me, 50));
    let payload = forge(&room_key(), &victim_topic, &me, &my_topic, &body);
    assert_eq!(
        room.open(&victim_topic, &payload),
        Err(LiveError::WrongSender)
    );
    // A ballot with the victim's id, signed by me, on the victim's topic.
    let body = ballot_json(&ballot_of(&w, &victim, 50));
    let payload = forge(&room_key(), &victim_topic, &me, &victim_topic, &body);
    assert_eq!(
        room.open(&victim_topic, &payload),
        Err(LiveError::WrongSender)
    );
    // The same, claiming to be the victim in the signer field.
    let mut signed = sign(&me, &victim_topic, &body);
    signed[..32].copy_from_slice(&PublicKey::of(&victim).0);
    let payload = seal(&room_key(), &victim_topic, &signed, nonce(4));
    assert_eq!(
        room.open(&victim_topic, &payload),
        Err(LiveError::BadSignature)
    );
}

#[test]
fn a_genuine_signature_for_another_topic_is_refused() {
    // The victim's signed plaintext, lifted by someone with the room key and
    // sealed for another topic the victim's key names (the facilitator's form).
    let (room, w) = room();
    let victim = tablet(2);
    let ballot_topic = room.ballot_topic(&PublicKey::of(&victim));
    let signed = sign(
        &victim,
        &ballot_topic,
        &ballot_json(&ballot_of(&w, &victim, 50)),
    );
    let moved = ballot_topic.replace("/b/", "/f/");
    let link = LiveLink {
        facilitator: PublicKey::of(&victim),
        ..room.link().clone()
    };
    let room_where_victim_facilitates = LiveRoom::new(link);
    let payload = seal(&room_key(), &moved, &signed, nonce(5));
    assert_eq!(
        room_where_victim_facilitates.open(&moved, &payload),
        Err(LiveError::BadSignature)
    );
}

#[test]
fn a_ballot_whose_id_is_not_its_senders_is_refused() {
    let (room, w) = room();
    let (me, victim) = (tablet(1), tablet(2));
    let victims_ballot = ballot_of(&w, &victim, 50);
    assert_eq!(
        room.seal_ballot(&me, &victims_ballot, nonce(1)),
        Err(LiveError::NotThisSendersBallot)
    );
    let my_topic = room.ballot_topic(&PublicKey::of(&me));
    let payload = forge(
        &room_key(),
        &my_topic,
        &me,
        &my_topic,
        &ballot_json(&victims_ballot),
    );
    assert_eq!(
        room.open(&my_topic, &payload),
        Err(LiveError::NotThisSendersBallot)
    );
}

#[test]
fn a_ballot_of_another_workshop_is_refused() {
    let (room, w) = room();
    let me = tablet(1);
    let mut ballot = ballot_of(&w, &me, 50);
    ballot.workshop_id = Id(77);
    assert_eq!(
        room.seal_ballot(&me, &ballot, nonce(1)),
        Err(LiveError::NotThisWorkshop { found: Id(77) })
    );
    let topic = room.ballot_topic(&PublicKey::of(&me));
    let payload = forge(&room_key(), &topic, &me, &topic, &ballot_json(&ballot));
    assert_eq!(
        room.open(&topic, &payload),
        Err(LiveError::NotThisWorkshop { found: Id(77) })
    );
}

#[test]
fn a_facilitator_message_signed_by_anyone_else_is_refused() {
    let (room, w) = room();
    let intruder = tablet(9);
    assert_eq!(
        room.seal_facilitator(&intruder, &w, at(100), nonce(1)),
        Err(LiveError::NotTheFacilitator)
    );
    let state = FacilitatorState {
        workshop: w.with_only_ballots(|_| false),
        sent_at: at(100),
    };
    let body = serde_json::to_vec(&state).expect("serialises");
    // Signed by the intruder, on the real facilitator's topic.
    let real = room.facilitator_topic();
    let payload = forge(&room_key(), &real, &intruder, &real, &body);
    assert_eq!(room.open(&real, &payload), Err(LiveError::WrongSender));
    // Signed by the intruder, on a facilitator topic the intruder's key names.
    let forged = facilitator_topic(w.id, &PublicKey::of(&intruder));
    let payload = forge(&room_key(), &forged, &intruder, &forged, &body);
    assert_eq!(
        room.open(&forged, &payload),
        Err(LiveError::NotTheFacilitator)
    );
}

#[test]
fn a_facilitator_message_carrying_ballots_is_refused() {
    let (room, w) = room();
    let state = FacilitatorState {
        workshop: w.clone(),
        sent_at: at(100),
    };
    let topic = room.facilitator_topic();
    let body = serde_json::to_vec(&state).expect("serialises");
    let payload = forge(&room_key(), &topic, &facilitator(), &topic, &body);
    let got = room.open(&topic, &payload);
    assert!(
        matches!(&got, Err(LiveError::Invalid(e)) if e.to_string().contains("workshop.ballots")),
        "{got:?}"
    );
}

#[test]
fn signed_contents_that_are_not_a_ballot_are_refused_with_where() {
    let (room, w) = room();
    let me = tablet(1);
    let topic = room.ballot_topic(&PublicKey::of(&me));
    for body in [
        b"not json".to_vec(),
        vec![0xff, 0xfe],
        br#"{"id": 1}"#.to_vec(),
        serde_json::to_vec(&w).expect("serialises"),
    ] {
        let payload = forge(&room_key(), &topic, &me, &topic, &body);
        let got = room.open(&topic, &payload);
        assert!(matches!(got, Err(LiveError::Invalid(_))), "{got:?}");
    }
    // A facilitator state whose workshop breaks a rule names the rule.
    let mut broken = w.with_only_ballots(|_| false);
    broken.date = "yesterday".into();
    let body = serde_json::to_vec(&FacilitatorState {
        workshop: broken,
        sent_at: at(1),
    })
    .expect("serialises");
    let topic = room.facilitator_topic();
    let payload = forge(&room_key(), &topic, &facilitator(), &topic, &body);
    let got = room.open(&topic, &payload);
    assert!(
        matches!(&got, Err(LiveError::Invalid(e)) if e.to_string().contains("workshop.date")),
        "{got:?}"
    );
}

// ---------------------------------------------------------------- size

#[test]
fn oversized_payloads_are_refused_before_any_work() {
    let (room, _) = room();
    let ballot_topic = room.ballot_topic(&PublicKey::of(&tablet(1)));
    let big = vec![1u8; MAX_BALLOT_PAYLOAD + 1];
    assert_eq!(
        room.open(&ballot_topic, &big),
        Err(LiveError::TooLarge {
            bytes: MAX_BALLOT_PAYLOAD + 1,
            limit: MAX_BALLOT_PAYLOAD
        })
    );
    // The facilitator may send more, but not without bound.
    assert_eq!(
        room.open(&room.facilitator_topic(), &big),
        Err(LiveError::BadSeal)
    );
    let huge = vec![1u8; MAX_FACILITATOR_PAYLOAD + 1];
    for topic in [ballot_topic.as_str(), &room.facilitator_topic(), "junk"] {
        assert_eq!(
            room.open(topic, &huge),
            Err(LiveError::TooLarge {
                bytes: MAX_FACILITATOR_PAYLOAD + 1,
                limit: MAX_FACILITATOR_PAYLOAD
            })
        );
    }
    let message = LiveError::TooLarge {
        bytes: MAX_BALLOT_PAYLOAD + 1,
        limit: MAX_BALLOT_PAYLOAD,
    }
    .to_string();
    assert!(
        message.contains("65 KB") && message.contains("64 KB"),
        "{message}"
    );
}

#[test]
fn a_ballot_too_large_to_send_is_refused_by_the_sender() {
    let (room, w) = room();
    let me = tablet(1);
    let mut ballot = ballot_of(&w, &me, 50);
    ballot.participant = "x".repeat(MAX_BALLOT_PAYLOAD);
    assert!(matches!(
        room.seal_ballot(&me, &ballot, nonce(1)),
        Err(LiveError::TooLarge {
            limit: MAX_BALLOT_PAYLOAD,
            ..
        })
    ));
}

#[test]
fn message_sizes_leave_room_to_spare() {
    let (room, w) = room();
    let me = tablet(1);
    let ballot = ballot_of(&w, &me, 50);
    assert_eq!(ballot.allocations.len(), 5);
    let b = room.seal_ballot(&me, &ballot, nonce(1)).expect("sealed");
    let f = room
        .seal_facilitator(&facilitator(), &w, at(100), nonce(1))
        .expect("sealed");
    println!(
        "sealed 5-kind ballot: {} bytes; sealed facilitator state: {} bytes",
        b.payload.len(),
        f.payload.len()
    );
    assert!(b.payload.len() * 8 < MAX_BALLOT_PAYLOAD);
    assert!(f.payload.len() * 8 < MAX_FACILITATOR_PAYLOAD);
}

// ---------------------------------------------------------------- replay

#[test]
fn a_replayed_older_ballot_changes_nothing() {
    let (room, w) = room();
    let me = tablet(1);
    let old = ballot_of(&w, &me, 50);
    let mut new = old.clone();
    new.updated_at = at(60);
    new.role = Role::Citizen;
    let old_msg = room.seal_ballot(&me, &old, nonce(1)).expect("sealed");
    let new_msg = room.seal_ballot(&me, &new, nonce(2)).expect("sealed");

    let mut presenter = w.clone();
    for msg in [&new_msg, &old_msg] {
        let Ok(Received::Ballot(b)) = room.open(&msg.topic, &msg.payload) else {
            panic!("both are genuine");
        };
        let report = merge_ballots(&mut presenter, vec![b], "live");
        assert!(report.refused.is_empty(), "{:?}", report.refused);
    }
    assert_eq!(presenter.ballot(new.id), Some(&new));
    assert!(is_newer(None, &old));
    assert!(is_newer(Some(&old), &new));
    assert!(!is_newer(Some(&new), &old), "the replay is older");
    assert!(
        !is_newer(Some(&new), &new),
        "the same copy again changes nothing"
    );
}

#[test]
fn a_replayed_older_facilitator_state_changes_nothing() {
    let (room, w) = room();
    let old = room
        .seal_facilitator(&facilitator(), &w, at(100), nonce(1))
        .expect("sealed");
    let mut changed = w.clone();
    changed.room.frozen = true;
    changed.room.updated_at = at(120);
    let new = room
        .seal_facilitator(&facilitator(), &changed, at(120), nonce(2))
        .expect("sealed");
    let mut tablet_copy = w.with_only_ballots(|_| false);
    for msg in [&new, &old] {
        let Ok(Received::Facilitator(got)) = room.open(&msg.topic, &msg.payload) else {
            panic!("both are genuine");
        };
        tablet_copy = merge_workshops(&tablet_copy, &got).expect("same workshop");
    }
    assert!(tablet_copy.room.frozen, "the newer controls stay");
}

// ---------------------------------------------------------------- counts and messages

#[test]
fn counts_sort_every_outcome() {
    let mut counts = ReceiveCounts::default();
    let outcomes: Vec<Result<(), LiveError>> = vec![
        Ok(()),
        Ok(()),
        Err(LiveError::BadSeal),
        Err(LiveError::BadSignature),
        Err(LiveError::WrongSender),
        Err(LiveError::NotTheFacilitator),
        Err(LiveError::NotOurTopic),
        Err(LiveError::NotOurs),
        Err(LiveError::UnknownVersion(3)),
        Err(LiveError::TooLarge { bytes: 9, limit: 1 }),
        Err(LiveError::NotThisSendersBallot),
        Err(LiveError::NotThisWorkshop { found: Id(1) }),
    ];
    for o in &outcomes {
        counts.record(o);
    }
    assert_eq!(
        counts,
        ReceiveCounts {
            accepted: 2,
            dropped_bad_seal: 1,
            dropped_bad_signature: 3,
            dropped_not_ours: 3,
            dropped_too_large: 1,
            dropped_invalid: 2,
        }
    );
    assert_eq!(counts.dropped(), 10);
}

#[test]
fn ballots_merge_refuses_move_from_accepted_to_invalid() {
    let (room, w) = room();
    let me = tablet(1);
    let mut ballot = ballot_of(&w, &me, 50);
    let alloc = ballot.allocations.values().next().cloned().expect("one");
    ballot.allocations.insert("no_such_kind".into(), alloc);
    let out = room.seal_ballot(&me, &ballot, nonce(1)).expect("sealed");
    let mut counts = ReceiveCounts::default();
    let got = room.open(&out.topic, &out.payload);
    counts.record(&got);
    let Ok(Received::Ballot(b)) = got else {
        panic!("kinds are the workshop's to check");
    };
    let mut presenter = w.clone();
    let report = merge_ballots(&mut presenter, vec![b], "live");
    counts.record_merge(&report);
    assert_eq!((counts.accepted, counts.dropped_invalid), (0, 1));
}

#[test]
fn every_error_reads_as_a_sentence() {
    for e in [
        LiveError::TooLarge {
            bytes: 70_000,
            limit: MAX_BALLOT_PAYLOAD,
        },
        LiveError::NotOurTopic,
        LiveError::NotOurs,
        LiveError::UnknownVersion(2),
        LiveError::BadSeal,
        LiveError::BadSignature,
        LiveError::WrongSender,
        LiveError::NotTheFacilitator,
        LiveError::NotThisWorkshop { found: Id(1) },
        LiveError::NotThisSendersBallot,
    ] {
        let text = e.to_string();
        assert!(text.starts_with("The "), "{text}");
        assert!(text.ends_with('.'), "{text}");
    }
}
