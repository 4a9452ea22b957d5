//! The backtracking machine that runs a compiled [`Regex`]: .NET's order of trying alternatives,
//! its captures, and its way of moving on after a match, one budget step per instruction and per
//! class item looked at beyond the first.

use crate::budget::Budget;

use super::class::{is_boundary_word_unit, Class};
use super::compile::{Inst, Regex};
use super::error::MatchError;

/// Where each group matched in one match, by group number (0 is the whole match), in UTF-16
/// units; `None` for a group that took no part.
pub type Captures = Vec<Option<(usize, usize)>>;

enum Frame {
    Retry { pc: usize, pos: usize },
    Restore { slot: usize, old: Option<usize> },
}

impl Regex {
    /// Every match `Regex.Replace` would replace, in order.
    pub fn matches(&self, input: &[u16], budget: &mut Budget) -> Result<Vec<Captures>, MatchError> {
        let mut found = Vec::new();
        // One set of capture slots and one backtracking stack for every place a match is tried.
        let mut slots: Vec<Option<usize>> = vec![None; 2 * (self.group_count + 1)];
        let mut stack: Vec<Frame> = Vec::new();
        let mut start = 0;
        while start <= input.len() {
            let mut hit = None;
            for at in start..=input.len() {
                if let Some(captures) = self.match_at(input, at, budget, &mut slots, &mut stack)? {
                    hit = Some(captures);
                    break;
                }
            }
            let Some(captures) = hit else { break };
            let Some(Some((from, to))) = captures.first().copied() else {
                break;
            };
            found.push(captures);
            start = if to == from { to + 1 } else { to };
        }
        Ok(found)
    }

    /// Runs the machine anchored at `start`.
    fn match_at(
        &self,
        input: &[u16],
        start: usize,
        budget: &mut Budget,
        slots: &mut [Option<usize>],
        stack: &mut Vec<Frame>,
    ) -> Result<Option<Captures>, MatchError> {
        budget.regex_steps(slots.len())?;
        slots.fill(None);
        stack.clear();
        let mut pc = 0;
        let mut pos = start;
        loop {
            budget.regex_steps(1)?;
            let unit = input.get(pos).copied();
            let advance = match self.program.get(pc).copied() {
                Some(Inst::Unit(u)) => unit == Some(u),
                Some(Inst::AnyButNewline) => unit.is_some_and(|u| u != 0x0A),
                Some(Inst::Class(index)) => match (unit, self.classes.get(index)) {
                    (Some(u), Some(class)) => class.test(u, budget)?,
                    _ => false,
                },
                Some(Inst::Split(first, second)) => {
                    stack.push(Frame::Retry { pc: second, pos });
                    pc = first;
                    continue;
                }
                Some(Inst::Jump(target)) => {
                    pc = target;
                    continue;
                }
                Some(Inst::Save(slot)) => {
                    if let Some(cell) = slots.get_mut(slot) {
                        stack.push(Frame::Restore { slot, old: *cell });
                        *cell = Some(pos);
                    }
                    pc += 1;
                    continue;
                }
                Some(Inst::Start) => {
                    if pos == 0 {
                        pc += 1;
                        continue;
                    }
                    false
                }
                Some(Inst::End) => {
                    let at_end = pos == input.len()
                        || (pos + 1 == input.len() && input.get(pos) == Some(&0x0A));
                    if at_end {
                        pc += 1;
                        continue;
                    }
                    false
                }
                Some(Inst::Boundary(wanted)) => {
                    if is_boundary(input, pos) == wanted {
                        pc += 1;
                        continue;
                    }
                    false
                }
                Some(Inst::EndOfText) => {
                    if pos == input.len() {
                        pc += 1;
                        continue;
                    }
                    false
                }
                Some(Inst::Match) => {
                    budget.regex_steps(slots.len())?;
                    let captures = slots
                        .chunks(2)
                        .map(|pair| match pair {
                            [Some(from), Some(to)] => Some((*from, *to)),
                            _ => None,
                        })
                        .collect();
                    return Ok(Some(captures));
                }
                None => false,
            };
            if advance {
                pc += 1;
                pos += 1;
                continue;
            }
            // Backtrack to the latest alternative, undoing captures on the way.
            loop {
                match stack.pop() {
                    None => return Ok(None),
                    Some(Frame::Restore { slot, old }) => {
                        if let Some(cell) = slots.get_mut(slot) {
                            *cell = old;
                        }
                    }
                    Some(Frame::Retry { pc: retry, pos: at }) => {
                        pc = retry;
                        pos = at;
                        break;
                    }
                }
            }
        }
    }
}

impl Class {
    /// Whether the class holds `u`. A class may have thousands of items; each one looked at
    /// beyond the first is a step, so a long class cannot multiply the work of a step.
    fn test(&self, u: u16, budget: &mut Budget) -> Result<bool, MatchError> {
        for (looked_at, item) in self.items.iter().enumerate() {
            if looked_at > 0 {
                budget.regex_steps(1)?;
            }
            if item.holds(u) {
                return Ok(!self.negated);
            }
        }
        Ok(self.negated)
    }
}

/// Whether `pos` is a word boundary, as .NET's `\b` has it: a word character on exactly one
/// side (`class::is_boundary_word_unit`).
fn is_boundary(input: &[u16], pos: usize) -> bool {
    let before = pos
        .checked_sub(1)
        .and_then(|p| input.get(p))
        .is_some_and(|&u| is_boundary_word_unit(u));
    let after = input.get(pos).is_some_and(|&u| is_boundary_word_unit(u));
    before != after
}
