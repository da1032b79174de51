//! One participant's Easy Read turn at one kind, shared by its screens: which
//! screen shows, moving between them, and changing an area's share.

use leptos::prelude::*;

use crate::model::{Area, Id, KindAllocation, ResourceKind};
use crate::route::Route;
use crate::state::AppState;
use crate::ui::labels::{kind_name, I18n};
use crate::ui::share_editor::announce_rebalance;

/// One participant's Easy Read turn at one kind: who, which kind, their split
/// so far, and the screen they are on; shared by the turn's screens.
#[derive(Clone, Copy)]
pub struct EasyTurn {
    /// Whose ballot.
    pub ballot: Id,
    /// Which kind.
    pub kind_id: Memo<String>,
    /// The kind itself, while it exists.
    pub kind: Memo<Option<ResourceKind>>,
    /// The participant's split of the kind.
    pub allocation: Memo<Option<KindAllocation>>,
    /// Pass-the-tablet mode: finishing hands the tablet on.
    pub tablet: bool,
    /// The app's state.
    pub state: AppState,
    /// The language the turn is in.
    pub i18n: I18n,
}

impl EasyTurn {
    /// The screen showing: 0 to 4 are the areas, 5 is "your choices".
    pub fn step(self) -> usize {
        let state = self.state;
        state.easy_place.with(|p| match p {
            Some((b, k, i)) if *b == self.ballot && *k == self.kind_id.get() => *i,
            _ => 0,
        })
    }

    /// Shows screen `i` of the turn.
    pub fn go(self, i: usize) {
        let state = self.state;
        state
            .easy_place
            .set(Some((self.ballot, self.kind_id.get_untracked(), i)));
        // The new screen's heading takes focus once drawn, so a screen reader
        // reads the next area and a keyboard user starts from its top.
        request_animation_frame(|| {
            if let Some(h) = document().get_element_by_id("easy-heading") {
                use wasm_bindgen::JsCast;
                if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        });
    }

    /// Sets an area's share and says how the others moved to make room.
    pub fn set_area(self, area: Area, bp: u32) {
        let state = self.state;
        let (ballot, allocation) = (self.ballot, self.allocation);
        let before = allocation
            .get_untracked()
            .map(|a| a.areas)
            .unwrap_or_default();
        let id = self.kind_id.get_untracked();
        state.change_allocation(ballot, &id, move |a: &mut KindAllocation| {
            a.set_area(area, bp)
        });
        let after = allocation
            .get_untracked()
            .map(|a| a.areas)
            .unwrap_or_default();
        announce_rebalance(self.i18n, state.announcement, area, &before, &after);
    }

    /// The kind after this one, with its name, if there is one.
    pub fn next_kind(self) -> Option<(String, String)> {
        let state = self.state;
        let current = self.kind_id.get();
        state.workshop.with(|w| {
            w.kind_after(&current)
                .map(|k| (k.id.clone(), kind_name(self.i18n, k)))
        })
    }

    /// Where finishing the last kind leads (the partnership check, when the
    /// workshop asks it after dividing).
    pub fn after_dividing(self) -> Route {
        let check = self.state.workshop.with(|w| w.partnership_check);
        Route::after_dividing(self.ballot, self.tablet, check)
    }

    /// Whether the partnership check follows the last kind.
    pub fn checks_after(self) -> bool {
        matches!(self.after_dividing(), Route::Partnership { .. })
    }

    /// The same participant's turn at another kind.
    pub fn kind_route(self, kind: Option<String>) -> Route {
        Route::turn(self.ballot, kind, self.tablet)
    }
}
