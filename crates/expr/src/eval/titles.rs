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
//! With wordSeparators, only those characters end a word (from the Basic Multilingual Plane;
//! one beyond it is refused).

use crate::budget::Budget;

use super::args::{given, text, Input, Outcome};
use super::error::{unstated, EvalErrorKind, Unstated};
use super::letters::{changed, changes_when_raised, Case};
use super::value::Value;

pub(super) fn p_case(inputs: &[Input], budget: &mut Budget) -> Outcome {
    let source = text(inputs, 0)?;
    // Every character here keeps its length in UTF-8 when its case changes.
    budget.fits(source.len())?;
    if given(inputs, 1) {
        let separators = text(inputs, 1)?;
        return Ok(Value::Text(with_separators(&source, &separators)?));
    }
    Ok(Value::Text(title_case(&source)?))
}

/// Whether `c`'s category and case in .NET are certain here: U+0000 to U+017F, but for İ, ı
/// and ſ (whose invariant casing .NET has treated apart), µ (whose capital is Greek) and ŉ
/// (which has no single capital).
fn known_category(c: char) -> bool {
    u32::from(c) <= 0x17F && !matches!(c, 'İ' | 'ı' | 'ſ' | 'µ' | 'ŉ')
}

/// What ToTitleCase needs of a character of U+0000 to U+017F, worked out once from the same
/// case tables as ToLower and ToUpper: a megabyte of text then takes one look-up a character.
#[derive(Clone, Copy)]
struct Latin {
    lower: char,
    /// The lower-case letter's capital.
    title: char,
    /// A letter (Unicode's L categories), which starts and continues a word.
    letter: bool,
    /// What ToTitleCase treats as a word separator. In U+0000 to U+017F every character that
    /// is neither a letter nor a number (Nd, No) is one: controls, spaces, punctuation,
    /// symbols and the soft hyphen (a format character).
    separator: bool,
}

fn latin(c: char) -> Option<Latin> {
    static TABLE: std::sync::OnceLock<Vec<Option<Latin>>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0..0x180u32)
            .map(|code| {
                let c = char::from_u32(code).filter(|&c| known_category(c))?;
                let lower = changed(c, Case::Lower).ok()?;
                Some(Latin {
                    lower,
                    title: changed(lower, Case::Upper).ok()?,
                    letter: c.is_alphabetic(),
                    separator: !c.is_alphabetic() && !c.is_numeric(),
                })
            })
            .collect()
    });
    table
        .get(usize::try_from(u32::from(c)).ok()?)
        .copied()
        .flatten()
}

/// .NET's `ToTitleCase` on the text lowered: a letter after anything but a word's letters,
/// digits or `'` is raised, every other character lowered.
fn title_case(source: &str) -> Result<String, EvalErrorKind> {
    let mut out = String::with_capacity(source.len());
    let mut in_word = false;
    for c in source.chars() {
        let Some(l) = latin(c) else {
            return unstated(Unstated::TitleCase(c));
        };
        if in_word {
            out.push(l.lower);
            in_word = l.lower == '\'' || !l.separator;
        } else if l.letter {
            out.push(l.title);
            in_word = true;
        } else {
            out.push(l.lower);
        }
    }
    Ok(out)
}

/// `c`'s place among the Basic Multilingual Plane's characters; `None` beyond it.
fn bmp_slot(c: char) -> Option<usize> {
    usize::try_from(u32::from(c))
        .ok()
        .filter(|&code| code < 0x10000)
}

/// The first character after a separator (or at the start) in upper case, every other in
/// lower case, the separators as they are.
fn with_separators(source: &str, separators: &str) -> Result<String, EvalErrorKind> {
    if let Some(c) = separators
        .chars()
        .find(|&c| c.to_lowercase().ne([c]) || changes_when_raised(c))
    {
        // A letter as a separator: whether it is also lowered the reference does not say.
        return unstated(Unstated::TitleCase(c));
    }
    // One bit for each character of the Basic Multilingual Plane, so that a long list of
    // separators costs no more per character than a few (as Word's delimiters).
    let mut bits = vec![0u64; 0x10000 / 64];
    for c in separators.chars() {
        let Some(slot) = bmp_slot(c) else {
            return unstated(Unstated::TitleCase(c));
        };
        if let Some(word) = bits.get_mut(slot / 64) {
            *word |= 1 << (slot % 64);
        }
    }
    let is_separator = |c: char| {
        bmp_slot(c).is_some_and(|slot| {
            bits.get(slot / 64)
                .is_some_and(|w| w & 1 << (slot % 64) != 0)
        })
    };
    let mut out = String::with_capacity(source.len());
    let mut at_start = true;
    for c in source.chars() {
        if is_separator(c) {
            out.push(c);
            at_start = true;
        } else {
            match latin(c) {
                Some(l) => out.push(if at_start { l.title } else { l.lower }),
                None if c.to_lowercase().ne([c]) || changes_when_raised(c) => {
                    return unstated(Unstated::TitleCase(c));
                }
                None => out.push(c),
            }
            at_start = false;
        }
    }
    Ok(out)
}
