//! Within one area, the participant's share split across the area's models,
//! one slider per model, behind a disclosure.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Area, KindAllocation, ResourceKind};
use crate::state::use_app;
use crate::ui::labels::tr;

/// Within one area, the split of the participant's share across the area's models.
#[component]
pub fn ModelSplit(
    area: Area,
    allocation: Memo<Option<KindAllocation>>,
    change: impl Fn(Box<dyn FnOnce(&mut KindAllocation)>) + Copy + Send + Sync + 'static,
    kind: Signal<ResourceKind>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let models = Memo::new(move |_| {
        state.catalogue.with(|c| {
            c.area(area)
                .map(|a| {
                    a.models
                        .iter()
                        .map(|m| (m.id.clone(), m.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let ids = move || models.with(|m| m.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>());
    // Each model's share and amount, worked out once a change for every row,
    // and only while the rows are open: a closed split costs a slider tick nothing.
    let open = RwSignal::new(false);
    let figures = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let ids = ids();
        allocation.with(|a| {
            a.as_ref()
                .map(|a| {
                    let split = a.model_split(area, &ids);
                    let area_amount = kind.with(|k| k.amounts(a.areas)[area.index()]);
                    let parts = crate::model::shares::amounts(area_amount, &split);
                    split.into_iter().zip(parts).collect::<Vec<(u32, i64)>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <details class="model-split" on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{tr!(i18n, allocate.models_summary)}</summary>
            <ul>
                {move || {
                    if !open.get() {
                        return None;
                    }
                    let rows = models
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, (id, name))| {
                            let slider_id = format!("model-{}-{}-{}", kind.with_untracked(|k| k.id.clone()), area.id(), id);
                            let bp = move || figures.with(|f| f.get(i).map_or(0, |(bp, _)| *bp));
                            let amount = move || {
                                let part = figures.with(|f| f.get(i).map_or(0, |(_, part)| *part));
                                kind.with(|k| crate::ui::labels::amount(&k.unit, part))
                            };
                            let label = name.clone();
                            view! {
                                <li class="model-row">
                                    <label for=slider_id.clone()>{name}</label>
                                    <input
                                        type="range"
                                        id=slider_id
                                        min="0"
                                        max="10000"
                                        step="100"
                                        prop:value=move || bp().to_string()
                                        aria-valuetext=move || format!("{label}, {}, {}", crate::ui::labels::percent_bp(bp()), amount())
                                        on:input=move |ev| {
                                            if let Ok(v) = event_target_value(&ev).parse::<u32>() {
                                                let ids = ids();
                                                change(Box::new(move |a| a.set_model(area, &ids, i, v)));
                                            }
                                        }
                                    />
                                    <span class="model-figure">{move || format!("{} · {}", crate::ui::labels::percent_bp(bp()), amount())}</span>
                                </li>
                            }
                        })
                        .collect_view();
                    Some(rows)
                }}
            </ul>
        </details>
    }
}
