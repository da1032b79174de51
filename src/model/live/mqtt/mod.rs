//! MQTT 3.1.1, the parts a live client needs, as a pure codec: no sockets, no
//! clock. The platform moves the bytes (over WebSocket in the browser, TCP in
//! the load generator); this module turns packets into bytes and back.
//! Encoding covers what a client sends; decoding what a server sends.

mod decode;
mod encode;
mod session;

pub use decode::Decoder;
pub use encode::{
    encode_connect, encode_disconnect, encode_pingreq, encode_puback, encode_publish,
    encode_subscribe,
};
pub use session::{retry_after, Session, SessionConfig, SessionEvent};

/// Largest remaining length the protocol can express (four length bytes).
pub const MAX_REMAINING_LENGTH: usize = 268_435_455;

/// How hard the broker tries to deliver a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QoS {
    /// Sent once, may be lost.
    AtMostOnce,
    /// Acknowledged and resent until acknowledged: may arrive twice, never lost.
    AtLeastOnce,
    /// Exactly once (decoded, but live mode never asks for it).
    ExactlyOnce,
}

impl QoS {
    /// The two-bit number MQTT uses.
    pub fn bits(self) -> u8 {
        match self {
            QoS::AtMostOnce => 0,
            QoS::AtLeastOnce => 1,
            QoS::ExactlyOnce => 2,
        }
    }

    /// The level with this number, if there is one.
    pub fn from_bits(bits: u8) -> Option<QoS> {
        match bits {
            0 => Some(QoS::AtMostOnce),
            1 => Some(QoS::AtLeastOnce),
            2 => Some(QoS::ExactlyOnce),
            _ => None,
        }
    }
}

/// What a client says when it connects (no will message: live mode needs none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Connect<'a> {
    /// The client id: a publisher's base64url public key.
    pub client_id: &'a str,
    /// Start afresh instead of resuming a stored session.
    pub clean_session: bool,
    /// Seconds the broker waits without hearing from the client before dropping it.
    pub keep_alive_secs: u16,
    /// A user name, if the broker wants one.
    pub username: Option<&'a str>,
    /// A password (only with a user name, as MQTT 3.1.1 requires).
    pub password: Option<&'a [u8]>,
}

/// A message published to a topic, in either direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publish {
    /// The topic.
    pub topic: String,
    /// The payload (a sealed message, in live mode).
    pub payload: Vec<u8>,
    /// The delivery level.
    pub qos: QoS,
    /// Whether the broker keeps it as the topic's latest message (or, coming
    /// from the broker, whether it is such a kept message).
    pub retain: bool,
    /// Whether this is a resend of a packet that may have arrived already.
    pub dup: bool,
    /// The packet id: present exactly when QoS is above 0, and never 0.
    pub packet_id: Option<u16>,
}

/// How the broker answered a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectCode {
    /// Connected.
    Accepted,
    /// 1: the broker does not speak MQTT 3.1.1.
    UnacceptableProtocol,
    /// 2: the broker refused the client id.
    IdentifierRejected,
    /// 3: the broker is up but the MQTT service is not.
    ServerUnavailable,
    /// 4: wrong user name or password.
    BadUsernameOrPassword,
    /// 5: this client is not allowed in.
    NotAuthorised,
}

impl ConnectCode {
    /// The code with this number (0 to 5).
    pub fn from_byte(code: u8) -> Option<ConnectCode> {
        Some(match code {
            0 => ConnectCode::Accepted,
            1 => ConnectCode::UnacceptableProtocol,
            2 => ConnectCode::IdentifierRejected,
            3 => ConnectCode::ServerUnavailable,
            4 => ConnectCode::BadUsernameOrPassword,
            5 => ConnectCode::NotAuthorised,
            _ => return None,
        })
    }
}

/// The broker's answer to CONNECT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnAck {
    /// Whether the broker resumed a stored session.
    pub session_present: bool,
    /// Accepted, or why not.
    pub code: ConnectCode,
}

impl ConnAck {
    /// Whether the connection was accepted; if not, why, as an error to show.
    pub fn result(&self) -> Result<(), MqttError> {
        match self.code {
            ConnectCode::Accepted => Ok(()),
            refused => Err(MqttError::Refused(refused)),
        }
    }
}

/// The broker's answer to SUBSCRIBE.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubAck {
    /// The SUBSCRIBE it answers.
    pub packet_id: u16,
    /// Per filter, in order: the level granted, or `None` if refused.
    pub granted: Vec<Option<QoS>>,
}

/// A packet a server sends to a client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Packet {
    /// The answer to CONNECT.
    ConnAck(ConnAck),
    /// A message on a subscribed topic.
    Publish(Publish),
    /// A QoS 1 publish arrived at the broker.
    PubAck {
        /// The PUBLISH it acknowledges.
        packet_id: u16,
    },
    /// The answer to SUBSCRIBE.
    SubAck(SubAck),
    /// The answer to PINGREQ.
    PingResp,
}

/// What went wrong encoding or decoding MQTT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MqttError {
    /// A packet larger than the decoder accepts; refused rather than buffered.
    TooLarge {
        /// Its size in bytes, header included.
        bytes: usize,
        /// The most accepted.
        limit: usize,
    },
    /// Bytes that do not follow MQTT 3.1.1 (what is wrong).
    Malformed(&'static str),
    /// A well-formed packet a server never sends a live client (its type number).
    UnexpectedPacket(u8),
    /// The broker refused the connection.
    Refused(ConnectCode),
    /// Something to encode is too long for MQTT (what).
    TooLong(&'static str),
    /// A packet id missing, zero, or given for QoS 0.
    BadPacketId,
    /// A packet the protocol forbids a client to send (why).
    NotAllowed(&'static str),
}

impl std::fmt::Display for MqttError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MqttError::TooLarge { bytes, limit } => write!(
                f,
                "The live server sent a message of {bytes} bytes; the most this app accepts \
                 is {limit} bytes."
            ),
            MqttError::Malformed(what) => write!(
                f,
                "The live server sent something that is not MQTT ({what}); reconnecting."
            ),
            MqttError::UnexpectedPacket(kind) => write!(
                f,
                "The live server sent a message this app never asked for (MQTT packet type \
                 {kind}); reconnecting."
            ),
            MqttError::Refused(code) => f.write_str(match code {
                ConnectCode::Accepted => "The live server accepted the connection.",
                ConnectCode::UnacceptableProtocol => {
                    "The live server refused the connection: it does not speak MQTT 3.1.1."
                }
                ConnectCode::IdentifierRejected => {
                    "The live server refused this device's identity (its client id)."
                }
                ConnectCode::ServerUnavailable => {
                    "The live server is unavailable just now; the app will try again."
                }
                ConnectCode::BadUsernameOrPassword => {
                    "The live server refused the user name or password."
                }
                ConnectCode::NotAuthorised => {
                    "The live server does not allow this device to connect."
                }
            }),
            MqttError::TooLong(what) => write!(f, "The {what} is too long to send over MQTT."),
            MqttError::BadPacketId => f.write_str(
                "A QoS 1 or 2 message needs a packet id from 1 to 65535, and QoS 0 none.",
            ),
            MqttError::NotAllowed(why) => write!(f, "This cannot be sent over MQTT: {why}."),
        }
    }
}

impl std::error::Error for MqttError {}
