//! A live-mode load test against a real MQTT broker over plain TCP.
//!
//! Simulates a room of tablets, each with its own key and ballot, moving a
//! slider and publishing every change as a sealed, signed, retained QoS 1
//! ballot, with one presenter that subscribes to the workshop, opens and
//! verifies each message, merges it and recomputes the room's figures. Uses
//! the app's own codec (`model::live::mqtt`) and sealing (`LiveRoom`).
//!
//! ```text
//! MQTT_TCP=127.0.0.1:1883 TABLETS=200 RATE=2 SECONDS=60 cargo bench --bench live_load
//! ```
//! `MQTT_TCP_PRESENTER` (default `MQTT_TCP`) lets the presenter use another
//! node of a broker cluster. Each run makes a fresh workshop and clears its
//! retained messages at the end. Prints a table, then one `RESULT {json}` line
//! for scripts; `node tests/bench/live_load.mjs` starts mosquitto and the NATS
//! cluster itself and runs this against both. This target has no test
//! harness, so it keeps a `main` on wasm32 (where it does nothing).

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    host::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod host {
    use std::collections::{HashMap, HashSet};
    use std::io::{self, Read, Write};
    use std::net::{Shutdown, TcpStream};
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    use std::sync::{Arc, Barrier, Mutex};
    use std::thread;
    use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

    use co_produce::model::live::mqtt::{
        encode_connect, encode_disconnect, encode_pingreq, encode_puback, encode_publish,
        encode_subscribe, Connect, Decoder, Packet, Publish, QoS,
    };
    use co_produce::model::live::{
        ballot_id_for, client_id, signing_key_from_seed, LiveLink, LiveRoom, PublicKey,
        ReceiveCounts, Received, RoomKey, SigningKey, MAX_FACILITATOR_PAYLOAD,
    };
    use co_produce::model::{
        aggregate, merge_ballots, Area, Ballot, Catalogue, CatalogueRef, Id, KindAllocation, Role,
        Timestamp, Workshop,
    };

    /// A published update: which ballot, and its stamp (strictly rising per ballot).
    type UpdateKey = (Id, i64);

    /// Room for a facilitator-sized payload plus topic and header.
    const MAX_PACKET: usize = MAX_FACILITATOR_PAYLOAD + 1024;

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
            presenter_broker: std::env::var("MQTT_TCP_PRESENTER")
                .unwrap_or_else(|_| broker.clone()),
            broker,
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

    // ------------------------------------------------------------ MQTT over TCP

    /// One MQTT connection: the socket and the decoder of what the broker sends.
    struct Conn {
        stream: TcpStream,
        decoder: Decoder,
        buf: Vec<u8>,
    }

    impl Conn {
        fn open(addr: &str, client: &str) -> io::Result<Conn> {
            let stream = TcpStream::connect(addr)?;
            stream.set_nodelay(true)?;
            let mut conn = Conn {
                stream,
                decoder: Decoder::new(MAX_PACKET),
                buf: vec![0; 64 * 1024],
            };
            let connect = encode_connect(&Connect {
                client_id: client,
                clean_session: true,
                keep_alive_secs: 60,
                username: None,
                password: None,
            })
            .map_err(io::Error::other)?;
            conn.stream.write_all(&connect)?;
            match conn.read_packet()? {
                Some(Packet::ConnAck(ack)) => ack.result().map_err(io::Error::other)?,
                other => return Err(io::Error::other(format!("expected CONNACK, got {other:?}"))),
            }
            Ok(conn)
        }

        /// The next packet; `None` when a read timeout passes with nothing whole.
        fn read_packet(&mut self) -> io::Result<Option<Packet>> {
            loop {
                if let Some(p) = self.decoder.next_packet().map_err(io::Error::other)? {
                    return Ok(Some(p));
                }
                match self.stream.read(&mut self.buf) {
                    Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
                    Ok(n) => self.decoder.push(&self.buf[..n]),
                    Err(e)
                        if matches!(
                            e.kind(),
                            io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                        ) =>
                    {
                        return Ok(None)
                    }
                    Err(e) => return Err(e),
                }
            }
        }
    }

    /// A connection error that says which broker it tried.
    fn unreachable_broker(e: io::Error, addr: &str) -> io::Error {
        io::Error::new(
            e.kind(),
            format!("{e} (is an MQTT broker listening on {addr}?)"),
        )
    }

    fn packet_ids() -> impl Iterator<Item = u16> {
        (1..=u16::MAX).cycle()
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
            updated_at: now,
        }
    }

    struct Shared {
        room: LiveRoom,
        workshop: Workshop,
        /// When each update was written to the socket.
        sent: Mutex<HashMap<UpdateKey, Instant>>,
        /// Every update received at least once by the presenter.
        received: AtomicU64,
        stop: AtomicBool,
        start: Barrier,
    }

    struct TabletResult {
        topic: String,
        ballot: Id,
        sent: u64,
        acked: u64,
        last_stamp: i64,
        payload_bytes: usize,
    }

    fn tablet(n: usize, seed: u64, s: &Settings, shared: &Shared) -> io::Result<TabletResult> {
        let mut rng = Rng(seed);
        let key = signing_key_from_seed(rng.bytes());
        let public = PublicKey::of(&key);
        let mut conn = match Conn::open(&s.broker, &client_id(&public)) {
            Ok(conn) => conn,
            Err(e) => {
                // Still meet the others at the start, or they would wait for ever.
                shared.start.wait();
                return Err(unreachable_broker(e, &s.broker));
            }
        };
        let mut ballot = ballot(&shared.workshop, &key, n, Timestamp(now_ms()));
        let topic = shared.room.ballot_topic(&public);

        // A second thread reads PUBACKs, so publishing never waits on the broker.
        let acked = Arc::new(AtomicU64::new(0));
        let mut reader = Conn {
            stream: conn.stream.try_clone()?,
            decoder: Decoder::new(MAX_PACKET),
            buf: vec![0; 4096],
        };
        std::mem::swap(&mut reader.decoder, &mut conn.decoder);
        let reader_acked = Arc::clone(&acked);
        let reader = thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || {
                while let Ok(p) = reader.read_packet() {
                    if let Some(Packet::PubAck { .. }) = p {
                        reader_acked.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })?;

        shared.start.wait();
        if shared.stop.load(Ordering::Relaxed) {
            let _ = conn.stream.shutdown(Shutdown::Both);
            let _ = reader.join();
            return Err(io::Error::other("the presenter could not start"));
        }
        let interval = Duration::from_secs_f64(1.0 / s.rate);
        let updates = (s.seconds * s.rate).round().max(1.0) as u64;
        // Tablets start spread over one interval, as people do not move in step.
        let begin = Instant::now() + interval.mul_f64(n as f64 / s.tablets as f64);
        let mut ids = packet_ids();
        let mut payload_bytes = 0;
        let kind_ids: Vec<String> = shared.workshop.kinds.iter().map(|k| k.id.clone()).collect();
        for k in 0..updates {
            let due = begin + interval.mul_f64(k as f64);
            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                thread::sleep(wait);
            }
            // Move one slider of one kind, as a participant would.
            let kind = &kind_ids[(k as usize) % kind_ids.len()];
            let area = Area::ALL[(rng.next() % 5) as usize];
            let target = (rng.next() % 10_001) as u32;
            if let Some(a) = ballot.allocations.get_mut(kind) {
                a.set_area(area, target);
            }
            ballot.updated_at = Timestamp(now_ms().max(ballot.updated_at.0 + 1));
            let out = shared
                .room
                .seal_ballot(&key, &ballot, rng.bytes())
                .map_err(io::Error::other)?;
            payload_bytes = out.payload.len();
            let packet = encode_publish(&Publish {
                topic: topic.clone(),
                payload: out.payload,
                qos: QoS::AtLeastOnce,
                retain: true,
                dup: false,
                packet_id: ids.next(),
            })
            .map_err(io::Error::other)?;
            if let Ok(mut sent) = shared.sent.lock() {
                sent.insert((ballot.id, ballot.updated_at.0), Instant::now());
            }
            conn.stream.write_all(&packet)?;
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while acked.load(Ordering::Relaxed) < updates && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(20));
        }
        let _ = conn.stream.write_all(&encode_disconnect());
        let _ = conn.stream.shutdown(Shutdown::Both);
        let _ = reader.join();
        Ok(TabletResult {
            topic,
            ballot: ballot.id,
            sent: updates,
            acked: acked.load(Ordering::Relaxed),
            last_stamp: ballot.updated_at.0,
            payload_bytes,
        })
    }

    struct PresenterResult {
        workshop: Workshop,
        counts: ReceiveCounts,
        publishes: u64,
        duplicates: u64,
        /// When each update was published, and how long until the presenter's figures had it.
        latencies: Vec<(Instant, Duration)>,
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
        let subscribed = subscribe(s, shared, facilitator);
        if subscribed.is_err() {
            // Let the tablets go, or they would wait at the start for ever.
            shared.stop.store(true, Ordering::Relaxed);
        }
        shared.start.wait();
        receive(subscribed?, shared)
    }

    /// Connects the presenter and subscribes to the whole workshop.
    fn subscribe(s: &Settings, shared: &Shared, facilitator: &SigningKey) -> io::Result<Conn> {
        let mut conn = Conn::open(&s.presenter_broker, &client_id(&PublicKey::of(facilitator)))
            .map_err(|e| unreachable_broker(e, &s.presenter_broker))?;
        conn.stream.write_all(
            &encode_subscribe(1, &[(&shared.room.filter(), QoS::AtLeastOnce)])
                .map_err(io::Error::other)?,
        )?;
        loop {
            match conn.read_packet()? {
                Some(Packet::SubAck(ack)) if ack.granted == [Some(QoS::AtLeastOnce)] => break,
                Some(Packet::SubAck(ack)) => {
                    return Err(io::Error::other(format!("subscription refused: {ack:?}")))
                }
                _ => {}
            }
        }
        conn.stream
            .set_read_timeout(Some(Duration::from_millis(50)))?;
        Ok(conn)
    }

    fn receive(mut conn: Conn, shared: &Shared) -> io::Result<PresenterResult> {
        let mut w = shared.workshop.clone();
        let mut counts = ReceiveCounts::default();
        let mut seen: HashSet<UpdateKey> = HashSet::new();
        let (mut publishes, mut duplicates, mut ballots_processed) = (0u64, 0u64, 0u64);
        let mut latencies = Vec::new();
        let mut processing = Vec::new();
        let mut opening = Vec::new();
        let mut last_ping = Instant::now();
        let cpu_start = thread_cpu();
        while !shared.stop.load(Ordering::Relaxed) {
            if last_ping.elapsed() > Duration::from_secs(20) {
                conn.stream.write_all(&encode_pingreq())?;
                last_ping = Instant::now();
            }
            let Some(packet) = conn.read_packet()? else {
                continue;
            };
            let Packet::Publish(p) = packet else {
                continue;
            };
            if let Some(id) = p.packet_id {
                conn.stream.write_all(&encode_puback(id))?;
            }
            publishes += 1;
            let started = Instant::now();
            let opened = shared.room.open(&p.topic, &p.payload);
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
            let done = Instant::now();
            processing.push(done - started);
            ballots_processed += 1;
            if !seen.insert(key) {
                duplicates += 1;
                continue;
            }
            shared.received.fetch_add(1, Ordering::Relaxed);
            if let Some(at) = shared.sent.lock().ok().and_then(|m| m.get(&key).copied()) {
                latencies.push((at, done - at));
            }
        }
        let cpu = match (cpu_start, thread_cpu()) {
            (Some(a), Some(b)) => Some(b.saturating_sub(a)),
            _ => None,
        };
        let _ = conn.stream.write_all(&encode_disconnect());
        Ok(PresenterResult {
            workshop: w,
            counts,
            publishes,
            duplicates,
            latencies,
            processing,
            opening,
            cpu,
            ballots_processed,
        })
    }

    /// Publishes an empty retained message on each topic, which deletes the
    /// retained ballot, so a shared broker is left as it was found.
    fn clear_retained<'a>(addr: &str, topics: impl Iterator<Item = &'a str>) -> io::Result<()> {
        let mut conn = Conn::open(addr, "co-produce-load-cleanup")?;
        for topic in topics {
            conn.stream.write_all(
                &encode_publish(&Publish {
                    topic: topic.to_string(),
                    payload: Vec::new(),
                    qos: QoS::AtMostOnce,
                    retain: true,
                    dup: false,
                    packet_id: None,
                })
                .map_err(io::Error::other)?,
            )?;
        }
        conn.stream.write_all(&encode_disconnect())?;
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
            received: AtomicU64::new(0),
            stop: AtomicBool::new(false),
            start: Barrier::new(s.tablets + 1),
        });
        let s = Arc::new(s);
        let load_start = loadavg();
        println!(
            "live_load: {} tablets × {}/s × {} s; tablets → {}, presenter → {}; workshop {}",
            s.tablets,
            s.rate,
            s.seconds,
            s.broker,
            s.presenter_broker,
            workshop_id.short()
        );

        let presenter_thread = {
            let (s, shared) = (Arc::clone(&s), Arc::clone(&shared));
            thread::spawn(move || presenter(&s, &shared, &facilitator))
        };
        let tablets: Vec<_> = (0..s.tablets)
            .map(|n| {
                let (s, shared) = (Arc::clone(&s), Arc::clone(&shared));
                let seed = rng.next();
                thread::Builder::new()
                    .stack_size(512 * 1024)
                    .spawn(move || tablet(n, seed, &s, &shared))
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
        let sent: u64 = results.iter().map(|r| r.sent).sum();
        let acked: u64 = results.iter().map(|r| r.acked).sum();
        // Give the presenter a moment to hear the last updates.
        let deadline = Instant::now() + Duration::from_secs(10);
        while shared.received.load(Ordering::Relaxed) < sent && Instant::now() < deadline {
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
        let received = shared.received.load(Ordering::Relaxed);
        let final_missing = results
            .iter()
            .filter(|r| p.workshop.ballot(r.ballot).map(|b| b.updated_at.0) != Some(r.last_stamp))
            .count();
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
        println!("| updates sent (QoS 1, retained)            | {sent} |");
        println!("| updates acknowledged by the broker        | {acked} |");
        println!("| updates received by the presenter         | {received} |");
        println!(
            "| updates lost                              | {} |",
            sent.saturating_sub(received)
        );
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
            "| sealed ballot payload                     | {} bytes |",
            results.first().map(|r| r.payload_bytes).unwrap_or(0)
        );
        println!(
            "| ballots in the presenter's workshop       | {} |",
            p.workshop.ballots.len()
        );

        let load_end = loadavg();
        println!(
            "| machine load average (1, 5, 15 min) before → after | {} → {} |",
            load_start.as_deref().unwrap_or("n/a"),
            load_end.as_deref().unwrap_or("n/a")
        );

        // One machine-readable line for scripts (tests/bench/live_load.mjs).
        let ms_f = |d: Duration| (d.as_secs_f64() * 1e6).round() / 1e3;
        let us_f = |d: Duration| (d.as_secs_f64() * 1e7).round() / 10.0;
        let cpu_per_ballot = p
            .cpu
            .filter(|_| p.ballots_processed > 0)
            .map(|cpu| us_f(cpu / p.ballots_processed as u32));
        let result = serde_json::json!({
            "broker": s.broker,
            "presenter_broker": s.presenter_broker,
            "tablets": s.tablets,
            "rate": s.rate,
            "seconds": s.seconds,
            "connected": results.len(),
            "failed": failures,
            "sending_s": (sending.as_secs_f64() * 100.0).round() / 100.0,
            "sent": sent,
            "acked": acked,
            "received": received,
            "lost": sent.saturating_sub(received),
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
        });
        println!("RESULT {result}");

        if let Err(e) = clear_retained(&s.broker, results.iter().map(|r| r.topic.as_str())) {
            eprintln!("could not clear the retained ballots: {e}");
        }
    }
}
