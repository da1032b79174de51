//! The room's screen's join code: a QR code of the link that lets a tablet
//! take part, the app's address in words, and the same code full screen.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::bilingual::in_languages;
use crate::ui::qr::QrCodeImage;

/// The join code beside the room's figures: tapping it (or "Q") shows it
/// full screen. Compact (in the header, above other content) it is a button
/// to show the code: a code that small could not be scanned.
#[component]
pub fn JoinCode(
    /// A button in place of the code.
    #[prop(optional)]
    compact: bool,
    /// What the code holds: the link that joins this workshop.
    link: Memo<String>,
    /// The app's address, in words, for those who type it.
    link_text: String,
    /// Both languages side by side.
    both: Signal<bool>,
    /// Shows the code full screen.
    on_big: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let show = if compact {
        view! {
            <button class="button join-show-button" on:click=move |_| on_big.run(())>
                {move || t_string!(i18n, presenter.show_big_code).to_string()}
            </button>
        }
        .into_any()
    } else {
        view! {
            <button class="join-code-button" on:click=move |_| on_big.run(()) aria-label=move || t_string!(i18n, presenter.show_big_code).to_string()>
                <QrCodeImage text=link label=Signal::derive(move || t_string!(i18n, presenter.qr_label).to_string()) />
            </button>
        }
        .into_any()
    };
    view! {
        <div class="join">
            {show}
            <div class="join-words">
                <p>{move || in_languages(i18n, both.get(), |l| td_string!(l, presenter.join).to_string())}</p>
                <p class="join-link">{link_text}</p>
                {(!compact).then(|| view! {
                    <p class="join-hint">{move || in_languages(i18n, both.get(), |l| td_string!(l, presenter.big_code_hint).to_string())}</p>
                })}
            </div>
        </div>
    }
}

/// The join code over the whole screen, as large as it can be, until closed.
#[component]
pub fn BigCode(
    /// What the code holds.
    link: Memo<String>,
    /// Puts it away.
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let close = NodeRef::<html::Button>::new();
    // Keyboard users land on the way out.
    Effect::new(move |_| {
        if let Some(button) = close.get() {
            let _ = button.focus();
        }
    });
    view! {
        <div class="big-code" role="dialog" aria-modal="true" aria-label=move || t_string!(i18n, presenter.qr_label).to_string() on:click=move |_| on_close.run(())>
            <QrCodeImage text=link label=Signal::derive(move || t_string!(i18n, presenter.qr_label).to_string()) />
            <button class="button big-code-close" node_ref=close on:click=move |_| on_close.run(())>
                {move || t_string!(i18n, presenter.big_code_close).to_string()}
            </button>
        </div>
    }
}
