//! The facilitator's controls for the room's screen: open the presenter
//! window, hide results until revealed, reveal area by area, freeze the
//! picture, and whether a passed-round tablet shows earlier choices.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Area, RoomControls, RoomLead};
use crate::platform::address::open_window;
use crate::route::Route;
use crate::state::use_app;
use crate::ui::labels::area_name;
use crate::ui::labels::tr;

/// A switch button: its accessible name stays the same, `aria-pressed` says its state.
#[component]
fn Switch(
    /// What it switches.
    label: Signal<String>,
    /// Whether it is on.
    on: Signal<bool>,
    /// Called to flip it.
    flip: Callback<()>,
) -> impl IntoView {
    view! {
        <button
            class="switch"
            aria-pressed=move || if on.get() { "true" } else { "false" }
            on:click=move |_| flip.run(())
        >
            <span class="switch-track" aria-hidden="true"><span class="switch-thumb"></span></span>
            {label}
        </button>
    }
}

/// The room controls panel.
#[component]
pub fn RoomControlsPanel() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let join_address = state.join_address();
    let room = Memo::new(move |_| state.workshop.with(|w| w.room.clone()));
    let edit = move |f: fn(&mut RoomControls)| state.change(move |w| f(&mut w.room));
    let (blocked, set_blocked) = signal(false);
    let reveal_buttons = move || {
        Area::ALL
            .into_iter()
            .map(|area| {
                let shown = move || room.with(|r| r.revealed.contains(&area));
                view! {
                    <li>
                        <button
                            class="button reveal-button"
                            aria-pressed=move || if shown() { "true" } else { "false" }
                            on:click=move |_| {
                                state.change(move |w| {
                                    if w.room.revealed.contains(&area) {
                                        w.room.revealed.retain(|a| *a != area);
                                    } else {
                                        w.room.reveal(area);
                                    }
                                })
                            }
                        >
                            {move || t_string!(i18n, room.reveal, area = area_name(i18n, area)).to_string()}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card room-controls" aria-labelledby="room-heading">
            <h2 id="room-heading">{tr!(i18n, room.heading)}</h2>
            <div class="room-actions">
                <button
                    class="button button-primary"
                    on:click=move |_| set_blocked.set(!open_window(&Route::Present(None).href()))
                >
                    {tr!(i18n, room.open_presenter)}
                </button>
                <a class="button" href=Route::Present(None).href()>{tr!(i18n, room.presenter_here)}</a>
                <a class="button" href=Route::Tablet { ballot: None, kind: None }.href()>{tr!(i18n, room.tablet_mode)}</a>
            </div>
            <p>
                {tr!(i18n, room.join_link_lead)} " "
                <a class="join-anchor" href=join_address>
                    {tr!(i18n, room.join_link)}
                </a>
            </p>
            <p class="field-error" role="status">
                {move || blocked.get().then(|| t_string!(i18n, room.popup_blocked).to_string())}
            </p>
            <div class="switches">
                <Switch
                    label=Signal::derive(move || t_string!(i18n, room.hide_results).to_string())
                    on=Signal::derive(move || room.with(|r| r.results_hidden))
                    flip=Callback::new(move |_| edit(|r| r.results_hidden = !r.results_hidden))
                />
                <Switch
                    label=Signal::derive(move || t_string!(i18n, room.freeze).to_string())
                    on=Signal::derive(move || room.with(|r| r.frozen))
                    flip=Callback::new(move |_| edit(|r| r.frozen = !r.frozen))
                />
                <Switch
                    label=Signal::derive(move || t_string!(i18n, room.show_earlier).to_string())
                    on=Signal::derive(move || room.with(|r| r.show_earlier_choices))
                    flip=Callback::new(move |_| edit(|r| r.show_earlier_choices = !r.show_earlier_choices))
                />
                <Switch
                    label=Signal::derive(move || t_string!(i18n, device.both_languages).to_string())
                    on=Signal::derive(move || room.with(|r| r.both_languages))
                    flip=Callback::new(move |_| edit(|r| r.both_languages = !r.both_languages))
                />
            </div>
            <crate::ui::room_lead::RoomLeadChoice />
            <Show when=move || room.with(|r| r.lead == RoomLead::Words)>
                <crate::ui::wall_choice::WallChoice />
            </Show>
            <Show when=move || room.with(|r| r.results_hidden)>
                <p>{tr!(i18n, room.reveal_lead)}</p>
                <ul class="reveal-list">{reveal_buttons}</ul>
            </Show>
        </section>
    }
}
