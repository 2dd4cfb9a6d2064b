//! Arbitrary and adversarial text through every input reader and the
//! grammars: no panic, and time that grows with the input, not faster (a
//! ten times larger input takes less than twenty times as long).
//!
//! Inputs come from a fixed-seed generator, so a failure is the same on
//! every run; the seed and size are in the message.

use std::time::{Duration, Instant};

/// splitmix64: small, fixed, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Every space Unicode has (and the controls text files carry).
const SPACES: [&str; 25] = [
    " ", "\t", "\u{0b}", "\u{0c}", "\r", "\u{85}", "\u{a0}", "\u{1680}", "\u{2000}", "\u{2001}",
    "\u{2002}", "\u{2003}", "\u{2004}", "\u{2005}", "\u{2006}", "\u{2007}", "\u{2008}", "\u{2009}",
    "\u{200a}", "\u{200b}", "\u{2028}", "\u{2029}", "\u{202f}", "\u{205f}", "\u{3000}",
];

/// Pieces of the committee papers the grammars read, and pieces that
/// break naive parsers.
const PIECES: [&str; 40] = [
    "AGENDA",
    "MINUTES OF THE SCHOOLS FORUM MEETING",
    "Resolved:",
    "RESOLVED that",
    "AGREED:",
    "1.",
    "7.3",
    "(a)",
    "(iv)",
    "Agenda Item 4",
    "Apologies for absence",
    "Present:",
    "*",
    "(A)",
    "ACTION BY",
    "Recommendation 5",
    "Recommendations",
    "should:",
    "Report for:",
    "Cllr Smith declared a personal interest in item 7",
    "£572,898.43",
    "48%",
    "\t",
    "|",
    "- ",
    "• ",
    "#",
    "**",
    "<table>",
    "<tr><td>",
    "</td>",
    "&amp;",
    "&#x10FFFF;",
    "(",
    ")",
    "Page 9 of 12",
    "25 February 2015",
    "é",
    "\u{fffd}",
    "\u{feff}",
];

fn random_text(rng: &mut Rng, pieces: usize) -> String {
    let mut out = String::new();
    for _ in 0..pieces {
        match rng.below(6) {
            0 => out.push_str(rng.pick(&SPACES)),
            1 => out.push('\n'),
            2 => out.push_str(&format!("{}", rng.below(200))),
            _ => out.push_str(rng.pick(&PIECES)),
        }
        if rng.below(3) == 0 {
            out.push(' ');
        }
    }
    out
}

/// Read `text` as each input kind and parse it.
fn read_all(text: &str) {
    let _ = grammars::parse(&grammars::from_text(text));
    let _ = grammars::parse(&grammars::from_markdown(text));
    let _ = grammars::parse(&grammars::from_html(text));
}

#[test]
fn random_committee_text_never_panics() {
    let mut rng = Rng(18);
    for case in 0..300 {
        let size = 1 + rng.below(400);
        let text = random_text(&mut rng, size);
        let result = std::panic::catch_unwind(|| read_all(&text));
        assert!(result.is_ok(), "case {case} panicked on {text:?}");
    }
}

#[test]
fn invalid_utf8_in_web_pages_is_decoded_not_a_panic() {
    let mut rng = Rng(7);
    for _ in 0..200 {
        let mut bytes = random_text(&mut rng, 100).into_bytes();
        for _ in 0..8 {
            let at = rng.below(bytes.len().max(1));
            if let Some(b) = bytes.get_mut(at) {
                *b = (rng.next() & 0xff) as u8;
            }
        }
        let text = grammars::markup::decode_bytes(&bytes);
        if let Some(text) = text {
            read_all(&text);
        }
        read_all(&String::from_utf8_lossy(&bytes));
    }
}

/// Adversarial shapes, each a function of a size.
fn huge_line(n: usize) -> String {
    "Resolved that the Forum agrees ".repeat(n / 30 + 1)
}

fn deep_numbering(n: usize) -> String {
    let mut out = String::from("MINUTES OF THE SCHOOLS FORUM MEETING\n");
    let mut number = String::from("1");
    for k in 0..n / 40 {
        out.push_str(&format!("{number} Item at depth {k}\n"));
        number.push_str(".1");
        if number.len() > 200 {
            number = String::from("1");
        }
    }
    out
}

fn bullets(n: usize) -> String {
    "• a point\n".repeat(n / 10 + 1)
}

fn resolutions(n: usize) -> String {
    let mut out = String::from("MINUTES OF THE CABINET\n");
    for k in 0..n / 40 {
        out.push_str(&format!("{k}. Title\nRESOLVED: (a) that it be noted\n"));
    }
    out
}

fn table_rows(n: usize) -> String {
    "a\tb\t£1.00\t4%\n".repeat(n / 14 + 1)
}

/// An adversarial input of about the given size, and its name.
type Shape = (&'static str, fn(usize) -> String);

/// The least CPU time of three reads, on this thread's own clock: on a
/// machine shared with other work, wall time measures the load as much as
/// the grammar, and a quadratic grammar shows in CPU time all the same.
fn best_of_three(text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let start = thread_cpu();
            read_all(text);
            thread_cpu().saturating_sub(start)
        })
        .min()
        .unwrap()
}

fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec and the clock id is a
    // constant every Linux kernel since 2.6.12 knows.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

#[test]
fn time_grows_linearly_with_the_input() {
    let shapes: [Shape; 5] = [
        ("one huge line", huge_line),
        ("deeply nested numbering", deep_numbering),
        ("bullets", bullets),
        ("resolutions", resolutions),
        ("table rows", table_rows),
    ];
    for (name, shape) in shapes {
        let small = shape(20_000);
        let large = shape(200_000);
        let t_small = best_of_three(&small);
        let t_large = best_of_three(&large);
        // Below a few milliseconds, timer noise and a busy machine are most
        // of the measurement; a quadratic grammar still shows (1.4 ms for
        // the small huge line would be 140 ms for the large).
        let floor = Duration::from_millis(5);
        assert!(
            t_large < t_small.max(floor) * 20,
            "{name}: {} bytes took {t_small:?}, {} bytes {t_large:?}",
            small.len(),
            large.len()
        );
    }
}

#[test]
fn a_million_bullets_are_read() {
    let text = "• a point\n".repeat(1_000_000);
    let start = Instant::now();
    read_all(&text);
    assert!(
        start.elapsed() < Duration::from_secs(120),
        "{:?}",
        start.elapsed()
    );
}
