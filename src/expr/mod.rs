//! Microsoft Entra ID attribute-mapping expressions: parse them, print them and evaluate them on
//! sample values.
//!
//! Everything here follows the facts in Microsoft's "Reference for writing expressions for
//! attribute mappings in Microsoft Entra ID" and nothing more. Where the reference leaves a result
//! open, the evaluator says so ([`Unstated`]) instead of guessing.
//!
//! - [`parse`] and `Display` for [`Expr`]: text ↔ syntax tree, with positions for errors;
//! - [`evaluate`] / [`run`]: the result on sample [`Attributes`].
//!
//! ```
//! use scim_token_widget::expr::{run, Attributes, Value};
//!
//! let user = Attributes::new().with("mail", "john.doe@contoso.com");
//! let text = r#"Replace([mail], "@contoso.com", , , "", , )"#;
//! assert_eq!(run(text, &user), Ok(Value::from("john.doe")));
//! ```

mod diacritics;
mod eval;
mod parser;
mod regex;

pub use eval::{
    evaluate, run, Attributes, EvalError, EvalErrorKind, ExprError, Unstated, Value,
    EVALUATED_FUNCTIONS,
};
pub use parser::{
    is_attribute_char, is_name, parse, Arg, Call, CompareOp, Comparison, Expr, ParseError,
    ParseErrorKind, MAX_NESTING,
};
pub use regex::{PerlClass, RegexProblem};
