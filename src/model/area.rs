//! The five Total Transformation areas and a split of 10,000 basis points across them.

use serde::{Deserialize, Deserializer, Serialize};

use super::shares::{self, TOTAL_BP};

/// One of the five areas in which support and health services shape people's lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// Support in your own home.
    OwnHome,
    /// Support with accommodation.
    Accommodation,
    /// Day activities and employment-related support.
    DayActivities,
    /// Support with leaving hospital.
    LeavingHospital,
    /// Whole-community work.
    WholeCommunity,
}

impl Area {
    /// All five areas, in the order the walk-through visits them.
    pub const ALL: [Area; 5] = [
        Area::OwnHome,
        Area::Accommodation,
        Area::DayActivities,
        Area::LeavingHospital,
        Area::WholeCommunity,
    ];

    /// Position of the area in [`Area::ALL`] (0 to 4).
    pub fn index(self) -> usize {
        match self {
            Area::OwnHome => 0,
            Area::Accommodation => 1,
            Area::DayActivities => 2,
            Area::LeavingHospital => 3,
            Area::WholeCommunity => 4,
        }
    }

    /// The area at a walk-through position, if there is one.
    pub fn from_index(index: usize) -> Option<Area> {
        Area::ALL.get(index).copied()
    }

    /// The stable identifier used in JSON, links and the catalogue.
    pub fn id(self) -> &'static str {
        match self {
            Area::OwnHome => "own_home",
            Area::Accommodation => "accommodation",
            Area::DayActivities => "day_activities",
            Area::LeavingHospital => "leaving_hospital",
            Area::WholeCommunity => "whole_community",
        }
    }

    /// The area with this identifier, if any.
    pub fn from_id(id: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.id() == id)
    }
}

/// The ids of [`Area::ALL`], for error messages.
const AREA_IDS: &[&str] = &[
    "own_home",
    "accommodation",
    "day_activities",
    "leaving_hospital",
    "whole_community",
];

// Read as a plain string rather than derived: a derived enum impl also takes
// `{"own_home": null}`, which the record (and its schema) does not allow.
impl<'de> Deserialize<'de> for Area {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        Area::from_id(&id).ok_or_else(|| serde::de::Error::unknown_variant(&id, AREA_IDS))
    }
}

/// A split of one resource kind across the five areas, in basis points.
///
/// Held as five named fields so the JSON reads plainly and an unknown or
/// missing area is a parse error with a path. The sum is checked by
/// [`AreaShares::validate`]; every constructor in this crate keeps it at 10,000.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AreaShares {
    /// Support in your own home.
    pub own_home: u32,
    /// Support with accommodation.
    pub accommodation: u32,
    /// Day activities and employment-related support.
    pub day_activities: u32,
    /// Support with leaving hospital.
    pub leaving_hospital: u32,
    /// Whole-community work.
    pub whole_community: u32,
}

impl Default for AreaShares {
    /// An even split: 20% each.
    fn default() -> Self {
        AreaShares::from_array([2_000; 5])
    }
}

impl AreaShares {
    /// Builds from basis points in [`Area::ALL`] order (not checked: see [`AreaShares::validate`]).
    pub fn from_array(bp: [u32; 5]) -> Self {
        AreaShares {
            own_home: bp[0],
            accommodation: bp[1],
            day_activities: bp[2],
            leaving_hospital: bp[3],
            whole_community: bp[4],
        }
    }

    /// Basis points in [`Area::ALL`] order.
    pub fn to_array(self) -> [u32; 5] {
        [
            self.own_home,
            self.accommodation,
            self.day_activities,
            self.leaving_hospital,
            self.whole_community,
        ]
    }

    /// The share of one area, in basis points.
    pub fn get(self, area: Area) -> u32 {
        self.to_array()[area.index()]
    }

    /// Sets one area's share and rebalances the unlocked others proportionally,
    /// keeping the total at exactly 10,000 (see [`shares::set_share`]).
    pub fn set(self, area: Area, target_bp: u32, locked: &[Area]) -> Self {
        let mut locks = [false; 5];
        for a in locked {
            locks[a.index()] = true;
        }
        AreaShares::from_array(shares::set_share(
            self.to_array(),
            locks,
            area.index(),
            target_bp,
        ))
    }

    /// Checks that the five shares add up to exactly 10,000 basis points; if
    /// not, what they add up to instead (at most `u32::MAX`).
    pub fn validate(self) -> Result<(), u32> {
        let sum: u64 = self.to_array().iter().map(|&v| u64::from(v)).sum();
        if sum == u64::from(TOTAL_BP) {
            Ok(())
        } else {
            Err(sum.min(u64::from(u32::MAX)) as u32)
        }
    }
}
