//! A cache of parsed articles, so that a folder of thousands of saved pages opens in a
//! moment the second time.
//!
//! It is only a cache: a separate SQLite file under the user's cache folder
//! (`$XDG_CACHE_HOME/diglot/articles.db`, or `DIGLOT_CACHE`; `DIGLOT_CACHE=off` turns it
//! off), never the highlight store. Whatever goes wrong with it (unwritable, locked,
//! corrupt, another program's database), diglot reads the files as if it were not there;
//! it never deletes the file. An entry is used only for the same file path, size and
//! modification time, written by the same diglot executable (a rebuilt or upgraded
//! binary may parse differently, so its stamp clears the cache), and only if the
//! article it holds is well formed.

use crate::model::Article;
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

/// What identifies one version of a file on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileKey {
    pub path: String,
    pub size: u64,
    pub modified_ns: i64,
}

impl FileKey {
    /// The key of the file at `path`, by its canonical path (the same file reached from
    /// another working folder is the same entry).
    pub fn of(path: &Path) -> Option<FileKey> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(FileKey {
            path: std::fs::canonicalize(path).ok()?.to_str()?.to_string(),
            size: meta.len(),
            modified_ns: i64::try_from(modified.as_nanos()).ok()?,
        })
    }
}

/// How long after its last change a file is trusted to stay as its timestamp says.
const SETTLE_NS: i64 = 2_000_000_000;

pub struct ArticleCache {
    conn: Connection,
}

/// Where the cache lives: `DIGLOT_CACHE` (a file, or `off`), else the user's cache folder.
pub fn default_location() -> Option<PathBuf> {
    match std::env::var_os("DIGLOT_CACHE") {
        Some(v) if v.is_empty() || v == "off" || v == "0" => None,
        Some(v) => Some(PathBuf::from(v)),
        None => directories::ProjectDirs::from("", "", "diglot").map(|d| d.cache_dir().join("articles.db")),
    }
}

/// Identifies the running executable: a rebuild or an upgrade changes it.
fn executable_stamp() -> String {
    let exe = std::env::current_exe().ok().and_then(|p| std::fs::metadata(p).ok());
    let (size, modified) = exe.map_or((0, 0), |m| {
        let t = m.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos());
        (m.len(), t)
    });
    format!("{} {size} {modified}", env!("CARGO_PKG_VERSION"))
}

impl ArticleCache {
    /// Open (or create) the cache at `path`; `None` if it cannot be used.
    pub fn open(path: &Path) -> Option<ArticleCache> {
        Self::open_stamped(path, &executable_stamp())
    }

    fn open_stamped(path: &Path, stamp: &str) -> Option<ArticleCache> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).ok()?;
        }
        let conn = Connection::open(path).ok()?;
        conn.busy_timeout(Duration::from_millis(500)).ok()?;
        // WAL lets one diglot read while another writes; losing the newest entries to a
        // power cut only costs a re-read, so a cheap sync level is enough.
        let _: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0)).ok()?;
        conn.pragma_update(None, "synchronous", "NORMAL").ok()?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS diglot_cache_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS diglot_cached_article (
                 path TEXT PRIMARY KEY, size INTEGER NOT NULL, modified_ns INTEGER NOT NULL,
                 article TEXT NOT NULL);",
        )
        .ok()?;
        let stored: Option<String> = conn
            .query_row("SELECT value FROM diglot_cache_meta WHERE key = 'stamp'", [], |r| r.get(0))
            .optional()
            .ok()?;
        if stored.as_deref() != Some(stamp) {
            conn.execute_batch("BEGIN IMMEDIATE; DELETE FROM diglot_cached_article;").ok()?;
            conn.execute("INSERT OR REPLACE INTO diglot_cache_meta (key, value) VALUES ('stamp', ?1)", [stamp]).ok()?;
            conn.execute_batch("COMMIT").ok()?;
        }
        Some(ArticleCache { conn })
    }

    /// The article parsed from exactly this version of the file, if cached and sound.
    pub fn get(&self, key: &FileKey) -> Option<Article> {
        let json: String = self
            .conn
            .query_row(
                "SELECT article FROM diglot_cached_article WHERE path = ?1 AND size = ?2 AND modified_ns = ?3",
                params![key.path, key.size as i64, key.modified_ns],
                |r| r.get(0),
            )
            .optional()
            .ok()??;
        let article: Article = serde_json::from_str(&json).ok()?;
        well_formed(&article).then_some(article)
    }

    /// Remember freshly parsed articles, in one transaction; failures are ignored.
    ///
    /// A file modified in the last two seconds is not remembered: it could be written
    /// again within the file system's timestamp granularity, keeping size and time, and
    /// the cache would then hold the old text (git calls such files "racily clean").
    pub fn put_all<'a>(&mut self, entries: impl IntoIterator<Item = (&'a FileKey, &'a Article)>) {
        let now_ns = std::time::SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i64);
        let settled = |k: &FileKey| k.modified_ns < now_ns.saturating_sub(SETTLE_NS);
        let Ok(tx) = self.conn.transaction() else {
            return;
        };
        for (key, article) in entries.into_iter().filter(|(k, _)| settled(k)) {
            let Ok(json) = serde_json::to_string(article) else { continue };
            let _ = tx.execute(
                "INSERT OR REPLACE INTO diglot_cached_article (path, size, modified_ns, article) VALUES (?1, ?2, ?3, ?4)",
                params![key.path, key.size as i64, key.modified_ns, json],
            );
        }
        let _ = tx.commit();
    }

    /// Forget entries for files of `dir` that are no longer there, so the cache does not
    /// grow with every file ever read.
    pub fn forget_missing(&mut self, dir: &Path, present: &[FileKey]) {
        let Ok(dir) = std::fs::canonicalize(dir) else { return };
        let dir = dir.as_path();
        let Some(prefix) = dir.to_str() else { return };
        let Ok(mut stmt) = self.conn.prepare("SELECT path FROM diglot_cached_article WHERE substr(path, 1, ?2) = ?1") else {
            return;
        };
        let cached: Vec<String> = match stmt.query_map(params![prefix, prefix.len() as i64], |r| r.get(0)) {
            Ok(rows) => rows.filter_map(Result::ok).collect(),
            Err(_) => return,
        };
        drop(stmt);
        let present: std::collections::HashSet<&str> = present.iter().map(|k| k.path.as_str()).collect();
        let gone: Vec<&String> = cached
            .iter()
            .filter(|p| Path::new(p.as_str()).parent() == Some(dir) && !present.contains(p.as_str()))
            .collect();
        if gone.is_empty() {
            return;
        }
        let Ok(tx) = self.conn.transaction() else { return };
        for p in gone {
            let _ = tx.execute("DELETE FROM diglot_cached_article WHERE path = ?1", [p]);
        }
        let _ = tx.commit();
    }
}

/// A cached article is used only if it is one ingest could have produced: no control
/// characters, and every range inside the text on character boundaries.
fn well_formed(a: &Article) -> bool {
    let clean = |s: &str| !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t');
    let fits = |r: &std::ops::Range<usize>| {
        r.start <= r.end && r.end <= a.text.len() && a.text.is_char_boundary(r.start) && a.text.is_char_boundary(r.end)
    };
    let m = &a.meta;
    clean(&a.text)
        && [&m.title, &m.author, &m.date, &m.source, &m.url].iter().all(|f| f.as_deref().is_none_or(clean))
        && a.paragraphs.iter().all(|p| fits(&p.range) && p.sentences.iter().all(|s| fits(&s.range)))
        && a.links.iter().all(|l| clean(&l.text) && clean(&l.url) && l.range.as_ref().is_none_or(fits))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(path: &str, size: u64, modified_ns: i64) -> FileKey {
        FileKey { path: path.into(), size, modified_ns }
    }

    fn article(path: &str) -> Article {
        let mut a = crate::ingest::from_plain_text("a", "Title\n\nOne sentence here. Another one.");
        a.path = path.into();
        a
    }

    #[test]
    fn an_entry_is_used_only_for_the_same_file_version_and_executable() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        let a = article("/x/a.txt");
        let k = key("/x/a.txt", 10, 5);
        ArticleCache::open_stamped(&db, "one").unwrap().put_all([(&k, &a)]);
        let cache = ArticleCache::open_stamped(&db, "one").unwrap();
        assert_eq!(cache.get(&k), Some(a.clone()));
        assert_eq!(cache.get(&key("/x/a.txt", 11, 5)), None, "size changed");
        assert_eq!(cache.get(&key("/x/a.txt", 10, 6)), None, "modified again");
        drop(cache);
        assert_eq!(ArticleCache::open_stamped(&db, "two").unwrap().get(&k), None, "another executable");
    }

    #[test]
    fn files_changed_just_now_are_not_cached() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        let now = std::time::SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos() as i64;
        let k = key("/x/a.txt", 10, now);
        ArticleCache::open_stamped(&db, "s").unwrap().put_all([(&k, &article("/x/a.txt"))]);
        assert_eq!(ArticleCache::open_stamped(&db, "s").unwrap().get(&k), None);
    }

    #[test]
    fn tampered_entries_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        let k = key("/x/a.txt", 10, 5);
        let mut bad = article("/x/a.txt");
        bad.text.push_str("\u{1b}[2J");
        let mut out_of_range = article("/x/a.txt");
        out_of_range.paragraphs[0].range.end = 10_000;
        for a in [bad, out_of_range] {
            ArticleCache::open_stamped(&db, "s").unwrap().put_all([(&k, &a)]);
            assert_eq!(ArticleCache::open_stamped(&db, "s").unwrap().get(&k), None);
        }
        let cache = ArticleCache::open_stamped(&db, "s").unwrap();
        cache.conn.execute("UPDATE diglot_cached_article SET article = '{not json'", []).unwrap();
        assert_eq!(cache.get(&k), None);
    }

    #[test]
    fn an_unusable_file_means_no_cache_and_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let junk = dir.path().join("junk.db");
        std::fs::write(&junk, b"this is not a database, and it is somebody's file").unwrap();
        assert!(ArticleCache::open_stamped(&junk, "s").is_none());
        assert_eq!(std::fs::read(&junk).unwrap(), b"this is not a database, and it is somebody's file");
    }

    #[test]
    fn entries_of_deleted_files_are_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        let folder = dir.path().canonicalize().unwrap().join("x");
        std::fs::create_dir(&folder).unwrap();
        let path = |name: &str| folder.join(name).to_str().unwrap().to_string();
        let (ka, kb) = (key(&path("a.txt"), 1, 1), key(&path("b.txt"), 1, 1));
        let (a, b) = (article(&path("a.txt")), article(&path("b.txt")));
        let mut cache = ArticleCache::open_stamped(&db, "s").unwrap();
        cache.put_all([(&ka, &a), (&kb, &b)]);
        cache.forget_missing(dir.path(), &[]);
        assert!(cache.get(&ka).is_some(), "entries of other folders stay");
        cache.forget_missing(&folder, std::slice::from_ref(&ka));
        assert!(cache.get(&ka).is_some());
        assert!(cache.get(&kb).is_none());
    }
}
