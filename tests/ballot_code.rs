#![cfg(not(target_arch = "wasm32"))]
//! One ballot on its own: the compact code a facilitator scans or pastes, and
//! the small JSON file. Both round trip, and damaged input is refused, never
//! misread and never a panic.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use co_produce::model::ballot_code::{
    decode_ballot, encode_ballot, export_ballot_json, read_gathered, Gathered, CODE_PREFIX,
    LAYOUT_ALLOCATIONS, LAYOUT_NOTES, LAYOUT_PARTNERSHIP, LAYOUT_SESSION,
};
use co_produce::model::shares::normalise;
use co_produce::model::{
    export_json, Area, AreaNotes, AreaShares, Ballot, Id, ImportError, KindAllocation, NoteKind,
    ParticipantNote, PartnershipRatings, Place, Principle, Rating, Role, Timestamp,
};
use common::{at, id, realistic_workshop};
use proptest::prelude::*;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn realistic_ballots() -> Vec<Ballot> {
    realistic_workshop().ballots
}

/// A ballot of the default four kinds with a 12-character name, as a phone makes it.
fn typical_ballot() -> Ballot {
    let mut w = realistic_workshop();
    w.remove_kind("custom_1", at(50));
    let mut b = w.ballot(id(13)).expect("ballot").clone();
    b.participant = "Gwen Pritch.".into();
    assert_eq!(b.participant.chars().count(), 12);
    assert_eq!(b.allocations.len(), 4);
    b
}

fn shares() -> impl Strategy<Value = AreaShares> {
    prop::collection::vec(0u32..=10_000, 5).prop_map(|w| {
        let s = normalise(&w);
        AreaShares::from_array([s[0], s[1], s[2], s[3], s[4]])
    })
}

fn model_split() -> impl Strategy<Value = BTreeMap<String, u32>> {
    let model_id = prop_oneof!["[a-z_]{1,12}", "[a-z][a-z_]{59}"];
    prop::collection::vec((model_id, 0u32..=10_000), 0..4).prop_map(|pairs| {
        let weights: Vec<u32> = pairs.iter().map(|(_, w)| *w).collect();
        let split = normalise(&weights);
        pairs.into_iter().map(|(id, _)| id).zip(split).collect()
    })
}

fn allocation() -> impl Strategy<Value = KindAllocation> {
    (
        shares(),
        0u8..32,
        prop::collection::btree_map(0usize..5, model_split(), 0..=2),
    )
        .prop_map(|(areas, mask, models)| KindAllocation {
            areas,
            locked: Area::ALL
                .into_iter()
                .filter(|a| mask & (1 << a.index()) != 0)
                .collect(),
            models: models
                .into_iter()
                .map(|(i, split)| (Area::ALL[i], split))
                .collect(),
        })
}

/// Names of any characters, up to the 200 a ballot may have (up to 800 bytes).
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<char>(), 0..=200).prop_map(|c| c.into_iter().collect()),
        "[A-Za-z' -]{1,30}",
        prop::collection::vec(prop::sample::select(vec!['ŵ', '李', '💜', 'a']), 150..=200)
            .prop_map(|c| c.into_iter().collect()),
    ]
}

fn ballot() -> impl Strategy<Value = Ballot> {
    ballot_at(any::<i64>())
}

/// A ballot stamped at a time a record can hold (years 1900 to 9999).
fn dated_ballot() -> impl Strategy<Value = Ballot> {
    ballot_at(-2_208_988_800_000i64..=253_402_300_799_999)
}

/// Partnership ratings: none (half the time, as most ballots have none), or
/// any set of principles each with any rating.
fn ratings() -> impl Strategy<Value = PartnershipRatings> {
    prop_oneof![
        Just(PartnershipRatings::new()),
        prop::collection::btree_map(
            prop::sample::select(Principle::ALL.to_vec()),
            prop::sample::select(Rating::ALL.to_vec()),
            0..=6,
        ),
    ]
}

/// Participants' notes: none (half the time), or up to the 30 a ballot may
/// hold, of any characters up to the 280 a note may have (up to 1,120 bytes).
fn notes(time: impl Strategy<Value = i64>) -> impl Strategy<Value = Vec<ParticipantNote>> {
    let text = prop_oneof![
        prop::collection::vec(any::<char>(), 1..=280).prop_map(|c| c.into_iter().collect()),
        "[A-Za-z' .,-]{1,60}",
    ];
    let note =
        (any::<u128>(), 0usize..5, 0usize..3, text, time).prop_map(|(id, area, kind, text, t)| {
            ParticipantNote {
                id: Id(id),
                area: Area::ALL[area],
                kind: NoteKind::ALL[kind],
                text,
                updated_at: Timestamp(t),
            }
        });
    prop_oneof![Just(Vec::new()), prop::collection::vec(note, 0..=30)]
}

/// Agreements: none (half the time), or up to the 300 a ballot may hold.
fn agrees() -> impl Strategy<Value = BTreeSet<Id>> {
    prop_oneof![
        Just(BTreeSet::new()),
        prop::collection::btree_set(any::<u128>().prop_map(Id), 0..=300),
    ]
}

fn ballot_at(time: impl Strategy<Value = i64> + Clone) -> impl Strategy<Value = Ballot> {
    (
        any::<u128>(),
        any::<u128>(),
        name(),
        0usize..5,
        prop::collection::btree_map("[a-z0-9_]{1,40}", allocation(), 1..=12),
        ratings(),
        notes(time.clone()),
        agrees(),
        (time, prop::option::of(any::<u128>().prop_map(Id))),
    )
        .prop_map(
            |(
                id,
                workshop,
                participant,
                role,
                allocations,
                partnership,
                notes,
                agrees,
                (t, session),
            )| {
                Ballot {
                    id: Id(id),
                    workshop_id: Id(workshop),
                    participant,
                    role: Role::ALL[role],
                    allocations,
                    partnership,
                    notes,
                    agrees,
                    session,
                    updated_at: Timestamp(t),
                }
            },
        )
}

fn assert_refused(code: &str) -> Result<(), TestCaseError> {
    match decode_ballot(code) {
        Ok(b) => Err(TestCaseError::fail(format!(
            "a damaged code was accepted: {code} → {b:?}"
        ))),
        Err(ImportError::Invalid { path, reason }) => {
            prop_assert_eq!(path, Place::Code);
            prop_assert!(!reason.to_string().is_empty());
            Ok(())
        }
        Err(other) => Err(TestCaseError::fail(format!("unexpected error {other:?}"))),
    }
}

/// Every change of one character of a code (to any other base64url character
/// or to a stray one), every cut and every added character is refused.
fn check_every_damage(code: &str, stride: usize) -> Result<(), TestCaseError> {
    let bytes = code.as_bytes();
    for i in (0..bytes.len()).step_by(stride.max(1)) {
        for &c in ALPHABET.iter().chain(b"=+/ .\n\x00") {
            if c == bytes[i] {
                continue;
            }
            let mut damaged = bytes.to_vec();
            damaged[i] = c;
            let damaged = String::from_utf8(damaged).expect("ascii");
            // A space or newline as the very last character is trimmed: that is a cut.
            assert_refused(&damaged)?;
        }
    }
    for end in (0..bytes.len()).rev().step_by(stride.max(1)) {
        assert_refused(&code[..end])?;
    }
    for &c in ALPHABET {
        assert_refused(&format!("{code}{}", c as char))?;
        assert_refused(&format!("{code}{}A", c as char))?;
        assert_refused(&format!("{code}{}AA", c as char))?;
    }
    Ok(())
}

// ---------------------------------------------------------------- round trips

#[test]
fn realistic_ballots_round_trip_through_codes_and_files() {
    for b in realistic_ballots() {
        let code = encode_ballot(&b);
        assert!(code.starts_with(CODE_PREFIX));
        assert!(
            code[CODE_PREFIX.len()..]
                .bytes()
                .all(|c| ALPHABET.contains(&c)),
            "only URL-safe characters: {code}"
        );
        assert_eq!(decode_ballot(&code), Ok(b.clone()));
        assert_eq!(decode_ballot(&format!("  {code}\r\n")), Ok(b.clone()));
        assert_eq!(
            read_gathered(&format!("\n{code}\n")),
            Ok(Gathered::Ballots(vec![b.clone()]))
        );
        assert_eq!(encode_ballot(&b), code, "encoding is deterministic");

        let file = export_ballot_json(&b);
        assert!(file.ends_with("}\n"));
        assert_eq!(read_gathered(&file), Ok(Gathered::Ballots(vec![b.clone()])));
    }
}

#[test]
fn the_ballot_file_has_its_documented_shape() {
    let b = realistic_ballots().remove(1);
    let v: serde_json::Value = serde_json::from_str(&export_ballot_json(&b)).expect("JSON");
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["kind"], "co-produce-ballot");
    assert_eq!(v["ballot"]["participant"], b.participant);
    assert_eq!(v["ballot"]["id"], b.id.to_string());
}

#[test]
fn a_whole_record_is_read_as_a_record() {
    let w = realistic_workshop();
    match read_gathered(&export_json(&w)) {
        Ok(Gathered::Record(got)) => assert_eq!(*got, w),
        other => panic!("expected a record, got {other:?}"),
    }
}

#[test]
fn a_record_that_mentions_the_ballot_file_kind_is_still_a_record() {
    let mut w = realistic_workshop();
    w.place = "co-produce-ballot".into();
    w.notes.insert(
        Area::DayActivities,
        AreaNotes {
            good_life: "\"co-produce-ballot\"".into(),
            likes: vec!["co-produce-ballot".into()],
            dislikes: Vec::new(),
            updated_at: at(3),
        },
    );
    match read_gathered(&export_json(&w)) {
        Ok(Gathered::Record(got)) => assert_eq!(*got, w),
        other => panic!("expected a record, got {other:?}"),
    }
}

#[test]
fn damaged_ballot_files_are_refused_with_a_reason() {
    let b = realistic_ballots().remove(0);
    let file = export_ballot_json(&b);

    let newer = file.replacen("\"schema_version\": 1", "\"schema_version\": 5", 1);
    assert!(matches!(
        read_gathered(&newer),
        Err(ImportError::WrongSchema { .. })
    ));

    let bad_role = file.replace("\"citizen\"", "\"mayor\"");
    match read_gathered(&bad_role) {
        Err(ImportError::Shape { path, .. }) => assert_eq!(path, "ballot.role"),
        other => panic!("expected a shape error, got {other:?}"),
    }

    let cut = &file[..file.len() / 2];
    assert!(matches!(
        read_gathered(cut),
        Err(ImportError::NotJson { .. })
    ));
    assert!(read_gathered("").is_err());
    assert!(read_gathered("CP1-").is_err());
    assert!(read_gathered("hello").is_err());
}

#[test]
fn a_name_of_more_than_255_bytes_round_trips() {
    // 200 characters (the most a name may have) of four bytes each.
    let mut b = realistic_ballots().remove(2);
    b.participant = "💜".repeat(200);
    assert_eq!(b.participant.len(), 800);
    assert_eq!(decode_ballot(&encode_ballot(&b)), Ok(b.clone()));
    // Welsh and Chinese names longer than 255 bytes too.
    b.participant = "Siân ŵyr 李雷 ".repeat(16);
    assert!(b.participant.chars().count() <= 200);
    assert!(b.participant.len() > 255);
    assert_eq!(decode_ballot(&encode_ballot(&b)), Ok(b));
}

#[test]
fn an_overlong_name_is_cut_at_a_character_boundary() {
    let mut b = realistic_ballots().remove(0);
    for prefix in ["", "a", "ab", "abc"] {
        b.participant = format!("{prefix}{}", "李💜".repeat(20_000));
        let code = encode_ballot(&b);
        let back = decode_ballot(&code).expect("an overlong name still gives a code");
        assert!(b.participant.starts_with(&back.participant));
        assert!(back.participant.len() <= usize::from(u16::MAX));
        assert!(back.participant.len() > usize::from(u16::MAX) - 4);
        assert_eq!(back.allocations, b.allocations, "the rest is intact");
    }
    // Kind and model ids are cut the same way rather than panicking.
    let mut b = realistic_ballots().remove(0);
    let a = b.allocations["state_money"].clone();
    b.allocations.insert("é".repeat(40_000), a);
    let back = decode_ballot(&encode_ballot(&b)).expect("decodes");
    assert_eq!(back.allocations.len(), b.allocations.len());
}

#[test]
fn a_typical_code_fits_in_a_qr_code() {
    // Four kinds moved, and the models of one area split.
    let mut b = typical_ballot();
    for a in b.allocations.values_mut() {
        a.models.retain(|area, _| *area == Area::OwnHome);
    }
    let models: usize = b.allocations.values().map(|a| a.models.len()).sum();
    assert_eq!(models, 1);
    let code = encode_ballot(&b);
    println!(
        "a ballot of 4 kinds with a 12-character name and one area's models split: {} characters",
        code.len()
    );
    assert!(code.len() < 400, "{} characters: {code}", code.len());
    assert_eq!(decode_ballot(&code), Ok(b.clone()));

    let mut plain = b.clone();
    for a in plain.allocations.values_mut() {
        a.models.clear();
    }
    let plain_code = encode_ballot(&plain);
    println!("  without model splits: {} characters", plain_code.len());
    assert!(plain_code.len() < code.len());

    // Every area's models split in every kind: the most a catalogue's ids add.
    let catalogue = common::catalogue();
    let mut full = plain.clone();
    for a in full.allocations.values_mut() {
        for area in Area::ALL {
            let ids = catalogue.model_ids(area);
            if ids.len() > 1 {
                a.set_model(area, &ids, 0, 6_000);
            }
        }
    }
    let full_code = encode_ballot(&full);
    println!(
        "  with every area's models split in all 4 kinds: {} characters",
        full_code.len()
    );
    // Still far below a QR code's 2,953 bytes.
    assert!(full_code.len() < 2_953);
    assert_eq!(decode_ballot(&full_code), Ok(full));
}

// ---------------------------------------------------------------- damage

#[test]
fn every_single_damage_of_a_realistic_code_is_refused() {
    // Every position of a typical code, every 31st position of the others
    // (the proptest below tries random positions of random ballots).
    let mut typical = typical_ballot();
    for a in typical.allocations.values_mut() {
        a.models.clear();
    }
    check_every_damage(&encode_ballot(&typical), 1).expect("refused");
    for b in &realistic_ballots() {
        check_every_damage(&encode_ballot(b), 31).expect("refused");
    }
}

#[test]
fn codes_of_other_shapes_are_refused_with_a_reason() {
    let code = encode_ballot(&realistic_ballots()[0]);
    let reason = |text: &str| match decode_ballot(text) {
        Err(ImportError::Invalid { reason, .. }) => reason.to_string(),
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert!(reason(&code.replacen("CP1-", "CP2-", 1)).contains("CP1-"));
    assert!(reason(&code.to_lowercase()).contains("CP1-"));
    assert!(reason(&format!("{code}=")).contains("characters"));
    assert!(reason("CP1-AAAA").contains("too short"));
    for cut in 1..=8 {
        let why = reason(&code[..code.len() - cut]);
        assert!(why.contains("damaged or incomplete"), "{why}");
    }
}

/// CRC-32 (IEEE) and base64url, to forge codes whose check digits match
/// around contents that do not fit together.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | (u32::from(b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

fn forge(payload: &[u8]) -> String {
    let mut bytes = payload.to_vec();
    bytes.extend_from_slice(&crc32(payload).to_be_bytes());
    format!("{CODE_PREFIX}{}", base64url(&bytes))
}

#[test]
fn the_test_forger_matches_the_encoder() {
    let b = realistic_ballots().remove(4);
    let code = encode_ballot(&b);
    let body = &code[CODE_PREFIX.len()..];
    // Decoding our own way and re-forging gives the same code.
    let mut bits = Vec::new();
    for c in body.bytes() {
        let v = ALPHABET.iter().position(|&x| x == c).unwrap() as u32;
        for k in (0..6).rev() {
            bits.push((v >> k) & 1);
        }
    }
    let bytes: Vec<u8> = bits
        .chunks_exact(8)
        .map(|c| c.iter().fold(0u8, |acc, &b| acc << 1 | b as u8))
        .collect();
    assert_eq!(forge(&bytes[..bytes.len() - 4]), code);
}

// ---------------------------------------------------------------- partnership ratings

/// The payload of a code (without its check digits).
fn payload_of(code: &str) -> Vec<u8> {
    let body = &code[CODE_PREFIX.len()..];
    let mut bits = Vec::new();
    for c in body.bytes() {
        let v = ALPHABET.iter().position(|&x| x == c).expect("base64url") as u32;
        for k in (0..6).rev() {
            bits.push((v >> k) & 1);
        }
    }
    let bytes: Vec<u8> = bits
        .chunks_exact(8)
        .map(|c| c.iter().fold(0u8, |acc, &b| acc << 1 | b as u8))
        .collect();
    bytes[..bytes.len() - 4].to_vec()
}

/// The realistic workshop of the record fixtures (built with the hand-built catalogue).
fn fixture_ballots() -> Vec<Ballot> {
    common::realistic_workshop_with(&common::hand_built_catalogue()).ballots
}

#[test]
fn codes_written_before_the_partnership_check_still_decode_and_are_still_written() {
    // Written by the app before ratings existed (tests/fixtures/codes-v1.txt).
    let old = include_str!("fixtures/codes-v1.txt");
    let ballots = fixture_ballots();
    assert_eq!(old.lines().count(), ballots.len());
    for (code, b) in old.lines().zip(&ballots) {
        assert_eq!(decode_ballot(code).as_ref(), Ok(b), "{code}");
        // A ballot without ratings is written exactly as before.
        assert_eq!(encode_ballot(b), code);
        assert_eq!(payload_of(code)[0], LAYOUT_ALLOCATIONS);
    }
}

#[test]
fn ratings_travel_in_the_code_after_the_allocations() {
    let mut b = typical_ballot();
    let without = encode_ballot(&b);
    b.partnership = [
        (Principle::SharedAnalysis, Rating::Mostly),
        (Principle::RecognisingPowerImbalances, Rating::NotAtAll),
    ]
    .into();
    let with = encode_ballot(&b);
    assert!(with.starts_with(CODE_PREFIX), "still a CP1- code: {with}");
    assert_eq!(decode_ballot(&with), Ok(b.clone()));
    assert_eq!(read_gathered(&with), Ok(Gathered::Ballots(vec![b.clone()])));
    let (old, new) = (payload_of(&without), payload_of(&with));
    assert_eq!(old[0], LAYOUT_ALLOCATIONS);
    assert_eq!(new[0], LAYOUT_PARTNERSHIP);
    // The same allocations, then a count and (principle, score) pairs in order.
    assert_eq!(&new[1..old.len()], &old[1..]);
    assert_eq!(&new[old.len()..], &[2, 0, 2, 5, 0]);
    // Five bytes, about seven characters more.
    assert!(
        with.len() <= without.len() + 8,
        "{} vs {}",
        with.len(),
        without.len()
    );

    // Every principle rated fully still fits the section's six entries.
    b.partnership = Principle::ALL.map(|p| (p, Rating::Fully)).into();
    assert_eq!(decode_ballot(&encode_ballot(&b)), Ok(b.clone()));
    check_every_damage(&encode_ballot(&b), 3).expect("damage is refused");
}

#[test]
fn a_damaged_ratings_section_is_refused() {
    let mut b = typical_ballot();
    b.partnership = [(Principle::Leadership, Rating::ALittle)].into();
    let payload = payload_of(&encode_ballot(&b));
    let allocations = &payload[..payload.len() - 3];
    let with_section = |layout: u8, section: &[u8]| {
        let mut p = allocations.to_vec();
        p[0] = layout;
        p.extend_from_slice(section);
        forge(&p)
    };
    assert_eq!(decode_ballot(&with_section(2, &[1, 2, 1])), Ok(b.clone()));
    for (why, section) in [
        ("an empty section", &[0u8][..]),
        ("no section", &[]),
        (
            "seven entries",
            &[7, 0, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 5, 1],
        ),
        ("a seventh principle", &[1, 6, 0]),
        ("a fifth rating", &[1, 2, 4]),
        ("a principle twice", &[2, 2, 1, 2, 1]),
        ("principles out of order", &[2, 3, 1, 2, 1]),
        ("a cut entry", &[2, 2, 1, 3]),
        ("bytes left over", &[1, 2, 1, 0]),
    ] {
        let reason = match decode_ballot(&with_section(2, section)) {
            Err(ImportError::Invalid { reason, .. }) => reason.to_string(),
            other => panic!("{why}: expected a refusal, got {other:?}"),
        };
        assert!(reason.contains("damaged"), "{why}: {reason}");
    }
    // The first layout has no section.
    assert!(decode_ballot(&with_section(1, &[1, 2, 1])).is_err());
    // A layout this app does not know yet is named as a newer version's.
    match decode_ballot(&with_section(5, &[1, 2, 1])) {
        Err(ImportError::Invalid { reason, .. }) => {
            assert!(reason.to_string().contains("newer version"), "{reason}")
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_ballot_file_says_version_2_only_when_it_carries_ratings() {
    let mut b = realistic_ballots().remove(1);
    let file = export_ballot_json(&b);
    assert!(file.contains("\"schema_version\": 1"), "{file}");
    assert!(!file.contains("partnership"));
    b.partnership = [(Principle::PersonCentredDesign, Rating::Fully)].into();
    let file = export_ballot_json(&b);
    let v: serde_json::Value = serde_json::from_str(&file).expect("JSON");
    assert_eq!(v["schema_version"], 2);
    assert_eq!(
        v["ballot"]["partnership"],
        serde_json::json!({"person_centred_design": "fully"})
    );
    assert_eq!(read_gathered(&file), Ok(Gathered::Ballots(vec![b.clone()])));
    // A version 1 file cannot hold ratings.
    let claimed_v1 = file.replacen("\"schema_version\": 2", "\"schema_version\": 1", 1);
    match read_gathered(&claimed_v1) {
        Err(ImportError::Invalid { path, reason }) => {
            assert_eq!(path, "ballot.partnership");
            assert!(reason.to_string().contains("version 1"), "{reason}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    // An unknown principle or rating names its place.
    for (bad, path) in [
        (
            file.replace("person_centred_design", "good_vibes"),
            "ballot.partnership.good_vibes",
        ),
        (
            file.replace("\"fully\"", "\"sometimes\""),
            "ballot.partnership.person_centred_design",
        ),
    ] {
        match read_gathered(&bad) {
            Err(ImportError::Shape { path: got, reason }) => {
                assert_eq!(got, path, "{reason}");
                assert!(reason.to_string().contains("unknown variant"), "{reason}");
            }
            other => panic!("expected a shape error, got {other:?}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_ballot_round_trips_through_its_code(b in ballot()) {
        let code = encode_ballot(&b);
        prop_assert!(code.is_ascii());
        // The oldest layout that holds it, so older apps read what they can.
        let layout = if b.session.is_some() {
            LAYOUT_SESSION
        } else if !b.notes.is_empty() || !b.agrees.is_empty() {
            LAYOUT_NOTES
        } else if !b.partnership.is_empty() {
            LAYOUT_PARTNERSHIP
        } else {
            LAYOUT_ALLOCATIONS
        };
        prop_assert_eq!(payload_of(&code)[0], layout);
        prop_assert_eq!(decode_ballot(&code), Ok(b.clone()));
        prop_assert_eq!(read_gathered(&code), Ok(Gathered::Ballots(vec![b])));
    }

    #[test]
    fn any_ballot_round_trips_through_its_file(b in dated_ballot()) {
        prop_assert_eq!(
            read_gathered(&export_ballot_json(&b)),
            Ok(Gathered::Ballots(vec![b]))
        );
    }

    #[test]
    fn any_single_damage_of_any_code_is_refused(
        b in ballot(),
        at in any::<prop::sample::Index>(),
        to in prop::sample::select(ALPHABET.to_vec()),
        cut in any::<prop::sample::Index>(),
        extra in "[A-Za-z0-9_-]{1,4}",
    ) {
        let code = encode_ballot(&b);
        let i = CODE_PREFIX.len() + at.index(code.len() - CODE_PREFIX.len());
        if code.as_bytes()[i] != to {
            let mut damaged = code.clone().into_bytes();
            damaged[i] = to;
            assert_refused(&String::from_utf8(damaged).unwrap())?;
        }
        assert_refused(&code[..cut.index(code.len())])?;
        assert_refused(&format!("{code}{extra}"))?;
    }

    #[test]
    fn decoding_random_text_never_panics(body in "[A-Za-z0-9_=+/ -]{0,400}", any_text in "\\PC{0,100}") {
        let prefixed = format!("CP1-{body}");
        prop_assert!(decode_ballot(&prefixed).is_err(), "random text was read as a ballot");
        let _ = decode_ballot(&any_text);
        let _ = decode_ballot(&format!("CP1-{any_text}"));
        let _ = read_gathered(&format!("CP1-{body}"));
        let _ = read_gathered(&any_text);
    }

    #[test]
    fn forged_codes_with_matching_check_digits_never_panic(
        version in prop_oneof![Just(1u8), Just(2u8), Just(3u8), any::<u8>()],
        rest in prop::collection::vec(any::<u8>(), 0..200),
        b in ballot(),
        flip in any::<prop::sample::Index>(),
        value in any::<u8>(),
    ) {
        // Random contents.
        let mut payload = vec![version];
        payload.extend_from_slice(&rest);
        if let Ok(got) = decode_ballot(&forge(&payload)) {
            prop_assert_eq!(decode_ballot(&encode_ballot(&got)), Ok(got));
        }
        // A real ballot with one byte changed and the check digits recomputed:
        // never a panic, and whatever is read encodes and decodes to itself.
        let code = encode_ballot(&b);
        let body = &code[CODE_PREFIX.len()..];
        let mut bytes = Vec::new();
        let values: Vec<u32> = body
            .bytes()
            .map(|c| ALPHABET.iter().position(|&x| x == c).unwrap() as u32)
            .collect();
        for chunk in values.chunks(4) {
            let n = chunk.iter().enumerate().fold(0u32, |acc, (i, &v)| acc | (v << (18 - 6 * i)));
            for i in 0..chunk.len() - 1 {
                bytes.push((n >> (16 - 8 * i)) as u8);
            }
        }
        let mut payload = bytes[..bytes.len() - 4].to_vec();
        let i = flip.index(payload.len());
        payload[i] = value;
        if let Ok(got) = decode_ballot(&forge(&payload)) {
            prop_assert_eq!(decode_ballot(&encode_ballot(&got)), Ok(got));
        }
    }
}
