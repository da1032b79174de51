//! Others' notes in Easy Read, one at a time: "Note 2 of 7", the card (words,
//! the author's role, how many agree, "I agree", "Listen"), and "Back" and
//! "Next".

use leptos::prelude::*;

use super::other_note::{agree, focus_after_redraw, other_card, others_of};
use crate::i18n::*;
use crate::model::{Area, Id};
use crate::state::use_app;
use crate::ui::labels::{fill, tr};

/// Others' notes about `area`, one at a time, with "I agree" on each.
#[component]
pub fn EasyOthers(
    /// Who is reading (and agreeing).
    ballot: Id,
    /// Which area.
    area: Area,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let error = RwSignal::new(None::<String>);
    // Oldest first (`others_cards`): agreeing does not move a note, and a
    // new one joins at the end, so the note under the finger stays.
    let notes = others_of(state, ballot, area);
    let at = RwSignal::new(0_usize);
    let toggle = Callback::new(move |(note, yes): (Id, bool)| {
        error.set(agree(i18n, state, ballot, note, yes));
    });
    // Moving to another note reads out where it is, as Easy Read's areas do.
    let go = move |i: usize| {
        at.set(i);
        focus_after_redraw("easy-note-place".to_string());
    };
    let card = move || {
        let list = notes.get();
        let count = list.len();
        // The last one when the note shown was hidden by the facilitator.
        let i = at.get().min(count.saturating_sub(1));
        let Some(n) = list.into_iter().nth(i) else {
            return view! { <p class="easy-line">{tr!(i18n, easy.words_none)}</p> }.into_any();
        };
        // One button drawn twice (its picture after its words for "Next", by CSS).
        let step = move |to: usize,
                         off: bool,
                         label: &'static str,
                         icon: &'static str,
                         class: &'static str| {
            view! {
                <button type="button" class=class disabled=off on:click=move |_| go(to)>
                    <img src=icon alt="" width="36" height="36" />
                    {label}
                </button>
            }
        };
        view! {
            <p class="field-error" role="alert">{error.get()}</p>
            <p class="easy-progress" id="easy-note-place" tabindex="-1">
                {fill(tr!(i18n, easy.note_n_of)(), &[("n", &(i + 1)), ("count", &count)])}
            </p>
            <ul class="other-notes easy-other">{other_card(i18n, n, toggle, true)}</ul>
            <div class="easy-nav">
                {step(i.saturating_sub(1), i == 0, tr!(i18n, easy.back)(), "./icons/back.svg", "button button-large easy-nav-button")}
                {step(i + 1, i + 1 == count, tr!(i18n, easy.next)(), "./icons/next.svg", "button button-large easy-nav-button easy-nav-on")}
            </div>
        }
        .into_any()
    };
    view! {
        <section class="card easy-card easy-others" aria-labelledby="easy-others-heading">
            <h2 id="easy-others-heading" class="easy-title">
                <img src="./icons/people.svg" alt="" width="96" height="96" />
                <span>{tr!(i18n, easy.words_others)}</span>
            </h2>
            {card}
        </section>
    }
}
