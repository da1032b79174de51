#![cfg(not(target_arch = "wasm32"))]
//! What the room thinks, checked against figures worked out by hand.

use std::collections::BTreeMap;

use co_produce::model::{
    aggregate, Area, AreaShares, AreaStats, Ballot, Catalogue, CatalogueRef, GroupStats, Id,
    KindAggregate, KindAllocation, Role, Timestamp, Workshop,
};

fn workshop() -> Workshop {
    let catalogue = Catalogue {
        reference: CatalogueRef {
            id: "test".into(),
            version: "1".into(),
        },
        areas: Vec::new(),
    };
    Workshop::new(Id(7), Timestamp(0), "2026-11-25".into(), &catalogue)
}

/// Adds a ballot with the given splits, keyed by kind id.
fn add(w: &mut Workshop, n: u128, role: Role, splits: &[(&str, [u32; 5])]) {
    let allocations: BTreeMap<String, KindAllocation> = splits
        .iter()
        .map(|(kind, bp)| {
            (
                kind.to_string(),
                KindAllocation {
                    areas: AreaShares::from_array(*bp),
                    locked: Vec::new(),
                    models: BTreeMap::new(),
                },
            )
        })
        .collect();
    w.ballots.push(Ballot {
        id: Id(1000 + n),
        workshop_id: w.id,
        participant: format!("Person {n}"),
        role,
        allocations,
        partnership: Default::default(),
        notes: Default::default(),
        agrees: Default::default(),
        session: None,
        updated_at: Timestamp(n as i64),
    });
}

fn kind(aggs: &[KindAggregate], id: &str) -> KindAggregate {
    aggs.iter()
        .find(|a| a.kind_id == id)
        .cloned()
        .expect("an aggregate per kind")
}

/// The five areas' (mean, median, min, max), in area order.
fn figures(g: &GroupStats) -> Vec<(u32, u32, u32, u32)> {
    assert_eq!(g.areas.len(), 5);
    g.areas
        .iter()
        .zip(Area::ALL)
        .map(|(s, area)| {
            assert_eq!(s.area, area, "areas come in walk-through order");
            (s.mean_bp, s.median_bp, s.min_bp, s.max_bp)
        })
        .collect()
}

fn means_sum(g: &GroupStats) -> u32 {
    g.areas.iter().map(|s| s.mean_bp).sum()
}

#[test]
fn mean_median_min_max_of_three() {
    let mut w = workshop();
    add(
        &mut w,
        1,
        Role::Citizen,
        &[("state_money", [4_000, 3_000, 2_000, 1_000, 0])],
    );
    add(
        &mut w,
        2,
        Role::Citizen,
        &[("state_money", [2_000, 2_000, 2_000, 2_000, 2_000])],
    );
    add(
        &mut w,
        3,
        Role::Commissioner,
        &[("state_money", [1_000, 1_000, 1_000, 1_000, 6_000])],
    );
    let aggs = aggregate(&w);
    let sm = kind(&aggs, "state_money");
    assert_eq!(sm.participants, 3);
    assert_eq!(sm.everyone.participants, 3);
    assert_eq!(sm.baseline, w.kinds[0].baseline);
    // Means: 7000/3 = 2333.3, 2000, 1666.7, 1333.3, 2666.7; the two largest
    // remainders (day activities, whole community) take the two spare points.
    assert_eq!(
        figures(&sm.everyone),
        vec![
            (2_333, 2_000, 1_000, 4_000),
            (2_000, 2_000, 1_000, 3_000),
            (1_667, 2_000, 1_000, 2_000),
            (1_333, 1_000, 1_000, 2_000),
            (2_667, 2_000, 0, 6_000),
        ]
    );
    assert_eq!(means_sum(&sm.everyone), 10_000);
    assert_eq!(
        sm.mean_shares(),
        AreaShares::from_array([2_333, 2_000, 1_667, 1_333, 2_667])
    );
    assert_eq!(
        sm.everyone.area(Area::WholeCommunity),
        Some(&AreaStats {
            area: Area::WholeCommunity,
            mean_bp: 2_667,
            median_bp: 2_000,
            min_bp: 0,
            max_bp: 6_000,
            fair_bp: 2_000,
        })
    );
    // The fair split (tests/fair_split.rs has the rule): at t = 0.2 the
    // phantoms are 0.6, 0.4, 0.2 and 0, and every area's median of its three
    // shares and those four is 20%.
    assert_eq!(sm.fair_shares(), AreaShares::from_array([2_000; 5]));
    assert_eq!(sm.everyone.fair_shares(), Some(sm.fair_shares()));
}

#[test]
fn per_role_figures() {
    let mut w = workshop();
    add(
        &mut w,
        1,
        Role::Citizen,
        &[("state_money", [4_000, 3_000, 2_000, 1_000, 0])],
    );
    add(
        &mut w,
        2,
        Role::Citizen,
        &[("state_money", [2_000, 2_000, 2_000, 2_000, 2_000])],
    );
    add(
        &mut w,
        3,
        Role::Commissioner,
        &[("state_money", [1_000, 1_000, 1_000, 1_000, 6_000])],
    );
    add(
        &mut w,
        4,
        Role::Provider,
        &[("other_funding", [10_000, 0, 0, 0, 0])],
    );
    let aggs = aggregate(&w);
    let sm = kind(&aggs, "state_money");
    assert_eq!(
        sm.by_role.keys().copied().collect::<Vec<_>>(),
        vec![Role::Citizen, Role::Commissioner],
        "only roles that allocated this kind"
    );
    let citizens = &sm.by_role[&Role::Citizen];
    assert_eq!(citizens.participants, 2);
    // Two citizens: means are exact; medians are halfway (rounded up).
    assert_eq!(
        figures(citizens),
        vec![
            (3_000, 3_000, 2_000, 4_000),
            (2_500, 2_500, 2_000, 3_000),
            (2_000, 2_000, 2_000, 2_000),
            (1_500, 1_500, 1_000, 2_000),
            (1_000, 1_000, 0, 2_000),
        ]
    );
    let commissioners = &sm.by_role[&Role::Commissioner];
    assert_eq!(commissioners.participants, 1);
    assert_eq!(
        figures(commissioners),
        [1_000, 1_000, 1_000, 1_000, 6_000]
            .iter()
            .map(|&v| (v, v, v, v))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        commissioners.mean_shares(),
        Some(AreaShares::from_array([1_000, 1_000, 1_000, 1_000, 6_000]))
    );
    let of = kind(&aggs, "other_funding");
    assert_eq!(of.participants, 1);
    assert_eq!(
        of.by_role.keys().copied().collect::<Vec<_>>(),
        vec![Role::Provider]
    );
    assert_eq!(of.by_role[&Role::Provider].areas[0].mean_bp, 10_000);
}

#[test]
fn even_count_median_is_halfway_rounded_up() {
    let mut w = workshop();
    add(
        &mut w,
        1,
        Role::Citizen,
        &[("state_money", [3_001, 2_999, 2_000, 1_000, 1_000])],
    );
    add(
        &mut w,
        2,
        Role::Provider,
        &[("state_money", [4_000, 2_000, 2_000, 1_000, 1_000])],
    );
    let sm = &kind(&aggregate(&w), "state_money").everyone;
    let medians: Vec<u32> = sm.areas.iter().map(|s| s.median_bp).collect();
    // (3001 + 4000) / 2 = 3500.5 → 3501; (2999 + 2000) / 2 = 2499.5 → 2500.
    assert_eq!(medians, vec![3_501, 2_500, 2_000, 1_000, 1_000]);
    // Means: 3500.5 and 2499.5; the tie goes to the earlier area.
    assert_eq!(
        sm.areas.iter().map(|s| s.mean_bp).collect::<Vec<_>>(),
        vec![3_501, 2_499, 2_000, 1_000, 1_000]
    );

    // Four participants, given out of order: middle two are 2000 and 3000.
    let mut w = workshop();
    for (n, own) in [(1, 9_000), (2, 1_000), (3, 3_000), (4, 2_000)] {
        add(
            &mut w,
            n,
            Role::Citizen,
            &[("peoples_time", [own, 10_000 - own, 0, 0, 0])],
        );
    }
    let pt = &kind(&aggregate(&w), "peoples_time").everyone;
    assert_eq!(pt.areas[0].median_bp, 2_500);
    assert_eq!(pt.areas[1].median_bp, 7_500);
    assert_eq!(pt.areas[0].mean_bp, 3_750);
    assert_eq!(pt.areas[2].median_bp, 0);
    assert_eq!((pt.areas[0].min_bp, pt.areas[0].max_bp), (1_000, 9_000));
}

#[test]
fn means_sum_to_10000_with_awkward_thirds() {
    let mut w = workshop();
    add(
        &mut w,
        1,
        Role::Citizen,
        &[("state_money", [10_000, 0, 0, 0, 0])],
    );
    add(
        &mut w,
        2,
        Role::FamilyCarer,
        &[("state_money", [0, 10_000, 0, 0, 0])],
    );
    add(
        &mut w,
        3,
        Role::Provider,
        &[("state_money", [0, 0, 10_000, 0, 0])],
    );
    let sm = kind(&aggregate(&w), "state_money");
    // 3333.3 each; the one spare point goes to the earliest area.
    assert_eq!(
        sm.everyone
            .areas
            .iter()
            .map(|s| s.mean_bp)
            .collect::<Vec<_>>(),
        vec![3_334, 3_333, 3_333, 0, 0]
    );
    assert_eq!(means_sum(&sm.everyone), 10_000);
    assert_eq!(
        sm.everyone
            .areas
            .iter()
            .map(|s| s.median_bp)
            .collect::<Vec<_>>(),
        vec![0, 0, 0, 0, 0]
    );

    // Seven participants of every role with shares that never divide evenly.
    let mut w = workshop();
    let splits = [
        [3_333, 3_333, 3_334, 0, 0],
        [1, 2, 3, 4, 9_990],
        [9_999, 0, 0, 0, 1],
        [1_111, 2_222, 3_333, 3_333, 1],
        [7, 7, 7, 7, 9_972],
        [2_000, 2_000, 2_000, 2_000, 2_000],
        [5_001, 4_999, 0, 0, 0],
    ];
    for (n, s) in splits.iter().enumerate() {
        add(&mut w, n as u128, Role::ALL[n % 5], &[("state_money", *s)]);
    }
    let sm = kind(&aggregate(&w), "state_money");
    assert_eq!(means_sum(&sm.everyone), 10_000);
    for g in sm.by_role.values() {
        assert_eq!(means_sum(g), 10_000);
    }
    // Each mean is its exact value rounded down or up.
    for (i, s) in sm.everyone.areas.iter().enumerate() {
        let total: u32 = splits.iter().map(|sp| sp[i]).sum();
        let floor = total / 7;
        assert!(s.mean_bp == floor || s.mean_bp == floor + 1, "area {i}");
    }
    assert_eq!(sm.by_role[&Role::Citizen].participants, 2);
    assert_eq!(sm.by_role[&Role::FamilyCarer].participants, 2);
    assert_eq!(sm.by_role[&Role::CommunityOrganisation].participants, 1);
}

#[test]
fn kinds_a_ballot_lacks_are_skipped() {
    let mut w = workshop();
    add(
        &mut w,
        1,
        Role::Citizen,
        &[
            ("state_money", [2_000; 5]),
            ("peoples_time", [10_000, 0, 0, 0, 0]),
        ],
    );
    add(
        &mut w,
        2,
        Role::Provider,
        &[("state_money", [6_000, 1_000, 1_000, 1_000, 1_000])],
    );
    add(&mut w, 3, Role::Commissioner, &[]);
    let aggs = aggregate(&w);
    assert_eq!(
        aggs.iter().map(|a| a.kind_id.as_str()).collect::<Vec<_>>(),
        vec![
            "state_money",
            "other_funding",
            "peoples_time",
            "community_resources"
        ],
        "one aggregate per kind, in the workshop's order"
    );
    let sm = kind(&aggs, "state_money");
    assert_eq!(sm.participants, 2);
    assert_eq!(sm.everyone.areas[0].mean_bp, 4_000);
    assert!(!sm.by_role.contains_key(&Role::Commissioner));

    let pt = kind(&aggs, "peoples_time");
    assert_eq!(pt.participants, 1);
    assert_eq!(figures(&pt.everyone)[0], (10_000, 10_000, 10_000, 10_000));
    assert_eq!(
        pt.by_role.keys().copied().collect::<Vec<_>>(),
        vec![Role::Citizen]
    );

    let of = kind(&aggs, "other_funding");
    assert_eq!(of.participants, 0);
    assert!(of.everyone.areas.is_empty());
    assert!(of.by_role.is_empty());
    assert_eq!(of.everyone.mean_shares(), None);
    assert_eq!(
        of.mean_shares(),
        w.kinds[1].baseline,
        "nobody allocated: the baseline"
    );
    assert_eq!(of.everyone.area(Area::OwnHome), None);

    // An allocation of a kind the workshop no longer has is not counted anywhere.
    add(&mut w, 4, Role::Citizen, &[("removed_kind", [2_000; 5])]);
    let again = aggregate(&w);
    assert_eq!(again.len(), 4);
    assert_eq!(again, aggs);
}

#[test]
fn empty_workshop() {
    let w = workshop();
    let aggs = aggregate(&w);
    assert_eq!(aggs.len(), w.kinds.len());
    for (a, k) in aggs.iter().zip(&w.kinds) {
        assert_eq!(a.kind_id, k.id);
        assert_eq!(a.participants, 0);
        assert_eq!(a.baseline, k.baseline);
        assert_eq!(
            a.everyone,
            GroupStats {
                participants: 0,
                areas: Vec::new()
            }
        );
        assert!(a.by_role.is_empty());
        assert_eq!(a.mean_shares(), k.baseline);
    }
    // A draft decision starts from the baseline.
    let draft = w.decision_or_draft(Timestamp(5));
    for k in &w.kinds {
        assert_eq!(draft.shares[&k.id], k.baseline);
    }
    assert!(draft.rationale.is_empty());

    let mut no_kinds = workshop();
    no_kinds.kinds.clear();
    assert!(aggregate(&no_kinds).is_empty());
}

#[test]
fn order_of_ballots_does_not_matter() {
    let mut w = workshop();
    for n in 0..25u32 {
        let a = (n * 397) % 10_001;
        let b = ((n * 7_919) % (10_001 - a)).min(10_000 - a);
        let c = 10_000 - a - b;
        add(
            &mut w,
            u128::from(n),
            Role::ALL[(n % 5) as usize],
            &[("state_money", [a, b, c / 2, c - c / 2, 0])],
        );
    }
    let forward = aggregate(&w);
    w.ballots.reverse();
    assert_eq!(aggregate(&w), forward);
    let sm = kind(&forward, "state_money");
    assert_eq!(sm.participants, 25);
    assert_eq!(means_sum(&sm.everyone), 10_000);
    for s in &sm.everyone.areas {
        assert!(s.min_bp <= s.median_bp && s.median_bp <= s.max_bp);
        assert!(s.min_bp <= s.mean_bp && s.mean_bp <= s.max_bp);
    }
    assert_eq!(sm.by_role.values().map(|g| g.participants).sum::<u32>(), 25);
}

#[test]
fn draft_decision_starts_from_the_room_mean() {
    let mut w = workshop();
    add(
        &mut w,
        1,
        Role::Citizen,
        &[("state_money", [4_000, 3_000, 2_000, 1_000, 0])],
    );
    add(
        &mut w,
        2,
        Role::Citizen,
        &[("state_money", [2_000, 2_000, 2_000, 2_000, 2_000])],
    );
    add(
        &mut w,
        3,
        Role::Commissioner,
        &[("state_money", [1_000, 1_000, 1_000, 1_000, 6_000])],
    );
    let draft = w.decision_or_draft(Timestamp(9));
    assert_eq!(
        draft.shares["state_money"],
        AreaShares::from_array([2_333, 2_000, 1_667, 1_333, 2_667])
    );
    assert_eq!(draft.shares["other_funding"], w.kinds[1].baseline);
    assert_eq!(draft.updated_at, Timestamp(9));
}
