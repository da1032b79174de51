//! The "name and role" form that adds a participant: on the People screen, and
//! at the start of each turn in pass-the-tablet mode.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Id, Role};
use crate::platform::{clock, random};
use crate::state::use_app;
use crate::ui::labels::{role_name, tr};
use crate::ui::text_field::TextField;

/// Adds a participant from a name and a role, then calls `on_added` with the new ballot's id.
#[component]
pub fn ParticipantForm(
    /// The pass-the-tablet wording ("Your name", "Start") instead of the facilitator's.
    #[prop(optional)]
    tablet: bool,
    /// Called with the new ballot's id.
    on_added: Callback<Id>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let live = use_context::<crate::state::live::Live>();
    let (name, set_name) = signal(String::new());
    let (role, set_role) = signal(None::<Role>);
    let (error, set_error) = signal(None::<String>);
    let prefix = if tablet { "tablet-" } else { "" };
    // Easy Read's wording is for the person holding the tablet.
    let easy = tablet && state.easy_read.get_untracked();
    let name_id = if tablet {
        "tablet-name"
    } else {
        "participant-name"
    };
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
        // A live tablet's participant gets a signing key, and the ballot its id.
        let id = match live.and_then(|l| if tablet { l.new_participant_id() } else { None }) {
            Some(Ok(id)) => id,
            Some(Err(_)) => {
                set_error.set(Some(t_string!(i18n, live.no_random).to_string()));
                return;
            }
            None => random::new_id(),
        };
        state.change(move |w| w.add_participant(id, n, r, clock::now()));
        set_name.set(String::new());
        set_role.set(None);
        on_added.run(id);
    };
    let role_choices = Role::ALL
        .into_iter()
        .map(|r| {
            let id = format!("{prefix}role-{}", r.id());
            let label_for = id.clone();
            view! {
                <label class="choice" for=label_for>
                    <input
                        type="radio"
                        id=id
                        name=format!("{prefix}role")
                        value=r.id()
                        prop:checked=move || role.get() == Some(r)
                        on:change=move |_| set_role.set(Some(r))
                    />
                    <span>{move || role_name(i18n, r)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <form class="card" on:submit=add novalidate=true>
            {(!tablet).then(|| view! { <h2>{tr!(i18n, participants.add_heading)}</h2> })}
            <TextField
                id=name_id
                label=move || if easy { tr!(i18n, easy.tablet_name)() } else if tablet { tr!(i18n, tablet.name)() } else { tr!(i18n, participants.name)() }
                value=name
                on_input=Callback::new(move |v| set_name.set(v))
                maxlength=crate::model::rules::MAX_NAME_CHARS
                autocomplete="off"
            />
            <fieldset class="choices">
                <legend>
                    {if easy { tr!(i18n, easy.tablet_role)() } else if tablet { tr!(i18n, tablet.role)() } else { tr!(i18n, participants.role)() }}
                </legend>
                {role_choices}
            </fieldset>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <button class="button button-primary button-large" type="submit">
                {if tablet { tr!(i18n, tablet.start)() } else { tr!(i18n, participants.add)() }}
            </button>
        </form>
    }
}
