//! One MQTT connection over plain TCP that keeps itself up the way the app's
//! `platform/broker.rs` does over a WebSocket: the app's own sans-I/O
//! `Session` makes every protocol decision (CONNECT, SUBSCRIBE, PUBACK, pings,
//! sending unacknowledged publishes again) and `retry_after` spaces the
//! attempts; this file only moves bytes and keeps time.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream, ToSocketAddrs};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use co_produce::model::live::mqtt::{
    encode_disconnect, retry_after, Session, SessionConfig, SessionEvent,
};
use co_produce::model::live::MAX_FACILITATOR_PAYLOAD;

/// The app's keep-alive (`platform/broker.rs`).
const KEEP_ALIVE_SECS: u16 = 20;
/// How often the session is told the time, as the app's ticker does.
const TICK: Duration = Duration::from_secs(1);
/// A browser gives up on a WebSocket that does not open after a similar wait.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// A write that cannot go out in this long means the link is gone.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// The largest packet accepted, as the app's.
const MAX_PACKET: usize = MAX_FACILITATOR_PAYLOAD + 4096;

/// What a poll brought.
pub enum LinkEvent {
    /// Connected and subscribed, the first time or again: publish the latest state.
    Ready,
    /// A message on the followed filter.
    Message { topic: String, payload: Vec<u8> },
}

/// A connection to `addr` that reconnects by itself until closed.
pub struct Link {
    addr: String,
    session: Session,
    stream: Option<TcpStream>,
    attempt: usize,
    retry_at: Instant,
    last_tick: Instant,
    buf: Vec<u8>,
}

impl Link {
    /// A link that connects at its first poll.
    pub fn new(addr: &str, client_id: String, filter: String) -> Link {
        Link {
            addr: addr.to_string(),
            session: Session::new(SessionConfig {
                client_id,
                filter,
                keep_alive_secs: KEEP_ALIVE_SECS,
                max_packet: MAX_PACKET,
            }),
            stream: None,
            attempt: 0,
            retry_at: Instant::now(),
            last_tick: Instant::now(),
            buf: vec![0; 16 * 1024],
        }
    }

    /// Connected and subscribed.
    pub fn is_ready(&self) -> bool {
        self.session.is_ready()
    }

    /// Publishes the broker has not acknowledged yet.
    pub fn unacknowledged(&self) -> usize {
        self.session.unacknowledged()
    }

    /// Publishes a retained QoS 1 message; `false` when not connected (the
    /// caller publishes its latest state again on `Ready`, as the app does).
    pub fn publish(&mut self, topic: &str, payload: Vec<u8>) -> bool {
        match self.session.publish(topic, payload, now_ms()) {
            Some(Ok(bytes)) => self.send(&bytes),
            _ => false,
        }
    }

    /// Keeps the link up (connects, reads, pings, backs off) until `until`,
    /// returning early with whatever arrived.
    pub fn poll(&mut self, until: Instant) -> Vec<LinkEvent> {
        let mut events = Vec::new();
        loop {
            let now = Instant::now();
            if self.stream.is_none() {
                if now >= self.retry_at {
                    self.open();
                    continue;
                }
                if now >= until {
                    return events;
                }
                thread::sleep(self.retry_at.min(until) - now);
                continue;
            }
            if now >= self.last_tick + TICK {
                self.last_tick = now;
                if let Some(e) = self.session.tick(now_ms()) {
                    self.act(e, &mut events);
                }
            }
            if !events.is_empty() || now >= until {
                return events;
            }
            let wait = until
                .min(self.last_tick + TICK)
                .saturating_duration_since(now);
            self.read(wait.max(Duration::from_millis(1)), &mut events);
        }
    }

    /// Says goodbye to the broker, so it drops the session at once.
    pub fn close(&mut self) {
        if let Some(mut stream) = self.stream.take() {
            let _ = stream.write_all(&encode_disconnect());
            let _ = stream.shutdown(Shutdown::Both);
        }
        self.session.closed();
    }

    fn open(&mut self) {
        let addr = match self.addr.to_socket_addrs().map(|mut a| a.next()) {
            Ok(Some(addr)) => addr,
            _ => return self.down(),
        };
        let stream = match TcpStream::connect_timeout(&addr, CONNECT_TIMEOUT) {
            Ok(s) => s,
            Err(_) => return self.down(),
        };
        if stream.set_nodelay(true).is_err()
            || stream.set_write_timeout(Some(WRITE_TIMEOUT)).is_err()
        {
            return self.down();
        }
        self.stream = Some(stream);
        self.last_tick = Instant::now();
        match self.session.opened(now_ms()) {
            Ok(connect) => {
                self.send(&connect);
            }
            Err(_) => self.down(),
        }
    }

    fn read(&mut self, wait: Duration, events: &mut Vec<LinkEvent>) {
        let Some(stream) = self.stream.as_mut() else {
            return;
        };
        if stream.set_read_timeout(Some(wait)).is_err() {
            return self.down();
        }
        match stream.read(&mut self.buf) {
            Ok(0) => self.down(),
            Ok(n) => {
                for e in self.session.received(&self.buf[..n], now_ms()) {
                    self.act(e, events);
                }
            }
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock
                        | io::ErrorKind::TimedOut
                        | io::ErrorKind::Interrupted
                ) => {}
            Err(_) => self.down(),
        }
    }

    /// Does what the session asks, as `Broker::act` in the app.
    fn act(&mut self, event: SessionEvent, events: &mut Vec<LinkEvent>) {
        match event {
            SessionEvent::Send(bytes) => {
                self.send(&bytes);
            }
            SessionEvent::Ready => {
                self.attempt = 0;
                events.push(LinkEvent::Ready);
            }
            SessionEvent::Message { topic, payload } => {
                events.push(LinkEvent::Message { topic, payload })
            }
            SessionEvent::Refused(_)
            | SessionEvent::ReadDenied
            | SessionEvent::Unreadable(_)
            | SessionEvent::Dead => self.down(),
        }
    }

    /// Writes to the open connection; a failed write drops it.
    fn send(&mut self, bytes: &[u8]) -> bool {
        let Some(stream) = self.stream.as_mut() else {
            return false;
        };
        if stream.write_all(bytes).is_ok() {
            return true;
        }
        self.down();
        false
    }

    /// The connection is gone: wait as the app does, then try again.
    fn down(&mut self) {
        if let Some(stream) = self.stream.take() {
            let _ = stream.shutdown(Shutdown::Both);
        }
        self.session.closed();
        let wait = retry_after(self.attempt);
        self.attempt += 1;
        self.retry_at = Instant::now() + Duration::from_secs(u64::from(wait));
    }
}

/// Milliseconds since the epoch, for the session's timers.
fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or_default()
}
