//! Language-independent anchors in a sentence: words folded for cognate matching,
//! numbers in one normal form, capitalised names, quotation marks.

use unicode_normalization::UnicodeNormalization;

/// Lower case, accents removed, ligatures opened, typographic apostrophe made plain:
/// "Génération" → "generation", "œuvre" → "oeuvre".
pub fn fold(word: &str) -> String {
    let mut out = String::new();
    fold_into(word, &mut out);
    out
}

/// [`fold`] into `out` (cleared first), whose buffer is reused from word to word.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    // Most words are plain ASCII, which decomposition leaves as it is.
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            '’' | 'ʼ' | '‘' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// Cognates share their first five letters once a plural `s` is dropped
/// ("terroriste"/"terrorist", "génération"/"generation", "hours"/"hour"); shorter words
/// must match whole. Returned as a hash so sentences compare as sorted integer lists.
pub fn match_key(folded: &str) -> u32 {
    let w = folded.strip_suffix('s').filter(|w| w.chars().count() >= 3).unwrap_or(folded);
    let end = w.char_indices().nth(5).map_or(w.len(), |(i, _)| i);
    hash(&w[..end])
}

/// The key of a normalised number (kept apart from words by a prefix).
pub fn number_key(normalised: &str) -> u32 {
    hash(&format!("#{normalised}"))
}

/// The key of a punctuation mark that is evidence in itself ("?", "!").
pub fn symbol_key(mark: &str) -> u32 {
    hash(&format!("@{mark}"))
}

fn hash(s: &str) -> u32 {
    // FNV-1a: stable across runs and platforms, which keeps alignments reproducible.
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    /// A folded word; `capitalised` when written with a capital (names, acronyms).
    Word { folded: String, capitalised: bool },
    /// A number in normal form: thousands separators removed, decimal comma made a point
    /// ("2.000", "2,000", "2 000" → "2000"; "1,5" → "1.5").
    Number(String),
}

/// A token as [`for_each_token`] hands it over, borrowed: its text lives in a buffer
/// that the next token reuses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TokenRef<'a> {
    Word { folded: &'a str, capitalised: bool },
    Number(&'a str),
}

impl TokenRef<'_> {
    pub fn to_owned(self) -> Token {
        match self {
            TokenRef::Word { folded, capitalised } => Token::Word { folded: folded.to_string(), capitalised },
            TokenRef::Number(n) => Token::Number(n.to_string()),
        }
    }
}

/// French elided articles, pronouns and conjunctions ("l'", "d'", "qu'", "lorsqu'")
/// carry no meaning to match.
const CLITICS: [&str; 13] = ["l", "d", "qu", "n", "s", "c", "j", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu"];

/// Function words, too common to be evidence of anything. The two languages' lists cover
/// the same ground (pronouns, auxiliaries and modals, articles, prepositions,
/// conjunctions, the reporting verb): a function word listed on one side only would
/// count as content there and never find a partner, which makes every pair look less
/// similar than it is.
const STOPWORDS: &[&str] = &[
    // English
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from",
    "as", "which", "who", "whom", "that", "this", "these", "those", "it", "its", "is", "are",
    "was", "were", "be", "been", "being", "am", "do", "does", "did", "has", "have", "had",
    "having", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "not", "but", "said", "says", "i", "me", "my", "myself", "you", "your", "yourself", "he",
    "him", "his", "himself", "she", "her", "herself", "we", "us", "our", "they", "them",
    "their", "themselves", "ll", "ve", "re", "don", "didn", "couldn", "wasn", "isn", "doesn",
    "wouldn", "shan", "aren", "hadn", "haven", "hasn", "weren", "shouldn", "mustn",
    // French
    "le", "la", "les", "un", "une", "des", "de", "du", "et", "ou", "en", "au", "aux", "dans",
    "par", "pour", "sur", "avec", "est", "sont", "etait", "etaient", "fut", "furent", "ete",
    "etre", "etant", "sera", "serait", "sois", "soit", "suis", "es", "sommes", "etes", "ont",
    "avait", "avaient", "eut", "eurent", "avoir", "ayant", "aura", "aurait", "ai", "as",
    "avons", "avez", "avais", "avions", "aviez", "etais", "etions", "etiez", "serais",
    "seraient", "aurais", "auraient", "peut", "peux", "pouvait", "pourrait", "pu", "doit", "devait",
    "devrait", "il", "elle", "ils", "elles", "on", "je", "me", "moi", "tu", "te", "toi",
    "nous", "vous", "lui", "leur", "leurs", "se", "soi", "mon", "ma", "mes", "ton", "ta",
    "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "qui", "que", "dont", "ce",
    "cet", "cette", "ces", "cela", "ceci", "ne", "pas", "plus", "mais", "dit", "y",
];

pub fn is_stopword(folded: &str) -> bool {
    // Asked for every word of every text compared: a hash set, not a scan of the list.
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| STOPWORDS.iter().copied().collect());
    SET.contains(folded)
}

/// Whitespace that may separate digit groups: space, no-break and narrow no-break space,
/// thin space.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Split a sentence into word and number tokens. Hyphens and apostrophes split words
/// ("48-hour" → 48, hour; "l'avènement" → avenement), elided clitics are dropped.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_spans(text).into_iter().map(|(_, t)| t).collect()
}

/// [`tokenize`] with each token's byte range in `text` (for reporting where a token is).
pub fn tokenize_spans(text: &str) -> Vec<(std::ops::Range<usize>, Token)> {
    let mut tokens = Vec::new();
    for_each_token(text, |span, token| tokens.push((span, token.to_owned())));
    tokens
}

/// The tokens of [`tokenize_spans`], in order, handed to `f` one at a time without a
/// string allocated for each (every article is tokenized for its counterpart profile).
pub fn for_each_token(text: &str, mut f: impl FnMut(std::ops::Range<usize>, TokenRef<'_>)) {
    // Walked by byte offset, a character decoded where it is looked at: no copy of the
    // text as characters.
    let (mut folded, mut number) = (String::new(), String::new());
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if c.is_ascii_digit() {
            let next = read_number(text, i, &mut number);
            f(i..next, TokenRef::Number(&number));
            i = next;
        } else if c.is_alphabetic() {
            let start = i;
            i += c.len_utf8();
            while let Some(d) = char_at(text, i)
                && (d.is_alphabetic() || is_combining(d))
            {
                i += d.len_utf8();
            }
            fold_into(&text[start..i], &mut folded);
            let elided = matches!(char_at(text, i), Some('\'' | '’')) && CLITICS.contains(&folded.as_str());
            if !elided {
                f(start..i, TokenRef::Word { folded: &folded, capitalised: c.is_uppercase() });
            }
        } else {
            i += c.len_utf8();
        }
    }
}

/// The character starting at byte `i` of `text` (a character boundary), if any.
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

fn is_combining(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Read a number starting at byte `start`: digit groups joined by `.`/`,`/spaces. A
/// separator followed by exactly three digits is a thousands separator; a `.` or `,`
/// followed by other digit counts is a decimal mark. The number is written into `out`
/// (cleared first); returns the byte offset after it.
fn read_number(text: &str, start: usize, out: &mut String) -> usize {
    let bytes = text.as_bytes();
    let digits_from = |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    out.clear();
    let mut i = start;
    let first = digits_from(i);
    out.push_str(&text[i..i + first]);
    i += first;
    let mut decimal_seen = false;
    while let Some(sep) = char_at(text, i) {
        let is_point = sep == '.' || sep == ',';
        if !is_point && !is_group_space(sep) {
            break;
        }
        let group_start = i + sep.len_utf8();
        let n = digits_from(group_start);
        if n == 0 {
            break;
        }
        // A digit group runs to the next non-digit, so three digits are a whole group.
        let group_end = group_start + n;
        if n == 3 && !decimal_seen && first <= 3 {
            out.push_str(&text[group_start..group_end]);
        } else if is_point && !decimal_seen {
            decimal_seen = true;
            out.push('.');
            out.push_str(&text[group_start..group_end]);
        } else {
            break;
        }
        i = group_end;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(s: &str) -> Vec<String> {
        tokenize(s)
            .into_iter()
            .filter_map(|t| if let Token::Number(n) = t { Some(n) } else { None })
            .collect()
    }

    #[test]
    fn numbers_share_one_form_across_conventions() {
        assert_eq!(numbers("2.000 comptes"), ["2000"]);
        assert_eq!(numbers("2,000 accounts"), ["2000"]);
        assert_eq!(numbers("2 000 comptes"), ["2000"]);
        assert_eq!(numbers("2\u{202f}000 comptes"), ["2000"]);
        assert_eq!(numbers("1,5 million et 1.5 million"), ["1.5", "1.5"]);
        assert_eq!(numbers("en 2017, 48 heures"), ["2017", "48"]);
        assert_eq!(numbers("a 48-hour operation"), ["48"]);
        assert_eq!(numbers("1,234,567 and 12 345 678"), ["1234567", "12345678"]);
        assert_eq!(numbers("ends with 3."), ["3"]);
    }

    #[test]
    fn words_are_folded_and_clitics_dropped() {
        let t = tokenize("L'avènement d'Europol, qu'il « Génération »");
        let words: Vec<_> = t
            .iter()
            .map(|t| match t {
                Token::Word { folded, .. } => folded.clone(),
                Token::Number(n) => n.clone(),
            })
            .collect();
        assert_eq!(words, ["avenement", "europol", "il", "generation"]);
        assert_eq!(match_key("terroriste"), match_key("terrorist"));
        assert_eq!(match_key("hours"), match_key("hour"));
        assert_ne!(match_key("cat"), match_key("cats_and_dogs"));
    }

    #[test]
    fn function_words_are_listed_in_both_languages() {
        for (fr, en) in [("je", "i"), ("vous", "you"), ("etait", "was"), ("avait", "had"), ("nous", "we"), ("dit", "said"), ("peut", "can")] {
            assert!(is_stopword(fr) && is_stopword(en), "{fr} / {en}");
        }
        // Words with a content-bearing translation stay evidence.
        for w in ["again", "encore", "toujours", "always", "there"] {
            assert!(!is_stopword(w), "{w}");
        }
        // Longer elided conjunctions are dropped like "qu'".
        let t = tokenize("lorsqu’il partit, jusqu'à Lyon");
        assert!(!t.iter().any(|t| matches!(t, Token::Word { folded, .. } if folded == "lorsqu" || folded == "jusqu")));
    }
}
