//! State of the highlights view (a list of highlights across the corpus) and the visual
//! selection used to make a highlight from words or sentences in the body. No terminal
//! and no store here: the state answers actions with [`HighlightsEffect`]s — intents the
//! TUI carries out against the store (delete, restore, edit a note, export, copy, jump).

use crate::model::{Article, Highlight};
#[cfg(test)]
use crate::model::HighlightText;
use std::cell::Cell;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// One listed highlight, with what the list shows about its article.
#[derive(Debug, Clone, PartialEq)]
pub struct HighlightEntry {
    pub highlight: Highlight,
    /// The article's title, `None` when the article is no longer in the corpus.
    pub article_title: Option<String>,
}

impl HighlightEntry {
    /// Orphaned: its text is no longer in the article — the store's word, as
    /// `highlights list --format json` says it.
    pub fn is_orphaned(&self) -> bool {
        self.highlight.passage.orphaned
    }

    /// The mark before the highlight in the list: orphaned, or its article is not in the
    /// corpus being read (another `--corpus`, or the file was removed).
    pub fn mark(&self) -> Option<&'static str> {
        if self.is_orphaned() {
            Some("[orphaned] ")
        } else if self.article_title.is_none() {
            Some("[article not loaded] ")
        } else {
            None
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HighlightsAction {
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    /// Open the selected highlight in its article (`Enter`).
    Jump,
    /// Delete the selected highlight (`d`); it goes on the undo stack.
    Delete,
    /// Bring back the last deleted highlight (`u`).
    Undo,
    /// Edit the selected highlight's note (`n`).
    EditNote,
    /// Export the highlights (`e`).
    Export,
    /// Copy the selected highlight with its citation (`y`).
    Copy,
}

/// What the TUI must do after an action. The state has already updated its list.
#[derive(Debug, Clone, PartialEq)]
pub enum HighlightsEffect {
    Jump { article: String, start: usize },
    /// Remove highlight `id` from the store.
    Delete(i64),
    /// Put this (previously deleted) highlight back in the store. If the store gives it a
    /// new id, report it with [`HighlightsState::replace_id`].
    Restore(Box<Highlight>),
    EditNote(i64),
    Export,
    Copy(i64),
    /// Nothing to do but tell the user (e.g. "nothing to undo").
    Notice(String),
}

/// What the view says when a key needs a highlight and there is none.
pub const NO_HIGHLIGHTS: &str = "no highlights yet: h on a quote or sentence in the reader makes one";

/// The highlights list: entries, the selection, the first row shown, and the undo stack.
#[derive(Debug, Clone, Default)]
pub struct HighlightsState {
    entries: Vec<HighlightEntry>,
    selected: usize,
    /// First entry shown; kept so the selection stays on screen.
    pub offset: usize,
    /// Entries that fit on screen, told by the widget when it draws (used for paging).
    visible: Cell<usize>,
    /// Deleted entries with the position they had, most recent last.
    undo: Vec<(usize, HighlightEntry)>,
}

impl HighlightsState {
    pub fn new(entries: Vec<HighlightEntry>) -> HighlightsState {
        HighlightsState { entries, visible: Cell::new(10), ..Default::default() }
    }

    /// Entries from highlights and the articles they may point at (the title is looked up
    /// by article id; a missing article leaves the entry orphaned).
    pub fn from_highlights(highlights: Vec<Highlight>, articles: &[Article]) -> HighlightsState {
        let titles: std::collections::HashMap<&str, &str> = articles.iter().map(|a| (a.id.as_str(), a.display_title())).collect();
        Self::from_highlights_titled(highlights, |id| titles.get(id).map(|t| t.to_string()))
    }

    /// [`from_highlights`](Self::from_highlights), the title of an article given by `title_of`.
    pub fn from_highlights_titled(highlights: Vec<Highlight>, title_of: impl Fn(&str) -> Option<String>) -> HighlightsState {
        let entries = highlights
            .into_iter()
            .map(|h| {
                let article_title = title_of(h.passage.article.as_str());
                HighlightEntry { highlight: h, article_title }
            })
            .collect();
        HighlightsState::new(entries)
    }

    /// Replace the list (after the store changed), keeping the selection on the same
    /// highlight when it is still there.
    pub fn set_entries(&mut self, entries: Vec<HighlightEntry>) {
        let selected_id = self.selected_highlight().map(|h| h.id);
        self.entries = entries;
        if let Some(i) = selected_id.and_then(|id| self.entries.iter().position(|e| e.highlight.id == id)) {
            self.selected = i;
        }
        self.clamp();
    }

    /// The store re-inserted a restored highlight under a new id.
    pub fn replace_id(&mut self, old: i64, new: i64) {
        for e in self.entries.iter_mut().filter(|e| e.highlight.id == old) {
            e.highlight.id = new;
        }
    }

    /// Update a highlight's note after the editor closed.
    pub fn set_note(&mut self, id: i64, note: Option<String>) {
        for e in self.entries.iter_mut().filter(|e| e.highlight.id == id) {
            e.highlight.note = note.clone();
        }
    }

    pub fn entries(&self) -> &[HighlightEntry] {
        &self.entries
    }

    pub fn selected(&self) -> Option<usize> {
        (!self.entries.is_empty()).then_some(self.selected)
    }

    pub fn selected_highlight(&self) -> Option<&Highlight> {
        self.entries.get(self.selected).map(|e| &e.highlight)
    }

    /// How many deletions `u` can still undo.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// Tell the state how many entries fit on screen (the widget does this when drawn).
    pub fn set_visible(&self, entries: usize) {
        self.visible.set(entries.max(1));
    }

    pub fn visible(&self) -> usize {
        self.visible.get()
    }

    fn clamp(&mut self) {
        let visible = self.visible.get().max(1);
        self.selected = self.selected.min(self.entries.len().saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        }
        if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
        self.offset = self.offset.min(self.entries.len().saturating_sub(visible));
    }

    pub fn update(&mut self, action: HighlightsAction) -> Option<HighlightsEffect> {
        let page = self.visible.get().saturating_sub(1).max(1);
        // A key that acts on a highlight says so when there is none, rather than nothing.
        let on_one = matches!(action, HighlightsAction::Jump | HighlightsAction::Delete | HighlightsAction::EditNote | HighlightsAction::Copy);
        if self.entries.is_empty() && (on_one || action == HighlightsAction::Export) {
            return Some(HighlightsEffect::Notice(NO_HIGHLIGHTS.into()));
        }
        match action {
            HighlightsAction::Down => self.selected = self.selected.saturating_add(1),
            HighlightsAction::Up => self.selected = self.selected.saturating_sub(1),
            HighlightsAction::PageDown => self.selected = self.selected.saturating_add(page),
            HighlightsAction::PageUp => self.selected = self.selected.saturating_sub(page),
            HighlightsAction::Top => self.selected = 0,
            HighlightsAction::Bottom => self.selected = usize::MAX,
            HighlightsAction::Jump => {
                let entry = self.entries.get(self.selected)?;
                if entry.article_title.is_none() {
                    return Some(HighlightsEffect::Notice(format!(
                        "article {} is no longer in the corpus",
                        entry.highlight.passage.article
                    )));
                }
                return Some(HighlightsEffect::Jump { article: entry.highlight.passage.article.clone(), start: entry.highlight.passage.start });
            }
            HighlightsAction::Delete => {
                if self.selected >= self.entries.len() {
                    return None;
                }
                let entry = self.entries.remove(self.selected);
                let id = entry.highlight.id;
                self.undo.push((self.selected, entry));
                self.clamp();
                return Some(HighlightsEffect::Delete(id));
            }
            HighlightsAction::Undo => {
                let Some((at, entry)) = self.undo.pop() else {
                    return Some(HighlightsEffect::Notice("nothing to undo".to_string()));
                };
                let at = at.min(self.entries.len());
                let highlight = entry.highlight.clone();
                self.entries.insert(at, entry);
                self.selected = at;
                self.clamp();
                return Some(HighlightsEffect::Restore(Box::new(highlight)));
            }
            HighlightsAction::EditNote => return self.selected_highlight().map(|h| HighlightsEffect::EditNote(h.id)),
            HighlightsAction::Copy => return self.selected_highlight().map(|h| HighlightsEffect::Copy(h.id)),
            HighlightsAction::Export => return Some(HighlightsEffect::Export),
        }
        self.clamp();
        None
    }
}

/// What a visual selection extends over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelectionUnit {
    Word,
    Sentence,
}

/// The byte range of a visual selection in `article`: it is anchored at sentence
/// `sentence` and moved `count` units (words or sentences; negative = backwards).
///
/// - Words: from the first word of the anchor sentence, `count` more words forward (or
///   back), always whole words; a selection ending on a sentence's last word takes the
///   sentence's closing punctuation too.
/// - Sentences: the anchor sentence and `count` more, whole.
///
/// Moves past either end of the article stop there. `None` when the article has no
/// sentence `sentence`.
pub fn visual_selection(article: &Article, sentence: usize, unit: SelectionUnit, count: isize) -> Option<Range<usize>> {
    let sentences: Vec<Range<usize>> = article.sentences().map(|(_, s)| s.range.clone()).collect();
    let anchor = sentences.get(sentence)?.clone();
    match unit {
        SelectionUnit::Sentence => {
            let other = step(sentence, count, sentences.len());
            let (a, b) = (sentence.min(other), sentence.max(other));
            Some(sentences[a].start..sentences[b].end)
        }
        SelectionUnit::Word => {
            let words = words(&article.text);
            // The anchor word: the first word starting inside the anchor sentence.
            let Some(first) = words.iter().position(|w| w.start >= anchor.start && w.start < anchor.end) else {
                return Some(anchor);
            };
            let other = step(first, count, words.len());
            let (a, b) = (first.min(other), first.max(other));
            let start = words[a].start;
            let mut end = words[b].end;
            // Take a sentence's closing punctuation with its last word.
            if let Some(s) = sentences.iter().find(|s| s.start <= end && end <= s.end)
                && !words.iter().any(|w| w.start >= end && w.start < s.end)
            {
                end = s.end;
            }
            Some(start..end)
        }
    }
}

fn step(from: usize, count: isize, len: usize) -> usize {
    let last = len.saturating_sub(1);
    if count >= 0 { from.saturating_add(count.unsigned_abs()).min(last) } else { from.saturating_sub(count.unsigned_abs()) }
}

/// Byte ranges of the words of `text` (UAX #29 word boundaries; a word is a segment that
/// holds a letter or digit, so spaces and punctuation are not words).
pub fn words(text: &str) -> Vec<Range<usize>> {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| i..i + w.len())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::from_plain_text;

    fn h(id: i64, article: &str) -> Highlight {
        Highlight {
            id,
            passage: HighlightText {
                article: article.into(),
                text: format!("text {id}"),
                start: id as usize,
                end: id as usize + 4,
                ..HighlightText::default()
            },
            created: "2026-11-22T03:00:00Z".into(),
            ..Highlight::default()
        }
    }

    #[test]
    fn delete_then_undo_restores_in_place() {
        let a = from_plain_text("a", "Some text.");
        let mut s = HighlightsState::from_highlights(vec![h(1, "a"), h(2, "a"), h(3, "gone")], &[a]);
        assert!(!s.entries()[2].is_orphaned());
        assert_eq!(s.entries()[2].mark(), Some("[article not loaded] "));
        s.update(HighlightsAction::Down);
        assert_eq!(s.update(HighlightsAction::Delete), Some(HighlightsEffect::Delete(2)));
        assert_eq!(s.entries().len(), 2);
        assert_eq!(s.selected_highlight().map(|h| h.id), Some(3));
        match s.update(HighlightsAction::Undo) {
            Some(HighlightsEffect::Restore(back)) => assert_eq!(back.id, 2),
            other => panic!("{other:?}"),
        }
        assert_eq!(s.entries().iter().map(|e| e.highlight.id).collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(s.selected_highlight().map(|h| h.id), Some(2));
        assert!(matches!(s.update(HighlightsAction::Undo), Some(HighlightsEffect::Notice(_))));
    }

    #[test]
    fn jump_goes_to_the_article_unless_it_is_gone() {
        let a = from_plain_text("a", "Some text.");
        let mut s = HighlightsState::from_highlights(vec![h(5, "a"), h(6, "gone")], &[a]);
        assert_eq!(s.update(HighlightsAction::Jump), Some(HighlightsEffect::Jump { article: "a".into(), start: 5 }));
        s.update(HighlightsAction::Bottom);
        assert!(matches!(s.update(HighlightsAction::Jump), Some(HighlightsEffect::Notice(_))));
        assert_eq!(s.update(HighlightsAction::Copy), Some(HighlightsEffect::Copy(6)));
        assert_eq!(s.update(HighlightsAction::EditNote), Some(HighlightsEffect::EditNote(6)));
    }

    #[test]
    fn empty_list_never_panics() {
        let mut s = HighlightsState::new(Vec::new());
        for a in [HighlightsAction::Down, HighlightsAction::Up, HighlightsAction::Bottom, HighlightsAction::Delete, HighlightsAction::Jump, HighlightsAction::Copy] {
            let _ = s.update(a);
        }
        assert_eq!(s.selected(), None);
    }

    #[test]
    fn selection_scrolls_into_view() {
        let mut s = HighlightsState::new((0..20).map(|i| HighlightEntry { highlight: h(i, "a"), article_title: Some("t".into()) }).collect());
        s.set_visible(5);
        for _ in 0..7 {
            s.update(HighlightsAction::Down);
        }
        assert_eq!(s.selected(), Some(7));
        assert_eq!(s.offset, 3);
        s.update(HighlightsAction::Top);
        assert_eq!(s.offset, 0);
    }

    #[test]
    fn word_selection_takes_whole_words() {
        let a = from_plain_text("a", "Hello there, world. Second sentence here.\n\nNew paragraph.");
        let t = |r: Option<Range<usize>>| r.map(|r| a.text[r].to_string());
        assert_eq!(t(visual_selection(&a, 0, SelectionUnit::Word, 0)), Some("Hello".into()));
        assert_eq!(t(visual_selection(&a, 0, SelectionUnit::Word, 1)), Some("Hello there".into()));
        // Ending on the last word takes the full stop.
        assert_eq!(t(visual_selection(&a, 0, SelectionUnit::Word, 2)), Some("Hello there, world.".into()));
        assert_eq!(t(visual_selection(&a, 1, SelectionUnit::Word, -1)), Some("world. Second".into()));
        assert_eq!(t(visual_selection(&a, 2, SelectionUnit::Word, 99)), Some("New paragraph.".into()));
        assert_eq!(visual_selection(&a, 9, SelectionUnit::Word, 0), None);
    }

    #[test]
    fn sentence_selection_takes_whole_sentences_across_paragraphs() {
        let a = from_plain_text("a", "One. Two.\n\nThree.");
        let t = |r: Option<Range<usize>>| r.map(|r| a.text[r].to_string());
        assert_eq!(t(visual_selection(&a, 1, SelectionUnit::Sentence, 0)), Some("Two.".into()));
        assert_eq!(t(visual_selection(&a, 1, SelectionUnit::Sentence, 5)), Some("Two.\n\nThree.".into()));
        assert_eq!(t(visual_selection(&a, 1, SelectionUnit::Sentence, -3)), Some("One. Two.".into()));
    }

    #[test]
    fn words_handle_french_and_cjk() {
        let text = "« C'est l'été », dit-il. 日本語";
        let got: Vec<&str> = words(text).into_iter().map(|r| &text[r]).collect();
        assert!(got.contains(&"C'est"), "{got:?}");
        assert!(got.contains(&"l'été"), "{got:?}");
        assert!(got.contains(&"dit") && got.contains(&"il"), "{got:?}");
        assert!(!got.iter().any(|w| w.contains('«')));
        assert!(got.iter().any(|w| w.contains('日')));
    }
}
