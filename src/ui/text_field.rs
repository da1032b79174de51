//! One labelled text field: the label, a one-line input or a textarea, an
//! optional hint and an optional error, with the ids that tie them together
//! (`for`, `aria-describedby`, `aria-invalid`) written once, here.

use leptos::html::Input;
use leptos::prelude::*;

/// A label and its input (or textarea), with a hint and an error read out with it.
#[component]
pub fn TextField(
    /// The control's id; the hint is `{id}-hint` and the error `{id}-error`.
    #[prop(into)]
    id: String,
    /// The visible label, which is also the field's accessible name.
    #[prop(into)]
    label: TextProp,
    /// The text the field shows.
    #[prop(into)]
    value: TextProp,
    /// Called with the text on every keystroke.
    #[prop(optional)]
    on_input: Option<Callback<String>>,
    /// Called with the text when it is committed (the field loses focus, or Enter).
    #[prop(optional)]
    on_change: Option<Callback<String>>,
    /// A line of help under the field, read out with it.
    #[prop(optional, into)]
    hint: Option<TextProp>,
    /// What is wrong with the text, if anything: shown under the field and
    /// read out, and the field is marked invalid while it is there.
    #[prop(optional, into)]
    error: Option<Signal<Option<String>>>,
    /// Announce the error at once (`role="alert"`) rather than politely.
    #[prop(optional)]
    urgent: bool,
    /// A textarea of this many lines instead of a one-line input.
    #[prop(optional)]
    lines: Option<u32>,
    /// The input's type: "text" (the default), "date" or "url".
    #[prop(default = "text")]
    input_type: &'static str,
    /// The most characters the field takes.
    #[prop(optional)]
    maxlength: Option<usize>,
    /// Which on-screen keyboard to offer, e.g. "numeric".
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// The browser's autofill hint, e.g. "off".
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// An example shown while the field is empty.
    #[prop(optional, into)]
    placeholder: Option<TextProp>,
    /// Whether the browser checks spelling (codes and addresses are not words).
    #[prop(optional)]
    spellcheck: Option<bool>,
    /// Shown for copying, not for typing.
    #[prop(optional)]
    readonly: bool,
    /// A class for the input or textarea itself.
    #[prop(optional)]
    class: Option<&'static str>,
    /// A class for the label.
    #[prop(optional)]
    label_class: Option<&'static str>,
    /// Leaves out the `.field` box, for forms that lay their fields out themselves.
    #[prop(optional)]
    bare: bool,
    /// The input element, for a caller that puts back the text after refusing it.
    #[prop(optional)]
    node_ref: NodeRef<Input>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = [
        hint.is_some().then(|| hint_id.clone()),
        error.is_some().then(|| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described_by = (!described_by.is_empty()).then_some(described_by);
    let invalid = move || error.and_then(|e| e.get()).map(|_| "true");
    let shown = move || value.get().to_string();
    let placeholder = move || placeholder.as_ref().map(|p| p.get().to_string());
    let spellcheck = spellcheck.map(|s| s.to_string());
    let maxlength = maxlength.map(|n| n.to_string());
    let typed = move |ev: leptos::ev::Event| {
        if let Some(cb) = on_input {
            cb.run(event_target_value(&ev));
        }
    };
    let committed = move |ev: leptos::ev::Event| {
        if let Some(cb) = on_change {
            cb.run(event_target_value(&ev));
        }
    };
    let control = match lines {
        Some(rows) => view! {
            <textarea
                id=id.clone()
                class=class
                rows=rows
                maxlength=maxlength
                placeholder=placeholder
                spellcheck=spellcheck
                readonly=readonly
                aria-describedby=described_by
                aria-invalid=invalid
                prop:value=shown
                on:input=typed
                on:change=committed
            ></textarea>
        }
        .into_any(),
        None => view! {
            <input
                node_ref=node_ref
                id=id.clone()
                class=class
                type=input_type
                maxlength=maxlength
                inputmode=inputmode
                autocomplete=autocomplete
                placeholder=placeholder
                spellcheck=spellcheck
                readonly=readonly
                aria-describedby=described_by
                aria-invalid=invalid
                prop:value=shown
                on:input=typed
                on:change=committed
            />
        }
        .into_any(),
    };
    let hint =
        hint.map(|h| view! { <p id=hint_id class="small">{move || h.get().to_string()}</p> });
    let role = if urgent { "alert" } else { "status" };
    let error =
        error.map(|e| view! { <p class="field-error" id=error_id role=role>{move || e.get()}</p> });
    let parts = view! {
        <label for=id class=label_class>{move || label.get().to_string()}</label>
        {control}
        {hint}
        {error}
    };
    if bare {
        parts.into_any()
    } else {
        view! { <div class="field">{parts}</div> }.into_any()
    }
}
