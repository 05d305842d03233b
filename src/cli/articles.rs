//! `diglot list` and `diglot show`.

use super::{CliError, Context, ListFormat, TextFormat};
use crate::sanitize::to_json;
use crate::model::Article;
use crate::sanitize::line;
use serde::Serialize;

#[derive(Serialize)]
pub(super) struct ListEntry<'a> {
    pub(super) id: &'a str,
    pub(super) title: Option<&'a str>,
    pub(super) language: Option<&'a str>,
    pub(super) source: Option<&'a str>,
    pub(super) author: Option<&'a str>,
    pub(super) date: Option<&'a str>,
    pub(super) url: Option<&'a str>,
    pub(super) path: &'a str,
    pub(super) words: usize,
}

pub(super) fn entry(a: &Article) -> ListEntry<'_> {
    ListEntry {
        id: &a.id,
        title: a.meta.title.as_deref(),
        language: a.meta.language.as_deref(),
        source: a.meta.source.as_deref(),
        author: a.meta.author.as_deref(),
        date: a.meta.date.as_deref(),
        url: a.meta.url.as_deref(),
        path: &a.path,
        words: a.meta.words,
    }
}

pub fn list(ctx: &Context, format: ListFormat) -> Result<String, CliError> {
    let articles = &ctx.corpus.articles;
    Ok(match format {
        ListFormat::Json => to_json(&articles.iter().map(entry).collect::<Vec<_>>()),
        ListFormat::Table => list_table(articles),
    })
}

/// The table: a header row, then one row per article. The id column is as wide as the
/// longest id; outlet and author are cut to a column's width so titles line up.
fn list_table(articles: &[Article]) -> String {
    let id_width = articles.iter().map(|a| line(&a.id).chars().count()).max().unwrap_or(0).max(2);
    let cut = |s: Option<&str>, width: usize| -> String {
        let s = line(s.unwrap_or("-"));
        if s.chars().count() <= width { s.to_string() } else { format!("{}…", s.chars().take(width - 1).collect::<String>()) }
    };
    let mut out = format!("{:<id_width$} {:<4} {:<10} {:<16} {:<18} {}\n", "ID", "LANG", "DATE", "OUTLET", "AUTHOR", "TITLE");
    for a in articles {
        out.push_str(&format!(
            "{:<id_width$} {:<4} {:<10} {:<16} {:<18} {}\n",
            line(&a.id),
            line(a.meta.language.as_deref().unwrap_or("?")),
            line(a.meta.date.as_deref().unwrap_or("-")),
            cut(a.meta.source.as_deref(), 16),
            cut(a.meta.author.as_deref(), 18),
            line(a.display_title())
        ));
    }
    out
}

#[derive(Serialize)]
struct ShowParagraph<'a> {
    text: &'a str,
    language: Option<&'a str>,
    sentences: Vec<&'a str>,
    /// Only for text that is not the body: "caption", "byline", "dateline".
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<crate::model::Role>,
}

#[derive(Serialize)]
struct ShowArticle<'a> {
    #[serde(flatten)]
    entry: ListEntry<'a>,
    encoding: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    warnings: &'a [String],
    paragraphs: Vec<ShowParagraph<'a>>,
    links: &'a [crate::model::Link],
}

pub fn show(ctx: &Context, id_or_path: &str, format: TextFormat) -> Result<String, CliError> {
    let a = ctx.resolve(id_or_path)?;
    Ok(match format {
        TextFormat::Json => {
            let paragraphs = a
                .paragraphs
                .iter()
                .map(|p| ShowParagraph {
                    text: a.slice(&p.range),
                    language: p.language.as_deref(),
                    sentences: p.sentences.iter().map(|s| a.slice(&s.range)).collect(),
                    role: p.role,
                })
                .collect();
            to_json(&ShowArticle {
                entry: entry(&a),
                encoding: a.meta.encoding.as_deref(),
                warnings: &a.meta.warnings,
                paragraphs,
                links: &a.links,
            })
        }
        TextFormat::Text => {
            let m = &a.meta;
            let mut out = format!("{}\n", line(a.display_title()));
            for (label, v) in [
                ("Author", &m.author),
                ("Date", &m.date),
                ("Source", &m.source),
                ("URL", &m.url),
                ("Language", &m.language),
            ] {
                if let Some(v) = v {
                    out.push_str(&format!("{label}: {}\n", line(v)));
                }
            }
            if let Some(enc) = m.encoding.as_deref().filter(|e| *e != "UTF-8") {
                out.push_str(&format!("Encoding: {}\n", line(enc)));
            }
            for w in &m.warnings {
                out.push_str(&format!("Warning: {}\n", line(w)));
            }
            out.push('\n');
            out.push_str(&a.text);
            out.push('\n');
            if !a.links.is_empty() {
                out.push_str("\nLinks:\n");
                for l in &a.links {
                    out.push_str(&format!("  {} <{}>\n", line(&l.text), line(&l.url)));
                }
            }
            out
        }
    })
}
