#![cfg(not(target_arch = "wasm32"))]
//! The model's one sort gives exactly what the standard library's stable
//! sorts give, ties kept in their order, for any input.

use co_produce::model::order;
use proptest::prelude::*;

proptest! {
    #[test]
    fn sort_by_is_the_standard_stable_sort(items in prop::collection::vec((0u8..6, any::<u16>()), 0..300)) {
        // Compared by the first half only, so many items tie and stability shows.
        let mut ours = items.clone();
        order::sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut theirs = items;
        // Written as a comparison on purpose: sort_by is what is mirrored.
        #[allow(clippy::unnecessary_sort_by)]
        theirs.sort_by(|a, b| a.0.cmp(&b.0));
        prop_assert_eq!(ours, theirs);
    }

    #[test]
    fn every_sort_agrees_with_its_standard_twin(items in prop::collection::vec(any::<i32>(), 0..200)) {
        let mut std_sorted = items.clone();
        std_sorted.sort();
        let mut ours = items.clone();
        order::sort(&mut ours);
        prop_assert_eq!(&ours, &std_sorted);

        let key = |v: &i32| v.rem_euclid(7);
        let mut by_key = items.clone();
        order::sort_by_key(&mut by_key, key);
        let mut std_by_key = items.clone();
        std_by_key.sort_by_key(key);
        prop_assert_eq!(&by_key, &std_by_key);

        let mut cached = items.clone();
        order::sort_by_cached_key(&mut cached, |v| key(v).to_string());
        let mut std_cached = items;
        std_cached.sort_by_cached_key(|v| key(v).to_string());
        prop_assert_eq!(cached, std_cached);
    }
}

#[test]
fn a_comparison_that_is_no_order_still_gives_every_item_back() {
    // The standard sort may panic on such a comparison; this one never does.
    let mut items: Vec<u32> = (0..100).rev().collect();
    let mut flip = false;
    order::sort_by(&mut items, |_, _| {
        flip = !flip;
        if flip {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        }
    });
    items.sort_unstable();
    assert_eq!(items, (0..100).collect::<Vec<_>>());
}

#[test]
fn empty_and_single_lists_sort() {
    let mut none: Vec<u8> = Vec::new();
    order::sort(&mut none);
    assert!(none.is_empty());
    let mut one = vec![3];
    order::sort(&mut one);
    assert_eq!(one, [3]);
}
