//! The join link: a workshop's set-up carried in the address's fragment, so a
//! tablet that opens it (or scans its QR code) divides the same resources of
//! the same workshop, with no server and nothing sent anywhere.

use serde::{Deserialize, Serialize};

use super::catalogue::CatalogueRef;
use super::encoding::{base64url, unbase64url};
use super::id::Id;
use super::parse::{parse_typed, ImportError};
use super::partnership::PartnershipCheck;
use super::problem::{Place, Problem};
use super::resource::ResourceKind;
use super::rules::validate;
use super::time::Timestamp;
use super::workshop::{RoomControls, Workshop};

/// What a tablet needs to take part: the workshop's identity and its set-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct JoinSetup {
    id: Id,
    name: String,
    date: String,
    catalogue: CatalogueRef,
    kinds: Vec<ResourceKind>,
    // Left out when off, so a link of a workshop without the check is the
    // same as before and an older app still opens it.
    #[serde(default, skip_serializing_if = "PartnershipCheck::is_off")]
    partnership_check: PartnershipCheck,
    setup_updated_at: Timestamp,
}

/// The set-up of a workshop as text for a link fragment (URL-safe base64 of JSON).
pub fn join_code(w: &Workshop) -> String {
    let setup = JoinSetup {
        id: w.id,
        name: w.name.clone(),
        date: w.date.clone(),
        catalogue: w.catalogue.clone(),
        kinds: w.kinds.clone(),
        partnership_check: w.partnership_check,
        setup_updated_at: w.setup_updated_at,
    };
    // Deflated, so the link stays short enough for a QR code people can scan.
    let json = serde_json::to_string(&setup).unwrap_or_default();
    base64url(&miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 10))
}

/// A workshop with no ballots yet, from a join code; refused unless it is whole and valid.
pub fn read_join_code(code: &str, now: Timestamp) -> Result<Workshop, ImportError> {
    let bad = |reason: Problem| ImportError::invalid(Place::Link, reason);
    let bytes = unbase64url(code.trim()).ok_or_else(|| bad(Problem::NotAJoinLink))?;
    // A join link is small; refusing more than 1 MB unpacked stops a crafted one.
    let unpacked = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, 1 << 20)
        .map_err(|_| bad(Problem::LinkIncomplete))?;
    let text = String::from_utf8(unpacked).map_err(|_| bad(Problem::LinkDamaged))?;
    let setup: JoinSetup = parse_typed(&text)?;
    let w = Workshop {
        id: setup.id,
        name: setup.name,
        place: String::new(),
        date: setup.date,
        catalogue: setup.catalogue,
        kinds: setup.kinds,
        partnership_check: setup.partnership_check,
        notes: Default::default(),
        sessions: Vec::new(),
        ballots: Vec::new(),
        agreed_decision: None,
        decision_cleared_at: None,
        removed_ballots: Vec::new(),
        removed_kinds: Vec::new(),
        room: RoomControls::default(),
        // Moderation reaches a tablet with the facilitator's live messages.
        moderation: Default::default(),
        setup_updated_at: setup.setup_updated_at,
        created_at: now,
        updated_at: now,
    };
    validate(&w)?;
    Ok(w)
}
