//! One file per subcommand. Each returns the process exit status.

pub mod export;
pub mod extract;
pub mod generate;
pub mod index;
pub mod pages;
pub mod search;
pub mod serve;

use agendex::pdf::worker::Limits;
use agendex::pipeline::Options;
use std::time::Duration;

use crate::cli::ReadArgs;

/// Exit status: all inputs read.
pub const EXIT_OK: i32 = 0;
/// Exit status: finished, but some inputs failed.
pub const EXIT_SOME_FAILED: i32 = 1;
/// Exit status: usage or fatal error.
pub const EXIT_FATAL: i32 = 2;

/// Pipeline options from the shared command-line flags.
pub fn pipeline_options(read: &ReadArgs) -> Options {
    let limits = Limits {
        timeout: Duration::from_secs_f64(read.timeout.clamp(0.01, 86_400.0)),
        memory: read.max_memory.saturating_mul(1 << 20),
    };
    let jobs = read.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    Options::for_this_exe(limits, jobs)
}

/// Is this error a closed pipe (`agendex extract … | head`)?
pub fn is_broken_pipe(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
}
