//! The syntax tree → a program for the backtracking machine ([`Regex`]), with the groups numbered
//! the .NET way.

use super::class::Class;
use super::error::RegexProblem;
use super::parse::{parse, Node};

/// The largest compiled pattern.
const MAX_PROGRAM: usize = 20_000;

/// One instruction of the machine (`super::vm`).
#[derive(Clone, Copy, Debug)]
pub(super) enum Inst {
    Unit(u16),
    Class(usize),
    AnyButNewline,
    /// Try the first target; on failure, the second.
    Split(usize, usize),
    Jump(usize),
    Save(usize),
    Start,
    End,
    EndOfText,
    /// `\b` (true) or `\B` (false).
    Boundary(bool),
    Match,
}

/// A compiled pattern.
#[derive(Clone, Debug)]
pub struct Regex {
    pub(super) program: Vec<Inst>,
    pub(super) classes: Vec<Class>,
    /// Named groups and their numbers.
    names: Vec<(String, usize)>,
    /// The number of groups, not counting group 0 (the whole match).
    pub(super) group_count: usize,
}

struct Compiler<'a> {
    program: Vec<Inst>,
    classes: Vec<Class>,
    /// Group number for each group in order of its `(`.
    numbers: &'a [usize],
}

impl Compiler<'_> {
    fn emit(&mut self, inst: Inst) -> usize {
        self.program.push(inst);
        self.program.len() - 1
    }

    fn patch_split(&mut self, at: usize, first: usize, second: usize) {
        if let Some(slot) = self.program.get_mut(at) {
            *slot = Inst::Split(first, second);
        }
    }

    fn node(&mut self, node: &Node) {
        match node {
            Node::Empty => {}
            Node::Unit(u) => {
                self.emit(Inst::Unit(*u));
            }
            Node::Class(class) => {
                self.classes.push(class.clone());
                self.emit(Inst::Class(self.classes.len() - 1));
            }
            Node::AnyButNewline => {
                self.emit(Inst::AnyButNewline);
            }
            Node::Start => {
                self.emit(Inst::Start);
            }
            Node::End => {
                self.emit(Inst::End);
            }
            Node::EndOfText => {
                self.emit(Inst::EndOfText);
            }
            Node::Boundary(wanted) => {
                self.emit(Inst::Boundary(*wanted));
            }
            Node::Group { order, inner } => match order.and_then(|o| self.numbers.get(o)) {
                Some(&number) => {
                    self.emit(Inst::Save(2 * number));
                    self.node(inner);
                    self.emit(Inst::Save(2 * number + 1));
                }
                None => self.node(inner),
            },
            Node::Concat(nodes) => nodes.iter().for_each(|n| self.node(n)),
            Node::Alt(branches) => {
                let mut jumps = Vec::new();
                let last = branches.len().saturating_sub(1);
                for (i, branch) in branches.iter().enumerate() {
                    if i < last {
                        let split = self.emit(Inst::Split(0, 0));
                        self.node(branch);
                        jumps.push(self.emit(Inst::Jump(0)));
                        let next = self.program.len();
                        self.patch_split(split, split + 1, next);
                    } else {
                        self.node(branch);
                    }
                }
                let end = self.program.len();
                for jump in jumps {
                    if let Some(slot) = self.program.get_mut(jump) {
                        *slot = Inst::Jump(end);
                    }
                }
            }
            Node::Repeat {
                inner,
                min,
                max,
                greedy,
            } => {
                for _ in 0..*min {
                    self.node(inner);
                }
                match max {
                    None => {
                        let split = self.emit(Inst::Split(0, 0));
                        self.node(inner);
                        self.emit(Inst::Jump(split));
                        let exit = self.program.len();
                        if *greedy {
                            self.patch_split(split, split + 1, exit);
                        } else {
                            self.patch_split(split, exit, split + 1);
                        }
                    }
                    Some(max) => {
                        let mut splits = Vec::new();
                        for _ in *min..*max {
                            splits.push(self.emit(Inst::Split(0, 0)));
                            self.node(inner);
                        }
                        let exit = self.program.len();
                        for split in splits {
                            if *greedy {
                                self.patch_split(split, split + 1, exit);
                            } else {
                                self.patch_split(split, exit, split + 1);
                            }
                        }
                    }
                }
            }
        }
    }
}

impl Regex {
    /// Compiles a .NET pattern, or says why it is outside the subset.
    pub fn new(pattern: &str) -> Result<Regex, RegexProblem> {
        let parser = parse(pattern)?;
        let root = parser.root;
        if root.size() > MAX_PROGRAM {
            return Err(RegexProblem::TooComplex);
        }
        // .NET numbers unnamed groups first, then named ones, each left to right.
        let mut numbers = vec![0; parser.groups.len()];
        let mut next = 1;
        for named in [false, true] {
            for (order, name) in parser.groups.iter().enumerate() {
                if name.is_some() == named {
                    if let Some(slot) = numbers.get_mut(order) {
                        *slot = next;
                    }
                    next += 1;
                }
            }
        }
        let names = parser
            .groups
            .iter()
            .zip(&numbers)
            .filter_map(|(name, &number)| name.clone().map(|n| (n, number)))
            .collect();
        let mut compiler = Compiler {
            program: Vec::new(),
            classes: Vec::new(),
            numbers: &numbers,
        };
        compiler.emit(Inst::Save(0));
        compiler.node(&root);
        compiler.emit(Inst::Save(1));
        compiler.emit(Inst::Match);
        Ok(Regex {
            program: compiler.program,
            classes: compiler.classes,
            names,
            group_count: parser.groups.len(),
        })
    }

    /// The number of the group with this name.
    pub fn group_number(&self, name: &str) -> Option<usize> {
        self.names
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, number)| *number)
    }

    /// The number of instructions: what compiling the pattern cost.
    pub fn size(&self) -> usize {
        self.program.len()
    }
}
