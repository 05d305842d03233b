//! The reader without a terminal: app-state tests driving actions, and snapshot tests of
//! the screen on ratatui's `TestBackend`. Articles are built here, not read from the
//! bundled corpus, so the snapshots only change when the reader does.

use diglot::app::keymap::KeyChord;
use diglot::align::{AlignRow, Alignment, QuotePair, RowKind};
use diglot::app::bilingual::BilingualState;
use diglot::app::{Action, App, Command, Effect, Focus, Mode, UndoOp};
use diglot::model::manifest::PinnedPair;
use diglot::store::Store;
use diglot::ingest::{Corpus, from_plain_text};
use diglot::model::{Article, Quote, QuoteKind, Speaker, SpeakerKind, Triage};
use diglot::tui::Session;
use diglot::ui;
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use std::collections::HashMap;

mod common;
use common::screen::{key_event, press, render, screen_text};

const EN_TEXT: &str = "Police warn about online propaganda\n\n\
The agency said on Monday that extremist groups were moving their channels to smaller \
platforms. “We are seeing a shift to encrypted apps,” the director told reporters.\n\n\
Analysts expect the trend to continue. The report calls it a “whack-a-mole” problem \
for the platforms, and the director added: “Nobody can do this alone.”\n\n\
Officials from several countries met again in the spring to compare notes on takedowns.";

const FR_TEXT: &str = "La police s’inquiète de la propagande en ligne\n\n\
« Nous devons agir vite », a déclaré le directeur lors d’une conférence de presse : \
« la menace est réelle ! » Les plateformes répondent-elles assez vite ? Personne ne le sait ; \
les experts restent prudents.\n\n\
Le rapport, publié mardi, recommande une coopération renforcée entre les services européens.";

const CJK_TEXT: &str = "日本語の記事\n\n\
インターネット上の過激派のプロパガンダについて、専門家は新しい対策が必要だと述べた。\
彼らは「協力が不可欠だ」と強調した。🙂🙂 同じ段落の続きです。";

fn article(id: &str, title: &str, text: &str, date: &str, source: &str) -> Article {
    let mut a = from_plain_text(id, text);
    a.meta.title = Some(title.to_string());
    a.meta.date = Some(date.to_string());
    a.meta.source = Some(source.to_string());
    a
}

fn corpus() -> Corpus {
    Corpus {
        articles: vec![
            article("en1", "Police warn about online propaganda", EN_TEXT, "2024-03-01", "Test Wire"),
            article("fr1", "La police s’inquiète de la propagande", FR_TEXT, "2024-03-02", "Le Test"),
            article("ja1", "日本語の記事", CJK_TEXT, "2024-03-03", "テスト新聞"),
        ],
        ..Default::default()
    }
}

fn quote(article: &Article, text: &str, speaker: Option<&str>, cue: Option<&str>, kind: QuoteKind) -> Quote {
    let start = article.text.find(text).expect("quote text in article");
    Quote {
        article: article.id.clone(),
        text: text.to_string(),
        speaker: speaker.map(|s| Speaker { name: s.to_string(), kind: SpeakerKind::Person }),
        speaker_as_written: speaker.map(str::to_string),
        cue: cue.map(str::to_string),
        kind,
        language: article.meta.language.clone(),
        paragraph: article.paragraph_at(start).unwrap_or(0),
        start,
        end: start + text.len(),
    }
}

/// An app over the test corpus with hand-made quotes for the English article.
fn app() -> Session {
    let c = corpus();
    let en = c.articles[0].clone();
    let mut app = Session::new(App::new(c, HashMap::new()));
    // Every test has a store, as the real reader does (a private one in memory).
    app.attach_store(Store::open_in_memory().unwrap());
    app.set_quotes(
        "en1",
        vec![
            quote(&en, "We are seeing a shift to encrypted apps,", Some("Jane Doe"), Some("told"), QuoteKind::Direct),
            quote(&en, "whack-a-mole", None, None, QuoteKind::Term),
            quote(&en, "Nobody can do this alone.", Some("Jane Doe"), Some("added"), QuoteKind::Direct),
        ],
    );
    app
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(c));
    }
}

// ---------- app state ----------

#[test]
fn moving_in_the_list_changes_the_body_and_enter_marks_read() {
    let mut app = app();
    assert_eq!(app.current().unwrap().id, "en1");
    press(&mut app, "j");
    assert_eq!(app.current().unwrap().id, "fr1");
    press(&mut app, "G");
    assert_eq!(app.current().unwrap().id, "ja1");
    press(&mut app, "g Down");
    assert_eq!(app.current().unwrap().id, "fr1");
    let effects = press(&mut app, "Enter");
    assert_eq!(effects, [Effect::SaveTriage("fr1".into(), Triage { read: true, ..Default::default() })]);
    assert_eq!(app.reader.focus, Focus::Body);
    assert!(app.triage("fr1").read);
    // Opening again saves nothing new.
    app.reader.focus = Focus::List;
    assert!(press(&mut app, "Enter").is_empty());
}

#[test]
fn tab_cycles_focus_both_ways() {
    let mut app = app();
    press(&mut app, "Tab");
    assert_eq!(app.reader.focus, Focus::Body);
    press(&mut app, "Tab");
    assert_eq!(app.reader.focus, Focus::Quotes);
    press(&mut app, "Tab");
    assert_eq!(app.reader.focus, Focus::List);
    press(&mut app, "S-Tab");
    assert_eq!(app.reader.focus, Focus::Quotes);
}

#[test]
fn body_scrolls_and_stays_in_bounds() {
    let mut app = app();
    app.update(Action::Resize(60, 16));
    press(&mut app, "Tab");
    press(&mut app, "j j");
    assert_eq!(app.reader.body_top, 2);
    press(&mut app, "k k k k");
    assert_eq!(app.reader.body_top, 0);
    press(&mut app, "G");
    let max = app.reader.body_top;
    assert!(max > 0);
    press(&mut app, "j Ctrl-d PageDown");
    assert_eq!(app.reader.body_top, max);
    press(&mut app, "Ctrl-u");
    assert!(app.reader.body_top < max);
}

#[test]
fn toggles_read_and_star_with_effects() {
    let mut app = app();
    let e = press(&mut app, "s");
    assert_eq!(e, [Effect::SaveTriage("en1".into(), Triage { starred: true, ..Default::default() })]);
    let e = press(&mut app, "m");
    assert_eq!(e, [Effect::SaveTriage("en1".into(), Triage { starred: true, read: true, archived: false })]);
    press(&mut app, "m");
    assert!(!app.triage("en1").read);
}

#[test]
fn triage_given_at_start_is_shown_and_filterable() {
    let mut triage = HashMap::new();
    triage.insert("fr1".to_string(), Triage { read: true, starred: true, archived: false });
    let mut app = Session::new(App::new(corpus(), triage));
    press(&mut app, "f");
    type_text(&mut app, "unread");
    press(&mut app, "Enter");
    let ids: Vec<_> = app.visible().iter().map(|&i| app.row(i).unwrap().id.clone()).collect();
    assert_eq!(ids, ["en1", "ja1"]);
    press(&mut app, "f Ctrl-u");
    type_text(&mut app, "starred");
    press(&mut app, "Enter");
    assert_eq!(app.visible().len(), 1);
    assert_eq!(app.current().unwrap().id, "fr1");
}

#[test]
fn filter_by_language_and_words_and_cancel_restores() {
    let mut app = app();
    press(&mut app, "f");
    type_text(&mut app, "lang:fr");
    assert_eq!(app.visible().len(), 1, "the filter follows the typing");
    press(&mut app, "Enter");
    assert_eq!(app.current().unwrap().id, "fr1");
    assert!(app.status.as_deref().unwrap().contains("1 of 3"));
    // Edit then cancel: the previous filter comes back.
    press(&mut app, "f Ctrl-u");
    type_text(&mut app, "encrypted");
    assert_eq!(app.current().unwrap().id, "en1");
    press(&mut app, "Esc");
    assert_eq!(app.reader.filter.text, "lang:fr");
    assert_eq!(app.visible().len(), 1);
    // Words match body text too, ignoring case; several words must all match.
    press(&mut app, "F");
    assert_eq!(app.visible().len(), 3);
    press(&mut app, "f");
    type_text(&mut app, "ENCRYPTED director");
    press(&mut app, "Enter");
    assert_eq!(app.visible().len(), 1);
    press(&mut app, "f Ctrl-u");
    type_text(&mut app, "nothing-like-this");
    press(&mut app, "Enter");
    assert!(app.visible().is_empty());
    assert!(app.current().is_none());
    // Keys still work on an empty list.
    press(&mut app, "j k G g Enter m s Tab j Tab Enter");
}

#[test]
fn search_finds_matches_and_n_cycles_with_wrap() {
    let mut app = app();
    press(&mut app, "Enter /");
    type_text(&mut app, "THE");
    let n = app.reader.search.matches.len();
    assert!(n >= 4, "{n}");
    for m in &app.reader.search.matches {
        assert_eq!(app.current().unwrap().text[m.clone()].to_lowercase(), "the");
    }
    press(&mut app, "Enter");
    assert_eq!(app.reader.focus, Focus::Body);
    assert_eq!(app.reader.search.current, Some(0));
    press(&mut app, "n");
    assert_eq!(app.reader.search.current, Some(1));
    press(&mut app, "N N");
    assert_eq!(app.reader.search.current, Some(n - 1));
    assert!(app.status.as_deref().unwrap().contains("wrapped"));
    // The search follows to the next article.
    press(&mut app, "S-Tab j");
    assert_eq!(app.current().unwrap().id, "fr1");
    assert_eq!(app.reader.search.query, "THE");
    press(&mut app, "Esc");
    assert!(app.reader.search.query.is_empty());
}

#[test]
fn search_with_no_match_says_so_and_cancel_restores() {
    let mut app = app();
    press(&mut app, "Enter /");
    type_text(&mut app, "zzz");
    press(&mut app, "Enter");
    assert!(app.status.as_deref().unwrap().contains("no match"));
    press(&mut app, "n");
    assert!(app.status.as_deref().unwrap().contains("no match"));
    press(&mut app, "/");
    type_text(&mut app, "agency");
    press(&mut app, "Esc");
    assert_eq!(app.reader.search.query, "zzz");
}

#[test]
fn prompt_editing_keys_and_paste() {
    let mut app = app();
    press(&mut app, "/");
    type_text(&mut app, "police wa");
    press(&mut app, "Ctrl-w");
    assert_eq!(app.reader.prompt.as_ref().unwrap().editor.text(), "police ");
    press(&mut app, "Home Delete");
    assert_eq!(app.reader.prompt.as_ref().unwrap().editor.text(), "olice ");
    app.update(Action::Paste("x\u{1b}[2Jy".into()));
    assert_eq!(app.reader.prompt.as_ref().unwrap().editor.text(), "x[2Jyolice ");
    // Keys bound elsewhere are typed as text inside a prompt.
    press(&mut app, "Ctrl-u q j");
    assert_eq!(app.reader.prompt.as_ref().unwrap().editor.text(), "qjolice ");
    // A paste outside a prompt does nothing.
    press(&mut app, "Esc");
    app.update(Action::Paste("qqq".into()));
    assert!(app.reader.prompt.is_none());
}

#[test]
fn quotes_pane_hides_terms_and_enter_jumps_the_body_to_the_quote() {
    let mut app = app();
    app.update(Action::Resize(80, 24));
    assert_eq!(app.visible_quotes().len(), 2);
    assert_eq!(app.hidden_terms(), 1);
    press(&mut app, "t");
    assert_eq!(app.visible_quotes().len(), 3);
    press(&mut app, "t");
    press(&mut app, "Tab Tab");
    assert_eq!(app.reader.focus, Focus::Quotes);
    press(&mut app, "j Enter");
    let q = &app.visible_quotes()[1];
    assert_eq!(app.reader.marked_quote, Some(q.start..q.end));
    let lines = app.body_lines();
    let shown = &lines[app.reader.body_top..(app.reader.body_top + 10).min(lines.len())];
    assert!(shown.iter().any(|l| l.range.start <= q.start && q.start <= l.range.end));
    assert_eq!(app.reader.focus, Focus::Quotes, "wide layout keeps the quotes focused");
    // In the narrow layout Enter shows the body.
    app.update(Action::Resize(50, 20));
    press(&mut app, "Enter");
    assert_eq!(app.reader.focus, Focus::Body);
}

#[test]
fn quotes_with_bad_offsets_are_refused_not_panicking() {
    let c = corpus();
    let en = c.articles[0].clone();
    let mut app = Session::new(App::new(c, HashMap::new()));
    let mut bad = quote(&en, "Nobody can do this alone.", None, None, QuoteKind::Direct);
    bad.start = 100_000;
    bad.end = 100_010;
    app.set_quotes("en1", vec![bad]);
    press(&mut app, "Tab Tab Enter");
    assert!(app.reader.marked_quote.is_none());
    assert!(app.status.is_some());
    render(&mut app, 80, 24);
}

#[test]
fn help_overlay_opens_scrolls_and_closes() {
    let mut app = app();
    press(&mut app, "?");
    assert!(app.help_open);
    app.update(Action::Resize(80, 24));
    press(&mut app, "G");
    assert!(app.help_scroll > 0);
    // Keys of other contexts do nothing while help is open.
    press(&mut app, "s");
    assert!(!app.triage("en1").starred);
    press(&mut app, "Esc");
    assert!(!app.help_open);
    press(&mut app, "? q");
    assert!(!app.help_open);
    assert!(press(&mut app, "q").contains(&Effect::Quit));
}

#[test]
fn unbound_keys_change_nothing_and_b_without_counterpart_says_so() {
    let mut app = app();
    // An unbound key changes nothing but says so.
    assert_eq!(app.handle_key(KeyChord::parse("Ctrl-x").unwrap()), Some(vec![]));
    assert_eq!(app.status.as_deref(), Some("Ctrl-x: no such key here — ? for help"));
    press(&mut app, "x");
    assert_eq!(app.status.as_deref(), Some("x: no such key here — ? for help"));
    assert_eq!(app.reader.focus, Focus::List);
    press(&mut app, "G b");
    // The first comparison reads the word list: on a worker, the status bar says so.
    assert!(app.status.as_deref().unwrap().starts_with("looking for a counterpart among 3 articles"), "{:?}", app.status);
    app.finish_side_by_side_work();
    assert_eq!(app.mode, Mode::Reader);
    let status = app.status.clone().unwrap();
    assert!(status.starts_with("no counterpart ·") && status.contains("日本語の記事"), "{status}");
    // The short part comes first: at 80 columns the status row still says it.
    let t = render(&mut app, 80, 24);
    assert!(screen_text(t.backend().buffer()).lines().last().unwrap().contains("no counterpart ·"));
}

#[test]
fn alt_key_from_a_fast_escape_acts_as_escape_then_key() {
    let mut app = app();
    press(&mut app, "?");
    press(&mut app, "Alt-j");
    assert!(!app.help_open);
    assert_eq!(app.current().unwrap().id, "fr1");
}

#[test]
fn user_keymap_changes_keys_and_help() {
    let mut keymap = diglot::app::keymap::Keymap::default();
    keymap.apply_config("[keys.global]\n\"x\" = \"quit\"\n\"q\" = \"none\"\n").unwrap();
    let mut app = Session::new(App::new(corpus(), HashMap::new()).with_keymap(keymap));
    assert!(press(&mut app, "q").is_empty());
    assert_eq!(press(&mut app, "x"), [Effect::Quit]);
    press(&mut app, "?");
    let t = render(&mut app, 80, 24);
    let text = screen_text(t.backend().buffer());
    assert!(text.contains("x Ctrl-c") && text.contains("quit diglot"), "{text}");
    let _ = Command::Quit;
}

// ---------- rendering ----------

#[test]
fn snapshot_reader_80x24() {
    let mut app = app();
    let t = render(&mut app, 80, 24);
    insta::assert_snapshot!("reader_80x24", t.backend());
}

#[test]
fn snapshot_reader_120x40_with_quotes_and_search() {
    let mut app = app();
    press(&mut app, "Tab Tab j Enter /");
    type_text(&mut app, "director");
    press(&mut app, "Enter");
    let t = render(&mut app, 120, 40);
    insta::assert_snapshot!("reader_120x40_quotes_search", t.backend());
}

#[test]
fn snapshot_quotes_focused_80x24_with_terms() {
    let mut app = app();
    press(&mut app, "t Tab Tab");
    let t = render(&mut app, 80, 24);
    insta::assert_snapshot!("quotes_80x24_terms", t.backend());
}

#[test]
fn snapshot_help_80x24_and_120x40() {
    let mut app = app();
    press(&mut app, "?");
    let t = render(&mut app, 80, 24);
    insta::assert_snapshot!("help_80x24", t.backend());
    let t = render(&mut app, 120, 40);
    insta::assert_snapshot!("help_120x40", t.backend());
}

#[test]
fn snapshot_filter_prompt_80x24() {
    let mut app = app();
    press(&mut app, "f");
    type_text(&mut app, "lang:fr");
    let t = render(&mut app, 80, 24);
    insta::assert_snapshot!("filter_prompt_80x24", t.backend());
}

#[test]
fn snapshot_narrow_fallback_shows_one_pane() {
    let mut app = app();
    let t = render(&mut app, 50, 20);
    insta::assert_snapshot!("narrow_list_50x20", t.backend());
    press(&mut app, "Tab");
    let t = render(&mut app, 50, 20);
    insta::assert_snapshot!("narrow_body_50x20", t.backend());
    press(&mut app, "Tab");
    let t = render(&mut app, 50, 20);
    insta::assert_snapshot!("narrow_quotes_50x20", t.backend());
}

#[test]
fn snapshot_french_and_cjk_wrapping() {
    let mut app = app();
    press(&mut app, "j Enter");
    let t = render(&mut app, 80, 24);
    insta::assert_snapshot!("french_80x24", t.backend());
    press(&mut app, "S-Tab j Enter");
    let t = render(&mut app, 80, 24);
    insta::assert_snapshot!("cjk_80x24", t.backend());
}

#[test]
fn french_punctuation_never_starts_a_body_line_at_any_width() {
    let mut app = app();
    press(&mut app, "j");
    for w in 20..140 {
        app.update(Action::Resize(w, 30));
        let lines = app.body_lines();
        let text = &app.current().unwrap().text;
        for l in lines.iter() {
            let s = &text[l.range.clone()];
            let first = s.chars().next().unwrap_or(' ');
            assert!(!matches!(first, '»' | ':' | '?' | '!' | ';'), "width {w}: {s:?}");
            assert!(ui::wrap::display_width(s) <= app.body_width(), "width {w}: {s:?}");
        }
    }
}

#[test]
fn cjk_and_emoji_never_overflow_the_body_pane() {
    let mut app = app();
    press(&mut app, "G Tab");
    for w in [30u16, 47, 60, 61, 80, 99, 120] {
        let t = render(&mut app, w, 24);
        let buf = t.backend().buffer();
        let body = ui::layout::inner(app.panes().body.unwrap());
        let article = app.current().unwrap();
        for l in app.body_lines().iter() {
            let s = article.slice(&l.range);
            assert!(ui::wrap::display_width(s) <= usize::from(body.width), "width {w}: {s:?}");
        }
        // The body's right border is intact on every row.
        let border_x = body.right();
        for y in body.top()..body.bottom() {
            assert_eq!(buf[(border_x, y)].symbol(), "│", "width {w} row {y}\n{}", screen_text(buf));
        }
    }
}

#[test]
fn tiny_sizes_never_panic_and_full_size_redraws_identically() {
    let mut app = app();
    let fresh = render(&mut app, 80, 24).backend().buffer().clone();
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    for (w, h) in (0..=24u16).flat_map(|w| (0..=12u16).map(move |h| (w, h))) {
        for keys in ["Tab", "?", "?", "/", "Esc", "f", "Esc"] {
            app.update(Action::Resize(w, h));
            t.backend_mut().resize(w, h);
            t.draw(|f| ui::draw(f, &app)).unwrap();
            press(&mut app, keys);
        }
    }
    // Back to the original state and size.
    app.reader.focus = Focus::List;
    app.update(Action::Resize(80, 24));
    t.backend_mut().resize(80, 24);
    t.draw(|f| ui::draw(f, &app)).unwrap();
    assert_eq!(t.backend().buffer(), &fresh);
}

#[test]
fn no_color_uses_no_colour_but_keeps_selection_visible() {
    let mut app = app();
    app.no_color = true;
    press(&mut app, "Enter /");
    type_text(&mut app, "the");
    press(&mut app, "Enter t");
    for (w, h) in [(80, 24), (120, 40), (50, 20)] {
        let t = render(&mut app, w, h);
        let buf = t.backend().buffer();
        let mut reversed = 0;
        for cell in buf.content() {
            assert_eq!(cell.fg, Color::Reset);
            assert_eq!(cell.bg, Color::Reset);
            if cell.modifier.contains(Modifier::REVERSED) {
                reversed += 1;
            }
        }
        assert!(reversed > 0, "selection and matches must still show");
    }
    press(&mut app, "?");
    let t = render(&mut app, 80, 24);
    assert!(t.backend().buffer().content().iter().all(|c| c.fg == Color::Reset && c.bg == Color::Reset));
    let t = render(&mut app, 80, 24);
    insta::assert_snapshot!("no_color_help_80x24", t.backend());
}

#[test]
fn colour_theme_marks_search_matches_and_quotes() {
    let mut app = app();
    press(&mut app, "Tab Tab Enter /");
    type_text(&mut app, "encrypted");
    press(&mut app, "Enter");
    let t = render(&mut app, 120, 40);
    let buf = t.backend().buffer();
    let styled: Vec<_> = buf.content().iter().filter(|c| c.bg != Color::Reset).collect();
    assert!(!styled.is_empty(), "the current match has a background");
    assert!(buf.content().iter().any(|c| c.fg == Color::Magenta), "quotes are marked in the body");
}

#[test]
fn control_sequences_in_article_text_never_reach_the_screen() {
    let hostile = "Hostile \u{1b}]0;pwned\u{7}title\n\nBody text \u{1b}[2J with a clear \u{9b}31m and C1.";
    let mut a = from_plain_text("evil", hostile);
    a.meta.title = Some("Evil \u{1b}]0;pwned\u{7}one".into());
    a.meta.source = Some("src\u{1b}[31m".into());
    let corpus = Corpus { articles: vec![a], ..Default::default() };
    let mut app = Session::new(App::new(corpus, HashMap::new()));
    for (w, h) in [(80, 24), (40, 10), (120, 40)] {
        let t = render(&mut app, w, h);
        let text = screen_text(t.backend().buffer());
        assert!(!text.contains("pwned") && !text.contains("]0;") && !text.contains("[2J"), "{text}");
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
    }
    let t = render(&mut app, 80, 24);
    assert!(screen_text(t.backend().buffer()).contains("Evil one"));
}

#[test]
fn empty_corpus_shows_a_hint() {
    let mut app = Session::new(App::new(Corpus::default(), HashMap::new()));
    press(&mut app, "j Enter Tab j Tab Enter / x Enter n");
    let t = render(&mut app, 80, 24);
    assert!(screen_text(t.backend().buffer()).contains("No articles"));
}

#[test]
fn bundled_corpus_opens_and_every_article_renders() {
    let mut app = Session::new(App::new(diglot::ingest::bundled(), HashMap::new()));
    let n = app.visible().len();
    assert_eq!(n, 5);
    for _ in 0..n {
        for (w, h) in [(80, 24), (120, 40), (50, 20)] {
            render(&mut app, w, h);
        }
        press(&mut app, "j");
    }
}

#[test]
fn resizing_keeps_the_same_text_at_the_top_of_the_body() {
    let mut app = app();
    app.update(Action::Resize(60, 14));
    press(&mut app, "Tab j j j j");
    let top_offset = app.body_lines()[app.reader.body_top].range.start;
    assert!(top_offset > 0);
    for (w, h) in [(1, 1), (30, 8), (200, 60), (60, 14)] {
        app.update(Action::Resize(w, h));
    }
    assert_eq!(app.body_lines()[app.reader.body_top].range.start, top_offset);
}

#[test]
fn marking_read_under_an_unread_filter_keeps_the_article_in_the_body() {
    let mut app = app();
    press(&mut app, "f");
    type_text(&mut app, "unread");
    press(&mut app, "Enter j");
    assert_eq!(app.current().unwrap().id, "fr1");
    press(&mut app, "m");
    assert!(app.triage("fr1").read);
    assert_eq!(app.current().unwrap().id, "fr1", "the body must not switch articles");
    // Re-applying the filter drops it and selects the article that followed it.
    press(&mut app, "f Enter");
    assert_eq!(app.current().unwrap().id, "ja1");
    assert_eq!(app.visible().len(), 2);
}

#[test]
fn help_scrolls_to_its_last_line() {
    let mut app = app();
    press(&mut app, "? G");
    let t = render(&mut app, 80, 24);
    let text = screen_text(t.backend().buffer());
    assert!(text.contains("delete to the start of the line"), "{text}");
    let total = ui::help::help_rows(&app.keymap, app.viewport()).0.len();
    assert!(text.contains(&format!("of {total}")) && text.contains(&format!("–{total} ")), "{text}");
}

// ---------- highlights, views, store (the wiring) ----------

/// The test app with a private in-memory store.
fn app_with_store() -> Session {
    app()
}

fn stored(app: &Session) -> Vec<diglot::model::Highlight> {
    app.store().unwrap().highlights(None).unwrap()
}

fn sentence(app: &App, i: usize) -> String {
    let a = app.current().unwrap();
    let s = diglot::app::sentence_ranges(&a);
    a.text[s[i].clone()].to_string()
}

#[test]
fn h_in_quotes_pane_toggles_a_saved_highlight_with_its_speaker_and_u_undoes() {
    let mut app = app_with_store();
    press(&mut app, "Tab Tab h");
    let hs = stored(&app);
    assert_eq!(hs.len(), 1);
    assert_eq!(hs[0].passage.text, "We are seeing a shift to encrypted apps,");
    assert_eq!(hs[0].speaker.as_deref(), Some("Jane Doe"));
    assert!(app.status.as_deref().unwrap().contains("saved"), "{:?}", app.status);
    // The same key takes it off again (found by its range in the store).
    press(&mut app, "h");
    assert!(stored(&app).is_empty());
    assert!(app.status.as_deref().unwrap().contains("removed"));
    // u brings it back with the same id, then u removes it again (the first add).
    press(&mut app, "u");
    assert_eq!(stored(&app).len(), 1);
    assert_eq!(stored(&app)[0].id, hs[0].id);
    press(&mut app, "u");
    assert!(stored(&app).is_empty());
    press(&mut app, "u");
    assert_eq!(app.status.as_deref(), Some("nothing to undo"));
}

#[test]
fn sentence_cursor_moves_with_parens_follows_scrolling_and_h_highlights_it() {
    let mut app = app_with_store();
    app.update(Action::Resize(80, 24));
    press(&mut app, "Enter");
    assert_eq!(app.reader.focus, Focus::Body);
    assert_eq!(app.reader.sentence_cursor, 0);
    press(&mut app, ") ) (");
    assert_eq!(app.reader.sentence_cursor, 1);
    press(&mut app, "J K K K");
    assert_eq!(app.reader.sentence_cursor, 0, "stops at the first sentence");
    press(&mut app, ") h");
    let hs = stored(&app);
    assert_eq!(hs.len(), 1);
    assert_eq!(hs[0].passage.text, sentence(&app, 1));
    assert!(app.status.as_deref().unwrap().contains("sentence highlighted"));
    // Scrolling the body down past the cursor moves it to the first sentence on screen.
    app.update(Action::Resize(40, 10));
    press(&mut app, "G");
    let top = app.body_lines()[app.reader.body_top].range.start;
    let cur = app.cursor_sentence_range().unwrap();
    assert!(cur.end > top, "cursor {cur:?} is on screen (top at byte {top})");
}

#[test]
fn visual_selection_extends_by_words_and_sentences_and_h_saves_it() {
    let mut app = app_with_store();
    press(&mut app, "Enter ) v");
    assert!(app.reader.visual.is_some());
    assert_eq!(app.key_context(), diglot::app::keymap::KeyContext::Visual);
    let a = app.current().unwrap().clone();
    let one = app.visual_range().unwrap();
    assert_eq!(&a.text[one.clone()], sentence(&app, 1));
    press(&mut app, "j");
    let two = app.visual_range().unwrap();
    assert_eq!(two.start, one.start);
    assert!(a.text[two.clone()].ends_with(&sentence(&app, 2)));
    // w switches to words and goes one word past the selection's end.
    press(&mut app, "w");
    let words = app.visual_range().unwrap();
    assert_eq!(words.start, one.start);
    assert!(words.end > two.end, "{:?}", &a.text[words.clone()]);
    let two_words = a.text[two.clone()].split_whitespace().count();
    assert_eq!(a.text[words.clone()].split_whitespace().count(), two_words + 1);
    // ( back to sentences: the selection ends on the sentence holding its end.
    press(&mut app, "b b (");
    assert_eq!(app.visual_range().unwrap(), one, "back to the anchor sentence");
    press(&mut app, "v v w w h");
    assert!(app.reader.visual.is_none());
    let hs = stored(&app);
    assert_eq!(hs.len(), 1);
    let one_words = a.text[one.clone()].split_whitespace().count();
    assert_eq!(hs[0].passage.text.split_whitespace().count(), one_words + 2, "v w w: the sentence and two words");
    // Esc cancels without saving.
    press(&mut app, "v Esc");
    assert!(app.reader.visual.is_none());
    assert_eq!(stored(&app).len(), 1);
}

#[test]
fn tag_editor_sets_and_clears_the_tag_and_u_takes_it_back() {
    let mut app = app_with_store();
    press(&mut app, "Enter T");
    assert!(app.status.as_deref().unwrap().contains("no highlight here to give a tag"));
    press(&mut app, "h T");
    assert_eq!(app.reader.prompt.as_ref().map(|p| p.kind), Some(diglot::app::PromptKind::Tag));
    type_text(&mut app, "europol");
    press(&mut app, "Enter");
    assert_eq!(stored(&app)[0].tag.as_deref(), Some("europol"));
    assert_eq!(app.status.as_deref(), Some("tag saved"));
    // In the highlights view too; an empty tag clears it.
    press(&mut app, "H T");
    assert_eq!(app.reader.prompt.as_ref().unwrap().editor.text(), "europol");
    press(&mut app, "Ctrl-u Enter");
    assert_eq!(stored(&app)[0].tag, None);
    assert_eq!(app.status.as_deref(), Some("tag cleared"));
    press(&mut app, "u");
    assert_eq!(stored(&app)[0].tag.as_deref(), Some("europol"));
}

#[test]
fn note_editor_saves_the_note_and_u_takes_it_back() {
    let mut app = app_with_store();
    press(&mut app, "Enter n");
    assert!(app.status.as_deref().unwrap().contains("no highlight here"));
    assert!(app.reader.prompt.is_none());
    press(&mut app, "h n");
    assert!(app.reader.prompt.is_some());
    type_text(&mut app, "clé — à vérifier");
    press(&mut app, "Enter");
    assert_eq!(stored(&app)[0].note.as_deref(), Some("clé — à vérifier"));
    assert_eq!(app.status.as_deref(), Some("note saved"));
    // Editing again starts from the saved note; Esc keeps it.
    press(&mut app, "a");
    assert_eq!(app.reader.prompt.as_ref().unwrap().editor.text(), "clé — à vérifier");
    press(&mut app, "Esc");
    assert_eq!(stored(&app)[0].note.as_deref(), Some("clé — à vérifier"));
    assert!(matches!(app.undo_stack().last(), Some(UndoOp::Note { .. })));
    press(&mut app, "u");
    assert_eq!(stored(&app)[0].note, None);
    // With a search active, n in the body still goes to the next match.
    press(&mut app, "/");
    type_text(&mut app, "the");
    press(&mut app, "Enter n");
    assert!(app.reader.prompt.is_none());
    assert!(app.status.as_deref().unwrap().starts_with("match"), "{:?}", app.status);
}

#[test]
fn y_copies_quote_and_sentence_with_citation_as_an_effect() {
    let mut app = app_with_store();
    let effects = press(&mut app, "Tab Tab y");
    let Some(Effect::Clipboard(text)) = effects.last() else { panic!("{effects:?}") };
    assert!(text.contains("We are seeing a shift to encrypted apps,"), "{text}");
    assert!(text.contains("Jane Doe") && text.contains("Police warn about online propaganda"), "{text}");
    assert!(app.status.as_deref().unwrap().starts_with("copied quote"));
    let effects = press(&mut app, "S-Tab y");
    let Some(Effect::Clipboard(text)) = effects.last() else { panic!("{effects:?}") };
    assert!(text.contains(&sentence(&app, 0)), "{text}");
    // Nothing is copied from the list.
    assert!(press(&mut app, "Tab Tab y").is_empty());
}

#[test]
fn without_a_store_highlighting_is_refused_with_the_reason() {
    let mut app = Session::new(App::new(corpus(), HashMap::new()));
    assert!(!app.saving());
    app.set_store_problem("/nowhere/d.db: store not opened".into());
    press(&mut app, "Enter h");
    assert!(app.status.as_deref().unwrap().contains("/nowhere/d.db"), "{:?}", app.status);
    assert!(app.highlights().is_empty());
}

#[test]
fn triage_persists_and_a_refused_write_reverts_to_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    {
        let mut app = app();
        app.attach_store(Store::open(&path).unwrap());
        press(&mut app, "s");
        assert!(app.triage("en1").starred);
    }
    assert!(Store::open(&path).unwrap().triage("en1").unwrap().starred);
    // Read-only: the change is refused, said, and the shown state is what is on disk.
    let mut app = Session::new(App::new(corpus(), HashMap::new()));
    app.attach_read_only_store(Store::open_read_only(&path).unwrap());
    assert!(!app.saving());
    let t = render(&mut app, 80, 24);
    assert!(screen_text(t.backend().buffer()).contains("NOT SAVING"));
    press(&mut app, "m");
    assert!(app.status.as_deref().unwrap().starts_with("not saved"), "{:?}", app.status);
    assert!(app.status.as_deref().unwrap().contains("t.db"));
    assert!(!app.triage("en1").read);
}

#[test]
fn a_write_refused_by_a_lock_stays_flagged_until_a_write_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.db");
    let mut app = app();
    app.attach_store(Store::open_with_timeout(&path, std::time::Duration::from_millis(100)).unwrap());
    // Another process (a second SSH session) holds the write lock.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    press(&mut app, "s");
    assert!(app.library.write_failure.is_some());
    assert!(!app.triage("en1").starred, "the shown state is what is on disk");
    press(&mut app, "Esc");
    let t = render(&mut app, 80, 24);
    assert!(screen_text(t.backend().buffer()).contains("LAST CHANGE NOT SAVED"));
    // The lock goes away; the next write succeeds and clears the flag.
    other.execute_batch("COMMIT").unwrap();
    press(&mut app, "s");
    assert!(app.library.write_failure.is_none());
    assert!(app.triage("en1").starred);
}

#[test]
fn highlights_view_jumps_deletes_undoes_notes_copies_and_exports() {
    let mut app = app_with_store();
    press(&mut app, "Tab Tab h j j h");
    assert_eq!(stored(&app).len(), 2);
    press(&mut app, "S-Tab S-Tab G H");
    assert_eq!(app.mode, Mode::Highlights);
    assert_eq!(app.library.view.as_ref().unwrap().entries().len(), 2);
    press(&mut app, "j d");
    assert_eq!(stored(&app).len(), 1);
    assert_eq!(app.library.view.as_ref().unwrap().entries().len(), 1);
    press(&mut app, "u");
    assert_eq!(stored(&app).len(), 2);
    assert_eq!(app.library.view.as_ref().unwrap().entries().len(), 2);
    press(&mut app, "n");
    type_text(&mut app, "check");
    press(&mut app, "Enter");
    assert_eq!(stored(&app).iter().filter(|h| h.note.as_deref() == Some("check")).count(), 1);
    let effects = press(&mut app, "y");
    assert!(matches!(effects.last(), Some(Effect::Clipboard(t)) if t.contains("Jane Doe")));
    let dir = tempfile::tempdir().unwrap();
    app.library.places.export_dir = dir.path().join("exports");
    // The home folder the reader was given (not $HOME) is shown as `~`.
    app.library.places.home = Some(dir.path().to_path_buf());
    press(&mut app, "e");
    let status = app.status.clone().unwrap();
    assert!(status.starts_with("exported 2 highlight(s) to ~/exports/"), "{status}");
    let file = std::fs::read_dir(&app.library.places.export_dir).unwrap().next().unwrap().unwrap().path();
    let md = std::fs::read_to_string(&file).unwrap();
    assert!(md.contains("Nobody can do this alone.") && md.contains("check"), "{md}");
    // Enter goes back to the reader, on the article at the highlight.
    press(&mut app, "k Enter");
    assert_eq!(app.mode, Mode::Reader);
    assert_eq!(app.current().unwrap().id, "en1");
    assert_eq!(app.reader.focus, Focus::Body);
    press(&mut app, "H q");
    assert_eq!(app.mode, Mode::Reader);
}

/// The test app with en1 ↔ fr1 pinned as counterparts and a hand-made alignment.
fn app_with_pair() -> Session {
    let mut c = corpus();
    c.manifest.pairs.push(PinnedPair { left: "en1".into(), right: "fr1".into() });
    let (en, fr) = (c.articles[0].clone(), c.articles[1].clone());
    let mut app = Session::new(App::new(c, HashMap::new()));
    app.attach_store(Store::open_in_memory().unwrap());
    let row = |l: std::ops::Range<usize>, r: std::ops::Range<usize>, kind| AlignRow { left: l, right: r, score: 0.8, kind };
    let rows = vec![
        row(0..1, 0..1, RowKind::Match),
        row(1..2, 1..3, RowKind::Match),
        row(2..3, 3..3, RowKind::LeftOnly),
        row(3..5, 3..4, RowKind::Match),
        row(5..6, 4..5, RowKind::Match),
    ];
    let q_en = quote(&en, "We are seeing a shift to encrypted apps,", Some("Jane Doe"), Some("told"), QuoteKind::Direct);
    let q_fr = quote(&fr, "Nous devons agir vite", Some("le directeur"), Some("a déclaré"), QuoteKind::Direct);
    let pairs = vec![QuotePair { left_quote: 0, right_quote: 0, score: 0.9 }];
    app.cache_bilingual(BilingualState::new(&en, &fr, Alignment { rows }, vec![q_en], vec![q_fr], pairs));
    app
}

#[test]
fn b_opens_the_pinned_counterpart_side_by_side_and_keys_drive_it() {
    let mut app = app_with_pair();
    app.update(Action::Resize(80, 24));
    press(&mut app, "Enter ) ) ) b");
    assert_eq!(app.mode, Mode::Bilingual);
    let st = app.side_by_side.view.as_ref().unwrap();
    assert_eq!((st.left_id.as_str(), st.right_id.as_str()), ("en1", "fr1"));
    press(&mut app, "g ] Tab m");
    let st = app.side_by_side.view.as_ref().unwrap();
    assert!(st.show_map);
    assert_eq!(st.focus, diglot::app::bilingual::Side::Right);
    let effects = press(&mut app, "y");
    assert!(matches!(effects.last(), Some(Effect::Clipboard(t)) if t.contains("Nous devons agir vite")), "{effects:?}");
    press(&mut app, "h");
    let hs = stored(&app);
    assert_eq!(hs.len(), 1);
    assert_eq!(hs[0].passage.article, "fr1");
    assert_eq!(hs[0].speaker.as_deref(), Some("le directeur"));
    // ? opens the help at this view's keys.
    press(&mut app, "?");
    assert!(app.help_open && app.help_scroll > 0);
    let lines = ui::help::help_rows(&app.keymap, app.viewport()).0;
    assert_eq!(lines[app.help_scroll], ui::help::HelpLine::Heading("Side-by-side bilingual view (b)".into()));
    press(&mut app, "Esc");
    assert_eq!(app.mode, Mode::Bilingual);
    // The first q closes the map, the second the view.
    press(&mut app, "q q");
    assert_eq!(app.mode, Mode::Reader);
    // From the French side, the same pair opens with French on the left (aligned on a
    // worker, the first alignment of the session reading the word list).
    press(&mut app, "S-Tab j b");
    assert!(app.working_on().is_some_and(|w| w.starts_with("aligning with en1")), "{:?}", app.working_on());
    app.finish_side_by_side_work();
    assert_eq!(app.side_by_side.view.as_ref().unwrap().left_id, "fr1");
    press(&mut app, "b");
    assert_eq!(app.mode, Mode::Reader);
}

#[test]
fn snapshot_reader_with_highlights_80x24_and_120x40() {
    let mut app = app_with_store();
    press(&mut app, "Tab Tab j j h S-Tab ) h");
    let t = render(&mut app, 80, 24);
    insta::assert_snapshot!("reader_highlights_80x24", t.backend());
    let t = render(&mut app, 120, 40);
    insta::assert_snapshot!("reader_highlights_120x40", t.backend());
    // The highlighted sentence is drawn marked; without colour through modifiers.
    app.no_color = true;
    let t = render(&mut app, 80, 24);
    let buf = t.backend().buffer();
    let hl = stored(&app).into_iter().find(|h| !h.passage.text.starts_with("Nobody")).unwrap();
    let word = hl.passage.text.split_whitespace().nth(1).unwrap().to_string();
    let screen = screen_text(buf);
    let (y, line) = screen.lines().enumerate().find(|(_, l)| l.contains(&word)).unwrap();
    let x = line[..line.find(&word).unwrap()].chars().count() as u16;
    let cell = &buf[(x, y as u16)];
    assert!(cell.modifier.contains(Modifier::BOLD), "{cell:?}");
    assert_eq!(cell.fg, Color::Reset);
    assert_eq!(cell.bg, Color::Reset);
}

#[test]
fn snapshot_highlights_view_80x24_and_120x40() {
    let mut app = app_with_store();
    press(&mut app, "Tab Tab h j j h n");
    type_text(&mut app, "to check");
    press(&mut app, "Enter H");
    let t = render(&mut app, 80, 24);
    let text = screen_text(t.backend().buffer());
    // Timestamps vary: compare the screen without them.
    let re_free: String = text
        .lines()
        .map(|l| match l.find("20") {
            Some(i) if l.len() >= i + 16 && l.as_bytes().get(i + 4) == Some(&b'-') => format!("{}<date>", &l[..i]),
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("highlights_view_80x24", re_free);
    let t = render(&mut app, 120, 40);
    let text = screen_text(t.backend().buffer());
    assert!(text.contains("Nobody can do this alone.") && text.contains("to check"));
    assert!(text.contains("Highlights 1/2"));
}

#[test]
fn snapshot_bilingual_from_the_reader_80x24_and_120x40() {
    let mut app = app_with_pair();
    press(&mut app, "b");
    let t = render(&mut app, 80, 24);
    insta::assert_snapshot!("bilingual_from_reader_80x24", t.backend());
    press(&mut app, "] m");
    let t = render(&mut app, 120, 40);
    insta::assert_snapshot!("bilingual_from_reader_120x40", t.backend());
}

#[test]
fn help_lists_the_new_views_keys() {
    let app = app();
    let lines = ui::help::help_lines(&app.keymap);
    let text = format!("{lines:?}");
    for needle in ["Highlights view (H)", "Side-by-side bilingual view (b)", "Visual selection", "export every highlight", "alignment map", "undo the last highlight"] {
        assert!(text.contains(needle), "help lacks {needle}");
    }
}

#[test]
fn user_keymap_rebinds_keys_of_the_new_contexts() {
    let mut keymap = diglot::app::keymap::Keymap::default();
    keymap
        .apply_config("[keys.body]\n\"x\" = \"highlight\"\n\"h\" = \"none\"\n[keys.highlights]\n\"X\" = \"delete\"\n")
        .unwrap();
    let mut app = app();
    app.keymap = keymap;
    press(&mut app, "Enter h");
    assert!(stored(&app).is_empty(), "h unbound in the body");
    press(&mut app, "x");
    assert_eq!(stored(&app).len(), 1);
    press(&mut app, "H X");
    assert!(stored(&app).is_empty());
    let help = format!("{:?}", ui::help::help_lines(&app.keymap));
    assert!(help.contains("keys: \"X d\"") || help.contains("keys: \"d X\""), "{help}");
}

#[test]
fn views_never_panic_at_tiny_sizes_and_redraw_when_the_size_returns() {
    let mut app = app_with_pair();
    press(&mut app, "Tab Tab h S-Tab S-Tab");
    for keys in ["H", "q b"] {
        press(&mut app, keys);
        let full = screen_text(render(&mut app, 80, 24).backend().buffer());
        for (w, h) in [(1, 1), (2, 1), (1, 5), (10, 3), (20, 2), (40, 10), (59, 24)] {
            render(&mut app, w, h);
        }
        assert_eq!(screen_text(render(&mut app, 80, 24).backend().buffer()), full);
    }
}

#[test]
fn b_opens_the_side_by_side_view_at_the_readers_sentence_and_keeps_its_place() {
    let text = |word: &str| {
        let body: Vec<String> = (1..=40).map(|i| format!("{word} number {i} is here.")).collect();
        format!("Title {word}\n\n{}", body.join(" "))
    };
    let mut c = Corpus {
        articles: vec![article("l", "Left", &text("Sentence"), "2024-01-01", "A"), article("r", "Right", &text("Phrase"), "2024-01-01", "B")],
        ..Default::default()
    };
    c.manifest.pairs.push(PinnedPair { left: "l".into(), right: "r".into() });
    let (l, r) = (c.articles[0].clone(), c.articles[1].clone());
    let mut app = Session::new(App::new(c, HashMap::new()));
    app.attach_store(Store::open_in_memory().unwrap());
    let rows = (0..41).map(|i| AlignRow { left: i..i + 1, right: i..i + 1, score: 0.9, kind: RowKind::Match }).collect();
    app.cache_bilingual(BilingualState::new(&l, &r, Alignment { rows }, vec![], vec![], vec![]));
    render(&mut app, 80, 24);
    press(&mut app, "Enter");
    for _ in 0..15 {
        press(&mut app, ")");
    }
    assert_eq!(app.reader.sentence_cursor, 15);
    press(&mut app, "b");
    let t = render(&mut app, 80, 24);
    assert_eq!(app.side_by_side.view.as_ref().unwrap().top_row(), 15);
    let screen = screen_text(t.backend().buffer());
    let second = screen.lines().nth(1).unwrap();
    assert!(second.contains("Sentence number 15 is here.") && second.contains("Phrase number 15 is here."), "{screen}");
    // j scrolls both columns; leaving and coming back keeps the place.
    press(&mut app, "j j q b");
    assert_eq!(app.side_by_side.view.as_ref().unwrap().top_row(), 15, "reopened at the reader's sentence again");
}

#[test]
fn in_a_large_folder_b_first_says_it_is_looking_then_opens_the_counterpart() {
    let en = from_plain_text(
        "x-en",
        "Lyon seizure\n\nMinister Bernard Cazeneuve announced on Tuesday the seizure of 2,500 euros in Lyon. \
         Police arrested three men in the city centre after a long investigation.",
    );
    let fr = from_plain_text(
        "x-fr",
        "Saisie à Lyon\n\nLe ministre Bernard Cazeneuve a annoncé mardi la saisie de 2.500 euros à Lyon. \
         La police a arrêté trois hommes dans le centre de la ville après une longue enquête.",
    );
    let mut articles: Vec<Article> = (0..diglot::app::SLOW_PAIRING_ARTICLES)
        .map(|k| {
            from_plain_text(
                &format!("filler{k}"),
                &format!("Weather {k}\n\nThe weather report number {} expects rain over the hills and cold wind this week.", 100 + k),
            )
        })
        .collect();
    articles.insert(0, en);
    articles.push(fr);
    let mut app = Session::new(App::new(Corpus { articles, ..Default::default() }, HashMap::new()));
    press(&mut app, "b");
    assert_eq!(app.mode, Mode::Reader);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.starts_with("looking for a counterpart among 202 articles"), "{status}");
    assert!(app.working_on().is_some());
    // The folder is compared on a worker; the reader keeps answering keys meanwhile.
    press(&mut app, "Tab");
    assert_eq!(app.reader.focus, Focus::Body);
    // (Drawn without a resize, which is how the loop hears that a worker is done.)
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| ui::draw(f, &app)).unwrap();
    assert!(screen_text(t.backend().buffer()).contains("looking for a counterpart"), "the status bar shows the work");
    press(&mut app, "S-Tab");
    app.finish_side_by_side_work();
    assert!(app.working_on().is_none());
    assert_eq!(app.mode, Mode::Bilingual, "{:?}", app.status);
    let (left, right) = app.bilingual_articles().unwrap();
    assert_eq!((left.id.as_str(), right.id.as_str()), ("x-en", "x-fr"));
    // Proposals are kept: the next `b` opens at once.
    press(&mut app, "b");
    assert_eq!(app.mode, Mode::Reader);
    press(&mut app, "b");
    assert_eq!(app.mode, Mode::Bilingual);
}

#[test]
fn a_counterpart_found_after_the_user_moved_on_waits_for_the_next_b() {
    let mut articles: Vec<Article> = (0..diglot::app::SLOW_PAIRING_ARTICLES)
        .map(|k| from_plain_text(&format!("filler{k}"), &format!("Weather {k}\n\nRain over the hills number {k}.")))
        .collect();
    articles.insert(0, from_plain_text("first", "First\n\nA first article."));
    let mut app = Session::new(App::new(Corpus { articles, ..Default::default() }, HashMap::new()));
    press(&mut app, "b j");
    app.finish_side_by_side_work();
    assert_eq!(app.mode, Mode::Reader);
    assert_eq!(app.current().unwrap().id, "filler0");
    assert_eq!(app.status.as_deref(), Some("counterparts found: b opens the side-by-side view"));
}

#[test]
fn archiving_takes_an_article_out_of_the_list_until_the_filter_asks_for_it() {
    let ids = |app: &App| app.visible().iter().map(|&i| app.row(i).unwrap().id.clone()).collect::<Vec<_>>();
    let mut app = Session::new(App::new(corpus(), HashMap::new()));
    assert_eq!(ids(&app), ["en1", "fr1", "ja1"]);
    let e = press(&mut app, "A");
    assert_eq!(e, [Effect::SaveTriage("en1".into(), Triage { archived: true, ..Default::default() })]);
    assert_eq!(ids(&app), ["fr1", "ja1"]);
    assert_eq!(app.current_row().map(|a| a.id.as_str()), Some("fr1"), "the selection moves to the next article");
    assert!(app.status.as_deref().unwrap_or("").starts_with("archived"), "{:?}", app.status);
    // `archived` lists only the archived ones; A there brings one back.
    press(&mut app, "f");
    type_text(&mut app, "archived");
    press(&mut app, "Enter");
    assert_eq!(ids(&app), ["en1"]);
    let e = press(&mut app, "A");
    assert_eq!(e, [Effect::SaveTriage("en1".into(), Triage::default())]);
    assert!(ids(&app).is_empty());
    press(&mut app, "F");
    assert_eq!(ids(&app), ["en1", "fr1", "ja1"]);
    // A reader started with an archived article (from the store) does not list it.
    let triage = HashMap::from([("fr1".to_string(), Triage { archived: true, ..Default::default() })]);
    let mut app = Session::new(App::new(corpus(), triage));
    assert_eq!(ids(&app), ["en1", "ja1"]);
    let backend = TestBackend::new(80, 24);
    let mut terminal = Terminal::new(backend).unwrap();
    app.update(Action::Resize(80, 24));
    terminal.draw(|f| ui::draw(f, &app)).unwrap();
    let top: String = (0..80).map(|x| terminal.backend().buffer()[(x, 0)].symbol().to_string()).collect();
    assert!(top.contains("Articles (2) · 1 archived"), "{top}");
}

#[test]
fn o_orders_the_list_by_date_then_title_and_keeps_the_selected_article() {
    let ids = |app: &App| app.visible().iter().map(|&i| app.row(i).unwrap().id.clone()).collect::<Vec<_>>();
    let mut c = corpus();
    c.articles[1].meta.date = None; // fr1 has no date: last when newest first
    let mut app = Session::new(App::new(c, HashMap::new()));
    press(&mut app, "j"); // fr1
    press(&mut app, "o");
    assert_eq!(ids(&app), ["ja1", "en1", "fr1"]);
    assert_eq!(app.current_row().map(|a| a.id.as_str()), Some("fr1"));
    assert_eq!(app.status.as_deref(), Some("list newest first"));
    press(&mut app, "o");
    assert_eq!(ids(&app), ["fr1", "en1", "ja1"], "titles: La police…, Police warn…, 日本語…");
    // A filter keeps the order.
    press(&mut app, "f");
    type_text(&mut app, "police");
    press(&mut app, "Enter");
    assert_eq!(ids(&app), ["fr1", "en1"]);
    press(&mut app, "F");
    press(&mut app, "o");
    assert_eq!(ids(&app), ["en1", "fr1", "ja1"]);
    assert_eq!(app.current_row().map(|a| a.id.as_str()), Some("fr1"));
}

// ---------- the sentence cursor follows every jump ----------

/// An app over one long article (many short numbered sentences), 80x24, body focused.
fn long_app() -> Session {
    let text: String = std::iter::once("Long Story Title\n\n".to_string())
        .chain((1..=60).map(|i| {
            let word = if i == 45 { "zeppelin" } else { "word" };
            format!("Sentence number {i} has a {word} in it.{}", if i % 3 == 0 { "\n\n" } else { " " })
        }))
        .collect();
    let corpus = Corpus { articles: vec![article("long", "Long Story Title", &text, "2024-01-01", "Wire")], ..Default::default() };
    let mut app = Session::new(App::new(corpus, HashMap::new()));
    app.attach_store(Store::open_in_memory().unwrap());
    app.update(Action::Resize(80, 24));
    press(&mut app, "Enter");
    app
}

/// Some line of the sentence under the cursor is inside the body pane's visible lines.
fn cursor_on_screen(app: &mut App) -> bool {
    let cur = app.cursor_sentence_range().unwrap();
    let lines = app.body_lines();
    let height = usize::from(ui::layout::inner(app.panes().body.unwrap()).height);
    let first = diglot::app::body_layout::line_of(&lines, cur.start);
    let last = diglot::app::body_layout::line_of(&lines, cur.end - 1);
    first < app.reader.body_top + height && last >= app.reader.body_top
}

#[test]
fn the_sentence_cursor_follows_search_matches_and_n() {
    let mut app = long_app();
    press(&mut app, "/");
    type_text(&mut app, "zeppelin");
    press(&mut app, "Enter");
    assert!(sentence(&app, app.reader.sentence_cursor).contains("zeppelin"), "{}", sentence(&app, app.reader.sentence_cursor));
    assert!(cursor_on_screen(&mut app));
    // n wraps to the same (only) match; N too: the cursor stays on it.
    press(&mut app, "g /");
    type_text(&mut app, "number 5");
    press(&mut app, "Enter");
    assert!(sentence(&app, app.reader.sentence_cursor).starts_with("Sentence number 5 "));
    press(&mut app, "n");
    assert!(sentence(&app, app.reader.sentence_cursor).starts_with("Sentence number 50 "));
    assert!(cursor_on_screen(&mut app));
    // h saves the sentence the jump showed.
    press(&mut app, "h");
    assert!(stored(&app)[0].passage.text.starts_with("Sentence number 50 "));
    press(&mut app, "N");
    assert!(sentence(&app, app.reader.sentence_cursor).starts_with("Sentence number 5 "));
    assert!(cursor_on_screen(&mut app));
}

#[test]
fn g_and_shift_g_put_the_cursor_on_the_first_and_last_sentence() {
    let mut app = long_app();
    press(&mut app, "G");
    let last = diglot::app::sentence_ranges(&app.current().unwrap()).len() - 1;
    assert_eq!(app.reader.sentence_cursor, last);
    assert!(cursor_on_screen(&mut app));
    press(&mut app, "g");
    assert_eq!(app.reader.sentence_cursor, 0);
    assert!(cursor_on_screen(&mut app));
}

#[test]
fn page_and_half_page_keys_keep_the_cursor_on_screen() {
    let mut app = long_app();
    for keys in ["PageDown", "PageDown", "C-d", "C-u", "PageUp", "C-f", "C-b", "Space"] {
        press(&mut app, keys);
        assert!(cursor_on_screen(&mut app), "after {keys}: sentence {}", app.reader.sentence_cursor);
    }
}

/// The first row of text in the help overlay.
fn help_first_row(app: &mut App) -> String {
    let t = render(app, 80, 24);
    screen_text(t.backend().buffer()).lines().nth(2).unwrap().to_string()
}

#[test]
fn help_opens_at_the_section_of_the_current_view() {
    let mut app = app();
    press(&mut app, "?");
    assert!(help_first_row(&mut app).contains("marks"), "{}", help_first_row(&mut app));
    press(&mut app, "Esc Enter ?");
    assert!(help_first_row(&mut app).contains("Article body"), "{}", help_first_row(&mut app));
    press(&mut app, "Esc Tab ?");
    assert!(help_first_row(&mut app).contains("Quotes pane"), "{}", help_first_row(&mut app));
}

#[test]
fn esc_and_q_close_the_alignment_map_before_the_side_by_side_view() {
    let mut app = app_with_pair();
    app.update(Action::Resize(80, 24));
    press(&mut app, "b m");
    assert!(app.side_by_side.view.as_ref().unwrap().show_map);
    press(&mut app, "Esc");
    assert_eq!(app.mode, Mode::Bilingual);
    assert!(!app.side_by_side.view.as_ref().unwrap().show_map);
    press(&mut app, "m q");
    assert_eq!(app.mode, Mode::Bilingual);
    press(&mut app, "q");
    assert_eq!(app.mode, Mode::Reader);
}

/// The style of the cell where `needle` first starts on screen.
fn cell_at(buf: &Buffer, needle: &str) -> ratatui::buffer::Cell {
    let text = screen_text(buf);
    let (y, line) = text.lines().enumerate().find(|(_, l)| l.contains(needle)).unwrap_or_else(|| panic!("{needle:?} not on screen:\n{text}"));
    let x = line[..line.find(needle).unwrap()].chars().count();
    buf[(x as u16, y as u16)].clone()
}

#[test]
fn no_color_shows_the_cursor_in_reverse_and_tells_highlights_from_quotes() {
    let mut app = app_with_store();
    app.no_color = true;
    app.update(Action::Resize(80, 24));
    press(&mut app, "Enter");
    while !sentence(&app, app.reader.sentence_cursor).starts_with("Analysts") {
        press(&mut app, ")");
    }
    press(&mut app, "h )");
    assert!(sentence(&app, app.reader.sentence_cursor).starts_with("The report"));
    let t = render(&mut app, 80, 24);
    let buf = t.backend().buffer();
    let cursor = cell_at(buf, "report calls");
    let highlight = cell_at(buf, "Analysts expect");
    let quote = cell_at(buf, "We are seeing a shift to encrypted");
    assert!(cursor.modifier.contains(Modifier::REVERSED), "{cursor:?}");
    assert!(!highlight.modifier.contains(Modifier::REVERSED) && !quote.modifier.contains(Modifier::REVERSED));
    assert_ne!(highlight.modifier, quote.modifier, "a highlight and a quote look the same without colour");
}

#[test]
fn a_highlight_is_orphaned_in_the_reader_only_when_the_store_says_so() {
    let store = Store::open_in_memory().unwrap();
    let gone = from_plain_text("gone", "Gone Title\n\nA sentence from a file that was removed.");
    let saved = store.add_highlight(&diglot::store::NewHighlight::from_range(&gone, 12..22, None)).unwrap();
    assert!(!saved.passage.orphaned, "the JSON of `highlights list` says not orphaned");
    let mut app = Session::new(App::new(corpus(), HashMap::new()));
    app.attach_store(store);
    press(&mut app, "H");
    let t = render(&mut app, 80, 24);
    let text = screen_text(t.backend().buffer());
    assert!(text.contains("[article not loaded]") && !text.contains("[orphaned]"), "{text}");
}

#[test]
fn help_wraps_its_descriptions_on_a_small_screen() {
    let mut app = app();
    press(&mut app, "?");
    let t = render(&mut app, 40, 12);
    let text = screen_text(t.backend().buffer());
    // The description of Esc is read whole over several rows.
    let all = ui::help::help_rows(&app.keymap, app.viewport()).0;
    let pieces: Vec<String> = all
        .iter()
        .skip_while(|l| !matches!(l, ui::help::HelpLine::Row { keys, .. } if keys == "Esc"))
        .take_while(|l| matches!(l, ui::help::HelpLine::Row { keys, .. } if keys == "Esc" || keys.is_empty()))
        .map(|l| match l { ui::help::HelpLine::Row { help, .. } => help.clone(), _ => unreachable!() })
        .collect();
    assert!(pieces.len() > 1, "{pieces:?}");
    assert_eq!(pieces.join(" "), "close (help, selection, view) / clear the search / back to the list");
    let overlay: Vec<&str> = text.lines().take(11).collect();
    assert!(!overlay.concat().contains('…'), "a description is cut:\n{text}");
}

#[test]
fn body_text_never_touches_the_pane_border() {
    let mut app = app();
    press(&mut app, "Enter");
    for (w, h) in [(80, 24), (120, 40), (60, 20)] {
        let t = render(&mut app, w, h);
        let buf = t.backend().buffer();
        let body = app.panes().body.unwrap();
        for y in body.y + 1..body.bottom() - 1 {
            for x in [body.x + 1, body.right() - 2] {
                assert_eq!(buf[(x, y)].symbol(), " ", "text against the border at {w}x{h}, ({x}, {y}):\n{}", screen_text(buf));
            }
        }
    }
}

/// The quotes pane's rows (inside its border) at `w`x`h`.
fn quotes_pane_rows(app: &mut App, w: u16, h: u16) -> Vec<String> {
    let t = render(app, w, h);
    let buf = t.backend().buffer();
    let pane = ui::layout::inner(app.panes().quotes.unwrap());
    (pane.y..pane.bottom())
        .map(|y| (pane.x..pane.right()).map(|x| buf[(x, y)].symbol()).collect::<String>().trim_end().to_string())
        .collect()
}

#[test]
fn a_short_quote_has_no_blank_row_before_its_speaker() {
    let mut app = app();
    let rows = quotes_pane_rows(&mut app, 120, 40);
    let at = rows.iter().position(|r| r.contains("Nobody can do this alone.")).unwrap();
    assert!(rows[at + 1].contains("— Jane Doe, added"), "{rows:#?}");
}

#[test]
fn the_selected_quote_is_shown_whole() {
    let mut app = app();
    let en = Article::clone(&app.article(0).unwrap());
    let long = "extremist groups were moving their channels to smaller platforms. “We are seeing a shift to encrypted apps,” the director told reporters";
    app.set_quotes(
        "en1",
        vec![
            quote(&en, "Police warn", None, None, QuoteKind::Direct),
            quote(&en, long, Some("Jane Doe"), Some("told"), QuoteKind::Direct),
            quote(&en, "Nobody can do this alone.", Some("Jane Doe"), Some("added"), QuoteKind::Direct),
        ],
    );
    press(&mut app, "Tab Tab j");
    for (w, h) in [(80, 24), (120, 40)] {
        let rows = quotes_pane_rows(&mut app, w, h).join(" ");
        let shown: String = rows.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(shown.contains("told reporters”"), "{w}x{h}: {shown}");
        assert!(!shown.contains('…'), "{w}x{h}: {shown}");
    }
    // Not selected, it takes two lines again.
    press(&mut app, "j");
    let rows = quotes_pane_rows(&mut app, 80, 24).join(" ");
    assert!(rows.contains('…'), "{rows}");
}

#[test]
fn ctrl_l_and_ctrl_z_work_in_every_view_and_prompt() {
    let mut app = app_with_pair();
    app.update(Action::Resize(80, 24));
    for (setup, undo) in [("", ""), ("Enter", ""), ("Enter v", "Esc"), ("H", "q"), ("b", "q"), ("?", "Esc"), ("/", "Esc"), ("f", "Esc")] {
        press(&mut app, setup);
        assert_eq!(press(&mut app, "C-l"), vec![Effect::Repaint], "after {setup:?}");
        assert_eq!(press(&mut app, "C-z"), vec![Effect::Suspend], "after {setup:?}");
        press(&mut app, undo);
    }
}

#[test]
fn esc_q_and_left_go_back_from_the_body_and_q_quits_only_from_the_list() {
    let mut app = app();
    for key in ["Esc", "q", "Left"] {
        press(&mut app, "Enter");
        assert_eq!(app.reader.focus, Focus::Body);
        assert!(press(&mut app, key).is_empty(), "{key} must not quit from the body");
        assert_eq!(app.reader.focus, Focus::List, "{key}");
    }
    press(&mut app, "Tab Tab");
    assert_eq!(app.reader.focus, Focus::Quotes);
    press(&mut app, "q");
    assert_eq!(app.reader.focus, Focus::List);
    // Esc first clears a search, then goes back.
    press(&mut app, "Enter /");
    type_text(&mut app, "agency");
    press(&mut app, "Enter Esc");
    assert_eq!((app.reader.focus, app.reader.search.query.as_str()), (Focus::Body, ""));
    press(&mut app, "Esc");
    assert_eq!(app.reader.focus, Focus::List);
    assert_eq!(press(&mut app, "q"), vec![Effect::Quit]);
    // Ctrl-c quits from anywhere.
    press(&mut app, "Enter");
    assert_eq!(press(&mut app, "C-c"), vec![Effect::Quit]);
}

#[test]
fn slash_in_the_list_finds_articles_by_title_and_metadata_first() {
    let mut app = app();
    // "police" is in the French title and in the English one; "propaganda" only in the
    // English title, while "agency" appears only in the English text.
    press(&mut app, "/");
    assert_eq!(app.reader.prompt.as_ref().map(|p| p.kind), Some(diglot::app::PromptKind::ListSearch));
    type_text(&mut app, "le test");
    assert_eq!(app.current().unwrap().id, "fr1", "the outlet matches");
    press(&mut app, "Esc");
    assert_eq!(app.current().unwrap().id, "en1", "Esc goes back to where the search started");
    press(&mut app, "/");
    type_text(&mut app, "police");
    press(&mut app, "Enter");
    assert_eq!(app.reader.focus, Focus::List);
    assert_eq!(app.current().unwrap().id, "en1");
    assert!(app.status.as_deref().unwrap().starts_with("article 1/2 matching"), "{:?}", app.status);
    press(&mut app, "n");
    assert_eq!(app.current().unwrap().id, "fr1");
    assert!(!app.status.as_deref().unwrap().contains("wrapped"), "{:?}", app.status);
    press(&mut app, "n");
    assert_eq!(app.current().unwrap().id, "en1", "wraps");
    assert!(app.status.as_deref().unwrap().ends_with("(wrapped)"), "{:?}", app.status);
    // Words only in an article's text still find it, after the title matches.
    press(&mut app, "/");
    type_text(&mut app, "agency");
    press(&mut app, "Enter");
    assert_eq!(app.current().unwrap().id, "en1");
    press(&mut app, "/");
    type_text(&mut app, "nothing like this");
    press(&mut app, "Enter");
    assert!(app.status.as_deref().unwrap().starts_with("no article matches"));
}

#[test]
fn search_works_in_the_side_by_side_view() {
    let mut app = app_with_pair();
    app.update(Action::Resize(80, 24));
    press(&mut app, "b Tab /");
    assert_eq!(app.mode, Mode::Bilingual);
    type_text(&mut app, "rapport");
    press(&mut app, "Enter");
    let st = app.side_by_side.view.as_ref().unwrap();
    assert_eq!(st.search.matches.len(), 1, "{:?}", st.search);
    assert_eq!(st.search_matches(diglot::app::bilingual::Side::Right).len(), 1);
    assert!(app.status.as_deref().unwrap().starts_with("match 1/1 in the right column"), "{:?}", app.status);
    // The match is on screen and marked.
    let t = render(&mut app, 80, 24);
    let buf = t.backend().buffer();
    let cell = cell_at(buf, "rapport");
    assert_eq!(cell.bg, Color::Yellow, "{cell:?}");
    press(&mut app, "n");
    assert!(app.status.as_deref().unwrap().starts_with("match 1/1"));
    // Esc on the prompt of a new search keeps the last one.
    press(&mut app, "/");
    type_text(&mut app, "zzz");
    press(&mut app, "Esc");
    assert_eq!(app.side_by_side.view.as_ref().unwrap().search.query, "rapport");
    assert_eq!(app.mode, Mode::Bilingual);
}

#[test]
fn ctrl_z_without_a_job_control_shell_says_so_instead_of_freezing() {
    let mut app = app();
    app.can_suspend = false;
    assert!(press(&mut app, "C-z").is_empty());
    assert!(app.status.as_deref().unwrap().starts_with("cannot suspend"), "{:?}", app.status);
}

#[test]
fn opening_an_article_ingest_warned_about_says_so_in_the_status_bar() {
    let mut c = corpus();
    c.articles[0].meta.warnings.push(diglot::ingest::NO_ARTICLE_FOUND.to_string());
    let mut app = Session::new(App::new(c, HashMap::new()));
    app.attach_store(Store::open_in_memory().unwrap());
    press(&mut app, "Enter");
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("no article found in the page"), "{status}");
    // An article with nothing to warn about leaves the status alone.
    press(&mut app, "Esc j Enter");
    assert!(!app.status.clone().unwrap_or_default().contains("warning"));
}

#[test]
fn update_does_no_io_and_acknowledges_a_highlight_only_when_the_store_reports_it_saved() {
    let mut app = App::new(corpus(), HashMap::new());
    app.store_opened(Vec::new(), true);
    let effects = app.handle_key(KeyChord::parse("Enter").unwrap()).unwrap();
    assert!(matches!(effects.as_slice(), [Effect::SaveTriage(..)]), "{effects:?}");
    let effects = app.handle_key(KeyChord::parse("h").unwrap()).unwrap();
    let [Effect::Store(request @ diglot::app::StoreRequest::Toggle { .. })] = effects.as_slice() else { panic!("{effects:?}") };
    assert!(app.status.is_none(), "nothing said before the store answers: {:?}", app.status);
    // The store refused: said so, nothing to undo, the failure flagged.
    let refused = diglot::app::StoreResult { request: request.clone(), outcome: Err("disk full".into()), highlights: Ok(Vec::new()) };
    assert!(app.update(Action::Stored(Box::new(refused))).is_empty());
    assert_eq!(app.status.as_deref(), Some("highlight not saved: disk full"));
    assert!(app.undo_stack().is_empty() && app.library.write_failure.is_some());
    // A session carries the request out and then acknowledges it.
    let mut session = Session::new(App::new(corpus(), HashMap::new()));
    session.attach_store(Store::open_in_memory().unwrap());
    press(&mut session, "Enter h");
    assert!(session.status.as_deref().unwrap().contains("highlighted and saved"), "{:?}", session.status);
    assert_eq!(stored(&session).len(), 1);
}

// ---------- the event loop itself, on a TestBackend with scripted events ----------

/// Events played to the loop one by one; when they run out the loop ends with an error,
/// as it does when the terminal goes away.
fn script(keys: &str) -> impl FnMut() -> std::io::Result<Event> {
    let mut events: std::collections::VecDeque<Event> = keys.split_whitespace().map(key_event).collect();
    move || events.pop_front().ok_or_else(|| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "end of script"))
}

#[test]
fn the_loop_draws_carries_out_effects_and_hands_the_clipboard_over_after_the_frame() {
    let mut app = app();
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut outside = Vec::new();
    let result = diglot::tui::run_loop(&mut terminal, &mut app, script("Enter h y"), |e| outside.push(e.clone()));
    assert_eq!(result.unwrap_err().to_string(), "end of script");
    // The highlight reached the store before the frame said so.
    assert_eq!(stored(&app).len(), 1);
    assert!(app.triage("en1").read, "Enter marked it read");
    assert!(app.store().unwrap().triage("en1").unwrap().read, "and saved that");
    let [Effect::Clipboard(text)] = outside.as_slice() else { panic!("{outside:?}") };
    assert!(text.contains("Police warn about online propaganda"), "{text}");
    let screen = screen_text(terminal.backend().buffer());
    assert!(screen.contains("copied highlight"), "{screen}");
    assert_eq!(app.reader.focus, Focus::Body);
}

#[test]
fn the_loop_ends_on_quit_repaints_on_ctrl_l_and_hands_over_a_suspend() {
    let mut app = app();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut outside = Vec::new();
    let result = diglot::tui::run_loop(&mut terminal, &mut app, script("j C-l C-z q j"), |e| outside.push(e.clone()));
    assert!(result.is_ok(), "q quits before the last j: {result:?}");
    assert_eq!(outside, [Effect::Suspend]);
    assert_eq!(app.current().unwrap().id, "fr1");
    let screen = screen_text(terminal.backend().buffer());
    assert!(screen.contains("La police"), "{screen}");
}

#[test]
fn every_key_the_keymap_names_goes_to_the_terminal_and_back_unchanged() {
    for ctx in diglot::app::keymap::KeyContext::ALL {
        for (keys, _) in diglot::app::keymap::Keymap::default().help_sections().into_iter().filter(|(c, _)| *c == ctx).flat_map(|(_, rows)| rows) {
            for name in keys.split(' ') {
                let chord = KeyChord::parse(name).unwrap();
                let event = diglot::tui::terminal_key(&chord).unwrap();
                assert_eq!(diglot::tui::key_chord(&event), Some(chord), "{name}");
            }
        }
    }
}

// ---------- keys across views ----------

/// The app in each full-screen view: (name, app). Highlights has two highlights; the
/// side-by-side view is the pinned pair; the speakers view lists the test corpus's.
fn app_in_view(view: &str) -> Session {
    let mut app = if view.starts_with("speaker") { app_with_speakers() } else { app_with_pair() };
    app.update(Action::Resize(80, 24));
    match view {
        "highlights" => {
            press(&mut app, "Enter h ) h H");
            assert_eq!(app.highlights().len(), 2);
        }
        "bilingual" => press(&mut app, "b").truncate(0),
        "speakers" => {
            press(&mut app, "S");
            app.finish_speakers_work();
        }
        "speaker" => {
            press(&mut app, "S");
            app.finish_speakers_work();
            press(&mut app, "Enter");
            assert!(app.speakers.opened().is_some());
        }
        "list" => {}
        "body" => press(&mut app, "Enter").truncate(0),
        "quotes" => press(&mut app, "Tab Tab").truncate(0),
        "visual" => press(&mut app, "Enter v").truncate(0),
        _ => unreachable!(),
    }
    app.status = None;
    app
}

/// The test app with a third article whose quotes name their speakers.
fn app_with_speakers() -> Session {
    let mut c = corpus();
    c.articles.push(article(
        "named",
        "Europol speaks",
        "Europol speaks\n\n“We will not stop until the networks are gone,” said Rob Wainwright, the director of Europol. \
         Police arrested three men. “The work goes on,” said Anna Berg, a spokeswoman.",
        "2024-03-04",
        "Test Wire",
    ));
    let mut app = Session::new(App::new(c, HashMap::new()));
    app.attach_store(Store::open_in_memory().unwrap());
    app
}

/// What a user can see or what the key asked of the outside world.
fn observable(app: &mut Session) -> (String, Mode, bool, bool) {
    let t = render(app, 80, 24);
    (screen_text(t.backend().buffer()), app.mode, app.help_open, app.reader.prompt.is_some())
}

#[test]
fn every_key_shown_in_help_does_something_or_says_why_not_in_every_view() {
    use diglot::app::keymap::KeyContext;
    let keymap = app().keymap.clone();
    // Moving keys at the end of a list change nothing, as in any pager.
    let exports = tempfile::tempdir().unwrap();
    let moves = [Command::PrevSentence, Command::NextSentence, Command::Up, Command::Down, Command::Top, Command::Bottom, Command::PageUp, Command::PageDown, Command::HalfPageUp, Command::HalfPageDown];
    let views = [
        ("highlights", KeyContext::Highlights),
        ("bilingual", KeyContext::Bilingual),
        ("speakers", KeyContext::Speakers),
        ("speaker", KeyContext::Speakers),
        ("list", KeyContext::List),
        ("body", KeyContext::Body),
        ("quotes", KeyContext::Quotes),
        ("visual", KeyContext::Visual),
    ];
    for (view, ctx) in views {
        // The view's keys, and the reader's: in a view they work or say why not.
        let mut keys: Vec<String> = Command::ALL
            .iter()
            .flat_map(|&cmd| keymap.keys_for(ctx, cmd).into_iter().chain(keymap.keys_for(KeyContext::Global, cmd)))
            .collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            let cmd = keymap.lookup(ctx, &KeyChord::parse(&key).unwrap());
            // Esc in the list has nothing left to close, as in any program.
            let top_level_escape = ctx == KeyContext::List && cmd == Some(Command::Close);
            if cmd.is_some_and(|c| moves.contains(&c)) || key == "Ctrl-z" || top_level_escape {
                continue;
            }
            let mut app = app_in_view(view);
            app.library.places.export_dir = exports.path().to_path_buf();
            let before = observable(&mut app);
            let effects = press(&mut app, &key);
            let after = observable(&mut app);
            let said = app.status.clone();
            assert!(
                !effects.is_empty() || said.is_some() || after != before,
                "{view}: {key} ({cmd:?}) did nothing and said nothing"
            );
            if let Some(s) = said {
                assert!(!s.contains("no such key"), "{view}: {key} is listed in the help but: {s}");
            }
        }
    }
}

/// The view after pressing `keys` (the speaker index built if they asked for it).
fn mode_after(app: &mut Session, keys: &str) -> Mode {
    press(app, keys);
    app.finish_speakers_work();
    app.mode
}

#[test]
fn h_and_s_open_their_views_from_every_view_and_q_goes_back_where_they_were_pressed() {
    let mut app = app_in_view("bilingual");
    assert_eq!(mode_after(&mut app, "H"), Mode::Highlights);
    assert_eq!(mode_after(&mut app, "q"), Mode::Bilingual);
    assert!(app.side_by_side.view.is_some());
    assert_eq!(mode_after(&mut app, "S"), Mode::Speakers);
    assert_eq!(mode_after(&mut app, "H"), Mode::Highlights);
    assert_eq!(mode_after(&mut app, "H"), Mode::Speakers);
    // The view's own key leaves it, as H and b leave theirs, even with a speaker open.
    assert_eq!(mode_after(&mut app, "Enter S"), Mode::Bilingual);
    assert_eq!(mode_after(&mut app, "b"), Mode::Reader);
}

#[test]
fn a_reader_key_in_a_view_says_where_it_works() {
    let mut app = app_in_view("highlights");
    press(&mut app, "f");
    assert_eq!(app.status.as_deref(), Some("f (filter) works in the reader, not in this view: q goes back"));
    let mut app = app_in_view("speaker");
    press(&mut app, "/");
    assert_eq!(app.status.as_deref(), Some("/ filters the list of speakers: q goes back to it"));
    assert!(app.reader.prompt.is_none());
    // A key bound nowhere still says so.
    press(&mut app, "Ctrl-x");
    assert_eq!(app.status.as_deref(), Some("Ctrl-x: no such key here — ? for help"));
    // In the help, "? for help" would not help.
    press(&mut app, "? f");
    assert!(app.help_open);
    assert_eq!(app.status.as_deref(), Some("f: the help only scrolls — q closes it"));
}

#[test]
fn footers_never_cut_a_hint_at_80x24_and_60x20() {
    for view in ["reader", "body", "quotes", "highlights", "bilingual", "speakers", "speaker"] {
        for (w, h) in [(80, 24), (60, 20), (100, 30)] {
            let mut app = match view {
                "reader" | "body" | "quotes" => app_with_pair(),
                v => app_in_view(v),
            };
            match view {
                "body" => drop(press(&mut app, "Enter")),
                "quotes" => drop(press(&mut app, "Tab Tab")),
                _ => {}
            }
            let t = render(&mut app, w, h);
            let text = screen_text(t.backend().buffer());
            let lines: Vec<&str> = text.lines().collect();
            let footers = if view == "bilingual" { &lines[lines.len() - 2..] } else { &lines[lines.len() - 1..] };
            for footer in footers {
                assert!(!footer.contains('…'), "{view} {w}x{h}: a hint is cut: {footer:?}");
            }
            {
                let footer = lines.last().unwrap();
                assert!(footer.contains("? help"), "{view} {w}x{h}: {footer:?}");
            }
        }
    }
}

#[test]
fn n_steps_the_search_from_the_quotes_pane_as_from_the_body() {
    let mut app = app();
    press(&mut app, "Enter /");
    type_text(&mut app, "the");
    press(&mut app, "Enter Tab");
    assert_eq!(app.reader.focus, Focus::Quotes);
    press(&mut app, "n");
    assert_eq!(app.reader.search.current, Some(1));
    assert!(app.status.as_deref().unwrap().starts_with("match 2/"), "{:?}", app.status);
    // With no search, n edits the note of the quote's highlight, as before.
    press(&mut app, "Esc n");
    assert!(app.reader.search.query.is_empty());
    assert!(app.status.as_deref().unwrap().contains("no highlight here"), "{:?}", app.status);
}

#[test]
fn after_a_search_the_status_row_keeps_the_position_at_80_columns() {
    let mut app = app();
    press(&mut app, "Enter /");
    type_text(&mut app, "director");
    press(&mut app, "Enter");
    let t = render(&mut app, 80, 24);
    let screen = screen_text(t.backend().buffer());
    let last = screen.lines().last().unwrap();
    assert!(last.contains("Body line") && last.contains("/director 1/2") && last.contains("n next, N previous"), "{last:?}");
}

#[test]
fn view_status_rows_say_which_item_of_how_many_and_no_count_while_building() {
    let mut app = app_in_view("highlights");
    let last = |app: &mut Session| screen_text(render(app, 80, 24).backend().buffer()).lines().last().unwrap().to_string();
    assert!(last(&mut app).starts_with(" Highlights 1/2 "), "{}", last(&mut app));
    press(&mut app, "j");
    assert!(last(&mut app).starts_with(" Highlights 2/2 "), "{}", last(&mut app));
    let mut app = app_with_speakers();
    press(&mut app, "S");
    assert!(last(&mut app).starts_with(" Speakers "), "{}", last(&mut app));
    assert!(!last(&mut app).starts_with(" Speakers 0"), "{}", last(&mut app));
    app.finish_speakers_work();
    let n = app.speakers.visible_count();
    assert!(last(&mut app).starts_with(&format!(" Speakers 1/{n} ")), "{}", last(&mut app));
    press(&mut app, "Enter");
    assert!(last(&mut app).starts_with(" Speaker · quote 1/"), "{}", last(&mut app));
}

#[test]
fn a_message_that_fits_beside_the_short_position_is_shown_whole() {
    let mut app = app();
    press(&mut app, "Enter v w w");
    let t = render(&mut app, 80, 24);
    let last = screen_text(t.backend().buffer()).lines().last().unwrap().to_string();
    assert!(last.starts_with(" VISUAL line ") && last.contains("Esc cancel") && !last.contains('…'), "{last:?}");
}

#[test]
fn the_help_stays_on_the_same_keys_when_the_terminal_is_resized() {
    let mut app = app_in_view("bilingual");
    render(&mut app, 100, 30);
    press(&mut app, "?");
    let heading = ui::help::HelpLine::Heading("Side-by-side bilingual view (b)".into());
    assert_eq!(ui::help::help_rows(&app.keymap, app.viewport()).0[app.help_scroll], heading);
    for (w, h) in [(60, 20), (120, 40), (80, 24)] {
        render(&mut app, w, h);
        assert_eq!(ui::help::help_rows(&app.keymap, app.viewport()).0[app.help_scroll], heading, "{w}x{h}");
    }
}

#[test]
fn with_no_highlights_the_view_s_keys_say_so_and_export_writes_no_empty_file() {
    let mut app = app();
    let exports = tempfile::tempdir().unwrap();
    app.library.places.export_dir = exports.path().to_path_buf();
    press(&mut app, "H");
    assert_eq!(app.mode, Mode::Highlights);
    for key in ["d", "Enter", "n", "T", "y", "e"] {
        app.status = None;
        let effects = press(&mut app, key);
        assert!(effects.is_empty(), "{key}: {effects:?}");
        assert_eq!(app.status.as_deref(), Some(diglot::app::highlights::NO_HIGHLIGHTS), "{key}");
    }
    assert_eq!(std::fs::read_dir(exports.path()).unwrap().count(), 0);
}

#[test]
fn the_side_by_side_footer_keeps_m_map_at_80_columns_with_a_quote_selected() {
    let mut app = app_in_view("bilingual");
    press(&mut app, "]");
    let t = render(&mut app, 80, 24);
    let text = screen_text(t.backend().buffer());
    let footer = text.lines().rev().nth(1).unwrap();
    assert!(footer.contains("quote 1/1") && footer.trim_end().ends_with("m map"), "{footer:?}");
}

#[test]
fn enter_on_an_empty_list_says_why_nothing_opens() {
    let mut app = app();
    press(&mut app, "f");
    type_text(&mut app, "zzzz");
    press(&mut app, "Enter Enter");
    assert_eq!(app.status.as_deref(), Some("no article to open: F clears the filter"));
    assert_eq!(app.reader.focus, Focus::List);
}

#[test]
fn going_between_highlights_and_speakers_never_makes_q_go_round_in_a_loop() {
    // H, then S, then H again: back to the highlights, and q leads out.
    let mut app = app_with_speakers();
    assert_eq!(mode_after(&mut app, "H S"), Mode::Speakers);
    assert_eq!(mode_after(&mut app, "Enter H"), Mode::Highlights);
    assert_eq!(mode_after(&mut app, "q"), Mode::Reader);
    // S, then H, then S again: back to the speakers, and q leads out.
    assert_eq!(mode_after(&mut app, "S H S"), Mode::Speakers);
    assert_eq!(mode_after(&mut app, "q"), Mode::Reader);
}
