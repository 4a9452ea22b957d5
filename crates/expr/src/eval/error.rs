//! Why an evaluation gave no value: [`EvalError`] with its [`EvalErrorKind`], and [`Unstated`]
//! for what the reference leaves open. Plain data: the words for each, in every language, are in
//! the core crate's `i18n::expr`.

use crate::budget::{Exceeded, Limit};
use crate::parser::ParseError;
use crate::regex::{MatchError, RegexProblem};

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
    /// The function's value depends on the directory or the target application (which values
    /// are taken already, the user's app role assignments), which this page does not have.
    NeedsDirectory,
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
    /// The evaluation needs more than one of its [`Limits`](crate::Limits) allows.
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
    /// Split's delimiter is not exactly one character of the Basic Multilingual Plane (one
    /// UTF-16 unit, a .NET `char`).
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
    /// How ToUpper (invariant culture) raises this character is not certain here.
    UpperCase(char),
    /// PCase's result for this character (its Unicode category, or its case in .NET's
    /// invariant culture) is not certain here.
    TitleCase(char),
    /// IgnoreFlowIfNullOrEmpty's result is used inside another function, where the reference
    /// does not say what leaving the attribute out of the flow does.
    IgnoreFlowNested,
    /// IIF's condition reads an attribute that is empty or missing, such as
    /// `IIF(IsPresent([country]), …)`: the reference says the condition check then fails, not
    /// what that gives.
    IifEmptyAttribute,
    /// Switch's source is IsPresent, IsNull or IsNullOrEmpty, which the reference's caution
    /// under Switch says not to use there.
    SwitchSourceTest,
    /// A text other than `True` or `False` where a boolean is read.
    NotBoolean,
    /// IsString of a value that is not text (a number, a date, no value, several values),
    /// whose type in Entra the reference does not give.
    IsStringType,
    /// The value is not multi-valued, and the reference describes the function only for
    /// multi-valued attributes.
    NotMultiValued,
    /// Two values differ only in upper and lower case, and the reference does not say whether
    /// RemoveDuplicates tells them apart.
    DuplicatesCase,
    /// RandomString's lengths are negative, over 256, or ask for more than the length, or
    /// CharactersToAvoid leaves a required kind of character with none.
    RandomStringLengths,
    /// The text is not a date in a form read here: `yyyy-MM-dd`, with a time `THH:mm:ss` (or a
    /// space for the `T`) and `Z` or an offset `±HH:mm`.
    DateText,
    /// The date has no time zone, and the reference does not say which one it is read in.
    DateZone,
    /// The argument is not a date: text must go through CDate first.
    NotADate {
        /// Which argument.
        index: usize,
    },
    /// The date would be before 0001-01-01 or after 9999-12-31 (or, for NumFromDate, before
    /// 1601), where .NET throws.
    DateRange,
    /// DateAdd's and DateDiff's interval is none of the reference's: yyyy, m, d, ww, h, n, s.
    DateInterval,
    /// .NET versions round this difference differently (`TimeSpan.TotalDays` and the like
    /// multiply by a rounded reciprocal in older ones and divide in newer ones).
    DateDiffRounding,
    /// FormatDateTime's dateTimeStyles, whose written form the reference does not give.
    DateTimeStyles,
    /// The date format uses something read or written differently depending on the server:
    /// this character (a time zone `z` or `K`, a two-digit year, names of months or days when
    /// reading, a date without year, month or day when reading, `g`, `F`, `%`) or a
    /// one-character standard format.
    DateFormat(char),
    /// The value does not match FormatDateTime's inputFormat, where .NET's ParseExact throws.
    DateNoMatch,
}

/// A parse error or an evaluation error: what [`run`](crate::run) can fail with.
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

/// The result of a function for input the reference leaves open.
pub(super) fn unstated<T>(what: Unstated) -> Result<T, EvalErrorKind> {
    Err(EvalErrorKind::Unstated(what))
}
