//! The reader's links to the store and to the other views: highlights (quotes pane, body
//! sentence cursor, visual selection), notes, undo, copying through the clipboard, the
//! highlights view (`H`) and the side-by-side view (`b`).
//!
//! No store write happens here: each is a [`StoreRequest`] effect the event loop carries
//! out, and the status bar acknowledges it only when its [`StoreResult`] comes back (with
//! every highlight read back from the store, so what is shown is what is on disk).

use super::bilingual::{BilingualAction, BilingualState, Side};
use super::highlights::{HighlightsAction, HighlightsEffect, HighlightsState, SelectionUnit, visual_selection};
use super::keymap::KeyContext;
use super::effects::{Annotation, StoreOutcome, StoreRequest, StoreResult, UndoOp};
use super::{App, Command, Effect, Focus, Mode, PromptKind};
use crate::export;
use crate::model::{Article, Highlight, Quote, Triage};
use crate::store::NewHighlight;
use std::ops::Range;
use std::sync::Arc;

/// From this many articles, finding a counterpart takes long enough (a second or more
/// on a slow machine) to be done on a worker thread.
pub const SLOW_PAIRING_ARTICLES: usize = 200;

/// Two articles of this many bytes together are aligned on a worker thread (a second or
/// more of work); shorter ones at once.
const BACKGROUND_ALIGN_BYTES: usize = 512 * 1024;

/// A side-by-side view being computed on a worker thread, for (left id, right id).
pub(super) struct BilingualJob {
    key: (String, String),
    /// `None` when an article could not be read.
    result: std::sync::mpsc::Receiver<Option<BilingualState>>,
}

/// The folder's pairs being proposed on a worker thread; `b` was last pressed on `for_id`.
pub(super) struct PairingJob {
    for_id: String,
    result: std::sync::mpsc::Receiver<Pairing>,
}

/// What a pairing worker found.
pub(super) enum Pairing {
    /// Every proposal of the folder, from comparing it whole.
    Folder(Vec<crate::align::PairCandidate>),
    /// The counterpart of one article from the index (`None`: the source has no index).
    One(String, Option<crate::align::Counterpart>),
}

/// A visual selection in the body: anchored at a sentence, extended by words or sentences
/// (see [`visual_selection`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visual {
    pub anchor: usize,
    pub unit: SelectionUnit,
    pub count: isize,
}

/// The prompt that edits `field`.
fn annotation_prompt(field: Annotation) -> PromptKind {
    match field {
        Annotation::Note => PromptKind::Note,
        Annotation::Tag => PromptKind::Tag,
    }
}

/// The `count` in `unit`s from sentence `anchor` that reaches the far end of `range` (a
/// selection that was `old_count` units of the other kind).
fn count_to(article: &Article, anchor: usize, unit: SelectionUnit, old_count: isize, range: &Range<usize>) -> isize {
    let backwards = old_count < 0;
    let far = if backwards { range.start } else { range.end };
    match unit {
        SelectionUnit::Sentence => {
            let sentences = sentence_ranges(article);
            let at = if backwards {
                sentences.iter().position(|s| s.end > far)
            } else {
                sentences.iter().rposition(|s| s.start < far)
            };
            at.map_or(0, |i| i as isize - anchor as isize)
        }
        SelectionUnit::Word => {
            let words = super::highlights::words(&article.text);
            let Some(anchor_range) = sentence_ranges(article).get(anchor).cloned() else { return 0 };
            let Some(first) = words.iter().position(|w| w.start >= anchor_range.start && w.start < anchor_range.end) else {
                return 0;
            };
            let at = if backwards {
                words.iter().position(|w| w.end > far)
            } else {
                words.iter().rposition(|w| w.start < far)
            };
            at.map_or(0, |i| i as isize - first as isize)
        }
    }
}

/// `path` with the `home` folder written `~` (the status bar is short).
fn home_relative(path: &std::path::Path, home: Option<&std::path::Path>) -> String {
    match home.and_then(|h| path.strip_prefix(h).ok()) {
        Some(rest) => format!("~/{}", rest.display()),
        None => path.display().to_string(),
    }
}

/// Byte ranges of the sentences of `article`, in order.
pub fn sentence_ranges(article: &Article) -> Vec<Range<usize>> {
    article.sentences().map(|(_, s)| s.range.clone()).collect()
}

/// "match 2/5 in the left column".
fn view_match_status(search: &super::bilingual::ViewSearch) -> String {
    let column = if search.side == Some(Side::Right) { "right" } else { "left" };
    format!("match {}/{} in the {column} column", search.current.map_or(0, |i| i + 1), search.matches.len())
}

/// Who said a quote, as the highlight records it.
fn speaker_of(q: &Quote) -> Option<String> {
    q.speaker.as_ref().map(|s| s.name.clone()).or_else(|| q.speaker_as_written.clone())
}

/// A highlight that is not (yet) in the store, for citing a passage on the clipboard.
fn transient_highlight(article: &Article, range: Range<usize>, speaker: Option<String>) -> Highlight {
    // Never stored: a citation has no use for the time (and `update` reads no clock).
    Highlight::from_range(article, range, speaker)
}

/// A short, safe description of copied text for the status bar.
fn preview(text: &str) -> String {
    let one_line: String = crate::view::text::safe(text).split_whitespace().collect::<Vec<_>>().join(" ");
    crate::view::text::truncate(&one_line, 30)
}

impl App {
    // ----- store -----

    /// A highlight store is open: `highlights` is everything in it (read after
    /// [`crate::store::Store::reanchor`], so offsets match the current texts); `writable`
    /// is false when it is open read-only (writes are then refused by the store and the
    /// status bar says nothing is saved).
    pub fn store_opened(&mut self, highlights: Vec<Highlight>, writable: bool) {
        self.library.has_store = true;
        self.library.store_writable = writable;
        self.set_highlights(highlights);
    }

    /// Whether changes (highlights, notes, triage) are being saved.
    pub fn saving(&self) -> bool {
        self.library.has_store && self.library.store_writable
    }

    /// Tell the user the store could not be opened (or only read-only); kept so that a
    /// refused write can say why.
    pub fn set_store_problem(&mut self, message: String) {
        self.status = Some(message.clone());
        self.library.store_problem = Some(message);
    }

    /// Every highlight in the store (as last read back).
    pub fn highlights(&self) -> &[Highlight] {
        &self.library.all
    }

    /// The non-orphaned highlights of one article.
    pub fn article_highlights<'a>(&'a self, article_id: &'a str) -> impl Iterator<Item = &'a Highlight> + 'a {
        self.library.all.iter().filter(move |h| h.passage.article == article_id && !h.passage.orphaned)
    }

    /// Byte ranges of article `article_id` under a highlight: its own highlights and the
    /// second texts of bilingual highlights made on its counterpart (the side-by-side
    /// view marks both columns).
    pub fn highlight_marks(&self, article_id: &str) -> Vec<Range<usize>> {
        let own = self.article_highlights(article_id).map(|h| h.passage.start..h.passage.end);
        let seconds = self.library.all.iter().filter_map(|h| h.counterpart.as_ref()).filter(|c| c.article == article_id && !c.orphaned).map(|c| c.start..c.end);
        own.chain(seconds).collect()
    }

    pub fn highlight_by_id(&self, id: i64) -> Option<&Highlight> {
        self.library.all.iter().find(|h| h.id == id)
    }

    /// The changes `u` can undo, oldest first.
    pub fn undo_stack(&self) -> &[UndoOp] {
        &self.library.undo
    }

    /// Ask for a store change, or say why there is no store to change.
    fn request(&mut self, request: StoreRequest, effects: &mut Vec<Effect>) {
        if self.library.has_store {
            effects.push(Effect::Store(request));
        } else {
            self.status = Some(self.no_store_message());
        }
    }

    /// Remember whether the last write reached the store (see `write_failure`).
    fn record_write<T>(&mut self, result: &Result<T, String>) {
        self.library.write_failure = result.as_ref().err().cloned();
    }

    fn no_store_message(&self) -> String {
        match &self.library.store_problem {
            Some(p) => format!("cannot save: {p}"),
            None => "cannot save: no highlight store is open".into(),
        }
    }

    /// The store's highlights, read again: shown everywhere, the highlights view included.
    pub(super) fn highlights_loaded(&mut self, loaded: Result<Vec<Highlight>, String>) {
        match loaded {
            Ok(list) => self.set_highlights(list),
            Err(e) => self.status = Some(format!("cannot read highlights: {e}")),
        }
    }

    fn set_highlights(&mut self, list: Vec<Highlight>) {
        self.library.all = list;
        if self.library.view.is_some() {
            let fresh = HighlightsState::from_highlights_titled(self.library.all.clone(), |id| self.title_of(id));
            if let Some(view) = self.library.view.as_mut() {
                view.set_entries(fresh.entries().to_vec());
            }
        }
    }

    /// The store's answer to a triage write: a refused one is reported and the shown
    /// state set back to what the store holds.
    pub(super) fn triage_saved(&mut self, id: String, result: Result<(), String>, on_disk: Triage) {
        if let Err(e) = &result {
            self.triage.insert(id, on_disk);
            self.status = Some(format!("not saved: {e}"));
        }
        self.record_write(&result);
    }

    /// The store's answer to a [`StoreRequest`]: say what happened, and keep what can be
    /// undone.
    pub(super) fn stored(&mut self, done: StoreResult) {
        let StoreResult { request, outcome, highlights } = done;
        self.record_write(&outcome);
        let status = match (request, outcome) {
            (StoreRequest::Toggle { what, .. }, Ok(StoreOutcome::Added(h))) => {
                self.library.undo.push(UndoOp::Added(h));
                Some(format!("{what} highlighted and saved · n note · u undo"))
            }
            (StoreRequest::Toggle { what, .. }, Ok(StoreOutcome::Removed(Some(h)))) => {
                self.library.undo.push(UndoOp::Removed(h));
                Some(format!("highlight on {what} removed · u undo"))
            }
            (StoreRequest::Delete(_), Ok(StoreOutcome::Removed(Some(h)))) => {
                self.library.undo.push(UndoOp::Removed(h));
                Some("highlight deleted (u undoes)".into())
            }
            (StoreRequest::Toggle { .. } | StoreRequest::Delete(_), Ok(_)) => Some("that highlight was already gone".into()),
            (StoreRequest::Toggle { .. }, Err(e)) => Some(format!("highlight not saved: {e}")),
            (StoreRequest::Delete(_), Err(e)) => Some(format!("not deleted: {e}")),
            (StoreRequest::Restore(_), Ok(_)) => None,
            (StoreRequest::Restore(_), Err(e)) => Some(format!("not restored: {e}")),
            (StoreRequest::Annotate { id, field, value, before }, Ok(_)) => {
                self.library.undo.push(field.undo_op(id, before));
                let name = field.name();
                Some(if value.is_none() { format!("{name} cleared") } else { format!("{name} saved") })
            }
            (StoreRequest::Annotate { field, .. }, Err(e)) => Some(format!("{} not saved: {e}", field.name())),
            (StoreRequest::Undo(op), Ok(_)) => Some(
                match op {
                    UndoOp::Added(_) => "undone: highlight removed",
                    UndoOp::Removed(_) => "undone: highlight restored",
                    UndoOp::Note { .. } => "undone: note restored",
                    UndoOp::Tag { .. } => "undone: tag restored",
                }
                .into(),
            ),
            (StoreRequest::Undo(op), Err(e)) => {
                self.library.undo.push(op);
                Some(format!("undo failed: {e}"))
            }
        };
        if status.is_some() {
            self.status = status;
        }
        self.highlights_loaded(highlights);
    }

    /// Add a highlight of `range` in article `index`, or remove the one already there.
    fn toggle_highlight(&mut self, index: usize, range: Range<usize>, speaker: Option<String>, what: &str, effects: &mut Vec<Effect>) {
        let Some(article) = self.article(index) else {
            self.status = Some(self.still_loading(index));
            return;
        };
        if range.start >= range.end || article.text.get(range.clone()).is_none() {
            self.status = Some("nothing to highlight here".into());
            return;
        }
        let highlight = NewHighlight::from_range(&article, range, speaker);
        self.request(StoreRequest::Toggle { highlight, what: what.to_string() }, effects);
    }

    // ----- sentence cursor -----

    /// Byte range of the sentence under the body's cursor.
    pub fn cursor_sentence_range(&self) -> Option<Range<usize>> {
        self.current().and_then(|a| sentence_ranges(&a).get(self.reader.sentence_cursor).cloned())
    }

    /// Byte range of the visual selection, when one is open.
    pub fn visual_range(&self) -> Option<Range<usize>> {
        let v = self.reader.visual?;
        visual_selection(&*self.current()?, v.anchor, v.unit, v.count)
    }

    pub(super) fn move_sentence_cursor(&mut self, delta: isize) {
        let Some(a) = self.current() else { return };
        let n = a.sentence_count();
        if n == 0 {
            return;
        }
        self.reader.sentence_cursor = super::step(self.reader.sentence_cursor, delta, n);
        if let Some(r) = self.cursor_sentence_range() {
            self.show_offset(r.start);
        }
    }

    /// The sentence cursor onto the sentence holding `offset` (or the last one before it).
    pub(super) fn cursor_to_offset(&mut self, offset: usize) {
        let Some(a) = self.current() else { return };
        let sentences = sentence_ranges(&a);
        self.reader.sentence_cursor = sentences.partition_point(|s| s.end <= offset).min(sentences.len().saturating_sub(1));
    }

    /// `g` / `G` in the body: the cursor to the first / last sentence, as vim's cursor goes
    /// to the first / last line.
    pub(super) fn cursor_to_end(&mut self, last: bool) {
        if self.reader.focus != Focus::Body {
            return;
        }
        let Some(n) = self.current().map(|a| a.sentence_count()) else { return };
        self.reader.sentence_cursor = if last { n.saturating_sub(1) } else { 0 };
    }

    /// Scroll the least so that the line holding `offset` is on screen.
    fn show_offset(&mut self, offset: usize) {
        let lines = self.body_lines();
        let line = super::body_layout::line_of(&lines, offset);
        let h = self.body_height();
        if line < self.reader.body_top {
            self.reader.body_top = line;
        } else if line >= self.reader.body_top + h {
            self.reader.body_top = line + 1 - h;
        }
        self.reader.body_top = self.reader.body_top.min(self.max_body_top());
        self.set_anchor();
    }

    /// After the body scrolled: a cursor that left the screen moves to the first sentence
    /// at the top (scrolling down) or the one at the bottom (scrolling up).
    pub(super) fn keep_cursor_on_screen(&mut self) {
        let Some(a) = self.current() else { return };
        let sentences = sentence_ranges(&a);
        let Some(cur) = sentences.get(self.reader.sentence_cursor) else {
            self.reader.sentence_cursor = 0;
            return;
        };
        let lines = self.body_lines();
        let h = self.body_height();
        let first = super::body_layout::line_of(&lines, cur.start);
        let last = super::body_layout::line_of(&lines, cur.end.saturating_sub(1).max(cur.start));
        let (top, bottom) = (self.reader.body_top, self.reader.body_top + h);
        if last < top {
            // The first sentence that ends on or after the top line.
            let top_offset = lines.get(top).map_or(0, |l| l.range.start);
            self.reader.sentence_cursor = sentences.iter().position(|s| s.end > top_offset).unwrap_or(sentences.len() - 1);
        } else if first >= bottom {
            let bottom_offset = lines.get(bottom.saturating_sub(1)).map_or(0, |l| l.range.start);
            self.reader.sentence_cursor = sentences.partition_point(|s| s.start <= bottom_offset).saturating_sub(1);
        }
    }

    // ----- highlight, note, copy, undo in the reader -----

    pub(super) fn highlight_here(&mut self, effects: &mut Vec<Effect>) {
        let Some(index) = self.current_index() else {
            self.status = Some("no article selected".into());
            return;
        };
        match self.reader.focus {
            Focus::Quotes => {
                let quotes = self.visible_quotes();
                let Some(q) = quotes.get(self.reader.quote_selected) else {
                    self.status = Some("no quote selected".into());
                    return;
                };
                self.toggle_highlight(index, q.start..q.end, speaker_of(q), "quote", effects);
            }
            Focus::Body => match self.cursor_sentence_range() {
                Some(r) => self.toggle_highlight(index, r, None, "sentence", effects),
                None => self.status = Some("no sentence here".into()),
            },
            Focus::List => self.status = Some("h highlights in the body (sentence) or the quotes pane (quote)".into()),
        }
    }

    /// The highlight the cursor is on: the selected quote's, or one touching the sentence
    /// under the body's cursor.
    fn highlight_here_id(&self) -> Option<i64> {
        let article = self.current()?;
        match self.reader.focus {
            Focus::Quotes => {
                let quotes = self.visible_quotes();
                let q = quotes.get(self.reader.quote_selected)?;
                self.article_highlights(&article.id).find(|h| h.passage.start == q.start && h.passage.end == q.end).map(|h| h.id)
            }
            Focus::Body => {
                let s = self.cursor_sentence_range()?;
                self.article_highlights(&article.id).find(|h| h.passage.start < s.end && s.start < h.passage.end).map(|h| h.id)
            }
            Focus::List => None,
        }
    }

    pub(super) fn annotate_here(&mut self, field: Annotation) {
        match self.highlight_here_id() {
            Some(id) => self.open_annotation_editor(field, id),
            None => self.status = Some(format!("no highlight here to give a {} (h highlights first)", field.name())),
        }
    }

    fn open_annotation_editor(&mut self, field: Annotation, id: i64) {
        if !self.library.has_store {
            self.status = Some(self.no_store_message());
            return;
        }
        self.library.note_target = Some(id);
        self.open_prompt(annotation_prompt(field));
    }

    /// Save a note or tag typed in the prompt; an empty one clears it.
    pub(super) fn save_annotation(&mut self, field: Annotation, text: &str, effects: &mut Vec<Effect>) {
        let Some(id) = self.library.note_target.take() else { return };
        let before = self.highlight_by_id(id).and_then(|h| field.current(h));
        let text = text.trim();
        let value = (!text.is_empty()).then(|| text.to_string());
        self.request(StoreRequest::Annotate { id, field, value, before }, effects);
    }

    pub(super) fn undo_last(&mut self, effects: &mut Vec<Effect>) {
        if !self.library.has_store {
            self.status = Some(if self.library.undo.is_empty() { "nothing to undo".into() } else { self.no_store_message() });
            return;
        }
        match self.library.undo.pop() {
            Some(op) => effects.push(Effect::Store(StoreRequest::Undo(op))),
            None => self.status = Some("nothing to undo".into()),
        }
    }

    pub(super) fn copy_here(&mut self, effects: &mut Vec<Effect>) {
        let Some(article) = self.current() else {
            self.status = Some("no article selected".into());
            return;
        };
        let (text, what) = match self.reader.focus {
            Focus::Quotes => {
                let quotes = self.visible_quotes();
                let Some(q) = quotes.get(self.reader.quote_selected) else {
                    self.status = Some("no quote selected".into());
                    return;
                };
                (export::quote_citation(q, Some(&article)), format!("quote “{}”", preview(&q.text)))
            }
            Focus::Body => {
                if let Some(h) = self.highlight_here_id().and_then(|id| self.highlight_by_id(id)) {
                    (export::citation(h, Some(&article)), format!("highlight “{}”", preview(&h.passage.text)))
                } else if let Some(r) = self.cursor_sentence_range() {
                    let h = transient_highlight(&article, r, None);
                    (export::citation(&h, Some(&article)), format!("sentence “{}”", preview(&h.passage.text)))
                } else {
                    self.status = Some("nothing to copy here".into());
                    return;
                }
            }
            Focus::List => {
                self.status = Some("y copies in the body or the quotes pane".into());
                return;
            }
        };
        self.status = Some(format!("copied {what} with its citation (OSC 52)"));
        effects.push(Effect::Clipboard(text));
    }

    // ----- visual selection -----

    pub(super) fn start_visual(&mut self) {
        if self.cursor_sentence_range().is_none() {
            self.status = Some("no sentence here to select".into());
            return;
        }
        self.reader.visual = Some(Visual { anchor: self.reader.sentence_cursor, unit: SelectionUnit::Sentence, count: 0 });
        self.status = Some("visual: w/b word, ( ) or j/k sentence, h highlight, y copy, Esc cancel".into());
    }

    /// Keys while a selection is open; `false` when the command is not the selection's.
    pub(super) fn visual_command(&mut self, cmd: Command, effects: &mut Vec<Effect>) -> bool {
        let Some(mut v) = self.reader.visual else { return false };
        let current = self.visual_range();
        let article = self.current();
        // Switching between words and sentences keeps the selection's far end where it is.
        let mut extend = |unit: SelectionUnit, delta: isize| {
            if v.unit != unit {
                v.count = match (&article, &current) {
                    (Some(a), Some(r)) => count_to(a, v.anchor, unit, v.count, r),
                    _ => 0,
                };
                v.unit = unit;
            }
            v.count = v.count.saturating_add(delta);
        };
        match cmd {
            Command::WordForward => extend(SelectionUnit::Word, 1),
            Command::WordBack => extend(SelectionUnit::Word, -1),
            Command::NextSentence | Command::Down => extend(SelectionUnit::Sentence, 1),
            Command::PrevSentence | Command::Up => extend(SelectionUnit::Sentence, -1),
            Command::Highlight | Command::Copy => {
                let (Some(index), Some(range)) = (self.current_index(), self.visual_range()) else { return true };
                self.reader.visual = None;
                if cmd == Command::Highlight {
                    self.toggle_highlight(index, range, None, "selection", effects);
                } else {
                    let Some(article) = self.article(index) else { return true };
                    let h = transient_highlight(&article, range, None);
                    self.status = Some(format!("copied selection “{}” with its citation (OSC 52)", preview(&h.passage.text)));
                    effects.push(Effect::Clipboard(export::citation(&h, Some(&article))));
                }
                return true;
            }
            Command::Close | Command::Cancel | Command::Visual => {
                self.reader.visual = None;
                self.status = Some("selection cancelled".into());
                return true;
            }
            _ => return false,
        }
        // Keep the moving end of the selection on screen.
        let before = self.visual_range();
        self.reader.visual = Some(v);
        if let Some(r) = self.visual_range() {
            let moving = match before {
                Some(b) if r.start < b.start => r.start,
                _ => r.end.saturating_sub(1).max(r.start),
            };
            self.show_offset(moving);
            let words = self.current().and_then(|a| a.text.get(r.clone()).map(|t| t.split_whitespace().count())).unwrap_or(0);
            self.status = Some(format!("selection: {words} word(s) · h highlight · y copy · Esc cancel"));
        }
        true
    }

    /// Open the help; in a view or a selection, scrolled to that context's keys.
    pub(super) fn open_help(&mut self) {
        let ctx = self.key_context();
        self.help_open = true;
        self.help_scroll = 0;
        // The list's own keys follow the global ones, which open the help; every other
        // view opens at its own section.
        if ctx != KeyContext::List {
            self.help_scroll = super::help::section_row(&self.keymap, self.viewport(), ctx.title()).unwrap_or(0);
        }
        self.clamp_help();
    }

    // ----- the highlights view -----

    pub(super) fn open_highlights_view(&mut self, effects: &mut Vec<Effect>) {
        self.reader.visual = None;
        if self.mode != Mode::Highlights {
            self.library.return_to = self.mode;
        }
        self.library.view = Some(HighlightsState::from_highlights_titled(self.library.all.clone(), |id| self.title_of(id)));
        self.mode = Mode::Highlights;
        if self.library.has_store {
            // Another process (`diglot highlights`) may have changed the store meanwhile.
            effects.push(Effect::LoadHighlights);
        } else {
            self.status = Some(self.no_store_message());
        }
    }

    pub(super) fn highlights_command(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        let action = match cmd {
            Command::Quit => return effects.push(Effect::Quit),
            Command::Help => return self.open_help(),
            // Opened from the speakers view: S goes back to it rather than opening it
            // again on top (q would then go round between the two views for ever).
            Command::Speakers if self.library.return_to != Mode::Speakers => return self.open_speakers(),
            Command::Close | Command::Highlights | Command::Speakers => {
                // Back to the view `H` was pressed in.
                self.mode = self.library.return_to;
                self.library.view = None;
                if self.mode == Mode::Bilingual && self.side_by_side.view.is_none() {
                    self.mode = Mode::Reader;
                }
                return;
            }
            Command::Undo => return self.undo_last(effects),
            Command::Down => HighlightsAction::Down,
            Command::Up => HighlightsAction::Up,
            Command::PageDown | Command::HalfPageDown => HighlightsAction::PageDown,
            Command::PageUp | Command::HalfPageUp => HighlightsAction::PageUp,
            Command::Top => HighlightsAction::Top,
            Command::Bottom => HighlightsAction::Bottom,
            Command::Open => HighlightsAction::Jump,
            Command::Delete => HighlightsAction::Delete,
            Command::Note | Command::SearchNextOrNote => HighlightsAction::EditNote,
            Command::Tag => {
                match self.library.view.as_ref().and_then(|v| v.selected_highlight()).map(|h| h.id) {
                    Some(id) => self.open_annotation_editor(Annotation::Tag, id),
                    None => self.status = Some(super::highlights::NO_HIGHLIGHTS.into()),
                }
                return;
            }
            Command::Copy => HighlightsAction::Copy,
            Command::Export => HighlightsAction::Export,
            _ => return,
        };
        let Some(view) = self.library.view.as_mut() else { return };
        let Some(effect) = view.update(action) else { return };
        match effect {
            HighlightsEffect::Jump { article, start } => {
                let orphaned = self.library.view.as_ref().and_then(|v| v.selected_highlight()).is_some_and(|h| h.passage.orphaned);
                self.jump_to(&article, start);
                if orphaned && self.mode == Mode::Reader {
                    self.status = Some("orphaned highlight: its text is no longer in the article; this is where it stood".into());
                }
            }
            HighlightsEffect::Delete(id) => self.request(StoreRequest::Delete(id), effects),
            HighlightsEffect::Restore(h) => self.request(StoreRequest::Restore(*h), effects),
            HighlightsEffect::EditNote(id) => self.open_annotation_editor(Annotation::Note, id),
            HighlightsEffect::Export => self.export_markdown(effects),
            HighlightsEffect::Copy(id) => {
                let Some(h) = self.highlight_by_id(id) else { return };
                let article = self.slot_of(&h.passage.article).and_then(|i| self.row(i)).map(|r| r.stub());
                let text = export::citation(h, article.as_ref());
                self.status = Some(format!("copied highlight “{}” with its citation (OSC 52)", preview(&h.passage.text)));
                effects.push(Effect::Clipboard(text));
            }
            HighlightsEffect::Notice(m) => self.status = Some(m),
        }
    }

    /// Back to the reader, on `article` at byte `start` (the filter is cleared when it hides
    /// the article).
    pub(super) fn jump_to(&mut self, article_id: &str, start: usize) {
        let Some(index) = self.slot_of(article_id) else {
            self.status = Some(format!("article {article_id} is no longer in the corpus"));
            return;
        };
        if !self.reader.visible.contains(&index) {
            self.apply_filter("");
        }
        let Some(pos) = self.reader.visible.iter().position(|&i| i == index) else { return };
        if self.current_index() != Some(index) {
            self.reader.list_selected = pos;
            self.article_changed();
        }
        self.mode = Mode::Reader;
        self.library.view = None;
        if let Some(s) = self.side_by_side.view.take() {
            // Left for the reader: the next `b` finds it where it was.
            self.cache_bilingual(s);
        }
        self.reader.focus = Focus::Body;
        match self.article(index) {
            Some(article) => self.show_in_body(&article, start),
            // Shown when the body arrives (see `body_arrived`).
            None => self.reader.pending_jump = Some((index, start)),
        }
    }

    /// Put the sentence cursor and the body's scroll on byte `start` of `article` (the
    /// current one).
    pub(super) fn show_in_body(&mut self, article: &Article, start: usize) {
        let sentences = sentence_ranges(article);
        self.reader.sentence_cursor = sentences.partition_point(|s| s.start <= start).saturating_sub(1);
        self.scroll_body_to(start);
        self.clamp_scrolls();
    }

    /// The title of article `id` as the list shows it.
    fn title_of(&self, id: &str) -> Option<String> {
        self.slot_of(id).and_then(|i| self.row(i)).map(|r| r.display_title().to_string())
    }

    /// What the status bar says when the body of `slot` is not at hand yet.
    pub(super) fn still_loading(&self, slot: usize) -> String {
        match self.catalog.body_problem(slot) {
            Some(why) => format!("this article could not be read: {why}"),
            None => "the article is still loading — try again in a moment".into(),
        }
    }

    /// `e` in the highlights view: every highlight as Markdown, for the event loop to
    /// write to a new time-stamped file in [`Places::export_dir`](super::Places::export_dir).
    fn export_markdown(&mut self, effects: &mut Vec<Effect>) {
        // A citation needs only the articles' metadata (the rows hold it).
        let cited: std::collections::BTreeSet<usize> = self.library.all.iter().filter_map(|h| self.slot_of(&h.passage.article)).collect();
        let articles: Vec<Article> = cited.into_iter().filter_map(|i| self.row(i)).map(|r| r.stub()).collect();
        let markdown = export::render(export::Format::Markdown, &self.library.all, &articles);
        effects.push(Effect::Export { dir: self.library.places.export_dir.clone(), markdown, count: self.library.all.len() });
    }

    /// The answer to [`Effect::Export`]: where the file went, or why it did not.
    pub(super) fn exported(&mut self, path: &std::path::Path, count: usize, result: Result<(), String>) {
        let shown = home_relative(path, self.library.places.home.as_deref());
        self.status = Some(match result {
            Ok(()) => format!("exported {count} highlight(s) to {shown}"),
            Err(e) => format!("export failed: {shown}: {e}"),
        });
    }

    // ----- the side-by-side view -----

    /// Use this precomputed view for its pair (tests; or a cache warmed elsewhere).
    pub fn cache_bilingual(&mut self, state: BilingualState) {
        self.side_by_side.cache.insert((state.left_id.clone(), state.right_id.clone()), state);
    }

    /// The counterpart of article `id`: the manifest's pinned pair, else the best proposed
    /// pair involving it.
    /// The counterpart `b` opens (see [`crate::align::counterpart_among`]); proposals are
    /// computed once per session.
    pub fn counterpart_of(&mut self, id: &str) -> crate::align::Counterpart {
        // A pinned pair needs no comparison of the folder (which reads every article's
        // quotes: seconds on a long article, with the keys waiting).
        if let Some(other) = self.manifest.counterpart(id)
            && self.slot_of(other).is_some()
        {
            return crate::align::Counterpart::Found(other.to_string());
        }
        if let Some(found) = self.side_by_side.counterparts.get(id) {
            return found.clone();
        }
        if self.side_by_side.pair_candidates.is_none() {
            let all = self.catalog.fetch_all()();
            self.side_by_side.pair_candidates = Some(crate::align::propose_pairs(&all, &self.manifest));
        }
        let candidates = self.side_by_side.pair_candidates.as_deref().unwrap_or_default();
        // (The pinned pair was looked at above: no article is needed any more.)
        crate::align::counterpart_among(id, &[], &self.manifest, candidates)
    }

    pub(super) fn open_bilingual(&mut self) {
        let Some(index) = self.current_index() else {
            self.status = Some("no article selected".into());
            return;
        };
        let Some(row) = self.row(index) else { return };
        let (id, title) = (row.id.clone(), crate::view::text::safe(row.display_title()).to_string());
        // Comparing a large folder takes seconds, and the first comparison reads the word
        // list (once per session): on a worker, and the view opens when it is done (if the
        // user is still on that article).
        let at_hand = self.catalog.source().answers_at_once();
        if !at_hand
            && !self.catalog.is_loading()
            && !self.side_by_side.no_counterpart_index
            && self.side_by_side.pair_candidates.is_none()
            && self.manifest.counterpart(&id).is_none()
            && !self.side_by_side.counterparts.contains_key(&id)
        {
            return self.start_counterpart_job(id);
        }
        if self.side_by_side.pair_candidates.is_none()
            && !self.side_by_side.counterparts.contains_key(&id)
            && self.manifest.counterpart(&id).is_none()
            && (self.article_count() >= SLOW_PAIRING_ARTICLES || !self.side_by_side.lexicon_read || !self.catalog.source().answers_at_once())
        {
            return self.start_pairing_job(id);
        }
        let other_id = match self.counterpart_of(&id) {
            crate::align::Counterpart::Found(other) => other,
            crate::align::Counterpart::Nearest { id: nearest, score } => {
                self.status = Some(format!(
                    "no counterpart · nearest {nearest} ({score:.2}) pairs better elsewhere · for {title}"
                ));
                return;
            }
            crate::align::Counterpart::None => {
                self.status = Some(format!("no counterpart · for {title}"));
                return;
            }
        };
        let Some(other) = self.slot_of(&other_id) else {
            self.status = Some(format!("counterpart {other_id} is not in the corpus"));
            return;
        };
        let key = (id.clone(), other_id.clone());
        let bytes = |i: usize| self.row(i).map_or(0, |r| r.bytes);
        let long = bytes(index) + bytes(other) >= BACKGROUND_ALIGN_BYTES;
        let state = match self.side_by_side.cache.get(&key) {
            Some(s) => s.clone(),
            None if long || !self.side_by_side.lexicon_read || !at_hand => {
                return self.start_bilingual_job(key, index, other);
            }
            None => {
                let (Some(left), Some(right)) = (self.article(index), self.article(other)) else { return };
                let s = BilingualState::open(&left, &right);
                self.side_by_side.cache.insert(key, s.clone());
                s
            }
        };
        self.show_bilingual(state);
    }

    /// Compare the folder on a worker thread; `b` continues when the proposals are ready.
    fn start_pairing_job(&mut self, id: String) {
        let n = self.article_count();
        if let Some(job) = self.side_by_side.pairing.as_mut() {
            job.for_id = id;
            self.status = Some(format!("still looking for a counterpart among {n} articles…"));
            return;
        }
        let (all, manifest) = (self.catalog.fetch_all(), self.manifest.clone());
        // The articles are read for the comparison and let go after it.
        match super::jobs::spawn("diglot-pairing", &self.wake, move || Pairing::Folder(crate::align::propose_pairs(&all(), &manifest))) {
            Some(result) => {
                self.status = Some(format!("looking for a counterpart among {n} articles… (keys still work)"));
                self.side_by_side.pairing = Some(PairingJob { for_id: id, result });
            }
            None => {
                let all = self.catalog.fetch_all()();
                self.side_by_side.pair_candidates = Some(crate::align::propose_pairs(&all, &self.manifest));
                self.open_bilingual();
            }
        }
    }

    /// Look up the counterpart of `id` in the index of the folder's profiles on a worker
    /// (a few candidates compared, whatever the folder's size); `b` continues with it.
    fn start_counterpart_job(&mut self, id: String) {
        if self.side_by_side.pairing.is_some() {
            self.status = Some("still looking for a counterpart…".into());
            return;
        }
        let (source, rows, manifest, wanted) = (self.catalog.source(), self.catalog.row_list(), self.manifest.clone(), id.clone());
        let lookup = move || {
            let stubs: Vec<Article> = rows.iter().map(|(_, r)| r.stub()).collect();
            Pairing::One(wanted.clone(), source.counterpart(&wanted, &stubs, &manifest))
        };
        match super::jobs::spawn("diglot-counterpart", &self.wake, lookup) {
            Some(result) => {
                self.status = Some("looking for a counterpart in the index… (keys still work)".into());
                self.side_by_side.pairing = Some(PairingJob { for_id: id, result });
            }
            None => {
                self.side_by_side.no_counterpart_index = true;
                self.open_bilingual();
            }
        }
    }

    /// Align long articles on a worker thread: keys keep working, and the view opens when
    /// the alignment is ready (if the user is still on that article).
    fn start_bilingual_job(&mut self, key: (String, String), index: usize, other: usize) {
        if self.side_by_side.job.as_ref().is_some_and(|job| job.key == key) {
            self.status = Some(format!("still aligning with {}…", crate::view::text::safe(&key.1)));
            return;
        }
        let (Some(left), Some(right)) = (self.catalog.fetch(index), self.catalog.fetch(other)) else { return };
        let align = move || match (left.get(), right.get()) {
            (Some(l), Some(r)) => Some(BilingualState::open(&l, &r)),
            _ => None,
        };
        let Some(result) = super::jobs::spawn("diglot-align", &self.wake, align) else {
            self.status = Some("cannot start a worker thread to align the articles".into());
            return;
        };
        self.status = Some(format!("aligning with {}… (the side-by-side view opens when ready)", crate::view::text::safe(&key.1)));
        self.side_by_side.job = Some(BilingualJob { key, result });
    }

    /// What is running in the background for the side-by-side view, for the status bar.
    pub fn working_on(&self) -> Option<String> {
        if self.side_by_side.pairing.is_some() {
            // The whole folder is compared unless the index is asked (a folder's source, read).
            let from_index = !self.side_by_side.no_counterpart_index && !self.catalog.source().answers_at_once();
            return Some(if !from_index {
                format!("looking for a counterpart among {} articles…", self.article_count())
            } else {
                "looking for a counterpart…".to_string()
            });
        }
        let job = self.side_by_side.job.as_ref()?;
        Some(format!("aligning with {}…", crate::view::text::safe(&job.key.1)))
    }

    /// Take the workers' results when they are ready (see [`super::jobs`]).
    pub(super) fn collect_side_by_side_jobs(&mut self) {
        if let Some(job) = &self.side_by_side.pairing {
            match super::jobs::poll(&job.result) {
                super::jobs::Poll::Running => {}
                super::jobs::Poll::Ready(candidates) => self.pairing_done(candidates),
                // The lookup failed: the folder is compared whole instead.
                super::jobs::Poll::Lost => self.pairing_done(Pairing::One(job.for_id.clone(), None)),
            }
        }
        if let Some(job) = &self.side_by_side.job {
            match super::jobs::poll(&job.result) {
                super::jobs::Poll::Running => {}
                super::jobs::Poll::Ready(state) => self.alignment_done(state),
                super::jobs::Poll::Lost => self.side_by_side.job = None,
            }
        }
    }

    /// Wait for the side-by-side view's workers and take their results (tests, scripts).
    pub fn finish_side_by_side_work(&mut self) {
        while let Some(job) = &self.side_by_side.pairing {
            let found = job.result.recv().unwrap_or_else(|_| Pairing::One(job.for_id.clone(), None));
            self.pairing_done(found);
        }
        while let Some(job) = &self.side_by_side.job {
            match job.result.recv() {
                Ok(state) => self.alignment_done(state),
                Err(_) => self.side_by_side.job = None,
            }
        }
    }

    /// The folder's proposals are ready: go on with `b` if its article is still the one
    /// shown, else say that `b` opens at once now.
    fn pairing_done(&mut self, pairing: Pairing) {
        let Some(job) = self.side_by_side.pairing.take() else { return };
        match pairing {
            Pairing::Folder(candidates) => {
                self.side_by_side.pair_candidates = Some(candidates);
                self.side_by_side.lexicon_read = true;
            }
            Pairing::One(id, Some(found)) => {
                self.side_by_side.counterparts.insert(id, found);
            }
            Pairing::One(_, None) => self.side_by_side.no_counterpart_index = true,
        }
        let still_here = self.mode == Mode::Reader && self.current_row().is_some_and(|a| a.id == job.for_id);
        if still_here {
            self.status = None;
            self.open_bilingual();
        } else {
            self.status = Some("counterparts found: b opens the side-by-side view".into());
        }
    }

    /// The worker's side-by-side view is ready: open it if its article is still the one
    /// shown, else keep it for the next `b`.
    fn alignment_done(&mut self, state: Option<BilingualState>) {
        let Some(job) = self.side_by_side.job.take() else { return };
        let Some(state) = state else {
            self.status = Some(format!("cannot align with {}: an article could not be read", crate::view::text::safe(&job.key.1)));
            return;
        };
        self.side_by_side.lexicon_read = true;
        self.side_by_side.cache.insert(job.key.clone(), state.clone());
        let still_here = self.mode == Mode::Reader && self.current_row().is_some_and(|a| a.id == job.key.0);
        if still_here {
            self.status = None;
            self.show_bilingual(state);
        } else {
            self.status = Some(format!("alignment with {} ready: b opens it", crate::view::text::safe(&job.key.1)));
        }
    }

    fn show_bilingual(&mut self, mut state: BilingualState) {
        state.update(BilingualAction::ScrollToSentence(Side::Left, self.reader.sentence_cursor));
        if let Some(why) = crate::align::lexicon::lexicon_problem() {
            self.status = Some(format!("no French–English word list ({}): aligned by lengths, names and numbers", crate::view::text::safe(why)));
        }
        self.status = self.status.take().or_else(|| state.flag_status());
        self.side_by_side.view = Some(state);
        self.reader.visual = None;
        self.mode = Mode::Bilingual;
    }

    /// The two articles of the open side-by-side view.
    pub fn bilingual_articles(&self) -> Option<(Arc<Article>, Arc<Article>)> {
        let s = self.side_by_side.view.as_ref()?;
        let left = self.article(self.slot_of(&s.left_id)?)?;
        let right = self.article(self.slot_of(&s.right_id)?)?;
        Some((left, right))
    }

    pub(super) fn bilingual_command(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        let Some(state) = self.side_by_side.view.as_mut() else {
            self.mode = Mode::Reader;
            return;
        };
        let half = (state.viewport().1 / 2).max(1);
        let action = match cmd {
            Command::Quit => return effects.push(Effect::Quit),
            Command::Help => return self.open_help(),
            // Esc / q close the map first, as they close any overlay.
            Command::Close if state.show_map => BilingualAction::ToggleMap,
            Command::Close | Command::Bilingual => {
                if let Some(s) = self.side_by_side.view.take() {
                    // Keep the scroll position for the next visit.
                    self.cache_bilingual(s);
                }
                self.mode = Mode::Reader;
                return;
            }
            Command::Copy | Command::Highlight => return self.bilingual_quote(cmd, effects),
            Command::Speakers => return self.open_speakers(),
            Command::Highlights => return self.open_highlights_view(effects),
            Command::Undo => return self.undo_last(effects),
            Command::Search => return self.open_prompt(super::PromptKind::Search),
            Command::SearchNext | Command::SearchPrev => {
                let delta = if cmd == Command::SearchNext { 1 } else { -1 };
                if !state.step_search(delta) {
                    self.status = Some("no search: / searches the focused column".into());
                } else {
                    self.status = Some(view_match_status(&state.search));
                }
                return;
            }
            Command::Down => BilingualAction::ScrollDown(1),
            Command::Up => BilingualAction::ScrollUp(1),
            Command::HalfPageDown => BilingualAction::ScrollDown(half),
            Command::HalfPageUp => BilingualAction::ScrollUp(half),
            Command::PageDown => BilingualAction::PageDown,
            Command::PageUp => BilingualAction::PageUp,
            Command::Top => BilingualAction::Top,
            Command::Bottom => BilingualAction::Bottom,
            Command::FocusNext | Command::FocusPrev => BilingualAction::ToggleFocus,
            Command::NextQuote => BilingualAction::NextQuote,
            Command::PrevQuote => BilingualAction::PrevQuote,
            Command::ToggleMap => BilingualAction::ToggleMap,
            Command::NextFlag => BilingualAction::NextFlag,
            Command::PrevFlag => BilingualAction::PrevFlag,
            _ => return,
        };
        state.update(action);
        if matches!(cmd, Command::NextQuote | Command::PrevQuote) && state.selected().is_none() {
            self.status = Some("no quotes in this column".into());
        }
        if matches!(cmd, Command::NextFlag | Command::PrevFlag) && state.flagged_rows().next().is_none() {
            self.status = Some("no divergence flags: both sides say the same things".into());
        }
        self.status = self.status.take().or_else(|| state.flag_status());
    }

    /// `/` typed in the side-by-side view: search the focused column.
    pub(super) fn bilingual_search(&mut self, query: &str) {
        if let Some(state) = self.side_by_side.view.as_mut() {
            state.set_search(query);
        }
    }

    /// Enter on the side-by-side view's search: say what was found.
    pub(super) fn submit_bilingual_search(&mut self) {
        let Some(state) = self.side_by_side.view.as_ref() else { return };
        if state.search.query.is_empty() {
            return;
        }
        self.status = Some(match state.search.current {
            Some(_) => format!("{} — n next, N previous", view_match_status(&state.search)),
            None => format!("no match for {:?} in this column", state.search.query),
        });
    }

    /// `y` / `h` in the side-by-side view: on the selected quote, or (`h` with no quote
    /// selected) on the current row.
    fn bilingual_quote(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        let Some(state) = self.side_by_side.view.as_ref() else { return };
        let Some((side, quote)) = state.selected() else {
            if cmd == Command::Highlight {
                return self.highlight_bilingual_row(effects);
            }
            self.status = Some("no quote selected: ] selects the next quote".into());
            return;
        };
        let quote = quote.clone();
        let pair = state.paired_quote(side, state.selected_quote.unwrap_or(0)).and_then(|(i, _)| state.quotes(side.other()).get(i).cloned());
        let id_of = |side: Side| match side {
            Side::Left => state.left_id.clone(),
            Side::Right => state.right_id.clone(),
        };
        let (id, other_id) = (id_of(side), id_of(side.other()));
        let Some(index) = self.slot_of(&id) else { return };
        if cmd == Command::Copy {
            let text = export::quote_citation(&quote, self.row(index).map(|r| r.stub()).as_ref());
            self.status = Some(format!("copied quote “{}” with its citation (OSC 52)", preview(&quote.text)));
            effects.push(Effect::Clipboard(text));
            return;
        }
        let other = self.slot_of(&other_id);
        let pair = pair.zip(other).map(|(p, other)| (other, p.start..p.end));
        self.toggle_quote_highlight(index, quote.start..quote.end, speaker_of(&quote), pair, effects);
    }

    /// Highlight a quote (`range` of article `index`), with its counterpart (`range` of
    /// another article) as the second text when there is one; or take the highlight away.
    pub(super) fn toggle_quote_highlight(
        &mut self,
        index: usize,
        range: Range<usize>,
        speaker: Option<String>,
        pair: Option<(usize, Range<usize>)>,
        effects: &mut Vec<Effect>,
    ) {
        let Some(article) = self.article(index) else {
            self.status = Some(self.still_loading(index));
            return;
        };
        let pair = pair.and_then(|(o, r)| Some((self.article(o)?, r))).filter(|(a, r)| r.start < r.end && a.text.get(r.clone()).is_some());
        let Some((other, pair_range)) = pair else {
            return self.toggle_highlight(index, range, speaker, "quote", effects);
        };
        if range.start >= range.end || article.text.get(range.clone()).is_none() {
            self.status = Some("nothing to highlight here".into());
            return;
        }
        let mut highlight = NewHighlight::from_range(&article, range, speaker);
        highlight.counterpart = Some(crate::model::HighlightText::from_range(&other, pair_range));
        self.request(StoreRequest::Toggle { highlight, what: "quote and its counterpart".into() }, effects);
    }

    /// `h` with no quote selected: the current row's sentences in both languages as one
    /// highlight (the focused column's text first, the other as its counterpart).
    fn highlight_bilingual_row(&mut self, effects: &mut Vec<Effect>) {
        let Some(state) = self.side_by_side.view.as_ref() else { return };
        let Some(row) = state.rows.get(state.current_row()).cloned() else {
            self.status = Some("nothing to highlight here".into());
            return;
        };
        let (focus_id, other_id, focus_sentences, other_sentences) = match state.focus {
            Side::Left => (&state.left_id, &state.right_id, row.left, row.right),
            Side::Right => (&state.right_id, &state.left_id, row.right, row.left),
        };
        let find = |id: &str| self.slot_of(id).and_then(|i| self.article(i));
        let (Some(original), Some(counterpart)) = (find(focus_id), find(other_id)) else { return };
        let two = !focus_sentences.is_empty() && !other_sentences.is_empty();
        let Some(highlight) = NewHighlight::of_row(&original, focus_sentences, &counterpart, other_sentences, None) else {
            self.status = Some("nothing to highlight here".into());
            return;
        };
        let what = if two { "row in both languages" } else { "row (one language only)" };
        self.request(StoreRequest::Toggle { highlight, what: what.into() }, effects);
    }
}
