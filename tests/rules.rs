#![cfg(not(target_arch = "wasm32"))]
//! The named limits in `model::rules` are the very edges `validate` enforces:
//! a value at the limit is accepted, one past it is refused at its path. The
//! screens reuse these constants, so a limit changed here changes both.

mod common;

use co_produce::model::rules::{
    check_ballot, try_update_allocation, validate, MAX_BALLOTS, MAX_CATALOGUE_REF_CHARS, MAX_KINDS,
    MAX_KIND_ID_BYTES, MAX_KIND_NAME_CHARS, MAX_MODEL_ID_BYTES, MAX_NAME_CHARS, MAX_NOTES_PER_LIST,
    MAX_NOTE_CHARS, MAX_PROJECTED_YEARS, MAX_RECORD_BYTES, MAX_TOTAL, MAX_UNIT_NOUN_CHARS,
};
use co_produce::model::{import_json, Area, AreaNotes, ImportError, Unit, Workshop};
use common::{at, realistic_workshop};

/// The path of the rule a workshop breaks, or `None` if it keeps them all.
fn broken_at(w: &Workshop) -> Option<String> {
    match validate(w) {
        Ok(()) => None,
        Err(ImportError::Invalid { path, .. }) => Some(path.to_string()),
        Err(other) => panic!("expected a broken rule, got {other:?}"),
    }
}

/// `edit(w, n)` sets something to size `n`; `limit` is accepted, `limit + 1`
/// is refused at `path`.
fn assert_edge(limit: usize, path: &str, edit: impl Fn(&mut Workshop, usize)) {
    let mut w = realistic_workshop();
    edit(&mut w, limit);
    assert_eq!(broken_at(&w), None, "{path} at its limit {limit}");
    let mut w = realistic_workshop();
    edit(&mut w, limit + 1);
    assert_eq!(broken_at(&w).as_deref(), Some(path), "{path} past {limit}");
}

/// Text of `n` characters, several bytes each, so a limit counts characters.
fn text(n: usize) -> String {
    "ŵ".repeat(n)
}

#[test]
fn names_and_places() {
    assert_edge(MAX_NAME_CHARS, "workshop.name", |w, n| w.name = text(n));
    assert_edge(MAX_NAME_CHARS, "workshop.place", |w, n| w.place = text(n));
    assert_edge(MAX_NAME_CHARS, "workshop.ballots[0].participant", |w, n| {
        w.ballots[0].participant = text(n)
    });
}

fn notes(w: &mut Workshop) -> &mut AreaNotes {
    w.notes.entry(Area::OwnHome).or_default()
}

#[test]
fn notes_and_lists() {
    assert_edge(
        MAX_NOTE_CHARS,
        "workshop.notes.own_home.good_life",
        |w, n| notes(w).good_life = text(n),
    );
    assert_edge(
        MAX_NOTE_CHARS,
        "workshop.notes.own_home.likes[0]",
        |w, n| notes(w).likes = vec![text(n)],
    );
    assert_edge(
        MAX_NOTES_PER_LIST,
        "workshop.notes.own_home.dislikes",
        |w, n| notes(w).dislikes = vec!["too far".into(); n],
    );
}

#[test]
fn resource_kinds() {
    assert_edge(MAX_KINDS, "workshop.kinds", |w, n| {
        w.kinds.truncate(1);
        w.ballots.clear();
        w.agreed_decision = None;
        while w.kinds.len() < n {
            w.add_kind("More".into(), at(1));
        }
    });
    assert_edge(MAX_KIND_ID_BYTES, "workshop.kinds[0].id", |w, n| {
        w.ballots.clear();
        w.agreed_decision = None;
        w.kinds[0].id = "k".repeat(n)
    });
    assert_edge(MAX_KIND_NAME_CHARS, "workshop.kinds[0].name", |w, n| {
        w.kinds[0].name = text(n)
    });
    assert_edge(
        MAX_UNIT_NOUN_CHARS,
        "workshop.kinds[0].unit.noun",
        |w, n| w.kinds[0].unit = Unit::Count { noun: text(n) },
    );
    assert_edge(
        MAX_PROJECTED_YEARS,
        "workshop.kinds[0].projected",
        |w, n| w.kinds[0].projected = vec![1; n],
    );
}

#[test]
fn totals() {
    let mut w = realistic_workshop();
    w.kinds[0].total = MAX_TOTAL;
    assert_eq!(broken_at(&w), None);
    w.kinds[0].total = MAX_TOTAL + 1;
    assert_eq!(broken_at(&w).as_deref(), Some("workshop.kinds[0].total"));
}

#[test]
fn catalogue_reference() {
    assert_edge(MAX_CATALOGUE_REF_CHARS, "workshop.catalogue.id", |w, n| {
        w.catalogue.id = text(n)
    });
    assert_edge(
        MAX_CATALOGUE_REF_CHARS,
        "workshop.catalogue.version",
        |w, n| w.catalogue.version = text(n),
    );
}

#[test]
fn model_ids_within_a_split() {
    let w = realistic_workshop();
    let mut b = w.ballots[0].clone();
    let split = |n: usize| [("m".repeat(n), 10_000u32)].into_iter().collect();
    let kind = w.kinds[0].id.clone();
    let allocation = b.allocations.get_mut(&kind).expect("an allocation");
    allocation
        .models
        .insert(Area::OwnHome, split(MAX_MODEL_ID_BYTES));
    assert_eq!(check_ballot(&w, &b, "b"), Ok(()));
    let allocation = b.allocations.get_mut(&kind).expect("an allocation");
    allocation
        .models
        .insert(Area::OwnHome, split(MAX_MODEL_ID_BYTES + 1));
    assert!(matches!(
        check_ballot(&w, &b, "b"),
        Err(ImportError::Invalid { path, .. }) if path.to_string().ends_with(".models.own_home")
    ));
}

/// Past the ballot limit a workshop is refused before any ballot is read.
#[test]
fn ballots() {
    let mut w = realistic_workshop();
    let mut b = w.ballots[0].clone();
    b.allocations.clear();
    w.ballots = (0..=MAX_BALLOTS)
        .map(|i| {
            let mut bytes = [0u8; 16];
            bytes[..8].copy_from_slice(&(i as u64).to_be_bytes());
            co_produce::model::Ballot {
                id: co_produce::model::Id::from_bytes(bytes),
                ..b.clone()
            }
        })
        .collect();
    assert_eq!(broken_at(&w).as_deref(), Some("workshop.ballots"));
}

/// A record of exactly the limit is read (and found not to be JSON); one
/// byte more is refused unread, naming the limit.
#[test]
fn record_size() {
    let at_limit = " ".repeat(MAX_RECORD_BYTES);
    assert!(matches!(
        import_json(&at_limit),
        Err(ImportError::NotJson { .. })
    ));
    let past = " ".repeat(MAX_RECORD_BYTES + 1);
    assert_eq!(
        import_json(&past),
        Err(ImportError::TooLarge {
            bytes: MAX_RECORD_BYTES + 1,
            limit: MAX_RECORD_BYTES
        })
    );
}

/// A slider tick checks only its ballot, and gives the same workshop as the
/// whole-workshop path (change, then validate everything) whenever that accepts.
#[test]
fn one_ballots_change_is_checked_alone_and_refused_whole() {
    let w = common::realistic_workshop();
    let ballot = w.ballots[1].id;
    for target in [0, 1, 2_500, 9_999, 10_000, 20_000] {
        let mut whole = w.clone();
        whole.update_allocation(ballot, "peoples_time", common::at(500), |a| {
            a.set_area(co_produce::model::Area::OwnHome, target)
        });
        let mut alone = w.clone();
        let outcome =
            try_update_allocation(&mut alone, ballot, "peoples_time", common::at(500), |a| {
                a.set_area(co_produce::model::Area::OwnHome, target)
            });
        assert_eq!(outcome.is_ok(), validate(&whole).is_ok(), "{target}");
        if outcome.is_ok() {
            assert_eq!(alone, whole);
        } else {
            assert_eq!(alone, w, "a refused change leaves the workshop as it was");
        }
    }
    // A change that breaks the rules (a split that is not whole) is refused with where.
    let mut broken = w.clone();
    let refused =
        try_update_allocation(&mut broken, ballot, "peoples_time", common::at(501), |a| {
            a.areas = co_produce::model::AreaShares::from_array([1, 2, 3, 4, 5])
        });
    let message = refused.expect_err("refused").to_string();
    assert!(
        message.starts_with("At workshop.ballots[1].allocations.peoples_time.areas"),
        "{message}"
    );
    assert_eq!(broken, w);
    // No such ballot or kind: nothing to change.
    let mut same = w.clone();
    assert_eq!(
        try_update_allocation(
            &mut same,
            common::id(200),
            "peoples_time",
            common::at(502),
            |_| {}
        ),
        Ok(false)
    );
    assert_eq!(
        try_update_allocation(&mut same, ballot, "no_such_kind", common::at(502), |_| {}),
        Ok(false)
    );
    assert_eq!(same, w);
}
