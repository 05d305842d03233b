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

/// One hand-annotated quote: `kind | speaker | cue | first words`.
struct Gold {
    kind: QuoteKind,
    speaker: Option<String>,
    cue: Option<String>,
    prefix: String,
}

fn read_gold(path: &Path) -> Vec<Gold> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            assert_eq!(f.len(), 4, "bad gold line in {}: {l}", path.display());
            let opt = |s: &str| (s != "-").then(|| s.to_string());
            let kind = match f[0] {
                "direct" => QuoteKind::Direct,
                "partial" => QuoteKind::Partial,
                "term" => QuoteKind::Term,
                k => panic!("bad kind {k}"),
            };
            Gold { kind, speaker: opt(f[1]), cue: opt(f[2]), prefix: f[3].to_string() }
        })
        .collect()
}

#[derive(Default, Debug)]
struct Score {
    gold: usize,
    found: usize,
    right_speaker: usize,
    reported: usize,
    spurious: usize,
    cues_checked: usize,
    right_cue: usize,
    right_kind: usize,
    misses: Vec<String>,
}

impl Score {
    fn add(&mut self, name: &str, quotes: &[Quote], gold: &[Gold]) {
        let matches = |q: &Quote, g: &Gold| q.text.starts_with(&g.prefix);
        for g in gold.iter().filter(|g| g.kind != QuoteKind::Term) {
            self.gold += 1;
            let Some(q) = quotes.iter().find(|q| q.kind != QuoteKind::Term && matches(q, g)) else {
                self.misses.push(format!("{name}: not found: {}", g.prefix));
                continue;
            };
            self.found += 1;
            let said = q.speaker.as_ref().map(|s| s.name.clone());
            if said == g.speaker {
                self.right_speaker += 1;
            } else {
                self.misses.push(format!("{name}: speaker {said:?}, expected {:?}: {}", g.speaker, g.prefix));
            }
            if q.kind == g.kind {
                self.right_kind += 1;
            } else {
                self.misses.push(format!("{name}: kind {:?}, expected {:?}: {}", q.kind, g.kind, g.prefix));
            }
            if let Some(cue) = &g.cue {
                self.cues_checked += 1;
                if q.cue.as_deref() == Some(cue.as_str()) {
                    self.right_cue += 1;
                } else {
                    self.misses.push(format!("{name}: cue {:?}, expected {cue}: {}", q.cue, g.prefix));
                }
            }
        }
        for q in quotes.iter().filter(|q| q.kind != QuoteKind::Term) {
            self.reported += 1;
            if !gold.iter().any(|g| g.kind != QuoteKind::Term && matches(q, g)) {
                self.spurious += 1;
                self.misses.push(format!("{name}: spurious {:?}: {}", q.kind, q.text));
            }
        }
    }

    fn pct(a: usize, b: usize) -> f64 {
        if b == 0 { 100.0 } else { 100.0 * a as f64 / b as f64 }
    }

    fn summary(&self) -> String {
        format!(
            "found {}/{} ({:.1}%), right speaker {}/{} ({:.1}%), spurious {}/{} ({:.1}%), cue {}/{} ({:.1}%), kind {}/{} ({:.1}%)",
            self.found,
            self.gold,
            Self::pct(self.found, self.gold),
            self.right_speaker,
            self.found,
            Self::pct(self.right_speaker, self.found),
            self.spurious,
            self.reported,
            Self::pct(self.spurious, self.reported),
            self.right_cue,
            self.cues_checked,
            Self::pct(self.right_cue, self.cues_checked),
            self.right_kind,
            self.found,
            Self::pct(self.right_kind, self.found),
        )
    }

    fn assert_targets(&self, what: &str) {
        let report = format!("{what}: {}\n{}", self.summary(), self.misses.join("\n"));
        println!("{report}");
        assert!(Self::pct(self.found, self.gold) >= 95.0, "{report}");
        assert!(Self::pct(self.right_speaker, self.found) >= 90.0, "{report}");
        assert!(Self::pct(self.spurious, self.reported) <= 10.0, "{report}");
        assert!(Self::pct(self.right_cue, self.cues_checked) >= 90.0, "{report}");
    }
}

fn score_fixtures(prefixes: &[&str]) -> Score {
    let mut score = Score::default();
    let mut names: Vec<_> = std::fs::read_dir(fixture_dir()).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
    names.sort();
    for gold_path in names.iter().filter(|p| p.extension().is_some_and(|e| e == "gold")) {
        let stem = gold_path.file_stem().unwrap().to_string_lossy().into_owned();
        if !prefixes.iter().any(|p| stem.starts_with(p)) {
            continue;
        }
        let text = std::fs::read_to_string(gold_path.with_extension("txt")).unwrap();
        let quotes = extract(&from_plain_text(&stem, &text));
        score.add(&stem, &quotes, &read_gold(gold_path));
    }
    assert!(score.gold > 0, "no gold for {prefixes:?}");
    score
}

#[test]
fn gold_bundled_articles_meet_the_targets() {
    score_fixtures(&["000", "001", "002", "003", "004"]).assert_targets("bundled (clean copies)");
}

#[test]
fn gold_unseen_texts_meet_the_targets() {
    score_fixtures(&["100", "101", "102"]).assert_targets("new texts");
}
