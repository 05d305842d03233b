//! A progress line on stderr for long reads: files read of the total, rate and time
//! left. Shown only on a terminal and only once the work has taken more than a second
//! (a quick read prints nothing); refreshed at most five times a second.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const QUIET_FOR: Duration = Duration::from_secs(1);
const REFRESH_MS: u64 = 200;

pub struct Progress {
    /// What is being done, to what: "reading", "files".
    doing: &'static str,
    unit: &'static str,
    total: usize,
    done: AtomicUsize,
    started: Instant,
    /// Milliseconds since `started` of the last line written; 0 = none yet.
    shown_at_ms: AtomicU64,
    on_terminal: bool,
}

impl Progress {
    /// Progress of reading `total` files, shown on stderr if it is a terminal.
    pub fn new(total: usize) -> Progress {
        Progress::of("reading", total, "files")
    }

    /// Progress of `doing` something to `total` `unit`s ("extracting quotes", 10000,
    /// "articles"), shown on stderr if it is a terminal.
    pub fn of(doing: &'static str, total: usize, unit: &'static str) -> Progress {
        Progress::with_output(doing, total, unit, std::io::stderr().is_terminal())
    }

    fn with_output(doing: &'static str, total: usize, unit: &'static str, on_terminal: bool) -> Progress {
        Progress { doing, unit, total, done: AtomicUsize::new(0), started: Instant::now(), shown_at_ms: AtomicU64::new(0), on_terminal }
    }

    /// One more file done (callable from any thread).
    pub fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if !self.on_terminal {
            return;
        }
        let elapsed = self.started.elapsed();
        if elapsed < QUIET_FOR {
            return;
        }
        let now_ms = elapsed.as_millis() as u64;
        let last = self.shown_at_ms.load(Ordering::Relaxed);
        // One thread writes a given refresh; the others go on working.
        if now_ms.saturating_sub(last) >= REFRESH_MS
            && self.shown_at_ms.compare_exchange(last, now_ms, Ordering::Relaxed, Ordering::Relaxed).is_ok()
        {
            clear_line();
            crate::sanitize::say_pending(self.line(done, elapsed));
        }
    }

    /// "reading 1200/10000 files, 950/s, 9 s left".
    pub fn line(&self, done: usize, elapsed: Duration) -> String {
        let rate = done as f64 / elapsed.as_secs_f64().max(1e-3);
        let left = self.total.saturating_sub(done) as f64 / rate.max(1e-3);
        format!("{} {done}/{} {}, {rate:.0}/s, {left:.0} s left", self.doing, self.total, self.unit)
    }

    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }
}

impl Drop for Progress {
    /// The line only mattered while waiting.
    fn drop(&mut self) {
        if self.shown_at_ms.load(Ordering::Relaxed) > 0 {
            clear_line();
        }
    }
}

/// Clear the line of a note shown on stderr while waiting.
pub fn clear_line() {
    // Our own sequence, no content from any input.
    let _ = crossterm::execute!(
        std::io::stderr(),
        crossterm::cursor::MoveToColumn(0),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::CurrentLine)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_gives_count_rate_and_time_left() {
        let p = Progress::with_output("reading", 1000, "files", false);
        assert_eq!(p.line(250, Duration::from_secs(2)), "reading 250/1000 files, 125/s, 6 s left");
        let q = Progress::with_output("extracting quotes", 10, "articles", false);
        assert_eq!(q.line(5, Duration::from_secs(1)), "extracting quotes 5/10 articles, 5/s, 1 s left");
        for _ in 0..3 {
            p.tick();
        }
        assert_eq!(p.done(), 3);
    }
}
