//! The page's state of «Check the whole directory» (issue 27): which file (its name and size,
//! never its bytes), which columns, which pass runs and how far it is, and what the directory
//! worker answered. One reducer, as [`crate::mapping_state`]: the `File` and the worker are the
//! widget's (`dom::directory`), which runs the pass [`DirectoryState::request`] asks for and
//! turns each answer into a [`DirectoryAction`].
//!
//! The passes follow each other: a chosen file gets its columns read; «Check every user» runs
//! the survey of the chosen column, then the check with the levels chosen in the section (the
//! delimiter the admin chose, else the one the survey found over all rows); «Download results»
//! runs the results pass with the same choices.
//!
//! ```
//! use scim_token_core::directory::{Columns, DirectoryAnswer, Pass};
//! use scim_token_core::directory_state::{DirectoryAction, DirectoryState, Task};
//!
//! let mut state = DirectoryState::default();
//! state.apply(DirectoryAction::Chose { name: "users.csv".into(), size: 100, source: "department".into() });
//! assert!(matches!(state.request, Some((1, Pass::Columns { .. }))));
//! assert_eq!(state.running.as_ref().map(|r| r.task), Some(Task::Columns));
//! let columns = Columns { names: vec!["userPrincipalName".into(), "department".into()], delimiter: ',', source_column: Some(1), key_column: Some(0) };
//! state.apply(DirectoryAction::Answered(DirectoryAnswer::Columns { job: 1, columns }));
//! assert_eq!((state.column, state.key_column), (Some(1), Some(0)));
//! assert!(state.running.is_none());
//! ```

use std::rc::Rc;

use crate::directory::{
    CheckReport, CheckSpec, Columns, DirectoryAnswer, GroupId, Pass, SampleUser, Survey,
};
use crate::expr::LevelChoice;
use crate::helpers::Stopped;
use crate::i18n::directory::DirectoryText;
use crate::state::Apply;

/// Which pass runs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Task {
    /// The header's columns.
    Columns,
    /// The chosen column over every row.
    Survey,
    /// Every row evaluated and counted.
    Check,
    /// The results file written.
    Results,
}

impl Task {
    /// What the progress bar is named while it runs.
    pub fn text(self) -> DirectoryText {
        match self {
            Task::Columns => DirectoryText::ReadingColumns,
            Task::Survey => DirectoryText::Surveying,
            Task::Check => DirectoryText::Checking,
            Task::Results => DirectoryText::Writing,
        }
    }

    fn of(pass: &Pass) -> Task {
        match pass {
            Pass::Columns { .. } => Task::Columns,
            Pass::Survey { .. } => Task::Survey,
            Pass::Check(_) => Task::Check,
            Pass::Results(_) => Task::Results,
        }
    }
}

/// A pass under way.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Running {
    /// Which.
    pub task: Task,
    /// Bytes of the file read so far.
    pub bytes: u64,
    /// Users read so far.
    pub rows: u64,
}

/// Why a pass ended without its result.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Trouble {
    /// The file cannot be read: the worker's message, in the page's language.
    File(String),
    /// The page stopped the worker (the watchdog, a failure, a message that is no answer).
    Stopped(Stopped),
    /// The admin chose «Stop».
    ByAdmin,
    /// The worker could not be started.
    Unavailable,
    /// The worker no longer holds the job.
    NoJob,
}

/// What the section asks for when the admin chooses «Check every user», apart from the columns.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CheckChoices {
    /// The source attribute's name, as the expressions read it.
    pub source: String,
    /// The delimiter the admin chose in the section, if any.
    pub chosen_delimiter: Option<char>,
    /// The delimiter used when neither the admin nor the survey gives one.
    pub fallback_delimiter: char,
    /// The level of each target.
    pub levels: [Option<LevelChoice>; 3],
}

/// A group's first users, and how many it has in all.
pub type GroupUsers = (Vec<SampleUser>, u64);

/// The page's state of the directory check. Nothing in it is stored anywhere.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct DirectoryState {
    /// The chosen file's name and size.
    pub file: Option<(String, u64)>,
    /// What its header holds.
    pub columns: Option<Columns>,
    /// The source column chosen (the header's match of the source attribute by default).
    pub column: Option<u32>,
    /// The column that names users (`userPrincipalName`, else `displayName`, by default).
    pub key_column: Option<u32>,
    /// What the survey found.
    pub survey: Option<Survey>,
    /// The check's result.
    pub report: Option<Rc<CheckReport>>,
    /// What the check and the results file evaluate.
    pub spec: Option<CheckSpec>,
    /// The pass under way.
    pub running: Option<Running>,
    /// Why the last pass ended without its result.
    pub trouble: Option<Trouble>,
    /// The group whose users were asked for, and its users once they come (with the total).
    pub selected: Option<(GroupId, Option<GroupUsers>)>,
    /// The results file's `blob:` URL, once written.
    pub results_url: Option<String>,
    /// The pass to run next (numbered, so the same pass asked twice runs twice); the widget
    /// runs it when the number changes.
    pub request: Option<(u32, Pass)>,
    /// The check asked for, waiting for the survey.
    waiting_check: Option<CheckChoices>,
    /// The progress last announced (task, rows, percent) and when (ms), at most once a second.
    pub announced: Option<(Task, u64, u8)>,
    announced_at: f64,
}

/// A change to [`DirectoryState`].
#[derive(Clone, PartialEq, Debug)]
pub enum DirectoryAction {
    /// A file was chosen (or dropped): everything before is dropped, its columns are read.
    Chose {
        /// Its name.
        name: String,
        /// Its size.
        size: u64,
        /// The section's source attribute, whose column is the default.
        source: String,
    },
    /// Another source column was chosen.
    ChooseColumn(u32),
    /// Another key column was chosen (`None`: rows are named by number).
    ChooseKey(Option<u32>),
    /// «Check every user».
    Check(CheckChoices),
    /// «Download results».
    Download,
    /// A group's users were asked for.
    Select(GroupId),
    /// The worker answered.
    Answered(DirectoryAnswer),
    /// The current pass's progress is worth announcing if a second has passed (`now` in ms).
    Tick(f64),
    /// The results file is ready at this `blob:` URL.
    ResultsReady(String),
    /// The pass ended without its result.
    Ended(Trouble),
    /// «Clear», the auto-clear or a new language's texts: everything is dropped.
    Clear,
}

impl DirectoryState {
    fn ask(&mut self, pass: Pass) {
        let number = self.request.as_ref().map_or(0, |(n, _)| *n).wrapping_add(1);
        self.running = Some(Running {
            task: Task::of(&pass),
            bytes: 0,
            rows: 0,
        });
        self.trouble = None;
        self.announced = None;
        self.request = Some((number, pass));
    }

    /// The file's size, or 0.
    pub fn file_size(&self) -> u64 {
        self.file.as_ref().map_or(0, |(_, size)| *size)
    }

    /// How far the running pass is, in whole percent of the file's bytes.
    pub fn percent(&self) -> u8 {
        let (Some(running), size) = (&self.running, self.file_size()) else {
            return 0;
        };
        if size == 0 {
            return 100;
        }
        u8::try_from(running.bytes.min(size) * 100 / size).unwrap_or(100)
    }

    /// Applies one change.
    pub fn apply(&mut self, action: DirectoryAction) {
        match action {
            DirectoryAction::Chose { name, size, source } => {
                let request = self.request.take();
                *self = DirectoryState {
                    file: Some((name, size)),
                    request,
                    ..DirectoryState::default()
                };
                self.ask(Pass::Columns { source });
            }
            DirectoryAction::ChooseColumn(column) => self.column = Some(column),
            DirectoryAction::ChooseKey(key) => self.key_column = key,
            DirectoryAction::Check(choices) => {
                if let Some(column) = self.column {
                    self.report = None;
                    self.selected = None;
                    self.results_url = None;
                    self.waiting_check = Some(choices);
                    self.ask(Pass::Survey { column });
                }
            }
            DirectoryAction::Download => {
                if let Some(spec) = self.spec.clone() {
                    self.results_url = None;
                    self.ask(Pass::Results(spec));
                }
            }
            DirectoryAction::Select(group) => self.selected = Some((group, None)),
            DirectoryAction::Answered(answer) => self.answered(answer),
            DirectoryAction::Tick(now) => {
                let Some(running) = &self.running else {
                    return;
                };
                let now_said = (running.task, running.rows, self.percent());
                if now - self.announced_at >= 1000.0 && self.announced != Some(now_said) {
                    self.announced = Some(now_said);
                    self.announced_at = now;
                }
            }
            DirectoryAction::ResultsReady(url) => {
                self.running = None;
                self.results_url = Some(url);
            }
            DirectoryAction::Ended(trouble) => {
                self.running = None;
                self.waiting_check = None;
                self.trouble = Some(trouble);
            }
            DirectoryAction::Clear => *self = DirectoryState::default(),
        }
    }

    fn answered(&mut self, answer: DirectoryAnswer) {
        match answer {
            DirectoryAnswer::Progress {
                next_offset, rows, ..
            } => {
                if let Some(running) = &mut self.running {
                    running.bytes = next_offset;
                    running.rows = rows;
                }
            }
            DirectoryAnswer::Columns { columns, .. } => {
                self.running = None;
                self.column = columns
                    .source_column
                    .or_else(|| (!columns.names.is_empty()).then_some(0));
                self.key_column = columns.key_column;
                self.columns = Some(columns);
            }
            DirectoryAnswer::Surveyed { survey, .. } => {
                self.running = None;
                let detected = survey.detected_delimiter;
                self.survey = Some(survey);
                if let (Some(choices), Some(column)) = (self.waiting_check.take(), self.column) {
                    let spec = CheckSpec {
                        column,
                        key_column: self.key_column,
                        source: choices.source,
                        delimiter: choices
                            .chosen_delimiter
                            .or(detected)
                            .unwrap_or(choices.fallback_delimiter),
                        levels: choices.levels,
                    };
                    self.spec = Some(spec.clone());
                    self.ask(Pass::Check(spec));
                }
            }
            DirectoryAnswer::Checked { report, .. } => {
                self.running = None;
                self.report = Some(Rc::new(report));
            }
            DirectoryAnswer::Written { .. } => {}
            DirectoryAnswer::Users {
                group,
                users,
                total,
                ..
            } => {
                if let Some((selected, shown)) = &mut self.selected {
                    if *selected == group {
                        *shown = Some((users, total));
                    }
                }
            }
            DirectoryAnswer::Failed { message, .. } => {
                self.running = None;
                self.waiting_check = None;
                self.trouble = Some(Trouble::File(message));
            }
            DirectoryAnswer::NoJob { .. } => {
                self.running = None;
                self.waiting_check = None;
                self.selected = None;
                self.trouble = Some(Trouble::NoJob);
            }
        }
    }
}

impl Apply for DirectoryState {
    type Action = DirectoryAction;
    fn apply(&mut self, action: DirectoryAction) {
        DirectoryState::apply(self, action);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn chosen() -> DirectoryState {
        let mut state = DirectoryState::default();
        state.apply(DirectoryAction::Chose {
            name: "users.csv".into(),
            size: 1_000,
            source: "department".into(),
        });
        let columns = Columns {
            names: vec!["userPrincipalName".into(), "Department".into()],
            delimiter: ';',
            source_column: Some(1),
            key_column: Some(0),
        };
        state.apply(DirectoryAction::Answered(DirectoryAnswer::Columns {
            job: 1,
            columns,
        }));
        state
    }

    fn survey(detected: Option<char>) -> Survey {
        Survey {
            rows: 2,
            empty: 0,
            irregular_rows: 0,
            first_irregular_row: None,
            detected_delimiter: detected,
            delimiters: Vec::new(),
            samples: Vec::new(),
        }
    }

    fn choices(chosen_delimiter: Option<char>) -> CheckChoices {
        CheckChoices {
            source: "department".into(),
            chosen_delimiter,
            fallback_delimiter: '>',
            levels: [LevelChoice::position(1), None, Some(LevelChoice::Last)],
        }
    }

    #[test]
    fn the_check_runs_the_survey_then_the_check_with_the_delimiter_found() {
        let mut state = chosen();
        state.apply(DirectoryAction::Check(choices(None)));
        assert_eq!(state.request, Some((2, Pass::Survey { column: 1 })));
        state.apply(DirectoryAction::Answered(DirectoryAnswer::Surveyed {
            job: 2,
            survey: survey(Some('/')),
        }));
        let Some((3, Pass::Check(spec))) = &state.request else {
            panic!("{:?}", state.request)
        };
        assert_eq!(
            (spec.column, spec.key_column, spec.delimiter),
            (1, Some(0), '/')
        );
        assert_eq!(state.running.as_ref().map(|r| r.task), Some(Task::Check));
        // The admin's own delimiter wins over the survey's; none at all falls back.
        let mut state = chosen();
        state.apply(DirectoryAction::Check(choices(Some('|'))));
        state.apply(DirectoryAction::Answered(DirectoryAnswer::Surveyed {
            job: 2,
            survey: survey(Some('/')),
        }));
        assert_eq!(state.spec.as_ref().map(|s| s.delimiter), Some('|'));
        let mut state = chosen();
        state.apply(DirectoryAction::Check(choices(None)));
        state.apply(DirectoryAction::Answered(DirectoryAnswer::Surveyed {
            job: 2,
            survey: survey(None),
        }));
        assert_eq!(state.spec.as_ref().map(|s| s.delimiter), Some('>'));
    }

    #[test]
    fn progress_is_announced_at_most_once_a_second() {
        let mut state = chosen();
        state.apply(DirectoryAction::Check(choices(None)));
        let progress = |bytes, rows| {
            DirectoryAction::Answered(DirectoryAnswer::Progress {
                job: 2,
                next_offset: bytes,
                rows,
                csv: Vec::new(),
            })
        };
        state.apply(progress(100, 10));
        state.apply(DirectoryAction::Tick(5_000.0));
        assert_eq!(state.announced, Some((Task::Survey, 10, 10)));
        state.apply(progress(500, 50));
        state.apply(DirectoryAction::Tick(5_600.0));
        assert_eq!(state.announced, Some((Task::Survey, 10, 10)), "not yet");
        state.apply(DirectoryAction::Tick(6_000.0));
        assert_eq!(state.announced, Some((Task::Survey, 50, 50)));
    }

    #[test]
    fn a_failure_stop_or_clear_ends_the_pass_and_clear_drops_everything() {
        let mut state = chosen();
        state.apply(DirectoryAction::Check(choices(None)));
        state.apply(DirectoryAction::Ended(Trouble::ByAdmin));
        assert!(state.running.is_none());
        state.apply(DirectoryAction::Answered(DirectoryAnswer::Surveyed {
            job: 2,
            survey: survey(None),
        }));
        assert!(state.spec.is_none(), "a stopped check does not go on");
        let mut state = chosen();
        state.apply(DirectoryAction::Check(choices(None)));
        state.apply(DirectoryAction::Answered(DirectoryAnswer::Failed {
            job: 2,
            problem: None,
            message: "bad".into(),
        }));
        assert_eq!(state.trouble, Some(Trouble::File("bad".into())));
        state.apply(DirectoryAction::Clear);
        assert_eq!(state, DirectoryState::default());
    }
}
