//! What index.html started fetching before the module arrived.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How long start-up waits for the catalogue that index.html asked for. It is
/// small and was asked for before the module, so it is nearly always here;
/// on a venue's weak Wi-Fi the app starts without it, and the catalogue
/// follows when it comes (see `state::locale`).
const WAIT_MS: i32 = 1_000;

/// The catalogue's text that index.html fetched for the tablet's build, if
/// it came within [`WAIT_MS`]; `None` when it was not asked for, is missing,
/// or did not come in time.
pub async fn catalogue_text() -> Option<String> {
    let window = web_sys::window()?;
    let ours = js_sys::Reflect::get(&window, &JsValue::from_str("coProduce")).ok()?;
    let asked = js_sys::Reflect::get(&ours, &JsValue::from_str("catalogue")).ok()?;
    let asked = asked.dyn_into::<js_sys::Promise>().ok()?;
    let give_up = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, WAIT_MS);
    });
    let first = js_sys::Promise::race(&js_sys::Array::of2(&asked, &give_up));
    JsFuture::from(first).await.ok()?.as_string()
}
