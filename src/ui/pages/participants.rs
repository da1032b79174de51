//! Adding participants (a person or a table) with their role, and choosing whose turn it is.

use leptos::prelude::*;

use crate::i18n::*;
use crate::platform::address::go;
use crate::platform::clock;
use crate::platform::dialog::confirm;
use crate::route::Route;
use crate::state::use_app;
use crate::ui::labels::{role_name, tr};
use crate::ui::participant_form::ParticipantForm;

/// The participants screen.
#[component]
pub fn ParticipantsPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let list = move || {
        state.workshop.with(|w| {
            w.ballots
                .iter()
                .map(|b| (b.id, b.participant.clone(), b.role))
                .collect::<Vec<_>>()
        })
    };
    // Someone who skipped a rating, or came before the check was turned on,
    // can still be taken to it.
    let asks_check = move || state.workshop.with(|w| !w.partnership_check.is_off());
    view! {
        <h1>{tr!(i18n, participants.title)}</h1>
        <p class="lead">{tr!(i18n, participants.lead)}</p>
        <ParticipantForm on_added=Callback::new(move |id| {
            let check = state.workshop.with_untracked(|w| w.partnership_check);
            go(&Route::first_step(id, false, check))
        }) />
        <section aria-labelledby="list-heading">
            <h2 id="list-heading">
                {t!(i18n, participants.list_heading, count = move || list().len())}
            </h2>
            <Show
                when=move || !list().is_empty()
                fallback=move || view! { <p>{tr!(i18n, participants.none_yet)}</p> }
            >
                <ul class="participant-list">
                    {move || {
                        list()
                            .into_iter()
                            .map(|(id, who, r)| {
                                let remove_label = t_string!(i18n, participants.remove_label, name = who.clone()).to_string();
                                let open_label = t_string!(i18n, participants.open_label, name = who.clone()).to_string();
                                let confirm_text = t_string!(i18n, participants.remove_confirm, name = who.clone()).to_string();
                                let who_for_rate = who.clone();
                                view! {
                                    <li class="card participant">
                                        <div>
                                            <strong class="participant-name">{who}</strong>
                                            <span class="role-tag">{role_name(i18n, r)}</span>
                                        </div>
                                        <div class="participant-actions">
                                            <a
                                                class="button button-primary"
                                                href=Route::turn(id, None, false).href()
                                                aria-label=open_label
                                            >
                                                {tr!(i18n, participants.open)}
                                            </a>
                                            {asks_check().then(|| {
                                                let label = t_string!(i18n, participants.rate_label, name = who_for_rate.clone()).to_string();
                                                view! {
                                                    <a class="button" href=Route::Partnership { ballot: id, tablet: false }.href() aria-label=label>
                                                        {tr!(i18n, partnership.results_heading)}
                                                    </a>
                                                }
                                            })}
                                            <button
                                                class="button button-quiet"
                                                aria-label=remove_label
                                                on:click=move |_| {
                                                    if confirm(&confirm_text) {
                                                        state.change(move |w| w.remove_ballot(id, clock::now()));
                                                    }
                                                }
                                            >
                                                {tr!(i18n, common.remove)}
                                            </button>
                                        </div>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </section>
    }
}
