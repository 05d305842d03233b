//! State of the side-by-side bilingual view: two articles, their sentence alignment, their
//! quotes and the quote pairs, one scroll position for both columns, the focused column,
//! the selected quote and whether the alignment map is shown. No terminal here.
//!
//! The state keeps its own copy of both texts and sentence ranges so it can lay the rows
//! out at any column width by itself: scrolling then needs no article at hand, and the
//! layout of a width is computed once and cached (see [`BilingualLayout`]).

use crate::align::divergence::{Flag, flag_rows};
use crate::align::{AlignRow, Alignment, QuotePair, RowKind};
use crate::model::{Article, Quote};
use crate::view::wrap::wrap;
use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::sync::Arc;

/// Cells between the two columns: the confidence gutter.
pub const GUTTER_WIDTH: usize = 2;

/// Width of the text inside a column: one cell of each column is kept blank next to the
/// gutter so a confidence digit never touches a word (`removed █9 Les`), as long as the
/// column has a cell to spare.
pub fn text_width_for_column(column_width: usize) -> usize {
    if column_width >= 2 { column_width - 1 } else { 1 }
}

/// A column of the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// What the user can do in the bilingual view. The TUI maps keys to these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BilingualAction {
    ScrollDown(usize),
    ScrollUp(usize),
    /// One screen down/up (less one line of overlap).
    PageDown,
    PageUp,
    Top,
    Bottom,
    /// Move focus to the other column (`Tab`). A selected quote follows to its pair.
    ToggleFocus,
    SetFocus(Side),
    /// Select the next/previous quote of the focused column, scrolling it into view.
    NextQuote,
    PrevQuote,
    /// Select quote `index` (into that side's quote list) and focus its column.
    SelectQuote(Side, usize),
    ClearQuote,
    /// Show or hide the alignment map.
    ToggleMap,
    /// Scroll so alignment row `index` is at the top.
    ScrollToRow(usize),
    /// Scroll so the row holding sentence `index` of that side is at the top (open the
    /// view where the reader was).
    ScrollToSentence(Side, usize),
    /// Put the row cursor on the next / previous row with a divergence flag (wrapping)
    /// and scroll it into view.
    NextFlag,
    PrevFlag,
}

/// A sentence of one side: its byte range and whether it opens a paragraph.
#[derive(Debug, Clone, PartialEq)]
struct SentenceInfo {
    range: Range<usize>,
    opens_paragraph: bool,
}

/// One side's text, copied out of its article.
#[derive(Debug, Clone)]
struct SideText {
    text: String,
    sentences: Vec<SentenceInfo>,
}

impl SideText {
    fn from_article(article: &Article) -> SideText {
        let sentences = article
            .paragraphs
            .iter()
            .flat_map(|p| {
                p.sentences.iter().enumerate().map(|(i, s)| SentenceInfo { range: s.range.clone(), opens_paragraph: i == 0 })
            })
            .collect();
        SideText { text: article.text.clone(), sentences }
    }

    /// Byte range covering sentences `range` (empty when the run is empty).
    fn bytes_of(&self, range: &Range<usize>) -> Range<usize> {
        match (self.sentences.get(range.start), range.end.checked_sub(1).and_then(|i| self.sentences.get(i))) {
            (Some(first), Some(last)) if range.start < range.end => first.range.start..last.range.end.max(first.range.start),
            _ => 0..0,
        }
    }

    /// Index of the sentence holding byte `offset` (the last one starting at or before it).
    fn sentence_at(&self, offset: usize) -> Option<usize> {
        let after = self.sentences.partition_point(|s| s.range.start <= offset);
        after.checked_sub(1).or(if self.sentences.is_empty() { None } else { Some(0) })
    }
}

/// Lines of one alignment row at one column width.
#[derive(Debug, Clone, PartialEq)]
pub struct RowLines {
    /// Screen line (from the top of the whole layout) where the row begins, including
    /// its paragraph gap.
    pub start: usize,
    /// 1 when a blank line precedes the row's text because either side opens a paragraph.
    pub gap: usize,
    /// Lines of text, the taller side's count (the shorter side is padded with blanks).
    pub height: usize,
    /// Byte ranges into each side's article text, one per screen line.
    pub left: Vec<Range<usize>>,
    pub right: Vec<Range<usize>>,
}

impl RowLines {
    /// Screen line where the row's text begins: both columns start here.
    pub fn text_start(&self) -> usize {
        self.start + self.gap
    }

    pub fn end(&self) -> usize {
        self.start + self.gap + self.height
    }

    pub fn lines(&self, side: Side) -> &[Range<usize>] {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }
}

/// The rows wrapped at one column width: computed once per width, then scrolling is a
/// binary search.
#[derive(Debug, Clone, PartialEq)]
pub struct BilingualLayout {
    pub column_width: usize,
    /// Width text is wrapped at (see [`text_width_for_column`]).
    pub text_width: usize,
    pub rows: Vec<RowLines>,
    pub total_lines: usize,
}

impl BilingualLayout {
    /// Index of the row that holds screen line `line` (the last row when past the end).
    pub fn row_at_line(&self, line: usize) -> usize {
        self.rows.partition_point(|r| r.start <= line).saturating_sub(1)
    }
}

/// Plain state of the side-by-side view.
#[derive(Debug, Clone)]
pub struct BilingualState {
    pub left_id: String,
    pub right_id: String,
    /// The alignment as shown: every sentence of both sides in exactly one row, in order
    /// (see [`normalize_rows`]).
    pub rows: Vec<AlignRow>,
    pub left_quotes: Vec<Quote>,
    pub right_quotes: Vec<Quote>,
    pub quote_pairs: Vec<QuotePair>,
    /// The divergence flags of each row of `rows` (same order; empty when none).
    pub flags: Vec<Vec<Flag>>,
    /// The row a flag jump landed on; scrolling gives the cursor back to the top row.
    row_cursor: Option<usize>,
    pub focus: Side,
    /// Selected quote: an index into the focused side's quote list.
    pub selected_quote: Option<usize>,
    pub show_map: bool,
    /// Scroll position as (row, line offset inside the row), so it survives a resize.
    scroll_row: usize,
    scroll_offset: usize,
    left: SideText,
    right: SideText,
    /// Row of each sentence, per side.
    left_row_of: Vec<usize>,
    right_row_of: Vec<usize>,
    /// Last size drawn at: (width of the whole view, height of the body in lines).
    viewport: Cell<(usize, usize)>,
    layout_cache: RefCell<Option<Arc<BilingualLayout>>>,
    /// `/` in this view: the query, the column searched and its matches.
    pub search: ViewSearch,
}

/// A search in one column of the side-by-side view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewSearch {
    pub query: String,
    pub side: Option<Side>,
    pub matches: Vec<Range<usize>>,
    pub current: Option<usize>,
}

impl BilingualState {
    pub fn new(
        left: &Article,
        right: &Article,
        alignment: Alignment,
        left_quotes: Vec<Quote>,
        right_quotes: Vec<Quote>,
        quote_pairs: Vec<QuotePair>,
    ) -> BilingualState {
        let left_text = SideText::from_article(left);
        let right_text = SideText::from_article(right);
        let left_quotes = snap_quotes(left_quotes, &left_text.text);
        let right_quotes = snap_quotes(right_quotes, &right_text.text);
        let rows = normalize_rows(&alignment.rows, left_text.sentences.len(), right_text.sentences.len());
        // Flagged on the rows as shown, so that every flag has its row.
        let flags = flag_rows(left, right, &Alignment { rows: rows.clone() });
        let row_of = |count: usize, pick: fn(&AlignRow) -> &Range<usize>| {
            let mut v = vec![0; count];
            for (i, r) in rows.iter().enumerate() {
                for s in pick(r).clone() {
                    if let Some(slot) = v.get_mut(s) {
                        *slot = i;
                    }
                }
            }
            v
        };
        let left_row_of = row_of(left_text.sentences.len(), |r| &r.left);
        let right_row_of = row_of(right_text.sentences.len(), |r| &r.right);
        // Pairs pointing at quotes that do not exist are dropped rather than trusted.
        let quote_pairs = quote_pairs
            .into_iter()
            .filter(|p| p.left_quote < left_quotes.len() && p.right_quote < right_quotes.len())
            .collect();
        BilingualState {
            left_id: left.id.clone(),
            right_id: right.id.clone(),
            rows,
            left_quotes,
            right_quotes,
            quote_pairs,
            flags,
            row_cursor: None,
            focus: Side::Left,
            selected_quote: None,
            show_map: false,
            scroll_row: 0,
            scroll_offset: 0,
            left: left_text,
            right: right_text,
            left_row_of,
            right_row_of,
            viewport: Cell::new((80, 22)),
            layout_cache: RefCell::new(None),
            search: ViewSearch::default(),
        }
    }

    /// The view of two articles with everything computed here: sentence alignment
    /// ([`crate::align::align`]), each side's quotes ([`crate::text::quotes::extract`]) and
    /// the quote pairs ([`crate::align::pair_quotes`]). What `b` opens.
    pub fn open(left: &Article, right: &Article) -> BilingualState {
        let alignment = crate::align::align(left, right);
        let left_quotes = crate::text::quotes::extract(left);
        let right_quotes = crate::text::quotes::extract(right);
        let pairs = crate::align::pair_quotes(left, &left_quotes, right, &right_quotes);
        BilingualState::new(left, right, alignment, left_quotes, right_quotes, pairs)
    }

    /// Search the focused column for `query` and show the first match at or after the top.
    pub fn set_search(&mut self, query: &str) {
        let side = self.focus;
        let matches = if query.is_empty() { Vec::new() } else { super::search::find_all(self.text(side), query) };
        let top_row = self.top_row();
        let from = self.rows.get(top_row).map_or(0, |r| {
            let sentences = if side == Side::Left { &r.left } else { &r.right };
            self.side(side).bytes_of(sentences).start
        });
        let current = (!matches.is_empty()).then(|| matches.iter().position(|m| m.start >= from).unwrap_or(0));
        self.search = ViewSearch { query: query.to_string(), side: Some(side), matches, current };
        self.show_current_match();
    }

    /// The next (`delta` 1) or previous (-1) match, wrapping; false when there is none.
    pub fn step_search(&mut self, delta: isize) -> bool {
        let n = self.search.matches.len();
        let Some(cur) = self.search.current.filter(|_| n > 0) else { return false };
        self.search.current = Some((cur as isize + delta).rem_euclid(n as isize) as usize);
        self.show_current_match();
        true
    }

    /// The matches to mark in `side`'s column.
    pub fn search_matches(&self, side: Side) -> &[Range<usize>] {
        if self.search.side == Some(side) { &self.search.matches } else { &[] }
    }

    fn show_current_match(&mut self) {
        let (Some(side), Some(i)) = (self.search.side, self.search.current) else { return };
        let Some(offset) = self.search.matches.get(i).map(|m| m.start) else { return };
        if let Some(sentence) = self.side(side).sentence_at(offset) {
            self.update(BilingualAction::ScrollToSentence(side, sentence));
        }
    }

    fn side(&self, side: Side) -> &SideText {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }

    pub fn text(&self, side: Side) -> &str {
        &self.side(side).text
    }

    pub fn quotes(&self, side: Side) -> &[Quote] {
        match side {
            Side::Left => &self.left_quotes,
            Side::Right => &self.right_quotes,
        }
    }

    pub fn sentence_count(&self, side: Side) -> usize {
        self.side(side).sentences.len()
    }

    /// Row that holds sentence `index` of `side`.
    pub fn row_of_sentence(&self, side: Side, index: usize) -> Option<usize> {
        match side {
            Side::Left => self.left_row_of.get(index).copied(),
            Side::Right => self.right_row_of.get(index).copied(),
        }
    }

    /// Row where quote `index` of `side` starts.
    pub fn row_of_quote(&self, side: Side, index: usize) -> Option<usize> {
        let quote = self.quotes(side).get(index)?;
        let sentence = self.side(side).sentence_at(quote.start)?;
        self.row_of_sentence(side, sentence)
    }

    /// The selected quote and its column (for copying or highlighting it).
    pub fn selected(&self) -> Option<(Side, &Quote)> {
        let quote = self.quotes(self.focus).get(self.selected_quote?)?;
        Some((self.focus, quote))
    }

    /// The quote lit in `side`: the selected one in the focused column, its pair in the
    /// other column.
    pub fn lit_quote(&self, side: Side) -> Option<usize> {
        let selected = self.selected_quote?;
        if side == self.focus {
            return Some(selected);
        }
        self.paired_quote(self.focus, selected).map(|(i, _)| i)
    }

    /// The counterpart of quote `index` of `side` in the other column, with the pair's score.
    pub fn paired_quote(&self, side: Side, index: usize) -> Option<(usize, f32)> {
        self.quote_pairs.iter().find_map(|p| match side {
            Side::Left if p.left_quote == index => Some((p.right_quote, p.score)),
            Side::Right if p.right_quote == index => Some((p.left_quote, p.score)),
            _ => None,
        })
    }

    /// Width of each column when the whole view is `view_width` cells wide.
    pub fn column_width_for(view_width: usize) -> usize {
        (view_width.saturating_sub(GUTTER_WIDTH) / 2).max(1)
    }

    /// Tell the state the size it is drawn at (the widget does this on every draw).
    pub fn set_viewport(&self, view_width: usize, body_height: usize) {
        self.viewport.set((view_width, body_height.max(1)));
    }

    /// (view width, body height) last drawn at.
    pub fn viewport(&self) -> (usize, usize) {
        self.viewport.get()
    }

    /// The rows wrapped at `column_width`, cached: computed again only when the width changes.
    pub fn layout(&self, column_width: usize) -> Arc<BilingualLayout> {
        let column_width = column_width.max(1);
        if let Some(cached) = self.layout_cache.borrow().as_ref()
            && cached.column_width == column_width
        {
            return Arc::clone(cached);
        }
        let layout = Arc::new(self.compute_layout(column_width));
        *self.layout_cache.borrow_mut() = Some(Arc::clone(&layout));
        layout
    }

    /// The layout at the last drawn size.
    pub fn current_layout(&self) -> Arc<BilingualLayout> {
        self.layout(Self::column_width_for(self.viewport.get().0))
    }

    fn compute_layout(&self, column_width: usize) -> BilingualLayout {
        let mut rows = Vec::with_capacity(self.rows.len());
        let mut line = 0;
        let text_width = text_width_for_column(column_width);
        for (i, row) in self.rows.iter().enumerate() {
            let opens = |side: &SideText, r: &Range<usize>| side.sentences.get(r.start).is_some_and(|s| s.opens_paragraph) && r.start < r.end;
            let gap = usize::from(i > 0 && (opens(&self.left, &row.left) || opens(&self.right, &row.right)));
            let left = wrap_side(&self.left, &row.left, text_width);
            let right = wrap_side(&self.right, &row.right, text_width);
            let height = left.len().max(right.len()).max(1);
            rows.push(RowLines { start: line, gap, height, left, right });
            line += gap + height;
        }
        BilingualLayout { column_width, text_width, rows, total_lines: line }
    }

    /// First screen line shown, in the layout at the current size.
    pub fn scroll_line(&self) -> usize {
        let layout = self.current_layout();
        self.top_line_in(&layout)
    }

    /// First screen line shown in `layout`, clamped so the view never scrolls past the end.
    pub fn top_line_in(&self, layout: &BilingualLayout) -> usize {
        let line = layout.rows.get(self.scroll_row).map_or(0, |r| r.start + self.scroll_offset.min(r.gap + r.height - 1));
        line.min(self.max_scroll(layout))
    }

    /// Index of the row at the top of the view.
    pub fn top_row(&self) -> usize {
        let layout = self.current_layout();
        layout.row_at_line(self.top_line_in(&layout))
    }

    fn max_scroll(&self, layout: &BilingualLayout) -> usize {
        layout.total_lines.saturating_sub(self.viewport.get().1)
    }

    fn set_top_line(&mut self, layout: &BilingualLayout, line: usize) {
        let line = line.min(self.max_scroll(layout));
        let row = layout.row_at_line(line);
        self.scroll_row = row;
        self.scroll_offset = layout.rows.get(row).map_or(0, |r| line - r.start);
    }

    pub fn update(&mut self, action: BilingualAction) {
        let layout = self.current_layout();
        let top = self.top_line_in(&layout);
        let page = self.viewport.get().1.saturating_sub(1).max(1);
        if !matches!(action, BilingualAction::NextFlag | BilingualAction::PrevFlag | BilingualAction::ToggleMap) {
            self.row_cursor = None;
        }
        match action {
            BilingualAction::ScrollDown(n) => self.set_top_line(&layout, top.saturating_add(n)),
            BilingualAction::ScrollUp(n) => self.set_top_line(&layout, top.saturating_sub(n)),
            BilingualAction::PageDown => self.set_top_line(&layout, top.saturating_add(page)),
            BilingualAction::PageUp => self.set_top_line(&layout, top.saturating_sub(page)),
            BilingualAction::Top => self.set_top_line(&layout, 0),
            BilingualAction::Bottom => self.set_top_line(&layout, usize::MAX),
            BilingualAction::ToggleFocus => self.set_focus(self.focus.other()),
            BilingualAction::SetFocus(side) => self.set_focus(side),
            BilingualAction::NextQuote => self.step_quote(&layout, true),
            BilingualAction::PrevQuote => self.step_quote(&layout, false),
            BilingualAction::SelectQuote(side, index) => {
                if index < self.quotes(side).len() {
                    self.focus = side;
                    self.selected_quote = Some(index);
                    self.reveal_quote(&layout, side, index);
                }
            }
            BilingualAction::ClearQuote => self.selected_quote = None,
            BilingualAction::ToggleMap => self.show_map = !self.show_map,
            BilingualAction::ScrollToRow(row) => {
                if let Some(r) = layout.rows.get(row) {
                    self.set_top_line(&layout, r.start);
                }
            }
            BilingualAction::ScrollToSentence(side, sentence) => {
                if let Some(r) = self.row_of_sentence(side, sentence).and_then(|row| layout.rows.get(row)) {
                    self.set_top_line(&layout, r.start);
                }
            }
            BilingualAction::NextFlag => self.step_flag(&layout, true),
            BilingualAction::PrevFlag => self.step_flag(&layout, false),
        }
    }

    /// The row the view is on: the one a flag jump landed on, else the top row (the
    /// footer's "row N/M"). `h` without a selected quote highlights it, and the status
    /// bar gives its flags' reasons.
    pub fn current_row(&self) -> usize {
        self.row_cursor.unwrap_or_else(|| self.top_row())
    }

    /// The row cursor set by a flag jump (marked in the gutter).
    pub fn row_cursor(&self) -> Option<usize> {
        self.row_cursor
    }

    /// Rows with at least one flag, in order.
    pub fn flagged_rows(&self) -> impl Iterator<Item = usize> + '_ {
        self.flags.iter().enumerate().filter(|(_, f)| !f.is_empty()).map(|(i, _)| i)
    }

    /// The rows where a flag starts: a flagged row, unless the row before it carries the
    /// same flags (a one-sided stretch split over rows says one thing). `}` and `{` step
    /// through these.
    pub fn flag_starts(&self) -> impl Iterator<Item = usize> + '_ {
        self.flagged_rows().filter(|&r| r == 0 || self.flags[r - 1] != self.flags[r])
    }

    /// The flags of `row` (empty when none).
    pub fn flags_of(&self, row: usize) -> &[Flag] {
        self.flags.get(row).map_or(&[], Vec::as_slice)
    }

    /// One line for the status bar about the current row's flags: "flag 2/7 · number: …".
    pub fn flag_status(&self) -> Option<String> {
        let row = self.current_row();
        let flags = self.flags_of(row);
        let first = flags.first()?;
        let starts: Vec<usize> = self.flag_starts().collect();
        let position = starts.partition_point(|&r| r <= row);
        let more = if flags.len() > 1 { format!(" (+{} more)", flags.len() - 1) } else { String::new() };
        Some(format!("flag {position}/{} · {}: {}{more}", starts.len(), first.kind.as_str(), first.reason))
    }

    fn step_flag(&mut self, layout: &BilingualLayout, forward: bool) {
        let flagged: Vec<usize> = self.flag_starts().collect();
        let (Some(&first), Some(&last)) = (flagged.first(), flagged.last()) else { return };
        let here = self.current_row();
        // Inside a run of rows with the same flags, the run is where the cursor is.
        let mut here = here;
        while here > 0 && !self.flags_of(here).is_empty() && self.flags_of(here - 1) == self.flags_of(here) {
            here -= 1;
        }
        // From the top row (no cursor yet) a flag on that very row is the next one.
        let next = match (forward, self.row_cursor) {
            (true, Some(_)) => flagged.iter().copied().find(|&r| r > here).unwrap_or(first),
            (true, None) => flagged.iter().copied().find(|&r| r >= here).unwrap_or(first),
            (false, _) => flagged.iter().rev().copied().find(|&r| r < here).unwrap_or(last),
        };
        self.row_cursor = Some(next);
        if let Some(r) = layout.rows.get(next) {
            let height = self.viewport.get().1.max(1);
            let top = self.top_line_in(layout);
            if r.start < top || r.end() > top + height {
                // Some context above the row, as for a quote.
                self.set_top_line(layout, r.start.saturating_sub(height / 4));
            }
        }
    }

    /// Move focus; a selected quote moves to its pair (or is dropped when it has none), so
    /// what is lit stays the same statement.
    fn set_focus(&mut self, side: Side) {
        if side == self.focus {
            return;
        }
        self.selected_quote = self.selected_quote.and_then(|q| self.paired_quote(self.focus, q)).map(|(i, _)| i);
        self.focus = side;
    }

    /// Quotes of `side` in reading order (indices into its list).
    fn quote_order(&self, side: Side) -> Vec<usize> {
        let quotes = self.quotes(side);
        let mut order: Vec<usize> = (0..quotes.len()).collect();
        order.sort_by_key(|&i| (quotes[i].start, i));
        order
    }

    fn step_quote(&mut self, layout: &BilingualLayout, forward: bool) {
        let side = self.focus;
        let order = self.quote_order(side);
        if order.is_empty() {
            return;
        }
        let next = match self.selected_quote.and_then(|q| order.iter().position(|&i| i == q)) {
            Some(pos) if forward => order[(pos + 1) % order.len()],
            Some(pos) => order[(pos + order.len() - 1) % order.len()],
            None => {
                // Start from what is on screen rather than from the top of the article.
                let top = self.top_line_in(layout);
                let on_screen = |&i: &usize| self.quote_line(layout, side, i).is_some_and(|l| l >= top);
                let first_visible = order.iter().copied().find(on_screen);
                if forward {
                    first_visible.unwrap_or(order[0])
                } else {
                    let last_above = order.iter().rev().copied().find(|&i| self.quote_line(layout, side, i).is_some_and(|l| l < top));
                    last_above.or(first_visible).unwrap_or(order[order.len() - 1])
                }
            }
        };
        self.selected_quote = Some(next);
        self.reveal_quote(layout, side, next);
    }

    /// Screen line where quote `index` of `side` begins in `layout`.
    pub fn quote_line(&self, layout: &BilingualLayout, side: Side, index: usize) -> Option<usize> {
        let quote = self.quotes(side).get(index)?;
        let row = layout.rows.get(self.row_of_quote(side, index)?)?;
        let within = row.lines(side).iter().position(|l| l.end > quote.start).unwrap_or(0);
        Some(row.text_start() + within)
    }

    /// Scroll so the quote and, when it has one, its pair are on screen.
    fn reveal_quote(&mut self, layout: &BilingualLayout, side: Side, index: usize) {
        let Some(line) = self.quote_line(layout, side, index) else { return };
        let height = self.viewport.get().1.max(1);
        let top = self.top_line_in(layout);
        let pair_line = self.paired_quote(side, index).and_then(|(j, _)| self.quote_line(layout, side.other(), j));
        let (lo, hi) = match pair_line {
            Some(p) if p.abs_diff(line) < height => (line.min(p), line.max(p)),
            _ => (line, line),
        };
        if lo < top || hi >= top + height {
            // A little context above the quote reads better than pinning it to the top.
            self.set_top_line(layout, lo.saturating_sub(height / 4));
        }
    }
}

/// Quote offsets made safe to slice with: inside the text, on character boundaries,
/// start ≤ end. (They come from another module; a bad one must not hide text.)
fn snap_quotes(mut quotes: Vec<Quote>, text: &str) -> Vec<Quote> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    for q in &mut quotes {
        q.start = floor(q.start);
        q.end = floor(q.end).max(q.start);
    }
    quotes
}

fn wrap_side(side: &SideText, sentences: &Range<usize>, width: usize) -> Vec<Range<usize>> {
    let bytes = side.bytes_of(sentences);
    if bytes.is_empty() {
        return Vec::new();
    }
    let Some(slice) = side.text.get(bytes.clone()) else { return Vec::new() };
    wrap(slice, width).into_iter().map(|r| r.start + bytes.start..r.end + bytes.start).collect()
}

/// Make any alignment safe to draw: every sentence of both sides in exactly one row, in
/// order. Indices past the end are clipped, rows that go backwards are cut to what is
/// new, and sentences no row covers become one-sided rows where they fall, so no text is
/// ever hidden by an incomplete (or empty) alignment. A row left with one empty side is
/// one-sided whatever its kind said.
pub fn normalize_rows(rows: &[AlignRow], left_count: usize, right_count: usize) -> Vec<AlignRow> {
    let mut out = Vec::with_capacity(rows.len());
    let (mut l, mut r) = (0, 0);
    let gap_rows = |out: &mut Vec<AlignRow>, l: &mut usize, r: &mut usize, l_to: usize, r_to: usize| {
        if *l < l_to {
            out.push(AlignRow { left: *l..l_to, right: *r..*r, score: 0.0, kind: RowKind::LeftOnly });
            *l = l_to;
        }
        if *r < r_to {
            out.push(AlignRow { left: *l..*l, right: *r..r_to, score: 0.0, kind: RowKind::RightOnly });
            *r = r_to;
        }
    };
    for row in rows {
        let left = row.left.start.max(l).min(left_count)..row.left.end.min(left_count);
        let right = row.right.start.max(r).min(right_count)..row.right.end.min(right_count);
        let left = left.start..left.end.max(left.start);
        let right = right.start..right.end.max(right.start);
        if left.is_empty() && right.is_empty() {
            continue;
        }
        gap_rows(&mut out, &mut l, &mut r, left.start, right.start);
        let kind = match (left.is_empty(), right.is_empty()) {
            (false, false) => RowKind::Match,
            (false, true) => RowKind::LeftOnly,
            _ => RowKind::RightOnly,
        };
        let score = if row.score.is_finite() { row.score.clamp(0.0, 1.0) } else { 0.0 };
        l = left.end.max(l);
        r = right.end.max(r);
        out.push(AlignRow { left: if left.is_empty() { l..l } else { left }, right: if right.is_empty() { r..r } else { right }, score, kind });
    }
    gap_rows(&mut out, &mut l, &mut r, left_count, right_count);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(l: Range<usize>, r: Range<usize>) -> AlignRow {
        let kind = match (l.is_empty(), r.is_empty()) {
            (false, false) => RowKind::Match,
            (false, true) => RowKind::LeftOnly,
            _ => RowKind::RightOnly,
        };
        AlignRow { left: l, right: r, score: 0.9, kind }
    }

    fn covered(rows: &[AlignRow], left: usize, right: usize) {
        let mut l = 0;
        let mut r = 0;
        for row in rows {
            assert_eq!(row.left.start, l, "{rows:?}");
            assert_eq!(row.right.start, r, "{rows:?}");
            assert!(!(row.left.is_empty() && row.right.is_empty()));
            l = row.left.end;
            r = row.right.end;
        }
        assert_eq!((l, r), (left, right), "{rows:?}");
    }

    #[test]
    fn empty_alignment_shows_every_sentence_one_sided() {
        let rows = normalize_rows(&[], 3, 2);
        covered(&rows, 3, 2);
        assert_eq!(rows[0].kind, RowKind::LeftOnly);
        assert_eq!(rows[1].kind, RowKind::RightOnly);
    }

    #[test]
    fn gaps_out_of_range_and_backward_rows_are_repaired() {
        let rows = normalize_rows(&[row(1..2, 0..1), row(1..3, 0..2), row(5..9, 4..9)], 4, 3);
        covered(&rows, 4, 3);
        assert_eq!(rows[0], AlignRow { left: 0..1, right: 0..0, score: 0.0, kind: RowKind::LeftOnly });
        // The second row only keeps what the first did not cover.
        assert_eq!((rows[2].left.clone(), rows[2].right.clone()), (2..3, 1..2));
        assert!(rows.iter().all(|r| (0.0..=1.0).contains(&r.score)));
    }

    #[test]
    fn a_complete_alignment_is_kept_as_is() {
        let given = vec![row(0..1, 0..2), row(1..2, 2..2), row(2..4, 2..3)];
        assert_eq!(normalize_rows(&given, 4, 3), given);
    }
}
