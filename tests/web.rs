//! Components in headless Chromium (wasm-bindgen-test). No sleeps: renders are
//! awaited with `yew::scheduler::flush`, and fragment changes with the
//! browser's own `hashchange` event.
#![cfg(target_arch = "wasm32")]

use ecmo_aid::engine::Verdict;
use ecmo_aid::examples::EXAMPLES;
use ecmo_aid::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

struct Mounted {
    root: Element,
    handle: Option<yew::AppHandle<App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }
}

/// Mounts the app with the given URL fragment, rendered.
async fn mount(fragment: &str) -> Mounted {
    let window = gloo::utils::window();
    let url = format!(
        "{}{}",
        window.location().pathname().unwrap_or_default(),
        if fragment.is_empty() { String::new() } else { format!("#{fragment}") }
    );
    let _ = window.history().map(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)));
    let doc = gloo::utils::document();
    let root = doc.create_element("div").expect("a div");
    doc.body().expect("a body").append_child(&root).expect("appended");
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    Mounted { root, handle: Some(handle) }
}

impl Mounted {
    fn attr(&self, selector: &str, name: &str) -> Option<String> {
        self.root.query_selector(selector).ok().flatten().and_then(|e| e.get_attribute(name))
    }
    fn count(&self, selector: &str) -> u32 {
        self.root.query_selector_all(selector).map(|l| l.length()).unwrap_or(0)
    }
    fn verdict(&self) -> Option<String> {
        self.attr("[data-verdict]", "data-verdict")
    }
    fn text(&self, selector: &str) -> String {
        self.root
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            .map(|e| e.inner_text())
            .unwrap_or_default()
    }
    /// Clicks an element by id (a radio, a button), then lets Yew render.
    async fn click(&self, id: &str) {
        let el = gloo::utils::document().get_element_by_id(id).unwrap_or_else(|| panic!("no #{id}"));
        el.dyn_into::<HtmlElement>().expect("an element").click();
        yew::scheduler::flush().await;
    }
    /// Types into a text field, as a person would (an `input` event).
    async fn type_into(&self, id: &str, text: &str) {
        let el = gloo::utils::document().get_element_by_id(id).unwrap_or_else(|| panic!("no #{id}"));
        let input: HtmlInputElement = el.dyn_into().expect("an input");
        input.set_value(text);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = web_sys::Event::new_with_event_init_dict("input", &init).expect("an event");
        let _ = input.dispatch_event(&event);
        yew::scheduler::flush().await;
    }
}

/// Resolves at the next `hashchange` event.
async fn next_hashchange() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let opts = web_sys::AddEventListenerOptions::new();
        opts.set_once(true);
        let _ = gloo::utils::window().add_event_listener_with_callback_and_add_event_listener_options(
            "hashchange",
            &resolve,
            &opts,
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn each_example_link_shows_its_verdict_and_hooks() {
    for e in EXAMPLES {
        let page = mount(&e.fragment()).await;
        assert_eq!(page.count("[data-verdict]"), 1, "{}", e.id);
        assert_eq!(page.verdict().as_deref(), Some(e.verdict), "{}", e.id);
        // The page shows what the engine decided (the engine is tested natively).
        let d = ecmo_aid::engine::decide(&e.case());
        match &d.verdict {
            Verdict::NotYetRefractory { at_30_minutes } => {
                assert_eq!(
                    page.attr("[data-verdict]", "data-prospective").as_deref(),
                    Some(at_30_minutes.id())
                )
            }
            Verdict::OutsideGuidance { reason, .. } => {
                assert_eq!(
                    page.attr("[data-verdict]", "data-reason").as_deref(),
                    Some(reason.id()),
                    "{}",
                    e.id
                )
            }
            Verdict::NeedsInformation { missing } => {
                let paths: Vec<&str> = missing.iter().map(|f| f.path()).collect();
                assert_eq!(page.attr("[data-verdict]", "data-missing"), Some(paths.join(" ")), "{}", e.id)
            }
            Verdict::Invalid { errors } => {
                for err in errors {
                    let selector = format!("[data-field-error='{}']", err.path);
                    assert_eq!(page.count(&selector), 1, "one hook per invalid input");
                }
                if e.id == "negative-minutes" {
                    let input: HtmlInputElement = gloo::utils::document()
                        .get_element_by_id("cpr-minutes")
                        .and_then(|e| e.dyn_into().ok())
                        .expect("the minutes field");
                    assert_eq!(input.value(), "-4", "what was typed is kept");
                }
            }
            Verdict::Recommended(_) => {
                assert_eq!(page.count("[data-requirement]"), d.requirements.len() as u32, "{}", e.id);
                for c in &d.cautions {
                    assert_eq!(page.count(&format!("[data-caution='{}']", c.id.id())), 1, "{}", e.id);
                }
            }
        }
        assert!(page.count("[data-citation]") > 0 || e.verdict == "invalid", "{}", e.id);
    }
}

#[wasm_bindgen_test]
async fn a_clinician_reaches_a_verdict_by_tapping() {
    let page = mount("").await;
    assert_eq!(page.count("[data-verdict]"), 0, "no verdict before any input");
    page.click("indication-refractory-cardiac-arrest").await;
    assert_eq!(page.verdict().as_deref(), Some("needs-information"));
    assert_eq!(
        page.attr("[data-verdict]", "data-missing").as_deref(),
        Some(
            "patient.age_years arrest.rhythm arrest.cause arrest.cpr_minutes arrest.rosc arrest.hypothermia"
        )
    );
    page.type_into("age", "47").await;
    page.click("rhythm-vf").await;
    page.type_into("cpr-minutes", "40").await;
    page.click("rosc-no").await;
    assert_eq!(page.attr("[data-verdict]", "data-missing").as_deref(), Some("arrest.hypothermia"));
    page.click("hypothermia-no").await;
    assert_eq!(page.verdict().as_deref(), Some("option"));
    assert!(
        page.text("#verdict-announcer").contains("ECPR can be used as an option"),
        "the live region announces it"
    );

    // A requirement's answer sets its status.
    assert_eq!(page.attr("[data-requirement='mdt-selection']", "data-status").as_deref(), Some("unknown"));
    page.click("team-mdt-selection-yes").await;
    assert_eq!(page.attr("[data-requirement='mdt-selection']", "data-status").as_deref(), Some("met"));
    page.click("team-mdt-selection-no").await;
    assert_eq!(page.attr("[data-requirement='mdt-selection']", "data-status").as_deref(), Some("not-met"));

    // Under 30 minutes: not yet refractory, with the prospective verdict.
    page.type_into("cpr-minutes", "12").await;
    assert_eq!(page.verdict().as_deref(), Some("not-yet-refractory"));
    assert_eq!(page.attr("[data-verdict]", "data-prospective").as_deref(), Some("option"));

    // A bad number is named at its field; the rest is kept.
    page.type_into("age", "130").await;
    assert_eq!(page.verdict().as_deref(), Some("invalid"));
    assert!(page
        .text("[data-field-error='patient.age_years']")
        .contains("expected a whole number from 0 to 120, got 130"));
    assert_eq!(page.count("[data-field-error]"), 1);
    page.type_into("age", "47").await;
    assert_eq!(page.verdict().as_deref(), Some("not-yet-refractory"));

    // The URL follows the form.
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    assert!(hash.starts_with("#case=%7B%22schema%22%3A%22ecmo-case%2F1%22"), "{hash}");
}

#[wasm_bindgen_test]
async fn a_citation_opens_its_paragraph() {
    let page = mount(&EXAMPLES[0].fragment()).await;
    let button = page
        .root
        .query_selector("button[data-citation='IPG808 1.1']")
        .ok()
        .flatten()
        .expect("a citation button");
    button.dyn_into::<HtmlElement>().expect("a button").click();
    yew::scheduler::flush().await;
    let text = page.text("dialog[open] [data-paragraph]");
    assert!(
        text.starts_with("Venoarterial extracorporeal membrane oxygenation (VA ECMO) for extracorporeal"),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn app_follows_the_fragment() {
    let window = gloo::utils::window();
    let page = mount(&EXAMPLES[0].fragment()).await;
    assert_eq!(page.verdict().as_deref(), Some(EXAMPLES[0].verdict));

    let second = &EXAMPLES[2];
    let changed = next_hashchange();
    let _ = window.location().set_hash(&second.fragment());
    changed.await;
    yew::scheduler::flush().await;
    assert_eq!(page.verdict().as_deref(), Some(second.verdict));

    // Back to no case: the start panel, and no verdict anywhere.
    let changed = next_hashchange();
    let _ = window.location().set_hash("");
    changed.await;
    yew::scheduler::flush().await;
    assert_eq!(page.count("[data-verdict]"), 0);
    assert_eq!(page.text("h1"), "Open a case");
}
