//! Text in lowercase, exactly as `str::to_lowercase` gives it, from tables a
//! quarter the size of the standard library's. Ballots are kept in order of
//! their names in lowercase (`merge::sort_ballots`), which is all that
//! needed the standard library's case tables in the tablet's module: 8 KB of
//! its gzipped download (the facilitator's build uses these too, so it
//! carries one set of tables, not two). The tables are read off the standard library by
//! `build.rs` for the toolchain that builds the app, so the two agree on
//! every character (tests/lowercase.rs checks all of them).

include!(concat!(env!("OUT_DIR"), "/lowercase_tables.rs"));

/// Capital sigma: lowercased by where it stands in a word.
const CAPITAL_SIGMA: char = 'Σ';

/// The LEB128 number at `*at` in `bytes`, moving `*at` past it.
fn number_at(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut value = 0u32;
    let mut shift = 0u32;
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        value |= u32::from(b & 0x7F).checked_shl(shift)?;
        if b < 0x80 {
            return Some(value);
        }
        shift += 7;
    }
    None
}

/// Whether `c` is in one of `ranges`: for each in order, its gap from the
/// end of the one before and its length less one, as LEB128 numbers. Read
/// from the start each time: only a capital sigma asks, and the bytes are a
/// third of a table that could be searched.
fn in_ranges(ranges: &[u8], c: char) -> bool {
    let c = u32::from(c);
    let mut at = 0;
    let mut end = 0u32;
    while let (Some(gap), Some(len)) = (number_at(ranges, &mut at), number_at(ranges, &mut at)) {
        let start = end.saturating_add(gap);
        if c < start {
            return false;
        }
        end = start.saturating_add(len).saturating_add(1);
        if c < end {
            return true;
        }
    }
    false
}

/// The one character `c` lowercases to, when that is one character.
fn lower_char(c: char) -> char {
    let code = u32::from(c);
    let after = LOWER_RUNS.partition_point(|(r, _)| r & 0x1F_FFFF <= code);
    if after == 0 {
        return c;
    }
    let (run, distance) = LOWER_RUNS[after - 1];
    let start = run & 0x1F_FFFF;
    let step = ((run >> 21) & 1) + 1;
    let len = (run >> 22) + 1;
    let offset = code - start;
    if offset % step != 0 || offset / step >= len {
        return c;
    }
    code.checked_add_signed(distance)
        .and_then(char::from_u32)
        .unwrap_or(c)
}

/// Whether, past any case-ignorable characters, the next one is cased: as
/// the standard library decides a final sigma.
fn ignorable_then_cased(mut chars: impl Iterator<Item = char>) -> bool {
    chars
        .find(|&c| !in_ranges(&CASE_IGNORABLE, c))
        .is_some_and(|c| in_ranges(&CASED, c))
}

/// `c` in lowercase, pushed onto `out`: the same as
/// `out.extend(c.to_lowercase())`. A character alone, so a capital sigma is σ.
pub fn push_lowercase(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if c == CAPITAL_SIGMA {
        out.push('σ');
    } else if let Some((_, lower)) = LOWER_MULTI.iter().find(|(m, _)| *m == c) {
        out.push_str(lower);
    } else {
        out.push(lower_char(c));
    }
}

/// `text` in lowercase: the same as `text.to_lowercase()`, final sigma too.
pub fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if c == CAPITAL_SIGMA {
            let after = i + CAPITAL_SIGMA.len_utf8();
            let word_final = ignorable_then_cased(text[..i].chars().rev())
                && !ignorable_then_cased(text[after..].chars());
            out.push(if word_final { 'ς' } else { 'σ' });
        } else {
            push_lowercase(&mut out, c);
        }
    }
    out
}
