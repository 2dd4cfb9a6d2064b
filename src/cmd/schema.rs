//! `agendex schema`: print the JSON Schema of the records `extract` prints.

use super::{print_stdout, EXIT_OK};
use anyhow::Result;

pub fn run() -> Result<i32> {
    print_stdout(agendex::record_schema::record_schema_text().as_bytes())?;
    Ok(EXIT_OK)
}
