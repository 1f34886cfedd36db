//! The assessment form: what a clinician has entered, as entered.
//!
//! Pure, like the engine: one [`Form`], one typed [`Action`] enum and one
//! reducer ([`Form::apply`]), in the manner of Yew's `function_todomvc`. The
//! case and the decision are derived from the form, never stored beside it.
//!
//! Numbers are kept as the text typed, so that a bad entry stays on screen,
//! is named at its field, and survives a reload: the link carries it as typed
//! ([`Form::case_file`]) and reading the link gives the same text back.

use serde_json::Value;

use crate::case_file::{self, RawNumbers};
use crate::case_link;
use crate::engine::RequirementId;
use crate::model::{
    Age, Answer, Arrest, Assessment, Case, Cause, CprMinutes, FieldError, Indication, Location, Patient,
    Phase, Pregnancy, ReversibleCause, Rhythm, Surgery, Team,
};

/// Everything entered on the screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Form {
    pub indication: Option<Indication>,
    /// Age as typed.
    pub age: String,
    pub pregnancy: Option<Pregnancy>,
    pub location: Option<Location>,
    pub rhythm: Option<Rhythm>,
    pub cause: Option<Cause>,
    pub reversible_causes: Vec<ReversibleCause>,
    /// Minutes of CPR as typed (or as the arrest clock set them).
    pub cpr_minutes: String,
    pub rosc: Option<bool>,
    pub hypothermia: Option<bool>,
    pub phase: Option<Phase>,
    pub medicines_alone: Option<bool>,
    pub graft_dysfunction: Option<bool>,
    pub team: Team,
    /// Errors of a loaded link or file that no field of the form can hold
    /// (an unknown field, a value outside a choice). Shown until the field is
    /// set or the reader dismisses them.
    pub link_errors: Vec<FieldError>,
}

/// Every change the screen can make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Indication(Option<Indication>),
    Age(String),
    Pregnancy(Option<Pregnancy>),
    Location(Option<Location>),
    Rhythm(Option<Rhythm>),
    Cause(Option<Cause>),
    ToggleReversibleCause(ReversibleCause),
    CprMinutes(String),
    Rosc(Option<bool>),
    Hypothermia(Option<bool>),
    Phase(Option<Phase>),
    MedicinesAlone(Option<bool>),
    GraftDysfunction(Option<bool>),
    Team(RequirementId, Option<Answer>),
    /// Replace everything (a link, an imported file).
    Load(Box<Form>),
    DismissLinkErrors,
    /// New case: every input cleared.
    Clear,
}

impl Action {
    /// The case-file path this action sets, if it sets one field.
    fn path(&self) -> Option<&'static str> {
        Some(match self {
            Action::Indication(_) => "indication",
            Action::Age(_) => "patient.age_years",
            Action::Pregnancy(_) => "patient.pregnancy",
            Action::Location(_) => "arrest.location",
            Action::Rhythm(_) => "arrest.rhythm",
            Action::Cause(_) => "arrest.cause",
            Action::ToggleReversibleCause(_) => "arrest.reversible_causes",
            Action::CprMinutes(_) => "arrest.cpr_minutes",
            Action::Rosc(_) => "arrest.rosc",
            Action::Hypothermia(_) => "arrest.hypothermia",
            Action::Phase(_) => "surgery.phase",
            Action::MedicinesAlone(_) => "surgery.managed_with_medicines_alone",
            Action::GraftDysfunction(_) => "surgery.graft_dysfunction_after_transplant",
            Action::Team(id, _) => id.team_path(),
            Action::Load(_) | Action::DismissLinkErrors | Action::Clear => return None,
        })
    }
}

/// The message of the error shown at the field for `path`, if any.
pub fn error_at(errors: &[FieldError], path: &str) -> Option<String> {
    errors.iter().find(|e| within(&e.path, path)).map(|e| e.message.clone())
}

/// Whether an error's path is the field at `path` or inside it.
fn within(error_path: &str, path: &str) -> bool {
    error_path
        .strip_prefix(path)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

impl Form {
    /// The reducer: the form after `action`.
    pub fn apply(&self, action: Action) -> Form {
        let mut f = self.clone();
        if let Some(path) = action.path() {
            f.link_errors.retain(|e| !within(&e.path, path));
        }
        match action {
            Action::Indication(v) => f.indication = v,
            Action::Age(v) => f.age = v,
            Action::Pregnancy(v) => f.pregnancy = v,
            Action::Location(v) => f.location = v,
            Action::Rhythm(v) => f.rhythm = v,
            Action::Cause(v) => f.cause = v,
            Action::ToggleReversibleCause(c) => {
                if let Some(i) = f.reversible_causes.iter().position(|x| *x == c) {
                    f.reversible_causes.remove(i);
                } else {
                    f.reversible_causes.push(c);
                    crate::model::sort_small(&mut f.reversible_causes, |c| *c);
                }
            }
            Action::CprMinutes(v) => f.cpr_minutes = v,
            Action::Rosc(v) => f.rosc = v,
            Action::Hypothermia(v) => f.hypothermia = v,
            Action::Phase(v) => f.phase = v,
            Action::MedicinesAlone(v) => f.medicines_alone = v,
            Action::GraftDysfunction(v) => f.graft_dysfunction = v,
            Action::Team(id, answer) => id.set_answer(&mut f.team, answer),
            Action::Load(form) => f = *form,
            Action::DismissLinkErrors => f.link_errors.clear(),
            Action::Clear => f = Form::default(),
        }
        f
    }

    /// The case the form describes: typed values, and every error at once.
    pub fn case(&self) -> Case {
        let mut errors = Vec::new();
        let age = whole(&self.age, "patient.age_years", Age::MAX, &mut errors).and_then(Age::new);
        let cpr = whole(&self.cpr_minutes, "arrest.cpr_minutes", CprMinutes::MAX, &mut errors)
            .and_then(CprMinutes::new);
        // Number errors belong to the indication's sub-object, as in a file.
        errors.retain(|e| match self.indication {
            Some(Indication::PostcardiotomyShock) | Some(Indication::Other) => !within(&e.path, "arrest"),
            Some(Indication::RefractoryCardiacArrest) | None => true,
        });
        errors.extend(self.link_errors.iter().cloned());
        let assessment = Assessment {
            indication: self.indication,
            patient: Patient { age_years: age, pregnancy: self.pregnancy },
            arrest: Arrest {
                location: self.location,
                rhythm: self.rhythm,
                cause: self.cause,
                reversible_causes: self.reversible_causes.clone(),
                cpr_minutes: cpr,
                rosc: self.rosc,
                hypothermia: self.hypothermia,
            },
            surgery: Surgery {
                phase: self.phase,
                managed_with_medicines_alone: self.medicines_alone,
                graft_dysfunction_after_transplant: self.graft_dysfunction,
            },
            team: self.team.clone(),
        };
        Case { assessment, errors }
    }

    /// The case file for this form: what a link or an export holds. Typed
    /// numbers that are not valid are written as typed.
    pub fn case_file(&self) -> String {
        let case = self.case();
        let raw = RawNumbers { age_years: raw_number(&self.age), cpr_minutes: raw_number(&self.cpr_minutes) };
        case_file::write_with(&case.assessment, &raw)
    }

    /// The URL fragment (without `#`) for this form.
    pub fn fragment(&self) -> String {
        format!("{}{}", case_link::KEY, case_link::encode_uri_component(&self.case_file()))
    }

    /// The form for a case file's text, keeping numbers as they were written
    /// and every other error as a link error.
    pub fn from_case_file(text: &str) -> Form {
        let case = case_file::read(text);
        let value: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        let raw = |outer: &str, inner: &str| -> String {
            match value.get(outer).and_then(|o| o.get(inner)) {
                Some(Value::Number(n)) => n.to_string(),
                Some(Value::String(s)) => s.clone(),
                Some(Value::Bool(b)) => b.to_string(),
                Some(Value::Null) | None => String::new(),
                Some(other) => other.to_string(),
            }
        };
        let a = case.assessment;
        let mut form = Form {
            indication: a.indication,
            age: raw("patient", "age_years"),
            pregnancy: a.patient.pregnancy,
            location: a.arrest.location,
            rhythm: a.arrest.rhythm,
            cause: a.arrest.cause,
            reversible_causes: a.arrest.reversible_causes,
            cpr_minutes: raw("arrest", "cpr_minutes"),
            rosc: a.arrest.rosc,
            hypothermia: a.arrest.hypothermia,
            phase: a.surgery.phase,
            medicines_alone: a.surgery.managed_with_medicines_alone,
            graft_dysfunction: a.surgery.graft_dysfunction_after_transplant,
            team: a.team,
            link_errors: Vec::new(),
        };
        // The form reports its own number errors from the text it keeps.
        let own = form.case().errors;
        form.link_errors =
            case.errors.into_iter().filter(|e| !own.iter().any(|o| o.path == e.path)).collect();
        form
    }

    /// The form for a URL fragment; `None` when it holds no case.
    pub fn from_fragment(hash: &str) -> Option<Form> {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let encoded = hash.strip_prefix(case_link::KEY)?;
        Some(match case_link::decode_uri_component(encoded) {
            Ok(text) => Form::from_case_file(&text),
            Err(message) => {
                Form { link_errors: vec![FieldError::new(case_file::WHOLE, message)], ..Form::default() }
            }
        })
    }
}

/// A whole number from 0 to `max`, from typed text; blank is unknown.
fn whole(text: &str, path: &str, max: i64, errors: &mut Vec<FieldError>) -> Option<i64> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match t.parse::<i64>() {
        Ok(n) if (0..=max).contains(&n) => Some(n),
        _ => {
            let shown = if decimal(t).is_some() {
                t.to_string()
            } else {
                let short: String = t.chars().take(40).collect();
                format!("\"{short}\"")
            };
            errors
                .push(FieldError::new(path, format!("expected a whole number from 0 to {max}, got {shown}")));
            None
        }
    }
}

/// Typed text as a JSON value: a number when it reads as one, else a string.
fn raw_number(text: &str) -> Option<Value> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if let Ok(n) = t.parse::<i64>() {
        return Some(Value::from(n));
    }
    match decimal(t).and_then(|json| serde_json::from_str::<serde_json::Number>(&json).ok()) {
        Some(n) => Some(Value::Number(n)),
        None => Some(Value::String(t.to_string())),
    }
}

/// Typed text that reads as a decimal number (`52.5`, `-1`, `+3`, `.5`,
/// `1e3`), as JSON writes it (`52.5`, `-1`, `3`, `0.5`, `1e3`); `None`
/// otherwise. Checks the syntax only: parsing floats would add their tables
/// (about 15 KB compressed) to the wasm.
fn decimal(t: &str) -> Option<String> {
    let (sign, rest) = match t.as_bytes().first() {
        Some(b'-') => ("-", &t[1..]),
        Some(b'+') => ("", &t[1..]),
        _ => ("", t),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let frac_digits = frac.unwrap_or("");
    if !digits(int) || !digits(frac_digits) || int.len() + frac_digits.len() == 0 {
        return None;
    }
    let int = int.trim_start_matches('0');
    let mut json = format!("{sign}{}", if int.is_empty() { "0" } else { int });
    if !frac_digits.is_empty() {
        json.push('.');
        json.push_str(frac_digits);
    }
    if let Some(e) = exponent {
        let body = e.strip_prefix(['+', '-']).unwrap_or(e);
        if body.is_empty() || !digits(body) {
            return None;
        }
        json.push('e');
        json.push_str(e);
    }
    Some(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn decimal_agrees_with_f64_and_json(t in "[-+]?[0-9]{0,3}[.]?[0-9]{0,3}([eE][-+]?[0-9]{0,2})?") {
            let f = t.parse::<f64>().ok().filter(|f| f.is_finite());
            let json = decimal(&t);
            proptest::prop_assert_eq!(json.is_some(), f.is_some(), "{}", t);
            if let (Some(json), Some(f)) = (json, f) {
                let n: serde_json::Number = serde_json::from_str(&json).expect("valid JSON");
                // serde_json's float parsing may differ from Rust's in the last bit.
                let g = n.as_f64().unwrap_or(f64::NAN);
                proptest::prop_assert!((g - f).abs() <= f.abs() * 1e-15, "{} as {}: {} and {}", t, json, g, f);
            }
        }
    }

    #[test]
    fn decimal_reads_what_f64_reads_and_writes_it_as_json() {
        for (typed, json) in [
            ("52.5", Some("52.5")),
            ("-1", Some("-1")),
            ("+3", Some("3")),
            (".5", Some("0.5")),
            ("5.", Some("5")),
            ("1e3", Some("1e3")),
            ("1.5E-2", Some("1.5e-2")),
            ("007.5", Some("7.5")),
            ("-0", Some("-0")),
            ("", None),
            (".", None),
            ("-", None),
            ("1e", None),
            ("1e+", None),
            ("1.2.3", None),
            ("inf", None),
            ("NaN", None),
            ("12a", None),
            ("--1", None),
        ] {
            assert_eq!(decimal(typed).as_deref(), json, "{typed}");
        }
    }
    use crate::engine::decide;

    fn arrest_form() -> Form {
        Form::default()
            .apply(Action::Indication(Some(Indication::RefractoryCardiacArrest)))
            .apply(Action::Age("47".into()))
            .apply(Action::Rhythm(Some(Rhythm::Vf)))
            .apply(Action::CprMinutes("40".into()))
            .apply(Action::Rosc(Some(false)))
            .apply(Action::Hypothermia(Some(false)))
    }

    #[test]
    fn a_filled_form_decides() {
        assert_eq!(decide(&arrest_form().case()).verdict.id(), "option");
    }

    #[test]
    fn bad_numbers_are_named_and_kept() {
        let f = arrest_form().apply(Action::CprMinutes("-4".into())).apply(Action::Age("forty".into()));
        let case = f.case();
        let errors: Vec<String> = case.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            vec![
                "patient.age_years: expected a whole number from 0 to 120, got \"forty\"",
                "arrest.cpr_minutes: expected a whole number from 0 to 600, got -4",
            ]
        );
        assert_eq!(decide(&case).verdict.id(), "invalid");
        // The rest is kept.
        assert_eq!(case.assessment.arrest.rhythm, Some(Rhythm::Vf));
        // And it survives a link.
        let back = Form::from_fragment(&format!("#{}", f.fragment())).unwrap_or_default();
        assert_eq!(back, f);
        assert_eq!(back.case().errors, case.errors);
    }

    #[test]
    fn numbers_of_another_indication_do_not_count() {
        let f = arrest_form()
            .apply(Action::CprMinutes("x".into()))
            .apply(Action::Indication(Some(Indication::PostcardiotomyShock)));
        assert_eq!(f.case().errors, vec![]);
        assert_eq!(f.cpr_minutes, "x", "kept for when the indication changes back");
    }

    #[test]
    fn link_errors_are_kept_until_the_field_is_set() {
        let f = Form::from_case_file(
            r#"{"schema":"ecmo-case/1","indication":"refractory-cardiac-arrest","arrest":{"rhythm":"VF"},"patient":{"age_years":130,"name":"x"}}"#,
        );
        assert_eq!(f.age, "130");
        let paths: Vec<&str> = f.link_errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, vec!["patient.name", "arrest.rhythm"]);
        assert_eq!(f.case().errors.len(), 3);
        let f = f.apply(Action::Rhythm(Some(Rhythm::Pea)));
        assert_eq!(f.link_errors.len(), 1);
        let f = f.apply(Action::DismissLinkErrors);
        assert_eq!(f.case().errors.len(), 1, "the age error is the form's own");
    }

    #[test]
    fn fragments_round_trip_and_clear() {
        let f = arrest_form()
            .apply(Action::ToggleReversibleCause(ReversibleCause::Toxins))
            .apply(Action::ToggleReversibleCause(ReversibleCause::Hypoxia))
            .apply(Action::Team(RequirementId::Ncaa, Some(Answer::No)));
        assert_eq!(Form::from_fragment(&f.fragment()), Some(f.clone()));
        assert_eq!(f.reversible_causes, vec![ReversibleCause::Hypoxia, ReversibleCause::Toxins]);
        let f = f.apply(Action::ToggleReversibleCause(ReversibleCause::Hypoxia));
        assert_eq!(f.reversible_causes, vec![ReversibleCause::Toxins]);
        assert_eq!(f.apply(Action::Clear), Form::default());
        assert_eq!(Form::from_fragment("#nothing"), None);
        let damaged = Form::from_fragment("#case=%").unwrap_or_default();
        assert_eq!(damaged.link_errors.len(), 1);
        assert_eq!(damaged.link_errors[0].path, "case");
        assert_eq!(decide(&damaged.case()).verdict.id(), "invalid");
    }
}
