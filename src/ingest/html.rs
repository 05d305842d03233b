//! HTML → lines of text, links beside them, and what the markup says about the article.
//!
//! A small non-recursive tokenizer does the work that must not depend on the document's
//! shape: measuring nesting depth, cutting out hidden elements (`display:none`, `hidden`)
//! and non-content elements (images, scripts, forms …) while mining them for metadata.
//! The cleaned markup then goes through html2text. html2text (like html5ever's tree
//! consumers) recurses once per nesting level, so a document nested deeper than
//! [`MAX_DEPTH_FOR_HTML2TEXT`] is converted by the tokenizer-based [`strip_tags`] instead:
//! a 60,000-deep file cannot overflow the stack.

use super::entities;
use std::borrow::Cow;
use super::paragraphs::TextLine;
use crate::model::{Link, Role};

/// Deeper documents skip html2text. Real articles stay far below this (a few dozen);
/// html2text at this depth fits easily in a 2 MiB test-thread stack.
pub const MAX_DEPTH_FOR_HTML2TEXT: usize = 200;

/// Larger documents skip html2text too: its DOM and render tree cost about 40 bytes of
/// memory per byte of input, the flat converter a small multiple.
pub const MAX_BYTES_FOR_HTML2TEXT: usize = 2 * 1024 * 1024;

/// A JSON-LD script longer than this is not read to its end (it would not parse).
const MAX_JSON_LD_BYTES: usize = 256 * 1024;

/// Lines wider than this wrap in html2text; paragraphs are re-joined afterwards anyway.
const RENDER_WIDTH: usize = 4000;

/// What the markup says about the article (the text comes separately).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlMeta {
    /// `<title>`, `og:title` or the first `<h1>`, in that order of preference.
    pub title: Option<String>,
    /// The title from `og:title` (or `twitter:`/`dc.title`) or the first `<h1>`: what the
    /// page states as its headline, as opposed to a `<title>` that may carry more.
    pub headline: Option<String>,
    pub author: Option<String>,
    /// Raw date strings (parsed later), most trustworthy first.
    pub dates: Vec<String>,
    pub url: Option<String>,
    pub site_name: Option<String>,
    /// Author and dates read from hidden markup (`class="vcard author"`, `class="updated"`):
    /// guesses, weaker than the page's tags and its visible byline.
    pub hidden_author: Option<String>,
    pub hidden_dates: Vec<String>,
    /// The outlet named at the end of `<title>` ("… - Reuters"), used when no tag names it.
    pub title_outlet: Option<String>,
    /// The language the page declares (`<html lang>`, `og:locale`, `dc.language`), as an
    /// ISO 639-1 code.
    pub language: Option<String>,
}

/// The text lines (blank lines separate blocks) and the page's metadata.
#[derive(Debug, Clone, Default)]
pub struct HtmlDoc {
    pub lines: Vec<TextLine>,
    pub meta: HtmlMeta,
    /// The nesting depth when it was too deep for html2text (the flat converter ran).
    pub too_deep: Option<usize>,
}

/// Whether text is HTML: a doctype/`<html>` start or several common tags.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(64).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    const COMMON: [&str; 16] = [
        "p", "div", "span", "a", "br", "article", "section", "img", "h1", "h2", "h3", "li",
        "ul", "strong", "em", "body",
    ];
    Tokens::new(text)
        .filter(|t| match t {
            Token::Open { name, .. } | Token::Close { name, .. } => COMMON.contains(&&**name),
            _ => false,
        })
        .take(3)
        .count()
        >= 3
}

/// Deepest element nesting, measured without recursion.
pub fn max_depth(html: &str) -> usize {
    shape(html).0
}

/// Deepest element nesting and number of start tags, measured without recursion.
pub fn shape(html: &str) -> (usize, usize) {
    let mut stack: Vec<Cow<'_, str>> = Vec::new();
    let mut deepest = 0;
    let mut elements = 0;
    for t in Tokens::new(html) {
        match t {
            Token::Open { name, self_closing, .. } => {
                elements += 1;
                if !self_closing && !is_void(&name) {
                    stack.push(name);
                    deepest = deepest.max(stack.len());
                }
            }
            Token::Close { name, .. } => pop_to(&mut stack, &name),
            _ => {}
        }
    }
    (deepest, elements)
}

/// The page with its code emptied: the contents of its scripts (not of data scripts such
/// as JSON-LD), style sheets and `<svg>` drawings, most of a saved page's bytes and none of
/// its text. The elements stay, empty, so the page keeps its shape.
pub fn without_code(html: &str) -> String {
    for_extractor(html).0
}

/// [`without_code`], with the [`shape`] of what is left, in one pass.
pub fn for_extractor(html: &str) -> (String, (usize, usize)) {
    let mut out = String::with_capacity(html.len() / 2);
    let mut tokens = Tokens::new(html);
    let mut copied_to = 0;
    let mut in_code = false;
    // Inside an <svg>: how many are open (drawings nest).
    let mut svg_depth = 0usize;
    let mut stack: Vec<Cow<'_, str>> = Vec::new();
    let (mut deepest, mut elements) = (0, 0);
    while let Some(t) = tokens.next() {
        if svg_depth > 0 {
            match t {
                Token::Open { name, self_closing: false, .. } if name == "svg" => svg_depth += 1,
                Token::Close { name } if name == "svg" => {
                    svg_depth -= 1;
                    if svg_depth == 0 {
                        copied_to = tokens.last_start;
                        pop_to(&mut stack, &name);
                    }
                }
                _ => {}
            }
            continue;
        }
        match t {
            Token::Open { name, attrs, self_closing } => {
                elements += 1;
                in_code = !self_closing
                    && (name == "style" || (name == "script" && attr(&attrs, "type").as_deref().is_none_or(is_script_type)));
                if !self_closing && name == "svg" {
                    out.push_str(&html[copied_to..tokens.pos]);
                    svg_depth = 1;
                }
                if !self_closing && !is_void(&name) {
                    stack.push(name);
                    deepest = deepest.max(stack.len());
                }
            }
            Token::Text(_) if in_code => {
                out.push_str(&html[copied_to..tokens.last_start]);
                copied_to = tokens.pos;
                in_code = false;
            }
            Token::Close { name } => {
                pop_to(&mut stack, &name);
                in_code = false;
            }
            _ => in_code = false,
        }
    }
    if svg_depth == 0 {
        out.push_str(&html[copied_to..]);
    }
    (out, (deepest, elements))
}

/// Whether a `<script type>` is a program (as opposed to data: JSON-LD, templates).
fn is_script_type(kind: &str) -> bool {
    let kind = kind.trim().to_ascii_lowercase();
    kind.is_empty() || kind == "module" || kind.contains("javascript") || kind.contains("ecmascript")
}

/// Convert an HTML document or fragment.
pub fn convert(html: &str) -> HtmlDoc {
    let (visible, meta) = cut_hidden_and_mine(html);
    render(&visible, meta)
}

/// The page's metadata only (the markup it reads is not rendered).
pub fn page_meta(html: &str) -> HtmlMeta {
    cut_hidden_and_mine(html).1
}

/// Cleaned markup → lines: html2text, or the flat converter for deep or huge markup.
fn render(visible: &str, meta: HtmlMeta) -> HtmlDoc {
    let visible = tables_as_blocks(&mark_roles(visible));
    let depth = max_depth(&visible);
    let (lines, too_deep) = if depth > MAX_DEPTH_FOR_HTML2TEXT {
        (strip_tags(&visible), Some(depth))
    } else if visible.len() > MAX_BYTES_FOR_HTML2TEXT {
        (strip_tags(&visible), None)
    } else {
        (render_with_html2text(&visible).unwrap_or_else(|| strip_tags(&visible)), None)
    };
    HtmlDoc { lines: take_role_marks(lines), meta, too_deep }
}

/// Private-use characters that carry an element's role through the renderers as text:
/// one opens each role, [`ROLE_END`] closes it. Any already in the page are dropped.
const ROLE_MARKS: [(char, Role); 3] = [('\u{E001}', Role::Caption), ('\u{E002}', Role::Byline), ('\u{E003}', Role::Dateline)];
const ROLE_END: char = '\u{E000}';

fn is_role_mark(c: char) -> bool {
    ('\u{E000}'..='\u{E003}').contains(&c)
}

/// The role of an element: figures and captions are captions; a class or id token
/// `byline`, `dateline` or `caption` (alone or as a part: `wp-caption-text`,
/// `article__byline`) says so too.
fn role_of(name: &str, attrs: &Attrs<'_>) -> Option<Role> {
    if matches!(name, "figure" | "figcaption" | "caption") {
        return Some(Role::Caption);
    }
    let values: Vec<Cow<'_, str>> = ["class", "id"].into_iter().filter_map(|k| attr(attrs, k)).collect();
    for token in values.iter().flat_map(|v| v.split_whitespace()) {
        let t = token.to_ascii_lowercase();
        for part in t.split(['-', '_']) {
            match part {
                "caption" | "credit" => return Some(Role::Caption),
                "byline" => return Some(Role::Byline),
                "dateline" => return Some(Role::Dateline),
                _ => {}
            }
        }
    }
    None
}

/// Wrap each element with a role in a block holding its role marks (outermost role
/// wins; nested ones are its text).
fn mark_roles(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut stack: Vec<Cow<'_, str>> = Vec::new();
    // The open role element: its depth in `stack`.
    let mut open: Option<usize> = None;
    let mut tokens = Tokens::new(html);
    let mut copied_to = 0;
    while let Some(t) = tokens.next() {
        let (start, end) = (tokens.last_start, tokens.pos);
        match t {
            Token::Open { name, attrs, self_closing } => {
                let container = !self_closing && !is_void(&name);
                if open.is_none() && container && let Some(role) = role_of(&name, &attrs) {
                    out.push_str(&html[copied_to..start]);
                    let mark = ROLE_MARKS.iter().find(|(_, r)| *r == role).map_or(ROLE_END, |(c, _)| *c);
                    out.push_str("<div>");
                    out.push(mark);
                    out.push_str(&html[start..end]);
                    copied_to = end;
                    open = Some(stack.len());
                }
                if container {
                    stack.push(name);
                }
            }
            Token::Close { name } => {
                pop_to(&mut stack, &name);
                if open.is_some_and(|depth| stack.len() <= depth) {
                    out.push_str(&html[copied_to..end]);
                    out.push(ROLE_END);
                    out.push_str("</div>");
                    copied_to = end;
                    open = None;
                }
            }
            Token::Text(text) if text.chars().any(is_role_mark) => {
                out.push_str(&html[copied_to..start]);
                out.extend(text.chars().filter(|c| !is_role_mark(*c)));
                copied_to = end;
            }
            _ => {}
        }
    }
    out.push_str(&html[copied_to..]);
    if open.is_some() {
        out.push(ROLE_END);
    }
    out
}

/// Lines with the role marks taken out and their roles set; a blank line between text
/// of different roles.
fn take_role_marks(lines: Vec<TextLine>) -> Vec<TextLine> {
    let mut role: Option<Role> = None;
    let mut out: Vec<TextLine> = Vec::with_capacity(lines.len());
    for mut line in lines {
        if !line.text.chars().any(is_role_mark) {
            line.role = role;
            out.push(line);
            continue;
        }
        let mut line_role = role;
        for c in line.text.chars().filter(|c| is_role_mark(*c)) {
            role = ROLE_MARKS.iter().find(|(m, _)| *m == c).map(|(_, r)| *r);
            line_role = line_role.or(role);
        }
        line.text.retain(|c| !is_role_mark(c));
        for l in &mut line.links {
            l.text.retain(|c| !is_role_mark(c));
        }
        line.role = line_role;
        if out.last().is_some_and(|prev| prev.role != line.role && !prev.text.trim().is_empty()) {
            out.push(TextLine::default());
        }
        out.push(line);
    }
    out
}

/// html2text decorator for article text: no markers at all (no "# " before headings,
/// "> " before quotes, "^{…}" around superscripts, footnote lists), only the link target
/// as annotation so links can be listed beside the text.
#[derive(Clone, Copy, Debug, Default)]
struct ArticleDecorator;

impl html2text::render::TextDecorator for ArticleDecorator {
    // Shared, not owned: html2text clones the whole annotation stack for every character
    // it wraps, so an owned URL was copied once per character of its link text.
    type Annotation = Option<std::rc::Rc<str>>;

    fn decorate_link_start(&mut self, url: &str) -> (String, Self::Annotation) {
        (String::new(), Some(std::rc::Rc::from(url)))
    }
    fn decorate_link_end(&mut self) -> String {
        String::new()
    }
    fn decorate_em_start(&self) -> (String, Self::Annotation) {
        (String::new(), None)
    }
    fn decorate_em_end(&self) -> String {
        String::new()
    }
    fn decorate_strong_start(&self) -> (String, Self::Annotation) {
        (String::new(), None)
    }
    fn decorate_strong_end(&self) -> String {
        String::new()
    }
    fn decorate_strikeout_start(&self) -> (String, Self::Annotation) {
        (String::new(), None)
    }
    fn decorate_strikeout_end(&self) -> String {
        String::new()
    }
    fn decorate_code_start(&self) -> (String, Self::Annotation) {
        (String::new(), None)
    }
    fn decorate_code_end(&self) -> String {
        String::new()
    }
    fn decorate_preformat_first(&self) -> Self::Annotation {
        None
    }
    fn decorate_preformat_cont(&self) -> Self::Annotation {
        None
    }
    fn decorate_image(&mut self, _src: &str, _title: &str) -> (String, Self::Annotation) {
        (String::new(), None)
    }
    fn header_prefix(&self, _level: usize) -> String {
        String::new()
    }
    fn quote_prefix(&self) -> String {
        String::new()
    }
    fn unordered_item_prefix(&self) -> String {
        String::new()
    }
    fn ordered_item_prefix(&self, _i: i64) -> String {
        String::new()
    }
    fn make_subblock_decorator(&self) -> Self {
        ArticleDecorator
    }
    fn decorate_superscript_start(&self) -> (String, Self::Annotation) {
        (String::new(), None)
    }
    fn decorate_superscript_end(&self) -> String {
        String::new()
    }
    fn finalise(&mut self, _urls: Vec<String>) -> Vec<html2text::render::TaggedLine<Self::Annotation>> {
        Vec::new()
    }
}

fn render_with_html2text(html: &str) -> Option<Vec<TextLine>> {
    let lines = html2text::config::with_decorator(ArticleDecorator)
        .lines_from_read(html.as_bytes(), RENDER_WIDTH)
        .ok()?;
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let mut text = String::new();
        let mut links: Vec<Link> = Vec::new();
        let mut open_link: Option<std::rc::Rc<str>> = None;
        for piece in line.tagged_strings() {
            let url = piece.tag.iter().rev().find_map(Clone::clone);
            match (&url, open_link.as_ref(), links.last_mut()) {
                // Consecutive pieces of the same link (e.g. <a><b>x</b> y</a>) are one link.
                (Some(u), Some(prev), Some(last)) if u == prev => last.text.push_str(&piece.s),
                (Some(u), _, _) => links.push(Link { text: piece.s.clone(), url: u.to_string(), range: None }),
                _ => {}
            }
            open_link = url;
            text.push_str(&piece.s);
        }
        for l in &mut links {
            l.text = l.text.trim().to_string();
        }
        links.retain(|l| !l.text.is_empty());
        out.push(TextLine { text, links, role: None });
    }
    Some(out)
}

/// Tokenizer-only conversion for documents too deep for html2text: block elements start
/// new blocks, `<br>` a new line, text is entity-decoded with white space collapsed.
pub fn strip_tags(html: &str) -> Vec<TextLine> {
    let mut lines = Vec::new();
    let mut current = TextLine::default();
    let mut link: Option<(String, usize)> = None;
    let mut in_raw = false;
    let finish = |lines: &mut Vec<TextLine>, current: &mut TextLine, blank: bool| {
        if !current.text.trim().is_empty() {
            lines.push(std::mem::take(current));
        }
        if blank && lines.last().is_some_and(|l: &TextLine| !l.text.is_empty()) {
            lines.push(TextLine::default());
        }
    };
    for t in Tokens::new(html) {
        match t {
            Token::Text(s) => {
                if in_raw {
                    continue;
                }
                push_collapsed(&mut current.text, &entities::decode(s));
            }
            Token::Open { name, attrs, .. } => {
                in_raw = is_raw_text(&name);
                if name == "br" {
                    finish(&mut lines, &mut current, false);
                } else if is_block(&name) {
                    finish(&mut lines, &mut current, true);
                } else if name == "a" {
                    link = attr(&attrs, "href").map(|u| (u.into_owned(), current.text.len()));
                }
            }
            Token::Close { name, .. } => {
                in_raw = false;
                if is_block(&name) {
                    finish(&mut lines, &mut current, true);
                } else if name == "a"
                    && let Some((url, start)) = link.take()
                {
                    let text = current.text.get(start..).unwrap_or("").trim().to_string();
                    if !text.is_empty() {
                        current.links.push(Link { text, url, range: None });
                    }
                }
            }
            Token::Other => {}
        }
    }
    finish(&mut lines, &mut current, false);
    lines
}

/// Tables as plain blocks: every cell, row and caption a `<div>`. Pages use tables for
/// layout (admonition boxes, two-column pages) far more than articles use them for data,
/// and a renderer laying cells side by side joins unrelated paragraphs with rules, or
/// loses a cell under a `rowspan`.
fn tables_as_blocks(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut tokens = Tokens::new(html);
    let mut copied_to = 0;
    while let Some(t) = tokens.next() {
        let tag = match &t {
            Token::Open { name, .. } if is_table_part(name) => "<div>",
            Token::Close { name } if is_table_part(name) => "</div>",
            _ => continue,
        };
        out.push_str(&html[copied_to..tokens.last_start]);
        out.push_str(tag);
        copied_to = tokens.pos;
    }
    out.push_str(&html[copied_to..]);
    out
}

fn is_table_part(name: &str) -> bool {
    matches!(name, "table" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th" | "caption")
}

/// The markup without its `<head>` (title, scripts and styles are not visible text).
pub fn without_head(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut tokens = Tokens::new(html);
    let mut in_head = false;
    let mut copied_to = 0;
    while let Some(t) = tokens.next() {
        match t {
            Token::Open { name, .. } if name == "head" && !in_head => {
                out.push_str(&html[copied_to..tokens.last_start]);
                in_head = true;
            }
            Token::Close { name } | Token::Open { name, .. } if in_head && (name == "head" || name == "body") => {
                in_head = false;
                copied_to = if name == "head" { tokens.pos } else { tokens.last_start };
            }
            _ => {}
        }
    }
    if !in_head {
        out.push_str(&html[copied_to..]);
    }
    out
}

/// Append `text` with each run of white space as one space (none at the line's start).
fn push_collapsed(line: &mut String, text: &str) {
    let mut word_start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), word_start) {
            (true, Some(start)) => {
                line.push_str(&text[start..i]);
                word_start = None;
                line.push(' ');
            }
            (true, None) => {
                if !line.is_empty() && !line.ends_with(' ') {
                    line.push(' ');
                }
            }
            (false, None) => word_start = Some(i),
            (false, Some(_)) => {}
        }
    }
    if let Some(start) = word_start {
        line.push_str(&text[start..]);
    }
}

/// Remove hidden and non-content elements; read metadata from them and from `<meta>`,
/// `<time>`, `<title>`, `<h1>` and permalink anchors. Returns the remaining markup.
fn cut_hidden_and_mine(html: &str) -> (String, HtmlMeta) {
    let mut meta = HtmlMeta::default();
    let mut h1: Option<String> = None;
    let mut og_title: Option<String> = None;
    let mut time_dates: Vec<String> = Vec::new();
    // JSON-LD: the script being read, and the first one that described an article.
    let mut ld_script: Option<String> = None;
    let mut ld: Option<super::meta::JsonLd> = None;
    let mut hidden_dates: Vec<String> = Vec::new();
    let mut hidden_author: Option<String> = None;
    let mut out = String::with_capacity(html.len());
    let mut stack: Vec<Cow<'_, str>> = Vec::new();
    // The element being cut: depth at which it ends, start offset, whether it is hidden
    // (mined) rather than merely non-content, its text and the hints on it.
    struct Cut {
        depth: usize,
        hidden: bool,
        text: String,
        hints: String,
    }
    let mut cut: Option<Cut> = None;
    // Text collection for <title>/<h1>.
    let mut capture: Option<(String, String)> = None;
    let mut copied_to = 0;
    // <article> elements: the open one (start in `out`, stack depth) and finished ranges.
    let mut article: Option<(usize, usize)> = None;
    let mut articles: Vec<std::ops::Range<usize>> = Vec::new();
    let mut tokens = Tokens::new(html);
    while let Some(t) = tokens.next() {
        let end = tokens.pos;
        let start = tokens.last_start;
        match &t {
            Token::Open { name, attrs, self_closing } => {
                match &**name {
                    "meta" => mine_meta_tag(attrs, &mut meta, &mut og_title),
                    "time" => {
                        if let Some(d) = attr(attrs, "datetime") {
                            time_dates.push(d.to_string());
                        }
                    }
                    "a" => {
                        if let Some(href) = attr(attrs, "href") {
                            // WordPress-style comment anchors point at the article itself.
                            for frag in ["#comments", "#respond", "#disqus_thread"] {
                                if let Some(base) = href.strip_suffix(frag) {
                                    meta.url.get_or_insert_with(|| base.to_string());
                                }
                            }
                        }
                    }
                    "html" => {
                        if let Some(l) = attr(attrs, "lang").or_else(|| attr(attrs, "xml:lang")) {
                            meta.language = meta.language.take().or_else(|| super::meta::language_code(&l));
                        }
                    }
                    "script" if attr(attrs, "type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) => {
                        ld_script = Some(String::new());
                    }
                    "link" if attr(attrs, "rel").as_deref() == Some("canonical") => {
                        if let Some(h) = attr(attrs, "href") {
                            meta.url = Some(h.to_string());
                        }
                    }
                    _ => {}
                }
                if let Some(c) = cut.as_mut() {
                    for key in ["class", "itemprop", "rel"] {
                        if let Some(v) = attr(attrs, key) {
                            c.hints.push(' ');
                            c.hints.push_str(&v.to_ascii_lowercase());
                        }
                    }
                } else {
                    let hidden = is_hidden(attrs);
                    if hidden || is_non_content(name) || is_page_furniture(name, attrs) {
                        out.push_str(&html[copied_to..start]);
                        let mut hints = String::new();
                        for key in ["class", "itemprop", "rel"] {
                            if let Some(v) = attr(attrs, key) {
                                hints.push(' ');
                                hints.push_str(&v.to_ascii_lowercase());
                            }
                        }
                        cut = Some(Cut { depth: stack.len(), hidden, text: String::new(), hints });
                    } else if name == "article" && article.is_none() {
                        out.push_str(&html[copied_to..start]);
                        copied_to = start;
                        article = Some((out.len(), stack.len()));
                    }
                }
                // <title> sits in <head>, which is cut: capture it anyway, but never from
                // hidden markup.
                if capture.is_none()
                    && (name == "title" || name == "h1")
                    && !cut.as_ref().is_some_and(|c| c.hidden)
                {
                    capture = Some((name.to_string(), String::new()));
                }
                if !self_closing && !is_void(name) {
                    stack.push(name.clone());
                }
            }
            Token::Close { name } => {
                pop_to(&mut stack, name);
                if name == "script"
                    && let Some(script) = ld_script.take()
                    && ld.is_none()
                {
                    ld = Some(super::meta::json_ld(&script)).filter(|l| *l != super::meta::JsonLd::default());
                }
                if capture.as_ref().is_some_and(|(n, _)| n == name)
                    && let Some((n, text)) = capture.take()
                {
                    let text = collapse(&text);
                    let slot = if n == "title" { &mut meta.title } else { &mut h1 };
                    if !text.is_empty() {
                        slot.get_or_insert(text);
                    }
                }
            }
            Token::Text(s) => {
                if let Some(script) = ld_script.as_mut()
                    && script.len() < MAX_JSON_LD_BYTES
                {
                    script.push_str(s);
                }
                // Only short hidden text can be metadata; don't hoard the rest.
                if let Some(c) = cut.as_mut()
                    && c.hidden
                    && c.text.len() < 1000
                {
                    c.text.push(' ');
                    c.text.push_str(&entities::decode(s));
                }
                if let Some((_, text)) = capture.as_mut() {
                    text.push_str(&entities::decode(s));
                }
            }
            Token::Other => {}
        }
        if cut.as_ref().is_some_and(|c| stack.len() <= c.depth) {
            if let Some(c) = cut.take()
                && c.hidden
            {
                mine_hidden(&c.text, &c.hints, &mut hidden_dates, &mut hidden_author);
            }
            copied_to = end;
        }
        if let Some((article_start, depth)) = article
            && cut.is_none()
            && stack.len() <= depth
        {
            out.push_str(&html[copied_to..end]);
            copied_to = end;
            articles.push(article_start..out.len());
            article = None;
        }
    }
    if cut.is_none() {
        out.push_str(&html[copied_to..]);
    }
    if let Some((article_start, _)) = article {
        articles.push(article_start..out.len());
    }
    // A page with an <article> holding real text: that is the story; menus, headers,
    // footers and "related" boxes around it are not. (Metadata was read from everything.)
    let main = articles.into_iter().max_by_key(|r| r.len()).filter(|r| r.len() >= 500);
    if let Some(text) = main.and_then(|r| out.get(r)) {
        out = text.to_string();
    }
    // og:title and <h1> are the headline; <title> often carries " | Site" too: that
    // part names the outlet.
    let (title_tag, outlet) = match meta.title.take() {
        Some(t) => super::meta::split_outlet_suffix(&t),
        None => (None, None),
    };
    // JSON-LD is the page's most deliberate statement about itself: it comes first.
    let ld = ld.unwrap_or_default();
    meta.headline = ld.headline.or(og_title).or(h1);
    meta.author = ld.author.or(meta.author);
    if let Some(d) = ld.date {
        meta.dates.insert(0, d);
    }
    meta.site_name = ld.publisher.or(meta.site_name);
    meta.url = meta.url.or(ld.url);
    meta.language = ld.language.or(meta.language);
    meta.title = meta.headline.clone().or(title_tag);
    meta.title_outlet = outlet;
    meta.dates.extend(time_dates);
    meta.hidden_author = hidden_author;
    meta.hidden_dates = hidden_dates;
    (out, meta)
}

fn mine_meta_tag(attrs: &Attrs<'_>, meta: &mut HtmlMeta, og_title: &mut Option<String>) {
    let key = attr(attrs, "name")
        .or_else(|| attr(attrs, "property"))
        .or_else(|| attr(attrs, "itemprop"))
        .unwrap_or_default()
        .to_ascii_lowercase();
    let Some(content) = attr(attrs, "content").as_deref().map(collapse).filter(|c| !c.is_empty()) else {
        return;
    };
    match key.as_str() {
        "author" | "article:author" | "dc.creator" | "dcterms.creator" | "sailthru.author" | "parsely-author" if !content.starts_with("http") => {
            meta.author.get_or_insert(content);
        }
        "article:published_time" | "datepublished" | "date" | "pubdate" | "dc.date" | "dcterms.date"
        | "dc.date.issued" | "dcterms.issued" | "publish-date" | "parsely-pub-date" => {
            meta.dates.insert(0, content)
        }
        "og:title" | "twitter:title" | "dc.title" => {
            og_title.get_or_insert(content);
        }
        "og:url" => {
            meta.url.get_or_insert(content);
        }
        "og:site_name" | "dc.publisher" | "application-name" => {
            meta.site_name.get_or_insert(content);
        }
        "og:locale" | "dc.language" | "content-language" | "language" => {
            if let Some(code) = super::meta::language_code(&content) {
                meta.language.get_or_insert(code);
            }
        }
        _ => {}
    }
}

/// Hidden markup often carries machine-readable metadata: `class="updated"` dates,
/// `vcard`/`author` blocks naming the author.
fn mine_hidden(text: &str, hints: &str, dates: &mut Vec<String>, author: &mut Option<String>) {
    let text = collapse(text);
    if text.is_empty() || text.chars().count() > 200 {
        return;
    }
    let has = |w: &str| hints.split(|c: char| !c.is_alphanumeric() && c != '-').any(|h| h == w);
    if has("author") || has("vcard") || has("byline") || has("fn") {
        author.get_or_insert(text);
    } else if has("updated")
        || has("published")
        || has("date")
        || has("entry-date")
        || has("time")
        || super::meta::parse_date(&text).is_some()
    {
        dates.push(text);
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_hidden(attrs: &Attrs<'_>) -> bool {
    if attrs.has("hidden") {
        return true;
    }
    attr(attrs, "style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Elements whose content is never article prose.
fn is_non_content(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "img" | "picture" | "svg"
            | "iframe" | "video" | "audio" | "canvas" | "form" | "button" | "select"
            | "textarea" | "nav" | "head" | "object" | "embed" | "aside" | "footer"
    )
}

/// Blocks that pages mark by class or id as sharing bars, related links, comments,
/// newsletters, cookie banners, sidebars or ads: `class="share"`, `class="article__share-bar"`,
/// `id="comments"`. A token counts when it is such a word, or starts or ends with one
/// ("social-icons", "post-related"); "has-social-icons" does not. The article itself
/// is never dropped this way.
fn is_page_furniture(name: &str, attrs: &Attrs<'_>) -> bool {
    const FURNITURE: &[&str] = &[
        "share", "sharing", "sharebar", "social", "related", "newsletter", "cookie", "cookies",
        "consent", "comments", "advert", "advertisement", "adsbygoogle", "ad", "ads", "sponsored",
        "outbrain", "taboola", "breadcrumb", "breadcrumbs", "promo", "paywall", "subscribe",
        "most-read", "mostread", "trending", "partage", "partager", "pub", "publicite", "sidebar",
    ];
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    let values: Vec<Cow<'_, str>> = ["class", "id"].into_iter().filter_map(|k| attr(attrs, k)).collect();
    let tokens = values.iter().flat_map(|v| v.split_whitespace());
    let furniture = |t: &str| {
        let parts: Vec<&str> = t.split(['-', '_']).filter(|p| !p.is_empty()).collect();
        FURNITURE.contains(&t)
            || parts.first().is_some_and(|p| FURNITURE.contains(p))
            || parts.last().is_some_and(|p| FURNITURE.contains(p))
    };
    // BEM names ("article__share-bar", "box--promo"): each segment on its own too.
    tokens.map(str::to_ascii_lowercase).any(|t| furniture(&t) || t.split("__").flat_map(|s| s.split("--")).any(furniture))
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "input" | "link" | "meta"
            | "param" | "source" | "track" | "wbr"
    )
}

fn is_raw_text(name: &str) -> bool {
    matches!(name, "script" | "style" | "textarea" | "title" | "xmp" | "noscript")
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div" | "article" | "section" | "header" | "footer" | "aside" | "main" | "h1"
            | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "li" | "dl" | "dt" | "dd"
            | "blockquote" | "pre" | "table" | "tr" | "td" | "th" | "hr" | "figcaption"
            | "address" | "body" | "html"
    )
}

/// How far down the open-element stack a closing tag may reach. Bounded so that a
/// hostile file of stray closing tags over a deep stack stays linear, not quadratic.
const CLOSE_SEARCH_LIMIT: usize = 64;

fn pop_to(stack: &mut Vec<Cow<'_, str>>, name: &str) {
    let floor = stack.len().saturating_sub(CLOSE_SEARCH_LIMIT);
    if let Some(i) = stack[floor..].iter().rposition(|n| n == name) {
        stack.truncate(floor + i);
    }
}

fn attr<'a>(attrs: &Attrs<'a>, key: &str) -> Option<Cow<'a, str>> {
    attrs.get(key)
}

/// One piece of markup. Text and names borrow from the input (names are lower-cased,
/// which copies only the rare upper-case ones); attributes are read on demand.
#[derive(Debug, PartialEq)]
enum Token<'a> {
    Text(&'a str),
    Open { name: Cow<'a, str>, attrs: Attrs<'a>, self_closing: bool },
    Close { name: Cow<'a, str> },
    /// Comments, doctype, processing instructions.
    Other,
}

/// The attributes of a start tag, parsed when asked for: most passes over a page look at
/// no attribute, or at one of a few tags.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Attrs<'a> {
    /// The document, and the offset just after the tag's name.
    s: &'a str,
    from: usize,
}

impl<'a> Attrs<'a> {
    /// The value of the first attribute named `key` (lower-case), entity-decoded.
    fn get(&self, key: &str) -> Option<Cow<'a, str>> {
        self.scan().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| entities::decode(v))
    }

    fn has(&self, key: &str) -> bool {
        self.scan().any(|(k, _)| k.eq_ignore_ascii_case(key))
    }

    fn scan(&self) -> AttrScan<'a> {
        AttrScan { s: self.s, i: self.from, end: None }
    }
}

/// Attributes as raw `(name, value)` slices, up to the end of the tag, which it records
/// as `(offset after the tag, self-closing)`.
struct AttrScan<'a> {
    s: &'a str,
    i: usize,
    end: Option<(usize, bool)>,
}

impl<'a> Iterator for AttrScan<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<(&'a str, &'a str)> {
        let (s, b) = (self.s, self.s.as_bytes());
        let mut i = self.i;
        let item = loop {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i >= b.len() {
                self.end = Some((i, false));
                break None;
            }
            match b[i] {
                b'>' => {
                    self.end = Some((i + 1, false));
                    break None;
                }
                b'/' => {
                    i += 1;
                    if b.get(i) == Some(&b'>') {
                        self.end = Some((i + 1, true));
                        break None;
                    }
                    continue;
                }
                _ => {}
            }
            let key_start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
                i += 1;
            }
            if i == key_start {
                // '=' with no name: skip it.
                i += 1;
                continue;
            }
            let key = &s[key_start..i];
            let mut j = i;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let mut value = "";
            if b.get(j) == Some(&b'=') {
                j += 1;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                match b.get(j) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        let v_end = s[j + 1..].find(q as char).map_or(b.len(), |k| j + 1 + k);
                        value = &s[j + 1..v_end];
                        i = (v_end + 1).min(b.len());
                    }
                    _ => {
                        let v_start = j;
                        while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                            j += 1;
                        }
                        value = &s[v_start..j];
                        i = j;
                    }
                }
            }
            break Some((key, value));
        };
        self.i = i;
        item
    }
}

/// A forgiving, non-recursive HTML tokenizer. Every position it slices at is an ASCII
/// delimiter or the end of input, so slices are always on char boundaries.
struct Tokens<'a> {
    s: &'a str,
    pos: usize,
    last_start: usize,
    /// After `<script>` and friends: text runs to `</name`.
    raw_until: Option<Cow<'a, str>>,
}

impl<'a> Tokens<'a> {
    fn new(s: &'a str) -> Self {
        Tokens { s, pos: 0, last_start: 0, raw_until: None }
    }

    fn find_from(&self, from: usize, pat: &str) -> Option<usize> {
        self.s.get(from..)?.find(pat).map(|i| from + i)
    }

    /// The next `c` from `from` (a byte search, faster than a string pattern).
    fn find_char(&self, from: usize, c: char) -> Option<usize> {
        self.s.get(from..)?.find(c).map(|i| from + i)
    }

    /// Where the raw text that started at `from` ends: at the next `</name` (any case).
    fn raw_text_end(&self, from: usize, name: &str) -> usize {
        let b = self.s.as_bytes();
        let mut at = from;
        while let Some(i) = self.find_char(at, '<') {
            let after = i + 2;
            if b.get(i + 1) == Some(&b'/') && b.get(after..after + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes())) {
                return i;
            }
            at = i + 1;
        }
        b.len()
    }
}

/// A tag name, lower-cased; borrowed unless it has upper-case letters.
fn lower(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|c| c.is_ascii_uppercase()) { Cow::Owned(name.to_ascii_lowercase()) } else { Cow::Borrowed(name) }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let s = self.s;
        let b = s.as_bytes();
        if self.pos >= b.len() {
            return None;
        }
        let start = self.pos;
        self.last_start = start;
        if let Some(name) = self.raw_until.take() {
            let end = self.raw_text_end(start, &name);
            self.pos = end;
            if end > start {
                return Some(Token::Text(&s[start..end]));
            }
            return self.next();
        }
        if b[start] != b'<' {
            let end = self.find_char(start, '<').unwrap_or(b.len());
            self.pos = end;
            return Some(Token::Text(&s[start..end]));
        }
        let next = b.get(start + 1).copied();
        match next {
            Some(b'!') if s[start..].starts_with("<!--") => {
                self.pos = self.find_from(start + 4, "-->").map_or(b.len(), |i| i + 3);
                Some(Token::Other)
            }
            Some(b'!') | Some(b'?') => {
                self.pos = self.find_char(start, '>').map_or(b.len(), |i| i + 1);
                Some(Token::Other)
            }
            Some(b'/') if b.get(start + 2).is_some_and(u8::is_ascii_alphabetic) => {
                let name_end = name_end(b, start + 2);
                let name = lower(&s[start + 2..name_end]);
                self.pos = self.find_char(name_end, '>').map_or(b.len(), |i| i + 1);
                Some(Token::Close { name })
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let (tok, end) = parse_open_tag(s, start);
                self.pos = end;
                if let Token::Open { name, self_closing: false, .. } = &tok
                    && is_raw_text(name)
                {
                    self.raw_until = Some(name.clone());
                }
                Some(tok)
            }
            _ => {
                // A lone '<' is text.
                let end = self.find_char(start + 1, '<').unwrap_or(b.len());
                self.pos = end;
                Some(Token::Text(&s[start..end]))
            }
        }
    }
}

fn name_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'-' | b':' | b'_')) {
        i += 1;
    }
    i
}

/// Read `<name attr="v" …>` starting at `start`; returns the token and the end offset.
fn parse_open_tag(s: &str, start: usize) -> (Token<'_>, usize) {
    let from = name_end(s.as_bytes(), start + 1);
    let attrs = Attrs { s, from };
    let mut scan = attrs.scan();
    scan.by_ref().for_each(drop);
    let (end, self_closing) = scan.end.unwrap_or((s.len(), false));
    (Token::Open { name: lower(&s[start + 1..from]), attrs, self_closing }, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(doc: &HtmlDoc) -> Vec<&str> {
        doc.lines.iter().map(|l| l.text.trim()).filter(|t| !t.is_empty()).collect()
    }

    #[test]
    fn code_is_emptied_data_and_text_kept() {
        let page = "<head><style>p{color:red}</style><script>var a = '<p>x</p>';</script>\
                    <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head>\
                    <body><p>Text <b>kept</b>.</p><SCRIPT type=text/javascript>track()</SCRIPT></body>";
        assert_eq!(
            without_code(page),
            "<head><style></style><script></script>\
             <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head>\
             <body><p>Text <b>kept</b>.</p><SCRIPT type=text/javascript></SCRIPT></body>"
        );
    }

    #[test]
    fn drawings_are_emptied_and_the_shape_is_measured_in_the_same_pass() {
        let page = "<body><svg viewBox=\"0 0 9 9\"><title>Share</title><svg><path d=\"M0\"/></svg><g><path/></g></svg>\
                    <p>Text</p><div><b>deep</b></div></body>";
        let (code_free, shape_of) = for_extractor(page);
        assert_eq!(code_free, "<body><svg viewBox=\"0 0 9 9\"></svg><p>Text</p><div><b>deep</b></div></body>");
        assert_eq!(shape_of, shape(&code_free));
        assert_eq!(shape_of, (3, 5));
    }

    #[test]
    fn white_space_runs_collapse_to_one_space() {
        let mut line = String::new();
        push_collapsed(&mut line, " \n one\u{a0}\u{a0}two  ");
        push_collapsed(&mut line, "\tthree");
        assert_eq!(line, "one two three");
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_html("<p>One</p><p>Two</p>"));
        assert!(looks_like_html("<!DOCTYPE html><title>x</title>"));
        assert!(!looks_like_html("If a < b and c > d then <none> of this is markup."));
    }

    #[test]
    fn sharing_bars_related_links_and_comments_marked_by_class_are_dropped() {
        let html = r#"<html><body><article><h1>Head</h1><p>First paragraph of the story.</p>
            <div class="article__share-bar"><a>Share on Facebook</a><a>Share on Twitter</a></div>
            <ul class="related-links"><li><a href="/x">Another story</a></li></ul>
            <div class="has-social-icons"><p>Kept: the class only mentions social.</p></div>
            <p>Last paragraph.</p></article>
            <section id="comments"><p>Great article!</p></section></body></html>"#;
        let text = texts(&convert(html)).join("\n");
        assert!(text.contains("First paragraph of the story."), "{text}");
        assert!(text.contains("Kept: the class only mentions social."), "{text}");
        assert!(text.contains("Last paragraph."), "{text}");
        for junk in ["Share on", "Another story", "Great article"] {
            assert!(!text.contains(junk), "{junk} in {text}");
        }
    }

    #[test]
    fn hidden_elements_are_cut_and_mined() {
        let html = r#"<div><p>Visible text here.</p>
            <span style="display: none" class="updated">2020-03-04</span>
            <div style="display:none" class="vcard author"><strong class="fn"><a href="/a">Jane Roe</a></strong></div>
            <p hidden>Secret</p><p>After.</p></div>"#;
        let doc = convert(html);
        assert_eq!(texts(&doc), ["Visible text here.", "After."]);
        assert_eq!(doc.meta.hidden_author.as_deref(), Some("Jane Roe"));
        assert_eq!(doc.meta.hidden_dates, ["2020-03-04"]);
    }

    #[test]
    fn links_beside_the_text_without_markers() {
        let doc = convert(r#"<p>He <a href="http://x.org/a">said</a> it &amp; left&#8230;</p><img src="i.png" alt="A photo">"#);
        assert_eq!(texts(&doc), ["He said it & left…"]);
        let links: Vec<_> = doc.lines.iter().flat_map(|l| l.links.iter()).collect();
        assert_eq!(links.len(), 1);
        assert_eq!((links[0].text.as_str(), links[0].url.as_str()), ("said", "http://x.org/a"));
    }

    #[test]
    fn no_markers_for_headings_quotes_lists_or_superscripts() {
        let doc = convert("<h2>Heading</h2><blockquote><p>Quoted words.</p></blockquote><ul><li>Item one.</li></ul><p>x<sup>2</sup></p>");
        assert_eq!(texts(&doc), ["Heading", "Quoted words.", "Item one.", "x²"]);
    }

    #[test]
    fn malformed_tag_with_quote_spanning_lines() {
        let html = "<article class=\"a b \n <div class=\"inner\">\n<p>Body.</p></div>";
        assert_eq!(texts(&convert(html)), ["Body."]);
    }

    #[test]
    fn deep_nesting_uses_the_flat_converter() {
        let depth = 60_000;
        let html = format!("{}deep text{}", "<div>".repeat(depth), "</div>".repeat(depth));
        assert_eq!(max_depth(&html), depth);
        assert_eq!(texts(&convert(&html)), ["deep text"]);
        let unclosed = format!("{}<p>x &lt;y&gt; <a href='u'>link</a>", "<span><b>".repeat(depth));
        let doc = convert(&unclosed);
        assert_eq!(texts(&doc), ["x <y> link"]);
        assert_eq!(doc.lines.iter().map(|l| l.links.len()).sum::<usize>(), 1);
    }

    #[test]
    fn large_documents_use_the_flat_converter_with_the_same_result() {
        let para = "<p>Some <b>bold</b> text with a <a href=\"https://l.example\">link</a> &amp; more.</p>\n";
        let big = para.repeat(MAX_BYTES_FOR_HTML2TEXT / para.len() + 1);
        let small_doc = convert(&para.repeat(3));
        let big_doc = convert(&big);
        assert_eq!(texts(&small_doc)[0], "Some bold text with a link & more.");
        assert_eq!(texts(&big_doc)[0], texts(&small_doc)[0]);
        assert_eq!(big_doc.lines.iter().filter(|l| !l.links.is_empty()).count(), big.matches("<p>").count());
    }

    #[test]
    fn stray_closing_tags_over_a_deep_stack_are_ignored() {
        let html = format!("{}<p>text</p>{}", "<div>".repeat(20_000), "</span>".repeat(20_000));
        assert_eq!(max_depth(&html), 20_001);
        assert_eq!(texts(&convert(&html)), ["text"]);
    }

    #[test]
    fn html2text_handles_the_depth_limit_in_a_small_stack() {
        let d = MAX_DEPTH_FOR_HTML2TEXT;
        let html = format!("{}x{}", "<div><span>".repeat(d / 2), "</span></div>".repeat(d / 2));
        let out = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || texts(&convert(&html)).join("|"))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(out, "x");
    }

    #[test]
    fn the_article_element_is_the_story() {
        let story = "<p>The real story text is here, long enough to matter for this test. </p>".repeat(8);
        let html = format!(
            "<html><body><header><h1>Big news</h1><p>Site tagline</p></header>\
             <div class=\"menu\"><p>Home</p><p>World</p></div>\
             <article><h1>Big news</h1>{story}<aside><p>Related: other</p></aside></article>\
             <article><p>Short teaser</p></article><footer><p>Privacy policy</p></footer></body></html>"
        );
        let doc = convert(&html);
        let t = texts(&doc);
        assert_eq!(t[0], "Big news");
        assert_eq!(t.len(), 9, "{t:?}");
        assert_eq!(doc.meta.title.as_deref(), Some("Big news"));
    }

    #[test]
    fn meta_tags_and_permalink() {
        let html = r#"<html><head><title>T &amp; U</title><meta name="author" content="A. Writer">
            <meta property="article:published_time" content="2019-01-02T10:00:00Z"></head>
            <body><p>Text.</p><a href="https://site/x/#comments">2 Comments</a></body></html>"#;
        let doc = convert(html);
        assert_eq!(doc.meta.title.as_deref(), Some("T & U"));
        assert_eq!(doc.meta.author.as_deref(), Some("A. Writer"));
        assert_eq!(doc.meta.dates[0], "2019-01-02T10:00:00Z");
        assert_eq!(doc.meta.url.as_deref(), Some("https://site/x/"));
        assert!(!texts(&doc).contains(&"T & U"));
    }
}
