//! `agendex completions SHELL`: a completion script for the shell, made
//! from the clap definitions in `cli.rs`.

use super::{print_stdout, EXIT_OK};
use crate::cli::{Cli, CompletionsArgs};
use anyhow::Result;
use clap::CommandFactory;

pub fn run(args: &CompletionsArgs) -> Result<i32> {
    let mut cmd = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "agendex", &mut script);
    print_stdout(&script)?;
    Ok(EXIT_OK)
}
