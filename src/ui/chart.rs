//! Horizontal bar charts drawn as SVG from model figures. Every bar carries its
//! label and value in text, so nothing depends on telling colours apart.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::shares::TOTAL_BP;
use crate::model::{Area, KindAggregate, Measure, Role};
use crate::ui::labels::{role_short_name, I18n};

/// One bar: its label, its value in basis points and a style class.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// What the bar stands for ("Today", "Everyone", "Citizens").
    pub label: String,
    /// Its value, in basis points.
    pub bp: u32,
    /// A CSS class that picks its colour and pattern.
    pub class: &'static str,
    /// The words beside the bar, when not its percentage (a rating).
    pub text: Option<String>,
}

/// A titled group of bars (one area).
#[derive(Debug, Clone, PartialEq)]
pub struct BarGroup {
    /// The group's title (the area's name).
    pub title: String,
    /// Its bars, top to bottom.
    pub bars: Vec<Bar>,
}

/// Sizes in SVG units: the normal chart, and a large one for a projector.
struct Geometry {
    row: f64,
    title: f64,
    label_w: f64,
    bar_w: f64,
    width: f64,
    text_drop: f64,
}

const NORMAL: Geometry = Geometry {
    row: 34.0,
    title: 34.0,
    label_w: 230.0,
    bar_w: 420.0,
    width: 720.0,
    text_drop: 6.0,
};

const LARGE: Geometry = Geometry {
    row: 46.0,
    title: 0.0,
    label_w: 250.0,
    bar_w: 300.0,
    width: 660.0,
    text_drop: 9.0,
};

/// Grouped horizontal bars, scaled to the largest value shown (at least 25%).
#[component]
pub fn BarChart(
    /// Accessible title of the chart.
    title: String,
    /// The groups to draw.
    groups: Vec<BarGroup>,
    /// Large type for a projector (group titles are then left to the page).
    #[prop(optional)]
    large: bool,
    /// Bars to the full scale (10,000 basis points), not to the largest shown:
    /// for scores, where a short bar must look short.
    #[prop(optional)]
    full_scale: bool,
) -> impl IntoView {
    let g_ = if large { &LARGE } else { &NORMAL };
    let (row, label_w, bar_w, width) = (g_.row, g_.label_w, g_.bar_w, g_.width);
    let max_bp = groups
        .iter()
        .flat_map(|g| g.bars.iter().map(|b| b.bp))
        .max()
        .unwrap_or(0)
        .clamp(2_500, TOTAL_BP);
    let max_bp = if full_scale { TOTAL_BP } else { max_bp };
    // Words beside the bars ("Mostly · 2.2") need more room than a percentage.
    let worded = groups
        .iter()
        .any(|g| g.bars.iter().any(|b| b.text.is_some()));
    let bar_w = if worded { bar_w * 0.7 } else { bar_w };
    let mut y = 0.0;
    let mut parts = Vec::new();
    for g in &groups {
        if !g.title.is_empty() {
            let title_y = y + 24.0;
            parts.push(
                view! { <text x="0" y=title_y class="chart-group-title">{g.title.clone()}</text> }
                    .into_any(),
            );
            y += g_.title.max(NORMAL.title);
        }
        for b in &g.bars {
            let w = (f64::from(b.bp) / f64::from(max_bp) * bar_w).max(2.0);
            let text_y = y + row / 2.0 + g_.text_drop;
            parts.push(
                view! {
                    <g>
                        <text x="8" y=text_y class="chart-label">{b.label.clone()}</text>
                        <rect x=label_w y=y + 5.0 width=w height=row - 10.0 rx="3" class=format!("bar {}", b.class) />
                        <text x=label_w + w + 8.0 y=text_y class="chart-value">{b.text.clone().unwrap_or_else(|| crate::ui::labels::percent_tenths(b.bp))}</text>
                    </g>
                }
                .into_any(),
            );
            y += row;
        }
        y += 10.0;
    }
    let height = y.max(10.0);
    view! {
        <svg
            class=if large { "bar-chart large" } else { "bar-chart" }
            viewBox=format!("0 0 {width} {height}")
            role="img"
            aria-label=title
            preserveAspectRatio="xMinYMin meet"
        >
            {parts}
        </svg>
    }
}

/// The chart colour class of a role (a colour-blind-safe palette).
pub fn role_class(role: Role) -> &'static str {
    match role {
        Role::Citizen => "bar-citizen",
        Role::FamilyCarer => "bar-carer",
        Role::Commissioner => "bar-commissioner",
        Role::Provider => "bar-provider",
        Role::CommunityOrganisation => "bar-community",
    }
}

/// One area's bars: today, everyone's figure by `measure` (labelled
/// `everyone`), then each role's.
pub fn area_bars(
    i18n: I18n,
    agg: &KindAggregate,
    area: Area,
    everyone: String,
    measure: Measure,
) -> Vec<Bar> {
    let mut bars = vec![Bar {
        label: t_string!(i18n, results.today).to_string(),
        bp: agg.baseline.get(area),
        class: "bar-baseline",
        text: None,
    }];
    if let Some(s) = agg.everyone.area(area) {
        bars.push(Bar {
            label: everyone,
            bp: s.by(measure),
            class: "bar-everyone",
            text: None,
        });
    }
    for (role, stats) in &agg.by_role {
        if let Some(s) = stats.area(area) {
            bars.push(Bar {
                label: role_short_name(i18n, *role),
                bp: s.by(measure),
                class: role_class(*role),
                text: None,
            });
        }
    }
    bars
}

/// One area's bars for Results and the print: today, the room's average, its
/// fair split, then each role's average.
pub fn results_bars(i18n: I18n, agg: &KindAggregate, area: Area) -> Vec<Bar> {
    let mut bars = area_bars(
        i18n,
        agg,
        area,
        t_string!(i18n, results.everyone).to_string(),
        Measure::Average,
    );
    if let Some(s) = agg.everyone.area(area) {
        bars.insert(
            2,
            Bar {
                label: t_string!(i18n, results.everyone_fair).to_string(),
                bp: s.fair_bp,
                class: "bar-fair",
                text: None,
            },
        );
    }
    bars
}
