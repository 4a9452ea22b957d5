//! The calendar against .NET's documented values: `DateTime.Ticks`, `FromFileTimeUtc`,
//! `AddMonths`' clamping, and the custom formats.

use super::*;

#[test]
fn ticks_and_parts_agree_with_dotnet() {
    // new DateTime(2021, 7, 2, 15, 33, 38).Ticks
    let date = DateTime::from_parts(2021, 7, 2, 15, 33, 38).unwrap();
    assert_eq!(date.ticks(), 637_608_368_180_000_000);
    let p = date.parts();
    assert_eq!(
        (p.year, p.month, p.day, p.hour, p.minute, p.second),
        (2021, 7, 2, 15, 33, 38)
    );
    assert_eq!(p.day_of_week, 5, "a Friday");
    // Every day from 1999 to 2001 and around the ends round-trips through its parts.
    for days in (0..5).chain(729_000..731_000).chain(3_652_050..3_652_059) {
        let date = DateTime::from_ticks(days * TICKS_PER_DAY).unwrap();
        let p = date.parts();
        assert_eq!(
            DateTime::from_parts(p.year, p.month, p.day, 0, 0, 0),
            Some(date)
        );
    }
    assert_eq!(
        DateTime::from_ticks(MAX_TICKS).unwrap().to_string(),
        "12/31/9999 11:59:59 PM"
    );
    assert_eq!(DateTime::from_ticks(MAX_TICKS + 1), None);
}

#[test]
fn add_months_keeps_the_day_where_the_month_has_it() {
    let date = |y, m, d| DateTime::from_parts(y, m, d, 7, 0, 0).unwrap();
    assert_eq!(date(2024, 1, 31).add_months(1), Some(date(2024, 2, 29)));
    assert_eq!(date(2023, 1, 31).add_months(1), Some(date(2023, 2, 28)));
    assert_eq!(date(2024, 2, 29).add_months(12), Some(date(2025, 2, 28)));
    assert_eq!(date(2012, 3, 16).add_months(-3), Some(date(2011, 12, 16)));
    assert_eq!(date(9999, 12, 1).add_months(1), None);
    assert_eq!(date(1, 1, 1).add_months(-1), None);
}

#[test]
fn file_times_count_from_1601() {
    // DateTime.FromFileTimeUtc(0) is 1601-01-01 00:00 UTC.
    assert_eq!(
        DateTime::from_file_time(0).unwrap().to_string(),
        "1/1/1601 12:00:00 AM"
    );
    assert_eq!(DateTime::from_file_time(-1), None);
    assert_eq!(
        DateTime::from_file_time(i64::MAX),
        None,
        "AD's «never expires»"
    );
    let date = DateTime::from_parts(1600, 12, 31, 0, 0, 0).unwrap();
    assert_eq!(date.to_file_time(), None);
}

#[test]
fn custom_formats_write_as_dotnet_does() {
    let date = DateTime::from_parts(2009, 6, 5, 13, 5, 7)
        .unwrap()
        .add_ticks(1_234_567)
        .unwrap();
    let write = |format: &str| DateFormat::new(format).unwrap().write(date);
    // The examples of .NET's «Custom date and time format strings» page, for June 2009.
    assert_eq!(write("M/d/yyyy h:mm:ss tt"), "6/5/2009 1:05:07 PM");
    assert_eq!(
        write("yyyy-MM-ddTHH:mm:ss.fffffff"),
        "2009-06-05T13:05:07.1234567"
    );
    assert_eq!(write("yy y yyyyy"), "09 9 02009");
    assert_eq!(write("ddd dddd MMM MMMM"), "Fri Friday Jun June");
    assert_eq!(write("hh t 'h' \\d"), "01 P h d");
    assert_eq!(DateFormat::new("d"), Err(FormatProblem::Standard));
    assert_eq!(
        DateFormat::new("yyyy zzz"),
        Err(FormatProblem::Specifier('z'))
    );
    assert_eq!(
        DateFormat::new("HH:mm K"),
        Err(FormatProblem::Specifier('K'))
    );
    assert_eq!(DateFormat::new("'open"), Err(FormatProblem::Unclosed));
}

#[test]
fn custom_formats_read_as_parse_exact_does() {
    let read = |format: &str, text: &str| {
        DateFormat::new(format)
            .unwrap()
            .read(text)
            .map(|date| date.map(|d| d.to_string()))
    };
    assert_eq!(
        read("yyyyMMddHHmmss.fZ", "20150123105347.1Z"),
        Ok(Some("1/23/2015 10:53:47 AM".into()))
    );
    assert_eq!(
        read("M/d/yyyy hh:mm:ss tt", " 12/31/2020 12:00:00 AM "),
        Ok(Some("12/31/2020 12:00:00 AM".into()))
    );
    assert_eq!(
        read("M/d/yyyy h:mm tt", "1/2/2020 12:30 PM"),
        Ok(Some("1/2/2020 12:30:00 PM".into()))
    );
    // «tt» ignores case, as MatchSpecifiedWord; white space at the ends is skipped.
    assert_eq!(
        read("M/d/yyyy h:mm tt", "\t1/2/2020 12:30 am\n"),
        Ok(Some("1/2/2020 12:30:00 AM".into()))
    );
    assert_eq!(read("M/d/yyyy h:mm t", "1/2/2020 12:30 p"), Ok(None));
    // hh takes two digits exactly; 13 o'clock is no 12-hour time; no 30th of February.
    assert_eq!(read("M/d/yyyy hh:mm tt", "1/2/2020 1:30 PM"), Ok(None));
    assert_eq!(read("M/d/yyyy h:mm tt", "1/2/2020 13:30 PM"), Ok(None));
    assert_eq!(read("yyyy-MM-dd", "2020-02-30"), Ok(None));
    assert_eq!(read("yyyy-MM-dd", "2020-02-3"), Ok(None));
    // Two-digit years and names depend on settings; a missing day is today's.
    assert_eq!(
        read("yy-MM-dd", "20-02-03"),
        Err(FormatProblem::Specifier('y'))
    );
    assert_eq!(
        read("yyyy-MMM-dd", "2020-Feb-03"),
        Err(FormatProblem::Specifier('M'))
    );
    assert_eq!(read("HH:mm", "10:30"), Err(FormatProblem::Specifier('d')));
}

#[test]
fn iso_dates_are_read_with_their_zone() {
    let utc = |text: &str| {
        read_date(text)
            .and_then(|read| read.utc())
            .flatten()
            .map(|d| d.to_string())
    };
    assert_eq!(utc("2020-03-16-07:00"), Some("3/16/2020 7:00:00 AM".into()));
    assert_eq!(utc("2021-06-30+08:00"), Some("6/29/2021 4:00:00 PM".into()));
    assert_eq!(
        utc("2009-06-15T01:45:30-07:00"),
        Some("6/15/2009 8:45:30 AM".into())
    );
    assert_eq!(
        utc("2021-08-24 10:00:00.5Z"),
        Some("8/24/2021 10:00:00 AM".into())
    );
    assert_eq!(
        read_date("2021-08-24").map(|read| read.offset_minutes),
        Some(None)
    );
    for refused in [
        "2021-8-24",
        "24.08.2021",
        "2021-08-24T10",
        "2021-08-24+15:00",
        "2021-08-24 Z",
    ] {
        assert_eq!(read_date(refused), None, "{refused}");
    }
    assert_eq!(
        read_printed("8/25/2021 5:41:18 PM").map(|d| d.to_string()),
        Some("8/25/2021 5:41:18 PM".into())
    );
    assert_eq!(read_printed("8/25/2021 17:41:18"), None);
}
