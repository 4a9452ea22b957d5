//! The characters that take no room on screen, by the kind an admin would name
//! ([`CharacterKind`]), and finding them in a value: at its ends (trimmed, and tallied as
//! [`Removed`]), inside it, and outside ASCII.

use std::collections::BTreeSet;

/// A kind of whitespace, invisible or control character, as the admin would name it.
///
/// ```
/// use scim_token_core::diagnose::CharacterKind;
///
/// assert_eq!(CharacterKind::of('\r'), Some(CharacterKind::LineBreak));
/// assert_eq!(CharacterKind::of('\u{200B}'), Some(CharacterKind::ZeroWidthSpace));
/// assert_eq!(CharacterKind::of('\0'), Some(CharacterKind::Control));
/// assert_eq!(CharacterKind::of('ø'), None);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum CharacterKind {
    /// U+0020.
    Space,
    /// U+0009.
    Tab,
    /// U+000A, U+000D (a CR LF pair counts once), U+0085, U+2028 and U+2029.
    LineBreak,
    /// U+00A0, and the figure and narrow no-break spaces U+2007 and U+202F.
    NoBreakSpace,
    /// U+200B.
    ZeroWidthSpace,
    /// U+200C.
    ZeroWidthNonJoiner,
    /// U+200D.
    ZeroWidthJoiner,
    /// U+2060.
    WordJoiner,
    /// U+FEFF, also called the zero-width no-break space.
    ByteOrderMark,
    /// Any other Unicode space (en space, ideographic space, …).
    OtherSpace,
    /// An invisible mark that sets the text direction (U+200E, U+200F, U+061C, U+202A–U+202E,
    /// U+2066–U+2069).
    DirectionMark,
    /// Another character that takes no room on screen (soft hyphen, invisible operators, tag
    /// characters, Hangul fillers, …).
    OtherInvisible,
    /// A control character that is not a tab or a line break (NUL, DEL, …).
    Control,
}

impl CharacterKind {
    /// The kind of `character`, or `None` for a character that shows on screen.
    ///
    /// ```
    /// use scim_token_core::diagnose::CharacterKind;
    /// assert_eq!(CharacterKind::of('\u{A0}'), Some(CharacterKind::NoBreakSpace));
    /// assert_eq!(CharacterKind::of('a'), None);
    /// ```
    pub fn of(character: char) -> Option<CharacterKind> {
        use CharacterKind::*;
        let kind = match character {
            ' ' => Space,
            '\t' => Tab,
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => LineBreak,
            '\u{A0}' | '\u{2007}' | '\u{202F}' => NoBreakSpace,
            '\u{200B}' => ZeroWidthSpace,
            '\u{200C}' => ZeroWidthNonJoiner,
            '\u{200D}' => ZeroWidthJoiner,
            '\u{2060}' => WordJoiner,
            '\u{FEFF}' => ByteOrderMark,
            '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => DirectionMark,
            '\u{AD}'
            | '\u{34F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180E}'
            | '\u{2061}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}' => OtherInvisible,
            c if c.is_whitespace() && !c.is_control() => OtherSpace,
            c if c.is_control() => Control,
            _ => return None,
        };
        Some(kind)
    }

    /// Whether this kind is left out of a value when it stands at the start or the end.
    fn is_trimmed(self) -> bool {
        self != CharacterKind::Control
    }
}

/// How many characters of one kind were left out.
///
/// ```
/// use scim_token_core::diagnose::{diagnose, CharacterKind, FindingKind, Removed};
///
/// let diagnosis = diagnose("  abc", "123");
/// let FindingKind::Trimmed { removed, .. } = &diagnosis.findings()[0].kind else { panic!() };
/// assert_eq!(removed, &[Removed { kind: CharacterKind::Space, count: 2 }]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub struct Removed {
    /// What was left out.
    pub kind: CharacterKind,
    /// How many (a CR LF pair is one line break).
    pub count: usize,
}

pub(super) fn is_trimmed(character: char) -> bool {
    CharacterKind::of(character).is_some_and(CharacterKind::is_trimmed)
}

/// A value without the whitespace and invisible characters at its ends.
pub(super) struct Trimmed<'a> {
    pub(super) core: &'a str,
    /// How many characters were left out at the start.
    pub(super) start_chars: usize,
    pub(super) start: Vec<Removed>,
    pub(super) end: Vec<Removed>,
}

pub(super) fn trim_edges(text: &str) -> Trimmed<'_> {
    let core_start = text
        .char_indices()
        .find(|&(_, c)| !is_trimmed(c))
        .map_or(text.len(), |(index, _)| index);
    let (leading, rest) = text.split_at(core_start);
    let core_end = rest
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_trimmed(c))
        .map_or(0, |(index, c)| index + c.len_utf8());
    let (core, trailing) = rest.split_at(core_end);
    Trimmed {
        core,
        start_chars: leading.chars().count(),
        start: tally(leading),
        end: tally(trailing),
    }
}

/// Counts the characters of a run by kind, in order of first appearance.
fn tally(run: &str) -> Vec<Removed> {
    let mut removed: Vec<Removed> = Vec::new();
    let mut previous = None;
    for character in run.chars() {
        let second_half_of_crlf = previous == Some('\r') && character == '\n';
        previous = Some(character);
        let Some(kind) = CharacterKind::of(character) else {
            continue;
        };
        if second_half_of_crlf {
            continue;
        }
        match removed.iter_mut().find(|r| r.kind == kind) {
            Some(entry) => entry.count += 1,
            None => removed.push(Removed { kind, count: 1 }),
        }
    }
    removed
}

/// The first whitespace, invisible or control character in `value`, its position (counting
/// from `offset` characters before the value) and how many more follow.
pub(super) fn first_invisible(value: &str, offset: usize) -> Option<(char, usize, usize)> {
    let mut first = None;
    let mut others = 0;
    let mut previous = None;
    for (index, character) in value.chars().enumerate() {
        let second_half_of_crlf = previous == Some('\r') && character == '\n';
        previous = Some(character);
        if CharacterKind::of(character).is_none() || second_half_of_crlf {
            continue;
        }
        match first {
            None => first = Some((character, offset + index + 1)),
            Some(_) => others += 1,
        }
    }
    first.map(|(character, position)| (character, position, others))
}

pub(super) fn has_invisible(value: &str) -> bool {
    value.chars().any(|c| CharacterKind::of(c).is_some())
}

const SHOWN_NON_ASCII: usize = 8;

/// The distinct visible characters outside ASCII, the first few and how many more.
pub(super) fn non_ascii(value: &str) -> Option<(Vec<char>, usize)> {
    let mut shown = Vec::new();
    let mut rest = BTreeSet::new();
    for character in value.chars() {
        if character.is_ascii() || CharacterKind::of(character).is_some() {
            continue;
        }
        if shown.contains(&character) {
            continue;
        }
        if shown.len() < SHOWN_NON_ASCII {
            shown.push(character);
        } else {
            rest.insert(character);
        }
    }
    (!shown.is_empty()).then_some((shown, rest.len()))
}
