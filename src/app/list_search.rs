//! The list's filter `f` (which rows are listed) and `/` in the article list (find an
//! article by its title and metadata first, as mutt's `/` searches the index, then by
//! its text; `n` / `N` step through the matches). Both answer a keystroke from the
//! catalog's lower-cased metadata (refined as the query narrows) and the full-text
//! index's answer, without going over every row's text.

use super::{App, Filter, Focus};

impl App {
    /// The slots of the rows passing `filter`, in slot order: with words, those whose
    /// id, title, outlet or author hold them all, and those the full-text index found
    /// (once it has answered); then the language and triage restrictions.
    pub(super) fn passing(&self, filter: &Filter) -> Vec<usize> {
        let admitted = |row: &super::catalog::Row| filter.admits(row, self.triage(&row.id));
        if filter.words.is_empty() {
            return self.catalog.rows().filter(|(_, row)| admitted(row)).map(|(slot, _)| slot).collect();
        }
        let mut candidates = self.catalog.word_matches(&filter.words);
        if let Some(hits) = filter.query.fts().and_then(|fts| self.text_matches(&fts)) {
            candidates.extend(hits);
            candidates.sort_unstable();
            candidates.dedup();
        }
        candidates.retain(|&slot| self.catalog.row(slot).is_some_and(admitted));
        candidates
    }

    /// The rows of the list matching `query` (every word, ignoring case): those whose
    /// id, title, outlet or author match first, in list order, then those that match
    /// only in their text, best first (from the full-text index, accents ignored; on a
    /// large folder they follow a moment later, when the index answers).
    pub(super) fn list_matches(&self, query: &str) -> Vec<usize> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let visible = &self.reader.visible;
        let mut in_metadata = vec![false; self.catalog.slots()];
        for slot in self.catalog.word_matches(&words) {
            in_metadata[slot] = true;
        }
        let mut found: Vec<usize> = (0..visible.len()).filter(|&row| in_metadata.get(visible[row]) == Some(&true)).collect();
        let in_text = crate::index::query::Query::parse(query).fts().and_then(|fts| self.text_matches(&fts)).unwrap_or_default();
        if !in_text.is_empty() {
            let mut row_of = vec![usize::MAX; self.catalog.slots()];
            for (row, &slot) in visible.iter().enumerate() {
                row_of[slot] = row;
            }
            let only_in_text = in_text.iter().filter(|&&slot| in_metadata.get(slot) == Some(&false));
            found.extend(only_in_text.filter_map(|&slot| row_of.get(slot).copied().filter(|&row| row != usize::MAX)));
        }
        found
    }

    /// While typing: select the first match (from where the search started).
    pub(super) fn live_list_search(&mut self, query: &str) {
        self.reader.list_query = query.to_string();
        let origin = *self.reader.list_search_origin.get_or_insert(self.reader.list_selected);
        match self.list_matches(query).first() {
            Some(&row) => self.select_row(row),
            None => self.select_row(origin),
        }
    }

    /// Enter: keep the selection, say how many match.
    pub(super) fn submit_list_search(&mut self) {
        self.reader.list_search_origin = None;
        let matches = self.list_matches(&self.reader.list_query);
        self.status = Some(match matches.iter().position(|&r| r == self.reader.list_selected) {
            Some(i) => format!("article {}/{} matching {:?} — n next, N previous", i + 1, matches.len(), self.reader.list_query),
            None => format!("no article matches {:?}", self.reader.list_query),
        });
    }

    /// Esc: back to the article selected before `/`.
    pub(super) fn cancel_list_search(&mut self) {
        self.reader.list_query.clear();
        if let Some(origin) = self.reader.list_search_origin.take() {
            self.select_row(origin);
        }
    }

    /// `n` / `N` in the list with a list search active. False when there is none.
    pub(super) fn step_list_search(&mut self, delta: isize) -> bool {
        if self.reader.focus != Focus::List || self.reader.list_query.is_empty() {
            return false;
        }
        let matches = self.list_matches(&self.reader.list_query);
        if matches.is_empty() {
            self.status = Some(format!("no article matches {:?}", self.reader.list_query));
            return true;
        }
        let at = matches.iter().position(|&r| r == self.reader.list_selected);
        let next = match at {
            Some(i) => (i as isize + delta).rem_euclid(matches.len() as isize) as usize,
            None => 0,
        };
        // Said as the body's search says it: going round the end is no surprise.
        let wrapped = at.is_some_and(|i| (delta > 0 && next < i) || (delta < 0 && next > i));
        self.select_row(matches[next]);
        self.status = Some(format!(
            "article {}/{} matching {:?}{}",
            next + 1,
            matches.len(),
            self.reader.list_query,
            if wrapped { " (wrapped)" } else { "" }
        ));
        true
    }

    fn select_row(&mut self, row: usize) {
        let before = self.current_index();
        self.reader.list_selected = row.min(self.reader.visible.len().saturating_sub(1));
        if self.current_index() != before {
            self.article_changed();
        }
        self.clamp_scrolls();
    }
}
