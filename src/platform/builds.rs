//! The app's builds as index.html's loader names them
//! (`window.coProduce.builds`, with the hashed names `scripts/name_builds.py`
//! wrote in).

use wasm_bindgen::JsValue;

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// A build's script and wasm, by the loader's name for it ("records",
/// "scanner"); `None` on a page the loader did not run on.
pub fn files(build: &str) -> Option<(String, String)> {
    let builds = get(&js_sys::global(), "coProduce").and_then(|c| get(&c, "builds"))?;
    let build = get(&builds, build)?;
    Some((
        get(&build, "js")?.as_string()?,
        get(&build, "wasm")?.as_string()?,
    ))
}

/// Fetches `files` without using them, so that the service worker keeps a
/// copy (it keeps every build file a page asks for) for use offline later.
pub fn keep_for_offline(files: impl IntoIterator<Item = String>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    for file in files {
        // Nothing waits for these; a failure only means no offline copy yet.
        let _ = window.fetch_with_str(&file);
    }
}
