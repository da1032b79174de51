//! The catalogue of evidence-based models for each area. It is data a council
//! can replace (`public/catalogue.json`), so it is parsed and checked like any
//! other untrusted input.

use serde::{Deserialize, Serialize};

use super::area::Area;
use super::parse::{parse_typed, ImportError};
use super::problem::Problem;

/// Which catalogue a workshop used, so a record can be read against it later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CatalogueRef {
    /// The catalogue's identifier ("total-transformation-uk").
    pub id: String,
    /// Its version, changed whenever content changes ("2026.1").
    pub version: String,
}

/// Where a figure comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Who published it and what it is called.
    pub title: String,
    /// The year it was published.
    pub year: u16,
    /// A link, where one is public.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An evidence-based way of supporting people in one area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportModel {
    /// Stable identifier ("shared_lives"), used to key a split within the area.
    pub id: String,
    /// Its usual name ("Shared Lives").
    pub name: String,
    /// What it is, in plain words.
    pub summary: String,
    /// What it costs, with the figures' source year.
    pub costs: String,
    /// What it achieves, with the figures' source year.
    pub achieves: String,
    /// How strong or mixed the evidence is, in plain words.
    #[serde(default)]
    pub evidence_note: String,
    /// Where the figures come from.
    pub sources: Vec<Source>,
}

/// The catalogue's content for one area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaContent {
    /// Which area this is.
    pub area: Area,
    /// The area's name as people see it.
    pub title: String,
    /// One line on what the area covers.
    pub description: String,
    /// The good-life question the room answers.
    pub good_life_question: String,
    /// Its evidence-based models, in the order they are shown.
    pub models: Vec<SupportModel>,
}

/// The whole catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Identifier and version.
    #[serde(flatten)]
    pub reference: CatalogueRef,
    /// Content for each of the five areas, in walk-through order.
    pub areas: Vec<AreaContent>,
}

/// The catalogue shipped inside the app, used when `catalogue.json` cannot be fetched.
pub const BUILT_IN_CATALOGUE: &str = include_str!("../../public/catalogue.json");

impl Catalogue {
    /// Parses and checks a catalogue: all five areas once each, in order, with
    /// at least one model each, unique model ids and a source on every model.
    pub fn parse(text: &str) -> Result<Catalogue, ImportError> {
        let catalogue: Catalogue = parse_typed(text)?;
        let invalid = |path: String, reason: Problem| ImportError::invalid(path, reason);
        if catalogue.areas.len() != Area::ALL.len() {
            return Err(invalid("areas".into(), Problem::NotFiveAreas));
        }
        for (i, content) in catalogue.areas.iter().enumerate() {
            if content.area != Area::ALL[i] {
                return Err(invalid(
                    format!("areas[{i}].area"),
                    Problem::AreasOutOfOrder,
                ));
            }
            if content.models.is_empty() {
                return Err(invalid(format!("areas[{i}].models"), Problem::NoModels));
            }
            let mut seen = std::collections::BTreeSet::new();
            for (j, model) in content.models.iter().enumerate() {
                if model.id.is_empty() || !seen.insert(model.id.as_str()) {
                    return Err(invalid(
                        format!("areas[{i}].models[{j}].id"),
                        Problem::ModelIdTwice,
                    ));
                }
                if model.sources.is_empty() {
                    return Err(invalid(
                        format!("areas[{i}].models[{j}].sources"),
                        Problem::NoSource,
                    ));
                }
            }
        }
        Ok(catalogue)
    }

    /// The catalogue built into the app.
    pub fn built_in() -> Catalogue {
        // The built-in file is checked by a host test, so this cannot fail in a release.
        Catalogue::parse(BUILT_IN_CATALOGUE).unwrap_or_else(|_| Catalogue::none())
    }

    /// No catalogue: the five areas without models, until one can be read
    /// (a tablet that has not yet had the hosted file). Screens show the
    /// areas; spreading an area's share across its models waits for it.
    pub fn none() -> Catalogue {
        Catalogue {
            reference: CatalogueRef {
                id: "empty".into(),
                version: "0".into(),
            },
            areas: Vec::new(),
        }
    }

    /// The content for one area, if the catalogue has it.
    pub fn area(&self, area: Area) -> Option<&AreaContent> {
        self.areas.iter().find(|c| c.area == area)
    }

    /// The model ids of one area, in display order.
    pub fn model_ids(&self, area: Area) -> Vec<String> {
        self.area(area)
            .map(|c| c.models.iter().map(|m| m.id.clone()).collect())
            .unwrap_or_default()
    }
}
