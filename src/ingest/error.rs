//! Why a file cannot be read as an article's text: the ingest layer's error. Its
//! message is the `reason` of a [`LoadError`](super::LoadError), shown after the path.

use super::decode::MAX_FILE_BYTES;
use std::io;

/// A file diglot could not read, decode or unpack. Each message is final wording for a
/// person; an I/O error behind it is its source.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("file too large ({0} bytes > {MAX_FILE_BYTES} bytes limit)")]
    TooLarge(u64),
    #[error("empty file")]
    Empty,
    /// Only control characters and escape sequences: nothing left once they are removed.
    #[error("empty file (no text after removing control characters)")]
    OnlyControls,
    #[error("binary file (zero byte at offset {0})")]
    ZeroByte(usize),
    /// The percentage of characters that are control or undecodable.
    #[error("binary file ({0}% of characters are control or undecodable)")]
    NotText(usize),
    #[error("invalid UTF-8 (byte 0x{byte:02x} at offset {offset} in a file that is otherwise UTF-8)")]
    CorruptUtf8 { byte: u8, offset: usize },
    #[error("not an MHTML file (no MIME headers)")]
    NotMhtml,
    #[error("MHTML file without a text/html part")]
    MhtmlWithoutHtml,
    /// What the path is instead ("a folder", "a named pipe" …).
    #[error("{0}, not a regular file")]
    NotAFile(&'static str),
    #[error("broken symbolic link (what it points to does not exist)")]
    BrokenLink,
    #[error("symbolic link that cannot be followed: {0}")]
    UnfollowableLink(#[source] io::Error),
    /// Opening or reading failed; the system's message says why.
    #[error("{0}")]
    Io(#[source] io::Error),
}
