//! The `agendex` binary: parse the command line, run, map to an exit status
//! (0 ok, 1 some inputs failed, 2 usage or fatal error; a closed pipe is 0).

mod cli;
mod cmd;

use agendex::pdf::worker;
use clap::Parser;

fn main() {
    if std::env::args().nth(1).as_deref() == Some(worker::WORKER_ARG) {
        // Re-invoked as a PDF worker: `agendex __pdf-worker MEMORY_CAP OCR`.
        if let Some(bytes) = std::env::args().nth(2).and_then(|a| a.parse::<u64>().ok()) {
            worker::cap_own_memory(bytes);
        }
        let ocr = std::env::args()
            .nth(3)
            .and_then(|a| agendex::pdf::ocr::OcrMode::from_arg(&a))
            .unwrap_or_default();
        std::process::exit(worker::serve_stdin(ocr));
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
        cli::Command::Links(args) => cmd::links::run(args),
        cli::Command::Thread(args) => cmd::thread::run(args),
        cli::Command::Eval(args) => cmd::eval::run(args),
        cli::Command::Schema => cmd::schema::run(),
        cli::Command::Completions(args) => cmd::completions::run(args),
        cli::Command::Man(args) => cmd::man::run(args),
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
