//! The shell: Yew components that render what the core decides.
//!
//! No clinical logic or clinical text lives here: every sentence drawn from a
//! guidance comes from the engine with its citations. The shell reads the URL
//! fragment, follows its changes, and renders the page hooks of
//! `../shared/spec/page-contract.md`.

mod decision;

use std::rc::Rc;

use yew::prelude::*;

use crate::case_link::{self, Fragment};
use crate::citation::{Cite, Guidance};
use crate::engine::{self, Decision};
use crate::examples::EXAMPLES;
use crate::model::Case;

pub use decision::DecisionView;

/// The app's version, stamped on the page.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The whole app: follows the URL fragment.
#[function_component(App)]
pub fn app() -> Html {
    let hash = use_state(current_hash);
    {
        let hash = hash.clone();
        use_effect_with((), move |_| {
            let listener = hash_listener(move |h| hash.set(h));
            move || drop(listener)
        });
    }
    html! { <Page fragment={AttrValue::from((*hash).clone())} /> }
}

#[cfg(target_arch = "wasm32")]
fn current_hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
fn current_hash() -> String {
    String::new()
}

/// Calls `on_change` with the new fragment whenever it changes.
#[cfg(target_arch = "wasm32")]
fn hash_listener(on_change: impl Fn(String) + 'static) -> Option<gloo::events::EventListener> {
    let window = gloo::utils::window();
    Some(gloo::events::EventListener::new(&window, "hashchange", move |_| on_change(current_hash())))
}

/// Natively there is no window to listen to (the shell is only compiled there).
#[cfg(not(target_arch = "wasm32"))]
struct NoListener;

#[cfg(not(target_arch = "wasm32"))]
fn hash_listener(_on_change: impl Fn(String) + 'static) -> Option<NoListener> {
    None
}

#[derive(Properties, PartialEq)]
pub struct PageProps {
    /// The URL fragment, with or without `#`.
    pub fragment: AttrValue,
}

/// The page for one fragment: the decision for its case, or the start page.
#[function_component(Page)]
pub fn page(props: &PageProps) -> Html {
    // Read and decide once per fragment, not on every render.
    let read = use_memo(props.fragment.clone(), |f| match case_link::read_fragment(f) {
        Fragment::NoCase => None,
        Fragment::Case(case) => {
            let decision = engine::decide(&case);
            Some((Rc::new(case), Rc::new(decision)))
        }
    });
    html! {
        <>
            <header class="masthead">
                <div class="wrap">
                    <p class="masthead__title">{ "VA ECMO decision aid" }</p>
                    <p class="masthead__sub">{ "NICE HTG762 (postcardiotomy cardiogenic shock) and IPG808 (ECPR for refractory cardiac arrest)" }</p>
                </div>
            </header>
            <main class="wrap" id="main">
                {
                    match &*read {
                        Some((case, decision)) => html! {
                            <DecisionView case={case.clone()} decision={decision.clone()} />
                        },
                        None => html! { <StartPage /> },
                    }
                }
            </main>
            <Footer />
        </>
    }
}

/// Shown when the link holds no case: how to give one, and the examples.
#[function_component(StartPage)]
fn start_page() -> Html {
    html! {
        <section class="start" aria-labelledby="start-title">
            <h1 id="start-title">{ "Open a case" }</h1>
            <p>
                { "This page shows what two NICE guidances say for one case. Give the case in the link: " }
                <code>{ "#case=" }</code>
                { " followed by the case file (JSON), percent-encoded. The case stays in this browser: the part of a link after # is never sent to a server." }
            </p>
            <h2>{ "Example cases" }</h2>
            <ul class="examples">
                { for EXAMPLES.iter().map(|e| html! {
                    <li>
                        <a href={format!("#{}", e.fragment())}>{ e.title }</a>
                        <span class="examples__expect">{ format!(" (reaches: {})", e.verdict) }</span>
                    </li>
                }) }
            </ul>
        </section>
    }
}

#[function_component(Footer)]
fn footer() -> Html {
    html! {
        <footer class="footer">
            <div class="wrap">
                <p>
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
            </div>
        </footer>
    }
}

/// Cites rendered as `[data-citation]` elements.
pub fn cites(cites: &[Cite]) -> Html {
    html! {
        <span class="cites">
            { for cites.iter().map(|c| {
                let label = c.to_string();
                html! { <cite class="cite" data-citation={label.clone()}>{ label }</cite> }
            }) }
        </span>
    }
}

/// Props that carry a decided case.
#[derive(Properties, PartialEq)]
pub struct DecidedProps {
    pub case: Rc<Case>,
    pub decision: Rc<Decision>,
}
