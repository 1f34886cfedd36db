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
