//! A live-mode load test against a real MQTT broker over plain TCP.
//!
//! Simulates a room of tablets, each with its own key and ballot, moving a
//! slider and publishing every change as a sealed, signed, retained QoS 1
//! ballot, with one presenter that subscribes to the workshop, opens and
//! verifies each message, merges it and recomputes the room's figures. Each
//! tablet also writes `NOTES` notes (5) in the first third of the run and
//! agrees with `AGREES` (20) of others' notes after it, as changes of its
//! ballot like any other; for those the presenter also redraws the wall of
//! notes of every area, and the time from publish to the wall is printed
//! apart. Uses
//! the app's own codec, sans-I/O session and back-off (`model::live::mqtt`)
//! and sealing (`LiveRoom`): every client reconnects as the app does and then
//! publishes its latest state again.
//!
//! ```text
//! MQTT_TCP=127.0.0.1:1883 TABLETS=200 RATE=2 SECONDS=60 cargo bench --bench live_load
//! ```
//! `MQTT_TCP_PRESENTER` (default `MQTT_TCP`) lets the presenter use another
//! node of a broker cluster. `TABLETS_NETNS=<name>` runs the tablets in that
//! network namespace (the presenter stays in this one), and
//! `RESTART_EVENTS=1` reads `down`/`up` lines on stdin as a script restarts
//! the broker (`tests/bench/live_load.mjs --bad-network` does both). Each run
//! makes a fresh workshop and clears its retained messages at the end. Prints
//! a table, then one `RESULT {json}` line for scripts, and exits 1 if a
//! ballot's final state never reached the presenter. This target has no test
//! harness, so it keeps a `main` on wasm32 (where it does nothing).

#[cfg(not(target_arch = "wasm32"))]
mod link;
#[cfg(not(target_arch = "wasm32"))]
mod netns;
#[cfg(not(target_arch = "wasm32"))]
mod restarts;

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    host::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod host {
    use std::collections::hash_map::DefaultHasher;
    use std::collections::{HashMap, HashSet};
    use std::fs::File;
    use std::hash::{Hash, Hasher};
    use std::io;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Barrier, Mutex};
    use std::thread;
    use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

    use co_produce::model::live::{
        ballot_id_for, client_id, signing_key_from_seed, LiveLink, LiveRoom, PublicKey,
        ReceiveCounts, Received, RoomKey, SigningKey,
    };
    use co_produce::model::{
        aggregate, merge_ballots, note_wall, Area, Ballot, Catalogue, CatalogueRef, Id,
        KindAllocation, NoteKind, ParticipantNote, Role, Timestamp, Workshop,
    };

    use crate::link::{Link, LinkEvent};
    use crate::netns;
    use crate::restarts::{self, Mark};

    /// A published update: which ballot, and its stamp (strictly rising per ballot).
    type UpdateKey = (Id, i64);

    /// How long a client may take to connect and subscribe at the start
    /// (through a lossy link a lost SYN alone costs a second or more).
    const CONNECT_WAIT: Duration = Duration::from_secs(60);
    /// How long a tablet waits at the end for the broker to have its last
    /// state, and the presenter for every tablet's last state.
    const FINISH_WAIT: Duration = Duration::from_secs(60);

    /// splitmix64: nonces and seeds for a load test need to differ, not to be secret.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        fn bytes<const N: usize>(&mut self) -> [u8; N] {
            let mut out = [0u8; N];
            for chunk in out.chunks_mut(8) {
                let n = self.next().to_le_bytes();
                chunk.copy_from_slice(&n[..chunk.len()]);
            }
            out
        }
    }

    struct Settings {
        tablets: usize,
        rate: f64,
        seconds: f64,
        broker: String,
        presenter_broker: String,
        /// The network namespace the tablets run in, if not this one.
        netns: Option<String>,
        /// Whether stdin carries the broker's restarts.
        restart_events: bool,
        /// Notes each tablet writes, and others' notes each agrees with.
        notes: usize,
        agrees: usize,
    }

    fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
        match std::env::var(name) {
            Ok(v) => v.trim().parse().unwrap_or_else(|_| {
                eprintln!("{name}={v} is not a number; using the default");
                default
            }),
            Err(_) => default,
        }
    }

    fn settings() -> Settings {
        let broker = std::env::var("MQTT_TCP").unwrap_or_else(|_| "127.0.0.1:1883".into());
        Settings {
            tablets: env_or("TABLETS", 200usize).max(1),
            rate: env_or("RATE", 2.0f64).max(0.01),
            seconds: env_or("SECONDS", 60.0f64).max(0.1),
            notes: env_or("NOTES", 5usize).min(30),
            agrees: env_or("AGREES", 20usize).min(100),
            presenter_broker: std::env::var("MQTT_TCP_PRESENTER")
                .unwrap_or_else(|_| broker.clone()),
            broker,
            netns: std::env::var("TABLETS_NETNS")
                .ok()
                .filter(|n| !n.is_empty()),
            restart_events: std::env::var("RESTART_EVENTS").is_ok_and(|v| v == "1"),
        }
    }

    fn now_ms() -> i64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or_default()
    }

    /// Time this thread has spent on a CPU, from Linux's scheduler statistics
    /// (libc is not a dependency, so no `clock_gettime`); `None` elsewhere.
    fn thread_cpu() -> Option<Duration> {
        let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
        let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
        Some(Duration::from_nanos(ns))
    }

    /// The machine's load averages ("1 5 15" minutes), from Linux; `None` elsewhere.
    fn loadavg() -> Option<String> {
        let text = std::fs::read_to_string("/proc/loadavg").ok()?;
        Some(
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" "),
        )
    }

    /// A broker that did not let a client in.
    fn unreachable(addr: &str) -> io::Error {
        io::Error::other(format!(
            "not connected and subscribed within {} s (is an MQTT broker listening on {addr}?)",
            CONNECT_WAIT.as_secs()
        ))
    }

    /// Polls `link` until it is subscribed or `CONNECT_WAIT` passes.
    fn connect(link: &mut Link, on_ready: impl Fn()) -> bool {
        let ready_by = Instant::now() + CONNECT_WAIT;
        while !link.is_ready() && Instant::now() < ready_by {
            for e in link.poll(Instant::now() + Duration::from_millis(100)) {
                if let LinkEvent::Ready = e {
                    on_ready();
                }
            }
        }
        link.is_ready()
    }

    /// Tells one publish from another (each has a fresh nonce), so the
    /// presenter knows when what it received was published.
    fn payload_hash(payload: &[u8]) -> u64 {
        let mut h = DefaultHasher::new();
        payload.hash(&mut h);
        h.finish()
    }

    // ------------------------------------------------------------ the room

    fn workshop(id: Id, now: Timestamp) -> Workshop {
        let catalogue = Catalogue {
            reference: CatalogueRef {
                id: "load-test".into(),
                version: "1".into(),
            },
            areas: Vec::new(),
        };
        let mut w = Workshop::new(id, now, "2026-11-25".into(), &catalogue);
        w.name = "Live load test".into();
        // Five kinds, like a workshop with one kind of its own.
        w.add_kind("Volunteer drivers".into(), now);
        w
    }

    fn ballot(w: &Workshop, key: &SigningKey, n: usize, now: Timestamp) -> Ballot {
        Ballot {
            id: ballot_id_for(&PublicKey::of(key)),
            workshop_id: w.id,
            participant: format!("Tablet {n}"),
            role: Role::ALL[n % Role::ALL.len()],
            allocations: w
                .kinds
                .iter()
                .map(|k| (k.id.clone(), KindAllocation::from_baseline(k)))
                .collect(),
            partnership: Default::default(),
            notes: Default::default(),
            agrees: Default::default(),
            session: None,
            updated_at: now,
        }
    }

    /// What one update of a tablet does.
    #[derive(Clone, Copy, PartialEq)]
    enum Step {
        /// Moves a slider.
        Slider,
        /// Writes its `n`th note.
        Note(usize),
        /// Agrees with its `n`th note of another's.
        Agree(usize),
    }

    /// A tablet's updates: sliders, with its notes spread over the first third
    /// of the run and its agreements over the rest (each on the first free
    /// update at or after its even spot; fewer when the run is too short).
    fn steps(updates: usize, notes: usize, agrees: usize) -> Vec<Step> {
        let mut steps = vec![Step::Slider; updates];
        let mut place = |at: usize, step: Step| {
            if let Some(free) = (at..updates).find(|&i| steps[i] == Step::Slider) {
                steps[free] = step;
            }
        };
        let third = updates / 3;
        for j in 0..notes {
            place((j + 1) * third / (notes + 1), Step::Note(j));
        }
        for j in 0..agrees {
            place(
                third + (j + 1) * (updates - third) / (agrees + 1),
                Step::Agree(j),
            );
        }
        steps
    }

    /// The id of tablet `n`'s `j`th note: worked out alike by its author and
    /// by the tablets that agree with it (ids only need to differ within one
    /// run's fresh workshop).
    fn note_id(workshop: Id, n: usize, j: usize) -> Id {
        let mut rng = Rng(payload_hash(workshop.short().as_bytes()) ^ ((n as u64) << 8 | j as u64));
        Id::from_bytes(rng.bytes())
    }

    struct Shared {
        room: LiveRoom,
        workshop: Workshop,
        /// When each update was first written to a socket.
        sent: Mutex<HashMap<UpdateKey, Instant>>,
        /// The updates that wrote a note or agreed with one.
        words: Mutex<HashSet<UpdateKey>>,
        /// Every publish by its payload's hash: which tablet, and when it was written.
        publishes: Mutex<HashMap<u64, (usize, Instant)>>,
        /// Who was connected and subscribed when (`None`: the presenter).
        readies: Mutex<Vec<(Option<usize>, Instant)>>,
        /// The newest stamp of each ballot in the presenter's workshop.
        newest: Mutex<HashMap<Id, i64>>,
        /// Broker restarts, as the script running the bench marked them.
        marks: Arc<Mutex<Vec<Mark>>>,
        stop: AtomicBool,
        start: Barrier,
    }

    impl Shared {
        fn ready(&self, who: Option<usize>) {
            if let Ok(mut r) = self.readies.lock() {
                r.push((who, Instant::now()));
            }
        }
    }

    #[derive(Default)]
    struct TabletResult {
        topic: String,
        ballot: Id,
        /// The stamp of every update made (slider moved), rising.
        stamps: Vec<i64>,
        /// Updates published as they were made.
        published: u64,
        /// Updates made while not connected: the next publish carries them.
        offline: u64,
        /// The latest state published again after a reconnection.
        again: u64,
        /// Whether the last publish was left unacknowledged by the broker.
        unacknowledged: bool,
        payload_bytes: usize,
    }

    /// One simulated tablet: its key, its ballot and its link to the broker.
    struct Tablet<'a> {
        n: usize,
        shared: &'a Shared,
        rng: Rng,
        key: SigningKey,
        ballot: Ballot,
        link: Link,
        out: TabletResult,
    }

    impl Tablet<'_> {
        /// Keeps the link up until `until`, sending the latest state again
        /// after every reconnection, as the app's `on_connected` does.
        fn wait_until(&mut self, until: Instant) -> io::Result<()> {
            while Instant::now() < until {
                for e in self.link.poll(until) {
                    if let LinkEvent::Ready = e {
                        self.shared.ready(Some(self.n));
                        if self.publish()? {
                            self.out.again += 1;
                        }
                    }
                }
            }
            Ok(())
        }

        /// Seals and publishes the ballot as it is now; `false` when offline.
        fn publish(&mut self) -> io::Result<bool> {
            if !self.link.is_ready() {
                return Ok(false);
            }
            let sealed = self
                .shared
                .room
                .seal_ballot(&self.key, &self.ballot, self.rng.bytes())
                .map_err(io::Error::other)?;
            self.out.payload_bytes = sealed.payload.len();
            let at = Instant::now();
            // Noted before the write, so the presenter can never be first.
            if let Ok(mut sent) = self.shared.sent.lock() {
                sent.entry((self.ballot.id, self.ballot.updated_at.0))
                    .or_insert(at);
            }
            if let Ok(mut p) = self.shared.publishes.lock() {
                p.insert(payload_hash(&sealed.payload), (self.n, at));
            }
            Ok(self.link.publish(&sealed.topic, sealed.payload))
        }
    }

    fn tablet(
        n: usize,
        seed: u64,
        s: &Settings,
        shared: &Shared,
        netns: Option<&File>,
    ) -> io::Result<TabletResult> {
        let entered = netns.map(netns::enter).transpose();
        let mut rng = Rng(seed);
        let key = signing_key_from_seed(rng.bytes());
        let public = PublicKey::of(&key);
        // The app's tablets follow the whole workshop; here they follow only
        // the facilitator's topic, as 200 tablets each receiving 400 ballots a
        // second would measure this machine rather than the broker.
        let mut link = Link::new(
            &s.broker,
            client_id(&public),
            shared.room.facilitator_topic(),
        );
        let connected = entered.is_ok() && connect(&mut link, || shared.ready(Some(n)));
        // Still meet the others at the start, or they would wait for ever.
        shared.start.wait();
        if let Err(e) = entered {
            return Err(io::Error::new(
                e.kind(),
                format!("could not enter the tablets' network namespace: {e}"),
            ));
        }
        if !connected {
            return Err(unreachable(&s.broker));
        }
        if shared.stop.load(Ordering::Relaxed) {
            link.close();
            return Err(io::Error::other("the presenter could not start"));
        }
        let mut t = Tablet {
            n,
            shared,
            ballot: ballot(&shared.workshop, &key, n, Timestamp(now_ms())),
            rng,
            key,
            link,
            out: TabletResult {
                topic: shared.room.ballot_topic(&public),
                ..TabletResult::default()
            },
        };
        t.out.ballot = t.ballot.id;
        let interval = Duration::from_secs_f64(1.0 / s.rate);
        let updates = (s.seconds * s.rate).round().max(1.0) as u64;
        // Tablets start spread over one interval, as people do not move in step.
        let begin = Instant::now() + interval.mul_f64(n as f64 / s.tablets as f64);
        let kind_ids: Vec<String> = shared.workshop.kinds.iter().map(|k| k.id.clone()).collect();
        let workshop_id = shared.workshop.id;
        for (k, step) in steps(updates as usize, s.notes, s.agrees)
            .into_iter()
            .enumerate()
        {
            t.wait_until(begin + interval.mul_f64(k as f64))?;
            let stamp = Timestamp(now_ms().max(t.ballot.updated_at.0 + 1));
            match step {
                Step::Slider => {
                    // Move one slider of one kind, as a participant would.
                    let kind = &kind_ids[k % kind_ids.len()];
                    let area = Area::ALL[(t.rng.next() % 5) as usize];
                    let target = (t.rng.next() % 10_001) as u32;
                    if let Some(a) = t.ballot.allocations.get_mut(kind) {
                        a.set_area(area, target);
                    }
                }
                Step::Note(j) => t.ballot.notes.push(ParticipantNote {
                    id: note_id(workshop_id, n, j),
                    area: Area::ALL[j % Area::ALL.len()],
                    kind: NoteKind::ALL[(n + j) % NoteKind::ALL.len()],
                    text: format!("Note {} of tablet {n}: buses to the day centre on Sundays, and carers who have time to talk.", j + 1),
                    updated_at: stamp,
                }),
                Step::Agree(j) => {
                    // The next tablets' notes, one each, round the room.
                    let other = (n + 1 + j) % s.tablets;
                    if other != n {
                        t.ballot.agrees.insert(note_id(workshop_id, other, j % s.notes.max(1)));
                    }
                }
            }
            t.ballot.updated_at = stamp;
            t.out.stamps.push(t.ballot.updated_at.0);
            if step != Step::Slider {
                if let Ok(mut words) = shared.words.lock() {
                    words.insert((t.ballot.id, stamp.0));
                }
            }
            if t.publish()? {
                t.out.published += 1;
            } else {
                t.out.offline += 1;
            }
        }
        // Stay until the broker has the last state (reconnecting if need be).
        let deadline = Instant::now() + FINISH_WAIT;
        while (!t.link.is_ready() || t.link.unacknowledged() > 0) && Instant::now() < deadline {
            t.wait_until(Instant::now() + Duration::from_millis(50))?;
        }
        t.out.unacknowledged = !t.link.is_ready() || t.link.unacknowledged() > 0;
        t.link.close();
        Ok(t.out)
    }

    struct PresenterResult {
        workshop: Workshop,
        counts: ReceiveCounts,
        publishes: u64,
        duplicates: u64,
        /// Updates (ballot and stamp) the presenter's figures have had.
        seen: u64,
        /// When each update was published, and how long until the presenter's figures had it.
        latencies: Vec<(Instant, Duration)>,
        /// For the updates that wrote or agreed with a note: how long until
        /// the presenter's walls of notes had it.
        wall_latencies: Vec<Duration>,
        /// Time to redraw every area's wall once.
        wall_drawing: Vec<Duration>,
        /// Tablet, when its message was published and when the figures had it.
        receipts: Vec<(usize, Instant, Instant)>,
        processing: Vec<Duration>,
        /// Of which opening the seal, verifying the signature and reading the JSON.
        opening: Vec<Duration>,
        cpu: Option<Duration>,
        ballots_processed: u64,
    }

    fn presenter(
        s: &Settings,
        shared: &Shared,
        facilitator: &SigningKey,
    ) -> io::Result<PresenterResult> {
        let mut link = Link::new(
            &s.presenter_broker,
            client_id(&PublicKey::of(facilitator)),
            shared.room.filter(),
        );
        if !connect(&mut link, || shared.ready(None)) {
            // Let the tablets go, or they would wait at the start for ever.
            shared.stop.store(true, Ordering::Relaxed);
            shared.start.wait();
            return Err(unreachable(&s.presenter_broker));
        }
        shared.start.wait();
        // The script running the bench times its broker restarts from here.
        println!("EVENT sending");
        receive(link, shared)
    }

    fn receive(mut link: Link, shared: &Shared) -> io::Result<PresenterResult> {
        let mut w = shared.workshop.clone();
        let mut counts = ReceiveCounts::default();
        let mut seen: HashSet<UpdateKey> = HashSet::new();
        let (mut publishes, mut duplicates, mut ballots_processed) = (0u64, 0u64, 0u64);
        let mut latencies = Vec::new();
        let mut wall_latencies = Vec::new();
        let mut wall_drawing = Vec::new();
        let mut receipts = Vec::new();
        let mut processing = Vec::new();
        let mut opening = Vec::new();
        let cpu_start = thread_cpu();
        while !shared.stop.load(Ordering::Relaxed) {
            for event in link.poll(Instant::now() + Duration::from_millis(50)) {
                let LinkEvent::Message { topic, payload } = event else {
                    // Subscribed again after losing the broker: retained
                    // ballots come back by themselves.
                    shared.ready(None);
                    continue;
                };
                publishes += 1;
                let started = Instant::now();
                let opened = shared.room.open(&topic, &payload);
                opening.push(started.elapsed());
                counts.record(&opened);
                let Ok(Received::Ballot(b)) = opened else {
                    continue;
                };
                let key = (b.id, b.updated_at.0);
                let report = merge_ballots(&mut w, vec![b], "live");
                counts.record_merge(&report);
                let figures = aggregate(&w);
                std::hint::black_box(&figures);
                // A note or an agreement redraws the walls too (a room's
                // screen shows one area's; every area's is the upper bound).
                let words = shared
                    .words
                    .lock()
                    .map(|w| w.contains(&key))
                    .unwrap_or(false);
                if words {
                    let drawing = Instant::now();
                    for area in Area::ALL {
                        std::hint::black_box(note_wall(&w, area, true));
                    }
                    wall_drawing.push(drawing.elapsed());
                }
                let done = Instant::now();
                processing.push(done - started);
                ballots_processed += 1;
                if let (Some(b), Ok(mut newest)) = (w.ballot(key.0), shared.newest.lock()) {
                    newest.insert(key.0, b.updated_at.0);
                }
                let published = shared
                    .publishes
                    .lock()
                    .ok()
                    .and_then(|p| p.get(&payload_hash(&payload)).copied());
                if let Some((n, at)) = published {
                    receipts.push((n, at, done));
                }
                if !seen.insert(key) {
                    duplicates += 1;
                    continue;
                }
                if let Some(at) = shared.sent.lock().ok().and_then(|m| m.get(&key).copied()) {
                    latencies.push((at, done - at));
                    if words {
                        wall_latencies.push(done - at);
                    }
                }
            }
        }
        let cpu = match (cpu_start, thread_cpu()) {
            (Some(a), Some(b)) => Some(b.saturating_sub(a)),
            _ => None,
        };
        link.close();
        Ok(PresenterResult {
            workshop: w,
            counts,
            publishes,
            duplicates,
            seen: seen.len() as u64,
            latencies,
            wall_latencies,
            wall_drawing,
            receipts,
            processing,
            opening,
            cpu,
            ballots_processed,
        })
    }

    /// Publishes an empty retained message on each topic, which deletes the
    /// retained ballot, so a shared broker is left as it was found.
    fn clear_retained<'a>(addr: &str, topics: impl Iterator<Item = &'a str>) -> io::Result<()> {
        let mut link = Link::new(addr, "co-produce-load-cleanup".into(), "wk/cleanup".into());
        if !connect(&mut link, || {}) {
            return Err(unreachable(addr));
        }
        for topic in topics {
            link.publish(topic, Vec::new());
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while link.unacknowledged() > 0 && Instant::now() < deadline {
            link.poll(Instant::now() + Duration::from_millis(50));
        }
        link.close();
        Ok(())
    }

    fn percentile(sorted: &[Duration], p: f64) -> Duration {
        if sorted.is_empty() {
            return Duration::ZERO;
        }
        let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
        sorted[i.min(sorted.len() - 1)]
    }

    fn ms(d: Duration) -> String {
        format!("{:.2}", d.as_secs_f64() * 1e3)
    }

    fn us(d: Duration) -> String {
        format!("{:.0}", d.as_secs_f64() * 1e6)
    }

    pub fn main() {
        let s = settings();
        let mut rng = Rng(now_ms() as u64 ^ u64::from(std::process::id()) << 32);
        let facilitator = signing_key_from_seed(rng.bytes());
        let workshop_id = Id::from_bytes(rng.bytes());
        let link = LiveLink::for_facilitator(workshop_id, RoomKey(rng.bytes()), &facilitator);
        let shared = Arc::new(Shared {
            room: LiveRoom::new(link),
            workshop: workshop(workshop_id, Timestamp(now_ms())),
            sent: Mutex::new(HashMap::new()),
            words: Mutex::new(HashSet::new()),
            publishes: Mutex::new(HashMap::new()),
            readies: Mutex::new(Vec::new()),
            newest: Mutex::new(HashMap::new()),
            marks: Arc::new(Mutex::new(Vec::new())),
            stop: AtomicBool::new(false),
            start: Barrier::new(s.tablets + 1),
        });
        let netns = match &s.netns {
            Some(name) => match netns::open(name) {
                Ok(f) => Some(Arc::new(f)),
                Err(e) => {
                    eprintln!("live_load: cannot open the tablets' network namespace: {e}");
                    std::process::exit(2);
                }
            },
            None => None,
        };
        if s.restart_events {
            restarts::listen(Arc::clone(&shared.marks));
        }
        let s = Arc::new(s);
        let load_start = loadavg();
        println!(
            "live_load: {} tablets × {}/s × {} s; tablets → {}{}, presenter → {}; workshop {}",
            s.tablets,
            s.rate,
            s.seconds,
            s.broker,
            s.netns
                .as_deref()
                .map(|n| format!(" from network namespace {n}"))
                .unwrap_or_default(),
            s.presenter_broker,
            workshop_id.short()
        );

        let presenter_thread = {
            let (s, shared) = (Arc::clone(&s), Arc::clone(&shared));
            thread::spawn(move || presenter(&s, &shared, &facilitator))
        };
        let tablets: Vec<_> = (0..s.tablets)
            .map(|n| {
                let (s, shared, netns) = (Arc::clone(&s), Arc::clone(&shared), netns.clone());
                let seed = rng.next();
                thread::Builder::new()
                    .stack_size(512 * 1024)
                    .spawn(move || tablet(n, seed, &s, &shared, netns.as_deref()))
            })
            .collect();
        let started = Instant::now();
        let mut results = Vec::new();
        let mut failures = 0;
        for t in tablets {
            match t.map_err(|e| e.to_string()).and_then(|h| {
                h.join()
                    .map_err(|_| "a tablet thread panicked".to_string())
                    .and_then(|r| r.map_err(|e| e.to_string()))
            }) {
                Ok(r) => results.push(r),
                Err(e) => {
                    if failures == 0 {
                        eprintln!("a tablet failed: {e}");
                    }
                    failures += 1;
                }
            }
        }
        let sending = started.elapsed();
        // Give the presenter time to hear every tablet's last state.
        let has_last = |r: &TabletResult| {
            let newest = shared
                .newest
                .lock()
                .ok()
                .and_then(|m| m.get(&r.ballot).copied());
            newest >= r.stamps.last().copied()
        };
        let deadline = Instant::now() + FINISH_WAIT;
        while !results.iter().all(has_last) && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(20));
        }
        shared.stop.store(true, Ordering::Relaxed);
        let p = match presenter_thread.join() {
            Ok(Ok(p)) => p,
            Ok(Err(e)) => {
                eprintln!("the presenter failed: {e}");
                std::process::exit(1);
            }
            Err(_) => {
                eprintln!("the presenter panicked");
                std::process::exit(1);
            }
        };
        if failures > 0 && results.is_empty() {
            std::process::exit(1);
        }
        let final_stamp = |r: &TabletResult| p.workshop.ballot(r.ballot).map(|b| b.updated_at.0);
        let final_missing = results
            .iter()
            .filter(|r| final_stamp(r) != r.stamps.last().copied())
            .count();
        let made: u64 = results.iter().map(|r| r.stamps.len() as u64).sum();
        let published: u64 = results.iter().map(|r| r.published).sum();
        let offline: u64 = results.iter().map(|r| r.offline).sum();
        let again: u64 = results.iter().map(|r| r.again).sum();
        let unacknowledged = results.iter().filter(|r| r.unacknowledged).count();
        // Every note and agreement made, and what the presenter's workshop holds.
        let words_expected: (usize, usize) = results.iter().fold((0, 0), |(n, a), r| {
            let made = s.notes.min(r.stamps.len());
            (
                n + made,
                a + if s.tablets > 1 {
                    s.agrees.min(r.stamps.len().saturating_sub(made))
                } else {
                    0
                },
            )
        });
        let words_held: (usize, usize) = results
            .iter()
            .filter_map(|r| p.workshop.ballot(r.ballot))
            .fold((0, 0), |(n, a), b| (n + b.notes.len(), a + b.agrees.len()));
        let words_lost = words_expected.0.saturating_sub(words_held.0)
            + words_expected.1.saturating_sub(words_held.1);
        let mut wall_latencies = p.wall_latencies.clone();
        wall_latencies.sort_unstable();
        let mut wall_drawing = p.wall_drawing.clone();
        wall_drawing.sort_unstable();
        // Lost: the presenter never had this state nor a newer one of its ballot.
        let lost: u64 = results
            .iter()
            .map(|r| {
                let have = final_stamp(r).unwrap_or(i64::MIN);
                r.stamps.iter().filter(|&&st| st > have).count() as u64
            })
            .sum();
        // Skipped: a newer state of the same ballot reached the presenter first
        // (a retained topic keeps only the latest message, by design).
        let skipped = made.saturating_sub(p.seen).saturating_sub(lost);
        let recoveries: Vec<restarts::Recovery> = {
            let marks = shared.marks.lock().map(|m| m.clone()).unwrap_or_default();
            let readies = shared.readies.lock().map(|r| r.clone()).unwrap_or_default();
            restarts::restarts(&marks)
                .iter()
                .map(|r| restarts::recovery(r, s.tablets, &readies, &p.receipts))
                .collect()
        };

        let mut latencies: Vec<Duration> = p.latencies.iter().map(|&(_, d)| d).collect();
        latencies.sort_unstable();
        // p95 and max per 10 s of sending, to tell a steady delay from a stall.
        let windows: Vec<(Duration, Duration)> = {
            let mut by_window: Vec<Vec<Duration>> = Vec::new();
            for &(at, d) in &p.latencies {
                let w = (at.saturating_duration_since(started).as_secs() / 10) as usize;
                if by_window.len() <= w {
                    by_window.resize(w + 1, Vec::new());
                }
                by_window[w].push(d);
            }
            by_window
                .into_iter()
                .map(|mut v| {
                    v.sort_unstable();
                    (percentile(&v, 0.95), v.last().copied().unwrap_or_default())
                })
                .collect()
        };
        let mut processing = p.processing.clone();
        processing.sort_unstable();
        let mean_processing = if processing.is_empty() {
            Duration::ZERO
        } else {
            processing.iter().sum::<Duration>() / processing.len() as u32
        };

        println!();
        println!("| measure                                   | value |");
        println!("|-------------------------------------------|-------|");
        println!(
            "| tablets connected / failed                | {} / {failures} |",
            results.len()
        );
        println!(
            "| sending took                              | {:.1} s |",
            sending.as_secs_f64()
        );
        println!("| updates made (slider moves)               | {made} |");
        println!(
            "| … published at once (QoS 1, retained) / made offline | {published} / {offline} |"
        );
        println!("| latest state published again on reconnecting | {again} |");
        println!("| tablets with a publish unacknowledged at the end | {unacknowledged} |");
        println!("| updates the presenter's figures had       | {} |", p.seen);
        println!("| updates skipped (a newer state of the ballot came first) | {skipped} |");
        println!("| updates lost (neither it nor a newer state arrived) | {lost} |");
        println!(
            "| duplicate deliveries                      | {} |",
            p.duplicates
        );
        println!("| ballots whose final state is missing      | {final_missing} |");
        println!(
            "| publishes seen / dropped by the presenter | {} / {} |",
            p.publishes,
            p.counts.dropped()
        );
        println!(
            "| latency publish → aggregate p50           | {} ms |",
            ms(percentile(&latencies, 0.50))
        );
        println!(
            "| latency p95                               | {} ms |",
            ms(percentile(&latencies, 0.95))
        );
        println!(
            "| latency p99                               | {} ms |",
            ms(percentile(&latencies, 0.99))
        );
        println!(
            "| latency max                               | {} ms |",
            ms(latencies.last().copied().unwrap_or_default())
        );
        println!(
            "| latency p95 / max per 10 s of sending     | {} ms |",
            windows
                .iter()
                .map(|(p95, max)| format!(
                    "{:.0}/{:.0}",
                    p95.as_secs_f64() * 1e3,
                    max.as_secs_f64() * 1e3
                ))
                .collect::<Vec<_>>()
                .join(" ")
        );
        println!("| presenter wall time per ballot (open, verify, merge, aggregate) p50 / p99 / mean | {} / {} / {} µs |",
            us(percentile(&processing, 0.50)), us(percentile(&processing, 0.99)), us(mean_processing));
        let mut opening = p.opening.clone();
        opening.sort_unstable();
        println!(
            "| … of which open + verify + parse p50 / p99 | {} / {} µs |",
            us(percentile(&opening, 0.50)),
            us(percentile(&opening, 0.99))
        );
        match p.cpu {
            Some(cpu) if p.ballots_processed > 0 => println!(
                "| presenter thread CPU per ballot (incl. socket, MQTT, PUBACK) | {} µs ({:.1}% of a core) |",
                us(cpu / p.ballots_processed as u32),
                100.0 * cpu.as_secs_f64() / sending.as_secs_f64().max(1e-9)
            ),
            _ => println!("| presenter thread CPU per ballot          | n/a (no /proc/thread-self/schedstat) |"),
        }
        println!(
            "| notes / agreements the presenter holds    | {} of {} / {} of {} |",
            words_held.0, words_expected.0, words_held.1, words_expected.1
        );
        println!("| notes and agreements lost                 | {words_lost} |");
        println!(
            "| latency publish → wall of notes p50 / p95 / p99 / max | {} / {} / {} / {} ms (n={}) |",
            ms(percentile(&wall_latencies, 0.50)),
            ms(percentile(&wall_latencies, 0.95)),
            ms(percentile(&wall_latencies, 0.99)),
            ms(wall_latencies.last().copied().unwrap_or_default()),
            wall_latencies.len()
        );
        println!(
            "| redrawing the five walls p50 / p99        | {} / {} µs |",
            us(percentile(&wall_drawing, 0.50)),
            us(percentile(&wall_drawing, 0.99))
        );
        println!(
            "| sealed ballot payload                     | {} bytes |",
            results.first().map(|r| r.payload_bytes).unwrap_or(0)
        );
        println!(
            "| ballots in the presenter's workshop       | {} |",
            p.workshop.ballots.len()
        );

        for (i, r) in recoveries.iter().enumerate() {
            let secs = |d: Duration| format!("{:.1} s", d.as_secs_f64());
            println!(
                "| restart {}: broker down for / presenter subscribed again after | {} / {} |",
                i + 1,
                secs(r.outage),
                r.presenter_back.map(secs).unwrap_or_else(|| "—".into())
            );
            println!(
                "| … tablets reconnected / the last after     | {} of {} / {} |",
                r.reconnected,
                s.tablets,
                secs(r.reconnected_all)
            );
            println!(
                "| … tablets seen again / half after / all after | {} of {} / {} / {} |",
                r.seen_again,
                s.tablets,
                secs(r.seen_again_p50),
                secs(r.seen_again_all)
            );
            if let Some(next) = r.until_next.filter(|_| r.seen_again < s.tablets) {
                println!(
                    "| … the others not yet, when the next restart came {} later | |",
                    secs(next)
                );
            }
        }

        let load_end = loadavg();
        println!(
            "| machine load average (1, 5, 15 min) before → after | {} → {} |",
            load_start.as_deref().unwrap_or("n/a"),
            load_end.as_deref().unwrap_or("n/a")
        );

        // One machine-readable line for scripts (tests/bench/live_load.mjs).
        let ms_f = |d: Duration| (d.as_secs_f64() * 1e6).round() / 1e3;
        let us_f = |d: Duration| (d.as_secs_f64() * 1e7).round() / 10.0;
        let secs_f = |d: Duration| (d.as_secs_f64() * 100.0).round() / 100.0;
        let restarts_json: Vec<_> = recoveries
            .iter()
            .map(|r| {
                serde_json::json!({
                    "down_s": secs_f(r.outage),
                    "until_next_s": r.until_next.map(secs_f),
                    "presenter_back_s": r.presenter_back.map(secs_f),
                    "reconnected": r.reconnected,
                    "reconnected_all_s": secs_f(r.reconnected_all),
                    "seen_again": r.seen_again,
                    "seen_again_p50_s": secs_f(r.seen_again_p50),
                    "seen_again_all_s": secs_f(r.seen_again_all),
                })
            })
            .collect();
        let cpu_per_ballot = p
            .cpu
            .filter(|_| p.ballots_processed > 0)
            .map(|cpu| us_f(cpu / p.ballots_processed as u32));
        let mut result = serde_json::json!({
            "broker": s.broker,
            "presenter_broker": s.presenter_broker,
            "tablets": s.tablets,
            "rate": s.rate,
            "seconds": s.seconds,
            "connected": results.len(),
            "failed": failures,
            "sending_s": (sending.as_secs_f64() * 100.0).round() / 100.0,
            "netns": s.netns,
            "made": made,
            "published": published,
            "offline": offline,
            "again": again,
            "unacknowledged": unacknowledged,
            "seen": p.seen,
            "skipped": skipped,
            "lost": lost,
            "duplicates": p.duplicates,
            "final_missing": final_missing,
            "publishes": p.publishes,
            "dropped": p.counts.dropped(),
            "latencies": latencies.len(),
            "p50_ms": ms_f(percentile(&latencies, 0.50)),
            "p95_ms": ms_f(percentile(&latencies, 0.95)),
            "p99_ms": ms_f(percentile(&latencies, 0.99)),
            "max_ms": ms_f(latencies.last().copied().unwrap_or_default()),
            "window_p95_ms": windows.iter().map(|w| ms_f(w.0)).collect::<Vec<_>>(),
            "window_max_ms": windows.iter().map(|w| ms_f(w.1)).collect::<Vec<_>>(),
            "processing_p50_us": us_f(percentile(&processing, 0.50)),
            "processing_p99_us": us_f(percentile(&processing, 0.99)),
            "processing_mean_us": us_f(mean_processing),
            "presenter_cpu_us_per_ballot": cpu_per_ballot,
            "presenter_cpu_s": p.cpu.map(|c| (c.as_secs_f64() * 1e3).round() / 1e3),
            "ballots_processed": p.ballots_processed,
            "payload_bytes": results.first().map(|r| r.payload_bytes).unwrap_or(0),
            "loadavg_start": load_start,
            "loadavg_end": load_end,
            "restarts": restarts_json,
        });
        // Apart, as one more key would pass `json!`'s recursion limit.
        result["words"] = serde_json::json!({
            "notes_held": words_held.0,
            "notes_expected": words_expected.0,
            "agrees_held": words_held.1,
            "agrees_expected": words_expected.1,
            "words_lost": words_lost,
            "wall_p50_ms": ms_f(percentile(&wall_latencies, 0.50)),
            "wall_p95_ms": ms_f(percentile(&wall_latencies, 0.95)),
            "wall_p99_ms": ms_f(percentile(&wall_latencies, 0.99)),
            "wall_max_ms": ms_f(wall_latencies.last().copied().unwrap_or_default()),
            "wall_redraw_p50_us": us_f(percentile(&wall_drawing, 0.50)),
        });
        println!("RESULT {result}");

        if let Err(e) = clear_retained(
            &s.presenter_broker,
            results.iter().map(|r| r.topic.as_str()),
        ) {
            eprintln!("could not clear the retained ballots: {e}");
        }
        if final_missing > 0 || lost > 0 || words_lost > 0 {
            eprintln!("live_load: the presenter did not hear every tablet (see the table)");
            std::process::exit(1);
        }
    }
}
