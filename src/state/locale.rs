//! The app's language and the catalogue shown in it. The language itself lives
//! in the i18n context; this module only reads it, so nothing here keeps a copy.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::Catalogue;
use crate::platform::prefs::{self, DevicePrefs};
use crate::state::AppState;

/// The i18n context, which knows the language now shown.
type I18n = leptos_i18n::I18nContext<Locale>;

/// The language a device starts in: its own last choice, else the first of the
/// browser's languages we have, else English.
pub fn starting_language(saved: &DevicePrefs) -> Locale {
    let ours = |tag: &str| -> Option<Locale> {
        let base = tag
            .split(['-', '_'])
            .next()
            .unwrap_or(tag)
            .to_ascii_lowercase();
        base.parse::<Locale>().ok()
    };
    saved
        .language
        .as_deref()
        .and_then(ours)
        .or_else(|| prefs::browser_languages().iter().find_map(|t| ours(t)))
        .unwrap_or_default()
}

/// Starts the app in the device's language and its catalogue. The app's state
/// starts with the English catalogue built in, or the hosted one already read.
pub fn start_language(state: AppState, i18n: I18n) -> Locale {
    let start = starting_language(&prefs::load());
    i18n.set_locale(start);
    load_catalogue(state, i18n, Locale::en, start);
    start
}

/// Switches to `locale` and remembers it for this device; nothing typed into
/// the workshop is touched.
pub fn choose_language(state: AppState, i18n: I18n, locale: Locale) {
    // The catalogue shown is always in the language shown until now.
    load_catalogue(state, i18n, i18n.get_locale_untracked(), locale);
    i18n.set_locale(locale);
    let mut saved = prefs::load();
    saved.language = Some(locale.as_str().to_string());
    prefs::save(&saved);
}

/// The catalogue built into this build in a language, falling back to its
/// English one; `None` in a build that carries none.
fn built_in_catalogue(state: AppState, locale: Locale) -> Option<Catalogue> {
    (state.built_in)(locale.as_str())
        .or_else(|| (state.built_in)("en"))
        .and_then(|text| Catalogue::parse(text).ok())
}

/// The hosted catalogue's file for a language: `catalogue.json` is English.
fn catalogue_file(locale: Locale) -> String {
    match locale.as_str() {
        "en" => "./catalogue.json".to_string(),
        tag => format!("./catalogue.{tag}.json"),
    }
}

/// Shows the catalogue in `locale` (the one shown now being in `shown`): the
/// built-in copy at once (where the build has one), then the hosted one, so a council can replace it
/// without a rebuild; the built-in copy stays if the hosted one is missing or
/// unreadable.
fn load_catalogue(state: AppState, i18n: I18n, shown: Locale, locale: Locale) {
    // Parsing the catalogue already shown again is waste.
    if shown != locale {
        if let Some(catalogue) = built_in_catalogue(state, locale) {
            state.catalogue.set(catalogue);
        }
    }
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(response) = gloo_net::http::Request::get(&catalogue_file(locale))
            .send()
            .await
        else {
            return;
        };
        if !response.ok() {
            return;
        }
        if let Ok(text) = response.text().await {
            if let Ok(catalogue) = Catalogue::parse(&text) {
                // The language may have changed again while this was on its way.
                // Setting an identical catalogue would draw every card twice.
                if i18n.get_locale_untracked() == locale
                    && state.catalogue.with_untracked(|c| *c != catalogue)
                {
                    state.catalogue.set(catalogue);
                }
            }
        }
    });
}
