//! One question about one area ("What does a good life look like?"): the
//! participant's own notes for it, each editable and can be taken back, and
//! a field to add another. A refused note says why and keeps the words typed.
//! In Easy Read the question is shorter, with a picture, each note can be
//! read aloud, and the good-life question only lists what was written.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::rules::MAX_PARTICIPANT_NOTE_CHARS;
use crate::model::{Area, Id, NoteError, NoteKind};
use crate::platform::{clock, random};
use crate::state::{use_app, AppState};
use crate::ui::labels::{fill, tr, I18n};
use crate::ui::problem_text::note_error_text;
use crate::ui::text_field::TextField;
use crate::ui::words::listen::Listen;

/// The question a kind of note answers, in words.
pub fn question(i18n: I18n, kind: NoteKind) -> &'static str {
    match kind {
        NoteKind::GoodLife => tr!(i18n, words.good_life)(),
        NoteKind::Like => tr!(i18n, words.like)(),
        NoteKind::Dislike => tr!(i18n, words.dislike)(),
    }
}

/// The question in Easy Read, and its picture.
fn easy_question(i18n: I18n, kind: NoteKind) -> (&'static str, &'static str) {
    match kind {
        NoteKind::GoodLife => (tr!(i18n, easy.walk_question)(), "./icons/help.svg"),
        NoteKind::Like => (tr!(i18n, easy.words_good)(), "./icons/good.svg"),
        NoteKind::Dislike => (tr!(i18n, easy.words_not_good)(), "./icons/not_good.svg"),
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
    /// Easy Read: the short question with its picture, "Listen" on each
    /// note, and no new notes on the good-life question (only those written).
    #[prop(optional)]
    easy: bool,
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
    let (title, picture) = if easy {
        easy_question(i18n, kind)
    } else {
        (question(i18n, kind), "")
    };
    let adds = !(easy && kind == NoteKind::GoodLife);
    // One picture drawn twice in Easy Read: the question's and the "Add" button's.
    let image = move |src: &'static str, size: &'static str| {
        easy.then(|| view! { <img src=src alt="" width=size height=size /> })
    };
    view! {
        <section class=if easy { "card note-question easy-card" } else { "card note-question" } aria-labelledby=format!("{id}-heading")>
            <h2 id=format!("{id}-heading") class=easy.then_some("easy-title")>
                {image(picture, "96")}
                <span>{title}</span>
            </h2>
            <ul class="own-notes">
                <For each=move || own.get() key=|note| note.clone() let:note>
                    <OwnNote ballot=ballot note=note.0 text=note.1 listen=easy number=move || own.with(|o| o.iter().position(|n| n.0 == note.0).map_or(0, |i| i + 1)) />
                </For>
            </ul>
            <div class="note-add" hidden=!adds>
                <TextField
                    id=id.clone()
                    label=Signal::derive(move || if easy { tr!(i18n, easy.words_write)() } else { tr!(i18n, words.add_label)() }.to_string())
                    value=Signal::derive(move || draft.get())
                    on_input=Callback::new(move |text: String| {
                        error.set(None);
                        draft.set(text);
                    })
                    error=Signal::derive(move || error.get())
                    lines=3
                    maxlength=MAX_PARTICIPANT_NOTE_CHARS
                />
                <button type="button" class=if easy { "button button-primary button-large" } else { "button button-primary" } aria-describedby=format!("{id}-heading") on:click=add>
                    {image("./icons/more.svg", "36")}
                    {tr!(i18n, words.add)}
                </button>
            </div>
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
    /// Easy Read: a "Listen" button that reads it aloud.
    listen: bool,
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
    let listen = listen.then(|| view! { <Listen text=text.clone() about=label /> });
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
            {listen}
        </li>
    }
}
