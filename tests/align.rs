//! Sentence alignment, quote pairing and counterpart proposals (issue 5).

use diglot::align::{self, Alignment, RowKind, pair_quotes, propose_pairs};
use diglot::ingest::{from_plain_text, load_file};
use diglot::model::{Article, Manifest, Quote, QuoteKind, Speaker, SpeakerKind};
use std::path::Path;
use std::process::Command;

/// A short news story in French and its faithful English translation, sentence by sentence.
const FR: [&str; 8] = [
    "La police a arrêté trois hommes mardi soir dans le centre de Lyon.",
    "Selon le procureur, les suspects préparaient une attaque contre une gare.",
    "Les enquêteurs ont saisi 2.500 euros en liquide et deux ordinateurs.",
    "Le ministre de l'Intérieur, Bernard Cazeneuve, a salué le travail des policiers.",
    "Une conférence de presse est prévue jeudi à la préfecture.",
    "Les voisins ont décrit des jeunes hommes discrets et polis.",
    "Le quartier a été bouclé pendant six heures.",
    "L'enquête a été confiée à la section antiterroriste du parquet de Paris.",
];
const EN: [&str; 8] = [
    "Police arrested three men on Tuesday evening in the centre of Lyon.",
    "According to the prosecutor, the suspects were preparing an attack on a station.",
    "Investigators seized 2,500 euros in cash and two computers.",
    "The interior minister, Bernard Cazeneuve, praised the work of the police officers.",
    "A press conference is planned on Thursday at the prefecture.",
    "Neighbours described discreet and polite young men.",
    "The neighbourhood was sealed off for six hours.",
    "The investigation was handed to the anti-terrorist section of the Paris prosecutor's office.",
];

/// English sentences with no counterpart in the French story.
const UNRELATED: [&str; 3] = [
    "Meanwhile, the football club announced a new stadium sponsor worth a record sum.",
    "Shares in the brewing company rose sharply after quarterly earnings beat forecasts.",
    "Weather forecasters expect heavy snowfall across the northern mountains this weekend.",
];

/// Two sentences to a paragraph, so paragraph structure is not a giveaway.
fn article(id: &str, sentences: &[&str]) -> Article {
    let text = sentences.chunks(2).map(|c| c.join(" ")).collect::<Vec<_>>().join("\n\n");
    from_plain_text(id, &text)
}

fn sentence(a: &Article, i: usize) -> &str {
    a.sentences().nth(i).map_or("", |(_, s)| a.slice(&s.range))
}

/// The row holding the left sentence that contains `left_text`.
fn row_with<'a>(al: &'a Alignment, l: &Article, left_text: &str) -> &'a align::AlignRow {
    let i = (0..l.sentence_count()).find(|&i| sentence(l, i).contains(left_text)).expect("left sentence exists");
    &al.rows[al.row_of_left(i).expect("every sentence is in a row")]
}

fn right_text(r: &Article, row: &align::AlignRow) -> String {
    row.right.clone().map(|i| sentence(r, i)).collect::<Vec<_>>().join(" ")
}

/// Rows cover every sentence of both sides exactly once, in order.
fn assert_monotonic_cover(al: &Alignment, l: &Article, r: &Article) {
    let (mut li, mut ri) = (0, 0);
    for row in &al.rows {
        assert_eq!(row.left.start, li, "left rows contiguous: {:?}", al.rows);
        assert_eq!(row.right.start, ri, "right rows contiguous: {:?}", al.rows);
        assert!(!(row.left.is_empty() && row.right.is_empty()));
        assert!(row.left.len() <= 3 && row.right.len() <= 3);
        assert!((0.0..=1.0).contains(&row.score));
        let expected = match (row.left.is_empty(), row.right.is_empty()) {
            (false, false) => RowKind::Match,
            (false, true) => RowKind::LeftOnly,
            _ => RowKind::RightOnly,
        };
        assert_eq!(row.kind, expected);
        li = row.left.end;
        ri = row.right.end;
    }
    assert_eq!((li, ri), (l.sentence_count(), r.sentence_count()));
}

#[test]
fn a_true_translation_aligns_row_for_row() {
    let (l, r) = (article("fr", &FR), article("en", &EN));
    assert_eq!(l.meta.language.as_deref(), Some("fr"));
    assert_eq!(r.meta.language.as_deref(), Some("en"));
    let al = align::align(&l, &r);
    assert_monotonic_cover(&al, &l, &r);
    let pairs: Vec<_> = al.rows.iter().map(|row| (row.left.clone(), row.right.clone(), row.kind)).collect();
    let expected: Vec<_> = (0..8).map(|i| (i..i + 1, i..i + 1, RowKind::Match)).collect();
    assert_eq!(pairs, expected);
    assert!(al.rows.iter().all(|row| row.score >= 0.5), "{:?}", al.rows);
}

#[test]
fn the_same_holds_with_english_on_the_left() {
    let (l, r) = (article("en", &EN), article("fr", &FR));
    let al = align::align(&l, &r);
    assert_eq!(al.rows.len(), 8);
    assert!(al.rows.iter().enumerate().all(|(i, row)| row.left == (i..i + 1) && row.right == (i..i + 1)));
}

#[test]
fn deleted_sentences_leave_one_sided_rows() {
    // The English side lacks sentences 3 and 4 (0-based); the French ones stay alone.
    let en: Vec<&str> = EN.iter().enumerate().filter(|(i, _)| *i != 3 && *i != 4).map(|(_, s)| *s).collect();
    let (l, r) = (article("fr", &FR), article("en", &en));
    let al = align::align(&l, &r);
    assert_monotonic_cover(&al, &l, &r);
    for i in [3, 4] {
        let row = &al.rows[al.row_of_left(i).unwrap_or(usize::MAX)];
        assert_eq!(row.kind, RowKind::LeftOnly, "French sentence {i} should be one-sided: {:?}", al.rows);
    }
    assert_eq!(al.matches().count(), 6);
    assert!(row_with(&al, &l, "quartier").right == (4..5));
}

#[test]
fn a_non_parallel_stretch_comes_out_one_sided_not_forced_into_pairs() {
    let mut en: Vec<&str> = EN.to_vec();
    en.splice(4..4, UNRELATED);
    let (l, r) = (article("fr", &FR), article("en", &en));
    let al = align::align(&l, &r);
    assert_monotonic_cover(&al, &l, &r);
    for j in 4..7 {
        let row = &al.rows[al.row_of_right(j).unwrap_or(usize::MAX)];
        assert_eq!(row.kind, RowKind::RightOnly, "unrelated sentence {j} was paired: {:?}", al.rows);
    }
    assert_eq!(al.matches().count(), 8);
}

#[test]
fn one_sentence_translated_as_two_makes_a_one_to_two_row() {
    let mut en: Vec<&str> = EN.to_vec();
    en.splice(
        1..2,
        ["According to the prosecutor, the suspects had a plan.", "They were preparing an attack on a railway station."],
    );
    let (l, r) = (article("fr", &FR), article("en", &en));
    let al = align::align(&l, &r);
    assert_monotonic_cover(&al, &l, &r);
    let row = row_with(&al, &l, "procureur");
    assert_eq!(row.right, 1..3, "{:?}", al.rows);
    assert_eq!(row.kind, RowKind::Match);
    // And the mirror image: two French sentences for one English.
    let (l2, r2) = (article("en", &en), article("fr", &FR));
    let al2 = align::align(&l2, &r2);
    assert_eq!(al2.rows[al2.row_of_right(1).unwrap_or(usize::MAX)].left, 1..3, "{:?}", al2.rows);
}

/// Two sentences of equal length that only one kind of anchor tells apart: with one of
/// the two English sentences missing, the anchor must decide which French one is paired.
fn anchored_choice(fr: [&str; 2], en_kept: &str, expect_first: bool) {
    let l = article("fr", &[FR[0], fr[0], fr[1], FR[7]]);
    let r = article("en", &[EN[0], en_kept, EN[7]]);
    let al = align::align(&l, &r);
    assert_monotonic_cover(&al, &l, &r);
    let paired = if expect_first { 1 } else { 2 };
    let lonely = if expect_first { 2 } else { 1 };
    assert_eq!(al.rows[al.row_of_left(paired).unwrap_or(usize::MAX)].right, 1..2, "{:?}", al.rows);
    assert_eq!(al.rows[al.row_of_left(lonely).unwrap_or(usize::MAX)].kind, RowKind::LeftOnly, "{:?}", al.rows);
}

#[test]
fn numbers_anchor_across_conventions() {
    // 2.000 = 2,000 = 2 000; 48 heures ~ 48-hour.
    anchored_choice(["Le total dépasse 2 000 unités.", "Le reste atteint 715 unités."], "The remainder reached 715 units.", false);
    anchored_choice(["Le total dépasse 2.000 unités.", "Le reste atteint 715 unités."], "The total is over 2,000 units.", true);
    anchored_choice(["Une opération de 48 heures.", "Une opération de 12 jours."], "A 48-hour operation.", true);
}

#[test]
fn names_anchor_sentences() {
    anchored_choice(
        ["Mme Okonkwo a quitté Nairobi hier.", "M. Lindqvist a quitté Uppsala hier."],
        "Mr Lindqvist left Uppsala yesterday.",
        false,
    );
}

#[test]
fn cognates_anchor_sentences() {
    // No lexicon entry needed: accent-folded prefixes match.
    anchored_choice(
        ["La cybersécurité des infrastructures hospitalières.", "La philanthropie des entrepreneurs milliardaires."],
        "The philanthropy of billionaire entrepreneurs.",
        false,
    );
}

#[test]
fn the_lexicon_anchors_sentences() {
    // No shared names, numbers or cognates: only the word list links them.
    anchored_choice(
        ["Le chien mange du pain chaque matin.", "La femme lit un livre chaque soir."],
        "The woman reads a book every evening.",
        false,
    );
}

#[test]
fn alignment_survives_empty_and_odd_input() {
    let empty = from_plain_text("e", "");
    let one = article("fr", &FR);
    assert!(align::align(&empty, &empty).rows.is_empty());
    let al = align::align(&one, &empty);
    assert_eq!(al.rows.len(), 8);
    assert!(al.rows.iter().all(|r| r.kind == RowKind::LeftOnly));
    let al = align::align(&empty, &one);
    assert!(al.rows.iter().all(|r| r.kind == RowKind::RightOnly));
    let odd = from_plain_text("odd", "1,,,2 000 000.5 ... « » “ ” 日本語の文。 \u{202f}000 ---\n\n!!! ??? 9.9.9.9");
    let al = align::align(&odd, &one);
    assert_monotonic_cover(&al, &odd, &one);
}

fn quote(article: &str, text: &str, speaker: Option<&str>, lang: &str) -> Quote {
    Quote {
        article: article.into(),
        text: text.into(),
        speaker: speaker.map(|s| Speaker { name: s.into(), kind: SpeakerKind::Person }),
        speaker_as_written: speaker.map(str::to_string),
        cue: None,
        kind: QuoteKind::Direct,
        language: Some(lang.into()),
        paragraph: 0,
        start: 0,
        end: 0,
    }
}

#[test]
fn quotes_of_the_same_statement_pair_across_languages() {
    let (l, r) = (article("fr", &FR), article("en", &EN));
    let lq = vec![
        quote("fr", "Nous avons évité une catastrophe dans cette gare", Some("Bernard Cazeneuve"), "fr"),
        quote("fr", "Cela montre que certains membres continuent d'innover", Some("Anna Berg"), "fr"),
        quote("fr", "Le temps sera froid demain", None, "fr"),
    ];
    let rq = vec![
        quote("en", "It does show that some members continue to innovate", Some("Berg"), "en"),
        quote("en", "We avoided a catastrophe in this station", Some("Cazeneuve"), "en"),
        quote("en", "Shares rose on strong earnings", Some("Bob Smith"), "en"),
    ];
    let pairs = pair_quotes(&l, &lq, &r, &rq);
    let got: Vec<_> = pairs.iter().map(|p| (p.left_quote, p.right_quote)).collect();
    assert_eq!(got, [(0, 1), (1, 0)], "{pairs:?}");
    assert!(pairs.iter().all(|p| p.score > 0.5));
    // Speaker disagreement counts against a pair: same words, different people.
    let rq2 = vec![quote("en", "It does show that some members continue to innovate", Some("Bob Smith"), "en")];
    let with_other_speaker = pair_quotes(&l, &lq, &r, &rq2);
    let agreeing = pairs.iter().find(|p| p.left_quote == 1).map_or(0.0, |p| p.score);
    assert!(with_other_speaker.first().map_or(0.0, |p| p.score) < agreeing);
    assert!(pair_quotes(&l, &[], &r, &rq).is_empty());
}

#[test]
fn counterparts_are_proposed_from_content_pinned_pairs_first() {
    let fr = article("zz_a", &FR);
    let en = article("aa_b", &EN);
    let other = article("aa_c", &UNRELATED);
    let articles = vec![other.clone(), fr.clone(), en.clone()];
    let pairs = propose_pairs(&articles, &Manifest::default());
    let first = &pairs[0];
    let ids = [first.left.as_str(), first.right.as_str()];
    assert!(ids.contains(&"zz_a") && ids.contains(&"aa_b"), "{pairs:?}");
    // The unrelated article shares nothing beyond chance: ranked lower or not listed.
    assert!(pairs.get(1).is_none_or(|p| p.score < first.score));
    assert!(first.evidence.iter().any(|e| e.contains("2500")), "{:?}", first.evidence);
    assert!(first.evidence.iter().any(|e| e.contains("Cazeneuve")), "{:?}", first.evidence);
    // Same-language articles are not proposed as counterparts.
    assert!(!pairs.iter().any(|p| [&p.left, &p.right] == [&"aa_c".to_string(), &"aa_b".to_string()]));
    // A pinned pair comes first even when the content says otherwise.
    let manifest = Manifest::parse("[[pair]]\nleft = \"aa_c\"\nright = \"zz_a\"\n").unwrap_or_default();
    let pairs = propose_pairs(&articles, &manifest);
    assert_eq!((pairs[0].left.as_str(), pairs[0].right.as_str()), ("aa_c", "zz_a"));
    assert!(pairs[0].evidence[0].contains("pinned"));
    assert_eq!(pairs.iter().filter(|p| p.left == "zz_a" || p.right == "zz_a").count(), 2);
}

fn fixture(name: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/align").join(name);
    load_file(&path).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn europol_counterparts_pair_the_passages_that_say_the_same_thing() {
    let (l, r) = (fixture("europol_fr.txt"), fixture("europol_en.txt"));
    let al = align::align(&l, &r);
    assert_monotonic_cover(&al, &l, &r);
    let paired = |fr: &str, en: &str| {
        let row = row_with(&al, &l, fr);
        assert_eq!(row.kind, RowKind::Match, "{fr}: {:?}", row);
        assert!(right_text(&r, row).contains(en), "{fr} paired with {:?}", right_text(&r, row));
    };
    paired("opération de 48 heures", "48-hour operation");
    paired("Lors de cette opération", "Within that operation");
    paired("Cela montre que certains membres", "It does show that some members");
    paired("On a certainement rendu", "We have certainly made it");
    paired("À tout le moins", "If anything we need");
    paired("On a certainement rendu", "We have certainly made it a lot harder");
    paired("À tout le moins", "an even more closely integrated pan-European response");
    paired("le plus haut degré de menace", "the highest terrorist threat for a generation");
    // The French-only introduction and the English-only Brexit passage stay one-sided.
    for intro in ["Avec l’avènement", "Si certains choisissent", "Ils se sont servis"] {
        assert_eq!(row_with(&al, &l, intro).kind, RowKind::LeftOnly, "{intro}");
    }
    let brexit = (0..r.sentence_count()).find(|&j| sentence(&r, j).contains("after Brexit")).unwrap_or(usize::MAX);
    assert_eq!(al.rows[al.row_of_right(brexit).unwrap_or(usize::MAX)].kind, RowKind::RightOnly);
}

fn diglot(args: &[&str]) -> (String, String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_diglot")).args(args).env("DIGLOT_CACHE", "off").output().expect("diglot runs");
    (String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into(), out.status.success())
}

#[test]
fn pairs_finds_the_counterparts_among_files_with_meaningless_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut names = std::collections::HashMap::new();
    // Names that carry no hint and no order: the French file sorts in the middle.
    for (k, stem) in ["000", "001", "002", "003", "004"].iter().enumerate() {
        let src = std::fs::read_dir(&corpus)
            .expect("corpus")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(stem) && n.ends_with(".txt")))
            .expect("bundled file");
        let name = ["kqzv", "mbxr", "apfw", "tyle", "hodn"][k];
        std::fs::copy(&src, dir.path().join(format!("{name}.txt"))).expect("copy");
        names.insert(*stem, name);
    }
    let (out, err, ok) = diglot(&["--corpus", &dir.path().to_string_lossy(), "pairs", "--format", "json"]);
    assert!(ok, "{err}");
    let pairs: serde_json::Value = serde_json::from_str(&out).expect("json");
    let first = &pairs[0];
    let got = [first["left"].as_str().unwrap_or(""), first["right"].as_str().unwrap_or("")];
    assert!(got.contains(&names["003"]) && got.contains(&names["004"]), "{out}");
    assert!(first["score"].as_f64().unwrap_or(0.0) > pairs[1]["score"].as_f64().unwrap_or(1.0));
    for p in pairs.as_array().into_iter().flatten() {
        for e in p["evidence"].as_array().into_iter().flatten() {
            let e = e.as_str().unwrap_or("");
            assert!(!names.values().any(|n| e.contains(n)), "file name used as evidence: {e}");
        }
    }
    let (table, _, ok) = diglot(&["--corpus", &dir.path().to_string_lossy(), "pairs"]);
    assert!(ok && table.lines().next().is_some_and(|l| l.contains(names["003"]) && l.contains(names["004"])), "{table}");
}

#[test]
fn align_command_prints_json_in_the_documented_shape_and_readable_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/align");
    let (fr, en) = (dir.join("europol_fr.txt"), dir.join("europol_en.txt"));
    let (out, err, ok) = diglot(&["align", &fr.to_string_lossy(), &en.to_string_lossy(), "--format", "json"]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["left"], "europol_fr");
    assert_eq!(v["right"], "europol_en");
    let rows = v["rows"].as_array().expect("rows");
    assert!(rows.len() > 10);
    for row in rows {
        let keys: Vec<_> = row.as_object().expect("row object").keys().cloned().collect();
        assert_eq!(keys.len(), 7, "{keys:?}");
        for k in ["left", "right", "left_sentences", "right_sentences", "score", "kind", "flags"] {
            assert!(row.get(k).is_some(), "missing {k}");
        }
        for flag in row["flags"].as_array().expect("flags array") {
            let kind = flag["kind"].as_str().unwrap_or("");
            assert!(["one-sided", "number", "name", "negation", "clause"].contains(&kind), "{kind}");
            assert!(!flag["reason"].as_str().unwrap_or("").is_empty());
        }
        // A row in one language only is a reporting gap, and says so.
        let one_sided = row["kind"] != "match";
        assert_eq!(one_sided, row["flags"].as_array().is_some_and(|f| f.iter().any(|f| f["kind"] == "one-sided")));
        let kind = row["kind"].as_str().unwrap_or("");
        assert!(["match", "left-only", "right-only"].contains(&kind));
        assert_eq!(kind == "right-only", row["left"] == "");
        assert_eq!(kind == "left-only", row["right"] == "");
    }
    assert!(v["quote_pairs"].is_array());
    assert!(rows.iter().any(|r| r["left"].as_str().unwrap_or("").contains("48 heures")
        && r["right"].as_str().unwrap_or("").contains("48-hour")));

    let (text, _, ok) = diglot(&["align", &fr.to_string_lossy(), &en.to_string_lossy()]);
    assert!(ok);
    assert!(text.contains("── match") && text.contains("── left-only") && text.contains("── right-only"));
    assert!(text.contains("  L │ ") && text.contains("  R │ "));

    let (_, err, ok) = diglot(&["align", "no-such-article", &en.to_string_lossy()]);
    assert!(!ok && err.contains("no-such-article"), "{err}");
}

#[test]
fn paragraph_pairs_follow_the_sentence_rows() {
    let (l, r) = (article("fr", &FR), article("en", &EN));
    let al = align::align(&l, &r);
    assert_eq!(al.paragraph_pairs(&l, &r), [(0, 0), (1, 1), (2, 2), (3, 3)]);
}

#[test]
fn a_long_translation_stays_row_for_row() {
    // 40 paragraphs of the same story with different numbers: only numbers and order
    // tell the repeats apart, and the band must not lose the path.
    let numbered = |s: &[&str], k: usize| s.iter().map(|x| format!("{} {x}", 1000 + k)).collect::<Vec<_>>();
    let fr: Vec<String> = (0..40).flat_map(|k| numbered(&FR, k)).collect();
    let en: Vec<String> = (0..40).flat_map(|k| numbered(&EN, k)).collect();
    let l = from_plain_text("fr", &fr.chunks(4).map(|c| c.join(" ")).collect::<Vec<_>>().join("\n\n"));
    let r = from_plain_text("en", &en.chunks(4).map(|c| c.join(" ")).collect::<Vec<_>>().join("\n\n"));
    assert_eq!(l.sentence_count(), 320);
    let al = align::align(&l, &r);
    let wrong: Vec<_> = al.rows.iter().filter(|row| row.left.len() != 1 || row.left != row.right).collect();
    assert!(wrong.is_empty(), "{} rows off: {:?}", wrong.len(), wrong.iter().take(5).collect::<Vec<_>>());
}

#[test]
fn without_a_lexicon_length_names_and_numbers_still_align_a_translation() {
    // German has no word list: only cognates, names, numbers and lengths remain.
    let de = [
        "Die Polizei hat am Dienstagabend im Zentrum von Lyon drei Männer festgenommen.",
        "Nach Angaben des Staatsanwalts bereiteten die Verdächtigen einen Anschlag auf einen Bahnhof vor.",
        "Die Ermittler beschlagnahmten 2.500 Euro in bar und zwei Computer.",
        "Innenminister Bernard Cazeneuve lobte die Arbeit der Polizisten.",
        "Eine Pressekonferenz ist für Donnerstag in der Präfektur geplant.",
        "Die Nachbarn beschrieben diskrete und höfliche junge Männer.",
        "Das Viertel war sechs Stunden lang abgesperrt.",
        "Die Ermittlungen wurden der Anti-Terror-Abteilung der Pariser Staatsanwaltschaft übertragen.",
    ];
    let (l, r) = (article("de", &de), article("en", &EN));
    let al = align::align(&l, &r);
    assert_monotonic_cover(&al, &l, &r);
    assert!(al.rows.iter().enumerate().all(|(i, row)| row.left == (i..i + 1) && row.right == (i..i + 1)), "{:?}", al.rows);
}

#[test]
fn each_of_the_europol_directors_quotes_pairs_with_its_translation() {
    let (l, r) = (fixture("europol_fr.txt"), fixture("europol_en.txt"));
    let w = Some("Rob Wainwright");
    let fr = vec![
        quote("fr", "nocifs et illégaux", None, "fr"),
        quote("fr", "Lors de cette opération, il a été révélé que l'EI développait désormais son propre réseau social, sa propre présence sur internet pour promouvoir ses idées", w, "fr"),
        quote("fr", "Cela montre que certains membres de Daech continuent d'innover dans cet espace.", w, "fr"),
        quote("fr", "pour radicaliser, recruter, diriger des activités terroristes", Some("Europol"), "fr"),
        quote("fr", "On a certainement rendu compliquée leur utilisation de cet espace mais nous continuons à trouver ces épouvantables vidéos et des communications partagées à grande échelle sur internet", w, "fr"),
        quote("fr", "À tout le moins, nous devons avoir une réponse pan-européenne sécuritaire encore plus intégrée si on considère la direction dans laquelle la menace s'oriente", w, "fr"),
        quote("fr", "le plus haut degré de menace terroriste depuis une génération", w, "fr"),
    ];
    let en = vec![
        quote("en", "Within that operation it was revealed IS was now developing its very own social media platform, its own part of the Internet to run its agenda,", Some("Wainwright"), "en"),
        quote("en", "It does show that some members of Daesh (IS), at least, continue to innovate in this space.", Some("Wainwright"), "en"),
        quote("en", "We have certainly made it a lot harder for them to operate in this space but we're still seeing the publication of these awful videos, communications operating large scale across the Internet,", Some("Wainwright"), "en"),
        quote("en", "If anything we need to have an even more closely integrated pan-European response to security if you consider the way in which the threat is heading,", Some("Wainwright"), "en"),
        quote("en", "the highest terrorist threat for a generation.", Some("Wainwright"), "en"),
        quote("en", "to just cut and paste current arrangements.", Some("Wainwright"), "en"),
    ];
    let pairs = pair_quotes(&l, &fr, &r, &en);
    let got: Vec<_> = pairs.iter().map(|p| (p.left_quote, p.right_quote)).collect();
    assert_eq!(got, [(1, 0), (2, 1), (4, 2), (5, 3), (6, 4)], "{pairs:?}");
}

/// The bundled Europol pair, through the real ingest: the passages that say the same thing
/// are paired and the passages one side has alone stay one-sided.
#[test]
fn bundled_europol_pair_aligns_through_real_ingest() {
    let corpus = diglot::ingest::bundled();
    let fr = corpus.get("004_17d92d11831f1a30").expect("French article");
    let en = corpus.get("003_9300786b103168ca").expect("English article");
    let al = align::align(fr, en);
    assert_monotonic_cover(&al, fr, en);
    let paired = |fr_text: &str, en_text: &str| {
        let row = row_with(&al, fr, fr_text);
        assert_eq!(row.kind, RowKind::Match, "{fr_text:?} should be paired");
        let right = right_text(en, row);
        assert!(right.contains(en_text), "{fr_text:?} paired with {right:?}, expected {en_text:?}");
    };
    paired("opération de 48 heures", "48-hour operation");
    paired("Lors de cette opération", "Within that operation");
    paired("Cela montre que certains membres", "It does show that some members");
    paired("On a certainement rendu", "We have certainly made it a lot harder");
    paired("À tout le moins", "an even more closely integrated pan-European response");
    paired("le plus haut degré de menace", "the highest terrorist threat for a generation");
    // The French-only introduction and the English-only Brexit passage stay one-sided.
    assert_eq!(row_with(&al, fr, "Avec l’avènement d’internet").kind, RowKind::LeftOnly);
    let brexit = al
        .rows
        .iter()
        .find(|r| right_text(en, r).contains("after Brexit"))
        .expect("Brexit row");
    assert_eq!(brexit.kind, RowKind::RightOnly);
}

/// `b` opens a counterpart only when the two articles are each other's best proposal (or
/// pinned); the nearest article of another pair is reported, not opened.
#[test]
fn counterpart_needs_a_mutual_best_proposal_or_a_pin() {
    use diglot::align::{Counterpart, PairCandidate, counterpart_among};
    let arts: Vec<Article> = ["fr1", "en1", "en2"].iter().map(|id| from_plain_text(id, "Some text here.")).collect();
    let cand = |l: &str, r: &str, score: f32| PairCandidate { left: l.into(), right: r.into(), score, evidence: vec![] };
    let candidates = vec![cand("fr1", "en1", 0.7), cand("fr1", "en2", 0.4)];
    let none = Manifest::default();
    assert_eq!(counterpart_among("fr1", &arts, &none, &candidates), Counterpart::Found("en1".into()));
    assert_eq!(counterpart_among("en1", &arts, &none, &candidates), Counterpart::Found("fr1".into()));
    assert_eq!(
        counterpart_among("en2", &arts, &none, &candidates),
        Counterpart::Nearest { id: "fr1".into(), score: 0.4 }
    );
    assert_eq!(counterpart_among("en2", &arts, &none, &[]), Counterpart::None);
    let pinned = Manifest::parse("[[pair]]\nleft = \"fr1\"\nright = \"en2\"\n").unwrap();
    assert_eq!(counterpart_among("en2", &arts, &pinned, &candidates), Counterpart::Found("fr1".into()));
}

/// A faithful translation that grew a long extra clause still pairs with its original,
/// even though an unrelated sentence beside it fits the original's length better: clear
/// shared evidence (numbers, names, translated words) outweighs a poor length fit.
#[test]
fn strong_evidence_outweighs_a_poor_length_fit() {
    let fr = article(
        "fr",
        &[
            "La police a arrêté trois hommes mardi soir dans le centre de Lyon.",
            "Les enquêteurs ont saisi 2.500 euros en liquide et deux ordinateurs.",
            "Le ministre Bernard Cazeneuve a salué le travail des policiers.",
            "Une conférence de presse est prévue jeudi à la préfecture.",
        ],
    );
    let en = article(
        "en",
        &[
            "Police arrested three men on Tuesday evening in the centre of Lyon.",
            "Investigators seized 2,500 euros in cash and two computers, according to a statement released by the prosecutor's office late on Wednesday.",
            "Shares in the brewing company rose sharply.",
            "The minister Bernard Cazeneuve praised the work of the police officers.",
            "A press conference is planned on Thursday at the prefecture.",
        ],
    );
    let al = align::align(&fr, &en);
    assert_monotonic_cover(&al, &fr, &en);
    let row = row_with(&al, &fr, "Les enquêteurs ont saisi");
    assert_eq!(row.kind, RowKind::Match, "{row:?}");
    assert!(row.right.contains(&1) && !row.right.contains(&2), "{:?}", right_text(&en, row));
    let shares = &al.rows[al.row_of_right(2).expect("every sentence is in a row")];
    assert_eq!(shares.kind, RowKind::RightOnly, "{shares:?}");
}

/// Dialogue: short lines with hardly a content word are placed by their inflected verbs
/// and their question and exclamation marks.
#[test]
fn short_dialogue_lines_align_one_to_one() {
    let fr = article(
        "fr",
        &[
            "Alice regarda la porte fermée pendant un long moment.",
            "Où est la clé ?",
            "Elle la trouva sous la table.",
            "Quelle chance !",
            "Puis elle ouvrit la porte et entra dans le jardin.",
        ],
    );
    let en = article(
        "en",
        &[
            "Alice looked at the closed door for a long moment.",
            "Where is the key?",
            "She found it under the table.",
            "What luck!",
            "Then she opened the door and went into the garden.",
        ],
    );
    let al = align::align(&fr, &en);
    assert_monotonic_cover(&al, &fr, &en);
    let pairs: Vec<_> = al.rows.iter().map(|r| (r.left.clone(), r.right.clone(), r.kind)).collect();
    assert_eq!(pairs.len(), 5, "{pairs:?}");
    for (k, (l, r, kind)) in pairs.into_iter().enumerate() {
        assert_eq!((l, r, kind), (k..k + 1, k..k + 1, RowKind::Match));
    }
}

/// A row's confidence does not depend on which article is on the left.
#[test]
fn rows_and_confidences_are_the_same_whichever_article_is_on_the_left() {
    let fr = article("b_fr", &FR[..6]);
    let mut en_sentences = EN.to_vec();
    en_sentences.remove(2);
    let en = article("a_en", &en_sentences);
    let there = align::align(&fr, &en);
    let back = align::align(&en, &fr).mirrored();
    assert_eq!(there, back);
}

#[test]
fn align_flags_a_number_that_differs_and_a_passage_in_one_language_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fr = dir.path().join("raid_fr.txt");
    let en = dir.path().join("raid_en.txt");
    std::fs::write(
        &fr,
        "La police a arrêté 12 personnes lors d'une opération de 48 heures à Lyon.\n\n\
         Le maire de Lyon a salué le travail des enquêteurs.\n\n\
         Les suspects seront jugés en septembre.\n",
    )
    .expect("write");
    std::fs::write(
        &en,
        "Police arrested 15 people during a 48-hour operation in Lyon.\n\n\
         The suspects will be tried in September.\n",
    )
    .expect("write");
    let (out, err, ok) = diglot(&["align", &fr.to_string_lossy(), &en.to_string_lossy(), "--format", "json"]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let rows = v["rows"].as_array().expect("rows");
    let flags_of = |needle: &str| -> Vec<(String, String)> {
        let row = rows.iter().find(|r| r["left"].as_str().unwrap_or("").contains(needle)).expect("row");
        row["flags"].as_array().expect("flags").iter().map(|f| (f["kind"].as_str().unwrap_or("").into(), f["reason"].as_str().unwrap_or("").into())).collect()
    };
    assert_eq!(flags_of("12 personnes"), [("number".to_string(), "French says 12, English says 15".to_string())]);
    assert_eq!(flags_of("maire")[0].0, "one-sided");
    assert!(flags_of("septembre").is_empty(), "{out}");

    let (text, _, ok) = diglot(&["align", &fr.to_string_lossy(), &en.to_string_lossy()]);
    assert!(ok);
    assert!(text.contains("  ! number: French says 12, English says 15"), "{text}");
    assert!(text.contains("; 2 flagged"), "{text}");
}
