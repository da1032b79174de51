//! The comparison's own styles, on screen and in print. Drawn by the page
//! itself, so they travel in the facilitator's build only and the shared
//! stylesheet (which every tablet downloads) does not grow.

use leptos::prelude::*;

const COMPARE_CSS: &str = include_str!("compare.css");

/// The comparison's stylesheet, as a `<style>` element.
#[component]
pub fn CompareStyle() -> impl IntoView {
    view! { <style>{COMPARE_CSS}</style> }
}
