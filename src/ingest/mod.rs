//! Files → decoded → cleaned text + metadata + language → [`Article`].

pub mod lang;
pub mod manifest;

use crate::model::{Article, Link, Metadata, Paragraph, Sentence};
use crate::sanitize::strip_controls;
use crate::text::sentences;
use include_dir::{Dir, include_dir};
use std::path::{Path, PathBuf};

pub use manifest::Manifest;

/// The bundled corpus, compiled into the binary so `diglot` works from any directory.
static BUNDLED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/corpus");

/// File name endings diglot reads from a folder.
pub const EXTENSIONS: [&str; 4] = ["html", "htm", "txt", "md"];

/// A file that could not be loaded, and why. Shown to the user; the rest still loads.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub path: String,
    pub reason: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// A loaded collection of articles plus what could not be loaded.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub errors: Vec<LoadError>,
    pub manifest: Manifest,
}

impl Corpus {
    pub fn get(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.id == id)
    }
}

/// The five articles shipped with diglot.
pub fn bundled() -> Corpus {
    let mut files: Vec<_> = BUNDLED
        .files()
        .filter(|f| has_article_extension(f.path()))
        .collect();
    files.sort_by_key(|f| f.path().to_path_buf());
    let manifest = BUNDLED
        .get_file("corpus.toml")
        .and_then(|f| f.contents_utf8())
        .map(|s| Manifest::parse(s).unwrap_or_default())
        .unwrap_or_default();
    let mut corpus = Corpus { manifest, ..Default::default() };
    for f in files {
        let path = format!("corpus/{}", f.path().display());
        match parse_bytes(&path, f.contents()) {
            Ok(a) => corpus.articles.push(a),
            Err(e) => corpus.errors.push(e),
        }
    }
    corpus.manifest.apply(&mut corpus.articles);
    corpus
}

/// Every readable file in `dir` (not recursive), sorted by name. Files that fail are
/// reported in `errors`; a `corpus.toml` in the folder is read as its manifest.
pub fn load_dir(dir: &Path) -> Result<Corpus, LoadError> {
    let entries = std::fs::read_dir(dir).map_err(|e| LoadError {
        path: dir.display().to_string(),
        reason: format!("cannot read folder: {e}"),
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && has_article_extension(p))
        .collect();
    paths.sort();
    let mut corpus = Corpus::default();
    let manifest_path = dir.join("corpus.toml");
    if manifest_path.is_file() {
        match std::fs::read_to_string(&manifest_path)
            .map_err(|e| e.to_string())
            .and_then(|s| Manifest::parse(&s))
        {
            Ok(m) => corpus.manifest = m,
            Err(reason) => corpus.errors.push(LoadError {
                path: manifest_path.display().to_string(),
                reason,
            }),
        }
    }
    for p in paths {
        match load_file(&p) {
            Ok(a) => corpus.articles.push(a),
            Err(e) => corpus.errors.push(e),
        }
    }
    corpus.manifest.apply(&mut corpus.articles);
    Ok(corpus)
}

/// Load one file from disk.
pub fn load_file(path: &Path) -> Result<Article, LoadError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| LoadError { path: shown.clone(), reason: e.to_string() })?;
    parse_bytes(&shown, &bytes)
}

fn has_article_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The article id of a path: its file stem.
pub fn id_from_path(path: &str) -> String {
    Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

/// Turn raw file bytes into an article. `path` names the file in messages and becomes
/// the article's `path`; its stem is the id.
pub fn parse_bytes(path: &str, bytes: &[u8]) -> Result<Article, LoadError> {
    let err = |reason: &str| LoadError { path: path.to_string(), reason: reason.to_string() };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(err("empty file"));
    }
    let text = String::from_utf8(bytes.to_vec()).map_err(|_| err("not UTF-8"))?;
    let text = strip_controls(&text);
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    let title = paragraphs.first().cloned();
    let meta = Metadata { title, ..Default::default() };
    Ok(build_article(&id_from_path(path), path, meta, paragraphs, Vec::new()))
}

/// Assemble an article from cleaned paragraphs: join them with blank lines, record byte
/// ranges, split sentences and detect the language of each paragraph and of the whole.
/// `meta.language` and `meta.words` are filled in here when not already set.
pub fn build_article(
    id: &str,
    path: &str,
    mut meta: Metadata,
    paragraphs: Vec<String>,
    links: Vec<Link>,
) -> Article {
    let mut text = String::new();
    let mut paras = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(p);
        let sentences = sentences::split(p, start)
            .into_iter()
            .map(|range| Sentence { range })
            .collect();
        paras.push(Paragraph { range: start..text.len(), language: lang::detect(p), sentences });
    }
    if meta.language.is_none() {
        meta.language = lang::detect(&text);
    }
    // Short paragraphs are hard to detect; fall back to the article's language.
    for p in &mut paras {
        if p.language.is_none() {
            p.language = meta.language.clone();
        }
    }
    meta.words = text.split_whitespace().count();
    let links = locate_links(&text, links);
    Article { id: id.to_string(), path: path.to_string(), meta, text, paragraphs: paras, links }
}

/// Fill in the range of each link whose text can be found, searching forward so that
/// repeated link texts map to successive occurrences.
fn locate_links(text: &str, links: Vec<Link>) -> Vec<Link> {
    let mut from = 0;
    links
        .into_iter()
        .map(|mut l| {
            if l.range.is_none() && !l.text.is_empty() {
                if let Some(i) = text[from..].find(&l.text) {
                    let start = from + i;
                    l.range = Some(start..start + l.text.len());
                    from = start + l.text.len();
                }
            }
            l
        })
        .collect()
}

/// An article from plain text with paragraphs separated by blank lines (tests, tools).
pub fn from_plain_text(id: &str, text: &str) -> Article {
    let paragraphs = text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    build_article(id, id, Metadata::default(), paragraphs, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_article_records_ranges_sentences_and_language() {
        let a = from_plain_text(
            "t",
            "The first paragraph has two sentences. Here is the second one.\n\n\
             Le deuxième paragraphe est écrit en français, comme on peut le voir ici.",
        );
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.paragraphs[0].sentences.len(), 2);
        assert_eq!(a.slice(&a.paragraphs[0].sentences[1].range), "Here is the second one.");
        assert_eq!(a.paragraphs[1].language.as_deref(), Some("fr"));
        assert_eq!(a.paragraph_text(1).chars().next(), Some('L'));
        assert!(a.text.contains("\n\n"));
        assert_eq!(a.meta.words, a.text.split_whitespace().count());
    }

    #[test]
    fn bundled_corpus_loads_five_articles() {
        let c = bundled();
        assert_eq!(c.articles.len(), 5, "errors: {:?}", c.errors);
    }
}
