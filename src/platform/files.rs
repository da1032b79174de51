//! Files in and out: downloads made from text, and picked files read as text.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::ImportError;

/// Offers `text` to the user as a downloaded file.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "The browser could not prepare the file.".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "The browser could not prepare the file.".to_string())?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("No document.")?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "The browser could not start the download.".to_string())?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    // Let the click start the download before the address is released.
    let release = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w
            .set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// Reads a picked file as text, refusing anything over `max_bytes` unread.
pub async fn read_text(file: &web_sys::File, max_bytes: usize) -> Result<String, ImportError> {
    if file.size() > max_bytes as f64 {
        return Err(ImportError::TooLarge {
            // A file's size is a whole number of bytes, far below 2^53.
            bytes: file.size() as usize,
            limit: max_bytes,
        });
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| ImportError::Unreadable)?;
    // `File.text()` decodes any bytes, so this is only a guard.
    text.as_string().ok_or(ImportError::Unreadable)
}
