//! Coalesce, IIF and Switch: choosing one of the arguments, and IIF's comparisons.

use crate::budget::Budget;
use crate::parser::CompareOp;

use super::args::{given, single, value, Input, Outcome};
use super::error::{unstated, EvalErrorKind, Unstated};
use super::value::Value;

pub(super) fn coalesce(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    for i in 0..inputs.len() {
        let value = value(inputs, i)?;
        if *value != Value::Null {
            return Ok(value.clone());
        }
    }
    Ok(Value::Null)
}

pub(super) fn iif(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    let condition = match inputs.first() {
        Some(Input::Compare(left, op, right)) => compare(left, *op, right)?,
        Some(Input::Value(value)) => match value {
            Value::Text(text) if text == "True" => true,
            Value::Text(text) if text == "False" => false,
            Value::Null => return unstated(Unstated::IifEmptyOperand),
            Value::Text(text) if text.is_empty() => return unstated(Unstated::IifEmptyOperand),
            Value::List(_) => return Err(EvalErrorKind::NotSingle { index: 1 }),
            _ => return unstated(Unstated::IifNotBoolean),
        },
        Some(Input::Name(_)) => return Err(EvalErrorKind::NameNotAllowed { index: 1 }),
        Some(Input::Omitted) | None => return Err(EvalErrorKind::MissingArgument { index: 1 }),
    };
    let if_true = value(inputs, 1)?;
    let if_false = value(inputs, 2)?;
    Ok(if condition { if_true } else { if_false }.clone())
}

fn whole_number(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn compare(left: &Value, op: CompareOp, right: &Value) -> Result<bool, EvalErrorKind> {
    let (Some(left), Some(right)) = (single(left, 1)?, single(right, 1)?) else {
        return unstated(Unstated::IifEmptyOperand);
    };
    if left.is_empty() || right.is_empty() {
        return unstated(Unstated::IifEmptyOperand);
    }
    let numbers = (whole_number(&left), whole_number(&right));
    match op {
        CompareOp::Eq | CompareOp::Ne => {
            let same = left == right;
            if let (Some(a), Some(b)) = numbers {
                if (a == b) != same {
                    return unstated(Unstated::IifNumberOrText);
                }
            }
            if !same && left.to_lowercase() == right.to_lowercase() {
                return unstated(Unstated::IifCase);
            }
            Ok(same == (op == CompareOp::Eq))
        }
        _ => {
            let (Some(a), Some(b)) = numbers else {
                return unstated(Unstated::IifOrderingOfText);
            };
            Ok(match op {
                CompareOp::Gt => a > b,
                CompareOp::Ge => a >= b,
                CompareOp::Lt => a < b,
                _ => a <= b,
            })
        }
    }
}

pub(super) fn switch(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    if !inputs.len().is_multiple_of(2) {
        return Err(EvalErrorKind::EvenArgumentCount { got: inputs.len() });
    }
    // An empty source matches the key "": the reference recommends exactly that to test for an
    // empty or missing attribute.
    let source = single(value(inputs, 0)?, 1)?.unwrap_or_default();
    let default = if given(inputs, 1) {
        Some(value(inputs, 1)?)
    } else {
        None
    };
    for key_at in (2..inputs.len()).step_by(2) {
        let key = single(value(inputs, key_at)?, key_at + 1)?;
        let Some(key) = key else {
            return unstated(Unstated::NullArgument { index: key_at + 1 });
        };
        let result = value(inputs, key_at + 1)?;
        if key == source {
            return Ok(result.clone());
        }
    }
    default
        .cloned()
        .map_or_else(|| unstated(Unstated::SwitchNoDefault), Ok)
}
