//! Files in and out: downloads made from text, and picked files read as text.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::ImportError;

/// The files just picked in a file input (`ev` is its change event). The
/// input is emptied, so picking the same file again (after fixing it) is a
/// change too.
pub fn picked(ev: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = file_list(input.files());
    input.set_value("");
    files
}

/// The files dropped on a drop zone (`ev` is its drop event).
pub fn dropped(ev: &web_sys::DragEvent) -> Vec<web_sys::File> {
    file_list(ev.data_transfer().and_then(|d| d.files()))
}

fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

/// The browser would not make or start a download (worded by the screen).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DownloadFailed;

/// Offers `text` to the user as a downloaded file.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), DownloadFailed> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| DownloadFailed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| DownloadFailed)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadFailed)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| DownloadFailed)?
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

/// How much of a file is read at a time: small enough that reading a large
/// file shows its progress, large enough that a small one is read at once.
const PIECE_BYTES: usize = 4 * 1024 * 1024;

/// Reads a picked file as text, refusing anything over `max_bytes` unread.
/// The file is read in pieces straight into one buffer of its size (a large
/// file is never held twice as text), telling `progress` how much of it has
/// been read (0.0 to 1.0) after each piece; the browser draws between pieces.
pub async fn read_text(
    file: &web_sys::File,
    max_bytes: usize,
    progress: impl Fn(f64),
) -> Result<String, ImportError> {
    if file.size() > max_bytes as f64 {
        return Err(ImportError::TooLarge {
            // A file's size is a whole number of bytes, far below 2^53.
            bytes: file.size() as usize,
            limit: max_bytes,
        });
    }
    let size = file.size() as usize;
    let mut bytes = Vec::new();
    // A browser that cannot give this much memory says so, rather than the app stopping.
    bytes
        .try_reserve_exact(size)
        .map_err(|_| ImportError::Unreadable)?;
    while bytes.len() < size {
        let start = bytes.len();
        let end = (start + PIECE_BYTES).min(size);
        let piece = file
            .slice_with_f64_and_f64(start as f64, end as f64)
            .map_err(|_| ImportError::Unreadable)?;
        let buffer = JsFuture::from(piece.array_buffer())
            .await
            .map_err(|_| ImportError::Unreadable)?;
        let array = js_sys::Uint8Array::new(&buffer);
        // A file changed on disk while it was read gives a short piece.
        if array.length() as usize != end - start {
            return Err(ImportError::Unreadable);
        }
        bytes.resize(end, 0);
        array.copy_to(&mut bytes[start..end]);
        progress(end as f64 / size as f64);
    }
    // As `File.text()` did: bytes that are not UTF-8 read as U+FFFD, which
    // the JSON parser then places if they matter.
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}
