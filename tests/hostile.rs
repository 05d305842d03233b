//! Hostile folders and failing outputs (issue 12): each case is built in a temporary
//! folder and the real binary is run on it. Nothing from a file name, a `corpus.toml` or
//! an article reaches standard output, standard error or the terminal as a control or
//! escape sequence; special export targets are written through or refused, never
//! replaced; failed writes say so; a read-only store can still be read; nothing hangs.

mod common;

use common::{Run, diglot, diglot_to};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// An OSC that sets the terminal title, a C1 CSI, and a name that would forge a row.
const OSC_NAME: &str = "evil\u{1b}]0;PWNED\u{7}";
const C1_NAME: &str = "c1\u{9b}2J\u{85}";
const NEWLINE_NAME: &str = "row\nforged-id              en  2020-01-01 -  ";

/// No control character but newline and tab: no ESC, no BEL, no C1 (U+0080–U+009F,
/// which UTF-8 writes as C2 80–C2 9F), no bidirectional override, and no stray byte that
/// is not UTF-8 (a raw 0x9B).
fn assert_clean(what: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8 ({e}): {bytes:?}"));
    let bidi_override = |c: char| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    // Invisible characters that hide text or forge look-alike names.
    let invisible = |c: char| matches!(c, '\u{200b}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{e0000}'..='\u{e007f}');
    if let Some(c) = text.chars().find(|&c| (c.is_control() && c != '\n' && c != '\t') || bidi_override(c) || invisible(c)) {
        panic!("{what}: control character U+{:04X} in output:\n{text:?}", u32::from(c));
    }
}

fn assert_run_clean(what: &str, run: &Run) {
    assert_clean(&format!("{what} stdout"), &run.stdout);
    assert_clean(&format!("{what} stderr"), &run.stderr);
}

const BODY: &str = "The minister said “we will rebuild the harbour before winter” to reporters. \
                    The plan was announced on Monday.";

/// A folder with hostile file names, a hostile manifest and one ordinary article.
fn hostile_corpus(root: &Path) -> PathBuf {
    let dir = root.join("corpus");
    fs::create_dir(&dir).unwrap();
    // No title line: the id (the file name) is shown as the title.
    fs::write(dir.join(format!("{OSC_NAME}a.txt")), BODY).unwrap();
    fs::write(dir.join(format!("{C1_NAME}b.txt")), format!("Second Title\n\n{BODY}")).unwrap();
    fs::write(dir.join(format!("{NEWLINE_NAME}c.txt")), BODY).unwrap();
    // Empty, so skipped: its name goes into a "skipped" line on stderr.
    fs::write(dir.join(format!("{OSC_NAME}empty.txt")), "").unwrap();
    fs::write(dir.join("ok.txt"), format!("Harbour Plan\n\n{BODY}")).unwrap();
    // Not UTF-8: a raw 0x9B byte (CSI to an 8-bit terminal) and an ESC.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let raw = std::ffi::OsStr::from_bytes(b"raw\x9b2J\x1b[31m\xe2\x80\xaed.txt");
        fs::write(dir.join(raw), BODY).unwrap();
    }
    fs::write(
        dir.join("corpus.toml"),
        r#"[[article]]
id = "ok"
author = "Bad\u001b]0;PWNED\u0007Guy"
outlet = "Out\u009b31mlet"
date = "2024\u001b[2J-01-02"
url = "https://example.org/\u009d8;;x\u009c"
"#,
    )
    .unwrap();
    dir
}

#[test]
fn names_and_manifest_values_never_reach_the_output_raw() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = hostile_corpus(tmp.path());
    let db = tmp.path().join("state.db");
    let add = diglot(&corpus, &db, &["highlights", "add", "ok", "--text", "rebuild the harbour"]);
    assert!(add.status.success(), "{}", add.err());
    let hostile_id = format!("{OSC_NAME}a");
    let commands: Vec<Vec<&str>> = vec![
        vec!["list"],
        vec!["list", "--format", "json"],
        vec!["show", "ok"],
        vec!["show", "ok", "--format", "json"],
        vec!["show", &hostile_id],
        vec!["show", &hostile_id, "--format", "json"],
        vec!["quotes"],
        vec!["quotes", "--format", "json"],
        vec!["speakers"],
        vec!["triage"],
        vec!["highlights", "list"],
        vec!["highlights", "list", "--format", "json"],
        vec!["export"],
        vec!["export", "--format", "json"],
        vec!["export", "--format", "csv"],
        vec!["show", "no\u{1b}[2Jsuch"],
    ];
    for args in &commands {
        let run = diglot(&corpus, &db, args);
        assert_run_clean(&format!("{args:?}"), &run);
        // The skipped file is named, without its escape.
        assert!(run.err().contains("skipped") && run.err().contains("evilempty.txt"), "{args:?}: {}", run.err());
    }
    // JSON keeps the values, escaped: jq gets the data back, a terminal gets no CSI.
    let show = diglot(&corpus, &db, &["show", "ok", "--format", "json"]);
    assert!(show.out().contains(r#""source": "Out\u009b31mlet""#), "{}", show.out());
    let v: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(v["author"], "Bad\u{1b}]0;PWNED\u{7}Guy");
    let export = diglot(&corpus, &db, &["export", "--format", "json"]);
    assert!(export.out().contains(r"\u009b"), "{}", export.out());
    // The text forms show the values with the sequences removed.
    assert!(diglot(&corpus, &db, &["list"]).out().contains("BadGuy"));
    assert!(diglot(&corpus, &db, &["export"]).out().contains("*Outlet*"));
}

#[test]
fn a_newline_in_a_name_cannot_split_or_forge_a_row() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = hostile_corpus(tmp.path());
    let db = tmp.path().join("state.db");
    let json = diglot(&corpus, &db, &["list", "--format", "json"]);
    let articles: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    let expected = if cfg!(unix) { 5 } else { 4 };
    assert_eq!(articles.len(), expected);
    let table = diglot(&corpus, &db, &["list"]).out();
    // A header row, then one row per article.
    assert_eq!(table.lines().count(), expected + 1, "{table}");
    assert!(!table.lines().any(|l| l.starts_with("forged-id")), "{table}");
    assert!(table.contains("row forged-id"), "{table}");
    // Every message on stderr is one line per file.
    let err = diglot(&corpus, &db, &["list"]).err();
    assert!(err.lines().all(|l| l.starts_with("diglot: ")), "{err}");
}

#[cfg(unix)]
#[test]
fn named_pipes_and_link_loops_in_a_folder_are_named_and_never_hang() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("good.txt"), format!("Good Title\n\n{BODY}")).unwrap();
    mkfifo(&dir.join("pipe.txt"));
    std::os::unix::fs::symlink("loop.txt", dir.join("loop.txt")).unwrap();
    std::os::unix::fs::symlink("missing.txt", dir.join("dangling.md")).unwrap();
    fs::create_dir(dir.join("folder.html")).unwrap();
    mkfifo(&dir.join("corpus.toml"));
    let db = tmp.path().join("state.db");
    let run = diglot(&dir, &db, &["list"]);
    assert!(run.status.success(), "{}", run.err());
    assert!(run.out().contains("Good Title"), "{}", run.out());
    let err = run.err();
    for (name, why) in [
        ("pipe.txt", "named pipe"),
        ("loop.txt", "symbolic link"),
        ("dangling.md", "broken symbolic link"),
        ("folder.html", "folder"),
        ("corpus.toml", "named pipe"),
    ] {
        assert!(err.lines().any(|l| l.contains(name) && l.contains(why)), "{name} not named: {err}");
    }
    // A path on the command line too.
    let pipe = dir.join("pipe.txt");
    let show = diglot(&dir, &db, &["show", pipe.to_str().unwrap()]);
    assert_eq!(show.status.code(), Some(1));
    assert!(show.err().contains("pipe.txt: a named pipe"), "{}", show.err());
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(ok.success(), "mkfifo {}", path.display());
}

/// A corpus and store holding one highlight.
fn with_a_highlight(root: &Path) -> (PathBuf, PathBuf) {
    let corpus = root.join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::write(corpus.join("ok.txt"), format!("Harbour Plan\n\n{BODY}")).unwrap();
    let db = root.join("state.db");
    let add = diglot(&corpus, &db, &["highlights", "add", "ok", "--text", "rebuild the harbour"]);
    assert!(add.status.success(), "{}", add.err());
    (corpus, db)
}

#[cfg(unix)]
#[test]
fn exports_write_through_links_stream_into_pipes_and_devices_and_refuse_the_rest() {
    use std::os::unix::fs::FileTypeExt;
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, db) = with_a_highlight(tmp.path());
    let out = tmp.path().join("out");
    fs::create_dir(&out).unwrap();
    let export = |target: &Path| diglot(&corpus, &db, &["export", "-o", target.to_str().unwrap()]);

    // A link: the file it points to is replaced, the link stays.
    fs::create_dir(out.join("real")).unwrap();
    fs::write(out.join("real/notes.md"), "old").unwrap();
    let link = out.join("notes.md");
    std::os::unix::fs::symlink("real/notes.md", &link).unwrap();
    let run = export(&link);
    assert!(run.status.success(), "{}", run.err());
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(fs::read_to_string(out.join("real/notes.md")).unwrap().contains("rebuild the harbour"));
    assert_eq!(fs::read_dir(out.join("real")).unwrap().count(), 1, "temporary file left behind");

    // A named pipe: streamed to whoever reads it.
    let pipe = out.join("pipe");
    mkfifo(&pipe);
    let reader = {
        let pipe = pipe.clone();
        std::thread::spawn(move || fs::read_to_string(pipe).unwrap())
    };
    let run = export(&pipe);
    assert!(run.status.success(), "{}", run.err());
    assert!(reader.join().unwrap().contains("rebuild the harbour"));
    assert!(fs::metadata(&pipe).unwrap().file_type().is_fifo());

    // An open descriptor redirected to a file: written into, appended as `>>` asks, and
    // the file is not replaced under the shell's descriptor.
    let appended = out.join("appended.md");
    fs::write(&appended, "kept\n").unwrap();
    let file = fs::OpenOptions::new().append(true).open(&appended).unwrap();
    let run = diglot_to(&corpus, &db, &["export", "-o", "/dev/stdout"], Some(file.into()));
    assert!(run.status.success(), "{}", run.err());
    let text = fs::read_to_string(&appended).unwrap();
    assert!(text.starts_with("kept\n# Highlights") && text.contains("rebuild the harbour"), "{text}");
    assert!(run.err().contains("exported 1 highlight(s) to /dev/stdout"), "{}", run.err());

    // A character device (as root, replacing it would break the system).
    let run = export(Path::new("/dev/null"));
    assert!(run.status.success(), "{}", run.err());
    assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device());

    // A folder, a socket, a link loop: refused with the user's path named; nothing replaced.
    let folder = out.join("folder.md");
    fs::create_dir(&folder).unwrap();
    let socket = out.join("socket.md");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let looped = out.join("loop.md");
    std::os::unix::fs::symlink("loop.md", &looped).unwrap();
    for (target, why) in [(&folder, "folder"), (&socket, "socket"), (&looped, "symbolic links")] {
        let run = export(target);
        assert_eq!(run.status.code(), Some(1), "{}", target.display());
        let err = run.err();
        assert!(err.contains(&format!("{}: cannot write the export", target.display())) && err.contains(why), "{err}");
    }
    assert!(fs::metadata(&folder).unwrap().is_dir());
    assert!(fs::metadata(&socket).unwrap().file_type().is_socket());

    // A missing folder: the message names the user's path, never the temporary file.
    let run = export(&out.join("no/such/dir/x.md"));
    assert_eq!(run.status.code(), Some(1));
    assert!(run.err().contains("no/such/dir/x.md: cannot write the export"), "{}", run.err());
    assert!(!run.err().contains(".diglot-export"), "{}", run.err());
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_to_standard_output_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, db) = with_a_highlight(tmp.path());
    for args in [&["export"][..], &["export", "-o", "-"], &["highlights", "list"], &["list"], &["show", "ok"]] {
        let full = fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let run = diglot_to(&corpus, &db, args, Some(full.into()));
        assert_eq!(run.status.code(), Some(1), "{args:?}");
        assert!(run.err().contains("cannot write to standard output"), "{args:?}: {}", run.err());
    }
    // The same for an export file on a full device.
    let run = diglot(&corpus, &db, &["export", "-o", "/dev/full"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(run.err().contains("/dev/full: cannot write the export"), "{}", run.err());
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, db) = with_a_highlight(tmp.path());
    for args in [&["export"][..], &["list"], &["highlights", "list"]] {
        // The reading end is closed before diglot writes: every write gets EPIPE.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let run = diglot_to(&corpus, &db, args, Some(writer.into()));
        assert!(run.status.success(), "{args:?}: {:?} {}", run.status, run.err());
        assert_eq!(run.err(), "", "{args:?}");
    }
}

/// Whether this process runs as root, for whom permission bits do not apply.
#[cfg(unix)]
fn running_as_root(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = dir.join("uid-probe");
    fs::write(&probe, "").unwrap();
    let root = fs::metadata(&probe).unwrap().uid() == 0;
    fs::remove_file(probe).unwrap();
    root
}

#[cfg(target_os = "linux")]
#[test]
fn a_store_in_a_folder_that_cannot_be_written_can_still_be_listed_and_exported() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let (corpus, _) = with_a_highlight(tmp.path());
    let store_dir = tmp.path().join("store");
    fs::create_dir(&store_dir).unwrap();
    let db = store_dir.join("diglot.db");
    let add = diglot(&corpus, &db, &["highlights", "add", "ok", "--text", "rebuild the harbour"]);
    assert!(add.status.success(), "{}", add.err());
    let header = fs::read(&db).unwrap();
    assert_eq!((header[18], header[19]), (2, 2), "not a WAL store");
    assert!(!store_dir.join("diglot.db-shm").exists());
    fs::set_permissions(&store_dir, fs::Permissions::from_mode(0o555)).unwrap();
    // Permission bits do not stop root: run diglot as nobody then.
    let as_nobody = running_as_root(tmp.path());
    if as_nobody && Command::new("setpriv").arg("--version").output().is_err() {
        #[allow(clippy::print_stderr)] // the test runner's log, not diglot output
        {
            eprintln!("skipped: running as root without setpriv, cannot make the store unwritable");
        }
        return;
    }
    for args in [&["highlights", "list"][..], &["export", "--format", "csv"]] {
        let mut cmd = if as_nobody {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_diglot")]);
            c
        } else {
            Command::new(env!("CARGO_BIN_EXE_diglot"))
        };
        let out = cmd
            .arg("--corpus")
            .arg(&corpus)
            .arg("--db")
            .arg(&db)
            .args(args)
            .env("DIGLOT_CACHE", "off")
            .env("HOME", tmp.path())
            .output()
            .unwrap();
        let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success(), "{args:?}: {stderr}");
        assert!(stdout.contains("rebuild the harbour"), "{args:?}: {stdout}");
        assert!(stderr.contains("read without saving anything"), "{args:?}: {stderr}");
    }
    assert!(!store_dir.join("diglot.db-shm").exists());
    fs::set_permissions(&store_dir, fs::Permissions::from_mode(0o755)).unwrap();
}

/// The reader in a pseudo-terminal on a folder with hostile names, ended by `q` and by
/// SIGTERM: the whole stream, before, inside and after the alternate screen (where the
/// "skipped" report is printed), carries no sequence from the names.
#[cfg(unix)]
#[test]
fn the_reader_never_sends_a_name_to_the_terminal_raw() {
    for ending in ["q", "TERM"] {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = hostile_corpus(tmp.path());
        let mut s = common::start(&corpus, &tmp.path().join("state.db"), tmp.path());
        s.wait_for("the reader", |t| t.contains("Harbour Plan"));
        if ending == "q" {
            s.send("q");
        } else {
            s.kill("-TERM");
        }
        s.wait_exit(&format!("after {ending}"));
        let raw = s.raw();
        let text = String::from_utf8_lossy(&raw);
        assert!(!text.contains("]0;PWNED") && !text.contains("PWNED"), "{ending}: the title sequence got through");
        assert!(!text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)), "{ending}: a C1 control got through");
        assert!(!raw.contains(&0x07), "{ending}: a BEL got through");
        // The report after leaving the alternate screen names the skipped file, cleanly.
        let after = s.screen();
        assert!(after.contains("skipped") && after.contains("evilempty.txt"), "{ending}:\n{after}");
    }
}

/// Tag characters (an invisible copy of ASCII), zero width spaces, word joiners and byte
/// order marks in a file name, a title and a quote: gone from every text output and from
/// the terminal, escaped in JSON (which keeps the data).
#[test]
fn invisible_and_tag_characters_never_reach_the_output() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    fs::create_dir(&dir).unwrap();
    let tags = "\u{e0001}\u{e0069}\u{e0067}\u{e006e}\u{e006f}\u{e0072}\u{e0065}\u{e007f}";
    fs::write(
        dir.join(format!("zw\u{200b}id{tags}.txt")),
        format!("Harbour\u{2060} Plan{tags}\n\nThe minister said “we will\u{feff} rebuild{tags} the harbour” to reporters.\n"),
    )
    .unwrap();
    let db = tmp.path().join("state.db");
    for args in [&["list"][..], &["list", "--format", "json"], &["quotes"], &["quotes", "--format", "json"], &["search", "harbour"], &["triage"], &["pairs"]] {
        let run = diglot(&dir, &db, args);
        assert!(run.status.success(), "{args:?}: {}", run.err());
        assert_run_clean(&format!("{args:?}"), &run);
    }
    assert!(diglot(&dir, &db, &["list"]).out().contains("zwid "), "the id without its hidden characters");
    let json = diglot(&dir, &db, &["list", "--format", "json"]).out();
    assert!(json.contains(r"\udb40\udc01") && json.contains(r"\u200b"), "{json}");
}

#[cfg(unix)]
#[test]
fn a_store_that_is_a_named_pipe_or_a_device_is_refused_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, _) = with_a_highlight(tmp.path());
    let pipe = tmp.path().join("pipe.db");
    mkfifo(&pipe);
    for (db, why) in [(pipe.as_path(), "a named pipe"), (Path::new("/dev/null"), "a character device")] {
        for args in [&["highlights", "add", "ok", "--text", "rebuild the harbour"][..], &["highlights", "list"], &["export"]] {
            let run = diglot(&corpus, db, args);
            assert_eq!(run.code(), 1, "{args:?}: {}", run.err());
            assert!(run.err().contains(&format!("{}: is {why}, not a store file", db.display())), "{args:?}: {}", run.err());
        }
    }
    // SQLite was never given the pipe: no journal or WAL beside it.
    let beside: Vec<_> = fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!beside.iter().any(|n| n.starts_with("pipe.db-")), "{beside:?}");
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&fs::metadata(&pipe).unwrap().file_type()));
}

/// A store another tool wrote into: values of the wrong type in one row (an offset as
/// text, a note as bytes that are not UTF-8, a flag as text). Every highlight is still
/// listed and exported; none is silently dropped.
#[test]
fn a_damaged_row_in_the_store_hides_no_highlight() {
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, db) = with_a_highlight(tmp.path());
    for note in ["two", "three"] {
        let add = diglot(&corpus, &db, &["highlights", "add", "ok", "--text", "The plan", "--note", note]);
        assert!(add.status.success(), "{}", add.err());
    }
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "UPDATE highlights SET start = 'abc', orphaned = 'no' WHERE id = 2;
             UPDATE highlights SET note = x'ff1b5b324a6e6f7465', created = 42 WHERE id = 3;
             UPDATE triage SET read = 'yes';",
        )
        .unwrap();
    }
    let list = diglot(&corpus, &db, &["highlights", "list", "--format", "json"]);
    assert!(list.status.success(), "{}", list.err());
    assert_run_clean("list", &list);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(rows.iter().map(|r| r["id"].as_i64().unwrap()).collect::<Vec<_>>(), [1, 2, 3], "{}", list.out());
    assert!(rows[2]["note"].as_str().unwrap().ends_with("note"), "{}", list.out());
    let json = diglot(&corpus, &db, &["export", "--format", "json"]);
    let export: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(export["highlights"].as_array().map(Vec::len), Some(3), "{}", json.out());
    for format in ["md", "csv", "json"] {
        let export = diglot(&corpus, &db, &["export", "--format", format]);
        assert!(export.status.success(), "{format}: {}", export.err());
        assert_run_clean(format, &export);
        for needle in ["rebuild the harbour", "The plan", "two", "note"] {
            assert!(export.out().contains(needle), "{format}: {needle} missing: {}", export.out());
        }
    }
}

/// The French–English word list named by `DIGLOT_LEXICON` being a named pipe or an
/// endless device: `align` and `pairs` say so and go on without it, instead of waiting
/// or reading forever.
#[cfg(unix)]
#[test]
fn a_word_list_that_is_a_pipe_or_an_endless_device_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, db) = with_a_highlight(tmp.path());
    fs::write(corpus.join("fr.txt"), "Le port\n\nLe ministre a dit « nous reconstruirons le port avant l'hiver » aux journalistes.\n").unwrap();
    let pipe = tmp.path().join("lexicon.tsv");
    mkfifo(&pipe);
    for (lexicon, why) in [(pipe.to_str().unwrap(), "a named pipe"), ("/dev/zero", "a character device")] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_diglot"))
            .args(["--corpus", corpus.to_str().unwrap(), "--db", db.to_str().unwrap(), "align", "ok", "fr"])
            .env("DIGLOT_CACHE", "off")
            .env("DIGLOT_LEXICON", lexicon)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > common::TIMEOUT {
                let _ = child.kill();
                panic!("align with DIGLOT_LEXICON={lexicon} hung");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
        assert!(status.success(), "{lexicon}: {err}");
        assert!(err.contains("word list not in use") && err.contains(why), "{lexicon}: {err}");
    }
}

/// A file whose name is not UTF-8 is listed (its id shown with U+FFFD) and opens in the
/// reader like any other: the body is read from the file the folder listed, not from the
/// name as shown.
#[cfg(unix)]
#[test]
fn the_reader_opens_a_file_whose_name_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt")), "Latin One Name\n\nThe harbour body is read from this file.\n").unwrap();
    let mut s = common::start(&dir, &tmp.path().join("state.db"), tmp.path());
    s.wait_for("the row", |t| t.contains("Latin One Name"));
    s.wait_for("the body", |t| t.contains("harbour body is read"));
    s.send("q");
    s.wait_exit("after q");
}

/// A config file that is a named pipe (or a link to an endless device) does not stop the
/// reader from starting: the default keys are used and the file is named on stderr.
#[cfg(unix)]
#[test]
fn a_config_file_that_is_a_named_pipe_does_not_stop_the_reader() {
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, db) = with_a_highlight(tmp.path());
    let config = tmp.path().join("config");
    fs::create_dir_all(config.join("diglot")).unwrap();
    mkfifo(&config.join("diglot/config.toml"));
    let mut s = common::start(&corpus, &db, &config);
    s.wait_for("the reader with a note on the config", |t| t.contains("Harbour Plan") && t.contains("config file has problems"));
    s.send("q");
    s.wait_exit("after q");
    let after = s.screen();
    assert!(after.contains("config.toml") && after.contains("named pipe"), "{after}");
}

/// Copying a selection larger than a terminal's clipboard takes (one 200 KB sentence)
/// sends no OSC 52 sequence at all, and the status bar says why.
#[test]
fn a_copy_too_large_for_the_terminal_clipboard_is_refused_with_a_message() {
    use diglot::app::{App, Effect};
    use ratatui::{Terminal, backend::TestBackend};
    let huge = format!("Huge\n\n{} end", "word ".repeat(40_000));
    let corpus = diglot::ingest::Corpus { articles: vec![diglot::ingest::from_plain_text("huge", &huge)], ..Default::default() };
    let mut app = diglot::tui::Session::new(App::new(corpus, std::collections::HashMap::new()));
    app.attach_store(diglot::store::Store::open_in_memory().unwrap());
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut events: std::collections::VecDeque<_> = ["Enter", ")", "y"].into_iter().map(common::screen::key_event).collect();
    let mut outside = Vec::new();
    let next = move || events.pop_front().ok_or_else(|| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "end of script"));
    let _ = diglot::tui::run_loop(&mut terminal, &mut app, next, |e| outside.push(e.clone()));
    let sent: Vec<usize> = outside.iter().filter_map(|e| if let Effect::Clipboard(t) = e { Some(t.len()) } else { None }).collect();
    assert!(sent.is_empty(), "an OSC 52 was sent: {sent:?} bytes; status {:?}", app.status);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.starts_with("not copied") && status.contains("KB"), "{status}");
}

/// Shift_JIS, EUC-JP, GBK, Big5 and EUC-KR files without a declared charset load as the
/// text they hold (their bytes used to pass for corrupt UTF-8); a file that is really
/// corrupt UTF-8 is named with the reason, and the rest of the folder still loads.
#[test]
fn legacy_cjk_files_load_and_an_undecodable_one_is_named() {
    use encoding_rs::{BIG5, EUC_JP, EUC_KR, GBK, SHIFT_JIS};
    let japanese = "港の再建計画\n\n東京都の知事は月曜日、新しい港の計画を発表した。「冬までに港を再建する」と記者団に語った。";
    let chinese = "港口重建计划\n\n上海市政府星期一宣布了新的港口计划。市长对记者说：“我们将在冬天之前重建港口。”";
    let traditional = "港口重建計劃\n\n臺北市政府星期一宣佈了新的港口計劃。市長對記者說：「我們將在冬天之前重建港口。」";
    let korean = "항구 재건 계획\n\n서울시는 월요일 새로운 항구 계획을 발표했다. 시장은 기자들에게 겨울 전에 항구를 재건하겠다고 말했다.";
    let (tmp, corpus) = common::corpus_with(&[("ok.txt", &format!("Harbour Plan\n\n{BODY}"))]);
    for (name, text, enc) in [("sjis", japanese, SHIFT_JIS), ("eucjp", japanese, EUC_JP), ("gbk", chinese, GBK), ("big5", traditional, BIG5), ("euckr", korean, EUC_KR)] {
        fs::write(corpus.join(format!("{name}.txt")), enc.encode(text).0).unwrap();
    }
    let corrupt: Vec<u8> = "Caf\u{e9} au lait, d\u{e9}j\u{e0} vu. ".as_bytes().iter().copied().chain([0xff, 0xfe, b'x']).collect();
    fs::write(corpus.join("corrupt.txt"), corrupt).unwrap();
    let db = tmp.path().join("state.db");
    let list = diglot(&corpus, &db, &["list"]);
    assert!(list.status.success(), "{}", list.err());
    for title in ["港の再建計画", "港口重建计划", "港口重建計劃", "항구 재건 계획", "Harbour Plan"] {
        assert!(list.out().contains(title), "{title} missing:\n{}", list.out());
    }
    assert!(list.err().contains("corrupt.txt") && list.err().contains("invalid UTF-8"), "{}", list.err());
    let show = diglot(&corpus, &db, &["show", "sjis"]);
    assert!(show.out().contains("「冬までに港を再建する」"), "{}", show.out());
}

/// A bad entry in `corpus.toml` (wrong type, missing field, unknown key) is named with
/// the file and the reason; the good entries still apply.
#[test]
fn a_bad_manifest_entry_is_named_and_the_others_kept() {
    let (tmp, corpus) = common::corpus_with(&[
        ("a.txt", &format!("Harbour Plan\n\n{BODY}")),
        ("b.txt", &format!("Second Plan\n\n{BODY}")),
        ("corpus.toml", "[[article]]\nid = 5\n\n[[article]]\nid = \"a\"\noutlet = \"Harbour Wire\"\n\n[[article]]\nid = \"b\"\noutlt = \"Typo\"\n"),
    ]);
    let run = diglot(&corpus, &tmp.path().join("state.db"), &["show", "a", "--format", "json"]);
    assert!(run.status.success(), "{}", run.err());
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(v["source"], "Harbour Wire");
    let err = run.err();
    assert!(err.contains("warning: ") && err.contains("corpus.toml: [[article]] 1 (id = 5) skipped: invalid type: integer `5`"), "{err}");
    assert!(!err.contains("skipped /") && !err.contains("files skipped"), "the manifest itself is not skipped: {err}");
    assert!(err.contains("[[article]] 3 (id = \"b\") skipped: unknown field `outlt`"), "{err}");
}

/// `DIGLOT_DB=` and `DIGLOT_CORPUS=` (set to nothing) count as unset, not as an empty
/// `--db` the user never typed.
#[test]
fn empty_environment_variables_count_as_unset() {
    let tmp = tempfile::tempdir().unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_diglot"))
        .arg("list")
        .env("DIGLOT_DB", "")
        .env("DIGLOT_CORPUS", "")
        .env("DIGLOT_LEXICON", "")
        .env("DIGLOT_CACHE", "off")
        .env("XDG_DATA_HOME", tmp.path())
        .env("HOME", tmp.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{err}");
    assert!(!err.contains("a value is required"), "{err}");
    assert!(!run.stdout.is_empty());
}

/// One grapheme cluster of 100 000 combining marks: the screen shows the letter with a
/// few marks, and the terminal never receives the whole cluster (200 kB per redraw).
#[test]
fn a_cluster_of_endless_combining_marks_is_capped_on_screen() {
    let zalgo = format!("Z{}", "\u{301}".repeat(100_000));
    let (tmp, corpus) = common::corpus_with(&[("z.txt", &format!("Harbour Plan\n\n{BODY} {zalgo}ap ends here."))]);
    let mut s = common::start(&corpus, &tmp.path().join("state.db"), tmp.path());
    s.wait_for("the reader", |t| t.contains("Harbour Plan") && t.contains("ends here"));
    // Redraws: focus to the body and back, scroll.
    for key in ["\t", "j", "k", "\t"] {
        s.send(key);
    }
    s.kill("-TERM");
    s.wait_exit("after TERM");
    let raw = s.raw();
    assert!(raw.len() < 100_000, "the terminal received {} bytes", raw.len());
    // The letter is still drawn with its first marks.
    assert!(String::from_utf8_lossy(&raw).contains("\u{179}\u{301}\u{301}"), "Ź (NFC) with its marks not drawn");
}
