//! The workshop kept in the browser's local storage, as the record's working
//! copy (`model::working_copy_json`: compact, no aggregates), so what is
//! restored passes the same checks as an import.

use crate::model::{import_json, working_copy_json, Timestamp, Workshop};

/// Where the workshop is kept.
pub const WORKSHOP_KEY: &str = "co-produce.workshop.v1";
const ASIDE_PREFIX: &str = "co-produce.corrupt.";
const REPLACED_KEY: &str = "co-produce.replaced.v1";

/// What was found in storage at start-up.
pub enum Loaded {
    /// Nothing saved yet.
    Nothing,
    /// The saved workshop.
    Workshop(Workshop),
    /// A saved workshop that could not be read; it was copied to `kept_as`
    /// (or could not be, when `kept_as` is `None` and saving stays paused).
    Corrupt {
        /// Why it could not be read.
        reason: String,
        /// The storage key it was kept under.
        kept_as: Option<String>,
    },
    /// The browser gives no storage (private mode, blocked).
    Unavailable,
}

/// The browser's local storage, if it gives one (private modes and blocked
/// storage give none).
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Reads the saved workshop; an unreadable one is copied aside, never overwritten.
pub fn load(now: Timestamp) -> Loaded {
    let Some(store) = local_storage() else {
        return Loaded::Unavailable;
    };
    let Ok(Some(text)) = store.get_item(WORKSHOP_KEY) else {
        return Loaded::Nothing;
    };
    match import_json(&text) {
        Ok(w) => Loaded::Workshop(w),
        Err(e) => {
            let key = format!("{ASIDE_PREFIX}{}", now.to_rfc3339());
            let kept =
                store.set_item(&key, &text).is_ok() && store.remove_item(WORKSHOP_KEY).is_ok();
            Loaded::Corrupt {
                reason: e.to_string(),
                kept_as: kept.then_some(key),
            }
        }
    }
}

/// Keeps a copy of a workshop that is about to be replaced (by an import or a
/// fresh start), so a wrong choice can be undone; only the latest copy is kept.
pub fn keep_replaced(workshop: &Workshop) {
    if let Some(store) = local_storage() {
        let _ = store.set_item(REPLACED_KEY, &working_copy_json(workshop));
    }
}

/// Saves the workshop; an error means the browser refused (usually: full).
pub fn save(record: &str) -> Result<(), String> {
    let store = local_storage().ok_or("This browser does not allow saving.")?;
    store
        .set_item(WORKSHOP_KEY, record)
        .map_err(|_| "The browser's storage is full or blocked.".to_string())
}
