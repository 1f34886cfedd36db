//! Shared by the safety file's tests (`tests/traceability.rs`,
//! `tests/hazards.rs`, `tests/third_party.rs`), which include it with
//! `#[path = "../safety/support.rs"] mod support;`:
//!
//! - [`index`]: the project's automated tests, read from their sources, to
//!   find which tests name an app item and whether a named test exists;
//! - [`check_generated`]: a generated document compared with the committed
//!   one, or rewritten with `UPDATE_SNAPSHOTS=1`.
//!
//! Read, not run: Rust `#[test]` and `#[wasm_bindgen_test]` functions in
//! `src/**/*.rs` and `tests/*.rs`, and node `test('…')` calls in
//! `tests/e2e/*.test.mjs`. Written for rustfmt-formatted Rust and this
//! project's JavaScript style: an item ends at the first line at its own
//! indentation that closes it (`}`, `};`, `];`, `});`).

use std::path::{Path, PathBuf};

/// One test, as its source declares it.
#[derive(Clone, Debug)]
pub struct TestFn {
    /// Path from the repository root, with `/`.
    pub file: String,
    /// The function name, or the node test's name as written (a template
    /// literal keeps its `${…}` parts).
    pub name: String,
    /// The test's own source, then the source of every helper of the same
    /// file that it uses, directly or through other helpers. In `src/`, only
    /// the items of the file's `#[cfg(test)]` module count as helpers.
    pub text: String,
    /// The test's own source alone.
    pub own: String,
    /// The whole file.
    pub source: String,
}

impl TestFn {
    /// `file::name`, as the safety file names a test.
    pub fn full_name(&self) -> String {
        format!("{}::{}", self.file, self.name)
    }

    /// Whether a named test is this one: the same file and the same name, or
    /// for a node test named by a template literal, a name the template can
    /// produce with values found in the test's source.
    pub fn answers_to(&self, file: &str, name: &str) -> bool {
        self.file == file && (self.name == name || template_matches_in(&self.name, name, &self.source))
    }
}

/// An item of a source file: a function, const or static (Rust), or a
/// top-level const, let or function (JavaScript).
struct Item {
    name: String,
    text: String,
    test_name: Option<String>,
}

/// Every test of the repository at `root`, in file order.
pub fn index(root: &Path) -> Vec<TestFn> {
    let mut out = Vec::new();
    let mut rust = Vec::new();
    collect(&root.join("src"), "rs", &mut rust);
    collect_flat(&root.join("tests"), ".rs", &mut rust);
    rust.sort();
    for path in rust {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let file = rel(root, &path);
        // In a source file, only its test module holds tests and their helpers.
        let text = match (file.starts_with("src/"), text.find("#[cfg(test)]")) {
            (true, Some(i)) => &text[i..],
            (true, None) => "",
            (false, _) => text.as_str(),
        };
        out.extend(tests_of(&file, text, rust_items(text)));
    }
    let mut node = Vec::new();
    collect_flat(&root.join("tests").join("e2e"), ".test.mjs", &mut node);
    node.sort();
    for path in node {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        out.extend(tests_of(&rel(root, &path), &text, js_items(&text)));
    }
    out
}

fn rel(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

fn collect(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, ext, out);
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
}

fn collect_flat(dir: &Path, suffix: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_file() && p.file_name().is_some_and(|n| n.to_string_lossy().ends_with(suffix)) {
            out.push(p);
        }
    }
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// The identifier at the start of `s`.
fn ident(s: &str) -> String {
    s.chars().take_while(|c| is_ident(*c)).collect()
}

/// Whether `word` occurs in `text` as a whole identifier.
pub fn has_word(text: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let at = from + i;
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        if !before.is_some_and(is_ident) && !after.is_some_and(is_ident) {
            return true;
        }
        from = at + word.len();
    }
    false
}

/// The end (exclusive line index) of an item starting at `start`. With
/// `dedent`, a line back at the item's indentation that does not close it
/// starts the next statement (JavaScript arrow functions without braces).
fn item_end(lines: &[&str], start: usize, closers: &[&str], dedent: bool) -> usize {
    let first = lines[start].trim_end();
    if first.ends_with(';') || (first.ends_with('}') && first.contains('{') && !first.ends_with("{}")) {
        // One line: `const X: &str = "…";`, `fn f() { … }`.
        let opens = first.matches(['{', '[', '(']).count();
        let closes = first.matches(['}', ']', ')']).count();
        if opens == closes {
            return start + 1;
        }
    }
    let ind = indent(lines[start]);
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        let t = line.trim_end();
        if indent(t) == ind && closers.contains(&t.trim_start()) {
            return i + 1;
        }
        if dedent && !t.trim().is_empty() && indent(t) <= ind {
            return i;
        }
    }
    lines.len()
}

fn rust_items(src: &str) -> Vec<Item> {
    let lines: Vec<&str> = src.lines().collect();
    let mut items = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        let mut rest = t;
        for prefix in ["pub(crate) ", "pub(super) ", "pub "] {
            rest = rest.strip_prefix(prefix).unwrap_or(rest);
        }
        rest = rest.strip_prefix("async ").unwrap_or(rest);
        let name = ["fn ", "const ", "static "].iter().find_map(|k| rest.strip_prefix(k)).map(ident);
        let Some(name) = name.filter(|n| !n.is_empty()) else { continue };
        let end = item_end(&lines, i, &["}", "};", "];", ")", ");"], false);
        // Attributes and doc comments above it.
        let mut is_test = false;
        for above in lines[..i].iter().rev() {
            let a = above.trim();
            if a.starts_with("#[") {
                is_test |= a == "#[test]" || a.starts_with("#[wasm_bindgen_test") || a.ends_with("::test]");
            } else if !(a.starts_with("///") || a.starts_with("//!")) {
                break;
            }
        }
        let text = lines[i..end].join("\n");
        items.push(Item { test_name: is_test.then(|| name.clone()), name, text });
    }
    items
}

/// The string literal at the start of `s` (quote included), unescaped enough
/// for a name.
fn js_string(s: &str) -> Option<String> {
    let q = s.chars().next().filter(|c| matches!(c, '\'' | '"' | '`'))?;
    let mut out = String::new();
    let mut chars = s[1..].chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(chars.next()?),
            c if c == q => return Some(out),
            c => out.push(c),
        }
    }
    None
}

fn js_items(src: &str) -> Vec<Item> {
    let lines: Vec<&str> = src.lines().collect();
    let mut items = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        if let Some(call) = t.strip_prefix("test(") {
            let Some(name) = js_string(call) else { continue };
            let end = item_end(&lines, i, &["});"], false);
            items.push(Item { name: String::new(), text: lines[i..end].join("\n"), test_name: Some(name) });
            continue;
        }
        if indent(line) != 0 {
            continue;
        }
        let rest = t.strip_prefix("export ").unwrap_or(t);
        let rest = rest.strip_prefix("async ").unwrap_or(rest);
        let name = ["const ", "let ", "function "].iter().find_map(|k| rest.strip_prefix(k)).map(ident);
        let Some(name) = name.filter(|n| !n.is_empty()) else { continue };
        let end = item_end(&lines, i, &["}", "};", "];", "});", ")", ");"], true);
        items.push(Item { name, text: lines[i..end].join("\n"), test_name: None });
    }
    items
}

/// The tests among a file's items, each with the helpers it uses.
fn tests_of(file: &str, source: &str, items: Vec<Item>) -> Vec<TestFn> {
    let mut out = Vec::new();
    for (ti, t) in items.iter().enumerate() {
        let Some(name) = &t.test_name else { continue };
        let mut used = vec![ti];
        let mut k = 0;
        while k < used.len() {
            let text = &items[used[k]].text;
            for (j, it) in items.iter().enumerate() {
                if it.test_name.is_none() && !used.contains(&j) && has_word(text, &it.name) {
                    used.push(j);
                }
            }
            k += 1;
        }
        let text = used.iter().map(|&j| items[j].text.as_str()).collect::<Vec<_>>().join("\n");
        out.push(TestFn {
            file: file.to_string(),
            name: name.clone(),
            text,
            own: t.text.clone(),
            source: source.to_string(),
        });
    }
    out
}

/// The values a template literal's `${…}` parts take to produce `name`, if
/// it can produce it (each part matched as short as possible).
pub fn template_values(template: &str, name: &str) -> Option<Vec<String>> {
    if !template.contains("${") {
        return None;
    }
    // The literal parts around each `${…}`.
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.find("${") {
        parts.push(&rest[..i]);
        let j = rest[i..].find('}')?;
        rest = &rest[i + j + 1..];
    }
    parts.push(rest);
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if name.len() < first.len() + last.len() || !name.starts_with(first) || !name.ends_with(last) {
        return None;
    }
    let body = &name[first.len()..name.len() - last.len()];
    let mut values = Vec::new();
    let mut pos = 0;
    for p in &parts[1..parts.len() - 1] {
        let i = if p.is_empty() { None } else { body[pos..].find(p) }?;
        values.push(body[pos..pos + i].to_string());
        pos += i + p.len();
    }
    values.push(body[pos..].to_string());
    Some(values)
}

/// Whether `name` is a name the template literal `template` can produce
/// with values that its test's source holds (so `axe: nope at …` is not a
/// name of `axe: ${name} at …` unless `nope` is one of the states).
pub fn template_matches_in(template: &str, name: &str, source: &str) -> bool {
    template_values(template, name)
        .is_some_and(|vs| vs.iter().all(|v| !v.is_empty() && source.contains(v.as_str())))
}

/// Compares a generated document with the committed one at `root/rel`, or
/// writes it when UPDATE_SNAPSHOTS=1. `test` is the test target that makes it.
pub fn check_generated(root: &Path, rel: &str, test: &str, actual: &str) {
    let path = root.join(rel);
    if std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1") {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        }
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        eprintln!("wrote {rel}");
        return;
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    if stored != actual {
        let line = stored
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(stored.lines().count().min(actual.lines().count()));
        panic!(
            "{rel} is stale: run UPDATE_SNAPSHOTS=1 cargo test --test {test}\n\
             (first difference at line {}:\n  committed: {}\n  generated: {})",
            line + 1,
            stored.lines().nth(line).unwrap_or("<end>"),
            actual.lines().nth(line).unwrap_or("<end>")
        );
    }
}
