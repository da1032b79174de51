//! Live between windows of this browser: every saved change is posted on a
//! BroadcastChannel; where a browser lacks one, the storage event carries it.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const CHANNEL: &str = "co-produce.workshop";

/// The link to the other windows. What it listens with belongs to the owner it
/// was opened in, and stops when that owner is cleaned up.
pub struct WindowLink {
    channel: Option<web_sys::BroadcastChannel>,
}

/// The channel's message listener: dropped with its owner, it detaches first,
/// so the channel never calls a dropped closure.
struct ChannelListener {
    channel: web_sys::BroadcastChannel,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
}

impl Drop for ChannelListener {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

impl WindowLink {
    /// Opens the channel and calls `on_record` with each record another window posts.
    pub fn open(on_record: impl Fn(String) + 'static) -> WindowLink {
        let channel = web_sys::BroadcastChannel::new(CHANNEL).ok();
        if let Some(ch) = &channel {
            let on_message =
                Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                    if let Some(text) = ev.data().as_string() {
                        on_record(text);
                    }
                });
            ch.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            // Kept by the current owner; dropped (and detached) with it.
            StoredValue::new_local(ChannelListener {
                channel: ch.clone(),
                _on_message: on_message,
            });
        } else {
            // Fallback: another window's save shows up as a storage event here.
            let listener = window_event_listener(ev::storage, move |ev: web_sys::StorageEvent| {
                if let Some(text) = ev.key().and_then(|k| super::storage::saved_record_for(&k)) {
                    on_record(text);
                }
            });
            on_cleanup(move || listener.remove());
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
