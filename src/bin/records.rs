//! The records' build: the screens that open many decision records at once
//! (comparing places, combining sessions), loaded only when one is opened
//! (see `co_produce::mount_records`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    co_produce::mount_records();
}
