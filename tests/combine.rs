#![cfg(not(target_arch = "wasm32"))]
//! Combining sessions: several decision records become one workshop whose
//! ballots each keep the session they came from. Any order or repetition of
//! the records gives the same workshop; combining a combined workshop with
//! one of its own sources changes nothing; the results of each session are
//! the results of its own record; and the combined record exports, re-imports
//! and merges like any other.
//!
//! The three records of the browser test (`tests/e2e/combine.spec.mjs`) and
//! the figures it checks are written here: `UPDATE_FIXTURES=1 cargo test
//! --test combine` rewrites `tests/e2e/combine/`, and a drift fails.

mod places;

use std::collections::BTreeSet;
use std::path::PathBuf;

use co_produce::model::shares::format_percent_tenths;
use co_produce::model::{
    aggregate, combine, combined_id, export_json, import_json, match_kinds, merge_workshops,
    session_aggregate, validate, CombineError, Id, ImportError, KindMapping, KindRef, Period,
    Problem, Role, Timestamp, Unit, Workshop,
};
use places::{kind, pounds, vote, workshop};
use proptest::prelude::*;

const MORNING: Id = Id(0xA1);
const EVENING: Id = Id(0xB2);
const SWANSEA: Id = Id(0xC3);

/// Two sessions of Cardiff and one of Swansea, dividing the same two kinds
/// (Swansea calls state money "State Money" and gives it another id).
fn cardiff_morning() -> Workshop {
    let mut w = workshop(
        MORNING,
        "Cardiff morning",
        "Cardiff",
        "2026-03-01",
        vec![
            kind(
                "state_money",
                "State money",
                Unit::Money,
                Period::Year,
                pounds(1_000_000),
                [20; 5],
            ),
            kind(
                "people_time",
                "People's time",
                Unit::Hours,
                Period::Year,
                60_000,
                [20; 5],
            ),
        ],
    );
    vote(
        &mut w,
        Role::Citizen,
        &[
            ("state_money", [40, 20, 20, 10, 10]),
            ("people_time", [20; 5]),
        ],
    );
    vote(
        &mut w,
        Role::Commissioner,
        &[("state_money", [20, 20, 20, 20, 20])],
    );
    w
}

fn cardiff_evening() -> Workshop {
    let mut w = workshop(
        EVENING,
        "Cardiff evening",
        "Cardiff",
        "2026-03-01",
        vec![
            kind(
                "state_money",
                "State money",
                Unit::Money,
                Period::Year,
                pounds(1_000_000),
                [20; 5],
            ),
            kind(
                "people_time",
                "People's time",
                Unit::Hours,
                Period::Year,
                60_000,
                [20; 5],
            ),
        ],
    );
    vote(
        &mut w,
        Role::Citizen,
        &[("state_money", [10, 30, 20, 20, 20])],
    );
    w
}

fn swansea() -> Workshop {
    let mut w = workshop(
        SWANSEA,
        "Swansea day",
        "Swansea",
        "2026-02-10",
        vec![
            kind(
                "money",
                "State Money",
                Unit::Money,
                Period::Year,
                pounds(2_000_000),
                [30, 30, 20, 10, 10],
            ),
            kind(
                "people_time",
                "People’s time",
                Unit::Hours,
                Period::Year,
                1_000,
                [20; 5],
            ),
        ],
    );
    vote(
        &mut w,
        Role::Provider,
        &[
            ("money", [30, 30, 20, 10, 10]),
            ("people_time", [30, 10, 20, 20, 20]),
        ],
    );
    w
}

fn three() -> Vec<Workshop> {
    vec![cardiff_morning(), cardiff_evening(), swansea()]
}

fn combined() -> Workshop {
    combine(&three(), &KindMapping::new()).expect("the three combine")
}

/// Each area's mean of one kind, in whole percent.
fn means(aggs: &[co_produce::model::KindAggregate], kind: &str) -> Vec<u32> {
    let agg = aggs.iter().find(|a| a.kind_id == kind).expect("the kind");
    agg.everyone.areas.iter().map(|a| a.mean_bp / 100).collect()
}

#[test]
fn every_ballot_keeps_its_session_and_its_id() {
    let w = combined();
    assert!(validate(&w).is_ok());
    let sessions: Vec<Id> = w.sessions.iter().map(|s| s.id).collect();
    assert_eq!(sessions, vec![MORNING, EVENING, SWANSEA]);
    assert_eq!(w.id, combined_id(&[MORNING, EVENING, SWANSEA].into()));
    assert_eq!(w.ballots.len(), 4);
    for source in three() {
        for b in &source.ballots {
            let kept = w.ballot(b.id).expect("every ballot is kept");
            assert_eq!(kept.session, Some(source.id));
            assert_eq!(kept.workshop_id, w.id);
            assert_eq!(kept.participant, b.participant);
        }
    }
    // The lead is the record with the smallest id: its kinds, names and place.
    assert_eq!(w.name, "Cardiff morning");
    let kinds: Vec<&str> = w.kinds.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(kinds, ["state_money", "people_time"]);
    // Swansea's "money" is keyed as the combined workshop's "state_money".
    let from_swansea = w
        .ballots
        .iter()
        .find(|b| b.session == Some(SWANSEA))
        .unwrap();
    let keys: BTreeSet<&str> = from_swansea
        .allocations
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(keys, ["people_time", "state_money"].into());
    // No decision: the combined room makes its own.
    assert!(w.agreed_decision.is_none());
}

#[test]
fn results_overall_and_per_session_are_worked_out_by_hand() {
    let w = combined();
    // Overall: 40,20,10,30 / 20,20,30,30 / 20 each / 10,20,20,10 / 10,20,20,10.
    assert_eq!(means(&aggregate(&w), "state_money"), [25, 25, 20, 15, 15]);
    let everyone = &aggregate(&w)[0];
    assert_eq!(everyone.participants, 4);
    // The median of 10, 20, 30 and 40 is halfway between 20 and 30.
    assert_eq!(everyone.everyone.areas[0].median_bp, 2_500);
    assert_eq!(everyone.by_role.len(), 3);
    // The morning: 40,20 / 20,20 / 20,20 / 10,20 / 10,20.
    let morning = session_aggregate(&w, Some(MORNING));
    assert_eq!(means(&morning, "state_money"), [30, 20, 20, 15, 15]);
    assert_eq!(morning[0].participants, 2);
    assert_eq!(
        morning[0].by_role.keys().copied().collect::<Vec<_>>(),
        [Role::Citizen, Role::Commissioner]
    );
    assert_eq!(
        means(&session_aggregate(&w, Some(EVENING)), "state_money"),
        [10, 30, 20, 20, 20]
    );
    assert_eq!(
        means(&session_aggregate(&w, Some(SWANSEA)), "state_money"),
        [30, 30, 20, 10, 10]
    );
    // Ballots made in the combined workshop itself: none yet.
    assert_eq!(session_aggregate(&w, None)[0].participants, 0);
}

#[test]
fn each_sessions_results_are_its_own_records_results() {
    let w = combined();
    for source in three() {
        let own = aggregate(&source);
        let theirs = session_aggregate(&w, Some(source.id));
        for (o, t) in own.iter().zip(&theirs) {
            // Kinds are in the same order; only the ids and baselines may differ.
            assert_eq!(o.participants, t.participants);
            assert_eq!(o.everyone, t.everyone, "{} of {}", o.kind_id, source.name);
            assert_eq!(o.by_role, t.by_role);
        }
    }
}

#[test]
fn the_combined_record_exports_and_reimports_with_each_ballots_session() {
    let w = combined();
    let text = export_json(&w);
    assert!(text.contains("\"schema_version\": 4"), "{text}");
    assert!(text.contains("\"session\": \"000000000000000000000000000000a1\""));
    let back = import_json(&text).expect("it re-imports");
    assert_eq!(back, w);
    // Combining it again, alone or with any of its sources, changes nothing.
    assert_eq!(
        combine(std::slice::from_ref(&back), &KindMapping::new()),
        Ok(w.clone())
    );
    assert_eq!(
        combine(&[back.clone(), swansea()], &KindMapping::new()),
        Ok(w.clone())
    );
    // A record that is not combined is written as before: no sessions at all.
    let plain = export_json(&cardiff_morning());
    assert!(!plain.contains("session"));
}

#[test]
fn older_records_still_import() {
    for (text, version) in [
        (include_str!("fixtures/record-v1.json"), 1),
        (include_str!("fixtures/record-v2.json"), 2),
    ] {
        let w = import_json(text).unwrap_or_else(|e| panic!("version {version}: {e}"));
        assert!(w.sessions.is_empty());
        assert!(w.ballots.iter().all(|b| b.session.is_none()));
    }
    // A version 3 file (as this app wrote them before sessions) reads too.
    let v3 = export_json(&cardiff_morning()).replacen(
        "\"schema_version\": 4",
        "\"schema_version\": 3",
        1,
    );
    assert_eq!(import_json(&v3), Ok(cardiff_morning()));
}

#[test]
fn a_version_3_file_cannot_hold_sessions() {
    let text =
        export_json(&combined()).replacen("\"schema_version\": 4", "\"schema_version\": 3", 1);
    match import_json(&text) {
        Err(ImportError::Invalid { path, reason }) => {
            assert_eq!(path, "workshop.sessions");
            assert!(reason.to_string().contains("has no sessions"), "{reason}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_ballot_of_an_unknown_session_is_refused_naming_the_ballot() {
    let mut w = combined();
    let i = w
        .ballots
        .iter()
        .position(|b| b.session == Some(EVENING))
        .unwrap();
    w.ballots[i].session = Some(Id(0xDEAD));
    match validate(&w) {
        Err(ImportError::Invalid { path, reason }) => {
            assert_eq!(path, format!("workshop.ballots[{i}].session").as_str());
            assert!(matches!(reason, Problem::NotASessionOfTheWorkshop { .. }));
            assert!(reason.to_string().contains(&w.ballots[i].participant));
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    // Sessions out of order, or listed twice, are refused too.
    let mut w = combined();
    w.sessions.swap(0, 1);
    assert!(matches!(
        validate(&w),
        Err(ImportError::Invalid {
            reason: Problem::SessionsOutOfOrder,
            ..
        })
    ));
}

#[test]
fn kinds_not_in_every_record_are_named_and_can_be_matched_by_hand() {
    // Cardiff evening calls its time "Volunteer hours": one record only.
    let mut evening = cardiff_evening();
    evening.kinds[1].name = "Volunteer hours".into();
    let records = vec![cardiff_morning(), evening.clone(), swansea()];
    match combine(&records, &KindMapping::new()) {
        Err(CombineError::KindsDiffer { kinds }) => {
            let names: Vec<&str> = kinds.iter().map(|k| k.name.as_str()).collect();
            // Named as the earliest record (Swansea) writes it.
            assert_eq!(names, ["People’s time", "Volunteer hours"], "{kinds:?}");
            assert_eq!((kinds[0].records, kinds[0].of), (2, 3));
        }
        other => panic!("expected the kinds to differ, got {other:?}"),
    }
    assert_eq!(
        match_kinds(&records, &KindMapping::new()).mismatches.len(),
        1
    );
    let mapping = KindMapping::new()
        .with(
            &records,
            KindRef {
                workshop: EVENING,
                kind_id: "people_time".into(),
            },
            KindRef {
                workshop: MORNING,
                kind_id: "people_time".into(),
            },
        )
        .expect("the same unit");
    let w = combine(&records, &mapping).expect("matched by hand");
    // The lead (the morning) names the kinds, so the evening's name is not used.
    assert_eq!(w, combined());
}

#[test]
fn nothing_to_combine_is_an_error() {
    assert_eq!(
        combine(&[], &KindMapping::new()),
        Err(CombineError::NoRecords)
    );
}

#[test]
fn a_combined_workshop_merges_like_any_other() {
    let w = combined();
    let mut later = w.clone();
    later.add_participant(
        Id(0xF00D),
        "Late arrival".into(),
        Role::Provider,
        Timestamp(9_000),
    );
    let merged = merge_workshops(&w, &later).unwrap();
    assert_eq!(merged.sessions, w.sessions);
    assert_eq!(merged.ballot(Id(0xF00D)).and_then(|b| b.session), None);
    assert!(validate(&merged).is_ok());
}

// ------------------------------------------------------------- properties

/// A small random record: its id, a session number for names, ballots of
/// random splits by random roles, with the two kinds (maybe named as a
/// phone would write them).
fn record() -> impl Strategy<Value = Workshop> {
    (
        1u128..40,
        prop::collection::vec(
            (0usize..5, prop::array::uniform5(0u32..10), any::<bool>()),
            0..5,
        ),
        any::<bool>(),
    )
        .prop_map(|(n, votes, curly)| {
            let name = if curly {
                "People’s time"
            } else {
                "people's  time"
            };
            let mut w = workshop(
                Id(n),
                &format!("Session {n}"),
                if n % 2 == 0 { "Cardiff" } else { "Swansea" },
                &format!("2026-03-{:02}", 1 + n % 28),
                vec![
                    kind(
                        "state_money",
                        "State money",
                        Unit::Money,
                        Period::Year,
                        pounds(1_000),
                        [20; 5],
                    ),
                    kind("time", name, Unit::Hours, Period::Year, 600, [20; 5]),
                ],
            );
            for (role, weights, both) in votes {
                let split = shares(weights);
                if both {
                    vote(
                        &mut w,
                        Role::ALL[role],
                        &[("state_money", split), ("time", split)],
                    );
                } else {
                    vote(&mut w, Role::ALL[role], &[("state_money", split)]);
                }
            }
            w
        })
}

/// Whole percents that add up to 100 from five weights.
fn shares(weights: [u32; 5]) -> [u32; 5] {
    let total: u32 = weights.iter().sum();
    if total == 0 {
        return [20; 5];
    }
    let mut out = weights.map(|w| w * 100 / total);
    let short = 100 - out.iter().sum::<u32>();
    out[0] += short;
    out
}

fn records() -> impl Strategy<Value = Vec<Workshop>> {
    prop::collection::vec(record(), 1..5).prop_map(|mut rs| {
        // One record per id: a second with the same id would be a copy.
        let mut seen = BTreeSet::new();
        rs.retain(|w| seen.insert(w.id));
        rs
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_order_or_repetition_of_the_records_gives_the_same_workshop(
        rs in records(),
        order in Just(()).prop_perturb(|_, mut rng| rng.next_u64()),
        repeats in prop::collection::vec(any::<prop::sample::Index>(), 0..4),
    ) {
        let once = combine(&rs, &KindMapping::new()).expect("the same kinds");
        prop_assert!(validate(&once).is_ok());
        // Another order, with some records given twice.
        let mut shuffled = rs.clone();
        for r in &repeats {
            shuffled.push(rs[r.index(rs.len())].clone());
        }
        let mut state = order | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(&combine(&shuffled, &KindMapping::new()).unwrap(), &once);
        // Every ballot, once, with its session.
        let total: usize = rs.iter().map(|w| w.ballots.len()).sum();
        prop_assert_eq!(once.ballots.len(), total);
        prop_assert_eq!(once.sessions.len(), rs.len());
        for w in &rs {
            for b in &w.ballots {
                prop_assert_eq!(once.ballot(b.id).and_then(|b| b.session), Some(w.id));
            }
        }
    }

    #[test]
    fn combining_a_combined_workshop_with_its_sources_changes_nothing(
        rs in records(),
        keep in prop::collection::vec(any::<bool>(), 5),
    ) {
        let once = combine(&rs, &KindMapping::new()).unwrap();
        prop_assert_eq!(&combine(std::slice::from_ref(&once), &KindMapping::new()).unwrap(), &once);
        let mut again = vec![once.clone()];
        again.extend(rs.iter().zip(&keep).filter(|(_, k)| **k).map(|(w, _)| w.clone()));
        prop_assert_eq!(&combine(&again, &KindMapping::new()).unwrap(), &once);
        // And through a file.
        let back = import_json(&export_json(&once)).unwrap();
        prop_assert_eq!(&back, &once);
    }

    #[test]
    fn the_sessions_results_together_are_the_rooms(rs in records()) {
        let w = combine(&rs, &KindMapping::new()).unwrap();
        let all = aggregate(&w);
        for (k, agg) in all.iter().enumerate() {
            let per_session: u32 = w
                .sessions
                .iter()
                .map(|s| session_aggregate(&w, Some(s.id))[k].participants)
                .sum();
            prop_assert_eq!(per_session, agg.participants);
        }
        for source in &rs {
            let own = aggregate(source);
            let theirs = session_aggregate(&w, Some(source.id));
            for (o, t) in own.iter().zip(&theirs) {
                prop_assert_eq!(&o.everyone, &t.everyone);
                prop_assert_eq!(&o.by_role, &t.by_role);
            }
        }
    }
}

// --------------------------------------------------- the browser's fixtures

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/combine")
}

/// What the browser test reads: the three records, a broken fourth, and the
/// figures the results page must show (mean % of state money per area, all
/// sessions and each session).
fn fixture_files() -> Vec<(String, String)> {
    let w = combined();
    // As the results table shows state money: each area's average, fair
    // split and middle value, to a tenth of a percent.
    let figures = |aggs: &[co_produce::model::KindAggregate]| -> serde_json::Value {
        let areas = &aggs[0].everyone.areas;
        let column = |f: fn(&co_produce::model::AreaStats) -> u32| -> Vec<String> {
            areas.iter().map(|a| format_percent_tenths(f(a))).collect()
        };
        serde_json::json!({
            "mean": column(|a| a.mean_bp),
            "fair": column(|a| a.fair_bp),
            "median": column(|a| a.median_bp),
            "participants": aggs[0].participants,
        })
    };
    let mut expected = serde_json::Map::new();
    expected.insert("id".into(), serde_json::json!(w.id.to_string()));
    expected.insert("all".into(), figures(&aggregate(&w)));
    let mut per = serde_json::Map::new();
    for s in &w.sessions {
        per.insert(s.name.clone(), figures(&session_aggregate(&w, Some(s.id))));
    }
    expected.insert("sessions".into(), serde_json::Value::Object(per));
    let mut broken = export_json(&cardiff_evening());
    broken = broken.replacen("\"date\": \"2026-03-01\"", "\"date\": \"1 March\"", 1);
    vec![
        (
            "cardiff-morning.json".into(),
            export_json(&cardiff_morning()),
        ),
        (
            "cardiff-evening.json".into(),
            export_json(&cardiff_evening()),
        ),
        ("swansea.json".into(), export_json(&swansea())),
        ("broken.json".into(), broken),
        (
            "expected.json".into(),
            format!(
                "{}\n",
                serde_json::to_string_pretty(&serde_json::Value::Object(expected)).unwrap()
            ),
        ),
    ]
}

#[test]
fn the_browser_tests_fixtures_are_up_to_date() {
    let dir = fixtures_dir();
    let update = std::env::var("UPDATE_FIXTURES").as_deref() == Ok("1");
    for (name, text) in fixture_files() {
        let path = dir.join(&name);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        let held = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            held == text,
            "{} is out of date: run UPDATE_FIXTURES=1 cargo test --test combine",
            path.display()
        );
    }
    // The broken file is refused, naming where.
    let broken = std::fs::read_to_string(dir.join("broken.json")).unwrap_or_default();
    if !update {
        match import_json(&broken) {
            Err(ImportError::Invalid { path, .. }) => assert_eq!(path, "workshop.date"),
            other => panic!("the broken fixture should be refused: {other:?}"),
        }
    }
}

#[test]
fn the_csv_has_a_session_column_only_when_there_are_sessions() {
    use co_produce::model::csv::{to_csv, CSV_HEADER, SESSION_COLUMNS};
    let plain = to_csv(&cardiff_morning());
    assert!(plain.starts_with(&format!("{}\r\n", CSV_HEADER.join(","))));
    let text = to_csv(&combined());
    let header = format!("{},{}\r\n", CSV_HEADER.join(","), SESSION_COLUMNS.join(","));
    assert!(text.starts_with(&header), "{text}");
    let width = CSV_HEADER.len() + SESSION_COLUMNS.len();
    for line in text.lines().skip(1) {
        // No cell of these records holds a comma or a line break.
        assert_eq!(line.split(',').count(), width, "{line}");
        if line.starts_with("\"ballot\"") {
            assert!(
                line.ends_with(",\"Cardiff morning\"")
                    || line.ends_with(",\"Cardiff evening\"")
                    || line.ends_with(",\"Swansea day\""),
                "{line}"
            );
        } else {
            assert!(line.ends_with(",\"\",\"\""), "{line}");
        }
    }
}
