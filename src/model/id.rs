//! Random 128-bit identifiers for workshops and ballots.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A 128-bit identifier, written as 32 lowercase hex digits. The random bytes
/// come from the platform, so the model stays deterministic under test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Id(pub u128);

impl Id {
    /// An id from 16 random bytes.
    pub fn from_bytes(bytes: [u8; 16]) -> Id {
        Id(u128::from_be_bytes(bytes))
    }

    /// Reads 32 lowercase hex digits, the only form this app writes.
    pub fn parse(text: &str) -> Option<Id> {
        if text.len() != 32
            || !text
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            return None;
        }
        u128::from_str_radix(text, 16).ok().map(Id)
    }

    /// The first eight hex digits, enough to tell ids apart on screen.
    pub fn short(self) -> String {
        self.to_string()[..8].to_string()
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Id::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{}{}",
                super::text::clip(&text, 40),
                super::json_problem::NOT_AN_ID
            ))
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A random 128-bit id as 32 lowercase hex digits.",
            "type": "string",
            "pattern": "^[0-9a-f]{32}$"
        })
    }
}
