#![cfg(not(target_arch = "wasm32"))]
//! The traceability matrix: every normative statement of the two guidances
//! (`safety/statements.json`) → the app items that carry it → the tests that
//! check those items. Built from the code and the test sources, never by
//! hand, and written to `docs/traceability.md`.
//!
//! The app items ("carriers") are read from the code's public tables: every
//! rule of `engine::TABLES`, every requirement, caution and note, the verdict
//! statements (recommendations, reasons, what a missing input is needed for,
//! not yet refractory), every section of the three family sheets over the
//! inputs that change their words, and each citation written directly in the
//! screen's code (`src/ui`).
//!
//! A statement is carried by an item that cites its paragraph and whose text
//! holds all of the statement's key phrases. The tests fail when a statement
//! is carried by nothing and gives no reason, when the inventory misquotes the
//! guidance or misses a paragraph or a must / should / could sentence, when
//! the app cites a paragraph the guidance does not have (or one whose every
//! statement the inventory says is not shown), when a rule has no test that
//! names it, and when `docs/traceability.md` is not what the code gives
//! (`UPDATE_SNAPSHOTS=1 cargo test --test traceability` rewrites it).

#[path = "../safety/support.rs"]
#[allow(dead_code)]
mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ecmo_aid::case_file;
use ecmo_aid::citation::{paragraph, Cite, Guidance};
use ecmo_aid::consent::{self, OutcomeFigure, Paragraph, SheetInputs, SheetKind};
use ecmo_aid::engine::{
    self, htg762, ipg808, scope, CautionSpec, NoteSpec, Reason, Recommendation, RequirementSpec, Verdict,
};
use ecmo_aid::examples::EXAMPLES;
use ecmo_aid::model::*;
use serde::Deserialize;
use support::TestFn;

const DOC: &str = "docs/traceability.md";
const DATA: &str = "safety/statements.json";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

// ------------------------------------------------------------ the inventory

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Inventory {
    #[allow(dead_code)]
    about: String,
    kinds: BTreeMap<String, String>,
    statements: Vec<Statement>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Statement {
    id: String,
    guidance: String,
    paragraph: String,
    kind: String,
    quote: String,
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    not_shown: Option<String>,
}

impl Statement {
    fn guidance(&self) -> Option<Guidance> {
        Guidance::ALL.into_iter().find(|g| g.code() == self.guidance)
    }

    /// The statement's paragraph as the app would cite it.
    fn cite(&self) -> Option<Cite> {
        let g = self.guidance()?;
        let para: &'static str = Box::leak(self.paragraph.clone().into_boxed_str());
        Some(Cite { guidance: g, para })
    }

    /// The paragraph's text, if the app's citation reader finds it.
    fn paragraph_text(&self) -> Option<String> {
        self.cite().and_then(paragraph)
    }
}

fn inventory() -> Inventory {
    let path = root().join(DATA);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{DATA}: {e}"))
}

/// Text as compared: markdown links dropped, white space folded, a hyphen
/// broken across lines joined, lower case.
fn norm(s: &str) -> String {
    let s = s.replace("](#)", "").replace('[', "");
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    folded.replace("- ", "-").to_lowercase()
}

// ------------------------------------------------------------- the carriers

/// How a test names an app item.
#[derive(Clone, Debug)]
enum Key {
    /// A dotted id (`ipg808.rosc`), as a whole token.
    Dotted(String),
    /// An id in quotes (`"ethics-approval"`, `'risks'`), or before `=`
    /// (`"ethics-approval=unknown"`); never a JSON key (`"pregnancy":`).
    Quoted(String),
    /// A Rust path (`RequirementId::EthicsApproval`, `scope::CHILD`); with a
    /// file, only there (`super::ROSC` in `src/engine/ipg808.rs`).
    Code(String, Option<String>),
}

fn id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

impl Key {
    fn word(&self) -> &str {
        match self {
            Key::Dotted(w) | Key::Quoted(w) | Key::Code(w, _) => w,
        }
    }

    /// Whether an occurrence of the key's word, between `before` and
    /// `after`, names the item.
    fn accepts(&self, before: Option<char>, after: &str) -> bool {
        match self {
            Key::Dotted(_) => !before.is_some_and(|c| id_char(c) || c == '.') && !after.starts_with(id_char),
            Key::Quoted(_) => {
                let Some(q) = before.filter(|c| matches!(c, '"' | '\'' | '`')) else { return false };
                let mut rest = after.chars();
                match rest.next() {
                    Some('=') => true,
                    Some(c) if c == q => rest.next() != Some(':'),
                    _ => false,
                }
            }
            Key::Code(..) => {
                let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
                !before.is_some_and(ident) && !after.starts_with(ident)
            }
        }
    }

    fn found_in(&self, t: &TestFn) -> bool {
        if let Key::Code(_, Some(file)) = self {
            if *file != t.file {
                return false;
            }
        }
        // The safety file's own tests build every carrier through shared
        // helpers: only what a test itself names counts.
        let text = if t.file.starts_with("tests/traceability.rs") || t.file.starts_with("tests/hazards.rs") {
            t.own.as_str()
        } else {
            t.text.as_str()
        };
        let word = self.word();
        let mut from = 0;
        while let Some(i) = text[from..].find(word) {
            let at = from + i;
            if self.accepts(text[..at].chars().next_back(), &text[at + word.len()..]) {
                return true;
            }
            from = at + word.len();
        }
        false
    }
}

/// Something the app shows that carries guidance: its text, its citations
/// and how tests name it.
struct Carrier {
    id: String,
    kind: &'static str,
    text: String,
    cites: BTreeSet<Cite>,
    keys: Vec<Key>,
}

impl Carrier {
    fn new(id: impl Into<String>, kind: &'static str, text: &str, cites: &[Cite], keys: Vec<Key>) -> Carrier {
        Carrier { id: id.into(), kind, text: text.to_string(), cites: cites.iter().copied().collect(), keys }
    }
}

/// `const NAME: Rule = Rule { id: "…"` in the engine's sources: the const
/// name and module of each rule id.
fn rule_consts() -> BTreeMap<String, (String, String)> {
    let mut out = BTreeMap::new();
    for (file, module) in [
        ("src/engine/mod.rs", "scope"),
        ("src/engine/ipg808.rs", "ipg808"),
        ("src/engine/htg762.rs", "htg762"),
    ] {
        let src = std::fs::read_to_string(root().join(file)).unwrap_or_default();
        let lines: Vec<&str> = src.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            let t = l.trim_start().trim_start_matches("pub ");
            let Some(rest) = t.strip_prefix("const ") else { continue };
            let Some((name, ty)) = rest.split_once(':') else { continue };
            if !ty.trim_start().starts_with("Rule =") {
                continue;
            }
            let id = lines[i + 1..]
                .iter()
                .take(3)
                .find_map(|l| l.trim().strip_prefix("id: \"").and_then(|r| r.split('"').next()));
            if let Some(id) = id {
                out.insert(id.to_string(), (module.to_string(), name.trim().to_string()));
            }
        }
    }
    out
}

fn rule_keys(id: &str, consts: &BTreeMap<String, (String, String)>) -> Vec<Key> {
    let mut keys = vec![Key::Dotted(id.to_string())];
    if let Some((module, name)) = consts.get(id) {
        keys.push(Key::Code(format!("{module}::{name}"), None));
        if module != "scope" {
            keys.push(Key::Code(format!("super::{name}"), Some(format!("src/engine/{module}.rs"))));
        }
    }
    keys
}

fn requirement_carriers(out: &mut Vec<Carrier>, set: &str, reqs: &[RequirementSpec]) {
    for r in reqs {
        let keys =
            vec![Key::Quoted(r.id.id().to_string()), Key::Code(format!("RequirementId::{:?}", r.id), None)];
        let text = format!("{}. {}", r.title, r.text);
        out.push(Carrier::new(
            format!("requirement {set}/{}", r.id.id()),
            "requirement",
            &text,
            r.cites,
            keys,
        ));
    }
}

fn caution_carrier(out: &mut Vec<Carrier>, path: &str, c: &CautionSpec) {
    let keys = vec![
        Key::Quoted(c.id.id().to_string()),
        Key::Code(format!("CautionId::{:?}", c.id), None),
        Key::Code(path.to_string(), None),
    ];
    let text = format!("{}. {}", c.title, c.text);
    out.push(Carrier::new(format!("caution {} ({path})", c.id.id()), "caution", &text, c.cites, keys));
}

fn note_carrier(out: &mut Vec<Carrier>, n: &NoteSpec) {
    out.push(Carrier::new(
        format!("note {}", n.id),
        "note",
        n.text,
        n.cites,
        vec![Key::Dotted(n.id.to_string())],
    ));
}

/// Case variants that between them reach every sentence of a sheet.
fn sheet_cases(kind: SheetKind) -> Vec<Assessment> {
    let base =
        EXAMPLES.iter().find(|e| e.verdict == kind.id()).map(|e| e.case().assessment).unwrap_or_default();
    let mut out = Vec::new();
    for pregnancy in [None, Some(Pregnancy::Pregnant)] {
        if kind.is_arrest() {
            for location in std::iter::once(None).chain(Location::ALL.iter().copied().map(Some)) {
                for rhythm in [None, Some(Rhythm::Vf), Some(Rhythm::Asystole)] {
                    for cause in std::iter::once(None).chain(Cause::ALL.iter().copied().map(Some)) {
                        for minutes in [10, 40] {
                            let mut a = base.clone();
                            a.patient.pregnancy = pregnancy;
                            a.arrest.location = location;
                            a.arrest.rhythm = rhythm;
                            a.arrest.cause = cause;
                            a.arrest.cpr_minutes = CprMinutes::new(minutes);
                            out.push(a);
                        }
                    }
                }
            }
        } else {
            for phase in std::iter::once(None).chain(Phase::ALL.iter().copied().map(Some)) {
                for medicines in [None, Some(true), Some(false)] {
                    for graft in [None, Some(true)] {
                        let mut a = base.clone();
                        a.patient.pregnancy = pregnancy;
                        a.surgery.phase = phase;
                        a.surgery.managed_with_medicines_alone = medicines;
                        a.surgery.graft_dysfunction_after_transplant = graft;
                        out.push(a);
                    }
                }
            }
        }
    }
    out
}

/// The generated words of a section: heading, text, list items and
/// captions; never what the clinician types.
fn section_words(s: &consent::Section) -> String {
    let mut out = vec![s.heading.to_string()];
    for p in &s.paragraphs {
        match p {
            Paragraph::Text(t) => out.push(t.clone()),
            Paragraph::Bullets(items) => out.extend(items.iter().cloned()),
            Paragraph::IconArray { caption, .. } => out.push(caption.clone()),
            Paragraph::WriteIn { .. } | Paragraph::Field { .. } => {}
        }
    }
    out.join("\n")
}

fn sheet_carriers(out: &mut Vec<Carrier>) {
    let figure = SheetInputs {
        outcome: OutcomeFigure { text: "40".into(), counts: "survived".into(), source: "audit".into() },
        ..SheetInputs::default()
    };
    for kind in SheetKind::ALL {
        // Section id → (heading, sentences in first-seen order, cites).
        let mut sections: Vec<(&'static str, Vec<String>, BTreeSet<Cite>)> = Vec::new();
        for a in sheet_cases(kind) {
            for inputs in [SheetInputs::default(), figure.clone()] {
                for s in consent::sheet(kind, &a, &inputs).sections {
                    let i = match sections.iter().position(|(id, ..)| *id == s.id) {
                        Some(i) => i,
                        None => {
                            sections.push((s.id, Vec::new(), BTreeSet::new()));
                            sections.len() - 1
                        }
                    };
                    let words = section_words(&s);
                    for line in words.lines() {
                        if !sections[i].1.iter().any(|l| l == line) {
                            sections[i].1.push(line.to_string());
                        }
                    }
                    sections[i].2.extend(s.cites.iter().copied());
                }
            }
        }
        for (id, lines, cites) in sections {
            out.push(Carrier {
                id: format!("sheet {}/{id}", kind.id()),
                kind: "sheet section",
                text: lines.join("\n"),
                cites,
                keys: vec![Key::Quoted(id.to_string())],
            });
        }
    }
}

/// `Cite::ipg("…")` and `Cite::htg("…")` written in a source, outside its
/// tests: (line number, line, cite).
fn literal_cites(src: &str) -> Vec<(usize, String, Cite)> {
    let code = src.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        for (pat, g) in [("Cite::ipg(\"", Guidance::Ipg808), ("Cite::htg(\"", Guidance::Htg762)] {
            let mut rest = line;
            while let Some(i) = rest.find(pat) {
                rest = &rest[i + pat.len()..];
                if let Some(end) = rest.find('"') {
                    let para: &'static str = Box::leak(rest[..end].to_string().into_boxed_str());
                    out.push((n + 1, line.trim().to_string(), Cite { guidance: g, para }));
                }
            }
        }
    }
    out
}

fn rust_sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn sources(under: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_sources(&root().join(under), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(root()).unwrap_or(&p).to_string_lossy().replace('\\', "/");
            (rel, std::fs::read_to_string(&p).unwrap_or_default())
        })
        .collect()
}

fn carriers() -> Vec<Carrier> {
    let consts = rule_consts();
    let mut out = Vec::new();
    for (_, rules) in engine::TABLES {
        for r in rules {
            out.push(Carrier::new(
                format!("rule {}", r.id),
                "rule",
                r.says,
                r.cites,
                rule_keys(r.id, &consts),
            ));
        }
    }
    requirement_carriers(&mut out, "ipg808 option", ipg808::OPTION_REQUIREMENTS);
    requirement_carriers(&mut out, "ipg808 research-only", ipg808::RESEARCH_REQUIREMENTS);
    requirement_carriers(&mut out, "htg762 evidence-generation", htg762::REQUIREMENTS);
    caution_carrier(&mut out, "ipg808::MIXED", &ipg808::MIXED);
    caution_carrier(&mut out, "ipg808::PREGNANCY", &ipg808::PREGNANCY);
    caution_carrier(&mut out, "htg762::ELECTIVE", &htg762::ELECTIVE);
    caution_carrier(&mut out, "htg762::MEDICINES", &htg762::MEDICINES);
    caution_carrier(&mut out, "htg762::PREGNANCY", &htg762::PREGNANCY);
    caution_carrier(&mut out, "scope::PREGNANCY_CAUTION", &scope::PREGNANCY_CAUTION);
    for n in ipg808::NOTES.iter().chain(htg762::NOTES).chain([&htg762::GRAFT_NOTE]) {
        note_carrier(&mut out, n);
    }
    for r in [Recommendation::UseAsOption, Recommendation::EvidenceGeneration, Recommendation::ResearchOnly] {
        let s = r.statement();
        let keys = vec![Key::Quoted(r.id().to_string()), Key::Code(format!("Recommendation::{r:?}"), None)];
        out.push(Carrier::new(
            format!("verdict {}", r.id()),
            "verdict",
            &format!("{}. {}", s.title, s.text),
            s.cites,
            keys,
        ));
    }
    let mut text = Vec::new();
    let mut cites = BTreeSet::new();
    for r in [Recommendation::UseAsOption, Recommendation::ResearchOnly] {
        for s in (Verdict::NotYetRefractory { at_30_minutes: r }).statements() {
            let line = format!("{}. {}", s.title, s.text);
            if !text.contains(&line) {
                text.push(line);
            }
            cites.extend(s.cites.iter().copied());
        }
    }
    out.push(Carrier {
        id: "verdict not-yet-refractory".into(),
        kind: "verdict",
        text: text.join("\n"),
        cites,
        keys: vec![
            Key::Quoted("not-yet-refractory".into()),
            Key::Code("Verdict::NotYetRefractory".into(), None),
        ],
    });
    for r in [Reason::Child, Reason::NoIndication, Reason::Rosc, Reason::Hypothermia] {
        let s = r.statement();
        let keys = vec![Key::Quoted(r.id().to_string()), Key::Code(format!("Reason::{r:?}"), None)];
        out.push(Carrier::new(
            format!("reason {}", r.id()),
            "verdict",
            &format!("{}. {}", s.title, s.text),
            s.cites,
            keys,
        ));
    }
    for f in [
        Field::Indication,
        Field::Age,
        Field::Rhythm,
        Field::Cause,
        Field::CprMinutes,
        Field::Rosc,
        Field::Hypothermia,
    ] {
        let s = engine::missing_statement(f);
        let keys = vec![Key::Quoted(f.path().to_string()), Key::Code(format!("Field::{f:?}"), None)];
        out.push(Carrier::new(
            format!("missing {}", f.path()),
            "verdict",
            &format!("{}. {}", s.title, s.text),
            s.cites,
            keys,
        ));
    }
    sheet_carriers(&mut out);
    for (file, src) in sources("src/ui") {
        let mut by_line: BTreeMap<usize, (String, Vec<Cite>)> = BTreeMap::new();
        for (n, line, c) in literal_cites(&src) {
            by_line.entry(n).or_insert_with(|| (line, Vec::new())).1.push(c);
        }
        for (n, (line, cites)) in by_line {
            out.push(Carrier::new(format!("screen {file}:{n}"), "screen", &line, &cites, Vec::new()));
        }
    }
    out
}

// -------------------------------------------------------------- the matrix

struct Matrix {
    inventory: Inventory,
    carriers: Vec<Carrier>,
    tests: Vec<TestFn>,
    /// Statement id → indices of the carriers that carry it.
    carried_by: BTreeMap<String, Vec<usize>>,
    /// Carrier index → indices of the tests that name it.
    tested_by: Vec<Vec<usize>>,
}

fn matrix() -> &'static Matrix {
    static M: OnceLock<Matrix> = OnceLock::new();
    M.get_or_init(|| {
        let inventory = inventory();
        let carriers = carriers();
        let tests = support::index(&root());
        let mut carried_by = BTreeMap::new();
        for s in &inventory.statements {
            let found: Vec<usize> = match s.cite() {
                Some(c) if s.not_shown.is_none() => carriers
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| {
                        let text = norm(&k.text);
                        k.cites.contains(&c) && s.phrases.iter().all(|p| text.contains(&norm(p)))
                    })
                    .map(|(i, _)| i)
                    .collect(),
                Some(_) | None => Vec::new(),
            };
            carried_by.insert(s.id.clone(), found);
        }
        let tested_by = carriers
            .iter()
            .map(|k| {
                tests
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| k.keys.iter().any(|key| key.found_in(t)))
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        Matrix { inventory, carriers, tests, carried_by, tested_by }
    })
}

fn fail_if(problems: Vec<String>, what: &str) {
    assert!(problems.is_empty(), "{what} ({}):\n  {}", problems.len(), problems.join("\n  "));
}

#[test]
fn the_inventory_quotes_the_guidance() {
    let m = matrix();
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    for s in &m.inventory.statements {
        if !ids.insert(&s.id) {
            problems.push(format!("{}: id used twice", s.id));
        }
        let Some(g) = s.guidance() else {
            problems.push(format!("{}: unknown guidance {:?}", s.id, s.guidance));
            continue;
        };
        if !s.id.starts_with(&format!("{}.", g.code().to_lowercase())) {
            problems.push(format!("{}: id does not start with {}.", s.id, g.code().to_lowercase()));
        }
        if !m.inventory.kinds.contains_key(&s.kind) {
            problems.push(format!(
                "{}: kind {:?} is not one of {:?}",
                s.id,
                s.kind,
                m.inventory.kinds.keys()
            ));
        }
        match (&s.not_shown, s.phrases.is_empty()) {
            (Some(why), true) if why.trim().len() >= 20 => {}
            (Some(_), true) => problems.push(format!("{}: not_shown needs a reason in words", s.id)),
            (Some(_), false) => problems.push(format!("{}: both phrases and not_shown", s.id)),
            (None, true) => {
                problems.push(format!("{}: shown, so it needs phrases to find its carrier", s.id))
            }
            (None, false) => {}
        }
        let quote = norm(&s.quote);
        match s.paragraph_text() {
            Some(p) if norm(&p).contains(&quote) => {}
            Some(_) => problems.push(format!("{}: quote not in {} {}", s.id, s.guidance, s.paragraph)),
            None if s.not_shown.is_some() => {
                // Not citable (front matter, section 4): the quote must still be the guidance's.
                if !norm(g.text()).contains(&quote) {
                    problems.push(format!("{}: quote not in {}", s.id, s.guidance));
                }
            }
            None => problems.push(format!(
                "{}: {} {:?} is not a paragraph the app can cite, so it cannot be shown",
                s.id, s.guidance, s.paragraph
            )),
        }
    }
    fail_if(problems, &format!("{DATA} does not match the guidance"));
}

/// Numbered paragraphs (`3.14`) of a guidance text.
fn numbered_paragraphs(g: Guidance) -> Vec<String> {
    g.text()
        .lines()
        .filter_map(|l| {
            let t = l.trim();
            let t = t.strip_prefix("- ").unwrap_or(t);
            let num = t.split(' ').next()?;
            let (a, b) = num.split_once('.')?;
            let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
            (digits(a) && digits(b) && t.len() > num.len()).then(|| num.to_string())
        })
        .collect()
}

/// The headed sections of a guidance that hold its conditions and reasons.
const SECTION_HEADINGS: &[&str] = &[
    "Your responsibility",
    "What this means in practice",
    "Enhanced informed consent",
    "Auditing of outcomes",
    "Who should be involved with the procedure",
    "Who should be involved in the procedure",
    "What evidence generation is needed",
    "What research is needed",
    "Why the committee made this recommendation",
    "Why the committee made these recommendations",
];

/// The sentences of a text (folded), split after `.`, `?`, `!` or `:` before
/// a capital, a digit, a bullet or a list dash.
fn sentences(text: &str) -> Vec<String> {
    let t = norm_case_kept(text);
    let mut out = Vec::new();
    let mut start = 0;
    let b = t.as_bytes();
    for i in 0..t.len() {
        if matches!(b[i], b'.' | b'?' | b'!' | b':') && b.get(i + 1) == Some(&b' ') {
            let next = t[i + 2..].chars().next();
            if next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '•' || c == '-') {
                out.push(t[start..=i].trim().to_string());
                start = i + 2;
            }
        }
    }
    out.push(t[start..].trim().to_string());
    out
}

fn norm_case_kept(s: &str) -> String {
    let s = s.replace("](#)", "").replace('[', "");
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace("- ", "-")
}

/// Words that make a sentence normative.
const MODAL: &[&str] =
    &[" must ", " should ", " could ", "can be used", "needs to", "encouraged", "do not have to"];

#[test]
fn the_inventory_covers_every_paragraph_and_every_modal_sentence() {
    let m = matrix();
    let mut problems = Vec::new();
    for g in Guidance::ALL {
        let mine: Vec<&Statement> =
            m.inventory.statements.iter().filter(|s| s.guidance() == Some(g)).collect();
        let paras: BTreeSet<&str> = mine.iter().map(|s| s.paragraph.as_str()).collect();
        for p in numbered_paragraphs(g) {
            if !paras.contains(p.as_str()) {
                problems.push(format!("{} {p}: no statement in the inventory", g.code()));
            }
        }
        for h in SECTION_HEADINGS {
            let c = Cite { guidance: g, para: h };
            if paragraph(c).is_some() && !paras.contains(h) {
                problems.push(format!("{} {h}: no statement in the inventory", g.code()));
            }
        }
        let quotes: Vec<String> = mine.iter().map(|s| norm(&s.quote)).collect();
        for sentence in sentences(g.text()) {
            let lower = format!(" {} ", sentence.to_lowercase());
            if !MODAL.iter().any(|w| lower.contains(w)) {
                continue;
            }
            let n = norm(&sentence);
            // Drop a heading run into the sentence ("Auditing of outcomes Healthcare …").
            let covered = quotes.iter().any(|q| n.contains(q.as_str()) || q.contains(n.as_str()))
                || quotes.iter().any(|q| {
                    let q = q.trim_end_matches('.');
                    q.len() > 30 && n.contains(q)
                });
            if !covered {
                problems.push(format!("{}: a normative sentence with no statement: {sentence:?}", g.code()));
            }
        }
    }
    fail_if(problems, &format!("{DATA} misses part of the guidance"));
}

#[test]
fn every_statement_is_carried_or_says_why_not() {
    let m = matrix();
    let mut problems = Vec::new();
    for s in &m.inventory.statements {
        if s.not_shown.is_some() {
            continue;
        }
        if m.carried_by[&s.id].is_empty() {
            let citing: Vec<&str> = match s.cite() {
                Some(c) => {
                    m.carriers.iter().filter(|k| k.cites.contains(&c)).map(|k| k.id.as_str()).collect()
                }
                None => Vec::new(),
            };
            problems.push(format!(
                "{} ({} {}): no app item cites it and says {:?}; items citing the paragraph: {citing:?}",
                s.id, s.guidance, s.paragraph, s.phrases
            ));
        }
    }
    fail_if(problems, "statements carried by nothing: show them, or give the reason as not_shown");
}

#[test]
fn every_cited_paragraph_has_a_shown_statement() {
    let m = matrix();
    let shown: BTreeSet<Cite> =
        m.inventory.statements.iter().filter(|s| s.not_shown.is_none()).filter_map(Statement::cite).collect();
    let mut problems = Vec::new();
    for k in &m.carriers {
        for c in &k.cites {
            if !shown.contains(c) {
                problems.push(format!("{}: cites {c}, but the inventory shows no statement of it", k.id));
            }
        }
    }
    fail_if(problems, "the app shows paragraphs the inventory calls not shown");
}

#[test]
fn every_cite_in_the_app_resolves() {
    let m = matrix();
    let mut problems = Vec::new();
    for k in &m.carriers {
        for c in &k.cites {
            if paragraph(*c).is_none() {
                problems.push(format!("{}: {c}", k.id));
            }
        }
    }
    for (file, src) in sources("src") {
        for (n, _, c) in literal_cites(&src) {
            if paragraph(c).is_none() {
                problems.push(format!("{file}:{n}: {c}"));
            }
        }
    }
    for e in EXAMPLES {
        for r in engine::decide(&e.case()).trace {
            for c in r.cites {
                if paragraph(*c).is_none() {
                    problems.push(format!("example {}: rule {}: {c}", e.id, r.id));
                }
            }
        }
    }
    fail_if(problems, "citations that resolve to no paragraph of the guidance");
}

#[test]
fn every_rule_requirement_and_caution_has_a_test() {
    let m = matrix();
    let mut problems = Vec::new();
    for (k, tests) in m.carriers.iter().zip(&m.tested_by) {
        if matches!(k.kind, "rule" | "requirement" | "caution") && tests.is_empty() {
            problems.push(format!("{}: no test names it ({:?})", k.id, k.keys));
        }
    }
    let rules: usize = engine::TABLES.iter().map(|(_, r)| r.len()).sum();
    assert_eq!(m.carriers.iter().filter(|k| k.kind == "rule").count(), rules);
    fail_if(problems, "app items no test names");
}

/// The scope rules, one case each: the rule fires and the verdict follows.
#[test]
fn each_scope_rule_fires_where_rules_md_says() {
    let arrest = r#""arrest":{"rhythm":"vf","cpr_minutes":40,"rosc":false,"hypothermia":false}"#;
    let cases: [(&engine::Rule, String, &str); 7] = [
        (&scope::INVALID_INPUT, r#"{"schema":"ecmo-case/1","patient":{"age_years":130}}"#.into(), "invalid"),
        (
            &scope::INDICATION_MISSING,
            r#"{"schema":"ecmo-case/1","patient":{"age_years":50}}"#.into(),
            "needs-information",
        ),
        (
            &scope::NO_INDICATION,
            r#"{"schema":"ecmo-case/1","indication":"other","patient":{"age_years":50}}"#.into(),
            "outside-guidance",
        ),
        (
            &scope::AGE_MISSING,
            r#"{"schema":"ecmo-case/1","indication":"postcardiotomy-shock"}"#.into(),
            "needs-information",
        ),
        (
            &scope::CHILD,
            r#"{"schema":"ecmo-case/1","indication":"postcardiotomy-shock","patient":{"age_years":17}}"#
                .into(),
            "outside-guidance",
        ),
        (
            &scope::ADULT,
            format!(
                r#"{{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{{"age_years":18}},{arrest}}}"#
            ),
            "option",
        ),
        (
            &scope::PREGNANCY,
            format!(
                r#"{{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{{"age_years":30,"pregnancy":"postpartum"}},{arrest}}}"#
            ),
            "option",
        ),
    ];
    for (rule, json, verdict) in cases {
        let d = engine::decide(&case_file::read(&json));
        assert_eq!(d.verdict.id(), verdict, "{}: {json}", rule.id);
        assert!(d.trace.iter().any(|r| r.id == rule.id), "{} did not fire: {json}", rule.id);
    }
}

// ------------------------------------------------------------ the document

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn short(s: &str, n: usize) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= n {
        words.join(" ")
    } else {
        format!("{} …", words[..n].join(" "))
    }
}

fn tests_count(n: usize) -> String {
    match n {
        0 => "no test".to_string(),
        1 => "1 test".to_string(),
        n => format!("{n} tests"),
    }
}

fn render(m: &Matrix) -> String {
    let st = &m.inventory.statements;
    let shown = st.iter().filter(|s| s.not_shown.is_none()).count();
    let tested: BTreeSet<usize> = m.tested_by.iter().flatten().copied().collect();
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for k in &m.carriers {
        *kinds.entry(k.kind).or_default() += 1;
    }
    let mut o = String::new();
    let _ = writeln!(o, "# Traceability matrix\n");
    let _ = writeln!(
        o,
        "Generated by `tests/traceability.rs` from `{DATA}`, the code and the test sources. \
         Do not edit: `UPDATE_SNAPSHOTS=1 cargo test --test traceability` rewrites it, and \
         `cargo test` fails while it is stale.\n"
    );
    let _ = writeln!(
        o,
        "A statement is **carried** by an app item that cites the statement's paragraph and \
         whose words include all of the statement's key phrases (given in `{DATA}`). An item \
         is **tested** by each test whose source, or a helper it uses, names the item: a rule \
         by its id or its const, a requirement, caution, verdict or sheet section by its id in \
         quotes or its Rust variant, a note by its id. Screen items are citations written in \
         `src/ui`; the end-to-end tests check the screen through the page hooks.\n"
    );
    let _ = writeln!(o, "## Summary\n");
    let _ = writeln!(o, "| | count |\n|---|---|");
    for g in Guidance::ALL {
        let n = st.iter().filter(|s| s.guidance() == Some(g)).count();
        let ns = st.iter().filter(|s| s.guidance() == Some(g) && s.not_shown.is_none()).count();
        let _ = writeln!(
            o,
            "| {} statements ({}) | {n} ({ns} shown, {} not shown) |",
            g.code(),
            g.version(),
            n - ns
        );
    }
    let _ = writeln!(
        o,
        "| statements in all | {} ({shown} shown, {} not shown, each with its reason) |",
        st.len(),
        st.len() - shown
    );
    let _ = writeln!(
        o,
        "| app items (carriers) | {} ({}) |",
        m.carriers.len(),
        kinds.iter().map(|(k, n)| format!("{n} {k}")).collect::<Vec<_>>().join(", ")
    );
    let _ = writeln!(o, "| tests read | {} ({} name at least one item) |", m.tests.len(), tested.len());
    let untested = m.tested_by.iter().filter(|t| t.is_empty()).count();
    let _ = writeln!(o, "| items no test names | {untested} (none may be a rule, requirement or caution) |");
    let weak: Vec<&str> = st
        .iter()
        .filter(|s| s.not_shown.is_none())
        .filter(|s| m.carried_by[&s.id].iter().all(|&i| m.tested_by[i].is_empty()))
        .map(|s| s.id.as_str())
        .collect();
    let _ = writeln!(
        o,
        "| shown statements whose items no test names | {}{} |\n",
        weak.len(),
        if weak.is_empty() { String::new() } else { format!(": {}", weak.join(", ")) }
    );

    for g in Guidance::ALL {
        let _ = writeln!(o, "## {}: statements → app items\n", g.code());
        let _ = writeln!(o, "{}, {}.\n", g.title(), g.version());
        let _ =
            writeln!(o, "| id | paragraph | kind | the guidance says | carried by |\n|---|---|---|---|---|");
        for s in st.iter().filter(|s| s.guidance() == Some(g)) {
            let by = match &s.not_shown {
                Some(why) => format!("*not shown:* {why}"),
                None => m.carried_by[&s.id]
                    .iter()
                    .map(|&i| format!("`{}` ({})", m.carriers[i].id, tests_count(m.tested_by[i].len())))
                    .collect::<Vec<_>>()
                    .join("<br>"),
            };
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                s.id,
                cell(&s.paragraph),
                s.kind,
                cell(&format!("\"{}\"", short(&s.quote, 28))),
                cell(&by)
            );
        }
        let _ = writeln!(o);
    }

    let _ = writeln!(o, "## App items → statements → tests\n");
    let _ = writeln!(o, "| item | cites | statements carried | tests that name it |\n|---|---|---|---|");
    for (i, k) in m.carriers.iter().enumerate() {
        let statements: Vec<String> =
            m.carried_by.iter().filter(|(_, v)| v.contains(&i)).map(|(id, _)| id.clone()).collect();
        let tests: Vec<String> =
            m.tested_by[i].iter().map(|&t| format!("`{}`", m.tests[t].full_name())).collect();
        let _ = writeln!(
            o,
            "| `{}` | {} | {} | {} |",
            k.id,
            cell(&k.cites.iter().map(Cite::to_string).collect::<Vec<_>>().join(", ")),
            if statements.is_empty() { "—".to_string() } else { statements.join(", ") },
            if tests.is_empty() { "**none**".to_string() } else { cell(&tests.join("<br>")) }
        );
    }
    o
}

#[test]
fn docs_traceability_md_is_current() {
    support::check_generated(&root(), DOC, "traceability", &render(matrix()));
}
