//! The index on disk: what ahead-of-time indexing and full-text search need above the
//! article cache ([`crate::ingest::cache`], which holds the rows and the FTS5 table).
//!
//! - [`query`]: the filter language (`lang:fr`, `unread`, words, "phrases", prefix*)
//!   parsed once, for the reader's filter and the `search` command alike, and turned
//!   into an FTS5 query;
//! - [`progress`]: the progress line of a long read on a terminal (it lives in ingest,
//!   which reads the files; re-exported here);
//! - [`quotes`]: a corpus's quotes, from the index where it holds them;
//! - [`folder`]: reading a folder through the index (what it holds taken from it, the
//!   other files parsed a batch at a time and written to it), for commands and reader
//!   alike (it lives in ingest, which reads the files; re-exported here).

pub mod query;
pub mod quotes;

pub use crate::ingest::IndexReport;
pub use crate::ingest::cache::folder;
pub use crate::ingest::progress;
