//! The pure core of the SCIM token widget: everything that decides what is true, with no
//! browser in it, tested natively.
//!
//! - [`token`]: API key + secret → secret token, and back;
//! - [`diagnose`]: what is wrong with what was pasted, and the one-click fixes;
//! - [`options`]: the options a host gives the widget, listed once;
//! - [`config`]: checks what a host configured, with fallbacks;
//! - [`lang`] and [`i18n`]: the languages, and every user-visible string in each;
//! - [`guide`]: the rest of the setup guide, before you start and after you save;
//! - [`state`]: the widget's state and the actions that change it;
//! - [`single_line`]: a value with line breaks in a single-line field, and edits to it;
//! - [`mapping_state`]: the state of «Map organisation levels», and values as its tables show them;
//! - [`playground_state`]: the state of «Try an expression»;
//! - [`helpers`]: what the helpers' worker is asked and answers, and the answering.
//! - `directory` (the default feature `directory`): the directory check: a users export read in
//!   its worker, slice by slice (`directory-messages` alone: its messages and reports, for the
//!   page that asks), and `directory_state`, the page's state of the check.
//!
//! The expression engine is its own crate, [`expr`] (`scim-token-expr`), re-exported here.
//!
//! ```
//! use scim_token_core::token::{secret_token, TENANT_URL};
//!
//! assert_eq!(TENANT_URL, "https://api.securepractice.co/scim/v2/");
//! assert_eq!(secret_token("abc", "123"), "YWJjOjEyMw==");
//! ```

pub use scim_token_expr as expr;

pub mod config;
pub mod diagnose;
#[cfg(feature = "directory-messages")]
pub mod directory;
#[cfg(feature = "directory-messages")]
pub mod directory_state;
pub mod guide;
pub mod helpers;
pub mod i18n;
pub mod lang;
pub mod mapping_state;
pub mod options;
pub mod playground_state;
pub mod single_line;
pub mod state;
pub mod token;
