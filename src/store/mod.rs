//! The SQLite state store: highlights and triage state (issue 6).
//!
//! Durability rules, because a highlight is the one thing the user creates:
//! - WAL journal + `synchronous=FULL`: every acknowledged write is fsynced to the WAL
//!   before the call returns, so it survives kill -9 and power loss. (NORMAL would be
//!   crash-safe but could lose the last commits on power loss.)
//! - A busy timeout lets two diglot processes share one store; writes that read first
//!   use `BEGIN IMMEDIATE` so they wait for the lock instead of failing.
//! - Schema changes go through versioned migrations (`PRAGMA user_version`). A store from
//!   a newer diglot, another program's database, a corrupt, locked or read-only file all
//!   give an error naming the file; nothing is ever reset or deleted.

pub mod anchor;
pub mod schema;

use crate::model::{Article, Highlight, HighlightText, Triage};
use crate::util::clock;
use crate::util::hash::text_hash;
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, params};
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;


/// How long a write waits for another process holding the store before giving up.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A store problem, shown as `PATH: reason`.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct StoreError {
    pub path: String,
    /// What happened and what to do, in words (SQLite's own message is often cryptic).
    pub reason: String,
    /// The SQLite or file-system error behind it, when there is one.
    #[source]
    pub cause: Option<Arc<dyn std::error::Error + Send + Sync>>,
}

impl StoreError {
    fn new(path: &str, reason: impl Into<String>) -> StoreError {
        StoreError { path: path.to_string(), reason: reason.into(), cause: None }
    }

    fn caused_by(mut self, cause: impl std::error::Error + Send + Sync + 'static) -> StoreError {
        self.cause = Some(Arc::new(cause));
        self
    }

    /// An SQLite error on the store at `path`, described for a person.
    fn sqlite(path: &str, e: rusqlite::Error, busy_timeout: Duration) -> StoreError {
        StoreError::new(path, describe(&e, busy_timeout)).caused_by(e)
    }
}

/// A highlight about to be saved: a [`Highlight`] whose `id` and `created` the store
/// has yet to assign.
pub type NewHighlight = Highlight;

impl HighlightText {
    /// The text of `range` (byte offsets, widened to char boundaries and clamped to the
    /// text) in `article`, with its anchoring hash and context.
    pub fn from_range(article: &Article, range: Range<usize>) -> HighlightText {
        let range = anchor::clamp_range(&article.text, range);
        let (context_before, context_after) = anchor::context(&article.text, &range);
        HighlightText {
            article: article.id.clone(),
            language: article.meta.language.clone(),
            text_hash: text_hash(&article.text),
            text: article.text[range.clone()].to_string(),
            start: range.start,
            end: range.end,
            context_before,
            context_after,
            orphaned: false,
        }
    }
}

impl Highlight {
    /// A highlight of `range` (byte offsets, widened to char boundaries and clamped to
    /// the text) in `article`, with its anchoring hash and context.
    pub fn from_range(article: &Article, range: Range<usize>, speaker: Option<String>) -> Highlight {
        Highlight { passage: HighlightText::from_range(article, range), speaker, ..Highlight::default() }
    }

    /// A bilingual highlight of one row of the side-by-side view: sentences
    /// `original_sentences` of `original` (indices into `Article::sentences()`), with
    /// sentences `counterpart_sentences` of `counterpart` as its second text. A side with
    /// no sentence (a one-sided row) gives a highlight of the other text alone; `None`
    /// when neither side has a sentence.
    pub fn of_row(
        original: &Article,
        original_sentences: Range<usize>,
        counterpart: &Article,
        counterpart_sentences: Range<usize>,
        speaker: Option<String>,
    ) -> Option<Highlight> {
        let pair = sentences_span(counterpart, counterpart_sentences).map(|r| HighlightText::from_range(counterpart, r));
        match sentences_span(original, original_sentences) {
            Some(range) => Some(Highlight { counterpart: pair, ..Highlight::from_range(original, range, speaker) }),
            None => pair.map(|passage| Highlight { passage, speaker, ..Highlight::default() }),
        }
    }
}

/// The byte range from the first to the last of `sentences` of `article`.
pub fn sentences_span(article: &Article, sentences: Range<usize>) -> Option<Range<usize>> {
    if sentences.is_empty() {
        return None;
    }
    let mut spans = article.sentences().skip(sentences.start).take(sentences.len()).map(|(_, s)| s.range.clone());
    let first = spans.next()?;
    let end = spans.last().map_or(first.end, |r| r.end);
    Some(first.start..end)
}

/// What [`Store::reanchor`] did, counted per text (a bilingual highlight has two).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReanchorReport {
    /// Article text unchanged (or the text still at its offsets).
    pub unchanged: usize,
    /// Found again at new offsets.
    pub moved: usize,
    /// Text no longer in the article: kept, flagged orphaned.
    pub orphaned: usize,
    /// Highlights whose article was not among those given: left as they were.
    pub missing_article: usize,
    /// Ids of highlights with a text newly flagged orphaned by this run.
    pub newly_orphaned: Vec<i64>,
}

/// Which text of a highlight a re-anchoring change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Original,
    Counterpart,
}

impl Side {
    /// Column-name prefix of this side's anchoring columns.
    fn prefix(self) -> &'static str {
        match self {
            Side::Original => "",
            Side::Counterpart => "pair_",
        }
    }
}

/// One write planned by re-anchoring.
enum AnchorChange {
    Found { id: i64, side: Side, hash: String, range: Range<usize>, before: String, after: String, text: String },
    Orphaned { id: i64, side: Side },
}

/// The anchoring of one text of a highlight, as stored.
struct Anchor<'a> {
    article: &'a str,
    text_hash: &'a str,
    text: &'a str,
    range: Range<usize>,
    before: &'a str,
    after: &'a str,
    orphaned: bool,
}

impl<'a> Anchor<'a> {
    fn of(h: &'a Highlight) -> impl Iterator<Item = (Side, Anchor<'a>)> {
        let original = Anchor {
            article: &h.passage.article,
            text_hash: &h.passage.text_hash,
            text: &h.passage.text,
            range: h.passage.start..h.passage.end,
            before: &h.passage.context_before,
            after: &h.passage.context_after,
            orphaned: h.passage.orphaned,
        };
        let pair = h.counterpart.as_ref().map(|c| Anchor {
            article: &c.article,
            text_hash: &c.text_hash,
            text: &c.text,
            range: c.start..c.end,
            before: &c.context_before,
            after: &c.context_after,
            orphaned: c.orphaned,
        });
        std::iter::once((Side::Original, original)).chain(pair.map(|p| (Side::Counterpart, p)))
    }
}

/// The connection to one store file.
pub struct Store {
    conn: Connection,
    /// The store file (none in memory).
    file: Option<PathBuf>,
    /// Shown in every error message.
    path: String,
    busy_timeout: Duration,
    /// None when writable.
    read_only: Option<ReadOnlyMode>,
}

/// How a store is opened when it cannot be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnlyMode {
    /// SQLite's read-only mode: sees other processes' changes, but a WAL store needs its
    /// index file (`-shm`) to exist or to be creatable beside it.
    Shared,
    /// SQLite's `immutable` URI mode: the main file alone, no locks and no `-shm`, for a
    /// store in a folder that cannot be written. Changes still in a `-wal` file are not
    /// seen.
    Immutable,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish_non_exhaustive()
    }
}

const HIGHLIGHT_COLUMNS: &str = "id, article, text_hash, text, start, end, context_before, \
     context_after, speaker, note, tag, created, orphaned, pair_article, pair_language, \
     pair_text_hash, pair_text, pair_start, pair_end, pair_context_before, pair_context_after, \
     pair_orphaned";

impl Store {
    /// `$XDG_DATA_HOME/diglot/diglot.db` (or the platform's data folder).
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "diglot").map(|d| d.data_dir().join("diglot.db"))
    }

    /// Open (creating when absent) the store at `path`, migrating it to the current
    /// schema. Fails with a message naming the file; never resets an existing file.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Self::open_with_timeout(path, DEFAULT_BUSY_TIMEOUT)
    }

    /// [`Store::open`] with a chosen busy timeout (tests use a short one).
    pub fn open_with_timeout(path: &Path, busy_timeout: Duration) -> Result<Store, StoreError> {
        let shown = path.display().to_string();
        let fail = |reason: String| StoreError::new(&shown, reason);
        if path.as_os_str().is_empty() {
            return Err(fail("an empty path is not a store file (check --db / DIGLOT_DB)".into()));
        }
        if path.is_dir() {
            return Err(fail("is a folder, not a store file".into()));
        }
        not_a_special_file(path).map_err(fail)?;
        // SQLite gives ":memory:" and "file:…" names special meanings; a user's file
        // name must always mean a file, or highlights would silently vanish.
        let literal;
        let path = if path.to_str().is_some_and(|s| s == ":memory:" || s.starts_with("file:")) {
            literal = Path::new(".").join(path);
            literal.as_path()
        } else {
            path
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| fail(format!("cannot create the folder {}: {e}", parent.display())).caused_by(e))?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::sqlite(&shown, e, busy_timeout))?;
        let mut store = Store { conn, file: Some(path.to_path_buf()), path: shown, busy_timeout, read_only: None };
        store.prepare(true)?;
        Ok(store)
    }

    /// Open an existing store without ever writing to it (listing and exporting from a
    /// store on read-only media). Fails when the store needs a migration. A WAL store
    /// whose folder cannot be written has no `-shm` index and cannot get one, so it is
    /// then opened as immutable (see [`ReadOnlyMode`]); while another process uses the
    /// store its `-shm` exists, so an immutable read never races a writer.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        match Self::open_read_only_as(path, ReadOnlyMode::Shared) {
            Err(e) if path.is_file() && !sidecar(path, "-shm").exists() => {
                Self::open_read_only_as(path, ReadOnlyMode::Immutable).map_err(|_| e)
            }
            other => other,
        }
    }

    /// [`Store::open_read_only`] in the given mode only.
    pub fn open_read_only_as(path: &Path, mode: ReadOnlyMode) -> Result<Store, StoreError> {
        let shown = path.display().to_string();
        let fail = |reason: String| StoreError::new(&shown, reason);
        not_a_special_file(path).map_err(fail)?;
        if !path.is_file() {
            return Err(fail("no such store file".into()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = match mode {
            ReadOnlyMode::Shared => Connection::open_with_flags(path, flags),
            ReadOnlyMode::Immutable => {
                let uri = immutable_uri(path).map_err(|e| fail(format!("cannot name the store: {e}")).caused_by(e))?;
                Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
            }
        }
        .map_err(|e| StoreError::sqlite(&shown, e, DEFAULT_BUSY_TIMEOUT))?;
        let mut store = Store {
            conn,
            file: Some(path.to_path_buf()),
            path: shown,
            busy_timeout: DEFAULT_BUSY_TIMEOUT,
            read_only: Some(mode),
        };
        store.prepare(false)?;
        Ok(store)
    }

    /// How the store was opened when it is read-only.
    pub fn read_only_mode(&self) -> Option<ReadOnlyMode> {
        self.read_only
    }

    /// What a user reading from an immutable store should know, if anything.
    pub fn read_only_caveat(&self) -> Option<String> {
        if self.read_only != Some(ReadOnlyMode::Immutable) {
            return None;
        }
        let mut note = "read as an unchanging file (its folder cannot be written)".to_string();
        let wal = self.file.as_deref().map(|f| sidecar(f, "-wal"));
        if let Some(wal) = wal.filter(|w| std::fs::metadata(w).is_ok_and(|m| m.len() > 0)) {
            note.push_str(&format!(
                "; {} holds changes that cannot be read without writing the folder: the latest may be missing",
                wal.display()
            ));
        }
        Some(note)
    }

    /// A private store that vanishes when dropped (tests, `--db :memory:`-like use).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory()
            .map_err(|e| StoreError::new(":memory:", e.to_string()).caused_by(e))?;
        let mut store =
            Store { conn, file: None, path: ":memory:".into(), busy_timeout: DEFAULT_BUSY_TIMEOUT, read_only: None };
        store.prepare(true)?;
        Ok(store)
    }

    /// The file this store was opened from, as shown in messages.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The schema version of the open store.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|e| self.err(e))
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.path, e, self.busy_timeout)
    }

    fn fail(&self, reason: impl Into<String>) -> StoreError {
        StoreError::new(&self.path, reason)
    }

    /// Check the file is a diglot store we can use, set the pragmas and migrate.
    fn prepare(&mut self, writable: bool) -> Result<(), StoreError> {
        self.conn.busy_timeout(self.busy_timeout).map_err(|e| self.err(e))?;
        // The first read of the header: garbage fails here with "not a database".
        let (version, app_id, tables) = self.identify()?;
        if version > schema::LATEST {
            return Err(self.fail(format!(
                "this store was written by a newer diglot (schema version {version}; this \
                 diglot knows up to {}). Upgrade diglot; the store was left untouched",
                schema::LATEST
            )));
        }
        if app_id != 0 && app_id != schema::APPLICATION_ID {
            return Err(self.fail(
                "an SQLite database that belongs to another program, not a diglot store; \
                 it was left untouched",
            ));
        }
        if app_id == 0 && version == 0 && tables > 0 {
            return Err(self.fail(
                "an SQLite database with tables of its own, not a diglot store; it was left untouched",
            ));
        }
        if !writable {
            if version < schema::LATEST {
                return Err(self.fail("the store needs an upgrade, which cannot be done read-only"));
            }
            return Ok(());
        }
        if self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
            return Err(self.fail(
                "the store is read-only (check the permissions of the file and its folder); \
                 highlights cannot be saved",
            ));
        }
        self.enable_wal()?;
        self.conn
            .execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
            .map_err(|e| self.err(e))?;
        self.migrate()
    }

    /// (user_version, application_id, number of tables) of the open file, read by one
    /// statement, so from one snapshot: read one by one, another process creating the
    /// store between the reads could show its tables with a version still 0, and a new
    /// store would be refused as another program's database.
    fn identify(&self) -> Result<(i64, i32, i64), StoreError> {
        self.conn
            .query_row(
                "SELECT (SELECT user_version FROM pragma_user_version), \
                        (SELECT application_id FROM pragma_application_id), \
                        (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%')",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(|e| self.err(e))
    }

    /// Switch to WAL. Changing the journal mode needs a moment of exclusive access, and
    /// SQLite reports a busy store here without waiting, so retry until the busy timeout.
    fn enable_wal(&self) -> Result<(), StoreError> {
        let deadline = std::time::Instant::now() + self.busy_timeout;
        loop {
            match self.conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0)) {
                Ok(_) => return Ok(()),
                Err(e) if is_busy(&e) && std::time::Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) => return Err(self.err(e)),
            }
        }
    }

    /// Apply each pending migration in its own IMMEDIATE transaction, re-reading the
    /// version inside it so two processes opening a new store at once migrate it once.
    fn migrate(&self) -> Result<(), StoreError> {
        // Most opens find the store current: no write lock needed.
        let current = self.schema_version()?;
        if current == schema::LATEST {
            return Ok(());
        }
        if current >= 1 {
            self.backup_before_upgrade(current)?;
        }
        loop {
            let tx = self.begin_immediate()?;
            let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|e| self.err(e))?;
            if version > schema::LATEST {
                return Err(self.fail(format!(
                    "this store was written by a newer diglot (schema version {version}); left untouched"
                )));
            }
            if version == schema::LATEST {
                return Ok(());
            }
            let sql = schema::MIGRATIONS[version as usize];
            let result = tx
                .execute_batch(sql)
                .and_then(|()| tx.pragma_update(None, "user_version", version + 1))
                .and_then(|()| tx.pragma_update(None, "application_id", schema::APPLICATION_ID))
                .and_then(|()| tx.commit());
            if let Err(e) = result {
                return Err(self.fail(format!(
                    "upgrading the store from schema version {version} to {} failed ({}); \
                     the store was left at version {version}",
                    version + 1,
                    describe(&e, self.busy_timeout)
                )));
            }
        }
    }

    /// A transaction holding the write lock from its start (waits up to the busy timeout).
    fn begin_immediate(&self) -> Result<rusqlite::Transaction<'_>, StoreError> {
        rusqlite::Transaction::new_unchecked(&self.conn, rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| self.err(e))
    }

    /// Before upgrading a store that holds data, keep a consistent copy of it beside the
    /// store (`diglot.db.v1.bak`), so even a faulty migration cannot lose highlights.
    fn backup_before_upgrade(&self, version: i64) -> Result<(), StoreError> {
        let Some(file) = &self.file else { return Ok(()) };
        let mut name = file.clone().into_os_string();
        name.push(format!(".v{version}.bak"));
        let backup = PathBuf::from(name);
        if backup.exists() {
            return Ok(());
        }
        let target = backup.to_string_lossy().into_owned();
        if let Err(e) = self.conn.execute("VACUUM INTO ?1", [&target]) {
            // Another diglot opening the same store at once may have just made it.
            if !backup.exists() {
                return Err(self.fail(format!(
                    "could not back up the store to {target} before upgrading it ({}); nothing was changed",
                    describe(&e, self.busy_timeout)
                )));
            }
        }
        Ok(())
    }

    // ---- highlights ----

    /// Save a highlight; returns it with its new id and creation time. When this
    /// returns, the highlight is on disk.
    pub fn add_highlight(&self, new: &NewHighlight) -> Result<Highlight, StoreError> {
        let saved = Highlight {
            id: 0,
            created: clock::now_rfc3339(),
            note: clean_opt(new.note.as_deref()),
            tag: clean_opt(new.tag.as_deref()),
            passage: HighlightText { orphaned: false, ..new.passage.clone() },
            counterpart: new.counterpart.clone().map(|c| HighlightText { orphaned: false, ..c }),
            ..new.clone()
        };
        self.insert_highlight(&saved, false)?;
        Ok(Highlight { id: self.conn.last_insert_rowid(), ..saved })
    }

    /// Save a bilingual highlight of one side-by-side row (see [`Highlight::of_row`]),
    /// speaker recorded; `None` when the row has no sentence.
    pub fn save_bilingual_highlight(
        &self,
        original: &Article,
        original_sentences: Range<usize>,
        counterpart: &Article,
        counterpart_sentences: Range<usize>,
        speaker: Option<String>,
    ) -> Result<Option<Highlight>, StoreError> {
        Highlight::of_row(original, original_sentences, counterpart, counterpart_sentences, speaker)
            .map(|h| self.add_highlight(&h))
            .transpose()
    }

    /// Insert `h` as it is, under its own id when `with_id` (restoring), else a new one.
    fn insert_highlight(&self, h: &Highlight, with_id: bool) -> Result<(), StoreError> {
        let pair = h.counterpart.as_ref();
        // A restored id already back is left alone; a new highlight must be inserted.
        let verb = if with_id { "INSERT OR IGNORE" } else { "INSERT" };
        // One placeholder per column, in the order of HIGHLIGHT_COLUMNS (the params below).
        let placeholders: Vec<String> = (1..=HIGHLIGHT_COLUMNS.split(',').count()).map(|i| format!("?{i}")).collect();
        let sql = format!("{verb} INTO highlights ({HIGHLIGHT_COLUMNS}) VALUES ({})", placeholders.join(", "));
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut stmt| {
                stmt.execute(params![
                    with_id.then_some(h.id),
                    h.passage.article,
                    h.passage.text_hash,
                    h.passage.text,
                    to_i64(h.passage.start),
                    to_i64(h.passage.end),
                    h.passage.context_before,
                    h.passage.context_after,
                    h.speaker,
                    h.note,
                    h.tag,
                    h.created,
                    h.passage.orphaned,
                    pair.map(|p| &p.article),
                    pair.and_then(|p| p.language.as_ref()),
                    pair.map_or("", |p| &p.text_hash),
                    pair.map_or("", |p| &p.text),
                    pair.map_or(0, |p| to_i64(p.start)),
                    pair.map_or(0, |p| to_i64(p.end)),
                    pair.map_or("", |p| &p.context_before),
                    pair.map_or("", |p| &p.context_after),
                    pair.is_some_and(|p| p.orphaned),
                ])
            })
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// Save many highlights in one transaction (imports, benchmarks): all or none.
    pub fn add_highlights(&self, news: &[NewHighlight]) -> Result<Vec<Highlight>, StoreError> {
        let tx = self.begin_immediate()?;
        let mut saved = Vec::with_capacity(news.len());
        for n in news {
            saved.push(self.add_highlight(n)?);
        }
        tx.commit().map_err(|e| self.err(e))?;
        Ok(saved)
    }

    /// Every highlight (of one article when given), oldest first.
    pub fn highlights(&self, article: Option<&str>) -> Result<Vec<Highlight>, StoreError> {
        let sql = match article {
            Some(_) => format!("SELECT {HIGHLIGHT_COLUMNS} FROM highlights WHERE article = ?1 ORDER BY id"),
            None => format!("SELECT {HIGHLIGHT_COLUMNS} FROM highlights ORDER BY id"),
        };
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = match article {
            Some(a) => stmt.query_map([a], row_to_highlight),
            None => stmt.query_map([], row_to_highlight),
        }
        .map_err(|e| self.err(e))?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| self.err(e))
    }

    /// One highlight by id.
    pub fn highlight(&self, id: i64) -> Result<Option<Highlight>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {HIGHLIGHT_COLUMNS} FROM highlights WHERE id = ?1"),
                [id],
                row_to_highlight,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Delete a highlight; returns what was deleted so it can be restored (undo).
    pub fn remove_highlight(&self, id: i64) -> Result<Option<Highlight>, StoreError> {
        self.conn
            .query_row(
                &format!("DELETE FROM highlights WHERE id = ?1 RETURNING {HIGHLIGHT_COLUMNS}"),
                [id],
                row_to_highlight,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Put back a removed highlight under its old id (ids are never reused, so the id is
    /// free unless it was already restored, in which case this does nothing).
    pub fn restore_highlight(&self, h: &Highlight) -> Result<(), StoreError> {
        self.insert_highlight(h, true)
    }

    /// Set a highlight's note and tag (`None` or blank clears them).
    pub fn update_highlight(&self, id: i64, note: Option<&str>, tag: Option<&str>) -> Result<(), StoreError> {
        let n = self
            .conn
            .execute(
                "UPDATE highlights SET note = ?2, tag = ?3 WHERE id = ?1",
                params![id, clean_opt(note), clean_opt(tag)],
            )
            .map_err(|e| self.err(e))?;
        if n == 0 {
            return Err(self.fail(format!("no highlight with id {id}")));
        }
        Ok(())
    }

    /// Set only the note.
    pub fn set_note(&self, id: i64, note: Option<&str>) -> Result<(), StoreError> {
        self.set_text_field("UPDATE highlights SET note = ?2 WHERE id = ?1", id, note)
    }

    /// Set only the tag.
    pub fn set_tag(&self, id: i64, tag: Option<&str>) -> Result<(), StoreError> {
        self.set_text_field("UPDATE highlights SET tag = ?2 WHERE id = ?1", id, tag)
    }

    /// Run `update` (which sets one free-text field of highlight `?1` to `?2`); blank
    /// text clears the field.
    fn set_text_field(&self, update: &str, id: i64, value: Option<&str>) -> Result<(), StoreError> {
        let n = self.conn.execute(update, params![id, clean_opt(value)]).map_err(|e| self.err(e))?;
        if n == 0 {
            return Err(self.fail(format!("no highlight with id {id}")));
        }
        Ok(())
    }

    /// Re-check every highlight of the given articles against their current text. When
    /// the article's text hash changed, the highlight is searched for by its exact text
    /// (context breaks ties) and moved, or else flagged orphaned. Nothing is deleted, and
    /// an orphan whose text comes back is un-flagged.
    pub fn reanchor(&self, articles: &[Article]) -> Result<ReanchorReport, StoreError> {
        let by_id: HashMap<&str, &Article> = articles.iter().map(|a| (a.id.as_str(), a)).collect();
        // Hash only the articles that have highlights (a corpus may hold thousands).
        let mut hashes: HashMap<String, String> = HashMap::new();
        let (report, changes) = self.plan_reanchor(&by_id, &mut hashes)?;
        if changes.is_empty() {
            return Ok(report);
        }
        // Plan again under the write lock, so a highlight added, moved or removed by
        // another process in between is taken into account.
        let tx = self.begin_immediate()?;
        let (report, changes) = self.plan_reanchor(&by_id, &mut hashes)?;
        for c in &changes {
            match c {
                AnchorChange::Found { id, side, hash, range, before, after, text } => {
                    let p = side.prefix();
                    tx.execute(
                        &format!(
                            "UPDATE highlights SET {p}text_hash = ?2, {p}start = ?3, {p}end = ?4, \
                             {p}context_before = ?5, {p}context_after = ?6, {p}orphaned = 0, {p}text = ?7 WHERE id = ?1"
                        ),
                        params![id, hash, to_i64(range.start), to_i64(range.end), before, after, text],
                    )
                }
                AnchorChange::Orphaned { id, side } => {
                    tx.execute(&format!("UPDATE highlights SET {}orphaned = 1 WHERE id = ?1", side.prefix()), [id])
                }
            }
            .map_err(|e| self.err(e))?;
        }
        tx.commit().map_err(|e| self.err(e))?;
        Ok(report)
    }

    /// What re-anchoring would change, without writing. Each text of a bilingual
    /// highlight is re-anchored in its own article and counted on its own.
    fn plan_reanchor(
        &self,
        by_id: &HashMap<&str, &Article>,
        hashes: &mut HashMap<String, String>,
    ) -> Result<(ReanchorReport, Vec<AnchorChange>), StoreError> {
        let mut report = ReanchorReport::default();
        let mut changes = Vec::new();
        let highlights = self.highlights(None)?;
        for (h, side, a) in highlights.iter().flat_map(|h| Anchor::of(h).map(move |(side, a)| (h, side, a))) {
            let Some(article) = by_id.get(a.article) else {
                report.missing_article += 1;
                continue;
            };
            let hash = hashes.entry(a.article.to_string()).or_insert_with(|| text_hash(&article.text)).clone();
            let still_there = article.text.get(a.range.clone()) == Some(a.text);
            if hash == a.text_hash && still_there && !a.orphaned {
                report.unchanged += 1;
                continue;
            }
            // Exact text first (context breaks ties); else the same words with different
            // spacing, as a newer diglot may clean whitespace differently.
            let found = anchor::relocate(&article.text, a.text, a.before, a.after, a.range.start)
                .or_else(|| anchor::find_loose(&article.text, a.text));
            match found {
                Some(range) => {
                    if range == a.range {
                        report.unchanged += 1;
                    } else {
                        report.moved += 1;
                    }
                    let (before, after) = anchor::context(&article.text, &range);
                    let text = article.text[range.clone()].to_string();
                    changes.push(AnchorChange::Found { id: h.id, side, hash, range, before, after, text });
                }
                None => {
                    if !a.orphaned {
                        changes.push(AnchorChange::Orphaned { id: h.id, side });
                        if !report.newly_orphaned.contains(&h.id) {
                            report.newly_orphaned.push(h.id);
                        }
                    }
                    report.orphaned += 1;
                }
            }
        }
        Ok((report, changes))
    }

    /// The highlight of exactly this range in this article, if any (toggling).
    pub fn find_highlight(&self, article: &str, range: Range<usize>) -> Result<Option<Highlight>, StoreError> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {HIGHLIGHT_COLUMNS} FROM highlights WHERE article = ?1 AND start = ?2 AND end = ?3 \
                     AND orphaned = 0 ORDER BY id LIMIT 1"
                ),
                params![article, to_i64(range.start), to_i64(range.end)],
                row_to_highlight,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    // ---- triage ----

    /// The triage state of one article (all false when never set).
    pub fn triage(&self, article: &str) -> Result<Triage, StoreError> {
        self.conn
            .query_row(
                "SELECT read, starred, archived FROM triage WHERE article = ?1",
                [article],
                row_to_triage,
            )
            .optional()
            .map(Option::unwrap_or_default)
            .map_err(|e| self.err(e))
    }

    /// Triage state of every article that has any.
    pub fn all_triage(&self) -> Result<HashMap<String, Triage>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT article, read, starred, archived FROM triage")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                let article = lenient_text(r, 0)?.unwrap_or_default();
                let t = Triage { read: lenient_flag(r, 1)?, starred: lenient_flag(r, 2)?, archived: lenient_flag(r, 3)? };
                Ok((article, t))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<HashMap<_, _>, _>>().map_err(|e| self.err(e))
    }

    pub fn set_triage(&self, article: &str, t: Triage) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO triage (article, read, starred, archived, updated) VALUES (?1, ?2, ?3, ?4, ?5) \
                 ON CONFLICT(article) DO UPDATE SET read = ?2, starred = ?3, archived = ?4, updated = ?5",
                params![article, t.read, t.starred, t.archived, clock::now_rfc3339()],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }
}

/// A highlight row as diglot wrote it, or as another tool left it: SQLite keeps any type
/// in any column, so a value of the wrong type (an offset written as text, a note as a
/// blob, text that is not UTF-8) is read as the nearest value rather than failing the
/// whole list: one damaged row must not hide every highlight. A wrong offset does no
/// harm: the text is found again by re-anchoring.
fn row_to_highlight(r: &rusqlite::Row<'_>) -> rusqlite::Result<Highlight> {
    let text = |i: usize| lenient_text(r, i).map(Option::unwrap_or_default);
    let offset = |i: usize| lenient_int(r, i).map(|n| to_usize(n.unwrap_or(0)));
    let flag = |i: usize| lenient_flag(r, i);
    Ok(Highlight {
        id: r.get(0)?,
        passage: HighlightText {
            article: text(1)?,
            // The store keeps the language of the second text only.
            language: None,
            text_hash: text(2)?,
            text: text(3)?,
            start: offset(4)?,
            end: offset(5)?,
            context_before: text(6)?,
            context_after: text(7)?,
            orphaned: flag(12)?,
        },
        speaker: lenient_text(r, 8)?,
        note: lenient_text(r, 9)?,
        tag: lenient_text(r, 10)?,
        created: text(11)?,
        counterpart: match lenient_text(r, 13)? {
            None => None,
            Some(article) => Some(HighlightText {
                article,
                language: lenient_text(r, 14)?,
                text_hash: text(15)?,
                text: text(16)?,
                start: offset(17)?,
                end: offset(18)?,
                context_before: text(19)?,
                context_after: text(20)?,
                orphaned: flag(21)?,
            }),
        },
    })
}

fn row_to_triage(r: &rusqlite::Row<'_>) -> rusqlite::Result<Triage> {
    Ok(Triage { read: lenient_flag(r, 0)?, starred: lenient_flag(r, 1)?, archived: lenient_flag(r, 2)? })
}

/// Column `i` as text whatever its type: bytes that are not UTF-8 are read lossily, a
/// number as its digits; `None` for NULL.
fn lenient_text(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<String>> {
    use rusqlite::types::ValueRef;
    Ok(match r.get_ref(i)? {
        ValueRef::Null => None,
        ValueRef::Integer(n) => Some(n.to_string()),
        ValueRef::Real(x) => Some(x.to_string()),
        ValueRef::Text(b) | ValueRef::Blob(b) => Some(String::from_utf8_lossy(b).into_owned()),
    })
}

/// Column `i` as a whole number whatever its type: digits written as text are read,
/// anything else that is not a number is `None`.
fn lenient_int(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<i64>> {
    use rusqlite::types::ValueRef;
    Ok(match r.get_ref(i)? {
        ValueRef::Integer(n) => Some(n),
        // Saturating: a NaN or huge value cannot panic.
        ValueRef::Real(x) => Some(x as i64),
        ValueRef::Text(b) => std::str::from_utf8(b).ok().and_then(|t| t.trim().parse().ok()),
        ValueRef::Null | ValueRef::Blob(_) => None,
    })
}

/// Column `i` as a yes/no flag: any non-zero number ([`lenient_int`]) is yes.
fn lenient_flag(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<bool> {
    lenient_int(r, i).map(|n| n.is_some_and(|n| n != 0))
}

/// A named pipe or a device given as the store (`--db /dev/null`) is refused before
/// SQLite opens it: SQLite would block on the pipe, or fail with a disk error after
/// creating a `-journal` file beside the device.
fn not_a_special_file(path: &Path) -> Result<(), String> {
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() && !m.is_dir() => {
            Err(format!("is {}, not a store file", crate::util::fs::kind_of(&m.file_type())))
        }
        _ => Ok(()),
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn to_usize(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// Notes and tags: trimmed, blank → none.
fn clean_opt(s: Option<&str>) -> Option<String> {
    s.map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// `store.db` → `store.db-shm`, the files SQLite keeps beside a WAL store.
fn sidecar(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// `file:/abs/path?immutable=1`, every byte but unreserved ones percent-encoded (a `?`,
/// `#` or `%` in a file name must stay part of the name).
fn immutable_uri(path: &Path) -> std::io::Result<String> {
    let abs = std::path::absolute(path)?;
    let mut uri = String::from("file:");
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(abs.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = abs.to_string_lossy().replace('\\', "/").into_bytes();
    for b in bytes {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    Ok(uri)
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
}

/// A user-facing reason for an SQLite error.
fn describe(e: &rusqlite::Error, busy_timeout: Duration) -> String {
    let detail = e.to_string();
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => format!(
            "the store is locked by another program (still busy after {} s); nothing was \
             changed, try again",
            busy_timeout.as_secs_f32()
        ),
        Some(ErrorCode::ReadOnly) => "the store is read-only (check the permissions of the file \
             and its folder); the change was not saved"
            .into(),
        Some(ErrorCode::NotADatabase) => "not a diglot store: the file is not an SQLite database \
             (corrupt, or some other kind of file); it was left untouched"
            .into(),
        Some(ErrorCode::DatabaseCorrupt) => format!(
            "the store is corrupt ({detail}); it was left untouched: move it aside or restore a backup"
        ),
        Some(ErrorCode::CannotOpen) => {
            format!("cannot open the store ({detail}); check that its folder exists and is writable")
        }
        Some(ErrorCode::PermissionDenied) => format!("permission denied ({detail})"),
        Some(ErrorCode::DiskFull) => "the disk is full; the change was not saved".into(),
        Some(ErrorCode::SystemIoFailure) => format!("input/output error ({detail}); the change may not be saved"),
        _ => detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::from_plain_text;

    fn article() -> Article {
        from_plain_text("a1", "First paragraph here. It says “hello there”.\n\nSecond paragraph follows.")
    }

    #[test]
    fn add_list_remove_restore_round_trip() {
        let s = Store::open_in_memory().unwrap();
        let a = article();
        let start = a.text.find("hello").unwrap();
        let mut new = NewHighlight::from_range(&a, start..start + 11, Some("Someone".into()));
        new.note = Some("  a note ".into());
        let h = s.add_highlight(&new).unwrap();
        assert_eq!(h.passage.text, "hello there");
        assert_eq!(h.note.as_deref(), Some("a note"));
        assert_eq!(s.highlights(None).unwrap(), vec![h.clone()]);
        assert_eq!(s.highlights(Some("other")).unwrap(), vec![]);
        let removed = s.remove_highlight(h.id).unwrap().unwrap();
        assert_eq!(removed, h);
        assert_eq!(s.remove_highlight(h.id).unwrap(), None);
        s.restore_highlight(&removed).unwrap();
        s.restore_highlight(&removed).unwrap();
        assert_eq!(s.highlights(None).unwrap(), vec![h.clone()]);
        // A later add never reuses an id, even after a removal of the newest one.
        s.remove_highlight(h.id).unwrap();
        let h2 = s.add_highlight(&new).unwrap();
        assert!(h2.id > h.id);
    }

    #[test]
    fn file_stores_use_wal_and_full_sync() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(&dir.path().join("s.db")).unwrap();
        let mode: String = s.conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
        let sync: i64 = s.conn.pragma_query_value(None, "synchronous", |r| r.get(0)).unwrap();
        let app: i32 = s.conn.pragma_query_value(None, "application_id", |r| r.get(0)).unwrap();
        assert_eq!((mode.as_str(), sync, app), ("wal", 2, schema::APPLICATION_ID));
        assert_eq!(s.schema_version().unwrap(), schema::LATEST);
    }

    #[test]
    fn reanchor_tolerates_changed_spacing() {
        let s = Store::open_in_memory().unwrap();
        let a = from_plain_text("w", "Words before. Key words here. After.");
        let k = a.text.find("Key words").unwrap();
        let h = s.add_highlight(&NewHighlight::from_range(&a, k..k + 9, None)).unwrap();
        let mut respaced = a.clone();
        respaced.text = "Words before.  Key\twords here. After.".into();
        s.reanchor(std::slice::from_ref(&respaced)).unwrap();
        let got = s.highlight(h.id).unwrap().unwrap();
        assert!(!got.passage.orphaned);
        assert_eq!(got.passage.text, "Key\twords");
        assert_eq!(&respaced.text[got.passage.start..got.passage.end], got.passage.text);
    }

    #[test]
    fn an_immutable_read_sees_the_saved_highlights() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("odd ?#% name.db");
        let a = article();
        {
            let s = Store::open(&p).unwrap();
            s.add_highlight(&NewHighlight::from_range(&a, 0..5, None)).unwrap();
        }
        let ro = Store::open_read_only_as(&p, ReadOnlyMode::Immutable).unwrap();
        assert_eq!(ro.highlights(None).unwrap().len(), 1);
        assert_eq!(ro.read_only_mode(), Some(ReadOnlyMode::Immutable));
        assert!(ro.read_only_caveat().is_some());
        assert!(ro.add_highlight(&NewHighlight::from_range(&a, 6..9, None)).is_err());
        assert!(!sidecar(&p, "-shm").exists(), "an immutable read made a -shm file");
    }

    #[test]
    fn an_empty_path_is_refused() {
        assert!(Store::open(Path::new("")).unwrap_err().reason.contains("empty path"));
    }

    #[test]
    fn update_and_triage() {
        let s = Store::open_in_memory().unwrap();
        let a = article();
        let h = s.add_highlight(&NewHighlight::from_range(&a, 0..5, None)).unwrap();
        s.update_highlight(h.id, Some("n"), Some("red")).unwrap();
        let got = s.highlight(h.id).unwrap().unwrap();
        assert_eq!((got.note.as_deref(), got.tag.as_deref()), (Some("n"), Some("red")));
        s.set_note(h.id, Some(" ")).unwrap();
        assert_eq!(s.highlight(h.id).unwrap().unwrap().note, None);
        assert!(s.update_highlight(999, None, None).unwrap_err().reason.contains("999"));

        assert_eq!(s.triage("x").unwrap(), Triage::default());
        let t = Triage { read: true, starred: false, archived: true };
        s.set_triage("x", t).unwrap();
        s.set_triage("y", Triage { starred: true, ..Default::default() }).unwrap();
        s.set_triage("x", Triage { read: true, ..t }).unwrap();
        assert_eq!(s.triage("x").unwrap(), t);
        let all = s.all_triage().unwrap();
        assert_eq!(all.len(), 2);
        assert!(all["y"].starred);
    }

    #[test]
    fn from_range_clamps_and_keeps_context() {
        let a = from_plain_text("c", "Ünïcödé text with “quotes” inside it.");
        let n = NewHighlight::from_range(&a, 1..1000, None);
        assert_eq!(n.passage.start, 0);
        assert_eq!(n.passage.end, a.text.len());
        assert_eq!(n.passage.text, a.text);
        assert_eq!(n.passage.text_hash, text_hash(&a.text));
        let q = a.text.find("quotes").unwrap();
        let n = NewHighlight::from_range(&a, q..q + 6, None);
        assert!(n.passage.context_before.ends_with("with “"));
        assert!(n.passage.context_after.starts_with("” inside"));
    }

    #[test]
    fn reanchor_moves_orphans_and_recovers() {
        let s = Store::open_in_memory().unwrap();
        let a = from_plain_text("r", "Alpha beta gamma. The key phrase is here. Omega.");
        let k = a.text.find("key phrase").unwrap();
        let moved = s.add_highlight(&NewHighlight::from_range(&a, k..k + 10, None)).unwrap();
        let g = a.text.find("gamma").unwrap();
        let gone = s.add_highlight(&NewHighlight::from_range(&a, g..g + 5, None)).unwrap();

        let same = s.reanchor(std::slice::from_ref(&a)).unwrap();
        assert_eq!((same.unchanged, same.moved, same.orphaned), (2, 0, 0));

        let edited = from_plain_text("r", "New lead sentence added. Alpha beta. The key phrase is here. Omega.");
        let rep = s.reanchor(std::slice::from_ref(&edited)).unwrap();
        assert_eq!((rep.moved, rep.orphaned), (1, 1));
        assert_eq!(rep.newly_orphaned, vec![gone.id]);
        let h = s.highlight(moved.id).unwrap().unwrap();
        assert_eq!(&edited.text[h.passage.start..h.passage.end], "key phrase");
        assert_eq!(h.passage.text_hash, text_hash(&edited.text));
        let o = s.highlight(gone.id).unwrap().unwrap();
        assert!(o.passage.orphaned);
        assert_eq!(o.passage.text, "gamma");

        // The original text comes back: the orphan is found again.
        let rep = s.reanchor(std::slice::from_ref(&a)).unwrap();
        assert_eq!(rep.orphaned, 0);
        assert!(!s.highlight(gone.id).unwrap().unwrap().passage.orphaned);
        assert_eq!(s.find_highlight("r", k..k + 10).unwrap().map(|h| h.id), Some(moved.id));
        assert_eq!(s.find_highlight("r", k..k + 9).unwrap(), None);
        // An article not given is left alone.
        assert_eq!(s.reanchor(&[]).unwrap().missing_article, 2);
        assert_eq!(s.highlights(None).unwrap().len(), 2);
    }
}
