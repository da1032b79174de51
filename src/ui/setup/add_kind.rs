//! Adding a resource kind the facilitator names.

use leptos::prelude::*;

use crate::i18n::*;
use crate::platform::clock;
use crate::state::use_app;
use crate::ui::labels::tr;
use crate::ui::text_field::TextField;

/// The "Add a resource" form under the kinds.
#[component]
pub fn AddKind() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let (name, set_name) = signal(String::new());
    let full = move || {
        state
            .workshop
            .with(|w| w.kinds.len() >= crate::model::rules::MAX_KINDS)
    };
    view! {
        <form
            class="card add-kind"
            on:submit=move |ev| {
                ev.prevent_default();
                let n = name.get().trim().to_string();
                if !n.is_empty() && !full() {
                    state.change(|w| w.add_kind(n, clock::now()));
                    set_name.set(String::new());
                }
            }
        >
            <TextField
                id="new-kind-name"
                label=tr!(i18n, setup.add_kind_label)
                value=name
                on_input=Callback::new(move |v| set_name.set(v))
                maxlength=crate::model::rules::MAX_KIND_NAME_CHARS
            />
            <button class="button" type="submit" disabled=full>
                {tr!(i18n, setup.add_kind)}
            </button>
        </form>
    }
}
