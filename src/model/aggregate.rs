//! What the room thinks: per resource kind and area, the mean, median,
//! spread and fair split of everyone's shares, overall and per role. Always derived from the
//! ballots, never stored as truth.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::area::{Area, AreaShares};
use super::fair_split::fair_split_of_columns;
use super::shares::{apportion, TOTAL_BP};
use super::time::Timestamp;
use super::workshop::{AgreedDecision, Role, Workshop};

/// One area's figures for a group of participants, in basis points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AreaStats {
    /// Which area.
    pub area: Area,
    /// The mean share; the five means of a group add up to exactly 100%.
    pub mean_bp: u32,
    /// The median share (the middle value; halfway between the two middle ones, rounded up).
    pub median_bp: u32,
    /// The smallest share anyone gave.
    pub min_bp: u32,
    /// The largest share anyone gave.
    pub max_bp: u32,
    /// The area's share of the group's fair split (the independent markets
    /// rule, which no one can pull their way by misreporting); the five add up
    /// to exactly 100%. Older files lack it: aggregates are recomputed on import.
    #[serde(default)]
    pub fair_bp: u32,
}

/// The figures of a group of participants (everyone, or one role).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GroupStats {
    /// How many participants allocated this kind.
    pub participants: u32,
    /// One entry per area, in area order (empty when nobody allocated).
    pub areas: Vec<AreaStats>,
}

/// The room's figures for one resource kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KindAggregate {
    /// The resource kind.
    pub kind_id: String,
    /// How many participants allocated it.
    pub participants: u32,
    /// Today's split, for comparison.
    pub baseline: AreaShares,
    /// Everyone together.
    pub everyone: GroupStats,
    /// Each role that has at least one participant.
    pub by_role: BTreeMap<Role, GroupStats>,
}

/// Which of a group's figures to use: the average or the fair split.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Measure {
    /// The mean of everyone's shares (easy to pull by exaggerating).
    #[default]
    Average,
    /// The fair split (nobody can pull it by exaggerating; see `fair_split`).
    FairSplit,
}

impl AreaStats {
    /// This area's figure by `measure`, in basis points.
    pub fn by(&self, measure: Measure) -> u32 {
        match measure {
            Measure::Average => self.mean_bp,
            Measure::FairSplit => self.fair_bp,
        }
    }
}

impl KindAggregate {
    /// The room's split by `measure` (the baseline when nobody has allocated).
    pub fn shares_by(&self, measure: Measure) -> AreaShares {
        match measure {
            Measure::Average => self.mean_shares(),
            Measure::FairSplit => self.fair_shares(),
        }
    }

    /// How far apart two roles' mean shares of an area are, in basis points
    /// (the first role's mean minus the second's), if both have participants.
    pub fn gap(&self, first: Role, second: Role, area: Area) -> Option<i64> {
        self.gap_by(Measure::Average, first, second, area)
    }

    /// [`KindAggregate::gap`] by `measure`: the roles' averages or their fair splits.
    pub fn gap_by(&self, measure: Measure, first: Role, second: Role, area: Area) -> Option<i64> {
        let a = self.by_role.get(&first)?.area(area)?.by(measure);
        let b = self.by_role.get(&second)?.area(area)?.by(measure);
        Some(i64::from(a) - i64::from(b))
    }

    /// The room's mean split (the baseline when nobody has allocated).
    pub fn mean_shares(&self) -> AreaShares {
        self.everyone.mean_shares().unwrap_or(self.baseline)
    }

    /// The room's fair split (the baseline when nobody has allocated).
    pub fn fair_shares(&self) -> AreaShares {
        self.everyone.fair_shares().unwrap_or(self.baseline)
    }
}

impl GroupStats {
    /// The group's mean split, if anyone is in it.
    pub fn mean_shares(&self) -> Option<AreaShares> {
        (self.areas.len() == 5).then(|| {
            let mut bp = [0; 5];
            for s in &self.areas {
                bp[s.area.index()] = s.mean_bp;
            }
            AreaShares::from_array(bp)
        })
    }

    /// The group's fair split, if anyone is in it.
    pub fn fair_shares(&self) -> Option<AreaShares> {
        (self.areas.len() == 5).then(|| {
            let mut bp = [0; 5];
            for s in &self.areas {
                bp[s.area.index()] = s.fair_bp;
            }
            AreaShares::from_array(bp)
        })
    }

    /// One area's figures, if anyone is in the group.
    pub fn area(&self, area: Area) -> Option<&AreaStats> {
        self.areas.iter().find(|s| s.area == area)
    }
}

/// Figures for one group from the five columns of shares (one vector per area).
fn group_stats(columns: &mut [Vec<u32>; 5]) -> GroupStats {
    let n = columns[0].len();
    if n == 0 {
        return GroupStats {
            participants: 0,
            areas: Vec::new(),
        };
    }
    let sums: Vec<u64> = columns
        .iter()
        .map(|c| c.iter().map(|&v| u64::from(v)).sum())
        .collect();
    // Apportioning the sums keeps the five means at exactly 100% together.
    let means = apportion(i128::from(TOTAL_BP), &sums);
    let mut areas: Vec<AreaStats> = Area::ALL
        .iter()
        .zip(columns.iter_mut())
        .zip(means)
        .map(|((&area, column), mean)| {
            let (min, max) = column
                .iter()
                .fold((u32::MAX, 0), |(lo, hi), &v| (lo.min(v), hi.max(v)));
            AreaStats {
                area,
                mean_bp: u32::try_from(mean).unwrap_or(0),
                median_bp: median(column),
                min_bp: min,
                max_bp: max,
                fair_bp: 0,
            }
        })
        .collect();
    // After the medians: the fair split sorts the columns in place.
    if let Some(fair) = fair_split_of_columns(columns) {
        for (stats, bp) in areas.iter_mut().zip(fair.shares.to_array()) {
            stats.fair_bp = bp;
        }
    }
    GroupStats {
        participants: u32::try_from(n).unwrap_or(u32::MAX),
        areas,
    }
}

/// The median of a non-empty column; reorders it in place (linear time).
fn median(column: &mut [u32]) -> u32 {
    let n = column.len();
    let mid = n / 2;
    let (_, &mut upper, _) = column.select_nth_unstable(mid);
    if n % 2 == 1 {
        upper
    } else {
        let lower = column[..mid].iter().copied().max().unwrap_or(upper);
        ((u64::from(lower) + u64::from(upper)).div_ceil(2)) as u32
    }
}

/// The room's figures for every resource kind of the workshop. A ballot counts
/// towards a kind only if it has an allocation for it.
pub fn aggregate(workshop: &Workshop) -> Vec<KindAggregate> {
    workshop
        .kinds
        .iter()
        .map(|kind| {
            let mut everyone: [Vec<u32>; 5] = Default::default();
            let mut by_role: BTreeMap<Role, [Vec<u32>; 5]> = BTreeMap::new();
            for ballot in &workshop.ballots {
                let Some(allocation) = ballot.allocations.get(&kind.id) else {
                    continue;
                };
                let bp = allocation.areas.to_array();
                let role_columns = by_role.entry(ballot.role).or_default();
                for i in 0..5 {
                    everyone[i].push(bp[i]);
                    role_columns[i].push(bp[i]);
                }
            }
            let everyone = group_stats(&mut everyone);
            KindAggregate {
                kind_id: kind.id.clone(),
                participants: everyone.participants,
                baseline: kind.baseline,
                everyone,
                by_role: by_role
                    .into_iter()
                    .map(|(role, mut columns)| (role, group_stats(&mut columns)))
                    .collect(),
            }
        })
        .collect()
}

// The draft decision is the room's mean, so it lives with the aggregates
// (workshop.rs stays below this file).
impl Workshop {
    /// The agreed decision, or a draft that starts from the room's mean (or the
    /// baseline, for a kind nobody has allocated yet).
    pub fn decision_or_draft(&self, now: Timestamp) -> AgreedDecision {
        self.decision_or_draft_from(now, Measure::Average)
    }

    /// The recorded decision, or a draft that starts from the room's figures
    /// by `measure` (the average or the fair split).
    pub fn decision_or_draft_from(&self, now: Timestamp, measure: Measure) -> AgreedDecision {
        if let Some(d) = &self.agreed_decision {
            let mut d = d.clone();
            for k in &self.kinds {
                d.shares.entry(k.id.clone()).or_insert(k.baseline);
            }
            return d;
        }
        let aggregates = aggregate(self);
        let shares = self
            .kinds
            .iter()
            .map(|k| {
                let start = aggregates
                    .iter()
                    .find(|a| a.kind_id == k.id && a.participants > 0)
                    .map(|a| a.shares_by(measure))
                    .unwrap_or(k.baseline);
                (k.id.clone(), start)
            })
            .collect();
        AgreedDecision {
            shares,
            rationale: BTreeMap::new(),
            updated_at: now,
        }
    }
}
