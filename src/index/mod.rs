//! The index on disk: what ahead-of-time indexing and full-text search need above the
//! article cache ([`crate::ingest::cache`], which holds the rows and the FTS5 table).
//!
//! - [`query`]: the filter language (`lang:fr`, `unread`, words, "phrases", prefix*)
//!   parsed once, for the reader's filter and the `search` command alike, and turned
//!   into an FTS5 query;
//! - [`progress`]: the progress line of a long read on a terminal;
//! - [`quotes`]: a corpus's quotes, from the index where it holds them.

pub mod progress;
pub mod query;
pub mod quotes;

/// What refreshing the index of a folder did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IndexReport {
    /// Files parsed now (new, changed, or no usable cache).
    pub read: usize,
    /// Files whose article came from the index unchanged.
    pub reused: usize,
    /// Entries of files no longer in the folder, removed.
    pub removed: usize,
    /// Files that could not be read.
    pub failed: usize,
}
