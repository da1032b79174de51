//! The workshop as CSV for commissioners' spreadsheets: one row per participant
//! × resource kind × area, then the baseline, the room's figures (mean, fair
//! split, median, extremes), each role's mean and fair split, and the agreed
//! decision; then, if anyone rated the partnership, one row
//! per participant × rated principle, and per principle the room's and each
//! role's counts and mean score. One table, so a spreadsheet filters it by
//! `row_type`; the partnership columns come after the first twelve, which
//! stay where they always were. Then, if anyone wrote a note, one row
//! (`note`) per participant's note, area by area, newest first, with its
//! author's role (not their name: the room never sees who wrote what), how
//! many agree, and whether the facilitator hid or merged it; its columns come
//! last, so every earlier column stays where it was. A combined workshop's
//! CSV has two more columns at the end, the session each ballot came from
//! ([`SESSION_COLUMNS`]); any other's is as it was.

use super::aggregate::aggregate;
use super::area::{Area, AreaShares};
use super::note_wall::{note_reviews, note_wall};
use super::partnership::Rating;
use super::partnership_results::{partnership_results, RatingGroup};
use super::resource::{Period, ResourceKind, Unit};
use super::workshop::Workshop;

/// The header row. `score` is a participant's score (0 = not at all to
/// 3 = fully) or a group's mean score; the four rating columns count a group's
/// answers. For a note: `agreements` counts the participants who agree with
/// that note itself, `card_agreements` (on the row of a note shown as a card,
/// not hidden and not merged into another) those who agree with the card,
/// the notes merged into it included and each person once; `merged_into` is
/// the note whose card it joined; `hidden` is `true` or `false`.
pub const CSV_HEADER: [&str; 26] = [
    "row_type",
    "participant",
    "role",
    "ballot_id",
    "resource_id",
    "resource",
    "unit",
    "period",
    "area_id",
    "share_percent",
    "amount",
    "change_vs_today",
    "principle_id",
    "rating",
    "not_at_all",
    "a_little",
    "mostly",
    "fully",
    "score",
    "note_id",
    "note_kind",
    "note_text",
    "agreements",
    "card_agreements",
    "merged_into",
    "hidden",
];

/// How many columns come before the notes' own.
const BEFORE_NOTE_COLUMNS: usize = 19;

/// How many of the columns are about allocations (the rest are the partnership check's).
const ALLOCATION_COLUMNS: usize = 12;

/// The columns that hold numbers; the others hold text, quoted even when empty.
const NUMBER_COLUMNS: [&str; 10] = [
    "share_percent",
    "amount",
    "change_vs_today",
    "not_at_all",
    "a_little",
    "mostly",
    "fully",
    "score",
    "agreements",
    "card_agreements",
];

/// An empty cell of a column: `""` for text, nothing for a number, as the
/// filled cells of that column are written.
fn blank(column: usize) -> String {
    match CSV_HEADER.get(column) {
        Some(name) if NUMBER_COLUMNS.contains(name) => String::new(),
        _ => text_cell(""),
    }
}

/// The columns a combined workshop's CSV has after [`CSV_HEADER`]'s: the
/// session a ballot came from, by id and by name (empty on other rows).
pub const SESSION_COLUMNS: [&str; 2] = ["session_id", "session"];

/// The text being written, and whether it has the session columns.
struct Sheet {
    text: String,
    /// The session columns, `None` when the workshop has no sessions.
    session: Option<[String; 2]>,
}

/// Appends one row: the cells given, then empty cells up to the header's
/// width, then the session's cells (set while a ballot's rows are written).
fn push_row(out: &mut Sheet, cells: &[String]) {
    let mut row = cells.to_vec();
    row.extend((cells.len()..CSV_HEADER.len()).map(blank));
    if let Some(session) = &out.session {
        row.extend(session.iter().cloned());
    }
    out.text.push_str(&row.join(","));
    out.text.push_str("\r\n");
}

/// Quotes a text cell (RFC 4180) and defuses text a spreadsheet would run as a
/// formula (a leading `=`, `+`, `-`, `@`, tab or carriage return).
pub fn text_cell(text: &str) -> String {
    let defused = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}

/// Basis points as a plain decimal percentage ("24.50").
pub(crate) fn percent(bp: u32) -> String {
    format!("{}.{:02}", bp / 100, bp % 100)
}

/// An amount in displayed units with the unit's decimals ("1234.56" pounds, "12.5" hours).
pub(crate) fn amount(unit: &Unit, steps: i64) -> String {
    let per = unit.steps_per_unit();
    let sign = if steps < 0 { "-" } else { "" };
    let abs = steps.unsigned_abs();
    match unit {
        Unit::Money => format!("{sign}{}.{:02}", abs / 100, abs % 100),
        Unit::Hours => format!("{sign}{}.{:02}", abs / 60, (abs % 60) * 100 / 60),
        Unit::Count { .. } => format!("{sign}{}", abs / per as u64),
    }
}

/// The unit's name in a CSV cell: `GBP`, `hours` or a count's noun.
pub(crate) fn unit_name(unit: &Unit) -> String {
    match unit {
        Unit::Money => "GBP".into(),
        Unit::Hours => "hours".into(),
        Unit::Count { noun } => noun.clone(),
    }
}

/// Who a row is about: a row type and, for ballots and roles, whose.
struct RowLabel<'a> {
    row_type: &'a str,
    participant: &'a str,
    role: &'a str,
    ballot_id: String,
}

impl<'a> RowLabel<'a> {
    fn figure(row_type: &'a str) -> Self {
        RowLabel {
            row_type,
            participant: "",
            role: "",
            ballot_id: String::new(),
        }
    }
}

/// Appends one row per area: each area's share and its amount.
fn push_rows(
    out: &mut Sheet,
    label: &RowLabel,
    kind: &ResourceKind,
    bp: [u32; 5],
    amounts: [i64; 5],
) {
    let today = kind.baseline_amounts();
    for area in Area::ALL {
        let i = area.index();
        let cells = [
            text_cell(label.row_type),
            text_cell(label.participant),
            text_cell(label.role),
            text_cell(&label.ballot_id),
            text_cell(&kind.id),
            text_cell(&kind.name),
            text_cell(&unit_name(&kind.unit)),
            text_cell(match kind.period {
                Period::Year => "year",
                Period::Month => "month",
            }),
            text_cell(area.id()),
            percent(bp[i]),
            amount(&kind.unit, amounts[i]),
            amount(&kind.unit, amounts[i] - today[i]),
        ];
        push_row(out, &cells);
    }
}

/// Hundredths of a point as a decimal score ("1.67").
fn score(hundredths: u32) -> String {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// The cells before the partnership columns: who the row is about, the
/// allocation columns left empty.
fn partnership_lead(label: &RowLabel) -> Vec<String> {
    let mut cells = vec![
        text_cell(label.row_type),
        text_cell(label.participant),
        text_cell(label.role),
        text_cell(&label.ballot_id),
    ];
    cells.extend((cells.len()..ALLOCATION_COLUMNS).map(blank));
    cells
}

/// One group's counts and mean score of one principle.
fn push_group(out: &mut Sheet, label: &RowLabel, principle_id: &str, group: &RatingGroup) {
    let mut cells = partnership_lead(label);
    cells.push(text_cell(principle_id));
    cells.push(blank(ALLOCATION_COLUMNS + 1));
    cells.extend(Rating::ALL.map(|r| group.counts.get(r).to_string()));
    cells.push(group.mean_hundredths.map(score).unwrap_or_default());
    push_row(out, &cells);
}

/// Every participant's ratings, then the room's and each role's per principle.
fn push_partnership(out: &mut Sheet, workshop: &Workshop) {
    let results = partnership_results(workshop);
    if results.participants == 0 {
        return;
    }
    for ballot in &workshop.ballots {
        let label = RowLabel {
            row_type: "partnership",
            participant: &ballot.participant,
            role: ballot.role.id(),
            ballot_id: ballot.id.to_string(),
        };
        for (principle, rating) in &ballot.partnership {
            let mut cells = partnership_lead(&label);
            cells.push(text_cell(principle.id()));
            cells.push(text_cell(rating.id()));
            cells.extend(Rating::ALL.map(|_| String::new()));
            cells.push(score(u32::from(rating.score()) * 100));
            push_row(out, &cells);
        }
    }
    for result in &results.principles {
        let id = result.principle.id();
        if result.everyone.counts.total() > 0 {
            push_group(
                out,
                &RowLabel::figure("partnership_room"),
                id,
                &result.everyone,
            );
        }
        for (role, group) in &result.by_role {
            let label = RowLabel {
                role: role.id(),
                ..RowLabel::figure("partnership_role")
            };
            push_group(out, &label, id, group);
        }
    }
}

/// Every participant's note, area by area, newest first.
fn push_notes(out: &mut Sheet, workshop: &Workshop) {
    if workshop.ballots.iter().all(|b| b.notes.is_empty()) {
        return;
    }
    for area in Area::ALL {
        let wall = note_wall(workshop, area, false);
        for review in note_reviews(workshop, area) {
            let mut cells = vec![
                text_cell("note"),
                // Never the name: the role says enough, as on the room's screen.
                text_cell(""),
                text_cell(review.author_role.id()),
            ];
            cells.extend((cells.len()..ALLOCATION_COLUMNS).map(|column| {
                if CSV_HEADER.get(column) == Some(&"area_id") {
                    text_cell(area.id())
                } else {
                    blank(column)
                }
            }));
            cells.extend((ALLOCATION_COLUMNS..BEFORE_NOTE_COLUMNS).map(blank));
            let card = wall
                .cards
                .iter()
                .find(|c| c.note_id == review.note_id && !review.hidden);
            cells.push(text_cell(&review.note_id.to_string()));
            cells.push(text_cell(review.kind.id()));
            cells.push(text_cell(&review.text));
            cells.push(review.agreements.to_string());
            cells.push(card.map(|c| c.agreements.to_string()).unwrap_or_default());
            cells.push(text_cell(
                &review
                    .merged_into
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
            ));
            cells.push(text_cell(if review.hidden { "true" } else { "false" }));
            push_row(out, &cells);
        }
    }
}

/// Rows for a whole split, whose amounts add up to the kind's total.
fn push_split(out: &mut Sheet, label: &RowLabel, kind: &ResourceKind, shares: AreaShares) {
    push_rows(out, label, kind, shares.to_array(), kind.amounts(shares));
}

/// The CSV text, with CRLF line ends as spreadsheets expect.
pub fn to_csv(workshop: &Workshop) -> String {
    let combined = !workshop.sessions.is_empty();
    let mut header = CSV_HEADER.join(",");
    if combined {
        header.push(',');
        header.push_str(&SESSION_COLUMNS.join(","));
    }
    header.push_str("\r\n");
    let no_session = || [text_cell(""), text_cell("")];
    let mut out = Sheet {
        text: header,
        session: combined.then(no_session),
    };
    for ballot in &workshop.ballots {
        if combined {
            let session = ballot.session.and_then(|id| workshop.session(id));
            out.session = Some(session.map_or_else(no_session, |s| {
                [text_cell(&s.id.to_string()), text_cell(&s.name)]
            }));
        }
        let label = RowLabel {
            row_type: "ballot",
            participant: &ballot.participant,
            role: ballot.role.id(),
            ballot_id: ballot.id.to_string(),
        };
        for kind in &workshop.kinds {
            if let Some(a) = ballot.allocations.get(&kind.id) {
                push_split(&mut out, &label, kind, a.areas);
            }
        }
    }
    if combined {
        out.session = Some(no_session());
    }
    for (kind, agg) in workshop.kinds.iter().zip(aggregate(workshop)) {
        push_split(&mut out, &RowLabel::figure("baseline"), kind, kind.baseline);
        if agg.participants > 0 {
            push_split(&mut out, &RowLabel::figure("mean"), kind, agg.mean_shares());
            push_split(
                &mut out,
                &RowLabel::figure("fair_split"),
                kind,
                agg.fair_shares(),
            );
            for figure in ["median", "min", "max"] {
                let mut bp = [0u32; 5];
                for s in &agg.everyone.areas {
                    bp[s.area.index()] = match figure {
                        "median" => s.median_bp,
                        "min" => s.min_bp,
                        _ => s.max_bp,
                    };
                }
                // Medians and extremes do not add up to 100%, so each area's amount stands alone.
                push_rows(
                    &mut out,
                    &RowLabel::figure(figure),
                    kind,
                    bp,
                    bp.map(|v| kind.amount_of_share(v)),
                );
            }
            for (role, stats) in &agg.by_role {
                if let Some(mean) = stats.mean_shares() {
                    let label = RowLabel {
                        role: role.id(),
                        ..RowLabel::figure("role_mean")
                    };
                    push_split(&mut out, &label, kind, mean);
                }
                if let Some(fair) = stats.fair_shares() {
                    let label = RowLabel {
                        role: role.id(),
                        ..RowLabel::figure("role_fair_split")
                    };
                    push_split(&mut out, &label, kind, fair);
                }
            }
        }
        if let Some(shares) = workshop
            .agreed_decision
            .as_ref()
            .and_then(|d| d.shares.get(&kind.id))
        {
            push_split(&mut out, &RowLabel::figure("agreed"), kind, *shares);
        }
    }
    push_partnership(&mut out, workshop);
    push_notes(&mut out, workshop);
    out.text
}
