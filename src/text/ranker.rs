//! A learned ranker over the speakers a quote could have (issue 13).
//!
//! For each quote, every person, organisation or document the registry saw mentioned
//! near it (its paragraph, the two before and the one after) is a candidate, along with
//! the speaker the rules chose, the last speakers met before that window and the people
//! the article gave the role noun read at the cue ("la préfète"), however far back — a
//! long text comes back to voices met paragraphs earlier. Each candidate gets
//! language-independent features —
//! distances to the quote and its cue, same sentence or not, being the subject of a cue,
//! agreement with the pronoun at the cue (or a gender nothing tells; a name's gender comes
//! from the text, the bundled lists, or else the first names `eval/learn_first_names.py`
//! learned from news, `assets/ranker/first_names.txt`), being named only in Title Case
//! headlines or a name cut from a longer phrase ("Former Arkansas"),
//! named in the quote's sentence as a possessor ("Clinton's chairman") or after "in" (a
//! venue), salience (mentions before the quote, in the
//! last sentences and in the whole document), being the first name of the quote's sentence or of the
//! sentence before (its subject, mostly), the speaker of the quote before or the next cued
//! one, named after "told"/"to" (a listener) or "according to" (a source), named inside the
//! quote (what it is about), its kind, whether the rules picked it and how they read it
//! at the cue (a name, a pronoun, a role noun, or a capitalised description such as a
//! body's long form, "selon l'Office européen", which is kept as a name is), a role noun
//! written after the cue verb the rules did not read ("répondit alors son complice") and
//! the person given it, a place or bare word under a person's cue; and for long texts, how the discourse
//! stands: how many paragraphs since it last spoke, the subject of the paragraph's first
//! sentence, the nearest person agreeing with the pronoun at the cue, a role noun at the
//! cue the article gave it, a namesake (and which of them was named last), how many
//! others were named since it was, and whether it is met only before the window — and a
//! conditional-logit model (one weight per feature, softmax over the quote's candidates),
//! optionally with boosted decision stumps added to the linear score, scores them.
//!
//! The weights are trained on PolNeAR's train split and our French tuning fixtures by
//! `eval/train_ranker.py` and shipped
//! in `assets/ranker/speakers.json`. `quotes::extract` calls [`Ranker::choose`] only
//! where the model's `mode` says it wins under cross-validation on train; `examples/ranker_dump.rs`
//! prints the candidates and their features for training.

use super::entities::{Entity, Registry};
use super::floor_char_boundary;
use super::lexicon::{Gender, Lexicon, fold, role_noun_gender};
use crate::model::{Speaker, SpeakerKind};
use serde::{Deserialize, Serialize};
// FxHash (speed2, session 18): the maps of one article are keyed by entity numbers and short
// words, looked up for every candidate of every quote; no map is iterated in an order that
// shows in the output.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;
use std::sync::OnceLock;

/// The features, in the order of the weights.
pub const FEATURES: [&str; 75] = [
    "rule_pick",
    "rule_pick_own_cue",
    "rule_pick_inherited",
    "in_cue_phrase",
    "before_in_sentence",
    "after_in_sentence",
    "log_distance_before",
    "has_before",
    "log_distance_after",
    "has_after",
    "log_distance_cue",
    "near_cue",
    "in_quote_paragraph",
    "spoke_at_nearest_before",
    "spoke_in_window",
    "log_salience",
    "previous_quote_speaker",
    "log_quoted_before",
    "person",
    "organisation",
    "document",
    "has_role",
    "oblique_at_nearest_before",
    "pronoun_agrees",
    "pronoun_disagrees",
    "closest_before",
    "closest_after",
    "no_rule_pick_before_in_sentence",
    "no_cue_closest_before",
    "rule_pick_read_at_cue",
    "kind_from_evidence",
    "listed_place",
    "long_name",
    "capitals_name",
    "bare_word",
    "first_in_quote_sentence",
    "subject_of_previous_sentence",
    "log_mentions_recent",
    "log_mentions_document",
    "next_quote_speaker",
    "previous_quote_speaker_near",
    "sequence_speaker_no_cue",
    "in_quote_text",
    "object_in_sentence",
    "source_in_sentence",
    "quoted_in_paragraph",
    "spoke_in_sentence",
    "pronoun_gender_unknown",
    "only_in_title_case",
    "place_in_name",
    "possessive_in_sentence",
    "venue_in_sentence",
    "role_at_cue_matches",
    "spoke_recency",
    "subject_of_paragraph",
    "has_namesake",
    "namesake_latest",
    "log_others_since",
    "nearest_agreeing_before",
    "outside_window",
    "rule_pick_named_at_cue",
    "rule_pick_pronoun_at_cue",
    "rule_pick_role_at_cue",
    "common_word_name",
    "sentence_initial_only",
    "rule_pick_alias_at_cue",
    "role_gender_agrees",
    "role_gender_disagrees",
    "nearest_role_agreeing_before",
    "role_complement_at_cue",
    "role_complement_definite",
    "body_article_agrees",
    "person_role_body",
    "role_after_cue_matches",
    "person_cue_bare_or_place",
];

/// Index of `rule_pick_alias_at_cue` in [`FEATURES`].
const ALIAS_AT_CUE: usize = feature_index("rule_pick_alias_at_cue");

/// The index of the feature `name` in [`FEATURES`] (at compile time: a name not there
/// fails the build), so that removing a feature never leaves a stale index.
const fn feature_index(name: &str) -> usize {
    let mut k = 0;
    while k < FEATURES.len() {
        let (a, b) = (FEATURES[k].as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut i = 0;
            while i < a.len() && a[i] == b[i] {
                i += 1;
            }
            if i == a.len() {
                return k;
            }
        }
        k += 1;
    }
    panic!("no such feature")
}

/// Paragraphs before the quote's own that candidates are read from.
const PARAGRAPHS_BEFORE: usize = 2;
/// However long those paragraphs are, candidates are read at most this far before the
/// quote opens and after it closes (about 800 words; news paragraphs are far shorter):
/// a text that is one huge paragraph would otherwise make every quote weigh every name
/// in it, quadratic in the text's length.
const WINDOW_BYTES: usize = 5_000;
/// The last speakers (by the rules) named before the window that stay candidates: a long
/// text comes back to a voice met paragraphs earlier.
const EARLIER_SPEAKER_CANDIDATES: usize = 4;
/// The people given the role noun read at the cue ("la préfète") named before the window
/// that are candidates, the last named first, of at most this many scanned.
const EARLIER_ROLE_CANDIDATES: usize = 3;
const ROLE_CANDIDATES_SCANNED: usize = 16;
/// Bytes per word, roughly: distances are counted in words.
const BYTES_PER_WORD: f64 = 6.0;

/// What the ranker needs to know about one quote and the rules' answer for it.
#[derive(Debug, Clone)]
pub struct Site {
    pub open: usize,
    pub close: usize,
    /// Paragraph indices of the quote's first and last piece.
    pub paragraph: usize,
    pub last_paragraph: usize,
    /// Byte range of the reporter's sentence around the quote.
    pub sentence: (usize, usize),
    pub cue_at: Option<usize>,
    /// Byte range of the speaker phrase the rules read at the cue.
    pub phrase: Option<Range<usize>>,
    /// The phrase is a person pronoun of this gender, or a plural pronoun.
    pub person_pronoun: Option<Gender>,
    pub plural_pronoun: bool,
    /// The rules' speaker is named at the cue of this quote or of the other quote of its
    /// sentence.
    pub named_at_cue: bool,
    /// The rules found who speaks but not a name for them ("a Western diplomat", "il"
    /// after them): the quote stays unnamed.
    pub unnamed: bool,
    pub rule: Option<Speaker>,
    pub own_cue: bool,
    pub inherited: bool,
    /// A term: never ranked.
    pub term: bool,
    /// The phrase read at the cue is a role noun ("la préfète", "the spokesman"): its head,
    /// folded.
    pub role_head: Option<String>,
    /// The quote's paragraph is French: the model's French weights add to the shared ones.
    pub french: bool,
}

impl Site {
    /// The rules' speaker was read at this quote's own cue (a name, pronoun or role
    /// there) or named at the cue of the other quote of its sentence.
    fn read_at_cue(&self) -> bool {
        self.rule.is_some() && (self.named_at_cue || self.own_cue && self.phrase.is_some())
    }

    /// The rules resolved a person pronoun ("il", "she") or a role noun ("la préfète") at
    /// this quote's own cue: who it stands for is what the model weighs best in long texts.
    /// (A plural pronoun stands for a group, which the model's features do not tell apart.)
    fn resolved_at_cue(&self) -> bool {
        self.read_at_cue() && !self.named_at_cue && (self.person_pronoun.is_some() || self.role_head.is_some())
    }

    /// The rules resolved a role noun at this quote's own cue whose head is written
    /// capitalised after a definite article ("selon l'Office européen", "said the
    /// Agency"): a body's own long form or title, not an anaphor, so the named body the
    /// rules resolved it to is the body the text names there (`text`: the article's).
    fn alias_at_cue(&self, text: &str) -> bool {
        let (Some(head), Some(phrase)) = (self.role_head.as_deref(), self.phrase.as_ref()) else { return false };
        self.resolved_at_cue() && capitalised_head(text, phrase.clone(), head)
    }
}

/// Definite articles (folded; "l" of an elided "l'"): a capitalised noun right after one
/// ("l'Office", "the Agency") is a body's own name or title, not a sentence's capital.
const DEFINITE_ARTICLES: [&str; 5] = ["the", "le", "la", "les", "l"];

/// Whether the word `head` (folded) of the phrase `phrase` of `text` is written
/// capitalised right after a definite article ("l'Office européen", "the Agency", "Le
/// Parquet"; not "le magistrat", nor "Mr. King"). Only the phrase is read (a few words).
fn capitalised_head(text: &str, phrase: Range<usize>, head: &str) -> bool {
    let Some(written) = text.get(phrase) else { return false };
    let words: Vec<&str> = written.split(|c: char| c.is_whitespace() || c == '\'' || c == '’').map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).filter(|w| !w.is_empty()).collect();
    words.windows(2).any(|p| DEFINITE_ARTICLES.contains(&fold(p[0]).as_str()) && fold(p[1]) == head && p[1].chars().next().is_some_and(char::is_uppercase))
}

/// What the role-noun phrase read at the cue says beyond its head: the gender it gives a
/// person ("la magistrate", "l'ancien ministre", "the spokeswoman"), whether it is
/// definite (someone the text already knows: "le porte-parole", "his lawyer") and the
/// words of its complement after the head ("du collectif X", "for the agency"), folded.
#[derive(Debug, Clone, PartialEq)]
struct RolePhrase {
    gender: Gender,
    definite: bool,
    complement: Vec<String>,
}

/// Words before a role noun that give it a gender (folded): articles, demonstratives and
/// the adjectives French news puts before a role ("l'ancien ministre", "la nouvelle élue").
const MASCULINE_BEFORE_ROLE: [&str; 10] = ["le", "un", "ce", "cet", "du", "au", "ancien", "nouveau", "premier", "futur"];
const FEMININE_BEFORE_ROLE: [&str; 8] = ["la", "une", "cette", "sa", "ancienne", "nouvelle", "première", "future"];
/// Determiners that make a role noun definite: a person the reader already met.
const DEFINITE_BEFORE_ROLE: [&str; 16] = ["the", "le", "la", "l'", "les", "ce", "cet", "cette", "son", "sa", "ses", "leur", "his", "her", "its", "their"];
/// Words of a cue's phrase read at most (a phrase is a few words; a long one is cut).
const ROLE_PHRASE_WORDS: usize = 12;
/// Words before the role noun read for its gender ("la toute nouvelle présidente").
const ROLE_GENDER_WORDS: usize = 3;

/// The words of `text[range]` with their byte ranges, folded; an elided article or
/// preposition is a word of its own with its apostrophe ("l'" "élue"). At most
/// [`ROLE_PHRASE_WORDS`] words.
fn phrase_words(text: &str, range: Range<usize>) -> Vec<(usize, usize, String)> {
    let Some(written) = text.get(range.clone()) else { return Vec::new() };
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in written.char_indices() {
        if out.len() >= ROLE_PHRASE_WORDS {
            return out;
        }
        if c.is_alphanumeric() || c == '-' {
            start.get_or_insert(i);
        } else if let Some(b) = start.take() {
            let end = if c == '\'' || c == '’' { i + c.len_utf8() } else { i };
            out.push((range.start + b, range.start + end, fold(&written[b..end])));
        }
    }
    if let Some(b) = start.filter(|_| out.len() < ROLE_PHRASE_WORDS) {
        out.push((range.start + b, range.end, fold(&written[b..])));
    }
    out
}

/// Reads the role phrase `phrase` of `text` whose head is `head` (folded): see
/// [`RolePhrase`]. `None` when the head is not among its first words. The head's own
/// form is read by the endings of the quote's language (`french`).
fn read_role_phrase(text: &str, phrase: Range<usize>, head: &str, french: bool) -> Option<RolePhrase> {
    let words = phrase_words(text, phrase);
    let k = words.iter().position(|w| w.2 == head)?;
    let before = &words[..k];
    let by_determiner = before.iter().rev().take(ROLE_GENDER_WORDS).find_map(|w| {
        if MASCULINE_BEFORE_ROLE.contains(&w.2.as_str()) {
            Some(Gender::Male)
        } else {
            FEMININE_BEFORE_ROLE.contains(&w.2.as_str()).then_some(Gender::Female)
        }
    });
    Some(RolePhrase {
        gender: by_determiner.unwrap_or_else(|| role_noun_gender(head, french)),
        definite: before.iter().any(|w| DEFINITE_BEFORE_ROLE.contains(&w.2.as_str())),
        complement: words[k + 1..].iter().map(|w| w.2.clone()).collect(),
    })
}

/// Bytes around a mention read for its article.
const ARTICLE_SCAN_BYTES: usize = 24;

/// The gender a French article gives `word` (folded) when it is one.
fn article_gender(word: &str) -> Gender {
    // (The rules' articles, and the contractions before a body: "du ministère", "au parquet".)
    match word {
        "du" | "au" => Gender::Male,
        _ => super::rules_fr::article_gender(word),
    }
}

/// The gender the French article of the name mentioned at byte `pos` gives it ("la
/// préfecture", "le parquet", "du syndicat"): the mention's own first word when the
/// registry put the article in it, else the word right before it; unknown after "l'",
/// "les" or an English word. An organisation named with a feminine article is what "elle"
/// may stand for.
fn article_gender_before(text: &str, pos: usize) -> Gender {
    let from = floor_char_boundary(text, pos.saturating_sub(ARTICLE_SCAN_BYTES));
    let to = floor_char_boundary(text, (pos + ARTICLE_SCAN_BYTES).min(text.len()));
    let (Some(before), Some(at)) = (text.get(from..pos), text.get(pos..to)) else { return Gender::Unknown };
    let own = at.split_whitespace().next().map_or(Gender::Unknown, |w| article_gender(&fold(w)));
    if own != Gender::Unknown || !before.ends_with(' ') {
        return own;
    }
    before.split_whitespace().last().map_or(Gender::Unknown, |w| article_gender(&fold(w)))
}

/// Words after the cue verb read for a subject written after it (the verb, an adverb or
/// two, the determiner, the role noun: "répondit alors son complice").
const POSTPOSED_WORDS: usize = 5;
/// Bytes after the cue read for them (a few words).
const POSTPOSED_SCAN_BYTES: usize = 60;
/// Determiners that open a postposed subject's role phrase (folded).
const POSTPOSED_DETERMINERS: [&str; 17] = ["le", "la", "l'", "son", "sa", "leur", "un", "une", "ce", "cet", "cette", "the", "his", "her", "their", "its", "a"];

/// A role noun written as the subject after the cue verb, when the rules read no phrase
/// at the cue ("« Tout à fait », répondit alors son complice"; "said again the
/// spokeswoman"): its head (folded) and the kind of speaker it names. Only the words up to
/// the first punctuation after `cue_at` are read, at most [`POSTPOSED_WORDS`] of them, the
/// first being the verb itself: a determiner, then a noun the lexicon knows as a role.
fn postposed_role(text: &str, cue_at: usize) -> Option<(String, SpeakerKind)> {
    let end = floor_char_boundary(text, (cue_at + POSTPOSED_SCAN_BYTES).min(text.len()));
    let clause = text.get(cue_at..end)?;
    let stop = clause.find(|c: char| ",.;:!?«»\"()—–".contains(c)).unwrap_or(clause.len());
    let words = phrase_words(text, cue_at..cue_at + stop);
    let lx = Lexicon::get();
    words.windows(2).take(POSTPOSED_WORDS - 1).skip(1).find_map(|p| {
        let head = &p[1].2;
        POSTPOSED_DETERMINERS.contains(&p[0].2.as_str()).then(|| lx.role(head).map(|k| (head.clone(), k))).flatten()
    })
}

/// A candidate a person's cue can hardly stand for: a listed place ("Lyon"), a name
/// holding one ("Former Arkansas"), or one capitalised word nothing describes (a club's
/// town, "Saint-Étienne", read as a guessed person).
fn is_bare_or_place(entity: &Entity) -> bool {
    let lx = Lexicon::get();
    lx.is_listed_place(&entity.low) || has_place_word(&entity.low) || entity.kind.is_none() && !entity.has_role && entity.words.len() == 1
}

#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub speaker: Speaker,
    pub features: Vec<f64>,
}

/// The shipped model: weights per feature, and where it is used.
#[derive(Debug, Deserialize)]
pub struct Ranker {
    pub features: Vec<String>,
    pub weights: Vec<f64>,
    /// Where the model is used (for English, and for French unless `french_policy` says).
    #[serde(flatten)]
    pub policy: Policy,
    /// Where the model is used on French quotes, when cross-validation on the French
    /// fixtures chose otherwise than on English.
    #[serde(default)]
    pub french_policy: Option<Policy>,
    /// Boosted decision stumps added to the linear score (empty for a plain conditional
    /// logit): they let a feature count differently above and below a threshold.
    #[serde(default)]
    pub stumps: Vec<Stump>,
    /// Weights added to `weights` for a French quote (empty: one set for both languages):
    /// where French news tells its speakers differently, its own quotes say so.
    #[serde(default)]
    pub french_weights: Vec<f64>,
}

/// Where the model overrules the rules.
#[derive(Debug, Clone, Deserialize)]
pub struct Policy {
    /// "off": rules only; "fill": rank only quotes the rules left without a speaker;
    /// "replace": also overrule the rules when the model is confident enough.
    pub mode: String,
    /// Probability the best candidate needs before it is used.
    pub min_probability: f64,
    /// In "replace" mode, a speaker the rules read at the quote's own cue (a name, a
    /// pronoun or a role there), or named at the cue of the other quote of its sentence,
    /// is kept.
    #[serde(default)]
    pub keep_read_at_cue: bool,
    /// With `keep_read_at_cue`, a person pronoun or a role noun the rules resolved at the
    /// cue is not kept but the model's to weigh; a name (or a plural pronoun, or a
    /// capitalised description resolved to the body it names: `rule_pick_alias_at_cue`)
    /// read there is.
    #[serde(default)]
    pub keep_only_names_at_cue: bool,
}

impl Policy {
    fn enabled(&self) -> bool {
        self.mode == "fill" || self.mode == "replace"
    }
}

/// One decision stump: `below` is added to a candidate's score when feature `feature`
/// is at most `threshold`, `above` otherwise.
#[derive(Debug, Deserialize)]
pub struct Stump {
    pub feature: usize,
    pub threshold: f64,
    pub below: f64,
    pub above: f64,
}

impl Ranker {
    /// The model bundled in `assets/ranker/speakers.json`, or the one in the file named by
    /// `DIGLOT_RANKER_MODEL`, when set to something (eval/train_ranker.py's candidates are scored with the real
    /// binary without a rebuild per candidate; a file that does not parse is the rules alone).
    pub fn get() -> &'static Ranker {
        static MODEL: OnceLock<Ranker> = OnceLock::new();
        MODEL.get_or_init(|| Ranker::load(Ranker::model_file()))
    }

    /// The file `DIGLOT_RANKER_MODEL` names, when set to something (set to nothing it counts
    /// as unset, like every `DIGLOT_*` variable). The article cache stamps its quotes with it.
    pub fn model_file() -> Option<std::ffi::OsString> {
        std::env::var_os("DIGLOT_RANKER_MODEL").filter(|p| !p.is_empty())
    }

    /// The model in the file at `path`, or the bundled one when there is none; a file that
    /// cannot be read or parsed gives the rules alone (`off`), never a half-read model.
    fn load(path: Option<std::ffi::OsString>) -> Ranker {
        match path {
            Some(path) => std::fs::read_to_string(path).ok().and_then(|json| Ranker::parse(&json)).unwrap_or_else(Ranker::off),
            None => Ranker::parse(include_str!("../../assets/ranker/speakers.json")).unwrap_or_else(Ranker::off),
        }
    }

    /// A model from its JSON text; `None` when malformed or made for other features.
    pub fn parse(json: &str) -> Option<Ranker> {
        let r: Ranker = serde_json::from_str(json).ok()?;
        let same = r.features.len() == FEATURES.len()
            && r.features.iter().zip(FEATURES).all(|(a, b)| a == b)
            && r.weights.len() == FEATURES.len()
            && r.stumps.iter().all(|s| s.feature < FEATURES.len())
            && (r.french_weights.is_empty() || r.french_weights.len() == FEATURES.len());
        same.then_some(r)
    }

    /// The rules alone: for tests of one rule, and for comparing with the model.
    pub fn off() -> Ranker {
        Ranker {
            features: Vec::new(),
            weights: Vec::new(),
            policy: Policy { mode: "off".into(), min_probability: 1.0, keep_read_at_cue: true, keep_only_names_at_cue: false },
            french_policy: None,
            stumps: Vec::new(),
            french_weights: Vec::new(),
        }
    }

    /// Whether the model is used on any quote.
    pub fn enabled(&self) -> bool {
        self.policy.enabled() || self.french_policy.as_ref().is_some_and(Policy::enabled)
    }

    /// Where the model is used on the quote at `site`.
    fn policy_for(&self, site: &Site) -> &Policy {
        self.french_policy.as_ref().filter(|_| site.french).unwrap_or(&self.policy)
    }

    fn score(&self, c: &Candidate, french: bool) -> f64 {
        let linear: f64 = self.weights.iter().zip(&c.features).map(|(w, x)| w * x).sum();
        let french: f64 = if french { self.french_weights.iter().zip(&c.features).map(|(w, x)| w * x).sum() } else { 0.0 };
        let stumps: f64 = self
            .stumps
            .iter()
            .map(|s| if c.features.get(s.feature).is_some_and(|&x| x <= s.threshold) { s.below } else { s.above })
            .sum();
        linear + french + stumps
    }

    /// The speaker the model gives the quote, when its mode allows overruling the rules
    /// here and the best candidate is probable enough.
    pub fn choose(&self, site: &Site, cands: &[Candidate]) -> Option<Speaker> {
        let policy = self.policy_for(site);
        if !policy.enabled() || site.term || site.unnamed || cands.is_empty() || site.rule.is_some() && policy.mode != "replace" {
            return None;
        }
        // A capitalised description the rules resolved at the cue (a body's long form) is
        // kept as a name is: the features mark it on the rules' pick.
        let alias = cands.iter().any(|c| c.features.get(ALIAS_AT_CUE).is_some_and(|&x| x > 0.0));
        if site.rule.is_some() && policy.keep_read_at_cue && site.read_at_cue() && !(policy.keep_only_names_at_cue && site.resolved_at_cue() && !alias) {
            return None;
        }
        let scores: Vec<f64> = cands.iter().map(|c| self.score(c, site.french)).collect();
        let top = scores.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let total: f64 = scores.iter().map(|s| (s - top).exp()).sum();
        let best = scores.iter().position(|&s| s == top)?;
        let probability = 1.0 / total;
        (probability >= policy.min_probability).then(|| cands[best].speaker.clone())
    }
}

/// First names and the gender news text gives them, learned from PolNeAR train by
/// `eval/learn_first_names.py` (`assets/ranker/first_names.txt`): they tell "he said" from
/// "she said" for a name the bundled list of first names does not know.
fn learned_first_names() -> &'static HashMap<String, Gender> {
    static NAMES: OnceLock<HashMap<String, Gender>> = OnceLock::new();
    NAMES.get_or_init(|| parse_first_names(include_str!("../../assets/ranker/first_names.txt")))
}

/// `name gender ...` lines (gender `m` or `f`; `#` comments); other lines are skipped.
fn parse_first_names(text: &str) -> HashMap<String, Gender> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            let (name, gender) = (words.next()?, words.next()?);
            let gender = match gender {
                "m" => Gender::Male,
                "f" => Gender::Female,
                _ => return None,
            };
            Some((name.to_string(), gender))
        })
        .collect()
}

/// A candidate's gender: what the text and the bundled lists said of it, or else what
/// news text gives its first name.
fn candidate_gender(entity: Option<&Entity>) -> Gender {
    match entity {
        Some(e) if e.gender != Gender::Unknown => e.gender,
        Some(e) if e.words.len() >= 2 => e.words.first().and_then(|w| learned_first_names().get(w.as_str())).copied().unwrap_or(Gender::Unknown),
        _ => Gender::Unknown,
    }
}

/// Words a line needs before it can be told a headline by its capitals.
const TITLE_CASE_MIN_WORDS: usize = 4;
/// Headlines and section titles are short; a paragraph this long is body text.
const TITLE_CASE_MAX_WORDS: usize = 30;

/// Whether `line` is written in Title Case, as headlines are ("Clinton Aide Slams Trump
/// Over Debate"): every word of four letters or more capitalised, at least
/// [`TITLE_CASE_MIN_WORDS`] of them. Names read from such a line often swallow headline
/// words ("On Trump", "Rudy Giuliani Wear").
fn is_title_case(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().take(TITLE_CASE_MAX_WORDS + 1).collect();
    if words.len() > TITLE_CASE_MAX_WORDS {
        return false;
    }
    let long: Vec<&str> = words.into_iter().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).filter(|w| w.chars().count() >= 4).collect();
    long.len() >= TITLE_CASE_MIN_WORDS && long.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Per entity, whether every mention of it is in a Title Case paragraph.
fn only_in_title_case(text: &str, paragraphs: &[Range<usize>], positions: &HashMap<usize, Vec<usize>>) -> HashSet<usize> {
    let title: Vec<bool> = paragraphs.iter().map(|r| text.get(r.clone()).is_some_and(is_title_case)).collect();
    let in_title = |pos: usize| {
        let k = paragraphs.partition_point(|r| r.start <= pos);
        k.checked_sub(1).is_some_and(|k| title[k] && pos < paragraphs[k].end)
    };
    positions.iter().filter(|(_, seen)| seen.iter().all(|&p| in_title(p))).map(|(&e, _)| e).collect()
}

/// The folded words written in lower case somewhere in `text`: a one-word name also
/// written so ("Wait", "Band", "Côté") is mostly a common word opening a sentence.
fn lower_case_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’')
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(fold)
        .collect()
}

/// A one-word name written capitalised that the text also writes in lower case ("Wait",
/// "Tout"; not "préfecture", an institution named by a common noun).
fn is_common_word_name(entity: &Entity, lower_case: &HashSet<String>) -> bool {
    is_one_capitalised_word(entity) && lower_case.contains(&entity.low[0])
}

/// A name of one word written capitalised (not an institution named by a common noun,
/// "préfecture").
fn is_one_capitalised_word(entity: &Entity) -> bool {
    entity.low.len() == 1 && entity.words.first().is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A name of several words, not itself a place, with a place among its words: mostly a
/// fragment of a longer phrase ("Former Arkansas" of "Former Arkansas Gov. Mike Huckabee").
fn has_place_word(low: &[String]) -> bool {
    let lx = Lexicon::get();
    low.len() >= 2 && !lx.is_listed_place(low) && low.iter().any(|w| lx.is_listed_place(std::slice::from_ref(w)))
}

/// Per entity, what the mentions in one quote's window say.
#[derive(Default)]
struct Near {
    before: Option<usize>,
    after: Option<usize>,
    cue_distance: Option<usize>,
    before_in_sentence: bool,
    after_in_sentence: bool,
    in_phrase: bool,
    in_paragraph: bool,
    spoke_before: bool,
    spoke_any: bool,
    oblique_before: bool,
    /// Mentions from three sentences before the quote's to the quote.
    recent: usize,
    /// Named in the quote's sentence right after a word that makes a name the listener
    /// or the topic ("told X", "to X", "about X") or the source ("according to X").
    object_in_sentence: bool,
    source_in_sentence: bool,
    spoke_in_sentence: bool,
    /// Named in the quote's sentence as a possessor ("Clinton's campaign chairman, John
    /// Podesta"), or after "in" (where it was said or published: "a column in The Daily
    /// Beast").
    possessive_in_sentence: bool,
    venue_in_sentence: bool,
    /// Mentioned inside the quote's window (else only earlier in the document).
    in_window: bool,
}

/// Words before a name that make it where something was said or published.
const VENUE_WORDS: [&str; 2] = ["in", "dans"];
/// Bytes after a mention's start read for its name and a possessive ending.
const POSSESSIVE_SCAN_BYTES: usize = 80;

/// Whether the mention at byte `pos`, a name ending in `last` (as written), is followed by
/// a possessive ending ("Clinton's", "Sanders’", "Sanders' campaign").
fn is_possessive(text: &str, pos: usize, last: &str) -> bool {
    let end = floor_char_boundary(text, (pos + POSSESSIVE_SCAN_BYTES).min(text.len()));
    let Some(after) = text.get(pos..end) else { return false };
    let Some(at) = after.find(last) else { return false };
    let rest = &after[at + last.len()..];
    ["'s ", "’s ", "' ", "’ "].iter().any(|p| rest.starts_with(p))
}

/// Words before a name that make it the listener or the topic, not the speaker.
// (en-speakers s18: "telling" and "asking" take their listener after them as "told" does.)
const OBJECT_WORDS: [&str; 16] = ["to", "told", "tells", "telling", "asked", "asking", "with", "about", "against", "at", "on", "à", "avec", "contre", "sur", "interrogé"];
/// Words before a name that make it the source of what follows.
const SOURCE_WORDS: [&str; 5] = ["according", "selon", "d'après", "per", "from"];
/// Sentences before the quote's own counted as its recent context.
const RECENT_SENTENCES: usize = 3;
/// Bytes of a quote read for the words it holds: a quote names its subject early, and a
/// quote of a whole huge paragraph must not make every candidate scan it.
const QUOTE_SCAN_BYTES: usize = 2_000;

/// Articles skipped before a name when reading the word that governs it.
/// An elided "l'" too ("à l'AFP": the outlet told, not the speaker).
const ARTICLES: [&str; 6] = ["the", "a", "le", "la", "les", "l'"];

/// The word just before byte `pos` of `text`, past an article, folded ("told", "according" before "to X"
/// is read as the word before "to"): at most a short stretch back is read.
fn word_before(text: &str, pos: usize) -> Option<String> {
    let from = floor_char_boundary(text, pos.saturating_sub(40));
    let before = text.get(from..pos)?;
    let mut words: Vec<&str> = before.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').filter(|w| !w.is_empty()).collect();
    // An article before the name is not the word that says what it is ("told the Post",
    // "in The Daily Ledger").
    if words.len() >= 2 && words.last().is_some_and(|w| ARTICLES.contains(&fold(w).as_str())) {
        words.pop();
    }
    let last = fold(words.last()?);
    // "according to X": the source word is the one before "to".
    if last == "to" && words.len() >= 2 && fold(words[words.len() - 2]) == "according" {
        return Some("according".into());
    }
    Some(last)
}

/// Words a sentence's subject may follow ("Senator", "The", "Former") before its name.
const SUBJECT_OPENING_WORDS: usize = 3;

/// Whether the name at byte `pos` opens the sentence starting at `start`: at most
/// [`SUBJECT_OPENING_WORDS`] words before it.
fn opens_sentence(text: &str, start: usize, pos: usize) -> bool {
    text.get(start..pos).is_some_and(|t| t.split_whitespace().count() <= SUBJECT_OPENING_WORDS)
}

/// The folded words of the first [`QUOTE_SCAN_BYTES`] of the quote `open..close`.
fn quote_words(text: &str, open: usize, close: usize) -> HashSet<String> {
    let end = floor_char_boundary(text, close.min(open.saturating_add(QUOTE_SCAN_BYTES)).min(text.len()));
    let start = floor_char_boundary(text, open.min(end));
    text[start..end].split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).map(fold).collect()
}

/// Per entity, whether every mention of it opens its sentence (nothing but quote marks,
/// dashes or spaces before it): a one-word "name" met only there is mostly a capitalised
/// opener ("Côté", "Réponse", "Nevertheless"), a real name is met mid-sentence too.
fn sentence_initial_only(text: &str, starts: &[usize], positions: &HashMap<usize, Vec<usize>>) -> HashSet<usize> {
    let opens = |pos: usize| {
        let k = starts.partition_point(|&s| s <= pos);
        let start = k.checked_sub(1).map_or(0, |k| starts[k]);
        text.get(start..pos).is_some_and(|t| t.chars().all(|c| !c.is_alphanumeric()))
    };
    positions.iter().filter(|(_, seen)| seen.iter().all(|&p| opens(p))).map(|(&e, _)| e).collect()
}

/// Byte ranges of the sentence holding `pos` (by the registry's sentence starts) and of
/// the [`RECENT_SENTENCES`] before it.
fn sentence_context(starts: &[usize], pos: usize) -> (Range<usize>, usize) {
    let k = starts.partition_point(|&s| s <= pos);
    let current = k.checked_sub(1).map_or(0, |i| starts[i]);
    let previous = k.checked_sub(2).map_or(current, |i| starts[i]);
    let recent = k.checked_sub(1 + RECENT_SENTENCES).map_or(0, |i| starts[i]);
    (previous..current, recent)
}

/// Every quote's candidates, with their features. `paragraphs` are the byte ranges of the
/// article's paragraphs.
/// The bytes whose mentions are a quote's candidates: the paragraphs from
/// [`PARAGRAPHS_BEFORE`] before the quote's own to the one after it, cut to
/// [`WINDOW_BYTES`] either side of the quote.
fn candidate_window(paragraphs: &[Range<usize>], site: &Site) -> (usize, usize) {
    let lo = paragraphs.get(site.paragraph.saturating_sub(PARAGRAPHS_BEFORE)).map_or(0, |r| r.start);
    let hi = paragraphs.get(site.last_paragraph + 1).or(paragraphs.last()).map_or(usize::MAX, |r| r.end);
    (lo.max(site.open.saturating_sub(WINDOW_BYTES)), hi.min(site.close.saturating_add(WINDOW_BYTES)))
}

pub fn candidates(registry: &Registry, paragraphs: &[Range<usize>], sites: &[Site]) -> Vec<Vec<Candidate>> {
    let mut out = Vec::with_capacity(sites.len());
    for_each_site_candidates(registry, paragraphs, sites, |_, cands| out.push(cands));
    out
}

/// The speaker named at the cue of the quote after `index`, when that quote follows in
/// the same or the next paragraph: a quote sequence keeps its speaker.
fn next_cued_speaker(sites: &[Site], index: usize) -> Option<&str> {
    let (site, next) = (&sites[index], sites.get(index + 1)?);
    (!next.term && next.own_cue && next.paragraph <= site.last_paragraph + 1).then_some(next.rule.as_ref()?.name.as_str())
}

/// [`candidates`] handed over one site at a time (`each(site index, its candidates)`),
/// so a text of thousands of quotes never holds every quote's candidates at once.
pub fn for_each_site_candidates(
    registry: &Registry,
    paragraphs: &[Range<usize>],
    sites: &[Site],
    mut each: impl FnMut(usize, Vec<Candidate>),
) {
    let mut facts = ArticleFacts::read(registry, paragraphs);
    let mut history = QuoteHistory::default();
    let mut parent_cued = false;
    for (index, site) in sites.iter().enumerate() {
        if site.term {
            each(index, Vec::new());
            continue;
        }
        let context = SiteContext::read(registry, &facts, paragraphs, sites, index, &history);
        let earlier = earlier_mentions(&facts, site, &history, &context);
        let mut near = near_speakers(registry, &mut facts, site, &context, &earlier);
        // (A quote carrying on a parent's cue, "« … », a poursuivi la mère. « … »", is the
        // parent's too.)
        parent_cued = site.role_head.as_deref().is_some_and(super::people_fr::is_parent_noun) || site.inherited && parent_cued;
        drop_children_for_parent_cue(&facts, parent_cued, &mut near);
        drop_addressee_of_pronoun(registry, site, &mut near);
        drop_other_gender_for_pronoun(registry, site, &mut near);
        let standing = Standing::compare(registry, site, context.role.as_ref(), &near);
        let scoring = Scoring { registry, facts: &facts, site, context: &context, history: &history, standing, alias_at_cue: site.alias_at_cue(facts.text) };
        let cands = scoring.candidates(near);
        history.record(index, site);
        each(index, cands);
    }
}

/// How many of a candidate's mentions are read to tell whether it is presented as a child.
const CHILD_MENTIONS_SCANNED: usize = 8;

/// fr-roles (session 17): a quote cued by a parent noun ("a poursuivi la mère", or carrying
/// on such a cue: `parent_cued`) is never
/// the child's the article presents as one ("la petite Lina", "la mère de Lina"):
/// such candidates go, when another person candidate stays (people_fr::presented_as_child).
fn drop_children_for_parent_cue(facts: &ArticleFacts, parent_cued: bool, near: &mut Vec<(Speaker, usize, Near)>) {
    if !parent_cued {
        return;
    }
    let text = facts.text;
    let is_child = |e: usize| {
        facts.mentioned_at.get(&e).is_some_and(|at| {
            at.iter().take(CHILD_MENTIONS_SCANNED).any(|&m| {
                let pos = facts.mentions[m].0;
                let from = floor_char_boundary(text, pos.saturating_sub(40));
                text.get(from..pos).is_some_and(super::people_fr::presented_as_child)
            })
        })
    };
    drop_while_a_person_stays(near, |s, e| s.kind == SpeakerKind::Person && e != usize::MAX && is_child(e));
}

/// The candidates `drop` names go, but only when a person candidate it does not name
/// stays: the drop rules below tell who a quote is not, never leave it to no person.
fn drop_while_a_person_stays(near: &mut Vec<(Speaker, usize, Near)>, drop: impl Fn(&Speaker, usize) -> bool) {
    if near.iter().any(|(s, e, _)| s.kind == SpeakerKind::Person && !drop(s, *e)) {
        near.retain(|(s, e, _)| !drop(s, *e));
    }
}

/// fr-people2: an il/elle cue is never the person it speaks to in its own sentence ("À Mme
/// Caradec, elle a rétorqué que …": `Registry::addressee_of_phrase`); that candidate goes
/// when another person candidate stays.
fn drop_addressee_of_pronoun(registry: &Registry, site: &Site, near: &mut Vec<(Speaker, usize, Near)>) {
    let Some(a) = site.person_pronoun.and(site.phrase.clone()).and_then(|p| registry.addressee_of_phrase(p)) else { return };
    drop_while_a_person_stays(near, |_, e| e == a);
}

/// fr-people2: a French gendered pronoun cue ("Celui-ci a assuré", "elle a dit") is never a
/// person the article showed to be of the other gender; such candidates go when a person
/// candidate that may agree stays.
fn drop_other_gender_for_pronoun(registry: &Registry, site: &Site, near: &mut Vec<(Speaker, usize, Near)>) {
    let Some(g) = site.person_pronoun.filter(|&g| site.french && g != Gender::Unknown) else { return };
    let other = |e: usize| registry.entities.get(e).is_some_and(|x| x.kind == Some(SpeakerKind::Person) && x.gender != Gender::Unknown && x.gender != g);
    drop_while_a_person_stays(near, |_, e| other(e));
}

/// What the whole article tells of its entities, read once for all its quotes.
struct ArticleFacts<'a> {
    mentions: Vec<(usize, usize, bool, bool)>,
    text: &'a str,
    sentence_starts: &'a [usize],
    positions: HashMap<usize, Vec<usize>>,
    /// Per entity, its mentions (indices into `mentions`), in document order.
    mentioned_at: HashMap<usize, Vec<usize>>,
    headline_only: HashSet<usize>,
    lower_case: HashSet<String>,
    initial_only: HashSet<usize>,
    /// Each entity's speaker, looked up once however many windows it appears in.
    speaker_of: HashMap<usize, Option<Speaker>>,
    /// Entities by speaker name, and the people by the role nouns the article gives them:
    /// where candidates introduced before the window are found.
    entities_named: HashMap<String, Vec<usize>>,
    people_by_role: HashMap<&'a str, Vec<usize>>,
}

impl<'a> ArticleFacts<'a> {
    fn read(registry: &'a Registry, paragraphs: &[Range<usize>]) -> Self {
        let mentions = registry.mention_view();
        let (text, sentence_starts) = registry.text_and_sentences();
        let mut positions: HashMap<usize, Vec<usize>> = HashMap::default();
        let mut mentioned_at: HashMap<usize, Vec<usize>> = HashMap::default();
        for (k, &(pos, e, _, _)) in mentions.iter().enumerate() {
            positions.entry(e).or_default().push(pos);
            mentioned_at.entry(e).or_default().push(k);
        }
        let headline_only = only_in_title_case(text, paragraphs, &positions);
        let lower_case = lower_case_words(text);
        let initial_only = sentence_initial_only(text, sentence_starts, &positions);
        let mut speaker_of: HashMap<usize, Option<Speaker>> = HashMap::default();
        let mut entities_named: HashMap<String, Vec<usize>> = HashMap::default();
        let mut people_by_role: HashMap<&str, Vec<usize>> = HashMap::default();
        let mut entities: Vec<usize> = mentioned_at.keys().copied().collect();
        entities.sort_unstable();
        for &e in &entities {
            if let Some(s) = speaker_of.entry(e).or_insert_with(|| registry.speaker(e)) {
                entities_named.entry(s.name.clone()).or_default().push(e);
            }
            if let Some(x) = registry.entities.get(e).filter(|x| x.kind == Some(SpeakerKind::Person)) {
                for w in &x.role_words {
                    people_by_role.entry(w.as_str()).or_default().push(e);
                }
            }
        }
        Self {
            mentions,
            text,
            sentence_starts,
            positions,
            mentioned_at,
            headline_only,
            lower_case,
            initial_only,
            speaker_of,
            entities_named,
            people_by_role,
        }
    }
}

/// What the rules decided for the quotes before the current one.
#[derive(Default)]
struct QuoteHistory {
    /// The speakers the rules gave the last quotes to, most recent first.
    recent_speakers: Vec<String>,
    quoted: HashMap<String, usize>,
    /// Who the rules gave each paragraph's quotes to so far.
    quoted_in_paragraph: HashMap<String, usize>,
    previous: Option<String>,
    previous_site: Option<usize>,
}

impl QuoteHistory {
    /// Notes the rules' speaker of site `index`, once its candidates are scored.
    fn record(&mut self, index: usize, site: &Site) {
        if let Some(rule) = &site.rule {
            *self.quoted.entry(rule.name.clone()).or_default() += 1;
            self.quoted_in_paragraph.insert(rule.name.clone(), site.last_paragraph);
            self.previous = Some(rule.name.clone());
            self.recent_speakers.retain(|n| *n != rule.name);
            self.recent_speakers.insert(0, rule.name.clone());
            self.recent_speakers.truncate(EARLIER_SPEAKER_CANDIDATES);
        }
        self.previous_site = Some(index);
    }
}

/// Where one quote sits: its window, its sentences and their subjects, its neighbours'
/// speakers, the words it says and the role phrase at its cue.
struct SiteContext<'s> {
    lo: usize,
    hi: usize,
    own: Range<usize>,
    from: usize,
    to: usize,
    recent_from: usize,
    previous_subject: Option<String>,
    sentence_subject: Option<String>,
    next_speaker: Option<&'s str>,
    near_previous: Option<&'s str>,
    paragraph_subject: Option<String>,
    in_quote: HashSet<String>,
    role: Option<RolePhrase>,
    /// A role noun written after the cue verb when the rules read no phrase there.
    postposed: Option<(String, SpeakerKind)>,
}

impl<'s> SiteContext<'s> {
    fn read(registry: &Registry, facts: &ArticleFacts, paragraphs: &[Range<usize>], sites: &'s [Site], index: usize, history: &QuoteHistory) -> Self {
        let site = &sites[index];
        let (mentions, text, sentence_starts) = (&facts.mentions, facts.text, facts.sentence_starts);
        let (lo, hi) = candidate_window(paragraphs, site);
        let own = paragraphs.get(site.paragraph).map_or(0, |r| r.start)..paragraphs.get(site.last_paragraph).map_or(usize::MAX, |r| r.end);
        let from = mentions.partition_point(|m| m.0 < lo);
        let to = mentions.partition_point(|m| m.0 < hi);
        let (previous_sentence, recent_from) = sentence_context(sentence_starts, site.sentence.0);
        // The name opening the sentence before and the quote's own (within its first few
        // words): its subject, mostly. A name further in ("The plant closes in May") is not.
        let first_in = |range: Range<usize>| {
            let k = mentions.partition_point(|m| m.0 < range.start);
            mentions
                .get(k)
                .filter(|m| m.0 < range.end && !(site.open..site.close).contains(&m.0) && opens_sentence(text, range.start, m.0))
                .map(|m| m.1)
        };
        let name_of = |e: Option<usize>| e.and_then(|e| registry.speaker(e)).map(|s| s.name);
        let previous_subject = name_of(first_in(previous_sentence));
        let sentence_subject = name_of(first_in(site.sentence.0..site.sentence.1));
        let next_speaker = next_cued_speaker(sites, index);
        let near_previous = history
            .previous_site
            .filter(|&p| sites[p].last_paragraph + 1 >= site.paragraph)
            .and_then(|p| sites[p].rule.as_ref())
            .map(|s| s.name.as_str());
        let paragraph_subject = paragraphs.get(site.paragraph).and_then(|r| {
            let k = sentence_starts.partition_point(|&s| s <= r.start);
            let end = sentence_starts.get(k).copied().unwrap_or(r.end).min(r.end);
            name_of(first_in(r.start..end))
        });
        let in_quote = quote_words(text, site.open, site.close);
        let role = site.role_head.as_deref().zip(site.phrase.clone()).and_then(|(h, p)| read_role_phrase(text, p, h, site.french));
        let postposed = site.cue_at.filter(|_| site.phrase.is_none()).and_then(|c| postposed_role(text, c));
        Self {
            lo,
            hi,
            own,
            from,
            to,
            recent_from,
            previous_subject,
            sentence_subject,
            next_speaker,
            near_previous,
            paragraph_subject,
            in_quote,
            role,
            postposed,
        }
    }
}

/// Who the quote may go back to from before its window: the last speakers and the
/// people given the role noun read at the cue, at their last mention before it
/// (indices into the mentions, in document order).
fn earlier_mentions(facts: &ArticleFacts, site: &Site, history: &QuoteHistory, context: &SiteContext) -> Vec<usize> {
    let (mentions, lo, hi) = (&facts.mentions, context.lo, context.hi);
    let last_mention_before = |e: usize| {
        let at = facts.mentioned_at.get(&e)?;
        let k = at.partition_point(|&m| mentions[m].0 < lo);
        let in_window = at.get(k).is_some_and(|&m| mentions[m].0 < hi);
        (!in_window).then(|| k.checked_sub(1).map(|k| at[k])).flatten()
    };
    let mut earlier: Vec<usize> = history
        .recent_speakers
        .iter()
        .filter_map(|name| facts.entities_named.get(name))
        .filter_map(|es| es.iter().filter_map(|&e| last_mention_before(e)).max())
        .collect();
    if let Some(people) = site.role_head.as_deref().and_then(|h| facts.people_by_role.get(h)) {
        let mut found: Vec<usize> = people.iter().rev().take(ROLE_CANDIDATES_SCANNED).filter_map(|&e| last_mention_before(e)).collect();
        found.sort_unstable_by(|a, b| b.cmp(a));
        earlier.extend(found.into_iter().take(EARLIER_ROLE_CANDIDATES));
    }
    earlier.sort_unstable();
    earlier.dedup();
    earlier
}

/// The quote's candidates with what their mentions (the `earlier` ones, then those in
/// the window) say, and the rules' speaker when no mention names it.
/// By speaker name: two entities shown under one name are one candidate.
fn near_speakers(registry: &Registry, facts: &mut ArticleFacts, site: &Site, context: &SiteContext, earlier: &[usize]) -> Vec<(Speaker, usize, Near)> {
    let text = facts.text;
    let mut near: Vec<(Speaker, usize, Near)> = Vec::new();
    for &(pos, e, spoke, oblique) in earlier.iter().map(|&k| &facts.mentions[k]).chain(&facts.mentions[context.from..context.to]) {
        let Some(speaker) = facts.speaker_of.entry(e).or_insert_with(|| registry.speaker(e)).clone() else { continue };
        // (fr-inst2 s18: a news wire only relays a French quote, never speaks it: bodies_fr::is_news_wire.)
        if site.french && crate::text::bodies_fr::is_news_wire(&speaker.name) {
            continue;
        }
        let k = match near.iter().position(|(s, _, _)| s.name == speaker.name) {
            Some(k) => k,
            None => {
                near.push((speaker, e, Near::default()));
                near.len() - 1
            }
        };
        let n = &mut near[k].2;
        if pos < site.open {
            n.before = Some(pos);
            n.spoke_before = spoke;
            n.oblique_before = oblique;
            n.before_in_sentence |= pos >= site.sentence.0;
            n.recent += usize::from(pos >= context.recent_from);
        } else if pos >= site.close {
            n.after = n.after.or(Some(pos));
            n.after_in_sentence |= pos < site.sentence.1;
        }
        if (site.sentence.0..site.sentence.1).contains(&pos) && !(site.open..site.close).contains(&pos) {
            let word = word_before(text, pos);
            n.object_in_sentence |= word.as_deref().is_some_and(|w| OBJECT_WORDS.contains(&w));
            n.source_in_sentence |= word.as_deref().is_some_and(|w| SOURCE_WORDS.contains(&w));
            n.spoke_in_sentence |= spoke;
            n.venue_in_sentence |= word.as_deref().is_some_and(|w| VENUE_WORDS.contains(&w));
            n.possessive_in_sentence |= registry.entities.get(e).and_then(|x| x.words.last()).is_some_and(|last| is_possessive(text, pos, last));
        }
        if let Some(c) = site.cue_at {
            let d = pos.abs_diff(c);
            n.cue_distance = Some(n.cue_distance.map_or(d, |x| x.min(d)));
        }
        n.in_phrase |= site.phrase.as_ref().is_some_and(|r| r.contains(&pos));
        n.in_window |= pos >= context.lo;
        n.in_paragraph |= context.own.contains(&pos);
        n.spoke_any |= spoke;
    }
    if let Some(rule) = &site.rule
        && !near.iter().any(|(s, _, _)| s.name == rule.name)
    {
        near.push((rule.clone(), usize::MAX, Near::default()));
    }
    near
}

/// How each candidate of a quote stands among the others.
struct Standing {
    closest_before: Option<usize>,
    closest_after: Option<usize>,
    genders: Vec<Gender>,
    /// The nearest person before the quote agreeing with the pronoun at the cue.
    nearest_agreeing: Option<usize>,
    person_role: bool,
    role_gender: Gender,
    /// The same for the gender of the role noun at the cue ("la magistrate").
    nearest_role_agreeing: Option<usize>,
    /// Candidates sharing a surname ("Yannick Le Goff", "Erwan Le Goff"), and which of
    /// them was named last before the quote.
    namesakes: Vec<bool>,
    namesake_latest: Vec<bool>,
    /// The candidates' last mentions before the quote, in order.
    befores: Vec<usize>,
}

impl Standing {
    fn compare(registry: &Registry, site: &Site, role: Option<&RolePhrase>, near: &[(Speaker, usize, Near)]) -> Self {
        let closest_before = near.iter().filter_map(|(_, _, n)| n.before).max();
        let closest_after = near.iter().filter_map(|(_, _, n)| n.after).min();
        let genders: Vec<Gender> = near.iter().map(|(_, e, _)| candidate_gender(registry.entities.get(*e))).collect();
        let nearest_agreeing = site.person_pronoun.filter(|&g| g != Gender::Unknown).and_then(|g| nearest_person_before(near, &genders, g));
        let person_role = site.role_head.as_deref().is_some_and(|h| Lexicon::get().role(h) == Some(SpeakerKind::Person));
        let role_gender = role.map_or(Gender::Unknown, |r| r.gender);
        let nearest_role_agreeing = (role_gender != Gender::Unknown).then(|| nearest_person_before(near, &genders, role_gender)).flatten();
        let (namesakes, namesake_latest) = namesakes(near);
        // How many other candidates were named since each one's last mention before the quote.
        let mut befores: Vec<usize> = near.iter().filter_map(|(_, _, n)| n.before).collect();
        befores.sort_unstable();
        Self {
            closest_before,
            closest_after,
            genders,
            nearest_agreeing,
            person_role,
            role_gender,
            nearest_role_agreeing,
            namesakes,
            namesake_latest,
            befores,
        }
    }

    /// How many other candidates were named since a last mention before the quote at `p`.
    fn others_since(&self, p: Option<usize>) -> usize {
        p.map_or(0, |p| self.befores.len() - self.befores.partition_point(|&q| q <= p))
    }
}

/// The candidate (index into `near`) of the person of gender `g` named last before the quote.
fn nearest_person_before(near: &[(Speaker, usize, Near)], genders: &[Gender], g: Gender) -> Option<usize> {
    (0..near.len())
        .filter(|&k| near[k].0.kind == SpeakerKind::Person && genders[k] == g)
        .filter_map(|k| near[k].2.before.map(|p| (p, k)))
        .max()
        .map(|(_, k)| k)
}

/// Per candidate, whether another person candidate shares its surname, and whether it is
/// the one of them named last before the quote.
fn namesakes(near: &[(Speaker, usize, Near)]) -> (Vec<bool>, Vec<bool>) {
    let surname = |k: usize| near[k].0.name.split_whitespace().last().map(fold);
    let namesakes: Vec<bool> = (0..near.len())
        .map(|k| near[k].0.kind == SpeakerKind::Person && (0..near.len()).any(|j| j != k && near[j].0.kind == SpeakerKind::Person && surname(j) == surname(k)))
        .collect();
    let namesake_latest: Vec<bool> = (0..near.len())
        .map(|k| {
            namesakes[k]
                && near[k].2.before.is_some_and(|p| (0..near.len()).all(|j| j == k || !namesakes[j] || surname(j) != surname(k) || near[j].2.before.is_none_or(|q| q < p)))
        })
        .collect();
    (namesakes, namesake_latest)
}

fn flag(b: bool) -> f64 {
    if b { 1.0 } else { 0.0 }
}

/// A distance in bytes as a log of words.
fn log_words(bytes: usize) -> f64 {
    (1.0 + bytes as f64 / BYTES_PER_WORD).ln()
}

/// Everything one quote's candidates are scored from.
struct Scoring<'a> {
    registry: &'a Registry,
    facts: &'a ArticleFacts<'a>,
    site: &'a Site,
    context: &'a SiteContext<'a>,
    history: &'a QuoteHistory,
    standing: Standing,
    alias_at_cue: bool,
}

impl Scoring<'_> {
    /// The candidates with their features.
    fn candidates(&self, near: Vec<(Speaker, usize, Near)>) -> Vec<Candidate> {
        near.into_iter()
            .enumerate()
            .map(|(k, (speaker, e, n))| {
                let features = self.features(k, &speaker, e, &n);
                Candidate { speaker, features }
            })
            .collect()
    }

    /// Whether the cue says a person speaks: a person pronoun, or a role noun naming a
    /// person read at the cue or written after its verb.
    fn person_cue(&self) -> bool {
        self.site.person_pronoun.is_some() || self.standing.person_role || self.context.postposed.as_ref().is_some_and(|(_, k)| *k == SpeakerKind::Person)
    }

    /// The features of candidate `k` (entity `e`), in the order of [`FEATURES`].
    fn features(&self, k: usize, speaker: &Speaker, e: usize, n: &Near) -> Vec<f64> {
        let (site, context, history, standing) = (self.site, self.context, self.history, &self.standing);
        let recency = |name: &str| history.quoted_in_paragraph.get(name).map_or(0.0, |&p| 1.0 / (1.0 + site.paragraph.saturating_sub(p) as f64));
        let role_at_cue = |entity: Option<&Entity>| site.role_head.as_deref().is_some_and(|h| entity.is_some_and(|x| x.role_words.contains(h)));
        let role = context.role.as_ref();
        let entity = self.registry.entities.get(e);
        let gender = standing.genders[k];
        let is_rule = site.rule.as_ref().is_some_and(|r| r.name == speaker.name);
        let seen = self.facts.positions.get(&e).map_or(&[][..], Vec::as_slice);
        let salience = seen.partition_point(|&x| x < site.open);
        let (agrees, disagrees, gender_unknown) = pronoun_agreement(site, speaker, gender);
        let is = |name: Option<&str>| name == Some(speaker.name.as_str());
        // The last word of the name (folded), as the quote would say it.
        let last_word = entity.and_then(|x| x.low.last().cloned()).or_else(|| speaker.name.split_whitespace().last().map(fold));
        let near_previous_speaker = is(context.near_previous);
        // Named in the cue's phrase after its role noun ("le porte-parole du
        // collectif X", "a spokesman for the agency"): whom the speaker speaks for.
        // (A body the phrase describes is registered at the phrase's start, so its
        // name, not its position, tells.)
        let complement = n.in_phrase && last_word.as_ref().is_some_and(|w| role.is_some_and(|r| r.complement.contains(w)));
        let mut features = vec![
            flag(is_rule),
            flag(is_rule && site.own_cue),
            flag(is_rule && site.inherited),
            flag(n.in_phrase),
            flag(n.before_in_sentence),
            flag(n.after_in_sentence),
            n.before.map_or(0.0, |p| log_words(site.open - p)),
            flag(n.before.is_some()),
            n.after.map_or(0.0, |p| log_words(p - site.close)),
            flag(n.after.is_some()),
            n.cue_distance.map_or(0.0, log_words),
            flag(n.cue_distance.is_some()),
            flag(n.in_paragraph),
            flag(n.spoke_before),
            flag(n.spoke_any),
            (1.0 + salience as f64).ln(),
            flag(history.previous.as_deref() == Some(speaker.name.as_str())),
            (1.0 + *history.quoted.get(&speaker.name).unwrap_or(&0) as f64).ln(),
            flag(speaker.kind == SpeakerKind::Person),
            flag(speaker.kind == SpeakerKind::Organisation),
            flag(speaker.kind == SpeakerKind::Document),
            flag(entity.is_some_and(|x| x.has_role)),
            flag(n.oblique_before),
            flag(agrees),
            flag(disagrees),
            flag(n.before.is_some() && n.before == standing.closest_before),
            flag(n.after.is_some() && n.after == standing.closest_after),
            flag(site.rule.is_none() && n.before_in_sentence),
            flag(site.cue_at.is_none() && n.before.is_some() && n.before == standing.closest_before),
            flag(is_rule && site.read_at_cue()),
        ];
        features.extend(name_shape_features(entity));
        features.extend([
            flag(is(context.sentence_subject.as_deref())),
            flag(is(context.previous_subject.as_deref())),
            (1.0 + n.recent as f64).ln(),
            (1.0 + seen.len() as f64).ln(),
            flag(is(context.next_speaker)),
            flag(near_previous_speaker),
            flag(near_previous_speaker && site.cue_at.is_none()),
            // Whom a quote names is mostly whom it is about, not who says it.
            flag(last_word.is_some_and(|w| context.in_quote.contains(&w))),
            flag(n.object_in_sentence),
            flag(n.source_in_sentence),
            flag(history.quoted_in_paragraph.get(&speaker.name) == Some(&site.paragraph)),
            flag(n.spoke_in_sentence),
            // "he said" of a person whose gender nothing tells.
            flag(gender_unknown),
            flag(self.facts.headline_only.contains(&e)),
            flag(entity.is_some_and(|x| speaker.kind != SpeakerKind::Organisation && has_place_word(&x.low))),
            flag(n.possessive_in_sentence),
            flag(n.venue_in_sentence),
            flag(role_at_cue(entity)),
            recency(&speaker.name),
            flag(is(context.paragraph_subject.as_deref())),
            flag(standing.namesakes[k]),
            flag(standing.namesake_latest[k]),
            (1.0 + standing.others_since(n.before) as f64).ln(),
            flag(standing.nearest_agreeing == Some(k)),
            flag(e != usize::MAX && !n.in_window),
            flag(is_rule && site.named_at_cue),
            flag(is_rule && site.resolved_at_cue() && site.person_pronoun.is_some()),
            flag(is_rule && site.resolved_at_cue() && site.role_head.is_some()),
            flag(entity.is_some_and(|x| is_common_word_name(x, &self.facts.lower_case))),
            flag(entity.is_some_and(is_one_capitalised_word) && self.facts.initial_only.contains(&e)),
            flag(is_rule && self.alias_at_cue),
        ]);
        features.extend(self.role_and_cue_features(k, speaker, n, entity, gender, complement));
        features
    }

    /// The last features of [`FEATURES`]: how the candidate fits the role phrase and the
    /// kind of speaker the cue announces. Split out of `features` (issue 13), same order.
    fn role_and_cue_features(&self, k: usize, speaker: &Speaker, n: &Near, entity: Option<&Entity>, gender: Gender, complement: bool) -> [f64; 9] {
        let (site, context, standing, text) = (self.site, self.context, &self.standing, self.facts.text);
        let (role, role_gender) = (context.role.as_ref(), standing.role_gender);
        [
            flag(role_gender != Gender::Unknown && speaker.kind == SpeakerKind::Person && gender == role_gender),
            flag(role_gender != Gender::Unknown && speaker.kind == SpeakerKind::Person && gender != Gender::Unknown && gender != role_gender),
            flag(standing.nearest_role_agreeing == Some(k)),
            flag(complement),
            flag(complement && role.is_some_and(|r| r.definite)),
            // "elle" of "la préfecture": a body whose article agrees with the pronoun.
            flag(speaker.kind != SpeakerKind::Person
                && site.person_pronoun.is_some_and(|g| g != Gender::Unknown && n.before.is_some_and(|p| article_gender_before(text, p) == g))),
            // "l'urgentiste", "the spokesman" read at the cue, and a body.
            flag(standing.person_role && speaker.kind != SpeakerKind::Person),
            // "», répondit alors son complice": a role the rules did not read at the cue,
            // which the article gave this person.
            flag(context.postposed.as_ref().is_some_and(|(h, _)| entity.is_some_and(|x| x.role_words.contains(h)))),
            // A person speaks at the cue ("il", "la préfète", "son complice" after the
            // verb) and the candidate is a place or a bare word.
            flag(self.person_cue() && entity.is_some_and(is_bare_or_place)),
        ]
    }
}

/// How a candidate of `gender` fits the person pronoun at the cue ("he said"): it agrees,
/// it cannot be meant (a body, or the other gender), or its gender is unknown. Split out
/// of `Scoring::features` (issue 13).
fn pronoun_agreement(site: &Site, speaker: &Speaker, gender: Gender) -> (bool, bool, bool) {
    let agrees = site.person_pronoun.is_some_and(|g| g != Gender::Unknown && g == gender && speaker.kind == SpeakerKind::Person);
    let disagrees = site.person_pronoun.is_some_and(|g| {
        speaker.kind != SpeakerKind::Person || g != Gender::Unknown && gender != Gender::Unknown && g != gender
    });
    let gender_unknown = site.person_pronoun.is_some_and(|g| g != Gender::Unknown) && speaker.kind == SpeakerKind::Person && gender == Gender::Unknown;
    (agrees, disagrees, gender_unknown)
}

/// What the candidate's name looks like, whoever it is near: told what it is, a listed
/// place, a headline, all capitals, one bare word. Split out of `Scoring::features`
/// (issue 13), in the order of [`FEATURES`].
fn name_shape_features(entity: Option<&Entity>) -> [f64; 5] {
    [
        // A title, role, organisation word or speech verb said what it is; a
        // bare capitalised word ("May") is only guessed a person.
        flag(entity.is_some_and(|x| x.kind.is_some())),
        // A country ("Iran") is near many quotes but rarely says them.
        flag(entity.is_some_and(|x| Lexicon::get().is_listed_place(&x.low))),
        // Headlines and section titles read as names ("Why Winning Iowa Could
        // Break The Race", "POLLS NOT WRONG").
        flag(entity.is_some_and(|x| x.words.len() >= 4)),
        flag(entity.is_some_and(|x| x.words.len() >= 2 && x.words.iter().all(|w| w.chars().all(|c| !c.is_lowercase())))),
        // One capitalised word nothing describes ("May", "Judgment"): the weakest
        // evidence of a speaker.
        flag(entity.is_some_and(|x| x.kind.is_none() && !x.has_role && x.words.len() == 1)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::from_plain_text;
    use crate::model::Quote;
    use crate::text::quotes::extract_with_candidates;

    /// Every quote of `text` with its candidates, as the ranker sees them.
    fn ranked(text: &str) -> Vec<(Quote, Vec<Candidate>)> {
        let (quotes, cands) = extract_with_candidates(&from_plain_text("t", text), &Ranker::off());
        quotes.into_iter().zip(cands).collect()
    }

    /// A quote with no cue and no rules' speaker, in paragraph `paragraph`.
    fn candidate_site(paragraph: usize, open: usize, close: usize) -> Site {
        Site {
            open,
            close,
            paragraph,
            last_paragraph: paragraph,
            sentence: (open, close),
            cue_at: None,
            phrase: None,
            person_pronoun: None,
            plural_pronoun: false,
            named_at_cue: false,
            unnamed: false,
            rule: None,
            own_cue: false,
            inherited: false,
            term: false,
            role_head: None,
            french: false,
        }
    }

    /// Feature `feature` of the candidate whose name holds `name`, at quote `quote`.
    fn feature(text: &str, quote: usize, name: &str, feature: &str) -> f64 {
        let all = ranked(text);
        let (_, cands) = &all[quote];
        let c = cands.iter().find(|c| c.speaker.name.contains(name)).unwrap_or_else(|| panic!("{name} is not a candidate of quote {quote}: {cands:?}"));
        c.features[FEATURES.iter().position(|f| *f == feature).expect("a feature")]
    }

    #[test]
    fn the_first_name_of_the_quote_sentence_is_its_subject() {
        let text = "Senator Mary Jones told Robert Smith on Monday: \"We will win this fight in the end.\"";
        assert_eq!(feature(text, 0, "Mary Jones", "first_in_quote_sentence"), 1.0);
        assert_eq!(feature(text, 0, "Robert Smith", "first_in_quote_sentence"), 0.0);
    }

    #[test]
    fn a_name_after_told_is_the_listener_and_after_according_to_the_source() {
        let text = "Senator Mary Jones told Robert Smith on Monday: \"We will win this fight in the end.\"";
        assert_eq!(feature(text, 0, "Robert Smith", "object_in_sentence"), 1.0);
        assert_eq!(feature(text, 0, "Mary Jones", "object_in_sentence"), 0.0);
        let text = "The vote was close, according to Ellen Marsh of the Daily Ledger: \"It was never going to pass easily.\"";
        assert_eq!(feature(text, 0, "Ellen Marsh", "source_in_sentence"), 1.0);
    }

    #[test]
    fn the_subject_of_the_sentence_before_is_marked() {
        let text = "Anna Berg met Paul Kline in Boston on Monday. \"We have a deal now, finally,\" she said.";
        assert_eq!(feature(text, 0, "Anna Berg", "subject_of_previous_sentence"), 1.0);
        assert_eq!(feature(text, 0, "Paul Kline", "subject_of_previous_sentence"), 0.0);
        // A name deep in the sentence before is not its subject.
        let text = "Mark Grant spoke on Tuesday. The plant closes in May.\n\n\"I think the numbers are much better than expected.\"";
        assert_eq!(feature(text, 0, "May", "subject_of_previous_sentence"), 0.0);
    }

    #[test]
    fn salience_counts_recent_and_document_mentions() {
        let text = "Anna Berg arrived first. Berg spoke to Paul Kline. Berg then left.\n\n\"We have a deal now, finally,\" she said.";
        assert!(feature(text, 0, "Anna Berg", "log_mentions_recent") > feature(text, 0, "Paul Kline", "log_mentions_recent"));
        assert!(feature(text, 0, "Anna Berg", "log_mentions_document") > feature(text, 0, "Paul Kline", "log_mentions_document"));
    }

    #[test]
    fn the_speaker_of_the_next_cued_quote_is_marked() {
        let text = "\"This is the first of many things to say,\" the spokesman began. \"We are done with this matter today,\" said John Carter.";
        assert_eq!(feature(text, 0, "John Carter", "next_quote_speaker"), 1.0);
    }

    #[test]
    fn a_quote_sequence_keeps_its_speaker_until_a_new_cue() {
        let text = "Maria Lopez said: \"We will build the new road next year.\" \"It will cost far less than the old one did.\"";
        assert_eq!(feature(text, 1, "Maria Lopez", "previous_quote_speaker_near"), 1.0);
        assert_eq!(feature(text, 1, "Maria Lopez", "quoted_in_paragraph"), 1.0);
        assert_eq!(feature(text, 0, "Maria Lopez", "quoted_in_paragraph"), 0.0);
    }

    #[test]
    fn a_name_the_quote_says_is_marked() {
        let text = "Tom Hardy proposed a plan on Monday. \"Hardy is wrong about the plan and the cost,\" said Lisa Grant.";
        assert_eq!(feature(text, 0, "Tom Hardy", "in_quote_text"), 1.0);
        assert_eq!(feature(text, 0, "Lisa Grant", "in_quote_text"), 0.0);
    }

    #[test]
    fn a_name_speaking_in_the_quote_sentence_is_marked() {
        let text = "Tom Hardy proposed a plan on Monday. \"Hardy is wrong about the plan and the cost,\" said Lisa Grant.";
        assert_eq!(feature(text, 0, "Lisa Grant", "spoke_in_sentence"), 1.0);
        assert_eq!(feature(text, 0, "Tom Hardy", "spoke_in_sentence"), 0.0);
    }

    #[test]
    fn a_first_name_learned_from_news_tells_the_pronoun_it_takes() {
        // "Kelly" is not in the bundled list of first names, but news gives it to women:
        // "he" does not agree with her; a name nothing tells the gender of is marked so.
        assert_eq!(parse_first_names("# comment\nKelly f 4 4\nTed m 41 43\nOdd x\n").get("Kelly"), Some(&Gender::Female));
        assert!(!Lexicon::get().first_names.contains_key("Kelly"));
        let text = "Kelly Barlow met Tom Hardy on Monday. \"We will win this fight in the end,\" he said.";
        assert_eq!(feature(text, 0, "Kelly Barlow", "pronoun_disagrees"), 1.0);
        assert_eq!(feature(text, 0, "Kelly Barlow", "pronoun_gender_unknown"), 0.0);
        let text = "Zork Barlow met Tom Hardy on Monday. \"We will win this fight in the end,\" he said.";
        assert_eq!(feature(text, 0, "Zork Barlow", "pronoun_gender_unknown"), 1.0);
        assert_eq!(feature(text, 0, "Tom Hardy", "pronoun_gender_unknown"), 0.0);
    }

    #[test]
    fn a_name_seen_only_in_title_case_headlines_is_marked() {
        assert!(is_title_case("Warren Slams Bank Chief Over Fake Accounts"));
        assert!(!is_title_case("Senator Mary Jones told Robert Smith on Monday"));
        let text = "Warren Slams Bank Chief Over Fake Accounts\n\nSenator Elizabeth Warren spoke to John Stumpf on Tuesday.\n\n\"You should resign from your post at once,\" Warren said.";
        let all = ranked(text);
        let at = FEATURES.iter().position(|f| *f == "only_in_title_case").expect("a feature");
        let only = |name: &str| all[0].1.iter().find(|c| c.speaker.name == name).map(|c| c.features[at]);
        assert_eq!(only("John Stumpf"), Some(0.0));
        let headline: Vec<_> = all[0].1.iter().filter(|c| c.features[at] == 1.0).map(|c| c.speaker.name.clone()).collect();
        assert!(headline.iter().all(|n| n.contains("Slams") || n.contains("Bank") || n.contains("Accounts")), "{headline:?}");
    }

    #[test]
    fn a_one_word_name_also_written_in_lower_case_is_marked() {
        let text = "Wait until the vote, the wait is short. Anna Berg met Tom Hardy on Monday.\n\n\"We will win this fight in the end,\" she said.";
        assert_eq!(feature(text, 0, "Wait", "common_word_name"), 1.0);
        assert_eq!(feature(text, 0, "Anna Berg", "common_word_name"), 0.0);
    }

    #[test]
    fn a_one_word_name_met_only_opening_sentences_is_marked() {
        let text = "Anna Berg met Tom Hardy on Monday. Berg spoke first. Nevertheless the vote failed.\n\n\"We will win this fight in the end,\" she said.";
        assert_eq!(feature(text, 0, "Nevertheless", "sentence_initial_only"), 1.0);
        assert_eq!(feature(text, 0, "Anna Berg", "sentence_initial_only"), 0.0);
        assert_eq!(feature(text, 0, "Tom Hardy", "sentence_initial_only"), 0.0);
    }

    #[test]
    fn a_name_cut_from_a_longer_phrase_is_marked() {
        let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert!(has_place_word(&words("former arkansas")));
        assert!(!has_place_word(&words("mike huckabee")));
        assert!(!has_place_word(&words("arkansas")));
    }

    #[test]
    fn a_role_noun_written_after_the_cue_verb_is_read_as_its_subject() {
        let text = "« Nous gagnerons », répondit alors son complice, sans attendre.";
        let cue = text.find("répondit").expect("the cue");
        assert_eq!(postposed_role(text, cue), Some(("complice".to_string(), SpeakerKind::Person)));
        // The verb alone, or a name after it, is no role; nor a role past the comma.
        let text = "« Nous gagnerons », répondit Paul Martin, son complice.";
        assert_eq!(postposed_role(text, text.find("répondit").expect("the cue")), None);
        let text = "\"We will win,\" said again the spokeswoman.";
        assert_eq!(postposed_role(text, text.find("said").expect("the cue")).map(|r| r.0), Some("spokeswoman".to_string()));
    }

    #[test]
    fn the_person_given_the_role_written_after_the_cue_verb_is_marked() {
        let text = "Le commentateur Paul Vernet travaillait avec son complice de toujours, Luc Garnier, ancien joueur de Montbrison. « Tout à fait, mon ami ! », répondit alors son complice.";
        assert_eq!(feature(text, 0, "Luc Garnier", "role_after_cue_matches"), 1.0);
        assert_eq!(feature(text, 0, "Paul Vernet", "role_after_cue_matches"), 0.0);
    }

    #[test]
    fn a_place_or_a_bare_word_under_a_person_cue_is_marked() {
        let text = "Paul Vernet a quitté Montbrison hier matin. Il a déclaré : « Je ne reviendrai pas dans cette ville. »";
        assert_eq!(feature(text, 0, "Montbrison", "person_cue_bare_or_place"), 1.0);
        assert_eq!(feature(text, 0, "Paul Vernet", "person_cue_bare_or_place"), 0.0);
        let text = "Paul Vernet a quitté Montbrison hier matin. « Je ne reviendrai pas dans cette ville. »";
        assert_eq!(feature(text, 0, "Montbrison", "person_cue_bare_or_place"), 0.0);
    }

    #[test]
    fn a_possessor_and_a_venue_in_the_quote_sentence_are_marked() {
        assert!(is_possessive("Clinton's campaign chairman", 0, "Clinton"));
        assert!(is_possessive("Sanders’ aide", 0, "Sanders"));
        assert!(!is_possessive("Clinton said", 0, "Clinton"));
        let text = "Mary Jones met reporters on Monday. Clinton's campaign chairman, John Podesta, wrote in The Daily Ledger: \"We will win this fight in the end.\"";
        assert_eq!(feature(text, 0, "Clinton", "possessive_in_sentence"), 1.0);
        assert_eq!(feature(text, 0, "John Podesta", "possessive_in_sentence"), 0.0);
        assert_eq!(feature(text, 0, "Daily Ledger", "venue_in_sentence"), 1.0);
        assert_eq!(feature(text, 0, "John Podesta", "venue_in_sentence"), 0.0);
    }

    #[test]
    fn stumps_add_to_the_linear_score_on_either_side_of_their_threshold() {
        let mut model = Ranker::off();
        model.weights = vec![0.0; FEATURES.len()];
        model.stumps = vec![Stump { feature: 0, threshold: 0.5, below: -1.0, above: 2.0 }];
        let with = |x: f64| Candidate { speaker: Speaker { name: "X".into(), kind: SpeakerKind::Person }, features: [vec![x], vec![0.0; FEATURES.len() - 1]].concat() };
        assert_eq!(model.score(&with(0.0), false), -1.0);
        assert_eq!(model.score(&with(1.0), false), 2.0);
        // A stump on a feature the model does not have is refused.
        let json = serde_json::json!({"features": FEATURES.as_slice(), "weights": vec![0.0; FEATURES.len()], "mode": "fill", "min_probability": 0.0,
            "stumps": [{"feature": FEATURES.len(), "threshold": 0.0, "below": 0.0, "above": 0.0}]});
        assert!(Ranker::parse(&json.to_string()).is_none());
    }

    #[test]
    fn the_shipped_model_gives_an_unattributed_continuation_to_the_sequence_speaker() {
        // The second quote has no cue of its own: the speaker of the first, named at its
        // cue and the subject of the sentence, not the official she talked about.
        let text = "Maria Lopez criticised Governor Peter Hall on Tuesday. Lopez said: \"We will build the new road next year.\" \"It will cost far less than the old one did.\"";
        let all = ranked(text);
        let (_, cands) = &all[1];
        let model = Ranker::get();
        let best = cands.iter().max_by(|a, b| model.score(a, false).total_cmp(&model.score(b, false))).expect("candidates");
        assert_eq!(best.speaker.name, "Maria Lopez");
    }

    #[test]
    fn the_bundled_model_matches_the_features() {
        let json = include_str!("../../assets/ranker/speakers.json");
        let model = Ranker::parse(json).expect("assets/ranker/speakers.json must name every feature in order");
        assert_eq!(model.weights.len(), FEATURES.len());
    }

    #[test]
    fn a_model_file_replaces_the_bundled_one_and_a_bad_one_leaves_the_rules() {
        // No file: the bundled model. A file that is missing or not a model of these
        // features: the rules alone, so a wrong DIGLOT_RANKER_MODEL never half-applies.
        assert!(Ranker::load(None).enabled());
        let dir = std::env::temp_dir().join(format!("diglot-ranker-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let missing = dir.join("missing.json");
        assert!(!Ranker::load(Some(missing.into_os_string())).enabled());
        let bad = dir.join("bad.json");
        std::fs::write(&bad, "{\"features\": [\"rule_pick\"], \"weights\": [1.0]}").expect("write");
        assert!(!Ranker::load(Some(bad.into_os_string())).enabled());
        let copy = dir.join("copy.json");
        std::fs::write(&copy, include_str!("../../assets/ranker/speakers.json")).expect("write");
        assert!(Ranker::load(Some(copy.into_os_string())).enabled());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_role_noun_at_the_cue_matches_the_person_given_that_role() {
        let text = "La préfète Anne Morel a visité le chantier lundi. Le maire Paul Girard l'accompagnait.\n\n\"Nous resterons mobilisés jusqu'au bout de cette crise\", a déclaré la préfète.";
        assert_eq!(feature(text, 0, "Anne Morel", "role_at_cue_matches"), 1.0);
        assert_eq!(feature(text, 0, "Paul Girard", "role_at_cue_matches"), 0.0);
    }

    #[test]
    fn a_role_phrase_tells_its_gender_definiteness_and_complement() {
        let read = |phrase: &str, head: &str| read_role_phrase(phrase, 0..phrase.len(), head, !phrase.starts_with("the")).expect("the head is in the phrase");
        assert_eq!(read("la magistrate", "magistrate").gender, Gender::Female);
        assert_eq!(read("l'ancien ministre", "ministre").gender, Gender::Male);
        assert_eq!(read("l’élue", "élue").gender, Gender::Female);
        assert_eq!(read("l'élu", "élu").gender, Gender::Male);
        assert_eq!(read("the spokeswoman", "spokeswoman").gender, Gender::Female);
        assert_eq!(read("l'urgentiste", "urgentiste").gender, Gender::Unknown);
        let p = read("Le porte-parole du collectif Toit pour tous", "porte-parole");
        assert!(p.definite);
        assert_eq!(p.complement, ["du", "collectif", "toit", "pour", "tous"]);
        assert!(!read("un porte-parole de la mairie", "porte-parole").definite);
        assert!(read_role_phrase("la juge", 0..7, "avocate", true).is_none());
    }

    #[test]
    fn a_role_noun_at_the_cue_agrees_with_the_gender_of_a_person() {
        let text = "Claire Dumont a plaidé longuement. Marc Vial a répondu sans attendre.\n\n« Le dossier est vide depuis le premier jour », a lancé la magistrate.";
        assert_eq!(feature(text, 0, "Claire Dumont", "role_gender_agrees"), 1.0);
        assert_eq!(feature(text, 0, "Claire Dumont", "nearest_role_agreeing_before"), 1.0);
        assert_eq!(feature(text, 0, "Marc Vial", "role_gender_disagrees"), 1.0);
        assert_eq!(feature(text, 0, "Marc Vial", "role_gender_agrees"), 0.0);
    }

    #[test]
    fn the_body_a_spokesman_speaks_for_is_marked_as_the_role_complement() {
        let text = "Paul Hamon a pris la parole devant la mairie.\n\n« Nous ne partirons pas d'ici sans réponse écrite », a déclaré le porte-parole du collectif Toit pour tous.";
        assert_eq!(feature(text, 0, "collectif", "role_complement_at_cue"), 1.0);
        assert_eq!(feature(text, 0, "collectif", "role_complement_definite"), 1.0);
        assert_eq!(feature(text, 0, "Paul Hamon", "role_complement_at_cue"), 0.0);
        // A spokesman is a person: the body is not what the role noun names.
        assert_eq!(feature(text, 0, "collectif", "person_role_body"), 1.0);
        assert_eq!(feature(text, 0, "Paul Hamon", "person_role_body"), 0.0);
    }

    #[test]
    fn an_outlet_after_an_elided_article_is_the_listener() {
        // (fr-inst2 s18: a newspaper, not a wire: a wire is no French candidate at all.)
        let text = "Le maire Paul Hamon a réagi lundi.\n\n« Nous ne partirons pas sans réponse écrite », a-t-il déclaré à l'Express.";
        assert_eq!(feature(text, 0, "Express", "object_in_sentence"), 1.0);
        assert_eq!(feature(text, 0, "Paul Hamon", "object_in_sentence"), 0.0);
    }

    #[test]
    fn a_body_whose_article_agrees_with_the_pronoun_is_marked() {
        assert_eq!(article_gender_before("selon la préfecture", 9), Gender::Female);
        assert_eq!(article_gender_before("selon le parquet", 9), Gender::Male);
        assert_eq!(article_gender_before("selon l'AFP", 8), Gender::Unknown);
        assert_eq!(article_gender_before("selon La préfecture", 6), Gender::Female);
        let text = "La préfecture du Gard et le syndicat Force Ouvrière ont publié leurs chiffres lundi.\n\n« Le calme est revenu dans la nuit », a-t-elle indiqué.";
        assert_eq!(feature(text, 0, "préfecture", "body_article_agrees"), 1.0);
    }

    #[test]
    fn a_speaker_met_before_the_window_stays_a_candidate_and_says_how_long_ago_it_spoke() {
        let filler = "The committee met again on Tuesday to discuss the budget and the roads.\n\n";
        let text = format!("Maria Lopez said: \"We will build the new road next year, whatever it costs.\"\n\n{}\"It will cost far less than the old one did, believe me.\"", filler.repeat(4));
        assert_eq!(feature(&text, 1, "Maria Lopez", "outside_window"), 1.0);
        assert_eq!(feature(&text, 1, "Maria Lopez", "spoke_recency"), 1.0 / 6.0);
        assert_eq!(feature(&text, 0, "Maria Lopez", "spoke_recency"), 0.0);
        // Inside the window, a candidate is not marked.
        let text = "Maria Lopez said: \"We will build the new road next year, whatever it costs.\"\n\n\"It will cost far less than the old one did, believe me.\"";
        assert_eq!(feature(text, 1, "Maria Lopez", "outside_window"), 0.0);
        assert_eq!(feature(text, 1, "Maria Lopez", "spoke_recency"), 0.5);
    }

    #[test]
    fn the_subject_of_the_paragraph_first_sentence_is_marked() {
        let text = "Anna Berg met Paul Kline in Boston. They talked about the plant for hours. \"We have a deal now, finally,\" she said.";
        assert_eq!(feature(text, 0, "Anna Berg", "subject_of_paragraph"), 1.0);
        assert_eq!(feature(text, 0, "Paul Kline", "subject_of_paragraph"), 0.0);
    }

    #[test]
    fn namesakes_are_marked_and_the_last_named_of_them() {
        let text = "Yannick Le Goff opened the session. Erwan Le Goff answered him, and Anna Berg listened. \"The budget is voted and that is final,\" said the president.";
        assert_eq!(feature(text, 0, "Yannick Le Goff", "has_namesake"), 1.0);
        assert_eq!(feature(text, 0, "Erwan Le Goff", "namesake_latest"), 1.0);
        assert_eq!(feature(text, 0, "Yannick Le Goff", "namesake_latest"), 0.0);
        assert_eq!(feature(text, 0, "Anna Berg", "has_namesake"), 0.0);
    }

    #[test]
    fn others_named_since_and_the_nearest_agreeing_person_are_counted() {
        let text = "Anna Berg met Paul Kline and Tom Hardy in Boston on Monday. \"We have a deal now, finally,\" she said.";
        assert_eq!(feature(text, 0, "Tom Hardy", "log_others_since"), 0.0);
        assert_eq!(feature(text, 0, "Anna Berg", "log_others_since"), 3f64.ln());
        assert_eq!(feature(text, 0, "Anna Berg", "nearest_agreeing_before"), 1.0);
        assert_eq!(feature(text, 0, "Tom Hardy", "nearest_agreeing_before"), 0.0);
    }

    #[test]
    fn how_the_rules_read_their_pick_at_the_cue_is_marked() {
        let text = "Anna Berg met Paul Kline in Boston on Monday. \"We have a deal now, finally,\" she said. \"It took us a long time to get here,\" said Kline.";
        assert_eq!(feature(text, 0, "Anna Berg", "rule_pick_pronoun_at_cue"), 1.0);
        assert_eq!(feature(text, 0, "Anna Berg", "rule_pick_named_at_cue"), 0.0);
        assert_eq!(feature(text, 1, "Paul Kline", "rule_pick_named_at_cue"), 1.0);
        assert_eq!(feature(text, 1, "Paul Kline", "rule_pick_pronoun_at_cue"), 0.0);
    }

    #[test]
    fn keeping_only_names_at_the_cue_lets_the_model_weigh_a_resolved_pronoun() {
        let speaker = |name: &str| Speaker { name: name.into(), kind: SpeakerKind::Person };
        let mut site = candidate_site(0, 100, 200);
        site.rule = Some(speaker("Anna Berg"));
        site.own_cue = true;
        site.phrase = Some(210..213);
        site.person_pronoun = Some(Gender::Female);
        let mut model = Ranker::off();
        model.policy.mode = "replace".into();
        model.policy.min_probability = 0.0;
        model.weights = [vec![1.0], vec![0.0; FEATURES.len() - 1]].concat();
        let cand = |name: &str, x: f64| Candidate { speaker: speaker(name), features: [vec![x], vec![0.0; FEATURES.len() - 1]].concat() };
        let cands = [cand("Anna Berg", 0.0), cand("Eva Holm", 1.0)];
        assert_eq!(model.choose(&site, &cands), None);
        model.policy.keep_only_names_at_cue = true;
        assert_eq!(model.choose(&site, &cands).map(|s| s.name), Some("Eva Holm".to_string()));
        // A plural pronoun stands for a group: kept.
        site.person_pronoun = None;
        site.plural_pronoun = true;
        assert_eq!(model.choose(&site, &cands), None);
        site.plural_pronoun = false;
        site.person_pronoun = Some(Gender::Female);
        site.named_at_cue = true;
        assert_eq!(model.choose(&site, &cands), None);
    }

    #[test]
    fn a_capitalised_head_after_a_definite_article_is_a_long_form() {
        let text = "Selon l'Office européen, oui. Le Parquet a dit non. Office neuf. Selon le magistrat, oui. Mr. King said.";
        let at = |s: &str| text.find(s).map(|k| k..k + s.len()).expect("in the text");
        assert!(capitalised_head(text, at("l'Office européen"), "office"));
        assert!(capitalised_head(text, at("Le Parquet"), "parquet"));
        // Capitals opening a sentence or after a title say nothing; a lower-case role noun
        // is an anaphor.
        assert!(!capitalised_head(text, at("Office neuf"), "office"));
        assert!(!capitalised_head(text, at("le magistrat"), "magistrat"));
        assert!(!capitalised_head(text, at("Mr. King"), "king"));
        assert_eq!(FEATURES[ALIAS_AT_CUE], "rule_pick_alias_at_cue");
    }

    #[test]
    fn a_capitalised_description_resolved_at_the_cue_marks_the_body_it_names() {
        let text = "The Agency for Coastal Safety published its yearly report on Monday.\n\n\"We saw fewer drownings this summer than in any year before,\" said the Agency, in a statement.";
        assert_eq!(feature(text, 0, "Agency for Coastal Safety", "rule_pick_alias_at_cue"), 1.0);
        let text = "L'ONF a publié lundi son bilan des incendies de l'été.\n\n« Nous avons perdu vingt mille hectares de pins cette saison », a reconnu l'ONF.\n\nSelon l'Office national, « la replantation prendra au moins quinze ans ».";
        assert_eq!(feature(text, 1, "ONF", "rule_pick_alias_at_cue"), 1.0);
        assert_eq!(feature(text, 0, "ONF", "rule_pick_alias_at_cue"), 0.0);
        // A role noun in lower case is an anaphor the model may weigh.
        let text = "Le juge Paul Renaud préside la cour d'appel depuis 2019.\n\n« Nous devons juger plus vite », a déclaré le magistrat lors de l'audience.";
        assert_eq!(feature(text, 0, "Paul Renaud", "rule_pick_role_at_cue"), 1.0);
        assert_eq!(feature(text, 0, "Paul Renaud", "rule_pick_alias_at_cue"), 0.0);
    }

    #[test]
    fn a_long_form_resolved_at_the_cue_is_kept_as_a_name() {
        let speaker = |name: &str| Speaker { name: name.into(), kind: SpeakerKind::Organisation };
        let mut site = candidate_site(0, 100, 200);
        site.rule = Some(speaker("Agenor"));
        site.own_cue = true;
        site.phrase = Some(210..230);
        site.role_head = Some("agence".into());
        let mut model = Ranker::off();
        model.policy = Policy { mode: "replace".into(), min_probability: 0.0, keep_read_at_cue: true, keep_only_names_at_cue: true };
        model.weights = [vec![1.0], vec![0.0; FEATURES.len() - 1]].concat();
        let cand = |name: &str, x: f64, alias: f64| {
            let mut features = [vec![x], vec![0.0; FEATURES.len() - 1]].concat();
            features[ALIAS_AT_CUE] = alias;
            Candidate { speaker: speaker(name), features }
        };
        // A role noun resolved at the cue is the model's to weigh...
        assert_eq!(model.choose(&site, &[cand("Agenor", 0.0, 0.0), cand("Agence nationale", 1.0, 0.0)]).map(|s| s.name), Some("Agence nationale".into()));
        // ... but not when it was a capitalised long form the rules resolved to a named body.
        assert_eq!(model.choose(&site, &[cand("Agenor", 0.0, 1.0), cand("Agence nationale", 1.0, 0.0)]), None);
    }

    #[test]
    fn french_weights_add_to_the_shared_ones_on_french_quotes_only() {
        let mut model = Ranker::off();
        model.policy.mode = "replace".into();
        model.policy.min_probability = 0.0;
        model.weights = [vec![1.0], vec![0.0; FEATURES.len() - 1]].concat();
        model.french_weights = [vec![0.0, 3.0], vec![0.0; FEATURES.len() - 2]].concat();
        let cand = |name: &str, x: f64, y: f64| Candidate {
            speaker: Speaker { name: name.into(), kind: SpeakerKind::Person },
            features: [vec![x, y], vec![0.0; FEATURES.len() - 2]].concat(),
        };
        let cands = [cand("Anna Berg", 1.0, 0.0), cand("Eva Holm", 0.0, 1.0)];
        let mut site = candidate_site(0, 100, 200);
        assert_eq!(model.choose(&site, &cands).map(|s| s.name), Some("Anna Berg".to_string()));
        site.french = true;
        assert_eq!(model.choose(&site, &cands).map(|s| s.name), Some("Eva Holm".to_string()));
        // A French policy of its own: "fill" leaves the rules' speaker alone on French quotes only.
        site.rule = Some(Speaker { name: "Tom Hardy".into(), kind: SpeakerKind::Person });
        model.french_policy = Some(Policy { mode: "fill".into(), ..model.policy.clone() });
        assert_eq!(model.choose(&site, &cands), None);
        site.french = false;
        assert_eq!(model.choose(&site, &cands).map(|s| s.name), Some("Anna Berg".to_string()));
        // French weights for other features are refused.
        let json = serde_json::json!({"features": FEATURES.as_slice(), "weights": vec![0.0; FEATURES.len()], "mode": "fill", "min_probability": 0.0,
            "french_weights": [1.0]});
        assert!(Ranker::parse(&json.to_string()).is_none());
    }

    #[test]
    fn a_model_for_other_features_is_refused() {
        assert!(Ranker::parse(r#"{"features": ["x"], "weights": [1.0], "mode": "fill", "min_probability": 0.5}"#).is_none());
        assert!(Ranker::parse("not json").is_none());
    }

    #[test]
    fn candidates_come_from_nearby_paragraphs_cut_to_a_bounded_span() {
        let site = candidate_site;
        // News paragraphs: two before the quote's own to the one after.
        let news: Vec<Range<usize>> = (0..6).map(|k| k * 400..k * 400 + 399).collect();
        assert_eq!(candidate_window(&news, &site(3, 1250, 1300)), (400, 1999));
        // One paragraph of 2 MB: a span around the quote, not the whole text.
        let one = 0..2_000_000;
        assert_eq!(candidate_window(std::slice::from_ref(&one), &site(0, 1_000_000, 1_000_100)), (1_000_000 - WINDOW_BYTES, 1_000_100 + WINDOW_BYTES));
    }
}
