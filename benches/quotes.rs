//! Quote extraction speed: the bundled corpus, and one long synthetic article of the kind
//! analysts load by the thousand.

use criterion::{Criterion, criterion_group, criterion_main};
use diglot::ingest::{bundled, from_plain_text};
use diglot::speakers::speakers;
use diglot::text::quotes::extract;
use std::hint::black_box;

fn long_article(paragraphs: usize) -> diglot::model::Article {
    let para = "Officials met on Monday. “We are watching the networks closely,” said Dana Reyes, \
                the agency's director. « La menace reste élevée », a-t-elle ajouté, citing the so-called \
                “virtual caliphate” and what the report called “a durable online presence”.";
    let text = vec![para; paragraphs].join("\n\n");
    from_plain_text("long", &text)
}

/// About 2,000 words of French news copy: a portrait with il across paragraphs, roles,
/// bodies, "selon"/"pour" attributions and inverted cues, the mix the French rules read.
fn french_article() -> diglot::model::Article {
    let paras = [
        "Le chanteur lyrique Marcel Dubois est mort mardi à 81 ans. Longtemps associé à son partenaire de scène, Paul Girard, \
         il avait connu la gloire à Vienne. En 1970, il lança à un critique : « Vous n'avez jamais rien compris à l'opéra ! »",
        "Hier, le chef du gouvernement, M. Ravel, a présenté son programme devant les députés. L'opposition a quitté la salle \
         (Marc Lenoir déplora un discours « sans aucune ambition pour le pays »). Mais le premier ministre a affirmé : « Nous ne reculerons pas. »",
        "D'autre part, la direction de la radio publique de la Belgique a fermement condamné les agressions, « qui doivent cesser partout ». \
         Pour le collectif de défense des locataires, il s'agit d'« un recul sans précédent pour le pays ».",
        "Dans le Gard, les pluies « pourront dépasser 200 millimètres en quelques heures » averti Météo France. Le fisc défend cette \
         publication, parlant d'un « geste de clarté ». Selon son partenaire, « il chantait encore tous les matins », a-t-il ajouté.",
    ];
    let words: usize = paras.iter().map(|p| p.split_whitespace().count()).sum();
    let text = (0..2000 / words + 1).flat_map(|_| paras).collect::<Vec<_>>().join("\n\n");
    from_plain_text("fr", &format!("Titre\n\n{text}"))
}

fn bench_quotes(c: &mut Criterion) {
    let french = french_article();
    c.bench_function("extract quotes, 2,000-word French article", |b| b.iter(|| extract(black_box(&french)).len()));
    let corpus = bundled();
    c.bench_function("extract quotes, bundled corpus", |b| {
        b.iter(|| corpus.articles.iter().map(|a| extract(black_box(a)).len()).sum::<usize>())
    });
    // 200 and 2,000 paragraphs: the second should cost about ten times the first (the
    // speaker registry searches back from each quote instead of over the whole article).
    for paragraphs in [200, 2000] {
        let long = long_article(paragraphs);
        c.bench_function(&format!("extract quotes, {paragraphs}-paragraph article"), |b| {
            b.iter(|| extract(black_box(&long)).len())
        });
    }
    c.bench_function("speakers, bundled corpus", |b| b.iter(|| speakers(black_box(&corpus.articles)).len()));
    // The speakers view on 1,000 articles, quotes and counterparts already known (the
    // reader extracts quotes once per article): the budget is 50 ms.
    let mut articles = Vec::new();
    for copy in 0..200 {
        for a in &corpus.articles {
            articles.push(diglot::model::Article { id: format!("{}-{copy}", a.id), ..a.clone() });
        }
    }
    let quotes: Vec<_> = articles.iter().map(extract).collect();
    let fr = |id: &str| articles.iter().position(|a| a.id == id);
    let counterparts: Vec<(usize, usize)> = (0..200)
        .filter_map(|copy| Some((fr(&format!("004_17d92d11831f1a30-{copy}"))?, fr(&format!("003_9300786b103168ca-{copy}"))?)))
        .collect();
    let pairs = diglot::speakers::quote_pairs(&articles, &quotes, &counterparts);
    c.bench_function("speaker index, 1,000 articles with 200 counterpart pairs", |b| {
        b.iter(|| diglot::speakers::speaker_index(black_box(&articles), &quotes, &pairs).len())
    });
}

criterion_group!(benches, bench_quotes);
criterion_main!(benches);
