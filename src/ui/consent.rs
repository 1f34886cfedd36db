//! The family's consent information sheet and the clinician's record, as the
//! consent module builds them; printed alone with the browser's print.
//!
//! What is typed for the sheet (names, hospital, clinician, figures) lives in
//! the app's memory only: it is never put in the URL, the case file, web
//! storage or any request, and "Clear the family's details" empties it.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::consent::{self, SheetInputs, SheetKind};
use crate::model::Case;

/// What to print alone.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Printing {
    Sheet,
    Record,
}

/// Prints one document alone: marks the page, prints, unmarks.
pub fn print(what: Printing) {
    let Some(root) = gloo::utils::document().document_element() else { return };
    let _ = root.set_attribute(
        "data-printing",
        match what {
            Printing::Sheet => "sheet",
            Printing::Record => "record",
        },
    );
    let _ = gloo::utils::window().print();
    let _ = root.remove_attribute("data-printing");
}

pub struct SheetProps<'a> {
    pub kind: SheetKind,
    pub case: &'a Case,
    pub inputs: &'a SheetInputs,
    pub on_inputs: &'a Callback<SheetInputs>,
    pub on_close: Callback<()>,
    /// In an embedded frame, also offer the sheet in a new tab.
    pub embed: bool,
}

/// A text field of the sheet's inputs.
fn text_field(
    p: &SheetProps,
    id: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    error: Option<String>,
    // Function pointers, not generic closures: one copy of this code.
    get: fn(&SheetInputs) -> &str,
    set: fn(&mut SheetInputs, String),
) -> Html {
    let value = get(p.inputs).to_string();
    let inputs = p.inputs.clone();
    let on_inputs = p.on_inputs.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let el: HtmlInputElement = e.target_unchecked_into();
        let mut next = inputs.clone();
        set(&mut next, el.value());
        on_inputs.emit(next);
    });
    let error_id = format!("{id}-error");
    html! {
        <div class={classes!("field", error.is_some().then_some("field--error"))}>
            <label class="field__label" for={id}>{ label }</label>
            if let Some(h) = hint { <p class="hint">{ h }</p> }
            if let Some(e) = &error { <p class="error-message" id={error_id.clone()}>{ e.clone() }</p> }
            <input class="input input--wide" type="text" {id} autocomplete="off" spellcheck="false"
                {value} {oninput} aria-describedby={error.is_some().then_some(error_id)} />
        </div>
    }
}

/// The sheet with what to type for it. A function with no hooks: large print
/// is the checkbox's own state, which the style sheet reads (`:has`).
pub fn consent_sheet(p: SheetProps) -> Html {
    let sheet = consent::sheet(p.kind, &p.case.assessment, p.inputs);
    let figure_errors = p.inputs.outcome.check().err().unwrap_or_default();
    let field_error = |prefix: &str| figure_errors.iter().find(|e| e.starts_with(prefix)).cloned();
    let i = p.inputs;
    let on = p.on_inputs;

    let notes_input = {
        let inputs = i.clone();
        let on = on.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlTextAreaElement = e.target_unchecked_into();
            on.emit(SheetInputs { notes: el.value(), ..inputs.clone() });
        })
    };
    let clear = {
        let on = on.clone();
        Callback::from(move |_: MouseEvent| on.emit(SheetInputs::default()))
    };
    let close = {
        let on_close = p.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };

    html! {
        <section id="consent-sheet" class="consent" aria-labelledby="consent-title">
            <div class="consent__controls wrap">
                <h2 id="consent-title">{ "Information sheet for the family" }</h2>
                <p class="hint">{ "What you type here stays on this screen only: it is not put in the link, the case file or anywhere else, and it is gone when the page closes. Print, then clear." }</p>
                <div class="consent__grid">
                    { text_field(&p, "sheet-person", "Name of the person who is ill", None, None, |s| &s.person_name, |s, v| s.person_name = v) }
                    { text_field(&p, "sheet-hospital", "Hospital", None, None, |s| &s.hospital, |s, v| s.hospital = v) }
                    { text_field(&p, "sheet-clinician", "Doctor or nurse who talked with the family", None, None, |s| &s.clinician_name, |s, v| s.clinician_name = v) }
                    { text_field(&p, "sheet-role", "Their role", None, None, |s| &s.clinician_role, |s, v| s.clinician_role = v) }
                    { text_field(&p, "sheet-spoken-with", "Who they talked with", Some("Names, and how they are related"), None, |s| &s.spoken_with, |s, v| s.spoken_with = v) }
                    { text_field(&p, "sheet-when", "Date and time of the talk", None, None, |s| &s.when, |s, v| s.when = v) }
                </div>
                <fieldset class="field consent__figure">
                    <legend class="field__label">{ "The centre's own outcome figure (optional)" }</legend>
                    <p class="hint">{ "NICE gives no survival figure with ECMO. If your centre has its own, give it with what it counts and its source; the sheet shows it as about X in 100." }</p>
                    { text_field(&p, "sheet-figure", consent::FIGURE_FIELD, Some("A whole number from 0 to 100, such as 30"), field_error(consent::FIGURE_FIELD), |s| &s.outcome.text, |s, v| s.outcome.text = v) }
                    { text_field(&p, "sheet-counts", consent::COUNTS_FIELD, Some("For example: survived to leave hospital"), field_error(consent::COUNTS_FIELD), |s| &s.outcome.counts, |s, v| s.outcome.counts = v) }
                    { text_field(&p, "sheet-source", consent::SOURCE_FIELD, Some("For example: our audit, 2020 to 2024"), field_error(consent::SOURCE_FIELD), |s| &s.outcome.source, |s, v| s.outcome.source = v) }
                </fieldset>
                <div class="field">
                    <label class="field__label" for="sheet-notes">{ "Notes for the family (optional)" }</label>
                    <textarea class="input input--wide" id="sheet-notes" rows="3" value={i.notes.clone()} oninput={notes_input} />
                </div>
                <div class="field seg seg--compact">
                    <span class="seg__item">
                        <input class="chip__input" type="checkbox" id="sheet-large" />
                        <label class="chip__label" for="sheet-large">{ "Large print" }</label>
                    </span>
                </div>
                <div class="consent__buttons">
                    <button type="button" class="button" onclick={Callback::from(|_: MouseEvent| print(Printing::Sheet))}>{ "Print the sheet" }</button>
                    if p.embed {
                        <a class="button button--secondary" href={sheet_tab_url()} target="_blank" rel="noopener">{ "Open the sheet in a new tab" }</a>
                    }
                    <button type="button" class="button button--warning" onclick={clear}>{ "Clear the family's details" }</button>
                    <button type="button" class="button button--secondary" onclick={close}>{ "Close" }</button>
                </div>
            </div>
            <article class="sheet" aria-label="The sheet as it will print" data-sheet={p.kind.id()}>
                { super::raw(crate::render::sheet(&sheet)) }
            </article>
        </section>
    }
}

/// The full app with the sheet open, for a frame that cannot print. The
/// family's details are not carried: they are typed again there.
fn sheet_tab_url() -> String {
    let location = gloo::utils::window().location();
    format!("{}?sheet=1{}", location.pathname().unwrap_or_default(), location.hash().unwrap_or_default())
}

/// The clinician's record: for the notes, the MDT and the audit. Stamped
/// with the time it is shown (and so printed).
pub fn clinician_record(derived: &super::Derived, on_close: &Callback<()>) -> Html {
    let when = {
        let d = js_sys::Date::new_0();
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}",
            d.get_full_year(),
            d.get_month() + 1,
            d.get_date(),
            d.get_hours(),
            d.get_minutes()
        )
    };
    let r = consent::record(&derived.case, &derived.decision, &when, super::VERSION);
    let close = {
        let on_close = on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    html! {
        <section id="clinician-record" class="consent" aria-labelledby="record-title">
            <div class="consent__controls wrap">
                <h2 id="record-title">{ "Clinician's record" }</h2>
                <p class="hint">{ "The case, the verdict and every condition with its status, for the notes, the MDT and the audit. It holds no name." }</p>
                <div class="consent__buttons">
                    <button type="button" class="button" onclick={Callback::from(|_: MouseEvent| print(Printing::Record))}>{ "Print the record" }</button>
                    <button type="button" class="button button--secondary" onclick={close}>{ "Close" }</button>
                </div>
            </div>
            <article class="sheet record" aria-label="The record as it will print">
                { super::raw(crate::render::record(&r)) }
            </article>
        </section>
    }
}
