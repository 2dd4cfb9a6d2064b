//! Scanned pages -> positioned words, with Tesseract.
//!
//! Owns OCR: which pages need it ([`OcrMode`], [`wants_ocr`]), finding
//! Tesseract and its languages, rendering a page with poppler's `pdftoppm`,
//! running `tesseract` for hOCR, and reading the hOCR into the glyphs a
//! born-digital page's content stream gives ([`Glyph`]: one per word, a
//! space between words, every word of an OCR line on the line's baseline,
//! its size the line's), so layout and the grammars read a scan the way
//! they read a text PDF. The page's skew, measured from the lines' baseline
//! slopes, is taken out of the positions, so indents and columns line up.
//!
//! Every subprocess runs with a deadline ([`run_bounded`]): its stderr is
//! kept to explain a failure, and it is killed when it overruns. Tesseract
//! runs single-threaded (`OMP_THREAD_LIMIT=1`), so the same image and the
//! same Tesseract give the same words.

use crate::pdf::device::{Glyph, RawPage};
use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Which pages of a PDF are read with OCR.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum OcrMode {
    /// Pages with no text whose image covers the page (scans), when
    /// Tesseract is installed.
    #[default]
    Auto,
    /// Every page, its text layer replaced by what OCR reads.
    Always,
    /// No page: a scan is reported as having no text layer.
    Never,
}

impl OcrMode {
    /// The word that names the mode on the command line.
    pub fn as_arg(self) -> &'static str {
        match self {
            OcrMode::Auto => "auto",
            OcrMode::Always => "always",
            OcrMode::Never => "never",
        }
    }

    pub fn from_arg(arg: &str) -> Option<OcrMode> {
        match arg {
            "auto" => Some(OcrMode::Auto),
            "always" => Some(OcrMode::Always),
            "never" => Some(OcrMode::Never),
            _ => None,
        }
    }
}

/// Pages are rendered at this resolution for OCR (Tesseract reads body
/// text best with capitals 20-30 pixels high).
pub const DPI: u32 = 300;
/// The share of a page an image must cover for a page without text to be
/// taken for a scan.
pub const SCAN_COVER: f32 = 0.5;
const RENDER_TIMEOUT: Duration = Duration::from_secs(60);
const TESSERACT_TIMEOUT: Duration = Duration::from_secs(120);
const PROBE_TIMEOUT: Duration = Duration::from_secs(10);
/// The most one page's OCR may take: the parent adds this to a file's
/// deadline for each page the worker says it will OCR.
pub const PAGE_BUDGET: Duration = Duration::from_secs(185);
/// How to install what OCR needs, for messages.
pub const INSTALL_HINT: &str = "apt-get install tesseract-ocr tesseract-ocr-eng poppler-utils";

/// Whether `mode` reads `page` with OCR.
pub fn wants_ocr(mode: OcrMode, page: &RawPage) -> bool {
    match mode {
        OcrMode::Never => false,
        OcrMode::Always => true,
        OcrMode::Auto => {
            page.image_cover >= SCAN_COVER && page.glyphs.iter().all(|g| g.text.trim().is_empty())
        }
    }
}

/// Tesseract's language argument (`eng`, or `eng+cym` where Welsh is
/// installed); `None` when Tesseract or its English data is missing, or
/// `pdftoppm` is.
pub fn languages() -> Option<&'static str> {
    static LANGS: OnceLock<Option<String>> = OnceLock::new();
    LANGS
        .get_or_init(|| {
            let mut probe = Command::new("pdftoppm");
            probe.arg("-v");
            run_bounded(probe, None, PROBE_TIMEOUT, false).ok()?;
            let mut list = Command::new("tesseract");
            list.arg("--list-langs");
            let out = run_bounded(list, None, PROBE_TIMEOUT, true).ok()?;
            let text = String::from_utf8_lossy(&out);
            let langs: Vec<&str> = text.lines().skip(1).map(str::trim).collect();
            if !langs.contains(&"eng") {
                return None;
            }
            Some(if langs.contains(&"cym") {
                "eng+cym".to_string()
            } else {
                "eng".to_string()
            })
        })
        .as_deref()
}

/// What OCR read on one page.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrPage {
    pub glyphs: Vec<Glyph>,
    /// Mean word confidence, 0-100 (0 where no word was read).
    pub confidence: f32,
}

/// OCR `pages` of the PDF in `bytes`, each page's words or why it failed.
/// The PDF and the page images go through pipes, never through files.
pub fn read_pages(bytes: &[u8], pages: &[u32]) -> Vec<(u32, Result<OcrPage, String>)> {
    let Some(langs) = languages() else {
        let why = format!("Tesseract is not installed ({INSTALL_HINT})");
        return pages.iter().map(|&n| (n, Err(why.clone()))).collect();
    };
    pages
        .iter()
        .map(|&n| (n, read_page(bytes, n, langs)))
        .collect()
}

/// Render one page from the PDF's bytes (piped to `pdftoppm`) and read
/// the image (piped to `tesseract`): no file is written anywhere.
fn read_page(pdf: &[u8], page: u32, langs: &str) -> Result<OcrPage, String> {
    let mut render = Command::new("pdftoppm");
    render
        .args(["-r", &DPI.to_string(), "-gray", "-png", "-singlefile"])
        .args(["-f", &page.to_string(), "-l", &page.to_string()])
        .arg("-");
    let png = run_bounded(render, Some(pdf), RENDER_TIMEOUT, false)
        .map_err(|e| format!("pdftoppm: {e}"))?;
    let mut ocr = Command::new("tesseract");
    ocr.args(["stdin", "stdout"])
        .args(["-l", langs, "--dpi", &DPI.to_string(), "hocr"])
        .env("OMP_THREAD_LIMIT", "1");
    let hocr = run_bounded(ocr, Some(&png), TESSERACT_TIMEOUT, false)
        .map_err(|e| format!("tesseract: {e}"))?;
    Ok(page_of_hocr(&String::from_utf8_lossy(&hocr), DPI))
}

/// Run `cmd` to its end within `timeout`: its stdout (or, with
/// `stdout_or_stderr`, stdout and stderr together: `tesseract
/// --list-langs` writes to either, by version), or why it failed: it could
/// not start, ran over (and was killed), or exited non-zero (with the end
/// of its stderr).
pub fn run_bounded(
    mut cmd: Command,
    input: Option<&[u8]>,
    timeout: Duration,
    stdout_or_stderr: bool,
) -> Result<Vec<u8>, String> {
    let start = Instant::now();
    let stdin = if input.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    };
    let mut child = cmd
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start: {e}"))?;
    // The input is written from its own thread, so a child that writes
    // before it has read everything cannot block on a full pipe; a child
    // that exits early closes the pipe and the write just fails.
    let feed = child.stdin.take().zip(input).map(|(mut pipe, bytes)| {
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            use std::io::Write;
            let _ = pipe.write_all(&bytes);
        })
    });
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut buf);
            }
            buf
        })
    };
    let out = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let err = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Ok(status),
            Ok(None) if start.elapsed() >= timeout => {
                let _ = child.kill();
                let _ = child.wait();
                break Err(format!("timed out after {} s", timeout.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                break Err(format!("cannot wait for it: {e}"));
            }
        }
    };
    // The child is gone, so its pipes are closed (unless it left a
    // grandchild holding them: then the readers are left to end alone).
    if let Some(feed) = feed {
        let _ = feed.join();
    }
    let mut stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    let status = status?;
    if !status.success() {
        let said = String::from_utf8_lossy(&stderr);
        let tail: String = said
            .trim()
            .lines()
            .last()
            .unwrap_or("")
            .chars()
            .take(200)
            .collect();
        return Err(format!("{status}: {tail}"));
    }
    if stdout_or_stderr {
        stdout.extend_from_slice(&stderr);
    }
    Ok(stdout)
}

/// One OCR line as hOCR gives it, in pixels (y down).
#[derive(Debug, Clone, Default)]
struct HocrLine {
    bbox: [f32; 4],
    /// Baseline slope and offset from the box's bottom-left corner.
    slope: f32,
    offset: f32,
    /// Tesseract's estimate of the line's text height.
    x_size: f32,
    words: Vec<HocrWord>,
}

#[derive(Debug, Clone)]
struct HocrWord {
    bbox: [f32; 4],
    confidence: f32,
    text: String,
}

/// Classes of hOCR elements that are lines of text.
const LINE_CLASSES: [&str; 4] = ["ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"];

/// A font's size against the height Tesseract gives its line (`x_size`:
/// ascender to descender): 43 px at 300 dpi for 11 pt type on the seed
/// agenda's front sheet.
const SIZE_PER_X_SIZE: f32 = 1.07;

/// Read hOCR rendered at `dpi` into glyphs in points (y down from the top
/// of the page).
fn page_of_hocr(hocr: &str, dpi: u32) -> OcrPage {
    let lines = hocr_lines(hocr);
    let scale = 72.0 / dpi as f32;
    let skew = skew_of(&lines);
    let (cos, sin) = (skew.cos(), skew.sin());
    // Take the skew out: turn every point back by the baseline angle.
    let level = |x: f32, y: f32| (x * cos + y * sin, y * cos - x * sin);
    let kept = unrepeated(&lines);
    let mut glyphs = Vec::new();
    let mut confidences = Vec::new();
    for (line, kept) in lines.iter().zip(&kept) {
        let words: Vec<&HocrWord> = line
            .words
            .iter()
            .zip(kept)
            .filter(|(w, &keep)| keep && !w.text.is_empty())
            .map(|(w, _)| w)
            .collect();
        if words.is_empty() {
            continue;
        }
        let (_, base) = level(line.bbox[0], line.bbox[3] + line.offset);
        let height = if line.x_size > 0.0 {
            line.x_size
        } else {
            line.bbox[3] - line.bbox[1]
        };
        let size = height * SIZE_PER_X_SIZE * scale;
        // Each word's ink, levelled, in points.
        let spans: Vec<(f32, f32)> = words
            .iter()
            .map(|w| {
                let (x0, _) = level(w.bbox[0], w.bbox[3]);
                let (x1, _) = level(w.bbox[2], w.bbox[3]);
                (x0 * scale, x1 * scale)
            })
            .collect();
        let mut end: Option<f32> = None;
        for (k, w) in words.iter().enumerate() {
            let (x0, mut x1) = spans[k];
            if let Some(&(next, _)) = spans.get(k + 1) {
                x1 = typeset_end(x1, next, size);
            }
            if let Some(end) = end {
                glyphs.push(glyph(" ", end, 0.0, base * scale, size));
            }
            glyphs.push(glyph(&w.text, x0, x1 - x0, base * scale, size));
            end = Some(x1);
            confidences.push(w.confidence);
        }
    }
    let confidence = if confidences.is_empty() {
        0.0
    } else {
        confidences.iter().sum::<f32>() / confidences.len() as f32
    };
    OcrPage { glyphs, confidence }
}

/// The share of a word's box that another word's box must cover for the
/// two to be taken for one ink read twice.
const SAME_INK: f32 = 0.5;

/// Which words of `lines` to keep (per line, per word): Tesseract sometimes
/// reads a row of handwriting twice, as two lines whose words lie over
/// each other ("from local taxation" and "rom loca taxati" over it), and
/// the two would be merged into one line, word by word. Of words of
/// different lines whose boxes overlap by [`SAME_INK`] of the smaller box,
/// the fullest reading is kept: the most characters, then the higher
/// confidence, then the first in reading order. Words of one line are
/// read in turn, never twice, so all are kept, even where Tesseract gives
/// one a box spanning its neighbours ("Name" boxed over "Name of body:").
fn unrepeated(lines: &[HocrLine]) -> Vec<Vec<bool>> {
    struct Candidate {
        line: usize,
        word: usize,
        chars: usize,
        confidence: f32,
    }
    let mut candidates: Vec<Candidate> = lines
        .iter()
        .enumerate()
        .flat_map(|(l, line)| {
            line.words
                .iter()
                .enumerate()
                .map(move |(w, word)| Candidate {
                    line: l,
                    word: w,
                    chars: word.text.chars().count(),
                    confidence: word.confidence,
                })
        })
        .collect();
    // Stable: equals stay in reading order.
    candidates.sort_by(|a, b| {
        b.chars
            .cmp(&a.chars)
            .then(b.confidence.total_cmp(&a.confidence))
    });
    let mut keep: Vec<Vec<bool>> = lines.iter().map(|l| vec![false; l.words.len()]).collect();
    // The boxes kept so far, with their lines.
    let mut kept: Vec<(usize, [f32; 4])> = Vec::new();
    for c in candidates {
        let bbox = lines[c.line].words[c.word].bbox;
        let repeats = |&(line, k): &(usize, [f32; 4])| {
            line != c.line && overlap_of_smaller(&k, &bbox) >= SAME_INK
        };
        if !kept.iter().any(repeats) {
            keep[c.line][c.word] = true;
            kept.push((c.line, bbox));
        }
    }
    keep
}

/// The area two boxes share over the smaller box's area (0 for a box with
/// no area).
fn overlap_of_smaller(a: &[f32; 4], b: &[f32; 4]) -> f32 {
    let w = a[2].min(b[2]) - a[0].max(b[0]);
    let h = a[3].min(b[3]) - a[1].max(b[1]);
    let area = |r: &[f32; 4]| (r[2] - r[0]) * (r[3] - r[1]);
    let smaller = area(a).min(area(b));
    if w <= 0.0 || h <= 0.0 || smaller <= 0.0 {
        return 0.0;
    }
    w * h / smaller
}

/// A word space as typeset, in font sizes: the gap between two words'
/// boxes (advance widths) printed one space apart.
const WORD_SPACE: f32 = 0.25;
/// The widest gap, in font sizes, still read as one word space (justified
/// lines stretch spaces); wider gaps (a numbered item's tab, a column
/// gutter) are kept as printed.
const WIDEST_WORD_SPACE: f32 = 0.75;

/// Where a word's box ends, the next word on its line starting at `next`.
/// OCR boxes hold ink; a typeset word's box holds its advance, side
/// bearings included, so the ink gap between two words one space apart is
/// wider than the gap between their boxes, often wider than the gutter
/// layout looks for between columns. So a word-space gap is brought to a
/// typeset word space.
fn typeset_end(ink_end: f32, next: f32, size: f32) -> f32 {
    let gap = next - ink_end;
    if gap > size * WORD_SPACE && gap <= size * WIDEST_WORD_SPACE {
        next - size * WORD_SPACE
    } else {
        ink_end
    }
}

fn glyph(text: &str, x: f32, w: f32, y: f32, size: f32) -> Glyph {
    Glyph {
        x,
        y,
        w,
        size,
        text: text.into(),
        rotated: false,
        bold: false,
        italic: false,
    }
}

/// The page's skew (radians, clockwise positive): the median baseline
/// slope of lines of three or more words.
fn skew_of(lines: &[HocrLine]) -> f32 {
    let mut slopes: Vec<f32> = lines
        .iter()
        .filter(|l| l.words.len() >= 3)
        .map(|l| l.slope)
        .collect();
    if slopes.is_empty() {
        return 0.0;
    }
    slopes.sort_by(f32::total_cmp);
    slopes[slopes.len() / 2].atan()
}

/// The lines and words of an hOCR page, in Tesseract's reading order.
fn hocr_lines(hocr: &str) -> Vec<HocrLine> {
    let mut lines: Vec<HocrLine> = Vec::new();
    let mut rest = hocr;
    while let Some(at) = rest.find("<span") {
        rest = &rest[at..];
        let Some(close) = rest.find('>') else { break };
        let tag = &rest[..close];
        let body = &rest[close + 1..];
        rest = body;
        let class = attribute(tag, "class").unwrap_or("");
        let title = attribute(tag, "title").unwrap_or("");
        if LINE_CLASSES.contains(&class) {
            let baseline = title_field(title, "baseline");
            lines.push(HocrLine {
                bbox: bbox(title),
                slope: baseline.first().copied().unwrap_or(0.0),
                offset: baseline.get(1).copied().unwrap_or(0.0),
                x_size: title_field(title, "x_size").first().copied().unwrap_or(0.0),
                words: Vec::new(),
            });
        } else if class == "ocrx_word" {
            let Some(end) = body.find("</span>") else {
                break;
            };
            let text = decode(&strip_tags(&body[..end]));
            let word = HocrWord {
                bbox: bbox(title),
                confidence: title_field(title, "x_wconf")
                    .first()
                    .copied()
                    .unwrap_or(0.0),
                text: text.trim().to_string(),
            };
            match lines.last_mut() {
                Some(line) => line.words.push(word),
                None => lines.push(HocrLine {
                    bbox: word.bbox,
                    words: vec![word],
                    ..HocrLine::default()
                }),
            }
            rest = &body[end..];
        }
    }
    lines
}

/// An attribute's value in a tag, quoted either way.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}="))? + name.len() + 2;
    let quote = tag[at..].chars().next()?;
    if quote != '\'' && quote != '"' {
        return None;
    }
    let value = &tag[at + 1..];
    Some(&value[..value.find(quote)?])
}

/// The numbers of one `;`-separated field of an hOCR title
/// (`bbox 240 128 738 171; baseline 0 -10; x_size 43`).
fn title_field(title: &str, name: &str) -> Vec<f32> {
    title
        .split(';')
        .map(str::trim)
        .find_map(|f| f.strip_prefix(name).filter(|v| v.starts_with(' ')))
        .map(|v| {
            v.split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect()
        })
        .unwrap_or_default()
}

fn bbox(title: &str) -> [f32; 4] {
    match title_field(title, "bbox")[..] {
        [x0, y0, x1, y1] => [x0, y0, x1, y1],
        _ => [0.0; 4],
    }
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// XML character references and the five named entities.
fn decode(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(semi) = rest.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two lines of the Haringey Schools Forum agenda front sheet as
    /// Tesseract 5.3 reads it at 300 dpi (the second line made up of the
    /// agenda's first item).
    const HOCR: &str = r#"<div class='ocr_page' id='page_1' title='image "p1.png"; bbox 0 0 2481 3508'>
     <span class='ocr_line' id='line_1_1' title="bbox 240 128 738 171; baseline 0 -10; x_size 43; x_descenders 10; x_ascenders 8">
      <span class='ocrx_word' id='word_1_1' title='bbox 240 128 420 171; x_wconf 96'>Haringey</span>
      <span class='ocrx_word' id='word_1_2' title='bbox 435 128 594 161; x_wconf 96'>Schools</span>
      <span class='ocrx_word' id='word_1_3' title='bbox 612 129 738 161; x_wconf 90'>Forum</span>
     </span>
     <span class='ocr_line' id='line_1_5' title="bbox 240 700 1200 740; baseline 0 -8; x_size 40; x_descenders 9; x_ascenders 9">
      <span class='ocrx_word' id='word_1_20' title='bbox 240 700 270 732; x_wconf 94'>1.</span>
      <span class='ocrx_word' id='word_1_21' title='bbox 400 700 700 732; x_wconf 92'>CHAIR&#39;S</span>
      <span class='ocrx_word' id='word_1_22' title='bbox 720 700 1000 732; x_wconf 90'>WELCOME &amp; <strong>INTRO</strong></span>
     </span>"#;

    #[test]
    fn hocr_words_become_glyphs_on_their_lines_baseline() {
        let page = page_of_hocr(HOCR, 300);
        let texts: Vec<&str> = page.glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Haringey",
                " ",
                "Schools",
                " ",
                "Forum",
                "1.",
                " ",
                "CHAIR'S",
                " ",
                "WELCOME & INTRO"
            ]
        );
        let scale = 72.0 / 300.0;
        // Every word of a line sits on the line's baseline (bottom - 10 px).
        assert!(page.glyphs[..5]
            .iter()
            .all(|g| (g.y - 161.0 * scale).abs() < 0.01));
        assert!((page.glyphs[0].x - 240.0 * scale).abs() < 0.01);
        assert!((page.glyphs[0].size - 43.0 * SIZE_PER_X_SIZE * scale).abs() < 0.01);
        // A space glyph has no width, so the gap before "CHAIR'S" (a
        // numbered item's tab) stays as wide as printed.
        assert_eq!(page.glyphs[6].w, 0.0);
        assert!((page.glyphs[6].x - 270.0 * scale).abs() < 0.01);
        assert!((page.confidence - 93.0).abs() < 0.01);
    }

    #[test]
    fn word_spaces_are_typeset_spaces_and_tabs_stay_wide() {
        // The Haringey agenda's declarations paragraph, as Tesseract boxes
        // it at 300 dpi: ink gaps of 17-22 px (4-5 pt at 10.3 pt) between
        // words, wider than a 4 pt column gutter; the item number's tab,
        // 130 px, is kept.
        let hocr = r#"<span class='ocr_line' title="bbox 240 700 1400 740; baseline 0 -8; x_size 40">
        <span class='ocrx_word' title='bbox 240 700 270 732; x_wconf 94'>3.</span>
        <span class='ocrx_word' title='bbox 400 700 760 732; x_wconf 92'>Declarations</span>
        <span class='ocrx_word' title='bbox 782 700 860 732; x_wconf 92'>are</span>
        <span class='ocrx_word' title='bbox 877 700 990 732; x_wconf 92'>only</span>
        </span>"#;
        let page = page_of_hocr(hocr, 300);
        let words: Vec<&Glyph> = page.glyphs.iter().filter(|g| g.text != " ").collect();
        let size = words[0].size;
        let gap = |a: &Glyph, b: &Glyph| b.x - (a.x + a.w);
        assert!((gap(words[1], words[2]) - size * WORD_SPACE).abs() < 0.01);
        assert!((gap(words[2], words[3]) - size * WORD_SPACE).abs() < 0.01);
        assert!((gap(words[0], words[1]) - 130.0 * 72.0 / 300.0).abs() < 0.01);
        // Words start where their ink does.
        assert!((words[2].x - 782.0 * 72.0 / 300.0).abs() < 0.01);
    }

    #[test]
    fn a_skewed_page_is_levelled() {
        // The same line rotated by about 1 degree: its words step down by
        // 1.75 px per 100 px; levelled, they share one baseline and the
        // left edge of the next line down keeps its x.
        let hocr = r#"<span class='ocr_line' title="bbox 100 100 1100 160; baseline 0.0175 -5; x_size 40">
        <span class='ocrx_word' title='bbox 100 100 300 140; x_wconf 90'>one</span>
        <span class='ocrx_word' title='bbox 400 105 600 145; x_wconf 90'>two</span>
        <span class='ocrx_word' title='bbox 800 112 1000 152; x_wconf 90'>three</span>
        </span>"#;
        let page = page_of_hocr(hocr, 300);
        let ys: Vec<f32> = page.glyphs.iter().map(|g| g.y).collect();
        assert!(ys.iter().all(|y| (y - ys[0]).abs() < 0.01), "{ys:?}");
    }

    #[test]
    fn a_row_read_twice_is_read_once() {
        // A handwritten row of Tintern Community Council's scanned annual
        // return (line 2 of section 2), as Tesseract 5.3 reads it at 300
        // dpi: the row twice, the second line's words over the first's.
        let hocr = r#"<span class='ocr_line' title="bbox 281 1078 2292 1109; baseline 0 -9; x_size 36.6">
        <span class='ocrx_word' title='bbox 364 1080 421 1100; x_wconf 95'>loca</span>
        <span class='ocrx_word' title='bbox 984 1078 1097 1099; x_wconf 36'>2,40</span>
        <span class='ocrx_word' title='bbox 1324 1081 1441 1101; x_wconf 96'>taxation</span>
        </span>
        <span class='ocr_line' title="bbox 268 1043 2242 1119; baseline 0.001 -19; x_size 53.2">
        <span class='ocrx_word' title='bbox 356 1073 428 1100; x_wconf 94'>local</span>
        <span class='ocrx_word' title='bbox 951 1054 1130 1112; x_wconf 0'>15,100</span>
        <span class='ocrx_word' title='bbox 1383 1074 1399 1101; x_wconf 53'>taxati</span>
        </span>"#;
        let page = page_of_hocr(hocr, 300);
        let words: Vec<&str> = page
            .glyphs
            .iter()
            .map(|g| g.text.as_str())
            .filter(|t| *t != " ")
            .collect();
        assert_eq!(words, ["taxation", "local", "15,100"]);
        // On one line, a word boxed over its neighbours keeps them (the
        // return's "Name of body:", "Name" boxed across all three).
        let hocr = r#"<span class='ocr_line' title="bbox 172 306 453 354; baseline 0 -4; x_size 40">
        <span class='ocrx_word' title='bbox 172 310 453 350; x_wconf 94'>Name</span>
        <span class='ocrx_word' title='bbox 284 306 328 354; x_wconf 94'>of</span>
        <span class='ocrx_word' title='bbox 344 310 453 350; x_wconf 95'>body:</span>
        </span>"#;
        let page = page_of_hocr(hocr, 300);
        let words: Vec<&str> = page.glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(words, ["Name", " ", "of", " ", "body:"]);
        // Words side by side, however close, are both kept.
        let a = [100.0, 100.0, 200.0, 130.0];
        let b = [195.0, 100.0, 300.0, 130.0];
        assert!(overlap_of_smaller(&a, &b) < SAME_INK);
        assert!((overlap_of_smaller(&a, &[120.0, 105.0, 180.0, 125.0]) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn entities_and_tags_are_read_as_text() {
        assert_eq!(
            decode("A &amp; B &lt;1&gt; &#39;x&#x27; &bogus"),
            "A & B <1> 'x' &bogus"
        );
        assert_eq!(strip_tags("<strong>Bold</strong> word"), "Bold word");
    }

    #[test]
    fn auto_reads_only_pages_without_text_under_a_page_sized_image() {
        let scan = RawPage {
            number: 1,
            width: 595.0,
            height: 842.0,
            image_cover: 0.98,
            ..RawPage::default()
        };
        let blank = RawPage {
            image_cover: 0.0,
            ..scan.clone()
        };
        let mut text = scan.clone();
        text.glyphs.push(glyph("Agenda", 50.0, 40.0, 100.0, 12.0));
        assert!(wants_ocr(OcrMode::Auto, &scan));
        assert!(!wants_ocr(OcrMode::Auto, &blank));
        assert!(!wants_ocr(OcrMode::Auto, &text));
        assert!(wants_ocr(OcrMode::Always, &text));
        assert!(!wants_ocr(OcrMode::Never, &scan));
    }

    #[test]
    fn a_command_that_overruns_is_killed() {
        let mut sleep = Command::new("sleep");
        sleep.arg("5");
        let start = Instant::now();
        let err = run_bounded(sleep, None, Duration::from_millis(200), false).unwrap_err();
        assert!(err.contains("timed out"), "{err}");
        assert!(start.elapsed() < Duration::from_secs(3));
    }
}
