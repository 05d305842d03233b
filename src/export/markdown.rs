//! Markdown export: one section per article with its citation line, then each highlight
//! as a blockquote closed by its attribution (speaker, title, outlet, author, date,
//! URL or path), followed by the note and tag.

use super::{Source, clean, clipboard::attribution_text, grouped, index};
use crate::model::{Article, Highlight};

pub fn render(highlights: &[Highlight], articles: &[Article]) -> String {
    let by_id = index(articles);
    let mut out = String::from("# Highlights\n");
    if highlights.is_empty() {
        out.push_str("\nNo highlights.\n");
        return out;
    }
    for (article_id, hs) in grouped(highlights, articles) {
        let article = by_id.get(article_id.as_str()).copied();
        let source = Source::of(&article_id, article);
        out.push_str(&format!("\n## {}\n\n", inline(&source.title)));
        let mut facts: Vec<String> = Vec::new();
        if let Some(o) = &source.outlet {
            facts.push(format!("*{}*", inline(o)));
        }
        for f in [&source.author, &source.date].into_iter().flatten() {
            facts.push(inline(f));
        }
        if let Some(u) = &source.url {
            facts.push(autolink(u));
        }
        if let Some(p) = &source.path {
            facts.push(code(p));
        }
        if article.is_none() {
            facts.push(format!("article `{}` not in the corpus", clean(&article_id).replace('`', "'")));
        }
        out.push_str(&facts.join(" · "));
        out.push('\n');
        for h in hs {
            out.push('\n');
            blockquote(&mut out, h, &source);
            // A bilingual highlight's second text, cited from its own article.
            if let Some(c) = h.counterpart_highlight() {
                let other = Source::of(&c.passage.article, by_id.get(c.passage.article.as_str()).copied());
                out.push('\n');
                blockquote(&mut out, &c, &other);
            }
            let mut extra: Vec<String> = Vec::new();
            if let Some(n) = &h.note {
                extra.push(format!("**Note:** {}", inline(n)));
            }
            if let Some(t) = &h.tag {
                extra.push(format!("**Tag:** {}", inline(t)));
            }
            if h.passage.orphaned {
                extra.push("**Orphaned:** no longer found in the current article text".into());
            }
            extra.push(format!("*highlight {} · {}*", h.id, inline(&h.created)));
            out.push('\n');
            out.push_str(&extra.join("  \n"));
            out.push('\n');
        }
    }
    out
}

/// The highlight's text as a blockquote closed by its attribution and link.
fn blockquote(out: &mut String, h: &Highlight, source: &Source) {
    for line in clean(&h.passage.text).lines() {
        out.push('>');
        if !line.trim().is_empty() {
            out.push(' ');
            out.push_str(&block_line(line.trim()));
        }
        out.push('\n');
    }
    out.push_str(">\n> — ");
    out.push_str(&inline(&attribution_text(h.speaker.as_deref(), source)));
    if let Some(link) = locator(source) {
        out.push(' ');
        out.push_str(&link);
    }
    out.push('\n');
}

/// The URL as an autolink, else the path as code.
fn locator(source: &Source) -> Option<String> {
    match (&source.url, &source.path) {
        (Some(u), _) => Some(autolink(u)),
        (None, Some(p)) => Some(code(p)),
        (None, None) => None,
    }
}

fn autolink(url: &str) -> String {
    format!("<{}>", clean(url).replace(['<', '>', ' ', '\n'], ""))
}

fn code(s: &str) -> String {
    format!("`{}`", clean(s).replace('`', "'").replace('\n', " "))
}

/// Escape characters that Markdown would read as formatting or HTML, and fold newlines
/// (notes, titles) so one value stays on one line.
fn inline(s: &str) -> String {
    let s = clean(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// One line of quoted text: inline escapes, plus a line that would start a list.
fn block_line(line: &str) -> String {
    let escaped = inline(line);
    let starts_list = escaped.starts_with(['-', '+'])
        || escaped.split_once(". ").is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if starts_list { format!("\\{escaped}") } else { escaped }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testdata;

    #[test]
    fn groups_by_article_with_citations() {
        let a = testdata::article();
        let h1 = testdata::highlight(&a, "we will act now", 7);
        let h2 = Highlight { note: None, tag: None, ..testdata::highlight(&a, "Opening paragraph", 8) };
        let mut lost = Highlight { speaker: None, ..testdata::highlight(&a, "reporters", 9) };
        lost.passage.article = "gone".into();
        let md = render(&[h1, h2, lost], std::slice::from_ref(&a));
        let art1 = md.find("## A \\*bold\\* title").unwrap();
        let gone = md.find("## gone").unwrap();
        assert!(art1 < gone);
        // Reading order inside an article: the opening paragraph first.
        assert!(md.find("> Opening paragraph").unwrap() < md.find("> we will act now").unwrap());
        assert!(md.contains(
            "> — The minister, in Jane Doe, “A \\*bold\\* title”, The Daily, 2024-03-01. <https://example.org/a>\n"
        ));
        assert!(md.contains("*The Daily* · Jane Doe · 2024-03-01 · <https://example.org/a> · `news/art1.html`"));
        assert!(md.contains("**Note:** check, \"quoted\"  \n**Tag:** policy"));
        assert!(md.contains("article `gone` not in the corpus"));
    }

    #[test]
    fn escapes_structure_and_controls() {
        assert_eq!(block_line("- not a list"), "\\- not a list");
        assert_eq!(block_line("12. not a list"), "\\12. not a list");
        assert_eq!(inline("# <b>x</b>\x1b[31m"), "\\# \\<b\\>x\\</b\\>");
        assert_eq!(render(&[], &[]), "# Highlights\n\nNo highlights.\n");
    }
}
