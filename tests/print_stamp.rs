//! The stamp printed on every page (static/app.css, `@page` margin box) names
//! this build's version and the guidance versions the code encodes.
#![cfg(not(target_arch = "wasm32"))]

use ecmo_aid::citation::Guidance;

#[test]
fn every_printed_page_names_the_app_and_guidance_versions() {
    let css = include_str!("../static/app.css");
    let expected = format!(
        "content: \"VA ECMO decision aid {} · NICE {} ({}) · NICE {} ({})\";",
        env!("CARGO_PKG_VERSION"),
        Guidance::Htg762.code(),
        Guidance::Htg762.version(),
        Guidance::Ipg808.code(),
        Guidance::Ipg808.version(),
    );
    assert!(css.contains(&expected), "static/app.css @page stamp is stale; it should read:\n{expected}");
    assert!(css.contains("counter(page)") && css.contains("counter(pages)"), "page numbers on every page");
}
