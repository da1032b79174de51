#![cfg(not(target_arch = "wasm32"))]
//! The workshop as the pieces a device stores: they read back to the same
//! workshop, a save writes only what changed, damaged pieces are refused with
//! where and why, and 10,000 participants fit a browser's local storage.

mod common;

use std::collections::HashMap;

use co_produce::model::pieces::{
    ballot_piece, bundle, from_bundle, from_pieces, order_piece, setup_piece, updated_piece,
    PieceWrites, StoredPieces,
};
use co_produce::model::{working_copy_json, Area, Id, ImportError, Role, Workshop};
use common::{at, id, realistic_workshop};
use proptest::prelude::*;

/// Storage as a map, written the way the platform writes it.
#[derive(Default)]
struct FakeStorage {
    setup: String,
    updated: String,
    order: String,
    ballots: HashMap<Id, String>,
}

impl FakeStorage {
    fn apply(&mut self, writes: &PieceWrites) {
        if let Some(s) = &writes.setup {
            self.setup = s.clone();
        }
        if let Some(u) = &writes.updated {
            self.updated = u.clone();
        }
        if let Some(o) = &writes.order {
            self.order = o.clone();
        }
        for (id, piece) in &writes.ballots {
            self.ballots.insert(*id, piece.clone());
        }
        for id in &writes.removed {
            self.ballots.remove(id);
        }
    }
    fn read(&self) -> Result<Workshop, ImportError> {
        from_pieces(&self.setup, &self.updated, &self.order, |id| {
            self.ballots.get(&id).cloned()
        })
    }
    /// Saves `w` as the app does and returns what was written.
    fn save(&mut self, stored: &mut StoredPieces, w: &Workshop) -> PieceWrites {
        let writes = stored.writes_for(w);
        self.apply(&writes);
        stored.wrote(w, writes.clone());
        writes
    }
}

#[test]
fn a_realistic_workshop_reads_back_from_its_pieces_unchanged() {
    let w = realistic_workshop();
    let mut storage = FakeStorage::default();
    let mut stored = StoredPieces::default();
    storage.save(&mut stored, &w);
    assert_eq!(storage.read().expect("reads back"), w);
    assert_eq!(stored, StoredPieces::of(&w));
    assert_eq!(from_bundle(&bundle(&w)).expect("bundle reads back"), w);
}

#[test]
fn ratings_and_the_check_survive_a_reload_and_a_rating_writes_only_its_ballot() {
    use co_produce::model::{PartnershipCheck, Principle, Rating};
    let mut w = common::realistic_workshop_with_ratings();
    let mut storage = FakeStorage::default();
    let mut stored = StoredPieces::default();
    storage.save(&mut stored, &w);
    let back = storage.read().expect("reads back");
    assert_eq!(back, w);
    assert_eq!(back.partnership_check, PartnershipCheck::AfterAllocation);
    assert_eq!(from_bundle(&bundle(&w)).expect("bundle reads back"), w);

    w.rate_principle(id(13), Principle::Leadership, Some(Rating::Fully), at(300));
    let writes = storage.save(&mut stored, &w);
    assert_eq!(writes.ballots.len(), 1);
    assert_eq!(writes.ballots[0].0, id(13));
    assert!(writes.setup.is_none() && writes.order.is_none());
    assert_eq!(storage.read().expect("reads back"), w);
}

#[test]
fn a_slider_tick_writes_only_that_ballot() {
    let mut w = realistic_workshop();
    let mut storage = FakeStorage::default();
    let mut stored = StoredPieces::default();
    storage.save(&mut stored, &w);
    assert!(
        stored.writes_for(&w).is_empty(),
        "nothing changed, nothing written"
    );

    let ballot = w.ballots[2].id;
    w.update_allocation(ballot, "state_money", at(100), |a| {
        a.set_area(Area::DayActivities, 3_100)
    });
    let writes = storage.save(&mut stored, &w);
    assert_eq!(writes.setup, None, "the set-up did not change");
    assert!(writes.updated.is_some(), "the workshop's last change moved");
    assert_eq!(writes.order, None, "the order did not change");
    assert_eq!(writes.removed, Vec::<Id>::new());
    assert_eq!(writes.ballots.len(), 1);
    assert_eq!(writes.ballots[0].0, ballot);
    assert!(writes.ballots[0].1.len() < 400, "{}", writes.ballots[0].1);
    assert_eq!(storage.read().expect("reads back"), w);
}

#[test]
fn adding_and_removing_people_and_editing_the_set_up_write_those_pieces() {
    let mut w = realistic_workshop();
    let mut storage = FakeStorage::default();
    let mut stored = StoredPieces::default();
    storage.save(&mut stored, &w);

    w.add_participant(id(90), "Newcomer".into(), Role::Provider, at(200));
    let writes = storage.save(&mut stored, &w);
    assert_eq!(writes.ballots.len(), 1);
    assert!(writes.order.is_some());
    assert_eq!(storage.read().expect("reads back"), w);

    let gone = w.ballots[0].id;
    w.remove_ballot(gone, at(210));
    let writes = storage.save(&mut stored, &w);
    assert_eq!(writes.removed, vec![gone]);
    assert!(
        writes.setup.is_some(),
        "the removal is remembered in the set-up"
    );
    assert!(!storage.ballots.contains_key(&gone));
    assert_eq!(storage.read().expect("reads back"), w);

    w.name = "Renamed – Ailenwyd".into();
    let writes = storage.save(&mut stored, &w);
    assert!(writes.setup.is_some());
    assert!(writes.ballots.is_empty());
    assert_eq!(storage.read().expect("reads back"), w);
}

#[test]
fn damaged_pieces_are_refused_with_where_and_why() {
    let w = realistic_workshop();
    let setup = setup_piece(&w);
    let order = order_piece(&w);
    let updated = updated_piece(&w);
    let pieces: HashMap<Id, String> = w.ballots.iter().map(|b| (b.id, ballot_piece(b))).collect();
    let get = |id: Id| pieces.get(&id).cloned();

    let missing = from_pieces(&setup, &updated, &order, |id| {
        (id != w.ballots[1].id).then(|| get(id)).flatten()
    });
    assert_eq!(
        missing
            .expect_err("a missing ballot is refused")
            .to_string(),
        "At stored ballot 2: it is missing."
    );

    let cut = from_pieces(&setup, &updated, &order, |id| {
        get(id).map(|p| p[..p.len() - 3].to_string())
    });
    let message = cut.expect_err("a cut ballot is refused").to_string();
    assert!(
        message.starts_with("At stored ballot 1: it is damaged"),
        "{message}"
    );

    let swapped = from_pieces(&setup, &updated, &order, |id| {
        if id == w.ballots[0].id {
            get(w.ballots[1].id)
        } else {
            get(id)
        }
    });
    assert_eq!(
        swapped
            .expect_err("a ballot under another's key is refused")
            .to_string(),
        "At stored ballot 1: it is stored under another ballot's id."
    );

    let bad_order = from_pieces(&setup, &updated, "not-an-id", get);
    assert_eq!(
        bad_order
            .expect_err("a damaged order is refused")
            .to_string(),
        "At stored ballot 1: its id is not an id."
    );

    let whole = working_copy_json(&w);
    let with_ballots = from_pieces(&whole, &updated, "", get);
    assert!(
        with_ballots.is_err(),
        "a set-up that holds ballots is refused"
    );

    let bad_time = from_pieces(&setup, "yesterday", &order, get);
    assert_eq!(
        bad_time.expect_err("a damaged time is refused").to_string(),
        "At the stored last change: it is not a time."
    );

    let broken_setup = from_pieces(&setup[..setup.len() / 2], &updated, &order, get);
    assert!(matches!(broken_setup, Err(ImportError::NotJson { .. })));

    // A ballot of another workshop breaks the record's rules, as in an import.
    let mut other = w.ballots[0].clone();
    other.workshop_id = id(99);
    let foreign = from_pieces(&setup, &updated, &order, |i| {
        if i == other.id {
            Some(ballot_piece(&other))
        } else {
            get(i)
        }
    });
    assert!(
        matches!(foreign, Err(ImportError::Invalid { .. })),
        "{foreign:?}"
    );
}

#[test]
fn ten_thousand_participants_fit_in_local_storage() {
    let mut w = realistic_workshop();
    for i in 0..10_000u32 {
        let ballot = Id(0xabc0_0000_0000_0000_0000_0000_0000_0000 | u128::from(i));
        let role = Role::ALL[i as usize % Role::ALL.len()];
        w.add_participant(ballot, format!("Person {i:05}"), role, at(300));
        w.update_allocation(ballot, "state_money", at(301), |a| {
            a.set_area(Area::WholeCommunity, 1_000 + i % 5_000)
        });
    }
    // Chromium and Firefox allow about 5,000,000 characters (keys and values) per site.
    let key = "co-produce.ballot.v2.".len() + 32;
    let chars: usize = setup_piece(&w).len()
        + order_piece(&w).len()
        + w.ballots
            .iter()
            .map(|b| key + ballot_piece(b).len())
            .sum::<usize>();
    println!("10,000 participants in pieces: {chars} characters");
    assert!(chars < 4_000_000, "{chars} characters");
    let whole = working_copy_json(&w).len();
    assert!(whole > 5_000_000, "as one record it would not fit: {whole}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the order of changes and saves, what storage holds reads back
    /// as the workshop last saved.
    #[test]
    fn any_run_of_changes_reads_back_as_the_last_save(
        steps in prop::collection::vec((0u8..4, 0usize..8, 0u32..10_000), 1..30)
    ) {
        let mut w = realistic_workshop();
        let mut storage = FakeStorage::default();
        let mut stored = StoredPieces::default();
        storage.save(&mut stored, &w);
        for (n, (what, which, value)) in steps.into_iter().enumerate() {
            let now = at(400 + n as i64);
            match what {
                0 if !w.ballots.is_empty() => {
                    let b = w.ballots[which % w.ballots.len()].id;
                    w.update_allocation(b, "state_money", now, |a| a.set_area(Area::OwnHome, value));
                    // A tick's quick path writes exactly what a whole comparison would.
                    prop_assert_eq!(stored.writes_for_ballot(&w, b), stored.writes_for(&w));
                }
                1 => w.add_participant(id(100 + n as u8), format!("P{n}"), Role::Citizen, now),
                2 if !w.ballots.is_empty() => {
                    let b = w.ballots[which % w.ballots.len()].id;
                    w.remove_ballot(b, now);
                }
                _ => w.place = format!("Hall {value}"),
            }
            storage.save(&mut stored, &w);
            prop_assert_eq!(&storage.read().expect("reads back"), &w);
        }
    }
}
