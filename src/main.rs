//! The browser entry point: mounts the app on the page's body.

fn main() {
    yew::Renderer::<ecmo_aid::ui::App>::new().render();
}
