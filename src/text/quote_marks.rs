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
//!   with its paragraph, so a stray mark never swallows the rest of the article;
//! - markup left in plain text (`<tweet author="@x">`, `</a>`) holds no marks: the quotes
//!   of its attributes are no one's words;
//! - an embedded post (`<tweet …>words</tweet>`, or a paragraph signed the way social
//!   networks sign an embed, "words — Paul Ryan (@SpeakerRyan) July 5, 2016") is quoted
//!   as a whole, with the name of its signature kept as who wrote it.

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
    /// Who wrote an embedded post: the name in its signature ("Paul Ryan" of "— Paul Ryan
    /// (@SpeakerRyan) July 5, 2016"), else the account in its markup (`author="@SpeakerRyan"`).
    pub signed: Option<Range<usize>>,
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

/// A “ typed where ” was meant: right after a word or its final punctuation and followed by
/// a space, a closing punctuation or the paragraph's end ("“It's unusual,“ said Larry", "the
/// “best in the world“ and"). Such a mark cannot open a quote (an opening mark is followed by
/// words), so it closes the one open; a “ after a space stays a stray opening inside it.
fn opening_mark_closes(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|c| !is_opening_context(Some(c)))
        && next.is_none_or(|c| is_space(c) || matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | '—' | '–'))
}

/// ''…'' closed by a pair typed after a space: "coalitions, '' said Mr. Vale", "the term
/// 'poor,' '' she said". Inside an open ''…'' quote a pair cannot open a nested one (nested
/// quotes take single marks), so a pair after punctuation and a space, followed by a space
/// or the paragraph's end, is the closing mark the archive's typesetting spaced off.
fn spaced_doubled_close(before_space: Option<char>, space: Option<char>, after_pair: Option<char>) -> bool {
    space.is_some_and(is_space)
        && before_space.is_some_and(|c| matches!(c, ',' | '.' | '?' | '!' | ';' | '\'' | '’'))
        && after_pair.is_none_or(is_space)
}

/// A “ after a space inside a quote opened by “ opens a nested quote ("…claim that a deal
/// “has to do with Israel” is false,” he said) when at least two ” still follow in the
/// paragraph: one for it and one for the outer quote. With fewer, it is a stray opening and
/// the next ” closes the outer quote. `closers_after` counts the ” after the mark; `nested`
/// is how many nested quotes are open already.
fn nested_curly_opens(prev: Option<char>, next: Option<char>, closers_after: u32, nested: u32) -> bool {
    opens(prev, next) && closers_after >= nested + 2
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
    let mut scanner = Scanner::new(article);
    for (pi, para) in article.paragraphs.iter().enumerate() {
        scanner.paragraph(pi, para);
    }
    scanner.finish()
}

/// The state of [`scan`] from one paragraph to the next: the spans found, the quote a
/// paragraph left open for the next one to continue, and the markup that holds no marks.
struct Scanner<'a> {
    article: &'a Article,
    text: &'a str,
    /// Markup ranges (sorted), and the embedded posts among them.
    masked: Vec<Range<usize>>,
    posts: Vec<Post>,
    out: Vec<MarkedSpan>,
    /// A quote left open at the end of the paragraph before.
    carried: Option<Open>,
    /// Turns of a dialogue written with dashes and no quotation marks, kept only if they
    /// read as a dialogue (`dialogues_only`).
    bare_turns: Vec<MarkedSpan>,
}

/// One paragraph's characters, with what the marks in it look ahead for.
struct Para {
    pi: usize,
    range: Range<usize>,
    /// Each character with its offset in the paragraph (at most 8 MiB: the file size
    /// limit), 8 bytes each rather than 16 (an 8 MiB paragraph: 66 MB rather than 133).
    chars: Vec<(u32, char)>,
    /// For each index, whether a single-quote closer comes later in the paragraph
    /// (computed once from the end, so lookups stay linear on hostile input).
    closer_after: Vec<bool>,
    /// How many ” follow each index (for `nested_curly_opens`).
    curly_after: Vec<u32>,
    /// British multi-paragraph quotes: the next paragraph reopens with a single mark.
    next_opens_single: bool,
}

/// The character at index `k` of a paragraph, with the ones around it that decide whether
/// a mark opens or closes.
struct Mark {
    k: usize,
    pos: usize,
    ch: char,
    prev: Option<char>,
    next: Option<char>,
    /// The character after `next`: what follows a pair of single marks.
    after_pair: Option<char>,
    /// The character two before: what precedes a space before a pair.
    before_prev: Option<char>,
}

impl Mark {
    /// ''…'': a pair of single marks opens or closes as one double mark.
    fn pair(&self) -> bool {
        is_single_mark(self.ch) && self.next.is_some_and(is_single_mark)
    }

    /// Byte offset just after the mark.
    fn after(&self) -> usize {
        self.pos + self.ch.len_utf8()
    }
}

impl Para {
    fn new(article: &Article, pi: usize, range: Range<usize>, ptext: &str) -> Self {
        let chars: Vec<(u32, char)> = ptext.char_indices().map(|(i, c)| (i as u32, c)).collect();
        let next_opens_single = article.paragraphs.get(pi + 1).and_then(|p| article.text.get(p.range.clone())).is_some_and(opens_on_single_mark);
        let (closer_after, curly_after) = (closers_after(&chars), curly_closers_after(&chars));
        Para { pi, range, chars, closer_after, curly_after, next_opens_single }
    }

    /// Byte offset in the article of the character at `k`.
    fn at(&self, k: usize) -> usize {
        self.range.start + self.chars[k].0 as usize
    }

    /// Byte offset of the character at `k`, or the paragraph's end when `k` is past it.
    fn at_or_end(&self, k: usize) -> usize {
        if k < self.chars.len() { self.at(k) } else { self.range.end }
    }

    /// Byte offset just after the character at `k`.
    fn after(&self, k: usize) -> usize {
        self.at(k) + self.chars[k].1.len_utf8()
    }

    fn mark(&self, k: usize) -> Mark {
        let char_at = |j: usize| self.chars.get(j).map(|&(_, c)| c);
        Mark {
            k,
            pos: self.at(k),
            ch: self.chars[k].1,
            prev: k.checked_sub(1).and_then(char_at),
            next: char_at(k + 1),
            after_pair: char_at(k + 2),
            before_prev: k.checked_sub(2).and_then(char_at),
        }
    }
}

/// Whether a paragraph's text opens on a single mark followed by a letter or digit: it
/// continues a quote in single marks (British style) left open the paragraph before.
fn opens_on_single_mark(text: &str) -> bool {
    let mut cs = text.trim_start().chars();
    matches!(cs.next(), Some('‘' | '\'')) && cs.next().is_some_and(char::is_alphanumeric)
}

/// For each index of `chars` (and one past the end), whether a mark that can close a
/// single quote stands there or later.
fn closers_after(chars: &[(u32, char)]) -> Vec<bool> {
    let mut closer_after = vec![false; chars.len() + 1];
    for j in (0..chars.len()).rev() {
        let here = matches!(chars[j].1, '’' | '\'') && j > 0 && closes_single(Some(chars[j - 1].1), chars.get(j + 1).map(|&(_, c)| c));
        closer_after[j] = here || closer_after[j + 1];
    }
    closer_after
}

/// For each index of `chars` (and one past the end), how many ” stand there or later.
fn curly_closers_after(chars: &[(u32, char)]) -> Vec<u32> {
    let mut curly_after = vec![0u32; chars.len() + 1];
    for j in (0..chars.len()).rev() {
        curly_after[j] = curly_after[j + 1] + u32::from(chars[j].1 == '”');
    }
    curly_after
}

/// Whether a paragraph opening on `first` (then `second`) continues a quote of `family`
/// left open at the end of the paragraph before: it reopens with a mark of that family.
fn reopens(family: Family, first: char, second: Option<char>) -> bool {
    matches!((family, first), (Family::Double, '“' | '"') | (Family::Guillemet, '«' | '»') | (Family::Single, '‘' | '\''))
        || family == Family::Doubled && is_single_mark(first) && second.is_some_and(is_single_mark)
}

/// The family of the quote a mark opens when no quote is open, if it opens one. A single
/// mark opens only if a closer follows in its paragraph, or if it opens speech (at the
/// start or after a colon) that the next paragraph continues.
fn opening_family(p: &Para, m: &Mark) -> Option<Family> {
    match m.ch {
        '“' => Some(Family::Double),
        '"' | '”' if opens(m.prev, m.next) => Some(Family::Double),
        '«' => Some(Family::Guillemet),
        '‘' | '\'' if opens(m.prev, m.next) && m.next.is_some_and(char::is_alphanumeric) => {
            let opens_speech = m.prev.is_none() || m.prev == Some(':') || m.before_prev == Some(':');
            (p.closer_after[m.k + 1] || p.next_opens_single && opens_speech).then_some(Family::Single)
        }
        _ => None,
    }
}

/// Whether a pair of single marks closes an open ''…'' quote: tight after its words, or
/// spaced off after punctuation ([`spaced_doubled_close`]). (A backtick pair never closes.)
fn closes_doubled(m: &Mark) -> bool {
    let tight = m.prev.is_some_and(|c| !is_space(c)) && !m.after_pair.is_some_and(char::is_alphanumeric);
    m.pair() && m.ch != '`' && (tight || spaced_doubled_close(m.before_prev, m.prev, m.after_pair))
}

/// Whether the mark closes the quote `open` (not ''…'', see [`closes_doubled`]). Inside a
/// quote opened by “, a “ may open a nested quote whose ” must not close the outer one:
/// `nested` counts those open, `curly_after` the ” left in the paragraph.
fn closes_open(text: &str, open: &Open, m: &Mark, curly_after: &[u32], nested: &mut u32) -> bool {
    match open.family {
        Family::Double => match m.ch {
            '”' if *nested > 0 => {
                *nested -= 1;
                false
            }
            '”' => true,
            '“' if opening_mark_closes(m.prev, m.next) => true,
            '“' => {
                let outer_curly = text.get(open.open..).is_some_and(|t| t.starts_with('“'));
                if outer_curly && nested_curly_opens(m.prev, m.next, curly_after[m.k + 1], *nested) {
                    *nested += 1;
                }
                false
            }
            // A plain " that looks like an opening is a stray inside a quote.
            '"' => !opens(m.prev, m.next) || m.next.is_none(),
            _ => false,
        },
        Family::Guillemet => m.ch == '»',
        Family::Single => matches!(m.ch, '’' | '\'') && closes_single(m.prev, m.next),
        Family::Doubled => false,
    }
}

impl<'a> Scanner<'a> {
    fn new(article: &'a Article) -> Self {
        let text = article.text.as_str();
        let (masked, posts) = markup(text);
        Scanner { article, text, masked, posts, out: Vec::new(), carried: None, bare_turns: Vec::new() }
    }

    /// The first markup range that does not end at or before `pos`.
    fn markup_from(&self, pos: usize) -> Option<&Range<usize>> {
        self.masked.get(self.masked.partition_point(|r| r.end <= pos))
    }

    fn is_masked(&self, pos: usize) -> bool {
        self.markup_from(pos).is_some_and(|r| r.start <= pos)
    }

    /// Close `o` (its last piece ending at `end`) and keep its span; `close` is the byte
    /// after its closing mark, `None` when it ends unclosed.
    fn close(&mut self, mut o: Open, end: usize, close: Option<usize>) {
        o.pieces.push(o.piece_start..end);
        self.out.extend(finish(self.text, o, close));
    }

    /// Scan paragraph `pi`: a caption or byline breaks any quote; a paragraph signed like
    /// an embed is a post; else its marks are walked, from the quote or dialogue turn it
    /// opens on.
    fn paragraph(&mut self, pi: usize, para: &crate::model::Paragraph) {
        // Captions and bylines are no one's speech, and no quote runs through them.
        if para.role.is_some() {
            self.carried = None;
            return;
        }
        let Some(ptext) = self.text.get(para.range.clone()) else { return };
        let has_markup = self.markup_from(para.range.start).is_some_and(|r| r.start < para.range.end);
        if self.carried.is_none()
            && !has_markup
            && let Some(post) = signed_paragraph(self.text, para.range.clone(), pi)
        {
            self.out.push(post);
            return;
        }
        let p = Para::new(self.article, pi, para.range.clone(), ptext);
        let french = self.article.meta.language.as_deref() == Some("fr") || para.language.as_deref() == Some("fr");
        let Some((current, from)) = self.paragraph_opening(&p, french) else { return };
        let current = self.walk_marks(&p, current, from);
        self.carry_or_close(&p, current);
    }

    /// The quote open where the paragraph's marks start to be walked, and the index to walk
    /// from; `None` when the paragraph is a turn of a dialogue without marks (kept aside).
    /// French dialogue: a paragraph opening on a dash is a new turn, whether it goes on a
    /// dialogue opened by « in the paragraph before or stands alone without marks.
    fn paragraph_opening(&mut self, p: &Para, french: bool) -> Option<(Option<Open>, usize)> {
        let turn_dash = if french { dialogue_dash(&p.chars) } else { None };
        if let Some(k) = turn_dash
            && let Some(c) = self.carried.take_if(|c| c.family == Family::Guillemet)
        {
            let words_end = c.pieces.last().map_or(c.piece_start, |r| r.end);
            self.out.extend(finish(self.text, c, Some(words_end)));
            let words = p.at_or_end(k);
            return Some((Some(Open { family: Family::Guillemet, open: words, paragraph: p.pi, pieces: Vec::new(), piece_start: words }), k));
        }
        if let Some(k) = turn_dash
            && self.carried.is_none()
            && !p.chars.iter().any(|&(_, ch)| matches!(ch, '«' | '»' | '“' | '”' | '"'))
        {
            let words = p.at_or_end(k)..p.range.end;
            // (Turns may also follow one another inside the paragraph.)
            let mut split: Vec<Range<usize>> = super::rules_fr::dialogue_turns(self.text, words.clone()).into_iter().map(|(r, _)| r).collect();
            if split.is_empty() {
                split.push(words);
            }
            self.bare_turns.extend(split.into_iter().map(|r| dash_turn(self.text, r, p.pi)));
            return None;
        }
        match self.carried.take() {
            Some(c) => Some(self.continue_carried(p, c).map_or((None, 0), |(c, from)| (Some(c), from))),
            None => Some((None, 0)),
        }
    }

    /// The quote left open by the paragraph before goes on when this paragraph reopens with
    /// a mark of its family (not in markup): it is returned with the index after that mark.
    /// Otherwise it ends with the paragraph before.
    fn continue_carried(&mut self, p: &Para, mut c: Open) -> Option<(Open, usize)> {
        let first = p.chars.iter().position(|&(_, ch)| !is_space(ch));
        let continues = first.is_some_and(|k| !self.is_masked(p.at(k)) && reopens(c.family, p.chars[k].1, p.chars.get(k + 1).map(|&(_, n)| n)));
        match first {
            Some(k) if continues => {
                let marks = if c.family == Family::Doubled { 2 } else { 1 };
                c.piece_start = p.after(k + marks - 1);
                Some((c, k + marks))
            }
            _ => {
                self.out.extend(finish(self.text, c, None));
                None
            }
        }
    }

    /// Walk the paragraph's characters from `from`, opening and closing quotes, over the
    /// markup; returns the quote still open at the paragraph's end.
    fn walk_marks(&mut self, p: &Para, mut current: Option<Open>, from: usize) -> Option<Open> {
        let mut mi = self.masked.partition_point(|r| r.end <= p.range.start);
        let mut nested: u32 = 0;
        let mut k = from;
        while k < p.chars.len() {
            let pos = p.at(k);
            while self.masked.get(mi).is_some_and(|r| r.end <= pos) {
                mi += 1;
            }
            if let Some(r) = self.masked.get(mi).filter(|r| r.start <= pos).cloned() {
                // Markup holds no marks; a quote still open where an embedded post begins
                // ends there.
                if self.posts.iter().any(|p| p.open == r.start)
                    && let Some(o) = current.take()
                {
                    self.close(o, pos, None);
                }
                while k < p.chars.len() && p.at(k) < r.end {
                    k += 1;
                }
                continue;
            }
            k += self.step(p, &p.mark(k), &mut current, &mut nested);
        }
        current
    }

    /// What the mark `m` does to the quote open (`current`): opens one, closes it, or
    /// nothing. Returns how many characters it took (a pair of single marks takes two).
    fn step(&mut self, p: &Para, m: &Mark, current: &mut Option<Open>, nested: &mut u32) -> usize {
        match current {
            None if m.pair() && m.ch != '’' && opens(m.prev, m.after_pair) && m.after_pair.is_some_and(|c| !is_single_mark(c)) => {
                *current = Some(Open { family: Family::Doubled, open: m.pos, paragraph: p.pi, pieces: Vec::new(), piece_start: p.after(m.k + 1) });
                return 2;
            }
            Some(open) if open.family == Family::Doubled => {
                if closes_doubled(m)
                    && let Some(o) = current.take()
                {
                    self.close(o, m.pos, Some(p.after(m.k + 1)));
                    return 2;
                }
            }
            None => {
                if let Some(family) = opening_family(p, m) {
                    *nested = 0;
                    *current = Some(Open { family, open: m.pos, paragraph: p.pi, pieces: Vec::new(), piece_start: m.after() });
                }
            }
            Some(open) => {
                if closes_open(self.text, open, m, &p.curly_after, nested)
                    && let Some(o) = current.take()
                {
                    self.close(o, m.pos, Some(m.after()));
                }
            }
        }
        1
    }

    /// A quote still open at the paragraph's end is carried to the next paragraph, except
    /// unclosed single marks the next paragraph does not continue: those were apostrophes
    /// after all, unless this paragraph already continued a quote opened before (a
    /// multi-paragraph quote whose last paragraph lost its closing mark): that quote stands.
    fn carry_or_close(&mut self, p: &Para, current: Option<Open>) {
        let Some(mut o) = current else { return };
        o.pieces.push(o.piece_start..p.range.end);
        if o.family == Family::Single && !p.next_opens_single {
            if o.pieces.len() > 1 {
                self.out.extend(finish(self.text, o, None));
            }
            return;
        }
        self.carried = Some(o);
    }

    /// The spans in document order: those of the marks, the dialogue turns that read as a
    /// dialogue, the embedded posts, with the dash lines that sign quotes (English).
    fn finish(self) -> Vec<MarkedSpan> {
        let Scanner { article, text, posts, mut out, carried, bare_turns, .. } = self;
        if let Some(o) = carried {
            out.extend(finish(text, o, None));
        }
        let bare_turns = dialogues_only(text, bare_turns);
        if !bare_turns.is_empty() {
            out.extend(bare_turns);
            out.sort_by_key(|s| s.open);
        }
        if !posts.is_empty() {
            out.extend(posts.into_iter().filter_map(|p| post_span(article, p)));
            out.sort_by_key(|s| s.open);
        }
        // (English only: a French dash line is a turn of a dialogue, "— Promis, Henri.")
        if article.meta.language.as_deref() != Some("fr") {
            sign_by_dash_lines(article, &mut out);
        }
        out
    }
}

/// Each unsigned quote whose next paragraph signs it with a dash line
/// ([`signing_paragraph_after`]) takes that signature.
fn sign_by_dash_lines(article: &Article, out: &mut [MarkedSpan]) {
    // (Sorted and searched by halves: an article may hold thousands of quotes.)
    let mut opens: Vec<usize> = out.iter().map(|s| s.paragraph).collect();
    opens.sort_unstable();
    for span in out.iter_mut().filter(|s| s.signed.is_none()) {
        // (A dash line that is itself quoted is the next turn, not a signature.)
        if opens.binary_search(&(span.last_paragraph + 1)).is_err() {
            span.signed = signing_paragraph_after(article, span);
        }
    }
}

/// The most words a signature line's name holds ("President Barack H. Obama Jr.").
const SIGNATURE_NAME_WORDS: usize = 5;

/// "“…”¶- Bernie Sanders.", "“…”¶—Michelle Marks, Philadelphia.": a quote that is its
/// whole paragraph, and a next paragraph that opens on a dash and a capitalised name
/// (closing the line or set off by a comma), as fact checks and "quotable" boxes sign
/// what was said. Returns the name's range.
fn signing_paragraph_after(article: &Article, span: &MarkedSpan) -> Option<Range<usize>> {
    let text = article.text.as_str();
    let para = article.paragraphs.get(span.last_paragraph)?;
    let first = article.paragraphs.get(span.paragraph).filter(|p| p.language.as_deref() != Some("fr"))?;
    let before = text.get(first.range.start..span.open)?;
    let after = text.get(span.close..para.range.end)?;
    if !before.chars().all(is_space) || !after.chars().all(|c| is_space(c) || matches!(c, '.' | ',')) {
        return None;
    }
    let next = article.paragraphs.get(span.last_paragraph + 1).filter(|p| p.role.is_none())?;
    let line = text.get(next.range.clone())?;
    let body = line.trim_start_matches(is_space);
    let rest = body.strip_prefix("--").or_else(|| body.strip_prefix(['-', '—', '–', '―']))?;
    let name_text = rest.trim_start_matches(is_space);
    // The name ends at a comma, a bracket or a stop that is not an initial's or a
    // suffix's ("George W. Bush", "Comey Jr.").
    let name_len = name_text
        .char_indices()
        .find(|&(k, c)| {
            let word = name_text[..k].rsplit(is_space).next().unwrap_or("");
            matches!(c, ',' | ';' | '(') || c == '.' && !(word.chars().count() == 1 || word == "Jr" || word == "Sr")
        })
        .map_or(name_text.len(), |(k, _)| k);
    let name = name_text[..name_len].trim_end_matches(is_space);
    let words: Vec<&str> = name.split(is_space).filter(|w| !w.is_empty()).collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if words.is_empty() || words.len() > SIGNATURE_NAME_WORDS || !words.iter().all(capitalised) {
        return None;
    }
    let start = next.range.start + (line.len() - name_text.len());
    Some(start..start + name.len())
}

/// The longest run after "<" read as a tag; anything longer is text.
const MAX_TAG_BYTES: usize = 500;

/// An embedded post in markup: `<tweet …>words</tweet>` (or closed by `<tweet/>`).
struct Post {
    open: usize,
    words: Range<usize>,
    close: usize,
    signed: Option<Range<usize>>,
}

/// A tag left in plain text: `<name …>`, `</name>` or `<name …/>`.
struct Tag {
    range: Range<usize>,
    name: String,
    closing: bool,
    empty: bool,
}

/// Every tag of `text`, in order. The search for a tag's ">" stops at the next "<", so
/// each byte is read at most twice.
fn tags(text: &str) -> Vec<Tag> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = b.get(i..).and_then(|rest| rest.iter().position(|&c| c == b'<')) {
        let start = i + k;
        i = start + 1;
        let closing = b.get(start + 1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = name_start + b[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':')).count();
        if !b.get(name_end).is_some_and(|&c| matches!(c, b'>' | b'/') || c.is_ascii_whitespace()) {
            continue;
        }
        let limit = (start + MAX_TAG_BYTES).min(b.len());
        let Some(e) = b[name_end..limit].iter().position(|&c| c == b'>' || c == b'<') else { continue };
        if b[name_end + e] != b'>' {
            continue;
        }
        let end = name_end + e + 1;
        let name = text[name_start..name_end].to_ascii_lowercase();
        out.push(Tag { range: start..end, name, closing, empty: b[end - 2] == b'/' });
        i = end;
    }
    out
}

/// The byte ranges where no quotation mark counts (every tag, and every embedded post
/// whole), in order, and the embedded posts.
fn markup(text: &str) -> (Vec<Range<usize>>, Vec<Post>) {
    if !text.contains('<') {
        return (Vec::new(), Vec::new());
    }
    let tags = tags(text);
    let (mut masked, mut posts) = (Vec::new(), Vec::new());
    let mut t = 0;
    while t < tags.len() {
        let tag = &tags[t];
        let opens_post = tag.name == "tweet" && !tag.closing && !tag.empty;
        let end = opens_post.then(|| tags[t + 1..].iter().position(|c| c.name == "tweet" && (c.closing || c.empty))).flatten();
        let Some(e) = end.map(|e| t + 1 + e) else {
            masked.push(tag.range.clone());
            t += 1;
            continue;
        };
        let close = tags[e].range.end;
        masked.push(tag.range.start..close);
        let words = trim_range(text, tag.range.end..tags[e].range.start);
        let (words, signed) = match signature(text, words.clone()) {
            Some((end, name)) => (words.start..end, Some(name)),
            None => (words, author_attribute(text, tag.range.clone())),
        };
        let words = without_trailing_links(text, words);
        if !words.is_empty() {
            posts.push(Post { open: tag.range.start, words, close, signed });
        }
        t = e + 1;
    }
    (masked, posts)
}

/// The value of the `author` attribute of a post's opening tag (`author="@SpeakerRyan"`,
/// `tweet-author="BernieSanders"`): the account that wrote it, when no signature says so.
fn author_attribute(text: &str, tag: Range<usize>) -> Option<Range<usize>> {
    let s = text.get(tag.clone())?;
    let at = s.find("author=\"")? + "author=\"".len();
    let len = s[at..].find('"')?;
    let value = s[at..at + len].trim_start_matches('@');
    let start = tag.start + at + (len - value.len());
    (!value.is_empty() && value.chars().all(|c| c.is_alphanumeric() || c == '_')).then_some(start..start + value.len())
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = text.get(r.clone()).unwrap_or("");
    let lead = s.len() - s.trim_start_matches(is_space).len();
    r.start + lead..r.start + s.trim_end_matches(is_space).len()
}

/// A post's words without the links that close it ("pic.twitter.com/x", "https://t.co/x").
fn without_trailing_links(text: &str, mut r: Range<usize>) -> Range<usize> {
    while let Some(s) = text.get(r.clone()) {
        let last = s.rfind(is_space).map_or(0, |k| k + s[k..].chars().next().map_or(1, char::len_utf8));
        let link = ["pic.twitter.com/", "http://", "https://"].iter().any(|p| s[last..].starts_with(p));
        if !link {
            break;
        }
        r = trim_range(text, r.start..r.start + last);
    }
    r
}

/// "… — Paul Ryan (@SpeakerRyan) July 5, 2016": where the post's own words end and the
/// range of the signer's name, when `words` close on a signature.
fn signature(text: &str, words: Range<usize>) -> Option<(usize, Range<usize>)> {
    let s = text.get(words.clone())?;
    let at = s.rfind("(@")?;
    let handle_len = s[at + 2..].find(')')?;
    let handle = &s[at + 2..at + 2 + handle_len];
    let date = s[at + 2 + handle_len + 1..].trim_matches(is_space);
    let (dash, dash_len) = match s[..at].rfind(['—', '–']) {
        Some(d) => (d, 3),
        None => (s[..at].rfind(" - ")?, 3),
    };
    let name = s[dash + dash_len..at].trim_matches(is_space);
    let name_ok = name.chars().next().is_some_and(char::is_alphabetic) && (1..=6).contains(&name.split_whitespace().count());
    let handle_ok = !handle.is_empty() && handle.chars().all(|c| c.is_alphanumeric() || c == '_');
    let date_ok = date.len() <= 40 && (date.is_empty() || date.chars().any(|c| c.is_ascii_digit()));
    if !(name_ok && handle_ok && date_ok) {
        return None;
    }
    let end = words.start + s[..dash].trim_end_matches(is_space).len();
    let name_start = words.start + dash + dash_len + (s[dash + dash_len..at].len() - s[dash + dash_len..at].trim_start_matches(is_space).len());
    (end > words.start).then(|| (end, name_start..name_start + name.len()))
}

/// A paragraph that is an embedded post without markup, as text extraction leaves one:
/// its words, then the signature, and no quotation mark of its own opening it.
fn signed_paragraph(text: &str, range: Range<usize>, paragraph: usize) -> Option<MarkedSpan> {
    let words = trim_range(text, range);
    let first = text.get(words.clone())?.chars().next()?;
    if matches!(first, '“' | '"' | '«' | '‘' | '\'' | '<') {
        return None;
    }
    let (end, name) = signature(text, words.clone())?;
    let words = without_trailing_links(text, words.start..end);
    (!words.is_empty()).then(|| one_piece(words, paragraph, Some(name)))
}

/// The span of an embedded post: its words cut at paragraph breaks; the whole element,
/// tags and signature included, stands for it in the reporter's text.
fn post_span(article: &Article, post: Post) -> Option<MarkedSpan> {
    let paras = &article.paragraphs;
    let containing = |pos: usize| paras.partition_point(|p| p.range.end <= pos).min(paras.len().saturating_sub(1));
    let (paragraph, last_paragraph) = (containing(post.open), containing(post.close.saturating_sub(1)));
    if paras.get(paragraph)?.role.is_some() {
        return None;
    }
    let pieces: Vec<Range<usize>> = paras[paragraph..=last_paragraph]
        .iter()
        .map(|p| trim_range(&article.text, p.range.start.max(post.words.start)..p.range.end.min(post.words.end).max(p.range.start.max(post.words.start))))
        .filter(|r| !r.is_empty())
        .collect();
    (!pieces.is_empty()).then_some(MarkedSpan { open: post.open, close: post.close, pieces, closed: true, paragraph, last_paragraph, signed: post.signed })
}

/// Where the words start in a paragraph that opens on a dialogue dash ("— Bonjour."):
/// an em or en dash, then a space, then words.
fn dialogue_dash(chars: &[(u32, char)]) -> Option<usize> {
    let first = chars.iter().position(|&(_, c)| !is_space(c))?;
    if !matches!(chars[first].1, '—' | '–') || !chars.get(first + 1).is_some_and(|&(_, c)| is_space(c)) {
        return None;
    }
    let words = first + 1 + chars[first + 1..].iter().position(|&(_, c)| !is_space(c))?;
    chars[words].1.is_alphanumeric().then_some(words)
}

/// One turn of a dialogue written with dashes: its words (trimmed of spaces), the dash
/// left before them.
fn dash_turn(text: &str, words: Range<usize>, paragraph: usize) -> MarkedSpan {
    one_piece(trim_range(text, words), paragraph, None)
}

/// A closed span of one piece of words within one paragraph.
fn one_piece(words: Range<usize>, paragraph: usize, signed: Option<Range<usize>>) -> MarkedSpan {
    MarkedSpan { open: words.start, close: words.end, pieces: vec![words], closed: true, paragraph, last_paragraph: paragraph, signed }
}

/// Dash turns in consecutive paragraphs form one exchange; an exchange is kept when it
/// has two turns or more and reads as speech (a question or exclamation, or a speaker
/// saying je/tu/vous/nous/on), so a list set out with dashes is never quoted.
fn dialogues_only(text: &str, turns: Vec<MarkedSpan>) -> Vec<MarkedSpan> {
    const SPEECH_WORDS: [&str; 10] = ["je", "j", "tu", "vous", "nous", "on", "me", "m", "moi", "t"];
    let speech = |s: &MarkedSpan| {
        let words = text.get(s.pieces[0].clone()).unwrap_or("");
        words.contains(['?', '!']) || words.split(|c: char| !c.is_alphanumeric()).any(|w| SPEECH_WORDS.contains(&w.to_lowercase().as_str()))
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < turns.len() {
        let mut end = k + 1;
        while end < turns.len() && turns[end].paragraph <= turns[end - 1].paragraph + 1 {
            end += 1;
        }
        let exchange = &turns[k..end];
        if exchange.len() >= 2 && exchange.iter().any(speech) {
            out.extend_from_slice(exchange);
        }
        k = end;
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
        signed: None,
    })
}

/// (fr-names) The fewest words a quoted fragment woven into a French sentence needs to be
/// someone's words rather than a scare-quoted term: one or two words are a term ("une
/// « ligne rouge »"), three are already a phrase the reporter took from someone.
const FRAGMENT_MIN_WORDS: usize = 3;

/// (fr-names) French press quotes someone's wording in three or four words in lower case
/// with no speech verb at all: "l'expert a retenu une « altération partielle du
/// discernement »", "elle a fait campagne sur « un budget de vérité »", "il voit son coureur
/// « viser le classement général »". Such a fragment (lower case, from
/// [`FRAGMENT_MIN_WORDS`] to `max` words) is speech woven into the sentence, not a term;
/// labels ("dit « … »") and charges ("pour « … »") are told apart before.
pub fn woven_fragment(text: &str, span: &MarkedSpan, max: usize) -> bool {
    let quoted: Vec<&str> = span.pieces.iter().filter_map(|r| text.get(r.clone())).collect();
    let lower = quoted.first().and_then(|s| s.chars().find(|c| c.is_alphanumeric())).is_some_and(char::is_lowercase);
    let words: usize = quoted.iter().map(|s| s.split(is_space).filter(|w| w.chars().any(char::is_alphanumeric)).count()).sum();
    lower && (FRAGMENT_MIN_WORDS..=max).contains(&words)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ingest::from_plain_text;

    #[test]
    fn three_or_four_words_in_lower_case_are_a_woven_fragment() {
        let a = from_plain_text("t", "Elle a retenu une « fragilité des fondations » et un « Grand Prix » et une « ligne rouge ».");
        let frag: Vec<bool> = scan(&a).iter().map(|s| woven_fragment(&a.text, s, 4)).collect();
        assert_eq!(frag, vec![true, false, false]);
    }

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
    fn a_doubled_close_spaced_off_after_punctuation_closes() {
        assert_eq!(quoted("''We built it with care, '' said Mr. Vale. ''Then we left.''"), ["We built it with care", "Then we left."]);
        assert_eq!(quoted("''I hate the word 'cheap,' '' she said."), ["I hate the word 'cheap,'"]);
        // An opening pair after a space still opens.
        assert_eq!(quoted("He said ''fine'' and ''good.''"), ["fine", "good."]);
    }

    #[test]
    fn a_nested_curly_quote_with_its_own_closer_stays_inside() {
        let q = quoted("“His claim that the plan “has to do with taxes” is false,” Ms. Oyelaran said.");
        assert_eq!(q, ["His claim that the plan “has to do with taxes” is false"]);
        // With a single ” left, the inner “ is a stray and the ” closes the outer quote.
        let q = quoted("“They wore “Vote Now shirts,” she said. Then they left.");
        assert_eq!(q, ["They wore “Vote Now shirts"]);
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
    fn an_opening_mark_typed_as_a_closer_closes() {
        let q = quoted("“It was late,“ said Ann Oyelaran, a clerk. “We had to leave.”");
        assert_eq!(q, ["It was late", "We had to leave."]);
        let q = quoted("They called the plan “a true bargain“ and moved on.\n\nIt ends “here.“");
        assert_eq!(q, ["a true bargain", "here."]);
        // After a space, “ inside a quote is still a stray opening.
        let q = quoted("“Stay. Still, “we need more,” he said.");
        assert_eq!(q, ["Stay. Still, “we need more"]);
    }

    fn signers(text: &str) -> Vec<Option<String>> {
        let a = from_plain_text("t", text);
        scan(&a).iter().map(|s| s.signed.clone().map(|r| a.text[r].to_string())).collect()
    }

    #[test]
    fn markup_attributes_hold_no_marks() {
        let t = "Before.\n\n<tweet tweet-author=\"@ByronYork\" tweet-date=\"March 9, 2016\n\">Stands empty today.<tweet/>.\n\n<a href=\"x\">link</a> and \"real words here\" too.";
        assert_eq!(quoted(t), ["Stands empty today.", "real words here"]);
    }

    #[test]
    fn embedded_post_is_quoted_whole_without_its_signature_and_links() {
        let t = "Ryan wrote:\n\n<tweet id=\"1\" author=\"@SpeakerRyan\">No one is \"above\" the law. pic.twitter.com/Oq — Paul Ryan (@SpeakerRyan) July 5, 2016</tweet>.";
        assert_eq!(quoted(t), ["No one is \"above\" the law."]);
        assert_eq!(signers(t), [Some("Paul Ryan".to_string())]);
    }

    #[test]
    fn unsigned_post_is_the_author_accounts() {
        let t = "<tweet pic=\"\" author=\"BernieSanders\">Enough is enough.</tweet>\n\n<tweet tweet-id=\"7\"><tweet/>.";
        assert_eq!(quoted(t), ["Enough is enough."]);
        assert_eq!(signers(t), [Some("BernieSanders".to_string())]);
    }

    #[test]
    fn paragraph_signed_like_an_embed_is_a_post() {
        let t = "She posted this.\n\nWe need a new plan now. https://t.co/x — Jane Roe (@janeroe) May 2, 2016\n\nA dash – and (@not) a signature: nothing here.";
        assert_eq!(quoted(t), ["We need a new plan now."]);
        assert_eq!(signers(t), [Some("Jane Roe".to_string())]);
    }

    #[test]
    fn paragraphs_opening_on_a_dash_are_turns_of_a_dialogue() {
        // Without guillemets: one quote per turn; with «, each dash paragraph a new turn.
        let t = "Le maraîcher Paul Morel sert une cliente au marché du samedi matin, comme chaque semaine depuis vingt ans.\n\n\
                 — Deux kilos de pommes, comme d'habitude.\n\n— Ça vous fera quatre euros, j'ai dû augmenter.\n\n\
                 Elle paie sans un mot et repart vers la place de l'église, où l'attend son mari.";
        assert_eq!(quoted(t), ["Deux kilos de pommes, comme d'habitude.", "Ça vous fera quatre euros, j'ai dû augmenter."]);
        let t = "Le vieux cordonnier remet les clés de sa boutique à la jeune femme qui reprend son échoppe.\n\n\
                 « Tu graisseras la machine le lundi ?\n\n— Promis, je l'ai noté.\n\n— Et garde les clients du jeudi. »";
        assert_eq!(quoted(t), ["Tu graisseras la machine le lundi ?", "Promis, je l'ai noté.", "Et garde les clients du jeudi."]);
        // A list set out with dashes is no dialogue, nor is one dash paragraph.
        let t = "Le gouvernement a présenté trois mesures principales pour la rentrée scolaire des élèves.\n\n\
                 — Une prime de rentrée revalorisée pour les familles.\n\n— Des manuels gratuits au collège et au lycée.";
        assert!(quoted(t).is_empty());
        let t = "Le ministre de l'Éducation nationale a présenté ses mesures pour la rentrée des classes.\n\n— Vous verrez !";
        assert!(quoted(t).is_empty());
    }

    #[test]
    fn a_dash_line_after_a_quote_paragraph_signs_it() {
        let t = "The claims, checked.\n\n\"Wages have not moved for the middle class in years.\"\n\n- Jane Roe.\n\nShe is right.\n\n\
                 \"We will build it and they will pay for it.\"\n\n—Senator John Q. Public, Ohio.\n\n\"Nothing signs this one at all.\"\n\n– An answer came –.";
        assert_eq!(signers(t), [Some("Jane Roe".to_string()), Some("Senator John Q. Public".to_string()), None]);
        // A quote inside the reporter's sentence is not signed by the line after it.
        assert_eq!(signers("He said \"we will win this state easily\" on Monday.\n\n- Jane Roe."), [None]);
    }

    #[test]
    fn inch_marks_do_not_open() {
        assert_eq!(quoted("A 5\" screen and a 6' pole."), Vec::<String>::new());
    }
}

/// The steps of [`scan`], each on an invented sentence.
#[cfg(test)]
mod scan_steps {
    use super::*;
    use crate::ingest::from_plain_text;

    /// The first paragraph of `text`, ready to be walked.
    fn para(text: &str) -> Para {
        let a = from_plain_text("t", text);
        let range = a.paragraphs[0].range.clone();
        Para::new(&a, 0, range.clone(), &a.text[range])
    }

    /// The mark at the `n`th occurrence of `c` in the paragraph.
    fn mark_at(p: &Para, c: char, n: usize) -> Mark {
        let k = p.chars.iter().enumerate().filter(|(_, x)| x.1 == c).nth(n).map(|(k, _)| k).expect("the mark");
        p.mark(k)
    }

    fn chars(s: &str) -> Vec<(u32, char)> {
        s.char_indices().map(|(i, c)| (i as u32, c)).collect()
    }

    #[test]
    fn a_mark_knows_its_neighbours() {
        let p = para("He said ''fine'' then.");
        let m = mark_at(&p, '\'', 0);
        assert_eq!((m.before_prev, m.prev, m.next, m.after_pair), (Some('d'), Some(' '), Some('\''), Some('f')));
        assert!(m.pair());
        assert_eq!(m.after(), m.pos + 1);
    }

    #[test]
    fn a_paragraph_reopening_with_a_mark_of_the_family_continues_its_quote() {
        assert!(reopens(Family::Double, '“', Some('W')));
        assert!(reopens(Family::Guillemet, '»', Some(' ')));
        assert!(reopens(Family::Doubled, '\'', Some('\'')));
        assert!(!reopens(Family::Doubled, '\'', Some('W')));
        assert!(!reopens(Family::Single, '“', Some('W')));
        assert!(opens_on_single_mark("  ‘We went on,"));
        assert!(!opens_on_single_mark("‘ spaced"));
        assert!(!opens_on_single_mark("We went on."));
    }

    #[test]
    fn closers_and_curly_marks_are_counted_from_the_end() {
        assert_eq!(closers_after(&chars("a’ b")), [true, true, false, false, false]);
        assert_eq!(closers_after(&chars("don’t")), [false; 6]);
        assert_eq!(curly_closers_after(&chars("“a” b”")), [2, 2, 2, 1, 1, 1, 0]);
    }

    #[test]
    fn which_marks_open_a_quote() {
        let p = para("He called it ‘fine’ and “good” and « bon », then 5\" long.");
        assert_eq!(opening_family(&p, &mark_at(&p, '‘', 0)), Some(Family::Single));
        assert_eq!(opening_family(&p, &mark_at(&p, '“', 0)), Some(Family::Double));
        assert_eq!(opening_family(&p, &mark_at(&p, '«', 0)), Some(Family::Guillemet));
        // An inch mark after a digit, a closer after a word: no.
        assert_eq!(opening_family(&p, &mark_at(&p, '"', 0)), None);
        assert_eq!(opening_family(&p, &mark_at(&p, '’', 0)), None);
        // A single mark with no closer after it in its paragraph is an apostrophe.
        let p = para("The ‘fine plan went on.");
        assert_eq!(opening_family(&p, &mark_at(&p, '‘', 0)), None);
    }

    #[test]
    fn which_marks_close_the_open_quote() {
        let p = para("''It went well, '' she said, and “the ‘plan’ is “so good” now,” he added, « oui ».");
        // A pair spaced off after a comma closes ''…''.
        assert!(closes_doubled(&mark_at(&p, '\'', 2)));
        // (The opening pair, at the paragraph's start, does not.)
        assert!(!closes_doubled(&mark_at(&p, '\'', 0)));
        let text = "x";
        let open = |family| Open { family, open: 0, paragraph: 0, pieces: Vec::new(), piece_start: 0 };
        let mut nested = 0;
        assert!(closes_open(text, &open(Family::Guillemet), &mark_at(&p, '»', 0), &p.curly_after, &mut nested));
        assert!(closes_open(text, &open(Family::Single), &mark_at(&p, '’', 0), &p.curly_after, &mut nested));
        // A ” closes a nested “…” first, then the outer quote.
        nested = 1;
        assert!(!closes_open(text, &open(Family::Double), &mark_at(&p, '”', 0), &p.curly_after, &mut nested));
        assert_eq!(nested, 0);
        assert!(closes_open(text, &open(Family::Double), &mark_at(&p, '”', 1), &p.curly_after, &mut nested));
    }

    #[test]
    fn a_nested_curly_quote_opens_only_inside_one_opened_by_a_curly_mark() {
        let p = para("“the ‘plan’ is “so good” now,” he added.");
        let second = mark_at(&p, '“', 1);
        let mut nested = 0;
        let curly = Open { family: Family::Double, open: 0, paragraph: 0, pieces: Vec::new(), piece_start: 0 };
        assert!(!closes_open("“", &curly, &second, &p.curly_after, &mut nested));
        assert_eq!(nested, 1);
        let mut nested = 0;
        assert!(!closes_open("\"", &curly, &second, &p.curly_after, &mut nested));
        assert_eq!(nested, 0);
    }
}
