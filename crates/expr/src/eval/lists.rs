//! Split, Item, Join, Word, Count and RemoveDuplicates: values made of parts, and the parts of
//! a value.

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::budget::Budget;

use super::args::{number, single, text, value, Input, Outcome};
use super::error::{unstated, EvalErrorKind, Unstated};
use super::value::Value;

pub(super) fn split(inputs: &[Input], budget: &mut Budget) -> Outcome {
    let source = text(inputs, 0)?;
    let delimiter = text(inputs, 1)?;
    let mut chars = delimiter.chars();
    // One UTF-16 unit: a character beyond the Basic Multilingual Plane is two in .NET, not one
    // `char` (found by the oracle).
    let (Some(delimiter), None) = (chars.next(), chars.next()) else {
        return unstated(Unstated::SplitDelimiter);
    };
    if delimiter.len_utf16() != 1 {
        return unstated(Unstated::SplitDelimiter);
    }
    budget.fits_list(
        source.matches(delimiter).count().saturating_add(1),
        source.len(),
    )?;
    let parts: Vec<String> = source.split(delimiter).map(str::to_owned).collect();
    if parts.iter().any(|part| part.trim() != part) {
        return unstated(Unstated::SplitTrimming);
    }
    if parts.iter().any(String::is_empty) {
        return unstated(Unstated::SplitEmptyParts);
    }
    Ok(Value::List(parts))
}

pub(super) fn item(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    let items = match value(inputs, 0)? {
        Value::List(items) => items,
        Value::Null => return unstated(Unstated::NullArgument { index: 1 }),
        _ => return unstated(Unstated::ItemSingleValue),
    };
    let index = number(inputs, 1)?;
    usize::try_from(index)
        .ok()
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| items.get(i))
        .map(|item| Value::Text(item.clone()))
        .map_or_else(|| unstated(Unstated::ItemIndex), Ok)
}

pub(super) fn join(inputs: &[Input], budget: &mut Budget) -> Outcome {
    let separator = text(inputs, 0)?;
    let mut parts: Vec<Cow<str>> = Vec::new();
    for i in 1..inputs.len() {
        match value(inputs, i)? {
            Value::Null => return unstated(Unstated::JoinNull { index: i + 1 }),
            Value::Text(text) => parts.push(Cow::Borrowed(text)),
            Value::Number(n) => parts.push(Cow::Owned(n.to_string())),
            value @ (Value::Bool(_) | Value::Date(_) | Value::LeftOutOfFlow) => {
                parts.push(Cow::Owned(value.to_string()))
            }
            Value::List(items) => {
                parts.extend(items.iter().map(|item| Cow::Borrowed(item.as_str())))
            }
        }
    }
    // The reference's own example, Join(", ", "", [surname], [givenName]) giving "Doe, John",
    // shows empty values are left out.
    parts.retain(|part| !part.is_empty());
    let separators = separator
        .len()
        .saturating_mul(parts.len().saturating_sub(1));
    let length = parts
        .iter()
        .map(|part| part.len())
        .fold(separators, usize::saturating_add);
    budget.fits(length)?;
    Ok(Value::Text(parts.join(separator.as_str())))
}

/// A character's code point as an index.
fn u32_index(c: char) -> usize {
    usize::try_from(u32::from(c)).unwrap_or(usize::MAX)
}

pub(super) fn word(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    let source = single(value(inputs, 0)?, 1)?;
    let number = number(inputs, 1)?;
    let delimiters = text(inputs, 2)?;
    // Documented: a null string, or a number below 1, gives the empty string.
    let Some(source) = source else {
        return Ok(Value::Text(String::new()));
    };
    if number < 1 {
        return Ok(Value::Text(String::new()));
    }
    if delimiters.is_empty() || delimiters.chars().any(|c| u32::from(c) > 0xFFFF) {
        return unstated(Unstated::WordDelimiters);
    }
    // One bit for each character of the Basic Multilingual Plane (where all the delimiters are,
    // checked above), so that a long list of delimiters costs no more per character than one.
    let mut delimiter_bits = vec![0u64; 0x10000 / 64];
    for c in delimiters.chars() {
        let code = u32_index(c);
        if let Some(bits) = delimiter_bits.get_mut(code / 64) {
            *bits |= 1 << (code % 64);
        }
    }
    let is_delimiter = |c: char| {
        let code = u32_index(c);
        delimiter_bits
            .get(code / 64)
            .is_some_and(|bits| bits & (1 << (code % 64)) != 0)
    };
    let index = usize::try_from(number - 1).unwrap_or(usize::MAX);
    if !source.is_empty() && !source.contains(is_delimiter) {
        return if index == 0 {
            unstated(Unstated::WordNoDelimiter)
        } else {
            Ok(Value::Text(String::new()))
        };
    }
    let counted = source.split(is_delimiter).nth(index).unwrap_or_default();
    let skipped = source
        .split(is_delimiter)
        .filter(|w| !w.is_empty())
        .nth(index)
        .unwrap_or_default();
    if counted != skipped {
        return unstated(Unstated::WordEmptyWords);
    }
    if counted.trim() != counted {
        return unstated(Unstated::WordSpaces);
    }
    Ok(Value::Text(counted.to_owned()))
}

/// The values of a multi-valued argument; a single value or none is refused.
fn multi_valued(inputs: &[Input]) -> Result<&[String], EvalErrorKind> {
    match value(inputs, 0)? {
        Value::List(items) => Ok(items),
        Value::Null => unstated(Unstated::NullArgument { index: 1 }),
        _ => unstated(Unstated::NotMultiValued),
    }
}

pub(super) fn count(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    let items = multi_valued(inputs)?;
    Ok(Value::Number(
        i64::try_from(items.len()).unwrap_or(i64::MAX),
    ))
}

/// RemoveDuplicates(attribute): each value once, in the order they first appear, as .NET's
/// `Enumerable.Distinct` gives them (ordinal comparison). Values that differ only in case are
/// refused: whether they count as duplicates the reference does not say.
pub(super) fn remove_duplicates(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    let items = multi_valued(inputs)?;
    let lowered: Vec<String> = items.iter().map(|item| item.to_lowercase()).collect();
    let (mut seen, mut seen_lowered) = (BTreeSet::new(), BTreeSet::new());
    let mut kept = Vec::new();
    for (item, lower) in items.iter().zip(&lowered) {
        if seen.contains(item.as_str()) {
            continue;
        }
        // Another value with the same letters in other case came first.
        if !seen_lowered.insert(lower.as_str()) {
            return unstated(Unstated::DuplicatesCase);
        }
        seen.insert(item.as_str());
        kept.push(item.clone());
    }
    Ok(Value::List(kept))
}
