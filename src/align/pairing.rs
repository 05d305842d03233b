//! Proposing counterparts across languages from what the texts share: numbers, names,
//! cognates and lexicon translations, quoted statements. File names and ids are never
//! evidence (users' files are named anything).

use super::features::{SentenceFeatures, similarity, text_features};
use super::tokens::{Token, match_key, tokenize};
use super::{PairCandidate, pair_quotes};
use crate::model::Manifest;
use crate::model::{Article, Quote};
use std::collections::{BTreeMap, BTreeSet};
use rayon::prelude::*;

/// What one article offers for comparison, computed once per article.
struct Profile {
    /// Whole-text features translated through the lexicon: French articles only (for
    /// others they would equal `plain`, and holding them twice doubled the memory).
    translated: Option<SentenceFeatures>,
    plain: SentenceFeatures,
    /// Numbers of two or more digits (one-digit numbers are everywhere).
    numbers: BTreeSet<String>,
    /// Capitalised words by match key, with one written form to show as evidence.
    names: BTreeMap<u32, String>,
    lang: Option<String>,
}

impl Profile {
    /// Features translated when French (for comparing with English), else plain.
    fn translated(&self) -> &SentenceFeatures {
        self.translated.as_ref().unwrap_or(&self.plain)
    }
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
        translated: (lang.as_deref() == Some("fr")).then(|| text_features(&article.text, true)),
        plain: text_features(&article.text, false),
        numbers,
        names,
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
        (Some("fr"), _) => similarity(std::slice::from_ref(pa.translated()), std::slice::from_ref(&pb.plain)),
        (_, Some("fr")) => similarity(std::slice::from_ref(pb.translated()), std::slice::from_ref(&pa.plain)),
        _ => similarity(std::slice::from_ref(&pa.plain), std::slice::from_ref(&pb.plain)),
    };
    let shared_numbers: Vec<&String> = pa.numbers.intersection(&pb.numbers).collect();
    let shared_names: Vec<&String> = pa.names.iter().filter(|(k, _)| pb.names.contains_key(k)).map(|(_, v)| v).collect();
    let numbers = dice(shared_numbers.len(), pa.numbers.len(), pb.numbers.len());
    let names = dice(shared_names.len(), pa.names.len(), pb.names.len());

    // Whole articles share a fair amount of vocabulary by chance; what counts is how far
    // above that floor a pair rises. Quotes are added later, for the best candidates only.
    let lexical_scaled = ((lexical - 0.1) / 0.3).clamp(0.0, 1.0);
    let score = (0.35 * lexical_scaled + 0.3 * names + 0.2 * numbers).clamp(0.0, 1.0);
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
    PairCandidate { left: a.id.clone(), right: b.id.clone(), score, evidence }
}

/// Add the quoted-statement evidence (the costlier part) to a candidate.
fn add_quotes(c: &mut PairCandidate, a: &Article, qa: &[Quote], b: &Article, qb: &[Quote]) {
    let quote_pairs = pair_quotes(a, qa, b, qb);
    if quote_pairs.is_empty() {
        return;
    }
    c.score = (c.score + 0.15 * dice(quote_pairs.len(), qa.len(), qb.len())).min(1.0);
    c.evidence.push(format!("{} quoted statements in common", quote_pairs.len()));
}

/// Below this many articles every cross-language pair is compared; above it only pairs
/// that share a name or number not common to many articles (an inverted index keeps
/// thousands of files from costing millions of comparisons).
const COMPARE_ALL_BELOW: usize = 200;
/// An anchor in more articles than this says nothing about which two belong together.
const MAX_ANCHOR_ARTICLES: usize = 50;
/// Proposals below this share nothing beyond chance and are not listed.
const MIN_SCORE: f32 = 0.05;
/// Candidates per article that get the quote comparison.
const QUOTE_CHECKS_PER_ARTICLE: usize = 3;

fn candidate_pairs(profiles: &[Profile]) -> Vec<(usize, usize)> {
    let n = profiles.len();
    let mut pairs = BTreeSet::new();
    if n < COMPARE_ALL_BELOW {
        for i in 0..n {
            for j in i + 1..n {
                pairs.insert((i, j));
            }
        }
    } else {
        let mut index: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, p) in profiles.iter().enumerate() {
            let anchors = p.names.keys().map(|k| format!("n{k}")).chain(p.numbers.iter().map(|x| format!("#{x}")));
            for a in anchors {
                index.entry(a).or_default().push(i);
            }
        }
        for holders in index.values().filter(|h| h.len() <= MAX_ANCHOR_ARTICLES) {
            for (x, &i) in holders.iter().enumerate() {
                for &j in &holders[x + 1..] {
                    pairs.insert((i.min(j), i.max(j)));
                }
            }
        }
    }
    pairs.into_iter().filter(|&(i, j)| cross_language(&profiles[i], &profiles[j])).collect()
}

/// Counterparts across languages, best first; pinned pairs from the manifest come first
/// (when both articles are present), each article pair listed once.
pub fn propose_pairs(articles: &[Article], manifest: &Manifest) -> Vec<PairCandidate> {
    propose_pairs_quoting(articles, manifest, |a, wanted| if wanted { crate::text::quotes::extract(a) } else { Vec::new() })
}

/// [`propose_pairs`], with the quotes of an article taken by `quotes_of(article, wanted)`:
/// only articles `wanted` for a quote check need theirs.
fn propose_pairs_quoting(
    articles: &[Article],
    manifest: &Manifest,
    quotes_of: impl Fn(&Article, bool) -> Vec<Quote> + Sync,
) -> Vec<PairCandidate> {
    // Profiles and comparisons are independent: on every core (a folder of thousands).
    let profiles: Vec<Profile> = articles.par_iter().map(profile).collect();
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
    let mut proposed: Vec<(usize, usize, PairCandidate)> = candidate_pairs(&profiles)
        .into_par_iter()
        .filter(|p| !seen.contains(p))
        .map(|(i, j)| (i, j, compare(&articles[i], &profiles[i], &articles[j], &profiles[j])))
        .collect();
    proposed.sort_by(|a, b| b.2.score.total_cmp(&a.2.score));
    // Which pairs get the quote comparison depends on the ranking only, so quotes are
    // extracted just for the articles of those pairs, not for the whole folder.
    let mut quote_checks = vec![0; articles.len()];
    let checked: Vec<bool> = proposed
        .iter()
        .map(|&(i, j, _)| {
            let check = quote_checks[i] < QUOTE_CHECKS_PER_ARTICLE || quote_checks[j] < QUOTE_CHECKS_PER_ARTICLE;
            if check {
                quote_checks[i] += 1;
                quote_checks[j] += 1;
            }
            check
        })
        .collect();
    let pinned_at: Vec<Option<(usize, usize)>> =
        pinned.iter().map(|p| index_of(&p.left).zip(index_of(&p.right))).collect();
    let mut wanted = vec![false; articles.len()];
    for (i, j) in proposed.iter().zip(&checked).filter(|(_, c)| **c).map(|(p, _)| (p.0, p.1)).chain(pinned_at.iter().flatten().copied()) {
        wanted[i] = true;
        wanted[j] = true;
    }
    let quotes: Vec<Vec<Quote>> = articles
        .par_iter()
        .zip(&wanted)
        .map(|(a, &w)| quotes_of(a, w))
        .collect();
    for ((i, j, c), _) in proposed.iter_mut().zip(&checked).filter(|(_, c)| **c) {
        add_quotes(c, &articles[*i], &quotes[*i], &articles[*j], &quotes[*j]);
    }
    for (p, (i, j)) in pinned.iter_mut().zip(&pinned_at).filter_map(|(p, at)| Some((p, (*at)?))) {
        add_quotes(p, &articles[i], &quotes[i], &articles[j], &quotes[j]);
    }
    let mut proposed: Vec<PairCandidate> =
        proposed.into_iter().map(|(_, _, c)| c).filter(|c| c.score >= MIN_SCORE).collect();
    proposed.sort_by(|a, b| b.score.total_cmp(&a.score));
    pinned.extend(proposed);
    pinned
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::from_plain_text;

    #[test]
    fn large_corpora_compare_only_pairs_sharing_an_anchor() {
        let fr = from_plain_text(
            "x1",
            "Le ministre Bernard Cazeneuve a annoncé mardi la saisie de 2.500 euros à Lyon. \
             La police a arrêté trois hommes dans le centre de la ville après une longue enquête.",
        );
        let en = from_plain_text(
            "x2",
            "Minister Bernard Cazeneuve announced on Tuesday the seizure of 2,500 euros in Lyon. \
             Police arrested three men in the city centre after a long investigation.",
        );
        let mut articles: Vec<Article> = (0..COMPARE_ALL_BELOW + 5)
            .map(|k| {
                from_plain_text(
                    &format!("f{k}"),
                    &format!("The weather report number {} expects rain over the hills and cold wind this week.", 100 + k),
                )
            })
            .collect();
        articles.insert(7, fr);
        articles.push(en);
        let profiles: Vec<Profile> = articles.iter().map(profile).collect();
        let candidates = candidate_pairs(&profiles);
        assert!(candidates.len() < 50, "{} candidate pairs", candidates.len());
        let pairs = propose_pairs(&articles, &Manifest::default());
        assert_eq!((pairs[0].left.as_str(), pairs[0].right.as_str()), ("x1", "x2"), "{:?}", &pairs[..1]);
    }

    #[test]
    fn quotes_taken_only_for_checked_pairs_give_the_same_proposals() {
        // More articles than are compared all against all, English and French, sharing
        // names, numbers and quotes in overlapping groups.
        let articles: Vec<Article> = (0..COMPARE_ALL_BELOW + 40)
            .map(|k| {
                let (who, n) = (["Cazeneuve", "Wainwright", "Poupard", "Okafor"][k % 4], 1000 + k % 37);
                let text = if k % 3 == 0 {
                    format!("Le ministre {who} a annoncé la saisie de {n} comptes. « Nous fermerons {n} comptes », a déclaré {who} mardi.")
                } else {
                    format!("Minister {who} announced the seizure of {n} accounts. “We will close {n} accounts,” {who} said on Tuesday.")
                };
                from_plain_text(&format!("a{k}"), &text)
            })
            .collect();
        let lazy = propose_pairs(&articles, &Manifest::default());
        let every = propose_pairs_quoting(&articles, &Manifest::default(), |a, _| crate::text::quotes::extract(a));
        assert!(lazy.iter().any(|c| c.evidence.iter().any(|e| e.contains("quoted statements"))), "quotes were compared");
        assert_eq!(lazy, every);
    }
}
