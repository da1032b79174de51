//! A set of radio buttons for one choice out of a few: what the room's screen
//! leads with, where the decision starts, whether the partnership check is
//! asked, a participant's rating of a principle.

use leptos::prelude::*;

/// One option: the value, the id of its input (unique on the page) and its
/// words, in the interface's language at the time of drawing.
pub struct RadioOption<T> {
    /// What choosing it means.
    pub value: T,
    /// The input's id, for its label.
    pub id: String,
    /// What it says.
    pub label: Signal<String>,
    /// A picture beside the words (Easy Read), if any.
    pub icon: Option<&'static str>,
}

/// A fieldset of radio buttons; choosing one calls `on_choose` at once.
#[component]
pub fn RadioChoice<T>(
    /// The inputs' shared name.
    #[prop(into)]
    name: String,
    /// What is being chosen.
    legend: Signal<String>,
    /// A plain explanation under the legend, if any.
    #[prop(optional)]
    hint: Option<Signal<String>>,
    /// The options, in the order offered.
    options: Vec<RadioOption<T>>,
    /// The option chosen now, if any.
    chosen: Signal<Option<T>>,
    /// Called with the option chosen.
    on_choose: Callback<T>,
    /// Extra classes for the fieldset.
    #[prop(optional, into)]
    class: String,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let items = options
        .into_iter()
        .map(|option| {
            let value = option.value;
            let for_id = option.id.clone();
            view! {
                <label class="choice" for=for_id>
                    <input
                        type="radio"
                        id=option.id
                        name=name.clone()
                        prop:checked=move || chosen.get() == Some(value)
                        on:change=move |_| on_choose.run(value)
                    />
                    {option.icon.map(|src| view! { <img src=src alt="" width="40" height="40" class="choice-icon" /> })}
                    <span>{option.label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class=format!("choices {class}")>
            <legend>{legend}</legend>
            {hint.map(|h| view! { <p class="choice-hint">{h}</p> })}
            {items}
        </fieldset>
    }
}
