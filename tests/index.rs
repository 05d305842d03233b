//! `diglot index` and `diglot search` on small folders, through the real binary with an
//! index file of the test's own.

use std::fs;
use std::path::Path;
use std::process::Command;

fn diglot(corpus: &Path, cache: &Path, args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_diglot"))
        .arg("--corpus")
        .arg(corpus)
        .arg("--db")
        .arg(cache.with_file_name("state.db"))
        .args(args)
        .env("DIGLOT_CACHE", cache)
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
