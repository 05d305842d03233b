//! `diglot triage`: read, starred and archived, as the reader keeps them, for scripts.

use super::highlights::{open_store, open_store_for_reading};
use super::{CliError, Context, ListFormat};
use crate::sanitize::to_json;
use crate::model::Triage;
use crate::sanitize::line;
use serde::Serialize;

/// What to change on each named article; `None` leaves a flag as it is.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TriageChange {
    pub read: Option<bool>,
    pub starred: Option<bool>,
    pub archived: Option<bool>,
}

impl TriageChange {
    fn is_empty(&self) -> bool {
        *self == TriageChange::default()
    }

    fn apply(&self, t: &mut Triage) {
        t.read = self.read.unwrap_or(t.read);
        t.starred = self.starred.unwrap_or(t.starred);
        t.archived = self.archived.unwrap_or(t.archived);
    }
}

#[derive(Serialize)]
struct Entry<'a> {
    id: &'a str,
    title: Option<&'a str>,
    read: bool,
    starred: bool,
    archived: bool,
}

/// Show (and, with flags, first change) the triage state of the named articles, or of
/// every article when none is named.
pub fn triage(ctx: &Context, ids: &[String], change: TriageChange, format: ListFormat) -> Result<String, CliError> {
    let articles: Vec<&crate::model::Article> = if ids.is_empty() {
        if !change.is_empty() {
            return Err(CliError("name the articles to change (diglot triage ID … --read)".into()));
        }
        ctx.corpus.articles.iter().collect()
    } else {
        ids.iter()
            .map(|id| {
                ctx.corpus.get(id).ok_or_else(|| {
                    CliError(format!("{}: no article with that id in the corpus", line(id)))
                })
            })
            .collect::<Result<_, _>>()?
    };
    let states = if change.is_empty() {
        let store = open_store_for_reading(ctx)?;
        store.all_triage()?
    } else {
        let store = open_store(ctx)?;
        let mut states = store.all_triage()?;
        for a in &articles {
            let t = states.entry(a.id.clone()).or_default();
            change.apply(t);
            store.set_triage(&a.id, *t)?;
        }
        states
    };
    let entries: Vec<Entry> = articles
        .iter()
        .map(|a| {
            let t = states.get(&a.id).copied().unwrap_or_default();
            Entry { id: &a.id, title: a.meta.title.as_deref(), read: t.read, starred: t.starred, archived: t.archived }
        })
        .collect();
    Ok(match format {
        ListFormat::Json => to_json(&entries),
        ListFormat::Table => {
            let mut out = String::new();
            for e in &entries {
                let flag = |on: bool, c: char| if on { c } else { '-' };
                out.push_str(&format!(
                    "{}{}{}  {:<22} {}\n",
                    flag(e.read, 'r'),
                    flag(e.starred, '*'),
                    flag(e.archived, 'a'),
                    line(e.id),
                    line(e.title.unwrap_or("-"))
                ));
            }
            out
        }
    })
}
