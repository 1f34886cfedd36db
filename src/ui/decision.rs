//! The decision for a case: verdict first, then what was read, the
//! requirements, cautions, notes and the rules applied.

use yew::prelude::*;

use super::{cites, DecidedProps};
use crate::engine::{Status, Verdict};

#[function_component(DecisionView)]
pub fn decision_view(props: &DecidedProps) -> Html {
    let d = &*props.decision;
    let v = &d.verdict;
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
    let heading = match v {
        Verdict::Recommended(r) => r.statement().title,
        Verdict::NotYetRefractory { .. } => "Not yet refractory",
        Verdict::OutsideGuidance { reason, .. } => reason.statement().title,
        Verdict::NeedsInformation { .. } => "More information needed",
        Verdict::Invalid { .. } => "Check the case: some inputs are not valid",
    };

    html! {
        <>
            <section class={classes!("verdict", format!("verdict--{}", v.id()))}
                data-verdict={v.id()}
                data-prospective={prospective}
                data-reason={reason}
                data-missing={missing}
                aria-labelledby="verdict-title">
                <p class="verdict__id">{ "Verdict: " }<code>{ v.id() }</code></p>
                <h1 id="verdict-title" class="verdict__title">{ heading }</h1>
                { for v.statements().iter().map(|s| html! {
                    <div class="statement">
                        { if s.title != heading { html! { <h2 class="statement__title">{ s.title }</h2> } } else { html! {} } }
                        <p>{ s.text }{ " " }{ cites(s.cites) }</p>
                    </div>
                }) }
                {
                    if let Verdict::Invalid { errors } = v {
                        html! {
                            <ul class="errors">
                                { for errors.iter().map(|e| html! {
                                    <li data-field-error={e.path.clone()}>
                                        <strong>{ e.path.clone() }</strong>{ ": " }{ e.message.clone() }
                                    </li>
                                }) }
                            </ul>
                        }
                    } else { html! {} }
                }
            </section>

            { case_summary(&props.case.assessment) }

            {
                if d.requirements.is_empty() { html! {} } else { html! {
                    <section aria-labelledby="req-title">
                        <h2 id="req-title">{ "Conditions the guidance attaches" }</h2>
                        <ul class="checklist">
                            { for d.requirements.iter().map(|r| html! {
                                <li class={classes!("req", format!("req--{}", r.status.id()))}
                                    data-requirement={r.spec.id.id()} data-status={r.status.id()}>
                                    <span class="req__status">{ status_label(r.status) }</span>
                                    <strong class="req__title">{ r.spec.title }</strong>
                                    <p>{ r.spec.text }{ " " }{ cites(r.spec.cites) }</p>
                                </li>
                            }) }
                        </ul>
                    </section>
                } }
            }

            {
                if d.cautions.is_empty() { html! {} } else { html! {
                    <section aria-labelledby="cautions-title">
                        <h2 id="cautions-title">{ "Cautions" }</h2>
                        <ul class="cautions">
                            { for d.cautions.iter().map(|c| html! {
                                <li class="caution" data-caution={c.id.id()}>
                                    <strong>{ c.title }</strong>
                                    <p>{ c.text }{ " " }{ cites(c.cites) }</p>
                                </li>
                            }) }
                        </ul>
                    </section>
                } }
            }

            {
                if d.notes.is_empty() { html! {} } else { html! {
                    <section aria-labelledby="notes-title">
                        <h2 id="notes-title">{ "Notes from the guidance" }</h2>
                        <ul class="notes">
                            { for d.notes.iter().map(|n| html! {
                                <li data-note={n.id}>{ n.text }{ " " }{ cites(n.cites) }</li>
                            }) }
                        </ul>
                    </section>
                } }
            }

            <details class="trace">
                <summary>{ "Rules applied" }</summary>
                <ol>
                    { for d.trace.iter().map(|r| html! {
                        <li data-rule={r.id}><code>{ r.id }</code>{ " " }{ r.says }{ " " }{ cites(r.cites) }</li>
                    }) }
                </ol>
            </details>
        </>
    }
}

fn status_label(s: Status) -> &'static str {
    match s {
        Status::Met => "Met",
        Status::NotMet => "Not met",
        Status::Unknown => "Not known",
    }
}

/// What was read from the link, so the reader can check it is the right case.
fn case_summary(a: &crate::model::Assessment) -> Html {
    let rows = a.summary();
    if rows.is_empty() {
        return html! {};
    }
    html! {
        <section aria-labelledby="case-title">
            <h2 id="case-title">{ "The case as read" }</h2>
            <dl class="summary">
                { for rows.into_iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ v }</dd></> }) }
            </dl>
        </section>
    }
}
