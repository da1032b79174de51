#![cfg(not(target_arch = "wasm32"))]
//! The model's lowercase is the standard library's, character for character,
//! final sigma and all: ballots sort by names in lowercase, and every device
//! must put them in the same order.

use co_produce::model::lowercase::{lowercase, push_lowercase};
use proptest::prelude::*;

fn every_char() -> impl Iterator<Item = char> {
    (0..=0x10FFFFu32).filter_map(char::from_u32)
}

#[test]
fn every_character_lowercases_as_the_standard_library_does() {
    for c in every_char() {
        let text = c.to_string();
        assert_eq!(
            lowercase(&text),
            text.to_lowercase(),
            "{c:?} (U+{:04X})",
            u32::from(c)
        );
        let mut alone = String::new();
        push_lowercase(&mut alone, c);
        assert_eq!(alone, c.to_lowercase().collect::<String>(), "{c:?} alone");
    }
}

#[test]
fn capital_sigma_beside_every_character_is_final_or_not_as_the_standard_library_says() {
    // A million characters in three places each: shared out over the cores.
    let chars: Vec<char> = every_char().collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        for part in chars.chunks(chars.len().div_ceil(threads)) {
            scope.spawn(move || {
                let mut text = String::new();
                for &c in part {
                    // After the sigma: cased or not, and skipped (case-ignorable)
                    // or not; before it, the same from the other side.
                    for shape in ["AΣ{}", "AΣ{}A", "A{}Σ"] {
                        text.clear();
                        text.push_str(&shape.replace("{}", &c.to_string()));
                        assert_eq!(lowercase(&text), text.to_lowercase(), "{text:?}");
                    }
                }
            });
        }
    });
}

proptest! {
    #[test]
    fn any_name_lowercases_as_the_standard_library_does(
        text in "[A-Za-z ΣσςΑΒΓἈᾼİ\u{0300}\u{0345}'’.·\u{00AD}ÀÉŴŶẄ0-9\u{10400}\u{1E900}-]{0,24}"
    ) {
        prop_assert_eq!(lowercase(&text), text.to_lowercase());
    }
}
