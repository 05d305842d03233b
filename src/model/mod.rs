//! Plain data shared by every layer: articles with their paragraphs and sentences,
//! quotes, and the highlights a reader makes. No I/O and no terminal here.
//!
//! Every range is a byte range into [`Article::text`], the article's clean body text, so
//! quotes, highlights and alignment rows can all point at the exact same characters.

pub mod manifest;

use serde::{Deserialize, Serialize};
use std::ops::Range;

pub use manifest::Manifest;

/// A language as an ISO 639-1 code ("en", "fr", …); `None` wherever detection was unsure.
pub type Lang = Option<String>;

/// What a file says about itself (or the manifest adds). Unknown stays `None`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub author: Option<String>,
    /// ISO 8601 date (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// Outlet or source line ("Vice News", "communiqué de presse Europol, Reuters").
    pub source: Option<String>,
    pub url: Option<String>,
    pub language: Lang,
    pub words: usize,
    /// What ingest had to repair or work around in this file ("terminal escape sequences
    /// removed"). Shown by `show` and reported on stderr by `list`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The character encoding the file was read as ("UTF-8", "windows-1252", "UTF-16LE").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

/// A hyperlink found in an HTML article, kept beside the text rather than inline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The visible link text.
    pub text: String,
    pub url: String,
    /// Where the link text stands in the article text, if it could be located.
    pub range: Option<Range<usize>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub range: Range<usize>,
    pub language: Lang,
    pub sentences: Vec<Sentence>,
    /// What a paragraph that is not body text is (a photo caption, a byline); `None` for
    /// the body. Quotes are not looked for in such paragraphs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

/// Text a page shows beside its article that is not the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A figure or table caption, a photo credit.
    Caption,
    /// The author line a page marks as such (`class="byline"`).
    Byline,
    /// The place-and-date line a page marks as such (`class="dateline"`).
    Dateline,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The file stem: `004_17d92d11831f1a30`.
    pub id: String,
    /// Where the article was read from (`corpus/…` for the bundled corpus).
    pub path: String,
    pub meta: Metadata,
    /// Clean body text: paragraphs joined by a blank line ("\n\n").
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    pub links: Vec<Link>,
}

impl Article {
    pub fn slice(&self, range: &Range<usize>) -> &str {
        self.text.get(range.clone()).unwrap_or("")
    }

    pub fn paragraph_text(&self, index: usize) -> &str {
        self.paragraphs.get(index).map_or("", |p| self.slice(&p.range))
    }

    /// All sentences in document order, with the index of their paragraph.
    pub fn sentences(&self) -> impl Iterator<Item = (usize, &Sentence)> {
        self.paragraphs
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.sentences.iter().map(move |s| (i, s)))
    }

    pub fn sentence_count(&self) -> usize {
        self.paragraphs.iter().map(|p| p.sentences.len()).sum()
    }

    /// The title, or the id when the file gave none.
    pub fn display_title(&self) -> &str {
        self.meta.title.as_deref().unwrap_or(&self.id)
    }

    /// Index of the paragraph that holds byte `offset`.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        self.paragraphs
            .iter()
            .position(|p| p.range.start <= offset && offset < p.range.end.max(p.range.start + 1))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A full quoted statement.
    Direct,
    /// A quoted fragment inside reported speech.
    Partial,
    /// Scare quotes, titles, a word or two with no speech cue.
    Term,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Organisation,
    Document,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The fullest form of the name in the article ("Rob Wainwright").
    pub name: String,
    pub kind: SpeakerKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Article id.
    pub article: String,
    /// The quoted words without their quotation marks. A quote running over several
    /// paragraphs has its pieces joined by a space. An interrupted quote (one utterance cut
    /// by its attribution, joined by `text::interrupted`) holds its halves with the
    /// attribution cut out: where the marks close and reopen around it, the first half, its
    /// closing punctuation and mark, a space, the second half's opening mark and the second
    /// half (`It was very nice,” “He was very charming.`); where the attribution stands
    /// inside one pair of marks (a French incise), the halves around ` […] `. So `text` is
    /// not always `article.text[start..end]`.
    pub text: String,
    pub speaker: Option<Speaker>,
    /// The form used at the quote ("he", "le patron d'Europol", "Wainwright").
    pub speaker_as_written: Option<String>,
    /// The cue verb or phrase ("said", "a expliqué", "according to").
    pub cue: Option<String>,
    pub kind: QuoteKind,
    pub language: Lang,
    /// Paragraph index where the quote starts.
    pub paragraph: usize,
    /// Byte offsets of the quoted words (inside the marks) in the article text; an
    /// interrupted quote spans from its first half's first word to its last half's last.
    pub start: usize,
    pub end: usize,
}

/// A passage the reader marked: where it is ([`HighlightText`]) and what the reader said
/// about it. Anchored by exact text + offsets + context so it can be re-found when the
/// article file changes, and kept (as orphaned) when it cannot.
///
/// Not yet saved, it has id 0 and an empty `created` (the store assigns both).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Highlight {
    pub id: i64,
    /// The marked text in its article (its fields sit at the top level of the JSON).
    #[serde(flatten)]
    pub passage: HighlightText,
    pub speaker: Option<String>,
    pub note: Option<String>,
    pub tag: Option<String>,
    /// RFC 3339 UTC timestamp.
    pub created: String,
    /// A bilingual highlight's second text: the same passage in the counterpart article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterpart: Option<HighlightText>,
}

impl Highlight {
    /// The second text of a bilingual highlight as a highlight of its own — same id,
    /// speaker, note, tag and date — so it is cited and located like the first.
    pub fn counterpart_highlight(&self) -> Option<Highlight> {
        let passage = self.counterpart.clone()?;
        Some(Highlight { passage, counterpart: None, ..self.clone() })
    }
}

/// Where a highlight is: a passage of one article, anchored by its text, offsets,
/// context and the article's hash. A highlight has one, a bilingual highlight two.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HighlightText {
    pub article: String,
    /// The article's language, when known (the store keeps it for the second text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Lang,
    /// Hash of the article text the offsets refer to.
    pub text_hash: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub context_before: String,
    pub context_after: String,
    /// True when the text could no longer be found in the current article.
    pub orphaned: bool,
}

/// Per-article triage state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Triage {
    pub read: bool,
    pub starred: bool,
    pub archived: bool,
}
