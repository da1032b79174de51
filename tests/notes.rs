#![cfg(not(target_arch = "wasm32"))]
//! Everyone's own words: participants' notes and agreements (on their
//! ballots) and the facilitator's moderation (on the workshop). The wall is
//! checked on a room worked out by hand and against its definition; merging
//! in any order and grouping gives the same notes and moderation, and a hide
//! always wins; limits are refused with the right error; records, codes and
//! CSV carry the notes, and version 1 and 2 files still read.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use co_produce::model::ballot_code::{
    decode_ballot, encode_ballot, export_ballot_json, read_gathered, Gathered, LAYOUT_NOTES,
};
use co_produce::model::csv::{to_csv, CSV_HEADER};
use co_produce::model::live::message::SIGNED_OVERHEAD;
use co_produce::model::live::seal::SEAL_OVERHEAD;
use co_produce::model::live::{MAX_BALLOT_PAYLOAD, MAX_FACILITATOR_PAYLOAD};
use co_produce::model::notes::resolve_merges;
use co_produce::model::rules::{
    MAX_AGREES_PER_BALLOT, MAX_MODERATED_NOTES, MAX_NOTES_PER_BALLOT, MAX_PARTICIPANT_NOTE_CHARS,
};
use co_produce::model::{
    export_json, import_json, merge_ballots, merge_into, merge_workshops, note_reviews, note_wall,
    validate, working_copy_json, Area, Id, ImportError, NoteError, NoteKind, NoteModeration,
    ParticipantNote, Role, Workshop, SCHEMA_VERSION,
};
use common::{at, id, note_id, realistic_workshop_with_notes};
use proptest::prelude::*;
use serde_json::{json, Value};

fn path_of(err: &ImportError) -> &str {
    match err {
        ImportError::Invalid { path, .. } | ImportError::Shape { path, .. } => {
            path.json_path().unwrap_or("")
        }
        _ => "",
    }
}

fn reason_of(err: &ImportError) -> String {
    match err {
        ImportError::Invalid { reason, .. } => reason.to_string(),
        ImportError::Shape { reason, .. } => reason.to_string(),
        _ => String::new(),
    }
}

/// Applies an edit the way the app does: change through the model, then stamp.
fn edit(w: &mut Workshop, minutes: i64, change: impl FnOnce(&mut Workshop)) {
    let before = w.clone();
    change(w);
    w.stamp_changes(&before, at(minutes));
}

// ---------------------------------------------------------------- the wall, by hand

#[test]
fn the_wall_puts_the_most_agreed_first_with_roles_and_counts() {
    let w = realistic_workshop_with_notes();
    validate(&w).expect("valid");
    // Own home, as the facilitator sees it: note 2 with note 3 merged in
    // (agreed by 10, 14 and 15; 10 agreed with both and counts once), note 4
    // (15), note 1 (nobody). Note 5 is hidden.
    let wall = note_wall(&w, Area::OwnHome, false);
    let order: Vec<(Id, u32, Vec<Id>)> = wall
        .cards
        .iter()
        .map(|c| (c.note_id, c.agreements, c.merged_from.clone()))
        .collect();
    assert_eq!(
        order,
        [
            (note_id(2), 3, vec![note_id(3)]),
            (note_id(4), 1, vec![]),
            (note_id(1), 0, vec![]),
        ]
    );
    let card = &wall.cards[0];
    assert_eq!(card.author_role, Role::FamilyCarer);
    assert_eq!(card.kind, NoteKind::Like);
    assert_eq!(card.text, "Carers who stay for a cup of tea ☕");
    assert_eq!(
        wall.count_by_role,
        BTreeMap::from([
            (Role::Citizen, 1),
            (Role::FamilyCarer, 1),
            (Role::Provider, 1)
        ])
    );
    let citizens: Vec<Id> = wall
        .by_role(Some(Role::Citizen))
        .map(|c| c.note_id)
        .collect();
    assert_eq!(citizens, [note_id(1)]);
    assert_eq!(wall.by_role(None).count(), 3);
    assert_eq!(wall.card(note_id(3)).map(|c| c.note_id), Some(note_id(2)));
    assert!(wall.card(note_id(5)).is_none(), "hidden");

    // The room's screen shows approved notes only: just note 2.
    let room = note_wall(&w, Area::OwnHome, true);
    assert_eq!(room.cards.len(), 1);
    assert_eq!(room.cards[0].note_id, note_id(2));
    assert_eq!(room.count_by_role, BTreeMap::from([(Role::FamilyCarer, 1)]));

    // Whole community: two notes, nobody agreed with 7, 11 agreed with 6.
    let other = note_wall(&w, Area::WholeCommunity, false);
    let ids: Vec<Id> = other.cards.iter().map(|c| c.note_id).collect();
    assert_eq!(ids, [note_id(6), note_id(7)]);
    assert!(note_wall(&w, Area::Accommodation, false).cards.is_empty());
}

#[test]
fn a_tie_puts_the_newest_first_then_the_smaller_id() {
    let mut w = realistic_workshop_with_notes();
    w.moderation = NoteModeration::default();
    for b in &mut w.ballots {
        b.agrees.clear();
    }
    // Two notes at the same moment, one newer.
    w.add_note(
        id(12),
        Id(2),
        Area::Accommodation,
        NoteKind::Like,
        "b",
        at(200),
    )
    .unwrap();
    w.add_note(
        id(13),
        Id(1),
        Area::Accommodation,
        NoteKind::Like,
        "a",
        at(200),
    )
    .unwrap();
    w.add_note(
        id(14),
        Id(9),
        Area::Accommodation,
        NoteKind::Like,
        "c",
        at(201),
    )
    .unwrap();
    let ids: Vec<Id> = note_wall(&w, Area::Accommodation, true)
        .cards
        .iter()
        .map(|c| c.note_id)
        .collect();
    assert_eq!(ids, [Id(9), Id(1), Id(2)]);
    // One agreement lifts the oldest to the top.
    w.set_agree(id(10), Id(2), true, at(202)).unwrap();
    let first = note_wall(&w, Area::Accommodation, true).cards[0].note_id;
    assert_eq!(first, Id(2));
}

#[test]
fn an_agreement_counts_once_and_never_the_cards_own_author() {
    let mut w = realistic_workshop_with_notes();
    // The author of note 2 agrees with note 3, merged into it: not counted.
    w.set_agree(id(11), note_id(3), true, at(120)).unwrap();
    assert_eq!(note_wall(&w, Area::OwnHome, false).cards[0].agreements, 3);
    // Agreeing twice is one agreement, and changes nothing the second time.
    assert!(!w.set_agree(id(14), note_id(2), true, at(121)).unwrap());
    assert_eq!(note_wall(&w, Area::OwnHome, false).cards[0].agreements, 3);
    // Taking one back counts it out; the other note still holds 10's.
    assert!(w.set_agree(id(10), note_id(2), false, at(122)).unwrap());
    assert_eq!(note_wall(&w, Area::OwnHome, false).cards[0].agreements, 3);
    assert!(w.set_agree(id(10), note_id(3), false, at(123)).unwrap());
    assert_eq!(note_wall(&w, Area::OwnHome, false).cards[0].agreements, 2);
    // Each note's own agreements, for the facilitator.
    let reviews = note_reviews(&w, Area::OwnHome);
    let own: BTreeMap<Id, u32> = reviews.iter().map(|r| (r.note_id, r.agreements)).collect();
    assert_eq!(own[&note_id(2)], 1);
    assert_eq!(own[&note_id(3)], 2, "15 and the card's author 11");
}

#[test]
fn merged_notes_add_up_and_a_hidden_one_counts_for_nothing() {
    let mut w = realistic_workshop_with_notes();
    // Note 4 joins note 2's card: 15 agreed with 3 and 4, counted once.
    w.merge_notes(note_id(4), note_id(3), at(120)).unwrap();
    let wall = note_wall(&w, Area::OwnHome, false);
    let card = wall.card(note_id(4)).unwrap();
    assert_eq!(
        card.note_id,
        note_id(2),
        "merging into a merged note joins its card"
    );
    assert_eq!(card.merged_from, [note_id(3), note_id(4)]);
    assert_eq!(card.agreements, 3);
    // Hiding a merged note takes it and its agreements off the card.
    w.hide_note(note_id(3), at(121)).unwrap();
    let card = note_wall(&w, Area::OwnHome, false).cards[0].clone();
    assert_eq!(card.merged_from, [note_id(4)]);
    assert_eq!(card.agreements, 3, "10 and 14 agreed with 2, 15 with 4");
    // Hiding the card hides all of it.
    w.hide_note(note_id(2), at(122)).unwrap();
    let wall = note_wall(&w, Area::OwnHome, false);
    assert!(wall.card(note_id(4)).is_none());
    assert_eq!(wall.cards.len(), 1);
    let reviews = note_reviews(&w, Area::OwnHome);
    assert_eq!(reviews.len(), 5, "the facilitator still sees every note");
    assert!(reviews
        .iter()
        .any(|r| r.note_id == note_id(4) && r.merged_into == Some(note_id(2))));
}

#[test]
fn the_facilitators_list_is_newest_first_and_says_what_waits() {
    let w = realistic_workshop_with_notes();
    let reviews = note_reviews(&w, Area::OwnHome);
    let ids: Vec<Id> = reviews.iter().map(|r| r.note_id).collect();
    assert_eq!(ids, [5, 4, 3, 2, 1].map(note_id));
    let waiting: Vec<Id> = reviews
        .iter()
        .filter(|r| r.waiting())
        .map(|r| r.note_id)
        .collect();
    assert_eq!(waiting, [note_id(4), note_id(1)]);
    assert!(reviews[0].hidden);
    assert_eq!(reviews[2].merged_into, Some(note_id(2)));
    assert_eq!(reviews[3].ballot_id, id(11));
}

#[test]
fn an_edit_needs_approving_again_and_a_withdrawn_card_frees_its_merged_notes() {
    let mut w = realistic_workshop_with_notes();
    assert!(w
        .edit_note(id(11), note_id(2), "  Carers who stay  ", at(130))
        .unwrap());
    assert_eq!(
        w.note(note_id(2)).unwrap().1.text,
        "Carers who stay",
        "trimmed"
    );
    assert!(!w
        .edit_note(id(11), note_id(2), "Carers who stay", at(131))
        .unwrap());
    assert!(
        note_wall(&w, Area::OwnHome, true).cards.is_empty(),
        "not approved any more"
    );
    assert!(w.approve_note(note_id(2), at(132)).unwrap());
    assert!(!w.approve_note(note_id(2), at(133)).unwrap());
    assert_eq!(note_wall(&w, Area::OwnHome, true).cards.len(), 1);
    // Approve-first off: every note that is not hidden shows.
    edit(&mut w, 134, |w| w.moderation.approve_first = false);
    assert_eq!(w.moderation.approve_first_updated_at, at(134));
    assert_eq!(note_wall(&w, Area::OwnHome, true).cards.len(), 3);
    // The author takes back note 2: note 3 shows on its own again.
    assert!(w.withdraw_note(id(11), note_id(2), at(135)).unwrap());
    assert!(!w.withdraw_note(id(11), note_id(2), at(136)).unwrap());
    let card = note_wall(&w, Area::OwnHome, true)
        .card(note_id(3))
        .cloned()
        .unwrap();
    assert_eq!(card.note_id, note_id(3));
    assert_eq!(card.agreements, 2);
}

#[test]
fn merges_resolve_the_same_whatever_their_shape() {
    let areas: HashMap<Id, Area> = [1, 2, 3, 4, 5, 6]
        .map(|n| {
            (
                Id(n),
                if n == 6 {
                    Area::Accommodation
                } else {
                    Area::OwnHome
                },
            )
        })
        .into();
    let merged = |pairs: &[(u128, u128)]| {
        let mut m: BTreeMap<Id, BTreeSet<Id>> = BTreeMap::new();
        for (from, into) in pairs {
            m.entry(Id(*from)).or_default().insert(Id(*into));
        }
        m
    };
    // A chain ends at its end.
    let r = resolve_merges(&merged(&[(1, 2), (2, 3)]), &areas);
    assert_eq!((r[&Id(1)], r[&Id(2)], r[&Id(3)]), (Id(3), Id(3), Id(3)));
    // Two windows merged 4 into different notes: the smaller counts.
    let r = resolve_merges(&merged(&[(4, 5), (4, 3)]), &areas);
    assert_eq!(r[&Id(4)], Id(3));
    // A loop ends at its smallest id, whatever leads into it.
    let r = resolve_merges(&merged(&[(5, 4), (4, 3), (3, 5), (1, 5)]), &areas);
    assert!([1, 3, 4, 5].iter().all(|n| r[&Id(*n)] == Id(3)), "{r:?}");
    assert_eq!(r[&Id(2)], Id(2));
    // A note that is gone, or about another area, is passed over.
    let r = resolve_merges(&merged(&[(1, 99), (1, 6), (2, 6)]), &areas);
    assert_eq!((r[&Id(1)], r[&Id(2)]), (Id(1), Id(2)));
    let r = resolve_merges(&merged(&[(1, 99), (1, 100)]), &areas);
    assert_eq!(r[&Id(1)], Id(1));
    let r = resolve_merges(&merged(&[(1, 6), (1, 7), (1, 2)]), &areas);
    assert_eq!(r[&Id(1)], Id(2), "the smallest target that is there");
}

#[test]
fn a_long_chain_resolves_in_linear_time() {
    let n = 30_000u128;
    let areas: HashMap<Id, Area> = (0..n).map(|i| (Id(i), Area::OwnHome)).collect();
    let merged: BTreeMap<Id, BTreeSet<Id>> = (1..n)
        .map(|i| (Id(i), BTreeSet::from([Id(i - 1)])))
        .collect();
    let r = resolve_merges(&merged, &areas);
    assert!(r.values().all(|root| *root == Id(0)));
}

// ---------------------------------------------------------------- limits

#[test]
fn note_edits_outside_the_limits_are_refused_with_the_right_error() {
    let mut w = realistic_workshop_with_notes();
    let before = w.clone();
    let add = |w: &mut Workshop, ballot: u8, n: u128, text: &str| {
        w.add_note(
            id(ballot),
            Id(n),
            Area::OwnHome,
            NoteKind::Like,
            text,
            at(300),
        )
    };
    assert_eq!(add(&mut w, 10, 1, "   \n "), Err(NoteError::EmptyText));
    let long = "a".repeat(MAX_PARTICIPANT_NOTE_CHARS + 1);
    assert_eq!(
        add(&mut w, 10, 1, &long),
        Err(NoteError::TooLong {
            chars: 281,
            max: 280
        })
    );
    assert_eq!(
        add(&mut w, 10, 1, "tab\there"),
        Err(NoteError::ControlCharacter)
    );
    assert_eq!(
        add(&mut w, 10, 1, "bell\u{7}"),
        Err(NoteError::ControlCharacter)
    );
    assert_eq!(
        add(&mut w, 99, 1, "who?"),
        Err(NoteError::NoSuchBallot(id(99)))
    );
    assert_eq!(
        add(&mut w, 12, note_id(1).0, "copy"),
        Err(NoteError::IdInUse(note_id(1)))
    );
    assert_eq!(
        w.set_agree(id(10), note_id(1), true, at(300)),
        Err(NoteError::OwnNote(note_id(1)))
    );
    assert_eq!(
        w.set_agree(id(10), Id(404), true, at(300)),
        Err(NoteError::NoSuchNote(Id(404)))
    );
    assert_eq!(
        w.edit_note(id(11), note_id(1), "not mine", at(300)),
        Err(NoteError::NoSuchNote(note_id(1)))
    );
    assert_eq!(
        w.merge_notes(note_id(1), note_id(6), at(300)),
        Err(NoteError::DifferentAreas {
            from: note_id(1),
            into: note_id(6)
        })
    );
    assert_eq!(
        w.merge_notes(note_id(1), note_id(1), at(300)),
        Err(NoteError::SameNote(note_id(1)))
    );
    assert_eq!(
        w.merge_notes(note_id(3), note_id(2), at(300)),
        Ok(false),
        "already one card"
    );
    assert_eq!(
        w.hide_note(Id(404), at(300)),
        Err(NoteError::NoSuchNote(Id(404)))
    );
    assert_eq!(w, before, "nothing refused changed anything");

    // Characters, not bytes: 280 of Welsh, Chinese or emoji are fine.
    for c in ['ŵ', '李', '💜'] {
        let text: String = std::iter::repeat_n(c, MAX_PARTICIPANT_NOTE_CHARS).collect();
        let n = u128::from(u32::from(c));
        assert_eq!(add(&mut w, 12, n, &text), Ok(()), "{c}");
    }
    assert_eq!(add(&mut w, 12, 5, "Two lines,\nfine"), Ok(()));
    // At most 30 notes per participant, 300 agreements.
    let mut full = w.clone();
    let mine = full.ballot(id(13)).unwrap().notes.len();
    for n in mine..MAX_NOTES_PER_BALLOT {
        add(&mut full, 13, 1_000 + n as u128, "one more").unwrap();
    }
    assert_eq!(
        add(&mut full, 13, 2_000, "too many"),
        Err(NoteError::TooManyNotes { max: 30 })
    );
    let mut agreeing = w.clone();
    agreeing
        .ballots
        .iter_mut()
        .find(|b| b.id == id(13))
        .unwrap()
        .agrees = (0..MAX_AGREES_PER_BALLOT as u128)
        .map(|n| Id(50_000 + n))
        .collect();
    assert_eq!(
        agreeing.set_agree(id(13), note_id(1), true, at(300)),
        Err(NoteError::TooManyAgrees { max: 300 })
    );
    // Taking back works whatever became of the note.
    assert_eq!(
        agreeing.set_agree(id(13), Id(50_000), false, at(300)),
        Ok(true)
    );
    validate(&full).expect("the limit itself is fine");
}

/// A record of the workshop with notes as JSON, changed by `breakage`, then imported.
fn refused_after(breakage: impl FnOnce(&mut Value)) -> ImportError {
    let mut v: Value =
        serde_json::from_str(&export_json(&realistic_workshop_with_notes())).unwrap();
    breakage(&mut v);
    import_json(&serde_json::to_string(&v).unwrap()).expect_err("refused")
}

/// The JSON index of a ballot in the exported record.
fn ballot_at(seed: u8) -> usize {
    realistic_workshop_with_notes()
        .ballots
        .iter()
        .position(|b| b.id == id(seed))
        .unwrap()
}

#[test]
fn imported_notes_are_untrusted_and_refused_with_their_path() {
    let i = ballot_at(11);
    let p = format!("workshop.ballots[{i}]");
    let note = |v: &mut Value| -> Value { v["workshop"]["ballots"][i]["notes"][0].clone() };

    let err =
        refused_after(|v| v["workshop"]["ballots"][i]["notes"][0]["text"] = json!("x".repeat(281)));
    assert_eq!(path_of(&err), format!("{p}.notes[0].text"));
    assert!(
        reason_of(&err).contains(&note_id(2).short()),
        "names the note: {err}"
    );
    assert!(reason_of(&err).contains("280"), "{err}");

    let err = refused_after(|v| v["workshop"]["ballots"][i]["notes"][0]["text"] = json!("  "));
    assert_eq!(path_of(&err), format!("{p}.notes[0].text"));

    let err = refused_after(|v| {
        let n = note(v);
        v["workshop"]["ballots"][i]["notes"]
            .as_array_mut()
            .unwrap()
            .push(n);
    });
    assert_eq!(path_of(&err), format!("{p}.notes[1].id"));

    let err = refused_after(|v| {
        let n = note(v);
        let notes: Vec<Value> = (0..31)
            .map(|k| {
                let mut n = n.clone();
                n["id"] = json!(Id(7_000 + k).to_string());
                n
            })
            .collect();
        v["workshop"]["ballots"][i]["notes"] = json!(notes);
    });
    assert_eq!(path_of(&err), format!("{p}.notes"));

    let err = refused_after(|v| {
        v["workshop"]["ballots"][i]["agrees"] = json!([note_id(2).to_string()]);
    });
    assert_eq!(path_of(&err), format!("{p}.agrees"));
    assert!(reason_of(&err).contains("own note"), "{err}");

    let err = refused_after(|v| {
        let many: Vec<String> = (0..301).map(|k| Id(9_000 + k).to_string()).collect();
        v["workshop"]["ballots"][i]["agrees"] = json!(many);
    });
    assert_eq!(path_of(&err), format!("{p}.agrees"));

    let err = refused_after(|v| v["workshop"]["ballots"][i]["notes"][0]["kind"] = json!("rant"));
    assert_eq!(path_of(&err), format!("{p}.notes[0].kind"));
    let err = refused_after(|v| v["workshop"]["ballots"][i]["notes"][0]["area"] = json!("garden"));
    assert_eq!(path_of(&err), format!("{p}.notes[0].area"));
    let err = refused_after(|v| v["workshop"]["ballots"][i]["notes"][0]["colour"] = json!("red"));
    assert!(path_of(&err).starts_with(&format!("{p}.notes[0]")), "{err}");

    // The moderation: no note merged into itself, none into nothing, within limits.
    let two = note_id(2).to_string();
    let err = refused_after(|v| v["workshop"]["moderation"]["merged"] = json!({ &two: [&two] }));
    assert_eq!(path_of(&err), format!("workshop.moderation.merged.{two}"));
    let err = refused_after(|v| v["workshop"]["moderation"]["merged"] = json!({ &two: [] }));
    assert_eq!(path_of(&err), format!("workshop.moderation.merged.{two}"));
    let err = refused_after(|v| {
        let many: Vec<String> = (0..=MAX_MODERATED_NOTES as u128)
            .map(|k| Id(k).to_string())
            .collect();
        v["workshop"]["moderation"]["hidden"] = json!(many);
    });
    assert_eq!(path_of(&err), "workshop.moderation.hidden");
    let err = refused_after(|v| v["workshop"]["moderation"]["hidden"] = json!(["nope"]));
    assert!(
        path_of(&err).starts_with("workshop.moderation.hidden"),
        "{err}"
    );
}

#[test]
fn a_gathered_ballot_cannot_take_over_anothers_note() {
    let mut w = realistic_workshop_with_notes();
    let mut thief = w.ballot(id(12)).unwrap().clone();
    thief.notes[0].id = note_id(2);
    thief.updated_at = at(400);
    let before = w.clone();
    let report = merge_ballots(&mut w, vec![thief], "scanned");
    assert_eq!(report.refused.len(), 1, "{report:?}");
    assert_eq!(path_of(&report.refused[0]), "scanned[0].notes[0].id");
    assert_eq!(w, before);
    // Its own newer copy, with a new note, comes in.
    let mut mine = w.ballot(id(12)).unwrap().clone();
    mine.notes.push(ParticipantNote {
        id: Id(77),
        area: Area::DayActivities,
        kind: NoteKind::GoodLife,
        text: "A job".into(),
        updated_at: at(401),
    });
    mine.updated_at = at(401);
    let report = merge_ballots(&mut w, vec![mine], "scanned");
    assert_eq!(report.updated, 1, "{report:?}");
}

#[test]
fn a_note_on_two_ballots_shows_once_whichever_copy_merges_first() {
    // Only a crafted file can do this; the merged workshop still loads.
    let w = realistic_workshop_with_notes();
    let mut other = w.clone();
    let b = other.ballots.iter_mut().find(|b| b.id == id(12)).unwrap();
    b.notes[0].id = note_id(2);
    b.updated_at = at(500);
    let m = merge_workshops(&w, &other).unwrap();
    validate(&m).expect("still valid");
    assert_eq!(m, merge_workshops(&other, &w).unwrap());
    let wall = note_wall(&m, Area::OwnHome, false);
    let twos: Vec<_> = wall
        .cards
        .iter()
        .filter(|c| c.note_id == note_id(2))
        .collect();
    assert_eq!(twos.len(), 1);
    assert_eq!(
        twos[0].author_role,
        Role::FamilyCarer,
        "the smaller ballot id keeps it"
    );
}

#[test]
fn the_longest_ballot_and_moderation_fit_a_live_message() {
    let mut w = realistic_workshop_with_notes();
    let b = w.ballots.iter_mut().find(|b| b.id == id(10)).unwrap();
    b.participant = "💜".repeat(200);
    b.notes = (0..MAX_NOTES_PER_BALLOT as u128)
        .map(|n| ParticipantNote {
            id: Id(u128::MAX - n),
            area: Area::WholeCommunity,
            kind: NoteKind::Dislike,
            // The widest text JSON writes: four bytes a character, or a
            // quote written as two.
            text: if n % 2 == 0 {
                "💜".repeat(280)
            } else {
                "\"".repeat(280)
            },
            updated_at: at(600),
        })
        .collect();
    b.agrees = (0..MAX_AGREES_PER_BALLOT as u128)
        .map(|n| Id(u128::MAX / 2 - n))
        .collect();
    let b = b.clone();
    validate(&w).expect("within the limits");
    let body = serde_json::to_vec(&b).unwrap();
    assert!(
        body.len() + SIGNED_OVERHEAD + SEAL_OVERHEAD <= MAX_BALLOT_PAYLOAD,
        "{} bytes",
        body.len()
    );
    // The code a device stores round trips exactly.
    assert_eq!(decode_ballot(&encode_ballot(&b)), Ok(b));

    let m = &mut w.moderation;
    let big = |k: u128| Id(u128::MAX - k);
    m.hidden = (0..MAX_MODERATED_NOTES as u128).map(big).collect();
    m.approved = (0..MAX_MODERATED_NOTES as u128)
        .map(|k| (big(k), at(700)))
        .collect();
    m.merged = (0..MAX_MODERATED_NOTES as u128)
        .map(|k| (big(k), BTreeSet::from([big(k + 1)])))
        .collect();
    validate(&w).expect("within the limits");
    let setup = serde_json::to_vec(&w.with_only_ballots(|_| false)).unwrap();
    assert!(
        setup.len() + SIGNED_OVERHEAD + SEAL_OVERHEAD + 64 <= MAX_FACILITATOR_PAYLOAD,
        "{} bytes",
        setup.len()
    );
}

// ---------------------------------------------------------------- out and in

#[test]
fn a_record_with_notes_round_trips_byte_for_byte() {
    let w = realistic_workshop_with_notes();
    let text = export_json(&w);
    let back = import_json(&text).expect("imports");
    assert_eq!(back, w);
    assert_eq!(export_json(&back), text);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["schema_version"], json!(SCHEMA_VERSION));
    let i = ballot_at(11);
    assert_eq!(
        v["workshop"]["ballots"][i]["notes"][0],
        json!({
            "id": note_id(2).to_string(),
            "area": "own_home",
            "kind": "like",
            "text": "Carers who stay for a cup of tea ☕",
            "updated_at": at(101).to_rfc3339(),
        })
    );
    assert_eq!(
        v["workshop"]["moderation"]["hidden"],
        json!([note_id(5).to_string()])
    );
    assert_eq!(
        v["workshop"]["moderation"]["merged"],
        json!({ note_id(3).to_string(): [note_id(2).to_string()] })
    );
    assert_eq!(v["workshop"]["moderation"]["approve_first"], json!(true));
    // The working copy says version 3 only when it must.
    let copy: Value = serde_json::from_str(&working_copy_json(&w)).unwrap();
    assert_eq!(copy["schema_version"], json!(3));
    assert_eq!(import_json(&working_copy_json(&w)).unwrap(), w);
    let mut only_moderation = common::realistic_workshop_with_ratings();
    only_moderation.set_approve_first(true, at(120));
    let copy: Value = serde_json::from_str(&working_copy_json(&only_moderation)).unwrap();
    assert_eq!(copy["schema_version"], json!(3));
    let copy: Value = serde_json::from_str(&working_copy_json(
        &common::realistic_workshop_with_ratings(),
    ))
    .unwrap();
    assert_eq!(copy["schema_version"], json!(2));
    // Without notes nothing new is written: no `notes` on ballots, no moderation.
    let plain = export_json(&common::realistic_workshop_with_ratings());
    assert!(!plain.contains("\"agrees\"") && !plain.contains("\"moderation\""));
}

/// A record of version 2, written by the app before participants' notes.
const RECORD_V2: &str = include_str!("fixtures/record-v2.json");

#[test]
fn version_1_and_2_records_still_import() {
    let v2 = import_json(RECORD_V2).expect("a version 2 record imports");
    assert_eq!(v2, common::realistic_workshop_with_ratings());
    assert!(v2
        .ballots
        .iter()
        .all(|b| b.notes.is_empty() && b.agrees.is_empty()));
    assert!(v2.moderation.is_default());
    let v1 =
        import_json(include_str!("fixtures/record-v1.json")).expect("a version 1 record imports");
    assert_eq!(
        v1,
        common::realistic_workshop_with(&common::hand_built_catalogue())
    );
    // Written again, the workshop is what it was.
    let old: Value = serde_json::from_str(RECORD_V2).unwrap();
    let again: Value = serde_json::from_str(&export_json(&v2)).unwrap();
    assert_eq!(again["workshop"], old["workshop"]);
    assert_eq!(again["schema_version"], json!(SCHEMA_VERSION));
}

#[test]
fn a_version_2_record_cannot_hold_notes() {
    let mut v: Value =
        serde_json::from_str(&export_json(&realistic_workshop_with_notes())).unwrap();
    v["schema_version"] = json!(2);
    let err = import_json(&v.to_string()).unwrap_err();
    assert_eq!(path_of(&err), "workshop.moderation", "{err}");
    assert!(reason_of(&err).contains("schema_version 3"), "{err}");
    v["workshop"].as_object_mut().unwrap().remove("moderation");
    let err = import_json(&v.to_string()).unwrap_err();
    assert!(path_of(&err).ends_with(".notes"), "{err}");
    // A version 1 record with notes is refused too.
    v["schema_version"] = json!(1);
    v["workshop"]
        .as_object_mut()
        .unwrap()
        .remove("partnership_check");
    assert!(import_json(&v.to_string()).is_err());
}

#[test]
fn codes_and_ballot_files_carry_notes_and_older_ones_still_read() {
    let w = realistic_workshop_with_notes();
    for b in &w.ballots {
        let code = encode_ballot(b);
        assert_eq!(decode_ballot(&code).as_ref(), Ok(b));
        let layout = co_produce::model::encoding::unbase64url(&code[4..]).unwrap()[0];
        assert_eq!(
            layout == LAYOUT_NOTES,
            !b.notes.is_empty() || !b.agrees.is_empty()
        );
        let file = export_ballot_json(b);
        assert_eq!(read_gathered(&file), Ok(Gathered::Ballots(vec![b.clone()])));
        let v: Value = serde_json::from_str(&file).unwrap();
        let want = if b.notes.is_empty() && b.agrees.is_empty() {
            2
        } else {
            3
        };
        let want = if b.partnership.is_empty() && want == 2 {
            1
        } else {
            want
        };
        assert_eq!(
            v["schema_version"],
            json!(want),
            "the oldest version that holds it"
        );
    }
    // Codes written before notes existed decode, and are written the same.
    let old = include_str!("fixtures/codes-v2.txt");
    let ballots = common::realistic_workshop_with_ratings().ballots;
    assert_eq!(old.lines().count(), ballots.len());
    for (code, b) in old.lines().zip(&ballots) {
        assert_eq!(decode_ballot(code).as_ref(), Ok(b));
        assert_eq!(encode_ballot(b), code);
    }
    // A version 2 ballot file with notes is refused.
    let b = w.ballot(id(11)).unwrap();
    let file = export_ballot_json(b).replacen("\"schema_version\": 3", "\"schema_version\": 2", 1);
    let err = read_gathered(&file).unwrap_err();
    assert_eq!(path_of(&err), "ballot.notes", "{err}");
}

#[test]
fn the_csv_has_a_row_per_note_with_its_role_agreements_and_state() {
    let w = realistic_workshop_with_notes();
    let text = to_csv(&w);
    let col = |name: &str| CSV_HEADER.iter().position(|h| *h == name).unwrap();
    let rows: Vec<Vec<String>> = text
        .split("\r\n")
        .filter(|l| l.starts_with("\"note\""))
        .map(split_simple)
        .collect();
    assert_eq!(rows.len(), 7);
    for r in &rows {
        assert_eq!(r.len(), CSV_HEADER.len(), "{r:?}");
        assert_eq!(r[col("participant")], "", "never the name");
    }
    let row = |n: u8| {
        rows.iter()
            .find(|r| r[col("note_id")] == note_id(n).to_string())
            .unwrap_or_else(|| panic!("note {n}"))
    };
    let two = row(2);
    assert_eq!(two[col("role")], "family_carer");
    assert_eq!(two[col("area_id")], "own_home");
    assert_eq!(two[col("note_kind")], "like");
    assert_eq!(two[col("agreements")], "2");
    assert_eq!(two[col("card_agreements")], "3");
    assert_eq!(two[col("merged_into")], "");
    assert_eq!(two[col("hidden")], "false");
    let three = row(3);
    assert_eq!(three[col("merged_into")], note_id(2).to_string());
    assert_eq!(three[col("card_agreements")], "");
    let five = row(5);
    assert_eq!(five[col("hidden")], "true");
    assert_eq!(five[col("card_agreements")], "");
    assert_eq!(row(6)[col("area_id")], "whole_community");
    // Formulas are defused, quotes doubled, the line break kept in its cell.
    assert!(text.contains("\"'=HYPERLINK(\"\"x\"\") \"\"15-minute\"\" visits,\nrushed\""));
    // Newest first within an area, areas in order.
    let order: Vec<String> = rows.iter().map(|r| r[col("note_id")].clone()).collect();
    assert_eq!(order, [5, 4, 3, 2, 1, 7, 6].map(|n| note_id(n).to_string()));
    // No notes, no rows, and the columns are empty on every other row.
    assert!(!to_csv(&common::realistic_workshop()).contains("\"note\""));
}

/// Cells of a CSV line whose text cells hold no commas or line breaks
/// (enough for the note rows above, whose awkward text is checked apart).
fn split_simple(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

// ---------------------------------------------------------------- travelling

#[test]
fn moderation_travels_with_the_facilitators_setup() {
    let w = realistic_workshop_with_notes();
    let setup = w.with_only_ballots(|_| false);
    assert_eq!(setup.moderation, w.moderation);
    assert!(setup.ballots.is_empty());
    // A tablet that has the ballots but not the moderation takes it in.
    // (Merged with itself first, so its ballots are in merge order and only
    // the moderation is new.)
    let mut tablet = merge_workshops(&w, &w).unwrap();
    tablet.moderation = NoteModeration::default();
    assert!(merge_into(&mut tablet, &setup).unwrap());
    assert_eq!(tablet.moderation, w.moderation);
    assert!(
        !merge_into(&mut tablet, &setup).unwrap(),
        "nothing new the second time"
    );
    // An older set-up message never un-hides anything.
    let mut older = setup.clone();
    older.moderation = NoteModeration::default();
    assert!(!merge_into(&mut tablet, &older).unwrap());
    assert!(tablet.moderation.is_hidden(note_id(5)));
}

#[test]
fn a_hide_always_wins_over_a_later_edit() {
    let base = realistic_workshop_with_notes();
    let mut facilitator = base.clone();
    facilitator.hide_note(note_id(4), at(200)).unwrap();
    let mut author = base.clone();
    author
        .edit_note(id(13), note_id(4), "Now polite", at(300))
        .unwrap();
    author.set_approve_first(false, at(301));
    for m in [
        merge_workshops(&facilitator, &author).unwrap(),
        merge_workshops(&author, &facilitator).unwrap(),
    ] {
        assert_eq!(
            m.note(note_id(4)).unwrap().1.text,
            "Now polite",
            "the edit is kept"
        );
        assert!(note_wall(&m, Area::OwnHome, false)
            .card(note_id(4))
            .is_none());
        assert!(note_wall(&m, Area::OwnHome, true)
            .card(note_id(4))
            .is_none());
        assert!(!m.moderation.approve_first, "the newer choice");
    }
}

// ---------------------------------------------------------------- properties

#[derive(Debug, Clone)]
enum Op {
    Add(prop::sample::Index, Area, NoteKind, String),
    Edit(prop::sample::Index, String),
    Withdraw(prop::sample::Index),
    Agree(prop::sample::Index, prop::sample::Index, bool),
    Hide(prop::sample::Index),
    Merge(prop::sample::Index, prop::sample::Index),
    Approve(prop::sample::Index),
    ApproveFirst(bool),
}

fn area() -> impl Strategy<Value = Area> {
    prop::sample::select(Area::ALL.to_vec())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof!["[A-Za-z ]{1,12}", "\\PC{1,8}"].prop_filter("not blank", |s| !s.trim().is_empty())
}

fn op() -> impl Strategy<Value = Op> {
    let i = any::<prop::sample::Index>;
    prop_oneof![
        (
            i(),
            area(),
            prop::sample::select(NoteKind::ALL.to_vec()),
            text()
        )
            .prop_map(|(b, a, k, t)| Op::Add(b, a, k, t)),
        (i(), text()).prop_map(|(n, t)| Op::Edit(n, t)),
        i().prop_map(Op::Withdraw),
        (i(), i(), any::<bool>()).prop_map(|(b, n, y)| Op::Agree(b, n, y)),
        i().prop_map(Op::Hide),
        (i(), i()).prop_map(|(a, b)| Op::Merge(a, b)),
        i().prop_map(Op::Approve),
        any::<bool>().prop_map(Op::ApproveFirst),
    ]
}

/// A window's operations, each at a minute in a narrow range so stamps often tie.
fn ops() -> impl Strategy<Value = Vec<(Op, i64)>> {
    prop::collection::vec((op(), 200i64..206), 0..12)
}

/// Every note id of the workshop, in order.
fn all_notes(w: &Workshop) -> Vec<(Id, Id)> {
    let mut list: Vec<(Id, Id)> = w
        .ballots
        .iter()
        .flat_map(|b| b.notes.iter().map(move |n| (n.id, b.id)))
        .collect();
    list.sort();
    list
}

fn apply(w: &mut Workshop, window: u8, step: usize, op: &Op, minutes: i64) {
    let now = at(minutes);
    let notes = all_notes(w);
    let note = |i: &prop::sample::Index| (!notes.is_empty()).then(|| notes[i.index(notes.len())]);
    let ballot = |w: &Workshop, i: &prop::sample::Index| w.ballots[i.index(w.ballots.len())].id;
    edit(w, minutes, |w| {
        // Refused changes leave the workshop as it was; that is fine here.
        let _ = match op {
            Op::Add(b, area, kind, t) => {
                let id = Id(0xBEEF_0000 + u128::from(window) * 1_000 + step as u128);
                w.add_note(ballot(w, b), id, *area, *kind, t, now)
                    .map(|_| true)
            }
            Op::Edit(n, t) => match note(n) {
                Some((n, b)) => w.edit_note(b, n, t, now),
                None => Ok(false),
            },
            Op::Withdraw(n) => match note(n) {
                Some((n, b)) => w.withdraw_note(b, n, now),
                None => Ok(false),
            },
            Op::Agree(b, n, yes) => match note(n) {
                Some((n, _)) => w.set_agree(ballot(w, b), n, *yes, now),
                None => Ok(false),
            },
            Op::Hide(n) => match note(n) {
                Some((n, _)) => w.hide_note(n, now),
                None => Ok(false),
            },
            Op::Merge(a, b) => match (note(a), note(b)) {
                (Some((a, _)), Some((b, _))) => w.merge_notes(a, b, now),
                _ => Ok(false),
            },
            Op::Approve(n) => match note(n) {
                Some((n, _)) => w.approve_note(n, now),
                None => Ok(false),
            },
            Op::ApproveFirst(on) => {
                w.moderation.approve_first = *on;
                Ok(true)
            }
        };
    });
}

fn window(base: &Workshop, n: u8, list: &[(Op, i64)]) -> Workshop {
    let mut w = base.clone();
    for (step, (op, minutes)) in list.iter().enumerate() {
        apply(&mut w, n, step, op, *minutes);
    }
    w
}

fn merged(a: &Workshop, b: &Workshop) -> Workshop {
    merge_workshops(a, b).expect("copies of the same workshop")
}

/// The root of a note by the definition, step by step: follow the smallest
/// target that is there and about the same area; in a loop, its smallest id.
fn naive_root(w: &Workshop, note: Id) -> Id {
    let area_of = |id: Id| w.note(id).map(|(_, n)| n.area);
    let mut seen = vec![note];
    let mut at = note;
    loop {
        let next = w.moderation.merged.get(&at).and_then(|into| {
            into.iter()
                .copied()
                .find(|t| *t != at && area_of(*t).is_some() && area_of(*t) == area_of(at))
        });
        match next {
            None => return at,
            Some(n) => {
                if let Some(pos) = seen.iter().position(|s| *s == n) {
                    return *seen[pos..].iter().min().unwrap();
                }
                seen.push(n);
                at = n;
            }
        }
    }
}

/// Each card's agreements by the definition: the distinct participants who
/// agree with a note of it that is not hidden, its author not counted.
fn naive_agreements(w: &Workshop, area: Area, card: Id) -> u32 {
    let (card_author, _) = w.note(card).unwrap();
    let mut voters = BTreeSet::new();
    for voter in &w.ballots {
        for agreed in &voter.agrees {
            let Some((author, n)) = w.note(*agreed) else {
                continue;
            };
            if n.area == area
                && author.id != voter.id
                && voter.id != card_author.id
                && !w.moderation.is_hidden(*agreed)
                && naive_root(w, *agreed) == card
            {
                voters.insert(voter.id);
            }
        }
    }
    voters.len() as u32
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn notes_and_moderation_merge_the_same_in_any_order_and_grouping(
        ea in ops(),
        eb in ops(),
        ec in ops(),
    ) {
        let base = realistic_workshop_with_notes();
        let a = window(&base, 1, &ea);
        let b = window(&base, 2, &eb);
        let c = window(&base, 3, &ec);
        for w in [&a, &b, &c] {
            prop_assert!(validate(w).is_ok(), "an edited window is invalid: {:?}", validate(w));
        }
        let abc = merged(&merged(&a, &b), &c);
        prop_assert_eq!(&abc, &merged(&a, &merged(&b, &c)), "not associative");
        prop_assert_eq!(&abc, &merged(&merged(&c, &a), &b), "the order matters");
        prop_assert_eq!(&merged(&a, &b), &merged(&b, &a), "not commutative");
        prop_assert_eq!(&merged(&abc, &a), &abc, "absorbing a part changes nothing");
        prop_assert!(validate(&abc).is_ok(), "{:?}", validate(&abc));
        for (x, y) in [(&a, &b), (&b, &a), (&abc, &c), (&a, &a), (&base, &c)] {
            let mut into = x.clone();
            let changed = merge_into(&mut into, y).expect("copies of the same workshop");
            prop_assert_eq!(changed, &into != x, "merge_into reported the wrong outcome");
            // Also when the last change is the same moment on both, so only
            // the pieces themselves can make the difference.
            let (x, mut y) = (merged(x, x), y.clone());
            y.updated_at = x.updated_at;
            y.created_at = x.created_at;
            let mut into = x.clone();
            let changed = merge_into(&mut into, &y).expect("copies of the same workshop");
            prop_assert_eq!(changed, into != x, "merge_into reported the wrong outcome");
        }
        // Every decision of every window is kept: a hide always wins.
        for w in [&a, &b, &c] {
            prop_assert!(w.moderation.hidden.is_subset(&abc.moderation.hidden));
            for (from, into) in &w.moderation.merged {
                prop_assert!(abc.moderation.merged.get(from).is_some_and(|m| into.is_subset(m)));
            }
            for (note, at) in &w.moderation.approved {
                prop_assert!(abc.moderation.approved.get(note).is_some_and(|t| t >= at));
            }
        }
        for area in Area::ALL {
            for for_room in [false, true] {
                let wall = note_wall(&abc, area, for_room);
                for card in &wall.cards {
                    prop_assert!(!abc.moderation.is_hidden(card.note_id), "a hidden card shows");
                    prop_assert!(card.merged_from.iter().all(|m| !abc.moderation.is_hidden(*m)));
                    prop_assert_eq!(naive_root(&abc, card.note_id), card.note_id);
                    prop_assert_eq!(card.agreements, naive_agreements(&abc, area, card.note_id));
                    if for_room && abc.moderation.approve_first {
                        let shown = abc.note(card.note_id).unwrap().1;
                        prop_assert!(abc.moderation.is_approved(shown));
                    }
                }
                // Most agreed first, then newest, then by id.
                for pair in wall.cards.windows(2) {
                    let key = |c: &co_produce::model::NoteCard| {
                        (std::cmp::Reverse(c.agreements), std::cmp::Reverse(c.updated_at), c.note_id)
                    };
                    prop_assert!(key(&pair[0]) < key(&pair[1]));
                }
                let counted: u32 = wall.count_by_role.values().sum();
                prop_assert_eq!(counted as usize, wall.cards.len());
            }
            // Every note that is not hidden, and whose card is not, is on the
            // facilitator's wall once, on its root's card.
            let wall = note_wall(&abc, area, false);
            for r in note_reviews(&abc, area) {
                let root = naive_root(&abc, r.note_id);
                let on_wall = !r.hidden && !abc.moderation.is_hidden(root);
                prop_assert_eq!(wall.card(r.note_id).map(|c| c.note_id), on_wall.then_some(root));
            }
        }
        // The record and the stored codes carry it all exactly.
        prop_assert_eq!(import_json(&export_json(&abc)), Ok(abc.clone()));
        for ballot in &abc.ballots {
            prop_assert_eq!(decode_ballot(&encode_ballot(ballot)), Ok(ballot.clone()));
        }
    }

    #[test]
    fn moderation_absorbs_as_a_semilattice(
        sets in prop::collection::vec(
            (
                prop::collection::btree_set(0u128..8, 0..4),
                prop::collection::btree_map(0u128..8, prop::collection::btree_set(0u128..8, 1..3), 0..4),
                prop::collection::btree_map(0u128..8, 0i64..4, 0..4),
                any::<bool>(),
                0i64..3,
            ),
            3,
        )
    ) {
        let m: Vec<NoteModeration> = sets
            .into_iter()
            .map(|(hidden, merged, approved, on, t)| NoteModeration {
                hidden: hidden.into_iter().map(Id).collect(),
                merged: merged
                    .into_iter()
                    .map(|(k, v)| (Id(k), v.into_iter().map(Id).collect()))
                    .collect(),
                approved: approved.into_iter().map(|(k, t)| (Id(k), at(t))).collect(),
                approve_first: on,
                approve_first_updated_at: at(t),
            })
            .collect();
        let join = |x: &NoteModeration, y: &NoteModeration| {
            let mut out = x.clone();
            let changed = out.absorb(y);
            (out, changed)
        };
        let (ab, changed) = join(&m[0], &m[1]);
        prop_assert_eq!(changed, ab != m[0]);
        prop_assert_eq!(&ab, &join(&m[1], &m[0]).0);
        prop_assert_eq!(join(&ab, &m[2]).0, join(&m[0], &join(&m[1], &m[2]).0).0);
        prop_assert_eq!(&join(&ab, &ab).0, &ab);
        prop_assert!(!join(&ab, &m[0]).1);
    }
}

#[test]
fn a_participant_sees_others_cards_with_their_own_agreements_and_never_their_own() {
    use co_produce::model::others_cards;
    let w = realistic_workshop_with_notes();
    for reader in &w.ballots {
        for area in Area::ALL {
            let seen = others_cards(&w, area, reader.id);
            let wall = note_wall(&w, area, true);
            for (card, agreed) in &seen {
                let members: Vec<Id> = std::iter::once(card.note_id)
                    .chain(card.merged_from.iter().copied())
                    .collect();
                assert!(
                    members
                        .iter()
                        .all(|m| reader.notes.iter().all(|n| n.id != *m)),
                    "{} sees their own note {}",
                    reader.participant,
                    card.note_id
                );
                assert_eq!(*agreed, reader.agrees.contains(&card.note_id));
                assert!(wall.cards.contains(card), "only the room's cards");
            }
            // Every room card without a note of theirs is there.
            let theirs = |c: &co_produce::model::NoteCard| {
                std::iter::once(c.note_id)
                    .chain(c.merged_from.iter().copied())
                    .any(|m| reader.notes.iter().any(|n| n.id == m))
            };
            assert_eq!(seen.len(), wall.cards.iter().filter(|c| !theirs(c)).count());
            // Oldest first, so agreements arriving never move a card.
            assert!(
                seen.windows(2)
                    .all(|p| (p[0].0.updated_at, p[0].0.note_id)
                        < (p[1].0.updated_at, p[1].0.note_id))
            );
        }
    }
    assert!(others_cards(&w, Area::OwnHome, id(250)).is_empty());
}

/// The wall as a room control: chosen, written and read back as version 3,
/// and a room that never chose it is written as before.
#[test]
fn the_wall_is_a_room_control_of_version_3() {
    let plain = common::realistic_workshop();
    let v: Value = serde_json::from_str(&export_json(&plain)).unwrap();
    assert!(v["workshop"]["room"].get("words_area").is_none());
    assert!(v["workshop"]["room"].get("words_role").is_none());

    let mut w = plain.clone();
    w.room.lead = co_produce::model::RoomLead::Words;
    w.room.words_area = Some(Area::LeavingHospital);
    w.room.words_role = Some(Role::Commissioner);
    let text = export_json(&w);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["schema_version"], json!(SCHEMA_VERSION));
    assert_eq!(v["workshop"]["room"]["lead"], json!("words"));
    assert_eq!(
        v["workshop"]["room"]["words_area"],
        json!("leaving_hospital")
    );
    assert_eq!(v["workshop"]["room"]["words_role"], json!("commissioner"));
    assert_eq!(import_json(&text).expect("it reads back"), w);

    // Only the area chosen still needs version 3.
    let mut only_area = plain.clone();
    only_area.room.words_area = Some(Area::Accommodation);
    let v: Value = serde_json::from_str(&export_json(&only_area)).unwrap();
    assert_eq!(v["schema_version"], json!(SCHEMA_VERSION));
}
