//! The `agendex` binary: parse the command line, run, map to an exit status
//! (0 ok, 1 some inputs failed, 2 usage or fatal error; a closed pipe is 0).

mod cli;
mod cmd;

use clap::Parser;

fn main() {
    if std::env::args().nth(1).as_deref() == Some(agendex::pdf::worker::WORKER_ARG) {
        std::process::exit(agendex::pdf::worker::serve_stdin());
    }
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                cmd::EXIT_FATAL
            } else {
                cmd::EXIT_OK
            };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    let result = match &cli.command {
        cli::Command::Extract(args) => cmd::extract::run(args),
        cli::Command::Pages(args) => cmd::pages::run(args),
        cli::Command::Index(args) => cmd::index::run(args),
        cli::Command::Search(args) => cmd::search::run(args),
        cli::Command::Export(args) => cmd::export::run(args),
        cli::Command::Serve(args) => cmd::serve::run(args),
        cli::Command::Eval(args) => cmd::eval::run(args),
    };
    let code = match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("agendex: {e:#}");
            cmd::EXIT_FATAL
        }
    };
    std::process::exit(code);
}
