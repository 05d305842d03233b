//! A learned ranker over the speakers a quote could have (issue 13).
//!
//! For each quote, every person, organisation or document the registry saw mentioned
//! near it (its paragraph, the two before and the one after) is a candidate, along with
//! the speaker the rules chose. Each candidate gets language-independent features —
//! distances to the quote and its cue, same sentence or not, being the subject of a cue,
//! agreement with the pronoun at the cue, salience, the previous quote's speaker, its kind,
//! and whether the rules picked it — and a conditional-logit model (one weight per
//! feature, softmax over the quote's candidates) scores them.
//!
//! The weights are trained on PolNeAR's train split by `eval/train_ranker.py` and shipped
//! in `assets/ranker/speakers.json`. `quotes::extract` calls [`Ranker::choose`] only
//! where the model's `mode` says it wins on the dev split; `examples/ranker_dump.rs`
//! prints the candidates and their features for training.

use super::entities::Registry;
use super::lexicon::{Gender, Lexicon};
use crate::model::{Speaker, SpeakerKind};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// The features, in the order of the weights.
pub const FEATURES: [&str; 36] = [
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
    "plural_pronoun_body",
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
];

/// Paragraphs before the quote's own that candidates are read from.
const PARAGRAPHS_BEFORE: usize = 2;
/// However long those paragraphs are, candidates are read at most this far before the
/// quote opens and after it closes (about 800 words; news paragraphs are far shorter):
/// a text that is one huge paragraph would otherwise make every quote weigh every name
/// in it, quadratic in the text's length.
const WINDOW_BYTES: usize = 5_000;
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
}

impl Site {
    /// The rules' speaker was read at this quote's own cue (a name, pronoun or role
    /// there) or named at the cue of the other quote of its sentence.
    fn read_at_cue(&self) -> bool {
        self.rule.is_some() && (self.named_at_cue || self.own_cue && self.phrase.is_some())
    }
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
}

impl Ranker {
    /// The model bundled in `assets/ranker/speakers.json`.
    pub fn get() -> &'static Ranker {
        static MODEL: OnceLock<Ranker> = OnceLock::new();
        MODEL.get_or_init(|| Ranker::parse(include_str!("../../assets/ranker/speakers.json")).unwrap_or_else(Ranker::off))
    }

    /// A model from its JSON text; `None` when malformed or made for other features.
    pub fn parse(json: &str) -> Option<Ranker> {
        let r: Ranker = serde_json::from_str(json).ok()?;
        let same = r.features.len() == FEATURES.len() && r.features.iter().zip(FEATURES).all(|(a, b)| a == b) && r.weights.len() == FEATURES.len();
        same.then_some(r)
    }

    /// The rules alone: for tests of one rule, and for comparing with the model.
    pub fn off() -> Ranker {
        Ranker { features: Vec::new(), weights: Vec::new(), mode: "off".into(), min_probability: 1.0, keep_read_at_cue: true }
    }

    pub fn enabled(&self) -> bool {
        self.mode == "fill" || self.mode == "replace"
    }

    fn score(&self, c: &Candidate) -> f64 {
        self.weights.iter().zip(&c.features).map(|(w, x)| w * x).sum()
    }

    /// The speaker the model gives the quote, when its mode allows overruling the rules
    /// here and the best candidate is probable enough.
    pub fn choose(&self, site: &Site, cands: &[Candidate]) -> Option<Speaker> {
        if !self.enabled() || site.term || site.unnamed || cands.is_empty() || site.rule.is_some() && self.mode != "replace" {
            return None;
        }
        if site.rule.is_some() && self.keep_read_at_cue && site.read_at_cue() {
            return None;
        }
        let scores: Vec<f64> = cands.iter().map(|c| self.score(c)).collect();
        let top = scores.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let total: f64 = scores.iter().map(|s| (s - top).exp()).sum();
        let best = scores.iter().position(|&s| s == top)?;
        let probability = 1.0 / total;
        (probability >= self.min_probability).then(|| cands[best].speaker.clone())
    }
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

/// [`candidates`] handed over one site at a time (`each(site index, its candidates)`),
/// so a text of thousands of quotes never holds every quote's candidates at once.
pub fn for_each_site_candidates(
    registry: &Registry,
    paragraphs: &[Range<usize>],
    sites: &[Site],
    mut each: impl FnMut(usize, Vec<Candidate>),
) {
    let mentions = registry.mention_view();
    let mut positions: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(pos, e, _, _) in &mentions {
        positions.entry(e).or_default().push(pos);
    }
    // Each entity's speaker, looked up once however many windows it appears in.
    let mut speaker_of: HashMap<usize, Option<Speaker>> = HashMap::new();
    let mut quoted: HashMap<String, usize> = HashMap::new();
    let mut previous: Option<String> = None;
    for (index, site) in sites.iter().enumerate() {
        if site.term {
            each(index, Vec::new());
            continue;
        }
        let (lo, hi) = candidate_window(paragraphs, site);
        let own = paragraphs.get(site.paragraph).map_or(0, |r| r.start)..paragraphs.get(site.last_paragraph).map_or(usize::MAX, |r| r.end);
        let from = mentions.partition_point(|m| m.0 < lo);
        let to = mentions.partition_point(|m| m.0 < hi);
        // By speaker name: two entities shown under one name are one candidate.
        let mut near: Vec<(Speaker, usize, Near)> = Vec::new();
        for &(pos, e, spoke, oblique) in &mentions[from..to] {
            let Some(speaker) = speaker_of.entry(e).or_insert_with(|| registry.speaker(e)).clone() else { continue };
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
            } else if pos >= site.close {
                n.after = n.after.or(Some(pos));
                n.after_in_sentence |= pos < site.sentence.1;
            }
            if let Some(c) = site.cue_at {
                let d = pos.abs_diff(c);
                n.cue_distance = Some(n.cue_distance.map_or(d, |x| x.min(d)));
            }
            n.in_phrase |= site.phrase.as_ref().is_some_and(|r| r.contains(&pos));
            n.in_paragraph |= own.contains(&pos);
            n.spoke_any |= spoke;
        }
        if let Some(rule) = &site.rule
            && !near.iter().any(|(s, _, _)| s.name == rule.name)
        {
            near.push((rule.clone(), usize::MAX, Near::default()));
        }
        let closest_before = near.iter().filter_map(|(_, _, n)| n.before).max();
        let closest_after = near.iter().filter_map(|(_, _, n)| n.after).min();
        let words = |bytes: usize| (1.0 + bytes as f64 / BYTES_PER_WORD).ln();
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        let cands: Vec<Candidate> = near
            .into_iter()
            .map(|(speaker, e, n)| {
                let entity = registry.entities.get(e);
                let gender = entity.map_or(Gender::Unknown, |x| x.gender);
                let is_rule = site.rule.as_ref().is_some_and(|r| r.name == speaker.name);
                let salience = positions.get(&e).map_or(0, |p| p.partition_point(|&x| x < site.open));
                let agrees = site.person_pronoun.is_some_and(|g| g != Gender::Unknown && g == gender && speaker.kind == SpeakerKind::Person);
                let disagrees = site.person_pronoun.is_some_and(|g| {
                    speaker.kind != SpeakerKind::Person || g != Gender::Unknown && gender != Gender::Unknown && g != gender
                });
                let features = vec![
                    flag(is_rule),
                    flag(is_rule && site.own_cue),
                    flag(is_rule && site.inherited),
                    flag(n.in_phrase),
                    flag(n.before_in_sentence),
                    flag(n.after_in_sentence),
                    n.before.map_or(0.0, |p| words(site.open - p)),
                    flag(n.before.is_some()),
                    n.after.map_or(0.0, |p| words(p - site.close)),
                    flag(n.after.is_some()),
                    n.cue_distance.map_or(0.0, words),
                    flag(n.cue_distance.is_some()),
                    flag(n.in_paragraph),
                    flag(n.spoke_before),
                    flag(n.spoke_any),
                    (1.0 + salience as f64).ln(),
                    flag(previous.as_deref() == Some(speaker.name.as_str())),
                    (1.0 + *quoted.get(&speaker.name).unwrap_or(&0) as f64).ln(),
                    flag(speaker.kind == SpeakerKind::Person),
                    flag(speaker.kind == SpeakerKind::Organisation),
                    flag(speaker.kind == SpeakerKind::Document),
                    flag(entity.is_some_and(|x| x.has_role)),
                    flag(n.oblique_before),
                    flag(agrees),
                    flag(disagrees),
                    flag(site.plural_pronoun && speaker.kind == SpeakerKind::Organisation),
                    flag(n.before.is_some() && n.before == closest_before),
                    flag(n.after.is_some() && n.after == closest_after),
                    flag(site.rule.is_none() && n.before_in_sentence),
                    flag(site.cue_at.is_none() && n.before.is_some() && n.before == closest_before),
                    flag(is_rule && site.read_at_cue()),
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
                ];
                Candidate { speaker, features }
            })
            .collect();
        if let Some(rule) = &site.rule {
            *quoted.entry(rule.name.clone()).or_default() += 1;
            previous = Some(rule.name.clone());
        }
        each(index, cands);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_model_matches_the_features() {
        let json = include_str!("../../assets/ranker/speakers.json");
        let model = Ranker::parse(json).expect("assets/ranker/speakers.json must name every feature in order");
        assert_eq!(model.weights.len(), FEATURES.len());
    }

    #[test]
    fn a_model_for_other_features_is_refused() {
        assert!(Ranker::parse(r#"{"features": ["x"], "weights": [1.0], "mode": "fill", "min_probability": 0.5}"#).is_none());
        assert!(Ranker::parse("not json").is_none());
    }

    #[test]
    fn candidates_come_from_nearby_paragraphs_cut_to_a_bounded_span() {
        let site = |paragraph: usize, open: usize, close: usize| Site {
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
        };
        // News paragraphs: two before the quote's own to the one after.
        let news: Vec<Range<usize>> = (0..6).map(|k| k * 400..k * 400 + 399).collect();
        assert_eq!(candidate_window(&news, &site(3, 1250, 1300)), (400, 1999));
        // One paragraph of 2 MB: a span around the quote, not the whole text.
        let one = 0..2_000_000;
        assert_eq!(candidate_window(std::slice::from_ref(&one), &site(0, 1_000_000, 1_000_100)), (1_000_000 - WINDOW_BYTES, 1_000_100 + WINDOW_BYTES));
    }
}
