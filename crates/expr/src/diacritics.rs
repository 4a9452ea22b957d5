//! NormalizeDiacritics, as far as the reference's table goes.
//!
//! The reference lists, letter by letter, which characters NormalizeDiacritics replaces and with
//! what (`æ` → `ae`, `ø` → `oe`, `å` → `a`, `ß` → `ss`, some letters with several marks written as
//! a base letter and combining marks). This module carries exactly that table. ASCII and
//! characters that are not letters (digits, punctuation, symbols, spaces) are left alone, which is
//! what removing diacritics means. Any other letter or combining mark is one the reference says
//! nothing about (`œ`, `ð`, `þ`, `đ`, Cyrillic, a mark not in the table…), so [`normalize`] gives
//! it back as the reason it cannot answer rather than guess.

use std::sync::OnceLock;

/// (replacement, the characters or sequences replaced by it), from the reference's table.
const TABLE: &[(&str, &[&str])] = &[
    (
        "a",
        &[
            "ä",
            "à",
            "â",
            "ã",
            "å",
            "á",
            "ą",
            "ă",
            "ā",
            "ā\u{301}",
            "ā\u{300}",
            "ā\u{302}",
            "ā\u{303}",
            "ǟ",
            "ā\u{308}",
            "ǡ",
            "a\u{331}",
            "å\u{304}",
        ],
    ),
    (
        "A",
        &[
            "Ä",
            "À",
            "Â",
            "Ã",
            "Å",
            "Á",
            "Ą",
            "Ă",
            "Ā",
            "Ā\u{301}",
            "Ā\u{300}",
            "Ā\u{302}",
            "Ā\u{303}",
            "Ǟ",
            "Ā\u{308}",
            "Ǡ",
            "A\u{331}",
            "Å\u{304}",
        ],
    ),
    ("ae", &["æ", "ǣ"]),
    ("AE", &["Æ", "Ǣ"]),
    ("c", &["ç", "č", "ć", "c\u{304}", "c\u{331}"]),
    ("C", &["Ç", "Č", "Ć", "C\u{304}", "C\u{331}"]),
    ("d", &["ď", "d\u{304}", "ḏ"]),
    ("D", &["Ď", "D\u{304}", "Ḏ"]),
    (
        "e",
        &[
            "ë",
            "è",
            "é",
            "ê",
            "ę",
            "ě",
            "ė",
            "ē",
            "ḗ",
            "ḕ",
            "ē\u{302}",
            "ē\u{303}",
            "ê\u{304}",
            "e\u{331}",
            "ë\u{304}",
            "e\u{30a}\u{304}",
        ],
    ),
    (
        "E",
        &[
            "Ë",
            "È",
            "É",
            "Ê",
            "Ę",
            "Ě",
            "Ė",
            "Ē",
            "Ḗ",
            "Ḕ",
            "Ē\u{302}",
            "Ē\u{303}",
            "Ê\u{304}",
            "E\u{331}",
            "Ë\u{304}",
            "E\u{30a}\u{304}",
        ],
    ),
    ("g", &["ğ", "ḡ", "g\u{331}"]),
    ("G", &["Ğ", "Ḡ", "G\u{331}"]),
    (
        "i",
        &[
            "ï",
            "î",
            "ì",
            "í",
            "ı",
            "ī",
            "ī\u{301}",
            "ī\u{300}",
            "ī\u{302}",
            "ī\u{303}",
            "i\u{331}",
        ],
    ),
    (
        "I",
        &[
            "Ï",
            "Î",
            "Ì",
            "Í",
            "İ",
            "Ī",
            "Ī\u{301}",
            "Ī\u{300}",
            "Ī\u{302}",
            "Ī\u{303}",
            "I\u{331}",
        ],
    ),
    ("l", &["ľ", "ł", "l\u{304}", "ḹ", "ḻ"]),
    ("L", &["Ł", "Ľ", "L\u{304}", "Ḹ", "Ḻ"]),
    ("n", &["ñ", "ń", "ň", "n\u{304}", "ṉ"]),
    ("N", &["Ñ", "Ń", "Ň", "N\u{304}", "Ṉ"]),
    (
        "o",
        &[
            "ö",
            "ò",
            "ő",
            "õ",
            "ô",
            "ó",
            "ō",
            "ṓ",
            "ṑ",
            "ō\u{302}",
            "ō\u{303}",
            "ȫ",
            "ō\u{308}",
            "ǭ",
            "ȭ",
            "ȱ",
            "o\u{331}",
        ],
    ),
    (
        "O",
        &[
            "Ö",
            "Ò",
            "Ő",
            "Õ",
            "Ô",
            "Ó",
            "Ō",
            "Ṓ",
            "Ṑ",
            "Ō\u{302}",
            "Ō\u{303}",
            "Ȫ",
            "Ō\u{308}",
            "Ǭ",
            "Ȭ",
            "Ȱ",
            "O\u{331}",
        ],
    ),
    ("oe", &["ø", "ø\u{304}", "œ\u{304}"]),
    ("OE", &["Ø", "Ø\u{304}", "Œ\u{304}"]),
    ("r", &["ř", "r\u{304}", "ṟ", "ṝ"]),
    ("R", &["Ř", "R\u{304}", "Ṟ", "Ṝ"]),
    ("ss", &["ß"]),
    ("s", &["š", "ś", "ș", "ş", "s\u{304}", "s\u{331}"]),
    ("S", &["Š", "Ś", "Ș", "Ş", "S\u{304}", "S\u{331}"]),
    ("t", &["ť", "ț", "t\u{304}", "ṯ"]),
    ("T", &["Ť", "Ț", "T\u{304}", "Ṯ"]),
    (
        "u",
        &[
            "ü",
            "ù",
            "û",
            "ú",
            "ů",
            "ű",
            "ū",
            "ū\u{301}",
            "ū\u{300}",
            "ū\u{302}",
            "ū\u{303}",
            "u\u{307}\u{304}",
            "ǖ",
            "ṻ",
            "ṳ\u{304}",
            "u\u{331}",
        ],
    ),
    (
        "U",
        &[
            "Ü",
            "Ù",
            "Û",
            "Ú",
            "Ů",
            "Ű",
            "Ū",
            "Ū\u{301}",
            "Ū\u{300}",
            "Ū\u{302}",
            "Ū\u{303}",
            "U\u{307}\u{304}",
            "Ǖ",
            "Ṻ",
            "Ṳ\u{304}",
            "U\u{331}",
        ],
    ),
    (
        "y",
        &[
            "ÿ",
            "ý",
            "ȳ",
            "ȳ\u{301}",
            "ȳ\u{300}",
            "ȳ\u{303}",
            "y\u{331}",
        ],
    ),
    (
        "Y",
        &[
            "Ÿ",
            "Ý",
            "Ȳ",
            "Ȳ\u{301}",
            "Ȳ\u{300}",
            "Ȳ\u{303}",
            "Y\u{331}",
        ],
    ),
    ("z", &["ź", "ž", "ż", "z\u{304}", "ẕ"]),
    ("Z", &["Ź", "Ž", "Ż", "Z\u{304}", "Ẕ"]),
];

/// The longest sequence in the table.
const LONGEST: usize = 3;

/// Up to [`LONGEST`] characters packed into one number, 21 bits each, first character highest:
/// a sequence compared as an integer. No sequence holds U+0000, so a shorter sequence's key
/// cannot be a longer one's.
fn key(sequence: &[char]) -> u64 {
    let len = sequence.len().min(LONGEST);
    let key = sequence
        .iter()
        .take(LONGEST)
        .fold(0, |key, &c| (key << 21) | u64::from(u32::from(c)));
    key << (21 * (LONGEST - len))
}

/// The table arranged for lookups in constant time, by the code point of a sequence's first
/// character. Where the table lists a sequence twice, the first wins, as reading it in order
/// would.
struct Lookup {
    /// For each code point up to the last one that starts a sequence: 0, or one more than the
    /// index in `starting` of what starts with it.
    index: Vec<u16>,
    starting: Vec<Starting>,
}

/// The sequences of the table that start with one character.
#[derive(Default)]
struct Starting {
    /// What the character alone becomes, if the table lists it alone.
    alone: Option<&'static str>,
    /// The character with marks after it, by [`key`], with what each becomes, in table order.
    marked: Vec<(u64, &'static str)>,
}

fn lookup() -> &'static Lookup {
    static LOOKUP: OnceLock<Lookup> = OnceLock::new();
    LOOKUP.get_or_init(|| {
        let mut lookup = Lookup {
            index: Vec::new(),
            starting: Vec::new(),
        };
        for (to, from) in TABLE {
            for sequence in *from {
                let chars: Vec<char> = sequence.chars().collect();
                let Some(&first) = chars.first() else {
                    continue;
                };
                let code = usize::try_from(u32::from(first)).unwrap_or(usize::MAX);
                if lookup.index.len() <= code {
                    lookup.index.resize(code + 1, 0);
                }
                let Some(slot) = lookup.index.get_mut(code) else {
                    continue;
                };
                if *slot == 0 {
                    lookup.starting.push(Starting::default());
                    *slot = u16::try_from(lookup.starting.len()).unwrap_or(0);
                }
                let Some(starting) = lookup.starting.get_mut(usize::from(*slot) - 1) else {
                    continue;
                };
                if chars.len() == 1 {
                    starting.alone = starting.alone.or(Some(*to));
                } else {
                    starting.marked.push((key(&chars), *to));
                }
            }
        }
        lookup
    })
}

impl Lookup {
    fn starting(&self, c: char) -> Option<&Starting> {
        let code = usize::try_from(u32::from(c)).ok()?;
        let slot = usize::from(*self.index.get(code)?).checked_sub(1)?;
        self.starting.get(slot)
    }
}

/// What the table replaces `sequence` (a letter and up to two marks) with.
fn replacement_for(sequence: &[char]) -> Option<&'static str> {
    let starting = lookup().starting(*sequence.first()?)?;
    if sequence.len() == 1 {
        return starting.alone;
    }
    let wanted = key(sequence);
    starting
        .marked
        .iter()
        .find(|(key, _)| *key == wanted)
        .map(|(_, to)| *to)
}

/// Whether `c` is a combining mark from the blocks that hold them.
fn is_combining_mark(c: char) -> bool {
    // Most characters are below the first block of marks.
    c >= '\u{300}'
        && matches!(
            u32::from(c),
            0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        )
}

/// Why [`normalize`] gave no text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Stop {
    /// The reference's table does not cover this character.
    Uncovered(char),
    /// The text would be longer than allowed; it is at least this long.
    Longer(usize),
}

/// NormalizeDiacritics of `text`, as long as it is at most `room` bytes.
///
/// Linear in the text: every character is looked up once, with the marks after it if there are
/// any, and the work stops as soon as the text is longer than `room`.
pub fn normalize(text: &str, room: usize) -> Result<String, Stop> {
    let lookup = lookup();
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if out.len() > room {
            return Err(Stop::Longer(out.len()));
        }
        // Every sequence in the table is a letter and then combining marks only, and an ASCII
        // letter is only ever there with marks (a test below holds the table to that).
        let marked = chars
            .get(i + 1)
            .is_some_and(|&next| is_combining_mark(next));
        if !marked {
            match (c.is_ascii(), lookup.starting(c).and_then(|s| s.alone)) {
                (true, _) => out.push(c),
                (false, Some(to)) => out.push_str(to),
                (false, None) if c.is_alphabetic() || is_combining_mark(c) => {
                    return Err(Stop::Uncovered(c))
                }
                (false, None) => out.push(c),
            }
            i += 1;
            continue;
        }
        let marks = chars
            .get(i + 1..)
            .unwrap_or_default()
            .iter()
            .take(LONGEST - 1)
            .take_while(|&&m| is_combining_mark(m))
            .count();
        let shortest = if c.is_ascii() { 2 } else { 1 };
        let found = (shortest..=1 + marks).rev().find_map(|len| {
            replacement_for(chars.get(i..i + len).unwrap_or_default()).map(|to| (len, to))
        });
        match found {
            Some((len, to)) => {
                out.push_str(to);
                i += len;
            }
            None if !c.is_ascii() && (c.is_alphabetic() || is_combining_mark(c)) => {
                return Err(Stop::Uncovered(c))
            }
            None => {
                out.push(c);
                i += 1;
            }
        }
    }
    if out.len() > room {
        return Err(Stop::Longer(out.len()));
    }
    Ok(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// NormalizeDiacritics with room for any text: the table's answer alone.
    fn normalize(text: &str) -> Result<String, char> {
        super::normalize(text, usize::MAX).map_err(|stop| match stop {
            Stop::Uncovered(c) => c,
            Stop::Longer(_) => unreachable!("there is room"),
        })
    }

    #[test]
    fn the_reference_example() {
        assert_eq!(normalize("Zoë"), Ok("Zoe".to_owned()));
    }

    #[test]
    fn norwegian_letters_follow_the_table() {
        assert_eq!(
            normalize("Bjørn Ærlig Åsmund Kjærstad"),
            Ok("Bjoern AErlig Asmund Kjaerstad".to_owned())
        );
        assert_eq!(normalize("SØR-TRØNDELAG"), Ok("SOER-TROENDELAG".to_owned()));
    }

    #[test]
    fn sequences_with_marks_are_replaced_whole() {
        assert_eq!(normalize("a\u{331}ē\u{302}!"), Ok("ae!".to_owned()));
        assert_eq!(normalize("u\u{307}\u{304}"), Ok("u".to_owned()));
        assert_eq!(normalize("Straße"), Ok("Strasse".to_owned()));
    }

    #[test]
    fn non_letters_are_kept() {
        assert_eq!(normalize("O’Brien – 42 €"), Ok("O’Brien – 42 €".to_owned()));
    }

    #[test]
    fn letters_and_marks_the_table_does_not_cover_are_not_guessed() {
        assert_eq!(normalize("Œuvre"), Err('Œ'));
        assert_eq!(normalize("Þór"), Err('Þ'));
        assert_eq!(normalize("Иван"), Err('И'));
        // "é" written as e + U+0301 is not in the table; U+00E9 is.
        assert_eq!(normalize("e\u{301}"), Err('\u{301}'));
        assert_eq!(normalize("\u{e9}"), Ok("e".to_owned()));
    }

    /// The table read as it is written: every window of up to three characters, longest first,
    /// looked for entry by entry. Slow, and plainly right.
    fn normalize_by_reading_the_table(text: &str) -> Result<String, char> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        'outer: while let Some(&c) = chars.get(i) {
            for len in (1..=LONGEST).rev() {
                let Some(window) = chars.get(i..i + len) else {
                    continue;
                };
                let sequence: String = window.iter().collect();
                if let Some((to, _)) = TABLE.iter().find(|(_, from)| from.contains(&&*sequence)) {
                    out.push_str(to);
                    i += len;
                    continue 'outer;
                }
            }
            if !c.is_ascii() && (c.is_alphabetic() || is_combining_mark(c)) {
                return Err(c);
            }
            out.push(c);
            i += 1;
        }
        Ok(out)
    }

    proptest::proptest! {
        #[test]
        fn the_sorted_table_answers_as_reading_the_table_does(
            text in "[aAeEoOuUyYzZ æøåÆØÅäöüßéèêāǟȳźŒ\u{300}\u{301}\u{302}\u{304}\u{308}\u{331}1!]{0,16}"
        ) {
            proptest::prop_assert_eq!(normalize(&text), normalize_by_reading_the_table(&text));
        }
    }

    #[test]
    fn every_sequence_of_the_table_is_found() {
        for (to, from) in TABLE {
            for sequence in *from {
                let first = TABLE
                    .iter()
                    .find(|(_, from)| from.contains(sequence))
                    .map(|(to, _)| *to);
                assert_eq!(normalize(sequence), Ok(first.unwrap_or(to).to_owned()));
            }
        }
    }

    #[test]
    fn the_work_stops_once_the_text_is_longer_than_allowed() {
        let text = "Bjørn ".repeat(1000);
        assert_eq!(super::normalize(&text, 7000), Ok("Bjoern ".repeat(1000)));
        assert_eq!(super::normalize(&text, 6999), Err(Stop::Longer(7000)));
        assert!(matches!(
            super::normalize(&text, 10),
            Err(Stop::Longer(11..=12))
        ));
    }

    #[test]
    fn a_megabyte_is_normalized_in_linear_time() {
        let start = std::time::Instant::now();
        let text = "Bjørn Ærlig Zoë a\u{331} ".repeat(60_000);
        assert!(text.len() > 1 << 20);
        assert!(normalize(&text).is_ok());
        let took = start.elapsed();
        assert!(took.as_secs() < 5, "{took:?}");
    }

    #[test]
    fn every_entry_is_a_letter_then_combining_marks() {
        for (to, from) in TABLE {
            assert!(to.chars().all(|c| c.is_ascii_alphabetic()), "{to}");
            for sequence in *from {
                let mut chars = sequence.chars();
                let first = chars.next().expect("entries are not empty");
                let marked = sequence.chars().count() > 1;
                assert!(first.is_alphabetic(), "{sequence:?}");
                assert!(!first.is_ascii() || marked, "{sequence:?}");
                assert!(chars.all(is_combining_mark), "{sequence:?}");
                assert!(sequence.chars().count() <= LONGEST);
            }
        }
    }
}
