//! ToLower and NormalizeDiacritics: changing letters, where Unicode's answer is .NET's, and
//! refusing where it may not be.

use crate::budget::Budget;
use crate::diacritics;

use super::args::{given, text, Input, Outcome};
use super::error::{unstated, Unstated};
use super::value::Value;

pub(super) fn normalize_diacritics(inputs: &[Input], budget: &mut Budget) -> Outcome {
    match diacritics::normalize(&text(inputs, 0)?, budget.room()) {
        Ok(text) => Ok(Value::Text(text)),
        Err(diacritics::Stop::Uncovered(c)) => unstated(Unstated::Diacritic(c)),
        Err(diacritics::Stop::Longer(len)) => Err(budget.exceeded_by(len).into()),
    }
}

pub(super) fn to_lower(inputs: &[Input], budget: &mut Budget) -> Outcome {
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
