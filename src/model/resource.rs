//! Resource kinds: state money, other funding, people's time, community resources.

use serde::{Deserialize, Serialize};

use super::area::AreaShares;

/// What a resource kind is counted in. Money is whole pence and time whole
/// minutes, so every figure is an integer and sums are exact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Unit {
    /// Pounds sterling, held in pence.
    Money,
    /// People's time, held in minutes and shown in hours.
    Hours,
    /// A count of something the facilitator names (rooms, volunteers, sessions).
    Count {
        /// What is counted, in the plural ("volunteers").
        noun: String,
    },
}

/// The period a total covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// Per year.
    Year,
    /// Per month.
    Month,
}

/// One kind of resource in play, with today's total and split and the totals
/// expected in the coming years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ResourceKind {
    /// Stable identifier ("state_money"), used to key allocations.
    pub id: String,
    /// The name people see ("State money").
    pub name: String,
    /// What the totals are counted in.
    pub unit: Unit,
    /// The period a total covers.
    pub period: Period,
    /// Today's total, in the unit's smallest step (pence, minutes, items).
    pub total: i64,
    /// Today's split across the five areas (the baseline).
    pub baseline: AreaShares,
    /// Expected totals for each of the next years, nearest first.
    pub projected: Vec<i64>,
}

/// Largest total accepted, so that sums over many participants cannot overflow.
pub const MAX_TOTAL: i64 = 1_000_000_000_000_000;

impl Unit {
    /// How many stored steps make one displayed unit (100 pence, 60 minutes).
    pub fn steps_per_unit(&self) -> i64 {
        match self {
            Unit::Money => 100,
            Unit::Hours => 60,
            Unit::Count { .. } => 1,
        }
    }

    /// An amount for people, in whole displayed units: "£1,234,567", "1,200 hours",
    /// "35 volunteers".
    pub fn format(&self, steps: i64) -> String {
        let whole = round_div(steps, self.steps_per_unit());
        let sign = if whole < 0 { "-" } else { "" };
        let digits = group_thousands(whole.unsigned_abs());
        match self {
            Unit::Money => format!("{sign}£{digits}"),
            Unit::Hours => format!("{sign}{digits} hours"),
            Unit::Count { noun } => format!("{sign}{digits} {noun}"),
        }
    }

    /// A change for people, always signed: "+£120,000", "-35 hours", "±£0".
    pub fn format_change(&self, steps: i64) -> String {
        let text = self.format(steps);
        if round_div(steps, self.steps_per_unit()) > 0 {
            format!("+{text}")
        } else if round_div(steps, self.steps_per_unit()) == 0 {
            format!("±{}", self.format(0))
        } else {
            text
        }
    }

    /// Reads a typed whole amount in displayed units ("1,200,000", "£1200") into steps.
    pub fn parse(&self, text: &str) -> Option<i64> {
        let cleaned: String = text
            .trim()
            .trim_start_matches('£')
            .chars()
            .filter(|c| *c != ',' && *c != ' ')
            .collect();
        if cleaned.is_empty() || cleaned.len() > 15 || !cleaned.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let whole: i64 = cleaned.parse().ok()?;
        let steps = whole.checked_mul(self.steps_per_unit())?;
        (steps <= MAX_TOTAL).then_some(steps)
    }

    /// A whole amount in displayed units, for an input field ("1200000").
    pub fn to_input(&self, steps: i64) -> String {
        round_div(steps, self.steps_per_unit()).to_string()
    }
}

/// A change as a percentage of the baseline ("+8%", "-12%"), or `None` when the
/// baseline is zero and a percentage would mean nothing.
pub fn format_relative_change(new: i64, baseline: i64) -> Option<String> {
    if baseline == 0 {
        return None;
    }
    let delta = i128::from(new) - i128::from(baseline);
    // Whole percent, rounded half away from zero.
    let scaled = delta * 100;
    let base = i128::from(baseline).abs();
    let pct = (scaled.abs() * 2 + base) / (2 * base) * scaled.signum();
    Some(match pct.cmp(&0) {
        std::cmp::Ordering::Greater => format!("+{pct}%"),
        std::cmp::Ordering::Less => format!("{pct}%"),
        std::cmp::Ordering::Equal => "±0%".to_string(),
    })
}

/// Integer division rounded half away from zero.
fn round_div(value: i64, by: i64) -> i64 {
    let v = i128::from(value);
    let b = i128::from(by);
    let q = (v.abs() * 2 + b) / (2 * b) * v.signum();
    i64::try_from(q).unwrap_or(0)
}

/// "1234567" → "1,234,567".
pub fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// The four kinds a workshop starts with, by id, with their English names.
/// While a kind keeps its default name, the app shows it in the reader's language.
pub const DEFAULT_KIND_NAMES: [(&str, &str); 4] = [
    ("state_money", "State money"),
    ("other_funding", "Other funding"),
    ("peoples_time", "People's time"),
    ("community_resources", "Community resources"),
];

/// What the default community-resources kind counts, in English.
pub const DEFAULT_COUNT_NOUN: &str = "rooms and spaces";

impl ResourceKind {
    /// Whether this kind still has the name a workshop started it with (so
    /// the app may show that name translated).
    pub fn has_default_name(&self) -> bool {
        DEFAULT_KIND_NAMES.contains(&(self.id.as_str(), self.name.as_str()))
    }

    /// The four kinds a workshop starts with, with round illustrative totals a
    /// facilitator replaces with local figures.
    pub fn defaults() -> Vec<ResourceKind> {
        let split = |a, b, c, d, e| AreaShares::from_array([a, b, c, d, e]);
        vec![
            ResourceKind {
                id: "state_money".into(),
                name: "State money".into(),
                unit: Unit::Money,
                period: Period::Year,
                total: 10_000_000 * 100,
                baseline: split(3_500, 3_000, 1_500, 1_500, 500),
                projected: vec![9_800_000 * 100, 9_600_000 * 100, 9_500_000 * 100],
            },
            ResourceKind {
                id: "other_funding".into(),
                name: "Other funding".into(),
                unit: Unit::Money,
                period: Period::Year,
                total: 500_000 * 100,
                baseline: split(1_000, 1_000, 3_000, 1_000, 4_000),
                projected: vec![500_000 * 100, 450_000 * 100, 450_000 * 100],
            },
            ResourceKind {
                id: "peoples_time".into(),
                name: "People's time".into(),
                unit: Unit::Hours,
                period: Period::Month,
                total: 2_000 * 60,
                baseline: split(2_500, 1_000, 2_500, 1_000, 3_000),
                projected: vec![2_000 * 60, 2_100 * 60, 2_200 * 60],
            },
            ResourceKind {
                id: "community_resources".into(),
                name: "Community resources".into(),
                unit: Unit::Count {
                    noun: DEFAULT_COUNT_NOUN.into(),
                },
                period: Period::Month,
                total: 40,
                baseline: split(1_000, 1_500, 3_500, 500, 3_500),
                projected: vec![40, 42, 45],
            },
        ]
    }

    /// Today's amount per area for a split, adding up to the total exactly.
    pub fn amounts(&self, shares: AreaShares) -> [i64; 5] {
        amounts_of(self.total, shares)
    }

    /// The amount of today's total that one share (basis points) stands for.
    pub fn amount_of_share(&self, bp: u32) -> i64 {
        let bp = bp.min(super::shares::TOTAL_BP);
        super::shares::amounts(self.total, &[bp, super::shares::TOTAL_BP - bp])[0]
    }

    /// Today's baseline amount per area.
    pub fn baseline_amounts(&self) -> [i64; 5] {
        amounts_of(self.total, self.baseline)
    }
}

/// A total split across the five areas by largest remainder.
pub fn amounts_of(total: i64, shares: AreaShares) -> [i64; 5] {
    let v = super::shares::amounts(total, &shares.to_array());
    [v[0], v[1], v[2], v[3], v[4]]
}
