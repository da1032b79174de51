//! Someone else's note as a participant sees it, its card, and agreeing with
//! it: shared by the list of others' notes and Easy Read's one at a time.

use leptos::prelude::*;

use super::listen::Listen;
use crate::model::{others_cards, Area, Id, Role};
use crate::platform::clock;
use crate::state::AppState;
use crate::ui::chart::role_class;
use crate::ui::labels::{fill, role_short_name, tr, I18n};
use crate::ui::problem_text::note_error_text;

/// One card of someone else's, as this participant sees it.
#[derive(Clone, PartialEq)]
pub struct OtherNote {
    /// The note the card shows.
    pub note: Id,
    /// Its words.
    pub text: String,
    /// Its author's role; never their name.
    pub role: Role,
    /// How many people agree with it.
    pub agreements: u32,
    /// Whether this participant does.
    pub agreed: bool,
}

/// Others' notes about `area` as `ballot` sees them, oldest first
/// (`model::others_cards`).
pub fn others_of(state: AppState, ballot: Id, area: Area) -> Memo<Vec<OtherNote>> {
    Memo::new(move |_| {
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
                .collect()
        })
    })
}

/// The id of a note's "I agree" button, to give it focus again once redrawn.
pub fn agree_button_id(note: Id) -> String {
    format!("agree-{}", note.short())
}

/// Gives focus to the element `id` once the view is drawn again: a card is
/// redrawn when its count changes, and the finger or keyboard stays put.
pub fn focus_after_redraw(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// One card: the words, the author's role, how many agree and "I agree"
/// (pressed when agreed), and in Easy Read "Listen".
pub fn other_card(
    i18n: I18n,
    n: OtherNote,
    on_agree: Callback<(Id, bool)>,
    listen: bool,
) -> AnyView {
    let (note, agreed) = (n.note, n.agreed);
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
                id=agree_button_id(note)
                class="button agree-button"
                aria-pressed=if agreed { "true" } else { "false" }
                on:click=move |_| on_agree.run((note, !agreed))
            >
                {agreed.then(|| view! { <span aria-hidden="true">"✓ "</span> })}
                {tr!(i18n, words.agree)}
            </button>
            {listen.then(|| view! { <Listen text=n.text /> })}
        </li>
    }
    .into_any()
}

/// Agrees with `note` (or takes the agreement back) for `ballot`; a refusal
/// comes back in words and changes nothing.
pub fn agree(i18n: I18n, state: AppState, ballot: Id, note: Id, yes: bool) -> Option<String> {
    let mut outcome = Ok(false);
    state.change(|w| outcome = w.set_agree(ballot, note, yes, clock::now()));
    focus_after_redraw(agree_button_id(note));
    outcome.err().map(|e| note_error_text(i18n, &e))
}
