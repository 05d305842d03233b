//! fr-people (session 16): who a French phrase about a person stands for, read from the
//! shape of the sentence around it and from the families of roles, where the registry's
//! look-ups (`entities`) and the salience of the people in view (`salience_fr`) need it.
//!
//! - A noun several offices share ("l'élu" for a maire, a député, a conseiller: a family in
//!   `assets/cues/role_synonyms.txt`) describes whoever is just in view, not only the one
//!   the article gave that exact word ([`is_family_noun`]).
//! - A sentence may open on a description of its subject before naming it ("Pharmacien à
//!   Limoges, Thierry Gombert n'a pas …"): the subject a later il/elle goes back to is the
//!   name after the comma ([`subject_after_fronted_description`]).

use super::attribution::{Tok, is_det};
use super::lexicon::{Lexicon, fold};
use super::lexicon::Gender;
use crate::model::SpeakerKind;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// fr-people2: whether a name whose text before is `before` is the one spoken to, set
/// after "à" ("À Mme Caradec, elle a rétorqué", "Il a répondu à Paul Martin que"): the
/// indirect object of the verb of a subject il/elle in the same sentence is never that
/// subject. A title between "à" and the name counts too.
pub fn is_addressee(before: &str) -> bool {
    let t = before.trim_end();
    let t = ["Mme", "M.", "Madame", "Monsieur", "Me", "Maître", "Dr", "Mlle"]
        .iter()
        .find_map(|title| t.strip_suffix(title).filter(|r| r.is_empty() || r.ends_with(' ')))
        .map_or(t, str::trim_end);
    // ("Quant à Marie, elle" sets the topic: that is who "elle" is.)
    let topic = t.to_lowercase().ends_with("quant à");
    !topic && (t == "À" || t == "à" || t.ends_with(" à") || t.ends_with(" À") || t.ends_with("\nÀ"))
}

/// How many sentences back (0: its own) the person a family noun describes may have been
/// named or heard: the sentence before, as in "Bernard Lacoste y prendra la parole.
/// « … », prévient l'élu." Further back, the one the article gave a role of the family
/// is meant.
pub const JUST_IN_VIEW_SENTENCES: usize = 1;

/// Whether `head` (folded) is the general noun of a family of roles: the second name of at
/// least two different offices in the role synonyms ("élu" for "maire", "député" and
/// "conseiller"; "magistrate" for "juge" and "procureure"; "scientifique"). A council
/// article calls the mayor, a deputy and the head of the opposition "l'élu" in turn: the
/// word says the person holds some office, not which one, so it follows who is in view.
pub fn is_family_noun(head: &str) -> bool {
    static FAMILIES: OnceLock<HashSet<String>> = OnceLock::new();
    FAMILIES
        .get_or_init(|| {
            let mut offices: HashMap<String, HashSet<Vec<String>>> = HashMap::new();
            for (office, general) in &Lexicon::get().role_synonyms {
                // (A one-word general noun only: "chef gouvernement" is one office's name.)
                if let [g] = general.as_slice() {
                    offices.entry(fold(g)).or_default().insert(office.clone());
                }
            }
            offices.into_iter().filter(|(_, o)| o.len() >= 2).map(|(g, _)| g).collect()
        })
        .contains(&fold(head))
}

/// Endings of a French past participle or adjective that opens a sentence before its
/// subject ("Installé", "Âgée", "Classées").
/// (fr-people s17: of participles in -i, -is, -u too, "Saisie du dossier, la commission
/// …", "Assise près de la fenêtre, Odette X …", "Venue de Lyon, …"; not an adjective or
/// determiner in -que or -gue, "Chaque", "Longue": `is_fronted_participle`.)
const FRONTED_ENDINGS: [&str; 10] = ["é", "ée", "és", "ées", "ie", "ies", "ise", "ises", "ue", "ues"];

/// Whether `low` (folded, capitalised opener) ends like a past participle or adjective that
/// opens a sentence before its subject: [`FRONTED_ENDINGS`], not a word in -que/-gue and
/// not a first name ("Marie", "Julie").
fn is_fronted_participle(low: &str, text: &str) -> bool {
    let lx = Lexicon::get();
    low.chars().count() >= 4
        && FRONTED_ENDINGS.iter().any(|s| low.ends_with(s))
        && !["que", "ques", "gue", "gues"].iter().any(|s| low.ends_with(s))
        && !lx.first_names.contains_key(text)
}

/// Endings of a French noun naming someone by what they do ("pharmacien", "chercheuse",
/// "directrice", "fonctionnaire").
const AGENT_ENDINGS: [&str; 10] = ["ien", "ienne", "eur", "euse", "trice", "iste", "ier", "ière", "aire", "ante"];

/// Possessives opening a subject ("Son père", "Leur avocat").
const POSSESSIVES: [&str; 9] = ["son", "sa", "ses", "leur", "leurs", "mon", "ma", "notre", "votre"];

/// Prepositions after a fronted participle of speaking or being asked ("Interrogée sur",
/// "Contacté par", "Invitée à", "Interviewé dans").
const AFTER_SPEAKING_PARTICIPLE: [&str; 5] = ["sur", "par", "à", "au", "dans"];

/// How many tokens a fronted description may run before its comma.
const FRONTED_REACH: usize = 14;

/// "Pharmacien à Limoges et vice-président d'un syndicat, Thierry Gombert n'a pas …",
/// "Âgée de 22 ans, Inès Morvan devient …", "Installé à Lyon, le retraité …": where the
/// subject starts when the sentence at `start` (ending before `end`) opens on a description
/// of it: a capitalised past participle or adjective (-é, -ée, -és, -ées) or a person's
/// role noun without article, then lower-case complements up to a comma. None when the
/// sentence opens otherwise: a name ("Gérard Dupont, 63 ans, …") or an article does.
pub fn subject_after_fronted_description(toks: &[Tok], start: usize, end: usize) -> Option<usize> {
    let lx = Lexicon::get();
    // (Not a determiner or a possessive: "Son père, lui, …" opens on its subject.)
    let opener = toks.get(start).filter(|t| start < end && t.is_cap() && !is_det(t) && !POSSESSIVES.contains(&t.low.as_str()))?;
    let low = opener.low.as_str();
    // (Of participles, an adjective of age or rank only, "Âgée de", "Classée 14e": one of
    // speaking, "Interrogée sur France Inter, la secrétaire … s'est montrée", frames a
    // quote whose il/elle the sentence's cue already reads.)
    let participle = is_fronted_participle(low, &opener.text) && !AFTER_SPEAKING_PARTICIPLE.contains(&toks.get(start + 1).map_or("", |t| t.low.as_str()));
    // (A role noun of the lists, or one whose ending names someone who does something,
    // "Pharmacien", "Chercheuse", "Retraitée": not a first name, "Julien", "Lucienne".)
    let agent = AGENT_ENDINGS.iter().any(|s| low.ends_with(s)) && !lx.first_names.contains_key(opener.text.as_str());
    let role = lx.role(low) == Some(SpeakerKind::Person) || lx.profession(low).is_some() || agent;
    // (Its complement follows in lower case: "Âgée de", "Classée 14e", not "Renée, 45 ans".)
    let complement = toks.get(start + 1).is_some_and(|t| t.is_word() && !t.is_cap());
    if !(participle || role) || !complement {
        return None;
    }
    let comma = (start + 1..end.min(start + FRONTED_REACH)).find(|&k| !toks[k].is_word())?;
    (toks[comma].text == "," && toks.get(comma + 1).is_some_and(Tok::is_word) && comma + 1 < end).then_some(comma + 1)
}

/// Prepositions that open a fronted phrase of place, time or manner before a sentence's
/// subject ("À ses côtés, X savoure", "Dans un communiqué, la préfecture a appelé"). Not
/// "pour" or "selon", which open a speaker ("Pour l'écologiste, « … »").
const FRONTED_PREPOSITIONS: [&str; 14] = ["à", "au", "aux", "dans", "devant", "derrière", "après", "avant", "depuis", "sur", "sous", "lors", "chez", "en"];

/// fr-people s17: "À ses côtés, Léa Fontaine, tête de liste écologiste, savoure une
/// victoire", "Dans un communiqué, la préfecture a appelé …": where the subject starts when
/// the sentence at `start` (ending before `end`) opens on a phrase behind a preposition of
/// [`FRONTED_PREPOSITIONS`] set off by a comma: the word after that comma, when it opens a
/// name or a determiner (the caller reads the phrase there and checks it is a subject).
/// None when the sentence opens otherwise.
pub fn subject_after_fronted_phrase(toks: &[Tok], start: usize, end: usize) -> Option<usize> {
    let opener = toks.get(start).filter(|t| start < end && t.is_cap())?;
    if !FRONTED_PREPOSITIONS.contains(&opener.low.as_str()) {
        return None;
    }
    let comma = (start + 1..end.min(start + FRONTED_REACH)).find(|&k| !toks[k].is_word())?;
    let next = toks.get(comma + 1).filter(|t| t.is_word() && (t.is_cap() || is_det(t)))?;
    (toks[comma].text == "," && comma + 1 < end && !POSSESSIVES.contains(&next.low.as_str())).then_some(comma + 1)
}

/// Centering: a French il/elle whose antecedent lies in an earlier sentence goes back to
/// that sentence's subject, the name opening it, not to a name the same sentence gave as
/// its object ("Paul Durand a dirigé pendant onze ans Loire Logement. … « … »,
/// affirme-t-il": Paul Durand). `fits` (in text order: position, and whether that mention
/// may be the antecedent) are the mentions since the window's start; `latest` is the index
/// of the last one that fits. The index of the first fitting mention of `latest`'s
/// sentence when that sentence ends before `pos` (the pronoun's); else `latest` itself:
/// within the pronoun's own sentence the nearest stays ("X est parti quand Y a pris la
/// parole : « … », a-t-il lancé"), or when the first does not open the sentence alone
/// ([`is_lone_opening_subject`]). Reads one sentence's mentions back from `latest`.
pub fn opening_subject_of_sentence_before(text: &str, fits: &[(usize, bool)], latest: usize, sentence_starts: &[usize], pos: usize) -> usize {
    let sentence_of = |p: usize| sentence_starts.partition_point(|&s| s <= p);
    let Some(&(at, _)) = fits.get(latest) else { return latest };
    let own = sentence_of(at);
    if own >= sentence_of(pos) {
        return latest;
    }
    let mut first = latest;
    for k in (0..latest).rev() {
        if sentence_of(fits[k].0) != own {
            break;
        }
        if fits[k].1 {
            first = k;
        }
    }
    let start = own.checked_sub(1).map_or(0, |i| sentence_starts[i]);
    if first == latest || !is_lone_opening_subject(text, start, fits[first].0, at) {
        return latest;
    }
    first
}

/// Whether the name at `first` opens the sentence at `start` alone, so is its subject: no
/// word but spaces before it (not "Interrogé par Le Monde, son directeur, X, …"), and no
/// "et"/"ou" between it and the name at `latest` (not "Raymond Keller et son fils Kevin
/// Keller comparaissent", two subjects, either of whom il/elle may be).
fn is_lone_opening_subject(text: &str, start: usize, first: usize, latest: usize) -> bool {
    let opens = text.get(start..first).is_some_and(|t| t.trim().is_empty());
    let joined = text.get(first..latest).is_none_or(|t| t.split(|c: char| !c.is_alphanumeric()).any(|w| matches!(w, "et" | "ou")));
    opens && !joined
}

/// The gender the article of a role set beside a name tells ("a défendu le maire,
/// Dominique Garnier", "la présidente, Camille Roux", "Claude Marin, la directrice"), when
/// the first name does not tell it (epicene, or not in the list): French "le"/"un" before
/// the role say a man, "la"/"une" a woman. Unknown otherwise (an elided "l'", a possessive,
/// English "the"), and never against a first name that has a gender ("le maire, Anne
/// Hidalgo" keeps hers).
pub fn gender_told_by_apposed_article(article: &str, first_word: Option<&str>) -> Gender {
    let lx = Lexicon::get();
    if first_word.and_then(|w| lx.first_names.get(w)).is_some_and(|&g| g != Gender::Unknown) {
        return Gender::Unknown;
    }
    match fold(article).as_str() {
        "le" | "un" => Gender::Male,
        "la" | "une" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// fr-people s17: whether a body or document mentioned at `from` (the text from the
/// mention on) that spoke may be what a later French il/elle of gender `g` stands for.
/// "La préfecture a appelé « … ». Elle indique « … »" and "Le document estime « … ». Il
/// souligne « … »": a body or a document, the subject heard just before, goes on
/// speaking as il/elle when no person is named since (the caller checks that). Its
/// article must not say the other gender: "Le rapport estime « … ». Elle ajoute" is
/// someone else. (The article is read at the mention, as a body's or document's entity
/// has no gender of its own.)
pub fn thing_may_be_il_elle(kind: Option<SpeakerKind>, from: &str, g: Gender) -> bool {
    if !matches!(kind, Some(SpeakerKind::Organisation | SpeakerKind::Document)) {
        return false;
    }
    let first = from.split(|c: char| c.is_whitespace() || c == '\'' || c == '’').next().map(fold).unwrap_or_default();
    let article = match first.as_str() {
        "le" | "un" | "ce" | "cet" => Gender::Male,
        "la" | "une" | "cette" => Gender::Female,
        _ => Gender::Unknown,
    };
    article == Gender::Unknown || g == Gender::Unknown || article == g
}

/// Nouns that, closing a complement, make the capitalised word after it the complement's
/// own name, not the person the role is ("l'avocat de la famille Durand").
const NAMED_BY_COMPLEMENT: [&str; 4] = ["famille", "famille.", "clan", "maison"];

/// fr-people s17: "Pour l'économiste de la santé Valérie Chambon, …", "le ministre de
/// l'Intérieur Paul Roux": a French role noun whose complement is followed straight by a
/// name, no comma between, is that person. `gap` is the text between the role phrase as
/// read and the name: blank, or a complement of at most six lower-case words opened by
/// "de"/"du"/"des"/"d'" and closed on a content word ("de la santé"), so not "l'avocat
/// de Jean Morel" (the name is the complement, the client) nor "de la famille Durand".
pub fn name_right_after_complement(gap: &str) -> bool {
    if gap.trim().is_empty() {
        return !gap.is_empty() && !gap.contains('\n');
    }
    let words: Vec<String> = gap.split_whitespace().map(fold).collect();
    let opens = words.first().is_some_and(|w| matches!(w.as_str(), "de" | "du" | "des") || w.starts_with("d'"));
    let lower = gap.split_whitespace().all(|w| w.chars().all(|c| c.is_lowercase() || matches!(c, '\'' | '’' | '-')));
    let lx = Lexicon::get();
    let closes = words.last().is_some_and(|w| {
        let bare = w.rsplit(['\'', '’']).next().unwrap_or(w);
        bare.chars().count() > 2 && !lx.is_function_word(bare) && !NAMED_BY_COMPLEMENT.contains(&bare) && lx.role(bare).is_none()
    });
    opens && lower && closes && words.len() <= 6 && !gap.contains([',', '(', ':', '\n'])
}

/// fr-roles (session 17): "le délégué CGT", "la secrétaire FO": an acronym right after a
/// person's role noun (at `k`) names the organisation the person holds the role in, not the
/// speaker; the index of the acronym, so the role phrase reads on past it (to a name after
/// it, "le délégué CGT Paul Roux", or to the role alone). Not when a capitalised word
/// follows the acronym and is no name (a longer body's name: "le délégué CGT Énergie" is
/// read as before, by the name after the role), nor for a one-letter or long token.
pub fn org_acronym_after_role(toks: &[Tok], k: usize, end: usize) -> Option<usize> {
    let a = k + 1;
    let t = toks.get(a).filter(|_| a < end)?;
    let letters = t.text.chars().filter(|c| c.is_alphabetic()).count();
    if !super::attribution::is_acronym(t) || letters > 6 || t.text.contains('-') {
        return None;
    }
    // (A following capital opens a person's name only when it is a known first name.)
    let next_cap = toks.get(a + 1).filter(|_| a + 1 < end).is_some_and(|n| n.is_word() && n.is_cap());
    let first_name = toks.get(a + 1).is_some_and(|n| Lexicon::get().first_names.contains_key(n.text.as_str()));
    (!next_cap || first_name).then_some(a)
}

/// fr-roles (session 17): parent nouns (folded), French and English. A quote cued by "la
/// mère", "le père" is the parent's, never the child's the article names.
const PARENT_NOUNS: [&str; 12] = ["mère", "père", "maman", "papa", "grand-mère", "grand-père", "mother", "father", "mum", "mom", "dad", "grandmother"];

/// Words right before a name that present the named person as a child: "la petite Lina",
/// "le jeune Tom" is not one (a teenager may speak), "sa fille Léa", "son fils Hugo".
const CHILD_WORDS: [&str; 7] = ["petite", "petit", "fillette", "garçonnet", "bébé", "fille", "fils"];

/// Whether the role noun `head` read at a cue names a parent.
pub fn is_parent_noun(head: &str) -> bool {
    PARENT_NOUNS.contains(&fold(head).as_str())
}

/// Whether the text `before` a name (the few words leading to it) presents the named person
/// as a child: a child word right before it ("la petite Lina"), or the name as the complement
/// of a parent noun ("la mère de Lina", "le père de la petite Lina", "the mother of Tom").
/// Such a person is not the one a parent noun at a cue stands for.
pub fn presented_as_child(before: &str) -> bool {
    let words: Vec<String> = before
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .map(fold)
        .collect();
    let Some(last) = words.first() else { return false };
    if CHILD_WORDS.contains(&last.as_str()) {
        return true;
    }
    // Past "de", "d'", "of" and an article or a child word after it.
    let mut k = 0;
    while words.get(k).is_some_and(|w| matches!(w.as_str(), "la" | "le" | "l" | "the" | "petite" | "petit")) {
        k += 1;
    }
    words.get(k).is_some_and(|w| matches!(w.as_str(), "de" | "d" | "of")) && words.get(k + 1).is_some_and(|w| PARENT_NOUNS.contains(&w.as_str()))
}

/// fr-people (session 18): the unnamed person of a scene set before a dialogue whose turns
/// carry no cue, with where it stands in `scene`: a clause opening on "un"/"une" and a
/// lower-case noun ("Sous les arcades, un client interroge le producteur X"), or on a
/// definite noun that a comma and "un"/"une" describe ("Le conducteur, un artisan pressé,
/// baisse sa vitre"). A dialogue between a named person and such a one alternates between
/// them; the unnamed side's turns keep no speaker, only the words that describe it
/// (`speaker_as_written`, "un client"), never the named person's. Clauses
/// open at the scene's start, after a sentence's end or after a comma.
pub fn unnamed_scene_person(scene: &str) -> Option<(usize, String)> {
    let mut at = 0;
    for clause in scene.split_inclusive([',', '.', '!', '?', '\n']) {
        let words: Vec<&str> = clause.split_whitespace().take(4).collect();
        let noun = |w: Option<&&str>| w.map(|w| w.trim_end_matches([',', '.']).to_string()).filter(|w| w.len() > 2 && w.chars().all(|c| c.is_lowercase() || c == '-'));
        let first = words.first().map(|w| fold(w));
        let found = match first.as_deref() {
            Some("un" | "une") => noun(words.get(1)),
            Some("le" | "la") if clause.trim_end().ends_with(',') && words.len() == 2 => {
                let next = scene.get(at + clause.len()..).unwrap_or("").split_whitespace().next().map(fold);
                noun(words.get(1)).filter(|_| matches!(next.as_deref(), Some("un" | "une")))
            }
            _ => None,
        };
        if let Some(n) = found {
            return Some((at + clause.len() - clause.trim_start().len(), n));
        }
        at += clause.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::attribution::tokenize;

    fn toks(s: &str) -> Vec<Tok> {
        tokenize(s, 0..s.len(), &[])
    }

    #[test]
    fn a_name_after_a_is_the_one_spoken_to() {
        assert!(super::is_addressee("Il a parlé longtemps. À Mme "));
        assert!(super::is_addressee("À "));
        assert!(super::is_addressee("elle a répondu à "));
        assert!(super::is_addressee("Le soir, à M. "));
        assert!(!super::is_addressee("Il a parlé longtemps. "));
        assert!(!super::is_addressee("selon "));
        assert!(!super::is_addressee("Mme "));
        assert!(!super::is_addressee("Quant à "));
    }

    #[test]
    fn a_name_right_after_a_role_complement_is_that_person() {
        assert!(name_right_after_complement(" de la santé "));
        assert!(name_right_after_complement(" de l'énergie "));
        assert!(name_right_after_complement(" "));
        assert!(!name_right_after_complement(" de "), "the name is the complement");
        assert!(!name_right_after_complement(" de la famille "));
        assert!(!name_right_after_complement(", "));
        assert!(!name_right_after_complement(" qui a reçu "));
        assert!(!name_right_after_complement(" du syndicat "), "a body noun names the body");
    }

    #[test]
    fn a_noun_several_offices_share_is_a_family_noun() {
        assert!(is_family_noun("élu"));
        assert!(is_family_noun("élue"));
        assert!(is_family_noun("magistrate"));
        assert!(!is_family_noun("maire"));
        assert!(!is_family_noun("prévenu"));
        assert!(!is_family_noun("édile"));
    }

    #[test]
    fn the_subject_starts_after_a_fronted_description() {
        let t = toks("Pharmacienne à Brest et mère de trois enfants, Julie Martin a voté.");
        let k = subject_after_fronted_description(&t, 0, t.len()).expect("a fronted role");
        assert_eq!(t[k].text, "Julie");
        let t = toks("Âgée de 40 ans, la boulangère parle.");
        let k = subject_after_fronted_description(&t, 0, t.len()).expect("a fronted adjective");
        assert_eq!(t[k].text, "la");
        let t = toks("Assise près de la fenêtre, Julie Martin sourit.");
        let k = subject_after_fronted_description(&t, 0, t.len()).expect("a fronted participle in -ise");
        assert_eq!(t[k].text, "Julie");
        for s in ["Chaque matin, Julie Martin sourit.", "Longue de dix pages, la lettre part.", "Marie de Lyon, 40 ans, parle.", "Marc Dubois, 40 ans, parle.", "Le boulanger, 40 ans, parle.", "Renée, 45 ans, parle.", "Julien et Marie, les fondateurs, parlent.", "Son fils, lui, parle.", "Interrogée sur Radio Nord, la juge parle."] {
            let t = toks(s);
            assert_eq!(subject_after_fronted_description(&t, 0, t.len()), None, "{s}");
        }
    }

    #[test]
    fn the_subject_starts_after_a_fronted_prepositional_phrase() {
        let t = toks("À ses côtés, Julie Martin, élue verte, sourit.");
        let k = subject_after_fronted_phrase(&t, 0, t.len()).expect("after à");
        assert_eq!(t[k].text, "Julie");
        let t = toks("Dans un communiqué, la mairie a répondu.");
        let k = subject_after_fronted_phrase(&t, 0, t.len()).expect("after dans");
        assert_eq!(t[k].text, "la");
        for s in ["Pour la maire, Julie Martin a raison.", "Julie Martin, élue verte, sourit.", "Dans la salle, son fils pleure.", "Dans la salle, il pleure.", "Depuis deux ans rien ne change."] {
            let t = toks(s);
            assert_eq!(subject_after_fronted_phrase(&t, 0, t.len()), None, "{s}");
        }
    }

    #[test]
    fn il_goes_back_to_the_subject_opening_the_sentence_before() {
        let text = "Paul Durand a dirigé Loire Logement. Il est jugé. « Non », affirme-t-il.";
        let at = |w: &str| text.find(w).unwrap();
        let starts = [0, at("Il"), at("«")];
        let fits = [(0, true), (at("Loire"), true)];
        let pos = at("affirme");
        assert_eq!(opening_subject_of_sentence_before(text, &fits, 1, &starts, pos), 0);
        // (A mention that may not be the antecedent is passed over.)
        assert_eq!(opening_subject_of_sentence_before(text, &[(0, false), (at("Loire"), true)], 1, &starts, pos), 1);
        // (In the pronoun's own sentence, the nearest stays.)
        assert_eq!(opening_subject_of_sentence_before(text, &fits, 1, &starts, at("Loire") + 1), 1);
        // (Two subjects joined by "et": either may be meant, the nearest stays.)
        let text = "Paul Durand et son fils Marc Durand ont parlé. Il est jugé. « Non », affirme-t-il.";
        let at = |w: &str| text.find(w).unwrap();
        let starts = [0, at("Il"), at("«")];
        assert_eq!(opening_subject_of_sentence_before(text, &[(0, true), (at("Marc"), true)], 1, &starts, at("affirme")), 1);
        // (A name in a phrase fronted before the subject is not it.)
        let text = "Interrogé par Le Monde, son chef, Paul Durand, refuse. « Non », dit-il.";
        let at = |w: &str| text.find(w).unwrap();
        let starts = [0, at("«")];
        assert_eq!(opening_subject_of_sentence_before(text, &[(at("Le"), true), (at("Paul"), true)], 1, &starts, at("dit")), 1);
    }

    #[test]
    fn a_body_or_document_that_spoke_may_be_an_agreeing_il_elle() {
        let (org, doc) = (Some(SpeakerKind::Organisation), Some(SpeakerKind::Document));
        assert!(thing_may_be_il_elle(doc, "Le document estime", Gender::Male));
        assert!(thing_may_be_il_elle(org, "la préfecture du Gard a appelé", Gender::Female));
        assert!(thing_may_be_il_elle(org, "l'agence indique", Gender::Female));
        assert!(thing_may_be_il_elle(org, "Norvia précise", Gender::Male));
        // (The article says the other gender.)
        assert!(!thing_may_be_il_elle(doc, "Le rapport estime", Gender::Female));
        assert!(!thing_may_be_il_elle(org, "La mairie répond", Gender::Male));
        // (A person is not read here.)
        assert!(!thing_may_be_il_elle(Some(SpeakerKind::Person), "Le maire dit", Gender::Male));
    }

    #[test]
    fn the_article_of_an_apposed_role_tells_an_epicene_name_s_gender() {
        assert_eq!(gender_told_by_apposed_article("le", Some("Dominique")), Gender::Male);
        assert_eq!(gender_told_by_apposed_article("La", Some("Camille")), Gender::Female);
        assert_eq!(gender_told_by_apposed_article("une", None), Gender::Female);
        assert_eq!(gender_told_by_apposed_article("l'", Some("Dominique")), Gender::Unknown);
        assert_eq!(gender_told_by_apposed_article("the", Some("Dominique")), Gender::Unknown);
        // (A first name with a gender keeps it.)
        assert_eq!(gender_told_by_apposed_article("le", Some("Anne")), Gender::Unknown);
    }
    #[test]
    fn an_acronym_after_a_role_noun_is_the_roles_organisation() {
        let t = toks("« Assez », tranche le délégué CGT.");
        let k = t.iter().position(|x| x.text == "délégué").unwrap();
        assert_eq!(org_acronym_after_role(&t, k, t.len()), Some(k + 1));
        let t = toks("tranche la secrétaire FO Julie Martin.");
        let k = t.iter().position(|x| x.text == "secrétaire").unwrap();
        assert_eq!(org_acronym_after_role(&t, k, t.len()), Some(k + 1));
        let t = toks("tranche le délégué Paul Roux.");
        let k = t.iter().position(|x| x.text == "délégué").unwrap();
        assert_eq!(org_acronym_after_role(&t, k, t.len()), None, "a name, no acronym");
        let t = toks("tranche le délégué CGT Énergie.");
        let k = t.iter().position(|x| x.text == "délégué").unwrap();
        assert_eq!(org_acronym_after_role(&t, k, t.len()), None, "a longer body's name");
    }
    #[test]
    fn a_child_named_beside_its_parent_is_not_the_parent() {
        assert!(is_parent_noun("mère"));
        assert!(is_parent_noun("père"));
        assert!(!is_parent_noun("maire"));
        assert!(presented_as_child("Ce jour-là, la petite "));
        assert!(presented_as_child("a raconté sa fille "));
        assert!(presented_as_child("Dans la rue, la mère de "));
        assert!(presented_as_child("« Non », dit le père de la petite "));
        assert!(presented_as_child("said the mother of "));
        assert!(!presented_as_child("a déclaré le maire "));
        assert!(!presented_as_child("la mère, "));
        assert!(!presented_as_child("la fille du maire, "), "the parent is named after");
    }

    #[test]
    fn unnamed_scene_person_finds_the_unnamed_side_of_a_dialogue() {
        let scene = "Au comptoir, une cliente interpelle le boulanger Paul Ribes.";
        assert_eq!(unnamed_scene_person(scene), Some((13, "cliente".to_string())));
        let scene = "Le brigadier Marc Doré fait signe. Le cycliste, un livreur essoufflé, descend.";
        assert_eq!(unnamed_scene_person(scene).map(|(_, n)| n).as_deref(), Some("cycliste"));
        assert_eq!(unnamed_scene_person("Paul Ribes ouvre sa boutique. Le pain, lui, attend."), None);
        assert_eq!(unnamed_scene_person("Sous un ciel gris, Paul Ribes ouvre."), None);
    }
}
