#![cfg(not(target_arch = "wasm32"))]
//! The MQTT session with no I/O: what it sends after each thing the broker
//! does, that a refused subscription is reported instead of looking live,
//! keep-alive and dead links, resending after a reconnection, and that no
//! stream of bytes makes it panic.

use co_produce::model::live::mqtt::{
    encode_pingreq, encode_puback, encode_publish, retry_after, ConnectCode, Decoder, Publish, QoS,
    Session, SessionConfig, SessionEvent,
};
use proptest::prelude::*;

const KEEP_ALIVE_SECS: u16 = 20;

fn session() -> Session {
    Session::new(SessionConfig {
        client_id: "tablet-1".into(),
        filter: "co-produce/w1/#".into(),
        keep_alive_secs: KEEP_ALIVE_SECS,
        max_packet: 64 * 1024,
    })
}

fn connack(code: u8) -> Vec<u8> {
    vec![0x20, 2, 0, code]
}

fn suback(id: u16, code: u8) -> Vec<u8> {
    let [hi, lo] = id.to_be_bytes();
    vec![0x90, 3, hi, lo, code]
}

fn puback(id: u16) -> Vec<u8> {
    let [hi, lo] = id.to_be_bytes();
    vec![0x40, 2, hi, lo]
}

/// The packet id of a SUBSCRIBE the session sent.
fn subscribe_id(bytes: &[u8]) -> u16 {
    assert_eq!(bytes[0], 0x82, "not a SUBSCRIBE: {bytes:?}");
    u16::from_be_bytes([bytes[2], bytes[3]])
}

/// A PUBLISH the session sent, read back (client and server publishes share a shape).
fn sent_publish(bytes: &[u8]) -> Publish {
    let mut d = Decoder::new(1 << 20);
    d.push(bytes);
    match d.next_packet() {
        Ok(Some(co_produce::model::live::mqtt::Packet::Publish(p))) => p,
        other => panic!("not a PUBLISH: {other:?}"),
    }
}

fn sends(events: &[SessionEvent]) -> Vec<Vec<u8>> {
    events
        .iter()
        .filter_map(|e| match e {
            SessionEvent::Send(b) => Some(b.clone()),
            _ => None,
        })
        .collect()
}

/// Opens and subscribes; returns the session, ready.
fn ready_at(now: u64) -> Session {
    let mut s = session();
    s.opened(now).expect("connect encodes");
    let events = s.received(&connack(0), now);
    let id = subscribe_id(&sends(&events)[0]);
    let events = s.received(&suback(id, 1), now);
    assert!(events.contains(&SessionEvent::Ready), "{events:?}");
    s
}

#[test]
fn connecting_sends_connect_then_subscribes_once_accepted() {
    let mut s = session();
    let connect = s.opened(0).expect("connect encodes");
    assert_eq!(connect[0], 0x10, "CONNECT");
    assert!(connect.windows(8).any(|w| w == b"tablet-1"));
    assert!(!s.is_ready());
    let events = s.received(&connack(0), 5);
    let subscribe = sends(&events);
    assert_eq!(subscribe.len(), 1, "{events:?}");
    assert!(subscribe[0].windows(15).any(|w| w == b"co-produce/w1/#"));
    assert!(!s.is_ready(), "not ready before SUBACK");
    let events = s.received(&suback(subscribe_id(&subscribe[0]), 1), 6);
    assert_eq!(events, vec![SessionEvent::Ready]);
    assert!(s.is_ready());
}

#[test]
fn a_refused_connection_is_reported_with_its_code() {
    let mut s = session();
    s.opened(0).expect("connect encodes");
    let events = s.received(&connack(5), 1);
    assert_eq!(
        events,
        vec![SessionEvent::Refused(ConnectCode::NotAuthorised)]
    );
    assert!(!s.is_ready());
    assert_eq!(s.publish("t", b"x".to_vec(), 2), None);
}

#[test]
fn a_refused_subscription_is_read_denied_not_ready() {
    let mut s = session();
    s.opened(0).expect("connect encodes");
    let id = subscribe_id(&sends(&s.received(&connack(0), 1))[0]);
    let events = s.received(&suback(id, 0x80), 2);
    assert_eq!(events, vec![SessionEvent::ReadDenied]);
    assert!(!s.is_ready());
    assert_eq!(
        s.publish("t", b"x".to_vec(), 3),
        None,
        "nothing is sent as if live"
    );
    // Nothing more happens on that connection, whatever else arrives.
    assert_eq!(s.received(&suback(id, 1), 4), vec![]);
}

#[test]
fn a_suback_for_another_packet_is_ignored() {
    let mut s = session();
    s.opened(0).expect("connect encodes");
    let id = subscribe_id(&sends(&s.received(&connack(0), 1))[0]);
    assert_eq!(s.received(&suback(id.wrapping_add(7), 1), 2), vec![]);
    assert!(!s.is_ready());
}

#[test]
fn pings_after_half_the_keep_alive_and_not_before() {
    let mut s = ready_at(0);
    let half = u64::from(KEEP_ALIVE_SECS) * 500;
    assert_eq!(s.tick(half - 1), None);
    assert_eq!(s.tick(half), Some(SessionEvent::Send(encode_pingreq())));
    assert_eq!(s.tick(half + 1), None, "one ping per quiet interval");
    // Hearing the answer keeps the link alive past 1.5 intervals from the start.
    s.received(&[0xD0, 0], half + 10);
    assert_eq!(s.tick(2 * half), Some(SessionEvent::Send(encode_pingreq())));
    assert_ne!(s.tick(3 * half), Some(SessionEvent::Dead));
}

#[test]
fn a_silent_broker_is_dead_after_one_and_a_half_intervals() {
    let mut s = ready_at(0);
    let limit = u64::from(KEEP_ALIVE_SECS) * 1500;
    assert_ne!(s.tick(limit - 1), Some(SessionEvent::Dead));
    assert_eq!(s.tick(limit), Some(SessionEvent::Dead));
    assert!(!s.is_ready());
    assert_eq!(s.tick(limit + 1), None, "reported once");
    // A broker that never answers CONNECT is dead too.
    let mut s = session();
    s.opened(100).expect("connect encodes");
    assert_eq!(s.tick(100 + limit), Some(SessionEvent::Dead));
}

#[test]
fn incoming_messages_are_acknowledged_and_delivered() {
    let mut s = ready_at(0);
    let message = encode_publish(&Publish {
        topic: "co-produce/w1/b/abc".into(),
        payload: b"sealed".to_vec(),
        qos: QoS::AtLeastOnce,
        retain: true,
        dup: false,
        packet_id: Some(42),
    })
    .expect("publish encodes");
    let events = s.received(&message, 1);
    assert_eq!(
        events,
        vec![
            SessionEvent::Send(encode_puback(42)),
            SessionEvent::Message {
                topic: "co-produce/w1/b/abc".into(),
                payload: b"sealed".to_vec()
            }
        ]
    );
}

#[test]
fn an_unacknowledged_publish_is_resent_after_reconnecting_until_acknowledged() {
    let mut s = ready_at(0);
    let first = s
        .publish("co-produce/w1/b/me", b"v1".to_vec(), 1)
        .expect("ready")
        .expect("encodes");
    let sent = sent_publish(&first);
    assert_eq!(
        (sent.qos, sent.retain, sent.dup),
        (QoS::AtLeastOnce, true, false)
    );
    assert_eq!(s.unacknowledged(), 1);
    // The connection drops before the PUBACK.
    s.closed();
    assert_eq!(s.publish("co-produce/w1/b/me", b"v2".to_vec(), 2), None);
    s.opened(10).expect("connect encodes");
    let id = subscribe_id(&sends(&s.received(&connack(0), 11))[0]);
    let events = s.received(&suback(id, 1), 12);
    assert_eq!(events[0], SessionEvent::Ready);
    let resent = sends(&events);
    assert_eq!(resent.len(), 1, "{events:?}");
    let again = sent_publish(&resent[0]);
    assert!(again.dup, "marked as sent before");
    assert_eq!(
        (again.payload, again.packet_id),
        (b"v1".to_vec(), sent.packet_id)
    );
    // Acknowledged: the next reconnection sends nothing again.
    s.received(&puback(sent.packet_id.expect("QoS 1 has an id")), 13);
    assert_eq!(s.unacknowledged(), 0);
    s.closed();
    s.opened(20).expect("connect encodes");
    let id = subscribe_id(&sends(&s.received(&connack(0), 21))[0]);
    assert_eq!(s.received(&suback(id, 1), 22), vec![SessionEvent::Ready]);
}

#[test]
fn only_the_latest_message_of_a_topic_waits_for_its_acknowledgement() {
    let mut s = ready_at(0);
    for n in 0..50u8 {
        s.publish("co-produce/w1/b/me", vec![n], 1)
            .expect("ready")
            .expect("encodes");
    }
    s.publish("co-produce/w1/setup", b"s".to_vec(), 1)
        .expect("ready")
        .expect("encodes");
    assert_eq!(s.unacknowledged(), 2);
}

#[test]
fn frames_cut_anywhere_or_run_together_read_the_same() {
    let mut stream = connack(0);
    let mut s = session();
    s.opened(0).expect("connect encodes");
    // Byte by byte.
    let mut events = Vec::new();
    for b in &stream {
        events.extend(s.received(&[*b], 1));
    }
    let id = subscribe_id(&sends(&events)[0]);
    // SUBACK, two messages and a PINGRESP in one chunk.
    stream = suback(id, 1);
    for n in 0..2u16 {
        stream.extend(
            encode_publish(&Publish {
                topic: format!("co-produce/w1/b/{n}"),
                payload: vec![7; 300],
                qos: QoS::AtMostOnce,
                retain: false,
                dup: false,
                packet_id: None,
            })
            .expect("publish encodes"),
        );
    }
    stream.extend([0xD0, 0]);
    let events = s.received(&stream, 2);
    let messages = events
        .iter()
        .filter(|e| matches!(e, SessionEvent::Message { .. }))
        .count();
    assert_eq!(events[0], SessionEvent::Ready);
    assert_eq!(messages, 2, "{events:?}");
}

#[test]
fn bytes_that_are_not_mqtt_drop_the_connection() {
    let mut s = ready_at(0);
    let events = s.received(&[0x00, 0x00], 1);
    assert!(
        matches!(events.as_slice(), [SessionEvent::Unreadable(_)]),
        "{events:?}"
    );
    assert!(!s.is_ready());
    assert_eq!(s.received(&[0xD0, 0], 2), vec![], "nothing after the drop");
}

#[test]
fn back_off_grows_then_stays_at_thirty_seconds() {
    let waits: Vec<u32> = (0..8).map(retry_after).collect();
    assert_eq!(waits, vec![1, 2, 4, 8, 15, 30, 30, 30]);
    assert_eq!(retry_after(usize::MAX), 30);
}

proptest! {
    #[test]
    fn no_bytes_make_it_panic(chunks in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..64), 0..20),
                              ticks in prop::collection::vec(0u64..100_000, 0..5)) {
        let mut s = session();
        let _ = s.opened(0);
        let _ = s.received(&connack(0), 0);
        for (n, chunk) in chunks.iter().enumerate() {
            let _ = s.received(chunk, n as u64);
            let _ = s.publish("t", chunk.clone(), n as u64);
        }
        for t in ticks {
            let _ = s.tick(t);
        }
    }
}
