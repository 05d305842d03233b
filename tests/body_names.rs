//! Bodies named as written (issue 13): a name an acronym opens, and a name set right after a
//! body's common noun. Short texts written for the purpose (no dev-set article).

use diglot::ingest::from_plain_text;
use diglot::model::Quote;
use diglot::text::quotes::extract;

/// The speaker of the quote starting with `prefix`.
fn speaker_of(text: &str, prefix: &str) -> Option<String> {
    let qs: Vec<Quote> = extract(&from_plain_text("t", text));
    let q = qs.iter().find(|q| q.text.starts_with(prefix)).unwrap_or_else(|| panic!("no quote «{prefix}» in {qs:#?}"));
    q.speaker.as_ref().map(|s| s.name.clone())
}

#[test]
fn an_acronym_and_one_more_capitalised_word_name_one_body() {
    let fr = "Travaux sur la ligne\n\nDans un communiqué, SNCF Réseau précise que le chantier imposera « le remplacement de tous les rails ».";
    assert_eq!(speaker_of(fr, "le remplacement").as_deref(), Some("SNCF Réseau"));
    let en = "Probe goes on\n\n\"The investigation is ongoing and we expect results soon,\" ABC News reported.";
    assert_eq!(speaker_of(en, "The investigation").as_deref(), Some("ABC News"));
}

#[test]
fn an_acronym_before_a_first_name_and_surname_stays_apart() {
    let fr = "Grève\n\n« Nous ne céderons pas », a déclaré à l'AFP Claire Moreau, porte-parole du syndicat.";
    assert_eq!(speaker_of(fr, "Nous ne céderons").as_deref(), Some("Claire Moreau"));
}

#[test]
fn a_name_set_right_after_a_body_noun_is_that_body() {
    let fr = "Résultats\n\n« Nos ventes reculent », indique SNCF Réseau.\n\n« Nos résultats sont très bons », indique le groupe Renault.";
    assert_eq!(speaker_of(fr, "Nos résultats").as_deref(), Some("Renault"));
}

#[test]
fn a_place_in_a_body_noun_complement_is_no_body() {
    let fr = "Crue\n\nDans un communiqué, la préfecture de l'Allier indique que « la vigilance orange est maintenue jusqu'à jeudi ».";
    let who = speaker_of(fr, "la vigilance").unwrap_or_default();
    assert!(who.to_lowercase().contains("préfecture"), "{who}");
}

/// The speaker of the quote starting with `prefix`, lower-cased ("" when none).
fn who(text: &str, prefix: &str) -> String {
    speaker_of(text, prefix).unwrap_or_default().to_lowercase()
}

#[test]
fn an_org_word_keeps_the_name_after_its_elided_de() {
    let fr = "Accident\n\nLe ministère a indiqué que deux touristes étaient blessés. « Notre consulat les suit de près », a précisé le Quai d'Orsay.";
    assert!(who(fr, "Notre consulat").contains("quai d'orsay"), "{}", who(fr, "Notre consulat"));
}

#[test]
fn a_long_form_before_its_acronym_speaks_in_full_through_a_pronoun() {
    let fr = "Grève\n\nLa Direction générale de l'aviation civile (DGAC) a demandé aux compagnies de réduire leurs vols. « Des retards sont à prévoir », a-t-elle averti, en conseillant de « reporter les voyages si possible ».";
    for q in ["Des retards", "reporter les"] {
        assert!(who(fr, q).contains("aviation civile"), "{q}: {}", who(fr, q));
    }
}

#[test]
fn a_body_name_with_a_lower_case_adjective_before_a_country_is_one_name() {
    let fr = "Chaleur\n\nSelon le bulletin de Santé publique France, les urgences reçoivent des cas de « déshydratation sévère ».";
    assert!(who(fr, "déshydratation").contains("santé publique france"), "{}", who(fr, "déshydratation"));
}

#[test]
fn a_ministry_charged_with_a_field_is_the_ministry_not_the_field() {
    let fr = "Pêche\n\nDans un communiqué, le ministère chargé de la Mer a jugé les règles « trop lourdes pour les pêcheurs ».";
    assert!(who(fr, "trop lourdes").contains("ministère"), "{}", who(fr, "trop lourdes"));
}

#[test]
fn the_services_of_the_state_are_a_body_not_the_state() {
    let fr = "Grippe\n\nDans un communiqué, les services de l'État indiquent que « les volailles seront abattues ».";
    assert!(who(fr, "les volailles").contains("services"), "{}", who(fr, "les volailles"));
}

#[test]
fn the_text_of_a_communique_speaks_for_its_issuer() {
    let fr = "Usine\n\nDans un communiqué publié lundi, la direction justifie sa décision par la baisse des ventes. Le texte évoque un « plan d'accompagnement ambitieux » pour les salariés.";
    assert!(who(fr, "plan d'accompagnement").contains("direction"), "{}", who(fr, "plan d'accompagnement"));
}

#[test]
fn a_bulletin_named_after_its_body_speaks_through_le_document() {
    let fr = "Grippe\n\nSelon le dernier bulletin de Santé publique France, publié mercredi, l'épidémie progresse. Le document fait état d'« une progression très rapide des passages aux urgences ».";
    assert!(who(fr, "une progression").contains("santé publique france"), "{}", who(fr, "une progression"));
}

#[test]
fn a_body_in_full_is_not_the_last_body_that_spoke() {
    let fr = "Festival\n\nCôté sécurité, la gendarmerie fait état d'un bilan « plutôt calme pour la saison ».\n\nLe conseil départemental, principal partenaire, a salué dans un communiqué « un rendez-vous culturel majeur ».";
    assert!(who(fr, "un rendez-vous").contains("conseil départemental"), "{}", who(fr, "un rendez-vous"));
}

#[test]
fn a_party_and_a_constituency_in_brackets_are_no_speaker() {
    let fr = "Retraites\n\nLe rapporteur du texte, Thibault Lenoir (Renaissance, Yvelines), a défendu le projet. « Nous avons entendu tout le monde », a expliqué le député.";
    assert!(who(fr, "Nous avons entendu").contains("lenoir"), "{}", who(fr, "Nous avons entendu"));
}

#[test]
fn an_acronym_in_brackets_does_not_cut_a_body_from_its_complement() {
    let fr = "Fouilles\n\nDans un communiqué, la direction régionale des affaires culturelles (Drac) de Bretagne souligne que le site « apporte un éclairage nouveau ».";
    let w = who(fr, "apporte un");
    assert!(w.contains("drac") || w.contains("direction régionale"), "{w}");
}

#[test]
fn a_deputy_with_a_label_in_brackets_speaks_as_himself() {
    let fr = "Retraites\n\nLe rapporteur du texte, Thibault Lenoir (Renaissance, Yvelines), a défendu un projet « équilibré et juste ». « Nous avons entendu tout le monde », a expliqué le député.";
    for q in ["équilibré", "Nous avons entendu"] {
        assert!(who(fr, q).contains("lenoir"), "{q}: {}", who(fr, q));
    }
}

#[test]
fn le_document_is_the_study_introduced_by_un() {
    let fr = "Festivals\n\nSelon un baromètre publié fin août par le syndicat des festivals, un festival sur trois est en déficit. Le document évoque « un effet ciseaux inédit » pour les organisateurs.";
    assert!(who(fr, "un effet ciseaux").contains("baromètre"), "{}", who(fr, "un effet ciseaux"));
}

// fr-bodies (session 14): the issuer of a document and institution names in lower case.

#[test]
fn an_unowned_communique_is_the_words_of_the_body_its_sentence_names() {
    let fr = "Feu d'usine\n\nLe parquet de Vierzon a ouvert une enquête « afin de déterminer l'origine du feu », selon un communiqué.";
    assert_eq!(speaker_of(fr, "afin de").as_deref(), Some("parquet de Vierzon"));
    // A body after a preposition is no issuer.
    let fr = "Feu d'usine\n\nLes pompiers ont écrit à la mairie de Vierzon que « tout danger est écarté », selon un communiqué.";
    assert_ne!(speaker_of(fr, "tout danger").as_deref(), Some("mairie de Vierzon"));
}

#[test]
fn the_text_of_a_communique_is_the_body_that_issued_it_without_a_cue() {
    let fr = "Verdict\n\nDans un communiqué diffusé après l'audience, le parquet de Bourges a pris acte d'une décision qui « sanctionne des manquements ». « Le parquet examinera le jugement », précise le texte.";
    assert_eq!(speaker_of(fr, "Le parquet examinera").as_deref(), Some("parquet de Bourges"));
}

#[test]
fn lower_case_adjectives_extend_an_institution_name() {
    let fr = "Maraîchage\n\nLa Fédération agricole régionale a dénoncé des mesures qui « oublient les petites fermes ».";
    assert_eq!(speaker_of(fr, "oublient").as_deref(), Some("Fédération agricole régionale"));
}

#[test]
fn a_bare_direction_is_the_company_not_the_union_heard_last() {
    let fr = "Usine\n\nLa société Brelin va fermer son site de Mauzac. « C'est un choc », a déclaré la CGT.\n\nLa direction assure avoir « exploré toutes les options ».";
    assert_eq!(speaker_of(fr, "exploré").as_deref(), Some("Brelin"));
    // No company named and no body heard in the lead: the management speaks as written.
    let fr = "Usine\n\nLes salariés du site de Mauzac sont en grève depuis lundi.\n\nLa direction assure avoir « exploré toutes les options ».";
    assert_eq!(speaker_of(fr, "exploré").as_deref(), Some("direction"));
}

#[test]
fn a_spokesperson_of_an_agent_periphrasis_speaks_for_the_company_in_view() {
    let fr = "Panne géante\n\nVoltenor a mobilisé 800 techniciens. « La priorité est de rétablir les hôpitaux », a précisé un porte-parole du fournisseur d'électricité.";
    assert_eq!(speaker_of(fr, "La priorité").as_deref(), Some("Voltenor"));
    // Plural: people, not the company.
    let fr = "Panne géante\n\nVoltenor a mobilisé 800 techniciens. « Nous sommes épuisés », a précisé un représentant des techniciens.";
    assert_ne!(speaker_of(fr, "Nous sommes").as_deref(), Some("Voltenor"));
}

#[test]
fn on_after_a_fronted_cote_speaks_for_the_body() {
    let fr = "Projet contesté\n\nLe projet divise la commune. Côté préfecture du Calvados, on rappelle que « rien n'est encore signé ».";
    assert!(who(fr, "rien n'est").contains("préfecture"), "{}", who(fr, "rien n'est"));
}

#[test]
fn a_body_speaks_through_elle_not_its_last_member_in_brackets() {
    let fr = "Grève\n\nL'intersyndicale (CGT, FO, Unsa) demande des embauches. Dans un communiqué, elle affirme que « les agressions ont doublé ».";
    assert!(who(fr, "les agressions").contains("intersyndicale"), "{}", who(fr, "les agressions"));
}

#[test]
fn a_body_noun_is_not_the_last_body_heard_of_another_kind() {
    let fr = "Retraites\n\nL'Assemblée nationale a entamé l'examen du projet de loi, qui prévoit de reporter l'âge de départ.\n\nDans un communiqué, l'intersyndicale appelle à une grève et estime que l'exécutif « reste sourd à la rue ».";
    assert!(who(fr, "reste sourd").contains("intersyndicale"), "{}", who(fr, "reste sourd"));
}

#[test]
fn a_short_town_in_a_dateline_is_no_body_heard() {
    let fr = "Retraites\n\nPARIS, 12 février (AFP) - Le texte, qui prévoit de reporter l'âge de départ, arrive lundi.\n\nDans un communiqué, l'intersyndicale appelle à une grève et estime que l'exécutif « reste sourd à la rue ».";
    assert!(who(fr, "reste sourd").contains("intersyndicale"), "{}", who(fr, "reste sourd"));
}

#[test]
fn a_body_noun_is_not_the_last_body_heard_by_its_own_noun() {
    let fr = "Grève\n\nSeule une ligne circulait, selon la direction, qui fait état de 68 % de grévistes.\n\nL'intersyndicale (CGT, FO, Unsa) demande des embauches. Dans un communiqué, elle affirme que « les agressions ont doublé ».";
    assert!(who(fr, "les agressions").contains("intersyndicale"), "{}", who(fr, "les agressions"));
}

#[test]
fn an_association_named_with_a_lower_case_word_speaks_in_full() {
    let fr = "Recours\n\nL'association Terres propres, à l'origine du recours, s'est félicitée d'une « victoire pour les riverains ».";
    assert!(who(fr, "victoire").contains("terres propres"), "{}", who(fr, "victoire"));
}

#[test]
fn a_wire_agency_asking_a_body_does_not_speak_for_it() {
    let fr = "Sommet\n\nLa déclaration finale, consultée par l'AFP, prévoit un fonds. Les signataires s'y engagent à « réduire les pertes des réseaux » d'ici 2035.";
    let who = speaker_of(fr, "réduire les pertes").unwrap_or_default();
    assert_ne!(who, "AFP");
}

// ===== fr-places (session 16) =====

#[test]
fn a_body_of_a_place_named_before_as_a_complement_is_the_body_not_the_place() {
    // (Registry::is_complement_alone: "l'Hérault" met first in another body's complement.)
    let fr = "Gel\n\nLa chambre d'agriculture de l'Hérault chiffre les pertes. La préfecture de l'Hérault a indiqué que le dossier serait « traité en urgence ».";
    let who = who(fr, "traité en urgence");
    assert!(who.contains("préfecture"), "{who}");
}

#[test]
fn a_department_or_region_is_never_the_speaker() {
    // (gazetteer.txt: the departments and regions; "la coopérative" is not the region named last.)
    let fr = "Récolte\n\nLa coopérative, qui rassemble 300 producteurs entre la Gironde et la Dordogne, a confirmé une récolte « en baisse de moitié ».";
    let who = who(fr, "en baisse");
    assert!(!who.contains("gironde") && !who.contains("dordogne"), "{who}");
}

#[test]
fn a_relative_after_a_bodys_bracketed_acronym_stands_for_the_body() {
    // (attribution::subject_before: ", qui" after "(CTE)".)
    let fr = "Eau\n\nRennes s'appuie sur l'avis du Comité technique des eaux (CTE), qui juge la nappe « sous le seuil d'alerte ».";
    let who = who(fr, "sous le seuil");
    assert!(who.contains("comité technique"), "{who}");
}

#[test]
fn a_body_with_its_acronym_then_its_region_speaks_not_the_region() {
    // (rules_fr::body_before_acronym_and_place; rules_fr::body_noun_before_adjectives.)
    let fr = "Urgences\n\nL'agence régionale de santé (ARS) Haute-Provence a indiqué « prendre acte » de la fermeture. La préfecture maritime de la Méditerranée a dit « suivre la situation ».";
    assert!(who(fr, "prendre acte").contains("agence régionale de santé"), "{}", who(fr, "prendre acte"));
    assert!(who(fr, "suivre la situation").contains("préfecture maritime"), "{}", who(fr, "suivre la situation"));
}

#[test]
fn a_communique_in_a_sentence_opened_by_a_body_noun_is_that_bodys() {
    // (Registry::body_noun_opening_sentence.)
    let fr = "Usine\n\nLe plan prévoit l'arrêt de deux lignes. La direction invoque « une chute durable des commandes », selon un communiqué transmis jeudi.";
    let who = who(fr, "une chute durable");
    assert!(who.contains("direction"), "{who}");
}

#[test]
fn an_authority_named_by_an_agent_noun_keeps_its_complement() {
    // (org_words.txt: défenseur, médiateur; rules_fr::org_word_with_common_complement_end.)
    let fr = "Retards\n\nLe Médiateur des entreprises, saisi par des artisans, avait rappelé en mars que ces contrats doivent prévoir « des délais de paiement raisonnables ».";
    let who = who(fr, "des délais");
    assert!(who.contains("médiateur des entreprises"), "{who}");
}

#[test]
fn a_jury_speaks_as_a_body() {
    // fr-places2: "le jury" is a body noun; the quote is the jury's, not the person named next.
    let fr = "Un prix pour une chercheuse\n\nLa physicienne Anne Roussel a reçu le prix Carnot.\n\nDans un communiqué, le jury a salué « une œuvre d'une rare cohérence ».\n\nLe recteur, Paul Marchand, a estimé que ce prix montrait « l'excellence du campus ».";
    let who = speaker_of(fr, "une œuvre").unwrap_or_default();
    assert!(who.to_lowercase().contains("jury"), "{who}");
}

// fr-bodies s17: a company noun goes back to the company named by its parts or sites, never
// to the union heard since nor to the town of its plant.
#[test]
fn a_company_noun_is_the_company_named_by_its_parts_not_the_union_heard_since() {
    let fr = "Grève chez Tralmo\n\nDepuis lundi, des salariés de l'entrepôt Tralmo, à Vernoux, ont cessé le travail. La direction de Tralmo regrette le mouvement.\n\n« On nous demande toujours plus », a dit Paul Ferrand, délégué de la CGT.\n\nL'entreprise affirme avoir proposé « une prime exceptionnelle ».";
    assert_eq!(speaker_of(fr, "une prime").as_deref(), Some("Tralmo"));
}

#[test]
fn a_company_noun_is_never_the_town_of_its_plant() {
    let fr = "Borvex supprime des postes\n\nLe fabricant de pièces automobiles veut fermer son usine de Lanterville, dans le Jura.\n\nJeudi, devant les élus, la direction de Borvex a présenté un plan prévoyant la fermeture de l'usine de Lanterville. Dans un communiqué, le groupe invoque « une baisse durable des commandes ».\n\n« On a tout donné », lâche un ouvrier, à Lanterville. À Lanterville, 3 000 habitants, la colère gronde.";
    assert_eq!(speaker_of(fr, "une baisse").as_deref(), Some("Borvex"));
}

#[test]
fn a_typed_body_noun_is_the_body_it_was_apposed_to() {
    let fr = "Logement des jeunes\n\nDu côté de Clair Logis, l'association qui gère trois foyers, on s'inquiète. « Les demandes explosent », a dit Paul Ferrand, son président.\n\nDans un communiqué, l'association estimait que « la situation devient intenable ».";
    assert_eq!(speaker_of(fr, "la situation").as_deref(), Some("Clair Logis"));
}

/// A chamber ("la chambre des métiers") is a body named by its common noun: it speaks with a cue,
/// and "l'organisme" later in the text is that chamber (roles.txt, fr-bodies2).
#[test]
fn a_chamber_named_by_its_noun_is_a_body_that_speaks() {
    let fr = "Artisans\n\nLa chambre des métiers conseille aux artisans de garder leurs factures « pendant dix ans ».";
    let who = speaker_of(fr, "pendant dix").unwrap_or_default();
    assert!(who.to_lowercase().contains("chambre"), "{who}");
    let fr = "Artisans\n\nSelon les chiffres de la chambre des métiers, les inscriptions reculent. L'organisme évoque \
              dans sa note « une année très difficile » pour les boulangers.";
    let who = speaker_of(fr, "une année").unwrap_or_default();
    assert!(who.to_lowercase().contains("chambre"), "{who}");
}

/// "La Confédération artisanale": a confederation's name runs on through its lower-case adjective
/// (org_words.txt, fr-bodies2), not cut at its capitalised noun.
#[test]
fn a_confederation_keeps_its_lower_case_adjective() {
    let fr = "Salaires\n\nLa Confédération artisanale a dénoncé des hausses qui « profitent d'abord aux cadres ».";
    let who = speaker_of(fr, "profitent").unwrap_or_default();
    assert!(who.to_lowercase().contains("confédération artisanale"), "{who}");
}

/// "l'association Liberté de circuler, qui …": an association's phrase name runs on through
/// "de" and a content word up to the comma (rules_fr::de_opens_phrase_name, fr-bodies2).
#[test]
fn an_association_name_runs_on_through_de_and_a_content_word() {
    let fr = "Péages\n\nPaul Girard préside l'association Liberté de circuler, qui compte 900 membres. Dans un communiqué, \
              l'association dénonce « une hausse injuste ».";
    let who = speaker_of(fr, "une hausse").unwrap_or_default();
    assert!(who.to_lowercase().contains("liberté de circuler"), "{who}");
}

/// fr-docs s17: a person the communiqué cites ("citée dans un communiqué") spoke in it but
/// did not issue it: "précise le communiqué" is the company's (or the document's) words.
#[test]
fn a_communique_is_not_the_words_of_the_person_it_cites() {
    let fr = "Résultats\n\nLa société Valmont a publié mardi ses comptes annuels. « Nous sommes fiers de cette année », a commenté son président, Paul Ribet, cité dans un communiqué.\n\nLa société veut aussi « ouvrir trois nouvelles usines en Bretagne », précise le communiqué.";
    let who = speaker_of(fr, "ouvrir trois").unwrap_or_default().to_lowercase();
    assert!(who.contains("valmont") || who.contains("communiqué"), "{who}");
}

/// fr-docs s17: "les magistrats" after the chamber that audited the accounts speak for it.
#[test]
fn the_members_of_a_body_named_before_speak_for_it() {
    let fr = "Audit\n\nLes comptes de la commune ont été examinés par la chambre régionale des comptes. Les magistrats y notaient « une gestion très approximative des marchés publics ».";
    let who = speaker_of(fr, "une gestion").unwrap_or_default().to_lowercase();
    assert!(who.contains("chambre régionale des comptes"), "{who}");
}
