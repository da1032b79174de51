//! The browser at arm's length: storage, clock, randomness, files and the
//! address bar, each behind plain Rust functions so the model never sees them.

pub mod address;
pub mod broadcast;
pub mod broker;
pub mod builds;
pub mod clock;
pub mod dialog;
pub mod files;
pub mod keyboard;
pub mod network;
pub mod prefetch;
pub mod prefs;
pub mod random;
pub mod scanner;
pub mod speech;
pub mod storage;
