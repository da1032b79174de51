//! Where places agree, in words: "7 of 9 places moved state money towards
//! whole-community work", and in Easy Read "Most places put more money
//! into…". The model finds the areas (`Comparison::where_places_agree`);
//! this only words them.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::lowercase::push_lowercase;
use crate::model::{Comparison, Direction, Outcome, PlacesAgree};
use crate::ui::easy::{area_icon, easy_area_name};
use crate::ui::labels::{area_name, fill, tr, I18n};

/// A name in the middle of an English sentence: "State money" becomes
/// "state money", but "NHS funding" and "State Money" (capitals of its own)
/// stay as written. Welsh sentences here put names where they need no change.
fn mid_sentence(i18n: I18n, name: &str) -> String {
    let mut chars = name.chars();
    match (i18n.get_locale(), chars.next()) {
        (Locale::en, Some(first)) if first.is_uppercase() && !chars.any(char::is_uppercase) => {
            let mut out = String::with_capacity(name.len());
            push_lowercase(&mut out, first);
            out.extend(name.chars().skip(1));
            out
        }
        _ => name.to_string(),
    }
}

/// One sentence of where places agree.
fn sentence(i18n: I18n, c: &Comparison, agree: &PlacesAgree, easy: bool) -> String {
    let kind = c
        .kinds
        .get(agree.kind)
        .map(|k| k.kind.name.clone())
        .unwrap_or_default();
    let area = if easy {
        easy_area_name(i18n, agree.area)
    } else {
        area_name(i18n, agree.area)
    };
    let template = match (easy, agree.direction) {
        (false, Direction::Less) => tr!(i18n, compare.agree_less)(),
        (false, _) => tr!(i18n, compare.agree_more)(),
        (true, Direction::Less) => tr!(i18n, compare.easy_less)(),
        (true, _) => tr!(i18n, compare.easy_more)(),
    };
    fill(
        template,
        &[
            ("count", &agree.places),
            ("of", &agree.of),
            ("kind", &mid_sentence(i18n, &kind)),
            ("area", &mid_sentence(i18n, &area)),
        ],
    )
}

/// The sentences for the comparison shown, by the split chosen.
#[component]
pub fn WherePlacesAgree(
    /// The comparison as shown (sorted and filtered).
    comparison: Memo<Comparison>,
    /// The split the sentences follow.
    outcome: Signal<Outcome>,
) -> impl IntoView {
    let i18n = use_i18n();
    let items = move || {
        comparison.with(|c| {
            let agree = c.where_places_agree(outcome.get());
            if agree.is_empty() {
                return view! { <li>{tr!(i18n, compare.agree_none)}</li> }.into_any();
            }
            agree
                .iter()
                .map(|a| view! { <li>{sentence(i18n, c, a, false)}</li> })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <section class="card compare-agree" aria-labelledby="compare-agree-heading">
            <h2 id="compare-agree-heading">{tr!(i18n, compare.agree_heading)}</h2>
            <ul class="compare-sentences">{items}</ul>
        </section>
    }
}

/// The comparison in plain words, one sentence per line with the area's
/// picture: how many places, and what most of them did.
#[component]
pub fn EasyComparison(
    /// The comparison as shown.
    comparison: Memo<Comparison>,
    /// The split the sentences follow.
    outcome: Signal<Outcome>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        comparison.with(|c| {
            let agree = c.where_places_agree(outcome.get());
            let count = fill(tr!(i18n, compare.easy_places)(), &[("count", &c.places.len())]);
            let lines = agree
                .iter()
                .map(|a| {
                    view! {
                        <p class="easy-title">
                            <img src=area_icon(a.area) alt="" width="56" height="56" />
                            <span class="easy-line">{sentence(i18n, c, a, true)}</span>
                        </p>
                    }
                })
                .collect_view();
            view! {
                <section class="card easy-card compare-easy" aria-labelledby="compare-easy-heading">
                    <h2 id="compare-easy-heading">{tr!(i18n, compare.agree_heading)}</h2>
                    <p class="easy-line">{count}</p>
                    {lines}
                    {agree.is_empty().then(|| view! { <p class="easy-line">{tr!(i18n, compare.easy_none)}</p> })}
                </section>
            }
        })
    }
}
