//! Reading small files named by the user or the environment (the config file, the word
//! list) without trusting the name: a named pipe would block the read forever and a link
//! to `/dev/zero` would never end, so only a regular file is read, and only up to a limit.

use std::io::{self, Read};
use std::path::Path;

/// "a folder", "a named pipe" …: what a path is, for messages.
pub fn kind_of(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a folder"
    } else if t.is_symlink() {
        "a symbolic link"
    } else if t.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// Why [`read_opened_regular`] read nothing.
#[derive(Debug)]
pub enum Refused {
    /// What was opened instead ("a named pipe" …).
    NotAFile(&'static str),
    /// The size found (the file's, or what was read when it grew while being read).
    TooLarge(u64),
    Io(io::Error),
}

/// The bytes of the file at `path`, at most `limit`: opened without blocking (opening a
/// named pipe for reading would wait for a writer forever), its kind checked on what was
/// opened (the name may have been swapped since the caller looked), and never more than
/// `limit + 1` bytes read, even if the file grows meanwhile. Callers check the kind by
/// name first, so a pipe is not even opened.
pub fn read_opened_regular(path: &Path, limit: u64) -> Result<Vec<u8>, Refused> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(Refused::Io)?;
    let meta = file.metadata().map_err(Refused::Io)?;
    if !meta.is_file() {
        return Err(Refused::NotAFile(kind_of(&meta.file_type())));
    }
    if meta.len() > limit {
        return Err(Refused::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes).map_err(Refused::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Refused::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The bytes of the regular file at `path` (or the one it links to), refused when it is
/// anything else or holds more than `limit` bytes: the kind is checked before opening
/// (a pipe is never opened), then [`read_opened_regular`].
pub fn read_regular_file_limited(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let not_a_file = |kind: &str| io::Error::other(format!("is {kind}, not a regular file"));
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(not_a_file(kind_of(&meta.file_type())));
    }
    read_opened_regular(path, limit).map_err(|refused| match refused {
        Refused::NotAFile(kind) => not_a_file(kind),
        Refused::TooLarge(_) => io::Error::other(format!("larger than {limit} bytes")),
        Refused::Io(e) => e,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_small_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, "0123456789").unwrap();
        assert_eq!(read_regular_file_limited(&file, 10).unwrap(), b"0123456789");
        assert!(read_regular_file_limited(&file, 9).unwrap_err().to_string().contains("larger than 9 bytes"));
        assert!(read_regular_file_limited(dir.path(), 10).unwrap_err().to_string().contains("a folder"));
        #[cfg(unix)]
        {
            assert!(read_regular_file_limited(Path::new("/dev/zero"), 10).unwrap_err().to_string().contains("character device"));
            let pipe = dir.path().join("pipe");
            assert!(std::process::Command::new("mkfifo").arg(&pipe).status().unwrap().success());
            assert!(read_regular_file_limited(&pipe, 10).unwrap_err().to_string().contains("named pipe"));
        }
    }
}
