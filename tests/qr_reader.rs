#![cfg(not(target_arch = "wasm32"))]
//! The scanner's QR reader: codes drawn as the app draws them (qrcodegen,
//! medium error correction, a quiet zone of four modules) are read back
//! exactly, a tablet's ballot code and the longest join link alike, several in
//! one picture; bad pictures are refused, and no picture makes it panic.

mod common;

use co_produce::model::ballot_code::encode_ballot;
use co_produce::model::qr_reader::{read_qr_codes, FrameProblem, MAX_FRAME_PIXELS};
use proptest::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

/// A grey picture (as a room's light gives) of `width` × `height` RGBA pixels.
fn canvas(width: usize, height: usize) -> Vec<u8> {
    [200, 200, 190, 255].repeat(width * height)
}

/// Draws `text`'s QR code at (`left`, `top`), `scale` pixels a module, with
/// its white quiet zone; dark modules are not quite black.
fn draw(picture: &mut [u8], width: usize, text: &str, left: usize, top: usize, scale: usize) {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).expect("fits a QR code");
    let size = code.size() as usize + 8;
    for y in 0..size * scale {
        for x in 0..size * scale {
            let (mx, my) = ((x / scale) as i32 - 4, (y / scale) as i32 - 4);
            let dark = code.get_module(mx, my);
            let value = if dark { 30 } else { 250 };
            let i = ((top + y) * width + left + x) * 4;
            picture[i..i + 3].copy_from_slice(&[value, value, value]);
        }
    }
}

fn ballot_code() -> String {
    let w = common::realistic_workshop();
    encode_ballot(&w.ballots[0])
}

#[test]
fn a_tablets_ballot_code_is_read_back_exactly() {
    let code = ballot_code();
    assert!(code.starts_with("CP1-"), "{code}");
    let (width, height) = (640, 480);
    let mut picture = canvas(width, height);
    draw(&mut picture, width, &code, 100, 40, 3);
    assert_eq!(read_qr_codes(width, height, &picture), Ok(vec![code]));
}

#[test]
fn the_longest_join_link_is_read_at_a_cameras_size() {
    // The room's join link is about 740 characters (QR version 22).
    let link = format!(
        "https://example.org/co-produce/#/join/{}",
        "A1b2C3d4-_".repeat(70)
    );
    let (width, height) = (1280, 720);
    let mut picture = canvas(width, height);
    draw(&mut picture, width, &link, 300, 10, 5);
    assert_eq!(read_qr_codes(width, height, &picture), Ok(vec![link]));
}

#[test]
fn two_tablets_in_one_picture_are_both_read() {
    let first = ballot_code();
    let second = "CP1-another-tablet".to_string();
    let (width, height) = (1280, 720);
    let mut picture = canvas(width, height);
    draw(&mut picture, width, &first, 20, 20, 4);
    draw(&mut picture, width, &second, 800, 200, 4);
    let mut found = read_qr_codes(width, height, &picture).expect("a good picture");
    found.sort();
    let mut expected = vec![first, second];
    expected.sort();
    assert_eq!(found, expected);
}

#[test]
fn a_picture_without_a_code_reads_nothing() {
    assert_eq!(read_qr_codes(320, 240, &canvas(320, 240)), Ok(Vec::new()));
}

#[test]
fn bad_pictures_are_refused_with_what_is_wrong() {
    assert_eq!(read_qr_codes(0, 10, &[]), Err(FrameProblem::Empty));
    assert_eq!(
        read_qr_codes(2, 2, &[0; 15]),
        Err(FrameProblem::WrongLength {
            expected: 16,
            found: 15
        })
    );
    assert_eq!(
        read_qr_codes(4000, 4000, &[]),
        Err(FrameProblem::TooLarge { pixels: 16_000_000 })
    );
    assert!(matches!(
        read_qr_codes(usize::MAX, 2, &[]),
        Err(FrameProblem::TooLarge { .. })
    ));
    let too_large = read_qr_codes(MAX_FRAME_PIXELS + 1, 1, &[]).unwrap_err();
    assert!(too_large.to_string().contains("pixels"), "{too_large}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Noise, stripes and half-drawn codes never make the reader panic.
    #[test]
    fn any_picture_reads_without_panicking(
        width in 1usize..96,
        height in 1usize..96,
        seed in any::<u64>(),
        stripes in any::<bool>(),
    ) {
        let mut state = seed | 1;
        let mut picture = Vec::with_capacity(width * height * 4);
        for i in 0..width * height {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let v = if stripes { if (i / 3) % 2 == 0 { 0 } else { 255 } } else { state as u8 };
            picture.extend_from_slice(&[v, v, v, 255]);
        }
        prop_assert!(read_qr_codes(width, height, &picture).is_ok());
    }
}
