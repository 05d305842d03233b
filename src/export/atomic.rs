//! Atomic file writes: the new content goes to a temporary file in the same folder, is
//! fsynced, then renamed over the target. A failed or interrupted export therefore never
//! replaces (or truncates) a good file; the reader sees the old file or the new one.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

/// Write `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |f| f.write_all(bytes))
}

/// Write `path` atomically with `fill` producing the content; if `fill` fails, the
/// temporary file is removed and `path` is untouched.
pub fn write_atomic_with(path: &Path, fill: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    if path.is_dir() {
        return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a folder"));
    }
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
    tmp.persist(path).map_err(|e| e.error)?;
    // Make the rename itself durable.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
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
}
