//! `agendex man`: the manual page (roff), made from the clap definitions in
//! `cli.rs`; with `--dir`, one page per command written into a folder.

use super::{print_stdout, EXIT_OK};
use crate::cli::{Cli, ManArgs};
use anyhow::{Context, Result};
use clap::CommandFactory;

pub fn run(args: &ManArgs) -> Result<i32> {
    let cmd = Cli::command();
    if let Some(dir) = &args.dir {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        clap_mangen::generate_to(cmd, dir)
            .with_context(|| format!("cannot write manual pages into {}", dir.display()))?;
        return Ok(EXIT_OK);
    }
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut page)?;
    print_stdout(&page)?;
    Ok(EXIT_OK)
}
