//! The language and Easy Read switches: on every screen a participant or the
//! facilitator uses, remembered by this device, changing nothing in the workshop.

use leptos::prelude::*;

use crate::i18n::*;
use crate::platform::prefs;
use crate::state::use_app;
use crate::ui::labels::tr;

/// Switches the app's language; the screen is drawn again in it and nothing
/// typed into the workshop is touched.
fn switch_language(i18n: crate::ui::labels::I18n, state: crate::state::AppState, locale: Locale) {
    crate::state::locale::choose_language(state, i18n, locale);
    // Drawing the screen again drops focus; put it back on the chosen button
    // so a keyboard or switch user carries on from where they were.
    let id = format!("language-{}", locale.as_str());
    request_animation_frame(move || {
        if let Some(button) = document().get_element_by_id(&id) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = button.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// Language buttons (each named in its own language) and the Easy Read switch.
#[component]
pub fn DeviceBar() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let easy = state.easy_read;
    let toggle_easy = move |_| {
        let on = !easy.get_untracked();
        easy.set(on);
        let mut saved = prefs::load();
        saved.easy_read = on;
        prefs::save(&saved);
    };
    let online = state.online;
    view! {
        <crate::ui::live_panel::LiveStatus />
        <Show when=move || !online.get()>
            <p class="offline-badge" role="status">
                <img src="./icons/offline.svg" alt="" width="28" height="28" />
                {tr!(i18n, device.offline)}
            </p>
        </Show>
        <div class="device-bar" role="group" aria-label=tr!(i18n, device.settings_label)>
            <div class="language-switch" role="group" aria-label=tr!(i18n, device.language_label)>
                {Locale::get_all()
                    .iter()
                    .map(|&locale| {
                        view! {
                            <button
                                type="button"
                                id=format!("language-{}", locale.as_str())
                                class="device-button"
                                lang=locale.as_str()
                                aria-pressed=move || (i18n.get_locale() == locale).to_string()
                                on:click=move |_| switch_language(i18n, state, locale)
                            >
                                {td_string!(locale, device.language_name)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <button
                type="button"
                id="easy-read-switch"
                class="device-button easy-switch"
                aria-pressed=move || easy.get().to_string()
                on:click=toggle_easy
            >
                <img src="./icons/easy_read.svg" alt="" width="28" height="28" />
                {tr!(i18n, device.easy_read)}
            </button>
        </div>
    }
}
