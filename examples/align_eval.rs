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

// A measuring tool run by hand: its report is its output, not diglot's.
#![allow(clippy::print_stdout, clippy::print_stderr)]

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
    if std::env::var_os("ALIGN_EVAL_LEXICON").is_some() {
        lexicon_misses(&en, &fr, &gold);
    }
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
        if std::env::var_os("ALIGN_EVAL_ERRORS").is_some() {
            error_kinds(&gold, &predicted);
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

/// `ALIGN_EVAL_LEXICON=1`: over the gold links with both sides, the content words that
/// found no partner on the other side, most frequent first (French words marked `-` when
/// the lexicon has no translation at all): where lexical evidence is missing.
fn lexicon_misses(en: &Side, fr: &Side, gold: &[Link]) {
    use diglot::align::features::text_features;
    use diglot::align::lexicon::lexicon;
    use diglot::align::tokens::{Token, is_stopword, match_key, tokenize};
    use std::collections::HashMap;
    let content = |text: &str| -> Vec<String> {
        tokenize(text)
            .into_iter()
            .filter_map(|t| match t {
                Token::Word { folded, .. } if !is_stopword(&folded) && folded.chars().count() >= 2 => Some(folded),
                _ => None,
            })
            .collect()
    };
    let (mut fr_miss, mut en_miss): (HashMap<String, usize>, HashMap<String, usize>) = Default::default();
    let (mut fr_total, mut fr_hit, mut en_total, mut en_hit) = (0, 0, 0, 0);
    for (a, b) in gold.iter().filter(|(a, b)| !a.is_empty() && !b.is_empty()) {
        let join = |side: &Side, xs: &[usize]| xs.iter().map(|&i| side.sentences[i].as_str()).collect::<Vec<_>>().join(" ");
        let (et, ft) = (join(en, a), join(fr, b));
        let en_keys = text_features(&et, false).target;
        let fr_words = content(&ft);
        let mut fr_reach: Vec<u32> = Vec::new();
        for w in &fr_words {
            let mut keys = vec![match_key(w)];
            keys.extend_from_slice(lexicon().translations(w));
            fr_total += 1;
            if keys.iter().any(|k| en_keys.binary_search(k).is_ok()) {
                fr_hit += 1;
            } else {
                let mark = if lexicon().translations(w).is_empty() { "-" } else { "" };
                *fr_miss.entry(format!("{w}{mark}")).or_default() += 1;
            }
            fr_reach.extend(keys);
        }
        fr_reach.sort_unstable();
        for w in content(&et) {
            en_total += 1;
            if fr_reach.binary_search(&match_key(&w)).is_ok() {
                en_hit += 1;
            } else {
                *en_miss.entry(w).or_default() += 1;
            }
        }
    }
    // Separability: how often a gold 1:1 pair is more similar than the same French
    // sentence against the English neighbours of its partner (ties count half).
    let (mut wins, mut trials) = (0.0, 0);
    let one_to_one: Vec<&Link> = gold.iter().filter(|(a, b)| a.len() == 1 && b.len() == 1).collect();
    let feats = |side: &Side, i: usize, tr: bool| text_features(&side.sentences[i], tr);
    for (a, b) in &one_to_one {
        let (i, j) = (a[0], b[0]);
        let f = feats(fr, j, true);
        let sim = |i: usize| diglot::align::features::similarity(std::slice::from_ref(&f), std::slice::from_ref(&feats(en, i, false)));
        let truth = sim(i);
        for k in [i.wrapping_sub(2), i.wrapping_sub(1), i + 1, i + 2] {
            if k < en.sentences.len() {
                let other = sim(k);
                trials += 1;
                wins += if truth > other { 1.0 } else if truth == other { 0.5 } else { 0.0 };
            }
        }
    }
    println!("separability of 1:1 pairs from neighbours {:.3} ({trials} trials)", wins / trials.max(1) as f64);
    let top = |m: HashMap<String, usize>| {
        let mut v: Vec<_> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v.into_iter().take(80).map(|(w, n)| format!("{w}:{n}")).collect::<Vec<_>>().join(" ")
    };
    println!("French content words matched {fr_hit}/{fr_total}; missed: {}", top(fr_miss));
    println!("English content words matched {en_hit}/{en_total}; missed: {}", top(en_miss));
}

/// `ALIGN_EVAL_ERRORS=1`: what kind of mistake each wrong predicted link is.
fn error_kinds(gold: &[Link], predicted: &[Link]) {
    use std::collections::BTreeMap;
    let gs: BTreeSet<&Link> = gold.iter().collect();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for p in predicted.iter().filter(|p| !gs.contains(p)) {
        let overlaps = |g: &&Link| g.0.iter().any(|x| p.0.contains(x)) || g.1.iter().any(|y| p.1.contains(y));
        let touching: Vec<&Link> = gold.iter().filter(overlaps).collect();
        let one_sided = |l: &Link| l.0.is_empty() || l.1.is_empty();
        let covers = |big: &Link, small: &Link| small.0.iter().all(|x| big.0.contains(x)) && small.1.iter().all(|y| big.1.contains(y));
        let kind = if one_sided(p) {
            if touching.iter().any(|g| !one_sided(g)) { "skipped a sentence gold matches" } else { "one-sided run grouped differently" }
        } else if touching.iter().any(|g| one_sided(g)) {
            "matched a sentence gold leaves one-sided"
        } else if touching.iter().all(|g| covers(p, g)) {
            "merged several gold links"
        } else if touching.len() == 1 && covers(touching[0], p) {
            "part of one gold link"
        } else {
            "crossed gold links"
        };
        let shape = match (p.0.len(), p.1.len()) {
            (0, _) | (_, 0) => String::new(),
            (1, 1) => " [1:1]".to_string(),
            _ => " [merge]".to_string(),
        };
        *kinds.entry(format!("{kind}{shape}")).or_default() += 1;
    }
    for (k, n) in kinds {
        println!("  {n:4} {k}");
    }
}
