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
//! Everything one evaluation does takes from one budget ([`Limits`]): calls, arguments, regex
//! steps, and the length of every value made, checked before a value longer than allowed is
//! built. What is over budget stops with [`EvalErrorKind::OverBudget`].

use std::borrow::Cow;

use super::budget::{Budget, Exceeded, GrowingUnits, Limit, Limits};
use super::diacritics;
use super::parser::{parse, Arg, Call, CompareOp, Expr, ParseError, MAX_NESTING};
use super::regex::{Captures, MatchError, Regex, RegexProblem};

/// A value an expression works with.
///
/// ```
/// use scim_token_expr::Value;
///
/// assert_eq!(Value::from("Sales").as_text(), Some("Sales"));
/// assert_eq!(Value::Number(5).to_string(), "5");
/// assert_eq!(Value::Null.as_text(), None);
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Value {
    /// No value: an attribute the user does not have.
    Null,
    /// A single string.
    Text(String),
    /// A number, as InStr returns.
    Number(i64),
    /// A multi-valued attribute such as `proxyAddresses`, or what Split returns.
    List(Vec<String>),
}

impl Value {
    /// The string, if this is a single string.
    ///
    /// ```
    /// use scim_token_expr::Value;
    /// assert_eq!(Value::List(vec!["a".into()]).as_text(), None);
    /// ```
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::Text(text.to_owned())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::Text(text)
    }
}

impl std::fmt::Display for Value {
    /// The text of a single value, the number in decimal, a list's values one per line, and
    /// nothing for no value. Telling an empty string from no value is the caller's job.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Null => Ok(()),
            Value::Text(text) => f.write_str(text),
            Value::Number(n) => write!(f, "{n}"),
            Value::List(items) => f.write_str(&items.join("\n")),
        }
    }
}

/// The source object's attribute values. An attribute that is not set is [`Value::Null`].
/// Names are case-sensitive, as in expressions.
///
/// ```
/// use scim_token_expr::{Attributes, Value};
///
/// let attributes = Attributes::new()
///     .with("department", "Contoso > Sales")
///     .with("proxyAddresses", Value::List(vec!["SMTP:a@contoso.com".into()]));
/// assert_eq!(attributes.get("department").as_text(), Some("Contoso > Sales"));
/// assert_eq!(attributes.get("Department"), &Value::Null);
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Attributes {
    /// Sorted by name. A sorted vector rather than a map: an expression reads a few attributes,
    /// and the map's code would be most of the collection code in the worker's wasm.
    values: Vec<(String, Value)>,
}

static NULL: Value = Value::Null;

impl Attributes {
    /// No attributes at all.
    ///
    /// ```
    /// use scim_token_expr::{Attributes, Value};
    /// assert_eq!(Attributes::new().get("mail"), &Value::Null);
    /// ```
    pub fn new() -> Attributes {
        Attributes::default()
    }

    /// These attributes and one more.
    ///
    /// ```
    /// use scim_token_expr::Attributes;
    /// let attributes = Attributes::new().with("givenName", "Zoë");
    /// assert_eq!(attributes.get("givenName").as_text(), Some("Zoë"));
    /// ```
    pub fn with(mut self, name: &str, value: impl Into<Value>) -> Attributes {
        self.set(name, value.into());
        self
    }

    /// Sets one attribute; [`Value::Null`] removes it.
    ///
    /// ```
    /// use scim_token_expr::{Attributes, Value};
    /// let mut attributes = Attributes::new();
    /// attributes.set("mail", Value::from("a@contoso.com"));
    /// attributes.set("mail", Value::Null);
    /// assert_eq!(attributes, Attributes::new());
    /// ```
    pub fn set(&mut self, name: &str, value: Value) {
        match (self.find(name), value) {
            (Ok(at), Value::Null) => {
                self.values.remove(at);
            }
            (Err(_), Value::Null) => {}
            (Ok(at), value) => self.values[at].1 = value,
            (Err(at), value) => self.values.insert(at, (name.to_owned(), value)),
        }
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.values
            .binary_search_by(|(other, _)| other.as_str().cmp(name))
    }

    /// The attribute's value, [`Value::Null`] if it is not set.
    ///
    /// ```
    /// use scim_token_expr::{Attributes, Value};
    /// assert_eq!(Attributes::new().with("c", "NO").get("c"), &Value::from("NO"));
    /// ```
    pub fn get(&self, name: &str) -> &Value {
        self.find(name).map_or(&NULL, |at| &self.values[at].1)
    }
}

/// Why an expression could not be evaluated here, and where.
///
/// The message in each language comes from `scim_token_core::i18n::expr` (the core crate).
///
/// ```
/// use scim_token_expr::{evaluate, parse, Attributes, EvalErrorKind};
///
/// let expr = parse(r#"Join(", ", Frobnicate([x]))"#).unwrap();
/// let error = evaluate(&expr, &Attributes::new()).unwrap_err();
/// assert_eq!(error.function.as_deref(), Some("Frobnicate"));
/// assert_eq!(error.at, Some(11));
/// assert_eq!(error.kind, EvalErrorKind::UnknownFunction { did_you_mean: None });
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct EvalError {
    /// The function that could not be evaluated.
    pub function: Option<String>,
    /// Where its name starts in the expression text, in characters from 0, when the expression
    /// was parsed from text.
    pub at: Option<usize>,
    /// What went wrong.
    pub kind: EvalErrorKind,
}

/// What went wrong in an evaluation. Argument numbers count from 1.
///
/// ```
/// use scim_token_expr::{EvalErrorKind, Unstated};
/// let kind = EvalErrorKind::Unstated(Unstated::SplitTrimming);
/// assert_ne!(kind, EvalErrorKind::TooDeep);
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum EvalErrorKind {
    /// The reference has no function of this name. If it has one spelled with other capitals,
    /// that is `did_you_mean` (names are case-sensitive).
    UnknownFunction {
        /// The reference's spelling of the name, if only the capitals differ.
        did_you_mean: Option<&'static str>,
    },
    /// Entra has this function, but this page does not evaluate it.
    NotEvaluated,
    /// The function takes from `min` to `max` arguments (`None`: no upper limit).
    ArgumentCount {
        /// The fewest arguments.
        min: usize,
        /// The most arguments, if limited.
        max: Option<usize>,
        /// How many were given.
        got: usize,
    },
    /// Switch takes its keys and values in pairs, so an even number of arguments.
    EvenArgumentCount {
        /// How many were given.
        got: usize,
    },
    /// This argument is needed but was left out.
    MissingArgument {
        /// Which argument.
        index: usize,
    },
    /// A comparison stands where only IIF's condition may have one.
    ComparisonNotAllowed {
        /// Which argument.
        index: usize,
    },
    /// A bare name stands where only InStr's compare type may have one.
    NameNotAllowed {
        /// Which argument.
        index: usize,
    },
    /// This argument must be a number.
    NotANumber {
        /// Which argument.
        index: usize,
    },
    /// This argument has several values where one is needed.
    NotSingle {
        /// Which argument.
        index: usize,
    },
    /// The reference does not say what happens here.
    Unstated(Unstated),
    /// A regular expression this page cannot evaluate exactly.
    Regex(RegexProblem),
    /// Calls nest deeper than this page evaluates.
    TooDeep,
    /// The evaluation needs more than one of its [`Limits`] allows.
    OverBudget {
        /// Which limit.
        limit: Limit,
        /// The number it stands at.
        max: usize,
    },
}

impl From<MatchError> for EvalErrorKind {
    fn from(error: MatchError) -> EvalErrorKind {
        match error {
            MatchError::Problem(problem) => EvalErrorKind::Regex(problem),
            MatchError::OverBudget(exceeded) => exceeded.into(),
        }
    }
}

impl From<Exceeded> for EvalErrorKind {
    fn from(exceeded: Exceeded) -> EvalErrorKind {
        EvalErrorKind::OverBudget {
            limit: exceeded.limit,
            max: exceeded.max,
        }
    }
}

/// What the reference leaves open, making the result for this input unknown.
///
/// ```
/// use scim_token_expr::{evaluate, parse, Attributes, EvalErrorKind, Unstated};
///
/// let expr = parse(r#"Word("Sales,,EMEA", 2, ",")"#).unwrap();
/// let error = evaluate(&expr, &Attributes::new()).unwrap_err();
/// assert_eq!(error.kind, EvalErrorKind::Unstated(Unstated::WordEmptyWords));
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Unstated {
    /// This argument has no value.
    NullArgument {
        /// Which argument.
        index: usize,
    },
    /// Split's parts have spaces at their ends, and whether Split trims them is not stated.
    SplitTrimming,
    /// Split would give empty parts, and whether it keeps them is not stated.
    SplitEmptyParts,
    /// Split's delimiter is not exactly one character.
    SplitDelimiter,
    /// Word's result depends on whether empty words (consecutive delimiters, or one at either
    /// end) count.
    WordEmptyWords,
    /// The word has spaces at its ends, and whether Word trims them is not stated.
    WordSpaces,
    /// The string holds none of the delimiters, and the reference reads both ways on whether the
    /// whole string is then word 1.
    WordNoDelimiter,
    /// Word's delimiters are empty or hold a character outside the Basic Multilingual Plane.
    WordDelimiters,
    /// Item was given a single value, not a multi-valued one.
    ItemSingleValue,
    /// Item's index is below 1 or past the last value.
    ItemIndex,
    /// Mid's start is not a position in the string.
    MidStart,
    /// A negative length.
    NegativeLength,
    /// The result would cut a character in two (UTF-16 surrogate pair).
    CutsCharacter,
    /// An empty or missing value in IIF's condition: the reference says the condition check
    /// fails, not what that gives.
    IifEmptyOperand,
    /// The two sides differ only in capitals, and whether IIF compares case-sensitively is not
    /// stated.
    IifCase,
    /// The two sides are equal as numbers but not as text (or the other way round).
    IifNumberOrText,
    /// `>`, `>=`, `<`, `<=` on values that are not both whole numbers.
    IifOrderingOfText,
    /// IIF's condition is a value other than `True` or `False`.
    IifNotBoolean,
    /// InStr did not find the substring; the reference does not say what it returns then.
    InStrNotFound,
    /// InStr was asked to find the empty string.
    InStrEmpty,
    /// InStr's start is not a position in the string.
    InStrStart,
    /// InStr's compare type is vbTextCompare, whose rules the reference does not give.
    TextCompare,
    /// InStr's compare type is neither vbBinaryCompare nor vbTextCompare.
    CompareType,
    /// One of Join's values is missing.
    JoinNull {
        /// Which argument.
        index: usize,
    },
    /// No key matched and Switch has no default value.
    SwitchNoDefault,
    /// Replace was given a combination of arguments that is none of its documented forms.
    ReplaceForm,
    /// Replace's oldValue is empty.
    ReplaceEmptyOldValue,
    /// regexGroupName names no group of the pattern.
    ReplaceUnknownGroup,
    /// The named group matched the empty string, and where the replacement then goes is not
    /// stated.
    ReplaceGroupEmpty,
    /// The group's text also occurs outside the group's match, and whether every occurrence is
    /// replaced is not stated.
    ReplaceGroupAmbiguous,
    /// A `$` in the replacement of the regexGroupName form, where substitutions are not stated.
    ReplaceGroupDollar,
    /// The pattern does not match replacementAttributeName's value.
    ReplaceNoMatch,
    /// ToLower with a culture, whose rules the reference does not give.
    Culture,
    /// How ToLower (invariant culture) lowers this character is not certain here.
    LowerCase(char),
    /// NormalizeDiacritics' table does not say what becomes of this letter or mark.
    Diacritic(char),
}

/// A parse error or an evaluation error: what [`run`] can fail with.
///
/// ```
/// use scim_token_expr::{run, Attributes, ExprError};
/// assert!(matches!(run("Left(", &Attributes::new()), Err(ExprError::Parse(_))));
/// assert!(matches!(run("Nope()", &Attributes::new()), Err(ExprError::Eval(_))));
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum ExprError {
    /// The text is not an expression.
    Parse(ParseError),
    /// The expression cannot be evaluated here.
    Eval(EvalError),
}

/// Parses `text` and evaluates it: what the playground does with what the admin types.
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
    let expr = parse(text).map_err(ExprError::Parse)?;
    evaluate(&expr, attributes).map_err(ExprError::Eval)
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
    evaluate_on(expr, attributes, &mut Budget::new(limits))
}

/// Evaluates `expr` taking from `budget`, which the caller can then inspect.
pub(super) fn evaluate_on(
    expr: &Expr,
    attributes: &Attributes,
    budget: &mut Budget,
) -> Result<Value, EvalError> {
    Evaluator { attributes, budget }
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

/// The functions this page evaluates: those the reference documents with examples that the
/// mapping helper may use.
pub const EVALUATED_FUNCTIONS: [&str; 15] = [
    "Append",
    "Coalesce",
    "IIF",
    "InStr",
    "Item",
    "Join",
    "Left",
    "Mid",
    "NormalizeDiacritics",
    "Replace",
    "Split",
    "StripSpaces",
    "Switch",
    "ToLower",
    "Word",
];

/// Every function the reference lists.
const REFERENCE_FUNCTIONS: [&str; 43] = [
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

/// An argument after evaluation.
enum Input {
    Omitted,
    Value(Value),
    Compare(Value, CompareOp, Value),
    Name(String),
}

type Outcome = Result<Value, EvalErrorKind>;

struct Evaluator<'a> {
    attributes: &'a Attributes,
    budget: &'a mut Budget,
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
        let Some(&(_, min, max, function)) = FUNCTIONS.iter().find(|f| f.0 == call.name) else {
            return Err(fail(unknown(&call.name)));
        };
        let got = call.args.len();
        if got < min || max.is_some_and(|max| got > max) {
            return Err(fail(EvalErrorKind::ArgumentCount { min, max, got }));
        }
        let mut inputs = Vec::with_capacity(got);
        for (i, arg) in call.args.iter().enumerate() {
            inputs.push(self.input(arg, i + 1, depth).map_err(|e| e.or_in(call))?);
        }
        let value = function(&inputs, self.budget).map_err(fail)?;
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
        Value::Null | Value::Number(_) => 0,
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

/// The length of `len` bytes after `count` occurrences of `old` bytes become `new` bytes.
fn replaced_length(len: usize, count: usize, old: usize, new: usize) -> usize {
    len.saturating_sub(count.saturating_mul(old))
        .saturating_add(count.saturating_mul(new))
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

fn unknown(name: &str) -> EvalErrorKind {
    if REFERENCE_FUNCTIONS.contains(&name) {
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

const FUNCTIONS: [Function; 15] = [
    ("Append", 2, Some(2), append),
    ("Coalesce", 1, None, coalesce),
    ("IIF", 3, Some(3), iif),
    ("InStr", 2, Some(4), in_str),
    ("Item", 2, Some(2), item),
    ("Join", 2, None, join),
    ("Left", 2, Some(2), left),
    ("Mid", 3, Some(3), mid),
    ("NormalizeDiacritics", 1, Some(1), normalize_diacritics),
    ("Replace", 7, Some(7), replace),
    ("Split", 2, Some(2), split),
    ("StripSpaces", 1, Some(1), strip_spaces),
    ("Switch", 4, None, switch),
    ("ToLower", 1, Some(2), to_lower),
    ("Word", 3, Some(3), word),
];

fn unstated<T>(what: Unstated) -> Result<T, EvalErrorKind> {
    Err(EvalErrorKind::Unstated(what))
}

/// Argument `i` (from 0) as a value.
fn value(inputs: &[Input], i: usize) -> Result<&Value, EvalErrorKind> {
    let index = i + 1;
    match inputs.get(i) {
        Some(Input::Value(value)) => Ok(value),
        Some(Input::Omitted) | None => Err(EvalErrorKind::MissingArgument { index }),
        Some(Input::Compare(..)) => Err(EvalErrorKind::ComparisonNotAllowed { index }),
        Some(Input::Name(_)) => Err(EvalErrorKind::NameNotAllowed { index }),
    }
}

fn given(inputs: &[Input], i: usize) -> bool {
    !matches!(inputs.get(i), None | Some(Input::Omitted))
}

/// A single value as a string: `None` for no value.
fn single(value: &Value, index: usize) -> Result<Option<String>, EvalErrorKind> {
    match value {
        Value::Null => Ok(None),
        Value::Text(text) => Ok(Some(text.clone())),
        Value::Number(n) => Ok(Some(n.to_string())),
        Value::List(_) => Err(EvalErrorKind::NotSingle { index }),
    }
}

/// Argument `i` as a string that must be there.
fn text(inputs: &[Input], i: usize) -> Result<String, EvalErrorKind> {
    let index = i + 1;
    match single(value(inputs, i)?, index)? {
        Some(text) => Ok(text),
        None => unstated(Unstated::NullArgument { index }),
    }
}

/// Argument `i` as a number.
fn number(inputs: &[Input], i: usize) -> Result<i64, EvalErrorKind> {
    let index = i + 1;
    match value(inputs, i)? {
        Value::Number(n) => Ok(*n),
        Value::Null => unstated(Unstated::NullArgument { index }),
        _ => Err(EvalErrorKind::NotANumber { index }),
    }
}

fn utf16(text: &str) -> Vec<u16> {
    text.encode_utf16().collect()
}

fn from_utf16(units: &[u16]) -> Result<String, EvalErrorKind> {
    String::from_utf16(units).or_else(|_| unstated(Unstated::CutsCharacter))
}

fn append(inputs: &[Input], budget: &mut Budget) -> Outcome {
    let (start, end) = (text(inputs, 0)?, text(inputs, 1)?);
    budget.fits(start.len().saturating_add(end.len()))?;
    Ok(Value::Text(start + &end))
}

fn coalesce(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    for i in 0..inputs.len() {
        let value = value(inputs, i)?;
        if *value != Value::Null {
            return Ok(value.clone());
        }
    }
    Ok(Value::Null)
}

fn whole_number(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn iif(inputs: &[Input], _budget: &mut Budget) -> Outcome {
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

fn in_str(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    let haystack = text(inputs, 0)?;
    let needle = text(inputs, 1)?;
    let start = if given(inputs, 2) {
        number(inputs, 2)?
    } else {
        1
    };
    match inputs.get(3) {
        None | Some(Input::Omitted) => {}
        Some(Input::Name(name)) if name == "vbBinaryCompare" => {}
        Some(Input::Name(name)) if name == "vbTextCompare" => {
            return unstated(Unstated::TextCompare)
        }
        Some(_) => return unstated(Unstated::CompareType),
    }
    if needle.is_empty() {
        return unstated(Unstated::InStrEmpty);
    }
    let length = haystack.encode_utf16().count();
    let Some(from) = usize::try_from(start)
        .ok()
        .filter(|s| (1..=length).contains(s))
    else {
        return unstated(Unstated::InStrStart);
    };
    // Positions count UTF-16 units, but the search runs on the UTF-8 text, in linear time: both
    // strings are whole characters, so a match in units is a match in characters and back. A
    // start inside a surrogate pair moves to the next character, as no needle begins with the
    // second half of one.
    let mut skipped = 0;
    let mut byte = haystack.len();
    for (at, c) in haystack.char_indices() {
        if skipped >= from - 1 {
            byte = at;
            break;
        }
        skipped += c.len_utf16();
    }
    let rest = haystack.get(byte..).unwrap_or_default();
    let found = rest.find(needle.as_str()).map(|k| {
        let before = rest.get(..k).unwrap_or_default().encode_utf16().count();
        skipped + before + 1
    });
    match found.and_then(|position| i64::try_from(position).ok()) {
        Some(position) => Ok(Value::Number(position)),
        None => unstated(Unstated::InStrNotFound),
    }
}

fn item(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    let items = match value(inputs, 0)? {
        Value::List(items) => items,
        Value::Null => return unstated(Unstated::NullArgument { index: 1 }),
        _ => return unstated(Unstated::ItemSingleValue),
    };
    let index = number(inputs, 1)?;
    usize::try_from(index)
        .ok()
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| items.get(i))
        .map(|item| Value::Text(item.clone()))
        .map_or_else(|| unstated(Unstated::ItemIndex), Ok)
}

fn join(inputs: &[Input], budget: &mut Budget) -> Outcome {
    let separator = text(inputs, 0)?;
    let mut parts: Vec<Cow<str>> = Vec::new();
    for i in 1..inputs.len() {
        match value(inputs, i)? {
            Value::Null => return unstated(Unstated::JoinNull { index: i + 1 }),
            Value::Text(text) => parts.push(Cow::Borrowed(text)),
            Value::Number(n) => parts.push(Cow::Owned(n.to_string())),
            Value::List(items) => {
                parts.extend(items.iter().map(|item| Cow::Borrowed(item.as_str())))
            }
        }
    }
    // The reference's own example, Join(", ", "", [surname], [givenName]) giving "Doe, John",
    // shows empty values are left out.
    parts.retain(|part| !part.is_empty());
    let separators = separator
        .len()
        .saturating_mul(parts.len().saturating_sub(1));
    let length = parts
        .iter()
        .map(|part| part.len())
        .fold(separators, usize::saturating_add);
    budget.fits(length)?;
    Ok(Value::Text(parts.join(separator.as_str())))
}

fn left(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    let source = value(inputs, 0)?;
    let count = number(inputs, 1)?;
    let Some(text) = single(source, 1)? else {
        return Ok(Value::Text(String::new()));
    };
    let units = utf16(&text);
    let result = match usize::try_from(count) {
        Err(_) => text,
        Ok(0) => String::new(),
        Ok(n) if n >= units.len() => text,
        Ok(n) => from_utf16(units.get(..n).unwrap_or_default())?,
    };
    Ok(Value::Text(result))
}

fn mid(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    let units = utf16(&text(inputs, 0)?);
    let start = number(inputs, 1)?;
    let length = number(inputs, 2)?;
    let Some(from) = usize::try_from(start)
        .ok()
        .filter(|s| (1..=units.len()).contains(s))
        .map(|s| s - 1)
    else {
        return unstated(Unstated::MidStart);
    };
    let Ok(length) = usize::try_from(length) else {
        return unstated(Unstated::NegativeLength);
    };
    let to = from.saturating_add(length).min(units.len());
    Ok(Value::Text(from_utf16(
        units.get(from..to).unwrap_or_default(),
    )?))
}

fn normalize_diacritics(inputs: &[Input], budget: &mut Budget) -> Outcome {
    match diacritics::normalize(&text(inputs, 0)?, budget.room()) {
        Ok(text) => Ok(Value::Text(text)),
        Err(diacritics::Stop::Uncovered(c)) => unstated(Unstated::Diacritic(c)),
        Err(diacritics::Stop::Longer(len)) => Err(budget.exceeded_by(len).into()),
    }
}

/// Compiles argument `i` as a pattern, paying for the compiled size: an expression may compile
/// many patterns, and a short one can compile to thousands of instructions (`a{1000}`).
fn compile(inputs: &[Input], i: usize, budget: &mut Budget) -> Result<Regex, EvalErrorKind> {
    let regex = Regex::new(&text(inputs, i)?).map_err(EvalErrorKind::Regex)?;
    budget.regex_steps(regex.size())?;
    Ok(regex)
}

fn replace(inputs: &[Input], budget: &mut Budget) -> Outcome {
    let form: Vec<bool> = (1..7).map(|i| given(inputs, i)).collect();
    match form.as_slice() {
        // Replace(source, oldValue, , , replacementValue, , )
        [true, false, false, true, false, false] => {
            let source = text(inputs, 0)?;
            let old = text(inputs, 1)?;
            let new = text(inputs, 4)?;
            if old.is_empty() {
                return unstated(Unstated::ReplaceEmptyOldValue);
            }
            let count = source.matches(old.as_str()).count();
            budget.fits(replaced_length(source.len(), count, old.len(), new.len()))?;
            Ok(Value::Text(source.replace(&old, &new)))
        }
        // Replace(source, oldValue, , , , , template)
        [true, false, false, false, false, true] => {
            let source = text(inputs, 0)?;
            let old = text(inputs, 1)?;
            let template = text(inputs, 6)?;
            if old.is_empty() {
                return unstated(Unstated::ReplaceEmptyOldValue);
            }
            let count = template.matches(old.as_str()).count();
            budget.fits(replaced_length(
                template.len(),
                count,
                old.len(),
                source.len(),
            ))?;
            Ok(Value::Text(template.replace(&old, &source)))
        }
        // Replace(source, , regexPattern, , replacementValue, , )
        [false, true, false, true, false, false] => {
            let source = utf16(&text(inputs, 0)?);
            let regex = compile(inputs, 2, budget)?;
            let pieces = regex
                .replacement(&text(inputs, 4)?)
                .map_err(EvalErrorKind::Regex)?;
            let out = regex.replace_all(&source, &pieces, budget)?;
            Ok(Value::Text(from_utf16(&out)?))
        }
        // Replace(source, , regexPattern, regexGroupName, replacementValue, , )
        [false, true, true, true, false, false] => replace_group(inputs, budget),
        // Replace(source, , regexPattern, regexGroupName, , replacementAttributeName, )
        [false, true, true, false, true, false] => replace_from_attribute(inputs, budget),
        _ => unstated(Unstated::ReplaceForm),
    }
}

fn group_of(inputs: &[Input], budget: &mut Budget) -> Result<(Regex, usize), EvalErrorKind> {
    let regex = compile(inputs, 2, budget)?;
    let group = regex
        .group_number(&text(inputs, 3)?)
        .map_or_else(|| unstated(Unstated::ReplaceUnknownGroup), Ok)?;
    Ok((regex, group))
}

/// The regexGroupName form. The reference says the group's matches are replaced; it is silent on
/// whether that means the group's place in each match or every occurrence of the group's text.
/// Both are computed, and only an input where they agree gets an answer.
fn replace_group(inputs: &[Input], budget: &mut Budget) -> Outcome {
    let source = text(inputs, 0)?;
    let (regex, group) = group_of(inputs, budget)?;
    let replacement = text(inputs, 4)?;
    if replacement.contains('$') {
        return unstated(Unstated::ReplaceGroupDollar);
    }
    let units = utf16(&source);
    let matches = regex.matches(&units, budget)?;
    let spans: Vec<(usize, usize)> = matches
        .iter()
        .filter_map(|captures: &Captures| captures.get(group).copied().flatten())
        .collect();
    if spans.iter().any(|(from, to)| from == to) {
        return unstated(Unstated::ReplaceGroupEmpty);
    }
    let replacement_units = utf16(&replacement);
    let mut in_place = GrowingUnits::with_capacity(units.len());
    let mut copied = 0;
    for &(from, to) in &spans {
        in_place.push(units.get(copied..from).unwrap_or_default(), budget)?;
        in_place.push(&replacement_units, budget)?;
        copied = to;
    }
    in_place.push(units.get(copied..).unwrap_or_default(), budget)?;
    let in_place = from_utf16(&in_place.units)?;
    // The second reading goes through the whole text once per match, so each pass is a step and
    // counts the text's length as made (the work is that of making it): a thousand matches in a
    // long value cannot cost a thousand passes unnoticed. A text found absent stays absent until
    // the next change, which spares the passes for a group that matches the same text each time.
    let mut everywhere = source;
    // Sorted, searched by halves.
    let mut absent: Vec<String> = Vec::new();
    for &(from, to) in &spans {
        let found = from_utf16(units.get(from..to).unwrap_or_default())?;
        let place = match absent.binary_search(&found) {
            Ok(_) => continue,
            Err(place) => place,
        };
        budget.steps(1)?;
        budget.made(everywhere.len())?;
        let count = everywhere.matches(found.as_str()).count();
        if count == 0 {
            absent.insert(place, found);
            continue;
        }
        budget.fits(replaced_length(
            everywhere.len(),
            count,
            found.len(),
            replacement.len(),
        ))?;
        everywhere = everywhere.replace(&found, &replacement);
        absent.clear();
    }
    if in_place != everywhere {
        return unstated(Unstated::ReplaceGroupAmbiguous);
    }
    Ok(Value::Text(in_place))
}

/// The replacementAttributeName form: the source if it has a value, else the named group of the
/// pattern's match in the other attribute.
fn replace_from_attribute(inputs: &[Input], budget: &mut Budget) -> Outcome {
    if let Some(source) = single(value(inputs, 0)?, 1)? {
        if !source.is_empty() {
            return Ok(Value::Text(source));
        }
    }
    let (regex, group) = group_of(inputs, budget)?;
    let other = utf16(&text(inputs, 5)?);
    let matches = regex.matches(&other, budget)?;
    match matches
        .first()
        .and_then(|c| c.get(group).copied().flatten())
    {
        Some((from, to)) => Ok(Value::Text(from_utf16(
            other.get(from..to).unwrap_or_default(),
        )?)),
        None => unstated(Unstated::ReplaceNoMatch),
    }
}

fn split(inputs: &[Input], budget: &mut Budget) -> Outcome {
    let source = text(inputs, 0)?;
    let delimiter = text(inputs, 1)?;
    let mut chars = delimiter.chars();
    let (Some(delimiter), None) = (chars.next(), chars.next()) else {
        return unstated(Unstated::SplitDelimiter);
    };
    budget.fits_list(
        source.matches(delimiter).count().saturating_add(1),
        source.len(),
    )?;
    let parts: Vec<String> = source.split(delimiter).map(str::to_owned).collect();
    if parts.iter().any(|part| part.trim() != part) {
        return unstated(Unstated::SplitTrimming);
    }
    if parts.iter().any(String::is_empty) {
        return unstated(Unstated::SplitEmptyParts);
    }
    Ok(Value::List(parts))
}

fn strip_spaces(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    Ok(Value::Text(text(inputs, 0)?.replace(' ', "")))
}

fn switch(inputs: &[Input], _budget: &mut Budget) -> Outcome {
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

fn to_lower(inputs: &[Input], budget: &mut Budget) -> Outcome {
    let source = text(inputs, 0)?;
    if given(inputs, 1) {
        return unstated(Unstated::Culture);
    }
    let mut out = String::with_capacity(source.len());
    let mut rest = source.as_str();
    // The result only grows as it is built: past the room, it will not fit.
    let room = budget.room();
    loop {
        if out.len() > room {
            return Err(budget.exceeded_by(out.len()).into());
        }
        // Runs of ASCII, the common case, are lowered whole: the same answer as Unicode's table.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        if ascii > 0 {
            push_ascii_lowered(&mut out, rest.get(..ascii).unwrap_or_default());
            rest = rest.get(ascii..).unwrap_or_default();
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else {
            break;
        };
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            // Outside the Basic Multilingual Plane .NET sees two surrogates and may not map.
            (Some(l), None) if l == c || u32::from(c) <= 0xFFFF => out.push(l),
            _ => return unstated(Unstated::LowerCase(c)),
        }
        rest = chars.as_str();
    }
    Ok(Value::Text(out))
}

/// Appends `ascii`, lowered.
fn push_ascii_lowered(out: &mut String, ascii: &str) {
    let start = out.len();
    out.push_str(ascii);
    if let Some(run) = out.get_mut(start..) {
        run.make_ascii_lowercase();
    }
}

/// A character's code point as an index.
fn u32_index(c: char) -> usize {
    usize::try_from(u32::from(c)).unwrap_or(usize::MAX)
}

fn word(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    let source = single(value(inputs, 0)?, 1)?;
    let number = number(inputs, 1)?;
    let delimiters = text(inputs, 2)?;
    // Documented: a null string, or a number below 1, gives the empty string.
    let Some(source) = source else {
        return Ok(Value::Text(String::new()));
    };
    if number < 1 {
        return Ok(Value::Text(String::new()));
    }
    if delimiters.is_empty() || delimiters.chars().any(|c| u32::from(c) > 0xFFFF) {
        return unstated(Unstated::WordDelimiters);
    }
    // One bit for each character of the Basic Multilingual Plane (where all the delimiters are,
    // checked above), so that a long list of delimiters costs no more per character than one.
    let mut delimiter_bits = vec![0u64; 0x10000 / 64];
    for c in delimiters.chars() {
        let code = u32_index(c);
        if let Some(bits) = delimiter_bits.get_mut(code / 64) {
            *bits |= 1 << (code % 64);
        }
    }
    let is_delimiter = |c: char| {
        let code = u32_index(c);
        delimiter_bits
            .get(code / 64)
            .is_some_and(|bits| bits & (1 << (code % 64)) != 0)
    };
    let index = usize::try_from(number - 1).unwrap_or(usize::MAX);
    if !source.is_empty() && !source.contains(is_delimiter) {
        return if index == 0 {
            unstated(Unstated::WordNoDelimiter)
        } else {
            Ok(Value::Text(String::new()))
        };
    }
    let counted = source.split(is_delimiter).nth(index).unwrap_or_default();
    let skipped = source
        .split(is_delimiter)
        .filter(|w| !w.is_empty())
        .nth(index)
        .unwrap_or_default();
    if counted != skipped {
        return unstated(Unstated::WordEmptyWords);
    }
    if counted.trim() != counted {
        return unstated(Unstated::WordSpaces);
    }
    Ok(Value::Text(counted.to_owned()))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn eval(text: &str, attributes: &Attributes) -> Result<Value, EvalErrorKind> {
        let expr = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        evaluate(&expr, attributes).map_err(|e| e.kind)
    }

    fn none() -> Attributes {
        Attributes::new()
    }

    fn text_value(text: &str) -> Result<Value, EvalErrorKind> {
        Ok(Value::from(text))
    }

    /// Every input/output pair in the facts file (shared/entra-expressions.md), in its order.
    #[test]
    fn the_documented_pairs() {
        let pairs: Vec<(&str, Attributes, Result<Value, EvalErrorKind>)> = vec![
            (
                r#"Word("The quick brown fox", 3, " ")"#,
                none(),
                text_value("brown"),
            ),
            (
                r#"Word("This,string!has&many separators", 3, ",!&#")"#,
                none(),
                text_value("has"),
            ),
            // NOT REPRODUCED: the reference prints ["PermissionSetOne", "PermissionSetTwo"], but
            // whether Split trims " PermissionSetTwo" is not stated (the facts file says not to
            // rely on it), so this page refuses to guess.
            (
                r#"Split([extensionAttribute5], ",")"#,
                none().with("extensionAttribute5", "PermissionSetOne, PermissionSetTwo"),
                Err(EvalErrorKind::Unstated(Unstated::SplitTrimming)),
            ),
            (
                r#"Item([proxyAddresses], 1)"#,
                none().with(
                    "proxyAddresses",
                    Value::List(vec![
                        "SMTP:john@contoso.com".into(),
                        "smtp:jd@contoso.com".into(),
                    ]),
                ),
                text_value("SMTP:john@contoso.com"),
            ),
            (
                r#"Join(", ", "", [surname], [givenName])"#,
                none().with("surname", "Doe").with("givenName", "John"),
                text_value("Doe, John"),
            ),
            (
                r#"Append([userPrincipalName], ".test")"#,
                none().with("userPrincipalName", "John.Doe@contoso.com"),
                text_value("John.Doe@contoso.com.test"),
            ),
            (r#"Left("John Doe", 3)"#, none(), text_value("Joh")),
            (
                r#"Append(Mid([givenName], 1, 3), Mid([surname], 1, 5))"#,
                none().with("givenName", "John").with("surname", "Doe"),
                text_value("JohDoe"),
            ),
            (
                r#"Replace([mail], "@contoso.com", , , "", , )"#,
                none().with("mail", "john.doe@contoso.com"),
                text_value("john.doe"),
            ),
            (
                r#"Replace([BusinessTitle], "Product Developer", , , "Software Engineer", , )"#,
                none().with("BusinessTitle", "Product Developer"),
                text_value("Software Engineer"),
            ),
            (
                r#"Replace([UserID], "<username>", , , , , "<username>@contoso.com")"#,
                none().with("UserID", "jsmith"),
                text_value("jsmith@contoso.com"),
            ),
            // NOT REPRODUCED: the reference prints 19998887777, but "+" is not in the class
            // [()\s-], so .NET's Regex.Replace keeps it. This page gives what .NET gives.
            (
                r#"Replace([mobile], , "[()\\s-]+", , "", , )"#,
                none().with("mobile", "+1 (999) 888-7777"),
                text_value("+19998887777"),
            ),
            (
                r#"Replace([telephoneNumber], , "\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})", , "${phoneNumber}", , )"#,
                none().with("telephoneNumber", "+91 9998887777"),
                text_value("9998887777"),
            ),
            (
                r#"Replace([userPrincipalName], , "(?<Suffix>@(.)*)", "Suffix", "", , )"#,
                none().with("userPrincipalName", "jsmith@contoso.com"),
                text_value("jsmith"),
            ),
            (
                r#"StripSpaces("John Paul  Smith ")"#,
                none(),
                text_value("JohnPaulSmith"),
            ),
            (
                r#"ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [PreferredFirstName], [PreferredLastName]))), "contoso.com"))"#,
                none()
                    .with("PreferredFirstName", "John")
                    .with("PreferredLastName", "Smith"),
                text_value("john.smith@contoso.com"),
            ),
            (
                r#"NormalizeDiacritics([givenName])"#,
                none().with("givenName", "Zoë"),
                text_value("Zoe"),
            ),
            (
                r#"Coalesce([mail], [userPrincipalName])"#,
                none().with("userPrincipalName", "John.Doe@contoso.com"),
                text_value("John.Doe@contoso.com"),
            ),
            (
                r#"Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney", "QLD", "Australia/Brisbane", "SA", "Australia/Adelaide")"#,
                none().with("state", "QLD"),
                text_value("Australia/Brisbane"),
            ),
            (
                r#"IIF([country]="USA", [country], [department])"#,
                none().with("country", "USA").with("department", "Sales"),
                text_value("USA"),
            ),
            (
                r#"IIF([country]="USA", [country], [department])"#,
                none().with("country", "Norway").with("department", "Sales"),
                text_value("Sales"),
            ),
            (
                r#"InStr("The quick brown fox", "quick")"#,
                none(),
                Ok(Value::Number(5)),
            ),
        ];
        for (text, attributes, expected) in pairs {
            assert_eq!(eval(text, &attributes), expected, "{text}");
        }
    }

    /// More pairs from the reference itself, beyond the facts file.
    #[test]
    fn more_reference_pairs() {
        assert_eq!(
            eval(r#"InStr("repEated", "e", 3, vbBinaryCompare)"#, &none()),
            Ok(Value::Number(7))
        );
        assert_eq!(
            eval(
                r#"Replace([AddressLineData], , "(?<streetNumber>^\\d*)", "streetNumber", "888", , )"#,
                &none().with("AddressLineData", "545 Tremont Street")
            ),
            text_value("888 Tremont Street")
        );
        let attributes = none()
            .with("telephoneNumber", "")
            .with("mobile", "+91 8887779999");
        assert_eq!(
            eval(
                r#"Replace([telephoneNumber], , "\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})", "phoneNumber", , [mobile], )"#,
                &attributes
            ),
            text_value("8887779999")
        );
        assert_eq!(
            eval(
                r#"Replace([mailNickname], , "[a-zA-Z_]*", , "", , )"#,
                &none().with("mailNickname", "john_doe72")
            ),
            text_value("72")
        );
        assert_eq!(
            eval(
                r#"Switch([country], [country], "", "Other")"#,
                &none().with("country", "")
            ),
            text_value("Other")
        );
        assert_eq!(
            eval(r#"Switch([country], [country], "", "Other")"#, &none()),
            text_value("Other")
        );
        assert_eq!(
            eval(
                r#"IIF([country]="USA", IIF([state]="CA", "True", "False"), "False")"#,
                &none().with("country", "USA").with("state", "CA")
            ),
            text_value("True")
        );
        assert_eq!(
            eval(r#"Join("", 1000, "42")"#, &none()),
            text_value("100042")
        );
    }

    #[test]
    fn documented_edge_cases_are_answered() {
        // Left: 0 gives empty, negative gives all, past the end gives all, null gives empty.
        assert_eq!(eval(r#"Left("John", 0)"#, &none()), text_value(""));
        assert_eq!(eval(r#"Left("John", -1)"#, &none()), text_value("John"));
        assert_eq!(eval(r#"Left("John", 10)"#, &none()), text_value("John"));
        assert_eq!(eval(r#"Left([x], 2)"#, &none()), text_value(""));
        // Word: number below 1, null string, too few words all give empty.
        assert_eq!(eval(r#"Word("a b", 0, " ")"#, &none()), text_value(""));
        assert_eq!(eval(r#"Word([x], 1, " ")"#, &none()), text_value(""));
        assert_eq!(eval(r#"Word("a b", 3, " ")"#, &none()), text_value(""));
        // Mid: a length past the end stops at the end.
        assert_eq!(eval(r#"Mid("Doe", 2, 10)"#, &none()), text_value("oe"));
        // Coalesce: all missing gives no value; an empty string is a value.
        assert_eq!(eval(r#"Coalesce([a], [b])"#, &none()), Ok(Value::Null));
        assert_eq!(eval(r#"Coalesce([a], "")"#, &none()), text_value(""));
        // Switch is case-sensitive.
        assert_eq!(
            eval(
                r#"Switch([s], "other", "qld", "x")"#,
                &none().with("s", "QLD")
            ),
            text_value("other")
        );
        // Item counts from 1.
        let list = none().with("p", Value::List(vec!["a".into(), "b".into()]));
        assert_eq!(eval("Item([p], 2)", &list), text_value("b"));
        // Join joins every value of a multi-valued attribute.
        assert_eq!(
            eval(r#"Join("; ", [p], "c")"#, &list),
            text_value("a; b; c")
        );
        // Split gives a list when nothing about it is open.
        assert_eq!(
            eval(r#"Split("a,b", ",")"#, &none()),
            Ok(Value::List(vec!["a".into(), "b".into()]))
        );
    }

    #[test]
    fn word_answers_when_every_reading_agrees() {
        // Empty words come after word 1: counting them or not, word 1 is "a".
        assert_eq!(eval(r#"Word("a,,b", 1, ",")"#, &none()), text_value("a"));
        assert_eq!(
            eval(r#"Word("a,,b", 2, ",")"#, &none()),
            Err(EvalErrorKind::Unstated(Unstated::WordEmptyWords))
        );
        assert_eq!(
            eval(r#"Word(",a", 1, ",")"#, &none()),
            Err(EvalErrorKind::Unstated(Unstated::WordEmptyWords))
        );
        assert_eq!(
            eval(r#"Word("Sales > EMEA", 2, ">")"#, &none()),
            Err(EvalErrorKind::Unstated(Unstated::WordSpaces))
        );
        assert_eq!(
            eval(r#"Word("Sales", 1, ">")"#, &none()),
            Err(EvalErrorKind::Unstated(Unstated::WordNoDelimiter))
        );
        assert_eq!(eval(r#"Word("Sales", 2, ">")"#, &none()), text_value(""));
        assert_eq!(eval(r#"Word("", 1, ">")"#, &none()), text_value(""));
    }

    #[test]
    fn what_the_reference_leaves_open_is_not_guessed() {
        let cases: Vec<(&str, Attributes, Unstated)> = vec![
            (r#"Split("a,,b", ",")"#, none(), Unstated::SplitEmptyParts),
            (r#"Split("a, b", ", ")"#, none(), Unstated::SplitDelimiter),
            (
                r#"Item([p], 1)"#,
                none().with("p", "x"),
                Unstated::ItemSingleValue,
            ),
            (
                r#"Item([p], 0)"#,
                none().with("p", Value::List(vec!["x".into()])),
                Unstated::ItemIndex,
            ),
            (
                r#"Item([p], 2)"#,
                none().with("p", Value::List(vec!["x".into()])),
                Unstated::ItemIndex,
            ),
            (r#"Mid("abc", 0, 1)"#, none(), Unstated::MidStart),
            (r#"Mid("abc", 4, 1)"#, none(), Unstated::MidStart),
            (r#"Mid("abc", 1, -1)"#, none(), Unstated::NegativeLength),
            (r#"Left("😀", 1)"#, none(), Unstated::CutsCharacter),
            (r#"IIF([c]="USA", 1, 2)"#, none(), Unstated::IifEmptyOperand),
            (
                r#"IIF([c]="", 1, 2)"#,
                none().with("c", "x"),
                Unstated::IifEmptyOperand,
            ),
            (
                r#"IIF([c]="USA", 1, 2)"#,
                none().with("c", "usa"),
                Unstated::IifCase,
            ),
            (
                r#"IIF([c]="1", 1, 2)"#,
                none().with("c", "01"),
                Unstated::IifNumberOrText,
            ),
            (
                r#"IIF([c]>"b", 1, 2)"#,
                none().with("c", "a"),
                Unstated::IifOrderingOfText,
            ),
            (r#"IIF("yes", 1, 2)"#, none(), Unstated::IifNotBoolean),
            (r#"InStr("abc", "x")"#, none(), Unstated::InStrNotFound),
            (r#"InStr("abc", "")"#, none(), Unstated::InStrEmpty),
            (r#"InStr("abc", "a", 4)"#, none(), Unstated::InStrStart),
            (
                r#"InStr("abc", "a", 1, vbTextCompare)"#,
                none(),
                Unstated::TextCompare,
            ),
            (
                r#"InStr("abc", "a", 1, "vbBinaryCompare")"#,
                none(),
                Unstated::CompareType,
            ),
            (
                r#"Join(".", [a], "b")"#,
                none(),
                Unstated::JoinNull { index: 2 },
            ),
            (
                r#"Switch([s], , "a", "b")"#,
                none().with("s", "c"),
                Unstated::SwitchNoDefault,
            ),
            (
                r#"Replace([s], "a", , , "b", , "t")"#,
                none().with("s", "a"),
                Unstated::ReplaceForm,
            ),
            (
                r#"Replace([s], "", , , "b", , )"#,
                none().with("s", "a"),
                Unstated::ReplaceEmptyOldValue,
            ),
            (
                r#"Replace([s], "a", , , "b", , )"#,
                none(),
                Unstated::NullArgument { index: 1 },
            ),
            (
                r#"Replace([s], , "(?<g>x)", "h", "y", , )"#,
                none().with("s", "x"),
                Unstated::ReplaceUnknownGroup,
            ),
            (
                r#"Replace([s], , "(?<g>^\\d*)", "g", "888", , )"#,
                none().with("s", "Tremont"),
                Unstated::ReplaceGroupEmpty,
            ),
            (
                r#"Replace([s], , "b(?<g>a)", "g", "o", , )"#,
                none().with("s", "aba"),
                Unstated::ReplaceGroupAmbiguous,
            ),
            (
                r#"Replace([s], , "(?<g>a)", "g", "$1", , )"#,
                none().with("s", "a"),
                Unstated::ReplaceGroupDollar,
            ),
            (
                r#"Replace([s], , "(?<g>\\d+)", "g", , [m], )"#,
                none().with("m", "none"),
                Unstated::ReplaceNoMatch,
            ),
            (r#"ToLower("ABC", "tr-TR")"#, none(), Unstated::Culture),
            (r#"ToLower("İ")"#, none(), Unstated::LowerCase('İ')),
            (
                r#"NormalizeDiacritics("Þór")"#,
                none(),
                Unstated::Diacritic('Þ'),
            ),
            (
                r#"StripSpaces([x])"#,
                none(),
                Unstated::NullArgument { index: 1 },
            ),
        ];
        for (text, attributes, what) in cases {
            assert_eq!(
                eval(text, &attributes),
                Err(EvalErrorKind::Unstated(what)),
                "{text}"
            );
        }
    }

    #[test]
    fn the_group_form_answers_where_both_readings_agree() {
        assert_eq!(
            eval(
                r#"Replace([s], , "b(?<g>a)", "g", "o", , )"#,
                &none().with("s", "cba")
            ),
            text_value("cbo")
        );
    }

    #[test]
    fn misuse_is_reported_at_the_function() {
        let expr = parse(r#"Join(".", Left([givenName]), [surname])"#).unwrap();
        let error = evaluate(&expr, &none()).unwrap_err();
        assert_eq!(error.function.as_deref(), Some("Left"));
        assert_eq!(error.at, Some(10));
        assert_eq!(
            error.kind,
            EvalErrorKind::ArgumentCount {
                min: 2,
                max: Some(2),
                got: 1
            }
        );
        let kinds = [
            (
                "word(\"a\", 1, \" \")",
                EvalErrorKind::UnknownFunction {
                    did_you_mean: Some("Word"),
                },
            ),
            ("Now()", EvalErrorKind::NotEvaluated),
            ("Left(\"a\", \"1\")", EvalErrorKind::NotANumber { index: 2 }),
            ("Left(\"a\", )", EvalErrorKind::MissingArgument { index: 2 }),
            (
                "Append([a]=\"b\", \"c\")",
                EvalErrorKind::ComparisonNotAllowed { index: 1 },
            ),
            (
                "Append(vbBinaryCompare, \"c\")",
                EvalErrorKind::NameNotAllowed { index: 1 },
            ),
            (
                "IIF(x=\"b\", 1, 2)",
                EvalErrorKind::NameNotAllowed { index: 1 },
            ),
            (
                "Switch(\"a\", \"b\", \"c\")",
                EvalErrorKind::ArgumentCount {
                    min: 4,
                    max: None,
                    got: 3,
                },
            ),
            (
                "Switch(\"a\", \"b\", \"c\", \"d\", \"e\")",
                EvalErrorKind::EvenArgumentCount { got: 5 },
            ),
            (
                "Replace(\"a\", , \"(?=a)\", , \"b\", , )",
                EvalErrorKind::Regex(RegexProblem::Unsupported { at: 0 }),
            ),
        ];
        for (text, kind) in kinds {
            assert_eq!(eval(text, &none()), Err(kind), "{text}");
        }
        let list = none().with("p", Value::List(vec!["a".into()]));
        assert_eq!(
            eval("Append([p], \"x\")", &list),
            Err(EvalErrorKind::NotSingle { index: 1 })
        );
    }

    #[test]
    fn every_branch_is_evaluated() {
        assert_eq!(
            eval(r#"IIF("True", "a", Now())"#, &none()),
            Err(EvalErrorKind::NotEvaluated)
        );
    }

    #[test]
    fn the_evaluated_functions_are_all_in_the_reference() {
        for name in EVALUATED_FUNCTIONS {
            assert!(REFERENCE_FUNCTIONS.contains(&name), "{name}");
            assert!(FUNCTIONS.iter().any(|f| f.0 == name), "{name}");
        }
    }

    fn small_value() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<String>().prop_map(Value::Text),
            "[a-c ,>|]{0,8}".prop_map(Value::Text),
            proptest::collection::vec("[a-c ]{0,4}", 0..4).prop_map(Value::List),
        ]
    }

    /// InStr as the reference puts it: the first window of UTF-16 units, from `start`, that is the
    /// needle. Quadratic, and plainly right.
    fn in_str_by_units(haystack: &str, needle: &str, start: usize) -> Option<usize> {
        let haystack: Vec<u16> = haystack.encode_utf16().collect();
        let needle: Vec<u16> = needle.encode_utf16().collect();
        haystack
            .get(start - 1..)?
            .windows(needle.len())
            .position(|window| window == needle.as_slice())
            .map(|k| start + k)
    }

    #[test]
    fn long_texts_are_searched_and_split_in_linear_time() {
        let start = std::time::Instant::now();
        // Every place in the first half nearly matches: the worst case of a naive search.
        let attributes = none()
            .with("h", "a".repeat(1 << 19))
            .with("n", "a".repeat(1 << 18) + "b")
            .with("d", "b".repeat(1 << 18));
        assert_eq!(
            eval("InStr([h], [n])", &attributes),
            Err(EvalErrorKind::Unstated(Unstated::InStrNotFound))
        );
        // Every character is compared with many delimiters.
        assert_eq!(
            eval("Word([h], 1, [d])", &attributes),
            Err(EvalErrorKind::Unstated(Unstated::WordNoDelimiter))
        );
        let took = start.elapsed();
        assert!(took.as_secs() < 5, "{took:?}");
    }

    proptest! {
        #[test]
        fn in_str_counts_utf16_units_as_the_reference_does(
            haystack in "[ab😀é]{1,12}",
            needle in "[ab😀é]{1,3}",
            start in 1usize..20,
        ) {
            let attributes = none().with("h", haystack.as_str()).with("n", needle.as_str());
            let got = eval(&format!("InStr([h], [n], {start})"), &attributes);
            let units = haystack.encode_utf16().count();
            let expected = if start > units {
                Err(EvalErrorKind::Unstated(Unstated::InStrStart))
            } else {
                match in_str_by_units(&haystack, &needle, start) {
                    Some(position) => Ok(Value::Number(i64::try_from(position).unwrap_or(-1))),
                    None => Err(EvalErrorKind::Unstated(Unstated::InStrNotFound)),
                }
            };
            prop_assert_eq!(got, expected);
        }

        #[test]
        fn never_panics_on_any_text(text in any::<String>(), a in small_value()) {
            let _ = run(&text, &Attributes::new().with("a", a));
        }

        #[test]
        fn never_panics_on_calls_of_known_functions(
            name in proptest::sample::select(EVALUATED_FUNCTIONS.to_vec()),
            args in proptest::collection::vec(
                prop_oneof![
                    Just("[a]".to_owned()),
                    Just(String::new()),
                    Just("vbBinaryCompare".to_owned()),
                    (-3i64..12).prop_map(|n| n.to_string()),
                    "[a-c ,>|$\\\\(){}?*+^.\\[\\]-]{0,8}".prop_map(|s| Expr::Text(s).to_string()),
                    Just(r#"[a]="b""#.to_owned()),
                ],
                0..8,
            ),
            a in small_value(),
        ) {
            let text = format!("{name}({})", args.join(", "));
            let _ = run(&text, &Attributes::new().with("a", a));
        }
    }
}
