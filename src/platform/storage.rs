//! The workshop kept in the browser's local storage in pieces
//! (`model::pieces`): the set-up, the order of the ballots and each ballot
//! under its own key, so a slider tick writes one short piece. Local storage,
//! not IndexedDB, because its writes finish before the next event is handled:
//! a tablet locked or a tab killed straight after a tick still has the tick.
//! What is restored passes the same checks as an import.

use crate::model::pieces::{bundle, from_pieces, PieceWrites, StoredPieces};
use crate::model::{import_json, Id, ImportError, Timestamp, Workshop};

/// The set-up piece. Other windows' storage events on it mean "read again".
pub const SETUP_KEY: &str = "co-produce.workshop.v2";
/// The workshop's last change (it moves with every tick; the set-up does not).
const UPDATED_KEY: &str = "co-produce.updated.v2";
/// The order of the ballots.
const ORDER_KEY: &str = "co-produce.order.v2";
/// Each ballot's key starts with this, then its id.
const BALLOT_PREFIX: &str = "co-produce.ballot.v2.";
/// Where earlier versions kept the whole record; read once, then stored in pieces.
const WHOLE_RECORD_KEY: &str = "co-produce.workshop.v1";
const ASIDE_PREFIX: &str = "co-produce.corrupt.";
const REPLACED_KEY: &str = "co-produce.replaced.v1";

/// What was found in storage at start-up.
pub enum Loaded {
    /// Nothing saved yet.
    Nothing,
    /// The saved workshop, and what storage holds of it.
    Workshop(Box<(Workshop, StoredPieces)>),
    /// A saved workshop that could not be read; it was copied to `kept_as`
    /// (or could not be, when `kept_as` is `None` and saving stays paused).
    Corrupt {
        /// Why it could not be read.
        reason: ImportError,
        /// The storage key it was kept under.
        kept_as: Option<String>,
    },
    /// The browser gives no storage (private mode, blocked).
    Unavailable,
}

/// The browser's local storage, if it gives one (private modes and blocked
/// storage give none).
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn ballot_key(id: Id) -> String {
    format!("{BALLOT_PREFIX}{id}")
}

/// Reads the saved workshop; an unreadable one is copied aside, never
/// overwritten. A whole record of an earlier version (or one put there by
/// hand) is read, stored in pieces and removed.
pub fn load(now: Timestamp) -> Loaded {
    let Some(store) = local_storage() else {
        return Loaded::Unavailable;
    };
    let get = |key: &str| store.get_item(key).ok().flatten();
    if let Some(text) = get(WHOLE_RECORD_KEY) {
        return match import_json(&text) {
            Ok(w) => {
                let mut stored = StoredPieces::default();
                if save_changes(&w, &mut stored, SaveScope::Everything).is_ok() {
                    let _ = store.remove_item(WHOLE_RECORD_KEY);
                } else {
                    // Kept where it was until it fits in pieces.
                    stored = StoredPieces::default();
                }
                Loaded::Workshop(Box::new((w, stored)))
            }
            Err(e) => set_aside(&store, now, e, text, &[WHOLE_RECORD_KEY]),
        };
    }
    let Some(setup) = get(SETUP_KEY) else {
        return Loaded::Nothing;
    };
    let updated = get(UPDATED_KEY).unwrap_or_default();
    let order = get(ORDER_KEY).unwrap_or_default();
    match from_pieces(&setup, &updated, &order, |id| get(&ballot_key(id))) {
        Ok(w) => {
            let stored = StoredPieces::of(&w);
            Loaded::Workshop(Box::new((w, stored)))
        }
        Err(e) => {
            // Everything of ours goes aside as one text, so nothing is lost.
            let mut text = format!("{setup}\n{updated}\n{order}");
            let mut keys = vec![
                SETUP_KEY.to_string(),
                UPDATED_KEY.to_string(),
                ORDER_KEY.to_string(),
            ];
            for id in order.split(',').filter_map(Id::parse) {
                if let Some(piece) = get(&ballot_key(id)) {
                    text.push('\n');
                    text.push_str(&piece);
                    keys.push(ballot_key(id));
                }
            }
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            set_aside(&store, now, e, text, &keys)
        }
    }
}

/// Copies an unreadable workshop to a key of its own and removes its pieces.
fn set_aside(
    store: &web_sys::Storage,
    now: Timestamp,
    reason: ImportError,
    text: String,
    keys: &[&str],
) -> Loaded {
    let key = format!("{ASIDE_PREFIX}{}", now.to_rfc3339());
    let kept =
        store.set_item(&key, &text).is_ok() && keys.iter().all(|k| store.remove_item(k).is_ok());
    Loaded::Corrupt {
        reason,
        kept_as: kept.then_some(key),
    }
}

/// The saved workshop as a working copy, for the storage-event fallback of
/// windows without a broadcast channel (a write of any piece means "read again").
pub fn saved_record_for(key: &str) -> Option<String> {
    if ![SETUP_KEY, UPDATED_KEY, ORDER_KEY].contains(&key) && !key.starts_with(BALLOT_PREFIX) {
        return None;
    }
    let store = local_storage()?;
    let get = |key: &str| store.get_item(key).ok().flatten();
    let setup = get(SETUP_KEY)?;
    let updated = get(UPDATED_KEY).unwrap_or_default();
    let order = get(ORDER_KEY).unwrap_or_default();
    let workshop = from_pieces(&setup, &updated, &order, |id| get(&ballot_key(id))).ok()?;
    Some(crate::model::working_copy_json(&workshop))
}

/// Keeps a copy of a workshop that is about to be replaced (by an import or a
/// fresh start), so a wrong choice can be undone; only the latest copy is
/// kept, compactly (`model::pieces::bundle`) so it does not crowd out the workshop.
pub fn keep_replaced(workshop: &Workshop) {
    if let Some(store) = local_storage() {
        let _ = store.set_item(REPLACED_KEY, &bundle(workshop));
    }
}

/// Why a save did not reach the browser's storage; the interface words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveRefused {
    /// This browser allows no saving here (private mode, blocked storage).
    NotAllowed,
    /// The browser's storage is full, or refused the write.
    Full,
    /// The page was closing as it saved.
    Closing,
}

/// Which pieces a save compares with what storage holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveScope {
    /// Every piece that differs.
    Changes,
    /// Only this ballot (and the workshop's last change): nothing else changed.
    OneBallot(Id),
    /// Every piece, rewritten (after a replacement).
    Everything,
}

/// Writes the pieces of `workshop` that differ from what storage holds, as
/// `scope` says, and brings `stored` up to date. An error means the browser
/// refused (usually: full) and leaves `stored` as it was. If the copy kept
/// before a replacement is what fills storage, it gives way to the workshop itself.
pub fn save_changes(
    workshop: &Workshop,
    stored: &mut StoredPieces,
    scope: SaveScope,
) -> Result<(), SaveRefused> {
    let store = local_storage().ok_or(SaveRefused::NotAllowed)?;
    let mut writes = match scope {
        SaveScope::Everything => {
            let mut writes = StoredPieces::default().writes_for(workshop);
            writes.removed = stored
                .ballots
                .keys()
                .filter(|id| workshop.ballot(**id).is_none())
                .copied()
                .collect();
            writes
        }
        SaveScope::OneBallot(id) => stored.writes_for_ballot(workshop, id),
        SaveScope::Changes => stored.writes_for(workshop),
    };
    if scope == SaveScope::Everything {
        // The old workshop's ballots go first, so the new one has room.
        for id in std::mem::take(&mut writes.removed) {
            let _ = store.remove_item(&ballot_key(id));
        }
    }
    if write(&store, &writes).is_err() {
        let _ = store.remove_item(REPLACED_KEY);
        write(&store, &writes).map_err(|()| SaveRefused::Full)?;
    }
    if scope == SaveScope::Everything {
        *stored = StoredPieces::default();
    }
    stored.wrote(workshop, writes);
    Ok(())
}

/// Makes the writes. What reached storage before a refusal still reads back as
/// a workshop: ballots are written before the order that lists them, and
/// stale ballots are removed after it.
fn write(store: &web_sys::Storage, writes: &PieceWrites) -> Result<(), ()> {
    for (id, piece) in &writes.ballots {
        store.set_item(&ballot_key(*id), piece).map_err(|_| ())?;
    }
    let singles = [
        (ORDER_KEY, &writes.order),
        (SETUP_KEY, &writes.setup),
        (UPDATED_KEY, &writes.updated),
    ];
    for (key, piece) in singles {
        if let Some(piece) = piece {
            store.set_item(key, piece).map_err(|_| ())?;
        }
    }
    for id in &writes.removed {
        let _ = store.remove_item(&ballot_key(*id));
    }
    Ok(())
}
