//! .NET's custom date and time format strings (`yyyy-MM-dd`, `M/d/yyyy hh:mm:ss tt`), the part
//! of them whose meaning does not depend on the server: read into fields, written with
//! `DateTime.ToString(format, CultureInfo.InvariantCulture)`, and matched against text as
//! `DateTime.ParseExact(text, format, CultureInfo.InvariantCulture, styles)` does with the
//! styles FormatDateTime uses by default.
//!
//! Refused ([`FormatProblem`]): a one-character format (a standard format, such as `d`), the
//! era `g`, `F`, the time zone `z` and `K` (their value depends on the server's own zone), a
//! two-digit year and month or day names when reading, and quotes left open.

use super::{days_in_month, DateTime};

/// One part of a custom format string.
#[derive(Clone, PartialEq, Eq, Debug)]
enum Field {
    /// Text copied as it is (quoted, escaped with `\`, or no specifier).
    Literal(char),
    /// A space in the format, neither quoted nor escaped: written as one, and when reading
    /// (with AllowTrailingWhite, as FormatDateTime reads) matched if the text has a space there
    /// and skipped if not (ParseByFormat then tries the format's next character instead).
    Space,
    /// `y`, `yy`, `yyy`…: the count of `y`.
    Year(usize),
    /// `M` (1 or 2), `MMM`, `MMMM`.
    Month(usize),
    /// `d` (1 or 2), `ddd`, `dddd`.
    Day(usize),
    /// `h`, `hh`.
    Hour12(usize),
    /// `H`, `HH`.
    Hour24(usize),
    /// `m`, `mm`.
    Minute(usize),
    /// `s`, `ss`.
    Second(usize),
    /// `f` to `fffffff`.
    Fraction(usize),
    /// `t`, `tt`.
    AmPm(usize),
}

/// Why a format string is not used here.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum FormatProblem {
    /// This specifier is refused (see the module's list).
    Specifier(char),
    /// A one-character format is a standard format.
    Standard,
    /// A quote is not closed, or `\` ends the format.
    Unclosed,
}

/// A custom format string, read.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct DateFormat {
    fields: Vec<Field>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

impl DateFormat {
    /// Reads `format` as .NET reads a custom format string.
    pub fn new(format: &str) -> Result<DateFormat, FormatProblem> {
        let chars: Vec<char> = format.chars().collect();
        if chars.len() <= 1 {
            return Err(FormatProblem::Standard);
        }
        DateFormat::custom(&chars)
    }

    /// Reads `format` as ParseExact reads its format with AllowLeadingWhite and
    /// AllowTrailingWhite (`DoStrictParse`): white space left out at the end (`TrimTail`), then
    /// just inside a quote that ends it (`RemoveTrailingInQuoteSpaces`), at the start
    /// (`SkipWhiteSpaces`), and just inside a quote that starts it
    /// (`RemoveLeadingInQuoteSpaces`, which looks at the first character before any white space
    /// is skipped). A format of one character is a standard format, before any of that.
    pub fn for_reading(format: &str) -> Result<DateFormat, FormatProblem> {
        let mut chars: Vec<char> = format.chars().collect();
        if chars.len() <= 1 {
            return Err(FormatProblem::Standard);
        }
        while chars.last().is_some_and(|c| c.is_whitespace()) {
            chars.pop();
        }
        let last = chars.len().wrapping_sub(1);
        if chars.len() > 2 && matches!(chars[last], '\'' | '"') && chars[last - 1].is_whitespace() {
            let mut from = last - 1;
            while from >= 1 && chars[from - 1].is_whitespace() {
                from -= 1;
            }
            chars.drain(from..last);
        }
        let leading = chars.iter().take_while(|c| c.is_whitespace()).count();
        if chars.len() > 2 && matches!(chars[0], '\'' | '"') {
            let inside = chars[1..].iter().take_while(|c| c.is_whitespace()).count();
            chars.drain(1..1 + inside);
        }
        chars.drain(..leading);
        DateFormat::custom(&chars)
    }

    /// The fields of a custom format string.
    fn custom(chars: &[char]) -> Result<DateFormat, FormatProblem> {
        let mut fields = Vec::new();
        let mut i = 0;
        while let Some(&c) = chars.get(i) {
            let count = chars[i..].iter().take_while(|&&d| d == c).count();
            let field = match c {
                'y' => Field::Year(count),
                'M' => Field::Month(count),
                'd' => Field::Day(count),
                'h' => Field::Hour12(count.min(2)),
                'H' => Field::Hour24(count.min(2)),
                'm' => Field::Minute(count.min(2)),
                's' => Field::Second(count.min(2)),
                'f' if count <= 7 => Field::Fraction(count),
                't' => Field::AmPm(count.min(2)),
                'g' | 'f' | 'F' | 'z' | 'K' => return Err(FormatProblem::Specifier(c)),
                '\'' | '"' => {
                    let close = chars[i + 1..]
                        .iter()
                        .position(|&d| d == c)
                        .ok_or(FormatProblem::Unclosed)?;
                    // .NET lets `\` escape a quote inside quotes: not read here.
                    if chars[i + 1..i + 1 + close].contains(&'\\') {
                        return Err(FormatProblem::Specifier('\\'));
                    }
                    fields.extend(
                        chars[i + 1..i + 1 + close]
                            .iter()
                            .map(|&d| Field::Literal(d)),
                    );
                    i += close + 2;
                    continue;
                }
                '\\' => {
                    let escaped = *chars.get(i + 1).ok_or(FormatProblem::Unclosed)?;
                    fields.push(Field::Literal(escaped));
                    i += 2;
                    continue;
                }
                // `%x` is the specifier x alone; `%` with anything else is not read here.
                '%' => return Err(FormatProblem::Specifier('%')),
                ' ' => {
                    fields.push(Field::Space);
                    i += 1;
                    continue;
                }
                // The invariant culture's separators.
                c => {
                    fields.push(Field::Literal(c));
                    i += 1;
                    continue;
                }
            };
            fields.push(field);
            i += count;
        }
        Ok(DateFormat { fields })
    }

    /// `date` written in this format, as `DateTime.ToString(format, InvariantCulture)`.
    pub fn write(&self, date: DateTime) -> String {
        let p = date.parts();
        let mut out = String::new();
        let pad = |out: &mut String, n: i64, width: usize| {
            out.push_str(&format!("{n:0width$}"));
        };
        for field in &self.fields {
            match *field {
                Field::Literal(c) => out.push(c),
                Field::Space => out.push(' '),
                Field::Year(1) => pad(&mut out, p.year % 100, 1),
                Field::Year(2) => pad(&mut out, p.year % 100, 2),
                Field::Year(n) => pad(&mut out, p.year, n),
                Field::Month(n @ (1 | 2)) => pad(&mut out, p.month, n),
                Field::Month(3) => out.push_str(name(&MONTHS, p.month - 1).get(..3).unwrap_or("")),
                Field::Month(_) => out.push_str(name(&MONTHS, p.month - 1)),
                Field::Day(n @ (1 | 2)) => pad(&mut out, p.day, n),
                Field::Day(3) => out.push_str(name(&DAYS, p.day_of_week).get(..3).unwrap_or("")),
                Field::Day(_) => out.push_str(name(&DAYS, p.day_of_week)),
                Field::Hour12(n) => pad(&mut out, (p.hour + 11) % 12 + 1, n),
                Field::Hour24(n) => pad(&mut out, p.hour, n),
                Field::Minute(n) => pad(&mut out, p.minute, n),
                Field::Second(n) => pad(&mut out, p.second, n),
                Field::Fraction(n) => {
                    let digits = format!("{:07}", p.fraction);
                    out.push_str(digits.get(..n).unwrap_or(""));
                }
                Field::AmPm(n) => {
                    let tt = if p.hour < 12 { "AM" } else { "PM" };
                    out.push_str(tt.get(..n).unwrap_or(tt));
                }
            }
        }
        out
    }

    /// Reads `text` in this format, as `DateTime.ParseExact(text, format, InvariantCulture,
    /// RoundtripKind | AllowLeadingWhite | AllowTrailingWhite)`: `Ok(None)` where .NET would
    /// throw (the text does not match, or is not a date).
    pub fn read(&self, text: &str) -> Result<Option<DateTime>, FormatProblem> {
        let mut seen = [false; 3];
        for field in &self.fields {
            match field {
                Field::Year(n) if *n <= 2 => return Err(FormatProblem::Specifier('y')),
                Field::Month(n) | Field::Day(n) if *n > 2 => {
                    let c = if matches!(field, Field::Month(_)) {
                        'M'
                    } else {
                        'd'
                    };
                    return Err(FormatProblem::Specifier(c));
                }
                Field::Year(_) => seen[0] = true,
                Field::Month(_) => seen[1] = true,
                Field::Day(_) => seen[2] = true,
                _ => {}
            }
        }
        // Without a year, month or day .NET takes today's, in the server's time zone.
        if seen != [true; 3] {
            return Err(FormatProblem::Specifier('d'));
        }
        // AllowLeadingWhite and AllowTrailingWhite skip what Char.IsWhiteSpace says is white,
        // which is Unicode's White_Space, as Rust's.
        let text: Vec<char> = text.trim_matches(char::is_whitespace).chars().collect();
        Ok(self.match_fields(&text))
    }

    fn match_fields(&self, text: &[char]) -> Option<DateTime> {
        let mut at = 0;
        let mut fields = [None::<i64>; 7];
        let mut pm = None;
        let mut hour12 = false;
        for field in &self.fields {
            let (slot, value) = match *field {
                Field::Literal(c) => {
                    if text.get(at) != Some(&c) {
                        return None;
                    }
                    at += 1;
                    continue;
                }
                Field::Space => {
                    if text.get(at) == Some(&' ') {
                        at += 1;
                    }
                    continue;
                }
                Field::AmPm(n) => {
                    // `tt` is matched as .NET's MatchSpecifiedWord does, ignoring case; `t` is
                    // the designator's first character exactly.
                    let mark: String = text.get(at..at + n)?.iter().collect();
                    pm = Some(match n {
                        1 if mark == "A" => false,
                        1 if mark == "P" => true,
                        _ if mark.eq_ignore_ascii_case("AM") => false,
                        _ if mark.eq_ignore_ascii_case("PM") => true,
                        _ => return None,
                    });
                    at += n;
                    continue;
                }
                Field::Year(n) => (0, digits(text, &mut at, n, n)?),
                Field::Month(n) => (1, digits(text, &mut at, n, 2)?),
                Field::Day(n) => (2, digits(text, &mut at, n, 2)?),
                Field::Hour12(n) => {
                    hour12 = true;
                    (3, digits(text, &mut at, n, 2)?)
                }
                Field::Hour24(n) => (3, digits(text, &mut at, n, 2)?),
                Field::Minute(n) => (4, digits(text, &mut at, n, 2)?),
                Field::Second(n) => (5, digits(text, &mut at, n, 2)?),
                Field::Fraction(n) => (6, digits(text, &mut at, n, n)? * 10_i64.pow(7 - n as u32)),
            };
            // .NET fails when a field is given twice with two values.
            match fields[slot] {
                Some(before) if before != value => return None,
                _ => fields[slot] = Some(value),
            }
        }
        if at != text.len() {
            return None;
        }
        let [year, month, day, hour, minute, second, fraction] = fields.map(|f| f.unwrap_or(0));
        let hour = match (hour12, pm) {
            (true, _) if hour > 12 => return None,
            (true, Some(true)) if hour < 12 => hour + 12,
            (true, Some(false) | None) if hour == 12 => 0,
            (false, Some(true)) if hour < 12 => return None,
            (false, Some(false)) if hour >= 12 => return None,
            _ => hour,
        };
        if !(1..=12).contains(&month) || day > days_in_month(year, month) {
            return None;
        }
        DateTime::from_parts(year, month, day, hour, minute, second)?.add_ticks(fraction)
    }
}

/// `names[index]`, or nothing.
fn name(names: &[&'static str], index: i64) -> &'static str {
    usize::try_from(index)
        .ok()
        .and_then(|i| names.get(i))
        .copied()
        .unwrap_or("")
}

/// Reads `min` to `max` ASCII digits at `at`, as .NET's `ParseDigits` does (a field written
/// with one letter takes one or two digits, with more letters exactly that many).
fn digits(text: &[char], at: &mut usize, min: usize, max: usize) -> Option<i64> {
    let (min, max) = if min == 1 { (1, max) } else { (min, min) };
    // No field of a date has more than 9 digits (.NET's ParseDigits takes at most 9 too).
    if max > 9 {
        return None;
    }
    let run = text
        .get(*at..)?
        .iter()
        .take(max)
        .take_while(|c| c.is_ascii_digit())
        .count();
    if run < min {
        return None;
    }
    let value = text[*at..*at + run]
        .iter()
        .fold(0, |n, c| n * 10 + i64::from(c.to_digit(10).unwrap_or(0)));
    *at += run;
    Some(value)
}
