#![cfg(not(target_arch = "wasm32"))]
//! The decision record: export and import round trips, every kind of bad
//! input reported with its place, and an importer that never panics.

mod common;

use std::sync::OnceLock;

use co_produce::model::rules::MAX_RECORD_BYTES;
use co_produce::model::time::financial_year_label;
use co_produce::model::{
    export_json, import_json, validate, working_copy_json, Area, AreaShares, Id, ImportError,
    SchemaFound, Timestamp, Workshop, OLDEST_SCHEMA_VERSION, SCHEMA_VERSION,
};
use common::{at, id, realistic_workshop};
use proptest::prelude::*;
use serde_json::{json, Value};

fn exported() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| export_json(&realistic_workshop()))
}

fn exported_value() -> Value {
    serde_json::from_str(exported()).expect("the export is JSON")
}

/// Imports a JSON value, as a file holding it would be imported.
fn import_value(value: &Value) -> Result<Workshop, ImportError> {
    import_json(&serde_json::to_string_pretty(value).expect("serialisable"))
}

/// The error of an import that must fail, with its message.
fn refused(value: &Value) -> (ImportError, String) {
    let err = import_value(value).expect_err("the import must be refused");
    let message = err.to_string();
    (err, message)
}

fn path_of(err: &ImportError) -> &str {
    match err {
        ImportError::Shape { path, .. } | ImportError::Invalid { path, .. } => path
            .json_path()
            .unwrap_or_else(|| panic!("expected a JSON path, got {path:?}")),
        other => panic!("expected an error with a path, got {other:?}"),
    }
}

/// What every accepted workshop must satisfy.
fn assert_sound(w: &Workshop) {
    validate(w).expect("an imported workshop passes validate");
    for b in &w.ballots {
        assert_eq!(b.workshop_id, w.id);
        for (kind_id, a) in &b.allocations {
            assert!(
                w.kind(kind_id).is_some(),
                "allocation of an unknown kind {kind_id}"
            );
            let sum: u64 = a.areas.to_array().iter().map(|&v| u64::from(v)).sum();
            assert_eq!(sum, 10_000, "ballot {} kind {kind_id}", b.id);
        }
    }
    for k in &w.kinds {
        let sum: u64 = k.baseline.to_array().iter().map(|&v| u64::from(v)).sum();
        assert_eq!(sum, 10_000, "baseline of {}", k.id);
    }
    if let Some(d) = &w.agreed_decision {
        for (kind_id, s) in &d.shares {
            assert!(w.kind(kind_id).is_some());
            assert_eq!(s.validate(), Ok(()));
        }
    }
    // An accepted workshop is stable: it exports and re-imports to itself.
    let again = import_json(&export_json(w)).expect("an accepted workshop re-imports");
    assert_eq!(&again, w);
}

// ---------------------------------------------------------------- round trip

#[test]
fn realistic_workshop_is_valid_and_rich() {
    let w = realistic_workshop();
    validate(&w).expect("valid");
    assert_eq!(w.ballots.len(), 6);
    assert_eq!(w.kinds.len(), 5);
    let roles: std::collections::BTreeSet<_> = w.ballots.iter().map(|b| b.role).collect();
    assert_eq!(roles.len(), 5, "every role takes part");
    let b = w.ballot(id(12)).expect("ballot");
    let sm = &b.allocations["state_money"];
    assert_eq!(sm.areas.own_home, 3_500, "the first move held");
    assert_eq!(sm.locked, vec![Area::OwnHome, Area::WholeCommunity]);
    assert!(!w
        .ballot(id(15))
        .unwrap()
        .allocations
        .contains_key("community_resources"));
    assert!(w.agreed_decision.is_some());
}

#[test]
fn export_import_export_is_byte_identical() {
    let w = realistic_workshop();
    let first = export_json(&w);
    let imported = import_json(&first).expect("the export imports");
    assert_eq!(imported, w, "import gives an equal workshop");
    let second = export_json(&imported);
    assert_eq!(first, second, "re-export is byte-identical");
    assert!(first.ends_with("}\n"));
}

#[test]
fn the_working_copy_reads_back_as_the_same_workshop_and_is_smaller() {
    let w = realistic_workshop();
    let copy = working_copy_json(&w);
    assert_eq!(import_json(&copy).expect("the working copy imports"), w);
    let value: Value = serde_json::from_str(&copy).expect("JSON");
    assert_eq!(
        value["aggregates"],
        json!([]),
        "aggregates are derived, not stored"
    );
    // It uses no partnership check, so it is the version 1 copy it always was.
    assert_eq!(value["schema_version"], json!(OLDEST_SCHEMA_VERSION));
    assert!(
        copy.len() * 2 < export_json(&w).len(),
        "{} against {}",
        copy.len(),
        export_json(&w).len()
    );
}

/// A JSON path and the change to the record that breaks the shape there.
type Breakage = (&'static str, fn(&mut Value));

#[test]
fn shape_errors_have_the_same_path_on_one_line_as_pretty() {
    let breakages: [Breakage; 4] = [
        ("workshop.ballots[1].role", |v| {
            v["workshop"]["ballots"][1]["role"] = json!("mayor")
        }),
        ("workshop.kinds[0].baseline", |v| {
            v["workshop"]["kinds"][0]["baseline"] = json!("lots")
        }),
        (
            "workshop.ballots[0].allocations.state_money.locked[0]",
            |v| v["workshop"]["ballots"][0]["allocations"]["state_money"]["locked"] = json!([7]),
        ),
        ("workshop.notes.own_home.likes[0]", |v| {
            v["workshop"]["notes"]["own_home"]["likes"][0] = json!({"a \"quoted\" key": 1})
        }),
    ];
    for (want, break_it) in breakages {
        let mut v = exported_value();
        break_it(&mut v);
        let pretty = import_json(&serde_json::to_string_pretty(&v).expect("JSON")).expect_err(want);
        let compact = import_json(&serde_json::to_string(&v).expect("JSON")).expect_err(want);
        assert_eq!(path_of(&pretty), want, "{pretty}");
        assert_eq!(path_of(&compact), want, "{compact}");
    }
}

#[test]
fn export_writes_the_documented_shape() {
    let v = exported_value();
    assert_eq!(v["schema_version"], json!(SCHEMA_VERSION));
    assert!(v["generator"].as_str().unwrap().starts_with("Co-produce "));
    assert_eq!(v["workshop"]["id"], json!(id(1).to_string()));
    assert_eq!(v["workshop"]["date"], json!("2026-11-25"));
    assert_eq!(
        v["workshop"]["created_at"],
        json!("2026-11-25T09:00:00.123Z")
    );
    assert_eq!(v["workshop"]["ballots"][2]["role"], json!("commissioner"));
    assert_eq!(
        v["workshop"]["ballots"][0]["allocations"]["state_money"]["locked"],
        json!(["own_home", "whole_community"])
    );
    assert_eq!(v["workshop"]["kinds"][0]["unit"], json!({"type": "money"}));
    assert_eq!(v["workshop"]["kinds"][4]["unit"]["type"], json!("count"));
    assert_eq!(v["aggregates"].as_array().unwrap().len(), 5);
    // Text survives exactly, whatever it contains.
    assert_eq!(
        v["workshop"]["ballots"][4]["participant"],
        json!("Café <script>alert('hi')</script>")
    );
    assert_eq!(
        v["workshop"]["notes"]["whole_community"]["good_life"],
        json!("Bod yn rhan o'r gymuned. Être reconnu. 被看见。")
    );
}

#[test]
fn aggregates_in_the_file_are_ignored_on_import() {
    let mut v = exported_value();
    v["aggregates"] = json!([]);
    let w = import_value(&v).expect("aggregates are derived, not trusted");
    assert_eq!(w, realistic_workshop());
    // And an export recomputes them.
    assert_eq!(export_json(&w), exported());
}

#[test]
fn the_fair_split_is_exported_and_older_files_without_it_import() {
    let mut v = exported_value();
    // Every group's fair split is in the file and adds up to 100%.
    for agg in v["aggregates"].as_array().unwrap() {
        let groups =
            std::iter::once(&agg["everyone"]).chain(agg["by_role"].as_object().unwrap().values());
        for group in groups {
            let areas = group["areas"].as_array().unwrap();
            if !areas.is_empty() {
                let sum: u64 = areas.iter().map(|a| a["fair_bp"].as_u64().unwrap()).sum();
                assert_eq!(sum, 10_000);
            }
        }
    }
    // A file written before the fair split existed has no fair_bp at all.
    fn forget_fair(group: &mut Value) {
        for area in group["areas"].as_array_mut().unwrap() {
            area.as_object_mut().unwrap().remove("fair_bp");
        }
    }
    for agg in v["aggregates"].as_array_mut().unwrap() {
        forget_fair(&mut agg["everyone"]);
        agg["by_role"]
            .as_object_mut()
            .unwrap()
            .values_mut()
            .for_each(forget_fair);
    }
    assert!(!serde_json::to_string(&v).unwrap().contains("fair_bp"));
    let w = import_value(&v).expect("an older file imports");
    assert_eq!(w, realistic_workshop());
    // And exporting it again writes the fair split, recomputed.
    assert_eq!(export_json(&w), exported());
}

#[test]
fn a_fresh_workshop_round_trips() {
    let cat = common::hand_built_catalogue();
    let w = Workshop::new(Id(0), Timestamp(0), "1999-12-31".into(), &cat);
    let text = export_json(&w);
    let back = import_json(&text).expect("a fresh workshop imports");
    assert_eq!(back, w);
    assert_eq!(export_json(&back), text);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["workshop"]["agreed_decision"], Value::Null);
    assert_eq!(
        v["workshop"]["created_at"],
        json!("1970-01-01T00:00:00.000Z")
    );
}

#[test]
fn optional_fields_may_be_left_out() {
    let mut v = exported_value();
    let w = v["workshop"].as_object_mut().unwrap();
    w.remove("agreed_decision");
    let alloc = v["workshop"]["ballots"][0]["allocations"]["state_money"]
        .as_object_mut()
        .unwrap();
    alloc.remove("locked");
    alloc.remove("models");
    let imported = import_value(&v).expect("defaults fill optional fields");
    assert!(imported.agreed_decision.is_none());
    let a = &imported.ballots[0].allocations["state_money"];
    assert!(a.locked.is_empty() && a.models.is_empty());
}

// ---------------------------------------------------------------- bad input

#[test]
fn not_json_reports_line_and_column() {
    let err = import_json("{\n  \"schema_version\": 1,\n  oops\n}").unwrap_err();
    match &err {
        ImportError::NotJson {
            line,
            column,
            reason,
        } => {
            assert_eq!((*line, *column), (3, 3));
            assert!(
                !reason.to_string().contains(" at line "),
                "position not repeated: {reason}"
            );
        }
        other => panic!("expected NotJson, got {other:?}"),
    }
    let message = err.to_string();
    assert!(message.contains("line 3, column 3"), "{message}");

    for text in ["", "   ", "nul", "{", "[1,]", "\u{feff}{}", "{\"a\":1}{}"] {
        assert!(
            matches!(import_json(text), Err(ImportError::NotJson { .. })),
            "{text:?} is not JSON"
        );
    }
}

#[test]
fn truncated_export_is_not_json() {
    let text = exported();
    let cut = &text[..text.len() / 2];
    let err = import_json(cut).unwrap_err();
    let ImportError::NotJson { line, .. } = err else {
        panic!("expected NotJson, got {err:?}");
    };
    assert_eq!(line, cut.lines().count());
}

#[test]
fn wrong_schema_version_is_refused() {
    for version in [
        json!(5),
        json!(0),
        json!(4_294_967_297u64),
        json!("1"),
        json!(1.5),
        json!(null),
        json!(-1),
    ] {
        let mut v = exported_value();
        v["schema_version"] = version.clone();
        let (err, message) = refused(&v);
        assert!(
            matches!(err, ImportError::WrongSchema { .. }),
            "{version}: {err:?}"
        );
        assert!(message.contains("schema_version"), "{message}");
    }
    let (_, message) = refused(&json!({"schema_version": 5}));
    assert!(
        message.contains("schema_version is 5, this app reads versions 1 to 4"),
        "{message}"
    );
}

#[test]
fn missing_schema_version_is_refused() {
    let mut v = exported_value();
    v.as_object_mut().unwrap().remove("schema_version");
    let (err, message) = refused(&v);
    assert_eq!(
        err,
        ImportError::WrongSchema {
            found: SchemaFound::NoVersion
        }
    );
    assert!(message.contains("no schema_version"), "{message}");
    // JSON that is not an object at all.
    for text in ["[]", "42", "\"record\"", "null"] {
        assert!(
            matches!(import_json(text), Err(ImportError::WrongSchema { .. })),
            "{text}"
        );
    }
}

#[test]
fn missing_top_level_field_names_the_top_level() {
    let (err, message) = refused(&json!({"schema_version": 1}));
    assert!(matches!(err, ImportError::Shape { .. }), "{err:?}");
    assert!(message.contains("the top level"), "{message}");
    assert!(message.contains("generator"), "{message}");
}

#[test]
fn unknown_area_key_in_shares_reports_its_path() {
    let mut v = exported_value();
    let areas = &mut v["workshop"]["ballots"][0]["allocations"]["state_money"]["areas"];
    let own_home = areas["own_home"].take();
    let areas = areas.as_object_mut().unwrap();
    areas.remove("own_home");
    areas.insert("own_hom".into(), own_home);
    let (err, message) = refused(&v);
    assert!(matches!(err, ImportError::Shape { .. }), "{err:?}");
    let path = path_of(&err);
    assert!(
        path.starts_with("workshop.ballots[0].allocations.state_money.areas"),
        "{path}"
    );
    assert!(
        message.contains("workshop.ballots[0].allocations.state_money.areas"),
        "{message}"
    );
    assert!(
        message.contains("own_hom"),
        "the unknown key is named: {message}"
    );
}

#[test]
fn unknown_area_key_in_notes_reports_its_path() {
    let mut v = exported_value();
    let notes = v["workshop"]["notes"]["own_home"].take();
    v["workshop"]["notes"]
        .as_object_mut()
        .unwrap()
        .insert("back_garden".into(), notes);
    let (err, message) = refused(&v);
    assert_eq!(path_of(&err), "workshop.notes.back_garden", "{err:?}");
    assert!(message.contains("workshop.notes.back_garden"), "{message}");
    assert!(
        message.contains("own_home"),
        "the known areas are listed: {message}"
    );
}

#[test]
fn errors_inside_maps_keyed_by_area_or_role_name_the_key() {
    let mut v = exported_value();
    v["workshop"]["notes"]["own_home"]["likes"][1] = json!(null);
    let (err, _) = refused(&v);
    assert_eq!(path_of(&err), "workshop.notes.own_home.likes[1]");

    let mut v = exported_value();
    v["workshop"]["agreed_decision"]["rationale"]["own_home"] = json!(42);
    let (err, _) = refused(&v);
    assert_eq!(path_of(&err), "workshop.agreed_decision.rationale.own_home");

    let mut v = exported_value();
    let models =
        &mut v["workshop"]["ballots"][0]["allocations"]["state_money"]["models"]["own_home"];
    let first = models.as_object().unwrap().keys().next().unwrap().clone();
    models[&first] = json!(-5);
    let (err, _) = refused(&v);
    assert_eq!(
        path_of(&err),
        format!("workshop.ballots[0].allocations.state_money.models.own_home.{first}")
    );

    let mut v = exported_value();
    v["aggregates"][0]["by_role"]["citizen"]["participants"] = json!("two");
    let (err, _) = refused(&v);
    assert_eq!(path_of(&err), "aggregates[0].by_role.citizen.participants");
}

#[test]
fn areas_and_roles_are_plain_strings() {
    // serde's derived enums would also read `{"citizen": null}`; the record
    // (and its schema) only has the string form.
    let mut v = exported_value();
    v["workshop"]["ballots"][0]["role"] = json!({"citizen": null});
    assert_eq!(path_of(&refused(&v).0), "workshop.ballots[0].role");
    let mut v = exported_value();
    v["workshop"]["ballots"][0]["allocations"]["state_money"]["locked"] =
        json!([{"own_home": null}]);
    assert_eq!(
        path_of(&refused(&v).0),
        "workshop.ballots[0].allocations.state_money.locked[0]"
    );
}

#[test]
fn shares_summing_to_9999_report_their_path() {
    let mut v = exported_value();
    let areas = &mut v["workshop"]["ballots"][0]["allocations"]["state_money"]["areas"];
    let own = areas["own_home"].as_u64().unwrap();
    areas["own_home"] = json!(own - 1);
    let (err, message) = refused(&v);
    assert!(matches!(err, ImportError::Invalid { .. }), "{err:?}");
    assert_eq!(
        path_of(&err),
        "workshop.ballots[0].allocations.state_money.areas"
    );
    assert!(
        message.starts_with("At workshop.ballots[0].allocations.state_money.areas:"),
        "{message}"
    );
    assert!(message.contains("99.99%"), "the sum is shown: {message}");
}

#[test]
fn shares_summing_to_more_than_100_are_refused() {
    let mut v = exported_value();
    v["workshop"]["ballots"][3]["allocations"]["peoples_time"]["areas"]["whole_community"] =
        json!(u32::MAX);
    let (err, message) = refused(&v);
    assert_eq!(
        path_of(&err),
        "workshop.ballots[3].allocations.peoples_time.areas"
    );
    assert!(message.contains("instead of 100%"), "{message}");
}

#[test]
fn negative_or_fractional_share_is_a_shape_error() {
    for bad in [
        json!(-1),
        json!(2000.5),
        json!("2000"),
        json!(null),
        json!(4_294_967_296u64),
    ] {
        let mut v = exported_value();
        v["workshop"]["kinds"][1]["baseline"]["own_home"] = bad.clone();
        let (err, message) = refused(&v);
        assert!(matches!(err, ImportError::Shape { .. }), "{bad}: {err:?}");
        assert_eq!(
            path_of(&err),
            "workshop.kinds[1].baseline.own_home",
            "{bad}"
        );
        assert!(
            message.contains("workshop.kinds[1].baseline.own_home"),
            "{message}"
        );
    }
}

#[test]
fn baseline_and_decision_sums_are_checked() {
    let mut v = exported_value();
    v["workshop"]["kinds"][2]["baseline"]["own_home"] = json!(0);
    let (err, _) = refused(&v);
    assert_eq!(path_of(&err), "workshop.kinds[2].baseline");

    let mut v = exported_value();
    v["workshop"]["agreed_decision"]["shares"]["state_money"]["whole_community"] = json!(1_001);
    let (err, message) = refused(&v);
    assert_eq!(path_of(&err), "workshop.agreed_decision.shares.state_money");
    assert!(
        message.contains("workshop.agreed_decision.shares.state_money"),
        "{message}"
    );
}

#[test]
fn model_split_must_add_up() {
    let mut v = exported_value();
    let models = v["workshop"]["ballots"][0]["allocations"]["state_money"]["models"]["own_home"]
        .as_object_mut()
        .expect("the first ballot split its own-home models");
    let first = models.keys().next().unwrap().clone();
    models[&first] = json!(models[&first].as_u64().unwrap() + 1);
    let (err, _) = refused(&v);
    assert_eq!(
        path_of(&err),
        "workshop.ballots[0].allocations.state_money.models.own_home"
    );
}

#[test]
fn ballot_of_another_workshop_is_refused() {
    let mut v = exported_value();
    v["workshop"]["ballots"][2]["workshop_id"] = json!(id(99).to_string());
    let (err, message) = refused(&v);
    assert!(matches!(err, ImportError::Invalid { .. }));
    assert_eq!(path_of(&err), "workshop.ballots[2].workshop_id");
    assert!(
        message.contains("workshop.ballots[2].workshop_id"),
        "{message}"
    );
    assert!(
        message.contains(&id(99).short()),
        "the other workshop is named: {message}"
    );
}

#[test]
fn unknown_kind_id_is_refused() {
    let mut v = exported_value();
    let alloc = v["workshop"]["ballots"][1]["allocations"]["state_money"].clone();
    v["workshop"]["ballots"][1]["allocations"]
        .as_object_mut()
        .unwrap()
        .insert("lottery_money".into(), alloc);
    let (err, message) = refused(&v);
    assert_eq!(
        path_of(&err),
        "workshop.ballots[1].allocations.lottery_money"
    );
    assert!(message.contains("not a resource kind"), "{message}");

    let mut v = exported_value();
    let shares = v["workshop"]["agreed_decision"]["shares"]["state_money"].clone();
    v["workshop"]["agreed_decision"]["shares"]
        .as_object_mut()
        .unwrap()
        .insert("lottery_money".into(), shares);
    let (err, _) = refused(&v);
    assert_eq!(
        path_of(&err),
        "workshop.agreed_decision.shares.lottery_money"
    );
}

#[test]
fn duplicate_ids_are_refused() {
    let mut v = exported_value();
    v["workshop"]["ballots"][4]["id"] = v["workshop"]["ballots"][1]["id"].clone();
    let (err, message) = refused(&v);
    assert_eq!(path_of(&err), "workshop.ballots[4].id");
    assert!(message.contains("used twice"), "{message}");

    let mut v = exported_value();
    v["workshop"]["kinds"][3]["id"] = json!("state_money");
    let (err, _) = refused(&v);
    assert_eq!(path_of(&err), "workshop.kinds[3].id");
}

#[test]
fn bad_ids_are_shape_errors() {
    for bad in [
        "",
        "XYZ",
        "0123456789ABCDEF0123456789ABCDEF",
        "0123456789abcdef0123456789abcde",
    ] {
        let mut v = exported_value();
        v["workshop"]["ballots"][0]["id"] = json!(bad);
        let (err, message) = refused(&v);
        assert_eq!(path_of(&err), "workshop.ballots[0].id", "{bad:?}");
        assert!(message.contains("32 hex digits"), "{message}");
    }
}

#[test]
fn bad_date_is_refused() {
    for bad in [
        "2026-02-30",
        "25/11/2026",
        "2026-13-01",
        "1899-12-31",
        "",
        "2026-1-5",
        "２０２６-11-25",
    ] {
        let mut v = exported_value();
        v["workshop"]["date"] = json!(bad);
        let (err, message) = refused(&v);
        assert!(
            matches!(err, ImportError::Invalid { .. }),
            "{bad:?}: {err:?}"
        );
        assert_eq!(path_of(&err), "workshop.date");
        assert!(message.starts_with("At workshop.date:"), "{message}");
    }
    let mut v = exported_value();
    v["workshop"]["date"] = json!(20261125);
    assert_eq!(path_of(&refused(&v).0), "workshop.date");
}

#[test]
fn bad_timestamp_is_refused() {
    for bad in [
        "2026-11-25T14:36:21Z",
        "2026-11-25 14:36:21.123Z",
        "2026-11-25T24:00:00.000Z",
        "2026-11-25T14:36:21.123+01:00",
        "2026-02-29T00:00:00.000Z",
        "yesterday",
    ] {
        let mut v = exported_value();
        v["workshop"]["ballots"][5]["updated_at"] = json!(bad);
        let (err, message) = refused(&v);
        assert!(matches!(err, ImportError::Shape { .. }), "{bad:?}: {err:?}");
        assert_eq!(path_of(&err), "workshop.ballots[5].updated_at");
        assert!(
            message.contains("workshop.ballots[5].updated_at"),
            "{message}"
        );
        assert!(
            message.contains("2026-11-25T14:36:21.123Z"),
            "the form is shown: {message}"
        );
    }
    let mut v = exported_value();
    v["workshop"]["created_at"] = json!(1_764_000_000_000i64);
    assert_eq!(path_of(&refused(&v).0), "workshop.created_at");
}

#[test]
fn unknown_role_and_unknown_fields_are_shape_errors() {
    let mut v = exported_value();
    v["workshop"]["ballots"][3]["role"] = json!("mayor");
    let (err, message) = refused(&v);
    assert_eq!(path_of(&err), "workshop.ballots[3].role");
    assert!(message.contains("mayor"), "{message}");

    let mut v = exported_value();
    v["workshop"]["ballots"][3]["secret"] = json!(true);
    let (err, message) = refused(&v);
    assert!(path_of(&err).starts_with("workshop.ballots[3]"), "{err:?}");
    assert!(message.contains("secret"), "{message}");

    let mut v = exported_value();
    v["extra"] = json!(1);
    assert!(matches!(refused(&v).0, ImportError::Shape { .. }));
}

#[test]
fn text_rules_report_their_path() {
    let mut v = exported_value();
    v["workshop"]["ballots"][0]["participant"] = json!("   ");
    assert_eq!(path_of(&refused(&v).0), "workshop.ballots[0].participant");

    let mut v = exported_value();
    v["workshop"]["name"] = json!("x".repeat(201));
    assert_eq!(path_of(&refused(&v).0), "workshop.name");
    let mut v = exported_value();
    v["workshop"]["name"] = json!("é".repeat(200));
    import_value(&v).expect("200 characters, whatever their bytes, are fine");

    let mut v = exported_value();
    v["workshop"]["notes"]["own_home"]["dislikes"][1] = json!("");
    assert_eq!(
        path_of(&refused(&v).0),
        "workshop.notes.own_home.dislikes[1]"
    );

    let mut v = exported_value();
    v["workshop"]["kinds"][4]["unit"]["noun"] = json!("");
    assert_eq!(path_of(&refused(&v).0), "workshop.kinds[4].unit.noun");

    let mut v = exported_value();
    v["workshop"]["kinds"][0]["id"] = json!("State Money");
    assert_eq!(path_of(&refused(&v).0), "workshop.kinds[0].id");
}

#[test]
fn totals_out_of_range_are_refused() {
    let mut v = exported_value();
    v["workshop"]["kinds"][0]["total"] = json!(-1);
    assert_eq!(path_of(&refused(&v).0), "workshop.kinds[0].total");
    let mut v = exported_value();
    v["workshop"]["kinds"][0]["projected"][2] = json!(1_000_000_000_000_001i64);
    assert_eq!(path_of(&refused(&v).0), "workshop.kinds[0].projected[2]");
    let mut v = exported_value();
    v["workshop"]["kinds"][0]["total"] = json!(1e30);
    assert_eq!(path_of(&refused(&v).0), "workshop.kinds[0].total");
}

#[test]
fn locked_areas_must_be_in_order_once() {
    let mut v = exported_value();
    v["workshop"]["ballots"][0]["allocations"]["state_money"]["locked"] =
        json!(["whole_community", "own_home"]);
    assert_eq!(
        path_of(&refused(&v).0),
        "workshop.ballots[0].allocations.state_money.locked"
    );
}

#[test]
fn kinds_must_be_present() {
    let mut v = exported_value();
    v["workshop"]["kinds"] = json!([]);
    v["workshop"]["ballots"] = json!([]);
    v["workshop"]["agreed_decision"] = json!(null);
    assert_eq!(path_of(&refused(&v).0), "workshop.kinds");
}

#[test]
fn too_large_is_refused_before_parsing() {
    let text = " ".repeat(MAX_RECORD_BYTES + 1);
    let err = import_json(&text).unwrap_err();
    assert_eq!(
        err,
        ImportError::TooLarge {
            bytes: text.len(),
            limit: MAX_RECORD_BYTES
        }
    );
    assert!(err.to_string().contains("too large"), "{err}");
    // Past the old limit of 20 MB is parsed (and is not JSON).
    let text = " ".repeat(20 * 1024 * 1024 + 1);
    assert!(matches!(
        import_json(&text),
        Err(ImportError::NotJson { .. })
    ));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(
        import_json(&text),
        Err(ImportError::NotJson { .. })
    ));
    let mut v = exported_value();
    let mut deep = json!(1);
    for _ in 0..100 {
        deep = json!([deep]);
    }
    v["workshop"]["name"] = deep;
    assert_eq!(path_of(&refused(&v).0), "workshop.name");
}

// ---------------------------------------------------------------- time, ids, labels

proptest! {
    #[test]
    fn timestamp_round_trips(ms in 0i64..=253_402_300_799_999) {
        let text = Timestamp(ms).to_rfc3339();
        prop_assert_eq!(text.len(), 24);
        prop_assert_eq!(Timestamp::parse(&text), Some(Timestamp(ms)));
    }

    #[test]
    fn timestamp_text_sorts_in_time_order(a in 0i64..=253_402_300_799_999, b in 0i64..=253_402_300_799_999) {
        prop_assert_eq!(a.cmp(&b), Timestamp(a).to_rfc3339().cmp(&Timestamp(b).to_rfc3339()));
    }

    #[test]
    fn timestamp_never_panics(ms in any::<i64>(), text in ".{0,30}") {
        let written = Timestamp(ms).to_rfc3339();
        if let Some(t) = Timestamp::parse(&written) {
            prop_assert_eq!(t, Timestamp(ms));
        }
        if let Some(t) = Timestamp::parse(&text) {
            prop_assert_eq!(t.to_rfc3339(), text);
        }
    }

    #[test]
    fn id_round_trips(n in any::<u128>()) {
        let text = Id(n).to_string();
        prop_assert_eq!(text.len(), 32);
        prop_assert!(text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
        prop_assert_eq!(Id::parse(&text), Some(Id(n)));
        prop_assert_eq!(Id::from_bytes(n.to_be_bytes()), Id(n));
        prop_assert_eq!(Id(n).short(), text[..8].to_string());
        let json = serde_json::to_string(&Id(n)).unwrap();
        prop_assert_eq!(serde_json::from_str::<Id>(&json).unwrap(), Id(n));
        if text.bytes().any(|b| b.is_ascii_alphabetic()) {
            prop_assert_eq!(Id::parse(&text.to_uppercase()), None);
        }
    }

    #[test]
    fn id_parse_never_panics(text in ".{0,40}") {
        if let Some(id) = Id::parse(&text) {
            prop_assert_eq!(id.to_string(), text);
        }
    }
}

#[test]
fn timestamp_examples() {
    assert_eq!(Timestamp(0).to_rfc3339(), "1970-01-01T00:00:00.000Z");
    assert_eq!(
        Timestamp(253_402_300_799_999).to_rfc3339(),
        "9999-12-31T23:59:59.999Z"
    );
    assert_eq!(
        Timestamp::parse("2026-11-25T14:36:21.123Z"),
        Some(Timestamp(1_795_617_381_123))
    );
    assert_eq!(
        Timestamp::parse("2024-02-29T12:00:00.000Z").map(|t| t.to_rfc3339()),
        Some("2024-02-29T12:00:00.000Z".to_string())
    );
    assert_eq!(Timestamp(-1).to_rfc3339(), "1969-12-31T23:59:59.999Z");
    assert_eq!(
        Timestamp::parse("1900-01-01T00:00:00.000Z"),
        Some(Timestamp(-2_208_988_800_000))
    );
    for bad in [
        "2026-11-25T14:36:21.123z",
        "2026-11-25T14:60:00.000Z",
        "2026-11-25T14:36:60.000Z",
        "2026-11-25T14:36:21.12Z",
        "2026-11-25T14:36:21.1234",
        "1899-12-31T23:59:59.999Z",
        "2026-11-25T+1:36:21.123Z",
        "2026-11-25T14:36:21.-12Z",
        "",
    ] {
        assert_eq!(Timestamp::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn id_examples() {
    let mut bytes = [0u8; 16];
    bytes[15] = 1;
    assert_eq!(Id::from_bytes(bytes), Id(1));
    assert_eq!(Id(1).to_string(), "00000000000000000000000000000001");
    bytes = [0xab; 16];
    assert_eq!(Id::from_bytes(bytes).to_string(), "ab".repeat(16));
    assert_eq!(Id::from_bytes(bytes).short(), "abababab");
    assert_eq!(Id::parse(&"f".repeat(32)), Some(Id(u128::MAX)));
    for bad in [
        "",
        "0",
        &"0".repeat(33),
        &format!("+{}", "0".repeat(31)),
        &"g".repeat(32),
        &"é".repeat(16),
    ] {
        assert_eq!(Id::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn financial_year_labels() {
    assert_eq!(
        financial_year_label("2026-11-25", 0).as_deref(),
        Some("2026/27")
    );
    assert_eq!(
        financial_year_label("2026-11-25", 1).as_deref(),
        Some("2027/28")
    );
    assert_eq!(
        financial_year_label("2026-04-01", 0).as_deref(),
        Some("2026/27")
    );
    assert_eq!(
        financial_year_label("2026-03-31", 0).as_deref(),
        Some("2025/26")
    );
    assert_eq!(
        financial_year_label("2026-01-01", 2).as_deref(),
        Some("2027/28")
    );
    assert_eq!(
        financial_year_label("1999-06-30", 0).as_deref(),
        Some("1999/00")
    );
    assert_eq!(
        financial_year_label("2099-12-01", 0).as_deref(),
        Some("2099/00")
    );
    assert_eq!(
        financial_year_label("2008-05-01", 1).as_deref(),
        Some("2009/10")
    );
    assert_eq!(
        financial_year_label("2026-11-25", -1).as_deref(),
        Some("2025/26")
    );
    assert_eq!(financial_year_label("not a date", 0), None);
    assert_eq!(financial_year_label("2026-02-30", 0), None);
    // Absurd offsets give no label rather than a crash.
    assert_eq!(financial_year_label("2026-11-25", i64::MAX), None);
    let _ = financial_year_label("2026-11-25", i64::MIN);
    let _ = financial_year_label("1900-01-01", i64::MIN);
}

// ---------------------------------------------------------------- never panics

/// One step of the path to a node of a JSON value.
#[derive(Debug, Clone)]
enum Seg {
    Key(String),
    Index(usize),
}

/// A node of a JSON value: where it is and what it holds.
#[derive(Debug, Clone)]
struct Node {
    path: Vec<Seg>,
    is_number: bool,
    is_string: bool,
}

fn collect_paths(v: &Value, prefix: &mut Vec<Seg>, out: &mut Vec<Node>) {
    out.push(Node {
        path: prefix.clone(),
        is_number: v.is_number(),
        is_string: v.is_string(),
    });
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                prefix.push(Seg::Key(k.clone()));
                collect_paths(child, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                prefix.push(Seg::Index(i));
                collect_paths(child, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn node_mut<'a>(v: &'a mut Value, path: &[Seg]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |node, seg| match seg {
        Seg::Key(k) => node.get_mut(k.as_str()),
        Seg::Index(i) => node.get_mut(*i),
    })
}

/// A structured change to one node of a record.
#[derive(Debug, Clone)]
enum Mutation {
    /// Replace a number (or anything) with this integer.
    Int(i64),
    /// Nudge a number by a small amount.
    Nudge(i64),
    /// Replace with a float.
    Float(f64),
    /// Replace with a string.
    Text(String),
    /// Remove the node from its parent object or array.
    Remove,
    /// Replace with null, true, an empty array or an empty object.
    Blank(u8),
    /// Copy the node over a sibling (duplicates ids, keys, ballots).
    Duplicate,
    /// Rename an object key.
    Rename(String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        prop_oneof![
            Just(0i64),
            Just(-1),
            Just(10_000),
            Just(10_001),
            any::<i64>(),
            0i64..20_000
        ]
        .prop_map(Mutation::Int),
        (-3i64..=3).prop_map(Mutation::Nudge),
        any::<f64>().prop_map(Mutation::Float),
        prop_oneof![
            Just(String::new()),
            Just("own_home".to_string()),
            Just("state_money".to_string()),
            Just("citizen".to_string()),
            Just("2026-02-29".to_string()),
            Just("0123456789abcdef0123456789abcdef".to_string()),
            ".{0,12}",
        ]
        .prop_map(Mutation::Text),
        Just(Mutation::Remove),
        (0u8..4).prop_map(Mutation::Blank),
        Just(Mutation::Duplicate),
        prop_oneof![
            Just("own_home".to_string()),
            Just("custom_2".to_string()),
            "[a-z_]{0,10}"
        ]
        .prop_map(Mutation::Rename),
    ]
}

fn apply(root: &mut Value, path: &[Seg], m: &Mutation) {
    if let (
        Some((last, parent_path)),
        Mutation::Remove | Mutation::Duplicate | Mutation::Rename(_),
    ) = (path.split_last(), m)
    {
        let Some(parent) = node_mut(root, parent_path) else {
            return;
        };
        match (parent, last, m) {
            (Value::Object(map), Seg::Key(k), Mutation::Remove) => {
                map.remove(k);
            }
            (Value::Array(items), Seg::Index(i), Mutation::Remove) if *i < items.len() => {
                items.remove(*i);
            }
            (Value::Object(map), Seg::Key(k), Mutation::Rename(new)) => {
                if let Some(child) = map.remove(k) {
                    map.insert(new.clone(), child);
                }
            }
            (Value::Array(items), Seg::Index(i), Mutation::Duplicate) if *i < items.len() => {
                let copy = items[*i].clone();
                items.insert(*i, copy);
            }
            (Value::Object(map), Seg::Key(k), Mutation::Duplicate) => {
                let copy = map[k].clone();
                if let Some(other) = map.keys().find(|o| *o != k).cloned() {
                    map.insert(other, copy);
                }
            }
            _ => {}
        }
        return;
    }
    let Some(node) = node_mut(root, path) else {
        return;
    };
    *node = match m {
        Mutation::Int(n) => json!(n),
        Mutation::Nudge(d) => match node.as_i64() {
            Some(n) => json!(n.saturating_add(*d)),
            None => return,
        },
        Mutation::Float(f) => json!(f),
        Mutation::Text(t) => json!(t),
        Mutation::Blank(0) => Value::Null,
        Mutation::Blank(1) => json!(true),
        Mutation::Blank(2) => json!([]),
        Mutation::Blank(_) => json!({}),
        Mutation::Remove | Mutation::Duplicate | Mutation::Rename(_) => return,
    };
}

/// A byte-level change to the JSON text.
#[derive(Debug, Clone)]
enum ByteEdit {
    Flip(prop::sample::Index, u8),
    Delete(prop::sample::Index, usize),
    Insert(prop::sample::Index, u8),
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    prop_oneof![
        (any::<prop::sample::Index>(), 1u8..=255).prop_map(|(i, x)| ByteEdit::Flip(i, x)),
        (any::<prop::sample::Index>(), 1usize..40).prop_map(|(i, n)| ByteEdit::Delete(i, n)),
        (
            any::<prop::sample::Index>(),
            prop_oneof![
                any::<u8>(),
                prop::sample::select(b"{}[]\",:0123456789-.e\\".to_vec())
            ]
        )
            .prop_map(|(i, b)| ByteEdit::Insert(i, b)),
    ]
}

fn check_import(text: &str) -> Result<(), TestCaseError> {
    match import_json(text) {
        Ok(w) => assert_sound(&w),
        Err(e) => {
            // Every error has a readable message.
            prop_assert!(!e.to_string().is_empty());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn import_of_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_import(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn import_of_arbitrary_json_never_panics(text in r#"\{("(schema_version|workshop|generator|aggregates)":(1|null|\[\]|\{\}|"x"),?){0,5}\}"#) {
        check_import(&text)?;
    }

    #[test]
    fn import_of_byte_mutated_records_never_panics(edits in prop::collection::vec(byte_edit(), 1..6)) {
        let mut bytes = exported().as_bytes().to_vec();
        for edit in &edits {
            match edit {
                ByteEdit::Flip(i, x) => {
                    let i = i.index(bytes.len());
                    bytes[i] ^= x;
                }
                ByteEdit::Delete(i, n) => {
                    let i = i.index(bytes.len());
                    let end = (i + n).min(bytes.len());
                    bytes.drain(i..end);
                }
                ByteEdit::Insert(i, b) => {
                    let i = i.index(bytes.len() + 1);
                    bytes.insert(i, *b);
                }
            }
            if bytes.is_empty() {
                break;
            }
        }
        check_import(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn import_of_structurally_mutated_records_never_panics(
        in_workshop in prop::bool::weighted(0.85),
        edits in prop::collection::vec((any::<prop::sample::Index>(), mutation()), 1..4),
    ) {
        let mut v = exported_value();
        for (pick, m) in &edits {
            let mut paths = Vec::new();
            let start = if in_workshop { vec![Seg::Key("workshop".into())] } else { Vec::new() };
            match node_mut(&mut v, &start) {
                Some(node) => collect_paths(node, &mut start.clone(), &mut paths),
                None => collect_paths(&v, &mut Vec::new(), &mut paths),
            }
            // Numbers are mostly changed into numbers and strings into strings,
            // so that many mutated records are still accepted and checked.
            let fitting: Vec<&Node> = paths
                .iter()
                .filter(|n| match m {
                    Mutation::Int(_) | Mutation::Nudge(_) | Mutation::Float(_) => n.is_number,
                    Mutation::Text(_) => n.is_string,
                    _ => true,
                })
                .collect();
            let path = if fitting.is_empty() { &pick.get(&paths).path } else { &pick.get(&fitting).path }.clone();
            apply(&mut v, &path, m);
        }
        let text = serde_json::to_string(&v).expect("serialisable");
        check_import(&text)?;
    }
}

#[test]
fn structural_mutation_that_keeps_the_sum_is_accepted() {
    // Moving one basis point between two areas keeps the record valid.
    let mut v = exported_value();
    let areas = &mut v["workshop"]["ballots"][1]["allocations"]["peoples_time"]["areas"];
    let a = areas["accommodation"].as_u64().unwrap();
    let b = areas["leaving_hospital"].as_u64().unwrap();
    assert!(a > 0);
    areas["accommodation"] = json!(a - 1);
    areas["leaving_hospital"] = json!(b + 1);
    let w = import_value(&v).expect("still 100%");
    assert_sound(&w);
    assert_ne!(w, realistic_workshop());
}

#[test]
fn derived_values_survive_a_round_trip() {
    let w = realistic_workshop();
    let back = import_json(&export_json(&w)).unwrap();
    let draft_a = w.decision_or_draft(at(100));
    let draft_b = back.decision_or_draft(at(100));
    assert_eq!(draft_a, draft_b);
    let b = back.ballot(id(13)).unwrap();
    assert_eq!(b.participant, "李雷 — Care & Co. Ltd");
    assert_eq!(b.allocations["state_money"].areas.validate(), Ok(()));
    assert_eq!(AreaShares::default().to_array(), [2_000; 5]);
}

// ---------------------------------------------------------------- version 2: the partnership check

/// A record of version 1, written by the app before the partnership check.
const RECORD_V1: &str = include_str!("fixtures/record-v1.json");

#[test]
fn a_version_1_record_still_imports() {
    let v: Value = serde_json::from_str(RECORD_V1).expect("JSON");
    assert_eq!(v["schema_version"], json!(1));
    assert!(v.get("partnership_results").is_none());
    let w = import_json(RECORD_V1).expect("a version 1 record imports");
    assert_eq!(
        w,
        common::realistic_workshop_with(&common::hand_built_catalogue())
    );
    assert_eq!(
        w.partnership_check,
        co_produce::model::PartnershipCheck::Off
    );
    assert!(w.ballots.iter().all(|b| b.partnership.is_empty()));
    assert_sound(&w);
    // Written again, it is a record of this version with the same workshop.
    let again: Value = serde_json::from_str(&export_json(&w)).expect("JSON");
    assert_eq!(again["schema_version"], json!(SCHEMA_VERSION));
    assert_eq!(
        again["workshop"], v["workshop"],
        "the workshop is written as before"
    );
    assert_eq!(again["aggregates"], v["aggregates"]);
}

#[test]
fn a_version_2_record_with_ratings_round_trips_byte_for_byte() {
    let w = common::realistic_workshop_with_ratings();
    let first = export_json(&w);
    let imported = import_json(&first).expect("imports");
    assert_eq!(imported, w);
    assert_eq!(export_json(&imported), first, "re-export is byte-identical");
    assert_sound(&imported);

    let v: Value = serde_json::from_str(&first).expect("JSON");
    assert_eq!(v["schema_version"], json!(SCHEMA_VERSION));
    assert_eq!(
        v["workshop"]["partnership_check"],
        json!("after_allocation")
    );
    assert_eq!(
        v["workshop"]["ballots"][0]["partnership"],
        json!({"leadership": "a_little", "recognising_power_imbalances": "not_at_all"})
    );
    let results = &v["partnership_results"];
    assert_eq!(results["participants"], json!(5));
    assert_eq!(
        results["biggest_gap"],
        json!("recognising_power_imbalances")
    );
    assert_eq!(results["principles"].as_array().map(Vec::len), Some(6));
    // The working copy holds them too, as version 2 (it has no notes).
    let copy = working_copy_json(&w);
    assert_eq!(import_json(&copy).expect("imports"), w);
    let copy: Value = serde_json::from_str(&copy).expect("JSON");
    assert_eq!(copy["schema_version"], json!(2));
    assert!(
        copy.get("partnership_results").is_none(),
        "derived, not stored"
    );
}

#[test]
fn partnership_results_in_the_file_are_ignored_on_import() {
    let w = common::realistic_workshop_with_ratings();
    let mut v: Value = serde_json::from_str(&export_json(&w)).expect("JSON");
    v["partnership_results"]["biggest_gap"] = json!("leadership");
    v["partnership_results"]["participants"] = json!(999);
    let imported = import_value(&v).expect("derived figures are not trusted");
    assert_eq!(export_json(&imported), export_json(&w), "recomputed");
    v.as_object_mut().unwrap().remove("partnership_results");
    assert_eq!(import_value(&v).expect("may be left out"), w);
}

#[test]
fn a_version_1_record_cannot_hold_the_partnership_check() {
    let w = common::realistic_workshop_with_ratings();
    let mut v: Value = serde_json::from_str(&export_json(&w)).expect("JSON");
    v["schema_version"] = json!(1);
    let (err, message) = refused(&v);
    assert_eq!(path_of(&err), "workshop.partnership_check", "{message}");
    assert!(message.contains("schema_version 2"), "{message}");
    v["workshop"]
        .as_object_mut()
        .unwrap()
        .remove("partnership_check");
    let (err, _) = refused(&v);
    assert_eq!(path_of(&err), "workshop.ballots[0].partnership");
}

#[test]
fn unknown_principles_and_ratings_name_their_path() {
    let w = common::realistic_workshop_with_ratings();
    let base: Value = serde_json::from_str(&export_json(&w)).expect("JSON");
    let cases: [Breakage; 5] = [
        // The only rating of that ballot: the last value of its map.
        (
            "workshop.ballots[4].partnership.shared_interpretation_of_legislation",
            |v| {
                v["workshop"]["ballots"][4]["partnership"]["shared_interpretation_of_legislation"] =
                    json!("sometimes")
            },
        ),
        ("workshop.ballots[3].partnership.leadership", |v| {
            v["workshop"]["ballots"][3]["partnership"]["leadership"] = json!("sometimes")
        }),
        (
            "workshop.ballots[0].partnership.recognising_power_imbalances",
            |v| {
                v["workshop"]["ballots"][0]["partnership"]["recognising_power_imbalances"] =
                    json!(2)
            },
        ),
        ("workshop.ballots[1].partnership.good_vibes", |v| {
            v["workshop"]["ballots"][1]["partnership"]["good_vibes"] = json!("fully")
        }),
        ("workshop.partnership_check", |v| {
            v["workshop"]["partnership_check"] = json!("during_lunch")
        }),
    ];
    for (want, breakage) in cases {
        let mut v = base.clone();
        breakage(&mut v);
        let (err, message) = refused(&v);
        assert!(matches!(err, ImportError::Shape { .. }), "{err:?}");
        assert_eq!(path_of(&err), want, "{message}");
        // And on one line, as a working copy is written.
        let compact = import_json(&serde_json::to_string(&v).unwrap()).unwrap_err();
        assert_eq!(path_of(&compact), want, "{compact}");
    }
}

/// A workshop of `people` participants as large as the rules let a ballot be
/// without notes: the most kinds, the longest names in two-byte letters,
/// every kind moved with a model split, every principle rated.
fn fullest_workshop(people: usize) -> Workshop {
    use co_produce::model::rules::{MAX_KINDS, MAX_NAME_CHARS};
    use co_produce::model::{Principle, Rating, Role};
    let catalogue = common::catalogue();
    let mut w = Workshop::new(id(1), at(0), "2026-11-25".into(), &catalogue);
    w.name = "ŵ".repeat(MAX_NAME_CHARS);
    w.place = "ŵ".repeat(MAX_NAME_CHARS);
    while w.kinds.len() < MAX_KINDS {
        w.add_kind("ŷ".repeat(40), at(1));
    }
    let kinds: Vec<String> = w.kinds.iter().map(|k| k.id.clone()).collect();
    let models = catalogue.model_ids(Area::OwnHome);
    for n in 0..people {
        let ballot = Id(0xB0_0000 + n as u128);
        let name = format!("{n:06}{}", "ŵ".repeat(MAX_NAME_CHARS - 6));
        w.add_participant(ballot, name, Role::ALL[n % 5], at(5));
        for (k, kind) in kinds.iter().enumerate() {
            w.update_allocation(ballot, kind, at(10 + k as i64), |a| {
                a.set_area(Area::OwnHome, 1_234 + n as u32 % 5_000);
                a.toggle_lock(Area::OwnHome);
                a.set_area(Area::DayActivities, 2_345);
                if !models.is_empty() {
                    a.set_model(Area::OwnHome, &models, 0, 3_333);
                }
            });
        }
        for p in Principle::ALL {
            w.rate_principle(ballot, p, Some(Rating::ALL[n % 4]), at(30));
        }
    }
    w
}

/// A record may hold [`MAX_BALLOTS`] participants, so the importer must read
/// the file of that many of the fullest ballots the rules allow (the
/// participants' own notes aside: they have limits of their own).
#[test]
fn the_file_limit_holds_a_record_of_the_most_participants() {
    use co_produce::model::rules::MAX_BALLOTS;
    let empty = export_json(&fullest_workshop(0)).len();
    let sample = 200;
    let full = export_json(&fullest_workshop(sample)).len();
    let per_ballot = (full - empty).div_ceil(sample);
    let most = empty + per_ballot * MAX_BALLOTS;
    println!(
        "a ballot at its fullest: {per_ballot} bytes; {MAX_BALLOTS} of them: {} MB; limit {} MB",
        most / (1024 * 1024),
        MAX_RECORD_BYTES / (1024 * 1024)
    );
    assert!(
        most <= MAX_RECORD_BYTES,
        "{most} bytes for {MAX_BALLOTS} ballots, over the limit of {MAX_RECORD_BYTES}"
    );
}
