//! The one integration test binary: each module tests one command or stage
//! end to end on the seeds, the corpus PDFs and generated broken files.

mod bad_input;
mod cli;
mod damaged;
mod documents;
mod engines;
mod eval;
mod extract;
mod golden;
mod governors_minutes;
mod index;
mod index_records;
mod layout;
mod links;
mod markup;
mod mutants;
mod parish_minutes;
mod parquet;
mod pdf_read;
mod relevance;
mod report_sheets;
mod scan;
mod schema;
mod search;
mod serve;
mod support;
mod tables;
mod typography;
mod votes;
mod worker;
