//! The QR scanner's web worker: a small module of its own, loaded only when a
//! facilitator starts scanning with a camera on a browser that has no QR
//! `BarcodeDetector` (`co_produce::platform::scanner`), so the app's first
//! download carries no QR reader. It reads each frame it is sent off the
//! page's thread and answers with the codes found.
//!
//! Messages in: `{ width, height, pixels: Uint8ClampedArray }` (RGBA).
//! Messages out: `{ ready: true }` once, when it can take frames; then one
//! `{ codes: [text…], ms }` or `{ problem: text, ms }` per frame.

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use co_produce::model::qr_reader::read_qr_codes;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    fn number(data: &JsValue, key: &str) -> usize {
        js_sys::Reflect::get(data, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_f64())
            .filter(|n| n.is_finite() && *n >= 0.0)
            .map_or(0, |n| n as usize)
    }

    fn set(reply: &js_sys::Object, key: &str, value: &JsValue) {
        let _ = js_sys::Reflect::set(reply, &JsValue::from_str(key), value);
    }

    /// Reads one frame and says what it found.
    fn read(scope: &web_sys::DedicatedWorkerGlobalScope, data: &JsValue) {
        let clock = scope.performance();
        let started = clock.as_ref().map_or(0.0, |c| c.now());
        let pixels = js_sys::Reflect::get(data, &JsValue::from_str("pixels"))
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::Uint8ClampedArray>().ok())
            .map(|a| a.to_vec())
            .unwrap_or_default();
        let reply = js_sys::Object::new();
        match read_qr_codes(number(data, "width"), number(data, "height"), &pixels) {
            Ok(codes) => {
                let list: js_sys::Array = codes.iter().map(|c| JsValue::from_str(c)).collect();
                set(&reply, "codes", &list);
            }
            Err(problem) => set(&reply, "problem", &JsValue::from_str(&problem.to_string())),
        }
        let ms = clock.as_ref().map_or(0.0, |c| c.now()) - started;
        set(&reply, "ms", &JsValue::from_f64(ms));
        let _ = scope.post_message(&reply);
    }

    pub fn start() {
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let replies = scope.clone();
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                read(&replies, &event.data())
            });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives as long as the page keeps it.
        on_message.forget();
        let ready = js_sys::Object::new();
        set(&ready, "ready", &JsValue::TRUE);
        let _ = scope.post_message(&ready);
    }
}
