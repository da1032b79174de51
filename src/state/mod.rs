//! App state: model values in signals, handed down by context.

pub mod live;
pub mod locale;

use leptos::prelude::*;

use crate::model::{
    export_json, import_json, merge_workshops, validate, Catalogue, Id, Timestamp, Workshop,
};
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
    /// Whether this device shows Easy Read (a device choice, not the workshop's).
    pub easy_read: RwSignal<bool>,
    /// Whether the browser reports a network (for the offline indicator).
    pub online: ReadSignal<bool>,
    /// The latest sentence for screen readers ("Day activities went down to 18%").
    pub announcement: RwSignal<String>,
    /// Where Easy Read allocation is: (ballot, kind, area index). Kept here so a
    /// language switch, which draws the screen again, keeps the place.
    pub easy_place: RwSignal<Option<(Id, String, usize)>>,
    /// Set when the whole workshop was replaced, so other windows replace theirs too.
    replaced: StoredValue<bool>,
    /// Set by a change made here until it has been saved and posted.
    unposted: StoredValue<bool>,
    /// Set when the next update came from another window and needs no save or post.
    quiet: StoredValue<bool>,
}

impl AppState {
    /// Loads the saved workshop (or starts one) and saves every later change.
    pub fn new() -> AppState {
        let catalogue = Catalogue::built_in();
        let now = clock::now();
        let fresh = || Workshop::new(random::new_id(), now, clock::today(), &catalogue);
        let mut restored = false;
        let (workshop, save_state, warning) = match storage::load(now) {
            storage::Loaded::Workshop(w) => {
                restored = true;
                (w, SaveState::Saved, None)
            }
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
            easy_read: RwSignal::new(crate::platform::prefs::load().easy_read),
            announcement: RwSignal::new(String::new()),
            online: crate::platform::network::online_signal(),
            easy_place: RwSignal::new(None),
            replaced: StoredValue::new(false),
            unposted: StoredValue::new(false),
            quiet: StoredValue::new(false),
        };
        // Other windows' changes arrive whole; merging piece by piece keeps
        // both windows' edits (see model::merge).
        let link = std::rc::Rc::new(WindowLink::open(move |message| state.receive(&message)));
        let posted = StoredValue::new(std::collections::HashMap::<Id, Timestamp>::new());
        let save_soon = StoredValue::new(None::<leptos::prelude::TimeoutHandle>);
        // A workshop restored from storage is stored already: the first run need
        // not write it again (that write is a noticeable part of start-up). A
        // fresh one is written at once, so other windows open the same workshop.
        let loaded = StoredValue::new(restored.then(|| state.workshop.get_untracked()));
        // The one place that persists: every change to the workshop is saved
        // before the browser handles the next event, then shown to other windows.
        Effect::new(move |_| {
            state.workshop.track();
            if let Some(start) = loaded.get_value() {
                loaded.set_value(None);
                let unchanged = state.workshop.with_untracked(|w| *w == start);
                if unchanged && !state.unposted.get_value() && !state.replaced.get_value() {
                    posted.set_value(start.ballots.iter().map(|b| (b.id, b.updated_at)).collect());
                    return;
                }
            }
            if state.quiet.get_value() {
                state.quiet.set_value(false);
                // Others already have these ballots: later posts need not repeat them.
                posted.set_value(
                    state.workshop.with_untracked(|w| {
                        w.ballots.iter().map(|b| (b.id, b.updated_at)).collect()
                    }),
                );
                // The merged workshop may hold more than the sender saved (two
                // windows editing at once), so it is saved too, once things
                // settle, after the screen has updated.
                if let Some(pending) = save_soon.get_value() {
                    pending.clear();
                }
                let handle = set_timeout_with_handle(
                    move || {
                        if state.save_state.get_untracked() != SaveState::Paused {
                            let record = state.workshop.with_untracked(export_json);
                            let outcome = match storage::save(&record) {
                                Ok(()) => SaveState::Saved,
                                Err(e) => SaveState::Failed(e),
                            };
                            if state.save_state.get_untracked() != outcome {
                                state.save_state.set(outcome);
                            }
                        }
                    },
                    std::time::Duration::from_millis(250),
                )
                .ok();
                save_soon.set_value(handle);
                return;
            }
            state.unposted.set_value(false);
            let replacing = state.replaced.get_value();
            state.replaced.set_value(false);
            // Other windows get only the ballots that changed since the last post
            // (with every other piece), so a big workshop stays quick to send.
            let (record, message) = state.workshop.with(|w| {
                let record = export_json(w);
                let message = if replacing {
                    format!("{REPLACE}{record}")
                } else {
                    let delta = posted.with_value(|posted| {
                        w.with_only_ballots(|b| posted.get(&b.id) != Some(&b.updated_at))
                    });
                    format!("{MERGE}{}", export_json(&delta))
                };
                posted.set_value(w.ballots.iter().map(|b| (b.id, b.updated_at)).collect());
                (record, message)
            });
            let outcome = if state.save_state.get_untracked() == SaveState::Paused {
                SaveState::Paused
            } else {
                match storage::save(&record) {
                    Ok(()) => SaveState::Saved,
                    Err(e) => SaveState::Failed(e),
                }
            };
            link.post(&message);
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
                self.set_received(theirs);
            }
            return;
        }
        match merge_workshops(&ours, &theirs) {
            Ok(merged) if merged != ours => self.set_received(merged),
            Ok(_) => {}
            Err(_) if theirs.updated_at > ours.updated_at => self.set_received(theirs),
            Err(_) => {}
        }
    }

    /// Shows what another window sent. If this window had posted all of its own
    /// changes, the sender has saved everything there is, so saving and posting
    /// again would only repeat work (a big workshop takes milliseconds to write).
    fn set_received(&self, workshop: Workshop) {
        if !self.unposted.get_value() {
            self.quiet.set_value(true);
        }
        self.workshop.set(workshop);
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
                self.unposted.set_value(true);
                self.workshop.set(next);
            }
            Err(e) => self.refused_change.set(Some(e.to_string())),
        }
    }

    /// Takes in a workshop merged from live messages: saved here and shown to
    /// this device's other windows, with no stamps of its own.
    pub fn take_in(&self, workshop: Workshop) {
        self.unposted.set_value(true);
        self.workshop.set(workshop);
    }

    /// Replaces the whole workshop (after a checked import or a fresh start).
    pub fn replace(&self, workshop: Workshop) {
        self.workshop.with_untracked(storage::keep_replaced);
        self.replaced.set_value(true);
        self.unposted.set_value(true);
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
