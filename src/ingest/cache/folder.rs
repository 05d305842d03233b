//! Reading a folder through the index: the one place that keys the listed files, takes
//! what the index holds for them, parses the others on every core a batch at a time,
//! writes each batch to the index, and forgets the entries of files no longer there.
//! `diglot` commands ([`crate::ingest::load_dir_cached`], which keep every article) and
//! the reader (`tui::loader`, which keeps rows and lets the bodies go) both read this way;
//! what they do with each batch is theirs.

use super::{ArticleCache, FileKey, decode_metadata};
use crate::ingest::progress::Progress;
use crate::ingest::{IndexReport, LoadError, id_from_path, load_file};
use crate::model::Article;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What is taken from the index for a file it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    /// The metadata only (no article decoded): an article with an empty body.
    Metadata,
    /// The whole article.
    Article,
}

/// One file read: its place in the listing, and what it gave.
#[derive(Debug)]
pub struct ReadFile {
    pub slot: usize,
    pub article: Result<Article, LoadError>,
}

/// What a batch of files is, for the one who takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Batch {
    /// Files the index holds, with how many are left to parse after them.
    FromIndex { to_parse: usize },
    /// Files parsed now (and written to the index).
    Parsed,
}

/// A listing of a folder's article files (as [`crate::ingest::list_folder`] gives it) to
/// read through the index (`None`: no index, every file is parsed).
pub struct FolderRead<'a> {
    dir: &'a Path,
    paths: &'a [PathBuf],
    index: Option<&'a Mutex<ArticleCache>>,
    keys: Vec<Option<FileKey>>,
    /// Whether a progress line goes to stderr (when it is a terminal) while files are parsed.
    pub progress_on_stderr: bool,
}

impl<'a> FolderRead<'a> {
    pub fn new(dir: &'a Path, paths: &'a [PathBuf], index: Option<&'a Mutex<ArticleCache>>) -> FolderRead<'a> {
        let keys = if index.is_some() { FileKey::of_folder(dir, paths) } else { vec![None; paths.len()] };
        FolderRead { dir, paths, index, keys, progress_on_stderr: false }
    }

    /// The index's key of each listed file (its canonical path and version), in order.
    pub fn keys(&self) -> &[Option<FileKey>] {
        &self.keys
    }

    /// Read every file: those the index holds first (`held` says what of them; a chunk
    /// at a time, at least one batch, maybe empty), then the others parsed `batch` at a time, each batch written to the index before `take`
    /// gets it; then the entries of files gone from the folder are forgotten. `take`
    /// returns false to stop (the rest is not read, nothing is forgotten).
    pub fn run(&self, held: Held, batch: usize, mut take: impl FnMut(Batch, Vec<ReadFile>) -> bool) -> IndexReport {
        let mut report = IndexReport::default();
        let mut found = self.held(held);
        let to_parse: Vec<usize> = (0..self.paths.len()).filter(|&slot| found.is_none(slot)).collect();
        report.reused = self.paths.len() - to_parse.len();
        // What the index holds goes a chunk at a time: decoded, handed over, let go.
        let held_slots: Vec<usize> = (0..self.paths.len()).filter(|&slot| !found.is_none(slot)).collect();
        // At least one batch from the index (maybe empty): it says how many are to parse.
        let chunks = held_slots.chunks(HELD_AT_ONCE).chain(held_slots.is_empty().then_some(&[][..]));
        for chunk in chunks {
            let from_index: Vec<ReadFile> = found
                .decode(chunk)
                .into_iter()
                .filter_map(|(slot, hit)| {
                    Some(ReadFile { slot, article: Ok(listed_as(hit?, &self.paths[slot])) })
                })
                .collect();
            if !take(Batch::FromIndex { to_parse: to_parse.len() }, from_index) {
                return report;
            }
        }
        let progress = self.progress_on_stderr.then(|| Progress::new(to_parse.len()));
        for chunk in to_parse.chunks(batch.max(1)) {
            let parsed: Vec<ReadFile> = chunk
                .par_iter()
                .map(|&slot| {
                    let article = load_file(&self.paths[slot]);
                    progress.as_ref().inspect(|p| p.tick());
                    ReadFile { slot, article }
                })
                .collect();
            if let Some(mut index) = self.index.and_then(|i| i.lock().ok()) {
                index.put_all(parsed.iter().filter_map(|f| Some((self.keys[f.slot].as_ref()?, f.article.as_ref().ok()?))));
            }
            report.read += parsed.len();
            report.failed += parsed.iter().filter(|f| f.article.is_err()).count();
            if !take(Batch::Parsed, parsed) {
                return report;
            }
        }
        drop(progress);
        if let Some(mut index) = self.index.and_then(|i| i.lock().ok()) {
            let present: Vec<FileKey> = self.keys.iter().flatten().cloned().collect();
            report.removed = index.forget_missing(self.dir, &present);
        }
        report
    }

    /// What the index holds of each file (in one read of the index).
    fn held(&self, held: Held) -> Found {
        let Some(index) = self.index.and_then(|i| i.lock().ok()) else { return Found::Articles(vec![None; self.paths.len()]) };
        match held {
            Held::Article => Found::Articles(index.get_all(&self.keys)),
            Held::Metadata => Found::Metadata(index.metadata_json_of(&self.keys)),
        }
    }
}

/// The first `n` listed files that the index holds, as [`FolderRead::run`] gives them
/// with [`Held::Metadata`] (path and id from the listing, no body), found by one indexed
/// lookup each: without keying every file of the folder or reading the whole folder's
/// metadata, which at 50,000 files takes longer than a frame. Files the index does not
/// hold (or not this version of) are left out; `run` reads them in their turn.
pub fn first_held(paths: &[PathBuf], index: &Mutex<ArticleCache>, dir: &Path, n: usize) -> Vec<ReadFile> {
    let paths = &paths[..n.min(paths.len())];
    let keys = FileKey::of_folder(dir, paths);
    let Ok(index) = index.lock() else { return Vec::new() };
    let stored = index.metadata_json_each(&keys);
    drop(index);
    stored
        .into_iter()
        .enumerate()
        .filter_map(|(slot, json)| {
            Some(ReadFile { slot, article: Ok(listed_as(stub(decode_metadata(&json?)?), &paths[slot])) })
        })
        .collect()
}

/// `article`, read from the index, as the folder lists it: the index knows the file by its
/// canonical path, and this folder may reach it by another (working folder, symbolic
/// link), which gives its path and id.
fn listed_as(mut article: Article, path: &Path) -> Article {
    article.path = path.display().to_string();
    article.id = id_from_path(&article.path);
    article
}

impl ArticleCache {
    /// The stored metadata (JSON) of each of these file versions, by one lookup of its
    /// path each: for a few files (see [`first_held`]); a whole folder's is read at once
    /// by [`metadata_json_of`](Self::metadata_json_of).
    fn metadata_json_each(&self, keys: &[Option<FileKey>]) -> Vec<Option<String>> {
        let Ok(mut stmt) =
            self.conn.prepare_cached("SELECT meta FROM diglot_cached_article WHERE path = ?1 AND size = ?2 AND modified_ns = ?3")
        else {
            return vec![None; keys.len()];
        };
        keys.iter()
            .map(|key| {
                let k = key.as_ref()?;
                stmt.query_row(rusqlite::params![k.path, k.size as i64, k.modified_ns], |r| r.get(0)).ok()
            })
            .collect()
    }
}

/// Entries of the index taken (and decoded) at most at once.
const HELD_AT_ONCE: usize = 1024;

/// What the index holds of each file: whole articles, or metadata still to decode (a
/// large folder's metadata is decoded a chunk at a time, not all held twice).
enum Found {
    Articles(Vec<Option<Article>>),
    Metadata(Vec<Option<String>>),
}

impl Found {
    fn is_none(&self, slot: usize) -> bool {
        match self {
            Found::Articles(all) => all[slot].is_none(),
            Found::Metadata(all) => all[slot].is_none(),
        }
    }

    /// The entries of these slots, taken out (decoded on every core); `None` where the
    /// entry is not sound.
    fn decode(&mut self, slots: &[usize]) -> Vec<(usize, Option<Article>)> {
        match self {
            Found::Articles(all) => slots.iter().map(|&slot| (slot, all[slot].take())).collect(),
            Found::Metadata(all) => {
                let json: Vec<(usize, Option<String>)> = slots.iter().map(|&slot| (slot, all[slot].take())).collect();
                json.into_par_iter().map(|(slot, json)| (slot, json.as_deref().and_then(decode_metadata).map(stub))).collect()
            }
        }
    }
}

/// An article of this metadata and no body.
fn stub(meta: crate::model::Metadata) -> Article {
    Article { meta, id: String::new(), path: String::new(), text: String::new(), paragraphs: Vec::new(), links: Vec::new() }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Write `text` to `path`, dated long ago (so the index trusts the file at once).
    pub(crate) fn write_old(path: &Path, text: &str) {
        std::fs::write(path, text).unwrap();
        let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_704_067_200);
        std::fs::File::options().write(true).open(path).unwrap().set_modified(old).unwrap();
    }

    /// (slot, title or error) of each file handed over.
    type Named = Vec<(usize, String)>;

    /// Everything `run` hands over, by kind of batch: from the index, parsed.
    fn read_all(read: &FolderRead<'_>, held: Held) -> (Named, Named, IndexReport) {
        let (mut cached, mut parsed) = (Vec::new(), Vec::new());
        let report = read.run(held, 2, |batch, files| {
            let named = files.into_iter().map(|f| (f.slot, f.article.map_or_else(|e| format!("error: {}", e.reason), |a| a.meta.title.unwrap_or_default())));
            match batch {
                Batch::FromIndex { .. } => cached.extend(named),
                Batch::Parsed => parsed.extend(named),
            }
            true
        });
        (cached, parsed, report)
    }

    #[test]
    fn files_the_index_holds_are_taken_from_it_the_others_parsed_and_written() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("f");
        std::fs::create_dir(&folder).unwrap();
        for (name, title) in [("a.txt", "Alpha"), ("b.txt", "Beta"), ("c.txt", "Gamma")] {
            write_old(&folder.join(name), &format!("{title}\n\nSome words of {title}."));
        }
        std::fs::write(folder.join("d.txt"), b"").unwrap();
        let (paths, _) = crate::ingest::list_folder(&folder).unwrap();
        let index = Mutex::new(ArticleCache::open(&dir.path().join("c.db")).unwrap());
        let read = FolderRead::new(&folder, &paths, Some(&index));
        let (cached, parsed, report) = read_all(&read, Held::Metadata);
        assert!(cached.is_empty());
        assert_eq!(parsed.len(), 4);
        assert!(parsed[3].1.starts_with("error: empty file"), "{parsed:?}");
        assert_eq!((report.read, report.reused, report.failed, report.removed), (4, 0, 1, 0));
        // The second time: from the index (metadata only), but for the file that failed
        // and the one changed since.
        write_old(&folder.join("b.txt"), "Beta two\n\nOther words.");
        std::fs::remove_file(folder.join("c.txt")).unwrap();
        let (paths, _) = crate::ingest::list_folder(&folder).unwrap();
        let read = FolderRead::new(&folder, &paths, Some(&index));
        let (cached, parsed, report) = read_all(&read, Held::Metadata);
        assert_eq!(cached, [(0, "Alpha".to_string())]);
        assert_eq!(parsed.iter().map(|(s, _)| *s).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(parsed[0].1, "Beta two");
        assert_eq!((report.read, report.reused, report.failed, report.removed), (2, 1, 1, 1));
        // Whole articles when asked.
        let (paths, _) = crate::ingest::list_folder(&folder).unwrap();
        let read = FolderRead::new(&folder, &paths, Some(&index));
        let mut bodies = Vec::new();
        read.run(Held::Article, 8, |_, files| {
            bodies.extend(files.into_iter().filter_map(|f| f.article.ok()).map(|a| (a.id, a.text.is_empty())));
            true
        });
        bodies.sort();
        assert_eq!(bodies, [("a".to_string(), false), ("b".to_string(), false)]);
    }

    #[test]
    fn without_an_index_every_file_is_parsed_and_stopping_stops() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..5 {
            write_old(&dir.path().join(format!("{i}.txt")), &format!("Title {i}\n\nBody."));
        }
        let (paths, _) = crate::ingest::list_folder(dir.path()).unwrap();
        let read = FolderRead::new(dir.path(), &paths, None);
        assert!(read.keys().iter().all(Option::is_none));
        let (cached, parsed, report) = read_all(&read, Held::Metadata);
        assert!(cached.is_empty());
        assert_eq!(parsed.iter().map(|(s, _)| *s).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
        assert_eq!(report.read, 5);
        let mut batches = 0;
        let report = read.run(Held::Metadata, 2, |batch, _| {
            batches += 1;
            batch == Batch::FromIndex { to_parse: 5 }
        });
        assert_eq!((batches, report.read), (2, 2), "stopped after the first parsed batch");
    }
}
