//! The Yew layer: components that show the [`crate::state::State`] and turn DOM events into
//! [`crate::state::Action`]s. The components exist on wasm32 alone.

#[cfg(target_arch = "wasm32")]
mod answers;
#[cfg(target_arch = "wasm32")]
mod copy_field;
#[cfg(target_arch = "wasm32")]
mod disclosure;
#[cfg(target_arch = "wasm32")]
mod field;
#[cfg(target_arch = "wasm32")]
mod findings;
#[cfg(target_arch = "wasm32")]
pub mod helpers;
#[cfg(target_arch = "wasm32")]
mod mapping;
#[cfg(target_arch = "wasm32")]
mod playground;
#[cfg(target_arch = "wasm32")]
mod store;
#[cfg(target_arch = "wasm32")]
mod token_check;
#[cfg(target_arch = "wasm32")]
mod widget;

#[cfg(target_arch = "wasm32")]
pub use widget::{ScimTokenWidget, WidgetEvent, WidgetProps, DEFAULT_AUTO_CLEAR_SECONDS};
