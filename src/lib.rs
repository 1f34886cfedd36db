//! VA ECMO decision and consent aid: NICE HTG762 and IPG808, in the browser.
//!
//! The functional core ([`model`], [`citation`], [`engine`], [`case_file`],
//! [`case_link`], [`examples`]) is pure Rust with no yew or web-sys imports and
//! is tested natively. The shell ([`ui`]) only renders what the core returns.
//! See ARCHITECTURE.md.

pub mod case_file;
pub mod case_link;
pub mod citation;
pub mod clock;
pub mod consent;
pub mod engine;
pub mod examples;
pub mod form;
pub mod model;
pub mod render;
pub mod ui;
