//! The decision: a verdict bar at the top of the screen, then what the
//! verdict needs or implies, the conditions as a checklist (each with its own
//! yes / no / not known answer), cautions, notes and the rules applied.

use std::rc::Rc;

use yew::prelude::*;

use super::controls::{choice, ChoiceProps};
use super::{cites, Derived};
use crate::engine::{RequirementCheck, Status, Verdict};
use crate::form::Action;
use crate::model::{Answer, Field};
use crate::render;

/// The verdict, where a clinician looks first. Carries the page hooks.
/// `on_panel` opens the family's sheet or the clinician's record.
pub fn verdict_bar(derived: &Derived, on_panel: &Callback<Option<super::Panel>>) -> Html {
    let v = &derived.decision.verdict;
    let prospective = match v {
        Verdict::NotYetRefractory { at_30_minutes } => Some(at_30_minutes.id()),
        _ => None,
    };
    let reason = match v {
        Verdict::OutsideGuidance { reason, .. } => Some(reason.id()),
        _ => None,
    };
    let missing = match v {
        Verdict::NeedsInformation { missing } => {
            Some(missing.iter().map(|f| f.path()).collect::<Vec<_>>().join(" "))
        }
        _ => None,
    };
    let lead = v.statements().into_iter().next();
    let open = |panel: super::Panel| {
        let on_panel = on_panel.clone();
        Callback::from(move |_: MouseEvent| on_panel.emit(Some(panel)))
    };
    html! {
        <section class={classes!("verdict", format!("verdict--{}", v.id()))} aria-labelledby="verdict-title"
            data-verdict={v.id()} data-prospective={prospective} data-reason={reason} data-missing={missing.clone()}>
            <div class="wrap">
                <p class="verdict__kicker">{ kicker(v) }</p>
                <h1 id="verdict-title" class="verdict__title">{ v.title() }</h1>
                {
                    match v {
                        Verdict::NeedsInformation { missing } => html! {
                            <p class="verdict__text">{ "Needed: " }{ missing.iter().map(|f| f.label()).collect::<Vec<_>>().join(", ") }{ "." }</p>
                        },
                        Verdict::Invalid { errors } => html! {
                            <p class="verdict__text">{ format!("{} {} to correct. Everything else you entered is kept.", errors.len(), if errors.len() == 1 { "input" } else { "inputs" }) }</p>
                        },
                        _ => match lead {
                            Some(s) => html! { <p class="verdict__text">{ s.text }{ " " }{ cites(s.cites) }</p> },
                            None => html! {},
                        },
                    }
                }
                <div class="verdict__actions">
                    if v.offers_consent_sheet() {
                        <button type="button" class="button button--small" data-action="consent-sheet" onclick={open(super::Panel::Sheet)}>
                            { "Family information sheet" }
                        </button>
                    }
                    <button type="button" class="button button--small button--secondary" data-action="record" onclick={open(super::Panel::Record)}>
                        { "Clinician's record" }
                    </button>
                </div>
            </div>
        </section>
    }
}

fn kicker(v: &Verdict) -> &'static str {
    match v {
        Verdict::Recommended(_) => "What the guidance says",
        Verdict::NotYetRefractory { .. } => "Not refractory yet",
        Verdict::OutsideGuidance { .. } => "Outside both guidances",
        Verdict::NeedsInformation { .. } => "No verdict yet",
        Verdict::Invalid { .. } => "No verdict yet",
    }
}

#[derive(Properties, PartialEq)]
pub struct DetailsProps {
    pub derived: Rc<Derived>,
    pub dispatch: Callback<Action>,
    /// Errors that no field on screen shows (they carry the hook here).
    pub unplaced: Vec<crate::model::FieldError>,
    /// When the arrest clock started, if it runs.
    pub clock_start: Option<f64>,
    /// Teaching mode: the rules applied are shown open.
    #[prop_or_default]
    pub teach: bool,
    /// The teaching case this is, in teaching mode.
    #[prop_or_default]
    pub learning: Option<&'static crate::examples::Example>,
}

/// A function, not a component: each component type costs the wasm about
/// 1.5 KB compressed.
pub fn details(p: &DetailsProps) -> Html {
    let d = &p.derived.decision;
    let v = &d.verdict;
    html! {
        <div class="details">
            if let Some(e) = p.learning {
                <section class="panel panel--teach" aria-labelledby="learning-title" data-learning={e.id}>
                    <h2 id="learning-title">{ "Learning point" }</h2>
                    <p>{ e.learning }{ " " }{ cites(e.cites) }</p>
                </section>
            }
            { verdict_detail(v, &p.derived, &p.unplaced, p.clock_start) }
            if !d.requirements.is_empty() {
                <section aria-labelledby="req-title" class="panel">
                    <h2 id="req-title">{ "Conditions the guidance attaches" }</h2>
                    <p class="hint">{ "Answer each for this case; the status follows your answer." }</p>
                    <ul class="checklist">
                        { for d.requirements.iter().map(|r| requirement(r, &p.dispatch)) }
                    </ul>
                </section>
            }
            if !d.cautions.is_empty() {
                <section aria-labelledby="cautions-title" class="panel">
                    <h2 id="cautions-title">{ "Cautions" }</h2>
                    <ul class="cautions">{ super::raw(render::cautions(&d.cautions)) }</ul>
                </section>
            }
            if !d.notes.is_empty() {
                <section aria-labelledby="notes-title" class="panel panel--notes">
                    <h2 id="notes-title">{ "Notes from the guidance" }</h2>
                    <ul class="notes">{ super::raw(render::notes(&d.notes)) }</ul>
                </section>
            }
            <details class={classes!("panel", "trace", p.teach.then_some("trace--teach"))} open={p.teach}>
                <summary>{ if p.teach { "Why this verdict: the rules applied, in order" } else { "Rules applied" } }</summary>
                <ol>{ super::raw(render::trace(&d.trace)) }</ol>
            </details>
        </div>
    }
}

fn verdict_detail(
    v: &Verdict,
    derived: &Derived,
    unplaced: &[crate::model::FieldError],
    clock_start: Option<f64>,
) -> Html {
    match v {
        Verdict::Recommended(_) => html! {},
        Verdict::NotYetRefractory { at_30_minutes } => {
            let st = v.statements();
            let minutes = derived.case.assessment.arrest.cpr_minutes.map(|m| m.minutes());
            let left = match (clock_start, minutes) {
                (Some(start), _) => html! { <super::clock::TimeLeft {start} /> },
                (None, Some(m)) => {
                    let left = 30 - i64::from(m);
                    html! { { format!("{left} {} to 30 minutes of CPR.", if left == 1 { "minute" } else { "minutes" }) } }
                }
                (None, None) => html! {},
            };
            let prospective = at_30_minutes.statement();
            html! {
                <section class="panel panel--key" aria-labelledby="nyr-title">
                    <h2 id="nyr-title">{ "At 30 minutes without ROSC: " }{ prospective.title }</h2>
                    <p class="big">{ left }</p>
                    { for st.iter().map(|s| html! { <p>{ s.text }{ " " }{ cites(s.cites) }</p> }) }
                    <p class="hint">{ "The conditions below are those of the verdict that would apply at 30 minutes." }</p>
                </section>
            }
        }
        Verdict::OutsideGuidance { .. } => html! {
            <section class="panel panel--key" aria-labelledby="outside-title">
                <h2 id="outside-title">{ "Why" }</h2>
                { for v.statements().iter().map(|s| html! {
                    <div><h3>{ s.title }</h3><p>{ s.text }{ " " }{ cites(s.cites) }</p></div>
                }) }
            </section>
        },
        Verdict::NeedsInformation { missing } => {
            let assumed = missing
                .iter()
                .any(|f| matches!(f, Field::Age | Field::Rosc | Field::Hypothermia | Field::CprMinutes))
                && missing.len() > 1;
            html! {
                <section class="panel panel--key" aria-labelledby="missing-title">
                    <h2 id="missing-title">{ "Needed for a verdict" }</h2>
                    <ul class="missing">
                        { for derived.alternatives.iter().map(|(f, alternatives)| {
                            let why = crate::engine::missing_statement(*f);
                            html! {
                                <li>
                                    <h3><a href={format!("#field-{}", field_anchor(*f))}>{ f.label() }</a></h3>
                                    <p class="hint">{ why.text }{ " " }{ cites(why.cites) }</p>
                                    <ul class="alternatives">
                                        { for alternatives.iter().map(|alt| {
                                            let lead = alt.verdict.statements().into_iter().next();
                                            let rest = match &alt.verdict {
                                                Verdict::NeedsInformation { missing } => format!(
                                                    " (then still needed: {})",
                                                    missing.iter().map(|m| m.label().to_ascii_lowercase()).collect::<Vec<_>>().join(", ")
                                                ),
                                                _ => String::new(),
                                            };
                                            html! {
                                                <li>
                                                    <strong>{ format!("If {}: ", alt.value) }</strong>
                                                    { alt.verdict.title() }{ rest }{ " " }
                                                    { lead.map(|s| cites(s.cites)).unwrap_or_default() }
                                                </li>
                                            }
                                        }) }
                                    </ul>
                                </li>
                            }
                        }) }
                    </ul>
                    if assumed {
                        <p class="hint">{ "Each line assumes the other missing inputs keep the case inside the guidance: an adult, no ROSC, no hypothermia, 30 minutes of CPR." }</p>
                    }
                </section>
            }
        }
        Verdict::Invalid { errors } => html! {
            <section class="panel panel--error" aria-labelledby="errors-title">
                <h2 id="errors-title">{ "There is a problem" }</h2>
                <ul class="error-summary">
                    { for errors.iter().map(|e| {
                        let placed = !unplaced.iter().any(|u| u == e);
                        if placed {
                            html! { <li><a href={format!("#field-{}", path_anchor(&e.path))}>{ e.to_string() }</a></li> }
                        } else {
                            html! { <li data-field-error={e.path.clone()}>{ e.to_string() }</li> }
                        }
                    }) }
                </ul>
            </section>
        },
    }
}

/// One condition of the checklist, with its own answer.
fn requirement(r: &RequirementCheck, dispatch: &Callback<Action>) -> Html {
    let id = r.spec.id;
    let on_change =
        dispatch.reform(move |v: Option<&'static str>| Action::Team(id, v.and_then(Answer::from_id)));
    let selected = match r.status {
        Status::Met => Some(Answer::Yes.id()),
        Status::NotMet => Some(Answer::No.id()),
        Status::Unknown => None,
    };
    html! {
        <li key={id.id()} class={classes!("req", format!("req--{}", r.status.id()))} data-requirement={id.id()} data-status={r.status.id()}>
            <div class="req__body">
                <span class="req__status">{ status_label(r.status) }</span>
                <h3 class="req__title">{ r.spec.title }</h3>
                <p>{ r.spec.text }{ " " }{ cites(r.spec.cites) }</p>
            </div>
            { choice(&yew::props!(ChoiceProps {
                    name: format!("team-{}", id.id()),
                    legend: format!("{}: in place for this case?", r.spec.title),
                    options: vec![("yes", "Yes"), ("no", "No")],
                    selected,
                    on_change,
                    path: id.team_path(),
                    compact: true,
                })) }
        </li>
    }
}

fn status_label(s: Status) -> &'static str {
    match s {
        Status::Met => "Met",
        Status::NotMet => "Not met",
        Status::Unknown => "Not known",
    }
}

/// The anchor of a missing input's field on screen.
fn field_anchor(f: Field) -> &'static str {
    match f {
        Field::Indication => "indication",
        Field::Age => "age",
        Field::Rhythm => "rhythm",
        Field::Cause => "cause",
        Field::CprMinutes => "cpr-minutes",
        Field::Rosc => "rosc",
        Field::Hypothermia => "hypothermia",
    }
}

/// The anchor of the field that shows an error at `path`.
pub fn path_anchor(path: &str) -> &'static str {
    super::inputs::FIELDS.iter().find(|(p, _)| path.starts_with(p)).map(|(_, a)| *a).unwrap_or("inputs")
}
