//! The reader's views across articles and languages (issue 17): divergence flags in the
//! side-by-side view, bilingual highlights made there, and the speakers view. Driven
//! through the event loop's own dispatch on ratatui's `TestBackend`, with articles built
//! here.

use crossterm::event::Event;
use diglot::align::{AlignRow, Alignment, RowKind};
use diglot::app::bilingual::BilingualState;
use diglot::app::keymap::KeyChord;
use diglot::app::{Action, App, Effect, Mode};
use diglot::ingest::{Corpus, from_plain_text};
use diglot::model::Article;
use diglot::model::manifest::PinnedPair;
use diglot::store::Store;
use diglot::tui::Session;
use diglot::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::collections::HashMap;

fn article(id: &str, lang: &str, title: &str, text: &str, date: &str) -> Article {
    let mut a = from_plain_text(id, text);
    a.meta.title = Some(title.to_string());
    a.meta.date = Some(date.to_string());
    a.meta.source = Some("Test Wire".to_string());
    a.meta.language = Some(lang.to_string());
    a
}

const EN: &str = "Lyon seizure\n\n\
Police seized 2,500 euros in Lyon on Tuesday. \
Three men were arrested in the city centre after a long investigation.";

const FR: &str = "Saisie à Lyon\n\n\
Une enquête de deux ans avait commencé à Marseille. \
La police a saisi 3 500 euros à Lyon mardi. \
Trois hommes ont été arrêtés dans le centre-ville après une longue enquête.";

/// An English article and its French counterpart (pinned), aligned by hand: the French
/// opening sentence has no counterpart, and the seized sum differs.
fn pair_session() -> (Session, Article, Article) {
    let en = article("seizure-en", "en", "Lyon seizure", EN, "2024-05-02");
    let fr = article("seizure-fr", "fr", "Saisie à Lyon", FR, "2024-05-02");
    let mut c = Corpus { articles: vec![en.clone(), fr.clone()], ..Default::default() };
    c.manifest.pairs.push(PinnedPair { left: "seizure-en".into(), right: "seizure-fr".into() });
    let mut app = Session::new(App::new(c, HashMap::new()));
    app.attach_store(Store::open_in_memory().unwrap());
    // Sentence 0 of each side is the title.
    let rows = vec![
        AlignRow { left: 0..1, right: 0..1, score: 0.9, kind: RowKind::Match },
        AlignRow { left: 1..1, right: 1..2, score: 0.0, kind: RowKind::RightOnly },
        AlignRow { left: 1..2, right: 2..3, score: 0.9, kind: RowKind::Match },
        AlignRow { left: 2..3, right: 3..4, score: 0.9, kind: RowKind::Match },
    ];
    app.cache_bilingual(BilingualState::new(&en, &fr, Alignment { rows }, vec![], vec![], vec![]));
    (app, en, fr)
}

fn press(app: &mut Session, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for k in keys.split_whitespace() {
        let chord = KeyChord::parse(k).unwrap_or_else(|e| panic!("{e}"));
        let event = Event::Key(diglot::tui::terminal_key(&chord).unwrap_or_else(|| panic!("no terminal key for {k}")));
        effects.extend(diglot::tui::handle_event(app, event).unwrap_or_default());
    }
    effects
}

fn render(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    app.update(Action::Resize(width, height));
    let mut t = Terminal::new(TestBackend::new(width, height)).unwrap();
    t.draw(|f| ui::draw(f, app)).unwrap();
    t
}

fn screen_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

// ---------- divergence flags ----------

#[test]
fn flagged_rows_are_marked_in_the_gutter_and_braces_jump_between_them_with_a_reason() {
    let (mut app, _, _) = pair_session();
    render(&mut app, 100, 30);
    press(&mut app, "b");
    assert_eq!(app.mode, Mode::Bilingual);
    let state = app.side_by_side.view.as_ref().unwrap();
    let flagged: Vec<usize> = state.flagged_rows().collect();
    assert!(flagged.contains(&1), "the French-only sentence is one-sided: {:?}", state.flags);
    assert!(state.flags_of(2).iter().any(|f| f.kind.as_str() == "number"), "2,500 vs 3 500: {:?}", state.flags);
    // The marks need no colour: `!` beside the arrow, `!` in place of the bar.
    let screen = screen_text(render(&mut app, 100, 30).backend().buffer());
    assert!(screen.contains("!▸"), "{screen}");
    assert!(screen.lines().any(|l| l.contains("2,500") && l.contains("!9")), "{screen}");

    press(&mut app, "}");
    assert_eq!(app.side_by_side.view.as_ref().unwrap().row_cursor(), Some(1));
    let status = app.status.clone().unwrap_or_default();
    assert!(status.starts_with("flag 1/") && status.contains("one-sided"), "{status}");
    press(&mut app, "}");
    assert_eq!(app.side_by_side.view.as_ref().unwrap().row_cursor(), Some(2));
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("number") && status.contains("2500") && status.contains("3500"), "{status}");
    // The status bar shows it, at 80 columns too.
    let screen = screen_text(render(&mut app, 80, 24).backend().buffer());
    assert!(screen.lines().last().unwrap().contains("number"), "{screen}");
    // Back, and round past the first.
    press(&mut app, "{");
    assert_eq!(app.side_by_side.view.as_ref().unwrap().row_cursor(), Some(1));
    press(&mut app, "{");
    let last = app.side_by_side.view.as_ref().unwrap().flagged_rows().last();
    assert_eq!(app.side_by_side.view.as_ref().unwrap().row_cursor(), last, "wraps to the last flag");
    // Scrolling hands the cursor back to the top row.
    press(&mut app, "g");
    assert_eq!(app.side_by_side.view.as_ref().unwrap().row_cursor(), None);
}

#[test]
fn a_faithful_translation_has_no_flags_and_the_keys_say_so() {
    let en = article("a-en", "en", "Lyon", "Lyon\n\nPolice seized 2,500 euros in Lyon on Tuesday.", "2024-05-02");
    let fr = article("a-fr", "fr", "Lyon", "Lyon\n\nLa police a saisi 2 500 euros à Lyon mardi.", "2024-05-02");
    let mut c = Corpus { articles: vec![en.clone(), fr.clone()], ..Default::default() };
    c.manifest.pairs.push(PinnedPair { left: "a-en".into(), right: "a-fr".into() });
    let mut app = Session::new(App::new(c, HashMap::new()));
    app.attach_store(Store::open_in_memory().unwrap());
    let rows = vec![
        AlignRow { left: 0..1, right: 0..1, score: 0.9, kind: RowKind::Match },
        AlignRow { left: 1..2, right: 1..2, score: 0.9, kind: RowKind::Match },
    ];
    app.cache_bilingual(BilingualState::new(&en, &fr, Alignment { rows }, vec![], vec![], vec![]));
    render(&mut app, 80, 24);
    press(&mut app, "b }");
    assert_eq!(app.side_by_side.view.as_ref().unwrap().row_cursor(), None);
    assert!(app.status.as_deref().unwrap_or("").contains("no divergence flags"), "{:?}", app.status);
    let screen = screen_text(render(&mut app, 80, 24).backend().buffer());
    assert!(!screen.contains('!'), "{screen}");
}

// ---------- bilingual highlights ----------

#[test]
fn h_on_a_row_saves_both_sentences_as_one_highlight_acknowledged_once_stored() {
    let (mut app, en, fr) = pair_session();
    render(&mut app, 100, 30);
    press(&mut app, "b } }");
    assert_eq!(app.side_by_side.view.as_ref().unwrap().current_row(), 2);
    // The pure core asks for the write and says nothing yet.
    let effects = App::update(&mut app, Action::Command(diglot::app::Command::Highlight));
    let Some(Effect::Store(diglot::app::StoreRequest::Toggle { highlight, .. })) = effects.first() else { panic!("{effects:?}") };
    assert!(app.status.as_deref().is_none_or(|s| !s.contains("saved")), "{:?}", app.status);
    assert_eq!(highlight.article, en.id);
    assert!(highlight.text.contains("2,500 euros"));
    let second = highlight.counterpart.as_ref().expect("a second text");
    assert_eq!((second.article.as_str(), second.language.as_deref()), (fr.id.as_str(), Some("fr")));
    assert!(second.text.contains("3 500 euros") && fr.text[second.start..second.end] == second.text);

    // Through the session (which carries out the write) it is stored, then acknowledged.
    press(&mut app, "h");
    assert!(app.status.as_deref().unwrap_or("").contains("both languages highlighted and saved"), "{:?}", app.status);
    let stored = app.highlights().to_vec();
    assert_eq!(stored.len(), 1);
    assert!(stored[0].counterpart.is_some());
    // Both columns mark it.
    assert_eq!(app.highlight_marks(&fr.id).len(), 1);
    assert_eq!(app.highlight_marks(&en.id).len(), 1);

    // The highlights view shows both texts, the second with its language.
    press(&mut app, "q H");
    let screen = screen_text(render(&mut app, 80, 24).backend().buffer());
    assert!(screen.contains("Police seized 2,500 euros"), "{screen}");
    assert!(screen.contains("↔ FR “La police a saisi 3 500 euros"), "{screen}");
    // The date the highlight was made is the clock's: not part of the snapshot.
    let made = stored[0].created.get(..16).unwrap_or_default().replace('T', " ");
    insta::assert_snapshot!("highlights_bilingual_80x24", screen.replace(&made, "YYYY-MM-DD HH:MM"));

    // h again on the same row takes it away.
    press(&mut app, "q b } } h");
    assert!(app.highlights().is_empty(), "{:?}", app.highlights());
}

#[test]
fn h_on_a_one_sided_row_highlights_the_one_text() {
    let (mut app, _, fr) = pair_session();
    render(&mut app, 100, 30);
    press(&mut app, "b } h");
    let stored = app.highlights().to_vec();
    assert_eq!(stored.len(), 1, "{:?}", app.status);
    assert_eq!(stored[0].article, fr.id);
    assert!(stored[0].counterpart.is_none());
    assert!(stored[0].text.contains("Marseille"));
}
