//! The one integration test binary: each module tests one command or stage
//! end to end on the seeds, the corpus PDFs and generated broken files.

mod bad_input;
mod damaged;
mod documents;
mod eval;
mod extract;
mod golden;
mod index;
mod layout;
mod markup;
mod mutants;
mod pdf_read;
mod search;
mod serve;
mod support;
mod tables;
mod typography;
mod worker;
