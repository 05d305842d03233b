//! The counterpart index's tables (issue 16): each article's [`Profile`], computed when
//! the article is parsed, is written into the article cache next to it, with an inverted
//! index from each anchor (a name or a number) to the articles holding it, per folder.
//! Both follow the cache: a changed file's rows are replaced, a deleted file's removed.
//! The cache calls [`put`] and [`remove`]; the lookups over them are in
//! `crate::ingest::counterparts` (they read articles through the cache).

use super::profile::Profile;
use crate::model::Article;
use rayon::prelude::*;
use rusqlite::{OptionalExtension, Transaction, params};
use std::path::Path;

/// The tables, created with the cache's. A profile row belongs to the cache row of the
/// same article (`article` is its rowid); the folder is a hash of the file's canonical
/// folder, so that the folders one cache serves are never mixed.
pub(crate) const CREATE_TABLES: &str = "
    CREATE TABLE IF NOT EXISTS diglot_pair_profile (
        article INTEGER PRIMARY KEY, folder INTEGER NOT NULL, name TEXT NOT NULL, profile BLOB NOT NULL);
    CREATE INDEX IF NOT EXISTS diglot_pair_profile_place ON diglot_pair_profile (folder, name);
    CREATE TABLE IF NOT EXISTS diglot_pair_anchor (
        folder INTEGER NOT NULL, anchor INTEGER NOT NULL, article INTEGER NOT NULL,
        PRIMARY KEY (folder, anchor, article)) WITHOUT ROWID;";
pub(crate) const CLEAR_TABLES: &str = "DELETE FROM diglot_pair_profile; DELETE FROM diglot_pair_anchor;";
pub(crate) const DROP_TABLES: &str = "DROP TABLE IF EXISTS diglot_pair_profile; DROP TABLE IF EXISTS diglot_pair_anchor;";

/// The profiles of articles about to be cached, on every core.
pub(crate) fn profiles_of(articles: &[&Article]) -> Vec<Profile> {
    articles.par_iter().map(|a| Profile::of(a)).collect()
}

/// Write the profile of the cache row `rowid` (the file at the canonical path
/// `canonical`), replacing that of an older version and its anchors; the row's anchors
/// are added to `anchors` as (folder, anchor, article), for [`put_anchors`].
pub(crate) fn put(
    tx: &Transaction<'_>,
    rowid: i64,
    canonical: &str,
    profile: &Profile,
    anchors: &mut Vec<(i64, i64, i64)>,
) -> rusqlite::Result<()> {
    remove(tx, rowid)?;
    let (folder, name) = place(Path::new(canonical));
    tx.prepare_cached("INSERT INTO diglot_pair_profile (article, folder, name, profile) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![rowid, folder, name, profile.encode()])?;
    anchors.extend(profile.anchors().map(|anchor| (folder, anchor, rowid)));
    Ok(())
}

/// Insert the anchors [`put`] collected, in the order of the table's key: a batch of
/// articles then fills each page of the anchor table in one visit rather than jumping
/// between them for every article.
pub(crate) fn put_anchors(tx: &Transaction<'_>, anchors: &mut [(i64, i64, i64)]) -> rusqlite::Result<()> {
    anchors.sort_unstable();
    // Many rows a statement: a statement's own cost (binding, starting, ending) was more
    // than the row's insertion (a cold index writes some twenty anchors an article).
    static INSERT_MANY: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        format!("{INSERT_ANCHOR} VALUES {}", vec!["(?, ?, ?)"; ANCHORS_A_STATEMENT].join(", "))
    });
    let mut chunks = anchors.chunks_exact(ANCHORS_A_STATEMENT);
    let mut insert_many = tx.prepare_cached(&INSERT_MANY)?;
    for chunk in &mut chunks {
        insert_many.execute(rusqlite::params_from_iter(chunk.iter().flat_map(|(f, a, r)| [f, a, r])))?;
    }
    let mut insert = tx.prepare_cached(&format!("{INSERT_ANCHOR} VALUES (?1, ?2, ?3)"))?;
    for (folder, anchor, article) in chunks.remainder() {
        insert.execute(params![folder, anchor, article])?;
    }
    Ok(())
}

/// Rows of the anchor table inserted by one statement of [`put_anchors`].
const ANCHORS_A_STATEMENT: usize = 64;
const INSERT_ANCHOR: &str = "INSERT OR IGNORE INTO diglot_pair_anchor (folder, anchor, article)";

/// Remove the profile and anchors of the cache row `rowid`, if any.
pub(crate) fn remove(tx: &Transaction<'_>, rowid: i64) -> rusqlite::Result<()> {
    let stored: Option<(i64, Vec<u8>)> = tx
        .prepare_cached("SELECT folder, profile FROM diglot_pair_profile WHERE article = ?1")?
        .query_row([rowid], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((folder, bytes)) = stored else { return Ok(()) };
    match Profile::decode(&bytes) {
        Some(profile) => {
            let mut delete =
                tx.prepare_cached("DELETE FROM diglot_pair_anchor WHERE folder = ?1 AND anchor = ?2 AND article = ?3")?;
            for anchor in profile.anchors() {
                delete.execute(params![folder, anchor, rowid])?;
            }
        }
        // A damaged profile no longer says its anchors: look through the folder's.
        None => {
            tx.execute("DELETE FROM diglot_pair_anchor WHERE folder = ?1 AND article = ?2", params![folder, rowid])?;
        }
    }
    tx.execute("DELETE FROM diglot_pair_profile WHERE article = ?1", [rowid])?;
    Ok(())
}

/// The folder (hashed) and file name under which a file's profile is kept.
fn place(canonical: &Path) -> (i64, String) {
    let name = canonical.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    (folder_hash(canonical.parent().unwrap_or(Path::new(""))), name)
}

/// The folder's key in the tables: a hash of its canonical path.
pub(crate) fn folder_hash(dir: &Path) -> i64 {
    // FNV-1a, 64 bits: stable across runs, unlike the standard library's hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in dir.as_os_str().as_encoded_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h as i64
}

