//! The evaluator's other functions against the .NET call each mirrors (docs/helpers.md's
//! table): one expression over sample attributes for the evaluator, one `fn` request for the
//! oracle, and the verdict. Generated inputs: strings of many scripts and case rules, numbers
//! (`&H` constants at their edges, negative ones, decimal text), date text (valid and invalid
//! ISO forms, offsets, leap days, the ends of the range), and date format strings made of the
//! tokens FormatDateTime takes and some it refuses.

use scim_token_expr::{run, Attributes, EvalErrorKind, ExprError, ParseErrorKind, Unstated, Value};

use crate::cases::Verdict;
use crate::gen::Rng;
use crate::mono::{encode, Answer};

/// One function case.
#[derive(Clone, Debug)]
pub struct FnCase {
    /// The row it is counted in: the function's name (PCase with separators apart).
    pub function: &'static str,
    /// The expression, over the attributes `[s]`, `[t]`, `[u]`.
    pub expression: String,
    pub attributes: Attributes,
    /// Rust source that builds the attributes, for a regression test.
    attributes_source: String,
    /// The oracle's request: `fn NAME` and its fields (`None` is a null string).
    pub op: &'static str,
    pub fields: Vec<Option<String>>,
}

impl FnCase {
    fn new(function: &'static str, expression: impl Into<String>, op: &'static str) -> FnCase {
        FnCase {
            function,
            expression: expression.into(),
            attributes: Attributes::new(),
            attributes_source: "Attributes::new()".to_owned(),
            op,
            fields: Vec::new(),
        }
    }

    /// Sets attribute `name` to `value` (no value for `None`).
    fn attr(mut self, name: &str, value: Option<&str>) -> FnCase {
        if let Some(value) = value {
            self.attributes.set(name, Value::from(value));
            self.attributes_source
                .push_str(&format!(".with({name:?}, {value:?})"));
        }
        self
    }

    fn list(mut self, name: &str, items: &[String]) -> FnCase {
        self.attributes.set(name, Value::List(items.to_vec()));
        self.attributes_source.push_str(&format!(
            ".with({name:?}, Value::List(vec![{}]))",
            items
                .iter()
                .map(|i| format!("{i:?}.into()"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        self
    }

    fn field(mut self, field: Option<&str>) -> FnCase {
        self.fields.push(field.map(str::to_owned));
        self
    }

    fn text(self, field: &str) -> FnCase {
        self.field(Some(field))
    }

    pub fn request(&self) -> String {
        let mut line = format!("fn {}", self.op);
        for field in &self.fields {
            line.push(' ');
            match field {
                Some(text) => line.push_str(&encode(&text.encode_utf16().collect::<Vec<_>>())),
                None => line.push('n'),
            }
        }
        line
    }

    pub fn judge(&self, oracle: &Answer) -> (Result<Value, ExprError>, Verdict) {
        let ours = run(&self.expression, &self.attributes);
        let verdict = self.verdict(&ours, oracle);
        (ours, verdict)
    }

    /// A `#[test]` that fails while the evaluator differs from .NET on this case.
    pub fn regression_test(&self, name: &str, oracle: &Answer) -> String {
        let expected = match oracle.kind.as_str() {
            "ok" => {
                let texts: Vec<String> = oracle
                    .texts
                    .iter()
                    .map(|t| String::from_utf16_lossy(t))
                    .collect();
                let expected = match texts.as_slice() {
                    [one] if self.op != "split" && self.op != "distinct" => {
                        format!("Some({one:?}.to_owned())")
                    }
                    _ => format!(
                        "Some(Value::List(vec![{}]).to_string())",
                        texts
                            .iter()
                            .map(|t| format!("{t:?}.into()"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                format!(
                    "    // .NET answers this.\n    assert_eq!(result.ok().map(|v| v.to_string()), {expected});"
                )
            }
            kind => format!(
                "    // .NET answers «{kind} {}»: no value.\n    assert!(result.is_err());",
                oracle.words.join(" ")
            ),
        };
        format!(
            "#[test]\nfn {name}() {{\n    use scim_token_expr::*;\n    let user = {};\n    \
             let result = run({:?}, &user);\n{expected}\n}}",
            self.attributes_source, self.expression
        )
    }

    fn verdict(&self, ours: &Result<Value, ExprError>, oracle: &Answer) -> Verdict {
        let differ = |what: String| Verdict::Differ(what);
        let word = |w: &str| oracle.words.iter().any(|x| x == w);
        match (ours, oracle.kind.as_str()) {
            (Ok(value), "ok") => {
                if word("Unspecified") {
                    return differ(
                        "the text has no time zone, so .NET's answer depends on the server's, yet \
                         the evaluator answered"
                            .into(),
                    );
                }
                if self.op == "datediff" && word("1") {
                    return differ("the .NET versions round this difference differently, yet the evaluator answered".into());
                }
                let shown = shown(Ok(value.clone()));
                let dotnet: Vec<String> = oracle
                    .texts
                    .iter()
                    .map(|t| String::from_utf16(t).unwrap_or_else(|_| "<half a pair>".into()))
                    .collect();
                if shown == dotnet {
                    Verdict::Agree
                } else {
                    differ("the evaluator's answer is not .NET's".into())
                }
            }
            (Ok(_), kind) => differ(format!(
                ".NET answers «{kind} {}», the evaluator a value",
                oracle.words.join(" ")
            )),
            // .NET throws: no value from either.
            (Err(_), "err") => Verdict::NoValue,
            (Err(error), _) => {
                if self.decline_holds(error, oracle) {
                    Verdict::Declined
                } else {
                    differ(format!(
                        "the evaluator gave no value ({error:?}), which .NET's answer contradicts"
                    ))
                }
            }
        }
    }

    /// Whether the evaluator's reason for giving no value holds where .NET has an answer.
    fn decline_holds(&self, error: &ExprError, oracle: &Answer) -> bool {
        let word = |w: &str| oracle.words.iter().any(|x| x == w);
        let inputs = || self.fields.iter().flatten();
        let occurs = |c: char| inputs().any(|f| f.contains(c));
        let kind = match error {
            // An &H constant past &H7FFFFFFF, which Visual Basic reads as a negative Integer
            // (up to 8 digits) or a Long: refused when read.
            ExprError::Parse(parse) => {
                return parse.kind == ParseErrorKind::NumberTooLarge
                    && self.expression.contains("&H");
            }
            ExprError::Eval(eval) => &eval.kind,
        };
        let unstated = match kind {
            // Text that is not a whole number in decimal digits, read otherwise by .NET's
            // conversions (`+5`, ` 5`): refused.
            EvalErrorKind::NotANumber { .. } => {
                return inputs().any(|f| {
                    let digits = f.strip_prefix('-').unwrap_or(f);
                    digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit())
                })
            }
            EvalErrorKind::OverBudget { .. } => return true,
            EvalErrorKind::Unstated(unstated) => unstated,
            _ => return false,
        };
        match unstated {
            Unstated::UpperCase(c) | Unstated::LowerCase(c) | Unstated::TitleCase(c) => occurs(*c),
            Unstated::CutsCharacter => oracle.texts.iter().any(|t| String::from_utf16(t).is_err()),
            Unstated::InStrNotFound => oracle.kind == "nomatch",
            Unstated::DateZone => word("Unspecified"),
            Unstated::DateDiffRounding => word("1"),
            // Values the same in Unicode's lower case (İ and i̇ too) or to OrdinalIgnoreCase.
            Unstated::DuplicatesCase => {
                let lowered: Vec<String> = inputs().map(|f| f.to_lowercase()).collect();
                let mut unique = lowered.clone();
                unique.sort();
                unique.dedup();
                let mut exact: Vec<&String> = inputs().collect();
                exact.sort();
                exact.dedup();
                word("1") || unique.len() < exact.len()
            }
            Unstated::SplitDelimiter => self
                .fields
                .get(1)
                .and_then(Option::as_ref)
                .is_some_and(|d| d.encode_utf16().count() != 1),
            Unstated::NotBoolean => match self.op {
                "not" => word("1"),
                _ => !inputs().any(|f| f == "True" || f == "False"),
            },
            Unstated::DateFormat(' ') => inputs().any(|f| f.chars().count() <= 1),
            Unstated::DateFormat(c) => occurs(*c),
            Unstated::NullArgument { .. } => self.fields.iter().any(Option::is_none),
            Unstated::SplitTrimming => oracle.texts.iter().any(|t| {
                let t = String::from_utf16_lossy(t);
                t.trim() != t
            }),
            Unstated::SplitEmptyParts => oracle.texts.iter().any(Vec::is_empty),
            // DateAdd of years or quarters whose months overflow Int32: Calendar.AddYears
            // (`years * 12`) wraps around, so .NET gives a date, though the date asked for is
            // past the range. Otherwise .NET answered: the range is contradicted.
            // CDate of a moment before 0001-01-01 UTC (year 1 with an offset east of UTC):
            // DateTimeParse adds a day to negative ticks (meant for text with a time alone), so
            // .NET gives 1/1/0001, not the moment.
            Unstated::DateRange if self.op == "cdate" => oracle
                .texts
                .first()
                .is_some_and(|t| String::from_utf16_lossy(t).starts_with("1/1/0001 ")),
            Unstated::DateRange => {
                self.op == "dateadd"
                    && self
                        .fields
                        .get(1)
                        .and_then(Option::as_ref)
                        .and_then(|n| n.parse::<i64>().ok())
                        .is_some_and(|n| {
                            let per = match self.fields[0].as_deref() {
                                Some("yyyy") => 12,
                                Some("q") => 3,
                                _ => 1,
                            };
                            per > 1 && i32::try_from(n * per).is_err()
                        })
            }
            Unstated::DateNoMatch => false,
            // What .NET reads by heuristics, other intervals, a list's case, a culture…:
            // open by the reference, not checkable here.
            _ => true,
        }
    }
}

/// A value as the oracle writes it: text, a number in decimal, `True`/`False`, a date as
/// `M/d/yyyy h:mm:ss tt`, a list's items.
pub fn shown(value: Result<Value, ExprError>) -> Vec<String> {
    match value {
        Ok(Value::List(items)) => items,
        Ok(value) => vec![value.to_string()],
        Err(error) => vec![format!("{error:?}")],
    }
}

/// Pieces of generated strings: ASCII, Latin-1, Latin Extended-A and -B, Greek (final sigma,
/// accented, with dialytika), Cyrillic, Armenian, Georgian, Turkish İ ı, ß, ſ, µ, ŉ, the ﬁ
/// ligature, title-case digraphs, combining marks, astral letters with and without case
/// (Deseret, mathematical), an emoji, and spaces and separators of several kinds.
const PIECES: &[&str] = &[
    "a", "b", "z", "A", "B", "Z", "i", "I", "k", "s", "0", "7", " ", " ", "  ", "-", "_", ".", ",",
    "'", "/", "(", ")", "é", "É", "ø", "Ø", "å", "Å", "æ", "ÿ", "ß", "µ", "ª", "º", "ð", "þ", "ł",
    "Ł", "ő", "ĳ", "ŉ", "ſ", "İ", "ı", "ǅ", "ǆ", "Ǆ", "ƒ", "ɐ", "α", "Σ", "σ", "ς", "ά", "ΐ", "ΰ",
    "ж", "Ж", "ё", "Ѐ", "և", "ა", "Ⴀ", "ﬁ", "ẞ", "ᾳ", "ᾼ", "\u{301}", "\u{308}", "\u{345}", "Ⅻ",
    "ⓐ", "𐐀", "𐐨", "𝐀", "😀", "中", "١", "\u{a0}", "\u{2003}", "\t", "\n", "\r\n", "\u{ad}",
    "\u{200d}", "€", "«", "&", "\"", "\\", "x", "Sales", "MCDONALD", "o'neil", "1st", "SMTP:",
];

/// Latin-1 and Latin Extended-A pieces, where PCase answers.
const LATIN: &[&str] = &[
    "a", "b", "z", "A", "Q", "x", " ", "  ", "-", "_", ".", ",", "'", "(", ")", "0", "1st", "é",
    "É", "ø", "Ø", "å", "Å", "æ", "ß", "ÿ", "ł", "Ł", "ő", "ĳ", "ð", "þ", "ª", "º", "\u{ad}",
    "\u{a0}", "\t", "&", "/", "Sales", "MCDONALD", "o'neil", "van der", "12", "²", "½", "İ", "ı",
    "µ",
];

fn string(rng: &mut Rng, pieces: &[&str], max: usize) -> String {
    let len = rng.below(max + 1);
    (0..len).map(|_| rng.pick(pieces)).collect()
}

fn any_string(rng: &mut Rng) -> String {
    if rng.chance(50) {
        string(rng, PIECES, 8)
    } else {
        string(rng, LATIN, 8)
    }
}

/// A whole number: small, negative, at the edges of Int32 and Int64.
fn number(rng: &mut Rng) -> i64 {
    match rng.below(6) {
        0 => rng.pick(&[
            0,
            1,
            -1,
            2,
            255,
            i64::from(i32::MAX),
            i64::from(i32::MIN),
            i64::MAX,
            i64::MIN + 1,
            4_294_967_295,
        ]),
        1 => -(rng.below(1000) as i64),
        2 => rng.next() as i64,
        _ => rng.below(100_000) as i64,
    }
}

/// An `&H` constant: 1 to 17 hex digits, or one at an edge.
fn hex(rng: &mut Rng) -> String {
    if rng.chance(40) {
        return rng
            .pick(&[
                "0",
                "F",
                "FF",
                "F7",
                "7FFFFFFF",
                "80000000",
                "FFFFFFFF",
                "100000000",
                "0000000FF",
                "7FFFFFFFFFFFFFFF",
                "FFFFFFFFFFFFFFFF",
                "10000000000000000",
            ])
            .to_owned();
    }
    let most = if rng.chance(70) { 8 } else { 17 };
    let len = 1 + rng.below(most);
    (0..len)
        .map(|_| rng.pick(&b"0123456789ABCDEF"[..]) as char)
        .collect()
}

/// An operand of BitAnd: a decimal constant, an `&H` constant, or an attribute's text (in
/// decimal digits, or in a form .NET's conversion reads but the evaluator refuses).
fn operand(rng: &mut Rng, name: &str) -> (String, String, Option<String>) {
    match rng.below(5) {
        0 | 1 => {
            let n = number(rng).max(i64::MIN + 1);
            (n.to_string(), n.to_string(), None)
        }
        2 | 3 => {
            let h = hex(rng);
            (format!("&H{h}"), format!("&H{h}"), None)
        }
        _ => {
            let text = if rng.chance(70) {
                number(rng).to_string()
            } else {
                rng.pick(&[
                    "+5",
                    " 7",
                    "8 ",
                    "1e3",
                    "",
                    "abc",
                    "99999999999999999999",
                    "-0",
                    "007",
                    "0x1F",
                    "1,000",
                ])
                .to_owned()
            };
            (format!("[{name}]"), text.clone(), Some(text))
        }
    }
}

/// ISO-ish date text: valid dates and times (leap days, the first and last years, fractions of
/// 1 to 8 digits), `Z`, offsets up to ±14:00 and past it, no zone, a space for the `T`, the
/// reference's printed form, and broken ones.
pub fn date_text(rng: &mut Rng) -> String {
    let year = match rng.below(6) {
        0 => rng.pick(&[1, 2, 1600, 1601, 1602, 1900, 2000, 2024, 9998, 9999]),
        1 => 1601 + rng.below(10) as i64,
        _ => 1970 + rng.below(80) as i64,
    };
    let month = if rng.chance(5) {
        rng.below(14) as i64
    } else {
        1 + rng.below(12) as i64
    };
    let day = match rng.below(6) {
        0 => rng.pick(&[28, 29, 30, 31, 0, 32]),
        _ => 1 + rng.below(28) as i64,
    };
    let (month, day) = if rng.chance(10) {
        (2, 29)
    } else {
        (month, day)
    };
    let (month, day) = if rng.chance(5) {
        (12, 31)
    } else if rng.chance(5) {
        (1, 1)
    } else {
        (month, day)
    };
    let mut text = format!("{year:04}-{month:02}-{day:02}");
    if rng.chance(85) {
        text.push(rng.pick(&['T', 'T', 'T', ' ', 't']));
        let hour = if rng.chance(5) {
            24
        } else if rng.chance(20) {
            rng.pick(&[0, 23])
        } else {
            rng.below(24) as i64
        };
        let minute = if rng.chance(20) {
            rng.pick(&[0, 59])
        } else {
            rng.below(60) as i64
        };
        text.push_str(&format!("{hour:02}:{minute:02}"));
        if rng.chance(85) {
            let second = if rng.chance(20) {
                rng.pick(&[0, 59])
            } else {
                rng.below(60) as i64
            };
            text.push_str(&format!(":{second:02}"));
            if rng.chance(40) {
                let digits = 1 + rng.below(8);
                text.push('.');
                for _ in 0..digits {
                    text.push(rng.pick(&['0', '9', '5', '1']));
                }
            }
        }
    }
    match rng.below(10) {
        0..=3 => text.push('Z'),
        4..=6 => {
            let (h, m) = if rng.chance(30) {
                rng.pick(&[(14, 0), (14, 1), (15, 0), (12, 0), (0, 0), (5, 30), (0, 60)])
            } else {
                (rng.below(14) as i64, rng.pick(&[0, 15, 30, 45]))
            };
            text.push_str(&format!("{}{h:02}:{m:02}", rng.pick(&['+', '-'])));
        }
        7 => {}
        8 => text.push_str(rng.pick(&["z", " Z", "+0100", "+01", "GMT", "x"])),
        _ => {
            text = rng
                .pick(&[
                    "2/29/2024 11:00:00 PM",
                    "12/31/9999 11:59:59 PM",
                    "1/1/0001 12:00:00 AM",
                    "2024-06-01T12:00:00.0000000Z",
                    "",
                    " 2024-06-01T12:00:00Z",
                    "2024-06-01T12:00:00Z ",
                    "20240601T120000Z",
                    "June 1, 2024",
                    "2024-13-01T00:00:00Z",
                ])
                .to_owned()
        }
    }
    text
}

/// A valid date as ISO text in UTC, with ticks, for DateAdd and DateDiff.
fn utc_date(rng: &mut Rng) -> String {
    if rng.chance(3) {
        // The first week of year 1, before whose Sunday nothing is (DateDiff's «ww»), and the
        // last of 9999.
        return rng
            .pick(&[
                "0001-01-01T00:00:00Z",
                "0001-01-03T12:00:00Z",
                "0001-01-07T00:00:00Z",
                "9999-12-31T23:59:59.9999999Z",
                "9999-12-26T00:00:00Z",
            ])
            .to_owned();
    }
    let year = if rng.chance(10) {
        rng.pick(&[1, 2, 9998, 9999])
    } else {
        1900 + rng.below(200) as i64
    };
    let month = 1 + rng.below(12) as i64;
    let day = if rng.chance(15) {
        28 + rng.below(4) as i64
    } else {
        1 + rng.below(28) as i64
    };
    let day = day.min(match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    });
    let fraction = if rng.chance(50) {
        0
    } else {
        rng.below(10_000_000)
    };
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{fraction:07}Z",
        rng.below(24),
        rng.below(60),
        rng.below(60)
    )
}

/// Tokens of a date format: what FormatDateTime reads and writes, and what it refuses (`z`,
/// `K`, `g`, `F`, `%`, names when reading, two-digit years when reading).
const FORMAT_TOKENS: &[&str] = &[
    "yyyy", "yyyy", "yyyyy", "yy", "y", "MM", "M", "MMM", "MMMM", "dd", "d", "ddd", "dddd", "HH",
    "H", "hh", "h", "mm", "m", "ss", "s", "f", "ff", "fff", "fffffff", "tt", "t", "-", "/", ":",
    " ", "T", "'T'", "\\T", ".", ",", "'at'", "\"x\"", "z", "zzz", "K", "g", "F", "FFF", "%d", "_",
];

/// A format string that reads a date, and the same date written in it (by hand), to read.
fn readable_format(rng: &mut Rng) -> (String, String) {
    let (year, month, day) = (1 + rng.below(9999), 1 + rng.below(12), 1 + rng.below(28));
    let (year, month, day) = if rng.chance(10) {
        (2024, 2, 29)
    } else {
        (year, month, day)
    };
    let (hour, minute, second, fraction) = (
        rng.below(24),
        rng.below(60),
        rng.below(60),
        rng.below(10_000_000),
    );
    let mut format = String::new();
    let mut text = String::new();
    let date_order: &[(&str, String, &str)] = &[("yyyy", format!("{year:04}"), "MM")];
    let _ = date_order;
    let separator = rng.pick(&["-", "/", ".", "", " "]);
    let mut parts: Vec<(String, String)> = vec![
        ("yyyy".into(), format!("{year:04}")),
        if rng.chance(50) {
            ("MM".into(), format!("{month:02}"))
        } else {
            ("M".into(), month.to_string())
        },
        if rng.chance(50) {
            ("dd".into(), format!("{day:02}"))
        } else {
            ("d".into(), day.to_string())
        },
    ];
    if rng.chance(30) {
        parts.swap(0, 2);
    }
    for (i, (f, t)) in parts.iter().enumerate() {
        if i > 0 {
            format.push_str(separator);
            text.push_str(separator);
        }
        format.push_str(f);
        text.push_str(t);
    }
    if rng.chance(70) {
        let t = rng.pick(&["T", " ", "'T'"]);
        format.push_str(t);
        text.push_str(t.trim_matches('\''));
        if rng.chance(50) {
            let h12 = (hour + 11) % 12 + 1;
            format.push_str(rng.pick(&["hh:mm:ss tt", "h:mm:ss tt"]));
            let tt = if hour < 12 { "AM" } else { "PM" };
            let tt = if rng.chance(10) {
                tt.to_lowercase()
            } else {
                tt.to_owned()
            };
            if format.ends_with("hh:mm:ss tt") {
                text.push_str(&format!("{h12:02}:{minute:02}:{second:02} {tt}"));
            } else {
                text.push_str(&format!("{h12}:{minute:02}:{second:02} {tt}"));
            }
        } else {
            format.push_str("HH:mm");
            text.push_str(&format!("{hour:02}:{minute:02}"));
            if rng.chance(60) {
                format.push_str(":ss");
                text.push_str(&format!(":{second:02}"));
                if rng.chance(50) {
                    let n = 1 + rng.below(7);
                    format.push('.');
                    format.push_str(&"f".repeat(n));
                    text.push('.');
                    text.push_str(&format!("{fraction:07}")[..n]);
                }
            }
        }
    }
    match rng.below(14) {
        0 => text = format!("  {text}\t"),
        1 => text.push('x'),
        2 => text = text.replacen('1', "3", 1),
        3 => text = text.replacen("-2", "-3", 1),
        4 => format = format!("{format}{}", rng.pick(FORMAT_TOKENS)),
        5 => text = string(rng, PIECES, 6),
        6 => text = text.replacen(' ', "", 1),
        7 => format = format!(" {format}  "),
        8 => format = format.replacen(' ', "' '", 1),
        9 => text = text.replacen(' ', "  ", 1),
        _ => {}
    }
    (format, text)
}

fn written_format(rng: &mut Rng) -> String {
    if rng.chance(5) {
        return rng.pick(&["d", "o", "", "M", "%d"]).to_owned();
    }
    if rng.chance(20) {
        return rng
            .pick(&[
                "M/d/yyyy h:mm:ss tt",
                "yyyy-MM-ddTHH:mm:ss.fffffff",
                "yyyyMMddHHmmss",
                "dddd, MMMM d, yyyy",
                "yyyy-MM-dd'T'HH:mm:ss'Z'",
                "\\d\\a\\y d",
            ])
            .to_owned();
    }
    let n = 2 + rng.below(6);
    (0..n).map(|_| rng.pick(FORMAT_TOKENS)).collect()
}

/// ToLower and ToUpper of each character of the Basic Multilingual Plane but the surrogates,
/// one case each: the whole case table, checked.
pub fn plane_cases() -> Vec<FnCase> {
    let mut cases = Vec::new();
    for c in (0..0x10000u32).filter_map(char::from_u32) {
        let s = c.to_string();
        cases.push(
            FnCase::new("ToLower, each character", "ToLower([s])", "lower")
                .attr("s", Some(&s))
                .text(&s),
        );
        cases.push(
            FnCase::new("ToUpper, each character", "ToUpper([s])", "upper")
                .attr("s", Some(&s))
                .text(&s),
        );
    }
    cases
}

/// Every function's cases, about `per` for each (more for the ones with more to cover).
pub fn function_cases(rng: &mut Rng, per: usize) -> Vec<FnCase> {
    let mut cases = Vec::new();
    for _ in 0..per * 2 {
        let s = any_string(rng);
        cases.push(
            FnCase::new("ToUpper", "ToUpper([s])", "upper")
                .attr("s", Some(&s))
                .text(&s),
        );
        let s = any_string(rng);
        cases.push(
            FnCase::new("ToLower", "ToLower([s])", "lower")
                .attr("s", Some(&s))
                .text(&s),
        );
        let s = if rng.chance(80) {
            string(rng, LATIN, 10)
        } else {
            any_string(rng)
        };
        cases.push(
            FnCase::new("PCase", "PCase([s])", "title")
                .attr("s", Some(&s))
                .text(&s),
        );
    }
    for _ in 0..per {
        let s = any_string(rng);
        let t = string(
            rng,
            &[" ", "-", ",", "_", ".", "'", "/", "\u{a0}", "x", "😀", "1"],
            3,
        );
        cases.push(
            FnCase::new("PCase, separators", "PCase([s], [t])", "titlesep")
                .attr("s", Some(&s))
                .attr("t", Some(&t))
                .text(&s)
                .text(&t),
        );
        let s = match rng.below(4) {
            0 => None,
            1 => Some(String::new()),
            2 => Some(" ".to_owned()),
            _ => Some(any_string(rng)),
        };
        for (function, op) in [
            ("IsNull", "isnull"),
            ("IsNullOrEmpty", "isnullorempty"),
            ("IsPresent", "ispresent"),
        ] {
            cases.push(
                FnCase::new(function, format!("{function}([s])"), op)
                    .attr("s", s.as_deref())
                    .field(s.as_deref()),
            );
        }
        let s = any_string(rng);
        cases.push(
            FnCase::new("IsString", "IsString([s])", "isstring")
                .attr("s", Some(&s))
                .text(&s),
        );
        let s = if rng.chance(60) {
            rng.pick(&[
                "True", "False", "true", "FALSE", " True", "false ", "yes", "0", "1", "", "Tru",
            ])
            .to_owned()
        } else {
            any_string(rng)
        };
        cases.push(
            FnCase::new("Not", "Not([s])", "not")
                .attr("s", Some(&s))
                .text(&s),
        );
        cases.push(
            FnCase::new("CBool", "CBool([s])", "cbool")
                .attr("s", Some(&s))
                .text(&s),
        );
        let n = number(rng).max(i64::MIN + 1);
        cases.push(FnCase::new("CBool", format!("CBool({n})"), "cboolnum").text(&n.to_string()));
        cases.push(FnCase::new("CStr", format!("CStr({n})"), "cstrnum").text(&n.to_string()));
        let s = any_string(rng);
        cases.push(
            FnCase::new("CStr", "CStr([s])", "cstr")
                .attr("s", Some(&s))
                .text(&s),
        );
        let d = date_text(rng);
        cases.push(
            FnCase::new("CStr", "CStr(CDate([s]))", "cdate")
                .attr("s", Some(&d))
                .text(&d),
        );
        let s = any_string(rng);
        cases.push(
            FnCase::new("ConvertToBase64", "ConvertToBase64([s])", "base64")
                .attr("s", Some(&s))
                .text(&s),
        );
        let s = any_string(rng);
        cases.push(
            FnCase::new("ConvertToUTF8Hex", "ConvertToUTF8Hex([s])", "utf8hex")
                .attr("s", Some(&s))
                .text(&s),
        );
        let s = any_string(rng);
        cases.push(
            FnCase::new("Redact", "Redact([s])", "redact")
                .attr("s", Some(&s))
                .text(&s),
        );
        let s = any_string(rng);
        let t = any_string(rng);
        cases.push(
            FnCase::new("Append", "Append([s], [t])", "append")
                .attr("s", Some(&s))
                .attr("t", Some(&t))
                .text(&s)
                .text(&t),
        );
        let s = any_string(rng);
        cases.push(
            FnCase::new("StripSpaces", "StripSpaces([s])", "strip")
                .attr("s", Some(&s))
                .text(&s),
        );
        let s = any_string(rng);
        let len = s.encode_utf16().count() as i64;
        let n = rng.below(len as usize + 3) as i64 - 1;
        cases.push(
            FnCase::new("Left", format!("Left([s], {n})"), "left")
                .attr("s", Some(&s))
                .text(&s)
                .text(&n.to_string()),
        );
        let start = 1 + rng.below(len.max(1) as usize) as i64;
        let length = rng.below(len as usize + 2) as i64;
        cases.push(
            FnCase::new("Mid", format!("Mid([s], {start}, {length})"), "mid")
                .attr("s", Some(&s))
                .text(&s)
                .text(&start.to_string())
                .text(&length.to_string()),
        );
        let needle: String = if rng.chance(60) && !s.is_empty() {
            let units: Vec<u16> = s.encode_utf16().collect();
            let from = rng.below(units.len());
            let to = (from + 1 + rng.below(3)).min(units.len());
            String::from_utf16(&units[from..to]).unwrap_or_else(|_| "a".into())
        } else {
            string(rng, PIECES, 2)
        };
        let start = 1 + rng.below(len.max(1) as usize) as i64;
        if !needle.is_empty() && len > 0 {
            cases.push(
                FnCase::new("InStr", format!("InStr([s], [t], {start})"), "instr")
                    .attr("s", Some(&s))
                    .attr("t", Some(&needle))
                    .text(&s)
                    .text(&needle)
                    .text(&start.to_string()),
            );
        }
        let sep = rng.pick(&[",", ";", " ", "-", "é", "😀"]);
        let s = (0..1 + rng.below(4))
            .map(|_| string(rng, LATIN, 3))
            .collect::<Vec<_>>()
            .join(sep);
        cases.push(
            FnCase::new("Split", "Split([s], [t])", "split")
                .attr("s", Some(&s))
                .attr("t", Some(sep))
                .text(&s)
                .text(sep),
        );
        let items: Vec<String> = (0..1 + rng.below(4))
            .map(|_| string(rng, PIECES, 3))
            .collect();
        let mut join = FnCase::new("Join", "Join([t], [u])", "join")
            .attr("t", Some(sep))
            .list("u", &items)
            .text(sep);
        for item in &items {
            join = join.text(item);
        }
        cases.push(join);
    }
    list_cases(rng, per, &mut cases);
    number_cases(rng, per, &mut cases);
    date_cases(rng, per, &mut cases);
    cases
}

fn list_cases(rng: &mut Rng, per: usize, cases: &mut Vec<FnCase>) {
    const ITEMS: &[&str] = &[
        "a",
        "A",
        "b",
        "B",
        "ß",
        "SS",
        "ss",
        "İ",
        "i",
        "i\u{307}",
        "é",
        "e\u{301}",
        "Σ",
        "ς",
        "σ",
        "",
        " a",
        "😀",
        "smtp:x@contoso.com",
        "SMTP:x@contoso.com",
    ];
    for _ in 0..per {
        let items: Vec<String> = (0..1 + rng.below(6))
            .map(|_| rng.pick(ITEMS).to_owned())
            .collect();
        for (function, op) in [("Count", "count"), ("RemoveDuplicates", "distinct")] {
            let mut case = FnCase::new(function, format!("{function}([u])"), op).list("u", &items);
            for item in &items {
                case = case.text(item);
            }
            cases.push(case);
        }
    }
}

fn number_cases(rng: &mut Rng, per: usize, cases: &mut Vec<FnCase>) {
    for _ in 0..per * 2 {
        let (a, a_field, a_attr) = operand(rng, "s");
        let (b, b_field, b_attr) = operand(rng, "t");
        cases.push(
            FnCase::new("BitAnd", format!("BitAnd({a}, {b})"), "bitand")
                .attr("s", a_attr.as_deref())
                .attr("t", b_attr.as_deref())
                .text(&a_field)
                .text(&b_field),
        );
    }
    for _ in 0..per {
        const MAX_FILE_TIME: i64 = 2_650_467_743_999_999_999;
        let n = match rng.below(4) {
            0 => rng.pick(&[
                0,
                -1,
                MAX_FILE_TIME,
                MAX_FILE_TIME + 1,
                i64::MAX,
                116_444_736_000_000_000,
                1,
            ]),
            1 => (rng.next() % 200_000_000_000_000_000) as i64 + 116_444_736_000_000_000,
            _ => (rng.next() % (MAX_FILE_TIME as u64 + 1)) as i64,
        };
        let case = if rng.chance(50) {
            FnCase::new("DateFromNum", format!("DateFromNum({n})"), "datefromnum")
        } else {
            FnCase::new("DateFromNum", "DateFromNum([s])", "datefromnum")
                .attr("s", Some(&n.to_string()))
        };
        cases.push(case.text(&n.to_string()));
    }
}

fn date_cases(rng: &mut Rng, per: usize, cases: &mut Vec<FnCase>) {
    for _ in 0..per * 2 {
        let d = date_text(rng);
        cases.push(
            FnCase::new("CDate", "CDate([s])", "cdate")
                .attr("s", Some(&d))
                .text(&d),
        );
        let d = date_text(rng);
        cases.push(
            FnCase::new("NumFromDate", "NumFromDate([s])", "numfromdate")
                .attr("s", Some(&d))
                .text(&d),
        );
    }
    for _ in 0..per * 3 {
        let (input, text) = readable_format(rng);
        let input = if rng.chance(10) {
            written_format(rng)
        } else {
            input
        };
        let output = written_format(rng);
        cases.push(
            FnCase::new(
                "FormatDateTime",
                "FormatDateTime([s], , [t], [u])",
                "formatdt",
            )
            .attr("s", Some(&text))
            .attr("t", Some(&input))
            .attr("u", Some(&output))
            .text(&text)
            .text(&input)
            .text(&output),
        );
    }
    const INTERVALS: &[&str] = &[
        "yyyy", "m", "ww", "d", "h", "n", "s", "yyyy", "m", "ww", "d", "h", "n", "s", "q", "y", "w",
    ];
    for _ in 0..per * 2 {
        let interval = rng.pick(INTERVALS);
        let n: i64 = match rng.below(5) {
            0 => rng.pick(&[
                0,
                1,
                -1,
                12,
                -12,
                7,
                10_000,
                -10_000,
                120_000,
                3_000_000,
                2_147_483_647,
                100_000_000_000,
            ]),
            1 => -(rng.below(500) as i64),
            _ => rng.below(500) as i64,
        };
        let d = utc_date(rng);
        cases.push(
            FnCase::new(
                "DateAdd",
                format!("DateAdd([t], {n}, CDate([s]))"),
                "dateadd",
            )
            .attr("t", Some(interval))
            .attr("s", Some(&d))
            .text(interval)
            .text(&n.to_string())
            .text(&d),
        );
        let interval = rng.pick(INTERVALS);
        let a = utc_date(rng);
        let b = if rng.chance(50) {
            utc_date(rng)
        } else {
            // Close to a whole number of the interval's units from a, where the readings of
            // TotalDays may part.
            near(&a, rng)
        };
        cases.push(
            FnCase::new(
                "DateDiff",
                "DateDiff([t], CDate([s]), CDate([u]))",
                "datediff",
            )
            .attr("t", Some(interval))
            .attr("s", Some(&a))
            .attr("u", Some(&b))
            .text(interval)
            .text(&a)
            .text(&b),
        );
    }
}

/// A date near `a`: the same time of day some days (or hours…) away, a tick or so off.
fn near(a: &str, rng: &mut Rng) -> String {
    let year: i64 = a[..4].parse().unwrap_or(2000);
    let year = (year + rng.below(41) as i64 - 20).clamp(1, 9999);
    let fraction: i64 = a.get(20..27).and_then(|f| f.parse().ok()).unwrap_or(0);
    let fraction = (fraction + rng.pick(&[0, 1, -1, 9_999_999, 2])).rem_euclid(10_000_000);
    let mut b = format!("{year:04}{}.", &a[4..19]);
    if b[5..10] == *"02-29" {
        b.replace_range(8..10, "28");
    }
    format!("{b}{fraction:07}Z")
}
