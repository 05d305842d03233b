//! What one article offers for finding its counterpart, in a compact form that is
//! computed once (when the article is parsed, see [`super::pair_index`]), kept in the
//! index on disk as a few kilobytes, and compared without the article's text.
//!
//! It holds exactly what the whole-text comparison of [`super::features::similarity`]
//! uses — each content word's keys and weight, the sorted keys of the text — but with
//! the tokens of the same keys merged (their weights added), plus the article's numbers
//! and capitalised names for the anchors and the evidence.

use super::features::TokenKeys;
use super::tokens::{TokenRef, fold, for_each_token, match_key};
use crate::model::Article;
use std::collections::{BTreeMap, BTreeSet};

/// Source tokens of a text, merged: group `g` holds the keys
/// `keys[ends[g-1]..ends[g]]` and the total weight of the tokens offering those keys.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceBag {
    keys: Vec<u32>,
    groups: Vec<(u32, f32)>,
}

impl SourceBag {
    /// The bag of source tokens given as (keys, weight): tokens with the same keys
    /// merged, groups in the order of their keys.
    fn of<'a>(tokens: impl Iterator<Item = (&'a [u32], f32)>) -> SourceBag {
        let mut tokens: Vec<(&[u32], f32)> = tokens.collect();
        // Weights are multiples of one half: their sum does not depend on the order.
        if tokens.iter().all(|t| t.0.len() <= 1) {
            // One key or none each (the plain bag): ordered by a number, not a slice.
            tokens.sort_unstable_by_key(|t| t.0.first().map_or(0, |&k| u64::from(k) + 1));
        } else {
            tokens.sort_unstable_by(|a, b| a.0.cmp(b.0));
        }
        let mut bag = SourceBag::default();
        let mut last: Option<&[u32]> = None;
        for (keys, weight) in tokens {
            match bag.groups.last_mut() {
                Some(group) if last == Some(keys) => group.1 += weight,
                _ => {
                    bag.keys.extend_from_slice(keys);
                    bag.groups.push((bag.keys.len() as u32, weight));
                    last = Some(keys);
                }
            }
        }
        bag
    }

    fn iter(&self) -> impl Iterator<Item = (&[u32], f32)> {
        let mut start = 0;
        self.groups.iter().map(move |&(end, weight)| {
            let keys = &self.keys[start..end as usize];
            start = end as usize;
            (keys, weight)
        })
    }
}

/// The article-level profile compared by `pairing`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// Content words with their own keys (cognates, numbers, names).
    pub(super) plain: SourceBag,
    /// The same words with their lexicon translations added: French articles only.
    pub(super) translated: Option<SourceBag>,
    /// Sorted keys of the text as the other side of a comparison.
    pub(super) target: Vec<u32>,
    pub(super) target_weight: f32,
    /// Numbers of two or more digits (one-digit numbers are everywhere), sorted.
    pub(super) numbers: Vec<String>,
    /// Capitalised words by match key (sorted), with one written form to show as evidence.
    pub(super) names: Vec<(u32, String)>,
    pub(super) lang: Option<String>,
}

impl Profile {
    pub fn of(article: &Article) -> Profile {
        let lang = article.meta.language.clone();
        let french = lang.as_deref() == Some("fr");
        // The text is tokenized once, each token handed over as it is found (no vector of
        // them, no string each): its keys go into the features, and a token inside a
        // sentence may be a name or a number (a token is never cut by a sentence boundary).
        // Sentences come in the order of the text, as tokens do. One pass: a translated
        // source token lists its own key first, then its translations, so the plain bag is
        // the first key of each; the target side does not depend on translation at all.
        let mut keys = TokenKeys::new(french);
        let mut numbers = BTreeSet::new();
        let mut names = BTreeMap::new();
        let mut sentences = article.sentences().map(|(_, s)| s.range.clone()).peekable();
        // The tokens seen so far inside the current sentence.
        let mut inside = 0;
        // The current sentence's words, split once when a name first needs them.
        let mut words: Option<Vec<(&str, bool)>> = None;
        for_each_token(&article.text, |span, token| {
            keys.add(token);
            // Sentences ending before this token cannot hold it, nor any token after it.
            while sentences.next_if(|s| s.end < span.end).is_some() {
                (inside, words) = (0, None);
            }
            let Some(sentence) = sentences.peek().filter(|s| s.start <= span.start) else { return };
            let k = inside;
            inside += 1;
            match token {
                TokenRef::Number(n) if n.chars().filter(char::is_ascii_digit).count() >= 2 && !numbers.contains(n) => {
                    numbers.insert(n.to_string());
                }
                // The first word of a sentence is capitalised whatever it is.
                TokenRef::Word { folded, capitalised: true } if k > 0 && folded.chars().count() >= 3 => {
                    names.entry(match_key(folded)).or_insert_with(|| {
                        let text = article.slice(sentence);
                        original_case(words.get_or_insert_with(|| sentence_words(text)), folded)
                    });
                }
                _ => {}
            }
        });
        keys.finish(&article.text);
        let translated = french.then(|| SourceBag::of(keys.source()));
        let plain = SourceBag::of(keys.source().map(|(k, weight)| (&k[..1.min(k.len())], weight)));
        Profile {
            plain,
            translated,
            target: keys.target,
            target_weight: keys.target_weight,
            numbers: numbers.into_iter().collect(),
            names: names.into_iter().collect(),
            lang,
        }
    }

    /// Source words translated when French (for comparing with English), else plain.
    pub(super) fn translated(&self) -> &SourceBag {
        self.translated.as_ref().unwrap_or(&self.plain)
    }

    /// The anchors that make two articles worth comparing in a large folder: each name
    /// key and each number (numbers hashed apart from names, below zero).
    pub fn anchors(&self) -> impl Iterator<Item = i64> + '_ {
        self.names.iter().map(|(k, _)| i64::from(*k)).chain(self.numbers.iter().map(|n| number_anchor(n)))
    }

    /// Set the language (the corpus's view of the article may differ from when the
    /// profile was stored).
    pub fn with_language(mut self, lang: Option<String>) -> Profile {
        if lang.as_deref() != Some("fr") && self.lang.as_deref() == Some("fr") {
            self.translated = None;
        }
        self.lang = lang;
        self
    }
}

/// Similarity in 0..=1 of `src` against the target side of `tgt`: the weighted share of
/// source tokens with a key in the target, as [`super::features::similarity`] computes
/// it for one sentence on each side (weights are multiples of one half, so adding
/// merged weights gives the same sums to the last bit).
pub(super) fn similarity(src: &SourceBag, tgt: &Profile) -> f32 {
    let src_weight: f32 = src.groups.iter().map(|g| g.1).sum();
    if src_weight + tgt.target_weight <= 0.0 {
        return 0.0;
    }
    let matched: f32 =
        src.iter().filter(|(keys, _)| keys.iter().any(|k| tgt.target.binary_search(k).is_ok())).map(|(_, w)| w).sum();
    (2.0 * matched / (src_weight + tgt.target_weight)).min(1.0)
}

/// The anchor of a number: a 64-bit hash, negative so it never meets a name key.
fn number_anchor(normalised: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in normalised.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    -1 - (h >> 1) as i64
}

/// The words of a sentence (its runs of alphabetic characters), each with whether it is
/// ASCII.
fn sentence_words(text: &str) -> Vec<(&str, bool)> {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(|w| (w, w.is_ascii())).collect()
}

/// The first of a sentence's `words` written as `folded` (for evidence), else the
/// folded form. (A name's own word is among them: a token ends where its word does.)
fn original_case(words: &[(&str, bool)], folded: &str) -> String {
    words.iter().find(|&&(w, ascii)| folds_to(w, ascii, folded)).map_or(folded, |&(w, _)| w).to_string()
}

/// `fold(word) == folded`, without folding a plain ASCII word into a new string.
fn folds_to(word: &str, ascii: bool, folded: &str) -> bool {
    if ascii {
        word.len() == folded.len() && word.bytes().zip(folded.bytes()).all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        fold(word) == folded
    }
}

/// Byte layout of a stored profile: the language, the target keys and weight, the plain
/// and translated bags, the numbers, the names. Counts and lengths are LEB128 varints;
/// the target's keys (hashes, which do not compress) are 4 bytes little-endian. A bag's
/// key is written as its place in the target, as the zigzag step from the bag's
/// previous key there, plus one (a source word is nearly always in its own text's
/// target, and a bag's keys rise as the target's do: one byte each), or 0 and the
/// 4-byte key; a weight as twice itself plus one (weights are multiples of one half),
/// or 0 and its 4 bytes. A profile is a few hundred bytes to a kilobyte or two, about
/// 40% of the plain fixed-width layout (the cache's I/O at 10k articles). Written and
/// read only by this module; a change of layout goes with a new cache layout version.
impl Profile {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + 3 * self.plain.groups.len() + 4 * self.target.len());
        put_str(&mut out, self.lang.as_deref().unwrap_or(""));
        put_varint(&mut out, self.target.len() as u32);
        for key in &self.target {
            out.extend_from_slice(&key.to_le_bytes());
        }
        out.extend_from_slice(&self.target_weight.to_le_bytes());
        put_bag(&mut out, &self.plain, &self.target);
        match &self.translated {
            Some(bag) => {
                out.push(1);
                put_bag(&mut out, bag, &self.target);
            }
            None => out.push(0),
        }
        put_varint(&mut out, self.numbers.len() as u32);
        for n in &self.numbers {
            put_str(&mut out, n);
        }
        put_varint(&mut out, self.names.len() as u32);
        for (k, n) in &self.names {
            out.extend_from_slice(&k.to_le_bytes());
            put_str(&mut out, n);
        }
        out
    }

    /// The profile written by [`encode`](Self::encode); `None` for anything else.
    pub fn decode(bytes: &[u8]) -> Option<Profile> {
        let mut r = Reader(bytes);
        let lang = r.string()?;
        let n = r.count(4)?;
        let target = (0..n).map(|_| r.u32()).collect::<Option<Vec<_>>>()?;
        let target_weight = f32::from_bits(r.u32()?);
        let plain = r.bag(&target)?;
        let translated = match r.byte()? {
            0 => None,
            1 => Some(r.bag(&target)?),
            _ => return None,
        };
        let numbers = (0..r.count(1)?).map(|_| r.string()).collect::<Option<Vec<_>>>()?;
        let names = (0..r.count(5)?).map(|_| Some((r.u32()?, r.string()?))).collect::<Option<Vec<_>>>()?;
        r.0.is_empty().then_some(Profile {
            plain,
            translated,
            target,
            target_weight,
            numbers,
            names,
            lang: (!lang.is_empty()).then_some(lang),
        })
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

/// Per group: the number of keys, the weight, the keys (see the layout above).
fn put_bag(out: &mut Vec<u8>, bag: &SourceBag, target: &[u32]) {
    put_varint(out, bag.groups.len() as u32);
    let mut previous = 0i64;
    for (keys, weight) in bag.iter() {
        put_varint(out, keys.len() as u32);
        let twice = weight * 2.0;
        match twice as u32 {
            t if t as f32 == twice && t < u32::MAX => put_varint(out, t + 1),
            _ => {
                out.push(0);
                out.extend_from_slice(&weight.to_le_bytes());
            }
        }
        for &key in keys {
            match target.binary_search(&key) {
                Ok(at) => {
                    let step = at as i64 - previous;
                    previous = at as i64;
                    // Zigzag: small steps either way are small numbers.
                    let zigzag = ((step << 1) ^ (step >> 63)) as u32;
                    put_varint(out, zigzag + 1);
                }
                Err(_) => {
                    out.push(0);
                    out.extend_from_slice(&key.to_le_bytes());
                }
            }
        }
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn varint(&mut self) -> Option<u32> {
        let mut v: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            v |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    /// A count of items of at least `size` bytes each, checked against what is left (a
    /// corrupt count must not reserve gigabytes).
    fn count(&mut self, size: usize) -> Option<usize> {
        let n = self.varint()? as usize;
        (n.checked_mul(size)? <= self.0.len()).then_some(n)
    }

    fn string(&mut self) -> Option<String> {
        let n = self.count(1)?;
        let s = std::str::from_utf8(self.take(n)?).ok()?;
        // Evidence is printed: nothing from a tampered cache may reach the terminal.
        (!s.chars().any(char::is_control)).then(|| s.to_string())
    }

    fn bag(&mut self, target: &[u32]) -> Option<SourceBag> {
        // A group is at least its count and weight; a key at least one byte.
        let n = self.count(2)?;
        let mut bag = SourceBag { keys: Vec::with_capacity(n), groups: Vec::with_capacity(n) };
        let mut previous = 0i64;
        for _ in 0..n {
            let keys = self.count(1)?;
            let weight = match self.varint()? {
                0 => f32::from_bits(self.u32()?),
                t => (t - 1) as f32 / 2.0,
            };
            for _ in 0..keys {
                let key = match self.varint()? {
                    0 => self.u32()?,
                    code => {
                        let zigzag = i64::from(code - 1);
                        let at = previous + ((zigzag >> 1) ^ -(zigzag & 1));
                        previous = at;
                        *target.get(usize::try_from(at).ok()?)?
                    }
                };
                bag.keys.push(key);
            }
            bag.groups.push((bag.keys.len() as u32, weight));
        }
        Some(bag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::{similarity as sentence_similarity, text_features};
    use crate::ingest::from_plain_text;

    fn french(text: &str) -> Article {
        let mut a = from_plain_text("fr", text);
        a.meta.language = Some("fr".into());
        a
    }

    #[test]
    fn merged_profiles_score_as_the_full_features_do() {
        let fr = french("Le ministre Cazeneuve a annoncé la saisie de 2.500 euros à Lyon. Les policiers ont trouvé les armes ? Oui !");
        let en = from_plain_text("en", "Minister Cazeneuve announced the seizure of 2,500 euros in Lyon. Police found the weapons? Yes, weapons!");
        let (pf, pe) = (Profile::of(&fr), Profile::of(&en));
        let one = std::slice::from_ref;
        let full = sentence_similarity(one(&text_features(&fr.text, true)), one(&text_features(&en.text, false)));
        assert_eq!(similarity(pf.translated(), &pe), full);
        let plain = sentence_similarity(one(&text_features(&en.text, false)), one(&text_features(&fr.text, false)));
        assert_eq!(similarity(&pe.plain, &pf), plain);
        assert!(full > plain, "the lexicon adds matches");
    }

    #[test]
    fn a_profile_survives_encoding_and_rejects_damage() {
        let p = Profile::of(&french("Le ministre Bernard Cazeneuve était à Lyon le 12 mars 2015 avec 300 policiers."));
        assert!(p.translated.is_some() && !p.names.is_empty() && !p.numbers.is_empty());
        let bytes = p.encode();
        assert_eq!(Profile::decode(&bytes), Some(p.clone()));
        assert_eq!(Profile::decode(&bytes[..bytes.len() - 1]), None, "truncated");
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(Profile::decode(&longer), None, "trailing bytes");
        // The language's length (first byte) made u32::MAX.
        let mut huge_count = vec![0xff, 0xff, 0xff, 0xff, 0x0f];
        huge_count.extend_from_slice(&bytes[1..]);
        assert_eq!(Profile::decode(&huge_count), None, "a count beyond the data");
        // A plain word is in the target: three bytes (key count, weight, place), not twelve.
        let mut plain = Vec::new();
        put_bag(&mut plain, &p.plain, &p.target);
        assert!(plain.len() <= 1 + 3 * p.plain.groups.len(), "{} bytes for {} words", plain.len(), p.plain.groups.len());
    }

    #[test]
    fn keys_outside_the_target_and_odd_weights_survive_encoding() {
        let p = Profile {
            plain: SourceBag { keys: vec![7, 99, 3], groups: vec![(2, 0.3), (3, 1.5)] },
            translated: Some(SourceBag { keys: vec![u32::MAX, 7], groups: vec![(2, f32::MAX)] }),
            target: vec![3, 7, 1000],
            target_weight: 2.5,
            numbers: vec!["25".into()],
            names: vec![(9, "Lyon".into())],
            lang: None,
        };
        assert_eq!(Profile::decode(&p.encode()), Some(p));
    }

    #[test]
    fn names_and_numbers_anchor_apart() {
        let p = Profile::of(&from_plain_text("a", "Yesterday Wainwright paid 25 euros. Police said 40 dollars were found."));
        let anchors: Vec<i64> = p.anchors().collect();
        // The first word of each sentence is capitalised anyway: not a name.
        assert_eq!(p.names, [(match_key("wainwright"), "Wainwright".to_string())]);
        assert_eq!(p.numbers, ["25", "40"]);
        assert_eq!(anchors.len(), 3, "{anchors:?}");
        assert!(anchors.iter().filter(|a| **a < 0).count() == 2);
    }
}
