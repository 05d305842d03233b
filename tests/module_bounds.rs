//! The app state and the shared layout code stay free of terminal libraries: nothing
//! under `src/app` or `src/view` names crossterm or ratatui (only `ui` and `tui` do), so
//! the core can be driven and tested without a terminal.

use std::path::{Path, PathBuf};

const TERMINAL_FREE: [&str; 2] = ["src/app", "src/view"];
const TERMINAL_CRATES: [&str; 2] = ["crossterm", "ratatui"];

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

/// `(file, line number, crate)` for every line of `text` that names a terminal crate.
fn terminal_names(file: &Path, text: &str) -> Vec<(String, usize, &'static str)> {
    text.lines()
        .enumerate()
        .flat_map(|(i, line)| {
            TERMINAL_CRATES.into_iter().filter(move |c| line.contains(c)).map(move |c| (file.display().to_string(), i + 1, c))
        })
        .collect()
}

#[test]
fn the_app_core_names_no_terminal_library() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in TERMINAL_FREE {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 5, "the terminal-free modules were not found: {files:?}");
    let found: Vec<_> = files.iter().flat_map(|f| terminal_names(f, &std::fs::read_to_string(f).unwrap())).collect();
    assert!(found.is_empty(), "terminal types in the app core: {found:?}");
}

#[test]
fn the_check_sees_a_terminal_import() {
    let hits = terminal_names(Path::new("x.rs"), "use std::io;\nuse ratatui::layout::Rect;\n");
    assert_eq!(hits, vec![("x.rs".to_string(), 2, "ratatui")]);
}
