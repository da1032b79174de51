//! Packets a client sends, as bytes.

use super::{Connect, MqttError, Publish, QoS, MAX_REMAINING_LENGTH};

/// Packet type numbers, shifted into the high nibble of the first byte.
const CONNECT: u8 = 1 << 4;
const PUBLISH: u8 = 3 << 4;
const PUBACK: u8 = 4 << 4;
// SUBSCRIBE's low nibble must be 0b0010 (MQTT 3.1.1 §3.8.1).
const SUBSCRIBE: u8 = (8 << 4) | 0b0010;
const PINGREQ: u8 = 12 << 4;
const DISCONNECT: u8 = 14 << 4;

/// A whole packet: first byte, remaining length, body.
fn packet(first: u8, body: &[u8]) -> Result<Vec<u8>, MqttError> {
    if body.len() > MAX_REMAINING_LENGTH {
        return Err(MqttError::TooLong("message"));
    }
    let mut out = Vec::with_capacity(body.len() + 5);
    out.push(first);
    let mut n = body.len();
    // The length in 7-bit groups, least significant first, top bit meaning "more".
    loop {
        let mut byte = (n % 128) as u8;
        n /= 128;
        if n > 0 {
            byte |= 0x80;
        }
        out.push(byte);
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(body);
    Ok(out)
}

/// Bytes prefixed with their two-byte length, as MQTT writes strings.
fn put_bytes(out: &mut Vec<u8>, bytes: &[u8], what: &'static str) -> Result<(), MqttError> {
    let len = u16::try_from(bytes.len()).map_err(|_| MqttError::TooLong(what))?;
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(bytes);
    Ok(())
}

/// CONNECT, for protocol level 4 (MQTT 3.1.1), without a will.
pub fn encode_connect(c: &Connect<'_>) -> Result<Vec<u8>, MqttError> {
    let mut flags = 0u8;
    if c.clean_session {
        flags |= 0x02;
    }
    if c.username.is_some() {
        flags |= 0x80;
    }
    if c.password.is_some() {
        // MQTT 3.1.1 forbids a password without a user name (§3.1.2.9).
        if c.username.is_none() {
            return Err(MqttError::NotAllowed("a password needs a user name"));
        }
        flags |= 0x40;
    }
    let mut body = Vec::with_capacity(16 + c.client_id.len());
    put_bytes(&mut body, b"MQTT", "protocol name")?;
    body.push(4);
    body.push(flags);
    body.extend_from_slice(&c.keep_alive_secs.to_be_bytes());
    put_bytes(&mut body, c.client_id.as_bytes(), "client id")?;
    if let Some(user) = c.username {
        put_bytes(&mut body, user.as_bytes(), "user name")?;
    }
    if let Some(password) = c.password {
        put_bytes(&mut body, password, "password")?;
    }
    packet(CONNECT, &body)
}

/// PUBLISH. A packet id is required for QoS 1 and 2 and refused for QoS 0.
pub fn encode_publish(p: &Publish) -> Result<Vec<u8>, MqttError> {
    match (p.qos, p.packet_id) {
        (QoS::AtMostOnce, None) => {}
        (QoS::AtLeastOnce | QoS::ExactlyOnce, Some(id)) if id != 0 => {}
        _ => return Err(MqttError::BadPacketId),
    }
    let mut first = PUBLISH | (p.qos.bits() << 1);
    if p.dup {
        first |= 0x08;
    }
    if p.retain {
        first |= 0x01;
    }
    let mut body = Vec::with_capacity(2 + p.topic.len() + 2 + p.payload.len());
    put_bytes(&mut body, p.topic.as_bytes(), "topic")?;
    if let Some(id) = p.packet_id {
        body.extend_from_slice(&id.to_be_bytes());
    }
    body.extend_from_slice(&p.payload);
    packet(first, &body)
}

/// PUBACK: this client received a QoS 1 publish.
pub fn encode_puback(packet_id: u16) -> Vec<u8> {
    let [hi, lo] = packet_id.to_be_bytes();
    vec![PUBACK, 2, hi, lo]
}

/// SUBSCRIBE to one or more topic filters, each with the highest QoS wanted.
pub fn encode_subscribe(packet_id: u16, filters: &[(&str, QoS)]) -> Result<Vec<u8>, MqttError> {
    if packet_id == 0 {
        return Err(MqttError::BadPacketId);
    }
    if filters.is_empty() {
        // A SUBSCRIBE with no filter is a protocol violation (§3.8.3).
        return Err(MqttError::NotAllowed(
            "a subscription needs at least one topic filter",
        ));
    }
    let mut body = packet_id.to_be_bytes().to_vec();
    for (filter, qos) in filters {
        put_bytes(&mut body, filter.as_bytes(), "topic filter")?;
        body.push(qos.bits());
    }
    packet(SUBSCRIBE, &body)
}

/// PINGREQ: keeps the connection alive when nothing else is sent.
pub fn encode_pingreq() -> Vec<u8> {
    vec![PINGREQ, 0]
}

/// DISCONNECT: a clean goodbye.
pub fn encode_disconnect() -> Vec<u8> {
    vec![DISCONNECT, 0]
}
