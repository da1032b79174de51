//! Puts a tablet's thread in another network namespace (one made by
//! `tests/bench/bad_network.mjs`, whose link to the broker loses and delays
//! packets), while the presenter stays in this one. A namespace is per
//! thread on Linux, so one process keeps one clock for every latency.

use std::fs::File;
use std::io;
use std::os::fd::AsRawFd;

/// Opens the namespace that `ip netns add <name>` made.
pub fn open(name: &str) -> io::Result<File> {
    let path = format!("/run/netns/{name}");
    File::open(&path).map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))
}

/// Moves this thread into `ns`; sockets it opens afterwards live there.
pub fn enter(ns: &File) -> io::Result<()> {
    // SAFETY: setns reads a descriptor that `ns` keeps open for the call and
    // changes only this thread's namespace, no memory Rust knows about.
    let rc = unsafe { libc::setns(ns.as_raw_fd(), libc::CLONE_NEWNET) };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}
