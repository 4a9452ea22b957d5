//! Character classes as .NET defines them: `\s`, `\d`, `\w` and their negations, and the
//! `[…]` classes made of them and of ranges of UTF-16 units. `\d` and `\w` need Unicode tables
//! this page does not carry, so outside ASCII and Latin letters they answer "cannot tell" and the
//! match stops with `RegexProblem::UncertainCharacter` (testing a class is the machine's step:
//! `vm`).

/// The backslash classes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PerlClass {
    /// `\s`
    Space,
    /// `\d`
    Digit,
    /// `\w`
    Word,
}

/// Whether `c` is white space to .NET's `\s`: `[\f\n\r\t\v\x85\p{Z}]`.
///
/// The builder trims sample levels with this too, so its preview and the generated pattern agree.
pub fn is_dotnet_space(c: char) -> bool {
    u16::try_from(u32::from(c)).is_ok_and(is_space_unit)
}

fn is_space_unit(u: u16) -> bool {
    matches!(
        u,
        0x09..=0x0D
            | 0x20
            | 0x85
            | 0xA0
            | 0x1680
            | 0x2000..=0x200A
            | 0x2028
            | 0x2029
            | 0x202F
            | 0x205F
            | 0x3000
    )
}

/// Yes, no, or "cannot tell without tables this page does not carry".
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Tri {
    Yes,
    No,
    Unknown,
}

impl Tri {
    pub(super) fn from_bool(b: bool) -> Tri {
        if b {
            Tri::Yes
        } else {
            Tri::No
        }
    }

    pub(super) fn not(self) -> Tri {
        match self {
            Tri::Yes => Tri::No,
            Tri::No => Tri::Yes,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

fn is_surrogate(u: u16) -> bool {
    (0xD800..=0xDFFF).contains(&u)
}

/// Whether `u` belongs to `class`, as far as this page can tell.
pub(super) fn perl_class(class: PerlClass, u: u16) -> Tri {
    match class {
        PerlClass::Space => Tri::from_bool(is_space_unit(u)),
        PerlClass::Digit => {
            if u < 0x80 || is_surrogate(u) {
                // A lone surrogate unit is category Cs to .NET: never a digit.
                Tri::from_bool(u8::try_from(u).is_ok_and(|b| b.is_ascii_digit()))
            } else if char::from_u32(u32::from(u)).is_some_and(char::is_numeric) {
                // Numeric, but Nd or only Nl/No? Rust does not say.
                Tri::Unknown
            } else {
                Tri::No
            }
        }
        PerlClass::Word => match u {
            0..=0x7F => Tri::from_bool(
                u8::try_from(u).is_ok_and(|b| b.is_ascii_alphanumeric() || b == b'_'),
            ),
            // ª µ º are letters; the rest of U+0080–U+00BF is controls, punctuation, symbols.
            0xAA | 0xB5 | 0xBA => Tri::Yes,
            0x80..=0xBF => Tri::No,
            0xD7 | 0xF7 => Tri::No,
            // Latin-1 letters, Latin Extended-A and -B: all letters.
            0xC0..=0x24F => Tri::Yes,
            // Combining Diacritical Marks: all Mn.
            0x300..=0x36F => Tri::Yes,
            u if is_surrogate(u) => Tri::No,
            _ => Tri::Unknown,
        },
    }
}

/// One item of a class: a range of units (a single character is a range of one), or a backslash
/// class, negated or not.
#[derive(Clone, Debug)]
pub(super) enum ClassItem {
    Range(u16, u16),
    Perl(PerlClass, bool),
}

/// A character class: `[…]`, `[^…]`, or a backslash class on its own.
#[derive(Clone, Debug)]
pub(super) struct Class {
    pub(super) negated: bool,
    pub(super) items: Vec<ClassItem>,
}

impl Class {
    /// A backslash class on its own, as `\s` or `\W` outside brackets.
    pub(super) fn perl(class: PerlClass, negated: bool) -> Class {
        Class {
            negated: false,
            items: vec![ClassItem::Perl(class, negated)],
        }
    }
}
