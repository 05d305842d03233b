//! A small one-line text editor for prompts (`/` search, `f` filter, notes).
//!
//! The cursor moves and deletes by grapheme cluster so that accented letters written
//! with combining marks, emoji and CJK are never cut in half.

use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    /// Byte offset of the cursor, always on a grapheme boundary.
    cursor: usize,
}

/// One editing command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    InsertStr(String),
    Left,
    Right,
    Home,
    End,
    /// Delete the grapheme before the cursor (Backspace).
    DeleteBack,
    /// Delete the grapheme under the cursor (Delete).
    DeleteForward,
    /// Delete the word before the cursor (Ctrl-w).
    DeleteWord,
    /// Delete from the start of the line to the cursor (Ctrl-u).
    DeleteToStart,
}

impl LineEditor {
    pub fn new() -> Self {
        Self::default()
    }

    /// An editor holding `text` with the cursor at its end.
    pub fn with_text(text: &str) -> Self {
        let text = clean_input(text);
        Self { cursor: text.len(), text }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Byte offset of the cursor in [`Self::text`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Display column of the cursor (cells from the start of the text).
    pub fn cursor_column(&self) -> usize {
        crate::view::wrap::display_width(&self.text[..self.cursor])
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Apply one edit; returns true when the text changed.
    pub fn apply(&mut self, edit: Edit) -> bool {
        match edit {
            Edit::Insert(c) => {
                let s = clean_input(c.encode_utf8(&mut [0; 4]));
                self.insert_str(&s)
            }
            Edit::InsertStr(s) => self.insert_str(&clean_input(&s)),
            Edit::Left => {
                self.cursor = self.prev_boundary(self.cursor);
                false
            }
            Edit::Right => {
                self.cursor = self.next_boundary(self.cursor);
                false
            }
            Edit::Home => {
                self.cursor = 0;
                false
            }
            Edit::End => {
                self.cursor = self.text.len();
                false
            }
            Edit::DeleteBack => {
                let start = self.prev_boundary(self.cursor);
                self.remove(start, self.cursor)
            }
            Edit::DeleteForward => {
                let end = self.next_boundary(self.cursor);
                self.remove(self.cursor, end)
            }
            Edit::DeleteWord => {
                let start = self.word_start_before(self.cursor);
                self.remove(start, self.cursor)
            }
            Edit::DeleteToStart => self.remove(0, self.cursor),
        }
    }

    fn insert_str(&mut self, s: &str) -> bool {
        if s.is_empty() {
            return false;
        }
        self.text.insert_str(self.cursor, s);
        self.cursor += s.len();
        // A combining mark joins the grapheme before it; keep the cursor on a boundary.
        self.cursor = self.snap(self.cursor);
        true
    }

    fn remove(&mut self, start: usize, end: usize) -> bool {
        if start >= end {
            return false;
        }
        self.text.replace_range(start..end, "");
        self.cursor = start;
        true
    }

    fn boundaries(&self) -> impl Iterator<Item = usize> + '_ {
        self.text
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .chain(std::iter::once(self.text.len()))
    }

    fn prev_boundary(&self, at: usize) -> usize {
        self.boundaries().take_while(|&i| i < at).last().unwrap_or(0)
    }

    fn next_boundary(&self, at: usize) -> usize {
        self.boundaries().find(|&i| i > at).unwrap_or(self.text.len())
    }

    fn snap(&self, at: usize) -> usize {
        self.boundaries().find(|&i| i >= at).unwrap_or(self.text.len())
    }

    /// Start of the word before `at`, skipping white space first (as shells do).
    fn word_start_before(&self, at: usize) -> usize {
        let before = &self.text[..at];
        let trimmed = before.trim_end();
        match trimmed.char_indices().rev().find(|(_, c)| c.is_whitespace()) {
            Some((i, c)) => i + c.len_utf8(),
            None => 0,
        }
    }
}

/// Prompts are one line: control characters (from a paste, say) are dropped, newlines
/// and tabs become spaces.
fn clean_input(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\t' | '\r' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> LineEditor {
        let mut e = LineEditor::new();
        for c in s.chars() {
            e.apply(Edit::Insert(c));
        }
        e
    }

    #[test]
    fn inserts_and_moves_by_grapheme() {
        // "é" written as e + combining acute is one grapheme of 3 bytes.
        let mut e = typed("ae\u{301}b");
        assert_eq!(e.text(), "ae\u{301}b");
        e.apply(Edit::Left);
        e.apply(Edit::Left);
        assert_eq!(e.cursor(), 1);
        e.apply(Edit::DeleteForward);
        assert_eq!(e.text(), "ab");
        e.apply(Edit::End);
        e.apply(Edit::Insert('日'));
        assert_eq!(e.cursor_column(), 4);
        e.apply(Edit::DeleteBack);
        assert_eq!(e.text(), "ab");
    }

    #[test]
    fn emoji_family_is_deleted_whole() {
        let mut e = typed("x👨‍👩‍👧");
        e.apply(Edit::DeleteBack);
        assert_eq!(e.text(), "x");
    }

    #[test]
    fn ctrl_w_and_ctrl_u() {
        let mut e = typed("lang:fr  europol  ");
        e.apply(Edit::DeleteWord);
        assert_eq!(e.text(), "lang:fr  ");
        e.apply(Edit::Insert('x'));
        e.apply(Edit::Left);
        e.apply(Edit::DeleteToStart);
        assert_eq!(e.text(), "x");
        assert_eq!(e.cursor(), 0);
    }

    #[test]
    fn home_end_and_bounds() {
        let mut e = typed("ab");
        e.apply(Edit::Home);
        e.apply(Edit::Left);
        assert_eq!(e.cursor(), 0);
        assert!(!e.apply(Edit::DeleteBack));
        e.apply(Edit::End);
        e.apply(Edit::Right);
        assert_eq!(e.cursor(), 2);
        assert!(!e.apply(Edit::DeleteForward));
    }

    #[test]
    fn pasted_controls_are_dropped() {
        let mut e = LineEditor::new();
        e.apply(Edit::InsertStr("a\u{1b}[2Jb\nc".into()));
        assert_eq!(e.text(), "a[2Jb c");
    }
}
