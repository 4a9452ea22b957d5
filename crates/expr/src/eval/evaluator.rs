//! Walks the syntax tree: each call's arguments first, then the function, everything taken from
//! one budget, and an error placed at the function it belongs to.

use crate::budget::{Budget, Exceeded, Limits};
use crate::datetime::DateTime;
use crate::parser::{parse, Arg, Call, Expr, MAX_NESTING};

use super::args::Input;
use super::changing::{Example, CHANGING};
use super::choice::refused_shape;
use super::error::{EvalError, EvalErrorKind, ExprError, Unstated};
use super::functions::{unknown, FUNCTIONS};
use super::value::{Attributes, Value};

/// The moment [`run`] and [`evaluate`] give Now(): the reference's own example of Now's value,
/// 7/2/2021 3:33:38 PM.
pub(super) const EXAMPLE_NOW: DateTime = DateTime::at_ticks(637_608_368_180_000_000);

/// Parses `text` and evaluates it, Now() being the reference's example moment (7/2/2021
/// 3:33:38 PM); [`run_at`] gives another.
///
/// ```
/// use scim_token_expr::{run, Attributes, Value};
///
/// let attributes = Attributes::new().with("givenName", "Zoë");
/// assert_eq!(
///     run("NormalizeDiacritics([givenName])", &attributes),
///     Ok(Value::from("Zoe"))
/// );
/// ```
pub fn run(text: &str, attributes: &Attributes) -> Result<Value, ExprError> {
    run_at(text, attributes, EXAMPLE_NOW)
}

/// Parses `text` and evaluates it at the moment `now`: what Now() gives, and what Guid() and
/// RandomString() draw their examples from. What the playground does with what the admin types.
///
/// ```
/// use scim_token_expr::{run_at, Attributes, DateTime};
///
/// let now = DateTime::from_parts(2021, 8, 25, 17, 41, 18).unwrap();
/// let days = run_at(r#"DateDiff("d", Now(), CDate("2021-09-01T00:00:00Z"))"#, &Attributes::new(), now);
/// assert_eq!(days.unwrap().to_string(), "6");
/// ```
pub fn run_at(text: &str, attributes: &Attributes, now: DateTime) -> Result<Value, ExprError> {
    let expr = parse(text).map_err(ExprError::Parse)?;
    evaluate_at(&expr, attributes, &Limits::DEFAULT, now).map_err(ExprError::Eval)
}

/// Evaluates `expr` over `attributes`, within [`Limits::DEFAULT`].
///
/// ```
/// use scim_token_expr::{evaluate, parse, Attributes, Value};
///
/// let expr = parse(r#"Coalesce([mail], [userPrincipalName])"#).unwrap();
/// let attributes = Attributes::new().with("userPrincipalName", "John.Doe@contoso.com");
/// assert_eq!(evaluate(&expr, &attributes), Ok(Value::from("John.Doe@contoso.com")));
/// ```
pub fn evaluate(expr: &Expr, attributes: &Attributes) -> Result<Value, EvalError> {
    evaluate_within(expr, attributes, &Limits::DEFAULT)
}

/// Evaluates `expr` over `attributes` within `limits`, one budget for the whole evaluation.
///
/// ```
/// use scim_token_expr::{evaluate_within, parse, Attributes, EvalErrorKind, Limit, Limits};
///
/// let expr = parse(r#"Join(",", "a", "b")"#).unwrap();
/// // One step for the call, one for each of its three arguments.
/// let enough = Limits { steps: 4, ..Limits::DEFAULT };
/// assert!(evaluate_within(&expr, &Attributes::new(), &enough).is_ok());
/// let error = evaluate_within(&expr, &Attributes::new(), &Limits { steps: 3, ..enough })
///     .unwrap_err();
/// assert_eq!(error.kind, EvalErrorKind::OverBudget { limit: Limit::Steps, max: 3 });
/// assert_eq!(error.function.as_deref(), Some("Join"));
/// ```
pub fn evaluate_within(
    expr: &Expr,
    attributes: &Attributes,
    limits: &Limits,
) -> Result<Value, EvalError> {
    evaluate_at(expr, attributes, limits, EXAMPLE_NOW)
}

/// Evaluates `expr` over `attributes` within `limits`, at the moment `now` (see [`run_at`]).
///
/// ```
/// use scim_token_expr::{evaluate_at, parse, Attributes, DateTime, Limits, Value};
///
/// let now = DateTime::from_unix_millis(1_700_000_000_000).unwrap();
/// let expr = parse("Now()").unwrap();
/// let value = evaluate_at(&expr, &Attributes::new(), &Limits::DEFAULT, now).unwrap();
/// assert_eq!(value.to_string(), "11/14/2023 10:13:20 PM");
/// ```
pub fn evaluate_at(
    expr: &Expr,
    attributes: &Attributes,
    limits: &Limits,
    now: DateTime,
) -> Result<Value, EvalError> {
    evaluate_on(expr, attributes, &mut Budget::new(limits), now)
}

/// Evaluates `expr` taking from `budget`, which the caller can then inspect.
pub(super) fn evaluate_on(
    expr: &Expr,
    attributes: &Attributes,
    budget: &mut Budget,
    now: DateTime,
) -> Result<Value, EvalError> {
    Evaluator {
        attributes,
        budget,
        example: Example::new(now),
    }
    .expr(expr, 0)
    .map_err(|located| match located {
        Located::Inner(error) => error,
        // Only an expression that is not a call (built in code) has no function to blame.
        Located::Here(kind) => EvalError {
            function: None,
            at: None,
            kind,
        },
    })
}

struct Evaluator<'a> {
    attributes: &'a Attributes,
    budget: &'a mut Budget,
    example: Example,
}

impl Evaluator<'_> {
    /// The value of `expr`. An error without a place (an attribute over the limits) belongs to
    /// the function that reads it.
    fn expr(&mut self, expr: &Expr, depth: usize) -> Result<Value, Located> {
        match expr {
            Expr::Call(call) => self.call(call, depth).map_err(Located::Inner),
            Expr::Attribute(name) => {
                let value = self.attributes.get(name);
                made(self.budget, value).map_err(|e| Located::Here(e.into()))?;
                Ok(value.clone())
            }
            Expr::Text(text) => {
                self.budget
                    .made(text.len())
                    .map_err(|e| Located::Here(e.into()))?;
                Ok(Value::Text(text.clone()))
            }
            Expr::Number(n) => Ok(Value::Number(*n)),
            Expr::Name(name) => Err(Located::Inner(EvalError {
                function: Some(name.clone()),
                at: None,
                kind: unknown(name),
            })),
        }
    }

    fn call(&mut self, call: &Call, depth: usize) -> Result<Value, EvalError> {
        let fail = |kind| EvalError {
            function: Some(call.name.clone()),
            at: call.at,
            kind,
        };
        if depth >= MAX_NESTING {
            return Err(fail(EvalErrorKind::TooDeep));
        }
        self.budget.steps(1).map_err(|e| fail(e.into()))?;
        let function = FUNCTIONS.iter().find(|f| f.0 == call.name);
        let changing = CHANGING.iter().find(|f| f.0 == call.name);
        let (min, max) = match (function, changing) {
            (Some(f), _) => (f.1, f.2),
            (None, Some(f)) => (f.1, f.2),
            (None, None) => return Err(fail(unknown(&call.name))),
        };
        let got = call.args.len();
        if got < min || max.is_some_and(|max| got > max) {
            return Err(fail(EvalErrorKind::ArgumentCount { min, max, got }));
        }
        refused_shape(call, self.attributes).map_err(fail)?;
        let mut inputs = Vec::with_capacity(got);
        for (i, arg) in call.args.iter().enumerate() {
            inputs.push(self.input(arg, i + 1, depth).map_err(|e| e.or_in(call))?);
        }
        // Where IgnoreFlowIfNullOrEmpty's «left out» goes inside another function, the
        // reference does not say.
        if inputs
            .iter()
            .any(|input| matches!(input, Input::Value(Value::LeftOutOfFlow)))
        {
            return Err(fail(EvalErrorKind::Unstated(Unstated::IgnoreFlowNested)));
        }
        let value = match (function, changing) {
            (Some(f), _) => (f.3)(&inputs, self.budget),
            (None, Some(f)) => (f.3)(&inputs, self.budget, &mut self.example),
            (None, None) => Err(unknown(&call.name)),
        }
        .map_err(fail)?;
        made(self.budget, &value).map_err(|e| fail(e.into()))?;
        Ok(value)
    }

    fn input(&mut self, arg: &Arg, index: usize, depth: usize) -> Result<Input, Located> {
        self.budget.steps(1).map_err(|e| Located::Here(e.into()))?;
        Ok(match arg {
            Arg::Omitted => Input::Omitted,
            Arg::Value(Expr::Name(name)) => Input::Name(name.clone()),
            Arg::Value(expr) => Input::Value(self.expr(expr, depth + 1)?),
            Arg::Compare(c) => {
                let mut operand = |expr: &Expr| match expr {
                    Expr::Name(_) => Err(Located::Here(EvalErrorKind::NameNotAllowed { index })),
                    expr => self.expr(expr, depth + 1),
                };
                let left = operand(&c.left)?;
                Input::Compare(left, c.op, operand(&c.right)?)
            }
        })
    }
}

/// The bytes a value counts for: its text's, or all of a list's values'.
fn bytes_of(value: &Value) -> usize {
    match value {
        Value::Text(text) => text.len(),
        Value::List(items) => items.iter().map(String::len).fold(0, usize::saturating_add),
        Value::Null | Value::Number(_) | Value::Bool(_) | Value::Date(_) | Value::LeftOutOfFlow => {
            0
        }
    }
}

/// Counts `value` as made, or says which limit it would pass. Functions whose result can be
/// longer than what they read check [`Budget::fits`] before building it; this counts it.
fn made(budget: &mut Budget, value: &Value) -> Result<(), Exceeded> {
    if let Value::List(items) = value {
        budget.fits_list(items.len(), bytes_of(value))?;
        budget.steps(items.len())?;
    }
    budget.made(bytes_of(value))
}

/// An error from an argument: already placed, or to be placed at the calling function.
enum Located {
    Inner(EvalError),
    Here(EvalErrorKind),
}

impl Located {
    fn or_in(self, call: &Call) -> EvalError {
        match self {
            Located::Inner(error) => error,
            Located::Here(kind) => EvalError {
                function: Some(call.name.clone()),
                at: call.at,
                kind,
            },
        }
    }
}
