#![cfg(not(target_arch = "wasm32"))]
//! Matching resource kinds across places: by name and unit, whatever the
//! case, spacing or apostrophes; a kind only one place has shown as a
//! mismatch, matched by hand, and a match across units refused.

mod places;

use co_produce::model::kind_match::{fold_name, places_of, same_unit};
use co_produce::model::{match_kinds, KindMapping, KindPair, MappingError, Period, Unit, Workshop};
use places::*;

#[test]
fn names_match_whatever_their_case_spacing_and_apostrophes() {
    assert_eq!(fold_name("  State\u{a0} Money "), "state money");
    assert_eq!(
        fold_name("People\u{2019}s time"),
        fold_name("people's TIME")
    );
    assert_ne!(fold_name("State money"), fold_name("State moneys"));
    assert!(same_unit(
        &Unit::Count {
            noun: "Rooms ".into()
        },
        &Unit::Count {
            noun: "rooms".into()
        }
    ));
    assert!(!same_unit(
        &Unit::Count {
            noun: "rooms".into()
        },
        &Unit::Count {
            noun: "volunteers".into()
        }
    ));
    assert!(!same_unit(&Unit::Money, &Unit::Hours));
}

#[test]
fn places_are_taken_in_date_order_then_by_id() {
    let records = three_places();
    let order: Vec<_> = places_of(&records).iter().map(|w| w.id).collect();
    // Swansea is earliest; the two Cardiff sessions share a day, so their ids decide.
    assert_eq!(order, vec![SWANSEA, MORNING, EVENING]);
}

#[test]
fn kinds_match_by_name_and_unit_and_the_rest_are_mismatches() {
    let m = match_kinds(&three_places(), &KindMapping::new());
    // State money in all three (three spellings), people's time in two
    // (one counted per month, one per year: the period does not matter).
    assert_eq!(m.kinds.len(), 2);
    let state = &m.kinds[0];
    assert_eq!(state.name, "State Money", "as the earliest place writes it");
    assert_eq!(state.unit, Unit::Money);
    assert_eq!(
        state.members,
        vec![
            kind_ref(SWANSEA, "state_money"),
            kind_ref(MORNING, "state_money"),
            kind_ref(EVENING, "state_money"),
        ]
    );
    assert!(!state.by_hand);
    let time = &m.kinds[1];
    assert_eq!(time.name, "People's time");
    assert_eq!(time.unit, Unit::Hours);
    assert_eq!(
        time.members,
        vec![
            kind_ref(SWANSEA, "peoples_time"),
            kind_ref(EVENING, "peoples_time"),
        ]
    );
    assert_eq!(time.kind_id_of(EVENING), Some("peoples_time"));
    assert_eq!(time.kind_id_of(MORNING), None);

    // Swansea's council grants and the morning's other funding: each only
    // one place has, each the other's only candidate (money, and missing there).
    assert_eq!(m.mismatches.len(), 2);
    let grants = &m.mismatches[0];
    assert_eq!(grants.kind, kind_ref(SWANSEA, "council_grants"));
    assert_eq!(grants.name, "Council grants");
    assert_eq!(grants.candidates.len(), 1);
    assert_eq!(
        grants.candidates[0].kind,
        kind_ref(MORNING, "other_funding")
    );
    assert_eq!(grants.candidates[0].name, "Other funding");
    assert_eq!(grants.candidates[0].places, 1);
    let other = &m.mismatches[1];
    assert_eq!(other.kind, kind_ref(MORNING, "other_funding"));
    assert_eq!(
        other.candidates[0].kind,
        kind_ref(SWANSEA, "council_grants")
    );
    assert!(m.refused.is_empty());
}

#[test]
fn a_mismatch_is_shown_then_matched_by_hand() {
    let records = three_places();
    let before = match_kinds(&records, &KindMapping::new());
    assert!(before
        .mismatches
        .iter()
        .any(|m| m.kind == kind_ref(SWANSEA, "council_grants")));

    let mapping = KindMapping::new()
        .with(
            &records,
            kind_ref(SWANSEA, "council_grants"),
            kind_ref(MORNING, "other_funding"),
        )
        .expect("both are money, and neither place has the other");
    let after = match_kinds(&records, &mapping);
    assert!(after.mismatches.is_empty());
    assert!(after.refused.is_empty());
    assert_eq!(after.kinds.len(), 3);
    // Placed where Swansea lists it, between state money and people's time.
    let grants = &after.kinds[1];
    assert_eq!(
        grants.name, "Council grants",
        "a tie of names goes to the earliest place"
    );
    assert!(grants.by_hand);
    assert_eq!(
        grants.members,
        vec![
            kind_ref(SWANSEA, "council_grants"),
            kind_ref(MORNING, "other_funding"),
        ]
    );
    // The mapping is saved as made, and undone by hand.
    assert_eq!(
        mapping.pairs,
        vec![KindPair {
            from: kind_ref(SWANSEA, "council_grants"),
            to: kind_ref(MORNING, "other_funding"),
        }]
    );
    let undone = mapping.without(&kind_ref(SWANSEA, "council_grants"));
    assert_eq!(match_kinds(&records, &undone), before);
}

#[test]
fn a_match_across_units_is_refused() {
    let records = three_places();
    let err = KindMapping::new()
        .with(
            &records,
            kind_ref(SWANSEA, "council_grants"),
            kind_ref(EVENING, "peoples_time"),
        )
        .unwrap_err();
    assert_eq!(
        err,
        MappingError::OtherUnit {
            from: Unit::Money,
            to: Unit::Hours
        }
    );
    assert_eq!(
        err.to_string(),
        "a kind counted in pounds cannot be matched with one counted in hours"
    );
    // A file may still hold such a match: it is listed as refused and changes nothing.
    let mapping = KindMapping {
        pairs: vec![KindPair {
            from: kind_ref(SWANSEA, "council_grants"),
            to: kind_ref(EVENING, "peoples_time"),
        }],
    };
    let m = match_kinds(&records, &mapping);
    assert_eq!(m.refused.len(), 1);
    assert_eq!(m.refused[0].error, err);
    assert_eq!(m.kinds, match_kinds(&records, &KindMapping::new()).kinds);
}

#[test]
fn a_place_never_has_two_of_its_kinds_counted_as_one() {
    let records = three_places();
    // Swansea has state money already.
    assert_eq!(
        KindMapping::new().with(
            &records,
            kind_ref(SWANSEA, "council_grants"),
            kind_ref(MORNING, "state_money"),
        ),
        Err(MappingError::PlaceHasItAlready { workshop: SWANSEA })
    );
    // Nor two kinds of one place with each other.
    assert_eq!(
        KindMapping::new().with(
            &records,
            kind_ref(SWANSEA, "council_grants"),
            kind_ref(SWANSEA, "state_money"),
        ),
        Err(MappingError::PlaceHasItAlready { workshop: SWANSEA })
    );
    // A kind no place has.
    assert_eq!(
        KindMapping::new().with(
            &records,
            kind_ref(SWANSEA, "council_grants"),
            kind_ref(MORNING, "gold"),
        ),
        Err(MappingError::NotInComparison {
            kind: kind_ref(MORNING, "gold")
        })
    );
}

#[test]
fn where_two_matches_cannot_both_hold_the_earlier_does() {
    let records = three_places();
    let mapping = KindMapping::new()
        .with(
            &records,
            kind_ref(SWANSEA, "council_grants"),
            kind_ref(MORNING, "other_funding"),
        )
        .expect("holds");
    // Morning's state money onto the grants would give Morning two kinds in one.
    let err = mapping
        .with(
            &records,
            kind_ref(MORNING, "state_money"),
            kind_ref(SWANSEA, "council_grants"),
        )
        .unwrap_err();
    assert_eq!(err, MappingError::PlaceHasItAlready { workshop: SWANSEA });
}

#[test]
fn a_place_with_two_kinds_of_one_name_keeps_them_apart() {
    let mut twice = evening();
    twice.kinds.push(kind(
        "custom_1",
        "State money",
        Unit::Money,
        Period::Year,
        pounds(10),
        [20; 5],
    ));
    let records = vec![morning(), twice];
    let m = match_kinds(&records, &KindMapping::new());
    let state = &m.kinds[0];
    assert_eq!(
        state.members,
        vec![
            kind_ref(MORNING, "state_money"),
            kind_ref(EVENING, "state_money")
        ]
    );
    assert!(m
        .mismatches
        .iter()
        .any(|k| k.kind == kind_ref(EVENING, "custom_1")));
}

#[test]
fn one_place_has_nothing_to_mismatch() {
    let m = match_kinds(&[swansea()], &KindMapping::new());
    assert_eq!(m.kinds.len(), 3);
    assert!(m.mismatches.is_empty());
    assert_eq!(match_kinds(&[], &KindMapping::new()).kinds, vec![]);
}

#[test]
fn the_order_of_the_records_does_not_change_the_match() {
    let records = three_places();
    let mapping = KindMapping::new()
        .with(
            &records,
            kind_ref(SWANSEA, "council_grants"),
            kind_ref(MORNING, "other_funding"),
        )
        .expect("holds");
    let expected = match_kinds(&records, &mapping);
    let mut reversed: Vec<Workshop> = records.clone();
    reversed.reverse();
    assert_eq!(match_kinds(&reversed, &mapping), expected);
    // A copy of one workshop is the same place.
    let mut with_copy = reversed.clone();
    with_copy.push(morning());
    assert_eq!(match_kinds(&with_copy, &mapping), expected);
}
