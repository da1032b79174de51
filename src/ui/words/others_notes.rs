//! The notes others wrote about this area, as the room sees them (a hidden
//! note never, one waiting for approval not yet), each with its author's role
//! and "I agree", which counts once per person and can be taken back.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{others_cards, Area, Id, Role};
use crate::platform::clock;
use crate::state::use_app;
use crate::ui::chart::role_class;
use crate::ui::labels::{fill, role_short_name, tr};
use crate::ui::problem_text::note_error_text;

/// One card of someone else's, as this participant sees it.
#[derive(Clone, PartialEq)]
struct OtherNote {
    note: Id,
    text: String,
    role: Role,
    agreements: u32,
    agreed: bool,
}

/// Others' notes about `area`, with "I agree" on each.
#[component]
pub fn OthersNotes(
    /// Who is reading (and agreeing).
    ballot: Id,
    /// Which area.
    area: Area,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let error = RwSignal::new(None::<String>);
    let notes = Memo::new(move |_| {
        state.workshop.with(|w| {
            others_cards(w, area, ballot)
                .into_iter()
                .map(|(c, agreed)| OtherNote {
                    agreed,
                    note: c.note_id,
                    text: c.text,
                    role: c.author_role,
                    agreements: c.agreements,
                })
                .collect::<Vec<_>>()
        })
    });
    let toggle = move |note: Id, agree: bool| {
        let mut outcome = Ok(false);
        state.change(|w| outcome = w.set_agree(ballot, note, agree, clock::now()));
        error.set(outcome.err().map(|e| note_error_text(i18n, &e)));
    };
    view! {
        <section class="card others-notes" aria-labelledby="others-heading">
            <h2 id="others-heading">{tr!(i18n, words.others)}</h2>
            {move || notes.with(Vec::is_empty).then(|| view! { <p>{tr!(i18n, words.none_yet)}</p> })}
            <p class="field-error" role="alert">{move || error.get()}</p>
            <ul class="other-notes">
                {move || {
                    notes
                        .get()
                        .into_iter()
                        .map(|n| {
                            view! {
                                <li class="other-note">
                                    <p class="other-note-text">{n.text.clone()}</p>
                                    <p class="other-note-meta">
                                        <span class=format!("role-tag {}", role_class(n.role))>{role_short_name(i18n, n.role)}</span>
                                        " "
                                        <span>{fill(tr!(i18n, words.agreed_count)(), &[("count", &n.agreements)])}</span>
                                    </p>
                                    <button
                                        type="button"
                                        class="button agree-button"
                                        aria-pressed=if n.agreed { "true" } else { "false" }
                                        on:click=move |_| toggle(n.note, !n.agreed)
                                    >
                                        {n.agreed.then(|| view! { <span aria-hidden="true">"✓ "</span> })}
                                        {tr!(i18n, words.agree)}
                                    </button>
                                </li>
                            }
                            .into_any()
                        })
                        .collect::<Vec<_>>()
                }}
            </ul>
        </section>
    }
}
