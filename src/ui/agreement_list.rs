//! Per area of one kind, whether every role wants more, less, or the roles
//! divide (`model::agreement`), as a short list under the results.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::agreement::{agreement, Agreement};
use crate::model::KindAggregate;
use crate::ui::agreement_text::agreement_sentence;
use crate::ui::labels::tr;

/// The list for one kind's figures.
#[component]
pub fn AgreementList(
    /// The kind's figures (each role's fair split against today's).
    agg: KindAggregate,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let items = agreement(&agg)
        .into_iter()
        .map(|a| {
            let class = match a.agreement {
                Agreement::AllMore | Agreement::AllLess => "agree-all",
                Agreement::Divide { .. } => "agree-divide",
                _ => "agree-some",
            };
            view! { <li class=class>{agreement_sentence(locale, &a)}</li> }
        })
        .collect_view();
    view! {
        <div class="agreement">
            <h3>{tr!(i18n, agree.heading)}</h3>
            <p class="small">{tr!(i18n, agree.lead)}</p>
            <ul>{items}</ul>
        </div>
    }
}
