//! The highlight store, export and `diglot highlights`/`diglot export` end to end:
//! migrations, refusal of bad stores, concurrent writers, kill -9, re-anchoring, export
//! formats and atomic writes.

use diglot::export::{self, Format};
use diglot::ingest;
use diglot::model::{Highlight, Triage};
use diglot::store::{NewHighlight, Store, schema};
use rusqlite::Connection;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_diglot");

const ARTICLE_A: &str = "Harbour report\n\n\
    The council met on Monday to discuss the harbour. \
    “We will rebuild the pier before winter,” said Mayor Ada Quill.\n\n\
    Critics were unconvinced. The budget has doubled twice.\n\n\
    A final paragraph closes the piece.";

const MANIFEST: &str = "[[article]]\nid = \"harbour\"\noutlet = \"Coast Gazette\"\n\
    url = \"https://example.org/harbour\"\nauthor = \"Lee Marsh\"\ndate = \"2024-05-06\"\n";

/// A temp folder with a one-article corpus (plus manifest) and a store path.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("corpus")).unwrap();
        std::fs::write(dir.path().join("corpus/harbour.txt"), ARTICLE_A).unwrap();
        std::fs::write(dir.path().join("corpus/corpus.toml"), MANIFEST).unwrap();
        Fixture { dir }
    }
    fn corpus(&self) -> PathBuf {
        self.dir.path().join("corpus")
    }
    fn db(&self) -> PathBuf {
        self.dir.path().join("state/diglot.db")
    }
    fn cmd(&self) -> Command {
        let mut c = Command::new(BIN);
        c.env("DIGLOT_CORPUS", self.corpus()).env("DIGLOT_DB", self.db()).env("DIGLOT_CACHE", "off").env_remove("TMUX");
        c
    }
    /// Run diglot with these arguments; (exit ok, stdout, stderr).
    fn run(&self, args: &[&str]) -> (bool, String, String) {
        let out = self.cmd().args(args).output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
    fn add(&self, text: &str, extra: &[&str]) -> i64 {
        let mut args = vec!["highlights", "add", "harbour", "--text", text];
        args.extend_from_slice(extra);
        let (ok, out, err) = self.run(&args);
        assert!(ok, "add failed: {err}");
        parse_ack(&out).unwrap_or_else(|| panic!("no id in {out:?}"))
    }
    fn list(&self) -> Vec<Highlight> {
        let (ok, out, err) = self.run(&["highlights", "list", "--format", "json"]);
        assert!(ok, "{err}");
        serde_json::from_str(&out).unwrap()
    }
}

fn parse_ack(line: &str) -> Option<i64> {
    line.trim().strip_prefix("added highlight ")?.parse().ok()
}

fn highlight_count(path: &Path) -> i64 {
    let c = Connection::open(path).unwrap();
    c.query_row("SELECT count(*) FROM highlights", [], |r| r.get(0)).unwrap()
}

// ---- migrations and refusing bad stores ----

#[test]
fn a_version_1_store_is_migrated_keeping_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("old.db");
    {
        // A store as the first schema version left it.
        let c = store_at_version(&p, 1);
        c.execute(
            "INSERT INTO highlights (article, text, start, end, note, tag, created) \
             VALUES ('a', 'old words', 4, 13, 'n', 't', '2020-01-02T03:04:05Z')",
            [],
        )
        .unwrap();
    }
    let s = Store::open(&p).unwrap();
    assert_eq!(s.schema_version().unwrap(), schema::LATEST);
    // A consistent copy of the old store was kept before upgrading.
    let backup = dir.path().join("old.db.v1.bak");
    let b = Connection::open(&backup).unwrap();
    assert_eq!(b.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0)).unwrap(), 1);
    assert_eq!(highlight_count(&backup), 1);
    let hs = s.highlights(None).unwrap();
    assert_eq!(hs.len(), 1);
    let h = &hs[0];
    assert_eq!((h.passage.text.as_str(), h.passage.start, h.passage.end), ("old words", 4, 13));
    assert_eq!((h.note.as_deref(), h.tag.as_deref()), (Some("n"), Some("t")));
    assert_eq!(h.created, "2020-01-02T03:04:05Z");
    assert!(!h.passage.orphaned && h.speaker.is_none() && h.passage.context_before.is_empty());
    // Tables of later versions exist.
    s.set_triage("a", diglot::model::Triage { starred: true, ..Default::default() }).unwrap();
    assert!(s.triage("a").unwrap().starred);
    // The old highlight re-anchors by its text (its hash was unknown before version 2).
    let article = ingest::from_plain_text("a", "Some old words here.");
    let rep = s.reanchor(&[article]).unwrap();
    assert_eq!((rep.moved, rep.orphaned), (1, 0));
    drop(s);
    // Reopening a current store changes nothing.
    assert_eq!(Store::open(&p).unwrap().highlights(None).unwrap().len(), 1);
}

#[test]
fn a_store_from_a_newer_diglot_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("new.db");
    let s = Store::open(&p).unwrap();
    let a = ingest::from_plain_text("a", "Some words.");
    s.add_highlight(&NewHighlight::from_range(&a, 0..4, None)).unwrap();
    drop(s);
    Connection::open(&p).unwrap().pragma_update(None, "user_version", schema::LATEST + 3).unwrap();
    let Err(err) = Store::open(&p) else { panic!("newer store must be refused") };
    let msg = err.to_string();
    assert!(msg.starts_with(&p.display().to_string()), "{msg}");
    assert!(msg.contains("newer diglot"), "{msg}");
    assert!(Store::open_read_only(&p).is_err());
    let c = Connection::open(&p).unwrap();
    let v: i64 = c.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(v, schema::LATEST + 3);
    assert_eq!(highlight_count(&p), 1);
}

#[test]
fn a_garbage_file_is_refused_named_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("garbage.db");
    let garbage: Vec<u8> = (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    std::fs::write(&p, &garbage).unwrap();
    let Err(err) = Store::open(&p) else { panic!("garbage must be refused") };
    assert_eq!(err.path, p.display().to_string());
    assert!(err.reason.contains("not an SQLite database"), "{err}");
    assert_eq!(std::fs::read(&p).unwrap(), garbage);
    // Same through the binary: exit 1, message naming the file, nothing written.
    let f = Fixture::new();
    std::fs::create_dir_all(f.db().parent().unwrap()).unwrap();
    std::fs::write(f.db(), &garbage).unwrap();
    for args in [
        &["highlights", "add", "harbour", "--text", "harbour"][..],
        &["highlights", "list"][..],
        &["export"][..],
    ] {
        let (ok, _, err) = f.run(args);
        assert!(!ok);
        assert!(err.contains(&f.db().display().to_string()) && err.contains("not a diglot store"), "{err}");
    }
    assert_eq!(std::fs::read(f.db()).unwrap(), garbage);
}

#[test]
fn a_damaged_database_reports_corruption_without_reset() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("damaged.db");
    let s = Store::open(&p).unwrap();
    let a = ingest::from_plain_text("a", &"Lorem ipsum dolor sit amet. ".repeat(50));
    for _ in 0..200 {
        s.add_highlight(&NewHighlight::from_range(&a, 0..600, None)).unwrap();
    }
    drop(s); // checkpoints the WAL into the main file
    let mut bytes = std::fs::read(&p).unwrap();
    let page = 4096;
    assert!(bytes.len() > 4 * page);
    for b in &mut bytes[page..page * 4] {
        *b = 0xFF;
    }
    std::fs::write(&p, &bytes).unwrap();
    let result = Store::open(&p).and_then(|s| s.highlights(None));
    let err = result.expect_err("damage must be reported");
    assert_eq!(err.path, p.display().to_string());
    assert!(err.reason.contains("corrupt") || err.reason.contains("not an SQLite"), "{err}");
    assert_eq!(std::fs::metadata(&p).unwrap().len() as usize, bytes.len());
}

#[test]
fn another_programs_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("places.sqlite");
    Connection::open(&p).unwrap().execute_batch("CREATE TABLE moz_places (id INTEGER); INSERT INTO moz_places VALUES (1);").unwrap();
    let Err(err) = Store::open(&p) else { panic!("foreign database must be refused") };
    assert!(err.reason.contains("not a diglot store"), "{err}");
    let n: i64 = Connection::open(&p).unwrap().query_row("SELECT count(*) FROM moz_places", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 1);
}

#[test]
fn a_locked_store_gives_a_clear_message_then_works() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("locked.db");
    let s = Store::open_with_timeout(&p, Duration::from_millis(200)).unwrap();
    let a = ingest::from_plain_text("a", "Some words.");
    let new = NewHighlight::from_range(&a, 0..4, None);
    let other = Connection::open(&p).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let err = s.add_highlight(&new).expect_err("locked store must fail");
    assert!(err.to_string().starts_with(&p.display().to_string()));
    assert!(err.reason.contains("locked by another program"), "{err}");
    // Readers still work while another process writes (WAL).
    assert_eq!(s.highlights(None).unwrap().len(), 0);
    other.execute_batch("COMMIT").unwrap();
    s.add_highlight(&new).unwrap();
    assert_eq!(s.highlights(None).unwrap().len(), 1);
}

#[test]
fn a_read_only_store_can_be_read_but_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("ro.db");
    let s = Store::open(&p).unwrap();
    let a = ingest::from_plain_text("a", "Some words.");
    let new = NewHighlight::from_range(&a, 0..4, None);
    s.add_highlight(&new).unwrap();
    drop(s);
    let ro = Store::open_read_only(&p).unwrap();
    assert_eq!(ro.highlights(None).unwrap().len(), 1);
    let err = ro.add_highlight(&new).expect_err("read-only store must refuse writes");
    assert!(err.reason.contains("read-only"), "{err}");
    drop(ro);

    // A write-protected file (only meaningful when not running as root).
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
    let root_ignores_permissions = std::fs::OpenOptions::new().write(true).open(&p).is_ok();
    if !root_ignores_permissions {
        let Err(err) = Store::open(&p) else { panic!("write-protected store must be refused") };
        assert!(err.reason.contains("read-only"), "{err}");
    }
    assert_eq!(highlight_count(&p), 1);
}

#[test]
fn without_db_the_store_lives_under_xdg_data_home() {
    let f = Fixture::new();
    let data = f.dir.path().join("xdg-data");
    let out = Command::new(BIN)
        .args(["highlights", "add", "harbour", "--text", "harbour"])
        .env("DIGLOT_CORPUS", f.corpus())
        .env_remove("DIGLOT_DB").env("DIGLOT_CACHE", "off")
        .env("XDG_DATA_HOME", &data)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(highlight_count(&data.join("diglot/diglot.db")), 1);
}

#[test]
fn special_sqlite_names_are_plain_files_not_throwaway_databases() {
    let f = Fixture::new();
    for name in [":memory:", "file:notes.db"] {
        let out = Command::new(BIN)
            .args(["--db", name, "highlights", "add", "harbour", "--text", "harbour"])
            .env("DIGLOT_CORPUS", f.corpus())
            .env("DIGLOT_CACHE", "off")
            .current_dir(f.dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(highlight_count(&f.dir.path().join(name)), 1, "{name}");
    }
}

#[test]
fn missing_folders_are_created_and_a_folder_is_not_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a/b/c/diglot.db");
    Store::open(&p).unwrap();
    assert!(p.is_file());
    let err = Store::open(dir.path()).err().unwrap();
    assert!(err.reason.contains("folder"), "{err}");
}

// ---- durability ----

#[test]
fn two_processes_adding_60_each_keep_all_120() {
    let f = Fixture::new();
    let script = |who: &str| {
        format!(
            "for i in $(seq 1 60); do \"$0\" highlights add harbour --text 'rebuild the pier' --note {who}-$i >/dev/null || exit 1; done"
        )
    };
    let spawn = |who: &str| {
        let mut c = Command::new("sh");
        c.arg("-c").arg(script(who)).arg(BIN);
        c.env("DIGLOT_CORPUS", f.corpus()).env("DIGLOT_DB", f.db()).env("DIGLOT_CACHE", "off");
        c.stderr(Stdio::piped()).spawn().unwrap()
    };
    // Both start on a store that does not exist yet, so they also race to create it.
    let a = spawn("a");
    let b = spawn("b");
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "writer failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    let hs = Store::open(&f.db()).unwrap().highlights(None).unwrap();
    assert_eq!(hs.len(), 120);
    let mut notes: Vec<String> = hs.iter().filter_map(|h| h.note.clone()).collect();
    notes.sort();
    let mut expected: Vec<String> = (1..=60).flat_map(|i| [format!("a-{i}"), format!("b-{i}")]).collect();
    expected.sort();
    assert_eq!(notes, expected);
}

/// Read acknowledged ids from a writer's stdout until `want` arrived, then kill -9 it.
fn kill_after_acks(mut child: std::process::Child, want: usize, kill: impl FnOnce(&mut std::process::Child)) -> Vec<i64> {
    // The pipe stays open until the writer is dead, so it cannot die of a closed pipe.
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut acked = Vec::new();
    let mut line = String::new();
    while acked.len() < want {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        if let Some(id) = parse_ack(&line) {
            acked.push(id);
        }
    }
    kill(&mut child);
    let status = child.wait().unwrap();
    drop(reader);
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(status.signal(), Some(9), "writer was not killed by SIGKILL: {status:?}");
    acked
}

fn assert_store_keeps(db: &Path, acked: &[i64]) {
    assert!(!acked.is_empty());
    let s = Store::open(db).expect("the store opens after kill -9");
    let ids: std::collections::HashSet<i64> = s.highlights(None).unwrap().iter().map(|h| h.id).collect();
    for id in acked {
        assert!(ids.contains(id), "acknowledged highlight {id} lost");
    }
    let c = Connection::open(db).unwrap();
    let check: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn a_writer_killed_with_sigkill_mid_loop_keeps_every_acknowledged_add() {
    // The writer is this test binary running `writer_loop_child`, which adds highlights
    // as fast as it can and prints each id once `add_highlight` has returned.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("killed.db");
    let child = Command::new(std::env::current_exe().unwrap())
        .args(["writer_loop_child", "--exact", "--nocapture", "--test-threads=1"])
        .env("DIGLOT_TEST_WRITER_DB", &db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let acked = kill_after_acks(child, 300, |c| c.kill().unwrap());
    assert_store_keeps(&db, &acked);
}

/// Not a test on its own: the writer process for the kill -9 test.
#[test]
fn writer_loop_child() {
    let Some(db) = std::env::var_os("DIGLOT_TEST_WRITER_DB") else { return };
    let s = Store::open(Path::new(&db)).unwrap();
    let a = ingest::from_plain_text("k", "Killed writers keep their words.");
    let new = NewHighlight::from_range(&a, 0..6, None);
    use std::io::Write;
    let mut out = std::io::stdout();
    loop {
        let h = s.add_highlight(&new).unwrap();
        writeln!(out, "added highlight {}", h.id).unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn the_diglot_binary_killed_with_sigkill_keeps_every_acknowledged_add() {
    let f = Fixture::new();
    use std::os::unix::process::CommandExt;
    let child = Command::new("sh")
        .arg("-c")
        .arg("while :; do \"$0\" highlights add harbour --text 'The budget' || exit 1; done")
        .arg(BIN)
        .env("DIGLOT_CORPUS", f.corpus())
        .env("DIGLOT_DB", f.db()).env("DIGLOT_CACHE", "off")
        .process_group(0)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let acked = kill_after_acks(child, 15, |c| {
        // The whole group: the shell and the diglot process writing at that moment.
        let group = format!("-{}", c.id());
        let ok = Command::new("kill").args(["-9", "--", &group]).status().unwrap().success();
        assert!(ok);
    });
    assert_store_keeps(&f.db(), &acked);
}

// ---- CLI, anchoring, export ----

#[test]
fn cli_add_list_rm_and_errors() {
    let f = Fixture::new();
    let id = f.add("We will rebuild the pier before winter,", &["--note", "promise", "--tag", "quote"]);
    let id2 = f.add("The budget  has doubled", &[]); // whitespace-insensitive match
    assert!(id2 > id);
    let hs = f.list();
    assert_eq!(hs.len(), 2);
    assert_eq!(hs[0].passage.text, "We will rebuild the pier before winter,");
    assert_eq!((hs[0].note.as_deref(), hs[0].tag.as_deref()), (Some("promise"), Some("quote")));
    assert_eq!(hs[1].passage.text, "The budget has doubled");
    let raw: serde_json::Value =
        serde_json::from_str(&f.run(&["highlights", "list", "--format", "json"]).1).unwrap();
    for key in ["id", "article", "text", "speaker", "note", "tag", "created"] {
        assert!(raw[0].get(key).is_some(), "JSON lacks {key}");
    }
    assert!(hs[0].created.ends_with('Z') && hs[0].created.len() == 20);

    let (ok, table, _) = f.run(&["highlights", "list"]);
    assert!(ok && table.contains("We will rebuild") && table.contains("quote"), "{table}");

    let (ok, _, err) = f.run(&["highlights", "add", "harbour", "--text", "not in the text"]);
    assert!(!ok && err.contains("harbour") && err.contains("text not found"), "{err}");
    let (ok, _, err) = f.run(&["highlights", "add", "nosuch", "--text", "x"]);
    assert!(!ok && err.contains("nosuch"), "{err}");

    let (ok, out, _) = f.run(&["highlights", "rm", &id.to_string()]);
    assert!(ok && out.contains(&format!("removed highlight {id}")), "{out}");
    let (ok, _, err) = f.run(&["highlights", "rm", &id.to_string()]);
    assert!(!ok && err.contains(&format!("no highlight with id {id}")), "{err}");
    assert_eq!(f.list().len(), 1);
}

#[test]
fn editing_the_article_reanchors_or_orphans_but_never_drops() {
    let f = Fixture::new();
    let moved = f.add("The budget has doubled twice.", &[]);
    let doomed = f.add("Critics were unconvinced.", &[]);
    let edited = ARTICLE_A
        .replace("Harbour report\n\n", "Harbour report\n\nA new opening paragraph was added.\n\n")
        .replace("Critics were unconvinced. ", "");
    std::fs::write(f.corpus().join("harbour.txt"), &edited).unwrap();
    let hs = f.list();
    assert_eq!(hs.len(), 2, "nothing may be dropped");
    let current = ingest::load_file(&f.corpus().join("harbour.txt")).unwrap();
    let m = hs.iter().find(|h| h.id == moved).unwrap();
    assert!(!m.passage.orphaned);
    assert_eq!(&current.text[m.passage.start..m.passage.end], "The budget has doubled twice.");
    assert_eq!(m.passage.text_hash, diglot::util::hash::text_hash(&current.text));
    let d = hs.iter().find(|h| h.id == doomed).unwrap();
    assert!(d.passage.orphaned);
    assert_eq!(d.passage.text, "Critics were unconvinced.");
    let (_, md, _) = f.run(&["export"]);
    assert!(md.contains("> Critics were unconvinced.") && md.contains("**Orphaned:**"), "{md}");
    // Restoring the file brings the orphan back.
    std::fs::write(f.corpus().join("harbour.txt"), ARTICLE_A).unwrap();
    assert!(f.list().iter().all(|h| !h.passage.orphaned));
}

#[test]
fn export_formats_carry_citations_and_parse_back() {
    let f = Fixture::new();
    f.add("We will rebuild the pier before winter,", &["--note", "promise, \"firm\"", "--tag", "quote"]);
    f.add("A final paragraph", &["--tag", "other"]);

    let (ok, md, err) = f.run(&["export", "--format", "md"]);
    assert!(ok, "{err}");
    assert!(md.contains("## Harbour report"), "{md}");
    assert!(md.contains("*Coast Gazette* · Lee Marsh · 2024-05-06 · <https://example.org/harbour>"), "{md}");
    assert!(md.contains("> We will rebuild the pier before winter,\n>\n> — "), "{md}");
    assert!(md.contains("Lee Marsh, “Harbour report”, Coast Gazette, 2024-05-06. <https://example.org/harbour>"));
    assert!(md.contains("**Note:** promise, \"firm\""));

    let (ok, json, _) = f.run(&["export", "--format", "json", "--tag", "quote"]);
    assert!(ok);
    let doc: export::json::ExportDocument = serde_json::from_str(&json).unwrap();
    assert_eq!(doc.version, 1);
    assert_eq!(doc.highlights.len(), 1);
    let h = &doc.highlights[0];
    assert_eq!(h.text, "We will rebuild the pier before winter,");
    // The title line is metadata, not a body paragraph: the quote is in paragraph 1.
    assert_eq!(h.paragraph, Some(1));
    let src = h.source.as_ref().unwrap();
    assert_eq!((src.author.as_deref(), src.outlet.as_deref()), (Some("Lee Marsh"), Some("Coast Gazette")));
    assert!(h.citation.contains("https://example.org/harbour"));

    let out = f.dir.path().join("out/readwise.csv");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let (ok, msg, err) = f.run(&["export", "--format", "csv", "-o", out.to_str().unwrap()]);
    assert!(ok && err.contains("exported 2") && msg.is_empty(), "{msg}{err}");
    let mut r = csv::Reader::from_path(&out).unwrap();
    assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), ["Highlight", "Title", "Author", "URL", "Note", "Location", "Date", "Highlight ID"]);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], "We will rebuild the pier before winter,");
    assert_eq!(&rows[0][1], "Harbour report");
    assert_eq!(&rows[0][2], "Lee Marsh");
    assert_eq!(&rows[0][3], "https://example.org/harbour");
    assert_eq!(&rows[0][4], "promise, \"firm\" .quote");
    assert_eq!(&rows[0][5], "1");
    assert_eq!(rows[0][6].len(), "2024-01-01 00:00:00".len());
    assert_eq!(&rows[1][5], "3");

    // An unknown id is an error, as for every other command.
    let (ok, _, err) = f.run(&["export", "--format", "json", "--article", "nosuch"]);
    assert!(!ok && err.contains("nosuch: no article with that id"), "{err}");
}

#[test]
fn a_failed_export_never_replaces_a_good_file() {
    let f = Fixture::new();
    f.add("A final paragraph", &[]);
    // Through the CLI: an unwritable destination is reported with its name.
    let bad = f.dir.path().join("no/such/folder/out.md");
    let (ok, _, err) = f.run(&["export", "-o", bad.to_str().unwrap()]);
    assert!(!ok && err.contains(bad.to_str().unwrap()), "{err}");
    // Library: a write that fails half-way leaves the good file as it was.
    let good = f.dir.path().join("report.md");
    std::fs::write(&good, "precious").unwrap();
    let r = export::write_atomic_with(&good, |file| {
        use std::io::Write;
        file.write_all(b"half an expo")?;
        Err(std::io::Error::other("interrupted"))
    });
    assert!(r.is_err());
    assert_eq!(std::fs::read_to_string(&good).unwrap(), "precious");
    let (ok, _, _) = f.run(&["export", "-o", good.to_str().unwrap()]);
    assert!(ok);
    assert!(std::fs::read_to_string(&good).unwrap().starts_with("# Highlights"));
    let leftovers: Vec<_> = std::fs::read_dir(f.dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".diglot-export-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn hostile_text_cannot_reach_the_terminal_from_exports() {
    let a = ingest::from_plain_text("evil", "Plain words here.");
    let mut h = Store::open_in_memory()
        .unwrap()
        .add_highlight(&NewHighlight::from_range(&a, 0..5, Some("\x1b]0;owned\x07Speaker".into())))
        .unwrap();
    h.note = Some("\x1b[2J\u{9b}31mnote".into());
    for format in [Format::Markdown, Format::Csv] {
        let out = export::render(format, std::slice::from_ref(&h), std::slice::from_ref(&a));
        assert!(!out.chars().any(|c| c.is_control() && c != '\n' && c != '\r'), "{format:?}: {out:?}");
    }
    let json = export::render(Format::Json, std::slice::from_ref(&h), std::slice::from_ref(&a));
    assert!(!json.contains('\x1b'));
    assert!(!export::citation(&h, Some(&a)).contains('\x1b'));
}

#[test]
fn exports_of_the_bundled_corpus_cite_every_article() {
    let corpus = ingest::bundled();
    let s = Store::open_in_memory().unwrap();
    for a in &corpus.articles {
        if let Some(sentence) = a.sentences().next() {
            s.add_highlight(&NewHighlight::from_range(a, sentence.1.range.clone(), None)).unwrap();
        }
    }
    let hs = s.highlights(None).unwrap();
    assert!(!hs.is_empty());
    let md = export::render(Format::Markdown, &hs, &corpus.articles);
    assert_eq!(md.matches("\n## ").count(), hs.len());
    let csv_out = export::render(Format::Csv, &hs, &corpus.articles);
    assert_eq!(csv::Reader::from_reader(csv_out.as_bytes()).records().count(), hs.len());
    let json: serde_json::Value = serde_json::from_str(&export::render(Format::Json, &hs, &corpus.articles)).unwrap();
    assert_eq!(json["highlights"].as_array().unwrap().len(), hs.len());
    assert_eq!(s.reanchor(&corpus.articles).unwrap().unchanged, hs.len());
}

#[test]
fn cli_triage_shows_and_changes_what_the_reader_keeps() {
    let f = Fixture::new();
    let state = |f: &Fixture| {
        let (ok, out, err) = f.run(&["triage", "--format", "json"]);
        assert!(ok, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let e = &v[0];
        assert_eq!(e["id"], "harbour");
        (e["read"].as_bool().unwrap(), e["starred"].as_bool().unwrap(), e["archived"].as_bool().unwrap())
    };
    assert_eq!(state(&f), (false, false, false));
    let (ok, out, err) = f.run(&["triage", "harbour", "--read", "--archive"]);
    assert!(ok, "{err}");
    assert!(out.starts_with("r-a  harbour"), "{out}");
    assert_eq!(state(&f), (true, false, true));
    // The reader's store sees the same state.
    let store = Store::open(&f.db()).unwrap();
    assert_eq!(store.triage("harbour").unwrap(), Triage { read: true, starred: false, archived: true });
    drop(store);
    assert!(f.run(&["triage", "harbour", "--unarchive", "--star"]).0);
    assert_eq!(state(&f), (true, true, false));
    // Errors name the problem: an unknown id, flags without ids, contradictory flags.
    let (ok, _, err) = f.run(&["triage", "nope", "--read"]);
    assert!(!ok && err.contains("nope: no article with that id"), "{err}");
    let (ok, _, err) = f.run(&["triage", "--read"]);
    assert!(!ok && err.contains("name the articles"), "{err}");
    assert!(!f.run(&["triage", "harbour", "--read", "--unread"]).0);
    assert_eq!(state(&f), (true, true, false));
}

// ---- bilingual highlights (issue 17) ----

#[test]
fn a_version_3_store_gains_bilingual_highlights_and_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("v3.db");
    {
        // A store as schema version 3 left it, with one highlight.
        let c = store_at_version(&p, 3);
        c.execute(
            "INSERT INTO highlights (article, text, start, end, created, text_hash, speaker) \
             VALUES ('a', 'old words', 4, 13, '2020-01-02T03:04:05Z', 'h', 'Ann')",
            [],
        )
        .unwrap();
    }
    let s = Store::open(&p).unwrap();
    assert_eq!(s.schema_version().unwrap(), schema::LATEST);
    assert!(dir.path().join("v3.db.v3.bak").exists());
    let old = &s.highlights(None).unwrap()[0];
    assert_eq!((old.passage.text.as_str(), old.speaker.as_deref(), old.counterpart.as_ref()), ("old words", Some("Ann"), None));
    // The old highlight still re-anchors, and a bilingual one saves next to it.
    let a = ingest::from_plain_text("a", "Some old words here.");
    assert_eq!(s.reanchor(std::slice::from_ref(&a)).unwrap().moved, 1);
    let b = ingest::from_plain_text("b", "Quelques vieux mots ici.");
    let h = s.save_bilingual_highlight(&a, 0..1, &b, 0..1, None).unwrap().expect("a row with text");
    let back = s.highlight(h.id).unwrap().unwrap();
    assert_eq!(back, h);
    assert_eq!(back.counterpart.as_ref().map(|c| c.text.as_str()), Some("Quelques vieux mots ici."));
    // A one-sided row highlights the side that has text; an empty row nothing.
    let one = Highlight::of_row(&a, 0..0, &b, 0..1, None).unwrap();
    assert_eq!((one.passage.article.as_str(), one.passage.text.as_str(), one.counterpart), ("b", "Quelques vieux mots ici.", None));
    assert_eq!(Highlight::of_row(&a, 0..0, &b, 0..0, None), None);
}

/// The bundled French/English pair and a store holding one bilingual highlight of the
/// alignment row that pairs a quote of Rob Wainwright.
fn bundled_bilingual() -> (Vec<diglot::model::Article>, Store, Highlight) {
    let corpus = ingest::bundled();
    let fr = corpus.get("004_17d92d11831f1a30").unwrap().clone();
    let en = corpus.get("003_9300786b103168ca").unwrap().clone();
    let alignment = diglot::align::align(&fr, &en);
    let row = alignment
        .matches()
        .find(|r| diglot::store::sentences_span(&fr, r.left.clone()).is_some_and(|s| fr.text[s].contains("Cela montre")))
        .expect("the row of the quote")
        .clone();
    let store = Store::open_in_memory().unwrap();
    let h = store.save_bilingual_highlight(&fr, row.left, &en, row.right, Some("Rob Wainwright".into())).unwrap().unwrap();
    (vec![fr, en], store, h)
}

#[test]
fn a_bilingual_highlight_of_a_row_exports_both_texts_with_both_citations() {
    let (articles, store, h) = bundled_bilingual();
    assert!(h.passage.text.contains("Cela montre"));
    let pair = h.counterpart.as_ref().expect("counterpart");
    assert_eq!((pair.article.as_str(), pair.language.as_deref()), ("003_9300786b103168ca", Some("en")));
    assert!(pair.text.contains("It does show"));
    let hs = store.highlights(None).unwrap();

    let md = export::render(Format::Markdown, &hs, &articles);
    let en_title = articles[1].display_title();
    assert!(md.contains("> « Cela montre") || md.contains("Cela montre"), "{md}");
    assert!(md.contains("It does show") && md.contains(en_title), "{md}");
    assert_eq!(md.matches("— Rob Wainwright, in").count(), 2, "{md}");

    let json: export::json::ExportDocument = serde_json::from_str(&export::render(Format::Json, &hs, &articles)).unwrap();
    let c = json.highlights[0].counterpart.as_ref().expect("counterpart in JSON");
    assert_eq!(c.article, "003_9300786b103168ca");
    assert!(c.paragraph.is_some() && c.citation.contains(en_title), "{c:?}");

    let csv = export::render(Format::Csv, &hs, &articles);
    let rows: Vec<Vec<String>> =
        ::csv::Reader::from_reader(csv.as_bytes()).records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    assert_eq!(rows.len(), 2, "one row per text");
    assert_eq!(rows[0][7], rows[1][7], "linked by the highlight id");
    assert!(rows[1][0].contains("It does show") && rows[1][1] == en_title);
}

#[test]
fn each_text_of_a_bilingual_highlight_reanchors_in_its_own_article() {
    let (mut articles, store, h) = bundled_bilingual();
    let pair = h.counterpart.clone().unwrap();
    // The English article gains an opening paragraph: its text moves, the French stays.
    let en = &articles[1];
    articles[1] = ingest::from_plain_text(&en.id, &format!("A new first paragraph.\n\n{}", en.text));
    let report = store.reanchor(&articles).unwrap();
    assert_eq!((report.unchanged, report.moved, report.orphaned), (1, 1, 0));
    let back = store.highlight(h.id).unwrap().unwrap();
    let moved = back.counterpart.as_ref().unwrap();
    assert_eq!(moved.text, pair.text);
    assert!(moved.start > pair.start && !moved.orphaned);
    assert_eq!((back.passage.start, back.passage.end), (h.passage.start, h.passage.end));
    // Removing the English sentence orphans that text only.
    let without = articles[1].text.replace(&pair.text, "Something else entirely.");
    articles[1] = ingest::from_plain_text(&articles[1].id, &without);
    let report = store.reanchor(&articles).unwrap();
    assert_eq!(report.newly_orphaned, [h.id]);
    let back = store.highlight(h.id).unwrap().unwrap();
    assert!(!back.passage.orphaned && back.counterpart.unwrap().orphaned);
    // Undo keeps both texts.
    let removed = store.remove_highlight(h.id).unwrap().unwrap();
    store.restore_highlight(&removed).unwrap();
    assert_eq!(store.highlight(h.id).unwrap(), Some(removed));
}

#[test]
fn highlights_list_shows_both_texts() {
    let f = Fixture::new();
    let a = ingest::load_file(&f.corpus().join("harbour.txt")).unwrap();
    let b = ingest::from_plain_text("port", "Le conseil s'est réuni lundi.");
    Store::open(&f.db()).unwrap().save_bilingual_highlight(&a, 0..1, &b, 0..1, None).unwrap().unwrap();
    let (ok, table, err) = f.run(&["highlights", "list"]);
    assert!(ok, "{err}");
    assert!(table.contains("↔  port") && table.contains("Le conseil s'est réuni lundi."), "{table}");
    let listed = f.list();
    assert_eq!(listed[0].counterpart.as_ref().map(|c| c.article.as_str()), Some("port"));
}

#[test]
fn cli_adds_a_bilingual_highlight_and_exports_both_citations() {
    let f = Fixture::new();
    std::fs::write(f.corpus().join("port.txt"), "Rapport du port\n\nLe conseil s'est réuni lundi pour parler du port.\n").unwrap();
    let id = f.add("The council met on Monday", &["--counterpart", "port", "--counterpart-text", "Le conseil s'est réuni lundi"]);
    let (ok, csv, err) = f.run(&["export", "--format", "csv"]);
    assert!(ok, "{err}");
    let rows: Vec<Vec<String>> =
        ::csv::Reader::from_reader(csv.as_bytes()).records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    assert_eq!(rows.len(), 2, "{csv}");
    assert_eq!((rows[0][1].as_str(), rows[1][1].as_str()), ("Harbour report", "Rapport du port"));
    assert!(rows.iter().all(|r| r[7] == id.to_string()));
    // A counterpart text that is not in the counterpart article is an error naming it.
    let (ok, _, err) = f.run(&["highlights", "add", "harbour", "--text", "council", "--counterpart", "port", "--counterpart-text", "absent"]);
    assert!(!ok && err.contains("port") && err.contains("absent"), "{err}");
}

/// A store file as schema version `version` left it: its migrations run, no later ones.
fn store_at_version(p: &std::path::Path, version: usize) -> Connection {
    let c = Connection::open(p).unwrap();
    for sql in &schema::MIGRATIONS[..version] {
        c.execute_batch(sql).unwrap();
    }
    c.pragma_update(None, "user_version", version as i64).unwrap();
    c.pragma_update(None, "application_id", schema::APPLICATION_ID).unwrap();
    c
}
