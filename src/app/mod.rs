//! The app-state core: plain state, an `Action` enum and `update`. No terminal and no
//! I/O here (a test checks that nothing in `src/app` names a terminal library).
//!
//! The UI draws from `&App`; the event loop turns keys into [`Action`]s (through the
//! [`keymap::Keymap`], in diglot's own [`input`] types) and carries out the [`Effect`]s
//! `update` returns (store writes, exports, the clipboard, quitting), whose results come
//! back as actions; so everything here can be tested without a terminal or a disk. Slow
//! work runs on worker threads (`app/jobs.rs`).

pub mod action;
pub mod bilingual;
pub mod highlights;
pub mod body_layout;
pub mod catalog;
pub mod effects;
pub mod help;
pub mod input;
mod jobs;
pub mod keymap;
pub mod line_editor;
mod list_search;
pub mod search;
pub mod speakers;
mod wiring;
pub use wiring::SLOW_PAIRING_ARTICLES;

pub use effects::{Annotation, Effect, StoreOutcome, StoreRequest, StoreResult, UndoOp};
pub use wiring::{Visual, sentence_ranges};

pub use action::{Action, Command};

use crate::index::query::{Query, Term};
use crate::ingest::Corpus;
use crate::model::{Article, Quote, QuoteKind, Triage};
pub use crate::view::Focus;
use crate::view::layout::{self, Panes};
use crate::view::Rect;
use body_layout::{BodyLine, LayoutCache};
pub use input::{KeyCode, Modifiers, Size};
use keymap::{KeyChord, KeyContext, Keymap};
use line_editor::{Edit, LineEditor};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// The main view. Only `Reader` exists so far; the bilingual and highlights views are
/// routed here when they land (their keys answer "not available yet" until then).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Reader,
    Bilingual,
    Highlights,
    /// The speakers view (`S`).
    Speakers,
}

/// What a prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    /// `/` in the article list: find an article.
    ListSearch,
    Filter,
    /// The note of highlight `note_target`.
    Note,
    /// The tag of highlight `note_target`.
    Tag,
    /// `/` in the speakers view: filter the speakers as you type.
    SpeakerFilter,
}

/// An open one-line prompt at the bottom of the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub editor: LineEditor,
    /// The value before the prompt opened, restored on cancel.
    previous: String,
}

/// The order of the article list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ListOrder {
    /// By file name, as the folder holds them.
    #[default]
    Name,
    /// By date, newest first; articles with no date last.
    Newest,
    /// By title, ignoring case.
    Title,
}

impl ListOrder {
    pub fn next(self) -> ListOrder {
        match self {
            ListOrder::Name => ListOrder::Newest,
            ListOrder::Newest => ListOrder::Title,
            ListOrder::Title => ListOrder::Name,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            ListOrder::Name => "by file name",
            ListOrder::Newest => "newest first",
            ListOrder::Title => "by title",
        }
    }
}

/// The list filter, parsed from what the user typed after `f` (the filter language of
/// [`crate::index::query`], shared with `diglot search`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub text: String,
    query: Query,
    /// The words, phrases and prefixes, looked for as they are written.
    words: Vec<String>,
}

impl Filter {
    /// Words match title, source, author, id or body (case-insensitive, all must match);
    /// `lang:xx`, `unread`, `read` and `starred` restrict further; archived articles are
    /// listed only under `archived`.
    pub fn parse(text: &str) -> Filter {
        let query = Query::parse(text);
        let words = query.terms.iter().map(|(Term::Word(w) | Term::Prefix(w) | Term::Phrase(w))| w.clone()).collect();
        Filter { text: text.trim().to_string(), query, words }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Whether an article of this row and triage state passes what is not a word.
    fn admits(&self, row: &catalog::Row, triage: Triage) -> bool {
        self.query.admits(row.meta.language.as_deref(), triage.read, triage.starred, triage.archived)
    }
}

/// The search in the open article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Search {
    pub query: String,
    /// Byte ranges of every match in the article text.
    pub matches: Vec<Range<usize>>,
    pub current: Option<usize>,
}

/// Pane geometry the state needs (heights for paging, widths for the body layout): the
/// screen, with its top-left corner at the origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewport {
    pub area: Rect,
}

impl Viewport {
    fn of(size: Size) -> Viewport {
        Viewport { area: Rect::new(0, 0, size.width, size.height) }
    }
}

/// The app state: what every view shares (the articles, their triage, the keymap, the
/// status bar, the help overlay) and one state per view; `update` routes each action to
/// the view in `mode`.
pub struct App {
    /// Every article's row, and the bodies in use (see [`catalog`]).
    pub catalog: catalog::Catalog,
    /// Files that could not be loaded (shown once in the status bar).
    pub load_errors: usize,
    triage: HashMap<String, Triage>,
    /// The folder's manifest (pinned pairs for the side-by-side view).
    manifest: crate::model::Manifest,
    pub keymap: Keymap,
    pub mode: Mode,
    pub help_open: bool,
    pub help_scroll: usize,
    pub status: Option<String>,
    /// `NO_COLOR` is set: draw with reverse/bold/underline only.
    pub no_color: bool,
    /// A job-control shell can bring the reader back after `Ctrl-z`.
    pub can_suspend: bool,
    viewport: Viewport,
    /// Set by a worker when its result is ready: the event loop then redraws.
    wake: Arc<std::sync::atomic::AtomicBool>,
    /// The reader: list, body, quotes, search, filter, prompt.
    pub reader: ReaderState,
    /// The side-by-side view (`b`) and what it keeps between visits.
    pub side_by_side: SideBySide,
    /// The highlights (as the store holds them), their view (`H`) and undo.
    pub library: Library,
    /// The speakers view (`S`) and its index, built once on a worker.
    pub speakers: speakers::SpeakersState,
}

/// The reader's state: the article list, the body, the quotes pane, the search and
/// filter, and the prompt at the bottom.
pub struct ReaderState {
    pub focus: Focus,
    pub prompt: Option<Prompt>,
    pub filter: Filter,
    /// The order of the article list (`o` cycles it).
    pub order: ListOrder,
    /// Indices into `articles` that pass the filter, in corpus order.
    visible: Vec<usize>,
    /// Index into `visible`.
    list_selected: usize,
    /// First visible row of the list.
    pub list_top: usize,
    /// First visible line of the body.
    pub body_top: usize,
    /// Byte offset of the text the user scrolled to, kept across resizes (a line
    /// index means different text at another width, and is clamped when all fits).
    body_anchor: usize,
    pub search: Search,
    /// What `/` in the list looks for (`n` / `N` step through the articles matching).
    pub list_query: String,
    /// The list row selected when the list search prompt opened (restored on cancel).
    list_search_origin: Option<usize>,
    pub show_terms: bool,
    /// Index into the visible quotes of the current article.
    pub quote_selected: usize,
    pub quotes_top: usize,
    /// The quote last jumped to (its byte range), marked strongly in the body.
    pub marked_quote: Option<Range<usize>>,
    /// Index (into the current article's sentences) of the body's sentence cursor.
    pub sentence_cursor: usize,
    pub visual: Option<Visual>,
    layouts: RefCell<LayoutCache>,
    quotes: RefCell<HashMap<usize, Arc<Vec<Quote>>>>,
    /// Quote extractions running on a worker thread, by article index (long articles only).
    quote_jobs: RefCell<HashMap<usize, std::sync::mpsc::Receiver<Vec<Quote>>>>,
    /// The quotes pane's list for (article, show_terms, the quotes it was made from).
    visible_quotes_cache: RefCell<Option<(VisibleQuotesKey, Arc<Vec<Quote>>)>>,
    /// The last full-text search answered: (FTS5 query, slots best first, how far the
    /// folder's read was when it was asked).
    text_hits: RefCell<Option<(String, Vec<usize>, ReadSoFar)>>,
    /// A full-text search running on a worker: (FTS5 query, how far the read was, its answer).
    text_search: RefCell<Option<TextSearch>>,
    /// When a search was last asked again for rows read since (see `text_matches`).
    text_search_renewed: std::cell::Cell<Option<std::time::Instant>>,
    /// The article whose body the search matches and positions were set for.
    body_for: Option<usize>,
    /// A place to show in an article whose body was not at hand: (slot, byte offset).
    pending_jump: Option<(usize, usize)>,
}

impl ReaderState {
    /// The reader over `n` articles, listing those of `visible`.
    fn new(visible: Vec<usize>) -> ReaderState {
        ReaderState {
            focus: Focus::List,
            prompt: None,
            filter: Filter::default(),
            order: ListOrder::default(),
            visible,
            list_selected: 0,
            list_top: 0,
            body_top: 0,
            body_anchor: 0,
            search: Search::default(),
            list_query: String::new(),
            list_search_origin: None,
            show_terms: false,
            quote_selected: 0,
            quotes_top: 0,
            marked_quote: None,
            sentence_cursor: 0,
            visual: None,
            layouts: RefCell::new(LayoutCache::default()),
            quotes: RefCell::new(HashMap::new()),
            quote_jobs: RefCell::new(HashMap::new()),
            visible_quotes_cache: RefCell::new(None),
            text_hits: RefCell::new(None),
            text_search: RefCell::new(None),
            text_search_renewed: std::cell::Cell::new(None),
            body_for: None,
            pending_jump: None,
        }
    }
}

/// What the quotes pane's list was made from: (article, show_terms, the address of the
/// article's quotes).
type VisibleQuotesKey = (usize, bool, usize);

/// The side-by-side view's state: the open view, the views already aligned, the
/// alignment running on a worker, and the pairs proposed for the folder.
#[derive(Default)]
pub struct SideBySide {
    pub view: Option<bilingual::BilingualState>,
    /// Side-by-side states already computed, by (left id, right id): aligned once per pair.
    cache: HashMap<(String, String), bilingual::BilingualState>,
    /// A side-by-side view of long articles being computed on a worker thread.
    job: Option<wiring::BilingualJob>,
    pair_candidates: Option<Vec<crate::align::PairCandidate>>,
    /// The folder being compared on a worker thread (a large folder takes seconds), or
    /// one article's counterpart looked up in the index.
    pairing: Option<wiring::PairingJob>,
    /// Counterparts found in the index of the folder's profiles, by article id.
    counterparts: HashMap<String, crate::align::Counterpart>,
    /// The source has no counterpart index (or it failed): the folder is compared.
    no_counterpart_index: bool,
    /// Pairing or aligning has run once this session, so the French–English word list
    /// has been read: until then the work goes to a worker however small, since reading
    /// the list is the slow part.
    lexicon_read: bool,
}

/// The highlights as the store holds them, the highlights view, what `u` can undo, and
/// whether changes can be saved.
#[derive(Default)]
pub struct Library {
    /// Every highlight in the store, as it last reported them.
    all: Vec<crate::model::Highlight>,
    pub view: Option<highlights::HighlightsState>,
    undo: Vec<UndoOp>,
    /// The highlight whose note the prompt edits.
    note_target: Option<i64>,
    /// A highlight store is open (the event loop holds it and carries out the writes).
    has_store: bool,
    /// The store takes writes (false when there is none or it is open read-only).
    store_writable: bool,
    /// Why the store is missing or read-only (shown when a write is refused).
    store_problem: Option<String>,
    /// Why the last write to the store failed; cleared by the next one that succeeds.
    /// Shown in the status bar until then, since a passing message is easily missed.
    pub write_failure: Option<String>,
    /// Where exports go and how their paths are shown.
    pub places: Places,
    /// The view `H` was pressed in, where `q` goes back to.
    return_to: Mode,
}

/// The folders the reader names, found in the environment by whoever builds the [`App`]
/// (`tui.rs`), so that `update` reads no environment.
#[derive(Debug, Clone, PartialEq)]
pub struct Places {
    /// Where `e` in the highlights view writes its Markdown file.
    pub export_dir: std::path::PathBuf,
    /// The user's home folder, written `~` in the status bar; `None` shows paths whole.
    pub home: Option<std::path::PathBuf>,
}

impl Default for Places {
    /// The working folder, and no home: what a reader built without an environment gets.
    fn default() -> Places {
        Places { export_dir: std::path::PathBuf::from("."), home: None }
    }
}

/// Articles of at least this many bytes have their quotes extracted in the background
/// (about a tenth of a second of work); shorter ones at once.
const BACKGROUND_QUOTES_BYTES: usize = 256 * 1024;

/// How far the folder's read was when a full-text search was asked: its answer covers
/// the rows read then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ReadSoFar {
    rows: usize,
    finished: bool,
}

/// A full-text search on a worker: (FTS5 query, how far the read was, its answer).
type TextSearch = (String, ReadSoFar, std::sync::mpsc::Receiver<Vec<usize>>);

/// While the folder is read, a text filter's answer is asked again for the rows read
/// since at most this often (each answer redraws the list).
const RENEW_TEXT_SEARCH: std::time::Duration = std::time::Duration::from_millis(250);

/// Rows per item in the quotes pane: two of quote text and one of speaker and cue.
pub const QUOTE_ITEM_HEIGHT: usize = 3;

impl App {
    /// A reader over `corpus`, with the triage state loaded from the store (by article id).
    pub fn new(corpus: Corpus, triage: HashMap<String, Triage>) -> App {
        let errors = corpus.errors.len();
        let mut app = App::with_catalog(catalog::Catalog::in_memory(corpus.articles), corpus.manifest, triage);
        app.load_errors = errors;
        if app.load_errors > 0 {
            app.status = Some(format!("{} file(s) could not be loaded (see stderr)", app.load_errors));
        }
        app
    }

    /// A reader over `catalog` (which may still be filling: see [`App::receive_articles`]).
    pub fn with_catalog(catalog: catalog::Catalog, manifest: crate::model::Manifest, triage: HashMap<String, Triage>) -> App {
        // Archived articles are out of the list until the filter asks for them.
        let visible = catalog.rows().filter(|(_, r)| !triage.get(&r.id).is_some_and(|t| t.archived)).map(|(i, _)| i).collect();
        App {
            load_errors: 0,
            catalog,
            triage,
            manifest,
            keymap: Keymap::default(),
            mode: Mode::Reader,
            help_open: false,
            help_scroll: 0,
            status: None,
            no_color: false,
            can_suspend: true,
            viewport: Viewport::of(Size::new(80, 24)),
            wake: Arc::new(std::sync::atomic::AtomicBool::new(false)),
            reader: ReaderState::new(visible),
            side_by_side: SideBySide::default(),
            library: Library::default(),
            speakers: speakers::SpeakersState::default(),
        }
    }

    pub fn with_keymap(mut self, keymap: Keymap) -> App {
        self.keymap = keymap;
        self
    }

    /// Export to, and show paths relative to, these folders.
    pub fn with_places(mut self, places: Places) -> App {
        self.library.places = places;
        self
    }

    // ----- read access for the UI -----

    /// The list row of the article in `slot`.
    pub fn row(&self, slot: usize) -> Option<&catalog::Row> {
        self.catalog.row(slot)
    }

    /// Articles read so far.
    pub fn article_count(&self) -> usize {
        self.catalog.len()
    }

    /// The article in `slot` when its body is at hand; otherwise it is loaded on a worker
    /// (the screen is drawn again when it arrives) and this is `None` meanwhile.
    pub fn article(&self, slot: usize) -> Option<Arc<Article>> {
        self.catalog.article(slot, &self.wake)
    }

    /// The slot of the article with this id.
    pub fn slot_of(&self, id: &str) -> Option<usize> {
        self.catalog.slot_of(id)
    }

    /// Article indices that pass the filter.
    pub fn visible(&self) -> &[usize] {
        &self.reader.visible
    }

    /// Position of the selection in the visible list.
    pub fn list_selected(&self) -> usize {
        self.reader.list_selected
    }

    /// Index (into `articles`) of the selected article, shown in the body.
    pub fn current_index(&self) -> Option<usize> {
        self.reader.visible.get(self.reader.list_selected).copied()
    }

    /// The selected article, when its body is at hand (see [`App::article`]).
    pub fn current(&self) -> Option<Arc<Article>> {
        self.current_index().and_then(|i| self.article(i))
    }

    /// The selected article's row.
    pub fn current_row(&self) -> Option<&catalog::Row> {
        self.current_index().and_then(|i| self.row(i))
    }

    /// Wait for the selected article's body (tests, scripts).
    pub fn finish_loading_current(&self) {
        if let Some(i) = self.current_index() {
            self.catalog.article_now(i);
        }
    }

    pub fn triage(&self, article_id: &str) -> Triage {
        self.triage.get(article_id).copied().unwrap_or_default()
    }

    pub fn viewport(&self) -> Rect {
        self.viewport.area
    }

    /// The pane rectangles for the current size and focus.
    pub fn panes(&self) -> Panes {
        layout::panes(self.viewport.area, self.reader.focus, self.reader.visible.len())
    }

    pub fn key_context(&self) -> KeyContext {
        if self.reader.prompt.is_some() {
            KeyContext::Input
        } else if self.help_open {
            KeyContext::Help
        } else if self.mode == Mode::Highlights {
            KeyContext::Highlights
        } else if self.mode == Mode::Bilingual {
            KeyContext::Bilingual
        } else if self.mode == Mode::Speakers {
            KeyContext::Speakers
        } else if self.reader.visual.is_some() && self.reader.focus == Focus::Body {
            KeyContext::Visual
        } else {
            match self.reader.focus {
                Focus::List => KeyContext::List,
                Focus::Body => KeyContext::Body,
                Focus::Quotes => KeyContext::Quotes,
            }
        }
    }

    /// Width of the body text area; the layout of the body uses it even when the body
    /// pane is hidden (narrow mode), so positions stay stable.
    pub fn body_width(&self) -> usize {
        let area = self.viewport.area;
        let pane = layout::panes(area, Focus::Body, self.reader.visible.len()).body.unwrap_or(area);
        usize::from(layout::text_area(pane).width).max(1)
    }

    /// Rows inside `pane` when it has the focus (in narrow mode only the focused pane is
    /// shown, so this is its height whichever pane is shown now).
    fn pane_height(&self, pane: Focus) -> usize {
        let area = self.viewport.area;
        let panes = layout::panes(area, pane, self.reader.visible.len());
        let rect = match pane {
            Focus::List => panes.list,
            Focus::Body => panes.body,
            Focus::Quotes => panes.quotes,
        };
        usize::from(layout::inner(rect.unwrap_or(area)).height).max(1)
    }

    fn body_height(&self) -> usize {
        self.pane_height(Focus::Body)
    }

    /// The body lines of the current article at `width` (cached).
    pub fn body_lines_at(&self, width: usize) -> Arc<Vec<BodyLine>> {
        match self.current_index() {
            Some(i) => match self.article(i) {
                Some(a) => self.reader.layouts.borrow_mut().get(i, &a, width, &self.wake),
                None => Arc::new(Vec::new()),
            },
            None => Arc::new(Vec::new()),
        }
    }

    pub fn body_lines(&self) -> Arc<Vec<BodyLine>> {
        self.body_lines_at(self.body_width())
    }

    /// Every quote of article `index` (extracted on first use, then cached). A long
    /// article's quotes are extracted on a worker thread, so that the reader draws and
    /// answers keys meanwhile: until they are ready this is empty and
    /// [`App::quotes_pending`] says so.
    pub fn quotes_of(&self, index: usize) -> Arc<Vec<Quote>> {
        if let Some(q) = self.reader.quotes.borrow().get(&index) {
            return q.clone();
        }
        let Some(article) = self.article(index) else { return Arc::new(Vec::new()) };
        let done = |q: Vec<Quote>| {
            let q = Arc::new(q);
            self.reader.quotes.borrow_mut().insert(index, q.clone());
            q
        };
        if article.text.len() < BACKGROUND_QUOTES_BYTES {
            return done(crate::text::quotes::extract(&article));
        }
        let mut jobs = self.reader.quote_jobs.borrow_mut();
        if let Some(job) = jobs.get(&index) {
            return match jobs::poll(job) {
                jobs::Poll::Ready(q) => {
                    jobs.remove(&index);
                    done(q)
                }
                jobs::Poll::Running => Arc::new(Vec::new()),
                // No quotes rather than a retry loop.
                jobs::Poll::Lost => {
                    jobs.remove(&index);
                    done(Vec::new())
                }
            };
        }
        // From the folder's quote cache when it holds them (extracting a long article's
        // quotes costs far more memory than reading them back), else extracted.
        let (copy, source, row) = (Arc::clone(&article), self.catalog.source(), self.row(index).cloned());
        let quotes = move || match row {
            Some(row) => source.quotes(&[(index, row)]).pop().unwrap_or_default(),
            None => crate::text::quotes::extract(&copy),
        };
        match jobs::spawn("diglot-quotes", &self.wake, quotes) {
            Some(rx) => {
                jobs.insert(index, rx);
                Arc::new(Vec::new())
            }
            None => done(crate::text::quotes::extract(&article)),
        }
    }

    /// Whether the quotes of the current article are still being extracted.
    pub fn quotes_pending(&self) -> bool {
        self.current_index().is_some_and(|i| self.reader.quote_jobs.borrow().contains_key(&i))
    }

    /// Set (by a worker thread) when a result is ready and the screen should be redrawn;
    /// the event loop clears it.
    pub fn wake_flag(&self) -> Arc<std::sync::atomic::AtomicBool> {
        Arc::clone(&self.wake)
    }

    /// Wait for every quote extraction running in the background (tests, scripts).
    pub fn finish_background_work(&self) {
        let jobs: Vec<usize> = self.reader.quote_jobs.borrow().keys().copied().collect();
        for index in jobs {
            let job = self.reader.quote_jobs.borrow_mut().remove(&index);
            let q = job.and_then(|rx| rx.recv().ok()).unwrap_or_default();
            self.reader.quotes.borrow_mut().insert(index, Arc::new(q));
        }
    }

    /// Replace the quotes of an article (tests, or a precomputed cache from the store).
    pub fn set_quotes(&mut self, article_id: &str, quotes: Vec<Quote>) {
        if let Some(i) = self.slot_of(article_id) {
            self.reader.quotes.borrow_mut().insert(i, Arc::new(quotes));
        }
    }

    /// The quotes shown in the pane: all but `term` quotes unless they are toggled on.
    /// (Kept between calls: every key and frame asks, and a long article has tens of
    /// thousands of quotes.)
    pub fn visible_quotes(&self) -> Arc<Vec<Quote>> {
        let Some(i) = self.current_index() else { return Arc::new(Vec::new()) };
        let all = self.quotes_of(i);
        let key = (i, self.reader.show_terms, Arc::as_ptr(&all) as usize);
        if let Some((k, shown)) = self.reader.visible_quotes_cache.borrow().as_ref()
            && *k == key
        {
            return Arc::clone(shown);
        }
        let shown: Arc<Vec<Quote>> = if self.reader.show_terms || all.iter().all(|q| q.kind != QuoteKind::Term) {
            Arc::clone(&all)
        } else {
            Arc::new(all.iter().filter(|q| q.kind != QuoteKind::Term).cloned().collect())
        };
        *self.reader.visible_quotes_cache.borrow_mut() = Some((key, Arc::clone(&shown)));
        shown
    }

    /// How many `term` quotes the pane is hiding.
    pub fn hidden_terms(&self) -> usize {
        if self.reader.show_terms {
            return 0;
        }
        // (Shown quotes are all but the terms.)
        self.current_index().map_or(0, |i| self.quotes_of(i).len().saturating_sub(self.visible_quotes().len()))
    }

    // ----- input -----

    /// Resolve a key in the current context and apply it. `None` when the key is not
    /// bound here (nothing changed, no redraw needed).
    pub fn handle_key(&mut self, key: KeyChord) -> Option<Vec<Effect>> {
        let ctx = self.key_context();
        let action = match self.keymap.lookup(ctx, &key) {
            Some(cmd) => Action::Command(cmd),
            None => match key.code {
                KeyCode::Char(c) if ctx == KeyContext::Input && !key.mods.intersects(Modifiers::CONTROL | Modifiers::ALT) => {
                    Action::Type(c)
                }
                // Over SSH, Esc followed quickly by a key can arrive as Alt+key: when
                // Alt+key means nothing here, treat it as Esc, then the key.
                _ if key.mods.contains(Modifiers::ALT) && ctx != KeyContext::Input => {
                    let plain = KeyChord::new(key.code, key.mods - Modifiers::ALT);
                    let mut effects = self.update(Action::Command(Command::Close));
                    effects.extend(self.handle_key(plain).unwrap_or_default());
                    return Some(effects);
                }
                // Say so, as less and vim do, rather than ignore the key silently.
                _ if ctx != KeyContext::Input => {
                    self.status = Some(self.unbound_key_message(ctx, &key));
                    return Some(Vec::new());
                }
                _ => return None,
            },
        };
        Some(self.update(action))
    }

    /// What the status bar says for a key bound to nothing in `ctx`: why, when the key
    /// means something in the reader's panes, and how to get there.
    fn unbound_key_message(&self, ctx: KeyContext, key: &KeyChord) -> String {
        let label = crate::view::text::safe(&key.label()).into_owned();
        let elsewhere = [KeyContext::Global, KeyContext::List, KeyContext::Body, KeyContext::Quotes]
            .into_iter()
            .find_map(|c| self.keymap.get(c, key));
        let leave = |ctx: KeyContext| {
            let keys = self.keymap.keys_for(ctx, Command::Close);
            keys.iter().find(|k| *k == "q").or(keys.first()).cloned()
        };
        match (elsewhere, ctx) {
            (Some(cmd), KeyContext::Highlights | KeyContext::Bilingual | KeyContext::Speakers) => {
                let what = cmd.name().replace('_', " ");
                match leave(ctx) {
                    Some(close) => format!("{label} ({what}) works in the reader, not in this view: {close} goes back"),
                    None => format!("{label} ({what}) works in the reader, not in this view"),
                }
            }
            (Some(cmd), KeyContext::Visual) => {
                let what = cmd.name().replace('_', " ");
                let end = leave(KeyContext::Visual).unwrap_or_else(|| "Esc".into());
                format!("{label} ({what}) is not for a selection: h highlights it, y copies it, {end} ends it")
            }
            (_, KeyContext::Help) => {
                let close = leave(KeyContext::Help).unwrap_or_else(|| "Esc".into());
                format!("{label}: the help only scrolls — {close} closes it")
            }
            _ => format!("{label}: no such key here — ? for help"),
        }
    }

    /// Apply one action and return what the outside world must do.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let mut effects = Vec::new();
        // A message stays until the next thing the user does.
        if action.is_from_user() {
            self.status = None;
        } else {
            // The event loop wakes with a resize when a worker is done (see `jobs`).
            self.receive_articles(&mut effects);
            self.collect_text_search();
            self.body_arrived();
            self.collect_side_by_side_jobs();
            self.collect_speakers_job();
        }
        match action {
            Action::Resize(w, h) => {
                // Keep the same text at the top of the body, and the same keys at the top
                // of the help, whatever the new width.
                let before = self.viewport.area;
                self.viewport = Viewport::of(Size::new(w, h));
                if self.help_open {
                    self.help_scroll = help::same_row_after_resize(&self.keymap, self.help_scroll, before, self.viewport.area);
                }
                self.reader.body_top = body_layout::line_of(&self.body_lines(), self.reader.body_anchor);
                self.clamp_scrolls();
            }
            Action::Type(c) => self.edit_prompt(Edit::Insert(c)),
            Action::Paste(s) => {
                if self.reader.prompt.is_some() {
                    self.edit_prompt(Edit::InsertStr(s));
                }
            }
            Action::Command(cmd) => self.command(cmd, &mut effects),
            Action::Stored(done) => self.stored(*done),
            Action::TriageSaved { id, result, on_disk } => self.triage_saved(id, result, on_disk),
            Action::HighlightsLoaded(loaded) => self.highlights_loaded(loaded),
            Action::Exported { path, count, result } => self.exported(&path, count, result),
        }
        effects
    }

    fn command(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        // The terminal's own commands work wherever the keyboard is.
        match cmd {
            Command::Redraw => return effects.push(Effect::Repaint),
            Command::Suspend if !self.can_suspend => {
                self.status = Some("cannot suspend: no job-control shell started diglot (quit with q)".into());
                return;
            }
            Command::Suspend => return effects.push(Effect::Suspend),
            _ => {}
        }
        if self.reader.prompt.is_some() {
            self.prompt_command(cmd, effects);
            return;
        }
        if self.help_open {
            match cmd {
                Command::Close | Command::Help | Command::Quit => self.help_open = false,
                Command::Down => self.help_scroll += 1,
                Command::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
                Command::Top => self.help_scroll = 0,
                Command::Bottom => self.help_scroll = usize::MAX,
                Command::PageDown | Command::HalfPageDown => {
                    self.help_scroll = self.help_scroll.saturating_add(self.viewport.area.height as usize / 2)
                }
                Command::PageUp | Command::HalfPageUp => {
                    self.help_scroll = self.help_scroll.saturating_sub(self.viewport.area.height as usize / 2)
                }
                _ => {}
            }
            self.clamp_help();
            return;
        }
        match self.mode {
            Mode::Highlights => return self.highlights_command(cmd, effects),
            Mode::Bilingual => return self.bilingual_command(cmd, effects),
            Mode::Speakers => return self.speakers_key(cmd, effects),
            Mode::Reader => {}
        }
        if self.reader.visual.is_some() && self.reader.focus == Focus::Body && self.visual_command(cmd, effects) {
            return;
        }
        match cmd {
            Command::Quit => effects.push(Effect::Quit),
            Command::Help => self.open_help(),
            // Esc: first what is open (a search), then back up to the list, as in mutt.
            Command::Close => {
                if !self.reader.search.query.is_empty() {
                    self.reader.search = Search::default();
                    self.status = Some("search cleared".into());
                } else {
                    self.reader.focus = Focus::List;
                }
            }
            Command::Back => self.reader.focus = Focus::List,
            Command::FocusNext => self.reader.focus = self.reader.focus.next(),
            Command::FocusPrev => self.reader.focus = self.reader.focus.prev(),
            Command::Down => self.move_by(1),
            Command::Up => self.move_by(-1),
            Command::Top => {
                self.move_by(isize::MIN / 2);
                self.cursor_to_end(false);
            }
            Command::Bottom => {
                self.move_by(isize::MAX / 2);
                self.cursor_to_end(true);
            }
            Command::PageDown => self.move_by(self.page() as isize),
            Command::PageUp => self.move_by(-(self.page() as isize)),
            Command::HalfPageDown => self.move_by((self.page() / 2).max(1) as isize),
            Command::HalfPageUp => self.move_by(-((self.page() / 2).max(1) as isize)),
            Command::Open => self.open(effects),
            Command::JumpToQuote => self.jump_to_quote(),
            Command::Search if self.reader.focus == Focus::List => self.open_prompt(PromptKind::ListSearch),
            Command::Search => self.open_prompt(PromptKind::Search),
            Command::Filter => self.open_prompt(PromptKind::Filter),
            Command::SearchNext => {
                if !self.step_list_search(1) {
                    self.step_search(1)
                }
            }
            Command::SearchPrev => {
                if !self.step_list_search(-1) {
                    self.step_search(-1)
                }
            }
            Command::ClearFilter => {
                self.apply_filter("");
                self.reader.search = Search::default();
                self.status = Some("filter and search cleared".into());
            }
            Command::ToggleRead => self.toggle_triage(effects, |t| t.read = !t.read),
            Command::ToggleStar => self.toggle_triage(effects, |t| t.starred = !t.starred),
            Command::ToggleArchive => self.toggle_archive(effects),
            Command::CycleOrder => self.cycle_order(),
            Command::ToggleTerms => {
                self.reader.show_terms = !self.reader.show_terms;
                self.reader.quote_selected = 0;
                self.reader.quotes_top = 0;
                self.status = Some(if self.reader.show_terms { "term quotes shown" } else { "term quotes hidden" }.into());
            }
            Command::Bilingual => self.open_bilingual(),
            Command::Highlights => self.open_highlights_view(effects),
            Command::Speakers => self.open_speakers(),
            Command::Highlight => self.highlight_here(effects),
            Command::Visual => self.start_visual(),
            Command::NextSentence => self.move_sentence_cursor(1),
            Command::PrevSentence => self.move_sentence_cursor(-1),
            Command::Note => self.annotate_here(Annotation::Note),
            Command::Tag => self.annotate_here(Annotation::Tag),
            Command::SearchNextOrNote => {
                if self.reader.search.query.is_empty() {
                    self.annotate_here(Annotation::Note)
                } else {
                    self.step_search(1)
                }
            }
            Command::Undo => self.undo_last(effects),
            Command::Copy => self.copy_here(effects),
            // Handled before any view.
            Command::Redraw | Command::Suspend => {}
            // View-only commands.
            Command::WordForward
            | Command::WordBack
            | Command::Delete
            | Command::Export
            | Command::NextQuote
            | Command::PrevQuote
            | Command::NextFlag
            | Command::PrevFlag
            | Command::ToggleMap => {}
            // Prompt-only commands do nothing outside a prompt.
            Command::Submit
            | Command::Cancel
            | Command::CursorLeft
            | Command::CursorRight
            | Command::CursorHome
            | Command::CursorEnd
            | Command::DeleteBack
            | Command::DeleteForward
            | Command::DeleteWord
            | Command::DeleteToStart => {}
        }
    }

    /// A command in the speakers view: what every view shares (`H`, `S` to leave) is
    /// routed here; the rest is the view's own.
    fn speakers_key(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        match cmd {
            // Opened from the highlights view (it stays open beneath): H goes back to it
            // rather than opening it again on top, so that q never goes round in a loop.
            Command::Highlights if self.library.view.is_some() => {
                // A quote's list open, then the speakers list: two steps at most.
                for _ in 0..2 {
                    if self.mode == Mode::Speakers {
                        self.speakers_command(Command::Close, effects);
                    }
                }
            }
            Command::Highlights => self.open_highlights_view(effects),
            Command::Undo => self.undo_last(effects),
            // The view's own key leaves it, as `H` and `b` leave theirs.
            Command::Speakers => {
                self.speakers_command(Command::Close, effects);
                if self.mode == Mode::Speakers {
                    self.speakers_command(Command::Close, effects);
                }
            }
            Command::Search | Command::Filter if self.speakers.open.is_some() => {
                self.status = Some("/ filters the list of speakers: q goes back to it".into());
            }
            _ => self.speakers_command(cmd, effects),
        }
    }

    fn page(&self) -> usize {
        match self.reader.focus {
            Focus::List => self.pane_height(Focus::List),
            Focus::Body => self.body_height().saturating_sub(1).max(1),
            Focus::Quotes => (self.pane_height(Focus::Quotes) / QUOTE_ITEM_HEIGHT).max(1),
        }
    }

    fn move_by(&mut self, delta: isize) {
        match self.reader.focus {
            Focus::List => {
                let before = self.current_index();
                self.reader.list_selected = step(self.reader.list_selected, delta, self.reader.visible.len());
                if self.current_index() != before {
                    self.article_changed();
                }
            }
            Focus::Body => {
                self.reader.body_top = step(self.reader.body_top, delta, self.max_body_top() + 1);
                self.set_anchor();
                self.keep_cursor_on_screen();
            }
            Focus::Quotes => {
                self.reader.quote_selected = step(self.reader.quote_selected, delta, self.visible_quotes().len());
            }
        }
        self.clamp_scrolls();
    }

    fn set_anchor(&mut self) {
        self.reader.body_anchor = self.body_lines().get(self.reader.body_top).map_or(0, |l| l.range.start);
    }

    fn max_body_top(&self) -> usize {
        self.body_lines().len().saturating_sub(self.body_height())
    }

    /// The selected article changed: reset per-article positions, keep the search.
    fn article_changed(&mut self) {
        self.reader.body_top = 0;
        self.reader.body_anchor = 0;
        self.reader.quote_selected = 0;
        self.reader.quotes_top = 0;
        self.reader.marked_quote = None;
        self.reader.sentence_cursor = 0;
        self.reader.visual = None;
        // Asked now, so that its loading starts at once.
        self.reader.body_for = self.current_index().filter(|_| self.current().is_some());
        let query = std::mem::take(&mut self.reader.search.query);
        self.set_search(&query, false);
    }

    fn open(&mut self, effects: &mut Vec<Effect>) {
        let Some(a) = self.current_row() else {
            self.status = Some(if self.reader.filter.is_empty() { "no article to open".into() } else { "no article to open: F clears the filter".into() });
            return;
        };
        let id = a.id.clone();
        let mut t = self.triage(&id);
        if !t.read {
            t.read = true;
            self.triage.insert(id.clone(), t);
            effects.push(Effect::SaveTriage(id, t));
        }
        // What ingest had to say about this file (no article found in a page, so its whole
        // visible text is shown; escape sequences removed…) is said when it is opened,
        // not only on stderr where the reader's user may never look.
        if let Some(a) = self.current_row()
            && let Some(first) = a.meta.warnings.first()
        {
            let more = a.meta.warnings.len() - 1;
            self.status = Some(if more == 0 { format!("warning: {first}") } else { format!("warning: {first} (+{more} more: diglot show ID)") });
        }
        self.reader.focus = Focus::Body;
    }

    fn toggle_triage(&mut self, effects: &mut Vec<Effect>, change: impl FnOnce(&mut Triage)) {
        let Some(a) = self.current_row() else {
            self.status = Some("no article selected".into());
            return;
        };
        let id = a.id.clone();
        let mut t = self.triage(&id);
        change(&mut t);
        self.triage.insert(id.clone(), t);
        self.status = Some(format!(
            "{} {}",
            if t.read { "read" } else { "unread" },
            if t.starred { "· starred" } else { "· not starred" }
        ));
        effects.push(Effect::SaveTriage(id, t));
        // The filter is not re-applied here: under `unread`, marking an article read must
        // not swap the body to another article. `f` Enter refreshes the list.
    }

    /// Archive or bring back the selected article. Unlike read and starred, this changes
    /// what the list shows at once: the article leaves it (or, under `archived`, returns
    /// to the main list) and the selection moves to the next one.
    fn toggle_archive(&mut self, effects: &mut Vec<Effect>) {
        let Some(a) = self.current_row() else {
            self.status = Some("no article selected".into());
            return;
        };
        let (id, title) = (a.id.clone(), crate::view::text::safe(a.display_title()).to_string());
        let mut t = self.triage(&id);
        t.archived = !t.archived;
        self.triage.insert(id.clone(), t);
        effects.push(Effect::SaveTriage(id, t));
        let text = self.reader.filter.text.clone();
        self.apply_filter(&text);
        self.status = Some(if t.archived {
            format!("archived {title} · the filter `archived` lists archived articles")
        } else {
            format!("{title} back in the list")
        });
    }

    fn jump_to_quote(&mut self) {
        let quotes = self.visible_quotes();
        let Some(q) = quotes.get(self.reader.quote_selected) else {
            self.status = Some("no quote to show".into());
            return;
        };
        let Some(a) = self.current() else { return };
        if q.start > q.end || a.text.get(q.start..q.end).is_none() {
            self.status = Some("this quote's position is not in the text".into());
            return;
        }
        self.reader.marked_quote = Some(q.start..q.end);
        self.scroll_body_to(q.start);
        if layout::is_narrow(self.viewport.area) {
            self.reader.focus = Focus::Body;
        }
    }

    /// Scroll so the line holding `offset` is a third of the way down the body, and put
    /// the sentence cursor on it: what `h`, `y` and `v` act on is what the jump showed.
    fn scroll_body_to(&mut self, offset: usize) {
        self.cursor_to_offset(offset);
        let lines = self.body_lines();
        let line = body_layout::line_of(&lines, offset);
        let h = self.body_height();
        if line < self.reader.body_top || line >= self.reader.body_top + h {
            self.reader.body_top = line.saturating_sub(h / 3);
        }
        self.reader.body_top = self.reader.body_top.min(self.max_body_top());
        self.set_anchor();
    }

    // ----- prompts -----

    pub(super) fn open_prompt(&mut self, kind: PromptKind) {
        let previous = match kind {
            PromptKind::Search if self.mode == Mode::Bilingual => {
                self.side_by_side.view.as_ref().map(|s| s.search.query.clone()).unwrap_or_default()
            }
            PromptKind::Search => self.reader.search.query.clone(),
            PromptKind::ListSearch => {
                self.reader.list_search_origin = Some(self.reader.list_selected);
                self.reader.list_query.clone()
            }
            PromptKind::Filter => self.reader.filter.text.clone(),
            PromptKind::SpeakerFilter => self.speakers.filter.clone(),
            PromptKind::Note => self.library.note_target.and_then(|id| self.highlight_by_id(id)).and_then(|h| h.note.clone()).unwrap_or_default(),
            PromptKind::Tag => self.library.note_target.and_then(|id| self.highlight_by_id(id)).and_then(|h| h.tag.clone()).unwrap_or_default(),
        };
        let editor = match kind {
            // A new search starts empty; the filter and a note are edited in place.
            PromptKind::Search | PromptKind::ListSearch => LineEditor::new(),
            PromptKind::Filter | PromptKind::SpeakerFilter | PromptKind::Note | PromptKind::Tag => LineEditor::with_text(&previous),
        };
        self.reader.prompt = Some(Prompt { kind, editor, previous });
    }

    fn edit_prompt(&mut self, edit: Edit) {
        let Some(p) = self.reader.prompt.as_mut() else { return };
        if p.editor.apply(edit) {
            let (kind, text) = (p.kind, p.editor.text().to_string());
            self.live_update(kind, &text);
        }
    }

    /// Search and filter follow the typing.
    fn live_update(&mut self, kind: PromptKind, text: &str) {
        match kind {
            PromptKind::Search if self.mode == Mode::Bilingual => self.bilingual_search(text),
            PromptKind::Search => self.set_search(text, true),
            PromptKind::ListSearch => self.live_list_search(text),
            PromptKind::Filter => self.apply_filter(text),
            PromptKind::SpeakerFilter => self.speakers.set_filter(text),
            PromptKind::Note | PromptKind::Tag => {}
        }
    }

    fn prompt_command(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        let edit = match cmd {
            Command::CursorLeft => Edit::Left,
            Command::CursorRight => Edit::Right,
            Command::CursorHome => Edit::Home,
            Command::CursorEnd => Edit::End,
            Command::DeleteBack => Edit::DeleteBack,
            Command::DeleteForward => Edit::DeleteForward,
            Command::DeleteWord => Edit::DeleteWord,
            Command::DeleteToStart => Edit::DeleteToStart,
            Command::Submit => {
                if let Some(p) = self.reader.prompt.take() {
                    self.submit_prompt(p.kind, p.editor.text(), effects);
                }
                return;
            }
            Command::Cancel | Command::Close => {
                if let Some(p) = self.reader.prompt.take() {
                    if p.kind == PromptKind::ListSearch {
                        self.cancel_list_search();
                    } else {
                        self.live_update(p.kind, &p.previous);
                    }
                }
                return;
            }
            _ => return,
        };
        self.edit_prompt(edit);
    }

    fn submit_prompt(&mut self, kind: PromptKind, text: &str, effects: &mut Vec<Effect>) {
        match kind {
            PromptKind::Note => self.save_annotation(Annotation::Note, text, effects),
            PromptKind::Tag => self.save_annotation(Annotation::Tag, text, effects),
            PromptKind::ListSearch => self.submit_list_search(),
            PromptKind::SpeakerFilter => {
                self.speakers.set_filter(text);
                self.status = Some(format!("{} speakers match {:?}", self.speakers.visible_count(), text.trim()));
            }
            PromptKind::Search if self.mode == Mode::Bilingual => self.submit_bilingual_search(),
            PromptKind::Search => {
                if self.reader.search.query.is_empty() {
                    return;
                }
                let n = self.reader.search.matches.len();
                self.status = Some(match self.reader.search.current {
                    // The query and count are on the left of the row already.
                    Some(i) => format!("match {}/{n} — n next, N previous", i + 1),
                    None => format!("no match for {:?}", self.reader.search.query),
                });
                if n > 0 {
                    self.reader.focus = Focus::Body;
                }
            }
            PromptKind::Filter => {
                // Applied again so that triage changes since the last edit count.
                self.apply_filter(text);
                self.status = Some(if self.reader.filter.is_empty() {
                    "filter cleared".into()
                } else {
                    format!("{} of {} articles match {:?}", self.reader.visible.len(), self.article_count(), self.reader.filter.text)
                });
            }
        }
    }

    /// Set the search query for the current article; with `jump`, move to the first match
    /// at or after the top of the body.
    fn set_search(&mut self, query: &str, jump: bool) {
        let matches = match self.current() {
            Some(a) if !query.is_empty() => search::find_all(&a.text, query),
            _ => Vec::new(),
        };
        self.reader.search = Search { query: query.to_string(), matches, current: None };
        if self.reader.search.matches.is_empty() {
            return;
        }
        let lines = self.body_lines();
        let from = lines.get(self.reader.body_top).map_or(0, |l| l.range.start);
        let first = self.reader.search.matches.iter().position(|m| m.start >= from).unwrap_or(0);
        self.reader.search.current = Some(first);
        if jump {
            self.scroll_body_to(self.reader.search.matches[first].start);
        }
    }

    fn step_search(&mut self, delta: isize) {
        let n = self.reader.search.matches.len();
        if n == 0 {
            self.status = Some(if self.reader.search.query.is_empty() {
                "no search: press / to search".into()
            } else {
                format!("no match for {:?}", self.reader.search.query)
            });
            return;
        }
        let cur = self.reader.search.current.unwrap_or(0);
        let next = (cur as isize + delta).rem_euclid(n as isize) as usize;
        let wrapped = (delta > 0 && next < cur) || (delta < 0 && next > cur);
        self.reader.search.current = Some(next);
        self.scroll_body_to(self.reader.search.matches[next].start);
        self.status = Some(format!(
            "match {}/{n}{}",
            next + 1,
            if wrapped { " (wrapped)" } else { "" }
        ));
    }

    // ----- filter -----

    fn apply_filter(&mut self, text: &str) {
        self.reader.filter = Filter::parse(text);
        self.refresh_visible();
    }

    /// List again the articles that pass the filter, staying on the selected one.
    fn refresh_visible(&mut self) {
        let before = self.current_index();
        let row = self.reader.list_selected;
        let filter = self.reader.filter.clone();
        // Text matches come from the full-text index; until a search running on a worker
        // answers, the articles whose id, title, outlet or author match are listed.
        self.reader.visible = self.passing(&filter);
        self.sort_visible();
        // Stay on the same article, or else on the one that followed it (in file order),
        // or, in another order, on the one that took its row.
        let last = self.reader.visible.len().saturating_sub(1);
        self.reader.list_selected = match before {
            Some(b) => match self.reader.visible.iter().position(|&i| i == b) {
                Some(p) => p,
                None if self.reader.order == ListOrder::Name => self.reader.visible.iter().position(|&i| i >= b).unwrap_or(last),
                None => row.min(last),
            },
            None => 0,
        };
        if self.current_index() != before {
            self.article_changed();
        }
        self.clamp_scrolls();
    }

    /// Put the listed articles in the chosen order (file order breaks ties).
    fn sort_visible(&mut self) {
        let catalog = &self.catalog;
        let meta = |i: usize| catalog.row(i).map(|r| &r.meta);
        match self.reader.order {
            ListOrder::Name => self.reader.visible.sort_unstable(),
            // ISO dates sort as text; no date sorts last.
            ListOrder::Newest => self.reader.visible.sort_by(|&a, &b| {
                let date = |i: usize| meta(i).and_then(|m| m.date.as_deref());
                date(b).is_some().cmp(&date(a).is_some()).then(date(b).cmp(&date(a))).then(a.cmp(&b))
            }),
            ListOrder::Title => {
                self.reader
                    .visible
                    .sort_by_cached_key(|&i| (catalog.row(i).map_or_else(String::new, |r| r.display_title().to_lowercase()), i));
            }
        }
    }

    /// `o`: the next list order, staying on the selected article.
    fn cycle_order(&mut self) {
        let current = self.current_index();
        self.reader.order = self.reader.order.next();
        self.sort_visible();
        if let Some(c) = current {
            self.reader.list_selected = self.reader.visible.iter().position(|&i| i == c).unwrap_or(0);
        }
        self.clamp_scrolls();
        self.status = Some(format!("list {}", self.reader.order.describe()));
    }

    /// The slots of the articles whose title or text match the FTS5 query `fts`, best
    /// first: at once from a source in memory or from the last answer; otherwise the
    /// query goes to a worker (its answer refreshes the list) and this is `None`.
    ///
    /// While the folder is read, the index fills as rows arrive: an answer given for
    /// fewer rows is still shown, and asked again (at most every [`RENEW_TEXT_SEARCH`],
    /// and once more when the read ends), so text matches cover the rows read so far and
    /// the last answer covers them all.
    fn text_matches(&self, fts: &str) -> Option<Vec<usize>> {
        let now = ReadSoFar { rows: self.catalog.len(), finished: !self.catalog.is_loading() };
        let source = self.catalog.source();
        if let Some((asked, hits, when)) = self.reader.text_hits.borrow().as_ref()
            && asked == fts
        {
            if *when != now && !source.answers_at_once() {
                let since = self.reader.text_search_renewed.get().map_or(RENEW_TEXT_SEARCH, |t| t.elapsed());
                let wait = if now.finished { std::time::Duration::ZERO } else { RENEW_TEXT_SEARCH.saturating_sub(since) };
                self.ask_text_search(fts, now, wait);
            }
            return Some(hits.clone());
        }
        if source.answers_at_once() {
            let hits = source.search(fts).unwrap_or_default();
            *self.reader.text_hits.borrow_mut() = Some((fts.to_string(), hits.clone(), now));
            return Some(hits);
        }
        self.ask_text_search(fts, now, std::time::Duration::ZERO);
        None
    }

    /// Ask the index on a worker after `wait`, unless the same question is being
    /// answered; a newer query replaces one running (its answer is dropped).
    fn ask_text_search(&self, fts: &str, now: ReadSoFar, wait: std::time::Duration) {
        let mut job = self.reader.text_search.borrow_mut();
        if job.as_ref().is_some_and(|(asked, when, _)| asked == fts && *when == now) {
            return;
        }
        // One search of a query at a time: the next is asked when this one answers.
        if job.as_ref().is_some_and(|(asked, _, _)| asked == fts) && !now.finished {
            return;
        }
        let (source, query) = (self.catalog.source(), fts.to_string());
        self.reader.text_search_renewed.set(Some(std::time::Instant::now() + wait));
        let search = move || {
            std::thread::sleep(wait);
            source.search(&query).unwrap_or_default()
        };
        *job = jobs::spawn("diglot-search", &self.wake, search).map(|rx| (fts.to_string(), now, rx));
    }

    /// A full-text search came back: the filter and the list search take it.
    fn collect_text_search(&mut self) {
        let answer = {
            let job = self.reader.text_search.borrow();
            let Some((fts, when, rx)) = job.as_ref() else { return };
            match jobs::poll(rx) {
                jobs::Poll::Running => return,
                jobs::Poll::Ready(hits) => (fts.clone(), hits, *when),
                jobs::Poll::Lost => (fts.clone(), Vec::new(), *when),
            }
        };
        *self.reader.text_search.borrow_mut() = None;
        *self.reader.text_hits.borrow_mut() = Some(answer);
        if self.reader.filter.query.fts().is_some() {
            self.refresh_visible();
        }
        if let Some(p) = &self.reader.prompt
            && p.kind == PromptKind::ListSearch
        {
            let text = p.editor.text().to_string();
            self.live_list_search(&text);
        }
    }

    /// Rows arrived from the folder's reader: list those that pass the filter.
    fn receive_articles(&mut self, effects: &mut Vec<Effect>) {
        if !self.catalog.is_loading() {
            return;
        }
        let added = self.catalog.receive();
        let finished = !self.catalog.is_loading();
        match self.catalog.reanchored.take() {
            Some(Ok(())) if self.library.has_store => effects.push(Effect::LoadHighlights),
            Some(Err(e)) => self.status = Some(format!("highlights not re-anchored: {e}")),
            _ => {}
        }
        if finished {
            // The index now holds every article: the last answer is asked again (see
            // `text_matches`), and shown until then.
            self.load_errors = self.catalog.errors.len();
            if self.status.is_none() {
                self.status = catalog::skipped_message(&self.catalog.errors);
            }
        }
        if added.is_empty() && !finished {
            return;
        }
        let was_empty = self.reader.visible.is_empty();
        self.refresh_visible();
        if was_empty && !self.reader.visible.is_empty() {
            self.reader.list_selected = 0;
            self.reader.list_top = 0;
            self.article_changed();
        }
    }

    /// The selected article's body has just arrived: what depends on it is set again.
    fn body_arrived(&mut self) {
        let current = self.current_index();
        if current.is_none() || self.reader.body_for == current {
            return;
        }
        let Some(article) = self.current() else { return };
        self.reader.body_for = current;
        let query = self.reader.search.query.clone();
        self.set_search(&query, false);
        match self.reader.pending_jump.take() {
            Some((slot, start)) if Some(slot) == current => self.show_in_body(&article, start),
            _ => self.clamp_scrolls(),
        }
    }

    /// What the status bar says while the folder is read, else `None`.
    pub fn loading_line(&self) -> Option<String> {
        self.catalog.is_loading().then(|| self.catalog.progress.line())
    }

    // ----- scrolling bookkeeping -----

    pub(crate) fn clamp_scrolls(&mut self) {
        let lh = self.pane_height(Focus::List);
        self.reader.list_selected = self.reader.list_selected.min(self.reader.visible.len().saturating_sub(1));
        self.reader.list_top = keep_in_view(self.reader.list_top, self.reader.list_selected, lh, self.reader.visible.len());
        self.reader.body_top = self.reader.body_top.min(self.max_body_top());
        let nq = self.visible_quotes().len();
        self.reader.quote_selected = self.reader.quote_selected.min(nq.saturating_sub(1));
        let per_page = (self.pane_height(Focus::Quotes) / QUOTE_ITEM_HEIGHT).max(1);
        self.reader.quotes_top = keep_in_view(self.reader.quotes_top, self.reader.quote_selected, per_page, nq);
        self.clamp_help();
    }

    fn clamp_help(&mut self) {
        if !self.help_open {
            return;
        }
        let lines = help::help_rows(&self.keymap, self.viewport.area).0.len();
        // The overlay leaves a row above and below and has a border: see ui::help::draw.
        let h = usize::from(self.viewport.area.height.saturating_sub(4)).max(1);
        self.help_scroll = self.help_scroll.min(lines.saturating_sub(h));
    }
}

/// Move `pos` by `delta` within `0..len`.
fn step(pos: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (pos as isize).saturating_add(delta).clamp(0, len as isize - 1) as usize
}

/// The first visible row so that `selected` is within `top..top + height`.
fn keep_in_view(top: usize, selected: usize, height: usize, len: usize) -> usize {
    let height = height.max(1);
    let mut top = top.min(len.saturating_sub(height));
    if selected < top {
        top = selected;
    } else if selected >= top + height {
        top = selected + 1 - height;
    }
    top
}
