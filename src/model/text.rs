//! Small helpers for quoting untrusted text back to people.

/// Text made safe for a file name: lowercase ASCII letters and digits, runs of
/// anything else as one `-`, at most `max` characters; "workshop" if nothing is left.
pub fn file_slug(text: &str, max: usize) -> String {
    let mapped: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug: String = mapped
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .take(max)
        .collect();
    if slug.is_empty() {
        "workshop".to_string()
    } else {
        slug
    }
}

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
