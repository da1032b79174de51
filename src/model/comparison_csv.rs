//! A comparison of places as CSV for spreadsheets: one row per resource kind
//! × area × place × figure (today, the room's average, its fair split, the
//! agreed decision), with the share, the amount per year and both as change
//! against that place's own today. Rows follow the comparison as it is shown
//! (its order of places and the areas kept), so a sorted or filtered view
//! downloads as seen. Cells are written as in the workshop's CSV.

use super::compare::{Comparison, Figure, Outcome};
use super::csv::{amount, percent, text_cell, unit_name};

/// The header row. Amounts are per year, in pounds, hours or the kind's own
/// count; `change_*` are against the place's own today.
pub const COMPARISON_CSV_HEADER: [&str; 13] = [
    "resource",
    "unit",
    "area_id",
    "workshop_id",
    "workshop",
    "place",
    "date",
    "participants",
    "figure",
    "share_percent",
    "amount_per_year",
    "change_percent",
    "change_per_year",
];

/// The id of a figure in the `figure` column.
pub fn figure_id(outcome: Option<Outcome>) -> &'static str {
    match outcome {
        None => "today",
        Some(Outcome::Average) => "average",
        Some(Outcome::FairSplit) => "fair_split",
        Some(Outcome::Decision) => "decision",
    }
}

/// Signed basis points as a plain decimal percentage ("-5.00").
fn signed_percent(bp: i64) -> String {
    let sign = if bp < 0 { "-" } else { "" };
    let abs = u32::try_from(bp.unsigned_abs()).unwrap_or(u32::MAX);
    format!("{sign}{}", percent(abs))
}

/// The comparison as CSV text, with CRLF line ends as spreadsheets expect. A
/// place without a figure (nobody divided the kind, no decision recorded)
/// has no row for it.
pub fn comparison_csv(comparison: &Comparison) -> String {
    let mut out = COMPARISON_CSV_HEADER.join(",");
    out.push_str("\r\n");
    for kind in &comparison.kinds {
        let unit = &kind.kind.unit;
        for area in &kind.areas {
            for figures in &area.places {
                let Some(place) = comparison.place(figures.workshop) else {
                    continue;
                };
                let rows = std::iter::once((None, Some(figures.today)))
                    .chain(Outcome::ALL.into_iter().map(|o| (Some(o), figures.get(o))));
                for (outcome, figure) in rows {
                    let Some(Figure {
                        share_bp,
                        change_bp,
                        amount: steps,
                        change_amount,
                    }) = figure
                    else {
                        continue;
                    };
                    let cells = [
                        text_cell(&kind.kind.name),
                        text_cell(&unit_name(unit)),
                        text_cell(area.area.id()),
                        text_cell(&place.workshop.to_string()),
                        text_cell(&place.name),
                        text_cell(&place.place),
                        text_cell(&place.date),
                        place.participants.to_string(),
                        text_cell(figure_id(outcome)),
                        percent(share_bp),
                        amount(unit, steps),
                        signed_percent(change_bp),
                        amount(unit, change_amount),
                    ];
                    out.push_str(&cells.join(","));
                    out.push_str("\r\n");
                }
            }
        }
    }
    out
}
