//! Sentence splitting for English and French news text.
//!
//! Starts from the Unicode sentence boundaries (UAX #29, which already keeps closing
//! quotation marks — ” » ' — with the sentence they end) and then undoes the boundaries
//! UAX #29 gets wrong in news prose: after abbreviations ("Dr.", "U.S.", "M.", "Mme"),
//! after initials ("J. Shea"), before a continuation that starts in lower case
//! ("« Non », a-t-il dit"), and around fragments that are only punctuation.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

/// Abbreviation → whether it can also end a sentence (`end` in the asset file).
/// The one abbreviation list: the tokenizer of `attribution` reads it through
/// [`abbreviation`] too.
fn abbreviations() -> &'static HashMap<&'static str, bool> {
    static MAP: OnceLock<HashMap<&'static str, bool>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for line in include_str!("../../assets/abbreviations.txt").lines() {
            let mut cols = line.split_whitespace();
            let Some(abbr) = cols.next().filter(|a| !a.starts_with('#')) else {
                continue;
            };
            let ends = cols.next() == Some("end");
            let e = map.entry(abbr).or_insert(false);
            *e |= ends;
        }
        map
    })
}

/// Words that typically open a sentence. After an abbreviation that can also end one
/// ("U.S.", "etc.", "Inc."), one of these means the stop did end the sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
    "Those", "There", "Then", "But", "And", "Yet", "So", "In", "On", "At", "As", "For", "If",
    "When", "While", "After", "Before", "His", "Her", "Its", "Their", "Our", "My", "Some",
    "Many", "Most", "However", "Meanwhile", "Still", "Now", "What", "Why", "How", "Who",
    "Il", "Elle", "Ils", "Elles", "Le", "La", "Les", "L", "Un", "Une", "Des", "Ce", "Cette",
    "Ces", "Cela", "Mais", "Et", "En", "Selon", "Nous", "Vous", "Je", "Dans", "Pour", "Par",
    "Au", "Aux", "Depuis", "Lors", "Après", "Avant", "Si", "C", "D",
];

/// Whether `word` (without its full stop) is a listed abbreviation, and if so whether it
/// can also end a sentence.
pub(crate) fn abbreviation(word: &str) -> Option<bool> {
    abbreviations().get(word).copied()
}

pub(crate) fn is_sentence_starter(word: &str) -> bool {
    SENTENCE_STARTERS.contains(&word)
}

/// (fr-names) Heads of institutions' names whose complement is in lower case ("Université de
/// technologie de …", "Chambre d'agriculture", "Maison de santé de …") that the role and
/// organisation lists do not hold: a name for [`noun_with_complement_opening`].
const INSTITUTION_HEADS: &[&str] = &[
    "université", "chambre", "école", "lycée", "collège", "maison", "hôpital", "clinique", "musée", "théâtre", "caisse", "fondation",
    "observatoire", "assemblée", "union", "ordre", "régie", "haute", "haut", "conservatoire", "opéra", "palais", "parc", "réserve",
];

/// (fr-names) "Réponse du maire : « … »", "Colère des riverains", "Avis de l'expert
/// judiciaire": a capitalised word opening its sentence (token `k`), followed by "de", "du",
/// "des" or "d'" (and "la" or "l'") and then a word in lower case, is a common noun heading
/// its complement, never a name on its own; who speaks is in the complement. Names keep a
/// capital after the particle ("José de Souza", "Martin du Gard"), and a body's or a role's
/// word stays part of a name.
pub(crate) fn noun_with_complement_opening(toks: &[crate::text::attribution::Tok], k: usize) -> bool {
    let opens = k == 0 || crate::text::attribution::ends_sentence(toks, k - 1) || toks[k - 1].is_punct(':');
    let word = |j: usize| toks.get(j).map(|t| t.low.as_str()).unwrap_or("");
    if !opens || !toks[k].is_cap() || !matches!(word(k + 1), "de" | "du" | "des" | "d'") {
        return false;
    }
    // (A body's or a role's word keeps its name: "Chambre d'agriculture", "Université de
    // technologie de Compiègne".)
    let lx = crate::text::lexicon::Lexicon::get();
    let low = toks[k].low.as_str();
    if lx.is_org_word(low) || lx.role(low).is_some() || INSTITUTION_HEADS.contains(&low) || lx.is_place_name(&[low.to_string()]) {
        return false;
    }
    let after = if word(k + 1) == "de" && matches!(word(k + 2), "la" | "l'") { k + 3 } else { k + 2 };
    toks.get(after).is_some_and(|t| t.is_lower_word())
}

/// (fr-names) "… a « probablement culminé » cette semaine, a annoncé l'agence, qui appelle
/// à la prudence": a relative pronoun right after the comma that closes an inverted
/// attribution opens a clause about its speaker; the attribution still closes the
/// quote's sentence (like a trailing participle clause).
pub(crate) fn relative_about_speaker(t: &crate::text::attribution::Tok) -> bool {
    t.is_lower_word() && matches!(t.low.as_str(), "qui" | "dont" | "who")
}

/// (fr-names) Who speaks in "Réponse du maire : « … »", "Colère de la directrice : « … »":
/// the role in the complement of the noun opening the sentence the colon closes
/// ([`noun_with_complement_opening`]), as a definite role ("du" holds the article "le").
pub(crate) fn complement_of_opening_noun(toks: &[crate::text::attribution::Tok]) -> Option<crate::text::attribution::Np> {
    use crate::text::attribution::{Np, NpKind, np_forward};
    if !noun_with_complement_opening(toks, 0) {
        return None;
    }
    let word = |j: usize| toks.get(j).map(|t| t.low.as_str()).unwrap_or("");
    match word(1) {
        "de" if matches!(word(2), "la" | "l'") => np_forward(toks, 2, toks.len()),
        "du" => {
            let head = word(2);
            let kind = crate::text::lexicon::Lexicon::get().role(head)?;
            let gender = crate::text::lexicon::role_noun_gender(head, true);
            let kind = NpKind::Role { kind, head: head.to_string(), definite: true };
            Some(Np { first: 2, last: 2, kind, quals: Vec::new(), gender, start: toks[2].start, end: toks[2].end })
        }
        _ => None,
    }
}

fn first_word(s: &str) -> &str {
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..end]
}

/// Split `text` into sentences. Ranges are byte ranges into `text`, offset by `base`
/// (so a paragraph can be split and its ranges point into the whole article), trimmed of
/// surrounding white space. Empty input gives no sentences.
pub fn split(text: &str, base: usize) -> Vec<Range<usize>> {
    let mut pieces: Vec<Range<usize>> = Vec::new();
    for (start, seg) in uax29_sentences(text) {
        let Some(mut r) = trimmed(text, start..start + seg.len()) else {
            continue;
        };
        // UAX #29 only keeps a closing mark with its sentence when no space precedes it;
        // French sets one before »: "« Non. Jamais. » Puis …" — move "»" back.
        if let Some(prev) = pieces.last_mut() {
            let piece = &text[r.clone()];
            let closers = piece.len() - piece.trim_start_matches(['»', '”']).len();
            let rest = &piece[closers..];
            if closers > 0 && rest.chars().next().is_some_and(char::is_whitespace) {
                prev.end = r.start + closers;
                match trimmed(text, r.start + closers..r.end) {
                    Some(t) => r = t,
                    None => continue,
                }
            }
        }
        match pieces.last_mut() {
            Some(prev) if should_join(&text[prev.clone()], &text[r.clone()]) => prev.end = r.end,
            _ => pieces.push(r),
        }
    }
    let mut sentences = Vec::with_capacity(pieces.len());
    for r in pieces {
        split_missed_boundaries(text, r, &mut sentences);
    }
    for r in &mut sentences {
        *r = r.start + base..r.end + base;
    }
    sentences
}

/// The UAX #29 sentences of `text` with their byte offsets, exactly as
/// `split_sentence_bound_indices` gives them, found with a fraction of the work.
///
/// The rules see only each character's sentence-break class (Lower, Upper, Numeric,
/// ATerm, Sp…); none counts how many times a class repeats, and none breaks inside a run
/// of letters or digits. So a run of ASCII lower-case letters, of upper-case ones or of
/// digits can stand as its first character, and the boundaries found on the shorter text
/// mapped back. Lower-case words joined by single spaces ("said on monday") are one run
/// too: no rule breaks after a Lower letter unless a terminator follows it, and every
/// rule that looks ahead past spaces stops at the first letter. (Prose is mostly such
/// runs; the class of every character costs a table search in the crate.)
fn uax29_sentences(text: &str) -> Vec<(usize, &str)> {
    let bytes = text.as_bytes();
    let mut short = String::with_capacity(text.len() / 2);
    // Where `short` and `text` stop being aligned: from `short` offset `.0` on, a byte of
    // `short` is `.1` bytes further in `text` (until the next shift).
    let mut shifts: Vec<(usize, usize)> = vec![(0, 0)];
    let mut run_class = 0u8;
    for (i, c) in text.char_indices() {
        let class = match c {
            'a'..='z' => 1,
            'A'..='Z' => 2,
            '0'..='9' => 3,
            ' ' if run_class == 1 && bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase) => continue,
            _ => 0,
        };
        if class != 0 && class == run_class {
            continue;
        }
        run_class = class;
        let shift = i - short.len();
        if shifts.last().is_some_and(|&(_, s)| s != shift) {
            shifts.push((short.len(), shift));
        }
        short.push(c);
    }
    // The end of `short` is the end of `text`.
    shifts.push((short.len(), text.len() - short.len()));
    // Boundaries come in order: walk the shifts along with them.
    let mut k = 0;
    let mut origin = |at: usize| {
        while k + 1 < shifts.len() && shifts[k + 1].0 <= at {
            k += 1;
        }
        at + shifts[k].1
    };
    let bounds: Vec<(usize, usize)> = short.split_sentence_bound_indices().map(|(start, seg)| (start, start + seg.len())).collect();
    bounds
        .into_iter()
        .map(|(start, end)| {
            let (from, to) = (origin(start), origin(end));
            (from, &text[from..to])
        })
        .collect()
}

/// Boundaries UAX #29 never makes that news and fiction rely on:
/// - after "…" (U+2026) when a capitalised word follows: "Il hésite… Puis il part." A
///   lower-case continuation ("is… not") stays;
/// - before a dialogue dash that opens a new line of speech after a full stop, "!" or
///   "?": "En voiture ! — Oui." / "Poor Miss Taylor! -- I wish…". UAX #29 treats a dash
///   after a stop as a continuation (SContinue), which runs whole dialogues together.
///   The same after a colon that announces the line ("Il répondit : — Non."): the dash
///   opens a line of dialogue of its own, printed on a new line in the original.
///
/// The pieces go to `out`.
fn split_missed_boundaries(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = r.start;
    let piece = &text[r.clone()];
    for (i, mark) in piece.match_indices(['…', '.', '!', '?', ':']) {
        let after_mark = r.start + i + mark.len();
        let rest = &text[after_mark..r.end];
        let closers = rest.len() - rest.trim_start_matches(['”', '»', '’', '"', ')']).len();
        let end = after_mark + closers;
        let tail = &text[end..r.end];
        let gap = tail.len() - tail.trim_start().len();
        if gap == 0 || end + gap >= r.end {
            continue;
        }
        let mut next = &text[end + gap..r.end];
        if mark != "…" {
            // Only a dialogue dash, itself followed by a space, reopens after . ! ? :
            let Some(after_dash) = ["--", "—", "–"].iter().find_map(|d| next.strip_prefix(d)) else {
                continue;
            };
            if !after_dash.starts_with(char::is_whitespace) {
                continue;
            }
            next = after_dash;
        }
        let opens_upper = next
            .trim_start_matches(['«', '“', '"', '‘', '(', ' ', '\u{a0}', '\u{202f}'])
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if opens_upper && end > start {
            out.push(start..end);
            start = end + gap;
        }
    }
    out.push(start..r.end);
}

fn trimmed(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if t.is_empty() {
        None
    } else {
        Some(r.start + lead..r.start + lead + t.len())
    }
}

/// Whether the boundary between `prev` and `next` is a false one.
fn should_join(prev: &str, next: &str) -> bool {
    // A fragment with no letter or digit (a stray closing mark, "…") belongs to the
    // sentence before it.
    if !next.chars().any(char::is_alphanumeric) {
        return true;
    }
    // The next piece continues in lower case: "… domain. » a-t-il dit", "… U.S. officials".
    let first = next
        .chars()
        .find(|c| c.is_alphanumeric())
        .unwrap_or(' ');
    if first.is_lowercase() {
        return true;
    }
    let prev = prev.trim_end();
    // Only a full stop can follow an abbreviation; "?" and "!" always end a sentence.
    let Some(before_stop) = prev.strip_suffix('.') else {
        return false;
    };
    let word = before_stop
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '«' | '‘' | '['))
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // An initial: a single capital letter ("J. Shea", "M. Poupard").
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    match abbreviations().get(word) {
        Some(true) => !SENTENCE_STARTERS.contains(&first_word(next)),
        Some(false) => true,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<crate::text::attribution::Tok> {
        crate::text::attribution::tokenize(s, 0..s.len(), &[])
    }

    #[test]
    fn a_noun_with_its_complement_opening_a_sentence_is_no_name() {
        assert!(noun_with_complement_opening(&toks("Réponse du maire : oui."), 0));
        assert!(noun_with_complement_opening(&toks("Colère de la directrice : non."), 0));
        assert!(noun_with_complement_opening(&toks("Avis d'expert : non."), 0));
        // A name keeps its capital after the particle; a body's word stays a name; not at a sentence start.
        assert!(!noun_with_complement_opening(&toks("José de Souza a parlé."), 0));
        assert!(!noun_with_complement_opening(&toks("Université de technologie de Compiègne."), 0));
        assert!(!noun_with_complement_opening(&toks("Il cite Réponse du maire."), 2));
    }

    #[test]
    fn the_role_in_the_complement_of_an_opening_noun_speaks() {
        let np = complement_of_opening_noun(&toks("Réponse du maire :")).expect("a role");
        assert!(matches!(np.kind, crate::text::attribution::NpKind::Role { ref head, definite: true, .. } if head == "maire"), "{np:?}");
        assert!(complement_of_opening_noun(&toks("Réponse de Paul Durand :")).is_none());
    }

    #[test]
    fn a_relative_pronoun_opens_a_clause_about_the_speaker() {
        let t = toks("qui appelle, dont elle, lequel");
        assert!(relative_about_speaker(&t[0]));
        assert!(relative_about_speaker(&t[3]));
        assert!(!relative_about_speaker(&t[6]));
    }

    fn texts(s: &str) -> Vec<&str> {
        split(s, 0).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            texts("It rained. Then it stopped! Did it? Yes."),
            ["It rained.", "Then it stopped!", "Did it?", "Yes."]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            texts("Dr. Jamie Shea spoke. The U.S. Army and J. R. Smith agreed. Mr. Poupard left."),
            ["Dr. Jamie Shea spoke.", "The U.S. Army and J. R. Smith agreed.", "Mr. Poupard left."]
        );
    }

    #[test]
    fn french_quotes_and_inverted_attribution_stay_together() {
        let s = "« Cela montre que certains membres continuent. », a expliqué M. Wainwright. Il est parti.";
        assert_eq!(
            texts(s),
            [
                "« Cela montre que certains membres continuent. », a expliqué M. Wainwright.",
                "Il est parti."
            ]
        );
    }

    #[test]
    fn english_quote_close_stays_with_sentence() {
        let s = "“It does show that.” Daesh is the acronym.";
        assert_eq!(texts(s), ["“It does show that.”", "Daesh is the acronym."]);
    }

    #[test]
    fn base_offsets_are_applied() {
        let r = split("A b. C d.", 10);
        assert_eq!(r, vec![10..14, 15..19]);
    }

    #[test]
    fn abbreviations_that_can_end_a_sentence() {
        assert_eq!(
            texts("He moved to the U.S. He said it was fine. The U.S. Army left."),
            ["He moved to the U.S.", "He said it was fine.", "The U.S. Army left."]
        );
        assert_eq!(
            texts("Apples, pears, etc. The rest was sold. Acme Inc. Chairman Jo spoke."),
            ["Apples, pears, etc.", "The rest was sold.", "Acme Inc. Chairman Jo spoke."]
        );
        assert_eq!(texts("Les pommes, etc. Le reste. Il est là."), ["Les pommes, etc.", "Le reste.", "Il est là."]);
    }

    #[test]
    fn titles_without_a_stop_and_french_words_like_est() {
        assert_eq!(
            texts("Dr Jamie Shea, told Euronews. Shea said so. Ce qu'il est. Il part."),
            ["Dr Jamie Shea, told Euronews.", "Shea said so.", "Ce qu'il est.", "Il part."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            texts("It is… not easily done. Il hésite… Puis il part. He said “wait…” Then left."),
            ["It is… not easily done.", "Il hésite…", "Puis il part.", "He said “wait…”", "Then left."]
        );
        assert_eq!(texts("realize that ... security is key."), ["realize that ... security is key."]);
    }

    #[test]
    fn dialogue_dashes_open_a_new_sentence_after_a_stop() {
        assert_eq!(
            texts("Quel malheur ! -- Il m’est impossible, papa. — En voiture ! – Oui. Fin."),
            ["Quel malheur !", "-- Il m’est impossible, papa.", "— En voiture !", "– Oui.", "Fin."]
        );
        assert_eq!(
            texts("He said, \"Poor Miss Taylor! -- I wish she were here.\""),
            ["He said, \"Poor Miss Taylor!", "-- I wish she were here.\""]
        );
        // A dash that continues the sentence, or joins words, does not split it.
        assert_eq!(texts("It rained! -- or so we thought."), ["It rained! -- or so we thought."]);
        assert_eq!(texts("Il a dit non. —Jamais plus."), ["Il a dit non. —Jamais plus."]);
        assert_eq!(texts("Paris–Berlin. Then home."), ["Paris–Berlin.", "Then home."]);
        // A colon announcing a line of dialogue.
        assert_eq!(
            texts("Il répondit affectueusement : — Ah ! ma chère, non."),
            ["Il répondit affectueusement :", "— Ah ! ma chère, non."]
        );
        // A colon before a plain clause, or a dash inside a list, stays in the sentence.
        assert_eq!(texts("Il a dit : non, jamais."), ["Il a dit : non, jamais."]);
        assert_eq!(texts("Trois villes : Paris – Lyon – Lille."), ["Trois villes : Paris – Lyon – Lille."]);
    }

    #[test]
    fn french_guillemets_with_inner_sentences() {
        let s = "Il a dit : « Non. Jamais. » Puis il est parti. « Oui », a-t-elle répondu.";
        assert_eq!(
            texts(s),
            ["Il a dit : « Non.", "Jamais. »", "Puis il est parti.", "« Oui », a-t-elle répondu."]
        );
    }

    #[test]
    fn offsets_are_exact_on_multibyte_text() {
        let s = "Été… Très chaud. « Non », dit-il. Fin.";
        for r in split(s, 0) {
            assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            assert_eq!(&s[r.clone()], s[r].trim());
        }
    }

    #[test]
    fn the_shortcut_finds_the_unicode_boundaries() {
        let same = |t: &str| {
            let expected: Vec<(usize, &str)> = t.split_sentence_bound_indices().collect();
            assert_eq!(uax29_sentences(t), expected, "{t:?}");
        };
        for f in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus")).unwrap() {
            same(&std::fs::read_to_string(f.unwrap().path()).unwrap());
        }
        // Strings of characters of every class the rules tell apart, in many orders.
        let alphabet: Vec<char> = "aZbY19 .!?\n\r)\"”»«,:éÉ\u{300}\u{ad}\u{2029}。-—\u{a0}'ß".chars().collect();
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let len = (seed % 24) as usize;
            let mut t = String::new();
            for _ in 0..len {
                // xorshift: deterministic, no dependency.
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let c = alphabet[(seed % alphabet.len() as u64) as usize];
                // Runs of the same class, as in words.
                for _ in 0..1 + (seed >> 40) % 3 {
                    t.push(c);
                }
            }
            same(&t);
            seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        }
    }

    #[test]
    fn numbers_with_separators_do_not_split() {
        assert_eq!(texts("More than 2.000 items. Next."), ["More than 2.000 items.", "Next."]);
    }
}
