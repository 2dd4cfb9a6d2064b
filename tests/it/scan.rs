//! Scanned pages. A scan is made here of a seed page: the agenda front
//! sheet of the bundled Haringey Schools Forum pack, rendered at 200 dpi,
//! speckled, turned 1 degree and wrapped as an image-only PDF, the way an
//! office copier files a printed agenda. Read with `--ocr auto`, its words
//! are measured against the born-digital page's, and the agenda items the
//! grammars find on it must be those they find on the born-digital page.
//! Without Tesseract, a scan gets a clear message saying how to install it.
//!
//! `AGENDEX_KEEP_SCAN=FILE` keeps the scan made for a look with other
//! readers.

use crate::bad_input::pdf;
use crate::mutants::Rng;
use crate::support::{records, root, run, stderr};
use agendex::pdf::ocr::OcrMode;
use std::io::Write;
use std::path::Path;
use std::process::Command;

/// Whether Tesseract (with English) and poppler's `pdftoppm` are here, as
/// `--ocr` needs them.
pub fn ocr_installed() -> bool {
    let langs = Command::new("tesseract").arg("--list-langs").output();
    let has_english = langs.is_ok_and(|o| {
        let mut text = String::from_utf8_lossy(&o.stdout).into_owned();
        text.push_str(&String::from_utf8_lossy(&o.stderr));
        text.lines().any(|l| l.trim() == "eng")
    });
    has_english && Command::new("pdftoppm").arg("-v").output().is_ok()
}

/// The seed page scanned: the agenda front sheet.
const SEED_PDF: &str = "corpus/000_ab51a36975b4b00c.pdf";
/// The scanner's resolution.
const SCAN_DPI: u32 = 200;
/// The turn of the sheet on the glass, degrees (clockwise).
const SKEW_DEGREES: f64 = 1.0;
/// The share of the born-digital page's words OCR must read right: 1 -
/// word error rate (word-level edit distance over the reference's length).
/// Measured 0.968 over 221 words with Tesseract 5.3 (Debian bookworm's);
/// the misses are punctuation ("—" for "–") and a space lost before a digit.
const WORD_ACCURACY_FLOOR: f64 = 0.95;

/// A greyscale picture, one byte a pixel, rows top to bottom.
struct Grey {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

/// Read a binary PGM (`P5`, 8-bit), as `pdftoppm -gray` writes it.
fn read_pgm(bytes: &[u8]) -> Grey {
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if bytes[at] == b'#' {
            while bytes[at] != b'\n' {
                at += 1;
            }
            continue;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5", "not a binary PGM");
    assert_eq!(fields[3], "255", "not an 8-bit PGM");
    let width: usize = fields[1].parse().unwrap();
    let height: usize = fields[2].parse().unwrap();
    let pixels = bytes[at + 1..at + 1 + width * height].to_vec();
    Grey {
        width,
        height,
        pixels,
    }
}

/// The picture turned `degrees` clockwise about its centre (bilinear,
/// white where the turned sheet does not reach), with scanner noise: grain
/// on every pixel and a few dark specks, from a fixed seed.
fn scanned(page: &Grey, degrees: f64, seed: u64) -> Grey {
    let (w, h) = (page.width, page.height);
    let (sin, cos) = degrees.to_radians().sin_cos();
    let (cx, cy) = (w as f64 / 2.0, h as f64 / 2.0);
    let at = |x: i64, y: i64| -> f64 {
        if x < 0 || y < 0 || x >= w as i64 || y >= h as i64 {
            255.0
        } else {
            f64::from(page.pixels[y as usize * w + x as usize])
        }
    };
    let mut rng = Rng::new(seed);
    let mut pixels = Vec::with_capacity(w * h);
    for y in 0..h {
        for x in 0..w {
            // Where this pixel of the scan comes from on the sheet.
            let (dx, dy) = (x as f64 - cx, y as f64 - cy);
            let sx = cx + dx * cos + dy * sin;
            let sy = cy - dx * sin + dy * cos;
            let (x0, y0) = (sx.floor(), sy.floor());
            let (fx, fy) = (sx - x0, sy - y0);
            let (x0, y0) = (x0 as i64, y0 as i64);
            let value = at(x0, y0) * (1.0 - fx) * (1.0 - fy)
                + at(x0 + 1, y0) * fx * (1.0 - fy)
                + at(x0, y0 + 1) * (1.0 - fx) * fy
                + at(x0 + 1, y0 + 1) * fx * fy;
            // Grain: the sum of two uniform draws, about +-12 levels.
            let grain = (rng.below(25) + rng.below(25)) as f64 / 2.0 - 12.0;
            let speck = if rng.below(2000) == 0 { -160.0 } else { 0.0 };
            pixels.push((value + grain + speck).clamp(0.0, 255.0) as u8);
        }
    }
    Grey {
        width: w,
        height: h,
        pixels,
    }
}

/// An image-only A4 PDF of one page: the picture drawn across the page.
fn image_pdf(picture: &Grey) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&picture.pixels).unwrap();
    let data = z.finish().unwrap();
    let mut image = format!(
        "<< /Type /XObject /Subtype /Image /Width {} /Height {} /ColorSpace /DeviceGray \
         /BitsPerComponent 8 /Filter /FlateDecode /Length {} >>\nstream\n",
        picture.width,
        picture.height,
        data.len()
    )
    .into_bytes();
    image.extend_from_slice(&data);
    image.extend_from_slice(b"\nendstream");
    let content = "q 595 0 0 842 0 0 cm /Scan Do Q";
    let contents = format!(
        "<< /Length {} >>\nstream\n{content}\nendstream",
        content.len()
    );
    let objects: [&[u8]; 5] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
          /Resources << /XObject << /Scan 5 0 R >> >> /Contents 4 0 R >>",
        contents.as_bytes(),
        &image,
    ];
    pdf(&objects, "")
}

/// Run a helper program to success.
fn must_run(program: &str, args: &[&str]) {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program} (Debian poppler-utils): {e}"));
    assert!(out.status.success(), "{program} {args:?}: {}", stderr(&out));
}

/// The scan of page 1 of the seed PDF, and that page alone as the
/// born-digital PDF, written in `dir`.
fn seed_page_and_scan(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let seed = root().join(SEED_PDF);
    let seed = seed.to_str().unwrap();
    let born_digital = dir.join("page1.pdf");
    must_run(
        "pdfseparate",
        &["-f", "1", "-l", "1", seed, born_digital.to_str().unwrap()],
    );
    let render = dir.join("page1");
    let dpi = SCAN_DPI.to_string();
    must_run(
        "pdftoppm",
        &[
            "-r",
            &dpi,
            "-gray",
            "-singlefile",
            "-f",
            "1",
            "-l",
            "1",
            seed,
            render.to_str().unwrap(),
        ],
    );
    let page = read_pgm(&std::fs::read(render.with_extension("pgm")).unwrap());
    let scan = dir.join("scan.pdf");
    std::fs::write(&scan, image_pdf(&scanned(&page, SKEW_DEGREES, 18))).unwrap();
    if let Some(keep) = std::env::var_os("AGENDEX_KEEP_SCAN") {
        std::fs::copy(&scan, keep).unwrap();
    }
    (born_digital, scan)
}

/// The words of a page's lines, in reading order.
fn words_of(pages: &[grammars::Page]) -> Vec<String> {
    pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| l.text.split_whitespace())
        .map(str::to_string)
        .collect()
}

/// 1 - word error rate: the word-level edit distance (insertions,
/// deletions, substitutions; words compared exactly, case and punctuation
/// included) between what was read and the reference, over the reference's
/// length.
fn word_accuracy(reference: &[String], read: &[String]) -> f64 {
    let mut previous: Vec<usize> = (0..=read.len()).collect();
    for (i, r) in reference.iter().enumerate() {
        let mut row = vec![i + 1; read.len() + 1];
        for (j, w) in read.iter().enumerate() {
            let substitute = previous[j] + usize::from(r != w);
            row[j + 1] = substitute.min(previous[j + 1] + 1).min(row[j] + 1);
        }
        previous = row;
    }
    1.0 - previous[read.len()] as f64 / reference.len().max(1) as f64
}

/// The agenda items `extract` finds in a file: number and title.
fn agenda_items(file: &Path, ocr: &str) -> (Vec<serde_json::Value>, Vec<(String, String)>) {
    // Verbose, so that a page OCR failed on (Tesseract over its time limit
    // on a loaded machine, say) is named with why in a failure.
    let out = run(&["extract", "-v", "--ocr", ocr, file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = records(&out);
    let items = recs
        .iter()
        .filter(|r| r["kind"] == "agenda_item")
        .map(|r| {
            (
                r["number"].to_string(),
                r["title"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    (recs, items)
}

#[test]
fn word_accuracy_is_one_minus_the_word_error_rate() {
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_string).collect() };
    let reference = words("1. CHAIR'S WELCOME 2. APOLOGIES");
    assert_eq!(word_accuracy(&reference, &reference), 1.0);
    // One word misread, one lost: 2 errors in 5 words.
    let read = words("1. CHAIRS WELCOME 2.");
    assert!((word_accuracy(&reference, &read) - 0.6).abs() < 1e-9);
}

#[test]
#[ignore = "needs Tesseract and poppler-utils (Debian tesseract-ocr, tesseract-ocr-eng, poppler-utils)"]
fn a_scan_of_the_agenda_front_sheet_reads_like_the_born_digital_page() {
    let tmp = tempfile::tempdir().unwrap();
    let (born_digital, scan) = seed_page_and_scan(tmp.path());

    // Words: OCR'd scan against the born-digital page, both laid out.
    let reference = agendex::pdf::worker::read_in_process(
        &std::fs::read(&born_digital).unwrap(),
        OcrMode::Never,
    )
    .unwrap();
    let ocr = agendex::pdf::worker::read_in_process(&std::fs::read(&scan).unwrap(), OcrMode::Auto)
        .unwrap_or_else(|e| panic!("the scan was not read: {e}"));
    assert_eq!(ocr.ocr_pages.len(), 1, "auto OCR'd {:?}", ocr.ocr_pages);
    let (reference, read) = (words_of(&reference.pages), words_of(&ocr.pages));
    let accuracy = word_accuracy(&reference, &read);
    eprintln!(
        "seed-page scan ({SCAN_DPI} dpi, {SKEW_DEGREES} degree skew, noise): word accuracy \
         {accuracy:.3} over {} words, mean word confidence {}",
        reference.len(),
        ocr.ocr_pages[0].confidence
    );
    assert!(
        accuracy >= WORD_ACCURACY_FLOOR,
        "word accuracy {accuracy:.3}\nreference: {reference:?}\nread: {read:?}"
    );

    // Records: the agenda items of the page, each marked as read by OCR.
    let (_, printed) = agenda_items(&born_digital, "never");
    let (recs, scanned) = agenda_items(&scan, "auto");
    assert_eq!(printed.len(), 12, "{printed:?}");
    assert_eq!(
        scanned.iter().map(|(n, _)| n).collect::<Vec<_>>(),
        printed.iter().map(|(n, _)| n).collect::<Vec<_>>(),
        "agenda items of the scan: {scanned:?}"
    );
    let titles_agree = scanned
        .iter()
        .zip(&printed)
        .filter(|((_, a), (_, b))| a == b)
        .count();
    assert!(
        titles_agree * 10 >= printed.len() * 9,
        "{titles_agree} of {} titles read as printed: {scanned:?}",
        printed.len()
    );
    assert!(recs.iter().all(|r| r["source"]["ocr"] == true), "{recs:?}");
    assert!(recs.iter().all(|r| r["source"]["ocr_confidence"]
        .as_f64()
        .is_some_and(|c| c > 50.0)));
}

/// A blank grey sheet standing for a scan (no text, an image across the
/// page), written as `scan.pdf` in `dir`.
fn blank_scan(dir: &Path) -> std::path::PathBuf {
    let sheet = Grey {
        width: 85,
        height: 120,
        pixels: vec![230; 85 * 120],
    };
    let scan = dir.join("scan.pdf");
    std::fs::write(&scan, image_pdf(&sheet)).unwrap();
    scan
}

/// A PATH with no Tesseract (and no pdftoppm) on it.
fn path_without_ocr(dir: &Path) -> std::ffi::OsString {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    bin.into_os_string()
}

#[test]
fn without_tesseract_a_scan_says_how_to_install_it() {
    let tmp = tempfile::tempdir().unwrap();
    let scan = blank_scan(tmp.path());
    let out = crate::support::agendex()
        .env("PATH", path_without_ocr(tmp.path()))
        .args(["extract", "--ocr", "auto", scan.to_str().unwrap()])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("scan.pdf: no text layer: 1 page(s) with no text (a scan? Tesseract, which reads scans, is not installed: apt-get install tesseract-ocr"),
        "{err}"
    );
    // `--ocr never` says only that there is no text.
    let out = run(&["extract", "--ocr", "never", scan.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(err.contains("scan.pdf: no text layer"), "{err}");
    assert!(!err.contains("Tesseract"), "{err}");
}

/// A PATH whose `tesseract` lists English but fails on every page (as
/// one that crashes on an image does), beside a `pdftoppm` that renders
/// nothing.
#[cfg(unix)]
fn path_with_failing_tesseract(dir: &Path) -> std::ffi::OsString {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let scripts = [
        ("pdftoppm", "#!/bin/sh\nexit 0\n"),
        (
            "tesseract",
            "#!/bin/sh\nif [ \"$1\" = --list-langs ]; then\n  echo 'List of available languages (1):'\n  echo eng\n  exit 0\nfi\necho 'Error in pixReadStream: Unknown format' >&2\nexit 1\n",
        ),
    ];
    for (name, script) in scripts {
        let file = bin.join(name);
        std::fs::write(&file, script).unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    bin.into_os_string()
}

#[cfg(unix)]
#[test]
fn when_ocr_fails_on_every_page_the_message_says_why() {
    let tmp = tempfile::tempdir().unwrap();
    let scan = blank_scan(tmp.path());
    let out = crate::support::agendex()
        .env("PATH", path_with_failing_tesseract(tmp.path()))
        .args(["extract", "--ocr", "auto", scan.to_str().unwrap()])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("scan.pdf: no text layer: 1 page(s) with no text; OCR failed on page 1: tesseract: exit status: 1: Error in pixReadStream: Unknown format"),
        "{err}"
    );
    assert!(!err.contains("run OCR first"), "{err}");
}

/// The content streams of a page as Canon's IJ Scan Utility writes them
/// (Tintern Community Council's scanned annual return): a comment line,
/// then the scan drawn across the page in a second stream. The page is
/// taken for a scan: its image covers it.
#[test]
fn a_scanners_page_after_a_comment_is_seen_as_a_scan() {
    let sheet = [200u8; 4];
    let image = [
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray \
           /BitsPerComponent 8 /Length 4 >>\nstream\n"
            .as_slice(),
        &sheet,
        b"\nendstream",
    ]
    .concat();
    let comment = "% CANON_PFINF_TYPE0_TEXTOFF\n";
    let draw = "q\n595.20 0 0 841.68 0.00 0.00 cm\n/Obj5 Do\nQ\n";
    let first = format!(
        "<< /Length {} >>\nstream\n{comment}endstream",
        comment.len()
    );
    let second = format!("<< /Length {} >>\nstream\n{draw}endstream", draw.len());
    let objects: [&[u8]; 6] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 595.20 841.68 ] \
          /Resources << /XObject << /Obj5 6 0 R >> >> /Contents [ 4 0 R 5 0 R ] >>",
        first.as_bytes(),
        second.as_bytes(),
        &image,
    ];
    let bytes = pdf(&objects, "");
    let raw = agendex::pdf::read_in_process(&bytes).unwrap();
    assert!(
        raw.pages[0].image_cover > 0.99,
        "{}",
        raw.pages[0].image_cover
    );
    assert!(agendex::pdf::ocr::wants_ocr(OcrMode::Auto, &raw.pages[0]));
}
