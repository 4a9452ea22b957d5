//! The parser and printer: what parses, where an error points, and printing then parsing gives
//! the same tree.

use super::*;
use proptest::prelude::*;

fn error_of(text: &str) -> ParseError {
    match parse(text) {
        Ok(expr) => panic!("{text:?} parsed as {expr:?}"),
        Err(error) => error,
    }
}

/// The position of the first occurrence of `needle` in `text`, in characters.
fn char_pos(text: &str, needle: &str) -> usize {
    let byte = text.find(needle).expect("needle is in the text");
    text[..byte].chars().count()
}

#[test]
fn the_reference_examples_parse_and_print_back_unchanged() {
    let examples = [
        r#"Word("The quick brown fox", 3, " ")"#,
        r#"Word("This,string!has&many separators", 3, ",!&#")"#,
        r#"Split([extensionAttribute5], ",")"#,
        r#"Item([proxyAddresses], 1)"#,
        r#"Join(", ", "", [surname], [givenName])"#,
        r#"Append([userPrincipalName], ".test")"#,
        r#"Left("John Doe", 3)"#,
        r#"Append(Mid([givenName], 1, 3), Mid([surname], 1, 5))"#,
        r#"Replace([mail], "@contoso.com", , , "", , )"#,
        r#"Replace([UserID], "<username>", , , , , "<username>@contoso.com")"#,
        r#"Replace([mobile], , "[()\\s-]+", , "", , )"#,
        r#"Replace([telephoneNumber], , "\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})", , "${phoneNumber}", , )"#,
        r#"ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [PreferredFirstName], [PreferredLastName]))), "contoso.com"))"#,
        r#"Coalesce([mail], [userPrincipalName])"#,
        r#"Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney", "QLD", "Australia/Brisbane", "SA", "Australia/Adelaide")"#,
        r#"IIF([country]="USA", [country], [department])"#,
        r#"InStr("repEated", "e", 3, vbBinaryCompare)"#,
        r#"DateAdd("d", -10, CDate([StatusHireDate]))"#,
        r#"Guid()"#,
        r#"Join("", 1000, "x")"#,
    ];
    for text in examples {
        let expr = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        assert_eq!(expr.to_string(), text);
    }
}

#[test]
fn loose_spacing_is_accepted_and_printed_canonically() {
    let expr = parse("  Replace( [mail] ,\"@contoso.com\",,\n,\"\",, )  ").unwrap();
    assert_eq!(
        expr.to_string(),
        r#"Replace([mail], "@contoso.com", , , "", , )"#
    );
    let expr = parse(r#"IIF( [a] <> "b" , [c] >= 1, 2<=-3 )"#).unwrap();
    assert_eq!(expr.to_string(), r#"IIF([a]<>"b", [c]>=1, 2<=-3)"#);
}

#[test]
fn escapes_are_read_and_written() {
    let expr = parse(r#"Append("Company name: \"Contoso\"", "\\s")"#).unwrap();
    let Expr::Call(call) = &expr else {
        panic!("not a call")
    };
    assert_eq!(
        call.args[0],
        Arg::Value(Expr::Text("Company name: \"Contoso\"".into()))
    );
    assert_eq!(call.args[1], Arg::Value(Expr::Text("\\s".into())));
    assert_eq!(
        expr.to_string(),
        r#"Append("Company name: \"Contoso\"", "\\s")"#
    );
}

#[test]
fn empty_and_omitted_arguments_are_told_apart() {
    let Expr::Call(none) = parse("Guid()").unwrap() else {
        panic!()
    };
    assert!(none.args.is_empty());
    let Expr::Call(two) = parse("F(,)").unwrap() else {
        panic!()
    };
    assert_eq!(two.args, vec![Arg::Omitted, Arg::Omitted]);
    let Expr::Call(trailing) = parse("F(1, )").unwrap() else {
        panic!()
    };
    assert_eq!(
        trailing.args,
        vec![Arg::Value(Expr::Number(1)), Arg::Omitted]
    );
}

#[test]
fn names_and_attributes_are_kept_exactly() {
    let Expr::Call(call) = parse("word([Department Name], [extensionAttribute15])").unwrap() else {
        panic!()
    };
    assert_eq!(call.name, "word");
    assert_eq!(
        call.args[0],
        Arg::Value(Expr::Attribute("Department Name".into()))
    );
}

#[test]
fn positions_of_calls_count_characters() {
    let Expr::Call(outer) = parse(r#"  Join("æøå", ToLower([x]))"#).unwrap() else {
        panic!()
    };
    assert_eq!(outer.at, Some(2));
    let Arg::Value(Expr::Call(inner)) = &outer.args[1] else {
        panic!()
    };
    assert_eq!(inner.at, Some(14));
}

#[test]
fn parse_errors_point_at_the_offending_character() {
    let cases: [(&str, usize, ParseErrorKind); 18] = [
        ("", 0, ParseErrorKind::Empty),
        ("  \n ", 4, ParseErrorKind::Empty),
        ("[department]", 0, ParseErrorKind::ExpectedCall),
        (r#" "Sales""#, 1, ParseErrorKind::ExpectedCall),
        (
            r#"Word("abc", 3 " ")"#,
            14,
            ParseErrorKind::ExpectedCommaOrClose,
        ),
        (r#"Word("abc\q")"#, 9, ParseErrorKind::UnknownEscape),
        (r#"Word("abc)"#, 5, ParseErrorKind::UnclosedString),
        (r#"Word("abc\"#, 5, ParseErrorKind::UnclosedString),
        ("Left([mail, 3)", 10, ParseErrorKind::AttributeCharacter),
        ("Left([mail", 5, ParseErrorKind::UnclosedAttribute),
        ("Left([], 3)", 5, ParseErrorKind::EmptyAttribute),
        (
            "Left(\"x\", 99999999999999999999)",
            10,
            ParseErrorKind::NumberTooLarge,
        ),
        ("Left(\"x\", -)", 11, ParseErrorKind::ExpectedDigit),
        ("Left(\"x\", @)", 10, ParseErrorKind::ExpectedArgument),
        ("IIF([a]=, 1, 2)", 8, ParseErrorKind::ExpectedOperand),
        ("Guid() x", 7, ParseErrorKind::TrailingText),
        ("ToLower(\"å\") )", 13, ParseErrorKind::TrailingText),
        (
            "IIF([a]=1=2, 1, 2)",
            9,
            ParseErrorKind::ExpectedCommaOrClose,
        ),
    ];
    for (text, at, kind) in cases {
        let error = error_of(text);
        assert_eq!((error.at, &error.kind), (at, &kind), "{text:?}");
        assert_eq!(error.found, text.chars().nth(at), "{text:?}");
    }
}

#[test]
fn an_unclosed_call_is_reported_at_the_end_with_where_it_opened() {
    let text = r#"Join(".", ToLower([givenName]"#;
    let error = error_of(text);
    assert_eq!(error.at, text.chars().count());
    assert_eq!(error.found, None);
    assert_eq!(
        error.kind,
        ParseErrorKind::UnclosedCall {
            name: "ToLower".into(),
            opened_at: 17
        }
    );
    let text = r#"IIF([country]="Norge", [country] [department])"#;
    let second = error_of(text);
    assert_eq!(second.at, char_pos(text, " [department]") + 1);
    assert_eq!(second.kind, ParseErrorKind::ExpectedCommaOrClose);
}

#[test]
fn positions_after_non_ascii_text_count_characters_not_bytes() {
    let text = r#"Join("Sør-Trøndelag > Ålesund", @)"#;
    let error = error_of(text);
    assert_eq!(error.at, char_pos(text, "@"));
    assert_eq!(error.at, 32);
}

#[test]
fn deep_nesting_is_refused_without_overflowing() {
    let deep = "F(".repeat(MAX_NESTING + 1) + &")".repeat(MAX_NESTING + 1);
    let error = error_of(&deep);
    assert_eq!(error.kind, ParseErrorKind::TooDeep);
    assert_eq!(error.at, 2 * MAX_NESTING);
    let fine = "F(".repeat(MAX_NESTING) + &")".repeat(MAX_NESTING);
    assert!(parse(&fine).is_ok());
    let absurd = "F(".repeat(MAX_EXPRESSION_CHARS / 2);
    assert_eq!(error_kind(&absurd), ParseErrorKind::TooDeep);
    let longer = "F(".repeat(100_000);
    assert_eq!(
        error_kind(&longer),
        ParseErrorKind::TooLong { chars: 200_000 }
    );
}

#[test]
fn the_longest_expression_parses_and_a_longer_one_is_refused() {
    // Omitted arguments are the most nodes per character; «ø» has two bytes, one character.
    let text = |chars: usize| format!("Join(\"ø\"{})", ",".repeat(chars - 9));
    let longest = text(MAX_EXPRESSION_CHARS);
    assert_eq!(longest.chars().count(), MAX_EXPRESSION_CHARS);
    let start = std::time::Instant::now();
    let Ok(Expr::Call(call)) = parse(&longest) else {
        panic!("the longest expression parses")
    };
    assert_eq!(call.args.len(), MAX_EXPRESSION_CHARS - 8);
    let took = start.elapsed();
    assert!(took.as_secs() < 2, "{took:?}");
    // Printed, it has a space after each comma: too long to parse back.
    let printed = call.to_string();
    assert!(printed.chars().count() > MAX_EXPRESSION_CHARS);
    assert!(matches!(
        error_kind(&printed),
        ParseErrorKind::TooLong { .. }
    ));
    let longer = text(MAX_EXPRESSION_CHARS + 1);
    let error = error_of(&longer);
    assert_eq!(
        error.kind,
        ParseErrorKind::TooLong {
            chars: MAX_EXPRESSION_CHARS + 1
        }
    );
    assert_eq!(error.at, MAX_EXPRESSION_CHARS);
    assert_eq!(error.found, Some(')'));
    // A megabyte is refused without being parsed.
    let start = std::time::Instant::now();
    let huge = "Join(\"\", [v]".to_owned() + &", [v]".repeat(200_000) + ")";
    assert!(matches!(error_kind(&huge), ParseErrorKind::TooLong { .. }));
    let took = start.elapsed();
    assert!(took.as_secs() < 2, "{took:?}");
}

fn error_kind(text: &str) -> ParseErrorKind {
    error_of(text).kind
}

fn name() -> impl Strategy<Value = String> {
    "[A-Za-z_][A-Za-z0-9_]{0,8}"
}

fn leaf() -> impl Strategy<Value = Expr> {
    prop_oneof![
        "[^\\[\\]\",()\\p{Cc}]{1,12}".prop_map(Expr::Attribute),
        any::<String>().prop_map(Expr::Text),
        any::<i64>().prop_map(Expr::Number),
        name().prop_map(Expr::Name),
    ]
}

fn operand() -> impl Strategy<Value = Expr> {
    leaf().prop_recursive(4, 32, 5, |inner| {
        let arg = prop_oneof![
            4 => inner.clone().prop_map(Arg::Value),
            1 => Just(Arg::Omitted),
            1 => (inner.clone(), proptest::sample::select(CompareOp::ALL.to_vec()), inner.clone())
                .prop_map(|(left, op, right)| Arg::Compare(Comparison { left, op, right })),
        ];
        (name(), proptest::collection::vec(arg, 0..5)).prop_map(|(name, mut args)| {
            // A lone left-out argument prints as no argument; see `Display for Expr`.
            if args == [Arg::Omitted] {
                args.clear();
            }
            Expr::call(&name, args)
        })
    })
}

fn expression() -> impl Strategy<Value = Expr> {
    (
        name(),
        proptest::collection::vec(operand().prop_map(Arg::Value), 0..4),
    )
        .prop_map(|(name, args)| Expr::call(&name, args))
}

proptest! {
    #[test]
    fn printing_then_parsing_gives_the_same_tree(expr in expression()) {
        let text = expr.to_string();
        let parsed = parse(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e:?}")))?;
        prop_assert_eq!(parsed.without_positions(), expr);
        prop_assert_eq!(parsed.to_string(), text);
    }

    #[test]
    fn printing_is_canonical(text in "[A-Za-z(),\\[\\]\" =<>0-9\\\\-]{0,40}") {
        if let Ok(expr) = parse(&text) {
            let printed = expr.to_string();
            let again = parse(&printed).map_err(|e| TestCaseError::fail(format!("{printed}: {e:?}")))?;
            prop_assert_eq!(again.to_string(), printed);
        }
    }

    #[test]
    fn the_parser_never_panics(text in any::<String>()) {
        let _ = parse(&text);
    }

    #[test]
    fn the_parser_never_panics_on_near_expressions(text in "[A-Za-z(),\\[\\]\"\\\\ =<>0-9-]{0,60}") {
        if let Err(error) = parse(&text) {
            prop_assert!(error.at <= text.chars().count());
        }
    }
}
