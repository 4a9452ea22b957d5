//! What is wrong with what the admin pasted, and the one-click fix for it.
//!
//! [`diagnose`] looks at the API key and API secret fields and says, as a list of [`Finding`]s,
//! what it found and what the token is made from. [`check_token`] does the same for a secret
//! token pasted into the «Check a token» box.
//!
//! The rule: a [`Severity::Error`] blocks the token; a [`Severity::Warning`] or
//! [`Severity::Notice`] lets it through and says what was done. Nothing the admin typed is
//! changed behind their back: the fields keep their text, [`Diagnosis::cleaned`] says which
//! values the token is made from, and a [`Fix`] changes a field only when the admin asks for it.
//!
//! Everything here is plain data; the words for it, in every language, are in
//! [`crate::i18n::findings`].
//!
//! One file per job: the finding model in `finding`, the characters that take no room on screen
//! in `characters`, the limits and first steps of every box in `limits`, labels in `labels`, a
//! token recognised in pasted text in `token_in_text`, UTF-16 reading in `utf16`, the field
//! checks in `fields` and the token check in `token_check`.

mod characters;
mod fields;
mod finding;
mod labels;
mod limits;
mod token_check;
mod token_in_text;
mod utf16;

pub use characters::{CharacterKind, Removed};
pub use fields::{diagnose, Diagnosis};
pub use finding::{Edge, Field, Finding, FindingKind, Fix, Severity};
pub use limits::{max_chars, too_long_finding, MAX_TOKEN_CHARS, MAX_VALUE_CHARS};
pub use token_check::{check_token, TokenCheck};
pub use utf16::{from_utf16, LoneSurrogate};
