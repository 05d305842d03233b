//! Finding quoted spans from quotation marks, English and French.
//!
//! Top-level spans only: marks nested inside a quote (‘…’ in “…”, “…” in « … ») belong
//! to the outer quote's words. Rules, and why:
//! - “ may be closed by ” or by a plain " (editors mix them);
//! - a plain " opens only when it looks like an opening (after a space or the start, before
//!   a non-space), so inch marks and stray closers never open a quote;
//! - ’ and ' are apostrophes unless they close a single quote opened by ‘ or ' that has a
//!   closer in the same paragraph (`don’t`, `Anonymous' efforts`, `l'EI` never open one);
//! - a quote left open at a paragraph's end continues when the next paragraph opens with a
//!   mark of the same family (the convention for multi-paragraph quotes); otherwise it ends
//!   with its paragraph, so a stray mark never swallows the rest of the article.

use crate::model::Article;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// “…”, "…", ”…”
    Double,
    /// « … »
    Guillemet,
    /// ‘…’, '…'
    Single,
    /// ''…'': two single marks standing for a double one (the New York Times' archive).
    Doubled,
}

fn is_single_mark(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '`')
}

/// One quoted span as found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkedSpan {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just after the closing mark, or the end of the words if never closed.
    pub close: usize,
    /// The quoted words, one range per paragraph, trimmed of spaces (and of a final comma,
    /// which belongs to the attribution around the quote).
    pub pieces: Vec<Range<usize>>,
    pub closed: bool,
    /// Paragraph index where the span starts and where it ends.
    pub paragraph: usize,
    pub last_paragraph: usize,
}

/// White space including the no-break spaces French puts inside guillemets.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}')
}

fn is_opening_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            is_space(c)
                || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | ':' | '“' | '«' | '‘' | '"' | '\'')
        }
    }
}

/// A mark that looks like it opens: at the start or after a space/bracket, and followed by
/// a non-space.
fn opens(prev: Option<char>, next: Option<char>) -> bool {
    is_opening_context(prev) && next.is_some_and(|c| !is_space(c))
}

/// A single mark that can close a single quote: after a non-space and not followed by a
/// letter or digit (which would make it an apostrophe inside a word).
fn closes_single(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|c| !is_space(c)) && !next.is_some_and(char::is_alphanumeric)
}

struct Open {
    family: Family,
    open: usize,
    paragraph: usize,
    pieces: Vec<Range<usize>>,
    /// Start of the words in the current paragraph.
    piece_start: usize,
}

/// Every top-level quoted span of `article`, in document order.
pub fn scan(article: &Article) -> Vec<MarkedSpan> {
    let text = article.text.as_str();
    let mut out = Vec::new();
    let mut carried: Option<Open> = None;
    for (pi, para) in article.paragraphs.iter().enumerate() {
        // Captions and bylines are no one's speech, and no quote runs through them.
        if para.role.is_some() {
            carried = None;
            continue;
        }
        let Some(ptext) = text.get(para.range.clone()) else {
            continue;
        };
        // British multi-paragraph quotes: the next paragraph reopens with a single mark.
        let next_opens_single = article
            .paragraphs
            .get(pi + 1)
            .and_then(|p| text.get(p.range.clone()))
            .is_some_and(|t| {
                let mut cs = t.trim_start().chars();
                matches!(cs.next(), Some('‘' | '\'')) && cs.next().is_some_and(char::is_alphanumeric)
            });
        let base = para.range.start;
        let chars: Vec<(usize, char)> = ptext.char_indices().map(|(i, c)| (i + base, c)).collect();
        // For each index, whether a single-quote closer comes later in the paragraph
        // (computed once from the end, so lookups stay linear on hostile input).
        let mut closer_after = vec![false; chars.len() + 1];
        for j in (0..chars.len()).rev() {
            let here = matches!(chars[j].1, '’' | '\'')
                && j > 0
                && closes_single(Some(chars[j - 1].1), chars.get(j + 1).map(|&(_, c)| c));
            closer_after[j] = here || closer_after[j + 1];
        }
        let mut current: Option<Open> = None;
        let mut from = 0;
        if let Some(mut c) = carried.take() {
            let first = chars.iter().position(|&(_, ch)| !is_space(ch));
            let continues = first.is_some_and(|k| {
                matches!(
                    (c.family, chars[k].1),
                    (Family::Double, '“' | '"') | (Family::Guillemet, '«' | '»') | (Family::Single, '‘' | '\'')
                ) || c.family == Family::Doubled && is_single_mark(chars[k].1) && chars.get(k + 1).is_some_and(|&(_, n)| is_single_mark(n))
            });
            match first {
                Some(k) if continues => {
                    let marks = if c.family == Family::Doubled { 2 } else { 1 };
                    let last = chars[k + marks - 1];
                    c.piece_start = last.0 + last.1.len_utf8();
                    from = k + marks;
                    current = Some(c);
                }
                _ => out.extend(finish(text, c, None)),
            }
        }
        let mut k = from;
        while k < chars.len() {
            let (pos, ch) = chars[k];
            let prev = if k == 0 { None } else { Some(chars[k - 1].1) };
            let next = chars.get(k + 1).map(|&(_, c)| c);
            let after = pos + ch.len_utf8();
            // ''…'': a pair of single marks opens or closes as one double mark.
            let pair = is_single_mark(ch) && next.is_some_and(is_single_mark);
            let after_pair = chars.get(k + 2).map(|&(_, c)| c);
            match &mut current {
                None if pair && ch != '’' && opens(prev, after_pair) && after_pair.is_some_and(|c| !is_single_mark(c)) => {
                    current = Some(Open { family: Family::Doubled, open: pos, paragraph: pi, pieces: Vec::new(), piece_start: chars[k + 1].0 + chars[k + 1].1.len_utf8() });
                    k += 2;
                    continue;
                }
                Some(open) if open.family == Family::Doubled => {
                    if pair && ch != '`' && prev.is_some_and(|c| !is_space(c)) && !after_pair.is_some_and(char::is_alphanumeric) {
                        let close = chars[k + 1].0 + chars[k + 1].1.len_utf8();
                        if let Some(mut o) = current.take() {
                            o.pieces.push(o.piece_start..pos);
                            out.extend(finish(text, o, Some(close)));
                        }
                        k += 2;
                        continue;
                    }
                }
                None => {
                    let family = match ch {
                        '“' => Some(Family::Double),
                        '"' | '”' if opens(prev, next) => Some(Family::Double),
                        '«' => Some(Family::Guillemet),
                        '‘' | '\'' if opens(prev, next) && next.is_some_and(char::is_alphanumeric) => {
                            // Only a real quote if a closer follows in this paragraph, or
                            // if it opens a quote the next paragraph continues.
                            let opens_speech = prev.is_none() || prev == Some(':') || k >= 2 && chars[k - 2].1 == ':';
                            (closer_after[k + 1] || next_opens_single && opens_speech).then_some(Family::Single)
                        }
                        _ => None,
                    };
                    if let Some(family) = family {
                        current = Some(Open { family, open: pos, paragraph: pi, pieces: Vec::new(), piece_start: after });
                    }
                }
                Some(open) => {
                    let closes = match open.family {
                        Family::Double => match ch {
                            '”' => true,
                            // A plain " that looks like an opening is a stray inside a quote.
                            '"' => !opens(prev, next) || next.is_none(),
                            _ => false,
                        },
                        Family::Guillemet => ch == '»',
                        Family::Single => matches!(ch, '’' | '\'') && closes_single(prev, next),
                        Family::Doubled => false,
                    };
                    if closes
                        && let Some(mut o) = current.take() {
                            o.pieces.push(o.piece_start..pos);
                            out.extend(finish(text, o, Some(after)));
                        }
                }
            }
            k += 1;
        }
        if let Some(mut o) = current.take() {
            o.pieces.push(o.piece_start..para.range.end);
            if o.family == Family::Single && !next_opens_single {
                // Unclosed single marks were apostrophes after all, unless this paragraph
                // already continues a quote opened before (a multi-paragraph quote whose
                // last paragraph lost its closing mark): that quote stands.
                if o.pieces.len() > 1 {
                    out.extend(finish(text, o, None));
                }
                continue;
            }
            carried = Some(o);
        }
    }
    if let Some(o) = carried {
        out.extend(finish(text, o, None));
    }
    out
}

/// Trim the pieces and build the span; `None` when nothing is quoted.
fn finish(text: &str, o: Open, close: Option<usize>) -> Option<MarkedSpan> {
    let n = o.pieces.len();
    let mut pieces = Vec::with_capacity(n);
    for (i, r) in o.pieces.into_iter().enumerate() {
        let s = text.get(r.clone())?;
        let lead = s.len() - s.trim_start_matches(is_space).len();
        let mut t = s.trim_matches(is_space);
        if i + 1 == n {
            t = t.trim_end_matches(',').trim_end_matches(is_space);
        }
        if t.is_empty() {
            continue;
        }
        pieces.push(r.start + lead..r.start + lead + t.len());
    }
    let last = pieces.last()?.end;
    let last_paragraph = o.paragraph + n.saturating_sub(1);
    Some(MarkedSpan {
        open: o.open,
        close: close.unwrap_or(last),
        pieces,
        closed: close.is_some(),
        paragraph: o.paragraph,
        last_paragraph,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::from_plain_text;

    fn quoted(text: &str) -> Vec<String> {
        let a = from_plain_text("t", text);
        scan(&a)
            .iter()
            .map(|s| s.pieces.iter().map(|r| &a.text[r.clone()]).collect::<Vec<_>>().join(" | "))
            .collect()
    }

    #[test]
    fn curly_straight_and_mixed_double_marks() {
        assert_eq!(quoted("He said “one thing” and \"another\" then “a third.\""), ["one thing", "another", "a third."]);
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(
            quoted("It is “the leading brand—the ‘virtual caliphate.’” Done."),
            ["the leading brand—the ‘virtual caliphate.’"]
        );
    }

    #[test]
    fn guillemets_with_every_space() {
        let t = "« un » et «\u{00A0}deux\u{00A0}» puis «\u{202F}trois\u{202F}» et «quatre».";
        assert_eq!(quoted(t), ["un", "deux", "trois", "quatre"]);
    }

    #[test]
    fn apostrophes_never_open() {
        assert_eq!(quoted("Anonymous' efforts don’t stop l'EI or d’Europol's men."), Vec::<String>::new());
        assert_eq!(quoted("They call it ‘the web’ and 'the net' too."), ["the web", "the net"]);
    }

    #[test]
    fn two_single_marks_stand_for_a_double_one() {
        assert_eq!(quoted("''It is 'fine' now,'' Ms. Vale said. ''Quite.''"), ["It is 'fine' now", "Quite."]);
        assert_eq!(quoted("''First part.\n\n''Second part,'' he said."), ["First part. | Second part"]);
        assert_eq!(quoted("the 1990s'' idea and the players'' union"), Vec::<String>::new());
    }

    #[test]
    fn quote_runs_into_next_paragraph() {
        let q = quoted("“First part of it.\n\n“Second part,” he said.\n\nAfter.");
        assert_eq!(q, ["First part of it. | Second part"]);
        let q = quoted("« Début du propos.\n\n» Suite du propos », dit-il.");
        assert_eq!(q, ["Début du propos. | Suite du propos"]);
    }

    #[test]
    fn single_quotes_run_into_the_next_paragraph_in_british_style() {
        let q = quoted("She said: 'We saw it coming.\n\n'Nobody listened.'\n\nThe end.");
        assert_eq!(q, ["We saw it coming. | Nobody listened."]);
    }

    #[test]
    fn unclosed_mark_stops_at_its_paragraph() {
        let q = quoted("He called it “a disaster and left.\n\nNothing else is quoted here.\n\n“Real,” she said.");
        assert_eq!(q, ["a disaster and left.", "Real"]);
    }

    #[test]
    fn stray_opening_inside_a_quote_is_ignored() {
        let q = quoted("“It must stay. If anything, “If anything we need more,” he said.");
        assert_eq!(q, ["It must stay. If anything, “If anything we need more"]);
    }

    #[test]
    fn inch_marks_do_not_open() {
        assert_eq!(quoted("A 5\" screen and a 6' pole."), Vec::<String>::new());
    }
}
