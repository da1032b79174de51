#![cfg(not(target_arch = "wasm32"))]
//! Merging: ballots offered to a workshop, and two copies of one workshop.
//! Any order and any grouping of merges gives the same workshop, the newer copy
//! of each piece wins, an exact tie is broken by content, and nothing is lost.

mod common;

use std::collections::BTreeMap;

use co_produce::model::merge::{
    absorb_sessions, newer_ballot, settle_ballot, sort_ballots, NotTheSameWorkshop,
};
use co_produce::model::{
    merge_ballots, merge_into, merge_workshops, validate, Area, AreaShares, Ballot, Id,
    ImportError, MergeReport, NoteKind, PartnershipCheck, Principle, Rating, Role, Session,
    Timestamp, Workshop,
};
use common::{at, id, realistic_workshop};
use proptest::prelude::*;

// ---------------------------------------------------------------- helpers

/// The realistic workshop with its ballots in the order a merge leaves them.
fn base() -> Workshop {
    let mut w = realistic_workshop();
    sort_ballots(&mut w.ballots);
    w
}

/// The workshop with its ballots sorted by id, to compare contents.
fn by_id(w: &Workshop) -> Workshop {
    let mut w = w.clone();
    w.ballots.sort_by_key(|b| b.id);
    w
}

/// A copy of a ballot of the base, changed and stamped.
fn version(w: &Workshop, ballot: Id, own_home_bp: u32, minutes: i64) -> Ballot {
    let mut b = w.ballot(ballot).expect("a ballot of the base").clone();
    let a = b.allocations.get_mut("state_money").expect("state money");
    a.locked.clear();
    a.set_area(Area::OwnHome, own_home_bp);
    b.updated_at = at(minutes);
    b
}

/// A fresh ballot of the workshop, as another device would make it.
fn fresh(w: &Workshop, seed: u8, name: &str, minutes: i64) -> Ballot {
    let mut scratch = w.clone();
    scratch.ballots.clear();
    scratch.add_participant(id(seed), name.into(), Role::Provider, at(minutes));
    scratch.ballots.remove(0)
}

fn path_of(err: &ImportError) -> &str {
    match err {
        ImportError::Shape { path, .. } | ImportError::Invalid { path, .. } => path
            .json_path()
            .unwrap_or_else(|| panic!("expected a JSON path, got {path:?}")),
        other => panic!("expected an error with a path, got {other:?}"),
    }
}

fn total(report: &MergeReport) -> usize {
    report.added + report.updated + report.unchanged + report.removed + report.refused.len()
}

// ---------------------------------------------------------------- merge_ballots

#[test]
fn offering_the_same_ballots_twice_changes_nothing_the_second_time() {
    let source = base();
    let mut target = source.clone();
    target.ballots.clear();
    let mut offered = source.ballots.clone();
    offered.push(version(&source, id(12), 4_000, 200));
    offered.push(fresh(&source, 40, "Newcomer", 150));

    let first = merge_ballots(&mut target, offered.clone(), "gathered");
    assert_eq!(first.added, 7, "{first:?}");
    assert_eq!(first.updated, 1, "{first:?}");
    assert!(first.refused.is_empty(), "{:?}", first.refused);
    let after_first = target.clone();

    let second = merge_ballots(&mut target, offered.clone(), "gathered");
    assert_eq!(
        second,
        MergeReport {
            unchanged: offered.len(),
            ..MergeReport::default()
        }
    );
    assert_eq!(target, after_first, "the second merge changed the workshop");
    validate(&target).expect("the merged workshop is valid");
}

#[test]
fn offering_ballots_the_workshop_already_has_reports_them_unchanged() {
    let mut w = base();
    let before = w.clone();
    let report = merge_ballots(&mut w, before.ballots.clone(), "file");
    assert_eq!(report.unchanged, before.ballots.len());
    assert_eq!(total(&report), before.ballots.len());
    assert_eq!(w, before);
}

#[test]
fn the_newer_copy_wins_in_either_order() {
    let w = base();
    let older = version(&w, id(11), 1_000, 100);
    let newer = version(&w, id(11), 6_000, 101);

    let mut one = w.clone();
    let r1 = merge_ballots(&mut one, vec![older.clone()], "a");
    let r2 = merge_ballots(&mut one, vec![newer.clone()], "b");
    assert_eq!((r1.updated, r2.updated), (1, 1));

    let mut two = w.clone();
    let r1 = merge_ballots(&mut two, vec![newer.clone()], "b");
    let r2 = merge_ballots(&mut two, vec![older.clone()], "a");
    assert_eq!(
        (r1.updated, r2.unchanged),
        (1, 1),
        "an older copy is ignored"
    );

    assert_eq!(one, two);
    assert_eq!(one.ballot(id(11)), Some(&newer));

    // A copy older than the one in the workshop changes nothing.
    let stale = version(&w, id(13), 9_000, -10);
    let mut three = w.clone();
    let r = merge_ballots(&mut three, vec![stale], "old file");
    assert_eq!(r.unchanged, 1);
    assert_eq!(three, w);
}

#[test]
fn an_exact_tie_is_broken_by_content_whatever_the_order() {
    let w = base();
    let x = version(&w, id(14), 1_500, 100);
    let y = version(&w, id(14), 7_500, 100);
    assert_ne!(x, y);
    assert_eq!(x.updated_at, y.updated_at);
    let winner = x.clone().max(y.clone());
    assert_eq!(newer_ballot(&x, &y), &winner);
    assert_eq!(newer_ballot(&y, &x), &winner);

    let mut one = w.clone();
    merge_ballots(&mut one, vec![x.clone(), y.clone()], "a");
    let mut two = w.clone();
    merge_ballots(&mut two, vec![y.clone()], "b");
    merge_ballots(&mut two, vec![x.clone()], "a");
    assert_eq!(one, two);
    assert_eq!(one.ballot(id(14)), Some(&winner));
}

#[test]
fn a_ballot_of_another_workshop_is_refused_and_nothing_changes() {
    let mut w = base();
    let before = w.clone();
    let mut stranger = fresh(&w, 50, "Visitor from Swansea", 120);
    stranger.workshop_id = id(99);
    let mut impostor = w.ballots[0].clone();
    impostor.workshop_id = id(99);
    impostor.updated_at = at(500);

    let report = merge_ballots(&mut w, vec![stranger, impostor], "scanned");
    assert_eq!(report.refused.len(), 2, "{report:?}");
    assert_eq!(report.added + report.updated + report.unchanged, 0);
    for (i, err) in report.refused.iter().enumerate() {
        assert_eq!(path_of(err), format!("scanned[{i}].workshop_id"));
        let message = err.to_string();
        assert!(message.contains("another workshop"), "{message}");
        assert!(message.contains(&id(99).short()), "{message}");
    }
    assert!(report.refused[0]
        .to_string()
        .contains("Visitor from Swansea"));
    assert_eq!(w, before, "nothing changed");
}

#[test]
fn a_broken_ballot_is_refused_with_its_path_and_the_rest_are_merged() {
    let mut w = base();
    let before = w.clone();

    let mut short = fresh(&w, 51, "Short by one", 120);
    short
        .allocations
        .get_mut("state_money")
        .expect("state money")
        .areas = AreaShares::from_array([2_000, 2_000, 2_000, 2_000, 1_999]);
    let mut unknown_kind = fresh(&w, 52, "Lottery fan", 120);
    let copy = unknown_kind.allocations["state_money"].clone();
    unknown_kind
        .allocations
        .insert("lottery_money".into(), copy);
    let mut nameless = fresh(&w, 53, "  ", 120);
    nameless.participant = "   ".into();
    let mut bad_model = version(&w, id(10), 3_000, 300);
    if let Some(split) = bad_model
        .allocations
        .get_mut("state_money")
        .and_then(|a| a.models.values_mut().next())
    {
        *split.values_mut().next().expect("a model") += 1;
    }
    let good = fresh(&w, 54, "Fine", 120);

    let report = merge_ballots(
        &mut w,
        vec![short, unknown_kind, good.clone(), nameless, bad_model],
        "file.json",
    );
    let paths: Vec<&str> = report.refused.iter().map(path_of).collect();
    assert_eq!(
        paths,
        [
            "file.json[0].allocations.state_money.areas",
            "file.json[1].allocations.lottery_money",
            "file.json[3].participant",
            "file.json[4].allocations.state_money.models.own_home",
        ]
    );
    assert!(
        report.refused[0].to_string().contains("99.99%"),
        "{}",
        report.refused[0]
    );
    assert_eq!(report.added, 1);
    assert_eq!(w.ballot(id(54)), Some(&good));
    let mut without_good = w.clone();
    without_good.ballots.retain(|b| b.id != id(54));
    assert_eq!(
        by_id(&without_good),
        by_id(&before),
        "only the good one came in"
    );
    validate(&w).expect("still valid");
}

#[test]
fn a_removed_ballot_is_not_brought_back() {
    let mut w = base();
    let gone = w.ballot(id(13)).expect("ballot").clone();
    w.remove_ballot(id(13), at(100));
    assert_eq!(w.removed_ballots, vec![id(13)]);
    let before = w.clone();

    let edited_later = version(&base(), id(13), 5_000, 200);
    let report = merge_ballots(&mut w, vec![gone, edited_later], "old file");
    assert_eq!(report.removed, 2, "{report:?}");
    assert_eq!(total(&report), 2);
    assert!(w.ballot(id(13)).is_none());
    assert_eq!(w, before);
}

#[test]
fn nothing_already_in_the_workshop_is_lost() {
    let mut w = base();
    let before = w.clone();
    // Only strangers, broken ballots and older copies are offered.
    let mut stranger = fresh(&w, 60, "Stranger", 100);
    stranger.workshop_id = id(98);
    let mut broken = version(&w, id(10), 2_000, 500);
    broken.participant.clear();
    let older: Vec<Ballot> = w
        .ballots
        .iter()
        .map(|b| {
            let mut b = b.clone();
            b.updated_at = Timestamp(b.updated_at.0 - 1);
            b.participant.push_str(" (old)");
            b
        })
        .collect();
    let mut offered = vec![stranger, broken];
    offered.extend(older);
    let report = merge_ballots(&mut w, offered, "pile");
    assert_eq!(report.refused.len(), 2);
    assert_eq!(report.unchanged, before.ballots.len());
    assert_eq!(w, before);
}

// A set of ballot versions: existing ids (some removed), new ids, ties,
// older copies, strangers and broken ones, in any order and any batches.

#[derive(Debug, Clone)]
struct VersionSpec {
    ballot: u8,
    own_home_bp: u32,
    minutes: i64,
    name: u8,
    trouble: u8,
    /// Partnership ratings, one per principle: 0 unrated, 1 to 4 a rating.
    ratings: [u8; 6],
}

fn version_spec() -> impl Strategy<Value = VersionSpec> {
    (
        0u8..9,
        0u32..=10_000,
        0i64..4,
        0u8..3,
        0u8..12,
        prop::array::uniform6(0u8..5),
    )
        .prop_map(
            |(ballot, own_home_bp, minutes, name, trouble, ratings)| VersionSpec {
                ballot,
                own_home_bp,
                minutes,
                name,
                trouble,
                ratings,
            },
        )
}

/// The workshop the versions are offered to: the base with one ballot removed.
fn target() -> Workshop {
    let mut w = base();
    w.remove_ballot(id(15), at(60));
    w
}

fn build_version(w: &Workshop, spec: &VersionSpec) -> Ballot {
    // Ids 10 to 15 are the base's (15 removed); 16 to 18 are new.
    let seed = 10 + spec.ballot;
    let mut b = match base().ballot(id(seed)) {
        Some(b) => b.clone(),
        None => fresh(w, seed, "New person", 0),
    };
    // Versions stamped in a narrow window, so ties are common; minute 0
    // predates some of the base's ballots.
    b.updated_at = at(40 + spec.minutes);
    let a = b.allocations.get_mut("state_money").expect("state money");
    a.locked.clear();
    a.set_area(Area::OwnHome, spec.own_home_bp);
    b.participant = ["Ann", "ann", "Bryn"][usize::from(spec.name)].into();
    b.partnership = Principle::ALL
        .into_iter()
        .zip(spec.ratings)
        .filter_map(|(p, r)| Some((p, Rating::from_score(r.checked_sub(1)?)?)))
        .collect();
    match spec.trouble {
        0 => b.workshop_id = id(97),
        1 => {
            b.allocations
                .get_mut("peoples_time")
                .expect("time")
                .areas
                .own_home += 1
        }
        _ => {}
    }
    b
}

/// What the merge must give: per id, the greatest version by (updated_at, content).
fn expected_after(w: &Workshop, versions: &[Ballot]) -> Workshop {
    let mut best: BTreeMap<Id, Ballot> = w.ballots.iter().map(|b| (b.id, b.clone())).collect();
    for v in versions {
        if v.workshop_id != w.id
            || co_produce::model::rules::check_ballot(w, v, "x").is_err()
            || w.removed_ballots.contains(&v.id)
        {
            continue;
        }
        best.entry(v.id)
            .and_modify(|kept| {
                settle_ballot(kept, v);
            })
            .or_insert_with(|| v.clone());
    }
    let mut out = w.clone();
    out.ballots = best.into_values().collect();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn merge_ballots_is_independent_of_order_and_batches(
        specs in prop::collection::vec(version_spec(), 0..24),
        shuffle_seed in any::<u64>(),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
    ) {
        let w = target();
        let versions: Vec<Ballot> = specs.iter().map(|s| build_version(&w, s)).collect();

        let mut in_order = w.clone();
        let report = merge_ballots(&mut in_order, versions.clone(), "all");
        prop_assert_eq!(total(&report), versions.len());

        // The same versions shuffled and offered in batches.
        let mut shuffled = versions.clone();
        let mut state = shuffle_seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let mut points: Vec<usize> = cuts.iter().map(|c| c.index(shuffled.len() + 1)).collect();
        points.sort_unstable();
        points.dedup();
        let mut batched = w.clone();
        let mut start = 0;
        let mut offered = 0;
        for end in points.into_iter().chain(std::iter::once(shuffled.len())) {
            let batch = shuffled[start..end.max(start)].to_vec();
            offered += batch.len();
            let before = batched.clone();
            let report = merge_ballots(&mut batched, batch, "batch");
            // Nothing already in the workshop is lost, and no ballot goes back in time.
            for old in &before.ballots {
                let now = batched.ballot(old.id);
                prop_assert!(now.is_some(), "ballot {} was lost", old.id);
                let now = now.unwrap();
                let mut settled = now.clone();
                prop_assert!(!settle_ballot(&mut settled, old), "ballot {} went back in time", old.id);
            }
            prop_assert_eq!(report.updated + report.added > 0, before != batched);
            start = end.max(start);
        }
        prop_assert_eq!(offered, versions.len());

        prop_assert_eq!(by_id(&in_order), by_id(&batched));
        prop_assert_eq!(by_id(&in_order), by_id(&expected_after(&w, &versions)));
        prop_assert!(validate(&in_order).is_ok(), "{:?}", validate(&in_order));
        prop_assert!(in_order.ballot(id(15)).is_none(), "a removed ballot came back");

        // And offering them all again changes nothing.
        let again = batched.clone();
        let report = merge_ballots(&mut batched, shuffled, "again");
        prop_assert_eq!(report.added + report.updated, 0);
        prop_assert_eq!(batched, again);
    }
}

// ---------------------------------------------------------------- merge_workshops

#[test]
fn two_different_workshops_are_not_merged() {
    let a = base();
    let mut b = base();
    b.id = id(77);
    let err = merge_workshops(&a, &b).expect_err("different workshops");
    assert_eq!(
        err,
        NotTheSameWorkshop {
            ours: a.id,
            theirs: b.id
        }
    );
    let message = err.to_string();
    assert!(message.contains(&a.id.short()), "{message}");
    assert!(message.contains(&b.id.short()), "{message}");
    assert!(merge_workshops(&b, &a).is_err());
}

/// Applies an edit the way the app does: change through the model, then stamp.
fn edit(w: &mut Workshop, minutes: i64, change: impl FnOnce(&mut Workshop)) {
    let before = w.clone();
    change(w);
    w.stamp_changes(&before, at(minutes));
}

#[test]
fn notes_in_one_window_and_the_name_in_another_both_survive() {
    let base = base();
    let mut a = base.clone();
    let mut b = base.clone();
    edit(&mut a, 100, |w| {
        let mut notes = w.notes_for(Area::OwnHome);
        notes.likes.push("Neighbours who drop in".into());
        w.notes.insert(Area::OwnHome, notes);
    });
    edit(&mut b, 101, |w| w.name = "Renamed in window B".into());
    assert_eq!(a.notes[&Area::OwnHome].updated_at, at(100));
    assert_eq!(a.setup_updated_at, base.setup_updated_at);
    assert_eq!(b.setup_updated_at, at(101));
    assert_eq!(
        b.notes[&Area::OwnHome],
        base.notes[&Area::OwnHome],
        "untouched notes keep their stamp"
    );

    for merged in [merge_workshops(&a, &b), merge_workshops(&b, &a)] {
        let merged = merged.expect("same workshop");
        assert_eq!(merged.name, "Renamed in window B");
        assert_eq!(merged.notes[&Area::OwnHome], a.notes[&Area::OwnHome]);
        assert_eq!(
            merged.notes[&Area::WholeCommunity],
            base.notes[&Area::WholeCommunity]
        );
        assert_eq!(merged.updated_at, at(101));
        validate(&merged).expect("valid");
    }
}

#[test]
fn a_participant_removed_in_one_window_and_edited_in_another_stays_removed() {
    let base = base();
    let mut a = base.clone();
    let mut b = base.clone();
    edit(&mut a, 100, |w| w.remove_ballot(id(12), at(100)));
    edit(&mut b, 105, |w| {
        w.update_allocation(id(12), "state_money", at(105), |al| {
            al.locked.clear();
            al.set_area(Area::DayActivities, 8_000);
        });
        w.update_allocation(id(13), "state_money", at(105), |al| {
            al.locked.clear();
            al.set_area(Area::DayActivities, 8_000);
        });
    });
    assert_eq!(b.ballot(id(12)).unwrap().updated_at, at(105));

    let ab = merge_workshops(&a, &b).expect("same workshop");
    let ba = merge_workshops(&b, &a).expect("same workshop");
    assert_eq!(ab, ba);
    assert!(
        ab.ballot(id(12)).is_none(),
        "the removed participant came back"
    );
    assert_eq!(ab.removed_ballots, vec![id(12)]);
    assert_eq!(
        ab.ballot(id(13)),
        b.ballot(id(13)),
        "B's other edit is kept"
    );
    assert_eq!(ab.ballots.len(), base.ballots.len() - 1);
    validate(&ab).expect("valid");

    // Merging the old copy back in later does not resurrect it either.
    let again = merge_workshops(&ab, &base).expect("same workshop");
    assert!(again.ballot(id(12)).is_none());
}

#[test]
fn participants_added_in_two_windows_are_all_kept() {
    let base = base();
    let mut a = base.clone();
    let mut b = base.clone();
    edit(&mut a, 100, |w| {
        w.add_participant(id(70), "Added in A".into(), Role::Citizen, at(100))
    });
    edit(&mut b, 100, |w| {
        w.add_participant(id(71), "Added in B".into(), Role::Provider, at(100))
    });
    let merged = merge_workshops(&a, &b).expect("same workshop");
    assert!(merged.ballot(id(70)).is_some());
    assert!(merged.ballot(id(71)).is_some());
    assert_eq!(merged.ballots.len(), base.ballots.len() + 2);
}

#[test]
fn room_controls_and_decision_go_to_the_newer_copy() {
    let base = base();
    let mut a = base.clone();
    let mut b = base.clone();
    edit(&mut a, 100, |w| {
        w.room.results_hidden = true;
        w.room.reveal(Area::Accommodation);
    });
    edit(&mut b, 110, |w| {
        let mut d = w.decision_or_draft(at(110));
        d.rationale
            .insert(Area::DayActivities, "Jobs first.".into());
        w.agreed_decision = Some(d);
    });
    edit(&mut a, 120, |w| {
        let mut d = w.decision_or_draft(at(120));
        d.rationale
            .insert(Area::DayActivities, "Jobs and friends.".into());
        w.agreed_decision = Some(d);
    });
    let merged = merge_workshops(&b, &a).expect("same workshop");
    assert_eq!(merged.room, a.room);
    assert_eq!(merged.room.updated_at, at(100));
    assert_eq!(
        merged.agreed_decision.as_ref().unwrap().rationale[&Area::DayActivities],
        "Jobs and friends."
    );
    assert_eq!(merged, merge_workshops(&a, &b).unwrap());
}

#[test]
fn stamp_changes_stamps_only_what_changed() {
    let base = base();
    let mut w = base.clone();
    edit(&mut w, 200, |w| {
        w.update_allocation(id(11), "peoples_time", at(150), |a| {
            a.set_area(Area::OwnHome, 100)
        });
    });
    assert_eq!(
        w.ballot(id(11)).unwrap().updated_at,
        at(150),
        "a ballot keeps the stamp its device gave it"
    );
    for b in &w.ballots {
        if b.id != id(11) {
            assert_eq!(Some(b), base.ballot(b.id));
        }
    }
    assert_eq!(w.setup_updated_at, base.setup_updated_at);
    assert_eq!(w.notes, base.notes);
    assert_eq!(w.room, base.room);
    assert_eq!(w.agreed_decision, base.agreed_decision);
    assert_eq!(w.updated_at, at(200));

    // A ballot gathered from a file keeps its own stamp too, so it does not
    // look newer than a later copy of itself elsewhere.
    let gathered = version(&base, id(12), 4_321, 205);
    edit(&mut w, 210, |w| {
        merge_ballots(w, vec![gathered.clone()], "file");
    });
    assert_eq!(w.ballot(id(12)), Some(&gathered));

    edit(&mut w, 220, |w| w.place = "Somewhere else".into());
    assert_eq!(w.setup_updated_at, at(220));
    edit(&mut w, 230, |w| w.room.frozen = true);
    assert_eq!(w.room.updated_at, at(230));
    edit(&mut w, 240, |w| w.room.frozen = true);
    assert_eq!(w.room.updated_at, at(230), "no change, no stamp");
}

// ---------------------------------------------------------------- partnership check

/// A copy of a ballot of the base with these ratings, stamped.
fn rated(w: &Workshop, ballot: Id, ratings: &[(Principle, Rating)], minutes: i64) -> Ballot {
    let mut b = w.ballot(ballot).expect("a ballot of the base").clone();
    b.partnership = ratings.iter().copied().collect();
    b.updated_at = at(minutes);
    b
}

#[test]
fn ratings_travel_with_their_ballot_and_the_newer_wins_in_any_order() {
    use Principle::*;
    use Rating::*;
    let w = base();
    let first = rated(&w, id(10), &[(RecognisingPowerImbalances, ALittle)], 100);
    // Later the participant changed their mind, and took a rating back.
    let second = rated(
        &w,
        id(10),
        &[(RecognisingPowerImbalances, NotAtAll), (Leadership, Mostly)],
        101,
    );
    let third = rated(&w, id(10), &[(Leadership, Mostly)], 102);
    let copies = [first, second, third.clone()];
    for order in [
        [0, 1, 2],
        [2, 1, 0],
        [1, 2, 0],
        [0, 2, 1],
        [2, 0, 1],
        [1, 0, 2],
    ] {
        let mut one = w.clone();
        for i in order {
            merge_ballots(&mut one, vec![copies[i].clone()], "code");
        }
        assert_eq!(one.ballot(id(10)), Some(&third), "order {order:?}");

        // The same through whole copies of the workshop, as other windows send them.
        let windows: Vec<Workshop> = order
            .iter()
            .map(|&i| {
                let mut c = w.clone();
                merge_ballots(&mut c, vec![copies[i].clone()], "window");
                c
            })
            .collect();
        let all = windows
            .iter()
            .skip(1)
            .fold(windows[0].clone(), |acc, c| merged(&acc, c));
        assert_eq!(all.ballot(id(10)), Some(&third), "order {order:?}");
    }
    // An exact tie of stamps is broken by content, whichever arrives first.
    let a = rated(&w, id(11), &[(SharedAnalysis, Fully)], 110);
    let b = rated(&w, id(11), &[(SharedAnalysis, NotAtAll)], 110);
    let mut x = w.clone();
    merge_ballots(&mut x, vec![a.clone(), b.clone()], "x");
    let mut y = w.clone();
    merge_ballots(&mut y, vec![b, a], "y");
    assert_eq!(x, y);
}

#[test]
fn rating_a_principle_stamps_the_ballot_only_when_it_changes() {
    let mut w = base();
    let before = w.ballot(id(12)).unwrap().clone();
    assert!(w.rate_principle(id(12), Principle::Leadership, Some(Rating::Mostly), at(300)));
    let b = w.ballot(id(12)).unwrap();
    assert_eq!(b.updated_at, at(300));
    assert_eq!(b.partnership[&Principle::Leadership], Rating::Mostly);
    assert_eq!(b.allocations, before.allocations, "the rest is untouched");
    assert_eq!(w.updated_at, at(300));

    assert!(!w.rate_principle(id(12), Principle::Leadership, Some(Rating::Mostly), at(301)));
    assert_eq!(
        w.ballot(id(12)).unwrap().updated_at,
        at(300),
        "the same tap again"
    );
    assert!(w.rate_principle(id(12), Principle::Leadership, None, at(302)));
    assert!(w.ballot(id(12)).unwrap().partnership.is_empty());
    assert_eq!(w.ballot(id(12)).unwrap().updated_at, at(302));
    assert!(!w.rate_principle(id(99), Principle::Leadership, Some(Rating::Fully), at(303)));
    assert_eq!(w.updated_at, at(302), "no such ballot, nothing stamped");
}

#[test]
fn the_partnership_check_is_part_of_the_setup() {
    let base = base();
    assert_eq!(base.partnership_check, PartnershipCheck::Off);
    let mut a = base.clone();
    edit(&mut a, 100, |w| {
        w.partnership_check = PartnershipCheck::BeforeAllocation
    });
    assert_eq!(
        a.setup_updated_at,
        at(100),
        "a change of the check stamps the set-up"
    );
    edit(&mut a, 101, |w| w.room.frozen = true);
    assert_eq!(a.setup_updated_at, at(100), "other pieces do not");

    // The newer set-up brings its check, in either order.
    let b = base.clone();
    for m in [merged(&a, &b), merged(&b, &a)] {
        assert_eq!(m.partnership_check, PartnershipCheck::BeforeAllocation);
        assert_eq!(m.setup_updated_at, at(100));
    }
    let mut c = a.clone();
    edit(&mut c, 102, |w| {
        w.partnership_check = PartnershipCheck::AfterAllocation
    });
    for m in [merged(&a, &c), merged(&c, &a)] {
        assert_eq!(m.partnership_check, PartnershipCheck::AfterAllocation);
    }
    let mut d = base.clone();
    assert!(
        merge_into(&mut d, &a).expect("same workshop"),
        "the check came in"
    );
    assert_eq!(d.partnership_check, PartnershipCheck::BeforeAllocation);
    // Ratings are kept whatever the setting: turning it off loses nothing.
    let mut e = c.clone();
    e.rate_principle(
        id(10),
        Principle::Leadership,
        Some(Rating::ALittle),
        at(103),
    );
    edit(&mut e, 104, |w| w.partnership_check = PartnershipCheck::Off);
    validate(&e).expect("ratings are valid with the check off");
    let offered = e.ballot(id(10)).unwrap().clone();
    let mut f = c.clone();
    let report = merge_ballots(&mut f, vec![offered], "tablet");
    assert_eq!(report.updated, 1, "{report:?}");
}

// Copies of one workshop, each edited in its own window at random times.

#[derive(Debug, Clone)]
enum Edit {
    Name(String),
    Notes(Area, String),
    Add(String, Role),
    Remove(prop::sample::Index),
    Move(prop::sample::Index, prop::sample::Index, Area, u32),
    Reveal(Area),
    Freeze(bool),
    Decide(prop::sample::Index, Area, u32, String),
    Rate(prop::sample::Index, Principle, Option<Rating>),
    Check(PartnershipCheck),
    Note(prop::sample::Index, Area, String),
    Agree(prop::sample::Index, prop::sample::Index),
    Hide(prop::sample::Index),
    MergeNotes(prop::sample::Index, prop::sample::Index),
    ApproveFirst(bool),
    /// Removes one of the base's first two kinds (so some kind is always left,
    /// whatever every window removes).
    RemoveKind(bool),
    ClearDecision,
    /// Lists one of four sessions and says a ballot came from it, if it
    /// says none yet (as combining does: set once, never changed, and not
    /// stamped, so an older copy of the ballot does not know it).
    Session(prop::sample::Index, u8),
}

/// Every note id of a workshop, in order.
fn note_ids(w: &Workshop) -> Vec<Id> {
    let mut ids: Vec<Id> = w
        .ballots
        .iter()
        .flat_map(|b| b.notes.iter().map(|n| n.id))
        .collect();
    ids.sort();
    ids
}

fn principle() -> impl Strategy<Value = Principle> {
    prop::sample::select(Principle::ALL.to_vec())
}

fn rating() -> impl Strategy<Value = Option<Rating>> {
    prop::option::of(prop::sample::select(Rating::ALL.to_vec()))
}

fn check() -> impl Strategy<Value = PartnershipCheck> {
    prop::sample::select(vec![
        PartnershipCheck::Off,
        PartnershipCheck::BeforeAllocation,
        PartnershipCheck::AfterAllocation,
    ])
}

fn area() -> impl Strategy<Value = Area> {
    (0usize..5).prop_map(|i| Area::ALL[i])
}

fn short_text() -> impl Strategy<Value = String> {
    prop_oneof!["[A-Za-z ]{1,12}", "\\PC{1,8}"].prop_filter("not blank", |s| !s.trim().is_empty())
}

fn an_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        short_text().prop_map(Edit::Name),
        (area(), short_text()).prop_map(|(a, t)| Edit::Notes(a, t)),
        (short_text(), (0usize..5).prop_map(|i| Role::ALL[i])).prop_map(|(n, r)| Edit::Add(n, r)),
        any::<prop::sample::Index>().prop_map(Edit::Remove),
        (
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            area(),
            0u32..=10_000
        )
            .prop_map(|(b, k, a, bp)| Edit::Move(b, k, a, bp)),
        area().prop_map(Edit::Reveal),
        any::<bool>().prop_map(Edit::Freeze),
        (
            any::<prop::sample::Index>(),
            area(),
            0u32..=10_000,
            short_text()
        )
            .prop_map(|(k, a, bp, t)| Edit::Decide(k, a, bp, t)),
        (any::<prop::sample::Index>(), principle(), rating())
            .prop_map(|(b, p, r)| Edit::Rate(b, p, r)),
        check().prop_map(Edit::Check),
        (any::<prop::sample::Index>(), area(), short_text())
            .prop_map(|(b, a, t)| Edit::Note(b, a, t)),
        (any::<prop::sample::Index>(), any::<prop::sample::Index>())
            .prop_map(|(b, n)| Edit::Agree(b, n)),
        any::<prop::sample::Index>().prop_map(Edit::Hide),
        (any::<prop::sample::Index>(), any::<prop::sample::Index>())
            .prop_map(|(a, b)| Edit::MergeNotes(a, b)),
        any::<bool>().prop_map(Edit::ApproveFirst),
        any::<bool>().prop_map(Edit::RemoveKind),
        Just(Edit::ClearDecision),
        (any::<prop::sample::Index>(), 0u8..4).prop_map(|(b, n)| Edit::Session(b, n)),
    ]
}

/// A window's edits, each at a minute in a narrow range so stamps often tie.
fn edits() -> impl Strategy<Value = Vec<(Edit, i64)>> {
    prop::collection::vec((an_edit(), 100i64..106), 0..8)
}

fn apply(w: &mut Workshop, window: u8, step: usize, e: &Edit, minutes: i64) {
    let now = at(minutes);
    edit(w, minutes, |w| match e {
        Edit::Name(name) => w.name = name.clone(),
        Edit::Notes(area, text) => {
            let mut notes = w.notes_for(*area);
            notes.good_life = text.clone();
            notes.likes.push(text.clone());
            w.notes.insert(*area, notes);
        }
        Edit::Add(name, role) => {
            // Ids are random in the app; distinct per window and step here.
            let ballot = Id(0xFEED_0000 + u128::from(window) * 1_000 + step as u128);
            w.add_participant(ballot, name.clone(), *role, now);
        }
        Edit::Remove(i) => {
            if !w.ballots.is_empty() {
                let ballot = w.ballots[i.index(w.ballots.len())].id;
                w.remove_ballot(ballot, now);
            }
        }
        Edit::Move(b, k, area, bp) => {
            if !w.ballots.is_empty() {
                let ballot = w.ballots[b.index(w.ballots.len())].id;
                let kind = w.kinds[k.index(w.kinds.len())].id.clone();
                w.update_allocation(ballot, &kind, now, |a| a.set_area(*area, *bp));
            }
        }
        Edit::Reveal(area) => {
            w.room.results_hidden = true;
            w.room.reveal(*area);
        }
        Edit::Freeze(frozen) => w.room.frozen = *frozen,
        Edit::Decide(k, area, bp, why) => {
            let kind = w.kinds[k.index(w.kinds.len())].id.clone();
            let mut d = w.decision_or_draft(now);
            let shares = d.shares.get(&kind).copied().unwrap_or_default();
            d.shares.insert(kind, shares.set(*area, *bp, &[]));
            d.rationale.insert(*area, why.clone());
            w.agreed_decision = Some(d);
        }
        Edit::Rate(b, principle, rating) => {
            if !w.ballots.is_empty() {
                let ballot = w.ballots[b.index(w.ballots.len())].id;
                w.rate_principle(ballot, *principle, *rating, now);
            }
        }
        Edit::Check(check) => w.partnership_check = *check,
        // Refused note changes leave the workshop as it was, which is fine here.
        Edit::Note(b, area, text) => {
            if !w.ballots.is_empty() {
                let ballot = w.ballots[b.index(w.ballots.len())].id;
                let note = Id(0xC0DE_0000 + u128::from(window) * 1_000 + step as u128);
                let _ = w.add_note(ballot, note, *area, NoteKind::Like, text, now);
            }
        }
        Edit::Agree(b, n) => {
            let notes = note_ids(w);
            if !w.ballots.is_empty() && !notes.is_empty() {
                let ballot = w.ballots[b.index(w.ballots.len())].id;
                let _ = w.set_agree(ballot, notes[n.index(notes.len())], true, now);
            }
        }
        Edit::Hide(n) => {
            let notes = note_ids(w);
            if !notes.is_empty() {
                let _ = w.hide_note(notes[n.index(notes.len())], now);
            }
        }
        Edit::MergeNotes(x, y) => {
            let notes = note_ids(w);
            if !notes.is_empty() {
                let (x, y) = (notes[x.index(notes.len())], notes[y.index(notes.len())]);
                let _ = w.merge_notes(x, y, now);
            }
        }
        Edit::ApproveFirst(on) => w.moderation.approve_first = *on,
        Edit::ClearDecision => w.agreed_decision = None,
        Edit::Session(b, n) => {
            let session = Session {
                id: Id(0x5E55_0000 + u128::from(*n)),
                name: format!("Session {n}"),
                place: "Hall".into(),
                date: "2026-11-25".into(),
            };
            absorb_sessions(&mut w.sessions, std::slice::from_ref(&session));
            if !w.ballots.is_empty() {
                let i = b.index(w.ballots.len());
                if w.ballots[i].session.is_none() {
                    w.ballots[i].session = Some(session.id);
                }
            }
        }
        Edit::RemoveKind(first) => {
            let kind = if *first { "state_money" } else { "custom_1" };
            if w.kinds.len() > 1 {
                w.remove_kind(kind, now);
            }
        }
    });
}

fn window(base: &Workshop, n: u8, list: &[(Edit, i64)]) -> Workshop {
    let mut w = base.clone();
    for (step, (e, minutes)) in list.iter().enumerate() {
        apply(&mut w, n, step, e, *minutes);
    }
    w
}

fn merged(a: &Workshop, b: &Workshop) -> Workshop {
    merge_workshops(a, b).expect("copies of the same workshop")
}

/// A workshop with its ballots in the order a merge leaves them.
fn sorted(w: &Workshop) -> Workshop {
    let mut w = w.clone();
    sort_ballots(&mut w.ballots);
    w
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn merge_workshops_is_commutative_associative_and_idempotent(
        ea in edits(),
        eb in edits(),
        ec in edits(),
    ) {
        let base = base();
        let a = window(&base, 1, &ea);
        let b = window(&base, 2, &eb);
        let c = window(&base, 3, &ec);
        for w in [&a, &b, &c] {
            prop_assert!(validate(w).is_ok(), "an edited window is invalid: {:?}", validate(w));
        }

        let ab = merged(&a, &b);
        prop_assert_eq!(&ab, &merged(&b, &a), "not commutative");
        prop_assert_eq!(
            merged(&ab, &c),
            merged(&a, &merged(&b, &c)),
            "not associative"
        );
        prop_assert_eq!(merged(&merged(&a, &c), &b), merged(&ab, &c));

        // Idempotent: a copy merged with itself is itself (ballots in merge order).
        for w in [&a, &b, &ab] {
            prop_assert_eq!(merged(w, w), sorted(w));
        }
        prop_assert_eq!(merged(&ab, &a), ab.clone(), "absorbing a part changes nothing");
        // In place, it says whether anything changed, and only then did it.
        for (x, y) in [(&a, &b), (&b, &a), (&ab, &a), (&ab, &c), (&a, &a)] {
            let mut into = x.clone();
            let changed = merge_into(&mut into, y).expect("copies of the same workshop");
            prop_assert_eq!(changed, &into != x, "merge_into reported the wrong outcome");
        }
        prop_assert_eq!(ab.updated_at, a.updated_at.max(b.updated_at));
        prop_assert!(validate(&ab).is_ok(), "{:?}", validate(&ab));

        // Nothing is lost: every piece is the newer of the two copies.
        match a.setup_updated_at.cmp(&b.setup_updated_at) {
            std::cmp::Ordering::Less => prop_assert_eq!(&ab.name, &b.name),
            std::cmp::Ordering::Greater => prop_assert_eq!(&ab.name, &a.name),
            std::cmp::Ordering::Equal => prop_assert!(ab.name == a.name || ab.name == b.name),
        }
        for area in Area::ALL {
            let newest = match (a.notes.get(&area), b.notes.get(&area)) {
                (Some(x), Some(y)) => Some(if (x.updated_at, x) >= (y.updated_at, y) { x } else { y }),
                (x, None) => x,
                (None, y) => y,
            };
            prop_assert_eq!(ab.notes.get(&area), newest);
        }
        let removed: Vec<Id> = {
            let mut r = a.removed_ballots.clone();
            r.extend(&b.removed_ballots);
            r.sort();
            r.dedup();
            r
        };
        prop_assert_eq!(&ab.removed_ballots, &removed);
        // The moderation is not newer-wins: every hide of either copy is kept.
        let hidden: std::collections::BTreeSet<Id> =
            a.moderation.hidden.union(&b.moderation.hidden).copied().collect();
        prop_assert_eq!(&ab.moderation.hidden, &hidden);
        // Sessions are a union, and a ballot's session is never lost.
        let sessions: std::collections::BTreeSet<Id> =
            a.sessions.iter().chain(&b.sessions).map(|s| s.id).collect();
        prop_assert_eq!(ab.sessions.iter().map(|s| s.id).collect::<std::collections::BTreeSet<_>>(), sessions);
        for ballot in &ab.ballots {
            let before = a.ballot(ballot.id).and_then(|x| x.session).max(b.ballot(ballot.id).and_then(|x| x.session));
            prop_assert_eq!(ballot.session, before);
        }
        for ballot in a.ballots.iter().chain(&b.ballots) {
            let kept = ab.ballot(ballot.id);
            if removed.contains(&ballot.id) {
                prop_assert!(kept.is_none(), "a removed ballot came back");
            } else {
                prop_assert!(kept.is_some(), "ballot {} was lost", ballot.id);
                let kept = kept.unwrap();
                // As the merge sees it: without allocations of removed kinds.
                let mut ballot = ballot.clone();
                ballot.allocations.retain(|k, _| ab.kind(k).is_some());
                let mut settled = kept.clone();
                prop_assert!(!settle_ballot(&mut settled, &ballot), "ballot {} is older than a copy", ballot.id);
            }
        }
    }
}

/// The set-up is one piece, so when one window removes a resource kind while
/// another edits the set-up, the newer set-up still has the kind. The removal's
/// tombstone keeps it removed, in any grouping of merges: before it, a merge
/// that stripped the kind's allocations on the way and then met the newer
/// set-up brought the kind back without them.
#[test]
fn kind_removal_merges_the_same_in_any_grouping() {
    let base = base();
    let (mut a, mut b, mut c) = (base.clone(), base.clone(), base.clone());
    edit(&mut b, 105, |w| w.remove_kind("custom_1", at(105)));
    edit(&mut c, 106, |w| w.name = "Renamed in C".into());
    edit(&mut a, 107, |w| {
        w.update_allocation(id(11), "custom_1", at(107), |al| {
            al.set_area(Area::OwnHome, 9_000)
        })
    });
    // (a ∪ b) drops a's custom_1 allocation; c's newer set-up, which never saw
    // the removal, must not bring the kind back: b's tombstone wins in any grouping.
    let left = merged(&merged(&a, &b), &c);
    assert_eq!(left, merged(&a, &merged(&b, &c)));
    assert_eq!(left, merged(&merged(&a, &c), &b));
    assert_eq!(left.name, "Renamed in C", "c's newer set-up wins");
    assert!(
        left.kind("custom_1").is_none(),
        "the removed kind stays removed"
    );
    assert_eq!(left.removed_kinds, vec!["custom_1".to_string()]);
    assert!(left
        .ballots
        .iter()
        .all(|b| !b.allocations.contains_key("custom_1")));
    assert!(validate(&left).is_ok(), "{:?}", validate(&left));
}

/// Found by the property test on CI: two copies edited at the same minute
/// in two kinds, one of which a third window removes. Choosing the greater
/// whole copy would fall one way before the removal and the other way after
/// it; per kind, it cannot.
#[test]
fn an_exact_tie_settles_the_same_whether_a_kind_is_removed_before_or_after() {
    let base = base();
    let (mut a, mut b, mut c) = (base.clone(), base.clone(), base.clone());
    edit(&mut a, 107, |w| {
        w.update_allocation(id(11), "custom_1", at(107), |al| {
            al.set_area(Area::OwnHome, 9_000)
        });
        w.update_allocation(id(11), "state_money", at(107), |al| {
            al.set_area(Area::OwnHome, 100)
        });
        let mut d = w.decision_or_draft(at(107));
        let money = d.shares["state_money"].set(Area::OwnHome, 100, &[]);
        let custom = d.shares["custom_1"].set(Area::OwnHome, 9_000, &[]);
        d.shares.insert("state_money".into(), money);
        d.shares.insert("custom_1".into(), custom);
        w.agreed_decision = Some(d);
    });
    edit(&mut b, 107, |w| {
        w.update_allocation(id(11), "custom_1", at(107), |al| {
            al.set_area(Area::OwnHome, 100)
        });
        w.update_allocation(id(11), "state_money", at(107), |al| {
            al.set_area(Area::OwnHome, 9_000)
        });
        let mut d = w.decision_or_draft(at(107));
        let money = d.shares["state_money"].set(Area::OwnHome, 9_000, &[]);
        let custom = d.shares["custom_1"].set(Area::OwnHome, 100, &[]);
        d.shares.insert("state_money".into(), money);
        d.shares.insert("custom_1".into(), custom);
        w.agreed_decision = Some(d);
    });
    edit(&mut c, 100, |w| w.remove_kind("custom_1", at(100)));
    let ab = merged(&a, &b);
    assert_eq!(ab, merged(&b, &a));
    let left = merged(&ab, &c);
    assert_eq!(left, merged(&a, &merged(&b, &c)));
    assert_eq!(left, merged(&merged(&a, &c), &b));
    assert!(validate(&left).is_ok(), "{:?}", validate(&left));
    // Each kind keeps the greater of the two tied splits.
    let money =
        |w: &Workshop| w.ballot(id(11)).expect("ballot 11").allocations["state_money"].clone();
    assert_eq!(money(&left), money(&b).max(money(&a)));
    assert!(validate(&ab).is_ok(), "{:?}", validate(&ab));
}

#[test]
fn a_removed_kind_never_comes_back_and_a_new_kind_never_takes_its_id() {
    let base = base();
    let (mut a, mut b) = (base.clone(), base.clone());
    edit(&mut a, 105, |w| w.remove_kind("custom_1", at(105)));
    // Later set-up edits in a window that still has the kind, and its allocations.
    edit(&mut b, 110, |w| w.name = "Later".into());
    edit(&mut b, 111, |w| {
        w.update_allocation(id(11), "custom_1", at(111), |al| {
            al.set_area(Area::Accommodation, 7_000)
        })
    });
    for m in [merged(&a, &b), merged(&b, &a)] {
        assert!(m.kind("custom_1").is_none());
        assert_eq!(m.name, "Later");
        assert!(validate(&m).is_ok(), "{:?}", validate(&m));
        let mut again = m.clone();
        again.add_kind("Another".into(), at(120));
        assert!(
            again.kind("custom_1").is_none(),
            "a new kind gets a fresh id: {:?}",
            again.kinds.iter().map(|k| &k.id).collect::<Vec<_>>()
        );
    }
    // The tombstone travels in files and working copies, which need version 3,
    // and a version 2 file that claims one is refused with where.
    let m = merged(&a, &b);
    let copy = co_produce::model::working_copy_json(&m);
    assert!(
        copy.starts_with(r#"{"schema_version":3,"#),
        "{}",
        &copy[..40]
    );
    assert_eq!(
        co_produce::model::import_json(&copy).expect("reads back"),
        m
    );
    let exported = co_produce::model::export_json(&m);
    assert_eq!(
        co_produce::model::import_json(&exported).expect("reads back"),
        m
    );
    let v2 = copy.replacen(r#""schema_version":3"#, r#""schema_version":2"#, 1);
    match co_produce::model::import_json(&v2) {
        Err(ImportError::Invalid { path, .. }) => assert_eq!(path, "workshop.removed_kinds"),
        other => panic!("a version 2 file with a removed kind was not refused: {other:?}"),
    }
    // A damaged tombstone list is refused with where.
    let mut bad = merged(&a, &b);
    bad.removed_kinds = vec!["zeta".into(), "alpha".into()];
    assert!(validate(&bad).is_err());
    bad.removed_kinds = vec!["Not An Id".into()];
    assert!(validate(&bad).is_err());
}

/// Clearing the agreed decision in one window wins over a window that still
/// has it, in any order and grouping, through files and working copies too;
/// recording it again afterwards wins over the clearing.
#[test]
fn a_cleared_decision_stays_cleared_until_recorded_again() {
    let mut base = base();
    edit(&mut base, 100, |w| {
        w.agreed_decision = Some(w.decision_or_draft(at(100)))
    });
    assert!(base.agreed_decision.is_some());
    let (mut a, b, mut c) = (base.clone(), base.clone(), base.clone());
    edit(&mut a, 105, |w| w.agreed_decision = None);
    assert_eq!(a.decision_cleared_at, Some(at(105)));
    edit(&mut c, 106, |w| w.name = "Renamed in C".into());
    for m in [
        merged(&a, &b),
        merged(&b, &a),
        merged(&merged(&b, &c), &a),
        merged(&merged(&a, &c), &b),
        merged(&c, &merged(&b, &a)),
    ] {
        assert!(
            m.agreed_decision.is_none(),
            "the cleared decision came back"
        );
        assert_eq!(m.decision_cleared_at, Some(at(105)));
        assert!(validate(&m).is_ok(), "{:?}", validate(&m));
    }
    // Through a file: the other window exports, this one imports and merges.
    let file = co_produce::model::export_json(&b);
    let from_file = co_produce::model::import_json(&file).expect("reads");
    assert!(merged(&a, &from_file).agreed_decision.is_none());
    let copy = co_produce::model::working_copy_json(&a);
    assert!(copy.starts_with(r#"{"schema_version":3,"#));
    assert_eq!(
        co_produce::model::import_json(&copy).expect("reads back"),
        a
    );

    // Recorded again later in another window: that wins over the clearing.
    let mut d = merged(&a, &b);
    edit(&mut d, 110, |w| {
        w.agreed_decision = Some(w.decision_or_draft(at(110)))
    });
    for m in [merged(&d, &a), merged(&a, &d), merged(&merged(&a, &b), &d)] {
        assert_eq!(
            m.agreed_decision.as_ref().map(|x| x.updated_at),
            Some(at(110))
        );
    }
    // Recorded again in the very moment of the clearing: still the newer.
    let mut e = a.clone();
    edit(&mut e, 105, |w| {
        w.agreed_decision = Some(w.decision_or_draft(at(105)))
    });
    assert!(e
        .agreed_decision
        .as_ref()
        .is_some_and(|x| x.updated_at > at(105)));
    assert!(validate(&e).is_ok(), "{:?}", validate(&e));
    assert!(merged(&e, &b).agreed_decision.is_some());
    // A file whose decision is older than its clearing is refused with where.
    let mut bad = e.clone();
    bad.decision_cleared_at = Some(at(200));
    assert!(validate(&bad).is_err());
}
