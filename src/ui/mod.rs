//! The shell: Yew components that render what the core decides.
//!
//! No clinical logic or clinical text lives here: every sentence drawn from a
//! guidance comes from the engine with its citations. One reducer holds the
//! form (`form::Form`, `form::Action`); the case and the decision are derived
//! from it with `use_memo`, never stored. The URL fragment follows the form
//! (`history.replaceState`, so typing does not fill the back button), and the
//! form follows the fragment when it changes (a link, back, forward).

mod cite;
mod clock;
mod consent;
mod controls;
mod decision;
mod inputs;
mod share;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

pub use cite::cites;
use cite::CiteDialog;
use consent::{clinician_record, consent_sheet, SheetProps};
use decision::verdict_bar;
use share::ShareBar;

use crate::citation::{Cite, Guidance};
use crate::engine::{self, Decision};
use crate::examples::EXAMPLES;
use crate::form::{Action, Form};
use crate::model::{Case, FieldError};

/// Markup from `render`, which escapes all text it did not write itself.
pub fn raw(html: String) -> Html {
    Html::from_html_unchecked(AttrValue::from(html))
}

/// The app's version, stamped on the page.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What the screen derives from the form: computed once per change.
#[derive(Debug, PartialEq)]
pub struct Derived {
    pub case: Case,
    pub decision: Decision,
    /// For each missing input, what each of its values would lead to.
    pub alternatives: Vec<(crate::model::Field, Vec<engine::what_if::Alternative>)>,
}

/// A document opened below the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// The family's consent information sheet.
    Sheet,
    /// The clinician's record.
    Record,
}

/// The reducer's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Screen {
    pub form: Form,
}

impl Reducible for Screen {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let form = self.form.apply(action);
        if form == self.form {
            self
        } else {
            Rc::new(Screen { form })
        }
    }
}

/// How the page was asked to show itself, from the URL's query (never the case).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Modes {
    /// `embed=1`: compact, no page chrome, for an e-learning page's iframe.
    pub embed: bool,
    /// `teach=1`: the rules behind the verdict, and the teaching cases.
    pub teach: bool,
    /// `sheet=1`: open the family's sheet at once.
    pub sheet: bool,
}

impl Modes {
    /// Reads `?embed=1&teach=1&sheet=1`; anything else is ignored.
    pub fn from_query(search: &str) -> Modes {
        let mut m = Modes::default();
        for pair in search.trim_start_matches('?').split('&') {
            match pair {
                "embed=1" => m.embed = true,
                "teach=1" => m.teach = true,
                "sheet=1" => m.sheet = true,
                _ => {}
            }
        }
        m
    }
}

/// The same page without `embed=1`, for opening in a new tab.
fn full_app_url() -> String {
    let location = gloo::utils::window().location();
    let search: Vec<String> = location
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && *p != "embed=1")
        .map(str::to_string)
        .collect();
    let query = if search.is_empty() { String::new() } else { format!("?{}", search.join("&")) };
    format!("{}{}{}", location.pathname().unwrap_or_default(), query, location.hash().unwrap_or_default())
}

fn current_hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Sets the URL's fragment without a navigation; `push` adds a history entry.
fn set_fragment(fragment: &str, push: bool) {
    let window = gloo::utils::window();
    let location = window.location();
    let base =
        format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    let url = if fragment.is_empty() { base } else { format!("{base}#{fragment}") };
    if let Ok(history) = window.history() {
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// The fragment for a form: empty for an empty form.
fn fragment_of(form: &Form) -> String {
    if *form == Form::default() {
        String::new()
    } else {
        form.fragment()
    }
}

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let screen = use_reducer(|| Screen { form: Form::from_fragment(&current_hash()).unwrap_or_default() });
    let clock_start = use_state(|| None::<f64>);
    let open_cite = use_state(|| None::<Cite>);
    let modes =
        *use_state(|| Modes::from_query(&gloo::utils::window().location().search().unwrap_or_default()));
    let panel = use_state(|| modes.sheet.then_some(Panel::Sheet));
    let updated = use_state(|| false);
    {
        // A new build's service worker took over: this page still runs the
        // old code. The first take-over of a first visit is not an update.
        let setter = updated.setter();
        use_effect_with((), move |_| {
            let container = gloo::utils::window().navigator().service_worker();
            let had = std::rc::Rc::new(std::cell::Cell::new(container.controller().is_some()));
            let listener = gloo::events::EventListener::new(&container, "controllerchange", move |_| {
                if had.replace(true) {
                    setter.set(true);
                }
            });
            move || drop(listener)
        });
    }
    use_effect_with(modes, |m| {
        apply_theme(current_theme());
        if let Some(root) = gloo::utils::document().document_element() {
            if m.embed {
                let _ = root.set_attribute("data-embed", "");
            }
        }
    });
    // Typed for the family's sheet: in this page's memory only.
    let sheet_inputs = use_state(crate::consent::SheetInputs::default);
    // The fragment last written or read, to tell our own changes from others'.
    let synced = use_mut_ref(|| current_hash().trim_start_matches('#').to_string());

    let derived = use_memo(screen.form.clone(), |form| {
        let case = form.case();
        let decision = engine::decide(&case);
        let alternatives = match &decision.verdict {
            engine::Verdict::NeedsInformation { missing } => {
                missing.iter().map(|f| (*f, engine::what_if::alternatives(&case.assessment, *f))).collect()
            }
            _ => Vec::new(),
        };
        Derived { case, decision, alternatives }
    });

    // Form -> URL.
    {
        let synced = synced.clone();
        use_effect_with(screen.form.clone(), move |form| {
            let fragment = fragment_of(form);
            if *synced.borrow() != fragment {
                set_fragment(&fragment, false);
                *synced.borrow_mut() = fragment;
            }
        });
    }
    // URL -> form, when the fragment changes from outside (a link, back, forward).
    {
        let dispatch = screen.dispatcher();
        let synced = synced.clone();
        let clock_start = clock_start.clone();
        use_effect_with((), move |_| {
            let on_change = move |_: &Event| follow_url(&synced, &dispatch, &clock_start);
            let window = gloo::utils::window();
            let a = gloo::events::EventListener::new(&window, "hashchange", on_change.clone());
            let b = gloo::events::EventListener::new(&window, "popstate", on_change);
            move || drop((a, b))
        });
    }

    // Stable callbacks (made once), so that a change re-renders only the
    // controls whose own props changed.
    let dispatch = {
        let d = screen.dispatcher();
        use_callback((), move |a: Action, _| d.dispatch(a))
    };
    let on_load = {
        let d = screen.dispatcher();
        let clock_start = clock_start.clone();
        Callback::from(move |f: Form| {
            clock_start.set(None);
            d.dispatch(Action::Load(Box::new(f)));
        })
    };
    let on_new = {
        let d = screen.dispatcher();
        let synced = synced.clone();
        let clock_start = clock_start.clone();
        Callback::from(move |_| {
            // A history entry, so Back returns to the case just cleared.
            set_fragment("", true);
            *synced.borrow_mut() = String::new();
            clock_start.set(None);
            d.dispatch(Action::Clear);
        })
    };
    let on_clock = {
        let setter = clock_start.setter();
        use_callback((), move |s: Option<f64>, _| setter.set(s))
    };
    // Citation buttons are text (`render`): one listener opens them all.
    {
        let set = open_cite.setter();
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(&gloo::utils::document(), "click", move |e| {
                if let Some(c) = cite::clicked_cite(e) {
                    set.set(Some(c));
                }
            });
            move || drop(listener)
        });
    }
    let close_cite = {
        let open_cite = open_cite.clone();
        Callback::from(move |_| open_cite.set(None))
    };

    {
        // Bring an opened sheet or record into view.
        use_effect_with(*panel, |panel| {
            let id = match panel {
                Some(Panel::Sheet) => Some("consent-sheet"),
                Some(Panel::Record) => Some("clinician-record"),
                None => None,
            };
            if let Some(el) = id.and_then(|id| gloo::utils::document().get_element_by_id(id)) {
                el.scroll_into_view();
            }
        });
    }
    let open_panel = {
        let panel = panel.clone();
        Callback::from(move |p: Option<Panel>| panel.set(p))
    };
    let on_sheet_inputs = {
        let sheet_inputs = sheet_inputs.clone();
        Callback::from(move |i| sheet_inputs.set(i))
    };

    let form = &screen.form;
    let empty = *form == Form::default();
    let sheet_kind = crate::consent::sheet_kind(&derived.decision.verdict);
    let errors = derived.case.errors.clone();
    let unplaced: Vec<FieldError> =
        errors.iter().filter(|e| !inputs::shown(&e.path, form.indication)).cloned().collect();
    let announce =
        if empty { String::new() } else { format!("Verdict: {}", derived.decision.verdict.title()) };

    html! {
        <>
            <a class="skip-link" href="#inputs">{ "Skip to the case inputs" }</a>
            if modes.embed {
                <header class="embed-bar">
                    <div class="wrap embed-bar__inner">
                        <p class="embed-bar__title">{ "VA ECMO decision aid: NICE HTG762 and IPG808" }</p>
                        <a class="embed-bar__open" href={full_app_url()} target="_blank" rel="noopener">{ "Open in a new tab" }</a>
                    </div>
                </header>
            } else {
                <header class="masthead">
                    <div class="wrap masthead__inner">
                        <div class="masthead__brand">
                            <p class="masthead__title">{ "VA ECMO decision aid" }</p>
                            <p class="masthead__sub">{ "NICE HTG762 and IPG808, in this browser only" }</p>
                        </div>
                        <ShareBar form={form.clone()} {on_load} {on_new} />
                    </div>
                </header>
            }
            if empty {
                { start_panel(modes.teach) }
            } else {
                { verdict_bar(&derived, &open_panel) }
            }
            if *updated {
                <div class="wrap">
                    <div class="notice notice--update" role="status" data-update-ready="">
                        <p><strong>{ "A new version of this app is ready." }</strong>
                            { " Reload to use it: the case stays in the link, but anything typed for the family's sheet is not kept, so print it first." }</p>
                        <button type="button" class="button" onclick={Callback::from(|_: MouseEvent| { let _ = gloo::utils::window().location().reload(); })}>{ "Reload now" }</button>
                    </div>
                </div>
            }
            if !form.link_errors.is_empty() {
                <div class="wrap">
                    <div class="notice notice--error" role="alert">
                        <p><strong>{ "Parts of this link or file could not be read." }</strong>{ " Everything else was kept. Correct or dismiss them to see a verdict." }</p>
                        <button type="button" class="button button--secondary"
                            onclick={{ let d = dispatch.clone(); Callback::from(move |_: MouseEvent| d.emit(Action::DismissLinkErrors)) }}>
                            { "Dismiss and continue" }
                        </button>
                    </div>
                </div>
            }
            <main class="wrap screen" id="main">
                { inputs::inputs(&yew::props!(inputs::InputsProps {
                    form: form.clone(),
                    errors,
                    dispatch: dispatch.clone(),
                    clock_start: *clock_start,
                    on_clock,
                })) }
                if !empty {
                    { decision::details(&yew::props!(decision::DetailsProps {
                        derived: derived.clone(),
                        dispatch: dispatch.clone(),
                        unplaced,
                        clock_start: *clock_start,
                        teach: modes.teach,
                        learning: teaching_case(form, modes.teach),
                    })) }
                }
            </main>
            if let (Some(Panel::Sheet), Some(kind)) = (*panel, sheet_kind) {
                { consent_sheet(SheetProps {
                    kind,
                    case: &derived.case,
                    inputs: &sheet_inputs,
                    on_inputs: &on_sheet_inputs,
                    on_close: { let o = open_panel.clone(); Callback::from(move |_| o.emit(None)) },
                    embed: modes.embed,
                }) }
            }
            if !empty && *panel == Some(Panel::Record) {
                { clinician_record(&derived, &{ let o = open_panel.clone(); Callback::from(move |_| o.emit(None)) }) }
            }
            { footer(modes.embed) }
            <CiteDialog cite={*open_cite} on_close={close_cite} />
            <p class="visually-hidden" id="verdict-announcer" role="status" aria-live="polite" aria-atomic="true">{ announce }</p>
        </>
    }
}

/// Loads the URL's case into the form when it is not the one last synced.
fn follow_url(
    synced: &Rc<RefCell<String>>,
    dispatch: &UseReducerDispatcher<Screen>,
    clock: &UseStateHandle<Option<f64>>,
) {
    let hash = current_hash();
    let fragment = hash.trim_start_matches('#').to_string();
    if *synced.borrow() == fragment {
        return;
    }
    *synced.borrow_mut() = fragment;
    clock.set(None);
    match Form::from_fragment(&hash) {
        Some(form) => dispatch.dispatch(Action::Load(Box::new(form))),
        None => dispatch.dispatch(Action::Clear),
    }
}

thread_local! {
    /// The teaching cases as forms, read once: comparing forms on each
    /// render is cheap, reading fourteen case files is not.
    static EXAMPLE_FORMS: Vec<Form> = EXAMPLES.iter().map(|e| Form::from_case_file(e.json)).collect();
}

/// The teaching case the form is, in teaching mode.
fn teaching_case(form: &Form, teach: bool) -> Option<&'static crate::examples::Example> {
    if !teach {
        return None;
    }
    EXAMPLE_FORMS.with(|forms| forms.iter().position(|f| f == form)).and_then(|i| EXAMPLES.get(i))
}

/// Shown while nothing is entered: how to start, and the teaching cases.
/// A function, not a component: each component type costs the wasm about
/// 1.5 KB compressed, and this one has no state.
fn start_panel(teach: bool) -> Html {
    html! {
        <section class="start" aria-labelledby="start-title">
            <div class="wrap">
                <h1 id="start-title">{ "Open a case" }</h1>
                <p>{ "Choose what is happening below, or open an example. A case can also come in a link: " }
                    <code>{ "#case=" }</code>{ " and the case file, percent-encoded. The case stays in this browser: the part of a link after # is never sent to a server." }</p>
                <details class="examples" open={teach}>
                    <summary>{ if teach { "Teaching cases" } else { "Example cases" } }</summary>
                    <ul>
                        { for EXAMPLES.iter().map(|e| html! {
                            <li data-teaching-case={e.id}>
                                <a href={format!("#{}", e.fragment())}>{ e.title }</a>
                                <span class="hint">{ format!(" reaches {}", e.verdict) }</span>
                                if teach { <p class="hint">{ e.learning }{ " " }{ cites(e.cites) }</p> }
                            </li>
                        }) }
                    </ul>
                </details>
            </div>
        </section>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    fn id(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The theme is the only thing kept in web storage: a display preference,
/// nothing about a person or a case.
const THEME_KEY: &str = "ecmo-aid.theme";

fn stored_theme() -> Theme {
    let stored = gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(THEME_KEY).ok().flatten());
    match stored.as_deref() {
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        _ => Theme::System,
    }
}

thread_local! {
    /// The theme in force: read from storage once, changed by the footer.
    static THEME: std::cell::Cell<Option<Theme>> = const { std::cell::Cell::new(None) };
}

fn current_theme() -> Theme {
    THEME.with(|t| match t.get() {
        Some(theme) => theme,
        None => {
            let theme = stored_theme();
            t.set(Some(theme));
            theme
        }
    })
}

/// Puts a theme in force: on the page, in storage and for the footer.
fn apply_theme(t: Theme) {
    THEME.with(|c| c.set(Some(t)));
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("data-theme", t.id());
    }
    if let Some(storage) = gloo::utils::window().local_storage().ok().flatten() {
        let _ = storage.set_item(THEME_KEY, t.id());
    }
}

/// The versions and the theme switch. A function with no hooks: the radios
/// are the theme's only state, and one listener on their fieldset applies it.
fn footer(embed: bool) -> Html {
    let theme = current_theme();
    let onchange = Callback::from(|e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let t = [Theme::System, Theme::Light, Theme::Dark].into_iter().find(|t| t.id() == input.value());
        if let Some(t) = t {
            apply_theme(t);
        }
    });
    html! {
        <footer class="footer">
            <div class="wrap footer__inner">
                <p class="footer__stamp" data-versions="">
                    { format!("VA ECMO decision aid {VERSION}. Encodes ") }
                    { for Guidance::ALL.iter().enumerate().map(|(i, g)| html! {
                        <>
                            { if i > 0 { " and " } else { "" } }
                            <abbr title={g.title()}>{ g.code() }</abbr>
                            { format!(" ({})", g.version()) }
                        </>
                    }) }
                    { ". It shows what the guidance says; decisions rest with the multidisciplinary team." }
                </p>
                if !embed {
                <fieldset class="theme" {onchange}>
                    <legend>{ "Theme" }</legend>
                    { for [Theme::System, Theme::Light, Theme::Dark].into_iter().map(|t| {
                        let id = format!("theme-{}", t.id());
                        html! {
                            <span class="seg__item">
                                <input type="radio" class="seg__input" name="theme" id={id.clone()} value={t.id()} checked={theme == t} />
                                <label class="seg__label seg__label--small" for={id}>{ match t { Theme::System => "System", Theme::Light => "Light", Theme::Dark => "Dark" } }</label>
                            </span>
                        }
                    }) }
                </fieldset>
                }
            </div>
        </footer>
    }
}

#[cfg(test)]
mod tests {
    use super::Modes;

    #[test]
    fn modes_come_from_the_query_only() {
        assert_eq!(Modes::from_query(""), Modes::default());
        assert_eq!(Modes::from_query("?embed=1"), Modes { embed: true, ..Modes::default() });
        assert_eq!(
            Modes::from_query("?teach=1&embed=1&sheet=1"),
            Modes { embed: true, teach: true, sheet: true }
        );
        assert_eq!(Modes::from_query("?embed=0&teach=yes&x=1"), Modes::default());
    }
}
