//! Files → decoded → cleaned text + metadata + language → [`Article`].

pub mod cache;
pub mod counterparts;
pub mod clean;
pub mod decode;
pub mod entities;
mod error;
pub mod html;
pub mod meta;
pub mod mhtml;
pub mod paragraphs;
pub mod progress;
pub mod reader;

use crate::model::{Article, Link, Metadata, Paragraph, Role, Sentence};
use crate::sanitize::{strip_controls, strip_controls_owned};
use crate::text::{lang, sentences};
use include_dir::{Dir, include_dir};
use paragraphs::TextLine;
use std::path::{Path, PathBuf};

pub use decode::MAX_FILE_BYTES;
pub use error::ReadError;
use crate::model::Manifest;
use cache::folder::Held;

/// The bundled corpus, compiled into the binary so `diglot` works from any directory.
static BUNDLED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/corpus");

/// File name endings diglot reads from a folder.
pub const EXTENSIONS: [&str; 6] = ["html", "htm", "mhtml", "mht", "txt", "md"];

/// A file that could not be loaded, and why. Shown to the user; the rest still loads.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct LoadError {
    pub path: String,
    pub reason: String,
}

/// A loaded collection of articles plus what could not be loaded.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub errors: Vec<LoadError>,
    pub manifest: Manifest,
    /// The folder the articles were read from; `None` for the bundled corpus and for
    /// articles made in memory.
    pub folder: Option<PathBuf>,
}

impl Corpus {
    /// The `corpus.toml` entries left out, as (the manifest's path, which entry and why):
    /// warnings, since the files and the other entries still load.
    pub fn manifest_warnings(&self) -> Vec<(String, String)> {
        let path = match &self.folder {
            Some(dir) => dir.join("corpus.toml").display().to_string(),
            None => "corpus/corpus.toml".to_string(),
        };
        self.manifest.skipped.iter().map(|why| (path.clone(), why.clone())).collect()
    }

    pub fn get(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.id == id)
    }
}

/// The five articles shipped with diglot.
pub fn bundled() -> Corpus {
    let mut files: Vec<_> = BUNDLED
        .files()
        .filter(|f| has_article_extension(f.path()))
        .collect();
    files.sort_by_key(|f| f.path().to_path_buf());
    let manifest = BUNDLED
        .get_file("corpus.toml")
        .and_then(|f| f.contents_utf8())
        .map(|s| Manifest::parse(s).unwrap_or_default())
        .unwrap_or_default();
    let mut corpus = Corpus { manifest, ..Default::default() };
    for f in files {
        let path = format!("corpus/{}", f.path().display());
        match parse_bytes(&path, f.contents()) {
            Ok(a) => corpus.articles.push(a),
            Err(e) => corpus.errors.push(e),
        }
    }
    corpus.manifest.apply(&mut corpus.articles);
    corpus
}

/// Every readable file in `dir` (not recursive), sorted by name. Files that fail are
/// reported in `errors`; a `corpus.toml` in the folder is read as its manifest.
pub fn load_dir(dir: &Path) -> Result<Corpus, LoadError> {
    load_dir_cached(dir, None)
}

/// [`load_dir`], reusing the articles parsed last time from the cache at `cache` (see
/// [`cache`]) for files that have not changed since, and remembering the others.
pub fn load_dir_cached(dir: &Path, cache: Option<&Path>) -> Result<Corpus, LoadError> {
    load_dir_indexed(dir, cache).map(|(corpus, _)| corpus)
}

/// What refreshing the index of a folder did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IndexReport {
    /// Files parsed now (new, changed, or no usable cache).
    pub read: usize,
    /// Files whose article came from the index unchanged.
    pub reused: usize,
    /// Entries of files no longer in the folder, removed.
    pub removed: usize,
    /// Files that could not be read.
    pub failed: usize,
}

/// [`load_dir_cached`], also saying what it did to the index (see [`crate::index`]).
pub fn load_dir_indexed(dir: &Path, cache: Option<&Path>) -> Result<(Corpus, IndexReport), LoadError> {
    let (paths, corpus) = list_folder(dir)?;
    Ok(load_listed(dir, paths, corpus, cache.and_then(cache::ArticleCache::open), Held::Article))
}

/// [`load_dir_indexed`] keeping only each article's metadata (bodies left empty, as
/// [`load_dir_metadata`] gives them): files are parsed and written to the index a batch
/// at a time and their bodies let go, so memory does not grow with the folder's text.
/// What `diglot index` reads; ids, warnings, errors and the report are the same.
pub fn index_dir(dir: &Path, cache: &Path) -> Result<(Corpus, IndexReport), LoadError> {
    let (paths, corpus) = list_folder(dir)?;
    Ok(load_listed(dir, paths, corpus, cache::ArticleCache::open(cache), Held::Metadata))
}

/// What a listing of `dir` shows (`diglot list`): each article's metadata, without its
/// text, paragraphs or links. When the index holds an up-to-date entry for every file
/// of the folder, the metadata comes from it without decoding any article; otherwise
/// the folder is loaded as by [`load_dir_cached`] (which also refreshes the index).
/// Either way ids, warnings, errors and the manifest's additions are the same.
pub fn load_dir_metadata(dir: &Path, cache: Option<&Path>) -> Result<Corpus, LoadError> {
    let (paths, mut corpus) = list_folder(dir)?;
    let mut cache = cache.and_then(cache::ArticleCache::open);
    let keys: Option<Vec<cache::FileKey>> =
        cache.as_ref().and_then(|_| cache::FileKey::of_folder(dir, &paths).into_iter().collect());
    let metadata = cache.as_ref().zip(keys.as_deref()).and_then(|(c, keys)| c.metadata_all(keys));
    let (Some(c), Some(keys), Some(metadata)) = (cache.as_mut(), keys, metadata) else {
        // The bodies parsed now are in the index, where what needs them finds them again.
        let keep = if cache.is_some() { Held::Metadata } else { Held::Article };
        return Ok(load_listed(dir, paths, corpus, cache, keep).0);
    };
    c.forget_missing(dir, &keys);
    corpus.articles = paths
        .iter()
        .zip(metadata)
        .map(|(p, meta)| {
            let path = p.display().to_string();
            Article { id: id_from_path(&path), path, meta, text: String::new(), paragraphs: Vec::new(), links: Vec::new() }
        })
        .collect();
    finish(&mut corpus);
    Ok(corpus)
}

/// The article files of `dir` (sorted by name) and a corpus holding only what the
/// listing found: files that cannot be read as such, and the manifest (or why not).
pub fn list_folder(dir: &Path) -> Result<(Vec<PathBuf>, Corpus), LoadError> {
    let entries = std::fs::read_dir(dir).map_err(|e| LoadError {
        path: dir.display().to_string(),
        reason: format!("cannot read folder: {e}"),
    })?;
    let mut corpus = Corpus { folder: Some(dir.to_path_buf()), ..Corpus::default() };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let p = entry.path();
        if !has_article_extension(&p) {
            continue;
        }
        // The folder listing says which entries are plain files (no call per file: a
        // folder of 50k articles); links and the rest are looked at. Named pipes,
        // devices, link loops and broken links are named, never opened.
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            paths.push(p);
            continue;
        }
        match regular_file(&p) {
            Ok(()) => paths.push(p),
            Err(reason) => corpus.errors.push(LoadError { path: p.display().to_string(), reason: reason.to_string() }),
        }
    }
    // Every path is `dir` joined with a name, so comparing the bytes orders them as
    // comparing by components does, without splitting each path into components at each
    // comparison (50,000 files: 80 ms before the reader's first frame, now a few).
    paths.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    corpus.errors.sort_by(|a, b| a.path.cmp(&b.path));
    let manifest_path = dir.join("corpus.toml");
    if std::fs::symlink_metadata(&manifest_path).is_ok() {
        match read_regular_file(&manifest_path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| String::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}")))
            .and_then(|s| Manifest::parse(&s).map_err(|e| e.to_string()))
        {
            Ok(m) => corpus.manifest = m,
            Err(reason) => corpus.errors.push(LoadError {
                path: manifest_path.display().to_string(),
                reason,
            }),
        }
    }
    Ok((paths, corpus))
}

/// Load the listed `paths` into `corpus`, reusing and refreshing `cache`: the folder read
/// through the index ([`crate::index::folder`]), every article kept (`keep`: whole, or
/// its metadata only, the body let go once written to the index), in name order.
fn load_listed(dir: &Path, paths: Vec<PathBuf>, mut corpus: Corpus, cache: Option<cache::ArticleCache>, keep: Held) -> (Corpus, IndexReport) {
    /// Files parsed between two writes to the index. (Each write dirties pages all over
    /// the counterpart anchors' table and adds a full-text segment to merge later: 2,048
    /// rather than 512 a write, a cold `list` of 10,000 files takes some 3% less CPU and
    /// 6 MB more memory.)
    const BATCH: usize = 2048;
    let index = cache.map(std::sync::Mutex::new);
    let mut read = cache::folder::FolderRead::new(dir, &paths, index.as_ref());
    read.progress_on_stderr = true;
    let mut loaded: Vec<Option<Result<Article, LoadError>>> = Vec::new();
    loaded.resize_with(paths.len(), || None);
    let report = read.run(keep, BATCH, |_, files| {
        for file in files {
            let article = match keep {
                Held::Article => file.article,
                Held::Metadata => file.article.map(metadata_only),
            };
            loaded[file.slot] = Some(article);
        }
        true
    });
    for result in loaded.into_iter().flatten() {
        match result {
            Ok(a) => corpus.articles.push(a),
            Err(e) => corpus.errors.push(e),
        }
    }
    finish(&mut corpus);
    (corpus, report)
}

/// The article without its text, paragraphs or links.
fn metadata_only(article: Article) -> Article {
    Article { text: String::new(), paragraphs: Vec::new(), links: Vec::new(), ..article }
}

/// What follows reading a folder's articles, whatever they were read from.
fn finish(corpus: &mut Corpus) {
    make_ids_unique(&mut corpus.articles);
    corpus.manifest.apply(&mut corpus.articles);
}

/// `page.html` and `page.txt` would both be `page`: the first in name order keeps the
/// stem (so its highlights stay with it), the others are known by their file name.
fn make_ids_unique(articles: &mut [Article]) {
    let unique = unique_ids(articles.iter().map(|a| (a.id.as_str(), a.path.as_str())));
    for (a, (id, warning)) in articles.iter_mut().zip(unique) {
        if let Some(w) = warning {
            a.meta.warnings.push(w);
            a.id = id;
        }
    }
}

/// The id of each (id, path) in order, made unique as [`make_ids_unique`] does, with the
/// warning for an id that had to change (the reader names files before reading them).
pub fn unique_ids<'a>(ids_and_paths: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<(String, Option<String>)> {
    let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
    ids_and_paths
        .map(|(id, path)| {
            if taken.insert(id.to_string()) {
                return (id.to_string(), None);
            }
            let name = Path::new(path).file_name().map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned());
            let warning = format!("id {id} is taken by another file of this folder; this article's id is {name}");
            taken.insert(name.clone());
            (name, Some(warning))
        })
        .collect()
}

/// Load one file from disk.
pub fn load_file(path: &Path) -> Result<Article, LoadError> {
    let shown = path.display().to_string();
    let bytes = read_regular_file(path).map_err(|reason| LoadError { path: shown.clone(), reason: reason.to_string() })?;
    parse_bytes(&shown, &bytes)
}

/// Ok when `path` is (or links to) a regular file; else why it cannot be read.
pub fn regular_file(path: &Path) -> Result<(), ReadError> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(()),
        Ok(m) => Err(ReadError::NotAFile(file_kind(&m.file_type()))),
        Err(e) if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => Err(match e.kind() {
            std::io::ErrorKind::NotFound => ReadError::BrokenLink,
            _ => ReadError::UnfollowableLink(e),
        }),
        Err(e) => Err(ReadError::Io(e)),
    }
}

/// "a folder", "a named pipe" …: what a path is, for messages.
pub fn file_kind(t: &std::fs::FileType) -> &'static str {
    crate::util::fs::kind_of(t)
}

/// The bytes of the regular file at `path`, at most [`MAX_FILE_BYTES`]: its kind checked
/// by name first (a broken link or a pipe named as such), then
/// [`crate::util::fs::read_opened_regular`] (opened without blocking, checked again).
pub fn read_regular_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    use crate::util::fs::Refused;
    regular_file(path)?;
    crate::util::fs::read_opened_regular(path, MAX_FILE_BYTES).map_err(|refused| match refused {
        Refused::NotAFile(kind) => ReadError::NotAFile(kind),
        Refused::TooLarge(len) => ReadError::TooLarge(len),
        Refused::Io(e) => ReadError::Io(e),
    })
}

fn has_article_extension(p: &Path) -> bool {
    has_extension(p, &EXTENSIONS)
}

fn has_extension(p: &Path, extensions: &[&str]) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The article id of a path: its file stem.
pub fn id_from_path(path: &str) -> String {
    Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

/// Turn raw file bytes into an article. `path` names the file in messages and becomes
/// the article's `path`; its stem is the id. See [`decode`] for how bytes become text and
/// [`parse_text`] for the rest.
pub fn parse_bytes(path: &str, bytes: &[u8]) -> Result<Article, LoadError> {
    let err = |reason: ReadError| LoadError { path: path.to_string(), reason: reason.to_string() };
    let page;
    let bytes = if has_extension(Path::new(path), &mhtml::EXTENSIONS) {
        page = mhtml::page_html(bytes).map_err(err)?;
        page.as_bytes()
    } else {
        bytes
    };
    let decoded = decode::decode(bytes).map_err(err)?;
    let mut article = parse_text(path, &decoded.text).map_err(|r| LoadError { path: path.to_string(), reason: r.to_string() })?;
    let mut warnings = decoded.warnings;
    warnings.append(&mut article.meta.warnings);
    article.meta.warnings = warnings;
    article.meta.encoding = Some(decoded.encoding.to_string());
    Ok(article)
}

/// Decoded text → article: header, HTML or plain text, junk and metadata lines, title,
/// paragraphs. The extension of `path` says whether it is HTML (`.html`, `.htm`) or
/// Markdown (`.md`); other files are sniffed for markup. Fails only when no article text
/// is left.
pub fn parse_text(path: &str, text: &str) -> Result<Article, &'static str> {
    let ext = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let (header, body) = meta::front_matter(text);
    let header = header.unwrap_or_default();
    let is_html = ["html", "htm", "mhtml", "mht"].contains(&ext.as_str()) || html::looks_like_html(body);
    let mut warnings = Vec::new();
    let (lines, page) = if is_html {
        let doc = read_html(body);
        if let Some(depth) = doc.too_deep {
            warnings.push(format!(
                "HTML nested {depth} levels deep (> {}): converted by the flat tag stripper",
                html::MAX_DEPTH_FOR_HTML2TEXT
            ));
        }
        (doc.lines, doc.meta)
    } else {
        (plain_lines(body, ext == "md"), html::HtmlMeta::default())
    };

    // Furniture out, the metadata it carries kept. A removed line becomes a paragraph
    // break: furniture never sits inside a paragraph.
    let mut found = LineMeta::default();
    let kept: Vec<TextLine> = lines
        .into_iter()
        .map(|mut line| {
            line.text = strip_controls_owned(std::mem::take(&mut line.text));
            if line.text.trim().is_empty() {
                return TextLine::default();
            }
            // A caption stays as the page marked it (its "Photo by" is no byline); a
            // line the page marks as byline or dateline stays too, and is read.
            match (line.role, clean::classify(&line.text)) {
                (Some(Role::Caption), _) | (_, clean::LineKind::Body) => return line,
                (_, kind) => record_line_meta(kind, &mut found),
            }
            if line.role.is_some() { line } else { TextLine::default() }
        })
        .collect();


    // The title: stated by the file, else its first paragraph when that reads like one.
    let mut title = header.title.clone().or(page.title.clone());
    // (Paragraphs are made from the lines once the title is known when the file states
    // it: a headline repeated in the text changes them.)
    let mut paras = None;
    // (Each line normalised once, though the lines may be grouped twice.)
    let normalized = paragraphs::normalized_lines(&kept);
    if title.is_none() {
        let mut first = paragraphs::paragraphs_normalized(&kept, &normalized);
        // (Not when it is all there is: then it is the text.)
        if first.len() > 1 && first[0].role.is_none() && paragraphs::looks_like_title(&first[0].text) {
            title = Some(first.remove(0).text);
        }
        paras = Some(first);
    }
    // Scraped pages repeat the headline (page title, social card, article heading).
    let key = title.as_deref().map(paragraphs::title_key).filter(|k| !k.is_empty());
    let mut paras = match (key, paras) {
        (Some(key), _) => {
            let without: Vec<TextLine> = kept
                .into_iter()
                .map(|l| if paragraphs::has_title_key(&l.text, &key) { TextLine::default() } else { l })
                .collect();
            let mut paras = paragraphs::paragraphs_normalized(&without, &normalized);
            paras.retain(|p| !paragraphs::has_title_key(&p.text, &key));
            // The first paragraph was the title if it was taken from there.
            paras
        }
        (None, Some(paras)) => paras,
        (None, None) => paragraphs::paragraphs_normalized(&kept, &normalized),
    };
    if paras.iter().all(|p| p.role.is_some()) {
        // Better all the text than none: a page the rules misjudge still reads.
        paras = paragraphs::paragraphs(&all_visible_lines(body, is_html, ext == "md"));
        if paras.is_empty() {
            return Err("no text in the file");
        }
        warnings.push(NO_ARTICLE_FOUND.to_string());
    }

    let clean = |s: Option<String>| {
        s.map(|v| paragraphs::normalize_spaces(&strip_controls(&v))).filter(|v| !v.is_empty())
    };
    let mut meta = Metadata {
        title: clean(title),
        // What the file states (header, then the page's tags) before what the text's
        // lines suggest.
        author: clean(
            (header.author.or(page.author).or(found.author).or(page.hidden_author))
                .map(|a| meta::strip_byline_label(&a).to_string()),
        ),
        date: header
            .date
            .or_else(|| page.dates.iter().find_map(|d| meta::parse_date(d)))
            .or(found.date)
            .or_else(|| page.hidden_dates.iter().find_map(|d| meta::parse_date(d)))
            .or(found.updated),
        source: clean(header.source.or(page.site_name).or(found.source).or(page.title_outlet)),
        url: clean(header.url.or(page.url)),
        warnings,
        ..Default::default()
    };
    let declared_language = page.language;

    if let (Some(title), Some(outlet)) = (&meta.title, &meta.source) {
        meta.title = Some(meta::without_outlet(title, outlet));
    }
    let mut links = Vec::new();
    let texts: Vec<(String, Option<Role>)> = paras
        .into_iter()
        .map(|p| {
            links.extend(p.links.into_iter().map(|l| Link {
                text: paragraphs::normalize_spaces(&strip_controls(&l.text)),
                url: strip_controls(&l.url).trim().to_string(),
                range: None,
            }));
            (strip_controls_owned(p.text), p.role)
        })
        .collect();
    // Script pseudo-links are not links; relative ones are resolved against the page URL.
    links.retain(|l| {
        !l.text.is_empty() && !l.url.is_empty() && !l.url.to_ascii_lowercase().starts_with("javascript:")
    });
    if let Some(base) = &meta.url {
        for l in &mut links {
            l.url = absolute_url(base, &l.url);
        }
    }
    let mut article = build_article_with_roles(&id_from_path(path), path, meta, texts, links);
    // The text says best what language it is in; the page's declaration fills in when
    // the text is too short or mixed to tell.
    if article.meta.language.is_none() && declared_language.is_some() {
        article.meta.language = declared_language;
        for p in article.paragraphs.iter_mut().filter(|p| p.language.is_none()) {
            p.language = article.meta.language.clone();
        }
    }
    Ok(article)
}

/// The warning of an article that is the file's whole visible text.
pub const NO_ARTICLE_FOUND: &str = "no article found in the page: showing all of its visible text";

/// Every line of text a reader would see in the file, before any cleaning.
fn all_visible_lines(body: &str, is_html: bool, markdown: bool) -> Vec<TextLine> {
    let lines = if is_html { html::strip_tags(&html::without_head(body)) } else { plain_lines(body, markdown) };
    lines.into_iter().map(|l| TextLine { text: strip_controls_owned(l.text), ..l }).collect()
}

/// HTML → lines and metadata. A whole page goes through reader mode ([`reader`]) when
/// it is small and shallow enough for a tree parser; fragments, pages the extractor finds
/// nothing in, and deep or huge markup go through the converter of [`html`] alone.
fn read_html(body: &str) -> html::HtmlDoc {
    let reader_mode = std::env::var_os("DIGLOT_READER").is_none_or(|v| v != "off");
    if !(reader_mode && reader::is_whole_page(body) && body.len() <= html::MAX_BYTES_FOR_HTML2TEXT) {
        return html::convert(body);
    }
    // Scripts and style sheets are most of a saved page and none of its text or tags.
    let (code_free, shape) = html::for_extractor(body);
    if reader::fits(shape)
        && let Some(main) = reader::extract(&code_free)
    {
        let has_text = |lines: &Vec<TextLine>| lines.iter().any(|l| !l.text.trim().is_empty());
        let from_markup = (main.html.as_deref())
            .filter(|_| main.has_text())
            .map(|markup| reader::without_trailing_link_lines(html::convert(markup).lines))
            .filter(has_text);
        if let Some(lines) = from_markup {
            return html::HtmlDoc { lines, meta: reader::merge_meta(&main.meta, html::page_meta(&code_free)), too_deep: None };
        }
        // Text without markup: the page's own lines give it its paragraphs back. No text
        // at all: today's cleaner reads the page.
        let page = html::convert(body);
        let kept = Some(reader::lines_kept_by(page.lines.clone(), &main.text)).filter(|_| main.has_text()).filter(has_text);
        let meta = reader::merge_meta(&main.meta, page.meta);
        return html::HtmlDoc { lines: kept.unwrap_or(page.lines), meta, too_deep: None };
    }
    html::convert(body)
}

/// `href` made absolute against the page URL `base` (`https://host/dir/page`): "/x",
/// "//host/x" and "x" forms. Anything else, or a base that is not absolute, is left as is.
pub fn absolute_url(base: &str, href: &str) -> String {
    let Some((scheme, rest)) = base.split_once("://") else {
        return href.to_string();
    };
    if href.contains("://") || href.starts_with('#') || href.starts_with("mailto:") {
        return href.to_string();
    }
    let host_end = rest.find('/').unwrap_or(rest.len());
    let origin = &base[..scheme.len() + 3 + host_end];
    if let Some(net) = href.strip_prefix("//") {
        format!("{scheme}://{net}")
    } else if href.starts_with('/') {
        format!("{origin}{href}")
    } else {
        let path = &rest[host_end..];
        let path = path.split(['?', '#']).next().unwrap_or("");
        let dir = path.rfind('/').map_or("/", |i| &path[..=i]);
        format!("{origin}{dir}{href}")
    }
}

/// What a furniture line says about the article.
fn record_line_meta(kind: clean::LineKind, found: &mut LineMeta) {
    match kind {
        clean::LineKind::Body | clean::LineKind::Junk => {}
        clean::LineKind::Date { date, updated: false } => {
            found.date.get_or_insert(date);
        }
        clean::LineKind::Date { date, updated: true } => {
            found.updated.get_or_insert(date);
        }
        clean::LineKind::Byline { author, date } => {
            if let Some(a) = author {
                found.author.get_or_insert(a);
            }
            if let Some(d) = date {
                found.date.get_or_insert(d);
            }
        }
        clean::LineKind::Source(s) => {
            found.source.get_or_insert(s);
        }
    }
}

/// Metadata read from furniture lines.
#[derive(Default)]
struct LineMeta {
    author: Option<String>,
    date: Option<String>,
    updated: Option<String>,
    source: Option<String>,
}

/// Plain text (or Markdown) as lines with entities decoded; Markdown headings lose their
/// `#` marks and `[text](url)` links become text plus a link.
fn plain_lines(body: &str, markdown: bool) -> Vec<TextLine> {
    body.lines()
        .map(|l| {
            let decoded = entities::decode(l);
            if markdown {
                let l = decoded.trim_start();
                let l = l.trim_start_matches('#');
                let l = if l.len() < decoded.trim_start().len() { l.trim_start() } else { l };
                markdown_links(l)
            } else {
                TextLine::plain(&decoded)
            }
        })
        .collect()
}

/// `[text](url)` → `text`, with the link kept beside it.
fn markdown_links(line: &str) -> TextLine {
    let mut out = TextLine::default();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let parsed = after.find("](").and_then(|close| {
            let url_part = &after[close + 2..];
            let url_end = url_part.find(')')?;
            Some((&after[..close], &url_part[..url_end], close + 2 + url_end + 1))
        });
        match parsed {
            Some((text, url, used)) if !text.contains('[') => {
                out.text.push_str(&rest[..open]);
                out.text.push_str(text);
                out.links.push(Link { text: text.to_string(), url: url.to_string(), range: None });
                rest = &after[used..];
            }
            _ => {
                out.text.push_str(&rest[..open + 1]);
                rest = after;
            }
        }
    }
    out.text.push_str(rest);
    out
}

/// Assemble an article from cleaned paragraphs: join them with blank lines, record byte
/// ranges, split sentences and detect the language of each paragraph and of the whole.
/// `meta.language` and `meta.words` are filled in here when not already set.
pub fn build_article(
    id: &str,
    path: &str,
    meta: Metadata,
    paragraphs: Vec<String>,
    links: Vec<Link>,
) -> Article {
    build_article_with_roles(id, path, meta, paragraphs.into_iter().map(|p| (p, None)).collect(), links)
}

/// [`build_article`] with the role of each paragraph that is not body text.
pub fn build_article_with_roles(
    id: &str,
    path: &str,
    mut meta: Metadata,
    paragraphs: Vec<(String, Option<Role>)>,
    links: Vec<Link>,
) -> Article {
    let mut text = String::new();
    let mut paras = Vec::with_capacity(paragraphs.len());
    for (p, role) in paragraphs {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(p);
        let sentences = sentences::split(p, start)
            .into_iter()
            .map(|range| Sentence { range })
            .collect();
        paras.push(Paragraph { range: start..text.len(), language: None, sentences, role });
    }
    let ranges: Vec<std::ops::Range<usize>> = paras.iter().map(|p| p.range.clone()).collect();
    let (language, languages) = lang::detect_with_paragraphs(&text, &ranges, meta.language.take());
    meta.language = language;
    // Short paragraphs are hard to detect; they fall back to the article's language.
    for (p, language) in paras.iter_mut().zip(languages) {
        p.language = language.or_else(|| meta.language.clone());
    }
    meta.words = word_count(&text);
    let links = locate_links(&text, links);
    Article { id: id.to_string(), path: path.to_string(), meta, text, paragraphs: paras, links }
}

/// `text.split_whitespace().count()`, with ASCII classed by its byte (every article's
/// words are counted).
fn word_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() {
        let (white, width) = match bytes[i] {
            b' ' | b'\t'..=b'\r' => (true, 1),
            b if b.is_ascii() => (false, 1),
            _ => text[i..].chars().next().map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
        };
        words += usize::from(!white && !in_word);
        in_word = !white;
        i += width;
    }
    words
}

/// Fill in the range of each link whose text can be found, searching forward so that
/// repeated link texts map to successive occurrences.
fn locate_links(text: &str, links: Vec<Link>) -> Vec<Link> {
    let mut from = 0;
    links
        .into_iter()
        .map(|mut l| {
            if l.range.is_none()
                && !l.text.is_empty()
                && let Some(i) = text[from..].find(&l.text)
            {
                let start = from + i;
                l.range = Some(start..start + l.text.len());
                from = start + l.text.len();
            }
            l
        })
        .collect()
}

/// An article from plain text with paragraphs separated by blank lines (tests, tools).
pub fn from_plain_text(id: &str, text: &str) -> Article {
    let paragraphs = text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    build_article(id, id, Metadata::default(), paragraphs, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_article_records_ranges_sentences_and_language() {
        let a = from_plain_text(
            "t",
            "The first paragraph has two sentences. Here is the second one.\n\n\
             Le deuxième paragraphe est écrit en français, comme on peut le voir ici.",
        );
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(a.paragraphs[0].sentences.len(), 2);
        assert_eq!(a.slice(&a.paragraphs[0].sentences[1].range), "Here is the second one.");
        assert_eq!(a.paragraphs[1].language.as_deref(), Some("fr"));
        assert_eq!(a.paragraph_text(1).chars().next(), Some('L'));
        assert!(a.text.contains("\n\n"));
        assert_eq!(a.meta.words, a.text.split_whitespace().count());
    }

    #[test]
    fn a_french_paragraph_in_an_english_article_keeps_its_language() {
        let a = from_plain_text(
            "mixed",
            "The mayor of the harbour town spoke to reporters on Monday about the flood defences \
             that the council has been building along the river for the past three years.\n\n\
             « Nous ne céderons pas sur la sécurité des habitants de la ville, et nous le dirons \
             encore demain devant le conseil », a déclaré le maire de la ville jumelle.\n\n\
             She said the work would be finished before the winter storms, and that the town \
             would hold a public meeting about it in the spring.\n\n\
             The council has asked the government for more money to raise the walls, which were \
             last rebuilt after the great flood of the winter of 1953, when the sea came in.",
        );
        let languages: Vec<_> = a.paragraphs.iter().map(|p| p.language.as_deref()).collect();
        assert_eq!(languages, [Some("en"), Some("fr"), Some("en"), Some("en")]);
        assert_eq!(a.meta.language.as_deref(), Some("en"));
        let quotes = crate::text::quotes::extract(&a);
        let french = quotes.iter().find(|q| q.text.contains("céderons")).expect("the French quote");
        assert_eq!(french.language.as_deref(), Some("fr"));
    }

    #[test]
    fn relative_links_resolve_against_the_page() {
        let base = "https://news.example/2021/03/story/?x=1";
        assert_eq!(absolute_url(base, "/c/a"), "https://news.example/c/a");
        assert_eq!(absolute_url(base, "//cdn.example/i"), "https://cdn.example/i");
        assert_eq!(absolute_url(base, "other"), "https://news.example/2021/03/story/other");
        assert_eq!(absolute_url(base, "http://x.org/"), "http://x.org/");
        assert_eq!(absolute_url("no-scheme", "/c"), "/c");
        assert_eq!(absolute_url("https://host", "p"), "https://host/p");
    }

    #[test]
    fn words_are_counted_as_white_space_separates_them() {
        for text in ["", "  ", "one", " two  words ", "a\u{a0}b\u{3000}c\u{85}d\te\x0bf", "été, à\n\nParis"] {
            assert_eq!(word_count(text), text.split_whitespace().count(), "{text:?}");
        }
    }

    #[test]
    fn bundled_corpus_loads_five_articles() {
        let c = bundled();
        assert_eq!(c.articles.len(), 5, "errors: {:?}", c.errors);
    }
}
