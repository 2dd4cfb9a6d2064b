//! A `pdf_extract::OutputDev` that keeps every glyph a reader can see, with
//! its position, size and weight and slant, and every straight ruling line,
//! page by page.
//!
//! `pdf_extract::extract_text_*` flattens a page into a string and loses the
//! columns; tables, reading order and page furniture need positions. This
//! module only records what the content stream draws; `layout` rebuilds
//! lines, cells and grids from it. Glyphs no reader sees are not kept:
//! outside the page's crop box, outside the clip, invisible (render mode 3
//! or 7, unless over an image: a scan's text layer), or white where nothing
//! darker was painted underneath. `style` says what a glyph's font, render
//! mode and colour mean.

use super::style::{self, Ink};
use pdf_extract::{
    ColorSpace, FontInfo, MediaBox, OutputDev, OutputError, Paint, Path, PathOp, TextStyle,
    Transform,
};
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
    /// Set in a bold face, or filled then stroked.
    #[serde(default)]
    pub bold: bool,
    /// Set in an italic face, or slanted by the text matrix.
    #[serde(default)]
    pub italic: bool,
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
    /// The share (0-1) of the visible page the largest image drawn on it
    /// covers: near 1 on a scanned page.
    #[serde(default)]
    pub image_cover: f32,
}

/// Collects `RawPage`s as pdf-extract walks the content streams.
#[derive(Default)]
pub struct GlyphDevice {
    pub pages: Vec<RawPage>,
    current: Option<RawPage>,
    /// Maps PDF user space (y up from the bottom) to y down from the top.
    page_height: f64,
    origin: (f64, f64),
    /// The visible part of the page (media box within the crop box), in
    /// user space: llx, lly, urx, ury.
    page_box: [f64; 4],
    /// Thin filled rectangles of the page so far, as rules: borders, unless
    /// they stack into a shaded band (see [`shading_bands_removed`]).
    filled_rules: Vec<Rule>,
    /// How the glyphs now being drawn look.
    style: CurrentStyle,
    /// What the page painted so far, in drawing order: what lies under a
    /// white glyph.
    paints: Vec<Painted>,
    /// Invisible glyphs, with their centres in user space: kept at the end
    /// of the page if an image lies under them (a scan's text layer is
    /// drawn before or after the scan).
    hidden: Vec<(Glyph, f64, f64)>,
}

/// The style of the text being drawn, as `text_style` last gave it.
#[derive(Default)]
struct CurrentStyle {
    /// The font the face facts are for (fonts live as long as the
    /// document's reader, so their address names them).
    font: Option<*const FontInfo>,
    face_bold: bool,
    italic: bool,
    bold: bool,
    ink: Option<Ink>,
    clip: Option<[f64; 4]>,
}

/// An area painted on the page, and what with.
struct Painted {
    area: [f64; 4],
    kind: PaintKind,
}

#[derive(Clone, Copy, PartialEq)]
enum PaintKind {
    White,
    Dark,
    Image,
}

/// How far (points) a glyph's centre may lie outside a box and still count
/// as inside it: boxes are often drawn exactly round their text.
const EDGE: f64 = 1.0;

fn contains(b: &[f64; 4], x: f64, y: f64) -> bool {
    x >= b[0] - EDGE && x <= b[2] + EDGE && y >= b[1] - EDGE && y <= b[3] + EDGE
}

/// Rectangles thinner than this are lines drawn as filled rectangles, which
/// is how most office suites draw table borders.
const THIN: f64 = 2.5;

impl GlyphDevice {
    /// Whether a reader sees a glyph whose centre is at (x, y) in user space.
    fn visible(&self, x: f64, y: f64) -> bool {
        if !contains(&self.page_box, x, y) {
            return false;
        }
        if self.style.clip.is_some_and(|c| !contains(&c, x, y)) {
            return false;
        }
        // What was painted last under the glyph is what it is seen on.
        let under = || {
            self.paints
                .iter()
                .rev()
                .find(|p| contains(&p.area, x, y))
                .map(|p| p.kind)
        };
        match self.style.ink {
            Some(Ink::White) => matches!(under(), Some(PaintKind::Dark | PaintKind::Image)),
            _ => true,
        }
    }

    /// The share of the visible page the largest image drawn covers.
    fn image_cover(&self) -> f32 {
        let b = &self.page_box;
        let page = (b[2] - b[0]) * (b[3] - b[1]);
        if page <= 0.0 {
            return 0.0;
        }
        let largest = self
            .paints
            .iter()
            .filter(|p| p.kind == PaintKind::Image)
            .map(|p| {
                let w = p.area[2].min(b[2]) - p.area[0].max(b[0]);
                let h = p.area[3].min(b[3]) - p.area[1].max(b[1]);
                w.max(0.0) * h.max(0.0)
            })
            .fold(0.0f64, f64::max);
        (largest / page).min(1.0) as f32
    }

    fn over_image(&self, x: f64, y: f64) -> bool {
        self.paints
            .iter()
            .any(|p| p.kind == PaintKind::Image && contains(&p.area, x, y))
    }

    fn to_page(&self, x: f64, y: f64) -> (f32, f32) {
        (
            (x - self.origin.0) as f32,
            (self.page_height - (y - self.origin.1)) as f32,
        )
    }

    fn push_rule(&mut self, a: (f64, f64), b: (f64, f64)) {
        if let Some(rule) = self.page_rule(a, b) {
            if let Some(page) = self.current.as_mut() {
                page.rules.push(rule);
            }
        }
    }

    /// A thin filled rectangle drawn as a rule: kept aside until the page
    /// ends, when stacked ones (a gradient) are told from borders.
    fn push_filled_rule(&mut self, a: (f64, f64), b: (f64, f64)) {
        if let Some(rule) = self.page_rule(a, b) {
            self.filled_rules.push(rule);
        }
    }

    /// The segment from `a` to `b` in page space, if straight across or down.
    fn page_rule(&self, a: (f64, f64), b: (f64, f64)) -> Option<Rule> {
        let (x0, y0) = self.to_page(a.0, a.1);
        let (x1, y1) = self.to_page(b.0, b.1);
        let rule = Rule {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
        };
        (rule.is_horizontal() || rule.is_vertical()).then_some(rule)
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
                            self.push_filled_rule((a.0, ym), (b.0, ym));
                        } else if dw < THIN && dh >= THIN {
                            let xm = (a.0 + b.0) / 2.0;
                            self.push_filled_rule((xm, a.1), (xm, b.1));
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

/// Thin filled rectangles that stack closer than [`BAND_STEP`] to two or
/// more others of the same direction and extent are a shaded band (a
/// gradient painted as stripes, as in a coloured table cell), not borders:
/// they are dropped, and the rest are kept as rules. Borders of cells stand
/// at least a line of text apart.
fn shading_bands_removed(rules: Vec<Rule>) -> Vec<Rule> {
    let across = |r: &Rule| r.is_horizontal();
    // The line a rule stands on, and the span it covers along it.
    let place = |r: &Rule| -> (f32, f32, f32) {
        if across(r) {
            ((r.y0 + r.y1) / 2.0, r.x0, r.x1)
        } else {
            ((r.x0 + r.x1) / 2.0, r.y0, r.y1)
        }
    };
    let stacked = |r: &Rule, o: &Rule| {
        if across(r) != across(o) {
            return false;
        }
        let (at, from, to) = place(r);
        let (o_at, o_from, o_to) = place(o);
        let overlap = to.min(o_to) - from.max(o_from);
        (at - o_at).abs() <= BAND_STEP && overlap >= 0.8 * (to - from).max(o_to - o_from)
    };
    // Rules sorted by orientation and the line they stand on: a rule's
    // possible neighbours are the run of rules within BAND_STEP of it in
    // this order, so a page of thousands of fills is not compared pairwise.
    let mut order: Vec<usize> = (0..rules.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&rules[a], &rules[b]);
        across(rb)
            .cmp(&across(ra))
            .then(place(ra).0.total_cmp(&place(rb).0))
    });
    let mut banded = vec![false; rules.len()];
    for (k, &i) in order.iter().enumerate() {
        let r = &rules[i];
        let (at, _, _) = place(r);
        let near = |j: &&usize| {
            let o = &rules[**j];
            across(o) == across(r) && (place(o).0 - at).abs() <= BAND_STEP
        };
        let before = order[..k].iter().rev().take_while(near);
        let after = order[k + 1..].iter().take_while(near);
        let neighbours = before
            .chain(after)
            .filter(|&&j| stacked(r, &rules[j]))
            .take(2)
            .count();
        banded[i] = neighbours >= 2;
    }
    rules
        .iter()
        .zip(banded)
        .filter(|(_, banded)| !banded)
        .map(|(r, _)| *r)
        .collect()
}

/// How close stripes of a shaded band stand (centre to centre, points).
const BAND_STEP: f32 = 3.0;

impl OutputDev for GlyphDevice {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page_height = media_box.ury - media_box.lly;
        self.origin = (media_box.llx, media_box.lly);
        self.page_box = [
            media_box.llx.min(media_box.urx),
            media_box.lly.min(media_box.ury),
            media_box.llx.max(media_box.urx),
            media_box.lly.max(media_box.ury),
        ];
        self.paints.clear();
        self.hidden.clear();
        self.style = CurrentStyle::default();
        self.current = Some(RawPage {
            number: page_num,
            width: (media_box.urx - media_box.llx) as f32,
            height: self.page_height as f32,
            glyphs: Vec::new(),
            rules: Vec::new(),
            image_cover: 0.0,
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        let hidden = std::mem::take(&mut self.hidden);
        let shown: Vec<Glyph> = hidden
            .into_iter()
            .filter(|(_, x, y)| self.over_image(*x, *y))
            .map(|(g, _, _)| g)
            .collect();
        let cover = self.image_cover();
        let filled = shading_bands_removed(std::mem::take(&mut self.filled_rules));
        if let Some(mut page) = self.current.take() {
            page.rules.extend(filled);
            page.glyphs.extend(shown);
            page.image_cover = cover;
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
        // The middle of the glyph's box, in user space (text space is
        // scaled by the font size before `trm`).
        let centre = trm.transform_point(euclid::point2(width * font_size / 2.0, font_size * 0.3));
        if !self.visible(centre.x, centre.y) {
            return Ok(());
        }
        let (x, y) = self.to_page(trm.m31, trm.m32);
        let scale = if size > 0.0 { size } else { font_size.abs() };
        let glyph = Glyph {
            x,
            y,
            w: (width * scale) as f32,
            size: size as f32,
            text: GlyphText::from(char),
            rotated,
            bold: self.style.bold,
            italic: self.style.italic || style::is_slanted(trm.m11, trm.m12, trm.m21, trm.m22),
        };
        if self.style.ink == Some(Ink::Hidden) {
            self.hidden.push((glyph, centre.x, centre.y));
        } else if let Some(page) = self.current.as_mut() {
            page.glyphs.push(glyph);
        }
        Ok(())
    }

    fn text_style(&mut self, text: &TextStyle) -> Result<(), OutputError> {
        let font: *const FontInfo = text.font;
        if self.style.font != Some(font) {
            self.style.font = Some(font);
            self.style.face_bold = style::font_is_bold(text.font);
            self.style.italic = style::font_is_italic(text.font);
        }
        self.style.bold = self.style.face_bold || style::mode_is_bold(text.render_mode);
        self.style.ink = Some(style::ink(text));
        self.style.clip = text.clip;
        Ok(())
    }

    fn painted(&mut self, area: [f64; 4], paint: Paint) -> Result<(), OutputError> {
        let kind = match paint {
            Paint::Colour(space, color) if style::is_white(space, color) => PaintKind::White,
            Paint::Colour(..) | Paint::Shading => PaintKind::Dark,
            Paint::Image => PaintKind::Image,
        };
        self.paints.push(Painted { area, kind });
        Ok(())
    }

    fn crop_box(&mut self, crop: &MediaBox) -> Result<(), OutputError> {
        let b = &mut self.page_box;
        *b = [
            b[0].max(crop.llx),
            b[1].max(crop.lly),
            b[2].min(crop.urx),
            b[3].min(crop.ury),
        ];
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

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: MediaBox = MediaBox {
        llx: 0.0,
        lly: 0.0,
        urx: 600.0,
        ury: 800.0,
    };

    fn font(name: &str) -> FontInfo {
        FontInfo {
            name: name.to_string(),
            ..FontInfo::default()
        }
    }

    /// What a page keeps of one glyph `c` drawn at (x, y) in user space
    /// with `style`, after the areas in `paints`.
    struct Draw<'a> {
        style: TextStyle<'a>,
        paints: Vec<([f64; 4], Paint<'a>)>,
        at: (f64, f64),
        crop: Option<MediaBox>,
    }

    fn black<'a>(font: &'a FontInfo) -> TextStyle<'a> {
        TextStyle {
            font,
            render_mode: 0,
            fill_colorspace: &ColorSpace::DeviceGray,
            fill_color: &[0.0],
            stroke_colorspace: &ColorSpace::DeviceGray,
            stroke_color: &[0.0],
            clip: None,
        }
    }

    fn kept(draw: Draw) -> Vec<Glyph> {
        let mut dev = GlyphDevice::default();
        dev.begin_page(1, &PAGE, None).unwrap();
        if let Some(crop) = &draw.crop {
            dev.crop_box(crop).unwrap();
        }
        for (area, paint) in draw.paints {
            dev.painted(area, paint).unwrap();
        }
        dev.text_style(&draw.style).unwrap();
        let trm = Transform::row_major(1.0, 0.0, 0.0, 1.0, draw.at.0, draw.at.1);
        dev.output_character(&trm, 0.5, 0.0, 10.0, "x").unwrap();
        dev.end_page().unwrap();
        dev.pages.pop().unwrap().glyphs
    }

    fn draw<'a>(style: TextStyle<'a>, at: (f64, f64)) -> Draw<'a> {
        Draw {
            style,
            paints: Vec::new(),
            at,
            crop: None,
        }
    }

    fn across(y: f32, x0: f32, x1: f32) -> Rule {
        Rule {
            x0,
            y0: y,
            x1,
            y1: y,
        }
    }

    #[test]
    fn stacked_thin_fills_are_shading_and_spaced_ones_borders() {
        // A coloured cell painted as a gradient: stripes 1 pt apart across
        // the cell (as the Kent risk register's directorate cells are).
        let mut rules: Vec<Rule> = (0..20)
            .map(|k| across(100.0 + k as f32, 20.0, 60.0))
            .collect();
        // The cell's borders above and below, a line of text or more away,
        // and a border of another column beside the band.
        rules.push(across(90.0, 20.0, 300.0));
        rules.push(across(130.0, 20.0, 300.0));
        rules.push(across(105.0, 200.0, 300.0));
        let kept = shading_bands_removed(rules);
        assert_eq!(
            kept,
            vec![
                across(90.0, 20.0, 300.0),
                across(130.0, 20.0, 300.0),
                across(105.0, 200.0, 300.0)
            ]
        );
    }

    #[test]
    fn the_sorted_scan_finds_the_same_bands_as_comparing_every_pair() {
        // Fills scattered over a page in both directions, some stacked into
        // bands, compared with the definition read literally: a rule with two
        // or more stacked neighbours anywhere on the page is shading.
        let mut seed = 7u32;
        let mut next = |m: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            ((seed >> 8) % m) as f32
        };
        let rules: Vec<Rule> = (0..400)
            .map(|_| {
                let (at, from, len) = (next(200), next(100), 20.0 + next(40));
                if next(2) == 0.0 {
                    across(at, from, from + len)
                } else {
                    Rule {
                        x0: at,
                        y0: from,
                        x1: at,
                        y1: from + len,
                    }
                }
            })
            .collect();
        let stacked = |r: &Rule, o: &Rule| {
            let place = |r: &Rule| {
                if r.is_horizontal() {
                    ((r.y0 + r.y1) / 2.0, r.x0, r.x1)
                } else {
                    ((r.x0 + r.x1) / 2.0, r.y0, r.y1)
                }
            };
            let ((at, from, to), (o_at, o_from, o_to)) = (place(r), place(o));
            r.is_horizontal() == o.is_horizontal()
                && (at - o_at).abs() <= BAND_STEP
                && to.min(o_to) - from.max(o_from) >= 0.8 * (to - from).max(o_to - o_from)
        };
        let pairwise: Vec<Rule> = rules
            .iter()
            .enumerate()
            .filter(|(i, r)| {
                let n = rules
                    .iter()
                    .enumerate()
                    .filter(|(j, o)| j != i && stacked(r, o));
                n.count() < 2
            })
            .map(|(_, r)| *r)
            .collect();
        let kept = shading_bands_removed(rules.clone());
        assert!(kept.len() < rules.len() && !kept.is_empty());
        assert_eq!(kept, pairwise);
    }

    #[test]
    fn a_double_border_is_kept() {
        let rules = vec![across(100.0, 20.0, 300.0), across(102.0, 20.0, 300.0)];
        assert_eq!(shading_bands_removed(rules.clone()), rules);
    }

    #[test]
    fn a_glyph_on_the_page_is_kept_with_its_face() {
        let f = font("ABCDEF+Calibri-BoldItalic");
        let g = kept(draw(black(&f), (100.0, 700.0)));
        assert_eq!(g.len(), 1);
        assert!(g[0].bold && g[0].italic);
        assert_eq!((g[0].x, g[0].y), (100.0, 100.0));
        let f = font("Calibri");
        let mut s = black(&f);
        s.render_mode = 2;
        assert!(kept(draw(s, (100.0, 700.0)))[0].bold, "fill then stroke");
    }

    #[test]
    fn glyphs_off_the_page_or_outside_the_crop_box_are_dropped() {
        let f = font("Arial");
        assert!(kept(draw(black(&f), (100.0, 900.0))).is_empty());
        assert!(kept(draw(black(&f), (-50.0, 400.0))).is_empty());
        let mut d = draw(black(&f), (100.0, 700.0));
        d.crop = Some(MediaBox {
            llx: 200.0,
            lly: 0.0,
            urx: 600.0,
            ury: 800.0,
        });
        assert!(kept(d).is_empty());
    }

    #[test]
    fn glyphs_outside_the_clip_are_dropped() {
        // Kent's budget risk register: a 14-point label drawn 15 points
        // below the 1.5-point-high strip it is clipped to.
        let f = font("Calibri-Bold");
        let mut s = black(&f);
        s.clip = Some([23.667, 650.64, 418.567, 652.14]);
        assert!(kept(draw(s, (25.667, 635.62))).is_empty());
        let mut s = black(&f);
        s.clip = Some([20.0, 630.0, 418.0, 660.0]);
        assert_eq!(kept(draw(s, (25.667, 635.62))).len(), 1);
    }

    #[test]
    fn invisible_text_is_dropped_unless_it_lies_over_an_image() {
        let f = font("GlyphLessFont");
        let mut s = black(&f);
        s.render_mode = 3;
        assert!(kept(draw(s, (100.0, 700.0))).is_empty());
        let mut s = black(&f);
        s.render_mode = 3;
        let mut d = draw(s, (100.0, 700.0));
        d.paints = vec![([0.0, 0.0, 600.0, 800.0], Paint::Image)];
        assert_eq!(kept(d).len(), 1, "a scan's text layer");
    }

    #[test]
    fn white_text_is_kept_only_on_something_darker() {
        let f = font("Arial");
        let white = |f| TextStyle {
            fill_colorspace: &ColorSpace::DeviceRGB,
            fill_color: &[1.0, 1.0, 1.0],
            ..black(f)
        };
        assert!(kept(draw(white(&f), (100.0, 700.0))).is_empty());
        let navy = [0.1, 0.2, 0.4];
        let paper = [1.0, 1.0, 1.0];
        let mut d = draw(white(&f), (100.0, 700.0));
        d.paints = vec![(
            [90.0, 690.0, 200.0, 720.0],
            Paint::Colour(&ColorSpace::DeviceRGB, &navy),
        )];
        assert_eq!(kept(d).len(), 1, "a header cell's white text");
        // A white box painted over the dark one: what is seen is white.
        let mut d = draw(white(&f), (100.0, 700.0));
        d.paints = vec![
            (
                [90.0, 690.0, 200.0, 720.0],
                Paint::Colour(&ColorSpace::DeviceRGB, &navy),
            ),
            (
                [0.0, 0.0, 600.0, 800.0],
                Paint::Colour(&ColorSpace::DeviceRGB, &paper),
            ),
        ];
        assert!(kept(d).is_empty());
        let mut d = draw(white(&f), (100.0, 700.0));
        d.paints = vec![([0.0, 600.0, 600.0, 800.0], Paint::Shading)];
        assert_eq!(kept(d).len(), 1, "on a gradient");
    }
}
