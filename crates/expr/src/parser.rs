//! The expression language itself: the syntax tree, the parser and the printer.
//!
//! The grammar is the one Microsoft's reference describes, and nothing more:
//!
//! ```text
//! expression := call
//! call       := name "(" [ argument { "," argument } ] ")"
//! argument   := (nothing) | operand [ operator operand ]
//! operand    := call | "[" attribute "]" | string | number | name
//! operator   := "=" | "<>" | ">" | ">=" | "<" | "<="
//! string     := '"' { any character but '"' and '\' | '\"' | '\\' } '"'
//! number     := [ "-" ] digit { digit } | "&H" hexdigit { hexdigit }
//! name       := letter-or-underscore { letter-or-digit-or-underscore }
//! ```
//!
//! Spaces, tabs and line breaks may stand between any two tokens. A bare `name` that is not
//! followed by `(` is kept as such: the reference uses one as InStr's compare type
//! (`vbBinaryCompare`). Comparisons may only stand directly as an argument, which is where the
//! reference puts them (`IIF([country]="USA", …)`). `&H` numbers are Visual Basic's
//! hexadecimal constants, which the reference's BitAnd example uses (`BitAnd(&HF, &HF7)`); they
//! are read up to `&H7FFFFFFF`, where Visual Basic's readings (a negative Integer or a Long)
//! part, and printed in decimal.
//!
//! Printing ([`Expr`]'s `Display`) gives canonical text: one space after each comma, none around
//! a comparison operator, strings escaped exactly as the reference asks. Parsing the printed text
//! gives back the same tree, as long as it is no longer than [`MAX_EXPRESSION_CHARS`] (printing
//! can lengthen a text: `F(,,)` prints as `F(, , )`).

use std::collections::BTreeSet;
use std::fmt;

/// How deeply calls may nest inside each other. Deeper text is refused with
/// [`ParseErrorKind::TooDeep`] rather than risking the browser's stack.
pub const MAX_NESTING: usize = 64;

/// The longest expression parsed, in characters. Longer text is refused with
/// [`ParseErrorKind::TooLong`] before any of it is read: Entra's own expressions are a few hundred
/// characters, and every call and argument in the text is work for the evaluator, so this bounds
/// an evaluation's calls and arguments (each takes at least one character) well below
/// [`Limits::DEFAULT`](super::Limits::DEFAULT)'s steps.
///
/// ```
/// use scim_token_expr::{parse, ParseErrorKind, MAX_EXPRESSION_CHARS};
///
/// let long = format!("Join(\",\"{})", ", 1".repeat(MAX_EXPRESSION_CHARS / 3));
/// let error = parse(&long).unwrap_err();
/// assert_eq!(error.kind, ParseErrorKind::TooLong { chars: long.chars().count() });
/// assert_eq!(error.at, MAX_EXPRESSION_CHARS);
/// ```
pub const MAX_EXPRESSION_CHARS: usize = 20_000;

/// An expression, or one operand inside one.
///
/// ```
/// use scim_token_expr::{parse, Expr};
///
/// let expr = parse(r#"Append([userPrincipalName], ".test")"#).unwrap();
/// assert!(matches!(expr, Expr::Call(_)));
/// assert_eq!(expr.to_string(), r#"Append([userPrincipalName], ".test")"#);
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Expr {
    /// A function call, `Name(arg, …)`.
    Call(Call),
    /// An attribute of the source object, `[department]`. Holds the name without brackets.
    Attribute(String),
    /// A string constant. Holds the value, with the escapes already removed.
    Text(String),
    /// A whole number, `3` or `-10`.
    Number(i64),
    /// A bare name that is not called, such as `vbBinaryCompare`.
    Name(String),
}

/// A function call.
///
/// ```
/// use scim_token_expr::{parse, Arg, Expr};
///
/// let Expr::Call(call) = parse("Left(\"John Doe\", 3)").unwrap() else { unreachable!() };
/// assert_eq!(call.name, "Left");
/// assert_eq!(call.args[1], Arg::Value(Expr::Number(3)));
/// assert_eq!(call.at, Some(0));
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Call {
    /// The function's name, exactly as written (names are case-sensitive).
    pub name: String,
    /// The arguments in order, including left-out optional ones.
    pub args: Vec<Arg>,
    /// Where the name starts in the parsed text, in characters from 0; `None` for a tree that was
    /// built rather than parsed. Evaluation errors point here.
    pub at: Option<usize>,
}

/// One argument of a call.
///
/// ```
/// use scim_token_expr::{parse, Arg, Expr};
///
/// let Expr::Call(call) = parse(r#"Replace([mail], "@contoso.com", , , "", , )"#).unwrap() else {
///     unreachable!()
/// };
/// assert_eq!(call.args.len(), 7);
/// assert_eq!(call.args[2], Arg::Omitted);
/// assert_eq!(call.args[4], Arg::Value(Expr::Text(String::new())));
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Arg {
    /// An ordinary value.
    Value(Expr),
    /// A comparison, as IIF's condition.
    Compare(Comparison),
    /// An optional argument left out, as in `Replace(x, , "pattern", , "", , )`.
    Omitted,
}

/// `left op right`, such as `[country]="USA"`.
///
/// ```
/// use scim_token_expr::{Arg, CompareOp, Comparison, Expr};
///
/// let condition = Arg::Compare(Comparison {
///     left: Expr::Attribute("country".into()),
///     op: CompareOp::Eq,
///     right: Expr::Text("USA".into()),
/// });
/// assert_eq!(condition.to_string(), r#"[country]="USA""#);
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Comparison {
    /// The operand before the operator.
    pub left: Expr,
    /// The operator.
    pub op: CompareOp,
    /// The operand after the operator.
    pub right: Expr,
}

/// The comparison operators the reference lists for IIF.
///
/// ```
/// use scim_token_expr::CompareOp;
/// assert_eq!(CompareOp::Ne.symbol(), "<>");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CompareOp {
    /// `=`
    Eq,
    /// `<>`
    Ne,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `<`
    Lt,
    /// `<=`
    Le,
}

impl CompareOp {
    /// Every operator.
    pub const ALL: [CompareOp; 6] = [
        CompareOp::Eq,
        CompareOp::Ne,
        CompareOp::Gt,
        CompareOp::Ge,
        CompareOp::Lt,
        CompareOp::Le,
    ];

    /// How the operator is written.
    ///
    /// ```
    /// use scim_token_expr::CompareOp;
    /// assert_eq!(CompareOp::Ge.symbol(), ">=");
    /// ```
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Eq => "=",
            CompareOp::Ne => "<>",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
        }
    }
}

impl Expr {
    /// A call with no position, for building expressions in code.
    ///
    /// ```
    /// use scim_token_expr::{Arg, Expr};
    ///
    /// let expr = Expr::call("ToLower", vec![Arg::Value(Expr::Attribute("mail".into()))]);
    /// assert_eq!(expr.to_string(), "ToLower([mail])");
    /// ```
    pub fn call(name: &str, args: Vec<Arg>) -> Expr {
        Expr::Call(Call {
            name: name.to_owned(),
            args,
            at: None,
        })
    }

    /// The same tree with every [`Call::at`] cleared, so a parsed tree can be compared with a
    /// built one.
    ///
    /// ```
    /// use scim_token_expr::{parse, Arg, Expr};
    ///
    /// let parsed = parse("ToLower([mail])").unwrap();
    /// let built = Expr::call("ToLower", vec![Arg::Value(Expr::Attribute("mail".into()))]);
    /// assert_ne!(parsed, built);
    /// assert_eq!(parsed.without_positions(), built);
    /// ```
    pub fn without_positions(&self) -> Expr {
        match self {
            Expr::Call(call) => Expr::Call(Call {
                name: call.name.clone(),
                args: call.args.iter().map(Arg::without_positions).collect(),
                at: None,
            }),
            other => other.clone(),
        }
    }
}

impl Expr {
    /// The attributes the expression reads, each once, in the order they first appear: what the
    /// playground asks values for.
    ///
    /// ```
    /// use scim_token_expr::parse;
    ///
    /// let expr = parse(r#"IIF([country]="USA", [country], Coalesce([department], [company]))"#)
    ///     .unwrap();
    /// assert_eq!(expr.attribute_names(), ["country", "department", "company"]);
    /// ```
    pub fn attribute_names(&self) -> Vec<&str> {
        let mut names = Vec::new();
        // A set beside the list, so that thousands of names are not each compared with all.
        self.collect_attributes(&mut names, &mut BTreeSet::new());
        names
    }

    /// Whether the expression calls any of `names`, anywhere in it: the playground says so
    /// when it calls a function whose value changes every run.
    ///
    /// ```
    /// use scim_token_expr::parse;
    ///
    /// let expr = parse(r#"Join("-", [a], Redact(Guid()))"#).unwrap();
    /// assert!(expr.calls_any(&["Guid"]));
    /// assert!(!expr.calls_any(&["Now"]));
    /// ```
    pub fn calls_any(&self, names: &[&str]) -> bool {
        let Expr::Call(call) = self else {
            return false;
        };
        names.contains(&call.name.as_str())
            || call.args.iter().any(|arg| match arg {
                Arg::Value(expr) => expr.calls_any(names),
                Arg::Compare(c) => c.left.calls_any(names) || c.right.calls_any(names),
                Arg::Omitted => false,
            })
    }

    fn collect_attributes<'a>(&'a self, names: &mut Vec<&'a str>, seen: &mut BTreeSet<&'a str>) {
        match self {
            Expr::Attribute(name) => {
                if seen.insert(name) {
                    names.push(name);
                }
            }
            Expr::Call(call) => {
                for arg in &call.args {
                    match arg {
                        Arg::Value(expr) => expr.collect_attributes(names, seen),
                        Arg::Compare(c) => {
                            c.left.collect_attributes(names, seen);
                            c.right.collect_attributes(names, seen);
                        }
                        Arg::Omitted => {}
                    }
                }
            }
            Expr::Text(_) | Expr::Number(_) | Expr::Name(_) => {}
        }
    }
}

impl Arg {
    /// The same argument with every call position cleared; see [`Expr::without_positions`].
    ///
    /// ```
    /// use scim_token_expr::Arg;
    /// assert_eq!(Arg::Omitted.without_positions(), Arg::Omitted);
    /// ```
    pub fn without_positions(&self) -> Arg {
        match self {
            Arg::Value(expr) => Arg::Value(expr.without_positions()),
            Arg::Compare(c) => Arg::Compare(Comparison {
                left: c.left.without_positions(),
                op: c.op,
                right: c.right.without_positions(),
            }),
            Arg::Omitted => Arg::Omitted,
        }
    }
}

/// Why a text is not an expression, and where.
///
/// `at` counts characters (Unicode scalar values) from 0; messages show it counted from 1. The
/// message in each language comes from `scim_token_core::i18n::expr` (the core crate).
///
/// ```
/// use scim_token_expr::{parse, ParseErrorKind};
///
/// let error = parse(r#"Word("abc", 3 " ")"#).unwrap_err();
/// assert_eq!(error.at, 14);
/// assert_eq!(error.found, Some('"'));
/// assert_eq!(error.kind, ParseErrorKind::ExpectedCommaOrClose);
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ParseError {
    /// Where the problem is, in characters from 0.
    pub at: usize,
    /// The character found there, or `None` at the end of the text.
    pub found: Option<char>,
    /// What was expected instead.
    pub kind: ParseErrorKind,
}

/// What the parser expected and did not find.
///
/// ```
/// use scim_token_expr::{parse, ParseErrorKind};
/// assert_eq!(parse("   ").unwrap_err().kind, ParseErrorKind::Empty);
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum ParseErrorKind {
    /// There is no expression at all.
    Empty,
    /// The whole expression must be a function call, `Name(…)`.
    ExpectedCall,
    /// An argument (attribute, string, number, call or name) was expected here.
    ExpectedArgument,
    /// After an argument, a `,` or the closing `)` was expected.
    ExpectedCommaOrClose,
    /// After a comparison operator, a value was expected.
    ExpectedOperand,
    /// The text ended inside the call whose `(` is at `opened_at`.
    UnclosedCall {
        /// The called function.
        name: String,
        /// Where its `(` is.
        opened_at: usize,
    },
    /// The string constant starting here has no closing `"`.
    UnclosedString,
    /// A backslash in a string constant must be followed by `"` or `\`.
    UnknownEscape,
    /// The attribute starting here has no closing `]`.
    UnclosedAttribute,
    /// `[]` names no attribute.
    EmptyAttribute,
    /// This character cannot be part of an attribute name.
    AttributeCharacter,
    /// The number does not fit in 64 bits.
    NumberTooLarge,
    /// A `-` must be followed by digits.
    ExpectedDigit,
    /// An `&` must be followed by `H` and hexadecimal digits.
    ExpectedHexDigit,
    /// Something follows the complete expression.
    TrailingText,
    /// Calls nest deeper than [`MAX_NESTING`].
    TooDeep,
    /// The text is longer than [`MAX_EXPRESSION_CHARS`]; the error is placed at the first
    /// character past it.
    TooLong {
        /// How many characters the text has.
        chars: usize,
    },
}

/// Parses expression text.
///
/// ```
/// use scim_token_expr::parse;
///
/// let text = r#"IIF([country]="USA", [country], [department])"#;
/// assert_eq!(parse(text).unwrap().to_string(), text);
/// assert!(parse("IIF(").is_err());
/// ```
pub fn parse(text: &str) -> Result<Expr, ParseError> {
    // No more characters than bytes: only a text with more bytes than the limit needs counting.
    if text.len() > MAX_EXPRESSION_CHARS {
        let chars = text.chars().count();
        if chars > MAX_EXPRESSION_CHARS {
            return Err(ParseError {
                at: MAX_EXPRESSION_CHARS,
                found: text.chars().nth(MAX_EXPRESSION_CHARS),
                kind: ParseErrorKind::TooLong { chars },
            });
        }
    }
    let mut parser = Parser {
        chars: text.chars().collect(),
        pos: 0,
    };
    parser.skip_space();
    let start = parser.pos;
    if parser.peek().is_none() {
        return Err(parser.error(start, ParseErrorKind::Empty));
    }
    let expr = parser.operand(0)?;
    if !matches!(expr, Expr::Call(_)) {
        return Err(parser.error(start, ParseErrorKind::ExpectedCall));
    }
    parser.skip_space();
    if parser.peek().is_some() {
        return Err(parser.error(parser.pos, ParseErrorKind::TrailingText));
    }
    Ok(expr)
}

/// Whether `name` can be written as a function name or a bare name: a letter or `_`, then
/// letters, digits and `_`, all ASCII.
///
/// ```
/// use scim_token_expr::is_name;
/// assert!(is_name("NormalizeDiacritics"));
/// assert!(!is_name("2fast"));
/// ```
pub fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Whether `c` may stand inside `[…]`. The reference does not say which names are valid; no Entra
/// attribute name holds brackets, quotes, commas, parentheses or control characters, and refusing
/// them lets a forgotten `]` be reported where it was forgotten.
///
/// ```
/// use scim_token_expr::is_attribute_char;
/// assert!(is_attribute_char('e'));
/// assert!(is_attribute_char(' '));
/// assert!(!is_attribute_char(']'));
/// assert!(!is_attribute_char(','));
/// ```
pub fn is_attribute_char(c: char) -> bool {
    !matches!(c, '[' | ']' | '"' | ',' | '(' | ')') && !c.is_control()
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn error(&self, at: usize, kind: ParseErrorKind) -> ParseError {
        ParseError {
            at,
            found: self.chars.get(at).copied(),
            kind,
        }
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn operand(&mut self, depth: usize) -> Result<Expr, ParseError> {
        match self.peek() {
            Some('[') => self.attribute(),
            Some('"') => self.string(),
            Some(c) if c == '-' || c.is_ascii_digit() => self.number(),
            Some('&') => self.hex_number(),
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {
                let at = self.pos;
                let name = self.name();
                if self.peek() == Some('(') {
                    self.call(name, at, depth).map(Expr::Call)
                } else {
                    Ok(Expr::Name(name))
                }
            }
            _ => Err(self.error(self.pos, ParseErrorKind::ExpectedArgument)),
        }
    }

    fn name(&mut self) -> String {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            self.pos += 1;
        }
        self.chars[start..self.pos].iter().collect()
    }

    /// Parses from the `(` after a function name.
    fn call(&mut self, name: String, at: usize, depth: usize) -> Result<Call, ParseError> {
        if depth >= MAX_NESTING {
            return Err(self.error(at, ParseErrorKind::TooDeep));
        }
        let opened_at = self.pos;
        self.pos += 1; // the '('
        let mut args = Vec::new();
        self.skip_space();
        if self.peek() == Some(')') {
            self.pos += 1;
            return Ok(Call {
                name,
                args,
                at: Some(at),
            });
        }
        loop {
            self.skip_space();
            let arg = match self.peek() {
                Some(',') | Some(')') => Arg::Omitted,
                None => {
                    return Err(
                        self.error(self.pos, ParseErrorKind::UnclosedCall { name, opened_at })
                    )
                }
                Some(_) => self.argument(depth + 1)?,
            };
            args.push(arg);
            self.skip_space();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some(')') => {
                    self.pos += 1;
                    return Ok(Call {
                        name,
                        args,
                        at: Some(at),
                    });
                }
                None => {
                    return Err(
                        self.error(self.pos, ParseErrorKind::UnclosedCall { name, opened_at })
                    )
                }
                Some(_) => return Err(self.error(self.pos, ParseErrorKind::ExpectedCommaOrClose)),
            }
        }
    }

    fn argument(&mut self, depth: usize) -> Result<Arg, ParseError> {
        let left = self.operand(depth)?;
        self.skip_space();
        let Some(op) = self.operator() else {
            return Ok(Arg::Value(left));
        };
        self.skip_space();
        let right = match self.peek() {
            Some(',') | Some(')') | None => {
                return Err(self.error(self.pos, ParseErrorKind::ExpectedOperand))
            }
            Some(_) => self.operand(depth)?,
        };
        Ok(Arg::Compare(Comparison { left, op, right }))
    }

    /// Consumes a comparison operator if one starts here.
    fn operator(&mut self) -> Option<CompareOp> {
        let next = self.chars.get(self.pos + 1).copied();
        let (op, len) = match (self.peek()?, next) {
            ('=', _) => (CompareOp::Eq, 1),
            ('<', Some('>')) => (CompareOp::Ne, 2),
            ('<', Some('=')) => (CompareOp::Le, 2),
            ('<', _) => (CompareOp::Lt, 1),
            ('>', Some('=')) => (CompareOp::Ge, 2),
            ('>', _) => (CompareOp::Gt, 1),
            _ => return None,
        };
        self.pos += len;
        Some(op)
    }

    fn attribute(&mut self) -> Result<Expr, ParseError> {
        let opened_at = self.pos;
        self.pos += 1; // the '['
        let start = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.error(opened_at, ParseErrorKind::UnclosedAttribute)),
                Some(']') => break,
                Some(c) if is_attribute_char(c) => self.pos += 1,
                Some(_) => return Err(self.error(self.pos, ParseErrorKind::AttributeCharacter)),
            }
        }
        if self.pos == start {
            return Err(self.error(opened_at, ParseErrorKind::EmptyAttribute));
        }
        let name = self.chars[start..self.pos].iter().collect();
        self.pos += 1; // the ']'
        Ok(Expr::Attribute(name))
    }

    fn string(&mut self) -> Result<Expr, ParseError> {
        let opened_at = self.pos;
        self.pos += 1; // the opening '"'
        let mut value = String::new();
        loop {
            match self.peek() {
                None => return Err(self.error(opened_at, ParseErrorKind::UnclosedString)),
                Some('"') => {
                    self.pos += 1;
                    return Ok(Expr::Text(value));
                }
                Some('\\') => match self.chars.get(self.pos + 1) {
                    Some(&c) if c == '"' || c == '\\' => {
                        value.push(c);
                        self.pos += 2;
                    }
                    None => return Err(self.error(opened_at, ParseErrorKind::UnclosedString)),
                    Some(_) => return Err(self.error(self.pos, ParseErrorKind::UnknownEscape)),
                },
                Some(c) => {
                    value.push(c);
                    self.pos += 1;
                }
            }
        }
    }

    fn number(&mut self) -> Result<Expr, ParseError> {
        let start = self.pos;
        if self.peek() == Some('-') {
            self.pos += 1;
            if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                return Err(self.error(self.pos, ParseErrorKind::ExpectedDigit));
            }
        }
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        let digits: String = self.chars[start..self.pos].iter().collect();
        digits
            .parse::<i64>()
            .map(Expr::Number)
            .map_err(|_| self.error(start, ParseErrorKind::NumberTooLarge))
    }
}

impl Parser {
    /// Parses `&H` and hexadecimal digits, up to `&H7FFFFFFF`.
    fn hex_number(&mut self) -> Result<Expr, ParseError> {
        let start = self.pos;
        self.pos += 1; // the '&'
        if self.peek() != Some('H') {
            return Err(self.error(self.pos, ParseErrorKind::ExpectedHexDigit));
        }
        self.pos += 1;
        let digits_at = self.pos;
        let mut value: i64 = 0;
        while let Some(digit) = self.peek().and_then(|c| c.to_digit(16)) {
            value = value.saturating_mul(16).saturating_add(i64::from(digit));
            self.pos += 1;
        }
        if self.pos == digits_at {
            return Err(self.error(self.pos, ParseErrorKind::ExpectedHexDigit));
        }
        if value > i64::from(i32::MAX) {
            return Err(self.error(start, ParseErrorKind::NumberTooLarge));
        }
        Ok(Expr::Number(value))
    }
}

/// Writes a string constant with the reference's escapes: `\` as `\\`, `"` as `\"`.
fn write_string(f: &mut fmt::Formatter<'_>, value: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in value.chars() {
        match c {
            '\\' => f.write_str("\\\\")?,
            '"' => f.write_str("\\\"")?,
            c => write!(f, "{c}")?,
        }
    }
    f.write_str("\"")
}

impl fmt::Display for Expr {
    /// Canonical text. A tree built in code prints as valid text when its names pass
    /// [`is_name`], its attribute names are non-empty and pass [`is_attribute_char`], and no call
    /// has a lone [`Arg::Omitted`] as its only argument (that prints as no argument at all).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Call(call) => call.fmt(f),
            Expr::Attribute(name) => write!(f, "[{name}]"),
            Expr::Text(value) => write_string(f, value),
            Expr::Number(n) => write!(f, "{n}"),
            Expr::Name(name) => f.write_str(name),
        }
    }
}

impl fmt::Display for Call {
    /// `Name(arg, arg, …)`, with one space after each comma and nothing for a left-out argument.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}(", self.name)?;
        for (i, arg) in self.args.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            arg.fmt(f)?;
        }
        f.write_str(")")
    }
}

impl fmt::Display for Arg {
    /// The value, the comparison without spaces around the operator, or nothing.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Value(expr) => expr.fmt(f),
            Arg::Compare(c) => write!(f, "{}{}{}", c.left, c.op.symbol(), c.right),
            Arg::Omitted => Ok(()),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
