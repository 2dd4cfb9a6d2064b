//! agendex: UK committee papers (PDF and text) -> structured, searchable records.
//!
//! ```text
//! PATH... --walk--> sources --pipeline (rayon)--> per file:
//!    bytes --pdf (child process)--> glyphs --layout--> lines --furniture--> pages
//!         --typography--> lines with indent, alignment, relative size
//!         --grammars--> records --record--> envelopes --> output / index
//! ```
//! Only the two ends do I/O; parallelism lives in `pipeline`.

pub mod columns;
pub mod error;
pub mod eval;
pub mod furniture;
pub mod index;
pub mod layout;
pub mod output;
pub mod pdf;
pub mod pipeline;
pub mod record;
pub mod serve;
pub mod typography;
pub mod walk;
