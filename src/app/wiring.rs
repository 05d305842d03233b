//! The reader's links to the store and to the other views: highlights (quotes pane, body
//! sentence cursor, visual selection), notes, undo, copying through the clipboard, the
//! highlights view (`H`) and the side-by-side view (`b`).
//!
//! Every store write happens here, synchronously: the status bar acknowledges a highlight
//! only after the store returned, and after each write the in-memory list is read back
//! from the store, so what is shown is what is on disk.

use super::bilingual::{BilingualAction, BilingualState, Side};
use super::highlights::{HighlightsAction, HighlightsEffect, HighlightsState, SelectionUnit, visual_selection};
use super::keymap::KeyContext;
use super::{App, Command, Effect, Focus, Mode, PromptKind};
use crate::export;
use crate::model::{Article, Highlight, Quote};
use crate::store::{NewHighlight, Store};
use std::ops::Range;
use std::path::PathBuf;

/// From this many articles, finding a counterpart takes long enough (a second or more
/// on a slow machine) to draw a frame saying so first.
pub const SLOW_PAIRING_ARTICLES: usize = 200;

/// Two articles of this many bytes together are aligned on a worker thread (a second or
/// more of work); shorter ones at once.
const BACKGROUND_ALIGN_BYTES: usize = 512 * 1024;

/// A side-by-side view being computed on a worker thread, for (left id, right id).
pub(super) struct BilingualJob {
    key: (String, String),
    result: std::sync::mpsc::Receiver<BilingualState>,
}

/// A visual selection in the body: anchored at a sentence, extended by words or sentences
/// (see [`visual_selection`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visual {
    pub anchor: usize,
    pub unit: SelectionUnit,
    pub count: isize,
}

/// A store change `u` can take back.
#[derive(Debug, Clone, PartialEq)]
pub enum UndoOp {
    Added(Highlight),
    Removed(Highlight),
    Note { id: i64, before: Option<String> },
    Tag { id: i64, before: Option<String> },
}

/// The free-text fields of a highlight the reader edits in a one-line prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Annotation {
    Note,
    Tag,
}

impl Annotation {
    fn name(self) -> &'static str {
        match self {
            Annotation::Note => "note",
            Annotation::Tag => "tag",
        }
    }

    fn prompt(self) -> PromptKind {
        match self {
            Annotation::Note => PromptKind::Note,
            Annotation::Tag => PromptKind::Tag,
        }
    }

    fn current(self, h: &Highlight) -> Option<String> {
        match self {
            Annotation::Note => h.note.clone(),
            Annotation::Tag => h.tag.clone(),
        }
    }

    fn write(self, store: &Store, id: i64, value: Option<&str>) -> Result<(), crate::store::StoreError> {
        match self {
            Annotation::Note => store.set_note(id, value),
            Annotation::Tag => store.set_tag(id, value),
        }
    }

    fn undo_op(self, id: i64, before: Option<String>) -> UndoOp {
        match self {
            Annotation::Note => UndoOp::Note { id, before },
            Annotation::Tag => UndoOp::Tag { id, before },
        }
    }
}

/// `$XDG_DATA_HOME/diglot/exports` (or the platform's data folder), else `.`.
pub fn default_export_dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "diglot").map_or_else(|| PathBuf::from("."), |d| d.data_dir().join("exports"))
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

/// `path` with the home folder written `~` (the status bar is short).
fn home_relative(path: &std::path::Path) -> String {
    let home = std::env::var_os("HOME").map(PathBuf::from).filter(|h| h.is_absolute() && h.as_os_str().len() > 1);
    match home.and_then(|h| path.strip_prefix(h).ok().map(|rest| rest.to_path_buf())) {
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
    let n = NewHighlight::from_range(article, range, speaker);
    Highlight {
        id: 0,
        article: n.article,
        text_hash: n.text_hash,
        text: n.text,
        start: n.start,
        end: n.end,
        context_before: n.context_before,
        context_after: n.context_after,
        speaker: n.speaker,
        note: None,
        tag: None,
        created: crate::util::clock::now_rfc3339(),
        orphaned: false,
    }
}

/// A short, safe description of copied text for the status bar.
fn preview(text: &str) -> String {
    let one_line: String = crate::ui::safe(text).split_whitespace().collect::<Vec<_>>().join(" ");
    crate::ui::truncate(&one_line, 30)
}

impl App {
    // ----- store -----

    /// Use `store` for triage and highlights: loads every highlight (call
    /// [`Store::reanchor`] before, so offsets match the current texts).
    pub fn attach_store(&mut self, store: Store) {
        self.store = Some(store);
        self.store_writable = true;
        self.reload_highlights();
    }

    /// Like [`App::attach_store`] for a store opened read-only: highlights and triage are
    /// shown, writes are refused by the store and the status bar says nothing is saved.
    pub fn attach_read_only_store(&mut self, store: Store) {
        self.attach_store(store);
        self.store_writable = false;
    }

    /// Whether changes (highlights, notes, triage) are being saved.
    pub fn saving(&self) -> bool {
        self.store.is_some() && self.store_writable
    }

    /// Tell the user the store could not be opened (or only read-only); kept so that a
    /// refused write can say why.
    pub fn set_store_problem(&mut self, message: String) {
        self.status = Some(message.clone());
        self.store_problem = Some(message);
    }

    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }

    /// Every highlight in the store (as last read back).
    pub fn highlights(&self) -> &[Highlight] {
        &self.highlights
    }

    /// The non-orphaned highlights of one article.
    pub fn article_highlights<'a>(&'a self, article_id: &'a str) -> impl Iterator<Item = &'a Highlight> + 'a {
        self.highlights.iter().filter(move |h| h.article == article_id && !h.orphaned)
    }

    pub fn highlight_by_id(&self, id: i64) -> Option<&Highlight> {
        self.highlights.iter().find(|h| h.id == id)
    }

    /// The changes `u` can undo, oldest first.
    pub fn undo_stack(&self) -> &[UndoOp] {
        &self.undo
    }

    /// Carry out an effect that touches the store (the event loop calls this for every
    /// effect but quitting and the clipboard). A refused triage write is reported and the
    /// shown state is set back to what the store holds.
    pub fn persist(&mut self, effect: &Effect) {
        let Effect::SaveTriage(id, t) = effect else { return };
        let Some(store) = self.store.as_ref() else { return };
        let result = store.set_triage(id, *t);
        if let Err(e) = &result {
            let on_disk = store.triage(id).unwrap_or_default();
            self.triage.insert(id.clone(), on_disk);
            self.status = Some(format!("not saved: {e}"));
        }
        self.record_write(&result);
    }

    /// Remember whether the last write reached the store (see `write_failure`).
    fn record_write<T, E: std::fmt::Display>(&mut self, result: &Result<T, E>) {
        self.write_failure = result.as_ref().err().map(ToString::to_string);
    }

    fn no_store_message(&self) -> String {
        match &self.store_problem {
            Some(p) => format!("cannot save: {p}"),
            None => "cannot save: no highlight store is open".into(),
        }
    }

    fn reload_highlights(&mut self) {
        let Some(store) = self.store.as_ref() else { return };
        match store.highlights(None) {
            Ok(list) => self.highlights = list,
            Err(e) => self.status = Some(format!("cannot read highlights: {e}")),
        }
        if let Some(view) = self.highlights_view.as_mut() {
            let fresh = HighlightsState::from_highlights(self.highlights.clone(), &self.articles);
            view.set_entries(fresh.entries().to_vec());
        }
    }

    /// Add a highlight of `range` in article `index`, or remove the one already there.
    fn toggle_highlight(&mut self, index: usize, range: Range<usize>, speaker: Option<String>, what: &str) {
        let Some(article) = self.articles.get(index) else { return };
        if range.start >= range.end || article.text.get(range.clone()).is_none() {
            self.status = Some("nothing to highlight here".into());
            return;
        }
        let Some(store) = self.store.as_ref() else {
            self.status = Some(self.no_store_message());
            return;
        };
        let result = match store.find_highlight(&article.id, range.clone()) {
            Err(e) => Err(e),
            Ok(Some(existing)) => store.remove_highlight(existing.id).map(|gone| gone.map(UndoOp::Removed)),
            Ok(None) => store.add_highlight(&NewHighlight::from_range(article, range, speaker)).map(|h| Some(UndoOp::Added(h))),
        };
        self.record_write(&result);
        self.status = Some(match result {
            Ok(Some(op)) => {
                let msg = match &op {
                    UndoOp::Removed(_) => format!("highlight on {what} removed · u undo"),
                    _ => format!("{what} highlighted and saved · n note · u undo"),
                };
                self.undo.push(op);
                msg
            }
            Ok(None) => "that highlight was already gone".into(),
            Err(e) => format!("highlight not saved: {e}"),
        });
        self.reload_highlights();
    }

    // ----- sentence cursor -----

    /// Byte range of the sentence under the body's cursor.
    pub fn cursor_sentence_range(&self) -> Option<Range<usize>> {
        self.current().and_then(|a| sentence_ranges(a).get(self.sentence_cursor).cloned())
    }

    /// Byte range of the visual selection, when one is open.
    pub fn visual_range(&self) -> Option<Range<usize>> {
        let v = self.visual?;
        visual_selection(self.current()?, v.anchor, v.unit, v.count)
    }

    pub(super) fn move_sentence_cursor(&mut self, delta: isize) {
        let Some(a) = self.current() else { return };
        let n = a.sentence_count();
        if n == 0 {
            return;
        }
        self.sentence_cursor = super::step(self.sentence_cursor, delta, n);
        if let Some(r) = self.cursor_sentence_range() {
            self.show_offset(r.start);
        }
    }

    /// The sentence cursor onto the sentence holding `offset` (or the last one before it).
    pub(super) fn cursor_to_offset(&mut self, offset: usize) {
        let Some(a) = self.current() else { return };
        let sentences = sentence_ranges(a);
        self.sentence_cursor = sentences.partition_point(|s| s.end <= offset).min(sentences.len().saturating_sub(1));
    }

    /// `g` / `G` in the body: the cursor to the first / last sentence, as vim's cursor goes
    /// to the first / last line.
    pub(super) fn cursor_to_end(&mut self, last: bool) {
        if self.focus != Focus::Body {
            return;
        }
        let Some(n) = self.current().map(|a| a.sentence_count()) else { return };
        self.sentence_cursor = if last { n.saturating_sub(1) } else { 0 };
    }

    /// Scroll the least so that the line holding `offset` is on screen.
    fn show_offset(&mut self, offset: usize) {
        let lines = self.body_lines();
        let line = super::body_layout::line_of(&lines, offset);
        let h = self.body_height();
        if line < self.body_top {
            self.body_top = line;
        } else if line >= self.body_top + h {
            self.body_top = line + 1 - h;
        }
        self.body_top = self.body_top.min(self.max_body_top());
        self.set_anchor();
    }

    /// After the body scrolled: a cursor that left the screen moves to the first sentence
    /// at the top (scrolling down) or the one at the bottom (scrolling up).
    pub(super) fn keep_cursor_on_screen(&mut self) {
        let Some(a) = self.current() else { return };
        let sentences = sentence_ranges(a);
        let Some(cur) = sentences.get(self.sentence_cursor) else {
            self.sentence_cursor = 0;
            return;
        };
        let lines = self.body_lines();
        let h = self.body_height();
        let first = super::body_layout::line_of(&lines, cur.start);
        let last = super::body_layout::line_of(&lines, cur.end.saturating_sub(1).max(cur.start));
        let (top, bottom) = (self.body_top, self.body_top + h);
        if last < top {
            // The first sentence that ends on or after the top line.
            let top_offset = lines.get(top).map_or(0, |l| l.range.start);
            self.sentence_cursor = sentences.iter().position(|s| s.end > top_offset).unwrap_or(sentences.len() - 1);
        } else if first >= bottom {
            let bottom_offset = lines.get(bottom.saturating_sub(1)).map_or(0, |l| l.range.start);
            self.sentence_cursor = sentences.partition_point(|s| s.start <= bottom_offset).saturating_sub(1);
        }
    }

    // ----- highlight, note, copy, undo in the reader -----

    pub(super) fn highlight_here(&mut self) {
        let Some(index) = self.current_index() else {
            self.status = Some("no article selected".into());
            return;
        };
        match self.focus {
            Focus::Quotes => {
                let quotes = self.visible_quotes();
                let Some(q) = quotes.get(self.quote_selected) else {
                    self.status = Some("no quote selected".into());
                    return;
                };
                self.toggle_highlight(index, q.start..q.end, speaker_of(q), "quote");
            }
            Focus::Body => match self.cursor_sentence_range() {
                Some(r) => self.toggle_highlight(index, r, None, "sentence"),
                None => self.status = Some("no sentence here".into()),
            },
            Focus::List => self.status = Some("h highlights in the body (sentence) or the quotes pane (quote)".into()),
        }
    }

    /// The highlight the cursor is on: the selected quote's, or one touching the sentence
    /// under the body's cursor.
    fn highlight_here_id(&self) -> Option<i64> {
        let article = self.current()?;
        match self.focus {
            Focus::Quotes => {
                let quotes = self.visible_quotes();
                let q = quotes.get(self.quote_selected)?;
                self.article_highlights(&article.id).find(|h| h.start == q.start && h.end == q.end).map(|h| h.id)
            }
            Focus::Body => {
                let s = self.cursor_sentence_range()?;
                self.article_highlights(&article.id).find(|h| h.start < s.end && s.start < h.end).map(|h| h.id)
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
        if self.store.is_none() {
            self.status = Some(self.no_store_message());
            return;
        }
        self.note_target = Some(id);
        self.open_prompt(field.prompt());
    }

    /// Save a note or tag typed in the prompt; an empty one clears it.
    pub(super) fn save_annotation(&mut self, field: Annotation, text: &str) {
        let Some(id) = self.note_target.take() else { return };
        let before = self.highlight_by_id(id).and_then(|h| field.current(h));
        let Some(store) = self.store.as_ref() else {
            self.status = Some(self.no_store_message());
            return;
        };
        let text = text.trim();
        let name = field.name();
        let result = field.write(store, id, Some(text));
        self.record_write(&result);
        self.status = Some(match result {
            Ok(()) => {
                self.undo.push(field.undo_op(id, before));
                if text.is_empty() { format!("{name} cleared") } else { format!("{name} saved") }
            }
            Err(e) => format!("{name} not saved: {e}"),
        });
        self.reload_highlights();
    }

    pub(super) fn undo_last(&mut self) {
        let Some(op) = self.undo.pop() else {
            self.status = Some("nothing to undo".into());
            return;
        };
        let Some(store) = self.store.as_ref() else {
            self.status = Some(self.no_store_message());
            return;
        };
        let result = match &op {
            UndoOp::Added(h) => store.remove_highlight(h.id).map(|_| "undone: highlight removed"),
            UndoOp::Removed(h) => store.restore_highlight(h).map(|_| "undone: highlight restored"),
            UndoOp::Note { id, before } => store.set_note(*id, before.as_deref()).map(|_| "undone: note restored"),
            UndoOp::Tag { id, before } => store.set_tag(*id, before.as_deref()).map(|_| "undone: tag restored"),
        };
        self.record_write(&result);
        match result {
            Ok(msg) => self.status = Some(msg.into()),
            Err(e) => {
                self.status = Some(format!("undo failed: {e}"));
                self.undo.push(op);
            }
        }
        self.reload_highlights();
    }

    pub(super) fn copy_here(&mut self, effects: &mut Vec<Effect>) {
        let Some(article) = self.current() else {
            self.status = Some("no article selected".into());
            return;
        };
        let (text, what) = match self.focus {
            Focus::Quotes => {
                let quotes = self.visible_quotes();
                let Some(q) = quotes.get(self.quote_selected) else {
                    self.status = Some("no quote selected".into());
                    return;
                };
                (export::quote_citation(q, Some(article)), format!("quote “{}”", preview(&q.text)))
            }
            Focus::Body => {
                if let Some(h) = self.highlight_here_id().and_then(|id| self.highlight_by_id(id)) {
                    (export::citation(h, Some(article)), format!("highlight “{}”", preview(&h.text)))
                } else if let Some(r) = self.cursor_sentence_range() {
                    let h = transient_highlight(article, r, None);
                    (export::citation(&h, Some(article)), format!("sentence “{}”", preview(&h.text)))
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
        self.visual = Some(Visual { anchor: self.sentence_cursor, unit: SelectionUnit::Sentence, count: 0 });
        self.status = Some("visual: w/b word, ( ) or j/k sentence, h highlight, y copy, Esc cancel".into());
    }

    /// Keys while a selection is open; `false` when the command is not the selection's.
    pub(super) fn visual_command(&mut self, cmd: Command, effects: &mut Vec<Effect>) -> bool {
        let Some(mut v) = self.visual else { return false };
        let current = self.visual_range();
        let article = self.current();
        // Switching between words and sentences keeps the selection's far end where it is.
        let mut extend = |unit: SelectionUnit, delta: isize| {
            if v.unit != unit {
                v.count = match (article, &current) {
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
                self.visual = None;
                if cmd == Command::Highlight {
                    self.toggle_highlight(index, range, None, "selection");
                } else {
                    let article = &self.articles[index];
                    let h = transient_highlight(article, range, None);
                    self.status = Some(format!("copied selection “{}” with its citation (OSC 52)", preview(&h.text)));
                    effects.push(Effect::Clipboard(export::citation(&h, Some(article))));
                }
                return true;
            }
            Command::Close | Command::Cancel | Command::Visual => {
                self.visual = None;
                self.status = Some("selection cancelled".into());
                return true;
            }
            _ => return false,
        }
        // Keep the moving end of the selection on screen.
        let before = self.visual_range();
        self.visual = Some(v);
        if let Some(r) = self.visual_range() {
            let moving = match before {
                Some(b) if r.start < b.start => r.start,
                _ => r.end.saturating_sub(1).max(r.start),
            };
            self.show_offset(moving);
            let words = self.current().and_then(|a| a.text.get(r.clone())).map_or(0, |t| t.split_whitespace().count());
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
            self.help_scroll = crate::ui::help::section_row(&self.keymap, self.viewport(), ctx.title()).unwrap_or(0);
        }
        self.clamp_help();
    }

    // ----- the highlights view -----

    pub(super) fn open_highlights_view(&mut self) {
        self.reload_highlights();
        self.visual = None;
        self.highlights_view = Some(HighlightsState::from_highlights(self.highlights.clone(), &self.articles));
        self.mode = Mode::Highlights;
        if self.store.is_none() {
            self.status = Some(self.no_store_message());
        }
    }

    pub(super) fn highlights_command(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        let action = match cmd {
            Command::Quit => return effects.push(Effect::Quit),
            Command::Help => return self.open_help(),
            Command::Close | Command::Highlights => {
                self.mode = Mode::Reader;
                self.highlights_view = None;
                return;
            }
            Command::Undo => return self.undo_last(),
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
                if let Some(id) = self.highlights_view.as_ref().and_then(|v| v.selected_highlight()).map(|h| h.id) {
                    self.open_annotation_editor(Annotation::Tag, id);
                }
                return;
            }
            Command::Copy => HighlightsAction::Copy,
            Command::Export => HighlightsAction::Export,
            _ => return,
        };
        let Some(view) = self.highlights_view.as_mut() else { return };
        let Some(effect) = view.update(action) else { return };
        match effect {
            HighlightsEffect::Jump { article, start } => {
                let orphaned = self.highlights_view.as_ref().and_then(|v| v.selected_highlight()).is_some_and(|h| h.orphaned);
                self.jump_to(&article, start);
                if orphaned && self.mode == Mode::Reader {
                    self.status = Some("orphaned highlight: its text is no longer in the article; this is where it stood".into());
                }
            }
            HighlightsEffect::Delete(id) => {
                let result = match self.store.as_ref() {
                    Some(store) => store.remove_highlight(id).map_err(|e| e.to_string()),
                    None => Err(self.no_store_message()),
                };
                self.record_write(&result);
                self.status = Some(match result {
                    Ok(Some(h)) => {
                        self.undo.push(UndoOp::Removed(h));
                        "highlight deleted (u undoes)".into()
                    }
                    Ok(None) => "that highlight was already gone".into(),
                    Err(e) => format!("not deleted: {e}"),
                });
                self.reload_highlights();
            }
            HighlightsEffect::Restore(h) => {
                if let Some(store) = self.store.as_ref() {
                    let result = store.restore_highlight(&h);
                    if let Err(e) = &result {
                        self.status = Some(format!("not restored: {e}"));
                    }
                    self.record_write(&result);
                }
                self.reload_highlights();
            }
            HighlightsEffect::EditNote(id) => self.open_annotation_editor(Annotation::Note, id),
            HighlightsEffect::Export => self.export_markdown(),
            HighlightsEffect::Copy(id) => {
                let Some(h) = self.highlight_by_id(id) else { return };
                let article = self.articles.iter().find(|a| a.id == h.article);
                let text = export::citation(h, article);
                self.status = Some(format!("copied highlight “{}” with its citation (OSC 52)", preview(&h.text)));
                effects.push(Effect::Clipboard(text));
            }
            HighlightsEffect::Notice(m) => self.status = Some(m),
        }
    }

    /// Back to the reader, on `article` at byte `start` (the filter is cleared when it hides
    /// the article).
    fn jump_to(&mut self, article_id: &str, start: usize) {
        let Some(index) = self.articles.iter().position(|a| a.id == article_id) else {
            self.status = Some(format!("article {article_id} is no longer in the corpus"));
            return;
        };
        if !self.visible.contains(&index) {
            self.apply_filter("");
        }
        let Some(pos) = self.visible.iter().position(|&i| i == index) else { return };
        if self.current_index() != Some(index) {
            self.list_selected = pos;
            self.article_changed();
        }
        self.mode = Mode::Reader;
        self.highlights_view = None;
        self.focus = Focus::Body;
        let sentences = sentence_ranges(&self.articles[index]);
        self.sentence_cursor = sentences.partition_point(|s| s.start <= start).saturating_sub(1);
        self.scroll_body_to(start);
        self.clamp_scrolls();
    }

    /// `e` in the highlights view: every highlight as Markdown, written atomically to a
    /// new time-stamped file in [`App::export_dir`].
    fn export_markdown(&mut self) {
        let markdown = export::render(export::Format::Markdown, &self.highlights, &self.articles);
        // "2026-11-22T04:32:53Z" → "20261122-043253": short, sortable, no ':' for Windows.
        let stamp: String = crate::util::clock::now_rfc3339()
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == 'T')
            .map(|c| if c == 'T' { '-' } else { c })
            .collect();
        let path = self.export_dir.join(format!("highlights-{stamp}.md"));
        let result = std::fs::create_dir_all(&self.export_dir).and_then(|()| export::write_atomic(&path, markdown.as_bytes()));
        let shown = home_relative(&path);
        self.status = Some(match result {
            Ok(()) => format!("exported {} highlight(s) to {shown}", self.highlights.len()),
            Err(e) => format!("export failed: {shown}: {e}"),
        });
    }

    // ----- the side-by-side view -----

    /// Use this precomputed view for its pair (tests; or a cache warmed elsewhere).
    pub fn cache_bilingual(&mut self, state: BilingualState) {
        self.bilingual_cache.insert((state.left_id.clone(), state.right_id.clone()), state);
    }

    /// The counterpart of article `id`: the manifest's pinned pair, else the best proposed
    /// pair involving it.
    /// The counterpart `b` opens (see [`crate::align::counterpart_among`]); proposals are
    /// computed once per session.
    pub fn counterpart_of(&mut self, id: &str) -> crate::align::Counterpart {
        // A pinned pair needs no comparison of the folder (which reads every article's
        // quotes: seconds on a long article, with the keys waiting).
        if let Some(other) = self.manifest.counterpart(id)
            && self.articles.iter().any(|a| a.id == other)
        {
            return crate::align::Counterpart::Found(other.to_string());
        }
        let candidates = self
            .pair_candidates
            .get_or_insert_with(|| crate::align::propose_pairs(&self.articles, &self.manifest));
        crate::align::counterpart_among(id, &self.articles, &self.manifest, candidates)
    }

    pub(super) fn open_bilingual(&mut self) {
        let Some(index) = self.current_index() else {
            self.status = Some("no article selected".into());
            return;
        };
        let id = self.articles[index].id.clone();
        // Comparing a large folder takes seconds (once per session): first a frame that
        // says so, then the work (see `run_deferred`).
        if self.pair_candidates.is_none()
            && self.manifest.counterpart(&id).is_none()
            && self.articles.len() >= SLOW_PAIRING_ARTICLES
        {
            self.status = Some(format!("looking for a counterpart among {} articles…", self.articles.len()));
            self.deferred = Some(Command::Bilingual);
            return;
        }
        let title = crate::ui::safe(self.articles[index].display_title()).to_string();
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
        let Some(other) = self.articles.iter().position(|a| a.id == other_id) else {
            self.status = Some(format!("counterpart {other_id} is not in the corpus"));
            return;
        };
        let key = (id.clone(), other_id.clone());
        let state = match self.bilingual_cache.get(&key) {
            Some(s) => s.clone(),
            None if self.articles[index].text.len() + self.articles[other].text.len() >= BACKGROUND_ALIGN_BYTES => {
                return self.start_bilingual_job(key, index, other);
            }
            None => {
                let s = BilingualState::open(&self.articles[index], &self.articles[other]);
                self.bilingual_cache.insert(key, s.clone());
                s
            }
        };
        self.show_bilingual(state);
    }

    /// Align long articles on a worker thread: keys keep working, and the view opens when
    /// the alignment is ready (if the user is still on that article).
    fn start_bilingual_job(&mut self, key: (String, String), index: usize, other: usize) {
        if self.bilingual_job.as_ref().is_some_and(|job| job.key == key) {
            self.status = Some(format!("still aligning with {}…", crate::ui::safe(&key.1)));
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let (left, right, wake) = (self.articles[index].clone(), self.articles[other].clone(), self.wake_flag());
        let worker = std::thread::Builder::new().name("diglot-align".into()).spawn(move || {
            let _ = tx.send(BilingualState::open(&left, &right));
            wake.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        if worker.is_err() {
            let s = BilingualState::open(&self.articles[index], &self.articles[other]);
            self.bilingual_cache.insert(key, s.clone());
            return self.show_bilingual(s);
        }
        self.status = Some(format!("aligning with {}… (the side-by-side view opens when ready)", crate::ui::safe(&key.1)));
        self.bilingual_job = Some(BilingualJob { key, result: rx });
    }

    /// Take the worker's side-by-side view when it is ready: open it if its article is
    /// still the one shown, else keep it for the next `b`.
    pub(super) fn collect_bilingual_job(&mut self) {
        let Some(job) = &self.bilingual_job else { return };
        let state = match job.result.try_recv() {
            Ok(state) => state,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.bilingual_job = None;
                return;
            }
        };
        let Some(job) = self.bilingual_job.take() else { return };
        self.bilingual_cache.insert(job.key.clone(), state.clone());
        let still_here = self.mode == Mode::Reader && self.current().is_some_and(|a| a.id == job.key.0);
        if still_here {
            self.status = None;
            self.show_bilingual(state);
        } else {
            self.status = Some(format!("alignment with {} ready: b opens it", crate::ui::safe(&job.key.1)));
        }
    }

    fn show_bilingual(&mut self, mut state: BilingualState) {
        state.update(BilingualAction::ScrollToSentence(Side::Left, self.sentence_cursor));
        if let Some(why) = crate::align::lexicon::lexicon_problem() {
            self.status = Some(format!("no French–English word list ({}): aligned by lengths, names and numbers", crate::ui::safe(why)));
        }
        self.bilingual_view = Some(state);
        self.visual = None;
        self.mode = Mode::Bilingual;
    }

    /// Whether a slow command waits for [`App::run_deferred`].
    pub fn has_deferred(&self) -> bool {
        self.deferred.is_some()
    }

    /// Run the slow command announced in the last frame; `true` if there was one (the
    /// screen then needs drawing again).
    pub fn run_deferred(&mut self) -> bool {
        match self.deferred.take() {
            Some(Command::Bilingual) => {
                self.status = None;
                self.pair_candidates = Some(crate::align::propose_pairs(&self.articles, &self.manifest));
                self.open_bilingual();
                true
            }
            Some(_) | None => false,
        }
    }

    /// The two articles of the open side-by-side view.
    pub fn bilingual_articles(&self) -> Option<(&Article, &Article)> {
        let s = self.bilingual_view.as_ref()?;
        let left = self.articles.iter().find(|a| a.id == s.left_id)?;
        let right = self.articles.iter().find(|a| a.id == s.right_id)?;
        Some((left, right))
    }

    pub(super) fn bilingual_command(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        let Some(state) = self.bilingual_view.as_mut() else {
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
                if let Some(s) = self.bilingual_view.take() {
                    // Keep the scroll position for the next visit.
                    self.cache_bilingual(s);
                }
                self.mode = Mode::Reader;
                return;
            }
            Command::Copy | Command::Highlight => return self.bilingual_quote(cmd, effects),
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
            _ => return,
        };
        state.update(action);
        if matches!(cmd, Command::NextQuote | Command::PrevQuote) && state.selected().is_none() {
            self.status = Some("no quotes in this column".into());
        }
    }

    /// `/` typed in the side-by-side view: search the focused column.
    pub(super) fn bilingual_search(&mut self, query: &str) {
        if let Some(state) = self.bilingual_view.as_mut() {
            state.set_search(query);
        }
    }

    /// Enter on the side-by-side view's search: say what was found.
    pub(super) fn submit_bilingual_search(&mut self) {
        let Some(state) = self.bilingual_view.as_ref() else { return };
        if state.search.query.is_empty() {
            return;
        }
        self.status = Some(match state.search.current {
            Some(_) => format!("{} — n next, N previous", view_match_status(&state.search)),
            None => format!("no match for {:?} in this column", state.search.query),
        });
    }

    /// `y` / `h` on the quote selected in the side-by-side view.
    fn bilingual_quote(&mut self, cmd: Command, effects: &mut Vec<Effect>) {
        let Some(state) = self.bilingual_view.as_ref() else { return };
        let Some((side, quote)) = state.selected() else {
            self.status = Some("no quote selected: ] selects the next quote".into());
            return;
        };
        let quote = quote.clone();
        let id = match side {
            Side::Left => state.left_id.clone(),
            Side::Right => state.right_id.clone(),
        };
        let Some(index) = self.articles.iter().position(|a| a.id == id) else { return };
        if cmd == Command::Copy {
            let text = export::quote_citation(&quote, Some(&self.articles[index]));
            self.status = Some(format!("copied quote “{}” with its citation (OSC 52)", preview(&quote.text)));
            effects.push(Effect::Clipboard(text));
        } else {
            self.toggle_highlight(index, quote.start..quote.end, speaker_of(&quote), "quote");
        }
    }
}
