//! Reading QR codes in a camera's picture. The scanner's worker
//! (`src/bin/scanner.rs`) hands in one frame's pixels and gets back the text
//! of every code in it; what the text means (a tablet's ballot code, a join
//! link) is for the caller. Pure Rust (`rqrr`), so it is tested on the host
//! with codes drawn as this app draws them.

/// Largest picture read, in pixels: one 1920 × 1080 frame. A camera gives
/// less; anything more is refused unread rather than slowing every frame.
pub const MAX_FRAME_PIXELS: usize = 1920 * 1080;

/// Why a frame was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FrameProblem {
    /// The picture has no pixels.
    Empty,
    /// The picture has more than [`MAX_FRAME_PIXELS`] pixels.
    TooLarge {
        /// Its width times its height.
        pixels: usize,
    },
    /// The pixels given are not four bytes (red, green, blue, alpha) for
    /// each pixel of the picture's size.
    WrongLength {
        /// Bytes for the size given.
        expected: usize,
        /// Bytes given.
        found: usize,
    },
}

impl std::fmt::Display for FrameProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FrameProblem::Empty => f.write_str("the picture is empty"),
            FrameProblem::TooLarge { pixels } => write!(
                f,
                "the picture has {pixels} pixels; the most read is {MAX_FRAME_PIXELS}"
            ),
            FrameProblem::WrongLength { expected, found } => write!(
                f,
                "the picture needs {expected} bytes of pixels but has {found}"
            ),
        }
    }
}

/// The text of every QR code readable in a `width` × `height` picture given
/// as RGBA bytes, row by row, in the order the codes were found. A code that
/// is seen but cannot be read (blurred, half in view) is left out: the next
/// frame will try again.
pub fn read_qr_codes(
    width: usize,
    height: usize,
    rgba: &[u8],
) -> Result<Vec<String>, FrameProblem> {
    let pixels = width
        .checked_mul(height)
        .ok_or(FrameProblem::TooLarge { pixels: usize::MAX })?;
    if pixels == 0 {
        return Err(FrameProblem::Empty);
    }
    if pixels > MAX_FRAME_PIXELS {
        return Err(FrameProblem::TooLarge { pixels });
    }
    if rgba.len() != pixels * 4 {
        return Err(FrameProblem::WrongLength {
            expected: pixels * 4,
            found: rgba.len(),
        });
    }
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        let i = (y * width + x) * 4;
        // Luma, with the integer weights of ITU-R BT.601 (they add up to 256).
        let luma =
            77 * u32::from(rgba[i]) + 150 * u32::from(rgba[i + 1]) + 29 * u32::from(rgba[i + 2]);
        (luma >> 8) as u8
    });
    Ok(image
        .detect_grids()
        .iter()
        .filter_map(|grid| grid.decode().ok().map(|(_, text)| text))
        .collect())
}
