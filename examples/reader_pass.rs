//! One pass of reader mode over a folder of saved pages, for profiling and for counting
//! instructions (`perf stat -e instructions:u`), which, unlike times, do not move with
//! the load of a shared machine.
//!
//!     cargo build --release --example reader_pass
//!     valgrind --tool=callgrind target/release/examples/reader_pass ../shared/reader-dev/pages

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: reader_pass DIR [ROUNDS]");
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let mut pages: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("a folder of pages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .filter_map(|p| Some((p.to_string_lossy().into_owned(), std::fs::read(&p).ok()?)))
        .collect();
    pages.sort();
    let mut words = 0;
    for _ in 0..rounds {
        for (name, bytes) in &pages {
            words += diglot::ingest::parse_bytes(name, bytes).map_or(0, |a| a.text.split_whitespace().count());
        }
    }
    std::hint::black_box(words);
}
