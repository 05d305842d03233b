//! Salience of the people a French text has in view at a given point: who a definite role
//! noun no one was given ("le milieu de 21 ans", "le maire de Locmalo", "l'urgentiste")
//! stands for.
//!
//! French press copy names a person once, then goes on with a new description of them in
//! the next sentence ("… menés par le conseiller régional Jean-Pierre Caradec. Le maire
//! de Locmalo, longtemps proche du président, n'a pas caché son malaise"). The description
//! is not the role the article gave them, so no role look-up finds it; the person meant is
//! the one most in view there. In view is scored as in Lappin and Leass's salience
//! factors: each mention counts for being recent (halved with every sentence between it
//! and the phrase), more for being a subject (not the object of a preposition or an
//! owner) and more for speaking; an entity's salience is the sum over its mentions.
//!
//! The scores are read over the sentences of the current paragraph and the one before
//! only (a window given by the caller), so the cost is that window's, not the article's.

/// One mention as the salience reads it.
#[derive(Debug, Clone, Copy)]
pub struct MentionAt {
    pub pos: usize,
    pub entity: usize,
    /// The subject of a cue: speaking there.
    pub spoke: bool,
    /// Only the object of a preposition, a complement or an owner.
    pub oblique: bool,
}

/// What a mention is worth for being there at all, for being a subject, for speaking.
const RECENCY: f64 = 100.0;
const SUBJECT: f64 = 80.0;
const SPEAKING: f64 = 40.0;
/// How many sentences back a person may have been mentioned and still be in view: in the
/// phrase's own paragraph, and across a paragraph break.
pub const IN_VIEW_SENTENCES: usize = 3;
pub const IN_VIEW_ACROSS_PARAGRAPHS: usize = 1;

/// How many sentences back a role noun no one was given may still find the person most
/// in view, when no one is nearer (fr-pron): a court report's "le prévenu" several
/// paragraphs after the defendant last spoke.
pub const WIDE_VIEW_SENTENCES: usize = 8;

/// Mentions further back than this many sentences are not read: each is worth 1/65536 of
/// a mention in the phrase's own sentence or less, and leaving them out keeps a look-up in
/// a book-length paragraph to a few sentences (the bundled corpus and every dev and
/// fixture set give the same quotes either way).
pub const READ_SENTENCES: usize = 24;

/// Where the sentence `sentences` sentences before the one holding `pos` starts (0 when
/// there are not that many).
pub fn start_of_sentences_back(sentence_starts: &[usize], pos: usize, sentences: usize) -> usize {
    let b = sentence_starts.partition_point(|&s| s <= pos);
    b.checked_sub(sentences + 1).map_or(0, |i| sentence_starts[i])
}

/// The number of sentence starts in `sentence_starts` after `from` and at or before `to`:
/// how many sentences lie between a mention at `from` and a phrase at `to`.
fn sentences_between(sentence_starts: &[usize], from: usize, to: usize) -> usize {
    let a = sentence_starts.partition_point(|&s| s <= from);
    let b = sentence_starts.partition_point(|&s| s <= to);
    b.saturating_sub(a)
}

/// The entity most in view at `pos` among `mentions` (all before `pos`, in text order,
/// already filtered to the kind and gender wanted): the highest summed salience, among
/// those mentioned at most `within` sentences before the phrase's (0: in its own
/// sentence). On a tie, the one whose last mention came first (fr-people): of two people
/// named once each as subjects of one sentence, the main clause's subject opens it ("X a
/// livré sa version, lorsque Y a été frappé"), a subordinate clause's comes after.
pub fn most_salient(mentions: impl Iterator<Item = MentionAt>, sentence_starts: &[usize], pos: usize, within: usize) -> Option<usize> {
    // (A handful of people per window: a small vector beats a map.)
    let mut scores: Vec<(usize, f64, usize, usize)> = Vec::new();
    for m in mentions {
        let distance = sentences_between(sentence_starts, m.pos, pos);
        let mut worth = RECENCY;
        if !m.oblique {
            worth += SUBJECT;
        }
        if m.spoke {
            worth += SPEAKING;
        }
        let worth = worth / f64::from(1u32 << distance.min(16));
        match scores.iter_mut().find(|s| s.0 == m.entity) {
            Some(s) => {
                s.1 += worth;
                s.2 = s.2.min(distance);
                s.3 = m.pos;
            }
            None => scores.push((m.entity, worth, distance, m.pos)),
        }
    }
    scores
        .into_iter()
        .filter(|s| s.2 <= within)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.3.cmp(&a.3)))
        .map(|s| s.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(pos: usize, entity: usize, spoke: bool, oblique: bool) -> MentionAt {
        MentionAt { pos, entity, spoke, oblique }
    }

    #[test]
    fn the_person_of_the_sentence_before_outweighs_an_older_speaker() {
        // Sentences start at 0, 100, 200, 300; the phrase is at 310. Entity 1 spoke two
        // sentences back; entity 2 is only an object, but in the sentence before.
        let starts = [0, 100, 200, 300];
        let mentions = [at(10, 1, true, false), at(110, 1, true, false), at(210, 2, false, true)];
        assert_eq!(most_salient(mentions.into_iter(), &starts, 310, IN_VIEW_ACROSS_PARAGRAPHS), Some(2));
    }

    #[test]
    fn a_subject_of_the_same_sentence_comes_first() {
        let starts = [0, 100];
        let mentions = [at(10, 1, false, true), at(105, 2, false, false)];
        assert_eq!(most_salient(mentions.into_iter(), &starts, 150, 0), Some(2));
    }

    #[test]
    fn on_a_tie_the_subject_named_first_in_the_sentence_comes_first() {
        let starts = [0, 100];
        let mentions = [at(105, 1, false, false), at(150, 2, false, false)];
        assert_eq!(most_salient(mentions.into_iter(), &starts, 190, 0), Some(1));
    }

    #[test]
    fn the_start_of_sentences_back_counts_the_phrase_sentence_as_zero() {
        let starts = [0, 100, 200, 300];
        assert_eq!(start_of_sentences_back(&starts, 310, 0), 300);
        assert_eq!(start_of_sentences_back(&starts, 310, 2), 100);
        assert_eq!(start_of_sentences_back(&starts, 310, 3), 0);
        assert_eq!(start_of_sentences_back(&starts, 310, 9), 0);
        assert_eq!(start_of_sentences_back(&[], 50, 1), 0);
    }

    #[test]
    fn no_one_is_in_view_beyond_the_sentence_before() {
        let starts = [0, 100, 200, 300];
        let mentions = [at(10, 1, true, false), at(120, 1, true, false)];
        assert_eq!(most_salient(mentions.into_iter(), &starts, 310, IN_VIEW_ACROSS_PARAGRAPHS), None);
    }
}
