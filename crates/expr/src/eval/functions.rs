//! Which functions exist: the reference's list, those evaluated here, those that need the
//! directory, and the table that gives each evaluated one its argument counts and its
//! implementation (the changing ones, Now, Guid and RandomString, are in `changing`).

use crate::budget::Budget;

use super::args::{Input, Outcome};
use super::choice::{coalesce, iif, switch};
use super::convert::{bit_and, c_str, convert_to_base64, convert_to_utf8_hex, redact};
use super::dates::{c_date, date_add, date_diff, date_from_num, format_date_time, num_from_date};
use super::error::EvalErrorKind;
use super::letters::{normalize_diacritics, to_lower, to_upper};
use super::lists::{count, item, join, remove_duplicates, split, word};
use super::logic::{
    c_bool, ignore_flow_if_null_or_empty, is_null, is_null_or_empty, is_present, is_string, not,
};
use super::replace::replace;
use super::strings::{append, in_str, left, mid, strip_spaces};
use super::titles::p_case;

/// The functions this page evaluates: every function of the reference but the three that
/// need the directory ([`EvalErrorKind::NeedsDirectory`]). Now, Guid and RandomString give an
/// example ([`CHANGING_FUNCTIONS`](super::CHANGING_FUNCTIONS)).
pub const EVALUATED_FUNCTIONS: [&str; 40] = without_directory_functions();

/// The functions whose value depends on the directory or the target application: which
/// values are taken already (SelectUniqueValue), the user's app role assignments.
pub const DIRECTORY_FUNCTIONS: [&str; 3] = [
    "AppRoleAssignmentsComplex",
    "SelectUniqueValue",
    "SingleAppRoleAssignment",
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

/// [`REFERENCE_FUNCTIONS`] but [`DIRECTORY_FUNCTIONS`], in the reference's order: one list of
/// names. A length that does not add up stops the build (an index out of bounds in a const).
const fn without_directory_functions() -> [&'static str; 40] {
    let mut evaluated = [""; 40];
    let (mut kept, mut at) = (0, 0);
    while at < REFERENCE_FUNCTIONS.len() {
        let name = REFERENCE_FUNCTIONS[at];
        let mut directory = false;
        let mut d = 0;
        while d < DIRECTORY_FUNCTIONS.len() {
            directory |= same_name(name, DIRECTORY_FUNCTIONS[d]);
            d += 1;
        }
        if !directory {
            evaluated[kept] = name;
            kept += 1;
        }
        at += 1;
    }
    assert!(kept == evaluated.len(), "every place of the list is filled");
    evaluated
}

/// `a == b`, in a const.
const fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

pub(super) fn unknown(name: &str) -> EvalErrorKind {
    if DIRECTORY_FUNCTIONS.contains(&name) {
        EvalErrorKind::NeedsDirectory
    } else if REFERENCE_FUNCTIONS.contains(&name) {
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

pub(super) const FUNCTIONS: [Function; 37] = [
    ("Append", 2, Some(2), append),
    ("BitAnd", 2, Some(2), bit_and),
    ("CBool", 1, Some(1), c_bool),
    ("CDate", 1, Some(1), c_date),
    ("Coalesce", 1, None, coalesce),
    ("ConvertToBase64", 1, Some(1), convert_to_base64),
    ("ConvertToUTF8Hex", 1, Some(1), convert_to_utf8_hex),
    ("Count", 1, Some(1), count),
    ("CStr", 1, Some(1), c_str),
    ("DateAdd", 3, Some(3), date_add),
    ("DateDiff", 3, Some(3), date_diff),
    ("DateFromNum", 1, Some(1), date_from_num),
    ("FormatDateTime", 4, Some(4), format_date_time),
    (
        "IgnoreFlowIfNullOrEmpty",
        1,
        Some(1),
        ignore_flow_if_null_or_empty,
    ),
    ("IIF", 3, Some(3), iif),
    ("InStr", 2, Some(4), in_str),
    ("IsNull", 1, Some(1), is_null),
    ("IsNullOrEmpty", 1, Some(1), is_null_or_empty),
    ("IsPresent", 1, Some(1), is_present),
    ("IsString", 1, Some(1), is_string),
    ("Item", 2, Some(2), item),
    ("Join", 2, None, join),
    ("Left", 2, Some(2), left),
    ("Mid", 3, Some(3), mid),
    ("NormalizeDiacritics", 1, Some(1), normalize_diacritics),
    ("Not", 1, Some(1), not),
    ("NumFromDate", 1, Some(1), num_from_date),
    ("PCase", 1, Some(2), p_case),
    ("Redact", 1, Some(1), redact),
    ("RemoveDuplicates", 1, Some(1), remove_duplicates),
    ("Replace", 7, Some(7), replace),
    ("Split", 2, Some(2), split),
    ("StripSpaces", 1, Some(1), strip_spaces),
    ("Switch", 4, None, switch),
    ("ToLower", 1, Some(2), to_lower),
    ("ToUpper", 1, Some(2), to_upper),
    ("Word", 3, Some(3), word),
];
