//! The decision engine: an assessment in, a cited decision out.
//!
//! Pure: no yew, no web-sys, no I/O, no clock, no randomness. [`decide`] is a
//! total function: it returns a [`Decision`] for every [`Case`] and never
//! panics.
//!
//! The reading of the guidances is `../shared/spec/rules.md`. Each guidance has
//! one module holding its rules table, its requirement, caution and note
//! tables, and the tests of each rule beside them: [`htg762`] and [`ipg808`].
//! This module holds what is common: the scope rules (adults only, which
//! indication), the precedence of verdicts, and the types of the decision.
//!
//! Precedence, first match wins (rules.md): `invalid` > `outside-guidance` >
//! `needs-information` > `not-yet-refractory` > the indication's verdict.

pub mod htg762;
pub mod ipg808;
pub mod what_if;

use crate::citation::Cite;
use crate::model::{Answer, Assessment, Case, Field, FieldError, Indication, Team};

/// What the guidance recommends for the case's group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Recommendation {
    /// IPG808 1.1: ECPR can be used as an option.
    UseAsOption,
    /// HTG762 1.1: use during the evidence generation period.
    EvidenceGeneration,
    /// IPG808 1.2, 1.3: only as part of formal research with ethics approval.
    ResearchOnly,
}

impl Recommendation {
    /// The verdict id of rules.md.
    pub const fn id(self) -> &'static str {
        match self {
            Recommendation::UseAsOption => "option",
            Recommendation::EvidenceGeneration => "evidence-generation",
            Recommendation::ResearchOnly => "research-only",
        }
    }

    /// The recommendation in the guidance's own words, with its modal verb.
    pub const fn statement(self) -> Statement {
        match self {
            Recommendation::UseAsOption => Statement {
                title: "ECPR can be used as an option",
                text: "VA ECMO for ECPR can be used as an option to manage in-hospital and \
                       out-of-hospital refractory cardiac arrest in adults with a shockable \
                       heart rhythm or reversible causes.",
                cites: const { &[Cite::ipg("1.1")] },
            },
            Recommendation::EvidenceGeneration => Statement {
                title: "VA ECMO can be used during evidence generation",
                text: "VA ECMO can be used in the NHS during the evidence generation period as \
                       an option to manage postcardiotomy cardiogenic shock in adults. There \
                       must be enhanced informed consent and auditing of outcomes.",
                cites: const { &[Cite::htg("1.1")] },
            },
            Recommendation::ResearchOnly => Statement {
                title: "Research only: ECPR should only be done in formal research",
                text: "More research is needed before VA ECMO for ECPR can be used in the NHS \
                       for refractory cardiac arrest with a non-shockable heart rhythm or \
                       irreversible causes. It should only be done as part of formal research, \
                       and an NHS research ethics committee needs to have approved its use.",
                cites: const { &[Cite::ipg("1.2"), Cite::ipg("1.3")] },
            },
        }
    }
}

/// Why a case is outside both guidances.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    /// Under 18: both guidances are for adults.
    Child,
    /// Neither postcardiotomy shock nor refractory cardiac arrest.
    NoIndication,
    /// Return of spontaneous circulation: not a refractory arrest.
    Rosc,
    /// IPG808 3.1 defines refractory arrest in the absence of hypothermia.
    Hypothermia,
}

impl Reason {
    /// The reason code of rules.md.
    pub const fn id(self) -> &'static str {
        match self {
            Reason::Child => "child",
            Reason::NoIndication => "no-indication",
            Reason::Rosc => "rosc",
            Reason::Hypothermia => "hypothermia",
        }
    }

    pub const fn statement(self) -> Statement {
        match self {
            Reason::Child => Statement {
                title: "Outside the guidance: under 18",
                text: "Both guidances are for adults: HTG762 covers postcardiotomy cardiogenic \
                       shock in adults and IPG808 refractory cardiac arrest in adults. This app \
                       reads adult as 18 or over.",
                cites: const { &[Cite::htg("1.1"), Cite::ipg("1.1"), Cite::ipg("1.2")] },
            },
            Reason::NoIndication => Statement {
                title: "Outside the guidance: no indication",
                text: "Neither guidance covers this situation. HTG762 covers postcardiotomy \
                       cardiogenic shock in adults; IPG808 covers refractory cardiac arrest in \
                       adults.",
                cites: const { &[Cite::htg("1.1"), Cite::ipg("1.1"), Cite::ipg("1.2")] },
            },
            Reason::Rosc => Statement {
                title: "Outside the guidance: circulation has returned",
                text: "With return of spontaneous circulation this is not a refractory cardiac \
                       arrest: refractory cardiac arrest is defined as the lack of return of \
                       spontaneous circulation after 30 minutes of appropriate CPR.",
                cites: const { &[Cite::ipg("3.1")] },
            },
            Reason::Hypothermia => Statement {
                title: "Outside the guidance: hypothermia",
                text: "Refractory cardiac arrest is defined as the lack of return of spontaneous \
                       circulation after 30 minutes of appropriate CPR, in the absence of \
                       hypothermia. An arrest with hypothermia is outside this definition.",
                cites: const { &[Cite::ipg("3.1")] },
            },
        }
    }
}

/// The verdict for a case, with what each kind of verdict needs to be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// `option`, `evidence-generation` or `research-only`.
    Recommended(Recommendation),
    /// Under 30 minutes of CPR: what would apply at 30 minutes.
    /// The engine only ever puts `UseAsOption` or `ResearchOnly` here.
    NotYetRefractory { at_30_minutes: Recommendation },
    /// Neither guidance covers this person; `also` lists further reasons.
    OutsideGuidance { reason: Reason, also: Vec<Reason> },
    /// These inputs are needed before a verdict can be reached (never empty).
    NeedsInformation { missing: Vec<Field> },
    /// These inputs are out of range or malformed (never empty).
    Invalid { errors: Vec<FieldError> },
}

impl Verdict {
    /// The verdict id of rules.md, as `[data-verdict]` carries it.
    pub fn id(&self) -> &'static str {
        match self {
            Verdict::Recommended(r) => r.id(),
            Verdict::NotYetRefractory { .. } => "not-yet-refractory",
            Verdict::OutsideGuidance { .. } => "outside-guidance",
            Verdict::NeedsInformation { .. } => "needs-information",
            Verdict::Invalid { .. } => "invalid",
        }
    }

    /// The recommendation whose requirements apply, now or at 30 minutes.
    pub fn recommendation(&self) -> Option<Recommendation> {
        match self {
            Verdict::Recommended(r) | Verdict::NotYetRefractory { at_30_minutes: r } => Some(*r),
            Verdict::OutsideGuidance { .. } | Verdict::NeedsInformation { .. } | Verdict::Invalid { .. } => {
                None
            }
        }
    }

    /// Whether a consent information sheet belongs to this verdict.
    pub fn offers_consent_sheet(&self) -> bool {
        matches!(self, Verdict::Recommended(_))
    }
}

impl Verdict {
    /// The verdict in a clinician's words, as a heading.
    pub fn title(&self) -> &'static str {
        match self {
            Verdict::Recommended(r) => r.statement().title,
            Verdict::NotYetRefractory { .. } => "Not yet refractory: under 30 minutes of CPR",
            Verdict::OutsideGuidance { reason, .. } => reason.statement().title,
            Verdict::NeedsInformation { .. } => "More information needed",
            Verdict::Invalid { .. } => "Check the inputs",
        }
    }

    /// What the verdict says, as cited statements, most important first.
    pub fn statements(&self) -> Vec<Statement> {
        match self {
            Verdict::Recommended(r) => vec![r.statement()],
            Verdict::NotYetRefractory { at_30_minutes } => {
                let at_30 = at_30_minutes.statement();
                vec![
                    NOT_YET_REFRACTORY,
                    Statement { title: "At 30 minutes without ROSC", text: at_30.text, cites: at_30.cites },
                    Statement {
                        title: "Time matters",
                        text: "A shorter time between cardiac arrest and starting VA ECMO was \
                               associated with better outcomes.",
                        cites: const { &[Cite::ipg("3.12")] },
                    },
                ]
            }
            Verdict::OutsideGuidance { reason, also } => {
                std::iter::once(reason).chain(also).map(|r| r.statement()).collect()
            }
            Verdict::NeedsInformation { missing } => missing.iter().map(|f| missing_statement(*f)).collect(),
            Verdict::Invalid { .. } => vec![],
        }
    }
}

const NOT_YET_REFRACTORY: Statement = Statement {
    title: "Not yet refractory: under 30 minutes of CPR",
    text: "Refractory cardiac arrest is defined as the lack of return of spontaneous circulation \
           after 30 minutes of appropriate CPR, in the absence of hypothermia. This arrest has \
           had under 30 minutes of CPR.",
    cites: const { &[Cite::ipg("3.1")] },
};

/// Why a missing input is needed, with the paragraph that needs it.
pub const fn missing_statement(field: Field) -> Statement {
    match field {
        Field::Indication => Statement {
            title: "Indication",
            text: "HTG762 covers postcardiotomy cardiogenic shock in adults; IPG808 covers \
                   refractory cardiac arrest in adults.",
            cites: const { &[Cite::htg("1.1"), Cite::ipg("1.1"), Cite::ipg("1.2")] },
        },
        Field::Age => Statement {
            title: "Age",
            text: "Both guidances are for adults.",
            cites: const { &[Cite::htg("1.1"), Cite::ipg("1.1"), Cite::ipg("1.2")] },
        },
        Field::Rhythm => Statement {
            title: "Rhythm",
            text: "With a shockable rhythm recommendation 1.1 applies (an option); with a \
                   non-shockable rhythm and an irreversible cause, 1.2 and 1.3 (research only).",
            cites: const { &[Cite::ipg("1.1"), Cite::ipg("1.2"), Cite::ipg("1.3")] },
        },
        Field::Cause => Statement {
            title: "Cause of the arrest",
            text: "With a reversible cause recommendation 1.1 applies (an option); with an \
                   irreversible cause and a non-shockable rhythm, 1.2 and 1.3 (research only).",
            cites: const { &[Cite::ipg("1.1"), Cite::ipg("1.2"), Cite::ipg("1.3")] },
        },
        Field::CprMinutes => Statement {
            title: "Minutes of CPR",
            text: "Refractory cardiac arrest is defined as the lack of return of spontaneous \
                   circulation after 30 minutes of appropriate CPR.",
            cites: const { &[Cite::ipg("3.1")] },
        },
        Field::Rosc => Statement {
            title: "Return of spontaneous circulation",
            text: "Refractory cardiac arrest is defined as the lack of return of spontaneous \
                   circulation after 30 minutes of appropriate CPR.",
            cites: const { &[Cite::ipg("3.1")] },
        },
        Field::Hypothermia => Statement {
            title: "Hypothermia",
            text: "Refractory cardiac arrest is defined in the absence of hypothermia.",
            cites: const { &[Cite::ipg("3.1")] },
        },
    }
}

/// A sentence drawn from a guidance, with the paragraphs it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Statement {
    /// A short heading, in a clinician's words.
    pub title: &'static str,
    /// The statement, keeping the guidance's modal verbs.
    pub text: &'static str,
    pub cites: &'static [Cite],
}

/// A condition the guidance attaches to its recommendation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RequirementId {
    MdtSelection,
    SpecialistCentre,
    TrainedTeam,
    ElsoRegistry,
    SharedDecision,
    EnhancedConsent,
    GovernanceLeadInformed,
    EvidenceData,
    Ncaa,
    FormalResearch,
    EthicsApproval,
}

impl RequirementId {
    pub const ALL: &'static [RequirementId] = &[
        RequirementId::MdtSelection,
        RequirementId::SpecialistCentre,
        RequirementId::TrainedTeam,
        RequirementId::ElsoRegistry,
        RequirementId::SharedDecision,
        RequirementId::EnhancedConsent,
        RequirementId::GovernanceLeadInformed,
        RequirementId::EvidenceData,
        RequirementId::Ncaa,
        RequirementId::FormalResearch,
        RequirementId::EthicsApproval,
    ];

    /// The requirement id of rules.md, as `[data-requirement]` carries it.
    pub const fn id(self) -> &'static str {
        match self {
            RequirementId::MdtSelection => "mdt-selection",
            RequirementId::SpecialistCentre => "specialist-centre",
            RequirementId::TrainedTeam => "trained-team",
            RequirementId::ElsoRegistry => "elso-registry",
            RequirementId::SharedDecision => "shared-decision",
            RequirementId::EnhancedConsent => "enhanced-consent",
            RequirementId::GovernanceLeadInformed => "governance-lead-informed",
            RequirementId::EvidenceData => "evidence-data",
            RequirementId::Ncaa => "ncaa",
            RequirementId::FormalResearch => "formal-research",
            RequirementId::EthicsApproval => "ethics-approval",
        }
    }

    /// The team's answer for this requirement (case-file.md maps one `team`
    /// field to each requirement).
    pub const fn answer(self, team: &Team) -> Option<Answer> {
        match self {
            RequirementId::MdtSelection => team.mdt_selection,
            RequirementId::SpecialistCentre => team.specialist_centre,
            RequirementId::TrainedTeam => team.trained_team,
            RequirementId::ElsoRegistry => team.elso_registry,
            RequirementId::SharedDecision => team.options_discussed,
            RequirementId::EnhancedConsent => team.enhanced_consent,
            RequirementId::GovernanceLeadInformed => team.governance_lead_informed,
            RequirementId::EvidenceData => team.evidence_data,
            RequirementId::Ncaa => team.ncaa,
            RequirementId::FormalResearch => team.formal_research,
            RequirementId::EthicsApproval => team.ethics_approval,
        }
    }
}

impl RequirementId {
    /// Sets the team's answer for this requirement.
    pub fn set_answer(self, team: &mut Team, answer: Option<Answer>) {
        let slot = match self {
            RequirementId::MdtSelection => &mut team.mdt_selection,
            RequirementId::SpecialistCentre => &mut team.specialist_centre,
            RequirementId::TrainedTeam => &mut team.trained_team,
            RequirementId::ElsoRegistry => &mut team.elso_registry,
            RequirementId::SharedDecision => &mut team.options_discussed,
            RequirementId::EnhancedConsent => &mut team.enhanced_consent,
            RequirementId::GovernanceLeadInformed => &mut team.governance_lead_informed,
            RequirementId::EvidenceData => &mut team.evidence_data,
            RequirementId::Ncaa => &mut team.ncaa,
            RequirementId::FormalResearch => &mut team.formal_research,
            RequirementId::EthicsApproval => &mut team.ethics_approval,
        };
        *slot = answer;
    }

    /// The case-file path of the team field for this requirement.
    pub const fn team_path(self) -> &'static str {
        match self {
            RequirementId::MdtSelection => "team.mdt_selection",
            RequirementId::SpecialistCentre => "team.specialist_centre",
            RequirementId::TrainedTeam => "team.trained_team",
            RequirementId::ElsoRegistry => "team.elso_registry",
            RequirementId::SharedDecision => "team.options_discussed",
            RequirementId::EnhancedConsent => "team.enhanced_consent",
            RequirementId::GovernanceLeadInformed => "team.governance_lead_informed",
            RequirementId::EvidenceData => "team.evidence_data",
            RequirementId::Ncaa => "team.ncaa",
            RequirementId::FormalResearch => "team.formal_research",
            RequirementId::EthicsApproval => "team.ethics_approval",
        }
    }
}

/// A requirement as one guidance words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequirementSpec {
    pub id: RequirementId,
    /// A short name for the checklist.
    pub title: &'static str,
    /// The guidance's sentence, keeping its modal verb.
    pub text: &'static str,
    pub cites: &'static [Cite],
}

/// Whether a requirement is met, from the team's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Met,
    NotMet,
    Unknown,
}

impl Status {
    pub const fn from_answer(answer: Option<Answer>) -> Status {
        match answer {
            Some(Answer::Yes) => Status::Met,
            Some(Answer::No) => Status::NotMet,
            None => Status::Unknown,
        }
    }

    /// The status id, as `[data-status]` carries it.
    pub const fn id(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not-met",
            Status::Unknown => "unknown",
        }
    }
}

/// A requirement that applies, and whether it is met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequirementCheck {
    pub spec: &'static RequirementSpec,
    pub status: Status,
}

/// Something the clinician must weigh that does not change the verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CautionId {
    MixedCriteria,
    ElectiveUse,
    MedicinesAlone,
    Pregnancy,
}

impl CautionId {
    pub const ALL: &'static [CautionId] =
        &[CautionId::MixedCriteria, CautionId::ElectiveUse, CautionId::MedicinesAlone, CautionId::Pregnancy];

    /// The caution id, as `[data-caution]` carries it.
    pub const fn id(self) -> &'static str {
        match self {
            CautionId::MixedCriteria => "mixed-criteria",
            CautionId::ElectiveUse => "elective-use",
            CautionId::MedicinesAlone => "medicines-alone",
            CautionId::Pregnancy => "pregnancy",
        }
    }
}

/// A caution as one guidance supports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CautionSpec {
    pub id: CautionId,
    pub title: &'static str,
    pub text: &'static str,
    pub cites: &'static [Cite],
}

/// A note for the clinician: context the guidance gives, not a condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoteSpec {
    /// A stable id, unique across both guidances (`htg762.start-early`).
    pub id: &'static str,
    pub text: &'static str,
    pub cites: &'static [Cite],
}

/// One row of a rules table: what the rule says and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// A stable id, unique across both guidances (`ipg808.shockable-rhythm`).
    pub id: &'static str,
    /// What the rule says, in a clinician's words.
    pub says: &'static str,
    pub cites: &'static [Cite],
}

/// The decision for one case: the verdict and all its reasons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub verdict: Verdict,
    /// The requirements of the recommendation that applies (now, or at 30
    /// minutes), each with its status; empty for other verdicts.
    pub requirements: Vec<RequirementCheck>,
    pub cautions: Vec<&'static CautionSpec>,
    pub notes: Vec<&'static NoteSpec>,
    /// The rules that fired, in the order they were applied.
    pub trace: Vec<&'static Rule>,
}

impl Decision {
    pub fn requirement(&self, id: RequirementId) -> Option<&RequirementCheck> {
        self.requirements.iter().find(|r| r.spec.id == id)
    }

    pub fn has_caution(&self, id: CautionId) -> bool {
        self.cautions.iter().any(|c| c.id == id)
    }
}

/// What one guidance's table finds for a case, before precedence.
#[derive(Debug, Default)]
struct Findings {
    outside: Vec<Reason>,
    missing: Vec<Field>,
    /// The group's recommendation, once known.
    recommendation: Option<Recommendation>,
    /// `Some(false)` when under 30 minutes of CPR (arrest only).
    refractory: Option<bool>,
    requirements: &'static [RequirementSpec],
    cautions: Vec<&'static CautionSpec>,
    notes: Vec<&'static NoteSpec>,
    trace: Vec<&'static Rule>,
}

impl Findings {
    fn fire(&mut self, rule: &'static Rule) {
        self.trace.push(rule);
    }
}

/// The rules common to both guidances: scope and precedence.
pub mod scope {
    use super::Rule;
    use crate::citation::Cite;

    pub const INVALID_INPUT: Rule = Rule {
        id: "scope.invalid-input",
        says: "An input is out of range or malformed: no verdict until it is corrected.",
        cites: &[],
    };
    pub const INDICATION_MISSING: Rule = Rule {
        id: "scope.indication-missing",
        says: "The indication is needed: HTG762 covers postcardiotomy cardiogenic shock, \
               IPG808 refractory cardiac arrest.",
        cites: const { &[Cite::htg("1.1"), Cite::ipg("1.1"), Cite::ipg("1.2")] },
    };
    pub const NO_INDICATION: Rule = Rule {
        id: "scope.no-indication",
        says: "Neither postcardiotomy cardiogenic shock nor refractory cardiac arrest: \
               outside both guidances.",
        cites: const { &[Cite::htg("1.1"), Cite::ipg("1.1"), Cite::ipg("1.2")] },
    };
    pub const AGE_MISSING: Rule = Rule {
        id: "scope.age-missing",
        says: "Age is needed: both guidances are for adults.",
        cites: const { &[Cite::htg("1.1"), Cite::ipg("1.1"), Cite::ipg("1.2")] },
    };
    pub const CHILD: Rule = Rule {
        id: "scope.child",
        says: "Under 18: both guidances are for adults.",
        cites: const { &[Cite::htg("1.1"), Cite::ipg("1.1"), Cite::ipg("1.2")] },
    };
    pub const ADULT: Rule = Rule {
        id: "scope.adult",
        says: "18 or over: an adult, as both guidances require.",
        cites: const { &[Cite::htg("1.1"), Cite::ipg("1.1"), Cite::ipg("1.2")] },
    };
    pub const PREGNANCY: Rule = Rule {
        id: "scope.pregnancy",
        says: "Pregnant or postpartum: the recommendations include use in pregnancy and the \
               postpartum period; the verdict does not change.",
        cites: const { &[Cite::htg("3.11"), Cite::ipg("3.14")] },
    };

    /// The scope table.
    pub const RULES: &[&Rule] =
        &[&INVALID_INPUT, &INDICATION_MISSING, &NO_INDICATION, &AGE_MISSING, &CHILD, &ADULT, &PREGNANCY];

    /// The pregnancy caution when the indication is not known or not covered:
    /// both guidances' paragraphs.
    pub const PREGNANCY_CAUTION: super::CautionSpec = super::CautionSpec {
        id: super::CautionId::Pregnancy,
        title: "Pregnancy or postpartum",
        text: "Both guidances include use of VA ECMO during pregnancy or in the postpartum \
               period. Pregnancy and maternity are protected characteristics under the Equality \
               Act (2010); people who are pregnant, or who have recently been pregnant, may need \
               to access this intervention.",
        cites: const { &[Cite::htg("3.11"), Cite::htg("3.17"), Cite::ipg("3.14"), Cite::ipg("3.17")] },
    };
}

/// Every rules table, for tests and the teaching trace.
pub const TABLES: [(&str, &[&Rule]); 3] =
    [("scope", scope::RULES), ("HTG762", htg762::RULES), ("IPG808", ipg808::RULES)];

/// Decides a case. Total: every case gets a decision, and nothing panics.
pub fn decide(case: &Case) -> Decision {
    decide_parts(&case.assessment, &case.errors)
}

/// Decides an assessment that has no input errors.
pub fn decide_assessment(assessment: &Assessment) -> Decision {
    decide_parts(assessment, &[])
}

fn decide_parts(a: &Assessment, errors: &[FieldError]) -> Decision {
    let mut f = Findings::default();

    // Scope: age (both guidances are for adults).
    match a.patient.age_years {
        Some(age) if age.is_adult() => f.fire(&scope::ADULT),
        Some(_) => {
            f.fire(&scope::CHILD);
            f.outside.push(Reason::Child);
        }
        None => {
            f.fire(&scope::AGE_MISSING);
            f.missing.push(Field::Age);
        }
    }

    // Scope: the indication, then that guidance's table.
    match a.indication {
        Some(Indication::PostcardiotomyShock) => htg762::evaluate(a, &mut f),
        Some(Indication::RefractoryCardiacArrest) => ipg808::evaluate(a, &mut f),
        Some(Indication::Other) => {
            f.fire(&scope::NO_INDICATION);
            f.outside.push(Reason::NoIndication);
        }
        None => {
            f.fire(&scope::INDICATION_MISSING);
            f.missing.insert(0, Field::Indication);
        }
    }

    // Pregnancy never changes the verdict; it is always shown.
    let pregnancy = if a.patient.pregnant_or_postpartum() {
        f.fire(&scope::PREGNANCY);
        Some(match a.indication {
            Some(Indication::PostcardiotomyShock) => &htg762::PREGNANCY,
            Some(Indication::RefractoryCardiacArrest) => &ipg808::PREGNANCY,
            Some(Indication::Other) | None => &scope::PREGNANCY_CAUTION,
        })
    } else {
        None
    };

    crate::model::sort_small(&mut f.outside, |r| *r);
    f.outside.dedup();
    let verdict = if !errors.is_empty() {
        f.trace.insert(0, &scope::INVALID_INPUT);
        Verdict::Invalid { errors: errors.to_vec() }
    } else if let Some((&reason, also)) = f.outside.split_first() {
        Verdict::OutsideGuidance { reason, also: also.to_vec() }
    } else if !f.missing.is_empty() {
        Verdict::NeedsInformation { missing: std::mem::take(&mut f.missing) }
    } else {
        match (f.recommendation, f.refractory) {
            (Some(r), Some(false)) => Verdict::NotYetRefractory { at_30_minutes: r },
            (Some(r), Some(true) | None) => Verdict::Recommended(r),
            // A table that finds no group names what it lacks; should one ever
            // not, ask for the indication rather than guess a verdict.
            (None, _) => Verdict::NeedsInformation { missing: vec![Field::Indication] },
        }
    };

    let (requirements, mut cautions, notes) = match &verdict {
        Verdict::Recommended(_) | Verdict::NotYetRefractory { .. } => (
            f.requirements
                .iter()
                .map(|spec| RequirementCheck { spec, status: Status::from_answer(spec.id.answer(&a.team)) })
                .collect(),
            f.cautions,
            f.notes,
        ),
        Verdict::NeedsInformation { .. } => (Vec::new(), f.cautions, Vec::new()),
        Verdict::OutsideGuidance { .. } | Verdict::Invalid { .. } => (Vec::new(), Vec::new(), Vec::new()),
    };
    cautions.extend(pregnancy);

    Decision { verdict, requirements, cautions, notes, trace: f.trace }
}
