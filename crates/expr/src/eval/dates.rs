//! CDate, FormatDateTime, DateAdd, DateDiff, DateFromNum and NumFromDate: dates, with .NET's
//! `DateTime` (invariant culture) and, for DateAdd's and DateDiff's intervals (`yyyy`, `m`, `d`,
//! `ww`, `h`, `n`, `s`, Visual Basic's names), `Microsoft.VisualBasic.DateAndTime`'s rules. The
//! reference's own examples fix both: DateDiff's «ww» counts the Sundays between (VB's
//! `WeekOfYear`), «m» and «yyyy» the calendar's months and years.
//!
//! What would depend on the server (its time zone, its culture, which .NET it runs) is refused.

use crate::budget::Budget;
use crate::datetime::{
    read_date, read_printed, ticks_per, DateFormat, DateTime, FormatProblem, TimeUnit,
};

use super::args::{given, single, text, value, whole, Input, Outcome};
use super::error::{unstated, EvalErrorKind, Unstated};
use super::value::Value;

/// Argument `i` as a date: a date value, or text in the form the reference prints dates in
/// (Now's result, as in `DateDiff("d", Now(), …)`). Other text must go through CDate.
fn date(inputs: &[Input], i: usize) -> Result<DateTime, EvalErrorKind> {
    let index = i + 1;
    match value(inputs, i)? {
        Value::Date(date) => Ok(*date),
        Value::Text(text) => {
            read_printed(text).map_or_else(|| unstated(Unstated::NotADate { index }), Ok)
        }
        Value::Null => unstated(Unstated::NullArgument { index }),
        Value::List(_) => Err(EvalErrorKind::NotSingle { index }),
        _ => unstated(Unstated::NotADate { index }),
    }
}

/// Text as a moment in UTC: ISO 8601 with its time zone (`DateTime.Parse`, then UTC).
fn utc_date(text: &str) -> Result<DateTime, EvalErrorKind> {
    let Some(read) = read_date(text) else {
        return unstated(Unstated::DateText);
    };
    match read.utc() {
        None => unstated(Unstated::DateZone),
        Some(None) => unstated(Unstated::DateRange),
        Some(Some(date)) => Ok(date),
    }
}

/// CDate(expression): the UTC moment the text gives.
pub(super) fn c_date(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    match value(inputs, 0)? {
        Value::Date(date) => Ok(Value::Date(*date)),
        _ => Ok(Value::Date(utc_date(&text(inputs, 0)?)?)),
    }
}

/// NumFromDate(value): the date text as Active Directory's number, 100 ns from 1601-01-01 UTC:
/// `DateTime.Parse(value).ToFileTimeUtc()`.
pub(super) fn num_from_date(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    let date = match value(inputs, 0)? {
        Value::Date(date) => *date,
        _ => utc_date(&text(inputs, 0)?)?,
    };
    date.to_file_time()
        .map_or_else(|| unstated(Unstated::DateRange), |n| Ok(Value::Number(n)))
}

/// DateFromNum(value): Active Directory's number as a date: `DateTime.FromFileTimeUtc(value)`.
pub(super) fn date_from_num(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    DateTime::from_file_time(whole(inputs, 0)?).map_or_else(
        || unstated(Unstated::DateRange),
        |date| Ok(Value::Date(date)),
    )
}

fn format_problem(problem: FormatProblem) -> EvalErrorKind {
    EvalErrorKind::Unstated(match problem {
        FormatProblem::Specifier(c) => Unstated::DateFormat(c),
        FormatProblem::Standard => Unstated::DateFormat(' '),
        FormatProblem::Unclosed => Unstated::DateFormat('\''),
    })
}

/// FormatDateTime(source, dateTimeStyles, inputFormat, outputFormat):
/// `DateTime.ParseExact(source, inputFormat, InvariantCulture, RoundtripKind |
/// AllowLeadingWhite | AllowTrailingWhite).ToString(outputFormat, InvariantCulture)`.
pub(super) fn format_date_time(inputs: &[Input], budget: &mut Budget) -> Outcome {
    let source = single(value(inputs, 0)?, 1)?;
    if given(inputs, 1) {
        return unstated(Unstated::DateTimeStyles);
    }
    let input_format = DateFormat::for_reading(&text(inputs, 2)?).map_err(format_problem)?;
    let output_format = DateFormat::new(&text(inputs, 3)?).map_err(format_problem)?;
    let Some(source) = source else {
        return unstated(Unstated::NullArgument { index: 1 });
    };
    let Some(date) = input_format.read(&source).map_err(format_problem)? else {
        return unstated(Unstated::DateNoMatch);
    };
    let written = output_format.write(date);
    budget.fits(written.len())?;
    Ok(Value::Text(written))
}

/// DateAdd's and DateDiff's intervals.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Interval {
    Year,
    Month,
    Week,
    Fixed(TimeUnit),
}

fn interval(inputs: &[Input]) -> Result<Interval, EvalErrorKind> {
    Ok(match text(inputs, 0)?.as_str() {
        "yyyy" => Interval::Year,
        "m" => Interval::Month,
        "ww" => Interval::Week,
        "d" => Interval::Fixed(TimeUnit::Day),
        "h" => Interval::Fixed(TimeUnit::Hour),
        "n" => Interval::Fixed(TimeUnit::Minute),
        "s" => Interval::Fixed(TimeUnit::Second),
        _ => return unstated(Unstated::DateInterval),
    })
}

/// DateAdd(interval, value, dateTime): VB's `DateAdd`, which is `AddYears`, `AddMonths`,
/// `AddDays` (7 a week), `AddHours`, `AddMinutes` and `AddSeconds`.
pub(super) fn date_add(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    let interval = interval(inputs)?;
    let number = whole(inputs, 1)?;
    let date = date(inputs, 2)?;
    let added = match interval {
        Interval::Year => number
            .checked_mul(12)
            .and_then(|months| date.add_months(months)),
        Interval::Month => date.add_months(number),
        Interval::Week => number
            .checked_mul(7 * ticks_per(TimeUnit::Day))
            .and_then(|ticks| date.add_ticks(ticks)),
        Interval::Fixed(unit) => number
            .checked_mul(ticks_per(unit))
            .and_then(|ticks| date.add_ticks(ticks)),
    };
    added.map_or_else(
        || unstated(Unstated::DateRange),
        |date| Ok(Value::Date(date)),
    )
}

/// The whole units in `ticks`, divided by `then`, as VB's `Fix(TimeSpan.TotalDays / then)`
/// and the like give them. Older .NETs multiply by the unit's reciprocal (`ticks * (1.0 /
/// TicksPerDay)`), newer ones divide: where the two truncate differently, refused.
fn whole_units(ticks: i64, per: i64, then: f64) -> Result<i64, EvalErrorKind> {
    let (ticks, per) = (ticks as f64, per as f64);
    let multiplied = (ticks * (1.0 / per) / then).trunc();
    let divided = (ticks / per / then).trunc();
    if multiplied != divided {
        return unstated(Unstated::DateDiffRounding);
    }
    Ok(divided as i64)
}

/// DateDiff(interval, date1, date2): VB's `DateDiff`: whole days, hours, minutes or seconds
/// from date1 to date2, truncated; weeks between the Sundays on or before each; calendar
/// months and years.
pub(super) fn date_diff(inputs: &[Input], _budget: &mut Budget) -> Outcome {
    let interval = interval(inputs)?;
    let (first, second) = (date(inputs, 1)?, date(inputs, 2)?);
    let (a, b) = (first.parts(), second.parts());
    let difference = match interval {
        Interval::Year => b.year - a.year,
        Interval::Month => (b.year - a.year) * 12 + b.month - a.month,
        Interval::Week => {
            let day = ticks_per(TimeUnit::Day);
            // VB moves each date to its Sunday with `AddDays`, which throws before 0001-01-01.
            let sunday_before = |date: DateTime, day_of_week: i64| {
                date.add_ticks(-day_of_week * day).map_or_else(
                    || unstated(Unstated::DateRange),
                    |sunday| Ok(sunday.ticks()),
                )
            };
            let ticks =
                sunday_before(second, b.day_of_week)? - sunday_before(first, a.day_of_week)?;
            whole_units(ticks, day, 7.0)?
        }
        Interval::Fixed(unit) => whole_units(second.ticks() - first.ticks(), ticks_per(unit), 1.0)?,
    };
    Ok(Value::Number(difference))
}
