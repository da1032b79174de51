//! How numbers, amounts and dates are written in a language. The conventions
//! come from the language's translation file, so a new language brings its
//! own separators and month names without code changes.

use super::resource::Unit;
use super::shares::{format_percent_bp, format_percent_tenths};

/// A language's way of writing figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conventions {
    /// Between groups of three digits ("," in English and Welsh).
    pub thousands: String,
    /// Before the fraction ("." in English and Welsh, "," in Polish).
    pub decimal: String,
    /// The word after a number of hours ("hours", "awr").
    pub hours: String,
    /// The twelve month names, January first.
    pub months: Vec<String>,
}

impl Default for Conventions {
    fn default() -> Self {
        Conventions::english()
    }
}

impl Conventions {
    /// British English, which the exported files and CSV use.
    pub fn english() -> Conventions {
        Conventions {
            thousands: ",".into(),
            decimal: ".".into(),
            hours: "hours".into(),
            months: [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ]
            .iter()
            .map(|m| m.to_string())
            .collect(),
        }
    }

    /// Conventions from a translation file's fields; missing or malformed
    /// parts fall back to English so a half-finished translation still works.
    pub fn from_parts(thousands: &str, decimal: &str, hours: &str, months: &str) -> Conventions {
        let english = Conventions::english();
        let months: Vec<String> = months.split('|').map(|m| m.trim().to_string()).collect();
        Conventions {
            thousands: thousands.to_string(),
            decimal: if decimal.is_empty() {
                english.decimal
            } else {
                decimal.to_string()
            },
            hours: if hours.trim().is_empty() {
                english.hours
            } else {
                hours.trim().to_string()
            },
            months: if months.len() == 12 && months.iter().all(|m| !m.is_empty()) {
                months
            } else {
                english.months
            },
        }
    }

    /// English text written with these conventions: the English separators are
    /// swapped through a placeholder so "1,234.5" can become "1 234,5".
    fn localise_number(&self, english: &str) -> String {
        if self.thousands == "," && self.decimal == "." {
            return english.to_string();
        }
        english
            .replace(',', "\u{1}")
            .replace('.', &self.decimal)
            .replace('\u{1}', &self.thousands)
    }

    /// The model's English amount in this language: its word for hours and
    /// its separators.
    fn localise_amount(&self, unit: &Unit, english: String) -> String {
        let worded = match unit {
            Unit::Hours => english
                .strip_suffix(" hours")
                .map(|n| format!("{n} {}", self.hours))
                .unwrap_or(english),
            _ => english,
        };
        self.localise_number(&worded)
    }

    /// An amount: "£1,234,567", "1,200 hours", "35 volunteers".
    pub fn amount(&self, unit: &Unit, steps: i64) -> String {
        self.localise_amount(unit, unit.format(steps))
    }

    /// A signed change: "+£120,000", "-35 hours", "±£0".
    pub fn change(&self, unit: &Unit, steps: i64) -> String {
        self.localise_amount(unit, unit.format_change(steps))
    }

    /// Basis points as a percentage: "24%", "24.5%".
    pub fn percent_bp(&self, bp: u32) -> String {
        self.localise_number(&format_percent_bp(bp))
    }

    /// Basis points to the nearest tenth of a percent: "24.3%".
    pub fn percent_tenths(&self, bp: u32) -> String {
        self.localise_number(&format_percent_tenths(bp))
    }

    /// A relative change ("+8%"), written with these conventions.
    pub fn relative(&self, english: &str) -> String {
        self.localise_number(english)
    }

    /// A `YYYY-MM-DD` date for people: "25 November 2026"; unreadable dates
    /// are shown as typed.
    pub fn long_date(&self, date: &str) -> String {
        match super::time::parse_date(date) {
            Some((y, m, d)) => {
                let month = usize::try_from(m - 1)
                    .ok()
                    .and_then(|i| self.months.get(i))
                    .cloned()
                    .unwrap_or_default();
                format!("{d} {month} {y}")
            }
            None => date.to_string(),
        }
    }
}
