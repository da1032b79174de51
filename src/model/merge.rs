//! Merging: ballots gathered from files, codes or other windows, and two copies
//! of the same workshop. Pure functions: each piece (set-up, an area's notes, a
//! ballot, the room controls, the decision) has one writer and a time stamp, so
//! the newer copy of each piece wins and an exact tie is broken by content. Any
//! order of merges gives the same workshop.

use std::cmp::Ordering;

use super::id::Id;
use super::parse::ImportError;
use super::rules::check_ballot;
use super::workshop::{Ballot, Workshop};

/// What happened to each ballot offered to a workshop.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Ballots new to the workshop.
    pub added: usize,
    /// Ballots that replaced an older copy.
    pub updated: usize,
    /// Ballots the workshop already had (the same or a newer copy).
    pub unchanged: usize,
    /// Ballots of people the facilitator removed, left out.
    pub removed: usize,
    /// Ballots refused, with why: another workshop's, or broken.
    pub refused: Vec<ImportError>,
}

impl MergeReport {
    /// Adds another report's counts to this one.
    pub fn absorb(&mut self, other: MergeReport) {
        self.added += other.added;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
        self.removed += other.removed;
        self.refused.extend(other.refused);
    }
}

/// Which of two copies of the same ballot wins: the newer, or on an exact tie
/// the greater content, so the choice does not depend on the order of arrival.
pub fn newer_ballot<'a>(a: &'a Ballot, b: &'a Ballot) -> &'a Ballot {
    match a.updated_at.cmp(&b.updated_at).then_with(|| a.cmp(b)) {
        Ordering::Less => b,
        _ => a,
    }
}

/// Keeps ballots in a stable order people can scan: by name, then id.
pub fn sort_ballots(ballots: &mut [Ballot]) {
    ballots.sort_by_cached_key(|b| (b.participant.to_lowercase(), b.id));
}

/// Offers ballots to a workshop. A ballot of another workshop, or one that
/// breaks a rule, is refused with where and why; nothing already in the
/// workshop is lost; offering the same ballot twice changes nothing.
pub fn merge_ballots(workshop: &mut Workshop, incoming: Vec<Ballot>, source: &str) -> MergeReport {
    let mut report = MergeReport::default();
    let mut changed = false;
    // Where each ballot id sits, so gathering thousands stays linear.
    let mut index: std::collections::HashMap<Id, usize> = workshop
        .ballots
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id, i))
        .collect();
    for (i, ballot) in incoming.into_iter().enumerate() {
        let path = format!("{source}[{i}]");
        if ballot.workshop_id != workshop.id {
            report.refused.push(ImportError::Invalid {
                path: format!("{path}.workshop_id"),
                reason: format!(
                    "this ballot of {} belongs to another workshop ({}), not this one ({})",
                    super::text::clip(&ballot.participant, 40),
                    ballot.workshop_id.short(),
                    workshop.id.short()
                ),
            });
            continue;
        }
        if let Err(e) = check_ballot(workshop, &ballot, &path) {
            report.refused.push(e);
            continue;
        }
        if workshop.removed_ballots.contains(&ballot.id) {
            report.removed += 1;
            continue;
        }
        match index
            .get(&ballot.id)
            .and_then(|&at| workshop.ballots.get_mut(at))
        {
            None => {
                index.insert(ballot.id, workshop.ballots.len());
                workshop.ballots.push(ballot);
                report.added += 1;
                changed = true;
            }
            Some(existing) => {
                if *existing != ballot && std::ptr::eq(newer_ballot(existing, &ballot), &ballot) {
                    *existing = ballot;
                    report.updated += 1;
                    changed = true;
                } else {
                    report.unchanged += 1;
                }
            }
        }
    }
    if changed {
        sort_ballots(&mut workshop.ballots);
    }
    report
}

/// Why two workshops cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotTheSameWorkshop {
    /// The id of the one on this device.
    pub ours: Id,
    /// The id of the other.
    pub theirs: Id,
}

impl std::fmt::Display for NotTheSameWorkshop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "These are two different workshops ({} and {}), so they cannot be merged.",
            self.ours.short(),
            self.theirs.short()
        )
    }
}

/// Picks the newer of two stamped pieces; an exact tie goes to the greater content.
fn newer<T: Ord + Clone, S: Ord>(a: (&S, &T), b: (&S, &T)) -> T {
    match a.0.cmp(b.0).then_with(|| a.1.cmp(b.1)) {
        Ordering::Less => b.1.clone(),
        _ => a.1.clone(),
    }
}

/// Merges two copies of the same workshop piece by piece. Commutative,
/// associative and idempotent, up to `updated_at`, which becomes the later of the two.
pub fn merge_workshops(a: &Workshop, b: &Workshop) -> Result<Workshop, NotTheSameWorkshop> {
    if a.id != b.id {
        return Err(NotTheSameWorkshop {
            ours: a.id,
            theirs: b.id,
        });
    }
    // The set-up is one piece: name, place, date, catalogue and kinds.
    let setup_a = (
        &a.name,
        &a.place,
        &a.date,
        &a.catalogue.id,
        &a.catalogue.version,
        &a.kinds,
    );
    let setup_b = (
        &b.name,
        &b.place,
        &b.date,
        &b.catalogue.id,
        &b.catalogue.version,
        &b.kinds,
    );
    let take_b_setup = match a.setup_updated_at.cmp(&b.setup_updated_at) {
        Ordering::Less => true,
        Ordering::Greater => false,
        Ordering::Equal => {
            serde_json::to_string(&setup_b).unwrap_or_default()
                > serde_json::to_string(&setup_a).unwrap_or_default()
        }
    };
    let base = if take_b_setup { b } else { a };
    let mut out = base.clone();
    out.setup_updated_at = a.setup_updated_at.max(b.setup_updated_at);
    out.created_at = a.created_at.min(b.created_at);
    out.updated_at = a.updated_at.max(b.updated_at);

    out.notes = a.notes.clone();
    for (area, notes) in &b.notes {
        let merged = match a.notes.get(area) {
            Some(mine) => newer((&mine.updated_at, mine), (&notes.updated_at, notes)),
            None => notes.clone(),
        };
        out.notes.insert(*area, merged);
    }

    out.room = newer((&a.room.updated_at, &a.room), (&b.room.updated_at, &b.room));
    out.agreed_decision = match (&a.agreed_decision, &b.agreed_decision) {
        (Some(x), Some(y)) => Some(newer((&x.updated_at, x), (&y.updated_at, y))),
        (Some(x), None) | (None, Some(x)) => Some(x.clone()),
        (None, None) => None,
    };

    let mut removed = a.removed_ballots.clone();
    removed.extend(b.removed_ballots.iter().copied());
    removed.sort();
    removed.dedup();
    let mut ballots: Vec<Ballot> = Vec::with_capacity(a.ballots.len().max(b.ballots.len()));
    let mut by_id: std::collections::BTreeMap<Id, &Ballot> = std::collections::BTreeMap::new();
    for ballot in a.ballots.iter().chain(b.ballots.iter()) {
        if removed.binary_search(&ballot.id).is_ok() {
            continue;
        }
        by_id
            .entry(ballot.id)
            .and_modify(|kept| *kept = newer_ballot(kept, ballot))
            .or_insert(ballot);
    }
    ballots.extend(by_id.into_values().cloned());
    sort_ballots(&mut ballots);
    out.ballots = ballots;
    out.removed_ballots = removed;
    // Kinds removed in the winning set-up take their allocations with them.
    for ballot in &mut out.ballots {
        ballot
            .allocations
            .retain(|kind_id, _| base.kinds.iter().any(|k| &k.id == kind_id));
    }
    if let Some(d) = &mut out.agreed_decision {
        d.shares
            .retain(|kind_id, _| base.kinds.iter().any(|k| &k.id == kind_id));
    }
    Ok(out)
}
