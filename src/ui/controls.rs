//! Form controls: segmented choices (native radios, large targets), yes/no
//! answers, number fields that keep what was typed, and toggle chips.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::WireEnum;

/// One option of a segmented control: case-file id and label.
pub type Opt = (&'static str, &'static str);

/// The options of a wire enum, with labels.
pub fn opts<T: WireEnum>(label: fn(T) -> &'static str) -> Vec<Opt> {
    T::ALL.iter().map(|v| (v.id(), label(*v))).collect()
}

/// The enum value of a case-file id.
pub fn from_id<T: WireEnum>(id: Option<&'static str>) -> Option<T> {
    id.and_then(|id| T::ALL.iter().copied().find(|v| v.id() == id))
}

#[derive(Properties, PartialEq)]
pub struct ChoiceProps {
    /// The group's name, unique on the page.
    pub name: AttrValue,
    pub legend: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub options: Vec<Opt>,
    pub selected: Option<&'static str>,
    /// The label of the "not known" option (unset); none to leave it out.
    #[prop_or(Some(AttrValue::Static("Not known")))]
    pub unknown: Option<AttrValue>,
    pub on_change: Callback<Option<&'static str>>,
    /// The case-file path, for the field's error hook.
    pub path: AttrValue,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or_default]
    pub compact: bool,
}

/// A segmented control: a fieldset of radios drawn as large buttons.
pub fn choice(p: &ChoiceProps) -> Html {
    let hint_id = format!("{}-hint", p.name);
    let error_id = format!("{}-error", p.name);
    let described = [p.hint.as_ref().map(|_| hint_id.clone()), p.error.as_ref().map(|_| error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let radio = |value: Option<&'static str>, label: AttrValue| {
        let id = format!("{}-{}", p.name, value.unwrap_or("unknown"));
        let on_change = p.on_change.clone();
        let onchange = Callback::from(move |_: Event| on_change.emit(value));
        html! {
            <span class="seg__item">
                <input class="seg__input" type="radio" id={id.clone()} name={p.name.clone()}
                    value={value.unwrap_or("")} checked={p.selected == value} {onchange} />
                <label class={classes!("seg__label", value.is_none().then_some("seg__label--unknown"))} for={id}>{ label }</label>
            </span>
        }
    };
    html! {
        <fieldset class={classes!("field", p.error.is_some().then_some("field--error"))} id={format!("field-{}", p.name)}
            aria-describedby={(!described.is_empty()).then_some(described)}>
            <legend class="field__label">{ p.legend.clone() }</legend>
            if let Some(h) = &p.hint { <p class="hint" id={hint_id.clone()}>{ h.clone() }</p> }
            if let Some(e) = &p.error {
                <p class="error-message" id={error_id.clone()} data-field-error={p.path.clone()}>
                    <span class="visually-hidden">{ "Error: " }</span>{ e.clone() }
                </p>
            }
            <div class={classes!("seg", p.compact.then_some("seg--compact"))}>
                { for p.options.iter().map(|(v, l)| radio(Some(*v), AttrValue::Static(l))) }
                if let Some(u) = &p.unknown { { radio(None, u.clone()) } }
            </div>
        </fieldset>
    }
}

pub struct YesNoProps {
    pub name: AttrValue,
    pub legend: AttrValue,
    pub hint: Option<AttrValue>,
    pub value: Option<bool>,
    pub on_change: Callback<Option<bool>>,
    pub path: AttrValue,
    pub error: Option<String>,
}

/// Yes / No / Not known: a [`Choice`]. A function, not a component of its
/// own (each component type costs the wasm about 1.5 KB compressed).
pub fn yes_no(p: YesNoProps) -> Html {
    let on_change = p.on_change.reform(|v: Option<&'static str>| v.map(|v| v == "yes"));
    html! {
        { choice(&yew::props!(ChoiceProps {
                    name: p.name.clone(),
                    legend: p.legend.clone(),
                    hint: p.hint.clone(),
                    path: p.path.clone(),
                    error: p.error.clone(),
                    options: vec![("yes", "Yes"), ("no", "No")],
                    selected: p.value.map(|b| if b { "yes" } else { "no" }),
                    on_change,
                    compact: true,
                })) }
    }
}

#[derive(Properties, PartialEq)]
pub struct NumberProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// The unit and range, shown under the label ("years, 0 to 120").
    pub hint: AttrValue,
    pub value: AttrValue,
    pub on_input: Callback<String>,
    pub path: AttrValue,
    #[prop_or_default]
    pub error: Option<String>,
}

/// A whole-number field: opens the number keypad, keeps any text typed.
pub fn number_field(p: &NumberProps) -> Html {
    let on_input = p.on_input.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        on_input.emit(input.value());
    });
    let hint_id = format!("{}-hint", p.id);
    let error_id = format!("{}-error", p.id);
    let described = match &p.error {
        Some(_) => format!("{hint_id} {error_id}"),
        None => hint_id.clone(),
    };
    html! {
        <div class={classes!("field", p.error.is_some().then_some("field--error"))} id={format!("field-{}", p.id)}>
            <label class="field__label" for={p.id.clone()}>{ p.label.clone() }</label>
            <p class="hint" id={hint_id}>{ p.hint.clone() }</p>
            if let Some(e) = &p.error {
                <p class="error-message" id={error_id} data-field-error={p.path.clone()}>
                    <span class="visually-hidden">{ "Error: " }</span>{ e.clone() }
                </p>
            }
            <input class="input input--number" type="text" inputmode="numeric" autocomplete="off"
                spellcheck="false" id={p.id.clone()} name={p.id.clone()} value={p.value.clone()}
                aria-describedby={described} aria-invalid={p.error.is_some().then_some("true")} {oninput} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChipsProps {
    pub name: AttrValue,
    pub legend: AttrValue,
    #[prop_or_default]
    pub hint: Option<Html>,
    pub options: Vec<Opt>,
    pub selected: Vec<&'static str>,
    pub on_toggle: Callback<&'static str>,
}

/// Checkboxes drawn as toggle chips.
pub fn chips(p: &ChipsProps) -> Html {
    html! {
        <fieldset class="field" id={format!("field-{}", p.name)}>
            <legend class="field__label">{ p.legend.clone() }</legend>
            if let Some(h) = &p.hint { <p class="hint">{ h.clone() }</p> }
            <div class="chips">
                { for p.options.iter().map(|(v, l)| {
                    let id = format!("{}-{}", p.name, v);
                    let on_toggle = p.on_toggle.clone();
                    let value = *v;
                    let onchange = Callback::from(move |_: Event| on_toggle.emit(value));
                    html! {
                        <span class="seg__item">
                            <input class="chip__input" type="checkbox" id={id.clone()} name={p.name.clone()}
                                value={*v} checked={p.selected.contains(v)} {onchange} />
                            <label class="chip__label" for={id}>{ *l }</label>
                        </span>
                    }
                }) }
            </div>
        </fieldset>
    }
}
