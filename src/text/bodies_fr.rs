//! French institutions, organisations and documents as speakers (fr-inst, session 18).
//! Small rules the registry (`entities`) and the attribution (`attribution`, `quotes`)
//! call at one marked line each; every rule has its own test on invented sentences.

use super::attribution::{Cue, Np, Tok, ends_sentence};
use super::lexicon::{Lexicon, fold};
use crate::model::{Speaker, SpeakerKind};

/// Words that join a body's name to its complement and tell nothing of which body it is.
const LINK_WORDS: &[&str] = &[
    "de", "du", "des", "d'", "la", "le", "les", "l'", "et", "en", "à", "au", "aux",
];

/// "la préfecture de l'Isère" is not "Unité Police Isère": a body phrase whose noun has a
/// "de" complement ("HEAD de X") is the HEAD of X. A registered body that lacks the head
/// noun and carries words of its own beside X (a union, a club of that place) is another
/// body that merely shares the complement, and the phrase must not be read as it.
/// `written` is the phrase as folded text, `quals` its qualifier words, `low` the
/// candidate's folded name words.
pub(crate) fn another_body_sharing_complement(
    written: &str,
    head: &str,
    quals: &[&String],
    low: &[String],
) -> bool {
    let after_de = [" de ", " du ", " des ", " d'"]
        .iter()
        .any(|d| written.contains(d));
    if !after_de || low.iter().any(|w| w == head) {
        return false;
    }
    let own_word = |w: &String| {
        !LINK_WORDS.contains(&w.as_str()) && !quals.iter().any(|q| q.as_str() == w.as_str())
    };
    low.iter().any(own_word)
}

/// Singular present forms that end like a third person plural ("il dément", "elle ressent").
const SINGULAR_IN_ENT: &[&str] = &[
    "dément", "ment", "sent", "ressent", "consent", "pressent", "repent",
];

/// "Les syndicats jugent le texte « … »": a French verb of the third person plural
/// ("jugent", "ont jugé", "sont convenus") cannot have a singular inverted subject, so
/// the singular phrase after it ("le texte", "la réforme") is its object, never who
/// spoke. `first`/`last` are the cue's tokens, `np` the phrase after it.
pub(crate) fn singular_object_of_plural_verb(
    toks: &[Tok],
    first: usize,
    last: usize,
    np: &Np,
) -> bool {
    let lx = Lexicon::get();
    let verb = &toks[last].low;
    let french = lx.fr_cues.contains(verb.as_str()) && !lx.en_cues.contains(verb.as_str());
    let plural_aux = first < last && matches!(toks[first].low.as_str(), "ont" | "sont");
    let plural_present = first == last
        && verb.ends_with("ent")
        && !verb.ends_with("ient")
        && !SINGULAR_IN_ENT.contains(&verb.as_str());
    // ("« … », affirment le maire et son adjoint": coordinated singulars are a plural.)
    let coordinated = toks
        .get(np.last + 1)
        .is_some_and(|t| matches!(t.low.as_str(), "et" | "ou"));
    let singular = !coordinated
        && toks.get(np.first).is_some_and(|t| {
            t.is_lower_word()
                && matches!(
                    t.low.as_str(),
                    "le" | "la" | "l'" | "un" | "une" | "ce" | "cet" | "cette" | "son" | "sa"
                )
        });
    french && (plural_aux || plural_present) && singular
}

/// How far back before a pronoun the opening "Dans un communiqué," is looked for.
const ISSUED_OPENING_BYTES: usize = 120;

/// "Le groupe X a annoncé un recours. Dans un communiqué, il affirme « … »": an il/elle
/// right after a sentence-opening "Dans un/son communiqué (courriel, message, lettre…),"
/// is the one who issued the document, the subject opening the sentence before, not the
/// last person or wire named. Whether the text before `pos` ends on such an opening.
pub(crate) fn opens_on_issued_document(text: &str, pos: usize) -> bool {
    let from = super::floor_char_boundary(text, pos.saturating_sub(ISSUED_OPENING_BYTES));
    let Some(before) = text.get(from..pos).map(str::trim_end) else {
        return false;
    };
    let Some(before) = before.strip_suffix(',') else {
        return false;
    };
    // The opening is the whole clause since the sentence began.
    let cut = before
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '.' | '!' | '?' | '\n' | '»' | '"' | '”'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause = fold(before[cut..].trim());
    let words: Vec<&str> = clause.split_whitespace().collect();
    let opens = words.len() >= 3
        && words.len() <= 6
        && words[0] == "dans"
        && matches!(words[1], "un" | "une" | "son" | "sa" | "leur" | "le" | "la");
    opens
        && cut > 0
        && !clause.contains(',')
        && Lexicon::get().role(words[2]) == Some(SpeakerKind::Document)
}

/// "L'Agence de sécurité, saisie dès lundi, « accompagne la banque », indique-t-elle": a
/// body opening the il/elle's own sentence, with no person named since, is who the
/// pronoun stands for. Whether the mention at `pos` opens the sentence at `start`: only
/// an article before it.
pub(crate) fn opens_sentence(text: &str, start: usize, pos: usize) -> bool {
    let Some(before) = text.get(start..pos) else { return false };
    matches!(fold(before.trim()).as_str(), "" | "l'" | "le" | "la" | "les")
}

/// Lower-case endings of the adjectives that belong to an institution's name
/// ("académique", "régionale", "départemental").
const NAME_ADJECTIVE_ENDINGS: &[&str] = &["ique", "al", "ale", "aux", "ien", "ienne", "el", "elle", "if", "ive", "aire"];

/// "Contactée, la sous-préfecture de Meaux confirme … « … », précise-t-on": an inverted
/// "on" with no body after it speaks for the body opening the sentence before (after a
/// fronted "Contacté(e)," at most), as written. `left` is the paragraph up to the quote.
pub(crate) fn body_opening_sentence_before(cue: &Cue, left: &[Tok]) -> Option<Speaker> {
    if cue.pronoun.as_deref().map(fold).as_deref() != Some("on") {
        return None;
    }
    let lx = Lexicon::get();
    let end = (0..left.len()).rev().find(|&k| ends_sentence(left, k))?;
    let mut k = (0..end).rev().find(|&j| ends_sentence(left, j)).map_or(0, |j| j + 1);
    let fronted = |t: &Tok| t.is_word() && ["é", "ée", "és", "ées"].iter().any(|e| t.low.ends_with(e));
    if left.get(k).is_some_and(fronted) && left.get(k + 1).is_some_and(|t| t.is_punct(',')) {
        k += 2;
    }
    left.get(k).filter(|t| matches!(t.low.as_str(), "la" | "le" | "l'"))?;
    let head = left.get(k + 1)?;
    let noun = head.low.strip_prefix("sous-").unwrap_or(&head.low);
    if lx.role(noun) != Some(SpeakerKind::Organisation) {
        return None;
    }
    let mut last = k + 1;
    while last + 1 < end && last < k + 6 {
        let t = &left[last + 1];
        let adjective = t.is_lower_word() && NAME_ADJECTIVE_ENDINGS.iter().any(|e| t.low.ends_with(e));
        let complement = matches!(t.low.as_str(), "de" | "du" | "d'") && left.get(last + 2).is_some_and(|n| n.is_cap() || n.low == "l'");
        let elided = t.low == "l'" && left.get(last + 2).is_some_and(Tok::is_cap);
        if !(adjective || complement || elided || (t.is_cap() && t.is_word())) {
            break;
        }
        last += 1;
    }
    let name = left[k + 1..=last].iter().map(|t| t.text.to_string()).collect::<Vec<_>>().join(" ").replace("' ", "'");
    Some(Speaker { name, kind: SpeakerKind::Organisation })
}

/// News wires whose name a French dispatch carries ("LYON, 5 avril (AFP) -", "a indiqué à
/// l'AFP"): they relay what others say.
const NEWS_WIRES: &[&str] = &["afp", "agence france-presse", "reuters", "associated press", "belga", "dpa", "ansa"];

/// A French quote's candidate speaker that is a news wire: the wire only carries the
/// quote, it never is who spoke it ("… jugé « dangereux », a-t-on appris auprès de
/// l'intersyndicale" under an "(AFP)" dateline). `name` as the speaker is shown.
pub(crate) fn is_news_wire(name: &str) -> bool {
    NEWS_WIRES.contains(&fold(name.trim()).as_str())
}

/// "Un manque d'effectifs jugé « dangereux », a-t-on appris auprès de l'intersyndicale":
/// the wire's "on learned from X" (a-t-on appris, avait-on appris, apprend-on) closing a
/// quote's sentence names X as the source of the quote, over any participle before it
/// ("jugé", which has no subject of its own). `right` is the reporter's words after the
/// quote; the cue is given with its "on", for `rules_fr::body_behind_on` to read X.
pub(crate) fn learned_from_on(right: &[Tok]) -> Option<Cue> {
    let first = usize::from(right.first()?.is_punct(','));
    let aux = right.get(first)?;
    let last = match aux.low.as_str() {
        "a-t-on" | "avait-on" if right.get(first + 1).is_some_and(|t| t.low == "appris") => first + 1,
        "apprend-on" => first,
        _ => return None,
    };
    right.get(last + 1).filter(|t| t.low == "auprès")?;
    let text = right[first..=last].iter().map(|t| t.text.to_string()).collect::<Vec<_>>().join(" ");
    Some(Cue { first, last, text, participle: false, preposition: false, pronoun: Some("on".to_string()) })
}

/// "…, a-t-on appris auprès de la préfecture. … selon la même source, qui fait état de
/// « … »": a body named after "auprès de" (the wire's informant) is a source heard even
/// though no cue verb made it speak. Whether the mention at `pos` follows "auprès de"
/// (its article before it or not).
pub(crate) fn follows_aupres_de(text: &str, pos: usize) -> bool {
    let from = super::floor_char_boundary(text, pos.saturating_sub(24));
    let Some(before) = text.get(from..pos) else { return false };
    let before = fold(before.trim_end());
    let before = ["la", "le", "l'", "les"].iter().find_map(|a| before.strip_suffix(a)).map_or(before.as_str(), str::trim_end);
    ["aupres de", "aupres du", "aupres des", "aupres d'", "auprès de", "auprès du", "auprès des", "auprès d'"]
        .iter()
        .any(|p| before.ends_with(p))
}

/// "L'Union cycliste internationale a indiqué …", "L'Association sportive de X": a phrase
/// whose first word after the article is a capitalised body word (org_words.txt) is that
/// body's name; a lower-case word after it ("cycliste", "sportive") is an adjective of the
/// name, not a person's role noun to resolve to the last rider named. The name's words
/// (without the article), when `written` is such a phrase of two words or more.
pub(crate) fn capitalised_body_name(written: &str) -> Option<Vec<String>> {
    let mut words: Vec<String> = written.split_whitespace().map(str::to_string).collect();
    let first = words.first()?.clone();
    if matches!(fold(&first).as_str(), "la" | "le" | "les") {
        words.remove(0);
    } else if let Some(rest) = ["L'", "l'", "L’", "l’"].iter().find_map(|a| first.strip_prefix(a)) {
        words[0] = rest.to_string();
    }
    let head = words.first()?;
    let capitalised = head.chars().next().is_some_and(char::is_uppercase);
    let lower_next = words.get(1).is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    (capitalised && lower_next && Lexicon::get().is_org_word(head)).then_some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    fn cue_and_object(s: &str, verb: &str, obj: &str) -> bool {
        let t = crate::text::attribution::tokenize(s, 0..s.len(), &[]);
        let last = t.iter().position(|x| x.low == verb).unwrap();
        let first = if last > 0 && matches!(t[last - 1].low.as_str(), "ont" | "sont" | "a") {
            last - 1
        } else {
            last
        };
        let o = t.iter().skip(last).position(|x| x.low == obj).unwrap() + last;
        let np = crate::text::attribution::np_forward(&t, o, t.len()).expect(s);
        singular_object_of_plural_verb(&t, first, last, &np)
    }

    #[test]
    fn a_plural_verb_takes_no_singular_inverted_subject() {
        assert!(cue_and_object(
            "Les deux fédérations jugent le rapport « trop brutal ».",
            "jugent",
            "le"
        ));
        // Coordinated singulars make a plural subject.
        assert!(!cue_and_object(
            "« Non », affirment le maire et son adjoint.",
            "affirment",
            "le"
        ));
        // A singular verb keeps its inverted subject.
        assert!(!cue_and_object(
            "« C'est trop tard », juge la présidente du club.",
            "juge",
            "la"
        ));
        // "dément" is singular though it ends in -ent.
        assert!(!cue_and_object(
            "« Rien de tel », dément le maire.",
            "dément",
            "le"
        ));
        // A plural phrase after a plural verb may be its subject.
        assert!(!cue_and_object(
            "« Assez ! », lancent les responsables.",
            "lancent",
            "les"
        ));
    }

    #[test]
    fn a_pronoun_after_an_issued_document_opening_is_its_issuer() {
        let s = "La fédération a saisi la justice. Dans un communiqué publié lundi, elle dénonce « un abus ».";
        assert!(opens_on_issued_document(s, s.find("elle").unwrap()));
        let s = "Le club a perdu. Dans sa lettre, il regrette « ce gâchis ».";
        assert!(opens_on_issued_document(s, s.find("il regrette").unwrap()));
        // Not a document: a place or a time.
        let s = "Le club a perdu. Dans la soirée, il regrette « ce gâchis ».";
        assert!(!opens_on_issued_document(s, s.find("il regrette").unwrap()));
        // Not opening the sentence.
        let s = "Le club a perdu et, dans un message, il regrette « ce gâchis ».";
        assert!(!opens_on_issued_document(s, s.find("il regrette").unwrap()));
    }


    #[test]
    fn a_body_opening_its_sentence_is_found() {
        let s = "Hier. L'Agence de sécurité, saisie lundi, « aide », indique-t-elle.";
        let start = s.find("L'Agence").unwrap();
        assert!(opens_sentence(s, start, s.find("Agence").unwrap()));
        assert!(!opens_sentence(s, start, s.find("saisie").unwrap()));
    }


    #[test]
    fn an_inverted_on_speaks_for_the_body_opening_the_sentence_before() {
        let s = "Contactée, la sous-préfecture de Rionville confirme la date. « Le vote aura lieu lundi », précise-t-on.";
        let t = crate::text::attribution::tokenize(s, 0..s.len(), &[]);
        let cues = crate::text::attribution::find_cues(&t);
        let cue = cues.iter().find(|c| c.pronoun.as_deref() == Some("on")).unwrap();
        let q = t.iter().position(|x| x.text == "«").unwrap();
        let body = body_opening_sentence_before(cue, &t[..q]).unwrap();
        assert_eq!(body.name, "sous-préfecture de Rionville");
        // A person opening the sentence before: no body.
        let s = "Le maire confirme la date. « Le vote aura lieu lundi », précise-t-on.";
        let t = crate::text::attribution::tokenize(s, 0..s.len(), &[]);
        let cues = crate::text::attribution::find_cues(&t);
        let cue = cues.iter().find(|c| c.pronoun.as_deref() == Some("on")).unwrap();
        let q = t.iter().position(|x| x.text == "«").unwrap();
        assert!(body_opening_sentence_before(cue, &t[..q]).is_none());
    }

    #[test]
    fn a_body_sharing_only_the_complement_is_another_body() {
        let q = ["isère".to_string()];
        let quals: Vec<&String> = q.iter().collect();
        // A police union named after the département is not its prefecture.
        assert!(another_body_sharing_complement(
            "la préfecture de l'isère",
            "préfecture",
            &quals,
            &words("unité police isère")
        ));
        // The prefecture registered under its full name is the same body.
        assert!(!another_body_sharing_complement(
            "la préfecture de l'isère",
            "préfecture",
            &quals,
            &words("préfecture de l' isère")
        ));
        // A name given beside the noun, not after "de", is left to the other rules.
        let r = ["vélaris".to_string()];
        let rq: Vec<&String> = r.iter().collect();
        assert!(!another_body_sharing_complement(
            "la société vélaris",
            "société",
            &rq,
            &words("vélaris holding")
        ));
        // Only the complement's own words: not another body.
        assert!(!another_body_sharing_complement(
            "la préfecture de l'isère",
            "préfecture",
            &quals,
            &words("isère")
        ));
    }

    #[test]
    fn a_news_wire_is_never_a_speaker() {
        assert!(is_news_wire("AFP"));
        assert!(is_news_wire("Agence France-Presse"));
        assert!(!is_news_wire("Agence régionale de santé"));
        assert!(!is_news_wire("Afpa"));
    }

    #[test]
    fn on_learned_from_a_body_names_the_source() {
        let right = |s: &str| crate::text::attribution::tokenize(s, 0..s.len(), &[]);
        let t = right(", a-t-on appris auprès de la fédération des artisans.");
        let cue = learned_from_on(&t).unwrap();
        assert_eq!(cue.pronoun.as_deref(), Some("on"));
        let body = crate::text::rules_fr::body_behind_on(&t, &cue).unwrap();
        assert_eq!(body.name, "fédération des artisans");
        assert!(learned_from_on(&right(", apprend-on auprès du syndicat.")).is_some());
        // Learning a trade from someone is no attribution.
        assert!(learned_from_on(&right(", a-t-on appris hier.")).is_none());
        assert!(learned_from_on(&right(", a-t-il appris auprès de son oncle.")).is_none());
    }

    #[test]
    fn a_body_named_after_aupres_de_is_a_source_heard() {
        let s = "Le trafic est coupé, a-t-on appris auprès de la préfecture du Gard.";
        assert!(follows_aupres_de(s, s.find("la préfecture").unwrap()));
        assert!(follows_aupres_de(s, s.find("préfecture").unwrap()));
        let s = "Le maire a écrit à la préfecture du Gard.";
        assert!(!follows_aupres_de(s, s.find("préfecture").unwrap()));
    }

    #[test]
    fn a_capitalised_body_word_opens_a_name_not_a_role() {
        assert_eq!(
            capitalised_body_name("L'Union cycliste internationale").unwrap(),
            words("Union cycliste internationale")
        );
        assert_eq!(capitalised_body_name("la Fédération nautique").unwrap(), words("Fédération nautique"));
        // A role noun of a person, or a lower-case body word, is not a name.
        assert!(capitalised_body_name("le cycliste").is_none());
        assert!(capitalised_body_name("l'union cycliste").is_none());
    }
}
