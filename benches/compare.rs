//! How long comparing places takes at the size issue 14 asks for: 100
//! decision records of 200 participants each (20,000 ballots). Prints the
//! JSON's size, then the median of 5 runs of opening and checking all 100
//! record files, of comparing them, and of opening them saved as one
//! comparison file. The target is under 2 s in the browser for
//! open, check and compare; this is the host's figure.
//!
//! Run with `cargo bench --bench compare`. With `COMPARE_RECORDS_DIR=<dir>`
//! it writes the records there instead (`record-000.json`…, and
//! `comparison.json`, all of them saved as one comparison) and times
//! nothing: the browser's benchmark (`tests/bench/compare.bench.mjs`) opens
//! them. This target has no test harness,
//! so it keeps a `main` on wasm32 (where it does nothing) for
//! `cargo clippy --target wasm32-unknown-unknown --all-targets`.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    host::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod host {
    use std::hint::black_box;
    use std::time::{Duration, Instant};

    use co_produce::model::shares::normalise;
    use co_produce::model::{
        compare, export_comparison_json, export_json, import_comparison_json, import_json,
        AgreedDecision, AreaShares, Catalogue, CatalogueRef, Id, KindMapping, Role, Timestamp,
        Workshop,
    };

    const PLACES: usize = 100;
    const PARTICIPANTS: usize = 200;
    const RUNS: usize = 5;

    /// A xorshift64 generator: deterministic, so every run measures the same records.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }

        fn split(&mut self) -> AreaShares {
            let weights: Vec<u32> = (0..5).map(|_| self.below(10_001) as u32).collect();
            let s = normalise(&weights);
            AreaShares::from_array([s[0], s[1], s[2], s[3], s[4]])
        }
    }

    /// One place's workshop: the four default kinds (every tenth place
    /// writes "state money" in its own case, as people do), 200
    /// participants of every role, and an agreed decision at most places.
    fn place(n: usize, rng: &mut XorShift) -> Workshop {
        let catalogue = Catalogue {
            reference: CatalogueRef {
                id: "bench".into(),
                version: "1".into(),
            },
            areas: Vec::new(),
        };
        let start = Timestamp::parse("2026-01-05T09:00:00.000Z").expect("a valid time");
        let date = format!("2026-{:02}-{:02}", 1 + n % 12, 1 + n % 28);
        let id = Id(0xC0_4E_u128 << 64 | n as u128);
        let mut w = Workshop::new(id, start, date, &catalogue);
        w.name = format!("Session {n}");
        w.place = format!("Locality {}", n / 2);
        if n.is_multiple_of(10) {
            w.kinds[0].name = " STATE money".into();
        }
        let kind_ids: Vec<String> = w.kinds.iter().map(|k| k.id.clone()).collect();
        for p in 0..PARTICIPANTS {
            let ballot_id = Id(u128::from(rng.next()) << 64 | (n * PARTICIPANTS + p) as u128);
            let role = Role::ALL[rng.below(5) as usize];
            let now = Timestamp(start.0 + p as i64 * 1_000);
            w.add_participant(ballot_id, format!("Participant {p}"), role, now);
            for kind_id in &kind_ids {
                let split = rng.split();
                w.update_allocation(ballot_id, kind_id, now, |a| a.areas = split);
            }
        }
        if n % 4 != 3 {
            w.agreed_decision = Some(AgreedDecision {
                shares: kind_ids.iter().map(|k| (k.clone(), rng.split())).collect(),
                rationale: Default::default(),
                updated_at: Timestamp(start.0 + 3_600_000),
            });
        }
        w
    }

    /// Runs `f` [`RUNS`] times; the sorted durations.
    fn time<T>(mut f: impl FnMut() -> T) -> Vec<Duration> {
        let mut times: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                black_box(f());
                t.elapsed()
            })
            .collect();
        times.sort();
        times
    }

    fn ms(d: Duration) -> f64 {
        d.as_secs_f64() * 1_000.0
    }

    fn median(times: &[Duration]) -> Duration {
        times[times.len() / 2]
    }

    fn report(what: &str, times: &[Duration]) {
        println!(
            "{what}: median {:.1} ms (min {:.1} ms, max {:.1} ms, {} runs)",
            ms(median(times)),
            ms(times[0]),
            ms(times[times.len() - 1]),
            times.len()
        );
    }

    fn megabytes(bytes: usize) -> String {
        format!("{:.1} MB ({bytes} bytes)", bytes as f64 / (1024.0 * 1024.0))
    }

    /// Writes the records and the saved comparison for the browser's benchmark.
    fn write_files(dir: &std::path::Path, files: &[String], saved: &str) {
        std::fs::create_dir_all(dir).expect("a folder for the records");
        for (n, text) in files.iter().enumerate() {
            std::fs::write(dir.join(format!("record-{n:03}.json")), text).expect("writable");
        }
        std::fs::write(dir.join("comparison.json"), saved).expect("writable");
        println!(
            "wrote {} records and comparison.json to {}",
            files.len(),
            dir.display()
        );
    }

    pub fn main() {
        let t = Instant::now();
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        let records: Vec<Workshop> = (0..PLACES).map(|n| place(n, &mut rng)).collect();
        println!(
            "built {PLACES} records × {PARTICIPANTS} participants ({} ballots) in {:.0} ms",
            records.iter().map(|w| w.ballots.len()).sum::<usize>(),
            ms(t.elapsed())
        );

        let files: Vec<String> = records.iter().map(export_json).collect();
        let bytes: usize = files.iter().map(String::len).sum();
        println!("{PLACES} decision records: {} in all", megabytes(bytes));
        let mapping = KindMapping::new();
        let saved = export_comparison_json(&records, &mapping);
        println!("saved as one comparison file: {}", megabytes(saved.len()));
        if let Some(dir) = std::env::var_os("COMPARE_RECORDS_DIR") {
            write_files(std::path::Path::new(&dir), &files, &saved);
            return;
        }

        // Check the figures are sound before timing them.
        let opened: Vec<Workshop> = files
            .iter()
            .map(|f| import_json(f).expect("every record opens"))
            .collect();
        assert!(opened == records, "the records read back as written");
        let comparison = compare(&opened, &mapping);
        assert_eq!(comparison.places.len(), PLACES);
        assert_eq!(comparison.kinds.len(), 4, "every kind matched");
        assert!(comparison.mismatches.is_empty());
        let from_file = import_comparison_json(&saved).expect("the file opens");
        assert!(from_file.problems.is_empty());
        assert!(compare(&from_file.records, &from_file.mapping) == comparison);

        let open = time(|| {
            files
                .iter()
                .map(|f| import_json(black_box(f)).map(|w| w.ballots.len()))
                .collect::<Vec<_>>()
        });
        report(
            &format!("open and check {PLACES} record files (import_json each)"),
            &open,
        );
        let compared = time(|| compare(black_box(&opened), &mapping));
        report(&format!("compare {PLACES} places"), &compared);
        let open_saved =
            time(|| import_comparison_json(black_box(&saved)).map(|o| o.records.len()));
        report("open and check the saved comparison file", &open_saved);
        let write_saved = time(|| export_comparison_json(black_box(&records), &mapping));
        report("save the comparison file", &write_saved);

        println!(
            "total, {PLACES} record files opened, checked and compared: median {:.1} ms (target in the browser: under 2,000 ms)",
            ms(median(&open) + median(&compared))
        );
        println!(
            "total, the saved comparison file opened, checked and compared: median {:.1} ms",
            ms(median(&open_saved) + median(&compared))
        );
    }
}
