//! Evaluates an expression over sample attribute values, the way Entra would, as far as the
//! reference says.
//!
//! The rule throughout: where the reference (and, for regular expressions, .NET) fixes the answer,
//! give that answer; where it leaves the answer open *for the input at hand*, return
//! [`EvalErrorKind::Unstated`] naming what is open, rather than a plausible guess. Often the
//! readings agree and the answer is certain anyway: `Word("a,,b", 1, ",")` is `a` whether or not
//! Word skips empty words, and only `Word("a,,b", 2, ",")` is refused. The preview the admin sees
//! is therefore either what Entra will do or an honest "cannot tell".
//!
//! Positions inside strings (Left, Mid, InStr) count UTF-16 code units, as .NET strings do; a cut
//! through a character outside the Basic Multilingual Plane is refused.
//!
//! Arguments are evaluated before the function runs, all of them, including the branch of IIF or
//! Switch that is not taken: if any of them cannot be evaluated here, neither can the whole.
//!
//! Everything one evaluation does takes from one budget ([`Limits`](crate::Limits)): calls,
//! arguments, regex steps, and the length of every value made, checked before a value longer than
//! allowed is built. What is over budget stops with [`EvalErrorKind::OverBudget`].
//!
//! One file per job: `value` (values and attributes), `error` (why there is no value),
//! `evaluator` (the walk over the tree, within the budget), `functions` (which functions exist,
//! and the table of those evaluated), `args` (reading a function's arguments), and one file per
//! family of functions: `strings`, `letters` (ToLower, ToUpper, NormalizeDiacritics), `titles`
//! (PCase), `lists`, `choice`, `replace`, `logic` (the Is… functions, Not, CBool,
//! IgnoreFlowIfNullOrEmpty), `convert` (CStr, base64, hex, BitAnd, Redact), `dates`, and
//! `changing` (Now, Guid, RandomString, whose value changes every run).

mod args;
mod changing;
mod choice;
mod convert;
mod dates;
mod error;
mod evaluator;
mod functions;
mod letters;
mod lists;
mod logic;
mod replace;
mod strings;
mod titles;
mod value;

pub use changing::CHANGING_FUNCTIONS;
pub use error::{EvalError, EvalErrorKind, ExprError, Unstated};
pub use evaluator::{evaluate, evaluate_at, evaluate_within, run, run_at};
pub use functions::{DIRECTORY_FUNCTIONS, EVALUATED_FUNCTIONS};
pub use value::{Attributes, Value};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
