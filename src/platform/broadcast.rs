//! Live between windows of this browser: every saved change is posted on a
//! BroadcastChannel; where a browser lacks one, the storage event carries it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const CHANNEL: &str = "co-produce.workshop";

/// The link to the other windows; dropping it is fine, it lives for the page.
pub struct WindowLink {
    channel: Option<web_sys::BroadcastChannel>,
}

impl WindowLink {
    /// Opens the channel and calls `on_record` with each record another window posts.
    pub fn open(on_record: impl Fn(String) + 'static) -> WindowLink {
        let on_record = std::rc::Rc::new(on_record);
        let channel = web_sys::BroadcastChannel::new(CHANNEL).ok();
        if let Some(ch) = &channel {
            let handler = on_record.clone();
            let listener =
                Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                    if let Some(text) = ev.data().as_string() {
                        handler(text);
                    }
                });
            ch.set_onmessage(Some(listener.as_ref().unchecked_ref()));
            // The listener lives as long as the page.
            listener.forget();
        } else if let Some(w) = web_sys::window() {
            // Fallback: another window's save shows up as a storage event here.
            let handler = on_record.clone();
            let listener =
                Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
                    if ev.key().as_deref() == Some(super::storage::WORKSHOP_KEY) {
                        if let Some(text) = ev.new_value() {
                            handler(text);
                        }
                    }
                });
            let _ =
                w.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
            listener.forget();
        }
        WindowLink { channel }
    }

    /// Tells the other windows about a saved record.
    pub fn post(&self, record: &str) {
        if let Some(ch) = &self.channel {
            let _ = ch.post_message(&JsValue::from_str(record));
        }
    }
}
