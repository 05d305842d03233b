//! Proposing counterparts across languages from what the texts share: numbers, names,
//! cognates and lexicon translations, quoted statements. File names and ids are never
//! evidence (users' files are named anything).

use super::profile::{Profile, similarity};
use super::{PairCandidate, pair_quotes};
use crate::model::Manifest;
use crate::model::{Article, Metadata, Quote};
use std::collections::{BTreeSet, HashMap};
use rayon::prelude::*;

fn dice(shared: usize, a: usize, b: usize) -> f32 {
    if a + b == 0 { 0.0 } else { 2.0 * shared as f32 / (a + b) as f32 }
}

/// Articles in different languages (or of unknown language) may be counterparts.
pub(super) fn cross_language(a: &Profile, b: &Profile) -> bool {
    different_languages(a.lang.as_deref(), b.lang.as_deref())
}

fn different_languages(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x != y,
        _ => true,
    }
}

/// Show at most this many shared items in one evidence line.
const EVIDENCE_ITEMS: usize = 6;

/// What two profiles share, and the score it gives (before quotes).
struct Shared<'a> {
    lexical: f32,
    numbers: Vec<&'a String>,
    names: Vec<&'a String>,
    score: f32,
}

fn shared<'a>(pa: &'a Profile, pb: &Profile) -> Shared<'a> {
    // Translate whichever side is French; compare cognates only otherwise.
    let lexical = match (pa.lang.as_deref(), pb.lang.as_deref()) {
        (Some("fr"), _) => similarity(pa.translated(), pb),
        (_, Some("fr")) => similarity(pb.translated(), pa),
        _ => similarity(&pa.plain, pb),
    };
    let numbers: Vec<&String> = pa.numbers.iter().filter(|n| pb.numbers.binary_search(n).is_ok()).collect();
    let names: Vec<&String> =
        pa.names.iter().filter(|(k, _)| pb.names.binary_search_by_key(k, |(key, _)| *key).is_ok()).map(|(_, v)| v).collect();
    let number_share = dice(numbers.len(), pa.numbers.len(), pb.numbers.len());
    let name_share = dice(names.len(), pa.names.len(), pb.names.len());
    // Whole articles share a fair amount of vocabulary by chance; what counts is how far
    // above that floor a pair rises. Quotes are added later, for the best candidates only.
    let lexical_scaled = ((lexical - 0.1) / 0.3).clamp(0.0, 1.0);
    let score = (0.35 * lexical_scaled + 0.3 * name_share + 0.2 * number_share).clamp(0.0, 1.0);
    Shared { lexical, numbers, names, score }
}

/// The score of a pair before quotes (what ranks the candidates).
pub(super) fn score(pa: &Profile, pb: &Profile) -> f32 {
    shared(pa, pb).score
}

/// The listed proposal for two articles: the score and the evidence behind it.
pub(super) fn compare(left: &str, pa: &Profile, right: &str, pb: &Profile) -> PairCandidate {
    let s = shared(pa, pb);
    let mut evidence = vec![format!("{:.0}% of words match by lexicon or cognate", s.lexical * 100.0)];
    let list = |items: &[&String]| {
        let mut s = items.iter().take(EVIDENCE_ITEMS).map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
        if items.len() > EVIDENCE_ITEMS {
            s.push_str(&format!(" (+{} more)", items.len() - EVIDENCE_ITEMS));
        }
        s
    };
    if !s.names.is_empty() {
        evidence.push(format!("{} shared names: {}", s.names.len(), list(&s.names)));
    }
    if !s.numbers.is_empty() {
        evidence.push(format!("{} shared numbers: {}", s.numbers.len(), list(&s.numbers)));
    }
    PairCandidate { left: left.to_string(), right: right.to_string(), score: s.score, evidence }
}

/// Quoted statements two articles have in common, and how many quotes each has.
type QuotesInCommon = (usize, usize, usize);

/// Quotes of each article compared when two articles are weighed as counterparts. News
/// articles hold tens of quotes; a pathological file can hold tens of thousands, whose
/// features alone would take hundreds of megabytes for what is one piece of evidence
/// among several, so only the first ones are compared (the side-by-side view pairs all).
const QUOTES_WEIGHED: usize = 400;

/// Quoted statements the two articles have in common (the costlier part of a comparison),
/// among the first [`QUOTES_WEIGHED`] quotes of each.
pub(super) fn quotes_in_common(pa: &Profile, qa: &[Quote], pb: &Profile, qb: &[Quote]) -> usize {
    let (qa, qb) = (&qa[..qa.len().min(QUOTES_WEIGHED)], &qb[..qb.len().min(QUOTES_WEIGHED)]);
    // Only the articles' languages are read (for quotes of unknown language).
    let stub = |p: &Profile| Article {
        id: String::new(),
        path: String::new(),
        meta: Metadata { language: p.lang.clone(), ..Default::default() },
        text: String::new(),
        paragraphs: Vec::new(),
        links: Vec::new(),
    };
    pair_quotes(&stub(pa), qa, &stub(pb), qb).len()
}

/// A score raised by `common` quoted statements in common.
pub(super) fn with_quotes(score: f32, common: usize, qa: usize, qb: usize) -> f32 {
    if common == 0 { score } else { (score + 0.15 * dice(common, qa, qb)).min(1.0) }
}

/// Add the quoted-statement evidence to a listed candidate.
pub(super) fn quote_evidence(c: &mut PairCandidate, common: usize, qa: usize, qb: usize) {
    if common > 0 {
        c.score = with_quotes(c.score, common, qa, qb);
        c.evidence.push(format!("{common} quoted statements in common"));
    }
}

/// Below this many articles every cross-language pair is compared; above it only pairs
/// that share a name or number not common to many articles (an inverted index keeps
/// thousands of files from costing millions of comparisons).
pub(crate) const COMPARE_ALL_BELOW: usize = 200;
/// An anchor in more articles than this says nothing about which two belong together.
pub(crate) const MAX_ANCHOR_ARTICLES: usize = 50;
/// Proposals below this share nothing beyond chance and are not listed.
pub(super) const MIN_SCORE: f32 = 0.05;
/// Candidates per article that get the quote comparison.
pub(super) const QUOTE_CHECKS_PER_ARTICLE: usize = 3;

/// Pairs of articles worth comparing, `(i, j)` with `i < j`, in order: all of them in a
/// small folder, else those sharing an anchor held by few articles; in either case only
/// articles of different languages (`langs`, by index) or of unknown language.
/// `postings` are the articles' anchors, `(anchor, article)` in any order: sorting them
/// makes it n log n in the number of anchors.
pub(crate) fn candidate_pairs(langs: &[Option<&str>], mut postings: Vec<(i64, u32)>) -> Vec<(u32, u32)> {
    let n = langs.len();
    let mut pairs = Vec::new();
    if n < COMPARE_ALL_BELOW {
        for i in 0..n as u32 {
            for j in i + 1..n as u32 {
                pairs.push((i, j));
            }
        }
    } else {
        postings.sort_unstable();
        postings.dedup();
        for holders in postings.chunk_by(|a, b| a.0 == b.0).filter(|h| h.len() <= MAX_ANCHOR_ARTICLES) {
            for (x, &(_, i)) in holders.iter().enumerate() {
                pairs.extend(holders[x + 1..].iter().map(|&(_, j)| (i, j)));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
    }
    pairs.retain(|&(i, j)| different_languages(langs[i as usize], langs[j as usize]));
    pairs
}

/// [`candidate_pairs`] of articles with these profiles.
fn pairs_of(profiles: &[Profile]) -> Vec<(u32, u32)> {
    let langs: Vec<Option<&str>> = profiles.iter().map(|p| p.lang.as_deref()).collect();
    let postings = profiles.iter().enumerate().flat_map(|(i, p)| p.anchors().map(move |a| (a, i as u32))).collect();
    candidate_pairs(&langs, postings)
}

/// Counterparts across languages, best first; pinned pairs from the manifest come first
/// (when both articles are present), each article pair listed once.
pub fn propose_pairs(articles: &[Article], manifest: &Manifest) -> Vec<PairCandidate> {
    propose_pairs_quoting(articles, manifest, |i| crate::text::quotes::extract(&articles[i]))
}

/// [`propose_pairs`] with each article's quotes already at hand (`quotes[i]` of
/// `articles[i]`, as the quote cache keeps them): none is extracted again.
pub fn propose_pairs_with_quotes(articles: &[Article], manifest: &Manifest, quotes: &[Vec<Quote>]) -> Vec<PairCandidate> {
    propose_pairs_quoting(articles, manifest, |i| quotes.get(i).map(|q| q[..q.len().min(QUOTES_WEIGHED)].to_vec()).unwrap_or_default())
}

/// [`propose_pairs`], with the quotes of article `i` taken by `quotes_of(i)`, asked only
/// for the articles wanted for a quote check.
fn propose_pairs_quoting(articles: &[Article], manifest: &Manifest, quotes_of: impl Fn(usize) -> Vec<Quote> + Sync) -> Vec<PairCandidate> {
    // Profiles are independent: on every core (a folder of thousands).
    let profiles: Vec<Profile> = articles.par_iter().map(Profile::of).collect();
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    propose_among(&ids, &profiles, pairs_of(&profiles), manifest, |wanted| wanted.par_iter().map(|&i| quotes_of(i)).collect())
}

/// The proposals of [`propose_among`] that involve article `x`, from the profiles of `x`
/// and of its possible partners only (`profiles`, by index; `ids` gives every article's
/// id): the `pinned` partners (with whether `x` is on the pinned pair's left) first,
/// then the others best first. The best [`QUOTE_CHECKS_PER_ARTICLE`] proposals and the
/// pinned pairs get the quote check, their quotes taken by `quotes_of(indices)`.
pub(crate) fn propose_for_one(
    x: usize,
    ids: &[&str],
    profiles: &HashMap<usize, Profile>,
    pinned: &[(usize, bool)],
    quotes_of: impl FnOnce(&[usize]) -> HashMap<usize, Vec<Quote>>,
) -> Vec<PairCandidate> {
    let mut pinned: Vec<(usize, bool)> = pinned.iter().copied().filter(|(j, _)| profiles.contains_key(j)).collect();
    let mut once = std::collections::HashSet::new();
    pinned.retain(|(j, _)| once.insert(*j));
    let own = &profiles[&x];
    // Pairs are compared in index order, as the folder-wide listing compares them.
    let ordered = |j: usize| if x < j { (x, j) } else { (j, x) };
    let mut partners: Vec<usize> = profiles.keys().copied().filter(|&j| j != x && !once.contains(&j)).collect();
    partners.sort_unstable();
    let mut proposed: Vec<(usize, f32)> = partners
        .into_iter()
        .filter(|j| cross_language(own, &profiles[j]))
        .map(|j| {
            let (a, b) = ordered(j);
            (j, score(&profiles[&a], &profiles[&b]))
        })
        .collect();
    proposed.sort_by(|a, b| b.1.total_cmp(&a.1));
    let checked: Vec<usize> = std::iter::once(x)
        .chain(pinned.iter().map(|p| p.0))
        .chain(proposed.iter().take(QUOTE_CHECKS_PER_ARTICLE).map(|p| p.0))
        .collect();
    let quotes = quotes_of(&checked);
    let no_quotes = Vec::new();
    let quotes_at = |i: usize| quotes.get(&i).unwrap_or(&no_quotes);
    let common = |a: usize, b: usize| {
        let (qa, qb) = (quotes_at(a), quotes_at(b));
        (quotes_in_common(&profiles[&a], qa, &profiles[&b], qb), qa.len(), qb.len())
    };
    let listing = |a: usize, b: usize| compare(ids[a], &profiles[&a], ids[b], &profiles[&b]);
    let mut listed: Vec<PairCandidate> = pinned
        .iter()
        .map(|&(j, x_left)| {
            let (a, b) = if x_left { (x, j) } else { (j, x) };
            let mut c = listing(a, b);
            c.evidence.insert(0, "pinned in corpus.toml".to_string());
            let (k, qa, qb) = common(a, b);
            quote_evidence(&mut c, k, qa, qb);
            c
        })
        .collect();
    let mut proposed: Vec<(usize, f32, Option<QuotesInCommon>)> = proposed
        .into_iter()
        .enumerate()
        .map(|(rank, (j, s))| {
            let (a, b) = ordered(j);
            let q = (rank < QUOTE_CHECKS_PER_ARTICLE).then(|| common(a, b));
            (j, q.map_or(s, |(k, qa, qb)| with_quotes(s, k, qa, qb)), q)
        })
        .filter(|p| p.1 >= MIN_SCORE)
        .collect();
    proposed.sort_by(|a, b| b.1.total_cmp(&a.1));
    listed.extend(proposed.into_iter().map(|(j, _, q)| {
        let (a, b) = ordered(j);
        let mut c = listing(a, b);
        if let Some((k, qa, qb)) = q {
            quote_evidence(&mut c, k, qa, qb);
        }
        c
    }));
    listed
}

/// A compared pair before it is listed: indices, score, quoted statements in common.
struct Scored {
    i: u32,
    j: u32,
    score: f32,
    quotes: Option<QuotesInCommon>,
}

/// [`propose_pairs`] over the profiles of the articles `ids` (same order), comparing the
/// `pairs` of [`candidate_pairs`] (only their articles' profiles, and those of pinned
/// pairs, are read), with `quotes_of(indices)` giving the quotes of the articles at those
/// indices (in order). Only scores are kept for the candidates; evidence is written for
/// the listed pairs.
pub(crate) fn propose_among(
    ids: &[&str],
    profiles: &[Profile],
    pairs: Vec<(u32, u32)>,
    manifest: &Manifest,
    quotes_of: impl FnOnce(&[usize]) -> Vec<Vec<Quote>>,
) -> Vec<PairCandidate> {
    let n = ids.len();
    let index: std::collections::HashMap<&str, usize> = ids.iter().enumerate().rev().map(|(i, id)| (*id, i)).collect();
    let mut pinned_at = Vec::new();
    let mut seen = BTreeSet::new();
    for p in &manifest.pairs {
        let (Some(&i), Some(&j)) = (index.get(p.left.as_str()), index.get(p.right.as_str())) else { continue };
        if i == j || !seen.insert((i.min(j) as u32, i.max(j) as u32)) {
            continue;
        }
        pinned_at.push((i, j));
    }
    let mut proposed: Vec<Scored> = pairs
        .into_par_iter()
        .filter(|p| !seen.contains(p))
        .map(|(i, j)| Scored { i, j, score: score(&profiles[i as usize], &profiles[j as usize]), quotes: None })
        .collect();
    proposed.sort_by(|a, b| b.score.total_cmp(&a.score));
    // Which pairs get the quote comparison depends on the ranking only, so quotes are
    // extracted just for the articles of those pairs, not for the whole folder.
    let mut quote_checks = vec![0; n];
    let checked: Vec<bool> = proposed
        .iter()
        .map(|s| {
            let (i, j) = (s.i as usize, s.j as usize);
            let check = quote_checks[i] < QUOTE_CHECKS_PER_ARTICLE || quote_checks[j] < QUOTE_CHECKS_PER_ARTICLE;
            if check {
                quote_checks[i] += 1;
                quote_checks[j] += 1;
            }
            check
        })
        .collect();
    let mut wanted = vec![false; n];
    for (i, j) in proposed.iter().zip(&checked).filter(|(_, c)| **c).map(|(s, _)| (s.i as usize, s.j as usize)).chain(pinned_at.iter().copied()) {
        wanted[i] = true;
        wanted[j] = true;
    }
    let wanted: Vec<usize> = (0..n).filter(|&i| wanted[i]).collect();
    let mut quotes: Vec<Vec<Quote>> = vec![Vec::new(); n];
    for (i, q) in wanted.iter().zip(quotes_of(&wanted)) {
        quotes[*i] = q;
    }
    let common = |i: usize, j: usize| {
        let c = quotes_in_common(&profiles[i], &quotes[i], &profiles[j], &quotes[j]);
        (c, quotes[i].len(), quotes[j].len())
    };
    proposed.par_iter_mut().zip(&checked).filter(|(_, c)| **c).for_each(|(s, _)| {
        let q = common(s.i as usize, s.j as usize);
        s.score = with_quotes(s.score, q.0, q.1, q.2);
        s.quotes = Some(q);
    });
    let mut listed: Vec<PairCandidate> = pinned_at
        .iter()
        .map(|&(i, j)| {
            let mut c = compare(ids[i], &profiles[i], ids[j], &profiles[j]);
            c.evidence.insert(0, "pinned in corpus.toml".to_string());
            let (k, qa, qb) = common(i, j);
            quote_evidence(&mut c, k, qa, qb);
            c
        })
        .collect();
    proposed.retain(|s| s.score >= MIN_SCORE);
    proposed.sort_by(|a, b| b.score.total_cmp(&a.score));
    listed.par_extend(proposed.par_iter().map(|s| {
        let (i, j) = (s.i as usize, s.j as usize);
        let mut c = compare(ids[i], &profiles[i], ids[j], &profiles[j]);
        if let Some((k, qa, qb)) = s.quotes {
            quote_evidence(&mut c, k, qa, qb);
        }
        c
    }));
    listed
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
        let profiles: Vec<Profile> = articles.iter().map(Profile::of).collect();
        let candidates = pairs_of(&profiles);
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
        let quotes: Vec<Vec<Quote>> = articles.iter().map(crate::text::quotes::extract).collect();
        let every = propose_pairs_with_quotes(&articles, &Manifest::default(), &quotes);
        assert!(lazy.iter().any(|c| c.evidence.iter().any(|e| e.contains("quoted statements"))), "quotes were compared");
        assert_eq!(lazy, every);
    }

    #[test]
    fn a_file_of_thousands_of_quotes_is_weighed_on_its_first_ones() {
        let profile = |text: &str| Profile::of(&from_plain_text("p", text));
        let quote = |text: &str| Quote {
            article: String::new(),
            text: text.to_string(),
            speaker: None,
            speaker_as_written: None,
            cue: None,
            kind: crate::model::QuoteKind::Direct,
            language: Some("en".to_string()),
            paragraph: 0,
            start: 0,
            end: 0,
        };
        let (pa, pb) = (profile("Minister Bernard Cazeneuve spoke."), profile("Le ministre Bernard Cazeneuve a parlé."));
        let shared: Vec<Quote> = ["We will close the accounts of the network", "Europol seized the servers in Rotterdam", "Propaganda moved to encrypted channels"].map(quote).to_vec();
        let mut many = shared.clone();
        many.extend((0..QUOTES_WEIGHED * 4).map(|_| quote("the weather stays cold over the hills and the valley")));
        // The shared quotes at the head of a huge list are still found, and the cost is
        // that of QUOTES_WEIGHED quotes, not of the whole list.
        assert_eq!(quotes_in_common(&pa, &many, &pb, &shared), 3);
        let mut late = many[3..].to_vec();
        late.extend(shared.clone());
        assert_eq!(quotes_in_common(&pa, &late, &pb, &shared), 0, "quotes past the first {QUOTES_WEIGHED} are not weighed");
    }
}
