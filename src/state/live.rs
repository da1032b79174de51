//! Live mode on this device: which room it is in (from the join link), as whom
//! it speaks (the facilitator, one tablet's participant, or a watching screen),
//! the broker connection, and the glue between received messages and the
//! workshop. What arrives goes through the same merges as files and windows.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::live::{
    ballot_id_for, client_id, signing_key_from_seed, signing_key_from_text, signing_key_to_text,
    Audience, LiveLink, LiveRoom, PublicKey, ReceiveCounts, Received, RoomKey, SigningKey,
};
use crate::model::{merge_ballots, merge_workshops, Ballot, Id, Timestamp, Workshop};
use crate::platform::broker::{Broker, BrokerOptions, LinkState};
use crate::platform::storage::local_storage;
use crate::platform::{clock, random};
use crate::state::AppState;

const SESSION_KEY: &str = "co-produce.live.v1";
const BROKER_KEY: &str = "co-produce.broker.v1";
/// Least time between two messages from one device, so a moving slider sends
/// a few messages a second, not hundreds.
const SEND_AFTER_MS: u64 = 150;
/// How long received messages gather before they are merged together.
const BATCH_MS: u64 = 50;
/// Most messages kept waiting for the facilitator's set-up.
const MAX_WAITING: usize = 20_000;

/// This device's part in a live workshop, kept in local storage so a reload,
/// a sleep or a crash rejoins by itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LiveSession {
    /// The broker's `ws://` or `wss://` address.
    pub broker: String,
    /// The join link's fragment (`w=…&k=…&f=…`), the room key included.
    pub link: String,
    /// The facilitator's signing key, on the facilitator's device only.
    pub facilitator_key: Option<String>,
    /// Each participant's signing key on this tablet, by ballot id.
    pub ballot_keys: BTreeMap<String, String>,
    /// The participant now using this tablet.
    pub current_ballot: Option<String>,
}

impl LiveSession {
    fn room(&self) -> Option<LiveRoom> {
        LiveLink::parse_fragment(&self.link).ok().map(LiveRoom::new)
    }
}

fn load_session() -> Option<LiveSession> {
    let text = local_storage()?.get_item(SESSION_KEY).ok()??;
    let session: LiveSession = serde_json::from_str(&text).ok()?;
    session.room().is_some().then_some(session)
}

fn save_session(session: Option<&LiveSession>) {
    if let Some(store) = local_storage() {
        let _ = match session.and_then(|s| serde_json::to_string(s).ok()) {
            Some(text) => store.set_item(SESSION_KEY, &text),
            None => store.remove_item(SESSION_KEY),
        };
    }
}

/// The broker address last used on this device, or a guess: this page's host
/// on mosquitto's usual WebSocket port.
pub fn remembered_broker() -> String {
    local_storage()
        .and_then(|s| s.get_item(BROKER_KEY).ok().flatten())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| {
            let host = web_sys::window()
                .and_then(|w| w.location().hostname().ok())
                .filter(|h| !h.is_empty())
                .unwrap_or_else(|| "127.0.0.1".into());
            format!("ws://{host}:9001")
        })
}

/// As whom this window speaks.
#[derive(Clone)]
enum Identity {
    Facilitator(SigningKey),
    Tablet(SigningKey),
    Watcher,
}

impl Identity {
    fn label(&self) -> String {
        match self {
            Identity::Facilitator(k) => format!("f:{}", client_id(&PublicKey::of(k))),
            Identity::Tablet(k) => format!("t:{}", client_id(&PublicKey::of(k))),
            Identity::Watcher => "w".into(),
        }
    }
}

/// Live mode's signals, shared by context.
#[derive(Clone, Copy)]
pub struct Live {
    /// This device's live session, if it is in one.
    pub session: RwSignal<Option<LiveSession>>,
    /// How the connection is (`None` when not live).
    pub link_state: RwSignal<Option<LinkState>>,
    /// What arrived and what was dropped.
    pub counts: RwSignal<ReceiveCounts>,
    /// Whether this window only watches (the room's screen).
    pub watching: RwSignal<bool>,
    broker: StoredValue<Option<Broker>, LocalStorage>,
    identity: StoredValue<String>,
    watcher_id: StoredValue<String>,
    sent_ballot: StoredValue<Option<Ballot>>,
    sent_setup: StoredValue<Option<Workshop>>,
    pending: StoredValue<Option<TimeoutHandle>>,
    inbox: StoredValue<Vec<Received>>,
    flush_due: StoredValue<bool>,
    last_send: StoredValue<f64>,
}

/// The live state, from context.
pub fn use_live() -> Live {
    expect_context::<Live>()
}

/// Why live mode could not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartError {
    /// The browser gave no secure random numbers.
    NoRandom,
}

impl Live {
    /// Picks up a saved session and keeps the connection matching it.
    pub fn new(app: AppState) -> Live {
        let live = Live {
            session: RwSignal::new(load_session()),
            link_state: RwSignal::new(None),
            counts: RwSignal::new(ReceiveCounts::default()),
            watching: RwSignal::new(false),
            broker: StoredValue::new_local(None),
            identity: StoredValue::new(String::new()),
            watcher_id: StoredValue::new(format!("v-{}", random::new_id())),
            sent_ballot: StoredValue::new(None),
            sent_setup: StoredValue::new(None),
            pending: StoredValue::new(None),
            inbox: StoredValue::new(Vec::new()),
            flush_due: StoredValue::new(false),
            last_send: StoredValue::new(0.0),
        };
        // (Re)connect whenever who this window is changes.
        Effect::new(move |_| {
            let session = live.session.get();
            let watching = live.watching.get();
            live.reconnect(app, session, watching);
        });
        // Send this window's part whenever the workshop changes.
        Effect::new(move |_| {
            app.workshop.track();
            live.send_soon(app);
        });
        live
    }

    fn current_identity(session: &LiveSession, watching: bool) -> Identity {
        if watching {
            return Identity::Watcher;
        }
        if let Some(key) = session
            .facilitator_key
            .as_deref()
            .and_then(signing_key_from_text)
        {
            return Identity::Facilitator(key);
        }
        session
            .current_ballot
            .as_ref()
            .and_then(|id| session.ballot_keys.get(id))
            .and_then(|k| signing_key_from_text(k))
            .map(Identity::Tablet)
            .unwrap_or(Identity::Watcher)
    }

    fn reconnect(self, app: AppState, session: Option<LiveSession>, watching: bool) {
        let wanted = session.as_ref().map(|s| {
            let identity = Live::current_identity(s, watching);
            (
                format!("{}|{}|{}", s.broker, s.link, identity.label()),
                identity,
                s.clone(),
            )
        });
        let label = wanted.as_ref().map(|w| w.0.clone()).unwrap_or_default();
        if label == self.identity.get_value() {
            return;
        }
        self.identity.set_value(label);
        if let Some(old) = self.broker.get_value() {
            old.stop();
        }
        self.broker.set_value(None);
        let Some((_, identity, session)) = wanted else {
            self.link_state.set(None);
            return;
        };
        let Some(room) = session.room() else {
            return;
        };
        let client = match &identity {
            Identity::Facilitator(k) | Identity::Tablet(k) => client_id(&PublicKey::of(k)),
            Identity::Watcher => self.watcher_id.get_value(),
        };
        let options = BrokerOptions {
            url: session.broker.clone(),
            client_id: client,
            filter: room.filter(),
        };
        let link_state = self.link_state;
        let receiving = room.clone();
        let broker = Broker::start(
            options,
            move |topic, payload| self.receive(app, &receiving, &topic, &payload),
            move |state| link_state.set(Some(state)),
            move || {
                // Everything is sent again after every reconnection: the broker
                // may have restarted, and retained messages make repeats harmless.
                self.sent_ballot.set_value(None);
                self.sent_setup.set_value(None);
                self.send_now(app);
            },
        );
        self.broker.set_value(Some(broker));
    }

    fn receive(self, app: AppState, room: &LiveRoom, topic: &str, payload: &[u8]) {
        let opened = room.open(topic, payload);
        self.counts.update(|c| c.record(&opened));
        if let Ok(received) = opened {
            self.inbox.update_value(|inbox| {
                // A flood from a broken client cannot grow without bound.
                if inbox.len() < MAX_WAITING {
                    inbox.push(received);
                }
            });
            if !self.flush_due.get_value() {
                self.flush_due.set_value(true);
                set_timeout(
                    move || self.flush(app),
                    std::time::Duration::from_millis(BATCH_MS),
                );
            }
        }
    }

    /// Merges what arrived since the last batch in one go, so 200 tablets'
    /// messages cost one save and one redraw per batch, not one per message.
    /// The facilitator's set-up goes first: ballots are checked against its
    /// resource kinds, and wait until it has come at least once.
    fn flush(self, app: AppState) {
        self.flush_due.set_value(false);
        let received = self
            .inbox
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        let ours = app.workshop.get_untracked();
        let mut next = ours.clone();
        let mut ballots = Vec::new();
        for r in received {
            match r {
                Received::Facilitator(theirs) => {
                    if let Ok(merged) = merge_workshops(&next, &theirs) {
                        next = merged;
                    }
                }
                Received::Ballot(b) => ballots.push(b),
            }
        }
        if next.setup_updated_at == Timestamp(0) {
            // No set-up yet: keep the ballots for the next batch.
            self.inbox
                .update_value(|i| i.extend(ballots.into_iter().map(Received::Ballot)));
        } else if !ballots.is_empty() {
            let report = merge_ballots(&mut next, ballots, "live");
            self.counts.update(|c| c.record_merge(&report));
        }
        if next != ours {
            app.take_in(next);
        }
    }

    fn send_soon(self, app: AppState) {
        if self.session.with_untracked(|s| s.is_none()) {
            return;
        }
        // A single tap goes out at once; while a slider keeps moving, at most
        // one message per interval, and the last position always follows.
        let now = js_sys::Date::now();
        if now - self.last_send.get_value() >= SEND_AFTER_MS as f64 {
            self.last_send.set_value(now);
            self.send_now(app);
            return;
        }
        if self.pending.get_value().is_some() {
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                self.pending.set_value(None);
                self.last_send.set_value(js_sys::Date::now());
                self.send_now(app);
            },
            std::time::Duration::from_millis(SEND_AFTER_MS),
        )
        .ok();
        self.pending.set_value(handle);
    }

    /// Publishes this window's part if it changed since it was last sent.
    fn send_now(self, app: AppState) {
        let Some(session) = self.session.get_untracked() else {
            return;
        };
        let Some(broker) = self.broker.get_value() else {
            return;
        };
        let Some(room) = session.room() else {
            return;
        };
        match Live::current_identity(&session, self.watching.get_untracked()) {
            Identity::Facilitator(key) => {
                let setup = app
                    .workshop
                    .with_untracked(|w| w.with_only_ballots(|_| false));
                if self.sent_setup.with_value(|s| s.as_ref() == Some(&setup)) {
                    return;
                }
                let Some(nonce) = random::bytes() else { return };
                if let Ok(out) = room.seal_facilitator(&key, &setup, clock::now(), nonce) {
                    if broker.publish(&out.topic, out.payload) {
                        self.sent_setup.set_value(Some(setup));
                    }
                }
            }
            Identity::Tablet(key) => {
                let id = ballot_id_for(&PublicKey::of(&key));
                let Some(ballot) = app.workshop.with_untracked(|w| w.ballot(id).cloned()) else {
                    return;
                };
                if self.sent_ballot.with_value(|s| s.as_ref() == Some(&ballot)) {
                    return;
                }
                let Some(nonce) = random::bytes() else { return };
                if let Ok(out) = room.seal_ballot(&key, &ballot, nonce) {
                    if broker.publish(&out.topic, out.payload) {
                        self.sent_ballot.set_value(Some(ballot));
                    }
                }
            }
            Identity::Watcher => {}
        }
    }

    /// The facilitator starts a live workshop on `broker` with a fresh room key.
    pub fn go_live(self, workshop: Id, broker: String) -> Result<(), StartError> {
        let key = random::bytes::<32>().ok_or(StartError::NoRandom)?;
        let seed = random::bytes::<32>().ok_or(StartError::NoRandom)?;
        let signer = signing_key_from_seed(seed);
        let link = LiveLink::for_facilitator(workshop, RoomKey(key), &signer);
        if let Some(store) = local_storage() {
            let _ = store.set_item(BROKER_KEY, &broker);
        }
        let session = LiveSession {
            broker,
            link: link.format_fragment(),
            facilitator_key: Some(signing_key_to_text(&signer)),
            ..LiveSession::default()
        };
        save_session(Some(&session));
        self.counts.set(ReceiveCounts::default());
        self.session.set(Some(session));
        Ok(())
    }

    /// Leaves live mode on this device; the workshop stays as it is.
    pub fn stop(self) {
        save_session(None);
        self.session.set(None);
    }

    /// A tablet joins from a link: the room and broker are remembered.
    pub fn join(self, link: &LiveLink, broker: String) {
        let mut session = self
            .session
            .get_untracked()
            .filter(|s| s.link == link.format_fragment() && s.broker == broker)
            .unwrap_or_default();
        session.broker = broker;
        session.link = link.format_fragment();
        save_session(Some(&session));
        self.session.set(Some(session));
    }

    /// A new participant on this tablet: a fresh signing key, whose public
    /// half gives the ballot its id. `None` when not live as a tablet.
    pub fn new_participant_id(self) -> Option<Result<Id, StartError>> {
        let mut session = self.session.get_untracked()?;
        if session.facilitator_key.is_some() {
            return None;
        }
        let Some(seed) = random::bytes::<32>() else {
            return Some(Err(StartError::NoRandom));
        };
        let signer = signing_key_from_seed(seed);
        let id = ballot_id_for(&PublicKey::of(&signer));
        session
            .ballot_keys
            .insert(id.to_string(), signing_key_to_text(&signer));
        session.current_ballot = Some(id.to_string());
        save_session(Some(&session));
        self.session.set(Some(session));
        Some(Ok(id))
    }

    /// The join link for tablets (with the broker), or for the room's screen.
    pub fn join_link(self, app_address: &str, for_screen: bool) -> Option<String> {
        self.session.with(|s| {
            let s = s.as_ref()?;
            let link = LiveLink::parse_fragment(&s.link).ok()?;
            let audience = if for_screen {
                Audience::RoomScreen
            } else {
                Audience::Tablet
            };
            Some(format!(
                "{app_address}#{}",
                link.join_fragment(&s.broker, audience)
            ))
        })
    }
}
