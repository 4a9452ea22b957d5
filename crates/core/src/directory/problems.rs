//! What looks wrong in a source value, whatever level is mapped: spaces at its ends, a doubled,
//! leading or trailing delimiter (an empty level), and characters that look like others but are
//! not (a no-break space, a dash that is not `-`, a `›` that is not `>`), which split or compare
//! differently from what the admin sees.

use serde::{Deserialize, Serialize};

/// One kind of problem in a source value. Names in each language:
/// [`crate::i18n::directory::problem_name`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
pub enum ValueProblem {
    /// White space at the start or the end of the value.
    SpaceAtEnds,
    /// Two delimiters with nothing (or only spaces) between them: an empty level inside.
    DoubledDelimiter,
    /// The value starts with the delimiter: an empty first level.
    LeadingDelimiter,
    /// The value ends with the delimiter: an empty last level.
    TrailingDelimiter,
    /// A space other than U+0020: no-break space U+00A0, U+2000–U+200A, U+202F, U+3000 …
    UnusualSpace,
    /// A character with no width (U+200B–U+200D, U+2060, U+FEFF, U+00AD): invisible.
    InvisibleCharacter,
    /// A dash other than `-` (U+2010–U+2015, U+2212 …).
    UnusualDash,
    /// A character that looks like one of the delimiters but is not (`›` for `>`, `∕` for `/`,
    /// `｜` for `|` …).
    LookAlikeDelimiter,
}

impl ValueProblem {
    /// Every problem, in the order the report lists them.
    pub const ALL: [ValueProblem; 8] = [
        ValueProblem::SpaceAtEnds,
        ValueProblem::DoubledDelimiter,
        ValueProblem::LeadingDelimiter,
        ValueProblem::TrailingDelimiter,
        ValueProblem::UnusualSpace,
        ValueProblem::InvisibleCharacter,
        ValueProblem::UnusualDash,
        ValueProblem::LookAlikeDelimiter,
    ];

    /// This problem's place in [`ValueProblem::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

fn is_unusual_space(c: char) -> bool {
    matches!(
        c,
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    ) || matches!(
        c,
        '\t' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' | '\u{180E}'
    )
}

fn is_unusual_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'
            ..='\u{2015}'
                | '\u{2212}'
                | '\u{2E3A}'
                | '\u{2E3B}'
                | '\u{FE58}'
                | '\u{FE63}'
                | '\u{FF0D}'
    )
}

fn is_look_alike_delimiter(c: char) -> bool {
    matches!(
        c,
        // >
        '\u{203A}' | '\u{232A}' | '\u{27E9}' | '\u{3009}' | '\u{FE65}' | '\u{FF1E}' | '\u{276F}'
        // |
        | '\u{A6}' | '\u{2223}' | '\u{2502}' | '\u{FF5C}' | '\u{01C0}'
        // / and \
        | '\u{2044}' | '\u{2215}' | '\u{29F8}' | '\u{FF0F}' | '\u{2216}' | '\u{29F5}' | '\u{FF3C}'
        // ; and ,
        | '\u{37E}' | '\u{FF1B}' | '\u{201A}' | '\u{FF0C}' | '\u{3001}'
    )
}

/// The problems of `value` split at `delimiter`, each once, in [`ValueProblem::ALL`]'s order.
/// An empty value has none.
///
/// ```
/// use scim_token_core::directory::{value_problems, ValueProblem};
///
/// assert_eq!(value_problems("Contoso > Sales", '>'), []);
/// assert_eq!(
///     value_problems(" Contoso >> Sales\u{A0}>", '>'),
///     [
///         ValueProblem::SpaceAtEnds,
///         ValueProblem::DoubledDelimiter,
///         ValueProblem::TrailingDelimiter,
///         ValueProblem::UnusualSpace,
///     ]
/// );
/// assert_eq!(value_problems("R\u{2013}D › Oslo", '>'), [ValueProblem::UnusualDash, ValueProblem::LookAlikeDelimiter]);
/// ```
pub fn value_problems(value: &str, delimiter: char) -> Vec<ValueProblem> {
    let mut found = [false; ValueProblem::ALL.len()];
    let mut set = |problem: ValueProblem| found[problem.index()] = true;
    if value.is_empty() {
        return Vec::new();
    }
    if value.starts_with(char::is_whitespace) || value.ends_with(char::is_whitespace) {
        set(ValueProblem::SpaceAtEnds);
    }
    let levels: Vec<&str> = value.split(delimiter).map(str::trim).collect();
    if levels.len() > 1 {
        if levels.first().is_some_and(|level| level.is_empty()) {
            set(ValueProblem::LeadingDelimiter);
        }
        if levels.last().is_some_and(|level| level.is_empty()) {
            set(ValueProblem::TrailingDelimiter);
        }
        if levels.len() > 2 && levels[1..levels.len() - 1].iter().any(|l| l.is_empty()) {
            set(ValueProblem::DoubledDelimiter);
        }
    }
    for c in value.chars().filter(|c| !c.is_ascii()) {
        if is_unusual_space(c) {
            set(ValueProblem::UnusualSpace);
        } else if is_invisible(c) {
            set(ValueProblem::InvisibleCharacter);
        } else if is_unusual_dash(c) {
            set(ValueProblem::UnusualDash);
        } else if is_look_alike_delimiter(c) {
            set(ValueProblem::LookAlikeDelimiter);
        }
    }
    if value.contains('\t') {
        set(ValueProblem::UnusualSpace);
    }
    ValueProblem::ALL
        .into_iter()
        .filter(|problem| found[problem.index()])
        .collect()
}
