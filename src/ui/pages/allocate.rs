//! One participant divides each resource kind across the five areas, and
//! within an area across its models.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Area, Id, KindAllocation, ResourceKind};
use crate::platform::address::replace;
use crate::platform::clock;
use crate::route::Route;
use crate::state::use_app;
use crate::ui::allocate::allocation_of;
use crate::ui::ballot_share::BallotShare;
use crate::ui::easy_allocate::EasyAllocate;
use crate::ui::kind_tabs::KindTabs;
use crate::ui::labels::{role_name, tr};
use crate::ui::share_editor::ShareEditor;

/// The allocation screen for one participant and one kind.
#[component]
pub fn AllocatePage(
    /// Whose ballot.
    ballot: Id,
    /// Which kind (the first when absent or unknown).
    kind: Option<String>,
    /// Pass-the-tablet mode: links stay in the mode, and finishing hands on.
    #[prop(optional)]
    tablet: bool,
) -> impl IntoView {
    // The same screen serves a facilitator's list of people and a passed-round tablet.
    let kind_route = move |kind| Route::turn(ballot, kind, tablet);
    let i18n = use_i18n();
    let state = use_app();
    // The page is drawn again when Easy Read is switched (see app.rs).
    if state.easy_read.get_untracked()
        && state
            .workshop
            .with_untracked(|w| w.ballot(ballot).is_some())
    {
        return view! { <EasyAllocate ballot=ballot kind=kind tablet=tablet /> }.into_any();
    }
    let exists = Memo::new(move |_| state.workshop.with(|w| w.ballot(ballot).is_some()));
    let kind_id = Memo::new(move |_| state.workshop.with(|w| w.kind_or_first(kind.as_deref())));
    let who = move || {
        state
            .workshop
            .with(|w| w.ballot(ballot).map(|b| (b.participant.clone(), b.role)))
    };
    let next_kind = move || {
        let current = kind_id.get();
        state.workshop.with(|w| {
            w.kind_after(&current)
                .map(|k| (k.id.clone(), crate::ui::labels::kind_name(i18n, k)))
        })
    };
    let kind_signal = Signal::derive(move || {
        let id = kind_id.get();
        state
            .workshop
            .with(|w| w.kind(&id).cloned())
            .unwrap_or_else(|| ResourceKind::defaults().remove(0))
    });
    let allocation = allocation_of(state, ballot, kind_id);
    let change = move |f: Box<dyn FnOnce(&mut KindAllocation)>| {
        let id = kind_id.get_untracked();
        state.change(move |w| w.update_allocation(ballot, &id, clock::now(), f));
    };
    view! {
        <Show
            when=move || exists.get()
            fallback=move || {
                view! {
                    <h1>{tr!(i18n, allocate.missing_title)}</h1>
                    <p>{tr!(i18n, allocate.missing_body)}</p>
                    <a class="button button-primary" href=Route::Participants.href()>{tr!(i18n, nav.participants)}</a>
                }
            }
        >
            <p class="eyebrow">
                {move || who().map(|(name, role)| format!("{name} · {}", role_name(i18n, role)))}
            </p>
            <h1>{tr!(i18n, allocate.title)}</h1>
            <p class="lead">{tr!(i18n, allocate.lead)}</p>
            <KindTabs
                workshop=state.workshop.into()
                current=kind_id.into()
                to=Callback::new(move |id| kind_route(Some(id)))
                replace_history=tablet
            />
            <section class="card" aria-labelledby="kind-heading">
                <h2 id="kind-heading">{move || kind_signal.with(|k| crate::ui::labels::kind_name(i18n, k))}</h2>
                {move || {
                    let _ = kind_id.get();
                    view! {
                        <ShareEditor
                            kind=kind_signal
                            shares=Signal::derive(move || allocation.get().map(|a| a.areas).unwrap_or_default())
                            locked=Signal::derive(move || allocation.get().map(|a| a.locked).unwrap_or_default())
                            on_set=Callback::new(move |(area, bp): (Area, u32)| change(Box::new(move |a| a.set_area(area, bp))))
                            on_lock=Callback::new(move |area: Area| change(Box::new(move |a| a.toggle_lock(area))))
                            date=Signal::derive(move || state.workshop.with(|w| w.date.clone()))
                            id_prefix=format!("alloc-{}", kind_id.get_untracked())
                            area_extra=Callback::new(move |area: Area| {
                                view! { <ModelSplit area=area allocation=allocation change=change kind=kind_signal /> }.into_any()
                            })
                        />
                    }
                }}
            </section>
            <BallotShare ballot=ballot />
            <div class="next-row">
                {if tablet {
                    view! {
                        <a
                            class="button button-large"
                            href=Route::TabletFinished.href()
                            on:click=move |ev| {
                                ev.prevent_default();
                                replace(&Route::TabletFinished);
                            }
                        >
                            {tr!(i18n, tablet.finish)}
                        </a>
                    }
                        .into_any()
                } else {
                    view! {
                        <a class="button button-large" href=Route::Participants.href()>
                            {tr!(i18n, allocate.done)}
                        </a>
                    }
                        .into_any()
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
        </Show>
    }
    .into_any()
}

/// Within one area, the split of the participant's share across the area's models.
#[component]
fn ModelSplit(
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
    let split = move || {
        allocation.with(|a| {
            a.as_ref()
                .map(|a| a.model_split(area, &ids()))
                .unwrap_or_default()
        })
    };
    let area_amount = move || {
        let shares = allocation.with(|a| a.as_ref().map(|a| a.areas).unwrap_or_default());
        kind.with(|k| k.amounts(shares)[area.index()])
    };
    view! {
        <details class="model-split">
            <summary>{tr!(i18n, allocate.models_summary)}</summary>
            <ul>
                {move || {
                    models
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, (id, name))| {
                            let slider_id = format!("model-{}-{}-{}", kind.with_untracked(|k| k.id.clone()), area.id(), id);
                            let bp = move || split().get(i).copied().unwrap_or(0);
                            let amount = move || {
                                let parts = crate::model::shares::amounts(area_amount(), &split());
                                kind.with(|k| crate::ui::labels::amount(&k.unit, parts.get(i).copied().unwrap_or(0)))
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
                        .collect_view()
                }}
            </ul>
        </details>
    }
}
