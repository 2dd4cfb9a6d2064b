//! cli: shell completions and manual pages made from the clap definitions
//! name every command and flag, and are well-formed.

use crate::support::{run, stderr};

const COMMANDS: &[&str] = &[
    "extract",
    "pages",
    "index",
    "search",
    "export",
    "serve",
    "links",
    "thread",
    "schema",
    "completions",
    "man",
    "eval",
];

#[test]
fn completions_name_every_command_and_bash_reads_them() {
    for shell in ["bash", "zsh", "fish"] {
        let out = run(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", stderr(&out));
        let script = String::from_utf8(out.stdout).expect("UTF-8");
        for command in COMMANDS {
            assert!(script.contains(command), "{shell}: no {command}");
        }
        assert!(script.contains("records"), "{shell}: no --records");
        assert!(script.contains("opensearch"), "{shell}: no export format");
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let script = tmp.path().join("agendex.bash");
    std::fs::write(&script, run(&["completions", "bash"]).stdout).expect("write");
    // Sourced into bash, the script registers its completion function.
    let check = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source {} && complete -p agendex",
            script.display()
        ))
        .output()
        .expect("bash runs");
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(String::from_utf8_lossy(&check.stdout).contains("-F _agendex"));

    let unknown = run(&["completions", "tcsh"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("invalid value 'tcsh'"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn the_manual_page_lists_commands_and_one_page_per_command_is_written() {
    let out = run(&["man"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(page.contains(".TH agendex 1"), "{page}");
    assert!(page.contains(".SH SUBCOMMANDS"), "{page}");
    for command in COMMANDS {
        assert!(
            page.contains(&format!("agendex\\-{command}")),
            "no {command}"
        );
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("man1");
    let out = run(&["man", "--dir", &dir.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut written: Vec<String> = std::fs::read_dir(&dir)
        .expect("pages written")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    let mut expected: Vec<String> = COMMANDS
        .iter()
        .map(|c| format!("agendex-{c}.1"))
        .chain(["agendex.1".to_string()])
        .collect();
    expected.sort();
    assert_eq!(written, expected);
    let index = std::fs::read_to_string(dir.join("agendex-index.1")).expect("index page");
    assert!(index.contains("\\-\\-records"), "{index}");
}
