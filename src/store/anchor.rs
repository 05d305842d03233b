//! Anchoring: how a highlight finds its text again after the article file changes.
//!
//! A highlight keeps the exact text, its byte offsets, a hash of the whole article text
//! and ~60 characters of context on each side. When the hash still matches, the offsets
//! are trusted; otherwise the text is searched for and, when it occurs several times, the
//! occurrence whose surroundings best match the saved context wins.

use std::ops::Range;

/// Characters of context saved on each side of a highlight.
pub const CONTEXT_CHARS: usize = 60;

/// The largest char boundary ≤ `i` (clamped to the text).
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary ≥ `i` (clamped to the text).
pub fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// `range` clamped to the text and widened to char boundaries, never reversed.
pub fn clamp_range(text: &str, range: Range<usize>) -> Range<usize> {
    let start = floor_boundary(text, range.start);
    let end = ceil_boundary(text, range.end.max(start));
    start..end
}

/// Up to `CONTEXT_CHARS` characters before and after `range` (which must be clamped).
pub fn context(text: &str, range: &Range<usize>) -> (String, String) {
    let before: String = {
        let head = &text[..range.start];
        let skip = head.chars().count().saturating_sub(CONTEXT_CHARS);
        head.chars().skip(skip).collect()
    };
    let after: String = text[range.end..].chars().take(CONTEXT_CHARS).collect();
    (before, after)
}

/// Where `needle` now stands in `text`, or `None` when it no longer occurs.
///
/// Among several occurrences, the one whose surroundings share the longest run of
/// characters with the saved context wins (suffix of `before`, prefix of `after`); ties go
/// to the occurrence nearest the old offset.
pub fn relocate(
    text: &str,
    needle: &str,
    before: &str,
    after: &str,
    old_start: usize,
) -> Option<Range<usize>> {
    if needle.is_empty() {
        return None;
    }
    let mut best: Option<(usize, usize, usize)> = None; // (score, distance, start)
    for (start, _) in text.match_indices(needle) {
        let end = start + needle.len();
        let score = common_suffix_chars(&text[..start], before) + common_prefix_chars(&text[end..], after);
        let distance = start.abs_diff(old_start);
        let better = match best {
            None => true,
            Some((s, d, _)) => score > s || (score == s && distance < d),
        };
        if better {
            best = Some((score, distance, start));
        }
    }
    best.map(|(_, _, start)| start..start + needle.len())
}

/// The first occurrence of `needle` where each run of whitespace in it may match any
/// non-empty run of whitespace in `text` (and vice versa for single spaces).
pub fn find_loose(text: &str, needle: &str) -> Option<Range<usize>> {
    let words: Vec<&str> = needle.split_whitespace().collect();
    let first = *words.first()?;
    'candidates: for (start, _) in text.match_indices(first) {
        let mut pos = start + first.len();
        for w in &words[1..] {
            let rest = &text[pos..];
            let ws = rest.len() - rest.trim_start().len();
            if ws == 0 || !rest[ws..].starts_with(w) {
                continue 'candidates;
            }
            pos += ws + w.len();
        }
        return Some(start..pos);
    }
    None
}

fn common_prefix_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn common_suffix_chars(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_respects_char_boundaries() {
        let text = format!("{}XYZ{}", "é".repeat(100), "ß".repeat(100));
        let start = text.find("XYZ").unwrap();
        let (b, a) = context(&text, &(start..start + 3));
        assert_eq!(b, "é".repeat(CONTEXT_CHARS));
        assert_eq!(a, "ß".repeat(CONTEXT_CHARS));
        let (b, a) = context("short", &(0..5));
        assert_eq!((b.as_str(), a.as_str()), ("", ""));
    }

    #[test]
    fn clamp_never_splits_a_char() {
        let t = "aé€b";
        assert_eq!(clamp_range(t, 2..4), 1..6);
        assert_eq!(clamp_range(t, 50..60), t.len()..t.len());
        #[allow(clippy::reversed_empty_ranges)]
        let reversed = 5..1;
        assert_eq!(clamp_range(t, reversed), 3..3);
    }

    #[test]
    fn find_loose_matches_any_whitespace() {
        let t = "One two  three.\n\nFour five.";
        assert_eq!(find_loose(t, "two three"), Some(4..14));
        assert_eq!(find_loose(t, "three. Four"), Some(9..21));
        assert_eq!(find_loose(t, "two four"), None);
        assert_eq!(find_loose(t, " \n "), None);
        assert_eq!(find_loose("é é", "é  é"), Some(0..5));
    }

    #[test]
    fn relocate_prefers_matching_context_then_nearest() {
        let text = "He said no. Then she said no. They said yes.";
        // Saved context points at the second "said no".
        let r = relocate(text, "said no", "Then she ", ". They", 0).unwrap();
        assert_eq!(&text[..r.start], "He said no. Then she ");
        // No context: nearest to the old offset.
        let r = relocate(text, "said", "", "", 40).unwrap();
        assert_eq!(r.start, text.rfind("said").unwrap());
        assert_eq!(relocate(text, "gone", "", "", 0), None);
        assert_eq!(relocate(text, "", "", "", 0), None);
    }
}
