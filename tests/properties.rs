//! Properties that hold for every input, checked with proptest.
#![cfg(not(target_arch = "wasm32"))]

use ecmo_aid::case_file;
use ecmo_aid::case_link::{self, Fragment};
use ecmo_aid::engine::{self, Recommendation, Verdict};
use ecmo_aid::model::*;
use proptest::prelude::*;
use serde_json::Value;

fn opt<T: Clone + std::fmt::Debug + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    prop_oneof![1 => Just(None), 3 => s.prop_map(Some)].boxed()
}

fn pick<T: WireEnum + std::fmt::Debug>() -> BoxedStrategy<T> {
    proptest::sample::select(T::ALL.to_vec()).boxed()
}

prop_compose! {
    fn team()(v in proptest::collection::vec(opt(pick::<Answer>()), 11)) -> Team {
        Team {
            mdt_selection: v[0], specialist_centre: v[1], trained_team: v[2], options_discussed: v[3],
            enhanced_consent: v[4], governance_lead_informed: v[5], elso_registry: v[6], ncaa: v[7],
            evidence_data: v[8], formal_research: v[9], ethics_approval: v[10],
        }
    }
}

prop_compose! {
    fn assessment()(
        indication in opt(pick::<Indication>()),
        age in opt(0i64..=120),
        pregnancy in opt(pick::<Pregnancy>()),
        location in opt(pick::<Location>()),
        rhythm in opt(pick::<Rhythm>()),
        cause in opt(pick::<Cause>()),
        causes in proptest::sample::subsequence(ReversibleCause::ALL.to_vec(), 0..=ReversibleCause::ALL.len()),
        cpr in opt(0i64..=600),
        rosc in opt(any::<bool>()),
        hypothermia in opt(any::<bool>()),
        phase in opt(pick::<Phase>()),
        medicines in opt(any::<bool>()),
        graft in opt(any::<bool>()),
        team in team(),
    ) -> Assessment {
        Assessment {
            indication,
            patient: Patient { age_years: age.and_then(Age::new), pregnancy },
            arrest: Arrest {
                location, rhythm, cause, reversible_causes: causes,
                cpr_minutes: cpr.and_then(CprMinutes::new), rosc, hypothermia,
            },
            surgery: Surgery { phase, managed_with_medicines_alone: medicines, graft_dysfunction_after_transplant: graft },
            team,
        }
    }
}

/// Any JSON value, shaped sometimes like a case file.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        proptest::sample::select(vec![
            "ecmo-case/1",
            "vf",
            "pea",
            "unknown",
            "yes",
            "refractory-cardiac-arrest",
            "postcardiotomy-shock",
        ])
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 48, 8, |inner| {
        let key = proptest::sample::select(vec![
            "schema",
            "indication",
            "patient",
            "arrest",
            "surgery",
            "team",
            "age_years",
            "rhythm",
            "cpr_minutes",
            "reversible_causes",
            "rosc",
            "x",
        ]);
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(key, inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any assessment gets a decision, the same every time, with a cited reason.
    #[test]
    fn every_assessment_gets_one_cited_decision(a in assessment()) {
        let d = engine::decide_assessment(&a);
        prop_assert_eq!(&d, &engine::decide_assessment(&a));
        prop_assert!(d.trace.iter().any(|r| !r.cites.is_empty()), "no cited reason: {:?}", d.trace);
        prop_assert!(!d.verdict.statements().is_empty());
        for s in d.verdict.statements() {
            prop_assert!(!s.cites.is_empty(), "uncited statement {:?}", s.title);
        }
        match &d.verdict {
            Verdict::NeedsInformation { missing } => prop_assert!(!missing.is_empty()),
            Verdict::NotYetRefractory { at_30_minutes } => {
                prop_assert_ne!(*at_30_minutes, Recommendation::EvidenceGeneration)
            }
            Verdict::Invalid { .. } => prop_assert!(false, "a typed assessment is never invalid"),
            Verdict::Recommended(_) | Verdict::OutsideGuidance { .. } => {}
        }
        // Requirements go with a recommendation (now or at 30 minutes) only.
        prop_assert_eq!(d.requirements.is_empty(), d.verdict.recommendation().is_none());
        // Pregnancy never changes the verdict.
        let mut other = a.clone();
        other.patient.pregnancy = match a.patient.pregnancy {
            Some(Pregnancy::Pregnant) => Some(Pregnancy::NotPregnant),
            _ => Some(Pregnancy::Pregnant),
        };
        prop_assert_eq!(engine::decide_assessment(&other).verdict, d.verdict.clone());
        // Named reversible causes and location never change the verdict.
        let mut other = a.clone();
        other.arrest.reversible_causes.clear();
        other.arrest.location = None;
        prop_assert_eq!(engine::decide_assessment(&other).verdict, d.verdict);
    }

    /// Write then read is the identity, for files and for links.
    #[test]
    fn write_then_read_is_identity(a in assessment()) {
        let text = case_file::write(&a);
        prop_assert_eq!(case_file::read(&text), Case::from(a.clone()));
        let link = format!("#{}", case_link::fragment(&a));
        prop_assert_eq!(case_link::read_fragment(&link), Fragment::Case(Case::from(a)));
    }

    /// The reader is total on any text: a case or errors, never a panic.
    #[test]
    fn reader_never_panics_on_text(s in ".{0,200}") {
        let case = case_file::read(&s);
        let _ = engine::decide(&case);
        let _ = case_link::read_fragment(&format!("#case={s}"));
    }

    /// The reader is total on any JSON value; an error always names a path.
    #[test]
    fn reader_never_panics_on_json(v in json()) {
        let case = case_file::read(&v.to_string());
        for e in &case.errors {
            prop_assert!(!e.path.is_empty() && !e.message.is_empty());
        }
        let d = engine::decide(&case);
        prop_assert_eq!(d.verdict.id() == "invalid", !case.errors.is_empty());
    }

    /// An out-of-range number is invalid, names its path, and keeps the rest.
    #[test]
    fn out_of_range_numbers_are_named(a in assessment(), age in prop_oneof![-1000i64..0, 121i64..1000]) {
        let mut v: Value = serde_json::from_str(&case_file::write(&a)).unwrap_or(Value::Null);
        v["patient"]["age_years"] = Value::from(age);
        let case = case_file::read(&v.to_string());
        prop_assert_eq!(case.errors.len(), 1);
        prop_assert_eq!(case.errors[0].path.as_str(), "patient.age_years");
        prop_assert_eq!(
            case.errors[0].message.clone(),
            format!("expected a whole number from 0 to 120, got {age}")
        );
        let mut kept = a.clone();
        kept.patient.age_years = None;
        prop_assert_eq!(case.assessment, kept);
    }
}
