//! Quotation extraction and attribution (issue 4).
//!
//! 1. `quote_marks` finds the quoted spans.
//! 2. Each paragraph becomes a *frame*: its tokens with every quote as one placeholder.
//! 3. `entities` reads the frames for people, organisations and documents.
//! 4. For each quote, the words around it in its sentence (left up to the quote, right up
//!    to the next quote or the sentence end) are searched for a speech cue and the noun
//!    phrase of its speaker, which is resolved to an entity.
//! 5. Quotes with no cue of their own take the speaker of a neighbour: the other quote of
//!    the same sentence, the first half of an interrupted quote, or the previous quote when
//!    a paragraph is only a quote; failing that, a colon-announced quote or one right after
//!    a sentence about a known person takes that person.
//! 6. Kind: a quote that stands as its own sentence (or right after "X said:") is `direct`;
//!    one inside reported speech is `partial`; a short one with no cue, or a label
//!    ("so-called “…”"), is a `term` and never gets a speaker.
//!
//! 7. An interrupted quote, halves of one paragraph with the same speaker and only an
//!    attribution between them (“It was nice,” Adelson said. “He was charming.”, « …,
//!    a-t-il déclaré. … »), becomes one quote (`interrupted`).
//!
//! `Quote::text` is the quoted words without marks; a quote running over several
//! paragraphs has its pieces joined by a space, while `start..end` spans all of it in the
//! article text. An interrupted quote's text is its halves with the attribution cut out:
//! `It was nice,” “He was charming.` where the marks close and reopen (the first half, its
//! closing punctuation and mark, a space, the second's opening mark, the second half), and
//! the halves around ` […] ` where the attribution stands inside the marks; its
//! `start..end` spans the whole utterance, attribution included. Unknown speakers stay `None`, with the phrase used at the quote (“he”,
//! “the official”) kept in `speaker_as_written`.

use super::attribution::{Cue, Np, NpKind, Tok, TokKind, ends_sentence, find_cues, find_cues_after_quote, never_speaker, np_backward, np_forward, speaker_of_cue, tokenize};
use super::entities::Registry;
use super::lexicon::{Gender, Lexicon, PronounKind, fold};
use super::quote_marks::{MarkedSpan, scan};
use super::ranker::{Candidate, Ranker, Site, for_each_site_candidates};
use super::rules_fr::{
    agrees, bare_participle_cue, body_before_on, body_behind_on, definite_group_subject, group_speaker, indefinite_group_after, indefinite_group_subject, is_il_elle, is_ils_elles,
    is_unnamed_person, plural_group_opening, plural_group_subject, sentence_subject, opens_on_un, unnamed_person_before,
};
use crate::model::{Article, Quote, QuoteKind, Speaker, SpeakerKind};

/// Terms are quotes of at most this many words with no speech cue.
const TERM_MAX_WORDS: usize = 4;
/// A paragraph that is only a quote continues the speaker of a quote at most this many
/// paragraphs before it.
const CONTINUATION_PARAGRAPHS: usize = 3;
/// A pull quote is matched to the quote it repeats among this many quotes either side,
/// and only when it has at least this many words (shorter ones are too common).
const PULL_QUOTE_REACH: usize = 8;
const PULL_QUOTE_MIN_WORDS: usize = 4;

/// The shortest known name looked for inside a post's account name.
const ACCOUNT_NAME_MIN_BYTES: usize = 7;

/// Where a quote stands in its paragraph frame, and what was found around it.
#[derive(Debug, Default)]
struct Work {
    /// The quote's own cue and speaker phrase.
    cue: Option<Cue>,
    np: Option<Np>,
    /// Nothing but the attribution (or nothing at all) stands before the quote.
    left_is_frame: bool,
    /// An attribution follows right after the quote.
    right_attached: bool,
    /// No sentence boundary between the previous quote and this one.
    same_sentence_as_prev: bool,
    /// The quote opens its paragraph.
    opens_paragraph: bool,
    /// The reporter's words before the quote end with a colon.
    announced: bool,
    /// The cue's sentence opens on an indefinite subject ("Un diplomate européen
    /// résume"): someone unnamed, never the previous speaker.
    unnamed_subject: bool,
    /// French: the unnamed person opening the cue's clause or the sentence a colon
    /// closes ("Une habitante du hameau, …, témoigne :"), whose the quote is, unnamed.
    unnamed_person: Option<Np>,
    /// The speaker is a group as written ("des manifestants", "les syndicats de
    /// soignants"): named by its words when nobody else is found.
    group: bool,
    speaker: Option<Speaker>,
    as_written: Option<String>,
    cue_text: Option<String>,
    /// Attribution copied from a neighbour, not found at the quote.
    inherited: bool,
    /// The subject that opens the quote's sentence, when no cue was found.
    subject: Option<Np>,
    /// Preceded by "so-called", "dubbed", "known as": a label, not speech.
    label: bool,
    /// Preceded by "jugé pour", "charged with": the name of a charge, however long.
    charge: bool,
    /// Only a comma or "and"/"et" since the previous quote: the next item of a list.
    listed: bool,
    /// Right after an article or a preposition ("invité du « Grand rendez-vous »"): the
    /// quote stands where a noun goes.
    noun_slot: bool,
    /// Who a colon-announced quote may be about, when no cue was found.
    colon_subjects: Vec<Np>,
    /// French: the speaker is the role noun or il/elle opening the clause the colon ends
    /// ("le technicien breton a refusé de polémiquer : « … »"), kept over the ranker's choice.
    colon_subject_kept: bool,
    /// The subject of the sentence before, for a quote that opens a sentence without a cue.
    previous_subject: Vec<Np>,
    /// French: the speaker is the person the sentence before is about (a name or il/elle),
    /// kept over the ranker's choice, which weighs the names nearest the quote.
    previous_subject_kept: bool,
    /// The quote's sentence goes on after it in the reporter's words ("» dans la matinée").
    sentence_goes_on: bool,
    /// The subject opening the sentence before (same paragraph), with the gender its
    /// article gives: what a French il/elle at the quote goes back to first.
    prev_sentence_subject: Option<(Np, Gender)>,
    /// The plural group opening the sentence before ("Les syndicats de soignants", "Les
    /// Républicains" with its name): what French ils/elles at the quote go back to.
    prev_plural_subject: Option<((usize, usize), Option<Np>)>,
    /// Byte offsets of the quote's sentence (reporter's words around it) and of its cue:
    /// where the learned ranker measures candidates from.
    sentence: (usize, usize),
    cue_at: Option<usize>,
    /// The speaker is named at this quote's cue or at the cue of the other quote of its
    /// sentence it was copied from: the ranker leaves it alone.
    named_at_cue: bool,
}

impl Work {
    /// The speaker is `speaker` (a body or document the rules named at `cue`), as named:
    /// no phrase of the text to resolve, so the ranker keeps it.
    fn speaks_as_named(&mut self, speaker: Speaker, cue: &Cue) {
        self.np = None;
        self.as_written = Some(speaker.name.clone());
        self.speaker = Some(speaker);
        self.named_at_cue = true;
        self.cue_text = Some(cue.text.clone());
    }
}

/// Every quotation in `article`, in document order, attributed where the text allows.
/// A quote in the headline (which ingest keeps out of the body text) comes first when the
/// body does not repeat it: see [`headline_quotes`].
pub fn extract(article: &Article) -> Vec<Quote> {
    let body = extract_ranked(article, Ranker::get(), false).0;
    let mut quotes = headline_quotes(article, &body);
    quotes.extend(body);
    quotes
}

/// "Barack Obama : « le meilleur reste à venir »", "« Un choix irresponsable », selon les
/// écologistes": quotes of the headline, read by the same rules with the headline set
/// before the body as its first paragraph (so its names and cues count), and kept when the
/// body does not repeat them. A headline quote has no place in the body text: it is given
/// paragraph 0 and the empty range at the start of the text. One with no speaker of its own
/// is the words of the body's most quoted speaker (an interview's title quotes the person
/// interviewed).
fn headline_quotes(article: &Article, body: &[Quote]) -> Vec<Quote> {
    let Some(title) = article.meta.title.as_deref().filter(|t| may_quote(t)) else { return Vec::new() };
    let joined = with_headline(article, title);
    // (Rules only: the ranker learned from body text, and a headline's rubric before a
    // colon, "Nucléaire : …", is a topic, not a candidate.)
    let (found, _) = extract_ranked(&joined, &Ranker::off(), false);
    let main_speaker = most_quoted(body);
    found
        .into_iter()
        .take_while(|q| q.paragraph == 0)
        .filter(|q| q.kind != QuoteKind::Term && !body.iter().any(|b| repeats(&b.text, &q.text)))
        .map(|mut q| {
            // ("Forêts : « … »": before a colon, a headline's rubric names a topic; only a
            // person there is the speaker.)
            let rubric = q.cue.is_none() && q.speaker.as_ref().is_some_and(|s| s.kind != SpeakerKind::Person);
            if rubric {
                q.speaker_as_written = None;
            }
            if q.speaker.is_none() || rubric {
                q.speaker = main_speaker.clone();
            }
            Quote { article: article.id.clone(), paragraph: 0, start: 0, end: 0, ..q }
        })
        .collect()
}

/// Whether a headline may hold a quote: a double mark or guillemet, or a single mark
/// opening words (English headlines quote with single marks: "Ryan: ‘No place in a
/// campaign’"), not an apostrophe ("Trump's", "voters' mood").
fn may_quote(title: &str) -> bool {
    let mut prev = None;
    let mut chars = title.chars().peekable();
    while let Some(c) = chars.next() {
        let opens_single = matches!(c, '‘' | '\'') && prev.is_none_or(|p: char| p.is_whitespace() || p == ':') && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if matches!(c, '«' | '“' | '"') || opens_single {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// `article` with `title` as its first paragraph.
fn with_headline(article: &Article, title: &str) -> Article {
    use crate::model::{Paragraph, Sentence};
    let shift = title.len() + 2;
    let moved = |r: &std::ops::Range<usize>| r.start + shift..r.end + shift;
    let language = article.paragraphs.first().and_then(|p| p.language.clone()).or_else(|| article.meta.language.clone());
    let headline = Paragraph { range: 0..title.len(), language, sentences: vec![Sentence { range: 0..title.len() }], role: None };
    let paragraphs = std::iter::once(headline)
        .chain(article.paragraphs.iter().map(|p| Paragraph {
            range: moved(&p.range),
            sentences: p.sentences.iter().map(|s| Sentence { range: moved(&s.range) }).collect(),
            ..p.clone()
        }))
        .collect();
    Article { text: format!("{title}\n\n{}", article.text), paragraphs, links: Vec::new(), meta: article.meta.clone(), ..article.clone() }
}

/// Whether quote text `body` repeats headline quote `headline` (or the reverse): their
/// words, lower-cased, one inside the other.
fn repeats(body: &str, headline: &str) -> bool {
    let words = |s: &str| s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect::<Vec<_>>().join(" ");
    let (b, h) = (words(body), words(headline));
    !h.is_empty() && (b.contains(&h) || h.split(' ').count() >= 4 && !b.is_empty() && h.contains(&b))
}

/// The speaker of the most quotes (the first such in text order on a tie).
fn most_quoted(quotes: &[Quote]) -> Option<Speaker> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let spoken: Vec<&Speaker> = quotes.iter().filter(|q| q.kind != QuoteKind::Term).filter_map(|q| q.speaker.as_ref()).collect();
    for s in &spoken {
        *counts.entry(s.name.as_str()).or_default() += 1;
    }
    let most = spoken.iter().map(|s| counts[s.name.as_str()]).max()?;
    spoken.into_iter().find(|s| counts[s.name.as_str()] == most).cloned()
}

/// Like [`extract`], with each quote's speaker candidates and their features (before the
/// ranker's choice) when `with_candidates`: what `eval/train_ranker.py` learns from.
pub fn extract_with_candidates(article: &Article, ranker: &Ranker) -> (Vec<Quote>, Vec<Vec<Candidate>>) {
    extract_ranked(article, ranker, true)
}

fn extract_ranked(article: &Article, ranker: &Ranker, with_candidates: bool) -> (Vec<Quote>, Vec<Vec<Candidate>>) {
    let spans = split_incises(&article.text, scan(article));
    if spans.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let text = article.text.as_str();
    let frames: Vec<Vec<Tok>> = article.paragraphs.iter().map(|p| tokenize(text, p.range.clone(), &spans)).collect();
    let mut registry = Registry::build(&frames, text);
    let placeholders = placeholders(&frames, &spans);
    let mut work: Vec<Work> =
        spans.iter().enumerate().map(|(i, s)| context(text, &frames, &spans, i, s, placeholders[i], !is_french_paragraph(article, s.paragraph))).collect();

    sign_embedded_posts(text, &mut registry, &mut work, &spans);
    resolve_own_attributions(text, &mut registry, &mut work);
    keep_unnamed_openers(text, &mut work);
    describe_pour_speakers(text, &spans, &mut work);
    let turn = dialogue_turns(text, &spans);
    share_sentence_cues(&mut work, &turn);
    let answers = interview_answers(&spans, &frames, &work);
    extend_charge_lists(&mut work);
    let mut kinds = quote_kinds(article, text, &spans, &work, &turn, &answers);
    attribute_colon_subjects(text, &mut registry, &mut work);
    attribute_partials_to_quoted_subjects(text, &mut registry, &mut work, &kinds);
    attribute_answers_to_interviewee(&mut registry, &spans, &frames, &mut work, &answers, &kinds);
    attribute_to_quoted_previous_subjects(text, &mut registry, &mut work, &kinds);
    attribute_pull_quotes(text, &spans, &frames, &mut work);
    continue_previous_speakers(article, &spans, &mut work, &kinds, &turn);
    share_dialogue_answers_back(&mut work, &turn);
    attribute_to_known_previous_subjects(article, &spans, text, &mut registry, &mut work, &kinds);
    assign_dialogue_interlocutors(article, &registry, &spans, &mut work, &turn);
    let laid_out = laid_out_speakers(&work, &answers, &turn);
    let candidates = rank(article, &registry, &spans, &mut work, &kinds, ranker, with_candidates);
    restore_laid_out_speakers(&mut work, laid_out);
    carry_lead_in_fragments(article, text, &spans, &mut work, &mut kinds);
    speak_as_written_groups(&mut work);
    let quotes = build_quotes(article, text, &spans, work, kinds);
    // The halves of an interrupted quote become one (not in the ranker's dump, whose candidates are per half).
    let quotes = if with_candidates { quotes } else { super::interrupted::join_interrupted(text, &spans, quotes) };
    (quotes, candidates)
}

/// An embedded post is its signer's, whatever the sentence around it says.
fn sign_embedded_posts(text: &str, registry: &mut Registry, work: &mut [Work], spans: &[MarkedSpan]) {
    for (w, s) in work.iter_mut().zip(spans) {
        if let Some(name) = s.signed.clone() {
            sign(text, registry, w, name);
        }
    }
}

/// Own attributions, resolved in document order so "he" sees the speakers before it.
fn resolve_own_attributions(text: &str, registry: &mut Registry, work: &mut [Work]) {
    for w in work.iter_mut() {
        if w.named_at_cue {
            continue;
        }
        let Some(cue) = &w.cue else { continue };
        w.cue_text = Some(cue.text.clone());
        if let Some(np) = &w.np {
            w.as_written = Some(np.written(text).to_string());
            let from_subject = match (&np.kind, &w.prev_sentence_subject) {
                (NpKind::Pronoun(PronounKind::Person, g), Some((subject, article))) if is_il_elle(text, np) && agrees(*g, *article) => {
                    // (A body only when named by its common noun, "le gouvernement": a
                    // name before the pronoun may be a party label, "le député RN X".)
                    // (fr-people2: never the one this il/elle speaks to, "À Mme X, elle a rétorqué".)
                    let addressee = registry.addressee_before(np);
                    registry.resolve_agreeing(subject, *g, matches!(subject.kind, NpKind::Role { .. })).filter(|&e| Some(e) != addressee)
                }
                _ => None,
            };
            w.speaker = from_subject.or_else(|| registry.resolve(np)).and_then(|e| registry.speaker(e));
            if matches!(&np.kind, NpKind::Name(words) if never_speaker(words)) {
                // ("Mexicans often say": the people of a place speak as a group.)
                let people = matches!(&np.kind, NpKind::Name(words) if super::rules_en::is_people_of_a_place(words));
                if people {
                    w.group = true;
                } else if let Some(government) = super::rules_fr::city_for_its_government(&cue.text, np) {
                    w.speaker = Some(government);
                } else if let NpKind::Name(words) = &np.kind
                    && let Some(company) = super::rules_en::network_company(words)
                {
                    // ("Twitter said in a statement": the company, not the medium.)
                    w.speaker = Some(company);
                } else {
                    w.as_written = None;
                }
            }
            // "Les syndicats restent sceptiques. Ils dénoncent « … »": French ils/elles go
            // back to a plural subject opening the sentence before.
            if w.speaker.is_none() && is_ils_elles(text, np)
                && let Some(((from, to), name)) = w.prev_plural_subject.clone()
            {
                match name {
                    Some(name) => w.speaker = registry.resolve(&name).and_then(|e| registry.speaker(e)),
                    None => w.group = true,
                }
                w.as_written = text.get(from..to).map(str::to_string);
            }
        }
    }
}

/// French: someone unnamed opening the clause ("Une habitante du hameau, …, témoigne :")
/// stays unnamed, as written, never the last person named (the ranker sees it unnamed).
fn keep_unnamed_openers(text: &str, work: &mut [Work]) {
    for w in work.iter_mut().filter(|w| w.speaker.is_none() && !w.group) {
        let Some(np) = w.unnamed_person.take().or_else(|| w.np.clone().filter(is_unnamed_person)) else { continue };
        let written = np.written(text);
        if opens_on_un(written) {
            w.as_written = Some(written.to_string());
            w.unnamed_subject = true;
            w.inherited = w.cue.is_none();
        }
    }
}

/// "Pour Jérémie Zimmermann, « … » Le porte-parole du collectif X se félicite que « … »":
/// a role noun opening the words right after a quote framed by "Pour" + a person
/// describes that person, unless it already stands for another named person.
fn describe_pour_speakers(text: &str, spans: &[MarkedSpan], work: &mut [Work]) {
    for i in 1..work.len() {
        if let Some(person) = described_pour_speaker(text, spans, work, i) {
            work[i].speaker = Some(person);
        }
    }
}

/// Turns of a dialogue inside one pair of guillemets: quote i answers quote i - 1.
fn dialogue_turns(text: &str, spans: &[MarkedSpan]) -> Vec<bool> {
    (0..spans.len()).map(|i| i > 0 && super::rules_fr::next_turn(text, spans[i - 1].close, spans[i].open)).collect()
}

/// The other quote of the same sentence: « A » et sur « B », précise X.
/// (fr-quotes) The cue reaches down a list of quotes of one sentence: "affirme que « A »
/// et qu'elle « B » contre « C »": C shares the cue B shared from A, as B does.
fn share_sentence_cues(work: &mut [Work], turn: &[bool]) {
    let mut shared_from_prev = vec![false; work.len()];
    for i in 0..work.len() {
        if work[i].cue.is_some() {
            continue;
        }
        let carries = |k: usize| work[k].cue.is_some() || shared_from_prev[k];
        let from_prev = i > 0 && work[i].same_sentence_as_prev && carries(i - 1) && !turn[i];
        let from_next = i + 1 < work.len() && work[i + 1].same_sentence_as_prev && work[i + 1].cue.is_some() && !turn[i + 1];
        let from = if from_prev { i - 1 } else { i + 1 };
        if from_prev || from_next {
            copy_attribution(work, from, i, true);
            work[i].named_at_cue = if work[from].cue.is_some() {
                work[from].np.as_ref().is_some_and(|np| matches!(np.kind, NpKind::Name(_)))
            } else {
                work[from].named_at_cue
            };
            shared_from_prev[i] = from_prev;
        }
    }
}

/// Interview in questions and answers: a quote opening the paragraph right after a
/// question paragraph (no quote in it) is an answer, however short.
fn interview_answers(spans: &[MarkedSpan], frames: &[Vec<Tok>], work: &[Work]) -> Vec<bool> {
    (0..spans.len())
        .map(|i| {
            let w = &work[i];
            let question = spans[i].paragraph.checked_sub(1).and_then(|p| frames.get(p));
            w.cue.is_none()
                && w.opens_paragraph
                && question.is_some_and(|q| super::rules_fr::is_interview_question(q))
        })
        .collect()
}

/// "jugé pour « A », « B » et « C »": every charge of the list.
fn extend_charge_lists(work: &mut [Work]) {
    for i in 1..work.len() {
        if work[i - 1].charge && work[i].listed && work[i].same_sentence_as_prev {
            work[i].charge = true;
        }
    }
}

/// Each quote's kind: speech (direct or partial) or a term, seen with what the passes
/// before found out (a cue, an inherited speaker, a dialogue's turn, an interview's answer).
fn quote_kinds(article: &Article, text: &str, spans: &[MarkedSpan], work: &[Work], turn: &[bool], answers: &[bool]) -> Vec<QuoteKind> {
    let references = reference_list_start(article);
    (0..spans.len())
        .map(|i| {
            // (The titles of a Wikinews "Sources" list are titles, whoever is named beside them.)
            if references.is_some_and(|r| spans[i].paragraph > r) {
                return QuoteKind::Term;
            }
            // "“A,” he said. “B.”": a short second half is still speech, not a term.
            let continues = i > 0
                && work[i].left_is_frame
                && (work[i - 1].cue.is_some() || work[i - 1].inherited)
                && spans[i - 1].last_paragraph + 1 >= spans[i].paragraph;
            let dialogue = turn[i] || turn.get(i + 1).is_some_and(|&t| t);
            let kind = kind_of(text, &spans[i], &work[i], continues || answers[i] || dialogue);
            let kind = if kind == QuoteKind::Term && is_french_paragraph(article, spans[i].paragraph) && judged_as(text, &spans[i]) {
                QuoteKind::Partial
            } else {
                kind
            };
            // (fr-quotes2: a call on someone or a characterisation after a naming verb.)
            let kind = if kind == QuoteKind::Term
                && work[i].label
                && work[i].cue.is_some()
                && is_french_paragraph(article, spans[i].paragraph)
                && speech_after_naming_verb(text, &spans[i])
            {
                QuoteKind::Partial
            } else {
                kind
            };
            // (fr-names: three or four words in lower case woven into a French sentence, quote_marks::woven_fragment.)
            let kind = if kind == QuoteKind::Term
                && !work[i].label
                && !work[i].charge
                && is_french_paragraph(article, spans[i].paragraph)
                && super::quote_marks::woven_fragment(text, &spans[i], TERM_MAX_WORDS)
            {
                QuoteKind::Partial
            } else {
                kind
            };
            // (A turn of a dialogue is speech however short: "Et le suivant ?".)
            let kind = if dialogue && kind == QuoteKind::Term { QuoteKind::Direct } else { kind };
            // "Mastering the game of Go with deep neural networks" in a French article,
            // with no one said to say it: a title in another language, not speech.
            let speech = work[i].cue.is_some() || work[i].inherited || continues || answers[i] || dialogue;
            if kind != QuoteKind::Term && !speech && in_other_language(article, text, &spans[i]) {
                return QuoteKind::Term;
            }
            kind
        })
        .collect()
}

/// (fr-quotes) French: "un manque d'effectifs jugé « dangereux pour les patients »", "des
/// normes qualifiées d'« intenables »": words in lower case right after "jugé" or
/// "qualifié de" are someone's judgement quoted, however short: speech, not a scare quote.
fn judged_as(text: &str, span: &MarkedSpan) -> bool {
    if !first_letter(text, span).is_some_and(char::is_lowercase) {
        return false;
    }
    let before = text.get(..span.open).unwrap_or("").trim_end_matches(super::quote_marks::is_space);
    let mut words = before.rsplit(super::quote_marks::is_space).map(str::to_lowercase);
    let last = words.next().unwrap_or_default();
    let judged = |w: &str| matches!(w, "jugé" | "jugée" | "jugés" | "jugées");
    let qualified = |w: &str| matches!(w, "qualifié" | "qualifiée" | "qualifiés" | "qualifiées");
    if judged(&last) {
        return true;
    }
    // "qualifié de « … »", or elided and glued to the participle's "de": "qualifiée d'« … »".
    match last.strip_suffix("d'").or_else(|| last.strip_suffix("d\u{2019}")) {
        Some("") => words.next().is_some_and(|w| qualified(&w)),
        Some(_) => false,
        None => last == "de" && words.next().is_some_and(|w| qualified(&w)),
    }
}

/// (fr-quotes2) French words after a verb of naming that are still someone's speech, not a
/// label: "a appelé « chacun au calme »" calls on someone to do something (appeler
/// quelqu'un à …: a preposition "à/au/aux" inside the quote, where a name given would have
/// none: "qu'elle appelle « madame Rose »"); "parle d'une « gestion au jour le jour »"
/// characterises something in the speaker's words (an indefinite article and at least
/// three words, where "on parle de « cluster »" gives one term).
fn speech_after_naming_verb(text: &str, span: &MarkedSpan) -> bool {
    let quoted = span.pieces.first().and_then(|r| text.get(r.clone())).unwrap_or("");
    if !first_letter(text, span).is_some_and(char::is_lowercase) {
        return false;
    }
    let inner: Vec<String> = quoted.split(|c: char| c.is_whitespace() || c == '\u{a0}').filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let before = text.get(..span.open).unwrap_or("").trim_end_matches(super::quote_marks::is_space);
    let words: Vec<String> = before.rsplit(super::quote_marks::is_space).take(2).map(str::to_lowercase).collect();
    let calling = |w: &str| matches!(w, "appelé" | "appelée" | "appelés" | "appelées" | "appelle" | "appellent" | "appelant");
    if words.first().is_some_and(|w| calling(w)) {
        return inner.iter().skip(1).any(|w| matches!(w.as_str(), "à" | "au" | "aux"));
    }
    let speaking = |w: &str| matches!(w, "parle" | "parlent" | "parler" | "parlé" | "parlant");
    let w = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
    // "parle d'une « … »": the elided "de" is glued to the indefinite article.
    let of_a = matches!(w(0).replace('\u{2019}', "'").as_str(), "d'un" | "d'une") && speaking(w(1));
    of_a && inner.len() >= 3
}

/// Quotes announced by a colon, with no cue: the person the sentence is about.
fn attribute_colon_subjects(text: &str, registry: &mut Registry, work: &mut [Work]) {
    for w in work.iter_mut() {
        if w.speaker.is_some() || w.cue.is_some() || w.inherited {
            continue;
        }

        for np in w.colon_subjects.clone() {
            // "Un rapport de la Ligue arabe apporte la même conclusion : « … »": a document or
            // a body opening the sentence is whose words these are.
            // (Only a body the article names as one: "Paris accueille … :" is a place.)
            let issuer = |r: &Registry, e: usize| {
                let body = r.speaker(e).is_some_and(|s| matches!(s.kind, SpeakerKind::Document | SpeakerKind::Organisation));
                body && !Lexicon::get().is_place_name(&r.entities[e].low) && !Lexicon::get().place_names.contains(&r.entities[e].low)
            };
            let found = if matches!(np.kind, NpKind::Role { kind: SpeakerKind::Document | SpeakerKind::Organisation, .. }) {
                registry.resolve(&np).filter(|&e| issuer(registry, e))
            } else {
                match registry.resolve_known_person(&np) {
                    Some(e) => Some(e),
                    None if np.first == 0 => registry.resolve(&np).filter(|&e| issuer(registry, e)),
                    None => None,
                }
            };
            if let Some(e) = found {
                w.speaker = registry.speaker(e);
                w.as_written = Some(np.written(text).to_string());
                w.inherited = true;
                // (French: the sentence's own subject, agreeing, is not the ranker's to overrule.)
                w.colon_subject_kept = matches!(np.kind, NpKind::Role { .. } | NpKind::Pronoun(..)) && super::rules_fr::is_french_phrase(text, &np);
                break;
            }
        }
    }
}

/// Partial quotes with no cue, in a sentence whose subject has already been quoted.
fn attribute_partials_to_quoted_subjects(text: &str, registry: &mut Registry, work: &mut [Work], kinds: &[QuoteKind]) {
    for i in 0..work.len() {
        if kinds[i] != QuoteKind::Partial || work[i].cue.is_some() || work[i].inherited {
            continue;
        }
        let Some(np) = work[i].subject.clone() else { continue };
        let Some(e) = registry.resolve_if_quoted(&np) else { continue };
        work[i].speaker = registry.speaker(e);
        work[i].as_written = Some(np.written(text).to_string());
    }
}

/// An answer is the person interviewed's: the one who gave the answers before, else the
/// last person named or heard.
fn attribute_answers_to_interviewee(
    registry: &mut Registry,
    spans: &[MarkedSpan],
    frames: &[Vec<Tok>],
    work: &mut [Work],
    answers: &[bool],
    kinds: &[QuoteKind],
) {
    let mut interviewee = None;
    for i in 0..work.len() {
        let w = &work[i];
        if !answers[i] || w.speaker.is_some() || w.inherited || kinds[i] == QuoteKind::Term {
            interviewee = if answers[i] { w.speaker.clone() } else { interviewee };
            continue;
        }
        if interviewee.is_some() {
            work[i].speaker = interviewee.clone();
            work[i].inherited = true;
            continue;
        }
        // (Looked up before the question: a name in the question is the interviewer's.)
        let at = spans[i].paragraph.checked_sub(1).and_then(|p| frames[p].first()).map_or(spans[i].open, |t| t.start);
        let someone = Np {
            first: 0,
            last: 0,
            kind: NpKind::Pronoun(PronounKind::Person, Gender::Unknown),
            quals: Vec::new(),
            gender: Gender::Unknown,
            start: at,
            end: at,
        };
        work[i].speaker = registry.resolve(&someone).and_then(|e| registry.speaker(e));
        work[i].inherited = work[i].speaker.is_some();
        interviewee = work[i].speaker.clone();
    }
}

/// "He nods. “The ideology comes later.”": a sentence about someone who has already
/// spoken, right before a quote with no cue, hands the quote to them rather than to
/// the previous quote's speaker.
fn attribute_to_quoted_previous_subjects(text: &str, registry: &mut Registry, work: &mut [Work], kinds: &[QuoteKind]) {
    for i in 0..work.len() {
        if kinds[i] != QuoteKind::Direct || work[i].speaker.is_some() || work[i].cue.is_some() || work[i].inherited {
            continue;
        }
        for np in work[i].previous_subject.clone() {
            // (A relative named in the article need not have spoken yet.)
            let relative = registry.resolve_relative(&np);
            let Some(e) = relative.or_else(|| registry.resolve_if_quoted(&np)) else { continue };
            if registry.speaker(e).is_some_and(|s| s.kind == SpeakerKind::Person) {
                work[i].speaker = registry.speaker(e);
                work[i].as_written = Some(np.written(text).to_string());
                work[i].previous_subject_kept = super::rules_fr::is_french_phrase(text, &np);
                break;
            }
        }
    }
}

/// A pull quote or quoted subheading (a paragraph that is only a quote, no cue)
/// repeats words said in a nearby quote: it is that speaker's.
fn attribute_pull_quotes(text: &str, spans: &[MarkedSpan], frames: &[Vec<Tok>], work: &mut [Work]) {
    let quote_texts: Vec<String> = spans
        .iter()
        .map(|s| s.pieces.iter().filter_map(|r| text.get(r.clone())).collect::<Vec<_>>().join(" "))
        .collect();
    for i in 0..work.len() {
        let alone = frames
            .get(spans[i].paragraph)
            .is_some_and(|f| f.iter().all(|t| t.kind == TokKind::Quote(i) || t.kind == TokKind::Punct));
        let words = quote_texts[i].split_whitespace().count();
        if !alone || work[i].cue.is_some() || work[i].speaker.is_some() || words < PULL_QUOTE_MIN_WORDS {
            continue;
        }
        let near = i.saturating_sub(PULL_QUOTE_REACH)..(i + PULL_QUOTE_REACH + 1).min(work.len());
        let source = near
            .filter(|&j| j != i && work[j].cue.is_some() && work[j].speaker.is_some())
            .find(|&j| quote_texts[j].contains(quote_texts[i].trim_end_matches(['.', '!', '?'])));
        if let Some(j) = source {
            copy_attribution(work, j, i, false);
            work[i].cue_text = None;
        }
    }
}

/// Interrupted quotes and quote-only paragraphs continue the previous speaker.
/// (The last quote with a speaker is carried along, not searched back for: a long text
/// of unattributed quotes would make that search quadratic.)
fn continue_previous_speakers(article: &Article, spans: &[MarkedSpan], work: &mut [Work], kinds: &[QuoteKind], turn: &[bool]) {
    let mut last_spoken = None;
    for i in 1..work.len() {
        if work[i - 1].speaker.is_some() && kinds[i - 1] != QuoteKind::Term {
            last_spoken = Some(i - 1);
        }
        let needs = work[i].speaker.is_none() && kinds[i] != QuoteKind::Term;
        let unattributed = work[i].cue.is_none() && !work[i].inherited || work[i].np.is_none() && work[i].cue.is_some() && !work[i].unnamed_subject;
        if !(needs && unattributed) {
            continue;
        }
        // "« …, écrivent-ils. … »": the quote right before, in the same paragraph, was
        // given to someone unnamed ("ils", "une centaine de chercheurs"); its continuation
        // is theirs too, not the last person named.
        // A dialogue's turn is the speaker of the turn before the one it answers, never
        // that of the turn it answers.
        if turn[i] {
            if turn[i - 1] && work[i - 2].speaker.is_some() {
                copy_attribution(work, i - 2, i, false);
            }
            continue;
        }
        let unnamed_before = work[i - 1].speaker.is_none() && work[i - 1].as_written.is_some() && kinds[i - 1] != QuoteKind::Term;
        if unnamed_before && spans[i - 1].last_paragraph == spans[i].paragraph {
            copy_attribution(work, i - 1, i, true);
            continue;
        }
        let Some(j) = last_spoken else {
            continue;
        };
        // "…, « des gens … ». [¶] « Ce dossier … »": a quote in between, of a paragraph
        // after the speaker's and not yet attributed, is a new voice the quote-only
        // paragraph goes on with; it is not carried back over it to the speaker before.
        // (French copy, where a report runs on over many paragraphs.)
        let french = is_french_paragraph(article, spans[i].paragraph);
        let skipped = j + 1 < i && kinds[i - 1] != QuoteKind::Term && spans[i - 1].paragraph > spans[j].last_paragraph;
        if french && skipped && work[i].opens_paragraph && spans[i].paragraph > spans[i - 1].last_paragraph {
            continue;
        }
        let same_paragraph = spans[j].last_paragraph == spans[i].paragraph;
        let continues = work[i].opens_paragraph && spans[i].paragraph.saturating_sub(spans[j].last_paragraph) <= CONTINUATION_PARAGRAPHS;
        if same_paragraph || continues {
            // A quote keeps its own cue ("qui plaide pour « … »") and takes only the speaker.
            let keep_cue = work[i].cue_text.clone();
            copy_attribution(work, j, i, same_paragraph);
            if !same_paragraph || keep_cue.is_some() {
                work[i].cue_text = keep_cue;
            }
        }
    }
}

/// (fr-quotes) French: "Elle a fait le trajet « juste pour voir ». « C'est silencieux. »":
/// a short fragment in lower case closing its sentence, right before a whole quote that
/// opens the next one, is the speaker's own words leading in to what they go on to say,
/// not a scare quote: speech, and the speaker of the quote it leads in to.
fn carry_lead_in_fragments(article: &Article, text: &str, spans: &[MarkedSpan], work: &mut [Work], kinds: &mut [QuoteKind]) {
    for i in 0..spans.len().saturating_sub(1) {
        let next_speaks = kinds[i + 1] == QuoteKind::Direct && work[i + 1].speaker.is_some();
        if kinds[i] != QuoteKind::Term || !next_speaks || !is_french_paragraph(article, spans[i].paragraph) {
            continue;
        }
        if work[i].label || work[i].charge || !leads_in_to_next(text, &spans[i], &spans[i + 1]) {
            continue;
        }
        kinds[i] = QuoteKind::Partial;
        copy_attribution(work, i + 1, i, false);
    }
}

/// Whether quote `a` is a fragment in lower case that closes its sentence (only a full
/// stop between it and `b`), with `b` opening the next sentence of the same paragraph.
fn leads_in_to_next(text: &str, a: &MarkedSpan, b: &MarkedSpan) -> bool {
    let lower = first_letter(text, a).is_some_and(char::is_lowercase);
    let between = text.get(a.close..b.open).map(|s| s.trim_matches(super::quote_marks::is_space));
    let next_upper = first_letter(text, b).is_some_and(char::is_uppercase);
    lower && next_upper && a.closed && a.last_paragraph == b.paragraph && between == Some(".")
}

/// « A ? — B. — C ? — D », répond X: B is X's too, as D is.
fn share_dialogue_answers_back(work: &mut [Work], turn: &[bool]) {
    for i in (0..work.len().saturating_sub(2)).rev() {
        if work[i].speaker.is_none() && turn[i + 1] && turn[i + 2] && work[i + 2].speaker.is_some() {
            copy_attribution(work, i + 2, i, false);
        }
    }
}

/// French: "« … », dit X. La cheffe de chœur, elle, pense déjà à la suite. « … »": a
/// cue-less quote that only continued the last speaker, right after a sentence whose
/// subject is a person, goes to that person instead: French copy makes a new person the
/// subject of the sentence to hand them the word ("l'ancien maire s'est tourné vers le
/// tribunal. « … »"). (Only a speaker carried on, never one a cue gave.)
/// (A pronoun, "Il hoche la tête", "Lui-même assure …", names the one just speaking: no
/// new person, the quote stays theirs.)
fn new_subject_takes_over(text: &str, french: bool, w: &Work) -> bool {
    french && w.inherited && w.previous_subject.first().is_some_and(|np| !is_pronoun_subject(text, np))
}

/// A subject that is a personal pronoun, also a stressed one taken for a name ("Lui-même",
/// "Elle aussi").
fn is_pronoun_subject(text: &str, np: &Np) -> bool {
    let written = np.written(text).to_lowercase();
    let head = written.split(['-', ' ']).next().unwrap_or("");
    matches!(np.kind, NpKind::Pronoun(..)) || matches!(head, "il" | "elle" | "ils" | "elles" | "lui" | "eux" | "on" | "he" | "she" | "they")
}

/// A direct quote still without a speaker (or, French, one only carried on from the
/// last speaker: [`new_subject_takes_over`]), right after a sentence about a known person.
fn attribute_to_known_previous_subjects(article: &Article, spans: &[MarkedSpan], text: &str, registry: &mut Registry, work: &mut [Work], kinds: &[QuoteKind]) {
    for i in 0..work.len() {
        if kinds[i] != QuoteKind::Direct || work[i].cue.is_some() || work[i].speaker.is_some() && !new_subject_takes_over(text, is_french_paragraph(article, spans[i].paragraph), &work[i]) {
            continue;
        }
        for np in work[i].previous_subject.clone() {
            if let Some(e) = registry.resolve_known_person(&np) {
                work[i].speaker = registry.speaker(e);
                work[i].as_written = Some(np.written(text).to_string());
                work[i].previous_subject_kept = super::rules_fr::is_french_phrase(text, &np);
                break;
            }
        }
    }
}

/// A dialogue none of whose turns has a cue: the people of the scene set before it
/// speak in turn (rules_fr::dialogue_interlocutors), from the paragraph before it on.
fn assign_dialogue_interlocutors(article: &Article, registry: &Registry, spans: &[MarkedSpan], work: &mut [Work], turn: &[bool]) {
    let (mentions, (_, sentence_starts)) = (registry.mention_view(), registry.text_and_sentences());
    let mut i = 0;
    while i + 1 < work.len() {
        if turn[i] || !turn[i + 1] {
            i += 1;
            continue;
        }
        let last = (i + 1..work.len()).take_while(|&j| turn[j]).last().unwrap_or(i);
        let paragraph = spans[i].paragraph;
        let since = article.paragraphs.get(paragraph.saturating_sub(1)).map_or(0, |p| p.range.start);
        // (Someone surely a person: a role, a known gender or a full name; never "Sous les
        // arcades" or a town taken for a name.)
        let is_person = |e: usize| {
            registry.entities.get(e).is_some_and(|x| {
                x.kind == Some(SpeakerKind::Person) && (x.has_role || x.gender != Gender::Unknown || x.words.len() >= 2) && !Lexicon::get().is_place_name(&x.low)
            })
        };
        if (i..=last).all(|j| work[j].cue.is_none())
            && let Some((first, other)) = super::rules_fr::dialogue_interlocutors(&mentions, sentence_starts, since, spans[i].open, is_person)
        {
            let mut sides = [registry.speaker(first), other.and_then(|e| registry.speaker(e))];
            // fr-people (session 18): one person named in the scene, the other side
            // unnamed ("un client interroge le producteur X"): the two alternate, the one
            // set first in the scene speaking first (people_fr::unnamed_scene_person). The
            // unnamed side's turns stay without a speaker, as written ("une cliente"), never
            // the named person's, and the ranker leaves them unnamed.
            let scene = registry.text_and_sentences().0.get(since..spans[i].open).unwrap_or("");
            let mut unnamed_side = None;
            if other.is_none()
                && is_french_paragraph(article, paragraph)
                && let Some((at, noun)) = super::people_fr::unnamed_scene_person(scene)
            {
                let named_at = mentions[mentions.partition_point(|m| m.0 < since)..].iter().find(|m| m.1 == first).map_or(usize::MAX, |m| m.0);
                let article_word = scene.get(at..).and_then(|s| s.split_whitespace().next()).filter(|w| matches!(fold(w).as_str(), "un" | "une"));
                unnamed_side = Some((usize::from(since + at >= named_at), article_word.map_or_else(|| noun.clone(), |a| format!("{a} {noun}"))));
                if since + at < named_at {
                    sides.swap(0, 1);
                }
            }
            for (k, w) in work[i..=last].iter_mut().enumerate() {
                w.speaker = sides[k % 2].clone();
                if let Some((_, written)) = unnamed_side.as_ref().filter(|(side, _)| k % 2 == *side) {
                    w.as_written = Some(written.clone());
                    w.unnamed_subject = true;
                }
            }
        }
        i = last + 1;
    }
}

/// The layout of an interview says who answers, and a dialogue's dashes who speaks in
/// turn: the ranker, which weighs the nearest names, does not overrule them. These
/// speakers (and those of a colon's or the previous sentence's subject kept), put back
/// after the ranker by [`restore_laid_out_speakers`].
fn laid_out_speakers(work: &[Work], answers: &[bool], turn: &[bool]) -> Vec<Option<Speaker>> {
    let dialogue = |i: usize| turn[i] || turn.get(i + 1).is_some_and(|&t| t);
    (0..work.len()).map(|i| work[i].speaker.clone().filter(|_| answers[i] || dialogue(i) || work[i].colon_subject_kept || work[i].previous_subject_kept)).collect()
}

/// The speakers of [`laid_out_speakers`] back over the ranker's choice.
fn restore_laid_out_speakers(work: &mut [Work], laid_out: Vec<Option<Speaker>>) {
    for (w, speaker) in work.iter_mut().zip(laid_out) {
        w.speaker = speaker.or(w.speaker.take());
    }
}

/// A group nobody else was found for speaks as written (after the ranker, whose
/// features see it as unnamed).
fn speak_as_written_groups(work: &mut [Work]) {
    for w in work.iter_mut().filter(|w| w.group && w.speaker.is_none()) {
        w.speaker = w.as_written.as_deref().and_then(group_speaker);
    }
}

/// The quotes out of their spans, working state and kinds (a term has no speaker or cue).
fn build_quotes(article: &Article, text: &str, spans: &[MarkedSpan], work: Vec<Work>, kinds: Vec<QuoteKind>) -> Vec<Quote> {
    spans
        .iter()
        .zip(work)
        .zip(kinds)
        .map(|((s, w), kind)| {
            let term = kind == QuoteKind::Term;
            Quote {
                article: article.id.clone(),
                text: s.pieces.iter().filter_map(|r| text.get(r.clone())).collect::<Vec<_>>().join(" "),
                speaker: if term { None } else { w.speaker },
                speaker_as_written: if term { None } else { w.as_written },
                cue: if term { None } else { w.cue_text },
                kind,
                language: article
                    .paragraphs
                    .get(s.paragraph)
                    .and_then(|p| p.language.clone())
                    .or_else(|| article.meta.language.clone()),
                paragraph: s.paragraph,
                start: s.pieces.first().map_or(s.open, |r| r.start),
                end: s.pieces.last().map_or(s.close, |r| r.end),
            }
        })
        .collect()
}

/// Let the learned ranker overrule the rules where its mode says it wins; returns the
/// candidates when asked for (else nothing, and nothing is computed if the ranker is off).
fn rank(
    article: &Article,
    registry: &Registry,
    spans: &[MarkedSpan],
    work: &mut [Work],
    kinds: &[QuoteKind],
    ranker: &Ranker,
    with_candidates: bool,
) -> Vec<Vec<Candidate>> {
    if !ranker.enabled() && !with_candidates {
        return Vec::new();
    }
    let sites: Vec<Site> = spans
        .iter()
        .zip(work.iter())
        .zip(kinds)
        .map(|((s, w), kind)| Site {
            open: s.open,
            close: s.close,
            paragraph: s.paragraph,
            last_paragraph: s.last_paragraph,
            sentence: w.sentence,
            cue_at: w.cue_at,
            phrase: w.np.as_ref().map(|np| np.start..np.end),
            person_pronoun: w.np.as_ref().and_then(|np| match np.kind {
                NpKind::Pronoun(PronounKind::Person, g) => Some(g),
                _ => None,
            }),
            plural_pronoun: w.np.as_ref().is_some_and(|np| matches!(np.kind, NpKind::Pronoun(PronounKind::Plural, _))),
            named_at_cue: w.named_at_cue || w.cue.is_some() && !w.inherited && w.np.as_ref().is_some_and(|np| matches!(np.kind, NpKind::Name(_))),
            unnamed: w.speaker.is_none() && (w.as_written.is_some() || w.unnamed_subject),
            rule: w.speaker.clone(),
            own_cue: w.cue.is_some() && !w.inherited,
            inherited: w.inherited,
            term: *kind == QuoteKind::Term,
            role_head: w.np.as_ref().and_then(|np| match &np.kind {
                NpKind::Role { head, .. } => Some(head.clone()),
                _ => None,
            }),
            french: is_french_paragraph(article, s.paragraph),
        })
        .collect();
    let paragraphs: Vec<std::ops::Range<usize>> = article.paragraphs.iter().map(|p| p.range.clone()).collect();
    // Each quote's candidates are weighed and dropped in turn (kept only for the dump).
    let mut kept = Vec::new();
    for_each_site_candidates(registry, &paragraphs, &sites, |i, cands| {
        let (site, w) = (&sites[i], &mut work[i]);
        let choice = ranker.choose(site, &cands);
        if with_candidates {
            kept.push(cands);
        }
        let Some(choice) = choice else { return };
        // The phrase at the quote stays what was written; a name written there that the
        // ranker overrules is not kept as if it named the new speaker, but a description
        // or a pronoun ("the businessman", "she") still says how the text refers to them.
        let named = w.np.as_ref().is_none_or(|np| matches!(np.kind, NpKind::Name(_)));
        if named && w.speaker.as_ref().is_some_and(|s| s.name != choice.name) {
            w.as_written = None;
        }
        w.speaker = Some(choice);
    });
    kept
}

/// The person of the "Pour X, « … »" quote just before quote `i`, when quote `i`'s cue
/// subject opens, right after that quote, with a definite person role ("Le porte-parole
/// du collectif …", "La porte-parole de l'association ADL").
fn described_pour_speaker(text: &str, spans: &[MarkedSpan], work: &[Work], i: usize) -> Option<Speaker> {
    let (prev, w) = (&work[i - 1], &work[i]);
    let np = w.np.as_ref()?;
    let pour = prev.cue_text.as_deref().is_some_and(|c| fold(c) == "pour");
    let person = prev.speaker.clone().filter(|s| s.kind == SpeakerKind::Person)?;
    let named_other = w.speaker.as_ref().is_some_and(|s| s.kind == SpeakerKind::Person);
    let same_paragraph = spans[i - 1].last_paragraph == spans[i].paragraph;
    let opening = text.get(spans[i - 1].close..np.end).map(fold).unwrap_or_default();
    let mut words = opening.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-').filter(|w| !w.is_empty());
    let role_noun = |w: &str| Lexicon::get().role(w) == Some(SpeakerKind::Person);
    let role_first = match words.next() {
        Some("le" | "la") => words.next().is_some_and(role_noun),
        Some(w) => w.strip_prefix("l'").is_some_and(role_noun),
        None => false,
    };
    (pour && !named_other && same_paragraph && role_first).then_some(person)
}

/// Attribute an embedded post to who wrote it (`name`, a range of `text`: the name of its
/// signature or its account): the person the article knows by that name, else the name
/// as written. The signature
/// stands for the cue, and the ranker leaves it alone.
fn sign(text: &str, registry: &mut Registry, w: &mut Work, name: std::ops::Range<usize>) {
    let Some(written) = text.get(name.clone()) else { return };
    let np = Np {
        first: 0,
        last: 0,
        kind: NpKind::Name(written.split_whitespace().map(str::to_string).collect()),
        quals: Vec::new(),
        gender: Gender::Unknown,
        start: name.start,
        end: name.end,
    };
    // An account name ("BernieSanders", "realDonaldTrump", "LindseyGrahamSC") holds a
    // known name of two words or more written as one.
    let account = fold(written);
    // (A title kept before the name, "Senator Bernie Sanders", is not in the account; a
    // name this short could be inside any account.)
    let is_account = |low: &[String]| {
        (0..low.len().saturating_sub(1)).map(|k| low[k..].concat()).any(|name| name.len() >= ACCOUNT_NAME_MIN_BYTES && account.contains(&name))
    };
    let from_markup = text.get(..name.start).is_some_and(|before| before.ends_with(['@', '"']));
    // (`resolve` registers a name it does not know, so the account is looked up first,
    // and an account is never registered as a name.)
    let by_account = registry.entities.iter().position(|e| is_account(&e.low));
    let found = if from_markup { by_account } else { by_account.or_else(|| registry.resolve(&np)) };
    let known = found.and_then(|e| registry.speaker(e));
    // An account nobody in the article is named by speaks as the account ("@jdoe").
    let as_written = if from_markup { format!("@{written}") } else { written.to_string() };
    w.speaker = known.or_else(|| Some(Speaker { name: as_written.clone(), kind: SpeakerKind::Person }));
    w.as_written = Some(as_written);
    w.cue = Some(Cue { first: 0, last: 0, text: "—".to_string(), participle: false, preposition: false, pronoun: None });
    w.cue_text = Some("—".to_string());
    w.np = None;
    w.cue_at = None;
    w.named_at_cue = true;
}

fn copy_attribution(work: &mut [Work], from: usize, to: usize, with_cue: bool) {
    let (speaker, written, cue, group) = (work[from].speaker.clone(), work[from].as_written.clone(), work[from].cue_text.clone(), work[from].group);
    let w = &mut work[to];
    w.speaker = speaker;
    w.as_written = written;
    w.group = group;
    if with_cue {
        w.cue_text = cue;
    }
    w.inherited = true;
}

/// Where each quote's placeholder stands: its first token in the frame of its first
/// paragraph and its last token in the frame of its last paragraph. One pass over every
/// frame, so that reading a quote's context never scans its whole paragraph (a long
/// paragraph full of quotes would make that quadratic).
fn placeholders(frames: &[Vec<Tok>], spans: &[MarkedSpan]) -> Vec<(Option<usize>, Option<usize>)> {
    let mut at = vec![(None, None); spans.len()];
    for (p, frame) in frames.iter().enumerate() {
        for (k, t) in frame.iter().enumerate() {
            let TokKind::Quote(q) = t.kind else { continue };
            let (Some(span), Some(slot)) = (spans.get(q), at.get_mut(q)) else { continue };
            if span.paragraph == p && slot.0.is_none() {
                slot.0 = Some(k);
            }
            if span.last_paragraph == p {
                slot.1 = Some(k);
            }
        }
    }
    at
}

/// Whether paragraph `p` of the article is French (its own language, else the article's).
fn is_french_paragraph(article: &Article, p: usize) -> bool {
    article.paragraphs.get(p).and_then(|x| x.language.as_deref()).or(article.meta.language.as_deref()) == Some("fr")
}

/// The subject of the sentence `toks[start..end]` before a quote, for its il/elle. (French:
/// a body opening that sentence, "Le club, qui …, traverse une période délicate", in a
/// paragraph that opened on a person, "Le président, Jean-Paul Bellec, savourait", is not
/// whom the next il/elle stands for: the person is.)
fn subject_of_sentence_before(toks: &[Tok], start: usize, end: usize, english: bool) -> Option<(Np, Gender)> {
    let body = |np: &Np| matches!(np.kind, NpKind::Role { kind: SpeakerKind::Organisation, .. });
    let about_a_person = !english && start > 0 && super::rules_fr::paragraph_opens_on_person(toks, start);
    sentence_subject(toks, start, end).filter(|(np, _)| !(about_a_person && body(np)))
}

/// Read the cue around the quote's placeholder (`at`, from [`placeholders`]) and what the
/// later passes need to know about its surroundings. Each step is a function of its own,
/// in the order it runs: a step reads what the ones before it found (a fallback cue is
/// only looked for while `w.cue` is empty), so the order is part of the rules.
fn context(text: &str, frames: &[Vec<Tok>], spans: &[MarkedSpan], qi: usize, span: &MarkedSpan, at: (Option<usize>, Option<usize>), english: bool) -> Work {
    let mut w = Work::default();
    let Some(a) = Around::new(text, frames, span, at, english) else { return w };
    read_sentence_before(&mut w, &a, qi.checked_sub(1).map(|p| &spans[p]));
    w.sentence = (a.left.first().map_or(span.open, |t| t.start), a.right.last().map_or(span.close, |t| t.end));
    let c = CuesAround::find(&a);
    w.right_attached = c.right_attached(a.right);
    if let Some((cue, np)) = dash_signature(a.right) {
        w.np = Some(np);
        w.cue = Some(cue);
        w.cue_at = a.right.first().map(|t| t.start);
    } else if right_cue_reports_quote(&a, &c, w.right_attached) {
        attribute_at_right_cue(&mut w, &a, &c);
    } else if let Some(ci) = c.left_pick {
        attribute_at_left_cue(&mut w, &a, &c, ci);
    } else if let Some((cue, body)) = super::bodies_fr::learned_from_on(a.right).filter(|_| !a.english).and_then(|cue| body_behind_on(a.right, &cue).map(|b| (cue, b))) {
        // (fr-inst2 s18: no cue on either side, "… « … », a-t-on appris auprès de X": X, bodies_fr::learned_from_on.)
        w.cue_at = a.right.get(cue.first).map(|t| t.start);
        w.cue = Some(cue.clone());
        w.speaks_as_named(body, &cue);
    }
    attribute_at_inverted_verb(&mut w, &a, &c);
    let adverb_cue = attribute_at_cue_after_adverb(&mut w, a.left);
    w.sentence_goes_on = c.right.is_empty() && a.right.first().is_some_and(Tok::is_lower_word);
    note_subjects_without_cue(&mut w, &a);
    attribute_to_announcing_paragraph(&mut w, &a, frames);
    note_previous_subjects(&mut w, &a, frames);
    read_left_shape(&mut w, a.left, !c.left.is_empty() || adverb_cue);
    w
}

/// The words around one quote in its paragraph frames, as [`context`] reads them: the
/// frame of its first paragraph up to it (`left`: back to the previous quote or the start
/// of the sentence) and the frame of its last paragraph after it (`right`: up to the next
/// quote or the end of the sentence). Built once, so that no step recomputes the windows.
struct Around<'a> {
    text: &'a str,
    span: &'a MarkedSpan,
    english: bool,
    left_frame: &'a [Tok],
    right_frame: &'a [Tok],
    /// The quote's placeholder in `left_frame`.
    qk: usize,
    /// `left` is `left_frame[lo..qk]`; `right` ends before `right_frame[hi]`.
    lo: usize,
    hi: usize,
    left: &'a [Tok],
    right: &'a [Tok],
    /// The previous quote in `left_frame` (see [`previous_quote`]).
    prev_q: Option<usize>,
    /// A sentence end, not the previous quote, bounds `left`.
    cut: bool,
}

impl<'a> Around<'a> {
    /// `None` when the quote has no placeholder in its frames (then nothing is read).
    fn new(text: &'a str, frames: &'a [Vec<Tok>], span: &'a MarkedSpan, at: (Option<usize>, Option<usize>), english: bool) -> Option<Self> {
        let left_frame = frames.get(span.paragraph)?;
        let right_frame = frames.get(span.last_paragraph)?;
        let (Some(qk), Some(rk)) = at else { return None };
        let prev_q = previous_quote(left_frame, qk, english);
        let (lo, cut) = left_start(left_frame, prev_q, qk);
        let hi = right_end(right_frame, rk);
        let (left, right) = (&left_frame[lo..qk], &right_frame[rk + 1..hi]);
        Some(Around { text, span, english, left_frame, right_frame, qk, lo, hi, left, right, prev_q, cut })
    }
}

fn is_quote_tok(t: &Tok) -> bool {
    matches!(t.kind, TokKind::Quote(_))
}

/// The quote before placeholder `qk` in its frame, where the words before the quote stop.
/// (English: a scare quote inside the clause right before a subjectless cue, "Kerpen
/// needled the CNN “reporter,” saying, “…”", does not end the attribution before it.)
/// (At most two are passed over: a paragraph of such quotes stays linear.)
fn previous_quote(frame: &[Tok], qk: usize, english: bool) -> Option<usize> {
    let mut prev_q = frame[..qk].iter().rposition(is_quote_tok);
    for _ in 0..2 {
        match prev_q.filter(|&p| english && super::rules_en::is_scare_quote_in_clause(frame, p)) {
            Some(p) => prev_q = frame[..p].iter().rposition(is_quote_tok),
            None => break,
        }
    }
    prev_q
}

/// Where the words before the quote at `qk` begin: after the last sentence end since the
/// previous quote (`true`: a sentence end cut them), else right after that quote.
fn left_start(frame: &[Tok], prev_q: Option<usize>, qk: usize) -> (usize, bool) {
    let lo = prev_q.map_or(0, |p| p + 1);
    match (lo..qk).rev().find(|&k| ends_sentence(frame, k)) {
        Some(k) => (k + 1, true),
        None => (lo, false),
    }
}

/// Where the words after the quote at `rk` end: at the next quote or the first sentence
/// end before it. (A nickname inside a name, "Marcia “Cia” Price", is no next quote: the
/// attribution runs on through it.)
fn right_end(frame: &[Tok], rk: usize) -> usize {
    let nickname = |k: usize| super::rules_en::is_nickname(frame, k, frame.len());
    let hi = (rk + 1..frame.len()).find(|&k| is_quote_tok(&frame[k]) && !nickname(k)).unwrap_or(frame.len());
    (rk + 1..hi).find(|&k| ends_sentence(frame, k)).unwrap_or(hi)
}

/// Where the sentence before token `before` of `frame` begins: after the last sentence
/// end or quote before it (the token at `before` itself is not looked at).
fn sentence_start_before(frame: &[Tok], before: usize) -> usize {
    (0..before).rev().find(|&k| ends_sentence(frame, k) || is_quote_tok(&frame[k])).map_or(0, |k| k + 1)
}

/// What the sentence before the quote and the previous quote tell: whether the quote opens
/// its paragraph, the subject an il/elle or ils/elles at the quote goes back to, and whether
/// the previous quote (`prev`) is of the same sentence (it is unless it closed on a stop and
/// the words between open on a capital).
fn read_sentence_before(w: &mut Work, a: &Around, prev: Option<&MarkedSpan>) {
    w.opens_paragraph = a.qk == 0;
    if a.cut {
        let mut start = sentence_start_before(a.left_frame, a.lo.saturating_sub(1));
        // (fr-places2: back over a quoted term the sentence goes on after, rules_fr::is_quote_inside_sentence.)
        while !a.english && start > 0 && super::rules_fr::is_quote_inside_sentence(a.left_frame, start - 1) {
            start = sentence_start_before(a.left_frame, start - 1);
        }
        w.prev_sentence_subject = subject_of_sentence_before(a.left_frame, start, a.lo, a.english);
        w.prev_plural_subject = plural_group_opening(a.left_frame, start, a.lo);
    } else if !a.english && a.prev_q.is_some() {
        // (fr-pron: "S'il relève une « … », il souligne que « … »": the second quote of a
        // sentence has the same sentence before it as the first; rules_fr::sentence_before.)
        if let Some((start, end)) = super::rules_fr::sentence_before(a.left_frame, a.lo) {
            w.prev_sentence_subject = subject_of_sentence_before(a.left_frame, start, end, a.english);
        }
    }
    if a.prev_q.is_some() && !a.cut {
        let prev_ends = prev.is_some_and(|s| ends_with_stop(a.text, s));
        let restarts = a.left.first().is_none_or(Tok::is_cap);
        w.same_sentence_as_prev = !(prev_ends && restarts);
    }
}

/// The speech cues found on either side of a quote.
struct CuesAround {
    left: Vec<Cue>,
    right: Vec<Cue>,
    /// The left cue that reports the quote (see [`CuesAround::find`]).
    left_pick: Option<usize>,
    /// Where the first right cue begins in `right`.
    right_first: Option<usize>,
    /// A comma, ? or ! between the quote's words and its closing mark: the sentence goes
    /// on, an attribution follows.
    after_comma: bool,
}

impl CuesAround {
    fn find(a: &Around) -> Self {
        let left = find_cues(a.left);
        let mut right = find_cues_after_quote(a.right);
        if right.is_empty() {
            right.extend(bare_participle_cue(a.right));
        }
        let span = a.span;
        let after_comma =
            span.close <= a.text.len() && a.text.get(span.pieces.last().map_or(span.close, |r| r.end)..span.close).is_some_and(|s| s.contains([',', '?', '!']));
        let right_first = right.first().map(|c| c.first);
        let mut left_pick = left.len().checked_sub(1);
        // "Families said they hoped the trial would bring “…”": a verb of thought whose
        // subject is a pronoun right after a speech verb reports that speech; the speech
        // verb is the cue.
        if let Some(ci) = left_pick
            && ci > 0
            && reported_thought(a.left, &left[ci - 1], &left[ci])
        {
            left_pick = Some(ci - 1);
        }
        CuesAround { left, right, left_pick, right_first, after_comma }
    }

    /// An attribution follows right after the quote: a comma, or a cue right there.
    fn right_attached(&self, right: &[Tok]) -> bool {
        right.first().is_some_and(|t| t.text == ",") || self.after_comma || self.right_first == Some(0)
    }
}

/// Whether the first cue after the quote reports it, rather than the cue before it:
/// attached to the quote (`attached`), closing the sentence, or in the quote's own clause
/// when nothing on the left reports it; and not about other words.
fn right_cue_reports_quote(a: &Around, c: &CuesAround, attached: bool) -> bool {
    let Some(f) = c.right_first else { return false };
    // A cue further right only counts within the quote's own clause (no comma between):
    // in "its so-called “Caliphate” are no more, a recent report warns", "warns" is not
    // about the quote.
    let same_clause = !a.right[..f].iter().any(|t| t.text == ",");
    let closes = closing_inversion(a.right, f) || closing_attribution(a.right, f);
    !right_cue_reports_other_words(a, c, f) && (attached || closes || (c.left_pick.is_none() && same_clause))
}

/// "… radicalisé « en quelques mois » sur des plateformes, a précisé l'officier.": an
/// inverted attribution (its cue at `f` of `right`) closing the sentence covers every quote
/// in it. (It may trail a participle clause: "…, a souligné l'enquêteur, déclenchant des
/// rires". A semicolon closes the quote's clause: "« … » ; le ministre, X, a ajouté".)
fn closing_inversion(right: &[Tok], f: usize) -> bool {
    let participle = |t: &Tok| t.is_lower_word() && (t.low.ends_with("ant") || t.low.ends_with("ing"));
    f > 0
        && right[f - 1].text == ","
        && !right[..f].iter().any(|t| t.text == ";")
        // (fr-names: or a relative clause about the speaker, sentences::relative_about_speaker.)
        && right[f..].iter().position(|t| t.text == ",").is_none_or(|c| right.get(f + c + 1).is_some_and(|t| participle(t) || super::sentences::relative_about_speaker(t)))
}

/// "… on a ‘conveyor belt’ to terrorism, a top officer warned yesterday.": a subject and
/// its verb (the cue at `f` of `right`) closing the sentence after a comma attribute every
/// quote in it.
fn closing_attribution(right: &[Tok], f: usize) -> bool {
    let Some(c) = right[..f].iter().rposition(|t| t.text == ",") else { return false };
    let subject = np_forward(right, c + 1, f).is_some_and(|np| np.last + 1 == f);
    subject && right[f..].iter().all(|t| t.is_word() || t.text == "." || t.text == "!") && right[f..].iter().filter(|t| t.is_word()).count() <= 4
}

/// Whether the first cue after the quote (at `f` of `right`) reports other words than the
/// quote's: those of the next sentence or the next quote, or a new predicate or clause.
fn right_cue_reports_other_words(a: &Around, c: &CuesAround, f: usize) -> bool {
    let (left, right) = (a.left, a.right);
    let closed = ends_with_stop(a.text, a.span);
    let new_sentence = !c.after_comma && closed && right.first().is_some_and(Tok::is_cap);
    // “… another leaflet.” Its chair, Dr Amira Khan, told …: a quote that closes its
    // sentence, already attributed on the left, does not take the next sentence's cue.
    // "Pour la rapporteure, X : « …. » Le député Y a répondu": a quote announced by a
    // colon is attributed on the left too, cue or not.
    let announced = left.last().is_some_and(|t| t.text == ":");
    let next_sentence = (c.left_pick.is_some() || announced) && new_sentence;
    // "he told the judge that he would not “…,” and warned of …": a verb joined by "and"
    // after the quote starts a new predicate; the left cue reports the quote.
    let coordinated_right = c.left_pick.is_some() && f > 0 && matches!(right[f - 1].low.as_str(), "and" | "et" | "but" | "mais");
    // "X estime que « … » évoquant des …": a participle after the quote shares the
    // subject of the cue before it, which is the quote's own.
    let participle_right = c.left_pick.is_some() && c.right.first().is_some_and(|c| c.participle && c.pronoun.is_none());
    // "A a salué « … », tandis que B dénonce « … »": a clause of contrast after the quote
    // brings its own subject and cue, for the quote after it.
    let contrast_right = c.left_pick.is_some() && contrast_clause(&right[..f]);
    // "“It's a very sad development,” Cruz told reporters. “This is the consequence ….”
    // Ohio Gov. John Kasich said he would have fired …": after a quote standing as its own
    // sentence, a new sentence whose cue reports other words in a clause of its own is not
    // the quote's attribution.
    let reports_other_words =
        left.is_empty() && new_sentence && c.right.first().is_some_and(|c| super::rules_en::opens_reported_clause(right, c.last + 1));
    // French: "« … » Son mari, Robert, confirme en souriant : « … »": after a quote that
    // closes its sentence, a new sentence whose cue ends on a colon right before the next
    // quote announces that quote, not this one.
    let announces_next = !a.english && announces_next_quote(right, a.right_frame.get(a.hi), closed);
    next_sentence || coordinated_right || participle_right || contrast_right || reports_other_words || announces_next
}

impl Work {
    /// The speaker is the group written at `text[from..to]` ("des manifestants"): someone
    /// unnamed, named by those words when nobody else is found.
    fn speaks_as_group(&mut self, text: &str, from: usize, to: usize) {
        self.np = None;
        self.unnamed_subject = true;
        self.group = true;
        self.as_written = text.get(from..to).map(str::to_string);
    }
}

/// Attribute the quote at the first cue after it: its subject, or the source the quote is
/// an account of, or the group, document or body that cue names.
fn attribute_at_right_cue(w: &mut Work, a: &Around, c: &CuesAround) {
    let (right, cue) = (a.right, &c.right[0]);
    let after_quote = c.right_first.is_some_and(|f| right[..f].iter().all(|t| t.kind == TokKind::Punct));
    w.np = speaker_of_cue(right, 0, right.len(), &c.right, 0, after_quote);
    w.cue = Some(cue.clone());
    w.cue_at = right.get(cue.first).map(|t| t.start);
    // "“…,” Grayson said, according to Frankel.": the quote is Frankel's account.
    if let Some((k, np)) = super::rules_en::outer_source(right, &c.right) {
        w.np = Some(np);
        w.cue = Some(c.right[k].clone());
        w.cue_at = right.get(c.right[k].first).map(|t| t.start);
    }
    // (fr-docs: "« … », concluent ses auteurs": the document named before, when there is one.)
    if let Some(document) = super::rules_fr::authors_document(right, cue, &a.left_frame[..a.qk]).filter(|_| !a.english) {
        w.speaks_as_named(document, cue);
    }
    // "« … », lançaient des manifestants": an indefinite group right after the
    // inverted cue is its subject.
    let selon = cue.preposition && w.np.is_none();
    if let Some((from, to)) = (after_quote || selon).then(|| indefinite_group_after(right, cue.last, selon)).flatten() {
        w.speaks_as_group(a.text, from, to);
    }
    // "« … », y lit-on": the document the paragraph named before the quote.
    if let Some(document) = super::rules_fr::document_read(cue, &a.left_frame[..a.qk]).filter(|_| !a.english) {
        w.speaks_as_named(document, cue);
    }
    // "« … », indique-t-on à la brigade de X": the body where "on" speaks.
    if let Some(body) = body_behind_on(right, cue) {
        w.speaks_as_named(body, cue);
    } else if let Some(body) = super::bodies_fr::body_opening_sentence_before(cue, &a.left_frame[..a.qk]).filter(|_| !a.english && w.speaker.is_none()) {
        // (fr-inst s18: "Contactée, la sous-préfecture … « … », précise-t-on": bodies_fr.)
        w.speaks_as_named(body, cue);
    }
}

/// Attribute the quote at the cue `ci` before it: its subject (a name set in apposition
/// to an unnamed role, the main clause's subject for an opening participle), or the group
/// or body it names, or the unnamed person opening its clause.
fn attribute_at_left_cue(w: &mut Work, a: &Around, c: &CuesAround, ci: usize) {
    let (left, cue) = (a.left, &c.left[ci]);
    w.np = speaker_of_cue(left, 0, left.len(), &c.left, ci, false).map(|np| named_in_apposition(left, np));
    if w.np.is_none() && cue.participle && cue.first == 0 {
        w.np = subject_of_main_clause(a.right);
    }
    w.cue = Some(cue.clone());
    w.cue_at = left.get(cue.first).map(|t| t.start);
    w.unnamed_subject = left.first().is_some_and(|t| t.is_word() && t.text != "UN" && matches!(t.low.as_str(), "a" | "an" | "un" | "une"));
    // "certains wikipédiens estiment": a group, not the last person named.
    // "Selon les riverains, « … »": the group after a preposition cue.
    let selon = cue.preposition && w.np.is_none();
    let group = indefinite_group_subject(left, cue.first)
        .or_else(|| definite_group_subject(left, cue.first))
        .or_else(|| selon.then(|| indefinite_group_after(left, cue.last, true)).flatten())
        .or_else(|| if w.np.is_none() { plural_group_subject(left, cue.first) } else { None });
    // (fr-docs: "… la Cour des comptes. Les magistrats y relevaient « … »": members of a
    // body named just before speak for it.)
    if let Some(body) = members_body_subject(a, left, cue).filter(|_| !a.english) {
        w.speaks_as_named(body, cue);
    } else if let Some((from, to)) = group {
        w.speaks_as_group(a.text, from, to);
    } else if let Some(np) = super::rules_fr::camp_before_on(left, cue) {
        // (fr-people: "Dans l'entourage de la ministre, on assure que « … »": the person
        // whose camp "on" speaks for.)
        w.np = Some(np);
    } else if let Some(body) = body_before_on(left, cue) {
        // "Au ministère, on reconnaît que « … »": the body where "on" speaks.
        w.speaks_as_named(body, cue);
    } else if w.np.is_none() {
        w.unnamed_person = unnamed_person_before(left, cue.first);
    }
}

/// fr-docs: the body whose members the plural group opening the cue's sentence names
/// ("Les magistrats financiers y pointaient"), when the paragraph named it before the quote
/// ([`super::rules_fr::members_body`]).
fn members_body_subject(a: &Around, left: &[Tok], cue: &Cue) -> Option<crate::model::Speaker> {
    let (from, _) = plural_group_subject(left, cue.first).or_else(|| definite_group_subject(left, cue.first))?;
    let k = left.iter().position(|t| t.start == from)?;
    let noun = left.get(k + 1).filter(|_| left[k].low == "les")?;
    super::rules_fr::members_body(&noun.low, &a.left_frame[..a.qk])
}

/// With no cue yet, a quote opening its sentence and closed by a comma takes the verb
/// after it that the lexicon may not list ([`inverted_attribution`]).
fn attribute_at_inverted_verb(w: &mut Work, a: &Around, c: &CuesAround) {
    if w.cue.is_none()
        && a.left.is_empty()
        && (c.after_comma || a.right.first().is_some_and(|t| t.text == ","))
        && let Some((cue, np)) = inverted_attribution(a.right)
    {
        w.cue_at = a.right.get(cue.first).map(|t| t.start);
        w.cue = Some(cue);
        w.np = np;
        w.right_attached = true;
    }
}

/// With no cue yet, a verb of speech after an adverb right before the quote
/// ([`cue_after_adverb`]). Whether one was found.
fn attribute_at_cue_after_adverb(w: &mut Work, left: &[Tok]) -> bool {
    if w.cue.is_some() {
        return false;
    }
    let Some((cue, np)) = cue_after_adverb(left) else { return false };
    w.cue_at = left.get(cue.first).map(|t| t.start);
    w.cue = Some(cue);
    w.np = np;
    true
}

/// With no cue: whom the quote's own sentence is about, for the passes that attribute
/// quotes without a cue.
fn note_subjects_without_cue(w: &mut Work, a: &Around) {
    if w.cue.is_some() {
        return;
    }
    // "Shea also touched upon … “…”": the sentence's subject, used for partial quotes
    // only when that subject has already been quoted.
    w.subject = np_forward(a.left, 0, a.left.len()).filter(|np| matches!(np.kind, NpKind::Name(_) | NpKind::Pronoun(..)));
    // "Interrogée par notre journal, la députée Léa Vasseur … partage ce constat : « … »":
    // a quote announced by a colon belongs to the person the sentence is about.
    if a.left.last().is_some_and(|t| t.text == ":") {
        w.unnamed_person = unnamed_person_before(a.left, a.left.len() - 1);
        w.colon_subjects = colon_subjects(a.text, a.left);
    }
}

/// "When Wallace died in 1998, President Clinton released the following statement: ¶
/// “…”": a quote opening the paragraph after one that ends in a colon is announced by
/// that paragraph's last sentence, its cue or the person it is about (English; French
/// copy runs on differently, rules_fr).
fn attribute_to_announcing_paragraph(w: &mut Work, a: &Around, frames: &[Vec<Tok>]) {
    if !(a.english && w.cue.is_none() && a.qk == 0) {
        return;
    }
    let Some(prev) = a.span.paragraph.checked_sub(1).and_then(|p| frames.get(p)).filter(|f| f.last().is_some_and(|t| t.text == ":")) else { return };
    let colon = prev.len() - 1;
    let start = sentence_start_before(prev, colon);
    let sentence = &prev[start..colon];
    let cues = find_cues(sentence);
    match cues.len().checked_sub(1) {
        Some(ci) => {
            w.np = speaker_of_cue(sentence, 0, sentence.len(), &cues, ci, false);
            w.cue_at = sentence.get(cues[ci].first).map(|t| t.start);
            w.cue = Some(cues[ci].clone());
        }
        None => w.colon_subjects = colon_subjects(a.text, &prev[start..]),
    }
}

/// With no cue: for a quote that opens its sentence, the people the sentence before is
/// about (same paragraph), or (French) the person the paragraph before is about when the
/// quote opens its own.
fn note_previous_subjects(w: &mut Work, a: &Around, frames: &[Vec<Tok>]) {
    if w.cue.is_some() {
        return;
    }
    if a.left.is_empty() && a.lo > 0 {
        w.previous_subject = people_opening_sentence_before(a);
    } else if !a.english && a.qk == 0 {
        w.previous_subject = person_of_paragraph_before(frames, a.span.paragraph);
    }
}

/// "Professor Whitmore … was blunt. “Parents are fighting…”": the people opening the
/// sentence before the quote (in the same paragraph), or opening one of its clauses
/// ("Asked whether …, she laughs.").
fn people_opening_sentence_before(a: &Around) -> Vec<Np> {
    let (frame, end) = (a.left_frame, a.lo);
    let start = sentence_start_before(frame, end.saturating_sub(1));
    // (French: or a relative of someone, "Son mari hausse les épaules.")
    // (French: or a person by their role opening the sentence, "Le prévenu baisse la
    // tête.", not one set in apposition after a cue, "…, a expliqué X, le directeur d'Europol".)
    let role = |np: &Np| !a.english && (np.first == start || opens_clause_before_its_verb(frame, np)) && matches!(np.kind, NpKind::Role { kind: SpeakerKind::Person, definite: true, .. });
    let person = |np: &Np| matches!(np.kind, NpKind::Name(_) | NpKind::Pronoun(PronounKind::Person, _)) || role(np) || super::rules_fr::possessed_kin(a.text, np).is_some();
    std::iter::once(start)
        .chain((start..end).filter(|&k| frame[k].text == ",").map(|k| k + 1))
        .filter_map(|k| np_forward(frame, k, end).filter(person))
        .collect()
}

/// French: "Invité à parler en dernier, l'ancien maire s'est tourné vers le tribunal.": a
/// role opening a clause after a comma is that sentence's subject when words (its verb)
/// follow it; one closing the sentence or followed by a comma is an apposition ("…, a
/// expliqué X, le directeur du service.").
fn opens_clause_before_its_verb(frame: &[Tok], np: &Np) -> bool {
    np.first > 0 && frame[np.first - 1].text == "," && frame.get(np.last + 1).is_some_and(|t| t.kind == TokKind::Word)
}

/// French: "À 67 ans, Armelle Guiraud taille encore des sabots. Elle a appris le métier
/// auprès de son père, Raymond. ¶ « Mon père ne parlait pas beaucoup. »": a quote opening
/// paragraph `paragraph`, after a paragraph of the reporter's words only, is the person
/// that paragraph's last sentence is about.
fn person_of_paragraph_before(frames: &[Vec<Tok>], paragraph: usize) -> Vec<Np> {
    let before = paragraph.checked_sub(1).and_then(|p| frames.get(p)).filter(|f| !f.is_empty() && !f.iter().any(is_quote_tok));
    let Some(prev) = before else { return Vec::new() };
    let end = prev.len() - usize::from(prev.last().is_some_and(|t| t.text == "."));
    let start = (0..end.saturating_sub(1)).rev().find(|&k| ends_sentence(prev, k)).map_or(0, |k| k + 1);
    super::rules_fr::sentence_person_subject(prev, start, end).into_iter().collect()
}

/// How the words before the quote frame it: as a label or a charge it names, a noun slot,
/// an item of a list, announced by a colon, or by nothing but an attribution
/// (`has_cue`: a cue was found among them).
fn read_left_shape(w: &mut Work, left: &[Tok], has_cue: bool) {
    (w.label, w.charge) = label_and_charge(left);
    w.noun_slot = left.last().is_some_and(|t| {
        t.is_lower_word() && matches!(t.low.as_str(), "du" | "de" | "des" | "d'" | "le" | "la" | "les" | "l'" | "au" | "aux" | "of" | "the" | "on")
    });
    w.listed = !left.is_empty() && left.iter().all(|t| t.text == "," || matches!(t.low.as_str(), "et" | "and" | "or" | "ou"));
    let ends_with_colon = left.last().is_some_and(|t| t.text == ":");
    w.announced = ends_with_colon && !left[..left.len() - 1].is_empty();
    let ends_with_comma = left.last().is_some_and(|t| t.text == ",");
    let only_conjunction = left.len() == 1 && matches!(left[0].low.as_str(), "and" | "but" | "et" | "mais" | "or" | "yet");
    // "And “…”" opens a sentence; "« … » et « … »" continues one.
    let only_conjunction = only_conjunction && !w.same_sentence_as_prev;
    w.left_is_frame = left.is_empty() || ends_with_colon || only_conjunction || (ends_with_comma && has_cue);
}

/// Whether the words before a quote make it a label ("so-called “…”") or the name of a
/// charge ("charged with “…”"), read on the words before its article or reflexive.
fn label_and_charge(left: &[Tok]) -> (bool, bool) {
    // "what he called a “culture of impunity”": the article does not hide the label.
    let mut label_end = left.len();
    // "calls itself the “…”": a reflexive between the naming verb and the label too.
    let skippable = |t: &Tok| {
        crate::text::attribution::DETERMINERS.contains(&t.low.as_str())
            || matches!(t.low.as_str(), "itself" | "themselves" | "himself" | "herself" | "se" | "s'")
    };
    while label_end > 0 && left[label_end - 1].is_lower_word() && skippable(&left[label_end - 1]) {
        label_end -= 1;
    }
    let tail: Vec<&str> = left[..label_end].iter().rev().take(3).rev().map(|t| t.low.as_str()).collect();
    // "described as the “main mouthpiece”", "his treatment as an “enemy combatant”": "as"
    // and an article make the quote a noun phrase naming something, where "described the
    // fine as “disproportionate”" quotes a judgement.
    let as_article = label_end < left.len() && label_end > 0 && matches!(left[label_end - 1].low.as_str(), "as" | "comme");
    let label = Lexicon::get().ends_with_naming(&tail) || as_article;
    let tail: Vec<&str> = left[..label_end].iter().rev().take(6).rev().map(|t| t.low.as_str()).collect();
    (label, Lexicon::get().ends_with_charge(&tail))
}

/// Whether the reporter's words after a quote (`right`, up to `next`, the token that ends
/// them) are a new sentence announcing the next quote: the quote closed its sentence
/// (`closed`), the words open on a capital and end on a colon, and a quote comes next.
fn announces_next_quote(right: &[Tok], next: Option<&Tok>, closed: bool) -> bool {
    closed
        && right.first().is_some_and(Tok::is_cap)
        && right.last().is_some_and(|t| t.text == ":")
        && next.is_some_and(|t| matches!(t.kind, TokKind::Quote(_)))
}

/// Who a quote announced by a colon may be about: the names and definite persons that
/// open the clauses of `left` (its words up to the colon, the colon last), a document or
/// body opening it, or a French il/elle.
fn colon_subjects(text: &str, left: &[Tok]) -> Vec<Np> {
    // (English, en-attr: "From Bush's Facebook post: “…”", "More from the report: “…”":
    // the source named after an opening "From" is whose words follow.)
    let from = super::rules_en::source_after_opening_from(left);
    let candidates = (0..left.len())
        .filter(|&k| k == 0 || left[k - 1].text == "," || Some(k) == from)
        .filter_map(|k| {
            let owner = if Some(k) == from { super::rules_en::possessor_opening_source(left, k) } else { None };
            owner.or_else(|| super::rules_fr::colon_candidate(left, k))
        })
        // ("One early supporter, Representative Lee Zeldin, …:": written with the
        // description set before the name.)
        .map(|np| super::rules_en::with_person_description_before(left, 0, np))
        // (en-speakers s18: "Then, later that month on NBC:": a venue, not a speaker.)
        .filter(|np| !super::rules_en::after_venue_preposition(left, np.first))
        // (fr-names: "Réponse du maire :", sentences::complement_of_opening_noun.)
        .chain(super::sentences::complement_of_opening_noun(left))
        .filter(|np| {
            let opens = np.first == 0 && left.get(np.last + 1).is_some_and(Tok::is_lower_word);
            let opens = opens || Some(np.first) == from;
            matches!(np.kind, NpKind::Name(_) | NpKind::Role { kind: SpeakerKind::Person, definite: true, .. })
                || opens && matches!(np.kind, NpKind::Role { kind: SpeakerKind::Document | SpeakerKind::Organisation, .. })
                // "Quant à l'entraîneuse, elle pense déjà à … :"
                || super::rules_fr::is_il_elle(text, np)
        })
        .collect();
    // (ranker s14: "When X retired, Y released the following statement:" is Y's.)
    let candidates = super::rules_en::without_fronted_clause_subject(left, candidates);
    // (en-speakers s17: "HEADLINE - Ann Roe: “…”", the name signing a digest's item.)
    super::rules_en::signature_after_rubric_dash(left, candidates)
}

/// "“…” ― Jane Roe": a quote signed with a dash and a name (or a role) that closes the
/// sentence, as in a list of readers' reactions. The dash stands for the cue.
fn dash_signature(right: &[Tok]) -> Option<(Cue, Np)> {
    let dash = right.first().filter(|t| t.kind == TokKind::Punct && matches!(t.text.as_str(), "―" | "—" | "–"))?;
    let np = np_forward(right, 1, right.len()).filter(|np| matches!(np.kind, NpKind::Name(_) | NpKind::Role { kind: SpeakerKind::Person, .. }))?;
    let closes = right[np.last + 1..].iter().all(|t| t.kind == TokKind::Punct && t.text != "'s");
    closes.then(|| (Cue { first: 0, last: 0, text: dash.text.to_string(), participle: false, preposition: false, pronoun: None }, np))
}

/// Words that may stand between a subject and its verb of speech ("she now says").
const ADVERBS_BEFORE_VERB: [&str; 8] = ["now", "then", "later", "also", "again", "simply", "just", "once"];

/// "“Go back to Univision,” Trump barked", "“This is your movement,” it now says": a quote
/// opening its sentence and closed by a comma, then a subject and a verb in the past or
/// the present (a verb of speech the lexicon may not list, or one it lists after an
/// adverb), is attributed by that verb. The subject is kept when it can speak.
fn inverted_attribution(right: &[Tok]) -> Option<(Cue, Option<Np>)> {
    let lx = Lexicon::get();
    let from = usize::from(right.first().is_some_and(|t| t.text == ","));
    let np = np_forward(right, from, right.len()).filter(|np| np.first == from);
    // A subject that is no speaker ("the website", "its ad") still frames the quote.
    let thing_end = || {
        let det = right.get(from).is_some_and(|t| t.is_lower_word() && crate::text::attribution::DETERMINERS.contains(&t.low.as_str()));
        let nouns = right.get(from + 1..)?.iter().take(3).take_while(|t| t.is_lower_word() && !lx.en_cues.contains(t.low.as_str())).count();
        (det && nouns > 0).then_some(from + nouns)
    };
    let mut k = match &np {
        Some(np) => np.last + 1,
        None => thing_end()? + 1,
    };
    while right.get(k).is_some_and(|t| t.is_lower_word() && (t.low.ends_with("ly") || ADVERBS_BEFORE_VERB.contains(&t.low.as_str()))) {
        k += 1;
    }
    let verb = right.get(k).filter(|t| t.is_lower_word())?;
    let past = verb.low.len() > 4 && verb.low.ends_with("ed");
    let speech = lx.en_cues.contains(verb.low.as_str()) && !verb.low.ends_with("ing");
    if !(past || speech) {
        return None;
    }
    // (What follows the verb closes the sentence or goes on with a clause of its own.)
    let next_ok = right.get(k + 1).is_none_or(|t| t.kind == TokKind::Punct || t.is_lower_word());
    if !next_ok {
        return None;
    }
    let speaks = |np: &Np| matches!(np.kind, NpKind::Name(_) | NpKind::Pronoun(PronounKind::Person | PronounKind::Plural, _) | NpKind::Role { .. });
    let cue = Cue { first: k, last: k, text: verb.text.to_string(), participle: false, preposition: false, pronoun: None };
    Some((cue, np.filter(speaks)))
}

/// "She then repeatedly says, “Don't you do it”": a listed verb of speech after an
/// adverb, right before the quote (a comma or colon between), with its subject before the
/// adverbs (or opening the clause, after "and").
fn cue_after_adverb(left: &[Tok]) -> Option<(Cue, Option<Np>)> {
    let n = left.len();
    let v = n.checked_sub(2)?;
    if !matches!(left[n - 1].text.as_str(), "," | ":") {
        return None;
    }
    let verb = &left[v];
    if !(verb.is_lower_word() && Lexicon::get().en_cues.contains(verb.low.as_str()) && !verb.low.ends_with("ing")) {
        return None;
    }
    let mut a = v;
    while a > 0 && left[a - 1].is_lower_word() && (left[a - 1].low.ends_with("ly") || ADVERBS_BEFORE_VERB.contains(&left[a - 1].low.as_str())) {
        a -= 1;
    }
    if a == v || a == 0 {
        return None;
    }
    let np = if left[a - 1].low == "and" { np_forward(left, 0, a - 1) } else { np_backward(left, 0, a - 1) };
    let speaks = |np: &Np| matches!(np.kind, NpKind::Name(_) | NpKind::Pronoun(PronounKind::Person | PronounKind::Plural, _) | NpKind::Role { .. });
    let cue = Cue { first: v, last: v, text: verb.text.to_string(), participle: false, preposition: false, pronoun: None };
    Some((cue, np.filter(speaks)))
}

/// Whether the words hold a conjunction opening a clause of contrast or time ("tandis
/// que", "alors que", "pendant que", "while", "whereas").
fn contrast_clause(words: &[Tok]) -> bool {
    words.windows(2).any(|w| matches!(w[0].low.as_str(), "tandis" | "alors" | "pendant") && matches!(w[1].low.as_str(), "que" | "qu'"))
        || words.iter().any(|t| matches!(t.low.as_str(), "while" | "whereas"))
        // "Trump saying, “That makes me smart,” when Clinton blasted him": a clause of time
        // or cause after the quote is about something else.
        || words.iter().any(|t| t.is_lower_word() && matches!(t.low.as_str(), "when" | "after" | "before" | "because" | "since" | "until" | "unless" | "if"))
}

/// "Estimant que « … », il vota contre": a participle opening the sentence has the
/// subject of the main clause, which follows the quote after a comma.
fn subject_of_main_clause(right: &[Tok]) -> Option<Np> {
    if right.first().is_none_or(|t| t.text != ",") {
        return None;
    }
    let np = np_forward(right, 1, right.len())?;
    let subject = matches!(np.kind, NpKind::Name(_) | NpKind::Pronoun(PronounKind::Person, _) | NpKind::Role { definite: true, .. });
    (subject && right.get(np.last + 1).is_some_and(Tok::is_word)).then_some(np)
}

/// "Une élève, Inès, 14 ans, résume": an unnamed role with a name in apposition is
/// that name.
fn named_in_apposition(toks: &[Tok], np: Np) -> Np {
    if !matches!(np.kind, NpKind::Role { definite: false, kind: SpeakerKind::Person, .. }) {
        return np;
    }
    let comma = np.last + 1;
    if toks.get(comma).is_none_or(|t| t.text != ",") {
        return np;
    }
    match np_forward(toks, comma + 1, toks.len()) {
        Some(name) if matches!(name.kind, NpKind::Name(_)) && toks.get(name.last + 1).is_some_and(|t| t.text == ",") => name,
        _ => np,
    }
}

/// Speech verbs that report words, as opposed to verbs of thought or feeling.
const SPEECH_VERBS: [&str; 12] = ["said", "says", "told", "tells", "added", "explained", "stated", "dit", "déclaré", "expliqué", "affirmé", "ajouté"];

/// Whether `inner` is a verb of thought ("hoped", "believed") introduced by the speech cue
/// `outer` through a pronoun subject and an optional "that": "said they hoped",
/// "a dit qu'il espérait".
fn reported_thought(toks: &[Tok], outer: &Cue, inner: &Cue) -> bool {
    let lx = Lexicon::get();
    let outer_word = outer.text.split_whitespace().last().map(crate::text::lexicon::fold).unwrap_or_default();
    let inner_word = inner.text.split_whitespace().last().map(crate::text::lexicon::fold).unwrap_or_default();
    if !SPEECH_VERBS.contains(&outer_word.as_str()) || SPEECH_VERBS.contains(&inner_word.as_str()) || inner.preposition || outer.preposition {
        return false;
    }
    let between: &[Tok] = toks.get(outer.last + 1..inner.first).unwrap_or(&[]);
    if between.len() > 8 || between.iter().any(|t| t.kind != TokKind::Word) {
        return false;
    }
    // The pronoun subject, then only auxiliaries ("that it had charged").
    let Some(p) = between.iter().rposition(|t| lx.pronoun(&t.low).is_some()) else { return false };
    let aux_only = between[p + 1..].iter().all(|t| AUXILIARIES.contains(&t.low.as_str()));
    // Before it, nothing, or a time phrase closed by "that" ("said earlier this year that").
    let opened = p == 0 || matches!(between[p - 1].low.as_str(), "that" | "que" | "qu'");
    aux_only && opened
}

const AUXILIARIES: [&str; 16] = ["had", "has", "have", "was", "were", "is", "would", "will", "could", "did", "avait", "a", "était", "aurait", "allait", "est"];

fn ends_with_stop(text: &str, span: &MarkedSpan) -> bool {
    let inner = span.pieces.last().and_then(|r| text.get(r.clone())).unwrap_or("");
    let after = text.get(span.pieces.last().map_or(span.close, |r| r.end)..span.close).unwrap_or("");
    inner.ends_with(['.', '!', '?', '…']) || after.contains(['.', '!', '?'])
}

/// Headings of the list of sources that closes a wiki or encyclopaedia article.
const REFERENCE_HEADINGS: &[&str] = &["sources", "source", "références", "references", "liens externes", "external links", "voir aussi", "see also"];

/// The paragraph heading the list of sources an article ends with ("Sources", then
/// "« Titre » — Journal, 3 mars 2025."), if it has one in its second half: quoted
/// words under it are the titles of the works cited, not speech.
fn reference_list_start(article: &Article) -> Option<usize> {
    let n = article.paragraphs.len();
    (n / 2..n).rev().find(|&p| {
        let line = article.text.get(article.paragraphs[p].range.clone()).unwrap_or("");
        let head = line.trim().trim_end_matches([':', ' ', '\u{a0}']);
        // (Only a short line is lowered: lowering never shortens a line in characters, and
        // no heading is over 20.)
        head.chars().nth(20).is_none() && REFERENCE_HEADINGS.contains(&head.to_lowercase().as_str())
    })
}

/// Whether the quote is reliably in another language than its article (not its
/// paragraph, which a long quoted title may make its own).
fn in_other_language(article: &Article, text: &str, span: &MarkedSpan) -> bool {
    let own = article.meta.language.as_deref();
    let quoted: String = span.pieces.iter().filter_map(|r| text.get(r.clone())).collect::<Vec<_>>().join(" ");
    // (whatlang needs a few words to be sure; short quotes are left as they are.)
    if quoted.split_whitespace().count() < 5 {
        return false;
    }
    own.is_some_and(|own| super::lang::detect(&quoted).is_some_and(|lang| lang != own))
}

/// The first letter or digit of a quote's words, whose case tells a fragment ("« juste pour
/// voir »") from a sentence.
fn first_letter(text: &str, span: &MarkedSpan) -> Option<char> {
    span.pieces.first().and_then(|r| text.get(r.clone())).and_then(|s| s.chars().find(|c| c.is_alphanumeric()))
}

fn kind_of(text: &str, span: &MarkedSpan, w: &Work, continues_speech: bool) -> QuoteKind {
    let words: usize = span.pieces.iter().filter_map(|r| text.get(r.clone())).map(|s| s.split_whitespace().count()).sum();
    let first_upper = first_letter(text, span).is_some_and(char::is_uppercase);
    if w.label && words <= TERM_MAX_WORDS || w.charge {
        return QuoteKind::Term;
    }
    let has_cue = w.cue.is_some() || w.inherited;
    // "Pour la rapporteure, X : « Nous devons agir vite. »": a whole sentence announced
    // by a colon is speech, however short.
    if w.announced && first_upper && ends_with_stop(text, span) && words >= 2 {
        return QuoteKind::Direct;
    }
    // "invité du « Grand rendez-vous »", "a guest on the “Today Programme”": a short
    // capitalised quote where a noun goes, not closing a sentence, is a title or a name.
    if words <= TERM_MAX_WORDS && first_upper && w.noun_slot && !ends_with_stop(text, span) && !continues_speech {
        return QuoteKind::Term;
    }
    // One capitalised word inside the reporter's sentence ("described the network as
    // “Hydra”") is a name or label, not words anyone said.
    if words == 1 && first_upper && !w.left_is_frame && !continues_speech && !w.opens_paragraph {
        return QuoteKind::Term;
    }
    // A fragment in lower case woven into the reporter's sentence ("Smaller services, he
    // said, “simply don't have the engineers” to keep up", "« trois personnes … » dans la
    // matinée") is partial, whatever frames it.
    if has_cue && !first_upper && w.sentence_goes_on {
        return QuoteKind::Partial;
    }
    let sentence_level = w.left_is_frame || (first_upper && w.right_attached && has_cue);
    if sentence_level && (has_cue || continues_speech || words > TERM_MAX_WORDS) {
        QuoteKind::Direct
    } else if has_cue || words > TERM_MAX_WORDS {
        QuoteKind::Partial
    } else {
        QuoteKind::Term
    }
}

/// The most words an attribution set inside guillemets may take ("a-t-il déclaré",
/// "explique Marie Dupont, porte-parole du parquet").
const INCISE_MAX_TOKENS: usize = 10;

/// (fr-quotes) Where an apposition opening after the comma at `comma` ends, when it belongs
/// to the attribution of an incise: words in lower case, no pronoun first and no cue in
/// them, with a role or profession up to the next comma (« …, explique X, porte-parole du
/// parquet, … »), or up to the full stop of the attribution's sentence when the quote
/// resumes on a capital after it (« …, soupire X, professeur de lettres. Mais … »). After
/// a role (`after_role`) a second apposition needs no role of its own, but only the full
/// stop ends it. Returns the index of the comma or full stop that closes it.
fn apposition_end(toks: &[Tok], comma: usize, after_role: bool) -> Option<usize> {
    let lx = Lexicon::get();
    let first = toks.get(comma + 1).filter(|t| t.is_lower_word())?;
    if matches!(first.low.as_str(), "je" | "j'" | "tu" | "il" | "elle" | "on" | "nous" | "vous" | "ils" | "elles" | "c'" | "ce" | "ça" | "cela" | "ne" | "n'" | "si" | "mais" | "et") {
        return None;
    }
    let mut m = comma + 1;
    let mut role = false;
    while m < toks.len() && m <= comma + INCISE_MAX_TOKENS && toks[m].is_word() {
        role |= lx.role(&toks[m].low) == Some(SpeakerKind::Person) || lx.profession(&toks[m].low).is_some();
        m += 1;
    }
    if !find_cues(&toks[comma + 1..m]).is_empty() {
        return None;
    }
    let closer = toks.get(m)?.text.as_str();
    let resumes_on_capital = toks.get(m + 1).is_some_and(Tok::is_cap);
    let ends = match closer {
        "," => role && !after_role,
        "." => (role || after_role) && resumes_on_capital,
        _ => false,
    };
    ends.then_some(m)
}

/// French puts a short attribution inside the guillemets: « A, a-t-il déclaré. B » or
/// « A, explique Marie Dupont, B ». Such a span becomes two quotes, with the attribution
/// left between them in the frame, as if written « A », a-t-il déclaré. « B ».
fn split_incises(text: &str, spans: Vec<MarkedSpan>) -> Vec<MarkedSpan> {
    let mut out = Vec::with_capacity(spans.len());
    for span in spans.into_iter().flat_map(|s| dialogue_split(text, s)) {
        match incise_in(text, &span) {
            Some((first_end, incise_end, second_start)) => {
                let mut second = span.clone();
                second.open = incise_end;
                second.pieces[0].start = second_start;
                let mut first = span;
                first.pieces.truncate(1);
                first.pieces[0].end = first_end;
                first.last_paragraph = first.paragraph;
                first.closed = true;
                // The frame needs the attribution outside both quotes: the first ends at
                // its comma, the second opens after the attribution.
                first.close = first_end + text.get(first_end..).map_or(0, |r| r.find(',').map_or(0, |c| c + 1));
                out.push(first);
                out.push(second);
            }
            None => out.push(span),
        }
    }
    out
}

/// « A ? — B. — C ! »: a dialogue inside one pair of guillemets becomes one quote per
/// turn, each dash left between them in the frame (`rules_fr::dialogue_turns`).
fn dialogue_split(text: &str, span: MarkedSpan) -> Vec<MarkedSpan> {
    let single = span.pieces.len() == 1 && text.get(span.open..).is_some_and(|t| t.starts_with('«'));
    let turns = if single { super::rules_fr::dialogue_turns(text, span.pieces[0].clone()) } else { Vec::new() };
    if turns.is_empty() {
        return vec![span];
    }
    let last = turns.len() - 1;
    turns
        .into_iter()
        .enumerate()
        .map(|(j, (words, dash))| MarkedSpan {
            open: if j == 0 { span.open } else { dash.end },
            close: if j == last { span.close } else { words.end },
            closed: j < last || span.closed,
            pieces: vec![words],
            ..span.clone()
        })
        .collect()
}

/// In the first piece of a guillemet span: (end of the first half, end of the
/// attribution, start of the second half).
fn incise_in(text: &str, span: &MarkedSpan) -> Option<(usize, usize, usize)> {
    if !text.get(span.open..)?.starts_with('«') {
        return None;
    }
    let piece = span.pieces.first()?.clone();
    let toks = tokenize(text, piece.clone(), &[]);
    let cues = find_cues(&toks);
    for c in &cues {
        // "…, a-t-il déclaré." / "…, explique Marie Dupont, …": right after a comma.
        if c.first == 0 || toks[c.first - 1].text != "," || c.preposition || c.participle {
            continue;
        }
        let inverted = c.pronoun.is_some();
        let mut k = c.last + 1;
        if !inverted {
            // The speaker must follow the verb: « …, explique Marie Dupont, … ».
            let np = np_forward(&toks, k, toks.len())?;
            if !matches!(np.kind, NpKind::Name(_) | NpKind::Role { .. }) {
                continue;
            }
            // (« …, a reconnu le président de la conférence, le Kényan X, mais … »: the
            // name apposed to the role belongs to the attribution too.)
            k = super::rules_fr::name_apposed_to_role(&toks, &np, toks.len()).map_or(np.last, |name| name.last) + 1;
        }
        // Up to the comma or full stop that closes the attribution.
        while k < toks.len() && k <= c.last + INCISE_MAX_TOKENS && toks[k].is_word() {
            k += 1;
        }
        if k < toks.len() && toks[k].text == "," && !inverted
            && let Some(m) = apposition_end(&toks, k, false)
        {
            // « …, explique Marie Dupont, porte-parole du parquet, … »: a role in apposition
            // belongs to the attribution, and so does a second apposition after it that
            // ends the attribution's sentence (« …, dit X, secrétaire du SNX, premier
            // syndicat du secteur. Les … »).
            k = m;
            if toks[k].text == "," && let Some(m) = apposition_end(&toks, k, true) {
                k = m;
            }
        }
        let closer = toks.get(k)?;
        if !(closer.text == "," || closer.text == ".") {
            continue;
        }
        let rest = toks.get(k + 1)?;
        if !rest.is_word() {
            continue;
        }
        let comma = &toks[c.first - 1];
        let first_end = text.get(piece.start..comma.start)?.trim_end().len() + piece.start;
        if first_end <= piece.start {
            continue;
        }
        return Some((first_end, closer.end, rest.start));
    }
    None
}

/// The steps of [`context`], each on an invented sentence.
#[cfg(test)]
mod context_steps {
    use super::*;
    use crate::ingest::from_plain_text;

    /// An invented text read the way [`extract_ranked`] reads it: its spans, frames and
    /// placeholders.
    struct Fixture {
        article: Article,
        spans: Vec<MarkedSpan>,
        frames: Vec<Vec<Tok>>,
        at: Vec<(Option<usize>, Option<usize>)>,
    }

    fn fixture(text: &str) -> Fixture {
        let article = from_plain_text("t", text);
        let spans = split_incises(&article.text, scan(&article));
        let frames: Vec<Vec<Tok>> = article.paragraphs.iter().map(|p| tokenize(&article.text, p.range.clone(), &spans)).collect();
        let at = placeholders(&frames, &spans);
        Fixture { article, spans, frames, at }
    }

    impl Fixture {
        fn english(&self, i: usize) -> bool {
            !is_french_paragraph(&self.article, self.spans[i].paragraph)
        }

        fn around(&self, i: usize) -> Around<'_> {
            Around::new(&self.article.text, &self.frames, &self.spans[i], self.at[i], self.english(i)).expect("a placeholder")
        }

        fn work(&self, i: usize) -> Work {
            context(&self.article.text, &self.frames, &self.spans, i, &self.spans[i], self.at[i], self.english(i))
        }
    }

    fn words(toks: &[Tok]) -> String {
        toks.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ")
    }

    fn toks(s: &str) -> Vec<Tok> {
        tokenize(s, 0..s.len(), &[])
    }

    fn at_word(toks: &[Tok], word: &str) -> usize {
        toks.iter().position(|t| t.text == word).expect("the word")
    }

    #[test]
    fn the_left_window_starts_at_the_sentence_and_the_right_one_stops_at_its_end() {
        let f = fixture("The harbour board met late. Then the chair said “we will build the wall” on Monday, before leaving. Nobody asked.");
        let a = f.around(0);
        assert_eq!(words(a.left), "Then the chair said");
        assert_eq!(words(a.right), "on Monday , before leaving");
        assert!(a.cut && a.prev_q.is_none());
    }

    #[test]
    fn the_left_window_of_a_second_quote_starts_after_the_first() {
        let f = fixture("The chair called it “a plan” and then said “we will build it” on Monday.");
        let a = f.around(1);
        assert_eq!(words(a.left), "and then said");
        assert_eq!(a.prev_q, Some(4));
        assert!(!a.cut);
        assert!(f.work(1).same_sentence_as_prev);
    }

    #[test]
    fn a_sentence_starts_after_the_last_stop_or_quote() {
        let t = toks("The board met. The chair spoke at length. It ended.");
        let second_stop = t.iter().enumerate().filter(|(_, x)| x.text == ".").nth(1).map(|(k, _)| k).unwrap();
        assert_eq!(t[sentence_start_before(&t, second_stop)].text, "The");
        assert_eq!(sentence_start_before(&t, second_stop), at_word(&t, "chair") - 1);
        assert_eq!(sentence_start_before(&t, 2), 0);
    }

    #[test]
    fn an_inverted_attribution_closing_the_sentence_covers_the_quote() {
        let right = toks("dans le quartier, a affirmé la maire.");
        assert!(closing_inversion(&right, at_word(&right, "a")));
        // (A semicolon closes the quote's clause first.)
        let right = toks("dans le quartier ; ensuite, a affirmé la maire.");
        assert!(!closing_inversion(&right, at_word(&right, "a")));
    }

    #[test]
    fn a_short_subject_and_verb_closing_the_sentence_attribute_it() {
        let right = toks("to the budget, a senior aide warned.");
        assert!(closing_attribution(&right, at_word(&right, "warned")));
        let right = toks("to the budget, a senior aide warned the whole council about the other plans.");
        assert!(!closing_attribution(&right, at_word(&right, "warned")));
    }

    #[test]
    fn a_cue_after_the_quote_attached_by_a_comma_is_the_quotes() {
        let f = fixture("“We will build the wall before the winter,” the harbour master said on Monday.");
        let w = f.work(0);
        assert_eq!(w.cue.map(|c| c.text), Some("said".to_string()));
        assert!(w.right_attached);
        assert_eq!(w.np.map(|np| np.written(&f.article.text).to_string()).as_deref(), Some("the harbour master"));
    }

    #[test]
    fn the_next_sentences_cue_is_not_the_quotes() {
        let f = fixture("The harbour master said: “We will build the wall.” The mayor said nothing about it at all.");
        let a = f.around(0);
        let c = CuesAround::find(&a);
        let first = c.right_first.expect("a cue on the right");
        assert!(right_cue_reports_other_words(&a, &c, first));
        assert!(!right_cue_reports_quote(&a, &c, c.right_attached(a.right)));
    }

    #[test]
    fn a_cue_before_the_quote_names_its_speaker() {
        let f = fixture("The harbour master said that the town would build “a wall of stone” this winter.");
        let w = f.work(0);
        assert_eq!(w.cue.map(|c| c.text), Some("said".to_string()));
        assert!(!w.group && !w.unnamed_subject);
    }

    #[test]
    fn a_group_cue_speaks_as_its_words() {
        let mut w = Work::default();
        w.speaks_as_group("Des manifestants criaient.", 0, 16);
        assert_eq!(w.as_written.as_deref(), Some("Des manifestants"));
        assert!(w.group && w.unnamed_subject && w.np.is_none());
    }

    #[test]
    fn a_verb_of_speech_after_an_adverb_is_the_cue() {
        let left = toks("Then the old captain simply says ,");
        let mut w = Work::default();
        assert!(attribute_at_cue_after_adverb(&mut w, &left));
        assert_eq!(w.cue.map(|c| c.text), Some("says".to_string()));
        // (A cue already found is kept.)
        let mut w = Work { cue: Some(Cue { first: 0, last: 0, text: "said".into(), participle: false, preposition: false, pronoun: None }), ..Work::default() };
        assert!(!attribute_at_cue_after_adverb(&mut w, &left));
    }

    #[test]
    fn a_quote_opening_its_sentence_looks_back_at_the_people_before_it() {
        let f = fixture("Professor Lina Harrow was blunt about the plan. “Parents are tired of waiting.”");
        let w = f.work(0);
        let names: Vec<&str> = w.previous_subject.iter().map(|np| np.written(&f.article.text)).collect();
        assert_eq!(names, ["Professor Lina Harrow"]);
    }

    #[test]
    fn a_group_after_an_inverted_cue_speaks_as_written() {
        let f = fixture("« Nous resterons ici jusqu'au bout de la nuit », lançaient des manifestants devant la mairie du village.");
        let w = f.work(0);
        assert!(w.group && w.unnamed_subject && w.np.is_none());
        assert_eq!(w.as_written.as_deref(), Some("des manifestants"));
    }

    #[test]
    fn a_french_quote_opening_its_paragraph_takes_the_person_of_the_paragraph_before() {
        let f = fixture(
            "À soixante ans, Odile Ferrand répare encore les vieilles horloges de la vallée. Elle a appris le métier auprès de son oncle.\n\n\
             « Il ne disait presque rien, il montrait les gestes avec patience. »",
        );
        let people = person_of_paragraph_before(&f.frames, f.spans[0].paragraph);
        assert_eq!(people.len(), 1);
        assert!(f.work(0).previous_subject.len() == 1);
        // (The first paragraph has no paragraph before it.)
        assert!(person_of_paragraph_before(&f.frames, 0).is_empty());
    }

    #[test]
    fn words_before_a_quote_may_make_it_a_label_or_a_charge() {
        assert_eq!(label_and_charge(&toks("what he called a")), (true, false));
        assert_eq!(label_and_charge(&toks("the man was charged with")), (false, true));
        assert_eq!(label_and_charge(&toks("the mayor said")), (false, false));
    }

    #[test]
    fn the_shape_of_the_words_before_a_quote() {
        let mut w = Work::default();
        read_left_shape(&mut w, &toks("invitée du"), false);
        assert!(w.noun_slot && !w.left_is_frame);
        let mut w = Work::default();
        read_left_shape(&mut w, &toks(","), false);
        assert!(w.listed);
        let mut w = Work::default();
        read_left_shape(&mut w, &toks("The mayor explained :"), false);
        assert!(w.announced && w.left_is_frame);
        let mut w = Work::default();
        read_left_shape(&mut w, &[], false);
        assert!(w.left_is_frame && !w.announced);
    }
}
