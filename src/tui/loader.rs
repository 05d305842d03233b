//! Reading a folder for the reader while it runs: the listing is done before the first
//! frame (it only names the files), the files are read on worker threads, and their
//! rows go to the app as they are parsed ([`Arrival`]), with the progress. Parsed
//! articles go into the index on disk (the article cache), from which the reader loads
//! the bodies it opens and answers full-text searches: no article is kept in memory.

use crate::app::catalog::{ArticleSource, Arrival, Row, known_as};
use crate::ingest::cache::{ArticleCache, FileKey};
use crate::index::folder::{FolderRead, Held, first_held};
use crate::ingest::{self, LoadError};
use crate::model::{Article, Manifest, Quote};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Instant;

/// Files parsed between two sends to the app (and two writes to the index).
const BATCH: usize = 32;

/// A folder's articles, read from the index on disk or else from their files.
pub struct FolderSource {
    /// Where the article cache is (`None`: it is off).
    cache: Option<PathBuf>,
    /// The folder (the index knows its counterpart profiles by folder).
    dir: PathBuf,
    /// The article cache (or, with the cache off, an index in a temporary file): bodies
    /// and search. Opened by the folder's reader (opening may take a moment: a cache
    /// written by another diglot is emptied), not before the first frame.
    index: OnceLock<Mutex<ArticleCache>>,
    /// The temporary index's folder, removed when the reader ends.
    temporary: OnceLock<tempfile::TempDir>,
    /// Slot of each file by its canonical path (as the index names files).
    slots: Mutex<HashMap<String, usize>>,
    /// Each slot's file as listed. A row's `path` is for showing: a name that is not
    /// UTF-8 is shown with U+FFFD and would name no file.
    files: OnceLock<Vec<PathBuf>>,
}

impl ArticleSource for FolderSource {
    fn load(&self, slot: usize, row: &Row) -> Result<Article, String> {
        let path = self.file(slot, row);
        let path = path.as_path();
        let cached = self.index.get().and_then(|index| {
            let key = FileKey::of(path)?;
            index.lock().ok()?.get(&key)
        });
        match cached {
            Some(a) => Ok(a),
            None => ingest::load_file(path).map_err(|e| e.reason),
        }
    }

    fn counterpart(&self, id: &str, articles: &[Article], manifest: &Manifest) -> Option<crate::align::Counterpart> {
        let index = self.index.get()?.lock().ok()?;
        Some(ingest::counterparts::counterpart_in_index(&index, &self.dir, articles, manifest, id))
    }

    fn all_pairs(&self, articles: &[Article], manifest: &Manifest) -> Option<Vec<crate::align::PairCandidate>> {
        let index = self.index.get()?.lock().ok()?;
        Some(ingest::counterparts::propose_pairs_in_folder(&index, &self.dir, articles, manifest))
    }

    fn quotes(&self, articles: &[(usize, Row)]) -> Vec<Vec<Quote>> {
        let paths: Vec<PathBuf> = articles.iter().map(|(slot, row)| self.file(*slot, row)).collect();
        let keys = FileKey::of_folder(&self.dir, &paths);
        let index = self.index.get();
        let cached = index.and_then(|i| Some(i.lock().ok()?.quotes_all(&keys))).unwrap_or_else(|| vec![None; keys.len()]);
        let missing: Vec<usize> = (0..articles.len()).filter(|&i| cached[i].is_none()).collect();
        let fresh: Vec<Vec<Quote>> = missing
            .par_iter()
            .map(|&i| {
                let (slot, row) = &articles[i];
                self.load(*slot, row).map(|a| crate::text::quotes::extract(&known_as(a, row))).unwrap_or_default()
            })
            .collect();
        // Remembered for the next time (only where the index holds that file version).
        if let Some(index) = index
            && let Ok(mut index) = index.lock()
        {
            index.put_quotes(missing.iter().zip(&fresh).filter_map(|(&i, qs)| Some((keys[i].as_ref()?, qs.as_slice()))));
        }
        let mut fresh = fresh.into_iter();
        cached
            .into_iter()
            .zip(articles)
            .map(|(hit, (_, row))| {
                let mut quotes = hit.unwrap_or_else(|| fresh.next().unwrap_or_default());
                for q in &mut quotes {
                    q.article.clone_from(&row.id);
                }
                quotes
            })
            .collect()
    }

    fn search(&self, fts: &str) -> Result<Vec<usize>, String> {
        // Until the index is open nothing matches (the app asks again when the folder is read).
        let Some(index) = self.index.get() else { return Ok(Vec::new()) };
        let hits = index.lock().map_err(|_| "the search index is not available".to_string())?.search(fts).map_err(|e| e.to_string())?;
        let slots = self.slots.lock().map_err(|_| "the search index is not available".to_string())?;
        Ok(hits.into_iter().filter_map(|hit| slots.get(&hit.path).copied()).collect())
    }
}

impl FolderSource {
    /// The bodies and searches of a folder, from the article cache at `cache` (else from an
    /// index in a temporary file, filled as the folder is read: not in memory, which
    /// would then hold every article).
    pub fn new(dir: &Path, cache: Option<&Path>) -> Arc<FolderSource> {
        Arc::new(FolderSource {
            cache: cache.map(Path::to_path_buf),
            dir: dir.to_path_buf(),
            index: OnceLock::new(),
            temporary: OnceLock::new(),
            slots: Mutex::new(HashMap::new()),
            files: OnceLock::new(),
        })
    }

    /// The file of `slot` as the folder listed it, else the path `row` shows.
    fn file(&self, slot: usize, row: &Row) -> PathBuf {
        self.files.get().and_then(|f| f.get(slot)).cloned().unwrap_or_else(|| PathBuf::from(&row.path))
    }

    /// Open the index (on the folder's reader); `None` when no index can be had at all.
    fn open_index(&self) -> Option<&Mutex<ArticleCache>> {
        let index = match self.cache.as_deref().and_then(ArticleCache::open) {
            Some(index) => index,
            None => {
                let dir = tempfile::Builder::new().prefix("diglot-index-").tempdir().ok()?;
                let index = ArticleCache::temporary(&dir.path().join("articles.db"))?;
                let _ = self.temporary.set(dir);
                index
            }
        };
        let _ = self.index.set(Mutex::new(index));
        self.index.get()
    }
}

/// What the folder's reader is asked to do.
pub struct Job {
    pub dir: PathBuf,
    /// The article files, as [`ingest::list_folder`] listed them (slots in this order).
    pub paths: Vec<PathBuf>,
    pub manifest: Manifest,
    pub source: Arc<FolderSource>,
    /// The highlight store whose highlights follow edited files once all are read.
    pub reanchor: Option<PathBuf>,
}

/// Read the folder on a worker thread (its files on every core), sending what arrives
/// down `tx` and setting `wake` so the event loop draws again.
pub fn spawn(job: Job, tx: Sender<Arrival>, wake: Arc<AtomicBool>) {
    let _ = job.source.files.set(job.paths.clone());
    let waking = Waking { tx, wake };
    let failed = waking.clone();
    let spawned = std::thread::Builder::new().name("diglot-folder".into()).spawn(move || {
        yield_to_the_ui();
        // The files are parsed on threads of their own, which also give way to the UI.
        let pool = rayon::ThreadPoolBuilder::new().thread_name(|i| format!("diglot-read-{i}")).start_handler(|_| yield_to_the_ui()).build();
        match pool {
            Ok(pool) => pool.install(|| read_folder(&job, &waking, FIRST_PAGE)),
            Err(_) => read_folder(&job, &waking, FIRST_PAGE),
        }
        if let Some(db) = &job.reanchor {
            waking.send(Arrival::Reanchored(reanchor(db, &job)));
        }
        waking.send(Arrival::Done);
    });
    if let Err(e) = spawned {
        failed.send(Arrival::Failed(vec![LoadError { path: "(folder)".into(), reason: format!("cannot start reading the folder: {e}") }]));
        failed.send(Arrival::Done);
    }
}

/// Lower the calling thread's priority (on Linux `nice` is per thread): on a busy machine
/// the UI thread then draws and answers keys first, and reading the folder takes the rest.
fn yield_to_the_ui() {
    let _ = rustix::process::nice(5);
}

/// The channel to the app, which is woken at each send.
#[derive(Clone)]
struct Waking {
    tx: Sender<Arrival>,
    wake: Arc<AtomicBool>,
}

impl Waking {
    /// False when the app is gone (the reader quit): the work stops.
    fn send(&self, arrival: Arrival) -> bool {
        let sent = self.tx.send(arrival).is_ok();
        self.wake.store(true, Ordering::SeqCst);
        sent
    }
}

/// Re-anchor the highlights of the store at `db` in the articles that have some (their
/// files may have changed since the highlights were made).
fn reanchor(db: &Path, job: &Job) -> Result<(), String> {
    let store = crate::store::Store::open_with_timeout(db, std::time::Duration::from_secs(2)).map_err(|e| e.to_string())?;
    let highlighted: std::collections::BTreeSet<String> = store
        .highlights(None)
        .map_err(|e| e.to_string())?
        .into_iter()
        .flat_map(|h| std::iter::once(h.passage.article).chain(h.counterpart.map(|c| c.article)))
        .collect();
    let ids = folder_ids(&job.paths);
    let articles: Vec<Article> = ids
        .iter()
        .enumerate()
        .filter(|(_, (id, _))| highlighted.contains(id))
        .filter_map(|(slot, (id, _))| {
            let mut a = job.source.load(slot, &Row { id: id.clone(), path: job.paths[slot].display().to_string(), meta: Default::default(), bytes: 0 }).ok()?;
            a.id = id.clone();
            Some(a)
        })
        .collect();
    store.reanchor(&articles).map(|_| ()).map_err(|e| e.to_string())
}

/// The id of each file (made unique in the folder), with the warning for a changed one.
fn folder_ids(paths: &[PathBuf]) -> Vec<(String, Option<String>)> {
    let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let stems: Vec<String> = shown.iter().map(|p| ingest::id_from_path(p)).collect();
    ingest::unique_ids(stems.iter().map(String::as_str).zip(shown.iter().map(String::as_str)))
}

/// Rows looked up before the rest of the folder: more than a tall terminal's screenful.
const FIRST_PAGE: usize = 200;

/// The row of the article in `slot`, known by its id in the folder (`ids`, with the
/// warning of a changed one), with what the manifest says of it.
fn folder_row(ids: &[(String, Option<String>)], manifest: &Manifest, slot: usize, mut article: Article) -> Row {
    let (id, warning) = &ids[slot];
    article.id = id.clone();
    article.meta.warnings.extend(warning.clone());
    manifest.apply(std::slice::from_mut(&mut article));
    Row::of(&article)
}

/// The work of the folder's reader: the rows of the first `first_page` files the index
/// holds, then the folder read through the index ([`FolderRead`]), rows of what the index
/// holds sent at once, the others as each batch is parsed and written to the index.
/// Stops early when the app is gone (its receiver dropped).
fn read_folder(job: &Job, tx: &Waking, first_page: usize) {
    let Job { dir, paths, manifest, source, .. } = job;
    let started = Instant::now();
    if !tx.send(Arrival::Listed { total: paths.len() }) {
        return;
    }
    let index = source.open_index();
    // A screenful of rows first, by one lookup each; they are sent again with the rest.
    if let Some(index) = index {
        let first = first_held(paths, index, dir, first_page);
        // An id depends only on the files before it (see `ingest::unique_ids`).
        let ids = folder_ids(&paths[..first_page.min(paths.len())]);
        let rows = first.into_iter().filter_map(|f| Some((f.slot, folder_row(&ids, manifest, f.slot, f.article.ok()?)))).collect();
        if !tx.send(Arrival::Rows(rows)) {
            return;
        }
    }
    let ids = folder_ids(paths);
    let read = FolderRead::new(dir, paths, index);
    if let Ok(mut slots) = source.slots.lock() {
        slots.extend(read.keys().iter().enumerate().filter_map(|(i, k)| Some((k.as_ref()?.path.clone(), i))));
    }
    let row = |slot: usize, article: Article| -> Row { folder_row(&ids, manifest, slot, article) };
    let mut done = 0;
    read.run(Held::Metadata, BATCH, |_, files| {
        done += files.len();
        let mut rows = Vec::with_capacity(files.len());
        let mut failed = Vec::new();
        for file in files {
            match file.article {
                Ok(article) => rows.push((file.slot, row(file.slot, article))),
                Err(e) => failed.push(e),
            }
        }
        tx.send(Arrival::Rows(rows))
            && (failed.is_empty() || tx.send(Arrival::Failed(failed)))
            && tx.send(Arrival::Progress { done, elapsed: started.elapsed() })
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::cache::folder::tests::write_old;
    use std::sync::mpsc::{Receiver, channel};

    /// What the folder's reader of `dir` sends (with the index at `cache`), showing
    /// `first_page` rows first.
    fn arrivals(dir: &Path, cache: &Path, first_page: usize) -> Receiver<Arrival> {
        let (paths, listing) = ingest::list_folder(dir).unwrap();
        let source = FolderSource::new(dir, Some(cache));
        let _ = source.files.set(paths.clone());
        let job = Job { dir: dir.to_path_buf(), paths, manifest: listing.manifest, source, reanchor: None };
        let (tx, rx) = channel();
        read_folder(&job, &Waking { tx, wake: Arc::new(AtomicBool::new(false)) }, first_page);
        rx
    }

    fn titles(rows: &[(usize, Row)]) -> Vec<(usize, String)> {
        rows.iter().map(|(slot, r)| (*slot, r.display_title().to_string())).collect()
    }

    #[test]
    fn the_first_page_of_rows_comes_from_the_index_before_the_rest_of_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("f");
        std::fs::create_dir(&folder).unwrap();
        for (name, title) in [("a.txt", "Alpha"), ("b.txt", "Beta"), ("c.txt", "Gamma"), ("d.txt", "Delta")] {
            write_old(&folder.join(name), &format!("{title}\n\nSome words of {title}."));
        }
        let cache = dir.path().join("c.db");
        // The first read parses every file into the index: no first page to show yet.
        let cold: Vec<Arrival> = arrivals(&folder, &cache, 2).into_iter().collect();
        assert!(matches!(cold[0], Arrival::Listed { total: 4 }));
        assert!(matches!(&cold[1], Arrival::Rows(rows) if rows.is_empty()), "{:?}", cold[1]);
        // Warm: the first two rows alone, then every row, then the end.
        let warm: Vec<Arrival> = arrivals(&folder, &cache, 2).into_iter().collect();
        assert!(matches!(warm[0], Arrival::Listed { total: 4 }));
        let Arrival::Rows(first) = &warm[1] else { panic!("{:?}", warm[1]) };
        assert_eq!(titles(first), [(0, "Alpha".to_string()), (1, "Beta".to_string())]);
        assert_eq!(first[0].1.id, "a");
        let Arrival::Rows(all) = &warm[2] else { panic!("{:?}", warm[2]) };
        assert_eq!(all.len(), 4);
        assert_eq!(first[1].1, all.iter().find(|(slot, _)| *slot == 1).unwrap().1, "the first page's row is the row read later");
        assert!(warm.iter().any(|a| matches!(a, Arrival::Progress { done: 4, .. })));
    }

    #[test]
    fn a_changed_file_of_the_first_page_is_not_shown_from_the_index() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("f");
        std::fs::create_dir(&folder).unwrap();
        write_old(&folder.join("a.txt"), "Alpha\n\nSome words of Alpha.");
        write_old(&folder.join("b.txt"), "Beta\n\nSome words of Beta.");
        let cache = dir.path().join("c.db");
        let _: Vec<Arrival> = arrivals(&folder, &cache, 2).into_iter().collect();
        write_old(&folder.join("a.txt"), "Alpha again\n\nOther words, a longer text than before.");
        let warm: Vec<Arrival> = arrivals(&folder, &cache, 2).into_iter().collect();
        let Arrival::Rows(first) = &warm[1] else { panic!("{:?}", warm[1]) };
        assert_eq!(titles(first), [(1, "Beta".to_string())]);
        let parsed: Vec<(usize, String)> =
            warm.iter().filter_map(|a| if let Arrival::Rows(r) = a { Some(titles(r)) } else { None }).flatten().collect();
        assert!(parsed.contains(&(0, "Alpha again".to_string())), "{parsed:?}");
    }
}
