//! The people, organisations and documents an article introduces, with where they are
//! mentioned, so a speaker named at a quote ("Wainwright", "he", "the NATO official",
//! "le patron d'Europol", "the report") can be given the fullest name the article uses.
//!
//! Kinds come only from evidence in the text: a title (Dr, Mme), a role noun next to the
//! name (appositive or title before it), being the subject of a speech verb, organisation
//! words or acronyms. A name with no evidence stays of unknown kind and is never the
//! antecedent of "he" or "elle".

use super::attribution::{DETERMINERS, GENITIVES, Np, NpKind, RunJoins, Tok, TokKind, content_words_except, find_cues, is_acronym, name_run_end, name_words, np_forward, speaker_of_cue};
use super::rules_en::name_key;
use super::floor_char_boundary;
use super::lexicon::{Gender, Lexicon, PronounKind, fold};
use super::rules_fr::FR_OBLIQUE_PREPOSITIONS;
use crate::model::{Speaker, SpeakerKind};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::ControlFlow;

#[derive(Debug, Clone)]
pub struct Entity {
    /// Words of the fullest name, as written.
    pub words: Vec<String>,
    pub low: Vec<String>,
    pub kind: Option<SpeakerKind>,
    /// Folded words of the roles and affiliations the article gives this entity.
    pub role_words: HashSet<String>,
    pub has_role: bool,
    pub gender: Gender,
    /// For documents: the head noun ("report").
    pub head: Option<String>,
    /// The acronym the article gives the name ("… de la Confédération (SRC)").
    pub alias: Option<Acronym>,
}

/// An organisation's acronym, as the article writes it ("SRC", "Cnil") and folded (the key
/// a bare mention of it is looked up by).
#[derive(Debug, Clone)]
pub struct Acronym {
    pub written: String,
    pub folded: String,
}

impl Acronym {
    fn of(written: &str) -> Acronym {
        Acronym { written: written.to_string(), folded: fold(written) }
    }
}

impl Entity {
    /// The name as written: words apart, but an elided word glued to the next ("Conseil
    /// d'État", not "Conseil d' État").
    pub fn name(&self) -> String {
        let mut out = String::new();
        for w in &self.words {
            if !out.is_empty() && !out.ends_with(['\'', '’']) {
                out.push(' ');
            }
            out.push_str(w);
        }
        out
    }

    fn acronym(&self) -> Option<String> {
        let caps: Vec<&String> = self.words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).collect();
        (caps.len() >= 2).then(|| caps.iter().filter_map(|w| w.chars().next()).collect::<String>().to_lowercase())
    }

    /// Whether the name opens on a capital ("Le Figaro", not "direction").
    fn opens_capitalised(&self) -> bool {
        self.words.first().is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    }

    /// Whether the article shows this entity to be a person: a gender, a first name, or a
    /// person's role ("du groupe fondé par son père, André Dorval" names its founder, no
    /// body).
    fn looks_like_person(&self, lx: &Lexicon) -> bool {
        self.gender != Gender::Unknown
            || self.words.first().is_some_and(|w| lx.first_names.contains_key(w.as_str()))
            || self.role_words.iter().any(|w| lx.role(w) == Some(SpeakerKind::Person))
    }

    /// Whether the article gave this entity the acronym `folded`.
    fn has_alias(&self, folded: &str) -> bool {
        self.alias.as_ref().is_some_and(|a| a.folded == folded)
    }

    /// The speaker this entity is: its name, and a body's acronym after it when the article
    /// gave one ("Centre intégré de santé et de services sociaux (CISSS)"), since reports
    /// cite a body by either form and the short one is what the text goes on to use.
    fn speaker(&self) -> Speaker {
        let mut name = self.name();
        if let Some(a) = &self.alias
            && self.words.len() >= 2
            && !self.low.contains(&a.folded)
        {
            name = format!("{name} ({})", a.written);
        }
        Speaker { name, kind: self.kind.unwrap_or_else(|| guess_kind(&self.words)) }
    }
}

/// The kind of a name with no other evidence: organisation words or an acronym make an
/// organisation, anything else is taken as a person.
fn guess_kind(words: &[String]) -> SpeakerKind {
    let lx = Lexicon::get();
    let acronym = |w: &String| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    // "France 24", "Europe 1": a name closed by a number is a broadcaster, not a person.
    let numbered = words.len() >= 2 && words.last().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
    // (A place speaking, "Washington said", stands for its authorities: never a person.)
    let low: Vec<String> = words.iter().map(|w| fold(w)).collect();
    if numbered || words.iter().any(|w| lx.is_org_word(w) || acronym(w)) || lx.is_place_name(&low) {
        SpeakerKind::Organisation
    } else {
        SpeakerKind::Person
    }
}

/// fr-people2: "Nadine Rivière", "Paul Dupont-Lac": a known first name then one word that
/// is a place noun. A French place noun opens its name ("la rivière d'Ain", "le pont
/// Mirabeau"), so closing a name after a first name it is a surname, and the name a
/// person's (the caller asks only of French articles: English puts its place noun last,
/// "Victoria Station").
fn first_name_and_place_noun_surname(words: &[String], low: &[String]) -> bool {
    let lx = Lexicon::get();
    words.len() == 2
        && lx.first_names.contains_key(words[0].as_str())
        && !lx.place_words.contains(&low[0])
        && !lx.place_first_words.contains(&low[0])
        && lx.place_words.contains(&low[1])
        && !lx.is_org_word(&words[1])
}

/// How many of an article's first mentions are read for the first person it names
/// (fr-roles, `headline_person_of_role`).
const FIRST_MENTIONS: usize = 40;

/// How far after a role noun the person given that role may first be named.
const CATAPHORA_BYTES: usize = 600;

/// Document nouns that may name the same piece of research.
const RESEARCH_WORDS: [&str; 9] = ["report", "study", "survey", "analysis", "review", "rapport", "étude", "enquête", "analyse"];

/// French generic nouns for a newspaper, broadcaster or company: "le quotidien", "la
/// chaîne", "du groupe" stand for the body of that kind the article named before.
/// Periphrases for an institution too: "la haute juridiction" (the Conseil d'État named
/// before), "la municipalité", "l'organisation", "la centrale (syndicale)". (Not "le syndicat" or "le parti": those
/// more often bring in a body of their own.)
const GENERIC_BODY_NOUNS: [&str; 26] = [
    "quotidien", "journal", "hebdomadaire", "magazine", "chaîne", "radio", "station", "groupe", "société", "entreprise", "firme",
    "compagnie", "constructeur", "fabricant", "juridiction", "institution", "instance", "organisme", "organisation", "municipalité",
    "collectivité", "établissement", "exécutif", "centrale", "coopérative", "mutuelle",
];
/// fr-bodies2: periphrases that stand for any kind of body ("l'organisme", "l'institution"),
/// unlike a company or newspaper noun.
const PERIPHRASIS_NOUNS: [&str; 5] = ["organisme", "institution", "instance", "organisation", "juridiction"];
/// How far before a name the generic noun introducing it may stand ("le quotidien français").
const INTRODUCER_BYTES: usize = 40;
/// Parts of a body that speak for it: "la direction de la chaîne" is the channel.
const BODY_PARTS: [&str; 3] = ["direction", "rédaction", "présidence"];

/// fr-bodies: French written studies registered even when introduced by "un"/"une" with no
/// owner's name ("un baromètre publié fin août"): "le document" is then that study.
const BARE_FRENCH_DOCUMENTS: [&str; 6] = ["baromètre", "bulletin", "rapport", "étude", "tract", "expertise"];
/// Documents that someone issues: "the statement" is its issuer's words.
const ISSUED_WORDS: [&str; 6] = ["statement", "communiqué", "release", "déclaration", "letter", "lettre"];
/// How far into an article its lead (headline and first paragraphs) may run.
const LEAD_BYTES: usize = 1200;
/// How far back (in bytes) a speaker phrase is looked up: far beyond any news article, but
/// a bound, so that a book-length text with many failed look-ups stays linear.
const RESOLVE_REACH_BYTES: usize = 100_000;

/// Roles whose holder speaks for a body: the quote is the body's (French copy names the
/// body, rarely the spokesperson).
const SPOKES_ROLES: [&str; 4] = ["porte-parole", "représentant", "représentante", "responsable"];
/// How far back the statement an unnamed "the statement" points to may be.
const ISSUER_BYTES: usize = 1500;

/// The entity index standing for unnamed people.
const ANONYMOUS: usize = 0;

/// At most this many bytes from a first name to the one coordinated with it ("Jérôme et
/// Isabelle Lemarchand").
const RELATIVE_PAIR_BYTES: usize = 40;

#[derive(Debug, Clone, Copy)]
struct Mention {
    pos: usize,
    entity: usize,
    /// Whether the entity is speaking here (the subject of a cue).
    spoke: bool,
}

#[derive(Debug, Default)]
pub struct Registry {
    pub entities: Vec<Entity>,
    mentions: Vec<Mention>,
    /// Byte offset where each paragraph's frame starts.
    paragraph_starts: Vec<usize>,
    /// The article text, to read phrases as written.
    text: String,
    /// Where an unnamed person was introduced, with their role noun ("A senior police
    /// officer, speaking on condition of anonymity"): "the officer" then stays unnamed.
    unnamed_roles: Vec<(usize, String)>,
    /// Byte offsets where sentences start (quotes count as one word, so a sentence
    /// inside a quote does not split the reporter's sentence around it).
    sentence_starts: Vec<usize>,
    /// Where a name is mentioned only as an owner or a complement ("a son-in-law of bin
    /// Laden's", "the lawyer of X"): never the subject a later "he" goes back to first.
    oblique: HashSet<usize>,
    /// The entities by the keys they are looked up by, so that a look-up reads a few of
    /// them rather than all (an article with thousands of names stays n log n).
    index: EntityIndex,
    /// fr-bodies: where a long form with its acronym opens ("La Direction générale de
    /// l'aviation civile (DGAC)"), its entity: the capitalised run read there by a cue
    /// ("Direction générale") is that body (`long_form_at_phrase`).
    long_forms: HashMap<usize, usize>,
    /// fr-bodies: a label in brackets after a name ("Thibault Lenoir (Renaissance,
    /// Yvelines)") by where it starts, with the entity of the name it labels.
    label_owner: HashMap<usize, usize>,
    /// fr-bodies s17: names (folded words) the article writes as a place somewhere ("à
    /// Morville", "À Morville, 3 000 habitants"): a company noun never stands for them
    /// (`Registry::is_written_as_place`).
    written_as_place: HashSet<Vec<String>>,
    /// What the text says around a mention's position, read once per position (see
    /// [`TextNearMention`]).
    near_text: TextNearMention,
}

/// Facts of the text around a mention's position that look-ups going back over every
/// mention in reach test (`Registry::generic_body_antecedent`, `company_by_its_parts`):
/// pure functions of the text and the position, so each is read (and its text folded) once
/// per position and then remembered. Reading them afresh at each generic body noun made a
/// long article cost its mentions in reach times the folding of the text before each.
#[derive(Debug, Default)]
struct TextNearMention {
    /// The body noun set in apposition after the name there (`rules_fr::apposed_body_noun`).
    apposed: RefCell<HashMap<usize, Option<String>>>,
    /// The folded words of the few bytes before the name (`INTRODUCER_BYTES`).
    words_before: RefCell<HashMap<usize, Vec<String>>>,
    /// For the typed body nouns (`rules_fr::TYPED_BODY_NOUNS`, each by its index as a bit)
    /// read so far, whether the text before the name ends on each: the bits read, and
    /// those that end it (`rules_fr::noun_right_before`).
    typed_before: RefCell<HashMap<usize, (u32, u32)>>,
    /// Whether the text before the name makes it a company (`rules_fr::names_company_after`).
    company_after: RefCell<HashMap<usize, bool>>,
}

/// What `look` finds in the entry for `pos` in `cache`, the entry read with `read` the first
/// time it is asked for.
fn remembered<T, R>(cache: &RefCell<HashMap<usize, T>>, pos: usize, read: impl FnOnce() -> T, look: impl FnOnce(&T) -> R) -> R {
    if let Some(v) = cache.borrow().get(&pos) {
        return look(v);
    }
    let v = read();
    let found = look(&v);
    cache.borrow_mut().insert(pos, v);
    found
}

/// Candidate entities by look-up key, filled as entities are added and emptied of those
/// `Registry::undo_resolve` takes back. A bucket may still hold an index that no longer
/// matches (a document renamed): callers check each entity, so a bucket is a superset of
/// the matches.
#[derive(Debug, Default)]
struct EntityIndex {
    /// By the last word of `low` (names end the same way: "Wainwright", "Rob Wainwright").
    by_last_word: HashMap<String, Vec<usize>>,
    /// By the folded acronym the article gave them ("(Cnil)").
    by_alias: HashMap<String, Vec<usize>>,
    /// By the initial of their first content word, for acronyms met alone ("le Pnat").
    by_initial: HashMap<char, Vec<usize>>,
    /// Documents by their head noun ("rapport").
    by_document_head: HashMap<String, Vec<usize>>,
    /// By the role words the article gave them ("porte-parole"), filled once they are known.
    by_role_word: HashMap<String, Vec<usize>>,
}

impl EntityIndex {
    fn add(&mut self, i: usize, e: &Entity) {
        if let Some(last) = e.low.last() {
            self.by_last_word.entry(last.clone()).or_default().push(i);
        }
        if let Some(a) = &e.alias {
            self.by_alias.entry(a.folded.clone()).or_default().push(i);
        }
        if let Some(c) = e.low.iter().find(|w| !is_connector(w)).and_then(|w| w.chars().next()) {
            self.by_initial.entry(c).or_default().push(i);
        }
        if let Some(h) = &e.head {
            self.by_document_head.entry(h.clone()).or_default().push(i);
        }
    }

    /// Takes entity `i` out of the buckets [`EntityIndex::add`] put it in, so that resolving
    /// and undoing a phrase again and again (`Registry::undo_resolve`) leaves no buckets
    /// growing with indices past the registry's end.
    fn forget(&mut self, i: usize, e: &Entity) {
        fn drop_from<K: std::hash::Hash + Eq>(map: &mut HashMap<K, Vec<usize>>, key: Option<K>, i: usize) {
            if let Some(bucket) = key.and_then(|k| map.get_mut(&k)) {
                bucket.retain(|&k| k != i);
            }
        }
        drop_from(&mut self.by_last_word, e.low.last().cloned(), i);
        drop_from(&mut self.by_alias, e.alias.as_ref().map(|a| a.folded.clone()), i);
        drop_from(&mut self.by_initial, e.low.iter().find(|w| !is_connector(w)).and_then(|w| w.chars().next()), i);
        drop_from(&mut self.by_document_head, e.head.clone(), i);
    }
}

/// A bucket's indices still in range, in entity order and each once: scanning them finds
/// what scanning every entity in order would.
fn bucket(found: Option<&Vec<usize>>, len: usize) -> Vec<usize> {
    let mut v: Vec<usize> = found.map_or(Vec::new(), |b| b.iter().copied().filter(|&i| i < len).collect());
    v.sort_unstable();
    v.dedup();
    v
}

/// A name occurrence found while reading the frame.
struct Candidate {
    pos: usize,
    words: Vec<String>,
    gender: Gender,
    person: bool,
    org: bool,
    role_words: Vec<String>,
    has_role: bool,
    spoke: bool,
    /// Title-case words with no article before them.
    plain_name: bool,
    /// Mentioned as an owner ("X's") or after "of"/"de".
    oblique: bool,
}

impl Registry {
    /// Read every paragraph frame (text with quotes masked) for names and documents.
    pub fn build(frames: &[Vec<Tok>], text: &str) -> Registry {
        let subjects = frame_subjects(frames);
        let found = read_frames(frames, &subjects);
        let mut reg = Registry::default();
        // Entity 0 stands for every unnamed person ("a Western diplomat"): "he" after
        // them must stay unknown rather than jump back to an earlier name.
        reg.add_entity(Entity { kind: Some(SpeakerKind::Person), ..empty_entity() });
        reg.paragraph_starts = frames.iter().filter_map(|f| f.first().map(|t| t.start)).collect();
        reg.sentence_starts = frames
            .iter()
            .flat_map(|toks| (0..toks.len()).filter(|&k| k == 0 || super::attribution::ends_sentence(toks, k - 1)).map(|k| toks[k].start))
            .collect();
        reg.text = text.to_string();
        reg.written_as_place = found.places;
        let cands = found.cands;
        let entity_of = reg.register_names(&cands);
        reg.index_role_words();
        reg.guess_kinds(&cands, &entity_of);
        reg.add_name_mentions(&cands, &entity_of, text);
        for (toks, (cues, _)) in frames.iter().zip(&subjects) {
            for (pos, head) in unnamed_people(toks, cues) {
                reg.mentions.push(Mention { pos, entity: ANONYMOUS, spoke: true });
                reg.unnamed_roles.push((pos, head));
            }
        }
        reg.add_long_forms_and_bodies(frames, text);
        for (pos, np, cap_words) in found.docs {
            if let NpKind::Role { head, .. } = &np.kind {
                reg.add_document(pos, head, cap_words);
            }
        }
        reg.mentions.sort_by_key(|m| m.pos);
        reg.note_label_owners(frames);
        reg.resolve_described_speakers(&subjects, text);
        reg
    }

    /// Each candidate name registered: joined to the entity of a longer name it ends
    /// ("Wainwright" to "Rob Wainwright") or made an entity of its own, and what the
    /// candidate tells of it (roles, gender, kind) added. Returns each candidate's entity.
    fn register_names(&mut self, cands: &[Candidate]) -> Vec<usize> {
        let lx = Lexicon::get();
        // Longest names first, so "Wainwright" joins "Rob Wainwright".
        let mut order: Vec<usize> = (0..cands.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(cands[i].words.len()));
        let mut entity_of = vec![0usize; cands.len()];
        // A name can only end one registered with the same last word: looking there (not
        // through every entity) keeps an article with thousands of names linear.
        for i in order {
            let c = &cands[i];
            let low = name_key(&c.words);
            let found = self.ending_like(&low).into_iter().find(|&k| self.entities[k].head.is_none() && ends_with(&self.entities[k].low, &low));
            let idx = match found {
                Some(k) => k,
                None => self.add_entity(Entity { words: c.words.clone(), low, ..empty_entity() }),
            };
            let e = &mut self.entities[idx];
            e.role_words.extend(c.role_words.iter().cloned());
            e.has_role |= c.has_role;
            if c.gender != Gender::Unknown {
                e.gender = c.gender;
            } else if e.gender == Gender::Unknown
                && let Some(g) = c.words.first().and_then(|w| lx.first_names.get(w.as_str()))
            {
                // A known first name tells "she" from "he"; alone ("Sarah, 17 ans") it is
                // a person too.
                e.gender = *g;
                if c.words.len() == 1 && e.kind.is_none() {
                    e.kind = Some(SpeakerKind::Person);
                }
            }
            if c.org {
                e.kind = Some(SpeakerKind::Organisation);
            } else if c.person && e.kind.is_none() {
                e.kind = Some(SpeakerKind::Person);
            }
            entity_of[i] = idx;
        }
        entity_of
    }

    /// Each entity's role words with their synonyms, and the index by role word (role words
    /// are all known here: entities added later have none).
    fn index_role_words(&mut self) {
        let lx = Lexicon::get();
        for (i, e) in self.entities.iter_mut().enumerate() {
            let more = lx.synonym_role_words(&e.role_words);
            e.role_words.extend(more);
            for w in &e.role_words {
                self.index.by_role_word.entry(w.clone()).or_default().push(i);
            }
        }
    }

    /// The kinds the names' words tell once every name is read: a multi-word name with no
    /// organisation word, used as a speaker, is a person; a single word that another
    /// person's role mentions ("le directeur d'Europol") is an organisation; a plain name
    /// of two or three words (`Candidate::plain_name`) is a person.
    fn guess_kinds(&mut self, cands: &[Candidate], entity_of: &[usize]) {
        let role_vocab: HashSet<String> = self
            .entities
            .iter()
            .filter(|e| e.kind == Some(SpeakerKind::Person))
            .flat_map(|e| e.role_words.iter().cloned())
            .collect();
        let french = super::lang::detect_article(&self.text).as_deref() == Some("fr");
        for e in &mut self.entities {
            if french && e.kind.is_none() && first_name_and_place_noun_surname(&e.words, &e.low) {
                e.kind = Some(SpeakerKind::Person);
                continue;
            }
            if e.kind.is_none() || e.kind == Some(SpeakerKind::Person) && !e.has_role && e.gender == Gender::Unknown {
                let org = guess_kind(&e.words) == SpeakerKind::Organisation
                    || (e.low.len() == 1 && role_vocab.contains(&e.low[0]));
                if org {
                    e.kind = Some(SpeakerKind::Organisation);
                }
            }
        }
        // Two or three title-case words, none an organisation word or acronym, with no
        // article before them ("Tom Reilly", not "the Middle East"): a person's name.
        for (i, c) in cands.iter().enumerate() {
            let e = &mut self.entities[entity_of[i]];
            if e.kind.is_none() && c.plain_name && (2..=3).contains(&e.words.len()) {
                e.kind = Some(SpeakerKind::Person);
            }
        }
    }

    /// A mention for each candidate name at its position, and the oblique ones noted.
    fn add_name_mentions(&mut self, cands: &[Candidate], entity_of: &[usize], text: &str) {
        for (i, c) in cands.iter().enumerate() {
            // fr-bodies3: a body that asked for what is said ("consultée par l'AFP") is
            // not mentioned as one who could speak
            // (rules_fr::is_asker_of_what_is_said).
            let body = self.entities[entity_of[i]].kind != Some(SpeakerKind::Person);
            if body && !c.spoke && super::rules_fr::is_asker_of_what_is_said(text.get(..c.pos).unwrap_or("")) {
                continue;
            }
            self.mentions.push(Mention { pos: c.pos, entity: entity_of[i], spoke: c.spoke });
            if c.oblique && !c.spoke {
                self.oblique.insert(c.pos);
            }
        }
    }

    /// The long forms of acronyms ("Service de renseignement de la Confédération (SRC)")
    /// and the bodies named by their complement ("le ministère de l'Éducation nationale"),
    /// registered with their mentions.
    fn add_long_forms_and_bodies(&mut self, frames: &[Vec<Tok>], text: &str) {
        let names_at = self.mentions_by_pos();
        for toks in frames {
            for (pos, words, acronym) in acronym_definitions(text, toks) {
                let low: Vec<String> = words.iter().map(|w| fold(w)).collect();
                let entity = self.add_entity(Entity { words, low, kind: Some(SpeakerKind::Organisation), alias: Some(Acronym::of(&acronym)), ..empty_entity() });
                if !self.long_form_takes_cut_mention(&names_at, pos, entity) {
                    self.mentions.push(Mention { pos, entity, spoke: false });
                }
            }
        }
        for toks in frames {
            for (pos, words) in collect_bodies(text, toks) {
                let low: Vec<String> = words.iter().map(|w| fold(w)).collect();
                let idx = match self.named_exactly(&low) {
                    Some(k) => k,
                    None => self.add_entity(Entity { words, low, kind: Some(SpeakerKind::Organisation), ..empty_entity() }),
                };
                self.mentions.push(Mention { pos, entity: idx, spoke: false });
            }
        }
    }

    /// The described speakers of the frames' cues resolved, so they are mentioned: "La
    /// maire a insisté …": a described person speaking outside any quote is still the one
    /// a later "elle" points to; "French police say …": a body named by its bare noun,
    /// speaking, is what a later "they" points to.
    fn resolve_described_speakers(&mut self, subjects: &[FrameCues], text: &str) {
        let bare_body = |np: &Np| {
            matches!(np.kind, NpKind::Role { kind: SpeakerKind::Organisation, .. })
                && text.get(np.start..np.end).and_then(|w| w.split_whitespace().next()).is_some_and(|w| !DETERMINERS.contains(&fold(w).as_str()) && !w.contains(['\'', '’']))
        };
        for (_, nps) in subjects {
            for np in nps.iter().flatten() {
                // (A described body speaking, "a annoncé le Parquet national antiterroriste",
                // is who "cette source" then stands for.)
                let body = matches!(np.kind, NpKind::Role { kind: SpeakerKind::Organisation, definite: true, .. });
                if matches!(np.kind, NpKind::Role { kind: SpeakerKind::Person, definite: true, .. }) || bare_body(np) || body {
                    self.resolve(np);
                }
            }
        }
    }

    /// fr-bodies: each capitalised word of a label in brackets (`rules_fr::is_in_label_brackets`)
    /// noted with the entity of the name right before the brackets, found among the
    /// (sorted) mentions by its position.
    fn note_label_owners(&mut self, frames: &[Vec<Tok>]) {
        for toks in frames {
            for open in 1..toks.len() {
                if !toks[open].is_punct('(') || !toks[open - 1].is_cap() {
                    continue;
                }
                let inside: Vec<usize> = (open + 1..toks.len().min(open + 6)).take_while(|&k| !toks[k].is_punct(')')).filter(|&k| toks[k].is_cap()).collect();
                let Some(&first) = inside.first() else { continue };
                if !super::rules_fr::is_in_label_brackets(toks, first, first + 1) {
                    continue;
                }
                let owner_first = (open.saturating_sub(4)..open).rev().take_while(|&k| toks[k].is_cap()).last().unwrap_or(open - 1);
                let at = self.mentions.partition_point(|m| m.pos < toks[owner_first].start);
                let Some(m) = self.mentions.get(at).filter(|m| m.pos == toks[owner_first].start && m.entity != ANONYMOUS) else { continue };
                let owner = m.entity;
                for k in inside {
                    self.label_owner.insert(toks[k].start, owner);
                }
            }
        }
    }

    /// fr-bodies: the mentions registered so far, by where they start.
    fn mentions_by_pos(&self) -> HashMap<usize, Vec<usize>> {
        let mut at: HashMap<usize, Vec<usize>> = HashMap::new();
        for (k, m) in self.mentions.iter().enumerate() {
            at.entry(m.pos).or_default().push(k);
        }
        at
    }

    /// "La Direction générale de l'aviation civile (DGAC)": the capitalised run read at the
    /// same place ("Direction générale") is the long form cut at its first lower-case
    /// word, so that mention (spoken or not) is the long form's: a later "elle" or "la DGAC"
    /// then names the body in full. Only a strictly shorter opening of the same words is
    /// taken. Whether a mention was taken (then no other is needed).
    fn long_form_takes_cut_mention(&mut self, names_at: &HashMap<usize, Vec<usize>>, pos: usize, long: usize) -> bool {
        let mut taken = false;
        for &k in names_at.get(&pos).map(Vec::as_slice).unwrap_or_default() {
            let cut = &self.entities[self.mentions[k].entity];
            let full = &self.entities[long].low;
            if self.mentions[k].entity != ANONYMOUS && cut.alias.is_none() && cut.low.len() < full.len() && full.starts_with(&cut.low) {
                self.mentions[k].entity = long;
                self.long_forms.insert(pos, long);
                taken = true;
            }
        }
        taken
    }

    /// The long form (see `long_form_takes_cut_mention`) of which the phrase `np` (a name
    /// or a body's description, "La Direction générale") is the cut opening, read at the
    /// very place the long form is written: its first words, past an article, open there
    /// and are the long form's first words.
    fn long_form_at_phrase(&self, np: &Np) -> Option<usize> {
        if !matches!(np.kind, NpKind::Name(_) | NpKind::Role { kind: SpeakerKind::Organisation, .. }) || self.long_forms.is_empty() {
            return None;
        }
        // (The name opens at most an article's few bytes into the phrase: "La ", "L'".)
        let (at, long) = (np.start..np.end.min(np.start + 5)).find_map(|at| self.long_forms.get(&at).map(|&l| (at, l)))?;
        let low: Vec<String> = self.text.get(at..np.end)?.split_whitespace().map(fold).collect();
        (!low.is_empty() && self.entities[long].low.starts_with(&low)).then_some(long)
    }

    fn add_document(&mut self, pos: usize, head: &str, cap_words: Vec<String>) {
        let low: Vec<String> = cap_words.iter().map(|w| fold(w)).collect();
        let same = |e: &Entity| {
            e.head.as_deref() == Some(head)
                && (e.low[..e.low.len() - 1] == low[..]
                    || e.acronym().is_some_and(|a| low.len() == 1 && low[0] == a)
                    || {
                        let mine = Entity { words: cap_words.clone(), low: low.clone(), ..empty_entity() };
                        mine.acronym().is_some_and(|a| e.low.len() == 2 && e.low[0] == a)
                    })
        };
        let docs = bucket(self.index.by_document_head.get(head), self.entities.len());
        let idx = match docs.into_iter().find(|&k| same(&self.entities[k])) {
            Some(k) => {
                // Keep the fullest form.
                if cap_words.len() + 1 > self.entities[k].words.len() {
                    let mut words = cap_words.clone();
                    words.push(head.to_string());
                    self.entities[k].low = words.iter().map(|w| fold(w)).collect();
                    self.entities[k].words = words;
                }
                k
            }
            None => {
                let mut words = cap_words;
                words.push(head.to_string());
                self.add_entity(Entity {
                    low: words.iter().map(|w| fold(w)).collect(),
                    words,
                    kind: Some(SpeakerKind::Document),
                    head: Some(head.to_string()),
                    ..empty_entity()
                })
            }
        };
        self.mentions.push(Mention { pos, entity: idx, spoke: false });
    }

    /// Registers an entity and indexes it; its index.
    fn add_entity(&mut self, e: Entity) -> usize {
        let i = self.entities.len();
        self.index.add(i, &e);
        self.entities.push(e);
        i
    }

    /// The entities whose `low` may end with `low`'s last word, in order (all of them for an
    /// empty `low`).
    fn ending_like(&self, low: &[String]) -> Vec<usize> {
        match low.last() {
            Some(w) => bucket(self.index.by_last_word.get(w), self.entities.len()),
            None => (0..self.entities.len()).collect(),
        }
    }

    /// The first entity with exactly these folded words and no document head.
    fn named_exactly(&self, low: &[String]) -> Option<usize> {
        self.ending_like(low).into_iter().find(|&k| self.entities[k].head.is_none() && self.entities[k].low == low)
    }

    /// The first entity the article gave the folded acronym `folded`.
    fn with_alias(&self, folded: &str) -> Option<usize> {
        bucket(self.index.by_alias.get(folded), self.entities.len()).into_iter().find(|&k| self.entities[k].has_alias(folded))
    }

    /// The mentions before `pos`, oldest first (mentions are kept sorted by position).
    fn mentions_before(&self, pos: usize) -> &[Mention] {
        &self.mentions[..self.mentions.partition_point(|m| m.pos < pos)]
    }

    /// The mentions before `before` and at or after `since`, no further back than
    /// [`RESOLVE_REACH_BYTES`].
    fn mentions_within_reach(&self, before: usize, since: usize) -> &[Mention] {
        let mentions = self.mentions_before(before);
        let since = since.max(before.saturating_sub(RESOLVE_REACH_BYTES));
        &mentions[mentions.partition_point(|m| m.pos < since)..]
    }

    /// The entity of the last mention before `before` that `ok` accepts. Searching back
    /// from `before` stops at the first hit, so a long article stays fast.
    fn latest(&self, before: usize, ok: impl Fn(&Mention, &Entity) -> bool) -> Option<usize> {
        self.latest_since(before, 0, ok)
    }

    /// Like [`Registry::latest`], but only among mentions at or after `since`: the search
    /// stops there, so a windowed look-up costs the window, not the article.
    fn latest_since(&self, before: usize, since: usize, ok: impl Fn(&Mention, &Entity) -> bool) -> Option<usize> {
        let mut best: Option<&Mention> = None;
        for m in self.mentions_within_reach(before, since).iter().rev() {
            if best.is_some_and(|b| m.pos < b.pos) {
                break;
            }
            if !ok(m, &self.entities[m.entity]) {
                continue;
            }
            // At one position, the fullest name ("ministère de l'Éducation nationale");
            // between equals, the one registered last.
            let len = |m: &Mention| self.entities[m.entity].low.len();
            if best.is_none_or(|b| len(m) > len(b)) {
                best = Some(m);
            }
        }
        best.map(|m| m.entity)
    }

    /// The few bytes of text before a name at `pos` (`INTRODUCER_BYTES`), where a noun
    /// introducing it stands ("le quotidien Le Figaro"); none when `pos` cuts a character.
    fn text_before(&self, pos: usize) -> Option<&str> {
        let from = floor_char_boundary(&self.text, pos.saturating_sub(INTRODUCER_BYTES));
        self.text.get(from..pos)
    }

    /// Whether one of the folded words before a name at `pos` passes `ok`.
    fn word_before(&self, pos: usize, ok: impl Fn(&str) -> bool) -> bool {
        let read = || fold(self.text_before(pos).unwrap_or("")).split(|c: char| !c.is_alphanumeric()).map(str::to_string).collect();
        remembered(&self.near_text.words_before, pos, read, |words: &Vec<String>| words.iter().any(|w| ok(w)))
    }

    /// Whether the text before a name at `pos` ends on the typed body noun `noun`, one of
    /// `rules_fr::TYPED_BODY_NOUNS` ("l'association Clair Logis"). Read once per position
    /// and noun.
    fn typed_noun_right_before(&self, pos: usize, noun: &str) -> bool {
        let Some(i) = super::rules_fr::TYPED_BODY_NOUNS.iter().position(|n| *n == noun) else { return false };
        let bit = 1u32 << i;
        let mut cache = self.near_text.typed_before.borrow_mut();
        let (read, ends) = cache.entry(pos).or_default();
        if *read & bit == 0 {
            *read |= bit;
            if super::rules_fr::noun_right_before(self.text_before(pos).unwrap_or(""), noun) {
                *ends |= bit;
            }
        }
        *ends & bit != 0
    }

    /// Whether the body noun set in apposition after a name at `pos` passes `ok` ("Clair
    /// Logis, l'association qui …", `rules_fr::apposed_body_noun`).
    fn apposed_noun_is(&self, pos: usize, ok: impl Fn(&str) -> bool) -> bool {
        let read = || self.text.get(pos..).and_then(super::rules_fr::apposed_body_noun);
        remembered(&self.near_text.apposed, pos, read, |noun: &Option<String>| noun.as_deref().is_some_and(ok))
    }

    /// Whether the text before a name at `pos` makes it a company ("la direction de",
    /// "l'entrepôt", `rules_fr::names_company_after`).
    fn named_company_after(&self, pos: usize) -> bool {
        let read = || self.text_before(pos).is_some_and(super::rules_fr::names_company_after);
        remembered(&self.near_text.company_after, pos, read, |b| *b)
    }

    /// Record that `entity` is mentioned (and speaking) at `pos`.
    pub fn note_speaker(&mut self, pos: usize, entity: usize) {
        let at = self.mentions.partition_point(|m| m.pos <= pos);
        self.mentions.insert(at, Mention { pos, entity, spoke: true });
    }

    /// The entity a speaker phrase stands for, if the article allows saying so.
    pub fn resolve(&mut self, np: &Np) -> Option<usize> {
        let lx = Lexicon::get();
        if let ControlFlow::Break(e) = self.resolve_possessed_kin(np) {
            return e;
        }
        // ("Cnil" met alone: the body the article gave that acronym.)
        let by_alias = match &np.kind {
            NpKind::Name(words) if words.len() == 1 => self.with_alias(&fold(&words[0])),
            _ => None,
        };
        if let Some(body) = self.resolve_body_as_written(np) {
            return Some(body);
        }
        let found = match &np.kind {
            NpKind::Name(_) if by_alias.is_some() => by_alias,
            NpKind::Name(words) => self.resolve_name(np, words),
            NpKind::Pronoun(PronounKind::Person, g) => match self.resolve_person_pronoun(np, *g) {
                ControlFlow::Break(e) => return e,
                ControlFlow::Continue(found) => found,
            },
            // "they" and "it" are only taken for a body that spoke earlier in the same
            // paragraph; further back they are too often something else.
            NpKind::Pronoun(PronounKind::Plural, _) => self.resolve_plural_pronoun(np),
            NpKind::Pronoun(PronounKind::Thing, _) => self.resolve_thing_pronoun(np),
            // "a statement from the National Counter Terrorism Centre": whoever it is from.
            NpKind::Role { kind: SpeakerKind::Document, .. } if self.named_in_quals(np).is_some() => self.named_in_quals(np),
            // "précise cette source", "the same source said": whoever was last heard,
            // named or not.
            NpKind::Role { head, .. } if self.is_same_source(np, head) => return self.resolve_same_source(np),
            // "un porte-parole de la police", "le représentant du groupe": who speaks for a
            // body named in the complement is that body, unless the article named a person
            // in that role.
            NpKind::Role { head, .. } if self.speaks_for_named_body(np, head) => self.body_spoken_for(np),
            // (fr-bodies s14: "Le parquet de X a ouvert une enquête « … », selon un
            // communiqué": its issuer, the body its sentence names first.)
            NpKind::Role { kind: SpeakerKind::Document, head, definite: false }
                if np.quals.is_empty() && ISSUED_WORDS.contains(&head.as_str()) && super::rules_fr::is_french_phrase(&self.text, np) =>
            {
                // (fr-places s16: else the body noun opening it, `body_noun_opening_sentence`.)
                self.issuer_in_own_sentence(np.start).or_else(|| self.body_noun_opening_sentence(np.start))
            }
            // (An indefinite one, "une source proche du dossier", stays unnamed even in a
            // lead: the person named next is usually someone else.)
            NpKind::Role { definite: false, .. } => None,
            // "the teenager said", "raconte l'adolescente": like "she", to the last person
            // of that gender.
            NpKind::Role { head, .. } if lx.descriptor(head).is_some() => return self.resolve_descriptor(np, head),
            // (fr-people2 s17: "l'économiste de la santé Valérie Chambon": the name right
            // after the complement, people_fr::name_right_after_complement.)
            NpKind::Role { kind: SpeakerKind::Person, .. } if self.person_named_right_after(np).is_some() => self.person_named_right_after(np),
            NpKind::Role { kind, head, .. } => match self.resolve_role_of_kind(np, *kind, head) {
                ControlFlow::Break(e) => return e,
                ControlFlow::Continue(found) => found,
            },
        };
        // ("Hillary Clinton's right-hand woman", "Clinton's spokesman": a description
        // opened by its owner's name is someone else than the owner.)
        let owner = super::rules_en::owner_of_description(&self.text, np);
        let found = found.filter(|&e| owner.as_ref().is_none_or(|o| self.entities.get(e).is_none_or(|ent| ent.low.last() != Some(o))));
        if let Some(e) = found {
            self.note_speaker(np.start, e);
            // (fr-pron: "la maire" resolved to a person of unknown gender tells it, as
            // "she says" does: a later "l'élu" is someone else. rules_fr::gender_told_by_role.)
            self.learn_gender(e, super::rules_fr::gender_told_by_role(&self.text, np));
            self.learn_role(e, np);
        }
        found
    }

    /// A possessed relative ("son mari", "his wife"), read before anything else because the
    /// phrase names someone through another person: `Break` with the answer `resolve` gives
    /// (the French relative the article named, or no one for an English one), `Continue`
    /// when the phrase is not such a relative. Split out of `resolve` (issue 13).
    fn resolve_possessed_kin(&mut self, np: &Np) -> ControlFlow<Option<usize>> {
        // "Son mari hausse les épaules", "Réponse de son homonyme": French kin of the person
        // in view, when the article named them (a name set in apposition comes first).
        if let Some(g) = super::rules_fr::possessed_kin(&self.text, np)
            && self.apposed_person(np).is_none()
            && let Some(e) = self.relative_of_owner(np, g)
        {
            self.note_speaker(np.start, e);
            return ControlFlow::Break(Some(e));
        }
        // ("his wife whispered": the relative speaks unnamed unless a name is set beside it.)
        if super::rules_en::possessed_kin(&self.text, np) && self.apposed_person(np).is_none() {
            return ControlFlow::Break(None);
        }
        ControlFlow::Continue(())
    }

    /// A body the phrase's own writing settles (a label in brackets, a long form with its
    /// acronym, a capitalised body name): found and noted as speaking, taken by `resolve`
    /// as is, before any reading by the kind of phrase. Split out of `resolve` (issue 13).
    fn resolve_body_as_written(&mut self, np: &Np) -> Option<usize> {
        // (fr-bodies: "X (Renaissance, Yvelines), a défendu": the label is X.)
        if let NpKind::Name(_) = np.kind
            && let Some(&owner) = self.label_owner.get(&np.start)
        {
            self.note_speaker(np.start, owner);
            return Some(owner);
        }
        // (fr-bodies: "La Direction générale de l'aviation civile (DGAC)" read at its cue.)
        if let Some(long) = self.long_form_at_phrase(np) {
            self.note_speaker(np.start, long);
            return Some(long);
        }
        // (fr-inst2 s18: "L'Union cycliste internationale a indiqué": a capitalised body word
        // opening the phrase makes it a body's name, not the role "cycliste": bodies_fr.)
        if let NpKind::Role { kind: SpeakerKind::Person, .. } = np.kind
            && super::rules_fr::is_french_phrase(&self.text, np)
            && let Some(words) = super::bodies_fr::capitalised_body_name(self.text.get(np.start..np.end).unwrap_or(""))
        {
            let low: Vec<String> = words.iter().map(|w| fold(w)).collect();
            let found = self.named_exactly(&low).unwrap_or_else(|| self.add_entity(Entity { words, low, kind: Some(SpeakerKind::Organisation), ..empty_entity() }));
            self.note_speaker(np.start, found);
            return Some(found);
        }
        None
    }

    /// A role phrase none of `resolve`'s special readings took: the person, body or
    /// document of that role whose complement words ("de la CFDT") fit. `Break` when found
    /// without the checks `resolve` makes of a found entity. Split out of `resolve` (issue 13).
    fn resolve_role_of_kind(&mut self, np: &Np, kind: SpeakerKind, head: &String) -> ControlFlow<Option<usize>, Option<usize>> {
        let lx = Lexicon::get();
        let quals: Vec<&String> = np.quals.iter().filter(|q| lx.role(q).is_none()).collect();
        let fits = |e: &Entity| {
            quals.iter().all(|q| e.role_words.contains(*q) || e.low.contains(q) || e.acronym().as_ref() == Some(q))
        };
        match kind {
            SpeakerKind::Person => self.resolve_person_role(np, head, &fits),
            SpeakerKind::Organisation => self.resolve_body_role(np, head, &quals, &fits),
            SpeakerKind::Document => ControlFlow::Continue(self.resolve_document_role(np, head, &quals, &fits)),
        }
    }

    /// A name: the entity registered under it or ending like it ("Yusuf" for "Omar
    /// Yusuf"), else the body whose name the acronym spells, else a new entity.
    fn resolve_name(&mut self, np: &Np, words: &[String]) -> Option<usize> {
        let lx = Lexicon::get();
        let low = name_key(words);
        let mut best: Option<usize> = None;
        // Two people sharing a surname ("Amira Yusuf", her father "Omar Yusuf"):
        // "Yusuf" is the one who last spoke, else the one last mentioned.
        let recency = |i: usize| {
            let last = |spoke: bool| {
                self.mentions_before(np.start).iter().rev().find(|m| m.entity == i && (m.spoke || !spoke)).map(|m| m.pos)
            };
            (last(true), last(false))
        };
        for i in self.ending_like(&low) {
            let e = &self.entities[i];
            if e.head.is_none() && ends_with(&e.low, &low) {
                let better = match best {
                    None => true,
                    Some(b) => {
                        let (lb, le) = (self.entities[b].low.len(), e.low.len());
                        lb < le || (lb == le && low.len() < le && recency(i) > recency(b))
                    }
                };
                if better {
                    best = Some(i);
                }
            }
        }
        // "the European Digital Rights network": a body noun after the name.
        let body_noun = np.quals.iter().any(|q| lx.role(q) == Some(SpeakerKind::Organisation));
        if let Some(b) = best
            && body_noun
            && !self.entities[b].has_role
            && self.entities[b].gender == Gender::Unknown
        {
            self.entities[b].kind = Some(SpeakerKind::Organisation);
        }
        // ("le Pnat": `body_spelled_by`.)
        // (The acronym may be registered as a name of its own: the alias makes it
        // speak as the long form.)
        let spelled = self.body_spelled_by(words);
        best.or(spelled).or_else(|| {
            Some(self.add_entity(Entity {
                words: words.to_vec(),
                low,
                kind: Some(if body_noun { SpeakerKind::Organisation } else { guess_kind(words) }),
                ..empty_entity()
            }))
        })
    }

    /// "le Pnat" after "le Parquet national antiterroriste": an acronym met alone
    /// is the body whose name spells it.
    fn body_spelled_by(&mut self, words: &[String]) -> Option<usize> {
        let [w] = words else { return None };
        let n = w.chars().count();
        if !(3..=6).contains(&n) || !w.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let letters: Vec<char> = fold(w).chars().collect();
        // (`spells` wants the acronym's first letter to open the first content word.)
        let same_initial = bucket(self.index.by_initial.get(&letters[0]), self.entities.len());
        let found = same_initial.into_iter().find(|&k| {
            let e = &self.entities[k];
            e.head.is_none() && e.low.len() >= 2 && e.kind != Some(SpeakerKind::Person) && {
                let content: Vec<&str> = e.low.iter().map(String::as_str).filter(|x| !is_connector(x)).collect();
                spells(&letters, &content)
            }
        })?;
        // (Indexed only when set here: a body keeps the first acronym it was given.)
        if self.entities[found].alias.is_none() {
            let alias = Acronym::of(w);
            self.index.by_alias.entry(alias.folded.clone()).or_default().push(found);
            self.entities[found].alias = Some(alias);
        }
        self.entities[found].kind = Some(SpeakerKind::Organisation);
        Some(found)
    }

    /// A personal pronoun ("he", "she", "il", "elle", "celui-ci"): the person (or, for
    /// French il/elle, the body) it stands for. `Break` when found without the checks
    /// `resolve` makes of a found entity.
    fn resolve_person_pronoun(&mut self, np: &Np, g: Gender) -> ControlFlow<Option<usize>, Option<usize>> {
        let addressee = self.addressee_before(np);
        let fits = |e: &Entity| {
            e.kind == Some(SpeakerKind::Person)
                && (e.gender == Gender::Unknown || g == Gender::Unknown || e.gender == g)
                && addressee.is_none_or(|a| !std::ptr::eq(e, &self.entities[a]))
        };
        // A person who spoke earlier in the same paragraph is more salient than one
        // merely named since ("Judge Hale told the court that the defendant, Liam
        // Carter, … “…,” she told him").
        let window = self.paragraph_start(np.start);
        // "La Cnil estime … Elle juge", "Le parquet précise … Il ajoute": French
        // il/elle also stand for a body that spoke in the paragraph, when no person
        // they could stand for is named since ("…, a indiqué un porte-parole de la
        // police. Il semblerait que « … » a-t-il précisé": places and things named in
        // between do not count).
        let written = self.text.get(np.start..np.end).map(fold).unwrap_or_default();
        // "Celui-ci", "celle-ci": the latter, the agreeing person named last, not the
        // most salient one (rules_fr::is_demonstrative_pronoun).
        if super::rules_fr::is_demonstrative_pronoun(&written) {
            return ControlFlow::Break(self.latest(np.start, |m, e| m.entity != ANONYMOUS && fits(e)));
        }
        // (fr-inst s18: "Dans un communiqué, il réclame « … »": whoever opens the sentence
        // before, body or person, bodies_fr::opens_on_issued_document.)
        if matches!(written.as_str(), "il" | "elle") && super::bodies_fr::opens_on_issued_document(&self.text, np.start) {
            let own = super::salience_fr::start_of_sentences_back(&self.sentence_starts, np.start, 0);
            let prev = super::salience_fr::start_of_sentences_back(&self.sentence_starts, np.start, 1).max(window);
            let agrees = |m: &Mention| {
                let e = &self.entities[m.entity];
                m.entity != ANONYMOUS
                    && !self.oblique.contains(&m.pos)
                    && (fits(e) || e.kind.is_none() || super::people_fr::thing_may_be_il_elle(e.kind, self.text.get(m.pos..).unwrap_or(""), g))
            };
            if let Some(m) = self.mentions_within_reach(own, prev).iter().find(|m| agrees(m)) {
                return ControlFlow::Break(Some(m.entity));
            }
        }
        // (fr-inst s18: "L'Agence …, « … », indique-t-elle": a body opening the pronoun's own
        // sentence, no person named since, bodies_fr::opens_sentence.)
        if matches!(written.as_str(), "il" | "elle") {
            let own = super::salience_fr::start_of_sentences_back(&self.sentence_starts, np.start, 0);
            let ms = self.mentions_within_reach(np.start, own.max(window));
            let opening = ms.first().filter(|m| {
                let e = &self.entities[m.entity];
                e.kind == Some(SpeakerKind::Organisation)
                    && super::bodies_fr::opens_sentence(&self.text, own, m.pos)
                    && super::people_fr::thing_may_be_il_elle(e.kind, self.text.get(own..).unwrap_or(""), g)
            });
            if let Some(m) = opening
                && !ms.iter().any(|x| x.entity != ANONYMOUS && fits(&self.entities[x.entity]))
            {
                return ControlFlow::Break(Some(m.entity));
            }
        }
        let body = matches!(written.as_str(), "il" | "elle")
            .then(|| {
                let before = self.mentions_before(np.start);
                let from = before.partition_point(|m| m.pos < window);
                // ("Son parti lui reprochait son vote. Il déclara": a body someone's
                // possessive names is theirs; il/elle is that someone, not the body.)
                let possessed = |m: &Mention| {
                    let first = self.text.get(m.pos..).and_then(|t| t.split_whitespace().next()).map(fold);
                    first.is_some_and(|w| matches!(w.as_str(), "son" | "sa" | "ses" | "leur" | "leurs"))
                };
                // (fr-people s17: a document that spoke too, "Le document estime « … ». Il
                // souligne « … »", and neither when its article says the other gender:
                // people_fr::thing_may_be_il_elle.)
                let org = |m: &Mention| {
                    m.spoke
                        && !possessed(m)
                        && super::people_fr::thing_may_be_il_elle(self.entities[m.entity].kind, self.text.get(m.pos..).unwrap_or(""), g)
                };
                let k = from + before[from..].iter().rposition(org)?;
                let person_since = before[k + 1..].iter().any(|m| m.entity != ANONYMOUS && fits(&self.entities[m.entity]));
                (!person_since).then_some(before[k].entity)
            })
            .flatten();
        // Beyond that, the last person named as a subject in this paragraph or the
        // one before ("Abu Ghaith, a son-in-law of bin Laden's, offered … he told"),
        // then anyone.
        let near = self.paragraph_start(window.saturating_sub(1));
        let found = body
            .or_else(|| self.latest(np.start, |m, e| m.spoke && m.pos >= window && fits(e)))
            // (fr-people: French il/elle, the subject opening that sentence when it is an
            // earlier one: `opening_subject_since`.)
            .or_else(|| self.opening_subject_since(np, near, |m, e| !self.oblique.contains(&m.pos) && fits(e)))
            // (French: else the person most in view in the paragraph, even named only
            // after a preposition, "la déposition d'Émilie Perrin … a-t-elle dit",
            // before a subject further back: salience_fr.)
            .or_else(|| self.salient_person_near(np, false, false, fits))
            // (Further back, a subject still outranks a name that was only ever an
            // object: "il" in a portrait stays the person it is about.)
            .or_else(|| self.latest(np.start, |m, e| !self.oblique.contains(&m.pos) && fits(e)))
            .or_else(|| self.latest(np.start, |_, e| fits(e)));
        // "she says" tells us the gender a name did not: a later "he" is someone else.
        if let Some(e) = found
            && e != ANONYMOUS
            && g != Gender::Unknown
            && self.entities[e].gender == Gender::Unknown
        {
            self.entities[e].gender = g;
        }
        ControlFlow::Continue(found)
    }

    /// fr-people2: the person a French subject il/elle speaks to in its own sentence, named
    /// before it after "à" ("À Mme Caradec, elle a rétorqué que"): never who "elle" is
    /// (people_fr::is_addressee). Reads the mentions of that one sentence.
    pub fn addressee_before(&self, np: &Np) -> Option<usize> {
        self.addressee_of_phrase(np.start..np.end)
    }

    /// (`addressee_before` for the il/elle written at `phrase`.)
    pub fn addressee_of_phrase(&self, phrase: std::ops::Range<usize>) -> Option<usize> {
        let written = self.text.get(phrase.clone()).map(fold)?;
        if !matches!(written.as_str(), "il" | "elle") {
            return None;
        }
        let from = super::salience_fr::start_of_sentences_back(&self.sentence_starts, phrase.start, 0);
        self.mentions_within_reach(phrase.start, from)
            .iter()
            .rev()
            .find(|m| m.entity != ANONYMOUS && self.text_before(m.pos).is_some_and(super::people_fr::is_addressee))
            .map(|m| m.entity)
    }

    /// fr-people: like [`Registry::latest_since`], but for a French il/elle whose last
    /// fitting mention is in an earlier sentence, the one opening that sentence, its
    /// subject, rather than a name it gave as an object ("Paul Durand a dirigé Loire
    /// Logement. … « … », affirme-t-il"): people_fr::opening_subject_of_sentence_before.
    /// Reads that one sentence's mentions.
    fn opening_subject_since(&self, np: &Np, since: usize, ok: impl Fn(&Mention, &Entity) -> bool) -> Option<usize> {
        let found = self.latest_since(np.start, since, &ok)?;
        if !super::rules_fr::is_il_elle(&self.text, np) {
            return Some(found);
        }
        let ms = self.mentions_within_reach(np.start, since);
        let last = ms.iter().rposition(|m| ok(m, &self.entities[m.entity]))?;
        let from = super::salience_fr::start_of_sentences_back(&self.sentence_starts, ms[last].pos, 0);
        let lo = ms[..last].partition_point(|m| m.pos < from);
        let fitting: Vec<(usize, bool)> = ms[lo..=last].iter().map(|m| (m.pos, ok(m, &self.entities[m.entity]))).collect();
        let k = super::people_fr::opening_subject_of_sentence_before(&self.text, &fitting, fitting.len() - 1, &self.sentence_starts, np.start);
        if k + 1 == fitting.len() {
            return Some(found);
        }
        // (At one position, the fullest name, as `latest_since` takes.)
        let at = fitting[k].0;
        ms[lo..=last].iter().filter(|m| m.pos == at && ok(m, &self.entities[m.entity])).max_by_key(|m| self.entities[m.entity].low.len()).map(|m| m.entity)
    }

    /// "they" and "it" are only taken for a body that spoke earlier in the same
    /// paragraph; further back they are too often something else.
    fn resolve_plural_pronoun(&self, np: &Np) -> Option<usize> {
        let window = self.paragraph_start(np.start);
        self.latest(np.start, |m, e| m.spoke && m.pos >= window && e.kind == Some(SpeakerKind::Organisation))
    }

    /// (As `resolve_plural_pronoun`, a document too.)
    fn resolve_thing_pronoun(&self, np: &Np) -> Option<usize> {
        let window = self.paragraph_start(np.start);
        self.latest(np.start, |m, e| {
            m.spoke && m.pos >= window && matches!(e.kind, Some(SpeakerKind::Organisation | SpeakerKind::Document))
        })
    }

    /// "précise cette source", "the same source said": a source already met.
    fn is_same_source(&self, np: &Np, head: &str) -> bool {
        matches!(head, "source" | "sources") && {
    let written = self.text.get(np.start..np.end).map(fold).unwrap_or_default();
    ["cette ", "this ", "that ", "la même ", "the same ", "cette même ", "ces ", "these "].iter().any(|d| written.starts_with(d))
        }
    }

    /// "précise cette source", "the same source said": whoever was last heard,
    /// named or not.
    fn resolve_same_source(&mut self, np: &Np) -> Option<usize> {
        let e = self.latest(np.start, |m, _| m.spoke)
            // (fr-inst2 s18: else a body the wire learned it from, in this paragraph or the one
            // before, "a-t-on appris auprès de la préfecture": bodies_fr::follows_aupres_de.)
            .or_else(|| {
                let near = self.paragraph_start(self.paragraph_start(np.start).saturating_sub(1));
                self.latest_since(np.start, near, |m, e| e.kind == Some(SpeakerKind::Organisation) && super::bodies_fr::follows_aupres_de(&self.text, m.pos))
            })
            .unwrap_or(ANONYMOUS);
        self.note_speaker(np.start, e);
        Some(e)
    }

    /// "un porte-parole de la police", "le représentant du groupe": who speaks for a
    /// body named in the complement, unless the article named a person in that role.
    fn speaks_for_named_body(&self, np: &Np, head: &String) -> bool {
        SPOKES_ROLES.contains(&head.as_str())
            && !np.quals.is_empty()
            && !bucket(self.index.by_role_word.get(head), self.entities.len())
                .into_iter()
                .any(|k| self.entities[k].kind == Some(SpeakerKind::Person) && self.entities[k].role_words.contains(head))
    }

    /// "the teenager said", "raconte l'adolescente": like "she", to the last person
    /// of that gender.
    fn resolve_descriptor(&mut self, np: &Np, head: &str) -> Option<usize> {
        let lx = Lexicon::get();
        // "Le fils du défunt, Sébastien Marty, a raconté": a descriptor with a name
        // set in apposition right after it is that person, not the last man named.
        if let Some(e) = self.apposed_person(np) {
            self.note_speaker(np.start, e);
            return Some(e);
        }
        // (fr-people s16: "la jeune comédienne", a descriptor of either gender, takes its
        // article's.)
        let g = lx.descriptor(head).filter(|&g| g != Gender::Unknown).unwrap_or(np.gender);
        let pronoun = Np { kind: NpKind::Pronoun(PronounKind::Person, g), ..np.clone() };
        let (entities, mentions) = (self.entities.len(), self.mentions.len());
        let found = self.resolve(&pronoun)?;
        // Unlike "she", "le suspect" may be someone the article never names: only a
        // person met in this paragraph or the one before is meant.
        let near = self.paragraph_start(self.paragraph_start(np.start).saturating_sub(1));
        let since_near = self.mentions.partition_point(|m| m.pos < near);
        let recent = self.mentions_before(np.start).get(since_near..).unwrap_or(&[]);
        if found != ANONYMOUS && !recent.iter().any(|m| m.entity == found) {
            self.undo_resolve(np, entities, mentions);
            return None;
        }
        Some(found)
    }

    /// A role noun for a person ("the researcher", "la présidente de la région"): the one
    /// given that role, else the person in view it describes. `Break` when found without
    /// the checks `resolve` makes of a found entity.
    fn resolve_person_role(&mut self, np: &Np, head: &String, fits: &impl Fn(&Entity) -> bool) -> ControlFlow<Option<usize>, Option<usize>> {
        // "La présidente de la région, Marie Dupont, a déclaré": a French role
        // with a name in apposition right after it is that person.
        if super::rules_fr::is_french_phrase(&self.text, np)
            && let Some(e) = self.apposed_person(np)
        {
            self.note_speaker(np.start, e);
            // (fr-pron: "La maire, Odile X," tells Odile X's gender.)
            self.learn_gender(e, super::rules_fr::gender_told_by_role(&self.text, np));
            return ControlFlow::Break(Some(e));
        }
        // "la policière" is never a man the article named.
        // ("the New York businessman" is never a woman the article named either.)
        let gender = self.role_gender(np, head);
        let same_gender = |e: &Entity| gender == Gender::Unknown || e.gender == Gender::Unknown || e.gender == gender;
        let person = |e: &Entity| e.kind == Some(SpeakerKind::Person) && e.has_role && fits(e) && same_gender(e);
        let any_role = |e: &Entity| e.kind == Some(SpeakerKind::Person) && e.has_role && same_gender(e);
        // "the researcher" is first the one introduced as a researcher; words
        // the introduction did not use ("the former official") are let go last.
        // A possessive ("its interior minister") points at someone else's
        // official: no loosening then.
        let first_word = self.text.get(np.start..np.end).and_then(|w| w.split_whitespace().next()).map(fold);
        let possessive = first_word.is_some_and(|w| matches!(w.as_str(), "its" | "their" | "his" | "her" | "son" | "sa" | "ses" | "leur"));
        // (A lead may name the role before the person: `role_given_soon_after`.)
        // The same role last given to someone unnamed: with no person
        // named with a role since, it is still them.
        // (Kept in text order: the nearest one before, within reach.)
        if self.unnamed_role_still_meant(np, head, &person) {
            self.note_speaker(np.start, ANONYMOUS);
            return ControlFlow::Break(Some(ANONYMOUS));
        }
        // (French: of several people the article gave the role, "le prévenu"
        // is the one most in view, not the one named last: salience_fr.)
        let holder = |e: &Entity| person(e) && e.role_words.contains(head);
        let french = super::rules_fr::is_french_phrase(&self.text, np);
        let most_salient_holder = || {
            let reach = super::salience_fr::READ_SENTENCES;
            if possessive || !french { None } else { self.salient_person_since(np, 0, reach, holder) }
        };
        // (fr-people s16: "Bernard Lacoste y prendra la parole. « … », prévient l'élu": a noun
        // several offices share is the agreeing person just in view, unless someone given it
        // is named in the paragraph: `person_just_in_view`, people_fr::is_family_noun.)
        if french
            && !possessive
            && super::people_fr::is_family_noun(head)
            && let Some(e) = self.person_just_in_view(np, &same_gender, &holder)
        {
            return ControlFlow::Continue(Some(e));
        }
        // (fr-people: "a déclaré le vainqueur": the person the article said won, the last
        // of the few hundred mentions before it, rules_fr::wins_at.)
        let winner = if french && !possessive { self.winner_in_view(np, head, &same_gender) } else { None };
        let strict = winner
            .or_else(most_salient_holder)
            .or_else(|| self.latest(np.start, |_, e| holder(e)))
            // (fr-roles: "a confié l'ancien ministre" with no minister named: the one the
            // article called outgoing, `former_role_holder`.)
            .or_else(|| if possessive || !french { None } else { self.former_role_holder(np, &same_gender) })
            // (fr-roles: "La cheffe de chœur, elle, pense …" in a portrait whose standfirst
            // said "cette cheffe de chœur": the headline's person, `headline_person_of_role`.)
            .or_else(|| if possessive || !french { None } else { self.headline_person_of_role(head, &same_gender) })
            .filter(|&e| e != ANONYMOUS)
            .or_else(|| self.role_given_soon_after(np, head, &person))
            // (fr-people: "La présidente de la région a demandé « … ». « … », a indiqué
            // Mathilde X": the person named at the quote right after, rules_fr::name_at_next_quote.)
            .or_else(|| self.person_named_at_next_quote(np, french && !possessive, &same_gender))
            // (French: a description the article gave no one is the person
            // most in view there, "… menés par Jean-Pierre Caradec. Le maire
            // de Locmalo, …", "le Dr Rebours confirme … . « … », explique
            // l'urgentiste": first in its own paragraph; across a paragraph
            // break only after the roleless people a portrait describes:
            // salience_fr.)
            .or_else(|| self.person_in_view_for_unheld_role(np, possessive, gender, &same_gender, fits))
            .or_else(|| self.latest(np.start, |_, e| person(e)));
        let found = if possessive { strict } else { strict.or_else(|| self.loosened_role(np, head, &any_role)) };
        ControlFlow::Continue(found)
    }

    /// Whether a role phrase still means the unnamed person last given the same role
    /// (`unnamed_roles`, the nearest within reach): so when no person with a role was named
    /// since. Split out of `resolve_person_role` (issue 13).
    fn unnamed_role_still_meant(&self, np: &Np, head: &String, person: &impl Fn(&Entity) -> bool) -> bool {
        // (Kept in text order: the nearest one before, within reach.)
        let before = self.unnamed_roles.partition_point(|(p, _)| *p < np.start);
        let reach = np.start.saturating_sub(RESOLVE_REACH_BYTES);
        let unnamed_at = self.unnamed_roles[..before].iter().rev().take_while(|(p, _)| *p >= reach).find(|(_, h)| h == head).map(|(p, _)| *p);
        unnamed_at.is_some_and(|at| self.latest(np.start, |m, e| m.pos > at && m.entity != ANONYMOUS && person(e)).is_none())
    }

    /// fr-people: for a French winner noun ("a déclaré le vainqueur"), the person passing
    /// `same_gender` the article said won, the last of the few hundred mentions before it
    /// (rules_fr::wins_at, WINNER_MENTIONS). Split out of `resolve_person_role` (issue 13).
    fn winner_in_view(&self, np: &Np, head: &str, same_gender: &impl Fn(&Entity) -> bool) -> Option<usize> {
        if !super::rules_fr::WINNER_NOUNS.contains(&head) {
            return None;
        }
        let mentions = self.mentions_within_reach(np.start, 0).iter().rev().take(super::rules_fr::WINNER_MENTIONS);
        let ok = |m: &&Mention| m.entity != ANONYMOUS && self.entities[m.entity].kind == Some(SpeakerKind::Person) && same_gender(&self.entities[m.entity]);
        mentions.filter(ok).find(|m| super::rules_fr::wins_at(&self.text, m.pos)).map(|m| m.entity)
    }

    /// fr-people: "La présidente de la région a demandé « … ». « … », a indiqué Mathilde X":
    /// the person passing `same_gender` named at the quote right after the phrase
    /// (rules_fr::name_at_next_quote); none unless `allowed`. Split out of
    /// `resolve_person_role` (issue 13).
    fn person_named_at_next_quote(&self, np: &Np, allowed: bool, same_gender: &impl Fn(&Entity) -> bool) -> Option<usize> {
        let at = super::rules_fr::name_at_next_quote(&self.text, np.end).filter(|_| allowed)?;
        let m = self.mentions.get(self.mentions.partition_point(|m| m.pos < at))?;
        let ok = m.pos < at + 8 && m.entity != ANONYMOUS && self.entities[m.entity].kind == Some(SpeakerKind::Person);
        (ok && same_gender(&self.entities[m.entity])).then_some(m.entity)
    }

    /// A person role no one was given: the agreeing person most in view (own paragraph
    /// first, then roleless speakers and subjects, then across a paragraph break, then
    /// over the last few paragraphs where the complement must fit too). Split out of
    /// `resolve_person_role` (issue 13), in the same order of trial.
    fn person_in_view_for_unheld_role(&self, np: &Np, possessive: bool, gender: Gender, same_gender: &impl Fn(&Entity) -> bool, fits: &impl Fn(&Entity) -> bool) -> Option<usize> {
        self.salient_person_near(np, possessive, false, same_gender)
            .or_else(|| if possessive { None } else { self.roleless_speaker_near(np.start).filter(|&e| same_gender(&self.entities[e])) })
            .or_else(|| if possessive { None } else { self.roleless_subject_near(np.start, gender, super::rules_fr::is_french_phrase(&self.text, np)) })
            .or_else(|| self.salient_person_near(np, possessive, true, same_gender))
            // (fr-pron: a role no one holds is the agreeing person most in
            // view over the last few paragraphs, roleless or not, before the
            // last holder of another role; its complement, "de la CFDT",
            // must fit them: salience_fr::WIDE_VIEW_SENTENCES.)
            .or_else(|| self.salient_person_wide(np, possessive, |e| same_gender(e) && fits(e)))
    }

    /// fr-people s16: the person passing `ok` most in view at a French `np` in its own
    /// paragraph, named or heard in its sentence or the one before
    /// (people_fr::JUST_IN_VIEW_SENTENCES); none when a mention passing `holder` is in that
    /// paragraph, as the holder of the role is then the one meant.
    fn person_just_in_view(&self, np: &Np, ok: &impl Fn(&Entity) -> bool, holder: &impl Fn(&Entity) -> bool) -> Option<usize> {
        let own = self.paragraph_start(np.start);
        if self.mentions_within_reach(np.start, own).iter().any(|m| m.entity != ANONYMOUS && holder(&self.entities[m.entity])) {
            return None;
        }
        self.salient_person_since(np, own, super::people_fr::JUST_IN_VIEW_SENTENCES, ok)
    }

    /// fr-roles: "« … », a confié l'ancien ministre" where no one was given that role: the
    /// person in view (a few paragraphs back, salience_fr) whom the article called outgoing,
    /// "le premier secrétaire sortant, X", "l'ancienne maire Y". A past role is a career
    /// detail the article need not have told; that the person left a post, it did.
    fn former_role_holder(&self, np: &Np, same_gender: &impl Fn(&Entity) -> bool) -> Option<usize> {
        if !super::rules_fr::is_former_role(&np.quals) {
            return None;
        }
        let outgoing = |e: &Entity| {
            e.kind == Some(SpeakerKind::Person) && e.has_role && same_gender(e) && e.role_words.iter().any(|w| super::rules_fr::is_outgoing_word(&fold(w)))
        };
        self.salient_person_since(np, 0, super::salience_fr::WIDE_VIEW_SENTENCES, outgoing)
    }

    /// fr-roles: a role noun no one was given, in an article whose opening paragraphs (their
    /// first `LEAD_BYTES`) describes someone as "cette <role>" before naming anyone ("Depuis
    /// douze ans, cette cheffe de chœur fait chanter …"): the first person the article then
    /// names. A portrait's standfirst describes its subject before the body names them; the
    /// role coming back later is that subject, not the person named last.
    fn headline_person_of_role(&self, head: &str, same_gender: &impl Fn(&Entity) -> bool) -> Option<usize> {
        // (The opening two paragraphs: a headline may be kept as the first.)
        let lead_end = self.paragraph_starts.iter().filter(|&&s| s > 0).nth(1).copied().unwrap_or(self.text.len());
        let lead_end = super::floor_char_boundary(&self.text, lead_end.min(super::rules_fr::LEAD_BYTES));
        let at = super::rules_fr::lead_names_role_by_demonstrative(self.text.get(..lead_end)?, head)?;
        let is_person = |m: &&Mention| m.entity != ANONYMOUS && self.entities[m.entity].kind == Some(SpeakerKind::Person);
        // (The first person named, and after the description: a name before it is
        // someone else the opening mentions.)
        let m = self.mentions.iter().take(FIRST_MENTIONS).find(is_person)?;
        (m.pos > at && same_gender(&self.entities[m.entity])).then_some(m.entity)
    }

    /// "la policière" is never a man the article named.
    /// ("the New York businessman" is never a woman the article named either.)
    fn role_gender(&self, np: &Np, head: &str) -> Gender {
        let elided = self.text.get(np.start..np.end).is_some_and(|w| { let w = fold(w); w.starts_with("l'") || w.starts_with("l’") });
        match np.gender {
            // (ranker s14: one reading of a role noun's form for both languages. A French
            // phrase with no gender yet is one whose article is elided, "l'éleveur": read
            // by French endings; any other is read as English, "the businessman".)
            Gender::Unknown => super::lexicon::role_noun_gender(head, elided),
            g => g,
        }
    }

    /// "in a case the judge described as … Judge Rebecca Lowe told": a lead
    /// may name the role before the person; take the first person given
    /// that role soon after (within a short paragraph or two).
    fn role_given_soon_after(&self, np: &Np, head: &String, person: &impl Fn(&Entity) -> bool) -> Option<usize> {
        self.mentions[self.mentions.partition_point(|m| m.pos <= np.start)..]
            .iter()
            .take_while(|m| m.pos < np.start + CATAPHORA_BYTES)
            .filter(|m| m.entity != ANONYMOUS)
            .filter(|m| person(&self.entities[m.entity]) && self.entities[m.entity].role_words.contains(head))
            .min_by_key(|m| m.pos)
            .map(|m| m.entity)
    }

    /// A role noun with no possessive and no strict match: the last person given that
    /// role or any role, else the speaker a lead names next, else the roleless subject.
    fn loosened_role(&self, np: &Np, head: &String, any_role: &impl Fn(&Entity) -> bool) -> Option<usize> {
        self.latest(np.start, |_, e| any_role(e) && e.role_words.contains(head))
            .or_else(|| self.latest(np.start, |_, e| any_role(e)))
            .or_else(|| self.lead_speaker_after(np.start, true))
            // (French: "Le juge des référés estime" is not the association's
            // president who speaks next: someone introduced with another role
            // is someone else.)
            .or_else(|| {
                let french = super::rules_fr::is_french_phrase(&self.text, np);
                self.lead_speaker_after(np.start, false).filter(|&e| {
                    let roles = &self.entities[e].role_words;
                    !french || roles.is_empty() || roles.contains(head)
                })
            })
            .or_else(|| self.subject_without_role(np))
    }

    /// A body noun ("police said", "le ministère de l'Éducation", "la direction"): the body
    /// named with it or before, else the body it describes. `Break` when found without the
    /// checks `resolve` makes of a found entity.
    fn resolve_body_role(&mut self, np: &Np, head: &String, quals: &[&String], fits: &impl Fn(&Entity) -> bool) -> ControlFlow<Option<usize>, Option<usize>> {
        let org = |e: &Entity| e.kind == Some(SpeakerKind::Organisation);
        // "police said": a bare body noun is the body of that name met before
        // ("the Metropolitan Police"), else that noun as written.
        let written = self.text.get(np.start..np.end).unwrap_or("").to_string();
        let bare = written.split_whitespace().next().is_some_and(|w| !DETERMINERS.contains(&fold(w).as_str()) && !w.contains('\''))
            && !written.contains("'s")
            && !written.contains('’');
        if bare {
            let found = self.latest(np.start, |_, e| org(e) && e.low.contains(head) && fits(e)).unwrap_or_else(|| {
                let words: Vec<String> = written.split_whitespace().map(str::to_string).collect();
                let low: Vec<String> = words.iter().map(|w| fold(w)).collect();
                self.named_exactly(&low).unwrap_or_else(|| {
                    self.add_entity(Entity { words, low, kind: Some(SpeakerKind::Organisation), ..empty_entity() })
                })
            });
            self.note_speaker(np.start, found);
            return ControlFlow::Break(Some(found));
        }
        // The body may be registered at this very phrase ("Le ministère de
        // l'Éducation nationale, sollicité, indique"): mentions up to its start.
        // (fr-places s16: never the "de" complement alone, `is_complement_alone`.)
        let named = (!quals.is_empty())
            .then(|| self.latest(np.start + 1, |_, e| org(e) && fits(e)))
            .flatten()
            .filter(|&e| !self.is_complement_alone(np, head, &self.entities[e]))
            // (fr-inst s18: never another body sharing only the "de" complement.)
            .filter(|&e| !super::bodies_fr::another_body_sharing_complement(&fold(&written), head, quals, &self.entities[e].low));
        // "le groupe Renault", "la société Vélaris": a name the phrase itself
        // gives its body noun is that body, whatever kind it was guessed.
        let named = named.or_else(|| self.body_named_in_phrase(np, head, &fits));
        let generic = self.generic_body_of(np, head);
        // (fr-bodies s14: a bare "la direction", `bare_body_part`.)
        if named.is_none() && generic.is_none() && quals.is_empty() && BODY_PARTS.contains(&head.as_str()) && self.opens_on_french_definite(np) {
            // ("la direction régionale": with its institution adjectives.)
            let end = super::rules_fr::institution_adjectives_end(&self.text, np.end);
            let in_full = self.text.get(np.start..end).unwrap_or("").to_string();
            let found = self.bare_body_part(np.start, head, &in_full);
            if let Some(e) = found {
                self.note_speaker(np.start, e);
            }
            return ControlFlow::Break(found);
        }
        // ("l'entreprise" → Chimitec: a name of no known kind that the
        // article calls a company is a body, so a later "elle" can be it.)
        if let Some(g) = generic.filter(|&g| self.entities[g].kind.is_none()) {
            self.entities[g].kind = Some(SpeakerKind::Organisation);
        }
        // "the centre" → the last "… Centre" named; else the last body that spoke.
        let found = named
            .or(generic)
            .or_else(|| self.latest(np.start, |_, e| org(e) && fits(e) && e.low.contains(head)))
            .or_else(|| self.body_heard_or_described(np, head, &written, quals));
        ControlFlow::Continue(found)
    }

    /// A body noun matched by no body named with it: the last body heard, one named in
    /// a single word, the body named last in its paragraph, else the phrase read as a body.
    fn body_heard_or_described(&mut self, np: &Np, head: &str, written: &str, quals: &[&String]) -> Option<usize> {
        let lx = Lexicon::get();
        let org = |e: &Entity| e.kind == Some(SpeakerKind::Organisation);
        // (Never the town of a wire dateline opening a paragraph, "VILLEFERRAND
        // (Isère), 2 juin (AFP) - …, a-t-on appris": it names no body.)
        // (fr-bodies: nor for "Le conseil départemental, …, a salué", a body
        // written in full, its lower-case noun then its institution adjective:
        // it is itself. "l'Office européen" may still be a body named before.)
        let lower_noun = written.rsplit([' ', '\'', '’']).next().and_then(|w| w.chars().next()).is_some_and(char::is_lowercase);
        let in_full = lower_noun && super::rules_fr::institution_adjectives_end(&self.text, np.end) > np.end;
        // (fr-bodies s15: never a body named as another kind, `named_as_another_kind`.)
        let heard = (quals.is_empty() && !in_full)
            .then(|| self.latest(np.start, |m, e| m.spoke && org(e) && !self.is_dateline(m, e) && !named_as_another_kind(head, e)))
            .flatten();
        heard
            // "Selon Eurojust, … L'agence précise": a one-word name with no
            // first name, role or gender that spoke in this paragraph is the
            // body meant (and is a body, not a person).
            .or_else(|| {
                let window = self.paragraph_start(np.start);
                let unknown_body = |e: &Entity| {
                    e.kind != Some(SpeakerKind::Document) && e.words.len() == 1 && e.head.is_none()
                        && !e.has_role && e.gender == Gender::Unknown
                        && !lx.first_names.contains_key(e.words[0].as_str())
                };
                let found = quals.is_empty().then(|| self.latest(np.start, |m, e| m.spoke && m.pos >= window && unknown_body(e))).flatten();
                if let Some(i) = found {
                    self.entities[i].kind = Some(SpeakerKind::Organisation);
                }
                found
            })
            // French: "La CGT va plus loin. …, le syndicat accuse": a bare definite
            // noun for a kind of body the article never used to introduce a name
            // is the body last named in its paragraph.
            .or_else(|| {
                // (Not "la préfecture", "la gendarmerie": a body of its own.)
                let bare_definite = quals.is_empty() && super::rules_fr::needs_a_name(head) && super::rules_fr::is_french_phrase(&self.text, np)
                    && self.opens_on_french_definite(np);
                if !bare_definite {
                    return None;
                }
                let window = self.paragraph_start(np.start);
                let named_body = |e: &Entity| {
                    e.head.is_none() && e.kind == Some(SpeakerKind::Organisation)
                        && e.opens_capitalised()
                        && !lx.is_place_name(&e.low) && !lx.place_names.contains(&e.low)
                        // (fr-places s16: nor a listed place, "entre la Loire-Atlantique et …".)
                        && !lx.is_listed_place(&e.low)
                };
                self.latest_since(np.start, window, |_, e| named_body(e))
            })
            // (fr-bodies s17: "l'agence sanitaire relève", `body_heard_described`.)
            .or_else(|| self.body_heard_described(np, head, written, quals))
            // (fr-bodies2: "l'organisme" → "la chambre d'agriculture" named before, `lower_case_body_named_before`.)
            .or_else(|| self.lower_case_body_named_before(np, head, quals))
            .or_else(|| {
                let end = super::rules_fr::institution_adjectives_end(&self.text, np.end);
                let written = self.text.get(np.start..end).unwrap_or("").to_string();
                // ("Le rapport de l'association souligne": a complement is not the subject.)
                let complement = super::rules_fr::follows_de(&self.text[..np.start]);
                self.described_body(&written, !complement)
            })
    }

    /// fr-bodies2: "Selon la chambre d'agriculture, … L'organisme évoque « … »": a bare
    /// definite periphrasis (PERIPHRASIS_NOUNS) no named body answers is the body its
    /// paragraph named before by a lower-case noun and complement
    /// (rules_fr::lower_case_body_before), registered under that phrase.
    fn lower_case_body_named_before(&mut self, np: &Np, head: &str, quals: &[&String]) -> Option<usize> {
        if !quals.is_empty() || !PERIPHRASIS_NOUNS.contains(&head) || !self.opens_on_french_definite(np) {
            return None;
        }
        let before = self.text.get(self.paragraph_start(np.start)..np.start)?;
        let words = super::rules_fr::lower_case_body_before(before, &GENERIC_BODY_NOUNS)?;
        let found = self.body_named(words);
        self.note_speaker(np.start, found);
        Some(found)
    }

    /// fr-bodies s17: "Santé publique France a annoncé … Dans son bulletin, l'agence
    /// sanitaire relève « … »": a definite body noun with only describing adjectives
    /// (rules_fr::is_describing_adjective) and no "de" complement describes a body rather
    /// than names one: it is the last body heard in its paragraph or the one before (not a
    /// dateline, nor a body named as another kind).
    fn body_heard_described(&self, np: &Np, head: &str, written: &str, quals: &[&String]) -> Option<usize> {
        let low = fold(written);
        let complement = [" de ", " du ", " des ", " d'"].iter().any(|d| low.contains(d));
        let describing = !quals.is_empty() && quals.iter().all(|q| super::rules_fr::is_describing_adjective(q));
        if complement || !describing || !self.opens_on_french_definite(np) || !super::rules_fr::is_french_phrase(&self.text, np) {
            return None;
        }
        let near = self.paragraph_start(self.paragraph_start(np.start).saturating_sub(1));
        let org = |e: &Entity| e.kind == Some(SpeakerKind::Organisation);
        self.latest_since(np.start, near, |m, e| m.spoke && org(e) && !self.is_dateline(m, e) && !named_as_another_kind(head, e))
    }

    /// A document noun ("the report", "le communiqué"): the document of that kind named
    /// before, its issuer, or the document as itself.
    fn resolve_document_role(&mut self, np: &Np, head: &str, quals: &[&String], fits: &impl Fn(&Entity) -> bool) -> Option<usize> {
    self
        .latest(np.start, |_, e| {
            e.kind == Some(SpeakerKind::Document) && e.head.as_deref() == Some(head) && fits(e)
        })
        .or_else(|| if quals.is_empty() { self.issuer_of_last(head, np.start) } else { None })
        // "A new report by … The study, which analysed …, says": another
        // word for the same piece of research.
        .or_else(|| {
            let research = |h: &str| RESEARCH_WORDS.contains(&h);
            if !research(head) {
                return None;
            }
            self.latest(np.start, |_, e| {
                e.kind == Some(SpeakerKind::Document) && e.head.as_deref().is_some_and(research) && fits(e)
            })
        })
        // French: "Selon le dernier rapport de l'Observatoire … Le document note
        // que": a generic document noun is the document named last.
        .or_else(|| {
            // (fr-bodies: "selon le texte" as "le document".)
            let generic = matches!(head, "document" | "texte") && quals.is_empty();
            let french = generic && super::rules_fr::is_french_phrase(&self.text, np);
            french.then(|| self.latest(np.start, |_, e| e.kind == Some(SpeakerKind::Document))).flatten()
        })
        // (fr-bodies3: "L'avis rendu par la Mission régionale … Le document relève":
        // the body named as the agent of a document's issuing in the paragraph,
        // rules_fr::is_issuer_of_document_before.)
        .or_else(|| {
            let generic = matches!(head, "document" | "texte") && quals.is_empty();
            let french = generic && super::rules_fr::is_french_phrase(&self.text, np);
            let window = self.paragraph_start(np.start);
            french
                .then(|| {
                    self.latest_since(np.start, window, |m, e| {
                        e.kind == Some(SpeakerKind::Organisation) && super::rules_fr::is_issuer_of_document_before(self.text.get(..m.pos).unwrap_or(""))
                    })
                })
                .flatten()
        })
        // (fr-bodies: "Dans un communiqué, la direction justifie … Le texte
        // évoque « … »": else the issuer of the communiqué named last.)
        .or_else(|| {
            let generic = matches!(head, "document" | "texte") && quals.is_empty();
            let french = generic && super::rules_fr::is_french_phrase(&self.text, np);
            french.then(|| self.issuer_of_generic_document(np.start)).flatten()
        })
        // French: "Le rapport évoque « … »", with no document of that name
        // before: the document speaks as itself ("rapport"), as a body
        // named by its bare noun does.
        .or_else(|| {
            let french = self.opens_on_french_definite(np) && quals.is_empty() && super::rules_fr::is_french_phrase(&self.text, np);
            french.then(|| self.document_named(head))
        })
        // French: "Le rapport d'expertise, publié lundi, décrit « … »": a
        // complement naming only the kind of document, no owner, speaks as the
        // document too (rules_fr::document_with_common_complement).
        .or_else(|| {
            let written = self.text.get(np.start..np.end).unwrap_or("");
            let french = self.opens_on_french_definite(np) && super::rules_fr::document_with_common_complement(written, head);
            french.then(|| self.document_named(head))
        })
    }

    /// (fr-pron) "« … », fait valoir la directrice" resolved to Hélène Vasseur makes her
    /// "la directrice" from then on, when no one else was given that role: a later "La
    /// directrice, elle, …" is her, not the woman who spoke last (French definite roles).
    /// (Only the word is added: a person the article gave no role stays roleless for the
    /// rules that look for one; marking them measured worse on the tuning sets.)
    fn learn_role(&mut self, e: usize, np: &Np) {
        let NpKind::Role { kind: SpeakerKind::Person, head, definite: true } = &np.kind else { return };
        if e == ANONYMOUS || !super::rules_fr::is_french_phrase(&self.text, np) || super::rules_fr::possessed_kin(&self.text, np).is_some() {
            return;
        }
        let held = bucket(self.index.by_role_word.get(head), self.entities.len()).into_iter().any(|k| self.entities[k].role_words.contains(head));
        if held || self.entities.get(e).is_none_or(|x| x.kind != Some(SpeakerKind::Person)) {
            return;
        }
        self.entities[e].role_words.insert(head.clone());
        self.index.by_role_word.entry(head.clone()).or_default().push(e);
    }

    /// (fr-pron) A gender a resolved phrase told ("la maire", "elle" agreeing with the
    /// sentence before) is kept for a person whose name did not tell it.
    fn learn_gender(&mut self, e: usize, gender: Option<Gender>) {
        if let Some(g) = gender.filter(|&g| g != Gender::Unknown)
            && e != ANONYMOUS
            && self.entities.get(e).is_some_and(|x| x.kind == Some(SpeakerKind::Person) && x.gender == Gender::Unknown)
        {
            self.entities[e].gender = g;
        }
    }

    /// The person passing `ok` most in view at `np` (salience_fr), from the mentions of its
    /// own paragraph (a few sentences back), or with `paragraph_before` also of the one
    /// before (in its sentence or the one before).
    /// Only for a French phrase that no possessive opens ("son entraîneur" is someone else's).
    fn salient_person_near(&self, np: &Np, possessive: bool, paragraph_before: bool, ok: impl Fn(&Entity) -> bool) -> Option<usize> {
        if possessive || !super::rules_fr::is_french_phrase(&self.text, np) {
            return None;
        }
        let own = self.paragraph_start(np.start);
        let near = if paragraph_before { self.paragraph_start(own.saturating_sub(1)) } else { own };
        let within = if paragraph_before { super::salience_fr::IN_VIEW_ACROSS_PARAGRAPHS } else { super::salience_fr::IN_VIEW_SENTENCES };
        self.salient_person_since(np, near, within, ok)
    }

    /// (fr-pron) The person passing `ok` most in view at a French `np` over the last
    /// `salience_fr::WIDE_VIEW_SENTENCES` sentences, across paragraph breaks: a French role
    /// noun no one was given ("Le prévenu baisse la tête") when nobody is in view nearer.
    fn salient_person_wide(&self, np: &Np, possessive: bool, ok: impl Fn(&Entity) -> bool) -> Option<usize> {
        if possessive || !super::rules_fr::is_french_phrase(&self.text, np) {
            return None;
        }
        self.salient_person_since(np, 0, super::salience_fr::WIDE_VIEW_SENTENCES, ok)
    }

    /// The person passing `ok` most in view at `np` among the mentions since `near`, at
    /// most `within` sentences back (salience_fr).
    fn salient_person_since(&self, np: &Np, near: usize, within: usize, ok: impl Fn(&Entity) -> bool) -> Option<usize> {
        let near = near.max(super::salience_fr::start_of_sentences_back(&self.sentence_starts, np.start, super::salience_fr::READ_SENTENCES));
        let view = self
            .mentions_within_reach(np.start, near)
            .iter()
            .filter(|m| m.entity != ANONYMOUS && self.entities[m.entity].kind == Some(SpeakerKind::Person) && ok(&self.entities[m.entity]))
            .map(|m| super::salience_fr::MentionAt { pos: m.pos, entity: m.entity, spoke: m.spoke, oblique: self.oblique.contains(&m.pos) });
        super::salience_fr::most_salient(view, &self.sentence_starts, np.start, within)
    }

    /// The relative a French possessed kinship noun names ("son fils", "sa femme", "son
    /// homonyme"): the owner is the person most in view (salience_fr); the relative is
    /// another person the article named before with the owner's surname ("Martine Fournier
    /// … Son fils" is Lucas Fournier) or coordinated with the owner under it ("Jérôme et
    /// Isabelle Lemarchand"), agreeing with the noun; the one mentioned last. None when
    /// the article named no such person.
    fn relative_of_owner(&self, np: &Np, g: Gender) -> Option<usize> {
        // (In view in this paragraph or the one before, a few sentences back: a relative
        // often opens the paragraph after the owner's quote.)
        let near = self.paragraph_start(self.paragraph_start(np.start).saturating_sub(1));
        let owner = self.salient_person_since(np, near, super::salience_fr::IN_VIEW_SENTENCES, |_| true)?;
        // (The owner may be written two ways the registry keeps apart, "Isabelle" and
        // "Isabelle Lemarchand": a name that opens or ends the other is the same person.)
        let low = |e: usize| &self.entities[e].low;
        let is_owner = |e: usize| {
            let (a, b) = (low(owner), low(e));
            e == owner || (!b.is_empty() && self.entities[e].kind.is_none_or(|k| k == SpeakerKind::Person) && (a.starts_with(b) || b.starts_with(a) || a.ends_with(b) || b.ends_with(a)))
        };
        // (Within the usual reach, and each list made once: a kinship noun in every sentence
        // of a book-length text stays linear.)
        let before = self.mentions_within_reach(np.start, 0);
        let fullest = before.iter().map(|m| m.entity).chain([owner]).filter(|&e| is_owner(e)).max_by_key(|&e| low(e).len()).unwrap_or(owner);
        let surname = low(fullest).last().filter(|_| low(fullest).len() >= 2);
        // The people coordinated with the owner ("Jérôme et Isabelle Lemarchand").
        let coordinated: HashSet<usize> = before
            .windows(2)
            .filter(|w| self.text.get(w[0].pos..w[1].pos).is_some_and(|t| t.len() < RELATIVE_PAIR_BYTES && t.trim_end().ends_with(" et")))
            .filter_map(|w| match (is_owner(w[0].entity), is_owner(w[1].entity)) {
                (false, true) => Some(w[0].entity),
                (true, false) => Some(w[1].entity),
                _ => None,
            })
            .collect();
        let related = |e: usize| {
            let ent = &self.entities[e];
            let agrees = g == Gender::Unknown || ent.gender == Gender::Unknown || ent.gender == g;
            let namesake = ent.low.len() >= 2 && surname.is_some() && ent.low.last() == surname;
            !is_owner(e) && e != ANONYMOUS && ent.kind == Some(SpeakerKind::Person) && agrees && (namesake || coordinated.contains(&e))
        };
        // (fr-people: or named right after this kin noun, "Son fils, Didier, …":
        // rules_fr::introduced_as_kin.)
        let head = match &np.kind {
            NpKind::Role { head, .. } => head.as_str(),
            _ => "",
        };
        let introduced = |m: &Mention| !is_owner(m.entity) && m.entity != ANONYMOUS && super::rules_fr::introduced_as_kin(&self.text, m.pos, head);
        before.iter().rev().find(|m| related(m.entity) || introduced(m)).map(|m| m.entity)
    }

    /// The person whose name follows the phrase `np` after a comma ("Le fils du défunt,
    /// Sébastien Marty, …"), also behind a French title ("L'enquêtrice de la brigade
    /// financière, la commandante Agnès Roussel, …"): the phrase and the name are one person.
    fn person_named_right_after(&self, np: &Np) -> Option<usize> {
        // fr-people2 s17: the first mention after a French role phrase, when it is a person
        // and nothing but a complement stands between (people_fr::name_right_after_complement).
        let m = self.mentions.get(self.mentions.partition_point(|m| m.pos < np.end))?;
        let person = m.entity != ANONYMOUS && self.entities[m.entity].kind == Some(SpeakerKind::Person);
        let gap = self.text.get(np.end..m.pos)?;
        (person && super::rules_fr::is_french_phrase(&self.text, np) && super::people_fr::name_right_after_complement(gap)).then_some(m.entity)
    }

    fn apposed_person(&self, np: &Np) -> Option<usize> {
        let after = self.mentions.partition_point(|m| m.pos < np.end);
        let m = self.mentions.get(after)?;
        let gap = self.text.get(np.end..m.pos)?;
        let person = m.entity != ANONYMOUS && self.entities[m.entity].kind == Some(SpeakerKind::Person);
        // (French: past the phrase's complement too, "L'enquêtrice [de la brigade
        // financière], la commandante X", when the phrase was read without it.)
        let (complement, rest) = gap.split_once(',')?;
        let complement = complement.trim().is_empty() || super::rules_fr::is_complement(complement);
        (person && complement && (rest.trim().is_empty() || super::rules_fr::is_title_before_name(rest))).then_some(m.entity)
    }

    /// "Miguel Nerva a conçu ce code … Pour le construire, le graphiste s'est basé": a
    /// French definite role no one was given is the person with no stated role, of an
    /// agreeing gender, last named as a subject in this paragraph or the one before.
    fn subject_without_role(&self, np: &Np) -> Option<usize> {
        if !self.opens_on_french_definite(np) {
            return None;
        }
        let near = self.paragraph_start(self.paragraph_start(np.start).saturating_sub(1));
        let fits = |e: &Entity| {
            e.kind == Some(SpeakerKind::Person) && !e.has_role && e.head.is_none() && (np.gender == Gender::Unknown || e.gender == Gender::Unknown || e.gender == np.gender)
        };
        self.latest_since(np.start, near, |m, e| m.entity != ANONYMOUS && !self.oblique.contains(&m.pos) && fits(e))
    }

    /// The body a spokesperson speaks for: one already named whose words are all in the
    /// complement ("porte-parole du PS" → PS), one named by the body noun of the
    /// complement ("du groupe" → the last group), else the complement as written ("de la
    /// police madrilène" → police madrilène).
    fn body_spoken_for(&mut self, np: &Np) -> Option<usize> {
        let lx = Lexicon::get();
        let org = |e: &Entity| e.kind == Some(SpeakerKind::Organisation) && !e.low.is_empty();
        let quals = &np.quals;
        if let Some(e) = self.latest(np.start, |_, e| org(e) && e.low.iter().all(|w| quals.contains(w))) {
            return Some(e);
        }
        let body_noun = |q: &String| lx.role(q) == Some(SpeakerKind::Organisation);
        if let Some(e) = self.latest(np.start, |_, e| org(e) && quals.iter().any(|q| body_noun(q) && e.low.contains(q))) {
            return Some(e);
        }
        let written = self.text.get(np.start..np.end).unwrap_or("");
        let (at, marker) = [" de ", " du ", " des ", " d'", " d’"].iter().filter_map(|m| written.find(m).map(|at| (at, m))).min()?;
        let rest = &written[at + marker.len()..];
        let rest = ["la ", "le ", "les ", "l'", "l’"].iter().find_map(|a| rest.strip_prefix(a)).unwrap_or(rest);
        let words: Vec<String> = rest.split_whitespace().map(str::to_string).collect();
        let first = words.first()?;
        if !(body_noun(&fold(first)) || first.chars().next().is_some_and(char::is_uppercase)) {
            // (fr-bodies s14: "du gestionnaire du réseau", `agent_periphrasis_body`.)
            let singular = matches!(marker.trim(), "du" | "d'" | "d’") || rest.len() < written.len() - at - marker.len();
            return if singular { self.agent_periphrasis_body(&fold(first), np.start) } else { None };
        }
        if let Some(e) = self.generic_body_antecedent(&fold(first), np.start) {
            return Some(e);
        }
        Some(self.body_named(words))
    }

    /// "Le quotidien Le Figaro annonce … indique le quotidien", "Les journalistes de France
    /// 24 … la chaîne", "L'action de Samsung … un représentant du groupe": a generic body
    /// noun is the body the article introduced with that noun, else the last body it named
    /// (never a place, a document or a person with a first name or a role).
    fn generic_body_antecedent(&self, head: &str, pos: usize) -> Option<usize> {
        // (fr-bodies s17: a typed body noun, "l'association", only for the body introduced
        // with it, rules_fr::TYPED_BODY_NOUNS.)
        let typed = super::rules_fr::TYPED_BODY_NOUNS.contains(&head);
        if !GENERIC_BODY_NOUNS.contains(&head) && !typed {
            return None;
        }
        let lx = Lexicon::get();
        let named = |e: &Entity| {
            e.head.is_none()
                && !e.low.is_empty()
                && e.kind != Some(SpeakerKind::Document)
                && e.opens_capitalised()
                && !lx.is_place_name(&e.low)
                && !lx.place_names.contains(&e.low)
        };
        // A named body, never a person (`Entity::looks_like_person`), tested once per entity
        // in a look-up: its mentions come back again and again as it goes back over every
        // mention in reach. (A gender makes a person at once, before any word list is read.)
        let seen: RefCell<HashMap<usize, bool>> = RefCell::default();
        let body_named = |i: usize, e: &Entity| {
            e.gender == Gender::Unknown && *seen.borrow_mut().entry(i).or_insert_with(|| named(e) && !e.looks_like_person(lx))
        };
        // "Le quotidien français Le Figaro": the noun stands just before the name.
        let introduced = |m: &Mention, e: &Entity| {
            let same_noun = |w: &str| w == head || super::rules_fr::same_kind_of_company(w, head);
            // (Never a person: `Entity::looks_like_person`.)
            // (fr-bodies s17: or set in apposition after it, "Clair Logis, l'association
            // qui …", rules_fr::apposed_body_noun.)
            let apposed = || self.apposed_noun_is(m.pos, same_noun);
            // (A typed noun, "l'association", only right before the name,
            // rules_fr::noun_right_before.)
            // (Read only for a named body, and once per position: the look-up goes back
            // over every mention in reach, `TextNearMention`.)
            let near = || if typed { self.typed_noun_right_before(m.pos, head) } else { self.word_before(m.pos, same_noun) };
            body_named(m.entity, e) && (e.role_words.iter().any(|w| same_noun(w)) || near() || apposed())
        };
        // (A one-word name of unknown kind is too often a place or an opener; a name the
        // article gives a person's role, "Song Myung-Sup, analyste", is never a body.)
        let body_like = |e: &Entity| {
            named(e)
                && !lx.is_function_word(&e.low[0])
                && (e.kind == Some(SpeakerKind::Organisation)
                    || e.words.len() >= 2 && !e.has_role && !e.looks_like_person(lx))
        };
        // (fr-bodies s17: a company noun is never a town or a body of another kind,
        // `not_this_company`, and goes back to a company named by its parts next,
        // `company_by_its_parts`.)
        let company = super::rules_fr::same_kind_of_company(head, "société");
        let fits = |e: &Entity| !company || !self.not_this_company(e);
        let found = self.latest(pos, |m, e| introduced(m, e) && fits(e));
        if typed {
            return found.filter(|&e| e != ANONYMOUS);
        }
        found
            .or_else(|| company.then(|| self.company_by_its_parts(pos)).flatten())
            .or_else(|| self.most_mentioned_before(pos, |e| body_like(e) && fits(e)))
            .filter(|&e| e != ANONYMOUS)
    }

    /// fr-bodies s17: whether a name the article writes as a place ("à Morville") — never
    /// the company "le groupe" or "l'entreprise" stands for.
    fn is_written_as_place(&self, e: &Entity) -> bool {
        self.written_as_place.contains(&e.low)
    }

    /// fr-bodies s17: whether `e` cannot be the company a company noun stands for: a name
    /// written as a place, or one holding another kind of body's noun ("comité social et
    /// économique"), rules_fr::names_other_kind_than_company.
    fn not_this_company(&self, e: &Entity) -> bool {
        self.is_written_as_place(e) || super::rules_fr::names_other_kind_than_company(&e.low)
    }

    /// fr-bodies s17: "La direction de Tralmo regrette … L'entreprise affirme": the last name
    /// before `pos` that the article made a company by its parts or sites ("la direction
    /// d'", "l'entrepôt ", rules_fr::names_company_after), not a person (a first name or a
    /// gender) nor a town. Reads a few bytes before each mention, from the last one back.
    fn company_by_its_parts(&self, pos: usize) -> Option<usize> {
        let lx = Lexicon::get();
        let by_parts = |m: &Mention, e: &Entity| {
            m.entity != ANONYMOUS
                && e.head.is_none()
                && e.kind != Some(SpeakerKind::Document)
                && e.opens_capitalised()
                && e.gender == Gender::Unknown
                && !e.words.first().is_some_and(|w| lx.first_names.contains_key(w.as_str()))
                && !self.not_this_company(e)
                && self.named_company_after(m.pos)
        };
        self.latest(pos, by_parts)
    }

    /// The entity passing `ok` mentioned most often before `pos` (the article's subject
    /// rather than the last name in passing: "L'action de Samsung … commente un analyste de
    /// Hi Investment … un représentant du groupe"); on a tie, the one named first.
    fn most_mentioned_before(&self, pos: usize, ok: impl Fn(&Entity) -> bool) -> Option<usize> {
        // Each entity's count and first position, or none when `ok` refuses it: `ok` is
        // read once per entity, not once per mention.
        let mut counts: HashMap<usize, Option<(usize, usize)>> = HashMap::new();
        // (Within the look-ups' reach, as `latest`: counting from the article's start at each
        // generic body noun made a very long article quadratic.)
        for m in self.mentions_within_reach(pos, 0) {
            if m.entity == ANONYMOUS {
                continue;
            }
            if let Some((n, _)) = counts.entry(m.entity).or_insert_with(|| ok(&self.entities[m.entity]).then_some((0, m.pos))) {
                *n += 1;
            }
        }
        counts.into_iter().filter_map(|(e, c)| Some((e, c?))).max_by_key(|&(_, (n, first))| (n, std::cmp::Reverse(first))).map(|(e, _)| e)
    }

    /// A definite generic body noun, or a part of one ("la direction de la chaîne"), as the
    /// body it stands for. Only for a French phrase ("le", "la", "l'", "du").
    fn generic_body_of(&self, np: &Np, head: &str) -> Option<usize> {
        if !self.opens_on_french_definite(np) {
            return None;
        }
        let noun = if BODY_PARTS.contains(&head) { np.quals.first()?.as_str() } else { head };
        self.generic_body_antecedent(noun, np.start)
    }

    /// Whether the phrase opens on a French definite article ("le", "la", "l'"; the curly
    /// apostrophe folds to the straight one).
    fn opens_on_french_definite(&self, np: &Np) -> bool {
        let written = self.text.get(np.start..np.end).map(fold).unwrap_or_default();
        ["le ", "la ", "l'"].iter().any(|d| written.starts_with(d))
    }

    /// Whether mention `m` is a wire dateline's town: one word in capitals (more than an
    /// acronym's few letters) opening its paragraph.
    fn is_dateline(&self, m: &Mention, e: &Entity) -> bool {
        let [word] = e.words.as_slice() else { return false };
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        // (fr-bodies s15: a shorter town too when a date follows it, `dated_after`.)
        let town = letters > 5 || letters >= 3 && dated_after(self.text.get(m.pos + word.len()..).unwrap_or(""));
        town && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) && self.paragraph_start(m.pos) == m.pos
    }

    /// (fr-places s16) "La préfecture de l'Aude a indiqué", "le parquet de Paris": a body
    /// named by its noun and a "de" complement is that body, not the place or owner the
    /// complement names, even when that name was met before as a body ("la chambre
    /// d'agriculture de l'Aude"). Whether `e` is named exactly by the phrase's qualifiers
    /// after "de" (a body part, "la direction de Renault", still speaks for its owner).
    fn is_complement_alone(&self, np: &Np, head: &str, e: &Entity) -> bool {
        if BODY_PARTS.contains(&head) || !super::rules_fr::is_french_phrase(&self.text, np) {
            return false;
        }
        let written = fold(self.text.get(np.start..np.end).unwrap_or(""));
        let after_de = [" de ", " du ", " des ", " d'"].iter().any(|d| written.contains(d));
        let quals: Vec<String> = np.quals.iter().map(|q| fold(q)).collect();
        after_de && e.low == quals
    }

    /// The entity a body phrase names right after its noun ("le groupe Renault"), made a
    /// body: a name with no role or gender of a person, set beside the noun (not its
    /// complement, "la préfecture de l'Allier").
    fn body_named_in_phrase(&mut self, np: &Np, head: &str, fits: &impl Fn(&Entity) -> bool) -> Option<usize> {
        let beside_head = |pos: usize| {
            self.text.get(np.start..pos).and_then(|before| before.split_whitespace().last()).is_some_and(|w| fold(w) == head)
        };
        let inside = |m: &Mention, e: &Entity| {
            m.pos > np.start && m.entity != ANONYMOUS && e.head.is_none() && !e.has_role && e.gender == Gender::Unknown && fits(e) && beside_head(m.pos)
        };
        let found = self.latest_since(np.end, np.start, inside)?;
        self.entities[found].kind = Some(SpeakerKind::Organisation);
        Some(found)
    }

    /// The document named by its bare noun ("rapport"), registered on first use.
    fn document_named(&mut self, head: &str) -> usize {
        let low = vec![fold(head)];
        let docs = bucket(self.index.by_document_head.get(head), self.entities.len());
        if let Some(i) = docs.into_iter().find(|&k| {
            let e = &self.entities[k];
            e.kind == Some(SpeakerKind::Document) && e.head.as_deref() == Some(head) && e.low == low
        }) {
            return i;
        }
        self.add_entity(Entity { words: vec![head.to_string()], low, kind: Some(SpeakerKind::Document), head: Some(head.to_string()), ..empty_entity() })
    }

    /// The body of that name, registered on first use.
    fn body_named(&mut self, words: Vec<String>) -> usize {
        let low: Vec<String> = words.iter().map(|w| fold(w)).collect();
        if let Some(i) = self.named_exactly(&low) {
            return i;
        }
        self.add_entity(Entity { words, low, kind: Some(SpeakerKind::Organisation), ..empty_entity() })
    }

    /// "The home affairs select committee": a body described in full is named by that
    /// description (without its article), as written.
    /// `elided`: a noun after an elided article alone names a body too ("L'agence précise",
    /// fr-bodies2); the caller says no for a complement after "de".
    fn described_body(&mut self, written: &str, elided: bool) -> Option<usize> {
        // Drop the article or possessor ("The", "Iran's") that opens the description; a French
        // elided article keeps the noun it is glued to ("l'Observatoire des prix").
        let mut words: Vec<String> = written.split_whitespace().map(str::to_string).collect();
        match words.first().map(|w| fold(w)).and_then(|w| w.strip_prefix("l'").map(str::len)) {
            Some(noun) if noun > 0 => words[0] = words[0].chars().skip(2).collect(),
            _ if !words.is_empty() => drop(words.remove(0)),
            _ => {}
        }
        // "Le fisc défend …": a French body named by its noun alone, met nowhere else, is
        // that body (as "police said" is).
        // (fr-bodies2: "L'intersyndicale dénonce" too, its article elided, where `elided` allows it.)
        let article = written.split_whitespace().next().map(fold);
        let french_noun = words.len() == 1 && (matches!(article.as_deref(), Some("le" | "la")) || elided && super::rules_fr::is_definite_bare_noun(written));
        if words.len() < 2 && !french_noun {
            return None;
        }
        Some(self.body_named(words))
    }

    /// "« … », a annoncé Bernard Cazeneuve. … a indiqué le ministre de l'Intérieur":
    /// writers vary how they name the person they are quoting. A definite role no one in
    /// the article was given is the person with no stated role who spoke in this paragraph
    /// or the one before, or who is named in this very sentence ("Manuel Valls est revenu
    /// sur … : « … », a déclaré le Premier ministre").
    fn roleless_speaker_near(&self, pos: usize) -> Option<usize> {
        let para = self.paragraph_start(pos);
        let window = self.paragraph_start(para.saturating_sub(1));
        let window = if para == 0 { 0 } else { window };
        let sentence = self.sentence_starts[..self.sentence_starts.partition_point(|&s| s <= pos)].last().copied().unwrap_or(0);
        let roleless = |e: &Entity| e.kind == Some(SpeakerKind::Person) && !e.has_role && e.role_words.is_empty() && e.head.is_none();
        self.latest_since(pos, window.min(sentence), |m, e| m.entity != ANONYMOUS && roleless(e) && (m.spoke || m.pos >= sentence))
    }

    /// "Jeanne Roux baisse le rideau. Sa fille, Claire, … « … », confie la commerçante": a
    /// role no one was given is, before anyone introduced with another role, the person
    /// with no stated role (of its gender) who is a subject in this paragraph or the one
    /// before, as a portrait's role nouns stand for the person portrayed.
    fn roleless_subject_near(&self, pos: usize, gender: Gender, french: bool) -> Option<usize> {
        let para = self.paragraph_start(pos);
        let window = if para == 0 { 0 } else { self.paragraph_start(para.saturating_sub(1)) };
        // (French: words that are no role, "Son voisin, Marcel Roudil", leave the person
        // roleless.)
        let roleless = |e: &Entity| e.kind == Some(SpeakerKind::Person) && !e.has_role && (french || e.role_words.is_empty()) && e.head.is_none();
        let agrees = |e: &Entity| gender == Gender::Unknown || e.gender == Gender::Unknown || e.gender == gender;
        self.latest_since(pos, window, |m, e| m.entity != ANONYMOUS && roleless(e) && agrees(e) && !self.oblique.contains(&m.pos))
    }

    /// "Le ministre de l'Intérieur a affirmé … « … », a annoncé Bernard Cazeneuve": a role
    /// in the lead, with no one before it, is the first person with no stated role to
    /// speak soon after.
    /// With `roleless` false, any person speaking in the paragraph right after the lead's
    /// description ("the country's head of counter-terror policing warned … [¶] Assistant
    /// Commissioner Matt Jukes said").
    fn lead_speaker_after(&self, pos: usize, roleless_only: bool) -> Option<usize> {
        let next_paragraph_end = {
            let k = self.paragraph_starts.partition_point(|&s| s <= pos);
            self.paragraph_starts.get(k + 1).copied().unwrap_or(usize::MAX)
        };
        let roleless = |e: &Entity| {
            e.kind == Some(SpeakerKind::Person) && e.head.is_none() && (!roleless_only || !e.has_role && e.role_words.is_empty())
        };
        // Only in a lead: once someone has been named, a role is about them or someone else.
        if pos > LEAD_BYTES
            || self.mentions_before(pos).iter().any(|m| m.entity != ANONYMOUS && self.entities[m.entity].kind == Some(SpeakerKind::Person)) {
            return None;
        }
        let from = self.mentions.partition_point(|m| m.pos <= pos);
        self.mentions[from..]
            .iter()
            .take_while(|m| m.pos < pos + CATAPHORA_BYTES && (roleless_only || m.pos < next_paragraph_end))
            .find(|m| m.spoke && m.entity != ANONYMOUS && roleless(&self.entities[m.entity]))
            .map(|m| m.entity)
    }

    /// "X said in a statement. … the statement added": an unnamed statement (letter,
    /// communiqué) speaks for whoever spoke in the sentence that last mentioned one.
    fn issuer_of_last(&self, head: &str, pos: usize) -> Option<usize> {
        if !ISSUED_WORDS.contains(&head) {
            return None;
        }
        // Only the stretch just before: a long article stays linear.
        let from = floor_char_boundary(&self.text, pos.saturating_sub(ISSUER_BYTES));
        let before = self.text.get(from..pos)?;
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        let at = from
            + before.rmatch_indices(head).map(|(i, _)| i).find(|&i| {
                boundary(before[..i].chars().next_back()) && boundary(before[i + head.len()..].chars().next())
            })?;
        let k = self.sentence_starts.partition_point(|&s| s <= at);
        let sentence = k.checked_sub(1).map_or(0, |i| self.sentence_starts[i]);
        let next = self.sentence_starts.get(k).copied().unwrap_or(usize::MAX);
        let issuer = |e: &Entity| e.kind != Some(SpeakerKind::Document) && e.head.is_none();
        // Who spoke in that sentence ("X said in a statement"), else who it is about ("In a
        // letter to members, the chairman X thanked …").
        // (fr-bodies s14: not someone the document only cites, `is_cited_in_document`.)
        // (fr-docs s17: "« … », a commenté sa directrice, X, citée dans un communiqué": the
        // speaking mention sits at the quote, "citée" after the name; any mention of the
        // entity in the sentence, `cited_in_sentence`.)
        let cited = |m: &Mention| self.is_cited_in_document(m.pos) || self.cited_in_sentence(m.entity, sentence, next);
        self.latest_since(at, sentence, |m, e| m.spoke && m.entity != ANONYMOUS && issuer(e) && !cited(m)).or_else(|| {
            // (A person the article names in full or with a role, after the document.)
            let named_person = |e: &Entity| e.kind == Some(SpeakerKind::Person) && (e.has_role || e.words.len() >= 2);
            // (fr-bodies: "Dans un communiqué, la direction justifie": a body speaking in
            // that sentence after the document issued it.)
            // (fr-bodies s14: "Dans un communiqué, le parquet de X a pris acte": a body
            // opening the clause after the document issued it too, cue or not; never one
            // after a preposition, "une lettre adressée à la mairie", its addressee.)
            let french_document = matches!(head, "communiqué" | "déclaration" | "lettre");
            let speaking_body = |m: &Mention| {
                self.entities[m.entity].kind == Some(SpeakerKind::Organisation)
                    && (m.spoke || french_document && !self.follows_preposition(m.pos))
            };
            let from = self.mentions.partition_point(|m| m.pos <= at);
            self.mentions[from..]
                .iter()
                .take_while(|m| m.pos < next)
                .find(|m| m.entity != ANONYMOUS && issuer(&self.entities[m.entity]) && (named_person(&self.entities[m.entity]) || speaking_body(m)))
                .map(|m| m.entity)
        })
    }

    /// fr-bodies s14: "X a mobilisé ses techniciens. « … », a précisé un porte-parole du
    /// gestionnaire du réseau": a spokesperson of a singular agent noun (-aire, -eur,
    /// -ant: "l'opérateur", "le fournisseur", "l'exploitant") that names no person's role
    /// speaks for the body named in the same paragraph, a company the noun describes.
    fn agent_periphrasis_body(&self, noun: &str, pos: usize) -> Option<usize> {
        let lx = Lexicon::get();
        let agent = ["aire", "eur", "ant"].iter().any(|e| noun.ends_with(e)) && noun.chars().count() > 5;
        if !agent || lx.role(noun) == Some(SpeakerKind::Person) || lx.descriptor(noun).is_some() {
            return None;
        }
        let company = |m: &Mention, e: &Entity| {
            m.entity != ANONYMOUS
                && e.head.is_none()
                && matches!(e.kind, None | Some(SpeakerKind::Organisation))
                && e.gender == Gender::Unknown
                && !e.has_role
                && e.words.first().is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) && !lx.first_names.contains_key(w.as_str()))
                && !lx.is_place_name(&e.low)
                && !lx.place_names.contains(&e.low)
                && !self.is_dateline(m, e)
        };
        self.latest_since(pos, self.paragraph_start(pos), company)
    }

    /// fr-bodies s14: "La direction assure avoir « … »": a body's management with no
    /// complement is the company the article introduced with a company noun ("la société
    /// X", "le groupe X", `rules_fr::COMPANY_NOUNS`), named last before `pos`; else a
    /// registered body of that noun ("direction régionale de X"), else the body that spoke
    /// in the lead, else it speaks as written ("direction"). Never merely the last body
    /// heard, which is as often the union or the ministry facing it.
    fn bare_body_part(&mut self, pos: usize, head: &str, written: &str) -> Option<usize> {
        let lx = Lexicon::get();
        let introduced = |m: &Mention, e: &Entity| {
            // (The company noun right before the name: the last word before it. Read after
            // the entity's own tests, which cost less than folding text.)
            let noun = || self.text_before(m.pos).and_then(|t| t.split_whitespace().next_back()).map(fold);
            e.head.is_none() && e.opens_capitalised() && !e.looks_like_person(lx) && noun().is_some_and(|w| super::rules_fr::COMPANY_NOUNS.contains(&w.as_str()))
        };
        let org = |e: &Entity| e.kind == Some(SpeakerKind::Organisation);
        self.latest(pos, |m, e| m.entity != ANONYMOUS && introduced(m, e))
            // ("la direction régionale de X" registered before: that body.)
            // (Registered at this very phrase too: mentions up to its start.)
            .or_else(|| self.latest(pos + 1, |_, e| org(e) && e.low.iter().any(|w| w == head)))
            // (The body that spoke in the lead, "a annoncé la X, qui …": the article's own.)
            .or_else(|| self.latest(pos.min(LEAD_BYTES), |m, e| m.spoke && org(e) && e.opens_capitalised() && !self.is_dateline(m, e)))
            .or_else(|| self.described_body(written, false))
    }

    /// (fr-places s16) "La direction invoque « … », selon un communiqué": an issued document
    /// with no owner named, in a sentence that names no body but opens on a definite body
    /// noun ("La direction", "Le parquet"), is the words of that body: the one the noun
    /// stands for (`bare_body_part` for a part of a company, else the body introduced with
    /// that noun), else the noun as written. `pos` is where the document is named.
    fn body_noun_opening_sentence(&mut self, pos: usize) -> Option<usize> {
        let k = self.sentence_starts.partition_point(|&s| s <= pos);
        let start = k.checked_sub(1).map_or(0, |i| self.sentence_starts[i]);
        let opening = self.text.get(start..pos)?.trim_start();
        let mut words = opening.split_whitespace();
        let first = words.next().map(fold)?;
        let (written_len, noun) = match first.strip_prefix("l'") {
            Some(noun) if !noun.is_empty() => (first.len(), noun.to_string()),
            _ if matches!(first.as_str(), "le" | "la") => {
                let noun = fold(words.next()?);
                (opening.find(|c: char| c.is_whitespace())? + 1 + noun.len(), noun)
            }
            _ => return None,
        };
        if Lexicon::get().role(&noun) != Some(SpeakerKind::Organisation) {
            return None;
        }
        let written = opening.get(..written_len).unwrap_or("").to_string();
        if BODY_PARTS.contains(&noun.as_str()) {
            return self.bare_body_part(start, &noun, &written);
        }
        self.generic_body_antecedent(&noun, start).or_else(|| self.described_body(&written, true))
    }

    /// fr-bodies s14: "Le parquet de Vierzon a ouvert une enquête « … », selon un
    /// communiqué": an issued document with no owner named is the words of the body its
    /// own sentence names first (before `pos`), the subject that issued it. Only a body:
    /// a person's words "selon un communiqué" are most often a statement of their office.
    fn issuer_in_own_sentence(&self, pos: usize) -> Option<usize> {
        let k = self.sentence_starts.partition_point(|&s| s <= pos);
        let sentence = k.checked_sub(1).map_or(0, |i| self.sentence_starts[i]);
        let from = self.mentions.partition_point(|m| m.pos < sentence);
        let body = |m: &Mention| {
            let e = &self.entities[m.entity];
            m.entity != ANONYMOUS && e.kind == Some(SpeakerKind::Organisation) && e.head.is_none() && !self.is_dateline(m, e) && !self.follows_preposition(m.pos)
        };
        self.mentions[from..].iter().take_while(|m| m.pos < pos).find(|m| body(m)).map(|m| m.entity)
    }

    /// "a commenté sa directrice, X, citée dans un communiqué": a person the document
    /// cites (the word "cité(e)(s)" within a few words after the mention at `pos`) spoke in
    /// it but did not issue it; the body behind it did.
    fn is_cited_in_document(&self, pos: usize) -> bool {
        let after = self.text.get(pos..).unwrap_or("");
        let window: String = after.chars().take(80).collect();
        let folded = fold(&window);
        folded.split([',', ' ']).take(8).any(|w| matches!(w, "cite" | "citee" | "cites" | "citees" | "cité" | "citée" | "cités" | "citées"))
    }

    /// fr-docs s17: whether a mention of `entity` between `from` and `to` (a sentence) is
    /// one a document cites ([`Self::is_cited_in_document`]). Reads the sentence's mentions.
    fn cited_in_sentence(&self, entity: usize, from: usize, to: usize) -> bool {
        let first = self.mentions.partition_point(|m| m.pos < from);
        self.mentions[first..].iter().take_while(|m| m.pos < to).any(|m| m.entity == entity && self.is_cited_in_document(m.pos))
    }

    /// Whether the word before `pos` is a preposition ("à la mairie", "au ministère", "to
    /// the council"): what follows is an addressee or a complement, not a subject.
    fn follows_preposition(&self, pos: usize) -> bool {
        let before = self.text.get(..pos).unwrap_or("");
        let word = before.split_whitespace().next_back().map(fold).unwrap_or_default();
        matches!(word.as_str(), "a" | "à" | "au" | "aux" | "de" | "du" | "des" | "par" | "pour" | "avec" | "to" | "of" | "by")
    }

    /// fr-bodies: "Dans un communiqué, la direction justifie … Le texte évoque « … »": a
    /// generic document noun no registered document answers is the issued document
    /// (ISSUED_WORDS) named last before `pos`, so it speaks as that document's issuer.
    fn issuer_of_generic_document(&self, pos: usize) -> Option<usize> {
        let from = floor_char_boundary(&self.text, pos.saturating_sub(ISSUER_BYTES));
        let before = self.text.get(from..pos)?;
        let (_, word) = ISSUED_WORDS.iter().filter_map(|w| before.rfind(w).map(|at| (at, *w))).max()?;
        self.issuer_of_last(word, pos)
    }

    /// Where the paragraph holding `pos` starts (0 if none).
    fn paragraph_start(&self, pos: usize) -> usize {
        let k = self.paragraph_starts.partition_point(|&s| s <= pos);
        k.checked_sub(1).map_or(0, |i| self.paragraph_starts[i])
    }

    /// The longest person or organisation whose whole name is among the phrase's qualifiers.
    fn named_in_quals(&self, np: &Np) -> Option<usize> {
        // (fr-bodies: an entity all of whose words are qualifiers ends on one of them, so
        // the buckets of the qualifiers' words hold every match: no scan of the registry.)
        let mut ids: Vec<usize> = np.quals.iter().flat_map(|q| bucket(self.index.by_last_word.get(q), self.entities.len())).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .map(|i| (i, &self.entities[i]))
            .filter(|(i, e)| *i != ANONYMOUS && e.head.is_none() && !e.low.is_empty() && e.low.iter().all(|w| np.quals.contains(w)))
            .max_by_key(|(_, e)| e.low.len())
            .map(|(i, _)| i)
    }

    /// "Le nouveau gouvernement s'est donné … Il a cependant déclaré": the subject of the
    /// sentence before stands for il/elle when it agrees in gender and can speak (a person,
    /// or a body when `body` allows it; never a document or a place).
    pub fn resolve_agreeing(&mut self, np: &Np, gender: Gender, body: bool) -> Option<usize> {
        let (entities, mentions) = (self.entities.len(), self.mentions.len());
        let found = self.resolve(np).filter(|&e| {
            let x = &self.entities[e];
            e != ANONYMOUS
                // (fr-pron: or a document opening the sentence before, "Le rapport …".)
                && (x.kind == Some(SpeakerKind::Person) || body && matches!(x.kind, Some(SpeakerKind::Organisation | SpeakerKind::Document)))
                && (x.gender == Gender::Unknown || gender == Gender::Unknown || x.gender == gender)
        });
        match found {
            None => self.undo_resolve(np, entities, mentions),
            // (fr-pron: "elle" standing for the subject before tells its gender.)
            Some(e) if super::rules_fr::is_french_phrase(&self.text, np) => self.learn_gender(e, Some(gender)),
            Some(_) => {}
        }
        found
    }

    /// Like [`Registry::resolve`], but only to a person the article already knows.
    pub fn resolve_known_person(&mut self, np: &Np) -> Option<usize> {
        let before = self.entities.len();
        let mentions = self.mentions.len();
        let found = self
            .resolve(np)
            .filter(|&e| e < before && e != ANONYMOUS && self.entities[e].kind == Some(SpeakerKind::Person));
        if found.is_none() {
            self.undo_resolve(np, before, mentions);
        }
        found
    }

    /// The relative a French possessed kinship noun names (see `relative_of_owner`), noted
    /// as speaking there; None when the article named none.
    pub fn resolve_relative(&mut self, np: &Np) -> Option<usize> {
        let g = super::rules_fr::possessed_kin(&self.text, np)?;
        let e = self.relative_of_owner(np, g)?;
        self.note_speaker(np.start, e);
        Some(e)
    }

    /// Like [`Registry::resolve`], but only to an entity that has already spoken.
    pub fn resolve_if_quoted(&mut self, np: &Np) -> Option<usize> {
        let before = self.entities.len();
        let mentions = self.mentions.len();
        let found = self.resolve(np).filter(|&e| {
            let reach = self.mentions.partition_point(|m| m.pos < np.start.saturating_sub(RESOLVE_REACH_BYTES));
            self.mentions_before(np.start).get(reach..).unwrap_or(&[]).iter().any(|m| m.spoke && m.entity == e)
        });
        if found.is_none() {
            self.undo_resolve(np, before, mentions);
        }
        found
    }

    /// Forget what a refused [`Registry::resolve`] of `np` added: the entities it
    /// registered and the speakers it noted. Resolve notes speakers only at `np.start`,
    /// each after every mention already there, so they are the last ones at that place.
    fn undo_resolve(&mut self, np: &Np, entities: usize, mentions: usize) {
        for (i, e) in self.entities.iter().enumerate().skip(entities) {
            self.index.forget(i, e);
        }
        self.entities.truncate(entities);
        let added = self.mentions.len() - mentions;
        let end = self.mentions.partition_point(|m| m.pos <= np.start);
        debug_assert!(self.mentions[end - added..end].iter().all(|m| m.pos == np.start && m.spoke));
        self.mentions.drain(end - added..end);
    }

    /// Every named mention as (byte offset, entity, speaking there, only an owner or
    /// complement), in text order: what the learned ranker reads.
    pub(crate) fn mention_view(&self) -> Vec<(usize, usize, bool, bool)> {
        self.mentions.iter().filter(|m| m.entity != ANONYMOUS).map(|m| (m.pos, m.entity, m.spoke, self.oblique.contains(&m.pos))).collect()
    }

    /// The article text and where its sentences start: what the learned ranker reads
    /// sentence subjects and quote words from.
    pub(crate) fn text_and_sentences(&self) -> (&str, &[usize]) {
        (&self.text, &self.sentence_starts)
    }

    pub fn speaker(&self, entity: usize) -> Option<Speaker> {
        if entity == ANONYMOUS {
            return None;
        }
        let e = self.entities.get(entity)?;
        if Lexicon::get().is_never_speaker(&e.low) {
            return None;
        }
        // "Cnil" met on its own stands for the long form the article gave it.
        if let [word] = e.low.as_slice()
            && let Some(long) = self.with_alias(word)
        {
            return Some(self.entities[long].speaker());
        }
        Some(e.speaker())
    }
}

/// A frame's speech cues and the subject phrase of each.
type FrameCues = (Vec<super::attribution::Cue>, Vec<Option<Np>>);

/// The speech cues of each frame and their subjects, found once.
fn frame_subjects(frames: &[Vec<Tok>]) -> Vec<FrameCues> {
    frames
        .iter()
        .map(|toks| {
            let cues = find_cues(toks);
            let nps = (0..cues.len()).map(|ci| speaker_of_cue(toks, 0, toks.len(), &cues, ci, false)).collect();
            (cues, nps)
        })
        .collect()
}

/// What reading the frames finds before any entity is made: the candidate names (those of
/// a title-case headline capped), the documents, and the names written as places.
struct FrameReading {
    cands: Vec<Candidate>,
    docs: Vec<(usize, Np, Vec<String>)>,
    places: HashSet<Vec<String>>,
}

/// The names and documents of every frame, each frame's speakers marked among its names.
fn read_frames(frames: &[Vec<Tok>], subjects: &[FrameCues]) -> FrameReading {
    let mut cands: Vec<Candidate> = Vec::new();
    let mut docs: Vec<(usize, Np, Vec<String>)> = Vec::new();
    let mut in_headline: Vec<bool> = Vec::new();
    let mut places = HashSet::new();
    for (toks, (_, nps)) in frames.iter().zip(subjects) {
        // A frame's subjects can only be among the names of that frame: looking only
        // there keeps a long article linear.
        let first = cands.len();
        collect_names(toks, &mut cands, &mut places);
        collect_documents(toks, &mut docs);
        mark_speakers(nps, &mut cands[first..]);
        in_headline.resize(cands.len(), super::rules_en::is_title_case_headline(toks));
    }
    cap_headline_names(&mut cands, &in_headline);
    FrameReading { cands, docs, places }
}

/// "Elizabeth Warren Hammers Wells Fargo CEO": in a Title Case headline every word is
/// capitalised, so a name runs on into the verb after it; it is cut back to the longest
/// name the rest of the text writes the same way ("Elizabeth Warren").
fn cap_headline_names(cands: &mut [Candidate], in_headline: &[bool]) {
    let known: HashSet<Vec<String>> = cands.iter().zip(in_headline).filter(|(c, h)| !**h && c.words.len() >= 2).map(|(c, _)| c.words.clone()).collect();
    for (c, _) in cands.iter_mut().zip(in_headline).filter(|(_, h)| **h) {
        if let Some(n) = (2..c.words.len()).rev().find(|&n| known.contains(&c.words[..n])) {
            c.words.truncate(n);
        }
    }
}

fn empty_entity() -> Entity {
    Entity {
        words: Vec::new(),
        low: Vec::new(),
        kind: None,
        role_words: HashSet::new(),
        has_role: false,
        gender: Gender::Unknown,
        head: None,
        alias: None,
    }
}

fn ends_with(full: &[String], part: &[String]) -> bool {
    !part.is_empty() && full.len() >= part.len() && full[full.len() - part.len()..] == *part
}

/// Role and affiliation words: prepositions other than genitives stay ("analyst at").
fn content(toks: &[Tok]) -> Vec<String> {
    content_words_except(toks, &GENITIVES)
}

fn is_person_role(t: &Tok) -> bool {
    t.is_word() && Lexicon::get().role(&t.low) == Some(SpeakerKind::Person)
}

/// Every capitalised name in a frame, with the role words around it.
/// `places`: the folded words of each name read as a place and left out (fr-bodies s17).
fn collect_names(toks: &[Tok], out: &mut Vec<Candidate>, places: &mut HashSet<Vec<String>>) {
    let lx = Lexicon::get();
    let mut i = 0;
    // Where a run was cut before a capitalised word ("LFI | Antoine Léaument"): a new
    // name starts there.
    let mut resume_at = None;
    while i < toks.len() {
        if !opens_name_run(toks, i, resume_at) {
            i += 1;
            continue;
        }
        // "L'Union européenne" opening a sentence: the elided article is not part of the name.
        if super::lexicon::ELISIONS.contains(&toks[i].low.as_str()) {
            i += 1;
            resume_at = Some(i);
            continue;
        }
        let mut r = name_run_end(toks, i, toks.len(), RunJoins::Mention);
        if super::attribution::number_ends_name(toks, r) {
            r += 1;
        }
        r = super::rules_fr::institution_name_end(toks, i, r, toks.len());
        let (title, mut s, r) = title_opening_run(toks, i, r);
        while s < r && lx.is_function_word(&toks[s].low) {
            s += 1;
        }
        // (fr-bodies: "A Valcourt, le directeur …": "A" for "À", no initial.)
        if s + 1 < r && super::rules_fr::a_written_for_a_grave(toks, s) {
            s += 1;
        }
        // "le Kényan Daniel Mwangi": a demonym is not part of the name.
        if s < r && super::rules_fr::is_demonym_before_name(toks, s, r - 1) {
            s += 1;
        }
        let parts = name_parts(toks, s, r);
        let last_part = parts.last().copied();
        for &(a, b) in &parts {
            let run = NameRun { run_start: i, s, r, title, is_last: Some((a, b)) == last_part };
            name_candidate(toks, &run, a, b, out, places);
        }
        if r > i && r < toks.len() && toks[r].is_cap() {
            resume_at = Some(r);
        }
        i = r.max(i + 1);
    }
}

/// Whether a name's capitalised run opens at `toks[i]`: a capitalised word not inside a run
/// (unless a run was cut right before it, `resume_at`), nor a sentence's opening participle
/// or noun with its complement.
fn opens_name_run(toks: &[Tok], i: usize, resume_at: Option<usize>) -> bool {
    // (fr-names: and "Réponse du maire :", sentences::noun_with_complement_opening.)
    !(!toks[i].is_cap()
        || (i > 0 && toks[i - 1].is_cap() && resume_at != Some(i))
        || super::rules_en::is_opening_participle(toks, i)
        || super::rules_fr::participle_opening_sentence(toks, i)
        || super::sentences::noun_with_complement_opening(toks, i))
}

/// The gender a title gives and whether there was one ("Dr Jamie Shea", "M. Poupard"), for
/// the run `toks[i..r]`; with where the name after the title starts and the run's end
/// (the capitalised words after the title).
fn title_opening_run(toks: &[Tok], i: usize, mut r: usize) -> (Option<Gender>, usize, usize) {
    let lx = Lexicon::get();
    let mut s = i;
    if let Some(g) = lx.title(&toks[i].text).or_else(|| {
        toks.get(i + 1).filter(|n| n.text == ".").and_then(|_| lx.title(&format!("{}.", toks[i].text)))
    }) {
        let mut n = i + 1;
        if toks.get(n).is_some_and(|t| t.text == ".") {
            n += 1;
        }
        if toks.get(n).is_some_and(Tok::is_cap) {
            s = n;
            r = r.max(n);
            while r < toks.len() && toks[r].is_cap() {
                r += 1;
            }
            return (Some(g), s, r);
        }
    }
    (None, s, r)
}

/// The names in the run `toks[s..r]`: split at role words ("Europol Director Rob
/// Wainwright") and before a known first name inside it ("Security Mike Burgess").
fn name_parts(toks: &[Tok], s: usize, r: usize) -> Vec<(usize, usize)> {
    let lx = Lexicon::get();
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut a = s;
    for (k, t) in toks.iter().enumerate().take(r).skip(s) {
        // (A title inside the run too: "Wisconsin Gov. Jim Doyle"; not a surname that
        // is also a role word: "Peter T. King".)
        if (is_person_role(t) || t.text.len() > 2 && lx.title(&t.text).is_some()) && !super::rules_en::is_surname_role_word(toks, k, r) {
            // ("Former Arkansas Gov. Mike Huckabee": what stands before a title
            // abbreviation qualifies it and names no one.)
            // Nor do two or more words with no body's noun before a role and a name
            // ("Alabama Securities Commissioner Thomas Krebs").
            let qualifier = k >= a + 2 && k + 1 < r && !toks[a..k].iter().any(|w| lx.is_org_word(&w.low) || is_acronym(w));
            if a < k && !super::rules_en::is_title_abbreviation(t) && !qualifier {
                parts.push((a, k));
            }
            a = k + 1;
        }
    }
    if a < r {
        // "Security Mike Burgess": a known first name inside the run starts the name.
        let first_name_at = (a + 1..r.saturating_sub(1)).find(|&k| {
            lx.first_names.contains_key(toks[k].text.as_str()) && !lx.first_names.contains_key(toks[k - 1].text.as_str())
        });
        // "Le député de la Manche Bertrand Lecoq": a name we cannot tell by its first name
        // closing a role's complement, as the cue's phrase reads it (rules_fr).
        let closing_a_complement = || {
            let role = (a.saturating_sub(4)..a).rev().find(|&p| is_person_role(&toks[p]))?;
            super::rules_fr::name_closing_a_role_complement(toks, role, r - 1).filter(|&f| f > a)
        };
        match first_name_at.or_else(closing_a_complement) {
            Some(f) => {
                parts.push((a, f));
                parts.push((f, r));
            }
            None => parts.push((a, r)),
        }
    }
    parts
}

/// The capitalised run a name was read from: it opens at `run_start`, its name (past a
/// title) at `s`, it ends at `r`; the gender its title gives; whether the name is the run's
/// last part (the one a title and roles around the run belong to).
struct NameRun {
    run_start: usize,
    s: usize,
    r: usize,
    title: Option<Gender>,
    is_last: bool,
}

/// The candidate named by `toks[a..b]`, one part of `run`, pushed to `out`; or, for a
/// place, its words noted in `places`; or nothing ("Florida Friday", a lone letter).
fn name_candidate(toks: &[Tok], run: &NameRun, a: usize, b: usize, out: &mut Vec<Candidate>, places: &mut HashSet<Vec<String>>) {
    let lx = Lexicon::get();
    let NameRun { run_start: i, s, r, title, is_last } = *run;
    let titled = title.is_some();
    // "Yanis B.", "Comey Jr.": a surname cut to its initial, a suffix, keep their stop.
    let mut words = name_words(toks, a, b);
    // (fr-places2: "l'intersyndicale CGT-CFDT-FO": a list of acronyms is named by the
    // coalition's noun before it, `coalition_noun_before_acronym_list`.)
    if let Some(noun) = super::rules_fr::coalition_noun_before_acronym_list(toks, a, b) {
        words.insert(0, noun);
    }
    // "Arkéa-B&B": a lone letter is a piece of a brand or an initial, never a name.
    if let [w] = words.as_slice()
        && w.trim_end_matches('.').chars().count() == 1
    {
        return;
    }
    // "Florida Friday": words that are each a place or a day make no name.
    if words.len() >= 2 && words.iter().all(|w| lx.is_never_speaker(&[fold(w)])) {
        return;
    }
    let mut c = Candidate {
        plain_name: is_plain_name(toks, a, b),
        oblique: is_oblique_name(toks, i, a, b, titled),
        pos: toks[a].start,
        words,
        gender: if is_last { title.unwrap_or(Gender::Unknown) } else { Gender::Unknown },
        person: is_last && titled,
        // (fr-bodies: "Santé publique France", "Union européenne": a lower-case
        // institution adjective inside a name is a body's, never a person's.)
        org: toks[a..b].iter().any(|t| t.is_lower_word() && super::rules_fr::is_inner_name_adjective(&t.low)),
        role_words: Vec::new(),
        has_role: false,
        spoke: false,
    };
    if is_last && b == r {
        role_context(toks, i, s, a, r, &mut c);
        kind_told_around(toks, a, r, &mut c);
    }
    // "À Redon, l'eau est montée": a place after its preposition is no one to quote
    // ("à l'entrée de Villaines-la-Juhel": a commune's name wherever it stands.)
    let commune = b == a + 1 && super::rules_fr::is_commune_name(&toks[a].text);
    // ("de l'hôtel de Roquelaure, la ministre …": a role after it is the next phrase's.)
    let place_noun = super::rules_fr::is_place_after_place_noun(toks, a);
    // (fr-bodies: "X (Renaissance, Yvelines)": a party and a constituency are labels.)
    let label = super::rules_fr::is_in_label_brackets(toks, a, b);
    if commune || place_noun || label || !c.person && !c.has_role && super::rules_fr::is_place_after_preposition(toks, a, b) {
        if !label {
            places.insert(c.words.iter().map(|w| fold(w)).collect());
        }
        return;
    }
    out.push(c);
}

/// Whether `toks[a..b]` reads as a plain name: title-case words, none an organisation word
/// or acronym, with no article before them ("Tom Reilly", not "the Middle East"), not the
/// tail of a longer name nor a place after its preposition.
fn is_plain_name(toks: &[Tok], a: usize, b: usize) -> bool {
    let lx = Lexicon::get();
    let no_article = a == 0 || !toks[a - 1].is_word() || !DETERMINERS.contains(&toks[a - 1].low.as_str());
    // "Institute for Strategic Dialogue": the tail of a longer name, not a person.
    let tail_of_name = a >= 2
        && toks[a - 1].is_lower_word()
        && matches!(toks[a - 1].low.as_str(), "for" | "of" | "on" | "and" | "de" | "du" | "des" | "pour" | "et")
        && toks[a - 2].is_cap();
    // "across East Africa", "à Marseille": places, not people.
    let after_place_word = a >= 1
        && matches!(
            toks[a - 1].low.as_str(),
            "in" | "across" | "at" | "near" | "throughout" | "to" | "into" | "from" | "towards" | "à" | "en" | "dans" | "vers" | "au" | "aux"
        );
    // ("La découverte revient à Claire Vidalenc": after a French preposition of
    // place, a first name and a surname still name a person.)
    let person_after_french_preposition = a >= 1
        && b - a >= 2
        && matches!(toks[a - 1].low.as_str(), "à" | "en" | "dans" | "vers" | "au" | "aux")
        && lx.first_names.contains_key(toks[a].text.as_str());
    let after_place_word = after_place_word && !person_after_french_preposition;
    let no_article = no_article && !tail_of_name && !after_place_word;
    let title_case = toks[a..b].iter().all(|t| !is_acronym(t) && !lx.is_org_word(&t.low) && t.text.chars().skip(1).any(char::is_lowercase));
    no_article && title_case
}

/// Whether the name `toks[a..b]` (of the run opening at `i`, `titled` when a title opens
/// it) is mentioned as an owner ("X's") or a complement ("of", "de", "avec"): never the
/// subject a later "he" or "il" goes back to first.
fn is_oblique_name(toks: &[Tok], i: usize, a: usize, b: usize, titled: bool) -> bool {
    toks.get(b).is_some_and(|t| t.low == "'s" || t.text == "’s")
        || (a > 0 && GENITIVES.contains(&toks[a - 1].low.as_str()))
        // "alors qu'il devait déjeuner avec Sollacaro. Très ému, il confie": a
        // French name governed by a preposition is not who a later il/elle is.
        || (a > 0 && FR_OBLIQUE_PREPOSITIONS.contains(&toks[a - 1].low.as_str()))
        || super::rules_fr::apposed_to_oblique(toks, a)
        // ("la société de M. Kerboul": a complement behind its title too; not after
        // "par", "la défense, assurée par Me Pichon", where the agent is in view.)
        || (titled && i > 0 && matches!(toks[i - 1].low.as_str(), "de" | "du" | "des" | "d'"))
        // "la politique du président José Bauzà": behind its title too.
        || (a > 1
            && is_person_role(&toks[a - 1])
            && (matches!(toks[a - 2].low.as_str(), "du" | "des" | "au" | "aux") || FR_OBLIQUE_PREPOSITIONS.contains(&toks[a - 2].low.as_str())))
        // "dessiné par l'architecte Pierre Lenoir", "avec la juge X": behind an
        // article and a title.
        || (a > 2
            && is_person_role(&toks[a - 1])
            && matches!(toks[a - 2].low.as_str(), "le" | "la" | "l'")
            && (matches!(toks[a - 3].low.as_str(), "de" | "d'") || FR_OBLIQUE_PREPOSITIONS.contains(&toks[a - 3].low.as_str())))
}

/// What the words around the name `toks[a..r]` tell of its kind: a court's defendant, a
/// body noun it is apposed to, an age after it.
fn kind_told_around(toks: &[Tok], a: usize, r: usize, c: &mut Candidate) {
    // ("… a condamné Kevin Roche": the one "le prévenu" and "l'accusé" stand for.)
    if super::rules_fr::is_court_defendant(toks, a, r) {
        c.role_words.extend(super::rules_fr::DEFENDANT_ROLES.iter().map(|w| w.to_string()));
        c.has_role = true;
        c.person = true;
    }
    if super::rules_fr::is_apposed_to_body_noun(toks, a) && !c.has_role {
        c.org = true;
    }
    // "Sofiane, 28 ans,", "Jake, 17, said": an age after a name is a person's.
    let age = |t: &Tok| t.text.len() <= 3 && t.text.chars().all(|ch| ch.is_ascii_digit());
    if toks.get(r).is_some_and(|t| t.text == ",")
        && toks.get(r + 1).is_some_and(age)
        && toks.get(r + 2).is_some_and(|t| matches!(t.low.as_str(), "ans" | "an" | "years" | "year" | ","))
    {
        c.person = true;
    }
}

/// Role words around the name `toks[a..r]` (whose capitalised run starts at `s`): a title
/// inside the run, a role right before the run, a role phrase before a comma, an
/// affiliation and an appositive after the name. Each reading is a function of its own.
fn role_context(toks: &[Tok], run_start: usize, s: usize, a: usize, r: usize, c: &mut Candidate) {
    // Title inside the run.
    if s < a {
        add_role_words(content(&toks[s..a]), c);
    }
    role_right_before_run(toks, run_start, a, r, c);
    role_phrase_before_comma(toks, run_start, c);
    let k = affiliation_after(toks, r, c);
    apposed_role_after(toks, k, c);
}

/// `words` added to the candidate's role words; a person's role among them makes it a
/// person with a role.
fn add_role_words(words: Vec<String>, c: &mut Candidate) {
    let lx = Lexicon::get();
    if words.iter().any(|w| lx.role(w) == Some(SpeakerKind::Person)) {
        c.has_role = true;
        c.person = true;
    }
    c.role_words.extend(words);
}

/// The role right before the capitalised run that opens at `run_start` (the name is
/// `toks[a..r]`): "Europol director Rob Wainwright".
fn role_right_before_run(toks: &[Tok], run_start: usize, a: usize, r: usize, c: &mut Candidate) {
    let lx = Lexicon::get();
    // Lower-case role just before: "Europol director Rob Wainwright".
    // "le procureur antiterroriste Olivier Christen": up to two adjectives after the role.
    // "le député LFI Antoine Léaument": a party or agency acronym there too; the
    // acronym itself, followed by the name, is not the one given the role.
    // (So is a party label alone, "le député Nupes-EELV de Paris": never a person.)
    let party_label = |t: &Tok| t.text.split('-').any(|part| part.chars().count() >= 2 && part.chars().all(char::is_uppercase));
    let acronym_before_name = r - a == 1 && (is_acronym(&toks[a]) && toks.get(r).is_some_and(Tok::is_cap) || party_label(&toks[a]));
    // "l'ancien patron de la DGSI Nicolas Lerner": the role's body in between.
    let of_body = |t: &Tok| matches!(t.low.as_str(), "de" | "du" | "d'" | "la" | "le" | "l'" | "of" | "the");
    let role_at = (run_start.saturating_sub(5)..run_start).rev().find(|&p| {
        let adjective = |t: &Tok| {
            (t.is_lower_word() && t.text.chars().count() > 3 && t.text.chars().all(char::is_alphabetic) && !lx.is_function_word(&t.low) && lx.role(&t.low).is_none())
                || is_acronym(t)
                || of_body(t)
        };
        let between = &toks[p + 1..run_start];
        // With a body in between, the name comes after that body, not as it.
        // "le ministre de l'intérieur Gérard Collomb": a full name with a known first name
        // after the body is the one given the role.
        let full_name = r - a >= 2 && lx.first_names.contains_key(toks[a].text.as_str());
        // (French: "joueur mythique de l'AS Saint-Étienne", "attaquant du FC Nantes": one
        // word with no first name right after the body's acronym goes on naming the body.)
        let club = between.iter().any(|t| matches!(t.low.as_str(), "de" | "du" | "d'"))
            && between.last().is_some_and(is_acronym)
            && r - a == 1
            && !lx.first_names.contains_key(toks[a].text.as_str());
        let body_named = (!between.iter().any(of_body) || between.last().is_some_and(|t| t.is_cap() || is_acronym(t)) || full_name) && !club;
        // (fr-people: "le capitaine et troisième-ligne X": a second role coordinated after
        // the first, rules_fr::is_second_role_of_pair.)
        is_person_role(&toks[p]) && (between.iter().all(adjective) || super::rules_fr::is_second_role_of_pair(between)) && body_named
    });
    let role_at = role_at.filter(|_| !acronym_before_name);
    if let Some(p) = role_at {
        let run_start = p + 1;
        let mut b = run_start - 1;
        while b > 0 && b + 6 > run_start && toks[b - 1].is_word() {
            b -= 1;
        }
        add_role_words(content(&toks[b..run_start]), c);
    }
}

/// The role phrase before a comma that ends right before the run opening at `run_start`.
fn role_phrase_before_comma(toks: &[Tok], run_start: usize, c: &mut Candidate) {
    let lx = Lexicon::get();
    // Role phrase before a comma: "NATO Deputy Assistant Secretary General …, Dr Jamie Shea,".
    if run_start >= 2 && toks[run_start - 1].text == "," {
        // (fr-people: "Le maire (divers droite), X,": past a bracketed label,
        // rules_fr::before_bracketed_label.)
        let end = super::rules_fr::before_bracketed_label(toks, run_start - 1);
        let mut b = end;
        // A speech verb ends the phrase: in "Judge X told the defendant, Y," the role
        // before Y is "the defendant", not the judge's.
        let is_verb = |t: &Tok| t.is_lower_word() && lx.role(&t.low).is_none() && (lx.en_cues.contains(t.low.as_str()) || lx.fr_cues.contains(t.low.as_str()) || lx.fr_participles.contains(t.low.as_str()));
        while b > 0 && end - b < 14 && toks[b - 1].is_word() && !is_verb(&toks[b - 1]) {
            b -= 1;
        }
        let seg = &toks[b..end];
        if seg.iter().any(is_person_role) && seg.first().is_some_and(Tok::is_cap) {
            add_role_words(content(seg), c);
        } else if let Some(p) = (end.saturating_sub(8).max(b)..end).rev().find(|&k| is_person_role(&toks[k])) {
            // "se félicite le garde des Sceaux, Paul Mercier,": a role phrase that ends
            // right before the comma, from its article on.
            let from = (p.saturating_sub(3).max(b)..p).rev().find(|&k| DETERMINERS.contains(&toks[k].low.as_str()));
            if let Some(from) = from {
                add_role_words(content(&toks[from..end]), c);
                // (fr-people2: "a défendu le maire, Dominique Garnier": the article tells
                // an epicene name's gender, people_fr::gender_told_by_apposed_article.)
                apposed_article_gender(&toks[from], c);
            }
        }
        // (fr-people2: "Le maire, Dominique Garnier,": as above.)
        if seg.iter().any(is_person_role) && seg.first().is_some_and(Tok::is_cap) {
            apposed_article_gender(&seg[0], c);
        }
    }
}

/// The affiliation after the name ending at `r` ("of the Counter Extremism Project", "de
/// l'Inserm"), added to its role words; returns where the name's phrase goes on.
fn affiliation_after(toks: &[Tok], r: usize, c: &mut Candidate) -> usize {
    // Affiliation: "Joshua Fisher-Birch of the Counter Extremism Project".
    let mut k = r;
    if toks.get(k).is_some_and(|t| matches!(t.low.as_str(), "of" | "from" | "at" | "de" | "d'")) {
        let mut e = k + 1;
        while e < toks.len() && e < k + 8 && toks[e].is_word() {
            e += 1;
        }
        c.role_words.extend(content(&toks[k + 1..e]));
        k = e;
    }
    k
}

/// The appositive after the name and its affiliation, from `k` on: "Rob Wainwright, le
/// directeur d'Europol," / "Poupard, head of …".
fn apposed_role_after(toks: &[Tok], k: usize, c: &mut Candidate) {
    let lx = Lexicon::get();
    // Appositive after: "Rob Wainwright, le directeur d'Europol," / "Poupard, head of …".
    if toks.get(k).is_some_and(|t| t.text == ",") {
        let from = k + 1;
        let mut e = from;
        while e < toks.len() && e < from + 16 && toks[e].kind != TokKind::Punct || e < toks.len() && toks[e].text == "’" {
            e += 1;
        }
        let seg = &toks[from..e.min(toks.len())];
        let first_role = seg.iter().take(4).position(|t| t.is_word() && lx.role(&t.low).is_some());
        // "… en France, affirme le ministre …": an inverted speech verb after the comma
        // opens the attribution, not a description of the name before it.
        // ("…, a indiqué un porte-parole de la police": a compound past too.)
        let participle = |t: &Tok| lx.fr_participles.contains(t.low.as_str());
        let compound = seg.first().is_some_and(|t| matches!(t.low.as_str(), "a" | "ont" | "avait" | "avaient")) && seg.iter().skip(1).take(3).any(participle);
        let inverted_cue = compound || seg.first().is_some_and(|t| lx.en_cues.contains(t.low.as_str()) || lx.fr_cues.contains(t.low.as_str()));
        let starts_ok = !inverted_cue && seg.first().is_some_and(|t| t.is_lower_word() || (t.is_word() && lx.is_function_word(&t.low)));
        // ("Pour l'avocat général, X, l'accusé « savait … »": a role noun right before a
        // quote is the subject of the next clause, not a description of X.)
        let quote_after_role = first_role.is_some_and(|p| seg.get(p + 1).is_some_and(|t| matches!(t.kind, TokKind::Quote(_))));
        let starts_ok = starts_ok && !quote_after_role;
        if let (Some(p), true) = (first_role, starts_ok)
            && lx.role(&seg[p].low) == Some(SpeakerKind::Person) {
                add_role_words(content(seg), c);
                // (fr-people2: "Claude Marin, la directrice,": the article right before
                // the role, people_fr::gender_told_by_apposed_article.)
                if p > 0 {
                    apposed_article_gender(&seg[p - 1], c);
                }
            }
    }
}

/// fr-people2: the gender the article of a role set beside the candidate's name tells,
/// kept when nothing else (a title) told one: people_fr::gender_told_by_apposed_article.
fn apposed_article_gender(article: &Tok, c: &mut Candidate) {
    if c.gender == Gender::Unknown {
        c.gender = super::people_fr::gender_told_by_apposed_article(&article.text, c.words.first().map(String::as_str));
    }
}

/// Documents and bodies named by a role noun with capitalised qualifiers ("a recent United
/// Nations report", "the UN report"), plus bare "the report" mentions.
fn collect_documents(toks: &[Tok], out: &mut Vec<(usize, Np, Vec<String>)>) {
    for i in 0..toks.len() {
        if !toks[i].is_word() || !matches!(toks[i].low.as_str(), "the" | "a" | "an" | "le" | "la" | "l'" | "un" | "une" | "ce" | "cette" | "this") {
            continue;
        }
        if let Some(np) = np_forward(toks, i, toks.len())
            && let NpKind::Role { kind: SpeakerKind::Document, head, .. } = &np.kind {
                let head_idx = (np.first..=np.last).find(|&k| toks[k].low == head).unwrap_or(np.last);
                let mut caps: Vec<String> = toks[np.first + 1..head_idx].iter().filter(|t| t.is_cap()).map(|t| t.text.to_string()).collect();
                if caps.is_empty() && head_idx < np.last {
                    // "the annual report of the Independent Reviewer of Terrorism
                    // Legislation": named after whose it is.
                    let from = (head_idx + 1..=np.last).find(|&k| toks[k].is_cap()).unwrap_or(np.last);
                    caps = toks[from..=np.last].iter().map(|t| t.text.to_string()).collect();
                }
                if caps.is_empty() && head_idx == np.last {
                    caps = owner_after_adjective(toks, head_idx);
                }
                // (fr-bodies: "Selon un baromètre publié par le syndicat …": a French
                // written study introduced by "un"/"une" is the one "le document" then
                // stands for, even unnamed; not "une enquête", often the investigation.)
                let bare_french = matches!(toks[i].text.as_str(), "un" | "une" | "Un" | "Une") && BARE_FRENCH_DOCUMENTS.contains(&head.as_str());
                if !caps.is_empty() || bare_french {
                    out.push((toks[i].start, np.clone(), caps));
                }
            }
    }
}

/// "Le rapport annuel de la Commission nationale consultative des droits de l'homme,":
/// after a document noun and up to two adjectives, "de"/"of" and a capitalised owner whose
/// name runs on in lower case up to the next punctuation (French bodies are written so).
fn owner_after_adjective(toks: &[Tok], head: usize) -> Vec<String> {
    let mut k = head + 1;
    while k < toks.len() && k <= head + 2 && toks[k].is_lower_word() && !GENITIVES.contains(&toks[k].low.as_str()) {
        k += 1;
    }
    if !toks.get(k).is_some_and(|t| GENITIVES.contains(&t.low.as_str())) {
        return Vec::new();
    }
    k += 1;
    if toks.get(k).is_some_and(|t| matches!(t.low.as_str(), "the" | "la" | "le" | "l'" | "les")) {
        k += 1;
    }
    if !toks.get(k).is_some_and(Tok::is_cap) {
        return Vec::new();
    }
    let lx = Lexicon::get();
    let mut words: Vec<String> = Vec::new();
    let mut prev_end = usize::MAX;
    let mut m = k;
    while m < toks.len() && m < k + 10 && toks[m].is_word() && !lx.fr_cues.contains(toks[m].low.as_str()) && !lx.en_cues.contains(toks[m].low.as_str()) {
        let t = &toks[m];
        // Keep elisions glued to their word ("l'homme").
        match words.last_mut() {
            Some(w) if t.start == prev_end => w.push_str(&t.text),
            _ => words.push(t.text.to_string()),
        }
        prev_end = t.end;
        m += 1;
    }
    // Only a phrase that ends at punctuation is a whole name.
    if toks.get(m).is_some_and(|t| t.kind == TokKind::Punct) { words } else { Vec::new() }
}

/// "Observatoire international des prisons (OIP)": the words before a parenthesised
/// acronym whose initials spell it, as written. Returns (position, words, acronym as written).
fn acronym_definitions(text: &str, toks: &[Tok]) -> Vec<(usize, Vec<String>, String)> {
    let lx = Lexicon::get();
    let mut out = Vec::new();
    for k in 2..toks.len() {
        let (open, acr) = (&toks[k - 1], &toks[k]);
        // Acronyms read as words are often written in title case: "(Cnil)", "(Arcom)".
        let title_acronym = acr.is_cap() && (3..=6).contains(&acr.text.chars().count());
        if open.text != "(" || !(is_acronym(acr) || title_acronym) || toks.get(k + 1).is_none_or(|t| t.text != ")") {
            continue;
        }
        let letters: Vec<char> = acr.text.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
        // Walk back over words, nearest first: the content words from a capitalised one
        // to the bracket must spell the acronym (see `spells`).
        let mut words: Vec<&str> = Vec::new();
        let mut start = None;
        let mut j = k - 1;
        while j > 0 && k - j <= 14 && toks[j - 1].is_word() && words.len() <= letters.len() {
            j -= 1;
            let t = &toks[j];
            if !is_connector(&t.low) {
                words.insert(0, t.low.as_str());
                // (fr-bodies2: or with the article before it, `article_spells`.)
                let article = j.checked_sub(1).map_or("", |a| toks[a].low.as_str());
                if t.is_cap() && (spells(&letters, &words) || article_spells(&letters, article, &words)) {
                    start = Some(j);
                    break;
                }
            }
        }
        // "le parquet national antiterroriste (PNAT)", "le groupe de soutien à l'islam et
        // aux musulmans (JNIM)": a body described in lower case right before its acronym,
        // whatever the acronym's letters (often from another language or word split).
        let start = start.or_else(|| {
            let from = k.saturating_sub(12);
            (from + 1..k - 1).find(|&j| {
                toks[j].is_lower_word()
                    && lx.role(&toks[j].low) == Some(SpeakerKind::Organisation)
                    && matches!(toks[j - 1].low.as_str(), "le" | "la" | "l'" | "the")
                    && toks[j..k - 1].iter().all(Tok::is_word)
            })
        });
        if let Some(j) = start {
            let written = text.get(toks[j].start..open.start).unwrap_or("").trim();
            out.push((toks[j].start, written.split_whitespace().map(str::to_string).collect(), acr.text.to_string()));
        }
    }
    out
}

/// fr-bodies2: "Les Entreprises du médicament (Leem)": some acronyms take letters of the
/// article opening the name ("LEs Entreprises du Médicament"). Whether `words` spell the
/// acronym `letters` once a French definite article `article` written before them is read as
/// their first word; the long form itself still opens on the capitalised word.
fn article_spells(letters: &[char], article: &str, words: &[&str]) -> bool {
    if !matches!(article, "les" | "la" | "le") {
        return false;
    }
    let with: Vec<&str> = std::iter::once(article).chain(words.iter().copied()).collect();
    spells(letters, &with)
}

fn is_connector(low: &str) -> bool {
    Lexicon::get().is_function_word(low) || matches!(low, "of" | "de" | "d'" | "l'" | "du" | "des" | "pour" | "for" | "and" | "et" | "à" | "aux" | "la" | "le")
}

/// Whether `words` (folded content words) spell the acronym `letters`: each word gives its
/// initial and maybe more of its own letters, in order ("Parquet national antiterroriste"
/// → P, N, AT → "Pnat"; "Counter Terrorism Policing" → CTP).
pub(crate) fn spells(letters: &[char], words: &[&str]) -> bool {
    fn go(letters: &[char], words: &[&str]) -> bool {
        let Some((w, rest)) = words.split_first() else { return letters.is_empty() };
        let mut chars = w.chars();
        let Some(first) = chars.next() else { return false };
        if letters.first() != Some(&first) {
            return false;
        }
        // Take the initial, then as many more letters of this word as the rest allows.
        let mut k = 1;
        if go(&letters[k..], rest) {
            return true;
        }
        for c in chars {
            if k < letters.len() && letters[k] == c {
                k += 1;
                if go(&letters[k..], rest) {
                    return true;
                }
            }
        }
        false
    }
    if words.is_empty() || words.len() > letters.len() || letters.len() > 8 {
        return false;
    }
    // (fr-places s16: "Organisation des États américains (OEA)": an accented letter
    // spells its base letter, `base_letter`.)
    let letters: Vec<char> = letters.iter().map(|&c| base_letter(c)).collect();
    let words: Vec<String> = words.iter().map(|w| w.chars().map(base_letter).collect()).collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    go(&letters, &words)
}

/// The base letter of a lower-case French accented letter ("é" → "e", "ç" → "c"), so an
/// acronym written without accents spells a name written with them.
fn base_letter(c: char) -> char {
    match c {
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'à' | 'â' | 'ä' => 'a',
        'î' | 'ï' => 'i',
        'ô' | 'ö' => 'o',
        'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        _ => c,
    }
}

/// Bodies named by a role noun and a capitalised complement ("le ministère de
/// l'Éducation nationale", "the office of the Prime Minister"), as written from the noun.
fn collect_bodies(text: &str, toks: &[Tok]) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    for i in 0..toks.len() {
        if !(toks[i].is_word() && matches!(toks[i].low.as_str(), "the" | "le" | "la" | "l'")) {
            continue;
        }
        if let Some(np) = np_forward(toks, i, toks.len())
            && let NpKind::Role { kind: SpeakerKind::Organisation, head, .. } = &np.kind
        {
            let head_idx = (np.first..=np.last).find(|&k| toks[k].low == head).unwrap_or(np.last);
            let named_after = head_idx < np.last && toks[head_idx + 1..=np.last].iter().any(Tok::is_cap);
            // "the United Nations counter-terrorism office": capitalised words before it.
            let named_before = toks[i + 1..head_idx].iter().any(Tok::is_cap);
            if toks[head_idx].is_lower_word() && (named_after || named_before) {
                let from = if named_after { head_idx } else { i + 1 };
                // "le ministère de l'Éducation nationale,": one or two lower-case adjectives
                // before punctuation end the name.
                let lx = Lexicon::get();
                let mut last = np.last;
                let adjective = |t: &Tok| {
                    t.is_lower_word() && !lx.is_function_word(&t.low) && !lx.fr_cues.contains(t.low.as_str()) && !lx.en_cues.contains(t.low.as_str())
                        && !matches!(t.low.as_str(), "de" | "du" | "des" | "d'" | "of" | "et" | "and")
                };
                let mut k = np.last + 1;
                while k < toks.len() && k <= np.last + 2 && adjective(&toks[k]) {
                    k += 1;
                }
                if k > np.last + 1 && toks.get(k).is_none_or(|t| t.kind == TokKind::Punct) {
                    last = k - 1;
                }
                let written = text.get(toks[from].start..toks[last].end).unwrap_or("");
                out.push((toks[i].start, written.split_whitespace().map(str::to_string).collect()));
            }
        }
    }
    out
}

/// Names that are the subject of a speech cue anywhere in the frame are speakers: that
/// makes a plain two-word name a person.
fn mark_speakers(subjects: &[Option<Np>], cands: &mut [Candidate]) {
    // The candidates by position, so each subject looks only at the names inside it (a
    // long paragraph has thousands of both).
    let mut by_pos: Vec<usize> = (0..cands.len()).collect();
    by_pos.sort_by_key(|&k| cands[k].pos);
    for np in subjects.iter().flatten() {
        if let NpKind::Name(words) = &np.kind {
            let lx = Lexicon::get();
            let from = by_pos.partition_point(|&k| cands[k].pos < np.start);
            let inside = by_pos[from..].iter().take_while(|&&k| cands[k].pos < np.end);
            // (The first such candidate in reading order, as a plain search would find.)
            if let Some(k) = inside.filter(|&&k| cands[k].words == *words).min().copied() {
                let c = &mut cands[k];
                c.spoke = true;
                if !words.iter().any(|w| lx.is_org_word(w)) && words.len() <= 4 {
                    c.person = true;
                }
            }
        }
    }
}

/// Positions of unnamed people who act as subjects: an indefinite person role opening a
/// sentence or right before a speech verb ("A Western diplomat … said"), but not an
/// appositive after a name ("Mark Ellison, a researcher").
fn unnamed_people(toks: &[Tok], cues: &[super::attribution::Cue]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    // Which tokens open a cue, and which close a prepositional one ("selon", "according
    // to"): looked up by position, since a long paragraph has thousands of cues.
    let mut opens_cue = vec![false; toks.len()];
    let mut closes_preposition = vec![false; toks.len()];
    for c in cues {
        if let Some(slot) = opens_cue.get_mut(c.first) {
            *slot = true;
        }
        if c.preposition
            && let Some(slot) = closes_preposition.get_mut(c.last)
        {
            *slot = true;
        }
    }
    for i in 0..toks.len() {
        // "UN" is the United Nations, not French "un".
        if !(toks[i].is_word() && matches!(toks[i].low.as_str(), "a" | "an" | "un" | "une")) || toks[i].text == "UN" {
            continue;
        }
        let sentence_start = i == 0 || super::attribution::ends_sentence(toks, i - 1) || matches!(toks[i - 1].kind, TokKind::Quote(_));
        let Some(np) = np_forward(toks, i, toks.len()) else { continue };
        let NpKind::Role { kind: SpeakerKind::Person, head, .. } = np.kind else { continue };
        let before_cue = (np.last + 1..=np.last + 3).any(|k| opens_cue.get(k).is_some_and(|&b| b));
        // "Selon une source proche du dossier", "according to a senior official".
        let after_preposition = i > 0 && closes_preposition[i - 1];
        let before_cue = before_cue || after_preposition;
        let appositive = i > 0 && toks[i - 1].text == ",";
        if (sentence_start || before_cue) && !appositive {
            out.push((toks[i].start, head));
        }
    }
    out
}

/// fr-bodies s15: "L'Assemblée nationale a entamé l'examen du texte, qui prévoit … [¶]
/// l'intersyndicale estime": a body's noun (`head`, a role noun of an organisation) does not
/// stand for the last body heard when that body's own name opens on another body's noun or
/// organisation word ("Assemblée", "Fédération", "Ministère"): an intersyndicale is no
/// assembly. A name without such a word ("Renault", "CGT") may still be "le groupe",
/// "le syndicat".
fn named_as_another_kind(head: &str, e: &Entity) -> bool {
    let lx = Lexicon::get();
    let head = fold(head);
    // (A body named by its noun alone, "la direction", is of its noun's kind too.)
    if lx.role(&head) != Some(SpeakerKind::Organisation) || e.low.is_empty() {
        return false;
    }
    let first = e.low[0].strip_prefix("l'").unwrap_or(&e.low[0]);
    first != head && (lx.role(first) == Some(SpeakerKind::Organisation) || lx.is_org_word(first))
}

/// fr-bodies s15: "PARIS, 12 février (AFP) - …", "BREST, 3 mai -": a wire dateline's town
/// is followed by a comma and a day's number (a town of five letters or fewer is otherwise
/// told from an acronym, "INSEE", "ANSSI", by nothing). `rest` is the text after the word.
fn dated_after(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next() == Some(',') && chars.next() == Some(' ') && chars.next().is_some_and(|c| c.is_ascii_digit())
}

/// The names a text's mentions are collected under, joined by spaces (for tests).
#[cfg(test)]
pub(super) fn mention_names(text: &str) -> Vec<String> {
    let toks = super::attribution::tokenize(text, 0..text.len(), &[]);
    let mut cands = Vec::new();
    collect_names(&toks, &mut cands, &mut HashSet::new());
    cands.into_iter().map(|c| c.words.join(" ")).collect()
}

#[cfg(test)]
mod tests {
    use super::{bucket, spells};

    #[test]
    fn a_place_noun_after_a_first_name_is_a_surname() {
        let v = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<String>>();
        let low = |s: &str| s.split(' ').map(crate::text::lexicon::fold).collect::<Vec<String>>();
        assert!(super::first_name_and_place_noun_surname(&v("Nadine Rivière"), &low("Nadine Rivière")));
        assert!(!super::first_name_and_place_noun_surname(&v("Pont Neuf"), &low("Pont Neuf")));
        assert!(!super::first_name_and_place_noun_surname(&v("Nadine Rivard"), &low("Nadine Rivard")));
        assert!(!super::first_name_and_place_noun_surname(&v("Rue Nadine Rivière"), &low("Rue Nadine Rivière")));
    }

    #[test]
    fn a_short_town_before_a_date_opens_a_dateline() {
        assert!(super::dated_after(", 12 février (AFP) - L'Assemblée"));
        assert!(!super::dated_after(" a publié lundi"));
        assert!(!super::dated_after(", qui"));
    }

    #[test]
    fn an_index_bucket_is_read_in_entity_order_once_and_within_the_registry() {
        // Indices pushed again after a rename, or left past the end by `undo_resolve`.
        let found = vec![7, 2, 9, 2, 4];
        assert_eq!(bucket(Some(&found), 8), vec![2, 4, 7]);
        assert_eq!(bucket(None, 8), Vec::<usize>::new());
    }

    #[test]
    fn an_acronym_may_take_letters_of_the_article_opening_its_name() {
        let l = |s: &str| s.chars().collect::<Vec<char>>();
        assert!(super::article_spells(&l("leap"), "les", &["éditeurs", "anciens", "papier"]));
        assert!(!super::article_spells(&l("leap"), "des", &["éditeurs", "anciens", "papier"]));
        assert!(!super::article_spells(&l("eap"), "les", &["éditeurs", "anciens", "papier"]));
    }

    #[test]
    fn an_acronym_spells_accented_initials_by_their_base_letter() {
        assert!(spells(&['o', 'e', 'a'], &["organisation", "états", "américains"]));
        assert!(!spells(&['o', 'e', 'b'], &["organisation", "états", "américains"]));
    }

    #[test]
    fn acronyms_are_spelled_by_initials_and_inner_letters() {
        let l = |s: &str| s.chars().collect::<Vec<char>>();
        assert!(spells(&l("pnat"), &["parquet", "national", "antiterroriste"]));
        assert!(spells(&l("ctp"), &["counter", "terrorism", "policing"]));
        assert!(spells(&l("cnil"), &["commission", "nationale", "informatique", "libertés"]));
        assert!(!spells(&l("pnat"), &["police", "judiciaire"]));
        assert!(!spells(&l("abc"), &["alpha", "charlie", "bravo"]));
        assert!(!spells(&l("ab"), &[]));
    }
}
