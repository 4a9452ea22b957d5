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

// The expected answers below are Mono 6.8's (the oracle, crates/expr/tests/oracle), asked once.

#[test]
fn word_and_digit_classes_are_dotnets_unicode_categories() {
    // \w is [\p{L}\p{Mn}\p{Nd}\p{Pc}]: a combining acute (Mn) is in, a Devanagari visarga (Mc)
    // is not; \d is \p{Nd}: Arabic-Indic digits are in, ² (No) and Ⅻ (Nl) are not.
    assert_eq!(
        ok("\\w+", "Sør-Trøndelag_2 ÆØÅ Жук ab\u{301}c \u{903}", "w"),
        "w-w w w w \u{903}"
    );
    assert_eq!(ok("\\d+", "Tlf 22 ٣٤ ² Ⅻ", "#"), "Tlf # # ² Ⅻ");
    assert_eq!(ok("[Ж\\w]", "Ж", "x"), "x");
}

#[test]
fn unicode_categories_and_blocks() {
    assert_eq!(ok("\\p{Lu}+", "Ab ÆØ Жж ǅ", "U"), "Ub U Uж ǅ");
    assert_eq!(ok("\\P{L}", "a1 b", "."), "a..b");
    assert_eq!(ok("[\\p{N}\\p{Zs}]", "a1² Ⅻ\u{a0}b", "_"), "a_____b");
    assert_eq!(ok("\\p{IsGreek}+", "aβγ Ω", "G"), "aG G");
    assert_eq!(ok("[^\\P{Nd}]", "a1٣", "D"), "aDD");
    // Mono's tables are Unicode 6.3's: U+037F (7.0) and U+08B6 (9.0) are unassigned there.
    assert_eq!(ok("\\p{Cn}", "a\u{37f}\u{8b6}b", "?"), "a??b");
}

#[test]
fn boundaries_and_escapes_by_number() {
    assert_eq!(ok("\\bab\\b", "ab abc cab ab", "X"), "X abc cab X");
    assert_eq!(ok("\\B", "ab c", "|"), "a|b c");
    // The zero-width joiner and non-joiner count as word characters for \b, not for \w.
    assert_eq!(ok("\\b", "a\u{200d}b é", "|"), "|a\u{200d}b| |é|");
    assert_eq!(ok("\\x41\\u00e9[\\x30-\\x39]", "Aé5", "ok"), "ok");
    // In a class, \b is a backspace.
    assert_eq!(ok("[\\b]", "a\u{8}b", "B"), "aBb");
    assert_eq!(ok("\\a\\e", "\u{7}\u{1b}", "ok"), "ok");
    assert_eq!(ok("a\\Z", "a\na", "Z"), "a\nZ");
    assert_eq!(ok("(?'a'x)(?<é>y)", "xy", "${é}${a}"), "yx");
}

#[test]
fn every_replacement_form_dotnet_defines() {
    assert_eq!(
        ok("(b)(c)?", "abcab", "[$&|$`|$'|$+|$_|$0|${1}|$2]"),
        "a[bc|a|ab|c|abcab|bc|b|c]a[b|abca|||abcab|b|b|]"
    );
    // With no groups, $+ is the whole match; a $ naming no group is kept as text.
    assert_eq!(
        ok("b", "abc", "[$+|$1|${1}|${x}|${|$|$$x|${1a}]"),
        "a[b|$1|${1}|${x}|${|$|$x|${1a}]c"
    );
    assert_eq!(
        ok("(?<n>b)", "abc", "[$10|$01|${n}|${nn}|${ n}]"),
        "a[$10|b|b|${nn}|${ n}]c"
    );
    // Every digit is read: $10 is group 10 when there is one, else text.
    assert_eq!(
        ok(
            "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)",
            "abcdefghijk",
            "[$10|$11|$100|${10}]"
        ),
        "[j|$11|$100|j]k"
    );
    assert_eq!(ok("(b)", "abc", "$$2147483648"), "a$2147483648c");
}

#[test]
fn a_group_number_past_int_max_is_invalid_as_in_dotnet() {
    let regex = Regex::new("(b)").unwrap();
    assert_eq!(regex.replacement("$2147483647").map(|p| p.len()), Ok(1));
    for replacement in ["${2147483648}", "x$2147483648", "$99999999999"] {
        assert!(
            matches!(
                regex.replacement(replacement),
                Err(RegexProblem::Replacement { .. })
            ),
            "{replacement:?}"
        );
    }
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
        ("\\p{Foo}", 0),
        ("\\pL", 0),
        ("\\p{_xmlW}", 0),
        ("[a-\\p{L}]", 2),
        ("\\x4", 0),
        ("\\u041", 0),
        ("\\G", 0),
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
        ("(?'a'x>", 0),
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
