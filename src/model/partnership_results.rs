//! What the room thinks of its partnership: per principle, how many gave each
//! rating, overall and per role, each role's mean score, and where two roles
//! see the partnership most differently. Derived from the ballots (whatever the
//! workshop's [`PartnershipCheck`](super::partnership::PartnershipCheck)
//! setting, so turning the check off and on again loses nothing), recomputed
//! on import, never trusted from a file. Plain figures: the words are the UI's.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::partnership::{Principle, Rating};
use super::workshop::{Role, Workshop};

/// How many people gave each rating.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RatingCounts {
    /// How many said "not at all".
    pub not_at_all: u32,
    /// How many said "a little".
    pub a_little: u32,
    /// How many said "mostly".
    pub mostly: u32,
    /// How many said "fully".
    pub fully: u32,
}

impl RatingCounts {
    /// How many gave this rating.
    pub fn get(&self, rating: Rating) -> u32 {
        match rating {
            Rating::NotAtAll => self.not_at_all,
            Rating::ALittle => self.a_little,
            Rating::Mostly => self.mostly,
            Rating::Fully => self.fully,
        }
    }

    /// How many rated at all.
    pub fn total(&self) -> u32 {
        Rating::ALL
            .into_iter()
            .fold(0u32, |n, r| n.saturating_add(self.get(r)))
    }

    /// The mean score (0 to 3) in hundredths of a point, a half rounding up;
    /// `None` when nobody rated. Hundredths keep the figures whole numbers,
    /// like basis points for shares.
    pub fn mean_hundredths(&self) -> Option<u32> {
        let n = u64::from(self.total());
        if n == 0 {
            return None;
        }
        let points: u64 = Rating::ALL
            .into_iter()
            .map(|r| u64::from(self.get(r)) * u64::from(r.score()))
            .sum();
        // (points / n) × 100, rounded half up, without floats.
        let mean = (points * 200 + n) / (2 * n);
        Some(u32::try_from(mean).unwrap_or(300))
    }

    fn add(&mut self, rating: Rating) {
        let slot = match rating {
            Rating::NotAtAll => &mut self.not_at_all,
            Rating::ALittle => &mut self.a_little,
            Rating::Mostly => &mut self.mostly,
            Rating::Fully => &mut self.fully,
        };
        *slot = slot.saturating_add(1);
    }
}

/// A group's ratings of one principle (everyone, or one role).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RatingGroup {
    /// How many gave each rating.
    pub counts: RatingCounts,
    /// The mean score in hundredths of a point (0 = everyone "not at all",
    /// 300 = everyone "fully"); null when nobody in the group rated it.
    pub mean_hundredths: Option<u32>,
}

impl RatingGroup {
    fn add(&mut self, rating: Rating) {
        self.counts.add(rating);
    }

    fn finish(&mut self) {
        self.mean_hundredths = self.counts.mean_hundredths();
    }
}

/// Where two roles see a principle most differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoleGap {
    /// The role that thinks the partnership lives it more.
    pub higher: Role,
    /// Its mean score, in hundredths of a point.
    pub higher_mean_hundredths: u32,
    /// The role that thinks it lives it less.
    pub lower: Role,
    /// Its mean score, in hundredths of a point.
    pub lower_mean_hundredths: u32,
    /// How far apart they are, in hundredths of a point (300 = one says
    /// "fully" to a person, the other "not at all").
    pub gap_hundredths: u32,
}

/// The room's ratings of one principle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PrincipleResult {
    /// Which principle.
    pub principle: Principle,
    /// Everyone together.
    pub everyone: RatingGroup,
    /// Each role of which at least one person rated this principle.
    pub by_role: BTreeMap<Role, RatingGroup>,
    /// The two roles whose means are furthest apart; null when fewer than
    /// two roles rated it or they all agree exactly. On a tie, the first pair
    /// in role order.
    pub widest_gap: Option<RoleGap>,
}

/// The room's partnership check: every principle, and the finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PartnershipResults {
    /// How many participants rated at least one principle.
    pub participants: u32,
    /// One entry per principle, in the report's order (`Principle::ALL`).
    pub principles: Vec<PrincipleResult>,
    /// The principle on which two roles are furthest apart (the finding to
    /// talk about); null when no principle divides the roles. On a tie, the
    /// first in the report's order.
    pub biggest_gap: Option<Principle>,
}

impl Default for PartnershipResults {
    /// The results of a room where nobody has rated anything yet.
    fn default() -> Self {
        partnership_results_of(std::iter::empty())
    }
}

impl PartnershipResults {
    /// One principle's results.
    pub fn principle(&self, principle: Principle) -> Option<&PrincipleResult> {
        self.principles.iter().find(|r| r.principle == principle)
    }

    /// The principle with the biggest gap between roles, and that gap.
    pub fn finding(&self) -> Option<(&PrincipleResult, &RoleGap)> {
        let result = self.principle(self.biggest_gap?)?;
        Some((result, result.widest_gap.as_ref()?))
    }
}

/// The two roles whose means are furthest apart, if any two differ.
fn widest_gap(by_role: &BTreeMap<Role, RatingGroup>) -> Option<RoleGap> {
    let means: Vec<(Role, u32)> = by_role
        .iter()
        .filter_map(|(role, g)| Some((*role, g.mean_hundredths?)))
        .collect();
    let mut best: Option<RoleGap> = None;
    for (i, &(a, mean_a)) in means.iter().enumerate() {
        for &(b, mean_b) in &means[i + 1..] {
            let gap = mean_a.abs_diff(mean_b);
            // Strictly wider only, so a tie keeps the first pair in role order.
            if gap == 0 || best.is_some_and(|g| g.gap_hundredths >= gap) {
                continue;
            }
            let ((higher, hi), (lower, lo)) = if mean_a >= mean_b {
                ((a, mean_a), (b, mean_b))
            } else {
                ((b, mean_b), (a, mean_a))
            };
            best = Some(RoleGap {
                higher,
                higher_mean_hundredths: hi,
                lower,
                lower_mean_hundredths: lo,
                gap_hundredths: gap,
            });
        }
    }
    best
}

/// The results from each participant's role and ratings.
fn partnership_results_of<'a>(
    ballots: impl Iterator<Item = (Role, &'a BTreeMap<Principle, Rating>)>,
) -> PartnershipResults {
    let mut everyone = [RatingGroup::default(); 6];
    let mut by_role: [BTreeMap<Role, RatingGroup>; 6] = Default::default();
    let mut participants = 0u32;
    for (role, ratings) in ballots {
        if ratings.is_empty() {
            continue;
        }
        participants = participants.saturating_add(1);
        for (principle, rating) in ratings {
            let i = principle.index();
            everyone[i].add(*rating);
            by_role[i].entry(role).or_default().add(*rating);
        }
    }
    let principles: Vec<PrincipleResult> = Principle::ALL
        .into_iter()
        .zip(everyone)
        .zip(by_role)
        .map(|((principle, mut everyone), mut by_role)| {
            everyone.finish();
            by_role.values_mut().for_each(RatingGroup::finish);
            PrincipleResult {
                principle,
                everyone,
                widest_gap: widest_gap(&by_role),
                by_role,
            }
        })
        .collect();
    let mut biggest: Option<(Principle, u32)> = None;
    for r in &principles {
        if let Some(g) = r.widest_gap {
            // Strictly wider only, so a tie keeps the first principle.
            if biggest.is_none_or(|(_, gap)| g.gap_hundredths > gap) {
                biggest = Some((r.principle, g.gap_hundredths));
            }
        }
    }
    PartnershipResults {
        participants,
        principles,
        biggest_gap: biggest.map(|(p, _)| p),
    }
}

/// The room's partnership check, from every ballot's ratings.
pub fn partnership_results(w: &Workshop) -> PartnershipResults {
    partnership_results_of(w.ballots.iter().map(|b| (b.role, &b.partnership)))
}
