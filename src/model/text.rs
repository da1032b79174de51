//! Small helpers for quoting untrusted text back to people.

/// At most `max` characters of `text`, with "…" when cut, for error messages.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max).collect();
        cut.push('…');
        cut
    }
}
