//! While the room's screen shows people's own words: which area's notes are
//! on the wall, and whether only one role's. Saved at once, like every room
//! control, so the room's screen follows.

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::{Area, Role};
use crate::state::use_app;
use crate::ui::labels::{area_name, role_name, tr};

/// The wall's area and role filter.
#[component]
pub fn WallChoice() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let area = Memo::new(move |_| {
        state
            .workshop
            .with(|w| w.room.words_area.unwrap_or(Area::ALL[0]))
    });
    let role = Memo::new(move |_| state.workshop.with(|w| w.room.words_role));
    let area_options = Area::ALL
        .into_iter()
        .map(|a| view! { <option value=a.id()>{move || area_name(i18n, a)}</option> })
        .collect_view();
    let role_options = Role::ALL
        .into_iter()
        .map(|r| view! { <option value=r.id()>{move || role_name(i18n, r)}</option> })
        .collect_view();
    view! {
        <div class="wall-choice">
            <div class="field">
                <label for="wall-area">{tr!(i18n, room.words_area)}</label>
                <select
                    id="wall-area"
                    prop:value=move || area.get().id()
                    on:change=move |ev| {
                        let chosen = Area::from_id(&event_target_value(&ev));
                        state.change(move |w| w.room.words_area = chosen);
                    }
                >
                    {area_options}
                </select>
            </div>
            <div class="field">
                <label for="wall-role">{tr!(i18n, room.words_role)}</label>
                <select
                    id="wall-role"
                    prop:value=move || role.get().map_or("", |r| r.id())
                    on:change=move |ev| {
                        let chosen = Role::from_id(&event_target_value(&ev));
                        state.change(move |w| w.room.words_role = chosen);
                    }
                >
                    <option value="">{tr!(i18n, room.words_every_role)}</option>
                    {role_options}
                </select>
            </div>
        </div>
    }
}
