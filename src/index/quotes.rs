//! The quotes of a whole corpus, from the index where it holds them for each article's
//! version ([`crate::ingest::cache`]), extracted on every core where it does not, and
//! remembered there for next time. What `diglot quotes`, `diglot speakers` and
//! `diglot index` read.

use crate::ingest::cache::{ArticleCache, FileKey};
use super::progress::Progress;
use crate::ingest::{Corpus, load_file};
use crate::model::{Article, Quote};
use crate::text::quotes::extract;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Where a corpus's quotes came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuoteReport {
    /// Articles whose quotes were extracted now.
    pub extracted: usize,
    /// Articles whose quotes came from the index.
    pub reused: usize,
}

/// The quotes of each article of `corpus`, in its order, each carrying the article's id.
///
/// For a corpus read from a folder, the index at `cache` gives the quotes of every file
/// version it holds them for; the others are extracted in parallel and remembered. An
/// article loaded without its body (as `diglot list` loads them) is read from the index,
/// else from its file, when its quotes must be extracted. Without a folder or an index,
/// every article's quotes are extracted.
pub fn corpus_quotes(corpus: &Corpus, cache: Option<&Path>) -> (Vec<Vec<Quote>>, QuoteReport) {
    let (mut cache, keys) = open(corpus, cache);
    let cached = cache.as_ref().map_or_else(|| vec![None; keys.len()], |c| c.quotes_all(&keys));
    let missing: Vec<usize> = (0..keys.len()).filter(|&i| cached[i].is_none()).collect();
    let mut fresh = Vec::with_capacity(missing.len());
    extract_missing(corpus, &keys, &missing, cache.as_mut(), |chunk| fresh.extend(chunk));
    let mut fresh = fresh.into_iter();
    let report = QuoteReport { extracted: missing.len(), reused: keys.len() - missing.len() };
    let quotes = cached
        .into_iter()
        .zip(&corpus.articles)
        .map(|(hit, a)| {
            let mut qs = hit.unwrap_or_else(|| fresh.next().unwrap_or_default());
            for q in &mut qs {
                q.article.clone_from(&a.id);
            }
            qs
        })
        .collect();
    (quotes, report)
}

/// Make the index at `cache` hold the quotes of every article of `corpus` (read from a
/// folder), extracting those it lacks: what `diglot index` does. The quotes it already
/// holds are not read.
pub fn index_quotes(corpus: &Corpus, cache: &Path) -> QuoteReport {
    let (mut cache, keys) = open(corpus, Some(cache));
    let held = cache.as_ref().map_or_else(|| vec![false; keys.len()], |c| c.quotes_held(&keys));
    let missing: Vec<usize> = (0..keys.len()).filter(|&i| !held[i]).collect();
    // Each chunk's quotes are in the index once stored: none is kept here.
    extract_missing(corpus, &keys, &missing, cache.as_mut(), drop);
    QuoteReport { extracted: missing.len(), reused: keys.len() - missing.len() }
}

/// The index of a corpus read from a folder, and the key of each article's file in it.
fn open(corpus: &Corpus, cache: Option<&Path>) -> (Option<ArticleCache>, Vec<Option<FileKey>>) {
    let articles = &corpus.articles;
    let cache = corpus.folder.as_ref().and(cache).and_then(ArticleCache::open);
    let keys = match (&corpus.folder, &cache) {
        (Some(dir), Some(_)) => {
            let paths: Vec<PathBuf> = articles.iter().map(|a| PathBuf::from(&a.path)).collect();
            FileKey::of_folder(dir, &paths)
        }
        _ => vec![None; articles.len()],
    };
    (cache, keys)
}

/// Articles whose bodies are decoded at once for quote extraction: enough for every
/// core, few enough that a folder's bodies are never all in memory.
const BODIES_AT_ONCE: usize = 512;

/// The quotes of the articles at the indices `missing`, extracted on every core and
/// remembered in `cache`, [`BODIES_AT_ONCE`] articles at a time; each chunk's quotes (in
/// the order of `missing`) then go to `take`.
fn extract_missing(
    corpus: &Corpus,
    keys: &[Option<FileKey>],
    missing: &[usize],
    mut cache: Option<&mut ArticleCache>,
    mut take: impl FnMut(Vec<Vec<Quote>>),
) {
    let progress = Progress::of("extracting quotes", missing.len(), "articles");
    for chunk in missing.chunks(BODIES_AT_ONCE) {
        let fresh = extract_chunk(corpus, keys, chunk, cache.as_deref(), &progress);
        if let Some(c) = cache.as_deref_mut() {
            c.put_quotes(chunk.iter().zip(&fresh).filter_map(|(&i, qs)| Some((keys[i].as_ref()?, qs.as_slice()))));
        }
        take(fresh);
    }
}

/// The quotes of the articles at the indices `chunk`; bodies the listing did not load
/// come from the index, else from their files.
fn extract_chunk(corpus: &Corpus, keys: &[Option<FileKey>], chunk: &[usize], cache: Option<&ArticleCache>, progress: &Progress) -> Vec<Vec<Quote>> {
    let articles = &corpus.articles;
    let unloaded: Vec<usize> = chunk.iter().copied().filter(|&i| articles[i].text.is_empty()).collect();
    let unloaded_keys: Vec<Option<FileKey>> = unloaded.iter().map(|&i| keys[i].clone()).collect();
    let bodies: Vec<Option<Article>> = cache.map_or_else(|| vec![None; unloaded.len()], |c| c.get_all(&unloaded_keys));
    let body_of: HashMap<usize, Article> = unloaded.iter().copied().zip(bodies).filter_map(|(i, b)| Some((i, b?))).collect();
    chunk
        .par_iter()
        .map(|&i| {
            let a = &articles[i];
            let quotes = if a.text.is_empty() {
                let body = body_of.get(&i).cloned().or_else(|| load_file(Path::new(&a.path)).ok());
                // The folder's id, path and metadata (the manifest's additions) with the body.
                body.map_or_else(Vec::new, |b| extract(&Article { id: a.id.clone(), path: a.path.clone(), meta: a.meta.clone(), ..b }))
            } else {
                extract(a)
            };
            progress.tick();
            quotes
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{index_dir, load_dir_indexed};

    /// A folder of articles with quotes, old enough for the index to trust their times,
    /// with a manifest adding an author and two files whose ids clash.
    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let files = [
            ("a.txt", "Raid in Lyon\n\n\"We seized the drugs,\" said inspector Marie Dupont. The police left.\n"),
            ("b.txt", "Union talks\n\nThe union leader Tom Baker said: \"We will not stop.\" Talks go on.\n"),
            ("b.html", "<html><head><title>Other</title></head><body><p>\"Nothing to add,\" a spokesman said.</p></body></html>"),
            ("c.txt", "Weather\n\nRain tomorrow.\n"),
        ];
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_704_067_200);
            std::fs::File::options().write(true).open(&path).unwrap().set_modified(old).unwrap();
        }
        std::fs::write(dir.path().join("corpus.toml"), "[[article]]\nid = \"c\"\nauthor = \"Ann Weather\"\n").unwrap();
        dir
    }

    #[test]
    fn indexing_with_metadata_only_reports_and_stores_what_whole_articles_did() {
        let dir = folder();
        let whole_db = dir.path().join("whole.db");
        let lean_db = dir.path().join("lean.db");
        let folder = dir.path();
        let (whole, whole_report) = load_dir_indexed(folder, Some(&whole_db)).unwrap();
        let (lean, lean_report) = index_dir(folder, &lean_db).unwrap();
        assert_eq!(whole_report, lean_report);
        assert_eq!(whole_report.read, 4);
        assert!(lean.articles.iter().all(|a| a.text.is_empty() && a.paragraphs.is_empty()), "no body held");
        let ids_and_meta = |c: &Corpus| c.articles.iter().map(|a| (a.id.clone(), a.meta.clone())).collect::<Vec<_>>();
        assert_eq!(ids_and_meta(&whole), ids_and_meta(&lean));
        assert_eq!(lean.articles.iter().find(|a| a.id == "c").and_then(|a| a.meta.author.as_deref()), Some("Ann Weather"));
        assert_eq!(index_quotes(&whole, &whole_db), index_quotes(&lean, &lean_db));
        let stored = |corpus: &Corpus, db: &Path| {
            let (cache, keys) = open(corpus, Some(db));
            cache.unwrap().quotes_all(&keys)
        };
        let quotes = stored(&lean, &lean_db);
        assert!(quotes.iter().all(Option::is_some) && quotes.iter().flatten().flatten().count() >= 3, "{quotes:?}");
        assert_eq!(stored(&whole, &whole_db), quotes);
        // The second time: everything reused, nothing extracted.
        let (_, again) = index_dir(folder, &lean_db).unwrap();
        assert_eq!((again.read, again.reused), (0, 4));
        assert_eq!(index_quotes(&lean, &lean_db), QuoteReport { extracted: 0, reused: 4 });
    }
}
