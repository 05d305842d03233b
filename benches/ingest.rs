//! Ingest speed: the bundled corpus, and large generated inputs (a long HTML article,
//! a Windows-1252 text file, and a pathologically deep document).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "support/pages.rs"]
mod pages;
use pages::saved_news_page;

/// About `paragraphs` × 400 bytes of article-like HTML with links, spans and hidden bits.
fn large_html(paragraphs: usize) -> String {
    let mut s = String::from("<html><head><title>Big</title></head><body><article>");
    for i in 0..paragraphs {
        s.push_str(&format!(
            "<p>Paragraph {i}: the minister <a href=\"https://example.org/{i}\">said</a> on \
             Monday that the U.S. plan &amp; its <em>budget</em> would go ahead. \
             &ldquo;We will not wait,&rdquo; she said. Officials agreed&hellip; Others did not.</p>\
             <span style=\"display:none\" class=\"updated\">2020-01-0{}</span>\n",
            i % 9 + 1
        ));
    }
    s.push_str("</article></body></html>");
    s
}

fn ingest(c: &mut Criterion) {
    c.bench_function("ingest bundled corpus (5 articles)", |b| b.iter(diglot::ingest::bundled));

    // Reader mode: ≥ 100 pages a second on one core is the aim.
    let page = saved_news_page(15, 40, 20);
    c.bench_function("reader mode: a typical saved news page (50 KB)", |b| {
        b.iter(|| diglot::ingest::parse_bytes("page.html", black_box(page.as_bytes())))
    });
    // A 5 MB saved page (a long live blog, an endless comment thread): HTML → lines; the
    // aim is under 200 ms. Pages this large skip the tree-building extractor.
    let five_mb = saved_news_page(13_500, 4_000, 200);
    c.bench_function("HTML → lines: a 5 MB saved page", |b| {
        b.iter(|| diglot::ingest::html::convert(black_box(&five_mb)))
    });
    let two_mb = saved_news_page(4_500, 1_000, 100);
    c.bench_function("reader mode extraction: a 2 MB saved page", |b| {
        b.iter(|| diglot::ingest::reader::extract(black_box(&two_mb)))
    });

    let html = large_html(5_000); // ≈ 1.9 MB, still converted by html2text
    c.bench_function("ingest 2 MB generated HTML", |b| {
        b.iter(|| diglot::ingest::parse_bytes("big.html", black_box(html.as_bytes())))
    });

    let huge = large_html(18_000); // ≈ 7 MB: past the html2text size limit
    c.bench_function("ingest 7 MB generated HTML (flat converter)", |b| {
        b.iter(|| diglot::ingest::parse_bytes("huge.html", black_box(huge.as_bytes())))
    });

    let latin1: Vec<u8> = "La s\u{e9}curit\u{e9} de l\u{2019}\u{e9}t\u{e9}, a d\u{e9}clar\u{e9} le pr\u{e9}fet.\n"
        .repeat(20_000)
        .chars()
        .map(|c| match c {
            '\u{2019}' => 0x92,
            c => c as u32 as u8,
        })
        .collect();
    c.bench_function("ingest 1 MB Windows-1252 text", |b| {
        b.iter(|| diglot::ingest::parse_bytes("fr.txt", black_box(&latin1)))
    });

    let depth = 60_000;
    let deep = format!("{}deep text{}", "<div>".repeat(depth), "</div>".repeat(depth));
    c.bench_function("ingest 60,000-deep HTML", |b| {
        b.iter(|| diglot::ingest::parse_bytes("deep.html", black_box(deep.as_bytes())))
    });

    // A folder of saved pages, as analysts keep them: 500 files (the bundled articles
    // copied 100 times), read in parallel by `load_dir`.
    let dir = tempfile::tempdir().expect("temporary folder");
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let originals: Vec<_> = std::fs::read_dir(&corpus)
        .expect("bundled corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e != "toml"))
        .collect();
    for copy in 0..100 {
        for p in &originals {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            std::fs::copy(p, dir.path().join(format!("{copy}-{name}"))).expect("copy");
        }
    }
    c.bench_function("load a folder of 500 files", |b| b.iter(|| diglot::ingest::load_dir(black_box(dir.path()))));

    // The same folder the second time, from the article cache (files dated in the past:
    // the cache skips files changed in the last seconds).
    let past = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
    for e in std::fs::read_dir(dir.path()).expect("folder") {
        let f = std::fs::File::options().append(true).open(e.expect("entry").path()).expect("open");
        f.set_modified(past).expect("set time");
    }
    let cache_dir = tempfile::tempdir().expect("temporary folder");
    let cache = cache_dir.path().join("articles.db");
    let _ = diglot::ingest::load_dir_cached(dir.path(), Some(&cache));
    c.bench_function("load a folder of 500 files, cached", |b| {
        b.iter(|| diglot::ingest::load_dir_cached(black_box(dir.path()), Some(&cache)))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = ingest
}
criterion_main!(benches);
