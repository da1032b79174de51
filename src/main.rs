fn main() {
    #[cfg(target_arch = "wasm32")]
    co_produce::mount();
}
