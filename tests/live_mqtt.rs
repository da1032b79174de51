#![cfg(not(target_arch = "wasm32"))]
//! The MQTT 3.1.1 codec: exact bytes for what a client sends, and a streaming
//! decoder that gives the same packets however the stream is cut, refuses
//! oversized and malformed input, and never panics.

use co_produce::model::live::mqtt::{
    encode_connect, encode_disconnect, encode_pingreq, encode_puback, encode_publish,
    encode_subscribe, ConnAck, Connect, ConnectCode, Decoder, MqttError, Packet, Publish, QoS,
    SubAck, MAX_REMAINING_LENGTH,
};
use proptest::prelude::*;

const LIMIT: usize = 300 * 1024;

/// Every packet in `bytes`, fed in one piece, stopping at the first error.
fn decode_all(bytes: &[u8], limit: usize) -> Result<Vec<Packet>, MqttError> {
    let mut d = Decoder::new(limit);
    d.push(bytes);
    let mut out = Vec::new();
    while let Some(p) = d.next_packet()? {
        out.push(p);
    }
    Ok(out)
}

fn publish(topic: &str, payload: &[u8], qos: QoS, retain: bool, packet_id: Option<u16>) -> Publish {
    Publish {
        topic: topic.into(),
        payload: payload.to_vec(),
        qos,
        retain,
        dup: false,
        packet_id,
    }
}

// ---------------------------------------------------------------- encoding

#[test]
fn connect_has_the_exact_bytes() {
    let bytes = encode_connect(&Connect {
        client_id: "abc",
        clean_session: true,
        keep_alive_secs: 30,
        username: None,
        password: None,
    })
    .expect("encodes");
    assert_eq!(
        bytes,
        [0x10, 15, 0, 4, b'M', b'Q', b'T', b'T', 4, 0x02, 0, 30, 0, 3, b'a', b'b', b'c']
    );
    let with_login = encode_connect(&Connect {
        client_id: "c",
        clean_session: false,
        keep_alive_secs: 0x0102,
        username: Some("u"),
        password: Some(b"pw"),
    })
    .expect("encodes");
    assert_eq!(
        with_login,
        [
            0x10, 20, 0, 4, b'M', b'Q', b'T', b'T', 4, 0xC0, 1, 2, 0, 1, b'c', 0, 1, b'u', 0, 2,
            b'p', b'w'
        ]
    );
    let no_user = encode_connect(&Connect {
        client_id: "c",
        clean_session: true,
        keep_alive_secs: 0,
        username: None,
        password: Some(b"pw"),
    });
    assert!(matches!(no_user, Err(MqttError::NotAllowed(_))));
    let long_id = "x".repeat(70_000);
    assert_eq!(
        encode_connect(&Connect {
            client_id: &long_id,
            clean_session: true,
            keep_alive_secs: 0,
            username: None,
            password: None,
        }),
        Err(MqttError::TooLong("client id"))
    );
}

#[test]
fn publish_has_the_exact_bytes() {
    let bytes = encode_publish(&publish("a/b", b"hi", QoS::AtLeastOnce, true, Some(0x0A0B)))
        .expect("encodes");
    assert_eq!(
        bytes,
        [0x33, 9, 0, 3, b'a', b'/', b'b', 0x0A, 0x0B, b'h', b'i']
    );
    let bytes = encode_publish(&publish("t", b"", QoS::AtMostOnce, false, None)).expect("encodes");
    assert_eq!(bytes, [0x30, 3, 0, 1, b't']);
    let mut dup = publish("t", b"", QoS::AtLeastOnce, false, Some(1));
    dup.dup = true;
    assert_eq!(encode_publish(&dup).expect("encodes")[0], 0x3A);
}

#[test]
fn publish_packet_ids_must_fit_the_qos() {
    for (qos, id) in [
        (QoS::AtMostOnce, Some(1)),
        (QoS::AtLeastOnce, None),
        (QoS::AtLeastOnce, Some(0)),
        (QoS::ExactlyOnce, None),
    ] {
        assert_eq!(
            encode_publish(&publish("t", b"x", qos, false, id)),
            Err(MqttError::BadPacketId),
            "{qos:?} {id:?}"
        );
    }
    assert_eq!(
        encode_publish(&publish(
            &"t".repeat(65_536),
            b"",
            QoS::AtMostOnce,
            false,
            None
        )),
        Err(MqttError::TooLong("topic"))
    );
}

#[test]
fn small_packets_have_the_exact_bytes() {
    assert_eq!(encode_puback(0x1234), [0x40, 2, 0x12, 0x34]);
    assert_eq!(encode_pingreq(), [0xC0, 0]);
    assert_eq!(encode_disconnect(), [0xE0, 0]);
    assert_eq!(
        encode_subscribe(7, &[("wk/1/#", QoS::AtLeastOnce), ("x", QoS::AtMostOnce)])
            .expect("encodes"),
        [0x82, 15, 0, 7, 0, 6, b'w', b'k', b'/', b'1', b'/', b'#', 1, 0, 1, b'x', 0]
    );
    assert_eq!(
        encode_subscribe(0, &[("x", QoS::AtMostOnce)]),
        Err(MqttError::BadPacketId)
    );
    assert!(matches!(
        encode_subscribe(1, &[]),
        Err(MqttError::NotAllowed(_))
    ));
}

#[test]
fn remaining_lengths_use_one_to_four_bytes() {
    // Payload sizes that put the remaining length on each side of each boundary.
    for (remaining, length_bytes) in [
        (127usize, 1usize),
        (128, 2),
        (16_383, 2),
        (16_384, 3),
        (2_097_151, 3),
        (2_097_152, 4),
    ] {
        let p = publish("t", &vec![7; remaining - 3], QoS::AtMostOnce, false, None);
        let bytes = encode_publish(&p).expect("encodes");
        assert_eq!(bytes.len(), 1 + length_bytes + remaining, "{remaining}");
        assert_eq!(
            decode_all(&bytes, bytes.len()).expect("decodes"),
            vec![Packet::Publish(p)]
        );
    }
    assert_eq!(MAX_REMAINING_LENGTH, 268_435_455);
}

// ---------------------------------------------------------------- decoding

#[test]
fn connack_codes_read_as_clear_errors() {
    let ok = decode_all(&[0x20, 2, 1, 0], LIMIT).expect("decodes");
    assert_eq!(
        ok,
        vec![Packet::ConnAck(ConnAck {
            session_present: true,
            code: ConnectCode::Accepted
        })]
    );
    let mut messages = Vec::new();
    for code in 1..=5u8 {
        let got = decode_all(&[0x20, 2, 0, code], LIMIT).expect("decodes");
        let [Packet::ConnAck(ack)] = got.as_slice() else {
            panic!("one CONNACK");
        };
        let err = ack.result().expect_err("refused");
        let text = err.to_string();
        assert!(text.starts_with("The live server"), "{text}");
        messages.push(text);
    }
    messages.sort();
    messages.dedup();
    assert_eq!(messages.len(), 5, "each refusal says something different");
    assert!(messages.iter().any(|m| m.contains("user name or password")));
    assert!(matches!(
        decode_all(&[0x20, 2, 0, 6], LIMIT),
        Err(MqttError::Malformed(_))
    ));
    assert!(matches!(
        decode_all(&[0x20, 3, 0, 0, 0], LIMIT),
        Err(MqttError::Malformed(_))
    ));
}

#[test]
fn suback_puback_and_pingresp_decode() {
    let got = decode_all(
        &[
            0x90, 5, 0, 9, 0x01, 0x80, 0x00, 0x40, 2, 0xAB, 0xCD, 0xD0, 0,
        ],
        LIMIT,
    )
    .expect("decodes");
    assert_eq!(
        got,
        vec![
            Packet::SubAck(SubAck {
                packet_id: 9,
                granted: vec![Some(QoS::AtLeastOnce), None, Some(QoS::AtMostOnce)]
            }),
            Packet::PubAck { packet_id: 0xABCD },
            Packet::PingResp,
        ]
    );
    for bad in [
        &[0x90, 2, 0, 9][..],             // no return codes
        &[0x90, 3, 0, 9, 3][..],          // an unknown return code
        &[0x41, 2, 0, 1][..],             // reserved flags on PUBACK
        &[0x40, 3, 0, 1, 0][..],          // PUBACK too long
        &[0xD0, 1, 0][..],                // PINGRESP with a body
        &[0x36, 5, 0, 1, b't', 0, 1][..], // QoS 3
        &[0x32, 5, 0, 1, b't', 0, 0][..], // packet id 0
        &[0x30, 4, 0, 2, 0xC3, 0x28][..], // a topic that is not UTF-8
        &[0x30, 3, 0, 5, b't'][..],       // a topic cut short
    ] {
        assert!(
            matches!(decode_all(bad, LIMIT), Err(MqttError::Malformed(_))),
            "{bad:?}"
        );
    }
}

#[test]
fn packets_a_server_never_sends_are_refused() {
    for first in [
        0x10u8, 0x50, 0x62, 0x70, 0x82, 0xA2, 0xB0, 0xC0, 0xE0, 0x00, 0xF0,
    ] {
        let got = decode_all(&[first, 0], LIMIT);
        assert!(
            matches!(
                got,
                Err(MqttError::UnexpectedPacket(_)) | Err(MqttError::Malformed(_))
            ),
            "{first:#x}: {got:?}"
        );
    }
    assert_eq!(
        decode_all(&[0xB0, 0], LIMIT),
        Err(MqttError::UnexpectedPacket(11))
    );
}

#[test]
fn an_oversized_packet_is_refused_as_soon_as_its_length_is_read() {
    let mut d = Decoder::new(1_000);
    // Announces 1 MB; nothing of the body has come yet.
    d.push(&[0x30, 0x80, 0x80, 0x40]);
    assert_eq!(
        d.next_packet(),
        Err(MqttError::TooLarge {
            bytes: 1 + 3 + (1 << 20),
            limit: 1_000
        })
    );
    // The stream is broken for good: more bytes do not bring it back.
    d.push(&[0xD0, 0]);
    assert!(d.next_packet().is_err());
    assert_eq!(d.buffered(), 0);
    let text = MqttError::TooLarge {
        bytes: 5_000,
        limit: 1_000,
    }
    .to_string();
    assert!(
        text.contains("5000 bytes") && text.contains("1000 bytes"),
        "{text}"
    );
}

#[test]
fn a_fifth_length_byte_is_malformed() {
    assert!(matches!(
        decode_all(&[0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], usize::MAX),
        Err(MqttError::Malformed(_))
    ));
    // Four bytes with "more" set and nothing after them are malformed already.
    assert!(matches!(
        decode_all(&[0x30, 0xFF, 0xFF, 0xFF, 0xFF], usize::MAX),
        Err(MqttError::Malformed(_))
    ));
    // Three, with more to come, are just incomplete.
    assert_eq!(
        decode_all(&[0x30, 0xFF, 0xFF, 0xFF], usize::MAX),
        Ok(vec![])
    );
}

#[test]
fn a_packet_arrives_only_when_whole() {
    let bytes = encode_publish(&publish(
        "wk/x",
        b"payload",
        QoS::AtLeastOnce,
        true,
        Some(3),
    ))
    .expect("encodes");
    let mut d = Decoder::new(LIMIT);
    for (i, b) in bytes.iter().enumerate() {
        assert_eq!(d.next_packet(), Ok(None), "after {i} bytes");
        d.push(&[*b]);
    }
    assert!(matches!(d.next_packet(), Ok(Some(Packet::Publish(_)))));
    assert_eq!(d.next_packet(), Ok(None));
    assert_eq!(d.buffered(), 0);
}

// ---------------------------------------------------------------- properties

fn qos() -> impl Strategy<Value = QoS> {
    prop_oneof![
        Just(QoS::AtMostOnce),
        Just(QoS::AtLeastOnce),
        Just(QoS::ExactlyOnce)
    ]
}

prop_compose! {
    fn any_publish()(
        topic in "\\PC{0,60}",
        payload in proptest::collection::vec(any::<u8>(), 0..3_000),
        qos in qos(),
        retain in any::<bool>(),
        dup in any::<bool>(),
        id in 1u16..,
    ) -> Publish {
        Publish {
            topic,
            payload,
            qos,
            retain,
            dup,
            packet_id: (qos != QoS::AtMostOnce).then_some(id),
        }
    }
}

/// A stream a server might send: publishes mixed with acknowledgements.
fn server_stream() -> impl Strategy<Value = (Vec<u8>, Vec<Packet>)> {
    let packet = prop_oneof![
        4 => any_publish().prop_map(Packet::Publish),
        1 => any::<u16>().prop_map(|packet_id| Packet::PubAck { packet_id }),
        1 => Just(Packet::PingResp),
        1 => Just(Packet::ConnAck(ConnAck { session_present: false, code: ConnectCode::Accepted })),
    ];
    proptest::collection::vec(packet, 1..12).prop_map(|packets| {
        let mut bytes = Vec::new();
        for p in &packets {
            match p {
                Packet::Publish(p) => bytes.extend(encode_publish(p).expect("encodes")),
                Packet::PubAck { packet_id } => bytes.extend(encode_puback(*packet_id)),
                Packet::PingResp => bytes.extend([0xD0, 0]),
                _ => bytes.extend([0x20, 2, 0, 0]),
            }
        }
        (bytes, packets)
    })
}

proptest! {
    #[test]
    fn publish_round_trips(p in any_publish()) {
        let bytes = encode_publish(&p).expect("encodes");
        prop_assert_eq!(decode_all(&bytes, LIMIT), Ok(vec![Packet::Publish(p)]));
    }

    #[test]
    fn any_cuts_give_the_same_packets(
        (bytes, packets) in server_stream(),
        cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..20),
    ) {
        let mut cuts: Vec<usize> = cuts.iter().map(|c| c.index(bytes.len() + 1)).collect();
        cuts.push(0);
        cuts.push(bytes.len());
        cuts.sort_unstable();
        let mut d = Decoder::new(LIMIT);
        let mut got = Vec::new();
        for w in cuts.windows(2) {
            d.push(&bytes[w[0]..w[1]]);
            while let Some(p) = d.next_packet().expect("a valid stream") {
                got.push(p);
            }
        }
        prop_assert_eq!(got, packets);
        prop_assert_eq!(d.buffered(), 0);
    }

    #[test]
    fn arbitrary_bytes_never_panic(
        chunks in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..64), 0..16),
        limit in 0usize..2_000,
    ) {
        let mut d = Decoder::new(limit);
        for chunk in &chunks {
            d.push(chunk);
            for _ in 0..100 {
                match d.next_packet() {
                    Ok(Some(_)) => {}
                    Ok(None) | Err(_) => break,
                }
            }
        }
    }
}
