//! Easy Read allocation: one area per screen, with its picture, what it gets
//! now, and three big choices (less, same as today, more) that move in steps of
//! 5 in every 100. The exact figures stay on screen for a supporter.

pub mod area_screen;
pub mod check_screen;
pub mod choices;
pub mod turn;

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::Id;
use crate::state::use_app;
use crate::ui::allocate::allocation_of;
use crate::ui::easy::kind_icon;
use crate::ui::labels::{kind_name, kind_total, tr};
use area_screen::EasyAreaScreen;
use check_screen::EasyCheckScreen;
use turn::EasyTurn;

/// The Easy Read allocation for one participant and one kind.
#[component]
pub fn EasyAllocate(
    /// Whose ballot.
    ballot: Id,
    /// Which kind (the first when absent or unknown).
    kind: Option<String>,
    /// Pass-the-tablet mode: finishing hands the tablet on.
    tablet: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let kind_id = Memo::new(move |_| state.workshop.with(|w| w.kind_or_first(kind.as_deref())));
    let kind_now = Memo::new(move |_| {
        let id = kind_id.get();
        state.workshop.with(|w| w.kind(&id).cloned())
    });
    let turn = EasyTurn {
        ballot,
        kind_id,
        kind: kind_now,
        allocation: allocation_of(state, ballot, kind_id),
        tablet,
        state,
        i18n,
    };
    let who = move || {
        state
            .workshop
            .with(|w| w.ballot(ballot).map(|b| b.participant.clone()))
    };
    view! {
        <p class="eyebrow">{who}</p>
        <h1 class="easy-title">
            {move || kind_now.get().map(|k| view! { <img src=kind_icon(&k) alt="" width="56" height="56" /> })}
            <span>{move || kind_now.get().map(|k| kind_name(i18n, &k))}</span>
        </h1>
        <p class="easy-line">
            {tr!(i18n, easy.resource_lead)} " "
            <strong>{move || kind_now.get().map(|k| kind_total(i18n, &k))}</strong>
        </p>
        <section class="card easy-card" aria-labelledby="easy-heading">
            {move || {
                let i = turn.step();
                if i < 5 {
                    view! { <EasyAreaScreen turn=turn index=i /> }.into_any()
                } else {
                    view! { <EasyCheckScreen turn=turn /> }.into_any()
                }
            }}
        </section>
    }
}
