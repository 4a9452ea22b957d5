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
                (Some(l), None) if l == c || lowers_alike(c) => Ok(l),
                _ => unstated(Unstated::LowerCase(c)),
            }
        }
        Case::Upper => match capital(c) {
            Some(upper) => Ok(upper),
            None if changes_when_raised(c) => unstated(Unstated::UpperCase(c)),
            None => Ok(c),
        },
    }
}

/// Whether every .NET's invariant culture lowers `c` as Unicode's simple mapping does (checked
/// against Mono's by the oracle, crates/expr/tests/oracle): Latin (but the title-case digraphs
/// ǅ ǈ ǋ ǲ, which Mono keeps), Greek (but Ϳ and ϴ) and Cyrillic up to U+0523, Armenian, Latin
/// Extended Additional (but ẞ), the fullwidth Latin capitals. Elsewhere .NETs part: Mono keeps
/// the Kelvin, Ohm and Ångström signs and the capitals later Unicode versions added (Cherokee,
/// Georgian Mtavruli), and outside the Basic Multilingual Plane it sees two surrogates.
fn lowers_alike(c: char) -> bool {
    matches!(u32::from(c), 0..=0x523 | 0x531..=0x556 | 0x1E00..=0x1EFF | 0xFF21..=0xFF3A)
        && !matches!(c, 'İ' | 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ' | '\u{37F}' | 'ϴ' | 'ẞ')
}

/// Whether `c` may have a capital: lower-case (Unicode's Lowercase property, ⓐ and ⅰ
/// included) or title-case (the digraphs ǅ ǈ ǋ ǲ and Greek's with a prosgegrammeni).
pub(super) fn changes_when_raised(c: char) -> bool {
    c.is_lowercase()
        || matches!(c, '\u{1C5}' | '\u{1C8}' | '\u{1CB}' | '\u{1F2}' | '\u{1F88}'..='\u{1F8F}'
            | '\u{1F98}'..='\u{1F9F}' | '\u{1FA8}'..='\u{1FAF}' | '\u{1FBC}' | '\u{1FCC}' | '\u{1FFC}')
}

/// `c`'s capital where .NET's invariant culture gives Unicode's simple mapping in every
/// version: the letters of ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic (worked out
/// here rather than from Rust's table, which would add 12 kB to the worker). ß has no single
/// capital and stays. Left out: ı and ſ (which .NET's invariant casing has treated apart), ς
/// (Mono keeps it, newer .NETs give Σ: found by the oracle), µ
/// (whose capital is Greek), ŉ (no single capital), and every letter that got its capital in
/// a later Unicode version than some .NET's.
fn capital(c: char) -> Option<char> {
    let code = u32::from(c);
    let upper = match code {
        0x61..=0x7A | 0xE0..=0xF6 | 0xF8..=0xFE | 0x3B1..=0x3C1 | 0x3C3..=0x3CB | 0x430..=0x44F => {
            code - 0x20
        }
        0xDF => code,
        0xFF => 0x178,
        0x101..=0x137 | 0x14B..=0x177 if code % 2 == 1 && code != 0x131 => code - 1,
        0x13A..=0x148 | 0x17A..=0x17E if code % 2 == 0 => code - 1,
        0x3AC => 0x386,
        0x3AD..=0x3AF => code - 0x25,
        0x3CC => 0x38C,
        0x3CD..=0x3CE => code - 0x3F,
        0x450..=0x45F => code - 0x50,
        _ => return None,
    };
    char::from_u32(upper)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn capitals_are_unicodes_simple_mapping() {
        for c in (0..0x500).filter_map(char::from_u32) {
            let mut upper = c.to_uppercase();
            let unicode = match (upper.next(), upper.next()) {
                (Some(u), None) => u,
                _ => c,
            };
            if let Some(capital) = capital(c) {
                assert_eq!(capital, unicode, "{c:?}");
            } else if unicode != c {
                assert!(changes_when_raised(c), "{c:?} is refused");
            }
        }
        for c in ['ǅ', 'ᾈ', 'ⓐ', 'ⅰ', 'ı', 'µ', 'ſ', 'ა'] {
            assert!(changed(c, Case::Upper).is_err(), "{c:?}");
        }
        assert_eq!(changed('ß', Case::Upper), Ok('ß'));
        assert_eq!(changed('漢', Case::Upper), Ok('漢'));
    }
}
