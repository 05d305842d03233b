//! Pairing articles across languages and aligning their sentences (issue 5).
//!
//! * [`align`]: Gale–Church length costs plus anchors (numbers, names, cognates, a
//!   French–English lexicon, quotation and paragraph structure) in a banded two-pass DP
//!   (`dp`), with a skip cost so text without a counterpart comes out one-sided.
//! * [`pair_quotes`]: the same statement quoted in both articles.
//! * [`propose_pairs`]: likely counterparts across languages, from the articles' content
//!   only (never their file names).

pub mod divergence;
pub mod dp;
pub mod features;
pub mod inflection;
pub mod lexicon;
pub mod pair_index;
pub mod pairing;
pub mod profile;
pub mod tokens;

use crate::model::Manifest;
use crate::model::{Article, Quote};
use features::{Direction, direction, sentence_features, similarity, text_features};
use serde::Serialize;
use std::ops::Range;

pub use dp::Params;
pub use pairing::{propose_pairs, propose_pairs_with_quotes};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowKind {
    Match,
    LeftOnly,
    RightOnly,
}

impl RowKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RowKind::Match => "match",
            RowKind::LeftOnly => "left-only",
            RowKind::RightOnly => "right-only",
        }
    }
}

/// One row of an alignment: a run of sentences on each side (indices into
/// `Article::sentences()`), either of which may be empty.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignRow {
    pub left: Range<usize>,
    pub right: Range<usize>,
    /// Confidence in 0..=1.
    pub score: f32,
    pub kind: RowKind,
}

/// The same statement quoted in both articles (indices into each side's quote list).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotePair {
    pub left_quote: usize,
    pub right_quote: usize,
    pub score: f32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Alignment {
    pub rows: Vec<AlignRow>,
}

impl Alignment {
    /// The same alignment seen from the other side.
    pub fn mirrored(self) -> Alignment {
        let rows = self
            .rows
            .into_iter()
            .map(|r| AlignRow {
                left: r.right,
                right: r.left,
                score: r.score,
                kind: match r.kind {
                    RowKind::LeftOnly => RowKind::RightOnly,
                    RowKind::RightOnly => RowKind::LeftOnly,
                    RowKind::Match => RowKind::Match,
                },
            })
            .collect();
        Alignment { rows }
    }

    /// The row holding left sentence `index`, if any.
    pub fn row_of_left(&self, index: usize) -> Option<usize> {
        self.rows.iter().position(|r| r.left.contains(&index))
    }

    /// The row holding right sentence `index`, if any.
    pub fn row_of_right(&self, index: usize) -> Option<usize> {
        self.rows.iter().position(|r| r.right.contains(&index))
    }

    /// Paragraph pairs implied by the matched rows: `(left paragraph, right paragraph)`
    /// for every pair of paragraphs that share at least one matched row, in order.
    pub fn paragraph_pairs(&self, left: &Article, right: &Article) -> Vec<(usize, usize)> {
        let para_of = |a: &Article| a.sentences().map(|(p, _)| p).collect::<Vec<_>>();
        let (lp, rp) = (para_of(left), para_of(right));
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for row in self.matches() {
            for i in row.left.clone() {
                for j in row.right.clone() {
                    if let (Some(&a), Some(&b)) = (lp.get(i), rp.get(j))
                        && seen.insert((a, b))
                    {
                        pairs.push((a, b));
                    }
                }
            }
        }
        pairs
    }

    /// Matched rows only.
    pub fn matches(&self) -> impl Iterator<Item = &AlignRow> {
        self.rows.iter().filter(|r| r.kind == RowKind::Match)
    }
}

/// A proposed counterpart: two article ids, a score and the evidence behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairCandidate {
    pub left: String,
    pub right: String,
    pub score: f32,
    pub evidence: Vec<String>,
}

/// Monotonic sentence alignment of `left` and `right`.
///
/// The same two articles give the same rows and confidences whichever is on the left:
/// they are aligned in one fixed order (the lexicon's source language on the left, else
/// by id) and the result mirrored when needed.
pub fn align(left: &Article, right: &Article) -> Alignment {
    let swap = match direction(left, right) {
        Direction::FrenchLeft => false,
        Direction::FrenchRight => true,
        Direction::None => right.id < left.id,
    };
    if swap {
        return align_with(right, left, Params::default()).mirrored();
    }
    align_with(left, right, Params::default())
}

/// [`align`] with explicit cost weights (for tuning and evaluation).
pub fn align_with(left: &Article, right: &Article, params: Params) -> Alignment {
    let dir = direction(left, right);
    let lf = sentence_features(left, dir == Direction::FrenchLeft);
    let rf = sentence_features(right, dir == Direction::FrenchRight);
    if lf.is_empty() && rf.is_empty() {
        return Alignment::default();
    }
    let total = |f: &[features::SentenceFeatures]| f.iter().map(|s| s.chars).sum::<f32>();
    let length_ratio = if total(&lf) > 0.0 && total(&rf) > 0.0 { total(&rf) / total(&lf) } else { 1.0 };
    let mut grid = dp::Grid {
        left: &lf,
        right: &rf,
        right_is_source: dir == Direction::FrenchRight,
        length_ratio: length_ratio.clamp(0.5, 2.0),
        sim_ref: 1.0,
        sim_background: 0.0,
        params,
    };
    grid.sim_ref = typical_pair_similarity(&grid);
    grid.sim_background = chance_similarity(&grid).min(grid.sim_ref * 0.5);
    Alignment { rows: dp::align_grid(&grid) }
}

/// How similar a true pair is in this text: an upper quantile of each sampled left
/// sentence's best similarity near the diagonal. Texts where the lexicon covers little
/// (other languages, technical prose) get a lower reference, so their anchors still count.
fn typical_pair_similarity(grid: &dp::Grid) -> f32 {
    let (n, m) = (grid.left.len(), grid.right.len());
    if n == 0 || m == 0 {
        return 1.0;
    }
    let samples = n.min(200);
    // Bounded, so that sampling stays linear in the text's length.
    const MAX_WINDOW: usize = 128;
    let window = (m / 10).clamp(8, MAX_WINDOW);
    let mut best: Vec<f32> = (0..samples)
        .map(|s| {
            let i = s * n / samples;
            let centre = i * m / n;
            (centre.saturating_sub(window)..(centre + window).min(m))
                .map(|j| grid.similarity(i..i + 1, j..j + 1))
                .fold(0.0, f32::max)
        })
        .collect();
    best.sort_by(|a, b| a.total_cmp(b));
    let q = best[(best.len() * 3 / 4).min(best.len() - 1)];
    (q * 0.8).clamp(0.08, 0.6)
}

/// How similar unrelated sentences are in this text: the upper quartile of the similarity
/// of sentence pairs sampled with a fixed stride (deterministic), far and near alike.
fn chance_similarity(grid: &dp::Grid) -> f32 {
    let (n, m) = (grid.left.len(), grid.right.len());
    if n == 0 || m == 0 {
        return 0.0;
    }
    const SAMPLES: usize = 400;
    let mut sims: Vec<f32> = (0..SAMPLES)
        .map(|k| {
            // Two co-prime strides walk the grid without favouring the diagonal.
            let i = (k * 7919) % n;
            let j = (k * 104_729 + 13) % m;
            grid.similarity(i..i + 1, j..j + 1)
        })
        .collect();
    sims.sort_by(|a, b| a.total_cmp(b));
    sims[SAMPLES * 3 / 4]
}

/// Below this a candidate quote pair is not reported.
const QUOTE_PAIR_THRESHOLD: f32 = 0.3;

/// Pair quotes of the same statement across the two articles: similarity of the quoted
/// words (lexicon, cognates, numbers, names) plus agreement of the speakers. Each quote is
/// paired at most once, best pairs first; result sorted by left quote.
pub fn pair_quotes(left: &Article, left_quotes: &[Quote], right: &Article, right_quotes: &[Quote]) -> Vec<QuotePair> {
    let lang = |q: &Quote, a: &Article| q.language.clone().or_else(|| a.meta.language.clone());
    // Each quote's features, plain and translated, computed once.
    let features = |quotes: &[Quote], a: &Article| -> Vec<(Option<String>, features::SentenceFeatures, features::SentenceFeatures)> {
        quotes.iter().map(|q| (lang(q, a), text_features(&q.text, false), text_features(&q.text, true))).collect()
    };
    let (lfs, rfs) = (features(left_quotes, left), features(right_quotes, right));
    let mut candidates = Vec::new();
    for (li, (lq, (ll, l_plain, l_translated))) in left_quotes.iter().zip(&lfs).enumerate() {
        for ri in quote_band(li, left_quotes.len(), right_quotes.len()) {
            let (rq, (rl, r_plain, r_translated)) = (&right_quotes[ri], &rfs[ri]);
            let one = std::slice::from_ref;
            let sim = match (ll.as_deref(), rl.as_deref()) {
                (Some("fr"), Some("en")) => similarity(one(l_translated), one(r_plain)),
                (Some("en"), Some("fr")) => similarity(one(r_translated), one(l_plain)),
                _ => similarity(one(l_plain), one(r_plain)),
            };
            // A quote pair rarely shares more than half its words even when faithful.
            let mut score = (sim / 0.45).min(1.0) * 0.8;
            match speaker_agreement(lq, rq) {
                Some(true) => score += 0.2,
                Some(false) => score -= 0.3,
                None => {}
            }
            let score = score.clamp(0.0, 1.0);
            if score >= QUOTE_PAIR_THRESHOLD {
                candidates.push(QuotePair { left_quote: li, right_quote: ri, score });
            }
        }
    }
    candidates.sort_by(|a, b| b.score.total_cmp(&a.score));
    let mut used_left = vec![false; left_quotes.len()];
    let mut used_right = vec![false; right_quotes.len()];
    let mut pairs = Vec::new();
    for c in candidates {
        if !used_left[c.left_quote] && !used_right[c.right_quote] {
            used_left[c.left_quote] = true;
            used_right[c.right_quote] = true;
            pairs.push(c);
        }
    }
    pairs.sort_by_key(|p| p.left_quote);
    pairs
}

/// Each quote is compared with this many quotes of the other article either side of the
/// one at the same relative place: every quote of articles of ordinary length, and a
/// band (linear cost) in very long ones, where comparing all pairs would be quadratic.
const QUOTE_PAIR_REACH: usize = 100;

/// The right quotes compared with left quote `li` of `left` (out of `right`).
fn quote_band(li: usize, left: usize, right: usize) -> std::ops::Range<usize> {
    let centre = (li * right).checked_div(left).unwrap_or(0);
    centre.saturating_sub(QUOTE_PAIR_REACH)..(centre + QUOTE_PAIR_REACH + 1).min(right)
}

/// Whether two quotes have the same speaker: `None` when either is unknown. Names agree
/// when any capitalised word of one matches one of the other ("Rob Wainwright" and
/// "Wainwright"); titles and pronouns written at the quote are not compared.
fn speaker_agreement(a: &Quote, b: &Quote) -> Option<bool> {
    let (sa, sb) = (a.speaker.as_ref()?, b.speaker.as_ref()?);
    let keys = |name: &str| -> Vec<u32> {
        tokens::tokenize(name)
            .into_iter()
            .filter_map(|t| match t {
                tokens::Token::Word { folded, .. } if folded.chars().count() > 2 => Some(tokens::match_key(&folded)),
                _ => None,
            })
            .collect()
    };
    let (ka, kb) = (keys(&sa.name), keys(&sb.name));
    Some(ka.iter().any(|k| kb.contains(k)))
}

/// The counterpart of `id` (the TUI's `b` key): the pair pinned in the manifest, else
/// the best proposal for `id` — but only when `id` is also the best proposal for that
/// article. A one-sided best is usually just the nearest unrelated article in the other
/// language, and aligning it would show the reader a meaningless alignment.
pub fn counterpart_of(id: &str, articles: &[Article], manifest: &Manifest) -> Option<String> {
    match counterpart_among(id, articles, manifest, &propose_pairs(articles, manifest)) {
        Counterpart::Found(other) => Some(other),
        Counterpart::Nearest { .. } | Counterpart::None => None,
    }
}

/// What [`counterpart_among`] found.
#[derive(Debug, Clone, PartialEq)]
pub enum Counterpart {
    Found(String),
    /// The best proposal for the article, which pairs better with another article.
    Nearest { id: String, score: f32 },
    None,
}

/// [`counterpart_of`] over already computed proposals (`candidates`, best first).
pub fn counterpart_among(id: &str, articles: &[Article], manifest: &Manifest, candidates: &[PairCandidate]) -> Counterpart {
    if let Some(other) = manifest.counterpart(id)
        && articles.iter().any(|a| a.id == other)
    {
        return Counterpart::Found(other.to_string());
    }
    let partner = |c: &PairCandidate, of: &str| -> Option<String> {
        if c.left == of {
            Some(c.right.clone())
        } else if c.right == of {
            Some(c.left.clone())
        } else {
            None
        }
    };
    let Some((best, other)) = candidates.iter().find_map(|c| partner(c, id).map(|o| (c, o))) else {
        return Counterpart::None;
    };
    let mutual = candidates.iter().find_map(|c| partner(c, &other)).as_deref() == Some(id);
    if mutual { Counterpart::Found(other) } else { Counterpart::Nearest { id: other, score: best.score } }
}
