//! The French–English word list (FreeDict fra-eng + eng-fra, GPL-2+, see
//! `assets/lexicon/README.md`) plus a small hand-written supplement of inflected forms.
//!
//! The FreeDict list is GPL data, aggregated with diglot (MIT) and never compiled into
//! it: it is read at run time from a file (see [`freedict_location`]). The supplement is
//! diglot's own and is compiled in. Parsed once, on first use, into a map from
//! accent-folded French word to the match keys of its English translations. Without the
//! file the aligner still works, from lengths, numbers, names, cognates and the
//! supplement.

use super::inflection::french_base_forms;
use super::tokens::{fold, match_key};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

const SUPPLEMENT: &str = include_str!("../../assets/lexicon/supplement.tsv");

/// The word list file's name, wherever it is installed.
const FREEDICT_FILE: &str = "fr-en.tsv";

/// A word list larger than this is not one diglot ships: not read.
const MAX_LEXICON_BYTES: u64 = 32 * 1024 * 1024;

/// Where the FreeDict word list is read from, first found of: `DIGLOT_LEXICON` (a file);
/// `$XDG_DATA_HOME/diglot/lexicon/fr-en.tsv`; beside the executable
/// (`assets/lexicon/` or `../share/diglot/lexicon/`); the source tree diglot was built
/// from (`cargo run`, `cargo test`).
pub fn freedict_location() -> Option<PathBuf> {
    // Set to nothing (`DIGLOT_LEXICON=`) counts as unset.
    if let Some(p) = std::env::var_os("DIGLOT_LEXICON").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(d) = directories::ProjectDirs::from("", "", "diglot") {
        candidates.push(d.data_dir().join("lexicon").join(FREEDICT_FILE));
    }
    if let Some(dir) = std::env::current_exe().ok().and_then(|e| e.parent().map(PathBuf::from)) {
        candidates.push(dir.join("assets/lexicon").join(FREEDICT_FILE));
        candidates.push(dir.join("../share/diglot/lexicon").join(FREEDICT_FILE));
    }
    candidates.push(PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/lexicon/fr-en.tsv")));
    candidates.into_iter().find(|p| p.is_file())
}

/// Why the FreeDict word list cannot be used.
#[derive(Debug, thiserror::Error)]
enum FreedictError {
    #[error("{FREEDICT_FILE} not found (set DIGLOT_LEXICON)")]
    NotFound,
    #[error("{path}: {source}")]
    Unreadable { path: String, source: std::io::Error },
    #[error("{path}: too large for a word list ({len} bytes)")]
    TooLarge { path: String, len: u64 },
    #[error("{path}: not UTF-8")]
    NotUtf8 { path: String, source: std::string::FromUtf8Error },
}

/// The word list's text, or why there is none.
fn read_freedict() -> Result<String, FreedictError> {
    let path = freedict_location().ok_or(FreedictError::NotFound)?;
    let shown = || path.display().to_string();
    let unreadable = |source| FreedictError::Unreadable { path: shown(), source };
    let len = std::fs::metadata(&path).map_err(unreadable)?.len();
    if len > MAX_LEXICON_BYTES {
        return Err(FreedictError::TooLarge { path: shown(), len });
    }
    // Never a plain read: `DIGLOT_LEXICON=/dev/zero` or a named pipe would never end.
    let bytes = crate::util::fs::read_regular_file_limited(&path, MAX_LEXICON_BYTES).map_err(unreadable)?;
    String::from_utf8(bytes).map_err(|source| FreedictError::NotUtf8 { path: shown(), source })
}

pub struct Lexicon {
    /// Folded French word → match keys of its English translations.
    fr_to_en: HashMap<String, Vec<u32>>,
    /// First five letters of French headwords → their translations' keys, for inflected
    /// forms no suffix rule reaches ("tomberais" → "tomber" → "fall").
    by_prefix: HashMap<String, Vec<u32>>,
    /// Why the FreeDict list could not be read (only the supplement is in use then).
    missing: Option<String>,
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
        Lexicon { fr_to_en, by_prefix, missing: None }
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

/// The shared lexicon, read and parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| match read_freedict() {
        Ok(freedict) => Lexicon::parse(&[&freedict, SUPPLEMENT]),
        Err(why) => {
            let mut lex = Lexicon::parse(&[SUPPLEMENT]);
            lex.missing = Some(why.to_string());
            lex
        }
    })
}

/// Why the FreeDict word list is not in use, if it is not (for `diglot align`).
pub fn lexicon_problem() -> Option<&'static str> {
    lexicon().missing.as_deref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads_and_translates_inflected_forms() {
        let lex = lexicon();
        assert_eq!(lexicon_problem(), None, "the word list is read from the source tree");
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

    #[test]
    fn without_the_word_list_the_supplement_still_translates() {
        let lex = Lexicon::parse(&[SUPPLEMENT]);
        assert!(lex.translations("heures").contains(&match_key("hours")));
        assert!(lex.len() < 1000);
    }
}
