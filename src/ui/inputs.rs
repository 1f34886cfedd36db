//! The inputs, in the order a clinician thinks: the indication, then only what
//! matters for it. Every field shows its own error and keeps what was typed.

use yew::prelude::*;

use super::clock::ArrestClock;
use super::controls::{
    chips, choice, from_id, number_field, opts, yes_no, ChipsProps, ChoiceProps, NumberProps, YesNoProps,
};
use crate::form::{Action, Form};
use crate::model::{Cause, FieldError, Indication, Location, Phase, Pregnancy, ReversibleCause, Rhythm};

/// Case-file paths of the fields on screen, with their anchors (`#field-…`).
pub const FIELDS: &[(&str, &str)] = &[
    ("indication", "indication"),
    ("patient.age_years", "age"),
    ("patient.pregnancy", "pregnancy"),
    ("arrest.rhythm", "rhythm"),
    ("arrest.cause", "cause"),
    ("arrest.reversible_causes", "reversible-causes"),
    ("arrest.cpr_minutes", "cpr-minutes"),
    ("arrest.rosc", "rosc"),
    ("arrest.hypothermia", "hypothermia"),
    ("arrest.location", "location"),
    ("surgery.phase", "phase"),
    ("surgery.managed_with_medicines_alone", "medicines-alone"),
    ("surgery.graft_dysfunction_after_transplant", "graft-dysfunction"),
];

/// Whether the field for `path` is on screen for this indication.
pub fn shown(path: &str, indication: Option<Indication>) -> bool {
    let head = path.split(['.', '[']).next().unwrap_or("");
    let field_exists = FIELDS.iter().any(|(p, _)| path == *p || path.starts_with(&format!("{p}[")));
    field_exists
        && match head {
            "indication" | "patient" => true,
            "arrest" => indication == Some(Indication::RefractoryCardiacArrest),
            "surgery" => indication == Some(Indication::PostcardiotomyShock),
            _ => false,
        }
}

#[derive(Properties, PartialEq)]
pub struct InputsProps {
    pub form: Form,
    pub errors: Vec<FieldError>,
    pub dispatch: Callback<Action>,
    /// When the arrest clock was started (ms since the epoch), if it runs.
    pub clock_start: Option<f64>,
    pub on_clock: Callback<Option<f64>>,
}

/// A function, not a component: each component type costs the wasm about
/// 1.5 KB compressed.
pub fn inputs(p: &InputsProps) -> Html {
    let f = &p.form;
    let err = |path: &str| crate::form::error_at(&p.errors, path);
    // Callbacks through two function-pointer makers: one copy of the code
    // each, whatever the control (closures of distinct types would each be
    // compiled again).
    let pick = |make: fn(Option<&'static str>) -> Action| {
        let d = p.dispatch.clone();
        Callback::from(move |v: Option<&'static str>| d.emit(make(v)))
    };
    let answer = |make: fn(Option<bool>) -> Action| {
        let d = p.dispatch.clone();
        Callback::from(move |v: Option<bool>| d.emit(make(v)))
    };
    let on_indication = pick(|v| Action::Indication(from_id(v)));
    let on_rhythm = pick(|v| Action::Rhythm(from_id(v)));
    let on_cause = pick(|v| Action::Cause(from_id(v)));
    let on_location = pick(|v| Action::Location(from_id(v)));
    let on_phase = pick(|v| Action::Phase(from_id(v)));
    let on_pregnancy = pick(|v| Action::Pregnancy(from_id(v)));
    let on_rosc = answer(Action::Rosc);
    let on_hypothermia = answer(Action::Hypothermia);
    let on_medicines = answer(Action::MedicinesAlone);
    let on_graft = answer(Action::GraftDysfunction);
    let age_input = {
        let d = p.dispatch.clone();
        Callback::from(move |s: String| d.emit(Action::Age(s)))
    };
    // Typing minutes by hand stops the clock: the typed value wins.
    let cpr_input = {
        let (d, on_clock) = (p.dispatch.clone(), p.on_clock.clone());
        Callback::from(move |s: String| {
            on_clock.emit(None);
            d.emit(Action::CprMinutes(s));
        })
    };
    let toggle_cause = {
        let d = p.dispatch.clone();
        Callback::from(move |id: &'static str| {
            if let Some(c) = ReversibleCause::from_id(id) {
                d.emit(Action::ToggleReversibleCause(c));
            }
        })
    };

    html! {
        <form class="inputs" id="inputs" aria-label="Case inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            { choice(&yew::props!(ChoiceProps {
                    name: "indication",
                    legend: "What is happening?",
                    path: "indication",
                    error: err("indication"),
                    options: opts::<Indication>(Indication::label),
                    selected: f.indication.map(Indication::id),
                    unknown: None::<AttrValue>,
                    on_change: on_indication,
                })) }

            if f.indication.is_some() {
                { number_field(&yew::props!(NumberProps {
                    id: "age",
                    label: "Age",
                    hint: "Years, 0 to 120",
                    value: f.age.clone(),
                    on_input: age_input,
                    path: "patient.age_years",
                    error: err("patient.age_years"),
                })) }
            }

            if f.indication == Some(Indication::RefractoryCardiacArrest) {
                { choice(&yew::props!(ChoiceProps {
                    name: "rhythm",
                    legend: "Rhythm",
                    hint: "Shockable: VF, pVT. Non-shockable: asystole, PEA.",
                    path: "arrest.rhythm",
                    error: err("arrest.rhythm"),
                    options: vec![("vf", "VF"), ("pvt", "pVT"), ("asystole", "Asystole"), ("pea", "PEA")],
                    selected: f.rhythm.map(Rhythm::id),
                    on_change: on_rhythm,
                })) }
                { choice(&yew::props!(ChoiceProps {
                    name: "cause",
                    legend: "Cause of the arrest",
                    path: "arrest.cause",
                    error: err("arrest.cause"),
                    options: opts::<Cause>(Cause::label),
                    selected: f.cause.map(Cause::id),
                    on_change: on_cause,
                })) }
                if f.cause == Some(Cause::Reversible) {
                    { chips(&yew::props!(ChipsProps {
                    name: "reversible-causes",
                    legend: "Which reversible cause? (optional)",
                    hint: html! { <>{ "The reversible causes of the Resuscitation Council UK advanced life support algorithm, whose guidelines IPG808 names " }{ super::cites(&[crate::citation::Cite::ipg("3.2")]) }{ ". Recorded for the team; they do not change the verdict." }</> },
                    options: opts::<ReversibleCause>(ReversibleCause::label),
                    selected: f.reversible_causes.iter().map(|c| c.id()).collect::<Vec<_>>(),
                    on_toggle: toggle_cause,
                })) }
                }
                <div class="field-group" id="field-cpr-minutes-group">
                    { number_field(&yew::props!(NumberProps {
                    id: "cpr-minutes",
                    label: "Minutes of CPR without ROSC",
                    hint: "0 to 600",
                    value: f.cpr_minutes.clone(),
                    on_input: cpr_input,
                    path: "arrest.cpr_minutes",
                    error: err("arrest.cpr_minutes"),
                })) }
                    <ArrestClock start={p.clock_start} on_clock={p.on_clock.clone()} dispatch={p.dispatch.clone()}
                        minutes={f.cpr_minutes.clone()} />
                </div>
                { yes_no(YesNoProps {
                    name: AttrValue::Static("rosc"),
                    legend: AttrValue::Static("Return of spontaneous circulation (ROSC)?"),
                    hint: None,
                    path: AttrValue::Static("arrest.rosc"),
                    error: err("arrest.rosc"),
                    value: f.rosc,
                    on_change: on_rosc,
                }) }
                { yes_no(YesNoProps {
                    name: AttrValue::Static("hypothermia"),
                    legend: AttrValue::Static("Hypothermia?"),
                    hint: None,
                    path: AttrValue::Static("arrest.hypothermia"),
                    error: err("arrest.hypothermia"),
                    value: f.hypothermia,
                    on_change: on_hypothermia,
                }) }
                { choice(&yew::props!(ChoiceProps {
                    name: "location",
                    legend: "Where was the arrest?",
                    hint: "Both are covered by the guidance.",
                    path: "arrest.location",
                    error: err("arrest.location"),
                    options: opts::<Location>(Location::label),
                    selected: f.location.map(Location::id),
                    on_change: on_location,
                })) }
            }

            if f.indication == Some(Indication::PostcardiotomyShock) {
                { choice(&yew::props!(ChoiceProps {
                    name: "phase",
                    legend: "Phase of care",
                    path: "surgery.phase",
                    error: err("surgery.phase"),
                    options: opts::<Phase>(Phase::label),
                    selected: f.phase.map(Phase::id),
                    on_change: on_phase,
                })) }
                { yes_no(YesNoProps {
                    name: AttrValue::Static("medicines-alone"),
                    legend: AttrValue::Static("Can the shock still be managed with medicines alone?"),
                    hint: None,
                    path: AttrValue::Static("surgery.managed_with_medicines_alone"),
                    error: err("surgery.managed_with_medicines_alone"),
                    value: f.medicines_alone,
                    on_change: on_medicines,
                }) }
                { yes_no(YesNoProps {
                    name: AttrValue::Static("graft-dysfunction"),
                    legend: AttrValue::Static("Primary graft dysfunction after heart transplant?"),
                    hint: None,
                    path: AttrValue::Static("surgery.graft_dysfunction_after_transplant"),
                    error: err("surgery.graft_dysfunction_after_transplant"),
                    value: f.graft_dysfunction,
                    on_change: on_graft,
                }) }
            }

            if f.indication.is_some() {
                { choice(&yew::props!(ChoiceProps {
                    name: "pregnancy",
                    legend: "Pregnancy",
                    path: "patient.pregnancy",
                    error: err("patient.pregnancy"),
                    options: opts::<Pregnancy>(Pregnancy::label),
                    selected: f.pregnancy.map(Pregnancy::id),
                    on_change: on_pregnancy,
                })) }
            }
        </form>
    }
}
