//! Each place's own headlines side by side: where its room's roles agreed
//! and divided most strikingly, with how many took part and whether it
//! recorded a decision.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::Comparison;
use crate::ui::agreement_text::agreement_sentence;
use crate::ui::compare::words::{place_detail, place_name};
use crate::ui::labels::{fill, tr};

/// How many headlines each place shows: the most striking.
const HEADLINES_SHOWN: usize = 3;

/// A card per place, in the comparison's order.
#[component]
pub fn PlaceHeadlines(
    /// The comparison as shown.
    comparison: Memo<Comparison>,
) -> impl IntoView {
    let i18n = use_i18n();
    let cards = move || {
        comparison.with(|c| {
            c.places
                .iter()
                .map(|p| {
                    let lines = p
                        .headlines
                        .iter()
                        .take(HEADLINES_SHOWN)
                        .map(|h| {
                            let kind = c
                                .kind_of(p.workshop, &h.kind_id)
                                .map(|k| k.kind.name.clone())
                                .unwrap_or_else(|| h.kind_id.clone());
                            let words = agreement_sentence(i18n.get_locale(), &h.area);
                            view! { <li><strong>{kind}</strong> " · " {words}</li> }
                        })
                        .collect_view();
                    let none = p.headlines.is_empty().then(|| {
                        view! { <li>{tr!(i18n, compare.no_headlines)}</li> }
                    });
                    let people = fill(tr!(i18n, compare.people)(), &[("count", &p.participants)]);
                    let decision = (!p.has_decision).then(|| {
                        view! { <p class="small">{tr!(i18n, compare.no_decision)}</p> }
                    });
                    view! {
                        <article class="compare-place">
                            <h3>{place_name(p)}</h3>
                            <p class="small">{place_detail(p)} " · " {people}</p>
                            {decision}
                            <ul>{lines}{none}</ul>
                        </article>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card compare-headlines" aria-labelledby="compare-headlines-heading">
            <h2 id="compare-headlines-heading">{tr!(i18n, compare.headlines_heading)}</h2>
            <div class="compare-place-grid">{cards}</div>
        </section>
    }
}
