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
//!
//! It is also the search index: each article's language, title and text go into an
//! FTS5 table (`unicode61 remove_diacritics 2`, so `operation` finds `opération`),
//! kept in step with the rows as files are added, changed and removed. The layout has a
//! version of its own ([`LAYOUT`]): a cache of another layout is dropped and rebuilt,
//! which costs one re-read and never touches the highlight store (another file).
//!
//! Each row also keeps the article's metadata in a column of its own, so a listing
//! (`diglot list`) reads what it prints without decoding a single article body
//! ([`ArticleCache::metadata_all`]).

pub mod folder;
mod quotes;

use crate::align::pair_index::{self, CREATE_TABLES as PAIR_TABLES, DROP_TABLES as PAIR_DROP};
use crate::align::profile::Profile;
use crate::model::{Article, Metadata};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;
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
        Self::with_metadata(std::fs::canonicalize(path).ok()?, &meta)
    }

    /// The keys of files of the folder `dir`, as [`of`](Self::of) gives them, with
    /// fewer system calls: a file that is not a symbolic link has for canonical path
    /// the folder's (resolved once) joined with its name, and its own metadata.
    pub fn of_folder(dir: &Path, paths: &[std::path::PathBuf]) -> Vec<Option<FileKey>> {
        let canonical_dir = std::fs::canonicalize(dir).ok();
        let key = |p: &std::path::PathBuf| -> Option<FileKey> {
            let own = std::fs::symlink_metadata(p).ok()?;
            match (&canonical_dir, p.file_name()) {
                (Some(d), Some(name)) if !own.file_type().is_symlink() && p.parent() == Some(dir) => {
                    Self::with_metadata(d.join(name), &own)
                }
                _ => Self::of(p),
            }
        };
        paths.iter().map(key).collect()
    }

    fn with_metadata(canonical: std::path::PathBuf, meta: &std::fs::Metadata) -> Option<FileKey> {
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(FileKey {
            path: canonical.to_str()?.to_string(),
            size: meta.len(),
            modified_ns: i64::try_from(modified.as_nanos()).ok()?,
        })
    }
}

/// How long after its last change a file is trusted to stay as its timestamp says.
const SETTLE_NS: i64 = 2_000_000_000;

pub struct ArticleCache {
    conn: Connection,
    /// Files changed more recently than this are not remembered (see `put_all`); zero
    /// for an index that lives only as long as the process.
    settle_ns: i64,
}

/// The version of the tables below; a cache written with another is rebuilt.
/// (7: counterpart profiles in a compact encoding, see `Profile::encode`.)
const LAYOUT: &str = "7";

/// SQLite's page cache for the index connection, in KiB (a negative `cache_size`).
const PAGE_CACHE_KIB: i64 = -16 * 1024;

/// Tables of layout [`LAYOUT`]. The full-text table holds no copy of the text
/// (`content=''`): it is only looked up, and rows are removed by rowid.
const CREATE_TABLES: &str = "
    CREATE TABLE IF NOT EXISTS diglot_cached_article (
        rowid INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,
        modified_ns INTEGER NOT NULL, language TEXT, meta TEXT NOT NULL, article TEXT NOT NULL);
    CREATE VIRTUAL TABLE IF NOT EXISTS diglot_article_text USING fts5(
        title, body, content='', contentless_delete=1,
        tokenize='unicode61 remove_diacritics 2');";

/// One article found by a full-text query: its file (canonical path) and its bm25 rank
/// (lower is better).
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub path: String,
    pub rank: f64,
}

/// Why a full-text query got no answer: the query is not one FTS5 accepts, or the
/// index cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("the search index cannot answer: {0}")]
pub struct SearchError(#[from] rusqlite::Error);

/// Where the cache lives: `DIGLOT_CACHE` (a file, or `off`), else the user's cache folder.
pub fn default_location() -> Option<PathBuf> {
    match std::env::var_os("DIGLOT_CACHE") {
        Some(v) if v.is_empty() || v == "off" || v == "0" => None,
        Some(v) => Some(PathBuf::from(v)),
        None => directories::ProjectDirs::from("", "", "diglot").map(|d| d.cache_dir().join("articles.db")),
    }
}

/// Identifies the running executable: a rebuild or an upgrade changes it. A speaker model
/// swapped in by `DIGLOT_RANKER_MODEL` (evaluation) changes the cached quotes too, so its
/// path, size and time are part of the stamp.
fn executable_stamp() -> String {
    let exe = std::env::current_exe().ok().and_then(|p| std::fs::metadata(p).ok());
    let (size, modified) = size_and_time(exe);
    let model = crate::text::ranker::Ranker::model_file().map(|path| {
        let (size, modified) = size_and_time(std::fs::metadata(&path).ok());
        format!(" model {} {size} {modified}", path.to_string_lossy())
    });
    format!("{} {size} {modified}{}", env!("CARGO_PKG_VERSION"), model.unwrap_or_default())
}

fn size_and_time(meta: Option<std::fs::Metadata>) -> (u64, u128) {
    meta.map_or((0, 0), |m| {
        let t = m.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos());
        (m.len(), t)
    })
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
        // A batch of parsed articles dirties more pages than SQLite's default 2 MB page
        // cache holds (the anchor table is touched all over): with 16 MB they are not
        // spilled and read back before the commit (10k files: 340 -> 150 MB read).
        conn.pragma_update(None, "cache_size", PAGE_CACHE_KIB).ok()?;
        conn.execute_batch("CREATE TABLE IF NOT EXISTS diglot_cache_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);")
            .ok()?;
        let meta = |key: &str| -> Option<Option<String>> {
            conn.query_row("SELECT value FROM diglot_cache_meta WHERE key = ?1", [key], |r| r.get(0)).optional().ok()
        };
        let (layout, stored_stamp) = (meta("layout")?, meta("stamp")?);
        if layout.as_deref() != Some(LAYOUT) {
            // Another layout (an older diglot's cache): drop it whole and start again.
            conn.execute_batch(&format!(
                "BEGIN IMMEDIATE;
                 DROP TABLE IF EXISTS diglot_cached_article; DROP TABLE IF EXISTS diglot_article_text;
                 {}
                 {CREATE_TABLES}
                 {}
                 {PAIR_DROP}
                 {PAIR_TABLES}
                 INSERT OR REPLACE INTO diglot_cache_meta (key, value) VALUES ('layout', '{LAYOUT}');
                 COMMIT;",
                quotes::DROP_TABLES,
                quotes::CREATE_TABLES,
            ))
            .ok()?;
        }
        if stored_stamp.as_deref() != Some(stamp) {
            conn.execute_batch("BEGIN IMMEDIATE; DELETE FROM diglot_cached_article; DELETE FROM diglot_article_text;")
                .ok()?;
            conn.execute_batch(pair_index::CLEAR_TABLES).ok()?;
            conn.execute("INSERT OR REPLACE INTO diglot_cache_meta (key, value) VALUES ('stamp', ?1)", [stamp]).ok()?;
            conn.execute_batch("COMMIT").ok()?;
        }
        Some(ArticleCache { conn, settle_ns: SETTLE_NS })
    }

    /// An empty index in the file `path` for this process only (the reader's, when the
    /// cache is off): a file changed a moment ago is remembered too, since nothing read
    /// from it will outlive the process.
    pub fn temporary(path: &Path) -> Option<ArticleCache> {
        let mut cache = Self::open_stamped(path, "temporary")?;
        cache.settle_ns = 0;
        Some(cache)
    }

    /// An empty index in memory, for a corpus that has no cache file (the bundled one,
    /// or `DIGLOT_CACHE=off`) but must still be searched.
    pub fn in_memory() -> Option<ArticleCache> {
        let conn = Connection::open_in_memory().ok()?;
        conn.execute_batch(CREATE_TABLES).ok()?;
        conn.execute_batch(PAIR_TABLES).ok()?;
        conn.execute_batch(quotes::CREATE_TABLES).ok()?;
        Some(ArticleCache { conn, settle_ns: SETTLE_NS })
    }

    /// The article parsed from exactly this version of the file, if cached and sound.
    pub fn get(&self, key: &FileKey) -> Option<Article> {
        decode(self.stored(key)?)
    }

    /// [`get`](Self::get) for many files: the rows are read in turn, the articles decoded
    /// on every core (decoding is most of the time of a warm start).
    pub fn get_all(&self, keys: &[Option<FileKey>]) -> Vec<Option<Article>> {
        use rayon::prelude::*;
        let read = self.conn.unchecked_transaction().ok();
        let stored: Vec<Option<String>> = keys.iter().map(|k| self.stored(k.as_ref()?)).collect();
        drop(read);
        stored.into_par_iter().map(|json| decode(json?)).collect()
    }

    /// The metadata of exactly these file versions, read from its own column (no article
    /// is decoded); `None` unless every file has a sound entry, since a listing must
    /// then parse the files anyway.
    pub fn metadata_all(&self, keys: &[FileKey]) -> Option<Vec<Metadata>> {
        let keys: Vec<Option<FileKey>> = keys.iter().cloned().map(Some).collect();
        self.metadata_of(&keys).into_iter().collect()
    }

    /// The metadata of each of these file versions the index holds a sound entry for,
    /// decoded on every core (see [`metadata_json_of`](Self::metadata_json_of)).
    pub fn metadata_of(&self, keys: &[Option<FileKey>]) -> Vec<Option<Metadata>> {
        use rayon::prelude::*;
        self.metadata_json_of(keys).into_par_iter().map(|json| decode_metadata(&json?)).collect()
    }

    /// The stored metadata (JSON, to give to [`decode_metadata`]) of each of these file
    /// versions, read with one query per folder (one for a folder's files; a file reached
    /// through a link elsewhere adds its own folder) rather than one per file.
    pub fn metadata_json_of(&self, keys: &[Option<FileKey>]) -> Vec<Option<String>> {
        let mut by_folder: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
        for (i, key) in keys.iter().enumerate() {
            if let Some(k) = key
                && let Some(folder) = Path::new(&k.path).parent().and_then(Path::to_str)
            {
                by_folder.entry(folder).or_default().insert(k.path.as_str(), i);
            }
        }
        let mut stored: Vec<Option<String>> = vec![None; keys.len()];
        // One read transaction for all the rows rather than one (and its locks) per query.
        let read = self.conn.unchecked_transaction().ok();
        for (folder, wanted) in by_folder {
            let _ = self.each_in_folder(folder, |path, size, modified_ns, meta| {
                if let Some(&i) = wanted.get(path)
                    && let Some(key) = &keys[i]
                    && size == key.size as i64
                    && modified_ns == key.modified_ns
                {
                    stored[i] = Some(meta);
                }
            });
        }
        drop(read);
        stored
    }

    /// Each entry of a file in `folder` (or below it): path, size, modification time and
    /// metadata JSON, by one range query on the path's index.
    fn each_in_folder(&self, folder: &str, mut visit: impl FnMut(&str, i64, i64, String)) -> rusqlite::Result<()> {
        let folder = folder.trim_end_matches('/');
        // Paths under "dir/" sort between "dir/" and "dir0" ('0' follows '/').
        let (from, to) = (format!("{folder}/"), format!("{folder}0"));
        let mut stmt = self.conn.prepare_cached(
            "SELECT path, size, modified_ns, meta FROM diglot_cached_article WHERE path > ?1 AND path < ?2",
        )?;
        let mut rows = stmt.query([from, to])?;
        while let Some(row) = rows.next()? {
            let path = row.get_ref(0)?.as_str()?;
            visit(path, row.get(1)?, row.get(2)?, row.get(3)?);
        }
        Ok(())
    }

    /// The stored JSON of the article of exactly this file version (path, size,
    /// modification time; the executable's stamp was checked at [`open`](Self::open)).
    fn stored(&self, key: &FileKey) -> Option<String> {
        self.conn
            .prepare_cached("SELECT article FROM diglot_cached_article WHERE path = ?1 AND size = ?2 AND modified_ns = ?3")
            .ok()?
            .query_row(params![key.path, key.size as i64, key.modified_ns], |r| r.get(0))
            .optional()
            .ok()?
    }

    /// Remember freshly parsed articles, in one transaction; failures are ignored.
    ///
    /// A file modified in the last two seconds is not remembered: it could be written
    /// again within the file system's timestamp granularity, keeping size and time, and
    /// the cache would then hold the old text (git calls such files "racily clean").
    pub fn put_all<'a>(&mut self, entries: impl IntoIterator<Item = (&'a FileKey, &'a Article)>) {
        let now_ns = std::time::SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i64);
        let settled = |k: &FileKey| k.modified_ns < now_ns.saturating_sub(self.settle_ns);
        let entries: Vec<(&FileKey, &Article)> = entries.into_iter().filter(|(k, _)| settled(k)).collect();
        let Ok(tx) = self.conn.transaction() else {
            return;
        };
        // Rows first, full-text entries after: a statement that may need undoing (the
        // upsert of a row) makes SQLite ask FTS5 for a savepoint, which writes FTS5's
        // pending words to disk as a segment of their own. Interleaved, that was one
        // segment per article and most of a cold index's time merging them.
        let mut written: Vec<(i64, bool, &Article)> = Vec::with_capacity(entries.len());
        let mut anchors = Vec::new();
        // Counterpart profiles are computed on every core, a batch at a time.
        for batch in entries.chunks(256) {
            let profiles = pair_index::profiles_of(&batch.iter().map(|e| e.1).collect::<Vec<_>>());
            for ((key, article), profile) in batch.iter().zip(&profiles) {
                if let Ok((rowid, replaced)) = put_row(&tx, key, article, profile, &mut anchors) {
                    written.push((rowid, replaced, article));
                }
            }
        }
        let _ = pair_index::put_anchors(&tx, &mut anchors);
        // Old words out before new words in, for the same reason.
        for (rowid, _, _) in written.iter().filter(|(_, replaced, _)| *replaced) {
            let _ = tx.prepare_cached("DELETE FROM diglot_article_text WHERE rowid = ?1").and_then(|mut s| s.execute([rowid]));
        }
        for (rowid, _, article) in written {
            let _ = put_text(&tx, rowid, article);
        }
        let _ = tx.commit();
    }

    /// The database, for the counterpart index ([`crate::align::pair_index`]) kept in it.
    pub(crate) fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Whether the index holds an article for the file at this canonical path.
    pub fn holds(&self, path: &str) -> bool {
        self.conn
            .prepare_cached("SELECT 1 FROM diglot_cached_article WHERE path = ?1")
            .and_then(|mut s| s.exists([path]))
            .unwrap_or(false)
    }

    /// How many articles the index holds.
    pub fn len(&self) -> usize {
        self.conn.query_row("SELECT count(*) FROM diglot_cached_article", [], |r| r.get::<_, i64>(0)).map_or(0, |n| n as usize)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Articles matching a full-text query (FTS5 syntax, see [`crate::index::query`]),
    /// best first by bm25, a word in the title weighing five in the body.
    pub fn search(&self, fts_query: &str) -> Result<Vec<Hit>, SearchError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.path, bm25(diglot_article_text, 5.0, 1.0) AS rank
             FROM diglot_article_text JOIN diglot_cached_article a ON a.rowid = diglot_article_text.rowid
             WHERE diglot_article_text MATCH ?1 ORDER BY rank, a.path",
        )?;
        let rows = stmt.query_map([fts_query], |r| Ok(Hit { path: r.get(0)?, rank: r.get(1)? }))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Forget entries for files of `dir` that are no longer there, so the cache does not
    /// grow with every file ever read.
    /// Returns how many were forgotten.
    pub fn forget_missing(&mut self, dir: &Path, present: &[FileKey]) -> usize {
        let Ok(dir) = std::fs::canonicalize(dir) else { return 0 };
        let dir = dir.as_path();
        let Some(prefix) = dir.to_str() else { return 0 };
        let Ok(mut stmt) = self.conn.prepare("SELECT path FROM diglot_cached_article WHERE substr(path, 1, ?2) = ?1") else {
            return 0;
        };
        let cached: Vec<String> = match stmt.query_map(params![prefix, prefix.len() as i64], |r| r.get(0)) {
            Ok(rows) => rows.filter_map(Result::ok).collect(),
            Err(_) => return 0,
        };
        drop(stmt);
        let present: std::collections::HashSet<&str> = present.iter().map(|k| k.path.as_str()).collect();
        let gone: Vec<&String> = cached
            .iter()
            .filter(|p| Path::new(p.as_str()).parent() == Some(dir) && !present.contains(p.as_str()))
            .collect();
        if gone.is_empty() {
            return 0;
        }
        let Ok(tx) = self.conn.transaction() else { return 0 };
        let mut removed = 0;
        for p in gone {
            if remove_one(&tx, p).is_ok() {
                removed += 1;
            }
        }
        if tx.commit().is_err() {
            return 0;
        }
        removed
    }
}

/// Write one article's row and its counterpart profile (replacing those of an older
/// version of the file, whose rowid it keeps); returns the rowid and whether an older
/// version was replaced.
fn put_row(
    tx: &rusqlite::Transaction<'_>,
    key: &FileKey,
    article: &Article,
    profile: &Profile,
    anchors: &mut Vec<(i64, i64, i64)>,
) -> rusqlite::Result<(i64, bool)> {
    let (json, meta) = (to_json(article)?, to_json(&article.meta)?);
    let replaced = tx
        .prepare_cached("SELECT 1 FROM diglot_cached_article WHERE path = ?1")?
        .exists([&key.path])?;
    let rowid: i64 = tx.prepare_cached(
        "INSERT INTO diglot_cached_article (path, size, modified_ns, language, meta, article) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(path) DO UPDATE SET size = excluded.size, modified_ns = excluded.modified_ns,
             language = excluded.language, meta = excluded.meta, article = excluded.article
         RETURNING rowid",
    )?
    .query_row(params![key.path, key.size as i64, key.modified_ns, article.meta.language, meta, json], |r| r.get(0))?;
    pair_index::put(tx, rowid, &key.path, profile, anchors)?;
    Ok((rowid, replaced))
}

/// Write the full-text entry of the article at `rowid` (an older version's is gone).
fn put_text(tx: &rusqlite::Transaction<'_>, rowid: i64, article: &Article) -> rusqlite::Result<()> {
    tx.prepare_cached("INSERT INTO diglot_article_text (rowid, title, body) VALUES (?1, ?2, ?3)")?
        .execute(params![rowid, article.meta.title.as_deref().unwrap_or(""), article.text])?;
    Ok(())
}

fn to_json(value: &impl serde::Serialize) -> rusqlite::Result<String> {
    serde_json::to_string(value).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

fn remove_one(tx: &rusqlite::Transaction<'_>, path: &str) -> rusqlite::Result<()> {
    let rowid: Option<i64> =
        tx.query_row("DELETE FROM diglot_cached_article WHERE path = ?1 RETURNING rowid", [path], |r| r.get(0)).optional()?;
    if let Some(rowid) = rowid {
        tx.execute("DELETE FROM diglot_article_text WHERE rowid = ?1", [rowid])?;
        pair_index::remove(tx, rowid)?;
    }
    Ok(())
}

fn decode(json: String) -> Option<Article> {
    let article: Article = serde_json::from_str(&json).ok()?;
    well_formed(&article).then_some(article)
}

/// A cached article is used only if it is one ingest could have produced: no control
/// characters, and every range inside the text on character boundaries.
fn well_formed(a: &Article) -> bool {
    let fits = |r: &std::ops::Range<usize>| {
        r.start <= r.end && r.end <= a.text.len() && a.text.is_char_boundary(r.start) && a.text.is_char_boundary(r.end)
    };
    clean(&a.text)
        && clean_metadata(&a.meta)
        && a.paragraphs.iter().all(|p| fits(&p.range) && p.sentences.iter().all(|s| fits(&s.range)))
        && a.links.iter().all(|l| clean(&l.text) && clean(&l.url) && l.range.as_ref().is_none_or(fits))
}

/// Metadata stored by [`ArticleCache::metadata_json_of`], if sound.
pub fn decode_metadata(json: &str) -> Option<Metadata> {
    serde_json::from_str(json).ok().filter(clean_metadata)
}

/// No control character in the metadata a listing prints.
fn clean_metadata(m: &Metadata) -> bool {
    [&m.title, &m.author, &m.date, &m.source, &m.url].iter().all(|f| f.as_deref().is_none_or(clean))
}

fn clean(s: &str) -> bool {
    !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
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
    fn metadata_is_read_only_when_every_file_has_a_sound_entry() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        let (ka, kb) = (key("/x/a.txt", 10, 5), key("/x/b.txt", 10, 5));
        let (a, b) = (article("/x/a.txt"), article("/x/b.txt"));
        let cache = {
            let mut c = ArticleCache::open_stamped(&db, "s").unwrap();
            c.put_all([(&ka, &a), (&kb, &b)]);
            c
        };
        assert_eq!(cache.metadata_all(&[ka.clone(), kb.clone()]), Some(vec![a.meta.clone(), b.meta.clone()]));
        assert_eq!(cache.metadata_all(&[ka.clone(), key("/x/b.txt", 11, 5)]), None, "one file changed");
        assert_eq!(cache.metadata_all(&[ka.clone(), key("/x/c.txt", 10, 5)]), None, "one file never read");
        // Files of two folders (one reached through a link), and one of a folder below.
        let mut cache = cache;
        let (kc, kd) = (key("/y/c.txt", 10, 5), key("/x/sub/d.txt", 10, 5));
        cache.put_all([(&kc, &article("/y/c.txt")), (&kd, &article("/x/sub/d.txt"))]);
        let all = [Some(ka.clone()), Some(kc), None, Some(kd), Some(key("/x/e.txt", 1, 1))];
        assert_eq!(cache.metadata_of(&all).iter().map(Option::is_some).collect::<Vec<_>>(), [true, true, false, true, false]);
        cache.conn.execute("UPDATE diglot_cached_article SET meta = json_set(meta, '$.title', 'a' || char(27) || 'b')", []).unwrap();
        assert_eq!(cache.metadata_all(&[ka]), None, "an escape in a title");
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

    fn titled(path: &str, title: &str, body: &str) -> Article {
        let mut a = crate::ingest::from_plain_text("a", &format!("{title}\n\n{body}"));
        a.path = path.into();
        a
    }

    fn found(cache: &ArticleCache, fts: &str) -> Vec<String> {
        cache.search(fts).unwrap().into_iter().map(|h| h.path).collect()
    }

    #[test]
    fn full_text_folds_accents_and_follows_changes_and_removals() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        let folder = dir.path().canonicalize().unwrap();
        let path = |name: &str| folder.join(name).to_str().unwrap().to_string();
        let (ka, kb) = (key(&path("a.txt"), 1, 1), key(&path("b.txt"), 1, 1));
        let a = titled(&path("a.txt"), "Une opération de police", "Les enquêteurs ont saisi des téléphones.");
        let b = titled(&path("b.txt"), "Weather", "Rain is expected, and the police say roads are wet.");
        let mut cache = ArticleCache::open_stamped(&db, "s").unwrap();
        cache.put_all([(&ka, &a), (&kb, &b)]);
        assert_eq!(found(&cache, "operation"), [path("a.txt")]);
        assert_eq!(found(&cache, "\"saisi des\""), [path("a.txt")]);
        assert_eq!(found(&cache, "telephone*"), [path("a.txt")]);
        // In the title of one and the body of the other: the title ranks first.
        assert_eq!(found(&cache, "police"), [path("a.txt"), path("b.txt")]);
        // A new version of b replaces its words; a removed file leaves the index.
        let b2 = titled(&path("b.txt"), "Weather", "Sunshine all week.");
        cache.put_all([(&key(&path("b.txt"), 2, 2), &b2)]);
        assert_eq!(found(&cache, "police"), [path("a.txt")]);
        assert_eq!(found(&cache, "sunshine"), [path("b.txt")]);
        assert_eq!(cache.forget_missing(&folder, std::slice::from_ref(&kb)), 1);
        assert!(found(&cache, "operation").is_empty());
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn a_query_fts5_rejects_is_a_search_error_not_a_panic() {
        let cache = ArticleCache::in_memory().unwrap();
        let err = cache.search("\"unclosed").unwrap_err();
        assert!(matches!(err, SearchError(_)));
        assert!(err.to_string().starts_with("the search index cannot answer"), "{err}");
    }

    #[test]
    fn a_cache_of_an_older_layout_is_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        {
            let old = Connection::open(&db).unwrap();
            old.execute_batch(
                "CREATE TABLE diglot_cache_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                 INSERT INTO diglot_cache_meta VALUES ('stamp', 's');
                 CREATE TABLE diglot_cached_article (path TEXT PRIMARY KEY, size INTEGER NOT NULL,
                     modified_ns INTEGER NOT NULL, article TEXT NOT NULL);
                 INSERT INTO diglot_cached_article VALUES ('/x/a.txt', 10, 5, '{}');",
            )
            .unwrap();
        }
        let mut cache = ArticleCache::open_stamped(&db, "s").unwrap();
        assert!(cache.is_empty());
        let (k, a) = (key("/x/a.txt", 10, 5), titled("/x/a.txt", "Title", "Some words here."));
        cache.put_all([(&k, &a)]);
        assert_eq!(cache.get(&k), Some(a));
        assert_eq!(found(&cache, "words"), ["/x/a.txt"]);
    }
}
