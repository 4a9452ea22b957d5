//! Which functions exist: the reference's list, the fifteen evaluated here, and the table that
//! gives each its argument counts and its implementation.

use crate::budget::Budget;

use super::args::{Input, Outcome};
use super::choice::{coalesce, iif, switch};
use super::error::EvalErrorKind;
use super::letters::{normalize_diacritics, to_lower};
use super::lists::{item, join, split, word};
use super::replace::replace;
use super::strings::{append, in_str, left, mid, strip_spaces};

/// The functions this page evaluates: those the reference documents with examples that the
/// mapping helper may use.
pub const EVALUATED_FUNCTIONS: [&str; 15] = [
    "Append",
    "Coalesce",
    "IIF",
    "InStr",
    "Item",
    "Join",
    "Left",
    "Mid",
    "NormalizeDiacritics",
    "Replace",
    "Split",
    "StripSpaces",
    "Switch",
    "ToLower",
    "Word",
];

/// Every function the reference lists.
pub(super) const REFERENCE_FUNCTIONS: [&str; 43] = [
    "Append",
    "AppRoleAssignmentsComplex",
    "BitAnd",
    "CBool",
    "CDate",
    "Coalesce",
    "ConvertToBase64",
    "ConvertToUTF8Hex",
    "Count",
    "CStr",
    "DateAdd",
    "DateDiff",
    "DateFromNum",
    "FormatDateTime",
    "Guid",
    "IgnoreFlowIfNullOrEmpty",
    "IIF",
    "InStr",
    "IsNull",
    "IsNullOrEmpty",
    "IsPresent",
    "IsString",
    "Item",
    "Join",
    "Left",
    "Mid",
    "NormalizeDiacritics",
    "Not",
    "Now",
    "NumFromDate",
    "PCase",
    "RandomString",
    "Redact",
    "RemoveDuplicates",
    "Replace",
    "SelectUniqueValue",
    "SingleAppRoleAssignment",
    "Split",
    "StripSpaces",
    "Switch",
    "ToLower",
    "ToUpper",
    "Word",
];

pub(super) fn unknown(name: &str) -> EvalErrorKind {
    if REFERENCE_FUNCTIONS.contains(&name) {
        EvalErrorKind::NotEvaluated
    } else {
        EvalErrorKind::UnknownFunction {
            did_you_mean: REFERENCE_FUNCTIONS
                .iter()
                .find(|known| known.eq_ignore_ascii_case(name))
                .copied(),
        }
    }
}

/// (name, fewest arguments, most arguments, implementation). Each implementation takes what it
/// makes from the evaluation's budget.
type Function = (
    &'static str,
    usize,
    Option<usize>,
    fn(&[Input], &mut Budget) -> Outcome,
);

pub(super) const FUNCTIONS: [Function; 15] = [
    ("Append", 2, Some(2), append),
    ("Coalesce", 1, None, coalesce),
    ("IIF", 3, Some(3), iif),
    ("InStr", 2, Some(4), in_str),
    ("Item", 2, Some(2), item),
    ("Join", 2, None, join),
    ("Left", 2, Some(2), left),
    ("Mid", 3, Some(3), mid),
    ("NormalizeDiacritics", 1, Some(1), normalize_diacritics),
    ("Replace", 7, Some(7), replace),
    ("Split", 2, Some(2), split),
    ("StripSpaces", 1, Some(1), strip_spaces),
    ("Switch", 4, None, switch),
    ("ToLower", 1, Some(2), to_lower),
    ("Word", 3, Some(3), word),
];
