//! The partnership check: one participant rates how far this partnership
//! lives each of the six principles, before or after dividing the resources
//! (the facilitator's choice at set-up).

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::Id;
use crate::platform::address::replace;
use crate::route::Route;
use crate::state::use_app;
use crate::ui::labels::{role_name, tr};
use crate::ui::partnership::ratings::PrincipleRatings;

/// The partnership check screen for one participant.
#[component]
pub fn PartnershipPage(
    /// Whose ratings.
    ballot: Id,
    /// Pass-the-tablet mode: moving on replaces the address, so the next
    /// person cannot go back into this one's turn.
    tablet: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let easy = state.easy_read.get_untracked();
    let who = Memo::new(move |_| {
        state
            .workshop
            .with(|w| w.ballot(ballot).map(|b| (b.participant.clone(), b.role)))
    });
    let rated = Memo::new(move |_| {
        state
            .workshop
            .with(|w| w.ballot(ballot).map_or(0, |b| b.partnership.len()))
    });
    let check = Memo::new(move |_| state.workshop.with(|w| w.partnership_check));
    let next = move || Route::after_partnership(ballot, tablet, check.get());
    let next_label = move || match next() {
        Route::TabletFinished => t_string!(i18n, tablet.finish).to_string(),
        Route::Participants => t_string!(i18n, allocate.done).to_string(),
        _ => format!("{} →", t_string!(i18n, partnership.to_divide)),
    };
    view! {
        <Show
            when=move || who.with(Option::is_some)
            fallback=move || {
                view! {
                    <h1>{tr!(i18n, allocate.missing_title)}</h1>
                    <p>{tr!(i18n, allocate.missing_body)}</p>
                    <a class="button button-primary" href=Route::Participants.href()>{tr!(i18n, nav.participants)}</a>
                }
            }
        >
            <p class="eyebrow">
                {move || who.get().map(|(name, role)| format!("{name} · {}", role_name(i18n, role)))}
            </p>
            <h1 class:easy-title=easy>
                {easy.then(|| view! { <img src="./icons/people.svg" alt="" width="56" height="56" /> })}
                <span>{if easy { tr!(i18n, easy.partnership_title)() } else { tr!(i18n, partnership.title)() }}</span>
            </h1>
            <p class="lead">{if easy { tr!(i18n, easy.partnership_lead)() } else { tr!(i18n, partnership.lead)() }}</p>
            <div class="principle-list">
                <PrincipleRatings ballot=ballot easy=easy />
            </div>
            <p class="small" aria-live="polite">{t!(i18n, partnership.progress, count = move || rated.get())}</p>
            <div class="next-row">
                <a
                    class="button button-primary button-large"
                    href=move || next().href()
                    on:click=move |ev| {
                        if tablet {
                            ev.prevent_default();
                            replace(&next());
                        }
                    }
                >
                    {next_label}
                </a>
            </div>
        </Show>
    }
}
