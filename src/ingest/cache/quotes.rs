//! Quotes (with their speakers) cached per article version, beside the article they were
//! extracted from: `diglot quotes` and `diglot speakers` over a folder read them instead
//! of running the extractor on every article again.
//!
//! An entry belongs to one row of the article table (one version of one file): a new
//! version of the file, or its removal, deletes it (triggers, so no writer of articles
//! can forget). The rules, models and word lists that made it are those of the
//! executable that wrote the cache: another executable (a rebuild, an upgrade, changed
//! bundled assets) clears the article rows at open, and with them every cached quote,
//! so an older engine's speakers are never shown.
//!
//! Quotes depend only on what the file version fixes: the article's text, paragraphs and
//! languages. The article id they carry is the folder's, set again when they are read.

use super::{ArticleCache, FileKey, clean};
use crate::model::Quote;
use rusqlite::{OptionalExtension, params};

/// The table and the triggers that keep it in step with the article rows.
pub(super) const CREATE_TABLES: &str = "
    CREATE TABLE IF NOT EXISTS diglot_cached_quotes (
        article INTEGER PRIMARY KEY, quotes TEXT NOT NULL);
    CREATE TRIGGER IF NOT EXISTS diglot_quotes_of_changed_file
        AFTER UPDATE OF size, modified_ns, article ON diglot_cached_article
        BEGIN DELETE FROM diglot_cached_quotes WHERE article = old.rowid; END;
    CREATE TRIGGER IF NOT EXISTS diglot_quotes_of_removed_file
        AFTER DELETE ON diglot_cached_article
        BEGIN DELETE FROM diglot_cached_quotes WHERE article = old.rowid; END;";

pub(super) const DROP_TABLES: &str = "DROP TABLE IF EXISTS diglot_cached_quotes;";

impl ArticleCache {
    /// The quotes cached for exactly these file versions, where there are any (`None`: not cached, or not sound).
    pub fn quotes_all(&self, keys: &[Option<FileKey>]) -> Vec<Option<Vec<Quote>>> {
        use rayon::prelude::*;
        let read = self.conn.unchecked_transaction().ok();
        let stored: Vec<Option<String>> = keys.iter().map(|k| self.stored_quotes(k.as_ref()?)).collect();
        drop(read);
        stored.into_par_iter().map(|json| serde_json::from_str(&json?).ok().filter(|qs: &Vec<Quote>| qs.iter().all(sound))).collect()
    }

    /// Whether the quotes of each of these file versions are cached
    /// (without reading them).
    pub fn quotes_held(&self, keys: &[Option<FileKey>]) -> Vec<bool> {
        let read = self.conn.unchecked_transaction().ok();
        let held = keys
            .iter()
            .map(|k| {
                let Some(k) = k else { return false };
                self.conn
                    .prepare_cached(
                        "SELECT 1 FROM diglot_cached_article a JOIN diglot_cached_quotes q ON q.article = a.rowid
                         WHERE a.path = ?1 AND a.size = ?2 AND a.modified_ns = ?3",
                    )
                    .and_then(|mut s| s.exists(params![k.path, k.size as i64, k.modified_ns]))
                    .unwrap_or(false)
            })
            .collect();
        drop(read);
        held
    }

    fn stored_quotes(&self, key: &FileKey) -> Option<String> {
        self.conn
            .prepare_cached(
                "SELECT q.quotes FROM diglot_cached_article a JOIN diglot_cached_quotes q ON q.article = a.rowid
                 WHERE a.path = ?1 AND a.size = ?2 AND a.modified_ns = ?3",
            )
            .ok()?
            .query_row(params![key.path, key.size as i64, key.modified_ns], |r| r.get(0))
            .optional()
            .ok()?
    }

    /// Remember the quotes of these file versions, in one transaction. Only where the
    /// cache holds the article of exactly that version (the quotes were extracted from
    /// it, or from the same parse); others are skipped. Failures are ignored.
    pub fn put_quotes<'a>(&mut self, entries: impl IntoIterator<Item = (&'a FileKey, &'a [Quote])>) {
        let Ok(tx) = self.conn.transaction() else {
            return;
        };
        for (key, quotes) in entries {
            let Ok(json) = serde_json::to_string(quotes) else { continue };
            let _ = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO diglot_cached_quotes (article, quotes)
                     SELECT rowid, ?4 FROM diglot_cached_article WHERE path = ?1 AND size = ?2 AND modified_ns = ?3",
                )
                .and_then(|mut s| s.execute(params![key.path, key.size as i64, key.modified_ns, json]));
        }
        let _ = tx.commit();
    }
}

/// A cached quote is used only if extraction could have made it: no control characters
/// in what is printed, offsets in order.
fn sound(q: &Quote) -> bool {
    let texts = [Some(q.text.as_str()), q.speaker.as_ref().map(|s| s.name.as_str()), q.speaker_as_written.as_deref(), q.cue.as_deref()];
    q.start <= q.end && texts.iter().flatten().all(|t| clean(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(path: &str, size: u64, modified_ns: i64) -> FileKey {
        FileKey { path: path.into(), size, modified_ns }
    }

    fn quotes_of(a: &crate::model::Article) -> Vec<Quote> {
        crate::text::quotes::extract(a)
    }

    fn quoted(path: &str) -> crate::model::Article {
        let mut a = crate::ingest::from_plain_text(
            "a",
            "Title\n\n\"We will not give up,\" said Jane Smith, the mayor of the town, on Monday.",
        );
        a.path = path.into();
        a
    }

    #[test]
    fn quotes_are_read_back_for_the_same_file_version_only() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        let folder = dir.path().canonicalize().unwrap();
        let path = folder.join("a.txt").to_str().unwrap().to_string();
        let (k, a) = (key(&path, 10, 5), quoted(&path));
        let qs = quotes_of(&a);
        assert!(!qs.is_empty());
        let mut cache = ArticleCache::open_stamped(&db, "s").unwrap();
        cache.put_quotes([(&k, qs.as_slice())]);
        assert_eq!(cache.quotes_all(&[Some(k.clone())]), [None], "no article row: nothing to hang them on");
        cache.put_all([(&k, &a)]);
        cache.put_quotes([(&k, qs.as_slice())]);
        assert_eq!(cache.quotes_all(&[Some(k.clone()), None]), [Some(qs.clone()), None]);
        assert_eq!(cache.quotes_held(&[Some(k.clone()), None, Some(key(&path, 11, 5))]), [true, false, false]);
        assert_eq!(cache.quotes_all(&[Some(key(&path, 11, 5))]), [None], "another version");
        // A new version of the file drops the old quotes even before new ones are put.
        let k2 = key(&path, 12, 6);
        let mut changed = quoted(&path);
        changed.text.push_str(" More.");
        cache.put_all([(&k2, &changed)]);
        assert_eq!(cache.quotes_all(&[Some(k2.clone())]), [None]);
        cache.put_quotes([(&k2, qs.as_slice())]);
        assert_eq!(cache.quotes_all(&[Some(k2.clone())]), [Some(qs)]);
        assert_eq!(cache.forget_missing(&folder, &[]), 1);
        assert_eq!(cache.quotes_all(&[Some(k2)]), [None], "the file's removal takes its quotes");
        assert_eq!(cache.conn.query_row("SELECT count(*) FROM diglot_cached_quotes", [], |r| r.get::<_, i64>(0)).unwrap(), 0);
    }

    #[test]
    fn quotes_of_another_executable_or_tampered_are_never_shown() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        let (k, a) = (key("/x/a.txt", 10, 5), quoted("/x/a.txt"));
        let qs = quotes_of(&a);
        let mut cache = ArticleCache::open_stamped(&db, "s").unwrap();
        cache.put_all([(&k, &a)]);
        cache.put_quotes([(&k, qs.as_slice())]);
        cache.conn.execute("UPDATE diglot_cached_quotes SET quotes = replace(quotes, 'Jane', 'J\\u001b[2Jane')", []).unwrap();
        assert_eq!(cache.quotes_all(&[Some(k.clone())]), [None], "an escape in a name");
        cache.put_quotes([(&k, qs.as_slice())]);
        assert_eq!(cache.quotes_all(&[Some(k.clone())]), [Some(qs.clone())]);
        // Quotes another executable extracted (other rules, models or word lists) are
        // stale: a new executable's stamp clears them with the articles, even where the
        // article row itself is written again for the same file version.
        drop(cache);
        let mut upgraded = ArticleCache::open_stamped(&db, "t").unwrap();
        assert_eq!(upgraded.quotes_all(&[Some(k.clone())]), [None]);
        assert_eq!(upgraded.quotes_held(&[Some(k.clone())]), [false]);
        upgraded.put_all([(&k, &a)]);
        assert_eq!(upgraded.quotes_all(&[Some(k)]), [None], "re-reading the article does not bring old quotes back");
        let left: i64 = upgraded.conn.query_row("SELECT count(*) FROM diglot_cached_quotes", [], |r| r.get(0)).unwrap();
        assert_eq!(left, 0);
    }
}
