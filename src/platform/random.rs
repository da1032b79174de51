//! Random ids from the browser's cryptographic generator.

use crate::model::Id;

/// A fresh random 128-bit id. If the browser has no random source (it always
/// does where WebAssembly runs), the clock keeps ids distinct on this device.
pub fn new_id() -> Id {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        let t = (js_sys::Date::now() * 1000.0) as u128
            ^ ((js_sys::Math::random() * 1e15) as u128) << 64;
        return Id(t);
    }
    Id::from_bytes(bytes)
}

/// Fresh random bytes for keys and nonces. Live mode is refused (with a
/// message) rather than run on weak randomness if the browser has none.
pub fn bytes<const N: usize>() -> Option<[u8; N]> {
    let mut out = [0u8; N];
    getrandom::fill(&mut out).ok()?;
    Some(out)
}
