//! Teaching cases: case files as an educator would write them, each with the
//! verdict it must reach and a one-line learning point with its citations.
//! Together they reach every verdict, reason code and caution (a test checks,
//! and that each reaches its verdict). They describe no real person.

use crate::case_file;
use crate::case_link;
use crate::citation::Cite;
use crate::model::Case;

/// An example case and the verdict it must reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    pub id: &'static str,
    pub title: &'static str,
    /// The verdict id it must reach.
    pub verdict: &'static str,
    /// What the case teaches, in one line.
    pub learning: &'static str,
    /// Where the learning point comes from.
    pub cites: &'static [Cite],
    /// The case file.
    pub json: &'static str,
}

impl Example {
    pub fn case(&self) -> Case {
        case_file::read(self.json)
    }

    /// The fragment that opens it, as `encodeURIComponent` writes it.
    pub fn fragment(&self) -> String {
        format!("{}{}", case_link::KEY, case_link::encode_uri_component(self.json))
    }
}

pub const EXAMPLES: &[Example] = &[
    Example {
        id: "vf-40-minutes",
        title: "Out-of-hospital VF arrest, 40 minutes of CPR",
        verdict: "option",
        learning: "A shockable rhythm alone is enough for recommendation 1.1: ECPR can be used as an option, in or out of hospital.",
        cites: &[Cite::ipg("1.1")],
        json: r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{"age_years":47,"pregnancy":"not-pregnant"},"arrest":{"location":"out-of-hospital","rhythm":"vf","cause":"reversible","reversible_causes":["thrombosis-coronary"],"cpr_minutes":40,"rosc":false,"hypothermia":false},"team":{"mdt_selection":"yes","specialist_centre":"yes","trained_team":"yes"}}"#,
    },
    Example {
        id: "cannot-separate-from-bypass",
        title: "Cannot be separated from bypass after valve surgery",
        verdict: "evidence-generation",
        learning: "Postcardiotomy shock: VA ECMO can be used during evidence generation, and there must be enhanced informed consent and outcome audit.",
        cites: &[Cite::htg("1.1")],
        json: r#"{"schema":"ecmo-case/1","indication":"postcardiotomy-shock","patient":{"age_years":68},"surgery":{"phase":"cannot-separate-from-bypass","managed_with_medicines_alone":false}}"#,
    },
    Example {
        id: "asystole-irreversible",
        title: "In-hospital asystolic arrest, irreversible cause, 35 minutes",
        verdict: "research-only",
        learning: "A non-shockable rhythm with an irreversible cause: only as part of formal research approved by an NHS research ethics committee.",
        cites: &[Cite::ipg("1.2"), Cite::ipg("1.3")],
        json: r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{"age_years":71},"arrest":{"location":"in-hospital","rhythm":"asystole","cause":"irreversible","cpr_minutes":35,"rosc":false,"hypothermia":false}}"#,
    },
    Example {
        id: "pvt-20-minutes",
        title: "Pulseless VT arrest, 20 minutes of CPR so far",
        verdict: "not-yet-refractory",
        learning: "Refractory means no ROSC after 30 minutes of appropriate CPR; before that, the app shows what would apply at 30 minutes.",
        cites: &[Cite::ipg("3.1"), Cite::ipg("3.12")],
        json: r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{"age_years":39},"arrest":{"location":"in-hospital","rhythm":"pvt","cause":"unknown","cpr_minutes":20,"rosc":false,"hypothermia":false}}"#,
    },
    Example {
        id: "hypothermic-arrest",
        title: "Arrest with hypothermia",
        verdict: "outside-guidance",
        learning: "Refractory cardiac arrest is defined in the absence of hypothermia, so a hypothermic arrest is outside IPG808.",
        cites: &[Cite::ipg("3.1")],
        json: r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{"age_years":28},"arrest":{"rhythm":"vf","cpr_minutes":45,"rosc":false,"hypothermia":true}}"#,
    },
    Example {
        id: "asystole-unknown-cause",
        title: "Asystolic arrest, cause not yet known",
        verdict: "needs-information",
        learning: "With a non-shockable rhythm, the cause decides between option and research only: find it out.",
        cites: &[Cite::ipg("1.1"), Cite::ipg("1.2")],
        json: r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{"age_years":55},"arrest":{"rhythm":"asystole","cause":"unknown","cpr_minutes":32,"rosc":false,"hypothermia":false}}"#,
    },
    Example {
        id: "negative-minutes",
        title: "A case file with a typing error",
        verdict: "invalid",
        learning: "A bad value is named at its field and no verdict is given until it is corrected; nothing else is lost.",
        cites: &[],
        json: r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{"age_years":47},"arrest":{"rhythm":"vf","cpr_minutes":-4}}"#,
    },
    Example {
        id: "child-arrest",
        title: "A 16-year-old in refractory VF arrest",
        verdict: "outside-guidance",
        learning: "Both guidances are for adults; the app reads adult as 18 or over.",
        cites: &[Cite::ipg("1.1"), Cite::htg("1.1")],
        json: r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{"age_years":16},"arrest":{"rhythm":"vf","cause":"reversible","cpr_minutes":35,"rosc":false,"hypothermia":false}}"#,
    },
    Example {
        id: "rosc-achieved",
        title: "Circulation returned after 25 minutes",
        verdict: "outside-guidance",
        learning: "With return of spontaneous circulation the arrest is not refractory, so IPG808 does not apply.",
        cites: &[Cite::ipg("3.1")],
        json: r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{"age_years":58},"arrest":{"rhythm":"vf","cpr_minutes":25,"rosc":true,"hypothermia":false}}"#,
    },
    Example {
        id: "other-indication",
        title: "Cardiogenic shock without cardiac surgery",
        verdict: "outside-guidance",
        learning: "HTG762 covers shock after cardiac surgery and IPG808 refractory cardiac arrest; other shock is outside both.",
        cites: &[Cite::htg("1.1"), Cite::ipg("1.1")],
        json: r#"{"schema":"ecmo-case/1","indication":"other","patient":{"age_years":52}}"#,
    },
    Example {
        id: "pea-tamponade",
        title: "PEA arrest from tamponade, 38 minutes",
        verdict: "option",
        learning: "Non-shockable but reversible: 1.1 applies, yet the wording of 1.2 also matches, so the MDT weighs the mixed criteria.",
        cites: &[Cite::ipg("1.1"), Cite::ipg("1.2")],
        json: r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{"age_years":44},"arrest":{"location":"in-hospital","rhythm":"pea","cause":"reversible","reversible_causes":["tamponade"],"cpr_minutes":38,"rosc":false,"hypothermia":false}}"#,
    },
    Example {
        id: "elective-high-risk",
        title: "Elective VA ECMO planned before high-risk surgery",
        verdict: "evidence-generation",
        learning: "The recommendation is worded for managing PCS; elective use is reported in some centres, so it carries a caution.",
        cites: &[Cite::htg("1.1"), Cite::htg("3.8")],
        json: r#"{"schema":"ecmo-case/1","indication":"postcardiotomy-shock","patient":{"age_years":71},"surgery":{"phase":"elective-high-risk"}}"#,
    },
    Example {
        id: "medicines-alone",
        title: "Shock after surgery that inotropes still control",
        verdict: "evidence-generation",
        learning: "Persistent cardiogenic shock cannot be managed with medicines alone: shock that still can is a caution.",
        cites: &[Cite::htg("3.1"), Cite::htg("3.2")],
        json: r#"{"schema":"ecmo-case/1","indication":"postcardiotomy-shock","patient":{"age_years":63},"surgery":{"phase":"shock-after-surgery","managed_with_medicines_alone":true}}"#,
    },
    Example {
        id: "postpartum-pcs",
        title: "Shock after cardiac surgery, two weeks postpartum",
        verdict: "evidence-generation",
        learning: "Pregnancy and the postpartum period never change the verdict: the recommendations include them.",
        cites: &[Cite::htg("3.11"), Cite::htg("3.17")],
        json: r#"{"schema":"ecmo-case/1","indication":"postcardiotomy-shock","patient":{"age_years":33,"pregnancy":"postpartum"},"surgery":{"phase":"cannot-separate-from-bypass"}}"#,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::decide;

    #[test]
    fn each_example_reaches_its_verdict() {
        for e in EXAMPLES {
            assert_eq!(decide(&e.case()).verdict.id(), e.verdict, "{}", e.id);
        }
    }

    #[test]
    fn the_cases_reach_every_verdict_reason_and_caution() {
        use crate::engine::{CautionId, Verdict};
        use std::collections::BTreeSet;
        let (mut verdicts, mut reasons, mut cautions) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        for e in EXAMPLES {
            let d = decide(&e.case());
            verdicts.insert(d.verdict.id());
            if let Verdict::OutsideGuidance { reason, .. } = d.verdict {
                reasons.insert(reason.id());
            }
            cautions.extend(d.cautions.iter().map(|c| c.id.id()));
        }
        let all_verdicts = [
            "evidence-generation",
            "invalid",
            "needs-information",
            "not-yet-refractory",
            "option",
            "outside-guidance",
            "research-only",
        ];
        assert_eq!(verdicts, all_verdicts.into_iter().collect());
        assert_eq!(reasons, ["child", "hypothermia", "no-indication", "rosc"].into_iter().collect());
        assert_eq!(cautions, CautionId::ALL.iter().map(|c| c.id()).collect());
        assert!(EXAMPLES.len() >= 10);
    }

    #[test]
    fn each_case_has_a_learning_point_and_unique_id() {
        let mut ids = std::collections::BTreeSet::new();
        for e in EXAMPLES {
            assert!(ids.insert(e.id), "{} twice", e.id);
            assert!(!e.learning.is_empty() && e.learning.len() < 160, "{}: one line", e.id);
            assert!(e.cites.iter().all(|c| crate::citation::paragraph(*c).is_some()), "{}", e.id);
            assert!(
                e.verdict == "invalid" || !e.cites.is_empty(),
                "{}: a clinical learning point cites",
                e.id
            );
        }
    }
}
