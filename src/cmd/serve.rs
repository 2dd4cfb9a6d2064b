//! `agendex serve`: bind, say where on stdout, then answer requests until
//! the process is stopped.

use crate::cli::ServeArgs;
use agendex::serve::{self, App, Server};
use anyhow::{Context, Result};
use std::io::Write;

pub fn run(args: &ServeArgs) -> Result<i32> {
    let public = agendex::public::is_public(&args.index);
    if args.public && !public {
        eprintln!(
            "agendex: {} was not built with `agendex index --public`: it may hold exempt records; rebuild it with --public before serving it publicly",
            args.index.display()
        );
        return Ok(super::EXIT_FATAL);
    }
    let server = Server::bind(&args.addr)?;
    let root = std::env::current_dir().context("cannot read the current folder")?;
    let threads = args.threads.unwrap_or_else(serve::default_threads);
    agendex::index::searchers::set_search_threads(args.search_threads);
    if !args.index.join(agendex::index::POINTER).is_file() {
        eprintln!(
            "agendex: warning: no index at {} yet (build one with `agendex index PATH... --index {}`)",
            args.index.display(),
            args.index.display()
        );
    }
    // The first line on stdout is the address, for people and for scripts
    // that start the server on port 0.
    let mut out = std::io::stdout();
    writeln!(out, "http://{}/", server.addr())?;
    out.flush()?;
    let kind = if public {
        "public index (exempt records withheld)"
    } else {
        "index (not built public: may hold exempt records)"
    };
    eprintln!(
        "agendex: serving {kind} {} with {threads} threads; stop with Ctrl-C",
        args.index.display()
    );
    let limits = serve::Limits {
        request_timeout: std::time::Duration::from_secs_f64(args.request_timeout),
        max_connections: args.max_connections as usize,
    };
    server.run(App::new(args.index.clone(), root), threads, limits)?;
    Ok(super::EXIT_OK)
}
