//! agendex: UK committee papers (PDF and text) -> structured, searchable records.
//!
//! ```text
//! PATH... --walk--> sources --pipeline (rayon)--> per file:
//!    bytes --pdf (child process)--> glyphs --layout--> lines, rows, clean pages,
//!         typography (size against the body, indent, alignment, space above)
//!         --grammars--> records --record--> envelopes --> output / index
//! ```
//! Only the two ends do I/O; parallelism lives in `pipeline`. The modules
//! below come in the order data moves through them. Options (limits,
//! threads, the worker's executable) come in from the binary's `cmd/`:
//! library code reads no environment variables and sets no process-wide
//! options.

// PATH... -> sorted sources, hashed
pub mod walk;
// PDF bytes -> glyphs and rules, read in a worker process
pub mod pdf;
// glyphs -> words, lines, columns, grids; furniture off -> clean pages
pub mod layout;
// the per-file map: source -> pages -> grammars -> records, in parallel
pub mod pipeline;
// grammar records -> envelopes with provenance
/// What a public index leaves out.
pub mod public;
pub mod record;
// the records' contract as a JSON Schema
pub mod record_schema;
// records read back from JSON Lines, one input file at a time
pub mod record_files;
// envelopes -> JSON Lines, JSON, CSV
pub mod output;
// envelopes -> a Parquet file
pub mod parquet_out;
// records -> a tantivy index, and searches over it
pub mod index;
// the search as a web page and a JSON API
pub mod serve;
// records scored against hand-made gold
pub mod eval;
// why a file could not be read
pub mod error;

pub mod links;
