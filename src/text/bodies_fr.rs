//! French institutions, organisations and documents as speakers (fr-inst, session 18).
//! Small rules the registry (`entities`) and the attribution (`attribution`, `quotes`)
//! call at one marked line each; every rule has its own test on invented sentences.

/// Words that join a body's name to its complement and tell nothing of which body it is.
const LINK_WORDS: &[&str] = &["de", "du", "des", "d'", "la", "le", "les", "l'", "et", "en", "à", "au", "aux"];

/// "la préfecture de l'Isère" is not "Unité Police Isère": a body phrase whose noun has a
/// "de" complement ("HEAD de X") is the HEAD of X. A registered body that lacks the head
/// noun and carries words of its own beside X (a union, a club of that place) is another
/// body that merely shares the complement, and the phrase must not be read as it.
/// `written` is the phrase as folded text, `quals` its qualifier words, `low` the
/// candidate's folded name words.
pub(crate) fn another_body_sharing_complement(written: &str, head: &str, quals: &[&String], low: &[String]) -> bool {
    let after_de = [" de ", " du ", " des ", " d'"].iter().any(|d| written.contains(d));
    if !after_de || low.iter().any(|w| w == head) {
        return false;
    }
    let own_word = |w: &String| !LINK_WORDS.contains(&w.as_str()) && !quals.iter().any(|q| q.as_str() == w.as_str());
    low.iter().any(own_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn a_body_sharing_only_the_complement_is_another_body() {
        let q = ["isère".to_string()];
        let quals: Vec<&String> = q.iter().collect();
        // A police union named after the département is not its prefecture.
        assert!(another_body_sharing_complement("la préfecture de l'isère", "préfecture", &quals, &words("unité police isère")));
        // The prefecture registered under its full name is the same body.
        assert!(!another_body_sharing_complement("la préfecture de l'isère", "préfecture", &quals, &words("préfecture de l' isère")));
        // A name given beside the noun, not after "de", is left to the other rules.
        let r = ["vélaris".to_string()];
        let rq: Vec<&String> = r.iter().collect();
        assert!(!another_body_sharing_complement("la société vélaris", "société", &rq, &words("vélaris holding")));
        // Only the complement's own words: not another body.
        assert!(!another_body_sharing_complement("la préfecture de l'isère", "préfecture", &quals, &words("isère")));
    }
}
