#![cfg(not(target_arch = "wasm32"))]
//! Small naming rules: file names from user text, and which kind a screen shows.

mod common;

use co_produce::model::text::file_slug;

#[test]
fn file_slugs_are_safe_and_never_empty() {
    assert_eq!(
        file_slug("Shaping support in Riverside!", 60),
        "shaping-support-in-riverside"
    );
    assert_eq!(file_slug("../../etc/passwd", 60), "etc-passwd");
    assert_eq!(file_slug("Café “Ty Newydd”", 60), "caf-ty-newydd");
    assert_eq!(file_slug("", 60), "workshop");
    assert_eq!(file_slug("💜💜", 60), "workshop");
    assert_eq!(file_slug("abcdefghij", 4), "abcd");
}

#[test]
fn a_screen_shows_the_kind_asked_for_or_the_first() {
    let w = common::realistic_workshop();
    let first = w.kinds[0].id.clone();
    let second = w.kinds[1].id.clone();
    assert_eq!(w.kind_or_first(Some(&second)), second);
    assert_eq!(w.kind_or_first(Some("no_such_kind")), first);
    assert_eq!(w.kind_or_first(None), first);
}

#[test]
fn default_kinds_are_known_by_their_names_until_renamed() {
    use co_produce::model::ResourceKind;
    let mut kinds = ResourceKind::defaults();
    assert!(kinds.iter().all(|k| k.has_default_name()));
    kinds[0].name = "Council budget".into();
    assert!(!kinds[0].has_default_name());
}

#[test]
fn the_kind_after_is_the_next_in_set_up_order() {
    let w = common::realistic_workshop();
    let ids: Vec<_> = w.kinds.iter().map(|k| k.id.clone()).collect();
    assert_eq!(
        w.kind_after(&ids[0]).map(|k| k.id.clone()),
        ids.get(1).cloned()
    );
    assert!(w.kind_after(ids.last().unwrap()).is_none());
    assert!(w.kind_after("no such kind").is_none());
}
