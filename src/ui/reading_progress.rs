//! Where reading a picked file has got to: a bar while a large file is read,
//! then a line while it is checked, so a facilitator opening a record of
//! thousands of people sees the app working rather than frozen.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::ImportError;
use crate::platform::clock::after_next_paint;
use crate::platform::files;
use crate::ui::labels::{fill, tr};

/// Files smaller than this are read and checked too quickly to show progress.
const SHOWN_FROM_BYTES: f64 = 2.0 * 1024.0 * 1024.0;

/// How far reading one file has got.
#[derive(Clone, Debug, PartialEq)]
pub enum Reading {
    /// Part of the named file is read: this many percent.
    Read {
        /// The file's name, as the person picked it.
        file: String,
        /// Whole percent read, 0 to 100.
        percent: u32,
    },
    /// The named file is read, and is being checked.
    Checking {
        /// The file's name.
        file: String,
    },
}

/// Reads `file` as text, refusing it over `max_bytes`, and shows how far it
/// has got in `reading` when it is large. Once read, a large file is shown
/// as "Checking…" and the browser draws that before the caller goes on to
/// check it; the caller clears `reading` when done.
pub async fn read_with_progress(
    file: &web_sys::File,
    max_bytes: usize,
    reading: RwSignal<Option<Reading>>,
) -> Result<String, ImportError> {
    let name = file.name();
    let shown = file.size() >= SHOWN_FROM_BYTES;
    let text = files::read_text(file, max_bytes, |fraction| {
        if shown {
            reading.set(Some(Reading::Read {
                file: name.clone(),
                percent: (fraction * 100.0).floor() as u32,
            }));
        }
    })
    .await;
    if shown && text.is_ok() {
        reading.set(Some(Reading::Checking { file: name }));
        after_next_paint().await;
    }
    text
}

/// The bar and its words; nothing while no large file is being read.
#[component]
pub fn ReadingProgress(
    /// How far reading has got, if a large file is being read.
    reading: RwSignal<Option<Reading>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        reading.get().map(|r| {
            let (words, percent) = match r {
                Reading::Read { file, percent } => (
                    fill(
                        tr!(i18n, data.reading)(),
                        &[("file", &file), ("percent", &percent)],
                    ),
                    Some(percent),
                ),
                Reading::Checking { file } => {
                    (fill(tr!(i18n, data.checking)(), &[("file", &file)]), None)
                }
            };
            // Without a value the bar shows work going on, not an amount.
            let bar = match percent {
                Some(p) => {
                    view! { <progress max="100" value=p aria-label=words.clone()></progress> }
                        .into_any()
                }
                None => view! { <progress aria-label=words.clone()></progress> }.into_any(),
            };
            view! {
                <div class="reading-progress" role="status">
                    <p>{words}</p>
                    {bar}
                </div>
            }
        })
    }
}
