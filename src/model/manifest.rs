//! `corpus.toml`: what a file cannot say for itself (outlet, URL, pinned pairs).
//! Everything a file does say is read from the file; the manifest only fills gaps.

use super::Article;
use serde::Deserialize;

/// A `corpus.toml` that is not valid TOML at all (one bad entry only skips that entry).
#[derive(Debug, thiserror::Error)]
#[error("invalid corpus.toml: {0}")]
pub struct ManifestError(#[source] toml::de::Error);

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Manifest {
    pub articles: Vec<ArticleEntry>,
    pub pairs: Vec<PinnedPair>,
    /// Entries and keys left out, each with its reason ("[[article]] 2 (id = 5): …"):
    /// one bad entry costs that entry, never the rest of the manifest.
    pub skipped: Vec<String>,
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
    /// Parse a manifest leniently: the TOML must be valid, but each `[[article]]` and
    /// `[[pair]]` entry is read on its own and a bad one (wrong type, missing or unknown
    /// field) is listed in [`Manifest::skipped`] while the others are kept.
    pub fn parse(s: &str) -> Result<Manifest, ManifestError> {
        let table: toml::Table = toml::from_str(s).map_err(ManifestError)?;
        let mut manifest = Manifest::default();
        for (key, value) in table {
            match key.as_str() {
                "article" => manifest.articles = entries(&key, value, &mut manifest.skipped),
                "pair" => manifest.pairs = entries(&key, value, &mut manifest.skipped),
                _ => manifest.skipped.push(format!("unknown key `{key}` ignored (known: [[article]], [[pair]])")),
            }
        }
        Ok(manifest)
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

/// The entries of the array of tables `key`, each deserialised on its own; the ones that
/// fail are described in `skipped`.
fn entries<T: serde::de::DeserializeOwned>(key: &str, value: toml::Value, skipped: &mut Vec<String>) -> Vec<T> {
    let toml::Value::Array(items) = value else {
        skipped.push(format!("`{key}` ignored: expected [[{key}]] entries, found a {}", value.type_str()));
        return Vec::new();
    };
    let mut kept = Vec::with_capacity(items.len());
    for (n, item) in items.into_iter().enumerate() {
        let label = entry_label(key, n, &item);
        match T::deserialize(item) {
            Ok(entry) => kept.push(entry),
            Err(e) => skipped.push(format!("{label} skipped: {}", e.message())),
        }
    }
    kept
}

/// "[[article]] 2 (id = 5)": the entry's position from 1 and its id when it has one.
fn entry_label(key: &str, index: usize, item: &toml::Value) -> String {
    let id = ["id", "left"].into_iter().find_map(|name| Some((name, item.get(name)?))).map(|(name, v)| {
        // Values are untrusted: bounded and, like every message, sanitised when shown.
        let shown: String = v.to_string().chars().take(60).collect();
        format!(" ({name} = {shown})")
    });
    format!("[[{key}]] {}{}", index + 1, id.unwrap_or_default())
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
        assert!(Manifest::parse("[[article]]\nid = \"x\n").is_err());
    }

    #[test]
    fn a_bad_entry_is_skipped_with_its_reason_and_the_others_kept() {
        let m = Manifest::parse(
            "extra = 1\n[[article]]\nid = 5\noutlet = \"A\"\n\
             [[article]]\nid = \"good\"\noutlet = \"Wire\"\n\
             [[article]]\nid = \"x\"\nbogus = 1\n\
             [[article]]\noutlet = \"no id\"\n\
             [[pair]]\nleft = \"a\"\n\
             [[pair]]\nleft = \"a\"\nright = \"b\"\n",
        )
        .unwrap();
        assert_eq!(m.articles.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["good"]);
        assert_eq!(m.pairs, [PinnedPair { left: "a".into(), right: "b".into() }]);
        let skipped = m.skipped.join("\n");
        assert!(skipped.contains("[[article]] 1 (id = 5) skipped: invalid type: integer `5`, expected a string"), "{skipped}");
        assert!(skipped.contains("[[article]] 3 (id = \"x\") skipped: unknown field `bogus`"), "{skipped}");
        assert!(skipped.contains("[[article]] 4 skipped: missing field `id`"), "{skipped}");
        assert!(skipped.contains("[[pair]] 1 (left = \"a\") skipped: missing field `right`"), "{skipped}");
        assert!(skipped.contains("unknown key `extra`"), "{skipped}");
        assert_eq!(m.skipped.len(), 5);
    }
}
