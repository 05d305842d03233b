//! Knowing when the reader must end although no key says so: the terminal went away (a
//! dropped SSH connection, `tmux kill-session`, a closed pty master) or a signal asked.
//!
//! crossterm cannot be trusted with a terminal that hung up: its reader loops on a read
//! that returns 0 bytes (EOF) or EIO without ever returning, at full CPU, and so never
//! sees the signal flags either. So the loop waits on the terminal itself (`poll` on the
//! input fd and on a self-pipe the signal handlers write to) and only asks crossterm for
//! an event when the terminal is alive and has input. A watchdog thread ends the process
//! if the loop has not ended within a second of a hang-up or a signal anyway (stuck in a
//! long computation, or in crossterm in the instant the terminal went away). Nothing is
//! lost by that: every change the status bar acknowledged is already on disk.

use crossterm::event::Event;
use rustix::event::{PollFd, PollFlags, poll};
use std::io::{self, Read};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The signals that end the reader, as the user would write them.
const STOP_SIGNALS: [(i32, &str); 3] = [
    (signal_hook::consts::SIGTERM, "SIGTERM"),
    (signal_hook::consts::SIGHUP, "SIGHUP"),
    (signal_hook::consts::SIGQUIT, "SIGQUIT"),
];

/// How long the loop waits for input before it checks the terminal again, and for work
/// finished in the background (a long article's quotes) to be drawn: short enough to be
/// unseen, and a tcgetattr every tick costs nothing.
const TICK: Duration = Duration::from_millis(50);
/// How long after a hang-up or signal the watchdog lets the loop end on its own.
const GRACE: Duration = Duration::from_millis(700);

/// Why the reader is ending without being asked to by a key.
fn hangup_message() -> String {
    "the terminal went away (hang-up); every change the status bar acknowledged is saved".into()
}

fn signal_message(name: &str) -> String {
    format!("stopped by {name}; every change the status bar acknowledged is saved")
}

pub struct TerminalWatch {
    /// Written to by the signal handlers (termination and SIGWINCH), so a wait wakes at once.
    wake: UnixStream,
    /// The number of the stop signal received, or 0.
    stop: Arc<AtomicUsize>,
    /// Set when the loop has ended: the watchdog then stands down.
    done: Arc<AtomicBool>,
}

impl TerminalWatch {
    /// Register the signal handlers and start the watchdog. `restore` gives the terminal
    /// back (best effort) before the watchdog ends the process.
    pub fn install(restore: fn()) -> io::Result<TerminalWatch> {
        let (wake, wake_writer) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        let stop = Arc::new(AtomicUsize::new(0));
        for (signal, _) in STOP_SIGNALS {
            signal_hook::flag::register_usize(signal, Arc::clone(&stop), signal as usize)?;
        }
        for signal in STOP_SIGNALS.iter().map(|s| s.0).chain([signal_hook::consts::SIGWINCH]) {
            signal_hook::low_level::pipe::register(signal, wake_writer.try_clone()?)?;
        }
        let done = Arc::new(AtomicBool::new(false));
        let watchdog = Watchdog { stop: Arc::clone(&stop), done: Arc::clone(&done), restore };
        std::thread::Builder::new().name("terminal-watchdog".into()).spawn(move || watchdog.run())?;
        Ok(TerminalWatch { wake, stop, done })
    }

    /// The next terminal event. An error when the terminal hung up or failed, or a stop
    /// signal arrived; never a busy loop. When `background` is set (work finished off the
    /// UI thread), a resize to the current size, so the loop draws again; it is looked at
    /// every [`TICK`].
    pub fn next_event(&self, background: &AtomicBool) -> io::Result<Event> {
        let input = input_fd();
        loop {
            self.check_stop()?;
            if background.swap(false, Ordering::SeqCst) {
                let (w, h) = crossterm::terminal::size()?;
                return Ok(Event::Resize(w, h));
            }
            // Events crossterm already holds (several keys read at once) come first; it
            // is asked only while the terminal is known to be alive.
            if wait(input, self.wake.as_fd(), Duration::ZERO)? != Ready::HungUp
                && crossterm::event::poll(Duration::ZERO)?
            {
                return crossterm::event::read();
            }
            match wait(input, self.wake.as_fd(), TICK)? {
                Ready::HungUp => return Err(io::Error::new(io::ErrorKind::BrokenPipe, hangup_message())),
                Ready::Woken => self.drain_wake(),
                Ready::Input => {}
                Ready::Timeout => {
                    if !terminal_alive(input) {
                        return Err(io::Error::new(io::ErrorKind::BrokenPipe, hangup_message()));
                    }
                }
            }
        }
    }

    /// The loop has ended: the watchdog must not end the process under the caller.
    pub fn disarm(&self) {
        self.done.store(true, Ordering::SeqCst);
    }

    fn check_stop(&self) -> io::Result<()> {
        match signal_name(self.stop.load(Ordering::SeqCst)) {
            Some(name) => Err(io::Error::new(io::ErrorKind::Interrupted, signal_message(name))),
            None => Ok(()),
        }
    }

    fn drain_wake(&self) {
        let mut buf = [0u8; 64];
        while matches!((&self.wake).read(&mut buf), Ok(n) if n > 0) {}
    }
}

impl Drop for TerminalWatch {
    fn drop(&mut self) {
        self.disarm();
    }
}

fn signal_name(number: usize) -> Option<&'static str> {
    STOP_SIGNALS.iter().find(|(s, _)| *s as usize == number).map(|s| s.1)
}

/// The terminal the reader reads keys from: standard input (the reader starts only when
/// it is a terminal, and crossterm then reads it too).
fn input_fd() -> BorrowedFd<'static> {
    rustix::stdio::stdin()
}

#[derive(Debug, PartialEq, Eq)]
enum Ready {
    HungUp,
    Woken,
    Input,
    Timeout,
}

/// Wait up to `timeout` for input on the terminal or a wake-up from a signal handler.
fn wait(input: BorrowedFd<'_>, wake: BorrowedFd<'_>, timeout: Duration) -> io::Result<Ready> {
    let mut fds = [PollFd::from_borrowed_fd(input, PollFlags::IN), PollFd::from_borrowed_fd(wake, PollFlags::IN)];
    let timeout = rustix::event::Timespec::try_from(timeout).map_err(|_| io::Error::other("bad timeout"))?;
    match poll(&mut fds, Some(&timeout)) {
        Ok(_) => {}
        Err(rustix::io::Errno::INTR) => return Ok(Ready::Woken),
        Err(e) => return Err(e.into()),
    }
    Ok(if hung_up(fds[0].revents()) {
        Ready::HungUp
    } else if !fds[1].revents().is_empty() {
        Ready::Woken
    } else if fds[0].revents().contains(PollFlags::IN) {
        Ready::Input
    } else {
        Ready::Timeout
    })
}

fn hung_up(revents: PollFlags) -> bool {
    revents.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
}

/// A terminal that hung up refuses its attributes (EIO) even before poll says so.
fn terminal_alive(input: BorrowedFd<'_>) -> bool {
    rustix::termios::tcgetattr(input).is_ok()
}

/// Ends the process if the loop did not end within [`GRACE`] of a hang-up or signal.
struct Watchdog {
    stop: Arc<AtomicUsize>,
    done: Arc<AtomicBool>,
    restore: fn(),
}

impl Watchdog {
    fn run(self) {
        let mut since: Option<(Instant, String)> = None;
        loop {
            std::thread::sleep(Duration::from_millis(100));
            if self.done.load(Ordering::SeqCst) {
                return;
            }
            if since.is_none() {
                since = self.reason().map(|r| (Instant::now(), r));
            }
            if let Some((at, why)) = &since
                && at.elapsed() >= GRACE
            {
                (self.restore)();
                crate::sanitize::say(why);
                std::process::exit(1);
            }
        }
    }

    fn reason(&self) -> Option<String> {
        if let Some(name) = signal_name(self.stop.load(Ordering::SeqCst)) {
            return Some(signal_message(name));
        }
        let input = input_fd();
        let mut fds = [PollFd::from_borrowed_fd(input, PollFlags::IN)];
        let now = rustix::event::Timespec { tv_sec: 0, tv_nsec: 0 };
        let gone = poll(&mut fds, Some(&now)).map_or(true, |_| hung_up(fds[0].revents()));
        (gone || !terminal_alive(input)).then(hangup_message)
    }
}
