//! How long the room's figures take for a very large workshop (and the fair
//! split on its own), how long its decision record takes to write and read,
//! and how long merging takes.
//!
//! Run with `cargo bench --bench aggregate`. This target has no test harness,
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

    use co_produce::model::merge::sort_ballots;
    use co_produce::model::shares::normalise;
    use co_produce::model::{
        aggregate, export_json, fair_split, fair_split_working, import_json, merge_ballots,
        merge_workshops, AreaShares, Catalogue, CatalogueRef, Id, Role, Timestamp, Workshop,
    };

    const PARTICIPANTS: usize = 10_000;

    /// A xorshift64 generator: deterministic, so every run measures the same workshop.
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
    }

    fn big_workshop(participants: usize) -> Workshop {
        let catalogue = Catalogue {
            reference: CatalogueRef {
                id: "bench".into(),
                version: "1".into(),
            },
            areas: Vec::new(),
        };
        let start = Timestamp::parse("2026-11-25T09:00:00.000Z").expect("a valid time");
        let mut w = Workshop::new(Id(0xC0_9D), start, "2026-11-25".into(), &catalogue);
        w.name = "Load test".into();
        w.place = "Everywhere".into();
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        let kind_ids: Vec<String> = w.kinds.iter().map(|k| k.id.clone()).collect();
        for n in 0..participants {
            let ballot_id = Id(u128::from(rng.next()) << 64 | n as u128);
            let role = Role::ALL[rng.below(5) as usize];
            let now = Timestamp(start.0 + n as i64 * 1_000);
            w.add_participant(ballot_id, format!("Participant {n}"), role, now);
            for kind_id in &kind_ids {
                let weights: Vec<u32> = (0..5).map(|_| rng.below(10_001) as u32).collect();
                let split = normalise(&weights);
                w.update_allocation(ballot_id, kind_id, now, |a| {
                    a.areas =
                        AreaShares::from_array([split[0], split[1], split[2], split[3], split[4]]);
                });
            }
        }
        w
    }

    /// Runs `f` `runs` times and returns the sorted durations.
    fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Vec<Duration> {
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                black_box(f());
                t.elapsed()
            })
            .collect();
        times.sort();
        times
    }

    /// Like [`time`], but each run's input is made by `setup`, outside the timing.
    fn time_with<I, T>(
        runs: usize,
        mut setup: impl FnMut() -> I,
        mut f: impl FnMut(I) -> T,
    ) -> Vec<Duration> {
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| {
                let input = setup();
                let t = Instant::now();
                black_box(f(black_box(input)));
                t.elapsed()
            })
            .collect();
        times.sort();
        times
    }

    fn ms(d: Duration) -> f64 {
        d.as_secs_f64() * 1_000.0
    }

    fn report(what: &str, times: &[Duration]) {
        println!(
            "{what}: median {:.2} ms (min {:.2} ms, {} runs)",
            ms(times[times.len() / 2]),
            ms(times[0]),
            times.len()
        );
    }

    pub fn main() {
        let t = Instant::now();
        let w = big_workshop(PARTICIPANTS);
        println!(
            "built a workshop of {} participants × {} kinds in {:.0} ms",
            w.ballots.len(),
            w.kinds.len(),
            ms(t.elapsed())
        );

        // Warm up, and check the figures are sound before timing them.
        let figures = aggregate(&w);
        assert!(figures
            .iter()
            .all(|k| k.participants as usize == PARTICIPANTS));
        assert!(figures
            .iter()
            .all(|k| k.everyone.areas.iter().map(|s| s.mean_bp).sum::<u32>() == 10_000));

        let times = time(50, || aggregate(black_box(&w)));
        report(&format!("aggregate {PARTICIPANTS} participants"), &times);

        // The fair split on its own, for everyone's ballots of each kind.
        for kind in &w.kinds {
            let splits: Vec<AreaShares> = w
                .ballots
                .iter()
                .filter_map(|b| b.allocations.get(&kind.id).map(|a| a.areas))
                .collect();
            let fair = fair_split_working(&splits).expect("a room of 10,000");
            assert!(fair.exact && fair.shares.validate().is_ok());
            let times = time(50, || fair_split(black_box(&splits)));
            report(
                &format!(
                    "fair split of {PARTICIPANTS} participants × 5 areas, {}",
                    kind.id
                ),
                &times,
            );
        }

        let text = export_json(&w);
        println!(
            "decision record of {PARTICIPANTS} participants: {:.1} MB ({} bytes)",
            text.len() as f64 / (1024.0 * 1024.0),
            text.len()
        );
        let times = time(10, || export_json(black_box(&w)));
        report(&format!("export_json {PARTICIPANTS} participants"), &times);

        let back = import_json(&text).expect("the record imports");
        assert!(back == w, "the import equals the workshop");
        let times = time(10, || {
            import_json(black_box(&text)).map(|w| w.ballots.len())
        });
        report(&format!("import_json {PARTICIPANTS} participants"), &times);

        // Gathering every ballot into an empty copy of the workshop.
        let mut empty = w.clone();
        empty.ballots.clear();
        let mut check = empty.clone();
        let report_all = merge_ballots(&mut check, w.ballots.clone(), "bench");
        assert_eq!(report_all.added, PARTICIPANTS);
        let mut in_merge_order = w.clone();
        sort_ballots(&mut in_merge_order.ballots);
        assert!(
            check == in_merge_order,
            "merging every ballot rebuilds the workshop"
        );
        let times = time_with(
            10,
            || (empty.clone(), w.ballots.clone()),
            |(mut target, ballots)| {
                merge_ballots(&mut target, ballots, "bench");
                target
            },
        );
        report(
            &format!("merge {PARTICIPANTS} ballots into an empty workshop"),
            &times,
        );

        // Offering them again to a workshop that already holds them.
        let again = merge_ballots(&mut check, w.ballots.clone(), "bench");
        assert_eq!(again.unchanged, PARTICIPANTS);
        let times = time_with(
            10,
            || (w.clone(), w.ballots.clone()),
            |(mut target, ballots)| {
                merge_ballots(&mut target, ballots, "bench");
                target
            },
        );
        report(
            &format!("merge {PARTICIPANTS} ballots into a workshop holding them"),
            &times,
        );

        // Two copies of the workshop, the second with every ballot touched later.
        let mut other = w.clone();
        for b in &mut other.ballots {
            b.updated_at = Timestamp(b.updated_at.0 + 1);
        }
        let merged = merge_workshops(&w, &other).expect("the same workshop");
        assert_eq!(merged.ballots.len(), PARTICIPANTS);
        let times = time(10, || merge_workshops(black_box(&w), black_box(&other)));
        report(
            &format!("merge_workshops of two {PARTICIPANTS}-ballot copies"),
            &times,
        );
    }
}
