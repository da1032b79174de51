//! An MQTT 3.1.1 client session with no I/O of its own: the platform hands it
//! what the connection did (opened, bytes arrived, closed, time passed) and
//! sends the bytes it returns. Every protocol decision is here, where host
//! tests reach it; the browser side only moves bytes and runs timers.

use super::{
    encode_connect, encode_pingreq, encode_puback, encode_publish, encode_subscribe, Connect,
    ConnectCode, Decoder, MqttError, Packet, Publish, QoS,
};

/// Waits between reconnection attempts, in seconds; the last repeats.
const BACK_OFF_SECS: [u32; 6] = [1, 2, 4, 8, 15, 30];

/// Who the session is and what it follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionConfig {
    /// The MQTT client id.
    pub client_id: String,
    /// The topic filter to follow.
    pub filter: String,
    /// Seconds between pings; a broker drops a client silent for 1.5 times this.
    pub keep_alive_secs: u16,
    /// The largest packet accepted from the broker, header included.
    pub max_packet: usize,
}

/// What the platform must do, or tell the screen, after an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionEvent {
    /// Send these bytes to the broker.
    Send(Vec<u8>),
    /// Connected and subscribed: messages will arrive, publishing works.
    Ready,
    /// A message arrived on a followed topic.
    Message {
        /// Its topic.
        topic: String,
        /// Its bytes.
        payload: Vec<u8>,
    },
    /// The broker refused the connection (CONNACK return code 1 to 5).
    Refused(ConnectCode),
    /// The broker accepted the connection but refused the subscription
    /// (SUBACK 0x80, e.g. an ACL that denies reading): nothing would arrive.
    ReadDenied,
    /// The broker sent bytes that are not MQTT; the connection must be dropped.
    Unreadable(MqttError),
    /// Nothing came from the broker for 1.5 keep-alive intervals.
    Dead,
}

/// Where the session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// No connection.
    Closed,
    /// CONNECT sent, waiting for CONNACK.
    Connecting,
    /// SUBSCRIBE sent with this packet id, waiting for SUBACK.
    Subscribing(u16),
    /// Subscribed.
    Ready,
}

/// One client's session with a broker, across reconnections.
#[derive(Debug, Clone)]
pub struct Session {
    config: SessionConfig,
    phase: Phase,
    decoder: Decoder,
    next_packet_id: u16,
    /// QoS 1 publishes the broker has not acknowledged, latest per topic:
    /// sent again (marked as a duplicate) after a reconnection.
    unacknowledged: Vec<(u16, Publish)>,
    last_sent_ms: u64,
    last_heard_ms: u64,
}

impl Session {
    /// A session that is not connected yet.
    pub fn new(config: SessionConfig) -> Session {
        Session {
            decoder: Decoder::new(config.max_packet),
            config,
            phase: Phase::Closed,
            next_packet_id: 1,
            unacknowledged: Vec::new(),
            last_sent_ms: 0,
            last_heard_ms: 0,
        }
    }

    /// Whether the session is subscribed and can publish.
    pub fn is_ready(&self) -> bool {
        self.phase == Phase::Ready
    }

    /// How many publishes wait for the broker's acknowledgement.
    pub fn unacknowledged(&self) -> usize {
        self.unacknowledged.len()
    }

    /// The connection opened at `now_ms`: the CONNECT to send.
    pub fn opened(&mut self, now_ms: u64) -> Result<Vec<u8>, MqttError> {
        self.decoder = Decoder::new(self.config.max_packet);
        self.phase = Phase::Connecting;
        self.last_sent_ms = now_ms;
        self.last_heard_ms = now_ms;
        encode_connect(&Connect {
            client_id: &self.config.client_id,
            // A fresh session each time: retained messages bring everything back.
            clean_session: true,
            keep_alive_secs: self.config.keep_alive_secs,
            username: None,
            password: None,
        })
    }

    /// The connection closed (or was dropped): unacknowledged publishes are kept.
    pub fn closed(&mut self) {
        self.phase = Phase::Closed;
    }

    /// Bytes arrived from the broker at `now_ms`, cut anywhere.
    pub fn received(&mut self, bytes: &[u8], now_ms: u64) -> Vec<SessionEvent> {
        let mut events = Vec::new();
        if self.phase == Phase::Closed {
            return events;
        }
        self.last_heard_ms = now_ms;
        self.decoder.push(bytes);
        loop {
            match self.decoder.next_packet() {
                Ok(Some(packet)) => self.handle(packet, now_ms, &mut events),
                Ok(None) => break,
                Err(e) => {
                    // A stream we cannot follow: start again rather than guess.
                    self.phase = Phase::Closed;
                    events.push(SessionEvent::Unreadable(e));
                    break;
                }
            }
            if self.phase == Phase::Closed {
                break;
            }
        }
        events
    }

    /// Publishes a retained QoS 1 message: the bytes to send, or `None` when
    /// not ready (the caller publishes its latest state again on `Ready`).
    pub fn publish(
        &mut self,
        topic: &str,
        payload: Vec<u8>,
        now_ms: u64,
    ) -> Option<Result<Vec<u8>, MqttError>> {
        if !self.is_ready() {
            return None;
        }
        let id = self.packet_id();
        let message = Publish {
            topic: topic.to_string(),
            payload,
            qos: QoS::AtLeastOnce,
            retain: true,
            dup: false,
            packet_id: Some(id),
        };
        let bytes = match encode_publish(&message) {
            Ok(bytes) => bytes,
            Err(e) => return Some(Err(e)),
        };
        // A retained topic holds only its latest message: an older one still
        // waiting is not worth sending again.
        self.unacknowledged
            .retain(|(_, p)| p.topic != message.topic);
        self.unacknowledged.push((id, message));
        self.last_sent_ms = now_ms;
        Some(Ok(bytes))
    }

    /// Time passed: a ping when the link has been quiet for half the
    /// keep-alive, or `Dead` when the broker has said nothing for 1.5 times it.
    pub fn tick(&mut self, now_ms: u64) -> Option<SessionEvent> {
        if self.phase == Phase::Closed {
            return None;
        }
        let keep_alive_ms = u64::from(self.config.keep_alive_secs) * 1000;
        if now_ms.saturating_sub(self.last_heard_ms) >= keep_alive_ms * 3 / 2 {
            self.phase = Phase::Closed;
            return Some(SessionEvent::Dead);
        }
        if self.phase == Phase::Ready
            && now_ms.saturating_sub(self.last_sent_ms) >= keep_alive_ms / 2
        {
            self.last_sent_ms = now_ms;
            return Some(SessionEvent::Send(encode_pingreq()));
        }
        None
    }

    fn handle(&mut self, packet: Packet, now_ms: u64, events: &mut Vec<SessionEvent>) {
        match packet {
            Packet::ConnAck(ack) if self.phase == Phase::Connecting => {
                if ack.code != ConnectCode::Accepted {
                    self.phase = Phase::Closed;
                    events.push(SessionEvent::Refused(ack.code));
                    return;
                }
                let id = self.packet_id();
                match encode_subscribe(id, &[(&self.config.filter, QoS::AtLeastOnce)]) {
                    Ok(bytes) => {
                        self.phase = Phase::Subscribing(id);
                        self.last_sent_ms = now_ms;
                        events.push(SessionEvent::Send(bytes));
                    }
                    Err(e) => {
                        self.phase = Phase::Closed;
                        events.push(SessionEvent::Unreadable(e));
                    }
                }
            }
            Packet::SubAck(ack) if self.phase == Phase::Subscribing(ack.packet_id) => {
                if ack.granted.is_empty() || ack.granted.iter().any(Option::is_none) {
                    self.phase = Phase::Closed;
                    events.push(SessionEvent::ReadDenied);
                    return;
                }
                self.phase = Phase::Ready;
                events.push(SessionEvent::Ready);
                for (_, message) in &self.unacknowledged {
                    let again = Publish {
                        dup: true,
                        ..message.clone()
                    };
                    if let Ok(bytes) = encode_publish(&again) {
                        self.last_sent_ms = now_ms;
                        events.push(SessionEvent::Send(bytes));
                    }
                }
            }
            Packet::Publish(p) => {
                if let (Some(id), QoS::AtLeastOnce) = (p.packet_id, p.qos) {
                    self.last_sent_ms = now_ms;
                    events.push(SessionEvent::Send(encode_puback(id)));
                }
                events.push(SessionEvent::Message {
                    topic: p.topic,
                    payload: p.payload,
                });
            }
            Packet::PubAck { packet_id } => {
                self.unacknowledged.retain(|(id, _)| *id != packet_id);
            }
            // A late or stray answer, or a PINGRESP: hearing it was enough.
            _ => {}
        }
    }

    fn packet_id(&mut self) -> u16 {
        let id = self.next_packet_id;
        // Packet ids are 1 to 65535; 0 is not allowed.
        self.next_packet_id = self.next_packet_id.checked_add(1).unwrap_or(1);
        id
    }
}

/// Seconds to wait before reconnection attempt `attempt` (0 is the first).
pub fn retry_after(attempt: usize) -> u32 {
    BACK_OFF_SECS[attempt.min(BACK_OFF_SECS.len() - 1)]
}
