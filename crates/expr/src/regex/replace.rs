//! `Regex.Replace`: the replacement string's `$` forms parsed into [`Piece`]s, and every match
//! replaced, the result checked against the budget as it grows.

use crate::budget::{Budget, GrowingUnits};

use super::compile::Regex;
use super::error::{MatchError, RegexProblem};

/// One piece of a parsed replacement.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Piece {
    /// Literal text, as UTF-16 units.
    Text(Vec<u16>),
    /// What this group matched (empty if it took no part).
    Group(usize),
}

impl Regex {
    /// Parses a .NET replacement string: `$$`, `$n`, `${n}` and `${name}` for existing groups.
    pub fn replacement(&self, replacement: &str) -> Result<Vec<Piece>, RegexProblem> {
        let chars: Vec<char> = replacement.chars().collect();
        let mut pieces = Vec::new();
        let mut text = String::new();
        let mut i = 0;
        while let Some(&c) = chars.get(i) {
            if c != '$' {
                text.push(c);
                i += 1;
                continue;
            }
            let problem = RegexProblem::Replacement { at: i };
            let (group, next) = match chars.get(i + 1) {
                Some('$') => {
                    text.push('$');
                    i += 2;
                    continue;
                }
                Some('{') => {
                    let close = chars[i + 2..]
                        .iter()
                        .position(|&c| c == '}')
                        .ok_or(problem)?;
                    let name: String = chars[i + 2..i + 2 + close].iter().collect();
                    let group = if !name.is_empty() && name.chars().all(|c| c.is_ascii_digit()) {
                        name.parse::<usize>()
                            .ok()
                            .filter(|n| *n <= self.group_count)
                    } else {
                        self.group_number(&name)
                    };
                    (group.ok_or(problem)?, i + 3 + close)
                }
                Some(d) if d.is_ascii_digit() => {
                    // .NET reads every digit that follows, then needs a group of that number.
                    let len = chars[i + 1..]
                        .iter()
                        .take_while(|c| c.is_ascii_digit())
                        .count();
                    let digits: String = chars[i + 1..i + 1 + len].iter().collect();
                    let group = digits
                        .parse::<usize>()
                        .ok()
                        .filter(|n| *n <= self.group_count)
                        .ok_or(problem)?;
                    (group, i + 1 + len)
                }
                _ => return Err(problem),
            };
            if !text.is_empty() {
                pieces.push(Piece::Text(text.encode_utf16().collect()));
                text.clear();
            }
            pieces.push(Piece::Group(group));
            i = next;
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text.encode_utf16().collect()));
        }
        Ok(pieces)
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
                }
            }
            copied = to;
        }
        out.push(input.get(copied..).unwrap_or_default(), budget)?;
        Ok(out.units)
    }
}
