//! JSON export. Schema (`format` = "diglot-highlights", `version` = 1):
//!
//! ```text
//! { "format": "diglot-highlights", "version": 1,
//!   "highlights": [ {
//!     "id": 12, "article": "004_…", "text": "…", "speaker": "…"|null,
//!     "note": "…"|null, "tag": "…"|null, "created": "2024-03-02T10:20:30Z",
//!     "orphaned": false, "start": 120, "end": 160, "paragraph": 3|null,
//!     "text_hash": "<sha256 hex of the article text>",
//!     "context_before": "…", "context_after": "…",
//!     "source": { "title", "author", "outlet", "date", "url", "path" } | null,
//!     "citation": "<the plain-text citation block>", "language": "fr" (when known),
//!     "counterpart": { …the same fields, for the second text… } | null } ] }
//! ```
//! `counterpart` is the second text of a bilingual highlight (the same passage in the
//! counterpart article), located and cited from its own article.
//! `start`/`end` are byte offsets into the article's clean text; `paragraph` is 1-based
//! and null when the highlight is orphaned or its article is not loaded; `source` is null
//! when the article is not loaded. Fields are only ever added in a later version.

use super::{Source, clipboard::citation, index, paragraph_number};
use crate::model::{Article, Highlight};
use serde::{Deserialize, Serialize};

pub const FORMAT_NAME: &str = "diglot-highlights";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportDocument {
    pub format: String,
    pub version: u32,
    pub highlights: Vec<ExportedHighlight>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedHighlight {
    pub id: i64,
    pub article: String,
    pub text: String,
    pub speaker: Option<String>,
    pub note: Option<String>,
    pub tag: Option<String>,
    pub created: String,
    pub orphaned: bool,
    pub start: usize,
    pub end: usize,
    pub paragraph: Option<usize>,
    pub text_hash: String,
    pub context_before: String,
    pub context_after: String,
    pub source: Option<ExportedSource>,
    pub citation: String,
    /// The language of the highlight's article, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// A bilingual highlight's second text, exported like the first (same id, speaker,
    /// note, tag and date; its own article, offsets, source and citation).
    #[serde(default)]
    pub counterpart: Option<Box<ExportedHighlight>>,
}

/// The `source` object of the schema is [`Source`] itself, so the JSON and the other
/// formats cite from one place.
pub type ExportedSource = Source;

/// The export document (highlights in the order given).
pub fn document(highlights: &[Highlight], articles: &[Article]) -> ExportDocument {
    let by_id = index(articles);
    let highlights = highlights.iter().map(|h| exported(h, &by_id)).collect();
    ExportDocument { format: FORMAT_NAME.into(), version: VERSION, highlights }
}

pub fn render(highlights: &[Highlight], articles: &[Article]) -> String {
    crate::sanitize::to_json(&document(highlights, articles))
}

fn exported(h: &Highlight, by_id: &std::collections::HashMap<&str, &Article>) -> ExportedHighlight {
    let article = by_id.get(h.passage.article.as_str()).copied();
    ExportedHighlight {
        id: h.id,
        article: h.passage.article.clone(),
        text: h.passage.text.clone(),
        speaker: h.speaker.clone(),
        note: h.note.clone(),
        tag: h.tag.clone(),
        created: h.created.clone(),
        orphaned: h.passage.orphaned,
        start: h.passage.start,
        end: h.passage.end,
        paragraph: paragraph_number(h, article),
        text_hash: h.passage.text_hash.clone(),
        context_before: h.passage.context_before.clone(),
        context_after: h.passage.context_after.clone(),
        source: article.map(|a| Source::of(&h.passage.article, Some(a))),
        citation: citation(h, article),
        language: article.and_then(|a| a.meta.language.clone()),
        counterpart: h.counterpart_highlight().map(|c| {
            let mut e = exported(&c, by_id);
            e.language = e.language.or_else(|| h.counterpart.as_ref().and_then(|p| p.language.clone()));
            Box::new(e)
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testdata;

    #[test]
    fn round_trips_through_serde() {
        let a = testdata::article();
        let h = testdata::highlight(&a, "we will act now", 3);
        let text = render(std::slice::from_ref(&h), std::slice::from_ref(&a));
        let doc: ExportDocument = serde_json::from_str(&text).unwrap();
        assert_eq!(doc.format, FORMAT_NAME);
        let e = &doc.highlights[0];
        assert_eq!((e.id, e.text.as_str(), e.paragraph), (3, "we will act now", Some(2)));
        assert_eq!(e.source.as_ref().unwrap().outlet.as_deref(), Some("The Daily"));
        assert_eq!(e.note.as_deref(), Some("check, \"quoted\""));
        let none = document(&[h], &[]);
        assert_eq!(none.highlights[0].source, None);
        assert_eq!(none.highlights[0].paragraph, None);
    }
}
