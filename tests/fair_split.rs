#![cfg(not(target_arch = "wasm32"))]
//! The fair split (independent markets): it always adds up to 100%, it is the
//! proportional split when everyone backs one area, it is the common split
//! when everyone agrees, nobody gains by misreporting, the order of ballots
//! never matters, and it matches the paper's definition worked out by hand.

use co_produce::model::shares::{apportion, normalise, set_share, TOTAL_BP};
use co_produce::model::{fair_split, fair_split_working, AreaShares, FairSplitWorking};
use proptest::prelude::*;

fn split(bp: [u32; 5]) -> AreaShares {
    AreaShares::from_array(bp)
}

/// Percentages to a split (the examples are easier to read in %).
fn pct(p: [u32; 5]) -> AreaShares {
    split(p.map(|v| v * 100))
}

fn working(ballots: &[AreaShares]) -> FairSplitWorking {
    fair_split_working(ballots).expect("a fair split for a group of someone")
}

/// Whether the level `t` is exactly `num / den` basis points.
fn level_is(w: &FairSplitWorking, num: u128, den: u128) -> bool {
    w.level * den == num * w.denominator
}

/// Whether area `j`'s exact median is `num / den` basis points.
fn exact_is(w: &FairSplitWorking, j: usize, num: u128, den: u128) -> bool {
    w.exact_bp[j] * den == num * w.denominator
}

fn sum(s: AreaShares) -> u32 {
    s.to_array().iter().sum()
}

/// The median of the 2n+1 numbers straight from the paper's definition, at
/// the level the rule found, times its denominator: the shares, and the
/// phantoms `f_k(t) = min(t·(n − k), 1)` for `k = 0..=n`.
fn median_by_definition(ballots: &[AreaShares], w: &FairSplitWorking, area: usize) -> u128 {
    let n = ballots.len() as u128;
    let mut values: Vec<u128> = ballots
        .iter()
        .map(|b| u128::from(b.to_array()[area]) * w.denominator)
        .collect();
    for k in 0..=n {
        values.push((w.level * (n - k)).min(u128::from(TOTAL_BP) * w.denominator));
    }
    values.sort_unstable();
    values[values.len() / 2]
}

/// L1 distance between an exact result and a split, times the result's denominator.
fn exact_distance(w: &FairSplitWorking, to: AreaShares) -> u128 {
    w.exact_bp
        .iter()
        .zip(to.to_array())
        .map(|(&x, p)| x.abs_diff(u128::from(p) * w.denominator))
        .sum()
}

fn rounded_distance(a: AreaShares, b: AreaShares) -> u32 {
    a.to_array()
        .iter()
        .zip(b.to_array())
        .map(|(&x, y)| x.abs_diff(y))
        .sum()
}

// ---------------------------------------------------------------- worked by hand

/// Two participants (n = 2), so three phantoms: f_0(t) = min(2t, 1),
/// f_1(t) = min(t, 1), f_2(t) = 0. Ballots, in %:
///
/// ```text
///            own home  accommodation  others
///   Asha        70          30           0
///   Ben         40          60           0
/// ```
///
/// Median of the five numbers {Asha, Ben, 2t, t, 0}, for t up to 1/2:
/// - own home: median{0.7, 0.4, 2t, t, 0} = max(min(t, 0.7), min(2t, 0.4));
/// - accommodation: median{0.3, 0.6, 2t, t, 0} = max(min(t, 0.6), min(2t, 0.3));
/// - the other three: median{0, 0, 2t, t, 0} = 0.
///
/// Their sum: 4t up to t = 0.15 (0.6); then 0.3 + 2t up to t = 0.2 (0.7);
/// then flat at 0.4 + 0.3 = 0.7 up to t = 0.3; then 0.4 + t up to t = 0.4
/// (0.8); then t + t, which is 1 at t = 0.5. There the phantoms are 1, 0.5
/// and 0, and the medians are own home median{0.7, 0.4, 1, 0.5, 0} = 0.5 and
/// accommodation median{0.3, 0.6, 1, 0.5, 0} = 0.5. The fair split is 50/50
/// (the mean would be 55/45).
#[test]
fn two_participants_worked_by_hand() {
    let ballots = [pct([70, 30, 0, 0, 0]), pct([40, 60, 0, 0, 0])];
    let w = working(&ballots);
    assert!(w.exact);
    assert!(level_is(&w, 5_000, 1), "t = 0.5 is 5,000 bp");
    assert!(exact_is(&w, 0, 5_000, 1));
    assert!(exact_is(&w, 1, 5_000, 1));
    assert_eq!(w.exact_bp[2..], [0, 0, 0]);
    assert_eq!(w.shares, pct([50, 50, 0, 0, 0]));
}

/// Three participants (n = 3): phantoms f_0 = min(3t, 1), f_1 = min(2t, 1),
/// f_2 = t, f_3 = 0. Ballots, in %:
///
/// ```text
///            own home  accommodation  others
///   Cai        100           0          0
///   Dee          0         100          0
///   Eve         40          60          0
/// ```
///
/// Median of the seven numbers {Cai, Dee, Eve, 3t, 2t, t, 0}:
/// - own home: median{1, 0, 0.4, 3t, 2t, t, 0} = max(min(t, 1), min(2t, 0.4), min(3t, 0));
/// - accommodation: median{0, 1, 0.6, 3t, 2t, t, 0} = max(min(t, 1), min(2t, 0.6));
/// - the other three: 0 (four of the seven numbers are 0).
///
/// Their sum is 2t + 2t = 4t up to t = 0.2 (0.8); then own home stops at 0.4
/// while accommodation still climbs as 2t, so 0.4 + 2t, which is 1 at t = 0.3.
/// There the phantoms are 0.9, 0.6, 0.3, 0: own home median{1, 0, 0.4, 0.9,
/// 0.6, 0.3, 0} = 0.4 and accommodation median{0, 1, 0.6, 0.9, 0.6, 0.3, 0} =
/// 0.6. The fair split is Eve's 40/60 (the mean would be 46.67/53.33).
/// The sum then stays at 1 (0.4 + 0.6) until t = 0.4, where own home climbs
/// again: any level in [0.3, 0.4] gives the same medians.
#[test]
fn three_participants_worked_by_hand() {
    let ballots = [
        pct([100, 0, 0, 0, 0]),
        pct([0, 100, 0, 0, 0]),
        pct([40, 60, 0, 0, 0]),
    ];
    let w = working(&ballots);
    assert!(w.exact);
    assert!(
        w.level >= 3_000 * w.denominator && w.level <= 4_000 * w.denominator,
        "t is in [0.3, 0.4]: 3,000 to 4,000 bp"
    );
    assert!(exact_is(&w, 0, 4_000, 1));
    assert!(exact_is(&w, 1, 6_000, 1));
    assert_eq!(w.shares, pct([40, 60, 0, 0, 0]));
}

/// Three participants, each backing two of three areas equally: every
/// median is min(2t, 0.5) for those three areas and 0 for the other two, so
/// 6t = 1 at t = 1/6 and each of the three gets a third, which does not round
/// to whole basis points: 33.34% + 33.33% + 33.33% (the odd point to the first).
#[test]
fn thirds_round_by_largest_remainder() {
    let ballots = [
        pct([50, 50, 0, 0, 0]),
        pct([50, 0, 50, 0, 0]),
        pct([0, 50, 50, 0, 0]),
    ];
    let w = working(&ballots);
    assert!(w.exact);
    assert!(level_is(&w, 10_000, 6), "t = 1/6");
    for j in 0..3 {
        assert!(exact_is(&w, j, 10_000, 3), "area {j} gets a third");
    }
    assert_eq!(w.shares, split([3_334, 3_333, 3_333, 0, 0]));
}

#[test]
fn nobody_has_no_fair_split_and_one_person_is_their_own() {
    assert_eq!(fair_split(&[]), None);
    let own = split([1_234, 4_321, 0, 4_000, 445]);
    assert_eq!(fair_split(&[own]), Some(own));
    let w = working(&[own]);
    assert!(w.exact);
}

#[test]
fn splits_that_do_not_add_up_still_give_a_whole_split() {
    // Never in a valid workshop, but the rule must not panic on them.
    for ballots in [
        vec![split([0; 5])],
        vec![split([u32::MAX; 5]), split([0, 0, 0, 0, 1])],
        vec![split([100, 0, 0, 0, 0]), split([0, 100, 0, 0, 0])],
    ] {
        let s = fair_split(&ballots).expect("someone");
        assert_eq!(sum(s), TOTAL_BP, "{ballots:?}");
    }
}

// ---------------------------------------------------------------- properties

/// A valid split (sums to 10,000), with corner cases.
fn area_shares() -> impl Strategy<Value = AreaShares> {
    prop_oneof![
        1 => Just(AreaShares::default()),
        1 => (0usize..5).prop_map(|i| {
            let mut bp = [0; 5];
            bp[i] = TOTAL_BP;
            split(bp)
        }),
        1 => (0usize..5, 0usize..5, 0u32..=10_000).prop_map(|(i, j, a)| {
            let mut bp = [0; 5];
            bp[i] += a;
            bp[j] += TOTAL_BP - a;
            split(bp)
        }),
        4 => prop::array::uniform5(0u32..=10_000).prop_map(|w| {
            let n = normalise(&w);
            split([n[0], n[1], n[2], n[3], n[4]])
        }),
        // Coarse steps, as Easy Read makes them: many ties.
        2 => prop::array::uniform5(0u32..=4).prop_map(|w| {
            let n = normalise(&w.map(|v| v * 500));
            split([n[0], n[1], n[2], n[3], n[4]])
        }),
    ]
}

fn ballots(max: usize) -> impl Strategy<Value = Vec<AreaShares>> {
    prop::collection::vec(area_shares(), 1..max)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn adds_up_to_100_percent_and_is_the_median_by_definition(ballots in ballots(40)) {
        let w = working(&ballots);
        prop_assert!(w.exact, "an exact level for valid splits");
        prop_assert_eq!(sum(w.shares), TOTAL_BP);
        prop_assert_eq!(
            w.exact_bp.iter().sum::<u128>(),
            u128::from(TOTAL_BP) * w.denominator
        );
        prop_assert!(w.level <= u128::from(TOTAL_BP) * w.denominator, "t is in [0, 1]");
        for j in 0..5 {
            prop_assert_eq!(w.exact_bp[j], median_by_definition(&ballots, &w, j), "area {}", j);
            // Rounding moves no area by a whole basis point or more.
            let rounded = u128::from(w.shares.to_array()[j]) * w.denominator;
            prop_assert!(rounded.abs_diff(w.exact_bp[j]) < w.denominator);
        }
    }

    #[test]
    fn single_minded_room_gets_the_proportional_split(choices in prop::collection::vec(0usize..5, 1..60)) {
        let ballots: Vec<AreaShares> = choices
            .iter()
            .map(|&i| {
                let mut bp = [0; 5];
                bp[i] = TOTAL_BP;
                split(bp)
            })
            .collect();
        let mut counts = [0u64; 5];
        for &i in &choices {
            counts[i] += 1;
        }
        let w = working(&ballots);
        // Exactly count / n of 100% each, then the usual rounding.
        let n = choices.len() as u128;
        for (j, &count) in counts.iter().enumerate() {
            prop_assert!(exact_is(&w, j, u128::from(count) * u128::from(TOTAL_BP), n));
        }
        let proportional = apportion(i128::from(TOTAL_BP), &counts);
        let got = w.shares.to_array().map(i128::from);
        prop_assert_eq!(&got[..], &proportional[..]);
    }

    #[test]
    fn a_room_that_agrees_gets_its_split(common in area_shares(), n in 1usize..50) {
        prop_assert_eq!(fair_split(&vec![common; n]), Some(common));
    }

    #[test]
    fn ballot_order_never_matters(ballots in ballots(40), seed in any::<u64>()) {
        let mut shuffled = ballots.clone();
        // A Fisher–Yates shuffle driven by the seed.
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(working(&shuffled), working(&ballots));
        shuffled.reverse();
        prop_assert_eq!(working(&shuffled), working(&ballots));
    }

    /// Truthfulness: whatever one participant reports instead of their true
    /// split, the result is never closer to that true split (L1 distance).
    /// Exactly for the exact medians; for the rounded split, each of the two
    /// results may be up to a basis point per area off its exact value.
    #[test]
    fn misreporting_never_helps(
        ballots in ballots(16),
        who in any::<prop::sample::Index>(),
        lie in area_shares(),
    ) {
        let i = who.index(ballots.len());
        let truth = ballots[i];
        let honest = working(&ballots);
        let mut lied = ballots.clone();
        lied[i] = lie;
        let lying = working(&lied);
        // Compare a/d1 with b/d2 by cross-multiplying.
        prop_assert!(
            exact_distance(&honest, truth) * lying.denominator
                <= exact_distance(&lying, truth) * honest.denominator,
            "lying as {:?} brought the result closer to {:?}", lie, truth
        );
        prop_assert!(
            rounded_distance(honest.shares, truth) <= rounded_distance(lying.shares, truth) + 10
        );
    }

    #[test]
    fn exaggerating_never_helps(
        ballots in ballots(16),
        who in any::<prop::sample::Index>(),
        favourite in 0usize..5,
        how_much in 1u32..=10_000,
    ) {
        // The commonest lie: piling more onto the area one cares most about.
        let i = who.index(ballots.len());
        let truth = ballots[i];
        let bp = truth.to_array();
        let more = bp[favourite] + how_much.min(TOTAL_BP - bp[favourite]);
        let lie = split(set_share(bp, [false; 5], favourite, more));
        let honest = working(&ballots);
        let mut lied = ballots.clone();
        lied[i] = lie;
        let lying = working(&lied);
        prop_assert!(
            exact_distance(&honest, truth) * lying.denominator
                <= exact_distance(&lying, truth) * honest.denominator
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Rooms of 64 or more are sorted another way (by radix); same answers.
    #[test]
    fn large_rooms_are_the_median_by_definition_too(
        ballots in prop::collection::vec(area_shares(), 64..400),
    ) {
        let w = working(&ballots);
        prop_assert!(w.exact);
        prop_assert_eq!(sum(w.shares), TOTAL_BP);
        for j in 0..5 {
            prop_assert_eq!(w.exact_bp[j], median_by_definition(&ballots, &w, j), "area {}", j);
        }
        let mut reversed = ballots.clone();
        reversed.reverse();
        prop_assert_eq!(working(&reversed), w);
    }
}

#[test]
fn ten_thousand_participants_add_up() {
    // A big room on the same path the aggregates take, as a smoke test.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let ballots: Vec<AreaShares> = (0..10_000)
        .map(|_| {
            let w: [u32; 5] = std::array::from_fn(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x % 10_001) as u32
            });
            let n = normalise(&w);
            split([n[0], n[1], n[2], n[3], n[4]])
        })
        .collect();
    let w = working(&ballots);
    assert!(w.exact);
    assert_eq!(sum(w.shares), TOTAL_BP);
}
