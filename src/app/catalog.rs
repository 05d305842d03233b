//! The articles the reader knows: a light row for each (id, path, metadata, size), and
//! the bodies loaded on demand into a small bounded cache, so memory does not grow with
//! the folder. Where the bodies come from is an [`ArticleSource`]: the articles already
//! in memory (the bundled corpus, tests), or a folder and its index on disk (built by
//! `tui`, which reads the folder on worker threads and sends the rows here as they are
//! parsed: see [`Arrival`]).

use super::jobs;
use crate::ingest::LoadError;
use crate::model::{Article, Metadata, Quote};
use crate::text::quotes::extract as extract_quotes;
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the list shows of an article, and what finds its body again.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: String,
    pub path: String,
    pub meta: Metadata,
    /// Bytes of clean text.
    pub bytes: usize,
}

impl Row {
    pub fn of(article: &Article) -> Row {
        Row { id: article.id.clone(), path: article.path.clone(), meta: article.meta.clone(), bytes: article.text.len() }
    }

    /// The title, or the id when the article has none.
    pub fn display_title(&self) -> &str {
        self.meta.title.as_deref().unwrap_or(&self.id)
    }

    /// An article with this row's id, path and metadata and no text: what a citation needs.
    pub fn stub(&self) -> Article {
        Article { id: self.id.clone(), path: self.path.clone(), meta: self.meta.clone(), text: String::new(), paragraphs: Vec::new(), links: Vec::new() }
    }
}

/// Where the bodies (and the full-text search) come from.
pub trait ArticleSource: Send + Sync {
    /// The article in `slot` when it is in memory already (no I/O); `None` otherwise.
    fn in_memory(&self, _slot: usize) -> Option<Arc<Article>> {
        None
    }

    /// Read the article of `row` (from the index, else from its file). Called on worker
    /// threads, except for a source that holds its articles in memory.
    fn load(&self, slot: usize, row: &Row) -> Result<Article, String>;

    /// The slots of the articles whose title or text match the FTS5 query, best first.
    fn search(&self, fts: &str) -> Result<Vec<usize>, String>;

    /// The counterpart `b` opens for `id`, from an index of the folder's counterpart
    /// profiles (`articles`: every article, bodies possibly empty); `None` when the
    /// source has no such index, and the whole folder is compared instead.
    fn counterpart(&self, _id: &str, _articles: &[Article], _manifest: &crate::model::Manifest) -> Option<crate::align::Counterpart> {
        None
    }

    /// Every counterpart proposal of the folder (as [`crate::align::propose_pairs`] gives
    /// them), from the index of counterpart profiles without reading every article at
    /// once; `None` when the source has no such index.
    fn all_pairs(&self, _articles: &[Article], _manifest: &crate::model::Manifest) -> Option<Vec<crate::align::PairCandidate>> {
        None
    }

    /// The quotes (all kinds) of each of these articles, in order, each carrying its
    /// row's id; none for an article that cannot be read. Extracted here (on every
    /// core); a source with an index reads those it holds instead.
    fn quotes(&self, articles: &[(usize, Row)]) -> Vec<Vec<Quote>> {
        use rayon::prelude::*;
        articles.par_iter().map(|(slot, row)| self.load(*slot, row).map(|a| extract_quotes(&known_as(a, row))).unwrap_or_default()).collect()
    }

    /// Whether [`load`](Self::load) and [`search`](Self::search) are answered from
    /// memory, so that they can run on the UI thread.
    fn answers_at_once(&self) -> bool {
        false
    }
}

/// Articles already in memory, with a full-text index of them in memory too.
pub struct MemorySource {
    articles: Vec<Arc<Article>>,
    index: Mutex<Option<crate::ingest::cache::ArticleCache>>,
}

impl MemorySource {
    pub fn new(articles: Vec<Article>) -> MemorySource {
        let index = crate::ingest::cache::ArticleCache::in_memory().map(|mut index| {
            // The slot stands for the file: a search answers slots.
            let keys: Vec<_> = (0..articles.len())
                .map(|i| crate::ingest::cache::FileKey { path: i.to_string(), size: 0, modified_ns: 0 })
                .collect();
            index.put_all(keys.iter().zip(&articles));
            index
        });
        MemorySource { articles: articles.into_iter().map(Arc::new).collect(), index: Mutex::new(index) }
    }
}

impl ArticleSource for MemorySource {
    fn in_memory(&self, slot: usize) -> Option<Arc<Article>> {
        self.articles.get(slot).cloned()
    }

    fn load(&self, slot: usize, _row: &Row) -> Result<Article, String> {
        self.articles.get(slot).map(|a| Article::clone(a)).ok_or_else(|| "no such article".into())
    }

    fn search(&self, fts: &str) -> Result<Vec<usize>, String> {
        let index = self.index.lock().map_err(|_| "the search index is not available".to_string())?;
        let Some(index) = index.as_ref() else { return Err("the search index is not available".into()) };
        Ok(index.search(fts).map_err(|e| e.to_string())?.into_iter().filter_map(|hit| hit.path.parse().ok()).collect())
    }

    fn answers_at_once(&self) -> bool {
        true
    }
}

/// What the folder's reader sends while it reads (see `tui::loader`).
#[derive(Debug)]
pub enum Arrival {
    /// The folder holds `total` article files: slots `0..total`, in name order.
    Listed { total: usize },
    /// Rows parsed (or found in the index), by slot.
    Rows(Vec<(usize, Row)>),
    /// Files that could not be read.
    Failed(Vec<LoadError>),
    /// How far the read is, for the progress line: files done of the total, and the time
    /// since it started.
    Progress { done: usize, elapsed: Duration },
    /// The highlights were re-anchored in the files read (or why not).
    Reanchored(Result<(), String>),
    /// Every file has been read.
    Done,
}

/// How the reading of the folder stands.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadProgress {
    pub total: usize,
    pub done: usize,
    pub elapsed: Duration,
    pub finished: bool,
}

impl LoadProgress {
    /// "reading 1200/10000 files, 950/s, 9 s left".
    pub fn line(&self) -> String {
        if self.done == 0 {
            return format!("reading {} files…", self.total);
        }
        let rate = self.done as f64 / self.elapsed.as_secs_f64().max(1e-3);
        let left = self.total.saturating_sub(self.done) as f64 / rate.max(1e-3);
        format!("reading {}/{} files, {rate:.0}/s, {left:.0} s left", self.done, self.total)
    }
}

/// "3 files skipped (first: …) — listed on stderr after quitting", when some were.
pub fn skipped_message(errors: &[LoadError]) -> Option<String> {
    let first = errors.first()?;
    let n = errors.len();
    Some(format!(
        "{n} file{} skipped (first: {}) — listed on stderr after quitting",
        if n == 1 { "" } else { "s" },
        crate::view::text::safe(&first.to_string())
    ))
}

/// Bodies kept at most (the current article, the side-by-side pair, a few before).
const BODIES_KEPT: usize = 8;
/// Text bytes kept at most beyond the newest body (an 8 MiB article stays alone).
const BODY_BYTES_KEPT: usize = 24 * 1024 * 1024;

/// The rows of every article and a few bodies.
pub struct Catalog {
    /// One slot per article file, in name order; `None` until read (or unreadable).
    rows: Vec<Option<Row>>,
    /// Per slot, what the filter and the list search look for words in: id, title,
    /// outlet and author, lower-cased once when the row arrives (not at each keystroke).
    folded: Vec<Box<str>>,
    /// Bumped whenever a row arrives or changes: word matches made before are stale.
    generation: u64,
    /// The last few word matches, newest first, refined when a query narrows.
    word_matches: RefCell<VecDeque<WordMatches>>,
    by_id: HashMap<String, usize>,
    /// Rows read so far.
    filled: usize,
    source: Arc<dyn ArticleSource>,
    /// The bodies used last, newest first.
    bodies: RefCell<VecDeque<(usize, Arc<Article>)>>,
    /// Bodies being loaded on a worker, by slot.
    loading: RefCell<HashMap<usize, Receiver<Result<Article, String>>>>,
    /// Bodies that could not be loaded, and why (not tried again).
    failed: RefCell<HashMap<usize, String>>,
    /// The folder's reader, while it reads.
    arrivals: Option<Receiver<Arrival>>,
    pub progress: LoadProgress,
    /// Files that could not be read, as the folder's reader found them.
    pub errors: Vec<LoadError>,
    /// The folder's reader re-anchored the highlights (the store's copy is newer).
    pub reanchored: Option<Result<(), String>>,
}

impl Catalog {
    /// A catalog of articles already in memory.
    pub fn in_memory(articles: Vec<Article>) -> Catalog {
        let rows: Vec<Option<Row>> = articles.iter().map(|a| Some(Row::of(a))).collect();
        let mut catalog = Catalog::empty(Arc::new(MemorySource::new(articles)));
        catalog.progress = LoadProgress { total: rows.len(), done: rows.len(), elapsed: Duration::ZERO, finished: true };
        catalog.fill(rows.into_iter().enumerate().filter_map(|(i, r)| Some((i, r?))).collect());
        catalog
    }

    /// A catalog that fills as `arrivals` come from the folder's reader.
    pub fn streaming(source: Arc<dyn ArticleSource>, arrivals: Receiver<Arrival>) -> Catalog {
        Catalog { arrivals: Some(arrivals), ..Catalog::empty(source) }
    }

    fn empty(source: Arc<dyn ArticleSource>) -> Catalog {
        Catalog {
            rows: Vec::new(),
            folded: Vec::new(),
            generation: 0,
            word_matches: RefCell::new(VecDeque::new()),
            by_id: HashMap::new(),
            filled: 0,
            source,
            bodies: RefCell::new(VecDeque::new()),
            loading: RefCell::new(HashMap::new()),
            failed: RefCell::new(HashMap::new()),
            arrivals: None,
            progress: LoadProgress::default(),
            errors: Vec::new(),
            reanchored: None,
        }
    }

    pub fn source(&self) -> Arc<dyn ArticleSource> {
        Arc::clone(&self.source)
    }

    /// Slots (read or not).
    pub fn slots(&self) -> usize {
        self.rows.len()
    }

    /// Articles read so far.
    pub fn len(&self) -> usize {
        self.filled
    }

    pub fn is_empty(&self) -> bool {
        self.filled == 0
    }

    /// Whether the folder is still being read.
    pub fn is_loading(&self) -> bool {
        self.arrivals.is_some()
    }

    pub fn row(&self, slot: usize) -> Option<&Row> {
        self.rows.get(slot)?.as_ref()
    }

    /// Every row read so far, with its slot.
    pub fn rows(&self) -> impl Iterator<Item = (usize, &Row)> {
        self.rows.iter().enumerate().filter_map(|(i, r)| Some((i, r.as_ref()?)))
    }

    pub fn slot_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    fn fill(&mut self, rows: Vec<(usize, Row)>) {
        if rows.is_empty() {
            return;
        }
        self.generation += 1;
        for (slot, row) in rows {
            if slot >= self.rows.len() {
                self.rows.resize(slot + 1, None);
            }
            // The listing may have made the slots already (`Arrival::Listed`).
            if slot >= self.folded.len() {
                self.folded.resize(self.rows.len(), Box::default());
            }
            if self.rows[slot].is_none() {
                self.filled += 1;
            }
            self.by_id.insert(row.id.clone(), slot);
            self.folded[slot] = folded_metadata(&row);
            self.rows[slot] = Some(row);
        }
    }

    /// The slots (in order) of the rows whose id, title, outlet or author hold every
    /// one of `words` (lower-case). A query that narrows one asked before (each earlier
    /// word inside a word of this one, as when typing on) looks only at that one's
    /// matches; one asked again (backspace) is answered from memory.
    pub fn word_matches(&self, words: &[String]) -> Vec<usize> {
        let mut memo = self.word_matches.borrow_mut();
        memo.retain(|m| m.generation == self.generation);
        if let Some(at) = memo.iter().position(|m| m.words == words) {
            let hit = memo.remove(at).expect("position is in range");
            let slots = hit.slots.clone();
            memo.push_front(hit);
            return slots;
        }
        let holds_all = |slot: usize| self.folded.get(slot).is_some_and(|text| words.iter().all(|w| text.contains(w.as_str())));
        let slots: Vec<usize> = match memo.iter().find(|m| narrows(words, &m.words)) {
            Some(wider) => wider.slots.iter().copied().filter(|&slot| holds_all(slot)).collect(),
            None => (0..self.folded.len()).filter(|&slot| self.rows[slot].is_some() && holds_all(slot)).collect(),
        };
        memo.push_front(WordMatches { words: words.to_vec(), generation: self.generation, slots: slots.clone() });
        memo.truncate(WORD_MATCHES_KEPT);
        slots
    }

    /// Take what the folder's reader sent since last time; the slots that got a row.
    pub fn receive(&mut self) -> Vec<usize> {
        let Some(rx) = self.arrivals.take() else { return Vec::new() };
        let mut added = Vec::new();
        let mut open = true;
        loop {
            match rx.try_recv() {
                Ok(Arrival::Listed { total }) => {
                    self.rows.resize(total.max(self.rows.len()), None);
                    self.progress.total = total;
                }
                Ok(Arrival::Rows(rows)) => {
                    added.extend(rows.iter().map(|(slot, _)| *slot));
                    self.fill(rows);
                }
                Ok(Arrival::Failed(errors)) => self.errors.extend(errors),
                Ok(Arrival::Reanchored(result)) => self.reanchored = Some(result),
                Ok(Arrival::Progress { done, elapsed }) => {
                    self.progress.done = done;
                    self.progress.elapsed = elapsed;
                }
                Ok(Arrival::Done) => {
                    self.progress.finished = true;
                    open = false;
                    break;
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.progress.finished = true;
                    open = false;
                    break;
                }
            }
        }
        if open {
            self.arrivals = Some(rx);
        }
        added
    }

    /// Wait until the folder is read (tests, benchmarks).
    pub fn wait_until_read(&mut self) -> Vec<usize> {
        let mut added = Vec::new();
        while self.arrivals.is_some() {
            added.extend(self.receive());
            std::thread::sleep(Duration::from_millis(2));
        }
        added
    }

    /// The article in `slot`, when its body is at hand: in memory, kept from before, or
    /// just loaded. Otherwise it is loaded on a worker (setting `wake` when done) and this
    /// is `None` until then.
    pub fn article(&self, slot: usize, wake: &Arc<AtomicBool>) -> Option<Arc<Article>> {
        if let Some(a) = self.source.in_memory(slot) {
            return Some(a);
        }
        if let Some(a) = self.kept(slot) {
            return Some(a);
        }
        let row = self.row(slot)?;
        if self.failed.borrow().contains_key(&slot) {
            return None;
        }
        let mut loading = self.loading.borrow_mut();
        if let Some(rx) = loading.get(&slot) {
            let result = match jobs::poll(rx) {
                jobs::Poll::Running => return None,
                jobs::Poll::Ready(result) => result,
                jobs::Poll::Lost => Err("reading it failed".into()),
            };
            loading.remove(&slot);
            return self.keep(slot, result);
        }
        let (source, wanted) = (Arc::clone(&self.source), row.clone());
        match jobs::spawn("diglot-body", wake, move || source.load(slot, &wanted)) {
            Some(rx) => {
                loading.insert(slot, rx);
                None
            }
            None => self.keep(slot, self.source.load(slot, row)),
        }
    }

    /// Wait for the body of `slot` (tests, scripts, and work already on a worker).
    pub fn article_now(&self, slot: usize) -> Option<Arc<Article>> {
        if let Some(a) = self.source.in_memory(slot).or_else(|| self.kept(slot)) {
            return Some(a);
        }
        let pending = self.loading.borrow_mut().remove(&slot);
        let result = match pending {
            Some(rx) => rx.recv().unwrap_or_else(|_| Err("reading it failed".into())),
            None => self.source.load(slot, self.row(slot)?),
        };
        self.keep(slot, result)
    }

    /// Whether the body of `slot` is being loaded.
    pub fn is_loading_body(&self, slot: usize) -> bool {
        self.loading.borrow().contains_key(&slot)
    }

    /// Why the body of `slot` could not be loaded.
    pub fn body_problem(&self, slot: usize) -> Option<String> {
        self.failed.borrow().get(&slot).cloned()
    }

    fn kept(&self, slot: usize) -> Option<Arc<Article>> {
        let mut bodies = self.bodies.borrow_mut();
        let at = bodies.iter().position(|(s, _)| *s == slot)?;
        let entry = bodies.remove(at)?;
        let article = Arc::clone(&entry.1);
        bodies.push_front(entry);
        Some(article)
    }

    fn keep(&self, slot: usize, result: Result<Article, String>) -> Option<Arc<Article>> {
        let article = match (result, self.row(slot)) {
            (Ok(a), Some(row)) => Arc::new(known_as(a, row)),
            (Ok(a), None) => Arc::new(a),
            (Err(e), _) => {
                self.failed.borrow_mut().insert(slot, e);
                return None;
            }
        };
        let mut bodies = self.bodies.borrow_mut();
        bodies.push_front((slot, Arc::clone(&article)));
        let mut bytes = 0;
        let mut keep = 0;
        for (i, (_, a)) in bodies.iter().enumerate() {
            bytes += a.text.len();
            if i > 0 && (i >= BODIES_KEPT || bytes > BODY_BYTES_KEPT) {
                break;
            }
            keep = i + 1;
        }
        bodies.truncate(keep);
        Some(article)
    }

    /// Load every article in turn, handing each to `visit` and keeping none (on a worker:
    /// the source must not answer at once for this to stay off the UI thread).
    pub fn each_article(source: &dyn ArticleSource, rows: &[(usize, Row)], mut visit: impl FnMut(Article)) {
        for (slot, row) in rows {
            if let Ok(a) = source.load(*slot, row) {
                visit(known_as(a, row));
            }
        }
    }

    /// What a worker needs to get the article in `slot` (at hand already, or from the source).
    pub fn fetch(&self, slot: usize) -> Option<Fetch> {
        let row = self.row(slot)?.clone();
        let ready = self.source.in_memory(slot).or_else(|| self.kept(slot));
        Some(Fetch { ready, source: Arc::clone(&self.source), slot, row })
    }

    /// Every article, loaded in turn, for work that needs the whole folder (on a worker).
    pub fn fetch_all(&self) -> impl FnOnce() -> Vec<Article> + Send + 'static {
        let (source, rows) = (Arc::clone(&self.source), self.row_list());
        move || {
            let mut all = Vec::with_capacity(rows.len());
            Catalog::each_article(source.as_ref(), &rows, |a| all.push(a));
            all
        }
    }

    /// The rows read so far, for a worker to go through.
    pub fn row_list(&self) -> Vec<(usize, Row)> {
        self.rows().map(|(i, r)| (i, r.clone())).collect()
    }
}

/// Word matches remembered (a query typed a character at a time, and back).
const WORD_MATCHES_KEPT: usize = 16;

/// The rows matching some words, as the catalog was when they were asked.
struct WordMatches {
    words: Vec<String>,
    generation: u64,
    slots: Vec<usize>,
}

/// Whether every row holding all of `words` holds all of `wider` too: each word of
/// `wider` lies inside one of `words`.
fn narrows(words: &[String], wider: &[String]) -> bool {
    wider.iter().all(|w| words.iter().any(|n| n.contains(w.as_str())))
}

/// What words are looked for in: id, title, outlet and author, lower-cased, one a line.
fn folded_metadata(row: &Row) -> Box<str> {
    let m = &row.meta;
    [Some(row.id.as_str()), m.title.as_deref(), m.source.as_deref(), m.author.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n")
        .to_lowercase()
        .into_boxed_str()
}

/// The article as its row knows it: the row says who it is (ids made unique in the
/// folder, the manifest's additions), the file only what it holds.
pub(crate) fn known_as(mut article: Article, row: &Row) -> Article {
    article.id = row.id.clone();
    article.path = row.path.clone();
    article.meta = row.meta.clone();
    article
}

/// One article to get on a worker thread (see [`Catalog::fetch`]).
pub struct Fetch {
    ready: Option<Arc<Article>>,
    source: Arc<dyn ArticleSource>,
    slot: usize,
    row: Row,
}

impl Fetch {
    pub fn get(self) -> Option<Arc<Article>> {
        if let Some(a) = self.ready {
            return Some(a);
        }
        let a = self.source.load(self.slot, &self.row).ok()?;
        Some(Arc::new(known_as(a, &self.row)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::from_plain_text;

    struct Slow(Vec<Article>);

    impl ArticleSource for Slow {
        fn load(&self, slot: usize, _row: &Row) -> Result<Article, String> {
            self.0.get(slot).cloned().ok_or_else(|| "gone".into())
        }
        fn search(&self, _fts: &str) -> Result<Vec<usize>, String> {
            Ok(Vec::new())
        }
    }

    fn articles(n: usize) -> Vec<Article> {
        (0..n).map(|i| from_plain_text(&format!("a{i}"), &format!("Text number {i}.\n\nMore text."))).collect()
    }

    /// A catalog of rows with these titles, every row read.
    fn titled(titles: &[&str]) -> (Catalog, std::sync::mpsc::Sender<Arrival>) {
        let all: Vec<Article> = titles.iter().enumerate().map(|(i, t)| titled_article(&format!("a{i}"), t)).collect();
        let (tx, rx) = std::sync::mpsc::channel();
        tx.send(Arrival::Rows(all.iter().enumerate().map(|(i, a)| (i, Row::of(a))).collect())).unwrap();
        let mut c = Catalog::streaming(Arc::new(Slow(all)), rx);
        c.receive();
        (c, tx)
    }

    fn titled_article(id: &str, title: &str) -> Article {
        let mut a = from_plain_text(id, "Body.");
        a.meta.title = Some(title.to_string());
        a
    }

    fn words(query: &str) -> Vec<String> {
        query.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn word_matches_refined_as_the_query_grows_are_those_of_a_fresh_query() {
        let titles = ["Police raid in Lyon", "Politics today", "Europol and the police", "Apolitical art", "Lyon police union", "Nothing here"];
        let typed = ["p", "po", "pol", "poli", "polic", "police", "police l", "police ly", "police lyon", "police ly", "pol", "olit", "x"];
        let (c, _tx) = titled(&titles);
        for query in typed {
            let (fresh, _) = titled(&titles);
            assert_eq!(c.word_matches(&words(query)), fresh.word_matches(&words(query)), "{query:?}");
        }
        assert_eq!(c.word_matches(&words("police lyon")), [0, 4]);
        assert_eq!(c.word_matches(&words("olit")), [1, 3]);
        assert_eq!(c.word_matches(&words("a1")), [1], "the id is looked in too");
    }

    #[test]
    fn word_matches_see_rows_that_arrive_after_them() {
        let (mut c, tx) = titled(&["Police raid", "Weather"]);
        tx.send(Arrival::Listed { total: 4 }).unwrap();
        c.receive();
        assert_eq!(c.word_matches(&words("pol")), [0]);
        tx.send(Arrival::Rows(vec![(2, Row::of(&titled_article("late", "Police late")))])).unwrap();
        c.receive();
        assert_eq!(c.word_matches(&words("poli")), [0, 2], "not refined from matches made before the row came");
        assert_eq!(c.word_matches(&words("pol")), [0, 2]);
    }

    #[test]
    fn rows_arrive_in_any_order_and_fill_their_slots() {
        let (tx, rx) = std::sync::mpsc::channel();
        let all = articles(3);
        let mut c = Catalog::streaming(Arc::new(Slow(all.clone())), rx);
        tx.send(Arrival::Listed { total: 3 }).unwrap();
        tx.send(Arrival::Rows(vec![(2, Row::of(&all[2]))])).unwrap();
        assert_eq!(c.receive(), vec![2]);
        assert_eq!((c.len(), c.slots(), c.is_loading()), (1, 3, true));
        assert!(c.row(0).is_none() && c.row(2).is_some_and(|r| r.id == "a2"));
        tx.send(Arrival::Rows(vec![(0, Row::of(&all[0]))])).unwrap();
        tx.send(Arrival::Failed(vec![LoadError { path: "x".into(), reason: "bad".into() }])).unwrap();
        tx.send(Arrival::Done).unwrap();
        assert_eq!(c.receive(), vec![0]);
        assert_eq!((c.len(), c.errors.len(), c.is_loading(), c.slot_of("a0")), (2, 1, false, Some(0)));
    }

    #[test]
    fn bodies_load_on_a_worker_and_only_a_few_are_kept() {
        let all = articles(BODIES_KEPT + 4);
        let (tx, rx) = std::sync::mpsc::channel();
        let mut c = Catalog::streaming(Arc::new(Slow(all.clone())), rx);
        tx.send(Arrival::Rows(all.iter().enumerate().map(|(i, a)| (i, Row::of(a))).collect())).unwrap();
        drop(tx);
        c.wait_until_read();
        let wake = Arc::new(AtomicBool::new(false));
        assert!(c.article(0, &wake).is_none(), "not at hand: loaded on a worker");
        assert!(c.is_loading_body(0));
        assert_eq!(c.article_now(0).unwrap().id, "a0");
        for i in 1..all.len() {
            assert_eq!(c.article_now(i).unwrap().id, format!("a{i}"));
        }
        assert_eq!(c.bodies.borrow().len(), BODIES_KEPT);
        assert!(c.kept(0).is_none(), "the oldest body was let go");
        assert!(c.kept(all.len() - 1).is_some());
    }

    #[test]
    fn a_memory_source_answers_searches_with_slots_best_first() {
        let mut a = articles(3);
        a[1].meta.title = Some("Opération Europol".into());
        a[2].text = "europol mentioned once in the body".into();
        let c = Catalog::in_memory(a);
        let hits = c.source().search("\"operation\"").unwrap();
        assert_eq!(hits, vec![1]);
        let hits = c.source().search("\"europol\"").unwrap();
        assert_eq!(hits, vec![1, 2], "a title match ranks first");
    }

    /// A folder's index that holds only the articles read so far (as the article cache
    /// does while the folder is read), searched on a worker.
    struct Filling {
        indexed: Mutex<Vec<(usize, Article)>>,
    }

    impl ArticleSource for Filling {
        fn load(&self, slot: usize, _row: &Row) -> Result<Article, String> {
            let indexed = self.indexed.lock().unwrap();
            indexed.iter().find(|(s, _)| *s == slot).map(|(_, a)| a.clone()).ok_or_else(|| "not read".into())
        }
        fn search(&self, fts: &str) -> Result<Vec<usize>, String> {
            let word = fts.trim_matches('"').to_string();
            let indexed = self.indexed.lock().unwrap();
            Ok(indexed.iter().filter(|(_, a)| a.text.to_lowercase().contains(&word)).map(|(s, _)| *s).collect())
        }
    }

    /// Let the app take what arrived and what its workers answered, until `done` holds.
    fn until(app: &mut super::super::App, done: impl Fn(&super::super::App) -> bool) -> bool {
        for _ in 0..500 {
            app.update(super::super::Action::Resize(80, 24));
            if done(app) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        false
    }

    #[test]
    fn a_text_filter_typed_during_the_read_covers_the_rows_read_so_far() {
        let all: Vec<Article> =
            (0..3).map(|i| from_plain_text(&format!("a{i}"), &format!("Title {i}\n\nThe body of {i} {}.", if i == 1 { "" } else { "mentions Europol" }))).collect();
        let source = Arc::new(Filling { indexed: Mutex::new(Vec::new()) });
        let (tx, rx) = std::sync::mpsc::channel();
        let catalog = Catalog::streaming(source.clone(), rx);
        let mut app = super::super::App::with_catalog(catalog, Default::default(), HashMap::new());
        let arrive = |slot: usize| {
            source.indexed.lock().unwrap().push((slot, all[slot].clone()));
            tx.send(Arrival::Rows(vec![(slot, Row::of(&all[slot]))])).unwrap();
        };
        tx.send(Arrival::Listed { total: 3 }).unwrap();
        arrive(0);
        assert!(until(&mut app, |app| app.catalog.len() == 1));
        app.apply_filter("europol");
        assert!(until(&mut app, |app| app.reader.visible == [0]), "{:?}", app.reader.visible);
        // Rows read after the filter was typed: their text matches follow, while reading.
        arrive(1);
        arrive(2);
        assert!(until(&mut app, |app| app.reader.visible == [0, 2]), "{:?}", app.reader.visible);
        assert!(app.catalog.is_loading());
        tx.send(Arrival::Done).unwrap();
        assert!(until(&mut app, |app| !app.catalog.is_loading() && app.reader.text_search.borrow().is_none()));
        assert_eq!(app.reader.visible, [0, 2]);
    }
}
