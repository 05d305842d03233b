//! Export writes. A regular file (or a new one) is replaced atomically: the new content
//! goes to a temporary file in the same folder, is fsynced, then renamed over the target,
//! so a failed or interrupted export never replaces (or truncates) a good file; the
//! reader sees the old file or the new one. A symbolic link is written through: the file
//! it points to is replaced and the link stays. A named pipe or a character device
//! (`/dev/stdout`, a tty) is written to as a stream, never replaced; anything else (a
//! folder, a socket, a block device) is refused. Errors never name the temporary file.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// An export target diglot refuses to write. Carried inside an [`io::Error`] so that
/// callers see one error type for every write failure, with its kind.
#[derive(Debug, thiserror::Error)]
pub enum TargetError {
    /// A folder, a socket, a block device: the file kind is named.
    #[error("is {0}; an export goes to a file, a named pipe or a character device")]
    NotWritable(&'static str),
    #[error("too many levels of symbolic links (a link loop?)")]
    LinkLoop,
}

/// Links followed before giving up, as the kernel does (`ELOOP`).
const MAX_LINKS: usize = 40;

/// Write `bytes` to `path`: atomically for files, streamed for pipes and devices.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |f| f.write_all(bytes))
}

/// Write `path` with `fill` producing the content. For a file, if `fill` fails the
/// temporary file is removed and `path` is untouched.
pub fn write_atomic_with(path: &Path, fill: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    // The kernel follows every link here, /proc's too (/dev/stdout → pipe:[…]).
    match std::fs::metadata(path) {
        Ok(m) if is_stream(&m.file_type()) => stream(path, fill, false),
        Ok(m) if m.is_file() => {
            let (target, names_a_descriptor) = follow_links(path)?;
            if names_a_descriptor || !same_file(&m, &target) {
                // An open file descriptor (/dev/stdout, /proc/self/fd/1 redirected to a
                // file): replacing the file would leave the descriptor on the old one, so
                // write to what it opens, after what is there (`>>` keeps it).
                stream(path, fill, true)
            } else {
                replace_file(&target, fill)
            }
        }
        Ok(m) => Err(io::Error::other(TargetError::NotWritable(crate::ingest::file_kind(&m.file_type())))),
        // A new file, or a dangling link whose target is created, as a shell would.
        Err(e) if e.kind() == io::ErrorKind::NotFound => replace_file(&follow_links(path)?.0, fill),
        Err(e) => Err(e),
    }
}

/// Write into what `path` opens, never replacing it.
fn stream(path: &Path, fill: impl FnOnce(&mut File) -> io::Result<()>, append: bool) -> io::Result<()> {
    let mut f = std::fs::OpenOptions::new().write(true).append(append).open(path)?;
    fill(&mut f)?;
    f.flush()
}

/// Whether `path` names the file `m` describes.
fn same_file(m: &std::fs::Metadata, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).is_ok_and(|t| (t.dev(), t.ino()) == (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = (m, path);
        true
    }
}

/// The path at the end of `path`'s chain of symbolic links (which may not exist yet:
/// a dangling link is written through, creating its target, as a shell would), and
/// whether the chain went through a file-descriptor folder (`/proc/…/fd`, `/dev/fd`).
fn follow_links(path: &Path) -> io::Result<(PathBuf, bool)> {
    let mut p = path.to_path_buf();
    let mut names_a_descriptor = false;
    for _ in 0..MAX_LINKS {
        names_a_descriptor |= p.starts_with("/proc") || p.starts_with("/dev/fd");
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&p)?;
                // A relative link is relative to the folder holding it.
                p = match p.parent() {
                    Some(dir) => dir.join(to),
                    None => to,
                };
            }
            _ => return Ok((p, names_a_descriptor)),
        }
    }
    Err(io::Error::other(TargetError::LinkLoop))
}

/// Named pipes and character devices take a stream of bytes and cannot be replaced.
fn is_stream(t: &std::fs::FileType) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        t.is_fifo() || t.is_char_device()
    }
    #[cfg(not(unix))]
    {
        let _ = t;
        false
    }
}

/// Replace (or create) the regular file `path` through a temporary file beside it.
fn replace_file(path: &Path, fill: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // The temporary file's name means nothing to the user: the error names the folder's
    // problem, and the caller names the file asked for.
    let mut tmp = tempfile::Builder::new().prefix(".diglot-export-").tempfile_in(dir).map_err(|e| {
        let why = match e.kind() {
            io::ErrorKind::NotFound => "its folder does not exist".to_string(),
            io::ErrorKind::PermissionDenied => "no permission to write in its folder".to_string(),
            io::ErrorKind::ReadOnlyFilesystem => "its folder is on a read-only file system".to_string(),
            kind => format!("cannot create a file in its folder ({kind})"),
        };
        io::Error::new(e.kind(), why)
    })?;
    fill(tmp.as_file_mut())?;
    tmp.as_file_mut().flush()?;
    tmp.as_file().sync_all()?;
    set_permissions(tmp.as_file(), path);
    tmp.persist(path).map_err(|e| without_path(e.error))?;
    // Make the rename itself durable.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// tempfile adds the temporary file's name to its errors ("… at path .diglot-export-x");
/// the user named another file, and the temporary one is gone: keep only the reason.
fn without_path(e: io::Error) -> io::Error {
    if e.raw_os_error().is_some() {
        return e;
    }
    // tempfile's error type is private and hides the OS error it wraps: cut its message.
    let text = e.to_string();
    match text.find(" at path ") {
        Some(i) => io::Error::new(e.kind(), text[..i].to_string()),
        None => e,
    }
}

/// Keep an existing file's permissions; a new file gets the usual 0644 instead of the
/// temporary file's private 0600.
fn set_permissions(tmp: &File, target: &Path) {
    let perms = match std::fs::metadata(target) {
        Ok(m) => m.permissions(),
        Err(_) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                std::fs::Permissions::from_mode(0o644)
            }
            #[cfg(not(unix))]
            return;
        }
    };
    let _ = tmp.set_permissions(perms);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_names_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let e = write_atomic(&dir.path().join("missing").join("out.md"), b"x").unwrap_err();
        assert_eq!(e.to_string(), "its folder does not exist");
    }

    #[test]
    fn replaces_content_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.md");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn failed_write_keeps_the_good_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.csv");
        std::fs::write(&p, b"good").unwrap();
        let r = write_atomic_with(&p, |f| {
            f.write_all(b"partial")?;
            Err(io::Error::other("disk on fire"))
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read(&p).unwrap(), b"good");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "temp file left behind");
        assert!(write_atomic(dir.path(), b"x").is_err());
        assert!(write_atomic(&dir.path().join("no/such/dir/f"), b"x").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_links_and_streams_into_devices() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("sub/real.md");
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(&real, b"old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink("sub/real.md", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        // A dangling link creates its target; a loop is refused.
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink("made.md", &dangling).unwrap();
        write_atomic(&dangling, b"made").unwrap();
        assert_eq!(std::fs::read(dir.path().join("made.md")).unwrap(), b"made");
        let lp = dir.path().join("loop.md");
        std::os::unix::fs::symlink("loop.md", &lp).unwrap();
        assert!(write_atomic(&lp, b"x").unwrap_err().to_string().contains("symbolic links"));
        // A character device is written to, not replaced.
        write_atomic(Path::new("/dev/null"), b"gone").unwrap();
        use std::os::unix::fs::FileTypeExt;
        assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 5, "temp file left behind");
    }

    #[test]
    fn errors_do_not_name_the_temporary_file() {
        let e = io::Error::new(io::ErrorKind::PermissionDenied, "Permission denied at path \".diglot-export-x\"");
        assert!(!without_path(e).to_string().contains("diglot-export"));
        let os = io::Error::from_raw_os_error(28);
        assert_eq!(without_path(os).raw_os_error(), Some(28));
    }
}
