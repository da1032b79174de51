//! Figures written in each language's conventions.

use co_produce::model::format::Conventions;
use co_produce::model::Unit;

#[test]
fn english_is_the_model_formatting() {
    let c = Conventions::english();
    assert_eq!(c.amount(&Unit::Money, 123_456_700), "£1,234,567");
    assert_eq!(c.amount(&Unit::Hours, 60 * 1200), "1,200 hours");
    assert_eq!(c.percent_bp(2450), "24.5%");
    assert_eq!(c.long_date("2026-11-25"), "25 November 2026");
}

#[test]
fn welsh_words_and_months_come_from_the_translation() {
    let c = Conventions::from_parts(
        ",",
        ".",
        "awr",
        "Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr",
    );
    assert_eq!(c.amount(&Unit::Hours, 60 * 1200), "1,200 awr");
    assert_eq!(c.change(&Unit::Hours, -60 * 35), "-35 awr");
    assert_eq!(c.long_date("2026-11-25"), "25 Tachwedd 2026");
    assert_eq!(c.amount(&Unit::Money, 100_000), "£1,000");
}

#[test]
fn other_separators_swap_cleanly() {
    let c = Conventions::from_parts("\u{a0}", ",", "godzin", "");
    assert_eq!(c.amount(&Unit::Money, 123_456_700), "£1\u{a0}234\u{a0}567");
    assert_eq!(c.percent_bp(2450), "24,5%");
    // Missing month names fall back to English rather than failing.
    assert_eq!(c.long_date("2026-01-02"), "2 January 2026");
    assert_eq!(c.long_date("not a date"), "not a date");
}
