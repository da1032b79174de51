//! Where the roles agree and where they divide: per resource kind and area,
//! which way each role would move the share from today's, and the headlines
//! for the room. Plain data: the screens put it into words.
//!
//! A role's split is its fair split ([`GroupStats::fair_shares`]), or its mean
//! when it has no whole fair split (aggregates read from a file written before
//! the fair split existed): the fair split is the one no participant can pull
//! their way by exaggerating, so one loud ballot cannot make a role look
//! divided from the others.

use super::aggregate::{GroupStats, KindAggregate};
use super::area::{Area, AreaShares};
use super::order;
use super::workshop::Role;

/// A role whose share is within this many basis points of today's (half a
/// percentage point) keeps it as it is: smaller moves are a slider's
/// wobble, not a wish, and would make every room look divided.
pub const SAME_AS_TODAY_BP: u32 = 50;

/// Which way a group would move an area's share from today's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    /// More than today (by more than [`SAME_AS_TODAY_BP`]).
    More,
    /// Less than today (by more than [`SAME_AS_TODAY_BP`]).
    Less,
    /// About the same as today.
    Same,
}

impl Direction {
    /// The direction of a share against today's.
    pub fn of(share_bp: u32, today_bp: u32) -> Direction {
        let change = i64::from(share_bp) - i64::from(today_bp);
        if change > i64::from(SAME_AS_TODAY_BP) {
            Direction::More
        } else if change < -i64::from(SAME_AS_TODAY_BP) {
            Direction::Less
        } else {
            Direction::Same
        }
    }
}

/// What the roles say together about one area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Agreement {
    /// Every role wants more than today.
    AllMore,
    /// Every role wants less than today.
    AllLess,
    /// Every role would keep it about as it is.
    AllSame,
    /// Some roles want more, the others would keep it as it is; none want less.
    SomeMore,
    /// Some roles want less, the others would keep it as it is; none want more.
    SomeLess,
    /// Some roles want more and some want less.
    Divide {
        /// The largest role's share minus the smallest role's, in basis points.
        gap_bp: u32,
    },
}

/// One role's share of one area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleShare {
    /// The role.
    pub role: Role,
    /// Its share (fair split, else mean), in basis points.
    pub bp: u32,
    /// Which way that is from today's.
    pub direction: Direction,
}

/// Where the roles stand on one area of one resource kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaAgreement {
    /// The area.
    pub area: Area,
    /// Today's share, in basis points.
    pub today_bp: u32,
    /// Agree, divide, or in between.
    pub agreement: Agreement,
    /// The largest role's share minus the smallest role's, in basis points
    /// (0 with one role).
    pub gap_bp: u32,
    /// Everyone's share (fair split, else mean) minus today's, in basis points.
    pub room_change_bp: i64,
    /// Citizens' share minus commissioners', in basis points, when both took part.
    pub citizens_minus_commissioners_bp: Option<i64>,
    /// Each role that took part, in role order.
    pub roles: Vec<RoleShare>,
}

/// A group's split for comparing: its fair split when it has a whole one,
/// else its mean; `None` for a group of nobody.
pub fn group_shares(group: &GroupStats) -> Option<AreaShares> {
    group
        .fair_shares()
        .filter(|s| s.validate().is_ok())
        .or_else(|| group.mean_shares())
}

/// Where the roles stand on each area of one kind, in area order; empty when
/// nobody has allocated it.
pub fn agreement(kind: &KindAggregate) -> Vec<AreaAgreement> {
    let Some(room) = group_shares(&kind.everyone) else {
        return Vec::new();
    };
    let roles: Vec<(Role, AreaShares)> = kind
        .by_role
        .iter()
        .filter_map(|(&role, group)| group_shares(group).map(|s| (role, s)))
        .collect();
    if roles.is_empty() {
        return Vec::new();
    }
    Area::ALL
        .iter()
        .map(|&area| {
            let today_bp = kind.baseline.get(area);
            let shares: Vec<RoleShare> = roles
                .iter()
                .map(|&(role, s)| RoleShare {
                    role,
                    bp: s.get(area),
                    direction: Direction::of(s.get(area), today_bp),
                })
                .collect();
            let (lo, hi) = shares
                .iter()
                .fold((u32::MAX, 0), |(lo, hi), r| (lo.min(r.bp), hi.max(r.bp)));
            let gap_bp = hi.saturating_sub(lo);
            let any = |d: Direction| shares.iter().any(|r| r.direction == d);
            let every = |d: Direction| shares.iter().all(|r| r.direction == d);
            let agreement = if every(Direction::More) {
                Agreement::AllMore
            } else if every(Direction::Less) {
                Agreement::AllLess
            } else if every(Direction::Same) {
                Agreement::AllSame
            } else if any(Direction::More) && any(Direction::Less) {
                Agreement::Divide { gap_bp }
            } else if any(Direction::More) {
                Agreement::SomeMore
            } else {
                Agreement::SomeLess
            };
            let of = |role: Role| shares.iter().find(|r| r.role == role).map(|r| r.bp);
            AreaAgreement {
                area,
                today_bp,
                agreement,
                gap_bp,
                room_change_bp: i64::from(room.get(area)) - i64::from(today_bp),
                citizens_minus_commissioners_bp: of(Role::Citizen)
                    .zip(of(Role::Commissioner))
                    .map(|(c, m)| i64::from(c) - i64::from(m)),
                roles: shares,
            }
        })
        .collect()
}

/// One thing worth telling the room: an area every role wants moved the same
/// way, or one the roles divide on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    /// The resource kind.
    pub kind_id: String,
    /// Where the roles stand on the area.
    pub area: AreaAgreement,
    /// How striking it is, in basis points: the room's change for an area
    /// every role agrees on, the gap between roles for a divide.
    pub strength_bp: u32,
}

/// The headlines for the room, most striking first: the areas every role
/// wants more or less of (by the room's change) and the areas the roles divide
/// on (by the gap between the largest and smallest role), together in one
/// list. Ties go to the wider gap between citizens and commissioners, then to
/// an agreement, then kind and area order. Areas kept as they are, or moved
/// by some roles only, are not headlines. Take as many as the screen holds.
pub fn headlines(kinds: &[KindAggregate]) -> Vec<Headline> {
    let mut out: Vec<(usize, Headline)> = Vec::new();
    for (kind_index, kind) in kinds.iter().enumerate() {
        for area in agreement(kind) {
            let strength_bp = match area.agreement {
                Agreement::AllMore | Agreement::AllLess => {
                    u32::try_from(area.room_change_bp.unsigned_abs()).unwrap_or(u32::MAX)
                }
                Agreement::Divide { gap_bp } => gap_bp,
                Agreement::AllSame | Agreement::SomeMore | Agreement::SomeLess => continue,
            };
            out.push((
                kind_index,
                Headline {
                    kind_id: kind.kind_id.clone(),
                    area,
                    strength_bp,
                },
            ));
        }
    }
    let citizens_vs_commissioners = |h: &Headline| {
        h.area
            .citizens_minus_commissioners_bp
            .map_or(0, i64::unsigned_abs)
    };
    let is_divide = |h: &Headline| matches!(h.area.agreement, Agreement::Divide { .. });
    order::sort_by(&mut out, |(ka, a), (kb, b)| {
        b.strength_bp
            .cmp(&a.strength_bp)
            .then(citizens_vs_commissioners(b).cmp(&citizens_vs_commissioners(a)))
            .then(is_divide(a).cmp(&is_divide(b)))
            .then(ka.cmp(kb))
            .then(a.area.area.cmp(&b.area.area))
    });
    out.into_iter().map(|(_, h)| h).collect()
}
