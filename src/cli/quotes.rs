//! `diglot quotes` and `diglot speakers` (issue 4).

use super::{CliError, Context, ListFormat};
use crate::sanitize::to_json;
use crate::model::{Article, Quote, QuoteKind, SpeakerKind};
use crate::sanitize::line;
use crate::index::quotes::corpus_quotes;
use crate::speakers::{CorpusSpeaker, corpus_speakers_with};
use rayon::prelude::*;
use crate::text::quotes::extract;
use serde::Serialize;
use unicode_width::UnicodeWidthChar;

/// Width the table output is laid out for.
const WIDTH: usize = 80;

/// One quote as printed by `diglot quotes --format json`. The speaker is flattened to a
/// name (or null) plus `speaker_kind`, so scripts can filter on either directly.
#[derive(Debug, Serialize)]
pub struct QuoteRow<'a> {
    pub article: &'a str,
    pub text: &'a str,
    pub speaker: Option<&'a str>,
    pub speaker_kind: Option<SpeakerKind>,
    pub speaker_as_written: Option<&'a str>,
    pub cue: Option<&'a str>,
    pub kind: QuoteKind,
    pub language: Option<&'a str>,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

impl<'a> From<&'a Quote> for QuoteRow<'a> {
    fn from(q: &'a Quote) -> Self {
        QuoteRow {
            article: &q.article,
            text: &q.text,
            speaker: q.speaker.as_ref().map(|s| s.name.as_str()),
            speaker_kind: q.speaker.as_ref().map(|s| s.kind),
            speaker_as_written: q.speaker_as_written.as_deref(),
            cue: q.cue.as_deref(),
            kind: q.kind,
            language: q.language.as_deref(),
            paragraph: q.paragraph,
            start: q.start,
            end: q.end,
        }
    }
}

/// The articles named on the command line (ids or paths).
fn selected(ctx: &Context, ids: &[String]) -> Result<Vec<Article>, CliError> {
    ids.iter().map(|id| ctx.resolve(id)).collect()
}

/// The quotes (all kinds) of every article of the corpus, from the index where it holds
/// them (see [`corpus_quotes`]).
fn all_quotes(ctx: &Context) -> Vec<Vec<Quote>> {
    corpus_quotes(&ctx.corpus, crate::ingest::cache::default_location().as_deref()).0
}

pub fn quotes(ctx: &Context, ids: &[String], format: ListFormat, include_terms: bool) -> Result<String, CliError> {
    let named: Vec<Article>;
    let (articles, quotes): (Vec<&Article>, Vec<Vec<Quote>>) = if ids.is_empty() {
        // Over the whole corpus only the articles' metadata is printed and the quotes come
        // from the index: the bodies may not even be loaded.
        (ctx.corpus.articles.iter().collect(), all_quotes(ctx))
    } else {
        named = selected(ctx, ids)?;
        (named.iter().collect(), named.par_iter().map(extract).collect())
    };
    let per_article: Vec<(&Article, Vec<Quote>)> = articles
        .into_iter()
        .zip(quotes)
        .map(|(a, qs)| (a, qs.into_iter().filter(|q| include_terms || q.kind != QuoteKind::Term).collect()))
        .collect();
    Ok(match format {
        ListFormat::Json => {
            let rows: Vec<QuoteRow> = per_article.iter().flat_map(|(_, qs)| qs.iter().map(QuoteRow::from)).collect();
            to_json(&rows)
        }
        ListFormat::Table => quotes_table(&per_article),
    })
}

/// Two lines per quote: where, kind, speaker and cue; then the quote, cut to fit.
fn quotes_table(per_article: &[(&Article, Vec<Quote>)]) -> String {
    let mut out = String::new();
    for (a, qs) in per_article {
        out.push_str(&fit(&format!("{}  {}", a.id, a.display_title()), WIDTH));
        out.push('\n');
        if qs.is_empty() {
            out.push_str("  (no quotes)\n");
        }
        for q in qs {
            let speaker = match (&q.speaker, &q.speaker_as_written) {
                (Some(s), Some(w)) if w != &s.name => format!("{} ({})", s.name, w),
                (Some(s), _) => s.name.clone(),
                (None, Some(w)) => format!("? ({w})"),
                (None, None) => "?".to_string(),
            };
            let kind = match q.kind {
                QuoteKind::Direct => "direct",
                QuoteKind::Partial => "partial",
                QuoteKind::Term => "term",
            };
            // Paragraphs are numbered from 1 for people (as in exports); JSON keeps the index.
            let head = format!("  ¶{:<3} {:<7} {} — {}", q.paragraph + 1, kind, speaker, q.cue.as_deref().unwrap_or("-"));
            out.push_str(&fit(&head, WIDTH));
            out.push('\n');
            out.push_str(&fit(&format!("      “{}”", q.text), WIDTH));
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// One line of at most `width` columns, control characters removed, cut with "…".
fn fit(s: &str, width: usize) -> String {
    let clean = line(s);
    let mut out = String::new();
    let mut used = 0;
    let total: usize = clean.chars().map(|c| c.width().unwrap_or(0)).sum();
    for c in clean.chars() {
        let w = c.width().unwrap_or(0);
        if total > width && used + w > width - 1 {
            out.push('…');
            break;
        }
        used += w;
        out.push(c);
    }
    out
}

pub fn speakers(ctx: &Context, format: ListFormat) -> Result<String, CliError> {
    let list = corpus_speakers_with(&ctx.corpus.articles, &ctx.corpus.manifest, &all_quotes(ctx));
    Ok(match format {
        ListFormat::Json => to_json(&list),
        ListFormat::Table => speakers_table(&list),
    })
}

fn speakers_table(list: &[CorpusSpeaker]) -> String {
    let mut out = format!("{:<36} {:<13} {:>6}  {}\n", "SPEAKER", "KIND", "QUOTES", "ARTICLES");
    for s in list {
        let kind = match s.kind {
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "organisation",
            SpeakerKind::Document => "document",
        };
        let name = fit(&s.name, 36);
        let pad = 36usize.saturating_sub(name.chars().map(|c| c.width().unwrap_or(0)).sum());
        out.push_str(&format!("{name}{} {:<13} {:>6}  {}\n", " ".repeat(pad), kind, s.quotes, s.articles.len()));
        for id in &s.articles {
            out.push_str(&fit(&format!("    {id}"), WIDTH));
            out.push('\n');
        }
    }
    if list.is_empty() {
        out.push_str("(no attributed quotes)\n");
    }
    out
}
