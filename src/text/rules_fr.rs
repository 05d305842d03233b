//! French attribution rules: the grammar of French reporting that the shared engine
//! (`attribution`, `entities`, `quotes`) calls into. Every rule works on the one tokenizer's
//! tokens (`attribution::tokenize`) and the one lexicon (`lexicon`), and is named in
//! [`RULES`] with the test that exercises it on its own.

use super::attribution::{ADVERBS, Cue, Np, NpKind, Tok, TokKind, content_words, is_det, np_backward, np_forward};
use super::floor_char_boundary;
use super::lexicon::{Gender, Lexicon, PronounKind, fold, role_noun_gender};
use crate::model::{Speaker, SpeakerKind};

/// The French rules by name, with the test (in this file or `tests/quotes_fr.rs`) that
/// checks each one alone.
pub const RULES: &[(&str, &str)] = &[
    ("inverted cue with -t-", "rules_fr::tests::inversions_split_verb_and_pronoun"),
    ("'estime, de son côté, X', 'rétorque, agacé, le maire': an incise between an inverted cue and its subject", "rules_fr::tests::an_incise_after_an_inverted_cue_is_skipped"),
    ("'tranche de son côté M. X': a contrast phrase between an inverted cue and its subject", "rules_fr::tests::a_contrast_phrase_between_an_inverted_cue_and_its_subject_is_skipped"),
    ("auxiliary then listed participle", "rules_fr::tests::a_participle_after_an_auxiliary_and_adverbs_is_found"),
    ("adverbs of time before the participle", "rules_fr::tests::a_participle_after_adverbs_of_time_is_found"),
    ("a fronted participle opening a sentence is no name", "rules_fr::tests::a_participle_opening_a_sentence_is_no_name"),
    ("indefinite plural group is the speaker as written", "rules_fr::tests::an_indefinite_plural_group_opening_the_clause_is_found"),
    ("participle clause takes the sentence subject", "rules_fr::tests::a_present_participle_takes_the_subject_of_its_sentence"),
    ("'l'ancien ministre', 'l'élu': a role phrase's gender by adjective and paired form", "rules_fr::tests::a_role_phrase_tells_its_gender_by_adjective_and_paired_form"),
    ("'Le rapport …, est plus nuancé. …, il souligne': a document opening the sentence before", "rules_fr::tests::a_document_opening_the_sentence_before_is_a_previous_subject"),
    ("il/elle agree with the previous sentence subject", "rules_fr::tests::the_previous_subject_carries_its_article_gender"),
    ("a subject's de-complements belong to it", "rules_fr::tests::a_complement_before_the_verb_belongs_to_the_subject_phrase"),
    ("'Pour le collectif de défense des enfants,': the body with its complement", "rules_fr::tests::a_body_after_pour_keeps_its_complement_up_to_the_comma"),
    ("'« … » averti Météo France': a bare participle right after a quote", "rules_fr::tests::a_bare_participle_right_after_a_quote_is_its_cue"),
    ("'Union européenne': an institution's lower-case adjectives", "rules_fr::tests::an_institution_name_keeps_its_lower_case_adjective"),
    ("a name apposed to a prepositional object is oblique", "rules_fr::tests::a_name_apposed_to_the_object_of_a_preposition_is_oblique"),
    ("'« … », lançaient des manifestants': a group after an inverted cue", "rules_fr::tests::a_group_right_after_an_inverted_cue_is_found"),
    ("ils/elles go back to a plural group opening the sentence before", "rules_fr::tests::a_plural_group_opening_a_sentence_is_found_with_its_complements"),
    ("a group speaks by its noun, without its quantifier", "rules_fr::tests::a_group_is_named_without_its_quantifier"),
    ("'la Ligue des droits de l'homme dénonce': an institution's lower-case name before the verb", "rules_fr::tests::an_institution_name_runs_on_in_lower_case_before_the_verb"),
    ("'Les maires ruraux ont salué': a plural group with adjectives is the cue's subject", "rules_fr::tests::a_plural_group_with_its_adjectives_is_the_subject_of_the_cue"),
    ("'L'agence régionale de santé justifie': a lower-case body opening the clause", "rules_fr::tests::a_lower_case_body_with_its_adjective_opens_the_clause"),
    ("'un porte-parole du collectif Droit de cité': a body noun keeps the body's name", "rules_fr::tests::a_body_noun_keeps_the_name_that_follows_it"),
    ("an interview's question ends on '?' or an ellipsis", "rules_fr::tests::an_interview_question_ends_on_a_question_mark_or_an_ellipsis"),
    ("an interview's answers stay the interviewee's, not a name in the question", "quotes_fr::an_answer_is_the_interviewees_not_a_name_in_the_question"),
    ("'Auteur du but, X savourait :': a bare role opening the sentence is an apposition", "rules_fr::tests::a_bare_role_opening_the_sentence_before_a_comma_is_an_apposition"),
    ("'le jeune attaquant X savourait :': a name closing a description announces a quote", "rules_fr::tests::a_name_closing_a_description_announces_the_quote"),
    ("'se contente de répondre': an infinitive speech verb after a verb of restraint (fr_cues.txt)", "quotes_fr::an_infinitive_after_a_verb_of_restraint_is_a_cue"),
    ("a dialogue inside one pair of guillemets: a turn after each dash that follows a sentence", "rules_fr::tests::a_dash_after_a_sentence_inside_guillemets_starts_a_turn"),
    ("turns of a dialogue alternate speakers, never copying the turn next to them", "quotes_fr::the_turns_of_a_dialogue_inside_guillemets_alternate"),
    ("'l'association Parents en réseau,': an association's name runs on through a preposition to the comma", "quotes_fr::an_association_name_runs_on_through_its_lower_case_phrase"),
    ("'Le conseil départemental a salué': a lower-case body keeps its institution adjective", "quotes_fr::a_lower_case_council_keeps_its_adjective"),
    ("'La CGT … le syndicat accuse': a bare noun for a kind of body is the body last named in its paragraph", "quotes_fr::a_bare_union_noun_is_the_union_named_in_its_paragraph"),
    ("a portrait's role noun is the roleless subject nearby, not someone with another role (entities::roleless_subject_near)", "quotes_fr::a_portraits_role_noun_is_the_person_portrayed_not_one_with_another_role"),
    ("'Une habitante du hameau, réveillée …, témoigne :': an unnamed person opening the clause stays unnamed, never the last name", "rules_fr::tests::an_unnamed_person_opening_the_clause_is_found"),
    ("'la société Vitrines du Centre': after a body's common noun, its name runs on through du/de la/des", "rules_fr::tests::a_company_name_after_its_common_noun_runs_on_through_du"),
    ("'a reconnu le président de la conférence, Daniel Mwangi,': a name apposed to the role after the cue is the speaker", "rules_fr::tests::a_name_apposed_to_a_role_after_the_cue_is_the_speaker"),
    ("'indique-t-on à la brigade de X': the body where 'on' speaks is the speaker", "rules_fr::tests::the_body_where_on_speaks_is_the_speaker"),
    ("paragraphs opening on a dialogue dash are turns, with or without guillemets (quote_marks::scan)", "quote_marks::tests::paragraphs_opening_on_a_dash_are_turns_of_a_dialogue"),
    ("'le technicien', 'la skieuse': an agent noun after its article is a person's role", "rules_fr::tests::an_agent_noun_after_its_article_is_a_role"),
    ("'Quant à l'entraîneuse, elle … :': the topic set out first speaks after the colon", "rules_fr::tests::a_name_closing_a_description_announces_the_quote"),
    ("'le ministre' / 'la ministre': the article tells a role noun's gender", "rules_fr::tests::the_article_tells_a_role_nouns_gender"),
    ("a dialogue without cues: the scene's subject speaks first, the other person named next, in turn", "rules_fr::tests::a_dialogue_without_cues_opens_on_the_scenes_subject"),
    ("'La direction du port a indiqué': an organisation's head noun with its modifiers opening the clause is the speaker as written", "rules_fr::tests::an_organisation_phrase_before_the_verb_is_the_subject"),
    ("'Selon Rabat': a city after 'selon' stands for its government", "rules_fr::tests::a_city_after_selon_stands_for_its_government"),
    ("'Villaines-la-Juhel', 'Boulogne-sur-Mer': a hyphenated name with a lower-case link is a commune, not a person", "rules_fr::tests::a_hyphenated_name_with_a_lower_case_link_is_a_commune"),
    ("'À Redon, …', 'en Bretagne': a capitalised word after a preposition of place is a place, not a person", "rules_fr::tests::a_name_after_a_preposition_of_place_is_a_place"),
    ("'a déclaré à l'AFP son porte-parole, X': the listener ends before the speaker's determiner", "rules_fr::tests::a_listener_ends_before_the_next_determiner"),
    ("'le Kényan Daniel Mwangi': a capitalised demonym after le/la is not part of the name", "quotes_fr::a_name_apposed_to_the_role_of_an_incise_is_the_speaker"),
    ("'l'Allemande Petra Hofmann', 'le Belge Jan Peeters': elided, or a demonym no ending tells (is_demonym_before_name)", "speaker_names_fr::an_elided_demonym_before_a_name_is_not_part_of_it"),
    ("'Lui promet de rester : « … »': a capitalised 'lui' is the stressed subject, not an object (attribution::np_forward)", "speaker_names_fr::a_stressed_lui_opening_a_sentence_is_the_subject"),
    ("'Chez Norvalis Logistique, on …': a preposition opening the sentence is not part of the name (function_words.txt)", "speaker_names_fr::a_preposition_opening_the_sentence_is_not_part_of_a_company_name"),
    ("'l'équipe Velor-K&K': a lone letter is never a name (entities::collect_names)", "speaker_names_fr::a_lone_letter_of_a_brand_is_never_a_speaker"),
    ("'a indiqué la préfecture, consultée par l'AFP': the agent of consulté/interrogé/joint par asked, and is no speaker (is_asker_of_what_is_said)", "rules_fr::asker_tests::a_body_that_asked_is_no_speaker"),
    ("'L'avis rendu par X … Le document relève « … »': a bare document noun speaks for the agent of the issuing participle (is_issuer_of_document_before)", "rules_fr::asker_tests::the_agent_of_an_issued_document_is_its_issuer"),
    ("'« … », s'amuse-t-il': an inversion right after a quote is its cue, whatever the verb", "quotes_fr::an_inversion_right_after_a_quote_is_its_cue_whatever_the_verb"),
    ("'la société X … l'entreprise': company nouns name the same company", "quotes_fr::a_company_introduced_by_one_noun_is_meant_by_another"),
    ("'a estimé le Portugais': a demonym after le/la stands for a person of that gender", "quotes_fr::a_demonym_stands_for_the_person_in_the_story"),
    ("'la cour a estimé', 'un porte-parole de la caisse régionale': courts and funds are bodies (roles.txt)", "quotes_fr::a_court_and_a_fund_named_by_their_noun_speak"),
    ("'Le syndicat X a voté contre et dénonce': a coordinated cue's subject keeps the body's name", "quotes_fr::a_body_with_its_name_speaks_through_a_coordinated_verb"),
    ("'Le juge des référés estime': a French role is not the lead's next speaker introduced with another role (entities::lead_speaker_after)", "quotes_fr::a_role_is_not_the_next_speaker_with_another_role"),
    ("'Pour le fonds public …, X coche « … »': a fund is a body (roles.txt), so 'Pour' attributes", "quotes_fr::pour_an_investment_fund_attributes_the_judgment_that_follows"),
    ("'s'amuse l'artiste, joint par téléphone': a participle set off after a role tells its gender", "quotes_fr::a_participle_after_an_epicene_role_tells_its_gender"),
    ("'Celui-ci', 'celle-ci': the agreeing person named last", "quotes_fr::celui_ci_is_the_agreeing_person_named_last"),
    ("'« …, a reconnu le président, le Kényan X, mais … »': the apposed name belongs to the incise", "quotes_fr::a_name_apposed_to_the_role_of_an_incise_is_the_speaker"),
    ("'justifie l'éleveur', 'l'enquêtrice': after an elided article a role noun's ending tells its gender", "rules_fr::tests::an_elided_role_nouns_ending_tells_its_gender"),
    ("'Son voisin, X, … justifie l'éleveur': a role no one was given is the agreeing subject nearby, even one described by a word that is no role", "quotes_fr::an_elided_role_noun_is_the_agreeing_subject_not_the_woman_quoted_before"),
    ("'Le fils du défunt, Sébastien Marty, a raconté': a descriptor with a name in apposition is that person, not the last man named (entities::apposed_person)", "quotes_fr::a_descriptor_with_a_name_in_apposition_is_that_person"),
    ("'l'hôtel de Roquelaure': a name after de following a noun of place or building is a place, not a person", "rules_fr::tests::a_name_after_a_place_noun_and_de_is_a_place; quotes_fr::a_name_after_a_building_noun_is_no_one_a_pronoun_stands_for"),
    ("'…, « des gens … ». [¶] « Ce dossier … »': a quote-only paragraph is not carried back over a newer, not yet attributed quote to the speaker before (quotes::extract_with_candidates)", "quotes_fr::a_quote_only_paragraph_goes_on_with_the_voice_just_quoted_not_the_one_before"),
    ("'leur société, Soléo Habitat,': a name apposed to a body's common noun is that body, not a person", "rules_fr::tests::a_name_apposed_to_a_body_noun_is_the_body; quotes_fr::a_company_apposed_to_its_noun_is_no_one_il_stands_for"),
    ("'La préfète de X, la commandante Y': a complement and a title between a role and its apposed name", "rules_fr::tests::a_complement_and_a_title_may_stand_between_a_role_and_its_name"),
    ("'« … » Son mari, Robert, confirme : « … »': a new sentence whose cue ends on a colon announces the next quote (quotes::announces_next_quote)", "quotes_fr::a_new_sentence_whose_cue_ends_on_a_colon_announces_the_next_quote"),
    ("'le représentant de l'accusation', 'la scientifique': a general role noun of a family in role_synonyms.txt is the person introduced with another of it", "quotes_fr::a_general_role_noun_stands_for_the_person_introduced_with_a_role_of_its_family; quotes_fr::a_second_name_of_a_players_position_stands_for_the_player"),
    ("'joueur mythique de l'AS Saint-Étienne': one word after a club's acronym names the club, not a person given the role", "quotes_fr::a_one_word_name_after_a_clubs_acronym_is_the_club_not_the_player"),
    ("'Au ministère de la Santé, on reconnaît que': on after a fronted body is that body", "quotes_fr::on_speaking_after_a_fronted_body_is_that_body"),
    ("'a condamné Kevin Roche', 'X, a été condamné': the person judged is le prévenu / l'accusé", "quotes_fr::the_person_a_court_judged_is_the_accused"),
    ("of several people given the role a French role noun names, the one most in view (salience_fr)", "quotes_fr::of_several_people_given_a_role_the_one_most_in_view_is_meant"),
    ("'Le club, qui …, traverse …' in a paragraph opened on a person is not the next il/elle", "quotes_fr::a_body_in_a_paragraph_about_a_person_is_not_the_next_pronouns_antecedent"),
    ("'revient à Claire Vidalenc': a first name and a surname after a preposition of place still name a person", "quotes_fr::a_full_name_after_a_french_preposition_of_place_is_still_a_person"),
    ("'… Elle a appris le métier. [¶] « … »': a cue-less quote opening a paragraph is the person the paragraph before ended on; the sentence before's subject is kept over the ranker", "quotes_fr::a_quote_opening_a_paragraph_is_the_person_the_paragraph_before_ended_on; quotes_fr::a_role_opening_the_sentence_before_a_quote_without_cue_is_its_speaker"),
    ("'Le rapport évoque « … »': a definite document named no other way speaks as itself", "quotes_fr::a_definite_document_named_no_other_way_speaks_as_itself"),
    ("'« … », y lit-on': the document the paragraph named last before the quote", "quotes_fr::words_read_in_a_document_are_the_documents"),
    ("'la coopérative' is the cooperative introduced with that noun", "quotes_fr::a_cooperative_named_by_its_noun_is_the_one_introduced_with_it"),
    ("'VILLEFERRAND (Isère), 2 juin (AFP) -': a dateline's town is no body a bare body noun falls back to", "quotes_fr::the_town_of_a_wire_dateline_is_no_body_speaking"),
    ("'Pour le docteur Alain Chevrier, président de …': docteur spelled out is a role", "quotes_fr::docteur_spelled_out_before_a_name_is_a_role"),
    ("'le chef de l'Institut … (Indeci), Jorge Paredes,': a name apposed past a role's complement and acronym", "quotes_fr::a_name_apposed_after_a_roles_complement_and_acronym_is_the_speaker"),
    ("'Debout à la barre, Kevin Maurel triture': a name its verb follows after a fronted phrase is the subject, not oblique", "quotes_fr::a_name_after_a_fronted_phrase_is_the_subject_not_an_apposition"),
    ("'À en croire le maire, X, « … »': a cue whose speaker follows, like selon (fr_cues.txt)", "quotes_fr::a_en_croire_announces_its_speaker_like_selon"),
    ("'Côté syndical, on …': côté opening a topic phrase is no name (function_words.txt)", "quotes_fr::cote_opening_a_topic_phrase_is_no_name"),
    ("'Son parti lui reprochait son vote. Il déclara': a body named by a possessive is not the next il/elle", "quotes_fr::a_possessed_subject_is_not_the_pronoun"),
    ("'SUD Éducation appelle', 'SNCF Réseau précise': a body's acronym with one capitalised noun is one name (attribution::name_run_end)", "rules_fr::tests::an_acronym_with_one_noun_is_one_name; quotes_fr::a_union_named_by_an_acronym_and_a_noun_speaks_by_both"),
    ("'Le député (LR) de la Manche X Y': a party's acronym in brackets after a role is a label (attribution::np_forward)", "rules_fr::tests::a_party_label_in_brackets_after_a_role_is_passed_over; quotes_fr::a_deputy_with_a_party_label_and_a_constituency_is_the_name_after_them"),
    ("'de la Manche Bertrand Lecoq': two capitals closing a role's complement of three or more are the person's name", "rules_fr::tests::two_capitals_closing_a_roles_complement_are_a_name; quotes_fr::a_deputy_with_a_party_label_and_a_constituency_is_the_name_after_them"),
    ("'Le rapport d'expertise, publié lundi, décrit « … »': a document whose complement names only its kind speaks as the document", "rules_fr::tests::a_document_with_a_common_complement_speaks_as_itself; quotes_fr::a_document_whose_complement_names_its_kind_speaks_as_the_document"),
    ("'la Fédération agricole', 'l'Union nautique internationale': lower-case words ending like adjectives after an org word are part of its name (is_name_adjective)", "rules_fr::body_tests::lower_case_adjectives_after_an_org_word_belong_to_its_name"),
    ("'Son fils, Didier, …' then 'lance son fils': a first name set in apposition to a possessed kin noun is that relative (introduced_as_kin)", "rules_fr::tests::a_first_name_set_after_a_possessed_kin_noun_is_that_relative"),
    ("'Son père, lui, observe … « … », glisse-t-il': a possessed kin noun opening the sentence is the relative il/elle stands for (kin_subject_gender)", "rules_fr::tests::the_previous_subject_carries_its_article_gender"),
    ("'la fonctionnaire territoriale a décrit une mairie où « … »': a definite person noun with adjectives before the cue is its subject (role_before_adjectives)", "rules_fr::tests::a_person_noun_with_adjectives_before_the_cue_is_its_subject"),
    ("'L'agence précise', 'L'intersyndicale estime': an elided definite common noun alone names a body, never after 'de' (is_definite_bare_noun, follows_de)", "rules_fr::body_tests::a_definite_common_noun_alone_may_name_a_body; rules_fr::body_tests::a_phrase_after_de_is_a_complement"),
    ("'Côté préfecture du Calvados, on rappelle', 'Du côté de la mairie, on assure': a fronted côté places 'on' inside the body (side_opening_len)", "rules_fr::body_tests::a_fronted_cote_places_on_inside_the_body"),
    ("'L'intersyndicale (CGT, FO, Unsa) demande': names in brackets after a body's noun are its members, no antecedents (members_after_body_noun)", "rules_fr::body_tests::names_in_brackets_after_a_body_noun_are_its_members"),
    ("'L'intersyndicale (CGT, FO, Unsa) demande …. Dans un communiqué, elle affirme': the subject's verb is found past its members in brackets (after_member_brackets)", "rules_fr::body_tests_s15::a_body_subject_is_read_past_its_members_in_brackets"),
    ("'l'association Terres saines, …': one lower-case word closing an association's name before a comma belongs to it (name_with_closing_adjective_end)", "rules_fr::body_tests_s15::a_lower_case_word_closing_an_associations_name_belongs_to_it"),
    ("'les huit fédérations estiment': a number after a plural article belongs to the group (count_after_article)", "rules_fr::plural_body_tests::a_number_after_the_article_belongs_to_the_group"),
    ("'Les fédérations réclament … et dénoncent « … »': a cue coordinated by et to the group's plural verb keeps the group (cue_coordinated_to_plural_verb)", "rules_fr::plural_body_tests::a_cue_after_et_and_a_plural_verb_keeps_the_group"),
    ("'L'agence régionale de santé (ARS) Centre-Val de Loire indique': a name after a body's bracketed acronym is its place; the body speaks (body_before_acronym_and_place)", "rules_fr::place_tests::a_place_after_a_bodys_bracketed_acronym_is_not_the_subject"),
    ("'La préfecture maritime de la Manche a indiqué': adjectives between a body noun and its complement are passed (body_noun_before_adjectives)", "rules_fr::place_tests::adjectives_between_a_body_noun_and_its_complement_are_passed"),
    ("'la Cour des comptes', 'le Défenseur des droits': a capitalised body noun after an article keeps its complement of one common noun (org_word_with_common_complement_end)", "rules_fr::place_tests::a_capitalised_body_noun_keeps_its_common_complement"),
    ("fr-people s16: 'X y prendra la parole. « … », prévient l'élu': a noun several offices share is the person just in view, unless its holder is named in the paragraph (people_fr::is_family_noun, Registry::person_just_in_view)", "people_fr::tests::a_noun_several_offices_share_is_a_family_noun; quotes_fr::a_family_noun_is_the_person_just_in_view_not_an_earlier_holder_of_it; quotes_fr::a_family_noun_is_the_holder_when_they_are_named_in_the_paragraph"),
    ("fr-people s16: 'Pharmacien à Limoges, X n'a pas …. « … », tranche-t-il': the subject of the sentence before is read past a fronted description (people_fr::subject_after_fronted_description)", "people_fr::tests::the_subject_starts_after_a_fronted_description; quotes_fr::il_after_a_sentence_opening_on_a_description_is_the_name_after_it"),
    ("fr-people s16: 'a souri la jeune comédienne': a descriptor of either gender takes its article's (Registry::resolve_descriptor)", "quotes_fr::a_descriptor_of_either_gender_takes_its_articles"),
    ("'Le constructeur X … Dans un communiqué, le groupe précise': a maker is meant by a company noun (same_kind_of_company)", "rules_fr::place_tests::a_maker_is_the_same_kind_of_company_as_a_group"),
    ("'L'intersyndicale CGT-CFDT-FO a dénoncé': a list of acronyms after a body noun is named by that noun (coalition_noun_before_acronym_list)", "rules_fr::place_tests::a_list_of_acronyms_after_a_body_noun_is_named_by_that_noun"),
    ("'défend une « … » des soins. Dans un communiqué, elle indique': a quoted term behind its article that the sentence goes on after does not end the sentence (is_quote_inside_sentence)", "rules_fr::place_tests::a_quoted_term_behind_its_article_is_inside_the_sentence"),
    ("fr-people2 s16: 'X a dirigé Loire Logement. … « … », affirme-t-il': il/elle going back to an earlier sentence is its lone opening subject, not a name it gave as object (people_fr::opening_subject_of_sentence_before, Registry::opening_subject_since)", "people_fr::tests::il_goes_back_to_the_subject_opening_the_sentence_before; quotes_fr::il_is_the_subject_of_the_sentence_before_not_its_object"),
    ("fr-people s17: 'Le document estime « … ». Il souligne « … »': a document that spoke just before may be il/elle like a body, unless the article at its mention says the other gender (people_fr::thing_may_be_il_elle)", "people_fr::tests::a_body_or_document_that_spoke_may_be_an_agreeing_il_elle; quotes_fr::il_after_a_document_that_spoke_is_the_document"),
    ("fr-people s17: 'Saisie du dossier, la commission …', 'Assise près de la fenêtre, X …': participles in -ie/-ise/-ue open a fronted description too (people_fr::is_fronted_participle)", "people_fr::tests::the_subject_starts_after_a_fronted_description"),
    ("fr-people s17: 'À ses côtés, Léa X, …, savoure …. « … », prévient-elle': the subject of the sentence before may follow a fronted phrase behind a preposition (people_fr::subject_after_fronted_phrase)", "people_fr::tests::the_subject_starts_after_a_fronted_prepositional_phrase; quotes_fr::elle_is_the_subject_after_a_fronted_prepositional_phrase"),
    ("fr-people2 s17: 'Pour l'économiste de la santé X, …': a role whose complement is followed straight by a name is that person (people_fr::name_right_after_complement)", "people_fr::tests::a_name_right_after_a_role_complement_is_that_person"),
    ("fr-people2 s16: 'Le maire, Dominique Garnier, …', 'Claude Marin, la directrice': the article of a role apposed to a name tells a gender its first name does not (people_fr::gender_told_by_apposed_article, entities::apposed_article_gender)", "people_fr::tests::the_article_of_an_apposed_role_tells_an_epicene_name_s_gender; quotes_fr::the_article_of_an_apposed_role_tells_an_epicene_name_s_gender"),
    // fr-people (session 18)
    ("fr-people s18: 'Au comptoir, une cliente interpelle le boulanger X. « … — … »': a cue-less dialogue between one named person and an unnamed one alternates, the one set first speaking first, the unnamed side's turns left unnamed as written (people_fr::unnamed_scene_person)", "people_fr::tests::unnamed_scene_person_finds_the_unnamed_side_of_a_dialogue; quotes_fr::a_dialogue_with_an_unnamed_side_alternates"),
];

/// "a déclaré à l'AFP son porte-parole, X", "a confié au Parisien le maire": the listener
/// after "à"/"au"/"aux" (at `k`) ends before the next determiner, which opens the speaker's
/// own phrase; read as one phrase, "l'AFP son porte-parole" would swallow the speaker.
pub(super) fn listener_after(toks: &[Tok], k: usize, hi: usize) -> Option<Np> {
    let from = k + 1;
    let stop = (from + 1..hi.min(toks.len())).find(|&m| is_det(&toks[m]) || !toks[m].is_word()).unwrap_or(hi);
    np_forward(toks, from, stop).or_else(|| {
        // "à l'AFP": elided article then a name.
        toks.get(from).filter(|t| t.low == "l'").and_then(|_| np_forward(toks, from + 1, stop))
    })
}

/// "Celui-ci a assuré", "celle-ci répond": a demonstrative pronoun points to the latter,
/// the person of its gender mentioned last, where il/elle go to the most salient one.
pub(super) fn is_demonstrative_pronoun(folded: &str) -> bool {
    matches!(folded, "celui-ci" | "celle-ci" | "celui-là" | "celle-là")
}

/// "« … », s'amuse-t-il", "« … », sourit-elle", "« Non, grimace-t-il, … »": a verb inverted
/// with its subject pronoun right after a quote (or, with "-t-", set off by commas inside
/// one) is the reporting clause, whatever the verb: no list holds every verb of manner.
/// `after_quote`: `toks` start right after a quote (the words to the right of one).
pub(super) fn inversion_closes_a_quote(toks: &[Tok], i: usize, after_quote: bool) -> bool {
    let reflexive = i > 0 && matches!(toks[i - 1].low.as_str(), "s'" | "se");
    let before = if reflexive { i - 1 } else { i };
    let prev = |k: usize| before.checked_sub(k).and_then(|j| toks.get(j));
    let comma = prev(1).is_some_and(|t| t.is_punct(','));
    let quote_at = |k: usize| match before.checked_sub(k) {
        Some(j) => matches!(toks[j].kind, TokKind::Quote(_)),
        None => after_quote && before + 1 == k,
    };
    // (Inside a quote the inversion is set off on both sides: ", grimace-t-il,".)
    let set_off = toks.get(i + 1).is_none_or(|t| t.is_punct(','));
    quote_at(1) || (comma && quote_at(2)) || (comma && set_off && toks[i].low.contains("-t-") && prev(2).is_some_and(Tok::is_word))
}

/// Nouns any of which may name the same business: "l'usine de la société Chimitec" …
/// "l'entreprise reconnaît", "le groupe X" … "la firme".
/// (fr-places s16: "le constructeur X … le groupe précise", "le fabricant", "l'équipementier".)
const BUSINESS_NOUNS: [&str; 9] = ["société", "entreprise", "groupe", "firme", "compagnie", "constructeur", "fabricant", "équipementier", "industriel"];

/// "la société Chimitec … l'entreprise reconnaît": a company introduced by one company noun
/// is meant by another.
pub(super) fn same_kind_of_company(a: &str, b: &str) -> bool {
    BUSINESS_NOUNS.contains(&a) && BUSINESS_NOUNS.contains(&b)
}

/// Forms of "avoir" that make a following past participle a cue ("a déclaré", "avait dit").
pub(super) const FR_AUX: [&str; 10] = ["a", "ont", "avait", "avaient", "aurait", "auraient", "avons", "avez", "as", "ai"];

/// Parts of a hyphenated French inversion: `a-t-il` → ("a", "il"), `dit-elle` → ("dit", "elle").
pub(super) fn inversion(low: &str) -> Option<(&str, &str)> {
    // (speed2: read at every word; most have no hyphen, and nothing is split for them.)
    if !low.as_bytes().contains(&b'-') {
        return None;
    }
    let parts: Vec<&str> = low.split('-').collect();
    if parts.len() < 2 {
        return None;
    }
    let pron = *parts.last()?;
    if !matches!(pron, "il" | "elle" | "ils" | "elles" | "on") {
        return None;
    }
    let verb = parts[0];
    let middle_ok = match parts.len() {
        2 => true,
        3 => parts[1] == "t",
        _ => false,
    };
    middle_ok.then_some((verb, pron))
}

/// The pronoun of an inverted verb as written ("a-t-Il" → "Il").
pub(super) fn pronoun_text(text: &str) -> String {
    text.rsplit(['-', '‑']).next().unwrap_or(text).to_string()
}

/// Prepositions that follow the participle of a fronted clause ("Installé à", "Interrogée
/// par", "Arrivé en", "Invité sur"); "de" is left out ("José de Souza").
const AFTER_FRONTED_PARTICIPLE: [&str; 11] = ["à", "au", "aux", "par", "en", "sur", "dans", "pour", "chez", "depuis", "devant"];

/// "Installé à 400 mètres du front, le retraité dit …", "Invité à prendre la parole, l'ancien
/// maire …", "Interrogée par l'AFP, elle …": a capitalised word opening its sentence (token
/// `k`), ending like a past participle (-é, -ée, -és, -ées) and followed by a preposition is
/// the participle of a fronted clause, never a name ("Renée, 45 ans," and "José de Souza"
/// stay names). The French twin of `rules_en::is_opening_participle`.
pub(super) fn participle_opening_sentence(toks: &[Tok], k: usize) -> bool {
    let low = &toks[k].low;
    let opens = k == 0 || super::attribution::ends_sentence(toks, k - 1);
    let participle = toks[k].is_cap() && low.chars().count() >= 4 && ["é", "ée", "és", "ées"].iter().any(|s| low.ends_with(s));
    opens && participle && toks.get(k + 1).is_some_and(|t| AFTER_FRONTED_PARTICIPLE.contains(&t.low.as_str()))
}

/// Adverbs of time and frequency set between an auxiliary and its participle (those in
/// -ment are recognised by their ending).
const FR_TIME_ADVERBS: [&str; 9] = ["auparavant", "longtemps", "toujours", "souvent", "jamais", "aussitôt", "même", "depuis", "hier"];

/// The listed past participle within a few words after an auxiliary at `from - 1`, past
/// adverbs and incises ("a longuement décrit", "a pour sa part déclaré").
pub(super) fn next_participle(toks: &[Tok], from: usize) -> Option<usize> {
    let lx = Lexicon::get();
    let mut k = from;
    while k < toks.len() && k < from + 5 {
        let t = &toks[k];
        if !t.is_word() {
            return None;
        }
        // Agreement: "félicitée", "avertis", "prévenues" are forms of the listed participle.
        let base = ["es", "e", "s"].iter().find_map(|suf| t.low.strip_suffix(suf)).unwrap_or(&t.low);
        if lx.fr_participles.contains(t.low.as_str()) || lx.fr_participles.contains(base) {
            return Some(k);
        }
        // "a au contraire décrit", "a pour sa part déclaré", "a de son côté estimé", "a
        // d'abord expliqué", and adverbs of time and frequency ("avait auparavant dénoncé",
        // "a toujours affirmé", "a même reconnu").
        let incise = matches!(t.low.as_str(), "au" | "contraire" | "pour" | "sa" | "son" | "part" | "de" | "côté" | "d'" | "abord")
            || FR_TIME_ADVERBS.contains(&t.low.as_str());
        // Any adverb in -ment: "a longuement décrit", "a clairement dit".
        let incise = incise || (t.low.ends_with("ment") && t.low.chars().count() > 6 && t.is_lower_word());
        if !ADVERBS.contains(&t.low.as_str()) && !incise && !matches!(t.low.as_str(), "lui" | "leur" | "nous" | "bien" | "alors" | "elle" | "il" | "eux") {
            return None;
        }
        k += 1;
    }
    None
}

/// Quantifiers of an indefinite plural group: "certains wikipédiens", "des habitants",
/// "plusieurs élus", "(de) nombreux experts", "quelques riverains".
pub(super) const GROUP_QUANTIFIERS: [&str; 8] = ["certains", "certaines", "plusieurs", "quelques", "des", "nombreux", "nombreuses", "d'autres"];

/// "…, certains wikipédiens estiment que « … »": an indefinite plural group opening the
/// clause right before the cue at `cue_first` is the speaker as written, nobody named.
/// Returns the group's byte range.
pub(super) fn indefinite_group_subject(toks: &[Tok], cue_first: usize) -> Option<(usize, usize)> {
    let lx = Lexicon::get();
    let mut end = cue_first;
    while end > 0 && ADVERBS.contains(&toks[end - 1].low.as_str()) {
        end -= 1;
    }
    // Quantifier, a plural noun, then at most a few lower-case words ("des habitants du quartier").
    // A round number counts as one ("une centaine de chercheurs", "des milliers de manifestants").
    let q = (end.saturating_sub(6)..end).rev().find(|&k| GROUP_QUANTIFIERS.contains(&toks[k].low.as_str()));
    let (q, noun_at) = match q {
        Some(q) => (q, q + 1),
        None => {
            let n = (end.saturating_sub(8)..end).rev().find(|&k| is_round_number(&toks[k].low) && matches!(toks.get(k + 1).map(|t| t.low.as_str()), Some("de" | "d'")))?;
            let opener = n > 0 && matches!(toks[n - 1].low.as_str(), "une" | "un" | "des" | "plusieurs" | "quelques");
            (if opener { n - 1 } else { n }, n + 2)
        }
    };
    let noun = toks.get(noun_at).filter(|t| noun_at < end && t.is_lower_word() && !lx.is_function_word(&t.low))?;
    let plural = noun.low.ends_with('s') || noun.low.ends_with('x');
    if !plural || !toks[q + 1..end].iter().all(Tok::is_lower_word) {
        return None;
    }
    let start = if matches!(toks[q].low.as_str(), "nombreux" | "nombreuses") && q > 0 && toks[q - 1].low == "de" { q - 1 } else { q };
    let opens_clause = start == 0 || toks[start - 1].kind == TokKind::Punct;
    opens_clause.then(|| (toks[start].start, toks[end - 1].end))
}

/// "« … », lançaient des manifestants devant la mairie": right after an inverted cue
/// ending at `v_last`, an indefinite plural group (quantifier and plural noun, past
/// adverbs) is the subject. Returns the byte range of quantifier and noun.
/// After "selon", "d'après" or "pour" (`definite`), a definite group counts too: "selon les
/// riverains".
pub(super) fn indefinite_group_after(toks: &[Tok], v_last: usize, definite: bool) -> Option<(usize, usize)> {
    let lx = Lexicon::get();
    let mut q = v_last + 1;
    while toks.get(q).is_some_and(|t| ADVERBS.contains(&t.low.as_str())) {
        q += 1;
    }
    // "de nombreux habitants".
    let lead = q;
    if toks.get(q).is_some_and(|t| t.low == "de") && toks.get(q + 1).is_some_and(|t| matches!(t.low.as_str(), "nombreux" | "nombreuses")) {
        q += 1;
    }
    toks.get(q).filter(|t| t.is_lower_word() && (GROUP_QUANTIFIERS.contains(&t.low.as_str()) || definite && t.low == "les"))?;
    let noun = toks.get(q + 1).filter(|t| t.is_lower_word() && !lx.is_function_word(&t.low))?;
    let plural = noun.low.ends_with('s') || noun.low.ends_with('x');
    // (Not a quantity: "des dizaines de …" is left to the round-number rule.)
    (plural && !is_round_number(&noun.low)).then(|| (toks[lead].start, noun.end))
}

/// "Les syndicats de soignants, eux, restent sceptiques.", "Les Républicains ont voté
/// contre.": a plural group opening the sentence `toks[start..end]` (an article or a
/// quantifier, then a plural noun with its "de" complements, or a name), followed by its
/// verb. Returns its byte range, and the name when it is one.
pub(super) fn plural_group_opening(toks: &[Tok], start: usize, end: usize) -> Option<((usize, usize), Option<Np>)> {
    let lx = Lexicon::get();
    let det = toks.get(start).filter(|t| t.is_word() && matches!(t.low.as_str(), "les" | "des" | "plusieurs" | "certains" | "certaines" | "quelques"))?;
    // (fr-bodies4: "les huit organisations": the number belongs to the group.)
    let start = start + count_after_article(toks, start);
    let head = toks.get(start + 1).filter(|_| start + 1 < end)?;
    if head.is_cap() {
        // "Les Républicains", "Les Verts": a name under a plural article.
        let np = np_forward(toks, start, end).filter(|np| matches!(np.kind, NpKind::Name(_)))?;
        let verb_follows = toks.get(np.last + 1).is_some_and(|t| t.is_lower_word() || t.text == ",");
        return verb_follows.then_some(((det.start, np.end), Some(np)));
    }
    let plural = head.is_lower_word() && !lx.is_function_word(&head.low) && (head.low.ends_with('s') || head.low.ends_with('x'));
    if !plural {
        return None;
    }
    // Its complements: "de soignants", "du secteur", "des hôpitaux publics".
    let mut last = start + 1;
    while last + 2 < end
        && matches!(toks[last + 1].low.as_str(), "de" | "d'" | "du" | "des")
        && toks[last + 2].is_word()
        && !FR_AUX.contains(&toks[last + 2].low.as_str())
        && !lx.fr_cues.contains(toks[last + 2].low.as_str())
    {
        last += 2;
        // "de la santé": the article of the complement.
        if matches!(toks[last].low.as_str(), "la" | "l'" | "le" | "les") && last + 1 < end && toks[last + 1].is_word() {
            last += 1;
        }
    }
    let verb_follows = toks.get(last + 1).is_some_and(|t| t.is_lower_word() || t.text == ",");
    verb_follows.then(|| ((det.start, toks[last].end), None))
}

/// "Les maires ruraux ont salué « … »": a plural group with no name opening the clause
/// right before the cue at `cue_first` is its subject. Returns the group's byte range.
pub(super) fn plural_group_subject(toks: &[Tok], cue_first: usize) -> Option<(usize, usize)> {
    let start = (0..cue_first).rev().find(|&k| k == 0 || toks[k - 1].kind == TokKind::Punct)?;
    let ((from, to), name) = plural_group_opening(toks, start, cue_first)?;
    // Up to two plural adjectives after it ("Les maires ruraux"), then adverbs.
    let lx = Lexicon::get();
    let after = toks[start..cue_first].iter().position(|t| t.end == to)? + start + 1;
    let mut end = after;
    while end < cue_first && end < after + 2 && toks[end].is_lower_word() && (toks[end].low.ends_with('s') || toks[end].low.ends_with('x')) && !lx.is_function_word(&toks[end].low) && !ADVERBS.contains(&toks[end].low.as_str()) {
        end += 1;
    }
    let only_adverbs = toks[end..cue_first].iter().all(|t| ADVERBS.contains(&t.low.as_str())) || cue_coordinated_to_plural_verb(toks, end, cue_first);
    (name.is_none() && only_adverbs).then(|| (from, toks[end - 1].end))
}

/// A group named by its words: "des manifestants" speaks as "manifestants", "Les syndicats
/// de soignants" as "syndicats de soignants"; a round number keeps its count ("une
/// centaine de chercheurs").
pub(super) fn group_speaker(written: &str) -> Option<Speaker> {
    let words: Vec<&str> = written.split_whitespace().collect();
    let skip = match words.first().map(|w| fold(w)).as_deref() {
        Some("les" | "des" | "plusieurs" | "certains" | "certaines" | "quelques" | "nombreux" | "nombreuses" | "d'autres" | "the") => 1,
        Some("de") if words.get(1).is_some_and(|w| w.starts_with("nombreu")) => 2,
        _ => 0,
    };
    let name = words.get(skip..).filter(|rest| !rest.is_empty())?.join(" ");
    Some(Speaker { name, kind: SpeakerKind::Organisation })
}

pub(super) fn is_ils_elles(text: &str, np: &Np) -> bool {
    matches!(fold(np.written(text)).as_str(), "ils" | "elles")
}

/// "centaine", "dizaines", "milliers": a noun of approximate number, which makes the
/// phrase it opens an indefinite group.
fn is_round_number(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    singular.ends_with("aine") && !matches!(singular, "semaine" | "fontaine" | "domaine" | "capitaine" | "migraine" | "haine" | "laine" | "chaine" | "chaîne" | "graine" | "plaine" | "marraine")
        || matches!(singular, "millier" | "million" | "milliard")
}

/// "Les signataires, parmi lesquels X, estiment …": a definite plural group opening the
/// sentence, with an aside before the cue, speaks as a group; the member named in the
/// aside is not the speaker. Returns the group's byte range.
pub(super) fn definite_group_subject(toks: &[Tok], cue_first: usize) -> Option<(usize, usize)> {
    let lx = Lexicon::get();
    let (article, noun) = (toks.first()?, toks.get(1)?);
    let plural = noun.is_lower_word() && !lx.is_function_word(&noun.low) && (noun.low.ends_with('s') || noun.low.ends_with('x'));
    let aside = toks.get(2).is_some_and(|t| t.text == ",") && cue_first > 3 && toks[cue_first - 1].text == ",";
    (matches!(article.low.as_str(), "les" | "the") && plural && aside).then_some((article.start, noun.end))
}

/// "Philippe Varin a réfuté l'idée d'un prêt par l'État affirmant : « … »": a French
/// present participle (gérondif without "en") has the subject of its sentence, not the
/// noun right before it, which Wikinews-style copy often leaves without a comma.
pub(super) fn french_participle_subject(toks: &[Tok], lo: usize, c: &Cue) -> Option<Np> {
    if !toks[c.first].low.ends_with("ant") || c.first <= lo + 1 {
        return None;
    }
    let np = np_forward(toks, lo, c.first)?;
    let subject = matches!(np.kind, NpKind::Name(_) | NpKind::Pronoun(PronounKind::Person, _) | NpKind::Role { definite: true, .. });
    // (The opening phrase must be followed by its verb, not be the whole stretch.)
    (subject && np.last + 1 < c.first && toks[np.last + 1].is_word()).then_some(np)
}

/// Whether a speaker phrase is French by its first word (a French article or il/elle).
/// French nouns of kinship ("son mari", "sa fille") and "homonyme", with the gender they
/// give the relative: a possessive one names someone else than its owner, a person the
/// article links to the owner (entities::Registry::relative_of_owner).
const KIN_NOUNS: [(&str, Gender); 26] = [
    ("fils", Gender::Male), ("fille", Gender::Female), ("mari", Gender::Male), ("femme", Gender::Female),
    ("épouse", Gender::Female), ("époux", Gender::Male), ("conjoint", Gender::Male), ("conjointe", Gender::Female),
    ("compagnon", Gender::Male), ("compagne", Gender::Female), ("père", Gender::Male), ("mère", Gender::Female),
    ("frère", Gender::Male), ("soeur", Gender::Female), ("sœur", Gender::Female), ("jumeau", Gender::Male), ("jumelle", Gender::Female),
    ("oncle", Gender::Male), ("tante", Gender::Female), ("cousin", Gender::Male), ("cousine", Gender::Female),
    ("neveu", Gender::Male), ("nièce", Gender::Female), ("grand-père", Gender::Male), ("grand-mère", Gender::Female),
    ("homonyme", Gender::Unknown),
];

/// The gender a French possessed kinship noun gives the relative ("son mari": a man), if
/// `np` is one ("son fils", "sa femme", "son homonyme").
pub(super) fn possessed_kin(text: &str, np: &Np) -> Option<Gender> {
    let NpKind::Role { head, .. } = &np.kind else { return None };
    let written = fold(np.written(text));
    let possessive = ["son ", "sa "].iter().any(|d| written.starts_with(d));
    let head = fold(head);
    let g = KIN_NOUNS.iter().find(|(n, _)| *n == head).map(|(_, g)| *g)?;
    (possessive && is_french_phrase(text, np)).then_some(g)
}

/// fr-people: whether the name at byte `pos` of `text` was set in apposition to the
/// possessed kinship noun `head` ("Son fils, Didier, est resté", "sa fille, Léa, qui
/// reprendra"): that person is the relative a later "son fils" / "sa fille" names, even
/// with a first name only (no surname to share with the owner). Reads a few bytes back.
pub(super) fn introduced_as_kin(text: &str, pos: usize, head: &str) -> bool {
    let from = floor_char_boundary(text, pos.saturating_sub(KIN_APPOSITION_BYTES));
    let Some(before) = text.get(from..pos) else { return false };
    let before = fold(before);
    let Some(phrase) = before.trim_end().strip_suffix(',') else { return false };
    let head = fold(head);
    ["son ", "sa "].iter().any(|d| {
        phrase.strip_suffix(head.as_str()).and_then(|p| p.strip_suffix(d)).is_some_and(|p| p.is_empty() || p.ends_with(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '(' | ':')))
    })
}

/// How far back `introduced_as_kin` reads: "sa grand-mère, " and some room.
const KIN_APPOSITION_BYTES: usize = 32;

pub(super) fn is_french_phrase(text: &str, np: &Np) -> bool {
    let written = fold(np.written(text));
    let first = written.split_whitespace().next().unwrap_or("");
    matches!(first, "le" | "la" | "les" | "un" | "une" | "il" | "elle" | "ce" | "cet" | "cette" | "son" | "sa") || first.starts_with("l'")
}

pub(super) fn is_il_elle(text: &str, np: &Np) -> bool {
    matches!(fold(np.written(text)).as_str(), "il" | "elle")
}

pub(super) fn agrees(pronoun: Gender, article: Gender) -> bool {
    pronoun == Gender::Unknown || article == Gender::Unknown || pronoun == article
}

/// The subject opening the sentence of `toks[start..end]`: a name or a definite role
/// ("Le nouveau gouvernement", "Miguel Nerva", "la chaîne"), with the gender of its
/// article (le/un/ce masculine, la/une/cette feminine; a name's comes from the registry).
pub(super) fn sentence_subject(toks: &[Tok], start: usize, end: usize) -> Option<(Np, Gender)> {
    // (fr-people: past a description opening the sentence, "Pharmacien à Limoges, Thierry
    // Gombert n'a pas …": people_fr::subject_after_fronted_description.)
    // (fr-people s17: or past a fronted phrase behind a preposition, "À ses côtés, Léa X
    // savoure …": people_fr::subject_after_fronted_phrase.)
    let start = super::people_fr::subject_after_fronted_description(toks, start, end)
        .or_else(|| super::people_fr::subject_after_fronted_phrase(toks, start, end))
        .unwrap_or(start);
    let np = np_forward(toks, start, end)?;
    // (fr-pron: a document too, "Le rapport …, est plus nuancé. S'il relève …, il
    // souligne « … »": il/elle after it is the document speaking.)
    if !matches!(np.kind, NpKind::Name(_) | NpKind::Role { definite: true, kind: SpeakerKind::Person | SpeakerKind::Organisation | SpeakerKind::Document, .. }) {
        return None;
    }
    // (fr-people: but "Son père, lui, observe …", a possessed kin noun, is a person of
    // its own, the relative: il/elle after it is them: kin_subject_gender.)
    if let Some(g) = kin_subject_gender(toks, &np)
        && toks.get(np.last + 1).is_some_and(|t| t.is_word() || t.text == ",")
    {
        return Some((np, g));
    }
    // "Son parti lui faisait grief …": a possessed subject is someone else's; the
    // owner is who il/elle is.
    if matches!(toks[np.first].low.as_str(), "son" | "sa" | "ses" | "leur" | "leurs" | "its" | "their" | "his" | "her") {
        return None;
    }
    // Its verb follows (not a fronted phrase: "Dans le Var, …").
    // (fr-bodies s15: past its members in brackets, `after_member_brackets`.)
    if !toks.get(after_member_brackets(toks, np.last + 1)).is_some_and(|t| t.is_word() || t.text == ",") {
        return None;
    }
    let article = match toks[np.first].low.as_str() {
        "le" | "un" | "ce" | "cet" => Gender::Male,
        "la" | "une" | "cette" => Gender::Female,
        _ => np.gender,
    };
    Some((np, article))
}

/// fr-people: the gender of a French possessed kinship noun opening a sentence ("Son
/// père", "Sa fille"), when `np` is one: unlike "Son parti", it names a relative, someone
/// other than the owner, whom a following il/elle stands for.
fn kin_subject_gender(toks: &[Tok], np: &Np) -> Option<Gender> {
    let NpKind::Role { head, kind: SpeakerKind::Person, .. } = &np.kind else { return None };
    if !matches!(toks[np.first].low.as_str(), "son" | "sa") {
        return None;
    }
    let head = fold(head);
    KIN_NOUNS.iter().find(|(n, _)| *n == head).map(|(_, g)| *g)
}

/// fr-people: "Devant le tribunal, la fonctionnaire territoriale a décrit une mairie où
/// « … »": a French definite person noun with one or two adjectives after it
/// ("territoriale", "adjoint", "délégué") before the cue (`j`: the word before it) is the
/// cue's subject, not the object after the verb. The phrase read is the noun's, widened
/// over the adjectives. None unless the words at `j` and before are lower-case words
/// that are neither function words nor nouns of a speaker.
pub(crate) fn role_before_adjectives(toks: &[Tok], lo: usize, j: usize) -> Option<Np> {
    let lx = Lexicon::get();
    let adjective = |t: &Tok| t.is_lower_word() && t.low.chars().count() > 2 && !lx.is_function_word(&t.low) && lx.role(&t.low).is_none() && lx.pronoun(&t.low).is_none();
    for n in 1..=2 {
        let noun = j.checked_sub(n).filter(|&k| k >= lo)?;
        if !toks[noun + 1..=j].iter().all(adjective) {
            return None;
        }
        let np = np_backward(toks, lo, noun).filter(|np| matches!(np.kind, NpKind::Role { kind: SpeakerKind::Person, definite: true, .. }) && is_french_phrase_toks(toks, np));
        if let Some(mut np) = np {
            np.last = j;
            np.end = toks[j].end;
            return Some(np);
        }
    }
    None
}

/// Whether a phrase opens on a French definite article or demonstrative ("la", "l'",
/// "le", "cette", "ce", "cet").
fn is_french_phrase_toks(toks: &[Tok], np: &Np) -> bool {
    matches!(toks[np.first].low.as_str(), "le" | "la" | "l'" | "ce" | "cet" | "cette")
}

/// (fr-pron) The token range of the whole sentence before the one holding `toks[at]`,
/// reading back over quotes inside the current sentence ("S'il relève une « … », il
/// souligne"): from after the sentence end before it (or a quote ending a sentence, or
/// the frame's start) up to and with its own end. None when `at` is in the first sentence.
pub(super) fn sentence_before(toks: &[Tok], at: usize) -> Option<(usize, usize)> {
    let k = (0..at.min(toks.len())).rev().find(|&k| super::attribution::ends_sentence(toks, k))?;
    // (fr-places2: not at a quote the sentence goes on after, `is_quote_inside_sentence`.)
    let start = (0..k).rev().find(|&j| super::attribution::ends_sentence(toks, j) || matches!(toks[j].kind, TokKind::Quote(_)) && !is_quote_inside_sentence(toks, j)).map_or(0, |j| j + 1);
    Some((start, k + 1))
}

/// Whether the first sentence of a paragraph frame (`toks`, which has more before `upto`)
/// opens on a person: a name or a person's role as its subject.
pub(super) fn paragraph_opens_on_person(toks: &[Tok], upto: usize) -> bool {
    let end = (0..upto).find(|&k| super::attribution::ends_sentence(toks, k)).map_or(upto, |k| k + 1);
    sentence_subject(toks, 0, end).is_some_and(|(np, _)| matches!(np.kind, NpKind::Name(_) | NpKind::Role { kind: SpeakerKind::Person, .. }))
}

/// The person a sentence `toks[start..end]` is about: its subject when a name or il/elle,
/// opening it or right after an opening clause ("À 67 ans, Armelle Guiraud taille …").
pub(super) fn sentence_person_subject(toks: &[Tok], start: usize, end: usize) -> Option<Np> {
    let person = |np: &Np| matches!(np.kind, NpKind::Name(_) | NpKind::Pronoun(PronounKind::Person, _));
    let opening = toks[start..end].iter().position(|t| t.text == ",").map(|c| start + c + 1);
    std::iter::once(start).chain(opening).find_map(|k| np_forward(toks, k, end).filter(|np| np.first == k && person(np) && toks.get(np.last + 1).is_some_and(Tok::is_lower_word)))
}

/// French prepositions whose object is never the subject a later pronoun goes back to first.
pub(super) const FR_OBLIQUE_PREPOSITIONS: [&str; 12] = ["avec", "pour", "par", "contre", "chez", "envers", "sans", "vers", "à", "au", "aux", "auprès"];

/// "la direction de la radio publique de la Belgique a condamné": the phrase found right
/// before a verb, when it follows "de" (or "du", "des", "d'"), is a complement of the
/// phrase before it, not the subject; the subject is the phrase that opens the chain of
/// complements, with their words as its qualifiers (so the body it names can be found).
/// A chain that does not open on a definite role or a name is left as found.
pub(super) fn head_of_complements(toks: &[Tok], lo: usize, np: Np) -> Np {
    // (fr-bodies: "la direction régionale des affaires culturelles (Drac) de Bretagne";
    // "Thibault Lenoir (Renaissance, Yvelines), a défendu".)
    if let Some(body) = body_before_bracketed_acronym(toks, lo, &np).or_else(|| name_before_label_brackets(toks, lo, &np)) {
        return body;
    }
    // (fr-places s16: "L'agence régionale de santé (ARS) Centre-Val de Loire indique".)
    if let Some(body) = body_before_acronym_and_place(toks, lo, &np) {
        return body;
    }
    let mut head = None;
    let mut first = np.first;
    while first >= lo + 2 && matches!(toks[first - 1].low.as_str(), "de" | "d'" | "du" | "des") && toks[first - 1].is_lower_word() {
        // (fr-bodies: "le ministère chargé de la Mer": past the participle.)
        // (fr-places s16: "la préfecture maritime de": past adjectives, `body_noun_before_adjectives`.)
        let outer = np_backward(toks, lo, before_charged_participle(toks, lo, first - 2))
            .or_else(|| body_noun_before_adjectives(toks, lo, first - 2).and_then(|k| np_backward(toks, lo, k)));
        let Some(outer) = outer else { break };
        if outer.first >= first {
            break;
        }
        first = outer.first;
        head = Some(outer);
    }
    match head {
        Some(h) if matches!(h.kind, NpKind::Role { definite: true, .. }) && !matches!(np.kind, NpKind::Pronoun(..)) => {
            let quals = content_words(&toks[h.first..=np.last]).into_iter().skip(h.quals.len() + 1).collect::<Vec<_>>();
            Np { quals: [h.quals.clone(), quals].concat(), last: np.last, end: np.end, ..h }
        }
        _ => np,
    }
}

/// "la Ligue des droits de l'homme dénonce", "l'Office national des forêts estime": French
/// capitalises only the first word of an institution's name, so the phrase found before a
/// verb may be the end of such a name. Read back over lower-case words (at least one "de"
/// among them) to a capitalised organisation word after an article: the whole is the name.
/// `j` is the last word before the verb.
pub(super) fn institution_name_before(toks: &[Tok], lo: usize, j: usize) -> Option<Np> {
    let lx = Lexicon::get();
    if !toks[j].is_lower_word() {
        return None;
    }
    let mut k = j + 1;
    let mut joined = false;
    while k > lo && j + 1 - k < 8 && toks[k - 1].is_lower_word() {
        k -= 1;
        joined |= matches!(toks[k].low.as_str(), "de" | "d'" | "du" | "des");
    }
    let body_word = |low: &str| lx.is_org_word(low) || lx.role(low) == Some(SpeakerKind::Organisation);
    let capitalised = k.checked_sub(1).filter(|&h| h >= lo && joined && toks[h].is_cap() && body_word(&toks[h].low));
    let head = capitalised.or_else(|| lower_case_body_opening(toks, lo, k, j))?;
    let article = head == lo || matches!(toks[head - 1].low.as_str(), "la" | "le" | "l'" | "les");
    // (Not across a verb: "la Ligue a été créée par des élus de la ville".)
    let verb = |t: &Tok| FR_AUX.contains(&t.low.as_str()) || matches!(t.low.as_str(), "est" | "sont" | "été" | "qui" | "que") || lx.fr_cues.contains(t.low.as_str());
    if !article || toks[head + 1..=j].iter().any(verb) {
        return None;
    }
    let words = glue_elisions(toks[head..=j].iter().map(|t| t.text.to_string()).collect());
    Some(Np { first: head, last: j, kind: NpKind::Name(words), quals: Vec::new(), gender: Gender::Unknown, start: toks[head].start, end: toks[j].end })
}

/// "L'agence régionale de santé justifie", "la caisse primaire d'assurance maladie
/// rappelle": a body named by a lower-case noun and its adjective, then a "de" complement,
/// right after a definite article opening the clause (`toks[k..=j]` are the lower-case words
/// before the verb). The last such noun is the head: earlier ones belong to another clause.
fn lower_case_body_opening(toks: &[Tok], lo: usize, k: usize, j: usize) -> Option<usize> {
    let lx = Lexicon::get();
    let opens_clause = |a: usize| a == lo || toks[a - 1].kind == TokKind::Punct;
    let is_head = |h: usize| {
        let article = h > lo && matches!(toks[h - 1].low.as_str(), "la" | "le" | "l'") && opens_clause(h - 1);
        // An adjective right after the noun ("régionale"), then a "de" complement further on.
        let adjective = h < j && toks[h + 1].is_lower_word() && !lx.is_function_word(&toks[h + 1].low) && !FR_AUX.contains(&toks[h + 1].low.as_str());
        let complement = toks[h + 1..=j].iter().any(|t| matches!(t.low.as_str(), "de" | "d'" | "du" | "des"));
        article && adjective && complement && lx.role(&toks[h].low) == Some(SpeakerKind::Organisation)
    };
    (k.max(lo + 1)..j).rev().find(|&h| is_head(h))
}

/// "Auteur du but égalisateur, le jeune attaquant X savourait :", "Président de la région
/// depuis 2021, X estime": a role noun with no article opening the sentence, its
/// complements closed by a comma, is set in apposition to the subject after the comma; it
/// is not a speaker phrase of its own.
pub(super) fn fronted_apposition(toks: &[Tok], np: &Np) -> bool {
    let lx = Lexicon::get();
    let opener = &toks[np.first];
    if np.first != 0 || !opener.is_cap() || DETERMINER_WORDS.contains(&opener.low.as_str()) || lx.role(&opener.low).is_none() {
        return false;
    }
    let comma = (np.last + 1..toks.len().min(np.last + 9)).find(|&k| !toks[k].is_word());
    comma.is_some_and(|k| toks[k].text == "," && toks.get(k + 1).is_some_and(Tok::is_word))
}

/// The speaker phrase opening the clause at `k` of a sentence that announces a quote with a
/// colon: what `np_forward` reads there, but not a fronted apposition ("Auteur du but,"),
/// and, when that is no name, the name closing a description ("le jeune
/// attaquant Yanis Belkacem savourait :").
pub(super) fn colon_candidate(toks: &[Tok], k: usize) -> Option<Np> {
    // "Quant à l'entraîneuse, elle pense déjà à … :": the topic set out first is who speaks.
    if toks.get(k).is_some_and(|t| t.low == "quant") && toks.get(k + 1).is_some_and(|t| t.low == "à") {
        return np_forward(toks, k + 2, toks.len()).filter(|np| matches!(np.kind, NpKind::Name(_) | NpKind::Role { kind: SpeakerKind::Person, .. }));
    }
    let np = np_forward(toks, k, toks.len())?;
    if fronted_apposition(toks, &np) {
        return None;
    }
    // (A role read at the article, "le jeune …", gives way to the name it describes.)
    if matches!(np.kind, NpKind::Name(_)) {
        return Some(np);
    }
    name_after_description(toks, k).or(Some(np))
}

/// A word that carries content: no function word, auxiliary or French cue verb (an
/// adjective, a noun, in a description or a body's name).
fn is_content_word(t: &Tok) -> bool {
    let lx = Lexicon::get();
    !lx.is_function_word(&t.low) && !FR_AUX.contains(&t.low.as_str()) && !lx.fr_cues.contains(t.low.as_str())
}

/// "le jeune attaquant Yanis Belkacem", "la discrète présidente Anne Vidal": an article,
/// up to three lower-case words, then a capitalised name read as one.
fn name_after_description(toks: &[Tok], k: usize) -> Option<Np> {
    toks.get(k).filter(|t| matches!(t.low.as_str(), "le" | "la" | "l'" | "un" | "une"))?;
    let n = (k + 1..toks.len().min(k + 5)).find(|&n| !toks[n].is_lower_word())?;
    let described = n > k + 1 && toks[k + 1..n].iter().all(is_content_word);
    let np = np_forward(toks, n, toks.len()).filter(|np| described && np.first == n && matches!(np.kind, NpKind::Name(_)))?;
    Some(Np { first: k, start: toks[k].start, ..np })
}

/// "« Combien le kilo ? — Neuf cents euros. — C'est cher ! »": a dialogue inside one pair
/// of guillemets, a dash after the end of a sentence marking each change of speaker.
/// Returns the turns (trimmed byte ranges of `piece`) when there are two or more, each
/// with the byte range of the dash before it (empty for the first).
pub(super) fn dialogue_turns(text: &str, piece: std::ops::Range<usize>) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let Some(words) = text.get(piece.clone()) else { return Vec::new() };
    let mut turns = Vec::new();
    let (mut start, mut dash_before) = (piece.start, piece.start..piece.start);
    for (k, c) in words.char_indices().filter(|&(_, c)| matches!(c, '—' | '–')) {
        let before = words[..k].trim_end_matches(super::quote_marks::is_space);
        let after = &words[k + c.len_utf8()..];
        let sentence_ended = before.ends_with(['?', '!', '.', '…']);
        if !sentence_ended || !after.starts_with(super::quote_marks::is_space) {
            continue;
        }
        turns.push((start..piece.start + before.len(), dash_before));
        let rest = after.trim_start_matches(super::quote_marks::is_space);
        start = piece.end - rest.len();
        dash_before = piece.start + k..piece.start + k + c.len_utf8();
    }
    if turns.is_empty() || start >= piece.end {
        return Vec::new();
    }
    turns.push((start..piece.end, dash_before));
    turns
}

// ---- fr-roles (session 15): a former holder of a role ----

/// Words that make a French role a past one: "l'ancien ministre", "l'ex-maire".
const FORMER_QUALIFIERS: [&str; 4] = ["ancien", "ancienne", "ex", "ex-"];

/// Words an article gives a person leaving or having left a post: "le secrétaire
/// sortant", "la maire démissionnaire", "l'ancien président", "son prédécesseur".
const OUTGOING_WORDS: [&str; 9] = ["sortant", "sortante", "ancien", "ancienne", "ex", "démissionnaire", "prédécesseur", "prédécesseure", "honoraire"];

/// Whether a French role phrase's qualifiers (folded) make it a past role: "a confié
/// l'ancien ministre". The article often never gave that role before (a career detail
/// the reader is assumed to know), so the role look-up finds no one; what it did give is
/// that the person is outgoing (`is_outgoing_word`).
pub(super) fn is_former_role(quals: &[String]) -> bool {
    quals.iter().any(|q| FORMER_QUALIFIERS.contains(&q.as_str()))
}

/// Whether a role word the article gave someone (folded) marks them as leaving or having
/// left a post: "sortant", "démissionnaire", "ancienne".
pub(super) fn is_outgoing_word(word: &str) -> bool {
    OUTGOING_WORDS.contains(&word)
}

/// How far into the article its lead (standfirst) is read for a demonstrative role.
pub(super) const LEAD_BYTES: usize = 700;

/// Where `lead` describes someone with a demonstrative and the role noun `head` (the byte
/// offset of the demonstrative): "Depuis douze ans, cette cheffe de chœur fait chanter …",
/// "ce vigneron de 60 ans". A portrait's standfirst points that way at its subject.
pub(super) fn lead_names_role_by_demonstrative(lead: &str, head: &str) -> Option<usize> {
    let mut words = lead.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).peekable();
    while let Some(w) = words.next() {
        if matches!(w.to_lowercase().as_str(), "ce" | "cet" | "cette") && words.peek().is_some_and(|n| n.to_lowercase() == head) {
            // (`w` is a slice of `lead`: its offset is the pointer difference.)
            return Some(w.as_ptr() as usize - lead.as_ptr() as usize);
        }
    }
    None
}

/// Nouns in -eur that name a thing or a quality, never someone speaking.
const NOT_AGENT_NOUNS: [&str; 40] = [
    "secteur", "moteur", "cœur", "coeur", "honneur", "bonheur", "malheur", "ordinateur", "réacteur", "tracteur", "compteur",
    "capteur", "intérieur", "extérieur", "meilleur", "supérieur", "labeur", "radiateur", "équateur", "détecteur", "ascenseur",
    "aspirateur", "indicateur", "accélérateur", "leur", "seigneur", "téléviseur", "climatiseur", "chœur", "choeur", "docteur",
    "matrice", "cicatrice", "motrice", "tondeuse", "perceuse", "friteuse", "mitrailleuse", "moissonneuse", "veilleuse",
];

/// Agent nouns that name a company as often as a person ("le transporteur, la société X"):
/// left to the lists, never taken for a person by their ending.
const BUSINESS_AGENT_NOUNS: [&str; 20] = [
    "transporteur", "distributeur", "fournisseur", "constructeur", "assureur", "opérateur", "diffuseur", "éditeur", "producteur",
    "organisateur", "annonceur", "employeur", "hébergeur", "promoteur", "repreneur", "exportateur", "importateur",
    "radiodiffuseur", "exploitant", "prestataire",
];

/// "le technicien", "la skieuse", "l'animatrice", "un sprinteur": a French noun right after
/// a singular article whose ending makes it an agent noun (-eur after a masculine or
/// elided article, -euse, -trice, -eure, -icien(ne), -acien(ne), -orien(ne), -urgien(ne),
/// -édien(ne)) names a person, though no list holds it. Nouns of things with those
/// endings are kept out (`NOT_AGENT_NOUNS`); "docteur" is a title, read elsewhere.
pub(super) fn agent_noun(article: &str, noun: &str) -> bool {
    let masculine = matches!(article, "le" | "l'" | "un" | "ce" | "cet");
    let feminine = matches!(article, "la" | "l'" | "une" | "cette");
    if (!masculine && !feminine) || noun.chars().count() < 6 || NOT_AGENT_NOUNS.contains(&noun) || BUSINESS_AGENT_NOUNS.contains(&noun) {
        return false;
    }
    let person_suffix = |suffixes: &[&str]| suffixes.iter().any(|s| noun.ends_with(s) || noun.ends_with(&format!("{s}ne")));
    masculine && noun.ends_with("eur")
        || feminine && ["euse", "trice", "eure"].iter().any(|s| noun.ends_with(s))
        || person_suffix(&["icien", "acien", "orien", "urgien", "édien"])
}

/// The gender a French article gives the person noun after it: "la ministre", "une
/// avocate", "cette élue" a woman; "le ministre", "un avocat", "ce juge" a man (a woman
/// and a man of the same role are told apart by it); "l'" and English articles tell nothing.
pub(super) fn article_gender(article: &str) -> Gender {
    match article {
        "la" | "une" | "cette" => Gender::Female,
        "le" | "un" | "ce" | "cet" => Gender::Male,
        _ => Gender::Unknown,
    }
}

// --- fr-pron (session 13): the gender a whole French role phrase tells ---

/// Adjectives that come before a French role noun and show its gender ("l'ancien
/// ministre", "l'ancienne ministre", "le nouvel élu", "la première secrétaire").
const GENDERED_ADJECTIVES: [(&str, Gender); 14] = [
    ("ancien", Gender::Male), ("ancienne", Gender::Female), ("nouveau", Gender::Male), ("nouvel", Gender::Male),
    ("nouvelle", Gender::Female), ("premier", Gender::Male), ("première", Gender::Female), ("dernier", Gender::Male),
    ("dernière", Gender::Female), ("seul", Gender::Male), ("seule", Gender::Female), ("futur", Gender::Male),
    ("future", Gender::Female), ("actuelle", Gender::Female),
];

/// The gender of a French person's role phrase `toks[i..=k]` (article at `i`, head noun
/// at `k`): the article's when it tells one ("la ministre"); after an elided or plural-less
/// article ("l'"), an adjective between them that shows it ("l'ancien ministre": a man, so
/// never the woman named last), else the head noun's own form: its ending
/// (`lexicon::role_noun_gender`) or, for a noun the role list holds in both forms, which
/// of the two it is ("l'élu" beside "élue", "l'adjointe" beside "adjoint").
pub(super) fn role_phrase_gender(toks: &[Tok], i: usize, k: usize) -> Gender {
    let by_article = article_gender(&toks[i].low);
    // (Only after a French determiner that tells no gender: English articles never.)
    let french = matches!(toks[i].low.as_str(), "l'" | "l’" | "son" | "leur");
    if by_article != Gender::Unknown || !french || k <= i || k >= toks.len() {
        return by_article;
    }
    let adjective = toks[i + 1..k].iter().find_map(|t| GENDERED_ADJECTIVES.iter().find(|(a, _)| *a == t.low).map(|(_, g)| *g));
    if let Some(g) = adjective {
        return g;
    }
    // (ranker s14: the one reading of a role noun's form, shared with the ranker.)
    role_noun_gender(&toks[k].low, true)
}

/// The gender a French person's role phrase `np` tells of the person it stands for ("la
/// maire", "l'ancien ministre", "l'élue"), when it tells one; kinship nouns of someone
/// else ("son mari") tell nothing of the owner, and English phrases are left alone.
pub(super) fn gender_told_by_role(text: &str, np: &Np) -> Option<Gender> {
    let NpKind::Role { kind: SpeakerKind::Person, .. } = &np.kind else { return None };
    (np.gender != Gender::Unknown && is_french_phrase(text, np) && possessed_kin(text, np).is_none()).then_some(np.gender)
}

/// Who speaks in a dialogue whose turns carry no cue ("Un habitué, Gérard Le Bihan,
/// s'approche de l'étal. — Deux kilos … — Ça vous fera …"): the first turn is the first
/// person named in the last sentence before it that names someone (its subject, as a
/// scene is set: "Henri Boudon remet les clés à Inès Chabrier"), the second the person
/// named last before it other than that one, if any (the first one is never a complement). `mentions` are the registry's
/// (byte offset, entity, spoke, oblique) in text order; only those in `since..before` count.
pub(super) fn dialogue_interlocutors(
    mentions: &[(usize, usize, bool, bool)],
    sentence_starts: &[usize],
    since: usize,
    before: usize,
    is_person: impl Fn(usize) -> bool,
) -> Option<(usize, Option<usize>)> {
    let lo = mentions.partition_point(|m| m.0 < since);
    let hi = mentions.partition_point(|m| m.0 < before);
    let people: Vec<(usize, usize, bool)> = mentions[lo..hi].iter().filter(|m| is_person(m.1)).map(|m| (m.0, m.1, m.3)).collect();
    let &(last_pos, _, _) = people.last()?;
    let sentence = sentence_starts[..sentence_starts.partition_point(|&s| s <= last_pos)].last().copied().unwrap_or(0);
    // (Not a complement: "à l'entrée de Villaines-la-Juhel, l'adjudant X arrête".)
    let first = people.iter().find(|(pos, _, oblique)| *pos >= sentence && !oblique)?.1;
    let other = people.iter().rev().map(|&(_, e, _)| e).find(|&e| e != first);
    Some((first, other))
}

/// Whether the quote at `next` is the next turn of a dialogue whose previous turn is the
/// quote ending at `prev_close`: only a dash stands between them.
pub(super) fn next_turn(text: &str, prev_close: usize, next_open: usize) -> bool {
    text.get(prev_close..next_open).is_some_and(|between| matches!(between.trim_matches(super::quote_marks::is_space), "—" | "–"))
}

/// A question paragraph of an interview in questions and answers: no quote in it, ending
/// on "?" or on an ellipsis ("Les élus disent pourtant manquer de place…"), the
/// interviewer's prompt left hanging.
pub(super) fn is_interview_question(paragraph: &[Tok]) -> bool {
    let prompt = paragraph.last().is_some_and(|t| matches!(t.text.as_str(), "?" | "…" | "..."));
    prompt && !paragraph.iter().any(|t| matches!(t.kind, TokKind::Quote(_)))
}

/// Words of a name with each elided word joined to the next ("l'", "homme" → "l'homme").
fn glue_elisions(words: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for w in words {
        match out.last_mut() {
            Some(prev) if prev.ends_with('\'') || prev.ends_with('’') => prev.push_str(&w),
            _ => out.push(w),
        }
    }
    out
}

/// "Pour le collectif de défense des enfants, …", "Selon le syndicat des infirmiers, …": a
/// body named by its common noun after a preposition cue is identified by its complement in
/// lower case, which runs to the comma closing the attribution; the phrase keeps it (so the
/// body is named "collectif de défense des enfants", not left as an unknown "collectif").
pub(super) fn body_with_its_complement(toks: &[Tok], np: Np, hi: usize) -> Np {
    if !matches!(np.kind, NpKind::Role { kind: SpeakerKind::Organisation, definite: true, .. }) {
        return np;
    }
    let from = np.last + 1;
    if !toks.get(from).is_some_and(|t| t.is_lower_word() && matches!(t.low.as_str(), "de" | "d'" | "du" | "des")) {
        return np;
    }
    let end = hi.min(toks.len()).min(from + 8);
    let Some(comma) = (from..end).find(|&k| !toks[k].is_lower_word()).filter(|&k| toks[k].kind == TokKind::Punct && toks[k].text == ",") else { return np };
    // (A relative clause or a verb is not part of the name: "le collectif de défense qui
    // manifestait hier, …".)
    let lx = Lexicon::get();
    let clause_word = |t: &Tok| {
        matches!(t.low.as_str(), "qui" | "que" | "qu'" | "dont" | "où" | "est" | "sont" | "était")
            || FR_AUX.contains(&t.low.as_str())
            || lx.fr_cues.contains(t.low.as_str())
            || lx.fr_participles.contains(t.low.as_str())
    };
    if toks[from..comma].iter().any(clause_word) {
        return np;
    }
    let mut quals = np.quals.clone();
    quals.extend(content_words(&toks[from..comma]));
    Np { last: comma - 1, end: toks[comma - 1].end, quals, ..np }
}

/// "a déclaré un porte-parole du collectif Droit de cité", "selon l'association Terres
/// saines": a body noun closing the speaker phrase is followed by the body's own name,
/// capitalised on its first word only; the phrase takes the name along (so the body is
/// "collectif Droit de cité", not an unknown "collectif"). The name runs up to the end of
/// the clause, a preposition or a verb, at most six words.
pub(super) fn body_with_its_name(toks: &[Tok], np: Np, hi: usize) -> Np {
    let lx = Lexicon::get();
    if !matches!(np.kind, NpKind::Role { .. }) || lx.role(&toks[np.last].low) != Some(SpeakerKind::Organisation) {
        return np;
    }
    let first = np.last + 1;
    if first >= hi || !toks[first].is_cap() {
        return np;
    }
    let in_name = |t: &Tok| {
        let connector = matches!(t.low.as_str(), "de" | "d'" | "du" | "des" | "la" | "l'" | "et");
        let verb = FR_AUX.contains(&t.low.as_str()) || lx.fr_cues.contains(t.low.as_str()) || lx.fr_participles.contains(t.low.as_str());
        let outside = FR_OBLIQUE_PREPOSITIONS.contains(&t.low.as_str()) || NAME_STOPS.contains(&t.low.as_str());
        t.kind == TokKind::Word && !verb && !outside && (connector || !lx.is_function_word(&t.low))
    };
    let mut last = first;
    while last + 1 < hi.min(first + 6) && in_name(&toks[last + 1]) {
        last += 1;
    }
    // (A name does not end on its connector: "Droit de" + "la Loire…" cut short.)
    while last > first && matches!(toks[last].low.as_str(), "de" | "d'" | "du" | "des" | "la" | "l'" | "et") {
        last -= 1;
    }
    let mut quals = np.quals.clone();
    quals.extend(content_words(&toks[first..=last]));
    Np { last, end: toks[last].end, quals, ..np }
}

/// The speaker phrase after a cue with what names it: a body's own name after its noun
/// ([`body_with_its_name`]), or a person's name apposed to their role
/// ([`name_apposed_to_role`]).
pub(super) fn phrase_with_its_name(toks: &[Tok], np: Np, hi: usize) -> Np {
    let np = with_gender_of_its_participle(toks, demonym_as_pronoun(toks, without_demonym(toks, np, hi)), hi);
    match name_apposed_to_role(toks, &np, hi) {
        Some(name) => name,
        None => body_with_its_name(toks, np, hi),
    }
}

/// "« …, a reconnu le président de la conférence, le Kényan Daniel Mwangi, mais … »": a
/// French definite person role after the cue, then a comma and a name closed by a comma or
/// the end of the clause, is that named person (who may be mentioned nowhere before, so
/// the role alone would go to someone else).
pub(super) fn name_apposed_to_role(toks: &[Tok], np: &Np, hi: usize) -> Option<Np> {
    // (The phrase's first word by its bytes: `first` may be its head.)
    let opening = toks[..=np.first.min(toks.len() - 1)].iter().rev().find(|t| t.start <= np.start)?;
    let french_article = matches!(opening.low.as_str(), "le" | "la" | "l'" | "son" | "sa");
    if !french_article || !matches!(np.kind, NpKind::Role { kind: SpeakerKind::Person, .. }) {
        return None;
    }
    // (The phrase may end on complements past its last counted word: "de la conférence".)
    let after = (np.last + 1..hi).find(|&k| toks[k].start >= np.end)?;
    // (Past the rest of its complement and an acronym in brackets: "le chef de l'Institut
    // national de défense civile (Indeci), Jorge Paredes".)
    let lx = Lexicon::get();
    let in_complement = |t: &Tok| (t.is_word() && !FR_AUX.contains(&t.low.as_str()) && !lx.fr_cues.contains(t.low.as_str())) || t.text == "(" || t.text == ")";
    let comma = (after..hi.min(after + 10)).find(|&k| !in_complement(&toks[k]))?;
    if comma + 1 >= hi || toks[comma].text != "," {
        return None;
    }
    let name = np_forward(toks, comma + 1, hi).filter(|n| matches!(n.kind, NpKind::Name(_)))?;
    let closed = toks.get(name.last + 1).is_none_or(|t| name.last + 1 >= hi || t.kind == TokKind::Punct);
    closed.then(|| without_demonym(toks, name, hi))
}

/// Endings that tell a demonym standing alone ("le Portugais", "la Lyonnaise", "l'Italien").
const DEMONYM_ENDINGS: [&str; 8] = ["ais", "aise", "ois", "oise", "ain", "aine", "ien", "ienne"];

/// Endings that tell a demonym only before a name: alone they also end the names of
/// countries and regions ("le Soudan", "le Groenland", "le Tyrol").
const DEMONYM_ENDINGS_BEFORE_NAME: [&str; 6] = ["an", "ane", "and", "ande", "ol", "ole"];

/// Demonyms that no ending tells: the same word in both genders ("le Belge", "la Suisse"
/// before a name).
const DEMONYMS_IN_E: &[&str] = &[
    "belge", "suisse", "russe", "britannique", "tchèque", "slovaque", "bulgare", "serbe", "croate", "slovène",
    "biélorusse", "grecque", "turque", "basque", "corse",
];

/// "le Kényan Daniel Mwangi", "la Lyonnaise Anne Roux": a capitalised demonym (by its
/// ending: -ais(e), -ois(e), -ain(e), -ien(ne), -an(e), -and(e), -ol(e), or listed) at `f`,
/// after "le"/"la"/"l'" and before a name of two words or more ending at `last`, tells where
/// the person is from; it is not part of the name.
pub(super) fn is_demonym_before_name(toks: &[Tok], f: usize, last: usize) -> bool {
    // (Elided too: "l'Allemande Katrin Vogler", "l'Italien Marco Rossi".)
    let article = f > 0 && matches!(toks[f - 1].low.as_str(), "le" | "la" | "l'");
    let low = toks[f].low.as_str();
    let demonym = DEMONYM_ENDINGS.iter().chain(&DEMONYM_ENDINGS_BEFORE_NAME).any(|e| low.ends_with(e)) || DEMONYMS_IN_E.contains(&low);
    article && demonym && toks[f].is_cap() && last >= f + 2 && toks[f + 1..=last].iter().all(Tok::is_cap)
}

/// "a estimé le Portugais", "la Lyonnaise a répondu": a single capitalised demonym (-ais(e),
/// -ois(e), -ain(e), -ien(ne); not -an, which ends country names such as "le Soudan") right
/// after "le"/"la"/"l'" stands for a person already in the story, as a pronoun would: the
/// phrase becomes a person pronoun of the article's gender.
fn demonym_as_pronoun(toks: &[Tok], np: Np) -> Np {
    let NpKind::Name(words) = &np.kind else { return np };
    let [word] = words.as_slice() else { return np };
    let low = fold(word);
    let demonym = DEMONYM_ENDINGS.iter().any(|e| low.ends_with(e));
    // (The phrase may open on its article, capitalised too when it opens the sentence: "Le
    // Français s'est dit", fr-people.)
    let article_word = |t: &Tok| matches!(t.low.as_str(), "le" | "la" | "l'");
    let first = (np.first.min(np.last)..=np.last.min(toks.len().saturating_sub(1))).find(|&k| toks[k].start >= np.start && toks[k].is_cap() && !article_word(&toks[k]));
    let article = first.and_then(|k| k.checked_sub(1)).map(|k| toks[k].low.as_str());
    let gender = match article {
        Some("le") => Gender::Male,
        Some("la") => Gender::Female,
        Some("l'") => Gender::Unknown,
        _ => return np,
    };
    if !demonym || low.chars().count() < 5 || !toks[first.unwrap_or(0)].is_cap() {
        return np;
    }
    Np { kind: NpKind::Pronoun(PronounKind::Person, gender), gender, ..np }
}

/// "s'amuse l'artiste, joint par téléphone", "précise la responsable, contactée": a past
/// participle set off after a person role of no known gender (an elided or epicene noun)
/// agrees with it, and tells whether a man or a woman speaks.
fn with_gender_of_its_participle(toks: &[Tok], np: Np, hi: usize) -> Np {
    if np.gender != Gender::Unknown || !matches!(np.kind, NpKind::Role { kind: SpeakerKind::Person, .. }) {
        return np;
    }
    let Some(comma) = (np.last + 1..hi.min(toks.len())).find(|&k| toks[k].start >= np.end) else { return np };
    let Some(word) = toks.get(comma + 1).filter(|t| toks[comma].is_punct(',') && t.is_lower_word() && comma + 1 < hi) else { return np };
    let gender = match word.low.as_str() {
        "jointe" => Gender::Female,
        "joint" => Gender::Male,
        w if w.ends_with("ée") && w.chars().count() > 4 => Gender::Female,
        w if w.ends_with('é') && w.chars().count() > 3 => Gender::Male,
        _ => return np,
    };
    Np { gender, ..np }
}

fn without_demonym(toks: &[Tok], name: Np, hi: usize) -> Np {
    let Some(f) = (name.first..=name.last).find(|&k| toks[k].is_cap()) else { return name };
    if !is_demonym_before_name(toks, f, name.last) {
        return name;
    }
    np_forward(toks, f + 1, hi).filter(|n| matches!(n.kind, NpKind::Name(_)) && n.last == name.last).unwrap_or(name)
}

/// Words that end a body's name written after its noun: prepositions, relatives, times.
const NAME_STOPS: [&str; 21] = [
    "en", "dans", "devant", "sur", "sous", "lors", "après", "avant", "depuis", "qui", "que", "qu'", "dont", "où", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// "« … » averti Météo France", "« … », précisé le préfet": in the words right after a
/// quote, a listed past participle followed by its subject (a name or a definite phrase) can
/// only be the inverted attribution, its auxiliary or final -t left out by the writer.
pub(super) fn bare_participle_cue(right: &[Tok]) -> Option<Cue> {
    let k = usize::from(right.first().is_some_and(|t| t.kind == TokKind::Punct && t.text == ","));
    let verb = right.get(k).filter(|t| t.is_lower_word() && Lexicon::get().fr_participles.contains(t.low.as_str()))?;
    let subject = right.get(k + 1).is_some_and(|n| n.is_cap() || n.is_lower_word() && matches!(n.low.as_str(), "le" | "la" | "l'" | "les"));
    subject.then(|| Cue { first: k, last: k, text: verb.text.to_string(), participle: false, preposition: false, pronoun: None })
}

/// Adjectives that French institution names keep in lower case after their capitalised
/// first word ("Union européenne", "Assemblée nationale", "Ligue arabe", "Banque mondiale").
const INSTITUTION_ADJECTIVES: [&str; 30] = [
    "européenne", "européen", "nationale", "national", "mondiale", "mondial", "internationale", "international", "arabe",
    "africaine", "africain", "islamique", "populaire", "fédérale", "fédéral", "constitutionnel", "suprême", "générale",
    "général", "socialiste", "communiste", "démocrate", "républicain", "écologiste", "départemental", "départementale",
    "régional", "régionale", "municipal", "municipale",
];

/// "Le conseil départemental, principal partenaire, a salué": a body named by its lower-case
/// noun keeps the institution adjectives written right after it (at most two), so it is
/// the "conseil départemental", not any "conseil". Returns where the name ends in `text`.
pub(super) fn institution_adjectives_end(text: &str, end: usize) -> usize {
    let mut at = end;
    for _ in 0..2 {
        let rest = text.get(at..).unwrap_or("");
        let word = rest.strip_prefix(' ').and_then(|r| r.split(|c: char| !c.is_alphabetic()).next()).unwrap_or("");
        if word.is_empty() || !INSTITUTION_ADJECTIVES.contains(&word) {
            break;
        }
        at += 1 + word.len();
    }
    at
}

/// The end of a name starting at `i` whose capitalised words end at `r`: French capitalises
/// only the first word of an institution's name, so one organisation word ("Union",
/// "Assemblée", "Ligue") followed by listed adjectives in lower case is the whole name.
pub(super) fn institution_name_end(toks: &[Tok], i: usize, r: usize, end: usize) -> usize {
    let r = company_name_end(toks, i, r, end);
    // (fr-bodies: "le Quai d'Orsay", "Santé publique France".)
    let r = name_with_inner_adjective_end(toks, i, org_word_through_elision_end(toks, i, r, end), end);
    // (fr-places s16: "la Cour des comptes", `org_word_with_common_complement_end`.)
    let r = org_word_with_common_complement_end(toks, i, r, end);
    // (fr-bodies s14: "La Fédération agricole" opening a sentence: the capitalised
    // article before the organisation word, `org_word_after_article`.)
    let o = org_word_after_article(toks, i, r);
    if r != o + 1 || !Lexicon::get().is_org_word(&toks[o].low) {
        return r;
    }
    let mut e = r;
    // (fr-bodies s14: adjectives told by their ending too, `is_name_adjective`.)
    while e < end.min(r + 2) && toks[e].is_lower_word() && is_name_adjective(&toks[e]) {
        e += 1;
    }
    e
}

/// Common nouns that introduce the proper name of a company or a body ("la société Immo
/// Plaine", "l'enseigne Maisons du Monde"): what follows is its name, not a person's.
pub(super) const COMPANY_NOUNS: [&str; 16] = [
    "société", "entreprise", "groupe", "association", "collectif", "enseigne", "compagnie", "cabinet", "fondation", "fédération",
    "coopérative", "firme", "laboratoire", "marque", "start-up", "filiale",
];

/// "la société Vitrines du Centre", "l'association Amis de la Terre": right after a body's
/// common noun ([`COMPANY_NOUNS`]), the capitalised name starting at `i` (its capitals
/// ending at `r`) runs on through one "du", "de la", "des" or "de" to the capitals after it,
/// where a person's name would stop ("le maire du Havre").
fn company_name_end(toks: &[Tok], i: usize, r: usize, end: usize) -> usize {
    if i == 0 || r <= i || !COMPANY_NOUNS.contains(&toks[i - 1].low.as_str()) {
        return r;
    }
    if let Some(e) = phrase_name_end(toks, i, r, end) {
        return e;
    }
    // (fr-bodies s15: "l'association Terres saines, …": `name_with_closing_adjective_end`.)
    if let Some(e) = name_with_closing_adjective_end(toks, i, r, end) {
        return e;
    }
    let link = match toks.get(r).map(|t| t.low.as_str()) {
        Some("du" | "des") => 1,
        Some("de" | "d'") if toks.get(r + 1).is_some_and(|t| matches!(t.low.as_str(), "la" | "l'")) => 2,
        Some("de" | "d'") => 1,
        _ => return r,
    };
    let mut e = r + link;
    while e < end && toks[e].is_cap() {
        e += 1;
    }
    if e > r + link { e } else { r }
}

/// "le syndicat", "le parti", "l'association": nouns for a kind of body, many of which
/// exist, so the bare noun stands for one the article named (unlike "la préfecture").
pub(super) fn needs_a_name(head: &str) -> bool {
    COMPANY_NOUNS.contains(&head) || matches!(head, "syndicat" | "parti" | "centrale")
}

/// Bodies whose names are often a phrase: "l'association Parents en réseau", "le collectif
/// Nous toutes".
const PHRASE_NAMED_BODIES: [&str; 5] = ["association", "collectif", "fédération", "fondation", "coopérative"];
/// Prepositions that run on inside such a name.
const PHRASE_NAME_LINKS: [&str; 7] = ["en", "pour", "sans", "contre", "au", "aux", "à"];

/// "l'association Parents en réseau, qui …": French capitalises only the first word of a
/// body's name, so after an association-like noun ([`PHRASE_NAMED_BODIES`]) one capitalised
/// word, a preposition and at most two lower-case words closed by punctuation are its whole
/// name (never a verb or a clause word: the name must end at a comma or a full stop).
fn phrase_name_end(toks: &[Tok], i: usize, r: usize, end: usize) -> Option<usize> {
    if r != i + 1 || !PHRASE_NAMED_BODIES.contains(&toks[i - 1].low.as_str()) {
        return None;
    }
    let lx = Lexicon::get();
    // (fr-bodies2: "de" too, `de_opens_phrase_name`.)
    if !toks.get(r).is_some_and(|t| t.is_lower_word() && PHRASE_NAME_LINKS.contains(&t.low.as_str()) || de_opens_phrase_name(toks, r)) {
        return None;
    }
    let words = (r + 1..end.min(r + 3)).take_while(|&k| toks[k].is_lower_word() && !lx.fr_cues.contains(toks[k].low.as_str())).count();
    let e = r + 1 + words;
    let closed = e < end && (toks[e].is_punct(',') || toks[e].is_punct('.'));
    (words > 0 && closed).then_some(e)
}

/// fr-bodies2: "l'association Liberté de rouler, qui …": "de" runs on inside a phrase
/// name too when the word after it is a content word ("de rouler"), never a determiner
/// or pronoun ("Aides de son côté", "Emmaüs de la ville").
fn de_opens_phrase_name(toks: &[Tok], r: usize) -> bool {
    let lx = Lexicon::get();
    toks.get(r).is_some_and(|t| t.is_lower_word() && t.low == "de")
        && toks.get(r + 1).is_some_and(|t| t.is_lower_word() && !lx.is_function_word(&t.low) && !is_det(t))
}

/// "Une habitante du hameau, réveillée par les explosions, témoigne :", "D'après un proche du
/// ministre, « … »", "Plus loin, une automobiliste contrôlée … proteste :": an indefinite
/// person role ("un", "une" and a person's noun) opening the clause before `cue_first` (the
/// cue, or the colon announcing the quote) is someone the article does not name: the quote
/// stays theirs, unnamed, rather than going to the last person named.
pub(super) fn unnamed_person_before(toks: &[Tok], cue_first: usize) -> Option<Np> {
    (0..cue_first.min(toks.len()))
        .filter(|&k| toks[k].text != "UN" && matches!(toks[k].low.as_str(), "un" | "une"))
        .filter(|&k| k == 0 || toks[k - 1].text == "," || matches!(toks[k - 1].low.as_str(), "selon" | "après" | "d'après"))
        .find_map(|k| np_forward(toks, k, cue_first).filter(|np| np.first == k && is_unnamed_person(np)))
        // ("Une voisine, Marie Dupont, raconte :" names her.)
        .filter(|np| !(toks.get(np.last + 1).is_some_and(|t| t.text == ",") && np_forward(toks, np.last + 2, cue_first).is_some_and(|n| matches!(n.kind, NpKind::Name(_)))))
}

/// An indefinite phrase naming a person by their role ("un proche du ministre").
pub(super) fn is_unnamed_person(np: &Np) -> bool {
    matches!(np.kind, NpKind::Role { kind: SpeakerKind::Person, definite: false, .. })
}

/// "« … », indique-t-on à la brigade de Landivisiau", "précise-t-on au ministère": after
/// an inverted cue on "on", the body named after "à", "au", "chez" or "auprès de" is who
/// speaks, as written (up to the end of the clause, a preposition or a time, six words
/// at most).
pub(super) fn body_behind_on(toks: &[Tok], c: &Cue) -> Option<Speaker> {
    if c.pronoun.as_deref().map(fold).as_deref() != Some("on") {
        return None;
    }
    let at = c.last + 1;
    let from = match toks.get(at)?.low.as_str() {
        "à" | "au" | "aux" | "chez" => at + 1,
        "auprès" if toks.get(at + 1).is_some_and(|t| matches!(t.low.as_str(), "de" | "d'" | "du" | "des")) => at + 2,
        _ => return None,
    };
    let article = usize::from(toks.get(from).is_some_and(|t| matches!(t.low.as_str(), "la" | "l'" | "le")));
    let first = from + article;
    let stop = |t: &Tok| t.kind != TokKind::Word || FR_OBLIQUE_PREPOSITIONS.contains(&t.low.as_str()) || NAME_STOPS.contains(&t.low.as_str());
    let last = (first..toks.len().min(first + 6)).take_while(|&k| !stop(&toks[k])).last()?;
    let words: Vec<String> = glue_elisions(toks[first..=last].iter().map(|t| t.text.to_string()).collect());
    Some(Speaker { name: words.join(" "), kind: SpeakerKind::Organisation })
}

/// "Au ministère de la Transition écologique, on rappelle que « … »", "Au cabinet du
/// ministre, on indique que", "Chez Renault, on assure": "on" speaking after a fronted
/// place of a body ("à", "au", "aux", "chez" opening the sentence, up to the comma right
/// before "on") is that body, as written (without its article, eight words at most).
/// `c` is the cue, found among `toks` (the reporter's words of the quote's sentence).
pub(super) fn body_before_on(toks: &[Tok], c: &Cue) -> Option<Speaker> {
    let on = c.first.checked_sub(1)?;
    let comma = on.checked_sub(1)?;
    if toks[on].low != "on" || toks[comma].text != "," {
        return None;
    }
    let opening = (0..comma).rev().find(|&k| matches!(toks[k].low.as_str(), "à" | "au" | "aux" | "chez" | "côté" | "du") && (k == 0 || super::attribution::ends_sentence(toks, k - 1)))?;
    // (fr-bodies s15: "Côté préfecture du Calvados, on rappelle", "Du côté de la mairie, on
    // assure": `side_opening_len`.)
    let opening = opening + side_opening_len(&toks[opening..comma])?;
    let from = opening + 1 + usize::from(toks.get(opening + 1).is_some_and(|t| matches!(t.low.as_str(), "la" | "le" | "l'" | "les")));
    let words = &toks[from..comma];
    if words.is_empty() || words.len() > 8 || !words.iter().all(Tok::is_word) {
        return None;
    }
    let name = glue_elisions(words.iter().map(|t| t.text.to_string()).collect()).join(" ");
    Some(Speaker { name, kind: SpeakerKind::Organisation })
}

/// Participles of a court's judgement whose object is the defendant.
const JUDGED: [&str; 12] =
    ["condamné", "condamnée", "jugé", "jugée", "relaxé", "relaxée", "acquitté", "acquittée", "poursuivi", "poursuivie", "renvoyé", "renvoyée"];
/// The role words a defendant is given, for "le prévenu", "l'accusée" … to find them
/// (gender comes from the person, so both are given).
pub(super) const DEFENDANT_ROLES: [&str; 4] = ["prévenu", "prévenue", "accusé", "accusée"];

/// "… a condamné vendredi soir Kevin Roche, 34 ans, à …", "Gérard Le Bihan, a été condamné
/// …", "Luc Morel a été jugé": a French court report's defendant, the person a judgement
/// is about, whom it later calls "le prévenu" or "l'accusé" without naming. `a..r` is the
/// name among `toks`: the object of "a condamné" (a few words of time between), or the
/// subject of "a été / est condamné" (an apposition between commas before the verb).
pub(super) fn is_court_defendant(toks: &[Tok], a: usize, r: usize) -> bool {
    let judged = |t: &Tok| JUDGED.contains(&t.low.as_str());
    let auxiliary = |t: &Tok| matches!(t.low.as_str(), "a" | "ont" | "avait" | "avaient");
    // Object: "a condamné [vendredi soir] X".
    let object = (a.saturating_sub(4)..a).rev().find(|&k| judged(&toks[k])).is_some_and(|k| {
        k > 0 && auxiliary(&toks[k - 1]) && toks[k + 1..a].iter().all(|t| t.is_lower_word() && !judged(t))
    });
    // Subject: "X a été condamné", "X, a été condamné" (X closing an apposition), "X, 56
    // ans, est jugé".
    let comma = toks.get(r).is_some_and(|t| t.text == ",");
    // (An aside of a name, "de Saint-Aubin, Gérard Le Bihan, a été condamné", makes the
    // name in it the subject, not the one before.)
    let aside_opens = toks.get(r + 1).is_some_and(|t| !t.is_cap());
    let after_aside = (comma && aside_opens).then(|| (r + 1..toks.len().min(r + 12)).find(|&k| toks[k].text == ",").map(|k| k + 1)).flatten();
    let passive = |k: usize| {
        let t = |i: usize| toks.get(i).map(|t| t.low.as_str());
        match (t(k), t(k + 1), t(k + 2)) {
            (Some("a" | "avait" | "aura"), Some("été"), _) => toks.get(k + 2).is_some_and(judged),
            (Some("est" | "sera" | "était"), _, _) => toks.get(k + 1).is_some_and(judged),
            _ => false,
        }
    };
    object
        || passive(r)
        || comma && passive(r + 1)
        || after_aside.is_some_and(passive)
        || prosecuted_after_contre(toks, a)
        || subject_of_fronted_judgement(toks, a, r)
}

/// What a prosecutor asks for a defendant: "… ont été requis mercredi … contre X".
const REQUESTED: [&str; 8] = ["requis", "requise", "requises", "requiert", "requérait", "réclamé", "réclamés", "réclamées"];

/// fr-people: "Quatre ans de prison ont été requis mercredi devant le tribunal correctionnel
/// contre Gérard Roux": the name after "contre" in a sentence where a sentence is asked for
/// (`REQUESTED` among the dozen words before, in the same sentence) is the defendant.
fn prosecuted_after_contre(toks: &[Tok], a: usize) -> bool {
    if a == 0 || toks[a - 1].low != "contre" {
        return false;
    }
    toks[a.saturating_sub(14)..a - 1].iter().rev().take_while(|t| !t.is_punct('.')).any(|t| REQUESTED.contains(&t.low.as_str()))
}

/// Participles that, opening a sentence, say its subject is on trial.
const FRONTED_JUDGED: [&str; 10] = ["jugé", "jugée", "poursuivi", "poursuivie", "soupçonné", "soupçonnée", "accusé", "accusée", "rejugé", "rejugée"];
/// Verbs of a defendant before a court: "X comparaît devant le tribunal".
const APPEARS: [&str; 4] = ["comparaît", "comparait", "comparaissait", "comparaîtra"];
/// Lower-case words that cannot open a main clause's verb phrase after its subject.
const NOT_A_VERB: [&str; 16] = ["en", "à", "au", "aux", "de", "du", "des", "le", "la", "les", "dans", "par", "pour", "sur", "et", "qui"];

/// fr-people: "Jugé depuis lundi pour le meurtre de son associé, Paul Roux, en 2023, Marc
/// Aubry, 34 ans, conteste …", "Alain Roux, ancien maire, comparaît depuis lundi": the
/// subject of a sentence opened by a participle of trial, or of "comparaît", is the
/// defendant. `a..r` is the name; it is that subject when, past an aside of a few words set
/// off by commas (", 34 ans,"), a verb follows it (a lower-case word that is no preposition
/// or article), and, for the participle, when a comma comes right before it. Reads at most
/// a sentence of 60 tokens back and 10 forward.
fn subject_of_fronted_judgement(toks: &[Tok], a: usize, r: usize) -> bool {
    let mut k = r;
    if toks.get(k).is_some_and(|t| t.is_punct(',')) {
        let Some(close) = (k + 1..toks.len().min(k + 10)).find(|&m| toks[m].is_punct(',')) else { return false };
        if toks.get(k + 1).is_none_or(Tok::is_cap) {
            return false;
        }
        k = close + 1;
    }
    let Some(verb) = toks.get(k).filter(|t| t.is_lower_word() && !NOT_A_VERB.contains(&t.low.as_str())) else { return false };
    // (A subject, not the object of a preposition: "des chiens de Saint-Aubin comparaissait"
    // is the place's name.)
    if APPEARS.contains(&verb.low.as_str()) {
        return a == 0 || !toks[a - 1].is_lower_word();
    }
    let ends = |t: &Tok| t.is_punct('.') || t.is_punct('!') || t.is_punct('?');
    let start = (a.saturating_sub(60)..a).rev().find(|&m| ends(&toks[m])).map_or(a.saturating_sub(60), |m| m + 1);
    // (Only a sentence that opens the frame or follows a stop: 60 tokens back otherwise.)
    let opened = start == 0 || ends(&toks[start - 1]);
    opened && a > start && toks[a - 1].is_punct(',') && FRONTED_JUDGED.contains(&toks[start].low.as_str())
}

/// "Le rapport d'expertise, publié lundi, décrit « … »", "le rapport de l'inspection relève":
/// a definite document noun whose only complement is a lower-case common noun after de/d'/du
/// names a kind of document, not an owner the article names (a capitalised complement, "le
/// rapport de la Cour des comptes", is registered as that document by `entities`), so it
/// speaks as the document itself, as a bare "le rapport" does. `written` is the phrase as
/// written, folded. At most four words after the noun, every one lower case.
pub(super) fn document_with_common_complement(written: &str, head: &str) -> bool {
    let written = written.replace('’', "'");
    let words: Vec<&str> = written.split_whitespace().flat_map(|w| w.split_inclusive('\'')).collect();
    let Some(h) = words.iter().position(|w| fold(w) == head) else { return false };
    let rest = &words[h + 1..];
    let opens = rest.first().is_some_and(|w| matches!(fold(w).as_str(), "de" | "d'" | "du" | "des"));
    let lower = rest.iter().all(|w| w.chars().all(|c| !c.is_uppercase()));
    h <= 2 && opens && (2..=5).contains(&rest.len()) && lower
}

/// "Dans un tract, SUD Éducation appelle", "SNCF Réseau précise": a body's acronym opening a
/// name (at `i`) with one capitalised noun after it (at `k`) is one name, the body's branch,
/// where an acronym otherwise never opens a longer name ("le délégué CGT Marc Dupont", "à
/// l'AFP Claire Moreau"). The noun is no first name nor day or month, no capital follows it
/// (a person's name has two words), and the acronym does not follow a person's role noun
/// ("le délégué CGT Messaoudi" is the delegate). Nor is it a person's role or title, a place
/// ("NATO Deputy", "l'AFP Paris"). English names are built the same way ("ABC News").
pub(super) fn acronym_with_its_noun(toks: &[Tok], i: usize, k: usize, end: usize) -> bool {
    let lx = Lexicon::get();
    let t = &toks[k];
    let lone = k + 1 >= end || !toks[k + 1].is_cap();
    let after_role = i > 0 && toks[i - 1].is_lower_word() && lx.role(&toks[i - 1].low) == Some(SpeakerKind::Person);
    k == i + 1
        && t.is_cap()
        && t.text.chars().skip(1).any(char::is_lowercase)
        && t.text.chars().count() > 3
        && !lx.first_names.contains_key(t.text.as_str())
        && !super::attribution::is_calendar_word(t)
        && !lx.is_function_word(&t.low)
        && lx.role(&t.low) != Some(SpeakerKind::Person)
        && lx.title(&t.text).is_none()
        && !lx.is_never_speaker(&[t.low.to_string()])
        && lone
        && !after_role
}

/// "Le député (LR) de la Manche Bertrand Lecoq", "la sénatrice (PS) Anne Roux": a party's
/// acronym or short name ("MoDem") in brackets right after a person's role noun (at `k`) is a label; the role's
/// complement and name go on after it. The index of the closing bracket, if one is there.
pub(super) fn party_label_after(toks: &[Tok], k: usize, end: usize) -> Option<usize> {
    let open = toks.get(k + 1).filter(|t| t.is_punct('('))?;
    // (An acronym, or a party's short name with two capitals or more: "MoDem".)
    let capitals = |t: &Tok| t.text.chars().filter(|c| c.is_uppercase()).count() >= 2;
    let label = toks.get(k + 2).filter(|t| t.is_cap() && capitals(t) && t.text.chars().count() <= 8)?;
    let close = k + 3;
    let closes = toks.get(close).is_some_and(|t| t.is_punct(')'));
    (close < end && closes && open.end <= label.start).then_some(close)
}

/// "Le député (LR) de la Manche Bertrand Lecoq": a French role's complement whose run of
/// capitals (after de/du/des/d') has three words or more ends on a person's first name and
/// surname when the last two are no body's, place's or function word: the index where the
/// name starts. (A known first name is cut off earlier, in `attribution::complement`.)
/// `ka` is the role noun (or the bracket closing its label), `last` the complement's end.
pub(super) fn name_closing_a_role_complement(toks: &[Tok], ka: usize, last: usize) -> Option<usize> {
    let lx = Lexicon::get();
    let of = (ka + 1..last).find(|&m| matches!(toks[m].low.as_str(), "de" | "du" | "des" | "d'"))?;
    let mut j = of + 1;
    if toks.get(j).is_some_and(|t| matches!(t.low.as_str(), "la" | "le" | "l'" | "les")) {
        j += 1;
    }
    let name = last.checked_sub(1)?;
    let person_word = |t: &Tok| {
        t.is_cap() && !super::attribution::is_acronym(t) && !lx.is_org_word(&t.low) && !lx.is_function_word(&t.low) && !lx.place_names.contains(&vec![t.low.to_string()])
    };
    let run = toks.get(j..=last)?;
    (run.len() >= 3 && run.iter().all(|t| t.is_cap()) && toks[name..=last].iter().all(person_word)).then_some(name)
}

/// Nouns of documents whose words a paragraph may quote ("un courriel interne", "la lettre").
const DOCUMENT_NOUNS: [&str; 16] = [
    "courriel", "mail", "e-mail", "courrier", "lettre", "note", "rapport", "communiqué", "document", "texte", "message", "tract",
    "compte-rendu", "procès-verbal", "jugement", "arrêté",
];
/// How many words before the quote the document it is read from may be named.
const DOCUMENT_READ_REACH: usize = 80;

/// "Un courriel interne, adressé par un responsable …, ne laisse guère de doute. « … », y
/// lit-on": a cue of reading ("lit-on", "peut-on y lire") has the document the paragraph
/// named last before the quote as its speaker, as written (its noun and an adjective after
/// it: "courriel interne"). `before` is the paragraph's words up to the quote.
pub(super) fn document_read(c: &Cue, before: &[Tok]) -> Option<Speaker> {
    let low = fold(&c.text);
    if !(low.ends_with("lit-on") || low.ends_with("lire")) {
        return None;
    }
    let from = before.len().saturating_sub(DOCUMENT_READ_REACH);
    let k = (from..before.len()).rev().find(|&k| DOCUMENT_NOUNS.contains(&before[k].low.as_str()) && k > 0 && is_det(&before[k - 1]))?;
    let adjective = before.get(k + 1).filter(|t| t.is_lower_word() && t.low.len() > 3 && !Lexicon::get().is_function_word(&t.low) && !FR_OBLIQUE_PREPOSITIONS.contains(&t.low.as_str()));
    let name = match adjective {
        Some(a) if !looks_like_participle(&a.low) => format!("{} {}", before[k].text, a.text),
        _ => before[k].text.to_string(),
    };
    Some(Speaker { name, kind: SpeakerKind::Document })
}

/// A past participle ("daté", "adressé"): it opens a clause after a noun, not its adjective.
fn looks_like_participle(low: &str) -> bool {
    low.ends_with('é') || low.ends_with("ée") || low.ends_with("és") || low.ends_with("ées")
}

/// Whether a phrase opens on French "un" or "une" (an unnamed person, not English "a").
pub(super) fn opens_on_un(written: &str) -> bool {
    written.split_whitespace().next().is_some_and(|w| matches!(fold(w).as_str(), "un" | "une"))
}

/// Contractions of a preposition and an article: "au", "aux" (à), "du", "des" (de).
const PREPOSITION_ARTICLES: [&str; 4] = ["au", "aux", "du", "des"];

/// "Il travaillait avec son complice de toujours, Jean Morel, …": a name set in apposition
/// to a noun phrase shares that phrase's function; when the phrase is the object of a
/// preposition (avec, à, pour, par, au …), so is the name, and a later il/elle does not go
/// back to it first. `a` is the name's first token. The phrase is read back from the comma
/// over lower-case words to its determiner, past complements ("du club", "de la ville").
pub(super) fn apposed_to_oblique(toks: &[Tok], a: usize) -> bool {
    if a < 3 || toks[a - 1].text != "," {
        return false;
    }
    // ("Debout à la barre, Kevin Maurel triture sa veste": a name its verb follows is the
    // subject after a fronted phrase, not set in apposition to it.)
    let end = (a..toks.len()).find(|&k| !toks[k].is_cap()).unwrap_or(toks.len());
    if toks.get(end).is_some_and(|t| t.is_lower_word() && !matches!(t.low.as_str(), "qui" | "que" | "qu'" | "dont" | "et" | "ou")) {
        return false;
    }
    let lo = a.saturating_sub(10);
    let mut k = a - 1;
    while k > lo {
        k -= 1;
        let t = &toks[k];
        if !t.is_lower_word() {
            return false;
        }
        let before = k.checked_sub(1).map(|b| toks[b].low.as_str());
        let complement = matches!(before, Some("de" | "d'"));
        if PREPOSITION_ARTICLES.contains(&t.low.as_str()) {
            // "au directeur": à + le. "du club", "des élus": a complement inside the phrase.
            if matches!(t.low.as_str(), "au" | "aux") {
                return true;
            }
            continue;
        }
        if DETERMINER_WORDS.contains(&t.low.as_str()) && !complement {
            return before.is_some_and(|b| FR_OBLIQUE_PREPOSITIONS.contains(&b));
        }
    }
    false
}

/// Whether `text` is at most `max` words, all in lower case (no name, no clause a capital
/// would open), the first of which `opens` accepts (folded).
fn few_lower_words(text: &str, max: usize, opens: fn(&str) -> bool) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let lower = |w: &&str| w.chars().all(|c| c.is_lowercase() || matches!(c, '\'' | '’' | '-'));
    words.first().is_some_and(|w| opens(&fold(w))) && words.len() <= max && words.iter().all(lower)
}

/// "la commandante", "le docteur": the few lower-case words of a title after an article,
/// between a description's comma and the name it describes. (Not a clause: "qui a vu".)
pub(super) fn is_title_before_name(gap: &str) -> bool {
    few_lower_words(gap, 3, |w| matches!(w, "le" | "la") || w.starts_with("l'") || w.starts_with("l’"))
}

/// "de la brigade financière", "du club": a complement of a few lower-case words after
/// a noun (not a clause, which a comma or a capital would end, nor a verb after "qui").
pub(super) fn is_complement(words: &str) -> bool {
    few_lower_words(words, 6, |w| matches!(w, "de" | "du" | "des") || w.starts_with("d'") || w.starts_with("d’"))
}

/// Articles and possessives that open a French noun phrase.
const DETERMINER_WORDS: [&str; 13] = ["le", "la", "l'", "les", "un", "une", "son", "sa", "ses", "leur", "leurs", "ce", "cette"];

/// "Selon Rabat, le patrouilleur …": in wire copy a city after "selon" (a listed place that
/// is no country, gazetteer.txt) stands for the government or authorities seated there; it
/// speaks as written, as an organisation.
pub(super) fn city_for_its_government(cue_text: &str, np: &Np) -> Option<Speaker> {
    let NpKind::Name(words) = &np.kind else { return None };
    let lx = Lexicon::get();
    let low: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let city = lx.is_listed_place(&low) && lx.is_never_speaker(&low);
    (fold(cue_text) == "selon" && city).then(|| Speaker { name: words.join(" "), kind: SpeakerKind::Organisation })
}

/// Words that end an organisation's phrase: a clause's links and verbs, never a modifier.
const ORGANISATION_PHRASE_BREAKS: [&str; 16] =
    ["que", "qu'", "qui", "et", "ou", "ne", "n'", "se", "s'", "y", "est", "sont", "était", "sera", "selon", "mais"];

/// "La direction du port a indiqué", "Le ministère marocain des Affaires étrangères a
/// dénoncé", "Le club normand a annoncé": an article and an organisation's head noun
/// (roles.txt, kind organisation) opening the clause, with the adjectives and de-complement
/// that follow it up to the word `j` before the verb. The whole phrase is the speaker as
/// written, an organisation, and not a name inside it nor the nearest person.
pub(super) fn organisation_phrase_before(toks: &[Tok], lo: usize, j: usize) -> Option<Np> {
    let lx = Lexicon::get();
    let opens_clause = |d: usize| d == lo || !toks[d - 1].is_word() || matches!(toks[d - 1].low.as_str(), "mais" | "et" | "puis" | "alors" | "enfin" | "ensuite" | "donc");
    let modifier = |t: &Tok| {
        t.is_word()
            && !ORGANISATION_PHRASE_BREAKS.contains(&t.low.as_str())
            && !FR_AUX.contains(&t.low.as_str())
            && (t.is_cap() || lx.pronoun(&t.low).is_none() || matches!(t.low.as_str(), "le" | "la" | "l'" | "les"))
    };
    let from = j.saturating_sub(10).max(lo);
    (from..j).find_map(|d| {
        let gender = match toks[d].low.as_str() {
            "le" => Gender::Male,
            "la" => Gender::Female,
            "l'" | "les" => Gender::Unknown,
            _ => return None,
        };
        let head = toks.get(d + 1).filter(|h| h.is_lower_word() && lx.role(&h.low) == Some(SpeakerKind::Organisation))?;
        if !opens_clause(d) || !toks[d + 2..=j].iter().all(modifier) {
            return None;
        }
        Some(Np {
            first: d,
            last: j,
            kind: NpKind::Role { kind: SpeakerKind::Organisation, head: head.low.to_string(), definite: true },
            quals: content_words(&toks[d + 2..=j]),
            gender,
            start: toks[d].start,
            end: toks[j].end,
        })
    })
}

/// Prepositions of place: a capitalised word right after one ("À Redon", "en Bretagne",
/// "au Havre", "depuis Rabat") is where something happens, not who speaks.
const PLACE_PREPOSITIONS: [&str; 7] = ["à", "au", "aux", "en", "dans", "depuis", "vers"];

/// Lower-case links inside a French commune's hyphenated name ("Villaines-la-Juhel",
/// "Boulogne-sur-Mer", "Châlons-en-Champagne"); a person's compound name has none.
const COMMUNE_LINKS: [&str; 9] = ["la", "le", "les", "sur", "sous", "en", "lès", "lez", "aux"];

/// Whether a capitalised word is a commune's hyphenated name: a lower-case link between
/// capitalised parts.
pub(super) fn is_commune_name(word: &str) -> bool {
    let parts: Vec<&str> = word.split(['-', '‑']).collect();
    let capitalised = |p: &&str| p.chars().next().is_some_and(char::is_uppercase);
    parts.len() >= 3
        && parts.first().is_some_and(capitalised)
        && parts.last().is_some_and(capitalised)
        && parts[1..parts.len() - 1].iter().any(|p| COMMUNE_LINKS.contains(p))
}

/// Whether the name `toks[a..b]` follows a preposition of place with no person cue: no
/// known first name opening it ("à Sylvie Mahé" is someone spoken to), no age or role
/// apposed after it ("à Dupont, 58 ans,", "à Dupont, maire"). A title before the name
/// stands between it and the preposition, so "à M. Dupont" never gets here.
pub(super) fn is_place_after_preposition(toks: &[Tok], a: usize, b: usize) -> bool {
    let lx = Lexicon::get();
    if a == 0 || b <= a || !(PLACE_PREPOSITIONS.contains(&toks[a - 1].low.as_str()) || a_written_for_a_grave(toks, a - 1)) {
        return false;
    }
    let first = toks[a].text.split(['-', '‑']).next().unwrap_or("");
    if lx.first_names.contains_key(toks[a].text.as_str()) || lx.first_names.contains_key(first) {
        return false;
    }
    let apposed = toks.get(b).is_some_and(|t| t.text == ",").then(|| toks.get(b + 1)).flatten();
    let person_cue = apposed.is_some_and(|t| t.text.chars().all(|ch| ch.is_ascii_digit()) || lx.role(&t.low) == Some(SpeakerKind::Person));
    !person_cue
}

/// "leur société, Soléo Habitat, aurait vendu": a name set in apposition after a body's
/// common noun with its determiner (société, entreprise, groupe …, roles.txt) names that
/// body, not a person a later "il" could stand for. `a` is the name's first token.
pub(super) fn is_apposed_to_body_noun(toks: &[Tok], a: usize) -> bool {
    if a < 3 || toks[a - 1].text != "," {
        return false;
    }
    let noun = &toks[a - 2];
    let det = toks[a - 3].low.as_str();
    let determiner = DETERMINER_WORDS.contains(&det) || matches!(det, "leurs" | "notre" | "votre");
    determiner && noun.is_lower_word() && Lexicon::get().role(&noun.low) == Some(SpeakerKind::Organisation)
}

/// Common nouns of places and buildings whose name follows after "de" ("l'hôtel de
/// Roquelaure", "le massif de la Sorbière", "la vallée d'Aspe").
const PLACE_NOUNS: [&str; 30] = [
    "hôtel", "palais", "rue", "place", "avenue", "boulevard", "quai", "stade", "gymnase", "lycée", "collège", "école",
    "église", "château", "pont", "port", "parc", "aéroport", "gare", "vallée", "massif", "lac", "col", "île", "golfe",
    "baie", "plaine", "forêt", "canal", "quartier",
];

/// "Dans son bureau de l'hôtel de Roquelaure": a capitalised name (`toks[a..]`) after
/// "de"/"du"/"d'" that follows a noun of place or building names that place, not a
/// person a later "il" could stand for. A known first name is still a person's.
pub(super) fn is_place_after_place_noun(toks: &[Tok], a: usize) -> bool {
    let lx = Lexicon::get();
    if a < 2 || !matches!(toks[a - 1].low.as_str(), "de" | "d'" | "d’" | "du" | "des") {
        return false;
    }
    let first = toks[a].text.split(['-', '‑']).next().unwrap_or("");
    if lx.first_names.contains_key(toks[a].text.as_str()) || lx.first_names.contains_key(first) {
        return false;
    }
    PLACE_NOUNS.contains(&toks[a - 2].low.as_str())
}

/// Discourse phrases that set a speaker against the one before ("de son côté", "pour sa
/// part", "quant à lui", "à son tour").
const CONTRAST_PHRASES: [&[&str]; 12] = [
    &["de", "son", "côté"],
    &["de", "leur", "côté"],
    &["pour", "sa", "part"],
    &["pour", "leur", "part"],
    &["quant", "à", "lui"],
    &["quant", "à", "elle"],
    &["quant", "à", "eux"],
    &["quant", "à", "elles"],
    &["à", "son", "tour"],
    &["à", "leur", "tour"],
    &["de", "sa", "part"],
    &["de", "son", "coté"],
];

/// "« … », tranche de son côté M. Faucher", "ajoute quant à lui le maire": a contrast
/// phrase standing between an inverted cue and its subject, which the subject follows
/// (wire and regional copy use them whenever a second voice answers the first). The number
/// of its tokens at `k`, before `hi`; 0 when none opens there.
pub(super) fn contrast_phrase_len(toks: &[Tok], k: usize, hi: usize) -> usize {
    let opens = |p: &[&str]| k + p.len() <= hi.min(toks.len()) && p.iter().enumerate().all(|(j, w)| toks[k + j].is_word() && toks[k + j].low == *w);
    CONTRAST_PHRASES.iter().find(|p| opens(p)).map_or(0, |p| p.len())
}

/// "« … », estime, de son côté, Paul Faucher", "rétorque, agacé, le maire": a short incise
/// set off by commas right after an inverted cue, before its subject (an adjective of
/// mood, a contrast phrase, a time). When `toks[k]` is the comma opening one of at most
/// four lower-case words closed by a comma, the index after that comma (before `hi`).
pub(super) fn incise_after_cue_end(toks: &[Tok], k: usize, hi: usize) -> Option<usize> {
    let hi = hi.min(toks.len());
    if !toks.get(k).is_some_and(|t| t.is_punct(',')) {
        return None;
    }
    let close = (k + 1..hi.min(k + 6)).find(|&m| !toks[m].is_lower_word())?;
    (close > k + 1 && toks[close].is_punct(',') && close + 1 < hi).then_some(close + 1)
}

// ===== fr-people (session 15): "on" in someone's camp =====

/// Openings that set the "on" after them in a person's camp, the word before "de".
const CAMP_OPENINGS: [&[&str]; 4] = [&["dans", "l'", "entourage"], &["dans", "le", "camp"], &["du", "côté"], &["dans", "les", "rangs"]];

/// fr-people: "Dans l'entourage de la ministre, on assure que « … »", "Du côté de Paul
/// Roux, on se dit prêt à « … »": "on" speaking after a fronted camp of someone speaks for
/// that someone. `c` is the cue among `toks` (the reporter's words of the quote's
/// sentence): "on" (and a reflexive "se") right before it, a comma before "on", and the
/// sentence opening on one of `CAMP_OPENINGS` then "de", "d'" or "du": the phrase between
/// "de" and the comma, when it is a name or a person's role.
pub(super) fn camp_before_on(toks: &[Tok], c: &Cue) -> Option<Np> {
    let mut on = c.first.checked_sub(1)?;
    if matches!(toks[on].low.as_str(), "se" | "s'") {
        on = on.checked_sub(1)?;
    }
    let comma = on.checked_sub(1)?;
    if toks[on].low != "on" || toks[comma].text != "," {
        return None;
    }
    let start = (comma.saturating_sub(12)..comma).find(|&k| k == 0 || super::attribution::ends_sentence(toks, k - 1))?;
    let opening = CAMP_OPENINGS.iter().find(|o| start + o.len() < comma && o.iter().enumerate().all(|(j, w)| fold(&toks[start + j].text) == *w))?;
    let de = start + opening.len();
    let from = match toks[de].low.as_str() {
        "de" | "d'" => de + 1,
        "du" => de,
        _ => return None,
    };
    let np = np_forward(toks, from, comma)?;
    let person = matches!(np.kind, NpKind::Name(_) | NpKind::Role { kind: SpeakerKind::Person, definite: true, .. });
    (person && np.last + 1 == comma).then_some(np)
}

// ===== fr-people (session 15): the winner =====

/// Nouns for whoever won a race, a match, an election, a prize.
pub(super) const WINNER_NOUNS: [&str; 6] = ["vainqueur", "vainqueure", "lauréat", "lauréate", "gagnant", "gagnante"];
/// How many mentions back a winner noun looks for the one who won.
pub(super) const WINNER_MENTIONS: usize = 200;
/// The participles and present forms of winning, after the subject: "a remporté",
/// "remporte", "s'est imposé(e)", "s'impose", "l'a emporté", "l'emporte".
const WIN_VERBS: [&str; 7] = ["remporté", "remporte", "imposé", "imposée", "impose", "emporté", "emporte"];

/// fr-people: whether the name opening at byte `pos` is the subject of a verb of winning
/// ("Jonas Vermeer (équipe Nordlys) a remporté dimanche", "Maël Tanguy s'impose en
/// solitaire"): past its capitalised words and a bracket, a win verb among the next three
/// words. Then "a déclaré le vainqueur" is that person, not the rival named last ("devant
/// le Français Lucas Morel"). Reads at most 160 bytes.
pub(super) fn wins_at(text: &str, pos: usize) -> bool {
    let end = floor_char_boundary(text, (pos + 160).min(text.len()));
    let Some(rest) = text.get(pos..end) else { return false };
    // (Not a name inside the bracket, "X (Alvora Cycling) a remporté": the team.)
    if text[..pos].ends_with('(') {
        return false;
    }
    let mut words = rest.split_whitespace().peekable();
    let mut name = 0;
    while name < 5 && words.peek().is_some_and(|w| w.starts_with(char::is_uppercase) && !w.ends_with(',')) {
        if words.next().is_some_and(|w| w.ends_with(')')) {
            return false;
        }
        name += 1;
    }
    if name == 0 {
        return false;
    }
    if words.peek().is_some_and(|w| w.starts_with('(')) {
        let close = words.by_ref().take(6).any(|w| w.ends_with(')'));
        if !close {
            return false;
        }
    }
    words.take(3).any(|w| {
        let w = fold(w.trim_end_matches([',', '.', ';']));
        let verb = w.rsplit('\'').next().unwrap_or("");
        WIN_VERBS.contains(&verb)
    })
}

// ===== fr-people (session 15): a label between a role and its name =====

/// fr-people: "Le maire (divers droite), Jean Roux, a ouvert la séance", "la députée (LFI),
/// Anne Roux,": a bracketed party label of at most five words between a role phrase and the
/// comma before the name belongs to the role phrase. With `end` the index of that comma in
/// `toks`, where the role phrase ends: the opening bracket's index, or `end` itself when no
/// such label closes right before it.
pub(super) fn before_bracketed_label(toks: &[Tok], end: usize) -> usize {
    if end == 0 || !toks[end - 1].is_punct(')') {
        return end;
    }
    let open = (end.saturating_sub(7)..end - 1).rev().take_while(|&k| toks[k].is_word() || toks[k].is_punct('(')).find(|&k| toks[k].is_punct('('));
    open.filter(|&k| k > end.saturating_sub(7) && k + 1 < end - 1).unwrap_or(end)
}

// ===== fr-people (session 15): two roles before one name =====

/// fr-people: "le capitaine et troisième-ligne Paul Roux", "la maire et conseillère
/// départementale Anne Roux": the words between a person's role noun and the name are
/// "et" and one or two lower-case words (a second role, hyphenated or not, with perhaps
/// an adjective), so the first role is the name's too.
pub(super) fn is_second_role_of_pair(between: &[Tok]) -> bool {
    let lx = Lexicon::get();
    matches!(between.len(), 2 | 3)
        && between[0].low == "et"
        && between[1..].iter().all(|t| t.is_lower_word() && !lx.is_function_word(&t.low) && t.text.chars().all(|c| c.is_alphabetic() || c == '-'))
}

// ===== fr-people (session 15): a role noun named at the quote right after =====

/// How far `name_at_next_quote` reads: the lead's sentence and the full quote after it.
const NEXT_QUOTE_BYTES: usize = 1600;

/// Verbs of a reply: the person they name answers someone, so is not the one a role
/// noun before them describes.
const REPLY_CUE_STEMS: [&str; 8] = ["répli", "rétorqu", "répond", "réagi", "object", "contest", "rebond", "riposte"];

/// fr-people: "La présidente de la région a demandé des « compensations ». « La région
/// paie … », a indiqué Mathilde Vercoutre." French copy often opens on a role no one was
/// given and a few quoted words, then names the speaker at the full quote of the very next
/// sentence. Reading from `from` (the end of the role phrase): the sentence must hold a
/// quote and end in the same paragraph; the next sentence must open on a quote whose
/// inverted cue (one to four lower-case words, no reply verb) is followed by a capitalised
/// word. The byte offset of that word (a name or its title), or None. Reads at most
/// `NEXT_QUOTE_BYTES`.
pub(super) fn name_at_next_quote(text: &str, from: usize) -> Option<usize> {
    let from = floor_char_boundary(text, from);
    let end = floor_char_boundary(text, (from + NEXT_QUOTE_BYTES).min(text.len()));
    let rest = text.get(from..end)?;
    let opens = |c: char| matches!(c, '«' | '“');
    let closes = |c: char| matches!(c, '»' | '”');
    // The role's own sentence: it quotes something and ends before the paragraph does.
    let (mut depth, mut quoted, mut stop) = (0usize, false, None);
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\n' => return None,
            c if opens(c) => (depth, quoted) = (depth + 1, true),
            c if closes(c) => depth = depth.saturating_sub(1),
            '.' | '!' | '?' if depth == 0 && chars.peek().is_some_and(|&(_, n)| n == ' ' || n == '\u{a0}') => {
                stop = Some(i + 1);
                break;
            }
            _ => {}
        }
    }
    let after = rest.get(stop.filter(|_| quoted)?..)?.trim_start_matches([' ', '\u{a0}']);
    // The next sentence opens on a quote; past its close, the inverted cue.
    if !after.starts_with(opens) {
        return None;
    }
    let close = after.find(closes)?;
    if after[..close].contains('\n') {
        return None;
    }
    let tail = &after[close..];
    let tail = tail.get(tail.chars().next()?.len_utf8()..)?;
    let cue = tail.trim_start_matches([' ', '\u{a0}', ',']);
    let mut words = 0;
    let mut at = cue;
    loop {
        let w = at.split([' ', '\u{a0}']).next()?;
        if w.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        let low = fold(w);
        if words == 4 || w.is_empty() || !w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’') || REPLY_CUE_STEMS.iter().any(|r| low.starts_with(&fold(r))) {
            return None;
        }
        words += 1;
        at = at[w.len()..].trim_start_matches([' ', '\u{a0}']);
    }
    // (`at` is a slice of `text`: its offset there.)
    (words > 0).then(|| at.as_ptr() as usize - text.as_ptr() as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::attribution::{find_cues, tokenize};

    #[test]
    fn a_name_before_a_verb_of_winning_won() {
        let t = "Jonas Vermeer (équipe Nordlys) a remporté dimanche le Grand Prix. Lucas Morel s'est imposé au sprint. Léa Roux l'a emporté. Paul Durand a perdu.";
        assert!(wins_at(t, 0));
        assert!(!wins_at(t, t.find("Nordlys").unwrap()));
        assert!(wins_at(t, t.find("Lucas").unwrap()));
        assert!(wins_at(t, t.find("Léa").unwrap()));
        assert!(!wins_at(t, t.find("Paul").unwrap()));
    }

    #[test]
    fn a_bracketed_label_before_the_comma_belongs_to_the_role() {
        let t = toks("Le maire (divers droite), Jean Roux, a ouvert");
        let comma = t.iter().position(|x| x.text == ",").unwrap();
        assert_eq!(before_bracketed_label(&t, comma), 2);
        let t = toks("Le maire, Jean Roux, a ouvert");
        assert_eq!(before_bracketed_label(&t, 2), 2);
    }

    #[test]
    fn a_second_role_after_et_keeps_the_first() {
        let t = toks("le capitaine et troisième-ligne Paul Roux");
        assert!(is_second_role_of_pair(&t[2..4]));
        let t = toks("le capitaine et le joueur Paul Roux");
        assert!(!is_second_role_of_pair(&t[2..5]));
    }

    #[test]
    fn a_role_opening_a_lead_is_named_at_the_quote_after() {
        let t = "Titre\n\nLa directrice de l'hôpital a réclamé des « moyens d'urgence ». « Nous tenons à peine », a expliqué Claire Dumas lundi.";
        let at = name_at_next_quote(t, t.find(" a réclamé").unwrap()).unwrap();
        assert!(t[at..].starts_with("Claire Dumas"), "{}", &t[at..]);
        // (A reply names someone else; a pronoun names no one; a new paragraph is too far.)
        let reply = "La directrice a réclamé des « moyens ». « Rien n'est prévu », a répliqué Paul Arnaud.";
        assert_eq!(name_at_next_quote(reply, 13), None);
        let pronoun = "La directrice a réclamé des « moyens ». « Nous tenons à peine », a-t-elle ajouté.";
        assert_eq!(name_at_next_quote(pronoun, 13), None);
        let para = "La directrice a réclamé des « moyens ».\n\n« Nous tenons à peine », a expliqué Claire Dumas.";
        assert_eq!(name_at_next_quote(para, 13), None);
    }

    #[test]
    fn a_person_noun_with_adjectives_before_the_cue_is_its_subject() {
        let t = toks("Au procès, la fonctionnaire principale a décrit un bureau où « tout traînait ».");
        let cues = find_cues(&t);
        let v = cues[0].first;
        let np = role_before_adjectives(&t, 0, v - 1).expect("the civil servant");
        assert_eq!((t[np.first].low.as_str(), t[np.last].low.as_str()), ("la", "principale"));
        // (Not a body, not a noun with no article.)
        let t = toks("Au procès, le conseil municipal a décrit un bureau où « tout traînait ».");
        let v = find_cues(&t)[0].first;
        assert!(role_before_adjectives(&t, 0, v - 1).is_none());
    }

    #[test]
    fn a_first_name_set_after_a_possessed_kin_noun_is_that_relative() {
        let text = "Le patron, Paul Morin, arrive tôt.\nSon frère, Hugo, tient la caisse. Sa fille est là.";
        let hugo = text.find("Hugo").unwrap();
        assert!(introduced_as_kin(text, hugo, "frère"));
        assert!(!introduced_as_kin(text, hugo, "fils"));
        let paul = text.find("Paul").unwrap();
        assert!(!introduced_as_kin(text, paul, "patron"));
        let t = "Le beau-frère, Hugo, rit.";
        assert!(!introduced_as_kin(t, t.find("Hugo").unwrap(), "frère"));
    }

    #[test]
    fn an_incise_after_an_inverted_cue_is_skipped() {
        let text = "« Non », estime, de son côté, Paul Faucher. « Soit », rétorque, agacé, le maire. « Oui », dit Anne, qui sourit.";
        let toks = tokenize(text, 0..text.len(), &[]);
        let after = |w: &str| toks.iter().position(|t| t.text == w).unwrap() + 1;
        let next = |k: usize| toks[k].text.to_string();
        assert_eq!(incise_after_cue_end(&toks, after("estime"), toks.len()).map(next).as_deref(), Some("Paul"));
        assert_eq!(incise_after_cue_end(&toks, after("rétorque"), toks.len()).map(next).as_deref(), Some("le"));
        // No comma right after the verb, or a name inside: no incise.
        assert_eq!(incise_after_cue_end(&toks, after("dit"), toks.len()), None);
        assert_eq!(incise_after_cue_end(&toks, after("Anne"), toks.len()), None);
    }

    #[test]
    fn a_contrast_phrase_between_an_inverted_cue_and_its_subject_is_skipped() {
        let text = "« Rien ne presse », tranche de son côté M. Faucher. « Soit », ajoute quant à lui le maire.";
        let toks = tokenize(text, 0..text.len(), &[]);
        let at = |w: &str| toks.iter().position(|t| t.text == w).unwrap();
        assert_eq!(contrast_phrase_len(&toks, at("tranche") + 1, toks.len()), 3);
        assert_eq!(contrast_phrase_len(&toks, at("ajoute") + 1, toks.len()), 3);
        // Not a phrase: "de son" alone, or a phrase cut by the end of the clause.
        assert_eq!(contrast_phrase_len(&toks, at("tranche"), toks.len()), 0);
        assert_eq!(contrast_phrase_len(&toks, at("tranche") + 1, at("tranche") + 3), 0);
    }

    #[test]
    fn outgoing_words_are_read_with_their_accents() {
        for w in ["sortante", "démissionnaire", "prédécesseur", "ex"] {
            assert!(is_outgoing_word(w), "{w}");
        }
        assert!(!is_outgoing_word("nouveau"));
        assert!(is_former_role(&["ancienne".to_string(), "maire".to_string()]));
        assert!(!is_former_role(&["maire".to_string()]));
    }

    #[test]
    fn every_rule_names_a_test_that_exists() {
        let here = include_str!("rules_fr.rs");
        let quotes_fr = include_str!("../../tests/quotes_fr.rs");
        let quote_marks = include_str!("quote_marks.rs");
        let speaker_names_fr = include_str!("../../tests/speaker_names_fr.rs");
        let people_fr = include_str!("people_fr.rs");
        for (name, tests) in RULES {
            for test in tests.split("; ") {
                let f = format!("fn {}()", test.rsplit("::").next().unwrap());
                let src = match test.split("::").next() {
                    Some("quotes_fr") => quotes_fr,
                    Some("quote_marks") => quote_marks,
                    Some("speaker_names_fr") => speaker_names_fr,
                    Some("people_fr") => people_fr,
                    _ => here,
                };
                assert!(src.contains(&f), "{name}: no test {test}");
            }
        }
    }

    pub(super) fn toks(s: &str) -> Vec<Tok> {
        tokenize(s, 0..s.len(), &[])
    }

    #[test]
    fn an_acronym_with_one_noun_is_one_name() {
        let run = |s: &str| {
            let t = toks(s);
            let i = t.iter().position(super::super::attribution::is_acronym).unwrap();
            let k = super::super::attribution::name_run_end(&t, i, t.len(), super::super::attribution::RunJoins::Phrase);
            t[i..k].iter().map(|x| x.text.to_string()).collect::<Vec<_>>().join(" ")
        };
        assert_eq!(run("Dans un tract, FO Métallurgie dénonce la fermeture."), "FO Métallurgie");
        assert_eq!(run("La RATP Infrastructures précise que la ligne rouvre."), "RATP Infrastructures");
        // (A person's name after the acronym, a first name or a role before it: no.)
        assert_eq!(run("a dit à l'AFP Julien Morel."), "AFP");
        assert_eq!(run("a dit à l'AFP Julien."), "AFP");
        assert_eq!(run("a expliqué le délégué CGT Lemaire."), "CGT");
        assert_eq!(run("a dit à l'AFP Lundi."), "AFP");
    }

    #[test]
    fn a_party_label_in_brackets_after_a_role_is_passed_over() {
        let t = toks("la sénatrice (EELV) de la Drôme");
        assert_eq!(party_label_after(&t, 1, t.len()), Some(4));
        let t = toks("la sénatrice (ancienne maire) de la Drôme");
        assert_eq!(party_label_after(&t, 1, t.len()), None);
    }

    #[test]
    fn two_capitals_closing_a_roles_complement_are_a_name() {
        let t = toks("le conseiller de la Creuse Gaspard Villiers juge");
        assert_eq!(name_closing_a_role_complement(&t, 1, 6), Some(5));
        // (Two capitals are the body or place alone; a body word is no person's.)
        let t = toks("le maire de Port Louis juge");
        assert_eq!(name_closing_a_role_complement(&t, 1, 4), None);
        let t = toks("le délégué de la Croix Rouge Internationale juge");
        assert_eq!(name_closing_a_role_complement(&t, 1, 6), None);
    }

    #[test]
    fn a_document_with_a_common_complement_speaks_as_itself() {
        assert!(document_with_common_complement("Le rapport d'enquête", "rapport"));
        assert!(document_with_common_complement("La note de l’inspection", "note"));
        assert!(document_with_common_complement("le compte-rendu du conseil", "compte-rendu"));
        // (An owner with a capital is a document the registry names after it.)
        assert!(!document_with_common_complement("Le rapport de la Cour des comptes", "rapport"));
        assert!(!document_with_common_complement("Le rapport annuel", "rapport"));
        assert!(!document_with_common_complement("Le rapport", "rapport"));
    }

    #[test]
    fn a_complement_and_a_title_may_stand_between_a_role_and_its_name() {
        assert!(is_complement(" de la brigade financière"));
        assert!(is_title_before_name(" la commandante "));
        // (A clause is neither: "qui a vu", "a dit Marc".)
        assert!(!is_complement(" qui a vu"));
        assert!(!is_title_before_name(" qui a vu "));
        assert!(!is_title_before_name(" la mère de Lucas "));
        assert!(!is_complement(" de son fils Lucas"));
    }

    /// Whether `test` holds at the first token of `name` in `s`.
    fn holds_at_name(s: &str, name: &str, test: fn(&[Tok], usize) -> bool) -> bool {
        let t = toks(s);
        test(&t, t.iter().position(|x| x.text == name).unwrap())
    }

    #[test]
    fn a_listener_ends_before_the_next_determiner() {
        let s = "a déclaré à l'AFP son porte-parole, Julien Marsac.";
        let t = toks(s);
        let l = listener_after(&t, 2, t.len()).unwrap();
        assert_eq!(&s[l.start..l.end], "l'AFP");
        let np = crate::text::attribution::subject_after(&t, 1, t.len()).unwrap();
        assert_eq!(&s[np.start..np.end], "Julien Marsac");
        let s = "a confié au Parisien le maire de Dinan.";
        let t = toks(s);
        let l = listener_after(&t, 2, t.len()).unwrap();
        assert_eq!(&s[l.start..l.end], "Parisien");
        assert!(is_demonstrative_pronoun("celle-ci") && !is_demonstrative_pronoun("celui"));
    }

    #[test]
    fn a_complement_before_the_verb_belongs_to_the_subject_phrase() {
        let s = "Mais la direction de la radio publique de la Belgique a condamné";
        let t = toks(s);
        let v = t.iter().position(|x| x.low == "a").unwrap();
        let np = crate::text::attribution::subject_before(&t, 0, v).unwrap();
        assert_eq!(&s[np.start..np.end], "la direction de la radio publique de la Belgique");
        assert!(matches!(&np.kind, NpKind::Role { head, .. } if head == "direction"), "{np:?}");
        assert!(np.quals.iter().any(|q| q == "radio"), "{np:?}");
    }

    #[test]
    fn a_body_after_pour_keeps_its_complement_up_to_the_comma() {
        let s = "Pour le collectif de défense des enfants, il s'agit";
        let t = toks(s);
        let np = np_forward(&t, 1, t.len()).unwrap();
        let np = body_with_its_complement(&t, np, t.len());
        assert_eq!(&s[np.start..np.end], "le collectif de défense des enfants");
        let s = "Pour le collectif de défense des enfants qui manifestait hier, il s'agit";
        let t = toks(s);
        let np = np_forward(&t, 1, t.len()).unwrap();
        assert_eq!(&s[np.start..body_with_its_complement(&t, np, t.len()).end], "le collectif");
    }

    #[test]
    fn a_bare_participle_right_after_a_quote_is_its_cue() {
        assert_eq!(bare_participle_cue(&toks("averti Météo France.")).map(|c| c.text), Some("averti".to_string()));
        assert_eq!(bare_participle_cue(&toks(", précisé le préfet.")).map(|c| c.first), Some(1));
        assert!(bare_participle_cue(&toks("averti hier soir")).is_none());
        assert!(bare_participle_cue(&toks("dans la soirée")).is_none());
    }

    #[test]
    fn an_institution_name_keeps_its_lower_case_adjective() {
        let t = toks("L'Union européenne estime");
        assert_eq!(institution_name_end(&t, 1, 2, t.len()), 3);
        let t = toks("Le Parti socialiste démocrate veut");
        assert_eq!(institution_name_end(&t, 1, 2, t.len()), 4);
        let t = toks("Paris européenne estime");
        assert_eq!(institution_name_end(&t, 0, 1, t.len()), 1);
    }

    #[test]
    fn a_name_apposed_to_the_object_of_a_preposition_is_oblique() {
        let at = |s: &str, name: &str| {
            let t = toks(s);
            apposed_to_oblique(&t, t.iter().position(|x| x.text == name).unwrap())
        };
        assert!(at("Il chantait avec son partenaire de scène, Paul Girard, à Vienne", "Paul"));
        assert!(at("Il a été présenté au directeur de la banque, Paul Girard, en mai", "Paul"));
        assert!(!at("Le directeur du club, Paul Girard, a démissionné", "Paul"));
        assert!(!at("Il a reçu son partenaire, Paul Girard, en mai", "Paul"));
    }

    #[test]
    fn a_group_right_after_an_inverted_cue_is_found() {
        let s = ", lançaient des manifestants devant la gare";
        let t = toks(s);
        let (a, b) = indefinite_group_after(&t, 1, false).unwrap();
        assert_eq!(&s[a..b], "des manifestants");
        let s = ", confient de nombreux riverains";
        let t = toks(s);
        let (a, b) = indefinite_group_after(&t, 1, false).unwrap();
        assert_eq!(&s[a..b], "de nombreux riverains");
        assert_eq!(indefinite_group_after(&toks(", a dit le maire"), 2, false), None);
        let s = "selon les riverains";
        let (a, b) = indefinite_group_after(&toks(s), 0, true).unwrap();
        assert_eq!(&s[a..b], "les riverains");
        assert_eq!(indefinite_group_after(&toks(", a dit les riverains"), 2, false), None);
        assert_eq!(indefinite_group_after(&toks(", lançaient des dizaines de manifestants"), 1, false), None);
    }

    #[test]
    fn a_plural_group_opening_a_sentence_is_found_with_its_complements() {
        let s = "Les syndicats de soignants, eux, restent sceptiques.";
        let t = toks(s);
        let ((a, b), name) = plural_group_opening(&t, 0, t.len()).unwrap();
        assert_eq!((&s[a..b], name.is_none()), ("Les syndicats de soignants", true));
        let s = "Les Républicains ont voté contre.";
        let t = toks(s);
        let ((a, b), name) = plural_group_opening(&t, 0, t.len()).unwrap();
        assert_eq!((&s[a..b], name.is_some()), ("Les Républicains", true));
        let t = toks("Le syndicat reste sceptique.");
        assert!(plural_group_opening(&t, 0, t.len()).is_none());
    }

    #[test]
    fn a_group_is_named_without_its_quantifier() {
        assert_eq!(group_speaker("des manifestants").map(|s| s.name), Some("manifestants".to_string()));
        assert_eq!(group_speaker("de nombreux riverains").map(|s| s.name), Some("riverains".to_string()));
        assert_eq!(group_speaker("une centaine de chercheurs").map(|s| s.name), Some("une centaine de chercheurs".to_string()));
        assert_eq!(group_speaker("Les"), None);
    }

    #[test]
    fn an_institution_name_runs_on_in_lower_case_before_the_verb() {
        let t = toks("tandis que la Ligue des droits de l'homme dénonce");
        let j = t.iter().position(|x| x.low == "dénonce").unwrap() - 1;
        let np = institution_name_before(&t, 0, j).unwrap();
        assert!(matches!(&np.kind, NpKind::Name(w) if w.join(" ") == "Ligue des droits de l'homme"), "{np:?}");
        let t = toks("la Ligue arabe estime");
        assert!(institution_name_before(&t, 0, 2).is_none());
        let t = toks("la Ligue a été créée par des élus de la ville estime");
        assert!(institution_name_before(&t, 0, t.len() - 2).is_none());
    }

    #[test]
    fn a_plural_group_with_its_adjectives_is_the_subject_of_the_cue() {
        let s = "Les maires ruraux ont salué";
        let t = toks(s);
        let (a, b) = plural_group_subject(&t, 3).unwrap();
        assert_eq!(&s[a..b], "Les maires ruraux");
        let t = toks("Les Verts ont salué");
        assert!(plural_group_subject(&t, 2).is_none());
    }

    #[test]
    fn a_lower_case_body_with_its_adjective_opens_the_clause() {
        let t = toks("L'agence régionale de santé justifie");
        let np = institution_name_before(&t, 0, t.len() - 2).unwrap();
        assert!(matches!(&np.kind, NpKind::Name(w) if w.join(" ") == "agence régionale de santé"), "{np:?}");
        let t = toks("Selon elle, l'agence régionale de santé justifie");
        assert!(institution_name_before(&t, 0, t.len() - 2).is_some());
        // Not a noun inside the clause, nor a body without its adjective.
        let t = toks("Il a écrit à l'agence régionale de santé qui");
        assert!(institution_name_before(&t, 0, t.len() - 2).is_none());
        let t = toks("La direction de l'hôpital indique");
        assert!(institution_name_before(&t, 0, t.len() - 2).is_none());
    }

    #[test]
    fn a_body_noun_keeps_the_name_that_follows_it() {
        let s = ", a déclaré un porte-parole du collectif Droit de cité à l'AFP.";
        let t = toks(s);
        let v = t.iter().position(|x| x.low == "déclaré").unwrap();
        let np = crate::text::attribution::subject_after(&t, v, t.len()).unwrap();
        let np = body_with_its_name(&t, np, t.len());
        assert_eq!(&s[np.start..np.end], "un porte-parole du collectif Droit de cité");
        assert!(np.quals.iter().any(|q| q == "cité"), "{np:?}");
        let s = ", a dit le porte-parole du collectif.";
        let t = toks(s);
        let np = crate::text::attribution::subject_after(&t, 2, t.len()).unwrap();
        assert_eq!(body_with_its_name(&t, np.clone(), t.len()).end, np.end);
    }

    #[test]
    fn an_interview_question_ends_on_a_question_mark_or_an_ellipsis() {
        assert!(is_interview_question(&toks("Comment réagissez-vous ?")));
        assert!(is_interview_question(&toks("Les élus disent pourtant manquer de place…")));
        assert!(!is_interview_question(&toks("Le maire a démissionné.")));
    }

    #[test]
    fn a_bare_role_opening_the_sentence_before_a_comma_is_an_apposition() {
        let t = toks("Auteur du but égalisateur, le jeune attaquant Paul Morel savourait :");
        let np = np_forward(&t, 0, t.len()).unwrap();
        assert!(fronted_apposition(&t, &np), "{np:?}");
        let t = toks("Le porte-parole du club, Paul Morel, savourait :");
        let np = np_forward(&t, 0, t.len()).unwrap();
        assert!(!fronted_apposition(&t, &np), "{np:?}");
    }

    #[test]
    fn a_name_closing_a_description_announces_the_quote() {
        let t = toks("Auteur du but égalisateur, le jeune attaquant Paul Morel savourait :");
        let at = t.iter().position(|x| x.low == "le").unwrap();
        let np = colon_candidate(&t, at).unwrap();
        assert!(matches!(&np.kind, NpKind::Name(w) if w.join(" ") == "Paul Morel"), "{np:?}");
        assert!(colon_candidate(&t, 0).is_none());
        let t = toks("Quant à l'entraîneuse, elle pense déjà à la finale :");
        let np = colon_candidate(&t, 0).unwrap();
        assert!(matches!(&np.kind, NpKind::Role { head, .. } if head == "entraîneuse"), "{np:?}");
    }

    #[test]
    fn a_dash_after_a_sentence_inside_guillemets_starts_a_turn() {
        let s = "Combien le kilo ? — Neuf cents euros, monsieur. — C'est cher !";
        let turns = dialogue_turns(s, 0..s.len());
        let texts: Vec<&str> = turns.iter().map(|(r, _)| &s[r.clone()]).collect();
        assert_eq!(texts, ["Combien le kilo ?", "Neuf cents euros, monsieur.", "C'est cher !"]);
        assert_eq!(&s[turns[1].1.clone()], "—");
        // A dash inside a sentence is an aside, not a turn.
        let s = "Le prix — neuf cents euros — a doublé.";
        assert!(dialogue_turns(s, 0..s.len()).is_empty());
        assert!(next_turn("« A ! » — « B »", "« A ! »".len(), "« A ! » — ".len()));
    }

    #[test]
    fn an_agent_noun_after_its_article_is_a_role() {
        for (article, noun) in [("le", "technicien"), ("la", "skieuse"), ("l'", "animatrice"), ("un", "sprinteur"), ("la", "procureure"), ("la", "pharmacienne")] {
            assert!(agent_noun(article, noun), "{article} {noun}");
        }
        // Things, a feminine abstract noun in -eur, a plural, an English article.
        for (article, noun) in [("le", "secteur"), ("le", "transporteur"), ("la", "tondeuse"), ("la", "chaleur"), ("les", "chercheurs"), ("the", "technicien")] {
            assert!(!agent_noun(article, noun), "{article} {noun}");
        }
        let np = np_forward(&toks("le technicien grenoblois pestait"), 0, 4).unwrap();
        assert!(matches!(&np.kind, NpKind::Role { kind: SpeakerKind::Person, head, .. } if head == "technicien"), "{np:?}");
    }

    #[test]
    fn the_article_tells_a_role_nouns_gender() {
        let role = |s: &str| np_forward(&toks(s), 0, toks(s).len()).unwrap();
        assert_eq!(role("le ministre a martelé").gender, Gender::Male);
        assert_eq!(role("la ministre a insisté").gender, Gender::Female);
        // (After "l'", the noun's paired form tells it: role_phrase_gender.)
        assert_eq!(role("l'avocat a plaidé").gender, Gender::Male);
        assert_eq!(article_gender("the"), Gender::Unknown);
    }

    #[test]
    fn a_dialogue_without_cues_opens_on_the_scenes_subject() {
        // "Ce mardi, Henri Boudon(10) remet les clés à Inès Chabrier(40). La scène(70) …"
        let mentions = [(0, 7, false, false), (9, 5, false, true), (10, 1, false, false), (40, 2, false, false), (75, 9, false, false)];
        let starts = [0, 8, 70];
        let person = |e: usize| e != 9;
        assert_eq!(dialogue_interlocutors(&mentions, &starts, 0, 100, person), Some((1, Some(2))));
        // (A complement named first, "à l'entrée de X(9)", is not the subject.)
        // The other speaker may be named sentences before; nobody named, nobody found.
        let mentions = [(5, 3, false, false), (60, 1, false, false)];
        assert_eq!(dialogue_interlocutors(&mentions, &starts, 0, 100, |_| true), Some((1, Some(3))));
        assert_eq!(dialogue_interlocutors(&mentions, &starts, 0, 50, |_| true), Some((3, None)));
        assert_eq!(dialogue_interlocutors(&mentions, &starts, 70, 100, |_| true), None);
    }

    #[test]
    fn an_unnamed_person_opening_the_clause_is_found() {
        let written = |s: &str, verb: &str| {
            let t = toks(s);
            let v = t.iter().position(|x| x.low == verb).unwrap();
            unnamed_person_before(&t, v).map(|np| s[np.start..np.end].to_string())
        };
        assert_eq!(written("Une habitante du hameau, réveillée par le bruit, témoigne :", "témoigne").as_deref(), Some("Une habitante du hameau"));
        assert_eq!(written("Plus loin, une habitante proteste :", "proteste").as_deref(), Some("une habitante"));
        assert!(written("Le maire a reçu une habitante et raconte :", "raconte").is_none());
        assert!(written("Un rapport publié hier conclut :", "conclut").is_none());
        assert!(written("Une voisine, Marie Dupont, raconte :", "raconte").is_none());
        assert!(opens_on_un("Une habitante du hameau") && !opens_on_un("a senior official") && !opens_on_un("la voisine"));
    }

    #[test]
    fn a_company_name_after_its_common_noun_runs_on_through_du() {
        let name_end = |s: &str| {
            let t = toks(s);
            let i = t.iter().position(|x| x.is_cap()).unwrap();
            let r = (i..t.len()).find(|&k| !t[k].is_cap()).unwrap_or(t.len());
            t[..institution_name_end(&t, i, r, t.len())].last().unwrap().text.clone()
        };
        assert_eq!(name_end("la société Vitrines du Centre, qui"), "Centre");
        assert_eq!(name_end("l'association Amis de la Terre a dit"), "Terre");
        assert_eq!(name_end("le maire Paul du Havre"), "Paul");
        assert_eq!(name_end("la société Norvia du groupe"), "Norvia");
    }

    #[test]
    fn a_name_apposed_to_a_role_after_the_cue_is_the_speaker() {
        let named = |s: &str| {
            let t = toks(s);
            let verb = t.iter().position(|x| x.low == "reconnu").unwrap();
            let np = crate::text::attribution::subject_after(&t, verb, t.len()).unwrap();
            let np = phrase_with_its_name(&t, np, t.len());
            s[np.start..np.end].to_string()
        };
        assert_eq!(named("a reconnu le président de la conférence, Daniel Mwangi, mais"), "Daniel Mwangi");
        assert_eq!(named("a reconnu le président de la conférence, qui préside"), "le président de la conférence");
        // (French only: English is left to its own rules.)
        let t = toks("the spokesman, John Smith, later");
        let np = np_forward(&t, 0, t.len()).unwrap();
        assert!(matches!(np.kind, NpKind::Role { .. }) && name_apposed_to_role(&t, &np, t.len()).is_none(), "{np:?}");
    }

    #[test]
    fn the_body_where_on_speaks_is_the_speaker() {
        let body = |s: &str| {
            let t = toks(s);
            let cues = find_cues(&t);
            body_behind_on(&t, &cues[0]).map(|s| s.name)
        };
        assert_eq!(body(", indique-t-on à la brigade de Landivisiau.").as_deref(), Some("brigade de Landivisiau"));
        assert_eq!(body(", précise-t-on au ministère depuis lundi.").as_deref(), Some("ministère"));
        assert_eq!(body(", indique-t-on à l'Élysée.").as_deref(), Some("Élysée"));
        assert_eq!(body(", indique-t-il à la brigade."), None);
        assert_eq!(body(", indique-t-on lundi."), None);
    }

    #[test]
    fn inversions_split_verb_and_pronoun() {
        assert_eq!(inversion("a-t-il"), Some(("a", "il")));
        assert_eq!(inversion("dit-elle"), Some(("dit", "elle")));
        assert_eq!(inversion("peut-être"), None);
        assert_eq!(inversion("a-t-x-il"), None);
        assert_eq!(pronoun_text("précise-t-Elle"), "Elle");
    }

    #[test]
    fn a_participle_after_an_auxiliary_and_adverbs_is_found() {
        let t = toks("Le maire a pour sa part longuement expliqué la mesure");
        assert_eq!(next_participle(&t, 3).map(|k| t[k].text.as_str()), Some("expliqué"));
        let t = toks("Le maire a mangé une pomme");
        assert_eq!(next_participle(&t, 3), None);
    }

    #[test]
    fn a_participle_opening_a_sentence_is_no_name() {
        let t = toks("Il pleut. Installé à 400 mètres, le retraité dit");
        assert!(participle_opening_sentence(&t, 3));
        let t = toks("Invité par le maire, il dit");
        assert!(participle_opening_sentence(&t, 0));
        // A name before a comma or "de", or inside the sentence, stays a name.
        for (s, k) in [("Renée, 45 ans, dit", 0), ("José de Souza dit", 0), ("Le maire Aimé à Paris", 2)] {
            let t = toks(s);
            assert!(!participle_opening_sentence(&t, k), "{s}");
        }
    }

    #[test]
    fn a_participle_after_adverbs_of_time_is_found() {
        for s in ["L'avocat avait auparavant dénoncé", "L'avocat a d'abord dénoncé", "L'avocat a toujours dénoncé"] {
            let t = toks(s);
            assert_eq!(next_participle(&t, 3).map(|k| t[k].text.as_str()), Some("dénoncé"), "{s}");
        }
        // Time adverbs do not carry the search past a verb that is no cue.
        let t = toks("L'avocat a toujours mangé puis dénoncé");
        assert_eq!(next_participle(&t, 3), None);
    }

    #[test]
    fn an_indefinite_plural_group_opening_the_clause_is_found() {
        let s = "Mais, plusieurs riverains estiment que";
        let t = toks(s);
        let cue = t.iter().position(|x| x.low == "estiment").unwrap();
        let (a, b) = indefinite_group_subject(&t, cue).unwrap();
        assert_eq!(&s[a..b], "plusieurs riverains");
        let t = toks("Le maire des habitants estime que");
        let cue = t.iter().position(|x| x.low == "estime").unwrap();
        assert_eq!(indefinite_group_subject(&t, cue), None);
    }

    #[test]
    fn a_present_participle_takes_the_subject_of_its_sentence() {
        let t = toks("Jeanne Morel a critiqué le projet du gouvernement affirmant");
        let cues = find_cues(&t);
        let c = cues.iter().find(|c| t[c.first].low == "affirmant").unwrap();
        let np = french_participle_subject(&t, 0, c).unwrap();
        assert_eq!(np.first, 0);
        assert_eq!(np.last, 1);
    }

    #[test]
    fn the_previous_subject_carries_its_article_gender() {
        let t = toks("La ministre a quitté la salle.");
        let (np, g) = sentence_subject(&t, 0, t.len()).unwrap();
        assert_eq!((np.first, g), (0, Gender::Female));
        let t = toks("Son parti lui reproche ce vote.");
        assert!(sentence_subject(&t, 0, t.len()).is_none());
        // (A possessed kin noun is the relative.)
        let t = toks("Son frère, lui, reste à la ferme.");
        let (np, g) = sentence_subject(&t, 0, t.len()).expect("a relative");
        assert_eq!((np.first, g), (0, Gender::Male));
        assert!(agrees(Gender::Male, Gender::Unknown) && !agrees(Gender::Male, Gender::Female));
    }

    #[test]
    fn the_sentence_before_is_found_past_the_quotes_of_the_current_one() {
        let t = toks("Le rapport est nuancé. S'il relève des progrès, il souligne des limites.");
        let at = t.iter().rposition(|x| x.text == "souligne").unwrap();
        assert_eq!(sentence_before(&t, at), Some((0, 5)));
        assert_eq!(sentence_before(&t, 2), None);
    }

    #[test]
    fn a_document_opening_the_sentence_before_is_a_previous_subject() {
        let t = toks("Le rapport de la commission, publié mardi, est plus prudent.");
        let (np, g) = sentence_subject(&t, 0, t.len()).expect("a document subject");
        assert!(matches!(np.kind, NpKind::Role { kind: SpeakerKind::Document, .. }), "{np:?}");
        assert_eq!(g, Gender::Male);
    }

    #[test]
    fn a_name_after_a_preposition_of_place_is_a_place() {
        let place = |s: &str, name: &str| {
            let t = toks(s);
            let a = t.iter().position(|x| x.text == name).unwrap();
            is_place_after_preposition(&t, a, a + 1)
        };
        assert!(place("À Redon, l'eau est montée.", "Redon"));
        assert!(place("Il vit en Bretagne depuis dix ans.", "Bretagne"));
        assert!(place("Le mouvement s'étendra au Havre.", "Havre"));
        assert!(!place("Il a confié à Sylvie Mahé sa crainte.", "Sylvie"));
        assert!(!place("Il l'a dit à Mahé, 58 ans, hier.", "Mahé"));
        assert!(!place("Selon Rabat, le navire était loin.", "Rabat"));
    }

    #[test]
    fn an_organisation_phrase_before_the_verb_is_the_subject() {
        let subject = |s: &str| {
            let t = toks(s);
            let v = t.iter().position(|x| x.low == "a").unwrap();
            organisation_phrase_before(&t, 0, v - 1).map(|np| (s[np.start..np.end].to_string(), np.kind))
        };
        let (written, kind) = subject("La direction du port a indiqué que tout allait bien.").unwrap();
        assert_eq!(written, "La direction du port");
        assert!(matches!(kind, NpKind::Role { kind: SpeakerKind::Organisation, ref head, .. } if head == "direction"));
        assert_eq!(subject("Le ministère marocain des Affaires étrangères a dénoncé une violation.").unwrap().0, "Le ministère marocain des Affaires étrangères");
        assert_eq!(subject("Le club normand a annoncé son départ.").unwrap().0, "Le club normand");
        assert!(subject("Le directeur du port a indiqué que tout allait bien.").is_none(), "a person's role");
        assert!(subject("La direction estime que le port a fermé.").is_none(), "a clause in between");
    }

    #[test]
    fn a_city_after_selon_stands_for_its_government() {
        let speaker = |s: &str| {
            let t = toks(s);
            let cues = find_cues(&t);
            let np = crate::text::attribution::speaker_of_cue(&t, 0, t.len(), &cues, 0, false)?;
            city_for_its_government(&cues[0].text, &np)
        };
        let rabat = speaker("Selon Rabat, le navire était « à plus de deux milles ».").unwrap();
        assert_eq!((rabat.name.as_str(), rabat.kind), ("Rabat", SpeakerKind::Organisation));
        assert!(speaker("Selon Sylvie Mahé, le navire était « loin ».").is_none(), "a person");
        assert!(speaker("Rabat a dit que le navire était « loin ».").is_none(), "not after selon");
    }

    #[test]
    fn a_hyphenated_name_with_a_lower_case_link_is_a_commune() {
        assert!(is_commune_name("Villaines-la-Juhel"));
        assert!(is_commune_name("Boulogne-sur-Mer"));
        assert!(!is_commune_name("Jean-Luc"));
        assert!(!is_commune_name("Marc-Olivier"));
        assert!(!is_commune_name("a-t-il"));
    }

    #[test]
    fn a_role_phrase_tells_its_gender_by_adjective_and_paired_form() {
        let g = |s: &str| {
            let t = toks(s);
            let k = t.iter().rposition(Tok::is_word).unwrap();
            role_phrase_gender(&t, 0, k)
        };
        assert_eq!(g("l'ancien ministre"), Gender::Male);
        assert_eq!(g("l'ancienne ministre"), Gender::Female);
        assert_eq!(g("l'élu"), Gender::Male);
        assert_eq!(g("l'élue"), Gender::Female);
        assert_eq!(g("l'adjointe"), Gender::Female);
        assert_eq!(g("l'éleveuse"), Gender::Female);
        assert_eq!(g("l'urgentiste"), Gender::Unknown);
        assert_eq!(g("la ministre"), Gender::Female);
        assert_eq!(g("the former soldier"), Gender::Unknown);
    }

    #[test]
    fn an_elided_role_nouns_ending_tells_its_gender() {
        // (ranker s14: the shared reading, lexicon::role_noun_gender, read as French.)
        assert_eq!(role_noun_gender("éleveur", true), Gender::Male);
        assert_eq!(role_noun_gender("enquêtrice", true), Gender::Female);
        assert_eq!(role_noun_gender("auteur", true), Gender::Unknown);
    }

    #[test]
    fn a_name_after_a_place_noun_and_de_is_a_place() {
        let at = |s: &str, name: &str| holds_at_name(s, name, is_place_after_place_noun);
        assert!(at("Dans son bureau de l'hôtel de Roquelaure, la ministre", "Roquelaure"));
        assert!(at("les pistes du massif de Sorbière", "Sorbière"));
        assert!(!at("le maire de Locmalo a dit", "Locmalo"));
        assert!(!at("la fille de Pierre Martin", "Pierre"));
    }

    #[test]
    fn a_name_apposed_to_a_body_noun_is_the_body() {
        let at = |s: &str, name: &str| holds_at_name(s, name, is_apposed_to_body_noun);
        assert!(at("Entre 2019 et 2022, leur société, Soléo Habitat, aurait vendu", "Soléo"));
        assert!(!at("Son voisin, Marcel Roudil, a refusé", "Marcel"));
    }
}

// ---- fr-bodies (session 13): institutions, documents and places named as written ----

/// "le Quai d'Orsay", "la Cour d'Appel": an organisation word (org_words.txt) written alone
/// with its capital, then an elided "d'" and a capitalised word, is one name; a speaker
/// phrase read at a cue would otherwise stop at the apostrophe ("le Quai"). Returns where
/// the name ends (`r` unchanged when the rule does not apply).
pub(super) fn org_word_through_elision_end(toks: &[Tok], i: usize, r: usize, end: usize) -> usize {
    let elided_de = |t: &Tok| t.is_lower_word() && t.low == "d'";
    if r == i + 1 && r + 1 < end.min(toks.len()) && Lexicon::get().is_org_word(&toks[i].low) && elided_de(&toks[r]) && toks[r + 1].is_cap() {
        r + 2
    } else {
        r
    }
}

/// Adjectives written in lower case inside a body's name between two capitalised words
/// ("Santé publique France"): the institution adjectives and "public"/"publique".
pub(super) fn is_inner_name_adjective(low: &str) -> bool {
    INSTITUTION_ADJECTIVES.contains(&low) || matches!(low, "public" | "publique" | "publics" | "publiques")
}

/// "Santé publique France", "Radio nationale Togo": one capitalised word, one lower-case
/// institution adjective, then a listed country or place (gazetteer.txt) are one body's
/// name, not a body "Santé" and a country "France" that speaks for it. Returns where the
/// name ends (`r` unchanged when the rule does not apply).
pub(super) fn name_with_inner_adjective_end(toks: &[Tok], i: usize, r: usize, end: usize) -> usize {
    let end = end.min(toks.len());
    let ok = r == i + 1
        && r + 1 < end
        && toks[r].is_lower_word()
        && is_inner_name_adjective(&toks[r].low)
        && toks[r + 1].is_cap()
        && Lexicon::get().is_listed_place(&[fold(&toks[r + 1].text)]);
    if ok { r + 2 } else { r }
}

/// "le ministère chargé de la Mer", "le secrétariat d'État chargé du Numérique": before a
/// "de" complement, the participle "chargé" links the complement to the body before it.
/// `j` is the word before the "de"; returns the word before the participle when there is
/// one, so the chain of complements reads back to its head (`head_of_complements`).
pub(super) fn before_charged_participle(toks: &[Tok], lo: usize, j: usize) -> usize {
    let lx = Lexicon::get();
    let charged = |t: &Tok| t.is_lower_word() && matches!(t.low.as_str(), "chargé" | "chargée" | "chargés" | "chargées");
    if j <= lo || !charged(&toks[j]) {
        return j;
    }
    // ("le ministère français chargé de": back over one or two adjectives to the body noun.)
    let body = |k: usize| toks[k].is_lower_word() && lx.role(&toks[k].low) == Some(SpeakerKind::Organisation);
    (j.saturating_sub(3).max(lo)..j).rev().take_while(|&k| toks[k].is_lower_word() && !lx.is_function_word(&toks[k].low)).find(|&k| body(k)).unwrap_or(j - 1)
}

/// "A Valcourt, le directeur …": French often drops the accent of a capital, so "A"
/// opening a sentence before a capitalised place set off by a comma is the preposition
/// "À", not an initial of a person "A Valcourt" (an English "A Chicago man said" has no
/// comma after the name). `k` is the "A".
pub(super) fn a_written_for_a_grave(toks: &[Tok], k: usize) -> bool {
    let opens = k == 0 || toks[k - 1].kind == TokKind::Punct && matches!(toks[k - 1].text.as_str(), "." | "!" | "?" | ":" | ";" | "»" | "…");
    if toks.get(k).is_none_or(|t| t.text != "A") || !opens {
        return false;
    }
    let run = toks[k + 1..].iter().take(4).take_while(|t| t.is_cap()).count();
    run > 0 && toks.get(k + 1 + run).is_some_and(|t| t.is_punct(','))
}

/// "la direction régionale des affaires culturelles (Drac) de Bretagne souligne": an
/// acronym in brackets between a body's long form and its "de" complement belongs to the
/// body, so the chain of complements reads back past it. `j` is the word before the "de";
/// returns the word before the opening bracket when `j` closes one holding one word.
pub(super) fn before_bracketed_acronym(toks: &[Tok], lo: usize, j: usize) -> usize {
    let bracketed = j >= lo + 3 && toks[j].is_punct(')') && toks[j - 1].is_cap() && toks[j - 2].is_punct('(') && toks[j - 3].is_word();
    if bracketed { j - 3 } else { j }
}

/// "la direction régionale des affaires culturelles (Drac) de Bretagne souligne": a name
/// `np` after "de" that follows a bracketed acronym is the complement of the body the
/// acronym stands for; that body, named in lower case (`institution_name_before`), is the
/// subject.
fn body_before_bracketed_acronym(toks: &[Tok], lo: usize, np: &Np) -> Option<Np> {
    if !matches!(np.kind, NpKind::Name(_)) || np.first < lo + 5 || !matches!(toks[np.first - 1].low.as_str(), "de" | "d'" | "du" | "des") {
        return None;
    }
    let k = before_bracketed_acronym(toks, lo, np.first - 2);
    if k == np.first - 2 {
        return None;
    }
    institution_name_before(toks, lo, k)
}

/// "Thibault Lenoir (Renaissance, Yvelines), a défendu": a name found before the verb
/// inside label brackets (`is_in_label_brackets`) stands for the name the brackets follow.
fn name_before_label_brackets(toks: &[Tok], lo: usize, np: &Np) -> Option<Np> {
    if !matches!(np.kind, NpKind::Name(_)) || !is_in_label_brackets(toks, np.first, np.last + 1) {
        return None;
    }
    let open = (np.first.saturating_sub(4).max(lo)..np.first).rev().find(|&k| toks[k].is_punct('('))?;
    np_backward(toks, lo, open.checked_sub(1)?).filter(|n| n.first >= lo && matches!(n.kind, NpKind::Name(_)))
}

/// "Thibault Lenoir (Renaissance, Yvelines), a défendu": capitalised words inside brackets
/// that hold a comma, right after a name, are labels (a party, a constituency), not people
/// or bodies a cue or a pronoun could go back to. `a..b` is the name.
pub(super) fn is_in_label_brackets(toks: &[Tok], a: usize, b: usize) -> bool {
    // (fr-bodies s15: wide enough for the third of three members, "(CGT, FO, Unsa)".)
    let open = (a.saturating_sub(6)..a).rev().take_while(|&k| !toks[k].is_punct(')')).find(|&k| toks[k].is_punct('('));
    let Some(open) = open else { return false };
    let close = (b..toks.len().min(b + 7)).take_while(|&k| !toks[k].is_punct('(')).find(|&k| toks[k].is_punct(')'));
    let Some(close) = close else { return false };
    // (fr-bodies s15: or after a body's common noun, `members_after_body_noun`.)
    let after_name = open > 0 && (toks[open - 1].is_cap() || members_after_body_noun(toks, open));
    let listed = toks[open + 1..close].iter().any(|t| t.is_punct(','));
    after_name && listed && toks[open + 1..close].iter().all(|t| t.is_cap() || t.is_punct(',') || t.is_punct('-'))
}

#[cfg(test)]
mod body_tests {
    use super::tests::toks;
    use super::*;

    fn at(t: &[Tok], word: &str) -> usize {
        t.iter().position(|x| x.text == word).unwrap()
    }

    #[test]
    fn an_org_word_runs_on_through_an_elided_de_to_a_capital() {
        for s in ["a précisé le Quai d'Orsay dans la soirée", "a précisé le Quai d’Orsay dans la soirée"] {
            let t = toks(s);
            let i = at(&t, "Quai");
            assert_eq!(org_word_through_elision_end(&t, i, i + 1, t.len()), i + 3, "{s}");
        }
        // Not a person's name, not a lower-case complement.
        let t = toks("a dit Pierre d'Ormesson hier");
        let i = at(&t, "Pierre");
        assert_eq!(org_word_through_elision_end(&t, i, i + 1, t.len()), i + 1);
        let t = toks("le Quai d'embarquement");
        let i = at(&t, "Quai");
        assert_eq!(org_word_through_elision_end(&t, i, i + 1, t.len()), i + 1);
    }

    #[test]
    fn an_inner_lower_case_adjective_before_a_country_stays_in_the_name() {
        let t = toks("selon Santé publique France, les cas augmentent");
        let i = at(&t, "Santé");
        assert_eq!(name_with_inner_adjective_end(&t, i, i + 1, t.len()), i + 3);
        // Not before a word that is no place, nor after a longer capitalised run.
        let t = toks("selon Santé publique Dupont, les cas");
        let i = at(&t, "Santé");
        assert_eq!(name_with_inner_adjective_end(&t, i, i + 1, t.len()), i + 1);
        let t = toks("selon Paul Martin nationale France");
        let i = at(&t, "Paul");
        assert_eq!(name_with_inner_adjective_end(&t, i, i + 2, t.len()), i + 2);
    }

    #[test]
    fn a_capital_a_opening_a_sentence_before_a_place_and_a_comma_is_a_preposition() {
        let t = toks("A Valcourt, le directeur a déclenché le plan.");
        assert!(a_written_for_a_grave(&t, 0));
        assert!(is_place_after_preposition(&t, 1, 2));
        let t = toks("Il pleut. A Port Louis, la mer monte.");
        assert!(a_written_for_a_grave(&t, at(&t, "A")));
        // English: an article before a name used as an adjective.
        assert!(!a_written_for_a_grave(&toks("A Chicago man said it."), 0));
        // Not inside a sentence.
        let t = toks("la classe A Valcourt, dit-il");
        assert!(!a_written_for_a_grave(&t, at(&t, "A")));
    }

    #[test]
    fn an_acronym_in_brackets_belongs_to_the_body_before_its_complement() {
        let t = toks("la direction régionale des affaires culturelles (Drac) de Bretagne souligne");
        let de = at(&t, "de");
        assert_eq!(before_bracketed_acronym(&t, 0, de - 1), at(&t, "culturelles"));
        let t = toks("la direction des affaires culturelles de Bretagne souligne");
        let de = at(&t, "de");
        assert_eq!(before_bracketed_acronym(&t, 0, de - 1), de - 1);
    }

    #[test]
    fn a_body_before_its_bracketed_acronym_is_the_subject_not_its_complement() {
        let s = "Dans un communiqué, la direction régionale des affaires culturelles (Drac) de Bretagne souligne";
        let t = toks(s);
        let v = at(&t, "souligne");
        let name = np_backward(&t, 0, v - 1).unwrap();
        let body = head_of_complements(&t, 0, name);
        assert_eq!(&s[body.start..body.end], "direction régionale des affaires culturelles");
    }

    #[test]
    fn a_label_in_brackets_before_the_verb_stands_for_the_name_before_it() {
        let s = "Le rapporteur, Thibault Lenoir (Renaissance, Yvelines), a défendu";
        let t = toks(s);
        let y = at(&t, "Yvelines");
        let label = np_backward(&t, 0, y).unwrap();
        let name = head_of_complements(&t, 0, label);
        assert_eq!(&s[name.start..name.end], "Thibault Lenoir");
    }

    #[test]
    fn names_in_brackets_with_a_comma_after_a_name_are_labels() {
        let t = toks("Le député Thibault Lenoir (Renaissance, Yvelines), a défendu le texte");
        let y = at(&t, "Yvelines");
        assert!(is_in_label_brackets(&t, y, y + 1));
        let r = at(&t, "Renaissance");
        assert!(is_in_label_brackets(&t, r, r + 1));
        // An acronym after a long form is no label; nor a name outside brackets.
        let t = toks("la société Comboios de Portugal (CP) a dit");
        let c = at(&t, "CP");
        assert!(!is_in_label_brackets(&t, c, c + 1));
        let t = toks("Thibault Lenoir, Yvelines, a défendu");
        let y = at(&t, "Yvelines");
        assert!(!is_in_label_brackets(&t, y, y + 1));
    }

    #[test]
    fn the_participle_charge_links_a_complement_to_its_body() {
        let t = toks("le ministère chargé de la Mer a jugé");
        let de = at(&t, "de");
        assert_eq!(before_charged_participle(&t, 0, de - 1), at(&t, "ministère"));
        let t = toks("le ministère français chargé de la Mer a jugé");
        assert_eq!(before_charged_participle(&t, 0, at(&t, "de") - 1), at(&t, "ministère"));
        let t = toks("le ministère de la Mer a jugé");
        let de = at(&t, "de");
        assert_eq!(before_charged_participle(&t, 0, de - 1), de - 1);
    }

    #[test]
    fn lower_case_adjectives_after_an_org_word_belong_to_its_name() {
        let t = toks("La Fédération agricole régionale a protesté hier");
        let i = at(&t, "Fédération");
        assert_eq!(institution_name_end(&t, i, i + 1, t.len()), at(&t, "a"));
        let t = toks("L'Union nautique internationale a indiqué suivre le dossier");
        let i = at(&t, "Union");
        assert_eq!(institution_name_end(&t, i, i + 1, t.len()), at(&t, "a"));
        let t = toks("La Fédération paysanne a dénoncé les mesures");
        assert_eq!(institution_name_end(&t, 0, 2, t.len()), at(&t, "a"));
        // A verb, cue or not, ends the name.
        for s in ["La Fédération indique que", "La Fédération applique la règle", "La Fédération rappelle que"] {
            let t = toks(s);
            let i = at(&t, "Fédération");
            assert_eq!(institution_name_end(&t, i, i + 1, t.len()), i + 1, "{s}");
        }
    }

    #[test]
    fn a_definite_common_noun_alone_may_name_a_body() {
        assert!(is_definite_bare_noun("L'intersyndicale"));
        assert!(is_definite_bare_noun("l’agence"));
        assert!(is_definite_bare_noun("La préfecture"));
        assert!(is_definite_bare_noun("le fisc"));
        // Not with a complement, another determiner or no article.
        assert!(!is_definite_bare_noun("l'agence de l'eau"));
        assert!(!is_definite_bare_noun("une agence"));
        assert!(!is_definite_bare_noun("les syndicats"));
        assert!(!is_definite_bare_noun("l'"));
        assert!(!is_definite_bare_noun("police"));
    }

    #[test]
    fn a_phrase_after_de_is_a_complement() {
        assert!(follows_de("Le bilan annuel de "));
        assert!(follows_de("le rapport De "));
        assert!(!follows_de("Dans un communiqué, "));
        assert!(!follows_de(""));
    }
}

// ===== fr-bodies (session 14): institutions, documents and their issuers =====

/// Endings of the French adjectives that qualify an institution's noun in its name ("la
/// Fédération agricole", "l'Union nautique internationale", "l'Académie navale", "la
/// Fédération française", "l'Agence spatiale"). "-elle" is left out: it ends verbs
/// ("rappelle", "appelle") as often as adjectives.
const NAME_ADJECTIVE_ENDINGS: [&str; 21] = [
    "iste", "istes", "ale", "ales", "aux", "anne", "annes", "ienne", "iennes", "aire", "aires", "ique", "iques", "aise", "aises",
    "oise", "oises", "ole", "oles", "ive", "ives",
];

/// Verbs of those endings that are no cue yet may follow a body's name ("l'Union applique").
const VERBS_LIKE_ADJECTIVES: [&str; 8] = ["applique", "pratique", "fabrique", "signale", "étale", "isole", "console", "vole"];

/// "la Fédération agricole a dénoncé", "l'Union nautique internationale a indiqué":
/// French writes in lower case the adjectives of an institution's name, which no list can
/// hold. A lower-case word right after a capitalised organisation word is one of them when
/// it ends like a French adjective and is neither a cue verb ("indique", "critique"), a
/// listed look-alike verb, nor a role noun ("secrétaire"). Listed institution adjectives
/// ("européenne", "nationale") count as well.
pub(super) fn is_name_adjective(t: &Tok) -> bool {
    let lx = Lexicon::get();
    let low = t.low.as_str();
    if !t.is_lower_word() || low.chars().count() < 5 {
        return INSTITUTION_ADJECTIVES.contains(&low);
    }
    INSTITUTION_ADJECTIVES.contains(&low)
        || NAME_ADJECTIVE_ENDINGS.iter().any(|e| low.ends_with(e))
            && !lx.fr_cues.contains(low)
            && !lx.fr_cues.contains(fold(low).as_str())
            && !VERBS_LIKE_ADJECTIVES.contains(&low)
            && lx.role(low).is_none()
}

/// "La Fédération agricole", "L'Union nautique": a name read from the capitalised
/// article opening a sentence has its organisation word right after it; the article is no
/// part of the name and must not hide the adjectives after it. Returns where the
/// organisation word stands (`i` when no article opens the run `i..r`).
fn org_word_after_article(toks: &[Tok], i: usize, r: usize) -> usize {
    let article = toks.get(i).is_some_and(|t| matches!(fold(&t.low).as_str(), "la" | "le" | "les" | "l'"));
    if article && r == i + 2 { i + 1 } else { i }
}

/// "L'intersyndicale dénonce", "l'agence précise", as "la préfecture indique": a French body
/// written as one common noun after its definite article, elided or not, names a body of its
/// own when the article met no body of that kind before (the noun itself is its name).
/// `written` is the phrase as written, article included.
pub(super) fn is_definite_bare_noun(written: &str) -> bool {
    let mut words = written.split_whitespace();
    let (Some(first), None) = (words.next(), words.next()) else {
        return written.split_whitespace().count() == 2
            && written.split_whitespace().next().is_some_and(|a| matches!(fold(a).as_str(), "le" | "la"));
    };
    // One word: an elided article glued to its noun ("l'intersyndicale").
    fold(first).strip_prefix("l'").is_some_and(|noun| noun.chars().next().is_some_and(char::is_alphabetic))
}

/// Whether the text before a phrase ends on "de" ("Le rapport annuel de | l'association"):
/// the phrase is then a complement of the noun before it, not a speaking body.
pub(super) fn follows_de(before: &str) -> bool {
    before.split_whitespace().next_back().is_some_and(|w| matches!(fold(w).as_str(), "de" | "d'"))
}

// ---- fr-bodies (session 15): bodies named beside "on", in brackets, by their role noun ----

/// "Côté préfecture du Calvados, on rappelle", "Du côté de la mairie, on assure": the
/// fronted "côté" (bare, or "du côté de/du/des") places "on" inside a body as "au" and "chez"
/// do. Given the words from the opening word to the comma, the number of words to skip so
/// that the last skipped one stands where "au" would (0 for "à", "au", "aux", "chez"); none
/// when "du" opens something else ("Du matin au soir, on …").
pub(super) fn side_opening_len(words: &[Tok]) -> Option<usize> {
    let low = |k: usize| words.get(k).map(|t| t.low.as_str());
    match low(0)? {
        "à" | "au" | "aux" | "chez" | "côté" => Some(0),
        // "Du côté de la mairie": skip "du côté" so "de" stands for the preposition; "Du côté
        // des syndicats", "du côté du ministère": the contracted article is read as "au".
        "du" if low(1) == Some("côté") && matches!(low(2), Some("de" | "d'" | "du" | "des")) => Some(2),
        _ => None,
    }
}

/// "L'intersyndicale (CGT, FO, Unsa) demande …": the token after the brackets that list a
/// body's members or labels when `k` opens them (`is_in_label_brackets`), so the body's verb
/// is found past them; `k` itself otherwise.
pub(super) fn after_member_brackets(toks: &[Tok], k: usize) -> usize {
    if !toks.get(k).is_some_and(|t| t.is_punct('(')) || !toks.get(k + 1).is_some_and(Tok::is_cap) || !is_in_label_brackets(toks, k + 1, k + 2) {
        return k;
    }
    (k + 1..toks.len().min(k + 12)).find(|&j| toks[j].is_punct(')')).map_or(k, |j| j + 1)
}

/// "L'intersyndicale (CGT, FO, Unsa) demande …", "les syndicats (CFDT, CGT) jugent": names
/// listed in brackets right after a body's lower-case noun are its members, labels of the
/// body, not bodies of their own that "elle" or a cue could later go back to (the body
/// speaks, not its last member). `open` is the opening bracket.
pub(super) fn members_after_body_noun(toks: &[Tok], open: usize) -> bool {
    let Some(noun) = open.checked_sub(1).map(|k| &toks[k]) else { return false };
    noun.is_lower_word() && Lexicon::get().role(&noun.low) == Some(SpeakerKind::Organisation)
}


/// "l'association Terres saines, à l'origine du recours", "le collectif Rive commune, qui
/// …": after an association-like noun ([`PHRASE_NAMED_BODIES`]), one capitalised word and
/// one lower-case word closed by a comma or a full stop are the body's whole name (French
/// capitalises only its first word). Never a cue or a function word ("l'association Attac
/// estime, …"), nor a role noun. Returns where the name ends.
fn name_with_closing_adjective_end(toks: &[Tok], i: usize, r: usize, end: usize) -> Option<usize> {
    if i == 0 || r != i + 1 || !PHRASE_NAMED_BODIES.contains(&toks[i - 1].low.as_str()) {
        return None;
    }
    let lx = Lexicon::get();
    let word = toks.get(r).filter(|t| r + 1 < end.min(toks.len()) && t.is_lower_word() && t.low.chars().count() >= 4)?;
    let low = word.low.as_str();
    let plain = !lx.fr_cues.contains(low) && !lx.fr_cues.contains(fold(low).as_str()) && !lx.is_function_word(low) && lx.role(low).is_none();
    let closed = toks[r + 1].is_punct(',') || toks[r + 1].is_punct('.');
    (plain && closed).then_some(r + 1)
}

#[cfg(test)]
mod body_tests_s15 {
    use super::tests::toks;
    use super::*;
    use crate::text::attribution::find_cues;

    fn on_body(s: &str) -> Option<String> {
        let t = toks(s);
        let cues = find_cues(&t);
        cues.iter().find_map(|c| body_before_on(&t, c)).map(|b| b.name)
    }

    #[test]
    fn a_fronted_cote_places_on_inside_the_body() {
        assert_eq!(on_body("Côté préfecture du Calvados, on rappelle que").as_deref(), Some("préfecture du Calvados"));
        assert_eq!(on_body("Du côté de la mairie, on assure que").as_deref(), Some("mairie"));
        assert_eq!(on_body("Du côté du ministère, on assure que").as_deref(), Some("ministère"));
        assert_eq!(on_body("Au ministère de la Santé, on assure que").as_deref(), Some("ministère de la Santé"));
        // "Du" opening anything else is no place of a body.
        assert_eq!(on_body("Du matin au soir, on assure que"), None);
    }

    #[test]
    fn names_in_brackets_after_a_body_noun_are_its_members() {
        let t = toks("L'intersyndicale (CGT, FO, Unsa) demande des embauches");
        let u = t.iter().position(|x| x.text == "Unsa").unwrap();
        assert!(is_in_label_brackets(&t, u, u + 1));
        // After a person's noun, or with one name in brackets, they are no members.
        let t = toks("le directeur (CGT, FO) demande");
        let c = t.iter().position(|x| x.text == "CGT").unwrap();
        assert!(!is_in_label_brackets(&t, c, c + 1));
        let t = toks("l'agence (ANSSI) demande");
        let c = t.iter().position(|x| x.text == "ANSSI").unwrap();
        assert!(!is_in_label_brackets(&t, c, c + 1));
    }

    #[test]
    fn a_lower_case_word_closing_an_associations_name_belongs_to_it() {
        let t = toks("L'association Terres saines, à l'origine du recours");
        let n = t.iter().position(|x| x.text == "Terres").unwrap();
        assert_eq!(t[institution_name_end(&t, n, n + 1, t.len())].text, ",");
        // A cue after the name is its verb, not part of it.
        let t = toks("L'association Attac estime, dans un communiqué");
        let n = t.iter().position(|x| x.text == "Attac").unwrap();
        assert_eq!(institution_name_end(&t, n, n + 1, t.len()), n + 1);
    }

    #[test]
    fn a_body_subject_is_read_past_its_members_in_brackets() {
        let t = toks("L'intersyndicale (CGT, FO, Unsa) demande des embauches");
        let open = t.iter().position(|x| x.text == "(").unwrap();
        assert_eq!(t[after_member_brackets(&t, open)].text, "demande");
        let (np, _) = sentence_subject(&t, 0, t.len()).unwrap();
        assert_eq!(np.written("L'intersyndicale (CGT, FO, Unsa) demande des embauches").to_lowercase(), "l'intersyndicale");
        // An acronym alone in brackets is passed over elsewhere, not here.
        let t = toks("l'agence (ANSSI) demande");
        let open = t.iter().position(|x| x.text == "(").unwrap();
        assert_eq!(after_member_brackets(&t, open), open);
    }
}

// ---- fr-bodies3 (session 15): a body named as the asker of what is said ----

/// The folded words of the last `window` bytes before a name, without the name's article
/// (an elided "l'" glued to it, or a full "le"/"la"/"les"): what `is_asker_of_what_is_said`
/// and `is_issuer_of_document_before` read for a "… par" ending.
fn words_before_name(before: &str, window: usize) -> Vec<String> {
    let b = before.trim_end();
    let tail = fold(&b[floor_char_boundary(b, b.len().saturating_sub(window))..]);
    let tail = tail.strip_suffix("l'").unwrap_or(&tail).trim_end();
    let mut words: Vec<String> = tail.split([' ', ',']).filter(|w| !w.is_empty()).map(str::to_string).collect();
    if words.last().is_some_and(|w| matches!(w.as_str(), "le" | "la" | "les")) {
        words.pop();
    }
    words
}

/// "la déclaration, consultée par l'AFP", "a indiqué la préfecture, interrogée par l'AFP":
/// a name that is the agent of "consulté(e)(s)/interrogé/contacté/joint/sollicité par"
/// asked; it is no speaker and no antecedent of a later "il"/"elle". (An addressee, "a
/// déclaré à l'AFP", stays a mention: the ranker reads it as the listener.) `before` is the
/// text right before the name (its article included or not).
pub(super) fn is_asker_of_what_is_said(before: &str) -> bool {
    let words = words_before_name(before, 80);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let asked = |w: &str| {
        let w = w.trim_end_matches('s').trim_end_matches('e');
        ["consult", "interrog", "contact", "joint", "sollicit"].iter().any(|p| w.strip_prefix(p).is_some_and(|r| r.is_empty() || r == "é"))
    };
    match words.as_slice() {
        [.., verb, "par"] => asked(verb),
        _ => false,
    }
}

/// "L'avis rendu en janvier par la Mission régionale …", "le rapport publié par l'agence":
/// a name that is the agent of a document noun's participle ("rendu", "publié", "remis",
/// "signé", "adopté", "rédigé", "émis", within six words of the noun) issued that document,
/// so a later "le document"/"le texte" speaks for it. `before` is the text right before
/// the name.
pub(super) fn is_issuer_of_document_before(before: &str) -> bool {
    let words = words_before_name(before, 100);
    let mut words: Vec<&str> = words.iter().map(String::as_str).collect();
    if words.pop() != Some("par") {
        return false;
    }
    let issued = ["rendu", "publié", "remis", "signé", "adopté", "rédigé", "émis"];
    let documents = ["avis", "rapport", "document", "texte", "étude", "note", "décision", "délibération"];
    let is_issued = |w: &&str| {
        let w = w.trim_end_matches('s');
        issued.iter().any(|p| {
            let p = p.trim_end_matches('s');
            w == p || w.strip_suffix('e') == Some(p)
        })
    };
    let k = match words.iter().rposition(is_issued) {
        Some(k) if words.len() - k <= 4 => k,
        _ => return false,
    };
    words[k.saturating_sub(6)..k].iter().any(|w| {
        let w = w.rsplit('\'').next().unwrap_or(w);
        documents.contains(&w)
    })
}

#[cfg(test)]
mod asker_tests {
    use super::*;

    #[test]
    fn a_body_that_asked_is_no_speaker() {
        assert!(is_asker_of_what_is_said("Le rapport, consulté par l'"));
        assert!(is_asker_of_what_is_said("a précisé la mairie, interrogée par le "));
        assert!(is_asker_of_what_is_said("« Non », a dit la mairie, jointe par l’"));
        // The agent of another verb, or a place after "à", is left alone.
        assert!(!is_asker_of_what_is_said("Le projet, porté par la "));
        assert!(!is_asker_of_what_is_said("Il habite à "));
        assert!(!is_asker_of_what_is_said("selon l'"));
    }

    #[test]
    fn the_agent_of_an_issued_document_is_its_issuer() {
        assert!(is_issuer_of_document_before("L'avis rendu en mars par la "));
        assert!(is_issuer_of_document_before("le rapport publié par l'"));
        assert!(!is_issuer_of_document_before("le projet porté par l'"));
        assert!(!is_issuer_of_document_before("L'avis rendu en mars à la "));
    }
}

// ---- fr-bodies4 (session 15): a plural body keeps its verbs ----

/// "les huit organisations", "les 12 syndicats": a cardinal number between a plural
/// article and its noun belongs to the group. Returns how many tokens it takes after the
/// article at `i` (0 or 1).
pub(super) fn count_after_article(toks: &[Tok], i: usize) -> usize {
    const CARDINALS: [&str; 18] = [
        "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "trente", "cent",
    ];
    let Some(t) = toks.get(i + 1) else { return 0 };
    let number = t.text.chars().all(|c| c.is_ascii_digit()) || (t.is_lower_word() && CARDINALS.contains(&t.low.as_str()));
    usize::from(number && toks.get(i + 2).is_some_and(|n| n.is_lower_word()))
}

/// "Les syndicats appellent à la grève et dénoncent « … »": a cue coordinated by "et" to
/// a plural verb right after the group keeps the group as its subject. `after` is the token
/// after the group, `cue_first` the cue. True when `toks[after]` is a third-person plural
/// verb (in -ent), the token before the cue is "et", and no punctuation stands between.
pub(super) fn cue_coordinated_to_plural_verb(toks: &[Tok], after: usize, cue_first: usize) -> bool {
    let Some(verb) = toks.get(after).filter(|_| after + 1 < cue_first) else { return false };
    let lx = Lexicon::get();
    let plural_verb = verb.is_lower_word() && verb.low.ends_with("ent") && !lx.is_function_word(&verb.low);
    plural_verb
        && toks[cue_first - 1].low == "et"
        && after + 12 >= cue_first
        && toks[after..cue_first].iter().all(|t| t.kind != TokKind::Punct)
}

#[cfg(test)]
mod plural_body_tests {
    use super::tests::toks;
    use super::*;

    #[test]
    fn a_number_after_the_article_belongs_to_the_group() {
        let t = toks("les neuf fédérations agricoles estiment");
        assert_eq!(count_after_article(&t, 0), 1);
        let t = toks("les 14 associations disent");
        assert_eq!(count_after_article(&t, 0), 1);
        let t = toks("les fédérations estiment");
        assert_eq!(count_after_article(&t, 0), 0);
    }

    #[test]
    fn a_cue_after_et_and_a_plural_verb_keeps_the_group() {
        let t = toks("Les fédérations réclament un moratoire et dénoncent");
        let cue = t.iter().position(|t| t.low == "dénoncent").unwrap();
        assert!(cue_coordinated_to_plural_verb(&t, 2, cue));
        let t = toks("Les fédérations réclament un moratoire, et dénoncent");
        let cue = t.iter().position(|t| t.low == "dénoncent").unwrap();
        assert!(!cue_coordinated_to_plural_verb(&t, 2, cue));
        let t = toks("Les fédérations du pays et dénoncent");
        let cue = t.iter().position(|t| t.low == "dénoncent").unwrap();
        assert!(!cue_coordinated_to_plural_verb(&t, 2, cue));
    }
}

// ===== fr-places (session 16): a place is rarely who speaks; the body of that place is =====

/// "L'agence régionale de santé (ARS) Centre-Val de Loire a indiqué", "l'office du tourisme
/// (OT) Pays basque précise": a name right after a body's bracketed acronym is the place
/// the body serves, not who speaks. The subject is the body named before the acronym (its
/// lower-case long form, `institution_name_before`, or the phrase `np_backward` reads
/// there). `np` is the phrase found before the verb ("Centre-Val" reads as a body noun,
/// so it may be a role). A person's name there (a first name opening it) is left alone.
pub(super) fn body_before_acronym_and_place(toks: &[Tok], lo: usize, np: &Np) -> Option<Np> {
    let f = np.first;
    if matches!(np.kind, NpKind::Pronoun(..)) || f < lo + 4 || !is_after_bodys_acronym(toks, f) {
        return None;
    }
    let body = institution_name_before(toks, lo, f - 4).or_else(|| np_backward(toks, lo, f - 4))?;
    let is_body = match &body.kind {
        NpKind::Name(_) => true,
        NpKind::Role { kind, .. } => *kind == SpeakerKind::Organisation,
        NpKind::Pronoun(..) => false,
    };
    is_body.then_some(body)
}

/// "L'agence régionale de santé (ARS) Centre-Val de Loire": whether the capitalised word
/// at `a` comes right after a bracketed acronym that follows a word, and opens no person's
/// name (a first name). Such a name is the place the body serves.
pub(super) fn is_after_bodys_acronym(toks: &[Tok], a: usize) -> bool {
    a >= 4
        && toks[a - 1].is_punct(')')
        && super::attribution::is_acronym(&toks[a - 2])
        && toks[a - 3].is_punct('(')
        && toks[a - 4].is_word()
        && toks.get(a).is_some_and(|t| t.is_cap() && !Lexicon::get().first_names.contains_key(t.text.as_str()))
}

/// "la préfecture maritime de la Manche", "le conseil départemental de l'Aude": one or two
/// lower-case adjectives may stand between a body's noun and its "de" complement; the
/// chain of complements then reads back past them to the body noun
/// (`head_of_complements`). `j` is the word before the "de"; returns the body noun's
/// position when the words back to it are adjectives (no function word, auxiliary, cue
/// verb or role noun) and a determiner stands before it.
pub(super) fn body_noun_before_adjectives(toks: &[Tok], lo: usize, j: usize) -> Option<usize> {
    let lx = Lexicon::get();
    let adjective = |t: &Tok| t.is_lower_word() && t.low.chars().count() >= 4 && is_content_word(t) && lx.role(&t.low).is_none();
    let body = |k: usize| toks[k].is_word() && lx.role(&toks[k].low) == Some(SpeakerKind::Organisation) && k > lo && is_det(&toks[k - 1]);
    let mut k = j;
    for _ in 0..2 {
        if k <= lo || !adjective(&toks[k]) {
            return None;
        }
        k -= 1;
        if body(k) {
            return Some(k);
        }
    }
    None
}

/// "la Cour des comptes a relevé", "le Défenseur des droits avait rappelé": French
/// capitalises only the first word of an institution's name, so a body noun written with
/// its capital after an article, mid-sentence (a common noun capitalised only because it
/// names one institution), keeps its "de"/"des"/"du" complement of one lower-case noun
/// ("des comptes"); the phrase would otherwise stop at the capital ("la Cour"). The noun
/// must be a content word (no function word, auxiliary, cue verb or person's role).
/// Returns where the name ends (`r` unchanged when the rule does not apply).
pub(super) fn org_word_with_common_complement_end(toks: &[Tok], i: usize, r: usize, end: usize) -> usize {
    let lx = Lexicon::get();
    let end = end.min(toks.len());
    let article = i > 0 && matches!(fold(&toks[i - 1].low).as_str(), "le" | "la" | "l'" | "les");
    let body = toks[i].is_cap()
        && !super::attribution::is_acronym(&toks[i])
        && (lx.is_org_word(&toks[i].low) || lx.role(&toks[i].low) == Some(SpeakerKind::Organisation));
    let de = |t: &Tok| t.is_lower_word() && matches!(t.low.as_str(), "de" | "des" | "du" | "d'");
    let noun = |t: &Tok| t.is_lower_word() && t.low.chars().count() >= 3 && is_content_word(t) && lx.role(&t.low) != Some(SpeakerKind::Person);
    if r == i + 1 && r + 1 < end && article && body && de(&toks[r]) && noun(&toks[r + 1]) { r + 2 } else { r }
}

/// (fr-places2) "l'intersyndicale CGT-CFDT-FO", "le collectif LDH-MRAP": a name that is a
/// hyphenated list of two or more acronyms lists the members of a coalition; what speaks is
/// the coalition, called by the body's common noun right before the list. Returns that noun
/// (the caller opens the name with it), or None when `toks[a..b]` is no such list.
pub(super) fn coalition_noun_before_acronym_list(toks: &[Tok], a: usize, b: usize) -> Option<String> {
    let noun = toks.get(a.checked_sub(1)?)?;
    if b <= a || !noun.is_lower_word() || Lexicon::get().role(&noun.low) != Some(SpeakerKind::Organisation) {
        return None;
    }
    let name: String = toks[a..b].iter().map(|t| t.text.as_str()).collect();
    let parts: Vec<&str> = name.split('-').collect();
    let acronym = |p: &&str| p.chars().count() >= 2 && p.chars().all(|c| c.is_uppercase());
    (parts.len() >= 2 && parts.iter().all(acronym)).then(|| noun.text.to_string())
}

/// (fr-places2) "L'agence … défend une « organisation graduée » des soins. Dans un
/// communiqué, elle indique « … »": a quoted term, a noun phrase behind its article (not a
/// quote governed by a verb or "à", which may carry a cue of its own), that the sentence
/// goes on after (a lower-case word follows its closing mark) is part of that sentence, so
/// the sentence before the next quote still opens on its subject (the body elle stands for).
pub(super) fn is_quote_inside_sentence(toks: &[Tok], j: usize) -> bool {
    const ARTICLES: [&str; 8] = ["un", "une", "le", "la", "l'", "les", "cette", "son"];
    matches!(toks.get(j).map(|t| &t.kind), Some(TokKind::Quote(_)))
        && j > 0
        && ARTICLES.contains(&toks[j - 1].low.as_str())
        && toks.get(j + 1).is_some_and(Tok::is_lower_word)
}

#[cfg(test)]
mod place_tests {
    use super::tests::toks;
    use super::*;

    /// The phrase `np_backward` reads right before the verb "a".
    fn before_verb(t: &[Tok]) -> Np {
        let v = t.iter().position(|x| x.low == "a").unwrap();
        np_backward(t, 0, v - 1).unwrap()
    }

    #[test]
    fn a_quoted_term_behind_its_article_is_inside_the_sentence() {
        // The placeholder "XQ" stands for the quote token.
        let quoted = |s: &str| {
            let mut t = toks(s);
            let j = t.iter().position(|x| x.text == "XQ").unwrap();
            t[j].kind = TokKind::Quote(0);
            (t, j)
        };
        let (t, j) = quoted("L'agence défend une XQ des soins.");
        assert!(is_quote_inside_sentence(&t, j));
        // Governed by "à" (a quote of what was said), or ending the sentence: not a term.
        let (t, j) = quoted("L'agence appelle à XQ et à composer le 15.");
        assert!(!is_quote_inside_sentence(&t, j));
        let (t, j) = quoted("L'agence défend une XQ. Elle indique");
        assert!(!is_quote_inside_sentence(&t, j));
    }

    #[test]
    fn a_list_of_acronyms_after_a_body_noun_is_named_by_that_noun() {
        let at = |t: &[Tok], w: &str| t.iter().position(|x| x.text.starts_with(w)).unwrap();
        let t = toks("L'intersyndicale CGT-CFDT-FO a dénoncé la fermeture");
        let i = at(&t, "CGT");
        let j = t.iter().position(|x| x.low == "a").unwrap();
        assert_eq!(coalition_noun_before_acronym_list(&t, i, j).as_deref(), Some("intersyndicale"));
        // One acronym is the body's own name; a person's double name is no list.
        let t = toks("Le syndicat CGT a dénoncé la fermeture");
        let i = at(&t, "CGT");
        assert!(coalition_noun_before_acronym_list(&t, i, i + 1).is_none());
        let t = toks("Le directeur Jean-Marc Durand a dénoncé la fermeture");
        let i = at(&t, "Jean");
        let j = t.iter().position(|x| x.low == "a").unwrap();
        assert!(coalition_noun_before_acronym_list(&t, i, j).is_none());
    }

    #[test]
    fn a_place_after_a_bodys_bracketed_acronym_is_not_the_subject() {
        let t = toks("L'office régional du tourisme (ORT) Haute-Provence a indiqué");
        let np = before_verb(&t);
        let body = body_before_acronym_and_place(&t, 0, &np).expect("the body");
        assert_eq!(t[body.first].text, "office");
        let t = toks("Le groupe (ABC) Jean Martin a indiqué");
        let np = before_verb(&t);
        assert!(body_before_acronym_and_place(&t, 0, &np).is_none());
        let at = |t: &[Tok], w: &str| t.iter().position(|x| x.text == w).unwrap();
        let t = toks("L'agence (ARS) Bretagne a dit");
        assert!(is_after_bodys_acronym(&t, at(&t, "Bretagne")));
        let t = toks("Il a dit (ARS) Bretagne");
        assert!(is_after_bodys_acronym(&t, at(&t, "Bretagne")));
        let t = toks("L'agence Bretagne a dit");
        assert!(!is_after_bodys_acronym(&t, at(&t, "Bretagne")));
    }

    #[test]
    fn a_capitalised_body_noun_keeps_its_common_complement() {
        let t = toks("Selon la Cour des comptes, le coût a doublé");
        let i = t.iter().position(|x| x.text == "Cour").unwrap();
        assert_eq!(t[org_word_with_common_complement_end(&t, i, i + 1, t.len()) - 1].text, "comptes");
        let t = toks("Selon la Cour de la ville, le coût a doublé");
        assert_eq!(org_word_with_common_complement_end(&t, i, i + 1, t.len()), i + 1);
        let t = toks("Selon Cour des comptes, le coût a doublé");
        let i = t.iter().position(|x| x.text == "Cour").unwrap();
        assert_eq!(org_word_with_common_complement_end(&t, i, i + 1, t.len()), i + 1);
    }

    #[test]
    fn a_maker_is_the_same_kind_of_company_as_a_group() {
        assert!(same_kind_of_company("constructeur", "groupe"));
        assert!(same_kind_of_company("fabricant", "entreprise"));
        assert!(!same_kind_of_company("fabricant", "syndicat"));
    }

    #[test]
    fn adjectives_between_a_body_noun_and_its_complement_are_passed() {
        let t = toks("La préfecture maritime de la Méditerranée a indiqué");
        let de = t.iter().position(|x| x.low == "de").unwrap();
        assert_eq!(body_noun_before_adjectives(&t, 0, de - 1), Some(1));
        let t = toks("La préfecture a indiqué hier de nouveau");
        let de = t.iter().position(|x| x.low == "de").unwrap();
        assert_eq!(body_noun_before_adjectives(&t, 0, de - 1), None);
    }
}

// ===== fr-bodies (session 17): the company a company noun stands for =====

/// A company's own parts and people, whose "de" complement names the company ("la direction
/// d'Altix", "les salariés de Borvex", "le PDG de Velmor").
const COMPANY_PARTS: [&str; 11] =
    ["direction", "pdg", "dirigeant", "dirigeants", "salariés", "salariées", "employés", "actionnaires", "patron", "patronne", "filiale"];

/// A company's sites and brands, named by the company set right after them with no "de"
/// ("l'usine Valmor", "l'entrepôt Tralmo"); with "de" the name is a town ("l'usine de
/// Morville"), so that reading is left out.
const COMPANY_SITES: [&str; 8] = ["usine", "usines", "entrepôt", "entrepôts", "magasin", "magasins", "enseigne", "marque"];

/// Whether the text `before` a name (ending right where it starts) makes that name a
/// company: a company part and its "de" ("la direction d'"), or a site noun set right before
/// it ("l'entrepôt "). "Le groupe … l'entreprise affirme" then goes back to that company,
/// not to the union or the town named since (entities::Registry::company_by_its_parts).
pub(super) fn names_company_after(before: &str) -> bool {
    let low = fold(before);
    let mut words = low.split_whitespace().rev();
    let Some(last) = words.next() else { return false };
    let noun = |w: &str| w.strip_prefix("l'").unwrap_or(w).to_string();
    if matches!(last, "de" | "du" | "des" | "d'") {
        return words.next().is_some_and(|w| COMPANY_PARTS.contains(&noun(w).as_str()));
    }
    // ("l'usine Valmor": the name glued to no preposition; "de l'usine" ends on the noun.)
    !low.ends_with(|c: char| c.is_alphanumeric()) && COMPANY_SITES.contains(&noun(last).as_str())
}

/// Bodies of another kind than a company: a company noun ("le groupe", "l'entreprise") never
/// stands for a name holding one of them ("comité social et économique", "syndicat Sud").
const NOT_COMPANY_BODIES: [&str; 20] = [
    "comité", "syndicat", "association", "fédération", "conseil", "collectif", "confédération", "intersyndicale", "ministère",
    "préfecture", "mairie", "tribunal", "parquet", "commission", "agence", "office", "chambre", "cour", "observatoire", "institut",
];

/// Whether a name (folded words) names a body of another kind than a company
/// (`NOT_COMPANY_BODIES`).
pub(super) fn names_other_kind_than_company(low: &[String]) -> bool {
    low.iter().any(|w| NOT_COMPANY_BODIES.contains(&w.as_str()))
}

/// Nouns of bodies of one kind each ("l'association", "la fédération", "le syndicat"): such a
/// noun stands for the body the article introduced with that same noun, and for no other
/// body (entities::Registry::generic_body_antecedent); a company noun reads wider.
pub(super) const TYPED_BODY_NOUNS: [&str; 10] =
    ["association", "fédération", "syndicat", "fondation", "agence", "laboratoire", "collectif", "confédération", "ong", "union"];

/// "l'association Clair Logis", "la fédération départementale Vernie": whether the text
/// `before` a name ends on the body noun `noun`, with at most two adjectives between (no
/// "de" complement, bracket or comma: in "l'agence régionale de santé (ARS) de Vernie" the
/// name is a place the body serves, not the body).
pub(super) fn noun_right_before(before: &str, noun: &str) -> bool {
    let low = fold(before);
    if low.ends_with(|c: char| !c.is_whitespace() && c != '\'') {
        return false;
    }
    for w in low.split_whitespace().rev().take(3) {
        if w.strip_prefix("l'").unwrap_or(w) == noun {
            return true;
        }
        if !w.chars().all(|c| c.is_alphabetic() || c == '-') || !is_describing_adjective(w) && !is_inner_name_adjective(w) {
            return false;
        }
    }
    false
}

/// How far after a name's start its apposed body noun is read ("Habitat Jeunes Morlac,
/// l'association qui …").
const APPOSED_NOUN_BYTES: usize = 120;

/// "Du côté de Clair Logis, l'association qui gère trois foyers, …": the body noun set in
/// apposition right after a name, behind a definite article and a comma. `after` is the text
/// from the name's start; the name is its capitalised words (with "de", "du", "des", "d'"
/// between them). Returns the folded noun.
pub(super) fn apposed_body_noun(after: &str) -> Option<String> {
    let cut = floor_char_boundary(after, APPOSED_NOUN_BYTES.min(after.len()));
    let (name, rest) = after[..cut].split_once(',')?;
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase) || matches!(fold(w).as_str(), "de" | "du" | "des" | "d'");
    if name.split_whitespace().next().is_none() || !name.split_whitespace().all(|w| capitalised(&w)) {
        return None;
    }
    let rest = fold(rest.trim_start());
    let noun = ["l'", "le ", "la ", "les "].iter().find_map(|d| rest.strip_prefix(d))?;
    let noun: String = noun.chars().take_while(|c| c.is_alphabetic() || *c == '-').collect();
    (!noun.is_empty()).then_some(noun)
}

/// "l'agence sanitaire", "l'organisation patronale", "les experts financiers": a lower-case
/// adjective that describes a body rather than names one (it ends like an adjective,
/// `NAME_ADJECTIVE_ENDINGS` or -ier/-ière, and is no institution adjective such as
/// "régionale", "nationale", "publique", which make "la direction régionale" a body of its
/// own, nor a cue or role word).
pub(super) fn is_describing_adjective(low: &str) -> bool {
    let lx = Lexicon::get();
    let ends = NAME_ADJECTIVE_ENDINGS.iter().chain(["ier", "iers", "ière", "ières"].iter()).any(|e| low.ends_with(e));
    low.chars().count() >= 5
        && ends
        && !is_inner_name_adjective(low)
        && !lx.fr_cues.contains(low)
        && !VERBS_LIKE_ADJECTIVES.contains(&low)
        && lx.role(low).is_none()
}

#[cfg(test)]
mod company_tests {
    use super::*;

    #[test]
    fn a_company_part_or_site_before_a_name_makes_it_a_company() {
        assert!(names_company_after("Mardi, la direction d'"));
        assert!(names_company_after("selon la direction de "));
        assert!(names_company_after("les salariés de l'entrepôt "));
        assert!(names_company_after("devant l'usine "));
        assert!(!names_company_after("la fermeture de l'usine de "));
        assert!(!names_company_after("le maire de "));
        assert!(!names_company_after("la direction "));
        assert!(!names_company_after(""));
    }

    #[test]
    fn a_body_noun_apposed_after_a_name_is_read() {
        assert_eq!(apposed_body_noun("Clair Logis, l'association qui gère trois foyers").as_deref(), Some("association"));
        assert_eq!(apposed_body_noun("Maison de Retz, la fédération des foyers").as_deref(), Some("fédération"));
        assert_eq!(apposed_body_noun("Clair Logis, qui gère trois foyers"), None);
        assert_eq!(apposed_body_noun("Clair Logis a dit, l'association"), None);
    }

    #[test]
    fn describing_adjectives_are_not_institution_adjectives() {
        assert!(is_describing_adjective("sanitaire"));
        assert!(is_describing_adjective("patronale"));
        assert!(is_describing_adjective("financiers"));
        assert!(!is_describing_adjective("régionale"));
        assert!(!is_describing_adjective("publique"));
        assert!(!is_describing_adjective("dit"));
    }

    #[test]
    fn a_typed_body_noun_introduces_the_name_right_after_it() {
        assert!(noun_right_before("Selon l'association ", "association"));
        assert!(noun_right_before("la fédération départementale ", "fédération"));
        assert!(!noun_right_before("l'agence régionale de santé (ARS) de ", "agence"));
        assert!(!noun_right_before("l'association, ", "association"));
    }

    #[test]
    fn a_committee_or_a_union_is_no_company() {
        let low = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<String>>();
        assert!(names_other_kind_than_company(&low("comité social et économique")));
        assert!(!names_other_kind_than_company(&low("fonderies mercadier")));
    }
}

// ===== fr-bodies2 (session 17): a body named by its lower-case noun, found by a periphrasis =====

/// fr-bodies2: "Selon les estimations de la chambre d'agriculture, … L'organisme évoque
/// « … »": a body an article names only by its lower-case noun (roles.txt, kind
/// organisation) and a "de" complement is never registered as a name, so a later
/// periphrasis ("l'organisme", "l'institution") found nothing and was kept as written.
/// The last such body in `before` (the text of the paragraph up to the periphrasis), as
/// written without its article: the noun, then a one-word "de" complement ("chambre
/// d'agriculture", "caisse des dépôts"). `skip`: nouns never taken (the periphrases
/// themselves, and nouns that are parts of a body).
pub fn lower_case_body_before(before: &str, skip: &[&str]) -> Option<Vec<String>> {
    let lx = Lexicon::get();
    let words: Vec<&str> = before.split_whitespace().collect();
    let clean = |w: &str| fold(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'));
    // (One paragraph, scanned once from its end.)
    let i = (0..words.len()).rev().find(|&i| {
        let w = clean(words[i]);
        let (noun, article) = match w.strip_prefix("l'") {
            Some(n) => (n.to_string(), true),
            None => (w.clone(), i > 0 && matches!(clean(words[i - 1]).as_str(), "la" | "le")),
        };
        // (Written in lower case: "la Chambre haute" is a name collect_names registers.)
        let lower = after_elision(words[i]).chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase);
        article && lower && !skip.contains(&noun.as_str()) && lx.role(&noun) == Some(SpeakerKind::Organisation)
    })?;
    let bare = |w: &str| w.trim_end_matches(|c: char| !c.is_alphanumeric()).to_string();
    let mut out = vec![bare(after_elision(words[i]))];
    // (A noun closed by punctuation has no complement: "la chambre, …".)
    if words[i].ends_with(|c: char| c.is_alphanumeric()) {
        match words.get(i + 1).map(|w| clean(w)) {
            Some(d) if d.starts_with("d'") && d.len() > 2 => out.push(bare(words[i + 1])),
            Some(d) if matches!(d.as_str(), "du" | "des") && i + 2 < words.len() => out.extend([bare(words[i + 1]), bare(words[i + 2])]),
            _ => {}
        }
    }
    Some(out)
}

/// The word an elided article is glued to ("l'organisme" → "organisme").
fn after_elision(word: &str) -> &str {
    word.rsplit(['\'', '’']).next().unwrap_or(word)
}

#[cfg(test)]
mod fr_bodies2_tests {
    use super::lower_case_body_before;

    #[test]
    fn a_lower_case_body_with_its_complement_is_found_before_a_periphrasis() {
        let skip = ["organisme"];
        let found = |s: &str| lower_case_body_before(s, &skip).map(|w| w.join(" "));
        assert_eq!(found("Selon les chiffres de la chambre d'artisanat, les ventes baissent. ").as_deref(), Some("chambre d'artisanat"));
        assert_eq!(found("Un prêt de la caisse des écoles a été voté. ").as_deref(), Some("caisse des écoles"));
        assert_eq!(found("Il dort dans sa chambre. ").as_deref(), None);
        assert_eq!(found("Selon l'organisme, ").as_deref(), None);
        assert_eq!(found("Selon la Chambre haute, ").as_deref(), None);
    }
}

// ===== fr-docs (session 17): a body's members speak for the body =====

/// fr-docs: plural nouns naming the members of a body, with the head nouns of the bodies
/// they sit in ("les magistrats" of a court or chamber, "les sages" of a council, "les
/// enquêteurs" of an inspection). A report's findings are the body's, not a group's.
const MEMBER_BODIES: [(&str, &[&str]); 7] = [
    ("magistrats", &["cour", "chambre", "tribunal", "parquet"]),
    ("juges", &["cour", "tribunal", "conseil"]),
    ("sages", &["conseil"]),
    ("enquêteurs", &["inspection", "commission", "mission", "office", "bureau"]),
    ("inspecteurs", &["inspection"]),
    ("rapporteurs", &["commission", "mission"]),
    ("experts", &["comité", "agence", "autorité", "conseil"]),
];

/// Tokens back from the quote within which the body must be named.
const MEMBER_BODY_REACH: usize = 80;

/// fr-docs: "… évalué par la chambre régionale des comptes. Les magistrats financiers y
/// pointaient « … »": when the group opening the sentence (`noun`, the word after "les")
/// names the members of a body and such a body was named shortly before (`before`: the
/// paragraph's tokens up to the quote), the body is the speaker, as written without its
/// article: head noun, then adjectives, "des/de/du" complements and capitalised words.
pub(super) fn members_body(noun: &str, before: &[Tok]) -> Option<Speaker> {
    let heads = MEMBER_BODIES.iter().find(|(n, _)| *n == fold(noun))?.1;
    let from = before.len().saturating_sub(MEMBER_BODY_REACH);
    let head_of = |t: &Tok| fold(after_elision(&t.text));
    let k = (from..before.len()).rev().find(|&k| {
        let elided = before[k].low.starts_with("l'") || before[k].low.starts_with("l’");
        let det = elided || k > 0 && matches!(before[k - 1].low.as_str(), "la" | "le" | "l'" | "l’" | "du" | "au");
        det && before[k].is_word() && heads.contains(&head_of(&before[k]).as_str())
    })?;
    let lx = Lexicon::get();
    let adjective = |t: &Tok| {
        t.is_lower_word() && !lx.is_function_word(&t.low)
            && ["al", "ale", "ales", "aux", "el", "elle", "ique", "ien", "ienne", "aire", "ier", "ière", "if", "ive"].iter().any(|s| t.low.ends_with(s))
    };
    let mut words = vec![after_elision(&before[k].text).to_string()];
    let mut i = k + 1;
    while i < before.len() && words.len() < 6 {
        let t = &before[i];
        if matches!(t.low.as_str(), "des" | "de" | "du") && before.get(i + 1).is_some_and(Tok::is_word) {
            words.extend([t.text.to_string(), before[i + 1].text.to_string()]);
            i += 2;
        } else if adjective(t) || t.is_cap() {
            words.push(t.text.to_string());
            i += 1;
        } else {
            break;
        }
    }
    Some(Speaker { name: words.join(" "), kind: SpeakerKind::Organisation })
}

#[cfg(test)]
mod fr_docs_tests {
    use super::members_body;
    use super::tests::toks;

    #[test]
    fn members_named_after_their_body_speak_for_it() {
        let name = |noun: &str, s: &str| members_body(noun, &toks(s)).map(|sp| sp.name);
        assert_eq!(name("magistrats", "Le budget a été contrôlé par la chambre régionale des comptes (CRC). Les magistrats y notaient").as_deref(), Some("chambre régionale des comptes"));
        assert_eq!(name("sages", "Saisi en mars, le Conseil constitutionnel a rendu sa décision. Les sages jugent").as_deref(), Some("Conseil constitutionnel"));
        assert_eq!(name("enquêteurs", "Selon l'inspection générale, les comptes sont faux. Les enquêteurs notent").as_deref(), Some("inspection générale"));
        // (No body of theirs in view: no speaker from this rule.)
        assert_eq!(name("magistrats", "Le maire a parlé à la presse. Les magistrats estiment").as_deref(), None);
        assert_eq!(name("manifestants", "Devant la cour de la mairie, les manifestants crient").as_deref(), None);
    }
}

/// fr-docs: nouns for the writers of a document.
const DOCUMENT_AUTHORS: [&str; 4] = ["auteurs", "autrices", "rédacteurs", "rédactrices"];
/// fr-docs: documents whose authors an article may quote as "ses auteurs".
const AUTHORED_DOCUMENTS: [&str; 5] = ["rapport", "étude", "note", "enquête", "tribune"];

/// fr-docs: "Le rapport formule quatorze recommandations. « … », concluent ses auteurs": the
/// authors of a document (the words after the cue `c` in `toks`: "ses / les / leurs
/// auteurs") speak as the document the paragraph named last before the quote (`before`),
/// as written: its noun ("rapport").
pub(super) fn authors_document(toks: &[Tok], c: &Cue, before: &[Tok]) -> Option<Speaker> {
    let (det, noun) = (toks.get(c.last + 1)?, toks.get(c.last + 2)?);
    if !matches!(det.low.as_str(), "ses" | "les" | "leurs") || !DOCUMENT_AUTHORS.contains(&noun.low.as_str()) {
        return None;
    }
    // ("les auteurs de l'attaque": a complement names what they authored, not a document.)
    if toks.get(c.last + 3).is_some_and(|t| matches!(t.low.as_str(), "de" | "du" | "des" | "d'")) {
        return None;
    }
    let from = before.len().saturating_sub(DOCUMENT_READ_REACH);
    let k = (from..before.len()).rev().find(|&k| AUTHORED_DOCUMENTS.contains(&before[k].low.as_str()) && k > 0 && is_det(&before[k - 1]))?;
    Some(Speaker { name: before[k].text.to_string(), kind: SpeakerKind::Document })
}

#[cfg(test)]
mod fr_docs_authors_tests {
    use super::authors_document;
    use super::tests::toks;
    use crate::text::attribution::find_cues;

    #[test]
    fn the_authors_of_a_report_speak_as_the_report() {
        let before = toks("L'étude publiée hier recense mille cas. ");
        let right = toks(", concluent ses auteurs.");
        let cues = find_cues(&right);
        let c = cues.first().expect("a cue");
        assert_eq!(authors_document(&right, c, &before).map(|s| s.name).as_deref(), Some("étude"));
        assert_eq!(authors_document(&right, c, &toks("Le maire a parlé. ")), None);
    }
}
