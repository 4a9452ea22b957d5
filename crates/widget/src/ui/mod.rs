//! The Yew layer: components that show the [`crate::state::State`] and turn DOM events into
//! [`crate::state::Action`]s (wasm32 only).
//!
//! An optional part is always one child (`{ part.unwrap_or_default() }`, a list collected into
//! one `Html`), never `{ for option }`: `html!` flattens a `for` into its parent's children, and
//! Yew matches unkeyed children from the end, so a part appearing would re-create every element
//! before it, and the field being typed in would lose its focus and its next keystrokes
//! (tests/e2e/mapping.test.mjs types every helper field key by key).
//!
//! The helpers' text boxes are not Yew-controlled (`defaultvalue`, set when the box is made):
//! what is typed is read on input and never written back, so a pasted megabyte is not copied
//! back and forth, nor laid out again, on every render.

mod answers;
mod copy_field;
mod directory;
mod disclosure;
mod field;
mod findings;
mod guide;
mod heading;
pub mod helpers;
mod hooks;
mod mapping;
mod playground;
mod store;
mod text_box;
mod token_check;
mod widget;

#[cfg(feature = "ssr")]
pub use widget::number_ids_from;
pub use widget::{ScimTokenWidget, WidgetEvent, WidgetProps, DEFAULT_AUTO_CLEAR_SECONDS};
