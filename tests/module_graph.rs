//! The module graph: which top-level module of `src/` uses which, read from the
//! `crate::…` paths in the source. Two rules, both checked here:
//!
//! 1. no import cycle between top-level modules;
//! 2. arrows only point down the layering below (a module uses its own layer's
//!    modules, without a cycle, or lower layers).
//!
//! Test code (`#[cfg(test)]` items) and comments are not part of the graph: a unit test
//! may build its fixture with `ingest` wherever it lives.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

/// The layers, from the bottom up. `text` sits below `ingest` because ingest splits
/// sentences with it; `tui` and `cli` are the two front ends on top.
const LAYERS: &[(&str, &[&str])] = &[
    ("foundation: clocks and hashes, plain data, the output sanitiser", &["util", "model", "sanitize"]),
    ("text analysis: sentences, language, quotes, attribution", &["text"]),
    ("reading files, pairing and aligning articles, speakers across them", &["ingest", "align", "speakers"]),
    ("the state store", &["store"]),
    ("export formats", &["export"]),
    ("terminal-free geometry and text layout: panes, wrapping, text cut to a width", &["view"]),
    ("the terminal-free application core", &["app"]),
    ("drawing", &["ui"]),
    ("front ends", &["tui", "cli"]),
];

/// Known wrong-way edges that work in progress removes, each with what removes it. The
/// graph without them must pass both rules, and each must still exist: once one is gone,
/// delete it here so that it cannot come back.
const KNOWN_WRONG_EDGES: &[(&str, &str, &str)] = &[
    ("text", "ingest", "text::quotes uses ingest::lang; language detection moves to text::lang"),
];

/// One use of another module: where it is and the path as written.
#[derive(Debug, Clone)]
struct Use {
    file: PathBuf,
    line: usize,
    path: String,
}

type Graph = BTreeMap<String, BTreeMap<String, Vec<Use>>>;

#[test]
fn top_level_modules_form_no_cycle_and_point_only_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph = module_graph(&src);
    let mut problems = Vec::new();

    for (from, to, why) in KNOWN_WRONG_EDGES {
        if graph.get_mut(*from).and_then(|targets| targets.remove(*to)).is_none() {
            problems.push(format!("{from} -> {to} is gone ({why}): remove it from KNOWN_WRONG_EDGES"));
        }
    }
    let modules: BTreeSet<&str> = graph.keys().map(String::as_str).collect();
    for m in &modules {
        if layer_of(m).is_none() {
            problems.push(format!("module `{m}` is in no layer: add it to LAYERS"));
        }
    }
    for cycle in cycles(&graph) {
        problems.push(format!("import cycle: {}\n{}", cycle.join(" -> "), describe_path(&graph, &cycle)));
    }
    for (from, targets) in &graph {
        for (to, uses) in targets {
            if let (Some(lf), Some(lt)) = (layer_of(from), layer_of(to))
                && lt > lf
            {
                problems.push(format!(
                    "{from} ({}) uses {to}, a higher layer ({}):\n{}",
                    LAYERS[lf].0,
                    LAYERS[lt].0,
                    describe_uses(uses)
                ));
            }
        }
    }
    assert!(problems.is_empty(), "module graph:\n\n{}", problems.join("\n\n"));
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, members)| members.contains(&module))
}

fn describe_uses(uses: &[Use]) -> String {
    uses.iter()
        .take(3)
        .map(|u| format!("    {}:{}: {}", u.file.display(), u.line, u.path))
        .collect::<Vec<_>>()
        .join("\n")
}

fn describe_path(graph: &Graph, cycle: &[String]) -> String {
    cycle
        .windows(2)
        .map(|w| format!("  {} -> {}:\n{}", w[0], w[1], describe_uses(&graph[&w[0]][&w[1]])))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every top-level module with the modules it uses (itself excluded).
fn module_graph(src: &Path) -> Graph {
    let tops = top_level_modules(src);
    let mut graph = Graph::new();
    for file in rust_files(src) {
        let rel = file.strip_prefix(src).unwrap_or(&file).to_path_buf();
        let Some(from) = top_level_of(&rel) else { continue };
        if !tops.contains(&from) {
            continue; // lib.rs, main.rs: the crate root declares every module
        }
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let code = without_test_items(&code_only(&text));
        let entry = graph.entry(from.clone()).or_default();
        for (offset, to, path) in crate_paths(&code) {
            if to != from && tops.contains(&to) {
                let line = code[..offset].matches('\n').count() + 1;
                entry.entry(to).or_default().push(Use { file: Path::new("src").join(&rel), line, path });
            }
        }
    }
    graph
}

fn top_level_modules(src: &Path) -> BTreeSet<String> {
    std::fs::read_dir(src)
        .expect("src/ is readable")
        .filter_map(|e| e.ok())
        .filter_map(|e| top_level_of(Path::new(&e.file_name())))
        .filter(|m| m != "lib" && m != "main")
        .collect()
}

/// `app/mod.rs` → `app`; `tui.rs` → `tui`.
fn top_level_of(rel: &Path) -> Option<String> {
    let first = rel.components().next()?.as_os_str().to_str()?;
    Some(first.strip_suffix(".rs").unwrap_or(first).to_string())
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("readable folder").filter_map(|e| e.ok()) {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The source with comments and the contents of string and char literals blanked out
/// (newlines kept, so offsets keep their line numbers).
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !is_ident_char(chars.get(i.wrapping_sub(1))) {
            // A raw string r"…" or r#"…"#: ends at a quote followed by as many hashes.
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            i += 2 + hashes;
            out.push_str(&" ".repeat(2 + hashes));
            while i < chars.len() {
                if chars[i] == '"' && chars[i + 1..].iter().take(hashes).filter(|&&h| h == '#').count() == hashes {
                    out.push_str(&" ".repeat(1 + hashes));
                    i += 1 + hashes;
                    break;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && (next == Some('\\') || chars.get(i + 2) == Some(&'\'')) {
            // A char literal ('x', '\n', '\u{1b}'); a lifetime ('a) has no closing quote.
            out.push(' ');
            i += 1;
            if chars.get(i) == Some(&'\\') {
                out.push(' ');
                i += 1;
            }
            while i < chars.len() {
                let done = chars[i] == '\'';
                out.push(' ');
                i += 1;
                if done {
                    break;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident_char(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// `code` without the items marked `#[cfg(test)]` (the attribute through the end of
/// the item: its `;`, or the `}` matching its first `{`).
fn without_test_items(code: &str) -> String {
    const MARK: &str = "#[cfg(test)]";
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find(MARK) {
        out.push_str(&rest[..at]);
        let item = &rest[at..];
        let mut depth = 0usize;
        let mut end = item.len();
        for (i, c) in item.char_indices().skip(MARK.len()) {
            match c {
                '{' => depth += 1,
                '}' if depth == 1 => {
                    end = i + 1;
                    break;
                }
                '}' => depth = depth.saturating_sub(1),
                ';' if depth == 0 => {
                    end = i + 1;
                    break;
                }
                _ => {}
            }
        }
        // Keep the line count so later line numbers stay right.
        out.extend(item[..end].chars().filter(|&c| c == '\n'));
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

/// Every `crate::NAME…` path: its offset, the top-level module NAME and the path as
/// written. A group (`crate::{a::X, b}`) gives one entry per member.
fn crate_paths(code: &str) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue; // `$crate::`, `my_crate::`
        }
        let after = &code[at + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            let body = &group[..matching_brace(group)];
            for member in split_top_level(body) {
                let name = leading_ident(member.trim());
                if !name.is_empty() {
                    out.push((at, name.to_string(), format!("crate::{}", member.trim())));
                }
            }
        } else {
            let name = leading_ident(after);
            let path_len = after.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(after.len());
            out.push((at, name.to_string(), format!("crate::{}", &after[..path_len])));
        }
    }
    out
}

/// Length of `s` up to the `}` closing a group whose `{` was just before it.
fn matching_brace(s: &str) -> usize {
    let mut depth = 1usize;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    s.len()
}

fn split_top_level(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

fn leading_ident(s: &str) -> &str {
    let end = s.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(s.len());
    &s[..end]
}

/// Each cycle once (by its set of modules), as a closed path `a -> b -> … -> a`, the
/// shortest through its first edge.
fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    let mut seen: BTreeSet<BTreeSet<String>> = BTreeSet::new();
    let mut out = Vec::new();
    for (from, targets) in graph {
        for to in targets.keys() {
            let Some(back) = shortest_path(graph, to, from) else { continue };
            let mut cycle = vec![from.clone()];
            cycle.extend(back);
            if seen.insert(cycle.iter().cloned().collect()) {
                out.push(cycle);
            }
        }
    }
    out
}

/// The shortest path `start … goal` (both included), breadth first.
fn shortest_path(graph: &Graph, start: &str, goal: &str) -> Option<Vec<String>> {
    let mut parent: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = VecDeque::from([start]);
    let mut visited = BTreeSet::from([start]);
    while let Some(node) = queue.pop_front() {
        if node == goal {
            let mut path = vec![goal.to_string()];
            let mut at = goal;
            while let Some(&p) = parent.get(at) {
                path.push(p.to_string());
                at = p;
            }
            path.reverse();
            return Some(path);
        }
        for next in graph.get(node).into_iter().flat_map(|t| t.keys()) {
            if visited.insert(next.as_str()) {
                parent.insert(next.as_str(), node);
                queue.push_back(next.as_str());
            }
        }
    }
    None
}

// The reader of the source must itself be right, or the graph above means nothing.

#[test]
fn comments_strings_and_test_items_are_not_uses() {
    let code = r##"
use crate::model::Article; // crate::ui in a comment
/* crate::app::App */
let s = "crate::store::Store";
let r = r#"crate::export"#;
let c = '"'; let l: &'static str = "x";
use crate::{sanitize::line, text::{quotes, sentences}};
#[cfg(test)]
mod tests {
    use crate::ingest::from_plain_text;
    fn f() { if true { } }
}
fn after() { crate::align::run(); }
"##;
    let found: Vec<(String, usize)> = {
        let clean = without_test_items(&code_only(code));
        crate_paths(&clean)
            .into_iter()
            .map(|(at, m, _)| (m, clean[..at].matches('\n').count() + 1))
            .collect()
    };
    let names: Vec<(&str, usize)> = found.iter().map(|(m, l)| (m.as_str(), *l)).collect();
    assert_eq!(names, [("model", 2), ("sanitize", 7), ("text", 7), ("align", 13)]);
}

#[test]
fn a_cycle_is_found_and_named() {
    let mut graph = Graph::new();
    let use_at = || vec![Use { file: PathBuf::from("src/x.rs"), line: 1, path: String::new() }];
    for (from, to) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] {
        graph.entry(from.into()).or_default().insert(to.into(), use_at());
    }
    assert_eq!(cycles(&graph), [["a", "b", "c", "a"]]);
    graph.get_mut("c").unwrap().remove("a");
    assert!(cycles(&graph).is_empty());
}
