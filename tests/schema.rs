#![cfg(not(target_arch = "wasm32"))]
//! The JSON Schema of the decision record: generated from the Rust types,
//! checked in at `public/schema/decision-record.v4.json`, and kept in step.
//! Each version keeps its file: `decision-record.v1.json` to
//! `decision-record.v3.json` stay as published, and files of those versions
//! still match them.

mod common;

use std::path::PathBuf;

use co_produce::model::{
    export_json, import_json, DecisionRecord, ImportError, Principle, Rating, SCHEMA_PATH,
    SCHEMA_VERSION,
};
use serde_json::{json, Value};

/// Where the schema is checked in (served with the app at `/schema/…`).
fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("public")
        .join(SCHEMA_PATH)
}

/// Where the first version's schema stays published.
fn v1_schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/schema/decision-record.v1.json")
}

fn schema_id() -> String {
    format!("urn:co-produce:schema:decision-record:v{SCHEMA_VERSION}")
}

/// The schema as generated from the types, with an id, a title and the
/// version pinned (the types only say "a u32").
fn generated_schema() -> Value {
    // The key types of maps are named below by `$ref`, so their definitions
    // must be there even where no value refers to them.
    let mut generator = schemars::SchemaGenerator::default();
    generator.subschema_for::<Principle>();
    let mut schema = generator.into_root_schema_for::<DecisionRecord>();
    schema.insert("$id".into(), json!(schema_id()));
    schema.insert(
        "title".into(),
        json!(format!(
            "Co-produce decision record, version {SCHEMA_VERSION}"
        )),
    );
    let mut value = schema.to_value();
    let version = value
        .pointer_mut("/properties/schema_version")
        .expect("the record has a schema_version property");
    *version = json!({
        "description": format!("Always {SCHEMA_VERSION} for this shape."),
        "const": SCHEMA_VERSION,
    });
    // schemars writes a map keyed by an enum as "any keys"; name the keys.
    for (pointer, key) in [
        ("/$defs/Workshop/properties/notes", "Area"),
        ("/$defs/KindAllocation/properties/models", "Area"),
        ("/$defs/AgreedDecision/properties/rationale", "Area"),
        ("/$defs/KindAggregate/properties/by_role", "Role"),
        ("/$defs/Ballot/properties/partnership", "Principle"),
        ("/$defs/PrincipleResult/properties/by_role", "Role"),
    ] {
        let map = value
            .pointer_mut(pointer)
            .and_then(Value::as_object_mut)
            .unwrap_or_else(|| panic!("the schema has no map at {pointer}; update this test"));
        assert_eq!(
            map.get("type"),
            Some(&json!("object")),
            "{pointer} is a map"
        );
        map.insert(
            "propertyNames".into(),
            json!({ "$ref": format!("#/$defs/{key}") }),
        );
    }
    value
}

fn updating() -> bool {
    std::env::var("UPDATE_SCHEMA").as_deref() == Ok("1")
}

fn generated_text() -> String {
    let mut text = serde_json::to_string_pretty(&generated_schema()).expect("serialisable");
    text.push('\n');
    text
}

fn checked_in_schema() -> Value {
    if updating() {
        // The file is being rewritten by the test beside this one.
        return generated_schema();
    }
    let text = std::fs::read_to_string(schema_path()).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}; run UPDATE_SCHEMA=1 cargo test --test schema",
            schema_path().display()
        )
    });
    serde_json::from_str(&text).expect("the checked-in schema is JSON")
}

#[test]
fn checked_in_schema_matches_the_types() {
    let generated = generated_text();
    let path = schema_path();
    if updating() {
        std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("create folder");
        std::fs::write(&path, &generated).expect("write the schema");
        eprintln!("wrote {}", path.display());
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    if checked_in != generated {
        let first_difference = checked_in
            .lines()
            .zip(generated.lines())
            .enumerate()
            .find(|(_, (a, b))| a != b)
            .map(|(i, (a, b))| {
                format!(
                    "First difference at line {}:\n  checked in: {a}\n  generated:  {b}",
                    i + 1
                )
            })
            .unwrap_or_else(|| "The files differ in length.".into());
        panic!(
            "{} is out of date with the Rust types.\n{first_difference}\n\
             If the change to the record's shape is intended, run \
             UPDATE_SCHEMA=1 cargo test --test schema and commit the file \
             (and think about whether SCHEMA_VERSION must change).",
            path.display()
        );
    }
}

#[test]
fn checked_in_schema_is_a_valid_schema() {
    let schema = checked_in_schema();
    jsonschema::meta::validate(&schema).expect("a valid JSON Schema");
    assert_eq!(schema["$id"], json!(schema_id()));
    assert_eq!(
        schema["$schema"],
        json!("https://json-schema.org/draft/2020-12/schema")
    );
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&checked_in_schema()).expect("the schema compiles")
}

fn schema_errors(instance: &Value) -> Vec<String> {
    validator()
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn a_realistic_export_matches_the_schema() {
    let text = export_json(&common::realistic_workshop());
    let record: Value = serde_json::from_str(&text).unwrap();
    let errors = schema_errors(&record);
    assert!(
        errors.is_empty(),
        "the export breaks its own schema: {errors:#?}"
    );

    // Also with the hand-built catalogue, whatever public/catalogue.json holds.
    let w = common::realistic_workshop_with(&common::hand_built_catalogue());
    let record: Value = serde_json::from_str(&export_json(&w)).unwrap();
    assert!(schema_errors(&record).is_empty());
}

#[test]
fn a_wrong_share_sum_matches_the_schema_but_import_refuses_it() {
    let text = export_json(&common::realistic_workshop());
    let mut record: Value = serde_json::from_str(&text).unwrap();
    let areas = &mut record["workshop"]["ballots"][0]["allocations"]["state_money"]["areas"];
    areas["own_home"] = json!(areas["own_home"].as_u64().unwrap() - 1);
    // A schema can say "five whole numbers" but not "that add up to 10,000".
    assert!(schema_errors(&record).is_empty());
    let err = import_json(&serde_json::to_string(&record).unwrap()).unwrap_err();
    assert!(
        matches!(&err, ImportError::Invalid { path, .. } if path == "workshop.ballots[0].allocations.state_money.areas"),
        "{err:?}"
    );
}

#[test]
fn the_schema_refuses_what_the_shape_check_refuses() {
    let text = export_json(&common::realistic_workshop());
    let base: Value = serde_json::from_str(&text).unwrap();
    let cases: [(&str, Value); 8] = [
        ("/schema_version", json!(SCHEMA_VERSION + 1)),
        ("/workshop/id", json!("ABC")),
        ("/workshop/ballots/0/role", json!("mayor")),
        ("/workshop/ballots/0/updated_at", json!("2026-11-25 10:00")),
        ("/workshop/kinds/0/baseline/own_home", json!(-1)),
        ("/workshop/kinds/0/unit", json!({"type": "gold"})),
        (
            "/workshop/ballots/0/allocations/state_money/locked/0",
            json!("garden"),
        ),
        ("/workshop/notes/own_home/likes", json!("not a list")),
    ];
    for (pointer, bad) in cases {
        let mut record = base.clone();
        *record.pointer_mut(pointer).expect(pointer) = bad.clone();
        assert!(
            !schema_errors(&record).is_empty(),
            "the schema accepts {bad} at {pointer}"
        );
        assert!(
            import_json(&serde_json::to_string(&record).unwrap()).is_err(),
            "import accepts {bad} at {pointer}"
        );
    }
    // Unknown fields are refused by both.
    let mut record = base.clone();
    record["workshop"]["ballots"][0]["colour"] = json!("red");
    assert!(!schema_errors(&record).is_empty());
    let mut record = base;
    record["workshop"]["notes"]["back_garden"] =
        json!({"good_life": "", "likes": [], "dislikes": []});
    assert!(
        !schema_errors(&record).is_empty(),
        "unknown area keys are refused"
    );
}

#[test]
fn an_export_with_the_partnership_check_matches_the_schema() {
    let record: Value =
        serde_json::from_str(&export_json(&common::realistic_workshop_with_ratings())).unwrap();
    let errors = schema_errors(&record);
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(record["schema_version"], json!(SCHEMA_VERSION));
    // Unknown principles, ratings and settings fail the schema and the import.
    let cases: [(&str, Value); 3] = [
        (
            "/workshop/ballots/0/partnership/leadership",
            json!("sometimes"),
        ),
        ("/workshop/partnership_check", json!("during_lunch")),
        (
            "/workshop/ballots/0/partnership",
            json!({"good_vibes": Rating::Fully.id()}),
        ),
    ];
    for (pointer, bad) in cases {
        let mut broken = record.clone();
        *broken.pointer_mut(pointer).expect(pointer) = bad.clone();
        assert!(
            !schema_errors(&broken).is_empty(),
            "the schema accepts {bad} at {pointer}"
        );
        assert!(
            import_json(&serde_json::to_string(&broken).unwrap()).is_err(),
            "import accepts {bad} at {pointer}"
        );
    }
}

#[test]
fn the_first_versions_schema_stays_published_and_its_files_still_match_it() {
    let text = std::fs::read_to_string(v1_schema_path()).expect("the v1 schema is kept");
    let v1: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(v1["$id"], json!("urn:co-produce:schema:decision-record:v1"));
    let validator = jsonschema::validator_for(&v1).expect("the v1 schema compiles");
    let old: Value = serde_json::from_str(include_str!("fixtures/record-v1.json")).unwrap();
    let errors: Vec<String> = validator.iter_errors(&old).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // A version 2 record is not a version 1 record.
    let new: Value = serde_json::from_str(&export_json(&common::realistic_workshop())).unwrap();
    assert!(!validator.is_valid(&new));
    assert!(SCHEMA_PATH.ends_with(&format!("v{SCHEMA_VERSION}.json")));
}

#[test]
fn the_second_versions_schema_stays_published_and_its_files_still_match_it() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/schema/decision-record.v2.json");
    let text = std::fs::read_to_string(path).expect("the v2 schema is kept");
    let v2: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(v2["$id"], json!("urn:co-produce:schema:decision-record:v2"));
    let validator = jsonschema::validator_for(&v2).expect("the v2 schema compiles");
    let old: Value = serde_json::from_str(include_str!("fixtures/record-v2.json")).unwrap();
    let errors: Vec<String> = validator.iter_errors(&old).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // A version 3 record is not a version 2 record.
    let new: Value =
        serde_json::from_str(&export_json(&common::realistic_workshop_with_notes())).unwrap();
    assert!(!validator.is_valid(&new));
}

#[test]
fn the_third_versions_schema_stays_published_and_its_files_still_match_it() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/schema/decision-record.v3.json");
    let text = std::fs::read_to_string(path).expect("the v3 schema is kept");
    let v3: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(v3["$id"], json!("urn:co-produce:schema:decision-record:v3"));
    let validator = jsonschema::validator_for(&v3).expect("the v3 schema compiles");
    // A record with notes, as version 3 wrote it, still matches.
    let mut old: Value =
        serde_json::from_str(&export_json(&common::realistic_workshop_with_notes())).unwrap();
    old["schema_version"] = json!(3);
    let errors: Vec<String> = validator.iter_errors(&old).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // A combined record (with sessions) is not a version 3 record, but is a
    // version 4 one.
    let mut new = old.clone();
    new["schema_version"] = json!(SCHEMA_VERSION);
    new["workshop"]["sessions"] = json!([{
        "id": "000000000000000000000000000000a1",
        "name": "Cardiff morning",
        "place": "Cardiff",
        "date": "2026-03-01"
    }]);
    new["workshop"]["ballots"][0]["session"] = json!("000000000000000000000000000000a1");
    assert!(!validator.is_valid(&new));
    let errors = schema_errors(&new);
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(import_json(&serde_json::to_string(&new).unwrap()).is_ok());
    // A session that is not an id fails the schema and the import.
    new["workshop"]["ballots"][0]["session"] = json!("morning");
    assert!(!schema_errors(&new).is_empty());
    assert!(import_json(&serde_json::to_string(&new).unwrap()).is_err());
}

#[test]
fn an_export_with_notes_matches_the_schema() {
    let record: Value =
        serde_json::from_str(&export_json(&common::realistic_workshop_with_notes())).unwrap();
    let errors = schema_errors(&record);
    assert!(errors.is_empty(), "{errors:#?}");
    let i = record["workshop"]["ballots"]
        .as_array()
        .and_then(|b| b.iter().position(|b| b.get("notes").is_some()))
        .expect("a ballot with notes");
    // Unknown kinds, areas, ids and fields fail the schema and the import.
    let cases: Vec<(String, Value)> = vec![
        (format!("/workshop/ballots/{i}/notes/0/kind"), json!("rant")),
        (
            format!("/workshop/ballots/{i}/notes/0/area"),
            json!("garden"),
        ),
        (format!("/workshop/ballots/{i}/notes/0/id"), json!("ABC")),
        (format!("/workshop/ballots/{i}/notes/0/text"), json!(7)),
        (
            format!("/workshop/ballots/{i}/notes/0"),
            json!({"text": "x"}),
        ),
        ("/workshop/moderation/hidden".into(), json!(["nope"])),
        ("/workshop/moderation/approve_first".into(), json!("yes")),
        ("/workshop/moderation/merged".into(), json!({"nope": []})),
    ];
    for (pointer, bad) in cases {
        let mut broken = record.clone();
        *broken.pointer_mut(&pointer).expect(&pointer) = bad.clone();
        assert!(
            !schema_errors(&broken).is_empty(),
            "the schema accepts {bad} at {pointer}"
        );
        assert!(
            import_json(&serde_json::to_string(&broken).unwrap()).is_err(),
            "import accepts {bad} at {pointer}"
        );
    }
}
