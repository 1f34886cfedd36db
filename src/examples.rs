//! Example cases: one for each verdict, offered when a page opens with no case.
//!
//! Each is a case file as an educator would write it, with the verdict it must
//! reach; a test checks every one. They describe no real person.

use crate::case_file;
use crate::case_link;
use crate::model::Case;

/// An example case and the verdict it must reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    pub id: &'static str,
    pub title: &'static str,
    /// The verdict id it must reach.
    pub verdict: &'static str,
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
        json: r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{"age_years":47,"pregnancy":"not-pregnant"},"arrest":{"location":"out-of-hospital","rhythm":"vf","cause":"reversible","reversible_causes":["thrombosis-coronary"],"cpr_minutes":40,"rosc":false,"hypothermia":false},"team":{"mdt_selection":"yes","specialist_centre":"yes","trained_team":"yes"}}"#,
    },
    Example {
        id: "cannot-separate-from-bypass",
        title: "Cannot be separated from bypass after valve surgery",
        verdict: "evidence-generation",
        json: r#"{"schema":"ecmo-case/1","indication":"postcardiotomy-shock","patient":{"age_years":68},"surgery":{"phase":"cannot-separate-from-bypass","managed_with_medicines_alone":false}}"#,
    },
    Example {
        id: "asystole-irreversible",
        title: "In-hospital asystolic arrest, irreversible cause, 35 minutes",
        verdict: "research-only",
        json: r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{"age_years":71},"arrest":{"location":"in-hospital","rhythm":"asystole","cause":"irreversible","cpr_minutes":35,"rosc":false,"hypothermia":false}}"#,
    },
    Example {
        id: "pvt-20-minutes",
        title: "Pulseless VT arrest, 20 minutes of CPR so far",
        verdict: "not-yet-refractory",
        json: r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{"age_years":39},"arrest":{"location":"in-hospital","rhythm":"pvt","cause":"unknown","cpr_minutes":20,"rosc":false,"hypothermia":false}}"#,
    },
    Example {
        id: "hypothermic-arrest",
        title: "Arrest with hypothermia",
        verdict: "outside-guidance",
        json: r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{"age_years":28},"arrest":{"rhythm":"vf","cpr_minutes":45,"rosc":false,"hypothermia":true}}"#,
    },
    Example {
        id: "asystole-unknown-cause",
        title: "Asystolic arrest, cause not yet known",
        verdict: "needs-information",
        json: r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{"age_years":55},"arrest":{"rhythm":"asystole","cause":"unknown","cpr_minutes":32,"rosc":false,"hypothermia":false}}"#,
    },
    Example {
        id: "negative-minutes",
        title: "A case file with a typing error",
        verdict: "invalid",
        json: r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{"age_years":47},"arrest":{"rhythm":"vf","cpr_minutes":-4}}"#,
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
    fn the_examples_cover_every_verdict() {
        let mut seen: Vec<&str> = EXAMPLES.iter().map(|e| e.verdict).collect();
        seen.sort();
        assert_eq!(
            seen,
            [
                "evidence-generation",
                "invalid",
                "needs-information",
                "not-yet-refractory",
                "option",
                "outside-guidance",
                "research-only"
            ]
        );
    }
}
