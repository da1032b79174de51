//! The fair split: one split of a resource kind that nobody can pull towards
//! their own by misreporting, and that follows the room as closely as that
//! allows. It is the *independent markets* rule of Freeman, Pennock, Peters
//! and Wortman Vaughan, "Truthful aggregation of budget proposals" (Journal of
//! Economic Theory, 2021).
//!
//! With `n` participants and their shares `p_1j … p_nj` of area `j` (as
//! fractions), add `n + 1` made-up "phantom" shares `f_k(t) = min(t·(n − k), 1)`
//! for `k = 0..=n`. Area `j` gets `A_j(t)`, the median of those `2n + 1`
//! numbers, where `t` in `[0, 1]` is the level at which the five medians add up
//! to exactly 100%. Every `A_j` rises steadily with `t` (from 0 at `t = 0` to
//! the largest share anyone gave at `t = 1`), so that level exists; where a
//! range of levels gives 100%, every level in it gives the same five medians.
//!
//! Everything here is whole numbers: shares are basis points and the level is
//! an exact fraction, so the result does not depend on the order of the
//! ballots or on floating-point rounding.

use super::area::AreaShares;
use super::shares::{apportion, TOTAL_BP};

/// How the fair split of a group came out, with its working shown: the level
/// `t` and each area's exact median, before rounding to whole basis points.
///
/// All three exact figures share one denominator: the level `t` (as a
/// fraction of 100%) is `level / (denominator × 10,000)`, and area `j`'s median
/// is `exact_bp[j] / denominator` basis points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FairSplitWorking {
    /// The level `t`, in basis points, times [`FairSplitWorking::denominator`].
    /// Where a range of levels gives 100%, it is one of them (always the same
    /// one for the same ballots); the medians are the same across the range.
    pub level: u128,
    /// What `level` and `exact_bp` are divided by.
    pub denominator: u128,
    /// Each area's median at that level, in basis points times
    /// `denominator`, in area order; they add up to `10,000 × denominator`
    /// when `exact` is true.
    pub exact_bp: [u128; 5],
    /// The medians rounded to whole basis points by largest remainder: they
    /// add up to exactly 10,000.
    pub shares: AreaShares,
    /// Whether a level giving exactly 100% was found. It always is for splits
    /// that add up to 100% each; for others (which a valid workshop never
    /// holds) the medians at `t = 1` are rescaled to 100% instead.
    pub exact: bool,
}

/// The fair split of everyone's splits of one resource kind, rounded to whole
/// basis points that add up to exactly 10,000.
///
/// `None` when nobody has allocated (a group of nobody has no fair split; the
/// caller decides whether to show the baseline). For one participant it is
/// their own split. The order of `splits` never changes the result. A share
/// above 100% counts as 100%.
pub fn fair_split(splits: &[AreaShares]) -> Option<AreaShares> {
    fair_split_working(splits).map(|w| w.shares)
}

/// [`fair_split`] with its working shown (the level and the exact medians).
pub fn fair_split_working(splits: &[AreaShares]) -> Option<FairSplitWorking> {
    let mut columns: [Vec<u32>; 5] = std::array::from_fn(|_| Vec::with_capacity(splits.len()));
    for s in splits {
        for (column, bp) in columns.iter_mut().zip(s.to_array()) {
            column.push(bp);
        }
    }
    fair_split_of_columns(&mut columns)
}

/// The fair split from five columns of shares (one vector per area, one entry
/// per participant, all the same length). Sorts the columns in place.
pub(crate) fn fair_split_of_columns(columns: &mut [Vec<u32>; 5]) -> Option<FairSplitWorking> {
    let n = columns[0].len();
    if n == 0 || columns.iter().any(|c| c.len() != n) {
        return None;
    }
    let mut scratch = Vec::new();
    for column in columns.iter_mut() {
        // Sorted, the m-th largest share is at `n - m`; sorting also makes
        // the result independent of ballot order.
        sort_shares(column, &mut scratch);
    }
    let columns = Columns(columns);

    // Bisect the level over a grid of 1 / 2^q basis points, fine enough that
    // at most one bend of the sum lies in the last cell: bends sit at
    // V / m (a share over a whole number up to n), and two different ones are
    // at least 1 / n² apart.
    let bits = usize::BITS - n.leading_zeros();
    let q = (2 * bits).min(60);
    let grid: u128 = 1 << q;
    let target = u128::from(TOTAL_BP) * grid;
    let (mut lo, mut hi) = (0u128, target);
    let at_hi = columns.sum_at(hi, grid);
    if at_hi < target {
        // The shares do not reach 100% (not a valid split); rescale.
        return Some(columns.rounded(hi, grid, false));
    }
    if at_hi == target {
        return Some(columns.rounded(hi, grid, true));
    }
    // The sum is 0 at the bottom (below the target) and above it at the top.
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        let s = columns.sum_at(mid, grid);
        if s == target {
            // Any level giving exactly 100% gives the same medians.
            return Some(columns.rounded(mid, grid, true));
        }
        if s > target {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    // The exact level lies in (lo, hi]: on the straight piece just above lo,
    // or on the one just below hi. Solve each and keep the one that checks.
    for side in [Side::AboveLow(lo), Side::BelowHigh(hi)] {
        let (flat, slope) = columns.line(side, grid);
        if slope == 0 || flat > u128::from(TOTAL_BP) {
            continue;
        }
        let level = u128::from(TOTAL_BP) - flat;
        if columns.sum_at(level, slope) == u128::from(TOTAL_BP) * slope {
            return Some(columns.rounded(level, slope, true));
        }
    }
    // Not reached for sorted columns; rescale rather than fail.
    Some(columns.rounded(hi, grid, false))
}

/// Sorts a column of shares, smallest first, counting anything above 100% as
/// 100%. Past a handful, by radix (two passes of 7 bits cover 0 to 16,383):
/// linear time, which keeps the aggregates of 10,000 participants (everyone
/// and each role, for every kind) quick on a slider tick. `scratch` is reused
/// between columns.
fn sort_shares(column: &mut [u32], scratch: &mut Vec<u32>) {
    for bp in column.iter_mut() {
        *bp = (*bp).min(TOTAL_BP);
    }
    if column.len() < 64 {
        // A handful: by insertion, in place, with nothing to allocate on a tick.
        for i in 1..column.len() {
            let mut j = i;
            while j > 0 && column[j - 1] > column[j] {
                column.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    scratch.clear();
    scratch.resize(column.len(), 0);
    radix_pass(column, scratch, 0);
    radix_pass(scratch, column, 7);
}

/// One stable pass of a radix sort on the 7 bits above `shift`.
fn radix_pass(from: &[u32], to: &mut [u32], shift: u32) {
    let digit = |v: u32| ((v >> shift) & 127) as usize;
    let mut next = [0usize; 128];
    for &v in from {
        next[digit(v)] += 1;
    }
    let mut start = 0;
    for slot in next.iter_mut() {
        let count = *slot;
        *slot = start;
        start += count;
    }
    for &v in from {
        let d = digit(v);
        if let Some(slot) = to.get_mut(next[d]) {
            *slot = v;
        }
        next[d] += 1;
    }
}

/// Which straight piece of the sum to take near a grid point.
#[derive(Clone, Copy)]
enum Side {
    /// The piece just above this level.
    AboveLow(u128),
    /// The piece just below this level.
    BelowHigh(u128),
}

/// The five sorted columns of a group's shares.
struct Columns<'a>(&'a [Vec<u32>; 5]);

impl Columns<'_> {
    /// How many of `m = 1, 2, …` have `m·t ≤ V(m)` (or `<` when `strict`),
    /// where `t = level / denominator` and `V(m)` is the m-th largest share.
    /// `m·t` rises and `V(m)` falls, so those `m` are a prefix: binary search.
    fn ramps(column: &[u32], level: u128, denominator: u128, strict: bool) -> usize {
        let n = column.len();
        let holds = |m: usize| {
            let rising = (m as u128).saturating_mul(level);
            let share = u128::from(column[n - m]).saturating_mul(denominator);
            if strict {
                rising < share
            } else {
                rising <= share
            }
        };
        let (mut yes, mut no) = (0usize, n + 1);
        while no - yes > 1 {
            let mid = yes + (no - yes) / 2;
            if holds(mid) {
                yes = mid;
            } else {
                no = mid;
            }
        }
        yes
    }

    /// The m-th largest share of a column, 0 past the end.
    fn largest(column: &[u32], m: usize) -> u128 {
        column
            .len()
            .checked_sub(m)
            .and_then(|i| column.get(i))
            .map_or(0, |&v| u128::from(v))
    }

    /// One area's median at level `t = level / denominator`, times `denominator`.
    ///
    /// With the shares sorted largest first (`V(1) ≥ … ≥ V(n)`), the median of
    /// the shares and phantoms is `max over m of min(m·t, V(m))`: the
    /// (n+1)-th largest of the 2n+1 numbers is at least x exactly when, for
    /// some m, the n − m + 1 phantoms `f_0` … `f_(n−m)` (each at least
    /// `min(m·t, 1)`) and the m shares `V(1)` … `V(m)` are all at least x.
    /// (The cap at 1 never bites: no share is above 100%.) Since `m·t`
    /// rises and `V(m)` falls, that maximum is `max(m0·t, V(m0 + 1))` for the
    /// last `m0` with `m0·t ≤ V(m0)`.
    fn median(column: &[u32], level: u128, denominator: u128) -> u128 {
        let m0 = Self::ramps(column, level, denominator, false);
        let ramp = (m0 as u128).saturating_mul(level);
        let flat = Self::largest(column, m0 + 1).saturating_mul(denominator);
        ramp.max(flat)
    }

    /// The five medians at a level, times `denominator`.
    fn medians(&self, level: u128, denominator: u128) -> [u128; 5] {
        let mut out = [0; 5];
        for (slot, column) in out.iter_mut().zip(self.0.iter()) {
            *slot = Self::median(column, level, denominator);
        }
        out
    }

    /// The five medians' sum at a level, times `denominator`.
    fn sum_at(&self, level: u128, denominator: u128) -> u128 {
        self.medians(level, denominator)
            .iter()
            .fold(0u128, |a, &b| a.saturating_add(b))
    }

    /// The straight piece of the sum on one side of a grid level, as
    /// `(flat, slope)`: the sum is `flat + slope·t` basis points there.
    fn line(&self, side: Side, grid: u128) -> (u128, u128) {
        let (mut flat, mut slope) = (0u128, 0u128);
        for column in self.0.iter() {
            // Just above lo, an m with m·lo = V(m) is already past its cap,
            // and a tie between ramp and flat goes to the ramp; just below hi,
            // the other way round.
            let (m0, ramp_wins) = match side {
                Side::AboveLow(lo) => {
                    let m0 = Self::ramps(column, lo, grid, true);
                    let ramp = (m0 as u128).saturating_mul(lo);
                    let next = Self::largest(column, m0 + 1).saturating_mul(grid);
                    (m0, m0 > 0 && ramp >= next)
                }
                Side::BelowHigh(hi) => {
                    let m0 = Self::ramps(column, hi, grid, false);
                    let ramp = (m0 as u128).saturating_mul(hi);
                    let next = Self::largest(column, m0 + 1).saturating_mul(grid);
                    (m0, ramp > next)
                }
            };
            if ramp_wins {
                slope += m0 as u128;
            } else {
                flat += Self::largest(column, m0 + 1);
            }
        }
        (flat, slope)
    }

    /// The medians at a level, rounded to whole basis points adding up to
    /// 10,000 (largest remainder: exact when they already add up to 100%).
    fn rounded(&self, level: u128, denominator: u128, exact: bool) -> FairSplitWorking {
        let exact_bp = self.medians(level, denominator);
        let mut weights = exact_bp;
        // apportion takes u64 weights; only an absurd number of participants
        // needs the halving, which keeps the proportions to within rounding.
        while weights.iter().any(|&w| w > u128::from(u64::MAX)) {
            for w in &mut weights {
                *w >>= 1;
            }
        }
        let weights: Vec<u64> = weights
            .iter()
            .map(|&w| u64::try_from(w).unwrap_or(u64::MAX))
            .collect();
        let bp = if weights.iter().all(|&w| w == 0) {
            // Nobody gave anything to any area (not a valid split): even.
            super::shares::even_split(5)
                .into_iter()
                .map(i128::from)
                .collect()
        } else {
            apportion(i128::from(TOTAL_BP), &weights)
        };
        let mut out = [0u32; 5];
        for (slot, v) in out.iter_mut().zip(bp) {
            *slot = u32::try_from(v).unwrap_or(0);
        }
        FairSplitWorking {
            level,
            denominator,
            exact_bp,
            shares: AreaShares::from_array(out),
            exact,
        }
    }
}
