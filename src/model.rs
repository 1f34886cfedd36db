//! The assessment: what a clinician knows about one person, as typed values.
//!
//! Pure data, no I/O. Every clinical enum lists its values exactly as the case
//! file spells them (`../shared/spec/case-file.md`), and "unknown" is always
//! `None`, never a variant: there is one way to say "not known".
//!
//! Ranges are preconditions carried in types: an [`Age`] is 0 to 120 and a
//! [`CprMinutes`] 0 to 600 by construction, so the engine never sees an
//! out-of-range number. Bad input is reported as a [`FieldError`] by whoever
//! parsed it (the case-file reader, the form).

use std::fmt;

/// A closed enum with case-file spellings, for readers and forms.
pub trait WireEnum: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn id(self) -> &'static str;
}

/// Defines a closed clinical enum with its case-file ids.
///
/// `ALL` lists every value (for parsing, forms and tests), `id` gives the
/// case-file spelling. Matching on these enums elsewhere must stay exhaustive
/// (no `_` arms), so that a new value is a compile error wherever it matters.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $var:ident = $id:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $var),+ }

        impl $name {
            /// Every value, in the order the case-file table lists them.
            pub const ALL: &'static [$name] = &[$($name::$var),+];

            /// The case-file spelling of this value.
            pub const fn id(self) -> &'static str {
                match self { $($name::$var => $id),+ }
            }

            /// The value with this case-file spelling, if any.
            pub fn from_id(id: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.id() == id)
            }
        }

        impl WireEnum for $name {
            const ALL: &'static [$name] = $name::ALL;
            fn id(self) -> &'static str { $name::id(self) }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.id())
            }
        }
    };
}

wire_enum! {
    /// Which guidance the situation falls under, if any.
    Indication {
        /// HTG762: postcardiotomy cardiogenic shock.
        PostcardiotomyShock = "postcardiotomy-shock",
        /// IPG808: refractory cardiac arrest (ECPR).
        RefractoryCardiacArrest = "refractory-cardiac-arrest",
        /// Neither.
        Other = "other",
    }
}

wire_enum! {
    /// Pregnancy status. `unknown` in a case file is `None`.
    Pregnancy {
        NotPregnant = "not-pregnant",
        Pregnant = "pregnant",
        Postpartum = "postpartum",
    }
}

wire_enum! {
    /// Where the arrest happened; both are covered by IPG808 1.1 and 1.2.
    Location {
        InHospital = "in-hospital",
        OutOfHospital = "out-of-hospital",
    }
}

wire_enum! {
    /// The arrest rhythm (IPG808 3.1). `unknown` in a case file is `None`.
    Rhythm {
        /// Ventricular fibrillation.
        Vf = "vf",
        /// Pulseless ventricular tachycardia.
        Pvt = "pvt",
        /// Asystole.
        Asystole = "asystole",
        /// Pulseless electrical activity.
        Pea = "pea",
    }
}

/// Whether a rhythm is shockable (IPG808 3.1, 3.2: defibrillation treats VF and pVT).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shockability {
    Shockable,
    NonShockable,
}

impl Rhythm {
    /// VF and pVT are shockable; asystole and PEA are not (IPG808 3.1, 3.2).
    pub const fn shockability(self) -> Shockability {
        match self {
            Rhythm::Vf | Rhythm::Pvt => Shockability::Shockable,
            Rhythm::Asystole | Rhythm::Pea => Shockability::NonShockable,
        }
    }

    /// The rhythm's name as a clinician says it.
    pub const fn label(self) -> &'static str {
        match self {
            Rhythm::Vf => "Ventricular fibrillation (VF)",
            Rhythm::Pvt => "Pulseless ventricular tachycardia (pVT)",
            Rhythm::Asystole => "Asystole",
            Rhythm::Pea => "Pulseless electrical activity (PEA)",
        }
    }
}

wire_enum! {
    /// Whether the cause of the arrest is reversible. `unknown` is `None`.
    Cause {
        Reversible = "reversible",
        Irreversible = "irreversible",
    }
}

wire_enum! {
    /// The reversible causes of the Resuscitation Council UK advanced life
    /// support algorithm (rules.md names this source), less hypothermia, which
    /// puts an arrest outside the IPG808 3.1 definition. Shown, never decisive.
    ReversibleCause {
        Hypoxia = "hypoxia",
        Hypovolaemia = "hypovolaemia",
        HypoHyperkalaemiaMetabolic = "hypo-hyperkalaemia-metabolic",
        ThrombosisCoronary = "thrombosis-coronary",
        ThrombosisPulmonary = "thrombosis-pulmonary",
        TensionPneumothorax = "tension-pneumothorax",
        Tamponade = "tamponade",
        Toxins = "toxins",
    }
}

impl ReversibleCause {
    /// The cause's name as the ALS algorithm words it.
    pub const fn label(self) -> &'static str {
        match self {
            ReversibleCause::Hypoxia => "Hypoxia",
            ReversibleCause::Hypovolaemia => "Hypovolaemia",
            ReversibleCause::HypoHyperkalaemiaMetabolic => "Hypo/hyperkalaemia or other metabolic",
            ReversibleCause::ThrombosisCoronary => "Thrombosis, coronary",
            ReversibleCause::ThrombosisPulmonary => "Thrombosis, pulmonary",
            ReversibleCause::TensionPneumothorax => "Tension pneumothorax",
            ReversibleCause::Tamponade => "Tamponade",
            ReversibleCause::Toxins => "Toxins",
        }
    }
}

wire_enum! {
    /// Phase of care for postcardiotomy cardiogenic shock (HTG762 2.1, 3.1, 3.8).
    Phase {
        CannotSeparateFromBypass = "cannot-separate-from-bypass",
        ShockAfterSurgery = "shock-after-surgery",
        ElectiveHighRisk = "elective-high-risk",
    }
}

wire_enum! {
    /// A yes/no answer about the team's arrangements. `unknown` is `None`.
    Answer {
        Yes = "yes",
        No = "no",
    }
}

/// Age in whole years, 0 to 120 (case-file.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Age(u8);

impl Age {
    pub const MAX: i64 = 120;
    /// Both guidances are for adults; rules.md reads "adult" as 18 and over.
    pub const ADULT: u8 = 18;

    pub fn new(years: i64) -> Option<Age> {
        if (0..=Self::MAX).contains(&years) {
            u8::try_from(years).ok().map(Age)
        } else {
            None
        }
    }

    pub const fn years(self) -> u8 {
        self.0
    }

    pub const fn is_adult(self) -> bool {
        self.0 >= Self::ADULT
    }
}

/// Minutes of CPR without return of spontaneous circulation, 0 to 600.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CprMinutes(u16);

impl CprMinutes {
    pub const MAX: i64 = 600;
    /// IPG808 3.1: refractory means no ROSC after 30 minutes of appropriate CPR.
    pub const REFRACTORY: u16 = 30;

    pub fn new(minutes: i64) -> Option<CprMinutes> {
        if (0..=Self::MAX).contains(&minutes) {
            u16::try_from(minutes).ok().map(CprMinutes)
        } else {
            None
        }
    }

    pub const fn minutes(self) -> u16 {
        self.0
    }

    pub const fn is_refractory(self) -> bool {
        self.0 >= Self::REFRACTORY
    }
}

/// Everything known about one person. Every field may be unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assessment {
    pub indication: Option<Indication>,
    pub patient: Patient,
    pub arrest: Arrest,
    pub surgery: Surgery,
    pub team: Team,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Patient {
    pub age_years: Option<Age>,
    pub pregnancy: Option<Pregnancy>,
}

impl Patient {
    /// Pregnant or in the postpartum period (HTG762 3.11, IPG808 3.14).
    pub fn pregnant_or_postpartum(&self) -> bool {
        match self.pregnancy {
            Some(Pregnancy::Pregnant | Pregnancy::Postpartum) => true,
            Some(Pregnancy::NotPregnant) | None => false,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Arrest {
    pub location: Option<Location>,
    pub rhythm: Option<Rhythm>,
    pub cause: Option<Cause>,
    /// Named reversible causes, without repeats, in `ReversibleCause::ALL` order.
    pub reversible_causes: Vec<ReversibleCause>,
    pub cpr_minutes: Option<CprMinutes>,
    pub rosc: Option<bool>,
    pub hypothermia: Option<bool>,
}

impl Arrest {
    /// Whether nothing at all is known about the arrest.
    pub fn is_empty(&self) -> bool {
        *self == Arrest::default()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Surgery {
    pub phase: Option<Phase>,
    pub managed_with_medicines_alone: Option<bool>,
    pub graft_dysfunction_after_transplant: Option<bool>,
}

impl Surgery {
    pub fn is_empty(&self) -> bool {
        *self == Surgery::default()
    }
}

/// The team's arrangements, one answer per requirement of rules.md.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Team {
    pub mdt_selection: Option<Answer>,
    pub specialist_centre: Option<Answer>,
    pub trained_team: Option<Answer>,
    pub options_discussed: Option<Answer>,
    pub enhanced_consent: Option<Answer>,
    pub governance_lead_informed: Option<Answer>,
    pub elso_registry: Option<Answer>,
    pub ncaa: Option<Answer>,
    pub evidence_data: Option<Answer>,
    pub formal_research: Option<Answer>,
    pub ethics_approval: Option<Answer>,
}

/// An input the engine may need, named by its case-file path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Indication,
    Age,
    Rhythm,
    Cause,
    CprMinutes,
    Rosc,
    Hypothermia,
}

impl Field {
    /// The case-file path, as `[data-missing]` lists it.
    pub const fn path(self) -> &'static str {
        match self {
            Field::Indication => "indication",
            Field::Age => "patient.age_years",
            Field::Rhythm => "arrest.rhythm",
            Field::Cause => "arrest.cause",
            Field::CprMinutes => "arrest.cpr_minutes",
            Field::Rosc => "arrest.rosc",
            Field::Hypothermia => "arrest.hypothermia",
        }
    }

    /// The input's name in plain words.
    pub const fn label(self) -> &'static str {
        match self {
            Field::Indication => "Indication",
            Field::Age => "Age",
            Field::Rhythm => "Rhythm",
            Field::Cause => "Cause of the arrest",
            Field::CprMinutes => "Minutes of CPR",
            Field::Rosc => "Return of spontaneous circulation (ROSC)",
            Field::Hypothermia => "Hypothermia",
        }
    }
}

/// One bad input: where it is and what is wrong, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The case-file path (`arrest.cpr_minutes`, `arrest.reversible_causes[2]`),
    /// or `case` for the file as a whole.
    pub path: String,
    /// What was expected and what was given.
    pub message: String,
}

impl FieldError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> FieldError {
        FieldError { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// An assessment together with what could not be read into it.
///
/// This is what the engine decides on: any error makes the verdict `invalid`,
/// while the assessment keeps everything that was read well.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Case {
    pub assessment: Assessment,
    pub errors: Vec<FieldError>,
}

impl From<Assessment> for Case {
    fn from(assessment: Assessment) -> Case {
        Case { assessment, errors: Vec::new() }
    }
}

impl Pregnancy {
    pub const fn label(self) -> &'static str {
        match self {
            Pregnancy::NotPregnant => "Not pregnant",
            Pregnancy::Pregnant => "Pregnant",
            Pregnancy::Postpartum => "Postpartum",
        }
    }
}

impl Indication {
    pub const fn label(self) -> &'static str {
        match self {
            Indication::PostcardiotomyShock => "Postcardiotomy cardiogenic shock",
            Indication::RefractoryCardiacArrest => "Refractory cardiac arrest",
            Indication::Other => "Other (neither)",
        }
    }
}

impl Location {
    pub const fn label(self) -> &'static str {
        match self {
            Location::InHospital => "In hospital",
            Location::OutOfHospital => "Out of hospital",
        }
    }
}

impl Cause {
    pub const fn label(self) -> &'static str {
        match self {
            Cause::Reversible => "Reversible",
            Cause::Irreversible => "Irreversible",
        }
    }
}

impl Phase {
    pub const fn label(self) -> &'static str {
        match self {
            Phase::CannotSeparateFromBypass => "Cannot be separated from cardiopulmonary bypass",
            Phase::ShockAfterSurgery => "Cardiogenic shock after cardiac surgery",
            Phase::ElectiveHighRisk => "Elective, at high risk of PCS",
        }
    }
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "Yes"
    } else {
        "No"
    }
}

impl Assessment {
    /// The known inputs as label–value rows, in case-file order, for showing
    /// what a link or file held. Inputs of the other indication are left out.
    pub fn summary(&self) -> Vec<(&'static str, String)> {
        let mut rows: Vec<(&'static str, String)> = Vec::new();
        let mut row = |k: &'static str, v: Option<String>| {
            if let Some(v) = v {
                rows.push((k, v));
            }
        };
        row("Indication", self.indication.map(|i| i.label().to_string()));
        row("Age", self.patient.age_years.map(|a| format!("{} years", a.years())));
        row("Pregnancy", self.patient.pregnancy.map(|p| p.label().to_string()));
        let (arrest, surgery) = match self.indication {
            Some(Indication::RefractoryCardiacArrest) => (true, false),
            Some(Indication::PostcardiotomyShock) => (false, true),
            Some(Indication::Other) => (false, false),
            None => (true, true),
        };
        if arrest {
            let a = &self.arrest;
            row("Location", a.location.map(|l| l.label().to_string()));
            row("Rhythm", a.rhythm.map(|r| r.label().to_string()));
            row("Cause", a.cause.map(|c| c.label().to_string()));
            let named: Vec<&str> = a.reversible_causes.iter().map(|c| c.label()).collect();
            row("Reversible causes named", (!named.is_empty()).then(|| named.join("; ")));
            row("Minutes of CPR", a.cpr_minutes.map(|m| m.minutes().to_string()));
            row("ROSC", a.rosc.map(|b| yes_no(b).to_string()));
            row("Hypothermia", a.hypothermia.map(|b| yes_no(b).to_string()));
        }
        if surgery {
            let s = &self.surgery;
            row("Phase of care", s.phase.map(|p| p.label().to_string()));
            row(
                "Managed with medicines alone",
                s.managed_with_medicines_alone.map(|b| yes_no(b).to_string()),
            );
            row(
                "Primary graft dysfunction after transplant",
                s.graft_dysfunction_after_transplant.map(|b| yes_no(b).to_string()),
            );
        }
        rows
    }
}

/// Sorts a short list by key, stably (insertion sort). The lists sorted here
/// have a few items; the standard library's sorts add kilobytes of code to
/// the wasm for each type they sort.
pub fn sort_small<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod sort_tests {
    use super::sort_small;

    #[test]
    fn sorts_stably_by_key() {
        let mut v = [(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_small(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut e: [u8; 0] = [];
        sort_small(&mut e, |x| *x);
    }
}
