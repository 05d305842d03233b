//! Counterparts from the index on disk (issue 16), over the profiles and anchors kept in
//! the article cache ([`crate::align::pair_index`]):
//!
//! * [`counterparts_of`]: the ranked proposals for one article (the reader's `b`), from a
//!   few posting lists and the profiles they name, in milliseconds whatever the folder's
//!   size; [`counterpart_in_index`]: the counterpart `b` opens;
//! * [`propose_pairs_in_folder`]: every proposal of a folder (`diglot pairs`) from the
//!   stored profiles, without decoding the articles except for quote checks.

use super::cache::{ArticleCache, FileKey};
use crate::align::pair_index::folder_hash;
use crate::align::pairing::{COMPARE_ALL_BELOW, MAX_ANCHOR_ARTICLES, candidate_pairs, propose_among, propose_for_one};
use crate::align::profile::Profile;
use crate::align::{Counterpart, PairCandidate};
use crate::model::{Article, Manifest, Quote};
use rayon::prelude::*;
use rusqlite::params;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

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
    let mut full = key.and_then(|k| cache.get(k)).or_else(|| super::load_file(Path::new(&article.path)).ok())?;
    full.id = article.id.clone();
    full.meta.language = article.meta.language.clone();
    Some(full)
}

/// The folder's articles by file name (the first of a name, as ids are given).
fn by_name(articles: &[Article]) -> HashMap<&str, usize> {
    let mut names = HashMap::with_capacity(articles.len());
    for (i, a) in articles.iter().enumerate() {
        names.entry(file_name(&a.path)).or_insert(i);
    }
    names
}

/// The last component of a path as the folder listing wrote it (`dir/name`): a string
/// split, many times cheaper than parsing the path for each of 50,000 articles.
fn file_name(path: &str) -> &str {
    path.rsplit(std::path::MAIN_SEPARATOR).next().unwrap_or(path)
}

/// Ranked counterpart proposals for the article `id` of the folder `dir`, from the
/// profiles and anchors kept in `cache`: the pairs pinned in `manifest` first, then the
/// proposals best first (those `diglot pairs` would list), as
/// [`crate::align::propose_pairs`] lists the pairs of this article.
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
    let key_of = |i: usize| FileKey::of_folder(dir, &[PathBuf::from(&articles[i].path)]).pop().flatten();
    // The stored rows this lookup needs, by article index.
    let mut rows: HashMap<usize, Stored> = HashMap::new();
    let own_name = file_name(&articles[x].path);
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
    let pinned: Vec<(usize, bool)> = manifest
        .pairs
        .iter()
        .filter_map(|p| {
            let (other, left) = if p.left == id { (&p.right, true) } else if p.right == id { (&p.left, false) } else { return None };
            articles.iter().position(|a| &a.id == other).filter(|&j| j != x).map(|j| (j, left))
        })
        .collect();
    let mut partners: Vec<usize> = rows.keys().copied().chain(pinned.iter().map(|p| p.0)).filter(|&j| j != x).collect();
    partners.sort_unstable();
    partners.dedup();
    // One stat per partner (the folder is resolved once), to check each profile's version.
    let keys = FileKey::of_folder(dir, &partners.iter().map(|&j| PathBuf::from(&articles[j].path)).collect::<Vec<_>>());
    let mut profiles: HashMap<usize, Profile> = partners
        .iter()
        .zip(keys)
        .filter_map(|(&j, key)| {
            let p = rows.get(&j).and_then(|s| s.profile_for(key.as_ref())).or_else(|| profile_afresh(cache, &articles[j], key.as_ref()))?;
            Some((j, p.with_language(articles[j].meta.language.clone())))
        })
        .collect();
    profiles.insert(x, own);
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    propose_for_one(x, &ids, &profiles, &pinned, |wanted| quotes_of(cache, articles, wanted))
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

/// Quotes of the articles at `indices`, by index.
fn quotes_of(cache: &ArticleCache, articles: &[Article], indices: &[usize]) -> HashMap<usize, Vec<Quote>> {
    let keys: Vec<Option<FileKey>> = indices.iter().map(|&i| FileKey::of(Path::new(&articles[i].path))).collect();
    let quotes = cached_or_extracted(cache, indices.iter().map(|&i| &articles[i]).zip(&keys));
    indices.iter().copied().zip(quotes).collect()
}

/// The quotes of each `(article, file version)`: from the quote cache where it holds
/// them (a long article's extraction costs far more than reading them back), else
/// extracted from the article's text, on every core.
fn cached_or_extracted<'a>(
    cache: &ArticleCache,
    wanted: impl Iterator<Item = (&'a Article, &'a Option<FileKey>)>,
) -> Vec<Vec<Quote>> {
    let wanted: Vec<(&Article, &Option<FileKey>)> = wanted.collect();
    let keys: Vec<Option<FileKey>> = wanted.iter().map(|(_, k)| (*k).clone()).collect();
    let cached = cache.quotes_all(&keys);
    // Each entry: the cached quotes, or else the article to extract them from.
    let full: Vec<(Option<Vec<Quote>>, Option<Article>)> = wanted
        .iter()
        .zip(cached)
        .map(|((article, key), held)| match held {
            Some(quotes) => (Some(quotes), None),
            None => (None, full_article(cache, article, key.as_ref())),
        })
        .collect();
    full.into_par_iter()
        .map(|(held, article)| held.unwrap_or_else(|| article.map(|a| crate::text::quotes::extract(&a)).unwrap_or_default()))
        .collect()
}

/// Call `each(index, profile)` for every usable profile stored for the folder's files:
/// those of the file versions `keys` (by article index; `at` maps a canonical path to
/// its index), decoded one row at a time.
fn for_each_stored(
    cache: &ArticleCache,
    folder: i64,
    at: &HashMap<&str, usize>,
    keys: &[Option<FileKey>],
    mut each: impl FnMut(usize, Profile),
) {
    // `name` holds the canonical path here.
    let sql = "SELECT p.article, a.path, a.size, a.modified_ns, p.profile
        FROM diglot_pair_profile p JOIN diglot_cached_article a ON a.rowid = p.article WHERE p.folder = ?1";
    let Ok(mut stmt) = cache.connection().prepare_cached(sql) else { return };
    let Ok(rows) = stmt.query_map([folder], stored_row) else { return };
    for s in rows.flatten() {
        if let Some(&i) = at.get(s.name.as_str())
            && let Some(p) = s.profile_for(keys[i].as_ref())
        {
            each(i, p);
        }
    }
}

/// Articles decoded at once (for profiles or quotes): enough for every core, few enough
/// that a folder's articles are never all in memory.
const DECODE_BATCH: usize = 256;

/// Every counterpart proposal of the folder `dir`, as [`crate::align::propose_pairs`]
/// gives them for `articles` (the folder's articles as loaded, bodies possibly empty),
/// from the profiles stored in `cache`: a first pass over the folder's profile rows takes
/// the anchors (sorted in memory: n log n), a second keeps the profiles of the articles
/// that have a candidate, and articles are decoded only for the quote checks, a batch at
/// a time. Profiles missing or stored for another version of a file are computed afresh.
pub fn propose_pairs_in_folder(cache: &ArticleCache, dir: &Path, articles: &[Article], manifest: &Manifest) -> Vec<PairCandidate> {
    let paths: Vec<PathBuf> = articles.iter().map(|a| PathBuf::from(&a.path)).collect();
    let keys = FileKey::of_folder(dir, &paths);
    let at: HashMap<&str, usize> =
        keys.iter().enumerate().rev().filter_map(|(i, k)| Some((k.as_ref()?.path.as_str(), i))).collect();
    let folder = std::fs::canonicalize(dir).map_or(0, |d| folder_hash(&d));
    let langs: Vec<Option<&str>> = articles.iter().map(|a| a.meta.language.as_deref()).collect();
    // Pass 1: every article's anchors (stored profiles decoded one at a time and dropped).
    let mut postings: Vec<(i64, u32)> = Vec::new();
    let mut stored = vec![false; articles.len()];
    for_each_stored(cache, folder, &at, &keys, |i, p| {
        stored[i] = true;
        postings.extend(p.anchors().map(|a| (a, i as u32)));
    });
    // Articles with no usable stored profile: computed afresh, and kept.
    let missing: Vec<usize> = (0..articles.len()).filter(|&i| !stored[i]).collect();
    let mut profiles: Vec<Profile> = vec![Profile::default(); articles.len()];
    for chunk in missing.chunks(DECODE_BATCH) {
        let full: Vec<(usize, Option<Article>)> =
            chunk.iter().map(|&i| (i, full_article(cache, &articles[i], keys[i].as_ref()))).collect();
        let fresh: Vec<(usize, Option<Profile>)> =
            full.into_par_iter().map(|(i, a)| (i, a.map(|a| Profile::of(&a)))).collect();
        for (i, p) in fresh {
            let p = p.unwrap_or_default();
            postings.extend(p.anchors().map(|a| (a, i as u32)));
            profiles[i] = p;
        }
    }
    let pairs = candidate_pairs(&langs, postings);
    // Pass 2: the profiles of articles that have something to be compared with.
    let mut wanted = vec![false; articles.len()];
    for &(i, j) in &pairs {
        wanted[i as usize] = true;
        wanted[j as usize] = true;
    }
    for p in &manifest.pairs {
        for id in [&p.left, &p.right] {
            if let Some(i) = articles.iter().position(|a| &a.id == id) {
                wanted[i] = true;
            }
        }
    }
    for_each_stored(cache, folder, &at, &keys, |i, p| {
        if wanted[i] {
            profiles[i] = p;
        }
    });
    let profiles: Vec<Profile> =
        profiles.into_iter().zip(articles).map(|(p, a)| p.with_language(a.meta.language.clone())).collect();
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    propose_among(&ids, &profiles, pairs, manifest, |wanted| {
        let mut quotes = Vec::with_capacity(wanted.len());
        for chunk in wanted.chunks(DECODE_BATCH) {
            quotes.extend(cached_or_extracted(cache, chunk.iter().map(|&i| (&articles[i], &keys[i]))));
        }
        quotes
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::manifest::PinnedPair;
    use std::fs;

    const FRENCH: &str = "Le ministre Bernard Cazeneuve a annoncé mardi la saisie de 2.500 euros à Lyon. \
        La police a arrêté trois hommes dans le centre de la ville après une longue enquête. \
        « Nous ne laisserons rien passer », a déclaré Bernard Cazeneuve devant les journalistes.";
    const ENGLISH: &str = "Minister Bernard Cazeneuve announced on Tuesday the seizure of 2,500 euros in Lyon. \
        Police arrested three men in the city centre after a long investigation. \
        “We will let nothing pass,” Bernard Cazeneuve told reporters.";

    /// Files old enough for the cache to trust their timestamps.
    fn write_old(path: &Path, text: &str) {
        fs::write(path, text).unwrap();
        let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
        fs::File::options().write(true).open(path).unwrap().set_modified(old).unwrap();
    }

    /// A folder of `fillers` English weather notes (each with a number of its own), one
    /// English article and its French counterpart; indexed into the cache `db`.
    fn folder(fillers: usize) -> (tempfile::TempDir, PathBuf, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let (dir, db) = (tmp.path().join("news"), tmp.path().join("cache.db"));
        fs::create_dir(&dir).unwrap();
        for k in 0..fillers {
            let text = format!(
                "The weather report number {} expects rain over the hills and a cold wind this week. \
                 Farmers should bring the animals in before the night comes.",
                100 + k
            );
            write_old(&dir.join(format!("w{k:03}.txt")), &text);
        }
        write_old(&dir.join("en.txt"), ENGLISH);
        write_old(&dir.join("fr.txt"), FRENCH);
        super::super::load_dir_cached(&dir, Some(&db)).unwrap();
        (tmp, dir, db)
    }

    /// The folder's articles as a listing loads them: no bodies.
    fn rows(dir: &Path, db: &Path) -> Vec<Article> {
        let rows = super::super::load_dir_metadata(dir, Some(db)).unwrap().articles;
        assert!(rows.iter().all(|a| a.text.is_empty()), "rows come without their text");
        rows
    }

    /// What the folder-wide proposals say about `id`.
    fn listed_with(dir: &Path, manifest: &Manifest, id: &str) -> Vec<PairCandidate> {
        let full = super::super::load_dir(dir).unwrap().articles;
        crate::align::propose_pairs(&full, manifest).into_iter().filter(|c| c.left == id || c.right == id).collect()
    }

    #[test]
    fn one_article_gets_the_proposals_the_folder_listing_gives_it() {
        for fillers in [3, COMPARE_ALL_BELOW + 5] {
            let (_tmp, dir, db) = folder(fillers);
            let cache = ArticleCache::open(&db).unwrap();
            let rows = rows(&dir, &db);
            let found = counterparts_of(&cache, &dir, &rows, &Manifest::default(), "fr");
            assert_eq!(found.first().map(|c| (c.left.as_str(), c.right.as_str())), Some(("en", "fr")), "{fillers}: {found:?}");
            assert!(found[0].evidence.iter().any(|e| e.contains("quoted statements")), "{:?}", found[0]);
            assert_eq!(found, listed_with(&dir, &Manifest::default(), "fr"), "{fillers} fillers");
            assert_eq!(counterpart_in_index(&cache, &dir, &rows, &Manifest::default(), "en"), Counterpart::Found("fr".into()));
        }
    }

    #[test]
    fn a_pinned_pair_comes_first_whatever_it_shares() {
        let (_tmp, dir, db) = folder(3);
        let cache = ArticleCache::open(&db).unwrap();
        let manifest = Manifest { pairs: vec![PinnedPair { left: "w001".into(), right: "fr".into() }], ..Default::default() };
        let found = counterparts_of(&cache, &dir, &rows(&dir, &db), &manifest, "fr");
        assert_eq!((found[0].left.as_str(), found[0].right.as_str()), ("w001", "fr"));
        assert_eq!(found, listed_with(&dir, &manifest, "fr"));
    }

    #[test]
    fn the_index_follows_changed_and_deleted_files() {
        let (_tmp, dir, db) = folder(COMPARE_ALL_BELOW + 5);
        // The French article now tells another story; the English one is gone.
        write_old(&dir.join("fr.txt"), "Il a plu toute la semaine sur les collines, et les routes sont glissantes ce matin.");
        fs::remove_file(dir.join("en.txt")).unwrap();
        super::super::load_dir_cached(&dir, Some(&db)).unwrap();
        let cache = ArticleCache::open(&db).unwrap();
        let rows = rows(&dir, &db);
        assert!(counterparts_of(&cache, &dir, &rows, &Manifest::default(), "fr").iter().all(|c| c.left != "en" && c.right != "en"));
        let count = |sql: &str| cache.connection().query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
        assert_eq!(count("SELECT count(*) FROM diglot_pair_profile"), count("SELECT count(*) FROM diglot_cached_article"));
        let orphans = "SELECT count(*) FROM diglot_pair_anchor WHERE article NOT IN (SELECT rowid FROM diglot_cached_article)";
        assert_eq!(count(orphans), 0, "anchors of the deleted file are gone");
        let cazeneuve = i64::from(crate::align::tokens::match_key("cazeneuve"));
        assert_eq!(count(&format!("SELECT count(*) FROM diglot_pair_anchor WHERE anchor = {cazeneuve}")), 0, "the old French anchors too");
    }

    #[test]
    fn the_folder_listing_from_the_index_is_the_listing_from_the_articles() {
        let (_tmp, dir, db) = folder(COMPARE_ALL_BELOW + 5);
        let cache = ArticleCache::open(&db).unwrap();
        let full = super::super::load_dir(&dir).unwrap().articles;
        let from_index = propose_pairs_in_folder(&cache, &dir, &rows(&dir, &db), &Manifest::default());
        assert!(!from_index.is_empty());
        assert_eq!(from_index, crate::align::propose_pairs(&full, &Manifest::default()));
    }

    #[test]
    fn quotes_held_by_the_quote_cache_are_read_back_not_extracted_again() {
        let (_tmp, dir, db) = folder(COMPARE_ALL_BELOW + 5);
        let quoted = |found: &[PairCandidate]| found[0].evidence.iter().any(|e| e.contains("quoted statements"));
        let mut cache = ArticleCache::open(&db).unwrap();
        let rows = rows(&dir, &db);
        assert!(quoted(&counterparts_of(&cache, &dir, &rows, &Manifest::default(), "fr")));
        // The cache says the English version holds no quote: the proposals believe it
        // (a long article's quotes are never extracted again when the cache has them).
        let en = FileKey::of(&dir.join("en.txt")).unwrap();
        cache.put_quotes([(&en, &[][..])]);
        assert!(!quoted(&counterparts_of(&cache, &dir, &rows, &Manifest::default(), "fr")));
        assert!(!quoted(&propose_pairs_in_folder(&cache, &dir, &rows, &Manifest::default())));
    }
}
