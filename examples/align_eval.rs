//! Measure diglot's sentence aligner on gold French–English alignments (run by hand; not
//! a test). Expects the layout of `align-dev` (one directory per book holding `en.txt`,
//! `fr.txt`, `en.ids`, `fr.ids`, `gold.txt`):
//!
//!     cargo run --release --example align_eval -- /work/shared/align-dev/transread
//!     cargo run --release --example align_eval -- DIR --skip 3 --sim 6   # tune weights
//!
//! Each book is fed to diglot the way a user would: paragraphs rebuilt from the ids,
//! tokenised text detokenised, sentences found by diglot itself. Predicted rows are mapped
//! back to gold sentences by character overlap and scored with strict F1 as Vecalign's
//! `score.py` does. The comparable variant deletes random blocks of 1–4 sentences (about
//! 20% of each side, 5 seeds) and re-indexes the gold.
//!
//! Diagnostics: `ALIGN_EVAL_DUMP=1` prints every predicted link marked ok/BAD;
//! `ALIGN_EVAL_ORACLE=1` prints the recall ceiling set by sentence splitting (gold links
//! whose sides are exact unions of diglot's sentences); with `ALIGN_EVAL_SPLITS=1` also the
//! diglot sentences that straddle gold sentences.

use diglot::align::{Params, align_with};
use diglot::ingest::from_plain_text;
use diglot::model::Article;
use std::collections::BTreeSet;
use std::path::Path;

type Link = (Vec<usize>, Vec<usize>);

struct Side {
    sentences: Vec<String>,
    paragraph: Vec<String>,
}

fn read_side(dir: &Path, lang: &str) -> Result<Side, String> {
    let read = |name: String| std::fs::read_to_string(dir.join(&name)).map_err(|e| format!("{name}: {e}"));
    let text = read(format!("{lang}.txt"))?;
    let ids = read(format!("{lang}.ids"))?;
    let paragraph: Vec<String> = ids.lines().map(|id| id.split('.').next().unwrap_or("").to_string()).collect();
    // Straight quotes open in one sentence and close in another: carry the open/closed
    // state through each paragraph.
    let mut quotes = QuoteState::default();
    let mut sentences = Vec::new();
    for (k, line) in text.lines().enumerate() {
        if k > 0 && paragraph.get(k) != paragraph.get(k - 1) {
            quotes = QuoteState::default();
        }
        sentences.push(detokenise(line, &mut quotes));
    }
    if sentences.len() != paragraph.len() {
        return Err(format!("{lang}: {} sentences but {} ids", sentences.len(), paragraph.len()));
    }
    Ok(Side { sentences, paragraph })
}

fn parse_gold(text: &str) -> Vec<Link> {
    let list = |s: &str| -> Vec<usize> {
        s.trim().trim_start_matches('[').trim_end_matches(']').split(',').filter_map(|x| x.trim().parse().ok()).collect()
    };
    text.lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(a, b)| (list(a), list(b)))
        .collect()
}

/// Undo the tokenisation: punctuation back against its word, quotes against what they
/// enclose (straight quotes alternate open/close within a sentence run), elisions joined.
#[derive(Default)]
struct QuoteState {
    open_double: bool,
    open_single: bool,
}

fn detokenise(line: &str, state: &mut QuoteState) -> String {
    let mut out = String::new();
    let mut attach_next = false;
    let QuoteState { open_double, open_single } = state;
    for tok in line.split_whitespace() {
        let mut glue_prev = matches!(tok, "." | "," | ";" | ":" | "!" | "?" | ")" | "]" | "%" | "..." | "n't")
            || tok.starts_with('\'') && tok.len() > 1;
        let mut glue_next = matches!(tok, "(" | "[") || (tok.ends_with('\'') && tok.len() > 1 && !tok.starts_with('\''));
        if tok == "\"" {
            if *open_double { glue_prev = true } else { glue_next = true }
            *open_double = !*open_double;
        } else if tok == "'" {
            if *open_single { glue_prev = true } else { glue_next = true }
            *open_single = !*open_single;
        }
        if !out.is_empty() && !glue_prev && !attach_next {
            out.push(' ');
        }
        out.push_str(tok);
        attach_next = glue_next;
    }
    out
}

/// A book as diglot sees it, plus where each gold sentence lies in the article text.
fn build(id: &str, side: &Side, keep: &[bool]) -> (Article, Vec<usize>, Vec<std::ops::Range<usize>>) {
    let mut paragraphs: Vec<Vec<usize>> = Vec::new();
    let mut last = None;
    for (i, p) in side.paragraph.iter().enumerate() {
        if !keep[i] {
            continue;
        }
        if last != Some(p) {
            paragraphs.push(Vec::new());
            last = Some(p);
        }
        if let Some(cur) = paragraphs.last_mut() {
            cur.push(i);
        }
    }
    let text = paragraphs
        .iter()
        .map(|p| p.iter().map(|&i| side.sentences[i].as_str()).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n");
    let article = from_plain_text(id, &text);
    // Locate each kept gold sentence in the article text, in order.
    let mut kept = Vec::new();
    let mut ranges = Vec::new();
    let mut cursor = 0;
    for &i in paragraphs.iter().flatten() {
        let s = side.sentences[i].split_whitespace().collect::<Vec<_>>().join(" ");
        let at = article.text.get(cursor..).and_then(|t| t.find(&s)).map(|k| k + cursor);
        let start = at.unwrap_or(cursor);
        let end = if at.is_some() { start + s.len() } else { start };
        kept.push(i);
        ranges.push(letters_only(&article.text, start..end));
        cursor = end;
    }
    (article, kept, ranges)
}

/// Shrink a range to its first..last letter or digit: the gold files sometimes put a
/// quotation mark that opens the next sentence at the end of this one, and which sentence
/// a stray mark belongs to says nothing about alignment.
fn letters_only(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let Some(s) = text.get(range.clone()) else { return range };
    let first = s.char_indices().find(|(_, c)| c.is_alphanumeric()).map(|(i, _)| i);
    let last = s.char_indices().rev().find(|(_, c)| c.is_alphanumeric()).map(|(i, c)| i + c.len_utf8());
    match (first, last) {
        (Some(a), Some(b)) => range.start + a..range.start + b,
        _ => range,
    }
}

/// Gold sentence indices (in the re-indexed numbering) overlapping each diglot sentence.
fn gold_of_sentences(article: &Article, ranges: &[std::ops::Range<usize>]) -> Vec<Vec<usize>> {
    article
        .sentences()
        .map(|(_, s)| {
            ranges
                .iter()
                .enumerate()
                .filter(|(_, g)| g.start < s.range.end && s.range.start < g.end)
                .map(|(k, _)| k)
                .collect()
        })
        .collect()
}

fn predicted_links(left: &Article, lr: &[std::ops::Range<usize>], right: &Article, rr: &[std::ops::Range<usize>], params: Params) -> Vec<Link> {
    let alignment = align_with(left, right, params);
    let lg = gold_of_sentences(left, lr);
    let rg = gold_of_sentences(right, rr);
    let mut links: Vec<(BTreeSet<usize>, BTreeSet<usize>)> = Vec::new();
    for row in &alignment.rows {
        let l: BTreeSet<usize> = row.left.clone().flat_map(|i| lg[i].clone()).collect();
        let r: BTreeSet<usize> = row.right.clone().flat_map(|i| rg[i].clone()).collect();
        if l.is_empty() && r.is_empty() {
            continue;
        }
        // A gold sentence diglot split in two may land in two rows: merge them.
        if let Some(prev) = links.last_mut()
            && (prev.0.intersection(&l).next().is_some() || prev.1.intersection(&r).next().is_some())
        {
            prev.0.extend(l);
            prev.1.extend(r);
            continue;
        }
        links.push((l, r));
    }
    links.into_iter().map(|(l, r)| (l.into_iter().collect(), r.into_iter().collect())).collect()
}

/// Strict precision/recall counts: (true positives over predicted, predicted, true
/// positives over gold-with-both-sides, gold-with-both-sides).
fn counts(gold: &[Link], predicted: &[Link]) -> [usize; 4] {
    let gold_set: BTreeSet<&Link> = gold.iter().collect();
    let pred_set: BTreeSet<&Link> = predicted.iter().collect();
    let tp_p = predicted.iter().filter(|l| gold_set.contains(l)).count();
    let both: Vec<&Link> = gold.iter().filter(|(a, b)| !a.is_empty() && !b.is_empty()).collect();
    let tp_r = both.iter().filter(|l| pred_set.contains(*l)).count();
    [tp_p, predicted.len(), tp_r, both.len()]
}

fn f1(c: [usize; 4]) -> (f64, f64, f64) {
    let p = c[0] as f64 / c[1].max(1) as f64;
    let r = c[2] as f64 / c[3].max(1) as f64;
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

/// Deterministic xorshift so runs are reproducible.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Delete random blocks of 1–4 sentences until about 20% are gone.
fn deletions(n: usize, rng: &mut Rng) -> Vec<bool> {
    let mut keep = vec![true; n];
    let target = n / 5;
    let mut deleted = 0;
    while deleted < target {
        let start = (rng.next() % n as u64) as usize;
        let len = 1 + (rng.next() % 4) as usize;
        for k in keep.iter_mut().skip(start).take(len) {
            if *k {
                *k = false;
                deleted += 1;
            }
        }
    }
    keep
}

fn reindex_gold(gold: &[Link], en_kept: &[usize], fr_kept: &[usize]) -> Vec<Link> {
    let map = |kept: &[usize], xs: &[usize]| -> Vec<usize> { xs.iter().filter_map(|x| kept.binary_search(x).ok()).collect() };
    gold.iter()
        .map(|(a, b)| (map(en_kept, a), map(fr_kept, b)))
        .filter(|(a, b)| !a.is_empty() || !b.is_empty())
        .collect()
}

fn evaluate(dir: &Path, params: Params, seeds: &[u64]) -> Result<([usize; 4], [usize; 4]), String> {
    let en = read_side(dir, "en")?;
    let fr = read_side(dir, "fr")?;
    let gold = parse_gold(&std::fs::read_to_string(dir.join("gold.txt")).map_err(|e| e.to_string())?);
    let run = |en_keep: &[bool], fr_keep: &[bool]| {
        let (ea, ek, er) = build("en", &en, en_keep);
        let (fa, fk, fr_ranges) = build("fr", &fr, fr_keep);
        let gold = reindex_gold(&gold, &ek, &fk);
        // Gold links are [en]:[fr]; diglot aligns left = English, right = French.
        let predicted = predicted_links(&ea, &er, &fa, &fr_ranges, params);
        if std::env::var_os("ALIGN_EVAL_ORACLE").is_some() {
            // Ceiling set by sentence splitting: gold links whose sides are exact unions of
            // diglot sentences.
            let exact = |g: &[usize], groups: &[Vec<usize>]| {
                groups.iter().all(|s| s.iter().all(|x| g.contains(x)) || s.iter().all(|x| !g.contains(x)))
            };
            let (lg, rg) = (gold_of_sentences(&ea, &er), gold_of_sentences(&fa, &fr_ranges));
            let both: Vec<&Link> = gold.iter().filter(|(a, b)| !a.is_empty() && !b.is_empty()).collect();
            let ok = both.iter().filter(|(a, b)| exact(a, &lg) && exact(b, &rg)).count();
            if std::env::var_os("ALIGN_EVAL_SPLITS").is_some() {
                for (a, g) in [(&ea, &lg), (&fa, &rg)] {
                    for ((_, s), g) in a.sentences().zip(g.iter()) {
                        if g.len() > 1 {
                            println!("MERGED {:?} {}", g, a.slice(&s.range));
                        }
                    }
                }
            }
            println!("oracle recall ceiling {:.3} ({ok}/{})", ok as f64 / both.len().max(1) as f64, both.len());
        }
        if std::env::var_os("ALIGN_EVAL_DUMP").is_some() {
            let gs: BTreeSet<&Link> = gold.iter().collect();
            for l in &predicted {
                println!("{} {:?}:{:?}", if gs.contains(l) { "ok " } else { "BAD" }, l.0, l.1);
            }
        }
        counts(&gold, &predicted)
    };
    let parallel = run(&vec![true; en.sentences.len()], &vec![true; fr.sentences.len()]);
    let mut comparable = [0; 4];
    for &seed in seeds {
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let ek = deletions(en.sentences.len(), &mut rng);
        let fk = deletions(fr.sentences.len(), &mut rng);
        let c = run(&ek, &fk);
        for k in 0..4 {
            comparable[k] += c[k];
        }
    }
    Ok((parallel, comparable))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(root) = args.next() else {
        eprintln!("usage: align_eval DIR [--skip X] [--sim X] [--len X] [--merge X] [--para X] [--quote X] [--band N]");
        std::process::exit(2);
    };
    let mut params = Params::default();
    while let Some(flag) = args.next() {
        let value: f32 = args.next().and_then(|v| v.parse().ok()).unwrap_or_else(|| {
            eprintln!("{flag} needs a number");
            std::process::exit(2)
        });
        match flag.as_str() {
            "--skip" => params.skip = value,
            "--sim" => params.sim_weight = value,
            "--len" => params.len_weight = value,
            "--merge" => params.merge_prior = value,
            "--merge22" => params.merge22_prior = value,
            "--merge3" => params.merge3_prior = value,
            "--para" => params.paragraph_bonus = value,
            "--quote" => params.quote_mismatch = value,
            "--band" => params.band = value as usize,
            "--evidence" => params.evidence_words = value,
            "--min-score" => params.min_match_score = value,
            "--unrelated" => params.unrelated_penalty = value,
            _ => {
                eprintln!("unknown flag {flag}");
                std::process::exit(2);
            }
        }
    }
    let mut books: Vec<_> = match std::fs::read_dir(&root) {
        Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.join("gold.txt").is_file()).collect(),
        Err(e) => {
            eprintln!("{root}: {e}");
            std::process::exit(1);
        }
    };
    books.sort();
    let seeds = [1, 2, 3, 4, 5];
    let (mut total_p, mut total_c) = ([0; 4], [0; 4]);
    for book in &books {
        match evaluate(book, params, &seeds) {
            Ok((p, c)) => {
                let (pp, pr, pf) = f1(p);
                let (cp, cr, cf) = f1(c);
                println!(
                    "{:<32} parallel P {pp:.3} R {pr:.3} F1 {pf:.3} | comparable P {cp:.3} R {cr:.3} F1 {cf:.3}",
                    book.file_name().and_then(|n| n.to_str()).unwrap_or("?")
                );
                for k in 0..4 {
                    total_p[k] += p[k];
                    total_c[k] += c[k];
                }
            }
            Err(e) => eprintln!("{}: {e}", book.display()),
        }
    }
    let (_, _, pf) = f1(total_p);
    let (_, _, cf) = f1(total_c);
    println!("{:<32} parallel F1 {pf:.3} | comparable F1 {cf:.3}", "ALL (micro)");
}
