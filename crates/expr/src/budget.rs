//! One budget per evaluation: how much work and memory a single [`evaluate`](super::evaluate)
//! may use, whatever the admin typed or pasted. What each limit counts is told at [`Limits`].
//!
//! The expression, the attribute values and the regex patterns are all user input, and the page
//! runs them on a browser tab that must never freeze or run out of memory. So one [`Budget`] is
//! made per evaluation, everything the evaluation does takes from it, and nothing resets it: a
//! limit per function call would let an expression of many calls multiply it.
//!
//! The tests of the limits are the evaluator's (`eval/tests/budget.rs`): what they check is what
//! an evaluation may use, so they run evaluations, and this module needs no evaluator of its own.

/// What one evaluation may use, shared by everything it does. Going over any of them stops the
/// evaluation with [`EvalErrorKind::OverBudget`](super::EvalErrorKind::OverBudget), naming the
/// [`Limit`]:
///
/// - **steps**: each function call, each argument and each value of a list (a multi-valued
///   attribute read, what `Split` returns) costs one step, so that a list of many empty values
///   is not free;
/// - **regex steps**: every step of the regex machine, in all of the evaluation's `Replace`
///   calls together;
/// - **value length**: no value, intermediate or final, is longer than `value_bytes`. Lengths
///   are checked *before* a longer string is built, so nothing big is ever allocated;
/// - **total length**: all the strings the evaluation makes, added up (attribute values read,
///   constants, every function's result), stay under `total_bytes`. Each function's work is at
///   most a small multiple of the text it reads and writes, and what it reads was made (and
///   counted) before, so this bounds the time of the string work too.
///
/// Lengths are counted in UTF-8 bytes, what a Rust `String` holds.
///
/// ```
/// use scim_token_expr::{evaluate_within, parse, Attributes, EvalErrorKind, Limit, Limits};
///
/// let expr = parse(r#"Append("abc", "def")"#).unwrap();
/// let few = Limits { steps: 2, ..Limits::DEFAULT };
/// let error = evaluate_within(&expr, &Attributes::new(), &few).unwrap_err();
/// assert_eq!(error.kind, EvalErrorKind::OverBudget { limit: Limit::Steps, max: 2 });
/// assert_eq!(Limits::default(), Limits::DEFAULT);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Limits {
    /// Function calls, arguments and values of lists, together.
    pub steps: usize,
    /// Steps of the regex machine, over every `Replace` of the evaluation.
    pub regex_steps: usize,
    /// The longest value, in UTF-8 bytes.
    pub value_bytes: usize,
    /// All the strings one evaluation makes, added up, in UTF-8 bytes.
    pub total_bytes: usize,
}

impl Limits {
    /// The limits [`evaluate`](super::evaluate) uses.
    ///
    /// The page's worker is stopped after a second and wasm runs about half as fast as native
    /// code, so the slowest evaluation within all four limits must take well under 100 ms
    /// natively. The ignored test `worst_cases_are_fast` measures it in release mode, the
    /// profile the wasm is built with (best of 15 runs, on a 2-core machine shared with other
    /// work): about 40 ms for NormalizeDiacritics on a megabyte of letters with combining
    /// marks until the total is spent, about 30 ms for ToLower on capitals of two bytes each,
    /// about 10 ms for a million regex steps, and about 35 ms for the two budgets spent in one
    /// expression.
    ///
    /// - `steps`, 100,000: an expression of at most
    ///   [`MAX_EXPRESSION_CHARS`](super::MAX_EXPRESSION_CHARS) characters has fewer calls and
    ///   arguments than that, so only lists reach it (`Split` into 100,000 parts, about 10 ms);
    /// - `regex_steps`, 1,000,000: what one `Replace` had to itself before, ample for any
    ///   pattern on a real value (the mapping helper's take a few steps per character);
    /// - `value_bytes`, 1 MiB: far beyond any directory attribute;
    /// - `total_bytes`, 4 MiB: a value at the longest read and turned into another a few
    ///   times. The time of string work grows with it: 8 MiB took about twice as long.
    pub const DEFAULT: Limits = Limits {
        steps: 100_000,
        regex_steps: 1_000_000,
        value_bytes: 1 << 20,
        total_bytes: 4 << 20,
    };

    /// The number a limit stands at.
    ///
    /// ```
    /// use scim_token_expr::{Limit, Limits};
    /// assert_eq!(Limits::DEFAULT.max(Limit::RegexSteps), 1_000_000);
    /// ```
    pub fn max(&self, limit: Limit) -> usize {
        match limit {
            Limit::Steps => self.steps,
            Limit::RegexSteps => self.regex_steps,
            Limit::ValueLength => self.value_bytes,
            Limit::TotalLength => self.total_bytes,
        }
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::DEFAULT
    }
}

/// Which of the [`Limits`] an evaluation ran into.
///
/// ```
/// use scim_token_expr::{Limit, Limits};
/// assert_eq!(Limits::DEFAULT.max(Limit::TotalLength), 4 << 20);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Limit {
    /// [`Limits::steps`].
    Steps,
    /// [`Limits::regex_steps`].
    RegexSteps,
    /// [`Limits::value_bytes`].
    ValueLength,
    /// [`Limits::total_bytes`].
    TotalLength,
}

/// The limit an evaluation ran into, and the number it stands at.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Exceeded {
    pub limit: Limit,
    pub max: usize,
}

/// What is left of one evaluation's [`Limits`]. Every part of the evaluation takes from the same
/// budget; nothing resets it.
#[derive(Clone, Debug)]
pub(crate) struct Budget {
    limits: Limits,
    steps: usize,
    regex_steps: usize,
    total_bytes: usize,
}

impl Budget {
    pub fn new(limits: &Limits) -> Budget {
        Budget {
            limits: *limits,
            steps: 0,
            regex_steps: 0,
            total_bytes: 0,
        }
    }

    fn exceeded(&self, limit: Limit) -> Exceeded {
        Exceeded {
            limit,
            max: self.limits.max(limit),
        }
    }

    /// Takes `n` evaluator steps.
    pub fn steps(&mut self, n: usize) -> Result<(), Exceeded> {
        match self.steps.checked_add(n) {
            Some(used) if used <= self.limits.steps => {
                self.steps = used;
                Ok(())
            }
            _ => Err(self.exceeded(Limit::Steps)),
        }
    }

    /// Takes `n` regex steps.
    #[inline]
    pub fn regex_steps(&mut self, n: usize) -> Result<(), Exceeded> {
        match self.regex_steps.checked_add(n) {
            Some(used) if used <= self.limits.regex_steps => {
                self.regex_steps = used;
                Ok(())
            }
            _ => Err(self.exceeded(Limit::RegexSteps)),
        }
    }

    /// Whether a value of `bytes` may be made: checked before making it, so that nothing over
    /// the limits is allocated. Takes nothing; [`Budget::made`] does.
    pub fn fits(&self, bytes: usize) -> Result<(), Exceeded> {
        if bytes > self.limits.value_bytes {
            return Err(self.exceeded(Limit::ValueLength));
        }
        match self.total_bytes.checked_add(bytes) {
            Some(total) if total <= self.limits.total_bytes => Ok(()),
            _ => Err(self.exceeded(Limit::TotalLength)),
        }
    }

    /// The longest value that [fits](Budget::fits) now: for a function whose result only grows
    /// as it is built, to stop as soon as it is past.
    pub fn room(&self) -> usize {
        self.limits
            .value_bytes
            .min(self.limits.total_bytes.saturating_sub(self.total_bytes))
    }

    /// The limit a value of `bytes` passes, for a length known to be over the
    /// [room](Budget::room).
    pub fn exceeded_by(&self, bytes: usize) -> Exceeded {
        self.fits(bytes)
            .err()
            .unwrap_or(self.exceeded(Limit::ValueLength))
    }

    /// Whether a list of `values` values and `bytes` bytes in all may be made (each value is a
    /// step). Takes nothing.
    pub fn fits_list(&self, values: usize, bytes: usize) -> Result<(), Exceeded> {
        match self.steps.checked_add(values) {
            Some(steps) if steps <= self.limits.steps => self.fits(bytes),
            _ => Err(self.exceeded(Limit::Steps)),
        }
    }

    /// Counts a value of `bytes` as made, if it [fits](Budget::fits).
    pub fn made(&mut self, bytes: usize) -> Result<(), Exceeded> {
        self.fits(bytes)?;
        self.total_bytes += bytes;
        Ok(())
    }

    /// What has been used so far.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub fn used(&self) -> Limits {
        Limits {
            steps: self.steps,
            regex_steps: self.regex_steps,
            value_bytes: 0,
            total_bytes: self.total_bytes,
        }
    }
}

/// UTF-16 text being built (the regex engine's and .NET's unit) that is checked against the
/// budget, in UTF-8 bytes, before it grows.
pub(crate) struct GrowingUnits {
    pub units: Vec<u16>,
    bytes: usize,
}

impl GrowingUnits {
    pub fn with_capacity(capacity: usize) -> GrowingUnits {
        GrowingUnits {
            units: Vec::with_capacity(capacity),
            bytes: 0,
        }
    }

    /// Appends `more`, if the longer text [fits](Budget::fits).
    pub fn push(&mut self, more: &[u16], budget: &Budget) -> Result<(), Exceeded> {
        let bytes = self.bytes.saturating_add(utf8_len(more));
        budget.fits(bytes)?;
        self.units.extend_from_slice(more);
        self.bytes = bytes;
        Ok(())
    }
}

/// How many UTF-8 bytes these UTF-16 units become. Each unit of a surrogate pair counts two, so
/// a pair counts the four bytes its character takes.
pub(crate) fn utf8_len(units: &[u16]) -> usize {
    units
        .iter()
        .map(|&unit| match unit {
            0..=0x7F => 1,
            0x80..=0x7FF | 0xD800..=0xDFFF => 2,
            _ => 3,
        })
        .sum()
}
