//! Horizontal bar charts drawn as SVG from model figures. Every bar carries its
//! label and value in text, so nothing depends on telling colours apart.

use leptos::prelude::*;

use crate::model::shares::{format_percent_tenths, TOTAL_BP};

/// One bar: its label, its value in basis points and a style class.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// What the bar stands for ("Today", "Everyone", "Citizens").
    pub label: String,
    /// Its value, in basis points.
    pub bp: u32,
    /// A CSS class that picks its colour and pattern.
    pub class: &'static str,
}

/// A titled group of bars (one area).
#[derive(Debug, Clone, PartialEq)]
pub struct BarGroup {
    /// The group's title (the area's name).
    pub title: String,
    /// Its bars, top to bottom.
    pub bars: Vec<Bar>,
}

const ROW: f64 = 34.0;
const TITLE: f64 = 34.0;
const LABEL_W: f64 = 230.0;
const BAR_W: f64 = 420.0;
const WIDTH: f64 = 720.0;

/// Grouped horizontal bars, scaled to the largest value shown (at least 25%).
#[component]
pub fn BarChart(
    /// Accessible title of the chart.
    title: String,
    /// The groups to draw.
    groups: Vec<BarGroup>,
) -> impl IntoView {
    let max_bp = groups
        .iter()
        .flat_map(|g| g.bars.iter().map(|b| b.bp))
        .max()
        .unwrap_or(0)
        .clamp(2_500, TOTAL_BP);
    let mut y = 0.0;
    let mut parts = Vec::new();
    for g in &groups {
        let title_y = y + 24.0;
        parts.push(
            view! { <text x="0" y=title_y class="chart-group-title">{g.title.clone()}</text> }
                .into_any(),
        );
        y += TITLE;
        for b in &g.bars {
            let w = (f64::from(b.bp) / f64::from(max_bp) * BAR_W).max(2.0);
            let text_y = y + ROW / 2.0 + 6.0;
            parts.push(
                view! {
                    <g>
                        <text x="8" y=text_y class="chart-label">{b.label.clone()}</text>
                        <rect x=LABEL_W y=y + 5.0 width=w height=ROW - 10.0 rx="3" class=format!("bar {}", b.class) />
                        <text x=LABEL_W + w + 8.0 y=text_y class="chart-value">{format_percent_tenths(b.bp)}</text>
                    </g>
                }
                .into_any(),
            );
            y += ROW;
        }
        y += 10.0;
    }
    let height = y.max(10.0);
    view! {
        <svg
            class="bar-chart"
            viewBox=format!("0 0 {WIDTH} {height}")
            role="img"
            aria-label=title
            preserveAspectRatio="xMinYMin meet"
        >
            {parts}
        </svg>
    }
}
