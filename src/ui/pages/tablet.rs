//! Pass-the-tablet mode: one tablet handed round a table. Each person gives a
//! name and role, divides the resources and hands on; the next person starts
//! on a fresh screen and sees earlier choices only if the facilitator allows it.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::join::read_join_code;
use crate::model::{merge_workshops, Role};
use crate::platform::route::{replace, Route};
use crate::platform::{clock, random};
use crate::state::use_app;
use crate::ui::labels::role_name;
use crate::ui::labels::tr;

/// The "who are you?" screen that starts each turn.
#[component]
pub fn TabletStart() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let (name, set_name) = signal(String::new());
    let (role, set_role) = signal(None::<Role>);
    let (error, set_error) = signal(None::<String>);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get().trim().to_string();
        let Some(r) = role.get() else {
            set_error.set(Some(t_string!(i18n, participants.need_role).to_string()));
            return;
        };
        if n.is_empty() {
            set_error.set(Some(t_string!(i18n, participants.need_name).to_string()));
            return;
        }
        let id = random::new_id();
        state.change(move |w| w.add_participant(id, n, r, clock::now()));
        replace(&Route::Tablet {
            ballot: Some(id),
            kind: None,
        });
    };
    let choices = Role::ALL
        .into_iter()
        .map(|r| {
            let id = format!("tablet-role-{}", r.id());
            let label_for = id.clone();
            view! {
                <label class="choice" for=label_for>
                    <input
                        type="radio"
                        id=id
                        name="tablet-role"
                        prop:checked=move || role.get() == Some(r)
                        on:change=move |_| set_role.set(Some(r))
                    />
                    <span>{move || role_name(i18n, r)}</span>
                </label>
            }
        })
        .collect_view();
    let show_earlier = move || {
        state
            .workshop
            .with(|w| w.room.show_earlier_choices && !w.ballots.is_empty())
    };
    view! {
        <h1>{tr!(i18n, tablet.title)}</h1>
        <p class="lead">{tr!(i18n, tablet.lead)}</p>
        <form class="card" on:submit=start novalidate=true>
            <div class="field">
                <label for="tablet-name">{tr!(i18n, tablet.name)}</label>
                <input
                    id="tablet-name"
                    type="text"
                    maxlength="200"
                    autocomplete="off"
                    prop:value=name
                    on:input=move |ev| set_name.set(event_target_value(&ev))
                />
            </div>
            <fieldset class="choices">
                <legend>{tr!(i18n, participants.role)}</legend>
                {choices}
            </fieldset>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <button class="button button-primary button-large" type="submit">{tr!(i18n, tablet.start)}</button>
        </form>
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
    view! {
        <div class="card finished">
            <h1>{tr!(i18n, tablet.thanks)}</h1>
            <p class="lead">{tr!(i18n, tablet.hand_on)}</p>
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
            <p class="error-detail">{e.to_string()}</p>
            <p>{tr!(i18n, tablet.join_help)}</p>
        }
        .into_any(),
    }
}
