//! Which note of the same area another one says the same as: a list to
//! choose from (a select, so it works the same by touch, keyboard and screen
//! reader), then Merge or Cancel.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::Id;
use crate::platform::clock;
use crate::state::use_app;
use crate::ui::labels::{role_name, tr, I18n};

use super::moderating::Moderating;
use super::note_row::{shortened, NoteRow};

/// Every other note on a card of its own, as "words… (role)".
fn targets_of(i18n: I18n, rows: &[NoteRow], note: Id) -> Vec<(Id, String)> {
    rows.iter()
        .filter(|r| r.note_id != note && r.has_own_card())
        .map(|r| {
            let label = format!("{} ({})", shortened(&r.text, 70), role_name(i18n, r.role));
            (r.note_id, label)
        })
        .collect()
}

/// The notes `note` can be merged into, and Merge and Cancel.
#[component]
pub fn MergePicker(
    /// The note to merge.
    note: Id,
    /// The list's shared signals.
    list: Moderating,
    /// The id of the Merge… button that asked, for focus on Cancel.
    asked_by: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let targets = Memo::new(move |_| list.rows.with(|rows| targets_of(i18n, rows, note)));
    let chosen = RwSignal::new(None::<Id>);
    // A choice that has since been hidden or merged elsewhere counts as none.
    let target = move || {
        chosen
            .get()
            .filter(|c| targets.with(|t| t.iter().any(|(id, _)| id == c)))
    };
    let select_id = format!("merge-into-{note}");
    let hint_id = format!("merge-hint-{note}");
    let select_ref = NodeRef::<leptos::html::Select>::new();
    // The choice takes focus when the picker opens.
    Effect::new(move |_| {
        if let Some(select) = select_ref.get() {
            let _ = select.focus();
        }
    });
    // Drawn again only when there come to be targets or none, so the select
    // keeps focus while other devices' notes arrive.
    let none = Memo::new(move |_| targets.with(Vec::is_empty));
    let choice = move || {
        let (select_id, hint_id) = (select_id.clone(), hint_id.clone());
        if none.get() {
            return view! { <p class="review-merge-none">{tr!(i18n, moderate.merge_none)}</p> }
                .into_any();
        }
        view! {
            <label for=select_id.clone()>{tr!(i18n, moderate.merge_label)}</label>
            <select
                id=select_id
                node_ref=select_ref
                aria-describedby=hint_id.clone()
                on:change=move |ev| chosen.set(Id::parse(&event_target_value(&ev)))
            >
                <option value="" prop:selected=move || chosen.get().is_none()>
                    {tr!(i18n, moderate.merge_choose)}
                </option>
                {move || {
                    targets
                        .get()
                        .into_iter()
                        .map(|(id, label)| {
                            view! {
                                <option value=id.to_string() prop:selected=move || chosen.get() == Some(id)>
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <p id=hint_id class="small">{tr!(i18n, moderate.merge_hint)}</p>
        }
        .into_any()
    };
    view! {
        <div class="review-merge">
            {choice}
            <div class="review-actions">
                {move || {
                    (!none.get())
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="button button-primary button-small"
                                    disabled=move || target().is_none()
                                    on:click=move |_| {
                                        if let Some(into) = target() {
                                            list.decide(i18n, state, note, |w| {
                                                w.merge_notes(note, into, clock::now())
                                            });
                                        }
                                    }
                                >
                                    {tr!(i18n, moderate.merge_do)}
                                </button>
                            }
                        })
                }}
                <button type="button" class="button button-small" on:click=move |_| list.close(asked_by.clone())>
                    {tr!(i18n, moderate.cancel)}
                </button>
            </div>
        </div>
    }
}
