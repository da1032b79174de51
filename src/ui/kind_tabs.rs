//! The row of resource kinds above an allocation, the results or the room's
//! screen: one tab per kind, the shown one marked.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::ResourceKind;
use crate::platform::address::replace;
use crate::route::Route;
use crate::ui::labels::{kind_name, tr};

/// Tabs for `kinds`, each leading to `to(kind id)`.
#[component]
pub fn KindTabs(
    /// The kinds to show (a memo of the workshop's, so a slider tick, which
    /// changes a ballot, does not draw the tabs again; the presenter's may be paused).
    kinds: Signal<Vec<ResourceKind>>,
    /// The id of the kind shown now.
    current: Signal<String>,
    /// Where a kind's tab leads.
    to: Callback<String, Route>,
    /// Pass-the-tablet: move without a history entry, so Back cannot bring
    /// back an earlier person's screen.
    #[prop(optional)]
    replace_history: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let tabs = move || {
        let current = current.get();
        kinds.with(|kinds| {
            kinds
                .iter()
                .map(|k| {
                    let target = to.run(k.id.clone());
                    let href = target.href();
                    view! {
                        <li>
                            <a
                                class="tab"
                                href=href
                                aria-current=(k.id == current).then_some("page")
                                on:click=move |ev| {
                                    if replace_history {
                                        ev.prevent_default();
                                        replace(&target);
                                    }
                                }
                            >
                                {kind_name(i18n, k)}
                            </a>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <nav aria-label=tr!(i18n, allocate.kinds_label)>
            <ul class="tabs">{tabs}</ul>
        </nav>
    }
}
