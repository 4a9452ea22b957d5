//! The pattern's text → a syntax tree ([`Node`]), refusing everything outside the subset with
//! the character where it stands ([`RegexProblem::Unsupported`]).

use super::class::{is_word_char, Class, ClassItem};
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
    /// `\b` (true) or `\B` (false).
    Boundary(bool),
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
            Node::Empty | Node::Start | Node::End | Node::EndOfText | Node::Boundary(_) => true,
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
            | Node::EndOfText
            | Node::Boundary(_) => 1,
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
        let node = match self.peek_at(1) {
            Some('A') => Node::Start,
            Some('z') => Node::EndOfText,
            // Without RegexOptions.Multiline, `\Z` is `$`.
            Some('Z') => Node::End,
            Some('b') => Node::Boundary(true),
            Some('B') => Node::Boundary(false),
            _ => {
                return Ok(match self.backslash(false)? {
                    Escaped::Unit(unit) => Node::Unit(unit),
                    Escaped::Item(item) => Node::Class(Class::single(item)),
                });
            }
        };
        self.pos += 2;
        Ok(node)
    }

    /// A backslash that stands for one unit or a class item (inside a class, `\b` is a
    /// backspace), read up to its end.
    fn backslash(&mut self, in_class: bool) -> Result<Escaped, RegexProblem> {
        let at = self.pos;
        let Some(c) = self.peek_at(1) else {
            return Err(self.unsupported(at));
        };
        self.pos += 2;
        let escaped = match c {
            'd' | 'w' | 's' | 'D' | 'W' | 'S' => {
                ClassItem::perl(c.to_ascii_lowercase(), c.is_ascii_uppercase()).map(Escaped::Item)
            }
            'p' | 'P' => self.property(c == 'P').map(Escaped::Item),
            'x' => self.hex(2).map(Escaped::Unit),
            'u' => self.hex(4).map(Escaped::Unit),
            'b' if in_class => Some(Escaped::Unit(0x08)),
            'a' => Some(Escaped::Unit(0x07)),
            'e' => Some(Escaped::Unit(0x1B)),
            't' => Some(Escaped::Unit(0x09)),
            'n' => Some(Escaped::Unit(0x0A)),
            'v' => Some(Escaped::Unit(0x0B)),
            'f' => Some(Escaped::Unit(0x0C)),
            'r' => Some(Escaped::Unit(0x0D)),
            // .NET reads `\` before any non-word character as that character.
            c if c.is_ascii() && (c.is_ascii_punctuation() || c == ' ') && c != '_' => {
                bmp_unit(c).map(Escaped::Unit)
            }
            _ => None,
        };
        escaped.ok_or(self.unsupported(at))
    }

    /// Exactly `digits` hex digits, as .NET's `\x` and `\u` take them.
    fn hex(&mut self, digits: usize) -> Option<u16> {
        let text: String = self
            .chars
            .get(self.pos..self.pos + digits)?
            .iter()
            .collect();
        if !text.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        self.pos += digits;
        u16::from_str_radix(&text, 16).ok()
    }

    /// `{name}` after `\p` or `\P`: a category or a block .NET knows.
    fn property(&mut self, negated: bool) -> Option<ClassItem> {
        if self.peek() != Some('{') {
            return None;
        }
        let start = self.pos + 1;
        let mut end = start;
        while self
            .chars
            .get(end)
            .is_some_and(|&c| is_word_char(c) || c == '-')
        {
            end += 1;
        }
        if self.chars.get(end) != Some(&'}') {
            return None;
        }
        let name: String = self.chars[start..end].iter().collect();
        self.pos = end + 1;
        ClassItem::property(&name, negated)
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
                Some(quote @ ('<' | '\'')) if !matches!(self.peek_at(2), Some('=') | Some('!')) => {
                    let close = if quote == '<' { '>' } else { '\'' };
                    self.pos += 2;
                    let start = self.pos;
                    // A name is word characters, as .NET scans it; one starting with a digit
                    // numbers the group, which is refused.
                    while self.peek().is_some_and(is_word_char) {
                        self.pos += 1;
                    }
                    let name: String = self.chars[start..self.pos].iter().collect();
                    let valid = name.chars().next().is_some_and(|c| !c.is_ascii_digit());
                    let taken = self.groups.iter().flatten().any(|n| *n == name);
                    if !valid || taken || self.peek() != Some(close) {
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
                ClassAtom::Item(item) => {
                    if self.peek() == Some('-') && self.peek_at(1) != Some(']') {
                        return Err(self.unsupported(self.pos));
                    }
                    items.push(item);
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
        Ok(match self.backslash(true)? {
            Escaped::Unit(unit) => ClassAtom::Unit(unit),
            Escaped::Item(item) => ClassAtom::Item(item),
        })
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
            Node::Start | Node::End | Node::EndOfText | Node::Boundary(_) | Node::Empty
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
    Item(ClassItem),
}

/// What a backslash escape stands for: one unit, or a class item.
enum Escaped {
    Unit(u16),
    Item(ClassItem),
}
