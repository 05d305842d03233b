//! Which French quotes are found as speech (fr-quotes, issue 13): one test per rule, on
//! short texts invented for the purpose (no dev or fixture text is used here).

use diglot::ingest::from_plain_text;
use diglot::model::{Quote, QuoteKind};
use diglot::text::quotes::extract;

fn quotes_of(text: &str) -> Vec<Quote> {
    extract(&from_plain_text("t", text))
}

/// The quote starting with `prefix`.
fn quote<'a>(qs: &'a [Quote], prefix: &str) -> &'a Quote {
    qs.iter().find(|q| q.text.starts_with(prefix)).unwrap_or_else(|| panic!("no quote «{prefix}» in {qs:#?}"))
}

fn speaker(q: &Quote) -> Option<&str> {
    q.speaker.as_ref().map(|s| s.name.as_str())
}

#[test]
fn a_short_fragment_leading_in_to_a_whole_quote_is_speech() {
    let qs = quotes_of(
        "Un marché couvert rénové\n\n\
         Le maire, Roland Perrot, a inauguré samedi la halle. Il a vanté un chantier « mené sans retard ». \
         « Nous avons tenu les délais et le budget », a déclaré Roland Perrot.",
    );
    let q = quote(&qs, "mené sans retard");
    assert_eq!(q.kind, QuoteKind::Partial, "{qs:#?}");
    assert_eq!(speaker(q), Some("Roland Perrot"), "{qs:#?}");
}

#[test]
fn a_short_fragment_before_a_sentence_that_is_not_a_quote_stays_a_term() {
    let qs = quotes_of(
        "Un marché couvert rénové\n\n\
         Le maire, Roland Perrot, a inauguré samedi la halle « du centre ». Les commerçants ont applaudi. \
         « Nous avons tenu les délais et le budget », a déclaré Roland Perrot.",
    );
    assert_eq!(quote(&qs, "du centre").kind, QuoteKind::Term, "{qs:#?}");
}

#[test]
fn a_cue_reaches_every_quote_of_its_sentence() {
    let qs = quotes_of(
        "Litige commercial\n\n\
         La société Velmor affirme que « les chiffres publiés sont exacts » et qu'elle « se réserve toute action en justice » \
         contre « les rumeurs malveillantes ».",
    );
    let q = quote(&qs, "les rumeurs malveillantes");
    assert_eq!(q.kind, QuoteKind::Partial, "{qs:#?}");
    assert_eq!(speaker(q), Some("Velmor"), "{qs:#?}");
}

#[test]
fn an_apposition_closing_the_attribution_sentence_belongs_to_it() {
    let qs = quotes_of(
        "Grève au collège\n\n\
         « On ne lâchera rien, soupire Inès Caradec, professeure de lettres. Les élèves méritent mieux. »\n\n\
         « La mobilisation grandit, a lancé Paul Terrier, secrétaire général du SNAC, premier syndicat des agents. Nous irons jusqu'au bout. »",
    );
    let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
    // (Branch joined, session 17: the halves around an incise are one quote.)
    assert_eq!(texts, ["On ne lâchera rien […] Les élèves méritent mieux.", "La mobilisation grandit […] Nous irons jusqu'au bout."], "{qs:#?}");
    assert_eq!(speaker(quote(&qs, "La mobilisation")), Some("Paul Terrier"), "{qs:#?}");
}

#[test]
fn a_quote_resuming_on_a_pronoun_after_the_attribution_keeps_its_words() {
    let qs = quotes_of(
        "Grève au collège\n\n\
         « On ne lâchera rien, soupire Inès Caradec, nous irons jusqu'au bout. »",
    );
    // (Branch joined, session 17: the second half is joined to the first, after ` […] `.)
    assert!(qs.iter().any(|q| q.text.contains(" […] nous irons jusqu'au bout")), "{qs:#?}");
}

#[test]
fn a_short_judgement_after_juge_is_speech() {
    let qs = quotes_of(
        "Grève au dépôt\n\n\
         Les chauffeurs ont cessé le travail lundi pour dénoncer un planning jugé « impossible à tenir », selon le syndicat Sud.\n\n\
         Le dépôt ouvrira un « espace détente » en juin.",
    );
    assert_eq!(quote(&qs, "impossible à tenir").kind, QuoteKind::Partial, "{qs:#?}");
    assert_eq!(quote(&qs, "espace détente").kind, QuoteKind::Term, "{qs:#?}");
}

/// fr_cues.txt (session 16): a verb of attack or correction after the quote is a cue, so a
/// short sentence quoted before it is speech with the named speaker.
#[test]
fn verbs_of_attack_and_correction_after_a_quote_are_cues() {
    let qs = quotes_of(
        "Le budget adopté\n\n\
         « C'est un matraquage », a attaqué Sandrine Morel, conseillère d'opposition. \
         « Le chiffre est faux », corrige Henri Lambert, adjoint aux finances.",
    );
    assert_eq!(speaker(quote(&qs, "C'est un matraquage")), Some("Sandrine Morel"), "{qs:#?}");
    assert_eq!(speaker(quote(&qs, "Le chiffre est faux")), Some("Henri Lambert"), "{qs:#?}");
}

/// quotes::speech_after_naming_verb: "a appelé « chacun au calme »" calls on people (a
/// preposition inside the quote) and "parle d'une « … »" of three words or more
/// characterises: speech; a name given ("une voisine appelée « madame Rose »") stays a term.
#[test]
fn a_call_or_a_characterisation_after_a_naming_verb_is_speech() {
    let qs = quotes_of(
        "Grève des bus\n\n\
         Le préfet, Julien Marchand, a appelé « chacun au calme ». Une voisine appelée « madame Rose » est partie. \
         La syndicaliste Anne Roussel parle d'une « gestion à courte vue ». \
         « Nous attendons des réponses », a déclaré Anne Roussel.",
    );
    let call = quote(&qs, "chacun au calme");
    assert_eq!(call.kind, QuoteKind::Partial, "{qs:#?}");
    assert_eq!(speaker(call), Some("Julien Marchand"), "{qs:#?}");
    assert_eq!(quote(&qs, "gestion à courte vue").kind, QuoteKind::Partial, "{qs:#?}");
    assert_eq!(quote(&qs, "madame Rose").kind, QuoteKind::Term, "{qs:#?}");
}

/// fr_cues.txt (session 16): verbs that report what someone puts forward or calls for
/// ("propose de …", "n'exclut pas de …", "invoque") make a short quote after them speech.
#[test]
fn verbs_of_proposal_and_invocation_before_a_short_quote_are_cues() {
    let qs = quotes_of(
        "Grève des bus\n\n\
         La ministre, Claire Sorel, a proposé de recevoir les syndicats « dans les prochains jours ». \
         Le maire, Paul Vidal, n'exclut pas de rejoindre un autre parti « dans les prochains mois ». \
         La directrice, Anne Roussel, invoque « la chute des commandes ».",
    );
    assert_eq!(speaker(quote(&qs, "dans les prochains jours")), Some("Claire Sorel"), "{qs:#?}");
    assert_eq!(speaker(quote(&qs, "dans les prochains mois")), Some("Paul Vidal"), "{qs:#?}");
    assert_eq!(speaker(quote(&qs, "la chute des commandes")), Some("Anne Roussel"), "{qs:#?}");
}

// Session 17 (fr-names).

#[test]
fn three_words_in_lower_case_woven_into_a_sentence_are_speech_without_a_cue() {
    let qs = quotes_of(
        "Un chantier retardé\n\n\
         L'architecte des Bâtiments de France, Odile Renaud, a retenu une « fragilité générale des fondations » dans son avis. \
         Elle a placé le chantier sous le signe de « la patience obstinée ». Les travaux reprendront en mars « ligne rouge ».",
    );
    assert_eq!(quote(&qs, "fragilité générale").kind, QuoteKind::Partial, "{qs:#?}");
    assert_eq!(quote(&qs, "la patience obstinée").kind, QuoteKind::Partial, "{qs:#?}");
    // Two words stay a term.
    assert_eq!(quote(&qs, "ligne rouge").kind, QuoteKind::Term, "{qs:#?}");
}

#[test]
fn an_inverted_attribution_followed_by_a_relative_clause_still_closes_the_sentence() {
    let qs = quotes_of(
        "Crue dans le Gard\n\n\
         NÎMES, 8 mars (AFP) - Le niveau des rivières a « sans doute déjà baissé » cette nuit, \
         a annoncé jeudi la préfecture du Gard, qui appelle toutefois à la prudence.",
    );
    let q = quote(&qs, "sans doute déjà baissé");
    assert_eq!(q.kind, QuoteKind::Partial, "{qs:#?}");
    assert_eq!(q.cue.as_deref(), Some("a annoncé"), "{qs:#?}");
}

#[test]
fn a_verb_of_advice_before_a_short_quote_is_a_cue() {
    let qs = quotes_of(
        "Orages sur le vignoble\n\n\
         Le médecin Paul Garnier conseille aux randonneurs de boire « au moins deux litres ».",
    );
    let q = quote(&qs, "au moins deux litres");
    assert_eq!(q.cue.as_deref(), Some("conseille"), "{qs:#?}");
    assert_eq!(speaker(q), Some("Paul Garnier"), "{qs:#?}");
}
