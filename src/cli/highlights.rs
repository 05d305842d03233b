//! `diglot highlights …` and `diglot export` (issue 6).

use super::{CliError, Context, ExportFormat, HighlightsCommand, ListFormat};
use crate::export::{self, Format};
use crate::model::{Article, Highlight, HighlightText, Quote};
use crate::sanitize::{line, say};
use crate::store::{NewHighlight, Store, StoreError};
use std::ops::Range;
use std::path::{Path, PathBuf};

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        CliError(e.to_string())
    }
}

pub fn run(ctx: &Context, action: HighlightsCommand) -> Result<String, CliError> {
    match action {
        HighlightsCommand::Add { article, text, note, tag, counterpart, counterpart_text } => {
            let pair = counterpart.as_deref().zip(counterpart_text.as_deref());
            add(ctx, &article, &text, pair, note.as_deref(), tag.as_deref())
        }
        HighlightsCommand::List { format, article } => list(ctx, format, article.as_deref()),
        HighlightsCommand::Rm { id } => remove(ctx, id),
    }
}

/// The store file: `--db` / `DIGLOT_DB`, else the per-user default.
pub fn store_path(ctx: &Context) -> Result<PathBuf, CliError> {
    ctx.db.clone().or_else(Store::default_path).ok_or_else(|| {
        CliError("no data folder found for the highlight store; pass --db FILE or set DIGLOT_DB".into())
    })
}

/// Open the store for writing.
pub fn open_store(ctx: &Context) -> Result<Store, CliError> {
    Ok(Store::open(&store_path(ctx)?)?)
}

/// [`open_for_reading`] without saying which it got.
pub fn open_store_for_reading(ctx: &Context) -> Result<Store, CliError> {
    open_for_reading(ctx).map(|(store, _)| store)
}

/// Open the store for reading: writable when possible (so highlights can be re-anchored),
/// else read-only, so a store on read-only media can still be listed and exported.
fn open_for_reading(ctx: &Context) -> Result<(Store, bool), CliError> {
    let path = store_path(ctx)?;
    match Store::open(&path) {
        Ok(s) => Ok((s, true)),
        Err(e) => match Store::open_read_only(&path) {
            Ok(s) => {
                // Say so: what is listed may miss re-anchoring, or (immutable) recent changes.
                say(format_args!("note: {}: read without saving anything, as it cannot be written ({})", e.path, e.reason));
                if let Some(caveat) = s.read_only_caveat() {
                    say(format_args!("note: {}: {caveat}", s.path()));
                }
                Ok((s, false))
            }
            Err(_) => Err(e.into()),
        },
    }
}

/// Re-anchor against the loaded corpus so offsets, paragraphs and the orphaned flag are
/// current. A failure here only means stale offsets, so it is a warning.
fn refresh_anchors(ctx: &Context, store: &Store, writable: bool) {
    if !writable {
        return;
    }
    if let Err(e) = store.reanchor(&ctx.corpus.articles) {
        say(format_args!("warning: could not re-anchor highlights: {e}"));
    }
}

/// The byte range of `needle` in `text`: the first exact occurrence, else the first
/// occurrence with runs of whitespace in `needle` matching any run of whitespace.
pub fn find_text(text: &str, needle: &str) -> Option<Range<usize>> {
    if needle.trim().is_empty() {
        return None;
    }
    match text.find(needle) {
        Some(i) => Some(i..i + needle.len()),
        None => crate::store::anchor::find_loose(text, needle),
    }
}

/// The speaker of the quote that contains (or lies inside) `range`, if any.
pub fn speaker_for(article: &Article, range: &Range<usize>) -> Option<String> {
    speaker_among(&crate::text::quotes::extract(article), range)
}

/// The speaker of the first quote in `quotes` that contains or lies inside `range`.
pub fn speaker_among(quotes: &[Quote], range: &Range<usize>) -> Option<String> {
    quotes
        .iter()
        .filter(|q| {
            (q.start <= range.start && range.end <= q.end) || (range.start <= q.start && q.end <= range.end)
        })
        .find_map(|q| q.speaker.as_ref().map(|s| s.name.clone()))
}

/// The range of `text` in `article`, or an error naming both.
fn locate(article: &Article, text: &str) -> Result<Range<usize>, CliError> {
    find_text(&article.text, text)
        .ok_or_else(|| CliError(format!("{}: text not found in the article: {:?}", line(&article.id), line(text))))
}

fn add(
    ctx: &Context,
    article_id: &str,
    text: &str,
    counterpart: Option<(&str, &str)>,
    note: Option<&str>,
    tag: Option<&str>,
) -> Result<String, CliError> {
    let article = ctx.resolve(article_id)?;
    let range = locate(&article, text)?;
    let speaker = speaker_for(&article, &range);
    let mut new = NewHighlight::from_range(&article, range, speaker);
    if let Some((other_id, other_text)) = counterpart {
        let other = ctx.resolve(other_id)?;
        new.counterpart = Some(HighlightText::from_range(&other, locate(&other, other_text)?));
    }
    new.note = note.map(str::to_string);
    new.tag = tag.map(str::to_string);
    let store = open_store(ctx)?;
    let h = store.add_highlight(&new)?;
    Ok(format!("added highlight {}\n", h.id))
}

fn list(ctx: &Context, format: ListFormat, article: Option<&str>) -> Result<String, CliError> {
    let (store, writable) = open_for_reading(ctx)?;
    refresh_anchors(ctx, &store, writable);
    let hs = store.highlights(article)?;
    Ok(match format {
        ListFormat::Json => crate::sanitize::to_json(&hs),
        ListFormat::Table => table(&hs),
    })
}

fn table(hs: &[Highlight]) -> String {
    if hs.is_empty() {
        return "no highlights\n".into();
    }
    let mut out = format!("{:>5}  {:<24}  {:<10}  {:<20}  {}\n", "ID", "ARTICLE", "TAG", "CREATED", "TEXT");
    for h in hs {
        let mut text = one_line(&h.passage.text, 60);
        if h.passage.orphaned {
            text = format!("[orphaned] {text}");
        }
        if let Some(n) = &h.note {
            text = format!("{text}  — note: {}", one_line(n, 40));
        }
        out.push_str(&format!(
            "{:>5}  {:<24}  {:<10}  {:<20}  {}\n",
            h.id,
            one_line(&h.passage.article, 24),
            one_line(h.tag.as_deref().unwrap_or("-"), 10),
            one_line(&h.created, 20),
            text
        ));
        // A bilingual highlight's second text, under the first.
        if let Some(c) = &h.counterpart {
            let mut text = one_line(&c.text, 60);
            if c.orphaned {
                text = format!("[orphaned] {text}");
            }
            out.push_str(&format!("{:>5}  {:<24}  {:<10}  {:<20}  {}\n", "↔", one_line(&c.article, 24), "", "", text));
        }
    }
    out
}

/// Untrusted text on one line, cut to `max` characters with an ellipsis.
fn one_line(s: &str, max: usize) -> String {
    let flat: String = line(s).split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let mut cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

fn remove(ctx: &Context, id: i64) -> Result<String, CliError> {
    let store = open_store(ctx)?;
    match store.remove_highlight(id)? {
        Some(h) => Ok(format!("removed highlight {}: {}\n", h.id, one_line(&h.passage.text, 60))),
        None => Err(CliError(format!("{}: no highlight with id {id}", store.path()))),
    }
}

pub fn export(
    ctx: &Context,
    format: ExportFormat,
    output: Option<&str>,
    article: Option<&str>,
    tag: Option<&str>,
) -> Result<String, CliError> {
    let (store, writable) = open_for_reading(ctx)?;
    refresh_anchors(ctx, &store, writable);
    let mut hs = store.highlights(article)?;
    // An id neither in the corpus nor in the store is a typo, as for every other command
    // (highlights of an article whose file is gone still export).
    if let Some(id) = article.filter(|id| hs.is_empty() && ctx.corpus.get(id).is_none()) {
        return Err(CliError(format!("{id}: no article with that id in the corpus or the highlights")));
    }
    if let Some(tag) = tag {
        hs.retain(|h| h.tag.as_deref().is_some_and(|t| t.eq_ignore_ascii_case(tag.trim())));
    }
    let format = match format {
        ExportFormat::Md => Format::Markdown,
        ExportFormat::Json => Format::Json,
        ExportFormat::Csv => Format::Csv,
    };
    let rendered = export::render(format, &hs, &ctx.corpus.articles);
    match output {
        None | Some("-") => Ok(rendered),
        Some(file) => {
            let path = Path::new(file);
            export::write_atomic(path, rendered.as_bytes())
                .map_err(|e| CliError(format!("{}: cannot write the export: {e}", path.display())))?;
            // On stderr: stdout may be the export itself (`-o /dev/stdout`).
            say(format_args!("exported {} highlight(s) to {}", hs.len(), path.display()));
            Ok(String::new())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_text_exact_then_whitespace_insensitive() {
        let t = "One two  three.\n\nFour five.";
        assert_eq!(find_text(t, "two  three"), Some(4..14));
        assert_eq!(find_text(t, "two three"), Some(4..14));
        assert_eq!(find_text(t, "three. Four"), Some(9..21));
        assert_eq!(find_text(t, "six"), None);
        assert_eq!(find_text(t, "  "), None);
        assert_eq!(find_text("é é", "é  é"), Some(0..5));
    }

    #[test]
    fn speaker_comes_from_the_enclosing_or_enclosed_quote() {
        use crate::model::{QuoteKind, Speaker, SpeakerKind};
        let q = |start, end, name: Option<&str>| Quote {
            article: "a".into(),
            text: String::new(),
            speaker: name.map(|n| Speaker { name: n.into(), kind: SpeakerKind::Person }),
            speaker_as_written: None,
            cue: None,
            kind: QuoteKind::Direct,
            language: None,
            paragraph: 0,
            start,
            end,
        };
        let quotes = [q(0, 10, Some("Ann")), q(20, 30, None), q(40, 50, Some("Bo"))];
        assert_eq!(speaker_among(&quotes, &(2..8)).as_deref(), Some("Ann"));
        assert_eq!(speaker_among(&quotes, &(38..52)).as_deref(), Some("Bo"));
        assert_eq!(speaker_among(&quotes, &(22..25)), None);
        assert_eq!(speaker_among(&quotes, &(8..12)), None);
    }

    #[test]
    fn one_line_flattens_cuts_and_cleans() {
        assert_eq!(one_line("a\n\nb\x1b[2Jc", 10), "a bc");
        assert_eq!(one_line("abcdefghij", 5), "abcd…");
    }
}
