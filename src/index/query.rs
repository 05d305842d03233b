//! The filter language, shared by the reader's `f` filter and `diglot search`.
//!
//! Words are looked for in the text; `"several words"` is a phrase; `word*` a prefix.
//! `lang:xx`, `unread`, `read`, `starred` (`star`) and `archived` (`archive`) restrict
//! by language and triage state instead.

/// One text term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    Word(String),
    /// `word*`: any word starting with it.
    Prefix(String),
    /// `"several words"` in that order.
    Phrase(String),
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
    pub lang: Option<String>,
    pub unread: bool,
    pub read: bool,
    pub starred: bool,
    /// Only archived articles (without it, archived ones are left out).
    pub archived: bool,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let mut q = Query::default();
        let mut rest = text.trim_start();
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('"') {
                // An unclosed quote runs to the end (the user is still typing it).
                let end = after.find('"').unwrap_or(after.len());
                q.push(Term::Phrase(after[..end].to_lowercase()));
                rest = after.get(end + 1..).unwrap_or("");
            } else {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                q.word(&rest[..end]);
                rest = &rest[end..];
            }
            rest = rest.trim_start();
        }
        q
    }

    fn word(&mut self, word: &str) {
        let lower = word.to_lowercase();
        match lower.as_str() {
            "unread" => self.unread = true,
            "read" => self.read = true,
            "starred" | "star" => self.starred = true,
            "archived" | "archive" => self.archived = true,
            _ => match lower.strip_prefix("lang:") {
                Some(lang) => self.lang = Some(lang.to_string()),
                None => match lower.strip_suffix('*') {
                    Some(prefix) => self.push(Term::Prefix(prefix.to_string())),
                    None => self.push(Term::Word(lower)),
                },
            },
        }
    }

    /// Terms with nothing to look for (only punctuation) are left out.
    fn push(&mut self, term: Term) {
        let (Term::Word(s) | Term::Prefix(s) | Term::Phrase(s)) = &term;
        if s.chars().any(char::is_alphanumeric) {
            self.terms.push(term);
        }
    }

    /// The text terms as an FTS5 query (all must match), `None` when there are none.
    /// Every term is quoted, so nothing the user types is read as FTS5 syntax.
    pub fn fts(&self) -> Option<String> {
        let quoted = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let parts: Vec<String> = self
            .terms
            .iter()
            .map(|t| match t {
                Term::Word(s) | Term::Phrase(s) => quoted(s),
                Term::Prefix(s) => format!("{}*", quoted(s)),
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }

    /// Whether an article of language `lang` with this triage state passes the
    /// non-text part of the query.
    pub fn admits(&self, lang: Option<&str>, read: bool, starred: bool, archived: bool) -> bool {
        let lang_ok = self.lang.as_deref().is_none_or(|want| lang.is_some_and(|l| l.eq_ignore_ascii_case(want)));
        let triage_ok = (!self.unread || !read) && (!self.read || read) && (!self.starred || starred);
        lang_ok && triage_ok && self.archived == archived
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_phrases_prefixes_and_restrictions() {
        let q = Query::parse(r#"lang:FR Europol "saisie record" opéra* unread star"#);
        assert_eq!(q.lang.as_deref(), Some("fr"));
        assert!(q.unread && q.starred && !q.read && !q.archived);
        assert_eq!(
            q.terms,
            vec![Term::Word("europol".into()), Term::Phrase("saisie record".into()), Term::Prefix("opéra".into())]
        );
        assert_eq!(q.fts().as_deref(), Some(r#""europol" "saisie record" "opéra"*"#));
    }

    #[test]
    fn nothing_typed_is_read_as_fts_syntax() {
        let q = Query::parse(r#"a"b OR NEAR( -- ^x "unclosed phrase"#);
        assert_eq!(q.fts().as_deref(), Some(r#""a""b" "or" "near(" "^x" "unclosed phrase""#));
        assert_eq!(Query::parse("-- * !!").fts(), None);
    }

    #[test]
    fn restrictions_without_words() {
        let q = Query::parse("archived lang:en");
        assert!(q.fts().is_none());
        assert!(q.admits(Some("EN"), false, false, true));
        assert!(!q.admits(Some("en"), false, false, false), "only archived ones");
        assert!(!q.admits(None, false, false, true), "unknown language is not en");
        let unread = Query::parse("unread");
        assert!(unread.admits(None, false, false, false) && !unread.admits(None, true, false, false));
    }
}
