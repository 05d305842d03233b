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
    let articles = &corpus.articles;
    let mut cache = corpus.folder.as_ref().and(cache).and_then(ArticleCache::open);
    let keys: Vec<Option<FileKey>> = match (&corpus.folder, &cache) {
        (Some(dir), Some(_)) => {
            let paths: Vec<PathBuf> = articles.iter().map(|a| PathBuf::from(&a.path)).collect();
            FileKey::of_folder(dir, &paths)
        }
        _ => vec![None; articles.len()],
    };
    let cached = cache.as_ref().map_or_else(|| vec![None; keys.len()], |c| c.quotes_all(&keys));
    let missing: Vec<usize> = (0..articles.len()).filter(|&i| cached[i].is_none()).collect();
    // Bodies of the articles to extract from that were loaded without one.
    let unloaded: Vec<usize> = missing.iter().copied().filter(|&i| articles[i].text.is_empty()).collect();
    let unloaded_keys: Vec<Option<FileKey>> = unloaded.iter().map(|&i| keys[i].clone()).collect();
    let bodies: Vec<Option<Article>> =
        cache.as_ref().map_or_else(|| vec![None; unloaded.len()], |c| c.get_all(&unloaded_keys));
    let body_of: HashMap<usize, Article> = unloaded.iter().copied().zip(bodies).filter_map(|(i, b)| Some((i, b?))).collect();
    let progress = Progress::of("extracting quotes", missing.len(), "articles");
    let extracted: Vec<Vec<Quote>> = missing
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
        .collect();
    drop(progress);
    if let Some(c) = cache.as_mut() {
        c.put_quotes(missing.iter().zip(&extracted).filter_map(|(&i, qs)| Some((keys[i].as_ref()?, qs.as_slice()))));
    }
    let report = QuoteReport { extracted: missing.len(), reused: articles.len() - missing.len() };
    let mut fresh = extracted.into_iter();
    let quotes = cached
        .into_iter()
        .zip(articles)
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
