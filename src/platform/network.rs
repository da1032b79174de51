//! Whether the browser thinks it has a network, as a signal.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// `true` while the browser reports a network connection; follows the
/// browser's `online` and `offline` events.
pub fn online_signal() -> ReadSignal<bool> {
    let initial = web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true);
    let (online, set_online) = signal(initial);
    if let Some(window) = web_sys::window() {
        for (event, value) in [("online", true), ("offline", false)] {
            let callback = Closure::<dyn Fn()>::new(move || set_online.set(value));
            let _ =
                window.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
            // The listener lives as long as the page.
            callback.forget();
        }
    }
    online
}
