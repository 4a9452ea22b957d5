//! Append, InStr, Left, Mid and StripSpaces: joining, searching and cutting strings, with
//! positions in UTF-16 units as .NET counts them.

use crate::budget::Budget;

use super::args::{from_utf16, given, number, single, text, utf16, value, Input, Outcome};
use super::error::{unstated, Unstated};
use super::value::Value;

pub(super) fn append(inputs: &[Input], budget: &mut Budget) -> Outcome {
    let (start, end) = (text(inputs, 0)?, text(inputs, 1)?);
    budget.fits(start.len().saturating_add(end.len()))?;
    Ok(Value::Text(start + &end))
}

pub(super) fn in_str(inputs: &[Input], _budget: &mut Budget) -> Outcome {
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

pub(super) fn left(inputs: &[Input], _budget: &mut Budget) -> Outcome {
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

pub(super) fn mid(inputs: &[Input], _budget: &mut Budget) -> Outcome {
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

pub(super) fn strip_spaces(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    Ok(Value::Text(text(inputs, 0)?.replace(' ', "")))
}
