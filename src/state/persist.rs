//! Saving the workshop and telling this browser's other windows, after every
//! change. What a save must do depends on where the change came from; that is
//! the one piece of state this file keeps, as a [`Pending`] value.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::model::pieces::StoredPieces;
use crate::model::{working_copy_json, Id, Timestamp, Workshop};
use crate::platform::broadcast::WindowLink;
use crate::platform::storage::{self, SaveRefused, SaveScope};

/// Whether the last change reached the browser's storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Saved on this device.
    Saved,
    /// The browser refused; the workshop is only in memory.
    Failed(SaveRefused),
    /// Saving is paused so an unreadable saved workshop is not overwritten.
    Paused,
}

/// The pieces of the app's state that saving reads and writes.
#[derive(Clone, Copy)]
pub(super) struct Saving {
    /// The workshop to save.
    pub workshop: RwSignal<Workshop>,
    /// What the next save must do.
    pub pending: StoredValue<Pending>,
    /// Whether the last save worked.
    pub save_state: RwSignal<SaveState>,
    /// What storage holds, so a save writes only the pieces that changed.
    pub stored: StoredValue<StoredPieces>,
}

/// Marks a posted record as a whole replacement (import, new workshop).
pub(super) const REPLACE: &str = "R:";
/// Marks a posted record as a change to merge.
pub(super) const MERGE: &str = "M:";

/// What the next save has to do, set by whatever changed the workshop.
/// Two changes before one save need whatever covers both ([`Pending::then`]),
/// so a change made here is never taken for a received one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// Nothing changed since the workshop was read from storage.
    Nothing,
    /// Another window's change was merged in. That window has saved and posted
    /// it, so this one posts nothing and saves once things settle (the merge
    /// may hold more than the sender had, if both windows were editing).
    Received,
    /// One ballot's split changed on this device and nothing else (a slider
    /// tick): save and post that ballot alone, without visiting the others.
    Ballot(Id),
    /// Changed on this device (typed here, or taken in from live mode): save
    /// at once and post the pieces that changed to the other windows.
    Changed,
    /// Replaced whole (an import, a fresh start): save at once and post the
    /// whole record, so the other windows replace theirs too.
    Replaced,
}

impl Pending {
    /// What must be done when `next` happens before this is saved.
    pub fn then(self, next: Pending) -> Pending {
        use Pending::*;
        match (self, next) {
            (Nothing, next) => next,
            (done, Nothing) => done,
            (Received, Received) => Received,
            (Ballot(a), Ballot(b)) if a == b => Ballot(a),
            (Replaced, _) | (_, Replaced) => Replaced,
            // Two ballots, or a ballot and a merge whose ballots are not yet
            // saved here: the whole comparison covers both.
            _ => Changed,
        }
    }
}

/// How long a received change waits before it is saved here too.
const SAVE_RECEIVED_AFTER: std::time::Duration = std::time::Duration::from_millis(250);

/// The ballots (and their stamps) that the other windows already have.
fn stamps(w: &Workshop) -> HashMap<Id, Timestamp> {
    w.ballots.iter().map(|b| (b.id, b.updated_at)).collect()
}

/// Writes the pieces that changed (all of them after a replacement) to
/// storage, unless saving is paused, and shows the outcome.
fn save(state: Saving, scope: SaveScope) {
    if state.save_state.get_untracked() == SaveState::Paused {
        return;
    }
    let written = state.workshop.with_untracked(|w| {
        state
            .stored
            .try_update_value(|stored| storage::save_changes(w, stored, scope))
            .unwrap_or(Err(SaveRefused::Closing))
    });
    let outcome = match written {
        Ok(()) => SaveState::Saved,
        Err(e) => SaveState::Failed(e),
    };
    if state.save_state.get_untracked() != outcome {
        state.save_state.set(outcome);
    }
}

/// The one place that persists: every change to the workshop is saved before
/// the browser handles the next event, then shown to the other windows.
pub(super) fn save_every_change(state: Saving, link: WindowLink) {
    let posted = StoredValue::new(state.workshop.with_untracked(stamps));
    let save_soon = StoredValue::new(None::<TimeoutHandle>);
    // A received change waits a moment before it is saved here; when the page
    // is hidden (tablet locked, tab closed or sent to the back) it is saved at once.
    let flush = move || {
        if let Some(waiting) = save_soon.get_value() {
            waiting.clear();
            save_soon.set_value(None);
            save(state, SaveScope::Changes);
        }
    };
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| flush());
    on_cleanup(move || {
        on_hide.remove();
        on_hidden.remove();
    });
    Effect::new(move |first: Option<()>| {
        state.workshop.track();
        let pending = match state.pending.get_value() {
            // After the first run, a write that bypassed AppState's methods
            // is still a change of this device's, so it is saved and posted.
            Pending::Nothing if first.is_some() => Pending::Changed,
            pending => pending,
        };
        state.pending.set_value(Pending::Nothing);
        if let Some(waiting) = save_soon.get_value() {
            waiting.clear();
            save_soon.set_value(None);
        }
        match pending {
            Pending::Nothing => {}
            Pending::Received => {
                // Others already have these ballots: later posts need not repeat them.
                posted.set_value(state.workshop.with_untracked(stamps));
                // Saved after the screen has updated, once a burst has settled.
                let handle = set_timeout_with_handle(
                    move || {
                        save_soon.set_value(None);
                        save(state, SaveScope::Changes);
                    },
                    SAVE_RECEIVED_AFTER,
                )
                .ok();
                save_soon.set_value(handle);
            }
            Pending::Ballot(id) => {
                // A tick: this ballot alone is saved and posted, and the other
                // windows' stamps are brought up to date for it alone.
                let message = state.workshop.with_untracked(|w| {
                    let stamp = w.ballot(id).map(|b| b.updated_at);
                    posted.update_value(|posted| {
                        if let Some(at) = stamp {
                            posted.insert(id, at);
                        }
                    });
                    format!(
                        "{MERGE}{}",
                        working_copy_json(&w.with_only_ballots(|b| b.id == id))
                    )
                });
                save(state, SaveScope::OneBallot(id));
                link.post(&message);
            }
            Pending::Changed | Pending::Replaced => {
                // Other windows get only the ballots that changed since the last
                // post (with every other piece), so a big workshop stays quick to send.
                let message = state.workshop.with_untracked(|w| {
                    let message = if pending == Pending::Replaced {
                        format!("{REPLACE}{}", working_copy_json(w))
                    } else {
                        let delta = posted.with_value(|posted| {
                            w.with_only_ballots(|b| posted.get(&b.id) != Some(&b.updated_at))
                        });
                        format!("{MERGE}{}", working_copy_json(&delta))
                    };
                    posted.set_value(stamps(w));
                    message
                });
                save(
                    state,
                    if pending == Pending::Replaced {
                        SaveScope::Everything
                    } else {
                        SaveScope::Changes
                    },
                );
                link.post(&message);
            }
        }
    });
}
