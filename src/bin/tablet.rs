//! The tablet's build: the small module that participants' tablets download
//! from a join link (see `co_produce::mount_tablet`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    co_produce::mount_tablet();
}
