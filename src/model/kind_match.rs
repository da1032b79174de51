//! Which resource kinds of several places are the same kind. Kinds match by
//! name and unit, whatever their case, spacing or apostrophes ("State money"
//! and "state  money" are one kind; "State money" in pounds and in hours are
//! two), and by hand where a place named one differently. The period is not
//! part of the match: a kind counted per month is compared per year.
//!
//! Everything here is independent of the order the records come in: places
//! are taken in date order (then workshop id), and a mapping made by hand is
//! keyed by workshop id and kind id, never by a record's position.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::id::Id;
use super::lowercase::push_lowercase;
use super::merge::merge_workshops;
use super::order;
use super::resource::Unit;
use super::workshop::Workshop;

/// One place's resource kind: the workshop it belongs to and its id there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KindRef {
    /// The workshop (one place's session) the kind belongs to.
    pub workshop: Id,
    /// The kind's id in that workshop (`state_money`, `custom_1`).
    pub kind_id: String,
}

/// A match made by hand: `from` is the same resource kind as `to`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KindPair {
    /// The kind that was matched (usually one only its place has).
    pub from: KindRef,
    /// A kind of another place it is the same as.
    pub to: KindRef,
}

/// The matches made by hand, in the order they were made. Each joins two
/// kinds (and every kind already matched with either); where two cannot both
/// hold, the earlier one does, so the result never depends on anything but
/// this list and the records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct KindMapping {
    /// The matches, earliest first.
    pub pairs: Vec<KindPair>,
}

/// Why a match made by hand cannot hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MappingError {
    /// No place of the comparison has this kind (or no such place is in it).
    NotInComparison {
        /// The kind named.
        kind: KindRef,
    },
    /// The two kinds are counted in different units (pounds and hours, or
    /// counts of different things): their amounts cannot be compared.
    OtherUnit {
        /// The unit of the kind that was matched.
        from: Unit,
        /// The unit of the kind it was matched with.
        to: Unit,
    },
    /// A place would have two of its kinds counted as one: it already has a
    /// kind matched with the other.
    PlaceHasItAlready {
        /// The place's workshop.
        workshop: Id,
    },
}

impl std::fmt::Display for MappingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unit = |u: &Unit| match u {
            Unit::Money => "pounds".to_string(),
            Unit::Hours => "hours".to_string(),
            Unit::Count { noun } => noun.clone(),
        };
        match self {
            MappingError::NotInComparison { kind } => write!(
                f,
                "no place in the comparison has the resource kind `{}` of workshop {}",
                kind.kind_id,
                kind.workshop.short()
            ),
            MappingError::OtherUnit { from, to } => write!(
                f,
                "a kind counted in {} cannot be matched with one counted in {}",
                unit(from),
                unit(to)
            ),
            MappingError::PlaceHasItAlready { workshop } => write!(
                f,
                "workshop {} already has a kind matched with that one",
                workshop.short()
            ),
        }
    }
}

impl std::error::Error for MappingError {}

/// One resource kind as the places share it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchedKind {
    /// The name most of its places use, as the first of them writes it.
    pub name: String,
    /// Its unit, as that place writes it.
    pub unit: Unit,
    /// Each place's kind, one per place, in place order (date, then workshop id).
    pub members: Vec<KindRef>,
    /// Whether a match made by hand joined it.
    pub by_hand: bool,
}

impl MatchedKind {
    /// This place's kind id for it, if the place has it.
    pub fn kind_id_of(&self, workshop: Id) -> Option<&str> {
        self.members
            .iter()
            .find(|m| m.workshop == workshop)
            .map(|m| m.kind_id.as_str())
    }
}

/// A kind it could be matched with by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// One place's kind of it (the first place that has it).
    pub kind: KindRef,
    /// Its name, as [`MatchedKind::name`].
    pub name: String,
    /// How many places have it.
    pub places: usize,
}

/// A place's kind that no other place has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The place's kind.
    pub kind: KindRef,
    /// Its name, as the place writes it.
    pub name: String,
    /// Its unit.
    pub unit: Unit,
    /// The kinds of other places in the same unit that this place lacks,
    /// most places first: what it can be matched with by hand.
    pub candidates: Vec<Candidate>,
}

/// A match made by hand that does not hold, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedPair {
    /// The match.
    pub pair: KindPair,
    /// Why it does not hold.
    pub error: MappingError,
}

/// How the resource kinds of several places match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindMatch {
    /// The kinds compared: those two or more places have (every kind, when
    /// there is one place), in the order the first place lists them.
    pub kinds: Vec<MatchedKind>,
    /// The kinds only one place has (when there are two places or more), in
    /// place order: shown, so they can be matched by hand.
    pub mismatches: Vec<Mismatch>,
    /// The matches made by hand that do not hold, in the mapping's order.
    pub refused: Vec<RefusedPair>,
}

/// A name as matched: white space trimmed and run together, lowercase, and
/// curly apostrophes straight (a phone types "People’s time").
pub fn fold_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2018}' | '\u{2019}' | '\u{02BC}' => out.push('\''),
                c => push_lowercase(&mut out, c),
            }
        }
    }
    out
}

/// A unit as matched: a count's noun folded like a name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum UnitKey {
    Money,
    Hours,
    Count(String),
}

fn unit_key(unit: &Unit) -> UnitKey {
    match unit {
        Unit::Money => UnitKey::Money,
        Unit::Hours => UnitKey::Hours,
        Unit::Count { noun } => UnitKey::Count(fold_name(noun)),
    }
}

/// Whether two units are the same for matching ("Rooms" and "rooms" are).
pub fn same_unit(a: &Unit, b: &Unit) -> bool {
    unit_key(a) == unit_key(b)
}

/// The places of a comparison, whatever order the records came in: one
/// workshop per id (copies of one workshop, say exported twice, merged as the
/// app merges any two copies, which no order changes), in date order and then
/// by workshop id.
pub fn places_of(records: &[Workshop]) -> Vec<Cow<'_, Workshop>> {
    let mut by_id: BTreeMap<Id, Vec<&Workshop>> = BTreeMap::new();
    for w in records {
        by_id.entry(w.id).or_default().push(w);
    }
    let mut places: Vec<Cow<'_, Workshop>> = by_id
        .into_values()
        .filter_map(|copies| {
            let (first, rest) = copies.split_first()?;
            if rest.is_empty() {
                return Some(Cow::Borrowed(*first));
            }
            // Merging is commutative and associative, so the copies' order
            // does not matter; they share an id, so it never fails.
            let merged = rest.iter().fold((*first).clone(), |acc, w| {
                merge_workshops(&acc, w).unwrap_or(acc)
            });
            Some(Cow::Owned(merged))
        })
        .collect();
    order::sort_by(&mut places, |a, b| {
        a.date.cmp(&b.date).then(a.id.cmp(&b.id))
    });
    places
}

/// How the resource kinds of these records match, with the matches made by
/// hand applied (see [`places_of`] for how records become places).
pub fn match_kinds(records: &[Workshop], mapping: &KindMapping) -> KindMatch {
    let places = places_of(records);
    let places: Vec<&Workshop> = places.iter().map(|p| p.as_ref()).collect();
    match_places(&places, mapping)
}

/// A group of kinds found to be one: who is in it, in what unit.
struct Group {
    unit: UnitKey,
    /// (place, kind) positions.
    members: Vec<(usize, usize)>,
    places: BTreeSet<usize>,
    by_hand: bool,
}

fn find(parent: &mut [usize], mut g: usize) -> usize {
    while parent[g] != g {
        parent[g] = parent[parent[g]];
        g = parent[g];
    }
    g
}

/// [`match_kinds`] for places already in place order (see [`places_of`]).
pub(crate) fn match_places(places: &[&Workshop], mapping: &KindMapping) -> KindMatch {
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: Vec<Vec<usize>> = Vec::with_capacity(places.len());
    let mut by_key: BTreeMap<(String, UnitKey), usize> = BTreeMap::new();
    for (p, w) in places.iter().enumerate() {
        let mut of_place = Vec::with_capacity(w.kinds.len());
        for (k, kind) in w.kinds.iter().enumerate() {
            let key = (fold_name(&kind.name), unit_key(&kind.unit));
            let unit = key.1.clone();
            let existing = by_key.get(&key).copied();
            let g = match existing {
                // A place's second kind of the same name stays apart: one
                // place's two kinds are never counted as one.
                Some(g) if !groups[g].places.contains(&p) => g,
                Some(_) => {
                    groups.push(Group::new(unit));
                    groups.len() - 1
                }
                None => {
                    groups.push(Group::new(unit));
                    by_key.insert(key, groups.len() - 1);
                    groups.len() - 1
                }
            };
            groups[g].members.push((p, k));
            groups[g].places.insert(p);
            of_place.push(g);
        }
        group_of.push(of_place);
    }

    let place_index: BTreeMap<Id, usize> =
        places.iter().enumerate().map(|(p, w)| (w.id, p)).collect();
    let node = |r: &KindRef| -> Option<(usize, usize)> {
        let p = *place_index.get(&r.workshop)?;
        let k = places[p].kinds.iter().position(|k| k.id == r.kind_id)?;
        Some((p, k))
    };
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    let mut refused = Vec::new();
    for pair in &mapping.pairs {
        let refuse = |error| RefusedPair {
            pair: pair.clone(),
            error,
        };
        let Some((fp, fk)) = node(&pair.from) else {
            refused.push(refuse(MappingError::NotInComparison {
                kind: pair.from.clone(),
            }));
            continue;
        };
        let Some((tp, tk)) = node(&pair.to) else {
            refused.push(refuse(MappingError::NotInComparison {
                kind: pair.to.clone(),
            }));
            continue;
        };
        let a = find(&mut parent, group_of[fp][fk]);
        let b = find(&mut parent, group_of[tp][tk]);
        if a == b {
            continue;
        }
        if groups[a].unit != groups[b].unit {
            refused.push(refuse(MappingError::OtherUnit {
                from: places[fp].kinds[fk].unit.clone(),
                to: places[tp].kinds[tk].unit.clone(),
            }));
            continue;
        }
        if let Some(&p) = groups[a].places.intersection(&groups[b].places).next() {
            refused.push(refuse(MappingError::PlaceHasItAlready {
                workshop: places[p].id,
            }));
            continue;
        }
        let moved = std::mem::take(&mut groups[b].members);
        let moved_places = std::mem::take(&mut groups[b].places);
        groups[a].members.extend(moved);
        groups[a].places.extend(moved_places);
        groups[a].by_hand = true;
        parent[b] = a;
    }

    let mut roots: Vec<&mut Group> = groups
        .iter_mut()
        .enumerate()
        .filter(|(g, _)| parent[*g] == *g)
        .map(|(_, group)| group)
        .collect();
    for group in roots.iter_mut() {
        order::sort(&mut group.members);
    }
    order::sort_by_key(&mut roots, |g| g.members.first().copied());
    let kind_ref = |(p, k): (usize, usize)| KindRef {
        workshop: places[p].id,
        kind_id: places[p].kinds[k].id.clone(),
    };
    let matched: Vec<MatchedKind> = roots
        .iter()
        .map(|group| {
            let (p, k) = named_by(places, &group.members);
            let kind = &places[p].kinds[k];
            MatchedKind {
                name: kind.name.trim().to_string(),
                unit: kind.unit.clone(),
                members: group.members.iter().map(|&m| kind_ref(m)).collect(),
                by_hand: group.by_hand,
            }
        })
        .collect();

    let shared = |g: &Group| g.places.len() >= 2 || places.len() < 2;
    let mut kinds = Vec::new();
    let mut mismatches = Vec::new();
    for (group, kind) in roots.iter().zip(&matched) {
        if shared(group) {
            kinds.push(kind.clone());
            continue;
        }
        let Some(&(p, k)) = group.members.first() else {
            continue;
        };
        let mut candidates: Vec<Candidate> = roots
            .iter()
            .zip(&matched)
            .filter(|(other, _)| other.unit == group.unit && !other.places.contains(&p))
            .filter_map(|(other, m)| {
                Some(Candidate {
                    kind: m.members.first()?.clone(),
                    name: m.name.clone(),
                    places: other.places.len(),
                })
            })
            .collect();
        // Stable: kinds of as many places stay in place order.
        order::sort_by_key(&mut candidates, |c| std::cmp::Reverse(c.places));
        let own = &places[p].kinds[k];
        mismatches.push(Mismatch {
            kind: kind_ref((p, k)),
            name: own.name.clone(),
            unit: own.unit.clone(),
            candidates,
        });
    }
    KindMatch {
        kinds,
        mismatches,
        refused,
    }
}

impl Group {
    fn new(unit: UnitKey) -> Group {
        Group {
            unit,
            members: Vec::new(),
            places: BTreeSet::new(),
            by_hand: false,
        }
    }
}

/// Which member names a group: the folded name most members share, written
/// as the first of them (in place order) writes it.
fn named_by(places: &[&Workshop], members: &[(usize, usize)]) -> (usize, usize) {
    let mut counts: BTreeMap<String, (usize, (usize, usize))> = BTreeMap::new();
    for &(p, k) in members {
        let entry = counts
            .entry(fold_name(&places[p].kinds[k].name))
            .or_insert((0, (p, k)));
        entry.0 += 1;
    }
    counts
        .into_values()
        .max_by(|(n1, m1), (n2, m2)| n1.cmp(n2).then(m2.cmp(m1)))
        .map(|(_, m)| m)
        .unwrap_or((0, 0))
}

impl KindMapping {
    /// No matches made by hand.
    pub fn new() -> KindMapping {
        KindMapping::default()
    }

    /// Whether no match was made by hand.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The mapping with `from` matched by hand with `to` (in place of any
    /// earlier match of `from`), or why that cannot hold for these records:
    /// a kind not among them, another unit, or a place that would count two
    /// of its kinds as one.
    pub fn with(
        &self,
        records: &[Workshop],
        from: KindRef,
        to: KindRef,
    ) -> Result<KindMapping, MappingError> {
        let mut next = self.without(&from);
        let pair = KindPair { from, to };
        next.pairs.push(pair.clone());
        // Earlier matches are applied first, so only the new one can fail.
        match match_kinds(records, &next)
            .refused
            .into_iter()
            .find(|r| r.pair == pair)
        {
            Some(refused) => Err(refused.error),
            None => Ok(next),
        }
    }

    /// The mapping without the match made for `from`.
    pub fn without(&self, from: &KindRef) -> KindMapping {
        KindMapping {
            pairs: self
                .pairs
                .iter()
                .filter(|p| p.from != *from)
                .cloned()
                .collect(),
        }
    }
}
