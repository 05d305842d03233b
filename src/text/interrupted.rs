//! Interrupted quotes: `“It was very nice,” Adelson said. “He was very charming.”` and the
//! French incise `« Nous ne voulons pas de ce texte, a-t-il déclaré. Mais il faut agir. »`
//! are one utterance of one speaker, cut by the reporter's attribution. Annotators key them
//! as one quote (PolNeAR's brat gold holds one discontinuous span, the French gold keys the
//! first half), and the reader wants one utterance with one speaker in the quotes pane.
//!
//! After attribution (speakers known), two consecutive quotes of one paragraph become one
//! when they have the same speaker, neither is a term, and all that stands between them is
//! an attribution ([`is_attribution_gap`]): a short cue clause, one sentence at most, with
//! nothing else quoted. Chains join half after half, each gap checked in turn.
//!
//! The joined quote spans the whole utterance (`start` of the first half, `end` of the
//! last) and its `text` is the halves as the reader sees them with the attribution cut out
//! ([`push_joined_text`]): marks closed and reopened are kept around one space (`It was very
//! nice,” “He was very charming.`, what brat's joined span holds inside the outer marks);
//! an attribution inside one pair of marks becomes [`INCISE_SEPARATOR`]. [`quoted_parts`]
//! gives back the quoted words of such a quote in the article text, so a view can colour
//! them and not the attribution.

use super::attribution::{Tok, ends_sentence, find_cues, np_backward, tokenize};
use super::quote_marks::MarkedSpan;
use crate::model::{Quote, QuoteKind};
use std::ops::Range;

/// The most words an attribution between two halves may have: "said Mr. Smith, the
/// chairman of the committee, on Tuesday." A longer gap tells more than who speaks.
const GAP_MAX_WORDS: usize = 20;
/// The most words the speaker phrase before the cue of an attribution gap may have
/// ("Secretary of State John Kerry said").
const SUBJECT_MAX_WORDS: usize = 6;
/// Bytes of text looked at between two halves at most (well over 15 words): a longer gap
/// is not tokenized at all, so the pass stays linear in the article.
const GAP_MAX_BYTES: usize = 200;
/// Stands for an attribution cut out of one pair of marks (the French incise).
pub const INCISE_SEPARATOR: &str = " […] ";

/// Double quotation marks and guillemets: none may stand inside an attribution gap (an
/// apostrophe may, "O'Brien").
fn is_double_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// `quotes` (one per span of `spans`, in order) with every interrupted quote joined.
/// Anything that does not line up one quote per span is returned unchanged.
pub fn join_interrupted(text: &str, spans: &[MarkedSpan], quotes: Vec<Quote>) -> Vec<Quote> {
    if spans.len() != quotes.len() {
        return quotes;
    }
    let mut out: Vec<Quote> = Vec::with_capacity(quotes.len());
    // The span of the last half of `out`'s last quote. Its quote is not kept: the comparison
    // reads only a half's kind and speaker, and `out`'s last quote has the same (a joined
    // quote has its halves' one speaker, and no half of it is a term, so neither is it).
    let mut last_span: Option<&MarkedSpan> = None;
    for (i, (span, q)) in spans.iter().zip(quotes).enumerate() {
        if let (Some(prev_span), Some(prev)) = (last_span, out.last())
            && halves_of_one_utterance(text, prev_span, prev, span, &q)
            && !attributed_after(text, span, spans.get(i + 1).map(|s| s.open))
            && let Some(joined) = out.last_mut()
        {
            merge(text, joined, prev_span, span, &q);
        } else {
            out.push(q);
        }
        last_span = Some(span);
    }
    out
}

/// Whether quote `b` (span `sb`) goes on with quote `a` (span `sa`), the one just before it:
/// one paragraph, one speaker, no term, and only an attribution between them.
fn halves_of_one_utterance(text: &str, sa: &MarkedSpan, a: &Quote, sb: &MarkedSpan, b: &Quote) -> bool {
    let spoken = |q: &Quote| q.kind != QuoteKind::Term;
    let one_paragraph = sa.paragraph == sa.last_paragraph && sa.last_paragraph == sb.paragraph && sa.pieces.len() == 1;
    spoken(a)
        && spoken(b)
        && a.speaker.is_some()
        && a.speaker == b.speaker
        && one_paragraph
        && sa.closed
        && !sb.pieces.is_empty()
        && sa.close <= sb.open
        && first_half_closes(text, sa)
        && is_attribution_gap(text, sa.close..sb.open)
}

/// Whether the quote of span `sb` has an attribution of its own after it, in its own
/// sentence (`“B,” she added.`, `“B?” he asked.`, `« B », a-t-il conclu.`): then it is a
/// new statement, not the rest of the one before (`“A,” Saleh told the BBC. “B,” said
/// Saleh.` is two quotes). Read up to the next quote (`next_open`), the paragraph's end or
/// [`GAP_MAX_BYTES`] on.
fn attributed_after(text: &str, sb: &MarkedSpan, next_open: Option<usize>) -> bool {
    let after = text.get(sb.close..).unwrap_or("");
    let mut end = after.find('\n').unwrap_or(after.len()).min(GAP_MAX_BYTES);
    end = super::floor_char_boundary(after, end);
    let limit = next_open.map_or(sb.close + end, |o| o.min(sb.close + end)).max(sb.close);
    let toks = tokenize(text, sb.close..limit, &[]);
    let cut = (0..toks.len()).find(|&k| ends_sentence(&toks, k)).unwrap_or(toks.len());
    let words_end = sb.pieces.last().map_or(sb.close, |r| r.end);
    // The quote's sentence goes on past its closing mark: a comma at the mark, or a word
    // in lower case right after it.
    let comma_at_mark = text.get(words_end..sb.close).is_some_and(|m| m.contains(',')) || toks.first().is_some_and(|t| t.is_punct(','));
    let goes_on = comma_at_mark || toks.first().is_some_and(Tok::is_lower_word);
    goes_on && opens_on_the_attribution(&toks[..cut])
}

/// Whether the first half (span `sa`) closes on punctuation, as a sentence cut by its
/// attribution does (`nice,”`, `ready?”`, `« …, a-t-il dit`, `« … », dit-il`): a title or a
/// term closes on its last word (`“The Late Show”`), and what follows it is not an
/// attribution of the quote.
fn first_half_closes(text: &str, sa: &MarkedSpan) -> bool {
    let Some(piece) = sa.pieces.last() else { return false };
    let words_end = text.get(piece.clone()).and_then(|w| w.chars().next_back());
    let after = text.get(piece.end..).unwrap_or("");
    // (The marks and spaces after the words, up to the first punctuation or word.)
    let punct_after = after.chars().find(|c| !(is_double_mark(*c) || matches!(c, '’' | '\'') || super::quote_marks::is_space(*c)));
    let stops = |c: Option<char>| c.is_some_and(|c| matches!(c, ',' | '.' | '?' | '!' | '…' | ';' | ':'));
    stops(words_end) || stops(punct_after)
}

/// Whether `text[gap]` is only an attribution: a speech cue with at most
/// [`GAP_MAX_WORDS`] words around it ("Adelson said.", ", a-t-il déclaré.", "said Mr.
/// Smith, the chairman,"), no quotation mark, no sentence ending before its last
/// punctuation (a second sentence is the reporter's own words), and ending on a full stop
/// or a comma (a gap ending on a word, "he said, calling it", leads into reported speech,
/// not back to the quote; one ending on a colon, "He added:", announces a new statement).
pub fn is_attribution_gap(text: &str, gap: Range<usize>) -> bool {
    let Some(between) = text.get(gap.clone()) else { return false };
    if between.len() > GAP_MAX_BYTES || between.contains(is_double_mark) || between.contains('\n') {
        return false;
    }
    let toks = tokenize(text, gap, &[]);
    let words = toks.iter().filter(|t| t.is_word()).count();
    let Some(end) = toks.iter().rposition(Tok::is_word) else { return false };
    let closes = toks[end + 1..].iter().any(|t| t.is_punct('.') || t.is_punct(','));
    let one_sentence = (0..end).all(|k| !ends_sentence(&toks, k));
    (1..=GAP_MAX_WORDS).contains(&words) && closes && one_sentence && opens_on_the_attribution(&toks)
}

/// Whether the words of a gap open on its attribution: on the first cue ("said Mr. Smith,
/// the chairman", "a-t-il déclaré") or on the speaker phrase right before it ("Adelson
/// said", "he added", "harbour master Jonas Berg said": a noun phrase ending at the cue,
/// with at most [`SUBJECT_MAX_WORDS`] words and no punctuation before it). A gap opening on
/// other words ("The reality is, he added,") carries the reporter's words, not only who
/// speaks.
fn opens_on_the_attribution(toks: &[Tok]) -> bool {
    let Some(first) = toks.iter().position(Tok::is_word) else { return false };
    let Some(cue) = find_cues(toks).into_iter().next() else { return false };
    let subject = cue.first > first
        && cue.first - first <= SUBJECT_MAX_WORDS
        && toks[first..cue.first].iter().all(Tok::is_word)
        && np_backward(toks, first, cue.first - 1).is_some();
    cue.first == first || subject
}

/// Quote `b` (span `sb`) appended to `joined`, whose last half has span `sa`.
fn merge(text: &str, joined: &mut Quote, sa: &MarkedSpan, sb: &MarkedSpan, b: &Quote) {
    push_joined_text(text, &mut joined.text, sa, sb, &b.text);
    joined.end = b.end;
    // The attribution is the half's that has a cue of its own (the first, when both do).
    if joined.cue.is_none() && b.cue.is_some() {
        joined.cue.clone_from(&b.cue);
        joined.speaker_as_written.clone_from(&b.speaker_as_written);
    }
    if joined.speaker_as_written.is_none() {
        joined.speaker_as_written.clone_from(&b.speaker_as_written);
    }
    if b.kind == QuoteKind::Direct {
        joined.kind = QuoteKind::Direct;
    }
}

/// `second` (span `sb`) appended to `first` (which ends with the half of span `sa`), as
/// one quote's text: when the first half's marks close before the attribution, its closing
/// punctuation and mark, one space and the second half's opening mark stand between them
/// (`nice,” “He`); when the attribution stands inside the marks, [`INCISE_SEPARATOR`].
/// (Appended in place, so a long chain of halves is joined in linear time.)
fn push_joined_text(text: &str, first: &mut String, sa: &MarkedSpan, sb: &MarkedSpan, second: &str) {
    let first_end = sa.pieces.last().map_or(sa.close, |r| r.end);
    let second_start = sb.pieces.first().map_or(sb.open, |r| r.start);
    let closing = text.get(first_end..sa.close).unwrap_or("").trim_end();
    let opening = text.get(sb.open..second_start).unwrap_or("").trim_start();
    if closing.contains(|c: char| is_double_mark(c) || matches!(c, '’' | '\'')) && !opening.is_empty() {
        first.push_str(closing);
        first.push(' ');
        first.push_str(opening);
    } else {
        first.push_str(INCISE_SEPARATOR);
    }
    first.push_str(second);
}

/// The quoted words of quote `q` in `text`, the article text: `q.start..q.end` itself,
/// except for an interrupted quote joined on one line, whose attributions are left out:
/// the words its text shares with the article at its start and at its end, and between
/// them each half of a chain of three or more, found in order in the article.
pub fn quoted_parts(text: &str, q: &Quote) -> Vec<Range<usize>> {
    let whole: Vec<Range<usize>> = std::iter::once(q.start..q.end).collect();
    let Some(body) = text.get(q.start..q.end) else { return whole };
    if body == q.text || body.contains('\n') {
        return whole;
    }
    let head = common_prefix(body, &q.text);
    let tail = common_suffix(body, &q.text);
    if head == 0 || tail == 0 || head + tail >= body.len() {
        return whole;
    }
    let mut parts: Vec<Range<usize>> = std::iter::once(q.start..q.start + head).collect();
    // (The middle halves: the joined text between the shared start and end, cut where the
    // halves were joined, each found after the part before it and before the shared end.
    // Two halves leave no middle: their shared start and end meet or overlap.)
    let mut from = head;
    let until = body.len() - tail;
    let middle = q.text.get(head..q.text.len().saturating_sub(tail)).unwrap_or("");
    for half in middle_halves(middle) {
        let Some(at) = body.get(from..until).and_then(|b| b.find(half)) else { continue };
        parts.push(q.start + from + at..q.start + from + at + half.len());
        from += at + half.len();
    }
    parts.push(q.end - tail..q.end);
    parts
}

/// The halves in `joined`, the middle of a joined quote's text: the pieces between the
/// joins `push_joined_text` wrote ([`INCISE_SEPARATOR`], or a closing mark, one space and
/// an opening mark), trimmed, the closing and opening marks kept with their half. The
/// middle may open or end on part of a join (the shared start or end took the rest): a
/// piece with no letter or digit is no half.
fn middle_halves(joined: &str) -> Vec<&str> {
    let opening = |c: char| matches!(c, '“' | '«' | '„' | '"' | '‘' | '\'');
    let mut out = Vec::new();
    for piece in joined.split(INCISE_SEPARATOR.trim()) {
        let mut start = 0;
        for (i, c) in piece.char_indices() {
            // (A join of marks: a double mark or an apostrophe, a space, an opening mark.)
            let after = &piece[i + c.len_utf8()..];
            if (is_double_mark(c) || matches!(c, '’' | '\'')) && after.starts_with(' ') && after[1..].starts_with(opening) && i + c.len_utf8() > start {
                out.push(&piece[start..i + c.len_utf8()]);
                start = i + c.len_utf8() + 1;
            }
        }
        out.push(&piece[start..]);
    }
    out.into_iter().map(str::trim).filter(|h| h.chars().any(char::is_alphanumeric)).collect()
}

/// Bytes `a` and `b` share at their start, at a char boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices().zip(b.chars()).find(|((_, x), y)| x != y).map_or(a.len().min(b.len()), |((i, _), _)| i)
}

/// Bytes `a` and `b` share at their end, at a char boundary.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::from_plain_text;
    use crate::text::quotes::extract;

    fn texts(qs: &[Quote]) -> Vec<&str> {
        qs.iter().map(|q| q.text.as_str()).collect()
    }

    fn quotes(text: &str) -> (String, Vec<Quote>) {
        let a = from_plain_text("t", text);
        let q = extract(&a);
        (a.text, q)
    }

    #[test]
    fn an_english_quote_cut_by_its_attribution_is_one_quote() {
        let (text, qs) = quotes("“It was a fine day,” harbour master Jonas Berg said. “We sailed to the island and back.”");
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert_eq!(qs[0].text, "It was a fine day,” “We sailed to the island and back.");
        assert_eq!(qs[0].speaker.as_ref().map(|s| s.name.as_str()), Some("Jonas Berg"));
        assert_eq!(qs[0].cue.as_deref(), Some("said"));
        assert_eq!(&text[qs[0].start..qs[0].start + 3], "It ");
        assert!(text[..qs[0].end].ends_with("back."));
        let parts: Vec<&str> = quoted_parts(&text, &qs[0]).into_iter().map(|r| &text[r]).collect();
        assert_eq!(parts, ["It was a fine day,” ", " “We sailed to the island and back."]);
    }

    #[test]
    fn straight_marks_and_an_inverted_cue_with_a_role_join_too() {
        let (_, qs) = quotes("\"We will win,\" said Mr. Tom Hale, the chairman. \"Nobody doubts it.\"");
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert_eq!(qs[0].text, "We will win,\" \"Nobody doubts it.");
    }

    #[test]
    fn a_french_incise_inside_the_guillemets_is_one_quote() {
        let (text, qs) = quotes("Le député Paul Rivet répond. « Nous ne voulons pas de cette loi, a-t-il déclaré. Mais il faut agir. »");
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert_eq!(qs[0].text, "Nous ne voulons pas de cette loi […] Mais il faut agir.");
        assert_eq!(qs[0].cue.as_deref(), Some("a-t-il déclaré"));
        let parts: Vec<&str> = quoted_parts(&text, &qs[0]).into_iter().map(|r| &text[r]).collect();
        assert_eq!(parts, ["Nous ne voulons pas de cette loi", " Mais il faut agir."]);
    }

    #[test]
    fn a_chain_of_three_halves_joins_when_every_gap_is_an_attribution() {
        let (_, qs) = quotes("“We are ready,” Jonas Berg said. “The boats are out. Come along,” he added. “Bring a coat.”");
        assert_eq!(texts(&qs), ["We are ready", "The boats are out. Come along,” “Bring a coat."]);
    }

    #[test]
    fn every_half_of_a_chain_of_three_is_a_quoted_part() {
        let (text, qs) = quotes("“We are ready,” Jonas Berg said. “The boats are out.” Berg added. “Bring a coat.”");
        assert_eq!(qs.len(), 1, "{qs:#?}");
        let parts: Vec<&str> = quoted_parts(&text, &qs[0]).into_iter().map(|r| &text[r]).collect();
        assert_eq!(parts, ["We are ready,” ", "“The boats are out.”", " “Bring a coat."]);
    }

    #[test]
    fn the_middle_halves_of_a_joined_text_are_cut_at_its_joins() {
        assert_eq!(middle_halves("“The boats are out.” “Come along,”"), ["“The boats are out.”", "“Come along,”"]);
        assert_eq!(middle_halves(" […] Mais il faut agir […]"), ["Mais il faut agir"]);
        assert_eq!(middle_halves(" […]"), Vec::<&str>::new());
    }

    #[test]
    fn a_second_quote_with_its_own_attribution_is_a_new_statement() {
        let (_, qs) = quotes("“We are waiting,” Jonas Berg told the radio. “We are tired,” said Berg.");
        assert_eq!(texts(&qs), ["We are waiting", "We are tired"]);
        let (_, qs) = quotes("« Nous sommes prêts », a dit Paul Roux. « Nous attendons », a-t-il ajouté.");
        assert_eq!(qs.len(), 2, "{qs:#?}");
    }

    #[test]
    fn a_gap_with_a_sentence_of_the_reporters_does_not_join() {
        let (_, qs) = quotes("“We are ready,” Jonas Berg said. The harbour was quiet that morning. “The boats are out.”");
        assert_eq!(qs.len(), 2, "{qs:#?}");
        let (_, qs) = quotes("“We are ready,” Jonas Berg said, calling the plan “a good start for the town.”");
        assert_eq!(qs.len(), 2, "{qs:#?}");
    }

    #[test]
    fn different_speakers_do_not_join() {
        let (_, qs) = quotes("“Are you ready to go?” Jonas Berg asked. “Not yet, give me an hour,” Anna Lind replied.");
        assert_eq!(qs.len(), 2, "{qs:#?}");
    }

    #[test]
    fn a_quote_across_paragraphs_keeps_its_pieces_joined_by_a_space() {
        let (_, qs) = quotes("Jonas Berg said: “We are ready for the season.\n\n“The boats are out and the nets are mended.”");
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert_eq!(qs[0].text, "We are ready for the season. The boats are out and the nets are mended.");
    }

    #[test]
    fn the_gap_rule_reads_only_an_attribution() {
        let t = "x, he said. y";
        assert!(is_attribution_gap(t, 2..12));
        assert!(!is_attribution_gap("x, the sea was calm. y", 2..20), "no cue");
        assert!(!is_attribution_gap("x he said y", 1..10), "ends on a word");
        assert!(!is_attribution_gap("x. He added: y", 2..13), "announces a new statement");
        assert!(!is_attribution_gap("x. The truth is, he added, y", 2..27), "opens on the reporter's words");
        assert!(is_attribution_gap("x, said Mr. Tom Hale, the chairman. y", 2..36));
    }
}
