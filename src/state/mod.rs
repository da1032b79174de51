//! App state: model values in signals, handed down by context.

pub mod catalogues;
pub mod comparison;
pub mod live;
pub mod locale;
mod persist;

pub use persist::SaveState;
use persist::{Pending, MERGE, REPLACE};

use leptos::prelude::*;

use crate::model::join::join_code;
use crate::model::pieces::StoredPieces;
use crate::model::rules::try_update_allocation;
use crate::model::{
    import_json, merge_into, validate, Catalogue, Id, ImportError, KindAllocation, ResourceKind,
    Workshop,
};
use crate::platform::address::app_address;
use crate::platform::broadcast::WindowLink;
use crate::platform::{clock, random, storage};
use crate::route::Route;

/// A warning from start-up about what was in storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartupWarning {
    /// Why the saved workshop could not be read.
    pub reason: ImportError,
    /// Where it was kept.
    pub kept_as: Option<String>,
}

/// Everything the screens share. Copy, because it only holds signals.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The workshop on this device.
    pub workshop: RwSignal<Workshop>,
    /// The catalogue of models (built in until `catalogue.json` arrives).
    pub catalogue: RwSignal<Catalogue>,
    /// The catalogues this build carries, by language (none in the tablet's).
    pub built_in: catalogues::BuiltIn,
    /// Whether the workshop is safely stored.
    pub save_state: RwSignal<SaveState>,
    /// What start-up found wrong with storage, if anything.
    pub startup_warning: RwSignal<Option<StartupWarning>>,
    /// Why the last change was not made, if it was refused (worded by the screen).
    pub refused_change: RwSignal<Option<ImportError>>,
    /// Whether this device shows Easy Read (a device choice, not the workshop's).
    pub easy_read: RwSignal<bool>,
    /// Whether the browser reports a network (for the offline indicator).
    pub online: ReadSignal<bool>,
    /// The latest sentence for screen readers ("Day activities went down to 18%").
    pub announcement: RwSignal<String>,
    /// Where Easy Read allocation is: (ballot, kind, area index). Kept here so a
    /// language switch, which draws the screen again, keeps the place.
    pub easy_place: RwSignal<Option<(Id, String, usize)>>,
    /// What the next save must do (see [`Pending`]).
    pending: StoredValue<Pending>,
}

impl AppState {
    /// Loads the saved workshop (or starts one) and saves every later change.
    /// The catalogue shown first is `first` (the hosted one, already read),
    /// else the English one built in, else none until one arrives.
    pub fn new(built_in: catalogues::BuiltIn, first: Option<String>) -> AppState {
        let catalogue = first
            .as_deref()
            .or_else(|| built_in("en"))
            .and_then(|text| Catalogue::parse(text).ok())
            .unwrap_or_else(Catalogue::none);
        let now = clock::now();
        let fresh = || Workshop::new(random::new_id(), now, clock::today(), &catalogue);
        let mut restored = false;
        let mut stored = StoredPieces::default();
        let (workshop, save_state, warning) = match storage::load(now) {
            storage::Loaded::Workshop(found) => {
                let (w, pieces) = *found;
                restored = true;
                stored = pieces;
                (w, SaveState::Saved, None)
            }
            storage::Loaded::Nothing => (fresh(), SaveState::Saved, None),
            storage::Loaded::Unavailable => (
                fresh(),
                SaveState::Failed(storage::SaveRefused::NotAllowed),
                None,
            ),
            storage::Loaded::Corrupt { reason, kept_as } => {
                let state = if kept_as.is_some() {
                    SaveState::Saved
                } else {
                    SaveState::Paused
                };
                (fresh(), state, Some(StartupWarning { reason, kept_as }))
            }
        };
        let state = AppState {
            workshop: RwSignal::new(workshop),
            catalogue: RwSignal::new(catalogue),
            built_in,
            save_state: RwSignal::new(save_state),
            startup_warning: RwSignal::new(warning),
            refused_change: RwSignal::new(None),
            easy_read: RwSignal::new(crate::platform::prefs::load().easy_read),
            announcement: RwSignal::new(String::new()),
            online: crate::platform::network::online_signal(),
            easy_place: RwSignal::new(None),
            // A restored workshop is stored already (writing it again is a
            // noticeable part of start-up); a fresh one is written at once, so
            // other windows open the same workshop.
            pending: StoredValue::new(if restored {
                Pending::Nothing
            } else {
                Pending::Changed
            }),
        };
        // Other windows' changes arrive whole; merging piece by piece keeps
        // both windows' edits (see model::merge).
        let link = WindowLink::open(move |message| state.receive(&message));
        persist::save_every_change(
            persist::Saving {
                workshop: state.workshop,
                pending: state.pending,
                save_state: state.save_state,
                stored: StoredValue::new(stored),
            },
            link,
        );
        state
    }

    /// Takes in a record another window saved: the same workshop is merged
    /// piece by piece; another workshop is followed only if it is newer (the
    /// other window started or opened it). Unreadable records are ignored.
    fn receive(&self, message: &str) {
        let (replace, text) = match message.split_at_checked(REPLACE.len()) {
            Some((REPLACE, rest)) => (true, rest),
            Some((MERGE, rest)) => (false, rest),
            // A bare record comes from the storage-event fallback.
            _ => (false, message),
        };
        let Ok(theirs) = import_json(text) else {
            return;
        };
        if replace {
            if self.workshop.with_untracked(|ours| theirs != *ours) {
                self.set_received(theirs);
            }
            return;
        }
        // Merged in place: a room of 1,000 is not copied for one ballot's change.
        let mut merged = false;
        let same = self
            .workshop
            .try_maybe_update(|ours| match merge_into(ours, &theirs) {
                Ok(changed) => {
                    merged = changed;
                    (changed, true)
                }
                Err(_) => (false, false),
            });
        if merged {
            self.note(Pending::Received);
        } else if same == Some(false)
            && self
                .workshop
                .with_untracked(|ours| theirs.updated_at > ours.updated_at)
        {
            self.set_received(theirs);
        }
    }

    /// Shows what another window sent. The sender has saved and posted it;
    /// a change of this window's own that is still waiting keeps its place.
    fn set_received(&self, workshop: Workshop) {
        self.note(Pending::Received);
        self.workshop.set(workshop);
    }

    /// Records what the next save must do.
    fn note(&self, next: Pending) {
        self.pending.update_value(|p| *p = p.then(next));
    }

    /// Changes the workshop through a model function and stamps the change.
    /// A change that would break a rule of the record (so it could not be
    /// exported and imported again) is not made, and the reason is shown.
    pub fn change(&self, f: impl FnOnce(&mut Workshop)) {
        let before = self.workshop.get_untracked();
        let mut next = before.clone();
        f(&mut next);
        next.stamp_changes(&before, clock::now());
        match validate(&next) {
            Ok(()) => {
                self.refused_change.set(None);
                self.note(Pending::Changed);
                self.workshop.set(next);
            }
            Err(e) => self.refused_change.set(Some(e)),
        }
    }

    /// Changes one ballot's split of one kind (a slider tick, a typed figure):
    /// only that ballot is copied and checked (`rules::try_update_allocation`),
    /// not the whole workshop. A refused change is not made and the reason is shown.
    pub fn change_allocation(
        &self,
        ballot: Id,
        kind_id: &str,
        change: impl FnOnce(&mut KindAllocation),
    ) {
        let outcome = self.workshop.try_maybe_update(|w| {
            match try_update_allocation(w, ballot, kind_id, clock::now(), change) {
                Ok(changed) => (changed, Ok(changed)),
                Err(e) => (false, Err(e)),
            }
        });
        match outcome {
            Some(Ok(true)) => {
                if self.refused_change.with_untracked(Option::is_some) {
                    self.refused_change.set(None);
                }
                self.note(Pending::Ballot(ballot));
            }
            Some(Err(e)) => self.refused_change.set(Some(e)),
            Some(Ok(false)) | None => {}
        }
    }

    /// The workshop's resource kinds, as a memo that changes only when they do.
    pub fn kinds(&self) -> Memo<Vec<ResourceKind>> {
        let workshop = self.workshop;
        Memo::new(move |_| workshop.with(|w| w.kinds.clone()))
    }

    /// The address a tablet opens to join this workshop (its set-up in the
    /// link). Worked out again only when the set-up changes: packing it is
    /// too slow to repeat on every slider tick.
    pub fn join_address(&self) -> Memo<String> {
        let workshop = self.workshop;
        let setup = Memo::new(move |_| workshop.with(|w| (w.id, w.setup_updated_at)));
        Memo::new(move |_| {
            setup.track();
            workshop.with_untracked(|w| {
                format!("{}{}", app_address(), Route::Join(join_code(w)).href())
            })
        })
    }

    /// Takes in a workshop merged from live messages: saved here and shown to
    /// this device's other windows, with no stamps of its own.
    pub fn take_in(&self, workshop: Workshop) {
        self.note(Pending::Changed);
        self.workshop.set(workshop);
    }

    /// Replaces the whole workshop (after a checked import or a fresh start).
    pub fn replace(&self, workshop: Workshop) {
        self.workshop.with_untracked(storage::keep_replaced);
        self.note(Pending::Replaced);
        if self.save_state.get_untracked() == SaveState::Paused {
            self.save_state.set(SaveState::Saved);
        }
        self.workshop.set(workshop);
    }
}

/// The shared state, from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
