//! Case files, version 1 (`../shared/spec/case-file.md`): read and write.
//!
//! [`read`] is total: for any text it returns a [`Case`], holding everything it
//! could read and every error at once, each naming its field path in plain
//! words (`arrest.cpr_minutes: expected a whole number from 0 to 600, got -4`).
//! It never panics. [`write`] gives the canonical JSON: fields in the order of
//! the spec, unknown values left out. Reading what [`write`] wrote gives back
//! the same assessment.
//!
//! A case file never holds anything that identifies a person: the format has
//! no field for it, and an unknown field is an error.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::{
    Age, Answer, Arrest, Assessment, Case, Cause, CprMinutes, FieldError, Indication, Location, Patient,
    Phase, ReversibleCause, Rhythm, Surgery, Team, WireEnum,
};

/// The schema id of version 1.
pub const SCHEMA_V1: &str = "ecmo-case/1";
/// Every schema this build reads.
pub const SCHEMAS: &[&str] = &[SCHEMA_V1];
/// The path that names the case file as a whole.
pub const WHOLE: &str = "case";

const TOP: &[&str] = &["schema", "indication", "patient", "arrest", "surgery", "team"];
const PATIENT: &[&str] = &["age_years", "pregnancy"];
const ARREST: &[&str] =
    &["location", "rhythm", "cause", "reversible_causes", "cpr_minutes", "rosc", "hypothermia"];
const SURGERY: &[&str] = &["phase", "managed_with_medicines_alone", "graft_dysfunction_after_transplant"];
const TEAM: &[&str] = &[
    "mdt_selection",
    "specialist_centre",
    "trained_team",
    "options_discussed",
    "enhanced_consent",
    "governance_lead_informed",
    "elso_registry",
    "ncaa",
    "evidence_data",
    "formal_research",
    "ethics_approval",
];

/// Reads a case file. Total: never fails, never panics.
pub fn read(text: &str) -> Case {
    match serde_json::from_str::<Value>(text) {
        Ok(value) => read_value(&value),
        Err(e) => Case {
            assessment: Assessment::default(),
            errors: vec![FieldError::new(
                WHOLE,
                format!("not a valid case file: the JSON is malformed ({e})"),
            )],
        },
    }
}

/// Reads a case file already parsed as JSON.
pub fn read_value(value: &Value) -> Case {
    let mut r = Reader::default();
    let Some(top) = r.object(value, WHOLE, TOP) else {
        if !value.is_null() {
            return Case { assessment: Assessment::default(), errors: r.errors };
        }
        r.errors.push(FieldError::new(WHOLE, "expected a case file (a JSON object), got null"));
        return Case { assessment: Assessment::default(), errors: r.errors };
    };

    match top.get("schema") {
        Some(Value::String(s)) if SCHEMAS.contains(&s.as_str()) => {}
        None | Some(Value::Null) => r
            .errors
            .push(FieldError::new("schema", format!("required; this build reads {}", quoted(SCHEMAS)))),
        Some(other) => {
            // Another version's fields cannot be read as this one's.
            return Case {
                assessment: Assessment::default(),
                errors: vec![FieldError::new(
                    "schema",
                    format!("this build reads {}, got {}", quoted(SCHEMAS), describe(other)),
                )],
            };
        }
    }

    let indication: Option<Indication> = r.choice(top, "indication", "indication", false);
    let patient = r.object(top.get("patient").unwrap_or(&Value::Null), "patient", PATIENT);
    let patient = Patient {
        age_years: patient
            .and_then(|p| r.whole(p, "patient.age_years", "age_years", Age::MAX))
            .and_then(Age::new),
        pregnancy: patient.and_then(|p| r.choice(p, "patient.pregnancy", "pregnancy", true)),
    };

    // Sub-objects that do not belong to the indication are ignored: their
    // errors do not count, though what reads well is kept.
    let (arrest_counts, surgery_counts) = match indication {
        Some(Indication::RefractoryCardiacArrest) => (true, false),
        Some(Indication::PostcardiotomyShock) => (false, true),
        Some(Indication::Other) => (false, false),
        None => (true, true),
    };
    let mut ar = Reader::default();
    let arrest = read_arrest(&mut ar, top.get("arrest").unwrap_or(&Value::Null));
    let mut sr = Reader::default();
    let surgery = read_surgery(&mut sr, top.get("surgery").unwrap_or(&Value::Null));
    let team = read_team(&mut r, top.get("team").unwrap_or(&Value::Null));

    let mut errors = r.errors;
    if arrest_counts {
        errors.extend(ar.errors);
    }
    if surgery_counts {
        errors.extend(sr.errors);
    }
    // Errors in the order of the file format, so the list reads top to bottom.
    crate::model::sort_small(&mut errors, |e| path_rank(&e.path));
    Case { assessment: Assessment { indication, patient, arrest, surgery, team }, errors }
}

fn read_arrest(r: &mut Reader, v: &Value) -> Arrest {
    let Some(m) = r.object(v, "arrest", ARREST) else {
        return Arrest::default();
    };
    Arrest {
        location: r.choice::<Location>(m, "arrest.location", "location", false),
        rhythm: r.choice::<Rhythm>(m, "arrest.rhythm", "rhythm", true),
        cause: r.choice::<Cause>(m, "arrest.cause", "cause", true),
        reversible_causes: r.set::<ReversibleCause>(m, "arrest.reversible_causes", "reversible_causes"),
        cpr_minutes: r
            .whole(m, "arrest.cpr_minutes", "cpr_minutes", CprMinutes::MAX)
            .and_then(CprMinutes::new),
        rosc: r.boolean(m, "arrest.rosc", "rosc"),
        hypothermia: r.boolean(m, "arrest.hypothermia", "hypothermia"),
    }
}

fn read_surgery(r: &mut Reader, v: &Value) -> Surgery {
    let Some(m) = r.object(v, "surgery", SURGERY) else {
        return Surgery::default();
    };
    Surgery {
        phase: r.choice::<Phase>(m, "surgery.phase", "phase", false),
        managed_with_medicines_alone: r.boolean(
            m,
            "surgery.managed_with_medicines_alone",
            "managed_with_medicines_alone",
        ),
        graft_dysfunction_after_transplant: r.boolean(
            m,
            "surgery.graft_dysfunction_after_transplant",
            "graft_dysfunction_after_transplant",
        ),
    }
}

fn read_team(r: &mut Reader, v: &Value) -> Team {
    let Some(m) = r.object(v, "team", TEAM) else {
        return Team::default();
    };
    let mut answer = |key: &'static str| -> Option<Answer> {
        let path = format!("team.{key}");
        r.choice::<Answer>(m, &path, key, true)
    };
    Team {
        mdt_selection: answer("mdt_selection"),
        specialist_centre: answer("specialist_centre"),
        trained_team: answer("trained_team"),
        options_discussed: answer("options_discussed"),
        enhanced_consent: answer("enhanced_consent"),
        governance_lead_informed: answer("governance_lead_informed"),
        elso_registry: answer("elso_registry"),
        ncaa: answer("ncaa"),
        evidence_data: answer("evidence_data"),
        formal_research: answer("formal_research"),
        ethics_approval: answer("ethics_approval"),
    }
}

/// Collects errors while reading.
#[derive(Default)]
struct Reader {
    errors: Vec<FieldError>,
}

impl Reader {
    fn error(&mut self, path: &str, message: String) {
        self.errors.push(FieldError::new(path, message));
    }

    /// An object with only `known` keys; `null` is unknown (`None`).
    fn object<'v>(&mut self, v: &'v Value, path: &str, known: &[&str]) -> Option<&'v Map<String, Value>> {
        match v {
            Value::Object(m) => {
                for key in m.keys().filter(|k| !known.contains(&k.as_str())) {
                    let at = if path == WHOLE { key.clone() } else { format!("{path}.{key}") };
                    self.error(&at, format!("unknown field; expected one of {}", known.join(", ")));
                }
                Some(m)
            }
            Value::Null => None,
            other => {
                self.error(path, format!("expected an object, got {}", describe(other)));
                None
            }
        }
    }

    /// One of an enum's values; with `unknown_ok`, `"unknown"` reads as `None`.
    fn choice<T: WireEnum>(
        &mut self,
        m: &Map<String, Value>,
        path: &str,
        key: &str,
        unknown_ok: bool,
    ) -> Option<T> {
        match m.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if unknown_ok && s == "unknown" => None,
            Some(v) => {
                let found = v.as_str().and_then(|s| T::ALL.iter().copied().find(|t| t.id() == s));
                if found.is_none() {
                    let mut ids: Vec<&str> = T::ALL.iter().map(|t| t.id()).collect();
                    if unknown_ok {
                        ids.push("unknown");
                    }
                    self.error(path, format!("expected one of {}, got {}", quoted(&ids), describe(v)));
                }
                found
            }
        }
    }

    /// A list of an enum's values, without repeats, in the enum's order.
    fn set<T: WireEnum + Ord>(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Vec<T> {
        let items = match m.get(key) {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.error(path, format!("expected a list, got {}", describe(other)));
                return Vec::new();
            }
        };
        let ids: Vec<&str> = T::ALL.iter().map(|t| t.id()).collect();
        let mut out: Vec<T> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item.as_str().and_then(|s| T::ALL.iter().copied().find(|t| t.id() == s)) {
                Some(t) => out.push(t),
                None => self.error(
                    &format!("{path}[{i}]"),
                    format!("expected one of {}, got {}", quoted(&ids), describe(item)),
                ),
            }
        }
        crate::model::sort_small(&mut out, |t| *t);
        out.dedup();
        out
    }

    /// A whole number from 0 to `max`.
    fn whole(&mut self, m: &Map<String, Value>, path: &str, key: &str, max: i64) -> Option<i64> {
        let v = match m.get(key) {
            None | Some(Value::Null) => return None,
            Some(v) => v,
        };
        let n = match v {
            Value::Number(n) => n.as_i64().or_else(|| {
                // 47.0 is a whole number too.
                n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() <= 1e15).map(|f| f as i64)
            }),
            _ => None,
        };
        match n {
            Some(n) if (0..=max).contains(&n) => Some(n),
            _ => {
                self.error(path, format!("expected a whole number from 0 to {max}, got {}", describe(v)));
                None
            }
        }
    }

    fn boolean(&mut self, m: &Map<String, Value>, path: &str, key: &str) -> Option<bool> {
        match m.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(v) => {
                self.error(path, format!("expected true or false, got {}", describe(v)));
                None
            }
        }
    }
}

/// A JSON value as an error message shows it: short, and quoted if text.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            const MAX: usize = 40;
            let short: String = s.chars().take(MAX).collect();
            let more = if s.chars().nth(MAX).is_some() { "…" } else { "" };
            format!("\"{short}{more}\"")
        }
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

fn quoted(ids: &[&str]) -> String {
    ids.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")
}

/// Where a path stands in the file format, for ordering errors.
fn path_rank(path: &str) -> (usize, usize, String) {
    let (head, rest) = path.split_once('.').unwrap_or((path, ""));
    let head_rank =
        if head == WHOLE { 0 } else { 1 + TOP.iter().position(|t| *t == head).unwrap_or(TOP.len()) };
    let key = rest.split('[').next().unwrap_or("");
    let within: &[&str] = match head {
        "patient" => PATIENT,
        "arrest" => ARREST,
        "surgery" => SURGERY,
        "team" => TEAM,
        _ => &[],
    };
    let rest_rank = within.iter().position(|t| *t == key).unwrap_or(within.len());
    (head_rank, rest_rank, path.to_string())
}

// ---- Writing ----

#[derive(Serialize)]
struct FileOut {
    schema: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    indication: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    patient: Option<PatientOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    arrest: Option<ArrestOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    surgery: Option<SurgeryOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    team: Option<TeamOut>,
}

#[derive(Serialize)]
struct PatientOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    age_years: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pregnancy: Option<&'static str>,
}

#[derive(Serialize)]
struct ArrestOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rhythm: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cause: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reversible_causes: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cpr_minutes: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rosc: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hypothermia: Option<bool>,
}

#[derive(Serialize)]
struct SurgeryOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    phase: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    managed_with_medicines_alone: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    graft_dysfunction_after_transplant: Option<bool>,
}

#[derive(Serialize)]
struct TeamOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    mdt_selection: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    specialist_centre: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    trained_team: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    options_discussed: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    enhanced_consent: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    governance_lead_informed: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    elso_registry: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ncaa: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence_data: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    formal_research: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ethics_approval: Option<&'static str>,
}

fn id<T: WireEnum>(v: Option<T>) -> Option<&'static str> {
    v.map(WireEnum::id)
}

/// Numbers as a person typed them, to write where the assessment has none
/// (an invalid entry stays in the file, and is reported again when read).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawNumbers {
    pub age_years: Option<Value>,
    pub cpr_minutes: Option<Value>,
}

/// Writes the canonical case file for an assessment: compact JSON, fields in
/// the order of the spec, unknown values left out.
pub fn write(a: &Assessment) -> String {
    write_with(a, &RawNumbers::default())
}

/// Writes the case file, with typed numbers where the assessment has none.
pub fn write_with(a: &Assessment, raw: &RawNumbers) -> String {
    let p = &a.patient;
    let age_years = p.age_years.map(|a| Value::from(a.years())).or_else(|| raw.age_years.clone());
    let patient = PatientOut { age_years, pregnancy: id(p.pregnancy) };
    let ar = &a.arrest;
    let arrest = ArrestOut {
        location: id(ar.location),
        rhythm: id(ar.rhythm),
        cause: id(ar.cause),
        reversible_causes: ar.reversible_causes.iter().map(|c| c.id()).collect(),
        cpr_minutes: ar.cpr_minutes.map(|m| Value::from(m.minutes())).or_else(|| raw.cpr_minutes.clone()),
        rosc: ar.rosc,
        hypothermia: ar.hypothermia,
    };
    let s = &a.surgery;
    let surgery = SurgeryOut {
        phase: id(s.phase),
        managed_with_medicines_alone: s.managed_with_medicines_alone,
        graft_dysfunction_after_transplant: s.graft_dysfunction_after_transplant,
    };
    let t = &a.team;
    let team = TeamOut {
        mdt_selection: id(t.mdt_selection),
        specialist_centre: id(t.specialist_centre),
        trained_team: id(t.trained_team),
        options_discussed: id(t.options_discussed),
        enhanced_consent: id(t.enhanced_consent),
        governance_lead_informed: id(t.governance_lead_informed),
        elso_registry: id(t.elso_registry),
        ncaa: id(t.ncaa),
        evidence_data: id(t.evidence_data),
        formal_research: id(t.formal_research),
        ethics_approval: id(t.ethics_approval),
    };
    let file = FileOut {
        schema: SCHEMA_V1,
        indication: id(a.indication),
        patient: (patient.age_years.is_some() || p.pregnancy.is_some()).then_some(patient),
        arrest: (!ar.is_empty() || arrest.cpr_minutes.is_some()).then_some(arrest),
        surgery: (!s.is_empty()).then_some(surgery),
        team: (*t != Team::default()).then_some(team),
    };
    // Serialising these plain structs of strings, numbers and booleans cannot
    // fail; should it ever, the bare schema still reads as an empty case.
    serde_json::to_string(&file).unwrap_or_else(|_| format!("{{\"schema\":\"{SCHEMA_V1}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        read(text).errors.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn reads_the_spec_example() {
        let text = r#"{
          "schema": "ecmo-case/1",
          "indication": "refractory-cardiac-arrest",
          "patient": { "age_years": 47, "pregnancy": "not-pregnant" },
          "arrest": {
            "location": "out-of-hospital", "rhythm": "vf", "cause": "reversible",
            "reversible_causes": ["thrombosis-coronary"],
            "cpr_minutes": 35, "rosc": false, "hypothermia": false
          },
          "surgery": null,
          "team": {
            "mdt_selection": "yes", "specialist_centre": "yes", "trained_team": "yes",
            "options_discussed": "unknown", "enhanced_consent": "unknown",
            "governance_lead_informed": "unknown", "elso_registry": "unknown",
            "ncaa": "unknown", "evidence_data": "unknown",
            "formal_research": "no", "ethics_approval": "no"
          }
        }"#;
        let case = read(text);
        assert_eq!(case.errors, vec![]);
        let a = &case.assessment;
        assert_eq!(a.indication, Some(Indication::RefractoryCardiacArrest));
        assert_eq!(a.patient.age_years, Age::new(47));
        assert_eq!(a.arrest.rhythm, Some(Rhythm::Vf));
        assert_eq!(a.arrest.reversible_causes, vec![ReversibleCause::ThrombosisCoronary]);
        assert_eq!(a.arrest.cpr_minutes, CprMinutes::new(35));
        assert_eq!(a.team.mdt_selection, Some(Answer::Yes));
        assert_eq!(a.team.options_discussed, None);
        assert_eq!(a.team.formal_research, Some(Answer::No));
    }

    #[test]
    fn names_the_path_in_plain_words() {
        assert_eq!(
            errors(
                r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","arrest":{"cpr_minutes":-4}}"#
            ),
            vec!["arrest.cpr_minutes: expected a whole number from 0 to 600, got -4"]
        );
    }

    #[test]
    fn reads_every_error_at_once_in_file_order() {
        let text = r#"{"schema":"ecmo-case/1","team":{"ncaa":"maybe"},"indication":"refractory-cardiac-arrest",
            "patient":{"age_years":130,"pregnancy":true,"name":"x"},
            "arrest":{"rhythm":"VF","reversible_causes":["toxins","cold"],"rosc":"no","cpr_minutes":12.5}}"#;
        assert_eq!(
            errors(text),
            vec![
                "patient.age_years: expected a whole number from 0 to 120, got 130",
                "patient.pregnancy: expected one of \"not-pregnant\", \"pregnant\", \"postpartum\", \"unknown\", got true",
                "patient.name: unknown field; expected one of age_years, pregnancy",
                "arrest.rhythm: expected one of \"vf\", \"pvt\", \"asystole\", \"pea\", \"unknown\", got \"VF\"",
                "arrest.reversible_causes[1]: expected one of \"hypoxia\", \"hypovolaemia\", \"hypo-hyperkalaemia-metabolic\", \"thrombosis-coronary\", \"thrombosis-pulmonary\", \"tension-pneumothorax\", \"tamponade\", \"toxins\", got \"cold\"",
                "arrest.cpr_minutes: expected a whole number from 0 to 600, got 12.5",
                "arrest.rosc: expected true or false, got \"no\"",
                "team.ncaa: expected one of \"yes\", \"no\", \"unknown\", got \"maybe\"",
            ]
        );
        // What read well is kept.
        let case = read(text);
        assert_eq!(case.assessment.arrest.reversible_causes, vec![ReversibleCause::Toxins]);
        assert_eq!(case.assessment.indication, Some(Indication::RefractoryCardiacArrest));
    }

    #[test]
    fn schema_versions() {
        assert_eq!(
            errors(r#"{"schema":"ecmo-case/2","x":1}"#),
            vec!["schema: this build reads \"ecmo-case/1\", got \"ecmo-case/2\""]
        );
        assert_eq!(
            errors(r#"{"indication":"other"}"#),
            vec!["schema: required; this build reads \"ecmo-case/1\""]
        );
        assert_eq!(errors(r#"{"schema":1}"#), vec!["schema: this build reads \"ecmo-case/1\", got 1"]);
    }

    #[test]
    fn whole_file_errors() {
        assert!(errors("{").first().is_some_and(|e| e.starts_with("case: not a valid case file")));
        assert_eq!(errors("[]"), vec!["case: expected an object, got a list"]);
        assert_eq!(errors("null"), vec!["case: expected a case file (a JSON object), got null"]);
        assert_eq!(
            errors("{\"schema\":\"ecmo-case/1\",\"colour\":1}"),
            vec!["colour: unknown field; expected one of schema, indication, patient, arrest, surgery, team"]
        );
    }

    #[test]
    fn unknown_and_null_mean_unknown() {
        let case = read(
            r#"{"schema":"ecmo-case/1","patient":{"age_years":null,"pregnancy":"unknown"},"arrest":{"rhythm":"unknown","cause":"unknown"},"team":null}"#,
        );
        assert_eq!(case.errors, vec![]);
        assert_eq!(case.assessment, Assessment::default());
    }

    #[test]
    fn sub_objects_of_another_indication_are_ignored() {
        let text = r#"{"schema":"ecmo-case/1","indication":"postcardiotomy-shock","patient":{"age_years":60},"arrest":{"cpr_minutes":-4,"rhythm":"vf"}}"#;
        let case = read(text);
        assert_eq!(case.errors, vec![]);
        assert_eq!(case.assessment.arrest.rhythm, Some(Rhythm::Vf));
        let text =
            r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","surgery":{"phase":"x"}}"#;
        assert_eq!(read(text).errors, vec![]);
        let text = r#"{"schema":"ecmo-case/1","surgery":{"phase":"x"}}"#;
        assert_eq!(errors(text).len(), 1, "with no indication, both sub-objects count");
    }

    #[test]
    fn whole_floats_and_long_strings() {
        let case = read(r#"{"schema":"ecmo-case/1","patient":{"age_years":47.0}}"#);
        assert_eq!(case.assessment.patient.age_years, Age::new(47));
        let long = "x".repeat(100);
        let e = errors(&format!(r#"{{"schema":"ecmo-case/1","indication":"{long}"}}"#));
        assert!(e[0].ends_with(&format!("got \"{}…\"", "x".repeat(40))), "{e:?}");
        assert_eq!(
            errors(r#"{"schema":"ecmo-case/1","patient":{"age_years":1e300}}"#),
            vec!["patient.age_years: expected a whole number from 0 to 120, got 1e+300"]
        );
    }

    #[test]
    fn writes_canonical_json() {
        let case = read(
            r#"{"team":{"ncaa":"yes"},"patient":{"age_years":47},"indication":"refractory-cardiac-arrest","schema":"ecmo-case/1","arrest":{"reversible_causes":["toxins","hypoxia","toxins"],"rhythm":"vf"}}"#,
        );
        assert_eq!(
            write(&case.assessment),
            r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","patient":{"age_years":47},"arrest":{"rhythm":"vf","reversible_causes":["hypoxia","toxins"]},"team":{"ncaa":"yes"}}"#
        );
        assert_eq!(write(&Assessment::default()), r#"{"schema":"ecmo-case/1"}"#);
    }
}
