//! `diglot index` and `diglot search` on small folders, through the real binary with an
//! index file of the test's own.

use std::fs;
use std::path::Path;
use std::process::Command;

fn diglot(corpus: &Path, cache: &Path, args: &[&str]) -> (String, String) {
    diglot_with_cache(corpus, cache, cache.as_os_str(), args)
}

/// [`diglot`] with `DIGLOT_CACHE` set to `cache_setting` (a file, or `off`); the state
/// store beside `cache`.
fn diglot_with_cache(corpus: &Path, cache: &Path, cache_setting: &std::ffi::OsStr, args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_diglot"))
        .arg("--corpus")
        .arg(corpus)
        .arg("--db")
        .arg(cache.with_file_name("state.db"))
        .args(args)
        .env("DIGLOT_CACHE", cache_setting)
        .env_remove("DIGLOT_DB")
        .output()
        .unwrap();
    assert!(out.status.success(), "diglot {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Files old enough for the index to trust their timestamps.
fn write_old(path: &Path, text: &str) {
    fs::write(path, text).unwrap();
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
    fs::File::options().write(true).open(path).unwrap().set_modified(old).unwrap();
}

#[test]
fn index_reports_what_it_did_and_search_follows_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, cache) = (dir.path().join("corpus"), dir.path().join("index.db"));
    fs::create_dir(&corpus).unwrap();
    write_old(&corpus.join("a.txt"), "Une opération de police\n\nLes enquêteurs ont saisi 12 téléphones à Lyon.\n");
    write_old(&corpus.join("b.txt"), "Storm warning\n\nHeavy rain is expected over the weekend, forecasters said.\n");
    write_old(&corpus.join("c.txt"), "Markets\n\nShares rose on Monday as investors weighed the police report.\n");

    let (out, _) = diglot(&corpus, &cache, &["index"]);
    assert!(out.contains("read 3, reused 0, removed 0"), "{out}");
    let (out, _) = diglot(&corpus, &cache, &["index"]);
    assert!(out.contains("read 0, reused 3, removed 0"), "{out}");

    let ids = |args: &[&str]| -> Vec<String> {
        let (out, _) = diglot(&corpus, &cache, &[&["search"], args, &["--format", "json"]].concat());
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v.as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(ids(&["operation"]), ["a"], "accents folded");
    assert_eq!(ids(&["polic*"]), ["a", "c"], "prefix; the title match ranks first");
    assert_eq!(ids(&["\"rain is expected\""]), ["b"]);
    assert!(ids(&["\"expected rain\""]).is_empty(), "a phrase keeps its order");
    assert_eq!(ids(&["police lang:en"]), ["c"]);

    // One file changed, one removed: only they are touched.
    fs::remove_file(corpus.join("b.txt")).unwrap();
    write_old(&corpus.join("c.txt"), "Markets\n\nShares fell on Monday.\n");
    let (out, _) = diglot(&corpus, &cache, &["index"]);
    assert!(out.contains("read 1, reused 1, removed 1"), "{out}");
    assert_eq!(ids(&["polic*"]), ["a"]);
    assert!(ids(&["rain"]).is_empty());
}

#[test]
fn search_without_an_index_file_still_answers() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    write_old(&corpus.join("a.txt"), "Une opération de police\n\nLes enquêteurs ont saisi 12 téléphones.\n");
    let out = Command::new(env!("CARGO_BIN_EXE_diglot"))
        .args(["--db"])
        .arg(dir.path().join("state.db"))
        .arg("--corpus")
        .arg(&corpus)
        .args(["search", "telephones"])
        .env("DIGLOT_CACHE", "off")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("a  fr  Une opération de police"));
}

/// A folder with what a listing must reproduce: HTML and text, two files with one stem
/// (the second gets its file name as id, and a warning), a manifest adding an outlet,
/// and a link to nowhere (named on stderr).
fn listing_folder(corpus: &Path) {
    fs::create_dir(corpus).unwrap();
    write_old(&corpus.join("a.txt"), "Une opération de police\n\nLes enquêteurs ont saisi 12 téléphones à Lyon.\n");
    write_old(
        &corpus.join("a.html"),
        "<html><head><title>Storm warning</title></head><body><article><p>Heavy rain is expected over the weekend, forecasters said on Friday.</p></article></body></html>",
    );
    write_old(&corpus.join("b.md"), "# Markets\n\nShares rose on Monday as investors weighed the report.\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink(corpus.join("gone.txt"), corpus.join("broken.txt")).unwrap();
    write_old(&corpus.join("corpus.toml"), "[[article]]\nid = \"b\"\noutlet = \"Daily Example\"\ndate = \"2024-03-01\"\n");
}

#[test]
fn list_from_the_index_prints_what_the_full_read_prints() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, cache) = (dir.path().join("corpus"), dir.path().join("index.db"));
    listing_folder(&corpus);
    let uncached = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_diglot"))
            .arg("--corpus")
            .arg(&corpus)
            .arg("--db")
            .arg(dir.path().join("state.db"))
            .args(args)
            .env("DIGLOT_CACHE", "off")
            .env_remove("DIGLOT_DB")
            .output()
            .unwrap();
        (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    diglot(&corpus, &cache, &["index"]);
    for args in [&["list"][..], &["list", "--format", "json"]] {
        let expected = uncached(args);
        assert!(expected.0.contains("Daily Example"), "{}", expected.0);
        assert!(expected.1.contains("id a is taken") && expected.1.contains("broken.txt"), "{}", expected.1);
        assert_eq!(diglot(&corpus, &cache, args), expected, "{args:?}");
    }
}

#[test]
fn a_listing_reads_metadata_from_the_index_until_a_file_changes() {
    use diglot::ingest::{load_dir, load_dir_cached, load_dir_metadata};
    let dir = tempfile::tempdir().unwrap();
    let (corpus, cache) = (dir.path().join("corpus"), dir.path().join("index.db"));
    listing_folder(&corpus);
    // A listing never holds bodies: with an index, even the first (cold) read lets them go
    // once they are stored.
    let metadata_only = |c: &diglot::ingest::Corpus| c.articles.iter().all(|a| a.text.is_empty() && a.paragraphs.is_empty());
    let rows = |c: &diglot::ingest::Corpus| -> Vec<_> { c.articles.iter().map(|a| (a.id.clone(), a.path.clone(), a.meta.clone())).collect() };
    let title_of_b = |c: &diglot::ingest::Corpus| c.articles.iter().find(|a| a.id == "b").unwrap().meta.title.clone();

    let first = load_dir_metadata(&corpus, Some(&cache)).unwrap();
    assert!(metadata_only(&first), "a cold listing keeps metadata only");
    let full = load_dir(&corpus).unwrap();
    assert_eq!(rows(&first), rows(&full));

    // Same size and time, other bytes: the file's stamp is unchanged, so the index answers
    // and the file is not read (the old title shows).
    write_old(&corpus.join("b.md"), "# Mxrkets\n\nShares rose on Monday as investors weighed the report.\n");
    let listed = load_dir_metadata(&corpus, Some(&cache)).unwrap();
    assert!(metadata_only(&listed));
    assert_eq!(rows(&listed), rows(&full), "every file indexed: the rows come from the index");
    assert_eq!(listed.articles.iter().find(|a| a.id == "b").unwrap().meta.source.as_deref(), Some("Daily Example"));

    // A changed file (another size): the listing reads it again and refreshes the index,
    // then the index answers with the new title.
    write_old(&corpus.join("b.md"), "# Markets fall\n\nShares fell on Monday.\n");
    let changed = load_dir_metadata(&corpus, Some(&cache)).unwrap();
    assert_eq!(title_of_b(&changed).as_deref(), Some("Markets fall"));
    let again = load_dir_metadata(&corpus, Some(&cache)).unwrap();
    assert!(metadata_only(&again));
    assert_eq!(rows(&again), rows(&changed));
    assert_eq!(rows(&again), rows(&load_dir_cached(&corpus, Some(&cache)).unwrap()));
}

/// `diglot quotes --format json --all` with the index at `cache`, or none when `cache`
/// is named `off`.
fn quotes_json(corpus: &Path, cache: &Path) -> String {
    run_maybe_off(corpus, cache, &["quotes", "--format", "json", "--all"])
}

fn run_maybe_off(corpus: &Path, cache: &Path, args: &[&str]) -> String {
    let setting = if cache.ends_with("off") { std::ffi::OsStr::new("off") } else { cache.as_os_str() };
    diglot_with_cache(corpus, cache, setting, args).0
}

#[test]
fn quotes_come_from_the_index_and_follow_changed_files() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, cache) = (dir.path().join("corpus"), dir.path().join("index.db"));
    fs::create_dir(&corpus).unwrap();
    write_old(&corpus.join("a.txt"), "Floods\n\n\"We will rebuild the bridge,\" said Jane Smith, the mayor.\n");
    write_old(&corpus.join("b.txt"), "Crues\n\n« Nous reconstruirons le pont », a déclaré Marie Dupont, la maire.\n");
    write_old(&corpus.join("c.txt"), "Markets\n\nShares rose on Monday.\n");
    let off = dir.path().join("off");
    let without_index = quotes_json(&corpus, &off);
    assert!(without_index.contains("Jane Smith") && without_index.contains("Marie Dupont"), "{without_index}");

    let (out, _) = diglot(&corpus, &cache, &["index"]);
    assert!(out.contains("quotes extracted from 3 and reused for 0"), "{out}");
    let (out, _) = diglot(&corpus, &cache, &["index"]);
    assert!(out.contains("quotes extracted from 0 and reused for 3"), "{out}");
    assert_eq!(quotes_json(&corpus, &cache), without_index, "the same quotes from the index");
    let speakers = |cache: &Path| run_maybe_off(&corpus, cache, &["speakers", "--format", "json"]);
    assert_eq!(speakers(&cache), speakers(&off));

    // A new version of a file: its new speaker, never the one the index held.
    write_old(&corpus.join("a.txt"), "Floods\n\n\"We will rebuild the bridge,\" said John Brown, the engineer.\n");
    let changed = quotes_json(&corpus, &cache);
    assert!(changed.contains("John Brown") && !changed.contains("Jane Smith"), "{changed}");
    assert_eq!(changed, quotes_json(&corpus, &off));
    let (out, _) = diglot(&corpus, &cache, &["index"]);
    assert!(out.contains("quotes extracted from 0 and reused for 3"), "the quotes read above were remembered: {out}");

    // Quotes read from the index carry the id the folder gives the file now: another
    // file taking its stem makes it known by its file name.
    write_old(&corpus.join("a.html"), "<p>Weather: rain all week.</p>");
    let renamed = quotes_json(&corpus, &cache);
    assert!(renamed.contains("\"article\": \"a.txt\""), "{renamed}");
    assert_eq!(renamed, quotes_json(&corpus, &off));
}
