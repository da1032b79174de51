#![cfg(not(target_arch = "wasm32"))]
//! The CSV for commissioners' spreadsheets, read back with an RFC 4180 parser:
//! the header, one row per ballot × kind × area plus the room's figures,
//! CRLF line ends, defused formulas, and amounts that add up.

mod common;

use std::collections::BTreeMap;

use co_produce::model::csv::{text_cell, to_csv, CSV_HEADER};
use co_produce::model::{aggregate, Area, Role, Unit, Workshop};
use common::{at, id, realistic_workshop};
use proptest::prelude::*;

/// One cell, and whether it was quoted.
#[derive(Debug, Clone, PartialEq)]
struct Cell {
    text: String,
    quoted: bool,
}

/// A strict RFC 4180 reader: records end with CRLF, a quoted cell may hold
/// commas, quotes (doubled) and line breaks, and a quote may not appear inside
/// an unquoted cell. Returns the records, or where the text breaks the rules.
fn parse(text: &str) -> Result<Vec<Vec<Cell>>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut i = 0;
    if chars.is_empty() {
        return Ok(rows);
    }
    loop {
        // One cell.
        let mut cell = String::new();
        let quoted = chars.get(i) == Some(&'"');
        if quoted {
            i += 1;
            loop {
                match chars.get(i) {
                    None => return Err("a quoted cell is not closed".into()),
                    Some('"') if chars.get(i + 1) == Some(&'"') => {
                        cell.push('"');
                        i += 2;
                    }
                    Some('"') => {
                        i += 1;
                        break;
                    }
                    Some(&c) => {
                        cell.push(c);
                        i += 1;
                    }
                }
            }
        } else {
            while let Some(&c) = chars.get(i) {
                match c {
                    ',' | '\r' => break,
                    '"' => return Err(format!("a quote inside an unquoted cell at {i}")),
                    '\n' => return Err(format!("a bare line feed at {i}")),
                    _ => {
                        cell.push(c);
                        i += 1;
                    }
                }
            }
        }
        row.push(Cell { text: cell, quoted });
        match (chars.get(i), chars.get(i + 1)) {
            (Some(','), _) => i += 1,
            (Some('\r'), Some('\n')) => {
                i += 2;
                rows.push(std::mem::take(&mut row));
                if i == chars.len() {
                    return Ok(rows);
                }
            }
            (None, _) => return Err("the last record has no CRLF".into()),
            (Some(c), _) => return Err(format!("unexpected {c:?} after a cell at {i}")),
        }
    }
}

fn texts(row: &[Cell]) -> Vec<&str> {
    row.iter().map(|c| c.text.as_str()).collect()
}

/// The column of a header name.
fn col(name: &str) -> usize {
    CSV_HEADER
        .iter()
        .position(|h| *h == name)
        .expect("a column")
}

/// A decimal cell ("1234.56", "-0.05", "35") in hundredths.
fn hundredths(text: &str) -> i64 {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    assert!(
        !whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()),
        "not a number: {text}"
    );
    assert!(
        frac.len() <= 2 && frac.bytes().all(|b| b.is_ascii_digit()),
        "not a number: {text}"
    );
    let frac = format!("{frac:0<2}");
    sign * (whole.parse::<i64>().unwrap() * 100 + frac.parse::<i64>().unwrap())
}

/// The realistic workshop with participants whose names a spreadsheet would run.
fn awkward_workshop() -> Workshop {
    let mut w = realistic_workshop();
    let names = [
        "=HYPERLINK(\"http://x.example\",\"x\")",
        "+1",
        "-2",
        "@SUM(A1:A9)",
        "\tTabbed",
        "Two\r\nlines, \"quoted\"",
        "Line\nfeed only",
        ",leading comma",
    ];
    for (i, name) in names.iter().enumerate() {
        let ballot = id(60 + i as u8);
        w.add_participant(ballot, (*name).into(), Role::ALL[i % 5], at(60 + i as i64));
        w.update_allocation(ballot, "other_funding", at(70), |a| {
            a.set_area(Area::DayActivities, 1_111 * i as u32)
        });
    }
    w.kinds[1].name = "=cmd|' /C calc'!A0".into();
    w
}

struct Parsed {
    header: Vec<Cell>,
    rows: Vec<Vec<Cell>>,
}

fn parsed(w: &Workshop) -> (String, Parsed) {
    let text = to_csv(w);
    let mut rows = parse(&text).unwrap_or_else(|e| panic!("not RFC 4180: {e}\n{text}"));
    let header = rows.remove(0);
    (text, Parsed { header, rows })
}

// ---------------------------------------------------------------- shape

#[test]
fn the_header_is_exactly_the_documented_one() {
    let (text, p) = parsed(&realistic_workshop());
    assert_eq!(texts(&p.header), CSV_HEADER);
    assert!(text.starts_with(&format!("{}\r\n", CSV_HEADER.join(","))));
    assert_eq!(
        CSV_HEADER.join(","),
        "row_type,participant,role,ballot_id,resource_id,resource,unit,period,area_id,share_percent,amount,change_vs_today,\
         principle_id,rating,not_at_all,a_little,mostly,fully,score,\
         note_id,note_kind,note_text,agreements,card_agreements,merged_into,hidden"
    );
}

#[test]
fn every_row_has_every_cell_and_ends_with_crlf() {
    for w in [realistic_workshop(), awkward_workshop()] {
        let (text, p) = parsed(&w);
        assert!(text.ends_with("\r\n"));
        for row in &p.rows {
            assert_eq!(row.len(), CSV_HEADER.len(), "{row:?}");
        }
        // Outside quoted cells, every line feed follows a carriage return
        // (the parser refuses anything else); count the record ends.
        assert_eq!(
            text.matches("\r\n").count(),
            p.rows.len()
                + 1
                + w.ballots
                    .iter()
                    .filter(|b| b.participant.contains("\r\n"))
                    .count()
                    * 25
        );
    }
}

#[test]
fn one_row_per_ballot_kind_and_area_then_the_figures() {
    let w = awkward_workshop();
    let (_, p) = parsed(&w);
    let figures = aggregate(&w);
    let mut expected: BTreeMap<(String, String), usize> = BTreeMap::new();
    for b in &w.ballots {
        for k in &w.kinds {
            if b.allocations.contains_key(&k.id) {
                *expected.entry(("ballot".into(), k.id.clone())).or_default() += 5;
            }
        }
    }
    for (k, f) in w.kinds.iter().zip(&figures) {
        let mut add = |row_type: &str, n: usize| {
            *expected.entry((row_type.into(), k.id.clone())).or_default() += n;
        };
        add("baseline", 5);
        if f.participants > 0 {
            for t in ["mean", "fair_split", "median", "min", "max"] {
                add(t, 5);
            }
            add("role_mean", 5 * f.by_role.len());
            add("role_fair_split", 5 * f.by_role.len());
        }
        if w.agreed_decision
            .as_ref()
            .is_some_and(|d| d.shares.contains_key(&k.id))
        {
            add("agreed", 5);
        }
    }
    let mut counted: BTreeMap<(String, String), usize> = BTreeMap::new();
    for row in &p.rows {
        *counted
            .entry((
                row[col("row_type")].text.clone(),
                row[col("resource_id")].text.clone(),
            ))
            .or_default() += 1;
    }
    assert_eq!(counted, expected);

    // Counted plainly too: 14 ballots of 5 kinds, but one dropped community resources.
    let ballot_rows = p
        .rows
        .iter()
        .filter(|r| r[col("row_type")].text == "ballot")
        .count();
    let allocations: usize = w
        .ballots
        .iter()
        .map(|b| b.allocations.keys().filter(|k| w.kind(k).is_some()).count())
        .sum();
    assert_eq!(ballot_rows, allocations * 5);
    assert_eq!(w.ballots.len(), 14);
    assert_eq!(allocations, 14 * 5 - 1);

    // Each ballot's rows name it, its role, and the five areas in order.
    for b in &w.ballots {
        let rows: Vec<&Vec<Cell>> = p
            .rows
            .iter()
            .filter(|r| r[col("ballot_id")].text == b.id.to_string())
            .collect();
        assert_eq!(rows.len(), b.allocations.len() * 5);
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(r[col("role")].text, b.role.id());
            assert_eq!(r[col("area_id")].text, Area::ALL[i % 5].id());
        }
    }
}

#[test]
fn a_workshop_without_ballots_has_the_baseline_and_decision_only() {
    let mut w = realistic_workshop();
    w.ballots.clear();
    let (_, p) = parsed(&w);
    let types: std::collections::BTreeSet<&str> = p
        .rows
        .iter()
        .map(|r| r[col("row_type")].text.as_str())
        .collect();
    assert_eq!(
        types,
        ["agreed", "baseline"].into_iter().collect(),
        "no ballots, no room figures"
    );
    let decided = w.agreed_decision.as_ref().map_or(0, |d| d.shares.len());
    assert_eq!(decided, w.kinds.len());
    assert_eq!(p.rows.len(), (w.kinds.len() + decided) * 5);
}

// ---------------------------------------------------------------- quoting

#[test]
fn formulas_are_defused_and_quotes_doubled() {
    let w = awkward_workshop();
    let (text, p) = parsed(&w);
    let participants: Vec<&str> = p
        .rows
        .iter()
        .map(|r| r[col("participant")].text.as_str())
        .collect();
    for (name, cell) in [
        (
            "=HYPERLINK(\"http://x.example\",\"x\")",
            "'=HYPERLINK(\"http://x.example\",\"x\")",
        ),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tTabbed", "'\tTabbed"),
    ] {
        assert!(participants.contains(&cell), "{name} is not defused");
        assert!(!participants.contains(&name), "{name} is left as a formula");
    }
    assert!(text.contains("\"'=HYPERLINK(\"\"http://x.example\"\",\"\"x\"\")\""));
    // Names with quotes, commas and line breaks come back whole.
    for name in [
        "O'Brien, Pat \"Paddy\"",
        "Two\r\nlines, \"quoted\"",
        "Line\nfeed only",
        ",leading comma",
        "Table 3 \\ north\ttable",
        "李雷 — Care & Co. Ltd",
    ] {
        assert!(participants.contains(&name), "{name:?} did not come back");
    }
    assert!(text.contains("\"O'Brien, Pat \"\"Paddy\"\"\""));
    // The kind's name is text too.
    assert!(p
        .rows
        .iter()
        .any(|r| r[col("resource")].text == "'=cmd|' /C calc'!A0"));
    // Text cells are quoted; figures are not. An allocation row fills its
    // figures and leaves the partnership check's empty.
    for row in &p.rows {
        for (i, cell) in row.iter().enumerate() {
            let figure = (col("share_percent")..col("principle_id")).contains(&i)
                || (col("not_at_all")..=col("score")).contains(&i)
                || (col("agreements")..=col("card_agreements")).contains(&i);
            assert_eq!(cell.quoted, !figure, "{:?} in column {i}", cell.text);
            let allocation_figure = i >= col("share_percent") && i < col("principle_id");
            if allocation_figure {
                hundredths(&cell.text);
            } else if i >= col("principle_id") {
                assert_eq!(cell.text, "", "column {i} of an allocation row");
            }
        }
    }
}

#[test]
fn text_cell_examples() {
    assert_eq!(text_cell("plain"), "\"plain\"");
    assert_eq!(text_cell(""), "\"\"");
    assert_eq!(text_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(text_cell("=1+2"), "\"'=1+2\"");
    assert_eq!(text_cell("+44 20"), "\"'+44 20\"");
    assert_eq!(text_cell("-"), "\"'-\"");
    assert_eq!(text_cell("@x"), "\"'@x\"");
    assert_eq!(text_cell("\rx"), "\"'\rx\"");
    assert_eq!(text_cell("a=b"), "\"a=b\"");
    assert_eq!(text_cell("=\"x\""), "\"'=\"\"x\"\"\"");
}

// ---------------------------------------------------------------- figures

/// Rows grouped per (row type, participant or role, ballot id, kind), in order.
fn groups(p: &Parsed) -> BTreeMap<(String, String, String, String), Vec<&Vec<Cell>>> {
    let mut out: BTreeMap<_, Vec<&Vec<Cell>>> = BTreeMap::new();
    for r in &p.rows {
        out.entry((
            r[col("row_type")].text.clone(),
            r[col("role")].text.clone(),
            r[col("ballot_id")].text.clone(),
            r[col("resource_id")].text.clone(),
        ))
        .or_default()
        .push(r);
    }
    out
}

#[test]
fn shares_add_up_to_100_and_amounts_to_the_total() {
    let w = awkward_workshop();
    let (_, p) = parsed(&w);
    let mut checked = 0;
    for ((row_type, _, _, kind_id), rows) in groups(&p) {
        assert_eq!(rows.len(), 5, "{row_type} {kind_id}");
        if ![
            "ballot",
            "baseline",
            "mean",
            "fair_split",
            "role_mean",
            "role_fair_split",
            "agreed",
        ]
        .contains(&row_type.as_str())
        {
            continue;
        }
        let kind = w.kind(&kind_id).expect("a kind");
        let percent: i64 = rows
            .iter()
            .map(|r| hundredths(&r[col("share_percent")].text))
            .sum();
        assert_eq!(
            percent, 10_000,
            "{row_type} {kind_id}: percentages add to 100.00"
        );
        let amounts: Vec<i64> = rows
            .iter()
            .map(|r| hundredths(&r[col("amount")].text))
            .collect();
        let today: Vec<i64> = kind
            .baseline_amounts()
            .iter()
            .map(|&steps| steps * 100 / kind.unit.steps_per_unit())
            .collect();
        match kind.unit {
            // Pounds with two decimals are whole pence: they add up exactly.
            Unit::Money => {
                assert_eq!(
                    amounts.iter().sum::<i64>(),
                    kind.total,
                    "{row_type} {kind_id}"
                );
                for (r, t) in rows.iter().zip(&today) {
                    let amount = hundredths(&r[col("amount")].text);
                    assert_eq!(hundredths(&r[col("change_vs_today")].text), amount - t);
                }
            }
            Unit::Count { .. } => {
                assert_eq!(
                    amounts.iter().sum::<i64>(),
                    kind.total * 100,
                    "{row_type} {kind_id}"
                );
            }
            // Minutes shown as hours to two decimals are cut, not rounded:
            // the five cells fall short of the total by under 0.05 hours.
            Unit::Hours => {
                let total = kind.total * 100 / 60;
                let sum: i64 = amounts.iter().sum();
                assert!(
                    sum <= total && sum > total - 5,
                    "{row_type} {kind_id}: {sum} of {total}"
                );
            }
        }
        checked += 1;
    }
    assert!(checked > 60, "{checked}");
}

#[test]
fn ballot_rows_show_each_ballot_and_figures_match_the_aggregate() {
    let w = awkward_workshop();
    let (_, p) = parsed(&w);
    let g = groups(&p);
    for b in &w.ballots {
        for (kind_id, a) in &b.allocations {
            let rows = &g[&(
                "ballot".into(),
                b.role.id().into(),
                b.id.to_string(),
                kind_id.clone(),
            )];
            for (r, bp) in rows.iter().zip(a.areas.to_array()) {
                assert_eq!(hundredths(&r[col("share_percent")].text), i64::from(bp));
                assert_eq!(
                    r[col("participant")].text.trim_start_matches('\''),
                    b.participant
                );
            }
        }
    }
    for f in aggregate(&w) {
        let median = &g[&(
            "median".into(),
            String::new(),
            String::new(),
            f.kind_id.clone(),
        )];
        for (r, s) in median.iter().zip(&f.everyone.areas) {
            assert_eq!(r[col("area_id")].text, s.area.id());
            assert_eq!(
                hundredths(&r[col("share_percent")].text),
                i64::from(s.median_bp)
            );
        }
        for (role, stats) in &f.by_role {
            let rows = &g[&(
                "role_mean".into(),
                role.id().into(),
                String::new(),
                f.kind_id.clone(),
            )];
            let mean = stats.mean_shares().expect("a role with people");
            for (r, bp) in rows.iter().zip(mean.to_array()) {
                assert_eq!(hundredths(&r[col("share_percent")].text), i64::from(bp));
            }
            let rows = &g[&(
                "role_fair_split".into(),
                role.id().into(),
                String::new(),
                f.kind_id.clone(),
            )];
            let fair = stats.fair_shares().expect("a role with people");
            for (r, bp) in rows.iter().zip(fair.to_array()) {
                assert_eq!(hundredths(&r[col("share_percent")].text), i64::from(bp));
            }
        }
        let rows = &g[&(
            "fair_split".into(),
            String::new(),
            String::new(),
            f.kind_id.clone(),
        )];
        for (r, bp) in rows.iter().zip(f.fair_shares().to_array()) {
            assert_eq!(hundredths(&r[col("share_percent")].text), i64::from(bp));
        }
    }
}

#[test]
fn the_parser_in_this_test_refuses_what_it_should() {
    assert!(parse("a,b\r\n").is_ok());
    assert!(parse("a,b\n").is_err());
    assert!(parse("a,b").is_err());
    assert!(parse("\"a,b\r\n").is_err());
    assert!(parse("a\"b\r\n").is_err());
    assert_eq!(
        parse("\"x\"\"y\",\"1\r\n2\",3\r\n").unwrap(),
        vec![vec![
            Cell {
                text: "x\"y".into(),
                quoted: true
            },
            Cell {
                text: "1\r\n2".into(),
                quoted: true
            },
            Cell {
                text: "3".into(),
                quoted: false
            },
        ]]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_participant_name_survives_the_csv(name in "\\PC{0,40}|[=+@\\-\t\r\n,\"]{1,6}.{0,10}") {
        let mut w = realistic_workshop();
        w.ballots.truncate(1);
        w.ballots[0].participant = name.clone();
        let (_, p) = parsed(&w);
        let cell = &p.rows[0][col("participant")];
        prop_assert!(cell.quoted);
        let defused = matches!(name.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'));
        if defused {
            prop_assert_eq!(cell.text.clone(), format!("'{name}"));
        } else {
            prop_assert_eq!(cell.text.clone(), name);
        }
        for row in &p.rows {
            prop_assert_eq!(row.len(), CSV_HEADER.len());
        }
    }
}

// ---------------------------------------------------------------- partnership check

#[test]
fn the_partnership_check_has_rows_per_rating_and_per_role() {
    use co_produce::model::{partnership_results, Principle};
    let w = common::realistic_workshop_with_ratings();
    let (_, p) = parsed(&w);
    for row in &p.rows {
        assert_eq!(row.len(), CSV_HEADER.len(), "{row:?}");
    }
    let of = |t: &str| -> Vec<&Vec<Cell>> {
        p.rows
            .iter()
            .filter(|r| r[col("row_type")].text == t)
            .collect()
    };
    // The allocation rows are as they were.
    let (_, plain) = parsed(&common::realistic_workshop_with(
        &common::hand_built_catalogue(),
    ));
    let allocation_rows: Vec<Vec<&str>> = p
        .rows
        .iter()
        .filter(|r| !r[col("row_type")].text.starts_with("partnership"))
        .map(|r| texts(r))
        .collect();
    let before: Vec<Vec<&str>> = plain.rows.iter().map(|r| texts(r)).collect();
    assert_eq!(allocation_rows, before);

    // One row per participant and rated principle, with the rating and its score.
    let mine = of("partnership");
    let rated: usize = w.ballots.iter().map(|b| b.partnership.len()).sum();
    assert_eq!(mine.len(), rated);
    let sian = w.ballot(common::id(10)).unwrap();
    let row = mine
        .iter()
        .find(|r| {
            r[col("ballot_id")].text == sian.id.to_string()
                && r[col("principle_id")].text == "recognising_power_imbalances"
        })
        .expect("Siân's rating of power imbalances");
    assert_eq!(row[col("participant")].text, sian.participant);
    assert_eq!(row[col("role")].text, "citizen");
    assert_eq!(row[col("rating")].text, "not_at_all");
    assert_eq!(row[col("score")].text, "0.00");
    assert_eq!(row[col("resource_id")].text, "");
    assert_eq!(row[col("share_percent")].text, "");
    assert!(
        !row[col("share_percent")].quoted,
        "an empty figure is not quoted"
    );

    // Per principle, the room's counts and mean, and each role's.
    let results = partnership_results(&w);
    let room = of("partnership_room");
    let rated_principles = results
        .principles
        .iter()
        .filter(|r| r.everyone.counts.total() > 0)
        .count();
    assert_eq!(room.len(), rated_principles);
    let roles = of("partnership_role");
    let role_rows: usize = results.principles.iter().map(|r| r.by_role.len()).sum();
    assert_eq!(roles.len(), role_rows);
    let power = |rows: &[&Vec<Cell>], role: &str| -> Vec<String> {
        let r = rows
            .iter()
            .find(|r| {
                r[col("principle_id")].text == Principle::RecognisingPowerImbalances.id()
                    && r[col("role")].text == role
            })
            .expect("a row");
        ["not_at_all", "a_little", "mostly", "fully", "score"]
            .map(|c| r[col(c)].text.clone())
            .to_vec()
    };
    // Siân not at all, Pat a little, Dr Mensah mostly: (0 + 1 + 2) / 3 = 1.
    assert_eq!(power(&room, ""), ["1", "1", "1", "0", "1.00"]);
    assert_eq!(power(&roles, "commissioner"), ["0", "0", "1", "0", "2.00"]);
    assert_eq!(power(&roles, "citizen"), ["1", "0", "0", "0", "0.00"]);

    // Nobody rated: no partnership rows at all.
    let (_, none) = parsed(&common::realistic_workshop());
    assert!(none
        .rows
        .iter()
        .all(|r| !r[col("row_type")].text.starts_with("partnership")));
}
