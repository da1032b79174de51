//! Keeps the field being typed into above a tablet's on-screen keyboard.
//! The keyboard shrinks the visual viewport; once it has slid up, a field it
//! covers is scrolled to the middle of what is left.

use leptos::prelude::set_timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Watches focus for the life of the page.
pub fn keep_fields_visible() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_focus = Closure::<dyn Fn(web_sys::FocusEvent)>::new(|ev: web_sys::FocusEvent| {
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
    let _ = window.add_event_listener_with_callback("focusin", on_focus.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_focus.forget();
}
