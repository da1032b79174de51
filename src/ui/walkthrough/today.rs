//! Today's spend on an area.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::Area;
use crate::state::use_app;
use crate::ui::labels::period_name;

/// Today's amount and share of each resource kind in this area.
#[component]
pub fn TodayFigures(
    /// The area of this step.
    area: Area,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    view! {
        <dl class="today-figures">
            {move || {
                state
                    .workshop
                    .with(|w| w.kinds.clone())
                    .into_iter()
                    .map(|k| {
                        let amount = k.baseline_amounts()[area.index()];
                        let pct = crate::ui::labels::percent_bp(k.baseline.get(area));
                        view! {
                            <div>
                                <dt>{crate::ui::labels::kind_name(i18n, &k)}</dt>
                                <dd>
                                    <strong>{crate::ui::labels::amount(&k.unit, amount)}</strong>
                                    " "
                                    {period_name(i18n, k.period)}
                                    <span class="small">
                                        " · " {t!(i18n, walk.share_of_total, pct = pct)}
                                    </span>
                                </dd>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </dl>
    }
}
