//! The partnership check on screen: the words for its principles and
//! ratings, a participant's ratings, and the room's results as charts with the
//! biggest gap between roles. The figures are the model's
//! (`model::partnership_results`); this only words and draws them.

pub mod chart;
pub mod ratings;

use crate::i18n::*;
use crate::model::lowercase::lowercase;
use crate::model::partnership::{Principle, Rating};
use crate::model::partnership_results::PartnershipResults;
use crate::ui::labels::role_plural_in;

/// A principle's name, in a given language.
pub fn principle_name_in(locale: Locale, p: Principle) -> String {
    match p {
        Principle::SharedAnalysis => td_string!(locale, partnership.n_shared_analysis),
        Principle::PersonCentredDesign => td_string!(locale, partnership.n_person_centred_design),
        Principle::Leadership => td_string!(locale, partnership.n_leadership),
        Principle::SharedBudgetsAndResources => {
            td_string!(locale, partnership.n_shared_budgets_and_resources)
        }
        Principle::SharedInterpretationOfLegislation => {
            td_string!(locale, partnership.n_shared_interpretation_of_legislation)
        }
        Principle::RecognisingPowerImbalances => {
            td_string!(locale, partnership.n_recognising_power_imbalances)
        }
    }
    .to_string()
}

/// A principle's one-line explanation, plain or in Easy Read.
pub fn principle_explain_in(locale: Locale, p: Principle, easy: bool) -> String {
    match (p, easy) {
        (Principle::SharedAnalysis, false) => td_string!(locale, partnership.x_shared_analysis),
        (Principle::SharedAnalysis, true) => td_string!(locale, partnership.e_shared_analysis),
        (Principle::PersonCentredDesign, false) => {
            td_string!(locale, partnership.x_person_centred_design)
        }
        (Principle::PersonCentredDesign, true) => {
            td_string!(locale, partnership.e_person_centred_design)
        }
        (Principle::Leadership, false) => td_string!(locale, partnership.x_leadership),
        (Principle::Leadership, true) => td_string!(locale, partnership.e_leadership),
        (Principle::SharedBudgetsAndResources, false) => {
            td_string!(locale, partnership.x_shared_budgets_and_resources)
        }
        (Principle::SharedBudgetsAndResources, true) => {
            td_string!(locale, partnership.e_shared_budgets_and_resources)
        }
        (Principle::SharedInterpretationOfLegislation, false) => {
            td_string!(locale, partnership.x_shared_interpretation_of_legislation)
        }
        (Principle::SharedInterpretationOfLegislation, true) => {
            td_string!(locale, partnership.e_shared_interpretation_of_legislation)
        }
        (Principle::RecognisingPowerImbalances, false) => {
            td_string!(locale, partnership.x_recognising_power_imbalances)
        }
        (Principle::RecognisingPowerImbalances, true) => {
            td_string!(locale, partnership.e_recognising_power_imbalances)
        }
    }
    .to_string()
}

/// A rating's words, in a given language.
pub fn rating_name_in(locale: Locale, r: Rating) -> String {
    match r {
        Rating::NotAtAll => td_string!(locale, partnership.r_not_at_all),
        Rating::ALittle => td_string!(locale, partnership.r_a_little),
        Rating::Mostly => td_string!(locale, partnership.r_mostly),
        Rating::Fully => td_string!(locale, partnership.r_fully),
    }
    .to_string()
}

/// The picture for a rating in Easy Read: a circle filled to the rating.
pub fn rating_icon(r: Rating) -> &'static str {
    match r {
        Rating::NotAtAll => "./icons/rating-0.svg",
        Rating::ALittle => "./icons/rating-1.svg",
        Rating::Mostly => "./icons/rating-2.svg",
        Rating::Fully => "./icons/rating-3.svg",
    }
}

/// The finding, in words: the principle with the biggest gap between two
/// roles and what each of them says, or that every role agrees. `None` when
/// nobody has rated.
pub fn finding_sentence(locale: Locale, results: &PartnershipResults) -> Option<String> {
    if results.participants == 0 {
        return None;
    }
    let Some((result, gap)) = results.finding() else {
        return Some(td_string!(locale, partnership.no_gap).to_string());
    };
    Some(
        td_string!(
            locale,
            partnership.finding,
            principle = principle_name_in(locale, result.principle),
            higher = role_plural_in(locale, gap.higher),
            higher_rating = lowercase(&rating_name_in(
                locale,
                Rating::nearest(gap.higher_mean_hundredths)
            )),
            lower = role_plural_in(locale, gap.lower),
            lower_rating = lowercase(&rating_name_in(
                locale,
                Rating::nearest(gap.lower_mean_hundredths)
            ))
        )
        .to_string(),
    )
}
