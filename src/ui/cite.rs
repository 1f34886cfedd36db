//! Citations as buttons that open the cited paragraph from the bundled
//! guidance text in a dialog: offline, without leaving the screen.

use wasm_bindgen::JsCast;
use web_sys::HtmlDialogElement;
use yew::prelude::*;

use crate::citation::{paragraph, Cite};

/// Cites as `[data-citation]` buttons (`render::cites`). A click opens the
/// paragraph through the app's one delegated listener ([`on_cite_click`]).
pub fn cites(cites: &[Cite]) -> Html {
    super::raw(crate::render::cites(cites))
}

/// The citation of the `[data-citation]` button a click landed on, if any.
pub fn clicked_cite(e: &Event) -> Option<Cite> {
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let button = target.closest("button[data-citation]").ok()??;
    Cite::parse(&button.get_attribute("data-citation")?)
}

#[derive(Properties, PartialEq)]
pub struct DialogProps {
    pub cite: Option<Cite>,
    pub on_close: Callback<()>,
}

/// The dialog showing one paragraph. Escape, the close button and a click
/// outside close it; focus returns to the citation that opened it.
#[function_component(CiteDialog)]
pub fn cite_dialog(p: &DialogProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(p.cite, move |cite| {
            if let Some(dialog) = node.cast::<HtmlDialogElement>() {
                match cite {
                    Some(_) if !dialog.open() => {
                        let _ = dialog.show_modal();
                    }
                    None if dialog.open() => dialog.close(),
                    _ => {}
                }
            }
        });
    }
    let on_close = p.on_close.clone();
    let onclose = Callback::from(move |_: Event| on_close.emit(()));
    let close = {
        let node = node.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = node.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };
    // A click on the backdrop lands on the dialog element itself.
    let backdrop = {
        let node = node.clone();
        Callback::from(move |e: MouseEvent| {
            let on_dialog = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|t| t.tag_name() == "DIALOG");
            if on_dialog {
                if let Some(d) = node.cast::<HtmlDialogElement>() {
                    d.close();
                }
            }
        })
    };
    let (title, source, text) = match p.cite {
        Some(c) => (
            c.to_string(),
            format!("NICE {}: {} ({})", c.guidance.code(), c.guidance.title(), c.guidance.version()),
            paragraph(c).unwrap_or_else(|| "This paragraph is not in the bundled guidance text.".into()),
        ),
        None => Default::default(),
    };
    html! {
        <dialog ref={node} class="cite-dialog" aria-labelledby="cite-dialog-title" {onclose} onclick={backdrop}>
            <div class="cite-dialog__body">
                <h2 id="cite-dialog-title">{ title }</h2>
                <blockquote class="cite-dialog__text" data-paragraph="">{ text }</blockquote>
                <p class="hint">{ source }</p>
                <button type="button" class="button" onclick={close} autofocus=true>{ "Close" }</button>
            </div>
        </dialog>
    }
}
