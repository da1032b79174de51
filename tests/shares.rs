#![cfg(not(target_arch = "wasm32"))]
//! Basis-point arithmetic: splits always add up to exactly 100%, locks hold,
//! amounts add up to the total, and typed percentages are read strictly.

use co_produce::model::shares::{
    amounts, apportion, even_split, format_percent_bp, normalise, parse_percent, set_share,
    set_share_in, PercentError, TOTAL_BP,
};
use co_produce::model::{Area, AreaShares, KindAllocation, Problem, ResourceKind};
use proptest::prelude::*;

fn sum(values: &[u32]) -> u64 {
    values.iter().map(|&v| u64::from(v)).sum()
}

/// A valid split across the five areas (sums to 10,000), including corner cases.
fn area_shares() -> impl Strategy<Value = AreaShares> {
    prop_oneof![
        Just(AreaShares::default()),
        Just(AreaShares::from_array([10_000, 0, 0, 0, 0])),
        Just(AreaShares::from_array([0, 0, 0, 0, 10_000])),
        Just(AreaShares::from_array([0, 5_000, 0, 5_000, 0])),
        prop::array::uniform5(0u32..=10_000).prop_map(|w| {
            let n = normalise(&w);
            AreaShares::from_array([n[0], n[1], n[2], n[3], n[4]])
        }),
    ]
}

fn area() -> impl Strategy<Value = Area> {
    (0usize..5).prop_map(|i| Area::from_index(i).expect("five areas"))
}

/// Targets people could ask for: in range, just out of it, and anything at all.
fn target_bp() -> impl Strategy<Value = u32> {
    prop_oneof![
        0u32..=10_000,
        Just(0u32),
        Just(10_000u32),
        10_001u32..=20_000,
        any::<u32>(),
    ]
}

/// Text people might type into a percentage field, sensible or not.
fn typed_text() -> impl Strategy<Value = String> {
    prop_oneof![
        r"[0-9]{1,3}",
        r" ?[0-9]{0,3}([.,][0-9]{0,3})? ?%? ?",
        r"-?[0-9]{1,4}(\.[0-9]{1,2})?",
        ".{0,8}",
    ]
}

#[derive(Debug, Clone)]
enum Op {
    Set(Area, u32),
    ToggleLock(Area),
    Typed(Area, String),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (area(), target_bp()).prop_map(|(a, t)| Op::Set(a, t)),
        1 => area().prop_map(Op::ToggleLock),
        2 => (area(), typed_text()).prop_map(|(a, t)| Op::Typed(a, t)),
    ]
}

/// Checks one move of one area: the split stays whole, locked shares do not
/// change, and the moved share is the target as far as the locks allow.
fn check_move(
    before: AreaShares,
    after: AreaShares,
    locked: &[Area],
    area: Area,
    target: u32,
) -> Result<(), TestCaseError> {
    let (b, a) = (before.to_array(), after.to_array());
    prop_assert_eq!(sum(&a), u64::from(TOTAL_BP), "sum of {:?}", a);
    prop_assert!(a.iter().all(|&v| v <= TOTAL_BP));
    for l in locked {
        prop_assert_eq!(a[l.index()], b[l.index()], "locked {:?} moved", l);
    }
    let others_unlocked = Area::ALL
        .iter()
        .filter(|&&x| x != area && !locked.contains(&x))
        .count();
    if locked.contains(&area) || others_unlocked == 0 {
        prop_assert_eq!(a, b, "nothing can absorb the move");
    } else {
        let locked_sum: u32 = locked
            .iter()
            .filter(|&&l| l != area)
            .map(|l| b[l.index()])
            .sum();
        let free = TOTAL_BP - locked_sum;
        prop_assert_eq!(a[area.index()], target.min(free));
        // The unlocked others shrink or grow together, in proportion.
        let others: Vec<usize> = Area::ALL
            .iter()
            .filter(|&&x| x != area && !locked.contains(&x))
            .map(|x| x.index())
            .collect();
        let weight: u64 = others.iter().map(|&i| u64::from(b[i])).sum();
        let remaining = u64::from(free - target.min(free));
        for &i in &others {
            let exact_times_weight = if weight == 0 {
                // An even split of what remains.
                (remaining, others.len() as u64)
            } else {
                (remaining * u64::from(b[i]), weight)
            };
            let (num, den) = exact_times_weight;
            let got = u64::from(a[i]) * den;
            prop_assert!(
                got + den > num && got < num + den,
                "share {} = {} is not within one point of {}/{}",
                i,
                a[i],
                num,
                den
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn area_shares_set_keeps_the_split_whole(
        start in area_shares(),
        locks in prop::collection::btree_set(area(), 0..=5),
        area in area(),
        target in target_bp(),
    ) {
        let locked: Vec<Area> = locks.into_iter().collect();
        let after = start.set(area, target, &locked);
        check_move(start, after, &locked, area, target)?;
    }

    #[test]
    fn any_sequence_of_operations_keeps_the_allocation_whole(
        start in area_shares(),
        ops in prop::collection::vec(op(), 1..40),
    ) {
        let kind = ResourceKind { baseline: start, ..ResourceKind::defaults().remove(0) };
        let mut alloc = KindAllocation::from_baseline(&kind);
        prop_assert_eq!(alloc.areas, start);
        for op in ops {
            let before = alloc.clone();
            match op {
                Op::Set(area, target) => {
                    alloc.set_area(area, target);
                    check_move(before.areas, alloc.areas, &before.locked, area, target)?;
                }
                Op::ToggleLock(area) => {
                    alloc.toggle_lock(area);
                    prop_assert_eq!(alloc.areas, before.areas);
                    prop_assert_eq!(alloc.is_locked(area), !before.is_locked(area));
                }
                Op::Typed(area, text) => match parse_percent(&text) {
                    Ok(bp) => {
                        prop_assert!(bp <= TOTAL_BP);
                        alloc.set_area(area, bp);
                        check_move(before.areas, alloc.areas, &before.locked, area, bp)?;
                    }
                    Err(_) => prop_assert_eq!(&alloc, &before),
                },
            }
            prop_assert_eq!(alloc.areas.validate(), Ok(()));
            // Locks stay listed once each, in area order (what import demands).
            prop_assert!(alloc.locked.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn set_share_in_mends_and_keeps_any_split_whole(
        shares in prop::collection::vec(prop_oneof![0u32..=10_000, any::<u32>()], 1..12),
        locked in prop::collection::vec(any::<bool>(), 0..12),
        index in 0usize..12,
        target in target_bp(),
    ) {
        let mut s = shares.clone();
        set_share_in(&mut s, &locked, index, target);
        prop_assert_eq!(s.len(), shares.len());
        if index < shares.len() {
            prop_assert_eq!(sum(&s), u64::from(TOTAL_BP));
        } else {
            prop_assert_eq!(&s, &shares, "an index out of range changes nothing");
        }
    }

    #[test]
    fn set_share_in_on_a_whole_split(
        weights in prop::collection::vec(0u32..=10_000, 1..12),
        locked in prop::collection::vec(any::<bool>(), 0..12),
        index in 0usize..12,
        target in target_bp(),
    ) {
        let before = normalise(&weights);
        let mut after = before.clone();
        set_share_in(&mut after, &locked, index, target);
        prop_assert_eq!(sum(&after), u64::from(TOTAL_BP));
        let is_locked = |i: usize| locked.get(i).copied().unwrap_or(false);
        for i in 0..before.len() {
            if is_locked(i) {
                prop_assert_eq!(after[i], before[i]);
            }
        }
        if index < before.len() && !is_locked(index) {
            let others = (0..before.len()).filter(|&i| i != index && !is_locked(i)).count();
            if others > 0 {
                let locked_sum: u32 = (0..before.len())
                    .filter(|&i| i != index && is_locked(i))
                    .map(|i| before[i])
                    .sum();
                prop_assert_eq!(after[index], target.min(TOTAL_BP - locked_sum));
            } else {
                prop_assert_eq!(&after, &before);
            }
        }
    }

    #[test]
    fn apportion_adds_up_for_any_total_and_weights(
        total in prop_oneof![any::<i64>(), -100_000i64..100_000, Just(i64::MIN), Just(i64::MAX)],
        weights in prop::collection::vec(prop_oneof![any::<u64>(), 0u64..10, 0u64..=10_000, Just(0u64)], 1..16),
    ) {
        let parts = apportion(i128::from(total), &weights);
        prop_assert_eq!(parts.len(), weights.len());
        prop_assert_eq!(parts.iter().sum::<i128>(), i128::from(total));
        let wsum: i128 = weights.iter().map(|&w| i128::from(w)).sum();
        let t = i128::from(total);
        if wsum == 0 {
            prop_assert_eq!(parts[0], t);
            prop_assert!(parts[1..].iter().all(|&p| p == 0));
        } else {
            for (&p, &w) in parts.iter().zip(&weights) {
                // Each part is its exact share rounded down or up, with the total's sign.
                let exact = t.abs() * i128::from(w);
                let (floor, rem) = (exact / wsum, exact % wsum);
                prop_assert!(
                    p.abs() == floor || (rem != 0 && p.abs() == floor + 1),
                    "part {} of weight {} (exact {}/{})", p, w, exact, wsum
                );
                prop_assert!(p == 0 || p.signum() == t.signum());
                if w == 0 {
                    prop_assert_eq!(p, 0);
                }
            }
        }
    }

    #[test]
    fn apportion_is_monotonic_in_the_weights(
        total in 0i64..1_000_000,
        weights in prop::collection::vec(0u64..1_000, 1..12),
    ) {
        let parts = apportion(i128::from(total), &weights);
        for i in 0..weights.len() {
            for j in 0..weights.len() {
                if weights[i] > weights[j] {
                    prop_assert!(parts[i] >= parts[j]);
                }
                if weights[i] == weights[j] {
                    prop_assert!((parts[i] - parts[j]).abs() <= 1);
                }
            }
        }
    }

    #[test]
    fn amounts_add_up_to_the_total(
        total in prop_oneof![any::<i64>(), 0i64..=1_000_000_000_000_000, Just(i64::MIN), Just(i64::MAX)],
        shares in prop::collection::vec(prop_oneof![0u32..=10_000, any::<u32>()], 1..12),
    ) {
        let a = amounts(total, &shares);
        prop_assert_eq!(a.len(), shares.len());
        prop_assert_eq!(a.iter().map(|&x| i128::from(x)).sum::<i128>(), i128::from(total));
        if total >= 0 {
            prop_assert!(a.iter().all(|&x| x >= 0));
        }
    }

    #[test]
    fn area_amounts_add_up(total in 0i64..=1_000_000_000_000_000, s in area_shares()) {
        let kind = ResourceKind { total, baseline: s, ..ResourceKind::defaults().remove(0) };
        let a = kind.baseline_amounts();
        prop_assert_eq!(a.iter().sum::<i64>(), total);
        prop_assert_eq!(kind.amounts(s), a);
        for (amount, bp) in a.iter().zip(s.to_array()) {
            // Within one step of the exact amount.
            let exact = i128::from(total) * i128::from(bp);
            let got = i128::from(*amount) * 10_000;
            prop_assert!(got + 10_000 > exact && got < exact + 10_000);
        }
    }

    #[test]
    fn normalise_and_even_split_are_whole(
        weights in prop::collection::vec(any::<u32>(), 1..20),
        n in 1usize..50,
    ) {
        prop_assert_eq!(sum(&normalise(&weights)), u64::from(TOTAL_BP));
        let even = even_split(n);
        prop_assert_eq!(even.len(), n);
        prop_assert_eq!(sum(&even), u64::from(TOTAL_BP));
        let (lo, hi) = (even.iter().min().unwrap(), even.iter().max().unwrap());
        prop_assert!(hi - lo <= 1);
        prop_assert!(even.windows(2).all(|w| w[0] >= w[1]), "earlier parts take the odd points");
    }

    #[test]
    fn parse_percent_never_panics_and_stays_in_range(text in ".{0,12}") {
        if let Ok(bp) = parse_percent(&text) {
            prop_assert!(bp <= TOTAL_BP);
        }
    }

    #[test]
    fn percent_format_and_parse_round_trip(bp in 0u32..=10_000) {
        let text = format_percent_bp(bp);
        prop_assert!(text.ends_with('%'));
        prop_assert_eq!(parse_percent(&text), Ok(bp));
        prop_assert_eq!(parse_percent(&text.replace('.', ",")), Ok(bp));
        prop_assert_eq!(parse_percent(&format!("  {}  ", text.trim_end_matches('%'))), Ok(bp));
    }

    #[test]
    fn model_split_set_model_keeps_10000(
        n in 1usize..8,
        ops in prop::collection::vec((0usize..10, target_bp()), 1..20),
    ) {
        let ids: Vec<String> = (0..n).map(|i| format!("model_{i}")).collect();
        let kind = ResourceKind::defaults().remove(0);
        let mut alloc = KindAllocation::from_baseline(&kind);
        let even = alloc.model_split(Area::DayActivities, &ids);
        prop_assert_eq!(&even, &even_split(n));
        for (index, target) in ops {
            let before = alloc.model_split(Area::DayActivities, &ids);
            let areas_before = alloc.areas;
            alloc.set_model(Area::DayActivities, &ids, index, target);
            let split = &alloc.models[&Area::DayActivities];
            prop_assert_eq!(split.keys().cloned().collect::<Vec<_>>(), {
                let mut sorted = ids.clone();
                sorted.sort();
                sorted
            });
            prop_assert_eq!(split.values().map(|&v| u64::from(v)).sum::<u64>(), u64::from(TOTAL_BP));
            let after = alloc.model_split(Area::DayActivities, &ids);
            prop_assert_eq!(sum(&after), u64::from(TOTAL_BP));
            if index < n && n > 1 {
                prop_assert_eq!(after[index], target.min(TOTAL_BP));
            } else {
                prop_assert_eq!(&after, &before);
            }
            prop_assert_eq!(alloc.areas, areas_before, "a model split leaves the areas alone");
        }
        // A catalogue that gained a model falls back to an even split.
        let mut more = ids.clone();
        more.push("new_model".into());
        prop_assert_eq!(alloc.model_split(Area::DayActivities, &more), even_split(n + 1));
    }
}

#[test]
fn set_share_examples() {
    // Proportional rebalancing of the others.
    assert_eq!(
        set_share([2_000; 5], [false; 5], 0, 6_000),
        [6_000, 1_000, 1_000, 1_000, 1_000]
    );
    // A locked share holds; the target is clamped to what is free.
    assert_eq!(
        set_share([2_000, 3_000, 5_000], [false, true, false], 0, 9_000),
        [7_000, 3_000, 0]
    );
    // A target above 100% is clamped.
    assert_eq!(
        set_share([5_000, 5_000], [false; 2], 1, u32::MAX),
        [0, 10_000]
    );
    // All-zero others share evenly.
    assert_eq!(
        set_share([10_000, 0, 0, 0], [false; 4], 0, 1),
        [1, 3_333, 3_333, 3_333]
    );
    // Locked target, or no other unlocked share: nothing changes.
    assert_eq!(
        set_share([4_000, 6_000], [true, false], 0, 0),
        [4_000, 6_000]
    );
    assert_eq!(
        set_share([4_000, 6_000], [false, true], 0, 0),
        [4_000, 6_000]
    );
    assert_eq!(set_share([10_000], [false], 0, 0), [10_000]);
    // Out of range.
    assert_eq!(set_share([4_000, 6_000], [false; 2], 7, 0), [4_000, 6_000]);
    // A broken split is mended first.
    assert_eq!(
        set_share([1, 1, 2], [false, false, true], 0, 10_000),
        [5_000, 0, 5_000]
    );
}

#[test]
fn area_shares_set_with_locks() {
    let s = AreaShares::from_array([3_500, 3_000, 1_500, 1_500, 500]);
    let t = s.set(Area::DayActivities, 3_500, &[Area::OwnHome]);
    assert_eq!(t.own_home, 3_500);
    assert_eq!(t.day_activities, 3_500);
    assert_eq!(t.validate(), Ok(()));
    assert_eq!(t.to_array(), [3_500, 1_800, 3_500, 900, 300]);
    let all_but_one = [
        Area::OwnHome,
        Area::Accommodation,
        Area::LeavingHospital,
        Area::WholeCommunity,
    ];
    assert_eq!(s.set(Area::DayActivities, 0, &all_but_one), s);
    let why = |s: AreaShares| {
        s.validate()
            .map_err(|total_bp| Problem::AreasNotWhole { total_bp }.to_string())
    };
    assert_eq!(
        why(AreaShares::from_array([2_000, 2_000, 2_000, 2_000, 1_999])),
        Err("the five areas add up to 99.99% instead of 100%".to_string())
    );
    assert_eq!(
        why(AreaShares::from_array([u32::MAX; 5])).map_err(|e| e.contains("instead of 100%")),
        Err(true)
    );
}

#[test]
fn toggle_lock_keeps_locks_sorted_and_unique() {
    let mut a = KindAllocation::from_baseline(&ResourceKind::defaults()[0]);
    for area in [Area::WholeCommunity, Area::OwnHome, Area::DayActivities] {
        a.toggle_lock(area);
    }
    assert_eq!(
        a.locked,
        vec![Area::OwnHome, Area::DayActivities, Area::WholeCommunity]
    );
    a.toggle_lock(Area::OwnHome);
    assert_eq!(a.locked, vec![Area::DayActivities, Area::WholeCommunity]);
    assert!(a.is_locked(Area::DayActivities) && !a.is_locked(Area::OwnHome));
}

#[test]
fn apportion_examples() {
    assert_eq!(apportion(10, &[1, 1, 1]), vec![4, 3, 3]);
    assert_eq!(apportion(-10, &[1, 1, 1]), vec![-4, -3, -3]);
    assert_eq!(apportion(100, &[0, 0, 0]), vec![100, 0, 0]);
    assert_eq!(apportion(0, &[5, 7]), vec![0, 0]);
    assert_eq!(apportion(5, &[]), Vec::<i128>::new());
    assert_eq!(apportion(7, &[2, 3, 5]), vec![1, 2, 4]);
    assert_eq!(
        amounts(1_000_000_000, &[3_500, 3_000, 1_500, 1_500, 500]),
        vec![
            350_000_000,
            300_000_000,
            150_000_000,
            150_000_000,
            50_000_000
        ]
    );
    assert_eq!(amounts(1, &[2_000; 5]), vec![1, 0, 0, 0, 0]);
    assert_eq!(amounts(3, &[3_334, 3_333, 3_333]), vec![1, 1, 1]);
    assert_eq!(amounts(i64::MIN, &[1, 1]), vec![i64::MIN / 2, i64::MIN / 2]);
    assert_eq!(
        amounts(i64::MAX, &[u32::MAX, u32::MAX])
            .iter()
            .map(|&x| i128::from(x))
            .sum::<i128>(),
        i128::from(i64::MAX)
    );
    assert_eq!(normalise(&[]), Vec::<u32>::new());
    assert_eq!(normalise(&[0, 0, 0]), vec![3_334, 3_333, 3_333]);
    assert_eq!(normalise(&[1, 3]), vec![2_500, 7_500]);
    assert_eq!(even_split(0), Vec::<u32>::new());
    assert_eq!(even_split(3), vec![3_334, 3_333, 3_333]);
}

#[test]
fn parse_percent_examples() {
    assert_eq!(parse_percent("24"), Ok(2_400));
    assert_eq!(parse_percent("24.5"), Ok(2_450));
    assert_eq!(parse_percent("24,5"), Ok(2_450));
    assert_eq!(parse_percent("24.25"), Ok(2_425));
    assert_eq!(parse_percent("7 %"), Ok(700));
    assert_eq!(parse_percent(" 7%"), Ok(700));
    assert_eq!(parse_percent("\t7 % "), Ok(700));
    assert_eq!(parse_percent("100"), Ok(10_000));
    assert_eq!(parse_percent("100.00"), Ok(10_000));
    assert_eq!(parse_percent("0"), Ok(0));
    assert_eq!(parse_percent("0.01"), Ok(1));
    assert_eq!(parse_percent(".5"), Ok(50));
    assert_eq!(parse_percent("5."), Ok(500));
    assert_eq!(parse_percent("007"), Ok(700));
    assert_eq!(
        parse_percent("0050"),
        Ok(5_000),
        "leading zeros are still 50%"
    );
    assert_eq!(parse_percent("0100.0"), Ok(10_000));
    assert_eq!(parse_percent("100.01"), Err(PercentError::OutOfRange));
    assert_eq!(parse_percent("101"), Err(PercentError::OutOfRange));
    assert_eq!(parse_percent("1000"), Err(PercentError::OutOfRange));
    assert_eq!(
        parse_percent("99999999999999999999"),
        Err(PercentError::OutOfRange)
    );
    assert_eq!(parse_percent("abc"), Err(PercentError::NotANumber));
    assert_eq!(parse_percent("1.2.3"), Err(PercentError::NotANumber));
    assert_eq!(parse_percent("."), Err(PercentError::NotANumber));
    assert_eq!(parse_percent("1e2"), Err(PercentError::NotANumber));
    assert_eq!(parse_percent("+5"), Err(PercentError::NotANumber));
    assert_eq!(parse_percent("٣"), Err(PercentError::NotANumber));
    assert_eq!(parse_percent(""), Err(PercentError::Empty));
    assert_eq!(parse_percent("   "), Err(PercentError::Empty));
    assert_eq!(parse_percent("%"), Err(PercentError::Empty));
    assert_eq!(parse_percent("1.234"), Err(PercentError::TooPrecise));
    assert_eq!(parse_percent("1,234"), Err(PercentError::TooPrecise));
    assert!(parse_percent("-1").is_err());
    assert!(parse_percent("-0.5").is_err());
    for e in [
        PercentError::Empty,
        PercentError::NotANumber,
        PercentError::TooPrecise,
        PercentError::OutOfRange,
    ] {
        assert!(e.to_string().ends_with('.'));
    }
}

#[test]
fn format_percent_examples() {
    assert_eq!(format_percent_bp(0), "0%");
    assert_eq!(format_percent_bp(1), "0.01%");
    assert_eq!(format_percent_bp(5), "0.05%");
    assert_eq!(format_percent_bp(10), "0.1%");
    assert_eq!(format_percent_bp(2_400), "24%");
    assert_eq!(format_percent_bp(2_450), "24.5%");
    assert_eq!(format_percent_bp(2_425), "24.25%");
    assert_eq!(format_percent_bp(2_405), "24.05%");
    assert_eq!(format_percent_bp(3_333), "33.33%");
    assert_eq!(format_percent_bp(9_999), "99.99%");
    assert_eq!(format_percent_bp(10_000), "100%");
}

#[test]
fn model_split_examples() {
    let ids: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
    let mut alloc = KindAllocation::from_baseline(&ResourceKind::defaults()[0]);
    assert_eq!(
        alloc.model_split(Area::OwnHome, &ids),
        vec![3_334, 3_333, 3_333]
    );
    alloc.set_model(Area::OwnHome, &ids, 1, 5_000);
    assert_eq!(
        alloc.model_split(Area::OwnHome, &ids),
        vec![2_500, 5_000, 2_500]
    );
    alloc.set_model(Area::OwnHome, &ids, 0, 20_000);
    assert_eq!(alloc.model_split(Area::OwnHome, &ids), vec![10_000, 0, 0]);
    // A model left the catalogue: the rest are rescaled to 100%.
    let fewer: Vec<String> = ids[1..].to_vec();
    assert_eq!(alloc.model_split(Area::OwnHome, &fewer), vec![5_000, 5_000]);
    // No models at all: nothing to split.
    assert_eq!(
        alloc.model_split(Area::Accommodation, &[]),
        Vec::<u32>::new()
    );
    alloc.set_model(Area::Accommodation, &[], 0, 5_000);
    assert!(alloc.models[&Area::Accommodation].is_empty());
}

mod coarse {
    use co_produce::model::shares::{coarse_step, COARSE_STEP_BP, TOTAL_BP};
    use co_produce::model::{Area, AreaShares};
    use proptest::prelude::*;

    #[test]
    fn steps_land_on_fives() {
        assert_eq!(coarse_step(3700, true), 4000);
        assert_eq!(coarse_step(3700, false), 3500);
        assert_eq!(coarse_step(3500, true), 4000);
        assert_eq!(coarse_step(3500, false), 3000);
        assert_eq!(coarse_step(0, false), 0);
        assert_eq!(coarse_step(TOTAL_BP, true), TOTAL_BP);
        assert_eq!(coarse_step(200, false), 0);
    }

    proptest! {
        #[test]
        fn a_step_moves_the_right_way_to_a_multiple_of_five(current in 0u32..=TOTAL_BP, more: bool) {
            let next = coarse_step(current, more);
            prop_assert!(next.is_multiple_of(COARSE_STEP_BP));
            prop_assert!(next <= TOTAL_BP);
            if more && current < TOTAL_BP { prop_assert!(next > current); }
            if !more && current > 0 { prop_assert!(next < current); }
            prop_assert!(next.abs_diff(current) <= COARSE_STEP_BP);
        }

        #[test]
        fn coarse_steps_keep_the_total_exact(
            raw in proptest::collection::vec(0u32..3000, 5),
            moves in proptest::collection::vec((0usize..5, any::<bool>()), 1..30),
        ) {
            let mut shares = AreaShares::from_array(co_produce::model::shares::normalise(&raw).try_into().unwrap());
            for (i, more) in moves {
                let area = Area::ALL[i];
                shares = shares.set(area, coarse_step(shares.get(area), more), &[]);
                prop_assert_eq!(Area::ALL.iter().map(|&a| shares.get(a)).sum::<u32>(), TOTAL_BP);
            }
        }
    }
}
