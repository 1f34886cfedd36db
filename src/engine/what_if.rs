//! What each value of a missing input would lead to.
//!
//! For `needs-information`, the screen lists each missing input and the
//! verdict each of its values would give. Each alternative is decided by the
//! same engine, with the input set and the other missing inputs that do not
//! decide the group assumed to keep the case inside the guidance (an adult,
//! no ROSC, no hypothermia, 30 minutes): the screen says so.

use super::{decide_assessment, Verdict};
use crate::model::{Age, Assessment, Cause, CprMinutes, Field, Indication, Rhythm};

/// One value of a missing input and the verdict it would give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alternative {
    /// The value in words ("shockable (VF or pVT)").
    pub value: &'static str,
    pub verdict: Verdict,
}

/// Sets one input of an assessment to one value.
type Set = fn(&mut Assessment);

/// The values worth showing for a field, and how each sets it.
fn values(field: Field) -> Vec<(&'static str, Set)> {
    match field {
        Field::Indication => vec![
            ("postcardiotomy cardiogenic shock", |a| a.indication = Some(Indication::PostcardiotomyShock)),
            ("refractory cardiac arrest", |a| a.indication = Some(Indication::RefractoryCardiacArrest)),
            ("neither", |a| a.indication = Some(Indication::Other)),
        ],
        Field::Age => vec![
            ("18 or over", |a| a.patient.age_years = Age::new(18)),
            ("under 18", |a| a.patient.age_years = Age::new(17)),
        ],
        Field::Rhythm => vec![
            ("shockable (VF or pVT)", |a| a.arrest.rhythm = Some(Rhythm::Vf)),
            ("non-shockable (asystole or PEA)", |a| a.arrest.rhythm = Some(Rhythm::Asystole)),
        ],
        Field::Cause => vec![
            ("reversible", |a| a.arrest.cause = Some(Cause::Reversible)),
            ("irreversible", |a| a.arrest.cause = Some(Cause::Irreversible)),
        ],
        Field::CprMinutes => vec![
            ("30 minutes or more", |a| a.arrest.cpr_minutes = CprMinutes::new(30)),
            ("under 30 minutes", |a| a.arrest.cpr_minutes = CprMinutes::new(29)),
        ],
        Field::Rosc => {
            vec![("no ROSC", |a| a.arrest.rosc = Some(false)), ("ROSC", |a| a.arrest.rosc = Some(true))]
        }
        Field::Hypothermia => vec![
            ("no hypothermia", |a| a.arrest.hypothermia = Some(false)),
            ("hypothermia", |a| a.arrest.hypothermia = Some(true)),
        ],
    }
}

/// The other missing inputs, assumed to keep the case inside the guidance.
fn assume_inside(a: &mut Assessment, except: Field) {
    if except != Field::Age && a.patient.age_years.is_none() {
        a.patient.age_years = Age::new(18);
    }
    if except != Field::Rosc && a.arrest.rosc.is_none() {
        a.arrest.rosc = Some(false);
    }
    if except != Field::Hypothermia && a.arrest.hypothermia.is_none() {
        a.arrest.hypothermia = Some(false);
    }
    if except != Field::CprMinutes && a.arrest.cpr_minutes.is_none() {
        a.arrest.cpr_minutes = CprMinutes::new(30);
    }
}

/// What each value of `field` would lead to, for this assessment.
pub fn alternatives(a: &Assessment, field: Field) -> Vec<Alternative> {
    values(field)
        .into_iter()
        .map(|(value, set)| {
            let mut b = a.clone();
            set(&mut b);
            assume_inside(&mut b, field);
            Alternative { value, verdict: decide_assessment(&b).verdict }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case_file;

    fn ids(a: &Assessment, f: Field) -> Vec<String> {
        alternatives(a, f).into_iter().map(|x| format!("{}={}", x.value, x.verdict.id())).collect()
    }

    #[test]
    fn cause_of_an_asystolic_arrest() {
        let a = case_file::read(r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{"age_years":55},"arrest":{"rhythm":"asystole"}}"#).assessment;
        assert_eq!(ids(&a, Field::Cause), vec!["reversible=option", "irreversible=research-only"]);
    }

    #[test]
    fn rhythm_and_cause_both_missing() {
        let a = case_file::read(r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest"}"#)
            .assessment;
        assert_eq!(
            ids(&a, Field::Rhythm),
            vec!["shockable (VF or pVT)=option", "non-shockable (asystole or PEA)=needs-information"]
        );
        assert_eq!(ids(&a, Field::Rosc), vec!["no ROSC=needs-information", "ROSC=outside-guidance"]);
        assert_eq!(
            ids(&a, Field::CprMinutes),
            vec!["30 minutes or more=needs-information", "under 30 minutes=needs-information"]
        );
    }

    #[test]
    fn indication_and_age() {
        let a = Assessment::default();
        assert_eq!(
            ids(&a, Field::Indication),
            vec![
                "postcardiotomy cardiogenic shock=evidence-generation",
                "refractory cardiac arrest=needs-information",
                "neither=outside-guidance"
            ]
        );
        let a = case_file::read(r#"{"schema":"ecmo-case/1","indication":"postcardiotomy-shock"}"#).assessment;
        assert_eq!(ids(&a, Field::Age), vec!["18 or over=evidence-generation", "under 18=outside-guidance"]);
    }
}
