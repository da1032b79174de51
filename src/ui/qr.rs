//! A QR code drawn as SVG in the page, made on the device (works offline).

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

/// The dark modules of a QR code as one SVG path, and the code's size in modules.
fn qr_path(text: &str) -> Option<(String, i32)> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut d = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                d.push_str(&format!("M{x} {y}h1v1h-1z"));
            }
        }
    }
    Some((d, size))
}

/// A QR code for `text`, with an accessible name.
#[component]
pub fn QrCodeImage(
    /// What the code holds (a link or a ballot code).
    #[prop(into)]
    text: Signal<String>,
    /// What it is, for screen readers ("QR code of the link to join").
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    move || {
        qr_path(&text.get()).map(|(d, size)| {
            let margin = 4;
            let full = size + 2 * margin;
            view! {
                <svg
                    class="qr-code"
                    viewBox=format!("{} {} {full} {full}", -margin, -margin)
                    role="img"
                    aria-label=label.get()
                    shape-rendering="crispEdges"
                >
                    <rect x=-margin y=-margin width=full height=full fill="#fff" />
                    <path d=d fill="#000" />
                </svg>
            }
        })
    }
}
