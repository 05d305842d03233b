#![allow(clippy::print_stdout)]
//! The cold read of a folder, file by file on one thread, with the CPU time of each
//! phase: reading the file, parsing it (decoding, reader mode, cleaning, sentences,
//! language) and its counterpart profile. What `list` does on a cold index, less the
//! SQLite writes and the use of every core. For comparing builds, count instructions,
//! which do not move with the load of a shared machine:
//!
//!     cargo build --release --example cold_pass
//!     python3 benches/folder_gen.py 2000 /tmp/f2k
//!     target/release/examples/cold_pass /tmp/f2k
//!     perf stat -e instructions:u target/release/examples/cold_pass /tmp/f2k

use diglot::align::profile::Profile;

/// The binary's allocator (src/main.rs), so that the times are those of `diglot`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::Duration;

/// CPU time of the calling thread.
fn thread_cpu() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

fn main() {
    let dir = std::env::args().nth(1).expect("usage: cold_pass DIR");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("a folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()).is_some_and(|e| diglot::ingest::EXTENSIONS.contains(&e)))
        .collect();
    paths.sort();
    let (mut read, mut parse, mut profile) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let (mut html, mut html_parse) = (0usize, Duration::ZERO);
    let mut words = 0;
    for p in &paths {
        let t0 = thread_cpu();
        let Ok(bytes) = diglot::ingest::read_regular_file(p) else { continue };
        let t1 = thread_cpu();
        let name = p.to_string_lossy();
        let article = diglot::ingest::parse_bytes(&name, &bytes);
        let t2 = thread_cpu();
        if let Ok(a) = &article {
            words += Profile::of(a).anchors().count();
        }
        let t3 = thread_cpu();
        read += t1 - t0;
        parse += t2 - t1;
        profile += t3 - t2;
        if name.ends_with(".html") || name.ends_with(".htm") {
            html += 1;
            html_parse += t2 - t1;
        }
    }
    std::hint::black_box(words);
    let total = read + parse + profile;
    let share = |d: Duration| 100.0 * d.as_secs_f64() / total.as_secs_f64();
    println!("{} files ({html} HTML), CPU {:.3} s on one thread", paths.len(), total.as_secs_f64());
    println!("  read     {:7.3} s {:5.1}%", read.as_secs_f64(), share(read));
    println!("  parse    {:7.3} s {:5.1}%  (HTML files: {:.3} s)", parse.as_secs_f64(), share(parse), html_parse.as_secs_f64());
    println!("  profile  {:7.3} s {:5.1}%", profile.as_secs_f64(), share(profile));
}
