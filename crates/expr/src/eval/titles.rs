//! PCase: the first letter of each word in upper case, the others in lower case.
//!
//! Without wordSeparators the reference says PCase calls .NET's `TextInfo.ToTitleCase`, whose
//! words end at the Unicode categories it lists (spaces, controls, punctuation, symbols), with
//! `'` inside a word kept in it. `ToTitleCase` alone leaves a word with no lower-case letter as
//! it is (an acronym: «PABLO»), but the reference's three examples turn «PABLO GONSALVES
//! (SECOND)» into «Pablo Gonsalves (Second)»: the text is lowered first, so this is
//! `CultureInfo.InvariantCulture.TextInfo.ToTitleCase(source.ToLowerInvariant())`. Those
//! categories are certain here for Latin-1 and Latin Extended-A (U+0000 to U+017F, Norwegian's
//! æøå included); any other character is refused rather than guessed.
//!
//! With wordSeparators, only those characters end a word.

use crate::budget::Budget;

use super::args::{given, text, Input, Outcome};
use super::error::{unstated, EvalErrorKind, Unstated};
use super::letters::{cased, changed, Case};
use super::value::Value;

pub(super) fn p_case(inputs: &[Input], budget: &mut Budget) -> Outcome {
    let source = text(inputs, 0)?;
    // Every character here keeps its length in UTF-8 when its case changes.
    budget.fits(source.len())?;
    if given(inputs, 1) {
        let separators = text(inputs, 1)?;
        return Ok(Value::Text(with_separators(&source, &separators)?));
    }
    if let Some(c) = source.chars().find(|&c| !known_category(c)) {
        return unstated(Unstated::TitleCase(c));
    }
    let lowered = cased(&source, Case::Lower, budget)?;
    Ok(Value::Text(title_case(&lowered)?))
}

/// Whether `c`'s category and case in .NET are certain here: U+0000 to U+017F, but for İ, ı
/// and ſ (whose invariant casing .NET has treated apart), µ (whose capital is Greek) and ŉ
/// (which has no single capital).
fn known_category(c: char) -> bool {
    u32::from(c) <= 0x17F && !matches!(c, 'İ' | 'ı' | 'ſ' | 'µ' | 'ŉ')
}

/// A letter: Unicode's L categories, which start and continue a word.
fn is_letter(c: char) -> bool {
    c.is_alphabetic()
}

/// What ToTitleCase treats as a word separator. In U+0000 to U+017F every character that is
/// neither a letter nor a number (Nd, No) is one: controls, spaces, punctuation, symbols and
/// the soft hyphen (a format character).
fn is_separator(c: char) -> bool {
    !is_letter(c) && !c.is_numeric()
}

/// .NET's `ToTitleCase` on text already in lower case: a letter after anything but a word's
/// letters, digits or `'` is raised.
fn title_case(lowered: &str) -> Result<String, EvalErrorKind> {
    let mut out = String::with_capacity(lowered.len());
    let mut chars = lowered.chars();
    while let Some(c) = chars.next() {
        if !is_letter(c) {
            out.push(c);
            continue;
        }
        out.push(changed(c, Case::Upper)?);
        // The rest of the word, and the separator that ends it.
        for c in chars.by_ref() {
            out.push(c);
            if c != '\'' && is_separator(c) {
                break;
            }
        }
    }
    Ok(out)
}

/// The first character after a separator (or at the start) in upper case, every other in
/// lower case, the separators as they are.
fn with_separators(source: &str, separators: &str) -> Result<String, EvalErrorKind> {
    if let Some(c) = separators
        .chars()
        .find(|&c| c.to_lowercase().ne([c]) || c.to_uppercase().ne([c]))
    {
        // A letter as a separator: whether it is also lowered the reference does not say.
        return unstated(Unstated::TitleCase(c));
    }
    // Sorted, so that a long list of separators costs no more per character than a few.
    let mut set: Vec<char> = separators.chars().collect();
    set.sort_unstable();
    set.dedup();
    let mut out = String::with_capacity(source.len());
    let mut at_start = true;
    for c in source.chars() {
        if set.binary_search(&c).is_ok() {
            out.push(c);
            at_start = true;
        } else {
            if !known_category(c) && (c.to_lowercase().ne([c]) || c.to_uppercase().ne([c])) {
                return unstated(Unstated::TitleCase(c));
            }
            let case = if at_start { Case::Upper } else { Case::Lower };
            out.push(changed(c, case)?);
            at_start = false;
        }
    }
    Ok(out)
}
