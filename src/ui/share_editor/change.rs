//! How a change against today is worded: the figure beside each area, its
//! direction for styling, and what screen readers hear when other areas move.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::resource::format_relative_change;
use crate::model::{Area, AreaShares, ResourceKind};
use crate::ui::labels::area_name;

/// The change of an area's amount against today's, as "+£120,000 (+8%)".
pub fn change_text(kind: &ResourceKind, amount: i64, baseline_amount: i64) -> String {
    let delta = crate::ui::labels::change(&kind.unit, amount - baseline_amount);
    match format_relative_change(amount, baseline_amount) {
        Some(pct) => format!("{delta} ({})", crate::ui::labels::relative(&pct)),
        None => delta,
    }
}

/// Tells screen-reader users which other areas moved when one was set, since
/// they cannot see the other sliders jump ("Day activities went down to 18%").
pub fn announce_rebalance(
    i18n: crate::ui::labels::I18n,
    announcement: RwSignal<String>,
    moved: Area,
    before: &AreaShares,
    after: &AreaShares,
) {
    let sentences: Vec<String> = Area::ALL
        .into_iter()
        .filter(|&a| a != moved && before.get(a) != after.get(a))
        .map(|a| {
            let area = area_name(i18n, a);
            let pct = crate::ui::labels::percent_bp(after.get(a));
            if after.get(a) > before.get(a) {
                t_string!(i18n, announce.went_up, area = area, pct = pct).to_string()
            } else {
                t_string!(i18n, announce.went_down, area = area, pct = pct).to_string()
            }
        })
        .collect();
    if !sentences.is_empty() {
        announcement.set(sentences.join(". "));
    }
}

/// Whether a change is up, down or none, for the figure's styling and wording.
pub(crate) fn direction(delta: i64) -> &'static str {
    match delta.cmp(&0) {
        std::cmp::Ordering::Greater => "up",
        std::cmp::Ordering::Less => "down",
        std::cmp::Ordering::Equal => "same",
    }
}
