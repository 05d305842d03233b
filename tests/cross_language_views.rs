//! The reader's views across articles and languages (issue 17): divergence flags in the
//! side-by-side view, bilingual highlights made there, and the speakers view. Driven
//! through the event loop's own dispatch on ratatui's `TestBackend`, with articles built
//! here.

use diglot::align::{AlignRow, Alignment, RowKind};
use diglot::app::bilingual::BilingualState;
use diglot::app::{Action, App, Effect, Mode};
use diglot::ingest::{Corpus, from_plain_text};
use diglot::model::Article;
use diglot::model::manifest::PinnedPair;
use diglot::store::Store;
use diglot::tui::Session;
use std::collections::HashMap;

mod common;
use common::screen::{press, render, screen_text};

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
/// A session over two articles pinned as each other's counterpart, aligned by `rows`.
fn paired(en: &Article, fr: &Article, rows: Vec<AlignRow>) -> Session {
    let mut c = Corpus { articles: vec![en.clone(), fr.clone()], ..Default::default() };
    c.manifest.pairs.push(PinnedPair { left: en.id.clone(), right: fr.id.clone() });
    let mut app = Session::new(App::new(c, HashMap::new()));
    app.attach_store(Store::open_in_memory().unwrap());
    app.cache_bilingual(BilingualState::new(en, fr, Alignment { rows }, vec![], vec![], vec![]));
    app
}

fn pair_session() -> (Session, Article, Article) {
    let en = article("seizure-en", "en", "Lyon seizure", EN, "2024-05-02");
    let fr = article("seizure-fr", "fr", "Saisie à Lyon", FR, "2024-05-02");
    // Sentence 0 of each side is the title.
    let app = paired(&en, &fr, vec![
        AlignRow { left: 0..1, right: 0..1, score: 0.9, kind: RowKind::Match },
        AlignRow { left: 1..1, right: 1..2, score: 0.0, kind: RowKind::RightOnly },
        AlignRow { left: 1..2, right: 2..3, score: 0.9, kind: RowKind::Match },
        AlignRow { left: 2..3, right: 3..4, score: 0.9, kind: RowKind::Match },
    ]);
    (app, en, fr)
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
    // The status bar shows it, at 80 columns too, and the view's hints after it (the
    // reason first; the hints that do not fit are left out).
    let screen = screen_text(render(&mut app, 80, 24).backend().buffer());
    assert!(screen.lines().last().unwrap().contains("number"), "{screen}");
    let wide = screen_text(render(&mut app, 200, 30).backend().buffer());
    let status_row = wide.lines().last().unwrap();
    let (reason_at, hint_at) = (status_row.find("number").unwrap(), status_row.find("? help"));
    assert!(hint_at.is_some_and(|h| h > reason_at), "reason then hints: {status_row}");
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
    let mut app = paired(&en, &fr, vec![
        AlignRow { left: 0..1, right: 0..1, score: 0.9, kind: RowKind::Match },
        AlignRow { left: 1..2, right: 1..2, score: 0.9, kind: RowKind::Match },
    ]);
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
    assert_eq!(highlight.passage.article, en.id);
    assert!(highlight.passage.text.contains("2,500 euros"));
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
    assert_eq!(stored[0].passage.article, fr.id);
    assert!(stored[0].counterpart.is_none());
    assert!(stored[0].passage.text.contains("Marseille"));
}

// ---------- speakers view ----------

const EN_Q: &str = "Europol speaks\n\n\
“We will not stop until the networks are gone,” said Rob Wainwright, the director of Europol. \
Police arrested three men.";

const FR_Q: &str = "Europol s'exprime\n\n\
« Nous ne nous arrêterons pas tant que les réseaux existent », a déclaré Rob Wainwright, le directeur d'Europol. \
La police a arrêté trois hommes.";

const OTHER: &str = "Markets\n\n\
“Prices will rise again next year,” said Anna Berg, an economist at the bank. Trading was calm.";

fn speakers_session() -> Session {
    let mut c = Corpus {
        articles: vec![
            article("q-en", "en", "Europol speaks", EN_Q, "2024-05-02"),
            article("q-fr", "fr", "Europol s'exprime", FR_Q, "2024-05-03"),
            article("mkt", "en", "Markets \x1b[31mtoday", OTHER, "2024-01-01"),
        ],
        ..Default::default()
    };
    c.manifest.pairs.push(PinnedPair { left: "q-en".into(), right: "q-fr".into() });
    let mut app = Session::new(App::new(c, HashMap::new()));
    app.attach_store(Store::open_in_memory().unwrap());
    app
}

#[test]
fn s_lists_speakers_with_counts_enter_opens_their_quotes_with_pairs() {
    let mut app = speakers_session();
    render(&mut app, 80, 24);
    press(&mut app, "S");
    assert_eq!(app.mode, Mode::Speakers);
    app.finish_speakers_work();
    let screen = screen_text(render(&mut app, 80, 24).backend().buffer());
    assert!(screen.contains("Rob Wainwright · 2 quotes · EN 1 · FR 1 · 2 articles"), "{screen}");
    assert!(screen.contains("Anna Berg · 1 quote · EN 1 · 1 article"), "{screen}");
    insta::assert_snapshot!("speakers_list_80x24", screen);

    press(&mut app, "Enter");
    let screen = screen_text(render(&mut app, 80, 24).backend().buffer());
    // Newest article first: the French one (a day later), its pair under it.
    let first = screen.lines().position(|l| l.contains("Nous ne nous arrêterons")).expect(&screen);
    let second = screen.lines().position(|l| l.contains("We will not stop")).expect(&screen);
    assert!(first < second, "{screen}");
    assert!(screen.lines().nth(first + 1).unwrap().contains("FR · 2024-05-03 · Test Wire · Europol s'exprime"), "{screen}");
    assert!(screen.lines().nth(first + 2).unwrap().contains("↔ EN “We will not stop"), "{screen}");
    insta::assert_snapshot!("speakers_open_80x24", screen);

    // Enter on a quote shows it in its article.
    press(&mut app, "j Enter");
    assert_eq!(app.mode, Mode::Reader);
    assert_eq!(app.current().unwrap().id, "q-en");
    let q = app.reader.marked_quote.clone().expect("the quote is marked");
    assert!(app.current().unwrap().text[q].starts_with("We will not stop"));

    // S again comes back to the same speaker; q goes back a level, then out.
    press(&mut app, "S");
    assert!(app.speakers.opened().is_some());
    press(&mut app, "q");
    assert!(app.speakers.opened().is_none());
    press(&mut app, "q");
    assert_eq!(app.mode, Mode::Reader);
}

#[test]
fn slash_filters_speakers_as_you_type_and_h_highlights_a_quote_with_its_pair() {
    let mut app = speakers_session();
    render(&mut app, 80, 24);
    press(&mut app, "S");
    app.finish_speakers_work();
    press(&mut app, "/ w a i n");
    assert_eq!(app.speakers.visible_count(), 1);
    press(&mut app, "Backspace Backspace Backspace Backspace a n n");
    assert_eq!(app.speakers.visible().next().unwrap().name, "Anna Berg");
    press(&mut app, "Esc");
    assert_eq!(app.speakers.visible_count(), 2, "cancel restores the filter");
    press(&mut app, "/ r o b Enter Enter h");
    let stored = app.highlights().to_vec();
    assert_eq!(stored.len(), 1, "{:?}", app.status);
    assert_eq!(stored[0].speaker.as_deref(), Some("Rob Wainwright"));
    let second = stored[0].counterpart.as_ref().expect("the pair is the second text");
    assert_eq!(second.language.as_deref(), Some("en"));
    assert!(app.status.as_deref().unwrap_or("").contains("highlighted and saved"), "{:?}", app.status);
}

#[test]
fn the_speakers_view_draws_at_tiny_sizes_and_no_control_byte_reaches_the_screen() {
    let mut app = speakers_session();
    press(&mut app, "S");
    // Before the index is ready it says what it is doing.
    let screen = screen_text(render(&mut app, 80, 24).backend().buffer());
    assert!(screen.contains("Speakers"), "{screen}");
    app.finish_speakers_work();
    press(&mut app, "G Enter");
    for (w, h) in [(1, 1), (10, 3), (40, 10), (80, 24), (100, 30)] {
        let screen = screen_text(render(&mut app, w, h).backend().buffer());
        assert!(!screen.chars().any(|c| c.is_control() && c != '\n'), "{screen:?}");
    }
}

#[test]
fn a_one_sided_stretch_over_several_rows_is_one_flag() {
    let en = article("s-en", "en", "Lyon", "Lyon\n\nPolice seized 2,500 euros in Lyon on Tuesday.", "2024-05-02");
    let fr = article(
        "s-fr",
        "fr",
        "Lyon",
        "Lyon\n\nUne enquête avait commencé à Marseille. Elle a duré deux ans. La police a saisi 2 500 euros à Lyon mardi.",
        "2024-05-02",
    );
    let mut app = paired(&en, &fr, vec![
        AlignRow { left: 0..1, right: 0..1, score: 0.9, kind: RowKind::Match },
        AlignRow { left: 1..1, right: 1..2, score: 0.0, kind: RowKind::RightOnly },
        AlignRow { left: 1..1, right: 2..3, score: 0.0, kind: RowKind::RightOnly },
        AlignRow { left: 1..2, right: 3..4, score: 0.9, kind: RowKind::Match },
    ]);
    render(&mut app, 80, 24);
    press(&mut app, "b");
    let state = app.side_by_side.view.as_ref().unwrap();
    assert_eq!(state.flagged_rows().collect::<Vec<_>>(), vec![1, 2], "{:?}", state.flags);
    assert_eq!(state.flag_starts().collect::<Vec<_>>(), vec![1]);
    press(&mut app, "}");
    assert!(app.status.as_deref().unwrap_or("").starts_with("flag 1/1"), "{:?}", app.status);
    press(&mut app, "}");
    assert_eq!(app.side_by_side.view.as_ref().unwrap().row_cursor(), Some(1), "the only flag again, not its second row");
}

#[test]
fn without_colour_the_flag_mark_and_the_row_cursor_still_show() {
    let (mut app, _, _) = pair_session();
    app.no_color = true;
    render(&mut app, 80, 24);
    press(&mut app, "b } }");
    let t = render(&mut app, 80, 24);
    let buf = t.backend().buffer();
    let screen = screen_text(buf);
    let y = screen.lines().position(|l| l.contains("2,500")).expect(&screen) as u16;
    let gutter = &buf[(39, y)];
    assert_eq!(gutter.symbol(), "!");
    assert!(gutter.modifier.contains(ratatui::style::Modifier::REVERSED), "the row cursor: {gutter:?}");
    assert!(buf.content().iter().all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset));
}
