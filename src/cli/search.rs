//! `diglot index` (build or refresh the index of a folder ahead of time) and
//! `diglot search` (full-text search through it, with the filter language).

use super::articles::{ListEntry, entry};
use super::highlights::open_store_for_reading;
use super::{CliError, Context, ListFormat};
use crate::index::query::Query;
use crate::ingest::cache::{self, ArticleCache, FileKey};
use crate::model::Article;
use crate::sanitize::{line, to_json};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

/// Read `dir` through the index at the default cache location, and say what was done.
pub fn index(dir: &Path) -> Result<String, CliError> {
    let Some(location) = cache::default_location() else {
        return Err(CliError("the index is turned off (DIGLOT_CACHE=off): nothing to build".into()));
    };
    let started = Instant::now();
    // Metadata only: the bodies are in the index, read back a chunk at a time for quotes.
    let (corpus, report) = crate::ingest::index_dir(dir, &location)?;
    super::report_load_problems(&corpus);
    // Quotes too, so that `quotes` and `speakers` find them there.
    let quotes = crate::index::quotes::index_quotes(&corpus, &location);
    let held = ArticleCache::open(&location).map_or(0, |c| c.len());
    Ok(format!(
        "{}: {} articles; read {}, reused {}, removed {}, failed {}, quotes extracted from {} and reused for {} in {:.2} s; the index ({}) holds {held} articles\n",
        dir.display(),
        corpus.articles.len(),
        report.read,
        report.reused,
        report.removed,
        report.failed,
        quotes.extracted,
        quotes.reused,
        started.elapsed().as_secs_f64(),
        location.display(),
    ))
}

#[derive(Serialize)]
struct SearchEntry<'a> {
    #[serde(flatten)]
    entry: ListEntry<'a>,
    /// bm25 rank, lower is better; absent when the query has no words.
    rank: Option<f64>,
}

/// Articles matching `query` (words, "phrases", prefix*, `lang:xx`, `unread`, `read`,
/// `starred`, `archived`), best first; with no words, every article passing the rest in
/// list order.
pub fn search(ctx: &Context, query: &str, format: ListFormat) -> Result<String, CliError> {
    let q = Query::parse(query);
    let articles = &ctx.corpus.articles;
    let ranked: Vec<(usize, Option<f64>)> = match q.fts() {
        None => (0..articles.len()).map(|i| (i, None)).collect(),
        Some(fts) => full_text(articles, &fts)?.into_iter().map(|(i, r)| (i, Some(r))).collect(),
    };
    let triage = if q.unread || q.read || q.starred || q.archived || !ranked.is_empty() {
        open_store_for_reading(ctx)?.all_triage()?
    } else {
        HashMap::new()
    };
    let found: Vec<SearchEntry<'_>> = ranked
        .into_iter()
        .filter(|&(i, _)| {
            let a = &articles[i];
            let t = triage.get(&a.id).copied().unwrap_or_default();
            q.admits(a.meta.language.as_deref(), t.read, t.starred, t.archived)
        })
        .map(|(i, rank)| SearchEntry { entry: entry(&articles[i]), rank })
        .collect();
    Ok(match format {
        ListFormat::Json => to_json(&found),
        ListFormat::Table => found
            .iter()
            .map(|e| format!("{}  {}  {}\n", line(e.entry.id), line(e.entry.language.unwrap_or("?")), line(e.entry.title.unwrap_or("-"))))
            .collect(),
    })
}

/// Indices into `articles` of those matching the FTS5 query, best first, with their rank.
/// The index on disk answers when it holds every article of the corpus as loaded; else
/// (the bundled corpus, the cache off, files changed a moment ago) an index in memory is
/// built for the corpus.
fn full_text(articles: &[Article], fts: &str) -> Result<Vec<(usize, f64)>, CliError> {
    let by_key: HashMap<String, usize> = articles
        .iter()
        .enumerate()
        .filter_map(|(i, a)| Some((FileKey::of(Path::new(&a.path))?.path, i)))
        .collect();
    let on_disk = (by_key.len() == articles.len())
        .then(|| cache::default_location().and_then(|l| ArticleCache::open(&l)))
        .flatten()
        .filter(|c| by_key.keys().all(|p| c.holds(p)));
    let (index, by_path) = match on_disk {
        Some(c) => (c, by_key),
        None => {
            let mut c = ArticleCache::in_memory().ok_or_else(|| CliError("cannot build a search index in memory".into()))?;
            let keys: Vec<FileKey> = articles.iter().map(|a| FileKey { path: a.path.clone(), size: 0, modified_ns: 0 }).collect();
            c.put_all(keys.iter().zip(articles));
            (c, articles.iter().enumerate().map(|(i, a)| (a.path.clone(), i)).collect())
        }
    };
    let hits = index.search(fts).map_err(|e| CliError(format!("search {}: {e}", line(fts))))?;
    Ok(hits.into_iter().filter_map(|h| Some((*by_path.get(&h.path)?, h.rank))).collect())
}
