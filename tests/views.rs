//! The side-by-side bilingual view and the highlights view: state behaviour, and what is
//! drawn (TestBackend snapshots plus assertions on lines and styles).

use diglot::align::{AlignRow, Alignment, QuotePair, RowKind};
use diglot::app::bilingual::{BilingualAction, BilingualState, Side};
use diglot::app::highlights::{HighlightsAction, HighlightsEffect, HighlightsState};
use diglot::ingest::from_plain_text;
use diglot::model::{Article, Highlight, Quote, QuoteKind};
use diglot::ui::bilingual::BilingualView;
use diglot::ui::highlights::HighlightsView;
use diglot::ui::wrap::display_width;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use std::ops::Range;

const ENGLISH: &str = "Police forces in nine countries removed thousands of extremist posts from the web in a two-day operation this week. The action targeted accounts that spread propaganda videos and recruitment messages.\n\n\
“It does show that some members of the group are still very active online and are adapting their methods,” the agency director said on Friday. Officials called it the largest coordinated effort of its kind so far.\n\n\
The operation did not touch on the separate debate about leaving the union, which dominated the week in parliament and was raised by several members.\n\n\
“The threat remains the highest we have seen for a generation,” he added.";

const FRENCH: &str = "Europol a publié jeudi un communiqué : l'opération a mobilisé les polices de neuf pays ! Elle a duré deux jours.\n\n\
Les polices ont supprimé des milliers de messages extrémistes du web en deux jours cette semaine. L'action visait des comptes qui diffusent des vidéos de propagande et des messages de recrutement.\n\n\
« Cela montre que certains membres du groupe sont encore très actifs en ligne et adaptent leurs méthodes », a déclaré vendredi le directeur de l'agence. Les responsables ont parlé du plus grand effort coordonné de ce type.\n\n\
« La menace reste la plus élevée depuis une génération », a-t-il ajouté.";

fn articles() -> (Article, Article) {
    let mut en = from_plain_text("en_test", ENGLISH);
    en.meta.title = Some("Extremist posts removed in two-day sweep".into());
    let mut fr = from_plain_text("fr_test", FRENCH);
    fr.meta.title = Some("Des milliers de messages supprimés".into());
    (en, fr)
}

fn row(left: Range<usize>, right: Range<usize>, score: f32) -> AlignRow {
    let kind = match (left.is_empty(), right.is_empty()) {
        (false, false) => RowKind::Match,
        (false, true) => RowKind::LeftOnly,
        _ => RowKind::RightOnly,
    };
    AlignRow { left, right, score, kind }
}

/// A quote of `article` covering `text` (which must occur in it).
fn quote(article: &Article, text: &str, speaker: &str) -> Quote {
    let start = article.text.find(text).expect("quote text in article");
    Quote {
        article: article.id.clone(),
        text: text.to_string(),
        speaker: None,
        speaker_as_written: Some(speaker.to_string()),
        cue: None,
        kind: QuoteKind::Direct,
        language: article.meta.language.clone(),
        paragraph: article.paragraph_at(start).unwrap_or(0),
        start,
        end: start + text.len(),
    }
}

/// English sentences: 0,1 | 2,3 | 4 (left only) | 5. French: 0,1 (right only) | 2,3 | 4,5 | 6.
fn state() -> (Article, Article, BilingualState) {
    let (en, fr) = articles();
    assert_eq!(en.sentence_count(), 6, "test text splits as planned");
    assert_eq!(fr.sentence_count(), 7, "test text splits as planned");
    let alignment = Alignment {
        rows: vec![
            row(0..0, 0..2, 0.8),
            row(0..1, 2..3, 0.91),
            row(1..2, 3..4, 0.74),
            row(2..3, 4..5, 0.88),
            row(3..4, 5..6, 0.45),
            row(4..5, 6..6, 0.6),
            row(5..6, 6..7, 0.95),
        ],
    };
    let left_quotes = vec![
        quote(&en, "It does show that some members of the group are still very active online and are adapting their methods,", "the agency director"),
        quote(&en, "The threat remains the highest we have seen for a generation,", "he"),
    ];
    let right_quotes = vec![
        quote(&fr, "Cela montre que certains membres du groupe sont encore très actifs en ligne et adaptent leurs méthodes", "le directeur"),
        quote(&fr, "La menace reste la plus élevée depuis une génération", "il"),
    ];
    let pairs = vec![QuotePair { left_quote: 0, right_quote: 0, score: 0.82 }, QuotePair { left_quote: 1, right_quote: 1, score: 0.9 }];
    let state = BilingualState::new(&en, &fr, alignment, left_quotes, right_quotes, pairs);
    (en, fr, state)
}

fn draw(state: &BilingualState, left: &Article, right: &Article, width: u16, height: u16, no_color: bool) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|f| f.render_widget(BilingualView { state, left, right, no_color, highlights: [&[], &[]], hints: &[] }, f.area()))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// Text of cells x in `cols` on line `y`, skipping the cells hidden under wide characters.
fn cells(buf: &Buffer, y: u16, cols: Range<u16>) -> String {
    let mut out = String::new();
    let mut skip = 0;
    for x in cols {
        let symbol = buf[(x, y)].symbol();
        if skip > 0 {
            skip -= 1;
            continue;
        }
        skip = display_width(symbol).saturating_sub(1);
        out.push_str(symbol);
    }
    out
}

fn screen(buf: &Buffer) -> String {
    (0..buf.area.height).map(|y| cells(buf, y, 0..buf.area.width).trim_end().to_string()).collect::<Vec<_>>().join("\n")
}

/// The first screen line whose column (`Left` = x in 0..col, `Right` after the gutter)
/// starts with `prefix`.
fn line_starting(buf: &Buffer, side: Side, prefix: &str) -> Option<u16> {
    let col = BilingualState::column_width_for(buf.area.width as usize) as u16;
    let cols = match side {
        Side::Left => 0..col,
        Side::Right => col + 3..buf.area.width,
    };
    (0..buf.area.height).find(|&y| cells(buf, y, cols.clone()).starts_with(prefix))
}

/// First few words of the text of `sentences` of `article`.
fn opening(article: &Article, sentence: usize) -> String {
    let (_, s) = article.sentences().nth(sentence).expect("sentence");
    article.slice(&s.range).split(' ').take(2).collect::<Vec<_>>().join(" ")
}

/// Every matched row on screen starts on the same line in both columns.
fn assert_matched_rows_level(buf: &Buffer, state: &BilingualState, left: &Article, right: &Article) -> usize {
    let mut checked = 0;
    for r in state.rows.iter().filter(|r| r.kind == RowKind::Match) {
        let l = line_starting(buf, Side::Left, &opening(left, r.left.start));
        let rr = line_starting(buf, Side::Right, &opening(right, r.right.start));
        if let (Some(l), Some(rr)) = (l, rr) {
            assert_eq!(l, rr, "row {r:?} starts on different lines\n{}", screen(buf));
            checked += 1;
        }
    }
    checked
}

#[test]
fn side_by_side_80x24_matched_rows_start_on_the_same_line() {
    let (en, fr, mut st) = state();
    st.update(BilingualAction::NextQuote);
    let buf = draw(&st, &en, &fr, 80, 24, false);
    let checked = assert_matched_rows_level(&buf, &st, &en, &fr);
    assert!(checked >= 3, "only {checked} matched rows found on screen\n{}", screen(&buf));
    insta::assert_snapshot!("bilingual_80x24_text", screen(&buf));
    insta::assert_snapshot!("bilingual_80x24_cells", format!("{buf:?}"));
}

#[test]
fn each_column_is_39_wide_at_80_and_text_never_crosses_the_gutter() {
    let (en, fr, st) = state();
    assert_eq!(BilingualState::column_width_for(80), 39);
    let layout = st.layout(39);
    // 38 cells of text and one blank next to the gutter.
    assert_eq!(layout.text_width, 38);
    for r in &layout.rows {
        for line in &r.left {
            assert!(display_width(&en.text[line.clone()]) <= 38);
        }
        for line in &r.right {
            assert!(display_width(&fr.text[line.clone()]) <= 38);
        }
    }
    let buf = draw(&st, &en, &fr, 80, 24, false);
    // The gutter (x 39..41) only holds confidence glyphs and the rule, with a blank on
    // each side.
    for y in 1..23 {
        let g = cells(&buf, y, 39..41);
        assert!(g.trim().is_empty() || g.chars().any(|c| "▁▂▃▄▅▆▇█◂▸│!".contains(c)), "line {y}: {g:?}");
        assert_eq!(cells(&buf, y, 38..39), " ", "line {y}");
        assert_eq!(cells(&buf, y, 41..42), " ", "line {y}");
    }
}

#[test]
fn one_sided_text_is_dimmed_and_confidence_shown() {
    let (en, fr, st) = state();
    let buf = draw(&st, &en, &fr, 80, 24, false);
    // French-only introduction: right column, grey; gutter arrow points right, with the
    // one-sided divergence flag `!` beside it.
    let y = line_starting(&buf, Side::Right, "Europol a publié").expect("intro shown");
    assert_eq!(buf[(42, y)].fg, Color::DarkGray);
    assert_eq!(cells(&buf, y, 39..41), "!▸");
    // English-only passage: left column, grey, arrow left.
    let y = line_starting(&buf, Side::Left, "The operation did").expect("left-only shown");
    assert_eq!(buf[(0, y)].fg, Color::DarkGray);
    assert_eq!(cells(&buf, y, 39..41), "◂!");
    // A matched row with score 0.91 shows a high bar and its digit.
    let y = line_starting(&buf, Side::Left, "Police forces").expect("row shown");
    assert_eq!(cells(&buf, y, 39..41), "█9");
    assert_eq!(buf[(0, y)].fg, Color::Reset);
    let no_color = draw(&st, &en, &fr, 80, 24, true);
    let y = line_starting(&no_color, Side::Left, "The operation did").expect("left-only shown");
    assert!(no_color[(0, y)].modifier.contains(Modifier::DIM));
    assert_eq!(no_color[(0, y)].fg, Color::Reset);
}

#[test]
fn selecting_a_quote_lights_its_pair_in_the_other_column() {
    let (en, fr, mut st) = state();
    assert_eq!(st.lit_quote(Side::Right), None);
    st.update(BilingualAction::NextQuote);
    assert_eq!(st.focus, Side::Left);
    assert_eq!(st.selected_quote, Some(0));
    assert_eq!(st.lit_quote(Side::Left), Some(0));
    assert_eq!(st.lit_quote(Side::Right), Some(0));
    assert!(st.selected().is_some_and(|(side, q)| side == Side::Left && q.text.starts_with("It does show")));
    let buf = draw(&st, &en, &fr, 80, 24, true);
    let y = line_starting(&buf, Side::Right, "« Cela").expect("French quote shown");
    // « is not part of the quote; "Cela" is, and is lit (reversed + underlined).
    let cela = buf[(44, y)].clone();
    assert_eq!(cela.symbol(), "C");
    assert!(cela.modifier.contains(Modifier::REVERSED | Modifier::UNDERLINED), "{cela:?}");
    assert!(!buf[(42, y)].modifier.contains(Modifier::REVERSED));
    let y = line_starting(&buf, Side::Left, "“It does").expect("English quote shown");
    assert!(buf[(1, y)].modifier.contains(Modifier::REVERSED | Modifier::BOLD));
    // Next goes to the second quote, whose pair is the second French quote.
    st.update(BilingualAction::NextQuote);
    assert_eq!((st.lit_quote(Side::Left), st.lit_quote(Side::Right)), (Some(1), Some(1)));
    // Tab: the selection follows to the pair, the pair in the left column is lit.
    st.update(BilingualAction::ToggleFocus);
    assert_eq!(st.focus, Side::Right);
    assert_eq!((st.selected_quote, st.lit_quote(Side::Left)), (Some(1), Some(1)));
    st.update(BilingualAction::ToggleFocus);
    assert_eq!(st.focus, Side::Left);
    st.update(BilingualAction::ClearQuote);
    assert_eq!(st.lit_quote(Side::Right), None);
}

#[test]
fn scrolling_is_one_position_for_both_columns_and_stays_in_bounds() {
    let (en, fr, mut st) = state();
    let buf = draw(&st, &en, &fr, 80, 12, false);
    let body = 12 - 2;
    let total = st.current_layout().total_lines;
    assert!(total > body, "test text must not fit in {body} lines");
    st.update(BilingualAction::ScrollUp(5));
    assert_eq!(st.scroll_line(), 0);
    st.update(BilingualAction::ScrollDown(3));
    assert_eq!(st.scroll_line(), 3);
    st.update(BilingualAction::ScrollDown(10_000));
    assert_eq!(st.scroll_line(), total - body);
    st.update(BilingualAction::PageDown);
    assert_eq!(st.scroll_line(), total - body);
    st.update(BilingualAction::Top);
    assert_eq!(st.scroll_line(), 0);
    st.update(BilingualAction::Bottom);
    assert_eq!(st.scroll_line(), total - body);
    st.update(BilingualAction::PageUp);
    assert_eq!(st.scroll_line(), total - body - (body - 1));
    drop(buf);
    // Scrolled anywhere, matched rows still start level.
    for n in 0..total {
        st.update(BilingualAction::Top);
        st.update(BilingualAction::ScrollDown(n));
        let buf = draw(&st, &en, &fr, 80, 12, false);
        assert_matched_rows_level(&buf, &st, &en, &fr);
    }
}

#[test]
fn resizing_keeps_the_top_row() {
    let (en, fr, mut st) = state();
    draw(&st, &en, &fr, 80, 6, false);
    st.update(BilingualAction::ScrollToRow(3));
    assert_eq!(st.top_row(), 3);
    draw(&st, &en, &fr, 120, 6, false);
    assert_eq!(st.top_row(), 3);
    // Opening at a sentence of either side.
    st.update(BilingualAction::ScrollToSentence(Side::Right, 4));
    assert_eq!(st.top_row(), 3);
    st.update(BilingualAction::ScrollToSentence(Side::Left, 1));
    assert_eq!(st.top_row(), 2);
    st.update(BilingualAction::ScrollToSentence(Side::Left, 99));
    assert_eq!(st.top_row(), 2);
    // Near the end the view stops at the bottom rather than leaving blank lines.
    st.update(BilingualAction::ScrollToSentence(Side::Right, 6));
    assert_eq!(st.scroll_line(), st.current_layout().total_lines - 4);
}

#[test]
fn selecting_a_quote_scrolls_it_and_its_pair_into_view() {
    let (en, fr, mut st) = state();
    draw(&st, &en, &fr, 80, 10, false);
    st.update(BilingualAction::SelectQuote(Side::Left, 1));
    let buf = draw(&st, &en, &fr, 80, 10, false);
    assert!(line_starting(&buf, Side::Left, "“The threat").is_some(), "{}", screen(&buf));
    assert!(line_starting(&buf, Side::Right, "« La menace").is_some(), "{}", screen(&buf));
}

#[test]
fn side_by_side_120x40_with_alignment_map() {
    let (en, fr, mut st) = state();
    st.update(BilingualAction::ToggleMap);
    assert!(st.show_map);
    let buf = draw(&st, &en, &fr, 120, 40, false);
    let text = screen(&buf);
    assert!(text.contains("map 6×7"), "{text}");
    // The map holds braille dots, and the rows on screen are lit.
    let map_cells: Vec<_> = buf.content.iter().filter(|c| c.symbol().chars().any(|ch| ('\u{2801}'..='\u{28ff}').contains(&ch))).collect();
    assert!(map_cells.len() >= 2, "{text}");
    assert!(map_cells.iter().any(|c| c.fg == Color::Yellow));
    // Axes: first and last sentence numbers of each side; a legend.
    let lines: Vec<&str> = text.lines().collect();
    let title = lines.iter().position(|l| l.contains("map 6×7")).unwrap();
    assert!(lines[title + 1].contains("│  1     7 "), "{text}");
    assert!(lines[title + 2].contains("│1 ⠛"), "{text}");
    assert!(text.contains(diglot::ui::bilingual::MAP_LEGEND), "{text}");
    insta::assert_snapshot!("bilingual_120x40_map", text);
    st.update(BilingualAction::ToggleMap);
    assert!(!screen(&draw(&st, &en, &fr, 120, 40, false)).contains("map 6×7"));
}

#[test]
fn alignment_map_draws_the_path_through_the_sentence_grid() {
    // A diagonal 1:1 alignment of 8 × 8 sentences at two dots per sentence: each sentence
    // pair is a 2 × 2 block of dots, so the path is a staircase down the diagonal.
    let text: String = (0..8).map(|i| format!("Sentence number {i} is here.")).collect::<Vec<_>>().join(" ");
    let a = from_plain_text("a", &text);
    let b = from_plain_text("b", &text);
    let rows = (0..8).map(|i| row(i..i + 1, i..i + 1, 0.9)).collect();
    let mut st = BilingualState::new(&a, &b, Alignment { rows }, vec![], vec![], vec![]);
    st.update(BilingualAction::ToggleMap);
    let buf = draw(&st, &a, &b, 80, 24, true);
    let text = screen(&buf);
    // Inner map: 8 cells wide (16 dots), 4 high (16 dots).
    let top = text.lines().position(|l| l.contains("map 8×8")).expect("map title");
    let lines: Vec<&str> = text.lines().collect();
    // The dots come after the left axis ("1 " / "8 "), below the right axis row.
    let border = lines[top].chars().position(|c| c == '┌').unwrap();
    let inner = |y: usize| lines[y].chars().skip(border + 3).take(8).collect::<String>();
    // Left sentence 2k fills the top half of cell 2k, sentence 2k+1 the bottom of 2k+1.
    assert_eq!(inner(top + 2), "⠛⣤      ", "{text}");
    assert_eq!(inner(top + 3), "  ⠛⣤    ", "{text}");
    assert_eq!(inner(top + 5), "      ⠛⣤", "{text}");
}

#[test]
fn no_color_uses_only_modifiers() {
    let (en, fr, mut st) = state();
    st.update(BilingualAction::NextQuote);
    st.update(BilingualAction::ToggleMap);
    let buf = draw(&st, &en, &fr, 80, 24, true);
    for c in &buf.content {
        assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset), "{c:?}");
    }
    insta::assert_snapshot!("bilingual_80x24_no_color_cells", format!("{buf:?}"));
}

#[test]
fn french_spacing_and_cjk_wrap_right_in_a_column() {
    let fr = from_plain_text(
        "fr",
        "« Nous devons agir maintenant », a-t-il déclaré : « la menace est réelle ! » Pourquoi ? Parce que les réseaux changent ; vraiment.",
    );
    let ja = from_plain_text(
        "ja",
        "欧州の警察は二日間の作戦で過激派の投稿を数千件削除した。当局者はこれまでで最大の協調的な取り組みだと述べた。",
    );
    let rows = vec![row(0..fr.sentence_count(), 0..ja.sentence_count(), 0.7)];
    let st = BilingualState::new(&fr, &ja, Alignment { rows }, vec![], vec![], vec![]);
    let buf = draw(&st, &fr, &ja, 80, 24, false);
    let col = 39u16;
    for y in 1..23 {
        let left = cells(&buf, y, 0..col);
        let l = left.trim();
        assert!(!l.starts_with(['»', ':', '!', '?', ';']), "line {y}: {l:?}");
        assert!(!l.ends_with('«'), "line {y}: {l:?}");
        let right = cells(&buf, y, col + 3..80);
        assert!(display_width(&right) <= 39, "line {y}: {right:?}");
    }
    // All of both texts is on screen, in order.
    let left: String = (1..23).map(|y| cells(&buf, y, 0..col).trim().to_string()).collect::<Vec<_>>().join(" ");
    assert!(left.contains("« Nous devons agir maintenant »"), "{left}");
    let right: String = (1..23).map(|y| cells(&buf, y, col + 3..80).trim().to_string()).collect();
    assert_eq!(right, ja.text);
    // Lines of wide characters fill the column: 19 ideographs = 38 cells.
    assert_eq!(display_width(cells(&buf, 1, col + 3..80).trim_end()), 38);
    insta::assert_snapshot!("bilingual_80x24_french_cjk", screen(&buf));
}

#[test]
#[allow(clippy::reversed_empty_ranges)] // broken alignments on purpose
fn never_panics_at_any_size_nor_with_a_broken_alignment() {
    let (en, fr, mut st) = state();
    st.update(BilingualAction::NextQuote);
    st.update(BilingualAction::ToggleMap);
    for w in 1..=45 {
        for h in 1..=8 {
            draw(&st, &en, &fr, w, h, false);
        }
    }
    let buf = draw(&st, &en, &fr, 250, 60, false);
    assert_matched_rows_level(&buf, &st, &en, &fr);
    // Out-of-range, backwards and overlapping rows, pairs pointing nowhere, hostile text.
    let hostile = from_plain_text("h", "Bad \x1b]0;owned\x07 title. Ok \u{9b}31m text.\n\n\u{202e}reversed.");
    let rows = vec![row(5..9, 0..1, f32::NAN), row(0..40, 3..1, 2.0), row(1..0, 0..0, -1.0)];
    let pairs = vec![QuotePair { left_quote: 7, right_quote: 0, score: 0.5 }];
    let mut st = BilingualState::new(&hostile, &en, Alignment { rows }, vec![], vec![], pairs);
    assert!(st.quote_pairs.is_empty());
    for a in [BilingualAction::NextQuote, BilingualAction::ToggleFocus, BilingualAction::Bottom, BilingualAction::ToggleMap] {
        st.update(a);
    }
    for (w, h) in [(1, 1), (3, 2), (80, 24), (250, 50)] {
        let buf = draw(&st, &hostile, &en, w, h, false);
        for c in &buf.content {
            assert!(!c.symbol().chars().any(|ch| ch.is_control() || ch == '\u{202e}'), "{c:?}");
        }
    }
    // Every sentence of both sides is in exactly one row.
    let covered_left: usize = st.rows.iter().map(|r| r.left.len()).sum();
    let covered_right: usize = st.rows.iter().map(|r| r.right.len()).sum();
    assert_eq!((covered_left, covered_right), (hostile.sentence_count(), en.sentence_count()));
    // Quote offsets off character boundaries or past the end hide no text.
    let fr_text = from_plain_text("f", "Le héros a été vu. Fin.");
    let mut bad = quote(&fr_text, "héros", "x");
    bad.start += 2; // inside "é"
    let mut past = bad.clone();
    (past.start, past.end) = (10_000, 20_000);
    let mut backwards = bad.clone();
    (backwards.start, backwards.end) = (9, 3);
    let other = from_plain_text("o", "Other text.");
    let mut st = BilingualState::new(&fr_text, &other, Alignment::default(), vec![bad, past, backwards], vec![], vec![]);
    st.update(BilingualAction::NextQuote);
    let buf = draw(&st, &fr_text, &other, 80, 24, false);
    assert!(line_starting(&buf, Side::Left, "Le héros a été vu.").is_some(), "{}", screen(&buf));
    // Empty articles too.
    let empty = from_plain_text("e", "");
    let st = BilingualState::new(&empty, &empty, Alignment::default(), vec![], vec![], vec![]);
    draw(&st, &empty, &empty, 80, 24, false);
}

#[test]
fn bundled_articles_render_with_an_empty_or_real_alignment() {
    let corpus = diglot::ingest::bundled();
    let (a, b) = (&corpus.articles[0], &corpus.articles[1]);
    let mut st = BilingualState::open(a, b);
    let buf = draw(&st, a, b, 80, 24, false);
    assert_matched_rows_level(&buf, &st, a, b);
    let covered: usize = st.rows.iter().map(|r| r.left.len()).sum();
    assert_eq!(covered, a.sentence_count());
    st.update(BilingualAction::Bottom);
    st.update(BilingualAction::ToggleMap);
    draw(&st, a, b, 120, 40, true);
}

// ---- highlights ----

fn highlight(id: i64, article: &str, text: &str, orphaned: bool) -> Highlight {
    Highlight {
        id,
        passage: diglot::model::HighlightText {
            article: article.into(),
            text_hash: "hash".into(),
            text: text.into(),
            start: 10 * id as usize,
            end: 10 * id as usize + text.len(),
            orphaned,
            ..Default::default()
        },
        created: format!("2026-11-2{id}T09:1{id}:00Z"),
        ..Highlight::default()
    }
}

fn highlights() -> (Vec<Article>, HighlightsState) {
    let (en, fr) = articles();
    let mut h1 = highlight(1, "en_test", "It does show that some members of the group are still very active online and are adapting their methods", false);
    h1.speaker = Some("the agency director".into());
    h1.tag = Some("key".into());
    h1.note = Some("use in the weekly report".into());
    let mut h2 = highlight(2, "fr_test", "La menace reste la plus élevée depuis une génération", false);
    h2.speaker = Some("Le directeur".into());
    let h3 = highlight(3, "en_test", "a passage that was edited away", true);
    let h4 = highlight(4, "deleted_file", "text from an article no longer in the corpus", false);
    let articles = vec![en, fr];
    let state = HighlightsState::from_highlights(vec![h1, h2, h3, h4], &articles);
    (articles, state)
}

fn draw_highlights(state: &HighlightsState, width: u16, height: u16, no_color: bool) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|f| f.render_widget(HighlightsView { state, no_color }, f.area())).expect("draw");
    terminal.backend().buffer().clone()
}

#[test]
fn highlights_view_80x24_lists_text_title_speaker_tag_note_date_and_orphans() {
    let (_, mut st) = highlights();
    st.update(HighlightsAction::Down);
    let buf = draw_highlights(&st, 80, 24, false);
    let text = screen(&buf);
    assert!(text.contains("Highlights (4)"), "{text}");
    assert!(text.contains("Extremist posts removed in two-day sweep · the agency director · #key · ✎ use…"), "{text}");
    assert!(text.contains("Des milliers de messages supprimés · Le directeur · 2026-11-22 09:12"), "{text}");
    assert!(text.contains("deleted_file · 2026-11-24 09:14"), "{text}");
    assert!(text.contains("“La menace reste la plus élevée depuis une génération”"), "{text}");
    assert_eq!(text.matches("[orphaned]").count(), 1, "{text}");
    assert_eq!(text.matches("[article not loaded]").count(), 1, "{text}");
    // Long text is cut to the width with an ellipsis.
    for line in text.lines() {
        assert!(display_width(line) <= 80);
    }
    assert!(text.lines().nth(1).is_some_and(|l| l.ends_with('…')), "{text}");
    // The selected entry (second) is marked.
    assert!(text.lines().nth(3).is_some_and(|l| l.starts_with('▌')), "{text}");
    insta::assert_snapshot!("highlights_80x24", text);
    let no_color = draw_highlights(&st, 80, 24, true);
    assert!(no_color.content.iter().all(|c| c.fg == Color::Reset && c.bg == Color::Reset));
    assert!(no_color[(0, 3)].modifier.contains(Modifier::REVERSED));
    for (w, h) in [(1, 1), (2, 3), (10, 2), (250, 60)] {
        draw_highlights(&st, w, h, false);
    }
}

#[test]
fn undo_restores_a_deleted_highlight() {
    let (_, mut st) = highlights();
    st.update(HighlightsAction::Bottom);
    assert_eq!(st.update(HighlightsAction::Delete), Some(HighlightsEffect::Delete(4)));
    st.update(HighlightsAction::Top);
    assert_eq!(st.update(HighlightsAction::Delete), Some(HighlightsEffect::Delete(1)));
    assert_eq!(st.entries().len(), 2);
    assert!(!screen(&draw_highlights(&st, 80, 24, false)).contains("agency director"));
    // Undo brings back the most recent deletion first, where it was.
    match st.update(HighlightsAction::Undo) {
        Some(HighlightsEffect::Restore(h)) => assert_eq!((h.id, h.note.as_deref()), (1, Some("use in the weekly report"))),
        other => panic!("{other:?}"),
    }
    assert_eq!(st.entries()[0].highlight.id, 1);
    assert!(screen(&draw_highlights(&st, 80, 24, false)).contains("agency director"));
    // The store gave the restored highlight a new id.
    st.replace_id(1, 99);
    assert_eq!(st.update(HighlightsAction::Copy), Some(HighlightsEffect::Copy(99)));
    assert!(matches!(st.update(HighlightsAction::Undo), Some(HighlightsEffect::Restore(h)) if h.id == 4));
    assert_eq!(st.entries().len(), 4);
    assert_eq!(st.update(HighlightsAction::Export), Some(HighlightsEffect::Export));
}

#[test]
fn highlights_paging_follows_the_drawn_height_and_keeps_the_selection_visible() {
    let (_, mut st) = highlights();
    // 7 lines: a header and three two-line entries.
    draw_highlights(&st, 80, 7, true);
    assert_eq!(st.visible(), 3);
    st.update(HighlightsAction::PageDown);
    assert_eq!(st.selected(), Some(2));
    st.update(HighlightsAction::Bottom);
    let buf = draw_highlights(&st, 80, 7, true);
    let text = screen(&buf);
    assert!(text.contains("deleted_file"), "{text}");
    assert!(!text.contains("It does show"), "{text}");
    assert_eq!(st.offset, 1);
}

#[test]
fn highlight_text_from_files_cannot_reach_the_terminal_as_escapes() {
    let mut h = highlight(1, "x", "evil \x1b]52;c;Zm9v\x07 text\nnext \u{202e}line \u{9b}2J", false);
    h.note = Some("note \x1b[2J".into());
    h.speaker = Some("\x07bell".into());
    let st = HighlightsState::from_highlights(vec![h], &[]);
    let buf = draw_highlights(&st, 80, 10, false);
    for c in &buf.content {
        assert!(!c.symbol().chars().any(|ch| ch.is_control() || ch == '\u{202e}'), "{c:?}");
    }
    let text = screen(&buf);
    assert!(text.contains("“evil  text next line ”"), "{text}");
    assert!(!text.contains("52;"), "{text}");
}

#[test]
fn view_states_can_live_in_an_app_moved_across_threads() {
    fn send<T: Send + Clone>() {}
    send::<BilingualState>();
    send::<HighlightsState>();
}

/// The reader's highlights are marked in the side-by-side columns too (bold + underline
/// without colour), and only the highlighted words are.
#[test]
fn highlights_are_marked_in_the_columns() {
    let (en, fr, state) = state();
    let words = "thousands of extremist posts";
    let start = en.text.find(words).unwrap();
    let marked = start..start + words.len();
    let left_marks = std::slice::from_ref(&marked);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| {
            let view = BilingualView { state: &state, left: &en, right: &fr, no_color: true, highlights: [left_marks, &[]], hints: &[] };
            f.render_widget(view, f.area())
        })
        .unwrap();
    let buf = terminal.backend().buffer().clone();
    let both = Modifier::BOLD | Modifier::UNDERLINED;
    let mut marked = String::new();
    for y in 0..24u16 {
        for x in 0..39u16 {
            let cell = &buf[(x, y)];
            if cell.modifier.contains(both) {
                marked.push_str(cell.symbol());
            }
        }
        marked.push(' ');
    }
    let marked = marked.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(marked, words);
}
