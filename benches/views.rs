//! Cost of the side-by-side view on a long pair: laying the rows out at one width (done
//! once per width, then cached), drawing one frame, and a scroll step plus redraw.

use criterion::{Criterion, criterion_group, criterion_main};
use diglot::align::{AlignRow, Alignment, RowKind};
use diglot::app::bilingual::{BilingualAction, BilingualState};
use diglot::ingest::from_plain_text;
use diglot::model::Article;
use diglot::ui::bilingual::BilingualView;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::hint::black_box;

/// Two articles of `n` sentences in paragraphs of five, aligned 1:1 with a one-sided row
/// every tenth sentence.
fn long_pair(n: usize) -> (Article, Article, Alignment) {
    let text = |lang: &str| {
        (0..n)
            .map(|i| {
                let s = format!("{lang} sentence {i} says that 2,000 posts were removed in a 48-hour operation across nine countries.");
                if i % 5 == 4 { s + "\n\n" } else { s + " " }
            })
            .collect::<String>()
    };
    let left = from_plain_text("left", &text("Left"));
    let right = from_plain_text("right", &text("Right"));
    let rows = (0..left.sentence_count().min(right.sentence_count()))
        .map(|i| {
            if i % 10 == 9 {
                AlignRow { left: i..i + 1, right: i..i, score: 0.3, kind: RowKind::LeftOnly }
            } else {
                AlignRow { left: i..i + 1, right: i..i + 1, score: 0.8, kind: RowKind::Match }
            }
        })
        .collect();
    (left, right, Alignment { rows })
}

fn bilingual(c: &mut Criterion) {
    let (left, right, alignment) = long_pair(500);
    let state = BilingualState::new(&left, &right, alignment.clone(), vec![], vec![], vec![]);
    c.bench_function("bilingual layout 500x500 sentences at 39 cols", |b| {
        b.iter(|| {
            // A fresh state each time so the cache does not answer.
            let s = BilingualState::new(&left, &right, alignment.clone(), vec![], vec![], vec![]);
            black_box(s.layout(39).total_lines)
        })
    });
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    c.bench_function("bilingual frame 120x40 (layout cached)", |b| {
        b.iter(|| BilingualView { state: &state, left: &left, right: &right, no_color: false, highlights: [&[], &[]], hints: &[] }.render(area, &mut buf))
    });
    let mut state = state;
    state.update(BilingualAction::ToggleMap);
    c.bench_function("bilingual scroll step + frame with map 120x40", |b| {
        b.iter(|| {
            state.update(BilingualAction::ScrollDown(1));
            BilingualView { state: &state, left: &left, right: &right, no_color: false, highlights: [&[], &[]], hints: &[] }.render(area, &mut buf)
        })
    });
}

fn highlights(c: &mut Criterion) {
    use diglot::app::highlights::{HighlightsAction, HighlightsState};
    use diglot::model::Highlight;
    use diglot::ui::highlights::HighlightsView;
    let articles: Vec<Article> = (0..500).map(|i| from_plain_text(&format!("a{i}"), "Some article text.")).collect();
    let highlights: Vec<Highlight> = (0..10_000)
        .map(|i| Highlight {
            id: i,
            passage: diglot::model::HighlightText {
                article: format!("a{}", i % 600),
                text: format!("highlight number {i} with some words that are long enough to be cut at eighty columns wide"),
                start: 0,
                end: 4,
                ..Default::default()
            },
            speaker: Some("Someone".into()),
            note: Some("a note".into()),
            tag: Some("tag".into()),
            created: "2026-11-22T03:00:00Z".into(),
            counterpart: None,
        })
        .collect();
    c.bench_function("highlights state from 10k highlights", |b| {
        b.iter(|| HighlightsState::from_highlights(highlights.clone(), &articles).entries().len())
    });
    let mut state = HighlightsState::from_highlights(highlights, &articles);
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    c.bench_function("highlights move + frame 120x40 over 10k", |b| {
        b.iter(|| {
            state.update(HighlightsAction::Down);
            HighlightsView { state: &state, no_color: false }.render(area, &mut buf)
        })
    });
}

criterion_group!(benches, bilingual, highlights);
criterion_main!(benches);
