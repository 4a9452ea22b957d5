//! Messages of the expression helper: labels of the "Map organisation levels" section and of the
//! expression playground, and the text of every error [`crate::expr`] can return.
//!
//! Error texts count characters from 1 (positions inside the errors count from 0). Entra's own
//! UI names stand in «» exactly as Entra shows them; Entra's admin center is in English for most
//! admins, so the Norwegian texts keep those names in English.
//!
//! By family: the fixed labels in `labels`, names in the menus and tables in `names`, notes of
//! what was left out in `notes`, and the errors in `errors` (parse and build errors, and the
//! [`ExprMessage`] trait), `eval_errors` and `unstated` (what the reference leaves open).

mod errors;
mod eval_errors;
mod labels;
mod names;
mod notes;
mod unstated;

pub use errors::ExprMessage;
pub use labels::{ExprText, Placeholder};
pub use names::{delimiter_name, level_column, level_position, target_name};
pub use notes::{
    attributes_left_out, box_full, changes_every_run, levels_left_out, samples_left_out,
    samples_too_long,
};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
