//! The partnership check: how far the people in the room think their
//! partnership lives each of the six principles of the Tyfu Tai Cymru / CaCHE
//! report "Good Health Brought Home". Each participant rates the principles on
//! their own ballot, so the ratings are saved, sealed, sent and merged with it
//! (one writer, the newer ballot wins); whether and when the workshop asks is
//! part of the facilitator's set-up. The room's results are in
//! `partnership_results.rs`.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

/// One of the six partnership principles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Principle {
    /// Partners look at the evidence and the need together.
    SharedAnalysis,
    /// Services are designed around the person, with them.
    PersonCentredDesign,
    /// Leaders make the partnership a priority and model it.
    Leadership,
    /// Budgets and resources are owned and decided together.
    SharedBudgetsAndResources,
    /// Partners read the law and guidance the same way, together.
    SharedInterpretationOfLegislation,
    /// The differences in power between partners are named, not hidden.
    RecognisingPowerImbalances,
}

impl Principle {
    /// Every principle, in the report's order (also the order of [`Ord`]).
    pub const ALL: [Principle; 6] = [
        Principle::SharedAnalysis,
        Principle::PersonCentredDesign,
        Principle::Leadership,
        Principle::SharedBudgetsAndResources,
        Principle::SharedInterpretationOfLegislation,
        Principle::RecognisingPowerImbalances,
    ];

    /// The stable identifier used in JSON and CSV.
    pub fn id(self) -> &'static str {
        PRINCIPLE_IDS[self.index()]
    }

    /// The principle with this identifier, if any.
    pub fn from_id(id: &str) -> Option<Principle> {
        Principle::ALL.into_iter().find(|p| p.id() == id)
    }

    /// Its place in [`Principle::ALL`] (the ballot code stores this).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The principle at this place in [`Principle::ALL`], if any.
    pub fn from_index(index: usize) -> Option<Principle> {
        Principle::ALL.get(index).copied()
    }
}

/// The ids of [`Principle::ALL`], in order, for `id` and error messages.
const PRINCIPLE_IDS: &[&str; 6] = &[
    "shared_analysis",
    "person_centred_design",
    "leadership",
    "shared_budgets_and_resources",
    "shared_interpretation_of_legislation",
    "recognising_power_imbalances",
];

// Read as a plain string, like `Role`, so an unknown key in a ballot's ratings
// is named in the error.
impl<'de> Deserialize<'de> for Principle {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(IdVisitor {
            what: "a partnership principle",
            ids: PRINCIPLE_IDS,
            from_id: Principle::from_id,
        })
    }
}

/// Reads one of a list of ids. The id is checked inside the visitor, while
/// serde_json still stands on the string, so the error's position (and the
/// path found from it) is the string's even as the last value of a map.
struct IdVisitor<T> {
    what: &'static str,
    ids: &'static [&'static str],
    from_id: fn(&str) -> Option<T>,
}

impl<T> serde::de::Visitor<'_> for IdVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.what)
    }

    fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<T, E> {
        (self.from_id)(id).ok_or_else(|| E::unknown_variant(id, self.ids))
    }
}

/// How far a participant thinks the partnership lives a principle today.
/// Ordered from "not at all" to "fully".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// Not at all.
    NotAtAll,
    /// A little.
    ALittle,
    /// Mostly.
    Mostly,
    /// Fully.
    Fully,
}

impl Rating {
    /// Every rating, lowest first.
    pub const ALL: [Rating; 4] = [
        Rating::NotAtAll,
        Rating::ALittle,
        Rating::Mostly,
        Rating::Fully,
    ];

    /// The stable identifier used in JSON and CSV.
    pub fn id(self) -> &'static str {
        RATING_IDS[self.index()]
    }

    /// The rating with this identifier, if any.
    pub fn from_id(id: &str) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| r.id() == id)
    }

    /// Its score: 0 (not at all) to 3 (fully).
    pub fn score(self) -> u8 {
        self as u8
    }

    /// The rating with this score (0 to 3), if any.
    pub fn from_score(score: u8) -> Option<Rating> {
        Rating::ALL.get(usize::from(score)).copied()
    }

    /// The rating nearest a mean score given in hundredths of a point (0 to
    /// 300), a half rounding up: how a group's mean reads in words.
    pub fn nearest(mean_hundredths: u32) -> Rating {
        let score = (mean_hundredths.min(300) + 50) / 100;
        Rating::from_score(score as u8).unwrap_or(Rating::Fully)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The ids of [`Rating::ALL`], in order, for `id` and error messages.
const RATING_IDS: &[&str; 4] = &["not_at_all", "a_little", "mostly", "fully"];

// Read as a plain string, like `Principle`, so the error names the bad value.
impl<'de> Deserialize<'de> for Rating {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(IdVisitor {
            what: "a rating",
            ids: RATING_IDS,
            from_id: Rating::from_id,
        })
    }
}

/// One participant's ratings: a principle they left unrated is absent.
pub type PartnershipRatings = BTreeMap<Principle, Rating>;

/// Whether the workshop runs the partnership check, and where in the
/// participant's steps. Part of the set-up, which the facilitator writes.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartnershipCheck {
    /// Not asked. The default, also for records written before the check
    /// existed: those workshops never asked it, and a tablet that opens one
    /// must not grow a step the facilitator never chose.
    #[default]
    Off,
    /// Asked before participants divide the resources.
    BeforeAllocation,
    /// Asked after participants divide the resources.
    AfterAllocation,
}

impl PartnershipCheck {
    /// Whether the check is off (then the record leaves the setting out, so a
    /// workshop that does not use it is written exactly as before).
    pub fn is_off(&self) -> bool {
        *self == PartnershipCheck::Off
    }
}
