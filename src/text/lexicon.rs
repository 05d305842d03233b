//! Word lists for quotation attribution, loaded once from `assets/cues/`.
//!
//! Kept as plain text so a linguist can extend them without touching the code. All
//! lookups are on lower-cased words with typographic apostrophes folded to `'`.

use crate::model::SpeakerKind;
// The word lists are hashed with FxHash (speed2, session 18): a few thousand look-ups per
// article of short, trusted words, where SipHash was a sixth of the quote engine's time.
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashSet;
use std::sync::OnceLock;

/// What a pronoun can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    /// he, she, il, elle: a person.
    Person,
    /// they, ils, elles: a group, an organisation or several people.
    Plural,
    /// it: an organisation or a document.
    Thing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

#[derive(Debug, Default)]
pub struct Lexicon {
    /// One-word English cues and the first word of multi-word ones.
    pub en_cues: FxHashSet<String>,
    /// Multi-word cues as word lists ("according to", "pointed out").
    pub en_phrases: Vec<Vec<String>>,
    /// French cues that stand alone (present tense, prepositions).
    pub fr_cues: FxHashSet<String>,
    /// French past participles: a cue only after an auxiliary.
    pub fr_participles: FxHashSet<String>,
    /// Multi-word French cues ("mis en garde", "d'après").
    pub fr_phrases: Vec<(Vec<String>, bool)>,
    /// The multi-word cues by their first word, English then French, each list in the
    /// order of `en_phrases` and `fr_phrases` (whether the phrase is a participle's): a
    /// token is tried against its own phrases only (speed2).
    pub phrases_by_start: FxHashMap<String, Vec<(Vec<String>, bool)>>,
    pub roles: FxHashMap<String, SpeakerKind>,
    pub pronouns: FxHashMap<String, (PronounKind, Gender)>,
    pub titles: FxHashMap<String, Gender>,
    pub org_words: FxHashSet<String>,
    /// Words that make a capitalised name a place, anywhere in it or as its first word,
    /// and place names nothing else marks, folded (places.txt).
    pub place_words: FxHashSet<String>,
    pub place_first_words: FxHashSet<String>,
    pub place_names: FxHashSet<Vec<String>>,
    /// Countries, states, cities and nationalities, folded (gazetteer.txt), and whether
    /// the place is a country (which may speak through its government).
    pub gazetteer: FxHashMap<Vec<String>, bool>,
    /// One-word names that are never a speaker: days, openers, networks, party labels.
    pub not_speakers: FxHashSet<String>,
    pub function_words: FxHashSet<String>,
    /// Nouns that describe an already named person ("the teenager"), with gender.
    pub descriptors: FxHashMap<String, Gender>,
    /// Usual gender of common first names.
    pub first_names: FxHashMap<String, Gender>,
    /// Two names of one office, as content words ("premier ministre" / "chef gouvernement").
    pub role_synonyms: Vec<(Vec<String>, Vec<String>)>,
    /// Last words before a quote that make it a label ("so-called", "known as").
    pub naming: Vec<Vec<String>>,
    /// Last words before a quote that make it the name of a charge ("jugé pour").
    pub charges: Vec<Vec<String>>,
}

/// Lower-case and fold the typographic apostrophe so lexicon lookups see one form.
pub fn fold(word: &str) -> String {
    // (Most words are ASCII: lower-cased byte by byte, and no apostrophe to look for.)
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let low = word.to_lowercase();
    // (Only a word holding the apostrophe is copied a second time.)
    if low.contains('’') { low.replace('’', "'") } else { low }
}

/// `word` folded as the tokens hold it: an ASCII word (most of them) is lower-cased in place,
/// inline, without the two heap strings of [`fold`]; the same result as `fold(word).into()`.
pub fn fold_compact(word: &str) -> compact_str::CompactString {
    if word.is_ascii() {
        let mut low = compact_str::CompactString::from(word);
        low.make_ascii_lowercase();
        return low;
    }
    fold(word).into()
}

/// `word` folded, without allocating when it already is (tokens carry folded forms).
fn folded(word: &str) -> std::borrow::Cow<'_, str> {
    // Most words are ASCII without a capital: already folded, told by their bytes alone.
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return std::borrow::Cow::Borrowed(word);
    }
    if word.chars().any(|c| c.is_uppercase() || c == '’') {
        std::borrow::Cow::Owned(fold(word))
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

// --- ranker (session 14): one reading of a role noun's gender by its form ---

/// French person nouns in -eur that name women too ("l'auteur", "le professeur"): their
/// ending tells no gender.
const EPICENE_EUR: [&str; 12] =
    ["auteur", "professeur", "docteur", "ingénieur", "procureur", "pasteur", "successeur", "prédécesseur", "assesseur", "censeur", "défenseur", "gouverneur"];
/// French feminine and masculine person-noun endings ("l'enquêtrice", "l'éleveur").
const FRENCH_FEMININE_ENDINGS: [&str; 8] = ["euse", "rice", "ière", "iere", "ienne", "ante", "eure", "esse"];
const FRENCH_MASCULINE_ENDINGS: [&str; 4] = ["eur", "ier", "ien", "ant"];

/// The gender a role noun `head` tells by itself, for every caller (the rules of both
/// languages and the ranker): a gendered descriptor ("la mère", "the mother"); in English
/// (`french` false) a compound in -woman/-man ("spokeswoman", "businessman"; not "German",
/// "human"); in French its ending (-euse/-rice/-ière/-ienne/-ante/-eure/-esse a woman,
/// -eur/-ier/-ien/-ant a man; the -eur nouns naming women too tell nothing), else a person noun
/// the role list holds both without and with a final -e ("élu"/"élue", "adjoint"/"adjointe").
/// Nouns of one form ("ministre", "juge", "senator") tell nothing. Each language reads
/// only its own endings: English "consultant" or "soldier" is no man.
pub fn role_noun_gender(head: &str, french: bool) -> Gender {
    let head = folded(head);
    let head = head.as_ref();
    let lx = Lexicon::get();
    if let Some(g) = lx.descriptor(head).filter(|&g| g != Gender::Unknown) {
        return g;
    }
    if !french {
        return english_compound_gender(head);
    }
    // (Even when the role list holds a feminine form beside it: "l'ingénieur" may be a woman.)
    if EPICENE_EUR.iter().any(|e| head.ends_with(e)) {
        return Gender::Unknown;
    }
    match french_ending_gender(head) {
        Gender::Unknown => french_paired_form_gender(lx, head),
        g => g,
    }
}

/// "spokeswoman", "congressmen": an English compound in -woman/-man (six letters at least,
/// and not the words that merely end so).
fn english_compound_gender(head: &str) -> Gender {
    let long = head.chars().count() >= 6 && !matches!(head, "german" | "germans" | "human" | "humans");
    if long && (head.ends_with("woman") || head.ends_with("women")) {
        Gender::Female
    } else if long && (head.ends_with("man") || head.ends_with("men")) {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

/// A French person noun's gender by its ending (five letters at least).
fn french_ending_gender(head: &str) -> Gender {
    let ends = |xs: &[&str]| xs.iter().any(|x| head.ends_with(x));
    if head.chars().count() < 5 {
        Gender::Unknown
    } else if ends(&FRENCH_FEMININE_ENDINGS) {
        Gender::Female
    } else if ends(&FRENCH_MASCULINE_ENDINGS) {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

/// "élue" beside a listed "élu" is the woman's form, "élu" beside a listed "élue" the
/// man's; only person roles, and a stem of three letters at least.
fn french_paired_form_gender(lx: &Lexicon, head: &str) -> Gender {
    let person = |w: &str| lx.role(w) == Some(SpeakerKind::Person);
    if !person(head) {
        return Gender::Unknown;
    }
    if head.strip_suffix('e').is_some_and(|stem| stem.chars().count() >= 3 && person(stem)) {
        return Gender::Female;
    }
    if person(&format!("{head}e")) { Gender::Male } else { Gender::Unknown }
}

/// French elided words, folded. The tokenizer reads "l'Office" as "l'" "Office", and the word
/// lists are read the same way, so a listed "s'alarme" matches the text.
pub const ELISIONS: [&str; 12] = ["l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'", "jusqu'", "lorsqu'", "puisqu'"];

/// The elided word opening the folded `low`, when more of the word follows ("l'office" →
/// "l'"; "l'" alone → none).
pub fn leading_elision(low: &str) -> Option<&'static str> {
    ELISIONS.iter().copied().find(|e| low.len() > e.len() && low.starts_with(e))
}

/// A line of a word list as the tokenizer reads text: folded words, elisions apart.
fn phrase_words(line: &str) -> Vec<String> {
    line.split_whitespace()
        .map(fold)
        .flat_map(|w| match leading_elision(&w) {
            Some(e) => vec![e.to_string(), w[e.len()..].to_string()],
            None => vec![w],
        })
        .collect()
}

/// The multi-word cues grouped by first word, each group in list order, English first (as
/// [`Lexicon::phrases_from`] gives them to the cue finder).
fn phrases_by_start(en: &[Vec<String>], fr: &[(Vec<String>, bool)]) -> FxHashMap<String, Vec<(Vec<String>, bool)>> {
    let mut by_start: FxHashMap<String, Vec<(Vec<String>, bool)>> = FxHashMap::default();
    for (p, participle) in en.iter().map(|p| (p, false)).chain(fr.iter().map(|(p, pp)| (p, *pp))) {
        if let Some(first) = p.first() {
            by_start.entry(first.clone()).or_default().push((p.clone(), participle));
        }
    }
    by_start
}

fn entries(src: &str) -> impl Iterator<Item = &str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn gender(tag: &str) -> Gender {
    match tag {
        "m" => Gender::Male,
        "f" => Gender::Female,
        _ => Gender::Unknown,
    }
}

fn kind(tag: &str) -> Option<SpeakerKind> {
    match tag {
        "person" => Some(SpeakerKind::Person),
        "organisation" => Some(SpeakerKind::Organisation),
        "document" => Some(SpeakerKind::Document),
        _ => None,
    }
}

/// The imperfect of a first-group French verb given in the present ("assure" →
/// "assurait", "assuraient"): news copy reports speech in the imperfect as often as in the
/// present ("assurait le ministre"), and deriving it keeps the list to one form per verb.
/// Irregular verbs (dit → disait) are listed in `fr_cues.txt` by hand.
fn imperfect(present: &str) -> Vec<String> {
    let Some(stem) = present.strip_suffix('e') else { return Vec::new() };
    // Only a singular present with a real stem: "prévient", "assurent" are left alone.
    if stem.chars().count() < 3 || stem.ends_with(['e', 'i']) {
        return Vec::new();
    }
    // The stem keeps its sound before "a": "lance" → "lançait", "juge" → "jugeait".
    let stem = match stem.strip_suffix('c') {
        Some(s) => format!("{s}ç"),
        None if stem.ends_with('g') => format!("{stem}e"),
        None => stem.to_string(),
    };
    vec![format!("{stem}ait"), format!("{stem}aient")]
}

/// The simple past (passé simple) of a first-group French verb given by its participle
/// ("déclaré" → "déclara", "déclarèrent"): narrative copy and portraits report speech in
/// it ("il déclara alors : « … »"). Spelling keeps the stem's sound: "lancé" → "lança",
/// "jugé" → "jugea". Irregular verbs (dit, répondit, reconnut) are listed by hand.
fn simple_past(participle: &str) -> Vec<String> {
    let Some(stem) = participle.strip_suffix('é') else { return Vec::new() };
    // "l'emporta" (won), "montra" (showed): simple pasts that are not reports of speech.
    if stem.chars().count() < 3 || matches!(participle, "emporté" | "montré" | "pointé" | "avancé") {
        return Vec::new();
    }
    let singular = match stem.strip_suffix('c') {
        Some(s) => format!("{s}ça"),
        None if stem.ends_with('g') => format!("{stem}ea"),
        None => format!("{stem}a"),
    };
    vec![singular, format!("{stem}èrent")]
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut lx = Lexicon::default();
        for line in entries(include_str!("../../assets/cues/en_cues.txt")) {
            let words: Vec<String> = line.split_whitespace().map(fold).collect();
            if words.len() == 1 {
                lx.en_cues.insert(words[0].clone());
            } else if !words.is_empty() {
                lx.en_phrases.push(words);
            }
        }
        for line in entries(include_str!("../../assets/cues/fr_cues.txt")) {
            let (form, participle) = match line.strip_suffix(" pp") {
                Some(f) => (f.trim(), true),
                None => (line, false),
            };
            // "s'alarme" is read as the tokens "s'" "alarme", like the text around quotes.
            let words = phrase_words(form);
            match (words.len(), participle) {
                (0, _) => {}
                (1, true) => {
                    lx.fr_cues.extend(simple_past(&words[0]));
                    lx.fr_participles.insert(words[0].clone());
                }
                (1, false) => {
                    lx.fr_cues.extend(imperfect(&words[0]));
                    lx.fr_cues.insert(words[0].clone());
                }
                _ => {
                    // "se félicite" → "se félicitait" too.
                    if !participle && let Some((last, head)) = words.split_last() {
                        for form in imperfect(last) {
                            lx.fr_phrases.push(([head, &[form]].concat(), false));
                        }
                    }
                    lx.fr_phrases.push((words, participle));
                }
            }
        }
        lx.phrases_by_start = phrases_by_start(&lx.en_phrases, &lx.fr_phrases);
        for line in entries(include_str!("../../assets/cues/roles.txt")) {
            if let Some((noun, tag)) = line.rsplit_once(char::is_whitespace)
                && let Some(k) = kind(tag.trim()) {
                    lx.roles.insert(fold(noun.trim()), k);
                }
        }
        for line in entries(include_str!("../../assets/cues/pronouns.txt")) {
            let parts: Vec<&str> = line.split_whitespace().collect();
            if let [word, what, g] = parts[..] {
                let what = match what {
                    "person" => PronounKind::Person,
                    "plural" => PronounKind::Plural,
                    _ => PronounKind::Thing,
                };
                lx.pronouns.insert(fold(word), (what, gender(g)));
            }
        }
        for line in entries(include_str!("../../assets/cues/titles.txt")) {
            let parts: Vec<&str> = line.split_whitespace().collect();
            if let [word, g] = parts[..] {
                // Titles are matched as written: "M." is a title, "m." is not.
                lx.titles.insert(word.to_string(), gender(g));
            }
        }
        lx.org_words = entries(include_str!("../../assets/cues/org_words.txt")).map(fold).collect();
        for line in entries(include_str!("../../assets/cues/places.txt")) {
            match line.split_once(' ') {
                Some(("word", w)) => drop(lx.place_words.insert(fold(w.trim()))),
                Some(("first", w)) => drop(lx.place_first_words.insert(fold(w.trim()))),
                Some(("name", n)) => drop(lx.place_names.insert(n.split_whitespace().map(fold).collect())),
                _ => {}
            }
        }
        for line in entries(include_str!("../../assets/cues/descriptors.txt")) {
            if let Some((noun, g)) = line.rsplit_once(' ') {
                lx.descriptors.insert(fold(noun.trim()), gender(g.trim()));
            }
        }
        for line in entries(include_str!("../../assets/cues/first_names.txt")) {
            if let Some((name, g)) = line.rsplit_once(' ') {
                lx.first_names.insert(name.trim().to_string(), gender(g.trim()));
            }
        }
        lx.naming = entries(include_str!("../../assets/cues/naming.txt")).map(phrase_words).collect();
        lx.charges = entries(include_str!("../../assets/cues/charges.txt")).map(phrase_words).collect();
        for line in entries(include_str!("../../assets/cues/role_synonyms.txt")) {
            if let Some((a, b)) = line.split_once('=') {
                lx.role_synonyms.push((phrase_words(a), phrase_words(b)));
            }
        }
        lx.function_words = entries(include_str!("../../assets/cues/function_words.txt")).map(fold).collect();
        for line in entries(include_str!("../../assets/cues/gazetteer.txt")) {
            let (country, name) = match line.strip_prefix("country ") {
                Some(name) => (true, name),
                None => (false, line),
            };
            let words: Vec<String> = name.split_whitespace().map(fold).collect();
            // "N.C", "D.C": names keep an abbreviation's final stop ("Raleigh, N.C."), so the
            // place is listed with it too.
            if words.last().is_some_and(|w| w.contains('.') && !w.ends_with('.')) {
                let mut dotted = words.clone();
                if let Some(w) = dotted.last_mut() {
                    w.push('.');
                }
                lx.gazetteer.insert(dotted, country);
            }
            lx.gazetteer.insert(words, country);
        }
        lx.not_speakers = entries(include_str!("../../assets/cues/not_speakers.txt")).map(fold).collect();
        lx
    }

    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// The multi-word cues that open with the folded word `low`, in list order, English
    /// first, with whether each is a participle's; none for most words.
    pub fn phrases_from(&self, low: &str) -> &[(Vec<String>, bool)] {
        self.phrases_by_start.get(low).map_or(&[], Vec::as_slice)
    }

    /// The words of the other names of an office whose every word `role_words` holds:
    /// someone introduced as "chef du gouvernement" is also "premier ministre".
    pub fn synonym_role_words(&self, role_words: &HashSet<String>) -> Vec<String> {
        let holds = |side: &[String]| !side.is_empty() && side.iter().all(|w| role_words.contains(w));
        self.role_synonyms
            .iter()
            .flat_map(|(a, b)| [(a, b), (b, a)])
            .filter(|(from, _)| holds(from))
            .flat_map(|(_, to)| to.iter().cloned())
            .collect()
    }

    /// Whether `words` (folded, in order) end with a naming phrase.
    pub fn ends_with_naming(&self, words: &[&str]) -> bool {
        self.naming.iter().any(|p| words.len() >= p.len() && words[words.len() - p.len()..].iter().zip(p).all(|(a, b)| a == b))
    }

    /// Whether `words` (folded, in order) end with the words that introduce a charge.
    /// Elided words ("d'") match as written, glued to nothing.
    pub fn ends_with_charge(&self, words: &[&str]) -> bool {
        self.charges.iter().any(|p| words.len() >= p.len() && words[words.len() - p.len()..].iter().zip(p).all(|(a, b)| a == b))
    }

    /// The kind a role noun names; a hyphenated title counts by its parts
    /// ("Under-Secretary-General" is a person's title).
    pub fn role(&self, word: &str) -> Option<SpeakerKind> {
        // Tokens come already folded: try the word as given before allocating.
        let low = folded(word);
        let low = low.as_ref();
        if let Some(k) = self.roles.get(low) {
            return Some(*k);
        }
        if self.descriptor(low).is_some() {
            return Some(SpeakerKind::Person);
        }
        if low.contains('-') {
            return low.rsplit('-').find_map(|part| self.roles.get(part).copied());
        }
        None
    }

    /// The gender a describing noun implies, if `word` is one ("the 17-year-old" too).
    pub fn descriptor(&self, word: &str) -> Option<Gender> {
        let low = folded(word);
        if let Some(g) = self.descriptors.get(low.as_ref()) {
            return Some(*g);
        }
        (low.ends_with("year-old") || low.ends_with("year-olds")).then_some(Gender::Unknown)
    }

    /// A common noun naming a profession by its ending (psychologue, sociologist,
    /// journaliste, economist). Only for lower-case words: "Lindqvist" is a name.
    pub fn profession(&self, low: &str) -> Option<SpeakerKind> {
        let n = low.chars().count();
        let profession = low.ends_with("logue")
            || low.ends_with("logist")
            || (low.ends_with("iste") && n >= 7)
            || (low.ends_with("ist") && n >= 7 && !low.ends_with("sist"));
        profession.then_some(SpeakerKind::Person)
    }

    pub fn pronoun(&self, word: &str) -> Option<(PronounKind, Gender)> {
        self.pronouns.get(folded(word).as_ref()).copied()
    }

    pub fn title(&self, word: &str) -> Option<Gender> {
        self.titles.get(word).copied()
    }

    pub fn is_function_word(&self, word: &str) -> bool {
        self.function_words.contains(folded(word).as_ref())
    }

    pub fn is_org_word(&self, word: &str) -> bool {
        self.org_words.contains(folded(word).as_ref())
    }

    /// Whether a capitalised name (its words, folded) names a place: "Reagan National
    /// Airport", "New York", "Hong Kong". A name of one word is never judged here.
    pub fn is_place_name(&self, low: &[String]) -> bool {
        low.len() >= 2
            && (self.place_names.contains(low)
                || self.place_first_words.contains(&low[0])
                || low.iter().any(|w| self.place_words.contains(w)))
    }

    /// Whether a capitalised name (its words, folded) can never be who speaks: a listed
    /// place or nationality other than a country ("Iowa", "Lyon", "German"), a day or a sentence opener
    /// ("Tuesday", "Regarding"), a social network, or a person's party label
    /// ("Democrat", "R-Ky.").
    pub fn is_never_speaker(&self, low: &[String]) -> bool {
        self.is_not_a_name(low) || self.gazetteer.get(low) == Some(&false)
    }

    /// Whether a name (folded words) is a listed place, a country included.
    pub fn is_listed_place(&self, low: &[String]) -> bool {
        self.gazetteer.contains_key(low)
    }

    /// Whether a capitalised word (folded) is no name at all: a day, a sentence opener, a
    /// social network, a party label, an elided article ("D'autre part").
    pub fn is_not_a_name(&self, low: &[String]) -> bool {
        match low {
            [] => true,
            [one] => {
                self.not_speakers.contains(one.trim_end_matches('.'))
                    || is_party_label(one)
                    || ELISIONS.contains(&one.as_str())
                    || is_french_opener(one)
            }
            _ => false,
        }
    }
}

/// (fr-names) French words that open a sentence in capitals but are never a name on their
/// own: possessives ("Mon médecin m'a dit"), prepositions of place ("Devant les grilles,
/// …"), numbers ("Trois campings …"), answers ("Non ! Il …"), sentence adverbs and
/// connectors ("Puis", "Malheureusement", "Côté …"). Taken for a one-word name they made a
/// quote's speaker "Mon" or "Devant". Folded forms (lower case, accents kept).
const FRENCH_OPENERS: &[&str] = &[
    "mon", "mes", "ton", "ta", "tes", "notre", "nos", "votre", "vos", "devant", "derrière", "sous", "vers", "contre", "entre", "outre",
    "non", "oui", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "puis", "ensuite", "enfin", "malheureusement",
    "heureusement", "finalement", "côté", "surtout", "bref", "certes", "pourtant", "désormais", "aujourd'hui", "hier", "demain",
    "voilà", "voici", "tout", "tous", "toute", "toutes", "chaque", "aucun", "aucune", "autre", "autres", "plusieurs", "certains", "certaines",
];

/// Whether a folded capitalised word is a French sentence opener, never a name alone
/// (see [`FRENCH_OPENERS`]).
fn is_french_opener(low: &str) -> bool {
    FRENCH_OPENERS.contains(&low)
}

/// "R-Ky.", "D-Pa", "I-Vt": a party initial joined to a state's abbreviation, said of a
/// member of Congress (folded).
fn is_party_label(low: &str) -> bool {
    let Some((party, state)) = low.split_once('-') else { return false };
    matches!(party, "r" | "d" | "i") && (2..=5).contains(&state.trim_end_matches('.').len()) && state.chars().all(|c| c.is_alphabetic() || c == '.')
}

#[cfg(test)]
mod tests {
    // speed2: a word's phrases are those of the lists that open with it, in list order.
    #[test]
    fn phrases_grouped_by_first_word_in_order() {
        let w = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        let en = [w("pointed out"), w("according to"), w("pointed at")];
        let fr = [(w("a fait valoir"), true), (w("pointed to"), false)];
        let by = phrases_by_start(&en, &fr);
        let firsts: Vec<(Vec<String>, bool)> = vec![(w("pointed out"), false), (w("pointed at"), false), (w("pointed to"), false)];
        assert_eq!(by["pointed"], firsts);
        assert_eq!(by["a"], vec![(w("a fait valoir"), true)]);
        assert!(!by.contains_key("out"));
        assert!(Lexicon::get().phrases_from("according").iter().any(|(p, _)| p == &w("according to")));
        assert!(Lexicon::get().phrases_from("zzz").is_empty());
    }

    // speed2: the fast paths fold as the plain one does.
    #[test]
    fn fast_folds_agree_with_fold() {
        for w in ["Paris", "l’Élysée", "ΟΔΟΣ", "déjà", "ÉTÉ", "it’s", "O'Neil", "", "abc", "ministre-président"] {
            assert_eq!(fold_compact(w).as_str(), fold(w), "{w}");
            assert_eq!(folded(w).as_ref(), fold(w), "{w}");
            assert_eq!(folded(&fold(w)).as_ref(), fold(w), "{w}");
        }
        assert_eq!(fold("L’Office"), "l'office");
    }

    use super::*;

    #[test]
    fn an_office_named_one_way_is_also_named_the_other() {
        let words: HashSet<String> = ["chef", "gouvernement", "français"].map(String::from).into();
        let more = Lexicon::get().synonym_role_words(&words);
        assert!(more.contains(&"premier".to_string()) && more.contains(&"ministre".to_string()), "{more:?}");
        let words: HashSet<String> = ["chef", "cuisine"].map(String::from).into();
        assert!(Lexicon::get().synonym_role_words(&words).is_empty());
    }

    #[test]
    fn word_lists_split_elisions_like_the_tokenizer() {
        assert_eq!(phrase_words("s’alarme"), ["s'", "alarme"]);
        assert_eq!(phrase_words("accusé d'"), ["accusé", "d'"]);
        assert_eq!(phrase_words("lorsqu'il"), ["lorsqu'", "il"]);
        assert_eq!(phrase_words("aujourd'hui"), ["aujourd'hui"]);
        assert_eq!(leading_elision("l'"), None);
        assert!(Lexicon::get().fr_phrases.iter().any(|(w, _)| w == &["s'", "alarme"]));
    }

    #[test]
    fn listed_places_days_and_party_labels_never_speak_but_countries_may() {
        assert!(Lexicon::get().is_never_speaker(&["n.c.".to_string()]), "a state's abbreviation with its stop");
        let lx = Lexicon::get();
        let low = |s: &str| s.split_whitespace().map(fold).collect::<Vec<_>>();
        for never in ["Lyon", "Iowa", "New Hampshire", "Fla", "German", "Tuesday", "Regarding", "Twitter", "Democrat", "R-Ky.", "D-Pa"] {
            assert!(lx.is_never_speaker(&low(never)), "{never}");
        }
        for may in ["France", "Russia", "Warren", "Lyon Capital", "Rahm Emanuel"] {
            assert!(!lx.is_never_speaker(&low(may)), "{may}");
        }
        assert!(lx.is_listed_place(&low("France")) && lx.is_listed_place(&low("Lyon")) && !lx.is_listed_place(&low("Warren")));
    }

    #[test]
    fn a_role_nouns_form_tells_its_gender_in_its_own_language() {
        for (w, g) in [("éleveur", Gender::Male), ("infirmier", Gender::Male), ("infirmière", Gender::Female), ("enquêtrice", Gender::Female), ("habitante", Gender::Female)] {
            assert_eq!(role_noun_gender(w, true), g, "{w}");
        }
        for w in ["auteur", "ingénieur", "professeur", "urgentiste", "ministre", "juge"] {
            assert_eq!(role_noun_gender(w, true), Gender::Unknown, "{w}");
        }
        assert_eq!(role_noun_gender("élue", true), Gender::Female);
        assert_eq!(role_noun_gender("élu", true), Gender::Male);
        assert_eq!(role_noun_gender("mère", true), Gender::Female);
        assert_eq!(role_noun_gender("Spokeswoman", false), Gender::Female);
        assert_eq!(role_noun_gender("businessman", false), Gender::Male);
        assert_eq!(role_noun_gender("mother", false), Gender::Female);
        for w in ["german", "senator", "consultant", "soldier", "entrepreneur"] {
            assert_eq!(role_noun_gender(w, false), Gender::Unknown, "{w}");
        }
    }

    #[test]
    fn french_openers_are_never_a_name_alone() {
        let lx = Lexicon::get();
        for w in ["mon", "devant", "trois", "non", "côté", "malheureusement"] {
            assert!(lx.is_not_a_name(&[w.to_string()]), "{w}");
        }
        assert!(!lx.is_not_a_name(&["durand".to_string()]));
        assert!(!lx.is_not_a_name(&["mon".to_string(), "oncle".to_string()]), "only a one-word name");
    }

    #[test]
    fn lexicons_load_every_list() {
        let lx = Lexicon::get();
        for w in ["said", "told", "stressed", "noted", "acknowledged", "warns", "insisting"] {
            assert!(lx.en_cues.contains(w), "{w}");
        }
        for w in ["dit", "expliqué", "reconnu", "confié", "prévenu", "averti", "ajouté", "souligné"] {
            assert!(lx.fr_participles.contains(w), "{w}");
        }
        for w in ["précise", "annonce", "estime", "affirme", "selon"] {
            assert!(lx.fr_cues.contains(w), "{w}");
        }
        for w in ["assurait", "précisait", "expliquaient", "disait", "concluait", "lançaient", "dénonçait"] {
            assert!(lx.fr_cues.contains(w), "{w}");
        }
        assert!(lx.fr_phrases.iter().any(|(p, _)| p == &["se", "félicitait"]));
        for w in ["déclara", "lança", "jugea", "expliquèrent", "répondit", "reconnut"] {
            assert!(lx.fr_cues.contains(w), "simple past {w}");
        }
        assert!(lx.en_phrases.iter().any(|p| p == &["according", "to"]));
        assert!(lx.ends_with_charge(&["est", "jugé", "pour"]));
        assert!(lx.ends_with_charge(&["was", "charged", "with"]));
        assert!(!lx.ends_with_charge(&["pour"]));
        assert_eq!(lx.role("Official"), Some(SpeakerKind::Person));
        assert_eq!(lx.role("patron"), Some(SpeakerKind::Person));
        assert_eq!(lx.role("report"), Some(SpeakerKind::Document));
        assert_eq!(lx.role("agence"), Some(SpeakerKind::Organisation));
        assert_eq!(lx.pronoun("Il"), Some((PronounKind::Person, Gender::Male)));
        assert_eq!(lx.title("Mme"), Some(Gender::Female));
        assert!(lx.is_function_word("However"));
    }
}
