//! The part of .NET regular expressions that this page can evaluate exactly.
//!
//! Entra's `Replace` runs .NET regular expressions. A look-alike engine that answers differently
//! would show the admin a wrong preview, so this module implements a small subset *with .NET's
//! semantics* and refuses everything else with [`RegexProblem`] instead of guessing:
//!
//! - literal characters; `\` before an ASCII punctuation character or space (a literal, as .NET
//!   reads it); `\t \n \r \f \v`;
//! - `.` (any UTF-16 unit but `\n`), `^` and `\A` (start), `$` (end, or before a final `\n`, as
//!   .NET has it without `RegexOptions.Multiline`), `\z` (end);
//! - `\s \S`, `\d \D`, `\w \W`, and classes `[…]` / `[^…]` of single characters, ranges `a-z`
//!   and those escapes;
//! - groups `(…)`, `(?:…)`, `(?<name>…)`, numbered the .NET way (unnamed groups first, left to
//!   right, then named groups); alternation `|`;
//! - quantifiers `* + ? {n} {n,} {n,m}`, greedy or lazy (`*?` …).
//!
//! Refused: lookaround, backreferences, atomic groups, inline options, `\b`, `\p{…}`, `\x…`,
//! `\u…`, class subtraction, a `{` that is not a quantifier, characters outside the Basic
//! Multilingual Plane in the pattern, and a repeated sub-pattern that can match nothing (`(a*)*`),
//! where engines differ in how they stop.
//!
//! Why the answers are .NET's for this subset: .NET's engine is a backtracking engine that tries
//! alternatives left to right, greedy quantifiers longest first and lazy ones shortest first, and
//! reports the first match found from the leftmost start; a group holds its last capture and
//! loses captures undone by backtracking. The machine below does exactly that, with an explicit
//! stack. It works on UTF-16 code units, as .NET strings do, so `.` and counted repeats count what
//! .NET counts. Replace-all moves on as `Regex.Replace` does: after a match, at its end, and one
//! unit further after an empty match. Character classes follow .NET's definitions: `\s` is
//! `[\f\n\r\t\v\x85\p{Z}]`, written out below; `\d` is Unicode `Nd` and `\w` is
//! `[\p{L}\p{Mn}\p{Nd}\p{Pc}]`, which need tables this page does not carry, so they are decided
//! exactly for ASCII and Latin letters and anything else stops the evaluation with
//! [`RegexProblem::UncertainCharacter`].
//!
//! Every step of the machine is taken from the evaluation's budget (see `super::budget`), which
//! all of the evaluation's patterns share, so a runaway pattern stops with
//! [`MatchError::OverBudget`] however many `Replace` calls run it. A step is one instruction, one
//! item of a character class looked at beyond the first, and, per place a match is tried from,
//! one per capture slot reset; compiling costs one step per instruction. A pattern too large to
//! compile is [`RegexProblem::TooComplex`].

use super::budget::{Budget, Exceeded, GrowingUnits};

/// The largest compiled pattern.
const MAX_PROGRAM: usize = 20_000;
/// The largest `{n}` bound.
const MAX_REPEAT: u32 = 1_000;
/// How deeply groups may nest.
const MAX_GROUP_NESTING: usize = 32;

/// Why a pattern or replacement cannot be evaluated here.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RegexProblem {
    /// The pattern uses something outside the supported subset, or is not a valid .NET pattern,
    /// at this character of the pattern (counted from 0).
    Unsupported {
        /// Where, in characters of the pattern.
        at: usize,
    },
    /// The replacement uses a `$` form outside `$$`, `$n`, `${n}` and `${name}` with an existing
    /// group, at this character of the replacement.
    Replacement {
        /// Where, in characters of the replacement.
        at: usize,
    },
    /// The pattern is larger, or nests deeper, than this page compiles.
    TooComplex,
    /// Whether this character belongs to `\d` or `\w` depends on Unicode tables this page does
    /// not carry.
    UncertainCharacter {
        /// The class asked about.
        class: PerlClass,
        /// The character.
        ch: char,
    },
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

/// The backslash classes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PerlClass {
    /// `\s`
    Space,
    /// `\d`
    Digit,
    /// `\w`
    Word,
}

/// Whether `c` is white space to .NET's `\s`: `[\f\n\r\t\v\x85\p{Z}]`.
///
/// The builder trims sample levels with this too, so its preview and the generated pattern agree.
pub fn is_dotnet_space(c: char) -> bool {
    u16::try_from(u32::from(c)).is_ok_and(is_space_unit)
}

fn is_space_unit(u: u16) -> bool {
    matches!(
        u,
        0x09..=0x0D
            | 0x20
            | 0x85
            | 0xA0
            | 0x1680
            | 0x2000..=0x200A
            | 0x2028
            | 0x2029
            | 0x202F
            | 0x205F
            | 0x3000
    )
}

/// Yes, no, or "cannot tell without tables this page does not carry".
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tri {
    Yes,
    No,
    Unknown,
}

impl Tri {
    fn from_bool(b: bool) -> Tri {
        if b {
            Tri::Yes
        } else {
            Tri::No
        }
    }

    fn not(self) -> Tri {
        match self {
            Tri::Yes => Tri::No,
            Tri::No => Tri::Yes,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

fn is_surrogate(u: u16) -> bool {
    (0xD800..=0xDFFF).contains(&u)
}

fn perl_class(class: PerlClass, u: u16) -> Tri {
    match class {
        PerlClass::Space => Tri::from_bool(is_space_unit(u)),
        PerlClass::Digit => {
            if u < 0x80 || is_surrogate(u) {
                // A lone surrogate unit is category Cs to .NET: never a digit.
                Tri::from_bool(u8::try_from(u).is_ok_and(|b| b.is_ascii_digit()))
            } else if char::from_u32(u32::from(u)).is_some_and(char::is_numeric) {
                // Numeric, but Nd or only Nl/No? Rust does not say.
                Tri::Unknown
            } else {
                Tri::No
            }
        }
        PerlClass::Word => match u {
            0..=0x7F => Tri::from_bool(
                u8::try_from(u).is_ok_and(|b| b.is_ascii_alphanumeric() || b == b'_'),
            ),
            // ª µ º are letters; the rest of U+0080–U+00BF is controls, punctuation, symbols.
            0xAA | 0xB5 | 0xBA => Tri::Yes,
            0x80..=0xBF => Tri::No,
            0xD7 | 0xF7 => Tri::No,
            // Latin-1 letters, Latin Extended-A and -B: all letters.
            0xC0..=0x24F => Tri::Yes,
            // Combining Diacritical Marks: all Mn.
            0x300..=0x36F => Tri::Yes,
            u if is_surrogate(u) => Tri::No,
            _ => Tri::Unknown,
        },
    }
}

#[derive(Clone, Debug)]
enum ClassItem {
    Range(u16, u16),
    Perl(PerlClass, bool),
}

#[derive(Clone, Debug)]
struct Class {
    negated: bool,
    items: Vec<ClassItem>,
}

impl Class {
    fn perl(class: PerlClass, negated: bool) -> Class {
        Class {
            negated: false,
            items: vec![ClassItem::Perl(class, negated)],
        }
    }

    /// Whether the class holds `u`. A class may have thousands of items; each one looked at
    /// beyond the first is a step, so a long class cannot multiply the work of a step.
    fn test(&self, u: u16, budget: &mut Budget) -> Result<bool, MatchError> {
        let mut unknown = None;
        let mut hit = false;
        for (looked_at, item) in self.items.iter().enumerate() {
            if looked_at > 0 {
                budget.regex_steps(1)?;
            }
            let answer = match *item {
                ClassItem::Range(lo, hi) => Tri::from_bool((lo..=hi).contains(&u)),
                ClassItem::Perl(class, negated) => {
                    let answer = perl_class(class, u);
                    if answer == Tri::Unknown {
                        unknown = Some(class);
                    }
                    if negated {
                        answer.not()
                    } else {
                        answer
                    }
                }
            };
            if answer == Tri::Yes {
                hit = true;
                break;
            }
        }
        match (hit, unknown) {
            (false, Some(class)) => Err(MatchError::Problem(RegexProblem::UncertainCharacter {
                class,
                ch: char::from_u32(u32::from(u)).unwrap_or(char::REPLACEMENT_CHARACTER),
            })),
            _ => Ok(hit != self.negated),
        }
    }
}

#[derive(Clone, Debug)]
enum Node {
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
    fn size(&self) -> usize {
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

#[derive(Clone, Copy, Debug)]
enum Inst {
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
    Match,
}

/// A compiled pattern.
#[derive(Clone, Debug)]
pub struct Regex {
    program: Vec<Inst>,
    classes: Vec<Class>,
    /// Named groups and their numbers.
    names: Vec<(String, usize)>,
    /// The number of groups, not counting group 0 (the whole match).
    group_count: usize,
}

/// Where each group matched in one match, by group number (0 is the whole match), in UTF-16
/// units; `None` for a group that took no part.
pub type Captures = Vec<Option<(usize, usize)>>;

/// One piece of a parsed replacement.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Piece {
    /// Literal text, as UTF-16 units.
    Text(Vec<u16>),
    /// What this group matched (empty if it took no part).
    Group(usize),
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

enum Frame {
    Retry { pc: usize, pos: usize },
    Restore { slot: usize, old: Option<usize> },
}

impl Regex {
    /// Compiles a .NET pattern, or says why it is outside the subset.
    pub fn new(pattern: &str) -> Result<Regex, RegexProblem> {
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::budget::{Limit, Limits};
    use proptest::prelude::*;

    fn budget() -> Budget {
        Budget::new(&Limits::DEFAULT)
    }

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    /// `Regex.Replace(input, pattern, replacement)` as .NET computes it, for the subset.
    fn replace(pattern: &str, input: &str, replacement: &str) -> Result<String, MatchError> {
        let regex = Regex::new(pattern)?;
        let pieces = regex.replacement(replacement)?;
        let out = regex.replace_all(&units(input), &pieces, &mut budget())?;
        Ok(String::from_utf16(&out).expect("test inputs keep pairs whole"))
    }

    fn ok(pattern: &str, input: &str, replacement: &str) -> String {
        replace(pattern, input, replacement)
            .unwrap_or_else(|e| panic!("{pattern:?} on {input:?}: {e:?}"))
    }

    #[test]
    fn replaces_every_match_as_regex_replace_does() {
        assert_eq!(ok("[()\\s-]+", "+1 (999) 888-7777", ""), "+19998887777");
        assert_eq!(
            ok(
                "\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})",
                "+91 9998887777",
                "${phoneNumber}"
            ),
            "9998887777"
        );
        assert_eq!(ok("[a-zA-Z_]*", "john_doe72", ""), "72");
        assert_eq!(ok("a", "banana", "o"), "bonono");
        assert_eq!(ok("x", "banana", "o"), "banana");
    }

    #[test]
    fn empty_matches_move_on_one_unit_as_dotnet_does() {
        // Regex.Replace("baaa", "a*", "-") is "-b--" in .NET: an empty match may follow a
        // non-empty one at the same place.
        assert_eq!(ok("a*", "baaa", "-"), "-b--");
        assert_eq!(ok("x*", "abc", "-"), "-a-b-c-");
        assert_eq!(ok("", "", "-"), "-");
    }

    #[test]
    fn greedy_and_lazy_quantifiers_choose_as_backtracking_does() {
        assert_eq!(ok("<(.+)>", "<a><b>", "$1"), "a><b");
        assert_eq!(ok("<(.+?)>", "<a><b>", "$1"), "ab");
        assert_eq!(ok("a{2,3}", "aaaaaaa", "x"), "xxa");
        assert_eq!(ok("a{2,3}?", "aaaaaaa", "x"), "xxxa");
        assert_eq!(ok("a{2,}", "a aa aaaa", "x"), "a x x");
        assert_eq!(ok("(a|ab)(c|bcd)(d*)", "abcd", "[$1|$2|$3]"), "[a|bcd|]");
    }

    #[test]
    fn groups_are_numbered_unnamed_first_then_named() {
        let regex = Regex::new("(?<Suffix>@(.)*)").unwrap();
        assert_eq!(regex.group_number("Suffix"), Some(2));
        assert_eq!(
            ok("(?<Suffix>@(.)*)", "jsmith@contoso.com", "[$1|$2]"),
            "jsmith[m|@contoso.com]"
        );
        assert_eq!(ok("(?<a>x)(y)", "xy", "$1$2"), "yx");
        assert_eq!(ok("(?<a>x)(y)", "xy", "${a}${1}$$"), "xy$");
    }

    #[test]
    fn a_group_that_took_no_part_gives_nothing() {
        assert_eq!(ok("(a)|b", "b", "[$1]"), "[]");
        // Captures undone by backtracking are forgotten.
        assert_eq!(ok("(?:(a)x|ay)", "ay", "[$1]"), "[]");
        // A group keeps its last capture, even from an earlier iteration.
        assert_eq!(ok("(?:(a)|b)+", "ab", "[$1]"), "[a]");
    }

    #[test]
    fn dollar_also_matches_before_a_final_newline() {
        assert_eq!(ok("b$", "ab\n", "X"), "aX\n");
        assert_eq!(ok("b$", "ab\nc", "X"), "ab\nc");
        assert_eq!(ok("b\\z", "ab\n", "X"), "ab\n");
        assert_eq!(ok("^a", "aa", "X"), "Xa");
        assert_eq!(ok(".", "a\nb", "X"), "X\nX");
    }

    #[test]
    fn dotnet_white_space_is_the_documented_set() {
        let spaces = "\t\n\u{b}\u{c}\r \u{85}\u{a0}\u{1680}\u{2000}\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}";
        assert_eq!(ok("\\s", spaces, ""), "");
        assert_eq!(ok("\\S", spaces, ""), spaces);
        assert_eq!(
            ok("\\s", "\u{200b}\u{180e}\u{feff}", ""),
            "\u{200b}\u{180e}\u{feff}"
        );
        for c in spaces.chars() {
            assert!(is_dotnet_space(c), "{c:?}");
            assert!(c.is_whitespace(), "Rust agrees on {c:?}");
        }
    }

    #[test]
    fn word_and_digit_classes_are_exact_or_refuse() {
        assert_eq!(ok("\\w+", "Sør-Trøndelag_2 ÆØÅ", "w"), "w-w w");
        assert_eq!(ok("\\d+", "Tlf 22 33", "#"), "Tlf # #");
        assert_eq!(
            replace("\\d", "٣", ""),
            Err(MatchError::Problem(RegexProblem::UncertainCharacter {
                class: PerlClass::Digit,
                ch: '٣'
            }))
        );
        assert_eq!(
            replace("\\w", "Ж", ""),
            Err(MatchError::Problem(RegexProblem::UncertainCharacter {
                class: PerlClass::Word,
                ch: 'Ж'
            }))
        );
        // A class that already matched does not need to know.
        assert_eq!(ok("[Ж\\w]", "Ж", "x"), "x");
    }

    #[test]
    fn units_are_utf16_as_in_dotnet() {
        // "😀" is two UTF-16 units: `.{2}` takes it whole, `.` alone would split it.
        assert_eq!(ok("^.{2}", "😀a", "x"), "xa");
        let regex = Regex::new("^.").unwrap();
        let out = regex
            .replace_all(&units("😀"), &regex.replacement("").unwrap(), &mut budget())
            .unwrap();
        assert!(String::from_utf16(&out).is_err());
    }

    #[test]
    fn escaped_punctuation_is_literal() {
        assert_eq!(ok("\\|", "a|b", "/"), "a/b");
        assert_eq!(ok("[^\\\\]+", "a\\b", "x"), "x\\x");
        assert_eq!(ok("[\\-]", "a-b", "+"), "a+b");
        assert_eq!(ok("\\>\\/", ">/", "ok"), "ok");
        assert_eq!(ok("[-a]", "-ab", "x"), "xxb");
        assert_eq!(ok("[a-]", "-ab", "x"), "xxb");
    }

    #[test]
    fn constructs_outside_the_subset_are_refused_where_they_are() {
        let cases = [
            ("(?=a)", 0),
            ("(?<=a)b", 0),
            ("(?!a)", 0),
            ("(?i)a", 0),
            ("(?>a)", 0),
            ("a\\b", 1),
            ("\\p{L}", 0),
            ("\\x41", 0),
            ("\\u0041", 0),
            ("(a)\\1", 3),
            ("\\k<x>", 0),
            ("[a-z-[aeiou]]", 4),
            ("[]a]", 1),
            ("[\\s-z]", 3),
            ("[z-a]", 2),
            ("a{,3}", 1),
            ("a{2", 1),
            ("x{1001}", 1),
            ("*a", 0),
            ("a**", 2),
            ("a{2}{3}", 4),
            ("(a*)*", 4),
            ("(a|)+", 4),
            ("^*", 0),
            ("(a", 0),
            ("a)", 1),
            ("[abc", 0),
            ("a\\", 1),
            ("\\é", 0),
            ("😀", 0),
            ("(?<1>a)", 0),
            ("(?<a>x)(?<a>y)", 7),
            ("(?'a'x)", 0),
        ];
        for (pattern, at) in cases {
            assert_eq!(
                Regex::new(pattern).err(),
                Some(RegexProblem::Unsupported { at }),
                "{pattern:?}"
            );
        }
    }

    #[test]
    fn replacements_outside_the_subset_are_refused() {
        let regex = Regex::new("(?<a>x)").unwrap();
        for (replacement, at) in [
            ("$&", 0),
            ("a$'", 1),
            ("$`", 0),
            ("$+", 0),
            ("$_", 0),
            ("${b}", 0),
            ("$2", 0),
            ("x${a", 1),
            ("$", 0),
        ] {
            assert_eq!(
                regex.replacement(replacement),
                Err(RegexProblem::Replacement { at }),
                "{replacement:?}"
            );
        }
    }

    #[test]
    fn runaway_patterns_stop() {
        let input = "a".repeat(30);
        assert_eq!(
            replace("(a|aa)+(a|aa)+(a|aa)+b", &input, ""),
            Err(MatchError::OverBudget(Exceeded {
                limit: Limit::RegexSteps,
                max: Limits::DEFAULT.regex_steps
            }))
        );
        assert_eq!(
            Regex::new("((a{1000}){1000}){1000}").err(),
            Some(RegexProblem::TooComplex)
        );
    }

    proptest! {
        #[test]
        fn never_panics(pattern in any::<String>(), input in any::<String>(), replacement in any::<String>()) {
            if let Ok(regex) = Regex::new(&pattern) {
                if let Ok(pieces) = regex.replacement(&replacement) {
                    let _ = regex.replace_all(&units(&input), &pieces, &mut budget());
                }
            }
        }

        #[test]
        fn never_panics_on_near_patterns(
            pattern in "[a-c()|*+?{}0-9,\\[\\]^$.\\\\sdw<>:?-]{0,16}",
            input in "[a-c0-9 \\n]{0,12}",
            replacement in "[a-c$\\{\\}0-9]{0,6}",
        ) {
            if let Ok(regex) = Regex::new(&pattern) {
                if let Ok(pieces) = regex.replacement(&replacement) {
                    let _ = regex.replace_all(&units(&input), &pieces, &mut budget());
                }
            }
        }
    }
}
