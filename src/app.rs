//! The app shell: context, the screen switch and the catalogue fetch.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::Catalogue;
use crate::platform::route::{use_route, Route};
use crate::state::AppState;
use crate::ui::device_bar::{starting_language, DeviceBar};
use crate::ui::labels::{follow_language, tr};
use crate::ui::layout::{Header, StorageBanner};
use crate::ui::pages;

thread_local! {
    /// The language of the built-in catalogue now shown.
    static CATALOGUE_LANGUAGE: std::cell::Cell<Locale> = const { std::cell::Cell::new(Locale::en) };
    /// The language most recently chosen, for answers that arrive later.
    static CURRENT_LOCALE: std::cell::Cell<Locale> = std::cell::Cell::new(Locale::default());
}

/// Records the language chosen, so late catalogue answers for another are dropped.
pub fn note_locale(locale: Locale) {
    CURRENT_LOCALE.with(|c| c.set(locale));
}

fn use_i18n_locale_is(locale: Locale) -> bool {
    CURRENT_LOCALE.with(|c| c.get()) == locale
}

/// Starts the app in the page's body.
pub fn mount() {
    // Panic messages in the console help during development; a release build
    // leaves the hook (and its formatting code) out to stay small.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    crate::platform::keyboard::keep_fields_visible();
    // The loading page in index.html gives way to the app.
    if let Some(splash) = document().get_element_by_id("splash") {
        splash.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// The catalogue built into the app in a language: English, and each language
/// whose `public/catalogue.<tag>.json` is listed here. Others fall back to English.
fn built_in_catalogue(locale: Locale) -> Catalogue {
    let text = match locale.as_str() {
        "cy" => Some(include_str!("../public/catalogue.cy.json")),
        _ => None,
    };
    text.and_then(|t| Catalogue::parse(t).ok())
        .unwrap_or_else(Catalogue::built_in)
}

/// The hosted catalogue's file for a language: `catalogue.json` is English.
fn catalogue_file(locale: Locale) -> String {
    match locale.as_str() {
        "en" => "./catalogue.json".to_string(),
        tag => format!("./catalogue.{tag}.json"),
    }
}

/// Shows the catalogue in `locale`: the built-in copy at once, then the hosted
/// one, so a council can replace it without a rebuild; the built-in copy stays
/// if the hosted one is missing or unreadable.
pub fn load_catalogue(state: AppState, locale: Locale) {
    // The app starts with the English one built in; parsing it again is waste.
    if CATALOGUE_LANGUAGE.with(|c| c.get()) != locale {
        state.catalogue.set(built_in_catalogue(locale));
        CATALOGUE_LANGUAGE.with(|c| c.set(locale));
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
                if use_i18n_locale_is(locale) && state.catalogue.with_untracked(|c| *c != catalogue)
                {
                    state.catalogue.set(catalogue);
                }
            }
        }
    });
}

#[component]
fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    view! {
        <I18nContextProvider>
            <Shell />
        </I18nContextProvider>
    }
}

/// Everything inside the language context: header, banners and the screen.
#[component]
fn Shell() -> impl IntoView {
    let state = crate::state::use_app();
    let i18n = use_i18n();
    let start = starting_language(&crate::platform::prefs::load());
    follow_language(start);
    i18n.set_locale(start);
    // The i18n library sets the browser's language in an effect of its own
    // once mounted; this one runs after it and puts the device's choice back.
    // (Only when it differs: setting the same language would draw every screen twice.)
    Effect::new(move |_| {
        if i18n.get_locale_untracked() != start {
            i18n.set_locale(start);
        }
    });
    CURRENT_LOCALE.with(|c| c.set(start));
    load_catalogue(state, start);
    let route = use_route();
    let easy = state.easy_read;
    let live = crate::state::live::Live::new(state);
    provide_context(live);
    // The room's screen only watches; every other screen speaks as this device.
    Effect::new(move |_| live.watching.set(matches!(route.get(), Route::Present(_))));
    // What was announced on one screen (maybe the last person's figures) is
    // not left for the next screen's screen reader to find.
    Effect::new(move |_| {
        route.track();
        state.announcement.set(String::new());
    });
    view! {
            <a class="skip-link" href="#main">{tr!(use_i18n(), nav.skip)}</a>
            // The projector and a passed-round tablet show no navigation.
            <Show when=move || {
                !matches!(route.get(), Route::Present(_) | Route::Tablet { .. } | Route::TabletFinished | Route::LiveJoin(_))
            }>
                <Header route=route />
            </Show>
            <Show when=move || matches!(route.get(), Route::Tablet { .. } | Route::TabletFinished | Route::Join(_) | Route::LiveJoin(_))>
                <div class="tablet-bar"><DeviceBar /></div>
            </Show>
            <main
                id="main"
                tabindex="-1"
                class:wide=move || matches!(route.get(), Route::Present(_))
                class:easy-read=move || easy.get() && !matches!(route.get(), Route::Present(_))
            >
                <StorageBanner />
                {move || {
                // A new language or Easy Read draws the screen again, so every
                // figure and sentence follows it; the workshop itself is untouched.
                let _ = (i18n.get_locale(), easy.get());
                match route.get() {
                    Route::Setup => pages::setup::SetupPage().into_any(),
                    Route::Area(i) => view! { <pages::walkthrough::AreaStep index=i /> }.into_any(),
                    Route::Participants => pages::participants::ParticipantsPage().into_any(),
                    Route::Allocate { ballot, kind } => {
                        view! { <pages::allocate::AllocatePage ballot=ballot kind=kind /> }.into_any()
                    }
                    Route::Results(kind) => view! { <pages::results::ResultsPage kind=kind /> }.into_any(),
                    Route::Decision => pages::decision::DecisionPage().into_any(),
                    Route::Data => pages::data::DataPage().into_any(),
                    Route::Present(kind) => view! { <pages::presenter::PresenterPage kind=kind /> }.into_any(),
                    Route::Tablet { ballot: None, .. } => pages::tablet::TabletStart().into_any(),
                    Route::Tablet { ballot: Some(ballot), kind } => {
                        view! { <pages::allocate::AllocatePage ballot=ballot kind=kind tablet=true /> }.into_any()
                    }
                    Route::TabletFinished => pages::tablet::TabletFinished().into_any(),
                    Route::Print => pages::print::PrintPage().into_any(),
                    Route::Join(code) => view! { <pages::tablet::JoinPage code=code /> }.into_any(),
                    Route::LiveJoin(fragment) => view! { <pages::live_join::LiveJoinPage fragment=fragment /> }.into_any(),
                }}}
            </main>
            <div class="visually-hidden" role="status" aria-live="polite">{move || state.announcement.get()}</div>
    }
}
