//! The speakers view: a header, then either every speaker (one line each: name, quote
//! counts per language, articles) or the quotes of the speaker opened with Enter (three
//! lines each: the quote; its article's language, date, outlet and title; its
//! counterpart in the other language, or that it has none). Every text goes through the
//! sanitiser ([`one_line`]).

use crate::app::App;
use crate::app::speakers::{QUOTE_ROWS, SpeakersState, counts_by_language};
use crate::speakers::{CorpusSpeaker, SpeakerQuote};
use crate::ui::bilingual::one_line;
use crate::ui::highlights::put_at as put;
use crate::view::text::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

pub struct SpeakersView<'a> {
    pub app: &'a App,
    pub no_color: bool,
}

impl SpeakersView<'_> {
    fn selected_style(&self) -> Style {
        if self.no_color { Style::default().add_modifier(Modifier::REVERSED) } else { Style::default().bg(Color::DarkGray) }
    }
    fn header_style(&self) -> Style {
        if self.no_color { Style::default().add_modifier(Modifier::BOLD) } else { Style::default().fg(Color::Cyan).add_modifier(Modifier::BOLD) }
    }
    fn quote_style(&self) -> Style {
        if self.no_color { Style::default().add_modifier(Modifier::BOLD) } else { Style::default().fg(Color::Yellow) }
    }
    fn faint(&self) -> Style {
        if self.no_color { Style::default().add_modifier(Modifier::DIM) } else { Style::default().fg(Color::Gray) }
    }
}

/// One line of the speaker list: "Rob Wainwright · 12 quotes · EN 7 · FR 5 · 4 articles".
pub fn speaker_line(s: &CorpusSpeaker) -> String {
    let articles = s.articles.len();
    let plural = |n: usize, word: &str| if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") };
    one_line(&format!("{} · {} · {} · {}", s.name, plural(s.quotes, "quote"), counts_by_language(s), plural(articles, "article")))
}

/// Where a quote is from: "EN · 2024-05-02 · Outlet · Title" (the title last: on a
/// narrow screen it is what gets cut).
pub fn source_line(app: &App, q: &SpeakerQuote) -> String {
    let article = app.article_by_id(&q.article);
    let title = article.map_or(q.article.as_str(), |a| a.display_title());
    let mut parts = vec![q.language.as_deref().unwrap_or("??").to_uppercase()];
    parts.extend(q.date.clone());
    parts.extend(article.and_then(|a| a.meta.source.clone()));
    parts.push(title.to_string());
    one_line(&parts.join(" · "))
}

/// The counterpart under a quote: "↔ FR “…”", or that there is none.
pub fn pair_line(q: &SpeakerQuote) -> String {
    match &q.pair {
        Some(p) => one_line(&format!("↔ {} “{}”", p.language.as_deref().unwrap_or("??").to_uppercase(), p.text)),
        None => "no counterpart in another language".to_string(),
    }
}

impl Widget for SpeakersView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.width == 0 || area.height == 0 {
            return;
        }
        let width = area.width as usize;
        let state = &self.app.speakers;
        let body_rows = (area.height as usize).saturating_sub(1);
        state.rows.set(body_rows.max(1));
        if state.is_building() {
            put(buf, area, 0, 0, &truncate(" Speakers", width), self.header_style());
            let msg = self.app.speakers_working().unwrap_or_default();
            put(buf, area, 0, 1, &truncate(&format!(" {msg}"), width), self.faint());
            return;
        }
        match state.opened() {
            Some(speaker) => self.draw_quotes(state, speaker, area, buf),
            None => self.draw_list(state, area, buf),
        }
    }
}

impl SpeakersView<'_> {
    fn draw_list(&self, state: &SpeakersState, area: Rect, buf: &mut Buffer) {
        let width = area.width as usize;
        let filter = if state.filter.trim().is_empty() { String::new() } else { format!(" · matching “{}”", state.filter.trim()) };
        // The keys are in the status row (from the keymap), not repeated here.
        let header = one_line(&format!(" Speakers ({}){filter}", state.visible_count()));
        put(buf, area, 0, 0, &truncate(&header, width), self.header_style());
        if state.visible_count() == 0 {
            let msg = if filter.is_empty() { " No quoted speakers in this corpus." } else { " No speaker matches: / to change the filter." };
            put(buf, area, 0, 1, &truncate(msg, width), self.faint());
            return;
        }
        let rows = (area.height as usize).saturating_sub(1);
        for (slot, (i, s)) in state.visible().enumerate().skip(state.top).take(rows).enumerate() {
            let selected = i == state.selected;
            let style = if selected { self.selected_style() } else { Style::default() };
            let marker = if selected { "▌" } else { " " };
            let y = 1 + slot as u16;
            put(buf, area, 0, y, &" ".repeat(width), style);
            put(buf, area, 0, y, &truncate(&format!("{marker}{}", speaker_line(s)), width), style);
        }
    }

    fn draw_quotes(&self, state: &SpeakersState, speaker: &CorpusSpeaker, area: Rect, buf: &mut Buffer) {
        let width = area.width as usize;
        let aliases: Vec<&str> = speaker.aliases.iter().skip(1).map(String::as_str).collect();
        let aka = if aliases.is_empty() { String::new() } else { format!(" · also {}", aliases.join(", ")) };
        put(buf, area, 0, 0, &truncate(&format!(" {}{}", speaker_line(speaker), one_line(&aka)), width), self.header_style());
        let Some(open) = state.open else { return };
        let fitting = ((area.height as usize).saturating_sub(1) / QUOTE_ROWS).max(1);
        for (slot, (i, q)) in speaker.quote_list.iter().enumerate().skip(open.top).take(fitting).enumerate() {
            let selected = i == open.selected;
            let style = if selected { self.selected_style() } else { Style::default() };
            let y = 1 + (slot * QUOTE_ROWS) as u16;
            if selected {
                for dy in 0..QUOTE_ROWS as u16 {
                    put(buf, area, 0, y + dy, &" ".repeat(width), style);
                }
            }
            let marker = if selected { "▌" } else { " " };
            let x = put(buf, area, 0, y, marker, style);
            put(buf, area, x, y, &truncate(&one_line(&format!("“{}”", q.text)), width.saturating_sub(1)), style.patch(self.quote_style()));
            put(buf, area, 0, y + 1, &truncate(&format!("  {}", source_line(self.app, q)), width), style.patch(self.faint()));
            let pair_style = if q.pair.is_some() { style } else { style.patch(self.faint()) };
            put(buf, area, 0, y + 2, &truncate(&format!("  {}", pair_line(q)), width), pair_style);
        }
    }
}
