//! `Regex.Replace`: the replacement string's `$` forms parsed into [`Piece`]s, and every match
//! replaced, the result checked against the budget as it grows.

use crate::budget::{Budget, GrowingUnits};

use super::class::is_word_char;
use super::compile::Regex;
use super::error::{MatchError, RegexProblem};

/// One piece of a parsed replacement.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Piece {
    /// Literal text, as UTF-16 units.
    Text(Vec<u16>),
    /// What this group matched (empty if it took no part); group 0 is the match (`$&`).
    Group(usize),
    /// The input before the match: `` $` ``.
    Before,
    /// The input after the match: `$'`.
    After,
    /// The whole input: `$_`.
    Input,
}

/// The largest group number .NET reads; a longer number makes the replacement invalid.
const MAX_GROUP_NUMBER: u64 = 2_147_483_647;

impl Regex {
    /// Parses a .NET replacement string as `Regex.Replace` does (its `ScanDollar`): `$$`, `$&`,
    /// `` $` ``, `$'`, `$+` (the last group), `$_`, `$n` (every digit that follows is read) and
    /// `${n}`, `${name}`; a `$` form naming no group is kept as text. A group number past
    /// 2,147,483,647 makes .NET throw, and is [`RegexProblem::Replacement`].
    pub fn replacement(&self, replacement: &str) -> Result<Vec<Piece>, RegexProblem> {
        let chars: Vec<char> = replacement.chars().collect();
        let mut pieces = Vec::new();
        let mut text = String::new();
        let mut i = 0;
        while let Some(&c) = chars.get(i) {
            i += 1;
            if c != '$' {
                text.push(c);
                continue;
            }
            match self.dollar(&chars, i)? {
                Some((piece, next)) => {
                    if !text.is_empty() {
                        pieces.push(Piece::Text(text.encode_utf16().collect()));
                        text.clear();
                    }
                    pieces.push(piece);
                    i = next;
                }
                // A `$` that names nothing is itself; what follows it is read as usual.
                None => text.push('$'),
            }
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text.encode_utf16().collect()));
        }
        Ok(pieces)
    }

    /// The form after a `$` at `chars[at - 1]`, and where the text goes on after it; `None`
    /// when the `$` is literal (`$$` is a literal `$` too, so it is a `Text` piece here).
    fn dollar(&self, chars: &[char], at: usize) -> Result<Option<(Piece, usize)>, RegexProblem> {
        let Some(&first) = chars.get(at) else {
            return Ok(None);
        };
        let angled = first == '{' && chars.len() > at + 1;
        let start = if angled { at + 1 } else { at };
        let Some(&c) = chars.get(start) else {
            return Ok(None);
        };
        let closed = |end: usize| !angled || chars.get(end) == Some(&'}');
        let after = |end: usize| if angled { end + 1 } else { end };
        if c.is_ascii_digit() {
            let end = start
                + chars[start..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
            let mut number: u64 = 0;
            for d in &chars[start..end] {
                number = number * 10 + u64::from(d.to_digit(10).unwrap_or(0));
                if number > MAX_GROUP_NUMBER {
                    return Err(RegexProblem::Replacement { at: at - 1 });
                }
            }
            let group = usize::try_from(number)
                .ok()
                .filter(|n| *n <= self.group_count);
            return Ok(group
                .filter(|_| closed(end))
                .map(|n| (Piece::Group(n), after(end))));
        }
        if angled {
            if !is_word_char(c) {
                return Ok(None);
            }
            let end = start
                + chars[start..]
                    .iter()
                    .take_while(|&&c| is_word_char(c))
                    .count();
            let name: String = chars[start..end].iter().collect();
            return Ok(if closed(end) {
                self.group_number(&name)
                    .map(|n| (Piece::Group(n), after(end)))
            } else {
                None
            });
        }
        let piece = match c {
            '$' => Piece::Text(vec![u16::from(b'$')]),
            '&' => Piece::Group(0),
            '`' => Piece::Before,
            '\'' => Piece::After,
            // The last group is the highest-numbered; with none, the match.
            '+' => Piece::Group(self.group_count),
            '_' => Piece::Input,
            _ => return Ok(None),
        };
        Ok(Some((piece, at + 1)))
    }

    /// `Regex.Replace(input, pattern, replacement)`: every match replaced. The result is checked
    /// against the budget's value and total lengths as it grows.
    pub fn replace_all(
        &self,
        input: &[u16],
        pieces: &[Piece],
        budget: &mut Budget,
    ) -> Result<Vec<u16>, MatchError> {
        let mut out = GrowingUnits::with_capacity(input.len());
        let mut copied = 0;
        for captures in self.matches(input, budget)? {
            let Some(Some((from, to))) = captures.first().copied() else {
                continue;
            };
            out.push(input.get(copied..from).unwrap_or_default(), budget)?;
            for piece in pieces {
                match piece {
                    Piece::Text(units) => out.push(units, budget)?,
                    Piece::Group(group) => {
                        if let Some(Some((a, b))) = captures.get(*group) {
                            out.push(input.get(*a..*b).unwrap_or_default(), budget)?;
                        }
                    }
                    Piece::Before => out.push(input.get(..from).unwrap_or_default(), budget)?,
                    Piece::After => out.push(input.get(to..).unwrap_or_default(), budget)?,
                    Piece::Input => out.push(input, budget)?,
                }
            }
            copied = to;
        }
        out.push(input.get(copied..).unwrap_or_default(), budget)?;
        Ok(out.units)
    }
}
