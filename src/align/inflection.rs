//! Lemmatisation-lite: the base forms an inflected word may come from, by suffix rules
//! and a table of irregular forms. Used so that evidence survives inflection: the lexicon
//! translates "trouva" (French simple past) to "find", and the English text says "found".
//!
//! Rules over-generate on purpose ("loved" → "lov", "love"): a candidate that is not a
//! word never matches anything, while a missing one loses evidence.

/// English irregular past tenses and participles → base form.
const ENGLISH_IRREGULAR: &[(&str, &str)] = &[
    ("arose", "arise"), ("arisen", "arise"), ("awoke", "awake"), ("bore", "bear"),
    ("borne", "bear"), ("beaten", "beat"), ("became", "become"), ("began", "begin"),
    ("begun", "begin"), ("bent", "bend"), ("bound", "bind"), ("bit", "bite"),
    ("bitten", "bite"), ("bled", "bleed"), ("blew", "blow"), ("blown", "blow"),
    ("broke", "break"), ("broken", "break"), ("brought", "bring"), ("built", "build"),
    ("burnt", "burn"), ("bought", "buy"), ("caught", "catch"), ("chose", "choose"),
    ("chosen", "choose"), ("came", "come"), ("crept", "creep"), ("dealt", "deal"),
    ("dug", "dig"), ("did", "do"), ("done", "do"), ("drew", "draw"), ("drawn", "draw"),
    ("dreamt", "dream"), ("drank", "drink"), ("drunk", "drink"), ("drove", "drive"),
    ("driven", "drive"), ("ate", "eat"), ("eaten", "eat"), ("fell", "fall"),
    ("fallen", "fall"), ("fed", "feed"), ("felt", "feel"), ("fought", "fight"),
    ("found", "find"), ("fled", "flee"), ("flew", "fly"), ("flown", "fly"),
    ("forbade", "forbid"), ("forbidden", "forbid"), ("forgot", "forget"),
    ("forgotten", "forget"), ("forgave", "forgive"), ("forgiven", "forgive"),
    ("froze", "freeze"), ("frozen", "freeze"), ("got", "get"), ("gotten", "get"),
    ("gave", "give"), ("given", "give"), ("went", "go"), ("gone", "go"), ("grew", "grow"),
    ("grown", "grow"), ("hung", "hang"), ("heard", "hear"), ("hid", "hide"),
    ("hidden", "hide"), ("held", "hold"), ("kept", "keep"), ("knelt", "kneel"),
    ("knew", "know"), ("known", "know"), ("laid", "lay"), ("led", "lead"), ("leant", "lean"),
    ("leapt", "leap"), ("learnt", "learn"), ("left", "leave"), ("lent", "lend"),
    ("lay", "lie"), ("lain", "lie"), ("lit", "light"), ("lost", "lose"), ("made", "make"),
    ("meant", "mean"), ("met", "meet"), ("paid", "pay"), ("rode", "ride"),
    ("ridden", "ride"), ("rang", "ring"), ("rung", "ring"), ("rose", "rise"),
    ("risen", "rise"), ("ran", "run"), ("saw", "see"), ("seen", "see"), ("sought", "seek"),
    ("sold", "sell"), ("sent", "send"), ("shook", "shake"), ("shaken", "shake"),
    ("shone", "shine"), ("shot", "shoot"), ("shown", "show"), ("shrank", "shrink"),
    ("shrunk", "shrink"), ("sang", "sing"), ("sung", "sing"), ("sank", "sink"),
    ("sunk", "sink"), ("sat", "sit"), ("slept", "sleep"), ("slid", "slide"),
    ("spoke", "speak"), ("spoken", "speak"), ("spent", "spend"), ("spun", "spin"),
    ("stood", "stand"), ("stole", "steal"), ("stolen", "steal"), ("stuck", "stick"),
    ("stung", "sting"), ("struck", "strike"), ("swore", "swear"), ("sworn", "swear"),
    ("swept", "sweep"), ("swam", "swim"), ("swum", "swim"), ("swung", "swing"),
    ("took", "take"), ("taken", "take"), ("taught", "teach"), ("tore", "tear"),
    ("torn", "tear"), ("told", "tell"), ("thought", "think"), ("threw", "throw"),
    ("thrown", "throw"), ("understood", "understand"), ("woke", "wake"),
    ("woken", "wake"), ("wore", "wear"), ("worn", "wear"), ("wept", "weep"), ("won", "win"),
    ("wound", "wind"), ("wrote", "write"), ("written", "write"), ("children", "child"),
    ("men", "man"), ("women", "woman"), ("feet", "foot"), ("teeth", "tooth"),
    ("mice", "mouse"), ("people", "person"), ("better", "good"), ("best", "good"),
    ("worse", "bad"), ("worst", "bad"),
];

/// Base forms an English word may be an inflection of (not including the word itself):
/// irregular forms by table, regular ones by stripping -ing, -ed, -ies, -es, -ly, -er,
/// -est, with and without a final e ("loved" → "lov", "love") and undoubling a final
/// consonant ("stopped" → "stop").
pub fn english_base_forms(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_english_base_form(word, |b| out.push(b.to_string()));
    out
}

/// [`english_base_forms`] handed to `f` one at a time, in the same order, without a
/// string allocated for each (every word of every article goes through here).
pub fn for_each_english_base_form(word: &str, mut f: impl FnMut(&str)) {
    static IRREGULAR: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
        std::sync::LazyLock::new(|| {
            let mut map = rustc_hash::FxHashMap::default();
            for &(form, base) in ENGLISH_IRREGULAR {
                // The first entry of a form is the one used.
                map.entry(form).or_insert(base);
            }
            map
        });
    let mut emit = |b: &str| {
        if b != word {
            f(b);
        }
    };
    if let Some(base) = IRREGULAR.get(word) {
        emit(base);
    }
    // Every ending below ends in one of these letters (most words do not).
    if !matches!(word.as_bytes().last(), Some(b's' | b'd' | b'y' | b'r' | b't' | b'g')) {
        return;
    }
    let endings: &[(&str, &str)] = &[
        ("ies", "y"), ("ied", "y"), ("ily", "y"), ("ier", "y"), ("iest", "y"), ("ing", ""), ("ed", ""),
        ("es", ""), ("ly", ""), ("est", ""), ("er", ""),
    ];
    for &(ending, replacement) in endings {
        let Some(stem) = word.strip_suffix(ending) else { continue };
        if stem.chars().count() < 3 {
            continue;
        }
        let mut form = String::with_capacity(stem.len() + 1);
        form.push_str(stem);
        if replacement.is_empty() {
            // "loved" → "love"; "stopped" → "stop".
            form.push('e');
            emit(&form);
            let mut chars = stem.chars().rev();
            if let (Some(a), Some(b)) = (chars.next(), chars.next())
                && a == b
                && !matches!(a, 'l' | 's' | 'e' | 'o')
            {
                emit(&stem[..stem.len() - a.len_utf8()]);
            }
            emit(stem);
        } else {
            form.push_str(replacement);
            emit(&form);
        }
        break;
    }
}

/// French inflection endings → what may replace them to give the dictionary form
/// (infinitive, masculine singular). Longest endings first; the first ending that
/// applies is used.
const FRENCH_ENDINGS: &[(&str, &[&str])] = &[
    // Adverbs: "constamment" → constant, "rapidement" → rapide, "heureusement" → heureux.
    ("amment", &["ant"]), ("emment", &["ent"]), ("eusement", &["eux"]), ("ivement", &["if"]),
    ("ment", &["", "e"]),
    ("eraient", &["er"]), ("erions", &["er"]), ("erent", &["er"]), ("irent", &["ir", "re"]),
    ("assent", &["er"]), ("issent", &["ir"]), ("aient", &["er", "ir", "re", ""]),
    ("erait", &["er"]), ("erais", &["er"]), ("eront", &["er"]), ("erons", &["er"]),
    ("erez", &["er"]), ("erai", &["er"]), ("era", &["er"]), ("irait", &["ir"]),
    ("ira", &["ir"]), ("ions", &["er", "ir", "re"]), ("iez", &["er", "ir", "re"]),
    ("ait", &["er", "ir", "re", ""]), ("ais", &["er", "ir", "re", ""]),
    ("ant", &["er", "ir", "re", ""]), ("ent", &["er", "ir", "re", ""]), ("ons", &["er", "ir", "re"]),
    ("ez", &["er", "ir", "re"]), ("ees", &["er", "e", ""]), ("ee", &["er", "e", ""]),
    ("es", &["", "e", "er"]), ("ai", &["er"]), ("as", &["er"]), ("a", &["er"]),
    ("it", &["ir", "re"]), ("is", &["ir", "re", ""]), ("ie", &["ir", "re", ""]), ("i", &["ir", "re"]),
    ("ues", &["re", "oir"]), ("ue", &["re", "oir"]), ("us", &["re", "oir", ""]), ("u", &["re", "oir"]),
    ("aux", &["al"]), ("x", &[""]), ("s", &[""]), ("e", &["", "er"]),
];

/// Dictionary forms an inflected French word may come from, most likely first
/// ("pensa" → "penser", "répondit" → "repondir", "repondre").
pub fn french_base_forms(folded: &str) -> Vec<String> {
    let mut out = Vec::new();
    for &(ending, replacements) in FRENCH_ENDINGS {
        let Some(stem) = folded.strip_suffix(ending) else { continue };
        if stem.chars().count() < 3 {
            continue;
        }
        out.extend(replacements.iter().map(|r| format!("{stem}{r}")));
        break;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_inflections_reach_their_base_form() {
        let has = |w: &str, base: &str| english_base_forms(w).iter().any(|b| b == base);
        assert!(has("found", "find"));
        assert!(has("thought", "think"));
        assert!(has("loved", "love"));
        assert!(has("walking", "walk"));
        assert!(has("stopped", "stop"));
        assert!(has("carried", "carry"));
        assert!(has("quickly", "quick"));
        assert!(english_base_forms("cat").is_empty());
        // Short stems are left alone: "red" is not "r".
        assert!(english_base_forms("red").is_empty());
    }

    #[test]
    fn french_inflections_reach_the_infinitive() {
        let has = |w: &str, base: &str| french_base_forms(w).iter().any(|b| b == base);
        assert!(has("pensa", "penser"));
        assert!(has("continuerent", "continuer"));
        assert!(has("repondit", "repondre"));
        assert!(has("finit", "finir"));
        assert!(has("pensaient", "penser"));
        assert!(has("aimees", "aimer"));
        assert!(has("vendu", "vendre"));
        assert!(has("chevaux", "cheval"));
        assert!(has("rapidement", "rapide"));
        assert!(has("heureusement", "heureux"));
        assert!(has("constamment", "constant"));
        assert!(french_base_forms("la").is_empty());
    }
}
