//! The split applied to each projected year's total, in a table.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Area, AreaShares, ResourceKind};
use crate::ui::labels::{area_name, tr, year_label};

use super::change::{change_text, direction};

/// The split applied to each projected year's total, against today's amounts.
#[component]
pub fn ProjectedYears(
    kind: Signal<ResourceKind>,
    shares: Signal<AreaShares>,
    date: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    // The table is drawn only while open: closed, a slider tick costs it nothing.
    let open = RwSignal::new(false);
    view! {
        <details class="projected" on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{tr!(i18n, allocate.projected_summary)}</summary>
            <div
                class="table-scroll"
                tabindex="0"
                role="region"
                aria-label=tr!(i18n, allocate.projected_caption)
            >
                <table class="figures">
                    <caption class="visually-hidden">{tr!(i18n, allocate.projected_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr!(i18n, common.area)}</th>
                            {move || {
                                let years = kind.with(|k| k.projected.len());
                                (1..=years)
                                    .map(|n| {
                                        let d = date.get();
                                        view! {
                                            <th scope="col">
                                                {year_label(i18n, &d, n)}
                                                <br />
                                                <span class="small">
                                                    {kind.with(|k| crate::ui::labels::amount(&k.unit, k.projected[n - 1]))}
                                                </span>
                                            </th>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            if !open.get() {
                                return None;
                            }
                            let k = kind.get();
                            let s = shares.get();
                            let today = k.baseline_amounts();
                            Area::ALL
                                .into_iter()
                                .map(|area| {
                                    let cells = k
                                        .projected
                                        .iter()
                                        .map(|&total| {
                                            let amount = crate::model::resource::amounts_of(total, s)[area.index()];
                                            let base = today[area.index()];
                                            view! {
                                                <td>
                                                    {crate::ui::labels::amount(&k.unit, amount)}
                                                    <br />
                                                    <span class=format!("small change change-{}", direction(amount - base))>
                                                        {change_text(&k, amount, base)}
                                                    </span>
                                                </td>
                                            }
                                        })
                                        .collect_view();
                                    view! {
                                        <tr>
                                            <th scope="row">{area_name(i18n, area)}</th>
                                            {cells}
                                        </tr>
                                    }
                                })
                                .collect_view()
                                .into()
                        }}
                    </tbody>
                </table>
            </div>
            <p class="small">{tr!(i18n, allocate.projected_note)}</p>
        </details>
    }
}
