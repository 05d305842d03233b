//! Highlight export with citations: Markdown, JSON, CSV (Readwise columns); the plain
//! citation block and OSC 52 sequence for the clipboard; atomic file writes (issue 6).
//!
//! Every highlight is cited from its article's metadata (title, outlet, author, date,
//! URL, path). Text from articles and notes is untrusted, so the Markdown, CSV and
//! clipboard forms have control and escape sequences removed; JSON escapes them.

pub mod atomic;
pub mod clipboard;
pub mod csv;
pub mod json;
pub mod markdown;

use crate::model::{Article, Highlight};
use std::collections::HashMap;

pub use atomic::{write_atomic, write_atomic_with};
pub use clipboard::{OSC52_MAX_TEXT_BYTES, citation, osc52, osc52_for, quote_citation};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    Csv,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

/// Render `highlights` in `format`, citing each from its article in `articles` (a
/// highlight whose article is not among them is cited by its article id only).
pub fn render(format: Format, highlights: &[Highlight], articles: &[Article]) -> String {
    match format {
        Format::Markdown => markdown::render(highlights, articles),
        Format::Json => json::render(highlights, articles),
        Format::Csv => csv::render(highlights, articles),
    }
}

/// Where a highlight comes from, gathered once from the article's metadata.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Source {
    pub title: String,
    pub author: Option<String>,
    /// The outlet (`Metadata::source`).
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub path: Option<String>,
}

impl Source {
    pub fn of(article_id: &str, article: Option<&Article>) -> Source {
        let Some(a) = article else {
            return Source { title: article_id.to_string(), ..Default::default() };
        };
        let nonblank =
            |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(|s| capped(s, MAX_FIELD_CHARS));
        Source {
            title: capped(a.display_title(), MAX_FIELD_CHARS),
            author: nonblank(&a.meta.author),
            outlet: nonblank(&a.meta.source),
            date: nonblank(&a.meta.date),
            url: nonblank(&a.meta.url),
            path: Some(a.path.clone()).filter(|p| !p.is_empty()),
        }
    }

    /// The URL, else the file path.
    pub fn locator(&self) -> Option<&str> {
        self.url.as_deref().or(self.path.as_deref())
    }
}

/// Metadata longer than this (a misparsed page can make a whole article its "title") is
/// cut with an ellipsis so citations stay readable.
pub const MAX_FIELD_CHARS: usize = 300;

/// `s` cut to at most `max` characters, ending in "…" when cut.
pub fn capped(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// 1-based paragraph number of a highlight in its current article, when it is anchored.
pub fn paragraph_number(h: &Highlight, article: Option<&Article>) -> Option<usize> {
    let a = article?;
    if h.passage.orphaned || a.text.get(h.passage.start..h.passage.end) != Some(h.passage.text.as_str()) {
        return None;
    }
    a.paragraph_at(h.passage.start).map(|i| i + 1)
}

/// Articles by id.
pub(crate) fn index(articles: &[Article]) -> HashMap<&str, &Article> {
    articles.iter().map(|a| (a.id.as_str(), a)).collect()
}

/// Highlights grouped by article: articles in the order given, then unknown article ids
/// alphabetically; within an article, reading order with orphans last.
pub(crate) fn grouped<'h>(highlights: &'h [Highlight], articles: &[Article]) -> Vec<(String, Vec<&'h Highlight>)> {
    let order: HashMap<&str, usize> = articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let mut groups: HashMap<&str, Vec<&Highlight>> = HashMap::new();
    for h in highlights {
        groups.entry(h.passage.article.as_str()).or_default().push(h);
    }
    let mut keys: Vec<&str> = groups.keys().copied().collect();
    keys.sort_by_key(|k| (order.get(k).copied().unwrap_or(usize::MAX), *k));
    keys.into_iter()
        .map(|k| {
            let mut hs = groups.remove(k).unwrap_or_default();
            hs.sort_by_key(|h| (h.passage.orphaned, h.passage.start, h.id));
            (k.to_string(), hs)
        })
        .collect()
}

/// Untrusted text made safe to print: no control or escape sequences (newlines kept).
pub(crate) fn clean(s: &str) -> String {
    crate::sanitize::strip_controls(s)
}

#[cfg(test)]
mod tests {
    #[test]
    fn overlong_metadata_is_capped_in_citations() {
        let mut a = super::testdata::article();
        a.meta.title = Some("é".repeat(1000));
        let s = super::Source::of(&a.id, Some(&a));
        assert_eq!(s.title.chars().count(), super::MAX_FIELD_CHARS);
        assert!(s.title.ends_with('…'));
        assert_eq!(super::capped("short", 10), "short");
    }
}

#[cfg(test)]
pub(crate) mod testdata {
    use crate::model::{Article, Highlight, Metadata};

    pub fn article() -> Article {
        let mut a = crate::ingest::from_plain_text(
            "art1",
            "Opening paragraph of the piece.\n\nThe minister said “we will act now” to reporters.",
        );
        a.path = "news/art1.html".into();
        a.meta = Metadata {
            title: Some("A *bold* title".into()),
            author: Some("Jane Doe".into()),
            date: Some("2024-03-01".into()),
            source: Some("The Daily".into()),
            url: Some("https://example.org/a".into()),
            ..a.meta
        };
        a
    }

    pub fn highlight(a: &Article, needle: &str, id: i64) -> Highlight {
        let start = a.text.find(needle).expect("needle in test article");
        Highlight {
            id,
            passage: crate::model::HighlightText {
                article: a.id.clone(),
                text_hash: crate::util::hash::text_hash(&a.text),
                text: needle.into(),
                start,
                end: start + needle.len(),
                ..Default::default()
            },
            speaker: Some("The minister".into()),
            note: Some("check, \"quoted\"".into()),
            tag: Some("policy".into()),
            created: "2024-03-02T10:20:30Z".into(),
            counterpart: None,
        }
    }
}
