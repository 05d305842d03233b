//! Print every quote's speaker candidates and their ranker features, one JSON object per
//! line, for `eval/train_ranker.py` (run by hand; not a test):
//!
//!     cargo run --release --example ranker_dump -- FILE.txt ... > candidates.jsonl
//!
//! Each line: the file, the quote's text and offsets, the rules' speaker, and the
//! candidates (speaker name, kind, features in the order of `ranker::FEATURES`).

// A developer's tool run by hand: its output is for the training script, not a terminal.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use diglot::ingest::load_file;
use diglot::text::quotes::extract_with_candidates;
use diglot::text::ranker::{FEATURES, Ranker};
use std::io::Write;
use std::path::Path;

fn main() {
    let off = Ranker::parse(&serde_json::json!({"features": FEATURES.as_slice(), "weights": vec![0.0; FEATURES.len()], "mode": "off", "min_probability": 1.0}).to_string())
        .expect("an all-zero model parses");
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for arg in std::env::args().skip(1) {
        let article = match load_file(Path::new(&arg)) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("{arg}: {e}");
                continue;
            }
        };
        let (quotes, cands) = extract_with_candidates(&article, &off);
        for (q, c) in quotes.iter().zip(&cands) {
            let line = serde_json::json!({
                "file": arg,
                "text": q.text,
                "kind": q.kind,
                "start": q.start,
                "rule": q.speaker.as_ref().map(|s| s.name.clone()),
                "as_written": q.speaker_as_written,
                "cue": q.cue,
                "candidates": c,
            });
            let _ = writeln!(out, "{line}");
        }
    }
}
