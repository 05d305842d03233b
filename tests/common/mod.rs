//! What the tests that run the real `diglot` binary share (tests/e2e.rs,
//! tests/hostile.rs): a command run with a time limit, the reader in a pseudo-terminal
//! read back through a terminal emulator (vt100), and small corpus folders; and, for the
//! tests that drive the reader without a terminal, [`screen`].

// Each test file uses its own part of this module.
#![allow(dead_code)]

pub mod screen;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Generous: the test machine is shared and loaded. Only a hang gets near it.
pub const TIMEOUT: Duration = Duration::from_secs(120);

/// A temporary folder holding `corpus/` with `files` (name, content) in it.
pub fn corpus_with(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    for (name, content) in files {
        fs::write(corpus.join(name), content).unwrap();
    }
    (dir, corpus)
}

// ---------- the command line ----------

/// What a command run printed, and how it ended.
pub struct Run {
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Run {
    pub fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
    pub fn err(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
    /// The exit code; -1 when a signal ended the process.
    pub fn code(&self) -> i32 {
        self.status.code().unwrap_or(-1)
    }
}

/// Run diglot with `args` on `corpus` and `db`, stdout to `stdout` (a file by default),
/// failing the test if it runs past [`TIMEOUT`] (a FIFO opened for reading would hang).
pub fn diglot_to(corpus: &Path, db: &Path, args: &[&str], stdout: Option<Stdio>) -> Run {
    let scratch = tempfile::tempdir().unwrap();
    let (out_path, err_path) = (scratch.path().join("out"), scratch.path().join("err"));
    let captured = stdout.is_none();
    let mut child = Command::new(env!("CARGO_BIN_EXE_diglot"))
        .arg("--corpus")
        .arg(corpus)
        .arg("--db")
        .arg(db)
        .args(args)
        .env("DIGLOT_CACHE", "off")
        .env_remove("DIGLOT_DB")
        .stdin(Stdio::null())
        .stdout(stdout.unwrap_or_else(|| fs::File::create(&out_path).unwrap().into()))
        .stderr(fs::File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("diglot {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = if captured { fs::read(&out_path).unwrap() } else { Vec::new() };
    Run { status, stdout, stderr: fs::read(&err_path).unwrap() }
}

/// [`diglot_to`] with standard output captured.
pub fn diglot(corpus: &Path, db: &Path, args: &[&str]) -> Run {
    diglot_to(corpus, db, args, None)
}

// ---------- the reader in a pseudo-terminal ----------

/// The window titles the program set (an OSC 0/2 that got through).
#[derive(Default)]
pub struct Titles(pub Vec<Vec<u8>>);

impl vt100::Callbacks for Titles {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.0.push(title.to_vec());
    }
}

/// The reader running in a 80×24 pseudo-terminal; a thread collects all it writes.
pub struct Session {
    pub output: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    reader: Option<std::thread::JoinHandle<()>>,
    /// Kept open while the session lives: dropping it would hang up the child.
    pub master: Box<dyn portable_pty::MasterPty + Send>,
}

/// The reader on `corpus` with the store `db` and config folder `config_home`.
pub fn start(corpus: &Path, db: &Path, config_home: &Path) -> Session {
    start_with(corpus, db, config_home, &[])
}

/// [`start`] with extra environment variables.
pub fn start_with(corpus: &Path, db: &Path, config_home: &Path, env: &[(&str, &str)]) -> Session {
    let pty = native_pty_system();
    let pair = pty.openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 }).unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_diglot"));
    cmd.arg("--corpus");
    cmd.arg(corpus);
    cmd.arg("--db");
    cmd.arg(db);
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_CONFIG_HOME", config_home);
    cmd.env("DIGLOT_DB", db);
    cmd.env("DIGLOT_CACHE", "off");
    cmd.env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let writer = pair.master.take_writer().unwrap();
    let output = Arc::new(Mutex::new(Vec::new()));
    let sink = output.clone();
    let reader = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        // Ends with EOF or EIO once the child and every copy of the slave side are gone.
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    Session { output, writer, child, reader: Some(reader), master: pair.master }
}

impl Session {
    pub fn parser(&self) -> vt100::Parser<Titles> {
        let mut p = vt100::Parser::new_with_callbacks(24, 80, 0, Titles::default());
        p.process(&self.output.lock().unwrap());
        p
    }

    pub fn screen(&self) -> String {
        self.parser().screen().contents()
    }

    /// Every byte the program wrote so far.
    pub fn raw(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    /// Wait until the screen satisfies `ok`, or fail showing the screen.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Let the app read each key on its own (an Esc glued to the next key is Alt+key).
        std::thread::sleep(Duration::from_millis(150));
    }

    /// Type `text` one key at a time, as a person would.
    pub fn type_keys(&mut self, text: &str) {
        for c in text.chars() {
            self.send(&c.to_string());
        }
    }

    /// Send a signal (`-TERM`, `-HUP`) to the reader with `kill`.
    pub fn kill(&self, signal: &str) {
        let pid = self.child.process_id().expect("child pid");
        let killed = Command::new("kill").arg(signal).arg(pid.to_string()).status().unwrap();
        assert!(killed.success(), "kill {signal} {pid}");
    }

    /// Wait for the reader to end (failing the test after [`TIMEOUT`], `what` saying
    /// why it should have), then for the last of its output.
    pub fn wait_exit(&mut self, what: &str) -> portable_pty::ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(start.elapsed() < TIMEOUT, "diglot did not end {what}; screen:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(50));
        };
        // The output thread ends when the pty hangs up; don't wait forever if it doesn't.
        if let Some(r) = self.reader.take() {
            let deadline = Instant::now() + Duration::from_secs(10);
            while !r.is_finished() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        status
    }
}
