//! Adding participants (a person or a table) with their role, and choosing whose turn it is.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::Role;
use crate::platform::route::{go, Route};
use crate::platform::{clock, random};
use crate::state::use_app;
use crate::ui::labels::{role_name, tr};

/// The participants screen.
#[component]
pub fn ParticipantsPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let (name, set_name) = signal(String::new());
    let (role, set_role) = signal(None::<Role>);
    let (error, set_error) = signal(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
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
        set_error.set(None);
        let id = random::new_id();
        state.change(move |w| w.add_participant(id, n, r, clock::now()));
        set_name.set(String::new());
        set_role.set(None);
        go(&Route::Allocate {
            ballot: id,
            kind: None,
        });
    };
    let role_choices = Role::ALL
        .into_iter()
        .map(|r| {
            let id = format!("role-{}", r.id());
            let label_for = id.clone();
            view! {
                <label class="choice" for=label_for>
                    <input
                        type="radio"
                        id=id
                        name="role"
                        value=r.id()
                        prop:checked=move || role.get() == Some(r)
                        on:change=move |_| set_role.set(Some(r))
                    />
                    <span>{move || role_name(i18n, r)}</span>
                </label>
            }
        })
        .collect_view();
    let list = move || {
        state.workshop.with(|w| {
            w.ballots
                .iter()
                .map(|b| (b.id, b.participant.clone(), b.role))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h1>{tr!(i18n, participants.title)}</h1>
        <p class="lead">{tr!(i18n, participants.lead)}</p>
        <form class="card" on:submit=add novalidate=true>
            <h2>{tr!(i18n, participants.add_heading)}</h2>
            <div class="field">
                <label for="participant-name">{tr!(i18n, participants.name)}</label>
                <input
                    id="participant-name"
                    type="text"
                    maxlength="200"
                    autocomplete="off"
                    prop:value=name
                    on:input=move |ev| set_name.set(event_target_value(&ev))
                />
            </div>
            <fieldset class="choices">
                <legend>{tr!(i18n, participants.role)}</legend>
                {role_choices}
            </fieldset>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <button class="button button-primary button-large" type="submit">
                {tr!(i18n, participants.add)}
            </button>
        </form>
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
                                view! {
                                    <li class="card participant">
                                        <div>
                                            <strong class="participant-name">{who}</strong>
                                            <span class="role-tag">{role_name(i18n, r)}</span>
                                        </div>
                                        <div class="participant-actions">
                                            <a
                                                class="button button-primary"
                                                href=Route::Allocate { ballot: id, kind: None }.href()
                                                aria-label=open_label
                                            >
                                                {tr!(i18n, participants.open)}
                                            </a>
                                            <button
                                                class="button button-quiet"
                                                aria-label=remove_label
                                                on:click=move |_| {
                                                    let ok = web_sys::window()
                                                        .and_then(|w| w.confirm_with_message(&confirm_text).ok())
                                                        .unwrap_or(false);
                                                    if ok {
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
