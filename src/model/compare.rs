//! Decisions of many places side by side. Per resource kind (matched across
//! places, see `kind_match.rs`) and area: each place's today, room average,
//! fair split and agreed decision, as shares and as change against that
//! place's own today, in basis points and in the kind's unit per year; and
//! how many places moved each area up, down or kept it. Derived from the
//! records like the aggregates: never stored, never trusted from a file.
//! Sorting and filtering are in `compare_view.rs`.

use std::collections::BTreeMap;

use super::aggregate::{aggregate, KindAggregate};
use super::agreement::{headlines, Direction, Headline};
use super::area::{Area, AreaShares};
use super::id::Id;
use super::kind_match::{match_places, places_of, KindMapping, MatchedKind, Mismatch, RefusedPair};
use super::resource::{amounts_of, Period};
use super::workshop::Workshop;

/// Which of a place's splits: what its room said or what it agreed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// The mean of the room's ballots.
    Average,
    /// The room's fair split (nobody can pull it by exaggerating).
    FairSplit,
    /// The decision the room agreed, where one is recorded.
    Decision,
}

impl Outcome {
    /// Every outcome, in the order a table shows them.
    pub const ALL: [Outcome; 3] = [Outcome::Average, Outcome::FairSplit, Outcome::Decision];
}

/// One area's share of a split, and what it means against today's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    /// The area's share, in basis points.
    pub share_bp: u32,
    /// The share minus today's, in basis points.
    pub change_bp: i64,
    /// The amount it gives the area, in the kind's smallest unit per year.
    pub amount: i64,
    /// The amount minus today's, in the kind's smallest unit per year.
    pub change_amount: i64,
}

/// One place's figures for one area of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceFigures {
    /// The place's workshop.
    pub workshop: Id,
    /// Today's split (its changes are zero).
    pub today: Figure,
    /// The room's average; `None` when nobody there divided this kind.
    pub average: Option<Figure>,
    /// The room's fair split; `None` when nobody there divided this kind.
    pub fair_split: Option<Figure>,
    /// The agreed decision; `None` when none is recorded for this kind.
    pub decision: Option<Figure>,
}

impl PlaceFigures {
    /// The figure of one outcome, if the place has it.
    pub fn get(&self, outcome: Outcome) -> Option<Figure> {
        match outcome {
            Outcome::Average => self.average,
            Outcome::FairSplit => self.fair_split,
            Outcome::Decision => self.decision,
        }
    }
}

/// How many places moved an area's share up, down, or kept it, each against
/// its own today (within [`SAME_AS_TODAY_BP`](super::agreement::SAME_AS_TODAY_BP)
/// is kept): "7 of 9 places moved money towards whole-community work".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AgreeAcross {
    /// Places that moved it up.
    pub more: u32,
    /// Places that moved it down.
    pub less: u32,
    /// Places that kept it about as it is.
    pub same: u32,
}

impl AgreeAcross {
    /// Counts the places that have a figure for `outcome`.
    pub fn of(places: &[PlaceFigures], outcome: Outcome) -> AgreeAcross {
        let mut counts = AgreeAcross::default();
        for place in places {
            let Some(figure) = place.get(outcome) else {
                continue;
            };
            let slot = match Direction::of(figure.share_bp, place.today.share_bp) {
                Direction::More => &mut counts.more,
                Direction::Less => &mut counts.less,
                Direction::Same => &mut counts.same,
            };
            *slot = slot.saturating_add(1);
        }
        counts
    }

    /// How many places were counted (those with a figure).
    pub fn places(&self) -> u32 {
        self.more
            .saturating_add(self.less)
            .saturating_add(self.same)
    }

    /// How many places went this way.
    pub fn count(&self, direction: Direction) -> u32 {
        match direction {
            Direction::More => self.more,
            Direction::Less => self.less,
            Direction::Same => self.same,
        }
    }

    /// The way more than half the counted places went, if any did.
    pub fn most(&self) -> Option<Direction> {
        [Direction::More, Direction::Less, Direction::Same]
            .into_iter()
            .find(|&d| u64::from(self.count(d)) * 2 > u64::from(self.places()))
    }
}

/// One area of one kind across the places.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaComparison {
    /// The area.
    pub area: Area,
    /// Each place that has the kind, in the comparison's place order.
    pub places: Vec<PlaceFigures>,
    /// Which way the places' room averages moved it.
    pub average: AgreeAcross,
    /// Which way the places' fair splits moved it.
    pub fair_split: AgreeAcross,
    /// Which way the places' agreed decisions moved it, where recorded.
    pub decision: AgreeAcross,
}

impl AreaComparison {
    /// Which way the places moved it, by one outcome.
    pub fn moved(&self, outcome: Outcome) -> AgreeAcross {
        match outcome {
            Outcome::Average => self.average,
            Outcome::FairSplit => self.fair_split,
            Outcome::Decision => self.decision,
        }
    }

    /// Counts again after the places changed (filtering).
    pub(crate) fn recount(&mut self) {
        self.average = AgreeAcross::of(&self.places, Outcome::Average);
        self.fair_split = AgreeAcross::of(&self.places, Outcome::FairSplit);
        self.decision = AgreeAcross::of(&self.places, Outcome::Decision);
    }
}

/// One place's own kind behind a compared kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceKind {
    /// The place's workshop.
    pub workshop: Id,
    /// The kind's id there.
    pub kind_id: String,
    /// The kind's name there.
    pub name: String,
    /// The period its total covers there (amounts are compared per year).
    pub period: Period,
    /// Today's total per year, in the kind's smallest unit.
    pub total_per_year: i64,
    /// How many of the place's participants divided it.
    pub participants: u32,
}

/// One resource kind across the places.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindComparison {
    /// The kind as matched: its name, unit and each place's kind.
    pub kind: MatchedKind,
    /// Each place that has it, in the comparison's place order.
    pub places: Vec<PlaceKind>,
    /// The five areas, in area order.
    pub areas: Vec<AreaComparison>,
}

impl KindComparison {
    /// One area's comparison.
    pub fn area(&self, area: Area) -> Option<&AreaComparison> {
        self.areas.iter().find(|a| a.area == area)
    }
}

/// Who a place is, and what its room said most strongly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparedPlace {
    /// The workshop.
    pub workshop: Id,
    /// The workshop's name.
    pub name: String,
    /// Where it was held.
    pub place: String,
    /// The day it was held, `YYYY-MM-DD`.
    pub date: String,
    /// How many participants (ballots) it had.
    pub participants: u32,
    /// Whether it recorded an agreed decision.
    pub has_decision: bool,
    /// Where its roles agreed and divided, most striking first (its own
    /// kind ids: [`Comparison::kind_of`] finds the compared kind).
    pub headlines: Vec<Headline>,
}

/// Many places' decisions side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The places, by date then workshop id unless sorted otherwise.
    pub places: Vec<ComparedPlace>,
    /// The kinds two or more places share (every kind of a lone place).
    pub kinds: Vec<KindComparison>,
    /// Kinds only one place has, left out until matched by hand.
    pub mismatches: Vec<Mismatch>,
    /// Matches made by hand that do not hold.
    pub refused: Vec<RefusedPair>,
}

impl Comparison {
    /// The compared kind a place's own kind is part of.
    pub fn kind_of(&self, workshop: Id, kind_id: &str) -> Option<&KindComparison> {
        self.kinds
            .iter()
            .find(|k| k.kind.kind_id_of(workshop) == Some(kind_id))
    }

    /// A place, by its workshop.
    pub fn place(&self, workshop: Id) -> Option<&ComparedPlace> {
        self.places.iter().find(|p| p.workshop == workshop)
    }
}

/// A total for its period, as a total per year.
pub fn per_year(total: i64, period: Period) -> i64 {
    match period {
        Period::Year => total,
        Period::Month => total.saturating_mul(12),
    }
}

/// The decisions of these records side by side, the hand-made matches of
/// kinds applied. Copies of one workshop count as one place (merged), and
/// the order of `records` never changes the result.
pub fn compare(records: &[Workshop], mapping: &KindMapping) -> Comparison {
    let places = places_of(records);
    let places: Vec<&Workshop> = places.iter().map(|p| p.as_ref()).collect();
    let matched = match_places(&places, mapping);
    let aggregates: Vec<Vec<KindAggregate>> = places.iter().map(|w| aggregate(w)).collect();
    let index: BTreeMap<Id, usize> = places.iter().enumerate().map(|(p, w)| (w.id, p)).collect();
    let compared = places
        .iter()
        .zip(&aggregates)
        .map(|(w, kinds)| ComparedPlace {
            workshop: w.id,
            name: w.name.clone(),
            place: w.place.clone(),
            date: w.date.clone(),
            participants: u32::try_from(w.ballots.len()).unwrap_or(u32::MAX),
            has_decision: w.agreed_decision.is_some(),
            headlines: headlines(kinds),
        })
        .collect();
    let kinds = matched
        .kinds
        .into_iter()
        .map(|kind| compare_kind(kind, &places, &aggregates, &index))
        .collect();
    Comparison {
        places: compared,
        kinds,
        mismatches: matched.mismatches,
        refused: matched.refused,
    }
}

/// One compared kind's figures, place by place.
fn compare_kind(
    kind: MatchedKind,
    places: &[&Workshop],
    aggregates: &[Vec<KindAggregate>],
    index: &BTreeMap<Id, usize>,
) -> KindComparison {
    let mut place_kinds = Vec::with_capacity(kind.members.len());
    let mut columns: [Vec<PlaceFigures>; 5] = Default::default();
    for member in &kind.members {
        let Some(&p) = index.get(&member.workshop) else {
            continue;
        };
        let w = places[p];
        let Some(own) = w.kind(&member.kind_id) else {
            continue;
        };
        let room = aggregates[p].iter().find(|a| a.kind_id == own.id);
        let total = per_year(own.total, own.period);
        let today = own.baseline;
        let of = |split: AreaShares| figures(total, today, split);
        let today_figures = of(today);
        let average = room.and_then(|r| r.everyone.mean_shares()).map(of);
        let fair_split = room.and_then(|r| r.everyone.fair_shares()).map(of);
        let decision = w
            .agreed_decision
            .as_ref()
            .and_then(|d| d.shares.get(&own.id))
            .map(|&split| of(split));
        for (i, column) in columns.iter_mut().enumerate() {
            column.push(PlaceFigures {
                workshop: w.id,
                today: today_figures[i],
                average: average.map(|f| f[i]),
                fair_split: fair_split.map(|f| f[i]),
                decision: decision.map(|f| f[i]),
            });
        }
        place_kinds.push(PlaceKind {
            workshop: w.id,
            kind_id: own.id.clone(),
            name: own.name.clone(),
            period: own.period,
            total_per_year: total,
            participants: room.map_or(0, |r| r.participants),
        });
    }
    let areas = Area::ALL
        .into_iter()
        .zip(columns)
        .map(|(area, places)| {
            let mut compared = AreaComparison {
                area,
                places,
                average: AgreeAcross::default(),
                fair_split: AgreeAcross::default(),
                decision: AgreeAcross::default(),
            };
            compared.recount();
            compared
        })
        .collect();
    KindComparison {
        kind,
        places: place_kinds,
        areas,
    }
}

/// Each area's figure of `split` against `today`, from a total per year. Both
/// splits become amounts as everywhere in the app (largest remainder), so a
/// split's amounts add up to the total and its changes to zero.
fn figures(total: i64, today: AreaShares, split: AreaShares) -> [Figure; 5] {
    let before = amounts_of(total, today);
    let after = amounts_of(total, split);
    let (from, to) = (today.to_array(), split.to_array());
    std::array::from_fn(|i| Figure {
        share_bp: to[i],
        change_bp: i64::from(to[i]) - i64::from(from[i]),
        amount: after[i],
        change_amount: after[i].saturating_sub(before[i]),
    })
}
