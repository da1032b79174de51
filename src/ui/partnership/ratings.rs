//! One participant's ratings of the six principles: a choice of four per
//! principle, each saved on their ballot as it is made.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::partnership::{Principle, Rating};
use crate::model::Id;
use crate::platform::clock;
use crate::state::use_app;
use crate::ui::partnership::{
    principle_explain_in, principle_name_in, rating_icon, rating_name_in,
};
use crate::ui::radio_choice::{RadioChoice, RadioOption};

/// The six principles, each with its four ratings (with pictures in Easy Read).
#[component]
pub fn PrincipleRatings(
    /// Whose ratings.
    ballot: Id,
    /// Easy Read: plainer explanations and a picture for each rating.
    easy: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let ratings = Memo::new(move |_| {
        state.workshop.with(|w| {
            w.ballot(ballot)
                .map(|b| b.partnership.clone())
                .unwrap_or_default()
        })
    });
    Principle::ALL
        .into_iter()
        .map(|p| {
            let options = Rating::ALL
                .into_iter()
                .map(|r| RadioOption {
                    value: r,
                    id: format!("rate-{}-{}", p.id(), r.id()),
                    label: Signal::derive(move || rating_name_in(i18n.get_locale(), r)),
                    icon: easy.then(|| rating_icon(r)),
                })
                .collect();
            view! {
                <RadioChoice
                    name=format!("rate-{}", p.id())
                    legend=Signal::derive(move || principle_name_in(i18n.get_locale(), p))
                    hint=Signal::derive(move || principle_explain_in(i18n.get_locale(), p, easy))
                    options=options
                    chosen=Signal::derive(move || ratings.with(|r| r.get(&p).copied()))
                    on_choose=Callback::new(move |r: Rating| {
                        state.change(move |w| {
                            w.rate_principle(ballot, p, Some(r), clock::now());
                        })
                    })
                    class=if easy { "card principle-rating easy-rating" } else { "card principle-rating" }
                />
            }
        })
        .collect_view()
}
