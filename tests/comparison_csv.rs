#![cfg(not(target_arch = "wasm32"))]
//! The comparison as CSV: rows per kind × area × place × figure, worked out
//! by hand for the three small places, following the view's order and
//! filters, and text cells defused as in the workshop's CSV.

mod places;

use co_produce::model::{
    compare, comparison_csv, Area, KindMapping, PlaceFilter, PlaceOrder, COMPARISON_CSV_HEADER,
};
use places::*;

fn rows(csv: &str) -> Vec<Vec<String>> {
    csv.split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.split(',')
                .map(|c| c.trim_matches('"').to_string())
                .collect()
        })
        .collect()
}

#[test]
fn state_money_rows_worked_out_by_hand() {
    let c = compare(&three_places(), &KindMapping::new());
    let csv = comparison_csv(&c);
    assert!(csv.ends_with("\r\n"));
    let all = rows(&csv);
    assert_eq!(all[0], COMPARISON_CSV_HEADER.map(String::from).to_vec());
    // Swansea (earliest) first: £2,000,000, today 30/30/20/10/10.
    let swansea_home: Vec<_> = all
        .iter()
        .filter(|r| {
            r[0] == "State Money" && r[2] == "own_home" && r[4] == "Swansea co-production day"
        })
        .collect();
    let figures: Vec<_> = swansea_home.iter().map(|r| r[8].as_str()).collect();
    assert_eq!(figures, ["today", "average", "fair_split", "decision"]);
    assert_eq!(swansea_home[0][9..], ["30.00", "600000.00", "0.00", "0.00"]);
    // The room's average: 25% = £500,000, -5 points, -£100,000.
    assert_eq!(
        swansea_home[1][9..],
        ["25.00", "500000.00", "-5.00", "-100000.00"]
    );
    // Agreed 25%.
    assert_eq!(
        swansea_home[3][9..],
        ["25.00", "500000.00", "-5.00", "-100000.00"]
    );
    assert_eq!(swansea_home[0][1], "GBP");
    assert_eq!(swansea_home[0][7], "2");
    // Cardiff evening recorded no decision: no decision rows.
    assert!(!all
        .iter()
        .any(|r| r[4] == "Cardiff evening session" && r[8] == "decision"));
    // The time kind, per month at the evening, is compared per year.
    let evening_time = all
        .iter()
        .find(|r| r[1] == "hours" && r[4] == "Cardiff evening session" && r[8] == "today")
        .expect("a row of the evening's time");
    assert_eq!(evening_time[10], "240.00");
}

#[test]
fn follows_the_view() {
    let c = compare(&three_places(), &KindMapping::new());
    let view = c
        .sorted(PlaceOrder::Name)
        .filtered(&PlaceFilter {
            words: "cardiff".into(),
            ..PlaceFilter::default()
        })
        .only_areas(&[Area::WholeCommunity]);
    let all = rows(&comparison_csv(&view));
    assert!(all.len() > 1);
    assert!(all[1..].iter().all(|r| r[2] == "whole_community"));
    assert!(all[1..].iter().all(|r| r[4].starts_with("Cardiff")));
    // By name: evening before morning.
    assert_eq!(all[1][4], "Cardiff evening session");
}

#[test]
fn text_cells_are_quoted_and_defused() {
    let mut w = swansea();
    w.name = "=SUM(A1), \"best\"".into();
    let csv = comparison_csv(&compare(&[w], &KindMapping::new()));
    assert!(csv.contains("\"'=SUM(A1), \"\"best\"\"\""));
}
