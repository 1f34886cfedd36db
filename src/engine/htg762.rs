//! HTG762: VA ECMO for postcardiotomy cardiogenic shock (PCS) in adults.
//!
//! The rules table, the requirement, caution and note tables, and the tests of
//! each rule, as rules.md ("Postcardiotomy cardiogenic shock (HTG762)") reads
//! them. No input but age (in scope) changes the verdict: phase of care,
//! medicines and graft dysfunction add cautions and notes only.

use super::{
    CautionId, CautionSpec, Findings, NoteSpec, Recommendation, RequirementId, RequirementSpec, Rule,
};
use crate::citation::Cite;
use crate::model::{Assessment, Phase};

pub const PCS: Rule = Rule {
    id: "htg762.pcs",
    says: "An adult with postcardiotomy cardiogenic shock: VA ECMO can be used during the \
           evidence generation period, with enhanced informed consent and auditing of outcomes.",
    cites: &[Cite::htg("1.1")],
};
pub const PHASE_PCS: Rule = Rule {
    id: "htg762.phase-pcs",
    says: "Unable to separate from cardiopulmonary bypass, or cardiogenic shock after cardiac \
           surgery: both are postcardiotomy cardiogenic shock.",
    cites: &[Cite::htg("2.1"), Cite::htg("3.1")],
};
pub const ELECTIVE_USE: Rule = Rule {
    id: "htg762.elective-use",
    says: "Elective use in someone at high risk of PCS: same verdict, with the caution \
           elective-use.",
    cites: &[Cite::htg("1.1"), Cite::htg("3.8")],
};
pub const MEDICINES_ALONE: Rule = Rule {
    id: "htg762.medicines-alone",
    says: "Shock that can still be managed with medicines alone: same verdict, with the \
           caution medicines-alone.",
    cites: &[Cite::htg("3.1"), Cite::htg("3.2")],
};
pub const GRAFT_DYSFUNCTION: Rule = Rule {
    id: "htg762.graft-dysfunction",
    says: "Primary graft dysfunction after heart transplant: the procedure could have a \
           better outcome.",
    cites: &[Cite::htg("3.12")],
};

/// The HTG762 rules table.
pub const RULES: &[&Rule] = &[&PCS, &PHASE_PCS, &ELECTIVE_USE, &MEDICINES_ALONE, &GRAFT_DYSFUNCTION];

const WHO: &str = "Who should be involved with the procedure";
const AUDIT: &str = "Auditing of outcomes";
const PRACTICE: &str = "What this means in practice";
const CONSENT: &str = "Enhanced informed consent";

/// Requirements with the HTG762 recommendation (`evidence-generation`).
pub const REQUIREMENTS: &[RequirementSpec] = &[
    RequirementSpec {
        id: RequirementId::EnhancedConsent,
        title: "Enhanced informed consent",
        text: "There must be enhanced informed consent. When possible, healthcare professionals \
               must make sure that people (and their families and carers as appropriate) \
               understand the uncertainty and lack of evidence around the procedure's safety and \
               efficacy, using shared decision making.",
        cites: &[Cite::htg("1.1"), Cite::htg(CONSENT)],
    },
    RequirementSpec {
        id: RequirementId::SharedDecision,
        title: "Options discussed, joint decision",
        text: "Healthcare professionals should discuss the available options with the person \
               with PCS (and their family and carers as appropriate) before a joint decision is \
               made, if possible.",
        cites: &[Cite::htg(PRACTICE)],
    },
    RequirementSpec {
        id: RequirementId::GovernanceLeadInformed,
        title: "Clinical governance leads informed",
        text: "Healthcare professionals must inform the clinical governance leads in their \
               organisation if they want to do the procedure.",
        cites: &[Cite::htg(CONSENT)],
    },
    RequirementSpec {
        id: RequirementId::MdtSelection,
        title: "Multidisciplinary team selection",
        text: "Patient selection should be done by a multidisciplinary team.",
        cites: &[Cite::htg(WHO)],
    },
    RequirementSpec {
        id: RequirementId::SpecialistCentre,
        title: "Centre specialising in PCS",
        text: "The procedure could be done in centres specialising in managing PCS.",
        cites: &[Cite::htg(WHO)],
    },
    RequirementSpec {
        id: RequirementId::TrainedTeam,
        title: "Specifically trained team",
        text: "The procedure could be done by healthcare professionals with specific training \
               in this procedure.",
        cites: &[Cite::htg(WHO)],
    },
    RequirementSpec {
        id: RequirementId::ElsoRegistry,
        title: "ELSO registry",
        text: "Healthcare professionals doing this procedure should collect data on its safety \
               and outcomes. Enter details about everyone having this procedure into the \
               Extracorporeal Life Support Organization registry and regularly review the data \
               on outcomes and safety.",
        cites: &[Cite::htg("1.1"), Cite::htg(AUDIT)],
    },
    RequirementSpec {
        id: RequirementId::EvidenceData,
        title: "Evidence generation data",
        text: "Healthcare professionals must collect data specifically around the safety and \
               efficacy of this procedure, including on patient selection, the technology used, \
               short- and long-term survival outcomes, and complication rates.",
        cites: &[Cite::htg("What evidence generation is needed")],
    },
];

pub const ELECTIVE: CautionSpec = CautionSpec {
    id: CautionId::ElectiveUse,
    title: "Elective use",
    text: "The recommendation is worded for managing postcardiotomy cardiogenic shock. \
           Clinical experts advised that some centres provide elective VA ECMO for people who \
           are more likely to have PCS, and it is routinely used in some centres.",
    cites: &[Cite::htg("1.1"), Cite::htg("3.8")],
};

pub const MEDICINES: CautionSpec = CautionSpec {
    id: CautionId::MedicinesAlone,
    title: "Shock managed with medicines alone",
    text: "Persistent cardiogenic shock cannot be managed with medicines alone. Treatment for \
           PCS involves pharmacological treatments, including diuretics and inotropic agents, \
           and mechanical circulatory support, including intra-aortic balloon pumps.",
    cites: &[Cite::htg("3.1"), Cite::htg("3.2")],
};

pub const PREGNANCY: CautionSpec = CautionSpec {
    id: CautionId::Pregnancy,
    title: "Pregnancy or postpartum",
    text: "The recommendations in this guidance include use of VA ECMO during pregnancy or in \
           the postpartum period. Pregnancy and maternity are protected characteristics under \
           the Equality Act (2010); people with cardiogenic shock who are pregnant, or who have \
           recently been pregnant, may need to access this intervention.",
    cites: &[Cite::htg("3.11"), Cite::htg("3.17")],
};

pub const GRAFT_NOTE: NoteSpec = NoteSpec {
    id: "htg762.graft-dysfunction",
    text: "Clinical experts advised that this procedure could have a better outcome when it is \
           used for post-transplant support because of primary graft dysfunction.",
    cites: &[Cite::htg("3.12")],
};

/// Clinician-view notes, shown with `evidence-generation`.
pub const NOTES: &[NoteSpec] = &[
    NoteSpec {
        id: "htg762.not-obliged",
        text: "Healthcare professionals do not have to offer this procedure. There are \
               uncertainties around its safety and efficacy; it could be used if needed while \
               more evidence is generated.",
        cites: &[Cite::htg(PRACTICE)],
    },
    NoteSpec {
        id: "htg762.start-early",
        text: "Starting VA ECMO to manage PCS as early as possible is very important for better \
               outcomes.",
        cites: &[Cite::htg("3.14")],
    },
    NoteSpec {
        id: "htg762.nursing-perfusion",
        text: "A high level of nursing expertise and input from a perfusionist are needed to \
               support people on VA ECMO.",
        cites: &[Cite::htg("3.15")],
    },
    NoteSpec {
        id: "htg762.cannulation",
        text: "VA ECMO can be done either peripherally or centrally. Central VA ECMO is used \
               more commonly after cardiac surgery.",
        cites: &[Cite::htg("3.9")],
    },
    NoteSpec {
        id: "htg762.mortality",
        text: "Without mechanical circulatory support, PCS has a very high risk of death, with \
               mortality reported as high as 76%.",
        cites: &[Cite::htg("3.2")],
    },
    NoteSpec {
        id: "htg762.haemofiltration",
        text: "For people with poor kidney function, a haemofiltration unit may be added to the \
               circuit.",
        cites: &[Cite::htg("2.2")],
    },
    NoteSpec {
        id: "htg762.efficacy-outcomes",
        text: "Key efficacy outcomes: restoration of organ function and bridging to recovery, \
               transplant or long-term support.",
        cites: &[Cite::htg("3.5")],
    },
    NoteSpec {
        id: "htg762.safety-outcomes",
        text: "Key safety outcomes: bleeding, leg ischaemia, stroke, infection, renal failure \
               and circuit-related complications.",
        cites: &[Cite::htg("3.6")],
    },
    NoteSpec {
        id: "htg762.access",
        text: "Not all cardiac surgery centres specialise in using VA ECMO in the UK, so people \
               in some areas may not have access to this procedure.",
        cites: &[Cite::htg("3.16")],
    },
    NoteSpec {
        id: "htg762.organ-donation",
        text: "Some people who had VA ECMO have become organ donors and their organs have been \
               transplanted.",
        cites: &[Cite::htg("3.13")],
    },
    NoteSpec {
        id: "htg762.funding",
        text: "Hospital trusts will have their own policies on funding procedures and monitoring \
               results. NHS England may also have policies on funding of procedures.",
        cites: &[Cite::htg(PRACTICE)],
    },
];

/// Applies the HTG762 table to an assessment whose indication is
/// postcardiotomy cardiogenic shock.
pub(super) fn evaluate(a: &Assessment, f: &mut Findings) {
    let s = &a.surgery;
    f.fire(&PCS);
    f.recommendation = Some(Recommendation::EvidenceGeneration);
    f.requirements = REQUIREMENTS;

    match s.phase {
        Some(Phase::CannotSeparateFromBypass | Phase::ShockAfterSurgery) => f.fire(&PHASE_PCS),
        Some(Phase::ElectiveHighRisk) => {
            f.fire(&ELECTIVE_USE);
            f.cautions.push(&ELECTIVE);
        }
        None => {}
    }
    // Every answer listed, as the engine's matches do (ARCHITECTURE.md).
    #[allow(clippy::single_match)]
    match s.managed_with_medicines_alone {
        Some(true) => {
            f.fire(&MEDICINES_ALONE);
            f.cautions.push(&MEDICINES);
        }
        Some(false) | None => {}
    }
    let graft = match s.graft_dysfunction_after_transplant {
        Some(true) => {
            f.fire(&GRAFT_DYSFUNCTION);
            Some(&GRAFT_NOTE)
        }
        Some(false) | None => None,
    };
    f.notes = graft.into_iter().chain(NOTES.iter()).collect();
}

#[cfg(test)]
mod tests {
    //! One test per rule of the table, each through `decide`.
    use crate::engine::{decide_assessment, CautionId, Decision, Recommendation, Verdict};
    use crate::model::*;

    fn pcs(f: impl FnOnce(&mut Surgery)) -> Decision {
        let mut a = Assessment {
            indication: Some(Indication::PostcardiotomyShock),
            patient: Patient { age_years: Age::new(64), pregnancy: None },
            ..Assessment::default()
        };
        f(&mut a.surgery);
        decide_assessment(&a)
    }

    fn fired(d: &Decision, rule: &super::Rule) -> bool {
        d.trace.iter().any(|r| r.id == rule.id)
    }

    const EG: Verdict = Verdict::Recommended(Recommendation::EvidenceGeneration);

    #[test]
    fn pcs_rule() {
        let d = pcs(|_| {});
        assert_eq!(d.verdict, EG);
        assert!(fired(&d, &super::PCS));
    }

    #[test]
    fn phase_pcs() {
        for phase in [Phase::CannotSeparateFromBypass, Phase::ShockAfterSurgery] {
            let d = pcs(|s| s.phase = Some(phase));
            assert_eq!(d.verdict, EG);
            assert!(fired(&d, &super::PHASE_PCS));
            assert!(d.cautions.is_empty());
        }
    }

    #[test]
    fn elective_use() {
        let d = pcs(|s| s.phase = Some(Phase::ElectiveHighRisk));
        assert_eq!(d.verdict, EG);
        assert!(fired(&d, &super::ELECTIVE_USE));
        assert!(d.has_caution(CautionId::ElectiveUse));
    }

    #[test]
    fn medicines_alone() {
        let d = pcs(|s| s.managed_with_medicines_alone = Some(true));
        assert_eq!(d.verdict, EG);
        assert!(fired(&d, &super::MEDICINES_ALONE));
        assert!(d.has_caution(CautionId::MedicinesAlone));
        let d = pcs(|s| s.managed_with_medicines_alone = Some(false));
        assert!(!d.has_caution(CautionId::MedicinesAlone));
    }

    #[test]
    fn graft_dysfunction() {
        let d = pcs(|s| s.graft_dysfunction_after_transplant = Some(true));
        assert_eq!(d.verdict, EG);
        assert!(fired(&d, &super::GRAFT_DYSFUNCTION));
        assert!(d.notes.iter().any(|n| n.id == "htg762.graft-dysfunction"));
        let d = pcs(|s| s.graft_dysfunction_after_transplant = Some(false));
        assert!(!d.notes.iter().any(|n| n.id == "htg762.graft-dysfunction"));
    }
}
