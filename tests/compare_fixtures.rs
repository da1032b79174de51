#![cfg(not(target_arch = "wasm32"))]
//! The browser test of "Compare places" (`tests/e2e/compare.spec.mjs`) opens
//! the three hand-made places of `tests/places/` as the files the app
//! exports, and checks the screen's table and CSV against the host's
//! figures. This writes both, in `tests/fixtures/compare/`: the three
//! decision records, `expected.json` (each cell of the table as the English
//! screen writes it) and `expected.csv` (the comparison's CSV). A test fails
//! if they drift; `UPDATE_FIXTURES=1 cargo test --test compare_fixtures`
//! writes them again.

mod places;

use std::path::PathBuf;

use co_produce::model::format::Conventions;
use co_produce::model::{
    compare, comparison_csv, export_json, Direction, Figure, KindMapping, Outcome, Unit,
};
use places::*;
use serde_json::{json, Value};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare")
}

/// A cell as the English screen writes it: share, amount and, but for
/// today, the change in amount against the place's own today.
fn cell(c: &Conventions, unit: &Unit, f: Option<Figure>, today: bool) -> Value {
    match f {
        None => Value::Null,
        Some(f) if today => json!([c.percent_tenths(f.share_bp), c.amount(unit, f.amount)]),
        Some(f) => json!([
            c.percent_tenths(f.share_bp),
            c.amount(unit, f.amount),
            c.change(unit, f.change_amount)
        ]),
    }
}

fn expected() -> Value {
    let c = Conventions::english();
    let comparison = compare(&three_places(), &KindMapping::new());
    let kinds: Vec<Value> = comparison
        .kinds
        .iter()
        .map(|k| {
            let rows: Vec<Value> = k
                .areas
                .iter()
                .flat_map(|a| {
                    let comparison = &comparison;
                    let c = &c;
                    a.places.iter().map(move |p| {
                        let name = comparison
                            .place(p.workshop)
                            .map(|w| w.name.clone())
                            .unwrap_or_default();
                        json!({
                            "area": a.area.id(),
                            "place": name,
                            "today": cell(c, &k.kind.unit, Some(p.today), true),
                            "average": cell(c, &k.kind.unit, p.get(Outcome::Average), false),
                            "fair_split": cell(c, &k.kind.unit, p.get(Outcome::FairSplit), false),
                            "decision": cell(c, &k.kind.unit, p.get(Outcome::Decision), false),
                        })
                    })
                })
                .collect();
            json!({ "name": k.kind.name, "places": k.places.len(), "rows": rows })
        })
        .collect();
    let mismatches: Vec<Value> = comparison
        .mismatches
        .iter()
        .map(|m| json!({ "name": m.name, "candidates": m.candidates.iter().map(|c| c.name.clone()).collect::<Vec<_>>() }))
        .collect();
    // Where places agree by their agreed decisions (the screen's first choice).
    let agree: Vec<Value> = comparison
        .where_places_agree(Outcome::Decision)
        .iter()
        .map(|a| {
            json!({
                "kind": comparison.kinds[a.kind].kind.name,
                "area": a.area.id(),
                "more": a.direction == Direction::More,
                "places": a.places,
                "of": a.of,
            })
        })
        .collect();
    json!({
        "agree": agree,
        "places": comparison.places.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
        "kinds": kinds,
        "mismatches": mismatches,
    })
}

fn files() -> Vec<(String, String)> {
    let mut expected_json = serde_json::to_string_pretty(&expected()).expect("serialisable");
    expected_json.push('\n');
    vec![
        ("swansea.json".into(), export_json(&swansea())),
        ("cardiff-morning.json".into(), export_json(&morning())),
        ("cardiff-evening.json".into(), export_json(&evening())),
        ("expected.json".into(), expected_json),
        (
            "expected.csv".into(),
            comparison_csv(&compare(&three_places(), &KindMapping::new())),
        ),
    ]
}

#[test]
fn the_browser_tests_fixtures_are_the_hosts_figures() {
    let update = std::env::var("UPDATE_FIXTURES").as_deref() == Ok("1");
    for (name, text) in files() {
        let path = dir().join(&name);
        if update {
            std::fs::create_dir_all(dir()).expect("a fixtures folder");
            std::fs::write(&path, &text).expect("writable fixtures");
            continue;
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == text,
            "{} is not the host's: run UPDATE_FIXTURES=1 cargo test --test compare_fixtures",
            path.display()
        );
    }
}
