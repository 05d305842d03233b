//! `/` in the article list: find an article by its title and metadata first (as mutt's
//! `/` searches the index), then by its text; `n` / `N` step through the matches.

use super::{App, Focus};

impl App {
    /// The rows of the list matching `query` (every word, ignoring case): those whose
    /// id, title, outlet or author match first, in list order, then those that match
    /// only in their text, best first (from the full-text index, accents ignored; on a
    /// large folder they follow a moment later, when the index answers).
    pub(super) fn list_matches(&self, query: &str) -> Vec<usize> {
        let parsed = crate::index::query::Query::parse(query);
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let row_of: std::collections::HashMap<usize, usize> =
            self.reader.visible.iter().enumerate().map(|(row, &slot)| (slot, row)).collect();
        let mut first: Vec<usize> = (0..self.reader.visible.len())
            .filter(|&row| self.row(self.reader.visible[row]).is_some_and(|r| super::metadata_contains(r, &words)))
            .collect();
        let in_metadata: std::collections::HashSet<usize> = first.iter().copied().collect();
        let in_text = parsed.fts().and_then(|fts| self.text_matches(&fts)).unwrap_or_default();
        first.extend(in_text.iter().filter_map(|slot| row_of.get(slot)).filter(|row| !in_metadata.contains(row)));
        first
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
