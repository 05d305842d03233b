//! What a French speaker's name may and may not be made of: pieces of a sentence that look like
//! names (a stressed pronoun, a preposition opening the sentence, a demonym, a lone letter of a
//! brand). Short texts written for the purpose in the style of sports and business copy.

use diglot::ingest::from_plain_text;
use diglot::model::Quote;
use diglot::text::quotes::extract;

fn quotes_of(text: &str) -> Vec<Quote> {
    extract(&from_plain_text("t", text))
}

/// The speaker of the quote starting with `prefix`.
fn speaker_of<'a>(qs: &'a [Quote], prefix: &str) -> Option<&'a str> {
    let q = qs.iter().find(|q| q.text.starts_with(prefix)).unwrap_or_else(|| panic!("no quote «{prefix}» in {qs:#?}"));
    q.speaker.as_ref().map(|s| s.name.as_str())
}

#[test]
fn a_stressed_lui_opening_a_sentence_is_the_subject() {
    let qs = quotes_of(
        "Relégation à Saint-Aubin\n\n\
         Le pilier Antoine Berthier quittera le club en juin. Son coéquipier Hugo Lamarque, lui, reste. \
         Lui promet de se battre : « On remontera dès l'an prochain, je veux être là. »",
    );
    assert_eq!(speaker_of(&qs, "On remontera"), Some("Hugo Lamarque"), "{qs:#?}");
}

#[test]
fn a_preposition_opening_the_sentence_is_not_part_of_a_company_name() {
    let qs = quotes_of(
        "Un entrepôt contesté\n\n\
         Chez Norvalis Logistique, filiale d'un fonds américain, on défend un projet « exemplaire ». Dans un \
         communiqué, l'entreprise assure que le site fonctionnera « en circuit fermé ».",
    );
    assert_eq!(speaker_of(&qs, "en circuit fermé"), Some("Norvalis Logistique"), "{qs:#?}");
}

#[test]
fn an_elided_demonym_before_a_name_is_not_part_of_it() {
    let qs = quotes_of(
        "Tennis\n\n\
         En demi-finale, la Française Léa Girard a dominé l'Allemande Petra Hofmann en deux sets. \
         Battue, Hofmann s'est dite « déçue mais pas abattue ».",
    );
    assert_eq!(speaker_of(&qs, "déçue mais"), Some("Petra Hofmann"), "{qs:#?}");
    // (A demonym no ending tells, the same in both genders.)
    let qs = quotes_of("Cyclisme\n\nDeuxième, le Belge Jan Peeters a regretté : « Personne ne voulait rouler. »");
    assert_eq!(speaker_of(&qs, "Personne ne"), Some("Jan Peeters"), "{qs:#?}");
}

#[test]
fn a_lone_letter_of_a_brand_is_never_a_speaker() {
    let qs = quotes_of(
        "Cyclisme\n\n\
         Le coureur de l'équipe Velor-K&K, 24 ans, a attaqué à dix kilomètres de l'arrivée. \
         « J'ai eu mal aux jambes, mais je ne voulais rien lâcher », a confié le vainqueur.",
    );
    assert_ne!(speaker_of(&qs, "J'ai eu mal"), Some("K"), "{qs:#?}");
}

// Session 17 (fr-names).

#[test]
fn a_noun_opening_a_sentence_with_its_complement_is_not_a_name() {
    let qs = quotes_of(
        "Conseil municipal agité\n\n\
         Le maire, Hervé Castel, a ouvert la séance. L'opposante Claire Dumas a dénoncé « un logo hors de prix ».\n\n\
         Réponse du maire : « Le logo date de trois ans et il a coûté bien moins que ça. »",
    );
    assert_eq!(speaker_of(&qs, "Le logo date"), Some("Hervé Castel"), "{qs:#?}");
}

#[test]
fn a_possessive_or_a_number_opening_a_sentence_is_never_a_speaker() {
    let qs = quotes_of(
        "Un musicien se confie\n\n\
         J'ai arrêté la scène en 2021. Mon médecin m'a dit : « Vous devez vous reposer maintenant. »\n\n\
         Trois voisins ont tout vu. « Le camion roulait beaucoup trop vite », a raconté une habitante.",
    );
    for q in &qs {
        let name = q.speaker.as_ref().map(|s| s.name.as_str()).unwrap_or("");
        assert!(!matches!(name, "Mon" | "Trois"), "{qs:#?}");
    }
}
