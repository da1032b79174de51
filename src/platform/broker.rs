//! One MQTT 3.1.1 connection to a broker over a WebSocket, kept up with
//! back-off. Every protocol decision is the model's sans-I/O session
//! (`model::live::mqtt::Session`); this file only moves bytes, runs its timers
//! and reports how the connection is.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::{set_interval_with_handle, set_timeout, IntervalHandle};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BinaryType, CloseEvent, MessageEvent, WebSocket};

use crate::model::live::mqtt::{retry_after, Session, SessionConfig, SessionEvent};
use crate::model::live::MAX_FACILITATOR_PAYLOAD;

/// Seconds between pings; the broker drops a client silent for 1.5 times this.
const KEEP_ALIVE_SECS: u16 = 20;
/// How often the session is told the time (for pings and a dead link).
const TICK: std::time::Duration = std::time::Duration::from_secs(1);

/// Why the connection is down, for the screen to put in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// Nothing answered at the address, or it refused the connection.
    Unreachable,
    /// A working connection was lost.
    Lost,
    /// The broker closed the connection, with this WebSocket close code.
    Closed(u16),
    /// The broker refused our CONNECT (MQTT return code 1 to 5).
    Refused(u8),
    /// The broker sent bytes that are not MQTT.
    Unreadable,
    /// The broker let this device in but refused its subscription (an ACL
    /// that denies reading): nothing of the workshop would ever arrive.
    ReadDenied,
    /// The broker stopped answering.
    Silent,
}

/// How the connection is, for the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkState {
    /// Opening the connection.
    Connecting,
    /// Connected and subscribed.
    Connected,
    /// Not connected; trying again in `retry_in` seconds.
    Offline {
        /// What went wrong.
        reason: Trouble,
        /// Seconds until the next attempt.
        retry_in: u32,
    },
}

/// What is wrong with a typed broker address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddressError {
    /// It does not start with `ws://` or `wss://`.
    Scheme,
    /// There is no host after the scheme.
    NoHost,
    /// The port is not a number from 1 to 65535.
    BadPort(String),
    /// The browser does not accept it as an address.
    Invalid,
}

/// Where and as whom to connect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokerOptions {
    /// `ws://` or `wss://` address.
    pub url: String,
    /// The MQTT client id (a publisher's public key, or `v-…` for a watcher).
    pub client_id: String,
    /// The topic filter to follow.
    pub filter: String,
}

// Shared, so a callback can be called with no borrow held (it may publish).
type OnMessage = Rc<dyn Fn(String, Vec<u8>)>;
type OnState = Rc<dyn Fn(LinkState)>;
type OnConnected = Rc<dyn Fn()>;

struct Inner {
    options: BrokerOptions,
    socket: Option<WebSocket>,
    session: Session,
    attempt: usize,
    stopped: bool,
    ticker: Option<IntervalHandle>,
    on_message: OnMessage,
    on_state: OnState,
    on_connected: OnConnected,
    // The socket's callbacks, dropped with the socket they belong to.
    callbacks: Vec<Closure<dyn FnMut(JsValue)>>,
}

/// A broker connection that reconnects by itself until stopped.
#[derive(Clone)]
pub struct Broker {
    inner: Rc<RefCell<Inner>>,
}

/// Checks a broker address: `ws://` or `wss://`, with a host.
pub fn check_address(text: &str) -> Result<String, AddressError> {
    let text = text.trim();
    let rest = text
        .strip_prefix("ws://")
        .or_else(|| text.strip_prefix("wss://"))
        .ok_or(AddressError::Scheme)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.contains(' ') || host.starts_with(':') {
        return Err(AddressError::NoHost);
    }
    if let Some((_, port)) = host.rsplit_once(':') {
        if !host.ends_with(']') && port.parse::<u16>().map(|p| p == 0).unwrap_or(true) {
            return Err(AddressError::BadPort(port.to_string()));
        }
    }
    // The browser is the final judge (it refuses some hosts outright).
    web_sys::Url::new(text).map_err(|_| AddressError::Invalid)?;
    Ok(text.to_string())
}

impl Broker {
    /// Starts connecting; `on_connected` runs after every (re)connection, so
    /// the caller can publish its latest state again.
    pub fn start(
        options: BrokerOptions,
        on_message: impl Fn(String, Vec<u8>) + 'static,
        on_state: impl Fn(LinkState) + 'static,
        on_connected: impl Fn() + 'static,
    ) -> Broker {
        let broker = Broker {
            inner: Rc::new(RefCell::new(Inner {
                session: Session::new(SessionConfig {
                    client_id: options.client_id.clone(),
                    filter: options.filter.clone(),
                    keep_alive_secs: KEEP_ALIVE_SECS,
                    max_packet: MAX_FACILITATOR_PAYLOAD + 4096,
                }),
                options,
                socket: None,
                attempt: 0,
                stopped: false,
                ticker: None,
                on_message: Rc::new(on_message),
                on_state: Rc::new(on_state),
                on_connected: Rc::new(on_connected),
                callbacks: Vec::new(),
            })),
        };
        broker.open();
        broker
    }

    /// Publishes a retained QoS 1 message; `false` when not connected (the
    /// caller publishes its latest state again on reconnection).
    pub fn publish(&self, topic: &str, payload: Vec<u8>) -> bool {
        let mut inner = self.inner.borrow_mut();
        match inner.session.publish(topic, payload, now_ms()) {
            Some(Ok(bytes)) => inner.send(&bytes),
            _ => false,
        }
    }

    /// Closes the connection for good.
    pub fn stop(&self) {
        let mut inner = self.inner.borrow_mut();
        inner.stopped = true;
        inner.session.closed();
        if let Some(ticker) = inner.ticker.take() {
            ticker.clear();
        }
        if let Some(socket) = inner.socket.take() {
            detach(&socket);
            let _ = socket.close();
        }
        inner.callbacks.clear();
    }

    fn open(&self) {
        let url = {
            let mut inner = self.inner.borrow_mut();
            if inner.stopped {
                return;
            }
            inner.session.closed();
            if let Some(old) = inner.socket.take() {
                detach(&old);
            }
            inner.callbacks.clear();
            inner.options.url.clone()
        };
        self.report(LinkState::Connecting);
        // Browsers only let an MQTT broker accept us if we ask for its subprotocol.
        let socket = match WebSocket::new_with_str(&url, "mqtt") {
            Ok(s) => s,
            Err(_) => {
                self.retry(Trouble::Unreachable);
                return;
            }
        };
        socket.set_binary_type(BinaryType::Arraybuffer);

        let me = self.clone();
        let on_open = Closure::<dyn FnMut(JsValue)>::new(move |_| me.send_connect());
        let me = self.clone();
        let on_message = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            if let Ok(ev) = ev.dyn_into::<MessageEvent>() {
                if let Ok(buf) = ev.data().dyn_into::<js_sys::ArrayBuffer>() {
                    me.receive(&js_sys::Uint8Array::new(&buf).to_vec());
                }
            }
        });
        let me = self.clone();
        let on_close = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            let code = ev.dyn_into::<CloseEvent>().map(|c| c.code()).unwrap_or(0);
            let reason = if me.inner.borrow().session.is_ready() {
                Trouble::Lost
            } else if code == 1006 {
                Trouble::Unreachable
            } else {
                Trouble::Closed(code)
            };
            me.retry(reason);
        });
        socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        let mut inner = self.inner.borrow_mut();
        inner.callbacks = vec![on_open, on_message, on_close];
        inner.socket = Some(socket);
    }

    fn send_connect(&self) {
        let mut inner = self.inner.borrow_mut();
        if let Ok(bytes) = inner.session.opened(now_ms()) {
            inner.send(&bytes);
        }
        if inner.ticker.is_none() {
            let me = self.clone();
            inner.ticker = set_interval_with_handle(move || me.tick(), TICK).ok();
        }
    }

    fn receive(&self, bytes: &[u8]) {
        let events = self.inner.borrow_mut().session.received(bytes, now_ms());
        for event in events {
            self.act(event);
        }
    }

    fn tick(&self) {
        let event = self.inner.borrow_mut().session.tick(now_ms());
        if let Some(event) = event {
            self.act(event);
        }
    }

    /// Does what the session asks; callbacks run with no borrow held.
    fn act(&self, event: SessionEvent) {
        let trouble = match event {
            SessionEvent::Send(bytes) => {
                self.inner.borrow().send(&bytes);
                return;
            }
            SessionEvent::Ready => {
                self.inner.borrow_mut().attempt = 0;
                self.report(LinkState::Connected);
                let on_connected = self.inner.borrow().on_connected.clone();
                on_connected();
                return;
            }
            SessionEvent::Message { topic, payload } => {
                let on_message = self.inner.borrow().on_message.clone();
                on_message(topic, payload);
                return;
            }
            SessionEvent::Refused(code) => Trouble::Refused(code as u8),
            SessionEvent::ReadDenied => Trouble::ReadDenied,
            SessionEvent::Unreadable(_) => Trouble::Unreadable,
            SessionEvent::Dead => Trouble::Silent,
        };
        self.drop_socket();
        self.retry(trouble);
    }

    fn drop_socket(&self) {
        let mut inner = self.inner.borrow_mut();
        if let Some(socket) = inner.socket.take() {
            detach(&socket);
            let _ = socket.close();
        }
    }

    fn retry(&self, reason: Trouble) {
        let wait = {
            let mut inner = self.inner.borrow_mut();
            inner.session.closed();
            if let Some(ticker) = inner.ticker.take() {
                ticker.clear();
            }
            if inner.stopped {
                return;
            }
            if let Some(old) = inner.socket.take() {
                detach(&old);
            }
            let wait = retry_after(inner.attempt);
            inner.attempt += 1;
            wait
        };
        self.report(LinkState::Offline {
            reason,
            retry_in: wait,
        });
        let me = self.clone();
        set_timeout(
            move || me.open(),
            std::time::Duration::from_secs(u64::from(wait)),
        );
    }

    fn report(&self, state: LinkState) {
        let on_state = self.inner.borrow().on_state.clone();
        on_state(state);
    }
}

/// Unhooks a socket being let go, so its late events never reach callbacks
/// that have been dropped.
fn detach(socket: &WebSocket) {
    socket.set_onopen(None);
    socket.set_onmessage(None);
    socket.set_onclose(None);
}

impl Inner {
    /// Sends bytes on the open socket; `false` when there is none or it refused.
    fn send(&self, bytes: &[u8]) -> bool {
        self.socket
            .as_ref()
            .is_some_and(|socket| socket.send_with_u8_array(bytes).is_ok())
    }
}

/// Milliseconds since the epoch, for the session's timers.
fn now_ms() -> u64 {
    // Whole milliseconds are plenty for keep-alive; the clock is never negative.
    js_sys::Date::now().max(0.0) as u64
}
