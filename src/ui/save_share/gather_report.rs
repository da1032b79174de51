//! What gathering did: how many ballots were added, updated or unchanged, and
//! each refused file or code with its reason.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::MergeReport;
use crate::ui::labels::tr;

/// The banner after a gather: green when everything was taken, amber otherwise.
#[component]
pub fn GatherReport(report: MergeReport) -> impl IntoView {
    let i18n = use_i18n();
    let r = report;
    let has_refused = !r.refused.is_empty();
    let refused = r
        .refused
        .iter()
        .map(|e| view! { <li>{e.to_string()}</li> })
        .collect_view();
    view! {
        <div class=if has_refused { "banner banner-warning" } else { "banner banner-success" } role="status">
            <p class="gather-summary">
                {t!(i18n, gather.summary, added = r.added, updated = r.updated, unchanged = r.unchanged, refused = r.refused.len())}
            </p>
            {(r.removed > 0).then(|| view! { <p>{t!(i18n, gather.removed, count = r.removed)}</p> })}
            {has_refused.then(|| view! { <ul class="error-detail">{refused}</ul> })}
            {has_refused.then(|| view! { <p>{tr!(i18n, gather.kept)}</p> })}
        </div>
    }
}
