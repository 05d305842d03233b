//! Counterparts from the index on disk (issue 16).
//!
//! Each article's [`Profile`] is computed when the article is parsed and written into the
//! article cache ([`crate::ingest::cache`]) next to it, with an inverted index from each
//! anchor (a name or a number) to the articles holding it, per folder. Both follow the
//! cache: a changed file's rows are replaced, a deleted file's removed. From them:
//!
//! * [`counterparts_of`]: the ranked proposals for one article (the reader's `b`), from a
//!   few posting lists and the profiles they name, in milliseconds whatever the folder's
//!   size;
//! * [`propose_pairs_in_folder`]: every proposal of a folder (`diglot pairs`) from the
//!   stored profiles, without decoding the articles except for quote checks.

use super::pairing::{
    COMPARE_ALL_BELOW, MAX_ANCHOR_ARTICLES, MIN_SCORE, QUOTE_CHECKS_PER_ARTICLE, compare, cross_language, propose_among,
    quote_evidence, quotes_in_common, score, with_quotes,
};
use super::profile::Profile;
use super::{Counterpart, PairCandidate};
use crate::ingest::cache::{ArticleCache, FileKey};
use crate::model::{Article, Manifest, Quote};
use rayon::prelude::*;
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

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

/// Write the profile and anchors of the cache row `rowid` (the file `key`), replacing
/// those of an older version.
pub(crate) fn put(tx: &Transaction<'_>, rowid: i64, key: &FileKey, profile: &Profile) -> rusqlite::Result<()> {
    remove(tx, rowid)?;
    let (folder, name) = place(Path::new(&key.path));
    tx.prepare_cached("INSERT INTO diglot_pair_profile (article, folder, name, profile) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![rowid, folder, name, profile.encode()])?;
    let mut insert =
        tx.prepare_cached("INSERT OR IGNORE INTO diglot_pair_anchor (folder, anchor, article) VALUES (?1, ?2, ?3)")?;
    for anchor in profile.anchors() {
        insert.execute(params![folder, anchor, rowid])?;
    }
    Ok(())
}

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

fn folder_hash(dir: &Path) -> i64 {
    // FNV-1a, 64 bits: stable across runs, unlike the standard library's hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in dir.as_os_str().as_encoded_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h as i64
}

/// A stored profile with the version of the file it was computed from.
struct Stored {
    rowid: i64,
    name: String,
    size: i64,
    modified_ns: i64,
    profile: Vec<u8>,
}

const SELECT_STORED: &str = "SELECT p.article, p.name, a.size, a.modified_ns, p.profile
    FROM diglot_pair_profile p JOIN diglot_cached_article a ON a.rowid = p.article";

fn stored_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Stored> {
    Ok(Stored { rowid: r.get(0)?, name: r.get(1)?, size: r.get(2)?, modified_ns: r.get(3)?, profile: r.get(4)? })
}

impl Stored {
    /// The profile, if it was computed from this version of the file and reads back.
    fn profile_for(&self, key: Option<&FileKey>) -> Option<Profile> {
        let key = key?;
        (key.size as i64 == self.size && key.modified_ns == self.modified_ns).then(|| Profile::decode(&self.profile))?
    }
}

/// The article's profile computed afresh: from its text when the caller holds it, else
/// from the cache entry of this version of the file, else from the file.
fn profile_afresh(cache: &ArticleCache, article: &Article, key: Option<&FileKey>) -> Option<Profile> {
    full_article(cache, article, key).map(|a| Profile::of(&a))
}

/// `article` with its text: as given, or from the cache, or read from its file.
fn full_article(cache: &ArticleCache, article: &Article, key: Option<&FileKey>) -> Option<Article> {
    if !article.text.is_empty() || !Path::new(&article.path).exists() {
        return Some(article.clone());
    }
    let mut full = key.and_then(|k| cache.get(k)).or_else(|| crate::ingest::load_file(Path::new(&article.path)).ok())?;
    full.id = article.id.clone();
    full.meta.language = article.meta.language.clone();
    Some(full)
}

/// The folder's articles by file name (the first of a name, as ids are given).
fn by_name(articles: &[Article]) -> HashMap<&str, usize> {
    let mut names = HashMap::with_capacity(articles.len());
    for (i, a) in articles.iter().enumerate() {
        if let Some(name) = Path::new(&a.path).file_name().and_then(|n| n.to_str()) {
            names.entry(name).or_insert(i);
        }
    }
    names
}

/// Ranked counterpart proposals for the article `id` of the folder `dir`, from the
/// profiles and anchors kept in `cache`: the pairs pinned in `manifest` first, then the
/// proposals best first (score at least [`MIN_SCORE`]), as [`super::propose_pairs`]
/// lists the pairs of this article.
///
/// `articles` are the folder's articles as loaded (their bodies may be left empty, as
/// `diglot list` loads them): they give ids, paths and languages. Only the articles
/// sharing a rare enough anchor with `id` are compared (every article of a folder of
/// fewer than 200), from their stored profiles; only `id` and its best few candidates are
/// decoded in full, for the quote check. Profiles stored for another version of a file
/// are computed again from the file. Unlike the folder-wide listing, where an article's
/// quote checks may be spent on better pairs of its partners, the best few candidates of
/// `id` are always quote-checked, so a score can differ slightly from `pairs`.
pub fn counterparts_of(
    cache: &ArticleCache,
    dir: &Path,
    articles: &[Article],
    manifest: &Manifest,
    id: &str,
) -> Vec<PairCandidate> {
    let Some(x) = articles.iter().position(|a| a.id == id) else { return Vec::new() };
    let folder = std::fs::canonicalize(dir).map_or(0, |d| folder_hash(&d));
    let names = by_name(articles);
    let conn = cache.connection();
    let key_of = |i: usize| FileKey::of(Path::new(&articles[i].path));
    // The stored rows this lookup needs, by article index.
    let mut rows: HashMap<usize, Stored> = HashMap::new();
    let own_name = Path::new(&articles[x].path).file_name().and_then(|n| n.to_str()).unwrap_or("");
    if articles.len() < COMPARE_ALL_BELOW {
        load_rows(conn, &format!("{SELECT_STORED} WHERE p.folder = ?1"), params![folder], &names, &mut rows);
    } else {
        load_rows(conn, &format!("{SELECT_STORED} WHERE p.folder = ?1 AND p.name = ?2"), params![folder, own_name], &names, &mut rows);
    }
    let own_key = key_of(x);
    let own = rows
        .get(&x)
        .and_then(|s| s.profile_for(own_key.as_ref()))
        .or_else(|| profile_afresh(cache, &articles[x], own_key.as_ref()));
    let Some(own) = own.map(|p| p.with_language(articles[x].meta.language.clone())) else { return Vec::new() };
    if articles.len() >= COMPARE_ALL_BELOW {
        let own_row = rows.get(&x).map(|s| s.rowid);
        for rowid in partners_by_anchor(conn, folder, &own, own_row) {
            load_rows(conn, &format!("{SELECT_STORED} WHERE p.article = ?1"), params![rowid], &names, &mut rows);
        }
    }
    // Pinned partners are compared whatever they share.
    // Each pinned partner, and whether `id` is on the left of the pinned pair.
    let mut pinned_pairs: Vec<(usize, bool)> = manifest
        .pairs
        .iter()
        .filter_map(|p| {
            let (other, left) = if p.left == id { (&p.right, true) } else if p.right == id { (&p.left, false) } else { return None };
            articles.iter().position(|a| &a.id == other).filter(|&j| j != x).map(|j| (j, left))
        })
        .collect();
    let mut once = std::collections::HashSet::new();
    pinned_pairs.retain(|(j, _)| once.insert(*j));
    let pinned: Vec<usize> = pinned_pairs.iter().map(|p| p.0).collect();
    let mut partners: Vec<usize> = rows.keys().copied().chain(pinned.iter().copied()).filter(|&j| j != x).collect();
    partners.sort_unstable();
    partners.dedup();
    let profiles: HashMap<usize, Profile> = partners
        .iter()
        .filter_map(|&j| {
            let key = key_of(j);
            let p = rows.get(&j).and_then(|s| s.profile_for(key.as_ref())).or_else(|| profile_afresh(cache, &articles[j], key.as_ref()))?;
            Some((j, p.with_language(articles[j].meta.language.clone())))
        })
        .collect();
    let profile = |i: usize| if i == x { &own } else { &profiles[&i] };
    let ordered = |j: usize| if x < j { (x, j) } else { (j, x) };
    let mut proposed: Vec<(usize, f32)> = partners
        .iter()
        .filter(|j| profiles.contains_key(j) && !pinned.contains(j) && cross_language(&own, &profiles[j]))
        .map(|&j| {
            let (a, b) = ordered(j);
            (j, score(profile(a), profile(b)))
        })
        .collect();
    proposed.sort_by(|a, b| b.1.total_cmp(&a.1));
    // The quote check, for the pinned partners and the best few proposals only.
    let checked: Vec<usize> = pinned
        .iter()
        .copied()
        .filter(|j| profiles.contains_key(j))
        .chain(proposed.iter().take(QUOTE_CHECKS_PER_ARTICLE).map(|p| p.0))
        .collect();
    let quotes = quotes_of(cache, articles, &[x].into_iter().chain(checked.iter().copied()).collect::<Vec<_>>());
    // Quoted statements in common between `a` and `b` (one of them `x`), in that order.
    let common = |a: usize, b: usize| {
        let (qa, qb) = (&quotes[&a], &quotes[&b]);
        (quotes_in_common(profile(a), qa, profile(b), qb), qa.len(), qb.len())
    };
    let mut listed: Vec<PairCandidate> = pinned_pairs
        .iter()
        .filter(|(j, _)| profiles.contains_key(j))
        .map(|&(j, x_left)| {
            let (a, b) = if x_left { (x, j) } else { (j, x) };
            let mut c = compare(&articles[a].id, profile(a), &articles[b].id, profile(b));
            c.evidence.insert(0, "pinned in corpus.toml".to_string());
            let (k, qa, qb) = common(a, b);
            quote_evidence(&mut c, k, qa, qb);
            c
        })
        .collect();
    let mut proposed: Vec<(usize, f32, Option<(usize, usize, usize)>)> = proposed
        .into_iter()
        .enumerate()
        .map(|(rank, (j, s))| {
            let (a, b) = ordered(j);
            let q = (rank < QUOTE_CHECKS_PER_ARTICLE).then(|| common(a, b));
            (j, q.map_or(s, |(k, qa, qb)| with_quotes(s, k, qa, qb)), q)
        })
        .filter(|p| p.1 >= MIN_SCORE)
        .collect();
    proposed.sort_by(|a, b| b.1.total_cmp(&a.1));
    listed.extend(proposed.into_iter().map(|(j, _, q)| {
        let (a, b) = ordered(j);
        let mut c = compare(&articles[a].id, profile(a), &articles[b].id, profile(b));
        if let Some((k, qa, qb)) = q {
            quote_evidence(&mut c, k, qa, qb);
        }
        c
    }));
    listed
}

/// Add to `rows` the stored rows `sql` selects (with `args`) of articles in `names`.
fn load_rows(
    conn: &rusqlite::Connection,
    sql: &str,
    args: impl rusqlite::Params,
    names: &HashMap<&str, usize>,
    rows: &mut HashMap<usize, Stored>,
) {
    let Ok(mut stmt) = conn.prepare_cached(sql) else { return };
    let Ok(found) = stmt.query_map(args, stored_row) else { return };
    for s in found.flatten() {
        if let Some(&i) = names.get(s.name.as_str()) {
            rows.insert(i, s);
        }
    }
}

/// The cache rows sharing with `own` an anchor held by at most [`MAX_ANCHOR_ARTICLES`]
/// articles of the folder (a posting list is read no further than that), `own_row` aside.
fn partners_by_anchor(conn: &rusqlite::Connection, folder: i64, own: &Profile, own_row: Option<i64>) -> Vec<i64> {
    let Ok(mut stmt) =
        conn.prepare_cached("SELECT article FROM diglot_pair_anchor WHERE folder = ?1 AND anchor = ?2 LIMIT ?3")
    else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for anchor in own.anchors() {
        let Ok(rows) = stmt.query_map(params![folder, anchor, MAX_ANCHOR_ARTICLES as i64 + 1], |r| r.get::<_, i64>(0)) else {
            continue;
        };
        let holders: Vec<i64> = rows.flatten().collect();
        if holders.len() <= MAX_ANCHOR_ARTICLES {
            found.extend(holders.into_iter().filter(|r| Some(*r) != own_row));
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// The counterpart `b` opens, as [`super::counterpart_among`] decides it, from the index:
/// the pinned partner, else the best proposal for `id` if `id` is also the best proposal
/// for it (two lookups of [`counterparts_of`]).
pub fn counterpart_in_index(cache: &ArticleCache, dir: &Path, articles: &[Article], manifest: &Manifest, id: &str) -> Counterpart {
    if let Some(other) = manifest.counterpart(id)
        && articles.iter().any(|a| a.id == other)
    {
        return Counterpart::Found(other.to_string());
    }
    let partner = |c: &PairCandidate, of: &str| if c.left == of { Some(c.right.clone()) } else { (c.right == of).then(|| c.left.clone()) };
    let Some((other, score)) =
        counterparts_of(cache, dir, articles, manifest, id).iter().find_map(|c| Some((partner(c, id)?, c.score)))
    else {
        return Counterpart::None;
    };
    let mutual = counterparts_of(cache, dir, articles, manifest, &other).iter().find_map(|c| partner(c, &other)).as_deref() == Some(id);
    if mutual { Counterpart::Found(other) } else { Counterpart::Nearest { id: other, score } }
}

/// Quotes of the articles at `indices`, by index; each article is decoded in turn.
fn quotes_of(cache: &ArticleCache, articles: &[Article], indices: &[usize]) -> HashMap<usize, Vec<Quote>> {
    let full: Vec<(usize, Option<Article>)> = indices
        .iter()
        .map(|&i| (i, full_article(cache, &articles[i], FileKey::of(Path::new(&articles[i].path)).as_ref())))
        .collect();
    full.into_par_iter().map(|(i, a)| (i, a.map(|a| crate::text::quotes::extract(&a)).unwrap_or_default())).collect()
}

/// Articles whose quotes are extracted at once: enough for every core, few enough that
/// a folder's articles are never all in memory.
const QUOTE_BATCH: usize = 256;

/// Every counterpart proposal of the folder `dir`, as [`super::propose_pairs`] gives them
/// for `articles` (the folder's articles as loaded, bodies possibly empty), from the
/// profiles stored in `cache`: one pass over the folder's profile rows, anchors sorted in
/// memory (n log n), and articles decoded only for the quote checks, a batch at a time.
/// Profiles missing or stored for another version of a file are computed afresh.
pub fn propose_pairs_in_folder(cache: &ArticleCache, dir: &Path, articles: &[Article], manifest: &Manifest) -> Vec<PairCandidate> {
    let paths: Vec<PathBuf> = articles.iter().map(|a| PathBuf::from(&a.path)).collect();
    let keys = FileKey::of_folder(dir, &paths);
    let at: HashMap<&str, usize> =
        keys.iter().enumerate().rev().filter_map(|(i, k)| Some((k.as_ref()?.path.as_str(), i))).collect();
    let mut profiles: Vec<Option<Profile>> = vec![None; articles.len()];
    let folder = std::fs::canonicalize(dir).map_or(0, |d| folder_hash(&d));
    let sql = "SELECT p.article, a.path, a.size, a.modified_ns, p.profile
        FROM diglot_pair_profile p JOIN diglot_cached_article a ON a.rowid = p.article WHERE p.folder = ?1";
    if let Ok(mut stmt) = cache.connection().prepare(sql)
        && let Ok(rows) = stmt.query_map([folder], stored_row)
    {
        // `name` holds the canonical path here.
        for s in rows.flatten() {
            if let Some(&i) = at.get(s.name.as_str()) {
                profiles[i] = s.profile_for(keys[i].as_ref());
            }
        }
    }
    let missing: Vec<usize> = (0..articles.len()).filter(|&i| profiles[i].is_none()).collect();
    for chunk in missing.chunks(QUOTE_BATCH) {
        let full: Vec<(usize, Option<Article>)> =
            chunk.iter().map(|&i| (i, full_article(cache, &articles[i], keys[i].as_ref()))).collect();
        let fresh: Vec<(usize, Option<Profile>)> =
            full.into_par_iter().map(|(i, a)| (i, a.map(|a| Profile::of(&a)))).collect();
        for (i, p) in fresh {
            profiles[i] = p;
        }
    }
    let profiles: Vec<Profile> = profiles
        .into_iter()
        .zip(articles)
        .map(|(p, a)| p.unwrap_or_default().with_language(a.meta.language.clone()))
        .collect();
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    propose_among(&ids, &profiles, manifest, |wanted| {
        let mut quotes = Vec::with_capacity(wanted.len());
        for chunk in wanted.chunks(QUOTE_BATCH) {
            let full: Vec<Option<Article>> = chunk.iter().map(|&i| full_article(cache, &articles[i], keys[i].as_ref())).collect();
            quotes.par_extend(full.into_par_iter().map(|a| a.map(|a| crate::text::quotes::extract(&a)).unwrap_or_default()));
        }
        quotes
    })
}
