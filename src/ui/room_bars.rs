//! The room's screen's bars: one row per bar (label, bar, value) as page text
//! rather than a drawing, so the rows share out whatever height the projector
//! leaves them and the words keep their size on any screen.

use leptos::prelude::*;

use crate::model::shares::TOTAL_BP;
use crate::ui::chart::Bar;

/// One area's bars on the room's screen, scaled to the largest shown (at
/// least 25%), each with its label and value in words.
#[component]
pub fn RoomBars(
    /// The chart's accessible name.
    title: String,
    /// The bars, top to bottom.
    bars: Vec<Bar>,
) -> impl IntoView {
    let max_bp = bars
        .iter()
        .map(|b| b.bp)
        .max()
        .unwrap_or(0)
        .clamp(2_500, TOTAL_BP);
    let rows = bars
        .into_iter()
        .map(|b| {
            // At least a sliver, so a bar at 0% still shows where it starts.
            let width = (f64::from(b.bp) / f64::from(max_bp) * 100.0).max(0.5);
            let value = b
                .text
                .clone()
                .unwrap_or_else(|| crate::ui::labels::percent_tenths(b.bp));
            view! {
                <span class="room-bar-label">{b.label}</span>
                <span class="room-bar-track">
                    <span class=format!("room-bar-fill {}", b.class) style=format!("width: {width:.2}%")></span>
                </span>
                <span class="room-bar-value">{value}</span>
            }
        })
        .collect_view();
    view! { <div class="room-bars" role="img" aria-label=title>{rows}</div> }
}
