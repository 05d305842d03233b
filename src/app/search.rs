//! Case-insensitive search that reports byte ranges of the original text.
//!
//! Lower-casing can change byte lengths (`İ` → `i̇`), so the text is folded character
//! by character while remembering where each folded byte came from.

use std::ops::Range;

/// Every non-overlapping match of `needle` in `text`, ignoring case.
pub fn find_all(text: &str, needle: &str) -> Vec<Range<usize>> {
    let needle: String = needle.chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut folded = String::with_capacity(text.len());
    // For each byte of `folded`: the original character's start and end.
    let mut origin: Vec<(usize, usize)> = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let before = folded.len();
        folded.extend(c.to_lowercase());
        origin.extend(std::iter::repeat_n((i, i + c.len_utf8()), folded.len() - before));
    }
    folded
        .match_indices(needle.as_str())
        .filter_map(|(i, m)| {
            let start = origin.get(i)?.0;
            let end = origin.get(i + m.len() - 1)?.1;
            Some(start..end)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ignoring_case_with_original_offsets() {
        let t = "Europol said. EUROPOL agreed; l’europol";
        let found = find_all(t, "europol");
        assert_eq!(found.len(), 3);
        for r in &found {
            assert_eq!(t[r.clone()].to_lowercase(), "europol");
        }
    }

    #[test]
    fn length_changing_case_folds_keep_ranges_valid() {
        let t = "İstanbul et Éric";
        let r = find_all(t, "éric");
        assert_eq!(&t[r[0].clone()], "Éric");
        for r in find_all(t, "i") {
            assert!(t.get(r).is_some());
        }
        assert!(find_all(t, "").is_empty());
    }
}
