//! The body pane's lines: each paragraph wrapped by our own layout (`ui::wrap`) into byte
//! ranges of `Article::text`, with a blank line between paragraphs. Cached per
//! (article, width) so scrolling and redraws never re-wrap. A very long article is laid
//! out on a worker thread; meanwhile its first screens are shown, wrapped at once.

use crate::model::Article;
use crate::view::wrap::wrap;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::Receiver;

/// Articles of at least this many bytes are laid out in the background.
const BACKGROUND_LAYOUT_BYTES: usize = 1 << 20;
/// How much of such an article is wrapped at once, for the first frames.
const FIRST_SCREENS_BYTES: usize = 64 * 1024;

/// One screen line of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyLine {
    /// Byte range into `Article::text` (empty for the blank line between paragraphs).
    pub range: Range<usize>,
    /// The paragraph this line belongs to; `None` for a separator line.
    pub paragraph: Option<usize>,
}

/// Lay out `article` for a pane `width` cells wide.
pub fn layout(article: &Article, width: usize) -> Vec<BodyLine> {
    layout_upto(article, width, usize::MAX)
}

/// The first lines of [`layout`]: those of the text before byte `budget` (all of them when
/// the article is shorter). The same lines as the full layout's first ones: the paragraph
/// cut by the budget is wrapped up to a space and its last, possibly shorter, line dropped.
pub fn layout_upto(article: &Article, width: usize, budget: usize) -> Vec<BodyLine> {
    let mut lines = Vec::new();
    for (i, p) in article.paragraphs.iter().enumerate() {
        let Some(text) = article.text.get(p.range.clone()) else { continue };
        if i > 0 {
            lines.push(BodyLine { range: p.range.start..p.range.start, paragraph: None });
        }
        let room = budget.saturating_sub(p.range.start);
        let cut = if text.len() <= room { None } else { Some(text[..text.floor_char_boundary(room)].rfind(' ').unwrap_or(0)) };
        let mut wrapped = wrap(&text[..cut.unwrap_or(text.len())], width);
        if cut.is_some() {
            wrapped.pop();
        }
        lines.extend(wrapped.into_iter().map(|r| BodyLine { range: p.range.start + r.start..p.range.start + r.end, paragraph: Some(i) }));
        if cut.is_some() {
            break;
        }
    }
    lines
}

/// Index of the line that shows byte `offset`: the last line starting at or before it.
/// Line starts never decrease (a separator starts where its next paragraph starts), so
/// this is a binary search.
pub fn line_of(lines: &[BodyLine], offset: usize) -> usize {
    let i = lines.partition_point(|l| l.range.start <= offset).saturating_sub(1);
    // Never land on a separator: it shares its start with the line after it.
    match lines.get(i) {
        Some(l) if l.paragraph.is_none() => (i + 1).min(lines.len().saturating_sub(1)),
        _ => i,
    }
}

/// Layouts by (article index, width). Few widths are ever live at once, so the cache is
/// simply emptied when it grows past a handful of entries.
/// The first screens of a layout, shown while the whole is made on a worker thread.
type PendingLayout = (Arc<Vec<BodyLine>>, Receiver<Vec<BodyLine>>);

#[derive(Debug, Default)]
pub struct LayoutCache {
    map: HashMap<(usize, usize), Arc<Vec<BodyLine>>>,
    /// Layouts being made on a worker thread, with the first screens to show meanwhile.
    pending: HashMap<(usize, usize), PendingLayout>,
}

impl LayoutCache {
    const MAX_ENTRIES: usize = 16;

    /// The layout of article `index`. For a very long article, until its full layout is
    /// ready, the first screens only; `wake` is set when the full layout is ready.
    pub fn get(&mut self, index: usize, article: &Article, width: usize, wake: &Arc<AtomicBool>) -> Arc<Vec<BodyLine>> {
        let key = (index, width);
        if let Some(l) = self.map.get(&key) {
            return l.clone();
        }
        if let Some((first, job)) = self.pending.get(&key) {
            match super::jobs::poll(job) {
                super::jobs::Poll::Ready(full) => {
                    self.pending.remove(&key);
                    return self.keep(key, full);
                }
                super::jobs::Poll::Running => return first.clone(),
                super::jobs::Poll::Lost => {
                    self.pending.remove(&key);
                }
            }
        }
        if article.text.len() < BACKGROUND_LAYOUT_BYTES {
            return self.keep(key, layout(article, width));
        }
        if self.pending.len() >= Self::MAX_ENTRIES {
            self.pending.clear();
        }
        let copy = article.clone();
        let Some(rx) = super::jobs::spawn("diglot-layout", wake, move || layout(&copy, width)) else {
            return self.keep(key, layout(article, width));
        };
        let first = Arc::new(layout_upto(article, width, FIRST_SCREENS_BYTES));
        self.pending.insert(key, (first.clone(), rx));
        first
    }

    fn keep(&mut self, key: (usize, usize), lines: Vec<BodyLine>) -> Arc<Vec<BodyLine>> {
        if self.map.len() >= Self::MAX_ENTRIES {
            self.map.clear();
        }
        let l = Arc::new(lines);
        self.map.insert(key, l.clone());
        l
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::from_plain_text;

    #[test]
    fn lines_cover_paragraphs_with_separators() {
        let a = from_plain_text("t", "one two three four\n\nfive six");
        let lines = layout(&a, 9);
        let texts: Vec<&str> = lines.iter().map(|l| a.slice(&l.range)).collect();
        assert_eq!(texts, ["one two", "three", "four", "", "five six"]);
        assert_eq!(lines[3].paragraph, None);
        assert_eq!(lines[4].paragraph, Some(1));
    }

    #[test]
    fn first_screens_are_the_first_lines_of_the_full_layout() {
        let para = "Officials met on Monday and said “we are watching closely” before leaving. ";
        let a = from_plain_text("t", &format!("{}\n\n{}", para.repeat(40), para.repeat(40)));
        let full = layout(&a, 31);
        for budget in [0, 10, 500, 2999, 3100, 5000, usize::MAX] {
            let first = layout_upto(&a, 31, budget);
            assert_eq!(first[..], full[..first.len()], "budget {budget}");
        }
        assert!(layout_upto(&a, 31, 500).len() > 5);
        assert_eq!(layout_upto(&a, 31, usize::MAX), full);
    }

    #[test]
    fn line_of_finds_the_line_holding_an_offset() {
        let a = from_plain_text("t", "one two three four\n\nfive six");
        let lines = layout(&a, 9);
        assert_eq!(line_of(&lines, 0), 0);
        assert_eq!(line_of(&lines, a.text.find("three").unwrap()), 1);
        assert_eq!(line_of(&lines, a.text.find("six").unwrap()), 4);
        assert_eq!(line_of(&lines, 10_000), 4);
        assert_eq!(line_of(&[], 3), 0);
    }
}
