//! Per-sentence evidence and the similarity of two groups of sentences.
//!
//! One side is the "source": each of its content tokens carries the keys it may match
//! (its own cognate key, plus the keys of its lexicon translations when the source is
//! French and the other side English). The other side is the "target": the sorted set of
//! its own keys. Similarity is the weighted share of tokens that found a partner.

use super::inflection::for_each_english_base_form;
use super::lexicon::lexicon;
use super::tokens::{TokenRef, for_each_token, is_stopword, match_key, number_key};
use crate::model::Article;

/// Numbers and names are rarer and more telling than ordinary words.
const NUMBER_WEIGHT: f32 = 2.0;
const NAME_WEIGHT: f32 = 1.5;
const WORD_WEIGHT: f32 = 1.0;
const PUNCTUATION_WEIGHT: f32 = 1.0;

#[derive(Debug, Clone, Default)]
pub struct SourceToken {
    pub keys: Vec<u32>,
    pub weight: f32,
}

#[derive(Debug, Clone, Default)]
pub struct SentenceFeatures {
    /// Length in characters, white space excluded (Gale–Church works on characters).
    pub chars: f32,
    /// Tokens with the keys they may match (used when this side is the source).
    pub source: Vec<SourceToken>,
    /// Sorted, deduplicated keys (used when this side is the target).
    pub target: Vec<u32>,
    /// Total weight of the target tokens.
    pub target_weight: f32,
    /// The sentence holds a quotation mark.
    pub quoted: bool,
    /// Last sentence of its paragraph.
    pub paragraph_end: bool,
}

/// Which lexicon, if any, applies between two languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Left is French, right English: translate left tokens.
    FrenchLeft,
    /// Left is English, right French: translate right tokens.
    FrenchRight,
    /// No lexicon: cognates, numbers and names only.
    None,
}

pub fn direction(left: &Article, right: &Article) -> Direction {
    match (left.meta.language.as_deref(), right.meta.language.as_deref()) {
        (Some("fr"), Some("en")) => Direction::FrenchLeft,
        (Some("en"), Some("fr")) => Direction::FrenchRight,
        _ => Direction::None,
    }
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '„' | '‟' | '「' | '」')
}

/// Features of every sentence of `article`, in `Article::sentences()` order.
pub fn sentence_features(article: &Article, translate: bool) -> Vec<SentenceFeatures> {
    let mut out = Vec::with_capacity(article.sentence_count());
    for para in &article.paragraphs {
        for (k, s) in para.sentences.iter().enumerate() {
            let mut f = text_features(article.slice(&s.range), translate);
            f.paragraph_end = k + 1 == para.sentences.len();
            out.push(f);
        }
    }
    out
}

/// Features of one piece of text (a sentence, a quote, a whole article): its tokens'
/// keys taken as the tokenizer finds them.
pub fn text_features(text: &str, translate: bool) -> SentenceFeatures {
    let mut keys = TokenKeys::new(translate);
    for_each_token(text, |_, token| keys.add(token));
    keys.finish(text);
    SentenceFeatures {
        chars: text.chars().filter(|c| !c.is_whitespace()).count() as f32,
        quoted: text.chars().any(is_quote_mark),
        source: keys.source().map(|(keys, weight)| SourceToken { keys: keys.to_vec(), weight }).collect(),
        target: keys.target,
        target_weight: keys.target_weight,
        ..Default::default()
    }
}

/// The keys of a text's tokens, added one at a time: what [`text_features`] makes its
/// source and target sides of, kept flat (an article's counterpart profile is made of
/// them too, without a vector for each token).
#[derive(Debug, Clone, Default)]
pub struct TokenKeys {
    translate: bool,
    /// The keys of every source token, one after the other.
    source_keys: Vec<u32>,
    /// Per source token: where its keys end in `source_keys`, and its weight.
    source_ends: Vec<(u32, f32)>,
    /// The target side's keys: sorted and deduplicated once [`finish`](Self::finish)ed.
    pub target: Vec<u32>,
    /// Total weight of the target tokens.
    pub target_weight: f32,
}

impl TokenKeys {
    /// `translate`: source words also offer their lexicon translations.
    pub fn new(translate: bool) -> TokenKeys {
        TokenKeys { translate, ..TokenKeys::default() }
    }

    /// The next token of the text.
    pub fn add(&mut self, token: TokenRef<'_>) {
        let (key, weight, folded) = match token {
            TokenRef::Number(n) => (number_key(n), NUMBER_WEIGHT, None),
            TokenRef::Word { folded, capitalised } => {
                if is_stopword(folded) || folded.chars().count() < 2 {
                    return;
                }
                let w = if capitalised { NAME_WEIGHT } else { WORD_WEIGHT };
                (match_key(folded), w, Some(folded))
            }
        };
        self.source_keys.push(key);
        if self.translate && let Some(folded) = folded {
            self.source_keys.extend_from_slice(lexicon().translations(folded));
        }
        self.source_ends.push((self.source_keys.len() as u32, weight));
        self.target.push(key);
        // An inflected English word also offers its base forms, which is what
        // the lexicon translates to ("trouva" → find ~ "found").
        if let Some(folded) = folded {
            for_each_english_base_form(folded, |b| self.target.push(match_key(b)));
        }
        self.target_weight += weight;
    }

    /// Once every token of `text` is added: its question and exclamation marks, and
    /// the target side sorted.
    pub fn finish(&mut self, text: &str) {
        // A question or an exclamation usually stays one in translation: for short lines of
        // dialogue, with few content words, the mark is much of the evidence there is.
        for (mark, key) in [('?', "?"), ('!', "!")] {
            if text.contains(mark) {
                let key = super::tokens::symbol_key(key);
                self.source_keys.push(key);
                self.source_ends.push((self.source_keys.len() as u32, PUNCTUATION_WEIGHT));
                self.target.push(key);
                self.target_weight += PUNCTUATION_WEIGHT;
            }
        }
        self.target.sort_unstable();
        self.target.dedup();
    }

    /// Each source token's keys and weight, in order.
    pub fn source(&self) -> impl Iterator<Item = (&[u32], f32)> {
        let mut start = 0;
        self.source_ends.iter().map(move |&(end, weight)| {
            let keys = &self.source_keys[start..end as usize];
            start = end as usize;
            (keys, weight)
        })
    }
}

/// Similarity in 0..=1 of source sentences `src` and target sentences `tgt` (each a
/// group of up to two consecutive sentences).
pub fn similarity(src: &[SentenceFeatures], tgt: &[SentenceFeatures]) -> f32 {
    let src_weight: f32 = src.iter().flat_map(|s| &s.source).map(|t| t.weight).sum();
    let tgt_weight: f32 = tgt.iter().map(|s| s.target_weight).sum();
    if src_weight + tgt_weight <= 0.0 {
        return 0.0;
    }
    let mut matched = 0.0;
    for token in src.iter().flat_map(|s| &s.source) {
        let hit = token.keys.iter().any(|k| tgt.iter().any(|t| t.target.binary_search(k).is_ok()));
        if hit {
            matched += token.weight;
        }
    }
    (2.0 * matched / (src_weight + tgt_weight)).min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Similarity of a French sentence (translated) to an English one.
    fn sim(fr: &str, en: &str) -> f32 {
        similarity(std::slice::from_ref(&text_features(fr, true)), std::slice::from_ref(&text_features(en, false)))
    }

    #[test]
    fn inflected_verbs_on_both_sides_still_match() {
        // Simple past in French, irregular and regular past in English.
        let s = sim("Elle trouva la clé et ouvrit la porte.", "She found the key and opened the door.");
        assert!(s > 0.9, "{s}");
        let unrelated = sim("Elle trouva la clé et ouvrit la porte.", "The weather stayed cold all week.");
        assert!(unrelated < 0.2, "{unrelated}");
    }

    #[test]
    fn function_words_neither_help_nor_hurt() {
        // Only the content words count, so the pronouns and auxiliaries around them do not
        // dilute the match.
        assert_eq!(sim("Je la vois.", "I see her."), 1.0);
        assert_eq!(sim("Nous avions une maison.", "We had a house."), 1.0);
    }

    #[test]
    fn a_question_matches_a_question() {
        let fr = "Viendra-t-il demain ?";
        assert!(sim(fr, "Will he come tomorrow?") > sim(fr, "He will come tomorrow."));
        // Short exclamations with no content word still share their mark.
        assert!(sim("Oh non !", "Oh no!") > sim("Oh non !", "Oh no."));
    }
}
