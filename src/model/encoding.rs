//! Byte encodings shared by the ballot code, the join link and live keys:
//! base64url for text that travels in links and QR codes, CRC-32 to catch
//! a mistyped code.

/// CRC-32 (IEEE 802.3, the zlib/PNG one), so a mistyped or cut code is
/// caught rather than misread.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The URL- and filename-safe alphabet of RFC 4648 §5.
const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Whether a byte is one of base64url's 64 characters.
pub fn is_base64url_char(c: u8) -> bool {
    B64.contains(&c)
}

/// Bytes as base64url (RFC 4648 §5) without padding: safe in a link, a
/// topic and a QR code.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | (u32::from(b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// The bytes of unpadded base64url text; `None` for any other character, a
/// cut-off length, or stray bits after the last byte (so every byte string
/// has exactly one spelling).
pub fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let values: Option<Vec<u32>> = text
        .bytes()
        .map(|c| B64.iter().position(|&x| x == c).map(|v| v as u32))
        .collect();
    let values = values?;
    for chunk in values.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &v)| acc | (v << (18 - 6 * i)));
        // Bits past the last whole byte must be zero, so each code has one
        // spelling and a changed last character is not silently accepted.
        if n & ((1 << (24 - 8 * (chunk.len() - 1))) - 1) != 0 {
            return None;
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}
