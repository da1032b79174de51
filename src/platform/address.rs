//! The address bar: which screen is shown, going to another, and this app's
//! own address for links and new windows.

use leptos::ev;
use leptos::prelude::*;

use crate::route::{Build, Route};

/// This app's address without a screen: what participants can type.
pub fn app_address() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// A signal of the current screen, following the address bar.
pub fn use_route() -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::parse(&current_hash()));
    let listener = window_event_listener(ev::hashchange, move |_| {
        set_route.set(Route::parse(&current_hash()));
        // A new screen starts at its top, like a new page would.
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    on_cleanup(move || listener.remove());
    route
}

/// Goes to a screen in place of the current one (no history entry), so Back
/// on a passed-round tablet cannot bring back the previous person's screen.
pub fn replace(route: &Route) {
    if let Some(w) = web_sys::window() {
        let _ = w
            .location()
            .replace(&format!("{}{}", app_address(), route.href()));
    }
}

/// Goes to a screen (adds a history entry, so Back works).
pub fn go(route: &Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.href());
    }
}

/// Opens another screen of the app in a new window (the presenter view).
pub fn open_window(fragment: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    w.open_with_url_and_target(
        &format!("{}{fragment}", app_address()),
        "co-produce-presenter",
    )
    .ok()
    .flatten()
    .is_some()
}

/// The key by which a build asks index.html's loader for another build on
/// the next load (see `load_build`).
const WANT_BUILD: &str = "co-produce.build";

/// Loads the page again with `build`, for a screen this build does not have
/// (say a facilitator leaves pass-the-tablet mode, or opens "Compare
/// places"). The mark in session storage makes index.html's loader pick that
/// build whatever the address says, and is used up by it; `build` is the one
/// that `Route::build` names for the screen, so this can never loop.
pub fn load_build(build: Build) {
    let Some(w) = web_sys::window() else {
        return;
    };
    if let Ok(Some(session)) = w.session_storage() {
        let _ = session.set_item(WANT_BUILD, build.name());
    }
    let _ = w.location().reload();
}
