//! One evidence-based model's card.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::SupportModel;
use crate::ui::labels::tr;

/// One evidence-based model, with its costs, what it achieves and its sources.
#[component]
pub fn ModelCard(
    /// The model shown.
    model: SupportModel,
) -> impl IntoView {
    let i18n = use_i18n();
    let sources = model
        .sources
        .iter()
        .map(|s| {
            let text = format!("{} ({})", s.title, s.year);
            match &s.url {
                Some(url) if url.starts_with("https://") => {
                    view! { <li><a href=url.clone() rel="noopener noreferrer" target="_blank">{text}</a></li> }.into_any()
                }
                _ => view! { <li>{text}</li> }.into_any(),
            }
        })
        .collect_view();
    let note = (!model.evidence_note.is_empty()).then(|| {
        view! {
            <div class="model-fact">
                <dt>{tr!(i18n, walk.evidence)}</dt>
                <dd>{model.evidence_note.clone()}</dd>
            </div>
        }
    });
    view! {
        <article class="card model-card">
            <h3>{model.name.clone()}</h3>
            <p>{model.summary.clone()}</p>
            <dl>
                <div class="model-fact">
                    <dt>{tr!(i18n, walk.costs)}</dt>
                    <dd>{model.costs.clone()}</dd>
                </div>
                <div class="model-fact">
                    <dt>{tr!(i18n, walk.achieves)}</dt>
                    <dd>{model.achieves.clone()}</dd>
                </div>
                {note}
            </dl>
            <details class="sources">
                <summary>{tr!(i18n, walk.sources)}</summary>
                <ul>{sources}</ul>
            </details>
        </article>
    }
}
