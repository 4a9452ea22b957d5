//! What the function tests (functions.rs, reference_examples.rs) share: attributes from pairs,
//! and an expression's result as the playground prints it, or why there is none.

use scim_token_expr::{run, Attributes, EvalErrorKind, ExprError};

/// The attributes `values` names.
pub fn attributes(values: &[(&str, &str)]) -> Attributes {
    values.iter().fold(Attributes::new(), |all, (name, value)| {
        all.with(name, *value)
    })
}

/// The result as the playground prints it; panics with the reason if there is none.
pub fn output(expression: &str, values: &[(&str, &str)]) -> String {
    match run(expression, &attributes(values)) {
        Ok(value) => value.to_string(),
        Err(error) => panic!("{expression} on {values:?}: {error:?}"),
    }
}

/// Why there is no result; panics if there is one.
pub fn refusal(expression: &str, values: &[(&str, &str)]) -> EvalErrorKind {
    match run(expression, &attributes(values)) {
        Err(ExprError::Eval(error)) => error.kind,
        other => panic!("{expression} on {values:?} should be refused: {other:?}"),
    }
}
