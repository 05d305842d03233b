//! Quotes: extraction rules on small texts, gold annotations on clean copies of the
//! bundled articles and on new texts, and the `quotes` / `speakers` commands.

use diglot::ingest::from_plain_text;
use diglot::model::{Quote, QuoteKind, SpeakerKind};
use diglot::text::quotes::{extract, speakers};
use std::path::Path;

fn quotes_of(text: &str) -> Vec<Quote> {
    extract(&from_plain_text("t", text))
}

fn fixture_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/quotes"))
}

#[test]
#[ignore = "prints the extraction of every fixture, for annotating"]
fn dump_fixtures() {
    let mut names: Vec<_> = std::fs::read_dir(fixture_dir()).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
    names.sort();
    for p in names.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let text = std::fs::read_to_string(p).unwrap();
        println!("=== {}", p.display());
        for q in quotes_of(&text) {
            let short: String = q.text.chars().take(50).collect();
            println!(
                "{:?}\t{}\t{}\t{}\t{}",
                q.kind,
                q.speaker.as_ref().map_or("-".to_string(), |s| format!("{} ({:?})", s.name, s.kind)),
                q.speaker_as_written.as_deref().unwrap_or("-"),
                q.cue.as_deref().unwrap_or("-"),
                short
            );
        }
    }
}
