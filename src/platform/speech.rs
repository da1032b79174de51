//! Reading words aloud with the browser's speech synthesis, where the device
//! has it. Every call is caught: a browser without it, or one that throws,
//! simply says nothing.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::SpeechSynthesisUtterance;

/// The browser's `speechSynthesis`, if it has one.
fn synthesis() -> Option<JsValue> {
    let window = web_sys::window()?;
    Reflect::get(&window, &JsValue::from_str("speechSynthesis"))
        .ok()
        .filter(JsValue::is_object)
}

/// Calls `target.method(arg)`, catching a throw (web-sys's own methods on
/// `SpeechSynthesis` would let it through).
fn call(target: &JsValue, method: &str, arg: &JsValue) -> Result<JsValue, JsValue> {
    Reflect::get(target, &JsValue::from_str(method))?
        .dyn_into::<Function>()?
        .call1(target, arg)
}

/// Whether this device can read words aloud.
pub fn can_speak() -> bool {
    synthesis().is_some()
}

/// Reads `text` aloud in `lang` (a BCP 47 tag such as "cy-GB"), after
/// stopping whatever is still being read, so a second press starts again
/// rather than queueing behind the first.
pub fn speak(text: &str, lang: &str) {
    let Some(synthesis) = synthesis() else {
        return;
    };
    let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    utterance.set_lang(lang);
    let _ = call(&synthesis, "cancel", &JsValue::UNDEFINED);
    let _ = call(&synthesis, "speak", &utterance);
}
