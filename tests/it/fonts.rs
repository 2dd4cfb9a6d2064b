//! Fonts are built once per PDF and shared between pages, keyed by the font
//! itself: a resource name such as /F1 may stand for a different font on
//! another page or inside a form XObject, and each must read with its own.

use crate::bad_input::pdf;
use crate::support::{run, stderr};

fn stream(dict: &str, content: &str) -> Vec<u8> {
    format!(
        "<< {dict} /Length {} >>\nstream\n{content}\nendstream",
        content.len()
    )
    .into_bytes()
}

/// A ToUnicode map that reads code 0x41 ("A") as "Z".
const A_IS_Z: &str = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
/CMapName /AisZ def 1 begincodespacerange <00> <FF> endcodespacerange \
1 beginbfchar <41> <005A> endbfchar endcmap \
CMapName currentdict /CMap defineresource pop end end";

/// Four pages drawing "AAA" with a font named /F1 (/F9 on page 3):
/// page 1: /F1 = the A-is-Z font; page 2: /F1 = plain Helvetica;
/// page 3: /F9 = the A-is-Z font again; page 4: /F1 = the A-is-Z font on the
/// page, and a form XObject whose own /F1 is plain Helvetica.
fn shared_name_pdf() -> Vec<u8> {
    let draw = "BT /F1 12 Tf 72 720 Td (AAA) Tj ET";
    let objects: Vec<Vec<u8>> = vec![
        // 1-2: catalog, page tree
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R 6 0 R] /Count 4 >>".to_vec(),
        // 3-6: pages
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 11 0 R >> >> /Contents 7 0 R >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 12 0 R >> >> /Contents 8 0 R >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F9 11 0 R >> >> /Contents 9 0 R >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 11 0 R >> /XObject << /X1 14 0 R >> >> /Contents 10 0 R >>".to_vec(),
        // 7-10: contents
        stream("", draw),
        stream("", draw),
        stream("", "BT /F9 12 Tf 72 720 Td (AAA) Tj ET"),
        stream("", &format!("{draw} /X1 Do")),
        // 11-13: the A-is-Z font, plain Helvetica, the map
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 13 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        stream("", A_IS_Z),
        // 14: a form drawing "AAA" with its own /F1
        stream(
            "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 12 0 R >> >>",
            "BT /F1 12 Tf 72 600 Td (AAA) Tj ET",
        ),
    ];
    let refs: Vec<&[u8]> = objects.iter().map(|o| o.as_slice()).collect();
    pdf(&refs, "")
}

#[test]
fn each_page_reads_with_the_font_its_own_resources_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("fonts.pdf");
    std::fs::write(&file, shared_name_pdf()).unwrap();
    let out = run(&["pages", "--json", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pages: Vec<grammars::Page> = serde_json::from_slice(&out.stdout).unwrap();
    let text: Vec<Vec<&str>> = pages
        .iter()
        .map(|p| p.lines.iter().map(|l| l.text.as_str()).collect())
        .collect();
    assert_eq!(
        text,
        vec![vec!["ZZZ"], vec!["AAA"], vec!["ZZZ"], vec!["ZZZ", "AAA"],]
    );
}
