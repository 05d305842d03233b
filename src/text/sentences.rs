//! Sentence splitting for English and French news text.
//!
//! Starts from the Unicode sentence boundaries (UAX #29, which already keeps closing
//! quotation marks — ” » ' — with the sentence they end) and then undoes the boundaries
//! UAX #29 gets wrong in news prose: after abbreviations ("Dr.", "U.S.", "M.", "Mme"),
//! after initials ("J. Shea"), before a continuation that starts in lower case
//! ("« Non », a-t-il dit"), and around fragments that are only punctuation.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        include_str!("../../assets/abbreviations.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Split `text` into sentences. Ranges are byte ranges into `text`, offset by `base`
/// (so a paragraph can be split and its ranges point into the whole article), trimmed of
/// surrounding white space. Empty input gives no sentences.
pub fn split(text: &str, base: usize) -> Vec<Range<usize>> {
    let mut pieces: Vec<Range<usize>> = Vec::new();
    for (start, seg) in text.split_sentence_bound_indices() {
        let Some(r) = trimmed(text, start..start + seg.len()) else {
            continue;
        };
        match pieces.last_mut() {
            Some(prev) if should_join(&text[prev.clone()], &text[r.clone()]) => prev.end = r.end,
            _ => pieces.push(r),
        }
    }
    pieces.into_iter().map(|r| r.start + base..r.end + base).collect()
}

fn trimmed(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if t.is_empty() {
        None
    } else {
        Some(r.start + lead..r.start + lead + t.len())
    }
}

/// Whether the boundary between `prev` and `next` is a false one.
fn should_join(prev: &str, next: &str) -> bool {
    // A fragment with no letter or digit (a stray closing mark, "…") belongs to the
    // sentence before it.
    if !next.chars().any(char::is_alphanumeric) {
        return true;
    }
    // The next piece continues in lower case: "… domain. » a-t-il dit", "… U.S. officials".
    let first = next
        .chars()
        .find(|c| c.is_alphanumeric())
        .unwrap_or(' ');
    if first.is_lowercase() {
        return true;
    }
    let prev = prev.trim_end();
    // Only a full stop can follow an abbreviation; "?" and "!" always end a sentence.
    let Some(before_stop) = prev.strip_suffix('.') else {
        return false;
    };
    let word = before_stop
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '«' | '‘' | '['))
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // An initial: a single capital letter ("J. Shea", "M. Poupard").
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    abbreviations().contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        split(s, 0).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            texts("It rained. Then it stopped! Did it? Yes."),
            ["It rained.", "Then it stopped!", "Did it?", "Yes."]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            texts("Dr. Jamie Shea spoke. The U.S. Army and J. R. Smith agreed. Mr. Poupard left."),
            ["Dr. Jamie Shea spoke.", "The U.S. Army and J. R. Smith agreed.", "Mr. Poupard left."]
        );
    }

    #[test]
    fn french_quotes_and_inverted_attribution_stay_together() {
        let s = "« Cela montre que certains membres continuent. », a expliqué M. Wainwright. Il est parti.";
        assert_eq!(
            texts(s),
            [
                "« Cela montre que certains membres continuent. », a expliqué M. Wainwright.",
                "Il est parti."
            ]
        );
    }

    #[test]
    fn english_quote_close_stays_with_sentence() {
        let s = "“It does show that.” Daesh is the acronym.";
        assert_eq!(texts(s), ["“It does show that.”", "Daesh is the acronym."]);
    }

    #[test]
    fn base_offsets_are_applied() {
        let r = split("A b. C d.", 10);
        assert_eq!(r, vec![10..14, 15..19]);
    }

    #[test]
    fn numbers_with_separators_do_not_split() {
        assert_eq!(texts("More than 2.000 items. Next."), ["More than 2.000 items.", "Next."]);
    }
}
