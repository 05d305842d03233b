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
use std::collections::{BTreeMap, HashMap, HashSet};

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
    /// Their quotes, newest article first (undated last), then in text order (empty in
    /// the reader's index until the speaker is opened: see [`IndexedSpeaker`]).
    pub quote_list: Vec<SpeakerQuote>,
    /// Quotes per language ("EN", "FR"; "??" unknown).
    #[serde(skip)]
    pub languages: BTreeMap<String, usize>,
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
    let candidates = align::propose_pairs_with_quotes(articles, manifest, quotes);
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

/// Every speaker of a direct or partial quote, most quoted first (then by name), with
/// all their quotes. `quotes[i]` are the quotes of `articles[i]`; `pairs` from
/// [`quote_pairs`] (which costs far more than this, and changes only with the corpus).
/// Cost: linear in the quotes.
pub fn speaker_index(articles: &[Article], quotes: &[Vec<Quote>], pairs: &QuotePairs) -> Vec<CorpusSpeaker> {
    let mut builder = SpeakerIndexBuilder::default();
    for (ai, a) in articles.iter().enumerate() {
        builder.add(ai, quotes.get(ai).map_or(&[][..], Vec::as_slice), a.meta.language.as_deref());
    }
    let at = |n: usize| {
        let a = articles.get(n)?;
        Some(QuotesOf { quotes: quotes.get(n)?, language: a.meta.language.as_deref(), date: a.meta.date.as_deref() })
    };
    builder
        .finish(articles, pairs)
        .into_iter()
        .map(|s| CorpusSpeaker { quote_list: s.quotes.iter().filter_map(|r| speaker_quote(r, at)).collect(), ..s.speaker })
        .collect()
}

/// Where one of a speaker's quotes is: the number of its article (its index in what the
/// index was built over; the reader's slot) and its index among that article's quotes
/// (all kinds, as extraction gives them); the same for its counterpart, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteRef {
    pub article: usize,
    pub quote: usize,
    pub pair: Option<(usize, usize)>,
}

/// One speaker as the reader keeps them for the whole folder: what the list shows
/// (`speaker`, its `quote_list` left empty) and where each quote is, in the order they
/// are listed. The quotes' text is read again when the speaker is opened
/// ([`speaker_quote`]), so the index stays small whatever the folder's size.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedSpeaker {
    pub speaker: CorpusSpeaker,
    pub quotes: Vec<QuoteRef>,
}

/// An article's quotes, with what a speaker's quote shows of the article.
#[derive(Debug, Clone, Copy)]
pub struct QuotesOf<'a> {
    pub quotes: &'a [Quote],
    pub language: Option<&'a str>,
    pub date: Option<&'a str>,
}

/// The quote `r` points to in full, its counterpart's text with it; `at(n)` gives the
/// quotes of article `n`. `None` when the article no longer has that quote.
pub fn speaker_quote<'a>(r: &QuoteRef, at: impl Fn(usize) -> Option<QuotesOf<'a>>) -> Option<SpeakerQuote> {
    let of = at(r.article)?;
    let q = of.quotes.get(r.quote)?;
    let pair = r.pair.and_then(|(pa, pq)| {
        let other = at(pa)?;
        let p = other.quotes.get(pq)?;
        Some(QuoteCounterpart {
            article: p.article.clone(),
            text: p.text.clone(),
            language: p.language.clone().or_else(|| other.language.map(str::to_string)),
            start: p.start,
            end: p.end,
        })
    });
    Some(SpeakerQuote {
        article: q.article.clone(),
        text: q.text.clone(),
        kind: q.kind,
        language: q.language.clone().or_else(|| of.language.map(str::to_string)),
        date: of.date.map(str::to_string),
        paragraph: q.paragraph,
        start: q.start,
        end: q.end,
        speaker_as_written: q.speaker_as_written.clone(),
        pair,
    })
}

/// Builds the speaker index from one article's quotes at a time, keeping of each quote
/// only where it is (no text): memory grows with the number of quotes, not their size.
#[derive(Default)]
pub struct SpeakerIndexBuilder {
    groups: Vec<Group>,
    by_key: HashMap<(String, SpeakerKind), usize>,
    /// Each distinct name folded once (a corpus repeats a few names thousands of times).
    keys: HashMap<String, String>,
}

/// The quotes given one folded name and kind, in corpus order.
struct Group {
    key: String,
    kind: SpeakerKind,
    /// The distinct names given at its quotes, first met first, with how often.
    names: Vec<(String, usize)>,
    /// The distinct forms as written at its quotes, first met first.
    written: Vec<String>,
    written_seen: HashSet<String>,
    /// Quotes per language (upper case, "??" when unknown).
    languages: BTreeMap<String, usize>,
    members: Vec<Member>,
}

/// One quote of a group: article number, quote index, start (for the order).
#[derive(Clone, Copy)]
struct Member {
    article: usize,
    quote: usize,
    start: usize,
}

impl SpeakerIndexBuilder {
    /// The quotes (all kinds) of article number `article`, whose language is
    /// `article_language` (for quotes that do not say theirs). Articles in corpus order.
    pub fn add(&mut self, article: usize, quotes: &[Quote], article_language: Option<&str>) {
        for (qi, q) in quotes.iter().enumerate() {
            let Some(s) = q.speaker.as_ref().filter(|_| q.kind != QuoteKind::Term) else { continue };
            let key = match self.keys.get(&s.name) {
                Some(key) => key.clone(),
                None => {
                    let key = name_key(&s.name);
                    self.keys.insert(s.name.clone(), key.clone());
                    key
                }
            };
            if key.is_empty() {
                continue;
            }
            let groups = &mut self.groups;
            let g = *self.by_key.entry((key.clone(), s.kind)).or_insert_with(|| {
                groups.push(Group::new(key, s.kind));
                groups.len() - 1
            });
            let group = &mut self.groups[g];
            match group.names.iter_mut().find(|(n, _)| *n == s.name) {
                Some((_, count)) => *count += 1,
                None => group.names.push((s.name.clone(), 1)),
            }
            if let Some(form) = &q.speaker_as_written
                && !group.written_seen.contains(form)
            {
                group.written_seen.insert(form.clone());
                group.written.push(form.clone());
            }
            let language = q.language.as_deref().or(article_language).unwrap_or("??").to_uppercase();
            *group.languages.entry(language).or_default() += 1;
            group.members.push(Member { article, quote: qi, start: q.start });
        }
    }

    /// Every speaker, most quoted first (then by name): surnames merged into the full
    /// names they end, quotes ordered newest article first. `articles[n]` is article
    /// number `n` (its id and date; no body needed); `pairs` the quotes' counterparts.
    pub fn finish(self, articles: &[Article], pairs: &QuotePairs) -> Vec<IndexedSpeaker> {
        let target = merge_targets(&self.groups);
        let mut merged: Vec<Option<Group>> = self.groups.into_iter().map(Some).collect();
        for g in 0..merged.len() {
            if let Some(t) = target[g]
                && let Some(from) = merged[g].take()
                && let Some(into) = merged[t].as_mut()
            {
                into.absorb(from);
            }
        }
        let mut out: Vec<IndexedSpeaker> = merged.into_iter().flatten().map(|g| g.summary(articles, pairs)).collect();
        out.sort_by(|a, b| b.speaker.quotes.cmp(&a.speaker.quotes).then_with(|| a.speaker.name.cmp(&b.speaker.name)));
        out
    }
}

impl Group {
    fn new(key: String, kind: SpeakerKind) -> Group {
        Group { key, kind, names: Vec::new(), written: Vec::new(), written_seen: HashSet::new(), languages: BTreeMap::new(), members: Vec::new() }
    }

    /// Take in the quotes of a group merged into this one (its names are other names:
    /// one name folds to one key).
    fn absorb(&mut self, from: Group) {
        self.names.extend(from.names);
        for form in from.written {
            if self.written_seen.insert(form.clone()) {
                self.written.push(form);
            }
        }
        for (language, n) in from.languages {
            *self.languages.entry(language).or_default() += n;
        }
        self.members.extend(from.members);
    }

    fn summary(self, articles: &[Article], pairs: &QuotePairs) -> IndexedSpeaker {
        // The fullest name: most words, then the most used.
        let name = self
            .names
            .iter()
            .max_by(|a, b| a.0.split_whitespace().count().cmp(&b.0.split_whitespace().count()).then(a.1.cmp(&b.1)))
            .map(|(n, _)| n.clone())
            .unwrap_or_default();
        let mut aliases = vec![name.clone()];
        let lx = Lexicon::get();
        let mut seen = HashSet::new();
        let forms = self.names.iter().map(|(n, _)| n.as_str()).chain(self.written.iter().map(String::as_str));
        for form in forms.filter(|f| seen.insert(*f)) {
            let form = form.trim();
            let pronoun = !form.contains(' ') && lx.pronoun(form).is_some();
            if !form.is_empty() && !pronoun && !aliases.iter().any(|a| same_form(a, form)) {
                aliases.push(form.to_string());
            }
        }
        let mut article_numbers: Vec<usize> = self.members.iter().map(|m| m.article).collect();
        article_numbers.sort_unstable();
        article_numbers.dedup();
        let mut members = self.members;
        let date = |n: usize| articles.get(n).and_then(|a| a.meta.date.as_ref());
        // Newest article first, undated last; then corpus order and text order.
        members.sort_by(|m1, m2| {
            let (d1, d2) = (date(m1.article), date(m2.article));
            d2.is_some().cmp(&d1.is_some()).then_with(|| d2.cmp(&d1)).then(m1.article.cmp(&m2.article)).then(m1.start.cmp(&m2.start))
        });
        let quotes: Vec<QuoteRef> =
            members.iter().map(|m| QuoteRef { article: m.article, quote: m.quote, pair: pairs.get(&(m.article, m.quote)).copied() }).collect();
        let speaker = CorpusSpeaker {
            name,
            kind: self.kind,
            quotes: quotes.len(),
            articles: article_numbers.into_iter().filter_map(|n| Some(articles.get(n)?.id.clone())).collect(),
            aliases,
            quote_list: Vec::new(),
            languages: self.languages,
        };
        IndexedSpeaker { speaker, quotes }
    }
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
