//! The room's partnership check as charts: per principle a bar for everyone
//! and one per role, each a group's mean score from "not at all" to "fully",
//! and the biggest gap between roles in words.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::partnership::Rating;
use crate::model::partnership_results::{PartnershipResults, PrincipleResult, RatingGroup};
use crate::model::shares::TOTAL_BP;
use crate::ui::bilingual::in_languages;
use crate::ui::chart::{role_class, Bar, BarChart, BarGroup};
use crate::ui::labels::{role_short_name, tr, I18n};
use crate::ui::partnership::{finding_sentence, principle_name_in, rating_name_in};

/// A group's bar: its mean score as a share of "fully", worded as the
/// nearest rating and, with `score`, the score (for example "Mostly · 2.2").
fn group_bar(
    locale: Locale,
    label: String,
    group: &RatingGroup,
    class: &'static str,
    score: bool,
) -> Option<Bar> {
    let mean = group.mean_hundredths?;
    let words = rating_name_in(locale, Rating::nearest(mean));
    // Tenths of a point, a half rounding up: 2.96 reads 3.0.
    let tenths = (mean + 5) / 10;
    Some(Bar {
        label,
        bp: mean.min(300) * TOTAL_BP / 300,
        class,
        text: Some(if score {
            format!("{words} · {}.{}", tenths / 10, tenths % 10)
        } else {
            words
        }),
    })
}

/// One principle's bars: everyone, then each role that rated it; the score
/// beside the words with `score` (the room's screen shows the words alone,
/// large).
pub fn principle_bars(i18n: I18n, result: &PrincipleResult, score: bool) -> Vec<Bar> {
    let locale = i18n.get_locale();
    let everyone = td_string!(locale, partnership.everyone).to_string();
    let mut bars: Vec<Bar> = group_bar(locale, everyone, &result.everyone, "bar-everyone", score)
        .into_iter()
        .collect();
    bars.extend(result.by_role.iter().filter_map(|(role, g)| {
        group_bar(
            locale,
            role_short_name(i18n, *role),
            g,
            role_class(*role),
            score,
        )
    }));
    bars
}

/// The check's results for Results and the print: how many rated, the
/// finding, and one chart of every principle.
#[component]
pub fn PartnershipSummary(results: PartnershipResults) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    if results.participants == 0 {
        return view! { <p class="small">{tr!(i18n, partnership.none_yet)}</p> }.into_any();
    }
    let finding = finding_sentence(locale, &results);
    let groups: Vec<BarGroup> = results
        .principles
        .iter()
        .map(|r| BarGroup {
            title: principle_name_in(locale, r.principle),
            bars: principle_bars(i18n, r, true),
        })
        .collect();
    let title = td_string!(locale, partnership.results_heading).to_string();
    let count = results.participants;
    view! {
        <p class="small">{t!(i18n, partnership.results_lead, count = count)}</p>
        {finding.map(|f| view! { <p class="partnership-finding"><strong>{f}</strong></p> })}
        <BarChart title=title groups=groups full_scale=true />
    }
    .into_any()
}

/// The check on the room's screen: the finding, then a panel per principle.
#[component]
pub fn PartnershipPanels(results: PartnershipResults, both: bool) -> impl IntoView {
    let i18n = use_i18n();
    let finding = {
        let results = results.clone();
        move |l: Locale| {
            finding_sentence(l, &results)
                .unwrap_or_else(|| td_string!(l, partnership.none_yet).to_string())
        }
    };
    let panels = results
        .principles
        .iter()
        .map(|r| {
            let principle = r.principle;
            let bars = principle_bars(i18n, r, false);
            let title = td_string!(
                i18n.get_locale(),
                partnership.chart_title,
                principle = principle_name_in(i18n.get_locale(), principle)
            )
            .to_string();
            view! {
                <section class="presenter-panel">
                    <h2>{in_languages(i18n, both, move |l| principle_name_in(l, principle))}</h2>
                    <BarChart title=title groups=vec![BarGroup { title: String::new(), bars }] large=true full_scale=true />
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="presenter-partnership" aria-labelledby="partnership-heading">
            <h2 id="partnership-heading">{in_languages(i18n, both, |l| td_string!(l, partnership.results_heading).to_string())}</h2>
            <p class="partnership-finding">{in_languages(i18n, both, finding)}</p>
            <div class="presenter-grid">{panels}</div>
        </section>
    }
}
