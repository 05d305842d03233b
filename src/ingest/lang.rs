//! Language identification with whatlang, reported as ISO 639-1 codes.

use crate::model::Lang;

/// The language of `text`, or `None` when the text is too short or whatlang is unsure.
pub fn detect(text: &str) -> Lang {
    let info = whatlang::detect(text)?;
    // Short snippets give low confidence; below this we would be guessing.
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 12 || info.confidence() < 0.15 {
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
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_english_and_french() {
        assert_eq!(detect("The quick brown fox jumps over the lazy dog near the river bank.").as_deref(), Some("en"));
        assert_eq!(detect("Le directeur d'Europol a expliqué que la menace reste très élevée.").as_deref(), Some("fr"));
    }

    #[test]
    fn too_short_is_unknown() {
        assert_eq!(detect("Follow"), None);
    }
}
