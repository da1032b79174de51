//! What people like or dislike about today's approach.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::Area;
use crate::state::use_app;
use crate::ui::labels::tr;

/// A change to a list of notes.
type NoteEdit = Box<dyn FnOnce(&mut Vec<String>)>;

/// What people like (or dislike) about today's local approach: a list the facilitator adds to.
#[component]
pub fn NoteList(
    /// The area of this step.
    area: Area,
    /// Likes, or else dislikes.
    likes: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let (draft, set_draft) = signal(String::new());
    let items = move || {
        state.workshop.with(|w| {
            let n = w.notes_for(area);
            if likes {
                n.likes
            } else {
                n.dislikes
            }
        })
    };
    let edit = move |f: NoteEdit| {
        state.change(move |w| {
            let n = w.notes.entry(area).or_default();
            f(if likes { &mut n.likes } else { &mut n.dislikes });
        });
    };
    let prefix = if likes { "likes" } else { "dislikes" };
    let heading_id = format!("{prefix}-heading");
    let labelled_by = heading_id.clone();
    let input_id = format!("{prefix}-input");
    view! {
        <section class="card note-list" aria-labelledby=labelled_by>
            <h2 id=heading_id>
                {if likes { tr!(i18n, walk.likes).into_any() } else { tr!(i18n, walk.dislikes).into_any() }}
            </h2>
            <ul>
                {move || {
                    items()
                        .into_iter()
                        .enumerate()
                        .map(|(i, text)| {
                            let label = t_string!(i18n, walk.remove_note, note = text.clone()).to_string();
                            view! {
                                <li>
                                    <span class="note-text">{text}</span>
                                    <button
                                        class="button button-quiet button-small"
                                        aria-label=label
                                        on:click=move |_| edit(Box::new(move |v| {
                                            if i < v.len() {
                                                v.remove(i);
                                            }
                                        }))
                                    >
                                        {tr!(i18n, common.remove)}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <form
                class="inline-form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    let text = draft.get().trim().to_string();
                    if !text.is_empty() {
                        edit(Box::new(move |v| v.push(text)));
                        set_draft.set(String::new());
                    }
                }
            >
                <label for=input_id.clone() class="inline-label">
                    {if likes { tr!(i18n, walk.add_like).into_any() } else { tr!(i18n, walk.add_dislike).into_any() }}
                </label>
                <input
                    id=input_id
                    type="text"
                    maxlength=crate::model::rules::MAX_NOTE_CHARS
                    prop:value=draft
                    on:input=move |ev| set_draft.set(event_target_value(&ev))
                />
                <button class="button" type="submit">{tr!(i18n, common.add)}</button>
            </form>
        </section>
    }
}
