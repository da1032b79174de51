//! "Listen": a note read aloud in the interface's language, for someone who
//! finds reading hard. Drawn only where the device can speak.

use leptos::prelude::*;

use crate::i18n::*;
use crate::platform::speech;
use crate::ui::labels::tr;

/// A button that reads `text` aloud; nothing where the device cannot speak.
#[component]
pub fn Listen(
    /// The words to read.
    text: String,
    /// What is read, for the button's name when several sit together ("Your note 2").
    #[prop(optional, into)]
    about: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    speech::can_speak().then(|| {
        let lang = match i18n.get_locale_untracked().as_str() {
            "cy" => "cy-GB",
            _ => "en-GB",
        };
        view! {
            <button
                type="button"
                class="button listen-button"
                aria-label=move || about.map(|a| format!("{} ({})", tr!(i18n, easy.listen)(), a.get()))
                on:click=move |_| speech::speak(&text, lang)
            >
                <img src="./icons/listen.svg" alt="" width="32" height="32" />
                {tr!(i18n, easy.listen)}
            </button>
        }
    })
}
