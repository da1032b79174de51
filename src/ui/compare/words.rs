//! Words the comparison's pieces share: a place's name for people, an
//! outcome's name, and a figure's cell text.

use crate::model::compare::Figure;
use crate::model::{ComparedPlace, Outcome, Unit};
use crate::ui::labels::{amount, change, percent_tenths, tr, I18n};

/// How a place is named: its workshop's name, or where it was held when
/// it has none.
pub fn place_name(place: &ComparedPlace) -> String {
    if place.name.trim().is_empty() {
        place.place.clone()
    } else {
        place.name.clone()
    }
}

/// The place's where and when: "Cardiff City Hall · 1 March 2026".
pub fn place_detail(place: &ComparedPlace) -> String {
    let date = crate::ui::labels::long_date(&place.date);
    [place.place.trim(), date.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// An outcome's name.
pub fn outcome_name(i18n: I18n, outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Average => tr!(i18n, compare.outcome_average)(),
        Outcome::FairSplit => tr!(i18n, compare.outcome_fair)(),
        Outcome::Decision => tr!(i18n, compare.outcome_decision)(),
    }
}

/// A figure's lines in a cell: its share, its amount per year and, but for
/// today, the change of amount against the place's own today.
pub fn figure_lines(unit: &Unit, figure: Figure, today: bool) -> Vec<String> {
    let mut lines = vec![percent_tenths(figure.share_bp), amount(unit, figure.amount)];
    if !today {
        lines.push(change(unit, figure.change_amount));
    }
    lines
}
