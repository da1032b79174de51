//! Generates the i18n module from `locales/*.json` (checked at compile time).
use std::error::Error;
use std::path::PathBuf;

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    lowercase_tables()?;
    // Only the browser app uses translations; host builds (model tests) skip it.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        return Ok(());
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("i18n");
    // Every `locales/<tag>.json` is a language: adding a file adds a language.
    let mut others: Vec<String> = std::fs::read_dir("locales")?
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let tag = name.strip_suffix(".json")?.to_string();
            (tag != "en").then_some(tag)
        })
        .collect();
    others.sort();
    let infos = TranslationsInfos::parse(
        Config::new("en")?
            .add_locales(others)?
            .parse_options(ParseOptions::default().interpolate_display(true)),
    )?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;
    Ok(())
}

/// Writes `lowercase_tables.rs` for `model::lowercase`: what `str::to_lowercase`
/// of this very toolchain does to every character, read off it here, as
/// ranges a quarter the size of the standard library's own tables (which
/// were 8 KB of the tablet's gzipped download for sorting names).
///
/// - `LOWER_RUNS`: runs of characters that lowercase to one other character
///   at a fixed distance, each `(start | every_other << 21 | (len - 1) << 22,
///   distance)`; `every_other` runs map every second character.
/// - `LOWER_MULTI`: characters that lowercase to more than one.
/// - `CASE_IGNORABLE` and `CASED`: ranges, as bytes, of the two properties that decide between final and other sigma. They are not
///   public in std, so they are read off `to_lowercase` of "AΣxA" and "AΣx"
///   (σ in the first when x is case-ignorable or cased, in the second when
///   x is cased and not case-ignorable; a case-ignorable one is skipped, so
///   whether it is also cased never matters).
fn lowercase_tables() -> Result<(), Box<dyn Error>> {
    use std::fmt::Write as _;
    let mut single: Vec<(u32, i64)> = Vec::new();
    let mut multi: Vec<(char, String)> = Vec::new();
    let mut ignorable: Vec<u32> = Vec::new();
    let mut cased: Vec<u32> = Vec::new();
    let mut probe = String::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        if c != 'Σ' {
            let lower: String = c.to_lowercase().collect();
            let mut chars = lower.chars();
            match (chars.next(), chars.next()) {
                (Some(l), None) if l == c => {}
                (Some(l), None) => single.push((
                    u32::from(c),
                    i64::from(u32::from(l)) - i64::from(u32::from(c)),
                )),
                _ => multi.push((c, lower)),
            }
        }
        probe.clear();
        probe.push_str("AΣ");
        probe.push(c);
        probe.push('A');
        let sigma_before_a = probe.to_lowercase().contains('σ');
        probe.pop();
        let sigma_at_end = probe.to_lowercase().contains('σ');
        if sigma_before_a && !sigma_at_end {
            ignorable.push(u32::from(c));
        }
        if sigma_at_end {
            cased.push(u32::from(c));
        }
    }
    // Runs of one distance, stepping by 1 or by 2.
    let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new(); // start, step, len, distance
    let mut i = 0;
    while i < single.len() {
        let (start, distance) = single[i];
        let step = match single.get(i + 1) {
            Some(&(next, d)) if d == distance && (next - start == 1 || next - start == 2) => {
                next - start
            }
            _ => 1,
        };
        let mut len = 1;
        while len < 1024 {
            match single.get(i + len as usize) {
                Some(&(next, d)) if d == distance && next == start + step * len => len += 1,
                _ => break,
            }
        }
        runs.push((start, step, len, distance));
        i += len as usize;
    }
    // Ranges as bytes: for each, its gap from the end of the one before and
    // its length less one, as LEB128 numbers (mostly one byte each).
    let ranges = |chars: &[u32]| -> Vec<u8> {
        let mut out: Vec<(u32, u32)> = Vec::new();
        for &c in chars {
            match out.last_mut() {
                Some((start, len)) if *start + *len == c => *len += 1,
                _ => out.push((c, 1)),
            }
        }
        let mut bytes = Vec::new();
        let mut end = 0;
        for (start, len) in out {
            for mut n in [start - end, len - 1] {
                while n >= 0x80 {
                    bytes.push((n & 0x7F) as u8 | 0x80);
                    n >>= 7;
                }
                bytes.push(n as u8);
            }
            end = start + len;
        }
        bytes
    };
    let mut code =
        String::from("// Generated by build.rs from this toolchain's str::to_lowercase.\n");
    writeln!(code, "const LOWER_RUNS: [(u32, i32); {}] = [", runs.len())?;
    for (start, step, len, distance) in &runs {
        writeln!(
            code,
            "({}, {distance}),",
            start | (step - 1) << 21 | (len - 1) << 22
        )?;
    }
    writeln!(
        code,
        "];\nconst LOWER_MULTI: [(char, &str); {}] = [",
        multi.len()
    )?;
    for (c, lower) in &multi {
        writeln!(code, "({c:?}, {lower:?}),")?;
    }
    for (name, list) in [
        ("CASE_IGNORABLE", ranges(&ignorable)),
        ("CASED", ranges(&cased)),
    ] {
        writeln!(code, "];\nconst {name}: [u8; {}] = [", list.len())?;
        for r in list {
            writeln!(code, "{r},")?;
        }
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    std::fs::write(out.join("lowercase_tables.rs"), code)?;
    Ok(())
}
