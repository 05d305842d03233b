//! `diglot pairs` and `diglot align` (issue 5).

use super::{CliError, Context, ListFormat, TextFormat};
use crate::sanitize::to_json;
use crate::align::{self, Alignment, RowKind};
use crate::model::{Article, Quote};
use crate::sanitize::{line, say};
use serde::Serialize;

/// Proposed counterparts of the corpus: for a folder, from the profiles kept in the index
/// (its articles' bodies are not loaded, see [`Context::load_metadata`]); for the bundled
/// corpus or without a usable index, from the articles.
pub fn pairs(ctx: &Context, folder: Option<&std::path::Path>, format: ListFormat) -> Result<String, CliError> {
    warn_without_lexicon();
    let (articles, manifest) = (&ctx.corpus.articles, &ctx.corpus.manifest);
    let index = folder.zip(crate::ingest::cache::default_location().and_then(|p| crate::ingest::cache::ArticleCache::open(&p)));
    let candidates = match index {
        Some((dir, cache)) => crate::ingest::counterparts::propose_pairs_in_folder(&cache, dir, articles, manifest),
        None => align::propose_pairs(articles, manifest),
    };
    Ok(match format {
        ListFormat::Json => to_json(&candidates),
        ListFormat::Table => {
            if candidates.is_empty() {
                // Either one language only, or no two articles in different languages
                // share a rare enough name or number to be compared (large folders).
                let languages: std::collections::BTreeSet<_> =
                    ctx.corpus.articles.iter().filter_map(|a| a.meta.language.as_deref()).collect();
                return Ok(if languages.len() < 2 {
                    "no candidate pairs: pairs need articles in two languages\n".into()
                } else {
                    "no candidate pairs: no two articles in different languages share enough names, numbers or words\n".into()
                });
            }
            let mut out = String::new();
            for c in &candidates {
                out.push_str(&format!("{:.2}  {}  <->  {}\n", c.score, line(&c.left), line(&c.right)));
                for e in &c.evidence {
                    out.push_str(&format!("      {}\n", line(e)));
                }
            }
            out
        }
    })
}

#[derive(Serialize)]
struct JsonRow<'a> {
    left: String,
    right: String,
    left_sentences: Vec<usize>,
    right_sentences: Vec<usize>,
    score: f32,
    kind: &'a str,
    flags: &'a [align::divergence::Flag],
}

#[derive(Serialize)]
struct JsonQuotePair<'a> {
    left_quote: &'a str,
    right_quote: &'a str,
    score: f32,
}

#[derive(Serialize)]
struct JsonAlignment<'a> {
    left: &'a str,
    right: &'a str,
    rows: Vec<JsonRow<'a>>,
    quote_pairs: Vec<JsonQuotePair<'a>>,
}

/// An article's sentences, indexed once, so that every row of a long alignment finds its
/// sentences at once (skipping to them from the start each time is quadratic).
struct SentenceTexts<'a>(Vec<&'a str>);

impl<'a> SentenceTexts<'a> {
    fn new(article: &'a Article) -> Self {
        SentenceTexts(article.sentences().map(|(_, s)| article.slice(&s.range)).collect())
    }

    /// Sentences `range`, joined by spaces.
    fn join(&self, range: std::ops::Range<usize>) -> String {
        self.0.get(range).unwrap_or_default().join(" ")
    }
}

/// Say on stderr when the French–English word list is not in use: the results are then
/// weaker, and the user can fix it (`DIGLOT_LEXICON`).
fn warn_without_lexicon() {
    if let Some(why) = align::lexicon::lexicon_problem() {
        say(format_args!("warning: French–English word list not in use ({why}); matching by lengths, numbers, names and cognates only"));
    }
}

pub fn align(ctx: &Context, left: &str, right: &str, format: TextFormat) -> Result<String, CliError> {
    let l = ctx.resolve(left)?;
    let r = ctx.resolve(right)?;
    warn_without_lexicon();
    let alignment = align::align(&l, &r);
    let lq = crate::text::quotes::extract(&l);
    let rq = crate::text::quotes::extract(&r);
    let quote_pairs = align::pair_quotes(&l, &lq, &r, &rq);
    let flags = align::divergence::flag_rows(&l, &r, &alignment);
    Ok(match format {
        TextFormat::Json => {
            let (ltexts, rtexts) = (SentenceTexts::new(&l), SentenceTexts::new(&r));
            let rows = alignment
                .rows
                .iter()
                .zip(&flags)
                .map(|(row, flags)| JsonRow {
                    left: ltexts.join(row.left.clone()),
                    right: rtexts.join(row.right.clone()),
                    left_sentences: row.left.clone().collect(),
                    right_sentences: row.right.clone().collect(),
                    score: round2(row.score),
                    kind: row.kind.as_str(),
                    flags,
                })
                .collect();
            let quote_pairs = quote_pairs
                .iter()
                .filter_map(|p| {
                    Some(JsonQuotePair {
                        left_quote: &lq.get(p.left_quote)?.text,
                        right_quote: &rq.get(p.right_quote)?.text,
                        score: round2(p.score),
                    })
                })
                .collect();
            to_json(&JsonAlignment { left: &l.id, right: &r.id, rows, quote_pairs })
        }
        TextFormat::Text => render_text(&l, &r, &alignment, &flags, &lq, &rq, &quote_pairs),
    })
}

fn round2(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

/// Left/right blocks per row: a header with kind, score and sentence numbers (1-based),
/// then the left text marked `L │` and the right text marked `R │`.
fn render_text(
    l: &Article,
    r: &Article,
    alignment: &Alignment,
    flags: &[Vec<align::divergence::Flag>],
    lq: &[Quote],
    rq: &[Quote],
    quote_pairs: &[align::QuotePair],
) -> String {
    let count = |k: RowKind| alignment.rows.iter().filter(|row| row.kind == k).count();
    let lang = |a: &Article| a.meta.language.clone().unwrap_or_else(|| "?".into());
    let flagged = flags.iter().filter(|f| !f.is_empty()).count();
    let (ltexts, rtexts) = (SentenceTexts::new(l), SentenceTexts::new(r));
    let mut out = format!(
        "L: {} ({})\nR: {} ({})\n{} rows: {} match, {} left-only, {} right-only; {flagged} flagged\n",
        line(&l.id),
        line(&lang(l)),
        line(&r.id),
        line(&lang(r)),
        alignment.rows.len(),
        count(RowKind::Match),
        count(RowKind::LeftOnly),
        count(RowKind::RightOnly)
    );
    let span = |range: &std::ops::Range<usize>| match range.len() {
        0 => "-".to_string(),
        1 => format!("{}", range.start + 1),
        _ => format!("{}-{}", range.start + 1, range.end),
    };
    for (row, row_flags) in alignment.rows.iter().zip(flags) {
        out.push_str(&format!(
            "\n── {} {:.2}  L {} · R {}\n",
            row.kind.as_str(),
            row.score,
            span(&row.left),
            span(&row.right)
        ));
        for flag in row_flags {
            out.push_str(&format!("  ! {}: {}\n", flag.kind.as_str(), line(&flag.reason)));
        }
        if !row.left.is_empty() {
            out.push_str(&format!("  L │ {}\n", line(&ltexts.join(row.left.clone()))));
        }
        if !row.right.is_empty() {
            out.push_str(&format!("  R │ {}\n", line(&rtexts.join(row.right.clone()))));
        }
    }
    if !quote_pairs.is_empty() {
        out.push_str("\nQuotes in both:\n");
        for p in quote_pairs {
            let (Some(a), Some(b)) = (lq.get(p.left_quote), rq.get(p.right_quote)) else { continue };
            out.push_str(&format!(
                "  {:.2}  L «{}»\n        R «{}»\n",
                p.score,
                line(&a.text),
                line(&b.text)
            ));
        }
    }
    out
}
