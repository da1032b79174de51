//! Sorting with one copy of the sort's code. The standard library's sorts are
//! generic over the item and the comparison, so each `sort_by` of a new type
//! or closure was a new copy of a few kilobytes of sorting code in the wasm
//! (about 45 KB of the tablet's module over a dozen call sites). Here every
//! sort works out the order of the items' indices with one shared,
//! non-generic merge sort, and only moving the items into place is per type.
//!
//! Every sort here is stable: items that compare equal keep their order.

use std::cmp::Ordering;

/// The order of `len` items, stable, by `compare` of two indices: the index
/// of the item that goes first, then the next, and so on. A bottom-up merge
/// sort, O(n log n) comparisons for any input (10,000 ballots take 14
/// passes), in a few hundred bytes where the standard library's sort, even
/// once, is 4.6 KB of the module. Never inlined, so it exists once.
#[inline(never)]
fn order_of(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut spare = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let mid = start.saturating_add(width).min(len);
            let end = mid.saturating_add(width).min(len);
            merge(
                &order[start..mid],
                &order[mid..end],
                &mut spare[start..end],
                compare,
            );
            start = end;
        }
        std::mem::swap(&mut order, &mut spare);
        width = width.saturating_mul(2);
    }
    order
}

/// Merges two ordered runs of indices into `out` (as long as both): on a
/// tie the left run's goes first, which keeps the sort stable.
fn merge(
    left: &[usize],
    right: &[usize],
    out: &mut [usize],
    compare: &mut dyn FnMut(usize, usize) -> Ordering,
) {
    let (mut l, mut r) = (left.iter().peekable(), right.iter().peekable());
    for slot in out.iter_mut() {
        let next = match (l.peek(), r.peek()) {
            (Some(&&a), Some(&&b)) if compare(b, a) == Ordering::Less => r.next(),
            (Some(_), _) => l.next(),
            (None, _) => r.next(),
        };
        if let Some(&i) = next {
            *slot = i;
        }
    }
}

/// Moves the items so that item `order[i]` ends at `i`, by following each
/// cycle of the permutation with swaps. `order` is a permutation of
/// `0..items.len()` made by [`order_of`], so every index is in range.
fn put_in_order<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut i = start;
        // The item first at `start` travels along the cycle to where it belongs.
        while order[i] != start {
            let from = order[i];
            items.swap(i, from);
            order[i] = i;
            i = from;
        }
        order[i] = i;
    }
}

/// Sorts `items` by `compare`, stable, as `<[T]>::sort_by` does.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = order_of(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    put_in_order(items, order);
}

/// Sorts `items` by the key `key` gives each, stable, as `<[T]>::sort_by_key`
/// does (the key is worked out again for every comparison).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` by the key `key` gives each, worked out once per item,
/// stable, as `<[T]>::sort_by_cached_key` does.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = order_of(items.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    put_in_order(items, order);
}

/// Sorts `items` in their own order, stable, as `<[T]>::sort` does.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}
