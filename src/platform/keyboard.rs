//! Keeps the field being typed into above a tablet's on-screen keyboard.
//! The keyboard shrinks the visual viewport; once it has slid up, a field it
//! covers is scrolled to the middle of what is left.

use leptos::ev;
use leptos::prelude::{on_cleanup, set_timeout, window_event_listener};
use wasm_bindgen::JsCast;

/// Watches focus for as long as the current owner (the app) lives.
pub fn keep_fields_visible() {
    let listener = window_event_listener(ev::focusin, |ev: web_sys::FocusEvent| {
        let Some(field) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        if !matches!(field.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") {
            return;
        }
        // The keyboard takes a moment to appear and resize the viewport.
        set_timeout(
            move || {
                let Some(window) = web_sys::window() else {
                    return;
                };
                // Only the field still being typed into: by now the person may
                // have moved on (a screen change keeps the same field element
                // for the next step), and scrolling to it would move the page
                // under their finger.
                let focused = window
                    .document()
                    .and_then(|d| d.active_element())
                    .is_some_and(|active| &active == AsRef::<web_sys::Element>::as_ref(&field));
                if !focused || !field.is_connected() {
                    return;
                }
                let visible = window
                    .visual_viewport()
                    .map(|v| v.height())
                    .or_else(|| window.inner_height().ok().and_then(|h| h.as_f64()))
                    .unwrap_or(f64::MAX);
                let rect = field.get_bounding_client_rect();
                if rect.bottom() > visible || rect.top() < 0.0 {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    field.scroll_into_view_with_scroll_into_view_options(&options);
                }
            },
            std::time::Duration::from_millis(350),
        );
    });
    on_cleanup(move || listener.remove());
}
