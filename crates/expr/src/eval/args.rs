//! A function's arguments, evaluated ([`Input`]), and reading them as what the function needs:
//! a value, a string that must be there, a number, UTF-16 units.

use super::error::{unstated, EvalErrorKind, Unstated};
use super::value::Value;
use crate::parser::CompareOp;

/// An argument after evaluation.
pub(super) enum Input {
    Omitted,
    Value(Value),
    Compare(Value, CompareOp, Value),
    Name(String),
}

pub(super) type Outcome = Result<Value, EvalErrorKind>;

/// Argument `i` (from 0) as a value.
pub(super) fn value(inputs: &[Input], i: usize) -> Result<&Value, EvalErrorKind> {
    let index = i + 1;
    match inputs.get(i) {
        Some(Input::Value(value)) => Ok(value),
        Some(Input::Omitted) | None => Err(EvalErrorKind::MissingArgument { index }),
        Some(Input::Compare(..)) => Err(EvalErrorKind::ComparisonNotAllowed { index }),
        Some(Input::Name(_)) => Err(EvalErrorKind::NameNotAllowed { index }),
    }
}

pub(super) fn given(inputs: &[Input], i: usize) -> bool {
    !matches!(inputs.get(i), None | Some(Input::Omitted))
}

/// A single value as a string: `None` for no value.
pub(super) fn single(value: &Value, index: usize) -> Result<Option<String>, EvalErrorKind> {
    match value {
        Value::Null => Ok(None),
        Value::Text(text) => Ok(Some(text.clone())),
        Value::Number(n) => Ok(Some(n.to_string())),
        Value::List(_) => Err(EvalErrorKind::NotSingle { index }),
        value @ (Value::Bool(_) | Value::Date(_)) => Ok(Some(value.to_string())),
        // The evaluator stops before a function reads it.
        Value::LeftOutOfFlow => unstated(Unstated::IgnoreFlowNested),
    }
}

/// Argument `i` as a string that must be there.
pub(super) fn text(inputs: &[Input], i: usize) -> Result<String, EvalErrorKind> {
    let index = i + 1;
    match single(value(inputs, i)?, index)? {
        Some(text) => Ok(text),
        None => unstated(Unstated::NullArgument { index }),
    }
}

/// Argument `i` as a number.
pub(super) fn number(inputs: &[Input], i: usize) -> Result<i64, EvalErrorKind> {
    let index = i + 1;
    match value(inputs, i)? {
        Value::Number(n) => Ok(*n),
        Value::Null => unstated(Unstated::NullArgument { index }),
        _ => Err(EvalErrorKind::NotANumber { index }),
    }
}

/// Argument `i` as a whole number: a number, or text that is one written in decimal digits
/// (with `-` before a negative one), as attribute values are. Other text is refused: .NET's
/// conversions read spaces, signs and separators in ways the reference does not give.
pub(super) fn whole(inputs: &[Input], i: usize) -> Result<i64, EvalErrorKind> {
    let index = i + 1;
    match value(inputs, i)? {
        Value::Text(text) => decimal(text).ok_or(EvalErrorKind::NotANumber { index }),
        _ => number(inputs, i),
    }
}

/// `text` as a whole number written in decimal digits, `-` before a negative one.
pub(super) fn decimal(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

pub(super) fn utf16(text: &str) -> Vec<u16> {
    text.encode_utf16().collect()
}

pub(super) fn from_utf16(units: &[u16]) -> Result<String, EvalErrorKind> {
    String::from_utf16(units).or_else(|_| unstated(Unstated::CutsCharacter))
}
