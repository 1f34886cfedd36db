#![cfg(not(target_arch = "wasm32"))]
//! The hazard log (`safety/hazards.json`), checked and rendered to
//! `docs/hazard-log.md`.
//!
//! Fails when a control names a test that does not exist (a Rust `#[test]` or
//! `#[wasm_bindgen_test]` function of that name in that file, or a node
//! `test('…')` of that name in that `.mjs` file; a name built from a template
//! literal matches what the template can produce), when a hazard has no
//! automated control with an existing test, when a risk is not the one the
//! matrix gives, when a residual risk is undesirable without a written reason
//! or unacceptable, when one of the hazards the safety file must cover is
//! missing, and when `docs/hazard-log.md` is stale
//! (`UPDATE_SNAPSHOTS=1 cargo test --test hazards` rewrites it).
//!
//! A test marked `"pending": true` may not exist yet (it is being written):
//! that is a warning on stderr, not a failure, and the control does not count
//! as verified until the test exists.

#[path = "../safety/support.rs"]
#[allow(dead_code)]
mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

use serde::Deserialize;
use support::TestFn;

const DATA: &str = "safety/hazards.json";
const DOC: &str = "docs/hazard-log.md";

/// The hazards the safety file must always cover (the list).
const REQUIRED: &[&str] = &[
    "wrong-verdict",
    "stale-or-wrong-citation",
    "missing-condition",
    "lost-or-misread-input",
    "case-link-opens-another-case",
    "identifiers-leave-the-device",
    "stale-cached-version",
    "misleading-family-sheet",
    "unreadable-printed-sheet",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Log {
    about: String,
    severity: BTreeMap<u8, String>,
    likelihood: BTreeMap<u8, String>,
    risk: BTreeMap<u8, String>,
    risk_matrix: Matrix,
    hazards: Vec<Hazard>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Matrix {
    about: String,
    /// Likelihood → the risk for severities 1 to 5.
    rows: BTreeMap<u8, Vec<u8>>,
}

impl Matrix {
    fn risk(&self, likelihood: u8, severity: u8) -> Option<u8> {
        self.rows.get(&likelihood)?.get(usize::from(severity).checked_sub(1)?).copied()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Hazard {
    id: String,
    key: String,
    title: String,
    cause: String,
    effect: String,
    severity: u8,
    likelihood_before: u8,
    likelihood_after: u8,
    risk_before: u8,
    risk_after: u8,
    #[serde(default)]
    residual: Option<String>,
    controls: Vec<Control>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Control {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    description: String,
    tests: Vec<TestRef>,
}

#[derive(Deserialize, Clone)]
#[serde(untagged)]
enum TestRef {
    Name(String),
    Pending {
        name: String,
        #[allow(dead_code)]
        pending: bool,
    },
}

impl TestRef {
    fn name(&self) -> &str {
        match self {
            TestRef::Name(n) | TestRef::Pending { name: n, .. } => n,
        }
    }

    fn pending(&self) -> bool {
        matches!(self, TestRef::Pending { pending: true, .. })
    }

    /// `(file, test name)`.
    fn split(&self) -> Option<(&str, &str)> {
        self.name().split_once("::")
    }
}

fn log() -> Log {
    let path = root().join(DATA);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{DATA}: {e}"))
}

/// The test a reference names, if it exists.
fn find<'a>(tests: &'a [TestFn], r: &TestRef) -> Option<&'a TestFn> {
    let (file, name) = r.split()?;
    tests.iter().find(|t| t.answers_to(file, name))
}

/// Where a test runs in `scripts/test.sh`.
fn stage(file: &str) -> &'static str {
    if file.starts_with("tests/e2e/") {
        "e2e"
    } else if file == "tests/web.rs" {
        "browser"
    } else {
        "native"
    }
}

fn fail_if(problems: Vec<String>, what: &str) {
    assert!(problems.is_empty(), "{what} ({}):\n  {}", problems.len(), problems.join("\n  "));
}

#[test]
fn every_test_a_control_names_exists() {
    let log = log();
    let tests = support::index(&root());
    let mut problems = Vec::new();
    for h in &log.hazards {
        for c in &h.controls {
            for r in &c.tests {
                let Some((file, _)) = r.split() else {
                    problems.push(format!("{}: {:?} is not file::test", c.id, r.name()));
                    continue;
                };
                match (find(&tests, r), r.pending()) {
                    (Some(_), false) => {}
                    (Some(_), true) => {
                        eprintln!("warning: {}: {} now exists; remove \"pending\"", c.id, r.name())
                    }
                    (None, true) => {
                        eprintln!("warning: {}: pending test not written yet: {}", c.id, r.name())
                    }
                    (None, false) if !root().join(file).is_file() => {
                        problems.push(format!("{}: no file {file} (for {})", c.id, r.name()))
                    }
                    (None, false) => problems.push(format!("{}: no test {}", c.id, r.name())),
                }
            }
        }
    }
    fail_if(problems, &format!("{DATA} names tests that do not exist"));
}

#[test]
fn every_hazard_has_an_automated_control_with_a_test() {
    let log = log();
    let tests = support::index(&root());
    let mut problems = Vec::new();
    for h in &log.hazards {
        let verified = h
            .controls
            .iter()
            .filter(|c| c.kind == "automated")
            .any(|c| c.tests.iter().any(|r| !r.pending() && find(&tests, r).is_some()));
        if !verified {
            problems.push(format!("{} {}: no automated control with an existing test", h.id, h.key));
        }
        for c in &h.controls {
            match (c.kind.as_str(), c.tests.is_empty()) {
                ("automated", false) | ("procedural", true) => {}
                ("automated", true) => problems.push(format!("{}: automated, but names no test", c.id)),
                ("procedural", false) => {
                    problems.push(format!("{}: procedural, but names tests: make it automated", c.id))
                }
                (other, _) => {
                    problems.push(format!("{}: type {other:?} is not automated or procedural", c.id))
                }
            }
            if c.description.trim().len() < 20 {
                problems.push(format!("{}: describe the control", c.id));
            }
        }
    }
    fail_if(problems, "hazards without a verified control");
}

#[test]
fn the_log_is_complete_and_its_risks_follow_the_matrix() {
    let log = log();
    let mut problems = Vec::new();
    for scale in [&log.severity, &log.likelihood, &log.risk] {
        if scale.keys().copied().collect::<Vec<_>>() != [1, 2, 3, 4, 5] {
            problems.push(format!("a scale must have words for 1 to 5: {:?}", scale.keys()));
        }
    }
    for l in 1..=5 {
        if log.risk_matrix.rows.get(&l).is_none_or(|r| r.len() != 5 || r.iter().any(|v| !(1..=5).contains(v)))
        {
            problems.push(format!("risk_matrix row {l} needs 5 risks from 1 to 5"));
        }
    }
    let keys: BTreeSet<&str> = log.hazards.iter().map(|h| h.key.as_str()).collect();
    for k in REQUIRED {
        if !keys.contains(k) {
            problems.push(format!("no hazard {k:?}"));
        }
    }
    let mut ids = BTreeSet::new();
    for h in &log.hazards {
        if !ids.insert(h.id.as_str()) || !ids.insert(h.key.as_str()) {
            problems.push(format!("{} {}: id or key used twice", h.id, h.key));
        }
        for (what, text) in [("title", &h.title), ("cause", &h.cause), ("effect", &h.effect)] {
            if text.trim().len() < 10 {
                problems.push(format!("{}: {what} is empty", h.id));
            }
        }
        for (what, v) in [
            ("severity", h.severity),
            ("likelihood_before", h.likelihood_before),
            ("likelihood_after", h.likelihood_after),
        ] {
            if !(1..=5).contains(&v) {
                problems.push(format!("{}: {what} {v} is not 1 to 5", h.id));
            }
        }
        for (what, l, stated) in
            [("before", h.likelihood_before, h.risk_before), ("after", h.likelihood_after, h.risk_after)]
        {
            let risk = log.risk_matrix.risk(l, h.severity);
            if risk != Some(stated) {
                problems.push(format!(
                    "{}: risk {what} is {stated}, but the matrix gives {risk:?} for likelihood {l}, severity {}",
                    h.id, h.severity
                ));
            }
        }
        if h.likelihood_after > h.likelihood_before || h.risk_after > h.risk_before {
            problems.push(format!("{}: controls cannot raise the risk", h.id));
        }
        if h.risk_after >= 4 {
            problems.push(format!("{}: residual risk {} is unacceptable", h.id, h.risk_after));
        }
        if h.risk_after >= 3 && h.residual.as_deref().is_none_or(|r| r.trim().len() < 40) {
            problems
                .push(format!("{}: residual risk {} needs a written reason (residual)", h.id, h.risk_after));
        }
        let mut cids = BTreeSet::new();
        for c in &h.controls {
            if !cids.insert(c.id.as_str()) || !c.id.starts_with(&format!("{}.", h.id)) {
                problems
                    .push(format!("{}: control id {} must be unique and start with {}.", h.id, c.id, h.id));
            }
        }
    }
    fail_if(problems, &format!("{DATA} is inconsistent"));
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn render(log: &Log, tests: &[TestFn]) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# Hazard log\n");
    let _ = writeln!(
        o,
        "Generated by `tests/hazards.rs` from `{DATA}`. Do not edit: change the data and run \
         `UPDATE_SNAPSHOTS=1 cargo test --test hazards`; `cargo test` fails while this file is \
         stale, and whenever a control names a test that does not exist.\n"
    );
    let _ = writeln!(o, "{}\n", log.about);
    let automated: usize =
        log.hazards.iter().flat_map(|h| &h.controls).filter(|c| c.kind == "automated").count();
    let controls: usize = log.hazards.iter().map(|h| h.controls.len()).sum();
    let refs: BTreeSet<&str> =
        log.hazards.iter().flat_map(|h| &h.controls).flat_map(|c| &c.tests).map(TestRef::name).collect();
    let _ = writeln!(
        o,
        "{} hazards; {controls} controls ({automated} automated, {} procedural); {} distinct tests named.\n",
        log.hazards.len(),
        controls - automated,
        refs.len()
    );

    let _ = writeln!(o, "## Summary\n");
    let _ = writeln!(
        o,
        "| id | hazard | severity | risk before | risk after | controls |\n|---|---|---|---|---|---|"
    );
    for h in &log.hazards {
        let n_auto = h.controls.iter().filter(|c| c.kind == "automated").count();
        let _ = writeln!(
            o,
            "| [{}](#{}) | {} | {} | {} | {} | {} automated, {} procedural |",
            h.id,
            h.id.to_lowercase(),
            cell(&h.title),
            h.severity,
            h.risk_before,
            h.risk_after,
            n_auto,
            h.controls.len() - n_auto
        );
    }

    let _ = writeln!(o, "\n## Scales\n");
    let _ = writeln!(o, "| | severity | likelihood | risk |\n|---|---|---|---|");
    for k in 1..=5u8 {
        let w = |m: &BTreeMap<u8, String>| m.get(&k).cloned().unwrap_or_default();
        let _ = writeln!(o, "| {k} | {} | {} | {} |", w(&log.severity), w(&log.likelihood), w(&log.risk));
    }
    let _ = writeln!(o, "\n{}\n", log.risk_matrix.about);
    let _ = writeln!(o, "| likelihood \\ severity | 1 | 2 | 3 | 4 | 5 |\n|---|---|---|---|---|---|");
    for l in (1..=5u8).rev() {
        let row = log.risk_matrix.rows.get(&l).cloned().unwrap_or_default();
        let _ = writeln!(o, "| {l} | {} |", row.iter().map(u8::to_string).collect::<Vec<_>>().join(" | "));
    }

    for h in &log.hazards {
        let _ = writeln!(o, "\n## {}\n", h.id);
        let _ = writeln!(o, "**{}** (`{}`)\n", h.title, h.key);
        let _ = writeln!(o, "- **Cause:** {}", h.cause);
        let _ = writeln!(o, "- **Effect:** {}", h.effect);
        let word = |m: &BTreeMap<u8, String>, k: u8| {
            m.get(&k).map(|s| s.split(':').next().unwrap_or("").to_string()).unwrap_or_default()
        };
        let _ = writeln!(o, "- **Severity:** {} ({})", h.severity, word(&log.severity, h.severity));
        let _ = writeln!(
            o,
            "- **Before controls:** likelihood {} ({}), risk {} ({})",
            h.likelihood_before,
            word(&log.likelihood, h.likelihood_before),
            h.risk_before,
            word(&log.risk, h.risk_before)
        );
        let _ = writeln!(
            o,
            "- **After controls:** likelihood {} ({}), risk {} ({})",
            h.likelihood_after,
            word(&log.likelihood, h.likelihood_after),
            h.risk_after,
            word(&log.risk, h.risk_after)
        );
        if let Some(r) = &h.residual {
            let _ = writeln!(o, "- **Residual risk:** {r}");
        }
        let _ = writeln!(o, "\n| control | type | what it does | verified by |\n|---|---|---|---|");
        for c in &h.controls {
            let verified = if c.tests.is_empty() {
                "procedural: no automated test".to_string()
            } else {
                c.tests
                    .iter()
                    .map(|r| {
                        let (file, _) = r.split().unwrap_or(("", ""));
                        let status = match (find(tests, r), r.pending()) {
                            (Some(_), _) => format!(" ({})", stage(file)),
                            (None, _) => " (**pending: not written yet**)".to_string(),
                        };
                        format!("`{}`{status}", r.name())
                    })
                    .collect::<Vec<_>>()
                    .join("<br>")
            };
            let _ = writeln!(o, "| {} | {} | {} | {} |", c.id, c.kind, cell(&c.description), cell(&verified));
        }
    }

    let _ = writeln!(o, "\n## Tests and the controls they verify\n");
    let _ = writeln!(
        o,
        "Stage: where `bash scripts/test.sh` runs the test (native: `cargo test`; browser: \
         `cargo test --target wasm32-unknown-unknown` in headless Chromium; e2e: `node --test \
         tests/e2e/` against the release build).\n"
    );
    let _ = writeln!(o, "| test | stage | controls |\n|---|---|---|");
    let mut by_test: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for h in &log.hazards {
        for c in &h.controls {
            for r in &c.tests {
                by_test.entry(r.name()).or_default().push(c.id.as_str());
            }
        }
    }
    for (name, cs) in by_test {
        let file = name.split_once("::").map(|(f, _)| f).unwrap_or("");
        let _ = writeln!(o, "| `{}` | {} | {} |", cell(name), stage(file), cs.join(", "));
    }
    o
}

#[test]
fn docs_hazard_log_md_is_current() {
    let tests = support::index(&root());
    support::check_generated(&root(), DOC, "hazards", &render(&log(), &tests));
}
