#![cfg(not(target_arch = "wasm32"))]
//! What goes down to pay for what goes up: the losses always equal the gains,
//! to the last penny, minute or item.

use co_produce::model::resource::amounts_of;
use co_produce::model::resource::MAX_TOTAL;
use co_produce::model::shares::normalise;
use co_produce::model::{shift, shift_of, Area, AreaMove, AreaShares, ResourceKind, Shift};
use proptest::prelude::*;

fn split(bp: [u32; 5]) -> AreaShares {
    AreaShares::from_array(bp)
}

fn kind(id: &str) -> ResourceKind {
    ResourceKind::defaults()
        .into_iter()
        .find(|k| k.id == id)
        .expect("a default kind")
}

/// Areas and amounts, in list order.
type Moves = Vec<(Area, i64)>;

/// The losses and the gains of a shift.
fn sides(s: &Shift) -> (Moves, Moves) {
    let pairs = |v: &[AreaMove]| v.iter().map(|m| (m.area, m.amount)).collect();
    (pairs(&s.losses), pairs(&s.gains))
}

#[test]
fn state_money_moved_into_day_activities() {
    // £10m today at 35/30/15/15/5 %; the room wants 30/25/25/15/5 %.
    let sm = kind("state_money");
    let s = shift(&sm, split([3_000, 2_500, 2_500, 1_500, 500]));
    let pounds = |p: i64| p * 100;
    assert_eq!(
        sides(&s),
        (
            vec![
                (Area::OwnHome, pounds(500_000)),
                (Area::Accommodation, pounds(500_000)),
            ],
            vec![(Area::DayActivities, pounds(1_000_000))],
        )
    );
    assert_eq!(s.moved, pounds(1_000_000));
    assert_eq!(s.losses[0].change_bp, -500);
    assert_eq!(s.gains[0].change_bp, 1_000);
}

#[test]
fn each_area_in_its_place_with_what_it_loses_or_gains() {
    // Own home down 10 points, day activities up 10, the rest as today.
    let k = kind("state_money");
    let mut to = k.baseline.to_array();
    to[0] -= 1_000;
    to[2] += 1_000;
    let s = shift(&k, AreaShares::from_array(to));
    let per_area = s.per_area();
    assert_eq!(per_area.map(|(area, _)| area), Area::ALL);
    let amounts = per_area.map(|(_, amount)| amount);
    assert_eq!(amounts[1], 0);
    assert_eq!(amounts[3], 0);
    assert_eq!(amounts[4], 0);
    assert_eq!(amounts[0], -s.moved);
    assert_eq!(amounts[2], s.moved);
    assert!(s.moved > 0);
    // Nothing moved: five zeros.
    assert_eq!(shift(&k, k.baseline).per_area().map(|(_, a)| a), [0; 5]);
}

#[test]
fn forty_rooms_round_so_the_sides_still_balance() {
    // 40 rooms today at 10/15/35/5/35 %: 4, 6, 14, 2 and 14 rooms. At
    // 12/13/35/5/35 % the exact amounts are 4.8 and 5.2 rooms: rounded by
    // largest remainder, own home gets 5 and accommodation 5, so one room moves.
    let rooms = kind("community_resources");
    let s = shift(&rooms, split([1_200, 1_300, 3_500, 500, 3_500]));
    assert_eq!(
        sides(&s),
        (vec![(Area::Accommodation, 1)], vec![(Area::OwnHome, 1)])
    );
    assert_eq!(s.moved, 1);
    // A tenth of a percent of 40 rooms is no room at all: nothing moves.
    let s = shift(&rooms, split([1_010, 1_490, 3_500, 500, 3_500]));
    assert!(s.losses.is_empty() && s.gains.is_empty());
    assert_eq!(s.moved, 0);
    // And today's split moves nothing.
    assert_eq!(shift(&rooms, rooms.baseline).moved, 0);
}

#[test]
fn biggest_first_and_area_order_on_a_tie() {
    let s = shift_of(
        10_000,
        split([2_000; 5]),
        split([1_000, 1_500, 1_000, 3_000, 3_500]),
    );
    assert_eq!(
        sides(&s),
        (
            vec![
                (Area::OwnHome, 1_000),
                (Area::DayActivities, 1_000),
                (Area::Accommodation, 500)
            ],
            vec![
                (Area::WholeCommunity, 1_500),
                (Area::LeavingHospital, 1_000)
            ],
        )
    );
}

/// A valid split (sums to 10,000), with corner cases.
fn area_shares() -> impl Strategy<Value = AreaShares> {
    prop_oneof![
        Just(AreaShares::default()),
        (0usize..5).prop_map(|i| {
            let mut bp = [0; 5];
            bp[i] = 10_000;
            split(bp)
        }),
        prop::array::uniform5(0u32..=10_000).prop_map(|w| {
            let n = normalise(&w);
            split([n[0], n[1], n[2], n[3], n[4]])
        }),
    ]
}

fn total() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(0i64),
        0i64..100,
        0i64..=1_000_000_000,
        0i64..=MAX_TOTAL,
        Just(MAX_TOTAL)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn losses_equal_gains_exactly(total in total(), from in area_shares(), to in area_shares()) {
        let s = shift_of(total, from, to);
        let lost: i64 = s.losses.iter().map(|m| m.amount).sum();
        let gained: i64 = s.gains.iter().map(|m| m.amount).sum();
        prop_assert_eq!(lost, gained);
        prop_assert_eq!(s.moved, lost);
        prop_assert!(s.moved <= total);
        prop_assert!(s.losses.iter().chain(&s.gains).all(|m| m.amount > 0));
        // Biggest first.
        prop_assert!(s.losses.windows(2).all(|w| w[0].amount >= w[1].amount));
        prop_assert!(s.gains.windows(2).all(|w| w[0].amount >= w[1].amount));
        // Taking the losses from today's amounts and adding the gains gives
        // the new split's amounts, area by area.
        let mut amounts = amounts_of(total, from);
        for m in &s.losses {
            amounts[m.area.index()] -= m.amount;
        }
        for m in &s.gains {
            amounts[m.area.index()] += m.amount;
        }
        prop_assert_eq!(amounts, amounts_of(total, to));
        // Area by area, the same moves: each area once, in area order.
        let mut per_area = amounts_of(total, from);
        for (i, (area, change)) in s.per_area().into_iter().enumerate() {
            prop_assert_eq!(area, Area::ALL[i]);
            per_area[i] += change;
        }
        prop_assert_eq!(per_area, amounts_of(total, to));
    }

    #[test]
    fn never_panics_on_anything(
        total in any::<i64>(),
        from in prop::array::uniform5(any::<u32>()),
        to in prop::array::uniform5(any::<u32>()),
    ) {
        let s = shift_of(total, split(from), split(to));
        prop_assert!(s.moved >= 0);
    }
}
