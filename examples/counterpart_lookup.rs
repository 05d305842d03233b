//! Time of the reader's `b` lookup from the index (benches/index.sh runs it):
//! [`diglot::ingest::counterparts::counterpart_in_index`] for a sample of articles of a
//! folder already indexed, after the folder's rows are loaded as the reader loads them.
//!
//!     cargo run --release --example counterpart_lookup -- DIR [SAMPLES]
//!
//! Prints the median and the slowest lookup in milliseconds, and how many found a
//! counterpart. Uses the cache `DIGLOT_CACHE` names (or the default one); being another
//! executable, it keeps a cache of its own (an entry is used only by the binary that
//! wrote it), so the first run reads the whole folder.
// A measuring tool: its output is numbers it formats itself.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use diglot::ingest::{self, cache};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: counterpart_lookup DIR [SAMPLES]");
        std::process::exit(2);
    };
    let samples: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(50);
    let dir = std::path::Path::new(&dir);
    let location = cache::default_location();
    let corpus = ingest::load_dir_metadata(dir, location.as_deref()).expect("folder");
    let Some(index) = location.as_deref().and_then(cache::ArticleCache::open) else {
        eprintln!("no usable cache (DIGLOT_CACHE)");
        std::process::exit(1);
    };
    let n = corpus.articles.len();
    let step = (n / samples.max(1)).max(1);
    let mut times = Vec::new();
    let mut found = 0;
    for a in corpus.articles.iter().step_by(step).take(samples) {
        let start = Instant::now();
        let c = ingest::counterparts::counterpart_in_index(&index, dir, &corpus.articles, &corpus.manifest, &a.id);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        found += usize::from(matches!(c, diglot::align::Counterpart::Found(_)));
    }
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
    let max = times.last().copied().unwrap_or(0.0);
    println!("{n} articles, {} lookups: median {median:.1} ms, slowest {max:.1} ms, {found} found a counterpart", times.len());
}
