//! Merging: ballots gathered from files, codes or other windows, and two copies
//! of the same workshop. Pure functions: each piece (set-up, an area's notes, a
//! ballot, the room controls, the decision) has one writer and a time stamp, so
//! the newer copy of each piece wins and an exact tie is broken by content. The
//! facilitator's moderation of participants' notes is the exception: it only
//! grows, and two copies merge by union (`NoteModeration::absorb`). Any order
//! of merges gives the same workshop.

use std::cmp::Ordering;

use super::id::Id;
use super::lowercase::lowercase;
use super::order;
use super::parse::ImportError;
use super::problem::Problem;
use super::resource::ResourceKind;
use super::rules::check_ballot;
use super::workshop::{AgreedDecision, Ballot, Session, Workshop};

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

/// Which of two signed copies of the same ballot to hold when they cannot be
/// mixed (live mode keeps a tablet's ballot as it signed it): the newer, and
/// on an exact tie the one [`settle_ballot`] leans to, so the choice does not
/// depend on the order of arrival.
pub fn newer_ballot<'a>(a: &'a Ballot, b: &'a Ballot) -> &'a Ballot {
    match a
        .updated_at
        .cmp(&b.updated_at)
        .then_with(|| ballot_but_allocations(a).cmp(&ballot_but_allocations(b)))
        .then_with(|| a.allocations.cmp(&b.allocations))
        .then_with(|| a.session.cmp(&b.session))
    {
        Ordering::Less => b,
        _ => a,
    }
}

/// Everything of a ballot but its stamp and allocations, to compare two
/// copies with the same stamp.
#[allow(clippy::type_complexity)]
fn ballot_but_allocations(
    b: &Ballot,
) -> (
    &Id,
    &str,
    &super::workshop::Role,
    &super::partnership::PartnershipRatings,
    &[super::notes::ParticipantNote],
    &std::collections::BTreeSet<Id>,
) {
    (
        &b.workshop_id,
        &b.participant,
        &b.role,
        &b.partnership,
        &b.notes,
        &b.agrees,
    )
}

/// Settles two copies of the same ballot into `mine`; says whether it changed.
/// The session a ballot came from is set once, when sessions are combined,
/// and never changes: it is settled on its own, the greater of the two (a
/// session over none), so no copy of the ballot that does not know it takes
/// it away, whatever the order of merges. Otherwise the newer copy wins. On an exact tie of stamps the greater of everything
/// but the allocations wins, and where that ties too each kind keeps the
/// greater of the two allocations. Not the greater whole: a kind removed
/// before or after two copies meet strips its allocation from both, and a
/// choice by whole content could then fall the other way, so the grouping of
/// merges would matter. Per kind, stripping and settling commute.
pub fn settle_ballot(mine: &mut Ballot, theirs: &Ballot) -> bool {
    let session = mine.session.max(theirs.session);
    let changed = settle_but_session(mine, theirs);
    if mine.session != session {
        mine.session = session;
        return true;
    }
    changed
}

/// [`settle_ballot`] of everything but the session.
fn settle_but_session(mine: &mut Ballot, theirs: &Ballot) -> bool {
    let order = mine
        .updated_at
        .cmp(&theirs.updated_at)
        .then_with(|| ballot_but_allocations(mine).cmp(&ballot_but_allocations(theirs)));
    match order {
        Ordering::Greater => false,
        Ordering::Less => {
            *mine = theirs.clone();
            true
        }
        Ordering::Equal => join_by_kind(&mut mine.allocations, &theirs.allocations),
    }
}

/// Keeps, per kind, the greater of two values (a kind in one map only is
/// taken in); says whether `mine` changed.
fn join_by_kind<V: Ord + Clone>(
    mine: &mut std::collections::BTreeMap<String, V>,
    theirs: &std::collections::BTreeMap<String, V>,
) -> bool {
    let mut changed = false;
    for (kind, value) in theirs {
        match mine.get_mut(kind) {
            Some(held) if *held >= *value => {}
            Some(held) => {
                *held = value.clone();
                changed = true;
            }
            None => {
                mine.insert(kind.clone(), value.clone());
                changed = true;
            }
        }
    }
    changed
}

/// Settles two copies of the agreed decision into `mine`, as
/// [`settle_ballot`] does a ballot: the newer wins; on an exact tie the
/// greater rationale, and where that ties too each kind's greater split.
fn settle_decision(mine: &mut AgreedDecision, theirs: &AgreedDecision) -> bool {
    match (mine.updated_at, &mine.rationale).cmp(&(theirs.updated_at, &theirs.rationale)) {
        Ordering::Greater => false,
        Ordering::Less => {
            *mine = theirs.clone();
            true
        }
        Ordering::Equal => join_by_kind(&mut mine.shares, &theirs.shares),
    }
}

/// Keeps ballots in a stable order people can scan: by name, then id.
pub fn sort_ballots(ballots: &mut [Ballot]) {
    order::sort_by_cached_key(ballots, |b| (lowercase(&b.participant), b.id));
}

/// Offers ballots to a workshop. A ballot of another workshop, or one that
/// breaks a rule, is refused with where and why; nothing already in the
/// workshop is lost; offering the same ballot twice changes nothing.
pub fn merge_ballots(workshop: &mut Workshop, incoming: Vec<Ballot>, source: &str) -> MergeReport {
    let mut report = MergeReport::default();
    let mut changed = false;
    // Note id → the ballot it is on, built only once a ballot with notes comes.
    let mut note_owners: Option<std::collections::HashMap<Id, Id>> = None;
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
            report.refused.push(ImportError::invalid(
                format!("{path}.workshop_id"),
                Problem::BallotOfOtherWorkshop {
                    participant: super::text::clip(&ballot.participant, 40),
                    found: ballot.workshop_id,
                    ours: workshop.id,
                },
            ));
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
        // Note ids are random, so one already on another ballot means a
        // crafted ballot: refused, so it cannot take over another's note.
        if !ballot.notes.is_empty() {
            let owners = note_owners.get_or_insert_with(|| owners_of(&workshop.ballots));
            if let Some(j) = ballot
                .notes
                .iter()
                .position(|n| owners.get(&n.id).is_some_and(|owner| *owner != ballot.id))
            {
                report.refused.push(ImportError::invalid(
                    format!("{path}.notes[{j}].id"),
                    Problem::AnothersNote {
                        note: ballot.notes[j].id,
                        participant: super::text::clip(&ballot.participant, 40),
                    },
                ));
                continue;
            }
            for n in &ballot.notes {
                owners.insert(n.id, ballot.id);
            }
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
                if settle_ballot(existing, &ballot) {
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

/// Every note id of these ballots → the ballot it is on.
fn owners_of(ballots: &[Ballot]) -> std::collections::HashMap<Id, Id> {
    ballots
        .iter()
        .flat_map(|b| b.notes.iter().map(move |n| (n.id, b.id)))
        .collect()
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

/// Merges two copies of the same workshop piece by piece. Commutative,
/// associative and idempotent, up to `updated_at`, which becomes the later of the two.
pub fn merge_workshops(a: &Workshop, b: &Workshop) -> Result<Workshop, NotTheSameWorkshop> {
    let mut out = a.clone();
    merge_into(&mut out, b)?;
    Ok(out)
}

/// Merges `theirs` into `ours` in place, exactly as [`merge_workshops`] would,
/// and says whether `ours` changed. A window that takes in another's change
/// uses this, so a room of 1,000 is not copied on every tick elsewhere.
pub fn merge_into(ours: &mut Workshop, theirs: &Workshop) -> Result<bool, NotTheSameWorkshop> {
    if ours.id != theirs.id {
        return Err(NotTheSameWorkshop {
            ours: ours.id,
            theirs: theirs.id,
        });
    }
    let mut changed = false;
    // A kind removed in either copy stays removed, even when the winning
    // set-up is a window's that never saw the removal: tombstones only grow,
    // so the grouping of merges cannot matter. Both set-ups are read without
    // removed kinds before one is chosen. (Should every kind of a set-up have
    // been removed in some window, they stay: a workshop needs a kind.)
    // Both lists are kept in order, so the union goes in by binary search
    // (no general sort: that alone would weigh 11 KB in the tablet's module).
    for id in &theirs.removed_kinds {
        if let Err(at) = ours.removed_kinds.binary_search(id) {
            ours.removed_kinds.insert(at, id.clone());
            changed = true;
        }
    }
    let removed_kinds = ours.removed_kinds.clone();
    let live = |kinds: &[ResourceKind]| -> Option<Vec<ResourceKind>> {
        let gone = |k: &ResourceKind| removed_kinds.binary_search(&k.id).is_ok();
        (kinds.iter().any(gone) && !kinds.iter().all(gone))
            .then(|| kinds.iter().filter(|k| !gone(k)).cloned().collect())
    };
    if let Some(kinds) = live(&ours.kinds) {
        ours.kinds = kinds;
        changed = true;
    }
    let their_kinds = live(&theirs.kinds);
    let their_kinds = their_kinds.as_deref().unwrap_or(&theirs.kinds);

    // The set-up is one piece: name, place, date, catalogue, kinds and the
    // partnership check.
    let take_their_setup = match ours.setup_updated_at.cmp(&theirs.setup_updated_at) {
        Ordering::Less => true,
        Ordering::Greater => false,
        Ordering::Equal => setup_text(theirs, their_kinds) > setup_text(ours, &ours.kinds),
    };
    if take_their_setup {
        changed |= assign(&mut ours.name, &theirs.name);
        changed |= assign(&mut ours.place, &theirs.place);
        changed |= assign(&mut ours.date, &theirs.date);
        changed |= assign(&mut ours.catalogue, &theirs.catalogue);
        if ours.kinds != their_kinds {
            ours.kinds = their_kinds.to_vec();
            changed = true;
        }
        changed |= assign(&mut ours.partnership_check, &theirs.partnership_check);
    }
    let setup_updated_at = ours.setup_updated_at.max(theirs.setup_updated_at);
    let created_at = ours.created_at.min(theirs.created_at);
    let updated_at = ours.updated_at.max(theirs.updated_at);
    changed |= assign(&mut ours.setup_updated_at, &setup_updated_at);
    changed |= assign(&mut ours.created_at, &created_at);
    changed |= assign(&mut ours.updated_at, &updated_at);

    for (area, notes) in &theirs.notes {
        match ours.notes.get_mut(area) {
            Some(mine) => changed |= take_newer(mine, |n| &n.updated_at, notes),
            None => {
                ours.notes.insert(*area, notes.clone());
                changed = true;
            }
        }
    }
    changed |= take_newer(&mut ours.room, |r| &r.updated_at, &theirs.room);
    // Not newer-wins: every hide, merge and approval of either copy is kept,
    // so a hide made anywhere wins over everything.
    changed |= ours.moderation.absorb(&theirs.moderation);
    changed |= absorb_sessions(&mut ours.sessions, &theirs.sessions);

    // Allocations and decisions of kinds no longer in the workshop go, in
    // both copies before they are compared, so which copy of a ballot wins
    // never depends on what an earlier merge stripped.
    let kinds: Vec<String> = ours.kinds.iter().map(|k| k.id.clone()).collect();
    let known = |kind_id: &String| kinds.contains(kind_id);
    for ballot in &mut ours.ballots {
        changed |= strip_unknown(&mut ballot.allocations, known);
    }
    if let Some(d) = &mut ours.agreed_decision {
        changed |= strip_unknown(&mut d.shares, known);
    }
    // Clearing the decision wins over every copy of it recorded before (or at)
    // the clearing, wherever the copies meet; one recorded after it wins.
    let cleared = ours.decision_cleared_at.max(theirs.decision_cleared_at);
    changed |= assign(&mut ours.decision_cleared_at, &cleared);
    let still_agreed = |d: &AgreedDecision| cleared.is_none_or(|c| d.updated_at > c);
    if ours
        .agreed_decision
        .as_ref()
        .is_some_and(|d| !still_agreed(d))
    {
        ours.agreed_decision = None;
        changed = true;
    }
    let their_decision = theirs
        .agreed_decision
        .as_ref()
        .filter(|d| still_agreed(d))
        .map(|d| {
            let mut d = d.clone();
            strip_unknown(&mut d.shares, known);
            d
        });
    match (&mut ours.agreed_decision, &their_decision) {
        (Some(mine), Some(other)) => changed |= settle_decision(mine, other),
        (None, Some(other)) => {
            ours.agreed_decision = Some(other.clone());
            changed = true;
        }
        (_, None) => {}
    }

    let mut removed = ours.removed_ballots.clone();
    removed.extend(theirs.removed_ballots.iter().copied());
    order::sort(&mut removed);
    removed.dedup();
    changed |= assign(&mut ours.removed_ballots, &removed);
    changed |= merge_ballot_lists(ours, &theirs.ballots, |b| {
        if b.allocations.keys().all(known) {
            std::borrow::Cow::Borrowed(b)
        } else {
            let mut b = b.clone();
            strip_unknown(&mut b.allocations, known);
            std::borrow::Cow::Owned(b)
        }
    });
    Ok(changed)
}

/// Takes in the sessions of another copy: every session of either, in order
/// of id; two copies of one session (never different, unless a file was
/// edited) settle on the greater. Says whether `mine` changed.
pub fn absorb_sessions(mine: &mut Vec<Session>, theirs: &[Session]) -> bool {
    let mut changed = false;
    for session in theirs {
        match mine.binary_search_by(|s| s.id.cmp(&session.id)) {
            Ok(at) => {
                if mine[at] < *session {
                    mine[at] = session.clone();
                    changed = true;
                }
            }
            Err(at) => {
                mine.insert(at, session.clone());
                changed = true;
            }
        }
    }
    changed
}

/// Removes the entries of kinds `known` does not know; says whether any went.
fn strip_unknown<V>(
    by_kind: &mut std::collections::BTreeMap<String, V>,
    known: impl Fn(&String) -> bool,
) -> bool {
    if by_kind.keys().all(&known) {
        return false;
    }
    by_kind.retain(|kind_id, _| known(kind_id));
    true
}

/// The set-up as text (with `kinds`, read without removed ones), to break an
/// exact tie of stamps by content. The kinds come last: a kind removed later
/// strips them, and what comes first should decide whenever it can.
fn setup_text(w: &Workshop, kinds: &[ResourceKind]) -> String {
    let setup = (
        &w.name,
        &w.place,
        &w.date,
        &w.catalogue.id,
        &w.catalogue.version,
        w.partnership_check,
        kinds,
    );
    serde_json::to_string(&setup).unwrap_or_default()
}

/// Puts `value` in `slot` if it differs; says whether it did.
fn assign<T: PartialEq + Clone>(slot: &mut T, value: &T) -> bool {
    if slot == value {
        return false;
    }
    *slot = value.clone();
    true
}

/// Keeps the newer of two stamped pieces in `mine` (an exact tie goes to the
/// greater content); says whether `theirs` replaced it.
fn take_newer<T: Ord + Clone, S: Ord>(mine: &mut T, stamp: impl Fn(&T) -> &S, theirs: &T) -> bool {
    let theirs_wins = stamp(mine)
        .cmp(stamp(theirs))
        .then_with(|| (*mine).cmp(theirs))
        == Ordering::Less;
    if theirs_wins {
        *mine = theirs.clone();
    }
    theirs_wins
}

/// Takes in the newer copy of every ballot of `theirs` (as `normal` gives it:
/// without allocations of kinds no longer in the workshop), leaves out removed
/// ones, and leaves the ballots in merge order; says whether anything changed.
fn merge_ballot_lists<'t>(
    ours: &mut Workshop,
    theirs: &'t [Ballot],
    normal: impl Fn(&'t Ballot) -> std::borrow::Cow<'t, Ballot>,
) -> bool {
    let removed = &ours.removed_ballots;
    let is_removed = |id: &Id| removed.binary_search(id).is_ok();
    let before = ours.ballots.len();
    ours.ballots.retain(|b| !is_removed(&b.id));
    let mut changed = ours.ballots.len() != before;
    // Where each ballot id sits; two copies of one ballot become the newer one.
    let mut index: std::collections::HashMap<Id, usize> =
        std::collections::HashMap::with_capacity(ours.ballots.len() + theirs.len());
    let mut duplicates = Vec::new();
    for (at, ballot) in ours.ballots.iter().enumerate() {
        match index.get(&ballot.id) {
            Some(&kept) => duplicates.push((kept, at)),
            None => {
                index.insert(ballot.id, at);
            }
        }
    }
    if !duplicates.is_empty() {
        for &(kept, at) in &duplicates {
            let other = ours.ballots[at].clone();
            settle_ballot(&mut ours.ballots[kept], &other);
        }
        let mut seen = std::collections::HashSet::new();
        ours.ballots.retain(|b| seen.insert(b.id));
        index = ours
            .ballots
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id, i))
            .collect();
        changed = true;
    }
    for ballot in theirs {
        if is_removed(&ballot.id) {
            continue;
        }
        let ballot = normal(ballot);
        let ballot = ballot.as_ref();
        match index.get(&ballot.id) {
            Some(&at) => {
                changed |= settle_ballot(&mut ours.ballots[at], ballot);
            }
            None => {
                index.insert(ballot.id, ours.ballots.len());
                ours.ballots.push(ballot.clone());
                changed = true;
            }
        }
    }
    let keys: Vec<(String, Id)> = ours
        .ballots
        .iter()
        .map(|b| (lowercase(&b.participant), b.id))
        .collect();
    if !keys.windows(2).all(|pair| pair[0] <= pair[1]) {
        sort_ballots(&mut ours.ballots);
        changed = true;
    }
    changed
}
