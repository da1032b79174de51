//! Every language has every string: the app's (`locales/*.json`) and the
//! built-in catalogue's (`public/catalogue.*.json`). A third language is one
//! more file in each folder, and these tests then check it too.

use std::collections::BTreeMap;
use std::path::Path;

use co_produce::model::Catalogue;
use serde_json::Value;

/// Every leaf of a translation file: "walk.step_of" → its text.
fn leaves(value: &Value, prefix: &str, out: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                leaves(v, &path, out);
            }
        }
        Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        other => {
            out.insert(prefix.to_string(), other.to_string());
        }
    }
}

/// The placeholders of a string, sorted: leptos_i18n's `{{ name }}`, and
/// the `{name}` of the `problem.*` sentences, which the app fills itself.
fn placeholders(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let double = rest[start..].starts_with("{{");
        let after = &rest[start + if double { 2 } else { 1 }..];
        let Some(end) = after.find(if double { "}}" } else { "}" }) else {
            break;
        };
        let name = after[..end].trim();
        if double {
            found.push(name.to_string());
        } else if !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            found.push(format!("{{{name}}}"));
        }
        rest = &after[end + if double { 2 } else { 1 }..];
    }
    found.sort();
    found
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

fn other_files(dir: &str, english: &str, keep: impl Fn(&str) -> bool) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("folder exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name != english && keep(name)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_language_has_every_key_with_the_same_placeholders() {
    let mut english = BTreeMap::new();
    leaves(&read_json(Path::new("locales/en.json")), "", &mut english);
    let others = other_files("locales", "en.json", |n| n.ends_with(".json"));
    assert!(!others.is_empty(), "Welsh (locales/cy.json) must exist");
    let mut problems = Vec::new();
    for file in &others {
        let mut theirs = BTreeMap::new();
        leaves(&read_json(file), "", &mut theirs);
        for (key, text) in &english {
            match theirs.get(key) {
                None => problems.push(format!("{}: missing {key}", file.display())),
                Some(t) if t.trim().is_empty() => {
                    problems.push(format!("{}: {key} is empty", file.display()))
                }
                Some(t) if placeholders(t) != placeholders(text) => problems.push(format!(
                    "{}: {key} has placeholders {:?}, English has {:?}",
                    file.display(),
                    placeholders(t),
                    placeholders(text)
                )),
                Some(_) => {}
            }
        }
        for key in theirs.keys().filter(|k| !english.contains_key(*k)) {
            problems.push(format!("{}: {key} is not in en.json", file.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "translation problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn welsh_is_really_translated() {
    let mut english = BTreeMap::new();
    leaves(&read_json(Path::new("locales/en.json")), "", &mut english);
    let mut welsh = BTreeMap::new();
    leaves(&read_json(Path::new("locales/cy.json")), "", &mut welsh);
    // Names, symbols and formats may stay the same; sentences may not.
    let same: Vec<_> = english
        .iter()
        .filter(|(k, v)| {
            v.split_whitespace().count() >= 3
                && welsh.get(*k) == Some(v)
                && !k.starts_with("format.")
        })
        .map(|(k, _)| k.clone())
        .collect();
    assert!(same.is_empty(), "still in English in cy.json: {same:?}");
}

#[test]
fn every_catalogue_translation_matches_the_english_one() {
    let english_text = std::fs::read_to_string("public/catalogue.json").expect("catalogue");
    let english = Catalogue::parse(&english_text).expect("English catalogue parses");
    let others = other_files("public", "catalogue.json", |n| {
        n.starts_with("catalogue.") && n.ends_with(".json")
    });
    assert!(
        !others.is_empty(),
        "Welsh (public/catalogue.cy.json) must exist"
    );
    for file in others {
        let text = std::fs::read_to_string(&file).expect("readable");
        let theirs = Catalogue::parse(&text)
            .unwrap_or_else(|e| panic!("{} does not parse: {e}", file.display()));
        assert_eq!(
            theirs.reference.id,
            english.reference.id,
            "{}",
            file.display()
        );
        assert_eq!(
            theirs.reference.version,
            english.reference.version,
            "{}",
            file.display()
        );
        assert_eq!(
            theirs.areas.len(),
            english.areas.len(),
            "{}",
            file.display()
        );
        for (a, b) in english.areas.iter().zip(&theirs.areas) {
            assert_eq!(a.area, b.area, "{}", file.display());
            let ids = |c: &co_produce::model::AreaContent| {
                c.models.iter().map(|m| m.id.clone()).collect::<Vec<_>>()
            };
            assert_eq!(ids(a), ids(b), "{}: models of {:?}", file.display(), a.area);
            for (ma, mb) in a.models.iter().zip(&b.models) {
                assert_ne!(
                    ma.summary,
                    mb.summary,
                    "{}: {} not translated",
                    file.display(),
                    ma.id
                );
                assert_eq!(
                    ma.sources.len(),
                    mb.sources.len(),
                    "{}: {}",
                    file.display(),
                    ma.id
                );
            }
            assert_ne!(a.title, b.title, "{}: {:?} title", file.display(), a.area);
        }
    }
}
