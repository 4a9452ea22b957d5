//! Now, Guid and RandomString: functions whose value changes every run. Entra's is the moment
//! of the run, a new random GUID, a new random string; here each gives an example of what it
//! could be (Now the moment the evaluation is given, the others drawn from it), and the
//! playground says that the value changes every run ([`CHANGING_FUNCTIONS`]).

use crate::budget::Budget;
use crate::datetime::DateTime;

use super::args::{given, text, whole, Input, Outcome};
use super::error::{unstated, Unstated};
use super::value::Value;

/// The functions whose value changes every run: their results here are examples.
pub const CHANGING_FUNCTIONS: [&str; 3] = ["Guid", "Now", "RandomString"];

/// What the changing functions of one evaluation draw from: the moment it runs at, and a
/// pseudo-random sequence seeded from it (an example needs no secret randomness).
pub(super) struct Example {
    now: DateTime,
    state: u64,
}

impl Example {
    pub fn new(now: DateTime) -> Example {
        Example {
            now,
            state: now.ticks().unsigned_abs(),
        }
    }

    /// SplitMix64's next number.
    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (at least 1).
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }
}

/// (name, fewest arguments, most arguments, implementation) for the changing functions.
pub(super) type ChangingFunction = (
    &'static str,
    usize,
    Option<usize>,
    fn(&[Input], &mut Budget, &mut Example) -> Outcome,
);

pub(super) const CHANGING: [ChangingFunction; 3] = [
    ("Guid", 0, Some(0), guid),
    ("Now", 0, Some(0), now),
    ("RandomString", 5, Some(6), random_string),
];

/// Now(): the current UTC moment, `DateTime.UtcNow`, printed without its fraction of a second.
fn now(_inputs: &[Input], _budget: &mut Budget, example: &mut Example) -> Outcome {
    Ok(Value::Date(example.now.whole_seconds()))
}

/// Guid(): `Guid.NewGuid().ToString()`, a version-4 GUID in the «D» form, lower case.
fn guid(_inputs: &[Input], _budget: &mut Budget, example: &mut Example) -> Outcome {
    let bytes = (u128::from(example.next()) << 64 | u128::from(example.next()))
        & !(0xF << 76 | 0x3 << 62)
        | 0x4 << 76
        | 0x2 << 62;
    let hex = format!("{bytes:032x}");
    Ok(Value::Text(format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )))
}

/// The characters of Windows' password complexity rules that RandomString's reference links:
/// digits, specials, capitals, lower case.
const KINDS: [&str; 4] = [
    "0123456789",
    "~!@#$%^&*_-+=`|\\(){}[]:;\"'<>,.?/",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "abcdefghijklmnopqrstuvwxyz",
];

/// The longest string RandomString makes, as the reference says.
const MAX_LENGTH: i64 = 256;

/// RandomString(Length, MinimumNumbers, MinimumSpecialCharacters, MinimumCapital,
/// MinimumLowerCase, CharactersToAvoid): a string of that length with at least so many of each
/// kind, none of the characters to avoid.
fn random_string(inputs: &[Input], _budget: &mut Budget, example: &mut Example) -> Outcome {
    let length = whole(inputs, 0)?;
    let mut minimums = [0usize; 4];
    for (i, minimum) in minimums.iter_mut().enumerate() {
        *minimum = usize::try_from(whole(inputs, i + 1)?)
            .or_else(|_| unstated(Unstated::RandomStringLengths))?;
    }
    let avoid = if given(inputs, 5) {
        text(inputs, 5)?
    } else {
        String::new()
    };
    let Ok(length) = usize::try_from(length).map(|n| n.min(MAX_LENGTH as usize + 1)) else {
        return unstated(Unstated::RandomStringLengths);
    };
    // Only ASCII characters are ever chosen: one bit for each says whether it is avoided.
    let avoided = avoid
        .chars()
        .filter(char::is_ascii)
        .fold(0u128, |bits, c| bits | 1 << u32::from(c));
    let kinds: Vec<Vec<char>> = KINDS
        .iter()
        .map(|kind| {
            kind.chars()
                .filter(|&c| avoided & 1 << u32::from(c) == 0)
                .collect()
        })
        .collect();
    let required: usize = minimums.iter().sum();
    let lacking = minimums
        .iter()
        .zip(&kinds)
        .any(|(&minimum, kind)| minimum > 0 && kind.is_empty());
    let all: Vec<char> = kinds.concat();
    if length > MAX_LENGTH as usize || required > length || lacking || all.is_empty() {
        return unstated(Unstated::RandomStringLengths);
    }
    let mut chars: Vec<char> = Vec::with_capacity(length);
    for (minimum, kind) in minimums.iter().zip(&kinds) {
        for _ in 0..*minimum {
            chars.push(kind[example.below(kind.len())]);
        }
    }
    while chars.len() < length {
        chars.push(all[example.below(all.len())]);
    }
    // Fisher–Yates, so that the kinds are not in order.
    for i in (1..chars.len()).rev() {
        chars.swap(i, example.below(i + 1));
    }
    Ok(Value::Text(chars.into_iter().collect()))
}
