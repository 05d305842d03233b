//! Alignment speed: a 500 × 500-sentence French–English pair must align well under a
//! second. The texts are built from a small parallel story repeated with variations, so the
//! aligner has real anchors (numbers, names, lexicon words) to weigh.

use criterion::{Criterion, criterion_group, criterion_main};
use diglot::ingest::from_plain_text;

const FR: [&str; 5] = [
    "La police a arrêté {n} hommes mardi soir dans le centre de la ville.",
    "Selon le procureur, les suspects préparaient une attaque contre une gare.",
    "Les enquêteurs ont saisi {n} euros en liquide et deux ordinateurs.",
    "Le ministre de l'Intérieur a salué le travail des policiers pendant {n} heures.",
    "Une conférence de presse est prévue jeudi à la préfecture.",
];
const EN: [&str; 5] = [
    "Police arrested {n} men on Tuesday evening in the centre of the city.",
    "According to the prosecutor, the suspects were preparing an attack on a station.",
    "Investigators seized {n} euros in cash and two computers.",
    "The interior minister praised the work of the police officers for {n} hours.",
    "A press conference is planned on Thursday at the prefecture.",
];

fn text(templates: &[&str; 5], sentences: usize) -> String {
    (0..sentences)
        .map(|i| templates[i % 5].replace("{n}", &(i * 37 % 1000).to_string()))
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn align_500(c: &mut Criterion) {
    let fr = from_plain_text("fr", &text(&FR, 500));
    let en = from_plain_text("en", &text(&EN, 500));
    assert_eq!(fr.sentence_count(), 500);
    c.bench_function("align 500x500 sentences", |b| b.iter(|| diglot::align::align(&fr, &en)));
}

/// Counterpart proposals among 40 articles (20 French, 20 English) of 50 sentences each.
fn pairs_40(c: &mut Criterion) {
    let articles: Vec<_> = (0..40)
        .map(|k| {
            let templates = if k % 2 == 0 { &FR } else { &EN };
            let body = text(templates, 50).replace("ville", &format!("ville {k}")).replace("city", &format!("city {k}"));
            from_plain_text(&format!("a{k}"), &body)
        })
        .collect();
    let manifest = diglot::model::Manifest::default();
    c.bench_function("propose pairs among 40 articles", |b| b.iter(|| diglot::align::propose_pairs(&articles, &manifest)));
}

criterion_group!(benches, align_500, pairs_40);
criterion_main!(benches);
