//! Taking a comparison away: as CSV for spreadsheets (the view as shown),
//! printed (the page's print styles leave the controls out), or saved as one
//! comparison file that opens again here.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{
    comparison_csv, export_comparison_json, Comparison, COMPARISON_SCHEMA_PATH,
    COMPARISON_SCHEMA_VERSION,
};
use crate::platform::{clock, files};
use crate::state::comparison::opened_now;
use crate::ui::labels::{fill, tr};

/// The buttons, and a line when the browser refuses a download.
#[component]
pub fn CompareExport(
    /// The comparison as shown (sorted and filtered).
    comparison: Memo<Comparison>,
) -> impl IntoView {
    let i18n = use_i18n();
    let failed = RwSignal::new(false);
    let name = move |ext: &str| format!("co-produce-comparison-{}.{ext}", clock::today());
    let download = move |file: String, mime: &str, text: String| {
        failed.set(files::download(&file, mime, &text).is_err());
    };
    let csv = move |_| {
        download(
            name("csv"),
            "text/csv",
            comparison.with_untracked(comparison_csv),
        )
    };
    let save = move |_| {
        let opened = opened_now();
        download(
            name("json"),
            "application/json",
            export_comparison_json(&opened.records, &opened.mapping),
        );
    };
    let print = move |_| {
        if let Some(win) = web_sys::window() {
            let _ = win.print();
        }
    };
    view! {
        <section class="card no-print" aria-labelledby="compare-export-heading">
            <h2 id="compare-export-heading">{tr!(i18n, compare.export_heading)}</h2>
            <div class="room-actions">
                <button class="button button-primary" on:click=save>{tr!(i18n, compare.save)}</button>
                <button class="button" on:click=csv>{tr!(i18n, compare.csv)}</button>
                <button class="button" on:click=print>{tr!(i18n, compare.print)}</button>
            </div>
            <p class="small">
                {tr!(i18n, compare.schema_note)} " "
                <a href=format!("./{COMPARISON_SCHEMA_PATH}")>
                    {fill(tr!(i18n, compare.schema_link)(), &[("version", &COMPARISON_SCHEMA_VERSION)])}
                </a>
            </p>
            {move || failed.get().then(|| view! { <p class="field-error" role="alert">{tr!(i18n, data.download_failed)}</p> })}
        </section>
    }
}
