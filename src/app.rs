//! The app shell: context, the screen switch and the catalogue fetch.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::Catalogue;
use crate::platform::route::{use_route, Route};
use crate::state::AppState;
use crate::ui::labels::tr;
use crate::ui::layout::{Header, StorageBanner};
use crate::ui::pages;

/// Starts the app in the page's body.
pub fn mount() {
    // Panic messages in the console help during development; a release build
    // leaves the hook (and its formatting code) out to stay small.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// Fetches the hosted catalogue so a council can replace it without a rebuild;
/// the built-in copy stays if it is missing or unreadable.
fn load_hosted_catalogue(state: AppState) {
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(response) = gloo_net::http::Request::get("./catalogue.json")
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
                state.catalogue.set(catalogue);
            }
        }
    });
}

#[component]
fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    load_hosted_catalogue(state);
    let route = use_route();
    view! {
        <I18nContextProvider>
            <a class="skip-link" href="#main">{tr!(use_i18n(), nav.skip)}</a>
            // The projector and a passed-round tablet show no navigation.
            <Show when=move || {
                !matches!(route.get(), Route::Present(_) | Route::Tablet { .. } | Route::TabletFinished)
            }>
                <Header route=route />
            </Show>
            <main id="main" tabindex="-1" class:wide=move || matches!(route.get(), Route::Present(_))>
                <StorageBanner />
                {move || match route.get() {
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
                }}
            </main>
        </I18nContextProvider>
    }
}
