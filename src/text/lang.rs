//! Language identification with whatlang, reported as ISO 639-1 codes.
//!
//! whatlang compares a text's trigrams with the profile of every language of its script,
//! a fixed cost of some ten thousand look-ups per call whatever the text's length. An
//! article is detected once, on a bounded sample spread over its text
//! ([`detect_article`]); a paragraph is asked about only when its function words do not
//! already say it is in the article's language ([`detect_paragraph`]), so a monolingual
//! article costs one call and a quoted paragraph in another language still gets its own.

use crate::model::Lang;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Bytes of text whatlang sees at most: beyond this it gains nothing but time.
const SAMPLE_BYTES: usize = 4096;

/// Pieces of an article's sample, taken evenly from its start to its end.
const SAMPLE_PIECES: usize = 8;

/// The language of a whole article, from at most [`SAMPLE_BYTES`] of its text taken in
/// pieces from start to end (an opening quote in another language does not decide it).
pub fn detect_article(text: &str) -> Lang {
    detect(&spread_sample(text))
}

/// The language of one paragraph of an article in `article_language`: that language when
/// the paragraph's function words say so, else what whatlang finds in its first
/// [`SAMPLE_BYTES`] (`None` when unsure; the caller falls back to the article's).
pub fn detect_paragraph(paragraph: &str, article_language: Option<&str>) -> Lang {
    match article_language {
        Some(lang) if reads_as(paragraph, lang) => Some(lang.to_string()),
        _ => detect(head(paragraph, SAMPLE_BYTES)),
    }
}

/// `text` itself when short, else [`SAMPLE_PIECES`] pieces of it, cut between words,
/// from its start to its end, [`SAMPLE_BYTES`] in all.
fn spread_sample(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= SAMPLE_BYTES {
        return text.into();
    }
    let piece = SAMPLE_BYTES / SAMPLE_PIECES;
    let last_start = text.len() - piece;
    let mut sample = String::with_capacity(SAMPLE_BYTES + SAMPLE_PIECES);
    for i in 0..SAMPLE_PIECES {
        let start = floor_char_boundary(text, last_start * i / (SAMPLE_PIECES - 1));
        let end = floor_char_boundary(text, start + piece);
        let mut window = &text[start..end];
        // Whole words only: a word cut in two makes trigrams of no language.
        if start > 0 {
            window = window.split_once(char::is_whitespace).map_or("", |(_, rest)| rest);
        }
        if end < text.len() {
            window = window.rsplit_once(char::is_whitespace).map_or("", |(kept, _)| kept);
        }
        sample.push_str(window);
        sample.push('\n');
    }
    sample.into()
}

/// The first `max` bytes of `text`, cut on a char boundary.
fn head(text: &str, max: usize) -> &str {
    &text[..floor_char_boundary(text, max.min(text.len()))]
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The commonest function words of languages often found side by side in news (and of
/// their neighbours, so that a paragraph in one is not taken for another). Words of two
/// languages are listed under both. Single letters are left out: initials and elisions
/// ("L.", "Clinton's") would count.
const FUNCTION_WORDS: [(&str, &str); 11] = [
    ("en", "the and of to that with for it this are have from by be he she they said were which has would not but at his her their will been who was is in we"),
    ("fr", "le la les des du et est une un que qui dans pour pas sur au aux ce il elle ne se sont avec par été plus ont mais cette ses leur nous vous je de qu à en"),
    ("de", "der die und das den nicht ist ein eine mit sich auf für dem von zu auch es im wird sie wir ich nach bei aus wie sind hat werden einer oder in was des du"),
    ("es", "el los las del que en por con una para es se al lo como más pero sus le ya fue este esta han ha muy la un de"),
    ("it", "il di che la per un una del della non sono con gli le si da nel alla anche come più ha ma è dei delle in"),
    ("pt", "os as do da dos das em no na que um uma para com não por se mais ao foi é seu sua mas pelo pela de"),
    ("nl", "de het een van en is dat niet op zijn met voor ook aan er maar om wordt bij te naar heeft worden hij zij wij ik in"),
    ("sv", "och att det som en på är av för med till den har inte om ett var jag han hon de"),
    ("da", "og at det som en på er af for med til den har ikke om et var jeg han hun de"),
    ("ro", "și în că cu pe din care nu este mai la un fost sunt pentru despre acest această"),
    ("ca", "els amb per del dels és aquest aquesta seva seu va les la que un una"),
];

/// Function word → the languages (bits, in the order of [`FUNCTION_WORDS`]) it belongs to.
static FUNCTION_WORD_LANGUAGES: LazyLock<HashMap<&'static str, u16>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, u16> = HashMap::new();
    for (i, (_, words)) in FUNCTION_WORDS.iter().enumerate() {
        for w in words.split_whitespace() {
            *map.entry(w).or_default() |= 1 << i;
        }
    }
    map
});

/// Longest function word, in bytes: longer words are not looked up.
const LONGEST_FUNCTION_WORD: usize = 10;

/// Whether `paragraph` reads as `lang` by its function words: at least two of them, one
/// word in ten or more, and at least three times as many as those of any other listed
/// language that `lang` does not share. `false` (undecided) for a language not listed.
pub fn reads_as(paragraph: &str, lang: &str) -> bool {
    let Some(own_index) = FUNCTION_WORDS.iter().position(|(l, _)| *l == lang) else {
        return false;
    };
    let own_bit = 1u16 << own_index;
    let (mut words, mut own) = (0usize, 0usize);
    let mut others = [0usize; FUNCTION_WORDS.len()];
    let mut lower = String::new();
    for word in paragraph.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        if word.len() > LONGEST_FUNCTION_WORD {
            continue;
        }
        let key = if word.chars().any(char::is_uppercase) {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        } else {
            word
        };
        match FUNCTION_WORD_LANGUAGES.get(key) {
            Some(bits) if bits & own_bit != 0 => own += 1,
            Some(bits) => (0..others.len()).filter(|i| bits & (1 << i) != 0).for_each(|i| others[i] += 1),
            None => {}
        }
    }
    let most_other = others.iter().copied().max().unwrap_or(0);
    own >= 2 && own * 10 >= words && own >= 3 * most_other
}

/// The language of `text`, or `None` when the text is too short or whatlang is unsure.
pub fn detect(text: &str) -> Lang {
    // Short snippets give low confidence; below this we would be guessing (and the
    // count is cheaper than asking whatlang, which matters over thousands of files).
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 12 {
        return None;
    }
    let info = whatlang::detect(text)?;
    if info.confidence() < 0.15 {
        return None;
    }
    // On a sentence or two whatlang often picks a close neighbour (English read as
    // Afrikaans): below a paragraph's worth of letters, only a reliable answer counts.
    if letters < 200 && !info.is_reliable() {
        return None;
    }
    Some(iso639_1(info.lang()).to_string())
}

/// Two-letter code where one exists, else whatlang's three-letter code.
pub fn iso639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Eng => "en",
        Fra => "fr",
        Deu => "de",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Rus => "ru",
        Ara => "ar",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Tur => "tr",
        Pol => "pl",
        Ukr => "uk",
        Swe => "sv",
        Dan => "da",
        Fin => "fi",
        Ell => "el",
        Heb => "he",
        Pes => "fa",
        Hin => "hi",
        Urd => "ur",
        Ron => "ro",
        Ces => "cs",
        Hun => "hu",
        Nob => "nb",
        Cat => "ca",
        Ind => "id",
        Vie => "vi",
        Tha => "th",
        Epo => "eo",
        Ben => "bn",
        Kat => "ka",
        Yid => "yi",
        Amh => "am",
        Jav => "jv",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Tel => "te",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Tgl => "tl",
        Hye => "hy",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_english_and_french() {
        assert_eq!(detect("Officials said the report would be published next week in London.").as_deref(), Some("en"));
        assert_eq!(detect("Le directeur d'Europol a expliqué que la menace reste très élevée.").as_deref(), Some("fr"));
    }

    #[test]
    fn an_unsure_guess_on_a_short_text_is_unknown() {
        // whatlang is unsure here (confidence about 0.3): better unknown than wrong.
        assert_eq!(detect("The quick brown fox jumps over the lazy dog near the river bank."), None);
    }

    #[test]
    fn too_short_is_unknown() {
        assert_eq!(detect("Follow"), None);
    }

    #[test]
    fn function_words_tell_a_paragraph_of_the_article_language() {
        assert!(reads_as("The minister said on Monday that the plan would go ahead.", "en"));
        assert!(reads_as("Le ministre a annoncé lundi que le projet serait lancé dans la ville.", "fr"));
        // Another language's paragraph is not taken for the article's …
        assert!(!reads_as("Le ministre a annoncé lundi que le projet serait lancé dans la ville.", "en"));
        assert!(!reads_as("The minister said on Monday that the plan would go ahead.", "fr"));
        assert!(!reads_as("El presidente dijo que la economía crecerá este año más de lo previsto.", "fr"));
        // … nor is a headline of names with one function word (whatlang decides those).
        assert!(!reads_as("Hillary Clinton's union problem.", "fr"));
        assert!(!reads_as("Officials said so.", "xx"));
    }

    #[test]
    fn a_paragraph_in_another_language_is_detected() {
        let fr = "« Nous ne céderons pas sur la sécurité des habitants de la ville », a déclaré le maire devant les journalistes.";
        assert_eq!(detect_paragraph(fr, Some("en")).as_deref(), Some("fr"));
        let en = "The mayor told reporters that the city would not give in on the safety of its residents.";
        assert_eq!(detect_paragraph(en, Some("en")).as_deref(), Some("en"));
    }

    #[test]
    fn the_article_sample_spans_the_text_in_whole_words() {
        let text = format!("{} {}", "alpha ".repeat(1000), "omega ".repeat(1000));
        let sample = spread_sample(&text);
        assert!(sample.len() <= SAMPLE_BYTES + SAMPLE_PIECES);
        assert!(sample.contains("alpha") && sample.contains("omega"));
        assert!(sample.split_whitespace().all(|w| w == "alpha" || w == "omega"), "{sample}");
        assert_eq!(spread_sample("short text"), "short text");
    }
}
