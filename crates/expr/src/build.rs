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

/// How much of each sample [`detect_delimiter`] reads: far more than any directory's path of
/// organisation levels, so that a pasted megabyte costs no more than a real value.
const SCANNED_BYTES: usize = 4096;

/// The delimiter most samples contain, among [`DELIMITERS`]; a tie goes to the one listed first.
/// `None` when no sample contains any of them.
///
/// Each sample is read once, and only its first 4,096 bytes: the work is bounded by the number
/// of samples, whatever their length.
///
/// ```
/// use scim_token_expr::detect_delimiter;
///
/// assert_eq!(detect_delimiter(["Contoso > Sales > EMEA", "Contoso > R&D"]), Some('>'));
/// assert_eq!(detect_delimiter(["Contoso|Sales-Nord|EMEA"]), Some('|'));
/// assert_eq!(detect_delimiter(["Sales"]), None);
/// ```
pub fn detect_delimiter<'a>(samples: impl IntoIterator<Item = &'a str>) -> Option<char> {
    let mut counts = [0usize; DELIMITERS.len()];
    for sample in samples {
        for (count, found) in counts.iter_mut().zip(delimiters_in(sample)) {
            *count += usize::from(found);
        }
    }
    most_found_delimiter(&counts)
}

/// Which of [`DELIMITERS`] `sample` contains, in their order, reading its first 4,096 bytes as
/// [`detect_delimiter`] does: for counting over more samples than can be held at once (the
/// directory check counts every user of an export).
///
/// ```
/// use scim_token_expr::delimiters_in;
/// assert_eq!(delimiters_in("A > B|C"), [true, true, false, false, false, false, false]);
/// ```
pub fn delimiters_in(sample: &str) -> [bool; DELIMITERS.len()] {
    let mut found = [false; DELIMITERS.len()];
    // Every delimiter is ASCII, and an ASCII byte in UTF-8 is always that character, so the
    // bytes can be read without decoding, and cut anywhere.
    let head = sample
        .as_bytes()
        .get(..SCANNED_BYTES)
        .unwrap_or(sample.as_bytes());
    for &byte in head {
        if let Some(i) = DELIMITERS
            .iter()
            .position(|&d| u32::from(d) == u32::from(byte))
        {
            if let Some(slot) = found.get_mut(i) {
                *slot = true;
            }
        }
    }
    found
}

/// The delimiter found in the most samples, given how many samples contained each of
/// [`DELIMITERS`] (in their order); a tie goes to the one listed first, and none was found
/// gives `None`: [`detect_delimiter`]'s choice.
///
/// ```
/// use scim_token_expr::most_found_delimiter;
/// assert_eq!(most_found_delimiter(&[3, 5, 0, 0, 0, 0, 5]), Some('|'));
/// assert_eq!(most_found_delimiter(&[0; 7]), None);
/// ```
pub fn most_found_delimiter(counts: &[usize; DELIMITERS.len()]) -> Option<char> {
    let mut best: Option<(char, usize)> = None;
    for (delimiter, &count) in DELIMITERS.into_iter().zip(counts) {
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

/// How many levels [`split_preview`] gives at most: more than any org chart has, few enough
/// for a table with a column per level.
pub const MAX_LEVELS_SHOWN: usize = 20;

/// How a sample splits into levels: the first [`MAX_LEVELS_SHOWN`], and how many more there are.
///
/// ```
/// use scim_token_expr::{split_preview, SplitPreview};
///
/// let split = split_preview("Contoso > Sales", '>');
/// assert_eq!(split, SplitPreview { levels: vec!["Contoso".into(), "Sales".into()], left_out: 0 });
/// assert_eq!(split.total(), 2);
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct SplitPreview {
    /// The first levels, each trimmed; at most [`MAX_LEVELS_SHOWN`].
    pub levels: Vec<String>,
    /// How many levels follow those.
    pub left_out: usize,
}

impl SplitPreview {
    /// How many levels the sample has.
    ///
    /// ```
    /// use scim_token_expr::{split_preview, MAX_LEVELS_SHOWN};
    /// let deep = split_preview(&"x>".repeat(30), '>');
    /// assert_eq!((deep.levels.len(), deep.total()), (MAX_LEVELS_SHOWN, 31));
    /// ```
    pub fn total(&self) -> usize {
        self.levels.len().saturating_add(self.left_out)
    }
}

/// How `sample` splits into levels at `delimiter`, each trimmed: the first
/// [`MAX_LEVELS_SHOWN`] of them, and how many more there are (counted, not made). Two delimiters
/// in a row give an empty level, as the generated expression does.
///
/// ```
/// use scim_token_expr::split_preview;
///
/// assert_eq!(split_preview(" Contoso >Sales  >  EMEA", '>').levels, ["Contoso", "Sales", "EMEA"]);
/// assert_eq!(split_preview("A >> C", '>').levels, ["A", "", "C"]);
/// assert_eq!(split_preview("Sales", '|').levels, ["Sales"]);
/// assert_eq!(split_preview(&"A>".repeat(500_000), '>').left_out, 500_001 - 20);
/// ```
pub fn split_preview(sample: &str, delimiter: char) -> SplitPreview {
    let mut parts = sample.split(delimiter);
    let levels = parts
        .by_ref()
        .take(MAX_LEVELS_SHOWN)
        .map(|level| trim(level).to_owned())
        .collect();
    SplitPreview {
        levels,
        left_out: parts.count(),
    }
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
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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

    /// The chosen level among `levels`, or `""` when there are fewer levels: what the generated
    /// expression yields when `levels` are all of a sample's (as [`split_preview`] gives them
    /// when its `left_out` is 0).
    ///
    /// ```
    /// use scim_token_expr::{split_preview, LevelChoice};
    /// let split = split_preview("Contoso > Sales", '>');
    /// assert_eq!(LevelChoice::position(1).unwrap().pick(&split.levels), "Contoso");
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
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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
    fn a_deep_sample_shows_its_first_levels_and_counts_the_rest() {
        let start = std::time::Instant::now();
        let sample = "A>".repeat(500_000);
        let split = split_preview(&sample, '>');
        assert_eq!(split.levels.len(), MAX_LEVELS_SHOWN);
        assert_eq!(split.left_out, 500_001 - MAX_LEVELS_SHOWN);
        assert_eq!(split.total(), 500_001);
        let exactly = split_preview(&"A>".repeat(MAX_LEVELS_SHOWN - 1), '>');
        assert_eq!(
            (exactly.levels.len(), exactly.left_out),
            (MAX_LEVELS_SHOWN, 0)
        );
        // One line of the shape, as a sample among many long ones.
        let long = "x".repeat(1 << 20);
        let samples: Vec<&str> = std::iter::once(sample.as_str())
            .chain(std::iter::repeat_n(long.as_str(), 50))
            .collect();
        assert_eq!(detect_delimiter(samples), Some('>'));
        let took = start.elapsed();
        assert!(took.as_secs() < 2, "{took:?}");
    }

    #[test]
    fn detection_reads_the_start_of_each_sample_only() {
        let late = "x".repeat(SCANNED_BYTES) + "|y";
        assert_eq!(detect_delimiter([late.as_str()]), None);
        let early = "x".repeat(SCANNED_BYTES - 1) + "|y";
        assert_eq!(detect_delimiter([early.as_str()]), Some('|'));
        // A cut through a character does no harm: delimiters are ASCII.
        let cut = "ø".repeat(SCANNED_BYTES) + ">";
        assert_eq!(detect_delimiter([cut.as_str(), "a/b"]), Some('/'));
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
                level.pick(&split_preview(sample, '>').levels),
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
            prop_assert_eq!(&split_preview(&sample, delimiter).levels, &trimmed);
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
            let levels = split_preview(&sample, delimiter).levels;
            for level in [at(n), LevelChoice::Last] {
                let mapping = map_level(ScimTarget::Department, "department", delimiter, level, &[&sample])
                    .expect("valid choices");
                prop_assert_eq!(&mapping.preview, &vec![Ok(Value::from(level.pick(&levels)))]);
            }
        }
    }
}
