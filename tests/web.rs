//! Components in headless Chromium (wasm-bindgen-test). No sleeps: renders are
//! awaited with `yew::scheduler::flush`, and the fragment change with the
//! browser's own `hashchange` event.
#![cfg(target_arch = "wasm32")]

use ecmo_aid::examples::EXAMPLES;
use ecmo_aid::ui::{App, Page, PageProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").expect("a div");
    doc.body().expect("a body").append_child(&root).expect("appended");
    root
}

fn attr(root: &Element, selector: &str, name: &str) -> Option<String> {
    root.query_selector(selector).ok().flatten().and_then(|e| e.get_attribute(name))
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).map(|l| l.length()).unwrap_or(0)
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
async fn each_example_renders_its_verdict_and_hooks() {
    for e in EXAMPLES {
        let root = mount();
        let props = PageProps { fragment: format!("#{}", e.fragment()).into() };
        let handle = yew::Renderer::<Page>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        assert_eq!(count(&root, "[data-verdict]"), 1, "{}", e.id);
        assert_eq!(attr(&root, "[data-verdict]", "data-verdict").as_deref(), Some(e.verdict), "{}", e.id);
        match e.verdict {
            "not-yet-refractory" => {
                assert_eq!(attr(&root, "[data-verdict]", "data-prospective").as_deref(), Some("option"))
            }
            "outside-guidance" => {
                assert_eq!(attr(&root, "[data-verdict]", "data-reason").as_deref(), Some("hypothermia"))
            }
            "needs-information" => {
                assert_eq!(attr(&root, "[data-verdict]", "data-missing").as_deref(), Some("arrest.cause"))
            }
            "invalid" => assert_eq!(count(&root, "[data-field-error='arrest.cpr_minutes']"), 1),
            _ => assert!(count(&root, "[data-requirement]") >= 6, "{}", e.id),
        }
        assert!(count(&root, "[data-citation]") > 0 || e.verdict == "invalid", "{}", e.id);
        handle.destroy();
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn app_follows_the_fragment() {
    let window = gloo::utils::window();
    let first = &EXAMPLES[0];
    let _ = window.location().set_hash(&first.fragment());
    let root = mount();
    let _handle = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    assert_eq!(attr(&root, "[data-verdict]", "data-verdict").as_deref(), Some(first.verdict));

    let second = &EXAMPLES[2];
    let changed = next_hashchange();
    let _ = window.location().set_hash(&second.fragment());
    changed.await;
    yew::scheduler::flush().await;
    assert_eq!(attr(&root, "[data-verdict]", "data-verdict").as_deref(), Some(second.verdict));

    // Back to no case: the start page, and no verdict anywhere.
    let changed = next_hashchange();
    let _ = window.location().set_hash("");
    changed.await;
    yew::scheduler::flush().await;
    assert_eq!(count(&root, "[data-verdict]"), 0);
    let heading = root.query_selector("h1").ok().flatten().and_then(|h| h.dyn_into::<HtmlElement>().ok());
    assert_eq!(heading.map(|h| h.inner_text()).as_deref(), Some("Open a case"));
}
