//! What the check's result tables list: per target its values (the first
//! [`MAX_VALUES_SHOWN`], most users first), then its empty and failed levels; the depths, the
//! one most users have apart; the problems found. Only groups with users; each row a group the
//! admin can open ([`GroupId`]). The words for each row are in [`crate::i18n::directory`].

use super::check::{CheckReport, GroupId, TargetReport};

/// The most values shown per target; the rest are counted («and K more») and are in the
/// results file: a render stays short whatever the file holds.
pub const MAX_VALUES_SHOWN: usize = 50;

/// A row of a result table: a group and its users.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct GroupRow {
    /// The group (its users on request).
    pub group: GroupId,
    /// How many users it has.
    pub users: u64,
    /// A depth other than the one most users have.
    pub differs: bool,
}

impl GroupRow {
    fn new(group: GroupId, users: u64) -> GroupRow {
        GroupRow {
            group,
            users,
            differs: false,
        }
    }
}

impl TargetReport {
    /// The target's table: its first [`MAX_VALUES_SHOWN`] values, then the empty and the
    /// failed levels when some users have them.
    pub fn rows(&self) -> Vec<GroupRow> {
        let mut rows: Vec<GroupRow> = Vec::new();
        for value in self.values.iter().take(MAX_VALUES_SHOWN) {
            let group = GroupId::Value {
                target: self.target,
                value: value.value.clone(),
            };
            rows.push(GroupRow::new(group, value.users));
        }
        if self.empty > 0 {
            rows.push(GroupRow::new(GroupId::EmptyLevel(self.target), self.empty));
        }
        if self.failed > 0 {
            rows.push(GroupRow::new(GroupId::Failed(self.target), self.failed));
        }
        rows
    }

    /// The values beyond [`MAX_VALUES_SHOWN`], not in [`TargetReport::rows`].
    pub fn values_not_shown(&self) -> usize {
        self.values.len().saturating_sub(MAX_VALUES_SHOWN)
    }
}

impl CheckReport {
    /// The depths' table: each depth some users have, those other than the most common marked,
    /// then the users with no value.
    pub fn depth_rows(&self) -> Vec<GroupRow> {
        let mut rows = Vec::new();
        for (depth, &users) in (1..).zip(&self.depths) {
            if users > 0 {
                rows.push(GroupRow {
                    group: GroupId::Depth(depth),
                    users,
                    differs: self.most_common_depth.is_some_and(|most| most != depth),
                });
            }
        }
        if self.no_value > 0 {
            rows.push(GroupRow::new(GroupId::NoValue, self.no_value));
        }
        rows
    }

    /// The problems' table: each problem some users' values have.
    pub fn problem_rows(&self) -> Vec<GroupRow> {
        let mut rows = Vec::new();
        for &(problem, users) in &self.problems {
            if users > 0 {
                rows.push(GroupRow::new(GroupId::Problem(problem), users));
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::{ValueCount, ValueProblem};
    use crate::expr::ScimTarget;

    fn target(values: usize, empty: u64, failed: u64) -> TargetReport {
        TargetReport {
            target: ScimTarget::Division,
            expression: String::new(),
            values: (0..values)
                .map(|i| ValueCount {
                    value: format!("v{i}"),
                    cut: false,
                    users: 1000 - i as u64,
                })
                .collect(),
            more_values_users: 0,
            empty,
            failed,
            failure: None,
        }
    }

    #[test]
    fn a_target_lists_its_first_values_then_the_empty_and_failed_levels_that_have_users() {
        let rows = target(2, 3, 0).rows();
        let groups: Vec<_> = rows
            .iter()
            .map(|row| (row.group.clone(), row.users))
            .collect();
        let value = |v: &str| GroupId::Value {
            target: ScimTarget::Division,
            value: v.into(),
        };
        assert_eq!(
            groups,
            [
                (value("v0"), 1000),
                (value("v1"), 999),
                (GroupId::EmptyLevel(ScimTarget::Division), 3)
            ]
        );
        let failed = target(0, 0, 4).rows();
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].group, GroupId::Failed(ScimTarget::Division));

        let many = target(MAX_VALUES_SHOWN + 7, 0, 0);
        assert_eq!(many.rows().len(), MAX_VALUES_SHOWN);
        assert_eq!(many.values_not_shown(), 7);
        assert_eq!(target(3, 0, 0).values_not_shown(), 0);
    }

    #[test]
    fn depths_with_users_the_uncommon_marked_then_no_value_and_problems_with_users() {
        let report = CheckReport {
            rows: 13,
            no_value: 2,
            depths: vec![0, 1, 10, 0],
            most_common_depth: Some(3),
            problems: vec![(ValueProblem::ALL[0], 0), (ValueProblem::ALL[1], 5)],
            targets: Vec::new(),
        };
        let depths: Vec<_> = report
            .depth_rows()
            .into_iter()
            .map(|row| (row.group, row.users, row.differs))
            .collect();
        assert_eq!(
            depths,
            [
                (GroupId::Depth(2), 1, true),
                (GroupId::Depth(3), 10, false),
                (GroupId::NoValue, 2, false)
            ]
        );
        let problems: Vec<_> = report
            .problem_rows()
            .into_iter()
            .map(|row| (row.group, row.users))
            .collect();
        assert_eq!(problems, [(GroupId::Problem(ValueProblem::ALL[1]), 5)]);
    }
}
