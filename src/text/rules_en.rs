//! English attribution rules: the grammar of English reporting that the shared engine
//! (`attribution`, `entities`) calls into. Every rule works on the one tokenizer's tokens
//! (`attribution::tokenize`) and the one lexicon (`lexicon`), and is named in [`RULES`]
//! with the test that checks it alone (the French ones are in `rules_fr`).

use super::attribution::{Cue, Np, NpKind, Tok, TokKind, content_words, ends_sentence, is_det, is_full_name, is_name_word, np_forward};
use super::lexicon::{Gender, Lexicon, fold, role_noun_gender};
use crate::model::SpeakerKind;

/// The English rules by name, with the test in this file that checks each one alone.
pub const RULES: &[(&str, &str)] = &[
    ("'From Bush's Facebook post: “…”', 'More from the report: “…”': the source after an opening 'From' announces the quote", "rules_en::tests::the_source_after_an_opening_from_announces_the_quote"),
    ("'Harlan supporters chanted', 'Park protesters shouted': a name before a plural noun for people names a group, not that person", "rules_en::tests::a_name_before_a_plural_noun_for_people_is_a_group"),
    ("'may have said it best when he blogged:': an object pronoun after a cue is not its inverted subject", "rules_en::tests::an_object_pronoun_after_a_cue_is_not_its_subject"),
    ("'Said Anna Berg, …': a past cue opening a sentence before a name", "rules_en::tests::a_past_cue_opening_a_sentence_before_a_name_is_a_cue"),
    ("present forms are cues only after a subject or at the start", "rules_en::tests::a_present_form_is_a_cue_only_after_its_subject"),
    ("'That said', 'declaring war': not cues", "rules_en::tests::that_said_and_gerunds_are_not_cues"),
    ("'figures released by police', 'a video posted Wednesday': participles describing a noun", "rules_en::tests::a_participle_describing_a_noun_is_not_a_cue"),
    ("'the New York businessman': a place qualifies the noun after it", "rules_en::tests::a_place_after_an_article_qualifies_the_noun_after_it"),
    ("'Republican party boss Reince Priebus': the name after a role heads the phrase", "rules_en::tests::the_name_after_a_capitalised_role_heads_the_phrase"),
    ("'needled the CNN “reporter,” saying, “…”': a scare quote inside the clause does not end the attribution", "rules_en::tests::a_scare_quote_inside_the_clause_is_no_boundary"),
    ("'Jonathan Hall KC': post-nominal letters end the name", "rules_en::tests::post_nominal_letters_end_the_name"),
    ("'James B. Comey Jr.': a generational suffix stays in the name, with its stop", "rules_en::tests::a_generational_suffix_stays_in_the_name"),
    ("'Comey' is 'James B. Comey Jr.': names match without their suffix", "rules_en::tests::names_match_without_their_suffix"),
    ("'the U.S. Navy', 'Acme Inc.': a dotted abbreviation keeps its stop in a name", "rules_en::tests::a_dotted_abbreviation_keeps_its_stop_in_a_name"),
    ("'Nasr al-Ansi': an Arabic particle joined to a name", "rules_en::tests::an_arabic_particle_joined_by_a_hyphen_is_part_of_a_name"),
    ("'Sanders' campaign manager': a plural possessive splits like 's", "rules_en::tests::a_plural_possessive_splits_like_s"),
    ("'Several Twitter executives': a capitalised quantifier is no name", "rules_en::tests::a_capitalised_quantifier_is_no_name"),
    ("'a State Department official', 'the Trump campaign': the noun after a name heads the phrase", "rules_en::tests::the_role_noun_after_a_name_heads_the_phrase"),
    ("'the LinkedIn chief executive, Jeff Weiner, said': written with the description before the name", "rules_en::tests::a_description_set_before_a_name_is_part_of_how_it_is_written"),
    ("'a longtime adviser to Trump': the principal after 'to' completes the description", "rules_en::tests::the_principal_after_to_completes_a_role"),
    ("'the New York businessman says', 'the ad claims': a present form after a described person or a document", "rules_en::tests::a_present_form_after_a_described_person_or_document_is_a_cue"),
    ("'one Democratic source on the panel', 'a Wednesday editorial in the Des Moines Register': an unnamed person's or document's description runs to the end of its clause", "rules_en::tests::an_unnamed_description_keeps_its_complement"),
    ("'one Trump confidant': 'one' before a role noun opens an unnamed description", "rules_en::tests::one_before_a_role_noun_describes_someone_unnamed"),
    ("'Obama's former campaign strategist': a profession after a possessor heads the phrase", "rules_en::tests::a_profession_after_a_possessor_heads_the_phrase"),
    ("'Lamenting their luck, …': a capitalised participle opening a sentence is no name", "rules_en::tests::a_participle_opening_a_sentence_is_no_name"),
    ("'my father often said': a possessive opens a description at a cue, and an adverb or modal may stand before the cue", "rules_en::tests::a_possessive_description_before_a_cue_speaks"),
    ("'Marcia “Cia” Price': a short quoted word inside a name is a nickname", "rules_en::tests::a_nickname_inside_a_name_joins_it"),
    ("'state Del. Marcia Price': 'state' before a word is the noun, not a cue", "rules_en::tests::state_before_a_word_is_a_noun"),
    ("'Mexicans often say': the plural of a nationality is a group that speaks", "rules_en::tests::the_people_of_a_place_speak_as_a_group"),
    ("'one senior Democrat', 'another source familiar with Cruz's thinking said': unnamed party members and descriptions before a cue", "rules_en::tests::an_unnamed_description_before_a_cue_is_its_subject"),
    ("'the New York businessman': a role noun in -man/-woman tells the gender it may refer to", "rules_en::tests::a_role_noun_in_man_or_woman_tells_a_gender"),
    ("'“…” ― Adriana Rodarte': a dash and a name after a quote sign it", "rules_en::tests::a_dash_and_a_name_after_a_quote_sign_it"),
    ("'During a speech, Trump attacked …, saying': a participle's subject follows a fronted phrase", "rules_en::tests::a_participle_after_a_fronted_phrase_takes_the_clause_subject"),
    ("'Peter T. King', 'Stephen King': a role word ending a name after a first name or an initial is a surname", "rules_en::tests::a_role_word_after_a_first_name_is_a_surname"),
    ("'UC-AFT President Bob Samuels', 'Air Force 1st Lt. Tyler Livingston', 'Oversight ranking Democrat Elijah Cummings': a capitalised title after a body's name heads with the name after it", "rules_en::tests::the_name_after_a_body_and_its_title_heads_the_phrase"),
    ("'Former Arkansas Gov. Mike Huckabee', 'Alabama Securities Commissioner Thomas Krebs': the words before a title abbreviation, or several words with no body's noun before a role and a name, qualify the title and name no one", "rules_en::tests::the_words_before_a_title_abbreviation_name_no_one"),
    ("'Securities and Exchange Commission': 'and' between capitalised words joins a body's name ending in its noun", "rules_en::tests::and_joins_the_words_of_a_body_name"),
    ("'Elizabeth Warren Hammers Wells Fargo CEO': in a Title Case headline a name is cut back to how the text writes it elsewhere", "rules_en::tests::a_name_in_a_title_case_headline_is_cut_to_the_known_name"),
    ("'the Republican said': a party's noun after 'the', ending the phrase, is one member", "rules_en::tests::the_party_noun_ending_a_phrase_is_one_member"),
    ("'said one of those advisers', 'one of two witnesses': one of a group of people is someone unnamed", "rules_en::tests::one_of_a_group_of_people_is_someone_unnamed"),
    ("'a White House official who spoke anonymously said': a relative clause without commas stands between the subject and its cue", "rules_en::tests::a_relative_clause_between_subject_and_cue"),
    ("'some protesters chanted', '50 protesters shouted', '14 percent said': a count and a plural noun for people, or a share, is an unnamed group", "rules_en::tests::a_counted_group_of_people_speaks_unnamed"),
    ("'tweeted another.': 'another' alone stands for a person", "rules_en::tests::another_alone_stands_for_a_person"),
    ("'…, when Park protesters interrupted her, shouting': a participle after a clause whose subject is a crowd is the crowd's", "rules_en::tests::a_participle_after_a_crowds_clause_is_the_crowds"),
    ("'RISING TIDES - Ann Roe: “…”': in a digest, the name after a rubric and a spaced dash signs the quote the colon announces", "rules_en::tests::the_name_after_a_rubric_dash_signs_the_quote"),
    ("'a spokesman for committee Democrats', 'an adviser to both Clintons': one lower-case word may open the principal", "rules_en::tests::a_lower_case_word_may_open_the_principal"),
    ("'said his best friend at Lehigh, Bruce Turry': a description set before the name after a cue is how the speaker is written", "rules_en::tests::a_description_before_the_name_after_a_cue_is_how_it_is_written"),
    ("'A spokeswoman for the committee emailed …, arguing': an English indefinite person opening the sentence is the participle's subject", "rules_en::tests::an_indefinite_person_opening_the_sentence_is_the_participle_subject"),
    ("'Cruz constituent Dan Golvach', 'actress Jamie Lee Curtis': people by what they do at an event are roles", "rules_en::tests::people_by_what_they_do_at_an_event_are_roles"),
    ("'federal prosecutors wrote': lower-case modifiers opening the clause before a bare body noun are part of it", "rules_en::tests::modifiers_before_a_bare_body_noun_open_its_phrase"),
    ("'the suit says', 'the passage continued': court papers and published words speak as documents", "rules_en::tests::court_papers_and_published_words_are_documents"),
    ("'When X retired, Governor Y released the following statement:': a fronted clause's subject is not who a colon announces", "rules_en::tests::a_fronted_clause_subject_is_not_who_a_colon_announces"),
    ("'Band member Flea shared …, writing': one capitalised word and a role noun before a name describe it (name_after_capitalised_role)", "rules_en::tests::a_capitalised_word_and_a_role_before_a_name_describe_it"),
    ("'Mark Olsen, a spokesman for House Speaker Paul Ryan, said': the name after a principal's 'for' or 'to' is not the role's bearer", "rules_en::tests::the_name_after_a_principal_is_not_the_role_bearer"),
    ("'Or, as Tom Ridge, a former secretary, put it', 'James B. Comey Jr., the director, said': the name closing the segment before a description is who it describes", "rules_en::tests::the_name_before_a_description_is_who_it_describes"),
    ("'Khizr Khan, 66, said on Capital Download': a name described by an age or a label is the subject, not the place after the cue", "rules_en::tests::a_name_described_by_an_age_is_the_subject"),
    ("'Grayson said, according to Frankel', '…, CNN reported': the source after 'according to', or of a report, set off after the cue is the quote's", "rules_en::tests::according_to_after_a_cue_names_the_outer_source"),
    ("'Duncan Hunter's chief of staff, Joe Kasper', 'Schilling's son, Grant': a possessor's description ending in a person noun, or in one with its complement, is how the name is written", "rules_en::tests::a_possessors_description_with_a_complement_is_how_the_name_is_written"),
    ("'Twitter said in a statement': a social network as the subject of a cue is the company", "rules_en::tests::a_social_network_as_the_subject_of_a_cue_is_the_company"),
    ("'“…” Ohio Gov. John Kasich said he would …': after a quote standing as its own sentence, a cue reporting a clause of its own is not the quote's", "rules_en::tests::a_cue_reporting_a_clause_of_its_own_opens_it"),
    ("'said former secretary of state Hillary Clinton', 'Former secretary of state Hillary Rodham Clinton:': a description without article, opened by a capitalised title modifier at a sentence's start, is how the name is written", "rules_en::tests::a_bare_description_before_a_name_is_how_it_is_written"),
    ("'the bespectacled, 71-year-old diplomat said', 'said one person with knowledge of the talks, who': a longer description (modifiers, capitals, a complement) opening its clause at the cue, or closing the attribution after it, speaks unnamed", "rules_en::tests::a_long_description_at_its_cue_speaks_unnamed"),
    ("'“…,” the editorial board writes.': a present form after a description opening the words after a quote is a cue", "rules_en::tests::a_present_form_after_a_description_closing_a_quote_is_a_cue"),
    ("'Jeffrey Lewis of the James Martin Center wrote': a person's full name before 'of the' and a body is the subject", "rules_en::tests::a_person_of_a_body_before_the_cue_is_the_subject"),
    ("'the board said', 'the release said', 'the authors wrote': a description of a body, a document or a group names no one nearby; 'the designer said' may", "rules_en::tests::a_description_of_a_thing_or_a_body_names_no_one"),
    ("'Clinton opened her remarks by saying': after 'by', a participle's subject is the clause's", "rules_en::tests::a_participle_after_by_takes_the_clause_subject"),
    ("'WASHINGTON (UPI) — …, X rallied supporters, saying': a dateline is not a participle's subject", "rules_en::tests::a_dateline_is_not_the_subject_of_a_participle"),
    ("'Clinton's spokesman said': a description opened by its owner's name is never that owner", "rules_en::tests::a_description_opened_by_its_owner_is_someone_else"),
    ("'his wife whispered', 'he demanded', 'the audience screamed': verbs of voice are cues", "rules_en::tests::verbs_of_voice_are_cues"),
    ("'his wife whispered to him': a kinship noun after a possessive names a relative, never the possessor nor the last person of its gender", "rules_en::tests::a_possessed_kinship_noun_names_a_relative"),
];

/// Words opening an English description of a person ("the LinkedIn chief executive",
/// "another friend", "his wife").
const DESCRIPTION_OPENERS: [&str; 11] = ["the", "a", "an", "another", "one", "his", "her", "their", "its", "our", "my"];

/// "the LinkedIn chief executive, Jeff Weiner, put it", "another friend, Mariam Emara,
/// said": a name set off after a description of its bearer is named by both, so the
/// phrase as written starts at the description (who speaks stays the name).
pub fn with_descriptor_before(toks: &[Tok], lo: usize, mut np: Np) -> Np {
    let lx = Lexicon::get();
    let Some(comma) = np.first.checked_sub(1).filter(|&c| c > lo && toks[c].is_punct(',') && matches!(np.kind, NpKind::Name(_))) else {
        return np;
    };
    let head = &toks[comma - 1];
    // The description ends in a lower-case noun ("executive", "friend", "wife"; "son",
    // though a French function word).
    if !head.is_lower_word() || lx.is_function_word(&head.low) && !is_person_noun(head) || lx.en_cues.contains(head.low.as_str()) {
        return np;
    }
    let mut s = comma - 1;
    while s > lo && s + 8 > comma && toks[s - 1].is_word() && !DESCRIPTION_OPENERS.contains(&toks[s].low.as_str()) {
        s -= 1;
    }
    let opener = &toks[s];
    let verb_inside = toks[s + 1..comma].iter().any(|t| t.is_lower_word() && (lx.en_cues.contains(t.low.as_str()) || matches!(t.low.as_str(), "is" | "was" | "are" | "were" | "has" | "had")));
    // (The description opens its clause: in "Lamenting their luck, Mexicans say" the
    // words before the comma are a participle's object.)
    let opens_clause = s == lo || !toks[s - 1].is_word() || lx.is_function_word(&toks[s - 1].low);
    if DESCRIPTION_OPENERS.contains(&opener.low.as_str()) && s + 1 < comma && !verb_inside && opens_clause && may_describe_one_person(head) {
        np.start = opener.start;
    } else if let Some(owner) = possessor_opening(toks, lo, s, comma).filter(|_| !verb_inside && names_a_person(&toks[s..comma])) {
        np.start = toks[owner].start;
    }
    np
}

/// Whether a lower-case noun names a person by role, profession or relation ("spokesman",
/// "economist", "son").
fn is_person_noun(t: &Tok) -> bool {
    let lx = Lexicon::get();
    t.is_lower_word() && (lx.role(&t.low) == Some(SpeakerKind::Person) || lx.profession(&t.low).is_some() || lx.descriptor(&t.low).is_some())
}

/// Whether the noun ending a description set before a name may stand for that one person:
/// not a plural ("the Clinton proposals"), a document or body ("a statement"), or a time
/// ("the day", "a half years"), which end a fronted phrase, not a description.
fn may_describe_one_person(head: &Tok) -> bool {
    let lx = Lexicon::get();
    let plural = head.low.ends_with('s') && !head.low.ends_with("ss") && !is_person_noun(head);
    let thing = matches!(lx.role(&head.low), Some(SpeakerKind::Document | SpeakerKind::Organisation));
    let time = CIRCUMSTANCE_NOUNS.contains(&head.low.as_str()) || matches!(head.low.as_str(), "day" | "month" | "year" | "time" | "afternoon" | "hour");
    !(plural || thing || time)
}

/// Whether a description ends in a noun for a person ("Schilling's son"), or in one with
/// its complement ("Duncan Hunter's chief of staff", "secretary of state").
fn names_a_person(description: &[Tok]) -> bool {
    let n = description.len();
    n > 0 && (is_person_noun(&description[n - 1]) || (0..n.saturating_sub(2)).any(|k| is_person_noun(&description[k]) && description[k + 1].low == "of"))
}

/// "Ms. Merkel's spokesman, Steffen Seibert", "Schilling's son, Grant,": where a description
/// opened by a possessor's name (between `s` and the `comma`) starts, when it opens its clause.
fn possessor_opening(toks: &[Tok], lo: usize, s: usize, comma: usize) -> Option<usize> {
    let lx = Lexicon::get();
    let p = (s + 1..comma).find(|&p| toks[p].low == "'s" || toks[p].text == "’s")?;
    let mut q = p.checked_sub(1).filter(|&q| q >= lo && toks[q].is_cap())?;
    while q > lo && toks[q - 1].is_word() && toks[q - 1].is_cap() {
        q -= 1;
    }
    let opens = q == lo || !toks[q - 1].is_word() || lx.is_function_word(&toks[q - 1].low);
    opens.then_some(q)
}

/// Words opening what completes an unnamed description after its noun: a place or group
/// it belongs to ("on the panel", "in the Clinton ad", "at the rally") or what it knows
/// ("familiar with Cruz's thinking", "with knowledge of the talks", "involved in the planning").
const DESCRIPTION_COMPLEMENTS: [&str; 8] = ["on", "in", "at", "with", "familiar", "involved", "close", "inside"];
/// The longest such complement, in words.
const DESCRIPTION_COMPLEMENT_WORDS: usize = 9;
/// Nouns after which a complement says when or where the words were said, not who said
/// them ("a source in a statement", "an aide on Tuesday").
const CIRCUMSTANCE_NOUNS: [&str; 17] = [
    "statement", "interview", "email", "e-mail", "call", "conversation", "speech", "briefing", "tweet", "post", "message",
    "today", "yesterday", "morning", "evening", "night", "week",
];

/// "said one Democratic source on the panel", "another source familiar with Cruz's
/// thinking said": an unnamed person's description runs on to the end of its clause, and
/// is written so (the words before `hi`, a cue or the end of the attribution, up to
/// punctuation). Not a complement of circumstance ("a source in a statement", "on Tuesday").
pub fn with_description_complement(toks: &[Tok], np: Np, hi: usize) -> Np {
    let np = with_coordinated_role(toks, np, hi);
    with_complement(toks, np, hi)
}

/// How many words a second role joined by "and" may hold.
const COORDINATED_ROLE_WORDS: usize = 5;

/// "the Florida senator and Republican presidential candidate told": a second role joined
/// by "and" and closing the phrase (at `hi` or punctuation) describes the same person.
fn with_coordinated_role(toks: &[Tok], mut np: Np, hi: usize) -> Np {
    let described = matches!(np.kind, NpKind::Role { kind: SpeakerKind::Person, .. });
    let k = np.last + 1;
    // (With its own article or possessive, "the senator and his wife", it is someone else.)
    if !described || k + 1 >= hi || toks[k].low != "and" || is_det(&toks[k + 1]) || DESCRIPTION_OPENERS.contains(&toks[k + 1].low.as_str()) {
        return np;
    }
    let mut m = k + 1;
    while m < hi && m <= k + COORDINATED_ROLE_WORDS && toks[m].is_word() && !Lexicon::get().en_cues.contains(toks[m].low.as_str()) {
        m += 1;
    }
    let closed = m >= hi || toks[m].kind == TokKind::Punct || Lexicon::get().en_cues.contains(toks[m].low.as_str());
    if closed && m > k + 1 && is_person_noun(&toks[m - 1]) {
        np.end = toks[m - 1].end;
    }
    np
}

fn with_complement(toks: &[Tok], mut np: Np, hi: usize) -> Np {
    let lx = Lexicon::get();
    let unnamed = matches!(np.kind, NpKind::Role { kind: SpeakerKind::Person, definite: false, .. });
    // ("a Wednesday editorial in the Des Moines Register", "a paper from the Brookings
    // Institution": an unnamed document is told by where it appeared or who made it.)
    let document = matches!(np.kind, NpKind::Role { kind: SpeakerKind::Document, definite: false, .. });
    let k = np.last + 1;
    let opens = |t: &Tok| DESCRIPTION_COMPLEMENTS.contains(&t.low.as_str()) || document && matches!(t.low.as_str(), "from" | "by");
    if !(unnamed || document) || k >= hi || !toks[k].is_lower_word() || !opens(&toks[k]) {
        return np;
    }
    let mut m = k + 1;
    while m < hi && m <= k + DESCRIPTION_COMPLEMENT_WORDS && toks[m].is_word() && !lx.en_cues.contains(toks[m].low.as_str()) {
        m += 1;
    }
    let circumstance = toks[k + 1..m].iter().any(|t| {
        CIRCUMSTANCE_NOUNS.contains(&t.low.as_str()) || super::attribution::is_calendar_word(t) || t.low.chars().all(|c| c.is_ascii_digit())
    });
    // (A complement cut off by the length bound, or by a word that is not a cue, is not
    // known to be whole.)
    let closed = m >= hi || toks[m].kind == TokKind::Punct || lx.en_cues.contains(toks[m].low.as_str());
    if m > k + 1 && closed && !circumstance {
        np.end = toks[m - 1].end;
    }
    np
}

/// "Mexicans", "Iraqis": the plural of a listed nationality names the people of a place,
/// a group who may speak (where "Mexico" or "Iowa" never does). The singular must be
/// listed too, so "Paris" or "Kansas" is no plural.
pub fn is_people_of_a_place(words: &[String]) -> bool {
    let lx = Lexicon::get();
    let [word] = words else { return false };
    let low = fold(word);
    let plural = (low.ends_with("ans") || low.ends_with("is")) && lx.is_never_speaker(std::slice::from_ref(&low));
    plural && low.strip_suffix('s').is_some_and(|one| lx.is_listed_place(&[one.to_string()]))
}

/// The longest nickname, in bytes with its marks ("“Bobby”").
const NICKNAME_BYTES: usize = 16;

/// "Marcia “Cia” Price", "Robert C. “Bobby” Scott": a short quoted word between two
/// capitalised words of a name is a nickname, and the name runs on through it (the quote
/// is a token of its own, so its words never join the name's).
pub fn is_nickname(toks: &[Tok], k: usize, end: usize) -> bool {
    k > 0
        && k + 1 < end
        && matches!(toks[k].kind, TokKind::Quote(_))
        && toks[k].end - toks[k].start <= NICKNAME_BYTES
        && toks[k - 1].is_cap()
        && toks[k + 1].is_cap()
        && toks[k + 1].is_word()
}

/// A scare quote is at most this many bytes, marks included ("“reporter,”").
const SCARE_QUOTE_BYTES: usize = 24;

/// Whether the quote placeholder at `k` is a word or two quoted inside a clause, after a
/// word of the same sentence and before a subjectless participle cue ("needled the CNN
/// “reporter,” saying", "addressing her as “Hillary” and telling her"): it names a thing,
/// it does not end the attribution of the quote after that cue.
pub fn is_scare_quote_in_clause(toks: &[Tok], k: usize) -> bool {
    // (The cue follows within a comma and an "and": three tokens.)
    let after = toks.get(k + 1..).unwrap_or_default().iter().take(3).find(|t| !(t.kind == TokKind::Punct && t.text == ",") && t.low != "and");
    let participle_cue = after.is_some_and(|t| t.is_lower_word() && t.low.ends_with("ing") && Lexicon::get().en_cues.contains(t.low.as_str()));
    k > 0
        && participle_cue
        && matches!(toks[k].kind, TokKind::Quote(_))
        && toks[k].end - toks[k].start <= SCARE_QUOTE_BYTES
        && toks[k - 1].is_word()
        && !ends_sentence(toks, k - 1)
}

/// Modals and adverbs of frequency that stand between an English subject and its cue
/// ("Mexicans often say", "a reader would now ask").
const MODALS_AND_FREQUENCY: [&str; 15] =
    ["often", "usually", "frequently", "sometimes", "now", "still", "would", "will", "could", "might", "may", "can", "should", "must", "never"];

/// Whether `t` is such a word, written in lower case ("Now" may open a name).
pub fn is_modal_or_frequency(t: &Tok) -> bool {
    t.is_lower_word() && MODALS_AND_FREQUENCY.contains(&t.low.as_str())
}

/// Members of a party named by its noun ("one senior Democrat", "a Republican involved in
/// the planning").
const PARTY_MEMBERS: [&str; 2] = ["democrat", "republican"];

/// Whether the word at `k`, after an indefinite article or "one", is a party member: the
/// noun ends the phrase (no capitalised word after it, as in "a Republican National
/// Committee member").
pub fn is_party_member(toks: &[Tok], k: usize, end: usize) -> bool {
    PARTY_MEMBERS.contains(&toks[k].low.as_str()) && (k + 1 >= end || !toks[k + 1].is_cap())
}

/// "the Republican said", "the Democrat, who …": after "the", a party's noun names one
/// member only when it ends the phrase (a verb, a function word or punctuation follows;
/// "the Republican plan" is a plan).
pub fn is_definite_party_member(toks: &[Tok], k: usize, end: usize) -> bool {
    let lx = Lexicon::get();
    let ends_phrase = |t: &Tok| !t.is_word() || t.is_lower_word() && (lx.en_cues.contains(t.low.as_str()) || lx.is_function_word(&t.low));
    PARTY_MEMBERS.contains(&toks[k].low.as_str()) && k > 0 && toks[k - 1].low == "the" && (k + 1 >= end || ends_phrase(&toks[k + 1]))
}

/// How many words back an unnamed description may open before its cue.
const DESCRIPTION_REACH: usize = 12;

/// "Another source familiar with Cruz's thinking said": an unnamed description, with its
/// complement, ending right before the cue (at `j`) is the subject, not the name inside
/// the complement. It opens its clause.
pub fn unnamed_description_ending_at(toks: &[Tok], lo: usize, j: usize) -> Option<Np> {
    let openers = ["a", "an", "another", "one"];
    (j.saturating_sub(DESCRIPTION_REACH).max(lo)..j).find_map(|s| {
        let opens = s == lo || !toks[s - 1].is_word() || Lexicon::get().is_function_word(&toks[s - 1].low);
        if !opens || !openers.contains(&toks[s].low.as_str()) {
            return None;
        }
        let np = np_forward(toks, s, j + 1).filter(|np| matches!(np.kind, NpKind::Role { kind: SpeakerKind::Person, definite: false, .. }))?;
        let np = with_description_complement(toks, np, j + 1);
        (np.end == toks[j].end).then_some(np)
    })
}

/// Words opening a description that stands alone for its speaker at a cue ("the
/// bespectacled, 71-year-old diplomat said", "said one person with knowledge of …").
/// (Not "that": after a cue it opens the reported clause.)
const STANDALONE_OPENERS: [&str; 11] = ["the", "a", "an", "another", "one", "his", "her", "their", "its", "our", "my"];
/// Prepositions opening the complement of such a description ("a voice-over in the ad",
/// "the authors of the report", "one person with knowledge of the talks").
const STANDALONE_COMPLEMENTS: [&str; 7] = ["of", "in", "with", "from", "for", "at", "on"];
/// Words that end a noun phrase: a verb, a relative or a conjunction after them opens a
/// clause of its own.
const CLAUSE_WORDS: [&str; 22] = [
    "who", "whom", "whose", "which", "that", "and", "or", "but", "to", "as", "than", "is", "was", "are", "were", "be",
    "been", "has", "have", "had", "will", "would",
];

/// "the bespectacled, 71-year-old diplomat", "a voice-over in the ad", "one P&G Amiens
/// employee", "the paper's editorial board": the head noun of a description of someone or
/// something unnamed opened at `d` and running to `e` (exclusive), when every token between
/// can belong to one noun phrase — words that are no verb, relative, pronoun or clause
/// word, a possessive, a comma between modifiers, and one complement opened by a
/// preposition. The head is the last word before the complement; it is a lower-case noun.
fn standalone_description_head(toks: &[Tok], d: usize, e: usize) -> Option<usize> {
    let lx = Lexicon::get();
    if e <= d + 1 || e > toks.len() || !toks[d].is_word() || !STANDALONE_OPENERS.contains(&toks[d].low.as_str()) {
        return None;
    }
    let (mut head, mut complement) = (None, false);
    for k in d + 1..e {
        let t = &toks[k];
        let low = t.low.as_str();
        let possessive = low == "'s" || low == "’s";
        if t.kind != TokKind::Word {
            // ("the bespectacled, 71-year-old diplomat": a comma between modifiers; "P&G".)
            // (At least a modifier and a noun after it: in "His assumption, confidently
            // stated", the word after the comma is no modifier of a noun.)
            let between_modifiers = t.is_punct(',') && !complement && head.is_some() && toks.get(k + 1).is_some_and(|n| n.is_word() && !n.is_cap() && k + 2 < e);
            if between_modifiers || t.text == "&" && head.is_some() && k + 1 < e {
                continue;
            }
            return None;
        }
        if possessive {
            // ("the paper's editorial board": the owner qualifies the noun after it;
            // "with knowledge of the governor's dilemma": or a word of the complement.)
            if head.is_none() && !complement {
                return None;
            }
            if !complement {
                head = None;
            }
            continue;
        }
        if lx.en_cues.contains(low) || CLAUSE_WORDS.contains(&low) || lx.pronoun(low).is_some() && !DESCRIPTION_OPENERS.contains(&low) {
            return None;
        }
        if STANDALONE_COMPLEMENTS.contains(&low) {
            // (A complement needs its own words after it; it may hold another: "with
            // knowledge of the talks".)
            if head.is_none() || k + 1 >= e {
                return None;
            }
            complement = true;
            continue;
        }
        if complement {
            continue;
        }
        if lx.is_function_word(low) && !is_det(t) && t.is_lower_word() {
            return None;
        }
        head = Some(k);
    }
    let h = head?;
    let noun = &toks[h];
    let time = CIRCUMSTANCE_NOUNS.contains(&noun.low.as_str()) || super::attribution::is_calendar_word(noun);
    let adverb = noun.low.ends_with("ly");
    (noun.is_lower_word() && !lx.is_function_word(&noun.low) && !time && !adverb).then_some(h)
}

/// Whether a description opened by `opener` and ending in `head` may stand for someone the
/// article names: a definite one ending in a noun for a person ("the bespectacled
/// diplomat", "the New York businessman"). Others ("the editorial board", "the authors",
/// "the printed slate card") are kept unnamed, as written, never given to a name nearby.
pub fn description_may_name_someone(opener: &Tok, head: &Tok) -> bool {
    let definite = !matches!(opener.low.as_str(), "a" | "an" | "another" | "one");
    definite && (is_person_noun(head) || role_noun_gender(&head.low, false) != Gender::Unknown)
}

/// Whether a short description at a cue ("the designer said", "the board said") may stand
/// for someone the article names: a definite one whose noun may stand for one person (not
/// a plural, a document, a body or a time).
pub fn short_description_may_name_someone(opener: &Tok, head: &Tok) -> bool {
    let definite = !matches!(opener.low.as_str(), "a" | "an" | "another" | "one");
    definite && may_describe_one_person(head) && !Lexicon::get().is_org_word(&head.low)
}

/// The description from `d` to `e` (exclusive) with its head at `h`, kept unnamed: what
/// the lexicon knows of the head (a document, a body) or else a person.
fn standalone_description(toks: &[Tok], d: usize, e: usize, h: usize) -> Np {
    let head = toks[h].low.to_string();
    let kind = match Lexicon::get().role(&head) {
        Some(k @ (SpeakerKind::Document | SpeakerKind::Organisation)) => k,
        _ => SpeakerKind::Person,
    };
    Np {
        first: d,
        last: e - 1,
        kind: NpKind::Role { kind, head, definite: description_may_name_someone(&toks[d], &toks[h]) },
        quals: content_words(&toks[d + 1..h]),
        gender: role_noun_gender(&toks[h].low, false),
        start: toks[d].start,
        end: toks[e - 1].end,
    }
}

/// "the bespectacled, 71-year-old diplomat said", "a voice-over in the ad states", "one
/// P&G Amiens employee told": a description opening its clause and running right up to
/// the cue (at `j`, after any adverb) is the cue's subject, kept unnamed, as written.
pub fn standalone_description_before_cue(toks: &[Tok], lo: usize, j: usize) -> Option<Np> {
    let opens = |d: usize| d == lo || toks[d - 1].kind == TokKind::Punct && !toks[d - 1].is_punct('\'') || matches!(toks[d - 1].low.as_str(), "and" | "but");
    (j.saturating_sub(DESCRIPTION_REACH).max(lo)..j.saturating_sub(1))
        .filter(|&d| opens(d))
        .find_map(|d| standalone_description_head(toks, d, j).map(|h| standalone_description(toks, d, j, h)))
}

/// "said one person with knowledge of the governor's dilemma, who …", "said the printed
/// Cruz slate card.": a description right after an inverted cue (ending at `cue_last`) and
/// closing the attribution (at `hi` or punctuation) is the cue's subject.
pub fn standalone_description_after_cue(toks: &[Tok], cue_last: usize, hi: usize) -> Option<Np> {
    let d = cue_last + 1;
    let e = (d..hi.min(toks.len())).find(|&k| toks[k].kind != TokKind::Word && toks[k].text != "&").unwrap_or(hi.min(toks.len()));
    if e > d + DESCRIPTION_REACH {
        return None;
    }
    standalone_description_head(toks, d, e).map(|h| standalone_description(toks, d, e, h))
}

/// "Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote": a
/// person's full name before "of the" (or "with the", "at the", "from the") and a body's
/// name is the subject; the body is where they work. (Without the article, "the Governor of
/// Texas", the name after "of" may be what the role is of.)
pub fn person_of_body_before(toks: &[Tok], lo: usize, body: &Np) -> Option<Np> {
    // (The body's phrase may hold its article or start after it.)
    let article = if toks.get(body.first).is_some_and(|t| t.low == "the") { body.first } else { body.first.checked_sub(1)? };
    if article <= lo + 1 || toks[article].low != "the" {
        return None;
    }
    let link = article - 1;
    let body_like = matches!(body.kind, NpKind::Name(_) | NpKind::Role { kind: SpeakerKind::Organisation, .. });
    if !matches!(toks[link].low.as_str(), "of" | "with" | "at" | "from") || !body_like {
        return None;
    }
    super::attribution::np_backward(toks, lo, link - 1).filter(|np| is_full_name(np) && np.last + 1 == link)
}

/// Words after which a clause, and its subject, opens ("although Bill Clinton won the spin
/// by declaring").
const CLAUSE_OPENING_WORDS: [&str; 13] = ["although", "though", "while", "when", "as", "and", "but", "because", "after", "before", "since", "if", "whereas"];

// --- ranker (session 14) ---

/// Conjunctions that open a fronted subordinate clause ("When X retired, …"): not "and",
/// "but", which open main clauses.
const SUBORDINATORS: [&str; 13] = ["when", "after", "before", "as", "since", "while", "although", "though", "because", "if", "once", "until", "whereas"];

/// "When Peter Hall retired in 2004, Governor Mark Evans released the following statement:
/// ¶ “…”": the subject of a subordinate clause opening the sentence is not who the colon
/// announces when the main clause after it has a subject of its own. `candidates` are the
/// clause openings of `toks` in order (`quotes::colon_subjects`); the first is dropped
/// when it is the subject of a clause opened by a subordinating conjunction at the
/// sentence's start and a name opens a later clause. English
/// only (French clauses are read by rules_fr).
pub fn without_fronted_clause_subject(toks: &[Tok], mut candidates: Vec<Np>) -> Vec<Np> {
    // (A clause: its subject is followed by its lower-case verb; "Before Trump's
    // appearance, …" is a phrase, and its name no subject.)
    let fronted = |np: &Np| {
        np.first == 0 && toks.first().is_some_and(|t| t.is_cap() && SUBORDINATORS.contains(&t.low.as_str())) && toks.get(np.last + 1).is_some_and(Tok::is_lower_word)
    };
    // (Only for a name after it: a description there is left to the other rules.)
    let named = |np: &Np| matches!(np.kind, NpKind::Name(_));
    if candidates.len() >= 2 && fronted(&candidates[0]) && named(&candidates[1]) && candidates[1].first > candidates[0].last {
        candidates.remove(0);
    }
    candidates
}

/// "TURNOUT RISES IN THE NORTH, SLOWLY - Ann Roe:" (en-speakers, s17): a digest's item opens
/// with a rubric (a headline, often in capitals) and a spaced dash, then the name of whose
/// words follow and the colon. The rubric opens the sentence and so was the first
/// candidate; the name signing the item after the dash is the one who speaks. `toks` are
/// the words up to the colon (the colon last); with such a signature it is the only
/// candidate, else `candidates` are returned as they are. English only.
pub fn signature_after_rubric_dash(toks: &[Tok], candidates: Vec<Np>) -> Vec<Np> {
    let Some(colon) = toks.len().checked_sub(1).filter(|&c| toks[c].text == ":") else { return candidates };
    // (The last spaced dash before the colon, with words of the rubric before it.)
    let spaced = |k: usize| toks[k].start > toks[k - 1].end && toks.get(k + 1).is_some_and(|n| n.start > toks[k].end);
    let dash = (1..colon).rev().take(12).find(|&k| toks[k].kind == TokKind::Punct && matches!(toks[k].text.as_str(), "-" | "–" | "—") && spaced(k));
    let Some(d) = dash else { return candidates };
    // (A name, alone or joined by "and" to another, runs from the dash to the colon.)
    let signer = np_forward(toks, d + 1, colon).filter(|np| np.first == d + 1 && matches!(np.kind, NpKind::Name(_)));
    let Some(np) = signer else { return candidates };
    let rest = &toks[np.last + 1..colon];
    let joined = rest.first().is_some_and(|t| t.low == "and") && np_forward(toks, np.last + 2, colon).is_some_and(|o| o.first == np.last + 2 && o.last + 1 == colon);
    match (rest.is_empty(), joined) {
        (true, _) => vec![np],
        // ("Ann Roe and Ed Poe:": both sign; the first speaks, and both are how the
        // signature is written.)
        (false, true) => vec![Np { end: toks[colon - 1].end, ..np }],
        _ => candidates,
    }
}

/// "Hillary Clinton responded by saying", "he only hinted at Trump by mentioning …":
/// the subject of the clause whose verb "by" + a participle completes (`by` is its index):
/// the last person (a name, a personal pronoun, a definite role) that opens the stretch, or
/// follows punctuation or a word opening a clause, and owns nothing ("X's").
pub fn subject_before_by(toks: &[Tok], lo: usize, by: usize) -> Option<Np> {
    let opens = |k: usize| {
        k == lo || toks[k - 1].kind == TokKind::Punct && !toks[k - 1].is_punct('\'') || CLAUSE_OPENING_WORDS.contains(&toks[k - 1].low.as_str())
    };
    // (No further back than a long sentence.)
    (lo.max(by.saturating_sub(60))..by)
        .filter(|&k| opens(k) && toks[k].is_word())
        .filter_map(|k| np_forward(toks, k, by))
        .rfind(|np| {
            let person = match &np.kind {
                NpKind::Name(_) => true,
                NpKind::Pronoun(super::lexicon::PronounKind::Person, _) => true,
                NpKind::Role { kind: SpeakerKind::Person, definite, .. } => *definite,
                _ => false,
            };
            let owner = toks.get(np.last + 1).is_some_and(|t| t.low == "'s" || t.text == "’s");
            person && !owner
        })
        .map(|np| with_person_description_before(toks, lo, np))
}

/// The longest dateline, in tokens ("WASHINGTON, Dec. 8 (UPI) —").
const DATELINE_TOKENS: usize = 12;

/// "WASHINGTON (UPI) —", "DECATUR, Ill. —", "WASHINGTON, Dec. 8 (UPI) —": where the words after
/// a dateline opening the stretch at `lo` start (before `end`): a place in capitals, then
/// capitalised words, numbers, commas, stops or an agency in brackets, up to a dash.
pub fn dateline_end(toks: &[Tok], lo: usize, end: usize) -> Option<usize> {
    toks.get(lo).filter(|t| t.is_word() && t.text.chars().count() > 1 && t.text.chars().all(|c| !c.is_lowercase()))?;
    let dash = |t: &Tok| t.kind == TokKind::Punct && matches!(t.text.as_str(), "—" | "–" | "―" | "-" | "--");
    (lo + 1..end.min(lo + DATELINE_TOKENS))
        .take_while(|&k| {
            let t = &toks[k];
            dash(t) || t.is_cap() || t.low.chars().all(|c| c.is_ascii_digit()) || matches!(t.text.as_str(), "," | "." | "(" | ")")
        })
        .find(|&k| dash(&toks[k]))
        .map(|k| k + 1)
        .filter(|&k| k < end)
}

/// "Hillary Clinton's right-hand woman", "Clinton's spokesman": the folded last word of the
/// owner's name opening a description of someone else (a role, never a name).
pub fn owner_of_description(text: &str, np: &Np) -> Option<String> {
    let NpKind::Role { .. } = &np.kind else { return None };
    let written = np.written(text);
    let cut = written.find("'s ").or_else(|| written.find("’s "))?;
    let owner = written[..cut].split_whitespace().last()?;
    owner.chars().next().is_some_and(char::is_uppercase).then(|| fold(owner))
}

/// English nouns of kinship: after a possessive they name a relative of someone in view.
const KIN_NOUNS: [&str; 22] = [
    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "widow", "widower", "uncle", "aunt",
    "cousin", "nephew", "niece", "grandson", "granddaughter", "grandmother", "grandfather", "fiancée", "fiancé", "stepson",
];

/// "his wife whispered to him", "her husband cut in": a kinship noun opened by a possessive
/// names a relative of the one the possessive stands for — never that person, nor the last
/// person of its gender — so it speaks unnamed unless a name is set beside it.
pub fn possessed_kin(text: &str, np: &Np) -> bool {
    let NpKind::Role { head, .. } = &np.kind else { return false };
    let written = fold(np.written(text));
    let possessive = ["his ", "her ", "their ", "my ", "our ", "its "].iter().any(|d| written.starts_with(d));
    possessive && KIN_NOUNS.contains(&fold(head).as_str())
}

/// Words that, right after a capitalised "-ing" word opening a sentence, show it is a
/// participle with its object or complement ("Lamenting their luck", "Speaking to reporters").
const AFTER_PARTICIPLE: [&str; 16] =
    ["the", "a", "an", "their", "his", "her", "its", "our", "my", "to", "on", "about", "with", "at", "in", "for"];

/// "Lamenting their luck, Mexicans often say": a capitalised "-ing" word opening the
/// sentence before an article, a possessive or a preposition is a participle, not a name
/// (as "Manning said" is).
pub fn is_opening_participle(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    let opens = k == 0 || toks[k - 1].kind == TokKind::Punct && !toks[k - 1].is_punct(',');
    t.is_cap()
        && opens
        && t.low.len() > 5
        && t.low.ends_with("ing")
        && toks.get(k + 1).is_some_and(|n| n.is_lower_word() && AFTER_PARTICIPLE.contains(&n.low.as_str()))
}

/// Role nouns that take their principal with "to" ("an adviser to Trump", "the ambassador
/// to France").
const TO_ROLES: [&str; 14] = [
    "adviser", "advisor", "aide", "assistant", "counselor", "consultant", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy",
    "successor", "confidant", "strategist",
];

/// "a longtime adviser to Trump", "the former top aide to President George W. Bush": after
/// such a role noun (at `k - 1`), "to" and a capitalised name complete the description.
/// Returns the complement's last token. (Its words do not qualify the role: the adviser
/// is not Trump.)
pub fn to_complement(toks: &[Tok], k: usize, end: usize) -> Option<usize> {
    let head = toks.get(k.checked_sub(1)?)?;
    if k + 1 >= end || !opens_principal(&toks[k]) || !head.is_lower_word() || !TO_ROLES.contains(&head.low.as_str()) {
        return None;
    }
    let mut j = if is_det(&toks[k + 1]) { k + 2 } else { k + 1 };
    // ("an adviser to both Clintons", "a spokesman for committee Democrats": one
    // lower-case word before the principal's name.)
    if j + 1 < end && toks[j].is_lower_word() && toks[j + 1].is_cap() && !Lexicon::get().en_cues.contains(toks[j].low.as_str()) {
        j += 1;
    }
    if j >= end || !toks[j].is_cap() {
        return None;
    }
    // (A title and initials run on with the name: "President George W. Bush".)
    let r = super::attribution::name_run_end(toks, j, end, super::attribution::RunJoins::Phrase);
    Some(r - 1)
}

/// Suffixes that tell a son from his father: part of the name ("James B. Comey Jr.").
const GENERATIONAL_SUFFIXES: [&str; 2] = ["Jr", "Sr"];

/// A company's legal form closing its name ("Acme Inc."), which keeps its stop.
const COMPANY_SUFFIXES: [&str; 5] = ["Inc", "Ltd", "Corp", "Co", "Bros"];

pub fn is_generational_suffix(t: &Tok) -> bool {
    t.is_word() && GENERATIONAL_SUFFIXES.contains(&t.text.trim_end_matches('.'))
}

/// "U.S", "D.C": capital letters joined by stops (the tokenizer leaves the last stop apart).
fn is_dotted_capitals(w: &str) -> bool {
    w.contains('.') && w.split('.').all(|part| {
        let mut cs = part.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.next().is_none()
    })
}

/// Whether a name's word keeps the full stop written right after it ("U.S.", "Inc.", "Jr.").
pub fn keeps_stop(word: &str) -> bool {
    GENERATIONAL_SUFFIXES.contains(&word) || COMPANY_SUFFIXES.contains(&word) || is_dotted_capitals(word)
}

/// "the U.S. Navy", "U.S. Sen. Ron Johnson": the stop at `k`, glued to dotted capitals,
/// joins them to the capitalised word after it (one that does not open a sentence, so
/// "… in the U.S. The …" still ends there).
pub fn abbreviation_runs_on(toks: &[Tok], k: usize, end: usize) -> bool {
    let (Some(prev), Some(next)) = (k.checked_sub(1).map(|p| &toks[p]), toks.get(k + 1).filter(|_| k + 1 < end)) else {
        return false;
    };
    toks[k].is_punct('.')
        && prev.is_word()
        && prev.end == toks[k].start
        && is_dotted_capitals(&prev.text)
        && next.is_cap()
        && next.start > toks[k].end
        && !super::sentences::is_sentence_starter(&next.text)
}

/// The folded words a name is matched by: "James B. Comey Jr." and "Comey" are one person,
/// so a generational suffix does not count.
pub fn name_key(words: &[String]) -> Vec<String> {
    let mut low: Vec<String> = words.iter().map(|w| fold(w)).collect();
    if low.len() >= 2 && low.last().is_some_and(|w| matches!(w.trim_end_matches('.'), "jr" | "sr")) {
        low.pop();
    }
    low
}

/// "Sanders' campaign manager", "the Democrats’ nominee": an apostrophe at byte `at`,
/// glued to a capitalised word in s (`prev`) and followed by a space, is that word's
/// possessive, read like "'s".
pub fn is_plural_possessive(prev: Option<&Tok>, at: usize, c: char, next: Option<char>) -> bool {
    matches!(c, '\'' | '’')
        && next.is_some_and(super::quote_marks::is_space)
        && prev.is_some_and(|p| p.is_cap() && p.end == at && p.low.ends_with('s') && p.low.chars().count() >= 3)
}

/// English object pronouns: never the inverted subject of a cue ("said it best", "put it
/// plainly", "asked them"); an inverted subject is a name, a description or "he"/"she".
const OBJECT_PRONOUNS: [&str; 5] = ["it", "him", "them", "me", "us"];

/// "Ed Varnholt may have said it best when he blogged: “…”": the word right after a cue is
/// its object, not who spoke, when it is an English object pronoun.
pub fn is_object_pronoun(t: &Tok) -> bool {
    t.is_lower_word() && OBJECT_PRONOUNS.contains(&t.low.as_str())
}

/// "Said Anna Berg, who grew up there, “…”", "Added Joe Park, …": an English cue in the past
/// opening a sentence, inverted before a capitalised name, is a cue, not part of the name.
pub(super) fn opening_inverted_cue(toks: &[Tok], i: usize) -> bool {
    let low = toks[i].low.as_str();
    let opens = i == 0 || toks[i - 1].kind != TokKind::Word;
    let past = low.ends_with("ed") || matches!(low, "said" | "wrote" | "told");
    opens && past && Lexicon::get().en_cues.contains(low) && toks.get(i + 1).is_some_and(|n| n.is_cap() && !is_det(n))
}

/// Past tenses and participles are cues anywhere; present forms ("states", "report",
/// "notes") are also nouns, so they count only right after a subject or at the start of
/// the attribution.
pub(super) fn english_cue_ok(toks: &[Tok], i: usize, after_quote: bool) -> bool {
    let low = toks[i].low.as_str();
    if low == "said" && toks.get(i + 1).is_some_and(|n| n.is_punct(',')) && i > 0 && toks[i - 1].low == "that" {
        return false; // "That said, …"
    }
    // "state Del. Marcia Price", "state officials": "state" before a word other than
    // "that" is the noun.
    if low == "state" && toks.get(i + 1).is_some_and(|n| n.is_word() && n.low != "that") {
        return false;
    }
    if low.ends_with("ing") {
        // "…, adding that", "one senator accusing": a participle cue follows a comma or
        // its subject; elsewhere it is a gerund ("declaring war").
        let lx = Lexicon::get();
        // ("footage of Trump saying, “…”", "Trump saying during the debate": after a name,
        // before punctuation, the quote or a function word; "Anonymous declaring war" is
        // a gerund.)
        let opens_quote = toks.get(i + 1).is_none_or(|n| {
            n.is_punct(',') || n.is_punct(':') || matches!(n.kind, TokKind::Quote(_)) || n.is_lower_word() && lx.is_function_word(&n.low)
        });
        // ("responded by saying": after "by", the gerund reports what the clause's subject said.)
        return i > 0 && (toks[i - 1].is_punct(',') || toks[i - 1].low == "by" || lx.role(&toks[i - 1].low).is_some() || toks[i - 1].is_cap() && opens_quote)
            || perceived_speaking(toks, i);
    }
    // "court documents cited by the committee", "figures released by police": a
    // participle after a plain noun, with its agent, describes that noun.
    let passive_attribute = toks.get(i + 1).is_some_and(|n| n.low == "by")
        && i > 0
        && toks[i - 1].is_lower_word()
        && !matches!(toks[i - 1].low.as_str(), "was" | "were" | "been" | "be" | "is" | "are" | "being" | "also" | "and" | "then")
        && Lexicon::get().pronoun(&toks[i - 1].low).is_none();
    if passive_attribute {
        return false;
    }
    // "an Internet video posted Wednesday", "a report published last week": a participle
    // of publishing right after a plain noun describes that noun.
    let published = matches!(low, "posted" | "published" | "released" | "issued" | "shared" | "broadcast" | "circulated" | "uploaded");
    if published
        && i > 0
        && toks[i - 1].is_lower_word()
        && !matches!(toks[i - 1].low.as_str(), "was" | "were" | "been" | "be" | "is" | "are" | "being" | "also" | "and" | "then" | "has" | "have" | "had")
        && Lexicon::get().role(&toks[i - 1].low).is_none_or(|k| k == SpeakerKind::Document)
        && Lexicon::get().pronoun(&toks[i - 1].low).is_none()
    {
        return false;
    }
    let strong = low.ends_with("ed") || matches!(low, "said" | "told" | "wrote" | "read");
    if strong {
        return true;
    }
    let lx = Lexicon::get();
    // ("a reader would now ask", "Mexicans often say": the subject before a modal or an adverb.)
    let mut at = i;
    while at > 1 && (is_modal_or_frequency(&toks[at - 1]) || toks[at - 1].is_lower_word() && super::attribution::ADVERBS.contains(&toks[at - 1].low.as_str())) {
        at -= 1;
    }
    match at.checked_sub(1).map(|k| &toks[k]) {
        None => true,
        Some(p) if p.kind == TokKind::Punct || matches!(p.kind, TokKind::Quote(_)) => at == i || toks[i - 1].low == "also",
        // ("“…,” the editorial board writes.": right after a quote, a description of
        // someone unnamed opening the attribution is the present form's subject.)
        Some(p) => {
            p.is_cap()
                || lx.pronoun(&p.low).is_some()
                || lx.role(&p.low).is_some()
                || toks[i - 1].low == "also"
                || described_person_before(toks, at)
                || after_quote && description_closes_quote(toks, i, at)
        }
    }
}

/// "“…,” the editorial board writes.": the present form at `i` (its subject ending at
/// `at`) follows a description opening the words after a quote, and ends the clause (no
/// verb after it: in "the congressional report said", "report" is the noun).
fn description_closes_quote(toks: &[Tok], i: usize, at: usize) -> bool {
    let lx = Lexicon::get();
    let ends_clause = toks.get(i + 1).is_none_or(|n| !n.is_word() || n.is_lower_word() && lx.is_function_word(&n.low) && !lx.en_cues.contains(n.low.as_str()));
    ends_clause && standalone_description_before_cue(toks, 0, at).is_some_and(|np| np.first <= 1)
}

/// "the New York businessman says", "the congressman insists": a lower-case noun naming a
/// person by what they do (ending in -man or -woman), opened by an article a few words
/// before, is the subject of the present form after it.
fn described_person_before(toks: &[Tok], i: usize) -> bool {
    let Some(noun) = i.checked_sub(1).map(|k| &toks[k]).filter(|t| t.is_lower_word()) else { return false };
    let person_noun = ["man", "woman", "men", "women"].iter().any(|s| noun.low.ends_with(s)) && noun.low.chars().count() >= 6 && noun.low != "german";
    person_noun && (i.saturating_sub(5)..i - 1).rev().take_while(|&k| toks[k].is_word()).any(|k| DESCRIPTION_OPENERS.contains(&toks[k].low.as_str()))
}

/// "“…” ― Adriana Rodarte", "“…” -- Jane Roe, a voter": a dash right after a quote, then a
/// person's name closing the paragraph or set off by a comma, signs the quote (lists of
/// reactions, pull quotes). Returns the dash's last token: the name follows it as after
/// "according to".
pub(super) fn signing_dash(toks: &[Tok], i: usize) -> Option<usize> {
    let after_quote = i.checked_sub(1).is_some_and(|k| matches!(toks[k].kind, TokKind::Quote(_)));
    let dash = |t: &Tok| t.kind == TokKind::Punct && matches!(t.text.as_str(), "—" | "―" | "–");
    let last = if toks.get(i).is_some_and(dash) {
        i
    } else if toks.get(i).is_some_and(|t| t.is_punct('-')) && toks.get(i + 1).is_some_and(|t| t.is_punct('-')) {
        i + 1
    } else {
        return None;
    };
    let name = np_forward(toks, last + 1, toks.len()).filter(is_full_name)?;
    let closes = toks.get(name.last + 1).is_none_or(|t| t.kind == TokKind::Punct && !dash(t) && t.text != "-");
    (after_quote && closes).then_some(last)
}


/// Letters after a name that are not part of it ("Jonathan Hall KC", "Jane Roe MP").
///
/// (Generational suffixes are part of the name: see [`is_generational_suffix`].)
const POST_NOMINALS: [&str; 10] = ["KC", "QC", "MP", "MEP", "MSP", "OBE", "MBE", "CBE", "PhD", "Esq"];

pub fn is_post_nominal(t: &Tok) -> bool {
    t.is_word() && POST_NOMINALS.contains(&t.text.as_str())
}

/// "al-Ansi", "el-Sisi", "bin-Laden": an Arabic particle joined by a hyphen to a
/// capitalised name, inside a person's name ("Nasr al-Ansi").
pub fn is_particle_name(t: &Tok) -> bool {
    let Some((particle, rest)) = t.text.split_once('-') else { return false };
    matches!(particle, "al" | "el" | "ad" | "as" | "ash" | "at" | "an" | "ar" | "az" | "bin" | "ibn" | "abu")
        && rest.chars().next().is_some_and(char::is_uppercase)
}


/// "a spokesman for House Speaker Paul Ryan", "an adviser to Trump": the word after a role
/// noun that opens its principal, who is someone else than the role's bearer.
pub fn opens_principal(t: &Tok) -> bool {
    t.is_lower_word() && matches!(t.low.as_str(), "for" | "to")
}

/// How many words may stand between "one of" and the role noun ("one of two witnesses",
/// "one of the president's closest advisers").
const ONE_OF_WORDS: usize = 4;

/// Someone unnamed, written `toks[first..=last]`, described by the noun `head`.
fn unnamed_person(toks: &[Tok], first: usize, last: usize, head: &str, quals: Vec<String>) -> Np {
    Np {
        first,
        last,
        kind: NpKind::Role { kind: SpeakerKind::Person, head: head.to_string(), definite: false },
        quals,
        gender: Gender::Unknown,
        start: toks[first].start,
        end: toks[last].end,
    }
}

/// "one of those advisers", "one of two witnesses": someone unnamed, one of a group of
/// people (a plural role noun after "one of"). `i` is "one".
pub fn one_of_a_group(toks: &[Tok], i: usize, end: usize) -> Option<Np> {
    if toks.get(i + 1).is_none_or(|t| t.low != "of") || toks[i].low != "one" {
        return None;
    }
    let role = (i + 2..end.min(i + 2 + ONE_OF_WORDS)).take_while(|&k| toks[k].is_word()).find(|&k| is_plural_person_noun(&toks[k]))?;
    Some(unnamed_person(toks, i, role, &toks[role].low, Vec::new()))
}

/// The most words a relative clause may hold between "who" and the cue.
const RELATIVE_CLAUSE_WORDS: usize = 10;

/// "a White House official who spoke anonymously to discuss strategy said": a person
/// opening the clause, then a relative clause without commas, then the cue at `v`: the
/// person is the subject.
pub fn subject_before_relative_clause(toks: &[Tok], lo: usize, v: usize) -> Option<Np> {
    // ("another intelligence source speaking to Fox News said": a participle's phrase too.)
    let opens_clause_word = |t: &Tok| t.low == "who" || t.is_lower_word() && t.low.ends_with("ing") && t.low.len() > 5;
    let who = (v.saturating_sub(RELATIVE_CLAUSE_WORDS + 1).max(lo + 1)..v).rev().find(|&k| opens_clause_word(&toks[k]) && toks[k - 1].is_word())?;
    if !toks[who + 1..v].iter().all(Tok::is_word) || who + 1 == v {
        return None;
    }
    let np = super::attribution::np_backward(toks, lo, who - 1)?;
    let person = match &np.kind {
        NpKind::Role { kind: SpeakerKind::Person, .. } => true,
        NpKind::Name(_) => is_full_name(&np),
        _ => false,
    };
    let opens_clause = np.first == lo || toks[np.first - 1].kind == TokKind::Punct;
    (person && opens_clause).then_some(np)
}

/// Words counting an unnamed group of people ("some protesters", "50 protesters").
const GROUP_COUNTS: [&str; 6] = ["some", "many", "several", "few", "dozens", "hundreds"];

/// Whether `t` is a plural noun for people ("protesters", "witnesses", "advisers").
fn is_plural_person_noun(t: &Tok) -> bool {
    let lx = Lexicon::get();
    let singulars = [t.low.strip_suffix("es"), t.low.strip_suffix('s')];
    t.is_lower_word() && t.low.ends_with('s') && singulars.into_iter().flatten().any(|w| lx.role(w) == Some(SpeakerKind::Person) || lx.profession(w).is_some())
}

/// "some protesters chanted", "50 protesters shouted": a count (a quantifier or a number)
/// and a plural noun for people, maybe after one modifier, is an unnamed group that speaks.
/// `i` is the count.
pub fn counted_group(toks: &[Tok], i: usize, end: usize) -> Option<Np> {
    let t = toks.get(i)?;
    let count = t.is_word() && (GROUP_COUNTS.contains(&t.low.as_str()) || t.low.len() <= 6 && t.low.chars().all(|c| c.is_ascii_digit()));
    if !count {
        return None;
    }
    let lx = Lexicon::get();
    // ("21 percent said “not too likely”": a share of those polled is a group too.)
    let share = t.low.chars().all(|c| c.is_ascii_digit()) && toks.get(i + 1).is_some_and(|n| i + 1 < end && (n.low == "percent" || n.text == "%"));
    if share {
        return Some(unnamed_person(toks, i, i + 1, "percent", Vec::new()));
    }
    let noun = (i + 1..end.min(i + 3)).take_while(|&k| toks[k].is_lower_word() && !lx.is_function_word(&toks[k].low)).find(|&k| is_plural_person_noun(&toks[k]))?;
    Some(unnamed_person(toks, i, noun, &toks[noun].low, content_words(&toks[i + 1..noun])))
}

/// Words opening a clause inside a sentence, after which a group may be the subject.
const GROUP_CLAUSE_OPENERS: [&str; 6] = ["when", "where", "as", "while", "after", "until"];
/// Words that may stand before a group's count ("about 50 protesters").
const ROUGHLY: [&str; 5] = ["about", "nearly", "roughly", "almost", "some"];

/// "…, when Park protesters interrupted her speech, shouting", "…, where about 50 workers had
/// gathered, chanting" (en-speakers, s17): a participle after a comma that closes a clause
/// opened by "when"/"where"/… whose subject is a group of people (counted or named) is
/// that crowd's, not the person opening the sentence. `comma` is the comma before the
/// participle; the clause must run to it with no other comma. English only.
pub fn group_closing_clause_before(toks: &[Tok], lo: usize, comma: usize) -> Option<Np> {
    let open = (lo..comma).rev().take(16).take_while(|&k| toks[k].text != ",").find(|&k| toks[k].is_word() && GROUP_CLAUSE_OPENERS.contains(&toks[k].low.as_str()))?;
    let mut g = open + 1;
    if toks.get(g).is_some_and(|t| ROUGHLY.contains(&t.low.as_str())) && toks.get(g + 1).is_some_and(|t| t.low.chars().all(|c| c.is_ascii_digit())) {
        g += 1;
    }
    let group = counted_group(toks, g, comma).or_else(|| named_group(toks, g, comma))?;
    // (Its verb follows the group: "had gathered", "interrupted".)
    toks.get(group.last + 1).filter(|t| group.last + 1 < comma && t.is_lower_word())?;
    Some(group)
}

/// The named group of [`named_group`] ending at `j`, the word before a cue: read only as
/// the subject of speech, so that the groups of other sentences do not become candidates
/// a pronoun could be resolved to.
pub fn named_group_ending_at(toks: &[Tok], lo: usize, j: usize) -> Option<Np> {
    let first = (lo..j).rev().take(GROUP_NAME_WORDS).take_while(|&k| toks[k].is_cap()).last()?;
    named_group(toks, first, j + 1).filter(|np| np.last == j)
}

/// "From Bush's Facebook post:", "More from the report:", "From the statement:": a
/// sentence that is only "From" (maybe after "More") and a source up to its colon, right
/// before a quote, says whose words follow. Returns the index of the source's first word
/// in `left` (the quote's sentence up to it, the colon last).
pub fn source_after_opening_from(left: &[Tok]) -> Option<usize> {
    let colon = left.len().checked_sub(1).filter(|&c| left[c].text == ":")?;
    let from = match left.first()?.low.as_str() {
        "from" => 0,
        "more" => 1,
        _ => return None,
    };
    left.get(from).filter(|t| t.low == "from")?;
    let k = from + 1;
    // (A short source: an article or a name, at most five more words, no verb; its last
    // word may be a noun that is also a cue, "the report", "his statement".)
    let words = &left[k..colon];
    let lx = Lexicon::get();
    let plain = !words.is_empty()
        && words.len() <= 6
        && words.iter().all(Tok::is_word)
        && !words[..words.len() - 1].iter().any(|t| lx.en_cues.contains(t.low.as_str()));
    plain.then_some(k)
}

/// "From Bush's Facebook post:": the name owning the source opening at `k` (before its
/// "'s", at most three words) is whose words they are.
pub fn possessor_opening_source(left: &[Tok], k: usize) -> Option<Np> {
    let poss = (k + 1..left.len().min(k + 4)).find(|&m| left[m].low == "'s")?;
    np_forward(left, k, poss).filter(|np| matches!(np.kind, NpKind::Name(_)) && np.last + 1 == poss)
}

/// Most capitalised words a group's modifying name may hold ("New Hampshire voters").
const GROUP_NAME_WORDS: usize = 3;

/// "Harlan supporters chanted", "Park protesters interrupted her, shouting", "Iowa voters
/// said": a short capitalised run right before a plural noun for people modifies it; the
/// speaker is that unnamed group, not the person or place the name stands for. `i` is the
/// run's first word (not after an article: "the Harlan supporters" reads as before).
pub fn named_group(toks: &[Tok], i: usize, end: usize) -> Option<Np> {
    let t = toks.get(i).filter(|t| t.is_cap() && !is_det(t) && !super::attribution::is_acronym(t))?;
    if i > 0 && (toks[i - 1].is_cap() || is_det(&toks[i - 1])) {
        return None;
    }
    let mut k = i + 1;
    while k < end && k < i + GROUP_NAME_WORDS && toks[k].is_cap() {
        k += 1;
    }
    let noun = toks.get(k).filter(|n| k < end && is_plural_person_noun(n))?;
    // (An opening word that is no name, "Some protesters", is counted_group's.)
    if Lexicon::get().is_function_word(&t.low) {
        return None;
    }
    Some(unnamed_person(toks, i, k, &noun.low, content_words(&toks[i..k])))
}

/// "“…” tweeted another.", "Another wrote,": "another" standing alone for a person
/// (a pronoun of the crowd quoted one after another). `i` is "another".
pub fn another_alone(toks: &[Tok], i: usize, end: usize) -> Option<Np> {
    toks.get(i).filter(|t| t.low == "another")?;
    let alone = toks.get(i + 1).is_none_or(|n| i + 1 >= end || n.kind != TokKind::Word || Lexicon::get().en_cues.contains(n.low.as_str()));
    alone.then(|| unnamed_person(toks, i, i, "another", Vec::new()))
}

/// Possessives that open a description of a person ("his best friend", "her husband").
const POSSESSIVES: [&str; 5] = ["his", "her", "their", "my", "our"];
/// How many words a possessive description may hold before its comma.
const POSSESSIVE_DESCRIPTION_WORDS: usize = 8;

/// "said his best friend at Lehigh, Bruce Turry": a possessive description of a person
/// (`toks[k]` the possessive, a person's role noun among the words) set off by a comma
/// before a name that closes the phrase: the name speaks, written from the description.
pub fn name_after_possessive_description(toks: &[Tok], k: usize, hi: usize) -> Option<Np> {
    let lx = Lexicon::get();
    if !toks.get(k).is_some_and(|t| t.is_lower_word() && POSSESSIVES.contains(&t.low.as_str())) {
        return None;
    }
    let comma = (k + 1..hi.min(k + 1 + POSSESSIVE_DESCRIPTION_WORDS)).find(|&m| !toks[m].is_word())?;
    let described = toks[k + 1..comma].iter().any(|t| t.is_lower_word() && lx.role(&t.low) == Some(SpeakerKind::Person));
    if !described || !toks[comma].is_punct(',') {
        return None;
    }
    let mut name = np_forward(toks, comma + 1, hi).filter(|np| matches!(np.kind, NpKind::Name(_)))?;
    let closes = toks.get(name.last + 1).is_none_or(|t| t.kind == TokKind::Punct);
    name.start = toks[k].start;
    closes.then_some(name)
}

/// Whether `toks[k]` opens an English description of a person: an article or a
/// possessive ("the", "a", "his", …), or a possessor's name ("Rubio's deputy campaign manager").
pub fn opens_english_description(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    t.is_word() && DESCRIPTION_OPENERS.contains(&t.low.as_str()) || t.is_cap() && toks.get(k + 1).is_some_and(|n| n.low == "'s")
}

/// How many lower-case modifiers may stand before a bare body noun ("federal prosecutors").
const BARE_BODY_MODIFIERS: usize = 2;

/// "federal prosecutors wrote", "local police said": where the clause opens when one or
/// two lower-case modifiers (no article, function word or cue) stand between its start
/// (`lo` or punctuation) and the bare body noun at `noun`.
pub fn modifiers_opening_clause(toks: &[Tok], lo: usize, noun: usize) -> Option<usize> {
    let lx = Lexicon::get();
    let modifier = |t: &Tok| t.is_lower_word() && !is_det(t) && !lx.is_function_word(&t.low) && !lx.en_cues.contains(t.low.as_str()) && !lx.fr_cues.contains(t.low.as_str());
    let mut from = noun;
    while from > lo && noun - from < BARE_BODY_MODIFIERS && modifier(&toks[from - 1]) {
        from -= 1;
    }
    let opens = from == lo || !toks[from - 1].is_word();
    (from < noun && opens).then_some(from)
}

/// Lower-case words that may open a clause before its subject's name ("as Tom Ridge, a
/// former secretary, put it", "and Jane Roe, an aide, said").
const CLAUSE_OPENERS: [&str; 6] = ["as", "and", "but", "while", "when", "yet"];

/// The person's name that closes the comma-bounded segment `toks[s..e]` (the segment
/// is the name, or a clause opener and the name; a name's own stop may end it: "James B.
/// Comey Jr."). A one-word name must open the segment; after an opener it must be a full
/// name ("as in New York" names no one).
pub(super) fn name_closing_segment(toks: &[Tok], s: usize, e: usize) -> Option<Np> {
    let from = if toks.get(s).is_some_and(|t| CLAUSE_OPENERS.contains(&t.text.as_str())) { s + 1 } else { s };
    let np = np_forward(toks, from, e)?;
    let NpKind::Name(words) = &np.kind else { return None };
    let stop = |k: usize| toks[k].is_punct('.') && toks[k].start == toks[k - 1].end;
    let closes = np.last + 1 == e || np.last + 2 == e && stop(e - 1);
    let known_first = words.first().is_some_and(|f| Lexicon::get().first_names.contains_key(f.as_str()));
    (closes && (from == s || words.len() >= 2 && known_first) && !super::attribution::never_speaker(words)).then_some(np)
}

/// "Republican party boss Reince Priebus", "Marquette pollster Charles Franklin": a
/// capitalised qualifier `toks[i..r]`, a lower-case role of up to three words, then a
/// person's name: the name is the phrase's head, the rest qualifies it.
pub(super) fn name_after_role(toks: &[Tok], i: usize, r: usize, end: usize) -> Option<Np> {
    let lx = Lexicon::get();
    let is_role = |t: &Tok| lx.role(&t.low) == Some(SpeakerKind::Person) || lx.profession(&t.low).is_some();
    let mut k = r;
    while k < end && k < r + 3 && toks[k].is_lower_word() && !lx.is_function_word(&toks[k].low) && (is_role(&toks[k]) || !lx.en_cues.contains(toks[k].low.as_str())) {
        k += 1;
    }
    if k == r || k >= end || !is_role(&toks[k - 1]) || !is_name_word(&toks[k]) {
        return None;
    }
    let mut name = np_forward(toks, k, end).filter(is_full_name)?;
    name.quals.extend(content_words(&toks[i..k]));
    name.first = i;
    Some(name)
}


/// "Representative Peter T. King", "said Stephen King": a role word closing a capitalised
/// run (`toks[k]`, the run ending at `r`) right after a first name or an initial is the
/// bearer's surname, not a role that splits the run.
pub fn is_surname_role_word(toks: &[Tok], k: usize, r: usize) -> bool {
    let lx = Lexicon::get();
    let initial = |t: &Tok| t.is_cap() && t.text.trim_end_matches('.').chars().count() == 1;
    k + 1 == r && k > 0 && (initial(&toks[k - 1]) || lx.first_names.contains_key(toks[k - 1].text.as_str()))
}

/// How many capitalised words may follow "and" in a body's name.
const BODY_WORDS_AFTER_AND: usize = 4;

/// "Securities and Exchange Commission", "Food and Drug Administration": "and" at `k`
/// between capitalised words joins one body's name when the capitalised words after it
/// hold a body's noun after their first (so "Trump and Clinton" stay two names).
pub fn and_joins_a_body(toks: &[Tok], k: usize, end: usize) -> bool {
    let lx = Lexicon::get();
    // One capitalised word before "and" ("Securities", "Health" in "Department of Health
    // and Human Services"): after a longer run, "and" ends a name ("John Bolton and
    // Breitbart News").
    let one_word_before = k >= 1 && toks[k - 1].is_cap() && (k < 2 || !toks[k - 2].is_cap() || lx.is_function_word(&toks[k - 2].low));
    if toks[k].text != "and" || !one_word_before || lx.first_names.contains_key(toks[k - 1].text.as_str()) {
        return false;
    }
    let mut e = k + 1;
    while e < end.min(toks.len()) && e <= k + BODY_WORDS_AFTER_AND && toks[e].is_cap() {
        e += 1;
    }
    // (The body's noun comes after a word of its own: "Exchange Commission", not "and
    // Senate Democrats".)
    (k + 2..e).any(|m| lx.is_org_word(&toks[m].low))
}

/// The least share of capitalised words in a Title Case headline.
const HEADLINE_CAPITALISED_SHARE: f32 = 0.75;
/// The most words a headline holds.
const HEADLINE_WORDS: usize = 25;

/// "Elizabeth Warren Hammers Wells Fargo CEO": a line of a few words, not ending a
/// sentence, whose words are nearly all capitalised (short function words aside) is a
/// Title Case headline, where capitals do not mark names.
pub fn is_title_case_headline(toks: &[Tok]) -> bool {
    let lx = Lexicon::get();
    let words: Vec<&Tok> = toks.iter().filter(|t| t.is_word()).collect();
    let content: Vec<&&Tok> = words.iter().filter(|t| !(t.is_lower_word() && lx.is_function_word(&t.low))).collect();
    let ends_sentence = toks.last().is_some_and(|t| matches!(t.text.as_ref(), "." | "!" | "?" | ":"));
    let capitalised = content.iter().filter(|t| t.is_cap()).count();
    words.len() >= 3 && words.len() <= HEADLINE_WORDS && !ends_sentence && capitalised as f32 >= HEADLINE_CAPITALISED_SHARE * content.len() as f32
}

/// "Gov.", "Lt.", "Sen.": a personal title written as an abbreviation with its stop.
pub fn is_title_abbreviation(t: &Tok) -> bool {
    t.is_cap() && t.text.len() > 2 && t.text.ends_with('.') && Lexicon::get().title(&t.text).is_some()
}

/// "UC-AFT President Bob Samuels", "Air Force 1st Lt. Tyler Livingston": a capitalised
/// run `toks[i..r]` (a body's name, cut before the title) followed by a rank ("1st"), a
/// capitalised title or role, and a person's full name: the name heads the phrase, the
/// body and title qualify it.
pub(super) fn name_after_capitalised_title(toks: &[Tok], i: usize, r: usize, end: usize) -> Option<Np> {
    let lx = Lexicon::get();
    let ordinal = |t: &Tok| {
        let digits = t.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty() && digits.len() < t.text.len() && digits.chars().all(|c| c.is_ascii_digit())
    };
    // (Or a lower-case modifier of the title: "Oversight ranking Democrat Elijah Cummings".)
    let modifier = |t: &Tok| t.is_lower_word() && !lx.is_function_word(&t.low) && !lx.en_cues.contains(t.low.as_str());
    let mut k = r;
    while k < end && k < r + 2 && (ordinal(&toks[k]) || modifier(&toks[k])) {
        k += 1;
    }
    let title = toks.get(k).filter(|t| k + 1 < end && t.is_cap())?;
    let titles_a_person = is_title_abbreviation(title) || lx.role(&title.low) == Some(SpeakerKind::Person) || PARTY_MEMBERS.contains(&title.low.as_str());
    if !titles_a_person || !is_name_word(&toks[k + 1]) {
        return None;
    }
    let mut name = np_forward(toks, k + 1, end).filter(is_full_name)?;
    name.quals.extend(content_words(&toks[i..=k]));
    name.first = i;
    Some(name)
}

/// Words that qualify a title and may open a sentence capitalised: "Former secretary of
/// state Hillary Rodham Clinton", "Then-governor …" is written "Then governor" too.
const TITLE_MODIFIERS: [&str; 10] = ["former", "then", "ex", "retired", "acting", "outgoing", "incoming", "interim", "longtime", "late"];

/// Whether a word qualifies a title ("Former", "Acting").
pub fn is_title_modifier(t: &Tok) -> bool {
    t.is_word() && TITLE_MODIFIERS.contains(&t.low.as_str())
}

/// "Schilling's son, Grant,", "One early supporter, Representative Lee Zeldin, …:" — like
/// [`with_descriptor_before`], for a phrase found with no cue (the subject a colon ends):
/// only a description that names a person is how the name is written ("At the end of
/// the day, Trump" is not).
pub fn with_person_description_before(toks: &[Tok], lo: usize, np: Np) -> Np {
    let np = name_after_capitalised_role(toks, lo, np);
    let described = with_descriptor_before(toks, lo, np.clone());
    let from = toks[lo..np.first].iter().position(|t| t.start == described.start).map(|p| lo + p);
    match from {
        Some(from) if from < np.first && names_a_person(&toks[from..np.first - 1]) => described,
        _ => np,
    }
}

/// "Band member Vale shared the news, writing", "Obama aide Ann Oyelaran posted": one
/// capitalised word opening the sentence, then a lower-case noun for a person and a
/// capitalised name, is a description set before the name (the group or the person it
/// belongs to), not a name of its own. The subject is the name, written with its
/// description; anything else is left as it was.
fn name_after_capitalised_role(toks: &[Tok], lo: usize, np: Np) -> Np {
    if !matches!(np.kind, NpKind::Name(_)) || np.first != np.last || np.first != lo {
        return np;
    }
    let (Some(role), Some(name)) = (toks.get(np.last + 1), toks.get(np.last + 2)) else {
        return np;
    };
    if !(is_person_noun(role) && name.is_word() && name.is_cap()) {
        return np;
    }
    match np_forward(toks, np.last + 2, toks.len()) {
        Some(mut named) if matches!(named.kind, NpKind::Name(_)) && named.first == np.last + 2 => {
            named.start = np.start;
            named
        }
        _ => np,
    }
}

/// Whether the words at `k`, right after a cue, open the clause it reports ("said he
/// would have fired …", "said that …"): the cue has words of its own to report.
pub fn opens_reported_clause(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|t| t.is_lower_word() && matches!(t.low.as_str(), "that" | "he" | "she" | "they" | "it" | "we" | "i"))
}

/// Social networks, never a speaker as the place a post appeared ("wrote on Twitter"),
/// but the company itself as the subject of a cue ("Twitter said in a statement").
const SOCIAL_NETWORKS: [&str; 4] = ["twitter", "facebook", "instagram", "youtube"];

/// "''…,'' Twitter said in a statement": a social network right before a cue (opening its
/// clause, not after "on" or a possessive) is the company speaking.
pub fn network_before_cue(toks: &[Tok], lo: usize, cue_first: usize) -> Option<Np> {
    let k = cue_first.checked_sub(1).filter(|&k| k >= lo)?;
    let t = &toks[k];
    let opens = k == lo || !toks[k - 1].is_word();
    (t.is_cap() && SOCIAL_NETWORKS.contains(&t.low.as_str()) && opens).then(|| Np::of_token(toks, k, NpKind::Name(vec![t.text.to_string()])))
}

/// The company a social network named as a cue's subject stands for.
pub fn network_company(words: &[String]) -> Option<crate::model::Speaker> {
    let [word] = words else { return None };
    SOCIAL_NETWORKS.contains(&fold(word).as_str()).then(|| crate::model::Speaker { name: word.clone(), kind: SpeakerKind::Organisation })
}

/// How many words the document after an outer "according to" may run on for.
const OUTER_DOCUMENT_WORDS: usize = 10;

/// "“…,” Grayson said, according to Frankel.", "…,” the pope told reporters, according to
/// Reuters, during …": the reporter has the quote at second hand, and the article gives
/// it on the word of the source after "according to" (the outer attribution, whose
/// account the reader is reading). Among the cues after a quote, an "according to" set
/// off by a comma after the cue that opens the attribution, with its source: a name, or
/// a document written to the end of its clause ("a transcript of the show", "audio
/// provided to The Times", "excerpts of his speech released by the White House").
pub fn outer_source(toks: &[Tok], cues: &[Cue]) -> Option<(usize, Np)> {
    let opening = cues.first()?;
    // (Or a report set off likewise: "said Kristen Day, …, reports USA Today", "…, CNN reported".)
    let report = |c: &Cue| matches!(toks[c.first].low.as_str(), "reports" | "reported") && c.first == c.last;
    let set_off = |c: &Cue| {
        let at = if report(c) && c.first >= 2 && !toks[c.first - 1].is_punct(',') { np_forward(toks, (c.first.saturating_sub(4)..c.first).find(|&k| toks[k].is_punct(','))? + 1, c.first).filter(|np| np.last + 1 == c.first)?.first } else { c.first };
        Some(at > opening.last + 1 && toks[at - 1].is_punct(','))
    };
    let outer = |c: &Cue| (c.preposition && toks[c.first].low == "according" || report(c)) && c.first > opening.last && set_off(c) == Some(true);
    let k = (1..cues.len()).find(|&k| outer(&cues[k]))?;
    let after = cues[k].last + 1;
    let np = super::attribution::speaker_of_cue(toks, 0, toks.len(), cues, k, false).or_else(|| bare_document(toks, after))?;
    Some((k, document_to_clause_end(toks, np)))
}

/// "audio provided to …", "excerpts of his speech": a document noun with no article.
fn bare_document(toks: &[Tok], k: usize) -> Option<Np> {
    let t = toks.get(k).filter(|t| t.is_lower_word())?;
    (Lexicon::get().role(&t.low)? == SpeakerKind::Document)
        .then(|| Np::of_token(toks, k, NpKind::Role { kind: SpeakerKind::Document, head: t.low.to_string(), definite: false }))
}

/// A document is written with what follows it up to the end of its clause: which one it
/// is ("of the show", "provided by Wyoming Public Radio") is part of how it is named.
fn document_to_clause_end(toks: &[Tok], mut np: Np) -> Np {
    if !matches!(np.kind, NpKind::Role { kind: SpeakerKind::Document, .. }) {
        return np;
    }
    let mut m = np.last + 1;
    while m < toks.len() && m <= np.last + OUTER_DOCUMENT_WORDS && (toks[m].is_word() || toks[m].text == "'s") {
        m += 1;
    }
    if m == toks.len() || toks[m].is_punct(',') {
        np.last = m - 1;
        np.end = toks[m - 1].end;
    }
    np
}

/// "the New York businessman", "a German user": a place or nationality after an article
/// qualifies the lower-case noun after it, which is who speaks (a person, unnamed).
pub(super) fn described_by_place(toks: &[Tok], det: usize, r: usize, end: usize, definite: bool) -> Option<Np> {
    let lx = Lexicon::get();
    let noun = toks.get(r).filter(|t| r < end && t.is_lower_word() && !lx.is_function_word(&t.low) && !lx.en_cues.contains(t.low.as_str()))?;
    let quals = content_words(&toks[det + 1..r]);
    let kind = NpKind::Role { kind: SpeakerKind::Person, head: noun.low.to_string(), definite };
    Some(Np { first: det, last: r, kind, quals, gender: lx.descriptor(&noun.low).unwrap_or(Gender::Unknown), start: toks[det].start, end: noun.end })
}

// ---- en-speakers s18: listeners, passive askers and venues are not speakers ----

/// Verbs whose next word is always their listener, even right after a quote: the "-ing"
/// form and "tell"/"told" never invert ("…?" a reporter was heard asking Smith; "…,"
/// told Smith is no English), while "asked"/"asks" may ("…?" asked Smith).
const LISTENER_ALWAYS_FOLLOWS: [&str; 5] = ["asking", "telling", "told", "tell", "tells"];

/// Whether the word after the cue `t` is its listener even after a quote, so the speaker
/// is to be found before the cue.
pub fn listener_always_follows(t: &Tok) -> bool {
    t.is_lower_word() && LISTENER_ALWAYS_FOLLOWS.contains(&t.low.as_str())
}

/// Verbs of perception and recording after which an "-ing" form reports speech ("could be
/// heard asking", "was caught saying", "was filmed telling").
const PERCEPTION_VERBS: [&str; 7] = ["heard", "overheard", "seen", "caught", "filmed", "recorded", "taped"];

/// "“…?” a reporter could be heard asking Smith": the "-ing" form at `i` right after a verb
/// of perception is a cue (its speaker is the perceived one, before), not a gerund.
pub fn perceived_speaking(toks: &[Tok], i: usize) -> bool {
    i > 0 && toks[i].low.ends_with("ing") && toks[i - 1].is_lower_word() && PERCEPTION_VERBS.contains(&toks[i - 1].low.as_str())
}

/// Where the verb phrase of perception before the "-ing" cue at `i` starts ("be heard" in
/// "could be heard asking"), for its subject to be read before it; `None` when `i` is no
/// such cue. (Modals and "was" before it are skipped by the subject's reading.)
pub fn perception_phrase_start(toks: &[Tok], i: usize) -> Option<usize> {
    let v = i.checked_sub(1).filter(|_| perceived_speaking(toks, i))?;
    Some(if v > 0 && toks[v - 1].low == "be" { v - 1 } else { v })
}

/// How many words the listener after "to" may hold before a participle cue ("to its
/// small donors saying").
const LISTENER_WORDS: usize = 3;

/// "her campaign sent a text message to supporters saying: “…”", "he wrote to donors
/// saying": the lower-case words right before the participle cue at `i` are the object of
/// "to" — the listener —, not the participle's subject (which is the clause's).
pub fn listener_before_participle(toks: &[Tok], lo: usize, i: usize) -> bool {
    let from = i.saturating_sub(LISTENER_WORDS + 1).max(lo);
    let Some(to) = (from..i).rfind(|&k| toks[k].is_lower_word() && toks[k].low == "to") else { return false };
    to + 1 < i && toks[to + 1..i].iter().all(|t| t.is_lower_word())
}

/// Auxiliaries of an English passive ("was asked by").
const PASSIVE_AUXILIARIES: [&str; 6] = ["was", "were", "is", "are", "been", "being"];

/// Question and address verbs whose passive agent is the one speaking ("was asked by the
/// host, “…?”": the host asks).
const PASSIVE_SPEAKING_VERBS: [&str; 3] = ["asked", "told", "pressed"];

/// "Senator Roe was asked by host Ann Lee, “…?”": a cue in the passive with its agent after
/// "by" — the agent speaks, not the subject. Returns the index of "by" (`cue_last` the
/// cue's last token), whose following phrase is the speaker.
pub fn passive_agent_by(toks: &[Tok], cue_first: usize, cue_last: usize) -> Option<usize> {
    let aux = cue_first.checked_sub(1).map(|k| &toks[k])?;
    let verb = &toks[cue_last];
    let by = cue_last + 1;
    let passive = aux.is_lower_word() && PASSIVE_AUXILIARIES.contains(&aux.low.as_str()) && PASSIVE_SPEAKING_VERBS.contains(&verb.low.as_str());
    (passive && toks.get(by).is_some_and(|t| t.is_lower_word() && t.low == "by")).then_some(by)
}

/// Prepositions that set a medium or place before a name ("later that month on NBC:",
/// "at Harvard:"): what follows is where the words were said, not who said them.
const VENUE_PREPOSITIONS: [&str; 2] = ["on", "at"];

/// Whether the phrase starting at `toks[k]` is governed by a venue preposition, so a colon
/// after it announces words said there, not words of the place or outlet.
pub fn after_venue_preposition(toks: &[Tok], k: usize) -> bool {
    k > 0 && toks[k - 1].is_lower_word() && VENUE_PREPOSITIONS.contains(&toks[k - 1].low.as_str())
}

#[cfg(test)]
mod tests {
    use super::super::attribution::{find_cues, name_run_end, name_words, speaker_of_cue, tokenize, RunJoins};
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        tokenize(s, 0..s.len(), &[])
    }

    fn cues(s: &str) -> Vec<String> {
        find_cues(&toks(s)).into_iter().map(|c| c.text).collect()
    }

    fn phrase(s: &str) -> Option<Np> {
        let t = toks(s);
        np_forward(&t, 0, t.len())
    }

    fn name_of(s: &str) -> Vec<String> {
        match phrase(s).map(|np| np.kind) {
            Some(NpKind::Name(words)) => words,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn a_past_cue_opening_a_sentence_before_a_name_is_a_cue() {
        let t = toks("Said Anna Berg, who grew up there");
        assert!(opening_inverted_cue(&t, 0));
        assert!(!opening_inverted_cue(&t, 1));
    }

    #[test]
    fn a_present_form_is_a_cue_only_after_its_subject() {
        assert_eq!(cues("the Islamic State warns"), ["warns"]);
        assert_eq!(cues("the new warns of the day"), Vec::<String>::new());
    }

    #[test]
    fn that_said_and_gerunds_are_not_cues() {
        assert_eq!(cues("That said, it works"), Vec::<String>::new());
        assert_eq!(cues("Anonymous declaring war"), Vec::<String>::new());
        assert_eq!(cues("he said, adding that"), ["said", "adding"]);
        assert_eq!(cues("footage of Trump saying,"), ["saying"]);
        assert_eq!(cues("footage of Trump saying during the debate"), ["saying"]);
    }

    #[test]
    fn a_participle_describing_a_noun_is_not_a_cue() {
        assert_eq!(cues("court documents cited by the committee show"), Vec::<String>::new());
        assert_eq!(cues("an Internet video posted Wednesday shows"), Vec::<String>::new());
        assert_eq!(cues("the figures were cited by police"), ["cited"]);
    }

    #[test]
    fn a_place_after_an_article_qualifies_the_noun_after_it() {
        let np = phrase("the New York businessman").unwrap();
        assert!(matches!(&np.kind, NpKind::Role { kind: SpeakerKind::Person, head, .. } if head == "businessman"), "{np:?}");
        assert_eq!(np.quals, ["new", "york"]);
    }

    #[test]
    fn the_name_after_a_capitalised_role_heads_the_phrase() {
        let np = phrase("Republican party boss Reince Priebus").unwrap();
        assert_eq!(np.kind, NpKind::Name(vec!["Reince".into(), "Priebus".into()]));
        assert!(np.quals.contains(&"boss".to_string()), "{np:?}");
    }

    #[test]
    fn post_nominal_letters_end_the_name() {
        assert_eq!(name_of("Jonathan Hall KC said"), ["Jonathan", "Hall"]);
    }

    #[test]
    fn a_generational_suffix_stays_in_the_name() {
        assert_eq!(name_of("James B. Comey Jr., the director"), ["James", "B.", "Comey", "Jr."]);
        let t = toks("said Ann Lee Jr. Then");
        assert_eq!(name_words(&t, 1, name_run_end(&t, 1, t.len(), RunJoins::Mention)), ["Ann", "Lee", "Jr."]);
    }

    #[test]
    fn names_match_without_their_suffix() {
        let words = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert_eq!(name_key(&words("James B. Comey Jr.")), ["james", "b.", "comey"]);
        assert_eq!(name_key(&words("Comey")), ["comey"]);
        // A suffix alone is not dropped.
        assert_eq!(name_key(&words("Jr.")), ["jr."]);
    }

    #[test]
    fn a_dotted_abbreviation_keeps_its_stop_in_a_name() {
        let t = toks("the U.S. Navy said");
        let r = name_run_end(&t, 1, t.len(), RunJoins::Phrase);
        assert_eq!(name_words(&t, 1, r), ["U.S.", "Navy"]);
        // Not across a sentence end.
        let t = toks("in the U.S. The plan");
        assert_eq!(name_words(&t, 2, name_run_end(&t, 2, t.len(), RunJoins::Mention)), ["U.S."]);
        let t = toks("Acme Inc. said");
        assert_eq!(name_words(&t, 0, name_run_end(&t, 0, t.len(), RunJoins::Mention)), ["Acme", "Inc."]);
    }

    #[test]
    fn an_arabic_particle_joined_by_a_hyphen_is_part_of_a_name() {
        assert_eq!(name_of("Nasr al-Ansi said"), ["Nasr", "al-Ansi"]);
        let t = toks("al-Ansi");
        assert!(is_particle_name(&t[0]));
    }

    #[test]
    fn a_plural_possessive_splits_like_s() {
        let t = toks("Jeff Weaver, Sanders' campaign manager");
        let at = t.iter().position(|t| t.text == "'").unwrap();
        assert_eq!((t[at].kind, t[at].low.as_str()), (TokKind::Word, "'s"));
        // A quote mark after a lower-case word stays punctuation.
        let t = toks("the voters' views");
        assert!(t.iter().any(|t| t.text == "'" && t.kind == TokKind::Punct));
        let np = phrase("Sanders' campaign manager").unwrap();
        assert!(matches!(&np.kind, NpKind::Role { head, .. } if head == "manager"), "{np:?}");
    }

    #[test]
    fn a_capitalised_quantifier_is_no_name() {
        let np = phrase("Several Twitter executives said");
        assert!(!matches!(np.map(|n| n.kind), Some(NpKind::Name(w)) if w[0] == "Several"));
        assert!(Lexicon::get().is_function_word("Several"));
    }

    #[test]
    fn the_role_noun_after_a_name_heads_the_phrase() {
        let np = phrase("a State Department official").unwrap();
        assert!(matches!(&np.kind, NpKind::Role { kind: SpeakerKind::Person, head, .. } if head == "official"), "{np:?}");
        assert_eq!(np.quals, ["state", "department"]);
        let np = phrase("the Trump campaign").unwrap();
        assert!(matches!(&np.kind, NpKind::Role { kind: SpeakerKind::Organisation, head, .. } if head == "campaign"), "{np:?}");
    }

    #[test]
    fn a_description_set_before_a_name_is_part_of_how_it_is_written() {
        let written = |s: &str| {
            let t = toks(s);
            let cues = find_cues(&t);
            let np = super::super::attribution::speaker_of_cue(&t, 0, t.len(), &cues, 0, false).unwrap();
            (np.written(s).to_string(), np.kind)
        };
        let (w, kind) = written("As the LinkedIn chief executive, Jeff Weiner, put it in his memo");
        assert_eq!(w, "the LinkedIn chief executive, Jeff Weiner");
        assert_eq!(kind, NpKind::Name(vec!["Jeff".into(), "Weiner".into()]));
        assert_eq!(written("another friend, Mariam Emara, said").0, "another friend, Mariam Emara");
        assert_eq!(written("Ms. Merkel's spokesman, Steffen Seibert, wrote").0, "Ms. Merkel's spokesman, Steffen Seibert");
        // A possessor's thing is no description of the name: "Trump's attack, Clinton said".
        assert_eq!(written("Trump's attack, Clinton said").0, "Clinton");
        // Not a clause with its verb: "the plan was dropped, Lee said".
        assert_eq!(written("the plan was dropped, Lee said").0, "Lee");
        // Not a participle's object: "Lamenting their luck, Mexicans say".
        assert_eq!(written("Lamenting their luck, Mexicans often say").0, "Mexicans");
    }

    #[test]
    fn the_principal_after_to_completes_a_role() {
        let s = "a longtime adviser to Trump said";
        let t = toks(s);
        let np = np_forward(&t, 0, t.len()).unwrap();
        assert_eq!(np.written(s), "a longtime adviser to Trump");
        // The adviser is not Trump: the principal does not qualify the role.
        assert!(!np.quals.contains(&"trump".to_string()), "{np:?}");
        let s = "the former top aide to President George W. Bush said";
        let t = toks(s);
        assert_eq!(np_forward(&t, 0, t.len()).unwrap().written(s), "the former top aide to President George W. Bush");
        // Not after other nouns, nor before a lower-case word.
        let s = "the spokesman to reporters";
        let t = toks(s);
        assert_eq!(np_forward(&t, 0, t.len()).unwrap().written(s), "the spokesman");
    }

    #[test]
    fn a_present_form_after_a_described_person_or_document_is_a_cue() {
        assert_eq!(cues("The New York businessman says of Clinton"), ["says"]);
        assert_eq!(cues("The ad claims"), ["claims"]);
        assert_eq!(cues("a narrator in the Clinton ad asks"), ["asks"]);
        // Not after an adjective.
        assert_eq!(cues("the new warns of the day"), Vec::<String>::new());
    }

    #[test]
    fn a_dash_and_a_name_after_a_quote_sign_it() {
        let signed = |s: &str| {
            let mut t = toks(s);
            t[0].kind = TokKind::Quote(0);
            let cues = find_cues(&t);
            let np = cues.first().filter(|c| c.preposition).and_then(|_| super::super::attribution::speaker_of_cue(&t, 0, t.len(), &cues, 0, true));
            np.map(|np| np.kind)
        };
        assert_eq!(signed("Q ― Adriana Rodarte"), Some(NpKind::Name(vec!["Adriana".into(), "Rodarte".into()])));
        assert_eq!(signed("Q -- Jane Roe, a voter"), Some(NpKind::Name(vec!["Jane".into(), "Roe".into()])));
        // Not a dash inside the reporter's sentence, nor one before a lone word.
        assert_eq!(signed("Q -- and Fred Goldberg said"), None);
        assert_eq!(signed("Q — Tuesday"), None);
    }

    #[test]
    fn a_participle_after_a_fronted_phrase_takes_the_clause_subject() {
        let s = "During a speech earlier in the day, Donald Trump attacked Clinton for her vote, saying";
        let t = toks(s);
        let cues = find_cues(&t);
        let ci = cues.iter().position(|c| c.text == "saying").unwrap();
        let np = super::super::attribution::speaker_of_cue(&t, 0, t.len(), &cues, ci, false).unwrap();
        assert_eq!(np.kind, NpKind::Name(vec!["Donald".into(), "Trump".into()]));
    }

    /// The phrase the first cue of `s` gives as its speaker, as written.
    fn speaker_written(s: &str) -> Option<String> {
        let t = toks(s);
        let c = find_cues(&t);
        (!c.is_empty()).then(|| speaker_of_cue(&t, 0, t.len(), &c, 0, true)).flatten().map(|np| np.written(s).to_string())
    }

    /// The subject the first cue of `s` takes (read before it), as written.
    fn subject_written(s: &str) -> Option<String> {
        let t = toks(s);
        let c = find_cues(&t);
        speaker_of_cue(&t, 0, t.len(), &c, 0, false).map(|np| np.written(s).to_string())
    }

    #[test]
    fn an_unnamed_description_keeps_its_complement() {
        // (An unnamed document too, by where it appeared or who made it.)
        assert_eq!(speaker_written("concluded a 2013 article in the academic journal Judgment and Decision Making.").as_deref(), Some("a 2013 article in the academic journal Judgment and Decision Making"));
        assert_eq!(speaker_written("said a report from the Brookings Institution.").as_deref(), Some("a report from the Brookings Institution"));
        assert_eq!(speaker_written("said one Democratic source on the panel.").as_deref(), Some("one Democratic source on the panel"));
        assert_eq!(speaker_written("said another source familiar with Cruz's thinking.").as_deref(), Some("another source familiar with Cruz's thinking"));
        assert_eq!(speaker_written("a narrator in the Clinton ad asks.").as_deref(), Some("a narrator in the Clinton ad"));
        // Where or when it was said is not part of who said it.
        assert_eq!(speaker_written("said a source in a statement.").as_deref(), Some("a source"));
        assert_eq!(speaker_written("said an aide on Tuesday.").as_deref(), Some("an aide"));
        // A second role joined by "and" describes the same person.
        assert_eq!(
            subject_written("the Florida senator and Republican presidential candidate told ABC.").as_deref(),
            Some("the Florida senator and Republican presidential candidate")
        );
        assert_eq!(subject_written("the senator and his wife said.").as_deref(), Some("the senator"));
    }

    #[test]
    fn one_before_a_role_noun_describes_someone_unnamed() {
        let np = phrase("one Trump confidant").expect("a phrase");
        assert!(matches!(np.kind, NpKind::Role { ref head, definite: false, .. } if head == "confidant"), "{np:?}");
        assert!(phrase("one day").is_none());
    }

    #[test]
    fn a_profession_after_a_possessor_heads_the_phrase() {
        let np = phrase("Obama's former campaign strategist").expect("a phrase");
        assert!(matches!(np.kind, NpKind::Role { ref head, .. } if head == "strategist"), "{np:?}");
    }

    #[test]
    fn a_participle_opening_a_sentence_is_no_name() {
        assert!(phrase("Lamenting their luck").is_none());
        assert_eq!(name_of("Manning said"), ["Manning"]);
    }

    /// The cues `find_cues_after_quote` finds in `s`.
    fn cues_after_quote(s: &str) -> Vec<String> {
        super::super::attribution::find_cues_after_quote(&toks(s)).into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn a_long_description_at_its_cue_speaks_unnamed() {
        // Before the cue: modifiers set off by a comma, capitalised words, a complement.
        assert_eq!(subject_written("the bespectacled, 71-year-old diplomat said in an interview.").as_deref(), Some("the bespectacled, 71-year-old diplomat"));
        assert_eq!(subject_written("a voice-over in the ad states.").as_deref(), Some("a voice-over in the ad"));
        assert_eq!(subject_written("one P&G Amiens employee told French television.").as_deref(), Some("one P&G Amiens employee"));
        assert_eq!(subject_written("the paper's editorial board wrote.").as_deref(), Some("the paper's editorial board"));
        // After an inverted cue, closing the attribution.
        assert_eq!(speaker_written("said one person with knowledge of the governor's dilemma, who spoke").as_deref(), Some("one person with knowledge of the governor's dilemma"));
        assert_eq!(speaker_written("said the printed Cruz slate card.").as_deref(), Some("the printed Cruz slate card"));
        // Not the object of a cue that has its subject before it.
        assert_ne!(subject_written("while 73 percent said the same of Trump.").as_deref(), Some("the same of Trump"));
        // Not a clause ("the man who ran"), a time ("the next day"), or a bare opener.
        let t = toks("the man who ran said");
        assert!(standalone_description_before_cue(&t, 0, 4).is_none());
        let t = toks("the next day said");
        assert!(standalone_description_before_cue(&t, 0, 3).is_none());
        assert_ne!(subject_written("His assumption, confidently stated.").as_deref(), Some("His assumption, confidently"));
        assert_eq!(speaker_written("noted that the company offers new mothers paid leave.").as_deref(), None);
        // A body's or a thing's description stays unnamed; a person's may name someone.
        let t = toks("the editorial board said");
        let np = standalone_description_before_cue(&t, 0, 3).expect("a description");
        assert!(matches!(np.kind, NpKind::Role { kind: SpeakerKind::Organisation, ref head, definite: false } if head == "board"));
        let t = toks("the bespectacled, 71-year-old diplomat said");
        let np = standalone_description_before_cue(&t, 0, 5).expect("a description");
        assert!(matches!(np.kind, NpKind::Role { definite: true, .. }));
    }

    #[test]
    fn a_description_of_a_thing_or_a_body_names_no_one() {
        let may = |s: &str| {
            let t = toks(s);
            short_description_may_name_someone(&t[0], &t[t.len() - 1])
        };
        assert!(may("the designer"));
        assert!(may("the real estate developer"));
        assert!(!may("the board"));
        assert!(!may("the release"));
        assert!(!may("the union"));
        assert!(!may("the progressive heavyweights"));
        assert!(!may("a designer"));
    }

    #[test]
    fn a_present_form_after_a_description_closing_a_quote_is_a_cue() {
        assert_eq!(cues_after_quote(", the editorial board writes."), ["writes"]);
        assert_eq!(cues_after_quote("the editorial board says."), ["says"]);
        // Elsewhere the plural noun stays a noun.
        assert_eq!(cues("the editorial page writes"), Vec::<String>::new());
        assert_eq!(cues_after_quote(", the editorial page writes."), ["writes"]);
        assert_eq!(cues_after_quote(", the president's remarks"), Vec::<String>::new());
        assert_eq!(cues_after_quote(", the congressional report said,"), ["said"]);
    }

    #[test]
    fn a_person_of_a_body_before_the_cue_is_the_subject() {
        assert_eq!(subject_written("Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote in December.").as_deref(), Some("Jeffrey Lewis"));
        // Not without the article: what a role is of.
        assert_ne!(subject_written("the Governor of Texas said.").as_deref(), Some("Governor"));
    }

    #[test]
    fn a_participle_after_by_takes_the_clause_subject() {
        assert_eq!(subject_written("Hillary Clinton responded by saying,").as_deref(), Some("Hillary Clinton"));
        assert_eq!(subject_written("Clinton opened her remarks at the rally by saying that").as_deref(), Some("Clinton"));
        assert_eq!(subject_written("The Granite State's electorate rewards neighbours, although Bill Clinton won the spin by declaring").as_deref(), Some("Bill Clinton"));
        assert_eq!(subject_written("he only hinted at Donald Trump by mentioning").as_deref(), Some("he"));
    }

    #[test]
    fn a_dateline_is_not_the_subject_of_a_participle() {
        let t = toks("WASHINGTON, Dec. 8 (UPI) — In response, Clinton's aide rallied supporters, saying");
        assert_eq!(dateline_end(&t, 0, t.len()).map(|k| t[k].text.as_str()), Some("In"));
        let t = toks("WASHINGTON is a city");
        assert_eq!(dateline_end(&t, 0, t.len()), None);
        assert_eq!(subject_written("WASHINGTON (UPI) — In response to the plan, Jane Roe rallied supporters, saying").as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn a_description_opened_by_its_owner_is_someone_else() {
        let owner = |s: &str| {
            let t = toks(s);
            let c = find_cues(&t);
            speaker_of_cue(&t, 0, t.len(), &c, 0, false).and_then(|np| owner_of_description(s, &np))
        };
        assert_eq!(owner("Hillary Clinton's right-hand woman said.").as_deref(), Some("clinton"));
        assert_eq!(owner("Clinton's spokesman said.").as_deref(), Some("clinton"));
        assert_eq!(owner("the spokesman said.").as_deref(), None);
    }

    #[test]
    fn verbs_of_voice_are_cues() {
        assert_eq!(cues("his wife whispered to him:"), ["whispered"]);
        assert_eq!(cues("he demanded, as Bush continued to interject"), ["demanded", "continued"]);
        assert_eq!(cues_after_quote("the audience screamed."), ["screamed"]);
        // "with Donald Trump tweeting that … and asking, “…”": the participle after a name.
        assert_eq!(cues("with Donald Trump tweeting that it was"), ["tweeting"]);
    }

    #[test]
    fn a_possessed_kinship_noun_names_a_relative() {
        // The subject of the cue in `s`, as the engine reads it.
        let kin = |s: &str| {
            let t = toks(s);
            let c = find_cues(&t);
            speaker_of_cue(&t, 0, t.len(), &c, 0, false).is_some_and(|np| possessed_kin(s, &np))
        };
        assert!(kin("his wife said."));
        assert!(kin("her husband said."));
        assert!(!kin("the wife said."));
        assert!(!kin("his spokesman said."));
    }

    #[test]
    fn a_possessive_description_before_a_cue_speaks() {
        assert_eq!(speaker_written("my father often said.").as_deref(), Some("my father"));
        assert_eq!(speaker_written("a reader would now ask:").as_deref(), Some("a reader"));
    }

    #[test]
    fn a_nickname_inside_a_name_joins_it() {
        let s = "Del. Marcia “Cia” Price spoke";
        let open = s.find('“').unwrap();
        let close = s.find('”').unwrap() + '”'.len_utf8();
        // One piece: the nickname's text between its marks.
        let nickname = open + '“'.len_utf8()..close - '”'.len_utf8();
        let span = crate::text::quote_marks::MarkedSpan {
            open,
            close,
            pieces: vec![nickname],
            closed: true,
            paragraph: 0,
            last_paragraph: 0,
            signed: None,
        };
        let t = tokenize(s, 0..s.len(), std::slice::from_ref(&span));
        let np = np_forward(&t, 0, t.len()).expect("a name");
        assert!(matches!(np.kind, NpKind::Name(ref w) if w == &["Marcia", "Price"]), "{np:?}");
    }

    #[test]
    fn state_before_a_word_is_a_noun() {
        assert_eq!(cues("Scott's niece, state Del. Marcia Price, shouted"), ["shouted"]);
        assert_eq!(cues("officials state that"), ["state"]);
    }

    #[test]
    fn the_people_of_a_place_speak_as_a_group() {
        let w = |s: &str| vec![s.to_string()];
        assert!(is_people_of_a_place(&w("Mexicans")));
        assert!(!is_people_of_a_place(&w("Mexico")));
        assert!(!is_people_of_a_place(&w("Paris")));
        assert!(!is_people_of_a_place(&w("Kansas")));
    }

    #[test]
    fn an_unnamed_description_before_a_cue_is_its_subject() {
        assert_eq!(subject_written("Another source familiar with Cruz's thinking said").as_deref(), Some("Another source familiar with Cruz's thinking"));
        assert_eq!(subject_written("one senior Democrat said").as_deref(), Some("one senior Democrat"));
        assert_eq!(speaker_written("said one Republican involved in the planning.").as_deref(), Some("one Republican involved in the planning"));
        // A party's body is a name, not a member.
        assert!(!matches!(phrase("a Republican National Committee member").map(|np| np.kind), Some(NpKind::Role { ref head, .. }) if head == "republican"));
    }

    #[test]
    fn a_role_noun_in_man_or_woman_tells_a_gender() {
        assert_eq!(role_noun_gender("businessman", false), Gender::Male);
        assert_eq!(role_noun_gender("congresswoman", false), Gender::Female);
        assert_eq!(role_noun_gender("german", false), Gender::Unknown);
        assert_eq!(role_noun_gender("senator", false), Gender::Unknown);
    }

    #[test]
    fn a_role_word_after_a_first_name_is_a_surname() {
        assert_eq!(name_of("Representative Peter T. King, Republican of New York"), ["Peter", "T.", "King"]);
        assert_eq!(name_of("Stephen King"), ["Stephen", "King"]);
        // A role after a body's name still splits the run.
        assert_eq!(name_of("Europol Director Rob Wainwright"), ["Rob", "Wainwright"]);
    }

    #[test]
    fn the_name_after_a_body_and_its_title_heads_the_phrase() {
        assert_eq!(name_of("UC-AFT President Bob Samuels, who"), ["Bob", "Samuels"]);
        assert_eq!(name_of("Air Force 1st Lt. Tyler Livingston."), ["Tyler", "Livingston"]);
        assert_eq!(name_of("Oversight ranking Democrat Elijah Cummings (D-Md.)."), ["Elijah", "Cummings"]);
        let np = phrase("UC-AFT President Bob Samuels").unwrap();
        assert!(np.quals.iter().any(|q| q == "president"), "{:?}", np.quals);
    }

    #[test]
    fn the_words_before_a_title_abbreviation_name_no_one() {
        let t = toks("Former Arkansas Gov. Mike Huckabee, for his part, is labeling it abuse.");
        assert!(is_title_abbreviation(&t[2]), "{:?}", t[2]);
        let names = super::super::entities::mention_names("Former Arkansas Gov. Mike Huckabee, for his part, is labeling it abuse.");
        assert!(names.iter().any(|n| n == "Mike Huckabee"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Arkansas")), "{names:?}");
        let names = super::super::entities::mention_names("That quote from Alabama Securities Commissioner Thomas Krebs appeared.");
        assert!(names.iter().any(|n| n == "Thomas Krebs") && !names.iter().any(|n| n.contains("Alabama")), "{names:?}");
        let names = super::super::entities::mention_names("Europol Director Rob Wainwright spoke.");
        assert!(names.iter().any(|n| n == "Europol"), "{names:?}");
    }

    #[test]
    fn the_party_noun_ending_a_phrase_is_one_member() {
        assert_eq!(subject_written("the Republican said this week.").as_deref(), Some("the Republican"));
        let np = phrase("the Democrat, who spoke").unwrap();
        assert!(matches!(&np.kind, NpKind::Role { kind: SpeakerKind::Person, head, .. } if head == "democrat"), "{np:?}");
        // A party's plan, or its body, is no member.
        assert!(!matches!(phrase("the Republican plan").map(|np| np.kind), Some(NpKind::Role { ref head, .. }) if head == "republican"));
        assert!(!matches!(phrase("the Republican Party").map(|np| np.kind), Some(NpKind::Role { ref head, .. }) if head == "republican"));
    }

    #[test]
    fn and_joins_the_words_of_a_body_name() {
        let names = super::super::entities::mention_names("Here is one example: The Securities and Exchange Commission only requires it.");
        assert!(names.iter().any(|n| n == "Securities and Exchange Commission"), "{names:?}");
        let t = toks("said Securities and Exchange Commission Chair Mary Jo White.");
        assert_eq!(name_words(&t, 1, name_run_end(&t, 1, t.len(), RunJoins::Phrase)).join(" "), "Securities and Exchange Commission Chair Mary Jo White");
        // Two people stay two names.
        let names = super::super::entities::mention_names("Donald Trump and Hillary Clinton met.");
        assert!(names.iter().any(|n| n == "Hillary Clinton"), "{names:?}");
        let names = super::super::entities::mention_names("Ambassador John Bolton and Breitbart News National Security editor Sebastian Gorka spoke.");
        assert!(names.iter().any(|n| n == "John Bolton"), "{names:?}");
    }

    #[test]
    fn a_name_in_a_title_case_headline_is_cut_to_the_known_name() {
        assert!(is_title_case_headline(&toks("Elizabeth Warren Hammers Wells Fargo CEO")));
        assert!(!is_title_case_headline(&toks("Elizabeth Warren questioned the chief executive of Wells Fargo.")));
        let text = "Elizabeth Warren Hammers Wells Fargo CEO\n\nSen. Elizabeth Warren questioned him on Tuesday.";
        let frames: Vec<Vec<Tok>> = text.split("\n\n").map(|p| {
            let at = text.find(p).unwrap();
            tokenize(text, at..at + p.len(), &[])
        }).collect();
        let reg = super::super::entities::Registry::build(&frames, text);
        let names: Vec<String> = reg.entities.iter().map(|e| e.words.join(" ")).collect();
        assert!(names.iter().any(|n| n == "Elizabeth Warren"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Hammers")), "{names:?}");
    }

    #[test]
    fn the_name_after_a_principal_is_not_the_role_bearer() {
        assert_eq!(subject_written("Mark Olsen, a spokesman for House Speaker Paul Ryan, said").as_deref(), Some("Mark Olsen"));
        let t = toks("a spokeswoman for Senator Jane Holt said");
        let np = np_forward(&t, 0, t.len() - 1).unwrap();
        assert!(matches!(np.kind, NpKind::Role { .. }), "{:?}", np.kind);
        // A body's complement and then its minister's name still give the name.
        let t = toks("the Minister of the Interior Gerald Collins said");
        let np = np_forward(&t, 0, t.len() - 1).unwrap();
        assert_eq!(np.kind, NpKind::Name(vec!["Gerald".into(), "Collins".into()]));
    }

    #[test]
    fn the_name_before_a_description_is_who_it_describes() {
        assert_eq!(subject_written("Or, as Tom Ridge, a former secretary of homeland security, put it").as_deref(), Some("Tom Ridge"));
        assert_eq!(subject_written("James B. Comey Jr., the director of the bureau, said").as_deref(), Some("James B. Comey Jr."));
        // A place after a preposition is no one: the description speaks.
        assert_eq!(subject_written("Or, in New York, a spokesman for the mayor said").as_deref(), Some("a spokesman for the mayor"));
    }

    #[test]
    fn a_description_before_the_name_after_a_cue_is_how_it_is_written() {
        assert_eq!(speaker_written("said his best friend at Lehigh, Bruce Turry, who remembered it.").as_deref(), Some("his best friend at Lehigh, Bruce Turry"));
        assert_eq!(speaker_written("said Rubio's deputy campaign manager, Rich Beeson, who ran it.").as_deref(), Some("Rubio's deputy campaign manager, Rich Beeson"));
        let t = toks("said the minister, John Smith.");
        let c = find_cues(&t);
        let np = speaker_of_cue(&t, 0, t.len(), &c, 0, true).unwrap();
        assert_eq!(np.kind, NpKind::Name(vec!["John".into(), "Smith".into()]));
    }

    #[test]
    fn an_indefinite_person_opening_the_sentence_is_the_participle_subject() {
        let s = "A spokeswoman for the committee emailed reporters with the text, arguing,";
        let t = toks(s);
        let c = find_cues(&t);
        let ci = c.iter().position(|c| c.text == "arguing").unwrap();
        let np = speaker_of_cue(&t, 0, t.len(), &c, ci, false).map(|np| np.written(s).to_string());
        assert_eq!(np.as_deref(), Some("A spokeswoman for the committee"));
    }

    #[test]
    fn a_capitalised_word_and_a_role_before_a_name_describe_it() {
        let subject = |s: &str, cue: &str| {
            let t = toks(s);
            let c = find_cues(&t);
            let ci = c.iter().position(|c| c.text == cue).unwrap();
            speaker_of_cue(&t, 0, t.len(), &c, ci, false).map(|np| np.written(s).to_string())
        };
        assert_eq!(subject("Band member Vale shared the news last week, writing", "writing").as_deref(), Some("Band member Vale"));
        assert_eq!(subject("Club owner Oyelaran posted the letter, saying", "saying").map(|w| w.ends_with("Oyelaran")), Some(true));
        // (A full name after the role was read as the subject already.)
        assert_eq!(subject("Senate aide Ann Oyelaran posted the letter, saying", "saying").as_deref(), Some("Ann Oyelaran"));
        // A name that stands alone before its verb is kept.
        assert_eq!(subject("Oyelaran shared the news last week, writing", "writing").as_deref(), Some("Oyelaran"));
    }

    #[test]
    fn a_fronted_clause_subject_is_not_who_a_colon_announces() {
        let written = |s: &str| {
            let t = toks(s);
            let nps: Vec<Np> = [0, t.iter().position(|x| x.text == ",").unwrap() + 1].iter().filter_map(|&k| np_forward(&t, k, t.len())).collect();
            without_fronted_clause_subject(&t, nps).first().map(|np| np.written(s).to_string())
        };
        assert_eq!(written("When Peter Hall retired in 2004, Governor Mark Evans released the following statement:").as_deref(), Some("Mark Evans"));
        // A phrase is no clause: "Before Hall's speech, …".
        assert_eq!(written("Before Peter Hall's speech, Governor Mark Evans was shown saying:").as_deref(), Some("Peter Hall"));
        // A main clause first keeps its subject.
        assert_eq!(written("Mark Evans spoke after the vote, Peter Hall said later:").as_deref(), Some("Mark Evans"));
    }

    #[test]
    fn the_name_after_a_rubric_dash_signs_the_quote() {
        let written = |s: &str| {
            let t = toks(s);
            let nps: Vec<Np> = np_forward(&t, 0, t.len()).into_iter().collect();
            signature_after_rubric_dash(&t, nps).first().map(|np| np.written(s).to_string())
        };
        assert_eq!(written("RIVER TOWNS BRACE FOR FLOODS, AGAIN - Nora Quill:").as_deref(), Some("Nora Quill"));
        assert_eq!(written("Harbour pilots agree - Tomas Veldt and Ida Marr:").as_deref(), Some("Tomas Veldt and Ida Marr"));
        // No spaced dash, or words after the name: the sentence's own subject stays.
        assert_eq!(written("Nora Quill wrote on Sunday:").as_deref(), Some("Nora Quill"));
        assert_eq!(written("Nora Quill - a pilot for decades - told the board:").as_deref(), Some("Nora Quill"));
        assert_eq!(written("Nora Quill-Veldt added:").as_deref(), Some("Nora Quill-Veldt"));
    }

    #[test]
    fn a_participle_after_a_crowds_clause_is_the_crowds() {
        let group = |s: &str| {
            let t = toks(s);
            let comma = t.iter().rposition(|x| x.text == ",").unwrap();
            group_closing_clause_before(&t, 0, comma).map(|np| np.written(s).to_string())
        };
        assert_eq!(group("Mayor Ann Roe spoke by the pier, where about 40 protesters had gathered at dawn, chanting").as_deref(), Some("40 protesters"));
        assert_eq!(group("The hearing opened at noon, when Dock protesters interrupted the chairman, shouting").as_deref(), Some("Dock protesters"));
        // A person's clause, or no clause opener: the sentence's subject stays.
        assert_eq!(group("Ann Roe spoke by the pier, where Ed Poe had waited, saying"), None);
        assert_eq!(group("Some protesters met Ann Roe at the pier, saying"), None);
    }

    #[test]
    fn people_by_what_they_do_at_an_event_are_roles() {
        let t = toks("said Cruz constituent Dan Golvach.");
        let c = find_cues(&t);
        let np = speaker_of_cue(&t, 0, t.len(), &c, 0, true).unwrap();
        assert_eq!(np.kind, NpKind::Name(vec!["Dan".into(), "Golvach".into()]));
    }

    #[test]
    fn one_of_a_group_of_people_is_someone_unnamed() {
        assert_eq!(speaker_written("said one of those advisers, who spoke on condition of anonymity.").as_deref(), Some("one of those advisers"));
        assert_eq!(speaker_written("said one of two witnesses who relayed the story.").as_deref(), Some("one of two witnesses"));
        // A group of things is no one.
        assert_eq!(speaker_written("said one of the reports.").as_deref(), None);
    }

    #[test]
    fn a_relative_clause_between_subject_and_cue() {
        assert_eq!(subject_written("Still, a White House official who spoke anonymously to discuss strategy said").as_deref(), Some("a White House official"));
        assert_eq!(subject_written("Jane Roe who lives nearby said").as_deref(), Some("Jane Roe"));
        assert_eq!(subject_written("Another intelligence source speaking to Fox News said").as_deref(), Some("Another intelligence source"));
        // Not the object of another verb: "Trump attacked the reporters who said".
        assert_ne!(subject_written("Trump attacked the reporters who then said").as_deref(), Some("the reporters"));
    }

    #[test]
    fn a_counted_group_of_people_speaks_unnamed() {
        // A share of those polled ("14 percent said “not at all likely”").
        assert_eq!(subject_written("14 percent said.").as_deref(), Some("14 percent"));
        assert_eq!(subject_written("some protesters chanted,").as_deref(), Some("some protesters"));
        assert_eq!(subject_written("Then 50 angry protesters shouted").as_deref(), Some("50 angry protesters"));
        // A count of things is no one.
        assert_eq!(subject_written("some reports said").as_deref(), None);
    }

    #[test]
    fn another_alone_stands_for_a_person() {
        assert_eq!(speaker_written("tweeted another.").as_deref(), Some("another"));
        assert_eq!(subject_written("Then another wrote,").as_deref(), Some("another"));
        assert_eq!(subject_written("Then another voter wrote,").as_deref(), Some("another voter"));
    }

    #[test]
    fn a_lower_case_word_may_open_the_principal() {
        assert_eq!(speaker_written("a spokesman for committee Democrats said.").as_deref(), Some("a spokesman for committee Democrats"));
        assert_eq!(speaker_written("said a longtime adviser to both Clintons.").as_deref(), Some("a longtime adviser to both Clintons"));
    }

    #[test]
    fn modifiers_before_a_bare_body_noun_open_its_phrase() {
        assert_eq!(speaker_written(", federal prosecutors wrote in a filing.").as_deref(), Some("federal prosecutors"));
        assert_eq!(subject_written("Local police said").as_deref(), Some("Local police"));
        // Not across a verb or an article.
        assert!(!subject_written("the report named police said").is_some_and(|s| s.contains("named")));
    }

    #[test]
    fn court_papers_and_published_words_are_documents() {
        for s in ["the suit says.", "the passage continued.", "the unsigned opinion said."] {
            let t = toks(s);
            let np = np_forward(&t, 0, t.len()).unwrap();
            assert!(matches!(np.kind, NpKind::Role { kind: SpeakerKind::Document, .. }), "{s}: {:?}", np.kind);
        }
    }

    #[test]
    fn a_name_described_by_an_age_is_the_subject() {
        assert_eq!(subject_written("Khizr Khan, 66, said on Capital Download this week.").as_deref(), Some("Khizr Khan"));
    }

    #[test]
    fn according_to_after_a_cue_names_the_outer_source() {
        let outer = |s: &str| {
            let t = toks(s);
            let c = find_cues(&t);
            outer_source(&t, &c).map(|(_, np)| np.written(s).to_string())
        };
        assert_eq!(outer("Grayson said, according to Frankel.").as_deref(), Some("Frankel"));
        assert_eq!(outer("Walker said, according to an Associated Press account.").as_deref(), Some("an Associated Press account"));
        assert_eq!(outer("Mr. Pence said during the session, according to audio provided to The Times").as_deref(), Some("audio provided to The Times"));
        assert_eq!(outer("the pope told reporters, according to Reuters, during an answer").as_deref(), Some("Reuters"));
        assert_eq!(outer("said Kristen Day, executive director of Democrats for Life, reports the Washington Examiner.").as_deref(), Some("the Washington Examiner"));
        assert_eq!(outer("Kasich said on Tuesday, CNN reported.").as_deref(), Some("CNN"));
        // (Opening the sentence, or with no comma, it is not set off after the cue.)
        assert_eq!(outer("According to Frankel, Grayson said."), None);
        assert_eq!(outer("Grayson said according to the rules."), None);
    }

    #[test]
    fn a_possessors_description_with_a_complement_is_how_the_name_is_written() {
        assert_eq!(
            subject_written("California Rep. Duncan Hunter's chief of staff, Joe Kasper, told POLITICO").as_deref(),
            Some("California Rep. Duncan Hunter's chief of staff, Joe Kasper")
        );
        // (After a participle cue too, "son" though a French function word.)
        assert_eq!(subject_written("Schilling's son, Grant, went on Facebook Tuesday, saying").as_deref(), Some("Schilling's son, Grant"));
        // (Not a phrase of time set before the subject.)
        assert_eq!(subject_written("At the end of the day, Trump went on television, saying").as_deref(), Some("Trump"));
    }

    #[test]
    fn a_bare_description_before_a_name_is_how_it_is_written() {
        assert_eq!(speaker_written("said former secretary of state Hillary Clinton, who praised Bush.").as_deref(), Some("former secretary of state Hillary Clinton"));
        let written = |s: &str| phrase(s).map(|np| np.written(s).to_string());
        assert_eq!(written("Former secretary of state Hillary Rodham Clinton:").as_deref(), Some("Former secretary of state Hillary Rodham Clinton"));
        // (Only a title modifier opens it capitalised: French "Autre avocat d'Yvan Colonna,
        // Gilles Simeoni" is not Colonna; nor is the complement after "of" the person.)
        assert_ne!(written("Autre avocat d'Yvan Colonna, Gilles Simeoni a appris").as_deref(), Some("Autre avocat d'Yvan Colonna"));
        assert_ne!(speaker_written("said longtime adviser of Joe Biden.").as_deref(), Some("longtime adviser of Joe Biden"));
    }

    #[test]
    fn a_cue_reporting_a_clause_of_its_own_opens_it() {
        let opens = |s: &str| {
            let t = toks(s);
            let c = find_cues(&t);
            opens_reported_clause(&t, c[0].last + 1)
        };
        assert!(opens("Ohio Gov. John Kasich said he would have fired Lewandowski"));
        assert!(opens("Kasich said that he would have fired Lewandowski"));
        assert!(!opens("Kasich said."));
        assert!(!opens("Kasich told reporters in Ohio."));
    }

    #[test]
    fn a_social_network_as_the_subject_of_a_cue_is_the_company() {
        assert_eq!(speaker_written("Twitter said in a statement.").as_deref(), Some("Twitter"));
        assert!(network_company(&["Twitter".to_string()]).is_some_and(|s| s.kind == SpeakerKind::Organisation));
        // (Where a post appeared is not who speaks.)
        assert_ne!(subject_written("He wrote on Twitter said nothing").as_deref(), Some("Twitter"));
    }

    #[test]
    fn a_scare_quote_inside_the_clause_is_no_boundary() {
        let a = crate::ingest::from_plain_text("t", "Kerpen needled the CNN “reporter,” saying, “A reporter who Tweets on request!”");
        let spans = super::super::quote_marks::scan(&a);
        let t = tokenize(&a.text, 0..a.text.len(), &spans);
        let quotes: Vec<usize> = (0..t.len()).filter(|&k| matches!(t[k].kind, TokKind::Quote(_))).collect();
        assert_eq!(quotes.len(), 2, "{t:?}");
        assert!(is_scare_quote_in_clause(&t, quotes[0]));
        // (The quoted speech itself, after "saying,", is no scare quote.)
        assert!(!is_scare_quote_in_clause(&t, quotes[1]));
    }

    #[test]
    fn an_object_pronoun_after_a_cue_is_not_its_subject() {
        let t = toks("may have said it best");
        assert!(is_object_pronoun(&t[3]));
        assert!(!is_object_pronoun(&toks("said he")[1]));
        // (The subject is looked for before the cue, then nowhere: never "it".)
        assert_eq!(speaker_written("“We are done,” said it best."), None);
        assert_eq!(speaker_written("“We are done,” said Mara Quillon.").as_deref(), Some("Mara Quillon"));
        assert_eq!(subject_written("Ed Varnholt may have said it best when he blogged").as_deref(), Some("Ed Varnholt"));
    }

    #[test]
    fn a_name_before_a_plural_noun_for_people_is_a_group() {
        assert_eq!(subject_written("Harlan supporters chanted the words").as_deref(), Some("Harlan supporters"));
        assert_eq!(subject_written("New Hampshire voters said they were tired").as_deref(), Some("New Hampshire voters"));
        let t = toks("Park protesters");
        let np = named_group_ending_at(&t, 0, 1).unwrap();
        assert!(matches!(np.kind, NpKind::Role { kind: SpeakerKind::Person, .. }), "{np:?}");
        // (A person's name before a cue, or before a singular role, is still the person.)
        assert!(named_group(&toks("Jo Harlan said"), 0, 3).is_none());
        assert!(named_group(&toks("Harlan spokesman Ed Moy said"), 0, 5).is_none());
    }

    #[test]
    fn the_source_after_an_opening_from_announces_the_quote() {
        assert_eq!(source_after_opening_from(&toks("From Delgado's Facebook post:")), Some(1));
        assert_eq!(source_after_opening_from(&toks("More from the report:")), Some(2));
        // (Not a sentence that goes on, nor one without its colon.)
        assert_eq!(source_after_opening_from(&toks("From the start, the mayor said:")), None);
        assert_eq!(source_after_opening_from(&toks("From the report")), None);
        assert_eq!(source_after_opening_from(&toks("Aides said:")), None);
        let t = toks("From Ana Delgado's Facebook post:");
        let owner = possessor_opening_source(&t, 1).unwrap();
        assert!(matches!(owner.kind, NpKind::Name(ref w) if w.join(" ") == "Ana Delgado"), "{owner:?}");
        assert!(possessor_opening_source(&toks("More from the report:"), 2).is_none());
    }

    #[test]
    fn every_rule_names_a_test_of_this_file() {
        let src = include_str!("rules_en.rs");
        for (name, test) in RULES {
            let f = test.rsplit("::").next().unwrap();
            assert!(src.contains(&format!("fn {f}()")), "{name}: no test {test}");
        }
    }
    #[test]
    fn the_word_after_an_ing_or_told_cue_is_the_listener() {
        let t = toks("a reporter was heard asking Smith");
        assert!(listener_always_follows(&t[4]));
        let t = toks("asked Smith");
        assert!(!listener_always_follows(&t[0]));
        let t = toks("she told Smith");
        assert!(listener_always_follows(&t[1]));
    }

    #[test]
    fn an_ing_form_after_a_verb_of_perception_is_a_cue() {
        let t = toks("a reporter could be heard asking Smith");
        assert!(perceived_speaking(&t, 5));
        let t = toks("a reporter was asking Smith");
        assert!(!perceived_speaking(&t, 3));
        let t = toks("a reporter could be heard asking Smith");
        assert_eq!(perception_phrase_start(&t, 5), Some(3));
        let t = toks("a reporter was heard asking Smith");
        assert_eq!(perception_phrase_start(&t, 4), Some(3));
    }

    #[test]
    fn the_words_after_to_before_a_participle_are_its_listener() {
        let t = toks("her campaign sent a text to supporters saying");
        assert!(listener_before_participle(&t, 0, 7));
        let t = toks("he wrote to his small donors saying");
        assert!(listener_before_participle(&t, 0, 6));
        let t = toks("one senator saying");
        assert!(!listener_before_participle(&t, 0, 2));
        let t = toks("he talked to Smith saying");
        assert!(!listener_before_participle(&t, 0, 4));
    }

    #[test]
    fn a_passive_question_verb_gives_the_agent_after_by() {
        let t = toks("Senator Roe was asked by host Ann Lee");
        assert_eq!(passive_agent_by(&t, 3, 3), Some(4));
        let t = toks("Senator Roe asked by then");
        assert_eq!(passive_agent_by(&t, 2, 2), None);
        let t = toks("Roe was quoted by the paper");
        assert_eq!(passive_agent_by(&t, 2, 2), None);
    }

    #[test]
    fn a_name_after_on_or_at_is_a_venue() {
        let t = toks("Then, later that month on NBC");
        assert!(after_venue_preposition(&t, 6));
        let t = toks("Then, NBC");
        assert!(!after_venue_preposition(&t, 2));
    }

}
