#![cfg(not(target_arch = "wasm32"))]
//! Comparing places: the figures of three hand-made places written out (see
//! `tests/places/mod.rs` for the places and how the fair splits come out),
//! where the places agree, order independence, sorting and filtering, and
//! the comparison file: a broken record listed with its place while the
//! others open, round trips, and no input that panics.

mod common;
mod places;

use co_produce::model::{
    aggregate, compare, export_comparison_json, export_json, headlines, import_comparison_json,
    AgreeAcross, Agreement, Area, ComparisonProblem, Direction, Figure, ImportError, KindMapping,
    KindPair, MappingError, Outcome, PlaceFilter, PlaceOrder, PlacesAgree, SchemaFound, Unit,
    Workshop,
};
use places::*;
use proptest::prelude::*;
use serde_json::{json, Value};

fn figure(share_bp: u32, change_bp: i64, amount: i64, change_amount: i64) -> Figure {
    Figure {
        share_bp,
        change_bp,
        amount,
        change_amount,
    }
}

fn agree(more: u32, less: u32, same: u32) -> AgreeAcross {
    AgreeAcross { more, less, same }
}

#[test]
fn places_are_named_and_counted() {
    let c = compare(&three_places(), &KindMapping::new());
    let who: Vec<_> = c
        .places
        .iter()
        .map(|p| {
            (
                p.workshop,
                p.place.as_str(),
                p.date.as_str(),
                p.participants,
                p.has_decision,
            )
        })
        .collect();
    assert_eq!(
        who,
        vec![
            (SWANSEA, "Swansea Guildhall", "2026-02-10", 2, true),
            (MORNING, "Cardiff City Hall", "2026-03-01", 2, true),
            (EVENING, "Cardiff City Hall", "2026-03-01", 3, false),
        ]
    );
    assert_eq!(c.places[1].name, "Cardiff morning session");
    assert_eq!(c.kinds.len(), 2);
    assert_eq!(c.mismatches.len(), 2);
}

#[test]
fn state_money_figures_worked_out_by_hand() {
    let c = compare(&three_places(), &KindMapping::new());
    let state = &c.kinds[0];
    assert_eq!(state.kind.name, "State Money");
    let totals: Vec<_> = state
        .places
        .iter()
        .map(|p| (p.workshop, p.total_per_year, p.participants))
        .collect();
    assert_eq!(
        totals,
        vec![
            (SWANSEA, pounds(2_000_000), 2),
            (MORNING, pounds(1_000_000), 2),
            (EVENING, pounds(500_000), 3),
        ]
    );

    // Support in your own home.
    let own = state.area(Area::OwnHome).expect("every area");
    let [swansea, morning, evening] = &own.places[..] else {
        panic!("three places")
    };
    // Swansea: today 30% of £2m; both the average and the fair split 25%
    // (the fair split's level is 0.25: min(0.3, t) twice plus 0.5 is 1).
    assert_eq!(swansea.today, figure(3_000, 0, pounds(600_000), 0));
    let swansea_room = figure(2_500, -500, pounds(500_000), -pounds(100_000));
    assert_eq!(swansea.average, Some(swansea_room));
    assert_eq!(swansea.fair_split, Some(swansea_room));
    assert_eq!(swansea.decision, Some(swansea_room));
    // Morning: today 40% of £1m; average (30 + 40) / 2 = 35%; fair split
    // 30/20/20/10/20 (level 0.2); agreed 30%.
    assert_eq!(morning.today, figure(4_000, 0, pounds(400_000), 0));
    assert_eq!(
        morning.average,
        Some(figure(3_500, -500, pounds(350_000), -pounds(50_000)))
    );
    assert_eq!(
        morning.fair_split,
        Some(figure(3_000, -1_000, pounds(300_000), -pounds(100_000)))
    );
    assert_eq!(
        morning.decision,
        Some(figure(3_000, -1_000, pounds(300_000), -pounds(100_000)))
    );
    // Evening: today 20% of £500k; average (10 + 20 + 30) / 3 = 20%; fair
    // split 20% everywhere (level 0.1); no decision.
    let evening_same = figure(2_000, 0, pounds(100_000), 0);
    assert_eq!(evening.today, evening_same);
    assert_eq!(evening.average, Some(evening_same));
    assert_eq!(evening.fair_split, Some(evening_same));
    assert_eq!(evening.decision, None);
    // Two places moved it down, one kept it.
    assert_eq!(own.average, agree(0, 2, 1));
    assert_eq!(own.fair_split, agree(0, 2, 1));
    assert_eq!(own.decision, agree(0, 2, 0));

    // Whole-community work.
    let whole = state.area(Area::WholeCommunity).expect("every area");
    let [swansea, morning, evening] = &whole.places[..] else {
        panic!("three places")
    };
    assert_eq!(swansea.today, figure(1_000, 0, pounds(200_000), 0));
    assert_eq!(
        swansea.average,
        Some(figure(2_000, 1_000, pounds(400_000), pounds(200_000)))
    );
    assert_eq!(
        morning.average,
        Some(figure(1_500, 500, pounds(150_000), pounds(50_000)))
    );
    assert_eq!(
        morning.fair_split,
        Some(figure(2_000, 1_000, pounds(200_000), pounds(100_000)))
    );
    assert_eq!(
        morning.decision,
        Some(figure(1_500, 500, pounds(150_000), pounds(50_000)))
    );
    // Evening's means are 20/20/20/16.67/23.33%: the sums 6,000, 6,000,
    // 6,000, 5,000 and 7,000 apportioned to 10,000 give leaving hospital the
    // odd point (1,667) and whole community 2,333: £116,650 of £500k.
    assert_eq!(
        evening.average,
        Some(figure(2_333, 333, 11_665_000, 1_665_000))
    );
    assert_eq!(
        evening.fair_split,
        Some(figure(2_000, 0, pounds(100_000), 0))
    );
    let hospital = state.area(Area::LeavingHospital).expect("every area");
    assert_eq!(
        hospital.places[2].average,
        Some(figure(1_667, -333, 8_335_000, -1_665_000))
    );
    // "3 of 3 places moved state money towards whole-community work."
    assert_eq!(whole.average, agree(3, 0, 0));
    assert_eq!(whole.fair_split, agree(2, 0, 1));
    assert_eq!(whole.decision, agree(2, 0, 0));
    assert_eq!(whole.moved(Outcome::Average).most(), Some(Direction::More));
}

#[test]
fn a_kind_counted_per_month_is_compared_per_year() {
    let c = compare(&three_places(), &KindMapping::new());
    let time = &c.kinds[1];
    assert_eq!(time.kind.name, "People's time");
    assert_eq!(time.kind.unit, Unit::Hours);
    // Swansea: 1,000 hours a year; the evening: 100 hours a month, 1,200 a year.
    let totals: Vec<_> = time
        .places
        .iter()
        .map(|p| (p.workshop, p.total_per_year))
        .collect();
    assert_eq!(totals, vec![(SWANSEA, 60_000), (EVENING, 72_000)]);
    let own = time.area(Area::OwnHome).expect("every area");
    // Swansea's one participant gave own home 30%: 300 of 1,000 hours.
    assert_eq!(own.places[0].today, figure(2_000, 0, 12_000, 0));
    assert_eq!(
        own.places[0].average,
        Some(figure(3_000, 1_000, 18_000, 6_000))
    );
    // The evening's two: (10 + 30) / 2 = 20%: 240 hours a year, as today.
    assert_eq!(own.places[1].average, Some(figure(2_000, 0, 14_400, 0)));
    let day = time.area(Area::DayActivities).expect("every area");
    assert_eq!(
        day.places[1].average,
        Some(figure(3_000, 1_000, 21_600, 7_200))
    );
    // Nobody decided on time anywhere.
    assert_eq!(day.decision, agree(0, 0, 0));
}

#[test]
fn where_most_places_agree() {
    let c = compare(&three_places(), &KindMapping::new());
    let by_average = c.where_places_agree(Outcome::Average);
    assert_eq!(
        by_average,
        vec![
            // State money to whole-community work: 3 of 3.
            PlacesAgree {
                kind: 0,
                area: Area::WholeCommunity,
                direction: Direction::More,
                places: 3,
                of: 3
            },
            // Less time on accommodation: 2 of 2 (Swansea 10%, the evening 10%).
            PlacesAgree {
                kind: 1,
                area: Area::Accommodation,
                direction: Direction::Less,
                places: 2,
                of: 2
            },
            // Less state money for own home and accommodation: 2 of 3.
            PlacesAgree {
                kind: 0,
                area: Area::OwnHome,
                direction: Direction::Less,
                places: 2,
                of: 3
            },
            PlacesAgree {
                kind: 0,
                area: Area::Accommodation,
                direction: Direction::Less,
                places: 2,
                of: 3
            },
        ]
    );
    // Only two places recorded a decision: both moved state money to
    // whole-community work and away from own home (on accommodation and day
    // activities one moved and the other kept it).
    let by_decision = c.where_places_agree(Outcome::Decision);
    let said: Vec<_> = by_decision
        .iter()
        .map(|a| (a.kind, a.area, a.direction, a.places, a.of))
        .collect();
    assert_eq!(
        said,
        vec![
            (0, Area::OwnHome, Direction::Less, 2, 2),
            (0, Area::WholeCommunity, Direction::More, 2, 2),
        ]
    );
}

#[test]
fn each_places_headlines_are_its_own_rooms() {
    let records = three_places();
    let c = compare(&records, &KindMapping::new());
    for place in &c.places {
        let w = records.iter().find(|w| w.id == place.workshop).unwrap();
        assert_eq!(place.headlines, headlines(&aggregate(w)));
    }
    // Swansea: both roles want more state money for whole-community work
    // (+10 points), and its one time-giver more time at home, less for
    // accommodation: three agreements of 10 points, in kind then area order.
    let swansea = c.place(SWANSEA).unwrap();
    let said: Vec<_> = swansea
        .headlines
        .iter()
        .map(|h| {
            (
                h.kind_id.as_str(),
                h.area.area,
                h.area.agreement,
                h.strength_bp,
            )
        })
        .collect();
    assert_eq!(
        said,
        vec![
            (
                "state_money",
                Area::WholeCommunity,
                Agreement::AllMore,
                1_000
            ),
            ("peoples_time", Area::OwnHome, Agreement::AllMore, 1_000),
            (
                "peoples_time",
                Area::Accommodation,
                Agreement::AllLess,
                1_000
            ),
        ]
    );
    // Each headline finds its compared kind.
    assert_eq!(
        c.kind_of(SWANSEA, "peoples_time")
            .map(|k| k.kind.name.as_str()),
        Some("People's time")
    );
    assert!(c.kind_of(SWANSEA, "council_grants").is_none());
}

#[test]
fn a_kind_matched_by_hand_is_compared() {
    let records = three_places();
    let mapping = KindMapping::new()
        .with(
            &records,
            kind_ref(MORNING, "other_funding"),
            kind_ref(SWANSEA, "council_grants"),
        )
        .expect("both are money");
    let c = compare(&records, &mapping);
    assert!(c.mismatches.is_empty());
    let grants = c.kind_of(MORNING, "other_funding").expect("compared");
    assert_eq!(grants.kind.name, "Council grants");
    let own = grants.area(Area::OwnHome).unwrap();
    // Nobody divided it in either place: today only.
    assert_eq!(own.places.len(), 2);
    assert!(own.places.iter().all(|p| p.average.is_none()));
    assert_eq!(own.places[0].today, figure(2_000, 0, pounds(20_000), 0));
    assert_eq!(own.average, agree(0, 0, 0));
}

#[test]
fn sorting_and_filtering() {
    let c = compare(&three_places(), &KindMapping::new());
    let ids = |c: &co_produce::model::Comparison| -> Vec<_> {
        c.places.iter().map(|p| p.workshop).collect()
    };
    assert_eq!(
        ids(&c.sorted(PlaceOrder::Date)),
        vec![SWANSEA, MORNING, EVENING]
    );
    assert_eq!(
        ids(&c.sorted(PlaceOrder::Name)),
        vec![EVENING, MORNING, SWANSEA]
    );
    assert_eq!(
        ids(&c.sorted(PlaceOrder::Place)),
        vec![EVENING, MORNING, SWANSEA]
    );
    assert_eq!(ids(&c.reversed()), vec![EVENING, MORNING, SWANSEA]);
    // Whole-community state money: Swansea +10, morning +5, evening +3.33 points.
    let by_change = c.sorted(PlaceOrder::Change {
        kind: 0,
        area: Area::WholeCommunity,
        outcome: Outcome::Average,
    });
    assert_eq!(ids(&by_change), vec![SWANSEA, MORNING, EVENING]);
    // Own-home state money by the amount: the evening kept it (±£0), the
    // morning moved £50,000 and Swansea £100,000 away.
    let by_amount = c.sorted(PlaceOrder::Amount {
        kind: 0,
        area: Area::OwnHome,
        outcome: Outcome::Average,
    });
    assert_eq!(ids(&by_amount), vec![EVENING, MORNING, SWANSEA]);
    // Day activities by the decision: the morning +5 points, Swansea kept
    // it, and the evening, with no decision, goes last.
    let by_decision = c.sorted(PlaceOrder::Change {
        kind: 0,
        area: Area::DayActivities,
        outcome: Outcome::Decision,
    });
    assert_eq!(ids(&by_decision), vec![MORNING, SWANSEA, EVENING]);
    // Every list follows the places' order.
    let own = by_amount.kinds[0].area(Area::OwnHome).unwrap();
    let order: Vec<_> = own.places.iter().map(|p| p.workshop).collect();
    assert_eq!(order, vec![EVENING, MORNING, SWANSEA]);
    assert_eq!(
        by_amount.kinds[0]
            .places
            .iter()
            .map(|p| p.workshop)
            .collect::<Vec<_>>(),
        vec![EVENING, MORNING, SWANSEA]
    );
    assert_eq!(own.average, agree(0, 2, 1), "the counts do not change");

    // Only Cardiff: the counts are made again from its two sessions.
    let cardiff = c.filtered(&PlaceFilter {
        words: "  CARDIFF ".into(),
        ..PlaceFilter::default()
    });
    assert_eq!(ids(&cardiff), vec![MORNING, EVENING]);
    let whole = cardiff.kinds[0].area(Area::WholeCommunity).unwrap();
    assert_eq!(whole.average, agree(2, 0, 0));
    assert_eq!(whole.decision, agree(1, 0, 0));
    // People's time is left with the evening alone.
    assert_eq!(cardiff.kinds[1].places.len(), 1);
    // By date.
    let february = c.filtered(&PlaceFilter {
        from_date: Some("2026-02-01".into()),
        to_date: Some("2026-02-28".into()),
        ..PlaceFilter::default()
    });
    assert_eq!(ids(&february), vec![SWANSEA]);
    // By area.
    let two = c.only_areas(&[Area::WholeCommunity, Area::OwnHome]);
    let areas: Vec<_> = two.kinds[0].areas.iter().map(|a| a.area).collect();
    assert_eq!(areas, vec![Area::OwnHome, Area::WholeCommunity]);
    // A view sorted twice is the same whatever it was sorted by before.
    assert_eq!(
        c.sorted(PlaceOrder::Name).sorted(PlaceOrder::Date),
        c.sorted(PlaceOrder::Date)
    );
    assert_eq!(c.sorted(PlaceOrder::Date), c);
}

#[test]
fn copies_of_one_workshop_are_one_place() {
    let mut later = morning();
    vote(
        &mut later,
        co_produce::model::Role::Provider,
        &[("state_money", [40, 30, 10, 10, 10])],
    );
    let records = vec![morning(), evening(), later.clone(), swansea(), morning()];
    let c = compare(&records, &KindMapping::new());
    assert_eq!(c.places.len(), 3);
    assert_eq!(c.place(MORNING).unwrap().participants, 3);
    assert_eq!(
        c,
        compare(&[swansea(), later, evening()], &KindMapping::new())
    );
}

#[test]
fn a_realistic_workshop_compares_with_itself_without_panicking() {
    let w = common::realistic_workshop();
    let c = compare(std::slice::from_ref(&w), &KindMapping::new());
    assert_eq!(c.places.len(), 1);
    assert_eq!(c.kinds.len(), w.kinds.len());
    for kind in &c.kinds {
        assert_eq!(kind.areas.len(), 5);
        for area in &kind.areas {
            // Every place's amounts of a split add up to its total.
            assert!(area.places.iter().all(|p| p.today.change_amount == 0));
        }
        for outcome in Outcome::ALL {
            let sum: i64 = kind
                .areas
                .iter()
                .filter_map(|a| a.places[0].get(outcome))
                .map(|f| f.amount)
                .sum();
            if kind.areas[0].places[0].get(outcome).is_some() {
                assert_eq!(sum, kind.places[0].total_per_year, "{outcome:?}");
            }
        }
    }
}

// ------------------------------------------------------------- order independence

fn some_records() -> Vec<Workshop> {
    let mut later = evening();
    vote(
        &mut later,
        co_produce::model::Role::Commissioner,
        &[("state_money", [20, 20, 20, 20, 20])],
    );
    vec![
        morning(),
        evening(),
        swansea(),
        later,
        common::realistic_workshop(),
        morning(),
    ]
}

fn some_mapping(records: &[Workshop]) -> KindMapping {
    KindMapping::new()
        .with(
            records,
            kind_ref(SWANSEA, "council_grants"),
            kind_ref(MORNING, "other_funding"),
        )
        .expect("holds")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_order_of_the_records_gives_the_same_comparison(
        shuffled in Just(some_records()).prop_shuffle()
    ) {
        let records = some_records();
        let mapping = some_mapping(&records);
        prop_assert_eq!(compare(&shuffled, &mapping), compare(&records, &mapping));
    }
}

// --------------------------------------------------------------- the comparison file

fn problems_at(problems: &[ComparisonProblem]) -> Vec<String> {
    problems.iter().map(|p| p.place().to_string()).collect()
}

#[test]
fn a_comparison_file_round_trips() {
    let records = three_places();
    let mapping = some_mapping(&records);
    let text = export_comparison_json(&records, &mapping);
    let opened = import_comparison_json(&text).expect("opens");
    assert!(opened.problems.is_empty(), "{:?}", opened.problems);
    assert_eq!(opened.mapping, mapping);
    // Written in date order, each record as its own file would hold it.
    let ids: Vec<_> = opened.records.iter().map(|w| w.id).collect();
    assert_eq!(ids, vec![SWANSEA, MORNING, EVENING]);
    assert_eq!(opened.records, vec![swansea(), morning(), evening()]);
    assert_eq!(
        compare(&opened.records, &opened.mapping),
        compare(&records, &mapping)
    );
    // Written again, it is the same file.
    assert_eq!(
        export_comparison_json(&opened.records, &opened.mapping),
        text
    );
    let value: Value = serde_json::from_str(&text).unwrap();
    let own: Value = serde_json::from_str(&export_json(&swansea())).unwrap();
    assert_eq!(value["records"][0], own);
    assert_eq!(value["schema_version"], json!(1));
}

#[test]
fn a_realistic_comparison_round_trips() {
    let records = vec![
        common::realistic_workshop(),
        common::realistic_workshop_with_notes(),
        morning(),
    ];
    // The two realistic ones are copies of one workshop: merged into one place.
    let text = export_comparison_json(&records, &KindMapping::new());
    let opened = import_comparison_json(&text).expect("opens");
    assert!(opened.problems.is_empty(), "{:?}", opened.problems);
    assert_eq!(opened.records.len(), 2);
    assert_eq!(
        compare(&opened.records, &opened.mapping),
        compare(&records, &KindMapping::new())
    );
}

#[test]
fn a_lone_decision_record_opens_as_a_comparison_of_one() {
    let opened = import_comparison_json(&export_json(&swansea())).expect("opens");
    assert_eq!(opened.records, vec![swansea()]);
    assert!(opened.problems.is_empty());
    // A broken one is refused as import_json refuses it.
    let mut v: Value = serde_json::from_str(&export_json(&swansea())).unwrap();
    v["workshop"]["date"] = json!("2026-02-30");
    let err = import_comparison_json(&v.to_string()).unwrap_err();
    assert!(
        matches!(&err, ImportError::Invalid { path, .. } if path == "workshop.date"),
        "{err:?}"
    );
}

#[test]
fn broken_records_are_listed_with_their_place_and_the_others_open() {
    let records = three_places();
    let mapping = some_mapping(&records);
    let mut v: Value = serde_json::from_str(&export_comparison_json(&records, &mapping)).unwrap();
    // records: Swansea, morning, evening. Break the morning's date and the
    // evening's second ballot's role, and add a fourth of another version.
    v["records"][1]["workshop"]["date"] = json!("2026-13-45");
    v["records"][2]["workshop"]["ballots"][1]["role"] = json!("mayor");
    let mut future = v["records"][0].clone();
    future["schema_version"] = json!(99);
    v["records"].as_array_mut().unwrap().push(future);
    let opened = import_comparison_json(&serde_json::to_string_pretty(&v).unwrap()).expect("opens");

    assert_eq!(opened.records, vec![swansea()]);
    assert_eq!(
        problems_at(&opened.problems),
        vec![
            "records[1].workshop.date",
            "records[2].workshop.ballots[1].role",
            "records[3]",
            "mapping[0]",
        ]
    );
    match &opened.problems[0] {
        ComparisonProblem::Record {
            index: 1,
            error: ImportError::Invalid { .. },
        } => {}
        other => panic!("expected the morning's date, got {other:?}"),
    }
    match &opened.problems[1] {
        ComparisonProblem::Record {
            index: 2,
            error: ImportError::Shape { .. },
        } => {}
        other => panic!("expected the evening's role, got {other:?}"),
    }
    match &opened.problems[2] {
        ComparisonProblem::Record {
            index: 3,
            error:
                ImportError::WrongSchema {
                    found: SchemaFound::Version { found, .. },
                },
        } => assert_eq!(found, "99"),
        other => panic!("expected another version, got {other:?}"),
    }
    // The match made by hand named the morning's kind, which did not open.
    assert_eq!(
        opened.problems[3],
        ComparisonProblem::Mapping {
            index: 0,
            pair: KindPair {
                from: kind_ref(SWANSEA, "council_grants"),
                to: kind_ref(MORNING, "other_funding"),
            },
            error: MappingError::NotInComparison {
                kind: kind_ref(MORNING, "other_funding")
            },
        }
    );
    assert!(opened.mapping.is_empty());
    // Each problem reads in English with its place.
    assert!(opened.problems[0]
        .to_string()
        .starts_with("At records[1].workshop.date: "));
    assert!(opened.problems[2]
        .to_string()
        .starts_with("At records[3]: "));
    assert!(opened.problems[3]
        .to_string()
        .starts_with("At mapping[0]: "));
}

#[test]
fn a_file_that_is_no_comparison_is_refused_whole() {
    assert!(matches!(
        import_comparison_json("{\"records\": [ }"),
        Err(ImportError::NotJson { .. })
    ));
    // serde would read a struct from a list of its fields: not a comparison.
    assert!(matches!(
        import_comparison_json("[1, [], [null]]"),
        Err(ImportError::WrongSchema {
            found: SchemaFound::NoVersion
        })
    ));
    assert!(matches!(
        import_comparison_json("[1, 2]"),
        Err(ImportError::WrongSchema {
            found: SchemaFound::NoVersion
        })
    ));
    assert!(matches!(
        import_comparison_json(r#"{"schema_version": 2, "records": []}"#),
        Err(ImportError::WrongSchema {
            found: SchemaFound::Version { .. }
        })
    ));
    let err = import_comparison_json(r#"{"schema_version": 1, "records": {}}"#).unwrap_err();
    assert!(
        matches!(&err, ImportError::Shape { path, .. } if path == "records"),
        "{err:?}"
    );
    let err = import_comparison_json(r#"{"schema_version": 1, "records": [], "colour": "red"}"#)
        .unwrap_err();
    assert!(matches!(err, ImportError::Shape { .. }), "{err:?}");
    // An empty comparison opens empty.
    let empty = import_comparison_json(r#"{"schema_version": 1, "records": []}"#).unwrap();
    assert!(empty.records.is_empty() && empty.problems.is_empty());
}

#[test]
fn records_are_found_whatever_their_layout_and_keys() {
    // Escaped keys, strings holding brackets and quotes, odd spacing, and a
    // record that is not an object: serde and the reader agree on each.
    let swansea_text =
        serde_json::to_string(&serde_json::from_str::<Value>(&export_json(&swansea())).unwrap())
            .unwrap();
    let mut evening = evening();
    evening.name = "Evening \"[quoted]\" {braces}, \\ and , commas".into();
    let evening_text = export_json(&evening);
    let text = format!(
        "{{ \"mapping\" : [ ] , \"gener\\u0061tor\":\"x ] [ }}\",\"schema_version\":1,\n\"rec\\u006frds\" :\t[ {swansea_text} ,\n\n{evening_text}\n , 7,\"[\" , null ] }}"
    );
    let opened = import_comparison_json(&text).expect("opens");
    assert_eq!(opened.records, vec![swansea(), evening]);
    assert_eq!(
        problems_at(&opened.problems),
        vec!["records[2]", "records[3]", "records[4]"]
    );
}

// ------------------------------------------------------------------ never panics

fn small_file() -> String {
    export_comparison_json(&three_places(), &some_mapping(&three_places()))
}

fn check_open(text: &str) -> Result<(), TestCaseError> {
    match import_comparison_json(text) {
        Ok(opened) => {
            for w in &opened.records {
                prop_assert!(co_produce::model::validate(w).is_ok());
            }
            for p in &opened.problems {
                prop_assert!(!p.to_string().is_empty());
            }
            // What opened compares.
            let _ = compare(&opened.records, &opened.mapping);
        }
        Err(e) => prop_assert!(!e.to_string().is_empty()),
    }
    Ok(())
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        Just(json!(1)),
        "[\\[\\]{}\",:\\\\a-z ]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("schema_version".to_string()),
                    Just("records".to_string()),
                    Just("mapping".to_string()),
                    Just("workshop".to_string()),
                    "[a-z\\[\"]{0,5}"
                ],
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_open(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn arbitrary_json_never_panics(v in json_value()) {
        check_open(&v.to_string())?;
        check_open(&serde_json::to_string_pretty(&v).unwrap())?;
    }

    #[test]
    fn every_record_is_opened_or_listed(
        records in prop::collection::vec(json_value(), 0..5),
        pretty in any::<bool>(),
    ) {
        let file = json!({"schema_version": 1, "records": records, "mapping": []});
        let text = if pretty { serde_json::to_string_pretty(&file).unwrap() } else { file.to_string() };
        let opened = import_comparison_json(&text).expect("the outline is right");
        prop_assert_eq!(opened.records.len() + opened.problems.len(), records.len());
    }

    #[test]
    fn cut_or_changed_files_never_panic(
        cut in any::<prop::sample::Index>(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
    ) {
        let mut bytes = small_file().into_bytes();
        for (i, b) in &flips {
            let i = i.index(bytes.len());
            bytes[i] = *b;
        }
        let end = cut.index(bytes.len() + 1);
        bytes.truncate(end);
        check_open(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn changed_records_never_panic(
        record in 0usize..3,
        pointer in prop_oneof![
            Just("/workshop/date"),
            Just("/workshop/kinds/0/baseline/own_home"),
            Just("/workshop/kinds/0/unit"),
            Just("/workshop/ballots/0"),
            Just("/workshop/ballots/0/allocations"),
            Just("/workshop/id"),
            Just("/schema_version"),
            Just(""),
        ],
        value in json_value(),
    ) {
        let mut v: Value = serde_json::from_str(&small_file()).unwrap();
        if let Some(node) = v["records"][record].pointer_mut(pointer) {
            *node = value;
        }
        check_open(&v.to_string())?;
    }
}
