//! The engine against what .NET's `Regex.Replace` gives for the subset, and what it refuses.

use super::*;
use crate::budget::{Budget, Exceeded, Limit, Limits};
use proptest::prelude::*;

fn budget() -> Budget {
    Budget::new(&Limits::DEFAULT)
}

fn units(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

/// `Regex.Replace(input, pattern, replacement)` as .NET computes it, for the subset.
fn replace(pattern: &str, input: &str, replacement: &str) -> Result<String, MatchError> {
    let regex = Regex::new(pattern)?;
    let pieces = regex.replacement(replacement)?;
    let out = regex.replace_all(&units(input), &pieces, &mut budget())?;
    Ok(String::from_utf16(&out).expect("test inputs keep pairs whole"))
}

fn ok(pattern: &str, input: &str, replacement: &str) -> String {
    replace(pattern, input, replacement)
        .unwrap_or_else(|e| panic!("{pattern:?} on {input:?}: {e:?}"))
}

#[test]
fn replaces_every_match_as_regex_replace_does() {
    assert_eq!(ok("[()\\s-]+", "+1 (999) 888-7777", ""), "+19998887777");
    assert_eq!(
        ok(
            "\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})",
            "+91 9998887777",
            "${phoneNumber}"
        ),
        "9998887777"
    );
    assert_eq!(ok("[a-zA-Z_]*", "john_doe72", ""), "72");
    assert_eq!(ok("a", "banana", "o"), "bonono");
    assert_eq!(ok("x", "banana", "o"), "banana");
}

#[test]
fn empty_matches_move_on_one_unit_as_dotnet_does() {
    // Regex.Replace("baaa", "a*", "-") is "-b--" in .NET: an empty match may follow a
    // non-empty one at the same place.
    assert_eq!(ok("a*", "baaa", "-"), "-b--");
    assert_eq!(ok("x*", "abc", "-"), "-a-b-c-");
    assert_eq!(ok("", "", "-"), "-");
}

#[test]
fn greedy_and_lazy_quantifiers_choose_as_backtracking_does() {
    assert_eq!(ok("<(.+)>", "<a><b>", "$1"), "a><b");
    assert_eq!(ok("<(.+?)>", "<a><b>", "$1"), "ab");
    assert_eq!(ok("a{2,3}", "aaaaaaa", "x"), "xxa");
    assert_eq!(ok("a{2,3}?", "aaaaaaa", "x"), "xxxa");
    assert_eq!(ok("a{2,}", "a aa aaaa", "x"), "a x x");
    assert_eq!(ok("(a|ab)(c|bcd)(d*)", "abcd", "[$1|$2|$3]"), "[a|bcd|]");
}

#[test]
fn groups_are_numbered_unnamed_first_then_named() {
    let regex = Regex::new("(?<Suffix>@(.)*)").unwrap();
    assert_eq!(regex.group_number("Suffix"), Some(2));
    assert_eq!(
        ok("(?<Suffix>@(.)*)", "jsmith@contoso.com", "[$1|$2]"),
        "jsmith[m|@contoso.com]"
    );
    assert_eq!(ok("(?<a>x)(y)", "xy", "$1$2"), "yx");
    assert_eq!(ok("(?<a>x)(y)", "xy", "${a}${1}$$"), "xy$");
}

#[test]
fn a_group_that_took_no_part_gives_nothing() {
    assert_eq!(ok("(a)|b", "b", "[$1]"), "[]");
    // Captures undone by backtracking are forgotten.
    assert_eq!(ok("(?:(a)x|ay)", "ay", "[$1]"), "[]");
    // A group keeps its last capture, even from an earlier iteration.
    assert_eq!(ok("(?:(a)|b)+", "ab", "[$1]"), "[a]");
}

#[test]
fn dollar_also_matches_before_a_final_newline() {
    assert_eq!(ok("b$", "ab\n", "X"), "aX\n");
    assert_eq!(ok("b$", "ab\nc", "X"), "ab\nc");
    assert_eq!(ok("b\\z", "ab\n", "X"), "ab\n");
    assert_eq!(ok("^a", "aa", "X"), "Xa");
    assert_eq!(ok(".", "a\nb", "X"), "X\nX");
}

#[test]
fn dotnet_white_space_is_the_documented_set() {
    let spaces = "\t\n\u{b}\u{c}\r \u{85}\u{a0}\u{1680}\u{2000}\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}";
    assert_eq!(ok("\\s", spaces, ""), "");
    assert_eq!(ok("\\S", spaces, ""), spaces);
    assert_eq!(
        ok("\\s", "\u{200b}\u{180e}\u{feff}", ""),
        "\u{200b}\u{180e}\u{feff}"
    );
    for c in spaces.chars() {
        assert!(is_dotnet_space(c), "{c:?}");
        assert!(c.is_whitespace(), "Rust agrees on {c:?}");
    }
}

#[test]
fn word_and_digit_classes_are_exact_or_refuse() {
    assert_eq!(ok("\\w+", "Sør-Trøndelag_2 ÆØÅ", "w"), "w-w w");
    assert_eq!(ok("\\d+", "Tlf 22 33", "#"), "Tlf # #");
    assert_eq!(
        replace("\\d", "٣", ""),
        Err(MatchError::Problem(RegexProblem::UncertainCharacter {
            class: PerlClass::Digit,
            ch: '٣'
        }))
    );
    assert_eq!(
        replace("\\w", "Ж", ""),
        Err(MatchError::Problem(RegexProblem::UncertainCharacter {
            class: PerlClass::Word,
            ch: 'Ж'
        }))
    );
    // A class that already matched does not need to know.
    assert_eq!(ok("[Ж\\w]", "Ж", "x"), "x");
}

#[test]
fn units_are_utf16_as_in_dotnet() {
    // "😀" is two UTF-16 units: `.{2}` takes it whole, `.` alone would split it.
    assert_eq!(ok("^.{2}", "😀a", "x"), "xa");
    let regex = Regex::new("^.").unwrap();
    let out = regex
        .replace_all(&units("😀"), &regex.replacement("").unwrap(), &mut budget())
        .unwrap();
    assert!(String::from_utf16(&out).is_err());
}

#[test]
fn escaped_punctuation_is_literal() {
    assert_eq!(ok("\\|", "a|b", "/"), "a/b");
    assert_eq!(ok("[^\\\\]+", "a\\b", "x"), "x\\x");
    assert_eq!(ok("[\\-]", "a-b", "+"), "a+b");
    assert_eq!(ok("\\>\\/", ">/", "ok"), "ok");
    assert_eq!(ok("[-a]", "-ab", "x"), "xxb");
    assert_eq!(ok("[a-]", "-ab", "x"), "xxb");
}

#[test]
fn constructs_outside_the_subset_are_refused_where_they_are() {
    let cases = [
        ("(?=a)", 0),
        ("(?<=a)b", 0),
        ("(?!a)", 0),
        ("(?i)a", 0),
        ("(?>a)", 0),
        ("a\\b", 1),
        ("\\p{L}", 0),
        ("\\x41", 0),
        ("\\u0041", 0),
        ("(a)\\1", 3),
        ("\\k<x>", 0),
        ("[a-z-[aeiou]]", 4),
        ("[]a]", 1),
        ("[\\s-z]", 3),
        ("[z-a]", 2),
        ("a{,3}", 1),
        ("a{2", 1),
        ("x{1001}", 1),
        ("*a", 0),
        ("a**", 2),
        ("a{2}{3}", 4),
        ("(a*)*", 4),
        ("(a|)+", 4),
        ("^*", 0),
        ("(a", 0),
        ("a)", 1),
        ("[abc", 0),
        ("a\\", 1),
        ("\\é", 0),
        ("😀", 0),
        ("(?<1>a)", 0),
        ("(?<a>x)(?<a>y)", 7),
        ("(?'a'x)", 0),
    ];
    for (pattern, at) in cases {
        assert_eq!(
            Regex::new(pattern).err(),
            Some(RegexProblem::Unsupported { at }),
            "{pattern:?}"
        );
    }
}

#[test]
fn replacements_outside_the_subset_are_refused() {
    let regex = Regex::new("(?<a>x)").unwrap();
    for (replacement, at) in [
        ("$&", 0),
        ("a$'", 1),
        ("$`", 0),
        ("$+", 0),
        ("$_", 0),
        ("${b}", 0),
        ("$2", 0),
        ("x${a", 1),
        ("$", 0),
    ] {
        assert_eq!(
            regex.replacement(replacement),
            Err(RegexProblem::Replacement { at }),
            "{replacement:?}"
        );
    }
}

#[test]
fn runaway_patterns_stop() {
    let input = "a".repeat(30);
    assert_eq!(
        replace("(a|aa)+(a|aa)+(a|aa)+b", &input, ""),
        Err(MatchError::OverBudget(Exceeded {
            limit: Limit::RegexSteps,
            max: Limits::DEFAULT.regex_steps
        }))
    );
    assert_eq!(
        Regex::new("((a{1000}){1000}){1000}").err(),
        Some(RegexProblem::TooComplex)
    );
}

proptest! {
    #[test]
    fn never_panics(pattern in any::<String>(), input in any::<String>(), replacement in any::<String>()) {
        if let Ok(regex) = Regex::new(&pattern) {
            if let Ok(pieces) = regex.replacement(&replacement) {
                let _ = regex.replace_all(&units(&input), &pieces, &mut budget());
            }
        }
    }

    #[test]
    fn never_panics_on_near_patterns(
        pattern in "[a-c()|*+?{}0-9,\\[\\]^$.\\\\sdw<>:?-]{0,16}",
        input in "[a-c0-9 \\n]{0,12}",
        replacement in "[a-c$\\{\\}0-9]{0,6}",
    ) {
        if let Ok(regex) = Regex::new(&pattern) {
            if let Ok(pieces) = regex.replacement(&replacement) {
                let _ = regex.replace_all(&units(&input), &pieces, &mut budget());
            }
        }
    }
}
