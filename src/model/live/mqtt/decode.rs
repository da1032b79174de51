//! Packets a server sends, from a stream of bytes. WebSocket frames and TCP
//! reads cut the stream anywhere, so bytes are buffered until a whole packet
//! is there; a packet larger than the limit is refused as soon as its length
//! is read, so a broken or hostile server cannot make the app buffer forever.

use super::{ConnAck, ConnectCode, MqttError, Packet, Publish, QoS, SubAck};

/// Turns a stream of bytes from the server into packets.
#[derive(Debug, Clone)]
pub struct Decoder {
    buf: Vec<u8>,
    /// Where the next packet starts in `buf`; consumed bytes are dropped in batches.
    at: usize,
    max_packet: usize,
    /// After a malformed packet the stream's framing is lost for good.
    failed: Option<MqttError>,
}

impl Decoder {
    /// A decoder that refuses packets larger than `max_packet` bytes, header included.
    pub fn new(max_packet: usize) -> Decoder {
        Decoder {
            buf: Vec::new(),
            at: 0,
            max_packet,
            failed: None,
        }
    }

    /// Adds bytes as they arrive, in pieces of any size.
    pub fn push(&mut self, bytes: &[u8]) {
        if self.failed.is_some() {
            return;
        }
        // Drop consumed bytes once they are the larger part, so the buffer stays
        // small and the copying linear.
        if self.at > 0 && self.at * 2 >= self.buf.len() {
            self.buf.drain(..self.at);
            self.at = 0;
        }
        self.buf.extend_from_slice(bytes);
    }

    /// Bytes received but not yet decoded.
    pub fn buffered(&self) -> usize {
        self.buf.len() - self.at
    }

    /// The next whole packet, `None` until more bytes arrive, or an error after
    /// which the connection must be closed (every later call repeats it).
    pub fn next_packet(&mut self) -> Result<Option<Packet>, MqttError> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        match self.try_next() {
            Ok(packet) => Ok(packet),
            Err(e) => {
                self.failed = Some(e.clone());
                self.buf = Vec::new();
                self.at = 0;
                Err(e)
            }
        }
    }

    fn try_next(&mut self) -> Result<Option<Packet>, MqttError> {
        let rest = &self.buf[self.at..];
        let Some((&first, after)) = rest.split_first() else {
            return Ok(None);
        };
        let Some((remaining, len_bytes)) = remaining_length(after)? else {
            return Ok(None);
        };
        let total = 1 + len_bytes + remaining;
        if total > self.max_packet {
            return Err(MqttError::TooLarge {
                bytes: total,
                limit: self.max_packet,
            });
        }
        let Some(body) = rest.get(1 + len_bytes..total) else {
            return Ok(None);
        };
        let packet = decode_packet(first, body)?;
        self.at += total;
        Ok(Some(packet))
    }
}

/// The remaining length and how many bytes it took, or `None` if cut short.
fn remaining_length(bytes: &[u8]) -> Result<Option<(usize, usize)>, MqttError> {
    let mut value = 0usize;
    for (i, &b) in bytes.iter().enumerate().take(4) {
        value |= usize::from(b & 0x7F) << (7 * i);
        if b & 0x80 == 0 {
            return Ok(Some((value, i + 1)));
        }
    }
    if bytes.len() >= 4 {
        return Err(MqttError::Malformed("a length longer than four bytes"));
    }
    Ok(None)
}

/// Reads big-endian fields from a packet body.
struct Body<'a>(&'a [u8]);

impl<'a> Body<'a> {
    fn u16(&mut self, what: &'static str) -> Result<u16, MqttError> {
        match self.0 {
            [hi, lo, rest @ ..] => {
                self.0 = rest;
                Ok(u16::from_be_bytes([*hi, *lo]))
            }
            _ => Err(MqttError::Malformed(what)),
        }
    }

    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], MqttError> {
        if self.0.len() < n {
            return Err(MqttError::Malformed(what));
        }
        let (taken, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(taken)
    }
}

/// One packet from its first byte and body.
fn decode_packet(first: u8, body: &[u8]) -> Result<Packet, MqttError> {
    let kind = first >> 4;
    let flags = first & 0x0F;
    if kind != 3 && flags != 0 {
        return Err(MqttError::Malformed("reserved flag bits set"));
    }
    match kind {
        2 => {
            let [ack_flags, code] = body else {
                return Err(MqttError::Malformed("a CONNACK of the wrong length"));
            };
            if ack_flags & 0xFE != 0 {
                return Err(MqttError::Malformed("reserved CONNACK bits set"));
            }
            let code = ConnectCode::from_byte(*code)
                .ok_or(MqttError::Malformed("an unknown CONNACK return code"))?;
            Ok(Packet::ConnAck(ConnAck {
                session_present: ack_flags & 1 == 1,
                code,
            }))
        }
        3 => decode_publish(flags, body).map(Packet::Publish),
        4 => {
            let [hi, lo] = body else {
                return Err(MqttError::Malformed("a PUBACK of the wrong length"));
            };
            Ok(Packet::PubAck {
                packet_id: u16::from_be_bytes([*hi, *lo]),
            })
        }
        9 => {
            let mut b = Body(body);
            let packet_id = b.u16("a SUBACK without a packet id")?;
            if b.0.is_empty() {
                return Err(MqttError::Malformed("a SUBACK without return codes"));
            }
            let granted =
                b.0.iter()
                    .map(|&code| match code {
                        0x80 => Ok(None),
                        code => QoS::from_bits(code)
                            .map(Some)
                            .ok_or(MqttError::Malformed("an unknown SUBACK return code")),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
            Ok(Packet::SubAck(SubAck { packet_id, granted }))
        }
        13 if body.is_empty() => Ok(Packet::PingResp),
        13 => Err(MqttError::Malformed("a PINGRESP with a body")),
        other => Err(MqttError::UnexpectedPacket(other)),
    }
}

fn decode_publish(flags: u8, body: &[u8]) -> Result<Publish, MqttError> {
    let qos = QoS::from_bits((flags >> 1) & 0b11).ok_or(MqttError::Malformed("QoS 3"))?;
    let mut b = Body(body);
    let topic_len = b.u16("a PUBLISH cut short")?;
    let topic = b.take(usize::from(topic_len), "a PUBLISH topic cut short")?;
    let topic = std::str::from_utf8(topic)
        .map_err(|_| MqttError::Malformed("a topic that is not UTF-8"))?
        .to_string();
    let packet_id = match qos {
        QoS::AtMostOnce => None,
        QoS::AtLeastOnce | QoS::ExactlyOnce => match b.u16("a PUBLISH without its packet id")? {
            0 => return Err(MqttError::Malformed("packet id 0")),
            id => Some(id),
        },
    };
    Ok(Publish {
        topic,
        payload: b.0.to_vec(),
        qos,
        retain: flags & 0x01 != 0,
        dup: flags & 0x08 != 0,
        packet_id,
    })
}
