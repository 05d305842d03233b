//! Who said it: tokens of the text around quotes, speech cues, the noun phrase that
//! names the speaker, and the people, organisations and documents an article introduces
//! (so "he", "Wainwright", "le patron d'Europol" and "the report" can be resolved to the
//! fullest name the article gives).
//!
//! Everything here works on the article's *frame*: its text with every quotation replaced
//! by a placeholder token, so words inside quotes are never taken for cues or speakers.

use super::lexicon::{Gender, Lexicon, PronounKind, fold, fold_compact, leading_elision};
use super::rules_en::{described_by_place, english_cue_ok, is_particle_name, is_post_nominal, name_after_role, opening_inverted_cue};
use super::rules_fr::{FR_AUX, french_participle_subject, inversion, next_participle, pronoun_text};
use super::quote_marks::{MarkedSpan, is_space};
use crate::model::SpeakerKind;
use compact_str::CompactString;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Punct,
    /// A quotation (index into the spans), standing in for all its words.
    Quote(usize),
}

#[derive(Debug, Clone)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub text: CompactString,
    /// Folded (lower case, `'` apostrophe) form for lexicon lookups.
    pub low: CompactString,
    pub kind: TokKind,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn is_cap(&self) -> bool {
        self.is_word() && self.text.chars().next().is_some_and(char::is_uppercase)
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.text.starts_with(c)
    }
    pub fn is_lower_word(&self) -> bool {
        self.is_word() && self.text.chars().next().is_some_and(char::is_lowercase)
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '‑')
}

/// Tokens of `article.text[range]`, with each quotation that starts inside the range
/// replaced by one `Quote` token (clipped to the range).
pub fn tokenize(text: &str, range: std::ops::Range<usize>, spans: &[MarkedSpan]) -> Vec<Tok> {
    let mut toks = Vec::new();
    if text.get(range.clone()).is_none() {
        return toks;
    }
    let walk = Walk { text, end: range.end };
    // Quotes overlapping the range, as (from, to, index).
    // Spans are in document order and do not overlap: find the first that reaches the
    // range by bisection, so long articles with many quotes stay linear.
    let first = spans.partition_point(|s| s.close <= range.start);
    let quotes: Vec<(usize, usize, usize)> = spans[first..]
        .iter()
        .enumerate()
        .take_while(|(_, s)| s.open < range.end)
        .map(|(k, s)| (s.open.max(range.start), s.close.min(range.end), first + k))
        .collect();
    let mut qi = 0;
    let mut k = range.start;
    while let Some(c) = walk.at(k) {
        let pos = k;
        while qi < quotes.len() && quotes[qi].1 <= pos {
            qi += 1;
        }
        if let Some(&(from, to, idx)) = quotes.get(qi)
            && pos >= from {
                toks.push(Tok { start: from, end: to, text: CompactString::default(), low: CompactString::default(), kind: TokKind::Quote(idx) });
                while walk.at(k).is_some() && k < to {
                    k = walk.after(k);
                }
                qi += 1;
                continue;
            }
        if is_space(c) {
            k = walk.after(k);
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = walk.after(k);
            while let Some(cj) = walk.at(j) {
                let joined = is_joiner(cj) && walk.at(walk.after(j)).is_some_and(char::is_alphanumeric);
                if cj.is_alphanumeric() || joined {
                    j = if joined { walk.after(walk.after(j)) } else { walk.after(j) };
                } else {
                    break;
                }
            }
            // "Paul H. Chipok", "G.K. Butterfield": an initial keeps its full stop, so a
            // name runs on through it and the stop is not taken for a sentence end.
            if initial_stop_at(walk, k, j) {
                j = walk.after(j);
            }
            push_word(&mut toks, text, pos, j.min(range.end));
            k = j;
            continue;
        }
        if super::rules_en::is_plural_possessive(toks.last(), pos, c, walk.at(walk.after(k))) {
            toks.push(Tok { start: pos, end: pos + c.len_utf8(), text: c.to_string().into(), low: "'s".into(), kind: TokKind::Word });
        } else {
            toks.push(Tok { start: pos, end: pos + c.len_utf8(), text: c.to_string().into(), low: c.to_string().into(), kind: TokKind::Punct });
        }
        k = walk.after(k);
    }
    toks
}

/// The characters of `text[..end]` by byte position, as [`tokenize`] walks them (with
/// look-ahead): read from the text itself, not from a table of every character, which
/// took 16 bytes a character (130 MB for an 8 MiB paragraph).
#[derive(Clone, Copy)]
struct Walk<'a> {
    text: &'a str,
    end: usize,
}

impl Walk<'_> {
    /// The character at byte `pos` (a character boundary), if `pos` is before the end.
    fn at(&self, pos: usize) -> Option<char> {
        if pos < self.end { self.text[pos..].chars().next() } else { None }
    }

    /// The position of the character after the one at `pos`.
    fn after(&self, pos: usize) -> usize {
        pos + self.at(pos).map_or(1, char::len_utf8)
    }
}

/// Whether the word `text[k..j]` is a person's initial(s) ("H", "G.K") or a title ("Gov",
/// "Dr", "M") whose full stop at `j` belongs to it: single capital letters joined by stops
/// that are not a listed abbreviation ("U.S"), followed after a space by a capitalised word
/// that does not typically open a sentence ("Plan B. The …" still ends there); or a
/// capitalised abbreviation that never ends a sentence, followed by any capitalised word.
fn initial_stop_at(walk: Walk<'_>, k: usize, j: usize) -> bool {
    if walk.at(j) != Some('.') {
        return false;
    }
    let text = walk.text;
    let word = &text[k..j];
    let letters_only = word.split('.').all(|part| {
        let mut cs = part.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.next().is_none()
    });
    // "Gov. Jim Doyle", "Steven M. Ekovich", "M. Dupont": a capitalised abbreviation that
    // never ends a sentence keeps its stop before a capitalised word, like an initial.
    let title = super::sentences::abbreviation(word) == Some(false) && word.chars().next().is_some_and(char::is_uppercase);
    if !title && (!letters_only || super::sentences::abbreviation(word).is_some()) {
        return false;
    }
    let mut n = walk.after(j);
    if walk.at(n).is_none_or(|c| !is_space(c)) {
        return false;
    }
    while walk.at(n).is_some_and(is_space) {
        n = walk.after(n);
    }
    let Some(first) = walk.at(n) else { return false };
    let next_end = text[n..walk.end].char_indices().find(|&(_, c)| !c.is_alphanumeric()).map_or(text.len(), |(i, _)| n + i);
    first.is_uppercase() && (title || !super::sentences::is_sentence_starter(&text[n..next_end]))
}

/// Push a word, splitting French elisions (`l'Office` → `l'` `Office`) and English
/// possessives (`Europol's` → `Europol` `'s`).
fn push_word(toks: &mut Vec<Tok>, text: &str, start: usize, end: usize) {
    let Some(w) = text.get(start..end) else {
        return;
    };
    // (Folded once: the word's own token takes this form, speed2.)
    let low = fold_compact(w);
    if let Some(e) = leading_elision(&low) {
        // The elided article is ASCII letters plus one apostrophe (1 or 3 bytes).
        let cut = w.char_indices().nth(e.chars().count()).map_or(w.len(), |(i, _)| i);
        toks.push(word_tok(text, start, start + cut));
        push_word(toks, text, start + cut, end);
        return;
    }
    if low.len() > 2 && low.ends_with("'s") {
        let cut = w.len() - if w.ends_with("’s") { "’s".len() } else { 2 };
        toks.push(word_tok(text, start, start + cut));
        toks.push(word_tok(text, start + cut, end));
        return;
    }
    toks.push(Tok { start, end, low, text: w.into(), kind: TokKind::Word });
}

fn word_tok(text: &str, start: usize, end: usize) -> Tok {
    let t = text.get(start..end).unwrap_or("");
    Tok { start, end, low: fold_compact(t), text: t.into(), kind: TokKind::Word }
}

/// Whether a sentence ends after token `k` (a full stop, question or exclamation mark that
/// is not part of an abbreviation or initial, followed by a capital or a quote).
pub fn ends_sentence(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    if !(t.is_punct('.') || t.is_punct('!') || t.is_punct('?') || t.is_punct('…')) {
        return false;
    }
    if t.is_punct('.') && k > 0 {
        let prev = &toks[k - 1];
        let single_cap = prev.text.chars().count() == 1 && prev.is_cap();
        if prev.is_word() && prev.end == t.start {
            // After an abbreviation that can also end a sentence ("Inc.", "U.S."), only a
            // word that typically opens one ends it.
            let next_opens = toks.get(k + 1).is_some_and(|n| super::sentences::is_sentence_starter(&n.text));
            match super::sentences::abbreviation(&prev.text) {
                Some(true) if !next_opens => return false,
                Some(false) => return false,
                _ if single_cap => return false,
                _ => {}
            }
        }
    }
    match toks.get(k + 1) {
        None => true,
        // ("R-Ky., said", "(D-Pa.)": a stop before a comma or a closing bracket ends an
        // abbreviation, not the sentence.)
        Some(n) => n.is_cap() || matches!(n.kind, TokKind::Quote(_)) || n.kind == TokKind::Punct && !matches!(n.text.as_str(), "," | ";" | ")"),
    }
}

pub const DETERMINERS: [&str; 20] = [
    "the", "a", "an", "another", "this", "that", "its", "their", "le", "la", "l'", "les", "un", "une", "ce", "cette", "son",
    "sa", "leur", "des",
];
const INDEFINITE: [&str; 6] = ["a", "an", "another", "un", "une", "des"];
/// Words that link a noun to its complement of possession ("head of", "patron de").
pub(super) const GENITIVES: [&str; 5] = ["of", "de", "d'", "du", "des"];
/// Prepositions that link a role to its body or origin ("spokesman for", "analyst at").
const OF: [&str; 10] = ["of", "de", "d'", "du", "des", "from", "for", "at", "by", "par"];
/// Words that may stand between a subject and its verb ("Shea also said", "a également dit").
pub(super) const ADVERBS: [&str; 34] = [
    "also", "has", "have", "had", "then", "further", "later", "recently", "previously", "once", "again", "repeatedly",
    "already", "only", "even", "also", "également", "aussi", "encore", "ensuite", "enfin", "pourtant", "déjà", "notamment",
    "toutefois", "cependant", "néanmoins", "ainsi",
    // French clitics between subject and verb: "Il y décrit", "elle leur a dit".
    "y", "en", "lui", "leur", "se", "s'",
];
/// Verbs whose following noun phrase is the listener, never the speaker.
const ADDRESSEE_VERBS: [&str; 6] = ["told", "tell", "tells", "telling", "asked", "asks"];

pub(super) fn is_det(t: &Tok) -> bool {
    t.is_word() && DETERMINERS.contains(&t.low.as_str())
}

/// A speech cue found among tokens.
#[derive(Debug, Clone)]
pub struct Cue {
    pub first: usize,
    pub last: usize,
    /// As written: "said", "a expliqué", "a-t-il confié", "according to".
    pub text: String,
    /// "adding", "saying": the subject is the one of the cue before it.
    pub participle: bool,
    /// "according to", "selon": the speaker follows.
    pub preposition: bool,
    /// The subject pronoun inside the cue ("a-t-il dit" → "il").
    pub pronoun: Option<String>,
}

/// Every speech cue among `toks`, in order.
pub fn find_cues(toks: &[Tok]) -> Vec<Cue> {
    find_cues_from(toks, false)
}

/// Like [`find_cues`], for the words right after a quote (an inversion opening them is
/// a cue whatever its verb: `rules_fr::inversion_closes_a_quote`).
pub fn find_cues_after_quote(toks: &[Tok]) -> Vec<Cue> {
    find_cues_from(toks, true)
}

/// The cue text as written from token `a` to `b` ("a-t-il confié", "s'est félicitée"),
/// elisions rejoined. Split out of `find_cues_from` (issue 13).
fn written_cue_text(toks: &[Tok], a: usize, b: usize) -> String {
    toks[a..=b]
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
        .replace("' ", "'")
        .replace("’ ", "’")
}

/// The scan behind [`find_cues`] and [`find_cues_after_quote`]: at each token the readings
/// below are tried in order, and a cue found resumes the scan after its last token.
fn find_cues_from(toks: &[Tok], after_quote: bool) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].is_word() {
            if let Some(cue) = super::rules_en::signing_dash(toks, i).map(|last| signing_dash_cue(toks, i, last)) {
                i = cue.last;
                cues.push(cue);
            }
            i += 1;
            continue;
        }
        let cue = phrase_cue(toks, i)
            .or_else(|| inversion_cue(toks, i, after_quote))
            .or_else(|| compound_past_cue(toks, i))
            .or_else(|| pour_person_cue(toks, i))
            .or_else(|| comme_le_cue(toks, i));
        if let Some(cue) = cue {
            i = cue.last + 1;
            cues.push(cue);
            continue;
        }
        if let Some(cue) = single_word_cue(toks, i, after_quote) {
            cues.push(cue);
        }
        i += 1;
    }
    cues
}

/// A signing dash ("— Jane Doe") from `i` to `last` (rules_en::signing_dash): a cue whose
/// speaker follows. Split out of `find_cues_from` (issue 13).
fn signing_dash_cue(toks: &[Tok], i: usize, last: usize) -> Cue {
    let text = toks[i..=last].iter().map(|t| t.text.as_str()).collect();
    Cue { first: i, last, text, participle: false, preposition: true, pronoun: None }
}

/// A multi-word cue phrase opening at `i`: "according to", "pointed out", "mis en garde".
/// Split out of `find_cues_from` (issue 13).
fn phrase_cue(toks: &[Tok], i: usize) -> Option<Cue> {
    let lx = Lexicon::get();
    let t = &toks[i];
    // (Only where one may start: trying every phrase at every word was a fifth of
    // the time spent on quotes.)
    // (Only the phrases opening with this word, speed2: the lexicon groups them.)
    let (p, participle_phrase) = lx
        .phrases_from(t.low.as_str())
        .iter()
        .map(|(p, pp)| (p.as_slice(), *pp))
        .filter(|(p, _)| p.iter().enumerate().all(|(k, w)| toks.get(i + k).is_some_and(|t| t.is_word() && t.low == w)))
        // A participle phrase ("a fait valoir") needs its auxiliary; the same words
        // may also stand alone in the present ("fait valoir").
        .find(|(_, pp)| !pp || (i > 0 && FR_AUX.contains(&toks[i - 1].low.as_str())))?;
    let last = i + p.len() - 1;
    if participle_phrase && !(i > 0 && FR_AUX.contains(&toks[i - 1].low.as_str())) {
        return None;
    }
    let first = if participle_phrase { i - 1 } else { i };
    // ("À en croire le maire, « … »": French, the speaker follows too.)
    let preposition = matches!(p[0].as_str(), "according" | "d'" | "in") || p.len() == 3 && p[0] == "à" && p[1] == "en";
    Some(Cue {
        first,
        last,
        text: written_cue_text(toks, first, last),
        participle: p[0].ends_with("ing"),
        preposition,
        pronoun: None,
    })
}

/// French inversion at `i`: "a-t-il confié", "dit-elle", "précise-t-il" (after a quote,
/// any verb: `rules_fr::inversion_closes_a_quote`). Split out of `find_cues_from` (issue 13).
fn inversion_cue(toks: &[Tok], i: usize, after_quote: bool) -> Option<Cue> {
    let lx = Lexicon::get();
    let t = &toks[i];
    let (verb, _) = inversion(&t.low)?;
    let pron = Some(pronoun_text(&t.text));
    if FR_AUX.contains(&verb) {
        let k = next_participle(toks, i + 1)?;
        return Some(Cue { first: i, last: k, text: written_cue_text(toks, i, k), participle: false, preposition: false, pronoun: pron });
    }
    if lx.fr_cues.contains(verb) || lx.fr_participles.contains(verb) || lx.en_cues.contains(verb)
        || super::rules_fr::inversion_closes_a_quote(toks, i, after_quote)
    {
        // "s'interroge-t-elle": the reflexive pronoun belongs to the cue as written.
        let reflexive = i > 0 && matches!(toks[i - 1].low.as_str(), "s'" | "se");
        let text = if reflexive { written_cue_text(toks, i - 1, i) } else { t.text.to_string() };
        return Some(Cue { first: i, last: i, text, participle: false, preposition: false, pronoun: pron });
    }
    None
}

/// French compound past at `i`: "a expliqué", "a également déclaré", and reflexive verbs
/// with être: "s'est félicitée". Split out of `find_cues_from` (issue 13).
fn compound_past_cue(toks: &[Tok], i: usize) -> Option<Cue> {
    let t = &toks[i];
    let reflexive = matches!(t.low.as_str(), "est" | "sont" | "était" | "étaient")
        && i > 0
        && matches!(toks[i - 1].low.as_str(), "s'" | "se");
    if !(FR_AUX.contains(&t.low.as_str()) || reflexive) {
        return None;
    }
    let k = next_participle(toks, i + 1)?;
    let first = if reflexive { i - 1 } else { i };
    Some(Cue { first, last: k, text: written_cue_text(toks, first, k), participle: false, preposition: false, pronoun: None })
}

/// "Pour l'avocat de la défense, Me X, son client « … »": at the start of a sentence,
/// "pour" + a person + comma attributes what follows. Split out of `find_cues_from`
/// (issue 13).
fn pour_person_cue(toks: &[Tok], i: usize) -> Option<Cue> {
    let t = &toks[i];
    if !(t.low == "pour" && (i == 0 || toks[i - 1].kind != TokKind::Word)) {
        return None;
    }
    let np = np_forward(toks, i + 1, toks.len())?;
    // (A body too: "Pour la principale association du secteur, l'April : « … »".)
    let person = matches!(
        np.kind,
        NpKind::Name(_)
            | NpKind::Role { kind: SpeakerKind::Person | SpeakerKind::Organisation, .. }
            | NpKind::Pronoun(PronounKind::Person, _)
    );
    // (A complement we did not follow may still run to the comma: "de défense
    // du logiciel libre,".)
    let tail = toks[np.last + 1..].iter().take(12).position(|n| !n.is_lower_word()).map(|p| np.last + 1 + p);
    let closes = tail.is_some_and(|k| toks[k].is_punct(','));
    (person && closes).then(|| Cue { first: i, last: i, text: t.text.to_string(), participle: false, preposition: true, pronoun: None })
}

/// "Comme le rappelle Maryse Burgot, …": after "comme", "le"/"l'" is the object pronoun of
/// a verb whose subject follows; the phrase attributes like "selon". Split out of
/// `find_cues_from` (issue 13).
fn comme_le_cue(toks: &[Tok], i: usize) -> Option<Cue> {
    let lx = Lexicon::get();
    let t = &toks[i];
    let comme_le = i >= 2 && matches!(toks[i - 1].low.as_str(), "le" | "l'") && toks[i - 2].low == "comme";
    (comme_le && !t.is_cap() && (lx.fr_cues.contains(t.low.as_str()) || lx.fr_participles.contains(t.low.as_str())))
        .then(|| Cue { first: i, last: i, text: t.text.to_string(), participle: false, preposition: true, pronoun: None })
}

/// A one-word cue at `i` ("said", "déclare", "selon", an inverted "Says" opening a
/// sentence), read when no longer reading took the word. Split out of `find_cues_from`
/// (issue 13).
fn single_word_cue(toks: &[Tok], i: usize, after_quote: bool) -> Option<Cue> {
    let lx = Lexicon::get();
    let t = &toks[i];
    // ("another wrote": "another" alone is a person, rules_en::another_alone.)
    let prev_is_det = i > 0 && is_det(&toks[i - 1]) && toks[i - 1].low != "another";
    // A capitalised "State" or "Says" mid-text is a name, not a verb; only "Selon"
    // opens a sentence as a cue.
    // "Estimant que « … », il vota": a French participle cue may open the sentence too.
    let opening_participle = t.low.ends_with("ant") && (i == 0 || toks[i - 1].kind != TokKind::Word);
    if t.is_cap() && t.low != "selon" && !opening_participle {
        return opening_inverted_cue(toks, i)
            .then(|| Cue { first: i, last: i, text: t.text.to_string(), participle: false, preposition: false, pronoun: None });
    }
    if lx.fr_cues.contains(t.low.as_str()) && !prev_is_det {
        Some(Cue {
            first: i,
            last: i,
            text: t.text.to_string(),
            // "ajoutant", "précisant": the subject is the one of the cue before.
            participle: t.low.ends_with("ant"),
            preposition: t.low == "selon",
            pronoun: None,
        })
    } else if lx.en_cues.contains(t.low.as_str()) && !prev_is_det && english_cue_ok(toks, i, after_quote) {
        Some(Cue {
            first: i,
            last: i,
            text: t.text.to_string(),
            participle: t.low.ends_with("ing"),
            preposition: false,
            pronoun: None,
        })
    } else {
        None
    }
}

/// What kind of noun phrase names a speaker.
#[derive(Debug, Clone, PartialEq)]
pub enum NpKind {
    /// A proper name, as written ("Rob Wainwright", "Europol").
    Name(Vec<String>),
    Pronoun(PronounKind, Gender),
    /// A role noun with its qualifiers ("the NATO official" → official, [nato]).
    Role { kind: SpeakerKind, head: String, definite: bool },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Np {
    pub first: usize,
    pub last: usize,
    pub kind: NpKind,
    /// Folded content words that qualify the phrase (affiliation, role words).
    pub quals: Vec<String>,
    pub gender: Gender,
    pub start: usize,
    pub end: usize,
}

impl Np {
    pub fn written<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The phrase of the one token at `k` ("Twitter", "audio"), of `kind`.
    pub fn of_token(toks: &[Tok], k: usize, kind: NpKind) -> Np {
        let t = &toks[k];
        Np { first: k, last: k, kind, quals: Vec::new(), gender: Gender::Unknown, start: t.start, end: t.end }
    }
}

fn title_len(toks: &[Tok], i: usize) -> Option<(Gender, usize)> {
    let lx = Lexicon::get();
    let t = toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    let dotted = toks.get(i + 1).is_some_and(|n| n.is_punct('.') && n.start == t.end);
    if dotted
        && let Some(g) = lx.title(&format!("{}.", t.text)) {
            return Some((g, 2));
        }
    lx.title(&t.text).map(|g| (g, if dotted { 2 } else { 1 }))
}

/// An all-capitals word of two letters or more ("NATO", "AFP", "UN").
pub fn is_acronym(t: &Tok) -> bool {
    // Initials keep their stop ("G.K."), acronyms do not ("U.S" "." is two tokens).
    t.is_word()
        && !t.text.ends_with('.')
        && t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && t.text.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

pub(super) fn is_name_word(t: &Tok) -> bool {
    t.is_cap() && !Lexicon::get().is_function_word(&t.low)
}

/// Months and days, which a number after them makes a date, not a name.
const CALENDAR: [&str; 33] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "article", "page",
];

/// A month or a day of the week ("said on Tuesday").
pub fn is_calendar_word(t: &Tok) -> bool {
    t.is_word() && CALENDAR[..CALENDAR.len() - 2].contains(&t.low.as_str())
}

/// "Europe 1", "France 24": a one- or two-digit number closing a name at the end of a
/// phrase (before punctuation) is part of it (a broadcaster's name), not a date.
pub fn number_ends_name(toks: &[Tok], r: usize) -> bool {
    let Some(n) = toks.get(r) else { return false };
    r > 0
        && toks[r - 1].is_cap()
        && !CALENDAR.contains(&toks[r - 1].low.as_str())
        && n.start > toks[r - 1].end
        && (1..=2).contains(&n.text.len())
        && n.text.chars().all(|c| c.is_ascii_digit())
        && toks.get(r + 1).is_none_or(|t| t.kind == TokKind::Punct && t.text != "%")
}

fn cap_run(toks: &[Tok], i: usize, end: usize) -> usize {
    let k = super::rules_fr::institution_name_end(toks, i, name_run_end(toks, i, end, RunJoins::Phrase), end);
    if k < end && number_ends_name(toks, k) { k + 1 } else { k }
}

/// What may join two capitalised words of one name besides a capital.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunJoins {
    /// A speaker phrase read at a cue: any name connector before a capital ("Charles de
    /// Gaulle", "Abu Bakr al Baghdadi").
    Phrase,
    /// A mention collected for the registry: a body's name joined by its preposition
    /// ("Ministry of Defence") and people's particles, but not French "de" (too often a
    /// place or a body after a person's name).
    Mention,
}

/// The one parser of capitalised names (speaker phrases and the registry's mentions
/// alike): the index after the capitalised run starting at `i`, before `end`. Names may
/// hold particles ("al-Ansi", "van"), run on through a listed abbreviation's stop ("U.S.
/// Navy") and end in a generational suffix ("Jr.").
pub fn name_run_end(toks: &[Tok], i: usize, end: usize, joins: RunJoins) -> usize {
    let lx = Lexicon::get();
    let end = end.min(toks.len());
    let mut k = i;
    while k < end {
        let t = &toks[k];
        if t.is_cap() {
            // "à l'AFP Claire Moreau", "NATO Deputy…": an acronym never begins a longer name.
            // ("SUD Éducation", "SNCF Réseau": but a body's acronym with its one noun is
            // one name, rules_fr::acronym_with_its_noun.)
            if k > i && (is_acronym(&toks[k - 1]) && !is_acronym(t) && !super::rules_fr::acronym_with_its_noun(toks, i, k, end) || is_post_nominal(t)) {
                break;
            }
            k += 1;
            continue;
        }
        if k == i {
            break;
        }
        let next_cap = k + 1 < end && toks[k + 1].is_cap();
        let joined = is_particle_name(t)
            || in_particle_pair(toks, k, end)
            || super::rules_en::abbreviation_runs_on(toks, k, end)
            || super::rules_en::is_nickname(toks, k, end)
            || super::rules_en::and_joins_a_body(toks, k, end)
            || match joins {
                RunJoins::Phrase => t.is_word() && CONNECTORS.contains(&t.low.as_str()) && next_cap,
                RunJoins::Mention => {
                    // "Department for Education", "Ministry of Defence".
                    let body = lx.is_org_word(&toks[k - 1].low)
                        && matches!(t.low.as_str(), "for" | "of" | "de" | "du" | "des" | "d'")
                        && next_cap
                        && !lx.is_function_word(&toks[k + 1].low);
                    // "David van Weel", "Osama bin Laden".
                    let particle = t.is_lower_word() && NAME_PARTICLES.contains(&t.low.as_str()) && next_cap && !lx.is_org_word(&toks[k + 1].low);
                    body || particle
                }
            };
        if !joined {
            break;
        }
        k += 1;
    }
    if k > i && k < end && super::rules_en::is_generational_suffix(&toks[k]) {
        k += 1;
    }
    k
}

/// The words of the name `toks[a..b]` as written: a stop glued to an abbreviation, an
/// initial or a suffix stays with it ("U.S.", "Yanis B.", "Jr."), other punctuation goes.
pub fn name_words(toks: &[Tok], a: usize, b: usize) -> Vec<String> {
    let mut words: Vec<String> = Vec::with_capacity(b.saturating_sub(a));
    let run = toks.get(a..b.min(toks.len())).unwrap_or_default();
    for t in run {
        if t.is_word() {
            words.push(t.text.to_string());
        }
    }
    // The stop after the last word (outside the run) belongs to it when it is an initial
    // of a longer name or a listed abbreviation.
    let last = b.checked_sub(1).filter(|&l| l >= a && toks[l].is_word());
    if let Some(l) = last
        && let Some(w) = words.last_mut()
        && toks.get(b).is_some_and(|t| t.is_punct('.') && t.start == toks[l].end)
        && (w.chars().count() == 1 && words_before_last(toks, a, l) || super::rules_en::keeps_stop(w))
    {
        w.push('.');
    }
    // Inside the run, a stop is glued to the word before it.
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut w = 0;
    for t in run {
        if t.is_word() {
            out.push(std::mem::take(&mut words[w]));
            w += 1;
        } else if t.is_punct('.')
            && let Some(prev) = out.last_mut()
        {
            prev.push('.');
        }
    }
    out
}

fn words_before_last(toks: &[Tok], a: usize, l: usize) -> bool {
    toks[a..l].iter().any(Tok::is_word)
}

/// Particles inside people's names, lower case between capitals ("Charles de Gaulle").
const CONNECTORS: [&str; 12] = ["de", "du", "van", "von", "der", "den", "al", "el", "bin", "ibn", "da", "di"];

/// fr-people: whether `toks[k]` is one of two lower-case particles before the capitalised
/// rest of a name ("Ursula von der Leyen", "Joost van der Meer", "Pieter van den Berg"):
/// a single particle joins only before a capital, so the pair would cut the name at its
/// first name. Only Dutch and German pairs: "de la" also opens a place after a name.
fn in_particle_pair(toks: &[Tok], k: usize, end: usize) -> bool {
    let pair = |a: usize| {
        a + 2 < end.min(toks.len())
            && matches!(toks[a].text.as_str(), "van" | "von")
            && matches!(toks[a + 1].text.as_str(), "der" | "den" | "de" | "ter" | "ten")
            && toks[a + 2].is_cap()
    };
    pair(k) || k > 0 && pair(k - 1)
}

/// Lower-case particles inside people's names in the registry's mentions (not French "de").
const NAME_PARTICLES: [&str; 9] = ["van", "von", "der", "den", "ter", "bin", "ibn", "al", "el"];

pub(super) fn content_words(toks: &[Tok]) -> Vec<String> {
    content_words_except(toks, &OF)
}

/// The folded words of `toks` that carry content: no function word, none of `links`.
pub(super) fn content_words_except(toks: &[Tok], links: &[&str]) -> Vec<String> {
    let lx = Lexicon::get();
    // An acronym is never a function word, even when it folds to one ("UN" → "un").
    toks.iter()
        .filter(|t| t.is_word() && (is_acronym(t) || !lx.is_function_word(&t.low) && !links.contains(&t.low.as_str())))
        .map(|t| t.low.to_string())
        .collect()
}

/// The noun phrase starting at token `i` (before `end`), if one does.
pub fn np_forward(toks: &[Tok], i: usize, end: usize) -> Option<Np> {
    let lx = Lexicon::get();
    let end = end.min(toks.len());
    let t = toks.get(i).filter(|_| i < end)?;
    if !t.is_word() {
        return None;
    }
    // "lui" is an object pronoun, except set off by a comma ("Pour lui, …") or opening a
    // sentence as the stressed subject ("Lui promet de rester : « … »"): an object "lui"
    // always follows its subject, so it is never capitalised.
    if let Some((pk, g)) = lx.pronoun(&t.low)
        && (t.low != "lui" || t.is_cap() || toks.get(i + 1).is_some_and(|n| n.is_punct(',')))
    {
        return Some(make_np(toks, i, i, NpKind::Pronoun(pk, g), Vec::new(), g));
    }
    // "one Trump confidant", "one senior Democrat": "one" opens an indefinite description
    // when a role noun follows (else it is a number or a pronoun, and reads on below).
    if let Some(np) = super::rules_en::one_of_a_group(toks, i, end)
        .or_else(|| super::rules_en::another_alone(toks, i, end))
        .or_else(|| super::rules_en::counted_group(toks, i, end)) {
        return Some(np);
    }
    let counted = t.low == "one";
    if is_det(t) || counted {
        let definite = !INDEFINITE.contains(&t.low.as_str()) && !counted;
        if let Some(np) = role_after_determiner(toks, i, end, definite) {
            return Some(np);
        }
        if !counted {
            return name_after_determiner(toks, i, end, definite);
        }
    }
    // "Mais le premier ministre", "Puis, la ministre": a capitalised opener (conjunction,
    // sentence adverb) is never part of the subject after it.
    if t.is_cap() && lx.is_function_word(&t.low) && title_len(toks, i).is_none() {
        let next = if toks.get(i + 1).is_some_and(|n| n.is_punct(',')) { i + 2 } else { i + 1 };
        if toks.get(next).is_some_and(|n| n.is_lower_word() && is_det(n)) {
            return np_forward(toks, next, end);
        }
    }
    capitalised_phrase(toks, i, end)
}

/// The noun phrase of tokens `first` to `last`.
fn make_np(toks: &[Tok], first: usize, last: usize, kind: NpKind, quals: Vec<String>, gender: Gender) -> Np {
    Np {
        first,
        last,
        kind,
        quals,
        gender,
        start: toks[first].start,
        end: toks[last].end,
    }
}

/// The phrase a role noun heads within the words after the determiner at `i`; none when
/// a verb or a clause word ends the phrase first.
fn role_after_determiner(toks: &[Tok], i: usize, end: usize, definite: bool) -> Option<Np> {
    let lx = Lexicon::get();
    let t = &toks[i];
    let mut k = i + 1;
    while k < end && k <= i + 6 && toks[k].is_word() {
        let w = toks[k].low.as_str();
        let role = lx.role(w).or_else(|| if toks[k].is_lower_word() { lx.profession(w) } else { None });
        let role = role.or_else(|| (!definite && super::rules_en::is_party_member(toks, k, end)).then_some(SpeakerKind::Person));
        let role = role.or_else(|| (k == i + 1 && super::rules_en::is_definite_party_member(toks, k, end)).then_some(SpeakerKind::Person));
        // (French: an agent noun right after its article, "le technicien", "la skieuse".)
        let role = role.or_else(|| (k == i + 1 && toks[k].is_lower_word() && super::rules_fr::agent_noun(&t.low, w)).then_some(SpeakerKind::Person));
        // Modifiers only: a verb or a clause word means the phrase has ended.
        // ("a State Department official": a capitalised "State" is part of a name.)
        let verb = toks[k].is_lower_word()
            && (lx.en_cues.contains(w) || lx.fr_cues.contains(w) || matches!(w, "that" | "que" | "qui" | "who" | "which") || DETERMINERS.contains(&w));
        if verb && role.is_none() {
            break;
        }
        // "the committee's report": the head comes after the possessive.
        if role.is_some() && toks.get(k + 1).is_some_and(|n| n.low == "'s") {
            k += 2;
            continue;
        }
        if let Some(kind) = role {
            return Some(role_phrase(toks, i, k, end, kind, definite));
        }
        k += 1;
    }
    None
}

/// The phrase the role noun at `k` (of kind `kind`) heads after the determiner at `i`: a
/// body's name, the name of the person it introduces, or the role with its qualifiers.
fn role_phrase(toks: &[Tok], i: usize, mut k: usize, end: usize, mut kind: SpeakerKind, definite: bool) -> Np {
    let lx = Lexicon::get();
    // Noun compounds end at their last role noun: "Security Institute report",
    // "the agency director".
    while k + 1 < end && toks[k + 1].is_word() {
        match lx.role(&toks[k + 1].low) {
            Some(next) => {
                kind = next;
                k += 1;
            }
            None => break,
        }
    }
    if let Some(np) = body_named_with_role_noun(toks, i, k, end, kind) {
        return np;
    }
    // "the head of the agency": keep going to the last role noun of the chain
    // ("Le député (LR) de la Manche X": past a party's acronym in brackets,
    // rules_fr::party_label_after.)
    // (fr-roles: or past the acronym of the role's organisation, "le délégué CGT":
    // people_fr::org_acronym_after_role.)
    let ka = if kind == SpeakerKind::Person {
        super::rules_fr::party_label_after(toks, k, end).or_else(|| super::people_fr::org_acronym_after_role(toks, k, end)).unwrap_or(k)
    } else {
        k
    };
    let mut last = ka;
    let mut quals = content_words(&toks[i + 1..k]);
    if let Some((l, q)) = complement(toks, ka + 1, end) {
        last = l;
        quals.extend(q);
    }
    let head = toks[k].low.clone();
    if kind == SpeakerKind::Person
        && let Some(name) = name_after_person_role(toks, ka, last, end, &quals, &head)
    {
        return name;
    }
    // "la policière", "une avocate": a French feminine article tells the
    // person's gender; so does a masculine one ("le ministre" beside "la
    // ministre": rules_fr::article_gender).
    // (fr-pron: after "l'", an adjective or the noun's own form tells it:
    // "l'ancien ministre", "l'élu": rules_fr::role_phrase_gender.)
    let gender = if kind == SpeakerKind::Person { super::rules_fr::role_phrase_gender(toks, i, k) } else { Gender::Unknown };
    make_np(toks, i, last, NpKind::Role { kind, head: head.to_string(), definite }, quals, gender)
}

/// A body's name read from the determiner at `i` to the role noun at `k` (of a kind
/// other than a person), or past it.
fn body_named_with_role_noun(toks: &[Tok], i: usize, k: usize, end: usize, kind: SpeakerKind) -> Option<Np> {
    // "the Department for Education", "the Ministry of Defence": a capitalised body
    // named with its complement is a name.
    if kind != SpeakerKind::Person
        && toks[k].is_cap()
        && let Some((l, _)) = complement(toks, k + 1, end)
        && toks[l].is_cap()
    {
        let words = toks[i + 1..=l].iter().map(|t| t.text.to_string()).collect();
        return Some(make_np(toks, i, l, NpKind::Name(words), Vec::new(), Gender::Unknown));
    }
    // "The Home Office", "the European Commission": a capitalised name that ends
    // in a role noun is a name, not a description.
    if kind != SpeakerKind::Person && k > i + 1 && toks[i + 1..=k].iter().all(Tok::is_cap) {
        let r = cap_run(toks, i + 1, end);
        let words = name_words(toks, i + 1, r);
        return Some(make_np(toks, i, r - 1, NpKind::Name(words), Vec::new(), Gender::Unknown));
    }
    // "the European Digital Rights network", "la Ligue des droits de l'homme
    // association": capitalised words before a lower-case body noun are the
    // body's name; the noun stays as a qualifier to tell its kind.
    if kind == SpeakerKind::Organisation
        && k >= i + 3
        && toks[k].is_lower_word()
        && toks[i + 1..k].iter().all(Tok::is_cap)
    {
        let words = toks[i + 1..k].iter().map(|t| t.text.to_string()).collect();
        return Some(make_np(toks, i, k, NpKind::Name(words), vec![toks[k].low.to_string()], Gender::Unknown));
    }
    None
}

/// The name of the person a role phrase introduces (the role noun or its party label at
/// `ka`, its complement to `last`), qualified by the phrase's `quals` and its `head`.
fn name_after_person_role(toks: &[Tok], ka: usize, last: usize, end: usize, quals: &[String], head: &str) -> Option<Np> {
    // "le ministre de l'intérieur Gérard Collomb": the role's body, then the name.
    // (Not after a principal: "a spokesman for House Speaker Paul Ryan" is not Ryan.)
    if last > ka
        && !super::rules_en::opens_principal(&toks[ka + 1])
        && last + 1 < end
        && toks.get(last + 1).is_some_and(|t| is_name_word(t) && Lexicon::get().first_names.contains_key(t.text.as_str()))
        && let Some(mut name) = np_forward(toks, last + 1, end)
        && matches!(&name.kind, NpKind::Name(w) if w.len() >= 2)
    {
        name.quals.extend(quals.iter().cloned());
        name.quals.push(head.to_string());
        return Some(name);
    }
    // "Le député de la Manche Bertrand Lecoq": a first name we do not know, the
    // two capitalised words closing the complement's run (rules_fr).
    if last > ka
        && let Some(f) = super::rules_fr::name_closing_a_role_complement(toks, ka, last)
        && let Some(mut name) = np_forward(toks, f, last + 1).filter(|n| n.last == last && matches!(&n.kind, NpKind::Name(w) if w.len() == 2))
    {
        name.quals.extend(content_words(&toks[ka + 1..f]));
        name.quals.push(head.to_string());
        return Some(name);
    }
    // "la députée Léa Vasseur", "the senator John Doe": the name is the speaker.
    if last == ka && toks.get(ka + 1).is_some_and(is_name_word) && ka + 1 < end
        && let Some(mut name) = np_forward(toks, ka + 1, end)
            && matches!(name.kind, NpKind::Name(_)) {
                name.quals.extend(quals.iter().cloned());
                name.quals.push(head.to_string());
                return Some(name);
            }
    None
}

/// "the Counter Extremism Project": a name behind the article at `i`.
fn name_after_determiner(toks: &[Tok], i: usize, end: usize, definite: bool) -> Option<Np> {
    if toks.get(i + 1).is_some_and(Tok::is_cap) {
        let r = cap_run(toks, i + 1, end);
        let words = name_words(toks, i + 1, r);
        if never_speaker(&words) {
            return described_by_place(toks, i, r, end, definite);
        }
        return Some(make_np(toks, i, r - 1, NpKind::Name(words), Vec::new(), Gender::Unknown));
    }
    None
}

/// The phrase of capitalised words at `i` (after a title and initials): a name with the
/// role words and complement that qualify it, or a role.
fn capitalised_phrase(toks: &[Tok], i: usize, end: usize) -> Option<Np> {
    let lx = Lexicon::get();
    let (gender, skip) = title_len(toks, i).unwrap_or((Gender::Unknown, 0));
    let s = after_initials(toks, i + skip, end);
    if !toks.get(s).is_some_and(Tok::is_cap) || s >= end || super::rules_en::is_opening_participle(toks, s) {
        return None;
    }
    let r = cap_run(toks, s, end);
    if skip == 0
        && r == s + 1
        && (s == 0 || !toks[s - 1].is_word())
        && let Some(np) = sentence_opening_word(toks, i, s, end)
    {
        return Some(np);
    }
    // Leading sentence words ("However Wainwright") are not part of the name.
    let mut s2 = s;
    while s2 < r && !is_name_word(&toks[s2]) && skip == 0 {
        s2 += 1;
    }
    if s2 == r {
        return None;
    }
    let last_role = last_role_word(toks, s2, r);
    if let Some(k) = last_role
        && let Some(np) = titled_body(toks, i, s2..r, k, end, gender)
    {
        return Some(np);
    }
    let (mut name_from, mut quals) = match last_role {
        Some(k) => (k + 1, content_words(&toks[s2..=k])),
        None => (s2, Vec::new()),
    };
    // "Security Mike Burgess": a known first name starts the name; words before it are
    // the tail of a title.
    if let Some(f) = (name_from + 1..r.saturating_sub(1)).find(|&k| {
        lx.first_names.contains_key(toks[k].text.as_str()) && !lx.first_names.contains_key(toks[k - 1].text.as_str())
    }) {
        quals.extend(content_words(&toks[name_from..f]));
        name_from = f;
    }
    // "Jonathan Hall KC": post-nominal letters end the phrase, not the name.
    let mut after = r;
    while after < end && is_post_nominal(&toks[after]) {
        after += 1;
    }
    let mut last = after - 1;
    if let Some((l, q)) = complement(toks, after, end) {
        last = l;
        quals.extend(q);
    }
    if name_from >= r {
        let k = last_role?;
        let kind = lx.role(&toks[k].low)?;
        return Some(make_np(toks, i, last, NpKind::Role { kind, head: toks[k].low.to_string(), definite: true }, quals, gender));
    }
    if let Some(np) = role_after_possessor(toks, i, s2..r, end, gender) {
        return Some(np);
    }
    if skip == 0 && let Some(name) = name_after_role(toks, i, r, end).or_else(|| super::rules_en::name_after_capitalised_title(toks, i, r, end)) {
        return Some(name);
    }
    name_of_run(toks, i, name_from..r, last, quals, (gender, skip))
}

/// One capitalised word at `s` opening the sentence, before a lower-case description.
fn sentence_opening_word(toks: &[Tok], i: usize, s: usize, end: usize) -> Option<Np> {
    let r = s + 1;
    // "Former secretary of state Hillary Rodham Clinton:": one capitalised word opening
    // the sentence before a lower-case description and a name that closes the phrase.
    if super::rules_en::is_title_modifier(&toks[s])
        && let Some(np) = description_before_name(toks, s, end)
    {
        return Some(np);
    }
    // "Partial transcript as follows:", "Full statement:": a capitalised word opening the
    // sentence before a document noun qualifies the document.
    if r < end && toks[r].is_lower_word() && Lexicon::get().role(&toks[r].low) == Some(SpeakerKind::Document) {
        let kind = NpKind::Role { kind: SpeakerKind::Document, head: toks[r].low.to_string(), definite: false };
        return Some(make_np(toks, i, r, kind, content_words(&toks[s..r]), Gender::Unknown));
    }
    None
}

/// The last role word inside the capitalised run `s2..r`: "Europol Director Rob Wainwright".
/// (A title inside the run ends its qualifiers too: "former Wisconsin Gov. Jim Doyle".)
/// ("SNCF Réseau": a body's noun closing a name an acronym opens is part of that name.)
fn last_role_word(toks: &[Tok], s2: usize, r: usize) -> Option<usize> {
    let lx = Lexicon::get();
    (s2..r).rev().find(|&k| {
        (lx.role(&toks[k].low).is_some() || toks[k].text.len() > 2 && lx.title(&toks[k].text).is_some())
            && !super::rules_en::is_surname_role_word(toks, k, r)
            && !(k > s2 && is_acronym(&toks[k - 1]) && super::rules_fr::acronym_with_its_noun(toks, k - 1, k, r))
    })
}

/// "PDG de Vélaris France", "Président de la République": a capitalised title (at `k`,
/// in the run `run`) with the body it heads, and no name after it, is a role.
fn titled_body(toks: &[Tok], i: usize, run: std::ops::Range<usize>, k: usize, end: usize, gender: Gender) -> Option<Np> {
    let lx = Lexicon::get();
    let (s2, r) = (run.start, run.end);
    if toks.get(k + 1).is_some_and(|t| k + 1 < r && t.is_lower_word() && matches!(t.low.as_str(), "de" | "du" | "des"))
        && !(k + 2..r).any(|m| lx.first_names.contains_key(toks[m].text.as_str()))
        && let Some(kind) = lx.role(&toks[k].low)
    {
        let mut last = r - 1;
        let mut quals = content_words(&toks[s2..r]);
        if let Some((l, q)) = complement(toks, r, end) {
            last = l;
            quals.extend(q);
        }
        return Some(make_np(toks, i, last, NpKind::Role { kind, head: toks[k].low.to_string(), definite: true }, quals, gender));
    }
    None
}

/// "Iran's foreign ministry", "Meta's head of security policy": a possessor (the run
/// `run`) before a role noun is a qualifier of that role.
fn role_after_possessor(toks: &[Tok], i: usize, run: std::ops::Range<usize>, end: usize, gender: Gender) -> Option<Np> {
    let lx = Lexicon::get();
    let (s2, r) = (run.start, run.end);
    if toks.get(r).is_some_and(|t| t.low == "'s") {
        let mut k = r + 1;
        while k < end && k <= r + 4 && toks[k].is_word() {
            // ("Obama's former campaign strategist": a profession is a role too.)
            let role = lx.role(&toks[k].low).or_else(|| if toks[k].is_lower_word() { lx.profession(&toks[k].low) } else { None });
            if let Some(mut kind) = role {
                // "Amnesty's secretary general": a compound of role nouns ends at its last.
                let mut k = k;
                while k + 1 < end && toks[k + 1].is_lower_word() && let Some(next) = lx.role(&toks[k + 1].low) {
                    k += 1;
                    kind = next;
                }
                // "London's Metropolitan Police": a capitalised body after the possessor is
                // that body's name.
                if kind == SpeakerKind::Organisation && toks[r + 1..=k].iter().all(Tok::is_cap) {
                    let words = toks[r + 1..=k].iter().map(|t| t.text.to_string()).collect();
                    let mut np = make_np(toks, r + 1, k, NpKind::Name(words), content_words(&toks[s2..r]), Gender::Unknown);
                    np.first = i;
                    return Some(np);
                }
                let mut q = content_words(&toks[s2..r]);
                q.extend(content_words(&toks[r + 1..k]));
                let mut last = k;
                if let Some((l, more)) = complement(toks, k + 1, end) {
                    last = l;
                    q.extend(more);
                }
                let head = toks[k].low.clone();
                return Some(make_np(toks, i, last, NpKind::Role { kind, head: head.to_string(), definite: true }, q, gender));
            }
            k += 1;
        }
    }
    None
}

/// The name of the words `name` (to `last`, its complement included), after the title
/// of `skip` words and `gender` at `i`; none when the words are not a name.
fn name_of_run(toks: &[Tok], i: usize, name: std::ops::Range<usize>, last: usize, quals: Vec<String>, (gender, skip): (Gender, usize)) -> Option<Np> {
    let (name_from, r) = (name.start, name.end);
    // "Yanis B.", "Comey Jr.": a surname cut to its initial, a suffix, keep their stop.
    let words = name_words(toks, name_from, r);
    // (A place stays a name here: "de la France" may head the phrase it closes.)
    if Lexicon::get().is_not_a_name(&words.iter().map(|w| fold(w)).collect::<Vec<_>>()) {
        return None;
    }
    if words.len() == 1 && super::rules_fr::participle_opening_sentence(toks, name_from) {
        return None;
    }
    // (fr-names: "Réponse du maire :" is a noun and its complement, sentences::noun_with_complement_opening.)
    if words.len() == 1 && super::sentences::noun_with_complement_opening(toks, name_from) {
        return None;
    }
    // ("Joseph R. Biden Jr.": as written with the stop the name keeps.)
    let stop_kept = words.last().is_some_and(|w| w.ends_with('.')) && toks.get(r).is_some_and(|t| t.is_punct('.') && t.start == toks[r - 1].end);
    let mut np = make_np(toks, i, last, NpKind::Name(words), quals, gender);
    np.start = toks[if skip > 0 { i } else { name_from }].start;
    np.end = if stop_kept { toks[r].end } else { toks[r - 1].end };
    Some(np)
}

/// A name that can never be who speaks ("Tuesday", "Iowa", "R-Ky."): see
/// [`Lexicon::is_never_speaker`].
pub fn never_speaker(words: &[String]) -> bool {
    let low: Vec<String> = words.iter().map(|w| fold(w)).collect();
    Lexicon::get().is_never_speaker(&low)
}

/// "V. Sapounov", "J. K. Rowling": initials before a surname are skipped, so the name is
/// the surname the article gave in full before ("Valentine Sapounov"), never "V".
fn after_initials(toks: &[Tok], mut s: usize, end: usize) -> usize {
    let initial = |t: &Tok| t.is_cap() && t.text.chars().count() == 1;
    // The tokenizer keeps an initial's stop inside the word ("V.", "J.K.") when a name
    // follows; a lone capital and its stop may also come as two tokens.
    let initial_with_stop = |t: &Tok| {
        t.is_cap() && t.text.ends_with('.') && t.text.split('.').all(|part| part.chars().count() <= 1)
    };
    loop {
        if s + 1 < end && initial_with_stop(&toks[s]) && toks[s + 1].is_cap() {
            s += 1;
        } else if s + 2 < end
            && initial(&toks[s])
            && toks[s + 1].is_punct('.')
            && toks[s + 1].start == toks[s].end
            && toks[s + 2].is_cap()
        {
            s += 2;
        } else {
            return s;
        }
    }
}

/// "of the Counter Extremism Project", "d'Europol", "de l'agence": the complement after a
/// role noun or a name. Returns the last token and its content words.
fn complement(toks: &[Tok], k: usize, end: usize) -> Option<(usize, Vec<String>)> {
    if let Some(last) = super::rules_en::to_complement(toks, k, end) {
        return Some((last, Vec::new()));
    }
    let t = toks.get(k).filter(|_| k < end)?;
    if !(t.is_word() && OF.contains(&t.low.as_str())) {
        // "l'Office européen": one adjective after the noun.
        return None;
    }
    let mut j = k + 1;
    if toks.get(j).is_some_and(is_det) {
        j += 1;
    }
    if toks.get(j).is_some_and(Tok::is_cap) && j < end {
        let mut r = cap_run(toks, j, end);
        // "du ministre de l'Intérieur Bernard Cazeneuve": a person's name (a known first
        // name and more) after the body is not part of it.
        if let Some(f) = (j + 1..r.saturating_sub(1)).find(|&f| Lexicon::get().first_names.contains_key(toks[f].text.as_str())) {
            r = f;
        }
        let mut last = r - 1;
        let mut words = content_words(&toks[j..r]);
        if let Some((l, q)) = complement(toks, r, end) {
            last = l;
            words.extend(q);
        }
        return Some((last, words));
    }
    // "l'avocat de la défense,": one common noun that closes the phrase; "head of
    // counter-terror policing warned": up to three, when the phrase ends there.
    if toks.get(j).is_some_and(Tok::is_lower_word) && j < end {
        let mut m = j;
        while m < end && m < j + 3 && toks[m].is_lower_word() && !DETERMINERS.contains(&toks[m].low.as_str()) {
            m += 1;
        }
        if toks.get(j + 1).is_none_or(|n| n.kind == TokKind::Punct) {
            return Some((j, content_words(&toks[j..=j])));
        }
        // (Only when the caller's phrase ends there, as before a verb: a longer run
        // closed by a comma is as often a clause.)
        if m > j + 1 && m == end {
            return Some((m - 1, content_words(&toks[j..m])));
        }
    }
    // "the head of the European Union's police agency": a role noun within 4 words.
    let mut m = j;
    while m < end && m < j + 5 && toks[m].is_word() {
        if Lexicon::get().role(&toks[m].low).is_some() {
            // "le cabinet du ministre de l'Intérieur": that role's own complement too.
            let mut words = content_words(&toks[j..=m]);
            let mut last = m;
            if let Some((l, more)) = complement(toks, m + 1, end) {
                last = l;
                words.extend(more);
            }
            return Some((last, words));
        }
        m += 1;
    }
    None
}

/// The noun phrase that ends at token `j` (not before `lo`).
pub fn np_backward(toks: &[Tok], lo: usize, j: usize) -> Option<Np> {
    let lx = Lexicon::get();
    let t = toks.get(j)?;
    if !t.is_word() || j < lo {
        return None;
    }
    if let Some((pk, g)) = lx.pronoun(&t.low)
        && t.low != "lui" {
            return np_forward(toks, j, j + 1).map(|mut n| {
                n.kind = NpKind::Pronoun(pk, g);
                n
            });
        }
    // "police said", "British police say": a body noun used without an article names
    // the body itself (with the capitalised words before it).
    if t.is_lower_word() && lx.role(&t.low) == Some(SpeakerKind::Organisation) && toks.get(j + 1).is_none_or(|n| n.low != "'s") {
        let mut first = j;
        while first > lo && toks[first - 1].is_cap() && !is_det(&toks[first - 1]) && !is_acronym(&toks[first - 1]) && !lx.is_function_word(&toks[first - 1].low) {
            first -= 1;
        }
        let mut bare = first == lo || !toks[first - 1].is_word() || !(is_det(&toks[first - 1]) || toks[first - 1].is_lower_word() || toks[first - 1].low == "'s");
        // "federal prosecutors wrote", "local police said": a lower-case modifier or two
        // opening the clause before the bare body noun.
        if !bare && let Some(from) = super::rules_en::modifiers_opening_clause(toks, lo, first) {
            first = from;
            bare = true;
        }
        if bare {
            return Some(Np {
                first,
                last: j,
                kind: NpKind::Role { kind: SpeakerKind::Organisation, head: t.low.to_string(), definite: true },
                quals: content_words(&toks[first..j]),
                gender: Gender::Unknown,
                start: toks[first].start,
                end: t.end,
            });
        }
    }
    // Try every start from far to near and keep the longest phrase that ends exactly at j,
    // preferring a name ("Director-General of Security Mike Burgess" → Mike Burgess).
    let from = j.saturating_sub(12).max(lo);
    let mut fallback = None;
    for s in from..=j {
        if toks[s..j].iter().any(|x| matches!(x.kind, TokKind::Quote(_)) || x.is_punct(',')) {
            continue;
        }
        // (A run never continues past an acronym: "ASIO Director-General Mike Burgess".)
        let run_before = s > 0 && toks[s - 1].is_cap() && !is_acronym(&toks[s - 1]);
        if s > lo && (run_before || is_det(&toks[s - 1])) && toks[s].is_cap() && !is_det(&toks[s]) {
            // Not the start of a capitalised run.
            continue;
        }
        if let Some(np) = np_forward(toks, s, j + 1)
            && np.last == j
        {
            // A person's name (first name + surname) inside a longer title phrase is the
            // speaker; otherwise the longest phrase wins ("A spokeswoman for Streamline").
            let person_name = matches!(&np.kind, NpKind::Name(w) if w.len() >= 2 && Lexicon::get().first_names.contains_key(w[0].as_str()));
            if fallback.is_none() || person_name {
                if person_name {
                    return Some(np);
                }
                fallback = Some(np);
            }
        }
    }
    fallback
}

/// The subject of the cue whose first token is `v`, looking back to `lo`.
pub fn subject_before(toks: &[Tok], lo: usize, v: usize) -> Option<Np> {
    let mut j = v.checked_sub(1)?;
    // "Fraser was quoted as saying": a passive auxiliary stands between subject and cue.
    let passive = |t: &Tok| matches!(t.low.as_str(), "was" | "were" | "is" | "are" | "been" | "being");
    while j > lo && toks[j].is_word() && (ADVERBS.contains(&toks[j].low.as_str()) || passive(&toks[j]) || super::rules_en::is_modal_or_frequency(&toks[j])) {
        j -= 1;
    }
    if j < lo {
        return None;
    }
    // "London's Metropolitan Police (MPS) said", "Sen. Michael Doherty (R-Warren) said": a
    // short aside in brackets after the name.
    j = before_brackets(toks, lo, j + 1) - 1;
    if toks[j].is_punct(',') {
        return appositive_subject(toks, lo, j);
    }
    if let Some(np) = super::rules_en::unnamed_description_ending_at(toks, lo, j) {
        return Some(np);
    }
    // (English, en-attr: "Harlan supporters chanted": a group, read only as a cue's subject.)
    if let Some(np) = super::rules_en::named_group_ending_at(toks, lo, j) {
        return Some(np);
    }
    if let Some(np) = super::rules_en::subject_before_relative_clause(toks, lo, j + 1) {
        return Some(np);
    }
    // "Fiona Williams, who lives on the street said", "Erik van Sebille, an oceanographer
    // at the University of Sydney told": a description whose closing comma is missing.
    // The subject is the name before it, not the last name inside it.
    if let Some(name) = unclosed_appositive(toks, lo, j) {
        return Some(name);
    }
    // "…, qui salue", "X, who said": the relative stands for the phrase before the comma.
    if matches!(toks[j].low.as_str(), "qui" | "who" | "which") && j >= lo + 2 && toks[j - 1].is_punct(',') {
        // "Bastien Le Querrec, juriste à La Quadrature du Net, qui dénonce": after a
        // descriptor set off by commas, the relative stands for the name described, not
        // for the last name inside the descriptor.
        if let Some(pc) = (lo..j - 1).rev().find(|&k| toks[k].is_punct(','))
            && pc > lo
            && is_descriptor_segment(&toks[pc + 1..j - 1])
            && let Some(np) = np_backward(toks, lo, pc - 1).filter(|x| matches!(x.kind, NpKind::Name(_)))
        {
            return Some(np);
        }
        // (fr-places s16: "l'avis du Comité des eaux (CTE), qui juge": past the acronym.)
        return np_backward(toks, lo, before_brackets(toks, lo, j - 1).max(lo + 1) - 1);
    }
    if let Some(name) = possessive_name(toks, lo, j) {
        return Some(name);
    }
    if let Some(name) = super::rules_fr::institution_name_before(toks, lo, j) {
        return Some(name);
    }
    let Some(np) = np_backward(toks, lo, j) else {
        // (fr-people: "la fonctionnaire territoriale a décrit": rules_fr::role_before_adjectives.)
        return super::rules_fr::role_before_adjectives(toks, lo, j).or_else(|| super::rules_fr::organisation_phrase_before(toks, lo, j));
    };
    let np = super::rules_fr::head_of_complements(toks, lo, np);
    // "Police in Manchester say": the place after "in"/"à" is not the subject; the phrase
    // before it is.
    if np.first >= lo + 2 && matches!(toks[np.first - 1].low.as_str(), "in" | "à" | "en") && toks[np.first - 2].is_word() {
        return np_backward(toks, lo, np.first - 2).map(|n| coordinated(toks, lo, n));
    }
    // "Patrol Chief James Hall with the New York Police Department said": a person's
    // name before with/at/from is the subject, the body after it is where they work.
    if np.first >= lo + 2
        && matches!(toks[np.first - 1].low.as_str(), "with" | "at" | "from" | "chez")
        && let Some(person) = np_backward(toks, lo, np.first - 2).filter(is_full_name)
    {
        return Some(person);
    }
    Some(coordinated(toks, lo, np))
}

/// "Moody's explique", "McDonald's a annoncé": a possessive right before the verb has no
/// noun to own; it is the end of the name. `j` is the token before the cue.
fn possessive_name(toks: &[Tok], lo: usize, j: usize) -> Option<Np> {
    if toks[j].low != "'s" || j == lo || !toks[j - 1].is_cap() || toks[j - 1].end != toks[j].start {
        return None;
    }
    let mut np = np_backward(toks, lo, j - 1)?;
    let NpKind::Name(words) = &mut np.kind else { return None };
    words.last_mut()?.push_str(&toks[j].text);
    np.last = j;
    np.end = toks[j].end;
    Some(np)
}

/// A name of two words or more ("James Hall"), or one that starts with a known first name.
pub(super) fn is_full_name(np: &Np) -> bool {
    matches!(&np.kind, NpKind::Name(w) if w.len() >= 2 || w.first().is_some_and(|f| Lexicon::get().first_names.contains_key(f.as_str())))
}

/// The end (exclusive) of the stretch `lo..end` without a short bracketed aside that
/// closes it ("(R-Warren)", "(MPS)"); `end` itself when there is none.
fn before_brackets(toks: &[Tok], lo: usize, end: usize) -> usize {
    if end < lo + 3 || !toks[end - 1].is_punct(')') {
        return end;
    }
    match (end.saturating_sub(8).max(lo)..end - 1).rev().find(|&k| toks[k].is_punct('(')) {
        Some(open) if open > lo && toks[open + 1..end - 1].iter().all(|t| t.is_word() || t.kind == TokKind::Punct && !t.is_punct('(')) => open,
        _ => end,
    }
}

/// `NAME, <description> CUE` with no comma closing the description ("Fiona Williams, who
/// lives on the street said"): the name, when it opens its clause. `j` is the last token
/// before the cue.
fn unclosed_appositive(toks: &[Tok], lo: usize, j: usize) -> Option<Np> {
    let comma = (j.saturating_sub(20).max(lo)..j).rev().find(|&k| toks[k].kind != TokKind::Word)?;
    if !toks[comma].is_punct(',') || comma == lo || !is_descriptor_segment(&toks[comma + 1..=j]) {
        return None;
    }
    // A description that is itself a subject ("In Paris, the minister said") is the
    // caller's to read: only a description that runs into another phrase counts.
    if np_forward(toks, comma + 1, j + 1).is_some_and(|np| np.last == j) {
        return None;
    }
    let name = np_backward(toks, lo, comma - 1).filter(is_full_name)?;
    let opens_clause = name.first == lo || !toks[name.first - 1].is_word();
    opens_clause.then_some(name)
}

/// "He and his colleague Hana Sato wrote", "Marie Roux et Paul Blanc estiment": two people
/// joined by and/et speak together; the subject is plural ("they"), never the second alone.
fn coordinated(toks: &[Tok], lo: usize, np: Np) -> Np {
    // "the Department for Science, Innovation and Technology said": a name after "and"
    // that follows a capitalised word is the tail of a longer name we could not read
    // whole; the speaker is unknown, never that tail.
    if matches!(np.kind, NpKind::Name(_))
        && np.first >= lo + 2
        && matches!(toks[np.first - 1].low.as_str(), "and" | "et" | "&")
        && toks[np.first - 2].is_cap()
    {
        return Np { kind: NpKind::Role { kind: SpeakerKind::Organisation, head: String::new(), definite: false }, ..np };
    }
    let personal = |n: &Np| match &n.kind {
        NpKind::Pronoun(PronounKind::Person, _) | NpKind::Role { kind: SpeakerKind::Person, .. } => true,
        NpKind::Name(_) => is_full_name(n),
        _ => false,
    };
    if !personal(&np) {
        return np;
    }
    let from = np.first.saturating_sub(4).max(lo);
    let Some(and) = (from..np.first).rev().find(|&k| matches!(toks[k].low.as_str(), "and" | "et")) else {
        return np;
    };
    let between_ok = toks[and + 1..np.first].iter().all(|t| t.is_word() && !t.is_cap() || is_det(t));
    if and == 0 || and <= lo || !between_ok {
        return np;
    }
    match np_backward(toks, lo, and - 1) {
        Some(left) if personal(&left) => Np {
            first: left.first,
            start: left.start,
            kind: NpKind::Pronoun(PronounKind::Plural, Gender::Unknown),
            gender: Gender::Unknown,
            quals: Vec::new(),
            ..np
        },
        _ => np,
    }
}

/// "juriste à La Quadrature du Net", "a spokesman for the ministry", "the agency's
/// director": a description in apposition (lower case or indefinite start, no cue inside).
fn is_descriptor_segment(seg: &[Tok]) -> bool {
    if is_label_segment(seg) {
        return true;
    }
    let Some(first) = seg.first() else { return false };
    let opens = first.is_lower_word() && (!is_det(first) || INDEFINITE.contains(&first.low.as_str()) || first.low == "the" || first.low == "le" || first.low == "la" || first.low == "l'");
    opens && seg.iter().all(|t| t.is_word() || t.text == "'s") && find_cues(seg).is_empty()
}

/// "R-Ky.", "Republican of West Virginia", "of Gainesville, Fla.", "30": a party label,
/// place or age set off by commas after a name, which it describes.
fn is_label_segment(seg: &[Tok]) -> bool {
    let mut runs: Vec<Vec<String>> = vec![Vec::new()];
    for t in seg {
        if t.is_cap() {
            if let Some(r) = runs.last_mut() {
                r.push(t.text.to_string());
            }
        } else if t.is_lower_word() && matches!(t.low.as_str(), "of" | "from") || t.is_punct('.') {
            runs.push(Vec::new());
        } else if !(t.is_word() && t.text.len() <= 3 && t.text.chars().all(|c| c.is_ascii_digit())) {
            return false;
        }
    }
    runs.retain(|r| !r.is_empty());
    let age = seg.len() == 1 && seg[0].is_word() && !seg[0].is_cap();
    age || !runs.is_empty() && runs.iter().all(|r| never_speaker(r))
}

/// `X, <descriptor>, said`: the subject is the segment that is a whole noun phrase,
/// nearest the verb, whose follower is a descriptor (starts in lower case).
fn appositive_subject(toks: &[Tok], lo: usize, comma: usize) -> Option<Np> {
    let mut bounds = vec![comma];
    for k in (lo..comma).rev() {
        if toks[k].is_punct(',') {
            bounds.push(k);
        }
        if bounds.len() > 7 {
            break;
        }
    }
    // Segments, nearest first: (start, end_exclusive)
    let mut segments = Vec::new();
    for w in 0..bounds.len() {
        let end = bounds[w];
        let start = bounds.get(w + 1).map_or(lo, |b| b + 1);
        if start < end {
            segments.push((start, end));
        }
    }
    for (n, &(s, e)) in segments.iter().enumerate() {
        // "State Sen. Dawn Addiego (R-Burlington), for example, said": the aside is not
        // part of the name.
        let e = before_brackets(toks, s, e);
        // "Defense attorney Lisa Park, who …, said": a name closing the segment after
        // words that are not part of it.
        // Only for a segment that opens in capitals: a lower-case one ("head of Counter
        // Terrorism Policing", "who studies at King's College London") is a description.
        let closing_name = || {
            // ("state Del. Marcia Price", "former Gov. Jim Doyle": a lower-case word before
            // a capitalised title stays outside the name.)
            let s = if toks[s].is_lower_word() && s + 1 < e && toks[s + 1].is_cap() && title_len(toks, s + 1).is_some() { s + 1 } else { s };
            if !toks[s].is_cap() {
                return None;
            }
            np_backward(toks, s, e - 1).filter(|x| x.last + 1 == e && matches!(&x.kind, NpKind::Name(w) if w.len() >= 2))
        };
        let Some(np) = np_forward(toks, s, e).filter(|x| x.last + 1 == e || matches!(x.kind, NpKind::Role { .. })).or_else(closing_name) else {
            continue;
        };
        // A role with a complement we could not follow to its end ("Un surveillant de la
        // maison d'arrêt de Fresnes") still fills the segment.
        let trailing_complement = matches!(np.kind, NpKind::Role { .. })
            && toks.get(np.last + 1).is_some_and(|t| {
                OF.contains(&t.low.as_str())
                    // "Le ministère de l'Éducation nationale, sollicité, indique": an adjective
                    // or two closing the segment.
                    // (a singular body: "les autorités belges" stays a generic plural).
                    || (e - np.last - 1 <= 2
                        && matches!(toks[s].low.as_str(), "le" | "la" | "l'" | "the")
                        && toks[np.last + 1..e].iter().all(Tok::is_lower_word))
            });
        if np.last + 1 != e && !trailing_complement {
            continue;
        }
        // "Joshua Fisher-Birch of the Project, a US based watchdog, said": an indefinite
        // description after a name describes that name; on its own ("Un surveillant …,
        // qui a requis l'anonymat, tempère") it is the (unnamed) speaker.
        // "Or, as Tom Ridge, a former secretary, put it": a name closing the segment
        // just before the description is who it describes.
        if matches!(np.kind, NpKind::Role { .. })
            && let Some(&(ps, pe)) = segments.get(n + 1)
            && let Some(name) = super::rules_en::name_closing_segment(toks, ps, pe)
        {
            return Some(name);
        }
        if matches!(np.kind, NpKind::Role { definite: false, .. }) {
            let named_before = segments[n + 1..].iter().any(|&(ps, pe)| {
                np_forward(toks, ps, pe).is_some_and(|x| x.last + 1 == pe && matches!(x.kind, NpKind::Name(_)))
            });
            if named_before {
                continue;
            }
            return Some(np);
        }
        let follower_ok = n == 0 || {
            let (fs, fe) = segments[n - 1];
            // ("Khizr Khan, 66, said": an age or a party label describes the name too.)
            is_label_segment(&toks[fs..fe]) ||
            // (A capitalised title opens a description too: "Gérald Karsenti, PDG de HP
            // France, a indiqué".)
            toks[fs].is_lower_word()
                || is_det(&toks[fs]) && INDEFINITE.contains(&toks[fs].low.as_str())
                || Lexicon::get().role(&toks[fs].low) == Some(SpeakerKind::Person)
        };
        if follower_ok {
            return Some(with_role_before(toks, &segments[n + 1..], s, np));
        }
    }
    None
}

/// "the White House spokesman, Josh Earnest, said": a person's role set off by a comma
/// just before the name is part of how the text names the speaker, so the phrase as
/// written runs from the role. `earlier` are the segments before the name's, nearest first.
fn with_role_before(toks: &[Tok], earlier: &[(usize, usize)], name_start: usize, mut np: Np) -> Np {
    let Some(&(ps, pe)) = earlier.first() else { return np };
    if !matches!(np.kind, NpKind::Name(_)) || pe + 1 != name_start || !toks[ps].is_lower_word() {
        return np;
    }
    if np_forward(toks, ps, pe).is_some_and(|role| role.last + 1 == pe && matches!(role.kind, NpKind::Role { kind: SpeakerKind::Person, .. })) {
        np.start = toks[ps].start;
    }
    np
}

/// The inverted subject after a cue ending at `v_last` ("said Poupard", "précise Europol").
/// Days and time words that may stand between an inverted verb and its subject
/// ("a lancé jeudi la secrétaire générale", "said on Monday the minister").
const TIME_WORDS: [&str; 24] = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "aujourd'hui", "soir", "matin", "on", "encore",
    "dernièrement", "récemment",
];

/// Prepositions that open a phrase which may stand between an inverted cue and its
/// speaker ("a martelé au mégaphone X", "estime auprès de l'AFP X").
const PLACE_PREPOSITIONS: [&str; 13] = ["auprès", "au", "aux", "à", "devant", "sur", "lors", "dans", "pendant", "depuis", "on", "at", "to"];

/// "conclut tout simplement Joji Otaki", "a sobrement réagi": an adverb of manner in -ment
/// (and the "tout" that may strengthen it) between an inverted verb and its subject.
fn is_manner_adverb(t: &Tok) -> bool {
    t.is_lower_word() && (t.low == "tout" || t.low.ends_with("ment") && t.low.chars().count() > 6)
}

/// The subject set after an inverted cue ending at `v_last` ("a déclaré à l'AFP Claire
/// Moreau", "said the minister, John Smith,"), read before `hi`: what may stand between
/// verb and subject is skipped first, each by a named step below.
pub fn subject_after(toks: &[Tok], v_last: usize, hi: usize) -> Option<Np> {
    // ("estime, de son côté, Paul Faucher": past an incise, rules_fr::incise_after_cue_end.)
    let k = super::rules_fr::incise_after_cue_end(toks, v_last + 1, hi).unwrap_or(v_last + 1);
    let k = skip_time_and_manner(toks, k, hi);
    if let Some(name) = name_after_place_phrase(toks, k, hi) {
        return Some(name);
    }
    let k = skip_listener(toks, k, hi);
    let k = skip_where_said(toks, k, hi);
    if let Some(name) = super::rules_en::name_after_possessive_description(toks, k, hi) {
        return Some(name);
    }
    // "said co-founder Priya Nair": a bare role noun (no article) before the name.
    let bare_role = toks.get(k).is_some_and(|t| t.is_lower_word() && Lexicon::get().role(&t.low) == Some(SpeakerKind::Person));
    if !bare_role && let Some(np) = name_after_bare_description(toks, k, hi) {
        return Some(np);
    }
    // (English, en-attr: "said it best", "put it": an object pronoun is no inverted subject.)
    if toks.get(k).is_some_and(super::rules_en::is_object_pronoun) {
        return None;
    }
    let np = match np_forward(toks, k, hi) {
        Some(np) => np,
        None if bare_role => {
            let cap = (k + 1..hi.min(k + 4)).find(|&m| toks[m].is_cap())?;
            let mut np = np_forward(toks, cap, hi).filter(|np| matches!(np.kind, NpKind::Name(_)))?;
            np.quals.extend(content_words(&toks[k..cap]));
            np.start = toks[k].start;
            return Some(np);
        }
        None => return None,
    };
    Some(name_in_apposition(toks, &np, hi).unwrap_or(np))
}

/// Past adverbs, times ("mi-septembre", "ce lundi") and contrast phrases ("de son côté")
/// between an inverted verb and its subject: the index of the first word that is none of
/// them. Split out of `subject_after` (issue 13).
fn skip_time_and_manner(toks: &[Tok], mut k: usize, hi: usize) -> usize {
    // "a rappelé mi-septembre le procureur", "said in March the minister": a month, alone
    // or with mi-/début/fin/in, is a time too.
    let month = |t: &Tok| {
        let low = t.low.strip_prefix("mi-").unwrap_or(&t.low);
        CALENDAR[..24].contains(&low)
    };
    // ("Selon lui, …": a stressed pronoun set off by a comma is the speaker, not a clitic.)
    let stressed = |k: usize| toks.get(k + 1).is_some_and(|n| n.is_punct(','));
    loop {
        while k < hi
            && toks[k].is_word()
            && !stressed(k)
            && (ADVERBS.contains(&toks[k].low.as_str())
                || is_manner_adverb(&toks[k])
                || TIME_WORDS.contains(&toks[k].low.as_str())
                || month(&toks[k])
                || (matches!(toks[k].low.as_str(), "début" | "fin" | "in" | "en") && toks.get(k + 1).is_some_and(month)))
        {
            k += 1;
        }
        // "tranche de son côté M. Faucher": a contrast phrase, then maybe more adverbs.
        match super::rules_fr::contrast_phrase_len(toks, k, hi) {
            0 => break,
            n => k += n,
        }
    }
    // "a martelé ce lundi Agit Polat": a time with its demonstrative.
    if k + 1 < hi && matches!(toks[k].low.as_str(), "ce" | "cette") && (TIME_WORDS.contains(&toks[k + 1].low.as_str()) || matches!(toks[k + 1].low.as_str(), "semaine" | "week-end" | "mois" | "année" | "jour")) {
        k += 2;
    }
    k
}

/// "a martelé au mégaphone Agit Polat", "estime auprès de l'AFP Pierre Henry": a short
/// phrase of place, manner or listener at `k` before a person's full name, which closes
/// the attribution: that name. Split out of `subject_after` (issue 13).
fn name_after_place_phrase(toks: &[Tok], k: usize, hi: usize) -> Option<Np> {
    if !(k < hi && toks[k].is_lower_word() && PLACE_PREPOSITIONS.contains(&toks[k].low.as_str())) {
        return None;
    }
    (k + 1..hi.min(k + 7))
        .take_while(|&m| toks[m].is_word())
        .filter(|&m| toks[m].is_cap())
        .find_map(|m| np_forward(toks, m, hi).filter(|np| is_full_name(np) && toks.get(np.last + 1).is_none_or(|t| t.kind != TokKind::Word)))
}

/// "a déclaré à l'AFP Claire Moreau": past the listener between verb and speaker (or a
/// place, "à la barre"), the index after it. Split out of `subject_after` (issue 13).
fn skip_listener(toks: &[Tok], k: usize, hi: usize) -> usize {
    if !(k < hi && matches!(toks[k].low.as_str(), "à" | "au" | "aux")) {
        return k;
    }
    if let Some(l) = super::rules_fr::listener_after(toks, k, hi) {
        return l.last + 1;
    }
    if toks.get(k + 1).is_some_and(|t| matches!(t.low.as_str(), "la" | "le" | "l'" | "les"))
        && toks.get(k + 2).is_some_and(Tok::is_lower_word)
        && k + 3 < hi
    {
        // "a déclaré à la barre le principal accusé": a place, not a listener.
        return k + 3;
    }
    k
}

/// "s'est félicité dans un communiqué Rob Wainwright", "said in a statement Europol's
/// director": past where the words were said, between the verb and the speaker, the index
/// after it. Split out of `subject_after` (issue 13).
fn skip_where_said(toks: &[Tok], k: usize, hi: usize) -> usize {
    if !(k + 2 < hi && matches!(toks[k].low.as_str(), "dans" | "in" | "lors") && is_det(&toks[k + 1])) {
        return k;
    }
    let mut m = k + 2;
    while m < hi && m < k + 5 && toks[m].is_lower_word() {
        m += 1;
    }
    let doc = (k + 2..m).any(|x| Lexicon::get().role(&toks[x].low) == Some(SpeakerKind::Document));
    if doc && m < hi && m > k + 2 && toks[m].is_cap() { m } else { k }
}

/// "said the minister, John Smith,": the name in apposition after a person's or body's
/// description `np` is the fuller answer ("pour la principale association du secteur,
/// l'April": a body's name too). Split out of `subject_after` (issue 13).
fn name_in_apposition(toks: &[Tok], np: &Np, hi: usize) -> Option<Np> {
    let person_role = matches!(np.kind, NpKind::Role { kind: SpeakerKind::Person | SpeakerKind::Organisation, .. });
    // Skip a short modifier: "le commissaire chargé de la sécurité, Thomas Weber,".
    let mut comma = np.last + 1;
    // (A body's description runs longer: "la principale association de promotion et de
    // défense du logiciel libre, l'April".)
    let reach = if matches!(np.kind, NpKind::Role { kind: SpeakerKind::Organisation, .. }) { 12 } else { 8 };
    while comma < hi && comma < np.last + reach && toks[comma].is_word() {
        comma += 1;
    }
    if !(person_role && toks.get(comma).is_some_and(|t| t.is_punct(','))) {
        return None;
    }
    let mut name = np_forward(toks, comma + 1, hi)?;
    let closes = toks.get(name.last + 1).is_none_or(|t| t.kind == TokKind::Punct);
    if !(matches!(name.kind, NpKind::Name(_)) && closes) {
        return None;
    }
    name.quals.extend(np.quals.iter().cloned());
    // ("said his best friend at Lehigh, Bruce Turry": a person's description
    // set before the name is how the text names the speaker, as before a cue.)
    if matches!(np.kind, NpKind::Role { kind: SpeakerKind::Person, .. }) && super::rules_en::opens_english_description(toks, np.first) {
        name.start = np.start;
    }
    Some(name)
}

/// "said former city treasurer Mary Olson", "said former Obama adviser David Axelrod": an
/// English description without article (lower-case words, maybe a capitalised qualifier,
/// with a role noun among them) before a person's full name that closes the attribution.
fn name_after_bare_description(toks: &[Tok], k: usize, hi: usize) -> Option<Np> {
    toks.get(k).filter(|t| t.is_lower_word())?;
    description_before_name(toks, k, hi)
}

/// The name after a description without article opening at `k` (lower-case words, the
/// first maybe capitalised as a sentence's first word, with a role noun among them), when
/// the name is a person's full name closing the phrase; written from the description.
fn description_before_name(toks: &[Tok], k: usize, hi: usize) -> Option<Np> {
    let lx = Lexicon::get();
    toks.get(k).filter(|t| t.is_word() && !is_det(t) && !lx.is_function_word(&t.low) && !lx.en_cues.contains(t.low.as_str()))?;
    let mut m = k + 1;
    // (A word after "of" is a noun, not a verb: "former secretary of state".)
    let noun = |m: usize| !lx.en_cues.contains(toks[m].low.as_str()) || toks[m - 1].low == "of";
    while m < hi && m < k + 6 && toks[m].is_lower_word() && noun(m) && (toks[m].low == "of" || !lx.is_function_word(&toks[m].low)) {
        m += 1;
    }
    // (A name right after "of" is the description's complement: "a friend of Joe Biden".)
    if m >= hi || !toks[m].is_cap() || toks[m - 1].low == "of" {
        return None;
    }
    let is_role = |t: &Tok| lx.role(&t.low) == Some(SpeakerKind::Person) || lx.profession(&t.low).is_some();
    let mut np = np_forward(toks, m, hi).filter(|np| matches!(np.kind, NpKind::Name(_)) && is_full_name(np))?;
    let role_before = toks[k..m].iter().any(is_role);
    let role_within = np.quals.iter().any(|q| lx.role(q) == Some(SpeakerKind::Person) || lx.profession(q).is_some());
    let closes = toks.get(np.last + 1).is_none_or(|t| t.kind != TokKind::Word);
    if !(role_before || role_within) || !closes {
        return None;
    }
    np.quals.extend(content_words(&toks[k..m]));
    // (The description is how the text names the speaker: "said former city treasurer
    // Mary Olson" is written so.)
    np.start = toks[k].start;
    Some(np)
}

/// Where an attribution was found for a quote.
#[derive(Debug, Clone)]
pub struct Found {
    pub cue: Cue,
    pub np: Option<Np>,
}

/// The speaker of the cue `c` among `toks[lo..hi]`. `after_quote` says the cue opens the
/// attribution right after the quote ("…,” said Poupard) so inversion comes first.
pub fn speaker_of_cue(toks: &[Tok], lo: usize, hi: usize, cues: &[Cue], ci: usize, after_quote: bool) -> Option<Np> {
    let c = &cues[ci];
    if let Some(p) = &c.pronoun {
        let lx = Lexicon::get();
        let (pk, g) = lx.pronoun(p)?;
        let t = &toks[c.first];
        return Some(Np {
            first: c.first,
            last: c.first,
            kind: NpKind::Pronoun(pk, g),
            quals: Vec::new(),
            gender: g,
            start: t.end - p.len(),
            end: t.end,
        });
    }
    if c.preposition {
        // "une étude selon laquelle …": the relative stands for the noun before.
        let relative = toks.get(c.last + 1).is_some_and(|n| matches!(n.low.as_str(), "laquelle" | "lequel" | "lesquels" | "lesquelles" | "qui" | "whom" | "which"));
        if relative {
            return (c.first > lo).then(|| np_backward(toks, lo, c.first - 1)).flatten();
        }
        return subject_after(toks, c.last, hi).map(|np| super::rules_fr::body_with_its_complement(toks, np, hi));
    }
    // (en-speakers s18: "“…?” a reporter could be heard asking Smith": the one heard speaks.)
    if let Some(v) = super::rules_en::perception_phrase_start(toks, c.first)
        && let Some(np) = subject_before(toks, lo, v)
    {
        return Some(np);
    }
    if c.participle {
        // "footage of Trump saying during the debate": a name right before the participle
        // is its subject, whatever verb came before.
        // (English only: "un prêt par l'État affirmant" is governed by a preposition.)
        if c.first > lo
            && toks[c.first].low.ends_with("ing")
            && toks[c.first - 1].is_word()
            && toks[c.first - 1].is_cap()
            && let Some(np) = np_backward(toks, lo, c.first - 1).filter(|np| matches!(np.kind, NpKind::Name(_))).or_else(|| name_ending_at(toks, lo, c.first - 1))
        {
            return Some(np);
        }
        // "…, adding that": the subject of the cue before it in the same stretch.
        if ci > 0 && cues[ci - 1].first >= lo {
            return speaker_of_cue(toks, lo, hi, cues, ci - 1, after_quote);
        }
        if let Some(np) = french_participle_subject(toks, lo, c) {
            return Some(np);
        }
        // "Hillary Clinton responded by saying", "The Republican candidate appeared to assert
        // his plans by saying": after "by", the participle's subject is the clause's.
        if c.first > lo + 1 && toks[c.first - 1].low == "by" {
            return super::rules_en::subject_before_by(toks, lo, c.first - 1);
        }
        // (en-speakers s18: "her campaign sent a text to supporters saying": the listener
        // after "to" is no subject; the clause's subject is.)
        if super::rules_en::listener_before_participle(toks, lo, c.first) {
            return clause_subject_of_participle(toks, lo, c.first - 1);
        }
        // "one senator accusing": its own subject, right before it.
        if c.first > lo && toks[c.first - 1].kind == TokKind::Word {
            return np_backward(toks, lo, c.first - 1);
        }
        // "X, a top commander, appeared in a video posted Wednesday, saying": after a
        // comma, the participle's subject is the one that opens the sentence.
        // ("During a speech, Trump attacked Clinton …, saying": when the stretch opens
        // with a fronted phrase, the subject after its comma.)
        if c.first > lo && toks[c.first - 1].is_punct(',') {
            // (en-speakers s17: "…, where 50 protesters had gathered, chanting": the crowd's.)
            if let Some(np) = super::rules_en::group_closing_clause_before(toks, lo, c.first - 1) {
                return Some(np);
            }
            return clause_subject_of_participle(toks, lo, c.first - 1);
        }
        return None;
    }
    // "The report found … and described …": a coordinated verb shares the first subject.
    if c.first > lo && matches!(toks[c.first - 1].low.as_str(), "and" | "et" | "but" | "mais") {
        if ci > 0 && cues[ci - 1].first >= lo {
            // "Asked about the storm, Ms. Varga paused and said": a cue in a fronted clause
            // (a comma after it) is not the one this verb is coordinated with.
            let prev = cues[ci - 1].first;
            let fronted = toks[prev..c.first].iter().any(|t| t.is_punct(','));
            if fronted && let Some(np) = clause_opening_subject(toks, lo, c.first).filter(|np| np.first > prev) {
                return Some(np);
            }
            return speaker_of_cue(toks, lo, hi, cues, ci - 1, false).or_else(|| clause_opening_subject(toks, lo, c.first));
        }
        // After a fronted clause ("Asked about X, Y paused and said") the subject is the
        // person after the comma, not the clause's first word.
        let opener = clause_opening_subject(toks, lo, c.first);
        if let Some(np) = opener.as_ref().filter(|np| toks[lo..np.first].iter().any(|t| t.is_punct(','))) {
            return Some(np.clone());
        }
        // ("Le syndicat Snesup-FSU a voté contre et dénonce": the body with its name.)
        return np_forward(toks, lo, hi).or(opener).map(|np| super::rules_fr::phrase_with_its_name(toks, np, c.first));
    }
    // "X told Y": Y is the listener. Right after a quote ("…?" asked Hoffmann) the word
    // after the verb is the speaker.
    if let Some(np) = super::rules_en::network_before_cue(toks, lo, c.first) {
        return Some(np);
    }
    // (en-speakers s18: "Senator Roe was asked by host Ann Lee, “…?”": the passive's agent asks.)
    if let Some(by) = super::rules_en::passive_agent_by(toks, c.first, c.last)
        && let Some(np) = subject_after(toks, by, hi)
    {
        return Some(np);
    }
    // (en-speakers s18: "“…?” a reporter was heard asking Smith": after "-ing" or "told" the
    // listener follows even right after a quote, rules_en::listener_always_follows.)
    let listener_after = !after_quote && ADDRESSEE_VERBS.contains(&toks[c.last].low.as_str()) || super::rules_en::listener_always_follows(&toks[c.last]);
    let before = || subject_before(toks, lo, c.first).map(|np| super::rules_en::person_of_body_before(toks, lo, &np).unwrap_or(np));
    let after = || if listener_after { None } else { subject_after(toks, c.last, hi) };
    // (fr-inst s18: "Les syndicats jugent le texte « … »": an object, bodies_fr.)
    let after = || after().filter(|np| !super::bodies_fr::singular_object_of_plural_verb(toks, c.first, c.last, np));
    let found = if after_quote { after().or_else(before) } else { before().or_else(after) };
    let found = found.map(|np| super::rules_fr::phrase_with_its_name(toks, np, hi));
    let found = found.map(|np| super::rules_en::with_descriptor_before(toks, lo, np));
    let found = found.or_else(|| clause_opening_subject(toks, lo, c.first)).or_else(|| descriptor_at_cue(toks, lo, hi, c, after_quote))?;
    // (A description before its cue ends there: "a narrator in the Clinton ad asks".)
    let bound = if found.last < c.first { c.first } else { hi };
    Some(super::rules_en::with_description_complement(toks, found, bound))
}

/// The subject of the clause a participle cue closes (`end`: the comma or "by" before it):
/// the person opening the stretch, else the last one opening a clause before it.
fn clause_subject_of_participle(toks: &[Tok], lo: usize, end: usize) -> Option<Np> {
    // ("WASHINGTON (UPI) — In response …, Clinton's right-hand woman rallied supporters,
    // saying": a dateline is not the sentence's subject.)
    let lo = super::rules_en::dateline_end(toks, lo, end).unwrap_or(lo);
    // ("A spokeswoman for the committee emailed reporters …, arguing": an English
    // indefinite person opening the sentence is its subject too.)
    let opening = np_forward(toks, lo, end + 1).filter(|np| {
        matches!(np.kind, NpKind::Name(_) | NpKind::Pronoun(..) | NpKind::Role { definite: true, .. })
            || matches!(np.kind, NpKind::Role { kind: SpeakerKind::Person, .. }) && matches!(toks[lo].low.as_str(), "a" | "an")
    });
    // ("Schilling's son, Grant, defended his father …, saying": the description set
    // before the name is how it is written.)
    opening.or_else(|| clause_opening_subject(toks, lo, end)).map(|np| super::rules_en::with_person_description_before(toks, lo, np))
}

/// The capitalised name that ends at `j`, read from the start of its run ("gives an
/// account of Clinton telling": Clinton, where the longest phrase is the account).
fn name_ending_at(toks: &[Tok], lo: usize, j: usize) -> Option<Np> {
    let mut s = j;
    while s > lo && toks[s - 1].is_word() && toks[s - 1].is_cap() {
        s -= 1;
    }
    np_forward(toks, s, j + 1).filter(|np| np.last == j && matches!(np.kind, NpKind::Name(_)))
}

/// "the businessman replied", "said the moderator", "the ad says": an article and a few
/// lower-case words that the lexicon does not know as a role, right before the cue (or
/// right after it, closing the stretch), still say who spoke. Kept as an unnamed
/// description so `speaker_as_written` shows the words the article used.
fn descriptor_at_cue(toks: &[Tok], lo: usize, hi: usize, c: &Cue, after_quote: bool) -> Option<Np> {
    let lx = Lexicon::get();
    // English only: French descriptions ("le suspect") have their own rules in the registry.
    // ("my father often said", "his colleague wrote": a possessive opens a description too.)
    let is_det = |t: &Tok| {
        t.is_word() && matches!(t.low.as_str(), "the" | "a" | "an" | "another" | "this" | "that" | "one" | "my" | "his" | "her" | "our" | "their")
    };
    if !lx.en_cues.contains(toks[c.last].low.as_str()) || lx.fr_cues.contains(toks[c.last].low.as_str()) {
        return None;
    }
    let plain = |t: &Tok| t.is_lower_word() && !lx.is_function_word(&t.low) && !lx.en_cues.contains(t.low.as_str()) && !lx.fr_cues.contains(t.low.as_str());
    let describe = |first: usize, last: usize| {
        let definite = !INDEFINITE.contains(&toks[first].low.as_str()) && super::rules_en::short_description_may_name_someone(&toks[first], &toks[last]);
        Np {
            first,
            last,
            kind: NpKind::Role { kind: SpeakerKind::Person, head: toks[last].low.to_string(), definite },
            quals: content_words(&toks[first + 1..last]),
            gender: Gender::Unknown,
            start: toks[first].start,
            end: toks[last].end,
        }
    };
    // Before the cue: DET w1 … wn CUE.
    let mut j = c.first;
    while j > lo && toks[j - 1].is_word() && (ADVERBS.contains(&toks[j - 1].low.as_str()) || super::rules_en::is_modal_or_frequency(&toks[j - 1])) {
        j -= 1;
    }
    let det = (j.saturating_sub(4).max(lo)..j.saturating_sub(1)).find(|&d| is_det(&toks[d]) && toks[d + 1..j].iter().all(plain));
    if let Some(d) = det
        && (d == lo || !toks[d - 1].is_word() || matches!(toks[d - 1].low.as_str(), "and" | "but"))
    {
        return Some(describe(d, j - 1));
    }
    // After the cue: CUE DET w1 … wn, then the end of the stretch or punctuation.
    let d = c.last + 1;
    if d < hi && is_det(&toks[d]) {
        let mut e = d + 1;
        while e < hi && e <= d + 3 && plain(&toks[e]) {
            e += 1;
        }
        if e > d + 1 && toks.get(e).is_none_or(|t| e >= hi || t.kind == TokKind::Punct) {
            return Some(describe(d, e - 1));
        }
    }
    // Longer descriptions, with modifiers, capitalised words and a complement (after the
    // cue only where it opens the words after the quote: in "…,” while 73 percent said the
    // same of Trump" the words after "said" are its object).
    let before = super::rules_en::standalone_description_before_cue(toks, lo, j);
    before.or_else(|| after_quote.then(|| super::rules_en::standalone_description_after_cue(toks, c.last, hi)).flatten())
}

/// Prepositions after which a name is never the subject of the cue that follows.
const NOT_SUBJECT_AFTER: [&str; 20] = [
    "in", "of", "at", "about", "under", "to", "for", "with", "by", "from", "on", "against", "than", "like", "over", "after",
    "before", "during", "whom", "as",
];

/// How many tokens back from its cue a clause-opening subject is looked for: far beyond
/// any sentence, but a bound.
const CLAUSE_REACH_TOKENS: usize = 400;

/// "When asked, Ms. Sherry smiled and said", "Mr. Trump, asked about the deaths of
/// journalists under Mr. Putin, had said": when the cue's own rules find no subject, the
/// last person (a name, a personal pronoun or a definite role) that opens the stretch or
/// follows a comma, and is neither an owner ("X's") nor the object of a preposition, is
/// the one speaking — a fronted clause or aside comes before the subject, not after it.
pub fn clause_opening_subject(toks: &[Tok], lo: usize, v: usize) -> Option<Np> {
    let opens = |k: usize| k == lo || toks[k - 1].kind == TokKind::Punct && matches!(toks[k - 1].text.as_str(), "," | ";" | "—" | "–");
    // (No further back than any sentence runs: a cue in a book-length paragraph with no
    // subject before it costs a sentence, not the paragraph.)
    (lo.max(v.saturating_sub(CLAUSE_REACH_TOKENS))..v)
        .filter(|&k| opens(k) && !NOT_SUBJECT_AFTER.contains(&toks[k].low.as_str()))
        .filter_map(|k| np_forward(toks, k, v))
        .rfind(|np| {
            let person = match &np.kind {
                NpKind::Name(_) => true,
                NpKind::Pronoun(PronounKind::Person, _) => true,
                NpKind::Role { kind: SpeakerKind::Person, definite, .. } => *definite,
                _ => false,
            };
            let owner = toks.get(np.last + 1).is_some_and(|t| t.low == "'s" || t.text == "’s");
            person && !owner
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        tokenize(s, 0..s.len(), &[])
    }

    fn words(s: &str) -> Vec<String> {
        toks(s).into_iter().map(|t| t.text.to_string()).collect()
    }

    #[test]
    fn tokens_split_elisions_and_possessives_but_keep_hyphens() {
        assert_eq!(words("l'Office d’Europol"), ["l'", "Office", "d’", "Europol"]);
        assert_eq!(words("Europol's chief"), ["Europol", "'s", "chief"]);
        assert_eq!(words("a-t-il Fisher-Birch U.S. 2.000"), ["a-t-il", "Fisher-Birch", "U.S", ".", "2.000"]);
    }

    #[test]
    fn cues_in_every_form() {
        let texts = |s: &str| -> Vec<String> { find_cues(&toks(s)).into_iter().map(|c| c.text).collect() };
        assert_eq!(texts("a-t-il confié"), ["a-t-il confié"]);
        assert_eq!(texts("a également déclaré"), ["a également déclaré"]);
        assert_eq!(texts("précise-t-elle"), ["précise-t-elle"]);
        assert_eq!(texts("According to the report"), ["According to"]);
        assert_eq!(texts("d'après le rapport"), ["d'après"]);
        assert_eq!(texts("That said, it works"), Vec::<String>::new());
        assert_eq!(texts("the Islamic State warns"), ["warns"]);
        assert_eq!(texts("une annonce"), Vec::<String>::new());
        assert_eq!(texts("Anonymous declaring war"), Vec::<String>::new());
        assert_eq!(texts("he said, adding that"), ["said", "adding"]);
        let c = &find_cues(&toks("Comme le rappelle Anne Roy"))[0];
        assert!(c.text == "rappelle" && c.preposition);
        assert_eq!(texts("le rappelle"), Vec::<String>::new());
        let c = &find_cues(&toks("a-t-elle ajouté"))[0];
        assert_eq!(c.pronoun.as_deref(), Some("elle"));
    }

    #[test]
    fn noun_phrases_for_speakers() {
        let t = toks("the NATO official");
        let np = np_forward(&t, 0, t.len()).unwrap();
        assert!(matches!(np.kind, NpKind::Role { kind: SpeakerKind::Person, .. }));
        assert_eq!(np.quals, ["nato"]);
        let t = toks("le patron d’Europol");
        let np = np_forward(&t, 0, t.len()).unwrap();
        assert_eq!(np.quals, ["europol"]);
        let t = toks("Europol Director Rob Wainwright");
        let np = np_forward(&t, 0, t.len()).unwrap();
        assert_eq!(np.kind, NpKind::Name(vec!["Rob".into(), "Wainwright".into()]));
        let t = toks("Dr Jane Roe");
        assert_eq!(np_forward(&t, 0, t.len()).unwrap().written("Dr Jane Roe"), "Dr Jane Roe");
    }

    #[test]
    fn sentence_ends_skip_abbreviations_and_initials() {
        let t = toks("Dr. Roe met J. Smith. Then");
        let ends: Vec<usize> = (0..t.len()).filter(|&k| ends_sentence(&t, k)).collect();
        assert_eq!(ends.len(), 1);
        assert_eq!(t[ends[0] - 1].text, "Smith");
    }

    #[test]
    fn two_particles_stay_inside_a_name() {
        for joins in [RunJoins::Phrase, RunJoins::Mention] {
            let t = toks("Hier, Anke von der Brügge a parlé.");
            let i = t.iter().position(|x| x.text == "Anke").unwrap();
            assert_eq!(t[name_run_end(&t, i, t.len(), joins) - 1].text, "Brügge");
            let t = toks("Hier, Anke von der ville a parlé.");
            assert_eq!(name_run_end(&t, i, t.len(), joins), i + 1);
        }
    }

    #[test]
    fn initials_keep_their_stop_inside_a_name() {
        assert_eq!(words("Mary K. Lunt and G.K. Orr"), ["Mary", "K.", "Lunt", "and", "G.K.", "Orr"]);
        // A listed abbreviation, a lower-case or sentence-opening word after the stop: no initial.
        assert_eq!(words("the U.S. Navy"), ["the", "U.S", ".", "Navy"]);
        assert_eq!(words("Plan B. The"), ["Plan", "B", ".", "The"]);
        assert_eq!(words("vitamin C. now"), ["vitamin", "C", ".", "now"]);
        let t = toks("Mary K. Lunt said so");
        let np = np_forward(&t, 0, t.len()).unwrap();
        assert_eq!(np.kind, NpKind::Name(vec!["Mary".into(), "K.".into(), "Lunt".into()]));
    }

    #[test]
    fn an_abbreviation_that_can_end_a_sentence_ends_it_only_before_an_opener() {
        let ends = |s: &str| {
            let t = toks(s);
            (0..t.len()).filter(|&k| ends_sentence(&t, k)).count()
        };
        assert_eq!(ends("Acme Inc. Chief Officer Roe"), 0);
        assert_eq!(ends("He sold it to Acme Inc. The deal"), 1);
        assert_eq!(ends("Ann Lee Jr. Then"), 1);
    }
}
