//! Citations: which guidance, which paragraph.
//!
//! A paragraph is either numbered (`1.1`, `3.14`) or a section heading of the
//! guidance (`Auditing of outcomes`), spelled exactly as the guidance text
//! spells it. A test checks every citation the app can show against the
//! bundled guidance text (`static/guidance/`), so a citation cannot point at a
//! paragraph that does not exist.

use std::fmt;

/// The two NICE guidances this app encodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Guidance {
    /// VA ECMO for postcardiotomy cardiogenic shock in adults.
    Htg762,
    /// VA ECMO for ECPR in adults with refractory cardiac arrest.
    Ipg808,
}

impl Guidance {
    pub const ALL: [Guidance; 2] = [Guidance::Htg762, Guidance::Ipg808];

    /// The code as NICE writes it in a citation.
    pub const fn code(self) -> &'static str {
        match self {
            Guidance::Htg762 => "HTG762",
            Guidance::Ipg808 => "IPG808",
        }
    }

    pub const fn title(self) -> &'static str {
        match self {
            Guidance::Htg762 => "VA ECMO for postcardiotomy cardiogenic shock in adults",
            Guidance::Ipg808 => {
                "VA ECMO for extracorporeal cardiopulmonary resuscitation (ECPR) in adults with refractory cardiac arrest"
            }
        }
    }

    /// Publication (and, where there is one, update) as the guidance states it.
    pub const fn version(self) -> &'static str {
        match self {
            Guidance::Htg762 => "published 18 December 2025, updated January 2026",
            Guidance::Ipg808 => "published 22 October 2025",
        }
    }

    /// The bundled full text, as given in `../shared/guidance/`.
    pub const fn text(self) -> &'static str {
        match self {
            Guidance::Htg762 => include_str!("../static/guidance/htg762.txt"),
            Guidance::Ipg808 => include_str!("../static/guidance/ipg808.txt"),
        }
    }
}

impl fmt::Display for Guidance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One cited paragraph, such as `IPG808 1.1` or `HTG762 Auditing of outcomes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cite {
    pub guidance: Guidance,
    /// A paragraph number or a section heading, as the guidance spells it.
    pub para: &'static str,
}

impl Cite {
    pub const fn htg(para: &'static str) -> Cite {
        Cite { guidance: Guidance::Htg762, para }
    }

    pub const fn ipg(para: &'static str) -> Cite {
        Cite { guidance: Guidance::Ipg808, para }
    }

    /// The citation a label names (`IPG808 1.1`, as [`Cite`]'s `Display`
    /// writes it), when the bundled guidance text has that paragraph name.
    pub fn parse(label: &str) -> Option<Cite> {
        let (code, para) = label.split_once(' ')?;
        let guidance = Guidance::ALL.into_iter().find(|g| g.code() == code)?;
        let text = guidance.text();
        let at = text.find(para)?;
        Some(Cite { guidance, para: text.get(at..at + para.len())? })
    }

    /// Whether the paragraph is numbered (`3.1`) rather than a heading.
    pub fn is_numbered(self) -> bool {
        self.para.chars().next().is_some_and(|c| c.is_ascii_digit())
    }
}

impl fmt::Display for Cite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.guidance.code(), self.para)
    }
}

/// Cites as one line: `IPG808 1.2, IPG808 1.3`.
pub fn join(cites: &[Cite]) -> String {
    cites.iter().map(Cite::to_string).collect::<Vec<_>>().join(", ")
}

/// Headings that end a cited section or paragraph, as the guidance texts spell
/// them (trimmed).
const BOUNDARIES: &[&str] = &[
    "What this means in practice",
    "Enhanced informed consent",
    "Auditing of outcomes",
    "Who should be involved with the procedure",
    "Who should be involved in the procedure",
    "What evidence generation is needed",
    "What research is needed",
    "Why the committee made this recommendation",
    "Why the committee made these recommendations",
    "For everyone having the procedure",
    "The condition",
    "Current practice",
    "Unmet need",
    "The evidence",
    "Committee comments",
    "Equality considerations",
];

/// A line without its list marker and surrounding space.
fn bare(line: &str) -> &str {
    let t = line.trim();
    t.strip_prefix("- ").unwrap_or(t).trim()
}

/// `3.14 The committee…` starts a numbered paragraph.
fn starts_numbered(line: &str) -> bool {
    let mut parts = line.splitn(2, ' ');
    let num = parts.next().unwrap_or("");
    let mut halves = num.split('.');
    let ok = |s: Option<&str>| s.is_some_and(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()));
    ok(halves.next()) && ok(halves.next()) && halves.next().is_none() && parts.next().is_some()
}

/// `2 Information about the procedure` starts a numbered section.
fn starts_section(line: &str) -> bool {
    let mut chars = line.chars();
    chars.next().is_some_and(|c| c.is_ascii_digit())
        && chars.next() == Some(' ')
        && chars.next().is_some_and(|c| c.is_ascii_uppercase())
}

fn is_boundary(line: &str) -> bool {
    let b = bare(line);
    starts_numbered(b) || starts_section(b) || BOUNDARIES.contains(&b)
}

/// The text of a cited paragraph or section from the bundled guidance, with
/// white space folded; `None` when the guidance has no such paragraph.
pub fn paragraph(cite: Cite) -> Option<String> {
    let lines: Vec<&str> = cite.guidance.text().lines().collect();
    if cite.is_numbered() && !starts_numbered(&format!("{} .", cite.para)) {
        return None; // only `N.M` paragraphs are cited by number
    }
    let start = if cite.is_numbered() {
        let prefix = format!("{} ", cite.para);
        lines.iter().position(|l| bare(l).starts_with(&prefix))?
    } else {
        lines.iter().position(|l| bare(l) == cite.para)?
    };
    let mut text = if cite.is_numbered() {
        bare(lines[start]).get(cite.para.len()..).unwrap_or("").to_string()
    } else {
        String::new()
    };
    for line in lines.iter().skip(start + 1).take_while(|l| !is_boundary(l)) {
        text.push(' ');
        text.push_str(line.trim());
    }
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!folded.is_empty()).then_some(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_numbered_paragraphs_across_wrapped_lines() {
        let p = paragraph(Cite::ipg("3.1")).unwrap_or_default();
        assert!(p.starts_with("Cardiac arrest is when normal blood circulation"), "{p}");
        assert!(p.ends_with("in the absence of hypothermia."), "{p}");
        let p = paragraph(Cite::htg("3.13")).unwrap_or_default();
        assert_eq!(
            p,
            "Some people who had VA ECMO have become organ donors and their organs have been transplanted."
        );
        let p = paragraph(Cite::ipg("3.14")).unwrap_or_default();
        assert!(
            p.starts_with("The recommendations in this guidance include the use of VA ECMO during"),
            "{p}"
        );
        assert!(p.ends_with("postpartum period."), "{p}");
    }

    #[test]
    fn finds_sections_by_heading() {
        let p = paragraph(Cite::ipg("Auditing of outcomes")).unwrap_or_default();
        assert!(p.starts_with("Healthcare professionals doing this procedure should collect data"), "{p}");
        assert!(p.ends_with("enter data into the National Cardiac Arrest Audit."), "{p}");
        let p = paragraph(Cite::htg("Who should be involved with the procedure")).unwrap_or_default();
        assert!(p.contains("could be done in centres specialising in managing PCS"), "{p}");
    }

    #[test]
    fn parses_its_own_labels() {
        for c in [Cite::ipg("1.1"), Cite::htg("3.13"), Cite::ipg("Auditing of outcomes")] {
            assert_eq!(Cite::parse(&c.to_string()), Some(c));
        }
        assert_eq!(Cite::parse("IPG808"), None);
        assert_eq!(Cite::parse("NG1 1.1"), None);
        assert_eq!(Cite::parse("IPG808 not a paragraph"), None);
    }

    #[test]
    fn rejects_what_is_not_there() {
        assert_eq!(paragraph(Cite::ipg("3.18")), None);
        assert_eq!(paragraph(Cite::ipg("1")), None);
        assert_eq!(paragraph(Cite::htg("Who should be involved in the procedure")), None);
        assert_eq!(paragraph(Cite::ipg("Enhanced informed consent")), None);
    }
}
