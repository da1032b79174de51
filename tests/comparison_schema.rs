#![cfg(not(target_arch = "wasm32"))]
//! The JSON Schema of a saved comparison of places: generated from the Rust
//! types, checked in at `public/schema/comparison.v1.json`, and kept in step
//! as `tests/schema.rs` keeps the decision record's. Regenerate with
//! `UPDATE_SCHEMA=1 cargo test --test comparison_schema`.

mod common;
mod places;

use std::path::PathBuf;

use co_produce::model::{
    export_comparison_json, import_comparison_json, ComparisonFile, KindMapping, Principle,
    COMPARISON_SCHEMA_PATH, COMPARISON_SCHEMA_VERSION, OLDEST_SCHEMA_VERSION, SCHEMA_VERSION,
};
use places::*;
use serde_json::{json, Value};

/// Where the schema is checked in (served with the app at `/schema/…`).
fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("public")
        .join(COMPARISON_SCHEMA_PATH)
}

fn schema_id() -> String {
    format!("urn:co-produce:schema:comparison:v{COMPARISON_SCHEMA_VERSION}")
}

/// The schema as generated from the types, with an id, a title and the
/// versions pinned (the types only say "a u32").
fn generated_schema() -> Value {
    // The key types of maps are named below by `$ref`, so their definitions
    // must be there even where no value refers to them.
    let mut generator = schemars::SchemaGenerator::default();
    generator.subschema_for::<Principle>();
    let mut schema = generator.into_root_schema_for::<ComparisonFile>();
    schema.insert("$id".into(), json!(schema_id()));
    schema.insert(
        "title".into(),
        json!(format!(
            "Co-produce comparison of places, version {COMPARISON_SCHEMA_VERSION}"
        )),
    );
    let mut value = schema.to_value();
    let pin = |value: &mut Value, pointer: &str, with: Value| {
        let node = value
            .pointer_mut(pointer)
            .unwrap_or_else(|| panic!("the schema has no {pointer}; update this test"));
        *node = with;
    };
    pin(
        &mut value,
        "/properties/schema_version",
        json!({
            "description": format!("Always {COMPARISON_SCHEMA_VERSION} for this shape."),
            "const": COMPARISON_SCHEMA_VERSION,
        }),
    );
    // Each record inside is read as its own file: any version this app reads.
    pin(
        &mut value,
        "/$defs/DecisionRecord/properties/schema_version",
        json!({
            "description": format!(
                "The record's own version, {OLDEST_SCHEMA_VERSION} to {SCHEMA_VERSION}."
            ),
            "type": "integer",
            "minimum": OLDEST_SCHEMA_VERSION,
            "maximum": SCHEMA_VERSION,
        }),
    );
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
            "cannot read {}: {e}; run UPDATE_SCHEMA=1 cargo test --test comparison_schema",
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
             If the change to the comparison's shape is intended, run \
             UPDATE_SCHEMA=1 cargo test --test comparison_schema and commit the \
             file (and think about whether COMPARISON_SCHEMA_VERSION must change).",
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
    assert!(COMPARISON_SCHEMA_PATH.ends_with(&format!("v{COMPARISON_SCHEMA_VERSION}.json")));
}

fn schema_errors(instance: &Value) -> Vec<String> {
    jsonschema::validator_for(&checked_in_schema())
        .expect("the schema compiles")
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn exported() -> Value {
    let records = vec![
        common::realistic_workshop_with_notes(),
        swansea(),
        morning(),
        evening(),
    ];
    let mapping = KindMapping::new()
        .with(
            &records,
            kind_ref(SWANSEA, "council_grants"),
            kind_ref(MORNING, "other_funding"),
        )
        .expect("both are money");
    serde_json::from_str(&export_comparison_json(&records, &mapping)).expect("JSON")
}

#[test]
fn an_export_matches_the_schema() {
    let file = exported();
    let errors = schema_errors(&file);
    assert!(
        errors.is_empty(),
        "the export breaks its schema: {errors:#?}"
    );
    // And reads back as the type the schema was made from.
    let typed: ComparisonFile = serde_json::from_value(file).expect("the published shape");
    assert_eq!(typed.schema_version, COMPARISON_SCHEMA_VERSION);
    assert_eq!(typed.records.len(), 4);
    assert_eq!(typed.mapping.pairs.len(), 1);
}

#[test]
fn a_record_of_an_older_version_inside_matches_the_schema_and_opens() {
    let old: Value = serde_json::from_str(include_str!("fixtures/record-v1.json")).unwrap();
    let file = json!({"schema_version": 1, "records": [old], "mapping": []});
    let errors = schema_errors(&file);
    assert!(errors.is_empty(), "{errors:#?}");
    let opened = import_comparison_json(&file.to_string()).expect("opens");
    assert!(opened.problems.is_empty(), "{:?}", opened.problems);
    assert_eq!(opened.records.len(), 1);
}

#[test]
fn the_schema_refuses_what_the_reader_refuses() {
    let base = exported();
    let cases: [(&str, Value); 6] = [
        ("/schema_version", json!(2)),
        ("/records", json!({})),
        ("/mapping", json!({})),
        ("/mapping/0/from/workshop", json!("ABC")),
        (
            "/mapping/0/to",
            json!({"workshop": "0000000000000000000000000000000a"}),
        ),
        ("/records/0/schema_version", json!(SCHEMA_VERSION + 1)),
    ];
    for (pointer, bad) in cases {
        let mut file = base.clone();
        *file.pointer_mut(pointer).expect(pointer) = bad.clone();
        assert!(
            !schema_errors(&file).is_empty(),
            "the schema accepts {bad} at {pointer}"
        );
        let text = file.to_string();
        let refused = match import_comparison_json(&text) {
            Err(_) => true,
            // A record is refused alone, the others open.
            Ok(opened) => !opened.problems.is_empty(),
        };
        assert!(refused, "the reader accepts {bad} at {pointer}");
    }
    // Unknown fields are refused by both.
    let mut file = base.clone();
    file["colour"] = json!("red");
    assert!(!schema_errors(&file).is_empty());
    assert!(import_comparison_json(&file.to_string()).is_err());
    let mut file = base;
    file["mapping"][0]["why"] = json!("same thing");
    assert!(!schema_errors(&file).is_empty());
    assert!(import_comparison_json(&file.to_string()).is_err());
}
