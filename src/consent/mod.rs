//! The consent information sheet for families, and the clinician's record:
//! pure models built from a decided case. The shell renders them and prints.
//!
//! Pure: no yew, no web-sys, no I/O, no clock. [`sheet`] and [`record`] are
//! total functions of their arguments.
//!
//! **Where the words come from.** Every generated sentence of the sheet is a
//! plain-words reading of the two guidances (`../shared/guidance/`), and each
//! section carries the paragraphs it reads ([`Section::cites`]), printed in
//! small print beside it. The only figures are the clinician's own centre
//! figure (typed, with what it counts and its source) and HTG762 3.2's
//! "mortality reported as high as 76%". Nothing else is clinical.
//!
//! **What the clinician types stays here.** [`SheetInputs`] (names, hospital,
//! the centre's figure, notes) is plain data with no serialisation: it cannot
//! go into a case file, a link, web storage or a request. The case file
//! ([`crate::case_file::write`]) takes only an [`Assessment`].
//!
//! **Plain words.** The generated text is measured by
//! [`readability::flesch_kincaid_grade`] (`tests/consent.rs` holds every variant
//! at grade 8 or below).

mod content;
pub mod readability;
mod record;

use std::fmt::Write as _;

use crate::citation::{self, Cite, Guidance};
use crate::engine::{Recommendation, Verdict};
use crate::model::Assessment;

pub use readability::flesch_kincaid_grade;
pub use record::{record, Record, RecordItem, RecordRequirement, RecordVerdict};

/// The app's name and version, as stamped on the sheet and the record.
pub const APP_NAME: &str = env!("CARGO_PKG_NAME");
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Which sheet: one for each verdict that leads to ECMO being offered or
/// studied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SheetKind {
    /// IPG808 1.1: refractory cardiac arrest, ECPR can be used as an option.
    Option,
    /// HTG762 1.1: postcardiotomy cardiogenic shock, evidence generation.
    EvidenceGeneration,
    /// IPG808 1.2, 1.3: refractory cardiac arrest, research only.
    ResearchOnly,
}

impl SheetKind {
    pub const ALL: [SheetKind; 3] =
        [SheetKind::Option, SheetKind::EvidenceGeneration, SheetKind::ResearchOnly];

    /// The verdict id of the sheet's verdict (`option`, ...).
    pub const fn id(self) -> &'static str {
        self.recommendation().id()
    }

    pub const fn recommendation(self) -> Recommendation {
        match self {
            SheetKind::Option => Recommendation::UseAsOption,
            SheetKind::EvidenceGeneration => Recommendation::EvidenceGeneration,
            SheetKind::ResearchOnly => Recommendation::ResearchOnly,
        }
    }

    /// The guidance the sheet reads.
    pub const fn guidance(self) -> Guidance {
        match self {
            SheetKind::Option | SheetKind::ResearchOnly => Guidance::Ipg808,
            SheetKind::EvidenceGeneration => Guidance::Htg762,
        }
    }

    /// Whether the sheet is about a cardiac arrest (IPG808).
    pub const fn is_arrest(self) -> bool {
        match self {
            SheetKind::Option | SheetKind::ResearchOnly => true,
            SheetKind::EvidenceGeneration => false,
        }
    }
}

/// The sheet for a verdict, if that verdict leads to ECMO being offered or
/// studied; `None` for every other verdict, including not-yet-refractory.
pub fn sheet_kind(verdict: &Verdict) -> Option<SheetKind> {
    match verdict {
        Verdict::Recommended(r) => Some(match r {
            Recommendation::UseAsOption => SheetKind::Option,
            Recommendation::EvidenceGeneration => SheetKind::EvidenceGeneration,
            Recommendation::ResearchOnly => SheetKind::ResearchOnly,
        }),
        Verdict::NotYetRefractory { .. }
        | Verdict::OutsideGuidance { .. }
        | Verdict::NeedsInformation { .. }
        | Verdict::Invalid { .. } => None,
    }
}

/// What the clinician types for this family. Kept in the page's memory only:
/// no serialisation, and no field of a case file can hold any of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetInputs {
    /// The name of the person the sheet is about.
    pub person_name: String,
    pub hospital: String,
    pub clinician_name: String,
    pub clinician_role: String,
    /// Who was spoken with: names and relationship.
    pub spoken_with: String,
    /// Date and time of the conversation, as typed.
    pub when: String,
    /// The team's notes for the family.
    pub notes: String,
    /// The centre's own outcome figure; all blank when none is given.
    pub outcome: OutcomeFigure,
}

/// The centre's own outcome figure, as typed. All three parts are needed for
/// the sheet to show it: the number, what it counts, and where it comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutcomeFigure {
    /// "about X in 100": a whole number 0–100, optionally with `%` or `in 100`.
    pub text: String,
    /// What the figure counts, e.g. "survived to leave hospital".
    pub counts: String,
    /// Its source, e.g. "our unit's audit, 2020 to 2024".
    pub source: String,
}

/// The field names used in messages about the figure.
pub const FIGURE_FIELD: &str = "Centre's figure";
pub const COUNTS_FIELD: &str = "What the figure counts";
pub const SOURCE_FIELD: &str = "Source of the figure";

impl OutcomeFigure {
    /// Whether nothing was typed.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty() && self.counts.trim().is_empty() && self.source.trim().is_empty()
    }

    /// The figure per 100 to show: `Ok(None)` when nothing was typed,
    /// `Ok(Some(x))` when the number, what it counts and its source are all
    /// given, and otherwise every problem in plain words naming its field.
    pub fn check(&self) -> Result<Option<u8>, Vec<String>> {
        if self.is_blank() {
            return Ok(None);
        }
        let mut errors = Vec::new();
        let n = parse_per_100(&self.text).map_err(|e| errors.push(e)).ok();
        if self.counts.trim().is_empty() {
            errors.push(format!(
                "{COUNTS_FIELD}: needed with a figure, for example \"survived to leave hospital\""
            ));
        }
        if self.source.trim().is_empty() {
            errors.push(format!(
                "{SOURCE_FIELD}: needed with a figure, for example \"our audit, 2020 to 2024\""
            ));
        }
        match n {
            Some(n) if errors.is_empty() => Ok(Some(n)),
            Some(_) | None => Err(errors),
        }
    }
}

/// Reads "about X in 100" as typed: a whole number from 0 to 100, optionally
/// followed by `%` or `in 100`. Total: never panics.
pub fn parse_per_100(text: &str) -> Result<u8, String> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let number = if let Some(n) = lower.strip_suffix('%') {
        n
    } else if let Some(n) = lower.strip_suffix("in 100") {
        n
    } else {
        lower.as_str()
    }
    .trim();
    let ok = !number.is_empty() && number.len() <= 3 && number.bytes().all(|b| b.is_ascii_digit());
    match number.parse::<u8>() {
        Ok(n) if ok && n <= 100 => Ok(n),
        Ok(_) | Err(_) => {
            Err(format!("{FIGURE_FIELD}: expected a whole number from 0 to 100, got {}", shown(t)))
        }
    }
}

/// Typed text, quoted and cut short, for a message.
fn shown(t: &str) -> String {
    if t.is_empty() {
        return "nothing".to_string();
    }
    let cut: String = t.chars().take(24).collect();
    if cut.len() < t.len() {
        format!("\"{cut}…\"")
    } else {
        format!("\"{cut}\"")
    }
}

/// The printable sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    pub kind: SheetKind,
    pub title: String,
    pub intro: String,
    pub sections: Vec<Section>,
    pub stamp: Stamp,
}

/// One section, with the paragraphs it reads in small print beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Stable, e.g. `what-is-ecmo`.
    pub id: &'static str,
    pub heading: &'static str,
    pub paragraphs: Vec<Paragraph>,
    /// Empty only for sections made purely of typed text or blank spaces.
    pub cites: Vec<Cite>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Paragraph {
    /// Generated text.
    Text(String),
    /// Generated list items.
    Bullets(Vec<String>),
    /// 100 figures, `per_100` of them shaded; the caption is generated.
    IconArray { per_100: u8, caption: String },
    /// Blank lines to write on.
    WriteIn { label: &'static str, lines: u8 },
    /// A typed value, or a blank to write on when `value` is empty.
    Field { label: &'static str, value: String },
}

impl Paragraph {
    /// Whether this paragraph holds only typed text or blank space.
    pub fn is_typed_or_blank(&self) -> bool {
        match self {
            Paragraph::WriteIn { .. } | Paragraph::Field { .. } => true,
            Paragraph::Text(_) | Paragraph::Bullets(_) | Paragraph::IconArray { .. } => false,
        }
    }
}

impl Section {
    pub fn is_typed_or_blank(&self) -> bool {
        self.paragraphs.iter().all(Paragraph::is_typed_or_blank)
    }
}

/// The guidance and app versions stamped on a printout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub guidances: Vec<GuidanceStamp>,
    pub app_name: &'static str,
    pub app_version: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GuidanceStamp {
    pub code: &'static str,
    pub title: &'static str,
    pub version: &'static str,
}

impl Stamp {
    pub fn new(guidances: &[Guidance], app_version: &str) -> Stamp {
        Stamp {
            guidances: guidances
                .iter()
                .map(|g| GuidanceStamp { code: g.code(), title: g.title(), version: g.version() })
                .collect(),
            app_name: APP_NAME,
            app_version: app_version.to_string(),
        }
    }

    /// One line: `NICE IPG808: title (published 22 October 2025). Made with ecmo-aid 0.1.0.`
    pub fn line(&self) -> String {
        let mut s = String::new();
        for g in &self.guidances {
            let _ = write!(s, "NICE {}: {} ({}). ", g.code, g.title, g.version);
        }
        let _ = write!(s, "Made with {} {}.", self.app_name, self.app_version);
        s
    }
}

/// Builds the sheet for a kind, a case and what the clinician typed, stamped
/// with this build's version. Pure and total.
pub fn sheet(kind: SheetKind, case: &Assessment, inputs: &SheetInputs) -> Sheet {
    sheet_for_version(kind, case, inputs, APP_VERSION)
}

/// [`sheet`], stamped with the given app version.
pub fn sheet_for_version(
    kind: SheetKind,
    case: &Assessment,
    inputs: &SheetInputs,
    app_version: &str,
) -> Sheet {
    Sheet {
        kind,
        title: content::title(kind).to_string(),
        intro: content::intro(kind),
        sections: content::sections(kind, case, inputs),
        stamp: Stamp::new(&[kind.guidance()], app_version),
    }
}

/// Ends a line as a sentence, for measuring: headings and list items count
/// as sentences of their own.
fn as_sentence(s: &str) -> String {
    let t = s.trim();
    if t.is_empty() || t.ends_with(['.', '!', '?']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

impl Sheet {
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// All the generated text, one sentence or more a line: title, intro,
    /// headings, text, list items, captions and labels. Leaves out what the
    /// clinician typed, the citations and the stamp. For measuring.
    pub fn plain_text(&self) -> String {
        self.collect(true)
    }

    /// The generated prose only (intro, text, list items, captions), without
    /// the title, headings and labels: the stricter text to measure.
    pub fn prose(&self) -> String {
        self.collect(false)
    }

    fn collect(&self, with_labels: bool) -> String {
        let mut lines: Vec<String> = Vec::new();
        if with_labels {
            lines.push(as_sentence(&self.title));
        }
        lines.push(as_sentence(&self.intro));
        for s in &self.sections {
            if with_labels {
                lines.push(as_sentence(s.heading));
            }
            for p in &s.paragraphs {
                match p {
                    Paragraph::Text(t) => lines.push(as_sentence(t)),
                    Paragraph::Bullets(items) => lines.extend(items.iter().map(|i| as_sentence(i))),
                    Paragraph::IconArray { caption, .. } => lines.push(as_sentence(caption)),
                    Paragraph::WriteIn { label, .. } | Paragraph::Field { label, .. } => {
                        if with_labels {
                            lines.push(as_sentence(label))
                        }
                    }
                }
            }
        }
        lines.retain(|l| !l.is_empty());
        lines.join("\n")
    }

    /// The whole sheet as plain text: headings, citations, typed values,
    /// blanks and the stamp. For snapshots, and for copying.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# {}\n\n{}", self.title, self.intro);
        for s in &self.sections {
            let _ = write!(out, "\n## {}", s.heading);
            if !s.cites.is_empty() {
                let _ = write!(out, "    [{}]", citation::join(&s.cites));
            }
            let _ = writeln!(out, "  {{#{}}}", s.id);
            for p in &s.paragraphs {
                match p {
                    Paragraph::Text(t) => {
                        let _ = writeln!(out, "{t}");
                    }
                    Paragraph::Bullets(items) => {
                        for i in items {
                            let _ = writeln!(out, "- {i}");
                        }
                    }
                    Paragraph::IconArray { per_100, caption } => {
                        let _ = writeln!(out, "[{per_100} of 100 figures shaded] {caption}");
                    }
                    Paragraph::WriteIn { label, lines } => {
                        let _ = writeln!(out, "{label}:");
                        for _ in 0..*lines {
                            let _ = writeln!(out, "____________________________________________");
                        }
                    }
                    Paragraph::Field { label, value } => {
                        let v = value.trim();
                        let v = if v.is_empty() { "______________________" } else { v };
                        let _ = writeln!(out, "{label}: {v}");
                    }
                }
            }
        }
        let _ = writeln!(out, "\n---\n{}", self.stamp.line());
        out
    }
}
