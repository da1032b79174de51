//! In a combined workshop, whose results to show: all sessions together or
//! one session's (the results page's choice; the room's screen shows all).

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Id, Session};
use crate::ui::labels::{fill, long_date, tr};

/// A select of "All sessions together" and each session.
#[component]
pub fn SessionChoice(
    /// The workshop's sessions, in order of id.
    sessions: Signal<Vec<Session>>,
    /// The session chosen (`None`: all together).
    chosen: RwSignal<Option<Id>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = move || {
        sessions
            .get()
            .into_iter()
            .map(|s| {
                let value = s.id.to_string();
                let selected = chosen.get() == Some(s.id);
                let text = move || {
                    fill(
                        t_string!(i18n, results.session_option),
                        &[
                            ("name", &s.name),
                            ("place", &s.place),
                            ("date", &long_date(&s.date)),
                        ],
                    )
                };
                view! { <option value=value selected=selected>{text}</option> }
            })
            .collect_view()
    };
    let on_change = move |ev: leptos::ev::Event| {
        chosen.set(Id::parse(&event_target_value(&ev)));
    };
    view! {
        <div class="field session-choice">
            <label for="results-session">{tr!(i18n, results.session_label)}</label>
            <select id="results-session" on:change=on_change>
                <option value="" selected=move || chosen.get().is_none()>{tr!(i18n, results.all_sessions)}</option>
                {options}
            </select>
        </div>
    }
}
