//! The one budget per evaluation (`crate::budget`), seen from the evaluations it bounds: each
//! limit just under and just over, and the shapes of expression that froze the tab before it.

use crate::budget::{Budget, Limit, Limits};
use crate::eval::evaluator::{evaluate_on, EXAMPLE_NOW};
use crate::{
    evaluate_within, parse, run, Arg, Attributes, EvalErrorKind, Expr, ExprError, ParseErrorKind,
    Value,
};

fn over(limit: Limit, max: usize) -> EvalErrorKind {
    EvalErrorKind::OverBudget { limit, max }
}

/// The result within `limits`, and the budget used.
fn within(
    text: &str,
    attributes: &Attributes,
    limits: Limits,
) -> (Result<Value, EvalErrorKind>, Budget) {
    let expr = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
    let mut budget = Budget::new(&limits);
    let result = evaluate_on(&expr, attributes, &mut budget, EXAMPLE_NOW).map_err(|e| e.kind);
    (result, budget)
}

/// A result with a value given as its length only, so that a failing test does not print
/// megabytes.
fn length(result: Result<Value, EvalErrorKind>) -> Result<usize, EvalErrorKind> {
    result.map(|value| value.to_string().len())
}

/// `Replace` nested `levels` deep on `[v]`, each turning every `a` into ten.
fn tenfold(levels: usize) -> String {
    (0..levels).fold("[v]".to_owned(), |inner, _| {
        format!(r#"Replace({inner}, "a", , , "aaaaaaaaaa", , )"#)
    })
}

/// `Join("", …)` of `count` copies of `argument`.
fn join_of(count: usize, argument: &str) -> String {
    format!(r#"Join("", {})"#, vec![argument; count].join(", "))
}

/// A value on which `(a+)+$` backtracks about 550,000 steps: under one call's budget before
/// the budget was shared, so that only the sum over calls could be too much.
fn backtracking() -> Attributes {
    Attributes::new().with("v", format!("{}!", "a".repeat(15)))
}

const BACKTRACKING_CALL: &str = r#"Replace([v], , "(a+)+$", , "x", , )"#;

fn value_bytes(value_bytes: usize) -> Limits {
    Limits {
        value_bytes,
        ..Limits::DEFAULT
    }
}

fn total_bytes(total_bytes: usize) -> Limits {
    Limits {
        total_bytes,
        ..Limits::DEFAULT
    }
}

#[test]
fn a_growing_value_stops_before_it_is_made() {
    let a = Attributes::new().with("v", "a");
    let thousand = Value::from("a".repeat(1000));
    assert_eq!(within(&tenfold(3), &a, value_bytes(1000)).0, Ok(thousand));
    assert_eq!(
        length(within(&tenfold(3), &a, value_bytes(999)).0),
        Err(over(Limit::ValueLength, 999))
    );
    assert_eq!(
        length(within(&tenfold(5), &a, value_bytes(1000)).0),
        Err(over(Limit::ValueLength, 1000))
    );
}

#[test]
fn every_way_a_value_grows_is_checked_before() {
    let limits = value_bytes(1000);
    let cases = [
        // The regex form, each a becoming ten.
        r#"Replace([v], , "a", , "aaaaaaaaaa", , )"#,
        // The template form: ten copies of the source.
        r#"Replace([v], "x", , , , , "xxxxxxxxxx")"#,
        // Join of ten copies.
        r#"Join("", [v], [v], [v], [v], [v], [v], [v], [v], [v], [v])"#,
        // The group form, each a becoming ten b.
        r#"Replace([v], , "(?<g>a)", "g", "bbbbbbbbbb", , )"#,
    ];
    for text in cases {
        let fits = Attributes::new().with("v", "a".repeat(100));
        assert_eq!(length(within(text, &fits, limits).0), Ok(1000), "{text}");
        let over_by_one = Attributes::new().with("v", "a".repeat(101));
        let error = evaluate_within(&parse(text).unwrap(), &over_by_one, &limits).unwrap_err();
        assert_eq!(error.kind, over(Limit::ValueLength, 1000), "{text}");
        assert!(error.function.is_some(), "{text}");
    }
    // A value read that is itself too long is blamed on the function that reads it.
    let long = Attributes::new().with("v", "a".repeat(1001));
    let error = evaluate_within(&parse("ToLower([v])").unwrap(), &long, &limits).unwrap_err();
    assert_eq!(error.kind, over(Limit::ValueLength, 1000));
    assert_eq!(error.function.as_deref(), Some("ToLower"));
}

#[test]
fn the_group_forms_second_reading_cannot_grow_without_bound() {
    // Replacing every «a» once per match, on what the previous match's replacement left,
    // doubles the text a hundred times: 2^100 copies before there was a budget.
    let v = Attributes::new().with("v", "a".repeat(100));
    let text = r#"Replace([v], , "(?<g>a)", "g", "aa", , )"#;
    assert_eq!(
        length(within(text, &v, Limits::DEFAULT).0),
        Err(over(Limit::ValueLength, Limits::DEFAULT.value_bytes))
    );
    // The same text matched again and again is looked for once after it is gone.
    let text = r#"Replace([v], , "(?<g>a)", "g", "b", , )"#;
    let (result, budget) = within(text, &v, Limits::DEFAULT);
    assert_eq!(result, Ok(Value::from("b".repeat(100))));
    assert_eq!(budget.used().steps, 1 + 7 + 2);
}

#[test]
fn a_value_that_grows_as_it_is_lowered_stops_once_past_the_limit() {
    // «Ⱥ» takes two bytes and its lower case «ⱥ» three.
    let fits = Attributes::new().with("v", "Ⱥ".repeat(500));
    assert_eq!(
        length(within("ToLower([v])", &fits, value_bytes(1500)).0),
        Ok(1500)
    );
    let over_by_one = Attributes::new().with("v", "Ⱥ".repeat(500) + "a");
    assert_eq!(
        length(within("ToLower([v])", &over_by_one, value_bytes(1500)).0),
        Err(over(Limit::ValueLength, 1500))
    );
    // NormalizeDiacritics never lengthens a text, but can pass the total: 1,200 bytes read,
    // 1,200 made.
    let ae = Attributes::new().with("v", "Æ".repeat(600));
    let normalize = |total| length(within("NormalizeDiacritics([v])", &ae, total_bytes(total)).0);
    assert_eq!(normalize(2400), Ok(1200));
    assert_eq!(normalize(2399), Err(over(Limit::TotalLength, 2399)));
}

#[test]
fn value_length_just_under_and_just_over_the_limit() {
    let text = r#"Append("abcde", "fghij")"#;
    let none = Attributes::new();
    assert_eq!(
        within(text, &none, value_bytes(10)).0,
        Ok(Value::from("abcdefghij"))
    );
    assert_eq!(
        within(text, &none, value_bytes(9)).0,
        Err(over(Limit::ValueLength, 9))
    );
}

#[test]
fn total_length_just_under_and_just_over_the_limit() {
    // "ab" and "cd" are made (2 + 2 bytes), then their result (4).
    let text = r#"Append("ab", "cd")"#;
    let none = Attributes::new();
    assert_eq!(
        within(text, &none, total_bytes(8)).0,
        Ok(Value::from("abcd"))
    );
    assert_eq!(
        within(text, &none, total_bytes(7)).0,
        Err(over(Limit::TotalLength, 7))
    );
}

#[test]
fn many_copies_of_a_long_value_stop_at_the_total_length() {
    let v = Attributes::new().with("v", "x".repeat(1000));
    let limits = total_bytes(100_000);
    let args = vec!["[v]"; 2000].join(", ");
    for text in [
        join_of(2000, "[v]"),
        format!("Coalesce({args})"),
        format!(r#"Switch("k", {args})"#),
    ] {
        assert_eq!(
            length(within(&text, &v, limits).0),
            Err(over(Limit::TotalLength, 100_000)),
            "{}",
            &text[..20]
        );
    }
}

#[test]
fn replace_calls_share_one_regex_budget() {
    let v = backtracking();
    // The pattern never matches (the value ends in «!»), after much backtracking.
    let one = within(BACKTRACKING_CALL, &v, Limits::DEFAULT).0;
    assert_eq!(one, Ok(v.get("v").clone()));
    assert_eq!(
        within(&join_of(4, BACKTRACKING_CALL), &v, Limits::DEFAULT).0,
        Err(over(Limit::RegexSteps, Limits::DEFAULT.regex_steps))
    );
}

#[test]
fn regex_steps_just_under_and_just_over_the_limit() {
    let text = r#"Join("", Replace([v], , "(a|b)+c", , "x", , ), Replace("ab", , "b", , "c", , ))"#;
    let v = Attributes::new().with("v", "ababab");
    let (result, budget) = within(text, &v, Limits::DEFAULT);
    assert_eq!(result, Ok(Value::from("abababac")));
    let used = budget.used().regex_steps;
    let exact = Limits {
        regex_steps: used,
        ..Limits::DEFAULT
    };
    assert_eq!(within(text, &v, exact).0, Ok(Value::from("abababac")));
    let short = Limits {
        regex_steps: used - 1,
        ..Limits::DEFAULT
    };
    assert_eq!(
        within(text, &v, short).0,
        Err(over(Limit::RegexSteps, used - 1))
    );
}

#[test]
fn a_long_character_class_costs_a_step_per_item_looked_at() {
    // 10,000 different characters, none of them the input's.
    let class: String = (0x4E00..0x4E00 + 10_000)
        .filter_map(char::from_u32)
        .collect();
    let text = format!(r#"Replace([v], , "[{class}]", , "x", , )"#);
    let v = Attributes::new().with("v", "a".repeat(200));
    assert_eq!(
        length(within(&text, &v, Limits::DEFAULT).0),
        Err(over(Limit::RegexSteps, Limits::DEFAULT.regex_steps))
    );
}

#[test]
fn compiling_costs_a_step_per_instruction() {
    // Each pattern compiles to 6,003 instructions and fails to match in a few steps, so
    // compiling is nearly all of the cost: 166 of them fit in a million steps.
    let call = r#"Replace("b", , "(?:a{1000}){6}", , "x", , )"#;
    let v = Attributes::new();
    let calls = |n| length(within(&join_of(n, call), &v, Limits::DEFAULT).0);
    assert_eq!(calls(160), Ok(160));
    assert_eq!(
        calls(170),
        Err(over(Limit::RegexSteps, Limits::DEFAULT.regex_steps))
    );
}

#[test]
fn each_value_of_a_list_is_a_step() {
    let many = Attributes::new().with("p", Value::List(vec![String::new(); 1000]));
    let few = Limits {
        steps: 1000,
        ..Limits::DEFAULT
    };
    assert_eq!(
        within(r#"Join(",", [p])"#, &many, few).0,
        Err(over(Limit::Steps, 1000))
    );
    let commas = ",x".repeat(1000);
    assert_eq!(
        length(
            within(
                &format!(r#"Split("x{commas}", ",")"#),
                &Attributes::new(),
                few
            )
            .0
        ),
        Err(over(Limit::Steps, 1000))
    );
}

/// Runs `f`, failing if it takes seconds: what took seconds or gigabytes before the budget
/// takes milliseconds now, so the bound is loose enough for a busy machine's debug build.
fn quickly<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = std::time::Instant::now();
    let result = f();
    let took = start.elapsed();
    assert!(took.as_secs() < 5, "{what} took {took:?}");
    result
}

#[test]
fn the_shapes_that_froze_the_tab_stop_quickly_with_the_default_limits() {
    let limits = Limits::DEFAULT;
    let a = Attributes::new().with("v", "a");
    // Replace eight deep, ten a for each a: 10^8 bytes.
    let shape = tenfold(8);
    assert!(shape.len() < 300);
    let result = quickly("tenfold", || length(within(&shape, &a, limits).0));
    assert_eq!(result, Err(over(Limit::ValueLength, limits.value_bytes)));

    // Backtracking in many calls: 500 of them fit in an expression's length.
    let v = backtracking();
    let shape = join_of(500, BACKTRACKING_CALL);
    let result = quickly("backtracking", || length(within(&shape, &v, limits).0));
    assert_eq!(result, Err(over(Limit::RegexSteps, limits.regex_steps)));
    // 5,000 are too long to be typed, and built in code they share the one budget.
    let shape = join_of(5000, BACKTRACKING_CALL);
    let Err(ExprError::Parse(error)) = quickly("parsing", || run(&shape, &v)) else {
        panic!("5,000 calls are refused")
    };
    assert!(matches!(error.kind, ParseErrorKind::TooLong { .. }));
    let call = Arg::Value(parse(BACKTRACKING_CALL).expect("parses"));
    let args = std::iter::once(Arg::Value(Expr::Text(String::new())))
        .chain(std::iter::repeat_n(call, 5000))
        .collect();
    let built = Expr::call("Join", args);
    let result = quickly("built", || evaluate_within(&built, &v, &limits));
    assert_eq!(
        result.map_err(|e| e.kind),
        Err(over(Limit::RegexSteps, limits.regex_steps))
    );

    // 2,000 copies of a 1 MB value, each kept or joined.
    let v = Attributes::new().with("v", "x".repeat(1_000_000));
    let args = vec!["[v]"; 2000].join(", ");
    for shape in [
        format!("Coalesce({args})"),
        format!(r#"Switch("k", {args})"#),
        join_of(2000, "[v]"),
    ] {
        let result = quickly(&shape[..10], || length(within(&shape, &v, limits).0));
        assert_eq!(result, Err(over(Limit::TotalLength, limits.total_bytes)));
    }
}

/// The slowest evaluations found within the default limits, each stopped by them or just
/// under them. A measurement, not a check of behaviour: run it in release mode (the profile
/// the wasm is built with) with
/// `cargo test --release --lib worst_cases -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement for release mode"]
fn worst_cases_are_fast() {
    const MIB: usize = 1 << 20;
    let limits = Limits::DEFAULT;
    let cjk: String = (0x4E00..0x9FFF).filter_map(char::from_u32).collect();
    let values = Attributes::new()
        .with("ascii", "Sales and Marketing > Nordic ".repeat(MIB / 29))
        .with("e", "é".repeat(MIB / 2))
        .with("ae", "Æ".repeat(MIB / 2))
        .with("marked", "a\u{331}".repeat(MIB / 3))
        .with("cjk", "中".repeat(MIB / 3))
        .with("a", "a".repeat(MIB))
        .with("commas", "x,".repeat(49_000) + "x")
        .with("delimiters", cjk)
        .with("b15", format!("{}!", "a".repeat(15)))
        .with("b14", format!("{}!", "a".repeat(14)))
        .with("b12", format!("{}!", "a".repeat(12)))
        .with("months", "MMMM ".repeat(MIB / 5));
    let nested = |function: &str, depth| {
        (0..depth).fold("[ae]".to_owned(), |inner, _| format!("{function}({inner})"))
    };
    let repeated = |call: &str, count| join_of(count, call);
    let largest = format!(r#"Join("", {})"#, vec![r#""a""#; 3995].join(", "));
    let cases = [
        (
            "NormalizeDiacritics, é",
            repeated("NormalizeDiacritics([e])", 10),
        ),
        (
            "NormalizeDiacritics, marks",
            repeated("NormalizeDiacritics([marked])", 10),
        ),
        ("ToLower nested, Æ", nested("ToLower", 10)),
        ("ToLower, CJK", repeated("ToLower([cjk])", 10)),
        ("Mid", repeated("Mid([cjk], 2, 3)", 20)),
        ("InStr", repeated(r#"InStr([ascii], "zzz")"#, 20)),
        (
            "Word, many delimiters",
            repeated("Word([ascii], 2, [delimiters])", 20),
        ),
        (
            "IIF, lowering both sides",
            repeated(r#"IIF([ascii]=[a], "x", "y")"#, 10),
        ),
        ("Split", repeated(r#"Item(Split([commas], ","), 1)"#, 10)),
        (
            "regex, a step per place",
            repeated(r#"Replace([a], , "b", , "", , )"#, 10),
        ),
        ("regex, backtracking", repeated(BACKTRACKING_CALL, 500)),
        (
            "regex, groups",
            repeated(
                r#"Replace([ascii], , "((((((((((a))))))))))", , "", , )"#,
                10,
            ),
        ),
        (
            "group form, many matches",
            repeated(r#"Replace([ascii], , "(?<g>a)", "g", "a", , )"#, 10),
        ),
        ("largest expression", largest),
        ("PCase nested, Æ", nested("PCase", 10)),
        ("ToUpper, é", repeated("ToUpper([e])", 10)),
        (
            "PCase with separators",
            repeated("PCase([ascii], [delimiters])", 10),
        ),
        ("ConvertToBase64", repeated("ConvertToBase64([ae])", 10)),
        ("ConvertToUTF8Hex", repeated("ConvertToUTF8Hex([cjk])", 10)),
        (
            "RemoveDuplicates",
            repeated(r#"Count(RemoveDuplicates(Split([commas], ",")))"#, 10),
        ),
        (
            "FormatDateTime, long format",
            repeated(
                r#"FormatDateTime("2021-01-01", , "yyyy-MM-dd", [months])"#,
                10,
            ),
        ),
        (
            "regex just under, then ToLower",
            format!(
                r#"Join("", {}, {}, {}, {})"#,
                BACKTRACKING_CALL.replace("[v]", "[b15]"),
                BACKTRACKING_CALL.replace("[v]", "[b14]"),
                BACKTRACKING_CALL.replace("[v]", "[b12]"),
                nested("ToLower", 10),
            ),
        ),
        (
            "regex, then NormalizeDiacritics",
            format!(
                r#"Join("", {}, {})"#,
                repeated("NormalizeDiacritics([e])", 10),
                repeated(BACKTRACKING_CALL, 3)
            ),
        ),
    ];
    let mut slowest = std::time::Duration::ZERO;
    for (name, text) in cases {
        let expr = parse(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let mut best = std::time::Duration::MAX;
        let mut outcome = Ok(0);
        // The least of several runs: the machine may be busy with other work.
        for _ in 0..15 {
            let start = std::time::Instant::now();
            outcome = length(evaluate_within(&expr, &values, &limits).map_err(|e| e.kind));
            best = best.min(start.elapsed());
        }
        println!("{name:34} {best:>10.2?}  {outcome:?}");
        slowest = slowest.max(best);
    }
    println!("slowest: {slowest:.2?}");
    assert!(slowest.as_millis() < 50, "{slowest:?}");
}

#[test]
fn steps_just_under_and_just_over_the_limit() {
    let text = r#"Join(", ", Split("a,b,c", ","), Coalesce([x], "d"))"#;
    let (result, budget) = within(text, &Attributes::new(), Limits::DEFAULT);
    assert_eq!(result, Ok(Value::from("a, b, c, d")));
    // Join, its three arguments, Split and its two, Coalesce and its two; and the three
    // values of Split's list.
    let steps = budget.used().steps;
    assert_eq!(steps, 13);
    let exact = Limits {
        steps,
        ..Limits::DEFAULT
    };
    assert_eq!(
        within(text, &Attributes::new(), exact).0,
        Ok(Value::from("a, b, c, d"))
    );
    let short = Limits {
        steps: steps - 1,
        ..Limits::DEFAULT
    };
    assert_eq!(
        within(text, &Attributes::new(), short).0,
        Err(over(Limit::Steps, steps - 1))
    );
}
