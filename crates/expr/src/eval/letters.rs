//! ToLower, ToUpper and NormalizeDiacritics: changing letters, where Unicode's answer is .NET's,
//! and refusing where it may not be.

use crate::budget::Budget;
use crate::diacritics;

use super::args::{given, text, Input, Outcome};
use super::error::{unstated, EvalErrorKind, Unstated};
use super::value::Value;

pub(super) fn normalize_diacritics(inputs: &[Input], budget: &mut Budget) -> Outcome {
    match diacritics::normalize(&text(inputs, 0)?, budget.room()) {
        Ok(text) => Ok(Value::Text(text)),
        Err(diacritics::Stop::Uncovered(c)) => unstated(Unstated::Diacritic(c)),
        Err(diacritics::Stop::Longer(len)) => Err(budget.exceeded_by(len).into()),
    }
}

/// Upper or lower case, in .NET's invariant culture.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Case {
    Lower,
    Upper,
}

pub(super) fn to_lower(inputs: &[Input], budget: &mut Budget) -> Outcome {
    change_case(inputs, budget, Case::Lower)
}

pub(super) fn to_upper(inputs: &[Input], budget: &mut Budget) -> Outcome {
    change_case(inputs, budget, Case::Upper)
}

fn change_case(inputs: &[Input], budget: &mut Budget, case: Case) -> Outcome {
    let source = text(inputs, 0)?;
    if given(inputs, 1) {
        return unstated(Unstated::Culture);
    }
    Ok(Value::Text(cased(&source, case, budget)?))
}

/// `source` in `case`, as .NET's `ToLowerInvariant` / `ToUpperInvariant` give it, or the
/// first character whose answer is not certain here.
fn cased(source: &str, case: Case, budget: &Budget) -> Result<String, EvalErrorKind> {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    // The result only grows as it is built: past the room, it will not fit.
    let room = budget.room();
    loop {
        if out.len() > room {
            return Err(budget.exceeded_by(out.len()).into());
        }
        // Runs of ASCII, the common case, are changed whole: the same answer as Unicode's table.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        if ascii > 0 {
            let start = out.len();
            out.push_str(rest.get(..ascii).unwrap_or_default());
            if let Some(run) = out.get_mut(start..) {
                match case {
                    Case::Lower => run.make_ascii_lowercase(),
                    Case::Upper => run.make_ascii_uppercase(),
                }
            }
            rest = rest.get(ascii..).unwrap_or_default();
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else {
            break;
        };
        out.push(changed(c, case)?);
        rest = chars.as_str();
    }
    Ok(out)
}

/// One character in `case`, or why that is not certain.
pub(super) fn changed(c: char, case: Case) -> Result<char, EvalErrorKind> {
    match case {
        Case::Lower => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                // Outside the Basic Multilingual Plane .NET sees two surrogates and may not map.
                (Some(l), None) if l == c || u32::from(c) <= 0xFFFF => Ok(l),
                _ => unstated(Unstated::LowerCase(c)),
            }
        }
        Case::Upper => {
            let mut upper = c.to_uppercase();
            match (upper.next(), upper.next()) {
                (Some(u), None) if u == c => Ok(c),
                // A char maps to a char in .NET: ß has no single upper-case letter, so it stays.
                _ if c == 'ß' => Ok(c),
                (Some(u), None) if certain_upper(c) => Ok(u),
                _ => unstated(Unstated::UpperCase(c)),
            }
        }
    }
}

/// Whether .NET's invariant culture raises `c` as Unicode's simple mapping does, in every
/// version: the letters of Latin-1, Latin Extended-A, Greek and Cyrillic. Left out: ı and ſ
/// (which .NET's invariant casing has treated apart), µ (whose capital is Greek), and every
/// letter that got its capital in a later Unicode version than some .NET's.
fn certain_upper(c: char) -> bool {
    matches!(c,
        'a'..='z' | '\u{E0}'..='\u{FE}' | '\u{FF}' | '\u{100}'..='\u{17E}'
        | '\u{3AC}'..='\u{3AF}' | '\u{3B1}'..='\u{3CE}'
        | '\u{430}'..='\u{45F}'
    ) && !matches!(c, '\u{F7}' | '\u{131}' | '\u{149}')
}
