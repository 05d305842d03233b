//! Driving the reader without a terminal (tests/tui.rs, tests/cross_language_views.rs):
//! keys through the event loop's own dispatch, frames drawn on ratatui's `TestBackend`.

use crossterm::event::Event;
use diglot::app::keymap::KeyChord;
use diglot::app::{Action, App, Effect};
use diglot::tui::Session;
use diglot::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// Press keys (by their keymap names) as the terminal sends them, through the event
/// loop's own dispatch ([`diglot::tui::handle_event`]).
pub fn press(app: &mut Session, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for k in keys.split_whitespace() {
        effects.extend(diglot::tui::handle_event(app, key_event(k)).unwrap_or_default());
    }
    effects
}

/// The terminal's event for a key written as in the keymap ("j", "C-l", "S-Tab", "Enter").
pub fn key_event(name: &str) -> Event {
    let chord = KeyChord::parse(name).unwrap_or_else(|e| panic!("{e}"));
    Event::Key(diglot::tui::terminal_key(&chord).unwrap_or_else(|| panic!("no terminal key for {name}")))
}

pub fn render(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    app.update(Action::Resize(width, height));
    let mut t = Terminal::new(TestBackend::new(width, height)).unwrap();
    t.draw(|f| ui::draw(f, app)).unwrap();
    t
}

pub fn screen_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}
