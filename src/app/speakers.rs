//! The speakers view (`S`): every speaker of the corpus with their quote counts per
//! language and the articles they are quoted in; `Enter` opens one — all their quotes,
//! newest article first, each with its counterpart in the other language where one
//! exists. `/` filters the speakers as you type. No terminal here.
//!
//! The index ([`crate::speakers::SpeakerIndexBuilder`]) reads the quotes of every article
//! (from the quote cache where it holds them) and pairs those of counterparts, so it is
//! built once per session on a worker thread (`app/jobs.rs`); the view says so meanwhile
//! and keys keep working. It keeps, per speaker, the counts, languages and aliases the
//! list shows and where each quote is (article and quote number), not the quotes' text:
//! the quotes of the speaker opened are read again then (on a worker for a folder).

use super::{App, Command, Effect, Mode, PromptKind, jobs, keep_in_view, step};
use super::catalog::{ArticleSource, Row, known_as};
use crate::model::{Article, Quote};
use crate::speakers::{CorpusSpeaker, IndexedSpeaker, QuoteRef, QuotesOf, SpeakerQuote};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

/// Rows per quote in an open speaker: the quote, where it is from, its counterpart.
pub const QUOTE_ROWS: usize = 3;

/// The speakers view's state.
#[derive(Default)]
pub struct SpeakersState {
    /// Every speaker, most quoted first (their quotes as places, not text); `None` until
    /// the worker is done.
    index: Option<Arc<Vec<IndexedSpeaker>>>,
    /// The index being built, with the folder's pair proposals it made on the way.
    job: Option<Receiver<SpeakersBuilt>>,
    /// What `/` typed: speakers whose name or an alias contains it (ignoring case).
    pub filter: String,
    /// Indices into the index that pass the filter.
    visible: Vec<usize>,
    pub selected: usize,
    pub top: usize,
    /// The speaker opened with Enter: its index, the selected quote, the first shown.
    pub open: Option<OpenSpeaker>,
    /// The opened speaker with their quotes read in full (index of the speaker).
    opened_quotes: Option<(usize, CorpusSpeaker)>,
    /// Their quotes being read on a worker (index of the speaker).
    quotes_job: Option<(usize, Receiver<Vec<SpeakerQuote>>)>,
    /// The view `S` was pressed in: Esc / q go back there.
    return_to: Mode,
    /// Rows the list had when last drawn (the widget tells it; used for paging).
    pub rows: std::cell::Cell<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenSpeaker {
    pub speaker: usize,
    pub selected: usize,
    pub top: usize,
}

impl SpeakersState {
    /// Every speaker (without their quotes' text), or `None` while the index is being built.
    pub fn index(&self) -> Option<&[IndexedSpeaker]> {
        self.index.as_deref().map(Vec::as_slice)
    }

    /// The speakers passing the filter, in order (their `quote_list` is empty: see
    /// [`opened`](Self::opened)).
    pub fn visible(&self) -> impl Iterator<Item = &CorpusSpeaker> + '_ {
        let all = self.index().unwrap_or_default();
        self.visible.iter().filter_map(move |&i| all.get(i).map(|s| &s.speaker))
    }

    pub fn visible_count(&self) -> usize {
        self.visible.len()
    }

    /// The speaker opened with Enter, with their quotes once they are read (an empty
    /// `quote_list` meanwhile).
    pub fn opened(&self) -> Option<&CorpusSpeaker> {
        let open = self.open?;
        match &self.opened_quotes {
            Some((i, full)) if *i == open.speaker => Some(full),
            _ => self.index()?.get(open.speaker).map(|s| &s.speaker),
        }
    }

    /// Whether the opened speaker's quotes are still being read.
    pub fn is_reading_quotes(&self) -> bool {
        self.quotes_job.is_some()
    }

    fn selected_speaker_index(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }

    pub fn is_building(&self) -> bool {
        self.index.is_none()
    }

    fn set_index(&mut self, speakers: Vec<IndexedSpeaker>) {
        self.index = Some(Arc::new(speakers));
        let filter = self.filter.clone();
        self.set_filter(&filter);
    }

    /// Keep the speakers whose name or an alias contains `filter` (ignoring case).
    pub fn set_filter(&mut self, filter: &str) {
        self.filter = filter.to_string();
        let needle = filter.trim().to_lowercase();
        let all = self.index().unwrap_or_default();
        self.visible = (0..all.len())
            .filter(|&i| {
                let s = &all[i].speaker;
                needle.is_empty() || s.aliases.iter().chain([&s.name]).any(|n| n.to_lowercase().contains(&needle))
            })
            .collect();
        self.selected = 0;
        self.top = 0;
    }

    /// One screen: rows of the list, or quotes of an open speaker.
    fn page(&self) -> usize {
        let rows = self.rows.get().max(1);
        if self.open.is_some() { (rows / QUOTE_ROWS).max(1) } else { rows }
    }

    fn move_by(&mut self, delta: isize) {
        let page = self.page();
        match self.open.as_mut() {
            Some(open) => {
                let n = match &self.opened_quotes {
                    Some((i, full)) if *i == open.speaker => full.quote_list.len(),
                    _ => 0,
                };
                open.selected = step(open.selected, delta, n);
                open.top = keep_in_view(open.top, open.selected, page, n);
            }
            None => {
                self.selected = step(self.selected, delta, self.visible.len());
                self.top = keep_in_view(self.top, self.selected, page, self.visible.len());
            }
        }
    }

    /// The quote selected in the open speaker.
    pub fn selected_quote(&self) -> Option<&SpeakerQuote> {
        let open = self.open?;
        self.opened()?.quote_list.get(open.selected)
    }
}

/// Quote counts per language ("EN 7 · FR 5"), languages in alphabetical order.
pub fn counts_by_language(speaker: &CorpusSpeaker) -> String {
    speaker.languages.iter().map(|(lang, n)| format!("{lang} {n}")).collect::<Vec<_>>().join(" · ")
}

/// Chunks of a speaker's quotes read at once when they are opened: the quotes of at most
/// twice as many articles are held at a time.
const QUOTES_READ_AT_ONCE: usize = 512;

/// The quotes `refs` point to (article numbers are slots, `rows` their rows) in full,
/// read from `source` a chunk at a time.
fn read_quotes(source: &dyn ArticleSource, rows: &HashMap<usize, Row>, refs: &[QuoteRef]) -> Vec<SpeakerQuote> {
    let mut out = Vec::with_capacity(refs.len());
    for chunk in refs.chunks(QUOTES_READ_AT_ONCE) {
        let mut slots: Vec<usize> = chunk.iter().flat_map(|r| std::iter::once(r.article).chain(r.pair.map(|p| p.0))).collect();
        slots.sort_unstable();
        slots.dedup();
        let wanted: Vec<(usize, Row)> = slots.iter().filter_map(|s| Some((*s, rows.get(s)?.clone()))).collect();
        let quotes: HashMap<usize, Vec<Quote>> = wanted.iter().map(|(s, _)| *s).zip(source.quotes(&wanted)).collect();
        let at = |slot: usize| {
            let row = rows.get(&slot)?;
            Some(QuotesOf { quotes: quotes.get(&slot)?, language: row.meta.language.as_deref(), date: row.meta.date.as_deref() })
        };
        out.extend(chunk.iter().filter_map(|r| crate::speakers::speaker_quote(r, at)));
    }
    out
}

/// The reader's speaker index of the articles of `rows` (with the folder's pair
/// proposals when they were already made): what [`crate::speakers::corpus_speakers`]
/// gives, without the quotes' text, and with slots for article numbers. The quotes are
/// read from `source` a chunk at a time (from the quote cache where it holds them) and
/// only their places kept; the bodies of each pair of counterparts are read while their
/// quotes are paired. The pairs come from the folder's index of counterpart profiles;
/// only a source without one reads the whole folder at once to propose them.
fn speaker_index_of(
    source: &dyn ArticleSource,
    rows: Vec<(usize, Row)>,
    manifest: &crate::model::Manifest,
    candidates: Option<Vec<crate::align::PairCandidate>>,
) -> SpeakersBuilt {
    // The rows become the stubs (not copies of them: a large folder's rows weigh).
    let (slots, stubs): (Vec<usize>, Vec<Article>) = rows
        .into_iter()
        .map(|(slot, r)| (slot, Article { id: r.id, path: r.path, meta: r.meta, text: String::new(), paragraphs: Vec::new(), links: Vec::new() }))
        .unzip();
    let row = |i: usize| (slots[i], Row::of(&stubs[i]));
    let load = |i: usize| -> Option<Article> {
        let (slot, row) = row(i);
        source.load(slot, &row).ok().map(|a| known_as(a, &row))
    };
    let candidates = candidates.or_else(|| source.all_pairs(&stubs, manifest)).unwrap_or_else(|| {
        let all: Vec<Article> = (0..stubs.len()).filter_map(load).collect();
        crate::align::propose_pairs(&all, manifest)
    });
    let mut builder = crate::speakers::SpeakerIndexBuilder::default();
    for start in (0..stubs.len()).step_by(QUOTES_READ_AT_ONCE) {
        let chunk: Vec<(usize, Row)> = (start..(start + QUOTES_READ_AT_ONCE).min(stubs.len())).map(row).collect();
        for (k, quotes) in source.quotes(&chunk).iter().enumerate() {
            builder.add(start + k, quotes, stubs[start + k].meta.language.as_deref());
        }
    }
    let counterparts = crate::speakers::counterpart_indices(&stubs, manifest, &candidates);
    let mut pairs = crate::speakers::QuotePairs::new();
    for &(i, j) in &counterparts {
        let (Some(left), Some(right)) = (load(i), load(j)) else { continue };
        let mut quotes = source.quotes(&[row(i), row(j)]);
        let right_quotes = quotes.pop().unwrap_or_default();
        let left_quotes = quotes.pop().unwrap_or_default();
        let two = crate::speakers::quote_pairs(&[left, right], &[left_quotes, right_quotes], &[(0, 1)]);
        let article = |k: usize| if k == 0 { i } else { j };
        pairs.extend(two.into_iter().map(|((a, qa), (b, qb))| ((article(a), qa), (article(b), qb))));
    }
    // Article numbers become slots.
    let slot = |i: usize| slots[i];
    let index = builder
        .finish(&stubs, &pairs)
        .into_iter()
        .map(|mut s| {
            for r in &mut s.quotes {
                r.article = slot(r.article);
                r.pair = r.pair.map(|(a, q)| (slot(a), q));
            }
            s
        })
        .collect();
    (index, candidates)
}

/// The speaker index and the folder's pair proposals it was built with.
type SpeakersBuilt = (Vec<IndexedSpeaker>, Vec<crate::align::PairCandidate>);

impl App {
    /// `S`: open the speakers view, building the index on a worker the first time.
    pub(super) fn open_speakers(&mut self) {
        if self.mode != Mode::Speakers {
            self.speakers.return_to = self.mode;
        }
        self.mode = Mode::Speakers;
        if self.speakers.index.is_some() || self.speakers.job.is_some() {
            return;
        }
        let (source, rows, manifest) = (self.catalog.source(), self.catalog.row_list(), self.manifest.clone());
        // The folder compared for `b` already is not compared again.
        let candidates = self.side_by_side.pair_candidates.clone();
        let build = move || speaker_index_of(source.as_ref(), rows, &manifest, candidates);
        match jobs::spawn("diglot-speakers", &self.wake, build) {
            Some(rx) => self.speakers.job = Some(rx),
            None => {
                self.speakers.set_index(Vec::new());
                self.status = Some("cannot start a worker thread to find the speakers".into());
            }
        }
    }

    /// Take the speaker index, or the opened speaker's quotes, from their workers when ready.
    pub(super) fn collect_speakers_job(&mut self) {
        self.collect_speaker_quotes();
        let Some(job) = self.speakers.job.as_ref() else { return };
        match jobs::poll(job) {
            jobs::Poll::Ready(built) => {
                self.speakers.job = None;
                self.speakers_built(built);
            }
            jobs::Poll::Running => {}
            jobs::Poll::Lost => {
                self.speakers.job = None;
                self.speakers.set_index(Vec::new());
                self.status = Some("the speaker index could not be built".into());
            }
        }
    }

    /// Wait for the speaker index and the opened speaker's quotes (tests, scripts).
    pub fn finish_speakers_work(&mut self) {
        if let Some(job) = self.speakers.job.take() {
            let built = job.recv().unwrap_or_default();
            self.speakers_built(built);
        }
        if let Some((speaker, job)) = self.speakers.quotes_job.take() {
            let quotes = job.recv().unwrap_or_default();
            self.speaker_quotes_read(speaker, quotes);
        }
    }

    fn collect_speaker_quotes(&mut self) {
        let Some((speaker, job)) = self.speakers.quotes_job.as_ref() else { return };
        let speaker = *speaker;
        let quotes = match jobs::poll(job) {
            jobs::Poll::Running => return,
            jobs::Poll::Ready(quotes) => quotes,
            jobs::Poll::Lost => {
                self.status = Some("the speaker's quotes could not be read".into());
                Vec::new()
            }
        };
        self.speakers.quotes_job = None;
        self.speaker_quotes_read(speaker, quotes);
    }

    /// The quotes of speaker `speaker` are read: the open speaker shows them.
    fn speaker_quotes_read(&mut self, speaker: usize, quotes: Vec<SpeakerQuote>) {
        let Some(summary) = self.speakers.index().and_then(|all| all.get(speaker)) else { return };
        let full = CorpusSpeaker { quote_list: quotes, ..summary.speaker.clone() };
        self.speakers.opened_quotes = Some((speaker, full));
        if self.status.as_deref().is_some_and(|s| s.starts_with("reading the quotes")) {
            self.status = None;
        }
    }

    /// Open speaker `speaker`: their quotes are read again (at once from a source in
    /// memory, else on a worker; the view shows them when they arrive).
    fn open_speaker(&mut self, speaker: usize) {
        self.speakers.open = Some(OpenSpeaker { speaker, selected: 0, top: 0 });
        if self.speakers.opened_quotes.as_ref().is_some_and(|(i, _)| *i == speaker) {
            return;
        }
        self.speakers.opened_quotes = None;
        let Some(refs) = self.speakers.index().and_then(|all| all.get(speaker)).map(|s| s.quotes.clone()) else { return };
        let slots = refs.iter().flat_map(|r| std::iter::once(r.article).chain(r.pair.map(|p| p.0)));
        let rows: HashMap<usize, Row> = slots.filter_map(|s| Some((s, self.row(s)?.clone()))).collect();
        let source = self.catalog.source();
        if source.answers_at_once() {
            let quotes = read_quotes(source.as_ref(), &rows, &refs);
            self.speaker_quotes_read(speaker, quotes);
            return;
        }
        let read = move || read_quotes(source.as_ref(), &rows, &refs);
        match jobs::spawn("diglot-speaker-quotes", &self.wake, read) {
            Some(rx) => {
                self.speakers.quotes_job = Some((speaker, rx));
                self.status = Some(format!("reading the quotes of {}…", crate::view::text::safe(&self.speakers.opened().map(|s| s.name.clone()).unwrap_or_default())));
            }
            None => self.status = Some("cannot start a worker thread to read the quotes".into()),
        }
    }

    /// The index is built; `b` reuses the pairs proposed for it.
    fn speakers_built(&mut self, (index, candidates): SpeakersBuilt) {
        self.speakers.set_index(index);
        if self.side_by_side.pair_candidates.is_none() {
            self.side_by_side.pair_candidates = Some(candidates);
        }
    }

    /// What the speakers view's worker is doing, for the view to say.
    pub fn speakers_working(&self) -> Option<String> {
        self.speakers.is_building().then(|| format!("finding the speakers of {} articles… (keys still work)", self.article_count()))
    }

    pub(super) fn speakers_command(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        let page = self.speakers.page() as isize;
        match cmd {
            Command::Quit => effects.push(Effect::Quit),
            Command::Help => self.open_help(),
            Command::Close | Command::Back => self.speakers_back(),
            Command::Speakers => {
                self.speakers.open = None;
            }
            Command::Down => self.speakers.move_by(1),
            Command::Up => self.speakers.move_by(-1),
            Command::PageDown => self.speakers.move_by(page),
            Command::PageUp => self.speakers.move_by(-page),
            Command::Top => self.speakers.move_by(isize::MIN / 2),
            Command::Bottom => self.speakers.move_by(isize::MAX / 2),
            Command::Search | Command::Filter if self.speakers.open.is_none() => self.open_prompt(PromptKind::SpeakerFilter),
            Command::Open => self.open_speaker_or_quote(),
            Command::Highlight => self.highlight_speaker_quote(effects),
            _ => {}
        }
    }

    /// Back a level: from a speaker's quotes to the list, then out of the view.
    fn speakers_back(&mut self) {
        if self.speakers.open.take().is_none() {
            self.mode = self.speakers.return_to;
        }
    }

    fn open_speaker_or_quote(&mut self) {
        if self.speakers.open.is_some() {
            let Some(q) = self.speakers.selected_quote().cloned() else { return };
            self.jump_to(&q.article, q.start);
            self.reader.marked_quote = Some(q.start..q.end);
            return;
        }
        match self.speakers.selected_speaker_index() {
            Some(speaker) => self.open_speaker(speaker),
            None if self.speakers.is_building() => self.status = self.speakers_working(),
            None => self.status = Some("no speaker selected".into()),
        }
    }

    /// `h` on a quote of the open speaker: highlight it (with its counterpart as the
    /// second text when it has one), or take the highlight away.
    fn highlight_speaker_quote(&mut self, effects: &mut Vec<Effect>) {
        let Some(q) = self.speakers.selected_quote().cloned() else {
            self.status = Some("Enter opens a speaker; h highlights one of their quotes".into());
            return;
        };
        let Some(index) = self.article_index(&q.article) else {
            self.status = Some(format!("article {} is no longer in the corpus", crate::view::text::safe(&q.article)));
            return;
        };
        let speaker = self.speakers.opened().map(|s| s.name.clone());
        let pair = q.pair.as_ref().and_then(|p| Some((self.article_index(&p.article)?, p.start..p.end)));
        self.toggle_quote_highlight(index, q.start..q.end, speaker, pair, effects);
    }

    fn article_index(&self, id: &str) -> Option<usize> {
        self.slot_of(id)
    }

    /// The row of a speaker's quote's article (for its title, date and outlet).
    pub fn article_by_id(&self, id: &str) -> Option<&super::catalog::Row> {
        self.slot_of(id).and_then(|i| self.row(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::from_plain_text;

    /// The index with every speaker's quotes read again, as opening each would.
    fn opened_all(source: &dyn ArticleSource, rows: &[(usize, Row)], index: Vec<IndexedSpeaker>) -> Vec<CorpusSpeaker> {
        let rows: HashMap<usize, Row> = rows.iter().cloned().collect();
        index.into_iter().map(|s| CorpusSpeaker { quote_list: read_quotes(source, &rows, &s.quotes), ..s.speaker }).collect()
    }

    #[test]
    fn proposals_made_already_give_the_same_index_as_a_fresh_one() {
        let mut en = from_plain_text("en", "Lyon\n\n“We will not stop,” said Rob Wainwright, the director of Europol.");
        en.meta.language = Some("en".into());
        let mut fr = from_plain_text("fr", "Lyon\n\n« Nous ne nous arrêterons pas », a déclaré Rob Wainwright, le directeur d'Europol.");
        fr.meta.language = Some("fr".into());
        let articles = vec![en, fr];
        let manifest = crate::model::Manifest::default();
        let fresh = crate::speakers::corpus_speakers(&articles, &manifest);
        let source = super::super::catalog::MemorySource::new(articles.clone());
        let rows: Vec<(usize, Row)> = articles.iter().map(Row::of).enumerate().collect();
        let (reused, _) = speaker_index_of(&source, rows.clone(), &manifest, Some(crate::align::propose_pairs(&articles, &manifest)));
        assert!(reused.iter().all(|s| s.speaker.quote_list.is_empty()), "no quote text kept in the index");
        assert_eq!(fresh, opened_all(&source, &rows, reused));
        // Read one article at a time, proposing the pairs on the way: the same index.
        let (streamed, proposed) = speaker_index_of(&source, rows.clone(), &manifest, None);
        assert_eq!(fresh, opened_all(&source, &rows, streamed));
        assert_eq!(proposed, crate::align::propose_pairs(&articles, &manifest));
        assert_eq!(fresh.first().map(|s| s.name.as_str()), Some("Rob Wainwright"));
        assert!(fresh[0].quote_list.iter().all(|q| q.pair.is_some()), "{fresh:#?}");
    }

    #[test]
    fn article_numbers_become_slots_and_counts_need_no_quote_text() {
        let mut a = from_plain_text("a", "Title\n\n“We will act,” said Anna Berg.\n\n“It is done,” Berg said.");
        a.meta.language = Some("en".into());
        let b = from_plain_text("b", "Other\n\nNo quote here.");
        let source = super::super::catalog::MemorySource::new(vec![b, a.clone()]);
        // Only slot 1 has been read so far.
        let rows = vec![(1, Row::of(&a))];
        let (index, _) = speaker_index_of(&source, rows.clone(), &crate::model::Manifest::default(), Some(Vec::new()));
        let anna = index.iter().find(|s| s.speaker.name == "Anna Berg").expect("Anna Berg");
        assert!(anna.quotes.iter().all(|r| r.article == 1));
        assert_eq!(counts_by_language(&anna.speaker), "EN 2");
        let open = opened_all(&source, &rows, index);
        assert_eq!(open[0].quote_list.len(), 2);
        assert_eq!(counts_by_language(&open[0]), "EN 2");
    }
}
