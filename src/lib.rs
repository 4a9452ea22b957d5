//! Makes the «Secret Token» that Microsoft Entra ID needs to provision users to Secure Practice
//! over SCIM, privately, in the admin's browser.
//!
//! The crate is a pure core with a thin browser layer on top:
//!
//! - [`token`]: API key + secret → secret token, and back;
//! - [`diagnose`]: what is wrong with what was pasted, and the one-click fixes;
//! - [`expr`]: Entra attribute-mapping expressions: parser, printer, evaluator and the
//!   organisation-level mapping builder;
//! - [`config`]: checks what a host configured, with fallbacks;
//! - [`i18n`]: every user-visible string, per language;
//! - [`ui::state`]: the widget's state and the actions that change it;
//! - `ui` components and `web` glue (wasm32 only): the Yew widget, the clipboard and the
//!   `mount()` API behind the `<scim-token-widget>` custom element.
//!
//! ```
//! use scim_token_widget::token::{secret_token, TENANT_URL};
//!
//! assert_eq!(TENANT_URL, "https://api.securepractice.co/scim/v2/");
//! assert_eq!(secret_token("abc", "123"), "YWJjOjEyMw==");
//! ```

#[cfg(all(target_arch = "wasm32", feature = "zeroing-allocator"))]
mod zeroing_alloc;

#[cfg(all(target_arch = "wasm32", feature = "zeroing-allocator"))]
#[global_allocator]
static ALLOCATOR: zeroing_alloc::ZeroingAllocator = zeroing_alloc::ZeroingAllocator;

pub mod config;
pub mod diagnose;
pub mod expr;
pub mod i18n;
pub mod token;
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
