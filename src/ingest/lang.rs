//! Language identification with whatlang, reported as ISO 639-1 codes.

use crate::model::Lang;

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
}
