# one-off writer for the blind set (kept for the record of typography choices); texts/ is the source of truth
import os
NB, NNB = "\u00a0", "\u202f"
T = {}
T["d01-marche-lamballe"] = """Au marché de Lamballe, les prix des légumes font grimacer

Samedi matin, place du Martray, Odile Fauchard installe ses cagettes de poireaux depuis 6 h. Maraîchère à Hénansal depuis trente ans, elle voit ses clients compter leurs pièces. Un habitué, Gérard Le Bihan, s'approche de l'étal.

— Deux kilos de pommes de terre, comme d'habitude.
— Ça vous fera 4,20 euros, monsieur Le Bihan. J'ai dû augmenter de dix centimes.
— Tout augmente, ma pauvre. Même le pain.

La maraîchère hausse les épaules. « Le gasoil, les plants, l'eau : je ne m'en sors plus », confie-t-elle. Elle pense arrêter dans deux ans.

Le maire, Yannick Rolland, passe saluer les commerçants. Il promet une baisse des droits de place : « Ce sera voté au conseil de juin. »
"""
T["d02-depeche-dockers"] = """Marseille : les dockers en grève contre la réforme des ports (syndicat)

MARSEILLE, 14 mars 2026 (AFP) - Les dockers du Grand port maritime de Marseille ont cessé le travail mardi pour protester contre le projet de réforme de la gouvernance des ports, a-t-on appris auprès de la CGT.

«NNBNous ne laisserons pas privatiser nos quaisNNB», a déclaré à l’AFP Patrick Ouali, secrétaire général du syndicat CGT des dockers. «NNBSi le gouvernement ne recule pas, le mouvement s’étendra à Fos et au HavreNNB», a-t-il ajouté.

La direction du port a indiqué dans un communiqué que «NNBl’activité est perturbée mais pas interrompueNNB». Une vingtaine de navires attendaient au large mardi soir, selon la capitainerie.

Interrogée par l’AFP, la ministre des Transports, Sandrine Keller, a appelé «NNBau dialogueNNB». «NNBLa réforme n’est pas une privatisationNNB», a-t-elle assuré, ajoutant que «NNBles statuts des dockers ne seront pas touchésNNB».

«NNBOn a déjà entendu ça en 2008NNB», a réagi M. Ouali.

mre/ab/ls
""".replace("NNB", NNB)
T["d03-tribunal-bobigny"] = """Tribunal de Bobigny : six mois avec sursis pour le chauffeur de bus

Le tribunal correctionnel de Bobigny a condamné jeudi Mehdi Saïdani, 41 ans, à six mois de prison avec sursis pour homicide involontaire. Le chauffeur de bus avait renversé une piétonne en octobre à Pantin.

À la barre, le prévenu a présenté ses excuses à la famille. « Je pense à elle tous les jours », a-t-il dit d'une voix basse.

La procureure, Hélène Marquet, avait requis un an avec sursis. « Il a grillé un feu rouge, les images sont formelles », a-t-elle rappelé. Son avocat, Me Julien Costa, a plaidé la fatigue : « Mon client enchaînait les services depuis cinq heures du matin. » L'avocate de la famille, Me Nadia Berrada, a au contraire dénoncé « une faute de conduite caractérisée ».

Pour l'avocat, la RATP porte aussi une responsabilité. « On ne fait pas rouler un homme douze heures par jour sans conséquences », a-t-il insisté après l'audience. L'avocate, elle, s'est dite « soulagée » pour la famille, qui « attendait d'être enfin reconnue ».
"""
T["d04-foot-caen"] = """Ligue 2 : Caen arrache le nul à Grenoble

Menés au score jusqu'à la 88e minute, les Normands ont égalisé sur un coup franc de Théo Lenoir (1-1). Un point précieux pour le Stade Malherbe, qui reste cinquième.

«NBOn n'a pas été bons pendant une heure, il faut le direNB», reconnaissait Bruno Vasseur après la rencontre. Selon l'entraîneur caennais, ses joueurs «NBont manqué d'agressivité dans les duelsNB».

En face, Laurent Mercadier ne cachait pas sa frustration. «NBOn leur offre ce coup franc, c'est une faute inutileNB», pestait le technicien grenoblois. Le coach isérois a toutefois salué «NBune vraie réactionNB» de son groupe en seconde période.

Buteur libérateur, Théo Lenoir savourait : «NBJe l'ai frappé sans réfléchir.NB» Le milieu de terrain a dédié son but à son grand-père, décédé la semaine dernière.

Le club normand a annoncé dimanche soir que le défenseur Yanis Carré, sorti sur blessure, serait absent «NBau moins trois semainesNB».
""".replace("NB", NB)
T["d05-handball-metz"] = """Handball : Metz domine Brest dans le choc de la Ligue féminine

Metz a battu Brest 31-27 samedi aux Arènes, dans un duel au sommet de la Ligue Butagaz Énergie. Les Messines comptent désormais trois points d'avance.

L'entraîneuse messine, Claire Vautrin, saluait la maîtrise de ses joueuses. « On a su rester calmes quand Brest est revenu à un but », expliquait-elle. Côté brestois, l'entraîneur Olivier Kermarrec regrettait « trop de pertes de balle ». « On a donné le match en dix minutes », a-t-il résumé.

La capitaine de Metz, Julie Ndiaye, auteure de sept buts, a insisté sur la défense. « C'est notre marque de fabrique », a souligné la demi-centre.

Interrogé sur l'arbitrage, le technicien breton a refusé de polémiquer : « Les arbitres n'ont pas perdu le match, c'est nous. » Quant à l'entraîneuse, elle pense déjà à la Ligue des champions : « Bucarest, ce sera une autre histoire. »
"""
T["d06-usine-stellavia"] = """Automobile : Stellavia ferme son site de Sochaux-Est, Bercy promet un repreneur

Le constructeur Stellavia a confirmé mardi la fermeture d'ici fin 2027 de son usine de moteurs de Sochaux-Est, qui emploie 640 salariés. « La demande de moteurs thermiques a chuté de 40 % en trois ans », justifie le groupe dans un communiqué.

Le ministère de l'Industrie a aussitôt réagi. « Aucun salarié ne sera laissé sans solution », assure Bercy, qui dit avoir « déjà identifié deux repreneurs potentiels ».

Du côté des syndicats, la colère domine. « C'est une trahison », tranche Karim Belkacem, délégué FO. La CFDT réclame pour sa part « un plan de reclassement digne de ce nom ».

Le président de la région Bourgogne-Franche-Comté, Marc Devillers, a demandé à être reçu par la direction. « La région a versé 12 millions d'euros d'aides à ce site, nous voulons des comptes », a-t-il déclaré.

L'équipementier Faurel, principal sous-traitant de l'usine, a indiqué qu'il « étudiait toutes les conséquences » pour ses 300 salariés du Doubs.
"""
T["d07-portrait-sabotiere"] = """Portrait : Armelle Guiraud, la dernière sabotière du Tarn

À 67 ans, Armelle Guiraud taille encore des sabots dans son atelier de Lacaune. Elle a appris le métier auprès de son père, Raymond, disparu en 2009.

« Mon père ne parlait pas beaucoup. Il me mettait l'outil dans la main et il regardait. Si c'était mal fait, il reprenait sans un mot.

« Il m'a fallu dix ans pour qu'il me dise que c'était bien. Dix ans ! »

Aujourd'hui, la sabotière vend surtout aux touristes et à quelques collectionneurs. Son neveu, Bastien Guiraud, vient l'aider le samedi. « Je ne sais pas si je reprendrai, c'est un métier qui ne nourrit plus », admet le jeune homme de 24 ans.

Elle ne s'inquiète pas. « Quelqu'un viendra. Il vient toujours quelqu'un. »
"""
T["d08-titre-rectrice"] = """« Aucune classe ne fermera à la rentrée », promet la rectrice de Normandie

La rectrice de l'académie de Normandie, Christine Lemaire-Dufour, a assuré lundi à Rouen qu'aucune école ne perdrait de classe dans les communes de moins de 2 000 habitants. « Nous tiendrons cette promesse dans les petites communes, c'est un engagement », a-t-elle déclaré devant les maires ruraux.

Le président de l'association des maires ruraux de Seine-Maritime, Jean-Pierre Hocquet, s'est dit « prudemment satisfait ». « On jugera en septembre », a-t-il ajouté.

Les syndicats enseignants restent sceptiques. Pour Maud Lefranc, secrétaire départementale du SNUipp-FSU, il s'agit d'« un effet d'annonce avant les municipales ».
"""
T["d09-crue-redon"] = """Crue de la Vilaine : « On ne rouvrira pas cette fois »

À Redon, l'eau est montée de 80 centimètres dans la nuit de mardi à mercredi. Dans la rue du Port, Sylvie Mahé, 58 ans, constate les dégâts dans sa mercerie. « On a tout perdu en une nuit. Les stocks, les machines, tout », souffle la commerçante.

Son voisin, Alain Guého, gérant d'un bar, a vidé sa cave toute la nuit. « On commence à avoir l'habitude, c'est ça le plus triste », lâche-t-il.

Le préfet d'Ille-et-Vilaine, Philippe Arnoux, a annoncé la demande de reconnaissance de l'état de catastrophe naturelle. « Les démarches seront accélérées », a promis le représentant de l'État.
"""
T["d10-conseil-vannes"] = """Conseil municipal de Vannes : passe d'armes sur le budget

La séance a duré plus de quatre heures lundi soir. La maire, Anne-Laure Guillou, a défendu une hausse de 3 % de la taxe foncière. Elle a rappelé la baisse des dotations de l'État. « Nous n'avons pas d'autre choix si nous voulons garder nos écoles », a-t-elle justifié.

Le chef de file de l'opposition, Erwan Le Goff, a dénoncé un « matraquage fiscal ». Il a proposé de reporter la rénovation de la salle des fêtes. « Ce chantier peut attendre deux ans, nos contribuables non », a-t-il lancé.

Elle lui a répondu sèchement. « Vous proposiez la même salle des fêtes dans votre programme. » Il a quitté la salle peu avant le vote, suivi de ses cinq colistiers.

Le budget a été adopté par 34 voix contre 9. « C'est un budget responsable », a conclu la maire.
"""
T["d11-car-scolaire"] = """Accident de car scolaire près d'Avranches : sept enfants légèrement blessés

Un car transportant 38 élèves d'une école primaire de Ducey a quitté la route mercredi matin sur la D976, à hauteur de Pontaubault. Sept enfants ont été légèrement blessés.

Le chauffeur, un homme de 52 ans, a été soumis à un dépistage d'alcool, négatif. Selon le commandant de la compagnie de gendarmerie d'Avranches, Stéphane Roussel, le car « aurait glissé sur une plaque de gasoil ». « Il n'y a pas de vitesse excessive à ce stade », a-t-il précisé.

La directrice de l'école, Magali Hervieu, était à bord. « Les enfants ont été très courageux, ils ont suivi les consignes », témoigne l'institutrice, encore choquée. Un parent d'élève, arrivé sur place une demi-heure plus tard, raconte : « On a eu la peur de notre vie. »

Le transporteur, la société Cars Lebrun, a indiqué qu'il « collaborait pleinement avec l'enquête ». Le maire de Ducey, Dominique Lecoq, a ouvert une cellule d'écoute à la mairie. « Les familles ont besoin de parler », explique l'élu ducéen.
"""
T["d12-cordonnier-saint-flour"] = """À Saint-Flour, le dernier cordonnier passe la main

Ce mardi, Henri Boudon, 78 ans, remet les clés de son échoppe de la rue de Belloy à Inès Chabrier, 29 ans. La scène a des airs de cérémonie.

« Tu n'oublieras pas de graisser la machine tous les lundis ?
— Promis, Henri. Je l'ai noté dans mon carnet.
— Et les clients du jeudi, ils sont pénibles, mais ils paient bien. »

Le vieil artisan éclate de rire. Il a ouvert la boutique en 1971. « À l'époque, on était quatre cordonniers en ville », se souvient-il.

La jeune femme, ancienne comptable, a suivi une formation de dix mois à Lyon. « Je voulais un métier où l'on voit ce qu'on a fait à la fin de la journée », explique-t-elle.
"""
T["d13-depeche-ceuta"] = """Espagne : Madrid rappelle son ambassadeur au Maroc après un incident à Ceuta

MADRID, 3 février 2026 (AFP) - L’Espagne a rappelé mardi son ambassadeur à Rabat pour consultations, après l’interpellation de deux garde-côtes espagnols au large de Ceuta, a annoncé le ministère des Affaires étrangères.

«NNBCe qui s’est passé est inacceptable entre deux pays amisNNB», a déclaré la porte-parole du gouvernement, Lucía Ferrer, lors d’une conférence de presse. «NNBNous attendons des explications claires et rapidesNNB», a-t-elle ajouté.

Le ministère marocain des Affaires étrangères a dénoncé dans la soirée «NNBune violation des eaux territoriales du RoyaumeNNB». Selon Rabat, le patrouilleur espagnol se trouvait «NNBà plus de deux millesNNB» de la limite.

Le chef de l’opposition conservatrice, Tomás Ibarra, a réclamé la comparution du ministre devant le Congrès. «NNBLe gouvernement découvre la crise par la presseNNB», a-t-il ironisé, avant d’ajouter : «NNBCe n’est pas une politique étrangère, c’est de l’improvisation.NNB»

cg/fp/ib
""".replace("NNB", NNB)
T["d14-cyclisme-pontivy"] = """Tour de Bretagne : Maël Tanguy s'impose en solitaire à Pontivy

Le coureur de l'équipe Arkéa-B&B, 23 ans, a attaqué à 12 kilomètres de l'arrivée et a résisté au retour du peloton. "J'ai eu mal aux jambes dès le dernier col, mais je ne voulais rien lâcher", a confié le vainqueur.

Son directeur sportif, Franck Le Meur, n'était pas surpris. "Maël marche très fort depuis le printemps. On savait qu'il pouvait gagner ici", a-t-il expliqué.

Deuxième, le Belge Arne Vermeulen a regretté un manque de collaboration : "Personne ne voulait rouler derrière lui." Le sprinteur flamand reste leader du classement général.

Selon le manager de l'équipe, Patrice Moalic, le jeune grimpeur "a sa place sur le Tour de France". Le Breton, lui, préfère rester prudent : "Je pense d'abord à la prochaine étape."
"""
T["d15-secheresse-vienne"] = """Sécheresse : les nappes phréatiques du Poitou au plus bas depuis 1976

Les niveaux relevés fin août par le Bureau de recherches géologiques et minières (BRGM) sont les plus bas jamais mesurés dans la Vienne. « Nous avons une recharge hivernale qui n'a pas eu lieu », résume Élodie Bastard, hydrogéologue au BRGM de Poitiers.

La chercheuse pointe aussi l'irrigation intensive. « Les prélèvements estivaux ont doublé en vingt ans », affirme-t-elle.

Un agriculteur de Lusignan, Jean-Claude Texier, conteste cette lecture. « On nous accuse de tout, alors qu'on irrigue moins qu'avant », s'agace le céréalier, qui cultive 180 hectares de maïs.

La préfecture de la Vienne a publié vendredi un arrêté interdisant tout arrosage. « La situation est critique », indique-t-elle dans un communiqué.

Pour le climatologue Romain Vidal, de l'université de Poitiers, « ce type d'été deviendra la norme d'ici 2050 ».
"""
T["d16-plan-eau-ministres"] = """Agriculture : le plan eau divise le gouvernement

Le ministre de l'Agriculture, Hervé Castagné, et la ministre de la Transition écologique, Léa Montreuil, ont présenté mercredi leur plan de gestion de l'eau, après des semaines d'arbitrages tendus.

« Les agriculteurs ne seront pas les variables d'ajustement », a martelé le ministre. La ministre a insisté, elle, sur la sobriété : « Chaque goutte compte, et tout le monde devra faire un effort. »

Interrogée sur les bassines, elle a reconnu « des désaccords de méthode » avec son collègue. Celui-ci a assuré de son côté que « le dialogue est permanent ».

La FNSEA a salué « un pas dans la bonne direction ». France Nature Environnement dénonce au contraire « un plan écrit par et pour l'agro-industrie ».
"""
T["d17-assises-gironde"] = """Cour d'assises de la Gironde : la mère de famille acquittée

Après six heures de délibéré, la cour d'assises de la Gironde a acquitté vendredi soir Corinne Fabre, 46 ans, accusée d'avoir tué son mari violent en 2023 à Libourne.

L'accusée a fondu en larmes à l'énoncé du verdict. « Je vais pouvoir revoir mes enfants », a-t-elle murmuré à son avocat, Me François Dauzats.

L'avocat général, Bertrand Sauvage, avait requis huit ans de prison. « La légitime défense ne peut pas être différée », avait-il soutenu dans son réquisitoire. Il dispose de dix jours pour faire appel.

Me Dauzats a salué « une décision d'humanité ». Le frère de la victime, Didier Fabre, est sorti sans un mot. Sa sœur, Martine Fabre, a en revanche parlé aux journalistes : « Mon frère n'était pas un saint, mais il ne méritait pas de mourir. »

Une juriste venue assister aux débats, Anaïs Pujol, y voit « un tournant » : « La cour a entendu ce que vivent ces femmes. »
"""
T["d18-rachat-biscuiterie"] = """Agroalimentaire : le breton Bonnemaison rachète les biscuits Delmotte

Le groupe coopératif Bonnemaison a annoncé jeudi l'acquisition de la biscuiterie Delmotte, à Wattrelos (Nord), pour un montant non communiqué. « Cette opération nous donne une place dans le snacking sucré », explique son PDG, Loïc Perrin, dans un communiqué.

Delmotte, 180 salariés, était en redressement judiciaire depuis l'automne. « Tous les emplois sont repris », a précisé la directrice financière de Bonnemaison, Sophie Galland, lors d'une conférence téléphonique. Elle a ajouté que le groupe investirait « 15 millions d'euros sur trois ans » dans le site nordiste.

Le patron de Delmotte, Bernard Delmotte, petit-fils du fondateur, se dit « soulagé ». « C'était la meilleure offre pour les salariés », estime l'industriel.

Chez Bonnemaison, on assure qu'« aucune marque ne disparaîtra des rayons ».
"""
here = os.path.dirname(os.path.abspath(__file__))
for k, v in T.items():
    open(os.path.join(here, "texts", k + ".txt"), "w", encoding="utf-8").write(v)
