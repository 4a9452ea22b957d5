//! Character classes as .NET defines them: `\s`, `\d`, `\w` and their negations, `\p{…}` and
//! `\P{…}` (a general category, a group of them, or a block), and the `[…]` classes made of
//! them and of ranges of UTF-16 units. Categories come from Mono 6.8's own table
//! (`unicode_tables`, Unicode 6.3), so each unit is decided exactly (testing a class is the
//! machine's step: `vm`).

use super::unicode_tables::{BLOCKS, RUN_CATEGORIES, RUN_STARTS};

/// A set of general categories: bit n is .NET's `UnicodeCategory` n (0 is `Lu`).
pub(super) type Categories = u32;

const LU: Categories = 1 << 0;
const LL: Categories = 1 << 1;
const LT: Categories = 1 << 2;
const LM: Categories = 1 << 3;
const LO: Categories = 1 << 4;
const MN: Categories = 1 << 5;
const MC: Categories = 1 << 6;
const ME: Categories = 1 << 7;
const ND: Categories = 1 << 8;
const NL: Categories = 1 << 9;
const NO: Categories = 1 << 10;
const ZS: Categories = 1 << 11;
const ZL: Categories = 1 << 12;
const ZP: Categories = 1 << 13;
const CC: Categories = 1 << 14;
const CF: Categories = 1 << 15;
const CS: Categories = 1 << 16;
const CO: Categories = 1 << 17;
const PC: Categories = 1 << 18;
const PD: Categories = 1 << 19;
const PS: Categories = 1 << 20;
const PE: Categories = 1 << 21;
const PI: Categories = 1 << 22;
const PF: Categories = 1 << 23;
const PO: Categories = 1 << 24;
const SM: Categories = 1 << 25;
const SC: Categories = 1 << 26;
const SK: Categories = 1 << 27;
const SO: Categories = 1 << 28;
const CN: Categories = 1 << 29;

/// `\w`: `[\p{L}\p{Mn}\p{Nd}\p{Pc}]`.
const WORD: Categories = LU | LL | LT | LM | LO | MN | ND | PC;
/// `\d`: `\p{Nd}`.
const DIGIT: Categories = ND;

/// The category names `\p{…}` takes, as .NET's `RegexCharClass` lists them.
const CATEGORY_NAMES: [(&str, Categories); 37] = [
    ("C", CC | CF | CN | CO | CS),
    ("Cc", CC),
    ("Cf", CF),
    ("Cn", CN),
    ("Co", CO),
    ("Cs", CS),
    ("L", LU | LL | LT | LM | LO),
    ("Ll", LL),
    ("Lm", LM),
    ("Lo", LO),
    ("Lt", LT),
    ("Lu", LU),
    ("M", MN | MC | ME),
    ("Mc", MC),
    ("Me", ME),
    ("Mn", MN),
    ("N", ND | NL | NO),
    ("Nd", ND),
    ("Nl", NL),
    ("No", NO),
    ("P", PC | PD | PS | PE | PI | PF | PO),
    ("Pc", PC),
    ("Pd", PD),
    ("Pe", PE),
    ("Pf", PF),
    ("Pi", PI),
    ("Po", PO),
    ("Ps", PS),
    ("S", SM | SC | SK | SO),
    ("Sc", SC),
    ("Sk", SK),
    ("Sm", SM),
    ("So", SO),
    ("Z", ZS | ZL | ZP),
    ("Zl", ZL),
    ("Zp", ZP),
    ("Zs", ZS),
];

/// The general category of a UTF-16 unit, as a one-bit set (a lone surrogate is `Cs`).
fn category(u: u16) -> Categories {
    let run = RUN_STARTS.partition_point(|&start| start <= u);
    let number = RUN_CATEGORIES
        .get(run.saturating_sub(1))
        .copied()
        .unwrap_or(29);
    1 << number
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

/// Whether `u` is in `\w`.
pub(super) fn is_word_unit(u: u16) -> bool {
    category(u) & WORD != 0
}

/// Whether `u` is a word character where .NET looks for `\b`, and in group names: `\w`, the
/// zero-width non-joiner and the zero-width joiner.
pub(super) fn is_boundary_word_unit(u: u16) -> bool {
    is_word_unit(u) || u == 0x200C || u == 0x200D
}

/// The same, for a character of a pattern: one outside the Basic Multilingual Plane is two
/// surrogate units to .NET, never a word character.
pub(super) fn is_word_char(c: char) -> bool {
    u16::try_from(u32::from(c)).is_ok_and(is_boundary_word_unit)
}

/// One item of a class.
#[derive(Clone, Debug)]
pub(super) enum ClassItem {
    /// A range of units (a single character is a range of one).
    Range(u16, u16),
    /// The units outside a range: `\P{IsGreek}`.
    OutsideRange(u16, u16),
    /// Units of these categories, or (negated) of none of them: `\d`, `\W`, `\p{L}`, `\P{Lu}`.
    Categories(Categories, bool),
    /// `\s`, or `\S` (negated).
    Space(bool),
}

impl ClassItem {
    /// `\d`, `\w` or `\s` (the letter in lower case), negated for `\D`, `\W`, `\S`.
    pub(super) fn perl(letter: char, negated: bool) -> Option<ClassItem> {
        match letter {
            'd' => Some(ClassItem::Categories(DIGIT, negated)),
            'w' => Some(ClassItem::Categories(WORD, negated)),
            's' => Some(ClassItem::Space(negated)),
            _ => None,
        }
    }

    /// What `\p{name}` (or, negated, `\P{name}`) stands for; `None` for a name .NET does not
    /// have, and for its internal sets (`_xmlC` …), which are refused.
    pub(super) fn property(name: &str, negated: bool) -> Option<ClassItem> {
        if let Some((_, set)) = CATEGORY_NAMES.iter().find(|(n, _)| *n == name) {
            return Some(ClassItem::Categories(*set, negated));
        }
        let block = BLOCKS
            .binary_search_by(|(n, _, _)| (*n).cmp(name))
            .ok()
            .and_then(|i| BLOCKS.get(i))?;
        let (_, lo, hi) = *block;
        Some(if negated {
            ClassItem::OutsideRange(lo, hi)
        } else {
            ClassItem::Range(lo, hi)
        })
    }

    /// Whether the item holds `u`.
    pub(super) fn holds(&self, u: u16) -> bool {
        match *self {
            ClassItem::Range(lo, hi) => (lo..=hi).contains(&u),
            ClassItem::OutsideRange(lo, hi) => !(lo..=hi).contains(&u),
            ClassItem::Categories(set, negated) => (category(u) & set != 0) != negated,
            ClassItem::Space(negated) => is_space_unit(u) != negated,
        }
    }
}

/// A character class: `[…]`, `[^…]`, or a backslash class on its own.
#[derive(Clone, Debug)]
pub(super) struct Class {
    pub(super) negated: bool,
    pub(super) items: Vec<ClassItem>,
}

impl Class {
    /// One item on its own, as `\s` or `\p{L}` outside brackets.
    pub(super) fn single(item: ClassItem) -> Class {
        Class {
            negated: false,
            items: vec![item],
        }
    }
}
