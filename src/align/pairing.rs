//! Proposing counterparts across languages from what the texts share: numbers, names,
//! cognates and lexicon translations, quoted statements. File names and ids are never
//! evidence (users' files are named anything).

use super::features::{SentenceFeatures, similarity, text_features};
use super::tokens::{Token, match_key, tokenize};
use super::{PairCandidate, pair_quotes};
use crate::ingest::Manifest;
use crate::model::{Article, Quote};
use std::collections::{BTreeMap, BTreeSet};

/// What one article offers for comparison, computed once per article.
struct Profile {
    /// Whole-text features, translated when French (for comparing with English).
    translated: SentenceFeatures,
    plain: SentenceFeatures,
    /// Numbers of two or more digits (one-digit numbers are everywhere).
    numbers: BTreeSet<String>,
    /// Capitalised words by match key, with one written form to show as evidence.
    names: BTreeMap<u32, String>,
    quotes: Vec<Quote>,
    lang: Option<String>,
}

fn profile(article: &Article) -> Profile {
    let mut numbers = BTreeSet::new();
    let mut names = BTreeMap::new();
    for (_, s) in article.sentences() {
        let text = article.slice(&s.range);
        let mut first = true;
        for token in tokenize(text) {
            match token {
                Token::Number(n) if n.chars().filter(char::is_ascii_digit).count() >= 2 => {
                    numbers.insert(n);
                }
                // The first word of a sentence is capitalised whatever it is.
                Token::Word { folded, capitalised: true } if !first && folded.chars().count() >= 3 => {
                    names.entry(match_key(&folded)).or_insert_with(|| original_case(text, &folded));
                }
                _ => {}
            }
            first = false;
        }
    }
    let lang = article.meta.language.clone();
    Profile {
        translated: text_features(&article.text, lang.as_deref() == Some("fr")),
        plain: text_features(&article.text, false),
        numbers,
        names,
        quotes: crate::text::quotes::extract(article),
        lang,
    }
}

/// The word as written in `text` (for evidence), else the folded form.
fn original_case(text: &str, folded: &str) -> String {
    text.split(|c: char| !c.is_alphabetic())
        .find(|w| super::tokens::fold(w) == folded)
        .unwrap_or(folded)
        .to_string()
}

fn dice(shared: usize, a: usize, b: usize) -> f32 {
    if a + b == 0 { 0.0 } else { 2.0 * shared as f32 / (a + b) as f32 }
}

/// Articles in different languages (or of unknown language) may be counterparts.
fn cross_language(a: &Profile, b: &Profile) -> bool {
    match (&a.lang, &b.lang) {
        (Some(x), Some(y)) => x != y,
        _ => true,
    }
}

/// Show at most this many shared items in one evidence line.
const EVIDENCE_ITEMS: usize = 6;

fn compare(a: &Article, pa: &Profile, b: &Article, pb: &Profile) -> PairCandidate {
    // Translate whichever side is French; compare cognates only otherwise.
    let lexical = match (pa.lang.as_deref(), pb.lang.as_deref()) {
        (Some("fr"), _) => similarity(std::slice::from_ref(&pa.translated), std::slice::from_ref(&pb.plain)),
        (_, Some("fr")) => similarity(std::slice::from_ref(&pb.translated), std::slice::from_ref(&pa.plain)),
        _ => similarity(std::slice::from_ref(&pa.plain), std::slice::from_ref(&pb.plain)),
    };
    let shared_numbers: Vec<&String> = pa.numbers.intersection(&pb.numbers).collect();
    let shared_names: Vec<&String> = pa.names.iter().filter(|(k, _)| pb.names.contains_key(k)).map(|(_, v)| v).collect();
    let numbers = dice(shared_numbers.len(), pa.numbers.len(), pb.numbers.len());
    let names = dice(shared_names.len(), pa.names.len(), pb.names.len());
    let quote_pairs = pair_quotes(a, &pa.quotes, b, &pb.quotes);
    let quotes = dice(quote_pairs.len(), pa.quotes.len(), pb.quotes.len());

    // Whole articles share a fair amount of vocabulary by chance; what counts is how far
    // above that floor a pair rises.
    let lexical_scaled = ((lexical - 0.1) / 0.3).clamp(0.0, 1.0);
    let score = (0.35 * lexical_scaled + 0.3 * names + 0.2 * numbers + 0.15 * quotes).clamp(0.0, 1.0);

    let mut evidence = vec![format!("{:.0}% of words match by lexicon or cognate", lexical * 100.0)];
    let list = |items: &[&String]| {
        let mut s = items.iter().take(EVIDENCE_ITEMS).map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
        if items.len() > EVIDENCE_ITEMS {
            s.push_str(&format!(" (+{} more)", items.len() - EVIDENCE_ITEMS));
        }
        s
    };
    if !shared_names.is_empty() {
        evidence.push(format!("{} shared names: {}", shared_names.len(), list(&shared_names)));
    }
    if !shared_numbers.is_empty() {
        evidence.push(format!("{} shared numbers: {}", shared_numbers.len(), list(&shared_numbers)));
    }
    if !quote_pairs.is_empty() {
        evidence.push(format!("{} quoted statements in common", quote_pairs.len()));
    }
    PairCandidate { left: a.id.clone(), right: b.id.clone(), score, evidence }
}

/// Counterparts across languages, best first; pinned pairs from the manifest come first
/// (when both articles are present), each article pair listed once.
pub fn propose_pairs(articles: &[Article], manifest: &Manifest) -> Vec<PairCandidate> {
    let profiles: Vec<Profile> = articles.iter().map(profile).collect();
    let index_of = |id: &str| articles.iter().position(|a| a.id == id);
    let mut pinned = Vec::new();
    let mut seen = BTreeSet::new();
    for p in &manifest.pairs {
        let (Some(i), Some(j)) = (index_of(&p.left), index_of(&p.right)) else { continue };
        if i == j || !seen.insert((i.min(j), i.max(j))) {
            continue;
        }
        let mut c = compare(&articles[i], &profiles[i], &articles[j], &profiles[j]);
        c.evidence.insert(0, "pinned in corpus.toml".to_string());
        pinned.push(c);
    }
    let mut proposed = Vec::new();
    for i in 0..articles.len() {
        for j in i + 1..articles.len() {
            if seen.contains(&(i, j)) || !cross_language(&profiles[i], &profiles[j]) {
                continue;
            }
            proposed.push(compare(&articles[i], &profiles[i], &articles[j], &profiles[j]));
        }
    }
    proposed.sort_by(|a, b| b.score.total_cmp(&a.score));
    pinned.extend(proposed);
    pinned
}
