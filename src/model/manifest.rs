//! `corpus.toml`: what a file cannot say for itself (outlet, URL, pinned pairs).
//! Everything a file does say is read from the file; the manifest only fills gaps.

use super::Article;
use serde::Deserialize;

/// A `corpus.toml` that is not valid TOML or holds a field diglot does not know.
#[derive(Debug, thiserror::Error)]
#[error("invalid corpus.toml: {0}")]
pub struct ManifestError(#[source] toml::de::Error);

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    #[serde(default, rename = "article")]
    pub articles: Vec<ArticleEntry>,
    #[serde(default, rename = "pair")]
    pub pairs: Vec<PinnedPair>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ArticleEntry {
    pub id: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    /// Free text on how a field was inferred ("outlet inferred from page furniture").
    pub note: Option<String>,
}

/// Two articles the curator declares to be counterparts.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PinnedPair {
    pub left: String,
    pub right: String,
}

impl Manifest {
    pub fn parse(s: &str) -> Result<Manifest, ManifestError> {
        toml::from_str(s).map_err(ManifestError)
    }

    /// Fill metadata the files left unknown. Never overrides what a file says.
    pub fn apply(&self, articles: &mut [Article]) {
        for entry in &self.articles {
            let Some(a) = articles.iter_mut().find(|a| a.id == entry.id) else { continue };
            let m = &mut a.meta;
            if m.source.is_none() {
                m.source = entry.outlet.clone();
            }
            if m.url.is_none() {
                m.url = entry.url.clone();
            }
            if m.author.is_none() {
                m.author = entry.author.clone();
            }
            if m.date.is_none() {
                m.date = entry.date.clone();
            }
        }
    }

    /// The pinned counterpart of `id`, either way round.
    pub fn counterpart(&self, id: &str) -> Option<&str> {
        self.pairs.iter().find_map(|p| {
            if p.left == id {
                Some(p.right.as_str())
            } else if p.right == id {
                Some(p.left.as_str())
            } else {
                None
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Metadata;

    fn article(id: &str) -> Article {
        Article {
            id: id.into(),
            path: String::new(),
            meta: Metadata::default(),
            text: "Some text here.".into(),
            paragraphs: Vec::new(),
            links: Vec::new(),
        }
    }

    #[test]
    fn fills_gaps_but_never_overrides_the_file() {
        let m = Manifest::parse(
            "[[article]]\nid = \"a\"\noutlet = \"Wire\"\nurl = \"https://m\"\nauthor = \"M\"\n\
             [[pair]]\nleft = \"a\"\nright = \"b\"\n",
        )
        .unwrap();
        let mut a = article("a");
        a.meta.author = Some("From File".into());
        let mut articles = vec![a];
        m.apply(&mut articles);
        let meta = &articles[0].meta;
        assert_eq!(meta.author.as_deref(), Some("From File"));
        assert_eq!((meta.source.as_deref(), meta.url.as_deref()), (Some("Wire"), Some("https://m")));
        assert_eq!(m.counterpart("b"), Some("a"));
        assert!(Manifest::parse("[[article]]\nid = \"x\"\nbogus = 1\n").is_err());
    }
}
