#![cfg(not(target_arch = "wasm32"))]
//! The third-party components (SOUP, in IEC 62304's words): every package of
//! `Cargo.lock` and `tests/e2e/package-lock.json` with its version, and the
//! pinned build tools of `scripts/setup.sh`, written to `docs/third-party.md`.
//! `UPDATE_SNAPSHOTS=1 cargo test --test third_party` rewrites it; otherwise
//! the test fails while it is stale.

#[path = "../safety/support.rs"]
#[allow(dead_code)]
mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

const DOC: &str = "docs/third-party.md";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    let path = root().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[derive(Debug, Default, Clone)]
struct Crate {
    name: String,
    version: String,
    source: String,
    /// `name` or `name version` as Cargo.lock writes them.
    dependencies: Vec<String>,
}

/// The `[[package]]` entries of a Cargo.lock.
fn cargo_lock(text: &str) -> Vec<Crate> {
    let mut out: Vec<Crate> = Vec::new();
    let mut in_deps = false;
    for line in text.lines() {
        let t = line.trim();
        if t == "[[package]]" {
            out.push(Crate::default());
            in_deps = false;
            continue;
        }
        let Some(c) = out.last_mut() else { continue };
        if in_deps {
            if t == "]" {
                in_deps = false;
            } else {
                c.dependencies.push(t.trim_end_matches(',').trim_matches('"').to_string());
            }
            continue;
        }
        let value = |key: &str| {
            t.strip_prefix(key)
                .and_then(|r| r.trim_start().strip_prefix('='))
                .map(|v| v.trim().trim_matches('"').to_string())
        };
        if let Some(v) = value("name") {
            c.name = v;
        } else if let Some(v) = value("version") {
            c.version = v;
        } else if let Some(v) = value("source") {
            c.source = v;
        } else if t.starts_with("dependencies = [") {
            in_deps = !t.ends_with(']');
            if !in_deps {
                let inner = t.trim_start_matches("dependencies = [").trim_end_matches(']');
                c.dependencies.extend(
                    inner
                        .split(',')
                        .map(|d| d.trim().trim_matches('"').to_string())
                        .filter(|d| !d.is_empty()),
                );
            }
        }
    }
    out
}

/// The names in one `[section]` of Cargo.toml.
fn toml_section_keys(text: &str, section: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut inside = false;
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            inside = t == section;
            continue;
        }
        if inside && !t.starts_with('#') && !t.starts_with(' ') {
            if let Some((k, _)) = t.split_once('=') {
                let k = k.trim();
                if !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                    out.insert(k.to_string());
                }
            }
        }
    }
    out
}

/// Every crate reachable from `roots` (by name, or name and version).
fn reachable(crates: &[Crate], roots: &BTreeSet<String>) -> BTreeSet<(String, String)> {
    let find = |dep: &str| -> Option<&Crate> {
        let mut parts = dep.split_whitespace();
        let name = parts.next()?;
        let version = parts.next();
        crates.iter().find(|c| c.name == name && version.is_none_or(|v| v == c.version))
    };
    let mut seen = BTreeSet::new();
    let mut todo: Vec<&Crate> = roots.iter().filter_map(|r| find(r)).collect();
    while let Some(c) = todo.pop() {
        if seen.insert((c.name.clone(), c.version.clone())) {
            todo.extend(c.dependencies.iter().filter_map(|d| find(d)));
        }
    }
    seen
}

fn source_label(s: &str) -> &str {
    if s.starts_with("registry+https://github.com/rust-lang/crates.io-index") {
        "crates.io"
    } else if s.is_empty() {
        "this repository"
    } else {
        s
    }
}

/// `VAR=value` lines of a shell script.
fn shell_vars(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|l| l.trim().split_once('='))
        .filter(|(k, _)| k.chars().all(|c| c.is_ascii_uppercase() || c == '_') && !k.is_empty())
        .map(|(k, v)| (k.to_string(), v.trim_matches('"').to_string()))
        .collect()
}

fn render() -> String {
    let lock = read("Cargo.lock");
    let manifest = read("Cargo.toml");
    let crates = cargo_lock(&lock);
    let package_name = manifest
        .lines()
        .find_map(|l| l.trim().strip_prefix("name = ").map(|v| v.trim_matches('"').to_string()))
        .unwrap_or_default();
    let app_roots = toml_section_keys(&manifest, "[dependencies]");
    let app = reachable(&crates, &app_roots);
    let third: Vec<&Crate> = crates.iter().filter(|c| c.name != package_name).collect();
    let direct_all: BTreeSet<String> = crates
        .iter()
        .filter(|c| c.name == package_name)
        .flat_map(|c| c.dependencies.iter().map(|d| d.split_whitespace().next().unwrap_or("").to_string()))
        .collect();

    let npm: serde_json::Value = serde_json::from_str(&read("tests/e2e/package-lock.json"))
        .unwrap_or_else(|e| panic!("tests/e2e/package-lock.json: {e}"));
    let mut npm_rows = Vec::new();
    if let Some(pkgs) = npm.get("packages").and_then(|p| p.as_object()) {
        for (path, p) in pkgs {
            let Some(name) = path.rsplit("node_modules/").next().filter(|_| !path.is_empty()) else {
                continue;
            };
            let s = |k: &str| p.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
            let dev = p.get("dev").and_then(|v| v.as_bool()).unwrap_or(false);
            npm_rows.push((name.to_string(), s("version"), s("license"), dev));
        }
    }
    npm_rows.sort();

    let setup = shell_vars(&read("scripts/setup.sh"));
    let wasm_bindgen =
        crates.iter().find(|c| c.name == "wasm-bindgen").map(|c| c.version.clone()).unwrap_or_default();

    let mut o = String::new();
    let _ = writeln!(o, "# Third-party components\n");
    let _ = writeln!(
        o,
        "Generated by `tests/third_party.rs` from `Cargo.lock`, `Cargo.toml`, \
         `tests/e2e/package-lock.json` and `scripts/setup.sh`. Do not edit: \
         `UPDATE_SNAPSHOTS=1 cargo test --test third_party` rewrites it, and `cargo test` \
         fails while it is stale.\n"
    );
    let n_app = third.iter().filter(|c| app.contains(&(c.name.clone(), c.version.clone()))).count();
    let _ = writeln!(
        o,
        "{} Rust crates ({n_app} used by the app or its build, {} by tests only), {} npm packages \
         (end-to-end tests only), and the build tools below. Every crate and package is pinned \
         to one version by its lock file.\n",
        third.len(),
        third.len() - n_app,
        npm_rows.len()
    );
    let _ = writeln!(
        o,
        "**Used by** is worked out from the lock file's dependency graph: *app* means reachable \
         from the `[dependencies]` of `Cargo.toml`, so compiled into the WebAssembly bundle or \
         used to build it (procedural macros, build scripts; some only on other platforms); \
         *tests* means reachable only from the dev-dependencies. **Direct** marks a dependency \
         named in `Cargo.toml`.\n"
    );
    let _ = writeln!(o, "## Rust crates (Cargo.lock)\n");
    let _ = writeln!(o, "| crate | version | source | used by | direct |\n|---|---|---|---|---|");
    for c in &third {
        let used = if app.contains(&(c.name.clone(), c.version.clone())) { "app" } else { "tests" };
        let direct = if direct_all.contains(&c.name) { "yes" } else { "" };
        let _ =
            writeln!(o, "| {} | {} | {} | {used} | {direct} |", c.name, c.version, source_label(&c.source));
    }
    let _ = writeln!(o, "\n## npm packages (tests/e2e/package-lock.json)\n");
    let _ = writeln!(o, "| package | version | licence | used by |\n|---|---|---|---|");
    for (name, version, license, dev) in &npm_rows {
        let used = if *dev { "end-to-end tests" } else { "end-to-end tests (not dev-only)" };
        let _ = writeln!(o, "| {name} | {version} | {license} | {used} |");
    }
    let _ = writeln!(o, "\n## Build and test tools (scripts/setup.sh)\n");
    let _ = writeln!(o, "Installed by `scripts/setup.sh` at these versions; not part of the app.\n");
    let _ = writeln!(o, "| tool | version | what for |\n|---|---|---|");
    let v = |k: &str| setup.get(k).cloned().unwrap_or_else(|| "see scripts/setup.sh".into());
    let _ = writeln!(o, "| Trunk | {} | builds the WebAssembly bundle |", v("ECMO_TRUNK_VERSION"));
    let _ = writeln!(o, "| wasm-bindgen-cli | {wasm_bindgen} (the `wasm-bindgen` of Cargo.lock) | JavaScript bindings of the bundle; the browser test runner |");
    let _ = writeln!(
        o,
        "| binaryen (wasm-opt), from npm | {} | shrinks the release bundle |",
        v("ECMO_BINARYEN_VERSION")
    );
    let _ = writeln!(o, "| Debian `chromium`, `chromium-driver`, `poppler-utils` | the distribution's | browser and end-to-end tests, PDF page counts |");
    o
}

#[test]
fn cargo_lock_is_read_whole() {
    let lock = read("Cargo.lock");
    let crates = cargo_lock(&lock);
    assert_eq!(crates.len(), lock.matches("[[package]]").count());
    assert!(
        crates.iter().all(|c| !c.name.is_empty() && !c.version.is_empty()),
        "a package without name or version"
    );
    // The app's direct dependencies are all in the lock file and reach the app set.
    let manifest = read("Cargo.toml");
    let roots = toml_section_keys(&manifest, "[dependencies]");
    assert!(roots.contains("yew") && roots.contains("serde_json"), "{roots:?}");
    let app = reachable(&crates, &roots);
    for r in &roots {
        assert!(app.iter().any(|(n, _)| n == r), "{r} is not in Cargo.lock");
    }
}

#[test]
fn docs_third_party_md_is_current() {
    support::check_generated(&root(), DOC, "third_party", &render());
}
