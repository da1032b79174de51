//! What goes down to pay for what goes up: a split against today's, as the
//! amounts each area loses or gains in the kind's own unit (pence, minutes,
//! items). What is lost always equals what is gained, to the last unit.

use super::area::{Area, AreaShares};
use super::order;
use super::resource::{amounts_of, ResourceKind};

/// One area's loss or gain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AreaMove {
    /// The area.
    pub area: Area,
    /// How much it loses or gains, in the kind's smallest unit; always above 0.
    pub amount: i64,
    /// Its new share minus today's, in basis points.
    pub change_bp: i64,
}

/// The amounts a split moves between areas, against today's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shift {
    /// The areas that lose, largest loss first (area order on a tie).
    pub losses: Vec<AreaMove>,
    /// The areas that gain, largest gain first (area order on a tie).
    pub gains: Vec<AreaMove>,
    /// What moves: the sum of the losses, which is also the sum of the gains.
    pub moved: i64,
}

impl Shift {
    /// Every area's change in area order: what it loses (below 0), gains
    /// (above 0), or 0 where it keeps today's amount. A list that always has
    /// the five areas in the same places keeps its height and its rows still
    /// while a person moves their split.
    pub fn per_area(&self) -> [(Area, i64); 5] {
        Area::ALL.map(|area| {
            let of = |moves: &[AreaMove]| moves.iter().find(|m| m.area == area).map(|m| m.amount);
            let amount = match (of(&self.gains), of(&self.losses)) {
                (Some(gain), _) => gain,
                (None, Some(loss)) => -loss,
                (None, None) => 0,
            };
            (area, amount)
        })
    }
}

/// What moving a kind from today's split to `to` takes from some areas and
/// gives to others, in the kind's unit.
pub fn shift(kind: &ResourceKind, to: AreaShares) -> Shift {
    shift_of(kind.total, kind.baseline, to)
}

/// [`shift`] for any total and pair of splits.
///
/// Both splits are turned into amounts the way the rest of the app does it
/// ([`amounts_of`]: largest remainder), so each side's amounts add up to
/// `total` exactly and their differences add up to zero: the losses equal
/// the gains. An area whose share moves by less than one unit's worth has
/// no amount to lose or gain and is in neither list; it is the amount, not
/// the share, that decides the side, so the two lists always balance.
pub fn shift_of(total: i64, from: AreaShares, to: AreaShares) -> Shift {
    let before = amounts_of(total, from);
    let after = amounts_of(total, to);
    let (from_bp, to_bp) = (from.to_array(), to.to_array());
    let mut losses = Vec::new();
    let mut gains = Vec::new();
    for (i, &area) in Area::ALL.iter().enumerate() {
        // Both amounts lie between 0 and the total, so for any total a
        // workshop accepts (up to 10^15) the difference fits an i64.
        let change = i128::from(after[i]) - i128::from(before[i]);
        let amount = i64::try_from(change.unsigned_abs()).unwrap_or(i64::MAX);
        let area_move = AreaMove {
            area,
            amount,
            change_bp: i64::from(to_bp[i]) - i64::from(from_bp[i]),
        };
        match change.signum() {
            1 => gains.push(area_move),
            -1 => losses.push(area_move),
            _ => {}
        }
    }
    // Stable sorts keep area order on a tie.
    order::sort_by_key(&mut losses, |m| std::cmp::Reverse(m.amount));
    order::sort_by_key(&mut gains, |m| std::cmp::Reverse(m.amount));
    let moved = losses
        .iter()
        .fold(0i64, |sum, m| sum.saturating_add(m.amount));
    Shift {
        losses,
        gains,
        moved,
    }
}
