//! Dates and times as .NET's `DateTime` keeps them: 100-nanosecond ticks from 0001-01-01 00:00
//! in the proleptic Gregorian calendar, up to 9999-12-31, always in UTC here. The calendar
//! arithmetic (`AddMonths`, `AddDays`, file times) and the reference's own print form,
//! `M/d/yyyy h:mm:ss tt`, are in this file; .NET's custom format strings are in `format`, and the
//! date text that CDate and NumFromDate read in `parse`.

mod format;
mod parse;

pub(crate) use format::{DateFormat, FormatProblem};
pub(crate) use parse::{read_date, read_printed};

const TICKS_PER_SECOND: i64 = 10_000_000;
const TICKS_PER_MINUTE: i64 = 60 * TICKS_PER_SECOND;
const TICKS_PER_HOUR: i64 = 60 * TICKS_PER_MINUTE;
const TICKS_PER_DAY: i64 = 24 * TICKS_PER_HOUR;
/// `DateTime.MaxValue.Ticks`: 9999-12-31 23:59:59.9999999.
const MAX_TICKS: i64 = 3_155_378_975_999_999_999;
/// Ticks from 0001-01-01 to 1601-01-01, where Windows file times (Active Directory's dates)
/// start: .NET's `FileTimeOffset`.
const FILE_TIME_OFFSET: i64 = 504_911_232_000_000_000;

/// A moment in UTC, as .NET's `DateTime` counts it: ticks of 100 ns from 0001-01-01 00:00.
///
/// It prints as the reference says CDate, DateAdd and Now return a date, `M/d/yyyy h:mm:ss tt`
/// (the invariant culture's AM and PM):
///
/// ```
/// use scim_token_expr::DateTime;
///
/// let hired = DateTime::from_parts(2020, 3, 16, 7, 0, 0).unwrap();
/// assert_eq!(hired.to_string(), "3/16/2020 7:00:00 AM");
/// assert_eq!(DateTime::from_parts(2021, 2, 29, 0, 0, 0), None);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub struct DateTime {
    ticks: i64,
}

/// A date's calendar fields.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Parts {
    pub year: i64,
    pub month: i64,
    pub day: i64,
    pub hour: i64,
    pub minute: i64,
    pub second: i64,
    /// Ticks past the second, 0 to 9,999,999.
    pub fraction: i64,
    /// 0 for Sunday to 6 for Saturday, as .NET's `DayOfWeek`.
    pub day_of_week: i64,
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

pub(crate) fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 0001-01-01 to the date, for a valid date.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = year - 1;
    let before_month: i64 = (1..month).map(|m| days_in_month(year, m)).sum();
    y * 365 + y / 4 - y / 100 + y / 400 + before_month + day - 1
}

impl DateTime {
    /// The moment at these calendar fields in UTC; `None` if they are not a date and time
    /// between 0001-01-01 and 9999-12-31.
    ///
    /// ```
    /// use scim_token_expr::DateTime;
    /// assert!(DateTime::from_parts(9999, 12, 31, 23, 59, 59).is_some());
    /// assert!(DateTime::from_parts(2024, 1, 1, 24, 0, 0).is_none());
    /// ```
    pub fn from_parts(
        year: i64,
        month: i64,
        day: i64,
        hour: i64,
        minute: i64,
        second: i64,
    ) -> Option<DateTime> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day)
            && (0..24).contains(&hour)
            && (0..60).contains(&minute)
            && (0..60).contains(&second);
        valid.then(|| DateTime {
            ticks: days_from_civil(year, month, day) * TICKS_PER_DAY
                + hour * TICKS_PER_HOUR
                + minute * TICKS_PER_MINUTE
                + second * TICKS_PER_SECOND,
        })
    }

    /// The moment `ticks` (100 ns) after 0001-01-01 00:00 UTC, if it is one `DateTime` holds.
    ///
    /// ```
    /// use scim_token_expr::DateTime;
    /// assert_eq!(DateTime::from_ticks(0).unwrap().to_string(), "1/1/0001 12:00:00 AM");
    /// assert_eq!(DateTime::from_ticks(-1), None);
    /// ```
    pub fn from_ticks(ticks: i64) -> Option<DateTime> {
        (0..=MAX_TICKS)
            .contains(&ticks)
            .then_some(DateTime { ticks })
    }

    /// A moment known to be in range, for constants.
    pub(crate) const fn at_ticks(ticks: i64) -> DateTime {
        DateTime { ticks }
    }

    /// The ticks (100 ns) after 0001-01-01 00:00 UTC, .NET's `DateTime.Ticks`.
    ///
    /// ```
    /// use scim_token_expr::DateTime;
    /// assert_eq!(DateTime::from_parts(1, 1, 2, 0, 0, 0).unwrap().ticks(), 864_000_000_000);
    /// ```
    pub fn ticks(self) -> i64 {
        self.ticks
    }

    /// The moment `millis` milliseconds after 1970-01-01 00:00 UTC (what JavaScript's
    /// `Date.now()` gives), if it is one `DateTime` holds.
    ///
    /// ```
    /// use scim_token_expr::DateTime;
    /// assert_eq!(DateTime::from_unix_millis(0).unwrap().to_string(), "1/1/1970 12:00:00 AM");
    /// ```
    pub fn from_unix_millis(millis: i64) -> Option<DateTime> {
        const UNIX_EPOCH: i64 = 621_355_968_000_000_000;
        millis
            .checked_mul(10_000)
            .and_then(|ticks| ticks.checked_add(UNIX_EPOCH))
            .and_then(DateTime::from_ticks)
    }

    /// .NET's `DateTime.FromFileTimeUtc`: Active Directory's dates (`lastLogonTimestamp`,
    /// `accountExpires`) count 100 ns from 1601-01-01 UTC.
    pub(crate) fn from_file_time(file_time: i64) -> Option<DateTime> {
        if file_time < 0 {
            return None;
        }
        file_time
            .checked_add(FILE_TIME_OFFSET)
            .and_then(DateTime::from_ticks)
    }

    /// .NET's `DateTime.ToFileTimeUtc`; `None` before 1601, where it throws.
    pub(crate) fn to_file_time(self) -> Option<i64> {
        let file_time = self.ticks - FILE_TIME_OFFSET;
        (file_time >= 0).then_some(file_time)
    }

    /// This moment `ticks` later (earlier if negative), if that is still one.
    pub(crate) fn add_ticks(self, ticks: i64) -> Option<DateTime> {
        self.ticks.checked_add(ticks).and_then(DateTime::from_ticks)
    }

    /// .NET's `GregorianCalendar.AddMonths`: the same day and time `months` later, the day
    /// made the month's last if the month is shorter. `AddYears` is twelve months each.
    pub(crate) fn add_months(self, months: i64) -> Option<DateTime> {
        // GregorianCalendar throws past ±120,000 months, beyond any date anyway.
        if !(-120_000..=120_000).contains(&months) {
            return None;
        }
        let parts = self.parts();
        let index = parts.year * 12 + parts.month - 1 + months;
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
        let day = parts.day.min(days_in_month(year, month));
        let date = DateTime::from_parts(year, month, day, 0, 0, 0)?;
        date.add_ticks(self.ticks.rem_euclid(TICKS_PER_DAY))
    }

    /// The calendar fields, as .NET's `DateTime.GetDatePart` works them out.
    pub(crate) fn parts(self) -> Parts {
        let days = self.ticks / TICKS_PER_DAY;
        let time = self.ticks % TICKS_PER_DAY;
        let n400 = days / 146_097;
        let mut rest = days % 146_097;
        let n100 = (rest / 36_524).min(3);
        rest -= n100 * 36_524;
        let n4 = rest / 1_461;
        rest -= n4 * 1_461;
        let n1 = (rest / 365).min(3);
        rest -= n1 * 365;
        let year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1;
        let mut month = 1;
        while rest >= days_in_month(year, month) {
            rest -= days_in_month(year, month);
            month += 1;
        }
        Parts {
            year,
            month,
            day: rest + 1,
            hour: time / TICKS_PER_HOUR,
            minute: time % TICKS_PER_HOUR / TICKS_PER_MINUTE,
            second: time % TICKS_PER_MINUTE / TICKS_PER_SECOND,
            fraction: time % TICKS_PER_SECOND,
            // 0001-01-01 was a Monday.
            day_of_week: (days + 1) % 7,
        }
    }

    /// The same moment without the part of a second: what a date printed and read back keeps.
    pub(crate) fn whole_seconds(self) -> DateTime {
        DateTime {
            ticks: self.ticks - self.ticks % TICKS_PER_SECOND,
        }
    }
}

/// The ticks in one of DateAdd's and DateDiff's intervals that are a fixed length.
pub(crate) const fn ticks_per(unit: TimeUnit) -> i64 {
    match unit {
        TimeUnit::Day => TICKS_PER_DAY,
        TimeUnit::Hour => TICKS_PER_HOUR,
        TimeUnit::Minute => TICKS_PER_MINUTE,
        TimeUnit::Second => TICKS_PER_SECOND,
    }
}

/// The intervals of a fixed length.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum TimeUnit {
    Day,
    Hour,
    Minute,
    Second,
}

impl std::fmt::Display for DateTime {
    /// `M/d/yyyy h:mm:ss tt`, as the reference prints CDate's, DateAdd's and Now's results.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = self.parts();
        let hour12 = match p.hour % 12 {
            0 => 12,
            h => h,
        };
        let tt = if p.hour < 12 { "AM" } else { "PM" };
        write!(
            f,
            "{}/{}/{:04} {}:{:02}:{:02} {tt}",
            p.month, p.day, p.year, hour12, p.minute, p.second
        )
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
