//! App state: model values in signals, handed down by context.

use leptos::prelude::*;

use crate::model::{validate, Catalogue, Workshop};
use crate::platform::{clock, random, storage};

/// Whether the last change reached the browser's storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Saved on this device.
    Saved,
    /// The browser refused; the workshop is only in memory.
    Failed(String),
    /// Saving is paused so an unreadable saved workshop is not overwritten.
    Paused,
}

/// A warning from start-up about what was in storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartupWarning {
    /// Why the saved workshop could not be read.
    pub reason: String,
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
    /// Whether the workshop is safely stored.
    pub save_state: RwSignal<SaveState>,
    /// What start-up found wrong with storage, if anything.
    pub startup_warning: RwSignal<Option<StartupWarning>>,
    /// Why the last change was not made, if it was refused.
    pub refused_change: RwSignal<Option<String>>,
}

impl AppState {
    /// Loads the saved workshop (or starts one) and saves every later change.
    pub fn new() -> AppState {
        let catalogue = Catalogue::built_in();
        let now = clock::now();
        let fresh = || Workshop::new(random::new_id(), now, clock::today(), &catalogue);
        let (workshop, save_state, warning) = match storage::load(now) {
            storage::Loaded::Workshop(w) => (w, SaveState::Saved, None),
            storage::Loaded::Nothing => (fresh(), SaveState::Saved, None),
            storage::Loaded::Unavailable => (
                fresh(),
                SaveState::Failed("This browser does not allow saving.".into()),
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
            save_state: RwSignal::new(save_state),
            startup_warning: RwSignal::new(warning),
            refused_change: RwSignal::new(None),
        };
        // The one place that persists: every change to the workshop is saved
        // before the browser handles the next event.
        Effect::new(move |_| {
            let w = state.workshop.get();
            if state.save_state.get_untracked() == SaveState::Paused {
                return;
            }
            let outcome = match storage::save(&w) {
                Ok(()) => SaveState::Saved,
                Err(e) => SaveState::Failed(e),
            };
            if state.save_state.get_untracked() != outcome {
                state.save_state.set(outcome);
            }
        });
        state
    }

    /// Changes the workshop through a model function and stamps the change.
    /// A change that would break a rule of the record (so it could not be
    /// exported and imported again) is not made, and the reason is shown.
    pub fn change(&self, f: impl FnOnce(&mut Workshop)) {
        let mut next = self.workshop.get_untracked();
        f(&mut next);
        next.updated_at = clock::now();
        match validate(&next) {
            Ok(()) => {
                self.refused_change.set(None);
                self.workshop.set(next);
            }
            Err(e) => self.refused_change.set(Some(e.to_string())),
        }
    }

    /// Replaces the whole workshop (after a checked import or a fresh start).
    pub fn replace(&self, workshop: Workshop) {
        self.workshop.with_untracked(storage::keep_replaced);
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
