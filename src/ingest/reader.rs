//! Reader mode for whole saved pages: the article and nothing else.
//!
//! A page saved from a browser carries navigation, cookie banners, related links,
//! comments and scripts around the story. rs-trafilatura (a port of trafilatura, the
//! strongest extractor measured on real saved news pages, see `eval/reader.md`) finds the
//! main content; its markup then goes through the same converter as any fragment, so
//! paragraphs, links and cleaning rules stay those of the rest of diglot.
//!
//! Fragments (the bundled articles, a copied `<article>`) and text files never come here:
//! only a document with its own `<html>`, `<head>` or `<body>` is a whole page.

use super::html::HtmlMeta;
use super::paragraphs::TextLine;
use rs_trafilatura::page_type::PageType;
use rs_trafilatura::{Options, extract_with_options};
use std::collections::HashSet;

/// What the extractor kept of a page.
#[derive(Debug, Clone, Default)]
pub struct MainContent {
    /// The article's markup (paragraphs, headings, lists, tables), when the extractor
    /// gave it.
    pub html: Option<String>,
    /// The article as text, one block per line (used when there is no markup).
    pub text: String,
    pub meta: rs_trafilatura::Metadata,
}

/// Whether `html` is a whole document rather than a fragment: it opens `<html>`,
/// `<head>` or `<body>` itself.
pub fn is_whole_page(html: &str) -> bool {
    let b = html.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr_lt(b, from) {
        let rest = &b[i + 1..];
        for tag in [&b"html"[..], b"head", b"body"] {
            if rest.len() > tag.len()
                && rest[..tag.len()].eq_ignore_ascii_case(tag)
                && matches!(rest[tag.len()], b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')
            {
                return true;
            }
        }
        from = i + 1;
    }
    false
}

fn memchr_lt(b: &[u8], from: usize) -> Option<usize> {
    b.get(from..)?.iter().position(|&c| c == b'<').map(|i| from + i)
}

/// Pages with more elements than this skip reader mode: the extractor's tree walks grow
/// faster than linearly with the element count on misnested markup (40,000 elements of
/// unclosed anchors take seconds), while real saved news pages have a few thousand.
pub const MAX_ELEMENTS: usize = 15_000;

/// Whether a page of this (nesting depth, element count) is safe for the extractor:
/// its tree walks recurse, so the depth limit of the html2text path applies too.
pub fn fits((depth, elements): (usize, usize)) -> bool {
    depth <= super::html::MAX_DEPTH_FOR_HTML2TEXT && elements <= MAX_ELEMENTS
}

/// The main content of a whole page (its text may be empty), or `None` when the
/// extractor failed (a bug in it must not take diglot down). The extractor parses the page
/// more than once and throws its code away: give it the page without its code
/// ([`super::html::without_code`]), a third of the bytes of a typical saved page.
pub fn extract(page: &str) -> Option<MainContent> {
    let options = Options {
        include_links: true,
        include_tables: true,
        // diglot reads articles: the extractor's page classifier (forum, product, listing
        // …), a fifth of its time, would only pick another profile for the same story
        // (on the dev pages: 4 of 61 classified otherwise, 1 read better as an article).
        page_type: Some(PageType::Article),
        ..Options::default()
    };
    let result = std::panic::catch_unwind(|| extract_with_options(page, &options)).ok()?.ok()?;
    Some(MainContent { html: result.content_html, text: result.content_text, meta: result.metadata })
}

/// Extractions shorter than this are the extractor clutching at a heading or a menu on
/// a page with no article: the cleaner (or all the visible text) does better there.
const MIN_WORDS: usize = 10;

impl MainContent {
    pub fn has_text(&self) -> bool {
        self.text.split_whitespace().nth(MIN_WORDS - 1).is_some()
    }
}


/// What the page states about itself comes from `page` (diglot's own reading of JSON-LD,
/// Open Graph, Dublin Core, `<meta>`, `<time>`, `<link rel=canonical>`, `<html lang>`).
/// The extractor reads the same tags, then guesses from the markup; what it adds counts
/// as a guess: its author and date go with the hidden-markup guesses (after the byline
/// lines of the text), its outlet only when it is a handle (`twitter:site`).
pub fn merge_meta(found: &rs_trafilatura::Metadata, mut page: HtmlMeta) -> HtmlMeta {
    let some = |v: &Option<String>| v.as_deref().map(super::meta::clean_value).filter(|s| !s.is_empty());
    page.title = page.title.or(some(&found.title));
    page.hidden_author = page.hidden_author.or(some(&found.author).map(|a| a.replace("; ", ", ")));
    if let Some(date) = found.date {
        page.hidden_dates.insert(0, date.date_naive().to_string());
    }
    let handle = some(&found.sitename).and_then(|s| s.strip_prefix('@').map(str::to_string)).filter(|h| !h.is_empty());
    page.site_name = page.site_name.or(page.title_outlet.take()).or(handle);
    page.url = page.url.or(some(&found.url));
    page.language = page.language.or_else(|| found.language.as_deref().and_then(super::meta::language_code));
    page
}

/// The extracted lines without the run of lines at their end that are each only a link:
/// the "related stories" list that the extractor keeps when it sits inside the article's
/// container. (Inside the story such lines are often the story's own: a headline list of
/// deals, a "see also" that readers of the page count as text.)
pub fn without_trailing_link_lines(mut lines: Vec<TextLine>) -> Vec<TextLine> {
    let keep = lines.iter().rposition(|l| !l.text.trim().is_empty() && !is_link_line(l)).map_or(0, |i| i + 1);
    lines.truncate(keep);
    lines
}

fn is_link_line(line: &TextLine) -> bool {
    let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).count();
    let all = letters(&line.text);
    let linked: usize = line.links.iter().map(|l| letters(&l.text)).sum();
    all > 0 && linked * 10 >= all * 9
}

/// The lines of a converted page that the extractor kept. When the extractor gives only
/// text, and that text has lost the page's paragraph breaks, the converter's own lines of
/// the page still have them: keep each line most of whose word runs the extractor kept.
/// (Word runs are hashed into a set: linear in the size of both texts.)
pub fn lines_kept_by(lines: Vec<TextLine>, extracted: &str) -> Vec<TextLine> {
    let kept_runs = word_runs(extracted);
    lines
        .into_iter()
        .map(|line| {
            let runs = word_runs_of_line(&line.text);
            let found = runs.iter().filter(|r| kept_runs.contains(r)).count();
            if !runs.is_empty() && found * 10 >= runs.len() * 6 { line } else { TextLine::default() }
        })
        .collect()
}

/// Runs of up to three words, lower-cased and hashed: every 1-, 2- and 3-word run.
fn word_runs(text: &str) -> HashSet<u64> {
    let words = words(text);
    let mut runs = HashSet::with_capacity(words.len() * 3);
    for n in 1..=RUN {
        runs.extend(words.windows(n).map(hash_run));
    }
    runs
}

/// A line's runs: its 3-word runs, or the whole line when it is shorter.
fn word_runs_of_line(text: &str) -> Vec<u64> {
    let words = words(text);
    if words.len() < RUN {
        return if words.is_empty() { Vec::new() } else { vec![hash_run(&words)] };
    }
    words.windows(RUN).map(hash_run).collect()
}

const RUN: usize = 3;

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

fn hash_run(words: &[String]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    words.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_pages_open_html_head_or_body() {
        assert!(is_whole_page("<!DOCTYPE html><HTML lang=en><p>x</p>"));
        assert!(is_whole_page("<head><title>t</title></head><p>x</p>"));
        assert!(is_whole_page("<div>x</div><body class=a>"));
        assert!(!is_whole_page("<article><p>A fragment</p></article>"));
        assert!(!is_whole_page("<p>the <bodyguard> said</p>"));
    }

    #[test]
    fn deep_or_crowded_pages_skip_the_extractor() {
        assert!(fits((30, 2_000)));
        assert!(!fits((201, 2_000)));
        assert!(!fits((30, MAX_ELEMENTS + 1)));
    }

    #[test]
    fn a_run_of_link_lines_ending_the_extraction_is_a_related_list() {
        let link = |text: &str| crate::model::Link { text: text.to_string(), url: "/x".to_string(), range: None };
        let linked = |text: &str| TextLine { text: text.to_string(), links: vec![link(text)], role: None };
        let lines = vec![
            TextLine::plain("The story begins."),
            linked("See also: a story the page links in its text"),
            TextLine { links: vec![link("said")], ..TextLine::plain("The minister said so on Monday.") },
            TextLine::default(),
            linked("Another story about the council"),
            linked("Yet another story"),
            TextLine::default(),
        ];
        let kept: Vec<String> = without_trailing_link_lines(lines).into_iter().map(|l| l.text).collect();
        assert_eq!(kept, ["The story begins.", "See also: a story the page links in its text", "The minister said so on Monday."]);
    }

    #[test]
    fn lines_the_extractor_kept_keep_their_breaks() {
        let lines = ["Home News Sport", "", "First paragraph of the story, told in full.", "", "Second one, also kept.", "Related: other story"]
            .map(TextLine::plain)
            .to_vec();
        let extracted = "First paragraph of the story, told in full. Second one, also kept.";
        let kept: Vec<String> = lines_kept_by(lines, extracted).into_iter().map(|l| l.text).filter(|t| !t.is_empty()).collect();
        assert_eq!(kept, ["First paragraph of the story, told in full.", "Second one, also kept."]);
    }
}
