//! Reader-mode speed on whole saved pages: the aim is ≥ 100 pages a second on one core
//! for typical news pages, a 5 MB page in < 200 ms, and nothing quadratic on deep or
//! broken markup.
//!
//! The typical pages are 20 generated ones of about 50 KB, and the real saved pages of
//! `../shared/reader-dev/pages` when that folder exists (or the folder named by
//! `DIGLOT_READER_PAGES`); the throughput line reads as pages per second.
//!
//! Times are the CPU time of the benchmarking thread, not wall time: the aims are for
//! one core, and a machine busy with other work would otherwise inflate them.
//!
//!     cargo bench --bench reader_pages
//!     DIGLOT_READER_PAGES=/path/to/pages cargo bench --bench reader_pages

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

#[path = "support/pages.rs"]
mod pages;
use pages::saved_news_page;

/// CPU time used by the calling thread.
fn thread_cpu_time() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// Criterion measurement of the benchmarking thread's CPU time.
struct ThreadCpu;

impl Measurement for ThreadCpu {
    type Intermediate = Duration;
    type Value = Duration;
    fn start(&self) -> Duration {
        thread_cpu_time()
    }
    fn end(&self, started: Duration) -> Duration {
        thread_cpu_time().saturating_sub(started)
    }
    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }
    fn zero(&self) -> Duration {
        Duration::ZERO
    }
    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

/// Nanoseconds shown as CPU ns/µs/ms/s; element throughput per CPU second.
struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, typical_ns: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = match typical_ns {
            t if t < 1e3 => (1.0, "ns CPU"),
            t if t < 1e6 => (1e-3, "µs CPU"),
            t if t < 1e9 => (1e-6, "ms CPU"),
            _ => (1e-9, "s CPU"),
        };
        values.iter_mut().for_each(|v| *v *= factor);
        unit
    }
    fn scale_throughputs(&self, _typical: f64, throughput: &Throughput, values: &mut [f64]) -> &'static str {
        let per_iteration = match throughput {
            Throughput::Elements(n) | Throughput::Bytes(n) | Throughput::BytesDecimal(n) | Throughput::Bits(n) => *n as f64,
        };
        values.iter_mut().for_each(|v| *v = per_iteration * 1e9 / *v);
        "per CPU second"
    }
    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

/// Saved pages to measure: `(file name, bytes)`.
fn dev_pages() -> Vec<(String, Vec<u8>)> {
    let dir = std::env::var_os("DIGLOT_READER_PAGES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/reader-dev/pages"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut pages: Vec<(String, Vec<u8>)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .filter_map(|p| Some((p.file_name()?.to_string_lossy().into_owned(), std::fs::read(&p).ok()?)))
        .collect();
    pages.sort();
    pages
}

/// About `bytes` of broken markup: `depth` nested divs never closed, paragraphs whose
/// `<p>`, `<a>` and `<b>` are left open, stray end tags.
fn broken_page(bytes: usize, depth: usize) -> String {
    let mut s = String::from("<html><head><title>Broken</title></head><body>");
    s.push_str(&"<div class=\"wrap\">".repeat(depth));
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&format!(
            "<p>Paragraph {i} of a page whose markup was <b>never closed: <a href=\"/x/{i}\">the minister said \
             on Monday</a> that the plan would go ahead</span></td>\n"
        ));
        i += 1;
    }
    s.push_str("</body></html>");
    s
}

fn parse(name: &str, bytes: &[u8]) -> usize {
    diglot::ingest::parse_bytes(name, bytes).map_or(0, |a| a.text.len())
}

fn reader_pages(c: &mut Criterion<ThreadCpu>) {
    let generated: Vec<(String, Vec<u8>)> =
        (0..20).map(|i| (format!("gen{i}.html"), saved_news_page(10 + i, 40, 10 + i).into_bytes())).collect();
    let mut group = c.benchmark_group("reader mode");
    for (label, pages) in [("generated", generated), ("saved", dev_pages())] {
        if pages.is_empty() {
            continue;
        }
        let bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
        group.throughput(Throughput::Elements(pages.len() as u64));
        group.bench_function(format!("{} {label} pages (avg {} KB)", pages.len(), bytes / pages.len() / 1000), |b| {
            b.iter(|| pages.iter().map(|(name, bytes)| parse(name, black_box(bytes))).sum::<usize>())
        });
    }
    group.finish();

    // A 5 MB page: the aim is under 200 ms.
    let five_mb = saved_news_page(13_500, 4_000, 200);
    c.bench_function("a 5 MB saved page", |b| b.iter(|| parse("big.html", black_box(five_mb.as_bytes()))));
    // Deep and broken markup must not be quadratic: 10k unclosed nested divs and
    // unclosed inline tags, at 5 MB.
    let broken = broken_page(5_000_000, 10_000);
    c.bench_function("a 5 MB page, 10k nested divs, unclosed tags", |b| {
        b.iter(|| parse("broken.html", black_box(broken.as_bytes())))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(ThreadCpu).sample_size(10);
    targets = reader_pages
}
criterion_main!(benches);
