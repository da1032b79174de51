//! Co-produce: run a Total Transformation co-production workshop in the browser.

pub mod model;
pub mod route;

// The generated i18n module trips a clippy style lint that is not ours to fix.
#[cfg(target_arch = "wasm32")]
#[allow(clippy::new_ret_no_self, unused_imports)]
#[doc(hidden)]
pub mod generated_i18n {
    include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
}
#[cfg(target_arch = "wasm32")]
use generated_i18n::i18n;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod platform;
#[cfg(target_arch = "wasm32")]
mod state;
#[cfg(target_arch = "wasm32")]
mod ui;

#[cfg(target_arch = "wasm32")]
pub use app::{mount, mount_records, mount_tablet};
