//! Why a pattern or a replacement cannot be evaluated here ([`RegexProblem`]), and why matching
//! stopped ([`MatchError`]): every stage of the engine answers with these.

use crate::budget::Exceeded;

/// Why a pattern or replacement cannot be evaluated here.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RegexProblem {
    /// The pattern uses something outside the supported subset, or is not a valid .NET pattern,
    /// at this character of the pattern (counted from 0).
    Unsupported {
        /// Where, in characters of the pattern.
        at: usize,
    },
    /// The replacement is not valid in .NET (`Regex.Replace` throws): a `$n` or `${n}` at this
    /// character names a group number past 2,147,483,647.
    Replacement {
        /// Where, in characters of the replacement.
        at: usize,
    },
    /// The pattern is larger, or nests deeper, than this page compiles.
    TooComplex,
}

/// Why matching stopped: a problem of the pattern found on the way, or the budget ran out.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum MatchError {
    /// See [`RegexProblem`].
    Problem(RegexProblem),
    /// The evaluation's budget ran out.
    OverBudget(Exceeded),
}

impl From<RegexProblem> for MatchError {
    fn from(problem: RegexProblem) -> MatchError {
        MatchError::Problem(problem)
    }
}

impl From<Exceeded> for MatchError {
    fn from(exceeded: Exceeded) -> MatchError {
        MatchError::OverBudget(exceeded)
    }
}
