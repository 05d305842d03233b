//! Our own text layout: wrap a paragraph by display width at UAX #14 break opportunities
//! into byte ranges, so highlights, quotes and aligned rows can point at exact lines.
//!
//! The drawing library's `Paragraph` wrap is not used because it hides where each line starts in the
//! source text. Widths are measured per grapheme cluster with unicode-width, so wide
//! characters (CJK, emoji) never overflow a pane.

use std::ops::Range;
use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of `s` in terminal cells.
pub fn display_width(s: &str) -> usize {
    // Most news text is ASCII: one cell a printable byte, no segmentation needed.
    if s.is_ascii() {
        return s.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

fn grapheme_width(g: &str) -> usize {
    // A control character has no width of its own; text is sanitized before this, but a
    // zero here keeps the arithmetic honest either way.
    if g.chars().all(char::is_control) {
        return 0;
    }
    UnicodeWidthStr::width(g)
}

/// Characters that must not start a line when they are separated from their word by a
/// space (French typography puts a space before them: `mot :`, `mot »`).
fn clings_to_previous(c: char) -> bool {
    matches!(c, '»' | ':' | '?' | '!' | ';' | '”' | '›' | ')' | ']' | '%' | '…' | '.' | ',')
}

/// Characters that must not end a line when followed by a space (`« mot`).
fn clings_to_next(c: char) -> bool {
    matches!(c, '«' | '“' | '‹' | '(' | '[' | '—' | '–')
}

/// A break after a hyphen reads badly when either piece is tiny: French clitics
/// (`a-t-il`, `dit-elle`, `c'est-à-dire`) and initials stay whole.
fn short_hyphen_piece(before: &str, after: &str) -> bool {
    let is_sep = |c: char| c.is_whitespace() || c == '-';
    let left = before[..before.len() - 1].rsplit(is_sep).next().unwrap_or("");
    let right = after.split(is_sep).next().unwrap_or("");
    left.chars().count() <= 2 || right.trim_end_matches(|c: char| !c.is_alphanumeric()).chars().count() <= 4
}

/// Byte offsets where a line may start, in order, and whether the break is mandatory.
fn break_points(text: &str) -> Vec<(usize, bool)> {
    linebreaks(text)
        .filter(|&(i, _)| i < text.len())
        .filter(|&(i, _)| {
            let before = &text[..i];
            let after_char = text[i..].chars().next();
            let trimmed = before.trim_end();
            let spaced = trimmed.len() < before.len();
            if spaced && after_char.is_some_and(clings_to_previous) {
                return false;
            }
            if spaced && trimmed.chars().next_back().is_some_and(clings_to_next) {
                return false;
            }
            !(before.ends_with('-') && short_hyphen_piece(before, &text[i..]))
        })
        .map(|(i, op)| (i, op == BreakOpportunity::Mandatory))
        .collect()
}

/// Wrap `text` to lines of at most `width` cells. Each line is a byte range into `text`
/// with trailing white space (and the newline of a hard break) left out. A word wider
/// than the line is split between grapheme clusters. Width 0 is treated as 1.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line_start = 0;
    let mut line_width = 0;
    // End of the last piece that fits, trimmed.
    let mut line_end = 0;
    let mut seg_start = 0;
    let mut points = break_points(text);
    points.push((text.len(), true));
    for (next, mandatory) in points {
        let segment = &text[seg_start..next];
        let content = segment.trim_end();
        let content_width = display_width(content);
        let full_width = display_width(segment.trim_end_matches(['\n', '\r']));
        if content.is_empty() && line_end == line_start {
            // White space at the start of a line takes no room: skip it.
            if mandatory {
                lines.push(line_start..line_end);
            }
            line_start = next;
            line_end = next;
            seg_start = next;
            continue;
        }
        if line_width + content_width > width && line_end > line_start {
            lines.push(line_start..line_end);
            line_start = seg_start;
            line_width = 0;
        }
        if content_width > width {
            // Split an over-long word between graphemes.
            let mut cell = 0;
            let mut piece_start = seg_start;
            for (off, g) in content.grapheme_indices(true) {
                let w = grapheme_width(g);
                if cell + w > width && cell > 0 {
                    lines.push(piece_start..seg_start + off);
                    piece_start = seg_start + off;
                    cell = 0;
                }
                cell += w;
            }
            line_start = piece_start;
            line_width = cell;
            line_end = seg_start + content.len();
        } else {
            line_end = seg_start + content.len();
            line_width += full_width;
        }
        if mandatory {
            lines.push(line_start..line_end);
            line_start = next;
            line_end = next;
            line_width = 0;
        }
        seg_start = next;
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_spaces_within_width() {
        assert_eq!(lines("the quick brown fox jumps", 10), ["the quick", "brown fox", "jumps"]);
        for l in lines("the quick brown fox jumps over the lazy dog", 7) {
            assert!(display_width(l) <= 7, "{l:?}");
        }
    }

    #[test]
    fn french_punctuation_never_starts_a_line() {
        for sep in [" ", "\u{a0}", "\u{202f}"] {
            let text = format!("« Nous devons agir{sep}», a-t-il dit{sep}: oui{sep}! Vraiment{sep}?");
            // From the width of the longest unbreakable unit ("Vraiment ?") up.
            for w in 10..40 {
                for l in lines(&text, w) {
                    let first = l.chars().next().unwrap_or(' ');
                    assert!(!matches!(first, '»' | ':' | '!' | '?'), "width {w}: line {l:?}");
                    assert!(!l.ends_with('«'), "width {w}: line {l:?}");
                }
            }
        }
    }

    #[test]
    fn wide_characters_never_overflow() {
        let text = "日本語のテキストはスペースなしで折り返されます🙂🙂🙂";
        for w in 1..12 {
            for l in lines(text, w.max(2)) {
                assert!(display_width(l) <= w.max(2), "width {w}: {l:?}");
            }
        }
    }

    #[test]
    fn long_words_are_split_and_nothing_is_lost() {
        let text = "a supercalifragilisticexpialidocious word";
        let got = lines(text, 8);
        assert!(got.iter().all(|l| display_width(l) <= 8));
        assert_eq!(got.concat().replace(' ', ""), text.replace(' ', ""));
    }

    #[test]
    fn leading_white_space_never_overflows() {
        assert_eq!(lines("   abc", 4), ["abc"]);
        assert_eq!(lines("ab\n   cdef", 4), ["ab", "cdef"]);
        assert_eq!(lines("a\n\nb", 4), ["a", "", "b"]);
    }

    #[test]
    fn french_clitics_stay_whole() {
        for w in 8..20 {
            for l in lines("Il a dit, a-t-il affirmé, que c'est-à-dire rien", w) {
                assert!(!l.ends_with("a-t-") && !l.ends_with("a-"), "width {w}: {l:?}");
            }
        }
    }

    #[test]
    fn hard_newlines_break_and_empty_text_has_one_line() {
        assert_eq!(lines("one\ntwo", 80), ["one", "two"]);
        assert_eq!(wrap("", 10), vec![0..0]);
        assert_eq!(lines("x", 0), ["x"]);
    }
}
