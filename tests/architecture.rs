//! The core never touches the browser: every module outside `src/ui` (and the
//! `main.rs` entry point) names no yew, web-sys, gloo, wasm-bindgen or js-sys,
//! so it compiles and is tested natively (ARCHITECTURE.md, invariants).

use std::fs;
use std::path::{Path, PathBuf};

const BROWSER: &[&str] = &["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "ui") {
                rust_files(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "rs") && p.file_name().is_some_and(|n| n != "main.rs") {
            out.push(p);
        }
    }
}

/// The code of a line, without a `//` comment.
fn code(line: &str) -> &str {
    line.split("//").next().unwrap_or("")
}

/// Whether `word` appears in `text` as a whole identifier.
fn names(text: &str, word: &str) -> bool {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(ident) && !after.is_some_and(ident)
    })
}

#[test]
fn the_core_names_no_browser_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.len() > 10, "found the core's files: {files:?}");
    let mut found = Vec::new();
    for f in &files {
        let text = fs::read_to_string(f).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            for word in BROWSER {
                if names(code(line), word) {
                    found.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "browser crates named in the core:\n{}", found.join("\n"));
}

#[test]
fn the_check_sees_a_browser_crate() {
    assert!(names("use yew::prelude::*;", "yew"));
    assert!(names("let w = web_sys::window();", "web_sys"));
    assert!(!names("let yewish = 1;", "yew"));
    assert!(!names(code("// yew renders this"), "yew"));
}
