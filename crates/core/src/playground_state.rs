//! The state of «Try an expression»: the expression and the values typed for the attributes it
//! reads, what it gives on them ([`PlaygroundState::outcome`]), and the marker under a parse
//! error's position ([`ErrorMarker`]).
//!
//! Like «Map organisation levels», it holds no secret and keeps apart
//! from the widget's [`crate::state::State`]; every change is a [`PlaygroundAction`] applied by
//! one `apply`, and the result is computed from the state, never stored beside it.

use crate::expr::{
    parse, DateTime, EvalError, Expr, Limits, ParseError, Value, CHANGING_FUNCTIONS,
};
use crate::state::Apply;

/// One line of an expression with the character at an error's position singled out, for
/// showing the expression with a marker under that position.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
pub struct ErrorMarker {
    /// The line before the position (shortened at the start with «…» if long).
    pub before: String,
    /// The character at the position, or a space at the end of the line or text.
    pub at: String,
    /// The rest of the line (shortened at the end with «…» if long).
    pub after: String,
    /// White space as wide as `before` in a monospace font (tabs kept as tabs), to put a caret
    /// under `at` on the next line.
    pub indent: String,
}

/// How many characters of the line the marker keeps on each side of the position.
const MARKER_CONTEXT: usize = 40;

impl ErrorMarker {
    /// The marker for position `at` (in characters from 0, as errors give it) in `text`.
    ///
    /// ```
    /// use scim_token_core::playground_state::ErrorMarker;
    ///
    /// let marker = ErrorMarker::new("Left(\"a\"\n  3 x)", 13);
    /// assert_eq!((marker.before.as_str(), marker.at.as_str(), marker.after.as_str()), ("  3 ", "x", ")"));
    /// assert_eq!(marker.indent, "    ");
    /// assert_eq!(ErrorMarker::new("Left(", 5).at, " ");
    /// ```
    pub fn new(text: &str, at: usize) -> ErrorMarker {
        let chars: Vec<char> = text.chars().collect();
        let at = at.min(chars.len());
        let is_break = |c: &char| matches!(c, '\n' | '\r');
        let start = chars[..at].iter().rposition(is_break).map_or(0, |i| i + 1);
        let end = chars[at..]
            .iter()
            .position(is_break)
            .map_or(chars.len(), |i| at + i);
        let before: String = if at - start > MARKER_CONTEXT {
            std::iter::once('…')
                .chain(chars[at - MARKER_CONTEXT..at].iter().copied())
                .collect()
        } else {
            chars[start..at].iter().collect()
        };
        let (marked, rest) = if at < end {
            (chars[at].to_string(), at + 1)
        } else {
            (" ".to_owned(), end)
        };
        let mut after: String = chars[rest..end.min(rest + MARKER_CONTEXT)].iter().collect();
        if end > rest + MARKER_CONTEXT {
            after.push('…');
        }
        let indent = before
            .chars()
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        ErrorMarker {
            before,
            at: marked,
            after,
            indent,
        }
    }
}

/// What the admin typed in «Try an expression».
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct PlaygroundState {
    /// The expression's text.
    pub expression: String,
    /// The text typed for each attribute, sorted by name (a sorted vector: the map's code would
    /// weigh more in the wasm than the few names ever typed). Kept when the expression stops
    /// reading an attribute, so editing the expression does not lose it.
    pub values: Vec<(String, String)>,
}

/// A change to [`PlaygroundState`].
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum PlaygroundAction {
    /// The expression's new text.
    SetExpression(String),
    /// The new text for the attribute of this name.
    SetValue(String, String),
}

/// What the playground shows for the expression typed.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum PlaygroundOutcome {
    /// Nothing typed yet.
    Empty,
    /// The text is not an expression.
    NotParsed(ParseError),
    /// The expression, the attributes it reads (each once, in order) and its result on the
    /// values typed for them.
    Evaluated {
        /// The attributes the expression reads.
        attributes: Vec<String>,
        /// The result, or why it cannot be told.
        result: Result<Value, EvalError>,
        /// Whether the expression calls Now, Guid or RandomString, whose value changes every
        /// run: the result is an example.
        changes_every_run: bool,
    },
}

/// An attribute's value from its box: empty is no value, one line a single value, several lines
/// a multi-valued attribute.
///
/// ```
/// use scim_token_core::expr::Value;
/// use scim_token_core::playground_state::attribute_value;
///
/// assert_eq!(attribute_value(""), Value::Null);
/// assert_eq!(attribute_value("Sales\n"), Value::from("Sales"));
/// assert_eq!(attribute_value("a\r\nb"), Value::List(vec!["a".into(), "b".into()]));
/// ```
pub fn attribute_value(text: &str) -> Value {
    let lines: Vec<&str> = text.lines().collect();
    match lines.as_slice() {
        [] => Value::Null,
        [line] => Value::from(*line),
        lines => Value::List(lines.iter().map(|line| (*line).to_owned()).collect()),
    }
}

impl PlaygroundState {
    /// Applies one change.
    ///
    /// ```
    /// use scim_token_core::playground_state::{PlaygroundAction, PlaygroundState};
    ///
    /// let mut state = PlaygroundState::default();
    /// state.apply(PlaygroundAction::SetValue("mail".into(), "a@contoso.com".into()));
    /// assert_eq!(state.value("mail"), "a@contoso.com");
    /// ```
    pub fn apply(&mut self, action: PlaygroundAction) {
        match action {
            PlaygroundAction::SetExpression(text) => self.expression = text,
            PlaygroundAction::SetValue(name, text) => match (self.find(&name), text.is_empty()) {
                (Ok(at), true) => {
                    self.values.remove(at);
                }
                (Ok(at), false) => self.values[at].1 = text,
                (Err(at), false) => self.values.insert(at, (name, text)),
                (Err(_), true) => {}
            },
        }
    }

    /// The text typed for the attribute `name`.
    pub fn value(&self, name: &str) -> &str {
        self.find(name).map_or("", |at| self.values[at].1.as_str())
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.values
            .binary_search_by(|(other, _)| other.as_str().cmp(name))
    }

    /// Parses the expression and evaluates it on the typed values.
    ///
    /// ```
    /// use scim_token_core::expr::Value;
    /// use scim_token_core::playground_state::{PlaygroundAction, PlaygroundOutcome, PlaygroundState};
    ///
    /// let mut state = PlaygroundState::default();
    /// state.apply(PlaygroundAction::SetExpression("ToLower([mail])".into()));
    /// state.apply(PlaygroundAction::SetValue("mail".into(), "A@Contoso.com".into()));
    /// assert_eq!(
    ///     state.outcome(),
    ///     PlaygroundOutcome::Evaluated {
    ///         attributes: vec!["mail".into()],
    ///         result: Ok(Value::from("a@contoso.com")),
    ///         changes_every_run: false,
    ///     }
    /// );
    /// ```
    pub fn outcome(&self) -> PlaygroundOutcome {
        self.outcome_at(None)
    }

    /// [`PlaygroundState::outcome`] with Now() at the moment `now` (`None`: the reference's
    /// example moment, as [`crate::expr::run`] takes).
    pub fn outcome_at(&self, now: Option<DateTime>) -> PlaygroundOutcome {
        if self.expression.trim().is_empty() {
            return PlaygroundOutcome::Empty;
        }
        let expr: Expr = match parse(&self.expression) {
            Ok(expr) => expr,
            Err(error) => return PlaygroundOutcome::NotParsed(error),
        };
        let attributes: Vec<String> = expr
            .attribute_names()
            .into_iter()
            .map(str::to_owned)
            .collect();
        let mut values = crate::expr::Attributes::new();
        for name in &attributes {
            values.set(name, attribute_value(self.value(name)));
        }
        let result = match now {
            Some(now) => crate::expr::evaluate_at(&expr, &values, &Limits::DEFAULT, now),
            None => crate::expr::evaluate(&expr, &values),
        };
        PlaygroundOutcome::Evaluated {
            changes_every_run: result.is_ok() && expr.calls_any(&CHANGING_FUNCTIONS),
            result,
            attributes,
        }
    }
}

impl Apply for PlaygroundState {
    type Action = PlaygroundAction;
    fn apply(&mut self, action: PlaygroundAction) {
        PlaygroundState::apply(self, action);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::expr::{EvalErrorKind, ParseErrorKind};

    #[test]
    fn the_marker_points_at_the_error_on_its_own_line() {
        let text = "Join(\", \",\r\n\t[a] [b])";
        let error = parse(text).unwrap_err();
        let marker = ErrorMarker::new(text, error.at);
        assert_eq!(marker.before, "\t[a] ");
        assert_eq!(marker.at, "[");
        assert_eq!(marker.after, "b])");
        assert_eq!(marker.indent, "\t    ");

        let end = ErrorMarker::new("Left(", 99);
        assert_eq!((end.before.as_str(), end.at.as_str()), ("Left(", " "));

        let long = format!("Join(\"{}\" x)", "a".repeat(100));
        let marker = ErrorMarker::new(&long, parse(&long).unwrap_err().at);
        assert!(marker.before.starts_with('…'));
        assert_eq!(marker.before.chars().count(), MARKER_CONTEXT + 1);
        assert_eq!(marker.at, "x");
        assert_eq!(marker.indent.chars().count(), MARKER_CONTEXT + 1);

        let marker = ErrorMarker::new(&format!("x{}", "b".repeat(100)), 0);
        assert!(marker.after.ends_with('…'));
    }

    #[test]
    fn the_playground_asks_for_what_the_expression_reads() {
        let mut state = PlaygroundState::default();
        assert_eq!(state.outcome(), PlaygroundOutcome::Empty);
        state.apply(PlaygroundAction::SetExpression(
            "Coalesce([mail], [userPrincipalName])".into(),
        ));
        state.apply(PlaygroundAction::SetValue(
            "userPrincipalName".into(),
            "John.Doe@contoso.com".into(),
        ));
        assert_eq!(
            state.outcome(),
            PlaygroundOutcome::Evaluated {
                attributes: vec!["mail".into(), "userPrincipalName".into()],
                result: Ok(Value::from("John.Doe@contoso.com")),
                changes_every_run: false,
            }
        );

        state.apply(PlaygroundAction::SetExpression("Coalesce([mail], ".into()));
        let PlaygroundOutcome::NotParsed(error) = state.outcome() else {
            panic!("not an expression")
        };
        assert!(matches!(error.kind, ParseErrorKind::UnclosedCall { .. }));
        assert_eq!(
            state.value("userPrincipalName"),
            "John.Doe@contoso.com",
            "kept while the expression is being edited"
        );

        state.apply(PlaygroundAction::SetExpression("Frob([x])".into()));
        let PlaygroundOutcome::Evaluated { result, .. } = state.outcome() else {
            panic!("parsed")
        };
        assert!(matches!(
            result.unwrap_err().kind,
            EvalErrorKind::UnknownFunction { .. }
        ));
    }
}
