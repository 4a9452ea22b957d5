//! The third pass: every row evaluated with the expressions the mapping helper writes (built
//! by [`crate::expr::build`], printed, parsed back once, evaluated per row within the
//! evaluation budget), and counted: per target attribute each distinct value and its users,
//! the rows where a level comes out empty (or the evaluation failed), the depth of every value,
//! and the problems of [`super::problems`]. Each group keeps a few of its users
//! ([`MAX_SAMPLE_USERS`]) to show when it is selected.
//!
//! A source value seen before is not evaluated again: its levels are remembered (at most
//! [`MAX_CACHED_VALUES`] values of at most 1 KiB), which gives the same result, since an
//! evaluation depends on the value alone.

use std::collections::HashMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::expr::MAX_LEVELS_SHOWN;
use crate::expr::{build, evaluate, parse, Attributes, Expr, LevelChoice, ScimTarget, Value};
use crate::i18n::expr::ExprMessage;
use crate::lang::Lang;

use super::limits::{
    cut_at, MAX_CACHED_VALUES, MAX_DISTINCT_VALUES, MAX_KEY_BYTES, MAX_SAMPLE_USERS,
    MAX_VALUE_BYTES,
};
use super::problems::{value_problems, ValueProblem};

/// What the check and the results file evaluate: the same choices as the mapping helper's.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct CheckSpec {
    /// The column holding the source attribute (from 0, as in [`super::Columns::names`]).
    pub column: u32,
    /// The column naming each user ([`super::Columns::key_column`]), if any.
    pub key_column: Option<u32>,
    /// The source attribute's name, as the expressions read it (the helper's).
    pub source: String,
    /// The delimiter between levels (the helper's, or the survey's).
    pub delimiter: char,
    /// Each target's level, in [`ScimTarget::ALL`]'s order; `None`: not mapped.
    pub levels: [Option<LevelChoice>; 3],
}

/// One user in a group's sample.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct SampleUser {
    /// The row, counting the header as row 1.
    pub row: u64,
    /// The key column's value (cut to [`MAX_KEY_BYTES`]); empty without a key column.
    pub key: String,
}

/// A group of users the report counts, to ask for its sample
/// ([`super::DirectoryQuestion::Users`]).
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub enum GroupId {
    /// The users who get this value for this target.
    Value {
        /// The target.
        target: ScimTarget,
        /// The value, as the report gives it.
        value: String,
    },
    /// The users whose value for this target is beyond the [`MAX_DISTINCT_VALUES`] counted.
    MoreValues(ScimTarget),
    /// The users whose level for this target comes out empty.
    EmptyLevel(ScimTarget),
    /// The users whose evaluation for this target failed (a budget reached).
    Failed(ScimTarget),
    /// The users with no value in the source column.
    NoValue,
    /// The users whose value has this many levels (the last bucket: more than
    /// [`MAX_LEVELS_SHOWN`]).
    Depth(u32),
    /// The users whose value has this problem.
    Problem(ValueProblem),
}

/// A distinct value of a target and how many users get it.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct ValueCount {
    /// The value (its first [`MAX_VALUE_BYTES`] bytes).
    pub value: String,
    /// Whether the value is longer than what is given (users are counted by its start).
    pub cut: bool,
    /// How many users get it.
    pub users: u64,
}

/// What one target attribute gets over the whole file.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct TargetReport {
    /// The target.
    pub target: ScimTarget,
    /// The expression evaluated (what the helper writes).
    pub expression: String,
    /// Each distinct non-empty value, most users first (then by value); at most
    /// [`MAX_DISTINCT_VALUES`].
    pub values: Vec<ValueCount>,
    /// Users whose value is beyond those counted one by one.
    pub more_values_users: u64,
    /// Users whose level comes out empty (no source value included).
    pub empty: u64,
    /// Users whose evaluation failed.
    pub failed: u64,
    /// Why the first failed evaluation failed, in the job's language.
    pub failure: Option<String>,
}

/// The whole check's result.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct CheckReport {
    /// Rows read (users).
    pub rows: u64,
    /// Users with no value in the source column.
    pub no_value: u64,
    /// Users by how many levels their value has: `depths[n - 1]` have `n`, the last entry more
    /// than [`MAX_LEVELS_SHOWN`]. No value is not counted.
    pub depths: Vec<u64>,
    /// The depth most users have; the others are «rows whose depth differs».
    pub most_common_depth: Option<u32>,
    /// Users with each problem, in [`ValueProblem::ALL`]'s order.
    pub problems: Vec<(ValueProblem, u64)>,
    /// Each mapped target, in [`ScimTarget::ALL`]'s order.
    pub targets: Vec<TargetReport>,
}

/// A group's count and sample.
#[derive(Default)]
pub(crate) struct Group {
    users: u64,
    sample: Vec<SampleUser>,
}

impl Group {
    fn add(&mut self, row: u64, key: &str) {
        self.users += 1;
        if self.sample.len() < MAX_SAMPLE_USERS {
            self.sample.push(SampleUser {
                row,
                key: cut_at(key, MAX_KEY_BYTES).0.to_owned(),
            });
        }
    }

    fn retained_bytes(&self) -> usize {
        size_of::<Group>()
            + self.sample.capacity() * size_of::<SampleUser>()
            + self
                .sample
                .iter()
                .map(|user| user.key.capacity())
                .sum::<usize>()
    }
}

/// One target's level for one value.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) enum Level {
    /// The target is not mapped.
    NotMapped,
    /// The level.
    Text(String),
    /// The level is empty.
    Empty,
    /// The evaluation failed: why.
    Failed(String),
}

impl Level {
    /// The level's text in the results file.
    pub fn text(&self) -> &str {
        match self {
            Level::Text(text) => text,
            _ => "",
        }
    }
}

/// The longest source value whose levels are remembered.
const MAX_CACHED_VALUE_BYTES: usize = 1024;

/// The helper's expressions, parsed once, and the levels of the values seen.
pub(crate) struct Levels {
    source: String,
    expressions: [Option<Expr>; 3],
    texts: [String; 3],
    known: HashMap<String, Rc<[Level; 3]>>,
    lang: Lang,
    /// Evaluations done (values not remembered) since the count was last taken.
    pub evaluated: usize,
}

impl Levels {
    /// The expressions for `spec`; `Err` with the message when they cannot be built.
    pub fn new(spec: &CheckSpec, lang: Lang) -> Result<Levels, String> {
        let mut expressions = [None, None, None];
        let mut texts = [String::new(), String::new(), String::new()];
        for ((level, expression), text) in spec.levels.iter().zip(&mut expressions).zip(&mut texts)
        {
            if let Some(level) = level {
                let built = build(&spec.source, spec.delimiter, *level)
                    .map_err(|error| error.message(lang))?
                    .to_string();
                // Parsed back from the text the admin pastes into Entra.
                *expression = Some(parse(&built).map_err(|error| error.message(lang))?);
                *text = built;
            }
        }
        Ok(Levels {
            source: spec.source.clone(),
            expressions,
            texts,
            known: HashMap::new(),
            lang,
            evaluated: 0,
        })
    }

    /// The three targets' levels of `value`.
    pub fn of(&mut self, value: &str) -> Rc<[Level; 3]> {
        if let Some(levels) = self.known.get(value) {
            return Rc::clone(levels);
        }
        self.evaluated += 1;
        let user = Attributes::new().with(&self.source, value);
        let levels = Rc::new(
            self.expressions
                .each_ref()
                .map(|expression| match expression {
                    None => Level::NotMapped,
                    // A user without the attribute gets no level: Entra does not evaluate
                    // the mapping.
                    Some(_) if value.is_empty() => Level::Empty,
                    Some(expression) => match evaluate(expression, &user) {
                        Ok(Value::Null) => Level::Empty,
                        Ok(Value::Text(text)) if text.is_empty() => Level::Empty,
                        Ok(Value::Text(text)) => Level::Text(text),
                        Ok(other) => Level::Text(other.to_string()),
                        Err(error) => Level::Failed(error.message(self.lang)),
                    },
                }),
        );
        if value.len() <= MAX_CACHED_VALUE_BYTES && self.known.len() < MAX_CACHED_VALUES {
            self.known.insert(value.to_owned(), Rc::clone(&levels));
        }
        levels
    }

    fn retained_bytes(&self) -> usize {
        let entry = size_of::<String>() + size_of::<Rc<[Level; 3]>>() + 2 * size_of::<[Level; 3]>();
        self.known.capacity() * entry
            + self
                .known
                .iter()
                .map(|(value, levels)| {
                    value.capacity() + levels.iter().map(|level| level.text().len()).sum::<usize>()
                })
                .sum::<usize>()
    }
}

/// One target's counts.
#[derive(Default)]
struct TargetTally {
    values: HashMap<String, Group>,
    more_values: Group,
    empty: Group,
    failed: Group,
    failure: Option<String>,
}

/// The check as it is counted, row by row.
pub(crate) struct CheckTally {
    /// The choices evaluated.
    pub spec: CheckSpec,
    /// The expressions and the levels of the values seen.
    pub levels: Levels,
    rows: u64,
    no_value: Group,
    depths: Vec<Group>,
    problems: Vec<Group>,
    targets: [TargetTally; 3],
}

impl CheckTally {
    /// A tally for `spec`; `Err` with the message when its expressions cannot be built.
    pub fn new(spec: CheckSpec, lang: Lang) -> Result<CheckTally, String> {
        let levels = Levels::new(&spec, lang)?;
        Ok(CheckTally {
            spec,
            levels,
            rows: 0,
            no_value: Group::default(),
            depths: (0..=MAX_LEVELS_SHOWN).map(|_| Group::default()).collect(),
            problems: ValueProblem::ALL.iter().map(|_| Group::default()).collect(),
            targets: Default::default(),
        })
    }

    /// Counts one user: row `row`, named `key`, whose source value is `value`.
    pub fn add(&mut self, row: u64, key: &str, value: &str) {
        self.rows += 1;
        if value.is_empty() {
            self.no_value.add(row, key);
        } else {
            let depth = value.matches(self.spec.delimiter).count() + 1;
            if let Some(group) = self.depths.get_mut(depth.min(MAX_LEVELS_SHOWN + 1) - 1) {
                group.add(row, key);
            }
            for problem in value_problems(value, self.spec.delimiter) {
                if let Some(group) = self.problems.get_mut(problem.index()) {
                    group.add(row, key);
                }
            }
        }
        let levels = self.levels.of(value);
        for (tally, level) in self.targets.iter_mut().zip(levels.iter()) {
            match level {
                Level::NotMapped => {}
                Level::Empty => tally.empty.add(row, key),
                Level::Failed(why) => {
                    tally.failed.add(row, key);
                    tally.failure.get_or_insert_with(|| why.clone());
                }
                Level::Text(text) => {
                    let (kept, _) = cut_at(text, MAX_VALUE_BYTES);
                    if let Some(group) = tally.values.get_mut(kept) {
                        group.add(row, key);
                    } else if tally.values.len() < MAX_DISTINCT_VALUES {
                        let mut group = Group::default();
                        group.add(row, key);
                        tally.values.insert(kept.to_owned(), group);
                    } else {
                        tally.more_values.add(row, key);
                    }
                }
            }
        }
    }

    /// The report of every row counted.
    pub fn report(&self) -> CheckReport {
        let depths: Vec<u64> = self.depths.iter().map(|group| group.users).collect();
        let mut most: Option<(usize, u64)> = None;
        for (at, &users) in depths.iter().enumerate() {
            if users > 0 && most.is_none_or(|(_, top)| users > top) {
                most = Some((at, users));
            }
        }
        let targets = ScimTarget::ALL
            .into_iter()
            .zip(&self.targets)
            .zip(&self.levels.texts)
            .zip(&self.spec.levels)
            .filter(|(_, level)| level.is_some())
            .map(|(((target, tally), expression), _)| {
                let mut values: Vec<ValueCount> = tally
                    .values
                    .iter()
                    .map(|(value, group)| ValueCount {
                        value: value.clone(),
                        cut: value.len() >= MAX_VALUE_BYTES,
                        users: group.users,
                    })
                    .collect();
                values.sort_by(|a, b| b.users.cmp(&a.users).then_with(|| a.value.cmp(&b.value)));
                TargetReport {
                    target,
                    expression: expression.clone(),
                    values,
                    more_values_users: tally.more_values.users,
                    empty: tally.empty.users,
                    failed: tally.failed.users,
                    failure: tally.failure.clone(),
                }
            })
            .collect();
        CheckReport {
            rows: self.rows,
            no_value: self.no_value.users,
            depths,
            most_common_depth: most.and_then(|(at, _)| u32::try_from(at + 1).ok()),
            problems: ValueProblem::ALL
                .into_iter()
                .zip(&self.problems)
                .map(|(problem, group)| (problem, group.users))
                .collect(),
            targets,
        }
    }

    /// A group's sample of users and how many users it has; `None` for a group the check
    /// does not have.
    pub fn users(&self, group: &GroupId) -> Option<(&[SampleUser], u64)> {
        let index = |target: &ScimTarget| ScimTarget::ALL.iter().position(|t| t == target);
        let group = match group {
            GroupId::Value { target, value } => {
                self.targets.get(index(target)?)?.values.get(value)?
            }
            GroupId::MoreValues(target) => &self.targets.get(index(target)?)?.more_values,
            GroupId::EmptyLevel(target) => &self.targets.get(index(target)?)?.empty,
            GroupId::Failed(target) => &self.targets.get(index(target)?)?.failed,
            GroupId::NoValue => &self.no_value,
            GroupId::Depth(depth) => self
                .depths
                .get(usize::try_from(*depth).ok()?.checked_sub(1)?)?,
            GroupId::Problem(problem) => self.problems.get(problem.index())?,
        };
        Some((&group.sample, group.users))
    }

    /// The bytes this tally holds, for the measure of the worker's memory.
    pub fn retained_bytes(&self) -> usize {
        let groups = self
            .depths
            .iter()
            .chain(&self.problems)
            .chain([&self.no_value])
            .map(Group::retained_bytes)
            .sum::<usize>();
        let targets = self
            .targets
            .iter()
            .map(|tally| {
                tally.values.capacity() * (size_of::<String>() + size_of::<Group>())
                    + tally
                        .values
                        .iter()
                        .map(|(value, group)| value.capacity() + group.retained_bytes())
                        .sum::<usize>()
                    + [&tally.more_values, &tally.empty, &tally.failed]
                        .map(Group::retained_bytes)
                        .iter()
                        .sum::<usize>()
            })
            .sum::<usize>();
        groups + targets + self.levels.retained_bytes()
    }
}
