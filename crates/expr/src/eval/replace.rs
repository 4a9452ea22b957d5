//! Replace in its five documented forms: plain text, a template, a regular expression, a named
//! group, and a group read from another attribute. The last two answer only where the
//! reference's readings agree.

use crate::budget::{Budget, GrowingUnits};
use crate::regex::{Captures, Regex};

use super::args::{from_utf16, given, single, text, utf16, value, Input, Outcome};
use super::error::{unstated, EvalErrorKind, Unstated};
use super::value::Value;

/// The length of `len` bytes after `count` occurrences of `old` bytes become `new` bytes.
fn replaced_length(len: usize, count: usize, old: usize, new: usize) -> usize {
    len.saturating_sub(count.saturating_mul(old))
        .saturating_add(count.saturating_mul(new))
}

/// Compiles argument `i` as a pattern, paying for the compiled size: an expression may compile
/// many patterns, and a short one can compile to thousands of instructions (`a{1000}`).
fn compile(inputs: &[Input], i: usize, budget: &mut Budget) -> Result<Regex, EvalErrorKind> {
    let regex = Regex::new(&text(inputs, i)?).map_err(EvalErrorKind::Regex)?;
    budget.regex_steps(regex.size())?;
    Ok(regex)
}

pub(super) fn replace(inputs: &[Input], budget: &mut Budget) -> Outcome {
    let form: Vec<bool> = (1..7).map(|i| given(inputs, i)).collect();
    match form.as_slice() {
        // Replace(source, oldValue, , , replacementValue, , )
        [true, false, false, true, false, false] => {
            let source = text(inputs, 0)?;
            let old = text(inputs, 1)?;
            let new = text(inputs, 4)?;
            if old.is_empty() {
                return unstated(Unstated::ReplaceEmptyOldValue);
            }
            let count = source.matches(old.as_str()).count();
            budget.fits(replaced_length(source.len(), count, old.len(), new.len()))?;
            Ok(Value::Text(source.replace(&old, &new)))
        }
        // Replace(source, oldValue, , , , , template)
        [true, false, false, false, false, true] => {
            let source = text(inputs, 0)?;
            let old = text(inputs, 1)?;
            let template = text(inputs, 6)?;
            if old.is_empty() {
                return unstated(Unstated::ReplaceEmptyOldValue);
            }
            let count = template.matches(old.as_str()).count();
            budget.fits(replaced_length(
                template.len(),
                count,
                old.len(),
                source.len(),
            ))?;
            Ok(Value::Text(template.replace(&old, &source)))
        }
        // Replace(source, , regexPattern, , replacementValue, , )
        [false, true, false, true, false, false] => {
            let source = utf16(&text(inputs, 0)?);
            let regex = compile(inputs, 2, budget)?;
            let pieces = regex
                .replacement(&text(inputs, 4)?)
                .map_err(EvalErrorKind::Regex)?;
            let out = regex.replace_all(&source, &pieces, budget)?;
            Ok(Value::Text(from_utf16(&out)?))
        }
        // Replace(source, , regexPattern, regexGroupName, replacementValue, , )
        [false, true, true, true, false, false] => replace_group(inputs, budget),
        // Replace(source, , regexPattern, regexGroupName, , replacementAttributeName, )
        [false, true, true, false, true, false] => replace_from_attribute(inputs, budget),
        _ => unstated(Unstated::ReplaceForm),
    }
}

fn group_of(inputs: &[Input], budget: &mut Budget) -> Result<(Regex, usize), EvalErrorKind> {
    let regex = compile(inputs, 2, budget)?;
    let group = regex
        .group_number(&text(inputs, 3)?)
        .map_or_else(|| unstated(Unstated::ReplaceUnknownGroup), Ok)?;
    Ok((regex, group))
}

/// The regexGroupName form. The reference says the group's matches are replaced; it is silent on
/// whether that means the group's place in each match or every occurrence of the group's text.
/// Both are computed, and only an input where they agree gets an answer.
fn replace_group(inputs: &[Input], budget: &mut Budget) -> Outcome {
    let source = text(inputs, 0)?;
    let (regex, group) = group_of(inputs, budget)?;
    let replacement = text(inputs, 4)?;
    if replacement.contains('$') {
        return unstated(Unstated::ReplaceGroupDollar);
    }
    let units = utf16(&source);
    let matches = regex.matches(&units, budget)?;
    let spans: Vec<(usize, usize)> = matches
        .iter()
        .filter_map(|captures: &Captures| captures.get(group).copied().flatten())
        .collect();
    if spans.iter().any(|(from, to)| from == to) {
        return unstated(Unstated::ReplaceGroupEmpty);
    }
    let replacement_units = utf16(&replacement);
    let mut in_place = GrowingUnits::with_capacity(units.len());
    let mut copied = 0;
    for &(from, to) in &spans {
        in_place.push(units.get(copied..from).unwrap_or_default(), budget)?;
        in_place.push(&replacement_units, budget)?;
        copied = to;
    }
    in_place.push(units.get(copied..).unwrap_or_default(), budget)?;
    let in_place = from_utf16(&in_place.units)?;
    // The second reading goes through the whole text once per match, so each pass is a step and
    // counts the text's length as made (the work is that of making it): a thousand matches in a
    // long value cannot cost a thousand passes unnoticed. A text found absent stays absent until
    // the next change, which spares the passes for a group that matches the same text each time.
    let mut everywhere = source;
    // Sorted, searched by halves.
    let mut absent: Vec<String> = Vec::new();
    for &(from, to) in &spans {
        let found = from_utf16(units.get(from..to).unwrap_or_default())?;
        let place = match absent.binary_search(&found) {
            Ok(_) => continue,
            Err(place) => place,
        };
        budget.steps(1)?;
        budget.made(everywhere.len())?;
        let count = everywhere.matches(found.as_str()).count();
        if count == 0 {
            absent.insert(place, found);
            continue;
        }
        budget.fits(replaced_length(
            everywhere.len(),
            count,
            found.len(),
            replacement.len(),
        ))?;
        everywhere = everywhere.replace(&found, &replacement);
        absent.clear();
    }
    if in_place != everywhere {
        return unstated(Unstated::ReplaceGroupAmbiguous);
    }
    Ok(Value::Text(in_place))
}

/// The replacementAttributeName form: the source if it has a value, else the named group of the
/// pattern's match in the other attribute.
fn replace_from_attribute(inputs: &[Input], budget: &mut Budget) -> Outcome {
    if let Some(source) = single(value(inputs, 0)?, 1)? {
        if !source.is_empty() {
            return Ok(Value::Text(source));
        }
    }
    let (regex, group) = group_of(inputs, budget)?;
    let other = utf16(&text(inputs, 5)?);
    let matches = regex.matches(&other, budget)?;
    match matches
        .first()
        .and_then(|c| c.get(group).copied().flatten())
    {
        Some((from, to)) => Ok(Value::Text(from_utf16(
            other.get(from..to).unwrap_or_default(),
        )?)),
        None => unstated(Unstated::ReplaceNoMatch),
    }
}
