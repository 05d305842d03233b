//! Ingest: files → clean articles. Rules on small inputs made here, a folder of hostile
//! files built at test time (through the library and the real binary), and the bundled
//! corpus.

use diglot::ingest::{self, MAX_FILE_BYTES, load_dir, parse_bytes};
use diglot::model::Article;
use std::path::Path;
use std::process::Command;

fn parse(path: &str, bytes: &[u8]) -> Article {
    parse_bytes(path, bytes).unwrap_or_else(|e| panic!("{e}"))
}

fn paragraphs(a: &Article) -> Vec<&str> {
    (0..a.paragraphs.len()).map(|i| a.paragraph_text(i)).collect()
}

/// No markup, entity, control character or escape sequence in anything shown.
fn assert_clean(a: &Article) {
    for field in [&a.text, a.meta.title.as_ref().unwrap_or(&String::new())] {
        assert!(!field.chars().any(|c| c.is_control() && c != '\n'), "control char in {field:?}");
        for bad in ["<p", "<a ", "</", "<span", "<div", "&#", "&nbsp;", "&amp;", "]0;", "[2J"] {
            assert!(!field.contains(bad), "{bad:?} in {field:?}");
        }
    }
    // Ranges are exact: sentences lie inside their paragraph, trimmed, on char boundaries.
    for p in &a.paragraphs {
        for s in &p.sentences {
            assert!(p.range.start <= s.range.start && s.range.end <= p.range.end);
            let t = a.slice(&s.range);
            assert!(!t.is_empty() && t == t.trim(), "{t:?}");
        }
    }
}

#[test]
fn html_hidden_elements_links_and_byline() {
    let html = r#"<div class="post">
        <span>Posted by: <a href="https://news.example/author/ann/">Ann Lee </a></span>
        <span>March 4, 2021</span>
        <span>in <a href="/c/a">World</a>, <a href="/c/b">Security</a></span>
        <span><a href="https://news.example/2021/03/04/story/#comments">12 Comments</a></span>
        <p>The minister <a href="https://example.org/speech">said</a> on Thursday that the plan would go ahead.</p>
        <p><img src="/x.png" alt="A picture"></p>
        <p>&nbsp;</p>
        <p>&ldquo;We will not wait,&rdquo; she said &amp; left&hellip; Officials agreed.</p>
        <span style="display: none" class="updated">2021-03-05</span>
        <div style="display:none" class="vcard author"><strong class="fn">Ann Lee (hidden card)</strong></div>
    </div>"#;
    let a = parse("story.html", html.as_bytes());
    assert_clean(&a);
    assert_eq!(
        paragraphs(&a),
        [
            "The minister said on Thursday that the plan would go ahead.",
            "“We will not wait,” she said & left… Officials agreed."
        ]
    );
    assert_eq!(a.meta.author.as_deref(), Some("Ann Lee"));
    // The visible byline date wins over the hidden "updated" one.
    assert_eq!(a.meta.date.as_deref(), Some("2021-03-04"));
    assert_eq!(a.meta.url.as_deref(), Some("https://news.example/2021/03/04/story/"));
    assert!(!a.text.contains("hidden card") && !a.text.contains("Comments"));
    assert_eq!(a.links.len(), 1);
    let link = &a.links[0];
    assert_eq!((link.text.as_str(), link.url.as_str()), ("said", "https://example.org/speech"));
    assert_eq!(link.range.clone().map(|r| &a.text[r]), Some("said"));
    assert_eq!(a.paragraphs[1].sentences.len(), 2);
}

#[test]
fn hidden_metadata_is_used_when_nothing_visible_says_it() {
    let html = r#"<p>Body text of the article, long enough to be a paragraph.</p>
        <span style="display:none" class="updated">2019-12-31</span>
        <div style="display:none" class="vcard author"><span class="fn">Sam Doe</span></div>"#;
    let a = parse("x.txt", html.as_bytes());
    assert_eq!((a.meta.author.as_deref(), a.meta.date.as_deref()), (Some("Sam Doe"), Some("2019-12-31")));
    assert_eq!(paragraphs(&a), ["Body text of the article, long enough to be a paragraph."]);
}

#[test]
fn windows_1252_french_decodes() {
    let bytes = b"La police fran\xe7aise a d\xe9j\xe0 arr\xeat\xe9 deux hommes \xe0 Paris.\n\n\
        \xab Nous restons tr\xe8s vigilants \xbb, a d\xe9clar\xe9 l\x92adjoint du pr\xe9fet, apr\xe8s l\x92op\xe9ration.";
    let a = parse("fr.txt", bytes);
    assert_clean(&a);
    assert_eq!(a.meta.encoding.as_deref(), Some("windows-1252"));
    assert!(a.text.contains("« Nous restons très vigilants », a déclaré l’adjoint du préfet"), "{}", a.text);
    assert_eq!(a.meta.language.as_deref(), Some("fr"));
}

#[test]
fn utf16_with_bom_decodes() {
    let text = "Headline here\n\nThe body of the story is written in UTF-16 with a byte order mark.";
    let bytes: Vec<u8> = [0xff, 0xfe].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let a = parse("u16.txt", &bytes);
    assert_eq!(a.meta.title.as_deref(), Some("Headline here"));
    assert_eq!(paragraphs(&a), ["The body of the story is written in UTF-16 with a byte order mark."]);
}

#[test]
fn junk_lines_repeated_and_wrapped_titles_source_line() {
    let text = "icon bookmark-bicon cameraicon checkicon chevron downicon closeicon fbicon mailicon\n\
        12 Jan, 2020 09:30\n\
        \n\
        Police arrest three suspects after raid,\n\
        officials say\n\
        \n\
        Police arrest three suspects after raid, officials say\n\
        Officers search a building in the north of the city on Sunday. (REUTERS/Jane Smith)\n\
        Updated 13 January 2020\n\
        Follow\n\
        Share\n\
        Tweet\n\
        \n\
        Police arrested three people on Sunday after a raid in the north of the city.\n\
        READ MORE: Another story about something else\n\
        Photo: Someone Else\n\
        Key findings\n\
        The suspects were held overnight and questioned by detectives, police said.\n\
        Partager\n\
        Source: Example Wire";
    let a = parse("junk.txt", text.as_bytes());
    assert_clean(&a);
    assert_eq!(a.meta.title.as_deref(), Some("Police arrest three suspects after raid, officials say"));
    assert_eq!(a.meta.date.as_deref(), Some("2020-01-12"));
    assert_eq!(a.meta.source.as_deref(), Some("Example Wire"));
    assert_eq!(
        paragraphs(&a),
        [
            "Police arrested three people on Sunday after a raid in the north of the city.",
            "Key findings",
            "The suspects were held overnight and questioned by detectives, police said."
        ]
    );
}

#[test]
fn updated_line_gives_the_date_when_nothing_else_does() {
    let a = parse("u.txt", b"A headline\nUpdated 03 May 2017\nFirst paragraph of the story.\nSecond one.");
    assert_eq!(a.meta.date.as_deref(), Some("2017-05-03"));
    assert_eq!(paragraphs(&a), ["First paragraph of the story.", "Second one."]);
}

#[test]
fn unknown_metadata_stays_unknown() {
    let a = parse("n.txt", b"Just a headline\n\nIn May 2019 the group said nothing at all about it.");
    assert_eq!((a.meta.author.as_deref(), a.meta.date.as_deref(), a.meta.source.as_deref(), a.meta.url.as_deref()), (None, None, None, None));
}

#[test]
fn header_title_with_entities_and_front_matter_fields() {
    let a = parse("h.txt", b"---\nGov&#8217;t acts\n---\n<p>Body paragraph here.</p><p>Another.</p>");
    assert_eq!(a.meta.title.as_deref(), Some("Gov’t acts"));
    assert_eq!(paragraphs(&a), ["Body paragraph here.", "Another."]);
    let b = parse("f.md", b"---\ntitle: Front\nauthor: Kim Park\ndate: 2022-06-01\nsource: Wire\n---\n# Front\n\nSee [the report](https://r.example) now.");
    assert_eq!((b.meta.author.as_deref(), b.meta.date.as_deref(), b.meta.source.as_deref()), (Some("Kim Park"), Some("2022-06-01"), Some("Wire")));
    assert_eq!(paragraphs(&b), ["See the report now."]);
    assert_eq!(b.links[0].url, "https://r.example");
}

#[test]
fn escape_sequences_are_removed_everywhere() {
    let text = "---\nTitle \u{1b}]0;pwned\u{7}here\n---\nBody \u{1b}[2Jtext with \u{1b}[31mcolour\u{1b}[0m and &#27;[2J entity.\n";
    let a = parse("esc.txt", text.as_bytes());
    assert_clean(&a);
    assert_eq!(a.meta.title.as_deref(), Some("Title here"));
    assert_eq!(paragraphs(&a), ["Body text with colour and entity."]);
    assert_eq!(a.meta.warnings, ["terminal escape sequences removed"]);
}

/// A folder with one good file and every kind of bad one.
fn hostile_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = |name: &str| dir.path().join(name);
    std::fs::write(p("good.txt"), "A good headline\n\nThis file is a normal article with a sentence. And another.").unwrap();
    std::fs::write(p("empty.txt"), "").unwrap();
    let mut binary = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    binary.extend((0..4096u32).map(|i| (i * 7919 % 251) as u8));
    std::fs::write(p("binary.txt"), binary).unwrap();
    std::fs::write(p("invalid.txt"), b"Caf\xc3\xa9 ouvert \xff\xfe\xc3\x28 ferm\xc3\xa9 today.").unwrap();
    let big = vec![b'a'; 20 * 1024 * 1024];
    std::fs::write(p("big.txt"), big).unwrap();
    let depth = 60_000;
    std::fs::write(p("deep.html"), format!("{}deep words{}", "<div>".repeat(depth), "</div>".repeat(depth))).unwrap();
    std::fs::write(
        p("escapes.txt"),
        "Escapes headline\n\nText \u{1b}]0;owned\u{7}with \u{1b}[2Jterminal escapes \u{9b}31min it.",
    )
    .unwrap();
    std::fs::write(p("notes.pdf"), "ignored: not an article extension").unwrap();
    dir
}

#[test]
fn hostile_folder_through_load_dir() {
    let dir = hostile_folder();
    let corpus = load_dir(dir.path()).expect("folder readable");
    let reasons: Vec<(String, String)> = corpus
        .errors
        .iter()
        .map(|e| (Path::new(&e.path).file_name().unwrap().to_string_lossy().into_owned(), e.reason.clone()))
        .collect();
    let reason = |name: &str| {
        reasons
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, r)| r.as_str())
            .unwrap_or_else(|| panic!("{name} not rejected: {reasons:?}"))
    };
    assert_eq!(reason("empty.txt"), "empty file");
    assert!(reason("binary.txt").starts_with("binary file"), "{reasons:?}");
    assert!(reason("invalid.txt").starts_with("invalid UTF-8"), "{reasons:?}");
    assert_eq!(reason("big.txt"), format!("file too large ({} bytes > {MAX_FILE_BYTES} bytes limit)", 20 * 1024 * 1024));
    assert_eq!(corpus.errors.len(), 4, "{reasons:?}");

    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["deep", "escapes", "good"]);
    let deep = corpus.get("deep").unwrap();
    assert_eq!(deep.text, "deep words");
    assert!(deep.meta.warnings[0].starts_with("HTML nested 60000 levels deep"));
    let esc = corpus.get("escapes").unwrap();
    assert_clean(esc);
    assert_eq!(esc.text, "Text with terminal escapes in it.");
    assert_eq!(corpus.get("good").unwrap().sentence_count(), 2);
}

/// Set every file of `dir` as last modified at one fixed time in the past (the cache does
/// not keep files that changed in the last seconds).
fn age_files(dir: &Path) {
    let past = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
    for e in std::fs::read_dir(dir).unwrap() {
        let f = std::fs::File::options().append(true).open(e.unwrap().path()).unwrap();
        f.set_modified(past).unwrap();
    }
}

#[test]
fn the_article_cache_gives_the_same_corpus_and_follows_file_changes() {
    let dir = hostile_folder();
    age_files(dir.path());
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = cache_dir.path().join("articles.db");
    let fresh = load_dir(dir.path()).unwrap();
    for _ in 0..2 {
        let cached = diglot::ingest::load_dir_cached(dir.path(), Some(&cache)).unwrap();
        assert_eq!(cached.articles, fresh.articles);
        assert_eq!(format!("{:?}", cached.errors), format!("{:?}", fresh.errors));
    }
    // Same size and time: the cache answers (proof that it is used) …
    let good = dir.path().join("good.txt");
    let same_size = "A good HEADLINE\n\nThis file is a normal article with a sentence. And another.";
    std::fs::write(&good, same_size).unwrap();
    age_files(dir.path());
    let title = |c: &diglot::ingest::Corpus| c.get("good").unwrap().meta.title.clone();
    assert_eq!(title(&diglot::ingest::load_dir_cached(dir.path(), Some(&cache)).unwrap()).as_deref(), Some("A good headline"));
    // … a new modification time means the file is read again, and a deleted file is gone.
    let later = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    std::fs::File::options().append(true).open(&good).unwrap().set_modified(later).unwrap();
    std::fs::remove_file(dir.path().join("deep.html")).unwrap();
    let reread = diglot::ingest::load_dir_cached(dir.path(), Some(&cache)).unwrap();
    assert_eq!(title(&reread).as_deref(), Some("A good HEADLINE"));
    assert!(reread.get("deep").is_none());
}

#[test]
fn files_sharing_a_stem_get_distinct_ids() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("page.txt"), "Text version\n\nThe plain text of the page.").unwrap();
    std::fs::write(dir.path().join("page.html"), "<html><body><h1>HTML version</h1><p>The saved page.</p></body></html>").unwrap();
    let corpus = load_dir(dir.path()).unwrap();
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["page", "page.txt"]);
    assert_eq!(corpus.get("page").unwrap().meta.title.as_deref(), Some("HTML version"));
    let renamed = corpus.get("page.txt").unwrap();
    assert!(renamed.meta.warnings[0].contains("this article's id is page.txt"), "{:?}", renamed.meta.warnings);
}

fn diglot(args: &[&str]) -> std::process::Output {
    let db = tempfile::tempdir().expect("tempdir");
    Command::new(env!("CARGO_BIN_EXE_diglot"))
        .args(args)
        .env_remove("DIGLOT_CORPUS")
        .env("DIGLOT_DB", db.path().join("test.db"))
        .env("DIGLOT_CACHE", "off")
        .output()
        .expect("run diglot")
}

#[test]
fn hostile_folder_through_the_binary() {
    let dir = hostile_folder();
    let out = diglot(&["list", "--corpus", dir.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "exit {:?}\n{stderr}", out.status);
    for (name, reason) in [
        ("empty.txt", "empty file"),
        ("binary.txt", "binary file"),
        ("invalid.txt", "invalid UTF-8"),
        ("big.txt", "file too large"),
        ("deep.html", "HTML nested 60000 levels deep"),
        ("escapes.txt", "terminal escape sequences removed"),
    ] {
        assert!(
            stderr.lines().any(|l| l.contains(name) && l.contains(reason)),
            "{name}: {reason} not on stderr:\n{stderr}"
        );
    }
    assert!(stdout.contains("A good headline") && stdout.contains("Escapes headline"), "{stdout}");
    assert!(!stdout.contains('\u{1b}') && !stderr.contains('\u{1b}'));

    let shown = diglot(&["show", dir.path().join("escapes.txt").to_str().unwrap(), "--format", "json"]);
    assert!(shown.status.success());
    let v: serde_json::Value = serde_json::from_slice(&shown.stdout).expect("json");
    assert_eq!(v["title"], "Escapes headline");
    assert_eq!(v["paragraphs"][0]["sentences"][0], "Text with terminal escapes in it.");
}

/// id, language, title, date, author.
type Expected = (&'static str, &'static str, &'static str, Option<&'static str>, Option<&'static str>);

const BUNDLED: [Expected; 5] = [
    ("000_428d0bcd77c983be", "en", "French Gov’t: Difficult to Stop ISIS Because of Darknet", Some("2017-02-16"), Some("Joseph Young")),
    ("001_04028ca63fdc1f21", "en", "The Islamic State is using internet propaganda to maintain a virtual Caliphate", None, None),
    ("002_fe371eeb538ac06b", "en", "Anonymous should leave ISIS cyberwar to professionals - NATO official", Some("2015-11-20"), None),
    ("003_9300786b103168ca", "en", "Daesh militants developing own social media platform — Europol", Some("2017-05-03"), None),
    (
        "004_17d92d11831f1a30",
        "fr",
        "Daesh se serait doté de son propre réseau social afin d'échapper aux autorités, d'après le directeur d'Europol",
        None,
        None,
    ),
];

#[test]
fn bundled_corpus_metadata() {
    let corpus = ingest::bundled();
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    assert_eq!(corpus.articles.len(), 5);
    for (id, lang, title, date, author) in BUNDLED {
        let a = corpus.get(id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(a.meta.language.as_deref(), Some(lang), "{id}");
        assert_eq!(a.meta.title.as_deref(), Some(title), "{id}");
        assert_eq!(a.meta.date.as_deref(), date, "{id}");
        assert_eq!(a.meta.author.as_deref(), author, "{id}");
        assert!(a.paragraphs.len() >= 10 && a.sentence_count() > a.paragraphs.len(), "{id}");
        assert!(a.meta.warnings.is_empty(), "{id}: {:?}", a.meta.warnings);
    }
    let src = |id: &str| corpus.get(id).and_then(|a| a.meta.source.clone());
    assert_eq!(src("001_04028ca63fdc1f21").as_deref(), Some("Vice News"));
    assert_eq!(src("004_17d92d11831f1a30").as_deref(), Some("communiqué de presse Europol, Reuters"));
    // Outlets the manifest only guesses at stay unknown.
    assert_eq!(src("002_fe371eeb538ac06b"), None);
    assert_eq!(src("003_9300786b103168ca"), None);
}

#[test]
fn bundled_show_is_clean_text() {
    let corpus = ingest::bundled();
    for (id, _, title, _, _) in BUNDLED {
        let a = corpus.get(id).unwrap();
        assert_clean(a);
        assert!(!a.text.contains(title), "{id}: title repeated in body");
        for junk in [
            "icon", "Follow", "Share", "Partager", "READ MORE", "REUTERS/", "Updated ", "Posted by",
            "Comments", "Source", "Posts by", "in Featured", "2017-02-16", "13:56", "[1]",
        ] {
            assert!(!a.text.contains(junk), "{id}: {junk:?} in body");
        }
        for p in &a.paragraphs {
            assert!(!p.sentences.is_empty() && p.language.is_some(), "{id}");
        }
    }
    let a = corpus.get("000_428d0bcd77c983be").unwrap();
    assert!(a.text.starts_with("French government officials"));
    assert_eq!(a.links.len(), 3);
    let c = corpus.get("003_9300786b103168ca").unwrap();
    assert!(paragraphs(c).contains(&"Highest terrorist threat"), "section heading kept");
    assert!(c.text.starts_with("LONDON: Daesh militants"));
}

#[test]
fn bundled_sentences_respect_abbreviations_and_quotes() {
    let corpus = ingest::bundled();
    let sentences = |id: &str| -> Vec<String> {
        let a = corpus.get(id).unwrap();
        a.sentences().map(|(_, s)| a.slice(&s.range).to_string()).collect()
    };
    let s002 = sentences("002_fe371eeb538ac06b");
    assert!(s002.iter().any(|s| s.contains("Dr Jamie Shea, told Euronews.") && s.starts_with("The war on")));
    let s004 = sentences("004_17d92d11831f1a30");
    assert!(s004.contains(&"« Cela montre que certains membres de Daech continuent d'innover dans cet espace. »".to_string()));
    assert!(s004.iter().any(|s| s.starts_with("Si certains") && s.contains("etc.), partager")));
    let s000 = sentences("000_428d0bcd77c983be");
    assert!(s000.iter().any(|s| s.contains("is… not easily done")));
}

#[test]
fn cli_json_shapes() {
    let out = diglot(&["list", "--format", "json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let list = v.as_array().expect("array");
    assert_eq!(list.len(), 5);
    for key in ["id", "title", "language", "source", "author", "date", "url", "path", "words"] {
        assert!(list.iter().all(|e| e.get(key).is_some()), "{key}");
    }
    assert_eq!(list.iter().filter(|e| e["language"] == "en").count(), 4);

    let out = diglot(&["show", "000_428d0bcd77c983be", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["author"], "Joseph Young");
    assert!(v["paragraphs"][0]["sentences"].as_array().is_some_and(|s| !s.is_empty()));
    assert_eq!(v["links"][0]["text"], "reported");
}

/// Deterministic pseudo-random documents stitched from the pieces that trip parsers:
/// markup fragments, entities, multi-byte text, escapes, headers, furniture labels.
#[test]
fn no_panic_on_generated_hostile_inputs() {
    const PIECES: &[&str] = &[
        "<", ">", "</", "<p>", "</p>", "<div style=\"display:none\">", "<a href='", "'>", "</a>",
        "<span", " class=\"vcard\"", "<!--", "-->", "<script>", "</script>", "&#", "&#x1b;",
        "&amp", ";", "&hellip;", "é", "’", "«", "»", " ", "\n", "\n\n", "---\n", "\u{1b}[2J",
        "\u{1b}]0;t\u{7}", "\u{9b}", "Posted by: ", "Source: ", "Updated 3 May 2017", "…", ". ",
        "U.S. ", "Dr. ", "(REUTERS/X)", "Follow\n", "icon ", "2017-02-16", "\u{301}", "日本",
        "\r", "\t", "\u{feff}", "\u{202e}", "[t](u)", "# ",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for case in 0..400 {
        let len = (next() % 120) as usize;
        let mut doc = String::new();
        for _ in 0..len {
            doc.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
        }
        let mut bytes = doc.into_bytes();
        if case % 5 == 0 && !bytes.is_empty() {
            // Corrupt a byte now and then: invalid UTF-8 and legacy-encoding paths.
            let i = (next() % bytes.len() as u64) as usize;
            bytes[i] = (next() % 256) as u8;
        }
        let name = if case % 2 == 0 { "case.html" } else { "case.txt" };
        if let Ok(a) = parse_bytes(name, &bytes) {
            assert_clean_controls(&a);
        }
    }
}

fn assert_clean_controls(a: &Article) {
    let shown = [&a.text, a.meta.title.as_ref().unwrap_or(&String::new()), a.meta.author.as_ref().unwrap_or(&String::new())]
        .map(|s| s.to_string())
        .join("\n");
    assert!(!shown.chars().any(|c| c.is_control() && c != '\n'), "{shown:?}");
    for p in &a.paragraphs {
        assert!(a.text.get(p.range.clone()).is_some());
        for s in &p.sentences {
            assert!(a.text.get(s.range.clone()).is_some());
        }
    }
    for l in &a.links {
        if let Some(r) = &l.range {
            assert_eq!(a.text.get(r.clone()), Some(l.text.as_str()));
        }
    }
}

// ---- Reader mode for whole saved pages --------------------------------------------

fn fixture_page(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages").join(name)).unwrap()
}

fn body_paragraphs(a: &Article) -> Vec<&str> {
    (0..a.paragraphs.len()).filter(|&i| a.paragraphs[i].role.is_none()).map(|i| a.paragraph_text(i)).collect()
}

#[test]
fn a_whole_page_reads_as_its_article_only() {
    let a = parse("news_page.html", &fixture_page("news_page.html"));
    assert_clean(&a);
    let body = body_paragraphs(&a);
    assert_eq!(body.len(), 6, "{body:#?}");
    assert!(body[0].starts_with("The harbour bridge will close for six weeks"));
    assert!(body[5].ends_with("usually doubles."));
    for junk in ["cookies", "Weather", "Related stories", "Ferry fares", "Great news", "Privacy", "All rights"] {
        assert!(!a.text.contains(junk), "{junk} in {}", a.text);
    }
    assert!(a.meta.warnings.is_empty(), "{:?}", a.meta.warnings);
}

#[test]
fn a_whole_page_states_its_metadata() {
    let a = parse("news_page.html", &fixture_page("news_page.html"));
    let m = &a.meta;
    assert_eq!(m.title.as_deref(), Some("Harbour bridge to close for repairs"));
    assert_eq!(m.author.as_deref(), Some("Ann Lee, Bob Kay"));
    assert_eq!(m.date.as_deref(), Some("2021-03-04"));
    assert_eq!(m.source.as_deref(), Some("The Daily Example"));
    assert_eq!(m.url.as_deref(), Some("https://daily.example/news/harbour-bridge-repairs"));
    assert_eq!(m.language.as_deref(), Some("en"));
}

#[test]
fn open_graph_dublin_core_and_the_title_suffix() {
    let page = |head: &str| {
        format!(
            "<html lang=\"fr\"><head>{head}</head><body><p>Le conseil municipal a voté jeudi la fermeture du pont pendant six semaines de travaux.</p></body></html>"
        )
    };
    let a = parse("og.html", page(r#"<title>Le pont ferme | Le Quotidien</title><meta property="og:title" content="Le pont ferme pour travaux">
        <meta property="og:site_name" content="Le Quotidien"><meta name="DC.creator" content="Jeanne Roux">
        <meta name="DC.date" content="2020-05-06"><meta property="og:url" content="https://q.example/pont">"#).as_bytes());
    let m = &a.meta;
    assert_eq!(m.title.as_deref(), Some("Le pont ferme pour travaux"));
    assert_eq!((m.author.as_deref(), m.date.as_deref()), (Some("Jeanne Roux"), Some("2020-05-06")));
    assert_eq!((m.source.as_deref(), m.url.as_deref()), (Some("Le Quotidien"), Some("https://q.example/pont")));
    assert_eq!(m.language.as_deref(), Some("fr"));
    // Only a <title>: its suffix names the outlet and is not part of the title.
    let a = parse("t.html", page("<title>Le pont ferme pour travaux - Le Quotidien</title>").as_bytes());
    assert_eq!(a.meta.title.as_deref(), Some("Le pont ferme pour travaux"));
    assert_eq!(a.meta.source.as_deref(), Some("Le Quotidien"));
}

const ADMONITION: &str = r#"<p>The first paragraph of the chapter explains what a file system is and why it matters.</p>
<div class="warning"><table border="0" summary="Warning"><tr><td rowspan="2"><img alt="[Warning]" src="w.png"></td><th>Warning</th></tr>
<tr><td><p>Do not remove the root file system while the system is running.</p></td></tr></table></div>
<details><summary>More detail</summary><p>A paragraph inside details is body text of the chapter too.</p></details>
<table><tr><td><p>A paragraph in a layout table cell is kept.</p></td><td><p>So is the one in the next cell.</p></td></tr></table>
<p>The last paragraph of the chapter closes the section with a final remark about disks.</p>"#;

#[test]
fn paragraphs_in_layout_tables_admonitions_and_details_are_body_text() {
    let whole = format!("<!DOCTYPE html><html><head><title>Chapter 4</title></head><body><nav><a href='/'>Home</a></nav>{ADMONITION}</body></html>");
    for (name, html) in [("fragment.html", ADMONITION.to_string()), ("whole.html", whole)] {
        let a = parse(name, html.as_bytes());
        let body = body_paragraphs(&a);
        for kept in [
            "Do not remove the root file system while the system is running.",
            "A paragraph inside details is body text of the chapter too.",
            "A paragraph in a layout table cell is kept.",
            "So is the one in the next cell.",
        ] {
            assert!(body.contains(&kept), "{name}: {kept:?} not a paragraph of {body:#?}");
        }
        assert!(!a.text.contains('│'), "{name}: {}", a.text);
    }
}

#[test]
fn captions_bylines_and_datelines_are_marked_not_body() {
    use diglot::model::Role;
    let html = r#"<div class="story"><div class="article__byline">By Jane Roe</div><div class="dateline">PARIS, March 3</div>
        <p>The minister said on Thursday that the plan would go ahead as announced in the spring.</p>
        <figure><img src="a.jpg"><figcaption>The minister, “smiling”, in Paris.</figcaption></figure>
        <p>A second paragraph follows the photo and closes the story.</p></div>"#;
    let a = parse("roles.html", html.as_bytes());
    let roles: Vec<(Option<Role>, &str)> = (0..a.paragraphs.len()).map(|i| (a.paragraphs[i].role, a.paragraph_text(i))).collect();
    assert_eq!(
        roles,
        [
            (Some(Role::Byline), "By Jane Roe"),
            (Some(Role::Dateline), "PARIS, March 3"),
            (None, "The minister said on Thursday that the plan would go ahead as announced in the spring."),
            (Some(Role::Caption), "The minister, “smiling”, in Paris."),
            (None, "A second paragraph follows the photo and closes the story."),
        ]
    );
    assert_eq!(a.meta.author.as_deref(), Some("Jane Roe"));
    // No quote is found in a caption.
    assert!(diglot::text::quotes::extract(&a).iter().all(|q| q.text != "smiling"));
    let json = String::from_utf8(diglot(&["show", "--format", "json", &write_temp("roles.html", html)]).stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ps = v["paragraphs"].as_array().unwrap();
    assert_eq!(ps[0]["role"], "byline");
    assert_eq!(ps[3]["role"], "caption");
    assert!(ps[2].get("role").is_none());
}

/// A file in a fresh temporary folder (kept for the life of the test process).
fn write_temp(name: &str, contents: &str) -> String {
    let dir = tempfile::tempdir().unwrap().keep();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.display().to_string()
}

#[test]
fn a_page_with_no_article_found_shows_all_its_visible_text_with_a_warning() {
    let html = "<html><head><title>x</title><script>var a = 1;</script></head><body>\
        <nav><ul><li><a href='/a'>Opening hours: nine to five</a></li><li><a href='/b'>Closed on Sundays</a></li></ul></nav></body></html>";
    let a = parse("menu-only.html", html.as_bytes());
    assert_eq!(paragraphs(&a), ["Opening hours: nine to five", "Closed on Sundays"]);
    assert_eq!(a.meta.warnings, [ingest::NO_ARTICLE_FOUND]);
    let path = write_temp("menu-only.html", html);
    let folder = Path::new(&path).parent().unwrap().display().to_string();
    let out = diglot(&["--corpus", &folder, "list"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("menu-only"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("menu-only.html") && stderr.contains(ingest::NO_ARTICLE_FOUND), "{stderr}");
    // Markup with no text at all is still refused, with the reason.
    assert!(parse_bytes("blank.html", b"<html><body><div> </div></body></html>").is_err());
}

#[test]
fn mhtml_saves_and_page_complete_folders() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name);
    let mht = "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B\"\r\n\r\n\
------B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://n.example/s\r\n\r\n\
<html><head><meta charset=3D\"utf-8\"><title>Saved story</title></head><body><p>Caf=C3=A9s reopened on Monday across the =\r\ncity, the mayor said.</p></body></html>\r\n\
------B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------B--\r\n";
    std::fs::write(p("saved.mhtml"), mht).unwrap();
    std::fs::write(p("story.html"), "<html><head><title>Story</title></head><body><p>A story saved as a complete page, with its assets.</p></body></html>").unwrap();
    std::fs::create_dir(p("story_files")).unwrap();
    std::fs::write(p("story_files/frame.html"), "<html><body><p>An advert frame.</p></body></html>").unwrap();
    std::fs::write(p("story_files/app.js"), "var x = 1;").unwrap();
    let corpus = load_dir(dir.path()).unwrap();
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["saved", "story"]);
    let saved = corpus.get("saved").unwrap();
    assert_eq!(saved.text, "Cafés reopened on Monday across the city, the mayor said.");
    assert_eq!(saved.meta.title.as_deref(), Some("Saved story"));
    let broken = parse_bytes("broken.mht", b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n");
    assert!(broken.unwrap_err().reason.contains("text/html"));
}
