//! The speakers view (`S`): every speaker of the corpus with their quote counts per
//! language and the articles they are quoted in; `Enter` opens one — all their quotes,
//! newest article first, each with its counterpart in the other language where one
//! exists. `/` filters the speakers as you type. No terminal here.
//!
//! The index ([`crate::speakers::corpus_speakers`]) reads the quotes of every article and
//! compares the folder for counterparts, so it is built once per session on a worker
//! thread (`app/jobs.rs`); the view says so meanwhile and keys keep working.

use super::{App, Command, Effect, Mode, PromptKind, jobs, keep_in_view, step};
use super::catalog::{ArticleSource, Row, known_as};
use crate::model::{Article, Quote};
use crate::speakers::{CorpusSpeaker, SpeakerQuote};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

/// Rows per quote in an open speaker: the quote, where it is from, its counterpart.
pub const QUOTE_ROWS: usize = 3;

/// The speakers view's state.
#[derive(Default)]
pub struct SpeakersState {
    /// Every speaker, most quoted first; `None` until the worker is done.
    index: Option<Arc<Vec<CorpusSpeaker>>>,
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
    /// Every speaker, or `None` while the index is being built.
    pub fn index(&self) -> Option<&[CorpusSpeaker]> {
        self.index.as_deref().map(Vec::as_slice)
    }

    /// The speakers passing the filter, in order.
    pub fn visible(&self) -> impl Iterator<Item = &CorpusSpeaker> + '_ {
        let all = self.index().unwrap_or_default();
        self.visible.iter().filter_map(move |&i| all.get(i))
    }

    pub fn visible_count(&self) -> usize {
        self.visible.len()
    }

    /// The speaker opened with Enter.
    pub fn opened(&self) -> Option<&CorpusSpeaker> {
        self.index()?.get(self.open?.speaker)
    }

    fn selected_speaker_index(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }

    pub fn is_building(&self) -> bool {
        self.index.is_none()
    }

    fn set_index(&mut self, speakers: Vec<CorpusSpeaker>) {
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
            .filter(|&i| needle.is_empty() || all[i].aliases.iter().chain([&all[i].name]).any(|n| n.to_lowercase().contains(&needle)))
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
                let n = self.index.as_ref().and_then(|all| all.get(open.speaker)).map_or(0, |s| s.quote_list.len());
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
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for q in &speaker.quote_list {
        *counts.entry(q.language.as_deref().unwrap_or("??").to_uppercase()).or_default() += 1;
    }
    counts.into_iter().map(|(lang, n)| format!("{lang} {n}")).collect::<Vec<_>>().join(" · ")
}

/// What [`crate::speakers::corpus_speakers`] gives (with the folder's pair proposals
/// when they were already made), reading the articles from `source` one at a time: only
/// their quotes are kept, and the bodies of each pair of counterparts while their quotes
/// are paired. The pairs come from the folder's index of counterpart profiles; only a
/// source without one reads the whole folder at once to propose them (then lets it go).
fn speaker_index_of(
    source: &dyn ArticleSource,
    rows: &[(usize, Row)],
    manifest: &crate::model::Manifest,
    candidates: Option<Vec<crate::align::PairCandidate>>,
) -> SpeakersBuilt {
    use rayon::prelude::*;
    let load = |i: usize| -> Option<Article> {
        let (slot, row) = &rows[i];
        source.load(*slot, row).ok().map(|a| known_as(a, row))
    };
    let stubs: Vec<Article> = rows.iter().map(|(_, r)| r.stub()).collect();
    // From the folder's index of counterpart profiles when there is one; else every
    // article is read to compare them (then let go).
    let candidates = candidates.or_else(|| source.all_pairs(&stubs, manifest)).unwrap_or_else(|| {
        let all: Vec<Article> = (0..rows.len()).filter_map(load).collect();
        crate::align::propose_pairs(&all, manifest)
    });
    let quotes: Vec<Vec<Quote>> =
        (0..rows.len()).into_par_iter().map(|i| load(i).map(|a| crate::text::quotes::extract(&a)).unwrap_or_default()).collect();
    let counterparts = crate::speakers::counterpart_indices(&stubs, manifest, &candidates);
    let mut pairs = crate::speakers::QuotePairs::new();
    for &(i, j) in &counterparts {
        let (Some(left), Some(right)) = (load(i), load(j)) else { continue };
        let two = crate::speakers::quote_pairs(&[left, right], &[quotes[i].clone(), quotes[j].clone()], &[(0, 1)]);
        let article = |k: usize| if k == 0 { i } else { j };
        pairs.extend(two.into_iter().map(|((a, qa), (b, qb))| ((article(a), qa), (article(b), qb))));
    }
    (crate::speakers::speaker_index(&stubs, &quotes, &pairs), candidates)
}

/// The speaker index and the folder's pair proposals it was built with.
type SpeakersBuilt = (Vec<CorpusSpeaker>, Vec<crate::align::PairCandidate>);

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
        let build = move || speaker_index_of(source.as_ref(), &rows, &manifest, candidates);
        match jobs::spawn("diglot-speakers", &self.wake, build) {
            Some(rx) => self.speakers.job = Some(rx),
            None => {
                self.speakers.set_index(Vec::new());
                self.status = Some("cannot start a worker thread to find the speakers".into());
            }
        }
    }

    /// Take the speaker index from its worker when it is ready.
    pub(super) fn collect_speakers_job(&mut self) {
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

    /// Wait for the speaker index (tests, scripts).
    pub fn finish_speakers_work(&mut self) {
        if let Some(job) = self.speakers.job.take() {
            let built = job.recv().unwrap_or_default();
            self.speakers_built(built);
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
            Some(speaker) => self.speakers.open = Some(OpenSpeaker { speaker, selected: 0, top: 0 }),
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
        let (reused, _) = speaker_index_of(&source, &rows, &manifest, Some(crate::align::propose_pairs(&articles, &manifest)));
        assert_eq!(fresh, reused);
        // Read one article at a time, proposing the pairs on the way: the same index.
        let (streamed, proposed) = speaker_index_of(&source, &rows, &manifest, None);
        assert_eq!(fresh, streamed);
        assert_eq!(proposed, crate::align::propose_pairs(&articles, &manifest));
        assert_eq!(fresh.first().map(|s| s.name.as_str()), Some("Rob Wainwright"));
    }
}
