//! Broker restarts made by the script that runs the bench: with
//! `RESTART_EVENTS=1` it writes a `down` line on stdin as it kills the broker
//! and an `up` line once the broker accepts connections again. From those
//! marks, and when each tablet reconnected and was heard, this works out how
//! long the room took to be whole again after each restart.

use std::io::BufRead;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// A line the script wrote, and when it was read.
pub type Mark = (bool, Instant);

/// Reads `down` / `up` lines from stdin for the rest of the run.
pub fn listen(marks: Arc<Mutex<Vec<Mark>>>) {
    // The thread ends with the process; stdin closing ends it sooner.
    let _ = thread::Builder::new()
        .name("restart-marks".into())
        .spawn(move || {
            for line in std::io::stdin().lock().lines() {
                let Ok(line) = line else { break };
                let up = match line.trim() {
                    "down" => false,
                    "up" => true,
                    _ => continue,
                };
                if let Ok(mut m) = marks.lock() {
                    m.push((up, Instant::now()));
                }
            }
        });
}

/// One restart: when the broker went and came back, and when the next went.
pub struct Restart {
    down: Instant,
    up: Instant,
    next_down: Option<Instant>,
}

/// Pairs each `down` with the `up` after it.
pub fn restarts(marks: &[Mark]) -> Vec<Restart> {
    let mut out: Vec<Restart> = Vec::new();
    let mut down = None;
    for &(up, at) in marks {
        match (up, down) {
            (false, _) => {
                if let Some(last) = out.last_mut() {
                    last.next_down.get_or_insert(at);
                }
                down = Some(at);
            }
            (true, Some(d)) => {
                out.push(Restart {
                    down: d,
                    up: at,
                    next_down: None,
                });
                down = None;
            }
            (true, None) => {}
        }
    }
    out
}

/// How the room came back after one restart.
pub struct Recovery {
    /// From `down` to `up`.
    pub outage: Duration,
    /// From `up` to the next restart's `down`, if there was one: what
    /// happened later counts for that restart.
    pub until_next: Option<Duration>,
    /// From `up` until the presenter was subscribed again, if it had to be.
    pub presenter_back: Option<Duration>,
    /// Tablets that reconnected before the next restart.
    pub reconnected: usize,
    /// From `up` until the last of them reconnected.
    pub reconnected_all: Duration,
    /// Tablets from which the presenter had a message published after `up`.
    pub seen_again: usize,
    /// From `up` until the presenter had such a message from the last of them.
    pub seen_again_all: Duration,
    /// … and from half of them.
    pub seen_again_p50: Duration,
}

/// `readies`: who reconnected when (`None` is the presenter); `receipts`:
/// tablet, when its message was published and when the presenter had it.
pub fn recovery(
    r: &Restart,
    tablets: usize,
    readies: &[(Option<usize>, Instant)],
    receipts: &[(usize, Instant, Instant)],
) -> Recovery {
    let inside = |at: Instant| at >= r.up && r.next_down.is_none_or(|next| at < next);
    let mut reconnected = vec![None; tablets];
    let mut presenter_back = None;
    for &(who, at) in readies.iter().filter(|(_, at)| inside(*at)) {
        let first = match who {
            Some(n) => match reconnected.get_mut(n) {
                Some(slot) => slot,
                None => continue,
            },
            None => &mut presenter_back,
        };
        if first.is_none_or(|f| at < f) {
            *first = Some(at);
        }
    }
    let mut seen = vec![None; tablets];
    for &(n, _, got) in receipts.iter().filter(|(_, s, g)| inside(*s) && inside(*g)) {
        if let Some(slot) = seen.get_mut(n) {
            if slot.is_none_or(|f| got < f) {
                *slot = Some(got);
            }
        }
    }
    let after_up = |v: &[Option<Instant>]| {
        let mut d: Vec<Duration> = v.iter().flatten().map(|&at| at - r.up).collect();
        d.sort_unstable();
        d
    };
    let reconnected = after_up(&reconnected);
    let seen = after_up(&seen);
    Recovery {
        outage: r.up - r.down,
        until_next: r.next_down.map(|next| next - r.up),
        presenter_back: presenter_back.map(|at| at - r.up),
        reconnected: reconnected.len(),
        reconnected_all: reconnected.last().copied().unwrap_or_default(),
        seen_again: seen.len(),
        seen_again_all: seen.last().copied().unwrap_or_default(),
        seen_again_p50: seen.get(seen.len() / 2).copied().unwrap_or_default(),
    }
}
