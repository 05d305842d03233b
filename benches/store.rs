//! The highlight store and exports at 10,000 highlights.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use diglot::export::{self, Format};
use diglot::ingest::from_plain_text;
use diglot::model::Article;
use diglot::store::{NewHighlight, Store};

const N: usize = 10_000;

fn corpus() -> Vec<Article> {
    (0..20)
        .map(|i| {
            let paragraphs: Vec<String> = (0..40)
                .map(|p| format!("Paragraph {p} of article {i}. “A quoted remark number {p},” said Speaker {p}. More words follow here."))
                .collect();
            let mut a = from_plain_text(&format!("article-{i}"), &paragraphs.join("\n\n"));
            a.meta.title = Some(format!("Article {i}"));
            a.meta.author = Some("Reporter".into());
            a
        })
        .collect()
}

fn news(articles: &[Article]) -> Vec<NewHighlight> {
    (0..N)
        .map(|i| {
            let a = &articles[i % articles.len()];
            let s = a.sentences().nth(i % 80).map(|(_, s)| s.range.clone()).unwrap_or(0..10);
            let mut n = NewHighlight::from_range(a, s, Some("Speaker".into()));
            n.note = Some(format!("note {i}"));
            n.tag = Some(["red", "blue", "green"][i % 3].into());
            n
        })
        .collect()
}

fn store_benches(c: &mut Criterion) {
    let articles = corpus();
    let news = news(&articles);
    let dir = tempfile::tempdir().expect("tempdir");

    let one = Store::open(&dir.path().join("single.db")).expect("store");
    c.bench_function("add 1 highlight (file, WAL, synchronous=FULL)", |b| {
        b.iter(|| one.add_highlight(&news[0]).expect("add"))
    });

    let mut group = c.benchmark_group("10k highlights");
    group.sample_size(10);
    group.bench_function("insert 10,000 in one transaction (file)", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("tempdir"),
            |d| {
                let s = Store::open(&d.path().join("bulk.db")).expect("store");
                s.add_highlights(&news).expect("bulk add");
            },
            BatchSize::PerIteration,
        )
    });
    let full = Store::open(&dir.path().join("full.db")).expect("store");
    full.add_highlights(&news).expect("fill");
    group.bench_function("list 10,000", |b| b.iter(|| full.highlights(None).expect("list")));
    let hs = full.highlights(None).expect("list");
    group.bench_function("reanchor 10,000 (unchanged articles)", |b| {
        b.iter(|| full.reanchor(&articles).expect("reanchor"))
    });
    for (name, format) in [("markdown", Format::Markdown), ("json", Format::Json), ("csv", Format::Csv)] {
        group.bench_function(format!("export 10,000 {name}"), |b| b.iter(|| export::render(format, &hs, &articles)));
    }
    group.finish();
}

criterion_group!(benches, store_benches);
criterion_main!(benches);
