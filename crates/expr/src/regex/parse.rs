//! The pattern's text → a syntax tree ([`Node`]), refusing everything outside the subset with
//! the character where it stands ([`RegexProblem::Unsupported`]).

use super::class::{Class, ClassItem, PerlClass};
use super::error::RegexProblem;

/// The largest `{n}` bound.
const MAX_REPEAT: u32 = 1_000;
/// How deeply groups may nest.
const MAX_GROUP_NESTING: usize = 32;

/// The syntax tree of a pattern.
#[derive(Clone, Debug)]
pub(super) enum Node {
    Empty,
    Unit(u16),
    Class(Class),
    AnyButNewline,
    Start,
    End,
    EndOfText,
    Group {
        /// Index into the groups in order of their `(`; numbered after parsing.
        order: Option<usize>,
        inner: Box<Node>,
    },
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        inner: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
}

impl Node {
    /// Whether the node can match without consuming anything.
    fn nullable(&self) -> bool {
        match self {
            Node::Empty | Node::Start | Node::End | Node::EndOfText => true,
            Node::Unit(_) | Node::Class(_) | Node::AnyButNewline => false,
            Node::Group { inner, .. } => inner.nullable(),
            Node::Concat(nodes) => nodes.iter().all(Node::nullable),
            Node::Alt(nodes) => nodes.iter().any(Node::nullable),
            Node::Repeat { inner, min, .. } => *min == 0 || inner.nullable(),
        }
    }

    /// The number of instructions the node compiles to, saturating.
    pub(super) fn size(&self) -> usize {
        match self {
            Node::Empty => 0,
            Node::Unit(_)
            | Node::Class(_)
            | Node::AnyButNewline
            | Node::Start
            | Node::End
            | Node::EndOfText => 1,
            Node::Group { order, inner } => inner.size().saturating_add(2 * order.iter().count()),
            Node::Concat(nodes) => nodes.iter().fold(0, |sum, n| sum.saturating_add(n.size())),
            Node::Alt(nodes) => nodes
                .iter()
                .fold(2 * nodes.len(), |sum, n| sum.saturating_add(n.size())),
            Node::Repeat {
                inner, min, max, ..
            } => {
                let one = inner.size().saturating_add(2);
                let min = usize::try_from(*min).unwrap_or(usize::MAX);
                let optional = match max {
                    None => 1,
                    Some(max) => usize::try_from(*max)
                        .unwrap_or(usize::MAX)
                        .saturating_sub(min),
                };
                one.saturating_mul(min.saturating_add(optional))
            }
        }
    }
}

/// A parsed pattern: its tree, and each group in order of its `(` with its name, if it has one.
pub(super) struct Parsed {
    pub(super) root: Node,
    pub(super) groups: Vec<Option<String>>,
}

/// Parses a .NET pattern, or says where it leaves the subset.
pub(super) fn parse(pattern: &str) -> Result<Parsed, RegexProblem> {
    let mut parser = PatternParser {
        chars: pattern.chars().collect(),
        pos: 0,
        groups: Vec::new(),
        nesting: 0,
    };
    let root = parser.alternation()?;
    if parser.pos < parser.chars.len() {
        // An unmatched `)`.
        return Err(RegexProblem::Unsupported { at: parser.pos });
    }
    Ok(Parsed {
        root,
        groups: parser.groups,
    })
}

struct PatternParser {
    chars: Vec<char>,
    pos: usize,
    /// Each group in order of its `(`: its name, if it has one.
    groups: Vec<Option<String>>,
    nesting: usize,
}

fn bmp_unit(c: char) -> Option<u16> {
    u16::try_from(u32::from(c)).ok()
}

fn is_quantifier_start(c: char) -> bool {
    matches!(c, '*' | '+' | '?' | '{')
}

impl PatternParser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.pos + offset).copied()
    }

    fn unsupported(&self, at: usize) -> RegexProblem {
        RegexProblem::Unsupported { at }
    }

    fn alternation(&mut self) -> Result<Node, RegexProblem> {
        let mut branches = vec![self.concatenation()?];
        while self.peek() == Some('|') {
            self.pos += 1;
            branches.push(self.concatenation()?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(branches)
        })
    }

    fn concatenation(&mut self) -> Result<Node, RegexProblem> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom_at = self.pos;
            let atom = self.atom()?;
            items.push(self.quantified(atom, atom_at)?);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    fn atom(&mut self) -> Result<Node, RegexProblem> {
        let at = self.pos;
        let Some(c) = self.peek() else {
            return Err(self.unsupported(at));
        };
        match c {
            '(' => self.group(),
            '[' => self.class(),
            '.' => {
                self.pos += 1;
                Ok(Node::AnyButNewline)
            }
            '^' => {
                self.pos += 1;
                Ok(Node::Start)
            }
            '$' => {
                self.pos += 1;
                Ok(Node::End)
            }
            '\\' => self.escape(),
            // A quantifier with nothing before it, or a `{` that .NET would read as a literal:
            // either way, not ours.
            c if is_quantifier_start(c) => Err(self.unsupported(at)),
            c => {
                let unit = bmp_unit(c).ok_or(self.unsupported(at))?;
                self.pos += 1;
                Ok(Node::Unit(unit))
            }
        }
    }

    fn escape(&mut self) -> Result<Node, RegexProblem> {
        let at = self.pos;
        let Some(c) = self.peek_at(1) else {
            return Err(self.unsupported(at));
        };
        let node = match c {
            's' => Node::Class(Class::perl(PerlClass::Space, false)),
            'S' => Node::Class(Class::perl(PerlClass::Space, true)),
            'd' => Node::Class(Class::perl(PerlClass::Digit, false)),
            'D' => Node::Class(Class::perl(PerlClass::Digit, true)),
            'w' => Node::Class(Class::perl(PerlClass::Word, false)),
            'W' => Node::Class(Class::perl(PerlClass::Word, true)),
            'A' => Node::Start,
            'z' => Node::EndOfText,
            c => Node::Unit(self.escaped_unit(c).ok_or(self.unsupported(at))?),
        };
        self.pos += 2;
        Ok(node)
    }

    /// The unit an escape `\c` stands for, when it stands for one character.
    fn escaped_unit(&self, c: char) -> Option<u16> {
        match c {
            't' => Some(0x09),
            'n' => Some(0x0A),
            'v' => Some(0x0B),
            'f' => Some(0x0C),
            'r' => Some(0x0D),
            // .NET reads `\` before any non-word character as that character.
            c if c.is_ascii() && (c.is_ascii_punctuation() || c == ' ') && c != '_' => bmp_unit(c),
            _ => None,
        }
    }

    fn group(&mut self) -> Result<Node, RegexProblem> {
        let open = self.pos;
        if self.nesting >= MAX_GROUP_NESTING {
            return Err(RegexProblem::TooComplex);
        }
        self.pos += 1;
        let order = if self.peek() == Some('?') {
            match self.peek_at(1) {
                Some(':') => {
                    self.pos += 2;
                    None
                }
                Some('<') if !matches!(self.peek_at(2), Some('=') | Some('!')) => {
                    self.pos += 2;
                    let start = self.pos;
                    while self
                        .peek()
                        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                    {
                        self.pos += 1;
                    }
                    let name: String = self.chars[start..self.pos].iter().collect();
                    let valid = name
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
                    let taken = self.groups.iter().flatten().any(|n| *n == name);
                    if !valid || taken || self.peek() != Some('>') {
                        return Err(self.unsupported(open));
                    }
                    self.pos += 1;
                    self.groups.push(Some(name));
                    Some(self.groups.len() - 1)
                }
                _ => return Err(self.unsupported(open)),
            }
        } else {
            self.groups.push(None);
            Some(self.groups.len() - 1)
        };
        self.nesting += 1;
        let inner = self.alternation()?;
        self.nesting -= 1;
        if self.peek() != Some(')') {
            return Err(self.unsupported(open));
        }
        self.pos += 1;
        Ok(Node::Group {
            order,
            inner: Box::new(inner),
        })
    }

    fn class(&mut self) -> Result<Node, RegexProblem> {
        let open = self.pos;
        self.pos += 1;
        let negated = self.peek() == Some('^');
        if negated {
            self.pos += 1;
        }
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let at = self.pos;
            match self.peek() {
                None => return Err(self.unsupported(open)),
                Some(']') if !first => {
                    self.pos += 1;
                    break;
                }
                // `[]…]` and `[…[…]`: .NET has its own readings (a literal `]`, subtraction).
                Some(']') | Some('[') => return Err(self.unsupported(at)),
                Some('-') if !first && self.peek_at(1) != Some(']') => {
                    return Err(self.unsupported(at))
                }
                Some(_) => {}
            }
            first = false;
            match self.class_atom()? {
                ClassAtom::Perl(class, negated) => {
                    if self.peek() == Some('-') && self.peek_at(1) != Some(']') {
                        return Err(self.unsupported(self.pos));
                    }
                    items.push(ClassItem::Perl(class, negated));
                }
                ClassAtom::Unit(lo) => {
                    if self.peek() == Some('-')
                        && self.peek_at(1).is_some()
                        && self.peek_at(1) != Some(']')
                    {
                        let dash = self.pos;
                        self.pos += 1;
                        if self.peek() == Some('[') {
                            return Err(self.unsupported(self.pos));
                        }
                        match self.class_atom()? {
                            ClassAtom::Unit(hi) if lo <= hi => items.push(ClassItem::Range(lo, hi)),
                            _ => return Err(self.unsupported(dash)),
                        }
                    } else {
                        items.push(ClassItem::Range(lo, lo));
                    }
                }
            }
        }
        Ok(Node::Class(Class { negated, items }))
    }

    fn class_atom(&mut self) -> Result<ClassAtom, RegexProblem> {
        let at = self.pos;
        let Some(c) = self.peek() else {
            return Err(self.unsupported(at));
        };
        if c != '\\' {
            self.pos += 1;
            return bmp_unit(c).map(ClassAtom::Unit).ok_or(self.unsupported(at));
        }
        let Some(escaped) = self.peek_at(1) else {
            return Err(self.unsupported(at));
        };
        let atom = match escaped {
            's' => ClassAtom::Perl(PerlClass::Space, false),
            'S' => ClassAtom::Perl(PerlClass::Space, true),
            'd' => ClassAtom::Perl(PerlClass::Digit, false),
            'D' => ClassAtom::Perl(PerlClass::Digit, true),
            'w' => ClassAtom::Perl(PerlClass::Word, false),
            'W' => ClassAtom::Perl(PerlClass::Word, true),
            c => ClassAtom::Unit(self.escaped_unit(c).ok_or(self.unsupported(at))?),
        };
        self.pos += 2;
        Ok(atom)
    }

    fn quantified(&mut self, atom: Node, atom_at: usize) -> Result<Node, RegexProblem> {
        let at = self.pos;
        let (min, max) = match self.peek() {
            Some('*') => {
                self.pos += 1;
                (0, None)
            }
            Some('+') => {
                self.pos += 1;
                (1, None)
            }
            Some('?') => {
                self.pos += 1;
                (0, Some(1))
            }
            Some('{') => self.braces()?,
            _ => return Ok(atom),
        };
        let greedy = if self.peek() == Some('?') {
            self.pos += 1;
            false
        } else {
            true
        };
        if self.peek().is_some_and(is_quantifier_start) {
            return Err(self.unsupported(self.pos));
        }
        if matches!(
            atom,
            Node::Start | Node::End | Node::EndOfText | Node::Empty
        ) {
            return Err(self.unsupported(atom_at));
        }
        if max.is_none_or(|max| max > 1) && atom.nullable() {
            return Err(self.unsupported(at));
        }
        Ok(Node::Repeat {
            inner: Box::new(atom),
            min,
            max,
            greedy,
        })
    }

    /// `{n}`, `{n,}` or `{n,m}`; anything else that starts with `{` is refused.
    fn braces(&mut self) -> Result<(u32, Option<u32>), RegexProblem> {
        let open = self.pos;
        self.pos += 1;
        let min = self.decimal().ok_or(self.unsupported(open))?;
        let max = match self.peek() {
            Some('}') => Some(min),
            Some(',') => {
                self.pos += 1;
                if self.peek() == Some('}') {
                    None
                } else {
                    Some(self.decimal().ok_or(self.unsupported(open))?)
                }
            }
            _ => return Err(self.unsupported(open)),
        };
        if self.peek() != Some('}') || max.is_some_and(|max| max < min) {
            return Err(self.unsupported(open));
        }
        self.pos += 1;
        Ok((min, max))
    }

    fn decimal(&mut self) -> Option<u32> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        let digits: String = self.chars[start..self.pos].iter().collect();
        digits.parse::<u32>().ok().filter(|n| *n <= MAX_REPEAT)
    }
}

enum ClassAtom {
    Unit(u16),
    Perl(PerlClass, bool),
}
