//! A Rust host: a Yew app (standing in for a portal written in Rust) that renders the widget's
//! Yew component, gives it the key it just created, and listens for its events.
//!
//! The widget's CSS is written for a shadow root (the custom element's), so this host does the
//! same: it renders the component through a portal into a shadow root that has the widget's
//! stylesheet, and nothing of the widget's styles reaches the rest of the page.

#[cfg(target_arch = "wasm32")]
mod app;

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<app::Settings>::new().render();
}
