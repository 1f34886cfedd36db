//! Sharing a case: copy its link, export or import its case file, start a new
//! case. The case file holds no identifier (see case_file), so all of this is
//! safe to share; nothing here makes a network request.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::case_file;
use crate::form::Form;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub form: Form,
    /// Replace the case with an imported one.
    pub on_load: Callback<Form>,
    /// Clear every input (after confirmation).
    pub on_new: Callback<()>,
}

#[derive(Clone, PartialEq)]
enum Status {
    None,
    Ok(String),
    Error(String),
    /// The clipboard refused: show the link to copy by hand.
    Manual(String),
}

#[function_component(ShareBar)]
pub fn share_bar(p: &ShareProps) -> Html {
    let status = use_state(|| Status::None);
    let confirming = use_state(|| false);
    let empty = p.form == Form::default();

    let copy = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let href = gloo::utils::window().location().href().unwrap_or_default();
            let clipboard = gloo::utils::window().navigator().clipboard();
            let status = status.clone();
            spawn_local(async move {
                match JsFuture::from(clipboard.write_text(&href)).await {
                    Ok(_) => status.set(Status::Ok("Link copied. It holds the case, and no name.".into())),
                    Err(_) => status.set(Status::Manual(href)),
                }
            });
        })
    };

    let export = {
        let status = status.clone();
        let form = p.form.clone();
        Callback::from(move |_: MouseEvent| match download("ecmo-case.json", &form.case_file()) {
            Ok(()) => status.set(Status::Ok("Case file saved as ecmo-case.json.".into())),
            Err(e) => status.set(Status::Error(e)),
        })
    };

    let import = {
        let status = status.clone();
        let on_load = p.on_load.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let name = file.name();
            let status = status.clone();
            let on_load = on_load.clone();
            spawn_local(async move {
                let text = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
                let Some(text) = text else {
                    status.set(Status::Error(format!("{name} could not be read. Nothing was changed.")));
                    return;
                };
                let read = case_file::read(&text);
                if read.errors.is_empty() {
                    on_load.emit(Form::from_case_file(&text));
                    status.set(Status::Ok(format!("Imported {name}.")));
                } else {
                    let list = read.errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
                    status.set(Status::Error(format!(
                        "{name} was not imported, and nothing was changed: {list}"
                    )));
                }
            });
        })
    };

    let ask_new = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel_new = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let confirm_new = {
        let confirming = confirming.clone();
        let on_new = p.on_new.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            status.set(Status::Ok(
                "New case: every input cleared. Back in the browser returns to the last case.".into(),
            ));
            on_new.emit(());
        })
    };

    html! {
        <div class="share">
            <div class="share__buttons">
                <button type="button" class="button button--secondary" onclick={copy} disabled={empty}>{ "Copy case link" }</button>
                <button type="button" class="button button--secondary" onclick={export} disabled={empty}>{ "Export case file" }</button>
                <input type="file" id="import-file" class="visually-hidden" accept=".json,application/json" tabindex="-1" aria-hidden="true" onchange={import} />
                <button type="button" class="button button--secondary"
                    onclick={Callback::from(|_: MouseEvent| {
                        let input = gloo::utils::document().get_element_by_id("import-file");
                        if let Some(input) = input.and_then(|i| i.dyn_into::<HtmlInputElement>().ok()) {
                            input.click();
                        }
                    })}>{ "Import case file" }</button>
                <button type="button" class="button button--warning" onclick={ask_new} disabled={empty}>{ "New case" }</button>
            </div>
            if *confirming {
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-title">
                    <p id="confirm-title"><strong>{ "Clear every input for a new case?" }</strong></p>
                    <button type="button" class="button button--warning" onclick={confirm_new}>{ "Clear all inputs" }</button>
                    <button type="button" class="button button--secondary" onclick={cancel_new}>{ "Keep this case" }</button>
                </div>
            }
            <div role="status" aria-live="polite" class="share__status">
                {
                    match &*status {
                        Status::None => html! {},
                        Status::Ok(m) => html! { <p class="status status--ok">{ m.clone() }</p> },
                        Status::Error(m) => html! { <p class="status status--error" data-import-error="">{ m.clone() }</p> },
                        Status::Manual(href) => html! {
                            <p class="status">
                                <label for="manual-link">{ "Copy this link:" }</label>
                                <input id="manual-link" class="input" readonly=true value={href.clone()} />
                            </p>
                        },
                    }
                }
            </div>
        </div>
    }
}

/// Saves `text` as a file through the browser's download, with no request.
fn download(name: &str, text: &str) -> Result<(), String> {
    let fail = |_: wasm_bindgen::JsValue| "The file could not be saved in this browser.".to_string();
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let doc = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement =
        doc.create_element("a").map_err(fail)?.dyn_into().map_err(|_| fail(wasm_bindgen::JsValue::NULL))?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
