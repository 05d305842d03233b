//! The reader's responsiveness: time to the first frame on the bundled corpus, and the
//! cost of one scroll keystroke (time, and bytes written to the terminal — what matters
//! over SSH).

use criterion::{Criterion, criterion_group, criterion_main};
use diglot::app::App;
use diglot::tui::Session;
use diglot::app::keymap::KeyChord;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A terminal that only counts the bytes it is sent.
#[derive(Clone, Default)]
struct Counter(Arc<AtomicUsize>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn counting_terminal(w: u16, h: u16) -> (Terminal<CrosstermBackend<Counter>>, Counter) {
    let counter = Counter::default();
    let backend = CrosstermBackend::new(counter.clone());
    let t = Terminal::with_options(backend, TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, w, h)) })
        .expect("fixed viewport needs no tty");
    (t, counter)
}

fn key(app: &mut App, k: &str) {
    app.handle_key(KeyChord::parse(k).expect("valid key"));
}

fn first_frame(c: &mut Criterion) {
    let corpus = diglot::ingest::bundled();
    c.bench_function("tui first frame (bundled corpus, 80x24)", |b| {
        b.iter(|| {
            let mut app = Session::new(App::new(corpus.clone(), HashMap::new()));
            app.update(diglot::app::Action::Resize(80, 24));
            let mut t = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
            t.draw(|f| diglot::ui::draw(f, &app)).expect("draw");
        })
    });
}

fn scroll_keystroke(c: &mut Criterion) {
    let corpus = diglot::ingest::bundled();
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let mut app = Session::new(App::new(corpus.clone(), HashMap::new()));
        app.update(diglot::app::Action::Resize(w, h));
        key(&mut app, "Tab");
        let (mut t, counter) = counting_terminal(w, h);
        t.draw(|f| diglot::ui::draw(f, &app)).expect("draw");
        let first = counter.0.swap(0, Ordering::Relaxed);
        let presses = 20;
        for _ in 0..presses {
            key(&mut app, "j");
            t.draw(|f| diglot::ui::draw(f, &app)).expect("draw");
        }
        let per_key = counter.0.swap(0, Ordering::Relaxed) / presses;
        #[allow(clippy::print_stdout)] // the benchmark's own report
        {
            println!("{w}x{h}: first frame {first} bytes; one scroll keystroke (j in the body) {per_key} bytes");
        }

        c.bench_function(&format!("tui scroll keystroke + redraw ({w}x{h})"), |b| {
            b.iter(|| {
                key(&mut app, "j");
                if app.reader.body_top > 40 {
                    key(&mut app, "g");
                }
                t.draw(|f| diglot::ui::draw(f, &app)).expect("draw");
            })
        });
    }
}

/// A folder's worth of articles: what the list, filter and first frame must cope with.
fn big_corpus(n: usize) -> diglot::ingest::Corpus {
    let paragraph = "Officials said on Monday that the network had moved its channels again, \
        and analysts warned that “the problem will not go away” any time soon. ";
    let articles = (0..n)
        .map(|i| {
            let text = format!("Article number {i}\n\n{}\n\n{}", paragraph.repeat(8), paragraph.repeat(5));
            let mut a = diglot::ingest::from_plain_text(&format!("a{i:05}"), &text);
            a.meta.title = Some(format!("Article number {i}"));
            a
        })
        .collect();
    diglot::ingest::Corpus { articles, ..Default::default() }
}

fn large_corpus(c: &mut Criterion) {
    let corpus = big_corpus(5000);
    c.bench_function("tui first frame (5000 articles, 120x40)", |b| {
        b.iter(|| {
            let mut app = Session::new(App::new(corpus.clone(), HashMap::new()));
            app.update(diglot::app::Action::Resize(120, 40));
            let mut t = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
            t.draw(|f| diglot::ui::draw(f, &app)).expect("draw");
        })
    });
    let mut app = Session::new(App::new(corpus.clone(), HashMap::new()));
    app.update(diglot::app::Action::Resize(120, 40));
    key(&mut app, "f");
    c.bench_function("tui filter keystroke (5000 articles)", |b| {
        b.iter(|| {
            app.update(diglot::app::Action::Type('9'));
            key(&mut app, "Backspace");
        })
    });
}

/// `h` in the body with 10,000 highlights in a store file: the write, the read-back of
/// every highlight and the redraw (measured as a pair: add, then remove).
fn highlight_keystroke(c: &mut Criterion) {
    let corpus = diglot::ingest::bundled();
    let dir = tempfile::tempdir().expect("temp dir");
    let store = diglot::store::Store::open(&dir.path().join("bench.db")).expect("store");
    let article = &corpus.articles[0];
    let sentences: Vec<_> = article.sentences().map(|(_, s)| s.range.clone()).collect();
    let news: Vec<_> = (0..10_000)
        .map(|i| {
            let r = sentences[i % sentences.len()].clone();
            // Distinct ranges, so the toggled sentence below stays the only exact match.
            let end = r.end.saturating_sub(1 + i / sentences.len() % 3).max(r.start + 1);
            diglot::store::NewHighlight::from_range(article, r.start..end, None)
        })
        .collect();
    store.add_highlights(&news).expect("seed highlights");
    let mut app = Session::new(App::new(corpus.clone(), HashMap::new()));
    app.attach_store(store);
    app.update(diglot::app::Action::Resize(80, 24));
    key(&mut app, "Enter");
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    c.bench_function("tui h add+remove with 10k highlights (file store, 80x24)", |b| {
        b.iter(|| {
            key(&mut app, "h");
            t.draw(|f| diglot::ui::draw(f, &app)).expect("draw");
            key(&mut app, "h");
            t.draw(|f| diglot::ui::draw(f, &app)).expect("draw");
        })
    });
}

criterion_group!(benches, first_frame, scroll_keystroke, large_corpus, highlight_keystroke);
criterion_main!(benches);
