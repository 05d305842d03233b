//! Language identification with whatlang, reported as ISO 639-1 codes.
//!
//! whatlang compares a text's trigrams with the profile of every language of its script,
//! a fixed cost of some ten thousand look-ups per call whatever the text's length. An
//! article is detected once, on a bounded sample spread over its text
//! ([`detect_article`]); a paragraph is asked about only when its function words do not
//! already say it is in the article's language ([`detect_paragraph`]), so a monolingual
//! article costs one call and a quoted paragraph in another language still gets its own.

use super::floor_char_boundary;
use crate::model::Lang;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Bytes of text whatlang sees at most: beyond this it gains nothing but time.
const SAMPLE_BYTES: usize = 4096;

/// Pieces of an article's sample, taken evenly from its start to its end.
const SAMPLE_PIECES: usize = 8;

/// The language of a whole article, from at most [`SAMPLE_BYTES`] of its text taken in
/// pieces from start to end (an opening quote in another language does not decide it).
pub fn detect_article(text: &str) -> Lang {
    let sample = spread_sample(text);
    plainly_in(&sample).map(str::to_string).or_else(|| detect(&sample))
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

/// The language of an article and of each of its paragraphs, as [`detect_article`] (unless
/// `stated`) and [`detect_paragraph`] give them, with each word looked up once: the
/// paragraphs' function words decide each paragraph and, added up, the article when its
/// text is its own sample. `paragraphs` are the byte ranges of the paragraphs in `text`,
/// which holds nothing else but the non-letters between them.
pub fn detect_with_paragraphs(text: &str, paragraphs: &[std::ops::Range<usize>], stated: Lang) -> (Lang, Vec<Lang>) {
    let counts: Vec<FunctionWordCounts> = paragraphs.iter().map(|r| FunctionWordCounts::of(&text[r.clone()])).collect();
    let article = stated.or_else(|| {
        if text.len() > SAMPLE_BYTES {
            return detect_article(text);
        }
        let mut all = FunctionWordCounts::default();
        counts.iter().for_each(|c| all.merge(c));
        plainly_in_counted(&all).map(str::to_string).or_else(|| detect(text))
    });
    let languages = paragraphs
        .iter()
        .zip(&counts)
        .map(|(range, counts)| match article.as_deref() {
            Some(lang) if reads_as_counted(counts, lang) => Some(lang.to_string()),
            _ => detect(head(&text[range.clone()], SAMPLE_BYTES)),
        })
        .collect();
    (article, languages)
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
/// (A fast hash: every word of every article is looked up here.)
/// (Keyed by bytes: a word lowered on the stack is looked up with no UTF-8 check.)
static FUNCTION_WORD_LANGUAGES: LazyLock<FxHashMap<&'static [u8], u16>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static [u8], u16> = FxHashMap::default();
    for (i, (_, words)) in FUNCTION_WORDS.iter().enumerate() {
        for w in words.split_whitespace() {
            *map.entry(w.as_bytes()).or_default() |= 1 << i;
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
    reads_as_counted(&FunctionWordCounts::of(paragraph), lang)
}

/// [`reads_as`] from the counts of a paragraph's words.
fn reads_as_counted(counts: &FunctionWordCounts, lang: &str) -> bool {
    let Some(own_index) = FUNCTION_WORDS.iter().position(|(l, _)| *l == lang) else {
        return false;
    };
    let own_bit = 1u16 << own_index;
    let mut own = 0usize;
    let mut others = [0usize; FUNCTION_WORDS.len()];
    for &(bits, n) in &counts.by_languages {
        if bits & own_bit != 0 {
            own += n;
        } else {
            (0..others.len()).filter(|i| bits & (1 << i) != 0).for_each(|i| others[i] += n);
        }
    }
    let most_other = others.iter().copied().max().unwrap_or(0);
    own >= 2 && own * 10 >= counts.words && own >= 3 * most_other
}

/// How many words a text has, and how many of them are function words of each set of
/// languages (bits in the order of [`FUNCTION_WORDS`]). Counted once per paragraph, the
/// counts serve the paragraph's test and, added up, the article's.
#[derive(Debug, Clone, Default)]
struct FunctionWordCounts {
    words: usize,
    /// (languages, words) for each set of languages met; few sets occur.
    by_languages: Vec<(u16, usize)>,
}

impl FunctionWordCounts {
    fn of(text: &str) -> FunctionWordCounts {
        let mut counts = FunctionWordCounts::default();
        for_each_word(text, |bits| {
            counts.words += 1;
            counts.add(bits, 1);
        });
        counts
    }

    fn add(&mut self, bits: u16, n: usize) {
        if bits == 0 {
            return;
        }
        match self.by_languages.iter_mut().find(|(b, _)| *b == bits) {
            Some(entry) => entry.1 += n,
            None => self.by_languages.push((bits, n)),
        }
    }

    fn merge(&mut self, other: &FunctionWordCounts) {
        self.words += other.words;
        for &(bits, n) in &other.by_languages {
            self.add(bits, n);
        }
    }
}

/// Languages whose function words alone may name an article: those whose close
/// neighbours among whatlang's languages are all in [`FUNCTION_WORDS`] too (Danish and
/// Swedish words are Norwegian's, Dutch ones Afrikaans', Spanish ones Galician's and
/// Esperanto's, so those are left to whatlang).
const PLAIN_LANGUAGES: [&str; 3] = ["en", "fr", "de"];

/// Words an article sample needs before its function words may name its language.
const PLAIN_MIN_WORDS: usize = 60;

/// The language an article `sample` is plainly written in, by its function words, or
/// `None` to let whatlang decide. Plainly: a language of [`PLAIN_LANGUAGES`] whose
/// function words are a quarter of the words or more (prose in any language is a third
/// to a half function words), and whose words of its own (listed for no other language)
/// outnumber ten to one those of any other language. Long prose in one language meets
/// this easily, where whatlang (a fixed cost of some ten thousand look-ups per call, most
/// of a cold read) says the same; mixed or short text, or text in another language, does
/// not.
fn plainly_in(sample: &str) -> Option<&'static str> {
    plainly_in_counted(&FunctionWordCounts::of(sample))
}

/// [`plainly_in`] from the counts of a sample's words.
fn plainly_in_counted(counts: &FunctionWordCounts) -> Option<&'static str> {
    let words = counts.words;
    let mut listed = [0usize; FUNCTION_WORDS.len()];
    let mut alone = [0usize; FUNCTION_WORDS.len()];
    for &(bits, n) in &counts.by_languages {
        for (i, listed) in listed.iter_mut().enumerate().filter(|(i, _)| bits & (1 << i) != 0) {
            *listed += n;
            if bits.count_ones() == 1 {
                alone[i] += n;
            }
        }
    }
    let best = (0..alone.len()).max_by_key(|&i| alone[i])?;
    let most_other = (0..alone.len()).filter(|&i| i != best).map(|i| alone[i]).max().unwrap_or(0);
    let (lang, _) = FUNCTION_WORDS[best];
    (PLAIN_LANGUAGES.contains(&lang) && words >= PLAIN_MIN_WORDS && listed[best] * 4 >= words && alone[best] >= 10 * most_other.max(1))
        .then_some(lang)
}

/// Calls `f` with the languages (bits, as in [`FUNCTION_WORD_LANGUAGES`]; 0 for none) of
/// each word of `text`: each run of alphabetic characters.
fn for_each_word(text: &str, mut f: impl FnMut(u16)) {
    let mut lower = String::new();
    let mut lowered = [0u8; LONGEST_FUNCTION_WORD];
    for (word, ascii) in Words::new(text) {
        if word.len() > LONGEST_FUNCTION_WORD {
            f(0);
            continue;
        }
        // Most words are ASCII: lowered on the stack (every word of every article
        // comes here).
        let key: &[u8] = if ascii {
            let lowered = &mut lowered[..word.len()];
            lowered.copy_from_slice(word.as_bytes());
            lowered.make_ascii_lowercase();
            lowered
        } else if word.chars().any(char::is_uppercase) {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_bytes()
        } else {
            word.as_bytes()
        };
        f(FUNCTION_WORD_LANGUAGES.get(key).copied().unwrap_or(0));
    }
}

/// The runs of alphabetic characters of a text (as splitting it on every other
/// character gives them), each with whether it is ASCII; ASCII is classed by its byte,
/// without decoding a character (every article's text passes here).
struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        Words { text, at: 0 }
    }

    /// The character at byte `i` (a character boundary, not ASCII).
    fn char_at(&self, i: usize) -> char {
        self.text[i..].chars().next().unwrap_or(' ')
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = (&'a str, bool);

    fn next(&mut self) -> Option<(&'a str, bool)> {
        let bytes = self.text.as_bytes();
        let mut i = self.at;
        // Up to the next letter: ASCII by its byte, the rest decoded.
        loop {
            while i < bytes.len() && bytes[i].is_ascii() && !bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            if i >= bytes.len() {
                self.at = i;
                return None;
            }
            if bytes[i].is_ascii() {
                break;
            }
            let c = self.char_at(i);
            if c.is_alphabetic() {
                break;
            }
            i += c.len_utf8();
        }
        let start = i;
        let mut ascii = true;
        loop {
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            if i >= bytes.len() || bytes[i].is_ascii() {
                break;
            }
            let c = self.char_at(i);
            if !c.is_alphabetic() {
                break;
            }
            ascii = false;
            i += c.len_utf8();
        }
        self.at = i;
        Some((&self.text[start..i], ascii))
    }
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
    fn words_are_the_runs_of_letters_splitting_gives() {
        for text in ["", "  ", "Le 12 mars, l'État a dit: « Non ! »", "naïve café\u{301}s", "x1y2z", "日本語とEnglish—mixed", "émigré", "a\u{1F600}b ß ÆØÅ"] {
            let mut found = Vec::new();
            for (word, ascii) in Words::new(text) {
                assert_eq!(ascii, word.is_ascii(), "{word}");
                found.push(word);
            }
            let split: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
            assert_eq!(found, split, "{text}");
        }
    }

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

    /// Some eighty words of news prose in each language (written for these tests).
    const PROSE: [(&str, &str); 12] = [
        ("en", "The council said on Monday that the new bridge over the river would be finished before the end of the year, although the work has been delayed twice by floods. Residents who live near the site have complained about the noise, and the mayor told reporters that she would meet them next week. The project, which was first proposed ten years ago, is expected to cost more than the city had planned, and some members of the council have asked for an inquiry into the contracts."),
        ("fr", "Le conseil municipal a annoncé lundi que le nouveau pont sur la rivière serait terminé avant la fin de l'année, bien que les travaux aient été retardés deux fois par les crues. Les habitants qui vivent près du chantier se sont plaints du bruit, et la maire a déclaré aux journalistes qu'elle les rencontrerait la semaine prochaine. Le projet, qui avait été proposé il y a dix ans, devrait coûter plus cher que prévu, et plusieurs élus ont demandé une enquête sur les contrats."),
        ("de", "Der Stadtrat hat am Montag mitgeteilt, dass die neue Brücke über den Fluss noch vor Ende des Jahres fertig sein soll, obwohl die Arbeiten zweimal durch Hochwasser verzögert wurden. Anwohner, die in der Nähe der Baustelle wohnen, haben sich über den Lärm beschwert, und die Bürgermeisterin sagte, sie werde sich nächste Woche mit ihnen treffen. Das Projekt, das vor zehn Jahren zum ersten Mal vorgeschlagen wurde, wird mehr kosten als geplant, und einige Mitglieder des Rates haben eine Untersuchung der Verträge gefordert."),
        ("es", "El ayuntamiento anunció el lunes que el nuevo puente sobre el río estará terminado antes de que acabe el año, aunque las obras se han retrasado dos veces por las inundaciones. Los vecinos que viven cerca de la obra se han quejado del ruido, y la alcaldesa dijo a los periodistas que se reunirá con ellos la próxima semana. El proyecto, que fue propuesto por primera vez hace diez años, costará más de lo previsto, y algunos concejales han pedido una investigación sobre los contratos."),
        ("ca", "L'ajuntament va anunciar dilluns que el nou pont sobre el riu estarà acabat abans que acabi l'any, tot i que les obres s'han endarrerit dues vegades per les inundacions. Els veïns que viuen a prop de l'obra s'han queixat del soroll, i l'alcaldessa va dir als periodistes que es reunirà amb ells la setmana que ve. El projecte, que es va proposar per primera vegada fa deu anys, costarà més del que estava previst, i alguns regidors han demanat una investigació sobre els contractes de la ciutat."),
        ("it", "Il consiglio comunale ha annunciato lunedì che il nuovo ponte sul fiume sarà terminato prima della fine dell'anno, anche se i lavori sono stati rinviati due volte a causa delle alluvioni. Gli abitanti che vivono vicino al cantiere si sono lamentati del rumore, e la sindaca ha detto ai giornalisti che li incontrerà la prossima settimana. Il progetto, proposto per la prima volta dieci anni fa, costerà più del previsto, e alcuni consiglieri hanno chiesto un'indagine sui contratti."),
        ("pt", "A câmara municipal anunciou na segunda-feira que a nova ponte sobre o rio estará concluída antes do fim do ano, embora as obras tenham sido adiadas duas vezes por causa das cheias. Os moradores que vivem perto da obra queixaram-se do barulho, e a presidente disse aos jornalistas que se vai reunir com eles na próxima semana. O projeto, proposto pela primeira vez há dez anos, vai custar mais do que o previsto, e alguns vereadores pediram uma investigação sobre os contratos."),
        ("nl", "De gemeenteraad heeft maandag bekendgemaakt dat de nieuwe brug over de rivier voor het einde van het jaar klaar zal zijn, hoewel de werkzaamheden twee keer zijn vertraagd door overstromingen. Bewoners die in de buurt van de bouwplaats wonen, hebben geklaagd over het lawaai, en de burgemeester zei tegen journalisten dat zij hen volgende week zal ontmoeten. Het project, dat tien jaar geleden voor het eerst werd voorgesteld, gaat meer kosten dan gepland, en sommige raadsleden hebben om een onderzoek naar de contracten gevraagd."),
        ("af", "Die stadsraad het Maandag aangekondig dat die nuwe brug oor die rivier voor die einde van die jaar klaar sal wees, hoewel die werk twee keer deur oorstromings vertraag is. Inwoners wat naby die terrein woon, het oor die geraas gekla, en die burgemeester het aan verslaggewers gesê dat sy hulle volgende week sal ontmoet. Die projek, wat tien jaar gelede vir die eerste keer voorgestel is, gaan meer kos as wat beplan is, en sommige lede van die raad het gevra vir 'n ondersoek na die kontrakte."),
        ("nb", "Bystyret sa mandag at den nye brua over elva skal være ferdig før slutten av året, selv om arbeidet har blitt forsinket to ganger av flom. Beboere som bor i nærheten av anlegget har klaget på støyen, og ordføreren sa til journalister at hun skal møte dem neste uke. Prosjektet, som ble foreslått for første gang for ti år siden, kommer til å koste mer enn planlagt, og noen av medlemmene i bystyret har bedt om en gransking av kontraktene som er inngått med de som bygger brua."),
        ("eo", "La urba konsilio anoncis lunde, ke la nova ponto super la rivero estos finita antaŭ la fino de la jaro, kvankam la laboroj estis prokrastitaj dufoje pro inundoj. Loĝantoj, kiuj loĝas proksime de la konstruejo, plendis pri la bruo, kaj la urbestro diris al ĵurnalistoj, ke ŝi renkontos ilin venontan semajnon. La projekto, kiu estis unuafoje proponita antaŭ dek jaroj, kostos pli ol planite, kaj kelkaj membroj de la konsilio petis enketon pri la kontraktoj de la urbo kaj de la konstruistoj."),
        ("la", "Senatus die Lunae nuntiavit novum pontem super flumen ante finem anni perfectum iri, quamquam opera bis propter inundationes dilata sunt. Incolae qui prope locum habitant de strepitu questi sunt, et praefecta urbis nuntiis dixit se eos proxima hebdomade conventuram esse. Consilium, quod ante decem annos primum propositum est, plus quam constitutum erat constabit, et nonnulli senatores inquisitionem de pactis postulaverunt, quia pecunia publica in hoc opere non recte impensa esse videtur et cives de ea re iam diu queruntur."),
    ];

    #[test]
    fn function_words_name_only_plain_english_french_or_german_prose() {
        for (lang, text) in PROSE {
            let plain = plainly_in(text);
            if PLAIN_LANGUAGES.contains(&lang) {
                assert_eq!(plain, Some(lang), "{lang}");
            } else {
                assert_eq!(plain, None, "{lang}: {text}");
            }
            // Where the function words decide, whatlang says the same.
            if let Some(p) = plain {
                assert_eq!(detect(text).as_deref(), Some(p));
            }
        }
    }

    #[test]
    fn mixed_or_short_prose_is_left_to_whatlang() {
        let (en, fr) = (PROSE[0].1, PROSE[1].1);
        assert_eq!(plainly_in(&format!("{en} {fr}")), None, "half and half");
        assert_eq!(plainly_in("The council said on Monday that the bridge would be finished soon."), None, "too short");
        assert_eq!(detect_article(&format!("{en} {en} {en}")).as_deref(), Some("en"));
    }

    #[test]
    fn paragraphs_counted_once_give_what_separate_detection_gives() {
        let (en, fr) = (PROSE[0].1, PROSE[1].1);
        let quote = "« Nous ne céderons pas sur la sécurité des habitants », a déclaré le maire.";
        for paragraphs in [vec![en, quote, en], vec![fr, fr], vec![en, fr], vec!["Short.", "Follow"], vec![en, en, en, en, en, en, en, en, en, en, fr]] {
            let text = paragraphs.join("\n\n");
            let mut ranges = Vec::new();
            for p in &paragraphs {
                let start = ranges.last().map_or(0, |r: &std::ops::Range<usize>| r.end + 2);
                ranges.push(start..start + p.len());
            }
            let article = detect_article(&text);
            let separate: Vec<Lang> = paragraphs.iter().map(|p| detect_paragraph(p, article.as_deref())).collect();
            assert_eq!(detect_with_paragraphs(&text, &ranges, None), (article, separate), "{paragraphs:?}");
        }
        let whole = 0..en.len();
        let stated = detect_with_paragraphs(en, std::slice::from_ref(&whole), Some("fr".to_string()));
        assert_eq!(stated, (Some("fr".to_string()), vec![detect_paragraph(en, Some("fr"))]));
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
