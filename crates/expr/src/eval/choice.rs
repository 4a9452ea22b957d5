//! Coalesce, IIF and Switch: choosing one of the arguments, IIF's comparisons, and the shapes
//! of IIF and Switch the reference warns against.

use crate::budget::Budget;
use crate::parser::{Arg, Call, CompareOp, Expr};

use super::value::Attributes;

use super::args::{decimal, given, single, value, Input, Outcome};
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
            Value::Bool(condition) => *condition,
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

/// A comparison's answer, as IIF's condition or CBool's argument.
pub(super) fn compare(left: &Value, op: CompareOp, right: &Value) -> Result<bool, EvalErrorKind> {
    let (Some(left), Some(right)) = (single(left, 1)?, single(right, 1)?) else {
        return unstated(Unstated::IifEmptyOperand);
    };
    if left.is_empty() || right.is_empty() {
        return unstated(Unstated::IifEmptyOperand);
    }
    let numbers = (decimal(&left), decimal(&right));
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

/// The functions the reference's caution under Switch names: not to be Switch's source.
const TESTS: [&str; 3] = ["IsPresent", "IsNull", "IsNullOrEmpty"];

/// Refuses the shapes of IIF and Switch that the reference says fail, before their arguments
/// are evaluated: an IIF whose condition reads an attribute that is empty or missing («the
/// condition check fails», whatever function it is in), and a Switch whose source is
/// IsPresent, IsNull or IsNullOrEmpty (its «caution»: use an empty key instead).
pub(super) fn refused_shape(call: &Call, attributes: &Attributes) -> Result<(), EvalErrorKind> {
    match (call.name.as_str(), call.args.first()) {
        ("IIF", Some(condition)) => {
            let reads_empty = |expr: &Expr| {
                expr.attribute_names().into_iter().any(|name| {
                    matches!(attributes.get(name), Value::Null)
                        || attributes.get(name) == &Value::from("")
                })
            };
            let refused = match condition {
                Arg::Value(expr) if reads_empty(expr) => Some(Unstated::IifEmptyAttribute),
                Arg::Compare(c) if reads_empty(&c.left) || reads_empty(&c.right) => {
                    Some(Unstated::IifEmptyOperand)
                }
                _ => None,
            };
            if let Some(what) = refused {
                return unstated(what);
            }
        }
        ("Switch", Some(Arg::Value(Expr::Call(source))))
            if TESTS.contains(&source.name.as_str()) =>
        {
            return unstated(Unstated::SwitchSourceTest);
        }
        _ => {}
    }
    Ok(())
}
