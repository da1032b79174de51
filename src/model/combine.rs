//! Combining sessions: several decision records of workshops that used the
//! same resource kinds (a locality's morning and evening, or one per
//! locality) become one combined workshop that holds every ballot, each with
//! the session it came from, so the room's results can be shown for all of
//! them together and for each session, and a new decision agreed.
//!
//! The result depends only on the set of records and the matches made by
//! hand, never on their order or on a record given twice: records are taken
//! by workshop id ([`places_of`] merges copies of one workshop), the combined
//! workshop's id is worked out from its sessions' ids, and every piece is
//! joined by a rule that no order changes (sessions and removals by union,
//! two copies of one ballot settled as [`settle_ballot`] does).

use std::collections::{BTreeMap, BTreeSet};

use super::aggregate::{aggregate, KindAggregate};
use super::id::Id;
use super::kind_match::{match_places, places_of, KindMapping};
use super::merge::{absorb_sessions, settle_ballot, sort_ballots};
use super::parse::ImportError;
use super::resource::Unit;
use super::rules::validate;
use super::workshop::{Ballot, RoomControls, Session, Workshop};

/// A resource kind that not every record has (after the matches made by
/// hand), so the records cannot be combined until it is matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindGap {
    /// The kind's name, as the first record that has it writes it.
    pub name: String,
    /// Its unit.
    pub unit: Unit,
    /// How many of the records have it.
    pub records: usize,
    /// How many records there are.
    pub of: usize,
}

/// Why records cannot be combined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CombineError {
    /// No record was given.
    NoRecords,
    /// Some resource kinds are not in every record: match them by hand.
    KindsDiffer {
        /// Each such kind, in the order the records list them.
        kinds: Vec<KindGap>,
    },
    /// The combined workshop would break a rule (more ballots than a
    /// workshop may hold, say).
    Invalid(ImportError),
}

impl std::fmt::Display for CombineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CombineError::NoRecords => f.write_str("there are no records to combine"),
            CombineError::KindsDiffer { kinds } => {
                f.write_str("not every record has these resource kinds: ")?;
                for (i, k) in kinds.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{} ({} of {} records)", k.name, k.records, k.of)?;
                }
                Ok(())
            }
            CombineError::Invalid(e) => write!(f, "the combined workshop is not valid: {e}"),
        }
    }
}

impl std::error::Error for CombineError {}

/// The sessions a record brings: its own sessions if it was itself combined,
/// else the one session it is.
pub fn sessions_of(w: &Workshop) -> Vec<Session> {
    if w.sessions.is_empty() {
        vec![Session::of(w)]
    } else {
        w.sessions.clone()
    }
}

/// The id of the workshop that combines these sessions: the same sessions
/// always give the same id, and any other set another (a 128-bit FNV-1a
/// hash of their ids, in order, after a tag of its own).
pub fn combined_id(sessions: &BTreeSet<Id>) -> Id {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut hash = OFFSET;
    let tag = b"co-produce combined sessions";
    let bytes = sessions.iter().flat_map(|id| id.0.to_be_bytes());
    for byte in tag.iter().copied().chain(bytes) {
        hash ^= u128::from(byte);
        hash = hash.wrapping_mul(PRIME);
    }
    Id(hash)
}

/// Combines decision records into one workshop. Each ballot keeps its id and
/// gets the session it came from (a combined record's ballots keep theirs),
/// and its allocations are keyed by the combined workshop's kind ids, which
/// are those of the lead record (the one with the most sessions, then the
/// smallest session id): the kinds, names, place, date, catalogue and the
/// partnership check are the lead's. Room notes and the agreed decision of
/// the sessions are not taken: the combined room makes its own. Each note's
/// moderation (a hide, a merge, an approval) is kept, as a hide always wins.
///
/// Combining a combined record with any of its own sources gives that
/// record again (with any ballot changed since settled in), so it keeps its
/// notes and decision; any order or repetition of the records gives the
/// same workshop.
pub fn combine(records: &[Workshop], mapping: &KindMapping) -> Result<Workshop, CombineError> {
    let places = places_of(records);
    let places: Vec<&Workshop> = places.iter().map(|p| p.as_ref()).collect();
    let Some(lead) = lead_of(&places) else {
        return Err(CombineError::NoRecords);
    };
    let mut sessions = Vec::new();
    for place in &places {
        absorb_sessions(&mut sessions, &sessions_of(place));
    }
    let id = combined_id(&sessions.iter().map(|s| s.id).collect());
    let kind_ids = kinds_of_lead(&places, lead, mapping)?;

    let mut out = match places.iter().find(|p| p.id == id) {
        Some(same) => (*same).clone(),
        None => fresh(lead, id, &places),
    };
    absorb_sessions(&mut out.sessions, &sessions);
    let mut removed: BTreeSet<Id> = out.removed_ballots.iter().copied().collect();
    for place in &places {
        out.moderation.absorb(&place.moderation);
        removed.extend(place.removed_ballots.iter().copied());
    }
    let mut ballots: BTreeMap<Id, Ballot> = out.ballots.drain(..).map(|b| (b.id, b)).collect();
    for place in &places {
        for b in &place.ballots {
            let mut b = b.clone();
            b.workshop_id = id;
            if place.sessions.is_empty() {
                b.session = Some(place.id);
            }
            b.allocations = std::mem::take(&mut b.allocations)
                .into_iter()
                .filter_map(|(kind, a)| {
                    let to = kind_ids.get(&(place.id, kind))?;
                    Some((to.clone(), a))
                })
                .collect();
            match ballots.get_mut(&b.id) {
                Some(held) => {
                    settle_ballot(held, &b);
                }
                None => {
                    ballots.insert(b.id, b);
                }
            }
        }
    }
    out.ballots = ballots
        .into_values()
        .filter(|b| !removed.contains(&b.id))
        .collect();
    sort_ballots(&mut out.ballots);
    out.removed_ballots = removed.into_iter().collect();
    validate(&out).map_err(CombineError::Invalid)?;
    Ok(out)
}

/// The record whose set-up the combined workshop takes: the one with the
/// most sessions (so a combined record leads its own sources), then the one
/// with the smallest session id, then the smallest workshop id.
fn lead_of<'w>(places: &[&'w Workshop]) -> Option<&'w Workshop> {
    let key = |w: &Workshop| {
        let first = w.sessions.first().map_or(w.id, |s| s.id);
        (std::cmp::Reverse(w.sessions.len().max(1)), first, w.id)
    };
    places.iter().copied().min_by_key(|w| key(w))
}

/// Each record's kind (by workshop id and kind id) → the lead's kind id, or
/// the kinds that not every record has.
fn kinds_of_lead(
    places: &[&Workshop],
    lead: &Workshop,
    mapping: &KindMapping,
) -> Result<BTreeMap<(Id, String), String>, CombineError> {
    let matched = match_places(places, mapping);
    let of = places.len();
    let mut gaps: Vec<KindGap> = matched
        .kinds
        .iter()
        .filter(|k| k.members.len() < of)
        .map(|k| KindGap {
            name: k.name.clone(),
            unit: k.unit.clone(),
            records: k.members.len(),
            of,
        })
        .collect();
    gaps.extend(matched.mismatches.iter().map(|m| KindGap {
        name: m.name.trim().to_string(),
        unit: m.unit.clone(),
        records: 1,
        of,
    }));
    if !gaps.is_empty() {
        return Err(CombineError::KindsDiffer { kinds: gaps });
    }
    let mut map = BTreeMap::new();
    for kind in &matched.kinds {
        let Some(to) = kind.kind_id_of(lead.id) else {
            continue;
        };
        for member in &kind.members {
            map.insert((member.workshop, member.kind_id.clone()), to.to_string());
        }
    }
    Ok(map)
}

/// A new combined workshop with the lead's set-up and nothing else yet.
fn fresh(lead: &Workshop, id: Id, places: &[&Workshop]) -> Workshop {
    let created_at = places.iter().map(|p| p.created_at).min();
    let updated_at = places.iter().map(|p| p.updated_at).max();
    Workshop {
        id,
        name: lead.name.clone(),
        place: lead.place.clone(),
        date: lead.date.clone(),
        catalogue: lead.catalogue.clone(),
        kinds: lead.kinds.clone(),
        partnership_check: lead.partnership_check,
        notes: BTreeMap::new(),
        sessions: Vec::new(),
        ballots: Vec::new(),
        agreed_decision: None,
        decision_cleared_at: None,
        removed_ballots: Vec::new(),
        removed_kinds: Vec::new(),
        room: RoomControls::default(),
        moderation: Default::default(),
        setup_updated_at: lead.setup_updated_at,
        created_at: created_at.unwrap_or(lead.created_at),
        updated_at: updated_at.unwrap_or(lead.updated_at),
    }
}

/// The results (average, median, spread, fair split, per role) of one
/// session's ballots only, worked out exactly as the whole room's are.
/// `None` gives those of the ballots made in the combined workshop itself.
pub fn session_aggregate(w: &Workshop, session: Option<Id>) -> Vec<KindAggregate> {
    aggregate(&w.only_session(session))
}
