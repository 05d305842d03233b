//! `/` in the article list: find an article by its title and metadata first (as mutt's
//! `/` searches the index), then by its text; `n` / `N` step through the matches.

use super::{App, Focus};

impl App {
    /// The articles of the list matching `query` (every word, ignoring case), in list
    /// order: those whose id, title, outlet or author match come first, then those that
    /// match only in their text.
    pub(super) fn list_matches(&self, query: &str) -> Vec<usize> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let in_metadata = |row: usize| {
            let a = &self.articles[self.reader.visible[row]];
            let m = &a.meta;
            let meta = [Some(a.id.as_str()), m.title.as_deref(), m.source.as_deref(), m.author.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("\n")
                .to_lowercase();
            words.iter().all(|w| meta.contains(w.as_str()))
        };
        let (mut first, mut then) = (Vec::new(), Vec::new());
        for row in 0..self.reader.visible.len() {
            if in_metadata(row) {
                first.push(row);
            } else if self.haystack_contains(self.reader.visible[row], &words) {
                then.push(row);
            }
        }
        first.extend(then);
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
        self.select_row(matches[next]);
        self.status = Some(format!("article {}/{} matching {:?}", next + 1, matches.len(), self.reader.list_query));
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
