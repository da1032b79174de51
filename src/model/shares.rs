//! Basis-point arithmetic: every split of a resource is whole basis points that
//! add up to exactly [`TOTAL_BP`], and amounts derived from it add up to the total.

use super::order;

/// 100% in basis points.
pub const TOTAL_BP: u32 = 10_000;

/// Sets `shares[index]` to `target_bp` and spreads what is left over the other
/// unlocked shares in proportion to their current sizes (evenly if they are all
/// zero), so the total stays at exactly 10,000 and no share goes negative.
///
/// The target is clamped to what the locked shares leave free. A locked index,
/// an index out of range, or a split with no other unlocked share is returned
/// unchanged, because nothing could absorb the change. A split that does not add
/// up to 10,000 is first mended by [`normalise`].
pub fn set_share_in(shares: &mut [u32], locked: &[bool], index: usize, target_bp: u32) {
    if index >= shares.len() || shares.is_empty() {
        return;
    }
    if shares.iter().map(|&v| u64::from(v)).sum::<u64>() != u64::from(TOTAL_BP) {
        let mended = normalise(shares);
        shares.copy_from_slice(&mended);
    }
    let is_locked = |i: usize| locked.get(i).copied().unwrap_or(false);
    if is_locked(index) {
        return;
    }
    let others: Vec<usize> = (0..shares.len())
        .filter(|&i| i != index && !is_locked(i))
        .collect();
    if others.is_empty() {
        return;
    }
    let locked_sum: u32 = (0..shares.len())
        .filter(|&i| i != index && is_locked(i))
        .map(|i| shares[i])
        .sum();
    let free = TOTAL_BP - locked_sum;
    let target = target_bp.min(free);
    let remaining = free - target;
    let weights: Vec<u64> = others.iter().map(|&i| u64::from(shares[i])).collect();
    let weights = if weights.iter().all(|&w| w == 0) {
        vec![1; weights.len()]
    } else {
        weights
    };
    let spread = apportion(i128::from(remaining), &weights);
    shares[index] = target;
    for (slot, &i) in others.iter().enumerate() {
        // `apportion` never exceeds `remaining`, which fits in u32.
        shares[i] = u32::try_from(spread[slot]).unwrap_or(0);
    }
}

/// [`set_share_in`] for a fixed-size split.
pub fn set_share<const N: usize>(
    mut shares: [u32; N],
    locked: [bool; N],
    index: usize,
    target_bp: u32,
) -> [u32; N] {
    set_share_in(&mut shares, &locked, index, target_bp);
    shares
}

/// Rescales any non-negative weights to whole basis points summing to exactly
/// 10,000 (largest remainder); all-zero or empty weights give an even split.
pub fn normalise(weights: &[u32]) -> Vec<u32> {
    if weights.is_empty() {
        return Vec::new();
    }
    let w: Vec<u64> = if weights.iter().all(|&v| v == 0) {
        vec![1; weights.len()]
    } else {
        weights.iter().map(|&v| u64::from(v)).collect()
    };
    apportion(i128::from(TOTAL_BP), &w)
        .into_iter()
        .map(|v| u32::try_from(v).unwrap_or(0))
        .collect()
}

/// An even split of 10,000 basis points over `n` parts (earlier parts take the odd points).
pub fn even_split(n: usize) -> Vec<u32> {
    normalise(&vec![1; n])
}

/// Divides `total` in proportion to `weights` by the largest-remainder method:
/// each part is rounded down, then the units left over go to the parts with the
/// largest remainders (earlier parts first on a tie). The parts add up to `total`
/// exactly. Negative totals are split as the mirror of the positive case.
/// All-zero weights give all-zero parts except that the total goes to the first part.
pub fn apportion(total: i128, weights: &[u64]) -> Vec<i128> {
    if weights.is_empty() {
        return Vec::new();
    }
    if total < 0 {
        return apportion(-total, weights).into_iter().map(|v| -v).collect();
    }
    let sum: i128 = weights.iter().map(|&w| i128::from(w)).sum();
    if sum == 0 {
        let mut parts = vec![0; weights.len()];
        parts[0] = total;
        return parts;
    }
    let mut parts = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    let mut given: i128 = 0;
    for (i, &w) in weights.iter().enumerate() {
        let exact = total * i128::from(w);
        parts.push(exact / sum);
        remainders.push((exact % sum, i));
        given += exact / sum;
    }
    let mut left = total - given;
    order::sort_by(&mut remainders, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in remainders.iter() {
        if left == 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    parts
}

/// The amounts of `total` (in the kind's smallest unit) that a split gives each part.
pub fn amounts(total: i64, shares: &[u32]) -> Vec<i64> {
    let weights: Vec<u64> = shares.iter().map(|&v| u64::from(v)).collect();
    apportion(i128::from(total), &weights)
        .into_iter()
        .map(|v| i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX }))
        .collect()
}

/// Why a typed percentage was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentError {
    /// Nothing was typed.
    Empty,
    /// The text is not a number such as `24` or `24.5`.
    NotANumber,
    /// More than two decimal places, finer than a basis point.
    TooPrecise,
    /// Below 0% or above 100%.
    OutOfRange,
}

impl std::fmt::Display for PercentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PercentError::Empty => "Type a number from 0 to 100.",
            PercentError::NotANumber => "That is not a number. Type a number from 0 to 100.",
            PercentError::TooPrecise => "Use at most two decimal places.",
            PercentError::OutOfRange => "Type a number from 0 to 100.",
        })
    }
}

/// Reads a typed percentage ("24", "24.5", "24,5", " 7 %") into basis points.
pub fn parse_percent(text: &str) -> Result<u32, PercentError> {
    let t = text.trim().trim_end_matches('%').trim().replace(',', ".");
    if t.is_empty() {
        return Err(PercentError::Empty);
    }
    let (whole, frac) = match t.split_once('.') {
        Some((w, f)) => (w, f),
        None => (t.as_str(), ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) {
        return Err(PercentError::NotANumber);
    }
    if frac.len() > 2 {
        return Err(PercentError::TooPrecise);
    }
    // Leading zeros ("050") do not make a number larger.
    let whole = whole.trim_start_matches('0');
    if whole.len() > 3 {
        return Err(PercentError::OutOfRange);
    }
    let whole_v: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| PercentError::NotANumber)?
    };
    let frac_v: u32 = match frac.len() {
        0 => 0,
        1 => frac.parse::<u32>().map_err(|_| PercentError::NotANumber)? * 10,
        _ => frac.parse().map_err(|_| PercentError::NotANumber)?,
    };
    let bp = whole_v * 100 + frac_v;
    if bp > TOTAL_BP {
        return Err(PercentError::OutOfRange);
    }
    Ok(bp)
}

/// Basis points rounded to a tenth of a percent ("15.2%"), for averages and
/// medians whose hundredths are rounding noise rather than anyone's choice.
pub fn format_percent_tenths(bp: u32) -> String {
    let tenths = (bp + 5) / 10;
    if tenths.is_multiple_of(10) {
        format!("{}%", tenths / 10)
    } else {
        format!("{}.{}%", tenths / 10, tenths % 10)
    }
}

/// Basis points as a percentage for people: "24%", "24.5%", "24.25%".
pub fn format_percent_bp(bp: u32) -> String {
    let whole = bp / 100;
    let frac = bp % 100;
    if frac == 0 {
        format!("{whole}%")
    } else if frac.is_multiple_of(10) {
        format!("{whole}.{}%", frac / 10)
    } else {
        format!("{whole}.{frac:02}%")
    }
}

/// The coarse step of Easy Read: 5 in every 100.
pub const COARSE_STEP_BP: u32 = 500;

/// Easy Read's "more" or "less": the next multiple of 5% up or down from
/// `current` (so 37% goes to 40% or 35%), kept within 0 to 100%. The caller
/// sets it through the usual rebalancing, so shares stay exact.
pub fn coarse_step(current: u32, more: bool) -> u32 {
    let current = current.min(TOTAL_BP);
    if more {
        ((current / COARSE_STEP_BP + 1) * COARSE_STEP_BP).min(TOTAL_BP)
    } else {
        current.saturating_sub(1).div_euclid(COARSE_STEP_BP)
            * COARSE_STEP_BP
            * u32::from(current > 0)
    }
}
