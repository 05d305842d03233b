//! Divergence flags (issue 17): where two aligned articles do not say the same thing.
//!
//! Every row of an [`Alignment`] gets zero or more [`Flag`]s, each with a one-line reason:
//!
//! * `one-sided`: the row exists in one language only (a reporting gap);
//! * `number`: a number stated on one side that the other side of the row (or of the
//!   [`NEAR_ROWS`] rows either side of it) does not state — "2.000", "2,000", "2 000", "48 heures" and
//!   "48-hour", "six" and "6" are one number;
//! * `name`: a proper name on one side with no counterpart on the other, near the row
//!   as for numbers (matched as the
//!   aligner matches words: cognates, the French–English lexicon, one-letter spelling
//!   variants such as "Daech"/"Daesh");
//! * `negation`: one side negated (not, never, no, without, n't / ne … pas, jamais,
//!   aucun, sans) and the other side not negated at all;
//! * `clause`: a clause (a stretch between commas, colons, semicolons, dashes or
//!   brackets) of at least [`CLAUSE_MIN_WORDS`] content words of which at most a fifth
//!   find a partner on the other side, in a row whose other words do correspond and whose
//!   side is clearly the longer one.
//!
//! Content flags (all but `one-sided`) are only given to matched rows the aligner is
//! fairly sure of ([`MIN_ROW_SCORE`]): on a doubtful pair every difference would be
//! flagged, and the gutter already says the pair is doubtful. What a flagged clause holds
//! (a number, a name, a negation) is not flagged again.

use super::features::{Direction, direction};
use super::inflection::english_base_forms;
use super::lexicon::lexicon;
use super::tokens::{Token, is_stopword, match_key, number_key, tokenize_spans};
use super::{Alignment, RowKind};
use crate::model::{Article, Sentence};
use serde::Serialize;
use std::collections::HashSet;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlagKind {
    OneSided,
    Number,
    Name,
    Negation,
    Clause,
}

impl FlagKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::OneSided => "one-sided",
            FlagKind::Number => "number",
            FlagKind::Name => "name",
            FlagKind::Negation => "negation",
            FlagKind::Clause => "clause",
        }
    }
}

/// One divergence in a row, with the reason to show (one line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub kind: FlagKind,
    pub reason: String,
}

/// Matched rows below this confidence get no content flag.
pub const MIN_ROW_SCORE: f32 = 0.5;
/// A clause needs this many content words to be reported as missing on the other side.
pub const CLAUSE_MIN_WORDS: usize = 6;
/// At most this share of an unmatched clause's content words may find a partner.
const CLAUSE_MAX_MATCHED: f32 = 0.2;
/// The rest of the row must match at least this well for the clause to stand out.
const CLAUSE_REST_MIN_MATCHED: f32 = 0.4;
/// The side with the extra clause must be this much longer than the other, relative to
/// the two articles' overall length ratio (French runs longer than English).
const CLAUSE_MIN_LENGTH_RATIO: f32 = 1.25;
/// A number or name is looked for on the other side this many rows either side of its
/// own: a sentence pair often splits differently (the name in the sentence before), and
/// attributions move ("a expliqué Rob Wainwright, le directeur d'Europol" / "he said").
const NEAR_ROWS: usize = 2;
/// Quoted text in a reason is cut to this many characters.
const REASON_TEXT_CHARS: usize = 70;

/// Every sentence of `article`, in order, to be indexed by a row's sentence range.
fn sentence_list(article: &Article) -> Vec<&Sentence> {
    article.sentences().map(|(_, s)| s).collect()
}

/// The flags of every row of `alignment` (same order as `alignment.rows`).
pub fn flag_rows(left: &Article, right: &Article, alignment: &Alignment) -> Vec<Vec<Flag>> {
    let dir = direction(left, right);
    let lang_name = |a: &Article, fallback: &'static str| language_name(a.meta.language.as_deref(), fallback);
    let (lname, rname) = (lang_name(left, "the left text"), lang_name(right, "the right text"));
    // Each row looks its sentences up by index: skipping to them from the start of the
    // article every row would make a long article's flags quadratic.
    let (lsentences, rsentences) = (sentence_list(left), sentence_list(right));
    let lside: Vec<Side> =
        alignment.rows.iter().map(|r| Side::new(left, lsentences.get(r.left.clone()).unwrap_or_default(), dir == Direction::FrenchLeft, is_english(left))).collect();
    let rside: Vec<Side> =
        alignment.rows.iter().map(|r| Side::new(right, rsentences.get(r.right.clone()).unwrap_or_default(), dir == Direction::FrenchRight, is_english(right))).collect();
    let ratio = length_ratio(&lside, &rside);
    let (lwhole, rwhole) = (Neighbourhood::new(&lside), Neighbourhood::new(&rside));
    let mut flags = Vec::with_capacity(alignment.rows.len());
    for (i, row) in alignment.rows.iter().enumerate() {
        let mut row_flags = Vec::new();
        match row.kind {
            RowKind::LeftOnly => row_flags.push(one_sided(alignment, i, true, &lname, &rname)),
            RowKind::RightOnly => row_flags.push(one_sided(alignment, i, false, &rname, &lname)),
            RowKind::Match if row.score >= MIN_ROW_SCORE => {
                let near = |sides: &[Side]| Neighbourhood::new(&sides[i.saturating_sub(NEAR_ROWS)..(i + NEAR_ROWS + 1).min(sides.len())]);
                let (lnear, rnear) = (near(&lside), near(&rside));
                let (l, r) = (&lside[i], &rside[i]);
                let lclause = extra_clause(l, r, ratio);
                let rclause = extra_clause(r, l, 1.0 / ratio);
                row_flags.extend(clause_flag(l, &lclause, &lname));
                row_flags.extend(clause_flag(r, &rclause, &rname));
                row_flags.extend(number_flag(l, &lclause, &rnear, &lname, r, &rclause, &lnear, &rname));
                row_flags.extend(name_flag(l, &lclause, &rnear, &rwhole, &lname));
                row_flags.extend(name_flag(r, &rclause, &lnear, &lwhole, &rname));
                row_flags.extend(negation_flag(l, &lclause, r, &rclause, &lname, &rname));
            }
            RowKind::Match => {}
        }
        flags.push(row_flags);
    }
    flags
}

fn is_english(a: &Article) -> bool {
    a.meta.language.as_deref() == Some("en")
}

fn language_name(code: Option<&str>, fallback: &'static str) -> String {
    match code {
        Some("fr") => "French".into(),
        Some("en") => "English".into(),
        Some("de") => "German".into(),
        Some("es") => "Spanish".into(),
        Some("it") => "Italian".into(),
        Some(other) => other.to_string(),
        None => fallback.into(),
    }
}

/// Characters of the right text per character of the left, over the matched rows.
fn length_ratio(left: &[Side], right: &[Side]) -> f32 {
    let total = |s: &[Side]| s.iter().map(Side::chars).sum::<usize>() as f32;
    let (l, r) = (total(left), total(right));
    if l > 0.0 && r > 0.0 { (r / l).clamp(0.5, 2.0) } else { 1.0 }
}

/// "only in English (sentences 16–20 have no French counterpart)".
fn one_sided(alignment: &Alignment, i: usize, left: bool, this: &str, other: &str) -> Flag {
    let kind = alignment.rows[i].kind;
    let range = |k: usize| if left { alignment.rows[k].left.clone() } else { alignment.rows[k].right.clone() };
    // The whole run of one-sided rows of this side that the row belongs to.
    let mut first = i;
    while first > 0 && alignment.rows[first - 1].kind == kind {
        first -= 1;
    }
    let mut last = i;
    while last + 1 < alignment.rows.len() && alignment.rows[last + 1].kind == kind {
        last += 1;
    }
    let (start, end) = (range(first).start + 1, range(last).end);
    let span = if start >= end { format!("sentence {end} has") } else { format!("sentences {start}–{end} have") };
    Flag { kind: FlagKind::OneSided, reason: format!("only in {this} ({span} no {other} counterpart)") }
}

/// One side of a row: its sentences joined by a space, and their words.
struct Side {
    text: String,
    words: Vec<Word>,
    /// Raw lower-case words with their ranges, stop words and clitics included (negation
    /// lives in the words the aligner ignores).
    raw: Vec<(Range<usize>, String)>,
    /// Every key any word offers (own, translations, base forms).
    keys: HashSet<u32>,
    /// Clause boundaries: ranges of `text` between clause punctuation.
    clauses: Vec<Range<usize>>,
}

struct Word {
    range: Range<usize>,
    folded: String,
    /// The number it states, in normal form ("2000", "1.5"), for digits and spelled-out
    /// small numbers.
    number: Option<String>,
    keys: Vec<u32>,
    /// Evidence for matching (not a function word, not a one-letter word).
    content: bool,
    /// Capitalised inside its sentence: a proper name (or an English capitalised noun).
    name: bool,
}

impl Side {
    fn new(article: &Article, sentences: &[&Sentence], translate: bool, english: bool) -> Side {
        let mut text = String::new();
        let mut words = Vec::new();
        let mut clauses = Vec::new();
        for s in sentences {
            if !text.is_empty() {
                text.push(' ');
            }
            let base = text.len();
            let sentence = article.slice(&s.range);
            text.push_str(sentence);
            words.extend(sentence_words(sentence, base, translate, english));
            clauses.extend(clause_ranges(sentence, base));
        }
        combine_spelled_numbers(&mut words);
        let keys = words.iter().flat_map(|w| w.keys.iter().copied()).collect();
        let raw = raw_words(&text);
        Side { text, words, raw, keys, clauses }
    }

    fn chars(&self) -> usize {
        self.text.chars().filter(|c| !c.is_whitespace()).count()
    }

    fn matches(&self, word: &Word) -> bool {
        word.keys.iter().any(|k| self.keys.contains(k))
    }
}

/// The words of one sentence, with their ranges shifted by `base`.
fn sentence_words(sentence: &str, base: usize, translate: bool, english: bool) -> Vec<Word> {
    let lex = lexicon();
    let titles = crate::text::lexicon::Lexicon::get();
    let mut out: Vec<Word> = Vec::new();
    let tokens = tokenize_spans(sentence);
    let heading = is_heading(sentence, &tokens);
    for (range, token) in tokens {
        let word = match token {
            Token::Number(n) => Word { range: range.clone(), keys: vec![number_key(&n)], number: Some(n), folded: String::new(), content: true, name: false },
            Token::Word { folded, capitalised } => {
                let written = &sentence[range.clone()];
                let mut keys = vec![match_key(&folded)];
                if translate {
                    keys.extend_from_slice(lex.translations(&folded));
                }
                if english {
                    keys.extend(english_base_forms(&folded).iter().map(|b| match_key(b)));
                }
                let number = spelled_number(&folded).map(|n| n.to_string());
                if let Some(n) = &number {
                    keys.push(number_key(n));
                }
                let content = !is_stopword(&folded) && folded.chars().count() >= 2;
                let all_caps = written.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
                let name = capitalised
                    && !heading
                    && content
                    && !all_caps
                    && folded.chars().count() >= 3
                    && !opens_sentence(sentence, range.start, out.is_empty())
                    && titles.title(written).is_none();
                Word { range: range.clone(), folded, number, keys, content, name }
            }
        };
        out.push(Word { range: range.start + base..range.end + base, ..word });
    }
    out
}

/// A line in title case ("The Pool of Tears", "CHAPTER I Down the Rabbit-Hole"): most of
/// its words capitalised and no full stop, so capitals say nothing about names.
fn is_heading(sentence: &str, tokens: &[(Range<usize>, Token)]) -> bool {
    let end = sentence.trim_end().trim_end_matches(['"', '”', '»', '\'', '’', ')', ' ']);
    if end.ends_with(['.', '!', '?', '…']) {
        return false;
    }
    let words: Vec<bool> = tokens.iter().filter_map(|(_, t)| if let Token::Word { capitalised, folded } = t { (!is_stopword(folded)).then_some(*capitalised) } else { None }).collect();
    words.len() >= 2 && words.iter().filter(|&&c| c).count() * 5 >= words.len() * 3
}

/// Whether a word at byte `start` of `sentence` is capitalised by position rather than
/// by being a name: the sentence's first word, or the first after an opening quotation
/// mark, a bracket, a colon or a dash.
fn opens_sentence(sentence: &str, start: usize, first_word: bool) -> bool {
    if first_word {
        return true;
    }
    let before = sentence[..start].trim_end();
    before.ends_with(['«', '“', '"', '‘', '\'', '(', '[', ':', '—', '–', '-', '•', '…'])
}

/// Spelled-out numbers and ordinals ("both" is two) read the same in both languages;
/// "one"/"un" are left out (they are
/// also pronouns and articles), and so are words with another common sense ("neuf" is
/// also "new", "cent" follows "pour" in percentages).
fn spelled_number(folded: &str) -> Option<u32> {
    const WORDS: &[(&str, u32)] = &[
        ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8),
        ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("twenty", 20), ("thirty", 30),
        ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
        ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17),
        ("eighteen", 18), ("nineteen", 19), ("twice", 2), ("both", 2), ("third", 3), ("fourth", 4),
        ("fifth", 5), ("sixth", 6), ("seventh", 7), ("eighth", 8), ("ninth", 9), ("tenth", 10),
        ("deuxieme", 2), ("troisieme", 3), ("quatrieme", 4), ("cinquieme", 5), ("sixieme", 6),
        ("septieme", 7), ("huitieme", 8), ("dixieme", 10), ("treize", 13), ("quatorze", 14),
        ("quinze", 15), ("seize", 16), ("dozen", 12), ("deux", 2), ("trois", 3), ("quatre", 4), ("cinq", 5), ("sept", 7),
        ("huit", 8), ("dix", 10), ("onze", 11), ("douze", 12), ("vingt", 20), ("trente", 30),
        ("quarante", 40), ("cinquante", 50), ("soixante", 60), ("douzaine", 12),
    ];
    WORDS.iter().find(|(w, _)| *w == folded).map(|&(_, n)| n)
}

/// Join spelled numbers that follow each other ("vingt-cinq" → 25, "quatre-vingt" → 80,
/// "twenty-five" → 25): a larger part multiplies, a smaller one adds.
fn combine_spelled_numbers(words: &mut [Word]) {
    let spelled = |w: &Word| !w.folded.is_empty() && spelled_number(&w.folded).is_some();
    let mut i = 0;
    while i < words.len() {
        if !spelled(&words[i]) {
            i += 1;
            continue;
        }
        let mut value = spelled_number(&words[i].folded).unwrap_or(0);
        let mut j = i + 1;
        while j < words.len() && spelled(&words[j]) {
            let part = spelled_number(&words[j].folded).unwrap_or(0);
            value = if part > value { value * part } else { value + part };
            words[j].number = None;
            j += 1;
        }
        if j > i + 1 {
            let n = value.to_string();
            words[i].keys.push(number_key(&n));
            words[i].number = Some(n);
        }
        i = j;
    }
}

/// Byte ranges of `sentence` (shifted by `base`) between clause punctuation.
fn clause_ranges(sentence: &str, base: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in sentence.char_indices() {
        if matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–') {
            out.push(base + start..base + i);
            start = i + c.len_utf8();
        }
    }
    out.push(base + start..base + sentence.len());
    out
}

/// Lower-case alphabetic runs of `text` with their byte ranges ("n'a" → "n", "a";
/// "don't" → "don", "t").
fn raw_words(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let letter = c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c);
        match (letter, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s..i, super::tokens::fold(&text[s..i])));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The words a side offers over some rows (a few, or the whole article), for "is it
/// anywhere there on the other side".
struct Neighbourhood {
    keys: HashSet<u32>,
    /// Each word of four letters or more with each one of its letters dropped in turn:
    /// two words sharing a variant are one letter apart ("daech"/"daesh" → "daeh"),
    /// found in linear time where comparing every pair of words would be quadratic.
    variants: HashSet<String>,
}

/// `word` with each letter dropped in turn.
fn deletion_variants(word: &str) -> impl Iterator<Item = String> + '_ {
    word.char_indices().map(move |(i, c)| format!("{}{}", &word[..i], &word[i + c.len_utf8()..]))
}

impl Neighbourhood {
    fn new(sides: &[Side]) -> Neighbourhood {
        let long_words = || sides.iter().flat_map(|s| &s.words).filter(|w| w.folded.chars().count() >= 4);
        Neighbourhood {
            keys: sides.iter().flat_map(|s| s.keys.iter().copied()).collect(),
            variants: long_words().flat_map(|w| deletion_variants(&w.folded)).collect(),
        }
    }

    fn has(&self, word: &Word) -> bool {
        word.keys.iter().any(|k| self.keys.contains(k))
    }

    /// The name, or a spelling of it one letter away ("Daech"/"Daesh", "Qaïda"/"Qaeda").
    fn has_name(&self, word: &Word) -> bool {
        self.has(word) || (word.folded.chars().count() >= 4 && deletion_variants(&word.folded).any(|v| self.variants.contains(&v)))
    }
}

fn inside(ranges: &[Range<usize>], r: &Range<usize>) -> bool {
    ranges.iter().any(|c| c.start <= r.start && r.end <= c.end)
}

/// The clauses of `side` that say something `other` does not (see the module comment).
fn extra_clause(side: &Side, other: &Side, ratio: f32) -> Vec<Range<usize>> {
    // `ratio` is other/side characters over both articles: scale `other` to `side`'s language.
    if other.chars() == 0 || (side.chars() as f32) < CLAUSE_MIN_LENGTH_RATIO * other.chars() as f32 / ratio {
        return Vec::new();
    }
    let unmatched: Vec<Range<usize>> = side
        .clauses
        .iter()
        .filter(|c| {
            let words: Vec<&Word> = side.words.iter().filter(|w| w.content && c.start <= w.range.start && w.range.end <= c.end).collect();
            let matched = words.iter().filter(|w| other.matches(w)).count();
            words.len() >= CLAUSE_MIN_WORDS && matched as f32 <= CLAUSE_MAX_MATCHED * words.len() as f32
        })
        .cloned()
        .collect();
    if unmatched.is_empty() {
        return unmatched;
    }
    let rest: Vec<&Word> = side.words.iter().filter(|w| w.content && !inside(&unmatched, &w.range)).collect();
    let rest_matched = rest.iter().filter(|w| other.matches(w)).count();
    if rest.len() < 3 || (rest_matched as f32) < CLAUSE_REST_MIN_MATCHED * rest.len() as f32 {
        return Vec::new();
    }
    unmatched
}

fn clause_flag(side: &Side, clauses: &[Range<usize>], lang: &str) -> Option<Flag> {
    let first = clauses.first()?;
    let more = if clauses.len() > 1 { format!(" (+{} more)", clauses.len() - 1) } else { String::new() };
    Some(Flag { kind: FlagKind::Clause, reason: format!("only in {lang}: “{}”{more}", excerpt(side.text[first.clone()].trim())) })
}

fn excerpt(text: &str) -> String {
    let text = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '«' | '»' | '“' | '”' | '"'));
    if text.chars().count() <= REASON_TEXT_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(REASON_TEXT_CHARS).collect();
    format!("{}…", cut.trim_end())
}

/// Numbers of `side` (outside its extra clauses) not found near the row on the other side.
/// Left out: the number 1 (it is "a" as often as a number) and approximations ("two or
/// three", "a minute or two", "deux ou trois"), which translators render freely.
fn lone_numbers(side: &Side, clauses: &[Range<usize>], other: &Neighbourhood) -> Vec<String> {
    let words = &side.words;
    let number_at = |k: Option<usize>| k.and_then(|k| words.get(k)).is_some_and(|w| w.number.is_some());
    let or_at = |k: Option<usize>| k.and_then(|k| words.get(k)).is_some_and(|w| matches!(w.folded.as_str(), "or" | "ou"));
    let approximate = |i: usize| or_at(i.checked_sub(1)) || (or_at(Some(i + 1)) && number_at(Some(i + 2)));
    let mut out: Vec<String> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if let Some(n) = &w.number
            && n != "1"
            && !approximate(i)
            && !inside(clauses, &w.range)
            && !other.has(w)
            && !out.contains(n)
        {
            out.push(n.clone());
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn number_flag(
    l: &Side,
    lclause: &[Range<usize>],
    rnear: &Neighbourhood,
    lname: &str,
    r: &Side,
    rclause: &[Range<usize>],
    lnear: &Neighbourhood,
    rname: &str,
) -> Option<Flag> {
    let (ln, rn) = (lone_numbers(l, lclause, rnear), lone_numbers(r, rclause, lnear));
    let reason = match (ln.is_empty(), rn.is_empty()) {
        (true, true) => return None,
        (false, false) => format!("{lname} says {}, {rname} says {}", ln.join(", "), rn.join(", ")),
        (false, true) => format!("{} only in {lname}", ln.join(", ")),
        (true, false) => format!("{} only in {rname}", rn.join(", ")),
    };
    Some(Flag { kind: FlagKind::Number, reason })
}

/// Names of `side` with no counterpart near the row on the other side nor anywhere in the
/// other article (a name the other article uses elsewhere is mostly a pronoun or a role
/// here: "he", "le patron d'Europol"); neighbouring name words are reported together
/// ("Rob Wainwright").
fn name_flag(side: &Side, clauses: &[Range<usize>], near: &Neighbourhood, whole: &Neighbourhood, lang: &str) -> Option<Flag> {
    let mut names: Vec<String> = Vec::new();
    let mut last_end = None;
    let lone = |w: &&Word| w.name && !inside(clauses, &w.range) && !near.has_name(w) && !whole.has_name(w);
    for w in side.words.iter().filter(lone) {
        let written = &side.text[w.range.clone()];
        let joins = last_end.is_some_and(|e: usize| side.text[e..w.range.start].chars().all(|c| c == ' ' || c == '-'));
        match names.last_mut() {
            Some(prev) if joins => {
                prev.push_str(&side.text[last_end.unwrap_or(w.range.start)..w.range.start]);
                prev.push_str(written);
            }
            _ => names.push(written.to_string()),
        }
        last_end = Some(w.range.end);
    }
    names.dedup();
    if names.is_empty() {
        return None;
    }
    let list = names.iter().map(|n| format!("“{n}”")).collect::<Vec<_>>().join(", ");
    Some(Flag { kind: FlagKind::Name, reason: format!("{list} only in {lang}") })
}

/// The negation cues of a side's words (indices into `raw`), French and English alike:
/// the words only ever occur in their own language.
fn negation_cues(raw: &[(Range<usize>, String)], text: &str) -> Vec<usize> {
    let word = |k: usize| raw.get(k).map_or("", |(_, w)| w.as_str());
    let after = |k: usize| raw.get(k).map_or("", |(r, _)| &text[r.end..]);
    // "n'importe quel" is "any", not a negation.
    let ne_at = |j: usize| matches!(word(j), "ne" | "n") && word(j + 1) != "importe";
    let ne_before = |k: usize| (k.saturating_sub(5)..k).any(ne_at);
    // Nothing but punctuation between the previous word and word `k`: `k` opens a clause.
    let opens_clause = |k: usize| k == 0 || text[raw[k - 1].0.end..raw[k].0.start].chars().any(|c| !c.is_whitespace());
    let mut cues = Vec::new();
    for k in 0..raw.len() {
        let (w, next, prev) = (word(k), word(k + 1), if k > 0 { word(k - 1) } else { "" });
        let cue = match w {
            // English.
            "not" => next != "only" && prev != "if",
            "nothing" => next != "but",
            "never" | "without" | "nor" | "neither" | "none" | "nobody" | "nowhere" | "cannot" => true,
            "no" => !matches!(next, "doubt" | "matter") && !after(k).starts_with('.'),
            "t" => prev.ends_with('n') && k > 0 && matches!(text[raw[k - 1].0.end..raw[k].0.start].chars().next(), Some('\'' | '’')),
            // French.
            "sans" => next != "doute",
            "non" => next != "seulement" && !after(k).starts_with('-'),
            // Without its ne, "jamais" is "ever" ("As-tu jamais mangé…?"), unless it opens
            // its clause ("Jamais il ne…", "jamais de la vie").
            "jamais" => ne_before(k) || opens_clause(k),
            // Negative on their own ("faute d'avoir rien de mieux", "sans aucun doute").
            "rien" | "aucun" | "aucune" => true,
            // Literary "ne" alone before these verbs: "je ne puis", "il ne savait".
"ne" | "n" => matches!(next, "puis" | "peux" | "pouvait" | "pourrait" | "sais" | "sait" | "savait" | "saurait" | "ose" | "osait" | "cesse" | "cessait"),
            "pas" | "personne" | "plus" | "guere" | "nullement" | "point" | "ni" | "nul" | "nulle" => {
                // "ne … pas": the ne comes first; "personne ne", "nul n'": it follows.
                // "ne … plus que" is "only".
                let only = w == "plus" && matches!(next, "que" | "qu");
                let follows = matches!(w, "personne" | "nul" | "nulle") && (k + 1..k + 3).any(ne_at);
                (ne_before(k) && !only) || follows
            }
            _ => false,
        };
        if cue {
            cues.push(k);
        }
    }
    cues
}

/// A side negates what the other states: one side has a negation (outside its extra
/// clauses) whose neighbouring content words — the negated verb or noun — have a partner
/// on the other side, and the other side has no negation at all. Requiring the partner
/// leaves alone the translations that turn a negation into its opposite ("n'oublie pas"
/// / "remember"), which say the same thing.
fn negation_flag(l: &Side, lclause: &[Range<usize>], r: &Side, rclause: &[Range<usize>], lname: &str, rname: &str) -> Option<Flag> {
    let cues = |s: &Side| negation_cues(&s.raw, &s.text);
    let (lc, rc) = (cues(l), cues(r));
    let stated = |s: &Side, clauses: &[Range<usize>], other: &Side, c: &[usize]| {
        c.iter().copied().find(|&k| !inside(clauses, &s.raw[k].0) && negated_word_shared(s, k, other))
    };
    let (side, cue, lang) = match (lc.is_empty(), rc.is_empty()) {
        (false, true) => (l, stated(l, lclause, r, &lc)?, lname),
        (true, false) => (r, stated(r, rclause, l, &rc)?, rname),
        _ => return None,
    };
    // The cue with a word either side, as written: "did not know".
    let from = side.raw[cue.saturating_sub(1)].0.start;
    let to = side.raw[(cue + 1).min(side.raw.len() - 1)].0.end;
    Some(Flag { kind: FlagKind::Negation, reason: format!("negated only in {lang}: “{}”", &side.text[from..to]) })
}

/// Whether a content word within three words of negation cue `k` of `side` has a
/// partner on `other`.
fn negated_word_shared(side: &Side, k: usize, other: &Side) -> bool {
    let window = &side.raw[k.saturating_sub(3)..(k + 4).min(side.raw.len())];
    window.iter().filter(|(r, _)| *r != side.raw[k].0).any(|(r, _)| {
        side.words.iter().any(|w| w.content && w.range.start == r.start && other.matches(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{AlignRow, Alignment};
    use crate::ingest::from_plain_text;

    fn article(id: &str, lang: &str, text: &str) -> Article {
        let mut a = from_plain_text(id, text);
        a.meta.language = Some(lang.into());
        a
    }

    /// Flags of a one-row alignment of a French and an English sentence.
    fn flags(fr: &str, en: &str) -> Vec<Flag> {
        let (l, r) = (article("fr", "fr", fr), article("en", "en", en));
        let rows = vec![AlignRow { left: 0..l.sentence_count(), right: 0..r.sentence_count(), score: 0.9, kind: RowKind::Match }];
        flag_rows(&l, &r, &Alignment { rows }).remove(0)
    }

    fn kinds(f: &[Flag]) -> Vec<FlagKind> {
        f.iter().map(|f| f.kind).collect()
    }

    #[test]
    fn a_faithful_translation_has_no_flag() {
        let f = flags(
            "Europol a identifié plus de 2.000 contenus en six langues lors d'une opération de 48 heures.",
            "Europol identified more than 2,000 items in 6 languages during a 48-hour operation.",
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_different_number_is_flagged_with_both_values() {
        let f = flags("La police a arrêté 12 personnes mercredi.", "Police arrested 15 people on Wednesday.");
        assert_eq!(kinds(&f), [FlagKind::Number]);
        assert_eq!(f[0].reason, "French says 12, English says 15");
    }

    #[test]
    fn spelled_numbers_and_percentages_match_digits() {
        assert!(flags("Le chômage a baissé de 5 % en deux ans.", "Unemployment fell by 5 percent in two years.").is_empty());
        assert!(flags("Vingt-cinq soldats sont partis.", "25 soldiers left.").is_empty());
        assert!(flags("Les deux hommes sont partis le quatrième jour.", "Both men left on the fourth day.").is_empty());
        // Approximations are rendered freely.
        assert!(flags("Il attendit deux ou trois minutes.", "He waited a minute or two.").is_empty());
        let f = flags("Trois soldats sont partis.", "Four soldiers left.");
        assert_eq!(f[0].reason, "French says 3, English says 4");
    }

    #[test]
    fn a_name_on_one_side_only_is_flagged() {
        let f = flags("Le ministre a rencontré Angela Merkel à Berlin.", "The minister met the chancellor in Berlin.");
        assert_eq!(kinds(&f), [FlagKind::Name]);
        assert_eq!(f[0].reason, "“Angela Merkel” only in French");
        // A spelling variant, a translated country and an English weekday are counterparts.
        assert!(flags("Les membres de Daech ont fui en Belgique mercredi.", "Members of Daesh fled to Belgium on Wednesday.").is_empty());
    }

    #[test]
    fn negation_on_one_side_only_is_flagged() {
        let f = flags("Le ministre n'a pas signé l'accord.", "The minister signed the agreement.");
        assert_eq!(kinds(&f), [FlagKind::Negation]);
        assert!(f[0].reason.starts_with("negated only in French"), "{}", f[0].reason);
        assert!(flags("Le ministre n'a jamais signé l'accord.", "The minister never signed the agreement.").is_empty());
        assert!(flags("Il a agi sans attendre.", "He acted without waiting.").is_empty());
        assert!(flags("Il n'a pas signé.", "He didn't sign.").is_empty());
        // Not negations: "sans doute", "non seulement", "plus que jamais", "ne … que".
        assert!(flags("Il viendra sans doute, plus que jamais décidé.", "He will probably come, more determined than ever.").is_empty());
        assert!(flags("Il ne signe que des accords courts.", "He only signs short agreements.").is_empty());
    }

    #[test]
    fn a_clause_on_one_side_only_is_flagged_once() {
        let f = flags(
            "La police a fermé le site internet mercredi.",
            "Police closed the website on Wednesday, adding that nobody knew whether the operators would simply move elsewhere soon.",
        );
        assert_eq!(kinds(&f), [FlagKind::Clause], "{f:?}");
        assert!(f[0].reason.starts_with("only in English: “adding that nobody knew"), "{}", f[0].reason);
        // A short aside is translation latitude, not a clause.
        assert!(flags("La police a fermé le site mercredi.", "Police closed the site on Wednesday, officials said.").is_empty());
    }

    #[test]
    fn one_sided_rows_name_their_run() {
        let l = article("fr", "fr", "Un. Deux.");
        let r = article("en", "en", "One. Two. Three.");
        let rows = vec![
            AlignRow { left: 0..1, right: 0..1, score: 0.9, kind: RowKind::Match },
            AlignRow { left: 1..2, right: 1..1, score: 0.9, kind: RowKind::LeftOnly },
            AlignRow { left: 2..2, right: 1..3, score: 0.9, kind: RowKind::RightOnly },
        ];
        let f = flag_rows(&l, &r, &Alignment { rows });
        assert_eq!(f[1], [Flag { kind: FlagKind::OneSided, reason: "only in French (sentence 2 has no English counterpart)".into() }]);
        assert_eq!(f[2][0].reason, "only in English (sentences 2–3 have no French counterpart)");
    }

    #[test]
    fn doubtful_rows_get_no_content_flag() {
        let (l, r) = (article("fr", "fr", "Il a 12 ans."), article("en", "en", "He is 15."));
        let rows = vec![AlignRow { left: 0..1, right: 0..1, score: 0.3, kind: RowKind::Match }];
        assert!(flag_rows(&l, &r, &Alignment { rows })[0].is_empty());
    }
}
