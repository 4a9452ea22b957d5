//! Makes the «Secret Token» that Microsoft Entra ID needs to provision users to Secure Practice
//! over SCIM, privately, in the admin's browser.
//!
//! This crate is the thin browser layer over two pure crates, re-exported here under the names
//! Rust hosts use:
//!
//! - from `scim-token-core`: [`token`], [`diagnose`], [`options`], [`config`], [`lang`],
//!   [`i18n`], [`guide`], and the states with their actions, [`state`], [`mapping_state`] and
//!   [`playground_state`];
//! - from `scim-token-expr`: [`expr`], Entra attribute-mapping expressions;
//! - here, on wasm32 only, each building on the one before: `dom`, the browser primitives (the
//!   clipboard, reading fields); `ui`, the Yew components; `web`, the `mount()` API behind the
//!   `<scim-token-widget>` custom element.
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

// The pure crates, under the names Rust hosts and this crate's own modules use.
pub use scim_token_core::{
    config, diagnose, directory, directory_state, guide, helpers, i18n, lang, mapping_state,
    options, playground_state, single_line, state, token,
};
pub use scim_token_expr as expr;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod dom;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
