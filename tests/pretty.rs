#![cfg(not(target_arch = "wasm32"))]
//! The layout of the files people take away is serde_json's pretty one, byte
//! for byte, though the app only ever writes compact JSON.

mod common;

use co_produce::model::pretty::pretty;
use common::realistic_workshop;
use proptest::prelude::*;
use serde_json::Value;

#[test]
fn a_realistic_workshop_is_laid_out_as_serde_json_would() {
    let w = realistic_workshop();
    let compact = serde_json::to_string(&w).expect("JSON");
    assert_eq!(
        pretty(&compact),
        serde_json::to_string_pretty(&w).expect("JSON")
    );
}

#[test]
fn empty_containers_strings_with_brackets_and_escapes_stay_as_they_are() {
    let v: Value = serde_json::from_str(
        r#"{"a":[],"b":{},"c":"x, y: {z} [w] \"q\" \\","d":[[],[{}]],"é":"ünïcode ☂"}"#,
    )
    .expect("JSON");
    let compact = serde_json::to_string(&v).expect("JSON");
    assert_eq!(
        pretty(&compact),
        serde_json::to_string_pretty(&v).expect("JSON")
    );
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        ".*".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(".*", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn any_json_is_laid_out_as_serde_json_would(v in json_value()) {
        let compact = serde_json::to_string(&v).expect("JSON");
        prop_assert_eq!(pretty(&compact), serde_json::to_string_pretty(&v).expect("JSON"));
    }
}
