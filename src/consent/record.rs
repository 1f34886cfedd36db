//! The clinician's record: the case, the verdict, each requirement with its
//! status, the cautions and notes with their citations, the rules applied,
//! the date and time and the versions. For the notes, the MDT and the audit.
//!
//! Pure: the date and time are passed in by the shell. Holds no link to the
//! case (no fragment), and nothing typed for the family's sheet.

use std::fmt::Write as _;

use super::Stamp;
use crate::citation::{self, Cite, Guidance};
use crate::engine::{Decision, Status, Verdict};
use crate::model::Case;

/// The printable record for the clinical notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub title: String,
    /// Date and time, as the shell gives it.
    pub when: String,
    /// The case inputs, label and value (`Assessment::summary`).
    pub rows: Vec<(String, String)>,
    /// Inputs that could not be read: path and message.
    pub input_errors: Vec<(String, String)>,
    pub verdict: RecordVerdict,
    pub requirements: Vec<RecordRequirement>,
    pub cautions: Vec<RecordItem>,
    pub notes: Vec<RecordItem>,
    /// The rules applied, in order (the decision's trace).
    pub rules: Vec<RecordItem>,
    pub stamp: Stamp,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordVerdict {
    /// The verdict id of rules.md.
    pub id: &'static str,
    pub title: &'static str,
    /// For `not-yet-refractory`: the verdict id that would apply at 30 minutes.
    pub prospective: Option<&'static str>,
    pub statements: Vec<RecordItem>,
}

/// A cited item: a statement, caution, note or rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordItem {
    /// A stable id where the item has one (cautions, notes, rules).
    pub id: &'static str,
    pub title: &'static str,
    pub text: &'static str,
    pub cites: Vec<Cite>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordRequirement {
    /// The requirement id of rules.md.
    pub id: &'static str,
    pub title: &'static str,
    pub status: Status,
    pub status_label: &'static str,
    pub text: &'static str,
    pub cites: Vec<Cite>,
}

/// The status as the record prints it.
pub const fn status_label(s: Status) -> &'static str {
    match s {
        Status::Met => "Met",
        Status::NotMet => "Not met",
        Status::Unknown => "Not known",
    }
}

/// Builds the record of a case and its decision. `when` is the date and time
/// to print; `app_version` the app's version. Pure and total.
pub fn record(case: &Case, decision: &Decision, when: &str, app_version: &str) -> Record {
    let v = &decision.verdict;
    let prospective = match v {
        Verdict::NotYetRefractory { at_30_minutes } => Some(at_30_minutes.id()),
        Verdict::Recommended(_)
        | Verdict::OutsideGuidance { .. }
        | Verdict::NeedsInformation { .. }
        | Verdict::Invalid { .. } => None,
    };
    Record {
        title: "VA ECMO: clinician's record".to_string(),
        when: when.trim().to_string(),
        rows: case.assessment.summary().into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
        input_errors: case.errors.iter().map(|e| (e.path.clone(), e.message.clone())).collect(),
        verdict: RecordVerdict {
            id: v.id(),
            title: v.title(),
            prospective,
            statements: v
                .statements()
                .into_iter()
                .map(|s| RecordItem { id: "", title: s.title, text: s.text, cites: s.cites.to_vec() })
                .collect(),
        },
        requirements: decision
            .requirements
            .iter()
            .map(|r| RecordRequirement {
                id: r.spec.id.id(),
                title: r.spec.title,
                status: r.status,
                status_label: status_label(r.status),
                text: r.spec.text,
                cites: r.spec.cites.to_vec(),
            })
            .collect(),
        cautions: decision
            .cautions
            .iter()
            .map(|c| RecordItem { id: c.id.id(), title: c.title, text: c.text, cites: c.cites.to_vec() })
            .collect(),
        notes: decision
            .notes
            .iter()
            .map(|n| RecordItem { id: n.id, title: "", text: n.text, cites: n.cites.to_vec() })
            .collect(),
        rules: decision
            .trace
            .iter()
            .map(|r| RecordItem { id: r.id, title: "", text: r.says, cites: r.cites.to_vec() })
            .collect(),
        stamp: Stamp::new(&Guidance::ALL, app_version),
    }
}

fn cited(cites: &[Cite]) -> String {
    if cites.is_empty() {
        String::new()
    } else {
        format!(" [{}]", citation::join(cites))
    }
}

impl Record {
    /// Every citation the record shows, in order of first appearance.
    pub fn cites(&self) -> Vec<Cite> {
        let mut all: Vec<Cite> = Vec::new();
        let items =
            self.verdict.statements.iter().chain(&self.cautions).chain(&self.notes).chain(&self.rules);
        let lists = items.map(|i| &i.cites).chain(self.requirements.iter().map(|r| &r.cites));
        for c in lists.flatten() {
            if !all.contains(c) {
                all.push(*c);
            }
        }
        all
    }

    /// The record as plain text, for printing, copying and tests.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# {}", self.title);
        let _ = writeln!(out, "Date and time: {}", self.when);
        let _ = writeln!(out, "\n## Case");
        if self.rows.is_empty() {
            let _ = writeln!(out, "(no inputs)");
        }
        for (k, v) in &self.rows {
            let _ = writeln!(out, "{k}: {v}");
        }
        if !self.input_errors.is_empty() {
            let _ = writeln!(out, "\n## Inputs that could not be read");
            for (path, message) in &self.input_errors {
                let _ = writeln!(out, "{path}: {message}");
            }
        }
        let v = &self.verdict;
        let _ = writeln!(out, "\n## Verdict: {}\n{}", v.id, v.title);
        if let Some(p) = v.prospective {
            let _ = writeln!(out, "At 30 minutes: {p}");
        }
        for s in &v.statements {
            let _ = writeln!(out, "- {}: {}{}", s.title, s.text, cited(&s.cites));
        }
        if !self.requirements.is_empty() {
            let _ = writeln!(out, "\n## Requirements");
            for r in &self.requirements {
                let _ = writeln!(
                    out,
                    "- [{}] {} ({}): {}{}",
                    r.status_label,
                    r.title,
                    r.id,
                    r.text,
                    cited(&r.cites)
                );
            }
        }
        for (heading, items) in
            [("Cautions", &self.cautions), ("Notes", &self.notes), ("Rules applied", &self.rules)]
        {
            if items.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n## {heading}");
            for i in items {
                let title = if i.title.is_empty() { String::new() } else { format!("{}: ", i.title) };
                let _ = writeln!(out, "- ({}) {}{}{}", i.id, title, i.text, cited(&i.cites));
            }
        }
        let _ = writeln!(out, "\n---\n{}", self.stamp.line());
        out
    }
}
