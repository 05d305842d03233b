//! `diglot list` and `diglot show`.

use super::{CliError, Context, ListFormat, TextFormat, to_json};
use crate::model::Article;
use serde::Serialize;

#[derive(Serialize)]
struct ListEntry<'a> {
    id: &'a str,
    title: Option<&'a str>,
    language: Option<&'a str>,
    source: Option<&'a str>,
    author: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    path: &'a str,
    words: usize,
}

fn entry(a: &Article) -> ListEntry<'_> {
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
        ListFormat::Table => {
            let mut out = String::new();
            for a in articles {
                out.push_str(&format!(
                    "{:<22} {:<3} {:<10} {:<18} {}\n",
                    a.id,
                    a.meta.language.as_deref().unwrap_or("?"),
                    a.meta.date.as_deref().unwrap_or("-"),
                    a.meta.author.as_deref().unwrap_or("-"),
                    a.display_title()
                ));
            }
            out
        }
    })
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
            let mut out = format!("{}\n", a.display_title());
            for (label, v) in [
                ("Author", &m.author),
                ("Date", &m.date),
                ("Source", &m.source),
                ("URL", &m.url),
                ("Language", &m.language),
            ] {
                if let Some(v) = v {
                    out.push_str(&format!("{label}: {v}\n"));
                }
            }
            if let Some(enc) = m.encoding.as_deref().filter(|e| *e != "UTF-8") {
                out.push_str(&format!("Encoding: {enc}\n"));
            }
            for w in &m.warnings {
                out.push_str(&format!("Warning: {w}\n"));
            }
            out.push('\n');
            out.push_str(&a.text);
            out.push('\n');
            if !a.links.is_empty() {
                out.push_str("\nLinks:\n");
                for l in &a.links {
                    out.push_str(&format!("  {} <{}>\n", l.text, l.url));
                }
            }
            out
        }
    })
}
