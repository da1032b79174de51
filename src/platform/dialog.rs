//! The browser's own confirmation dialog, for choices that cannot be undone.

/// Asks `question` with OK and Cancel; `true` only when the person chose OK.
/// A browser that cannot ask (or blocks dialogs) counts as Cancel.
pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}
