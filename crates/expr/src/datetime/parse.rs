//! The date text CDate and NumFromDate read, as far as .NET's `DateTime.Parse` reads it the same
//! way whatever the server: ISO 8601's `yyyy-MM-dd`, with a time `THH:mm[:ss[.fffffff]]` (or a
//! space for the `T`), and a time zone, `Z` or `±HH:mm`; and the form the reference prints,
//! `M/d/yyyy h:mm:ss tt`. .NET reads many more forms, by heuristics: those are refused.

use super::{DateTime, TICKS_PER_MINUTE};

/// A date read from text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct DateText {
    /// The date and time as written.
    pub written: DateTime,
    /// Its offset from UTC in minutes, if the text gives one (`Z` is 0).
    pub offset_minutes: Option<i64>,
}

impl DateText {
    /// The moment in UTC, if the text gives its zone and the moment is a `DateTime`.
    pub fn utc(self) -> Option<Option<DateTime>> {
        self.offset_minutes
            .map(|offset| self.written.add_ticks(-offset * TICKS_PER_MINUTE))
    }
}

/// Reads a run of exactly `n` ASCII digits.
fn fixed(text: &mut &[u8], n: usize) -> Option<i64> {
    let digits = text.get(..n)?;
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    *text = &text[n..];
    Some(digits.iter().fold(0, |v, d| v * 10 + i64::from(d - b'0')))
}

/// Reads one or two ASCII digits.
fn one_or_two(text: &mut &[u8]) -> Option<i64> {
    let run = text
        .iter()
        .take(2)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if run == 0 {
        return None;
    }
    fixed(text, run)
}

fn expect(text: &mut &[u8], byte: u8) -> Option<()> {
    let (&first, rest) = text.split_first()?;
    (first == byte).then(|| *text = rest)
}

/// Reads ISO 8601 date text as described above; `None` for any other text (which .NET may
/// still read, another way).
pub(crate) fn read_date(text: &str) -> Option<DateText> {
    let mut rest = text.as_bytes();
    let year = fixed(&mut rest, 4)?;
    expect(&mut rest, b'-')?;
    let month = fixed(&mut rest, 2)?;
    expect(&mut rest, b'-')?;
    let day = fixed(&mut rest, 2)?;
    let (mut hour, mut minute, mut second, mut fraction) = (0, 0, 0, 0);
    if let Some((b'T' | b' ', after)) = rest.split_first() {
        rest = after;
        hour = fixed(&mut rest, 2)?;
        expect(&mut rest, b':')?;
        minute = fixed(&mut rest, 2)?;
        if expect(&mut rest, b':').is_some() {
            second = fixed(&mut rest, 2)?;
            if expect(&mut rest, b'.').is_some() {
                let run = rest.iter().take_while(|b| b.is_ascii_digit()).count();
                if !(1..=7).contains(&run) {
                    return None;
                }
                fraction = fixed(&mut rest, run)? * 10_i64.pow(7 - run as u32);
            }
        }
    }
    let offset_minutes = match rest {
        [] => None,
        [b'Z'] => Some(0),
        [sign @ (b'+' | b'-'), zone @ ..] => {
            let mut zone = zone;
            let hours = fixed(&mut zone, 2)?;
            expect(&mut zone, b':')?;
            let minutes = fixed(&mut zone, 2)?;
            // DateTimeOffset's limit, which .NET checks: ±14:00.
            if !zone.is_empty() || minutes > 59 || hours * 60 + minutes > 14 * 60 {
                return None;
            }
            let offset = hours * 60 + minutes;
            Some(if *sign == b'-' { -offset } else { offset })
        }
        _ => return None,
    };
    let written =
        DateTime::from_parts(year, month, day, hour, minute, second)?.add_ticks(fraction)?;
    Some(DateText {
        written,
        offset_minutes,
    })
}

/// Reads the form the reference prints dates in, `M/d/yyyy h:mm:ss tt` (Now's, CDate's and
/// DateAdd's results), exactly.
pub(crate) fn read_printed(text: &str) -> Option<DateTime> {
    let mut rest = text.as_bytes();
    let month = one_or_two(&mut rest)?;
    expect(&mut rest, b'/')?;
    let day = one_or_two(&mut rest)?;
    expect(&mut rest, b'/')?;
    let year = fixed(&mut rest, 4)?;
    expect(&mut rest, b' ')?;
    let hour12 = one_or_two(&mut rest)?;
    expect(&mut rest, b':')?;
    let minute = fixed(&mut rest, 2)?;
    expect(&mut rest, b':')?;
    let second = fixed(&mut rest, 2)?;
    let pm = match rest {
        b" AM" => false,
        b" PM" => true,
        _ => return None,
    };
    if !(1..=12).contains(&hour12) {
        return None;
    }
    let hour = hour12 % 12 + if pm { 12 } else { 0 };
    DateTime::from_parts(year, month, day, hour, minute, second)
}
