//! One kind's figures per area as a table: today, the room's average, each
//! role's beside it (the gap between them in view first), the fair split (with
//! amounts), the middle value and the range.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Area, KindAggregate, ResourceKind, Role};
use crate::ui::labels::{area_name, percent_bp, percent_tenths, role_short_name, tr};

/// The table for one kind.
#[component]
pub fn FiguresTable(
    /// The kind (for amounts and the caption).
    kind: ResourceKind,
    /// Its figures.
    agg: KindAggregate,
) -> impl IntoView {
    let i18n = use_i18n();
    let roles: Vec<Role> = agg.by_role.keys().copied().collect();
    let amount = {
        let kind = kind.clone();
        move |bp: u32| crate::ui::labels::amount(&kind.unit, kind.amount_of_share(bp))
    };
    let rows = Area::ALL
        .into_iter()
        .map(|area| {
            let all = agg.everyone.area(area).cloned();
            let role_cells = roles
                .iter()
                .map(|r| {
                    let v = agg.by_role.get(r).and_then(|g| g.area(area)).map(|s| percent_tenths(s.mean_bp));
                    view! { <td>{v.unwrap_or_default()}</td> }
                })
                .collect_view();
            let base = agg.baseline.get(area);
            let with_amount = |bp: Option<u32>| {
                bp.map(|bp| view! { {percent_tenths(bp)} <br /> <span class="small">{amount(bp)}</span> })
            };
            view! {
                <tr>
                    <th scope="row">{area_name(i18n, area)}</th>
                    <td>{percent_bp(base)}<br /><span class="small">{amount(base)}</span></td>
                    <td>{with_amount(all.as_ref().map(|s| s.mean_bp))}</td>
                    {role_cells}
                    <td>{with_amount(all.as_ref().map(|s| s.fair_bp))}</td>
                    <td>{all.as_ref().map(|s| percent_tenths(s.median_bp))}</td>
                    <td>{all.as_ref().map(|s| format!("{} – {}", percent_tenths(s.min_bp), percent_tenths(s.max_bp)))}</td>
                </tr>
            }
        })
        .collect_view();
    let role_heads = roles
        .iter()
        .map(|r| {
            let count = agg.by_role.get(r).map(|g| g.participants).unwrap_or(0);
            view! { <th scope="col">{role_short_name(i18n, *r)}<br /><span class="small">{t!(i18n, results.people, count = count)}</span></th> }
        })
        .collect_view();
    let name = crate::ui::labels::kind_name(i18n, &kind);
    let table_label = t_string!(i18n, results.table_caption, kind = name.clone()).to_string();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=table_label.clone()>
            <table class="figures">
                <caption>{table_label.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr!(i18n, common.area)}</th>
                        <th scope="col">{tr!(i18n, results.today)}</th>
                        <th scope="col">{tr!(i18n, results.mean)}</th>
                        {role_heads}
                        <th scope="col">{tr!(i18n, results.fair)}</th>
                        <th scope="col">{tr!(i18n, results.median)}</th>
                        <th scope="col">{tr!(i18n, results.range)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
