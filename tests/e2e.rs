//! End to end: the real `diglot` binary in a pseudo-terminal, read back through a
//! terminal emulator (vt100), driven by keystrokes.

mod common;

use common::{Session, TIMEOUT, corpus_with, start, start_with};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::Write;
use std::time::{Duration, Instant};

#[test]
fn reader_in_a_pty_reads_searches_and_quits_cleanly() {
    let (dir, corpus) = corpus_with(&[
        (
            "a_first.txt",
            "First Article Title\n\nSome body text\u{1b}]0;pwned\u{7} here and\u{1b}[2J there, \
             with the word needle in it.\n\nA second paragraph says needle again.",
        ),
        ("b_second.txt", "Second Story Headline\n\nThe second body mentions a zebra crossing."),
    ]);
    let db = dir.path().join("state.db");
    let config = dir.path().join("config");
    std::fs::create_dir(&config).unwrap();

    let mut s = start(&corpus, &db, &config);
    s.wait_for("the article list", |t| t.contains("First Article Title") && t.contains("Second Story"));
    // The folder is read while the reader runs: the body follows its row.
    s.wait_for("the first body", |t| t.contains("Some body text"));
    let first = s.screen();
    assert!(first.contains("Some body text here and there"), "{first}");
    assert!(!first.contains("pwned") && !first.contains("]0;") && !first.contains("[2J"), "{first}");
    assert!(s.parser().screen().alternate_screen());

    // j moves to the second article, which the body shows.
    s.send("j");
    s.wait_for("the second article in the body", |t| t.contains("zebra crossing") && t.contains("List 2/2"));
    // Enter opens it: focus moves to the body.
    s.send("\r");
    s.wait_for("body focus", |t| t.contains(" Body "));
    // Tab moves on to the quotes pane.
    s.send("\t");
    s.wait_for("quotes focus", |t| t.contains(" Quotes ") && t.contains("No quotes found"));
    // Back to the list, up to the first article, and search in it.
    s.send("\t");
    s.send("k");
    s.wait_for("first article again", |t| t.contains("List 1/2"));
    // `/` in the list finds an article; in the body it searches the text.
    s.send("/");
    s.type_keys("zebra");
    s.send("\r");
    s.wait_for("the article found", |t| t.contains("List 2/2") && t.contains("article 1/1 matching"));
    s.send("k");
    s.send("\r");
    s.wait_for("body focus again", |t| t.contains(" Body "));
    s.send("/");
    s.type_keys("needle");
    s.wait_for("the search prompt", |t| t.contains("/needle"));
    s.send("\r");
    s.wait_for("the search result", |t| t.contains("match 1/2"));
    s.send("n");
    s.wait_for("the next match", |t| t.contains("match 2/2"));
    // Help lists the keys, opened at the body's (the search moved there); g goes to the top.
    s.send("?");
    s.wait_for("the help overlay at the body's keys", |t| t.contains("Article body") && t.contains("highlight / un-highlight"));
    s.send("g");
    s.wait_for("the top of the help", |t| t.contains("quit diglot") && t.contains("Reader (list, body and quotes)"));
    s.send("\u{1b}");
    s.wait_for("help closed", |t| !t.contains("quit diglot"));

    quit_and_wait(&mut s);

    let raw = s.raw();
    let parser = s.parser();
    let screen = parser.screen();
    assert!(parser.callbacks().0.is_empty(), "the window title was changed");
    assert!(!screen.alternate_screen(), "still in the alternate screen");
    assert!(!screen.bracketed_paste(), "bracketed paste left on");
    assert!(!screen.hide_cursor(), "cursor left hidden");
    assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    let text = String::from_utf8_lossy(&raw);
    assert!(!text.contains("pwned") && !text.contains("\u{1b}]0;"), "hostile sequence reached the terminal");
    // The alternate screen is left last; after it come only diglot's own plain-text
    // messages (the repaired file is named once the user can read it).
    let leave = "\u{1b}[?1049l";
    let tail = text.rsplit_once(leave).map(|(_, t)| t).expect("the alternate screen was left");
    assert!(!tail.contains('\u{1b}'), "escape sequence after leaving the alternate screen: {tail:?}");
    assert!(tail.lines().map(str::trim).filter(|l| !l.is_empty()).all(|l| l.starts_with("diglot: ")), "{tail:?}");
    assert!(tail.contains("terminal escape sequences removed"), "the repaired file is named: {tail:?}");
}

#[test]
fn reader_refuses_to_start_without_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_diglot"))
        .env("DIGLOT_DB", dir.path().join("x.db"))
        .env("XDG_CONFIG_HOME", dir.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a terminal") && err.contains("diglot list"), "{err}");
    assert!(out.stdout.is_empty(), "no escape codes into a pipe");
}

/// Every SGR parameter list the program wrote (`ESC [ … m`).
fn sgr_sequences(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    let mut out = Vec::new();
    let mut rest = text.as_ref();
    while let Some(i) = rest.find("\u{1b}[") {
        rest = &rest[i + 2..];
        let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':')).unwrap_or(rest.len());
        if rest[end..].starts_with('m') {
            out.push(rest[..end].to_string());
        }
    }
    out
}

#[test]
fn no_color_run_writes_no_colour_and_keeps_reverse_video() {
    let (dir, corpus) = corpus_with(&[("one.txt", "Plain Title\n\nA body with a word to find: find.")]);
    let config = dir.path().join("config");
    std::fs::create_dir_all(config.join("diglot")).unwrap();
    // A broken config: the reader still starts with the default keys.
    std::fs::write(config.join("diglot").join("config.toml"), "[keys.global]\nj = \"fly\"\n").unwrap();
    let mut s = start_with(&corpus, &dir.path().join("db"), &config, &[("NO_COLOR", "1")]);
    s.wait_for("the list", |t| t.contains("Plain Title"));
    s.wait_for("the config warning", |t| t.contains("config file has problems"));
    // Open the article: `/` in the body searches its text.
    s.send("\r");
    s.wait_for("body focus", |t| t.contains(" Body "));
    s.send("/");
    s.type_keys("find");
    s.send("\r");
    s.wait_for("the match", |t| t.contains("match 1/2"));
    {
        let parser = s.parser();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let mut inverse = 0;
        for r in 0..rows {
            for c in 0..cols {
                let cell = screen.cell(r, c).unwrap();
                assert_eq!(cell.fgcolor(), vt100::Color::Default, "colour at {r},{c}");
                assert_eq!(cell.bgcolor(), vt100::Color::Default, "colour at {r},{c}");
                inverse += usize::from(cell.inverse());
            }
        }
        assert!(inverse > 0, "selection and matches shown in reverse video");
    }
    for seq in sgr_sequences(&s.raw()) {
        for p in seq.split([';', ':']).filter(|p| !p.is_empty()) {
            let n: u32 = p.parse().unwrap();
            assert!(
                !matches!(n, 30..=38 | 40..=48 | 90..=97 | 100..=107),
                "colour code {seq:?} written under NO_COLOR"
            );
        }
    }
    // Ctrl-c quits from any pane (q from the body goes back to the list).
    s.send("\x03");
    s.wait_exit("after Ctrl-c");
    let raw = String::from_utf8_lossy(&s.raw()).into_owned();
    assert!(raw.contains("config.toml") && raw.contains("fly"), "the warning names the file and the reason");
}

#[test]
fn a_panic_still_restores_the_terminal() {
    let (dir, corpus) = corpus_with(&[("one.txt", "Panic Title\n\nBody.")]);
    let mut s = start_with(&corpus, &dir.path().join("db"), dir.path(), &[("DIGLOT_DEBUG_PANIC_ON_KEY", "1"), ("RUST_BACKTRACE", "0")]);
    s.wait_for("the list", |t| t.contains("Panic Title"));
    assert!(s.parser().screen().alternate_screen());
    s.send("j");
    let status = s.wait_exit("after the panic");
    assert!(!status.success());
    let parser = s.parser();
    let screen = parser.screen();
    assert!(!screen.alternate_screen(), "still in the alternate screen after a panic");
    assert!(!screen.bracketed_paste(), "bracketed paste left on after a panic");
    assert!(!screen.hide_cursor(), "cursor left hidden after a panic");
    // The panic message is printed on the restored screen, where the user can read it.
    assert!(screen.contents().contains("deliberate panic"), "{}", screen.contents());
}

/// Quit with `Ctrl-c` (`q` quits only from the list) and wait for the process to end
/// successfully.
fn quit_and_wait(s: &mut Session) {
    s.send("\x03");
    let status = s.wait_exit("after Ctrl-c");
    assert!(status.success(), "exit status {status:?}");
}

fn run_cli(corpus: &std::path::Path, db: &std::path::Path, args: &[&str]) -> String {
    let (code, out, err) = cli(corpus, db, args);
    assert_eq!(code, 0, "{args:?}: {err}");
    // `cli` reads output lossily; this caller wants it to have been UTF-8 as written.
    assert!(!out.contains('\u{fffd}'), "{args:?}: standard output is not UTF-8");
    out
}

#[test]
fn a_sentence_highlighted_in_the_reader_is_in_the_store_and_exports_and_triage_survives() {
    let (dir, corpus) = corpus_with(&[
        (
            "a.txt",
            "Harbour Report Title\n\nThe harbour closed at noon on Tuesday. Ships waited outside for hours.\n\n\
             Officials promised a review of the closure.",
        ),
        ("b.txt", "Other Story Title\n\nNothing to see in this one."),
    ]);
    let db = dir.path().join("store").join("diglot.db");
    let config = dir.path().join("config");
    std::fs::create_dir(&config).unwrap();

    let mut s = start(&corpus, &db, &config);
    s.wait_for("the reader", |t| t.contains("Harbour Report Title") && t.contains("Other Story"));
    // Open the first article (its title line is metadata, not body), move the sentence
    // cursor to the second sentence and back, highlight the first body sentence.
    s.send("\r");
    s.wait_for("body focus", |t| t.contains(" Body "));
    s.send(")");
    s.wait_for("sentence cursor moved", |t| t.contains("sentence 2/"));
    s.send("(");
    s.wait_for("sentence cursor back", |t| t.contains("sentence 1/"));
    s.send("h");
    s.wait_for("the highlight acknowledged", |t| t.contains("highlighted and saved"));
    // y copies through OSC 52 (base64 of the citation).
    s.send("y");
    s.wait_for("the copy acknowledged", |t| t.contains("copied highlight"));
    let raw = String::from_utf8_lossy(&s.raw()).to_string();
    assert!(raw.contains("\u{1b}]52;c;"), "no OSC 52 sequence written");
    // Star the second article: triage is saved too.
    s.send("\t");
    s.send("\t");
    s.send("j");
    s.send("s");
    s.wait_for("starred", |t| t.contains("starred"));
    // H lists the highlight; q goes back; q quits.
    s.send("H");
    s.wait_for("the highlights view", |t| t.contains("Highlights (1)") && t.contains("The harbour closed at noon"));
    s.send("q");
    s.wait_for("back in the reader", |t| !t.contains("Highlights (1)"));
    quit_and_wait(&mut s);

    let json = run_cli(&corpus, &db, &["highlights", "list", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_str(&json).unwrap();
    let items = list.as_array().expect("a JSON array");
    assert_eq!(items.len(), 1, "{json}");
    assert_eq!(items[0]["text"], "The harbour closed at noon on Tuesday.");
    let md = run_cli(&corpus, &db, &["export", "--format", "md"]);
    assert!(md.contains("The harbour closed at noon on Tuesday.") && md.contains("Harbour Report Title"), "{md}");

    // A new session shows the star (and the read mark) from the store.
    let mut s = start(&corpus, &db, &config);
    s.wait_for("the reader again", |t| t.contains("Harbour Report Title"));
    let screen = s.screen();
    let other = screen.lines().find(|l| l.contains("Other Story Title")).unwrap().to_string();
    let first = screen.lines().find(|l| l.contains("Harbour Report Title") && l.starts_with('│')).unwrap().to_string();
    assert!(other.contains('*'), "star lost: {other:?}");
    assert!(!first.contains("N "), "read mark lost: {first:?}");
    quit_and_wait(&mut s);
}

/// `kill` (SIGTERM) or a dropped SSH session (SIGHUP) still gives the terminal back.
#[test]
fn a_terminate_signal_restores_the_terminal() {
    for signal in ["-TERM", "-HUP"] {
        let (dir, corpus) = corpus_with(&[("a.txt", "Signal Story Title\n\nA short body sentence here.")]);
        let db = dir.path().join("diglot.db");
        let mut s = start(&corpus, &db, dir.path());
        s.wait_for("the reader", |t| t.contains("Signal Story Title"));
        s.kill(signal);
        s.wait_exit(&format!("after {signal}"));
        let parser = s.parser();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "{signal}: still in the alternate screen");
        assert!(!screen.hide_cursor(), "{signal}: cursor left hidden");
        assert!(!screen.bracketed_paste(), "{signal}: bracketed paste left on");
    }
}

/// A session whose master side the test alone holds (one file descriptor, no reader
/// thread, no writer copy), so dropping it hangs up the terminal as a dropped SSH
/// connection or `tmux kill-session` does.
struct HangupSession {
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    output: Vec<u8>,
}

impl HangupSession {
    fn start(corpus: &std::path::Path, db: &std::path::Path, config_home: &std::path::Path) -> HangupSession {
        let pair = native_pty_system()
            .openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_diglot"));
        cmd.args([std::ffi::OsStr::new("--corpus"), corpus.as_os_str(), "--db".as_ref(), db.as_os_str()]);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", config_home);
        cmd.env("DIGLOT_CACHE", "off");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        HangupSession { master: Some(pair.master), child, output: Vec::new() }
    }

    fn fd(&self) -> std::os::fd::BorrowedFd<'_> {
        let raw = self.master.as_ref().expect("master open").as_raw_fd().expect("a unix pty");
        // SAFETY: the fd belongs to `self.master`, which outlives the borrow.
        #[allow(unsafe_code)] // portable-pty hands out only the raw descriptor
        unsafe { std::os::fd::BorrowedFd::borrow_raw(raw) }
    }

    /// Read whatever the reader wrote, waiting up to 50 ms for it.
    fn pump(&mut self) {
        let mut fds = [rustix::event::PollFd::from_borrowed_fd(self.fd(), rustix::event::PollFlags::IN)];
        let wait = rustix::event::Timespec { tv_sec: 0, tv_nsec: 50_000_000 };
        if rustix::event::poll(&mut fds, Some(&wait)).unwrap_or(0) == 0 {
            return;
        }
        let mut buf = [0u8; 8192];
        if let Ok(n) = rustix::io::read(self.fd(), &mut buf) {
            self.output.extend_from_slice(&buf[..n]);
        }
    }

    fn send(&mut self, keys: &str) {
        rustix::io::write(self.fd(), keys.as_bytes()).unwrap();
        for _ in 0..3 {
            self.pump();
        }
    }

    fn wait_for(&mut self, what: &str, ok: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            self.pump();
            let mut p = vt100::Parser::new(24, 80, 0);
            p.process(&self.output);
            let screen = p.screen().contents();
            if ok(&screen) {
                return;
            }
            assert!(start.elapsed() < TIMEOUT, "timed out waiting for {what}; screen:\n{screen}");
        }
    }

    /// Close the master side: the terminal is gone.
    fn hang_up(&mut self) {
        drop(self.master.take());
    }

    /// The exit status, waiting a bounded time; fails if the reader keeps running.
    fn wait_exit(&mut self, after: &str) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("diglot still running {after}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// Open the only article, highlight its first sentence and wait for the acknowledgement.
fn highlight_first_sentence(s: &mut HangupSession) {
    s.wait_for("the reader", |t| t.contains("Harbour Report Title"));
    s.send("\r");
    s.wait_for("body focus", |t| t.contains(" Body "));
    s.send("h");
    s.wait_for("the highlight acknowledged", |t| t.contains("highlighted and saved"));
}

fn hangup_fixture() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let (dir, corpus) = corpus_with(&[("a.txt", "Harbour Report Title\n\nThe harbour closed at noon. Ships waited.")]);
    let db = dir.path().join("diglot.db");
    (dir, corpus, db)
}

fn stored_highlights(corpus: &std::path::Path, db: &std::path::Path) -> Vec<String> {
    let json = run_cli(corpus, db, &["highlights", "list", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_str(&json).unwrap();
    list.as_array().unwrap().iter().map(|h| h["text"].as_str().unwrap().to_string()).collect()
}

/// A dropped connection (the pty master closed) ends the reader, with a non-zero status,
/// and what the status bar acknowledged is in the store.
#[test]
fn a_reader_whose_terminal_goes_away_ends_and_keeps_what_was_saved() {
    let (dir, corpus, db) = hangup_fixture();
    let mut s = HangupSession::start(&corpus, &db, dir.path());
    highlight_first_sentence(&mut s);
    s.hang_up();
    let status = s.wait_exit("after its terminal went away");
    // 1, as for any error: not a clean quit, and not a panic (101) on the dead stderr.
    assert_eq!(status.exit_code(), 1, "{status:?}");
    assert_eq!(stored_highlights(&corpus, &db), ["The harbour closed at noon."]);
}

/// SIGTERM works after the terminal is gone too.
#[test]
fn a_terminate_signal_ends_a_reader_whose_terminal_is_gone() {
    let (dir, corpus, db) = hangup_fixture();
    let mut s = HangupSession::start(&corpus, &db, dir.path());
    highlight_first_sentence(&mut s);
    let pid = s.child.process_id().expect("child pid");
    s.hang_up();
    let killed = std::process::Command::new("kill").arg("-TERM").arg(pid.to_string()).status().unwrap();
    assert!(killed.success() || s.child.try_wait().unwrap().is_some());
    s.wait_exit("after SIGTERM with its terminal gone");
    assert_eq!(stored_highlights(&corpus, &db), ["The harbour closed at noon."]);
}

// ---------- command-line messages ----------

/// Exit code, standard output and standard error of a command.
fn cli(corpus: &std::path::Path, db: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let run = common::diglot(corpus, db, args);
    (run.code(), run.out(), run.err())
}

#[test]
fn a_folder_with_no_readable_article_says_so_in_the_reader_and_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let (code, out, err) = cli(&empty, &db, &["list"]);
    assert_eq!((code, out.as_str()), (0, "ID LANG DATE       OUTLET           AUTHOR             TITLE\n"));
    assert!(err.contains("no article in this folder"), "{err}");
    let (code, _, err) = cli(&empty, &db, &[]);
    assert_eq!(code, 1);
    assert!(err.contains("no article in this folder") && err.lines().count() == 1, "{err}");
    // Only unreadable files: each is named, then the folder.
    std::fs::write(empty.join("x.txt"), b"\0\x01\x02").unwrap();
    let (code, _, err) = cli(&empty, &db, &[]);
    assert_eq!(code, 1);
    assert!(err.contains("skipped") && err.contains("no readable article (1 file skipped"), "{err}");
    let (code, _, err) = cli(&dir.path().join("missing"), &db, &["list"]);
    assert_eq!(code, 1);
    assert!(err.contains("missing"), "{err}");
}

#[test]
fn show_of_a_folder_and_export_of_an_unknown_article_fail_clearly() {
    let (dir, corpus) = corpus_with(&[("a.txt", "A Title Here\n\nSome body text in it.")]);
    let db = dir.path().join("d.db");
    let (code, _, err) = cli(&corpus, &db, &["show", corpus.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("is a folder"), "{err}");
    let (code, _, err) = cli(&corpus, &db, &["export", "--article", "nope"]);
    assert_eq!(code, 1);
    assert!(err.contains("nope: no article with that id"), "{err}");
    let (code, _, _) = cli(&corpus, &db, &["export", "--article", "a"]);
    assert_eq!(code, 0);
}

#[test]
fn list_table_has_a_header_and_an_outlet_column() {
    let (dir, corpus) = corpus_with(&[(
        "a.md",
        "---\ntitle: Harbour Closed\nsource: The Daily Wire\nauthor: Ann Lee\ndate: 2024-05-01\n---\n\nThe harbour closed today.",
    )]);
    let (code, out, _) = cli(&corpus, &dir.path().join("d.db"), &["list"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("ID ") && lines[0].contains("OUTLET") && lines[0].ends_with("TITLE"), "{out}");
    assert!(lines[1].contains("The Daily Wire") && lines[1].contains("Ann Lee") && lines[1].ends_with("Harbour Closed"), "{out}");
    // The title starts in the column the header names.
    assert_eq!(lines[0].find("TITLE"), lines[1].find("Harbour Closed"), "{out}");
}

// ---------- Ctrl-L and Ctrl-Z ----------

#[test]
fn ctrl_l_repaints_over_what_others_wrote_to_the_terminal() {
    let (dir, corpus, db) = hangup_fixture();
    let mut s = start(&corpus, &db, dir.path());
    // Settled: the body (read after the list row) is shown.
    s.wait_for("the reader", |t| t.contains("Harbour Report Title") && t.contains("The harbour closed"));
    // Another program writes to the same terminal (a `wall`, a background job).
    let tty = s.master.tty_name().expect("the slave's name");
    std::fs::OpenOptions::new().write(true).open(&tty).unwrap().write_all(b"\x1b[5;5HGARBAGE-ON-SCREEN").unwrap();
    s.wait_for("the garbage", |t| t.contains("GARBAGE-ON-SCREEN"));
    s.send("\x0c");
    s.wait_for("a clean repaint", |t| !t.contains("GARBAGE") && t.contains("Harbour Report Title"));
    quit_and_wait(&mut s);
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_restores_the_reader() {
    let (dir, corpus, db) = hangup_fixture();
    let pair = native_pty_system().openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 }).unwrap();
    let mut cmd = CommandBuilder::new("bash");
    cmd.args(["--norc", "--noprofile", "-i"]);
    cmd.env("PS1", "SHELL-PROMPT$ ");
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_CONFIG_HOME", dir.path());
    cmd.env("DIGLOT_CACHE", "off");
    let child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut s = HangupSession { master: Some(pair.master), child, output: Vec::new() };
    s.wait_for("the shell", |t| t.contains("SHELL-PROMPT$"));
    let line = format!("'{}' --corpus '{}' --db '{}'\r", env!("CARGO_BIN_EXE_diglot"), corpus.display(), db.display());
    s.send(&line);
    s.wait_for("the reader", |t| t.contains("Harbour Report Title") && t.contains("List 1/1"));
    s.send("\x1a");
    s.wait_for("the shell again", |t| t.contains("Stopped") && !t.contains("List 1/1"));
    s.send("fg\r");
    s.wait_for("the reader restored", |t| t.contains("Harbour Report Title") && t.contains("List 1/1") && !t.contains("Stopped"));
    s.send("q");
    s.wait_for("back at the prompt", |t| t.trim_end().ends_with("SHELL-PROMPT$"));
    s.send("exit\r");
    s.wait_exit("after exit");
}
