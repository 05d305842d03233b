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
    let mut fresh = extract_missing(corpus, &keys, &missing, cache.as_mut()).into_iter();
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
    extract_missing(corpus, &keys, &missing, cache.as_mut());
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
/// remembered in `cache`, [`BODIES_AT_ONCE`] articles at a time.
fn extract_missing(corpus: &Corpus, keys: &[Option<FileKey>], missing: &[usize], mut cache: Option<&mut ArticleCache>) -> Vec<Vec<Quote>> {
    let progress = Progress::of("extracting quotes", missing.len(), "articles");
    let mut extracted = Vec::with_capacity(missing.len());
    for chunk in missing.chunks(BODIES_AT_ONCE) {
        let fresh = extract_chunk(corpus, keys, chunk, cache.as_deref(), &progress);
        if let Some(c) = cache.as_deref_mut() {
            c.put_quotes(chunk.iter().zip(&fresh).filter_map(|(&i, qs)| Some((keys[i].as_ref()?, qs.as_slice()))));
        }
        extracted.extend(fresh);
    }
    drop(progress);
    extracted
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
