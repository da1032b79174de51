//! One MQTT 3.1.1 connection to a broker over a WebSocket, kept up with
//! back-off. The packets are the model's (`model::live::mqtt`); this file only
//! moves bytes, keeps the connection alive and reports how it is.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::{set_interval_with_handle, set_timeout, IntervalHandle};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BinaryType, CloseEvent, MessageEvent, WebSocket};

use crate::model::live::mqtt::{
    encode_connect, encode_pingreq, encode_puback, encode_publish, encode_subscribe, Connect,
    Decoder, Packet, Publish, QoS,
};
use crate::model::live::MAX_FACILITATOR_PAYLOAD;

/// Seconds between pings; the broker drops a client silent for 1.5 times this.
const KEEP_ALIVE_SECS: u16 = 20;
/// Waits between reconnection attempts, in seconds; the last repeats.
const BACK_OFF_SECS: [u32; 6] = [1, 2, 4, 8, 15, 30];

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
    decoder: Decoder,
    next_packet_id: u16,
    attempt: usize,
    stopped: bool,
    connected: bool,
    ping: Option<IntervalHandle>,
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
                options,
                socket: None,
                decoder: Decoder::new(MAX_FACILITATOR_PAYLOAD + 4096),
                next_packet_id: 1,
                attempt: 0,
                stopped: false,
                connected: false,
                ping: None,
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
        if !inner.connected {
            return false;
        }
        let id = inner.packet_id();
        let packet = encode_publish(&Publish {
            topic: topic.to_string(),
            payload,
            qos: QoS::AtLeastOnce,
            retain: true,
            dup: false,
            packet_id: Some(id),
        });
        match (packet, &inner.socket) {
            (Ok(bytes), Some(socket)) => socket.send_with_u8_array(&bytes).is_ok(),
            _ => false,
        }
    }

    /// Closes the connection for good.
    pub fn stop(&self) {
        let mut inner = self.inner.borrow_mut();
        inner.stopped = true;
        inner.connected = false;
        if let Some(ping) = inner.ping.take() {
            ping.clear();
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
            inner.decoder = Decoder::new(MAX_FACILITATOR_PAYLOAD + 4096);
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
            let reason = if me.inner.borrow().connected {
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
        let inner = self.inner.borrow();
        let packet = encode_connect(&Connect {
            client_id: &inner.options.client_id,
            // A fresh session each time: retained messages bring everything back.
            clean_session: true,
            keep_alive_secs: KEEP_ALIVE_SECS,
            username: None,
            password: None,
        });
        if let (Ok(bytes), Some(socket)) = (packet, &inner.socket) {
            let _ = socket.send_with_u8_array(&bytes);
        }
    }

    fn receive(&self, bytes: &[u8]) {
        self.inner.borrow_mut().decoder.push(bytes);
        loop {
            let next = self.inner.borrow_mut().decoder.next_packet();
            match next {
                Ok(Some(packet)) => self.handle(packet),
                Ok(None) => break,
                Err(_) => {
                    // A stream we cannot follow: start again rather than guess.
                    self.drop_socket();
                    self.retry(Trouble::Unreadable);
                    break;
                }
            }
        }
    }

    fn handle(&self, packet: Packet) {
        match packet {
            Packet::ConnAck(ack) => match ack.result() {
                Ok(()) => {
                    let subscribe = {
                        let mut inner = self.inner.borrow_mut();
                        let id = inner.packet_id();
                        encode_subscribe(id, &[(&inner.options.filter, QoS::AtLeastOnce)])
                    };
                    if let (Ok(bytes), Some(socket)) = (subscribe, &self.inner.borrow().socket) {
                        let _ = socket.send_with_u8_array(&bytes);
                    }
                }
                Err(_) => {
                    self.drop_socket();
                    self.retry(Trouble::Refused(ack.code as u8));
                }
            },
            Packet::SubAck(_) => {
                {
                    let mut inner = self.inner.borrow_mut();
                    inner.connected = true;
                    inner.attempt = 0;
                    let me = self.clone();
                    inner.ping = set_interval_with_handle(
                        move || me.ping(),
                        std::time::Duration::from_secs(u64::from(KEEP_ALIVE_SECS) / 2),
                    )
                    .ok();
                }
                self.report(LinkState::Connected);
                let on_connected = self.inner.borrow().on_connected.clone();
                on_connected();
            }
            Packet::Publish(p) => {
                if let (Some(id), QoS::AtLeastOnce) = (p.packet_id, p.qos) {
                    if let Some(socket) = &self.inner.borrow().socket {
                        let _ = socket.send_with_u8_array(&encode_puback(id));
                    }
                }
                let on_message = self.inner.borrow().on_message.clone();
                on_message(p.topic, p.payload);
            }
            _ => {}
        }
    }

    fn ping(&self) {
        if let Some(socket) = &self.inner.borrow().socket {
            let _ = socket.send_with_u8_array(&encode_pingreq());
        }
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
            inner.connected = false;
            if let Some(ping) = inner.ping.take() {
                ping.clear();
            }
            if inner.stopped {
                return;
            }
            if let Some(old) = inner.socket.take() {
                detach(&old);
            }
            let wait = BACK_OFF_SECS[inner.attempt.min(BACK_OFF_SECS.len() - 1)];
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
    fn packet_id(&mut self) -> u16 {
        let id = self.next_packet_id;
        // Packet ids are 1 to 65535; 0 is not allowed.
        self.next_packet_id = self.next_packet_id.checked_add(1).unwrap_or(1);
        id
    }
}
