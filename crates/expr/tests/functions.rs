//! Edges of the functions added for issue 26, one test per function family, each expected value
//! from .NET's documented behaviour (stated where it is not obvious) or the reference's rules.

use scim_token_expr::{
    evaluate_within, parse, run, run_at, Attributes, DateTime, EvalErrorKind, ExprError, Limit,
    Limits, ParseErrorKind, Unstated, Value,
};

mod support;

use support::{attributes, output, refusal};

fn unstated(what: Unstated) -> EvalErrorKind {
    EvalErrorKind::Unstated(what)
}

fn list(values: &[&str]) -> Value {
    Value::List(values.iter().map(|v| (*v).to_owned()).collect())
}

#[test]
fn to_upper_raises_what_every_dotnet_raises_alike() {
    // ToUpperInvariant maps one UTF-16 unit to one: ß has no single capital and stays.
    assert_eq!(
        output("ToUpper([a])", &[("a", "Zoë Ærø Straße")]),
        "ZOË ÆRØ STRAßE"
    );
    assert_eq!(output("ToUpper([a])", &[("a", "αβγ жэ")]), "ΑΒΓ ЖЭ");
    assert_eq!(
        refusal("ToUpper([a])", &[("a", "ı")]),
        unstated(Unstated::UpperCase('ı'))
    );
    assert_eq!(
        refusal("ToUpper([a])", &[("a", "ǆ")]),
        unstated(Unstated::UpperCase('ǆ'))
    );
    assert_eq!(
        refusal(r#"ToUpper("a", "tr-TR")"#, &[]),
        unstated(Unstated::Culture)
    );
    assert_eq!(output("ToUpper([a])", &[("a", "漢字 123")]), "漢字 123");
}

#[test]
fn p_case_is_to_title_case_of_the_lowered_text() {
    let p = |text: &str| output("PCase([a])", &[("a", text)]);
    // TextInfo.ToTitleCase: «'» inside a word keeps it going; digits belong to the word;
    // «_», «-», «(» and every other punctuation or symbol end it.
    assert_eq!(p("O'NEIL"), "O'neil");
    assert_eq!(p("'abc"), "'Abc");
    assert_eq!(p("mcdonald-smith"), "Mcdonald-Smith");
    // A digit is no letter, so the letter after it starts a word: .NET's own «1St».
    assert_eq!(p("1st place"), "1St Place");
    assert_eq!(p("abc1def ghi"), "Abc1def Ghi");
    assert_eq!(p("hello_world+x"), "Hello_World+X");
    assert_eq!(p("ÆRLIG ØYVIND\tÅSE"), "Ærlig Øyvind\tÅse");
    assert_eq!(p("straße"), "Straße");
    assert_eq!(p(""), "");
    assert_eq!(
        refusal("PCase([a])", &[("a", "ΑΒΓ")]),
        unstated(Unstated::TitleCase('Α'))
    );
    assert_eq!(
        refusal("PCase([a])", &[("a", "µ")]),
        unstated(Unstated::TitleCase('µ'))
    );
    // With wordSeparators, only those end a word.
    assert_eq!(
        output(r#"PCase([a], "")"#, &[("a", "ANNE MARIE")]),
        "Anne marie"
    );
    assert_eq!(
        output(r#"PCase([a], " ")"#, &[("a", "o'neil-smith jr")]),
        "O'neil-smith Jr"
    );
    assert_eq!(
        refusal(r#"PCase([a], "x")"#, &[("a", "axb")]),
        unstated(Unstated::TitleCase('x'))
    );
}

#[test]
fn the_is_functions_not_cbool_and_ignore_flow() {
    let present = [("a", "x")];
    let empty = [("a", "")];
    assert_eq!(output("IsNull([a])", &empty), "False");
    assert_eq!(output("IsNullOrEmpty([a])", &empty), "True");
    assert_eq!(output("IsPresent([a])", &empty), "False");
    assert_eq!(output("IsPresent([a])", &present), "True");
    assert_eq!(output("IsString([a])", &present), "True");
    assert_eq!(output("IsString(CBool(1))", &[]), "False");
    assert_eq!(
        refusal("IsString(3)", &[]),
        unstated(Unstated::IsStringType)
    );
    assert_eq!(
        refusal("IsString([a])", &[]),
        unstated(Unstated::IsStringType)
    );
    // Not: «If source value is True, returns False. Otherwise, returns True.»
    assert_eq!(output(r#"Not("True")"#, &[]), "False");
    assert_eq!(output(r#"Not("False")"#, &[]), "True");
    assert_eq!(output(r#"Not("Sales")"#, &[]), "True");
    assert_eq!(output("Not(IsPresent([a]))", &present), "False");
    // Boolean.Parse would read «true»; a comparison with «True» would not.
    assert_eq!(
        refusal(r#"Not("true")"#, &[]),
        unstated(Unstated::NotBoolean)
    );
    assert_eq!(
        refusal("Not([a])", &[]),
        unstated(Unstated::NullArgument { index: 1 })
    );
    assert_eq!(output("CBool(0)", &[]), "False");
    assert_eq!(output("CBool(-3)", &[]), "True");
    assert_eq!(
        refusal(r#"CBool("yes")"#, &[]),
        unstated(Unstated::NotBoolean)
    );
    assert_eq!(output(r#"IIF(CBool(0), "a", "b")"#, &[]), "b");
    // The left out attribute inside another function.
    let nested = r#"Join(",", IgnoreFlowIfNullOrEmpty([a]), "b")"#;
    assert_eq!(
        refusal(nested, &empty),
        unstated(Unstated::IgnoreFlowNested)
    );
    assert_eq!(output(nested, &present), "x,b");
    assert_eq!(
        run("IgnoreFlowIfNullOrEmpty([a])", &attributes(&empty)),
        Ok(Value::LeftOutOfFlow)
    );
}

#[test]
fn conversions() {
    assert_eq!(output("CStr(5)", &[]), "5");
    assert_eq!(output("CStr(CBool(1))", &[]), "True");
    assert_eq!(
        refusal("CStr([a])", &[]),
        unstated(Unstated::NullArgument { index: 1 })
    );
    // Encoding.Unicode: é is E9 00; 😀 is the surrogates D83D DE00, little-endian.
    assert_eq!(output(r#"ConvertToBase64("")"#, &[]), "");
    assert_eq!(output(r#"ConvertToBase64("é")"#, &[]), "6QA=");
    assert_eq!(output(r#"ConvertToBase64("😀")"#, &[]), "PdgA3g==");
    assert_eq!(output(r#"ConvertToUTF8Hex("é")"#, &[]), "C3A9");
    assert_eq!(output(r#"ConvertToUTF8Hex("")"#, &[]), "");
    assert_eq!(output("BitAnd(&H7FFFFFFF, -1)", &[]), "2147483647");
    // userAccountControl 514: ACCOUNTDISABLE (2) | NORMAL_ACCOUNT (512).
    assert_eq!(output("BitAnd([uac], 2)", &[("uac", "514")]), "2");
    assert_eq!(
        refusal("BitAnd([uac], 2)", &[("uac", " 514")]),
        EvalErrorKind::NotANumber { index: 1 }
    );
    assert_eq!(output("Redact([a])", &[]), "");
    assert_eq!(run("Redact([a])", &Attributes::new()), Ok(Value::Null));
}

#[test]
fn hexadecimal_constants() {
    let kind = |text: &str| parse(text).unwrap_err().kind;
    assert_eq!(
        parse("BitAnd(&HF7, &H0)").unwrap().to_string(),
        "BitAnd(247, 0)"
    );
    // &H80000000 is a negative Integer in Visual Basic and a Long elsewhere: not read.
    assert_eq!(
        kind("BitAnd(&H80000000, 1)"),
        ParseErrorKind::NumberTooLarge
    );
    assert_eq!(kind("BitAnd(&h1, 1)"), ParseErrorKind::ExpectedHexDigit);
    assert_eq!(kind("BitAnd(&H, 1)"), ParseErrorKind::ExpectedHexDigit);
}

#[test]
fn count_and_remove_duplicates() {
    let with = |values: Value| Attributes::new().with("p", values);
    assert_eq!(
        run("Count([p])", &with(list(&["a", "b", "a"]))),
        Ok(Value::Number(3))
    );
    assert_eq!(
        refusal("Count([p])", &[("p", "a")]),
        unstated(Unstated::NotMultiValued)
    );
    assert_eq!(
        run("RemoveDuplicates([p])", &with(list(&["b", "a", "b", "a"]))),
        Ok(list(&["b", "a"]))
    );
    assert_eq!(
        run(
            "RemoveDuplicates([p])",
            &with(list(&["SMTP:a@x", "smtp:a@x"]))
        ),
        Err(ExprError::Eval(scim_token_expr::EvalError {
            function: Some("RemoveDuplicates".into()),
            at: Some(0),
            kind: unstated(Unstated::DuplicatesCase),
        }))
    );
}

#[test]
fn dates() {
    assert_eq!(
        refusal("CDate([a])", &[("a", "2021-08-24")]),
        unstated(Unstated::DateZone)
    );
    assert_eq!(
        refusal("CDate([a])", &[("a", "16/03/2020")]),
        unstated(Unstated::DateText)
    );
    assert_eq!(
        refusal("CDate([a])", &[("a", "0001-01-01T00:00:00+01:00")]),
        unstated(Unstated::DateRange)
    );
    assert_eq!(
        output(r#"CDate(CDate("2021-01-01Z"))"#, &[]),
        "1/1/2021 12:00:00 AM"
    );
    // AddMonths keeps the day where the month has it.
    assert_eq!(
        output(r#"DateAdd("m", 1, CDate("2024-01-31T10:00:00Z"))"#, &[]),
        "2/29/2024 10:00:00 AM"
    );
    assert_eq!(
        output(r#"DateAdd("n", -90, "1/1/2021 12:30:00 AM")"#, &[]),
        "12/31/2020 11:00:00 PM"
    );
    assert_eq!(
        refusal(r#"DateAdd("q", 1, CDate("2024-01-31Z"))"#, &[]),
        unstated(Unstated::DateInterval)
    );
    assert_eq!(
        refusal(r#"DateAdd("d", 1, "2021-01-01")"#, &[]),
        unstated(Unstated::NotADate { index: 3 })
    );
    assert_eq!(
        refusal(r#"DateAdd("yyyy", 8000, CDate("2024-01-31Z"))"#, &[]),
        unstated(Unstated::DateRange)
    );
    // DateDiff truncates toward zero (Fix); «ww» counts Sundays; «m» calendar months.
    let diff = |interval: &str, a: &str, b: &str| {
        output(
            &format!(r#"DateDiff("{interval}", CDate("{a}"), CDate("{b}"))"#),
            &[],
        )
    };
    assert_eq!(
        diff("d", "2021-01-01T00:00:00Z", "2021-01-02T23:00:00Z"),
        "1"
    );
    assert_eq!(
        diff("d", "2021-01-02T23:00:00Z", "2021-01-01T00:00:00Z"),
        "-1"
    );
    assert_eq!(
        diff("ww", "2021-01-02T00:00:00Z", "2021-01-03T00:00:00Z"),
        "1",
        "Saturday to Sunday"
    );
    assert_eq!(
        diff("ww", "2021-01-03T00:00:00Z", "2021-01-09T00:00:00Z"),
        "0",
        "Sunday to Saturday"
    );
    assert_eq!(diff("m", "2021-01-31Z", "2021-02-01Z"), "1");
    assert_eq!(diff("yyyy", "2021-12-31Z", "2022-01-01Z"), "1");
    assert_eq!(output("DateFromNum(0)", &[]), "1/1/1601 12:00:00 AM");
    assert_eq!(
        refusal("DateFromNum(-1)", &[]),
        unstated(Unstated::DateRange)
    );
    assert_eq!(output(r#"NumFromDate("1601-01-01T00:00:00Z")"#, &[]), "0");
    assert_eq!(
        refusal(r#"NumFromDate("2021-01-01")"#, &[]),
        unstated(Unstated::DateZone)
    );
    assert_eq!(
        output("NumFromDate(DateFromNum(129699324000000000))", &[]),
        "129699324000000000"
    );
}

#[test]
fn format_date_time() {
    let f = |source: &str, input: &str, output_format: &str| {
        run(
            &format!(r#"FormatDateTime([a], , "{input}", "{output_format}")"#),
            &attributes(&[("a", source)]),
        )
        .map(|value| value.to_string())
        .map_err(|error| match error {
            ExprError::Eval(error) => error.kind,
            ExprError::Parse(error) => panic!("{error:?}"),
        })
    };
    assert_eq!(
        f("23.01.2015", "dd.MM.yyyy", "dddd, MMMM d"),
        Ok("Friday, January 23".into())
    );
    assert_eq!(
        f("1/5/2021 3:04 PM", "M/d/yyyy h:mm tt", "HH:mm"),
        Ok("15:04".into())
    );
    assert_eq!(
        f("2021-01-05", "yyyy-MM-dd", "d"),
        Err(unstated(Unstated::DateFormat(' ')))
    );
    assert_eq!(
        f("2021-01-05", "yyyy-MM-dd", "yyyy zzz"),
        Err(unstated(Unstated::DateFormat('z')))
    );
    assert_eq!(
        f("2021-01-05", "dd.MM.yyyy", "yyyy"),
        Err(unstated(Unstated::DateNoMatch))
    );
    // An offset is read with «zzz», whose time .NET moves to the server's own zone.
    assert_eq!(
        f("2021-01-05-08:00", "yyyy-MM-ddzzz", "yyyy"),
        Err(unstated(Unstated::DateFormat('z')))
    );
    assert_eq!(
        f("2021-01-05-08:00", "yyyy-MM-dd", "yyyy"),
        Err(unstated(Unstated::DateNoMatch))
    );
    assert_eq!(
        refusal(
            r#"FormatDateTime([a], "AdjustToUniversal", "yyyy", "yyyy")"#,
            &[("a", "2021")]
        ),
        unstated(Unstated::DateTimeStyles)
    );
}

#[test]
fn changing_functions_give_examples_from_the_moment() {
    let now = DateTime::from_unix_millis(1_700_000_000_123).unwrap();
    let at = |text: &str| run_at(text, &Attributes::new(), now).map(|v| v.to_string());
    assert_eq!(at("Now()"), Ok("11/14/2023 10:13:20 PM".into()));
    // Two Guids in one expression differ; the version nibble is 4, the variant 8 to b.
    let two = at(r#"Join(" ", Guid(), Guid())"#).unwrap();
    let (a, b) = two.split_once(' ').unwrap();
    assert_ne!(a, b);
    for guid in [a, b] {
        assert_eq!(&guid[14..15], "4", "{guid}");
        assert!("89ab".contains(&guid[19..20]), "{guid}");
    }
    for refused in [
        "RandomString(257, 0, 0, 0, 0)",
        "RandomString(4, 3, 3, 0, 0)",
        "RandomString(4, -1, 0, 0, 0)",
        r#"RandomString(4, 1, 0, 0, 0, "0123456789")"#,
    ] {
        assert_eq!(
            refusal(refused, &[]),
            unstated(Unstated::RandomStringLengths),
            "{refused}"
        );
    }
    let avoided = at(r#"RandomString(256, 0, 0, 0, 0, "abcdefghijklmnopqrstuvwxyz")"#).unwrap();
    assert_eq!(avoided.len(), 256);
    assert!(
        !avoided.chars().any(|c| c.is_ascii_lowercase()),
        "{avoided}"
    );
}

#[test]
fn what_the_input_sizes_is_within_the_budget() {
    let long = "é".repeat(300_000);
    let within = |text: &str| {
        evaluate_within(
            &parse(text).unwrap(),
            &Attributes::new()
                .with("a", long.as_str())
                .with("separators", " -'".repeat(300_000)),
            &Limits::DEFAULT,
        )
        .map_err(|error| error.kind)
    };
    // 600,000 bytes become 1.2 MB of hex, or 800,000 of base64; over the 1 MiB limit, refused
    // before anything is built.
    let over = EvalErrorKind::OverBudget {
        limit: Limit::ValueLength,
        max: 1 << 20,
    };
    assert_eq!(within("ConvertToUTF8Hex([a])"), Err(over.clone()));
    assert_eq!(
        within("ConvertToBase64([a])").map(|v| v.to_string().len()),
        Ok(800_000)
    );
    assert_eq!(
        within("PCase(ToUpper([a]))").map(|v| v.to_string().len()),
        Ok(600_000)
    );
    assert_eq!(
        within(r#"PCase([a], [separators])"#).map(|v| v.to_string().len()),
        Ok(600_000),
        "a long list of separators costs no more than a short one"
    );
}

/// Found by the oracle (crates/expr/tests/oracle): Mono's `ToLowerInvariant` keeps the
/// title-case digraphs, ẞ, the Kelvin, Ohm and Ångström signs and every capital Unicode added
/// after its tables (Cherokee, Georgian Mtavruli, Ϳ), where Rust's table (and newer .NETs)
/// lower them; and `ToUpperInvariant` keeps ς. Which .NET Entra runs is not known: refused.
#[test]
fn casing_where_dotnets_differ_is_refused() {
    for (expression, c) in [
        ("ToLower(\"Ǆǅ\")", 'ǅ'),
        ("ToLower(\"ẞ\")", 'ẞ'),
        ("ToLower(\"\u{212A}\")", '\u{212A}'),
        ("ToLower(\"\u{2126}\")", '\u{2126}'),
        ("ToLower(\"Ꭰ\")", 'Ꭰ'),
        ("ToLower(\"Ა\")", 'Ა'),
        ("ToLower(\"Ϳ\")", 'Ϳ'),
        ("ToLower(\"ϴ\")", 'ϴ'),
    ] {
        assert_eq!(
            refusal(expression, &[]),
            unstated(Unstated::LowerCase(c)),
            "{expression}"
        );
    }
    assert_eq!(
        refusal("ToUpper(\"ς\")", &[]),
        unstated(Unstated::UpperCase('ς'))
    );
    // What every .NET lowers alike is still answered.
    assert_eq!(
        output("ToLower(\"ÆØÅ ΣΑΣ ЖЁ ԱՐ ḂB\")", &[]),
        "æøå σασ жё ար ḃb"
    );
}

/// Found by the oracle: a delimiter outside the Basic Multilingual Plane is two UTF-16 units
/// in .NET, not one `char` (`Split(char[])` would split at either half): refused, as Word's.
#[test]
fn split_at_a_character_beyond_the_plane_is_refused() {
    assert_eq!(
        refusal("Split([s], [t])", &[("s", "a😀b"), ("t", "😀")]),
        unstated(Unstated::SplitDelimiter)
    );
}

/// Found by the oracle: with AllowLeadingWhite and AllowTrailingWhite, ParseExact trims white
/// space from the ends of the *format* as well as the text (`TrimTail`, `SkipWhiteSpaces`), and
/// the white space just inside a quote at the end (`RemoveTrailingInQuoteSpaces`) or at the
/// start (`RemoveLeadingInQuoteSpaces`). So a format ending in a space reads text without one.
#[test]
fn format_date_time_trims_the_input_format_as_parse_exact_does() {
    let f = |source: &str, input: &str| {
        output(
            r#"FormatDateTime([a], , [i], "yyyy-MM-dd HH:mm")"#,
            &[("a", source), ("i", input)],
        )
    };
    assert_eq!(f("19-10-2378 00:16", "d-M-yyyy HH:mm "), "2378-10-19 00:16");
    assert_eq!(
        f("19-10-2378 00:16", " \td-M-yyyy HH:mm"),
        "2378-10-19 00:16"
    );
    assert_eq!(
        f("19-10-2378 00:16", "d-M-yyyy HH:mm'  '"),
        "2378-10-19 00:16"
    );
    assert_eq!(
        f("x19-10-2378 00:16", "'  x'd-M-yyyy HH:mm"),
        "2378-10-19 00:16"
    );
    // A space of the format (not quoted, not escaped) that the text does not have is skipped:
    // ParseByFormat then tries the format's next character (checked with Mono).
    assert_eq!(f("2378-10-1900:16", "yyyy-MM-dd HH:mm"), "2378-10-19 00:16");
    assert_eq!(f("23781019", "yyyy MM dd"), "2378-10-19 00:00");
    assert_eq!(f("2378-10-19", "yyyy-MM-dd ' '"), "2378-10-19 00:00");
    for (source, input) in [
        ("2378-10-19  00:16", "yyyy-MM-dd HH:mm"),
        ("2378-10-19\t00:16", "yyyy-MM-dd HH:mm"),
        ("2378-10-19 00:16", "yyyy-MM-dd'  'HH:mm"),
    ] {
        assert_eq!(
            refusal(
                r#"FormatDateTime([a], , [i], "yyyy")"#,
                &[("a", source), ("i", input)]
            ),
            unstated(Unstated::DateNoMatch),
            "{source:?} in {input:?}"
        );
    }
}

/// Found by the oracle: DateDiff's «ww» moves each date back to its Sunday with
/// `DateTime.AddDays`, which throws for the first days of year 1 (0001-01-01 was a Monday).
#[test]
fn date_diff_in_weeks_from_the_first_days_of_year_one_is_out_of_range() {
    assert_eq!(
        refusal(
            r#"DateDiff("ww", CDate([a]), CDate([b]))"#,
            &[("a", "0001-01-02T20:41:47Z"), ("b", "2066-11-20T18:11:29Z")]
        ),
        unstated(Unstated::DateRange)
    );
    assert_eq!(
        output(
            r#"DateDiff("ww", CDate([a]), CDate([b]))"#,
            &[("a", "0001-01-07T00:00:00Z"), ("b", "0001-01-14T00:00:00Z")]
        ),
        "1"
    );
}
