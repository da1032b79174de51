//! Pass-the-tablet mode: one tablet handed round a table. Each person gives a
//! name and role, divides the resources and hands on; the next person starts
//! on a fresh screen and sees earlier choices only if the facilitator allows it.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::join::read_join_code;
use crate::model::merge_workshops;
use crate::platform::address::replace;
use crate::platform::clock;
use crate::route::Route;
use crate::state::use_app;
use crate::ui::labels::tr;
use crate::ui::participant_form::ParticipantForm;
use crate::ui::problem_text::import_error_text;

/// The "who are you?" screen that starts each turn.
#[component]
pub fn TabletStart() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let show_earlier = move || {
        state
            .workshop
            .with(|w| w.room.show_earlier_choices && !w.ballots.is_empty())
    };
    let easy = state.easy_read.get_untracked();
    // A tablet that joined a live workshop waits for the facilitator's set-up
    // (its resources and their totals) before anyone starts dividing.
    let live = use_context::<crate::state::live::Live>();
    let waiting = move || {
        live.is_some_and(|l| {
            l.session
                .with(|s| s.as_ref().is_some_and(|s| s.facilitator_key.is_none()))
        }) && state
            .workshop
            .with(|w| w.setup_updated_at == crate::model::Timestamp(0))
    };
    view! {
        <h1 class:easy-title=easy>
            {easy.then(|| view! { <img src="./icons/people.svg" alt="" width="56" height="56" /> })}
            <span>{if easy { tr!(i18n, easy.tablet_title)() } else { tr!(i18n, tablet.title)() }}</span>
        </h1>
        {(!easy).then(|| view! { <p class="lead">{tr!(i18n, tablet.lead)}</p> })}
        <Show
            when=move || !waiting()
            fallback=move || view! { <p class="live-badge" role="status">{tr!(i18n, live.waiting)}</p> }
        >
            <ParticipantForm
                tablet=true
                on_added=Callback::new(move |id| {
                    let check = state.workshop.with_untracked(|w| w.partnership_check);
                    replace(&Route::first_step(id, true, check))
                })
            />
        </Show>
        <Show when=show_earlier>
            <p>
                <a class="button" href=Route::Present(None).href()>{tr!(i18n, tablet.see_earlier)}</a>
            </p>
        </Show>
        <p class="small facilitator-exit">
            <a href=Route::Results(None).href()>{tr!(i18n, tablet.leave)}</a>
        </p>
    }
}

/// The screen after someone finishes: thanks, and hand the tablet on.
#[component]
pub fn TabletFinished() -> impl IntoView {
    let i18n = use_i18n();
    let easy = use_app().easy_read.get_untracked();
    view! {
        <div class="card finished">
            {easy.then(|| view! { <img src="./icons/done.svg" alt="" width="96" height="96" /> })}
            <h1>{tr!(i18n, tablet.thanks)}</h1>
            {if easy {
                view! {
                    <p class="easy-line">{tr!(i18n, easy.hand_on)}</p>
                    <p class="easy-line">
                        <img src="./icons/tablet.svg" alt="" width="40" height="40" class="inline-icon" />
                        {tr!(i18n, easy.hand_on_2)}
                    </p>
                }.into_any()
            } else {
                view! { <p class="lead">{tr!(i18n, tablet.hand_on)}</p> }.into_any()
            }}
            <a
                class="button button-primary button-large"
                href=Route::Tablet { ballot: None, kind: None }.href()
                on:click=move |ev| {
                    ev.prevent_default();
                    replace(&Route::Tablet { ballot: None, kind: None });
                }
            >
                {tr!(i18n, tablet.next_person)}
            </a>
        </div>
    }
}

/// Opening a join link: this tablet takes part in the facilitator's workshop.
/// A different workshop already on the tablet is kept aside, not lost.
#[component]
pub fn JoinPage(
    /// The set-up carried in the link.
    code: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    match read_join_code(&code, clock::now()) {
        Ok(joined) => {
            let ours = state.workshop.get_untracked();
            match merge_workshops(&ours, &joined) {
                Ok(merged) => {
                    if merged != ours {
                        state.workshop.set(merged);
                    }
                }
                Err(_) => state.replace(joined),
            }
            replace(&Route::Tablet {
                ballot: None,
                kind: None,
            });
            ().into_any()
        }
        Err(e) => view! {
            <h1>{tr!(i18n, tablet.join_failed)}</h1>
            <p class="error-detail">{move || import_error_text(i18n, &e)}</p>
            <p>{tr!(i18n, tablet.join_help)}</p>
        }
        .into_any(),
    }
}
