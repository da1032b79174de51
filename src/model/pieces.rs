//! The workshop as the pieces a device stores: the set-up (everything but the
//! ballots, as a working copy), the order of the ballots, and each ballot on
//! its own as a compact ballot code. A slider tick then rewrites one ballot of
//! about 200 characters instead of the whole record, and 10,000 participants
//! take about 2.3 million characters, which fits a browser's local storage
//! (about 5 million); the same workshop as JSON would not.
//!
//! Everything read back passes the same checks as an import.

use std::collections::HashMap;

use super::ballot_code::{decode_ballot, encode_ballot};
use super::id::Id;
use super::order;
use super::parse::ImportError;
use super::problem::{Place, Problem};
use super::record::{import_json, working_copy_json};
use super::rules::validate;
use super::time::Timestamp;
use super::workshop::{Ballot, Workshop};

/// The set-up piece: the workshop without its ballots, as a working copy.
/// The workshop's last change is left out (it moves with every tick) and
/// kept in a piece of its own, [`updated_piece`].
pub fn setup_piece(workshop: &Workshop) -> String {
    let mut setup = workshop.with_only_ballots(|_| false);
    setup.updated_at = setup.created_at;
    working_copy_json(&setup)
}

/// The workshop's last change, as RFC 3339.
pub fn updated_piece(workshop: &Workshop) -> String {
    workshop.updated_at.to_rfc3339()
}

/// The order piece: the ballots' ids, in the workshop's order, comma-separated.
pub fn order_piece(workshop: &Workshop) -> String {
    let ids: Vec<String> = workshop.ballots.iter().map(|b| b.id.to_string()).collect();
    ids.join(",")
}

/// One ballot's piece: its compact code.
pub fn ballot_piece(ballot: &Ballot) -> String {
    encode_ballot(ballot)
}

/// Puts a workshop together from its stored pieces and checks it like an
/// import. `ballot` gives the stored piece of a ballot id, if there is one.
pub fn from_pieces(
    setup: &str,
    updated: &str,
    order: &str,
    ballot: impl Fn(Id) -> Option<String>,
) -> Result<Workshop, ImportError> {
    let mut workshop = import_json(setup)?;
    workshop.updated_at = Timestamp::parse(updated)
        .ok_or_else(|| invalid(Place::StoredLastChange, Problem::NotATime))?;
    if !workshop.ballots.is_empty() {
        return Err(invalid(Place::StoredSetup, Problem::BallotsInSetup));
    }
    for (index, text) in order.split(',').filter(|t| !t.is_empty()).enumerate() {
        let place = || Place::StoredBallot(index + 1);
        let id = Id::parse(text).ok_or_else(|| invalid(place(), Problem::NotAnId))?;
        let piece = ballot(id).ok_or_else(|| invalid(place(), Problem::Missing))?;
        let decoded = decode_ballot(&piece).map_err(|e| stored_at(place(), e))?;
        if decoded.id != id {
            return Err(invalid(place(), Problem::UnderAnotherId));
        }
        workshop.ballots.push(decoded);
    }
    validate(&workshop)?;
    Ok(workshop)
}

/// A stored ballot code's error at its place in storage, rather than at "the code".
fn stored_at(place: Place, error: ImportError) -> ImportError {
    match error {
        ImportError::Invalid { reason, .. } => invalid(place, reason),
        other => other,
    }
}

fn invalid(place: Place, reason: Problem) -> ImportError {
    ImportError::invalid(place, reason)
}

/// A whole workshop as one text of pieces (the set-up on the first line, its
/// last change on the second, then one ballot code a line): compact, for the
/// copy kept before a replacement.
pub fn bundle(workshop: &Workshop) -> String {
    let mut text = setup_piece(workshop);
    text.push('\n');
    text.push_str(&updated_piece(workshop));
    for ballot in &workshop.ballots {
        text.push('\n');
        text.push_str(&ballot_piece(ballot));
    }
    text
}

/// Reads a [`bundle`] back, checked like an import.
pub fn from_bundle(text: &str) -> Result<Workshop, ImportError> {
    let mut lines = text.lines();
    let setup = lines.next().unwrap_or_default();
    let updated = lines.next().unwrap_or_default();
    let mut order = Vec::new();
    let mut codes = HashMap::new();
    for (index, code) in lines.enumerate() {
        let ballot =
            decode_ballot(code).map_err(|e| stored_at(Place::StoredBallot(index + 1), e))?;
        order.push(ballot.id.to_string());
        codes.insert(ballot.id, code.to_string());
    }
    from_pieces(setup, updated, &order.join(","), |id| {
        codes.get(&id).cloned()
    })
}

/// What is in storage now, so a save writes only the pieces that changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredPieces {
    /// The set-up piece as stored.
    pub setup: String,
    /// The workshop's last change as stored.
    pub updated: String,
    /// The order piece as stored.
    pub order: String,
    /// Each stored ballot's last change.
    pub ballots: HashMap<Id, Timestamp>,
}

/// The writes that bring storage from what it holds to a workshop.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PieceWrites {
    /// The new set-up piece, if it changed.
    pub setup: Option<String>,
    /// The workshop's new last change, if it changed.
    pub updated: Option<String>,
    /// The new order piece, if it changed.
    pub order: Option<String>,
    /// Ballots to write (new or changed), with their pieces.
    pub ballots: Vec<(Id, String)>,
    /// Ballots stored that the workshop no longer has.
    pub removed: Vec<Id>,
}

impl PieceWrites {
    /// Whether storage already holds the workshop.
    pub fn is_empty(&self) -> bool {
        self.setup.is_none()
            && self.updated.is_none()
            && self.order.is_none()
            && self.ballots.is_empty()
            && self.removed.is_empty()
    }
}

impl StoredPieces {
    /// What storage holds after writing `workshop` whole.
    pub fn of(workshop: &Workshop) -> StoredPieces {
        StoredPieces {
            setup: setup_piece(workshop),
            updated: updated_piece(workshop),
            order: order_piece(workshop),
            ballots: workshop
                .ballots
                .iter()
                .map(|b| (b.id, b.updated_at))
                .collect(),
        }
    }

    /// The writes that bring storage from this to `workshop`: a ballot is
    /// written when it is new or its last change differs.
    pub fn writes_for(&self, workshop: &Workshop) -> PieceWrites {
        let setup = setup_piece(workshop);
        let updated = updated_piece(workshop);
        let order = order_piece(workshop);
        let ballots = workshop
            .ballots
            .iter()
            .filter(|b| self.ballots.get(&b.id) != Some(&b.updated_at))
            .map(|b| (b.id, ballot_piece(b)))
            .collect();
        let kept: std::collections::HashSet<Id> = workshop.ballots.iter().map(|b| b.id).collect();
        let mut removed: Vec<Id> = self
            .ballots
            .keys()
            .filter(|id| !kept.contains(id))
            .copied()
            .collect();
        order::sort(&mut removed);
        PieceWrites {
            setup: (setup != self.setup).then_some(setup),
            updated: (updated != self.updated).then_some(updated),
            order: (order != self.order).then_some(order),
            ballots,
            removed,
        }
    }

    /// The writes after a change to one ballot alone (a slider tick): that
    /// ballot and the workshop's last change, found without visiting every
    /// ballot, so a tick costs the same in a room of 2 or 10,000. Equal to
    /// [`StoredPieces::writes_for`] whenever nothing else changed since the
    /// last save, which is the caller's promise.
    pub fn writes_for_ballot(&self, workshop: &Workshop, ballot: Id) -> PieceWrites {
        let updated = updated_piece(workshop);
        let ballots = workshop
            .ballot(ballot)
            .filter(|b| self.ballots.get(&b.id) != Some(&b.updated_at))
            .map(|b| vec![(b.id, ballot_piece(b))])
            .unwrap_or_default();
        PieceWrites {
            updated: (updated != self.updated).then_some(updated),
            ballots,
            ..PieceWrites::default()
        }
    }

    /// Records that the writes for `workshop` reached storage.
    pub fn wrote(&mut self, workshop: &Workshop, writes: PieceWrites) {
        if let Some(setup) = writes.setup {
            self.setup = setup;
        }
        if let Some(updated) = writes.updated {
            self.updated = updated;
        }
        if let Some(order) = writes.order {
            self.order = order;
        }
        for id in writes.removed {
            self.ballots.remove(&id);
        }
        // A few writes (a tick) look their ballots up; many (a whole save) index them once.
        if writes.ballots.len() <= 8 {
            for (id, _) in writes.ballots {
                if let Some(b) = workshop.ballot(id) {
                    self.ballots.insert(id, b.updated_at);
                }
            }
            return;
        }
        let stamps: HashMap<Id, Timestamp> = workshop
            .ballots
            .iter()
            .map(|b| (b.id, b.updated_at))
            .collect();
        for (id, _) in writes.ballots {
            if let Some(at) = stamps.get(&id) {
                self.ballots.insert(id, *at);
            }
        }
    }
}
