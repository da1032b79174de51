//! One question about one area ("What does a good life look like?"): the
//! participant's own notes for it, each editable and can be taken back, and
//! a field to add another. A refused note says why and keeps the words typed.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::rules::MAX_PARTICIPANT_NOTE_CHARS;
use crate::model::{Area, Id, NoteError, NoteKind};
use crate::platform::{clock, random};
use crate::state::{use_app, AppState};
use crate::ui::labels::{fill, tr, I18n};
use crate::ui::problem_text::note_error_text;
use crate::ui::text_field::TextField;

/// The question a kind of note answers, in words.
pub fn question(i18n: I18n, kind: NoteKind) -> &'static str {
    match kind {
        NoteKind::GoodLife => tr!(i18n, words.good_life)(),
        NoteKind::Like => tr!(i18n, words.like)(),
        NoteKind::Dislike => tr!(i18n, words.dislike)(),
    }
}

/// Makes a change to notes; a refusal is returned in words and changes nothing.
pub fn note_change(
    i18n: I18n,
    state: AppState,
    change: impl FnOnce(&mut crate::model::Workshop) -> Result<bool, NoteError>,
) -> Result<(), String> {
    let mut outcome = Ok(false);
    state.change(|w| outcome = change(w));
    outcome.map(|_| ()).map_err(|e| note_error_text(i18n, &e))
}

/// One question's notes by this participant, and a field for a new one.
#[component]
pub fn NoteQuestion(
    /// Whose notes.
    ballot: Id,
    /// Which area.
    area: Area,
    /// Which question.
    kind: NoteKind,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let own = Memo::new(move |_| {
        state.workshop.with(|w| {
            w.ballot(ballot).map_or_else(Vec::new, |b| {
                b.notes
                    .iter()
                    .filter(|n| n.area == area && n.kind == kind)
                    .map(|n| (n.id, n.text.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let draft = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |_| {
        let text = draft.get_untracked();
        let added = note_change(i18n, state, |w| {
            w.add_note(ballot, random::new_id(), area, kind, &text, clock::now())
                .map(|()| true)
        });
        match added {
            Ok(()) => draft.set(String::new()),
            Err(why) => error.set(Some(why)),
        }
    };
    let id = format!("note-{}-{}", area.index(), kind.id());
    view! {
        <section class="card note-question" aria-labelledby=format!("{id}-heading")>
            <h2 id=format!("{id}-heading")>{question(i18n, kind)}</h2>
            <ul class="own-notes">
                <For each=move || own.get() key=|note| note.clone() let:note>
                    <OwnNote ballot=ballot note=note.0 text=note.1 number=move || own.with(|o| o.iter().position(|n| n.0 == note.0).map_or(0, |i| i + 1)) />
                </For>
            </ul>
            <TextField
                id=id.clone()
                label=Signal::derive(move || tr!(i18n, words.add_label)().to_string())
                value=Signal::derive(move || draft.get())
                on_input=Callback::new(move |text: String| {
                    error.set(None);
                    draft.set(text);
                })
                error=Signal::derive(move || error.get())
                lines=3
                maxlength=MAX_PARTICIPANT_NOTE_CHARS
            />
            <button type="button" class="button button-primary" aria-describedby=format!("{id}-heading") on:click=add>
                {tr!(i18n, words.add)}
            </button>
        </section>
    }
}

/// One of the participant's own notes: its words to edit, and "Take back".
#[component]
fn OwnNote(
    ballot: Id,
    note: Id,
    text: String,
    /// Its place in the list, for its label ("Your note 2").
    #[prop(into)]
    number: Signal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let error = RwSignal::new(None::<String>);
    let label = Signal::derive(move || fill(tr!(i18n, words.your_note)(), &[("n", &number.get())]));
    let save = Callback::new(move |text: String| {
        let saved = note_change(i18n, state, |w| {
            w.edit_note(ballot, note, &text, clock::now())
        });
        error.set(saved.err());
    });
    let take_back = move |_| {
        let taken = note_change(i18n, state, |w| w.withdraw_note(ballot, note, clock::now()));
        error.set(taken.err());
    };
    view! {
        <li class="own-note">
            <TextField
                id=format!("own-note-{}", note.short())
                label=label
                value=text
                on_change=save
                error=Signal::derive(move || error.get())
                lines=2
                maxlength=MAX_PARTICIPANT_NOTE_CHARS
            />
            <button type="button" class="button" aria-label=move || format!("{} ({})", tr!(i18n, words.take_back)(), label.get()) on:click=take_back>
                {tr!(i18n, words.take_back)}
            </button>
        </li>
    }
}
