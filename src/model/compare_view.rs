//! Ways to look at a comparison of places: sorted by date, name, place or
//! how far each moved an area; only some places or areas; and the areas most
//! places moved the same way ("Most places put more money into…"). Each
//! gives a new comparison, so the screen keeps the whole one and derives the
//! view from it.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::agreement::Direction;
use super::area::Area;
use super::compare::{ComparedPlace, Comparison, Outcome};
use super::id::Id;
use super::kind_match::fold_name;
use super::order;

/// How the places are ordered. Ties go to the date, then the workshop id, so
/// the same comparison always sorts the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceOrder {
    /// Earliest first.
    Date,
    /// By the workshop's name, ignoring case and spacing.
    Name,
    /// By where it was held, then by name.
    Place,
    /// By how far the place moved one area's share from its today, largest
    /// rise first; places without that figure last.
    Change {
        /// The kind, by its position in [`Comparison::kinds`].
        kind: usize,
        /// The area.
        area: Area,
        /// Which of the place's splits.
        outcome: Outcome,
    },
    /// As `Change`, by the amount per year rather than the share.
    Amount {
        /// The kind, by its position in [`Comparison::kinds`].
        kind: usize,
        /// The area.
        area: Area,
        /// Which of the place's splits.
        outcome: Outcome,
    },
}

/// Which places to keep.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlaceFilter {
    /// Words the workshop's name or place must contain, ignoring case and
    /// spacing; empty keeps every place.
    pub words: String,
    /// The earliest date kept, `YYYY-MM-DD`, if any.
    pub from_date: Option<String>,
    /// The latest date kept, `YYYY-MM-DD`, if any.
    pub to_date: Option<String>,
}

impl PlaceFilter {
    /// Whether a place is kept.
    pub fn keeps(&self, place: &ComparedPlace) -> bool {
        let words = fold_name(&self.words);
        let has_words = words.is_empty()
            || fold_name(&place.name).contains(&words)
            || fold_name(&place.place).contains(&words);
        let after_from = self
            .from_date
            .as_ref()
            .is_none_or(|from| place.date.as_str() >= from.as_str());
        let before_to = self
            .to_date
            .as_ref()
            .is_none_or(|to| place.date.as_str() <= to.as_str());
        has_words && after_from && before_to
    }
}

/// An area most places moved the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlacesAgree {
    /// The kind, by its position in [`Comparison::kinds`].
    pub kind: usize,
    /// The area.
    pub area: Area,
    /// Which way: more or less than their today.
    pub direction: Direction,
    /// How many places went that way.
    pub places: u32,
    /// Out of how many places with that figure.
    pub of: u32,
}

impl Comparison {
    /// The same comparison with its places in another order (the places'
    /// list and every kind's and area's lists alike).
    pub fn sorted(&self, order: PlaceOrder) -> Comparison {
        let mut places: Vec<&ComparedPlace> = self.places.iter().collect();
        let by_date = |a: &ComparedPlace, b: &ComparedPlace| {
            a.date.cmp(&b.date).then(a.workshop.cmp(&b.workshop))
        };
        match order {
            PlaceOrder::Date => order::sort_by(&mut places, |a, b| by_date(a, b)),
            PlaceOrder::Name => order::sort_by(&mut places, |a, b| {
                fold_name(&a.name)
                    .cmp(&fold_name(&b.name))
                    .then(by_date(a, b))
            }),
            PlaceOrder::Place => order::sort_by(&mut places, |a, b| {
                fold_name(&a.place)
                    .cmp(&fold_name(&b.place))
                    .then(fold_name(&a.name).cmp(&fold_name(&b.name)))
                    .then(by_date(a, b))
            }),
            PlaceOrder::Change {
                kind,
                area,
                outcome,
            } => {
                let change = self.changes(kind, area, outcome, |f| f.change_bp);
                order::sort_by(&mut places, |a, b| {
                    by_change(&change, a, b).then(by_date(a, b))
                });
            }
            PlaceOrder::Amount {
                kind,
                area,
                outcome,
            } => {
                let change = self.changes(kind, area, outcome, |f| f.change_amount);
                order::sort_by(&mut places, |a, b| {
                    by_change(&change, a, b).then(by_date(a, b))
                });
            }
        }
        let ids: Vec<Id> = places.iter().map(|p| p.workshop).collect();
        self.in_order(&ids)
    }

    /// The same comparison with its places in the opposite order.
    pub fn reversed(&self) -> Comparison {
        let ids: Vec<Id> = self.places.iter().rev().map(|p| p.workshop).collect();
        self.in_order(&ids)
    }

    /// Only the places the filter keeps, with the counts of where they
    /// agree made again from them alone.
    pub fn filtered(&self, filter: &PlaceFilter) -> Comparison {
        let ids: Vec<Id> = self
            .places
            .iter()
            .filter(|p| filter.keeps(p))
            .map(|p| p.workshop)
            .collect();
        self.in_order(&ids)
    }

    /// Only these areas, in area order.
    pub fn only_areas(&self, areas: &[Area]) -> Comparison {
        let mut out = self.clone();
        for kind in &mut out.kinds {
            kind.areas.retain(|a| areas.contains(&a.area));
        }
        out
    }

    /// The areas of each kind that more than half the places (two or more
    /// with that figure) moved the same way, more or less: most places
    /// first, then the larger share of places, then kind and area order.
    pub fn where_places_agree(&self, outcome: Outcome) -> Vec<PlacesAgree> {
        let mut out = Vec::new();
        for (kind, compared) in self.kinds.iter().enumerate() {
            for area in &compared.areas {
                let moved = area.moved(outcome);
                let of = moved.places();
                match moved.most() {
                    Some(direction @ (Direction::More | Direction::Less)) if of >= 2 => {
                        out.push(PlacesAgree {
                            kind,
                            area: area.area,
                            direction,
                            places: moved.count(direction),
                            of,
                        });
                    }
                    _ => {}
                }
            }
        }
        order::sort_by(&mut out, |a, b| {
            b.places
                .cmp(&a.places)
                .then(
                    (u64::from(b.places) * u64::from(a.of))
                        .cmp(&(u64::from(a.places) * u64::from(b.of))),
                )
                .then(a.kind.cmp(&b.kind))
                .then(a.area.cmp(&b.area))
        });
        out
    }

    /// Each place's change in one area of one kind, by one measure of it.
    fn changes(
        &self,
        kind: usize,
        area: Area,
        outcome: Outcome,
        of: impl Fn(&super::compare::Figure) -> i64,
    ) -> BTreeMap<Id, i64> {
        self.kinds
            .get(kind)
            .and_then(|k| k.area(area))
            .map(|a| {
                a.places
                    .iter()
                    .filter_map(|p| p.get(outcome).map(|f| (p.workshop, of(&f))))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The comparison with only these places, in this order, and its
    /// counts made again.
    fn in_order(&self, ids: &[Id]) -> Comparison {
        let rank: BTreeMap<Id, usize> = ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
        let keep = |id: &Id| rank.get(id).copied();
        let mut out = self.clone();
        out.places.retain(|p| rank.contains_key(&p.workshop));
        order::sort_by_key(&mut out.places, |p| keep(&p.workshop));
        for kind in &mut out.kinds {
            kind.places.retain(|p| rank.contains_key(&p.workshop));
            order::sort_by_key(&mut kind.places, |p| keep(&p.workshop));
            kind.kind.members.retain(|m| rank.contains_key(&m.workshop));
            order::sort_by_key(&mut kind.kind.members, |m| keep(&m.workshop));
            for area in &mut kind.areas {
                area.places.retain(|p| rank.contains_key(&p.workshop));
                order::sort_by_key(&mut area.places, |p| keep(&p.workshop));
                area.recount();
            }
        }
        out
    }
}

/// Larger changes first; places without the figure last.
fn by_change(change: &BTreeMap<Id, i64>, a: &ComparedPlace, b: &ComparedPlace) -> Ordering {
    match (change.get(&a.workshop), change.get(&b.workshop)) {
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
