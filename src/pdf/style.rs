//! What a glyph looks like and whether a reader can see it, from what the
//! content stream says about it: its font (name, descriptor flags, weight,
//! italic angle), its text render mode and its colour.
//!
//! Pure functions over pdf-extract's `FontInfo`, `TextStyle` and colours;
//! the glyph device (`device`) calls them, and applies the position tests
//! (page box, clip, what lies underneath) itself, as only it knows where a
//! glyph lands.

use pdf_extract::{ColorSpace, FontInfo, TextStyle};

/// Font descriptor flag bit 7: the glyphs slant.
const FLAG_ITALIC: i64 = 1 << 6;
/// Font descriptor flag bit 19: bold glyphs are drawn bolder at small sizes.
const FLAG_FORCE_BOLD: i64 = 1 << 18;
/// `FontWeight` from which a font is bold (600 is semibold).
const BOLD_WEIGHT: f64 = 600.0;
/// Words in a font's name that mean a bold face (matched without case).
const BOLD_WORDS: &[&str] = &["bold", "black", "heavy"];
const ITALIC_WORDS: &[&str] = &["italic", "oblique"];
/// A colour component this close to full (or to none, for CMYK ink) is white.
const WHITE: f64 = 0.98;

/// A font's name without its subset prefix ("ABCDEF+Calibri-Bold").
fn face_name(name: &str) -> &str {
    match name.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => rest,
        _ => name,
    }
}

fn name_has(name: &str, words: &[&str]) -> bool {
    let lower = face_name(name).to_ascii_lowercase();
    words.iter().any(|w| lower.contains(w))
}

/// The font is a bold face: by name (Bold, Semibold, Black, Heavy), the
/// ForceBold flag, or a weight of 600 or more.
pub fn font_is_bold(font: &FontInfo) -> bool {
    name_has(&font.name, BOLD_WORDS)
        || font.flags.is_some_and(|f| f & FLAG_FORCE_BOLD != 0)
        || font.weight.is_some_and(|w| w >= BOLD_WEIGHT)
}

/// The font is an italic face: by name (Italic, Oblique), the Italic flag,
/// or a slanted italic angle.
pub fn font_is_italic(font: &FontInfo) -> bool {
    name_has(&font.name, ITALIC_WORDS)
        || font.flags.is_some_and(|f| f & FLAG_ITALIC != 0)
        || font.italic_angle.is_some_and(|a| a.abs() >= 1.0)
}

/// How far from square a glyph's axes may be before it reads as slanted:
/// a word processor slants an upright face by about 18° (0.33) for italic.
const MIN_SLANT: f64 = 0.1;

/// The glyph's text matrix (`a b c d` of its transform) slants it: its
/// x and y axes are not square to each other, whatever the rotation. That
/// is italic where the font has no italic face.
pub fn is_slanted(a: f64, b: f64, c: f64, d: f64) -> bool {
    let norms = (a.hypot(b) * c.hypot(d)).max(f64::MIN_POSITIVE);
    ((a * c + b * d) / norms).abs() > MIN_SLANT
}

/// Text drawn filled then stroked (render mode 2, or 6 which also clips)
/// is a word processor's "bold" for a font without a bold face.
pub fn mode_is_bold(render_mode: i64) -> bool {
    matches!(render_mode, 2 | 6)
}

/// A colour that is white on white paper. The initial colour (no
/// components given) is black in every colour space; a pattern or an
/// unknown space is never white.
pub fn is_white(space: &ColorSpace, color: &[f64]) -> bool {
    if color.is_empty() {
        return false;
    }
    let full = |c: &f64| *c >= WHITE;
    let none = |c: &f64| *c <= 1.0 - WHITE;
    match space {
        ColorSpace::DeviceGray
        | ColorSpace::CalGray(_)
        | ColorSpace::DeviceRGB
        | ColorSpace::CalRGB(_) => color.iter().all(full),
        ColorSpace::DeviceCMYK => color.iter().all(none),
        ColorSpace::ICCBased(_) => match color.len() {
            4 => color.iter().all(none),
            _ => color.iter().all(full),
        },
        // A tint of 0 lays no ink.
        ColorSpace::Separation(_) | ColorSpace::DeviceN => color.iter().all(none),
        ColorSpace::Pattern | ColorSpace::Lab(_) => false,
    }
}

/// What the text's render mode and colour say about seeing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// Drawn in a colour that shows on white paper.
    Seen,
    /// Drawn in white: seen only on something painted darker.
    White,
    /// Not drawn at all (render mode 3 or 7): seen only as the text layer
    /// of a scanned image, where the reader reads the image.
    Hidden,
}

/// The ink of text drawn in `style`: render mode 3 and 7 draw nothing;
/// a fill (modes 0, 2, 4, 6) or stroke (1, 5) in white is white.
pub fn ink(style: &TextStyle) -> Ink {
    let fill = || is_white(style.fill_colorspace, style.fill_color);
    let stroke = || is_white(style.stroke_colorspace, style.stroke_color);
    let white = match style.render_mode {
        3 | 7 => return Ink::Hidden,
        1 | 5 => stroke(),
        2 | 6 => fill() && stroke(),
        _ => fill(),
    };
    if white {
        Ink::White
    } else {
        Ink::Seen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font(name: &str) -> FontInfo {
        FontInfo {
            name: name.to_string(),
            ..FontInfo::default()
        }
    }

    #[test]
    fn bold_faces_are_told_by_name_flags_and_weight() {
        for name in [
            "BCDEEE+Calibri-Bold",
            "Arial-BoldMT",
            "Arial,Bold",
            "TimesNewRomanPS-BoldItalicMT",
            "ABCDEF+Montserrat-SemiBold",
            "Arial-Black",
            "Lato-Heavy",
        ] {
            assert!(font_is_bold(&font(name)), "{name}");
        }
        for name in ["BCDFEE+Calibri", "ArialMT", "Helvetica-Oblique", ""] {
            assert!(!font_is_bold(&font(name)), "{name}");
        }
        let mut f = font("F1");
        f.flags = Some(FLAG_FORCE_BOLD | 32);
        assert!(font_is_bold(&f));
        f.flags = Some(32);
        assert!(!font_is_bold(&f));
        f.weight = Some(700.0);
        assert!(font_is_bold(&f));
        f.weight = Some(400.0);
        assert!(!font_is_bold(&f));
    }

    #[test]
    fn a_subset_tag_is_no_part_of_the_name() {
        // "BLACKA" is a subset tag, not the Black weight.
        assert!(!font_is_bold(&font("BLACKA+Calibri")));
        assert_eq!(face_name("BCDEEE+Calibri-Bold"), "Calibri-Bold");
        assert_eq!(face_name("Calibri+Bold"), "Calibri+Bold");
    }

    #[test]
    fn italic_faces_are_told_by_name_flags_and_angle() {
        assert!(font_is_italic(&font("Arial-ItalicMT")));
        assert!(font_is_italic(&font("Helvetica-BoldOblique")));
        assert!(!font_is_italic(&font("Arial-BoldMT")));
        let mut f = font("F2");
        f.flags = Some(FLAG_ITALIC | 32);
        assert!(font_is_italic(&f));
        f.flags = Some(32);
        f.italic_angle = Some(-12.0);
        assert!(font_is_italic(&f));
        f.italic_angle = Some(0.0);
        assert!(!font_is_italic(&f));
    }

    #[test]
    fn a_sheared_text_matrix_is_slanted_in_any_rotation() {
        // Milburn PC's agenda: `Tm [1 0 0.3333 1 …]`.
        assert!(is_slanted(1.0, 0.0, 0.3333, 1.0));
        assert!(!is_slanted(1.0, 0.0, 0.0, 1.0));
        assert!(!is_slanted(12.0, 0.0, 0.0, 12.0));
        // Rotated a quarter turn, upright and sheared.
        assert!(!is_slanted(0.0, 1.0, -1.0, 0.0));
        assert!(is_slanted(0.0, 1.0, -1.0, 0.3333));
        // Flipped (y down), still square.
        assert!(!is_slanted(1.0, 0.0, 0.0, -1.0));
        assert!(!is_slanted(0.0, 0.0, 0.0, 0.0));
    }

    #[test]
    fn white_in_each_colour_space() {
        assert!(is_white(&ColorSpace::DeviceGray, &[1.0]));
        assert!(!is_white(&ColorSpace::DeviceGray, &[0.0]));
        assert!(!is_white(&ColorSpace::DeviceGray, &[0.9]));
        assert!(is_white(&ColorSpace::DeviceRGB, &[1.0, 1.0, 1.0]));
        assert!(!is_white(&ColorSpace::DeviceRGB, &[1.0, 1.0, 0.0]));
        assert!(is_white(&ColorSpace::DeviceCMYK, &[0.0, 0.0, 0.0, 0.0]));
        assert!(!is_white(&ColorSpace::DeviceCMYK, &[0.0, 0.0, 0.0, 1.0]));
        assert!(is_white(
            &ColorSpace::ICCBased(Vec::new()),
            &[1.0, 1.0, 1.0]
        ));
        assert!(is_white(&ColorSpace::ICCBased(Vec::new()), &[0.0; 4]));
        // The initial colour is black; a pattern may be anything.
        assert!(!is_white(&ColorSpace::DeviceRGB, &[]));
        assert!(!is_white(&ColorSpace::Pattern, &[1.0]));
    }

    fn style<'a>(
        mode: i64,
        fill: &'a [f64],
        stroke: &'a [f64],
        font: &'a FontInfo,
    ) -> TextStyle<'a> {
        TextStyle {
            font,
            render_mode: mode,
            fill_colorspace: &ColorSpace::DeviceGray,
            fill_color: fill,
            stroke_colorspace: &ColorSpace::DeviceGray,
            stroke_color: stroke,
            clip: None,
        }
    }

    #[test]
    fn render_mode_and_colour_give_the_ink() {
        let f = font("Arial");
        assert_eq!(ink(&style(0, &[0.0], &[1.0], &f)), Ink::Seen);
        assert_eq!(ink(&style(0, &[1.0], &[0.0], &f)), Ink::White);
        assert_eq!(ink(&style(1, &[1.0], &[0.0], &f)), Ink::Seen);
        assert_eq!(ink(&style(1, &[0.0], &[1.0], &f)), Ink::White);
        assert_eq!(ink(&style(2, &[1.0], &[0.0], &f)), Ink::Seen);
        assert_eq!(ink(&style(3, &[0.0], &[0.0], &f)), Ink::Hidden);
        assert_eq!(ink(&style(7, &[0.0], &[0.0], &f)), Ink::Hidden);
        assert!(mode_is_bold(2) && !mode_is_bold(0) && !mode_is_bold(3));
    }
}
