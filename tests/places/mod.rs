#![cfg(not(target_arch = "wasm32"))]
//! Three small places worked out by hand, shared by the comparison's tests
//! (`tests/kind_match.rs`, `tests/compare.rs`, `tests/comparison_schema.rs`).
//!
//! - **Swansea** (2026-02-10, earliest): "State Money" £2,000,000 a year,
//!   today 30/30/20/10/10; "Council grants" £100,000 a year (nobody divides
//!   it); "People's time" 1,000 hours a year, today 20 each. Two ballots of
//!   state money (20/30/20/10/20 and 30/20/20/10/20), one of time
//!   (30/10/20/20/20). Agreed: state money 25/25/20/10/20.
//! - **Cardiff morning** (2026-03-01, id A): "State money" £1,000,000 a
//!   year, today 40/30/10/10/10; "Other funding" £100,000 a year (nobody
//!   divides it). Two ballots (30/30/10/10/20 and 40/20/20/10/10). Agreed:
//!   30/30/15/10/15.
//! - **Cardiff evening** (2026-03-01, id B): "state  money " £500,000 a
//!   year, today 20 each; "People’s time" (a curly apostrophe) 100 hours a
//!   month, today 20 each. Three ballots of state money (10/20/20/20/30,
//!   20/20/20/10/30, 30/20/20/20/10), two of time (10/10/40/20/20 and
//!   30/10/20/20/20). No agreed decision.
#![allow(dead_code)]

use std::collections::BTreeMap;

use co_produce::model::{
    AgreedDecision, AreaShares, Ballot, Catalogue, CatalogueRef, Id, KindAllocation, KindRef,
    Period, ResourceKind, Role, Timestamp, Unit, Workshop,
};

/// Swansea's workshop id.
pub const SWANSEA: Id = Id(0xC);
/// Cardiff morning's workshop id.
pub const MORNING: Id = Id(0xA);
/// Cardiff evening's workshop id.
pub const EVENING: Id = Id(0xB);

/// A split in whole percent.
pub fn pct(p: [u32; 5]) -> AreaShares {
    AreaShares::from_array(p.map(|v| v * 100))
}

/// A resource kind counted per year or month.
pub fn kind(
    id: &str,
    name: &str,
    unit: Unit,
    period: Period,
    total: i64,
    today: [u32; 5],
) -> ResourceKind {
    ResourceKind {
        id: id.into(),
        name: name.into(),
        unit,
        period,
        total,
        baseline: pct(today),
        projected: Vec::new(),
    }
}

/// An empty workshop of these kinds.
pub fn workshop(id: Id, name: &str, place: &str, date: &str, kinds: Vec<ResourceKind>) -> Workshop {
    let catalogue = Catalogue {
        reference: CatalogueRef {
            id: "test".into(),
            version: "1".into(),
        },
        areas: Vec::new(),
    };
    let mut w = Workshop::new(id, Timestamp(1_000), date.into(), &catalogue);
    w.name = name.into();
    w.place = place.into();
    w.kinds = kinds;
    w
}

/// Adds a ballot dividing these kinds (in whole percent).
pub fn vote(w: &mut Workshop, role: Role, splits: &[(&str, [u32; 5])]) {
    let n = w.ballots.len() as u128;
    let allocations: BTreeMap<String, KindAllocation> = splits
        .iter()
        .map(|(kind, p)| {
            (
                kind.to_string(),
                KindAllocation {
                    areas: pct(*p),
                    locked: Vec::new(),
                    models: BTreeMap::new(),
                },
            )
        })
        .collect();
    w.ballots.push(Ballot {
        id: Id(w.id.0 << 64 | (n + 1)),
        workshop_id: w.id,
        participant: format!("Person {}", n + 1),
        role,
        allocations,
        partnership: Default::default(),
        notes: Default::default(),
        agrees: Default::default(),
        session: None,
        updated_at: Timestamp(2_000 + n as i64),
    });
}

/// Records an agreed decision.
pub fn decide(w: &mut Workshop, splits: &[(&str, [u32; 5])]) {
    w.agreed_decision = Some(AgreedDecision {
        shares: splits
            .iter()
            .map(|(k, p)| (k.to_string(), pct(*p)))
            .collect(),
        rationale: BTreeMap::new(),
        updated_at: Timestamp(3_000),
    });
}

/// £ in pence.
pub const fn pounds(p: i64) -> i64 {
    p * 100
}

/// Swansea: see the module's notes.
pub fn swansea() -> Workshop {
    let mut w = workshop(
        SWANSEA,
        "Swansea co-production day",
        "Swansea Guildhall",
        "2026-02-10",
        vec![
            kind(
                "state_money",
                "State Money",
                Unit::Money,
                Period::Year,
                pounds(2_000_000),
                [30, 30, 20, 10, 10],
            ),
            kind(
                "council_grants",
                "Council grants",
                Unit::Money,
                Period::Year,
                pounds(100_000),
                [20; 5],
            ),
            kind(
                "peoples_time",
                "People's time",
                Unit::Hours,
                Period::Year,
                1_000 * 60,
                [20; 5],
            ),
        ],
    );
    vote(
        &mut w,
        Role::Citizen,
        &[
            ("state_money", [20, 30, 20, 10, 20]),
            ("peoples_time", [30, 10, 20, 20, 20]),
        ],
    );
    vote(
        &mut w,
        Role::Commissioner,
        &[("state_money", [30, 20, 20, 10, 20])],
    );
    decide(&mut w, &[("state_money", [25, 25, 20, 10, 20])]);
    w
}

/// Cardiff morning: see the module's notes.
pub fn morning() -> Workshop {
    let mut w = workshop(
        MORNING,
        "Cardiff morning session",
        "Cardiff City Hall",
        "2026-03-01",
        vec![
            kind(
                "state_money",
                "State money",
                Unit::Money,
                Period::Year,
                pounds(1_000_000),
                [40, 30, 10, 10, 10],
            ),
            kind(
                "other_funding",
                "Other funding",
                Unit::Money,
                Period::Year,
                pounds(100_000),
                [20; 5],
            ),
        ],
    );
    vote(
        &mut w,
        Role::Citizen,
        &[("state_money", [30, 30, 10, 10, 20])],
    );
    vote(
        &mut w,
        Role::Commissioner,
        &[("state_money", [40, 20, 20, 10, 10])],
    );
    decide(&mut w, &[("state_money", [30, 30, 15, 10, 15])]);
    w
}

/// Cardiff evening: see the module's notes.
pub fn evening() -> Workshop {
    let mut w = workshop(
        EVENING,
        "Cardiff evening session",
        "Cardiff City Hall",
        "2026-03-01",
        vec![
            kind(
                "state_money",
                "state  money ",
                Unit::Money,
                Period::Year,
                pounds(500_000),
                [20; 5],
            ),
            kind(
                "peoples_time",
                "People\u{2019}s time",
                Unit::Hours,
                Period::Month,
                100 * 60,
                [20; 5],
            ),
        ],
    );
    vote(
        &mut w,
        Role::Citizen,
        &[
            ("state_money", [10, 20, 20, 20, 30]),
            ("peoples_time", [10, 10, 40, 20, 20]),
        ],
    );
    vote(
        &mut w,
        Role::FamilyCarer,
        &[
            ("state_money", [20, 20, 20, 10, 30]),
            ("peoples_time", [30, 10, 20, 20, 20]),
        ],
    );
    vote(
        &mut w,
        Role::Provider,
        &[("state_money", [30, 20, 20, 20, 10])],
    );
    w
}

/// The three places, in the order they were picked (not date order).
pub fn three_places() -> Vec<Workshop> {
    vec![morning(), evening(), swansea()]
}

/// One place's kind.
pub fn kind_ref(workshop: Id, kind_id: &str) -> KindRef {
    KindRef {
        workshop,
        kind_id: kind_id.into(),
    }
}
