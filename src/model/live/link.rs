//! The live join link: `…/#w=<workshop id>&k=<room key>&f=<facilitator key>`,
//! and in links handed out also `&b=<broker address>` and, for the room's
//! screen, `&to=present`. The room key lives only in the fragment, which
//! browsers never send to a server, so the broker and the web host never learn it.

use ed25519_dalek::SigningKey;

use super::keys::{PublicKey, RoomKey};
use crate::model::id::Id;

/// What a device needs to take part in a live workshop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveLink {
    /// The workshop every message belongs to.
    pub workshop: Id,
    /// The secret that seals every message of the room.
    pub key: RoomKey,
    /// The only key whose control messages the room obeys.
    pub facilitator: PublicKey,
}

/// Which part of a live link is missing or damaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPart {
    /// `w=`: the workshop id.
    Workshop,
    /// `k=`: the room's secret key.
    Key,
    /// `f=`: the facilitator's public key.
    Facilitator,
    /// `b=`: the broker's address.
    Broker,
}

/// Who a handed-out link is for: a participant's tablet or the room's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// A participant's device (no `to=`).
    Tablet,
    /// The room's screen (`to=present`), which only watches.
    RoomScreen,
}

impl LinkPart {
    /// How people would name the part, with its parameter so a helper can find it.
    fn describe(self) -> &'static str {
        match self {
            LinkPart::Workshop => "workshop id (w=)",
            LinkPart::Key => "workshop key (k=)",
            LinkPart::Facilitator => "facilitator key (f=)",
            LinkPart::Broker => "broker address (b=)",
        }
    }
}

/// Why a live link was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkError {
    /// Nothing in it looks like a live link.
    NotALiveLink,
    /// A part is not there.
    Missing(LinkPart),
    /// A part is there but the wrong length, or not the characters it should be.
    Damaged(LinkPart),
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::NotALiveLink => f.write_str(
                "This is not a live workshop link; ask the facilitator for the whole link.",
            ),
            LinkError::Missing(part) => write!(
                f,
                "The link has no {}; ask the facilitator for the whole link.",
                part.describe()
            ),
            LinkError::Damaged(part) => write!(
                f,
                "The {} in the link is damaged: part of it may be missing or mistyped. \
                 Ask the facilitator for the whole link.",
                part.describe()
            ),
        }
    }
}

impl std::error::Error for LinkError {}

impl LiveLink {
    /// The link a facilitator hands out for a workshop, signing with `facilitator`.
    pub fn for_facilitator(workshop: Id, key: RoomKey, facilitator: &SigningKey) -> LiveLink {
        LiveLink {
            workshop,
            key,
            facilitator: PublicKey::of(facilitator),
        }
    }

    /// The fragment, without its `#`: `w=<32 hex>&k=<43 base64url>&f=<43 base64url>`.
    pub fn format_fragment(&self) -> String {
        format!(
            "w={}&k={}&f={}",
            self.workshop,
            self.key.to_base64url(),
            self.facilitator.to_base64url()
        )
    }

    /// The fragment handed out, without its `#`: the room's parts, the broker's
    /// address (percent-encoded, so its `:` and `/` survive) and, for the room's
    /// screen, `to=present`.
    pub fn join_fragment(&self, broker: &str, audience: Audience) -> String {
        let screen = match audience {
            Audience::Tablet => "",
            Audience::RoomScreen => "&to=present",
        };
        format!(
            "{}&b={}{screen}",
            self.format_fragment(),
            percent_encode(broker)
        )
    }

    /// The broker's address in a handed-out link, decoded. It is checked as an
    /// address by the platform (only the browser can judge a host).
    pub fn broker_in(text: &str) -> Result<String, LinkError> {
        let value = param(fragment_of(text), "b", LinkPart::Broker)?;
        percent_decode(value)
            .filter(|b| !b.trim().is_empty())
            .ok_or(LinkError::Damaged(LinkPart::Broker))
    }

    /// Who a handed-out link is for; anything but `to=present` is a tablet's.
    pub fn audience_in(text: &str) -> Audience {
        match param(fragment_of(text), "to", LinkPart::Broker) {
            Ok("present") => Audience::RoomScreen,
            _ => Audience::Tablet,
        }
    }

    /// Reads a fragment (with or without its `#`, or a whole pasted address).
    /// Parameters may come in any order and unknown ones are ignored, so later
    /// versions can add some; a part given twice with two values is damaged.
    pub fn parse_fragment(text: &str) -> Result<LiveLink, LinkError> {
        let fragment = fragment_of(text);
        if !looks_like_live_link(fragment) {
            return Err(LinkError::NotALiveLink);
        }
        let workshop = param(fragment, "w", LinkPart::Workshop)?;
        let key = param(fragment, "k", LinkPart::Key)?;
        let facilitator = param(fragment, "f", LinkPart::Facilitator)?;
        Ok(LiveLink {
            workshop: Id::parse(workshop).ok_or(LinkError::Damaged(LinkPart::Workshop))?,
            key: RoomKey::parse(key).ok_or(LinkError::Damaged(LinkPart::Key))?,
            facilitator: PublicKey::parse(facilitator)
                .ok_or(LinkError::Damaged(LinkPart::Facilitator))?,
        })
    }
}

/// Whether a fragment is meant as a live link (has a `w=`, `k=` or `f=`
/// parameter), so the router can tell `#w=…` from `#/setup` and show a
/// damaged live link's error instead of an unknown page.
pub fn looks_like_live_link(text: &str) -> bool {
    fragment_of(text).split('&').any(|p| {
        let name = p.split('=').next().unwrap_or_default();
        p.contains('=') && matches!(name, "w" | "k" | "f")
    })
}

/// The part after `#` of a pasted address, or the text itself, trimmed.
fn fragment_of(text: &str) -> &str {
    let text = text.trim();
    match text.split_once('#') {
        Some((_, fragment)) => fragment.trim(),
        None => text,
    }
}

/// The one value of a parameter; two different values make the part damaged.
fn param<'a>(fragment: &'a str, name: &str, part: LinkPart) -> Result<&'a str, LinkError> {
    let mut found: Option<&str> = None;
    for pair in fragment.split('&') {
        if let Some((n, value)) = pair.split_once('=') {
            if n == name {
                if found.is_some_and(|f| f != value) {
                    return Err(LinkError::Damaged(part));
                }
                found = Some(value);
            }
        }
    }
    match found {
        None => Err(LinkError::Missing(part)),
        Some("") => Err(LinkError::Missing(part)),
        Some(value) => Ok(value),
    }
}

/// Percent-encodes everything but the characters a URI component keeps as they
/// are (as the browser's `encodeURIComponent` does).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` sequences; `None` for a broken sequence or text that is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let pair = bytes.get(i + 1..i + 3)?;
            if !pair.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            out.push(u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
