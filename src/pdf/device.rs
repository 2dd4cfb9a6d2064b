//! A `pdf_extract::OutputDev` that keeps every glyph's position and size and
//! every straight ruling line, page by page.
//!
//! `pdf_extract::extract_text_*` flattens a page into a string and loses the
//! columns; tables, reading order and page furniture need positions. This
//! module only records what the content stream draws; `layout` rebuilds
//! lines, cells and grids from it.

use pdf_extract::{ColorSpace, MediaBox, OutputDev, OutputError, Path, PathOp, Transform};
use serde::{Deserialize, Serialize};

/// One drawn character, in points, y measured down from the top of the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Glyph {
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Advance width.
    pub w: f32,
    /// Font size after the text matrix.
    pub size: f32,
    pub text: GlyphText,
    /// The glyph is drawn rotated (vertical text, rotated table headers).
    pub rotated: bool,
}

/// The text of one glyph: almost always one character, sometimes a
/// ligature's few. Kept inline: a page holds thousands of glyphs, and a
/// heap string for each was a tenth of the cost of reading a PDF.
#[derive(Clone, PartialEq)]
pub struct GlyphText(GlyphRepr);

#[derive(Clone, PartialEq)]
enum GlyphRepr {
    Inline {
        len: u8,
        bytes: [u8; GlyphText::INLINE],
    },
    Heap(String),
}

impl GlyphText {
    const INLINE: usize = 14;

    pub fn as_str(&self) -> &str {
        match &self.0 {
            // SAFETY: `from` copies a whole &str into `bytes[..len]` and
            // nothing else writes them, so they are valid UTF-8. (Checking
            // again on every read was a measurable share of the layout.)
            GlyphRepr::Inline { len, bytes } => unsafe {
                std::str::from_utf8_unchecked(&bytes[..usize::from(*len)])
            },
            GlyphRepr::Heap(s) => s,
        }
    }
}

impl From<&str> for GlyphText {
    fn from(s: &str) -> Self {
        if s.len() <= GlyphText::INLINE {
            let mut bytes = [0; GlyphText::INLINE];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            GlyphText(GlyphRepr::Inline {
                len: s.len() as u8,
                bytes,
            })
        } else {
            GlyphText(GlyphRepr::Heap(s.to_string()))
        }
    }
}

impl std::ops::Deref for GlyphText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for GlyphText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for GlyphText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl Serialize for GlyphText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for GlyphText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Ok(GlyphText::from(s.as_str()))
    }
}

/// A horizontal or vertical line segment (cell borders, underlines).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rule {
    pub fn is_horizontal(&self) -> bool {
        (self.y1 - self.y0).abs() < 1.5 && (self.x1 - self.x0).abs() >= 1.5
    }
    pub fn is_vertical(&self) -> bool {
        (self.x1 - self.x0).abs() < 1.5 && (self.y1 - self.y0).abs() >= 1.5
    }
}

/// What one page draws.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawPage {
    pub number: u32,
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
}

/// Collects `RawPage`s as pdf-extract walks the content streams.
#[derive(Default)]
pub struct GlyphDevice {
    pub pages: Vec<RawPage>,
    current: Option<RawPage>,
    /// Maps PDF user space (y up from the bottom) to y down from the top.
    page_height: f64,
    origin: (f64, f64),
}

/// Rectangles thinner than this are lines drawn as filled rectangles, which
/// is how most office suites draw table borders.
const THIN: f64 = 2.5;

impl GlyphDevice {
    fn to_page(&self, x: f64, y: f64) -> (f32, f32) {
        (
            (x - self.origin.0) as f32,
            (self.page_height - (y - self.origin.1)) as f32,
        )
    }

    fn push_rule(&mut self, a: (f64, f64), b: (f64, f64)) {
        let (x0, y0) = self.to_page(a.0, a.1);
        let (x1, y1) = self.to_page(b.0, b.1);
        let rule = Rule {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
        };
        if rule.is_horizontal() || rule.is_vertical() {
            if let Some(page) = self.current.as_mut() {
                page.rules.push(rule);
            }
        }
    }

    /// Straight segments of a path, in device space; curves are ignored
    /// (rounded corners, charts), and so are large filled rectangles, which
    /// are backgrounds rather than borders.
    fn collect(&mut self, ctm: &Transform, path: &Path, filled: bool) {
        let t = |x: f64, y: f64| {
            let p = ctm.transform_point(euclid::point2(x, y));
            (p.x, p.y)
        };
        let mut start: Option<(f64, f64)> = None;
        let mut cur: Option<(f64, f64)> = None;
        for op in &path.ops {
            match *op {
                PathOp::MoveTo(x, y) => {
                    cur = Some(t(x, y));
                    start = cur;
                }
                PathOp::LineTo(x, y) => {
                    let p = t(x, y);
                    if let Some(c) = cur {
                        if !filled {
                            self.push_rule(c, p);
                        }
                    }
                    cur = Some(p);
                }
                PathOp::CurveTo(_, _, _, _, x, y) => cur = Some(t(x, y)),
                PathOp::Rect(x, y, w, h) => {
                    let a = t(x, y);
                    let b = t(x + w, y + h);
                    let (dw, dh) = ((b.0 - a.0).abs(), (b.1 - a.1).abs());
                    if filled {
                        if dh < THIN && dw >= THIN {
                            let ym = (a.1 + b.1) / 2.0;
                            self.push_rule((a.0, ym), (b.0, ym));
                        } else if dw < THIN && dh >= THIN {
                            let xm = (a.0 + b.0) / 2.0;
                            self.push_rule((xm, a.1), (xm, b.1));
                        }
                    } else {
                        self.push_rule((a.0, a.1), (b.0, a.1));
                        self.push_rule((a.0, b.1), (b.0, b.1));
                        self.push_rule((a.0, a.1), (a.0, b.1));
                        self.push_rule((b.0, a.1), (b.0, b.1));
                    }
                }
                PathOp::Close => {
                    if let (Some(c), Some(s)) = (cur, start) {
                        if !filled {
                            self.push_rule(c, s);
                        }
                    }
                    cur = start;
                }
            }
        }
    }
}

impl OutputDev for GlyphDevice {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page_height = media_box.ury - media_box.lly;
        self.origin = (media_box.llx, media_box.lly);
        self.current = Some(RawPage {
            number: page_num,
            width: (media_box.urx - media_box.llx) as f32,
            height: self.page_height as f32,
            glyphs: Vec::new(),
            rules: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        if let Some(page) = self.current.take() {
            self.pages.push(page);
        }
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let v = trm.transform_vector(euclid::vec2(font_size, font_size));
        let size = (v.x * v.y).abs().sqrt();
        let rotated = trm.m12.abs() > trm.m11.abs();
        let (x, y) = self.to_page(trm.m31, trm.m32);
        let scale = if size > 0.0 { size } else { font_size.abs() };
        let text = GlyphText::from(char);
        if let Some(page) = self.current.as_mut() {
            page.glyphs.push(Glyph {
                x,
                y,
                w: (width * scale) as f32,
                size: size as f32,
                text,
                rotated,
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn stroke(
        &mut self,
        ctm: &Transform,
        _colorspace: &ColorSpace,
        _color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.collect(ctm, path, false);
        Ok(())
    }

    fn fill(
        &mut self,
        ctm: &Transform,
        _colorspace: &ColorSpace,
        _color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.collect(ctm, path, true);
        Ok(())
    }
}
