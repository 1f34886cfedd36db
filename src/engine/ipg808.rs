//! IPG808: VA ECMO for ECPR in adults with refractory cardiac arrest.
//!
//! The rules table, the requirement, caution and note tables, and the tests of
//! each rule, as rules.md ("Refractory cardiac arrest (IPG808)") reads them.

use super::{
    CautionId, CautionSpec, Findings, NoteSpec, Reason, Recommendation, RequirementId, RequirementSpec, Rule,
};
use crate::citation::Cite;
use crate::model::{Assessment, Cause, Field, Shockability};

pub const ROSC: Rule = Rule {
    id: "ipg808.rosc",
    says: "Return of spontaneous circulation: not a refractory cardiac arrest.",
    cites: &[Cite::ipg("3.1")],
};
pub const ROSC_MISSING: Rule = Rule {
    id: "ipg808.rosc-missing",
    says: "Whether circulation has returned is needed to call the arrest refractory.",
    cites: &[Cite::ipg("3.1")],
};
pub const HYPOTHERMIA: Rule = Rule {
    id: "ipg808.hypothermia",
    says: "Hypothermia: outside the definition of refractory cardiac arrest.",
    cites: &[Cite::ipg("3.1")],
};
pub const HYPOTHERMIA_MISSING: Rule = Rule {
    id: "ipg808.hypothermia-missing",
    says: "Whether there is hypothermia is needed to call the arrest refractory.",
    cites: &[Cite::ipg("3.1")],
};
pub const SHOCKABLE_RHYTHM: Rule = Rule {
    id: "ipg808.shockable-rhythm",
    says: "Shockable heart rhythm (VF or pVT): recommendation 1.1, an option.",
    cites: &[Cite::ipg("1.1"), Cite::ipg("3.1")],
};
pub const REVERSIBLE_CAUSE: Rule = Rule {
    id: "ipg808.reversible-cause",
    says: "Reversible cause: recommendation 1.1, an option.",
    cites: &[Cite::ipg("1.1")],
};
pub const NON_SHOCKABLE_IRREVERSIBLE: Rule = Rule {
    id: "ipg808.non-shockable-irreversible",
    says: "Non-shockable heart rhythm and irreversible cause: recommendations 1.2 and 1.3, \
           research only.",
    cites: &[Cite::ipg("1.2"), Cite::ipg("1.3")],
};
pub const MIXED_CRITERIA: Rule = Rule {
    id: "ipg808.mixed-criteria",
    says: "One condition of 1.1 and one of 1.2 both hold: 1.1 applies, with the caution \
           mixed-criteria.",
    cites: &[Cite::ipg("1.1"), Cite::ipg("1.2"), Cite::ipg("Why the committee made these recommendations")],
};
pub const RHYTHM_MISSING: Rule = Rule {
    id: "ipg808.rhythm-missing",
    says: "The cause alone does not decide the group: the rhythm is needed.",
    cites: &[Cite::ipg("1.1"), Cite::ipg("1.2")],
};
pub const CAUSE_MISSING: Rule = Rule {
    id: "ipg808.cause-missing",
    says: "The rhythm alone does not decide the group: the cause is needed.",
    cites: &[Cite::ipg("1.1"), Cite::ipg("1.2")],
};
pub const CPR_MISSING: Rule = Rule {
    id: "ipg808.cpr-minutes-missing",
    says: "Minutes of CPR are needed: refractory means no ROSC after 30 minutes of CPR.",
    cites: &[Cite::ipg("3.1")],
};
pub const NOT_YET_REFRACTORY: Rule = Rule {
    id: "ipg808.not-yet-refractory",
    says: "Under 30 minutes of CPR: not yet refractory by the definition.",
    cites: &[Cite::ipg("3.1"), Cite::ipg("3.12")],
};
pub const REFRACTORY: Rule = Rule {
    id: "ipg808.refractory",
    says: "30 minutes or more of CPR without ROSC, without hypothermia: refractory.",
    cites: &[Cite::ipg("3.1")],
};

/// The IPG808 rules table.
pub const RULES: &[&Rule] = &[
    &ROSC,
    &ROSC_MISSING,
    &HYPOTHERMIA,
    &HYPOTHERMIA_MISSING,
    &SHOCKABLE_RHYTHM,
    &REVERSIBLE_CAUSE,
    &NON_SHOCKABLE_IRREVERSIBLE,
    &MIXED_CRITERIA,
    &RHYTHM_MISSING,
    &CAUSE_MISSING,
    &CPR_MISSING,
    &NOT_YET_REFRACTORY,
    &REFRACTORY,
];

const WHO: &str = "Who should be involved in the procedure";
const AUDIT: &str = "Auditing of outcomes";
const PRACTICE: &str = "What this means in practice";

const MDT: RequirementSpec = RequirementSpec {
    id: RequirementId::MdtSelection,
    title: "Multidisciplinary team selection",
    text: "Patient selection should be done by a multidisciplinary team.",
    cites: &[Cite::ipg(WHO)],
};
const CENTRE: RequirementSpec = RequirementSpec {
    id: RequirementId::SpecialistCentre,
    title: "Specialist ECPR centre",
    text: "The procedure should only be done in centres specialising in using VA ECMO for \
           ECPR for refractory cardiac arrest.",
    cites: &[Cite::ipg(WHO), Cite::ipg("3.8")],
};
const TRAINED: RequirementSpec = RequirementSpec {
    id: RequirementId::TrainedTeam,
    title: "Specifically trained team",
    text: "The procedure should only be done by healthcare professionals with specific \
           training in this procedure.",
    cites: &[Cite::ipg(WHO)],
};
const ELSO: RequirementSpec = RequirementSpec {
    id: RequirementId::ElsoRegistry,
    title: "ELSO registry",
    text: "Healthcare professionals doing this procedure should collect data on its safety \
           and outcomes. Enter details about everyone having this procedure into the \
           Extracorporeal Life Support Organization registry and regularly review the data on \
           outcomes and safety.",
    cites: &[Cite::ipg(AUDIT)],
};
const NCAA: RequirementSpec = RequirementSpec {
    id: RequirementId::Ncaa,
    title: "National Cardiac Arrest Audit",
    text: "Healthcare professionals are also encouraged to enter data into the National \
           Cardiac Arrest Audit.",
    cites: &[Cite::ipg(AUDIT)],
};
const SHARED_DECISION: RequirementSpec = RequirementSpec {
    id: RequirementId::SharedDecision,
    title: "Options discussed, joint decision",
    text: "Healthcare professionals should discuss the available options with the person \
           (and their family members and carers as appropriate) before a joint decision is \
           made, if possible.",
    cites: &[Cite::ipg(PRACTICE)],
};
const FORMAL_RESEARCH: RequirementSpec = RequirementSpec {
    id: RequirementId::FormalResearch,
    title: "Formal research",
    text: "This procedure should only be done as part of formal research.",
    cites: &[Cite::ipg("1.3")],
};
const ETHICS: RequirementSpec = RequirementSpec {
    id: RequirementId::EthicsApproval,
    title: "Research ethics approval",
    text: "An NHS research ethics committee needs to have approved its use.",
    cites: &[Cite::ipg("1.3")],
};

/// Requirements with recommendation 1.1 (`option`).
pub const OPTION_REQUIREMENTS: &[RequirementSpec] = &[MDT, CENTRE, TRAINED, SHARED_DECISION, ELSO, NCAA];

/// Requirements with recommendations 1.2 and 1.3 (`research-only`).
pub const RESEARCH_REQUIREMENTS: &[RequirementSpec] =
    &[FORMAL_RESEARCH, ETHICS, MDT, CENTRE, TRAINED, ELSO, NCAA];

pub const MIXED: CautionSpec = CautionSpec {
    id: CautionId::MixedCriteria,
    title: "Mixed criteria",
    text: "One condition of recommendation 1.1 holds (shockable rhythm or reversible cause), \
           and the wording of 1.2 (non-shockable rhythm or irreversible causes) also matches. \
           This app applies 1.1, because the evidence of benefit is tied to that group; the \
           guidance leaves such cases to the multidisciplinary team.",
    cites: &[
        Cite::ipg("1.1"),
        Cite::ipg("1.2"),
        Cite::ipg("Why the committee made these recommendations"),
        Cite::ipg(WHO),
    ],
};

pub const PREGNANCY: CautionSpec = CautionSpec {
    id: CautionId::Pregnancy,
    title: "Pregnancy or postpartum",
    text: "The recommendations in this guidance include the use of VA ECMO during pregnancy \
           or in the postpartum period. Pregnancy and maternity are protected characteristics \
           under the Equality Act (2010); people with refractory cardiac arrest who are \
           pregnant, or who have recently been pregnant, may need to access this intervention.",
    cites: &[Cite::ipg("3.14"), Cite::ipg("3.17")],
};

/// Clinician-view notes, shown with `option`, `research-only` and
/// `not-yet-refractory`.
pub const NOTES: &[NoteSpec] = &[
    NoteSpec {
        id: "ipg808.time-to-ecmo",
        text: "A shorter time between cardiac arrest and starting VA ECMO was associated with \
               better outcomes.",
        cites: &[Cite::ipg("3.12")],
    },
    NoteSpec {
        id: "ipg808.ischaemic-heart-disease",
        text: "VA ECMO for ECPR in refractory cardiac arrest is primarily for people with \
               ischaemic heart disease.",
        cites: &[Cite::ipg("3.11")],
    },
    NoteSpec {
        id: "ipg808.younger-fewer-comorbidities",
        text: "Outcomes were better in younger people with fewer comorbidities.",
        cites: &[Cite::ipg("3.13")],
    },
    NoteSpec {
        id: "ipg808.efficacy-outcomes",
        text: "Key efficacy outcomes: survival with favourable neurological outcome, and \
               restoration of organ function.",
        cites: &[Cite::ipg("3.5")],
    },
    NoteSpec {
        id: "ipg808.safety-outcomes",
        text: "Key safety outcomes: bleeding, leg ischaemia, stroke, infection, renal failure \
               and circuit-related complications.",
        cites: &[Cite::ipg("3.6")],
    },
    NoteSpec {
        id: "ipg808.research-needed",
        text: "More research is needed on patient selection, survival, neurological outcomes \
               and timing of the intervention.",
        cites: &[Cite::ipg("What research is needed")],
    },
    NoteSpec {
        id: "ipg808.resource-use",
        text: "There is a significant resource use associated with VA ECMO for ECPR.",
        cites: &[Cite::ipg("3.10")],
    },
    NoteSpec {
        id: "ipg808.access",
        text: "VA ECMO for ECPR is available in only a few centres; people in more rural areas \
               may not have access to it.",
        cites: &[Cite::ipg("3.9"), Cite::ipg("3.16")],
    },
    NoteSpec {
        id: "ipg808.organ-donation",
        text: "Some people who had VA ECMO have become organ donors, and their organs have been \
               transplanted.",
        cites: &[Cite::ipg("3.15")],
    },
    NoteSpec {
        id: "ipg808.funding",
        text: "Hospital trusts will have their own policies on funding procedures and monitoring \
               results. NHS England may also have policies on funding of procedures.",
        cites: &[Cite::ipg(PRACTICE)],
    },
];

/// Applies the IPG808 table to an assessment whose indication is refractory
/// cardiac arrest.
pub(super) fn evaluate(a: &Assessment, f: &mut Findings) {
    let arrest = &a.arrest;

    // Refractory is defined without ROSC and without hypothermia (3.1):
    // both must be known, and either one puts the case outside.
    match arrest.rosc {
        Some(true) => {
            f.fire(&ROSC);
            f.outside.push(Reason::Rosc);
        }
        Some(false) => {}
        None => {
            f.fire(&ROSC_MISSING);
            f.missing.push(Field::Rosc);
        }
    }
    match arrest.hypothermia {
        Some(true) => {
            f.fire(&HYPOTHERMIA);
            f.outside.push(Reason::Hypothermia);
        }
        Some(false) => {}
        None => {
            f.fire(&HYPOTHERMIA_MISSING);
            f.missing.push(Field::Hypothermia);
        }
    }

    // The group, from rhythm and cause (1.1 against 1.2 and 1.3).
    let shock = arrest.rhythm.map(|r| r.shockability());
    use Cause::{Irreversible, Reversible};
    use Shockability::{NonShockable, Shockable};
    let (group, mixed) = match (shock, arrest.cause) {
        (Some(Shockable), Some(Reversible)) => {
            f.fire(&SHOCKABLE_RHYTHM);
            f.fire(&REVERSIBLE_CAUSE);
            (Some(Recommendation::UseAsOption), false)
        }
        (Some(Shockable), Some(Irreversible)) => {
            f.fire(&SHOCKABLE_RHYTHM);
            (Some(Recommendation::UseAsOption), true)
        }
        (Some(Shockable), None) => {
            f.fire(&SHOCKABLE_RHYTHM);
            (Some(Recommendation::UseAsOption), false)
        }
        (Some(NonShockable), Some(Reversible)) => {
            f.fire(&REVERSIBLE_CAUSE);
            (Some(Recommendation::UseAsOption), true)
        }
        (None, Some(Reversible)) => {
            f.fire(&REVERSIBLE_CAUSE);
            (Some(Recommendation::UseAsOption), false)
        }
        (Some(NonShockable), Some(Irreversible)) => {
            f.fire(&NON_SHOCKABLE_IRREVERSIBLE);
            (Some(Recommendation::ResearchOnly), false)
        }
        (Some(NonShockable), None) => {
            f.fire(&CAUSE_MISSING);
            f.missing.push(Field::Cause);
            (None, false)
        }
        (None, Some(Irreversible)) => {
            f.fire(&RHYTHM_MISSING);
            f.missing.push(Field::Rhythm);
            (None, false)
        }
        (None, None) => {
            f.fire(&RHYTHM_MISSING);
            f.fire(&CAUSE_MISSING);
            f.missing.push(Field::Rhythm);
            f.missing.push(Field::Cause);
            (None, false)
        }
    };
    if mixed {
        f.fire(&MIXED_CRITERIA);
        f.cautions.push(&MIXED);
    }
    f.recommendation = group;
    f.requirements = match group {
        Some(Recommendation::UseAsOption) => OPTION_REQUIREMENTS,
        Some(Recommendation::ResearchOnly) => RESEARCH_REQUIREMENTS,
        // IPG808 never yields evidence generation; no group yet, no requirements.
        Some(Recommendation::EvidenceGeneration) | None => &[],
    };

    // Refractory: 30 minutes of appropriate CPR (3.1).
    match arrest.cpr_minutes {
        Some(m) if m.is_refractory() => {
            f.fire(&REFRACTORY);
            f.refractory = Some(true);
        }
        Some(_) => {
            f.fire(&NOT_YET_REFRACTORY);
            f.refractory = Some(false);
        }
        None => {
            f.fire(&CPR_MISSING);
            f.missing.push(Field::CprMinutes);
        }
    }

    f.notes = NOTES.iter().collect();
    // Missing inputs in the order of the case file.
    crate::model::sort_small(&mut f.missing, |m| *m);
}

#[cfg(test)]
mod tests {
    //! One test per rule of the table, each through `decide`.
    use crate::engine::{decide_assessment, Decision, Verdict};
    use crate::model::*;

    fn arrest(f: impl FnOnce(&mut Arrest)) -> Decision {
        let mut a = Assessment {
            indication: Some(Indication::RefractoryCardiacArrest),
            patient: Patient { age_years: Age::new(50), pregnancy: None },
            arrest: Arrest {
                rhythm: Some(Rhythm::Vf),
                cause: Some(Cause::Reversible),
                cpr_minutes: CprMinutes::new(40),
                rosc: Some(false),
                hypothermia: Some(false),
                ..Arrest::default()
            },
            ..Assessment::default()
        };
        f(&mut a.arrest);
        decide_assessment(&a)
    }

    fn fired(d: &Decision, rule: &super::Rule) -> bool {
        d.trace.iter().any(|r| r.id == rule.id)
    }

    #[test]
    fn rosc() {
        let d = arrest(|a| a.rosc = Some(true));
        assert_eq!(d.verdict.id(), "outside-guidance");
        assert!(fired(&d, &super::ROSC));
    }

    #[test]
    fn rosc_missing() {
        let d = arrest(|a| a.rosc = None);
        assert_eq!(d.verdict, Verdict::NeedsInformation { missing: vec![Field::Rosc] });
        assert!(fired(&d, &super::ROSC_MISSING));
    }

    #[test]
    fn hypothermia() {
        let d = arrest(|a| a.hypothermia = Some(true));
        assert_eq!(d.verdict.id(), "outside-guidance");
        assert!(fired(&d, &super::HYPOTHERMIA));
    }

    #[test]
    fn hypothermia_missing() {
        let d = arrest(|a| a.hypothermia = None);
        assert_eq!(d.verdict, Verdict::NeedsInformation { missing: vec![Field::Hypothermia] });
        assert!(fired(&d, &super::HYPOTHERMIA_MISSING));
    }

    #[test]
    fn shockable_rhythm() {
        let d = arrest(|a| a.cause = None);
        assert_eq!(d.verdict.id(), "option");
        assert!(fired(&d, &super::SHOCKABLE_RHYTHM));
    }

    #[test]
    fn reversible_cause() {
        let d = arrest(|a| a.rhythm = None);
        assert_eq!(d.verdict.id(), "option");
        assert!(fired(&d, &super::REVERSIBLE_CAUSE));
    }

    #[test]
    fn non_shockable_irreversible() {
        let d = arrest(|a| {
            a.rhythm = Some(Rhythm::Asystole);
            a.cause = Some(Cause::Irreversible);
        });
        assert_eq!(d.verdict.id(), "research-only");
        assert!(fired(&d, &super::NON_SHOCKABLE_IRREVERSIBLE));
    }

    #[test]
    fn mixed_criteria() {
        let d = arrest(|a| a.cause = Some(Cause::Irreversible));
        assert_eq!(d.verdict.id(), "option");
        assert!(fired(&d, &super::MIXED_CRITERIA));
        assert!(d.has_caution(crate::engine::CautionId::MixedCriteria));
    }

    #[test]
    fn rhythm_missing() {
        let d = arrest(|a| {
            a.rhythm = None;
            a.cause = Some(Cause::Irreversible);
        });
        assert_eq!(d.verdict, Verdict::NeedsInformation { missing: vec![Field::Rhythm] });
        assert!(fired(&d, &super::RHYTHM_MISSING));
    }

    #[test]
    fn cause_missing() {
        let d = arrest(|a| {
            a.rhythm = Some(Rhythm::Pea);
            a.cause = None;
        });
        assert_eq!(d.verdict, Verdict::NeedsInformation { missing: vec![Field::Cause] });
        assert!(fired(&d, &super::CAUSE_MISSING));
    }

    #[test]
    fn cpr_missing() {
        let d = arrest(|a| a.cpr_minutes = None);
        assert_eq!(d.verdict, Verdict::NeedsInformation { missing: vec![Field::CprMinutes] });
        assert!(fired(&d, &super::CPR_MISSING));
    }

    #[test]
    fn not_yet_refractory() {
        let d = arrest(|a| a.cpr_minutes = CprMinutes::new(29));
        assert_eq!(d.verdict.id(), "not-yet-refractory");
        assert!(fired(&d, &super::NOT_YET_REFRACTORY));
    }

    #[test]
    fn refractory() {
        let d = arrest(|a| a.cpr_minutes = CprMinutes::new(30));
        assert_eq!(d.verdict.id(), "option");
        assert!(fired(&d, &super::REFRACTORY));
    }
}
