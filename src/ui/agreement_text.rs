//! Where the roles agree and divide, in words: one sentence per area, from
//! the model's `AreaAgreement` (the model decides; this only words it).

use crate::i18n::*;
use crate::model::agreement::{Agreement, AreaAgreement};
use crate::ui::labels::{area_name_in, conventions_of, role_plural_in};

/// Percentage points to a tenth, without the sign: "6.5".
fn points_in(locale: Locale, bp: u32) -> String {
    conventions_of(locale)
        .percent_tenths(bp)
        .trim_end_matches('%')
        .to_string()
}

/// One area's sentence in `locale`: "Day activities: every role wants more
/// than today." or "…: the roles divide, 6.5 percentage points apart.
/// Commissioners: more than today. People who use support: less than today."
pub fn agreement_sentence(locale: Locale, a: &AreaAgreement) -> String {
    let area = area_name_in(locale, a.area);
    match a.agreement {
        Agreement::AllMore => td_string!(locale, agree.all_more, area = area).to_string(),
        Agreement::AllLess => td_string!(locale, agree.all_less, area = area).to_string(),
        Agreement::AllSame => td_string!(locale, agree.all_same, area = area).to_string(),
        Agreement::SomeMore => td_string!(locale, agree.some_more, area = area).to_string(),
        Agreement::SomeLess => td_string!(locale, agree.some_less, area = area).to_string(),
        Agreement::Divide { gap_bp } => {
            let high = a.roles.iter().max_by_key(|r| r.bp);
            let low = a.roles.iter().min_by_key(|r| r.bp);
            match (high, low) {
                (Some(high), Some(low)) => td_string!(
                    locale,
                    agree.divide,
                    area = area,
                    high = role_plural_in(locale, high.role),
                    low = role_plural_in(locale, low.role),
                    points = points_in(locale, gap_bp)
                )
                .to_string(),
                _ => td_string!(locale, agree.all_same, area = area).to_string(),
            }
        }
    }
}
