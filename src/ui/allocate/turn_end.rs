//! The end of a participant's turn at one kind: done (or, on a passed-round
//! tablet, finished), and on to the next kind while there is one.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::Id;
use crate::platform::address::replace;
use crate::route::Route;
use crate::state::use_app;
use crate::ui::labels::kind_name;

/// The buttons under the allocation: finish the turn, or go on to the next kind.
#[component]
pub fn TurnEnd(
    /// Whose ballot.
    ballot: Id,
    /// The kind being divided.
    kind_id: Memo<String>,
    /// Pass-the-tablet mode: links stay in the mode, and finishing hands on.
    tablet: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let kind_route = move |kind| Route::turn(ballot, kind, tablet);
    // Memos: the buttons are drawn again when the next step changes, not on every tick.
    let next_kind = Memo::new(move |_| {
        let current = kind_id.get();
        state.workshop.with(|w| {
            w.kind_after(&current)
                .map(|k| (k.id.clone(), kind_name(i18n, k)))
        })
    });
    let next_kind = move || next_kind.get();
    let check = Memo::new(move |_| state.workshop.with(|w| w.partnership_check));
    let finish = move || Route::after_dividing(ballot, tablet, check.get());
    let words = Route::Words {
        ballot,
        area: 0,
        tablet,
    };
    view! {
        <div class="next-row">
            <a
                class="button button-large"
                href=words.href()
                on:click=move |ev| {
                    if tablet {
                        ev.prevent_default();
                        replace(&words);
                    }
                }
            >
                {crate::ui::labels::tr!(i18n, words.link)}
            </a>
            {move || {
                let target = finish();
                let label = match target {
                    Route::Partnership { .. } => format!("{} →", t_string!(i18n, partnership.to_check)),
                    Route::TabletFinished => t_string!(i18n, tablet.finish).to_string(),
                    _ => t_string!(i18n, allocate.done).to_string(),
                };
                // On the last kind, the check that follows is the next step.
                let primary = matches!(target, Route::Partnership { .. }) && next_kind().is_none();
                view! {
                    <a
                        class=if primary { "button button-primary button-large" } else { "button button-large" }
                        href=target.href()
                        on:click=move |ev| {
                            if tablet {
                                ev.prevent_default();
                                replace(&target);
                            }
                        }
                    >
                        {label}
                    </a>
                }
            }}
            {move || {
                next_kind()
                    .map(|(id, name)| {
                        view! {
                            <a
                                class="button button-primary button-large"
                                href=kind_route(Some(id.clone())).href()
                                on:click={
                                    let target = kind_route(Some(id));
                                    move |ev| {
                                        if tablet {
                                            ev.prevent_default();
                                            replace(&target);
                                        }
                                    }
                                }
                            >
                                {t!(i18n, allocate.next_kind, kind = name)}
                                " →"
                            </a>
                        }
                    })
            }}
        </div>
    }
}
