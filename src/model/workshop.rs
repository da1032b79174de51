//! The workshop: set-up, notes, participants' ballots and the agreed decision.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Deserializer, Serialize};

use super::area::{Area, AreaShares};
use super::catalogue::{Catalogue, CatalogueRef};
use super::id::Id;
use super::notes::{NoteModeration, ParticipantNote};
use super::order;
use super::partnership::{PartnershipCheck, PartnershipRatings, Principle, Rating};
use super::resource::ResourceKind;
use super::shares::{self, TOTAL_BP};
use super::time::Timestamp;

/// The kind of stake a participant has in the workshop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A person who uses support.
    Citizen,
    /// A family member or friend who cares for someone.
    FamilyCarer,
    /// Someone who commissions services (a council, an NHS board).
    Commissioner,
    /// Someone who provides services.
    Provider,
    /// A community or voluntary organisation.
    CommunityOrganisation,
}

impl Role {
    /// Every role, in the order they are listed.
    pub const ALL: [Role; 5] = [
        Role::Citizen,
        Role::FamilyCarer,
        Role::Commissioner,
        Role::Provider,
        Role::CommunityOrganisation,
    ];

    /// The stable identifier used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Role::Citizen => "citizen",
            Role::FamilyCarer => "family_carer",
            Role::Commissioner => "commissioner",
            Role::Provider => "provider",
            Role::CommunityOrganisation => "community_organisation",
        }
    }

    /// The role with this identifier, if any.
    pub fn from_id(id: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// The ids of [`Role::ALL`], for error messages.
const ROLE_IDS: &[&str] = &[
    "citizen",
    "family_carer",
    "commissioner",
    "provider",
    "community_organisation",
];

// Read as a plain string, like `Area`, so errors in maps keyed by role name the role.
impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        Role::from_id(&id).ok_or_else(|| serde::de::Error::unknown_variant(&id, ROLE_IDS))
    }
}

/// What the room said about one area.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AreaNotes {
    /// The room's answer to "what does a good life look like?".
    pub good_life: String,
    /// What people like about today's local approach.
    pub likes: Vec<String>,
    /// What people dislike about it.
    pub dislikes: Vec<String>,
    /// When these notes last changed (each area's notes merge on their own).
    #[serde(default)]
    pub updated_at: Timestamp,
}

/// One participant's division of one resource kind.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KindAllocation {
    /// The split across the five areas.
    pub areas: AreaShares,
    /// Areas whose share the participant has locked, in area order.
    #[serde(default)]
    pub locked: Vec<Area>,
    /// Within an area, an optional split across its models (model id → basis points).
    #[serde(default)]
    pub models: BTreeMap<Area, BTreeMap<String, u32>>,
}

impl KindAllocation {
    /// A fresh allocation that starts from today's split.
    pub fn from_baseline(kind: &ResourceKind) -> KindAllocation {
        KindAllocation {
            areas: kind.baseline,
            locked: Vec::new(),
            models: BTreeMap::new(),
        }
    }

    /// Whether an area's share is locked.
    pub fn is_locked(&self, area: Area) -> bool {
        self.locked.contains(&area)
    }

    /// Moves one area's share, rebalancing the unlocked others.
    pub fn set_area(&mut self, area: Area, target_bp: u32) {
        self.areas = self.areas.set(area, target_bp, &self.locked);
    }

    /// Locks or unlocks an area's share.
    pub fn toggle_lock(&mut self, area: Area) {
        if self.is_locked(area) {
            self.locked.retain(|a| *a != area);
        } else {
            self.locked.push(area);
            order::sort(&mut self.locked);
        }
    }

    /// The split across an area's models in catalogue order; even when the
    /// participant has not split it yet or the catalogue changed since.
    pub fn model_split(&self, area: Area, model_ids: &[String]) -> Vec<u32> {
        match self.models.get(&area) {
            Some(split) if model_ids.iter().all(|id| split.contains_key(id)) => {
                let weights: Vec<u32> = model_ids
                    .iter()
                    .map(|id| split.get(id).copied().unwrap_or(0))
                    .collect();
                shares::normalise(&weights)
            }
            _ => shares::even_split(model_ids.len()),
        }
    }

    /// Moves one model's share within an area, rebalancing the other models.
    pub fn set_model(&mut self, area: Area, model_ids: &[String], index: usize, target_bp: u32) {
        let mut split = self.model_split(area, model_ids);
        let unlocked = vec![false; split.len()];
        shares::set_share_in(&mut split, &unlocked, index, target_bp);
        // Inserted one by one: collecting into a map sorts first, and each
        // such sort is its own copy of the sorting code in the wasm.
        let mut by_model = BTreeMap::new();
        for (id, bp) in model_ids.iter().zip(split) {
            by_model.insert(id.clone(), bp);
        }
        self.models.insert(area, by_model);
    }
}

/// One participant's allocation: the unit that is saved, exported, merged and sent.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ballot {
    /// Random id, stable for the life of the ballot.
    pub id: Id,
    /// The workshop it belongs to.
    pub workshop_id: Id,
    /// The participant's display name, or a table's name.
    pub participant: String,
    /// Their role.
    pub role: Role,
    /// Their split of each resource kind, keyed by kind id.
    pub allocations: BTreeMap<String, KindAllocation>,
    /// Their partnership check: how far they think the partnership lives each
    /// principle (unrated ones are absent). Left out when empty, so a ballot
    /// without ratings is written exactly as before the check existed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub partnership: PartnershipRatings,
    /// The notes this participant wrote (their own words, per area). Left out
    /// when empty, so a ballot without notes is written exactly as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<ParticipantNote>,
    /// The notes of others this participant agrees with, by id. On the
    /// ballot, so an agreement counts once per participant and only its own
    /// device can give or take it back. Left out when empty.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub agrees: BTreeSet<Id>,
    /// In a combined workshop, the session (one of the workshop's
    /// `sessions`, by the id of the workshop it came from) where this ballot
    /// was made. Set once when sessions are combined and never changed; left
    /// out when the ballot was made in this workshop itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Id>,
    /// When it last changed.
    pub updated_at: Timestamp,
}

/// One of the workshops a combined workshop was made from: a session (a
/// morning and an evening, or one per locality) whose ballots it holds.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The id of the workshop the session was: what its ballots' `session` says.
    pub id: Id,
    /// That workshop's name.
    pub name: String,
    /// Where it was held.
    pub place: String,
    /// The day it was held, `YYYY-MM-DD`.
    pub date: String,
}

impl Session {
    /// The session a (not combined) workshop is, as a combined workshop lists it.
    pub fn of(w: &Workshop) -> Session {
        Session {
            id: w.id,
            name: w.name.clone(),
            place: w.place.clone(),
            date: w.date.clone(),
        }
    }
}

/// The decision the room agreed after discussion, recorded by the facilitator.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AgreedDecision {
    /// The agreed split of each resource kind, keyed by kind id.
    pub shares: BTreeMap<String, AreaShares>,
    /// Why, per area.
    pub rationale: BTreeMap<Area, String>,
    /// When it was last changed.
    pub updated_at: Timestamp,
}

/// What the room's screen leads with, chosen by the facilitator.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoomLead {
    /// Today against the room's average, overall and by role.
    #[default]
    Average,
    /// Today against the fair split, overall and by role.
    FairSplit,
    /// The headlines: where every role wants more or less, and where they divide.
    Agreement,
    /// The agreed decision: what goes down to pay for what goes up.
    Shift,
    /// The partnership check: each principle's ratings, per role, and the
    /// biggest gap between roles.
    Partnership,
    /// Participants' own words: one area's notes as cards, most agreed first.
    Words,
}

impl RoomLead {
    /// Every choice, in the order the facilitator is offered them.
    pub const ALL: [RoomLead; 6] = [
        RoomLead::Average,
        RoomLead::FairSplit,
        RoomLead::Agreement,
        RoomLead::Shift,
        RoomLead::Partnership,
        RoomLead::Words,
    ];

    /// Whether this is the average, the choice a room starts with.
    pub fn is_average(&self) -> bool {
        *self == RoomLead::Average
    }
}

/// What the facilitator lets the room see on the projector.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoomControls {
    /// Results stay hidden until revealed, so early choices don't sway later ones.
    pub results_hidden: bool,
    /// While results are hidden, the areas revealed so far, in area order.
    pub revealed: Vec<Area>,
    /// The projected picture stays as it was while the facilitator edits.
    pub frozen: bool,
    /// In pass-the-tablet mode, whether the next person may see earlier choices.
    pub show_earlier_choices: bool,
    /// Whether the presenter view shows every language side by side (English
    /// and Welsh in Wales), not only the one chosen on that screen.
    #[serde(default)]
    pub both_languages: bool,
    /// What the room's screen leads with: the average, the fair split, or
    /// where the roles agree and divide. Left out while it is the average, so
    /// a room that never chose is written as before.
    #[serde(default, skip_serializing_if = "RoomLead::is_average")]
    pub lead: RoomLead,
    /// Whose words the wall shows while the screen leads with them: the area
    /// the room is talking about; the first area until one is chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words_area: Option<Area>,
    /// The one role whose notes the wall shows, or every role's. Left out
    /// while every role's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words_role: Option<Role>,
    /// When any of these last changed.
    pub updated_at: Timestamp,
}

impl RoomControls {
    /// Whether the room's screen uses anything that came with version 3 of
    /// the record (the wall of participants' words).
    pub fn uses_words(&self) -> bool {
        self.lead == RoomLead::Words || self.words_area.is_some() || self.words_role.is_some()
    }

    /// Whether the room may see an area's results now.
    pub fn is_visible(&self, area: Area) -> bool {
        !self.results_hidden || self.revealed.contains(&area)
    }

    /// Reveals one more area (hidden results stay hidden for the others).
    pub fn reveal(&mut self, area: Area) {
        if !self.revealed.contains(&area) {
            self.revealed.push(area);
            order::sort(&mut self.revealed);
        }
    }
}

/// A whole workshop: set-up, notes, every ballot and the agreed decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    /// Random id, shared by every ballot of this workshop.
    pub id: Id,
    /// The workshop's name.
    pub name: String,
    /// Where it is held.
    pub place: String,
    /// The day it is held, `YYYY-MM-DD`.
    pub date: String,
    /// The catalogue of models it used.
    pub catalogue: CatalogueRef,
    /// The resource kinds in play.
    pub kinds: Vec<ResourceKind>,
    /// Whether participants are asked the partnership check, and when (part of
    /// the set-up). Left out when off, so older apps still read the workshop.
    #[serde(default, skip_serializing_if = "PartnershipCheck::is_off")]
    pub partnership_check: PartnershipCheck,
    /// What the room said per area.
    pub notes: BTreeMap<Area, AreaNotes>,
    /// The sessions a combined workshop was made from, in order of id; each
    /// ballot says which it came from. Left out (and empty) for a workshop
    /// that was not combined, so such a workshop is written as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<Session>,
    /// Every participant's ballot.
    pub ballots: Vec<Ballot>,
    /// The agreed decision, once recorded.
    #[serde(default)]
    pub agreed_decision: Option<AgreedDecision>,
    /// When the agreed decision was last cleared: a merge with a copy that
    /// still has an older decision keeps it cleared, in any order. Left out
    /// while it was never cleared, so such a workshop is written as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_cleared_at: Option<Timestamp>,
    /// Ids of ballots removed from the workshop, so a merge does not bring them back.
    #[serde(default)]
    pub removed_ballots: Vec<Id>,
    /// Ids of resource kinds removed from the workshop, in order: a merge
    /// with a window that still has the kind (or allocations of it) never
    /// brings it back, whatever the order or grouping of merges. Left out
    /// while none was removed, so such a workshop is written as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed_kinds: Vec<String>,
    /// What the room may see on the projector.
    #[serde(default)]
    pub room: RoomControls,
    /// What the facilitator decided about participants' notes: hidden,
    /// merged, approved, and whether the room sees only approved ones. Grows
    /// only and merges by union (see [`NoteModeration`]); left out while
    /// nothing was decided, so a workshop without notes is written as before.
    #[serde(default, skip_serializing_if = "NoteModeration::is_default")]
    pub moderation: NoteModeration,
    /// When the set-up (name, place, date, catalogue, resource kinds, the
    /// partnership check) last changed.
    #[serde(default)]
    pub setup_updated_at: Timestamp,
    /// When the workshop was created.
    pub created_at: Timestamp,
    /// When anything in it last changed.
    pub updated_at: Timestamp,
}

impl Workshop {
    /// A new workshop with the default resource kinds, dated `date` (`YYYY-MM-DD`).
    pub fn new(id: Id, now: Timestamp, date: String, catalogue: &Catalogue) -> Workshop {
        Workshop {
            id,
            name: String::new(),
            place: String::new(),
            date,
            catalogue: catalogue.reference.clone(),
            kinds: ResourceKind::defaults(),
            // Off until the facilitator chooses it: nothing asks it yet otherwise.
            partnership_check: PartnershipCheck::Off,
            notes: BTreeMap::new(),
            sessions: Vec::new(),
            ballots: Vec::new(),
            agreed_decision: None,
            decision_cleared_at: None,
            removed_ballots: Vec::new(),
            removed_kinds: Vec::new(),
            room: RoomControls::default(),
            moderation: NoteModeration::default(),
            setup_updated_at: now,
            created_at: now,
            updated_at: now,
        }
    }

    /// The notes for an area (empty if none yet).
    pub fn notes_for(&self, area: Area) -> AreaNotes {
        self.notes.get(&area).cloned().unwrap_or_default()
    }

    /// The id of the kind asked for if the workshop has it, else its first kind's
    /// (a screen's address may name a kind that was removed or never existed).
    pub fn kind_or_first(&self, asked: Option<&str>) -> String {
        asked
            .filter(|k| self.kind(k).is_some())
            .or_else(|| self.kinds.first().map(|k| k.id.as_str()))
            .unwrap_or_default()
            .to_string()
    }

    /// The kind after `kind_id`, in set-up order: where a participant goes next.
    pub fn kind_after(&self, kind_id: &str) -> Option<&ResourceKind> {
        let i = self.kinds.iter().position(|k| k.id == kind_id)?;
        self.kinds.get(i + 1)
    }

    /// A resource kind by id.
    pub fn kind(&self, kind_id: &str) -> Option<&ResourceKind> {
        self.kinds.iter().find(|k| k.id == kind_id)
    }

    /// Adds a participant whose ballot starts from today's split of every kind.
    pub fn add_participant(&mut self, ballot_id: Id, name: String, role: Role, now: Timestamp) {
        // Inserted one by one, not collected: see `set_model`.
        let mut allocations = BTreeMap::new();
        for k in &self.kinds {
            allocations.insert(k.id.clone(), KindAllocation::from_baseline(k));
        }
        self.ballots.push(Ballot {
            id: ballot_id,
            workshop_id: self.id,
            participant: name,
            role,
            allocations,
            partnership: BTreeMap::new(),
            notes: Vec::new(),
            agrees: BTreeSet::new(),
            session: None,
            updated_at: now,
        });
        self.updated_at = now;
    }

    /// A session of a combined workshop, by id.
    pub fn session(&self, id: Id) -> Option<&Session> {
        self.sessions.iter().find(|s| s.id == id)
    }

    /// The workshop with only one session's ballots (`None`: those made in
    /// this workshop itself, in no session): its results are that session's
    /// results, worked out by the same functions as the whole room's.
    pub fn only_session(&self, session: Option<Id>) -> Workshop {
        self.with_only_ballots(|b| b.session == session)
    }

    /// A ballot by id.
    pub fn ballot(&self, ballot_id: Id) -> Option<&Ballot> {
        self.ballots.iter().find(|b| b.id == ballot_id)
    }

    /// Changes one ballot's allocation of one kind (created from the baseline if
    /// the kind was added after the ballot) and stamps the ballot.
    pub fn update_allocation(
        &mut self,
        ballot_id: Id,
        kind_id: &str,
        now: Timestamp,
        change: impl FnOnce(&mut KindAllocation),
    ) {
        let Some(kind) = self.kinds.iter().find(|k| k.id == kind_id) else {
            return;
        };
        let fresh = KindAllocation::from_baseline(kind);
        if let Some(ballot) = self.ballots.iter_mut().find(|b| b.id == ballot_id) {
            change(
                ballot
                    .allocations
                    .entry(kind_id.to_string())
                    .or_insert(fresh),
            );
            ballot.updated_at = now;
            self.updated_at = now;
        }
    }

    /// Rates one principle on a ballot (`None` takes the rating away) and
    /// stamps the ballot, as its device is its only writer. Says whether
    /// anything changed: rating a principle the same again stamps nothing, so
    /// a repeated tap writes and sends nothing.
    pub fn rate_principle(
        &mut self,
        ballot_id: Id,
        principle: Principle,
        rating: Option<Rating>,
        now: Timestamp,
    ) -> bool {
        let Some(ballot) = self.ballots.iter_mut().find(|b| b.id == ballot_id) else {
            return false;
        };
        if ballot.partnership.get(&principle).copied() == rating {
            return false;
        }
        match rating {
            Some(r) => ballot.partnership.insert(principle, r),
            None => ballot.partnership.remove(&principle),
        };
        ballot.updated_at = now;
        self.updated_at = now;
        true
    }

    /// Removes a participant's ballot.
    pub fn remove_ballot(&mut self, ballot_id: Id, now: Timestamp) {
        let before = self.ballots.len();
        self.ballots.retain(|b| b.id != ballot_id);
        if self.ballots.len() != before && !self.removed_ballots.contains(&ballot_id) {
            self.removed_ballots.push(ballot_id);
            order::sort(&mut self.removed_ballots);
        }
        self.updated_at = now;
    }

    /// Adds a resource kind with a fresh id (`custom_1`, `custom_2`, …) and an even split.
    pub fn add_kind(&mut self, name: String, now: Timestamp) {
        // Never the id of a removed kind: its tombstone would remove the new one.
        let mut n = 1;
        while self.kinds.iter().any(|k| k.id == format!("custom_{n}"))
            || self.removed_kinds.contains(&format!("custom_{n}"))
        {
            n += 1;
        }
        self.kinds.push(ResourceKind {
            id: format!("custom_{n}"),
            name,
            unit: super::resource::Unit::Count {
                noun: "units".into(),
            },
            period: super::resource::Period::Year,
            total: 0,
            baseline: AreaShares::default(),
            projected: vec![0; 3],
        });
        self.updated_at = now;
    }

    /// Removes a resource kind and every allocation and decision of it, and
    /// keeps its id as a tombstone so no merge brings it back.
    pub fn remove_kind(&mut self, kind_id: &str, now: Timestamp) {
        let before = self.kinds.len();
        self.kinds.retain(|k| k.id != kind_id);
        if self.kinds.len() != before {
            if let Err(at) = self
                .removed_kinds
                .binary_search_by(|k| k.as_str().cmp(kind_id))
            {
                self.removed_kinds.insert(at, kind_id.to_string());
            }
        }
        for b in &mut self.ballots {
            b.allocations.remove(kind_id);
        }
        if let Some(d) = &mut self.agreed_decision {
            d.shares.remove(kind_id);
        }
        self.updated_at = now;
    }

    /// The workshop with only the ballots `keep` picks: a change to send to
    /// another window. Merging it adds or updates those ballots and every
    /// other piece; ballots left out are untouched there (removal travels as
    /// a tombstone in `removed_ballots`).
    pub fn with_only_ballots(&self, keep: impl Fn(&Ballot) -> bool) -> Workshop {
        Workshop {
            id: self.id,
            name: self.name.clone(),
            place: self.place.clone(),
            date: self.date.clone(),
            catalogue: self.catalogue.clone(),
            kinds: self.kinds.clone(),
            partnership_check: self.partnership_check,
            notes: self.notes.clone(),
            sessions: self.sessions.clone(),
            ballots: self.ballots.iter().filter(|b| keep(b)).cloned().collect(),
            agreed_decision: self.agreed_decision.clone(),
            decision_cleared_at: self.decision_cleared_at,
            removed_ballots: self.removed_ballots.clone(),
            removed_kinds: self.removed_kinds.clone(),
            room: self.room.clone(),
            // The facilitator's decisions about notes travel with the set-up,
            // so a tablet hides a note even when it gets no ballots.
            moderation: self.moderation.clone(),
            setup_updated_at: self.setup_updated_at,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }

    /// Stamps `now` on every piece that differs from `before`: the set-up, each
    /// area's notes, the room controls, the moderation's `approve_first` and
    /// the decision. Each piece has one
    /// writer, so merging by these stamps loses nothing. Ballots keep the stamp
    /// their own device gave them (see [`Workshop::update_allocation`]), so a
    /// gathered ballot is not made to look newer than it is.
    pub fn stamp_changes(&mut self, before: &Workshop, now: Timestamp) {
        if self.name != before.name
            || self.place != before.place
            || self.date != before.date
            || self.catalogue != before.catalogue
            || self.kinds != before.kinds
            || self.partnership_check != before.partnership_check
        {
            self.setup_updated_at = now;
        }
        for (area, notes) in self.notes.iter_mut() {
            let old = before.notes.get(area);
            let same = old.is_some_and(|o| {
                o.good_life == notes.good_life
                    && o.likes == notes.likes
                    && o.dislikes == notes.dislikes
            });
            if !same {
                notes.updated_at = now;
            }
        }
        // Only the one flag of the moderation has a stamp; the rest only grows
        // and needs none.
        if self.moderation.approve_first != before.moderation.approve_first {
            self.moderation.approve_first_updated_at = now;
        }
        let mut room = self.room.clone();
        room.updated_at = before.room.updated_at;
        if room != before.room {
            self.room.updated_at = now;
        }
        if before.agreed_decision.is_some() && self.agreed_decision.is_none() {
            self.decision_cleared_at = Some(now);
        }
        if let Some(d) = &mut self.agreed_decision {
            let changed = before
                .agreed_decision
                .as_ref()
                .is_none_or(|o| o.shares != d.shares || o.rationale != d.rationale);
            if changed {
                // Recorded again in the very moment it was cleared: still the newer.
                d.updated_at = match self.decision_cleared_at {
                    Some(cleared) if cleared >= now => Timestamp(cleared.0.saturating_add(1)),
                    _ => now,
                };
            }
        }
        self.updated_at = now;
    }
}

/// Sum of basis points, for checks (never overflows for five u32 values).
pub(crate) fn sum_bp(values: &[u32]) -> u64 {
    values.iter().map(|&v| u64::from(v)).sum()
}

/// Whether a model split adds up to exactly 100%.
pub(crate) fn model_split_is_whole(split: &BTreeMap<String, u32>) -> bool {
    split.is_empty() || sum_bp(&split.values().copied().collect::<Vec<_>>()) == u64::from(TOTAL_BP)
}
