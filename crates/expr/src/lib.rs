//! Microsoft Entra ID attribute-mapping expressions: parse them, print them, evaluate them on
//! sample values, and build the ones that split a packed org chart into SCIM enterprise
//! attributes.
//!
//! Everything here follows the facts in Microsoft's "Reference for writing expressions for
//! attribute mappings in Microsoft Entra ID" and nothing more. Where the reference leaves a result
//! open, the evaluator says so ([`Unstated`]) instead of guessing, and the builder only writes
//! expressions whose result the reference (and .NET's documented regex semantics) fixes.
//!
//! - [`parse`] and `Display` for [`Expr`]: text ↔ syntax tree, with positions for errors;
//! - [`evaluate`] / [`run`]: the result on sample [`Attributes`], within one budget of work and
//!   memory per evaluation ([`Limits`]);
//! - [`detect_delimiter`], [`split_preview`], [`build`], [`map_level`]: the
//!   "Map organisation levels" helper.
//!
//! ```
//! use scim_token_expr::{build, detect_delimiter, run, Attributes, LevelChoice, Value};
//!
//! let samples = ["Contoso > Sales > EMEA", "Contoso > HR"];
//! let delimiter = detect_delimiter(samples).unwrap();
//! let text = build("department", delimiter, LevelChoice::Last).unwrap().to_string();
//! let user = Attributes::new().with("department", "Contoso > Sales > EMEA");
//! assert_eq!(run(&text, &user), Ok(Value::from("EMEA")));
//! ```
//!
//! No browser here: messages for every error live in `scim_token_core::i18n::expr` (the core crate).

mod budget;
mod build;
mod datetime;
mod diacritics;
mod eval;
mod parser;
mod regex;

pub use budget::{Limit, Limits};
pub use build::{
    build, delimiters_in, detect_delimiter, level_pattern, map_level, most_found_delimiter,
    split_preview, BuildError, LevelChoice, Mapping, ScimTarget, SplitPreview, DELIMITERS,
    MAX_LEVELS_SHOWN, SOURCE_ATTRIBUTES,
};
pub use datetime::DateTime;
pub use eval::{
    evaluate, evaluate_at, evaluate_within, run, run_at, Attributes, EvalError, EvalErrorKind,
    ExprError, Unstated, Value, CHANGING_FUNCTIONS, DIRECTORY_FUNCTIONS, EVALUATED_FUNCTIONS,
};
pub use parser::{
    is_attribute_char, is_name, parse, Arg, Call, CompareOp, Comparison, Expr, ParseError,
    ParseErrorKind, MAX_EXPRESSION_CHARS, MAX_NESTING,
};
pub use regex::RegexProblem;
