//! IsNull, IsNullOrEmpty, IsPresent, IsString, Not, CBool and IgnoreFlowIfNullOrEmpty: what a
//! value is, booleans, and leaving an attribute out of the flow.

use crate::budget::Budget;

use super::args::{value, Input, Outcome};
use super::choice::compare;
use super::error::{unstated, EvalErrorKind, Unstated};
use super::value::Value;

/// Whether `value` is null or empty, as IsNullOrEmpty and IgnoreFlowIfNullOrEmpty read it.
fn null_or_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Text(text) => text.is_empty(),
        Value::List(items) => items.is_empty(),
        _ => false,
    }
}

pub(super) fn is_null(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    Ok(Value::Bool(*value(inputs, 0)? == Value::Null))
}

pub(super) fn is_null_or_empty(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    Ok(Value::Bool(null_or_empty(value(inputs, 0)?)))
}

pub(super) fn is_present(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    Ok(Value::Bool(!null_or_empty(value(inputs, 0)?)))
}

pub(super) fn is_string(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    match value(inputs, 0)? {
        Value::Text(_) => Ok(Value::Bool(true)),
        Value::Bool(_) => Ok(Value::Bool(false)),
        // CDate gives a DateTime, but Now and DateAdd «a string»: one value here.
        _ => unstated(Unstated::IsStringType),
    }
}

/// Text that .NET's `Boolean.Parse` reads as a boolean (any case, spaces around it) but is not
/// exactly `True` or `False`, where a string comparison and a parse would disagree.
fn loosely_boolean(text: &str) -> bool {
    let trimmed = text.trim();
    trimmed.eq_ignore_ascii_case("true") || trimmed.eq_ignore_ascii_case("false")
}

/// Not(source): «If source value is True, returns False. Otherwise, returns True.»
pub(super) fn not(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    match value(inputs, 0)? {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        Value::Text(text) if text == "True" => Ok(Value::Bool(false)),
        Value::Text(text) if text == "False" => Ok(Value::Bool(true)),
        Value::Text(text) if loosely_boolean(text) => unstated(Unstated::NotBoolean),
        Value::Text(_) => Ok(Value::Bool(true)),
        Value::Null => unstated(Unstated::NullArgument { index: 1 }),
        Value::List(_) => Err(EvalErrorKind::NotSingle { index: 1 }),
        _ => unstated(Unstated::NotBoolean),
    }
}

/// CBool(expression): a comparison's answer, a boolean, or a number's being other than zero.
pub(super) fn c_bool(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    if let Some(Input::Compare(left, op, right)) = inputs.first() {
        return Ok(Value::Bool(compare(left, *op, right)?));
    }
    match value(inputs, 0)? {
        Value::Bool(b) => Ok(Value::Bool(*b)),
        Value::Number(n) => Ok(Value::Bool(*n != 0)),
        Value::Text(text) if text == "True" => Ok(Value::Bool(true)),
        Value::Text(text) if text == "False" => Ok(Value::Bool(false)),
        Value::Null => unstated(Unstated::NullArgument { index: 1 }),
        Value::List(_) => Err(EvalErrorKind::NotSingle { index: 1 }),
        _ => unstated(Unstated::NotBoolean),
    }
}

pub(super) fn ignore_flow_if_null_or_empty(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    let value = value(inputs, 0)?;
    Ok(if null_or_empty(value) {
        Value::LeftOutOfFlow
    } else {
        value.clone()
    })
}
