//! A seeded property test of the whole pipeline on hostile input: bytes → ingest → quotes
//! → alignment → a drawn frame, on inputs mutated from small seed documents (bit flips,
//! truncations, inserted quotation marks, control bytes and escape sequences, long
//! repeats, invalid UTF-8, deeply nested HTML). The property: nothing panics, every range
//! points inside the text on character boundaries, and no control character reaches any
//! text diglot outputs. Deterministic (xorshift from fixed seeds), so a failure names the
//! case that reproduces it.

use diglot::app::App;
use diglot::ingest::{Corpus, parse_bytes};
use diglot::model::Article;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::HashMap;

/// Cases per run: enough to reach every mutation many times, few enough for a debug build.
const CASES: usize = 160;
/// Inputs never grow beyond this (long repeats are capped), to keep a case fast.
const MAX_INPUT: usize = 48 * 1024;

const SEEDS: [(&str, &str); 4] = [
    (
        "en.txt",
        "Officials met on Monday.\n\n“We are watching the networks closely,” said Dana Reyes, the agency's director. \
         She added that the 2,000 accounts were “only a start”.\n\nThe so-called “virtual caliphate” remains, \
         according to a report by Europol. “It does show that,” he said.",
    ),
    (
        "fr.txt",
        "Les enquêteurs se sont réunis lundi.\n\n« Nous surveillons les réseaux de près », a déclaré Dana Reyes, \
         la directrice de l'agence. Selon elle, les 2.000 comptes ne sont « qu'un début ».\n\n\
         « Cela montre que certains membres continuent, a-t-il expliqué. Il faut agir. »",
    ),
    (
        "page.html",
        "<html><head><title>Networks</title><meta name=\"author\" content=\"Jo Smith\"></head><body><article>\
         <h1>Networks</h1><p>“We are watching,” said <a href=\"https://example.org/x\">Dana Reyes</a>.</p>\
         <div class=\"share-bar\">Share</div><p>The report called it a “durable presence”.</p></article></body></html>",
    ),
    ("notes.md", "---\ntitle: Notes\n---\n\n# Notes\n\n“Short,” said Tom. *“Longer, with emphasis,”* Tom added.\n"),
];

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const INSERTS: [&[u8]; 14] = [
    "“".as_bytes(),
    "”".as_bytes(),
    "« ".as_bytes(),
    " »".as_bytes(),
    b"\"",
    "‘".as_bytes(),
    b"'",
    b"\x1b]0;PWNED\x07",
    b"\x1b[31m",
    "\u{9b}2J".as_bytes(),
    b"\x00\x07\x08\r",
    b"\xff\xfe\xc3",
    b"\n\n",
    b", said Jo Smith. ",
];

/// One mutation of `input`.
fn mutate(rng: &mut XorShift, input: &mut Vec<u8>) {
    let at = rng.below(input.len() + 1);
    match rng.below(7) {
        0 if !input.is_empty() => {
            let i = rng.below(input.len());
            input[i] ^= 1 << rng.below(8);
        }
        1 => input.truncate(at),
        2 | 3 => {
            let piece = INSERTS[rng.below(INSERTS.len())];
            input.splice(at..at, piece.iter().copied());
        }
        4 if !input.is_empty() => {
            // A stretch repeated many times: long paragraphs, many quotes.
            let start = rng.below(input.len());
            let len = 1 + rng.below((input.len() - start).min(200));
            let piece = input[start..start + len].to_vec();
            let times = 1 + rng.below(MAX_INPUT / len);
            let repeated: Vec<u8> = piece.iter().copied().cycle().take(len * times).collect();
            input.splice(at..at, repeated);
        }
        5 => {
            // Deeply nested markup.
            let depth = 1 + rng.below(400);
            let mut nest = b"<div><p>".repeat(depth);
            nest.extend_from_slice("“deep,” said Ann.".as_bytes());
            nest.extend(b"</p></div>".repeat(depth));
            input.splice(at..at, nest);
        }
        _ => {
            let piece: Vec<u8> = (0..1 + rng.below(8)).map(|_| rng.next() as u8).collect();
            input.splice(at..at, piece);
        }
    }
    input.truncate(MAX_INPUT);
}

/// No control character (other than the line breaks and tabs of plain text) in `s`.
fn assert_clean(case: usize, what: &str, s: &str) {
    if let Some(c) = s.chars().find(|&c| c.is_control() && c != '\n' && c != '\t') {
        panic!("case {case}: control character U+{:04X} in {what}: {:?}", u32::from(c), s.chars().take(120).collect::<String>());
    }
}

fn check_article(case: usize, a: &Article) {
    assert_clean(case, "article text", &a.text);
    for field in [&a.meta.title, &a.meta.author, &a.meta.date, &a.meta.source, &a.meta.url].into_iter().flatten() {
        assert_clean(case, "metadata", field);
    }
    for p in &a.paragraphs {
        assert!(a.text.get(p.range.clone()).is_some(), "case {case}: paragraph range {:?} outside the text", p.range);
        for s in &p.sentences {
            assert!(a.text.get(s.range.clone()).is_some(), "case {case}: sentence range {:?} outside the text", s.range);
        }
    }
}

fn check_quotes(case: usize, a: &Article) -> Vec<diglot::model::Quote> {
    let quotes = diglot::text::quotes::extract(a);
    for q in &quotes {
        assert!(q.start <= q.end && a.text.get(q.start..q.end).is_some(), "case {case}: quote range {}..{} invalid", q.start, q.end);
        assert!(q.paragraph < a.paragraphs.len().max(1), "case {case}: quote paragraph {} out of range", q.paragraph);
        assert_clean(case, "quote", &q.text);
        for s in [q.speaker.as_ref().map(|s| &s.name), q.speaker_as_written.as_ref(), q.cue.as_ref()].into_iter().flatten() {
            assert_clean(case, "attribution", s);
        }
    }
    quotes
}

fn check_alignment(case: usize, left: &Article, lq: &[diglot::model::Quote], right: &Article, rq: &[diglot::model::Quote]) {
    let alignment = diglot::align::align(left, right);
    let (n, m) = (left.sentence_count(), right.sentence_count());
    for row in &alignment.rows {
        assert!(row.left.end <= n && row.right.end <= m, "case {case}: alignment row {row:?} beyond {n} × {m} sentences");
        assert!((0.0..=1.0).contains(&row.score), "case {case}: score {}", row.score);
    }
    for p in diglot::align::pair_quotes(left, lq, right, rq) {
        assert!(p.left_quote < lq.len() && p.right_quote < rq.len(), "case {case}: quote pair out of range");
    }
}

/// Draw the reader on the article and check every cell.
fn check_frame(case: usize, a: &Article) {
    let corpus = Corpus { articles: vec![a.clone()], ..Corpus::default() };
    let mut app = App::new(corpus, HashMap::new());
    app.update(diglot::app::Action::Resize(80, 24));
    app.finish_background_work();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    terminal.draw(|f| diglot::ui::draw(f, &app)).expect("draw");
    for cell in terminal.backend().buffer().content() {
        assert_clean(case, "a drawn cell", cell.symbol());
    }
}

#[test]
fn hostile_inputs_go_through_the_whole_pipeline_cleanly() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let seeds: Vec<Article> = SEEDS.iter().map(|(name, text)| parse_bytes(name, text.as_bytes()).expect("seed parses")).collect();
    let mut parsed = 0;
    for case in 0..CASES {
        let (name, seed) = SEEDS[case % SEEDS.len()];
        let mut input = seed.as_bytes().to_vec();
        for _ in 0..1 + rng.below(6) {
            mutate(&mut rng, &mut input);
        }
        // A file that cannot be read is refused with a reason, never a panic.
        let article = match parse_bytes(name, &input) {
            Ok(a) => a,
            Err(e) => {
                assert!(!e.reason.is_empty(), "case {case}: an error without a reason");
                continue;
            }
        };
        parsed += 1;
        check_article(case, &article);
        let quotes = check_quotes(case, &article);
        // Against a clean counterpart in the other language, and against itself.
        let other = &seeds[(case + 1) % seeds.len()];
        check_alignment(case, &article, &quotes, other, &check_quotes(case, other));
        if case % 8 == 0 {
            check_alignment(case, &article, &quotes, &article, &quotes);
            check_frame(case, &article);
        }
    }
    // Many mutations leave invalid UTF-8, which is refused by design; enough inputs must
    // still be read, or the test checks nothing.
    assert!(parsed > CASES / 3, "only {parsed} of {CASES} cases could be read");
}

#[test]
fn a_long_article_is_read_in_the_background_and_then_shows_its_quotes() {
    let para = "Officials met on Monday. “We are watching the networks closely,” said Dana Reyes, the agency's director. ";
    let text = format!("{}\n\n{}", para.repeat(2000), para.repeat(2000));
    let article = diglot::ingest::from_plain_text("long", &text);
    let corpus = Corpus { articles: vec![article], ..Corpus::default() };
    let mut app = App::new(corpus, HashMap::new());
    app.update(diglot::app::Action::Resize(100, 30));
    // The first call starts the work and answers at once.
    let _ = app.visible_quotes();
    app.finish_background_work();
    assert!(!app.quotes_pending());
    let quotes = app.visible_quotes();
    assert_eq!(quotes.len(), 4000);
    assert!(quotes.iter().all(|q| q.speaker.as_ref().is_some_and(|s| s.name == "Dana Reyes")));
}
