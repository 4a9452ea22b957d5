//! The "Map organisation levels" helper: find the delimiter in sample values, show how each
//! splits, and write the expression that picks one level for a SCIM enterprise attribute.
//!
//! # Why the expression looks the way it does
//!
//! The obvious `Word([department], 2, ">")` depends on what the reference leaves unstated: how
//! Word treats the spaces around `>` and consecutive delimiters. Split has the same problem. So
//! the generated expression uses only the documented regex form of Replace,
//! `Replace(source, , regexPattern, , "${level}", , )`, whose behaviour is .NET's
//! `Regex.Replace`, and a pattern that
//!
//! - is anchored with `^ … $` and always matches the whole value, so the result is always the
//!   replacement, never the unchanged source (which `Regex.Replace` returns when nothing matches);
//! - captures the level in the named group `level` on every path through the pattern, so the
//!   result never depends on what an unmatched group gives;
//! - takes `\s*` on both sides of the level and a lazy `[^>]*?` for the level itself, so the level
//!   comes out trimmed however it was spaced;
//! - for "level N", either skips exactly N−1 delimiters or, when there are fewer, swallows the
//!   whole value with `[\s\S]*` so that `level` captures the empty string.
//!
//! For `>` and level 2 the pattern is `^(?:[^>]*>\s*|[\s\S]*)(?<level>[^>]*?)\s*(?:>[\s\S]*)?$`;
//! for the last level, `^(?:[^>]*>)*\s*(?<level>[^>]*?)\s*$`. The delimiter is escaped for the
//! regex (`\|`, `\\`, `[^\-]` …), then the whole pattern for the string constant (`\` → `\\`).
//!
//! [`split_preview`] trims with exactly the characters `\s` matches in .NET, so the split table the
//! admin sees agrees with what Entra will compute, and the evaluator checks that on every sample.

use std::num::NonZeroU8;

use super::eval::{evaluate, Attributes, EvalError, Value};
use super::parser::{is_attribute_char, Arg, Expr};
use super::regex::is_dotnet_space;

/// The delimiters [`detect_delimiter`] looks for, most likely first.
pub const DELIMITERS: [char; 7] = ['>', '|', '/', '\\', ';', ',', '-'];

/// The source attributes the helper offers before "other": where directories usually keep a
/// packed hierarchy.
pub const SOURCE_ATTRIBUTES: [&str; 17] = [
    "department",
    "companyName",
    "extensionAttribute1",
    "extensionAttribute2",
    "extensionAttribute3",
    "extensionAttribute4",
    "extensionAttribute5",
    "extensionAttribute6",
    "extensionAttribute7",
    "extensionAttribute8",
    "extensionAttribute9",
    "extensionAttribute10",
    "extensionAttribute11",
    "extensionAttribute12",
    "extensionAttribute13",
    "extensionAttribute14",
    "extensionAttribute15",
];

/// The name of the regex group that holds the chosen level.
const GROUP: &str = "level";

/// The delimiter most samples contain, among [`DELIMITERS`]; a tie goes to the one listed first.
/// `None` when no sample contains any of them. Blank samples are ignored.
///
/// ```
/// use scim_token_expr::detect_delimiter;
///
/// assert_eq!(detect_delimiter(["Contoso > Sales > EMEA", "Contoso > R&D"]), Some('>'));
/// assert_eq!(detect_delimiter(["Contoso|Sales-Nord|EMEA"]), Some('|'));
/// assert_eq!(detect_delimiter(["Sales"]), None);
/// ```
pub fn detect_delimiter<'a>(samples: impl IntoIterator<Item = &'a str>) -> Option<char> {
    let samples: Vec<&str> = samples
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect();
    let mut best: Option<(char, usize)> = None;
    for delimiter in DELIMITERS {
        let count = samples.iter().filter(|s| s.contains(delimiter)).count();
        if count > 0 && best.is_none_or(|(_, most)| count > most) {
            best = Some((delimiter, count));
        }
    }
    best.map(|(delimiter, _)| delimiter)
}

/// Trims the characters .NET's `\s` matches from both ends.
fn trim(level: &str) -> &str {
    level.trim_matches(is_dotnet_space)
}

/// How `sample` splits into levels at `delimiter`, each trimmed. Two delimiters in a row give an
/// empty level, as the generated expression does.
///
/// ```
/// use scim_token_expr::split_preview;
///
/// assert_eq!(split_preview(" Contoso >Sales  >  EMEA", '>'), ["Contoso", "Sales", "EMEA"]);
/// assert_eq!(split_preview("A >> C", '>'), ["A", "", "C"]);
/// assert_eq!(split_preview("Sales", '|'), ["Sales"]);
/// ```
pub fn split_preview(sample: &str, delimiter: char) -> Vec<String> {
    sample
        .split(delimiter)
        .map(|level| trim(level).to_owned())
        .collect()
}

/// Which level of the hierarchy a SCIM attribute gets.
///
/// ```
/// use scim_token_expr::LevelChoice;
///
/// let levels = ["Contoso".to_owned(), "Sales".to_owned()];
/// assert_eq!(LevelChoice::position(2).unwrap().pick(&levels), "Sales");
/// assert_eq!(LevelChoice::position(3).unwrap().pick(&levels), "");
/// assert_eq!(LevelChoice::Last.pick(&levels), "Sales");
/// assert_eq!(LevelChoice::position(0), None);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LevelChoice {
    /// The n-th level from the start, counting from 1.
    Position(NonZeroU8),
    /// The last level, however deep the hierarchy is.
    Last,
}

impl LevelChoice {
    /// The n-th level from the start; `None` for 0.
    ///
    /// ```
    /// use scim_token_expr::LevelChoice;
    /// assert!(LevelChoice::position(1).is_some());
    /// ```
    pub fn position(n: u8) -> Option<LevelChoice> {
        NonZeroU8::new(n).map(LevelChoice::Position)
    }

    /// The chosen level among `levels` (as [`split_preview`] gives them), or `""` when there are
    /// fewer levels: what the generated expression yields.
    ///
    /// ```
    /// use scim_token_expr::{split_preview, LevelChoice};
    /// let levels = split_preview("Contoso > Sales", '>');
    /// assert_eq!(LevelChoice::position(1).unwrap().pick(&levels), "Contoso");
    /// ```
    pub fn pick(self, levels: &[String]) -> &str {
        let level = match self {
            LevelChoice::Position(n) => levels.get(usize::from(n.get()) - 1),
            LevelChoice::Last => levels.last(),
        };
        level.map_or("", String::as_str)
    }
}

/// The SCIM enterprise attributes for organisation levels that Secure Practice reads.
///
/// ```
/// use scim_token_expr::ScimTarget;
/// assert_eq!(
///     ScimTarget::Division.attribute(),
///     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:division"
/// );
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScimTarget {
    /// The highest level.
    Organization,
    /// A level between organization and department.
    Division,
    /// The department; usually mapped already.
    Department,
}

impl ScimTarget {
    /// Every target, highest level first.
    pub const ALL: [ScimTarget; 3] = [
        ScimTarget::Organization,
        ScimTarget::Division,
        ScimTarget::Department,
    ];

    /// The full target attribute name, as Entra lists it under «Target attribute».
    ///
    /// ```
    /// use scim_token_expr::ScimTarget;
    /// assert!(ScimTarget::Organization.attribute().ends_with(":User:organization"));
    /// ```
    pub fn attribute(self) -> &'static str {
        match self {
            ScimTarget::Organization => {
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization"
            }
            ScimTarget::Division => {
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:division"
            }
            ScimTarget::Department => {
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"
            }
        }
    }
}

/// Why no expression can be built from what was chosen.
///
/// ```
/// use scim_token_expr::{build, BuildError, LevelChoice};
///
/// let last = LevelChoice::Last;
/// assert_eq!(build("", '>', last), Err(BuildError::EmptyAttribute));
/// assert_eq!(build("department", ' ', last), Err(BuildError::Delimiter(' ')));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BuildError {
    /// No source attribute was given.
    EmptyAttribute,
    /// This character, at this position (in characters from 0), cannot be in an attribute name.
    AttributeCharacter {
        /// Where.
        at: usize,
        /// The character.
        ch: char,
    },
    /// This cannot be a delimiter: white space (the expression trims it around levels), a control
    /// character, or one outside the Basic Multilingual Plane.
    Delimiter(char),
}

fn check_source(source: &str) -> Result<(), BuildError> {
    if source.is_empty() {
        return Err(BuildError::EmptyAttribute);
    }
    match source
        .chars()
        .enumerate()
        .find(|(_, c)| !is_attribute_char(*c) || c.is_whitespace())
    {
        Some((at, ch)) => Err(BuildError::AttributeCharacter { at, ch }),
        None => Ok(()),
    }
}

fn check_delimiter(delimiter: char) -> Result<(), BuildError> {
    let usable = !delimiter.is_whitespace()
        && !is_dotnet_space(delimiter)
        && !delimiter.is_control()
        && u32::from(delimiter) <= 0xFFFF;
    if usable {
        Ok(())
    } else {
        Err(BuildError::Delimiter(delimiter))
    }
}

/// The delimiter written for a regex, outside a character class.
fn escaped(delimiter: char) -> String {
    if r"\*+?|{}[]()^$.#".contains(delimiter) {
        format!("\\{delimiter}")
    } else {
        delimiter.to_string()
    }
}

/// The delimiter written inside a character class.
fn escaped_in_class(delimiter: char) -> String {
    if r"\]^-[".contains(delimiter) {
        format!("\\{delimiter}")
    } else {
        delimiter.to_string()
    }
}

/// The .NET regular expression that turns a whole value into the chosen level (in the group
/// `level`), trimmed, or the empty string when the value has fewer levels. See the module
/// documentation for why it is built this way.
///
/// ```
/// use scim_token_expr::{level_pattern, LevelChoice};
///
/// assert_eq!(
///     level_pattern('>', LevelChoice::position(2).unwrap()).unwrap(),
///     r"^(?:[^>]*>\s*|[\s\S]*)(?<level>[^>]*?)\s*(?:>[\s\S]*)?$"
/// );
/// assert_eq!(
///     level_pattern('|', LevelChoice::Last).unwrap(),
///     r"^(?:[^|]*\|)*\s*(?<level>[^|]*?)\s*$"
/// );
/// ```
pub fn level_pattern(delimiter: char, level: LevelChoice) -> Result<String, BuildError> {
    check_delimiter(delimiter)?;
    let d = escaped(delimiter);
    let not_d = format!("[^{}]", escaped_in_class(delimiter));
    let group = format!("(?<{GROUP}>{not_d}*?)");
    let rest = format!(r"\s*(?:{d}[\s\S]*)?$");
    Ok(match level {
        LevelChoice::Position(n) => match n.get() {
            1 => format!(r"^\s*{group}{rest}"),
            2 => format!(r"^(?:{not_d}*{d}\s*|[\s\S]*){group}{rest}"),
            n => format!(
                r"^(?:(?:{not_d}*{d}){{{skip}}}\s*|[\s\S]*){group}{rest}",
                skip = n - 1
            ),
        },
        LevelChoice::Last => format!(r"^(?:{not_d}*{d})*\s*{group}\s*$"),
    })
}

/// The expression that gives the chosen level of `source`, split at `delimiter`.
///
/// ```
/// use scim_token_expr::{build, evaluate, Attributes, LevelChoice, Value};
///
/// let expr = build("department", '>', LevelChoice::position(2).unwrap()).unwrap();
/// assert_eq!(
///     expr.to_string(),
///     r#"Replace([department], , "^(?:[^>]*>\\s*|[\\s\\S]*)(?<level>[^>]*?)\\s*(?:>[\\s\\S]*)?$", , "${level}", , )"#
/// );
/// let user = Attributes::new().with("department", "Contoso >  Sales> EMEA");
/// assert_eq!(evaluate(&expr, &user), Ok(Value::from("Sales")));
/// ```
pub fn build(source: &str, delimiter: char, level: LevelChoice) -> Result<Expr, BuildError> {
    check_source(source)?;
    let pattern = level_pattern(delimiter, level)?;
    Ok(Expr::call(
        "Replace",
        vec![
            Arg::Value(Expr::Attribute(source.to_owned())),
            Arg::Omitted,
            Arg::Value(Expr::Text(pattern)),
            Arg::Omitted,
            Arg::Value(Expr::Text(format!("${{{GROUP}}}"))),
            Arg::Omitted,
            Arg::Omitted,
        ],
    ))
}

/// Everything the mapping section shows for one SCIM target.
///
/// ```
/// use scim_token_expr::{map_level, LevelChoice, ScimTarget, Value};
///
/// let samples = ["Contoso > Sales > EMEA", "Contoso|x", "Fabrikam > HR"];
/// let mapping = map_level(ScimTarget::Division, "department", '>', LevelChoice::Last, &samples)
///     .unwrap();
/// assert_eq!(mapping.target.attribute(), ScimTarget::Division.attribute());
/// assert!(mapping.expression.starts_with("Replace([department], , "));
/// assert_eq!(
///     mapping.preview,
///     [Ok(Value::from("EMEA")), Ok(Value::from("Contoso|x")), Ok(Value::from("HR"))]
/// );
/// ```
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Mapping {
    /// The SCIM attribute this mapping fills.
    pub target: ScimTarget,
    /// The expression to paste into Entra's «Expression» box.
    pub expression: String,
    /// The expression's result on each sample, in the samples' order, from this page's
    /// evaluator.
    pub preview: Vec<Result<Value, EvalError>>,
}

/// Builds the expression for `target` and evaluates it on every sample.
///
/// ```
/// use scim_token_expr::{map_level, LevelChoice, ScimTarget, Value};
///
/// let mapping = map_level(
///     ScimTarget::Organization,
///     "companyName",
///     '|',
///     LevelChoice::position(1).unwrap(),
///     &["Contoso | Sales"],
/// )
/// .unwrap();
/// assert_eq!(mapping.preview, [Ok(Value::from("Contoso"))]);
/// ```
pub fn map_level<S: AsRef<str>>(
    target: ScimTarget,
    source: &str,
    delimiter: char,
    level: LevelChoice,
    samples: &[S],
) -> Result<Mapping, BuildError> {
    let expr = build(source, delimiter, level)?;
    let preview = samples
        .iter()
        .map(|sample| evaluate(&expr, &Attributes::new().with(source, sample.as_ref())))
        .collect();
    Ok(Mapping {
        target,
        expression: expr.to_string(),
        preview,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::parse;
    use proptest::prelude::*;

    fn at(n: u8) -> LevelChoice {
        LevelChoice::position(n).expect("positions from 1")
    }

    /// Builds, prints, parses the printed text back and evaluates: the path the expression takes
    /// through the admin's clipboard into Entra.
    fn through_text(source: &str, delimiter: char, level: LevelChoice, sample: &str) -> Value {
        let text = build(source, delimiter, level)
            .expect("valid choices")
            .to_string();
        let expr = parse(&text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        evaluate(&expr, &Attributes::new().with(source, sample))
            .unwrap_or_else(|e| panic!("{text} on {sample:?}: {e:?}"))
    }

    #[test]
    fn detection_prefers_what_most_samples_share_then_the_list_order() {
        assert_eq!(
            detect_delimiter(["A / B > C", "D / E", "F > G", "H > I"]),
            Some('>')
        );
        assert_eq!(detect_delimiter(["A / B", "C > D"]), Some('>'));
        assert_eq!(detect_delimiter(["Sør-Trøndelag", "R&D; Oslo"]), Some(';'));
        assert_eq!(detect_delimiter(["", "   "]), None);
        assert_eq!(detect_delimiter([]), None);
    }

    #[test]
    fn every_delimiter_is_escaped_for_the_regex_and_the_string() {
        let sample = |d: char| format!(" Contoso {d}  Sales{d}EMEA ");
        for delimiter in DELIMITERS {
            let sample = sample(delimiter);
            let expected = [
                (at(1), "Contoso"),
                (at(2), "Sales"),
                (at(3), "EMEA"),
                (at(4), ""),
                (LevelChoice::Last, "EMEA"),
            ];
            for (choice, level) in expected {
                assert_eq!(
                    through_text("department", delimiter, choice, &sample),
                    Value::from(level)
                );
            }
        }
        let text = build("department", '\\', LevelChoice::Last)
            .unwrap()
            .to_string();
        assert_eq!(
            text,
            r#"Replace([department], , "^(?:[^\\\\]*\\\\)*\\s*(?<level>[^\\\\]*?)\\s*$", , "${level}", , )"#
        );
    }

    #[test]
    fn unusual_delimiters_still_work() {
        for delimiter in ['"', '.', '*', '^', ']', '[', '$', '(', '#', 'x', '»'] {
            let sample = format!("Contoso {delimiter} Sales");
            assert_eq!(
                through_text("department", delimiter, at(2), &sample),
                Value::from("Sales"),
                "{delimiter}"
            );
            assert_eq!(
                through_text("department", delimiter, LevelChoice::Last, &sample),
                Value::from("Sales"),
                "{delimiter}"
            );
        }
    }

    #[test]
    fn uneven_samples_give_empty_levels_not_garbage() {
        let cases = [
            ("Contoso", at(2), ""),
            ("Contoso >", at(2), ""),
            ("> Sales", at(1), ""),
            ("A >  > C", at(2), ""),
            ("A >> C", at(3), "C"),
            ("", at(1), ""),
            ("", LevelChoice::Last, ""),
            ("   ", at(1), ""),
            ("A > B > ", LevelChoice::Last, ""),
            ("A\n> B\n", at(2), "B"),
            ("A > B\n> C", LevelChoice::Last, "C"),
            (
                "Sales and Marketing  >  Nordic  Region ",
                at(2),
                "Nordic  Region",
            ),
        ];
        for (sample, level, expected) in cases {
            assert_eq!(
                through_text("department", '>', level, sample),
                Value::from(expected),
                "{sample:?} {level:?}"
            );
            assert_eq!(
                level.pick(&split_preview(sample, '>')),
                expected,
                "{sample:?} {level:?}"
            );
        }
    }

    #[test]
    fn deep_positions_are_written_with_a_count() {
        let pattern = level_pattern('>', at(5)).unwrap();
        assert!(pattern.starts_with(r"^(?:(?:[^>]*>){4}\s*|"), "{pattern}");
        assert_eq!(
            through_text("department", '>', at(255), &"x>".repeat(300)),
            Value::from("x")
        );
        assert_eq!(
            through_text("department", '>', at(255), "a > b"),
            Value::from("")
        );
    }

    #[test]
    fn bad_choices_are_refused() {
        assert_eq!(build("", '>', at(1)), Err(BuildError::EmptyAttribute));
        assert_eq!(
            build("my attr", '>', at(1)),
            Err(BuildError::AttributeCharacter { at: 2, ch: ' ' })
        );
        assert_eq!(
            build("dept]", '>', at(1)),
            Err(BuildError::AttributeCharacter { at: 4, ch: ']' })
        );
        for delimiter in [' ', '\t', '\u{a0}', '\u{3000}', '\n', '\u{7}', '😀'] {
            assert_eq!(
                build("department", delimiter, at(1)),
                Err(BuildError::Delimiter(delimiter))
            );
        }
    }

    #[test]
    fn every_target_has_its_enterprise_attribute() {
        let names: Vec<&str> = ScimTarget::ALL.iter().map(|t| t.attribute()).collect();
        assert_eq!(
            names,
            [
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:division",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
            ]
        );
    }

    #[test]
    fn the_expression_uses_only_documented_functions_and_forms() {
        for delimiter in DELIMITERS {
            for level in [at(1), at(2), at(3), LevelChoice::Last] {
                let Expr::Call(call) = build("department", delimiter, level).unwrap() else {
                    panic!("not a call")
                };
                assert_eq!(call.name, "Replace");
                let given: Vec<bool> = call.args.iter().map(|a| *a != Arg::Omitted).collect();
                // Replace(source, , regexPattern, , replacementValue, , )
                assert_eq!(given, [true, false, true, false, true, false, false]);
            }
        }
    }

    fn hierarchy() -> impl Strategy<Value = (Vec<String>, char, Vec<String>)> {
        // Names with spaces, Norwegian and accented letters; never a delimiter.
        let name = "[A-Za-zæøåÆØÅéüß0-9&'.][A-Za-zæøåÆØÅéüß0-9&'. ]{0,12}";
        let spacing = "[ \t\u{a0}]{0,3}";
        (
            proptest::collection::vec(name, 1..=5),
            proptest::sample::select(DELIMITERS.to_vec()),
            proptest::collection::vec((spacing, spacing), 5),
        )
            .prop_map(|(names, delimiter, spaces)| {
                let spaces = spaces.into_iter().map(|(a, b)| a + "\u{0}" + &b).collect();
                (names, delimiter, spaces)
            })
    }

    proptest! {
        #[test]
        fn the_built_expression_yields_exactly_the_chosen_level(
            (names, delimiter, spaces) in hierarchy(),
            lead in "[ ]{0,2}",
            trail in "[ ]{0,2}",
        ) {
            // Join the names with the delimiter and random spacing around it.
            let mut sample = lead;
            for (i, name) in names.iter().enumerate() {
                if i > 0 {
                    let around = spaces[i - 1].replace('\u{0}', &delimiter.to_string());
                    sample.push_str(&around);
                }
                sample.push_str(name);
            }
            sample.push_str(&trail);
            let trimmed: Vec<String> = names.iter().map(|n| trim(n).to_owned()).collect();
            prop_assert_eq!(&split_preview(&sample, delimiter), &trimmed);
            for n in 1..=6u8 {
                let expected = trimmed.get(usize::from(n) - 1).map_or("", String::as_str);
                let got = through_text("extensionAttribute7", delimiter, at(n), &sample);
                prop_assert_eq!(got, Value::from(expected), "level {} of {:?}", n, sample);
            }
            let last = through_text("department", delimiter, LevelChoice::Last, &sample);
            prop_assert_eq!(last, Value::from(trimmed.last().map_or("", String::as_str)));
        }

        #[test]
        fn the_preview_agrees_with_the_split_table(
            sample in "[a-zæøå >|/;,\\\\-]{0,24}",
            delimiter in proptest::sample::select(DELIMITERS.to_vec()),
            n in 1u8..=6,
        ) {
            let levels = split_preview(&sample, delimiter);
            for level in [at(n), LevelChoice::Last] {
                let mapping = map_level(ScimTarget::Department, "department", delimiter, level, &[&sample])
                    .expect("valid choices");
                prop_assert_eq!(&mapping.preview, &vec![Ok(Value::from(level.pick(&levels)))]);
            }
        }
    }
}
