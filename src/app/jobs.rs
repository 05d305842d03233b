//! Work too slow for the UI thread (a long article's quotes, pairing a large folder,
//! aligning long articles, reading the word list) runs on worker threads, as gitui's
//! async jobs do: each sends its result down a channel and sets the app's wake flag, and
//! the event loop, which looks at the flag between keys, draws again and the state takes
//! the result. The reader answers keys meanwhile.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Run `work` on a worker thread named `name`, setting `wake` when it is done. `None`
/// when no thread could be started: the caller then does the work itself.
pub(super) fn spawn<T: Send + 'static>(name: &str, wake: &Arc<AtomicBool>, work: impl FnOnce() -> T + Send + 'static) -> Option<Receiver<T>> {
    let (tx, rx) = channel();
    let wake = Arc::clone(wake);
    let worker = std::thread::Builder::new().name(name.into()).spawn(move || {
        let _ = tx.send(work());
        wake.store(true, Ordering::SeqCst);
    });
    worker.ok().map(|_| rx)
}

/// Where a worker's result stands.
pub(super) enum Poll<T> {
    Ready(T),
    Running,
    /// The worker died (a bug in the work): there will be no result.
    Lost,
}

pub(super) fn poll<T>(result: &Receiver<T>) -> Poll<T> {
    match result.try_recv() {
        Ok(value) => Poll::Ready(value),
        Err(TryRecvError::Empty) => Poll::Running,
        Err(TryRecvError::Disconnected) => Poll::Lost,
    }
}
