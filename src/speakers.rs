//! Who said what across the corpus and its languages (issue 17): every speaker with the
//! forms of their name met in the texts, and every quote with its counterpart in another
//! language. Plain data, shared by `diglot speakers` and the reader's speakers view.
//!
//! Within an article the extractor already gives each quote the fullest name the article
//! uses ("Wainwright" → "Rob Wainwright", "le patron d'Europol" → "Rob Wainwright").
//! Across articles, names are merged by general rules only:
//!
//! * the same name once titles are stripped, accents and case folded ("M. Wainwright",
//!   "Rob Wainwright" and "Rob WAINWRIGHT" written alike are one key);
//! * a person's surname alone ("Wainwright") or with an initial ("R. Wainwright") is the
//!   full name it ends — when exactly one full name of a person in the corpus ends with it.

use crate::align::{self, PairCandidate};
use crate::model::Manifest;
use crate::model::{Article, Lang, Quote, QuoteKind, SpeakerKind};
use crate::text::lexicon::Lexicon;
use serde::Serialize;
use std::collections::HashMap;

/// One speaker across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorpusSpeaker {
    /// The fullest form of the name.
    pub name: String,
    pub kind: SpeakerKind,
    /// Number of direct and partial quotes.
    pub quotes: usize,
    /// Ids of the articles they are quoted in, in corpus order.
    pub articles: Vec<String>,
    /// The forms met in the texts, the name first: "Rob Wainwright", "Wainwright",
    /// "le patron d’Europol" (pronouns left out).
    pub aliases: Vec<String>,
    /// Their quotes, newest article first (undated last), then in text order.
    pub quote_list: Vec<SpeakerQuote>,
}

/// One quote of a speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerQuote {
    pub article: String,
    pub text: String,
    pub kind: QuoteKind,
    pub language: Lang,
    /// The article's date (ISO 8601), by which the list is ordered.
    pub date: Option<String>,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub speaker_as_written: Option<String>,
    /// The same statement quoted in the article's counterpart in another language.
    pub pair: Option<QuoteCounterpart>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteCounterpart {
    pub article: String,
    pub text: String,
    pub language: Lang,
    pub start: usize,
    pub end: usize,
}

/// Every speaker of `articles`, quotes extracted here and counterparts found as the
/// reader's `b` finds them (pinned pairs, else each other's best proposal).
pub fn corpus_speakers(articles: &[Article], manifest: &Manifest) -> Vec<CorpusSpeaker> {
    let quotes: Vec<Vec<Quote>> = articles.iter().map(crate::text::quotes::extract).collect();
    corpus_speakers_with(articles, manifest, &quotes)
}

/// [`corpus_speakers`] with the quotes of each article already at hand (`quotes[i]`, all
/// kinds, of `articles[i]`), as the index keeps them.
pub fn corpus_speakers_with(articles: &[Article], manifest: &Manifest, quotes: &[Vec<Quote>]) -> Vec<CorpusSpeaker> {
    let candidates = align::propose_pairs(articles, manifest);
    let counterparts = counterpart_indices(articles, manifest, &candidates);
    let pairs = quote_pairs(articles, quotes, &counterparts);
    speaker_index(articles, quotes, &pairs)
}

/// Every speaker of `articles`, quotes extracted here, without cross-language pairs
/// (the quick form, for counts).
pub fn speakers(articles: &[Article]) -> Vec<CorpusSpeaker> {
    let quotes: Vec<Vec<Quote>> = articles.iter().map(crate::text::quotes::extract).collect();
    speaker_index(articles, &quotes, &QuotePairs::new())
}

/// Pairs of article indices that are each other's counterpart, each pair once.
pub fn counterpart_indices(articles: &[Article], manifest: &Manifest, candidates: &[PairCandidate]) -> Vec<(usize, usize)> {
    let index: HashMap<&str, usize> = articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let mut pairs = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        if let align::Counterpart::Found(other) = align::counterpart_among(&a.id, articles, manifest, candidates)
            && let Some(&j) = index.get(other.as_str())
            && i < j
        {
            pairs.push((i, j));
        }
    }
    pairs
}

/// Every speaker of a direct or partial quote, most quoted first (then by name).
/// `quotes[i]` are the quotes of `articles[i]`; `pairs` from [`quote_pairs`] (which costs
/// far more than this, and changes only with the corpus: the reader computes it once).
/// Cost: linear in the quotes.
pub fn speaker_index(articles: &[Article], quotes: &[Vec<Quote>], pairs: &QuotePairs) -> Vec<CorpusSpeaker> {
    // Group by folded name and kind first, in corpus order.
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<(String, SpeakerKind), usize> = HashMap::new();
    // Each distinct name is folded once (a corpus repeats a few names thousands of times).
    let mut keys: HashMap<&str, String> = HashMap::new();
    for ai in 0..articles.len() {
        for (qi, q) in quotes.get(ai).into_iter().flatten().enumerate() {
            let Some(s) = q.speaker.as_ref().filter(|_| q.kind != QuoteKind::Term) else { continue };
            let key = keys.entry(s.name.as_str()).or_insert_with(|| name_key(&s.name)).clone();
            if key.is_empty() {
                continue;
            }
            let g = *by_key.entry((key.clone(), s.kind)).or_insert_with(|| {
                groups.push(Group { key, kind: s.kind, names: Vec::new(), members: Vec::new() });
                groups.len() - 1
            });
            groups[g].names.push(s.name.clone());
            groups[g].members.push((ai, qi));
        }
    }
    let target = merge_targets(&groups);
    let mut merged: Vec<Option<Group>> = groups.into_iter().map(Some).collect();
    for g in 0..merged.len() {
        if let Some(t) = target[g]
            && let Some(from) = merged[g].take()
            && let Some(into) = merged[t].as_mut()
        {
            into.names.extend(from.names);
            into.members.extend(from.members);
        }
    }
    let mut out: Vec<CorpusSpeaker> = merged.into_iter().flatten().map(|g| build(g, articles, quotes, pairs)).collect();
    out.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
    out
}

struct Group {
    key: String,
    kind: SpeakerKind,
    /// The name as given at each quote.
    names: Vec<String>,
    /// (article index, quote index) of each quote.
    members: Vec<(usize, usize)>,
}

/// The group each group merges into, if any: a person's lone surname or initial-and-
/// surname into the one person whose full name ends with that surname.
fn merge_targets(groups: &[Group]) -> Vec<Option<usize>> {
    let mut full_by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, g) in groups.iter().enumerate() {
        let words: Vec<&str> = g.key.split(' ').collect();
        if g.kind == SpeakerKind::Person && words.len() >= 2 && !is_initial(words[0]) {
            full_by_surname.entry(words[words.len() - 1]).or_default().push(i);
        }
    }
    groups
        .iter()
        .map(|g| {
            if g.kind != SpeakerKind::Person {
                return None;
            }
            let words: Vec<&str> = g.key.split(' ').collect();
            let (initial, surname) = match words.as_slice() {
                [surname] => (None, *surname),
                [initial, surname] if is_initial(initial) => (initial.chars().next(), *surname),
                _ => return None,
            };
            let candidates: Vec<usize> = full_by_surname
                .get(surname)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&t| initial.is_none_or(|c| groups[t].key.starts_with(c)))
                .collect();
            match candidates.as_slice() {
                [only] => Some(*only),
                _ => None,
            }
        })
        .collect()
}

/// "R" or "R." folded: a first-name initial.
fn is_initial(word: &str) -> bool {
    word.trim_end_matches('.').chars().count() == 1
}

/// A name folded for comparison: titles dropped ("M.", "Dr", "Mme"), accents and case
/// folded, spaces collapsed.
pub fn name_key(name: &str) -> String {
    let lx = Lexicon::get();
    let words: Vec<&str> = name.split_whitespace().collect();
    let first_kept = words.iter().position(|w| lx.title(w).is_none()).unwrap_or(words.len());
    words[first_kept..].iter().map(|w| align::tokens::fold(w)).collect::<Vec<_>>().join(" ")
}

/// For each (article index, quote index), its counterpart quote's.
pub type QuotePairs = HashMap<(usize, usize), (usize, usize)>;

/// The quotes of each counterpart pair of articles (`counterparts`, article indices)
/// paired as `diglot align` pairs them.
pub fn quote_pairs(articles: &[Article], quotes: &[Vec<Quote>], counterparts: &[(usize, usize)]) -> QuotePairs {
    let mut map = QuotePairs::new();
    for &(i, j) in counterparts {
        let (Some(a), Some(b), Some(qa), Some(qb)) = (articles.get(i), articles.get(j), quotes.get(i), quotes.get(j)) else { continue };
        for p in align::pair_quotes(a, qa, b, qb) {
            map.insert((i, p.left_quote), (j, p.right_quote));
            map.insert((j, p.right_quote), (i, p.left_quote));
        }
    }
    map
}

fn build(g: Group, articles: &[Article], quotes: &[Vec<Quote>], pairs: &QuotePairs) -> CorpusSpeaker {
    let quote = |(ai, qi): (usize, usize)| &quotes[ai][qi];
    // The fullest name: most words, then the most used.
    let mut counts: Vec<(&String, usize)> = Vec::new();
    for n in &g.names {
        match counts.iter_mut().find(|(m, _)| *m == n) {
            Some((_, c)) => *c += 1,
            None => counts.push((n, 1)),
        }
    }
    let name = counts
        .iter()
        .max_by(|a, b| a.0.split_whitespace().count().cmp(&b.0.split_whitespace().count()).then(a.1.cmp(&b.1)))
        .map(|(n, _)| (*n).clone())
        .unwrap_or_default();
    let mut aliases = vec![name.clone()];
    let lx = Lexicon::get();
    // Distinct forms first: a speaker quoted thousands of times uses a handful.
    let mut seen = std::collections::HashSet::new();
    let forms = g.names.iter().map(String::as_str).chain(g.members.iter().filter_map(|&m| quote(m).speaker_as_written.as_deref()));
    for form in forms.filter(|f| seen.insert(*f)) {
        let form = form.trim();
        let pronoun = !form.contains(' ') && lx.pronoun(form).is_some();
        if !form.is_empty() && !pronoun && !aliases.iter().any(|a| same_form(a, form)) {
            aliases.push(form.to_string());
        }
    }
    let mut article_ids: Vec<usize> = g.members.iter().map(|&(ai, _)| ai).collect();
    article_ids.sort_unstable();
    article_ids.dedup();
    let mut members = g.members.clone();
    // Newest article first, undated last; then corpus order and text order.
    members.sort_by(|&(a1, q1), &(a2, q2)| {
        let (d1, d2) = (&articles[a1].meta.date, &articles[a2].meta.date);
        d2.is_some().cmp(&d1.is_some()).then_with(|| d2.cmp(d1)).then(a1.cmp(&a2)).then(quote((a1, q1)).start.cmp(&quote((a2, q2)).start))
    });
    let quote_list = members
        .iter()
        .map(|&(ai, qi)| {
            let q = quote((ai, qi));
            SpeakerQuote {
                article: q.article.clone(),
                text: q.text.clone(),
                kind: q.kind,
                language: q.language.clone().or_else(|| articles[ai].meta.language.clone()),
                date: articles[ai].meta.date.clone(),
                paragraph: q.paragraph,
                start: q.start,
                end: q.end,
                speaker_as_written: q.speaker_as_written.clone(),
                pair: pairs.get(&(ai, qi)).map(|&(aj, qj)| {
                    let p = quote((aj, qj));
                    QuoteCounterpart {
                        article: p.article.clone(),
                        text: p.text.clone(),
                        language: p.language.clone().or_else(|| articles[aj].meta.language.clone()),
                        start: p.start,
                        end: p.end,
                    }
                }),
            }
        })
        .collect::<Vec<_>>();
    CorpusSpeaker {
        name,
        kind: g.kind,
        quotes: quote_list.len(),
        articles: article_ids.into_iter().map(|i| articles[i].id.clone()).collect(),
        aliases,
        quote_list,
    }
}

/// Two written forms that differ only in case or apostrophe ("The report" / "the
/// report"); accents are kept apart, so "Lévêque" and "Leveque" are both listed.
fn same_form(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.to_lowercase().replace('’', "'");
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::from_plain_text;

    fn article(id: &str, lang: &str, date: Option<&str>, text: &str) -> Article {
        let mut a = from_plain_text(id, text);
        a.meta.language = Some(lang.into());
        a.meta.date = date.map(str::to_string);
        a
    }

    fn index(articles: &[Article], counterparts: &[(usize, usize)]) -> Vec<CorpusSpeaker> {
        let quotes: Vec<Vec<Quote>> = articles.iter().map(crate::text::quotes::extract).collect();
        speaker_index(articles, &quotes, &quote_pairs(articles, &quotes, counterparts))
    }

    #[test]
    fn titles_accents_and_lone_surnames_make_one_speaker() {
        let articles = [
            article("a", "en", Some("2017-05-03"), "“We will act,” said Anna Lévêque, the minister.\n\n“It is done,” Lévêque said."),
            article("b", "en", Some("2017-05-04"), "“Nothing changes,” Leveque told reporters."),
            article("c", "fr", None, "« Rien ne change », a déclaré Mme Anna Lévêque."),
        ];
        let list = index(&articles, &[]);
        let anna: Vec<_> = list.iter().filter(|s| s.name.contains("Anna") || s.name.contains("que")).collect();
        assert_eq!(anna.len(), 1, "{list:#?}");
        let anna = anna[0];
        assert_eq!(anna.name, "Anna Lévêque");
        assert_eq!(anna.quotes, 4);
        assert_eq!(anna.articles, ["a", "b", "c"]);
        assert!(anna.aliases.contains(&"Lévêque".to_string()) && anna.aliases.contains(&"Leveque".to_string()), "{:?}", anna.aliases);
        // Newest article first, undated last.
        let order: Vec<&str> = anna.quote_list.iter().map(|q| q.article.as_str()).collect();
        assert_eq!(order, ["b", "a", "a", "c"]);
    }

    #[test]
    fn an_ambiguous_surname_stays_apart() {
        let articles = [
            article("a", "en", None, "“Yes,” said Anna Smith.\n\n“No,” said John Smith."),
            article("b", "en", None, "“Maybe,” Smith said."),
        ];
        let list = index(&articles, &[]);
        assert!(list.iter().any(|s| s.name == "Smith" && s.quotes == 1), "{list:#?}");
    }

    #[test]
    fn pronouns_are_not_aliases_and_quotes_carry_their_pair() {
        let articles = [
            article("en", "en", None, "Europol director Rob Wainwright spoke in London.\n\n“We are still seeing these awful videos across the Internet,” he said."),
            article("fr", "fr", None, "Rob Wainwright, le directeur d'Europol, était à Londres.\n\n« Nous continuons à trouver ces épouvantables vidéos sur internet », a-t-il dit."),
        ];
        let list = index(&articles, &[(0, 1)]);
        let rob = list.iter().find(|s| s.name == "Rob Wainwright").expect("Rob Wainwright");
        assert!(!rob.aliases.iter().any(|a| a == "he" || a == "il"), "{:?}", rob.aliases);
        let en = rob.quote_list.iter().find(|q| q.article == "en").expect("English quote");
        let pair = en.pair.as_ref().expect("paired");
        assert_eq!(pair.article, "fr");
        assert!(pair.text.starts_with("Nous continuons"));
        assert_eq!(pair.language.as_deref(), Some("fr"));
    }
}
