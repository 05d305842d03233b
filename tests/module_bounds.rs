//! The app state and the shared layout code stay free of terminal libraries: nothing
//! under `src/app` or `src/view` names crossterm or ratatui (only `ui` and `tui` do), so
//! the core can be driven and tested without a terminal. Nor does it read environment
//! variables: whoever builds the app (`tui.rs`) reads them and passes what they say in.

use std::path::{Path, PathBuf};

const TERMINAL_FREE: [&str; 2] = ["src/app", "src/view"];
const TERMINAL_CRATES: [&str; 2] = ["crossterm", "ratatui"];
/// `std::env::var`, `var_os`, `vars`: every way to read the environment at run time.
const ENVIRONMENT_READS: [&str; 1] = ["env::var"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `(file, line number, name)` for every line of `text` that holds one of `names`.
fn lines_naming(file: &Path, text: &str, names: &[&'static str]) -> Vec<(String, usize, &'static str)> {
    text.lines()
        .enumerate()
        .flat_map(|(i, line)| {
            names.iter().filter(move |c| line.contains(*c)).map(move |&c| (file.display().to_string(), i + 1, c))
        })
        .collect()
}

/// Every line of the terminal-free modules that holds one of `names`.
fn core_lines_naming(names: &[&'static str]) -> Vec<(String, usize, &'static str)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in TERMINAL_FREE {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 5, "the terminal-free modules were not found: {files:?}");
    files.iter().flat_map(|f| lines_naming(f, &std::fs::read_to_string(f).unwrap(), names)).collect()
}

#[test]
fn the_app_core_names_no_terminal_library() {
    let found = core_lines_naming(&TERMINAL_CRATES);
    assert!(found.is_empty(), "terminal types in the app core: {found:?}");
}

#[test]
fn the_app_core_reads_no_environment() {
    let found = core_lines_naming(&ENVIRONMENT_READS);
    assert!(found.is_empty(), "environment read in the app core: {found:?}");
}

#[test]
fn the_checks_see_a_terminal_import_and_an_environment_read() {
    let hits = lines_naming(Path::new("x.rs"), "use std::io;\nuse ratatui::layout::Rect;\n", &TERMINAL_CRATES);
    assert_eq!(hits, vec![("x.rs".to_string(), 2, "ratatui")]);
    let hits = lines_naming(Path::new("x.rs"), "let h = std::env::var_os(\"HOME\");\n", &ENVIRONMENT_READS);
    assert_eq!(hits, vec![("x.rs".to_string(), 1, "env::var")]);
}
