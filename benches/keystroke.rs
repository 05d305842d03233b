//! One keystroke of the list's filter (`f`) and search (`/`) on a folder of 50,000
//! articles: the work the UI thread does between the key and the next frame (the
//! full-text index answers on a worker; its answer, when it comes, is a step of its own).
//!
//!   cargo bench --bench keystroke            # 50,000 rows
//!   DIGLOT_ROWS=10000 cargo bench --bench keystroke
//!
//! The rows carry titles, outlets and authors recombined from the words of the bundled
//! corpus (one in twenty French); the full-text index is a stand-in that answers every
//! seventh article, so that the text matches' share of the work is there too.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use diglot::app::catalog::{Arrival, ArticleSource, Catalog, Row};
use diglot::app::keymap::KeyChord;
use diglot::app::{Action, App};
use diglot::model::{Article, Metadata};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// Text matches without an index: every seventh slot, after a moment.
struct EverySeventh(usize);

impl ArticleSource for EverySeventh {
    fn load(&self, _slot: usize, row: &Row) -> Result<Article, String> {
        Ok(row.stub())
    }
    fn search(&self, _fts: &str) -> Result<Vec<usize>, String> {
        Ok((0..self.0).step_by(7).collect())
    }
}

/// `n` rows with titles recombined from the bundled corpus's words.
fn rows(n: usize) -> Vec<(usize, Row)> {
    let corpus = diglot::ingest::bundled();
    let words: Vec<String> = corpus
        .articles
        .iter()
        .flat_map(|a| a.text.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string()))
        .filter(|w| w.len() > 2)
        .collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut pick = move |k: usize| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % k
    };
    let outlets = ["Reuters", "Le Monde", "Vice News", "AFP", "The Guardian", "Europol press release"];
    (0..n)
        .map(|i| {
            let title: Vec<&str> = (0..8).map(|_| words[pick(words.len())].as_str()).collect();
            let meta = Metadata {
                title: Some(title.join(" ")),
                author: Some(format!("{} {}", words[pick(words.len())], words[pick(words.len())])),
                source: Some(outlets[pick(outlets.len())].to_string()),
                date: Some(format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
                language: Some(if i % 20 == 0 { "fr" } else { "en" }.to_string()),
                words: 400,
                ..Metadata::default()
            };
            (i, Row { id: format!("article-{i:05}"), path: format!("/folder/article-{i:05}.txt"), meta, bytes: 2400 })
        })
        .collect()
}

/// A reader on these rows, every row listed, a third of them read.
fn reader(rows: &[(usize, Row)]) -> App {
    let (tx, rx) = std::sync::mpsc::channel();
    tx.send(Arrival::Listed { total: rows.len() }).expect("open channel");
    tx.send(Arrival::Rows(rows.to_vec())).expect("open channel");
    tx.send(Arrival::Done).expect("open channel");
    let mut catalog = Catalog::streaming(Arc::new(EverySeventh(rows.len())), rx);
    catalog.wait_until_read();
    let triage = rows
        .iter()
        .step_by(3)
        .map(|(_, r)| (r.id.clone(), diglot::model::Triage { read: true, ..Default::default() }))
        .collect::<HashMap<_, _>>();
    let mut app = App::with_catalog(catalog, Default::default(), triage);
    app.update(Action::Resize(120, 40));
    app
}

fn key(app: &mut App, k: &str) {
    app.handle_key(KeyChord::parse(k).expect("valid key"));
}

fn keys(app: &mut App, typed: &str) {
    for c in typed.chars() {
        key(app, &c.to_string());
    }
}

/// Let the workers answer (the text search) and the app take their answers.
fn settle(app: &mut App) {
    std::thread::sleep(Duration::from_millis(15));
    app.update(Action::Resize(120, 40));
}

/// Time `last` after `prompt` opened the prompt and `before` was typed (each answered).
fn bench_key(c: &mut Criterion, rows: &[(usize, Row)], name: &str, prompt: &str, before: &str, last: &str) {
    c.bench_function(&format!("{name} ({} rows)", rows.len()), |b| {
        b.iter_batched(
            || {
                let mut app = reader(rows);
                key(&mut app, prompt);
                for c in before.chars() {
                    key(&mut app, &c.to_string());
                    settle(&mut app);
                }
                app
            },
            |mut app| {
                key(&mut app, last);
                app
            },
            BatchSize::PerIteration,
        )
    });
}

fn keystrokes(c: &mut Criterion) {
    let n = std::env::var("DIGLOT_ROWS").ok().and_then(|s| s.parse().ok()).unwrap_or(50_000);
    let rows = rows(n);
    for (prompt, what) in [("f", "filter"), ("/", "list search")] {
        bench_key(c, &rows, &format!("{what}: first character"), prompt, "", "p");
        bench_key(c, &rows, &format!("{what}: next character"), prompt, "pol", "i");
        bench_key(c, &rows, &format!("{what}: backspace"), prompt, "poli", "Backspace");
    }
    bench_key(c, &rows, "filter: lang:fr (last character)", "f", "lang:f", "r");
    bench_key(c, &rows, "filter: unread (last character)", "f", "unrea", "d");
    bench_key(c, &rows, "filter: Enter", "f", "police", "Enter");
    // The full-text index's answer to `f police` arriving: the list made again.
    c.bench_function(&format!("filter: the text matches arrive ({n} rows)"), |b| {
        b.iter_batched(
            || {
                let mut app = reader(&rows);
                key(&mut app, "f");
                keys(&mut app, "police");
                std::thread::sleep(Duration::from_millis(15));
                app
            },
            |mut app| {
                app.update(Action::Resize(120, 40));
                app
            },
            BatchSize::PerIteration,
        )
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(2)).warm_up_time(Duration::from_millis(200));
    targets = keystrokes
}
criterion_main!(benches);
