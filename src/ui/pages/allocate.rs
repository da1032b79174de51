//! One participant divides each resource kind across the five areas, and
//! within an area across its models.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Area, Id, KindAllocation, ResourceKind};
use crate::route::Route;
use crate::state::use_app;
use crate::ui::allocate::allocation_of;
use crate::ui::allocate::model_split::ModelSplit;
use crate::ui::allocate::own_shift::OwnShift;
use crate::ui::allocate::turn_end::TurnEnd;
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
    let who = Memo::new(move |_| {
        state
            .workshop
            .with(|w| w.ballot(ballot).map(|b| (b.participant.clone(), b.role)))
    });
    // Memos, so views of the kind and the date are not drawn again on a slider tick.
    let kind_signal = Memo::new(move |_| {
        let id = kind_id.get();
        state
            .workshop
            .with(|w| w.kind(&id).cloned())
            .unwrap_or_else(|| ResourceKind::defaults().remove(0))
    });
    let allocation = allocation_of(state, ballot, kind_id);
    let shares =
        Memo::new(move |_| allocation.with(|a| a.as_ref().map(|a| a.areas).unwrap_or_default()));
    let locked = Memo::new(move |_| {
        allocation.with(|a| a.as_ref().map(|a| a.locked.clone()).unwrap_or_default())
    });
    let date = Memo::new(move |_| state.workshop.with(|w| w.date.clone()));
    let change = move |f: Box<dyn FnOnce(&mut KindAllocation)>| {
        let id = kind_id.get_untracked();
        state.change_allocation(ballot, &id, f);
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
                {move || who.get().map(|(name, role)| format!("{name} · {}", role_name(i18n, role)))}
            </p>
            <h1>{tr!(i18n, allocate.title)}</h1>
            <p class="lead">{tr!(i18n, allocate.lead)}</p>
            <KindTabs
                kinds=state.kinds().into()
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
                            shares=shares
                            locked=locked
                            on_set=Callback::new(move |(area, bp): (Area, u32)| change(Box::new(move |a| a.set_area(area, bp))))
                            on_lock=Callback::new(move |area: Area| change(Box::new(move |a| a.toggle_lock(area))))
                            date=date
                            id_prefix=format!("alloc-{}", kind_id.get_untracked())
                            area_extra=Callback::new(move |area: Area| {
                                view! { <ModelSplit area=area allocation=allocation change=change kind=kind_signal.into() /> }.into_any()
                            })
                        />
                    }
                }}
            </section>
            <OwnShift allocation=allocation kind=kind_signal />
            <BallotShare ballot=ballot />
            <TurnEnd ballot=ballot kind_id=kind_id tablet=tablet />
        </Show>
    }
    .into_any()
}
