//! Monotonic alignment by dynamic programming over a band of the sentence grid.
//!
//! Pass 1 runs 1:1 and skip moves over a wide band around the diagonal (of bounded width)
//! to find roughly where the path goes; pass 2 runs every move (1:1, 1:2, 2:1, 2:2, 1:3,
//! 3:1, 1:0, 0:1) in a narrow band around that path. Both keep only the band in memory and
//! cost a constant per sentence, so alignment is linear in the texts' length.
//!
//! Costs are negative log-likelihood-like: a 1:1 of perfect length and clear lexical
//! evidence costs about 0, a skip costs `skip`. The defaults were tuned on the align-dev
//! gold data (two novels, parallel and with ~20% of sentences deleted) under the constraint
//! that unrelated sentences of a rewritten news counterpart stay one-sided (tests/align.rs).

use super::features::{SentenceFeatures, similarity};
use super::{AlignRow, RowKind};

/// Tunable weights of the cost model (`examples/align_eval.rs` takes each as a flag).
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Cost of leaving one sentence without a counterpart.
    pub skip: f32,
    /// Weight of the lexical/anchor dissimilarity term.
    pub sim_weight: f32,
    /// Weight of the Gale–Church length term.
    pub len_weight: f32,
    /// Extra cost of a 1:2 or 2:1 merge, and of a 2:2.
    pub merge_prior: f32,
    pub merge22_prior: f32,
    /// Extra cost of a 1:3 or 3:1.
    pub merge3_prior: f32,
    /// Reward when both groups end a paragraph.
    pub paragraph_bonus: f32,
    /// Cost when only one side holds a quotation mark.
    pub quote_mismatch: f32,
    /// Extra cost of pairing groups that share no evidence.
    pub unrelated_penalty: f32,
    /// Match rows scoring below this are split into one-sided rows.
    pub min_match_score: f32,
    /// Content words (both sides together) at which similarity is fully trusted.
    pub evidence_words: f32,
    /// Half-width of the pass-2 band around the pass-1 path.
    pub band: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            skip: 2.5,
            sim_weight: 2.0,
            len_weight: 1.0,
            merge_prior: 1.2,
            merge22_prior: 2.5,
            merge3_prior: 2.5,
            paragraph_bonus: 1.0,
            quote_mismatch: 0.4,
            evidence_words: 10.0,
            min_match_score: 0.15,
            unrelated_penalty: 2.0,
            band: 12,
        }
    }
}

/// Below this (scaled, evidence-weighted) similarity two groups count as unrelated.
const NO_EVIDENCE: f32 = 0.25;

/// Scaled similarity may exceed the typical pair's (1.0) by this much: evidence well beyond
/// the usual is worth more than a good length fit elsewhere.
const MAX_SCALED_SIMILARITY: f32 = 1.5;

/// Gale & Church's variance of the length ratio, per character.
const LENGTH_VARIANCE: f32 = 6.8;
const MAX_LENGTH_COST: f32 = 8.0;

pub struct Grid<'a> {
    pub left: &'a [SentenceFeatures],
    pub right: &'a [SentenceFeatures],
    /// True when the right side carries the translations (it is the "source").
    pub right_is_source: bool,
    /// Expected right length per left character.
    pub length_ratio: f32,
    /// The similarity a true pair typically reaches in this text.
    pub sim_ref: f32,
    /// The similarity unrelated sentences of this text reach by chance (shared topic
    /// words, names); only what rises above it counts as evidence.
    pub sim_background: f32,
    pub params: Params,
}

impl Grid<'_> {
    pub fn similarity(&self, l: std::ops::Range<usize>, r: std::ops::Range<usize>) -> f32 {
        let (l, r) = (&self.left[l], &self.right[r]);
        if self.right_is_source { similarity(r, l) } else { similarity(l, r) }
    }

    fn scaled_similarity(&self, l: std::ops::Range<usize>, r: std::ops::Range<usize>) -> f32 {
        ((self.similarity(l, r) - self.sim_background) / (self.sim_ref - self.sim_background)).clamp(0.0, MAX_SCALED_SIMILARITY)
    }

    /// Scaled similarity, pulled towards a neutral 0.5 when the sentences hold few
    /// content words: "Oh no!" against "Non !" proves nothing either way, and the length
    /// cost should decide.
    fn evidence_similarity(&self, l: std::ops::Range<usize>, r: std::ops::Range<usize>) -> f32 {
        let weight: f32 = self.left[l.clone()].iter().chain(&self.right[r.clone()]).map(|s| s.target_weight).sum();
        let confidence = (weight / self.params.evidence_words).min(1.0);
        confidence * self.scaled_similarity(l, r) + (1.0 - confidence) * 0.5
    }

    /// Gale–Church: the length difference in standard deviations, as a cost.
    fn length_cost(&self, l: std::ops::Range<usize>, r: std::ops::Range<usize>) -> f32 {
        let ll: f32 = self.left[l].iter().map(|s| s.chars).sum::<f32>() * self.length_ratio;
        let lr: f32 = self.right[r].iter().map(|s| s.chars).sum();
        let mean = ((ll + lr) / 2.0).max(1.0);
        let delta = (lr - ll) / (LENGTH_VARIANCE * mean).sqrt();
        (delta * delta / 2.0).min(MAX_LENGTH_COST)
    }

    /// Cost of pairing left sentences `l` with right sentences `r` (both non-empty).
    pub fn match_cost(&self, l: std::ops::Range<usize>, r: std::ops::Range<usize>) -> f32 {
        let p = &self.params;
        let prior = match (l.len(), r.len()) {
            (1, 1) => 0.0,
            (2, 2) => p.merge22_prior,
            (1, 2) | (2, 1) => p.merge_prior,
            _ => p.merge3_prior,
        };
        let sim = self.evidence_similarity(l.clone(), r.clone());
        // The dissimilarity term grows with the number of sentences in the row, so that a
        // merge is not cheaper than the separate pairs it replaces (as in Vecalign).
        let size = (l.len() + r.len()) as f32 / 2.0;
        let mut cost = prior + p.len_weight * self.length_cost(l.clone(), r.clone()) + p.sim_weight * (1.0 - sim) * size;
        // Sentences that share (almost) nothing are not forced into a pair just because
        // their lengths fit: that is what makes non-parallel stretches one-sided.
        if sim < NO_EVIDENCE {
            cost += p.unrelated_penalty * (NO_EVIDENCE - sim) / NO_EVIDENCE * size;
        }
        // In a merge every sentence must bring some evidence of its own, or a good pair
        // could swallow an unrelated neighbour (the merged similarity barely drops).
        if l.len() + r.len() > 2 {
            let weakest = l
                .clone()
                .map(|x| self.evidence_similarity(x..x + 1, r.clone()))
                .chain(r.clone().map(|y| self.evidence_similarity(l.clone(), y..y + 1)))
                .fold(1.0, f32::min);
            if weakest < NO_EVIDENCE {
                cost += p.unrelated_penalty * (NO_EVIDENCE - weakest) / NO_EVIDENCE;
            }
        }
        let (last_l, last_r) = (&self.left[l.end - 1], &self.right[r.end - 1]);
        if last_l.paragraph_end && last_r.paragraph_end {
            cost -= p.paragraph_bonus;
        }
        let quoted_l = self.left[l].iter().any(|s| s.quoted);
        let quoted_r = self.right[r].iter().any(|s| s.quoted);
        if quoted_l != quoted_r {
            cost += p.quote_mismatch;
        }
        cost
    }

    /// Confidence in a match row: how far it beats leaving every sentence one-sided.
    pub fn match_score(&self, l: std::ops::Range<usize>, r: std::ops::Range<usize>) -> f32 {
        let alternative = (l.len() + r.len()) as f32 * self.params.skip;
        (1.0 - self.match_cost(l, r) / alternative).clamp(0.0, 1.0)
    }
}

/// Per-row inclusive column bounds; `lo` and `hi` never decrease.
struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
}

impl Band {
    fn contains(&self, i: usize, j: usize) -> bool {
        i < self.lo.len() && self.lo[i] <= j && j <= self.hi[i]
    }

    fn around_diagonal(n: usize, m: usize, half_width: usize) -> Band {
        let mut lo = Vec::with_capacity(n + 1);
        let mut hi = Vec::with_capacity(n + 1);
        for i in 0..=n {
            let centre = (i * m).checked_div(n).unwrap_or(0);
            lo.push(centre.saturating_sub(half_width));
            hi.push((centre + half_width).min(m));
        }
        Band { lo, hi }.closed(m)
    }

    fn around_path(n: usize, m: usize, path: &[(usize, usize)], half_width: usize) -> Band {
        let mut lo = vec![usize::MAX; n + 1];
        let mut hi = vec![0; n + 1];
        for &(i, j) in path {
            for row in i.saturating_sub(half_width)..=(i + half_width).min(n) {
                lo[row] = lo[row].min(j.saturating_sub(half_width));
                hi[row] = hi[row].max((j + half_width).min(m));
            }
        }
        Band { lo, hi }.closed(m)
    }

    /// Make the band monotonic and anchored at both corners so a path always exists.
    fn closed(mut self, m: usize) -> Band {
        let n = self.lo.len() - 1;
        self.lo[0] = 0;
        self.hi[n] = m;
        for i in (0..n).rev() {
            self.lo[i] = self.lo[i].min(self.lo[i + 1]);
        }
        for i in 1..=n {
            self.hi[i] = self.hi[i].max(self.hi[i - 1]);
        }
        for i in 0..=n {
            self.lo[i] = self.lo[i].min(self.hi[i]);
        }
        self
    }
}

const FULL_MOVES: [(usize, usize); 8] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3)];
const COARSE_MOVES: [(usize, usize); 3] = [(1, 1), (1, 0), (0, 1)];

/// Run the DP over `band` with `moves`; returns the path as a list of moves ending at
/// each visited cell, from (0, 0) to (n, m).
fn run(grid: &Grid, band: &Band, moves: &[(usize, usize)]) -> Vec<(usize, usize, usize, usize)> {
    let (n, m) = (grid.left.len(), grid.right.len());
    let mut cost: Vec<Vec<f32>> = Vec::with_capacity(n + 1);
    let mut back: Vec<Vec<u8>> = Vec::with_capacity(n + 1);
    for i in 0..=n {
        let width = band.hi[i] + 1 - band.lo[i];
        let mut row_cost = vec![f32::INFINITY; width];
        let mut row_back = vec![u8::MAX; width];
        for j in band.lo[i]..=band.hi[i] {
            if i == 0 && j == 0 {
                row_cost[0] = 0.0;
                continue;
            }
            let mut best = f32::INFINITY;
            let mut best_move = u8::MAX;
            for (mi, &(k, l)) in moves.iter().enumerate() {
                if k > i || l > j {
                    continue;
                }
                let (pi, pj) = (i - k, j - l);
                let prev = if pi == i {
                    if pj < band.lo[i] {
                        continue;
                    }
                    row_cost[pj - band.lo[i]]
                } else if band.contains(pi, pj) {
                    cost[pi][pj - band.lo[pi]]
                } else {
                    continue;
                };
                if !prev.is_finite() {
                    continue;
                }
                let step = if k == 0 || l == 0 {
                    grid.params.skip * (k + l) as f32
                } else {
                    grid.match_cost(pi..i, pj..j)
                };
                if prev + step < best {
                    best = prev + step;
                    best_move = mi as u8;
                }
            }
            row_cost[j - band.lo[i]] = best;
            row_back[j - band.lo[i]] = best_move;
        }
        cost.push(row_cost);
        back.push(row_back);
    }
    // Trace back from (n, m).
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(&mv) = back.get(i).and_then(|row| row.get(j.wrapping_sub(band.lo[i]))) else { break };
        let Some(&(k, l)) = moves.get(mv as usize) else { break };
        steps.push((i - k, i, j - l, j));
        i -= k;
        j -= l;
    }
    steps.reverse();
    steps
}

/// The full two-pass alignment.
pub fn align_grid(grid: &Grid) -> Vec<AlignRow> {
    let (n, m) = (grid.left.len(), grid.right.len());
    let coarse_width = coarse_half_width(n, m);
    let coarse = run(grid, &Band::around_diagonal(n, m, coarse_width), &COARSE_MOVES);
    let path: Vec<(usize, usize)> = std::iter::once((0, 0)).chain(coarse.iter().map(|&(_, i, _, j)| (i, j))).collect();
    let fine = run(grid, &Band::around_path(n, m, &path, grid.params.band), &FULL_MOVES);
    // A pair the DP kept only because its lengths fit, with almost no shared evidence, is
    // shown as what it most likely is: two sentences without counterparts.
    let fine: Vec<_> = fine
        .into_iter()
        .flat_map(|(l0, l1, r0, r1)| {
            let weak = l0 < l1 && r0 < r1 && grid.match_score(l0..l1, r0..r1) < grid.params.min_match_score;
            if weak {
                // One row per sentence, as for any other sentence without a counterpart.
                (l0..l1).map(|i| (i, i + 1, r0, r0)).chain((r0..r1).map(|j| (l1, l1, j, j + 1))).collect()
            } else {
                vec![(l0, l1, r0, r1)]
            }
        })
        .collect();
    fine.into_iter()
        .map(|(l0, l1, r0, r1)| {
            let (kind, score) = if l0 == l1 {
                (RowKind::RightOnly, one_sided_score(grid, None, Some(r0), l0))
            } else if r0 == r1 {
                (RowKind::LeftOnly, one_sided_score(grid, Some(l0), None, r0))
            } else {
                (RowKind::Match, grid.match_score(l0..l1, r0..r1))
            };
            AlignRow { left: l0..l1, right: r0..r1, score, kind }
        })
        .collect()
}

/// Half-width of the pass-1 band: wide enough to follow a path far off the diagonal (long
/// one-sided stretches, one side longer than the other), but never wider than
/// `MAX_COARSE_HALF_WIDTH`, so that pass 1 costs a constant per sentence and long texts
/// align in linear time. A novel of a thousand sentences still gets about its full band.
fn coarse_half_width(n: usize, m: usize) -> usize {
    const MAX_COARSE_HALF_WIDTH: usize = 150;
    (n.max(m) / 3).max(64).max(n.abs_diff(m) + 16).min(MAX_COARSE_HALF_WIDTH)
}

/// Confidence that a sentence really has no counterpart: one minus its best scaled
/// similarity to the sentences near where its counterpart would be.
fn one_sided_score(grid: &Grid, left: Option<usize>, right: Option<usize>, other_at: usize) -> f32 {
    const WINDOW: usize = 3;
    let best = match (left, right) {
        (Some(i), _) => (other_at.saturating_sub(WINDOW)..(other_at + WINDOW).min(grid.right.len()))
            .map(|j| grid.scaled_similarity(i..i + 1, j..j + 1))
            .fold(0.0, f32::max),
        (_, Some(j)) => (other_at.saturating_sub(WINDOW)..(other_at + WINDOW).min(grid.left.len()))
            .map(|i| grid.scaled_similarity(i..i + 1, j..j + 1))
            .fold(0.0, f32::max),
        _ => 0.0,
    };
    (1.0 - best).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::coarse_half_width;

    #[test]
    fn coarse_band_covers_short_texts_and_stops_growing_on_long_ones() {
        // A short text: the band spans the whole grid, so any path is possible.
        assert!(coarse_half_width(40, 50) >= 50);
        // One side much longer: the band reaches the far corner's offset.
        assert!(coarse_half_width(60, 160) >= 100);
        // Long texts: the same width whatever the length, so pass 1 is linear.
        assert_eq!(coarse_half_width(10_000, 10_000), coarse_half_width(100_000, 100_000));
        assert_eq!(coarse_half_width(1_000, 50_000), coarse_half_width(10_000, 10_000));
    }
}
