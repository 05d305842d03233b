//! The body pane's lines: each paragraph wrapped by our own layout (`ui::wrap`) into byte
//! ranges of `Article::text`, with a blank line between paragraphs. Cached per
//! (article, width) so scrolling and redraws never re-wrap.

use crate::model::Article;
use crate::ui::wrap::wrap;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

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
    let mut lines = Vec::new();
    for (i, p) in article.paragraphs.iter().enumerate() {
        let Some(text) = article.text.get(p.range.clone()) else { continue };
        if i > 0 {
            lines.push(BodyLine { range: p.range.start..p.range.start, paragraph: None });
        }
        for r in wrap(text, width) {
            lines.push(BodyLine { range: p.range.start + r.start..p.range.start + r.end, paragraph: Some(i) });
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
#[derive(Debug, Default)]
pub struct LayoutCache {
    map: HashMap<(usize, usize), Arc<Vec<BodyLine>>>,
}

impl LayoutCache {
    const MAX_ENTRIES: usize = 16;

    pub fn get(&mut self, index: usize, article: &Article, width: usize) -> Arc<Vec<BodyLine>> {
        if let Some(l) = self.map.get(&(index, width)) {
            return l.clone();
        }
        if self.map.len() >= Self::MAX_ENTRIES {
            self.map.clear();
        }
        let l = Arc::new(layout(article, width));
        self.map.insert((index, width), l.clone());
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
