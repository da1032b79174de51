//! Whether the browser thinks it has a network, as a signal.

use leptos::ev;
use leptos::prelude::*;

/// `true` while the browser reports a network connection; follows the
/// browser's `online` and `offline` events.
pub fn online_signal() -> ReadSignal<bool> {
    let initial = web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true);
    let (online, set_online) = signal(initial);
    // Both listeners go when their owner does.
    let on = window_event_listener(ev::online, move |_| set_online.set(true));
    let off = window_event_listener(ev::offline, move |_| set_online.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
    });
    online
}
