//! The totals of the years ahead for one resource kind.

use leptos::html::Input;
use leptos::prelude::*;

use crate::i18n::*;
use crate::model::ResourceKind;
use crate::state::use_app;
use crate::ui::labels::year_label;
use crate::ui::text_field::TextField;

use super::edit_kind;

/// One field per projected year, named by its financial year.
#[component]
pub fn ProjectedTotals(kind: Signal<ResourceKind>, kind_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let years = move || {
        let date = state.workshop.with(|w| w.date.clone());
        kind.with(|k| k.projected.clone())
            .into_iter()
            .enumerate()
            .map(|(i, value)| {
                let kind_id = kind_id.clone();
                let field = NodeRef::<Input>::new();
                view! {
                    <TextField
                        id=format!("kind-{kind_id}-year-{}", i + 1)
                        label=year_label(i18n, &date, i + 1)
                        value=move || kind.with(|k| k.unit.to_input(value))
                        on_change=Callback::new(move |text: String| {
                            let unit = kind.with_untracked(|k| k.unit.clone());
                            match unit.parse(&text) {
                                Some(steps) => edit_kind(state, &kind_id, |k| {
                                    if let Some(slot) = k.projected.get_mut(i) {
                                        *slot = steps;
                                    }
                                }),
                                // Unreadable: put back what the model holds.
                                None => {
                                    if let Some(input) = field.get_untracked() {
                                        input.set_value(&unit.to_input(value));
                                    }
                                }
                            }
                        })
                        inputmode="numeric"
                        node_ref=field
                    />
                }
            })
            .collect_view()
    };
    view! { <div class="field-row">{years}</div> }
}
