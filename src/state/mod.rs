//! App state: model values in signals, handed down by context.

use leptos::prelude::*;

use crate::model::{export_json, import_json, merge_workshops, validate, Catalogue, Workshop};
use crate::platform::broadcast::WindowLink;
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

/// Marks a posted record as a whole replacement (import, new workshop).
const REPLACE: &str = "R:";
/// Marks a posted record as a change to merge.
const MERGE: &str = "M:";

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
    /// Set when the whole workshop was replaced, so other windows replace theirs too.
    replaced: StoredValue<bool>,
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
            replaced: StoredValue::new(false),
        };
        // Other windows' changes arrive whole; merging piece by piece keeps
        // both windows' edits (see model::merge).
        let link = std::rc::Rc::new(WindowLink::open(move |message| state.receive(&message)));
        // The one place that persists: every change to the workshop is saved
        // before the browser handles the next event, then shown to other windows.
        Effect::new(move |_| {
            let record = state.workshop.with(export_json);
            let kind = if state.replaced.get_value() {
                REPLACE
            } else {
                MERGE
            };
            state.replaced.set_value(false);
            let outcome = if state.save_state.get_untracked() == SaveState::Paused {
                SaveState::Paused
            } else {
                match storage::save(&record) {
                    Ok(()) => SaveState::Saved,
                    Err(e) => SaveState::Failed(e),
                }
            };
            link.post(&format!("{kind}{record}"));
            if state.save_state.get_untracked() != outcome {
                state.save_state.set(outcome);
            }
        });
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
        let ours = self.workshop.get_untracked();
        if replace {
            if theirs != ours {
                self.workshop.set(theirs);
            }
            return;
        }
        match merge_workshops(&ours, &theirs) {
            Ok(merged) if merged != ours => self.workshop.set(merged),
            Ok(_) => {}
            Err(_) if theirs.updated_at > ours.updated_at => self.workshop.set(theirs),
            Err(_) => {}
        }
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
                self.workshop.set(next);
            }
            Err(e) => self.refused_change.set(Some(e.to_string())),
        }
    }

    /// Replaces the whole workshop (after a checked import or a fresh start).
    pub fn replace(&self, workshop: Workshop) {
        self.workshop.with_untracked(storage::keep_replaced);
        self.replaced.set_value(true);
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
