//! This device's own choices (language, Easy Read), kept apart from the
//! workshop: they belong to the tablet, not to the record that is shared.

use serde::{Deserialize, Serialize};

use super::storage::local_storage;

const PREFS_KEY: &str = "co-produce.device.v1";

/// What this device remembers about how to show the app.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DevicePrefs {
    /// The language tag last chosen ("en", "cy"), if any.
    pub language: Option<String>,
    /// Whether Easy Read is on.
    pub easy_read: bool,
}

/// The saved choices; anything unreadable counts as none chosen yet.
pub fn load() -> DevicePrefs {
    local_storage()
        .and_then(|s| s.get_item(PREFS_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Remembers the choices; a full or blocked store only means they are not kept.
pub fn save(prefs: &DevicePrefs) {
    if let (Some(store), Ok(text)) = (local_storage(), serde_json::to_string(prefs)) {
        let _ = store.set_item(PREFS_KEY, &text);
    }
}

/// The browser's preferred languages, most preferred first ("cy-GB", "en").
pub fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    window
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}
