//! The workshop's name, place and date.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::time::parse_date;
use crate::state::use_app;
use crate::ui::labels::tr;
use crate::ui::text_field::TextField;

/// The "Workshop details" card.
#[component]
pub fn WorkshopDetails() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let w = state.workshop;
    let (date_error, set_date_error) = signal(false);
    view! {
        <section class="card" aria-labelledby="details-heading">
            <h2 id="details-heading">{tr!(i18n, setup.details)}</h2>
            <TextField
                id="workshop-name"
                label=tr!(i18n, setup.name)
                value=move || w.with(|w| w.name.clone())
                on_input=Callback::new(move |v| state.change(|w| w.name = v))
                maxlength=crate::model::rules::MAX_NAME_CHARS
                autocomplete="off"
                placeholder=tr!(i18n, setup.name_placeholder)
            />
            <div class="field-row">
                <TextField
                    id="workshop-place"
                    label=tr!(i18n, setup.place)
                    value=move || w.with(|w| w.place.clone())
                    on_input=Callback::new(move |v| state.change(|w| w.place = v))
                    maxlength=crate::model::rules::MAX_NAME_CHARS
                />
                <TextField
                    id="workshop-date"
                    label=tr!(i18n, setup.date)
                    input_type="date"
                    value=move || w.with(|w| w.date.clone())
                    on_change=Callback::new(move |v: String| {
                        // A half-typed date is not saved; the field says why.
                        let ok = parse_date(&v).is_some();
                        set_date_error.set(!ok);
                        if ok {
                            state.change(|w| w.date = v);
                        }
                    })
                    error=Signal::derive(move || {
                        date_error.get().then(|| t_string!(i18n, setup.date_error).to_string())
                    })
                />
            </div>
        </section>
    }
}
