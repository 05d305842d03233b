//! The French–English word list (FreeDict fra-eng + eng-fra, GPL-2+, see
//! `assets/lexicon/README.md`) plus a small hand-written supplement of inflected forms.
//!
//! Both files are compiled into the binary with `include_str!` (they stay separate data
//! files in the source tree, with their own licence); nothing is read or fetched at run
//! time. Parsed once, on first use, into a map from accent-folded French word to the
//! match keys of its English translations.

use super::inflection::french_base_forms;
use super::tokens::{fold, match_key};
use std::collections::HashMap;
use std::sync::OnceLock;

const FREEDICT: &str = include_str!("../../assets/lexicon/fr-en.tsv");
const SUPPLEMENT: &str = include_str!("../../assets/lexicon/supplement.tsv");

pub struct Lexicon {
    /// Folded French word → match keys of its English translations.
    fr_to_en: HashMap<String, Vec<u32>>,
    /// First five letters of French headwords → their translations' keys, for inflected
    /// forms no suffix rule reaches ("tomberais" → "tomber" → "fall").
    by_prefix: HashMap<String, Vec<u32>>,
}

/// Beyond this many translations a prefix is too ambiguous to be evidence.
const MAX_PREFIX_TRANSLATIONS: usize = 12;

fn prefix(word: &str) -> Option<&str> {
    let end = word.char_indices().nth(5).map(|(i, _)| i)?;
    Some(&word[..end])
}

impl Lexicon {
    fn parse(sources: &[&str]) -> Lexicon {
        let mut fr_to_en: HashMap<String, Vec<u32>> = HashMap::new();
        for source in sources {
            for line in source.lines() {
                if line.starts_with('#') {
                    continue;
                }
                let Some((fr, ens)) = line.split_once('\t') else { continue };
                let keys = fr_to_en.entry(fold(fr.trim())).or_default();
                for en in ens.split('|') {
                    let en = fold(en.trim());
                    if !en.is_empty() {
                        keys.push(match_key(&en));
                    }
                }
                keys.sort_unstable();
                keys.dedup();
            }
        }
        let mut by_prefix: HashMap<String, Vec<u32>> = HashMap::new();
        for (fr, keys) in &fr_to_en {
            if let Some(p) = prefix(fr) {
                by_prefix.entry(p.to_string()).or_default().extend(keys);
            }
        }
        by_prefix.retain(|_, keys| {
            keys.sort_unstable();
            keys.dedup();
            keys.len() <= MAX_PREFIX_TRANSLATIONS
        });
        Lexicon { fr_to_en, by_prefix }
    }

    /// Number of French entries.
    pub fn len(&self) -> usize {
        self.fr_to_en.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fr_to_en.is_empty()
    }

    /// Match keys of the English translations of a folded French word, trying the word
    /// itself, then the dictionary forms it may be an inflection of (the list has
    /// headwords only), then words sharing its first five letters.
    pub fn translations(&self, folded_fr: &str) -> &[u32] {
        if let Some(v) = self.fr_to_en.get(folded_fr) {
            return v;
        }
        for base in french_base_forms(folded_fr) {
            if let Some(v) = self.fr_to_en.get(&base) {
                return v;
            }
        }
        prefix(folded_fr).and_then(|p| self.by_prefix.get(p)).map_or(&[], Vec::as_slice)
    }
}

/// The shared lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(&[FREEDICT, SUPPLEMENT]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads_and_translates_inflected_forms() {
        let lex = lexicon();
        assert!(lex.len() > 5000, "only {} entries", lex.len());
        assert!(lex.translations("menace").contains(&match_key("threat")));
        assert!(lex.translations("generation").contains(&match_key("generation")));
        assert!(lex.translations("heures").contains(&match_key("hours")));
        assert!(lex.translations("montrent").contains(&match_key("show")));
        assert!(lex.translations("zzzzqq").is_empty());
        // An inflected form no suffix rule reaches, found by its first five letters.
        assert!(lex.translations("terroristes").contains(&match_key("terrorist")));
        // Simple past and imperfect reach the infinitive.
        assert!(lex.translations("trouva").contains(&match_key("find")));
        assert!(lex.translations("regardaient").contains(&match_key("look")));
    }
}
