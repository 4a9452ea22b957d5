//! The part of .NET regular expressions that this page can evaluate exactly.
//!
//! Entra's `Replace` runs .NET regular expressions. A look-alike engine that answers differently
//! would show the admin a wrong preview, so this module implements a small subset *with .NET's
//! semantics* and refuses everything else with [`RegexProblem`] instead of guessing:
//!
//! - literal characters; `\` before an ASCII punctuation character or space (a literal, as .NET
//!   reads it); `\t \n \r \f \v \a \e`, `\xHH`, `\uHHHH`;
//! - `.` (any UTF-16 unit but `\n`), `^` and `\A` (start), `$` and `\Z` (end, or before a final
//!   `\n`, as .NET has it without `RegexOptions.Multiline`), `\z` (end), `\b` and `\B`;
//! - `\s \S`, `\d \D`, `\w \W`, `\p{…}` and `\P{…}` (the 37 category names and 107 block
//!   names .NET takes), and classes `[…]` / `[^…]` of single characters, ranges `a-z` and those
//!   escapes (`\b` is a backspace there);
//! - groups `(…)`, `(?:…)`, `(?<name>…)` and `(?'name'…)`, numbered the .NET way (unnamed groups
//!   first, left to right, then named groups); alternation `|`;
//! - quantifiers `* + ? {n} {n,} {n,m}`, greedy or lazy (`*?` …);
//! - in the replacement, every form .NET defines: ``$$ $& $` $' $+ $_ $n ${n} ${name}``, and a `$`
//!   naming no group kept as text (`replace`).
//!
//! Refused: lookaround, backreferences, atomic groups, inline options, `\G`, octal and `\c`
//! escapes, class subtraction, a `{` that is not a quantifier, groups named by a number or twice,
//! .NET's internal property sets (`\p{_xmlW}` …), characters outside the Basic Multilingual
//! Plane in the pattern, and a repeated sub-pattern that can match nothing (`(a*)*`), where
//! engines differ in how they stop.
//!
//! Why the answers are .NET's for this subset: .NET's engine is a backtracking engine that tries
//! alternatives left to right, greedy quantifiers longest first and lazy ones shortest first, and
//! reports the first match found from the leftmost start; a group holds its last capture and
//! loses captures undone by backtracking. The machine (`vm`) does exactly that, with an explicit
//! stack. It works on UTF-16 code units, as .NET strings do, so `.` and counted repeats count what
//! .NET counts. Replace-all moves on as `Regex.Replace` does: after a match, at its end, and one
//! unit further after an empty match. Character classes follow .NET's definitions: `\s` is
//! `[\f\n\r\t\v\x85\p{Z}]`, `\d` is `\p{Nd}` and `\w` is `[\p{L}\p{Mn}\p{Nd}\p{Pc}]`; a
//! unit's category comes from Mono 6.8's own table (Unicode 6.3), generated into `unicode_tables`
//! by scripts/unicode_tables.py. The differential test (crates/expr/tests/oracle) checks all of
//! this against .NET itself.
//!
//! The engine goes by stage, each file one: `parse` (pattern → syntax tree, refusing what is
//! outside the subset), `compile` (tree → program, groups numbered), `vm` (the backtracking
//! machine), `replace` (the replacement's `$` forms, and replace-all); `class` holds the
//! character classes (`unicode_tables` their data) and `error` what each stage can answer
//! instead of a result.
//!
//! Every step of the machine is taken from the evaluation's budget (see `crate::budget`), which
//! all of the evaluation's patterns share, so a runaway pattern stops with
//! [`MatchError::OverBudget`] however many `Replace` calls run it. A step is one instruction, one
//! item of a character class looked at beyond the first, and, per place a match is tried from,
//! one per capture slot reset; compiling costs one step per instruction. A pattern too large to
//! compile is [`RegexProblem::TooComplex`].

mod class;
mod compile;
mod error;
mod parse;
mod replace;
#[rustfmt::skip]
mod unicode_tables;
mod vm;

pub use class::is_dotnet_space;
pub use compile::Regex;
pub(crate) use error::MatchError;
pub use error::RegexProblem;
pub use vm::Captures;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
